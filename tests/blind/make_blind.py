#!/usr/bin/env python3
"""Blind test set generator for objection-tracker.

Written from /work/shared/field-guide/README.md only, without reading the
recogniser or any existing test data.  Deterministic: stdlib only, no clock,
no randomness except sha256-derived choices.  Usage:

    python3 make_blind.py          # (re)write *.eml and expected.toml here
    python3 make_blind.py --check  # regenerate in memory, compare, exit 1 on diff
"""
from __future__ import annotations

import base64
import hashlib
import html as htmlmod
import quopri
import re
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------- helpers

def h(s: str, n: int = 16) -> str:
    return hashlib.sha256(s.encode()).hexdigest()[:n]


def hnum(s: str, mod: int) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest(), 16) % mod


def dt(y, mo, d, hh=10, mi=0, off=-7) -> str:
    return format_datetime(datetime(y, mo, d, hh, mi, hnum(f"{y}{mo}{d}{hh}{mi}", 60),
                                    tzinfo=timezone(timedelta(hours=off))))


def pct(s: str) -> str:
    return quote(s, safe="")


FORMS = {
    "fb24": "https://www.facebook.com/help/contact/712876720715583",
    "fb25": "https://www.facebook.com/help/contact/6359191084165019",
    "ig24": "https://help.instagram.com/contact/767264225370182",
    "ig25": "https://help.instagram.com/contact/233964459562201",
    "meta26": "https://help.meta.com/support/privacy/",
}
GENAI_FB = "https://www.facebook.com/privacy/genai"
GENAI_IG = "https://privacycenter.instagram.com/privacy/genai"
POLICY = "https://www.facebook.com/privacy/policy/"
META_ADDR = "Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, D04 X2K5, Ireland"
IG_ADDR = "Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, D04 X2K5, Ireland"


def wrap_n(url: str, rcpt: str, seed: str) -> str:
    """Facebook notification wrapper https://www.facebook.com/n/?<path>&aref=..."""
    path = re.sub(r"^https://[^/]+/", "", url)
    return ("https://www.facebook.com/n/?" + pct(path) +
            f"&aref={1700000000000000 + hnum(seed, 10**15)}&medium=email"
            f"&mid={h(seed + 'mid', 13)}G5af{h(seed + 'm2', 8)}G0Gdd"
            f"&bcode=2.{1716000000 + hnum(seed, 10**7)}.Ab{h(seed + 'b', 12)}"
            f"&n_m={pct(rcpt)}&rms=v2&irms=true")


def wrap_l(url: str, seed: str) -> str:
    return f"https://l.facebook.com/l.php?u={pct(url)}&h=AT{h(seed + 'h', 22)}&s=1"


def wrap_ig(url: str, seed: str) -> str:
    return f"https://l.instagram.com/?u={pct(url)}&e=AT{h(seed + 'e', 24)}"


def wrap(mode: str, url: str, rcpt: str, seed: str) -> str:
    if mode == "n":
        return wrap_n(url, rcpt, seed)
    if mode == "l":
        return wrap_l(url, seed)
    if mode == "ig":
        return wrap_ig(url, seed)
    if mode == "ln":  # outbound wrapper around a notification wrapper: unwrap twice
        return wrap_l(wrap_n(url, rcpt, seed), seed)
    if mode == "utm":
        return url + ("&" if "?" in url else "?") + "utm_source=email&utm_medium=notification&utm_campaign=genai_" + h(seed, 6)
    return url


# ---------------------------------------------------------------- MIME

def enc_header(value: str, charset: str, mode: str) -> str:
    """RFC 2047 encode a header value (mode 'B', 'Q' or 'raw')."""
    if mode == "raw" or all(ord(c) < 128 for c in value):
        return value
    data = value.encode(charset, errors="strict")
    words = []
    if mode == "B":
        # split into chunks of whole characters, <= 45 bytes each
        chunk = ""
        for c in value:
            if len((chunk + c).encode(charset)) > 45:
                words.append(chunk)
                chunk = ""
            chunk += c
        words.append(chunk)
        return "\n ".join(f"=?{charset}?B?{base64.b64encode(w.encode(charset)).decode()}?=" for w in words)
    # Q encoding
    out, cur = [], ""
    for c in value:
        b = c.encode(charset)
        piece = ""
        for byte in b:
            ch = chr(byte)
            if ch == " ":
                piece += "_"
            elif 33 <= byte <= 126 and ch not in "=?_\"()<>,;:.@[]":
                piece += ch
            else:
                piece += f"={byte:02X}"
        if len(cur) + len(piece) > 40:
            out.append(cur)
            cur = ""
        cur += piece
    out.append(cur)
    del data
    return "\n ".join(f"=?{charset}?Q?{w}?=" for w in out)


def pick_charset(text: str, wanted: str) -> str:
    try:
        text.encode(wanted)
        return wanted
    except UnicodeEncodeError:
        return "utf-8"


def encode_body(text: str, charset: str, cte: str) -> tuple[str, str]:
    data = text.encode(charset)
    if cte == "8bit" and all(b < 128 for b in data):
        cte = "7bit"
    if cte == "7bit" and any(b >= 128 for b in data):
        cte = "quoted-printable"
    if cte == "base64":
        b = base64.b64encode(data).decode()
        body = "\n".join(b[i:i + 76] for i in range(0, len(b), 76)) + "\n"
    elif cte == "quoted-printable":
        body = quopri.encodestring(data).decode("ascii")
        if not body.endswith("\n"):
            body += "\n"
    else:
        body = data.decode(charset)
        if not body.endswith("\n"):
            body += "\n"
    return cte, body


def part(ctype: str, text: str, charset: str, cte: str) -> tuple[str, bytes]:
    cs = pick_charset(text, charset)
    if ctype == "text/html":
        text = text.replace('content="text/html; charset=utf-8"', f'content="text/html; charset={cs}"')
    if cte in ("7bit", "8bit") and max(len(x.encode(cs)) for x in text.split("\n")) > 900:
        cte = "quoted-printable"  # keep within the 998-octet line limit
    cte, body = encode_body(text, cs, cte)
    head = f"Content-Type: {ctype}; charset=\"{cs}\"\nContent-Transfer-Encoding: {cte}\n"
    return head, body.encode(cs) if cte == "8bit" else body.encode("ascii")


def enc_addr(value: str, mode: str) -> str:
    if all(ord(c) < 128 for c in value):
        return value
    name, _, rest = value.partition(" <")
    return enc_header(name, "utf-8", "Q" if mode == "Q" else "B") + " <" + rest


def build_message(m: dict) -> bytes:
    """m: from_, to, subject, date, msgid, headers(list), subj_mode, subj_charset,
    shape ('alt'|'html'|'text'), text, html, charset, cte_text, cte_html, crlf."""
    charset = m.get("charset", "utf-8")
    scs = pick_charset(m["subject"], m.get("subj_charset", "utf-8"))
    lines = []
    for k, v in m.get("pre_headers", []):
        lines.append(f"{k}: {v}")
    lines += [
        f"From: {m['from_']}",
        f"To: {enc_addr(m['to'], m.get('subj_mode', 'B'))}",
        f"Subject: {enc_header(m['subject'], scs, m.get('subj_mode', 'B'))}",
        f"Date: {m['date']}",
        f"Message-ID: {m['msgid']}",
        "MIME-Version: 1.0",
    ]
    for k, v in m.get("headers", []):
        lines.append(f"{k}: {v}")
    shape = m.get("shape", "alt")
    raw_parts: list[bytes] = []
    if shape == "alt":
        boundary = "b1_" + h(m["msgid"], 32)
        lines.append(f"Content-Type: multipart/alternative;\n boundary=\"{boundary}\"")
        head = "\n".join(lines) + "\n\n"
        out = head.encode("ascii") + b"This is a multi-part message in MIME format.\n\n"
        for ctype, txt, cte in (("text/plain", m["text"], m.get("cte_text", "quoted-printable")),
                                ("text/html", m["html"], m.get("cte_html", "quoted-printable"))):
            ph, pb = part(ctype, txt, charset, cte)
            out += f"--{boundary}\n".encode() + ph.encode() + b"\n" + pb + b"\n"
        out += f"--{boundary}--\n".encode()
    else:
        ctype = "text/html" if shape == "html" else "text/plain"
        txt = m["html"] if shape == "html" else m["text"]
        ph, pb = part(ctype, txt, charset, m.get("cte_html" if shape == "html" else "cte_text", "quoted-printable"))
        out = ("\n".join(lines) + "\n" + ph + "\n").encode("ascii") + pb
    if m.get("crlf"):
        out = out.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return out


def auth_results(domain: str, ok: bool = True) -> str:
    if ok:
        return (f"mx.example.org;\n dkim=pass header.d={domain} header.s=s1024-2013-q3 header.b=Ab{h(domain, 6)};\n"
                f" spf=pass (mx.example.org: domain of bounce@{domain} designates 66.220.144.{hnum(domain, 200) + 20} as permitted sender) smtp.mailfrom={domain};\n"
                f" dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from={domain}")
    return (f"mx.example.org;\n dkim=fail reason=\"signature verification failed\" header.d={domain} header.s=s1024-2013-q3;\n"
            f" spf=softfail smtp.mailfrom={domain};\n dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from={domain}")

# ---------------------------------------------------------------- rendering

BRANDS = {
    "facebook": ("#1877f2", "https://static.xx.fbcdn.net/rsrc.php/v3/yH/r/facebook_logo_email.png", "Facebook"),
    "instagram": ("#262626", "https://static.cdninstagram.com/rsrc.php/v3/yO/r/instagram_logo_email.png", "Instagram"),
    "threads": ("#000000", "https://static.cdninstagram.com/rsrc.php/v3/yT/r/threads_logo_email.png", "Threads"),
    "messenger": ("#0a7cff", "https://static.xx.fbcdn.net/rsrc.php/v3/yM/r/messenger_logo_email.png", "Messenger"),
    "meta": ("#0064e0", "https://static.xx.fbcdn.net/rsrc.php/v3/y4/r/meta_logo_email.png", "Meta"),
    "whatsapp": ("#25d366", "https://static.whatsapp.net/rsrc.php/v3/yW/r/whatsapp_logo_email.png", "WhatsApp"),
    "plain": ("#333333", "", ""),
}

LINK_RE = re.compile(r"\[\[([^\]|]+)(?:\|([a-z0-9_]+))?\]\]")


def _html_inline(s: str, links: dict) -> str:
    out, pos = [], 0
    for mt in LINK_RE.finditer(s):
        out.append(htmlmod.escape(s[pos:mt.start()], quote=False))
        key = mt.group(2) or "obj"
        href, _t, shown = links[key]
        label = mt.group(1) if not shown else shown
        out.append(f'<a href="{htmlmod.escape(href)}" style="color:#1b74e4;text-decoration:none;" '
                   f'target="_blank">{htmlmod.escape(label, quote=False)}</a>')
        pos = mt.end()
    out.append(htmlmod.escape(s[pos:], quote=False))
    return "".join(out).replace("\n", "<br />")


def _text_inline(s: str, links: dict) -> str:
    def rep(mt):
        key = mt.group(2) or "obj"
        _href, t, _shown = links[key]
        return f"{mt.group(1)} ({t})" if t else mt.group(1)
    return LINK_RE.sub(rep, s)


def render_html(brand: str, blocks: list, footer: list, links: dict, lang: str, preheader: str = "") -> str:
    color, logo, bname = BRANDS[brand]
    r = []
    r.append('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
             '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')
    r.append(f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang}"><head>'
             '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />'
             '<meta name="viewport" content="width=device-width, initial-scale=1.0" />')
    r.append('<title></title><style type="text/css">@media all and (max-width: 480px){'
             '*[class].ib_t{min-width:100% !important} *[class].ib_row{display:block !important}'
             '*[class].ib_ext{display:block !important;padding:10px 0 5px 0;vertical-align:top !important;width:100% !important}'
             '*[class].ib_img,*[class].ib_mid{vertical-align:top !important} *[class].mb_blk{display:block !important;'
             'padding-bottom:10px;width:100% !important} *[class].mb_hide{display:none !important} '
             '*[class].mb_inl{display:inline !important} *[class].d_mb_flex{display:block !important}}'
             '.d_mb_show{display:none}.d_mb_flex{display:flex}@media only screen and (max-device-width: 480px)'
             '{.d_mb_hide{display:none !important}.d_mb_show{display:block !important}.d_mb_flex{display:block !important}}'
             '.mb_text h1,.mb_text h2,.mb_text h3,.mb_text h4,.mb_text h5,.mb_text h6{line-height:normal}'
             '.mb_work_text h1{font-size:18px;line-height:normal;margin-top:4px}.mb_work_text h2,.mb_work_text h3'
             '{font-size:16px;line-height:normal;margin-top:4px}</style></head>')
    r.append('<body style="margin:0;padding:0;" dir="ltr" bgcolor="#ffffff">')
    if preheader:
        r.append('<span style="color:transparent;display:none !important;height:0;max-height:0;max-width:0;'
                 f'opacity:0;overflow:hidden;mso-hide:all;visibility:hidden;width:0;">{htmlmod.escape(preheader)}</span>')
    r.append('<table border="0" cellspacing="0" cellpadding="0" align="center" id="email_table" '
             'style="border-collapse:collapse;"><tr><td id="email_content" style="font-family:Helvetica Neue,Helvetica,'
             'Lucida Grande,tahoma,verdana,arial,sans-serif;background:#ffffff;">')
    r.append('<table border="0" width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">'
             '<tr><td height="20" style="line-height:20px;" colspan="3">&nbsp;</td></tr>')
    r.append('<tr><td height="1" colspan="3" style="line-height:1px;"><span style="color:#FFFFFF;font-size:1px;'
             'opacity:0;">&nbsp;</span></td></tr>')
    r.append('<tr><td width="15" style="display:block;width:15px;">&nbsp;&nbsp;&nbsp;</td><td>')
    r.append('<table border="0" width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">')
    if logo:
        r.append('<tr><td height="16" style="line-height:16px;">&nbsp;</td></tr><tr><td>'
                 '<table border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse;"><tr>'
                 f'<td style="padding:0 0 12px 0;"><a href="{htmlmod.escape(links.get("home", ("https://www.facebook.com/", "", ""))[0])}" '
                 f'style="color:{color};text-decoration:none;"><img src="{logo}" width="32" height="32" alt="{bname}" '
                 'style="border:0;display:block;" /></a></td>'
                 f'<td width="10" style="display:block;width:10px;">&nbsp;</td><td style="font-size:20px;font-weight:bold;'
                 f'color:{color};">{bname}</td></tr></table></td></tr>')
        r.append('<tr><td style="border-bottom:solid 1px #e5e5e5;height:1px;line-height:1px;">&nbsp;</td></tr>')
    r.append('<tr><td height="20" style="line-height:20px;">&nbsp;</td></tr>')
    for b in blocks:
        kind = b[0]
        if kind == "p":
            r.append('<tr><td style="font-size:16px;line-height:22px;color:#1c1e21;padding:0 0 14px 0;" class="mb_text">'
                     f'<span class="mb_text" style="font-family:Helvetica Neue,Helvetica,Lucida Grande,tahoma,verdana,arial,sans-serif;'
                     f'font-size:16px;line-height:21px;color:#141823;">{_html_inline(b[1], links)}</span></td></tr>')
        elif kind == "h":
            r.append('<tr><td style="font-size:22px;line-height:28px;font-weight:bold;color:#1c1e21;padding:0 0 16px 0;">'
                     f'{htmlmod.escape(b[1])}</td></tr>')
        elif kind == "code":
            r.append('<tr><td style="padding:10px 0 20px 0;"><table border="0" cellspacing="0" cellpadding="0" '
                     'style="border-collapse:collapse;"><tr><td style="font-size:28px;letter-spacing:6px;font-weight:bold;'
                     f'color:#1c1e21;background:#f2f2f2;border:1px solid #ccd0d5;border-radius:6px;padding:14px 24px;">'
                     f'{htmlmod.escape(b[1])}</td></tr></table></td></tr>')
        elif kind == "quote":
            who, txt = b[1], b[2]
            r.append('<tr><td style="padding:4px 0 16px 0;"><table border="0" width="100%" cellspacing="0" cellpadding="0" '
                     'style="border-collapse:separate;background:#f5f6f7;border-radius:8px;"><tr>'
                     '<td width="48" valign="top" style="padding:12px 0 12px 12px;"><img src="https://scontent.xx.fbcdn.net/'
                     f'v/t39.30808-1/p80x80/{hnum(who, 10**9)}_n.jpg" width="36" height="36" style="border-radius:18px;'
                     'display:block;" alt="" /></td><td valign="top" style="padding:12px;font-size:14px;line-height:19px;'
                     f'color:#1c1e21;"><b>{htmlmod.escape(who)}</b><br />{_html_inline(txt, links)}</td></tr></table></td></tr>')
        elif kind == "button":
            label, key = b[1], b[2]
            r.append('<tr><td style="padding:6px 0 22px 0;"><table border="0" cellspacing="0" cellpadding="0" '
                     'style="border-collapse:collapse;"><tr><td style="border-radius:6px;background:' + color + ';">'
                     f'<a href="{htmlmod.escape(links[key][0])}" style="color:#ffffff;text-decoration:none;display:block;'
                     'font-size:15px;font-weight:bold;padding:10px 22px;" target="_blank">'
                     f'{htmlmod.escape(label)}</a></td></tr></table></td></tr>')
        elif kind == "raw":
            r.append(b[1])
    r.append('<tr><td height="24" style="line-height:24px;">&nbsp;</td></tr></table></td>'
             '<td width="15" style="display:block;width:15px;">&nbsp;&nbsp;&nbsp;</td></tr>')
    r.append('<tr><td colspan="3"><table border="0" width="100%" cellspacing="0" cellpadding="0" '
             'style="border-collapse:collapse;border-top:solid 1px #e5e5e5;"><tr><td height="14" '
             'style="line-height:14px;">&nbsp;</td></tr>')
    for f in footer:
        r.append('<tr><td align="center" style="font-size:11px;line-height:16px;color:#aaaaaa;'
                 'font-family:Helvetica Neue,Helvetica,Lucida Grande,tahoma,verdana,arial,sans-serif;padding:0 15px 6px 15px;">'
                 f'{_html_inline(f, links)}</td></tr>')
    r.append('<tr><td height="20" style="line-height:20px;">&nbsp;</td></tr></table></td></tr></table>')
    r.append('<span style=""><img src="https://www.facebook.com/email_open_log_pic.php?mid=' + h(str(footer), 20) +
             '" style="border:0;width:1px;height:1px;" /></span>')
    r.append('</td></tr></table></body></html>')
    return "\n".join(r) + "\n"


