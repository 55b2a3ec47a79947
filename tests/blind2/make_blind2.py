"""Blind test set 2 for objection-tracker: writes *.eml and expected.toml next to this file.

Written from the field guide only (no recogniser code, no other test data).
Usage: python make_blind2.py          (write files)
       python make_blind2.py --check  (regenerate in memory, compare, exit 1 on difference)
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import quopri
import struct
import sys
import zlib
from email.header import Header
from email.utils import formataddr
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent

FB_FORM = "https://www.facebook.com/help/contact/712876720715583"
FB_FORM2 = "https://www.facebook.com/help/contact/6359191084165019"
IG_FORM = "https://help.instagram.com/contact/767264225370182"
IG_FORM2 = "https://help.instagram.com/contact/233964459562201"
META_2026 = "https://help.meta.com/support/privacy"
FB_GENAI = "https://www.facebook.com/privacy/guide/genai"
IG_GENAI = "https://privacycenter.instagram.com/privacy/genai"
FB_POLICY = "https://www.facebook.com/privacy/policy/"
THIRD_PARTY_OLD = "https://www.facebook.com/help/contact/1266025207620918"
WA_FORM = "https://www.whatsapp.com/contact/forms/382532939919295/"

FB_NOTIF = ("Facebook", "notification@facebookmail.com")
FB_NOREPLY = ("Facebook", "noreply@facebookmail.com")
FB_SECURITY = ("Facebook", "security@facebookmail.com")
META_PRIV = ("Meta Privacy", "noreply@facebookmail.com")
IG_MAIL = ("Instagram", "no-reply@mail.instagram.com")
IG_SEC = ("Instagram", "security@mail.instagram.com")
THREADS = ("Threads", "no-reply@mail.instagram.com")


def tok(seed: str, n: int = 16) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


def num(seed: str, digits: int) -> str:
    return str(int(tok(seed, 12), 16))[:digits]


def fb_n(target: str, addr: str, seed: str) -> str:
    """Facebook notification wrapper: https://www.facebook.com/n/?<encoded path>&..."""
    path = target.split("facebook.com/", 1)[1]
    return (
        "https://www.facebook.com/n/?" + quote(path, safe="")
        + "&aref=" + num(seed + "a", 10) + "&medium=email&mid=" + tok(seed + "m", 13)
        + "&bcode=2.1." + num(seed + "b", 10) + "&n_m=" + quote(addr, safe="")
        + "&rms=v2&irms=true"
    )


def fb_l(target: str, seed: str) -> str:
    return "https://l.facebook.com/l.php?u=" + quote(target, safe="") + "&h=AT" + tok(seed, 22)


def ig_l(target: str, seed: str) -> str:
    return "https://l.instagram.com/?u=" + quote(target, safe="") + "&e=AT" + tok(seed, 24)


