#!/usr/bin/env python3
"""Generate the blind4 test mails (WhatsApp objection, third-party form replies,
information-only AI notices, new waves of objection notices) and expected.toml.

Written from the field guide only (shared/field-guide/README.md); the recogniser
was never read. Stdlib only, deterministic.

    python3 tests/blind4/make_blind4.py          # (re)write every *.eml and expected.toml
    python3 tests/blind4/make_blind4.py --check  # regenerate in memory, exit 1 on any difference
"""

from __future__ import annotations

import base64
import hashlib
import html
import quopri
import sys
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------
# Links
# --------------------------------------------------------------------------
FB_FORM = "https://www.facebook.com/help/contact/712876720715583"
FB_FORM2 = "https://www.facebook.com/help/contact/6359191084165019"
IG_FORM = "https://help.instagram.com/contact/767264225370182"
IG_FORM2 = "https://help.instagram.com/contact/233964459562201"
META_PRIVACY = "https://help.meta.com/support/privacy/"
TP_FORM = "https://www.facebook.com/help/contact/510058597920541"
TP_FORM_2023 = "https://www.facebook.com/help/contact/1266025207620918"
WA_GENERAL_FORM = "https://www.whatsapp.com/contact/forms/382532939919295/"
FB_GENAI = "https://www.facebook.com/privacy/genai"
IG_GENAI = "https://privacycenter.instagram.com/privacy/genai"
FB_POLICY = "https://www.facebook.com/privacy/policy/"
IG_PRIVACY_CENTER = "https://privacycenter.instagram.com/"
FB_PRIVACY_CENTER = "https://www.facebook.com/privacy/center/"
FB_ACCOUNTS = "https://accountscenter.facebook.com/"
IG_ACCOUNTS = "https://accountscenter.instagram.com/"


def _tok(seed: str, n: int = 16) -> str:
    return hashlib.sha1(seed.encode()).hexdigest()[:n]


def fb_n(path: str, addr: str, seed: str) -> str:
    """www.facebook.com/n/?<encoded path>&aref=…&n_m=<address> (notification wrapper)."""
    t = _tok(seed, 24)
    return (
        "https://www.facebook.com/n/?" + quote(path, safe="")
        + f"&aref=17{t[:8]}&medium=email&mid=6{t[:12]}G5af3{t[12:18]}G0G{t[18:20]}"
        + f"&bcode=2.17{t[:8]}.Ab{t[4:12]}&n_m=" + quote(addr, safe="")
    )


def fb_l(url: str, seed: str) -> str:
    """l.facebook.com/l.php?u=<encoded target>&h=… (outbound wrapper)."""
    return "https://l.facebook.com/l.php?u=" + quote(url, safe="") + "&h=AT" + _tok(seed, 30)


def ig_l(url: str, seed: str) -> str:
    """l.instagram.com/?u=<encoded target>&e=… (Instagram outbound wrapper)."""
    return "https://l.instagram.com/?u=" + quote(url, safe="") + "&e=AT" + _tok(seed, 28)


# --------------------------------------------------------------------------
# Footers
# --------------------------------------------------------------------------
FB_FOOT = {
    "en": "This message was sent to {a}. If you don't want to receive these emails from Meta in the future, please unsubscribe.",
    "de": "Diese Nachricht wurde an {a} gesendet. Wenn du diese E-Mails von Meta in Zukunft nicht mehr erhalten möchtest, melde dich bitte ab.",
    "fr": "Ce message a été envoyé à {a}. Si vous ne souhaitez plus recevoir ces e-mails de Meta, veuillez vous désabonner.",
    "it": "Questo messaggio è stato inviato a {a}. Se non vuoi più ricevere queste e-mail da Meta, annulla l'iscrizione.",
    "es": "Este mensaje se envió a {a}. Si no quieres recibir estos correos electrónicos de Meta en el futuro, cancela la suscripción.",
    "pt": "Esta mensagem foi enviada para {a}. Se você não quiser mais receber estes e-mails da Meta, cancele a inscrição.",
    "nl": "Dit bericht is verzonden naar {a}. Als je deze e-mails van Meta niet meer wilt ontvangen, kun je je afmelden.",
}
IG_FOOT = {
    "en": "This message was sent to {a} and intended for {u}. Not your account? Remove your email from this account.",
    "de": "Diese Nachricht wurde an {a} gesendet und ist für {u} bestimmt. Nicht dein Konto? Entferne deine E-Mail-Adresse aus diesem Konto.",
    "fr": "Ce message a été envoyé à {a} et est destiné à {u}. Ce n'est pas votre compte ? Supprimez votre adresse e-mail de ce compte.",
    "it": "Questo messaggio è stato inviato a {a} ed era destinato a {u}. Non è il tuo account? Rimuovi la tua e-mail da questo account.",
    "es": "Este mensaje se envió a {a} y está destinado a {u}. ¿No es tu cuenta? Elimina tu correo electrónico de esta cuenta.",
    "pt": "Esta mensagem foi enviada para {a} e é destinada a {u}. Não é a sua conta? Remova seu e-mail desta conta.",
    "pl": "Ta wiadomość została wysłana na adres {a} i jest przeznaczona dla {u}. To nie Twoje konto? Usuń swój adres e-mail z tego konta.",
    "id": "Pesan ini dikirimkan ke {a} dan ditujukan untuk {u}. Bukan akun Anda? Hapus email Anda dari akun ini.",
}
META_US = "Meta Platforms, Inc., Attention: Community Support, 1 Meta Way, Menlo Park, CA 94025"
META_IE = "Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, D04 X2K5, Ireland"
IG_US = "© Instagram from Meta. Meta Platforms, Inc., 1601 Willow Road, Menlo Park, CA 94025"
IG_IE = "© Instagram from Meta. Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, D04 X2K5, Ireland"
WA_FOOT = "WhatsApp LLC, 1 Meta Way, Menlo Park, CA 94025"