def render_text(blocks: list, footer: list, links: dict) -> str:
    out = []
    for b in blocks:
        kind = b[0]
        if kind in ("p", "h"):
            out.append(_text_inline(b[1], links))
        elif kind == "code":
            out.append(b[1])
        elif kind == "quote":
            out.append(f"{b[1]}: \"{_text_inline(b[2], links)}\"")
        elif kind == "button":
            t = links[b[2]][1]
            out.append(f"{b[1]}: {t}" if t else b[1])
    out.append("=" * 10)
    for f in footer:
        out.append(_text_inline(f, links))
    return "\n\n".join(out) + "\n"

# ---------------------------------------------------------------- per-language material
# Phrases are my own translations, written from the field guide's indications; real
# mails word them differently.  {n} first name, {u} username, {a} address, {x} actor.

L: dict[str, dict] = {}

L["en"] = dict(
    name="Darren", full="Darren Walsh", addr="darren.walsh@example.org", to="Darren.Walsh@Example.org",
    user="darren_walsh.photo", charset="windows-1252",
    hi="Hi {n},", hi_u="Hi {u},",
    footer_fb="This message was sent to {a}. If you don't want to receive these emails from Meta in the future, please [[unsubscribe|unsub]].",
    footer_ig="This message was sent to {a} and intended for {u}. Not your account? [[Remove your email|remove]] from this account.",
    unsub_ig="[[Unsubscribe|unsub]] from these emails.",
    secure="To help keep your account secure, please don't forward this email. [[Learn more|learn]]",
    notice=dict(platform="facebook", form="fb24", wrap="n", text_link="wrapped",
        subject="We're updating our Privacy Policy as we expand AI at Meta",
        paras=["We're getting ready to expand AI at Meta to the UK. AI at Meta is our collection of generative AI features and experiences, like Meta AI and AI creative tools, along with the models that power them.",
               "What this means for you\nTo help bring these experiences to you, we'll now rely on the legal basis called legitimate interests for using your information to develop and improve AI at Meta. This means that you have the [[right to object]] to how your information is used for these purposes.",
               "Fill in the form and we will honour your objection. This means your request will be applied going forward.",
               "We're also updating our Privacy Policy to reflect these changes. The updates will take effect on 9 October 2024.",
               "Thanks,\nThe Meta Privacy team"],
        trap="imperative 'Fill in the form and we will honour your objection. This means your request will be applied going forward.' (UK 2024 wave, link only via /n/ wrapper)"),
    ack=dict(platform="facebook", subject="Re: Your request about AI at Meta [Case #1183-4472-09]",
        paras=["Thanks for contacting us. We've received your request and will review it.",
               "We'll get back to you as soon as we can. You can see updates to your request in your [[Support Inbox|inbox]].",
               "Thanks,\nPrivacy Operations"]),
    conf=dict(platform="instagram", style=2025, covers=True, subject="Your objection request",
        paras=["We will honour your objection for your public information, such as public posts and comments. This means that we won't use your public information from Facebook and Instagram for future development and improvement of generative AI models for AI at Meta.",
               "We will also honour your objection for any other accounts that you've added to the same Accounts Centre as this account.",
               "If you have accounts that are not in the same Accounts Centre, you'll need to submit the objection form for each of them: [[Objection form|form]]",
               "If you want to learn more about generative AI and our privacy work in this new space, please review the information we have in [[Privacy Centre|genai]]."]),
    boiler="This inbox cannot accept incoming messages. If you send us a reply, it won't be received.",
    thanks="Thanks,", privops="Privacy Operations",
    c=dict(platform="instagram", actor="mia_k.travels", subject="mia_k.travels commented on your post",
        lead="{x} commented on your post:", quote="I object to AI training too! Hope they honor it.",
        btn="Reply", why="You're receiving this email because you have email notifications turned on for comments. See more comments and replies in the app.",
        extra="Your post: \"Sunrise at Howth, no filter\" \u00b7 24 likes \u00b7 3 comments"),
    m=dict(platform="facebook", actor="Tom Brennan", subject="Tom Brennan mentioned you in a comment",
        lead="{x} mentioned you in a comment in Dublin Photographers Group:",
        quote="lol will honor your objection, sure. Mine just said:\nThis message was sent to tom@example.net and intended for someoneelse.account",
        btn="View comment", why="You're receiving this because you're a member of Dublin Photographers Group. You can change which notifications you get in your notification settings.",
        extra="Dublin Photographers Group \u00b7 1.2K members"),
)

L["de"] = dict(
    name="Anna", full="Anna Schmidt", addr="anna.schmidt@example.de", to="Anna Schmidt <Anna.Schmidt@example.de>",
    user="anna.schmidt_89", charset="iso-8859-1",
    hi="Hallo {n},", hi_u="Hallo {u},",
    footer_fb="Diese Nachricht wurde an {a} gesendet. Wenn du in Zukunft keine E-Mails dieser Art mehr von Meta erhalten möchtest, [[melde dich bitte ab|unsub]].",
    footer_ig="Diese Nachricht wurde an {a} gesendet und ist für {u} bestimmt. Nicht dein Konto? [[Entferne deine E-Mail-Adresse|remove]] aus diesem Konto.",
    unsub_ig="Von diesen E-Mails [[abmelden|unsub]].",
    secure="Leite diese E-Mail bitte nicht weiter, damit dein Konto sicher bleibt. [[Mehr dazu|learn]]",
    notice=dict(platform="instagram", form="ig25", wrap="ig", text_link="wrapped",
        subject="Erfahre, wie wir deine Informationen im Zuge der Verbesserung von KI bei Meta verwenden",
        paras=["wir möchten dich darüber informieren, dass wir uns darauf vorbereiten, KI bei Meta in der EU zu verbessern. Ab dem 27. Mai 2025 verwenden wir dazu öffentliche Informationen wie öffentliche Beiträge und Kommentare von Konten von Personen ab 18 Jahren sowie deine Interaktionen mit KI bei Meta-Features.",
               "Wir stützen uns dabei auf die Rechtsgrundlage der berechtigten Interessen.",
               "Du hast das Recht, der Verwendung deiner Informationen zu diesen Zwecken zu [[widersprechen]]. Wird deinem Widerspruch stattgegeben, gilt er ab diesem Zeitpunkt. Wenn du einen Widerspruch einreichst, werden wir dir eine E-Mail mit der Bestätigung senden, dass wir deine Interaktionen mit KI bei Meta-Features oder deine öffentlichen Informationen von Meta-Produkten nicht mehr für die künftige Entwicklung und Verbesserung generativer KI-Modelle verwenden werden.",
               "Wenn du bereits widersprochen hast, brauchst du keinen weiteren Antrag zu stellen.",
               "Weitere Informationen findest du in unserer [[Datenschutzrichtlinie|policy]]."],
        trap="verb-first conditional 'Wird deinem Widerspruch stattgegeben, gilt er ab diesem Zeitpunkt' + promise of a confirmation mail + 'Wenn du bereits widersprochen hast'"),
    ack=dict(platform="instagram", subject="AW: Deine Anfrage zu KI bei Meta",
        paras=["vielen Dank für deine Nachricht. Wir haben deine Anfrage erhalten und werden sie prüfen.",
               "Wir melden uns bei dir, sobald wir mehr wissen. Das kann einige Tage dauern.",
               "Vielen Dank\nPrivacy Operations"]),
    conf=dict(platform="facebook", style=2024, covers=False, subject="Deine Anfrage wurde bearbeitet",
        paras=["wir haben deine Anfrage geprüft und werden deinem Widerspruch stattgeben. Das bedeutet, dass deine Anfrage ab sofort angewendet wird.",
               "Hast du weitere Konten, die sich nicht in derselben Kontenübersicht befinden, reiche bitte für jedes davon einen eigenen Widerspruch ein: [[Widerspruchsformular|form]]",
               "Wenn du mehr über generative KI und unsere Datenschutzarbeit in diesem neuen Bereich erfahren möchtest, sieh dir die Informationen in unserem [[Privacy Center|genai]] an."]),
    boiler="Dieser Posteingang kann keine Nachrichten empfangen. Wenn du uns antwortest, kommt deine Antwort nicht an.",
    thanks="Vielen Dank", privops="Privacy Operations",
    c=dict(platform="facebook", actor="Jonas Weber", subject="Jonas Weber hat deinen Beitrag kommentiert",
        lead="{x} hat deinen Beitrag kommentiert:", quote="Hab auch widersprochen! Hoffentlich wird dem Widerspruch stattgegeben. Mein Code 123456 für das Widerspruchsformular hat funktioniert.",
        btn="Kommentar ansehen", why="Du erhältst diese E-Mail, weil du Benachrichtigungen über Kommentare aktiviert hast. Du kannst deine Benachrichtigungseinstellungen jederzeit ändern.",
        extra="Dein Beitrag: \u201eMeta will unsere Daten für KI \u2013 so widersprecht ihr\u201c \u00b7 17 Reaktionen"),
    m=dict(platform="instagram", actor="lena.kraus_", subject="lena.kraus_ hat dich in einem Kommentar erwähnt",
        lead="{x} hat dich in einem Kommentar erwähnt:", quote="@anna.schmidt_89 Leider konnten sie meinen Widerspruch nicht bearbeiten \U0001f644 Bei mir stand unten: Diese Nachricht ist für someoneelse.account bestimmt.",
        btn="Antworten", why="Du erhältst diese E-Mail, weil du Benachrichtigungen über Erwähnungen aktiviert hast.",
        extra="Beitrag von lena.kraus_ \u00b7 42 \u201eGefällt mir\u201c-Angaben"),
)

L["fr"] = dict(
    name="Camille", full="Camille Laurent", addr="camille.laurent@example.fr", to="camille.laurent@example.fr",
    user="cam.laurent", charset="iso-8859-1",
    hi="Bonjour {n},", hi_u="Bonjour {u},",
    footer_fb="Ce message a été envoyé à {a}. Si vous ne souhaitez plus recevoir ces e-mails de Meta, veuillez [[vous désabonner|unsub]].",
    footer_ig="Ce message a été envoyé à {a} et est destiné à {u}. Ce n'est pas votre compte ? [[Supprimez votre adresse e-mail|remove]] de ce compte.",
    unsub_ig="[[Se désabonner|unsub]] de ces e-mails.",
    secure="Pour protéger votre compte, veuillez ne pas transférer cet e-mail. [[En savoir plus|learn]]",
    notice=dict(platform="facebook", form="fb25", wrap="n", text_link="plain",
        subject="Découvrez comment nous utiliserons vos informations à mesure que nous améliorons l'IA de Meta",
        paras=["Nous nous préparons à améliorer l'IA chez Meta dans l'UE. À partir du 27 mai 2025, nous utiliserons les informations publiques, telles que les publications et commentaires publics des comptes de personnes âgées de 18 ans ou plus, ainsi que vos interactions avec les fonctionnalités de l'IA chez Meta.",
               "Nous nous appuyons pour cela sur la base légale des intérêts légitimes.",
               "Vous disposez d'un [[droit d'opposition]] à l'utilisation de vos informations à ces fins. Si nous accédons à votre demande d'opposition, elle s'appliquera à l'avenir.",
               "Si vous vous êtes déjà opposé(e), vous n'avez pas besoin d'envoyer une autre demande : nous continuerons à respecter votre choix.",
               "Pour en savoir plus, consultez notre [[Politique de confidentialité|policy]]."],
        trap="'Si nous accédons à votre demande d'opposition, elle s'appliquera à l'avenir' + 'Si vous vous êtes déjà opposé(e), vous n'avez pas besoin d'envoyer une autre demande'"),
    ack=dict(platform="facebook", subject="Re: Votre demande concernant l'IA chez Meta",
        paras=["Merci de nous avoir contactés. Nous avons bien reçu votre demande et nous allons l'examiner.",
               "Nous reviendrons vers vous dès que possible. Vous pouvez suivre votre demande dans votre [[Boîte de réception de l'assistance|inbox]].",
               "Merci,\nPrivacy Operations"]),
    conf=dict(platform="instagram", style=2025, covers=True, subject="Votre demande d'opposition",
        paras=["Nous accéderons à votre demande d'opposition pour vos informations publiques, telles que les publications et commentaires publics. Cela signifie que nous n'utiliserons pas vos informations publiques de Facebook et d'Instagram pour le développement et l'amélioration futurs des modèles d'IA générative de l'IA chez Meta.",
               "Nous accéderons également à votre demande d'opposition pour tous les autres comptes que vous avez ajoutés au même Espace Comptes que ce compte.",
               "Pour les comptes qui ne se trouvent pas dans le même Espace Comptes, envoyez le formulaire pour chacun d'eux : [[formulaire d'opposition|form]]",
               "Pour en savoir plus sur l'IA générative et notre travail en matière de confidentialité, consultez l'[[Espace confidentialité|genai]]."]),
    boiler="Cette boîte de réception ne peut pas recevoir de messages. Si vous nous répondez, votre réponse ne sera pas reçue.",
    thanks="Merci,", privops="Privacy Operations",
    c=dict(platform="instagram", actor="julie.mrt", subject="julie.mrt a commenté votre publication",
        lead="{x} a commenté votre publication :", quote="Malheureusement ils n'ont pas pu traiter ton opposition ? Moi ils ont dit qu'ils accéderont à ma demande d'opposition \U0001f937",
        btn="Répondre", why="Vous recevez cet e-mail car les notifications par e-mail pour les commentaires sont activées.",
        extra="Votre publication : \u00ab Marché de Noël à Lyon \u00bb \u00b7 31 mentions J'aime"),
    m=dict(platform="facebook", actor="Nicolas Petit", subject="Nicolas Petit vous a mentionné(e) dans un commentaire",
        lead="{x} vous a mentionné(e) dans un commentaire :", quote="Camille, je m'oppose aussi à l'entraînement de l'IA ! J'espère qu'ils accéderont à notre demande. Mon code 123456 pour le formulaire d'opposition a marché.",
        btn="Voir le commentaire", why="Vous recevez cette notification car quelqu'un vous a identifié(e). Vous pouvez modifier vos paramètres de notification.",
        extra="Groupe : Vie privée et numérique \u00b7 3,4 k membres"),
)

L["it"] = dict(
    name="Giulia", full="Giulia Romano", addr="giulia.romano@example.it", to="Giulia.Romano@example.IT",
    user="giulia_romano.art", charset="iso-8859-1",
    hi="Ciao {n},", hi_u="Ciao {u},",
    footer_fb="Questo messaggio è stato inviato a {a}. Se non vuoi più ricevere queste e-mail da Meta, [[annulla l'iscrizione|unsub]].",
    footer_ig="Questo messaggio è stato inviato a {a} ed è destinato a {u}. Non è il tuo account? [[Rimuovi la tua e-mail|remove]] da questo account.",
    unsub_ig="[[Annulla l'iscrizione|unsub]] a queste e-mail.",
    secure="Per proteggere il tuo account, non inoltrare questa e-mail. [[Maggiori informazioni|learn]]",
    notice=dict(platform="instagram", form="ig24", wrap="ig", text_link="plain",
        subject="Stiamo aggiornando la nostra Informativa sulla privacy con l'espansione dell'IA di Meta",
        paras=["ci stiamo preparando a espandere l'IA di Meta nella tua area geografica. L'IA di Meta è la nostra raccolta di funzioni ed esperienze di IA generativa, come Meta AI e gli strumenti creativi di IA, insieme ai modelli che le rendono possibili.",
               "Cosa significa per te\nPer offrirti queste esperienze, ci baseremo sulla base giuridica del legittimo interesse per usare le tue informazioni al fine di sviluppare e migliorare l'IA di Meta. Ciò significa che hai il [[diritto di opporti]] al modo in cui le tue informazioni vengono usate per questi scopi.",
               "Compila il modulo e accoglieremo la tua opposizione: la tua richiesta verrà applicata d'ora in avanti.",
               "Aggiorneremo inoltre la nostra Informativa sulla privacy. Le modifiche entreranno in vigore il 26 giugno 2024."],
        trap="imperative 'Compila il modulo e accoglieremo la tua opposizione: la tua richiesta verrà applicata d'ora in avanti'"),
    ack=dict(platform="instagram", subject="Re: La tua richiesta a Meta",
        paras=["grazie per averci contattato. Abbiamo ricevuto la tua richiesta e la esamineremo.",
               "Ti risponderemo appena possibile, di solito entro qualche giorno.",
               "Grazie,\nPrivacy Operations"]),
    conf=dict(platform="facebook", style=2025, covers=True, subject="Accoglienza della tua opposizione",
        paras=["Accoglieremo la tua opposizione per le tue informazioni pubbliche, come post e commenti pubblici. Ciò significa che non useremo le tue informazioni pubbliche di Facebook e Instagram per lo sviluppo e il miglioramento futuri dei modelli di IA generativa per l'IA di Meta.",
               "Accoglieremo la tua opposizione anche per tutti gli altri account che hai aggiunto allo stesso Centro gestione account di questo account.",
               "Per gli account che non si trovano nello stesso Centro gestione account, invia il modulo per ciascuno di essi: [[modulo di opposizione|form]]"]),
    boiler="Questa casella di posta non può ricevere messaggi. Se ci invii una risposta, non verrà ricevuta.",
    thanks="Grazie,", privops="Privacy Operations",
    c=dict(platform="facebook", actor="Marco Bianchi", subject="Marco Bianchi ha commentato il tuo post",
        lead="{x} ha commentato il tuo post:", quote="Anche io mi oppongo all'addestramento dell'IA! Spero che accolgano la tua opposizione. Sotto la mia mail c'era scritto: destinato a someoneelse.account",
        btn="Visualizza commento", why="Ricevi questa e-mail perché hai attivato le notifiche via e-mail per i commenti.",
        extra="Il tuo post: \u201cMostra a Bologna, ultimi giorni\u201d \u00b7 12 reazioni"),
    m=dict(platform="instagram", actor="fede.conti", subject="fede.conti ti ha menzionato in un commento",
        lead="{x} ti ha menzionato in un commento:", quote="@giulia_romano.art ahah \"accoglieremo la tua opposizione\" certo... a me hanno scritto che purtroppo non hanno potuto elaborare la mia opposizione",
        btn="Rispondi", why="Ricevi questa e-mail perché hai attivato le notifiche per le menzioni.",
        extra="Post di fede.conti \u00b7 88 Mi piace"),
)

