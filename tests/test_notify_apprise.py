"""An Apprise URL delivers the digest: apprise's json:// service posting to a local HTTP server."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator

import pytest

from tracker.act.notify import AppriseChannel
from tracker.act.remind import DueAccount, digest
from tracker.errors import NotifyError


class Receiver(http.server.BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.received.append(json.loads(body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[int]:
    Receiver.received = []
    server = http.server.HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


def a_digest():
    import datetime as dt

    now = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    due = [DueAccount("instagram", "anna.photos", "needs_action", now - dt.timedelta(days=9),
                      "https://help.instagram.com/contact/767264225370182")]
    return digest(due, now=now)


def test_apprise_json_url_delivers_the_digest(receiver):
    AppriseChannel(f"json://127.0.0.1:{receiver}/hook").send(a_digest())
    (message,) = Receiver.received
    assert "instagram:anna.photos" in message["message"]
    assert "https://help.instagram.com/contact/767264225370182" in message["message"]


def test_apprise_unreachable_is_a_channel_failure(receiver):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    with pytest.raises(NotifyError, match="could not deliver"):
        AppriseChannel(f"json://127.0.0.1:{dead}/hook").send(a_digest())