def fb_foot(lang, addr, company=META_IE):
    return ("footer", FB_FOOT[lang].format(a=addr) + "\n" + company)


def ig_foot(lang, addr, user, company=IG_IE):
    return ("footer", IG_FOOT[lang].format(a=addr, u=user) + "\n" + company)


# --------------------------------------------------------------------------
# Rendering blocks to text and HTML
# --------------------------------------------------------------------------
# Blocks: ("p", text) ("link", label, url) ("code", code) ("list", [items])
#         ("quote", text) ("footer", text)

def render_text(blocks, bullet="- "):
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "p":
            out.append(b[1])
        elif kind == "link":
            out.append(f"{b[1]}:\n{b[2]}" if b[1] else b[2])
        elif kind == "code":
            out.append(b[1])
        elif kind == "list":
            out.append("\n".join(bullet + i for i in b[1]))
        elif kind == "quote":
            out.append("\n".join("> " + line if line else ">" for line in b[1].split("\n")))
        elif kind == "footer":
            out.append("=" * 20 + "\n" + b[1])
        else:  # pragma: no cover
            raise ValueError(kind)
    return "\n\n".join(out) + "\n"


def render_html(blocks, title, lang, color="#1877F2", brand="Facebook"):
    esc = html.escape
    rows = []
    for b in blocks:
        kind = b[0]
        if kind == "p":
            rows.append('<p style="margin:0 0 16px 0;font-size:15px;line-height:21px;color:#1c1e21">'
                        + esc(b[1]).replace("\n", "<br>\n") + "</p>")
        elif kind == "link":
            label = b[1] or b[2]
            rows.append('<table border="0" cellspacing="0" cellpadding="0" style="margin:0 0 16px 0"><tr>'
                        f'<td style="background:{color};border-radius:6px;padding:10px 18px">'
                        f'<a href="{esc(b[2], quote=True)}" style="color:#ffffff;text-decoration:none;'
                        f'font-weight:bold;font-size:15px">{esc(label)}</a></td></tr></table>')
        elif kind == "code":
            rows.append('<p style="margin:0 0 16px 0;font-size:30px;letter-spacing:4px;font-weight:bold;'
                        f'color:#1c1e21">{esc(b[1])}</p>')
        elif kind == "list":
            rows.append('<ul style="margin:0 0 16px 20px;padding:0;font-size:15px;line-height:21px">'
                        + "".join(f"<li>{esc(i)}</li>" for i in b[1]) + "</ul>")
        elif kind == "quote":
            rows.append('<blockquote style="margin:0 0 16px 0;padding-left:12px;border-left:3px solid #ccd0d5;'
                        'color:#606770">' + esc(b[1]).replace("\n", "<br>\n") + "</blockquote>")
        elif kind == "footer":
            rows.append('<hr style="border:0;border-top:1px solid #e5e5e5;margin:24px 0 12px 0">'
                        '<p style="margin:0;font-size:11px;line-height:16px;color:#8a8d91">'
                        + esc(b[1]).replace("\n", "<br>\n") + "</p>")
        else:  # pragma: no cover
            raise ValueError(kind)
    body = "\n".join(f'<tr><td style="padding:0 24px">{r}</td></tr>' for r in rows)
    return (
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
        "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
        f'<html lang="{lang}"><head><meta http-equiv="Content-Type" content="text/html; charset=CHARSET">\n'
        f"<title>{esc(title)}</title></head>\n"
        '<body style="margin:0;padding:0;background:#f0f2f5">\n'
        '<table width="100%" border="0" cellspacing="0" cellpadding="0" style="background:#f0f2f5">'
        '<tr><td align="center">\n'
        '<table width="600" border="0" cellspacing="0" cellpadding="0" '
        'style="background:#ffffff;font-family:Helvetica,Arial,sans-serif">\n'
        f'<tr><td style="padding:20px 24px;font-size:22px;font-weight:bold;color:{color}">{esc(brand)}</td></tr>\n'
        f"{body}\n"
        '<tr><td style="height:24px">&nbsp;</td></tr>\n'
        "</table></td></tr></table>\n</body></html>\n"
    )