L["es"] = dict(
    name="Lucía", full="Lucía García", addr="lucia.garcia@example.es", to="Lucía García <lucia.garcia@example.es>",
    user="lu.garcia_92", charset="iso-8859-1",
    hi="Hola, {n}:", hi_u="Hola, {u}:",
    footer_fb="Este mensaje se envió a {a}. Si no quieres recibir más correos de Meta en el futuro, [[cancela la suscripción|unsub]].",
    footer_ig="Este mensaje se envió a {a} y está destinado a {u}. ¿No es tu cuenta? [[Elimina tu correo electrónico|remove]] de esta cuenta.",
    unsub_ig="[[Cancelar suscripción|unsub]] a estos correos.",
    secure="Para ayudar a proteger tu cuenta, no reenvíes este correo. [[Más información|learn]]",
    notice=dict(platform="facebook", form="meta26", wrap="l", text_link="wrapped",
        subject="Descubre cómo usaremos tu información a medida que mejoramos la IA de Meta",
        paras=["Nos estamos preparando para mejorar la IA de Meta en la UE. Para ello, usaremos información pública, como las publicaciones y los comentarios públicos de cuentas de personas mayores de 18 años, y tus interacciones con las funciones de la IA de Meta.",
               "Nos basamos en el interés legítimo como base legal para este uso.",
               "Tienes [[derecho a oponerte]] al uso de tu información para estos fines. Si lo haces, te enviaremos un correo electrónico para confirmarte que, a partir de ese momento, no utilizaremos tu información pública para el desarrollo y la mejora de modelos de IA generativa.",
               "Si aceptamos tu oposición, se aplicará a partir de ahora. Los formularios de privacidad se encuentran ahora en el nuevo Centro de ayuda de Meta."],
        trap="promise 'te enviaremos un correo electrónico para confirmarte...' + 'Si aceptamos tu oposición, se aplicará a partir de ahora'; link is the 2026 help.meta.com privacy page, only via l.facebook.com"),
    ack=dict(platform="facebook", subject="Re: Tu solicitud sobre la IA de Meta",
        paras=["Gracias por ponerte en contacto con nosotros. Hemos recibido tu solicitud y la revisaremos.",
               "Te responderemos lo antes posible. Puedes consultar el estado de tu solicitud en tu [[buzón de ayuda|inbox]].",
               "Gracias,\nPrivacy Operations"]),
    conf=dict(platform="instagram", style=2024, covers=False, subject="Tu solicitud de oposición",
        paras=["Hemos revisado tu solicitud y aceptaremos tu oposición. Esto significa que tu solicitud se aplicará a partir de ahora.",
               "Si tienes otras cuentas que no están en el mismo Centro de cuentas, envía el formulario para cada una de ellas: [[formulario de oposición|form]]",
               "Si quieres obtener más información sobre la IA generativa y nuestro trabajo de privacidad en este nuevo ámbito, consulta la información del [[Centro de privacidad|genai]]."]),
    boiler="Este buzón no puede recibir mensajes. Si nos respondes, no recibiremos tu respuesta.",
    thanks="Gracias,", privops="Privacy Operations",
    c=dict(platform="instagram", actor="pablo_rdz", subject="pablo_rdz ha comentado tu publicación",
        lead="{x} ha comentado tu publicación:", quote="¡Yo también me opongo al entrenamiento de la IA! Ojalá acepten tu oposición.",
        btn="Responder", why="Recibes este correo porque tienes activadas las notificaciones por correo de comentarios.",
        extra="Tu publicación: \u00abTapas en Triana\u00bb \u00b7 57 Me gusta"),
    m=dict(platform="facebook", actor="Carmen Ruiz", subject="Carmen Ruiz te ha mencionado en un comentario",
        lead="{x} te ha mencionado en un comentario:", quote="jaja \"aceptaremos tu oposición\" dicen... A mí me pusieron que lamentablemente no pudieron procesar mi oposición. Y abajo: destinado a someoneelse.account",
        btn="Ver comentario", why="Recibes esta notificación porque alguien te ha mencionado.",
        extra="Grupo: Privacidad digital Sevilla \u00b7 860 miembros"),
)

L["nl"] = dict(
    name="Sanne", full="Sanne de Vries", addr="sanne.devries@example.nl", to="SANNE.DEVRIES@EXAMPLE.NL",
    user="sanne.de.vries", charset="windows-1252",
    hi="Hallo {n},", hi_u="Hallo {u},",
    footer_fb="Dit bericht is verzonden naar {a}. Als je deze e-mails van Meta in de toekomst niet meer wilt ontvangen, kun je je [[afmelden|unsub]].",
    footer_ig="Dit bericht is verzonden naar {a} en is bedoeld voor {u}. Niet jouw account? [[Verwijder je e-mailadres|remove]] uit dit account.",
    unsub_ig="[[Afmelden|unsub]] voor deze e-mails.",
    secure="Stuur deze e-mail niet door, zodat je account veilig blijft. [[Meer informatie|learn]]",
    notice=dict(platform="facebook", form="fb24", wrap="n", text_link="plain",
        subject="We werken ons Privacybeleid bij nu we AI bij Meta uitbreiden",
        paras=["We bereiden ons voor om AI bij Meta uit te breiden naar jouw regio. AI bij Meta is onze verzameling generatieve AI-functies en -ervaringen, zoals Meta AI en creatieve AI-tools, samen met de modellen die ze mogelijk maken.",
               "Wat dit voor jou betekent\nOm deze ervaringen mogelijk te maken, baseren we ons voortaan op de rechtsgrond gerechtvaardigde belangen om je informatie te gebruiken voor het ontwikkelen en verbeteren van AI bij Meta. Je hebt het [[recht van bezwaar]] tegen de manier waarop je informatie voor deze doeleinden wordt gebruikt.",
               "Wordt je bezwaar gehonoreerd, dan wordt het vanaf dat moment toegepast.",
               "We werken ook ons Privacybeleid bij. De wijzigingen gaan in op 26 juni 2024."],
        trap="verb-first conditional 'Wordt je bezwaar gehonoreerd, dan wordt het vanaf dat moment toegepast'"),
    ack=dict(platform="facebook", subject="Re: Je verzoek aan Meta",
        paras=["Bedankt voor je bericht. We hebben je verzoek ontvangen en zullen het beoordelen.",
               "We nemen zo snel mogelijk contact met je op.",
               "Bedankt,\nPrivacy Operations"]),
    conf=dict(platform="instagram", style=2025, covers=True, subject="Je bezwaar",
        paras=["We zullen je bezwaar honoreren voor je openbare informatie, zoals openbare berichten en opmerkingen. Dit betekent dat we je openbare informatie van Facebook en Instagram niet gebruiken voor de toekomstige ontwikkeling en verbetering van generatieve AI-modellen voor AI bij Meta.",
               "We zullen je bezwaar ook honoreren voor alle andere accounts die je aan hetzelfde Accountcentrum als dit account hebt toegevoegd.",
               "Heb je accounts die niet in hetzelfde Accountcentrum staan? Dien dan voor elk daarvan het formulier in: [[bezwaarformulier|form]]"]),
    boiler="Deze inbox kan geen berichten ontvangen. Als je ons een antwoord stuurt, wordt het niet ontvangen.",
    thanks="Bedankt,", privops="Privacy Operations",
    c=dict(platform="instagram", actor="daan_bakker", subject="daan_bakker heeft gereageerd op je bericht",
        lead="{x} heeft gereageerd op je bericht:", quote="Ik maak ook bezwaar tegen AI-training! Hopelijk honoreren ze het. Mijn code 123456 voor het bezwaarformulier werkte gewoon.",
        btn="Reageren", why="Je ontvangt deze e-mail omdat je e-mailmeldingen voor reacties hebt ingeschakeld.",
        extra="Je bericht: \u2018Fietsen langs de Vecht\u2019 \u00b7 19 vind-ik-leuks"),
    m=dict(platform="facebook", actor="Joost Visser", subject="Joost Visser heeft je genoemd in een reactie",
        lead="{x} heeft je genoemd in een reactie:", quote="Haha 'we zullen je bezwaar honoreren' zeggen ze. Bij mij kon het bezwaar helaas niet worden verwerkt.",
        btn="Reactie bekijken", why="Je ontvangt deze melding omdat iemand je heeft genoemd.",
        extra="Groep: Privacy & Tech NL \u00b7 2,1K leden"),
)

L["pl"] = dict(
    name="Katarzyna", full="Katarzyna Nowak", addr="k.nowak@example.pl", to="K.Nowak@example.pl",
    user="kasia_nowak", charset="iso-8859-2",
    hi="Cześć {n},", hi_u="Cześć {u},",
    footer_fb="Ta wiadomość została wysłana na adres {a}. Jeśli nie chcesz w przyszłości otrzymywać takich e-maili od Meta, [[zrezygnuj z subskrypcji|unsub]].",
    footer_ig="Ta wiadomość została wysłana na adres {a} i jest przeznaczona dla {u}. To nie Twoje konto? [[Usuń swój adres e-mail|remove]] z tego konta.",
    unsub_ig="[[Zrezygnuj z subskrypcji|unsub]] tych e-maili.",
    secure="Aby chronić swoje konto, nie przesyłaj dalej tego e-maila. [[Dowiedz się więcej|learn]]",
    notice=dict(platform="instagram", form="ig24", wrap="ig", text_link="wrapped",
        subject="Dowiedz się, jak będziemy wykorzystywać Twoje informacje w miarę ulepszania AI w Meta",
        paras=["przygotowujemy się do ulepszania AI w Meta w UE. Od 27 maja 2025 r. będziemy wykorzystywać informacje publiczne, takie jak publiczne posty i komentarze kont osób w wieku 18 lat lub starszych, a także Twoje interakcje z funkcjami AI w Meta.",
               "Podstawą prawną są prawnie uzasadnione interesy.",
               "Masz [[prawo do sprzeciwu]] wobec wykorzystywania Twoich informacji do tych celów. Jeśli uwzględnimy Twój sprzeciw, będzie on obowiązywał od tej chwili.",
               "Jeśli już zgłosiłeś(-aś) sprzeciw, nie musisz składać kolejnego wniosku."],
        trap="'Jeśli uwzględnimy Twój sprzeciw, będzie on obowiązywał od tej chwili' + 'Jeśli już zgłosiłeś(-aś) sprzeciw, nie musisz składać kolejnego wniosku'"),
    ack=dict(platform="instagram", subject="Odp: Twoje zgłoszenie dotyczące AI w Meta",
        paras=["dziękujemy za kontakt. Otrzymaliśmy Twoje zgłoszenie i je rozpatrzymy.",
               "Odpowiemy najszybciej, jak to możliwe.",
               "Dziękujemy,\nPrivacy Operations"]),
    conf=dict(platform="facebook", style=2024, covers=False, subject="Twoje zgłoszenie sprzeciwu",
        paras=["Rozpatrzyliśmy Twoje zgłoszenie i uwzględnimy Twój sprzeciw. Oznacza to, że Twoje żądanie będzie stosowane od teraz.",
               "Jeśli masz inne konta, które nie znajdują się w tym samym Centrum kont, prześlij formularz dla każdego z nich: [[formularz sprzeciwu|form]]",
               "Jeśli chcesz dowiedzieć się więcej o generatywnej AI i naszych działaniach w zakresie prywatności, zapoznaj się z informacjami w [[Centrum prywatności|genai]]."]),
    boiler="Ta skrzynka nie może odbierać wiadomości. Jeśli nam odpowiesz, Twoja odpowiedź nie zostanie odebrana.",
    thanks="Dziękujemy,", privops="Privacy Operations",
    c=dict(platform="facebook", actor="Michał Wójcik", subject="Michał Wójcik skomentował Twój post",
        lead="{x} skomentował Twój post:", quote="Niestety nie mogli przetworzyć mojego sprzeciwu. A u Ciebie? Napisali, że uwzględnimy Twój sprzeciw?",
        btn="Zobacz komentarz", why="Otrzymujesz ten e-mail, ponieważ masz włączone powiadomienia e-mail o komentarzach.",
        extra="Twój post: \u201eJak zgłosić sprzeciw wobec AI w Meta\u201d \u00b7 23 reakcje"),
    m=dict(platform="instagram", actor="ola.zielinska", subject="ola.zielinska oznaczyła Cię w komentarzu",
        lead="{x} oznaczyła Cię w komentarzu:", quote="@kasia_nowak mój kod 123456 do formularza sprzeciwu zadziałał! Na dole maila było: przeznaczona dla someoneelse.account",
        btn="Odpowiedz", why="Otrzymujesz ten e-mail, ponieważ masz włączone powiadomienia o oznaczeniach.",
        extra="Post użytkownika ola.zielinska \u00b7 64 polubienia"),
)

L["pt"] = dict(
    name="João", full="João Silva", addr="joao.silva@example.pt", to="joao.silva@example.pt",
    user="joao.silva.pt", charset="iso-8859-1",
    hi="Olá, {n}:", hi_u="Olá, {u}:",
    footer_fb="Esta mensagem foi enviada para {a}. Se não quiser receber estes e-mails da Meta no futuro, [[cancele a subscrição|unsub]].",
    footer_ig="Esta mensagem foi enviada para {a} e destina-se a {u}. Não é a sua conta? [[Remova o seu e-mail|remove]] desta conta.",
    unsub_ig="[[Cancelar a subscrição|unsub]] destes e-mails.",
    secure="Para ajudar a manter a sua conta segura, não reencaminhe este e-mail. [[Saiba mais|learn]]",
    notice=dict(platform="facebook", form="fb24", wrap="ln", text_link="wrapped",
        subject="Estamos a atualizar a nossa Política de Privacidade à medida que expandimos a IA na Meta",
        paras=["Estamos a preparar-nos para expandir a IA na Meta à sua região. A IA na Meta é o nosso conjunto de funcionalidades e experiências de IA generativa, como a Meta AI e ferramentas criativas de IA, juntamente com os modelos que as suportam.",
               "O que isto significa para si\nPara lhe trazer estas experiências, passaremos a basear-nos no fundamento jurídico dos interesses legítimos para utilizar as suas informações para desenvolver e melhorar a IA na Meta. Isto significa que tem o [[direito de oposição]] à forma como as suas informações são utilizadas para estes fins.",
               "Quando a sua oposição for respeitada, será aplicada daqui em diante.",
               "Também estamos a atualizar a nossa Política de Privacidade, que entra em vigor a 26 de junho de 2024."],
        trap="'Quando a sua oposição for respeitada, será aplicada daqui em diante'; link wrapped twice (l.facebook.com around /n/)"),
    ack=dict(platform="facebook", subject="Re: O seu pedido à Meta",
        paras=["Obrigado por nos contactar. Recebemos o seu pedido e vamos analisá-lo.",
               "Entraremos em contacto consigo logo que possível.",
               "Obrigado,\nPrivacy Operations"]),
    conf=dict(platform="instagram", style=2025, covers=True, subject="O seu pedido de oposição",
        paras=["Vamos respeitar a sua oposição relativamente às suas informações públicas, como publicações e comentários públicos. Isto significa que não utilizaremos as suas informações públicas do Facebook e do Instagram para o desenvolvimento e melhoria futuros de modelos de IA generativa para a IA na Meta.",
               "Vamos também respeitar a sua oposição para quaisquer outras contas que tenha adicionado à mesma Central de Contas que esta conta.",
               "Para contas que não estejam na mesma Central de Contas, submeta o formulário para cada uma delas: [[formulário de oposição|form]]"]),
    boiler="Esta caixa de entrada não pode receber mensagens. Se nos enviar uma resposta, esta não será recebida.",
    thanks="Obrigado,", privops="Privacy Operations",
    c=dict(platform="instagram", actor="ines.costa_", subject="ines.costa_ comentou a sua publicação",
        lead="{x} comentou a sua publicação:", quote="Também me oponho ao treino da IA! Espero que respeitem a tua oposição. O meu código 123456 para o formulário de oposição funcionou.",
        btn="Responder", why="Está a receber este e-mail porque tem as notificações por e-mail de comentários ativadas.",
        extra="A sua publicação: \u201cPôr do sol no Porto\u201d \u00b7 45 gostos"),
    m=dict(platform="messenger", actor="Rui Ferreira", subject="Rui Ferreira enviou-lhe uma mensagem",
        lead="{x} enviou-lhe uma mensagem no Messenger:", quote="lol \"vamos respeitar a sua oposição\" 😂 infelizmente não conseguiram processar a minha oposição",
        btn="Responder no Messenger", why="Está a receber este e-mail porque tem mensagens não lidas no Messenger.",
        extra="1 mensagem não lida"),
)

