"""A throwaway DKIM key, a real DNS server on a loopback port that serves its public half, and signing.

The DNS server is dnslib's (UDP and TCP), answering TXT queries for the names it was given and
NXDOMAIN for any other; `stop()` closes its port, so a lookup afterwards fails as when offline.
"""

from __future__ import annotations

import base64
import socket
from dataclasses import dataclass, field

import dkim
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils
from dnslib import QTYPE, RR, TXT
from dnslib.server import BaseResolver, DNSServer

SELECTOR = "s2026"
SIGNED_HEADERS = [b"from", b"to", b"subject", b"date", b"message-id", b"mime-version", b"content-type"]


@dataclass
class Key:
    private_pem: bytes
    public_txt: str  # the DNS TXT record: "v=DKIM1; k=rsa; p=…"


def make_key() -> Key:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                serialization.NoEncryption())
    der = private.public_key().public_bytes(serialization.Encoding.DER,
                                            serialization.PublicFormat.SubjectPublicKeyInfo)
    return Key(pem, "v=DKIM1; k=rsa; p=" + base64.b64encode(der).decode())


def _openssl_sign(digest, private_key: dict) -> bytes:
    """What dkimpy's RSASSA_PKCS1_v1_5_sign returns, computed by OpenSSL: dkimpy raises to the
    private exponent with Python's pow, 6 ms a mail, which made signing the slowest step of the
    tests that deliver thousands of Meta mails. PKCS#1 v1.5 is deterministic: the same bytes."""
    numbers = (private_key["modulus"], private_key["publicExponent"])
    found = _OPENSSL_KEYS.get(numbers)
    if found is None:
        found = _OPENSSL_KEYS[numbers] = rsa.RSAPrivateNumbers(
            private_key["prime1"], private_key["prime2"], private_key["privateExponent"],
            private_key["exponent1"], private_key["exponent2"], private_key["coefficient"],
            rsa.RSAPublicNumbers(private_key["publicExponent"], private_key["modulus"]),
        ).private_key()
    algorithm = {"sha256": hashes.SHA256(), "sha1": hashes.SHA1()}[digest.name]
    return found.sign(digest.digest(), padding.PKCS1v15(), utils.Prehashed(algorithm))


_OPENSSL_KEYS: dict[tuple[int, int], rsa.RSAPrivateKey] = {}
dkim.RSASSA_PKCS1_v1_5_sign = _openssl_sign  # the name dkim.sign calls (dkim/__init__.py)


def sign(message: bytes, key: Key, domain: str, selector: str = SELECTOR) -> bytes:
    """The message with a DKIM-Signature of `domain` on top (CRLF line ends, as on the wire)."""
    message = message.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    signature = dkim.sign(message, selector.encode(), domain.encode(), key.private_pem,
                          include_headers=SIGNED_HEADERS, linesep=b"\r\n")
    return signature + message


class _Records(BaseResolver):
    def __init__(self, records: dict[str, str]) -> None:
        self.records = records

    def resolve(self, request, handler):
        reply = request.reply()
        name = str(request.q.qname).rstrip(".").lower()
        if request.q.qtype == QTYPE.TXT and name in self.records:
            value = self.records[name]
            chunks = [value[i:i + 255] for i in range(0, len(value), 255)]
            reply.add_answer(RR(request.q.qname, QTYPE.TXT, rdata=TXT(chunks), ttl=60))
        else:
            reply.header.rcode = 3  # NXDOMAIN
        return reply


@dataclass
class KeyServer:
    """A DNS server on 127.0.0.1:port serving DKIM TXT records."""

    records: dict[str, str] = field(default_factory=dict)
    port: int = 0
    _udp: DNSServer | None = None

    def add(self, domain: str, key: Key, selector: str = SELECTOR) -> None:
        self.records[f"{selector}._domainkey.{domain}".lower()] = key.public_txt

    @property
    def nameserver(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> KeyServer:
        if not self.port:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.bind(("127.0.0.1", 0))
                self.port = s.getsockname()[1]
        self._udp = DNSServer(_Records(self.records), port=self.port, address="127.0.0.1",
                              logger=_Silent())
        self._udp.start_thread()
        return self

    def stop(self) -> None:
        if self._udp:
            self._udp.stop()
            self._udp.server.server_close()
            self._udp = None


class _Silent:
    def __getattr__(self, name):
        return lambda *args, **kwargs: None


# --- the suite's harness: Meta's key for every Meta domain, on a DNS server the tracker is told of
# through OBJECTION_TRACKER_DKIM_NAMESERVERS (tests/conftest.py `meta_dkim`).
HARNESS: dict[str, object] = {}


def start_harness() -> KeyServer:
    from tracker.recognition import rules

    key = make_key()
    server = KeyServer()
    for domain, _ in rules.SENDER_DOMAINS:
        server.add(domain, key)
    server.start()
    HARNESS.update(key=key, server=server)
    return server


def harness_sign(data: bytes) -> bytes:
    """`data` signed by the Meta domain of its From, as Meta signs, when the harness runs and the
    mail is from a Meta domain and not signed yet; else unchanged."""
    key = HARNESS.get("key")
    if key is None:
        return data
    from tracker.recognition.authenticity import meta_domain
    from tracker.recognition.parse import parse

    head = data.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    if b"dkim-signature:" in head.lower():
        return data
    try:
        sender = parse(head + b"\r\n\r\n").sender
    except Exception:
        return data
    domain = meta_domain(sender.domain) if sender else None
    if domain is None:
        return data
    try:
        return sign(data, key, domain)  # type: ignore[arg-type]
    except Exception:  # a mail dkimpy cannot sign (broken headers): delivered as it is
        return data