# --------------------------------------------------------------------------
# MIME assembly (by hand, so charset and transfer encoding are exactly as declared)
# --------------------------------------------------------------------------

def encoded_words(text: str, charset: str, method: str) -> str:
    """RFC 2047 encoded words, each at most 75 characters, folded."""
    words = []
    chunk = ""
    prefix = f"=?{charset}?{method}?"

    def enc(s):
        data = s.encode(charset)
        if method == "B":
            return base64.b64encode(data).decode("ascii")
        out = []
        for byte in data:
            c = chr(byte)
            if c == " ":
                out.append("_")
            elif c.isascii() and (c.isalnum() or c in "!*+-/"):
                out.append(c)
            else:
                out.append(f"={byte:02X}")
        return "".join(out)

    for ch in text:
        if len(prefix) + len(enc(chunk + ch)) + 2 > 75:
            words.append(prefix + enc(chunk) + "?=")
            chunk = ch
        else:
            chunk += ch
    if chunk:
        words.append(prefix + enc(chunk) + "?=")
    return "\n ".join(words)


def header_value(text: str, charset: str, method: str) -> str:
    if text.isascii():
        return text
    return encoded_words(text, charset, method)


def encode_body(text: str, charset: str, cte: str) -> bytes:
    data = text.encode(charset)  # strict: every character must exist in the charset
    if cte == "7bit":
        assert data.isascii(), "7bit body with non-ASCII"
        return data
    if cte == "8bit":
        return data
    if cte == "quoted-printable":
        return quopri.encodestring(data)
    if cte == "base64":
        return base64.encodebytes(data)
    raise ValueError(cte)


def leaf(ctype: str, text: str, charset: str, cte: str) -> bytes:
    if ctype == "text/html":
        # characters the charset lacks become character references, as mailers do
        text = text.replace("CHARSET", charset).encode(charset, "xmlcharrefreplace").decode(charset)
    head = (f'Content-Type: {ctype}; charset="{charset}"\n'
            f"Content-Transfer-Encoding: {cte}\n\n")
    body = encode_body(text, charset, cte)
    if not body.endswith(b"\n"):
        body += b"\n"
    return head.encode("ascii") + body


def build_mail(m: dict) -> bytes:
    name = m["file"]
    seed = name
    hdr = []
    if m.get("auth") == "pass":
        d = m["from_addr"].rsplit("@", 1)[1]
        hdr.append(f"Authentication-Results: mx.example.net; dkim=pass header.d={d}; spf=pass; dmarc=pass")
    elif m.get("auth") == "fail":
        d = m["from_addr"].rsplit("@", 1)[1]
        hdr.append(f"Authentication-Results: mx.example.net; dkim=fail header.d={d}; spf=fail; dmarc=fail")
    hdr.append(f"Date: {m['date']}")
    hdr.append(f"From: {m['from_name']} <{m['from_addr']}>")
    hdr.append(f"To: {m['to']}")
    hdr.append("Subject: " + header_value(m["subject"], m.get("subject_charset", "utf-8"),
                                          m.get("subject_method", "B")))
    mid_dom = m["from_addr"].rsplit("@", 1)[1]
    hdr.append(f"Message-ID: <{_tok(seed + 'mid', 20)}.{_tok(seed, 6)}@{mid_dom}>")
    for extra in m.get("extra_headers", []):
        hdr.append(extra)
    hdr.append("MIME-Version: 1.0")

    shape = m["shape"]
    charset = m["charset"]
    cte = m["cte"]
    blocks = m["blocks"]
    lang = m.get("language") or m["lang"]
    text = render_text(blocks, m.get("bullet", "- "))
    html_doc = render_html(blocks, m["subject"], lang, m.get("color", "#1877F2"), m.get("brand", "Facebook"))

    if shape == "text":
        part = leaf("text/plain", text, charset, cte)
        return ("\n".join(hdr) + "\n").encode("ascii") + part
    if shape == "html":
        part = leaf("text/html", html_doc, charset, cte)
        return ("\n".join(hdr) + "\n").encode("ascii") + part
    if shape == "alt":
        boundary = "b1_" + _tok(seed + "boundary", 32)
        hdr.append(f'Content-Type: multipart/alternative; boundary="{boundary}"')
        out = ("\n".join(hdr) + "\n\n").encode("ascii")
        out += f"--{boundary}\n".encode() + leaf("text/plain", text, charset, cte)
        out += f"\n--{boundary}\n".encode() + leaf("text/html", html_doc, charset, cte)
        out += f"\n--{boundary}--\n".encode()
        return out
    if shape == "report":
        boundary = "dsn_" + _tok(seed + "boundary", 24)
        hdr.append(f'Content-Type: multipart/report; report-type=delivery-status; boundary="{boundary}"')
        out = ("\n".join(hdr) + "\n\n").encode("ascii")
        out += f"--{boundary}\n".encode() + leaf("text/plain", text, charset, cte)
        out += f"\n--{boundary}\nContent-Type: message/delivery-status\n\n".encode() + m["dsn"].encode("ascii")
        out += f"\n--{boundary}\nContent-Type: text/rfc822-headers\n\n".encode() + m["orig_headers"].encode("ascii")
        out += f"\n--{boundary}--\n".encode()
        return out
    raise ValueError(shape)