L["sv"] = dict(
    name="Erik", full="Erik Lindqvist", addr="erik.lindqvist@example.se", to="Erik Lindqvist <Erik.Lindqvist@example.se>",
    user="erik_lindqvist", charset="iso-8859-1",
    hi="Hej {n}!", hi_u="Hej {u}!",
    footer_fb="Det här meddelandet skickades till {a}. Om du inte vill få sådana här e-postmeddelanden från Meta i framtiden kan du [[avsluta prenumerationen|unsub]].",
    footer_ig="Det här meddelandet skickades till {a} och är avsett för {u}. Inte ditt konto? [[Ta bort din e-postadress|remove]] från kontot.",
    unsub_ig="[[Avsluta prenumerationen|unsub]] på de här e-postmeddelandena.",
    secure="Vidarebefordra inte det här e-postmeddelandet, så att ditt konto förblir säkert. [[Läs mer|learn]]",
    notice=dict(platform="instagram", form="ig25", wrap="utm", text_link="plain",
        subject="Vi uppdaterar vår integritetspolicy när vi utökar AI hos Meta",
        paras=["vi förbereder oss för att utöka AI hos Meta till din region. AI hos Meta är vår samling generativa AI-funktioner och upplevelser, som Meta AI och kreativa AI-verktyg, tillsammans med modellerna som driver dem.",
               "Vad det här innebär för dig\nFör att kunna erbjuda dig de här upplevelserna kommer vi att använda den rättsliga grunden berättigat intresse när vi använder din information för att utveckla och förbättra AI hos Meta. Du har [[rätt att invända]] mot hur din information används för dessa ändamål.",
               "Godkänns din invändning tillämpas den från och med då. Fyll i formuläret så kommer vi att respektera din invändning.",
               "Vi uppdaterar även vår integritetspolicy, som börjar gälla den 26 juni 2024."],
        trap="verb-first conditional 'Godkänns din invändning tillämpas den från och med då' + imperative 'Fyll i formuläret så kommer vi att respektera din invändning'; link carries utm_* parameters"),
    ack=dict(platform="instagram", subject="Sv: Din begäran till Meta",
        paras=["tack för att du kontaktade oss. Vi har tagit emot din begäran och kommer att granska den.",
               "Vi återkommer till dig så snart vi kan.",
               "Tack!\nPrivacy Operations"]),
    conf=dict(platform="facebook", style=2024, covers=False, subject="Din invändning",
        paras=["Vi har granskat din begäran och kommer att respektera din invändning. Det innebär att din begäran tillämpas från och med nu.",
               "Har du andra konton som inte finns i samma Kontocenter? Skicka då formuläret för vart och ett av dem: [[invändningsformulär|form]]",
               "Om du vill veta mer om generativ AI och vårt integritetsarbete på det här nya området kan du läsa informationen i [[Integritetscentret|genai]]."]),
    boiler="Den här inkorgen kan inte ta emot meddelanden. Om du svarar oss kommer svaret inte att tas emot.",
    thanks="Tack!", privops="Privacy Operations",
    c=dict(platform="facebook", actor="Johanna Berg", subject="Johanna Berg kommenterade ditt inlägg",
        lead="{x} kommenterade ditt inlägg:", quote="Jag invänder också mot AI-träningen! Hoppas de respekterar den. Min kod 123456 till invändningsformuläret funkade.",
        btn="Visa kommentar", why="Du får det här e-postmeddelandet eftersom du har aktiverat e-postaviseringar för kommentarer.",
        extra="Ditt inlägg: \u201dSkärgården i september\u201d \u00b7 28 reaktioner"),
    m=dict(platform="threads", actor="oskar.nyman", subject="oskar.nyman nämnde dig i en tråd",
        lead="{x} nämnde dig på Threads:", quote="@erik_lindqvist haha \"vi kommer att respektera din invändning\". Tyvärr kunde de inte behandla min invändning. Längst ner stod: avsett för someoneelse.account",
        btn="Visa på Threads", why="Du får det här e-postmeddelandet eftersom du har aktiverat aviseringar om omnämnanden på Threads.",
        extra="Tråd av oskar.nyman \u00b7 14 svar"),
)

L["da"] = dict(
    name="Mette", full="Mette Jensen", addr="mette.jensen@example.dk", to="mette.jensen@example.dk",
    user="mette.j_cph", charset="iso-8859-1",
    hi="Hej {n}", hi_u="Hej {u}",
    footer_fb="Denne meddelelse blev sendt til {a}. Hvis du ikke længere vil modtage disse e-mails fra Meta, kan du [[afmelde dig|unsub]].",
    footer_ig="Denne meddelelse blev sendt til {a} og er tiltænkt {u}. Ikke din konto? [[Fjern din e-mailadresse|remove]] fra denne konto.",
    unsub_ig="[[Afmeld|unsub]] disse e-mails.",
    secure="Videresend ikke denne e-mail, så din konto forbliver sikker. [[Få mere at vide|learn]]",
    notice=dict(platform="facebook", form="fb25", wrap="n", text_link="wrapped",
        subject="Få at vide, hvordan vi bruger dine oplysninger, når vi forbedrer AI hos Meta",
        paras=["Vi gør klar til at forbedre AI hos Meta i EU. Fra den 27. maj 2025 bruger vi offentlige oplysninger, såsom offentlige opslag og kommentarer fra konti tilhørende personer på 18 år eller derover, samt dine interaktioner med AI hos Meta-funktioner.",
               "Vi baserer dette på retsgrundlaget legitime interesser.",
               "Du har ret til at [[gøre indsigelse]] mod brugen af dine oplysninger til disse formål. Imødekommes din indsigelse, gælder den fremover.",
               "Hvis du allerede har gjort indsigelse, behøver du ikke at indsende en ny anmodning."],
        trap="verb-first conditional 'Imødekommes din indsigelse, gælder den fremover' + 'Hvis du allerede har gjort indsigelse, behøver du ikke...'"),
    ack=dict(platform="facebook", subject="Sv: Din anmodning til Meta",
        paras=["Tak, fordi du kontaktede os. Vi har modtaget din anmodning og vil gennemgå den.",
               "Vi vender tilbage til dig hurtigst muligt.",
               "Tak\nPrivacy Operations"]),
    conf=dict(platform="instagram", style=2025, covers=True, subject="Din indsigelse",
        paras=["Vi vil imødekomme din indsigelse for dine offentlige oplysninger, såsom offentlige opslag og kommentarer. Det betyder, at vi ikke vil bruge dine offentlige oplysninger fra Facebook og Instagram til fremtidig udvikling og forbedring af generative AI-modeller til AI hos Meta.",
               "Vi vil også imødekomme din indsigelse for alle andre konti, du har føjet til det samme Kontocenter som denne konto.",
               "For konti, der ikke er i det samme Kontocenter, skal du indsende formularen for hver enkelt: [[indsigelsesformular|form]]"]),
    boiler="Denne indbakke kan ikke modtage beskeder. Hvis du svarer os, bliver dit svar ikke modtaget.",
    thanks="Tak", privops="Privacy Operations",
    c=dict(platform="instagram", actor="freja.holm", subject="freja.holm kommenterede dit opslag",
        lead="{x} kommenterede dit opslag:", quote="Jeg gør også indsigelse mod AI-træning! Håber de imødekommer den. Min kode 123456 til indsigelsesformularen virkede.",
        btn="Svar", why="Du modtager denne e-mail, fordi du har slået e-mailnotifikationer for kommentarer til.",
        extra="Dit opslag: \u201dNyhavn i regnvejr\u201d \u00b7 33 synes godt om"),
    m=dict(platform="facebook", actor="Rasmus Nielsen", subject="Rasmus Nielsen nævnte dig i en kommentar",
        lead="{x} nævnte dig i en kommentar:", quote="Haha \"vi vil imødekomme din indsigelse\" siger de. Min kunne desværre ikke behandles.",
        btn="Se kommentar", why="Du modtager denne notifikation, fordi nogen nævnte dig.",
        extra="Gruppe: Digitale rettigheder DK \u00b7 940 medlemmer"),
)

L["fi"] = dict(
    name="Aino", full="Aino Virtanen", addr="aino.virtanen@example.fi", to="Aino.Virtanen@example.fi",
    user="aino.virtanen", charset="iso-8859-1",
    hi="Hei {n},", hi_u="Hei {u},",
    footer_fb="Tämä viesti lähetettiin osoitteeseen {a}. Jos et halua jatkossa saada näitä sähköposteja Metalta, [[peru tilaus|unsub]].",
    footer_ig="Tämä viesti lähetettiin osoitteeseen {a}, ja se on tarkoitettu käyttäjälle {u}. Eikö tämä ole tilisi? [[Poista sähköpostiosoitteesi|remove]] tältä tililtä.",
    unsub_ig="[[Peru näiden sähköpostien tilaus|unsub]].",
    secure="Älä välitä tätä sähköpostia eteenpäin, jotta tilisi pysyy turvassa. [[Lue lisää|learn]]",
    notice=dict(platform="instagram", form="meta26", wrap="ig", text_link="wrapped",
        subject="Lue, miten käytämme tietojasi kehittäessämme Metan tekoälyä",
        paras=["valmistaudumme kehittämään Metan tekoälyä EU:ssa. Käytämme julkisia tietoja, kuten vähintään 18-vuotiaiden henkilöiden tilien julkisia julkaisuja ja kommentteja, sekä vuorovaikutustasi Metan tekoälyominaisuuksien kanssa.",
               "Oikeusperusteena on oikeutettu etu.",
               "Sinulla on [[oikeus vastustaa]] tietojesi käyttöä näihin tarkoituksiin. Jos vastustuksesi hyväksytään, sitä sovelletaan tästä eteenpäin. Lähetämme sinulle sähköpostin, jossa vahvistamme, että kunnioitamme vastustustasi.",
               "Tietosuojalomakkeet ovat nyt Metan uudessa ohjekeskuksessa."],
        trap="'Jos vastustuksesi hyväksytään, sitä sovelletaan tästä eteenpäin' + promise 'Lähetämme sinulle sähköpostin, jossa vahvistamme, että kunnioitamme vastustustasi'; 2026 help.meta.com link, only via l.instagram.com"),
    ack=dict(platform="instagram", subject="Vs: Pyyntösi Metalle",
        paras=["kiitos yhteydenotostasi. Olemme vastaanottaneet pyyntösi ja käsittelemme sen.",
               "Palaamme asiaan mahdollisimman pian.",
               "Kiitos,\nPrivacy Operations"]),
    conf=dict(platform="facebook", style=2024, covers=False, subject="Vastustuspyyntösi",
        paras=["Olemme käsitelleet pyyntösi ja kunnioitamme vastustustasi. Tämä tarkoittaa, että pyyntöäsi sovelletaan tästä eteenpäin.",
               "Jos sinulla on muita tilejä, jotka eivät ole samassa Tilikeskuksessa, lähetä lomake jokaisesta niistä: [[vastustuslomake|form]]",
               "Lisätietoja generatiivisesta tekoälystä ja tietosuojatyöstämme löydät [[Tietosuojakeskuksesta|genai]]."]),
    boiler="Tähän postilaatikkoon ei voi lähettää viestejä. Jos vastaat meille, vastaustasi ei vastaanoteta.",
    thanks="Kiitos,", privops="Privacy Operations",
    c=dict(platform="facebook", actor="Mikko Korhonen", subject="Mikko Korhonen kommentoi julkaisuasi",
        lead="{x} kommentoi julkaisuasi:", quote="Minäkin vastustan tekoälykoulutusta! Toivottavasti he hyväksyvät sen. Alareunassa luki: tarkoitettu käyttäjälle someoneelse.account",
        btn="Näytä kommentti", why="Saat tämän sähköpostin, koska olet ottanut kommenttien sähköposti-ilmoitukset käyttöön.",
        extra="Julkaisusi: \u201dRuska Lapissa\u201d \u00b7 21 reaktiota"),
    m=dict(platform="instagram", actor="emilia_lahti", subject="emilia_lahti mainitsi sinut kommentissa",
        lead="{x} mainitsi sinut kommentissa:", quote="@aino.virtanen lol \"kunnioitamme vastustustasi\" 🙃 minun vastustustani ei valitettavasti voitu käsitellä",
        btn="Vastaa", why="Saat tämän sähköpostin, koska olet ottanut maininta-ilmoitukset käyttöön.",
        extra="Käyttäjän emilia_lahti julkaisu \u00b7 51 tykkäystä"),
)

L["nb"] = dict(
    name="Ingrid", full="Ingrid Hansen", addr="ingrid.hansen@example.no", to="Ingrid Hansen <INGRID.HANSEN@example.no>",
    user="ingrid_hansen.no", charset="iso-8859-1",
    hi="Hei {n}!", hi_u="Hei {u}!",
    footer_fb="Denne meldingen ble sendt til {a}. Hvis du ikke vil motta slike e-poster fra Meta i fremtiden, kan du [[melde deg av|unsub]].",
    footer_ig="Denne meldingen ble sendt til {a} og er ment for {u}. Ikke din konto? [[Fjern e-postadressen din|remove]] fra denne kontoen.",
    unsub_ig="[[Meld deg av|unsub]] disse e-postene.",
    secure="Ikke videresend denne e-posten, slik at kontoen din forblir sikker. [[Finn ut mer|learn]]",
    notice=dict(platform="facebook", form="fb24", wrap="n", text_link="wrapped",
        subject="Vi oppdaterer personvernreglene våre etter hvert som vi utvider AI hos Meta",
        paras=["Vi gjør oss klare til å utvide AI hos Meta til din region. AI hos Meta er samlingen vår av generative AI-funksjoner og -opplevelser, som Meta AI og kreative AI-verktøy, sammen med modellene som driver dem.",
               "Hva dette betyr for deg\nFor å gi deg disse opplevelsene vil vi nå bruke det rettslige grunnlaget berettigede interesser når vi bruker informasjonen din til å utvikle og forbedre AI hos Meta. Du har [[rett til å protestere]] mot hvordan informasjonen din brukes til disse formålene.",
               "Godkjennes innsigelsen din, gjelder den fra da av. Vi sender deg en e-post som bekrefter at vi tar innsigelsen din til følge.",
               "Vi oppdaterer også personvernreglene våre. Endringene trer i kraft 26. juni 2024."],
        trap="verb-first conditional 'Godkjennes innsigelsen din, gjelder den fra da av' + promise 'Vi sender deg en e-post som bekrefter at vi tar innsigelsen din til følge'"),
    ack=dict(platform="facebook", subject="Sv: Forespørselen din til Meta",
        paras=["Takk for at du kontaktet oss. Vi har mottatt forespørselen din og vil gå gjennom den.",
               "Vi kommer tilbake til deg så snart vi kan.",
               "Takk\nPrivacy Operations"]),
    conf=dict(platform="instagram", style=2024, covers=False, subject="Innsigelsen din",
        paras=["Vi har gått gjennom forespørselen din og tar innsigelsen din til følge. Dette betyr at forespørselen din blir brukt fra nå av.",
               "Har du andre kontoer som ikke er i det samme kontosenteret? Send inn skjemaet for hver av dem: [[innsigelsesskjema|form]]",
               "Vil du vite mer om generativ AI og personvernarbeidet vårt på dette nye området, kan du lese informasjonen i [[personvernsenteret|genai]]."]),
    boiler="Denne innboksen kan ikke motta meldinger. Hvis du svarer oss, blir svaret ikke mottatt.",
    thanks="Takk", privops="Privacy Operations",
    c=dict(platform="instagram", actor="sindre.aas", subject="sindre.aas kommenterte innlegget ditt",
        lead="{x} kommenterte innlegget ditt:", quote="Jeg protesterer også mot AI-trening! Håper de tar innsigelsen til følge.",
        btn="Svar", why="Du mottar denne e-posten fordi du har slått på e-postvarsler for kommentarer.",
        extra="Innlegget ditt: \u00abFjelltur i Jotunheimen\u00bb \u00b7 40 liker"),
    m=dict(platform="facebook", actor="Kari Olsen", subject="Kari Olsen nevnte deg i en kommentar",
        lead="{x} nevnte deg i en kommentar:", quote="lol \"vi tar innsigelsen din til følge\" sier de. Min kunne dessverre ikke behandles. Koden min 123456 til innsigelsesskjemaet virket i hvert fall.",
        btn="Se kommentaren", why="Du mottar dette varselet fordi noen nevnte deg.",
        extra="Gruppe: Personvern Norge \u00b7 1,5K medlemmer"),
)

L["cs"] = dict(
    name="Petr", full="Petr Novák", addr="petr.novak@example.cz", to="petr.novak@example.cz",
    user="petr.novak_cz", charset="iso-8859-2",
    hi="Dobrý den, {n},", hi_u="Dobrý den, {u},",
    footer_fb="Tato zpráva byla odeslána na adresu {a}. Pokud od Meta nechcete tyto e-maily dostávat, [[odhlaste se|unsub]].",
    footer_ig="Tato zpráva byla odeslána na adresu {a} a je určena pro {u}. Není to váš účet? [[Odeberte svůj e-mail|remove]] z tohoto účtu.",
    unsub_ig="[[Odhlásit se|unsub]] z odběru těchto e-mailů.",
    secure="Abyste svůj účet ochránili, tento e-mail nepřeposílejte. [[Další informace|learn]]",
    notice=dict(platform="instagram", form="ig24", wrap="ig", text_link="plain",
        subject="Aktualizujeme naše Zásady ochrany osobních údajů v souvislosti s rozšířením AI v Meta",
        paras=["připravujeme rozšíření AI v Meta do vašeho regionu. AI v Meta je naše sada funkcí a prostředí generativní AI, jako je Meta AI a kreativní nástroje AI, spolu s modely, které je pohánějí.",
               "Co to pro vás znamená\nAbychom vám tato prostředí mohli nabídnout, budeme se při používání vašich údajů k vývoji a zlepšování AI v Meta opírat o právní základ oprávněných zájmů. Máte [[právo vznést námitku]] proti tomu, jak jsou vaše údaje k těmto účelům používány.",
               "Pokud vaší námitce vyhovíme, bude uplatňována od této chvíle. Pokud jste již námitku vznesli, nemusíte podávat další žádost.",
               "Aktualizujeme také naše Zásady ochrany osobních údajů. Změny vstoupí v platnost 26. června 2024."],
        trap="'Pokud vaší námitce vyhovíme, bude uplatňována od této chvíle' + 'Pokud jste již námitku vznesli...'"),
    ack=dict(platform="instagram", subject="Re: Vaše žádost adresovaná Meta",
        paras=["děkujeme, že jste nás kontaktovali. Vaši žádost jsme obdrželi a posoudíme ji.",
               "Ozveme se vám co nejdříve.",
               "Děkujeme,\nPrivacy Operations"]),
    conf=dict(platform="facebook", style=2025, covers=True, subject="Vaše námitka",
        paras=["Vaší námitce vyhovíme u vašich veřejných informací, jako jsou veřejné příspěvky a komentáře. To znamená, že vaše veřejné informace z Facebooku a Instagramu nebudeme používat k budoucímu vývoji a zlepšování modelů generativní AI pro AI v Meta.",
               "Vaší námitce vyhovíme také u všech dalších účtů, které jste přidali do stejného Centra účtů jako tento účet.",
               "U účtů, které nejsou ve stejném Centru účtů, odešlete formulář pro každý z nich: [[formulář námitky|form]]"]),
    boiler="Tato schránka nemůže přijímat zprávy. Pokud nám odpovíte, vaše odpověď nebude doručena.",
    thanks="Děkujeme,", privops="Privacy Operations",
    c=dict(platform="facebook", actor="Jana Dvořáková", subject="Jana Dvořáková okomentovala váš příspěvek",
        lead="{x} okomentovala váš příspěvek:", quote="Taky vznáším námitku proti trénování AI! Doufám, že jí vyhoví. Můj kód 123456 do formuláře námitky fungoval.",
        btn="Zobrazit komentář", why="Tento e-mail dostáváte, protože máte zapnutá e-mailová upozornění na komentáře.",
        extra="Váš příspěvek: \u201eJak vznést námitku proti AI v Meta\u201c \u00b7 15 reakcí"),
    m=dict(platform="instagram", actor="tomas_horak", subject="tomas_horak vás zmínil v komentáři",
        lead="{x} vás zmínil v komentáři:", quote="@petr.novak_cz haha \"vaší námitce vyhovíme\" 😄 moji námitku bohužel nemohli zpracovat. Dole stálo: určena pro someoneelse.account",
        btn="Odpovědět", why="Tento e-mail dostáváte, protože máte zapnutá upozornění na zmínky.",
        extra="Příspěvek uživatele tomas_horak \u00b7 37 To se mi líbí"),
)

