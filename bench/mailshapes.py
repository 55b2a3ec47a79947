# ruff: noqa: E501  (mail templates read better one line per piece)
"""The benchmark's mailboxes: realistic everyday Meta mail among newsletters and personal mail.

Everyday Facebook and Instagram notifications are built like the real ones (FG "Everyday Meta
mail"): a text part of ~80 words and a heavy HTML part of nested layout tables with inline styles,
one block per story (4-20 of them), wrapped links of ~250 characters: Facebook's are 25-70 kB,
Instagram's 12-30 kB. The header carries what Meta's real mail carries (Received, DKIM-Signature,
List-Unsubscribe, Feedback-ID, X-Facebook-Notify), and, in the "auth-results" shape, the
Authentication-Results line the user's server adds. A few everyday subjects are of kinds the
tracker does not know, as in a real mailbox. The objection flow (notices, codes, replies) comes
from tests/fixtures.

`floor` counts the bytes no sync can avoid: the header fields that decide (those the tracker
fetches, as they appear in each mail the server's search returns) and the flow mails whole.
"""

from __future__ import annotations

import datetime as dt
import quopri
import random
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


@dataclass(frozen=True)
class Shape:
    """What a mailbox's Meta mail looks like (issue 21 item 3)."""

    auth: bool  # the server adds Authentication-Results
    campaign: bool  # Meta's campaign headers (X-Facebook-Notify, Feedback-ID) as Meta writes them
    unlisted: bool  # half the everyday subjects are of templates and languages the rules do not list
    footer: bool = True  # the everyday mail's footer names the address (and the username)

    @property
    def label(self) -> str:
        return ", ".join([("AR" if self.auth else "no AR"), ("campaign" if self.campaign else "no campaign"),
                          ("unlisted subjects" if self.unlisted else "listed subjects")]
                         + ([] if self.footer else ["no footer"]))


SHAPES: dict[str, Shape] = {
    "auth-results": Shape(auth=True, campaign=False, unlisted=False),
    "no-auth-results": Shape(auth=False, campaign=False, unlisted=False),
    "auth-campaign": Shape(auth=True, campaign=True, unlisted=False),
    "no-auth-campaign": Shape(auth=False, campaign=True, unlisted=False),
    "auth-unlisted": Shape(auth=True, campaign=False, unlisted=True),
    "no-auth-unlisted": Shape(auth=False, campaign=False, unlisted=True),
    "auth-campaign-unlisted": Shape(auth=True, campaign=True, unlisted=True),
    "no-auth-campaign-unlisted": Shape(auth=False, campaign=True, unlisted=True),
    "auth-unlisted-no-footer": Shape(auth=True, campaign=False, unlisted=True, footer=False),
    "no-auth-campaign-unlisted-no-footer": Shape(auth=False, campaign=True, unlisted=True, footer=False),
}
# What a real mailbox most likely is: a server that checks, Meta's own headers, and subjects in
# whatever language the account uses, many of templates no list has.
MAIN_SHAPES = ("auth-campaign-unlisted", "no-auth-unlisted")
AUTH_RESULTS = re.compile(rb"^Authentication-Results:.*\r?\n(?:[ \t].*\r?\n)*", re.IGNORECASE | re.MULTILINE)

WORDS = ("lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do",
         "tempor", "labore", "dolore", "magna", "aliqua", "meeting", "invoice", "project", "weekend",
         "travel", "photos", "garden", "dinner", "school", "concert", "beach", "puppy", "recipe")
NAMES = ("Lena Fischer", "Maria Lopez", "Tom Becker", "Jonas Weber", "Camille Martin", "Marco Rossi",
         "Eva Novak", "Sofia Berg", "Ahmed Karim", "Priya Shah", "Noah Jansen", "Ines Costa")
USERNAMES = ("lena.runs", "marco_rossi", "sofia.b", "ahmed.k", "priya.draws", "noah.jansen", "eva.n")