SHAPE_NAME = {"text": "text/plain", "html": "text/html", "alt": "multipart/alternative",
              "report": "multipart/report"}


def note_of(m):
    auth = m.get("auth") or "none"
    return (f"shape={SHAPE_NAME[m['shape']]}; charset={m['charset']}; cte={m['cte']}; auth={auth}"
            + (f"; {m['note_extra']}" if m.get("note_extra") else ""))


# --------------------------------------------------------------------------
# The mails
# --------------------------------------------------------------------------
from mails_blind4 import MAILS  # noqa: E402  (kept in a second file for readability)


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


MANIFEST_KEYS = ["file", "kind", "request_state", "platform", "account", "address", "language",
                 "objection_url", "covers_linked_accounts", "suspicious_reason", "trap", "note"]


def manifest(mails) -> str:
    lines = [
        "# blind4: expected outcome per mail. Generated by make_blind4.py; do not edit by hand.",
        "# Written from shared/field-guide/README.md only, without reading the recogniser.",
        "",
    ]
    for m in mails:
        entry = {"file": m["file"], "kind": m["kind"]}
        if m["kind"] == "third_party_reply":
            entry["request_state"] = m["request_state"]
        if m["kind"] not in ("suspicious", "irrelevant"):
            entry["platform"] = m["platform"]
            entry["account"] = m["account"]
            entry["address"] = m["to"]
            entry["language"] = m["language"]
        if m["kind"] == "notice":
            entry["objection_url"] = m["objection_url"]
        if m["kind"] == "confirmation" and m.get("covers_linked_accounts"):
            entry["covers_linked_accounts"] = True
        if m["kind"] == "suspicious":
            entry["suspicious_reason"] = m["suspicious_reason"]
        if m.get("trap"):
            entry["trap"] = m["trap"]
        entry["note"] = note_of(m)
        lines.append("[[mail]]")
        for k in MANIFEST_KEYS:
            if k in entry:
                v = entry[k]
                lines.append(f"{k} = " + ("true" if v is True else toml_str(v)))
        lines.append("")
    return "\n".join(lines)


def generate() -> dict[str, bytes]:
    files = {}
    for m in MAILS:
        assert m["file"] not in files, m["file"]
        files[m["file"]] = build_mail(m)
    files["expected.toml"] = manifest(MAILS).encode("utf-8")
    return files


def main(argv) -> int:
    files = generate()
    if "--check" in argv:
        bad = []
        for name, data in files.items():
            p = HERE / name
            if not p.exists() or p.read_bytes() != data:
                bad.append(name)
        for p in HERE.glob("*.eml"):
            if p.name not in files:
                bad.append(p.name + " (not generated)")
        if bad:
            print("blind4 out of date: " + ", ".join(sorted(bad)))
            return 1
        print(f"blind4 up to date ({len(files) - 1} mails)")
        return 0
    for p in HERE.glob("*.eml"):
        if p.name not in files:
            p.unlink()
    for name, data in files.items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(files) - 1} mails and expected.toml to {HERE}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main(sys.argv[1:]))