L["el"] = dict(
    name="Γιώργος", full="Γιώργος Παπαδόπουλος", addr="g.papadopoulos@example.gr", to="G.Papadopoulos@example.gr",
    user="giorgos.pap", charset="iso-8859-7",
    hi="Γεια σου {n},", hi_u="Γεια σου {u},",
    footer_fb="Αυτό το μήνυμα στάλθηκε στη διεύθυνση {a}. Αν δεν θέλετε να λαμβάνετε αυτά τα email από τη Meta στο μέλλον, [[καταργήστε την εγγραφή σας|unsub]].",
    footer_ig="Αυτό το μήνυμα στάλθηκε στη διεύθυνση {a} και προορίζεται για τον χρήστη {u}. Δεν είναι ο λογαριασμός σας; [[Αφαιρέστε το email σας|remove]] από αυτόν τον λογαριασμό.",
    unsub_ig="[[Κατάργηση εγγραφής|unsub]] από αυτά τα email.",
    secure="Για την ασφάλεια του λογαριασμού σας, μην προωθείτε αυτό το email. [[Μάθετε περισσότερα|learn]]",
    notice=dict(platform="facebook", form="fb25", wrap="l", text_link="wrapped",
        subject="Μάθετε πώς θα χρησιμοποιούμε τις πληροφορίες σας καθώς βελτιώνουμε την AI στη Meta",
        paras=["Προετοιμαζόμαστε να βελτιώσουμε την AI στη Meta στην ΕΕ. Από τις 27 Μαΐου 2025 θα χρησιμοποιούμε δημόσιες πληροφορίες, όπως δημόσιες δημοσιεύσεις και σχόλια λογαριασμών ατόμων ηλικίας 18 ετών και άνω, καθώς και τις αλληλεπιδράσεις σας με τις λειτουργίες της AI στη Meta.",
               "Βασιζόμαστε στη νομική βάση των έννομων συμφερόντων.",
               "Έχετε [[δικαίωμα εναντίωσης]] στη χρήση των πληροφοριών σας για αυτούς τους σκοπούς. Εάν η αντίρρησή σας γίνει δεκτή, θα ισχύει από εδώ και στο εξής.",
               "Αν έχετε ήδη υποβάλει αντίρρηση, δεν χρειάζεται να υποβάλετε νέο αίτημα."],
        trap="'Εάν η αντίρρησή σας γίνει δεκτή, θα ισχύει από εδώ και στο εξής' + 'Αν έχετε ήδη υποβάλει αντίρρηση...'; link only via l.facebook.com"),
    ack=dict(platform="facebook", subject="Απ: Το αίτημά σας προς τη Meta",
        paras=["Σας ευχαριστούμε που επικοινωνήσατε μαζί μας. Λάβαμε το αίτημά σας και θα το εξετάσουμε.",
               "Θα επικοινωνήσουμε μαζί σας το συντομότερο δυνατό.",
               "Ευχαριστούμε,\nPrivacy Operations"]),
    conf=dict(platform="instagram", style=2024, covers=False, subject="Το αίτημα εναντίωσής σας",
        paras=["Εξετάσαμε το αίτημά σας και θα κάνουμε δεκτή την αντίρρησή σας. Αυτό σημαίνει ότι το αίτημά σας θα εφαρμόζεται από εδώ και στο εξής.",
               "Αν έχετε άλλους λογαριασμούς που δεν βρίσκονται στο ίδιο Κέντρο λογαριασμών, υποβάλετε τη φόρμα για τον καθένα: [[φόρμα εναντίωσης|form]]"]),
    boiler="Αυτά τα εισερχόμενα δεν μπορούν να δεχτούν μηνύματα. Αν μας απαντήσετε, η απάντησή σας δεν θα παραληφθεί.",
    thanks="Ευχαριστούμε,", privops="Privacy Operations",
    c=dict(platform="instagram", actor="eleni.kost", subject="Ο χρήστης eleni.kost σχολίασε τη δημοσίευσή σας",
        lead="Ο χρήστης {x} σχολίασε τη δημοσίευσή σας:", quote="Κι εγώ αντιτίθεμαι στην εκπαίδευση της AI! Ελπίζω να κάνουν δεκτή την αντίρρησή σου.",
        btn="Απάντηση", why="Λαμβάνετε αυτό το email επειδή έχετε ενεργοποιήσει τις ειδοποιήσεις για σχόλια.",
        extra="Η δημοσίευσή σας: «Ηλιοβασίλεμα στη Σαντορίνη» · 61 μου αρέσει"),
    m=dict(platform="facebook", actor="Νίκος Γεωργίου", subject="Ο Νίκος Γεωργίου σάς ανέφερε σε ένα σχόλιο",
        lead="Ο χρήστης {x} σάς ανέφερε σε ένα σχόλιο:", quote="lol «θα κάνουμε δεκτή την αντίρρησή σας» λένε. Δυστυχώς δεν μπόρεσαν να επεξεργαστούν τη δική μου αντίρρηση. Ο κωδικός μου 123456 για τη φόρμα εναντίωσης πάντως δούλεψε.",
        btn="Προβολή σχολίου", why="Λαμβάνετε αυτή την ειδοποίηση επειδή κάποιος σάς ανέφερε.",
        extra="Ομάδα: Ιδιωτικότητα & Τεχνολογία · 700 μέλη"),
)

L["ro"] = dict(
    name="Andreea", full="Andreea Popescu", addr="andreea.popescu@example.ro", to="Andreea Popescu <andreea.popescu@example.ro>",
    user="andreea_popescu", charset="utf-8",
    hi="Bună, {n},", hi_u="Bună, {u},",
    footer_fb="Acest mesaj a fost trimis la {a}. Dacă nu mai vrei să primești aceste e-mailuri de la Meta, [[dezabonează-te|unsub]].",
    footer_ig="Acest mesaj a fost trimis la {a} și este destinat pentru {u}. Nu este contul tău? [[Elimină adresa ta de e-mail|remove]] din acest cont.",
    unsub_ig="[[Dezabonează-te|unsub]] de la aceste e-mailuri.",
    secure="Pentru a-ți proteja contul, nu redirecționa acest e-mail. [[Află mai multe|learn]]",
    notice=dict(platform="instagram", form="ig25", wrap="ig", text_link="wrapped",
        subject="Află cum vom folosi informațiile tale pe măsură ce îmbunătățim AI de la Meta",
        paras=["ne pregătim să îmbunătățim AI de la Meta în UE. Din 27 mai 2025 vom folosi informații publice, cum ar fi postările și comentariile publice ale conturilor persoanelor de 18 ani sau peste, precum și interacțiunile tale cu funcțiile AI de la Meta.",
               "Ne bazăm pe temeiul juridic al intereselor legitime.",
               "Ai [[dreptul de a te opune]] utilizării informațiilor tale în aceste scopuri. Dacă obiecția ta este acceptată, aceasta se va aplica de acum înainte. Îți vom trimite un e-mail prin care îți confirmăm că îți vom respecta obiecția.",
               "Dacă ai obiectat deja, nu trebuie să trimiți o altă solicitare."],
        trap="'Dacă obiecția ta este acceptată, aceasta se va aplica de acum înainte' + promise 'Îți vom trimite un e-mail prin care îți confirmăm că îți vom respecta obiecția' + 'Dacă ai obiectat deja'"),
    ack=dict(platform="instagram", subject="Re: Solicitarea ta către Meta",
        paras=["îți mulțumim că ne-ai contactat. Am primit solicitarea ta și o vom analiza.",
               "Revenim cu un răspuns cât mai curând posibil.",
               "Mulțumim,\nPrivacy Operations"]),
    conf=dict(platform="facebook", style=2025, covers=True, subject="Obiecția ta",
        paras=["Îți vom respecta obiecția pentru informațiile tale publice, cum ar fi postările și comentariile publice. Aceasta înseamnă că nu vom folosi informațiile tale publice de pe Facebook și Instagram pentru dezvoltarea și îmbunătățirea viitoare a modelelor AI generative pentru AI de la Meta.",
               "Îți vom respecta obiecția și pentru celelalte conturi pe care le-ai adăugat în același Centru de conturi ca acest cont.",
               "Pentru conturile care nu sunt în același Centru de conturi, trimite formularul pentru fiecare dintre ele: [[formular de obiecție|form]]"]),
    boiler="Această căsuță de e-mail nu poate primi mesaje. Dacă ne trimiți un răspuns, acesta nu va fi primit.",
    thanks="Mulțumim,", privops="Privacy Operations",
    c=dict(platform="facebook", actor="Mihai Ionescu", subject="Mihai Ionescu a comentat la postarea ta",
        lead="{x} a comentat la postarea ta:", quote="Și eu mă opun antrenării AI! Sper să-ți respecte obiecția. Codul meu 123456 pentru formularul de obiecție a mers.",
        btn="Vezi comentariul", why="Primești acest e-mail deoarece ai activat notificările prin e-mail pentru comentarii.",
        extra="Postarea ta: „Toamna în Sibiu” · 26 de reacții"),
    m=dict(platform="instagram", actor="ioana.dumitru", subject="ioana.dumitru te-a menționat într-un comentariu",
        lead="{x} te-a menționat într-un comentariu:", quote="@andreea_popescu haha „îți vom respecta obiecția” 🙄 din păcate nu au putut procesa obiecția mea. Jos scria: destinat pentru someoneelse.account",
        btn="Răspunde", why="Primești acest e-mail deoarece ai activat notificările pentru mențiuni.",
        extra="Postare de ioana.dumitru · 73 de aprecieri"),
)

L["hu"] = dict(
    name="Zsófia", full="Kovács Zsófia", addr="zsofia.kovacs@example.hu", to="Zsofia.Kovacs@example.hu",
    user="zsofi.kovacs", charset="iso-8859-2",
    hi="Szia, {n}!", hi_u="Szia, {u}!",
    footer_fb="Ezt az üzenetet a(z) {a} címre küldtük. Ha a jövőben nem szeretnél ilyen e-maileket kapni a Metától, [[iratkozz le|unsub]].",
    footer_ig="Ezt az üzenetet a(z) {a} címre küldtük, és {u} számára szól. Nem a te fiókod? [[Távolítsd el az e-mail-címedet|remove]] erről a fiókról.",
    unsub_ig="[[Leiratkozás|unsub]] ezekről az e-mailekről.",
    secure="A fiókod biztonsága érdekében ne továbbítsd ezt az e-mailt. [[További információ|learn]]",
    notice=dict(platform="facebook", form="fb24", wrap="n", text_link="plain",
        subject="Frissítjük az Adatvédelmi szabályzatunkat, ahogy bővítjük a Meta MI-t",
        paras=["Felkészülünk arra, hogy a Meta MI-t elérhetővé tegyük a régiódban. A Meta MI a generatív MI-funkcióink és -élményeink összessége, például a Meta AI és a kreatív MI-eszközök, valamint az ezeket működtető modellek.",
               "Mit jelent ez számodra?\nEzeknek az élményeknek a biztosításához a jogos érdek jogalapjára támaszkodunk, amikor az információidat a Meta MI fejlesztésére és javítására használjuk. Jogod van [[tiltakozni]] az ellen, ahogyan az információidat ezekre a célokra használjuk.",
               "Töltsd ki az űrlapot, és helyt adunk a tiltakozásodnak. Ha tiltakozásodnak helyt adunk, az a jövőre nézve lesz érvényes.",
               "Az Adatvédelmi szabályzatunkat is frissítjük; a változások 2024. június 26-án lépnek hatályba."],
        trap="imperative 'Töltsd ki az űrlapot, és helyt adunk a tiltakozásodnak' + 'Ha tiltakozásodnak helyt adunk, az a jövőre nézve lesz érvényes'"),
    ack=dict(platform="facebook", subject="Re: A Metának küldött kérelmed",
        paras=["Köszönjük, hogy felvetted velünk a kapcsolatot. Megkaptuk a kérelmedet, és megvizsgáljuk.",
               "A lehető leghamarabb jelentkezünk.",
               "Köszönjük!\nPrivacy Operations"]),
    conf=dict(platform="instagram", style=2025, covers=True, subject="Tiltakozási kérelmed",
        paras=["Helyt adunk a tiltakozásodnak a nyilvános információid tekintetében, például a nyilvános bejegyzések és hozzászólások esetében. Ez azt jelenti, hogy a Facebookról és az Instagramról származó nyilvános információidat nem használjuk a Meta MI generatív MI-modelljeinek jövőbeli fejlesztésére és javítására.",
               "A tiltakozásodnak helyt adunk minden olyan további fiók esetében is, amelyet ugyanahhoz a Fiókközponthoz adtál hozzá, mint ezt a fiókot.",
               "Azoknál a fiókoknál, amelyek nem ugyanabban a Fiókközpontban vannak, mindegyikhez küldd be az űrlapot: [[tiltakozási űrlap|form]]"]),
    boiler="Ez a postafiók nem tud üzeneteket fogadni. Ha válaszolsz nekünk, a válaszod nem érkezik meg.",
    thanks="Köszönjük!", privops="Privacy Operations",
    c=dict(platform="instagram", actor="bence_nagy", subject="bence_nagy hozzászólt a bejegyzésedhez",
        lead="{x} hozzászólt a bejegyzésedhez:", quote="Én is tiltakozom az MI-tanítás ellen! Remélem, helyt adnak neki. Az én kódom, 123456, működött a tiltakozási űrlapon.",
        btn="Válasz", why="Azért kapod ezt az e-mailt, mert bekapcsoltad a hozzászólásokról szóló e-mail-értesítéseket.",
        extra="A bejegyzésed: „Balaton nyáron” · 38 kedvelés"),
    m=dict(platform="facebook", actor="Tóth Gábor", subject="Tóth Gábor megemlített egy hozzászólásban",
        lead="{x} megemlített egy hozzászólásban:", quote="lol „helyt adunk a tiltakozásodnak” mondják. Az enyémet sajnos nem tudták feldolgozni. Alul ez állt: {u2} számára szól",
        btn="Hozzászólás megtekintése", why="Azért kapod ezt az értesítést, mert valaki megemlített.",
        extra="Csoport: Adatvédelem Magyarország · 1,1 E tag"),
)
L["hu"]["m"]["quote"] = L["hu"]["m"]["quote"].replace("{u2}", "someoneelse.account")

# ---------------------------------------------------------------- assembling mails

MAILS: list[tuple[str, bytes, dict]] = []

FB_SENDERS = ["Facebook <notification@facebookmail.com>", "Facebook <noreply@facebookmail.com>",
              "Meta <update@em.facebookmail.com>"]
IG_SENDERS = ["Instagram <no-reply@mail.instagram.com>", "Instagram <no-reply@mail.instagram.com>",
              "Instagram <no-reply@instagram.com>"]


def domain_of(from_: str) -> str:
    return from_.rsplit("@", 1)[1].rstrip(">").strip().lower()


def std_links(addr: str, seed: str, platform: str) -> dict:
    ig = platform in ("instagram", "threads")
    unsub = (f"https://www.instagram.com/emails/unsubscribe/?uid={hnum(seed, 10**11)}&h={h(seed + 'u', 20)}&t=notification"
             if ig else f"https://www.facebook.com/o.php?k=AS{h(seed + 'k', 18)}&u={hnum(seed, 10**14)}&mid={h(seed + 'mid', 13)}&ee={pct(addr)}")
    remove = f"https://www.instagram.com/accounts/remove/revoke_wrong_email/?uidb36={h(seed, 8)}&token={h(seed + 't', 24)}&nonce={h(seed + 'n', 8)}"
    learn = wrap_n("https://www.facebook.com/email_forward_notice/", addr, seed + "learn") if not ig else \
        wrap_ig("https://help.instagram.com/208729629143203", seed + "learn")
    home = "https://www.instagram.com/" if ig else wrap_n("https://www.facebook.com/", addr, seed + "home")
    return {"unsub": (unsub, unsub, None), "remove": (remove, remove, None), "learn": (learn, "", None),
            "home": (home, "", None)}


def footer_for(lg: dict, platform: str, addr: str, user: str | None) -> list:
    if platform in ("instagram", "threads"):
        who = "Threads" if platform == "threads" else "Instagram"
        return [f"\u00a9 {who}. {IG_ADDR}", lg["footer_ig"].format(a=addr, u=user), lg["unsub_ig"]]
    return [lg["footer_fb"].format(a=addr), META_ADDR, lg["secure"]]