def logo_png() -> bytes:
    """A 4x4 blue square PNG, built deterministically."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x18\x77\xf2" * 4 for _ in range(4))
    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# --- content blocks -------------------------------------------------------------------------
# A body is a list of blocks:
#   "text"                       a paragraph
#   ("a", label, href)           a paragraph that is one link
#   ("p", before, label, href, after)   a paragraph with an inline link
#   ("b", text)                  a bold paragraph
#   ("t", [(cell, cell), ...])   a table (text: "cell: cell")
#   ("raw", html, text)          hand-written HTML and its text twin
#   ("small", text)              footer line (grey in HTML)


def to_text(blocks: list) -> str:
    out = []
    for b in blocks:
        if isinstance(b, str):
            out.append(b)
        elif b[0] == "a":
            out.append(f"{b[1]}\n{b[2]}")
        elif b[0] == "p":
            out.append(f"{b[1]}{b[2]} ( {b[3]} ){b[4]}")
        elif b[0] in ("b", "small"):
            out.append(b[1])
        elif b[0] == "t":
            out.append("\n".join(f"{x}: {y}" if y else x for x, y in b[1]))
        elif b[0] == "raw":
            out.append(b[2])
    return "\n\n".join(out) + "\n"


def to_html(blocks: list, lang: str, logo: bool, title: str) -> str:
    esc = html.escape
    rows = []
    if logo:
        rows.append('<tr><td style="padding:16px 0"><img src="cid:logo@meta" width="24" '
                    'height="24" alt=""></td></tr>')
    for b in blocks:
        if isinstance(b, str):
            cell = esc(b).replace("\n", "<br>")
        elif b[0] == "a":
            cell = (f'<a href="{esc(b[2])}" style="color:#1877f2;text-decoration:none">'
                    f"{esc(b[1])}</a>")
        elif b[0] == "p":
            cell = (f'{esc(b[1])}<a href="{esc(b[3])}" style="color:#1877f2">{esc(b[2])}</a>'
                    f"{esc(b[4])}")
        elif b[0] == "b":
            cell = f"<b>{esc(b[1])}</b>"
        elif b[0] == "t":
            inner = "".join(
                f'<tr><td style="padding:4px 8px">{esc(x)}</td>'
                f'<td style="padding:4px 8px;font-weight:bold">{esc(y)}</td></tr>'
                for x, y in b[1])
            cell = f'<table cellpadding="0" cellspacing="0" border="0">{inner}</table>'
        elif b[0] == "raw":
            cell = b[1]
        else:  # small
            cell = f'<span style="color:#8a8d91;font-size:11px">{esc(b[1])}</span>'
        rows.append(f'<tr><td style="font-family:Helvetica,Arial,sans-serif;font-size:14px;'
                    f'color:#1c1e21;padding:6px 0">{cell}</td></tr>')
    body = "\n".join(rows)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta http-equiv="Content-Type" '
            f'content="text/html; charset=utf-8"><title>{esc(title)}</title></head>\n'
            f'<body style="margin:0;padding:0"><table width="100%" cellpadding="0" '
            f'cellspacing="0" border="0" style="max-width:600px">\n{body}\n'
            "</table></body></html>\n")


def leaf(ctype: str, charset: str, cte: str, text: str) -> bytes:
    if ctype == "text/html":
        text = text.replace("charset=utf-8", f"charset={charset}")
    raw = text.encode(charset)
    if cte == "quoted-printable":
        body = quopri.encodestring(raw)
    elif cte == "base64":
        body = base64.encodebytes(raw)
    else:
        body = raw
    if not body.endswith(b"\n"):
        body += b"\n"
    head = f'Content-Type: {ctype}; charset="{charset}"\nContent-Transfer-Encoding: {cte}\n\n'
    return head.encode() + body


def multipart(subtype: str, boundary: str, parts: list[bytes], extra: str = "") -> bytes:
    out = f'Content-Type: multipart/{subtype}; boundary="{boundary}"{extra}\n\n'.encode()
    for p in parts:
        out += f"--{boundary}\n".encode() + p + b"\n"
    return out + f"--{boundary}--\n".encode()


def image_part() -> bytes:
    data = base64.encodebytes(logo_png())
    return (b"Content-Type: image/png; name=\"logo.png\"\nContent-Transfer-Encoding: base64\n"
            b"Content-ID: <logo@meta>\nContent-Disposition: inline; filename=\"logo.png\"\n\n"
            + data)


def enc_header(value: str, charset: str) -> str:
    if value.isascii():
        return value
    return Header(value, charset if charset != "windows-1250" else "utf-8").encode()


def addr_header(name: str, addr: str, charset: str) -> str:
    if name.isascii():
        return formataddr((name, addr))
    return formataddr((name, addr), charset="utf-8")


MAILS: list[dict] = []
FILES: dict[str, bytes] = {}


def mk(file: str, exp: dict, frm: tuple, to: tuple, subject: str, date: str, blocks: list,
       shape: str = "alt", charset: str = "utf-8", cte: str = "quoted-printable",
       auth: str | None = "pass", extra: list | None = None, html_blocks: list | None = None,
       text_override: str | None = None) -> None:
    """Build one message. shape: alt | related | html | text."""
    seed = file
    from_dom = frm[1].rsplit("@", 1)[1]
    lines = [f"Return-Path: <{frm[1]}>"]
    lines.append(f"Received: from mx-out-{num(seed + 'r', 3)}.{from_dom} (mx-out.{from_dom} "
                 f"[203.0.113.{int(num(seed + 'i', 2)) + 10}])\n\tby mx.example.org with ESMTPS "
                 f"id {tok(seed + 'q', 12)}; {date}")
    if auth == "pass":
        lines.append(f"Authentication-Results: mx.example.org;\n\tdkim=pass header.d={from_dom} "
                     f"header.s=s{num(seed + 's', 4)} header.b={tok(seed + 'h', 8)};\n\t"
                     f"spf=pass smtp.mailfrom={from_dom};\n\tdmarc=pass (p=REJECT) "
                     f"header.from={from_dom}")
    elif auth is not None:
        lines.append(auth)
    for h in extra or []:
        lines.append(h)
    lines.append(f"Date: {date}")
    lines.append(f"From: {addr_header(frm[0], frm[1], charset)}")
    lines.append(f"To: {addr_header(to[0], to[1], charset) if to[0] else to[1]}")
    lines.append(f"Subject: {enc_header(subject, charset)}")
    lines.append(f"Message-ID: <{tok(seed + 'id', 20)}.{num(seed + 'n', 6)}@{from_dom}>")
    lines.append("MIME-Version: 1.0")
    text = text_override if text_override is not None else to_text(blocks)
    lang = exp["language"]
    htm = to_html(html_blocks or blocks, lang, shape == "related", subject)
    b1 = "b1_" + tok(seed + "b1", 24)
    b2 = "b2_" + tok(seed + "b2", 24)
    if shape == "text":
        body = leaf("text/plain", charset, cte, text)
    elif shape == "html":
        body = leaf("text/html", charset, cte, htm)
    elif shape == "alt":
        body = multipart("alternative", b1, [leaf("text/plain", charset, cte, text),
                                              leaf("text/html", charset, cte, htm)])
    else:
        rel = multipart("related", b2, [leaf("text/html", charset, cte, htm), image_part()],
                        '; type="text/html"')
        body = multipart("alternative", b1, [leaf("text/plain", charset, cte, text), rel])
    FILES[file] = "\n".join(lines).encode() + b"\n" + body
    MAILS.append({"file": file, **exp})


def E(kind: str, lang: str, address: str, platform: str | None = None,
      account: str | None = None, url: str | None = None, linked: bool = False,
      trap: str = "", note: str = "") -> dict:
    d: dict = {"kind": kind}
    if platform:
        d["platform"] = platform
        d["account"] = (account or address).lower()
    d["address"] = address.lower()
    d["language"] = lang
    if url:
        d["objection_url"] = url
    if linked:
        d["covers_linked_accounts"] = True
    d["trap"] = trap
    d["note"] = note
    return d


def fb_foot(addr: str, text: str) -> tuple:
    return ("small", text.replace("ADDR", addr))


def ig_foot(addr: str, user: str, text: str) -> tuple:
    return ("small", text.replace("ADDR", addr).replace("USER", user))


META_ADDR = "Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, D04 X2K5, Ireland"
META_INC = "Meta Platforms, Inc., Attention: Community Support, 1 Meta Way, Menlo Park, CA 94025"
IG_ADDR = "© Instagram. Meta Platforms, Inc., 1601 Willow Road, Menlo Park, CA 94025"

FOOT_EN = "This message was sent to ADDR. If you don't want to receive these emails from Meta " \
    "in the future, please unsubscribe."
FOOT_EN_IG = "This message was sent to ADDR and intended for USER. Not your account? Remove " \
    "your email from this account."


def english() -> None:
    a = "siobhan.kelly@example.ie"
    mk("en_01_notice_uk2024_fb.eml",
       E("notice", "en", a, "facebook", url=FB_FORM,
         trap="UK wave, British spelling, 'honoured' only inside an if-clause",
         note="form link wrapped in facebook.com/n/ with n_m"),
       FB_NOTIF, ("Siobhan Kelly", a),
       "We're updating our Privacy Policy as we expand AI at Meta",
       "Thu, 12 Sep 2024 09:14:03 -0700",
       ["Hi Siobhan,",
        "We're getting ready to expand AI at Meta to the UK. AI at Meta is our collection of "
        "generative AI features and experiences, like Meta AI and AI creative tools, along with "
        "the models that power them.",
        ("b", "What this means for you"),
        "To help bring these experiences to you, we'll now rely on the legal basis called "
        "legitimate interests for using your information to develop and improve AI at Meta. "
        "This update to our Privacy Policy takes effect on 9 October 2024.",
        ("p", "You have the ", "right to object", fb_n(FB_FORM, a, "en1"),
         " to how your information is used for these purposes. If your objection is honoured, "
         "it will be applied from then on."),
        "Once your objection is approved, we'll let you know by email.",
        ("a", "View Privacy Policy", fb_n(FB_POLICY, a, "en1p")),
        "Thanks,\nThe Privacy Team",
        fb_foot(a, FOOT_EN), ("small", META_INC)],
       shape="related")

    a = "d.okafor@example.co.uk"
    mk("en_02_confirm_2024_supportinbox.eml",
       E("confirmation", "en", a, "facebook",
         trap="Support Inbox copy headed 'Our reply'; links only the privacy centre, no form",
         note="2024 wording, signed Privacy Operations"),
       FB_NOREPLY, ("", a), "You have a new message in your Support Inbox",
       "Fri, 31 May 2024 22:41:57 +0000",
       ["Hi Daniel,",
        "You have a new message about your request in your Support Inbox.",
        ("b", "Our reply"),
        "Hi Daniel,\n\nWe've reviewed your request and will honour your objection. This means "
        "your request will be applied going forward.\n\nIf you want to learn more about "
        "generative AI, and our privacy work in this new space, please review the information "
        "we have in Privacy Center.",
        ("a", "facebook.com/privacy/genai", fb_n(FB_GENAI, a, "en2")),
        "This inbox cannot accept incoming messages. If you send us a reply, it won't be "
        "received.\n\nThanks,\nPrivacy Operations",
        ("a", "View in Support Inbox", fb_n("https://www.facebook.com/support/?tab=inbox", a,
                                            "en2s")),
        fb_foot(a, FOOT_EN), ("small", META_ADDR)],
       shape="text", cte="7bit", auth=None)

    a = "aoife.byrne@example.ie"
    mk("en_03_digest_with_notice_fb.eml",
       E("notice", "en", a, "facebook", url=FB_FORM,
         trap="digest of notifications; the AI notice is one item among comments and events",
         note="2025 wave; 'fill in the form and we'll honour' and 'already objected' are "
              "not outcomes"),
       FB_NOTIF, ("Aoife Byrne", a),
       "Aoife, you have 4 new notifications and an update about AI at Meta",
       "Tue, 15 Apr 2025 06:02:11 -0700",
       ["Hi Aoife,", "Here's what you missed on Facebook.",
        ("t", [("Ciarán Walsh commented on your photo", "\u201cGorgeous, where's that?\u201d"),
               ("Dublin Runners", "3 new posts"),
               ("Reminder", "Niamh's birthday is tomorrow")]),
        ("b", "Learn how we'll use your information as we improve AI at Meta"),
        "From 27 May 2025 we'll use public content, such as public posts and comments from "
        "accounts of people aged 18 or over, and your interactions with AI at Meta features, "
        "to develop and improve AI at Meta, relying on legitimate interests.",
        ("p", "You have the right to object. ", "Object here", fb_n(FB_FORM, a, "en3"),
         ". Fill in the form and we'll honour your objection. If you've already objected, "
         "you don't need to submit another request."),
        ("a", "See all notifications", fb_n("https://www.facebook.com/notifications", a,
                                            "en3n")),
        fb_foot(a, FOOT_EN), ("small", META_ADDR)])

    a = "maya.lindqvist@example.com"
    u = "maya.runs.far"
    mk("en_04_ack_ig.eml",
       E("acknowledgement", "en", a, "instagram", u,
         trap="'if we honour your objection' is a promise about the future, not an outcome",
         note="HTML only"),
       IG_MAIL, ("", a), "We've received your request",
       "Mon, 3 Jun 2024 11:20:45 +0000",
       [f"Hi {u},",
        "Thanks for contacting us. We've received your request about how your information is "
        "used for AI at Meta and a member of our team will review it.",
        "We'll email you to let you know whether we honour your objection. This can take some "
        "time.",
        "Thanks,\nInstagram Privacy",
        ig_foot(a, u, FOOT_EN_IG), ("small", IG_ADDR)],
       shape="html", cte="base64")

    a = "maya.lindqvist@example.com"
    u = "maya.runs.far"
    c = num("en5c", 6)
    mk("en_05_2fa_code_ig.eml",
       E("other", "en", a, "instagram", u,
         trap="six-digit code with 'confirm it's you' wording: a login code, not the objection "
              "code", note="code in subject"),
       IG_SEC, ("", a), f"{c} is your Instagram code",
       "Mon, 3 Jun 2024 11:02:13 +0000",
       [f"Hi {u},", "Someone tried to log in to your Instagram account from a new device. "
        "To confirm it's you, enter this code:", ("b", c),
        "If this wasn't you, secure your account.",
        ig_foot(a, u, FOOT_EN_IG)],
       shape="text", cte="7bit")

    a = "siobhan.kelly@example.ie"
    mk("en_06_suspicious_homoglyph.eml",
       E("suspicious", "en", a,
         trap="facebookrnail.com: 'rn' looks like 'm'; copies the confirmation wording",
         note="asks for a login to 'finalise' the objection"),
       ("Facebook", "notification@facebookrnail.com"), ("Siobhan Kelly", a),
       "Action needed: finalise your objection to AI at Meta",
       "Sat, 14 Sep 2024 03:12:40 +0000",
       ["Hi Siobhan,",
        "We've reviewed your request and will honour your objection once you confirm your "
        "identity. Requests not confirmed within 24 hours will be closed.",
        ("a", "Confirm identity", "https://www.facebookrnail.com/help/contact/712876720715583"
         "?session=confirm"),
        fb_foot(a, FOOT_EN)],
       auth="Authentication-Results: mx.example.org;\n\tdkim=pass header.d=facebookrnail.com;"
            "\n\tspf=pass smtp.mailfrom=facebookrnail.com;\n\tdmarc=pass "
            "header.from=facebookrnail.com")

    a = "d.okafor@example.co.uk"
    mk("en_07_irrelevant_news.eml",
       E("irrelevant", "en", a,
         trap="news article quoting 'will honour your objection' and both form links",
         note="newsletter from a news site"),
       ("The Morning Brief", "newsletter@briefing.example.co.uk"), ("", a),
       "How to stop Meta using your posts to train its AI",
       "Wed, 18 Sep 2024 07:00:00 +0100",
       ["Good morning.",
        "Meta will start training its AI on UK users' public posts from 9 October. You have "
        "the right to object: Facebook users can use the form at "
        "https://www.facebook.com/help/contact/712876720715583 and Instagram users "
        "https://help.instagram.com/contact/767264225370182.",
        "Readers who objected told us they received a mail within minutes: \"We've reviewed "
        "your request and will honour your objection.\"",
        ("small", "You are receiving this because you subscribed to The Morning Brief. "
                  "Unsubscribe.")],
       auth="pass")

    a = "jordan.hale@example.com"
    mk("en_08_other_ai_chats_ads.eml",
       E("other", "en", a, "facebook",
         trap="late-2025 AI notice without any objection link ('no action needed')",
         note="information, not an action item"),
       FB_NOTIF, ("Jordan Hale", a), "An update on how we personalize your experience",
       "Tue, 7 Oct 2025 10:31:09 -0700",
       ["Hi Jordan,",
        "Starting December 16, 2025, we'll start using your interactions with AI at Meta, "
        "such as your chats with Meta AI, to personalize the content and ads you see.",
        "You don't need to take any action. You can manage your ad preferences at any time.",
        ("a", "Learn more", fb_n(FB_POLICY, a, "en8")),
        fb_foot(a, FOOT_EN), ("small", META_INC)], shape="related", auth=None)

    a = "jordan.hale@example.com"
    u = "jordanhale.studio"
    mk("en_09_rejection_more_info_ig.eml",
       E("rejection", "en", a, "instagram", u,
         trap="polite wording, no 'reject': cannot process, asks for more information",
         note="US English, 'honor' appears only in a conditional"),
       IG_MAIL, ("", a), "About your request", "Thu, 30 May 2024 15:48:02 +0000",
       [f"Hi {u},",
        "Thanks for reaching out. Unfortunately we can't process your request as submitted. "
        "Please tell us more about how this processing impacts you (at least 100 characters) "
        "so we can review it. We'll honor your objection only if we can verify the details.",
        ("a", "Submit more information", ig_l(IG_FORM, "en9")),
        ig_foot(a, u, FOOT_EN_IG), ("small", IG_ADDR)], auth=None)


FOOT_DE = "Diese Nachricht wurde an ADDR gesendet. Wenn du in Zukunft keine E-Mails von " \
    "Meta erhalten möchtest, melde dich bitte ab."
FOOT_DE_IG = "Diese Nachricht wurde an ADDR gesendet und ist für USER bestimmt."


def german() -> None:
    a = "lena.huber@example.at"
    u = "lena_huber.graz"
    mk("de_01_notice_2025_ig_at.eml",
       E("notice", "de", a, "instagram", u, url=IG_FORM2,
         trap="verb-first conditional 'Wird deinem Widerspruch stattgegeben' and the promise "
              "of a confirmation mail; 'bereits widersprochen' sentence",
         note="Austrian recipient, iso-8859-15, l.instagram.com wrapper"),
       IG_MAIL, ("", a),
       "Erfahre, wie wir deine Informationen im Zuge der Verbesserung von KI bei Meta verwenden",
       "Mon, 14 Apr 2025 16:45:12 +0000",
       [f"Hallo {u},",
        "ab dem 27. Mai 2025 verwenden wir öffentliche Inhalte, zum Beispiel öffentliche "
        "Beiträge und Kommentare von Konten von Personen ab 18 Jahren, sowie deine "
        "Interaktionen mit KI bei Meta-Features, um KI bei Meta zu entwickeln und zu "
        "verbessern. Dafür stützen wir uns auf berechtigte Interessen.",
        ("p", "Du kannst der Verwendung deiner Informationen zu diesen Zwecken ", "widersprechen",
         ig_l(IG_FORM2, "de1"), ". Wird deinem Widerspruch stattgegeben, senden wir dir eine "
         "E-Mail mit der Bestätigung."),
        "Wenn du bereits widersprochen hast, brauchst du keinen weiteren Antrag zu stellen. "
        "Falls wir deinem Widerspruch stattgeben, gilt das auch für Threads.",
        "Viele Grüße\nDas Instagram-Team",
        ig_foot(a, u, FOOT_DE_IG), ("small", IG_ADDR)],
       charset="iso-8859-15")

    a = "reto.mueller@example.ch"
    mk("de_02_confirm_2025_fb_linked_ch.eml",
       E("confirmation", "de", a, "facebook", linked=True,
         trap="Swiss spelling (ss for ß); also links the form again for accounts in other "
              "Kontenübersichten - that link does not make it a notice",
         note="2025 wording, covers linked accounts"),
       META_PRIV, ("Reto Müller", a), "Dein Widerspruch gegen die Verwendung für KI bei Meta",
       "Wed, 16 Apr 2025 08:03:27 +0000",
       ["Hallo Reto",
        "Wir werden deinem Widerspruch für deine öffentlichen Informationen, wie öffentliche "
        "Beiträge und Kommentare, stattgeben. Das heisst, dass wir deine öffentlichen "
        "Informationen von Facebook und Instagram nicht für die künftige Entwicklung und "
        "Verbesserung generativer KI-Modelle für KI bei Meta verwenden werden.",
        "Wir werden deinem Widerspruch ausserdem für alle anderen Konten stattgeben, die du "
        "derselben Kontenübersicht wie diesem Konto hinzugefügt hast.",
        ("p", "Hast du Konten, die nicht in dieser Kontenübersicht sind, kannst du ",
         "hier für diese widersprechen", fb_l(FB_FORM, "de2"), "."),
        "Freundliche Grüsse\nPrivacy Operations",
        fb_foot(a, FOOT_DE), ("small", META_ADDR)],
       cte="base64")

    a = "k.schmidt@example.de"
    c = num("de3c", 6)
    mk("de_03_code_subject_fb.eml",
       E("verification_code", "de", a, "facebook",
         trap="code in subject; 'Bestätigungscode' also used for logins - the body says "
              "Widerspruch", note="valid for one hour"),
       FB_SECURITY, ("", a), f"{c} ist dein Bestätigungscode",
       "Tue, 4 Jun 2024 19:22:08 +0000",
       ["Hallo Katrin,",
        "du hast eine Anfrage zum Widerspruch gegen die Verwendung deiner Informationen für KI "
        "bei Meta gestellt. Gib diesen Code im Formular ein, um deine E-Mail-Adresse zu "
        "bestätigen:",
        ("b", c), "Der Code ist eine Stunde lang gültig.",
        "Falls du diese Anfrage nicht gestellt hast, kannst du diese E-Mail ignorieren.",
        fb_foot(a, FOOT_DE)],
       shape="text", cte="8bit")

    a = "k.schmidt@example.de"
    mk("de_04_irrelevant_vz_newsletter.eml",
       E("irrelevant", "de", a,
         trap="consumer newsletter with both objection form links and 'stattgegeben'",
         note="not from Meta"),
       ("Verbraucherzentrale Newsletter", "newsletter@vz-beispiel.example.de"), ("", a),
       "Meta-KI: So widersprechen Sie jetzt noch",
       "Thu, 22 May 2025 12:00:00 +0200",
       ["Liebe Leserinnen und Leser,",
        "bis zum 26. Mai können Sie widersprechen, dass Meta Ihre öffentlichen Beiträge für KI "
        "nutzt. Facebook: https://www.facebook.com/help/contact/712876720715583 - Instagram: "
        "https://help.instagram.com/contact/767264225370182",
        "Für jede Mail-Adresse ist ein Widerspruch nötig. Bislang hat uns noch niemand "
        "mitgeteilt, dass Meta einen Widerspruch abgelehnt habe; in der Regel wird dem "
        "Widerspruch stattgegeben.",
        ("small", "Sie erhalten diesen Newsletter, weil Sie ihn abonniert haben.")],
       charset="iso-8859-1", auth="pass")

    a = "k.schmidt@example.de"
    mk("de_05_other_comment_quote.eml",
       E("other", "de", a, "facebook",
         trap="quoted comment contains 'stattgegeben', a six-digit number and an "
              "'intended for someone.else' line",
         note="everyday comment notification"),
       FB_NOTIF, ("Katrin Schmidt", a), "Jonas Weber hat deinen Beitrag kommentiert",
       "Sat, 7 Jun 2025 20:11:36 +0200",
       ["Jonas Weber hat deinen Beitrag kommentiert:",
        "\u201eBei mir wurde dem Widerspruch stattgegeben! Der Code war 582913, kam aber erst "
        "nach 2 Stunden. Unten stand: This message was sent to someone.else@example.com and "
        "intended for someone.else\u201c",
        ("a", "Antworten", fb_n("https://www.facebook.com/permalink.php?story_fbid=10233&id=1",
                                a, "de5")),
        fb_foot(a, FOOT_DE), ("small", META_ADDR)], shape="related")

    a = "reto.mueller@example.ch"
    mk("de_06_unclear_supportinbox.eml",
       E("unclear_reply", "de", a, "facebook",
         trap="Support-Inbox copy 'Unsere Antwort' that only points to the Privacy Center",
         note="neither stattgegeben nor abgelehnt"),
       FB_NOREPLY, ("", a), "Neue Nachricht in deinem Support-Postfach",
       "Fri, 18 Apr 2025 12:40:00 +0000",
       ["Hallo Reto",
        ("b", "Unsere Antwort"),
        "Danke für deine Nachricht. Informationen dazu, wie wir deine Informationen für KI "
        "bei Meta verwenden und welche Rechte du hast, findest du im Datenschutzcenter. "
        "Dieses Postfach kann keine Antworten empfangen.",
        ("a", "Zum Datenschutzcenter", fb_n(FB_GENAI, a, "de6")),
        "Privacy Operations", fb_foot(a, FOOT_DE)], shape="html", cte="8bit", auth=None)


FOOT_FR = "Ce message a été envoyé à ADDR. Si vous ne souhaitez plus recevoir ces e-mails de " \
    "Meta, veuillez vous désabonner."
FOOT_FR_IG = "Ce message a été envoyé à ADDR et est destiné à USER."


def french() -> None:
    a = "m.dubois@example.be"
    url = "https://fr-fr.facebook.com/help/contact/712876720715583"
    mk("fr_01_notice_2025_fb_be.eml",
       E("notice", "fr", a, "facebook", url=url,
         trap="localized host fr-fr.facebook.com behind l.facebook.com; 'Si votre opposition "
              "est acceptée' is a conditional", note="Belgian recipient, iso-8859-1"),
       FB_NOTIF, ("Marie Dubois", a),
       "Découvrez comment nous utiliserons vos informations à mesure que nous améliorons "
       "l'IA de Meta", "Tue, 15 Apr 2025 09:30:00 +0000",
       ["Bonjour Marie,",
        ("p", "Vous avez le droit de ", "vous opposer", fb_l(url, "fr1"),
         " à l'utilisation de vos informations à ces fins."),
        "À partir du 27 mai 2025, nous utiliserons les contenus publics, comme les publications "
        "et commentaires publics des personnes de 18 ans et plus, ainsi que vos interactions "
        "avec les fonctionnalités de l'IA chez Meta, sur la base de nos intérêts légitimes.",
        "Si votre opposition est acceptée, elle s'appliquera à l'avenir. Si vous vous êtes "
        "déjà opposé(e), vous n'avez pas besoin d'envoyer une nouvelle demande.",
        "Cordialement,\nL'équipe Confidentialité",
        fb_foot(a, FOOT_FR), ("small", META_ADDR)],
       charset="iso-8859-1", auth=None)

    a = "camille.r@example.fr"
    u = "camille.rando"
    mk("fr_02_confirm_ig.eml",
       E("confirmation", "fr", a, "instagram", u,
         trap="key sentence in bold inside a table cell", note="2024 wording"),
       IG_MAIL, ("", a), "Votre demande d'opposition", "Thu, 6 Jun 2024 14:05:52 +0000",
       [f"Bonjour {u},",
        ("b", "Nous avons examiné votre demande et nous accéderons à votre demande "
              "d'opposition."),
        "Cela signifie que votre demande sera appliquée à l'avenir.",
        ("p", "Pour en savoir plus sur l'IA générative, consultez le ", "Centre de "
         "confidentialité", ig_l(IG_GENAI, "fr2"), "."),
        "L'équipe Instagram", ig_foot(a, u, FOOT_FR_IG), ("small", IG_ADDR)],
       shape="related", cte="base64")

    a = "camille.r@example.fr"
    mk("fr_03_suspicious_display_spoof.eml",
       E("suspicious", "fr", a,
         trap="display name is 'no-reply@mail.instagram.com', real address is elsewhere",
         note="asks for a 'vérification' code"),
       ("no-reply@mail.instagram.com", "support@ig-verification-centre.fr"), ("", a),
       "Votre opposition a été refusée", "Fri, 7 Jun 2024 02:44:19 +0000",
       ["Bonjour camille.rando,",
        "Votre demande d'opposition n'a pas pu être traitée. Confirmez votre compte sous 24 h.",
        ("a", "https://help.instagram.com/contact/767264225370182",
         "https://ig-verification-centre.fr/login"),
        ("small", "Ce message a été envoyé à camille.r@example.fr et est destiné à "
                  "camille.rando.")], auth=None)

    a = "camille.r@example.fr"
    u = "camille.rando"
    mk("fr_04_other_ig_follow.eml",
       E("other", "fr", a, "instagram", u, trap="", note="new follower notification"),
       IG_MAIL, ("", a), "lucas.b_photo a commencé à vous suivre",
       "Sun, 9 Jun 2024 18:12:00 +0000",
       [f"{u}, lucas.b_photo a commencé à vous suivre sur Instagram.",
        ("a", "Voir le profil", ig_l("https://www.instagram.com/lucas.b_photo/", "fr4")),
        ig_foot(a, u, FOOT_FR_IG), ("small", IG_ADDR)], shape="html")


def italian() -> None:
    a = "giulia.ferri@example.it"
    u = "giulia.ferri_"
    mk("it_01_notice_2024_ig.eml",
       E("notice", "it", a, "instagram", u, url=IG_FORM,
         trap="'Se la tua opposizione verrà accolta' conditional", note="2024 wave"),
       IG_MAIL, ("", a), "Stiamo aggiornando la nostra Informativa sulla privacy per "
       "l'espansione dell'IA di Meta", "Fri, 31 May 2024 17:10:04 +0000",
       [f"Ciao {u},",
        "ci stiamo preparando a espandere l'IA di Meta nella tua area geografica. D'ora in "
        "poi ci baseremo sul legittimo interesse per usare le tue informazioni per sviluppare "
        "e migliorare l'IA di Meta. La nuova informativa entra in vigore il 26 giugno 2024.",
        ("p", "Hai il ", "diritto di opposizione", ig_l(IG_FORM, "it1"),
         ". Se la tua opposizione verrà accolta, sarà applicata d'ora in avanti."),
        ig_foot(a, u, "Questo messaggio è stato inviato a ADDR ed è destinato a USER."),
        ("small", IG_ADDR)], shape="related")

    a = "marco.conti@example.it"
    mk("it_02_confirm_2025_fb.eml",
       E("confirmation", "it", a, "facebook",
         trap="starts with 'abbiamo ricevuto la tua richiesta' like an acknowledgement",
         note="arrived a day after the form"),
       FB_NOREPLY, ("Marco Conti", a), "Aggiornamento sulla tua richiesta",
       "Sat, 24 May 2025 10:14:40 +0000",
       ["Ciao Marco,",
        "abbiamo ricevuto la tua richiesta e la abbiamo esaminata: accoglieremo la tua "
        "opposizione per le tue informazioni pubbliche, come post e commenti pubblici. La tua "
        "richiesta verrà applicata d'ora in avanti.",
        "Grazie,\nPrivacy Operations",
        fb_foot(a, "Questo messaggio è stato inviato a ADDR."), ("small", META_ADDR)],
       shape="text", cte="8bit", auth="pass")

    a = "marco.conti@example.it"
    c = num("it3c", 6)
    mk("it_03_code_table_fb.eml",
       E("verification_code", "it", a, "facebook",
         trap="code only in an HTML table cell; 'conferma l'identità'", note="HTML only"),
       FB_SECURITY, ("", a), "Il tuo codice di conferma", "Fri, 23 May 2025 09:58:12 +0000",
       ["Ciao Marco,",
        "Usa questo codice via email per confermare l'identità e completare la tua richiesta di "
        "opposizione all'uso delle tue informazioni per l'IA di Meta.",
        ("t", [("Codice", c), ("Valido per", "1 ora")]),
        fb_foot(a, "Questo messaggio è stato inviato a ADDR.")],
       shape="html", cte="quoted-printable", auth=None)


def spanish() -> None:
    a = "lucia.moreno@example.es"
    mk("es_01_notice_2024_fb.eml",
       E("notice", "es", a, "facebook", url=FB_FORM,
         trap="promise 'te enviaremos un correo electrónico para confirmarte'",
         note="windows-1252"),
       FB_NOTIF, ("Lucía Moreno", a),
       "Vamos a actualizar nuestra Política de privacidad a medida que ampliamos la IA de Meta",
       "Sat, 1 Jun 2024 08:25:31 +0000",
       ["Hola, Lucía:",
        "A partir del 26 de junio de 2024 nos basaremos en el interés legítimo para usar tu "
        "información con el fin de desarrollar y mejorar la IA de Meta.",
        ("p", "Tienes derecho de oposición. ", "Oponerte", fb_n(FB_FORM, a, "es1"),
         ". Si aceptamos tu oposición, te enviaremos un correo electrónico para confirmarte "
         "que, a partir de ese momento, no utilizaremos tu información."),
        fb_foot(a, "Este mensaje se envió a ADDR."), ("small", META_ADDR)],
       charset="windows-1252")

    a = "lucia.moreno@example.es"
    mk("es_02_rejection_thirdparty.eml",
       E("rejection", "es", a, "facebook",
         trap="reply to the third-party form asking for prompts and screenshots",
         note="'No atendemos automáticamente' - user must act"),
       FB_NOREPLY, ("", a), "Respuesta a tu solicitud", "Mon, 10 Jun 2024 13:40:00 +0000",
       ["Hola, Lucía:",
        "Gracias por tu solicitud. No atendemos automáticamente las solicitudes enviadas a "
        "través de este formulario; las revisamos de acuerdo con la legislación local.",
        "Para continuar, envíanos las instrucciones (prompts) que introdujiste y una captura "
        "de pantalla de la respuesta que mostraba tu información personal.",
        ("a", "Enviar información", fb_l(THIRD_PARTY_OLD, "es2")),
        "Gracias,\nEquipo de privacidad", fb_foot(a, "Este mensaje se envió a ADDR.")],
       shape="text", auth="pass")

    a = "lucia.moreno@example.es"
    mk("es_03_other_marketplace.eml",
       E("other", "es", a, "facebook", note="Marketplace message"),
       FB_NOTIF, ("Lucía Moreno", a), "Nuevo mensaje sobre «Bicicleta de paseo»",
       "Tue, 11 Jun 2024 21:03:59 +0000",
       ["Javier te ha enviado un mensaje sobre Bicicleta de paseo: \u201c¿Sigue disponible? "
        "Puedo pasar mañana.\u201d",
        ("a", "Responder", fb_n("https://www.facebook.com/marketplace/inbox/", a, "es3")),
        fb_foot(a, "Este mensaje se envió a ADDR.")], shape="related", auth="pass")


def dutch() -> None:
    a = "pieter.janssens@example.be"
    mk("nl_01_notice_2024_fb_be.eml",
       E("notice", "nl", a, "facebook", url=FB_FORM,
         trap="'Wij laten je per e-mail weten of...' and verb-first 'Wordt je bezwaar "
              "gehonoreerd'", note="Flemish recipient, base64"),
       FB_NOTIF, ("Pieter Janssens", a),
       "We werken ons Privacybeleid bij nu we AI bij Meta uitbreiden",
       "Sun, 2 Jun 2024 07:48:20 +0000",
       ["Hallo Pieter,",
        "Vanaf 26 juni 2024 baseren we ons op gerechtvaardigde belangen om je informatie te "
        "gebruiken voor de ontwikkeling en verbetering van AI bij Meta.",
        ("p", "Je hebt het ", "recht van bezwaar", fb_n(FB_FORM, a, "nl1"), "."),
        "Wij laten je per e-mail weten of we je bezwaar honoreren. Wordt je bezwaar "
        "gehonoreerd, dan passen we het voortaan toe.",
        fb_foot(a, "Dit bericht is verzonden naar ADDR."), ("small", META_ADDR)],
       cte="base64", auth=None)

    a = "sanne.devries@example.nl"
    u = "sannedv"
    mk("nl_02_confirm_ig.eml",
       E("confirmation", "nl", a, "instagram", u, note="2024 wording"),
       IG_MAIL, ("", a), "Je bezwaar", "Wed, 5 Jun 2024 12:30:11 +0000",
       [f"Hoi {u},",
        "We hebben je verzoek beoordeeld en we zullen je bezwaar honoreren. Dit betekent dat "
        "je verzoek voortaan wordt toegepast.",
        ig_foot(a, u, "Dit bericht is verzonden naar ADDR en is bedoeld voor USER."),
        ("small", IG_ADDR)], auth="pass")

    a = "pieter.janssens@example.be"
    mk("nl_03_irrelevant_friend_fwd.eml",
       E("irrelevant", "nl", a,
         trap="a friend forwards a genuine-looking Meta confirmation incl. its headers",
         note="sender is a private address"),
       ("Sanne de Vries", "sanne.devries@example.nl"), ("", a),
       "Fwd: Je bezwaar", "Wed, 5 Jun 2024 18:02:44 +0200",
       ["Hoi Pieter, bij mij is het gelukt! Doe het ook even.",
        "---------- Doorgestuurd bericht ---------\nVan: Instagram "
        "<no-reply@mail.instagram.com>\nOnderwerp: Je bezwaar\n\nWe hebben je verzoek "
        "beoordeeld en we zullen je bezwaar honoreren.\n\nDit bericht is verzonden naar "
        "sanne.devries@example.nl en is bedoeld voor sannedv."],
       shape="text", cte="8bit", auth=None)

    a = "sanne.devries@example.nl"
    mk("nl_04_other_messenger.eml",
       E("other", "nl", a, "messenger",
         trap="quoted message says 'mijn bezwaar gehonoreerd' and an 'intended for' line",
         note="Messenger notification"),
       ("Messenger", "notification@facebookmail.com"), ("", a),
       "Pieter heeft je een bericht gestuurd", "Thu, 6 Jun 2024 09:15:00 +0000",
       ["Pieter Janssens: \u201cZe hebben mijn bezwaar gehonoreerd, zie mail: 'intended for "
        "someone.else'?\u201d",
        ("a", "Beantwoorden", fb_n("https://www.facebook.com/messages/t/1000", a, "nl4")),
        fb_foot(a, "Dit bericht is verzonden naar ADDR.")], auth="pass")


def polish() -> None:
    a = "anna.kowalska@example.pl"
    mk("pl_01_notice_2024_fb.eml",
       E("notice", "pl", a, "facebook", url=FB_FORM,
         trap="'Jeśli Twój sprzeciw zostanie uwzględniony' conditional", note="iso-8859-2 QP"),
       FB_NOTIF, ("Anna Kowalska", a),
       "Aktualizujemy naszą Politykę prywatności w związku z rozwojem AI w Meta",
       "Sat, 1 Jun 2024 10:00:00 +0000",
       ["Cześć Anno,",
        "od 26 czerwca 2024 r. będziemy opierać się na prawnie uzasadnionym interesie przy "
        "wykorzystywaniu Twoich informacji do rozwijania i ulepszania AI w Meta.",
        ("p", "Przysługuje Ci ", "prawo do sprzeciwu", fb_n(FB_FORM, a, "pl1"),
         ". Jeśli Twój sprzeciw zostanie uwzględniony, będzie stosowany od tej pory."),
        fb_foot(a, "Ta wiadomość została wysłana na adres ADDR."), ("small", META_ADDR)],
       charset="iso-8859-2", auth="pass")

    a = "anna.kowalska@example.pl"
    c = num("pl2c", 6)
    mk("pl_02_other_password_reset.eml",
       E("other", "pl", a, "facebook", trap="six-digit code for a password reset",
         note="security sender"),
       FB_SECURITY, ("", a), f"{c} to Twój kod do resetowania hasła",
       "Tue, 4 Jun 2024 06:41:30 +0000",
       ["Cześć Anno,", "Otrzymaliśmy prośbę o zresetowanie hasła do Facebooka.",
        ("b", c), "Jeśli to nie Ty, zignoruj tę wiadomość.",
        fb_foot(a, "Ta wiadomość została wysłana na adres ADDR.")],
       shape="text", charset="iso-8859-2", cte="8bit", auth="pass")

    a = "tomasz.nowak@example.pl"
    mk("pl_03_ack_fb.eml",
       E("acknowledgement", "pl", a, "facebook",
         trap="'poinformujemy Cię, czy uwzględnimy' is future, not outcome", note=""),
       FB_NOREPLY, ("", a), "Dziękujemy za kontakt", "Wed, 5 Jun 2024 15:20:00 +0000",
       ["Cześć Tomaszu,",
        "Dziękujemy za kontakt. Otrzymaliśmy Twoje zgłoszenie dotyczące AI w Meta i je "
        "przeanalizujemy. Poinformujemy Cię e-mailem, czy uwzględnimy Twój sprzeciw.",
        fb_foot(a, "Ta wiadomość została wysłana na adres ADDR.")],
       shape="html", charset="windows-1250", auth=None)


def portuguese() -> None:
    a = "ines.sousa@example.pt"
    u = "ines.sousa.lx"
    mk("pt_01_notice_2024_ig_pt.eml",
       E("notice", "pt", a, "instagram", u, url=IG_FORM,
         trap="European Portuguese ('Estamos a atualizar'); link wrapped twice "
              "(l.instagram.com around l.facebook.com)", note=""),
       IG_MAIL, ("", a), "Estamos a atualizar a nossa Política de Privacidade à medida que "
       "expandimos a IA na Meta", "Fri, 31 May 2024 20:12:45 +0000",
       [f"Olá, {u}.",
        "A partir de 26 de junho de 2024, vamos basear-nos em interesses legítimos para "
        "utilizar as suas informações para desenvolver e melhorar a IA na Meta.",
        ("p", "Tem o ", "direito de oposição", ig_l(fb_l(IG_FORM, "pt1a"), "pt1"),
         ". Se a sua oposição for aceite, será aplicada daqui em diante."),
        ig_foot(a, u, "Esta mensagem foi enviada para ADDR e destina-se a USER."),
        ("small", IG_ADDR)], charset="iso-8859-1", auth="pass")

    a = "rafael.lima@example.com.br"
    mk("pt_02_notice_br_2025_fb.eml",
       E("notice", "pt", a, "facebook", url=FB_FORM2,
         trap="Brazilian notice with the second Facebook form id; 'Caso sua oposição seja "
              "aceita' conditional", note="pt-BR"),
       FB_NOTIF, ("Rafael Lima", a),
       "Saiba como usaremos suas informações para aprimorar a IA da Meta",
       "Mon, 17 Nov 2025 13:00:00 -0300",
       ["Olá, Rafael,",
        "Vamos usar conteúdos públicos, como publicações e comentários públicos de contas de "
        "pessoas com 18 anos ou mais, para treinar e aprimorar a IA da Meta no Brasil.",
        ("p", "Você tem o direito de se opor. ", "Preencha o formulário",
         fb_n(FB_FORM2, a, "pt2"), " e, caso sua oposição seja aceita, ela será aplicada "
         "daqui para frente."),
        fb_foot(a, "Esta mensagem foi enviada para ADDR."), ("small", META_INC)],
       shape="related", auth="pass")

    a = "rafael.lima@example.com.br"
    u = "rafa.lima"
    mk("pt_03_confirm_br_ig_linked.eml",
       E("confirmation", "pt", a, "instagram", u, linked=True,
         trap="covers other accounts in the same Central de Contas", note="pt-BR, base64"),
       IG_MAIL, ("", a), "Sua oposição", "Wed, 19 Nov 2025 09:41:17 -0300",
       [f"Olá, {u},",
        "Vamos respeitar sua oposição para suas informações públicas, como publicações e "
        "comentários públicos. Isso significa que não usaremos suas informações públicas do "
        "Facebook e do Instagram para o desenvolvimento futuro de modelos de IA generativa.",
        "Também vamos respeitar sua oposição para todas as outras contas que você adicionou "
        "à mesma Central de Contas desta conta.",
        ig_foot(a, u, "Esta mensagem foi enviada para ADDR e é destinada a USER."),
        ("small", IG_ADDR)], cte="base64", auth=None)

    a = "rafael.lima@example.com.br"
    u = "rafa.lima"
    mk("pt_04_other_threads_reply.eml",
       E("other", "pt", a, "threads", u,
         trap="quoted reply says 'minha oposição foi aceita' and has a six-digit number",
         note="Threads reply notification"),
       THREADS, ("", a), "bia.santos respondeu à sua thread", "Thu, 20 Nov 2025 22:10:03 -0300",
       [f"{u}, bia.santos respondeu: \u201cminha oposição foi aceita em 1 dia! código 731902 "
        "chegou rapidinho\u201d",
        ("a", "Ver no Threads", "https://www.threads.net/@bia.santos/post/DC1x2"),
        ig_foot(a, u, "Esta mensagem foi enviada para ADDR e é destinada a USER.")],
       shape="html", auth="pass")


def nordic() -> None:
    a = "erik.lund@example.se"
    u = "eriklund_sthlm"
    mk("sv_01_notice_2025_ig.eml",
       E("notice", "sv", a, "instagram", u, url=IG_FORM2,
         trap="verb-first 'Godkänns din invändning' conditional; 'redan invänt' sentence",
         note="2025 wave"),
       IG_MAIL, ("", a), "Läs om hur vi använder din information när vi förbättrar AI hos Meta",
       "Tue, 15 Apr 2025 11:11:11 +0000",
       [f"Hej {u}!",
        "Från och med den 27 maj 2025 använder vi offentligt innehåll, som offentliga inlägg "
        "och kommentarer från vuxna, för att utveckla och förbättra AI hos Meta, med stöd av "
        "berättigat intresse.",
        ("p", "Du har ", "rätt att invända", ig_l(IG_FORM2, "sv1"),
         ". Godkänns din invändning tillämpas den framöver. Om du redan har invänt behöver du "
         "inte skicka en ny begäran."),
        ig_foot(a, u, "Det här meddelandet skickades till ADDR och är avsett för USER."),
        ("small", IG_ADDR)], charset="iso-8859-1", auth="pass")

    a = "erik.lund@example.se"
    c = num("sv2c", 6)
    mk("sv_02_code_body.eml",
       E("verification_code", "sv", a, "facebook",
         trap="subject says only 'Bekräfta din e-postadress'; code in body", note=""),
       FB_SECURITY, ("", a), "Bekräfta din e-postadress", "Mon, 19 May 2025 08:02:55 +0000",
       ["Hej Erik,",
        f"Ange koden {c} i formuläret för att bekräfta din begäran om invändning mot "
        "användning av din information för AI hos Meta. Koden gäller i en timme.",
        fb_foot(a, "Det här meddelandet skickades till ADDR.")],
       shape="text", cte="8bit", auth=None)

    a = "erik.lund@example.se"
    mk("sv_03_other_memories.eml",
       E("other", "sv", a, "facebook", note="memories"),
       FB_NOTIF, ("Erik Lund", a), "Erik, du har minnen att titta tillbaka på idag",
       "Sun, 1 Jun 2025 05:00:00 +0000",
       ["För 6 år sedan: Midsommar på Öland med Karin och 4 andra.",
        ("a", "Visa dina minnen", fb_n("https://www.facebook.com/onthisday", a, "sv3")),
        fb_foot(a, "Det här meddelandet skickades till ADDR.")], shape="related", auth="pass")

    a = "mette.holm@example.dk"
    mk("da_01_notice_2024_fb.eml",
       E("notice", "da", a, "facebook", url=FB_FORM,
         trap="'Hvis din indsigelse imødekommes' conditional; link on m.facebook.com via "
              "l.facebook.com", note=""),
       FB_NOTIF, ("Mette Holm", a),
       "Vi opdaterer vores privatlivspolitik, efterhånden som vi udvider AI hos Meta",
       "Sat, 1 Jun 2024 12:12:12 +0000",
       ["Hej Mette",
        "Fra den 26. juni 2024 anvender vi legitime interesser som retsgrundlag for at bruge "
        "dine oplysninger til at udvikle og forbedre AI hos Meta.",
        ("p", "Du har ", "ret til at gøre indsigelse", fb_l(FB_FORM, "da1"),
         ". Hvis din indsigelse imødekommes, vil den gælde fremadrettet."),
        fb_foot(a, "Denne besked blev sendt til ADDR."), ("small", META_ADDR)],
       charset="iso-8859-15", auth="pass")

    a = "mette.holm@example.dk"
    mk("da_02_unclear_fb.eml",
       E("unclear_reply", "da", a, "facebook",
         trap="says the case is processed and closed, never whether the objection is honoured",
         note=""),
       FB_NOREPLY, ("", a), "Din henvendelse er afsluttet", "Tue, 4 Jun 2024 16:00:00 +0000",
       ["Hej Mette",
        "Tak for din henvendelse om AI hos Meta. Vi har behandlet din anmodning, og sagen er "
        "nu afsluttet. Du kan læse mere om, hvordan vi bruger oplysninger, i Privatlivscenter.",
        ("a", "Privatlivscenter", fb_n(FB_GENAI, a, "da2")),
        "Venlig hilsen\nPrivacy Operations", fb_foot(a, "Denne besked blev sendt til ADDR.")],
       shape="text", auth=None)

    a = "mette.holm@example.dk"
    mk("da_03_other_event.eml",
       E("other", "da", a, "facebook", note="event reminder"),
       FB_NOTIF, ("Mette Holm", a), "Påmindelse: Julemarked i Aarhus er i morgen",
       "Fri, 6 Dec 2024 17:30:00 +0000",
       ["Julemarked i Aarhus\nlørdag 7. december kl. 10.00 · Store Torv",
        ("a", "Se begivenhed", fb_n("https://www.facebook.com/events/88123/", a, "da3")),
        fb_foot(a, "Denne besked blev sendt til ADDR.")], shape="related", auth="pass")

    a = "ville.korhonen@example.fi"
    mk("fi_01_notice_2026_helpmeta.eml",
       E("notice", "fi", a, "facebook", url=META_2026,
         trap="2026 notice points to help.meta.com/support/privacy, no classic form id",
         note="wrapped in l.facebook.com"),
       META_PRIV, ("Ville Korhonen", a), "Päivitys siihen, miten käytämme tietojasi Metan "
       "tekoälyn kehittämiseen", "Wed, 12 Aug 2026 09:00:00 +0000",
       ["Hei Ville,",
        "käytämme oikeutettuja etuja oikeusperusteena, kun käytämme tietojasi Metan tekoälyn "
        "kehittämiseen ja parantamiseen.",
        ("p", "Sinulla on ", "oikeus vastustaa", fb_l(META_2026, "fi1"),
         " tietojesi käyttöä näihin tarkoituksiin. Jos olet jo vastustanut, sinun ei tarvitse "
         "lähettää uutta pyyntöä."),
        fb_foot(a, "Tämä viesti lähetettiin osoitteeseen ADDR."), ("small", META_ADDR)],
       charset="iso-8859-1", cte="base64", auth="pass")

    a = "aino.virtanen@example.fi"
    u = "ainovirtanen"
    mk("fi_02_confirm_ig.eml",
       E("confirmation", "fi", a, "instagram", u, note="2024 wording"),
       IG_MAIL, ("", a), "Vastustamispyyntösi", "Thu, 6 Jun 2024 07:07:07 +0000",
       [f"Hei {u},",
        "Olemme käsitelleet pyyntösi ja hyväksymme vastustuksesi. Pyyntöäsi sovelletaan "
        "tästä eteenpäin.",
        ig_foot(a, u, "Tämä viesti lähetettiin osoitteeseen ADDR, ja se on tarkoitettu "
                      "käyttäjälle USER."), ("small", IG_ADDR)], auth=None)

    a = "aino.virtanen@example.fi"
    mk("fi_03_suspicious_dkimfail.eml",
       E("suspicious", "fi", a,
         trap="From is noreply@facebookmail.com but dkim=fail and dmarc=fail; link leads to "
              "another domain", note=""),
       ("Facebook", "noreply@facebookmail.com"), ("", a), "Vastustuksesi hylättiin",
       "Fri, 7 Jun 2024 01:15:00 +0000",
       ["Hei,", "Vastustuksesi hylättiin. Vahvista tilisi 24 tunnin kuluessa.",
        ("a", "Vahvista", "https://secure-fb-login.example.net/fi/verify"),
        fb_foot(a, "Tämä viesti lähetettiin osoitteeseen ADDR.")],
       auth="Authentication-Results: mx.example.org;\n\tdkim=fail (body hash did not verify) "
            "header.d=facebookmail.com;\n\tspf=fail smtp.mailfrom=facebookmail.com;\n\t"
            "dmarc=fail (p=REJECT) header.from=facebookmail.com")

    a = "ingrid.berg@example.no"
    u = "ingridberg"
    mk("nb_01_notice_2024_ig.eml",
       E("notice", "nb", a, "instagram", u, url=IG_FORM,
         trap="verb-first 'Blir innsigelsen din godkjent' conditional", note="2024 wave"),
       IG_MAIL, ("", a), "Vi oppdaterer personvernreglene våre etter hvert som vi utvider AI "
       "hos Meta", "Sat, 1 Jun 2024 09:09:09 +0000",
       [f"Hei, {u}.",
        "Fra 26. juni 2024 baserer vi oss på berettigede interesser når vi bruker "
        "opplysningene dine til å utvikle og forbedre AI hos Meta.",
        ("p", "Du har ", "rett til å protestere", ig_l(IG_FORM, "nb1"),
         ". Blir innsigelsen din godkjent, gjelder den fremover."),
        ig_foot(a, u, "Denne meldingen ble sendt til ADDR og er ment for USER."),
        ("small", IG_ADDR)], auth="pass")

    a = "ingrid.berg@example.no"
    mk("nb_02_rejection_whatsapp.eml",
       E("rejection", "nb", a, "whatsapp",
         trap="WhatsApp says the AI objection is about Meta AI, not WhatsApp; only the "
              "general data-rights form", note=""),
       ("WhatsApp Support", "support@support.whatsapp.com"), ("", a),
       "Re: Innsigelse mot bruk av data til AI", "Mon, 10 Jun 2024 10:10:10 +0000",
       ["Hei,",
        "Takk for at du kontaktet WhatsApp. Forespørselen din gjelder Meta AI, ikke WhatsApp, "
        "og vi kan derfor ikke behandle den her.",
        ("p", "Spørsmål om personvern kan sendes via ", "dette skjemaet", WA_FORM, "."),
        "Hilsen\nWhatsApp Support"], shape="text", cte="8bit", auth="pass")

    a = "ingrid.berg@example.no"
    mk("nb_03_other_group.eml",
       E("other", "nb", a, "facebook", note="group post"),
       FB_NOTIF, ("Ingrid Berg", a), "Nytt innlegg i Sykkelklubben Bergen",
       "Wed, 12 Jun 2024 18:45:00 +0000",
       ["Ola Nordmann skrev i Sykkelklubben Bergen: \u201cTur til Fløyen lørdag kl. 09. "
        "Husk lys!\u201d",
        ("a", "Se innlegget", fb_n("https://www.facebook.com/groups/sykkelbergen/", a, "nb3")),
        fb_foot(a, "Denne meldingen ble sendt til ADDR.")], auth=None)


def central() -> None:
    a = "jan.novak@example.cz"
    mk("cs_01_notice_2024_fb.eml",
       E("notice", "cs", a, "facebook", url=FB_FORM,
         trap="'Pokud vaší námitce vyhovíme' conditional", note="windows-1250 QP"),
       FB_NOTIF, ("Jan Novák", a),
       "Aktualizujeme Zásady ochrany osobních údajů v souvislosti s rozšířením AI v Meta",
       "Sat, 1 Jun 2024 07:30:00 +0000",
       ["Dobrý den, Jane,",
        "od 26. června 2024 budeme vaše informace používat k vývoji a zlepšování AI v Meta "
        "na základě oprávněných zájmů.",
        ("p", "Máte ", "právo vznést námitku", fb_n(FB_FORM, a, "cs1"),
         ". Pokud vaší námitce vyhovíme, bude uplatňována od této chvíle."),
        fb_foot(a, "Tato zpráva byla odeslána na adresu ADDR."), ("small", META_ADDR)],
       charset="windows-1250", auth="pass")

    a = "petra.svobodova@example.cz"
    u = "petra.svob"
    mk("cs_02_ack_ig.eml",
       E("acknowledgement", "cs", a, "instagram", u, note=""),
       IG_MAIL, ("", a), "Obdrželi jsme váš požadavek", "Tue, 4 Jun 2024 08:20:00 +0000",
       [f"Dobrý den, {u},",
        "děkujeme, že jste nás kontaktovali. Váš požadavek týkající se AI v Meta jsme "
        "obdrželi a prověříme ho.",
        ig_foot(a, u, "Tato zpráva byla odeslána na adresu ADDR a je určena uživateli USER.")],
       charset="iso-8859-2", auth=None)

    a = "jan.novak@example.cz"
    mk("cs_03_other_friend_suggestions.eml",
       E("other", "cs", a, "facebook", note="people you may know"),
       FB_NOTIF, ("Jan Novák", a), "Lidé, které možná znáte", "Mon, 8 Jul 2024 16:00:00 +0000",
       ["Jane, máte nové návrhy přátel:",
        ("t", [("Tereza Dvořáková", "12 společných přátel"),
               ("Martin Černý", "5 společných přátel")]),
        ("a", "Zobrazit návrhy", fb_n("https://www.facebook.com/friends/suggestions", a,
                                      "cs3")),
        fb_foot(a, "Tato zpráva byla odeslána na adresu ADDR.")],
       shape="related", cte="base64", auth="pass")

    a = "nikos.papadopoulos@example.gr"
    mk("el_01_notice_2024_fb.eml",
       E("notice", "el", a, "facebook", url=FB_FORM,
         trap="iso-8859-7 base64 body and encoded subject", note=""),
       FB_NOTIF, ("Νίκος Παπαδόπουλος", a),
       "Ενημερώνουμε την Πολιτική απορρήτου μας καθώς επεκτείνουμε την ΤΝ στη Meta",
       "Sat, 1 Jun 2024 06:06:06 +0000",
       ["Γεια σου Νίκο,",
        "Από τις 26 Ιουνίου 2024 θα βασιζόμαστε στα έννομα συμφέροντα για τη χρήση των "
        "πληροφοριών σου για την ανάπτυξη και βελτίωση της ΤΝ στη Meta.",
        ("p", "Έχεις ", "δικαίωμα εναντίωσης", fb_n(FB_FORM, a, "el1"),
         ". Αν η εναντίωσή σου γίνει δεκτή, θα ισχύει από εδώ και στο εξής."),
        fb_foot(a, "Αυτό το μήνυμα στάλθηκε στη διεύθυνση ADDR.")],
       charset="iso-8859-7", cte="base64", auth="pass")

    a = "eleni.k@example.gr"
    u = "eleni.k_ath"
    mk("el_02_other_story_mention.eml",
       E("other", "el", a, "instagram", u, note="story mention"),
       IG_MAIL, ("", a), "Ο χρήστης dimitris.ath σάς ανέφερε στην ιστορία του",
       "Thu, 13 Jun 2024 21:21:21 +0000",
       [f"{u}, ο χρήστης dimitris.ath σάς ανέφερε στην ιστορία του.",
        ("a", "Προβολή ιστορίας", ig_l("https://www.instagram.com/stories/dimitris.ath/",
                                      "el2")),
        ig_foot(a, u, "Αυτό το μήνυμα στάλθηκε στη διεύθυνση ADDR και προορίζεται για τον "
                      "χρήστη USER.")], shape="html", auth=None)

    a = "nikos.papadopoulos@example.gr"
    mk("el_03_confirm_fb.eml",
       E("confirmation", "el", a, "facebook", note="2024 wording, Greek"),
       FB_NOREPLY, ("", a), "Το αίτημά σου", "Tue, 4 Jun 2024 11:11:11 +0000",
       ["Γεια σου Νίκο,",
        "Εξετάσαμε το αίτημά σου και θα σεβαστούμε την εναντίωσή σου. Αυτό σημαίνει ότι το "
        "αίτημά σου θα εφαρμόζεται από εδώ και στο εξής.",
        "Ευχαριστούμε,\nPrivacy Operations",
        fb_foot(a, "Αυτό το μήνυμα στάλθηκε στη διεύθυνση ADDR.")],
       shape="text", charset="iso-8859-7", auth="pass")

    a = "andrei.popescu@example.ro"
    mk("ro_01_notice_2025_fb.eml",
       E("notice", "ro", a, "facebook", url=FB_FORM,
         trap="'Dacă ai obiectat deja' sentence; key sentence split across HTML lines",
         note="2025 wave"),
       FB_NOTIF, ("Andrei Popescu", a),
       "Află cum vom folosi informațiile tale pe măsură ce îmbunătățim AI de la Meta",
       "Tue, 15 Apr 2025 10:20:30 +0000",
       ["Bună, Andrei,",
        "Începând cu 27 mai 2025, vom folosi conținutul public al persoanelor de peste 18 ani "
        "pentru a dezvolta și îmbunătăți AI de la Meta, în baza intereselor legitime.",
        ("p", "Ai ", "dreptul de a te opune", fb_n(FB_FORM, a, "ro1"),
         ". Dacă ai obiectat deja, nu trebuie să trimiți o altă solicitare."),
        fb_foot(a, "Acest mesaj a fost trimis către ADDR."), ("small", META_ADDR)],
       html_blocks=["Bună, Andrei,",
                    ("raw", "Începând cu 27 mai 2025, vom folosi conținutul<br>public al "
                     "persoanelor de peste 18 ani pentru a dezvolta<br>și îmbunătăți AI de la "
                     "Meta, în baza intereselor legitime.", ""),
                    ("raw", 'Ai <a href="' + html.escape(fb_n(FB_FORM, a, "ro1")) + '"><b>'
                     "dreptul de a te<br>opune</b></a>. Dacă ai obiectat deja,<br>nu trebuie "
                     "să trimiți o altă solicitare.", ""),
                    fb_foot(a, "Acest mesaj a fost trimis către ADDR.")],
       auth="pass")

    a = "andrei.popescu@example.ro"
    c = num("ro2c", 6)
    mk("ro_02_code_subject.eml",
       E("verification_code", "ro", a, "facebook",
         trap="'cod de verificare' in subject; body says it is for the objection request",
         note=""),
       FB_SECURITY, ("", a), f"Codul tău de verificare: {c}", "Wed, 21 May 2025 14:14:14 +0000",
       ["Bună, Andrei,",
        "Folosește acest cod pentru a-ți verifica adresa de e-mail și a trimite solicitarea "
        "de opoziție privind AI de la Meta. Codul este valabil o oră.",
        ("b", c), fb_foot(a, "Acest mesaj a fost trimis către ADDR.")],
       auth=None)

    a = "andrei.popescu@example.ro"
    mk("ro_03_suspicious_subdomain.eml",
       E("suspicious", "ro", a,
         trap="facebookmail.com.ro-securitate.net; link text shows the real form URL but "
              "href leads elsewhere", note=""),
       ("Meta", "security@facebookmail.com.ro-securitate.net"), ("", a),
       "Obiecția ta necesită confirmare", "Thu, 22 May 2025 03:03:03 +0000",
       ["Bună,",
        "Obiecția ta nu a fost încă procesată. Confirmă aici:",
        ("a", FB_FORM, "https://ro-securitate.net/fb/confirm?id=712876720715583"),
        fb_foot(a, "Acest mesaj a fost trimis către ADDR.")], shape="html", auth=None)

    a = "zsofia.nagy@example.hu"
    u = "zsofi.nagy"
    mk("hu_01_notice_2024_ig.eml",
       E("notice", "hu", a, "instagram", u, url=IG_FORM,
         trap="'Ha a tiltakozásodnak helyt adunk' conditional; iso-8859-2", note=""),
       IG_MAIL, ("", a), "Frissítjük az adatvédelmi szabályzatunkat, mivel bővítjük a Meta "
       "MI-t", "Sat, 1 Jun 2024 08:08:08 +0000",
       [f"Szia, {u}!",
        "2024. június 26-tól jogos érdekre hivatkozva használjuk fel az adataidat a Meta MI "
        "fejlesztéséhez és továbbfejlesztéséhez.",
        ("p", "Jogodban áll ", "tiltakozni", ig_l(IG_FORM, "hu1"),
         ". Ha a tiltakozásodnak helyt adunk, az a jövőre nézve lesz érvényes."),
        ig_foot(a, u, "Ezt az üzenetet a(z) ADDR címre küldtük, és USER számára készült."),
        ("small", IG_ADDR.replace("©", "(c)"))], charset="iso-8859-2", auth="pass")

    a = "zsofia.nagy@example.hu"
    u = "zsofi.nagy"
    mk("hu_02_unclear_ig.eml",
       E("unclear_reply", "hu", a, "instagram", u,
         trap="'feldolgoztuk' (processed) with no yes or no", note=""),
       IG_MAIL, ("", a), "A kérelmeddel kapcsolatban", "Wed, 5 Jun 2024 09:30:00 +0000",
       [f"Szia, {u}!",
        "Megkaptuk és feldolgoztuk a Meta MI-vel kapcsolatos kérelmedet. Ha további kérdésed "
        "van, az Adatvédelmi központban találsz információkat.",
        ("a", "Adatvédelmi központ", ig_l(IG_GENAI, "hu2")),
        ig_foot(a, u, "Ezt az üzenetet a(z) ADDR címre küldtük, és USER számára készült.")],
       cte="base64", auth=None)

    a = "zsofia.nagy@example.hu"
    u = "zsofi.nagy"
    mk("hu_03_other_ig_likes.eml",
       E("other", "hu", a, "instagram", u,
         trap="caption quoted contains 'elfogadták a tiltakozásomat'", note="likes"),
       IG_MAIL, ("", a), "peter.kiss és 12 további személynek tetszik a fotód",
       "Sun, 16 Jun 2024 19:19:19 +0000",
       [f"{u}, peter.kiss és 12 további személynek tetszik a fotód: \u201eVégre elfogadták "
        "a tiltakozásomat 🎉\u201d",
        ("a", "Megtekintés", ig_l("https://www.instagram.com/p/C8xYz/", "hu3")),
        ig_foot(a, u, "Ezt az üzenetet a(z) ADDR címre küldtük, és USER számára készült.")],
       shape="related", auth="pass")


def toml_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return json.dumps(v, ensure_ascii=False)


def build() -> dict[str, bytes]:
    MAILS.clear()
    FILES.clear()
    for fn in (english, german, french, italian, spanish, dutch, polish, portuguese, nordic,
               central):
        fn()
    out = dict(FILES)
    lines = ["# Blind test set 2: expected classification. Written from the field guide only.",
             "# Generated by make_blind2.py; do not edit by hand.", ""]
    for m in sorted(MAILS, key=lambda d: d["file"]):
        lines.append("[[mail]]")
        for k in ("file", "kind", "platform", "account", "address", "language",
                  "objection_url", "covers_linked_accounts", "trap", "note"):
            if k in m:
                lines.append(f"{k} = {toml_value(m[k])}")
        lines.append("")
    out["expected.toml"] = "\n".join(lines).encode()
    return out


def main() -> int:
    files = build()
    if "--check" in sys.argv[1:]:
        bad = [n for n, data in files.items()
               if not (HERE / n).exists() or (HERE / n).read_bytes() != data]
        extra = [p.name for p in HERE.glob("*.eml") if p.name not in files]
        for n in bad + extra:
            print(f"differs: {n}")
        return 1 if bad or extra else 0
    for n, data in files.items():
        (HERE / n).write_bytes(data)
    print(f"wrote {len(files) - 1} mails and expected.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