def _para(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _date(i: int, n: int) -> str:
    start = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    when = start + dt.timedelta(seconds=int(i * (3 * 365 * 86400) / n))
    return when.strftime("%a, %d %b %Y %H:%M:%S +0000")


def _encoded(subject: str) -> str:
    if subject.isascii():
        return subject
    from email.header import Header

    return Header(subject, "utf-8").encode()


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii").replace("\n", "\r\n")


# --- mail that is not Meta's -------------------------------------------------------------------

def newsletter(rng: random.Random, i: int, n: int, auth: bool) -> bytes:
    html = "".join(f"<tr><td style='padding:8px;font-family:Arial'>{_para(rng, 40)}</td></tr>"
                   for _ in range(rng.randint(10, 60)))
    ar = f"Authentication-Results: mx.example.org; dkim=pass header.d=shop{i % 40}.example\r\n" if auth else ""
    return (f"{ar}From: Shop {i % 40} <news@shop{i % 40}.example>\r\nTo: anna@example.org\r\n"
            f"Subject: Deals of the week {i}\r\nDate: {_date(i, n)}\r\nMessage-ID: <n{i}@shop.example>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            f"<html><body><table>{html}</table></body></html>\r\n").encode()


def personal(rng: random.Random, i: int, n: int, auth: bool) -> bytes:
    ar = "Authentication-Results: mx.example.org; dkim=pass header.d=example.net\r\n" if auth else ""
    return (f"{ar}From: Friend {i % 300} <friend{i % 300}@example.net>\r\nTo: anna@example.org\r\n"
            f"Subject: Re: {_para(rng, 4)}\r\nDate: {_date(i, n)}\r\nMessage-ID: <p{i}@example.net>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + "\r\n".join(_para(rng, 14) for _ in range(rng.randint(3, 40))) + "\r\n").encode()


# --- everyday Meta mail ------------------------------------------------------------------------

FONT = "font-family:Helvetica Neue,Helvetica,Lucida Grande,tahoma,verdana,arial,sans-serif"
CSS = ("<style type=\"text/css\">@media all and (max-width: 480px){*[class].ib_t{min-width:100% "
       "!important}*[class].ib_row{display:block !important}*[class].ib_ext{display:block !important;"
       "padding:10px 17px 10px 0 !important;vertical-align:top !important}*[class].ib_img{display:"
       "block !important}*[class].mb_blk{display:block !important;padding-bottom:10px;width:100% "
       "!important}*[class].mb_hide{display:none !important}*[class].mb_inl{display:inline "
       "!important}}.d_mb_show{display:none}.d_mb_flex{display:flex}@media only screen and "
       "(max-device-width: 480px){.d_mb_hide{display:none !important}.d_mb_show{display:block "
       "!important}.d_mb_flex{display:block !important}}.mb_text h1,.mb_text h2,.mb_text h3,.mb_text "
       "h4,.mb_text h5,.mb_text h6{line-height:normal}.mb_work_text h1{font-size:18px;line-height:"
       "normal;margin-top:4px}.mb_work_text h2,.mb_work_text h3{font-size:16px;line-height:normal;"
       "margin-top:4px}div.mb_work_text p{margin:0;padding:0}</style>")


def _wrapped(rng: random.Random, host: str, path: str, address: str) -> str:
    return (f"https://{host}/n/?{path}%2F{rng.randint(10**14, 10**15)}&amp;aref={rng.randint(10**9, 10**10)}"
            f"&amp;medium=email&amp;mid={uuid.UUID(int=rng.getrandbits(128)).hex[:24]}G5af3{rng.randint(10**5, 10**6)}"
            f"&amp;bcode=2.{rng.randint(10**9, 10**10)}.Ab{uuid.UUID(int=rng.getrandbits(128)).hex[:12]}"
            f"&amp;n_m={address.replace('@', '%40')}&amp;lloc=image")


def _story(rng: random.Random, host: str, address: str, who: str) -> str:
    link = _wrapped(rng, host, "story.php", address)
    avatar = f"https://static.xx.fbcdn.net/rsrc.php/v3/y{rng.randint(1, 9)}/r/{uuid.UUID(int=rng.getrandbits(128)).hex[:11]}.png"
    return (
        f"<tr><td style=\"padding:0 0 12px 0\"><table border=\"0\" width=\"100%\" cellspacing=\"0\" "
        f"cellpadding=\"0\" style=\"border-collapse:collapse\"><tr><td style=\"width:56px;padding:0 12px 0 0;"
        f"vertical-align:top\"><a href=\"{link}\" style=\"color:#1b74e4;text-decoration:none\"><img src=\""
        f"{avatar}\" width=\"48\" height=\"48\" style=\"border:0;border-radius:24px;display:block\" alt=\"\">"
        f"</a></td><td style=\"vertical-align:top\"><table border=\"0\" cellspacing=\"0\" cellpadding=\"0\" "
        f"style=\"border-collapse:collapse\"><tr><td style=\"{FONT};font-size:16px;line-height:21px;color:"
        f"#141823\"><span style=\"font-weight:bold;color:#141823\">{who}</span> "
        f"{rng.choice(('commented on your post', 'reacted to your photo', 'shared a memory', 'posted in Maple Court Residents'))}"
        f": <span style=\"color:#65676b\">&ldquo;{_para(rng, rng.randint(8, 20))}&rdquo;</span></td></tr>"
        f"<tr><td style=\"{FONT};font-size:13px;line-height:17px;color:#90949c;padding:4px 0 0 0\">"
        f"{rng.randint(1, 23)} hours ago</td></tr><tr><td style=\"padding:8px 0 0 0\"><table border=\"0\" "
        f"cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse\"><tr><td style=\"background:"
        f"#1877f2;border-radius:6px;padding:6px 12px\"><a href=\"{_wrapped(rng, host, 'comment', address)}\" "
        f"style=\"{FONT};font-size:14px;color:#ffffff;text-decoration:none;font-weight:bold\">See comment</a>"
        f"</td></tr></table></td></tr></table></td></tr></table></td></tr>")


@dataclass
class Everyday:
    platform: str  # facebook | instagram
    address: str
    username: str | None


# Everyday templates no subject rule lists, in several languages: (campaign, subject). Meta's
# campaign names are invented here except those the field guide documents; a real mailbox has
# many more, and the tracker knows only what campaigns.toml lists.
UNLISTED = (
    ("memories", "{who} shared a memory with you"),
    ("feed_digest", "See what {who} and others have been sharing"),
    ("page_weekly", "Your weekly Page summary"),
    ("page_new_likes", "{who} and {n} others like your Page"),
    ("event_invite_off_fb", "{who} invited you to an event"),
    ("memories", "{who} hat eine Erinnerung mit dir geteilt"),
    ("feed_digest", "Schau dir an, was {who} und andere geteilt haben"),
    ("memories", "{who} a partagé un souvenir avec vous"),
    ("group_activity", "Nouvelles publications dans {who} et {n} autres groupes"),
    ("memories", "{who} поделилась воспоминанием с вами"),
    ("comment", "{who} прокомментировала вашу публикацию"),
    ("comment", "{who} gönderini yorumladı"),
    ("mention", "{who} mencionou você em um comentário"),
    ("mention", "{who} sizi bir yorumda andı"),
    ("comment", "{who}さんがあなたの投稿にコメントしました"),
    ("roadblock", "Neue Anmeldung von Chrome auf Windows"),
)


def _subject(rng: random.Random, who: str, account: Everyday, unlisted: bool = False) -> tuple[str, str]:
    """(campaign, subject) of one everyday mail."""
    if unlisted and rng.random() < 0.5:
        campaign, subject = rng.choice(UNLISTED)
        return campaign, subject.format(who=who, n=rng.randint(2, 90))
    known = [f"You have {rng.randint(2, 40)} new notifications", f"{who} commented on your post",
             f"{rng.choice(USERNAMES)} started following you", f"{who} sent you a message",
             "See what you missed this week on Facebook" if account.platform == "facebook" else
             f"{account.username}, you have {rng.randint(2, 9)} new notifications",
             f"{who} posted in Maple Court Residents: \"{_para(rng, 5)}\""]
    unknown = [f"{who} added to their story", f"Your Page had {rng.randint(2, 90)} new visitors",
               f"{who} and {rng.randint(2, 9)} others are going to an event near you"]
    subject = rng.choice(unknown) if rng.random() < 0.06 else rng.choice(known)
    return ("ig_notif" if account.platform == "instagram" else "comment"), subject


def notification(rng: random.Random, i: int, n: int, auth: bool, shape: Shape | None = None,
                 sign: Callable[[bytes], bytes] | None = None) -> bytes:
    """Everyday Meta mail shaped like the real thing; `sign` gives it a DKIM signature that
    verifies (the benchmark's key, served by its DNS server), else it carries one that does not."""
    shape = shape or Shape(auth=auth, campaign=False, unlisted=False)
    ig = i % 2 == 0
    account = (Everyday("instagram", "anna@example.org", "anna.photos") if ig else
               Everyday("facebook", "anna@example.org" if i % 5 else "anna.work@example.org", None))
    host = "www.instagram.com" if ig else "www.facebook.com"
    sender = "Instagram <no-reply@mail.instagram.com>" if ig else "Facebook <notification@facebookmail.com>"
    domain = "instagram.com" if ig else "facebookmail.com"
    who = rng.choice(NAMES)
    footer = (f"This message was sent to {account.address} and intended for {account.username}. Not your "
              "account? Remove your email from this account." if ig else
              f"This message was sent to {account.address}. If you don't want to receive these emails "
              "from Meta in the future, please unsubscribe.")
    if not shape.footer:
        footer = "If you don't want to receive these emails from Meta in the future, please unsubscribe."
    greeting = account.username if ig else "Anna"
    lines = [f"Hi {greeting},", "", f"{who} commented on your post: \"{_para(rng, 14)}\"",
             f"See comment: {_wrapped(rng, host, 'story.php', account.address).replace('&amp;', '&')}", "",
             f"{rng.choice(NAMES)} and {rng.randint(2, 30)} others reacted to your photo: \"{_para(rng, 10)}\"",
             "", f"{rng.choice(NAMES)} shared a memory with you. {_para(rng, 12)}", "",
             f"You have {rng.randint(2, 40)} more notifications. {_para(rng, 8)}", "", "Thanks,",
             f"The {'Instagram' if ig else 'Facebook'} team", "", "=" * 30, footer,
             "Meta Platforms, Inc., Attention: Community Support, 1 Meta Way, Menlo Park, CA 94025"]
    text = "\r\n".join(lines)
    stories = rng.randint(4, 20) if not ig else rng.randint(4, 10)
    body = "".join(_story(rng, host, account.address, rng.choice(NAMES)) for _ in range(stories))
    logo = "https://static.xx.fbcdn.net/rsrc.php/v3/yS/r/logo.png"
    html = (
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional //EN\"><html lang=\"en\"><head>"
        f"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><title>{'Instagram' if ig else 'Facebook'}"
        f"</title>{CSS}</head><body style=\"margin:0;padding:0\" dir=\"ltr\" bgcolor=\"#ffffff\">"
        "<table border=\"0\" cellspacing=\"0\" cellpadding=\"0\" align=\"center\" id=\"email_table\" "
        "style=\"border-collapse:collapse\"><tr><td id=\"email_content\" style=\""
        f"{FONT};background:#ffffff\"><table border=\"0\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" "
        "style=\"border-collapse:collapse\"><tr><td height=\"20\" style=\"line-height:20px\" colspan=\"3\">"
        "&nbsp;</td></tr><tr><td width=\"15\" style=\"display:block;width:15px\">&nbsp;&nbsp;&nbsp;</td><td>"
        "<table border=\"0\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:"
        f"collapse\"><tr><td style=\"padding:0 0 16px 0\"><a href=\"{_wrapped(rng, host, 'home', account.address)}\">"
        f"<img src=\"{logo}\" width=\"32\" height=\"32\" style=\"border:0\" alt=\"\"></a></td></tr>"
        f"<tr><td style=\"{FONT};font-size:18px;color:#141823;padding:0 0 16px 0\">Hi {greeting},</td></tr>"
        f"{body}<tr><td style=\"{FONT};font-size:12px;line-height:16px;color:#abadb1;padding:24px 0 0 0;"
        f"border-top:1px solid #e5e5e5\">{footer} <a href=\"{_wrapped(rng, host, 'unsubscribe', account.address)}\" "
        "style=\"color:#1b74e4\">Unsubscribe</a><br>Meta Platforms, Inc., Attention: Community Support, "
        f"1 Meta Way, Menlo Park, CA 94025</td></tr></table></td><td width=\"15\">&nbsp;</td></tr>"
        "<tr><td height=\"20\" colspan=\"3\">&nbsp;</td></tr></table></td></tr></table>"
        f"<img src=\"https://{host}/email_open_log_pic.php?mid={uuid.UUID(int=rng.getrandbits(128)).hex}\" "
        "style=\"border:0;width:1px;height:1px\"></body></html>")
    boundary = f"b1_{uuid.UUID(int=rng.getrandbits(128)).hex}"
    mid = uuid.UUID(int=rng.getrandbits(128)).hex
    ar = (f"Authentication-Results: mx.example.org;\r\n\tdkim=pass header.d={domain} header.s=s1024-2013-q3 "
          f"header.b=Z0AAHLEL;\r\n\tspf=pass (domain of {domain} designates 69.171.232.143 as permitted "
          f"sender) smtp.mailfrom={domain};\r\n\tdmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from={domain}\r\n"
          if auth else "")
    dkim = ("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/simple; d=" + domain + ";\r\n\ts=s1024-2013-q3; "
            "t=1716800000; bh=" + uuid.UUID(int=rng.getrandbits(128)).hex + "=;\r\n\th=Date:To:Subject:From:"
            "MIME-Version:Content-Type;\r\n\tb=" + "".join(uuid.UUID(int=rng.getrandbits(128)).hex
                                                          for _ in range(5)) + "\r\n")
    campaign, subject = _subject(rng, who, account, shape.unlisted)
    # Meta's campaign headers as Meta writes them (field guide); without them, the other headers
    # Meta sends stay.
    campaign_headers = (f"X-Facebook-Notify: {campaign}; mailid={mid[:20]}\r\n"
                        f"Feedback-ID: 9999:{campaign}:Facebook\r\n") if shape.campaign else ""
    head = (
        f"Return-Path: <{sender.split('<')[1]}\r\n"
        f"Received: from mx.example.org by imap.example.org with LMTP id {mid[:16]}\r\n\tfor <{account.address}>; "
        f"{_date(i, n)}\r\nReceived: from 69-171-232-143.mail-mail.facebook.com (69-171-232-143.mail-mail."
        f"facebook.com [69.171.232.143])\r\n\tby mx.example.org (Postfix) with ESMTPS id {mid[16:28]}\r\n\t"
        f"for <{account.address}>; {_date(i, n)}\r\n{ar}{'' if sign else dkim}"
        f"From: {sender}\r\nTo: {account.address}\r\nSubject: {_encoded(subject)}\r\n"
        f"Date: {_date(i, n)}\r\nMessage-ID: <{mid}@{domain}>\r\n"
        f"{campaign_headers}X-FACEBOOK-PRIORITY: 3\r\n"
        f"List-Unsubscribe: <https://{host}/o.php?k={mid[:12]}&u={rng.randint(10**14, 10**15)}&mid={mid[:20]}>\r\n"
        f"Reply-to: noreply <noreply@{domain}>\r\n"
        f"MIME-Version: 1.0\r\nContent-Type: multipart/alternative;\r\n boundary=\"{boundary}\"\r\n\r\n")
    raw = (head + f"--{boundary}\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n"
           f"Content-Transfer-Encoding: quoted-printable\r\n\r\n{_qp(text)}\r\n\r\n"
           f"--{boundary}\r\nContent-Type: text/html; charset=\"utf-8\"\r\n"
           f"Content-Transfer-Encoding: quoted-printable\r\n\r\n{_qp(html)}\r\n\r\n"
           f"--{boundary}--\r\n").encode()
    return _signed(raw, sign) if sign else raw


def _signed(raw: bytes, sign: Callable[[bytes], bytes]) -> bytes:
    """Signed where Meta's servers sign: below the Received lines of the user's servers."""
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    cut = 0
    while cut < len(lines) and (lines[cut].lower().startswith((b"received:", b"return-path:",
                                                              b"authentication-results:"))
                                or lines[cut][:1] in (b" ", b"\t")):
        cut += 1
    trace = b"".join(line + b"\r\n" for line in lines[:cut])
    return trace + sign(b"\r\n".join(lines[cut:]) + b"\r\n\r\n" + body)


# --- the flow --------------------------------------------------------------------------------

def flow_mails(auth: bool, sign: Callable[[bytes], bytes] | None = None) -> list[bytes]:
    mails = [p.read_bytes() for p in sorted(FIXTURES.glob("*.eml")) if not p.name.startswith(("irr_", "sus_"))]
    mails = [m if auth else AUTH_RESULTS.sub(b"", m) for m in mails[:40]]
    return [sign(m) for m in mails] if sign else mails


# --- the mailbox and its floor -----------------------------------------------------------------

@dataclass
class Floor:
    """Bytes a sync cannot avoid (payload only: IMAP framing comes on top)."""

    meta: int = 0  # messages the server's search returns
    flow: int = 0
    header_bytes: int = 0
    flow_bytes: int = 0
    script_payload: int = 0  # the whole of every match: what the user's script downloads
    sizes: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.header_bytes + self.flow_bytes


def mailbox(n: int, shape_name: str, floor: Floor, seed: int = 7,
            sign: Callable[[bytes], bytes] | None = None) -> Iterator[bytes]:
    """Generated one at a time: a child forked from a fat parent would report the parent's RSS."""
    from tracker.mail.mailbox import HEADER_FIELDS
    from tracker.recognition import rules

    fields = tuple(f.lower().encode() + b":" for f in HEADER_FIELDS.split())
    shape = SHAPES[shape_name]
    auth = shape.auth
    rng = random.Random(seed)
    special = flow_mails(auth, sign)
    every = max(1, n // (len(special) + 1))
    for i in range(n):
        flow = False
        if i % every == every // 2 and special:
            raw, flow = special.pop(), True
        elif rng.random() < 0.05:
            raw = notification(rng, i, n, auth, shape, sign)
        elif rng.random() < 0.5:
            raw = newsletter(rng, i, n, auth)
        else:
            raw = personal(rng, i, n, auth)
        header = raw.split(b"\r\n\r\n", 1)[0].replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
        sender = re.search(rb"(?im)^from:(.*)$", header)
        if sender and any(t.encode() in sender.group(1).lower() for t in rules.SEARCH_FROM):
            floor.meta += 1
            floor.script_payload += len(raw)
            if flow:
                floor.flow += 1
                floor.flow_bytes += len(raw)
            else:
                floor.header_bytes += _deciding_header(header, fields)
        yield raw


def _deciding_header(header: bytes, fields: tuple[bytes, ...]) -> int:
    size, keep = 2, False  # the blank line that ends a HEADER.FIELDS answer
    for line in header.split(b"\n"):
        if line[:1] not in (b" ", b"\t"):
            keep = line.lower().startswith(fields)
        if keep:
            size += len(line) + 2
    return size