def add(file: str, *, kind: str, lang: str, addr: str, to: str, from_: str, subject: str, date: str,
        blocks: list, footer: list, links: dict, brand: str, platform: str | None = None,
        account: str | None = None, shape: str = "alt", charset: str = "utf-8", cte_text: str = "quoted-printable",
        cte_html: str = "quoted-printable", subj_mode: str = "B", auth: str | None = "auto",
        content_language: bool = True, headers: list | None = None, objection_url: str | None = None,
        covers: bool | None = None, trap: str = "", note: str = "", crlf: bool = False, preheader: str = "",
        html: str | None = None, text: str | None = None, pre_headers: list | None = None) -> None:
    dom = domain_of(from_)
    hdrs = []
    if auth == "auto":
        auth = "pass" if hnum(file + "auth", 10) < 7 else None
    if auth == "pass":
        hdrs.append(("Authentication-Results", auth_results(dom, True)))
    elif auth == "fail":
        hdrs.append(("Authentication-Results", auth_results(dom, False)))
    elif auth:
        hdrs.append(("Authentication-Results", auth))
    if content_language:
        hdrs.append(("Content-Language", {"nb": "nb-NO", "el": "el-GR"}.get(lang, lang)))
    hdrs += headers or []
    msgid = f"<{h(file, 24)}.{hnum(file, 10**6)}@{dom}>"
    if text is None:
        text = render_text(blocks, footer, links)
    if html is None:
        html = render_html(brand, blocks, footer, links, lang, preheader)
    pre = pre_headers if pre_headers is not None else [
        ("Return-Path", f"<bounce-{h(file, 10)}@{dom}>"),
        ("Received", f"from {dom} (outmail-{hnum(file, 90) + 10}.{dom} [66.220.155.{hnum(file, 200) + 20}])\n"
                     f" by mx.example.org with ESMTPS id {h(file + 'rcv', 12).upper()}\n for <{addr}>; {date}"),
    ]
    raw = build_message(dict(from_=from_, to=to, subject=subject, date=date, msgid=msgid, headers=hdrs,
                             pre_headers=pre, subj_mode=subj_mode, subj_charset=charset if subj_mode != "B" else "utf-8",
                             shape=shape, text=text, html=html, charset=charset, cte_text=cte_text,
                             cte_html=cte_html, crlf=crlf))
    notes = [f"shape={shape}", f"charset={pick_charset(text if shape == 'text' else html, charset)}",
             f"cte(text)={cte_text}" if shape != "html" else "", f"cte(html)={cte_html}" if shape != "text" else "",
             f"subject={subj_mode if any(ord(c) > 127 for c in subject) else 'ascii'}",
             "CRLF" if crlf else "", f"auth={auth or 'none'}"]
    note_s = "; ".join(x for x in notes if x) + (("; " + note) if note else "")
    exp = {"file": file, "kind": kind}
    if kind not in ("suspicious", "irrelevant"):
        exp["platform"] = platform
        exp["account"] = account.lower()
    exp["address"] = addr.lower()
    exp["language"] = lang
    if objection_url:
        exp["objection_url"] = objection_url
    if covers:
        exp["covers_linked_accounts"] = True
    if trap:
        exp["trap"] = trap
    exp["note"] = note_s
    MAILS.append((file, raw, exp))


def _shape(seed: str, options=("alt", "alt", "alt", "html")) -> str:
    return options[hnum(seed, len(options))]


def _cte(seed: str) -> str:
    return ["quoted-printable", "base64", "8bit", "quoted-printable"][hnum(seed, 4)]


def _charset(lg: dict, seed: str) -> str:
    return lg["charset"] if hnum(seed + "cs", 3) else "utf-8"


def _smode(seed: str) -> str:
    return ["B", "Q", "B"][hnum(seed + "sm", 3)]


def plat_person(lg: dict, platform: str):
    addr = lg["addr"]
    if platform in ("instagram", "threads"):
        return addr, lg["user"]
    return addr, addr


def gen_notice(lang: str) -> None:
    lg = L[lang]
    n = lg["notice"]
    p = n["platform"]
    file = f"{lang}_{p}_notice_trap.eml"
    addr, account = plat_person(lg, p)
    canon = FORMS[n["form"]]
    href = wrap(n["wrap"], canon, addr, file)
    text_url = href if n["text_link"] == "wrapped" else canon
    links = std_links(addr, file, p)
    links["obj"] = (href, text_url, None)
    links["policy"] = ((wrap_n(POLICY, addr, file + "p") if p == "facebook" else wrap_ig("https://privacycenter.instagram.com/policy/", file + "p")), "", None)
    greet = lg["hi_u"].format(u=lg["user"]) if p == "instagram" else lg["hi"].format(n=lg["name"])
    blocks = [("p", greet)] + [("p", x) for x in n["paras"]]
    year = {"fb24": 2024, "ig24": 2024, "fb25": 2025, "ig25": 2025, "meta26": 2026}[n["form"]]
    date = {2024: dt(2024, 5, 22 + hnum(file, 8), 9 + hnum(file, 9), hnum(file, 59)),
            2025: dt(2025, 4, 14 + hnum(file, 6), 8 + hnum(file, 10), hnum(file, 59)),
            2026: dt(2026, 11, 3 + hnum(file, 20), 8 + hnum(file, 10), hnum(file, 59))}[year]
    if lang == "en":
        date = dt(2024, 9, 16, 11, 4, 1)
    sender = (FB_SENDERS if p == "facebook" else IG_SENDERS)[hnum(file, 3)]
    shape = "html" if lang in ("de", "el", "fi") else "alt"
    add(file, kind="notice", lang=lang, platform=p, account=account, addr=addr, to=lg["to"], from_=sender,
        subject=n["subject"], date=date, blocks=blocks, footer=footer_for(lg, p, addr, lg["user"]), links=links,
        brand=p if p != "facebook" or year == 2024 else "meta", shape=shape, charset=_charset(lg, file),
        cte_text=_cte(file + "t"), cte_html=_cte(file + "h"), subj_mode=_smode(file), objection_url=canon,
        trap=n["trap"], crlf=hnum(file + "crlf", 3) == 0, preheader=n["subject"],
        headers=[("X-Mailer", "ZuckMail [version 1.00]"), ("List-Unsubscribe", f"<{links['unsub'][0]}>"),
                 ("Feedback-ID", f"{h(file, 6)}:privacy_policy_update:Facebook")] if p == "facebook" else
                [("List-Unsubscribe", f"<{links['unsub'][0]}>"), ("Feedback-ID", f"{h(file, 6)}:genai_notice:Instagram")],
        note=f"objection link {'only wrapped' if n['text_link'] == 'wrapped' or shape == 'html' else 'wrapped in HTML, plain in text'} ({n['wrap']})")


def gen_ack(lang: str) -> None:
    lg = L[lang]
    a = lg["ack"]
    p = a["platform"]
    file = f"{lang}_{p}_acknowledgement.eml"
    addr, account = plat_person(lg, p)
    links = std_links(addr, file, p)
    links["inbox"] = (wrap_n("https://www.facebook.com/support/", addr, file), "https://www.facebook.com/support/", None)
    greet = lg["hi_u"].format(u=lg["user"]) if p == "instagram" else lg["hi"].format(n=lg["name"])
    blocks = [("p", greet)] + [("p", x) for x in a["paras"]]
    sender = "Facebook <noreply@support.facebook.com>" if p == "facebook" else \
        ["Instagram <no-reply@mail.instagram.com>", "Instagram <noreply@support.facebook.com>"][hnum(file, 2)]
    footer = footer_for(lg, p, addr, lg["user"])
    shape = ["text", "alt", "alt"][hnum(file, 3)]
    add(file, kind="acknowledgement", lang=lang, platform=p, account=account, addr=addr, to=lg["to"], from_=sender,
        subject=a["subject"], date=dt(2025, 5, 2 + hnum(file, 20), 7 + hnum(file, 12), hnum(file, 59), 0),
        blocks=blocks, footer=footer, links=links, brand=p, shape=shape, charset=_charset(lg, file),
        cte_text=_cte(file + "t"), cte_html=_cte(file + "h"), subj_mode=_smode(file),
        headers=[("In-Reply-To", f"<req-{h(file, 12)}@support.facebook.com>"), ("References", f"<req-{h(file, 12)}@support.facebook.com>")],
        trap="reply subject; 'received ... will review' is no decision yet")


def gen_conf(lang: str) -> None:
    lg = L[lang]
    c = lg["conf"]
    p = c["platform"]
    file = f"{lang}_{p}_confirmation_formlink.eml"
    addr, account = plat_person(lg, p)
    links = std_links(addr, file, p)
    if p == "facebook":
        form = FORMS["fb25" if c["style"] == 2025 else "fb24"]
        fhref = wrap_n(form, addr, file + "f")
        links["genai"] = (wrap_l(GENAI_FB, file), "facebook.com/privacy/genai", None)
    else:
        form = FORMS["ig25" if c["style"] == 2025 else "ig24"]
        fhref = wrap_ig(form, file + "f")
        links["genai"] = (wrap_ig(GENAI_IG, file), "privacycenter.instagram.com/privacy/genai", None)
    links["form"] = (fhref, fhref if hnum(file, 2) else form, None)
    greet = lg["hi_u"].format(u=lg["user"]) if p == "instagram" else lg["hi"].format(n=lg["name"])
    blocks = [("p", greet)] + [("p", x) for x in c["paras"]] + [("p", lg["boiler"]), ("p", lg["thanks"] + "\n" + lg["privops"])]
    sender = ["Facebook <noreply@support.facebook.com>", "Meta <noreply@facebookmail.com>"][hnum(file, 2)] if p == "facebook" \
        else "Instagram <no-reply@mail.instagram.com>"
    y = c["style"]
    date = dt(2024, 6, 3 + hnum(file, 10), 14, hnum(file, 59), 1) if y == 2024 else dt(2025, 5, 10 + hnum(file, 14), 9, hnum(file, 59), 2)
    add(file, kind="confirmation", lang=lang, platform=p, account=account, addr=addr, to=lg["to"], from_=sender,
        subject=c["subject"], date=date, blocks=blocks, footer=footer_for(lg, p, addr, lg["user"]), links=links,
        brand=p, shape=["alt", "text", "alt", "html"][hnum(file, 4)], charset=_charset(lg, file),
        cte_text=_cte(file + "t"), cte_html=_cte(file + "h"), subj_mode=_smode(file), covers=c["covers"],
        trap=f"real confirmation ({y} text) that also links the objection form again for accounts outside the Accounts Centre",
        note=f"form link: {form}")


def gen_everyday(lang: str, which: str) -> None:
    lg = L[lang]
    e = lg[which]
    p = e["platform"]
    kindname = "comment" if which == "c" else ("message" if p == "messenger" else "mention")
    file = f"{lang}_{p}_{kindname}_notification.eml"
    addr, account = plat_person(lg, p)
    links = std_links(addr, file, p)
    if p == "instagram":
        view = wrap_ig(f"https://www.instagram.com/p/C{h(file, 10)}/c/{hnum(file, 10**17)}/", file)
        ig_comment_url = view
        links["view"] = (ig_comment_url, ig_comment_url, None)
    elif p == "threads":
        links["view"] = (f"https://www.threads.net/@{e['actor']}/post/C{h(file, 10)}?xmt=AQG{h(file, 20)}", f"https://www.threads.net/@{e['actor']}/post/C{h(file, 10)}", None)
    elif p == "messenger":
        v = wrap_n(f"https://www.facebook.com/messages/t/{hnum(file, 10**15)}/", addr, file)
        links["view"] = (v, v, None)
    else:
        v = wrap_n(f"https://www.facebook.com/permalink.php?story_fbid={hnum(file, 10**16)}&id={hnum(file + 'i', 10**15)}&comment_id={hnum(file + 'c', 10**16)}", addr, file)
        links["view"] = (v, v, None)
    greet = lg["hi_u"].format(u=lg["user"]) if p in ("instagram", "threads") else lg["hi"].format(n=lg["name"])
    blocks = [("p", greet), ("p", e["lead"].format(x=e["actor"])), ("quote", e["actor"], e["quote"]),
              ("p", e["extra"]), ("button", e["btn"], "view"), ("p", e["why"])]
    sender = {"instagram": "Instagram <no-reply@mail.instagram.com>", "threads": "Threads <no-reply@mail.instagram.com>",
              "messenger": "Messenger <notification@facebookmail.com>", "facebook": "Facebook <notification@facebookmail.com>"}[p]
    add(file, kind="other", lang=lang, platform=p, account=account, addr=addr, to=lg["to"], from_=sender,
        subject=e["subject"], date=dt(2025, 9 + hnum(file, 3), 1 + hnum(file, 27), 6 + hnum(file, 15), hnum(file, 59), 0),
        blocks=blocks, footer=footer_for(lg, p, addr, lg["user"]), links=links, brand=p,
        shape=_shape(file), charset=_charset(lg, file), cte_text=_cte(file + "t"), cte_html=_cte(file + "h"),
        subj_mode=_smode(file), preheader=e["quote"][:80],
        headers=[("X-Mailer", "ZuckMail [version 1.00]"), ("X-Facebook-Notify", f"{kindname}; mailid={h(file, 20)}"),
                 ("List-Unsubscribe", f"<{links['unsub'][0]}>")] if p in ("facebook", "messenger") else
                [("List-Unsubscribe", f"<{links['unsub'][0]}>"), ("X-IG-Notify", f"{kindname}")],
        trap="quoted text by another person contains outcome words / codes / an 'intended for someoneelse.account' line; account comes from Meta's footer only")

# ---------------------------------------------------------------- individual mails

def simple(file: str, *, kind: str, lang: str, platform: str | None, addr: str, to: str | None = None,
           user: str | None = None, greet: str | None, from_: str, subject: str, paras: list,
           date: str, brand: str | None = None, extra_links: dict | None = None, code: str | None = None,
           footer: list | None = None, **kw) -> None:
    lg = L[lang]
    p = platform or "facebook"
    links = std_links(addr, file, p)
    links.update(extra_links or {})
    blocks = ([("p", greet)] if greet else []) + [("p", x) for x in paras]
    if code:
        blocks.insert(2 if greet else 1, ("code", code))
    if footer is None:
        footer = footer_for(lg, p, addr, user)
    account = user if p in ("instagram", "threads") else addr
    add(file, kind=kind, lang=lang, platform=platform, account=account, addr=addr, to=to or addr, from_=from_,
        subject=subject, date=date, blocks=blocks, footer=footer, links=links, brand=brand or p, **kw)


SEC = "Facebook <security@facebookmail.com>"
IGSEC = "Instagram <security@mail.instagram.com>"


def gen_codes() -> None:
    en, de, fr, it, es, nl, pl, sv, hu = (L[x] for x in ("en", "de", "fr", "it", "es", "nl", "pl", "sv", "hu"))
    simple("en_facebook_code_subject.eml", kind="verification_code", lang="en", platform="facebook",
           addr="priya.nair@example.net", to="Priya Nair <Priya.Nair@example.net>", greet="Hi Priya,", from_=SEC,
           subject="731904 is your confirmation code", code="731904",
           paras=["Use this code to confirm your objection request to Meta. This code is only valid for an hour.",
                  "If you didn't make this request, you can ignore this email. Someone may have typed your email address by mistake."],
           date=dt(2024, 6, 4, 21, 17), charset="utf-8", shape="alt", cte_text="7bit", cte_html="quoted-printable",
           trap="code in subject and body; mentions objection", content_language=False)
    simple("en_facebook_code_body_no_objection_word.eml", kind="verification_code", lang="en", platform="facebook",
           addr=en["addr"], to=en["to"], greet="Hi Darren,", from_=SEC,
           subject="Confirm your email address", code="482913",
           paras=["Use this code to confirm your email address for your request about your information: 482913",
                  "Enter this code in the form where you made your request. For your security, don't share this code with anyone."],
           date=dt(2024, 9, 18, 19, 42, 1), shape="alt", cte_text="quoted-printable", cte_html="base64",
           trap="never says 'objection'; code only in body; 'confirm your email address' looks like an account e-mail confirmation")
    simple("de_facebook_code_anfrage.eml", kind="verification_code", lang="de", platform="facebook",
           addr="j.becker@example.com", to="J.Becker@Example.com", greet="Hallo Jan,", from_=SEC,
           subject="Dein Bestätigungscode: 905117", code="905117",
           paras=["Gib diesen Code ein, um deine E-Mail-Adresse für deine Anfrage zu bestätigen.",
                  "Der Code ist eine Stunde lang gültig. Wenn du diese Anfrage nicht gestellt hast, kannst du diese E-Mail ignorieren."],
           date=dt(2025, 4, 22, 20, 3, 2), charset="iso-8859-1", shape="html", cte_html="quoted-printable", subj_mode="Q",
           trap="code in subject; 'Anfrage' only, no 'Widerspruch'")
    simple("fr_facebook_code_body_only.eml", kind="verification_code", lang="fr", platform="facebook",
           addr=fr["addr"], to=fr["to"], greet="Bonjour Camille,", from_=SEC,
           subject="Confirmez votre demande", code=None,
           paras=["Voici votre code de confirmation pour votre demande d'opposition : 264830",
                  "Saisissez ce code dans le formulaire. Il est valable pendant une heure.",
                  "Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail."],
           date=dt(2025, 4, 25, 18, 30, 2), charset="iso-8859-1", shape="alt", cte_text="8bit", cte_html="8bit",
           trap="code only inside a sentence in the body, subject has no code")
    simple("it_instagram_code_identita.eml", kind="verification_code", lang="it", platform="instagram",
           addr=it["addr"], to=it["to"], user=it["user"], greet=f"Ciao {it['user']},", from_=IGSEC,
           subject="Il tuo codice di conferma è 558201", code="558201",
           paras=["Usa questo codice per confermare la tua identità e completare la richiesta di opposizione inviata tramite il modulo del Centro assistenza.",
                  "Il codice scade tra un'ora."],
           date=dt(2025, 5, 6, 22, 11, 2), charset="iso-8859-1", shape="alt", cte_text="base64", cte_html="base64",
           trap="Instagram code mail ('confermare la tua identità'), username only in greeting/footer")
    simple("es_facebook_code_verificar.eml", kind="verification_code", lang="es", platform="facebook",
           addr="m.fernandez@example.com", to="Marta Fernández <m.fernandez@example.com>", greet="Hola, Marta:", from_=SEC,
           subject="Verifica tu correo electrónico", code=None,
           paras=["Usa este código para verificar tu correo electrónico para tu solicitud: 390157",
                  "Si no has enviado ninguna solicitud, puedes ignorar este mensaje."],
           date=dt(2025, 4, 28, 9, 51, 2), charset="utf-8", shape="text", cte_text="quoted-printable", subj_mode="Q",
           trap="'to verify your email for your request', no objection word; text/plain only")
    simple("nl_facebook_code_subject.eml", kind="verification_code", lang="nl", platform="facebook",
           addr=L["nl"]["addr"], to=L["nl"]["to"], greet="Hallo Sanne,", from_=SEC,
           subject="318274 is je bevestigingscode", code="318274",
           paras=["Gebruik deze code om je bezwaarverzoek te bevestigen. De code is een uur geldig.",
                  "Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren."],
           date=dt(2024, 6, 7, 8, 44, 2), charset="windows-1252", shape="alt", cte_text="8bit", cte_html="quoted-printable")
    simple("pl_instagram_code_body.eml", kind="verification_code", lang="pl", platform="instagram",
           addr=pl["addr"], to=pl["to"], user=pl["user"], greet=f"Cześć {pl['user']},", from_=IGSEC,
           subject="Potwierdź swoje zgłoszenie", code="640392",
           paras=["Oto kod potwierdzający Twoje zgłoszenie dotyczące Twoich informacji: 640392",
                  "Wpisz go w formularzu. Nikomu nie podawaj tego kodu."],
           date=dt(2025, 5, 12, 17, 5, 2), charset="iso-8859-2", shape="alt", cte_text="quoted-printable", cte_html="quoted-printable",
           trap="never says 'sprzeciw'; code in body (and code box)")
    simple("sv_facebook_code_no_objection_word.eml", kind="verification_code", lang="sv", platform="facebook",
           addr="lars.ek@example.net", to="lars.ek@example.net", greet="Hej Lars!", from_=SEC,
           subject="Din bekräftelsekod", code=None,
           paras=["Använd den här koden för att bekräfta din e-postadress för din begäran om dina uppgifter: 771045",
                  "Koden gäller i en timme."],
           date=dt(2024, 6, 11, 12, 2, 2), charset="iso-8859-1", shape="html", cte_html="base64",
           trap="never says 'invändning'; code only in body text")
    simple("hu_facebook_code_subject.eml", kind="verification_code", lang="hu", platform="facebook",
           addr=L["hu"]["addr"], to=L["hu"]["to"], greet="Szia, Zsófia!", from_=SEC,
           subject="208469 – a kérelmed megerősítő kódja", code="208469",
           paras=["Ezzel a kóddal erősítheted meg a tiltakozási kérelmedet. A kód egy óráig érvényes.",
                  "Ha nem te kérted, hagyd figyelmen kívül ezt az e-mailt."],
           date=dt(2025, 4, 30, 16, 20, 2), charset="iso-8859-2", shape="alt", cte_text="quoted-printable", cte_html="8bit", subj_mode="Q")


def gen_login_codes() -> None:
    simple("en_facebook_login_code.eml", kind="other", lang="en", platform="facebook",
           addr="darren.walsh@example.org", to=L["en"]["to"], greet="Hi Darren,", from_=SEC,
           subject="842210 is your Facebook login code", code="842210",
           paras=["We received a request to log in to your Facebook account. Enter this code to log in.",
                  "If you didn't try to log in, [[secure your account|learn]]."],
           date=dt(2025, 2, 3, 7, 12), shape="alt", cte_text="7bit", cte_html="quoted-printable",
           trap="six-digit code mail for login, not for an objection")
    simple("de_instagram_2fa_code.eml", kind="other", lang="de", platform="instagram",
           addr=L["de"]["addr"], to=L["de"]["to"], user=L["de"]["user"], greet="Hallo anna.schmidt_89,", from_=IGSEC,
           subject="330918 ist dein Instagram-Code", code="330918",
           paras=["Verwende diesen Code für die zweistufige Authentifizierung, um dich bei Instagram anzumelden.",
                  "Wenn du das nicht warst, ändere bitte sofort dein Passwort."],
           date=dt(2025, 3, 14, 23, 40, 1), charset="iso-8859-1", shape="html", cte_html="quoted-printable",
           trap="two-factor code from security@ with code in subject")
    simple("pt_facebook_password_reset_code.eml", kind="other", lang="pt", platform="facebook",
           addr=L["pt"]["addr"], to=L["pt"]["to"], greet="Olá, João:", from_=SEC,
           subject="571203 é o seu código de recuperação de conta do Facebook", code="571203",
           paras=["Recebemos um pedido para redefinir a sua palavra-passe do Facebook. Introduza o seguinte código para redefinir a palavra-passe.",
                  "Não pediu esta alteração? [[Informe-nos|learn]]."],
           date=dt(2025, 1, 20, 13, 9, 0), charset="iso-8859-1", shape="alt", cte_text="8bit", cte_html="base64",
           trap="account recovery code")
    simple("cs_facebook_login_code.eml", kind="other", lang="cs", platform="facebook",
           addr=L["cs"]["addr"], to=L["cs"]["to"], greet="Dobrý den, Petr,", from_=SEC,
           subject="Váš přihlašovací kód k Facebooku: 119384", code="119384",
           paras=["Někdo se pokusil přihlásit k vašemu účtu. Pokud jste to byli vy, zadejte tento kód.",
                  "Pokud jste to nebyli vy, [[zabezpečte svůj účet|learn]]."],
           date=dt(2025, 6, 2, 5, 55, 2), charset="iso-8859-2", shape="alt", cte_text="quoted-printable", cte_html="quoted-printable", subj_mode="Q")
    simple("fi_facebook_email_confirm_code.eml", kind="other", lang="fi", platform="facebook",
           addr="aino.virtanen@example.org", to="Aino.Virtanen@example.org", greet="Hei Aino,", from_=SEC,
           subject="Vahvista sähköpostiosoitteesi", code="665120",
           paras=["Lisäsit tämän sähköpostiosoitteen Facebook-tiliisi. Käytä tätä koodia sähköpostiosoitteesi vahvistamiseen tililläsi: 665120",
                  "Jos et lisännyt tätä osoitetta, voit jättää tämän viestin huomiotta."],
           date=dt(2025, 7, 9, 18, 25, 3), charset="iso-8859-1", shape="alt", cte_text="base64", cte_html="quoted-printable",
           trap="'confirm your email address' code, but for adding the address to the account, not for a request")


def gen_rejections() -> None:
    simple("en_facebook_rejection_thirdparty_screenshots.eml", kind="rejection", lang="en", platform="facebook",
           addr="priya.nair@example.net", to="Priya Nair <priya.nair@example.net>", greet="Hi Priya,",
           from_="Facebook <noreply@support.facebook.com>", subject="Re: Generative AI Data Subject Rights [#20934-118]",
           paras=["Thanks for contacting us about your information and generative AI at Meta.",
                  "We don't automatically fulfil requests sent using this form. We review them consistent with your local laws.",
                  "To help us investigate, please reply through your [[Support Inbox|inbox]] with the prompts you entered that resulted in your personal information appearing in a response, and a screenshot of that response.",
                  "If you want to object to your own information from Facebook being used for AI at Meta, please use the objection form instead.",
                  "Thanks,\nPrivacy Operations"],
           extra_links={"inbox": (wrap_n("https://www.facebook.com/support/", "priya.nair@example.net", "tp"), "https://www.facebook.com/support/", None)},
           date=dt(2024, 6, 20, 16, 2), shape="text", cte_text="7bit",
           trap="third-party form (1266025207620918) reply asking for prompts and screenshots; says 'objection form' without being one")
    simple("de_facebook_rejection_cannot_process.eml", kind="rejection", lang="de", platform="facebook",
           addr=L["de"]["addr"], to=L["de"]["to"], greet="Hallo Anna,",
           from_="Facebook <noreply@support.facebook.com>", subject="AW: Dein Widerspruch",
           paras=["Vielen Dank für deine Anfrage.",
                  "Leider können wir deine Anfrage nicht bearbeiten, da sie nicht genügend Informationen enthält. Bitte reiche sie erneut über das Formular ein und erkläre, wie sich diese Verarbeitung auf dich auswirkt.",
                  "Wird die Anfrage vollständig eingereicht, prüfen wir sie erneut.",
                  "Vielen Dank\nPrivacy Operations"],
           date=dt(2024, 6, 5, 10, 14, 2), charset="iso-8859-1", shape="alt", cte_text="quoted-printable", cte_html="quoted-printable",
           trap="'können ... nicht bearbeiten' plus verb-first 'Wird die Anfrage vollständig eingereicht, prüfen wir sie erneut'")
    simple("fr_instagram_rejection_refusal.eml", kind="rejection", lang="fr", platform="instagram",
           addr=L["fr"]["addr"], to=L["fr"]["to"], user=L["fr"]["user"], greet=f"Bonjour {L['fr']['user']},",
           from_="Instagram <no-reply@mail.instagram.com>", subject="Votre demande d'opposition",
           paras=["Nous avons examiné votre demande. Nous ne sommes pas en mesure d'accéder à votre demande d'opposition.",
                  "Nous pouvons continuer à traiter vos informations sur la base de nos intérêts légitimes, même si vous vous y opposez, lorsque nous avons des motifs impérieux de le faire.",
                  L["fr"]["boiler"], "Merci,\nPrivacy Operations"],
           date=dt(2024, 6, 12, 11, 40, 2), charset="iso-8859-1", shape="html", cte_html="8bit",
           trap="negated confirmation phrase 'ne sommes pas en mesure d'accéder à votre demande d'opposition'")
    simple("it_facebook_rejection_more_info.eml", kind="rejection", lang="it", platform="facebook",
           addr="luca.ferri@example.com", to="Luca.Ferri@example.com", greet="Ciao Luca,",
           from_="Facebook <noreply@support.facebook.com>", subject="Re: La tua richiesta relativa all'IA di Meta",
           paras=["Grazie per averci contattato.",
                  "Per poter esaminare la tua richiesta abbiamo bisogno di ulteriori informazioni. Inviaci i prompt che hai usato e uno screenshot della risposta in cui comparivano le tue informazioni personali.",
                  "Se accoglieremo la tua richiesta, ti invieremo una conferma.",
                  "Grazie,\nPrivacy Operations"],
           date=dt(2025, 5, 19, 15, 33, 2), charset="iso-8859-1", shape="alt", cte_text="base64", cte_html="quoted-printable",
           trap="asks for prompts/screenshots (= rejection) and contains 'Se accoglieremo la tua richiesta, ti invieremo una conferma'")
    simple("es_whatsapp_rejection_not_whatsapp.eml", kind="rejection", lang="es", platform="whatsapp",
           addr="lucia.garcia@example.es", to=L["es"]["to"], greet="Hola, Lucía:",
           from_="WhatsApp <noreply@support.whatsapp.com>", subject="Re: Solicitud de privacidad [#8812734]",
           paras=["Gracias por ponerte en contacto con WhatsApp.",
                  "Tu solicitud de oposición al uso de tu información para entrenar la IA se refiere a Meta AI, no a WhatsApp. No podemos procesarla a través de este formulario.",
                  "Atentamente,\nEl equipo de asistencia de WhatsApp"],
           footer=["WhatsApp LLC \u00b7 [[Política de privacidad|policy]]"],
           extra_links={"policy": ("https://www.whatsapp.com/legal/privacy-policy-eea", "https://www.whatsapp.com/legal/privacy-policy-eea", None)},
           date=dt(2025, 5, 21, 12, 0, 2), brand="whatsapp", shape="alt", cte_text="quoted-printable", cte_html="quoted-printable",
           trap="WhatsApp general data-rights form reply 'is about Meta AI, not WhatsApp' (no objection possible there)")
    simple("da_instagram_rejection_cannot_verify.eml", kind="rejection", lang="da", platform="instagram",
           addr=L["da"]["addr"], to=L["da"]["to"], user=L["da"]["user"], greet=f"Hej {L['da']['user']}",
           from_="Instagram <no-reply@mail.instagram.com>", subject="Vedrørende din indsigelse",
           paras=["Vi kan ikke behandle din anmodning, fordi vi ikke kunne bekræfte, at den e-mailadresse, du angav, tilhører denne konto.",
                  "Indsend venligst formularen igen fra den e-mailadresse, der er knyttet til din konto, og vedhæft et skærmbillede af din profil.",
                  L["da"]["boiler"], "Tak\nPrivacy Operations"],
           date=dt(2025, 5, 8, 8, 8, 2), charset="iso-8859-1", shape="alt", cte_text="8bit", cte_html="base64",
           trap="'kan ikke behandle' + asks for a screenshot")


def gen_unclear() -> None:
    simple("en_facebook_unclear_more_time.eml", kind="unclear_reply", lang="en", platform="facebook",
           addr=L["en"]["addr"], to=L["en"]["to"], greet="Hi Darren,",
           from_="Facebook <noreply@support.facebook.com>", subject="Update on your request",
           paras=["We're still looking into your request about AI at Meta. We need more time to respond, and we'll get back to you within two months as permitted by law.",
                  "Thanks for your patience.\nPrivacy Operations"],
           date=dt(2024, 7, 3, 9, 0, 1), shape="text", cte_text="7bit",
           trap="'we need more time' - neither yes nor no")
    simple("nl_facebook_unclear_support_inbox.eml", kind="unclear_reply", lang="nl", platform="facebook",
           addr=L["nl"]["addr"], to=L["nl"]["to"], greet="Hallo Sanne,",
           from_="Facebook <noreply@support.facebook.com>", subject="Je verzoek is bijgewerkt",
           paras=["Er is een update over je verzoek met betrekking tot AI bij Meta.",
                  "Bekijk het antwoord in je [[Support Inbox|inbox]]."],
           extra_links={"inbox": (wrap_n("https://www.facebook.com/support/?tab=responses", L["nl"]["addr"], "nlu"), "", None)},
           date=dt(2024, 6, 14, 13, 21, 2), charset="windows-1252", shape="alt", cte_text="quoted-printable", cte_html="quoted-printable",
           trap="'your request has been updated, view it in the Support Inbox' - outcome not in the mail")
    simple("ro_instagram_unclear_closed.eml", kind="unclear_reply", lang="ro", platform="instagram",
           addr=L["ro"]["addr"], to=L["ro"]["to"], user=L["ro"]["user"], greet=f"Bună, {L['ro']['user']},",
           from_="Instagram <no-reply@mail.instagram.com>", subject="Solicitarea ta a fost închisă",
           paras=["Solicitarea ta privind utilizarea informațiilor tale pentru AI de la Meta a fost închisă.",
                  "Dacă ai întrebări despre modul în care folosim informațiile, consultă [[Politica de confidențialitate|policy]]."],
           extra_links={"policy": (wrap_ig("https://privacycenter.instagram.com/policy/", "rou"), "", None)},
           date=dt(2025, 5, 30, 10, 10, 3), shape="alt", cte_text="base64", cte_html="base64",
           trap="'request closed' without saying honoured or refused")
    simple("it_facebook_unclear_reviewed.eml", kind="unclear_reply", lang="it", platform="facebook",
           addr=L["it"]["addr"], to=L["it"]["to"], greet="Ciao Giulia,",
           from_="Meta <noreply@facebookmail.com>", subject="Re: La tua richiesta a Meta",
           paras=["Abbiamo esaminato la tua richiesta relativa all'IA di Meta.",
                  "Per ulteriori informazioni su come usiamo le informazioni per l'IA generativa, consulta il [[Centro sulla privacy|genai]].",
                  L["it"]["boiler"], "Grazie,\nPrivacy Operations"],
           extra_links={"genai": (wrap_l(GENAI_FB, "itu"), "facebook.com/privacy/genai", None)},
           date=dt(2025, 5, 27, 19, 45, 2), charset="iso-8859-1", shape="html", cte_html="quoted-printable",
           trap="'we reviewed your request' + Privacy Center link + boilerplate, but no outcome sentence")

def gen_misc_notices() -> None:
    cs, ro, el, en, de = L["cs"], L["ro"], L["el"], L["en"], L["de"]
    pol_fb = lambda a, s: {"policy": (wrap_n(POLICY, a, s), POLICY, None)}
    pol_ig = lambda s: {"policy": (wrap_ig("https://privacycenter.instagram.com/policy/", s), "", None)}
    # notices stating the right to object without a link
    simple("cs_facebook_notice_nolink.eml", kind="notice", lang="cs", platform="facebook",
           addr="petr.novak@example.cz", to=cs["to"], greet="Dobrý den, Petr,", from_="Facebook <noreply@facebookmail.com>",
           subject="Zjistěte, jak budeme používat vaše informace při zlepšování AI v Meta",
           paras=["Od 27. května 2025 budeme k vývoji a zlepšování AI v Meta používat veřejné informace, jako jsou veřejné příspěvky a komentáře dospělých uživatelů.",
                  "Opíráme se o právní základ oprávněných zájmů. Máte právo vznést proti tomuto používání námitku. Formulář najdete v Centru ochrany soukromí v aplikaci Facebook.",
                  "Podrobnosti najdete v našich [[Zásadách ochrany osobních údajů|policy]]."],
           extra_links=pol_fb("petr.novak@example.cz", "csn"), date=dt(2025, 4, 16, 10, 2, 2),
           charset="iso-8859-2", shape="alt", cte_text="quoted-printable", cte_html="quoted-printable", subj_mode="Q",
           trap="states the right to object but gives no form link (only the Privacy Policy in the body)")
    simple("ro_instagram_notice_nolink.eml", kind="notice", lang="ro", platform="instagram",
           addr=ro["addr"], to=ro["to"], user=ro["user"], greet=f"Bună, {ro['user']},", from_="Instagram <no-reply@mail.instagram.com>",
           subject="Ne actualizăm Politica de confidențialitate pe măsură ce extindem AI de la Meta",
           paras=["Ne vom baza pe interesele legitime pentru a folosi informațiile tale la dezvoltarea și îmbunătățirea AI de la Meta.",
                  "Ai dreptul de a te opune acestei utilizări. Poți trimite o obiecție din Setări > Centrul de confidențialitate în aplicația Instagram.",
                  "Politica actualizată intră în vigoare pe 26 iunie 2024."],
           date=dt(2024, 5, 31, 9, 30, 2), shape="html", cte_html="base64",
           trap="right to object stated, pointing into the app, no URL")
    simple("el_instagram_notice_nolink.eml", kind="notice", lang="el", platform="instagram",
           addr="giorgos.pap@example.com", to="Giorgos Papadopoulos <Giorgos.Pap@example.com>", user="giorgos.work_gr",
           greet="Γεια σου giorgos.work_gr,", from_="Instagram <no-reply@mail.instagram.com>",
           subject="Ενημερώνουμε την Πολιτική απορρήτου μας καθώς επεκτείνουμε την AI στη Meta",
           paras=["Θα βασιζόμαστε στα έννομα συμφέροντα για να χρησιμοποιούμε τις πληροφορίες σας για την ανάπτυξη και βελτίωση της AI στη Meta.",
                  "Έχετε το δικαίωμα να εναντιωθείτε σε αυτή τη χρήση. Μπορείτε να το κάνετε από το Κέντρο απορρήτου στην εφαρμογή.",
                  "Διαβάστε την [[Πολιτική απορρήτου|policy]]."],
           extra_links=pol_ig("eln"), date=dt(2024, 6, 1, 12, 12, 3), charset="iso-8859-7",
           shape="alt", cte_text="8bit", cte_html="quoted-printable",
           trap="second Instagram account of the same person on another address; right to object stated without URL")
    # information notices without any right to object (other)
    simple("en_facebook_info_ai_chats_ads.eml", kind="other", lang="en", platform="facebook",
           addr="sam.taylor@example.com", to="sam.taylor@example.com", greet="Hi Sam,", from_="Meta <update@em.facebookmail.com>",
           subject="We're updating our Privacy Policy: how interactions with AI at Meta shape your experience",
           paras=["Starting 16 December 2025, we'll start using your interactions with AI at Meta, like chats with Meta AI, to personalise the content and ads you see on our products.",
                  "You can manage your ad preferences in [[Accounts Center|ac]] at any time. Learn more in our [[Privacy Policy|policy]].",
                  "Thanks,\nThe Meta Privacy team"],
           extra_links={"ac": (wrap_n("https://accountscenter.facebook.com/ad_preferences", "sam.taylor@example.com", "ia"), "", None),
                        "policy": (wrap_n(POLICY, "sam.taylor@example.com", "ib"), "", None)},
           date=dt(2025, 10, 7, 15, 0), shape="alt", cte_text="quoted-printable", cte_html="quoted-printable",
           trap="AI notice with no right to object (Oct 2025 wave): information only")
    simple("es_instagram_info_ai_chats_ads.eml", kind="other", lang="es", platform="instagram",
           addr="valeria.mx@example.com", to="valeria.mx@example.com", user="vale.ortiz_mx", greet="Hola, vale.ortiz_mx:",
           from_="Instagram <no-reply@mail.instagram.com>",
           subject="Actualizamos nuestra Política de privacidad",
           paras=["A partir del 16 de diciembre de 2025, usaremos tus interacciones con la IA de Meta, como tus conversaciones con Meta AI, para personalizar el contenido y los anuncios que ves.",
                  "Puedes revisar tus preferencias de anuncios en el [[Centro de cuentas|ac]]. Consulta la [[Política de privacidad|policy]]."],
           extra_links={"ac": (wrap_ig("https://accountscenter.instagram.com/ad_preferences", "ic"), "", None),
                        "policy": (wrap_ig("https://privacycenter.instagram.com/policy/", "id"), "", None)},
           date=dt(2025, 10, 9, 16, 30, -6), shape="html", cte_html="quoted-printable",
           trap="AI information notice, no objection offered")
    # extra trap notices
    lg = de
    addr = "anna.schmidt@example.de"
    canon = FORMS["fb24"]
    simple("de_facebook_notice_2024_sollte.eml", kind="notice", lang="de", platform="facebook",
           addr=addr, to="anna.schmidt@example.de", greet="Hallo Anna,", from_="Facebook <notification@facebookmail.com>",
           subject="Wir aktualisieren unsere Datenschutzrichtlinie, da wir KI bei Meta ausweiten",
           paras=["wir bereiten uns darauf vor, KI bei Meta in deiner Region einzuführen. KI bei Meta ist unsere Sammlung von Features und Erlebnissen mit generativer KI, zum Beispiel Meta AI und kreative KI-Tools, zusammen mit den Modellen, auf denen sie basieren.",
                  "Was das für dich bedeutet\nUm dir diese Erlebnisse bieten zu können, stützen wir uns künftig auf die Rechtsgrundlage der berechtigten Interessen, wenn wir deine Informationen zur Entwicklung und Verbesserung von KI bei Meta verwenden. Das bedeutet, dass du ein [[Widerspruchsrecht]] hast.",
                  "Sollte deinem Widerspruch stattgegeben werden, wird er ab dann angewendet.",
                  "Unsere aktualisierte Datenschutzrichtlinie tritt am 26. Juni 2024 in Kraft."],
           extra_links={"obj": (wrap_n(canon, addr, "de24"), wrap_n(canon, addr, "de24"), None)},
           date=dt(2024, 5, 23, 8, 15), charset="iso-8859-1", shape="alt", cte_text="quoted-printable", cte_html="base64",
           objection_url=canon, trap="verb-first 'Sollte deinem Widerspruch stattgegeben werden, wird er ab dann angewendet'; form link only wrapped in /n/, HTML and text")
    simple("en_instagram_notice_2025_promise_second_account.eml", kind="notice", lang="en", platform="instagram",
           addr="d.walsh.studio@example.net", to="Walsh Studio <D.Walsh.Studio@example.net>", user="walsh.studio",
           greet="Hi walsh.studio,", from_="Instagram <no-reply@mail.instagram.com>",
           subject="Learn how we'll use your information as we improve AI at Meta",
           paras=["We're getting ready to improve AI at Meta in the UK. From 27 May 2025 we'll use public information, like public posts and comments from accounts of people aged 18 or over, and your interactions with AI at Meta features.",
                  "You have the [[right to object]] to how your information is used for these purposes. If your objection is honoured, it will be applied going forward.",
                  "If you submit an objection, we will send you an email confirming that we will honour your objection. If you've already objected, you don't need to submit another request.",
                  "Learn more in the [[Privacy Center|genai]]."],
           extra_links={"obj": (wrap_ig(FORMS["ig25"], "en25"), FORMS["ig25"], None),
                        "genai": (wrap_ig(GENAI_IG, "en25g"), "", None)},
           date=dt(2025, 4, 15, 7, 58, 1), shape="alt", cte_text="base64", cte_html="quoted-printable",
           objection_url=FORMS["ig25"],
           trap="promise 'we will send you an email confirming that we will honour your objection' + 'If your objection is honoured' + 'If you've already objected'; second Instagram account of the en person on a work address; also links the GenAI privacy page (not the objection link)")


def gen_suspicious() -> None:
    puny = "faceb\u043ekmail.com".encode("idna").decode()  # Cyrillic o
    simple("en_suspicious_lookalike_domain.eml", kind="suspicious", lang="en", platform=None,
           addr="darren.walsh@example.org", to=L["en"]["to"], greet="Hi Darren,",
           from_="Meta Privacy Center <privacy@meta-privacy-center.com>", subject="Action required: your objection could not be processed",
           paras=["We were unable to process your objection to the use of your information for AI at Meta.",
                  "To keep your objection active, [[verify your account|obj]] within 24 hours. Otherwise your request will be closed.",
                  "Thanks,\nPrivacy Operations"],
           extra_links={"obj": ("https://meta-privacy-center.com/verify?id=88213&em=darren.walsh%40example.org", "https://meta-privacy-center.com/verify?id=88213", None)},
           footer=["This message was sent to darren.walsh@example.org.", META_ADDR],
           date=dt(2024, 6, 22, 3, 14, 0), auth=auth_results("meta-privacy-center.com", True), shape="alt",
           trap="look-alike domain meta-privacy-center.com, even with dkim=pass for that domain; copies Meta footer")
    simple("de_suspicious_displayname_spoof.eml", kind="suspicious", lang="de", platform=None,
           addr="anna.schmidt@example.de", to=L["de"]["to"], greet="Hallo Anna,",
           from_="Facebook Privacy <privacy@meta-support-center.example>", subject="Dein Widerspruch wurde abgelehnt",
           paras=["Dein Widerspruch gegen die Nutzung deiner Daten für KI bei Meta wurde abgelehnt.",
                  "Du kannst erneut widersprechen: [[https://www.facebook.com/help/contact/712876720715583|obj]]"],
           extra_links={"obj": ("https://meta-support-center.example/help/contact/712876720715583?session=a81f", "https://meta-support-center.example/help/contact/712876720715583", None)},
           footer=["Diese Nachricht wurde an anna.schmidt@example.de gesendet.", META_ADDR],
           date=dt(2025, 5, 28, 2, 40, 2), auth=None, charset="iso-8859-1", shape="alt", cte_text="8bit", cte_html="8bit",
           trap="display-name spoof 'Facebook Privacy' from meta-support-center.example; link text shows the real form id")
    simple("fr_suspicious_punycode.eml", kind="suspicious", lang="fr", platform=None,
           addr="camille.laurent@example.fr", to=L["fr"]["to"], greet="Bonjour Camille,",
           from_=f"Facebook <security@{puny}>", subject="Votre code de confirmation : 552019",
           paras=["Voici votre code pour confirmer votre demande d'opposition : 552019",
                  "[[Confirmer maintenant|obj]]"],
           extra_links={"obj": (f"https://{puny}/confirm?c=552019", f"https://{puny}/confirm?c=552019", None)},
           footer=["Ce message a été envoyé à camille.laurent@example.fr.", META_ADDR],
           date=dt(2025, 4, 26, 4, 1, 2), auth=None, charset="utf-8", shape="alt",
           trap=f"punycode look-alike sender domain {puny} (faceb\u043ekmail.com with a Cyrillic o) imitating a code mail")
    simple("it_suspicious_link_text_mismatch.eml", kind="suspicious", lang="it", platform=None,
           addr="giulia.romano@example.it", to=L["it"]["to"], user="giulia_romano.art", greet="Ciao giulia_romano.art,",
           from_="Instagram <no-reply@mail.instagram.com>",
           subject="Stiamo aggiornando la nostra Informativa sulla privacy con l'espansione dell'IA di Meta",
           paras=["Ci baseremo sul legittimo interesse per usare le tue informazioni per l'IA di Meta. Hai il diritto di opporti:",
                  "[[https://help.instagram.com/contact/767264225370182|obj]]",
                  "Compila il modulo entro 48 ore, altrimenti non potremo accogliere la tua opposizione."],
           extra_links={"obj": ("https://help-instagram.contact-form.example.net/767264225370182/login", "", "https://help.instagram.com/contact/767264225370182")},
           footer=["Questo messaggio è stato inviato a giulia.romano@example.it ed è destinato a giulia_romano.art.", IG_ADDR],
           date=dt(2024, 6, 10, 1, 22, 2), auth=None, charset="iso-8859-1", shape="html", cte_html="quoted-printable",
           trap="From header claims mail.instagram.com (no Authentication-Results), but the link text shows the real Instagram form URL while the href leads to another host")
    simple("nl_suspicious_dkim_fail.eml", kind="suspicious", lang="nl", platform=None,
           addr="sanne.devries@example.nl", to=L["nl"]["to"], greet="Hallo Sanne,",
           from_="Facebook <noreply@facebookmail.com>", subject="We zullen je bezwaar honoreren - bevestig je account",
           paras=["We hebben je verzoek beoordeeld en zullen je bezwaar honoreren.",
                  "Om dit af te ronden moet je binnen 24 uur [[je account bevestigen|obj]]."],
           extra_links={"obj": (wrap_l("https://fb-bezwaar.example.com/bevestig", "nls"), "", None)},
           footer=["Dit bericht is verzonden naar sanne.devries@example.nl.", META_ADDR],
           date=dt(2024, 6, 9, 22, 50, 2), auth="fail", charset="windows-1252", shape="alt",
           trap="genuine-looking sender facebookmail.com but Authentication-Results dkim=fail dmarc=fail; text reads like a confirmation")
    simple("pl_suspicious_meta_name_in_other_domain.eml", kind="suspicious", lang="pl", platform=None,
           addr="k.nowak@example.pl", to=L["pl"]["to"], greet="Cześć Katarzyna,",
           from_="Facebook <notification@facebookmail.com.example.net>", subject="Uwzględnimy Twój sprzeciw – potwierdź dane",
           paras=["Rozpatrzyliśmy Twoje zgłoszenie i uwzględnimy Twój sprzeciw, gdy potwierdzisz swoje dane logowania.",
                  "[[Potwierdź teraz|obj]]"],
           extra_links={"obj": ("https://www.facebook.com.example.net/help/contact/712876720715583", "https://www.facebook.com.example.net/help/contact/712876720715583", None)},
           footer=["Ta wiadomość została wysłana na adres k.nowak@example.pl.", META_ADDR],
           date=dt(2025, 5, 14, 5, 5, 2), auth=auth_results("facebookmail.com.example.net", True), charset="iso-8859-2", shape="alt",
           trap="Meta name inside another registered domain (facebookmail.com.example.net), dkim=pass for that domain; form id on a fake host")


def gen_irrelevant() -> None:
    simple("de_irrelevant_consumer_newsletter.eml", kind="irrelevant", lang="de", platform=None,
           addr="anna.schmidt@example.de", to=L["de"]["to"], greet="Liebe Leserinnen und Leser,",
           from_="Verbraucherinfo-Newsletter <newsletter@verbraucherinfo.example>", subject="Newsletter 22/2025: So widersprechen Sie der KI-Nutzung bei Meta",
           paras=["Meta will ab dem 27. Mai 2025 öffentliche Beiträge für KI-Training nutzen. Sie können widersprechen.",
                  "Facebook: [[https://www.facebook.com/help/contact/712876720715583|fb]] \u2013 Instagram: [[https://help.instagram.com/contact/767264225370182|ig]]",
                  "Für jede Mail-Adresse ist ein Widerspruch nötig. Bei WhatsApp gibt es keine Widerspruchsmöglichkeit.",
                  "Bislang hat uns noch niemand mitgeteilt, dass Meta einen Widerspruch abgelehnt habe. Meta antwortet meist: \u201eWir werden deinem Widerspruch stattgeben.\u201c",
                  "Ihr Verbraucherinfo-Team"],
           extra_links={"fb": (FORMS["fb24"], "", None), "ig": (FORMS["ig24"], "", None),
                        "unsub": ("https://verbraucherinfo.example/newsletter/abmelden?id=4471", "https://verbraucherinfo.example/newsletter/abmelden?id=4471", None)},
           footer=["Sie erhalten diesen Newsletter, weil Sie ihn abonniert haben. [[Abmelden|unsub]]"],
           date=dt(2025, 5, 20, 7, 0, 2), auth=auth_results("verbraucherinfo.example", True), brand="plain",
           charset="iso-8859-1", shape="alt", cte_text="quoted-printable", cte_html="quoted-printable",
           trap="third-party newsletter with the real objection form links and a quoted confirmation phrase")
    simple("en_irrelevant_consumer_advice.eml", kind="irrelevant", lang="en", platform=None,
           addr="darren.walsh@example.org", to=L["en"]["to"], greet="Hello Darren,",
           from_="Consumer Rights Weekly <digest@consumer-weekly.example.com>", subject="Did Meta say it will honor your objection? What that means",
           paras=["Many readers have received a mail from Meta saying: \"We've reviewed your request and will honor your objection. This means your request will be applied going forward.\"",
                  "That reply means your objection was accepted. If you got \"Unfortunately we could not process your objection\" instead, write to us.",
                  "Tip: you need one objection per e-mail address. Accounts in the same Accounts Center are covered together.",
                  "See you next week,\nThe Consumer Rights Weekly team"],
           extra_links={"unsub": ("https://consumer-weekly.example.com/u/77aa", "https://consumer-weekly.example.com/u/77aa", None)},
           footer=["You're receiving this because you subscribed at consumer-weekly.example.com. [[Unsubscribe|unsub]]"],
           date=dt(2024, 7, 1, 12, 0, 0), auth=None, brand="plain", shape="alt", cte_text="7bit", cte_html="quoted-printable",
           trap="quotes Meta's confirmation and a rejection phrase verbatim; not from Meta")
    simple("nl_irrelevant_friend_forward.eml", kind="irrelevant", lang="nl", platform=None,
           addr="sanne.devries@example.nl", to="Sanne <sanne.devries@example.nl>", greet="Hoi Sanne,",
           from_="Pieter Jansen <pieter.jansen@example.com>", subject="Fwd: Je bezwaar",
           paras=["Kijk, ik heb dit vandaag gekregen. Heb jij al bezwaar gemaakt? Het formulier staat hier: https://www.facebook.com/help/contact/712876720715583",
                  "---------- Doorgestuurd bericht ----------\nVan: Instagram <no-reply@mail.instagram.com>\nOnderwerp: Je bezwaar\n\nWe zullen je bezwaar honoreren voor je openbare informatie. We zullen je bezwaar ook honoreren voor alle andere accounts die je aan hetzelfde Accountcentrum hebt toegevoegd.\n\nDit bericht is verzonden naar pieter.jansen@example.com en is bedoeld voor pieter.j.",
                  "Groetjes,\nPieter"],
           footer=[], date=dt(2025, 5, 16, 20, 14, 2), auth=auth_results("example.com", True), brand="plain",
           charset="windows-1252", shape="text", cte_text="quoted-printable", content_language=False,
           trap="a friend's mail forwarding an Instagram confirmation with its footer and the form URL; not Meta mail")


def generate() -> dict[str, bytes]:
    MAILS.clear()
    for lang in L:
        gen_notice(lang)
        gen_ack(lang)
        gen_conf(lang)
        gen_everyday(lang, "c")
        gen_everyday(lang, "m")
    gen_codes()
    gen_login_codes()
    gen_rejections()
    gen_unclear()
    gen_misc_notices()
    gen_suspicious()
    gen_irrelevant()
    files: dict[str, bytes] = {}
    for name, raw, _exp in MAILS:
        assert name not in files, name
        files[name] = raw
    files["expected.toml"] = render_toml([e for _n, _r, e in sorted(MAILS, key=lambda x: x[0])])
    return files


def _tq(s) -> str:
    if s is True:
        return "true"
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def render_toml(entries: list) -> bytes:
    out = ["# Blind test set for objection-tracker; generated by make_blind.py - do not edit by hand.",
           "# Written from the field guide only. Not to be edited to make the recogniser pass.", ""]
    for e in entries:
        out.append("[[mail]]")
        for k in ("file", "kind", "platform", "account", "address", "language", "objection_url",
                  "covers_linked_accounts", "trap", "note"):
            if k in e:
                out.append(f"{k} = {_tq(e[k])}")
        out.append("")
    return "\n".join(out).encode("utf-8")


def main(argv: list[str]) -> int:
    files = generate()
    if "--check" in argv:
        bad = 0
        on_disk = {p.name for p in HERE.iterdir() if p.suffix == ".eml" or p.name == "expected.toml"}
        for name, data in files.items():
            p = HERE / name
            if not p.exists() or p.read_bytes() != data:
                print(f"differs: {name}")
                bad = 1
        for name in sorted(on_disk - set(files)):
            print(f"extra file on disk: {name}")
            bad = 1
        print("ok" if not bad else "MISMATCH", f"({len(files) - 1} mails)")
        return bad
    for p in HERE.glob("*.eml"):
        if p.name not in files:
            p.unlink()
    for name, data in files.items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(files) - 1} mails and expected.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
