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
# MAILS is defined at the end of this file (after the helpers it uses).


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


# --------------------------------------------------------------------------
# The mails. Each dict: file, kind, platform/account/to/language, sender, date,
# subject, shape (text | html | alt | report), charset, cte, auth (pass | fail | None), blocks.
# --------------------------------------------------------------------------
WA = dict(brand="WhatsApp", color="#25D366")
IG = dict(brand="Instagram", color="#C13584")
TH = dict(brand="Threads", color="#000000")
ZUCK = "X-Mailer: ZuckMail [version 1.00]"


def M(n, lang, short, kind, **kw):
    m = dict(file=f"{lang}_{n:02d}_{short}.eml", lang=lang, kind=kind, language=lang)
    m.update(kw)
    if "account" not in m and m.get("platform") in ("facebook", "whatsapp"):
        m["account"] = m["to"]
    return m


# Accounts used (all addresses are example domains)
LUCAS = "lucas.ferreira@example.org"      # WhatsApp, Brazil
BEA = "beatriz.santos@example.net"        # WhatsApp and Instagram bia.santos, Brazil
RAFAEL = "rafael.costa@example.com"       # WhatsApp, Facebook, Threads/Instagram rafa.costa.rj, Brazil
CAMILA = "camila.rojas@example.org"       # WhatsApp and Instagram camila.rojas.mx
THIAGO = "thiago.almeida@example.com"     # WhatsApp, Brazil
EMMA = "emma.clarke@example.com"          # WhatsApp (general form, 2024)
JONAS = "jonas.weber@example.org"         # WhatsApp (general form, 2025)
SARAH = "sarah.mitchell@example.com"      # Facebook, third-party form only
NORA, NORA_U = "nora.quinn@example.org", "nora.quinn.art"          # Instagram, third-party form only
KATRIN = "k.hoffmann@example.net"         # Facebook, third-party form (de)
CLAIRE, CLAIRE_U = "claire.dubois@example.net", "claire_dubois"    # Facebook (address) + Instagram
GIULIA = "giulia.romano@example.org"      # Facebook, third-party form (it)
PABLO, PABLO_U = "pablo.martinez@example.com", "pablo.mtz"         # Instagram
ANA = "ana.lima@example.net"              # Facebook, Brazil: wrong form first, then the objection
PIETER = "pieter.devries@example.org"     # Facebook (nl)
DANIEL = "daniel.hughes@example.com"      # Facebook (objected 2024)
DANIEL_WORK = "daniel.hughes.work@example.com"  # Facebook, second account
OLLIE, OLLIE_U = "oliver.bennett@example.com", "ollie_fieldnotes"  # Instagram (en-GB)
MARKUS = "m.schneider@example.org"        # Facebook (de)
LUCA, LUCA_U = "luca.bianchi@example.net", "luca.bianchi.foto"     # Instagram (it)
JAY, JAY_U = "jay.okafor@example.org", "jay.okafor"                # Instagram
MIKE = "mike.turner@example.com"          # Facebook, US
MARCUS, MARCUS_U = "marcus.lee@example.com", "marcus.lee.ny"       # Instagram, US
ETIENNE, ETIENNE_U = "etienne.gagnon@example.com", "etienne.gagnon"  # Instagram, Canada (fr)
DEWI, DEWI_U = "dewi.lestari@example.net", "dewi.lestari"          # Instagram, Indonesia
KASIA, KASIA_U = "katarzyna.nowak@example.com", "kasia.nowak"      # Instagram (pl)
SIOBHAN = "siobhan.kelly@example.com"     # Facebook, Ireland
RAFA_U = "rafa.costa.rj"

MAILS = []

# ============================ WhatsApp: objection codes ============================
MAILS.append(M(
    1, "en", "wa_objection_code", "verification_code", platform="whatsapp", to=LUCAS,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Mon, 08 Dec 2025 14:02:11 +0000",
    subject="480213 is your WhatsApp code", shape="text", charset="utf-8", cte="7bit", auth="pass", **WA,
    blocks=[
        ("p", "Hi,"),
        ("p", "Use this code to confirm the email address on your request to object to Meta using your "
              "messages with AIs on WhatsApp to develop and improve AI at Meta:"),
        ("code", "480213"),
        ("p", "This code is only valid for 1 hour. Don't share it with anyone.\n"
              "If you didn't submit this request, you can ignore this email. No changes will be made."),
        ("p", "Thanks,\nWhatsApp"),
        ("footer", f"This email was sent to {LUCAS}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    2, "pt", "wa_codigo_objecao", "verification_code", platform="whatsapp", to=BEA,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Tue, 09 Dec 2025 11:47:30 -0300",
    subject="Seu código de verificação do WhatsApp", shape="alt", charset="utf-8",
    cte="quoted-printable", auth="pass", **WA,
    blocks=[
        ("p", "Olá,"),
        ("p", "Recebemos sua solicitação de objeção ao uso das suas mensagens com IAs no WhatsApp pela Meta "
              "para desenvolver e melhorar a IA na Meta.\n"
              "Número de telefone informado: +55 21 9••••-1157\n"
              f"E-mail informado: {BEA}"),
        ("p", "Para continuar, insira este código no formulário:"),
        ("code", "731604"),
        ("p", "O código é válido por 1 hora. Não compartilhe este código com ninguém."),
        ("p", "Se você não fez essa solicitação, ignore este e-mail.\nEquipe do WhatsApp"),
        ("footer", WA_FOOT),
    ]))

MAILS.append(M(
    3, "pt", "wa_codigo_html", "verification_code", platform="whatsapp", to=RAFAEL,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Wed, 10 Dec 2025 20:15:03 -0300",
    subject="Código para confirmar sua objeção", subject_charset="iso-8859-1", subject_method="Q",
    shape="html", charset="iso-8859-1", cte="quoted-printable", auth=None, **WA,
    blocks=[
        ("p", "Olá,"),
        ("p", "Use o código abaixo para verificar o e-mail informado na sua objeção à Meta de usar suas "
              "mensagens com IAs no WhatsApp para desenvolver e melhorar IA na Meta."),
        ("code", "259317"),
        ("p", "Este código expira em 60 minutos. A equipe do WhatsApp nunca vai pedir este código por "
              "telefone ou mensagem."),
        ("p", "Não foi você? Ignore este e-mail: sua solicitação não será enviada sem o código."),
        ("footer", f"Este e-mail foi enviado para {RAFAEL}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    4, "es", "wa_codigo_oposicion", "verification_code", platform="whatsapp", to=CAMILA,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Thu, 11 Dec 2025 09:30:55 -0600",
    subject="Tu código de WhatsApp: 618042", subject_charset="windows-1252", subject_method="Q",
    shape="text", charset="windows-1252", cte="base64", auth="pass", **WA,
    blocks=[
        ("p", "Hola:"),
        ("p", "Usa este código para confirmar tu solicitud de oposición a que Meta use tus mensajes con IA "
              "en WhatsApp para desarrollar y mejorar la IA de Meta:"),
        ("code", "618042"),
        ("p", "El código caduca en 1 hora. No lo compartas con nadie…"),
        ("p", "¿No fuiste tú? Ignora este correo; no se enviará ninguna solicitud sin el código."),
        ("p", "El equipo de WhatsApp"),
        ("footer", f"Este correo se envió a {CAMILA}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    5, "en", "wa_objection_code_html", "verification_code", platform="whatsapp", to=THIAGO,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Fri, 12 Dec 2025 17:08:41 -0300",
    subject="Confirm your request with code 905128", shape="alt", charset="utf-8", cte="base64",
    auth="pass", bullet="• ", **WA,
    blocks=[
        ("p", "Hi,"),
        ("p", "Your verification code is:"),
        ("code", "905128"),
        ("p", "Enter it on the form to confirm the request you submitted with the phone number "
              "+55 11 9••••-7390 and this email address. It expires in 60 minutes."),
        ("list", ["Your request: object to Meta using your messages with AIs on WhatsApp to develop and "
                  "improve AI at Meta",
                  "Country: Brazil"]),
        ("p", "Didn't request this? You can ignore this email."),
        ("footer", f"Sent to {THIAGO} by WhatsApp.\n{WA_FOOT}"),
    ]))

# ============================ WhatsApp: confirmations ============================
MAILS.append(M(
    6, "en", "wa_objection_honored", "confirmation", platform="whatsapp", to=LUCAS,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Tue, 09 Dec 2025 10:21:07 +0000",
    subject="Update on your request about AI at Meta", shape="text", charset="utf-8",
    cte="quoted-printable", auth="pass", **WA,
    blocks=[
        ("p", "Hi,"),
        ("p", "We've reviewed your request. We will honor your objection to Meta using your messages with "
              "AIs on WhatsApp to develop and improve AI at Meta. This means your request will be applied "
              "going forward."),
        ("p", "Your objection applies to the WhatsApp account with the phone number ending in 6630 that you "
              "entered on the form."),
        ("p", "Your personal messages with friends and family stay end-to-end encrypted, and this doesn't "
              "change."),
        ("link", "To learn more about generative AI and our privacy work, visit Privacy Center", FB_GENAI),
        ("p", "This mailbox can't accept incoming messages.\nThanks,\nWhatsApp Privacy Operations"),
        ("footer", f"This email was sent to {LUCAS}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    7, "pt", "wa_objecao_honrada", "confirmation", platform="whatsapp", to=BEA,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Wed, 10 Dec 2025 08:55:12 -0300",
    subject="Atualização sobre sua solicitação", shape="alt", charset="utf-8", cte="quoted-printable",
    auth="pass", **WA,
    blocks=[
        ("p", "Olá,"),
        ("p", "Analisamos sua solicitação. Nós honraremos sua objeção à Meta de usar suas mensagens com IAs "
              "no WhatsApp para desenvolver e melhorar IA na Meta. Isso significa que sua solicitação será "
              "aplicada daqui para frente."),
        ("p", "Suas mensagens pessoais continuam protegidas com a criptografia de ponta a ponta."),
        ("link", "Saiba mais na Central de Privacidade", FB_GENAI),
        ("p", "Esta caixa de entrada não aceita mensagens. Se você responder, sua resposta não será recebida.\n"
              "Obrigado,\nOperações de Privacidade do WhatsApp"),
        ("footer", f"Esta mensagem foi enviada para {BEA}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    8, "en", "wa_objection_honoured_html", "confirmation", platform="whatsapp", to=THIAGO,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Sat, 13 Dec 2025 09:14:50 -0300",
    subject="Your objection request", shape="html", charset="utf-8", cte="base64", auth=None, **WA,
    blocks=[
        ("p", "Hi,"),
        ("p", "Thanks for confirming your request. We will honour your objection: Meta won't use your "
              "messages with AIs on WhatsApp for the future development and improvement of AI at Meta."),
        ("p", "This covers your conversations with Meta AI and other AIs on WhatsApp. It doesn't change how "
              "your personal messages are protected: they remain end-to-end encrypted."),
        ("p", "You don't need to do anything else."),
        ("footer", f"This email was sent to {THIAGO}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    9, "pt", "wa_objecao_aceita", "confirmation", platform="whatsapp", to=RAFAEL,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Thu, 11 Dec 2025 13:40:28 -0300",
    subject="Confirmação: sua objeção sobre IA na Meta", subject_charset="iso-8859-1", subject_method="Q",
    shape="text", charset="iso-8859-1", cte="quoted-printable", auth="pass", **WA,
    blocks=[
        ("p", "Olá,"),
        ("p", "Confirmamos que vamos respeitar sua objeção. A partir de agora, a Meta não usará suas "
              "mensagens com IAs no WhatsApp para desenvolver e melhorar IA na Meta."),
        ("p", "Sua objeção vale para a conta do WhatsApp com o número de telefone terminado em 2094."),
        ("p", "Atenciosamente,\nWhatsApp"),
        ("footer", f"Este e-mail foi enviado para {RAFAEL}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    10, "es", "wa_oposicion_aceptada", "confirmation", platform="whatsapp", to=CAMILA,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Fri, 12 Dec 2025 16:03:19 -0600",
    subject="Actualización sobre tu solicitud", subject_charset="windows-1252", subject_method="Q",
    shape="text", charset="windows-1252", cte="quoted-printable", auth=None, **WA,
    blocks=[
        ("p", "Hola:"),
        ("p", "Hemos revisado tu solicitud. Respetaremos tu oposición a que Meta use tus mensajes con IA en "
              "WhatsApp para desarrollar y mejorar la IA de Meta. Esto significa que tu solicitud se aplicará "
              "a partir de ahora."),
        ("p", "Tus mensajes personales siguen protegidos con cifrado de extremo a extremo."),
        ("p", "Gracias,\nOperaciones de privacidad de WhatsApp"),
        ("footer", f"Este correo se envió a {CAMILA}.\n{WA_FOOT}"),
    ]))

# ============================ WhatsApp: acknowledgements ============================
MAILS.append(M(
    11, "en", "wa_request_received", "acknowledgement", platform="whatsapp", to=LUCAS,
    from_name="WhatsApp Support", from_addr="no-reply@support.whatsapp.com",
    date="Mon, 08 Dec 2025 14:09:45 +0000",
    subject="We received your request", shape="text", charset="utf-8", cte="7bit", auth="pass", **WA,
    blocks=[
        ("p", "Hi,"),
        ("p", "Thanks for submitting your request to object to Meta using your messages with AIs on WhatsApp "
              "to develop and improve AI at Meta."),
        ("p", f"We'll review it and email you at {LUCAS} when we've made a decision. You don't need to "
              "submit another request."),
        ("p", "Request reference: 1187-4420-9935"),
        ("p", "WhatsApp Support"),
        ("footer", WA_FOOT),
    ]))

MAILS.append(M(
    12, "pt", "wa_solicitacao_recebida", "acknowledgement", platform="whatsapp", to=BEA,
    from_name="Suporte do WhatsApp", from_addr="no-reply@support.whatsapp.com",
    date="Tue, 09 Dec 2025 11:52:02 -0300",
    subject="Recebemos sua solicitação", shape="alt", charset="utf-8", cte="base64", auth=None, **WA,
    blocks=[
        ("p", "Olá,"),
        ("p", "Recebemos sua solicitação de objeção ao uso das suas mensagens com IAs no WhatsApp para "
              "desenvolver e melhorar IA na Meta."),
        ("p", "Vamos analisá-la e enviaremos um e-mail para este endereço quando ela for processada. Não é "
              "necessário enviar outra solicitação."),
        ("p", "Suporte do WhatsApp"),
        ("footer", f"Esta mensagem foi enviada para {BEA}.\n{WA_FOOT}"),
    ]))

# ============================ WhatsApp: "about Meta AI, not WhatsApp" ============================
MAILS.append(M(
    13, "en", "wa_not_whatsapp", "rejection", platform="whatsapp", to=EMMA,
    from_name="WhatsApp Support", from_addr="no-reply@support.whatsapp.com",
    date="Fri, 14 Jun 2024 07:33:18 +0000",
    subject="Re: Objection to the use of my data for AI [#6412937]", shape="text", charset="utf-8",
    cte="quoted-printable", auth="pass", **WA,
    trap="quotes the user's 'I object' message; the answer refuses (about Meta AI, not WhatsApp)",
    blocks=[
        ("p", "Hi,"),
        ("p", "Thanks for contacting WhatsApp Support."),
        ("p", "We understand that you'd like to object to the use of your information to train AI. Your "
              "request is about Meta AI, not WhatsApp, so we're unable to act on it through this form. "
              "Meta AI is provided by Meta Platforms, Inc. For questions about how Meta uses information "
              "for AI, please visit the Meta Privacy Center."),
        ("p", "We haven't made any changes to your WhatsApp account."),
        ("p", "Regards,\nWhatsApp Support"),
        ("quote", "On Thu, 13 Jun 2024 you wrote:\n"
                  "I object to Meta using my personal data, including anything from WhatsApp, for training "
                  "artificial intelligence. Please confirm that my objection is honoured."),
        ("footer", f"This email was sent to {EMMA}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    14, "de", "wa_nicht_whatsapp", "rejection", platform="whatsapp", to=JONAS,
    from_name="WhatsApp Support", from_addr="no-reply@support.whatsapp.com",
    date="Tue, 20 May 2025 15:12:40 +0000",
    subject="Deine Anfrage an WhatsApp", shape="text", charset="iso-8859-1", cte="quoted-printable",
    auth="pass", **WA,
    blocks=[
        ("p", "Hallo,"),
        ("p", "vielen Dank, dass du uns über unser Formular für Datenschutzanfragen kontaktiert hast:\n"
              + WA_GENERAL_FORM),
        ("p", "Dein Widerspruch gegen die Verwendung deiner Daten für das Training von KI betrifft Meta AI, "
              "nicht WhatsApp. Wir können ihn über dieses Formular daher nicht bearbeiten. Informationen dazu, "
              "wie Meta Informationen für KI verwendet, findest du im Datenschutzcenter von Meta."),
        ("p", "An deinem WhatsApp-Konto wurde nichts geändert."),
        ("p", "Viele Grüße\nWhatsApp Support"),
        ("footer", f"Diese E-Mail wurde an {JONAS} gesendet.\n{WA_FOOT}"),
    ]))

# ============================ WhatsApp: everyday ============================
MAILS.append(M(
    15, "en", "wa_email_verification", "other", platform="whatsapp", to=LUCAS,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Sat, 04 Oct 2025 18:44:09 +0000",
    subject="WhatsApp email verification code", shape="text", charset="utf-8", cte="7bit", auth="pass", **WA,
    trap="WhatsApp code mail that is not an objection code (verifying an email address for login)",
    blocks=[
        ("p", "Your WhatsApp email verification code is:"),
        ("code", "204913"),
        ("p", "Enter this code in WhatsApp to verify your email address. After you verify it, you can use "
              "this email address to log in to your WhatsApp account if you can't get an SMS."),
        ("p", "Don't share this code with anyone. If you didn't ask to add this email address to WhatsApp, "
              "you can ignore this email."),
        ("footer", f"This email was sent to {LUCAS}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    16, "pt", "wa_codigo_registro", "other", platform="whatsapp", to=BEA,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Sun, 02 Nov 2025 21:17:36 -0300",
    subject="Seu código de registro do WhatsApp: 583-201", shape="alt", charset="utf-8",
    cte="quoted-printable", auth="pass", **WA,
    trap="WhatsApp registration code on a new phone (not an objection code)",
    blocks=[
        ("p", "Olá,"),
        ("p", "Use este código para registrar seu número de telefone +55 21 9••••-1157 no WhatsApp em um "
              "novo aparelho:"),
        ("code", "583-201"),
        ("p", "Não compartilhe este código com ninguém. Se você não tentou registrar seu número, ignore "
              "este e-mail; ninguém poderá acessar sua conta sem o código."),
        ("footer", f"Este e-mail foi enviado para {BEA}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    17, "es", "wa_verificacion_dos_pasos", "other", platform="whatsapp", to=CAMILA,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Mon, 15 Sep 2025 10:05:22 -0600",
    subject="Restablecer la verificación en dos pasos", shape="html", charset="utf-8",
    cte="quoted-printable", auth=None, **WA,
    blocks=[
        ("p", "Hola:"),
        ("p", "Recibimos una solicitud para desactivar la verificación en dos pasos de tu cuenta de WhatsApp "
              "vinculada a este correo electrónico."),
        ("link", "Desactivar verificación en dos pasos",
         "https://v.whatsapp.com/reset/2fa?token=" + _tok("wa2fa", 32)),
        ("p", "Si no solicitaste este cambio, no hagas clic en el enlace y no compartas este correo con nadie."),
        ("footer", f"Este correo se envió a {CAMILA}.\n{WA_FOOT}"),
    ]))

# ============================ Third-party form: asks for prompts/screenshots ============================
MAILS.append(M(
    18, "en", "tp_prompts_screenshot", "third_party_reply", request_state="needs_information",
    platform="facebook", to=SARAH, from_name="Facebook", from_addr="noreply@support.facebook.com",
    date="Thu, 18 Dec 2025 16:27:51 -0800",
    subject="Your request about personal information and AI at Meta", shape="text", charset="utf-8",
    cte="quoted-printable", auth="pass", bullet="1. ",
    trap="links the third-party forms (1266025207620918), not an objection form; asks for more information",
    blocks=[
        ("p", "Hi Sarah,"),
        ("p", "Thanks for contacting us about personal information from third parties that may be used to "
              "develop and improve AI at Meta."),
        ("p", "We don't automatically fulfil requests sent using this form. We review them consistent with "
              "your local laws."),
        ("p", "To help us review your request, please send us:"),
        ("list", ["The prompts you entered into an AI at Meta feature that resulted in a response containing "
                  "your personal information.",
                  "A screenshot of the response that showed your personal information."]),
        ("link", "You can send this information using this form", TP_FORM_2023),
        ("p", "If we don't receive this information, we may not be able to take further action on your "
              "request."),
        ("p", "Thanks,\nPrivacy Operations"),
        fb_foot("en", SARAH),
    ]))

MAILS.append(M(
    19, "en", "tp_object_restrict", "third_party_reply", request_state="needs_information",
    platform="instagram", account=NORA_U, to=NORA, from_name="Instagram",
    from_addr="no-reply@mail.instagram.com", date="Mon, 22 Dec 2025 09:48:02 -0800",
    subject="More information needed for your request", shape="alt", charset="utf-8",
    cte="quoted-printable", auth="pass", bullet="• ", **IG,
    trap="third-party reply that says 'object to or restrict' and 'your objection' (not the training objection)",
    blocks=[
        ("p", f"Hi {NORA_U},"),
        ("p", "You asked us to object to or restrict the processing of your personal information from third "
              "parties for AI at Meta."),
        ("p", "We don't automatically fulfil requests like this. We review them consistent with your local "
              "laws. Before we can review your objection, we need some more details:"),
        ("list", ["the exact prompts that returned your personal information",
                  "a screenshot of the AI response that showed it"]),
        ("link", "Reply with the details", ig_l(TP_FORM, "19")),
        ("p", "Thanks,\nThe Instagram Privacy Team"),
        ig_foot("en", NORA, NORA_U),
    ]))

MAILS.append(M(
    20, "de", "tp_prompts_screenshot", "third_party_reply", request_state="needs_information",
    platform="facebook", to=KATRIN, from_name="Facebook", from_addr="noreply@support.facebook.com",
    date="Fri, 19 Dec 2025 11:02:37 +0100",
    subject="Deine Anfrage zu Informationen von Dritten", shape="text", charset="iso-8859-1",
    cte="quoted-printable", auth=None,
    blocks=[
        ("p", "Hallo Katrin,"),
        ("p", "vielen Dank für deine Anfrage zu personenbezogenen Informationen von Dritten, die für die "
              "Entwicklung und Verbesserung von KI bei Meta verwendet werden könnten. Du hast angegeben, dass "
              "du der Verarbeitung widersprechen oder sie einschränken möchtest."),
        ("p", "Wir erfüllen Anfragen, die über dieses Formular eingehen, nicht automatisch. Wir prüfen sie im "
              "Einklang mit den in deinem Land geltenden Gesetzen."),
        ("p", "Damit wir deine Anfrage prüfen können, benötigen wir:"),
        ("list", ["die Prompts, die du in eine KI-Funktion von Meta eingegeben hast und deren Antwort deine "
                  "personenbezogenen Informationen enthielt,",
                  "einen Screenshot der Antwort, in der deine Informationen angezeigt wurden."]),
        ("link", "Bitte sende uns diese Informationen über das Formular", TP_FORM),
        ("p", "Viele Grüße\nPrivacy Operations"),
        fb_foot("de", KATRIN),
    ]))

MAILS.append(M(
    21, "fr", "tp_captures_ecran", "third_party_reply", request_state="needs_information",
    platform="instagram", account=CLAIRE_U, to=CLAIRE, from_name="Instagram",
    from_addr="no-reply@mail.instagram.com", date="Tue, 23 Dec 2025 14:19:44 +0100",
    subject="Informations supplémentaires requises", shape="html", charset="utf-8", cte="base64",
    auth="pass", **IG,
    blocks=[
        ("p", f"Bonjour {CLAIRE_U},"),
        ("p", "Merci de nous avoir contactés au sujet d'informations personnelles provenant de tiers qui "
              "pourraient être utilisées pour développer et améliorer l'IA chez Meta."),
        ("p", "Nous ne donnons pas automatiquement suite aux demandes envoyées via ce formulaire. Nous les "
              "examinons conformément à la législation locale applicable."),
        ("p", "Pour que nous puissions examiner votre demande, veuillez nous fournir :"),
        ("list", ["les requêtes (prompts) que vous avez saisies et qui ont produit une réponse contenant vos "
                  "informations personnelles ;",
                  "une capture d'écran de la réponse qui affichait ces informations."]),
        ("link", "Envoyer les informations", TP_FORM),
        ("p", "Merci,\nL'équipe Confidentialité d'Instagram"),
        ig_foot("fr", CLAIRE, CLAIRE_U),
    ]))

MAILS.append(M(
    22, "it", "tp_prompt_screenshot", "third_party_reply", request_state="needs_information",
    platform="facebook", to=GIULIA, from_name="Facebook", from_addr="notification@facebookmail.com",
    date="Mon, 05 Jan 2026 10:36:29 +0100", extra_headers=[ZUCK],
    subject="La tua richiesta relativa all’IA di Meta", subject_charset="windows-1252", subject_method="Q",
    shape="alt", charset="windows-1252", cte="quoted-printable", auth="pass",
    blocks=[
        ("p", "Ciao Giulia,"),
        ("p", "grazie per averci contattato in merito a informazioni personali di terze parti che potrebbero "
              "essere usate per sviluppare e migliorare l’IA di Meta."),
        ("p", "Non soddisfiamo automaticamente le richieste inviate tramite questo modulo. Le esaminiamo in "
              "conformità con le leggi locali."),
        ("p", "Per esaminare la tua richiesta, inviaci:"),
        ("list", ["i prompt che hai inserito e che hanno generato una risposta contenente le tue informazioni "
                  "personali;",
                  "uno screenshot della risposta che mostrava le tue informazioni."]),
        ("link", "Invia le informazioni", fb_n("help/contact/1266025207620918", GIULIA, "22")),
        ("p", "Grazie,\nPrivacy Operations"),
        fb_foot("it", GIULIA),
    ]))

# ============================ Third-party form: acknowledgements ============================
MAILS.append(M(
    23, "en", "tp_received_quote", "third_party_reply", request_state="submitted",
    platform="facebook", to=SARAH, from_name="Facebook", from_addr="noreply@support.facebook.com",
    date="Wed, 10 Dec 2025 20:12:08 -0800",
    subject="We received your request", shape="text", charset="utf-8", cte="quoted-printable", auth="pass",
    trap="acknowledgement quoting the user's request back ('object to or restrict', 'honour my objection')",
    blocks=[
        ("p", "Hi Sarah,"),
        ("p", "Thanks for contacting us. We've received your request and will review it. We'll get back to "
              "you by email."),
        ("p", "Here's a copy of what you submitted:"),
        ("quote", "Form: Personal information from third parties used for AI at Meta\n"
                  "Request: I want to object to or restrict the processing of my personal information from "
                  "third parties for AI at Meta\n"
                  "Country: Ireland\n"
                  "Your message: Please stop using my data for AI training. I object to this processing and "
                  "want you to honour my objection."),
        ("p", "Thanks,\nPrivacy Operations"),
        fb_foot("en", SARAH),
    ]))

MAILS.append(M(
    24, "es", "tp_solicitud_recibida", "third_party_reply", request_state="submitted",
    platform="instagram", account=PABLO_U, to=PABLO, from_name="Instagram",
    from_addr="no-reply@mail.instagram.com", date="Sat, 13 Dec 2025 12:25:13 +0100",
    subject="Hemos recibido tu solicitud", shape="text", charset="windows-1252", cte="quoted-printable",
    auth=None, **IG,
    blocks=[
        ("p", f"Hola, {PABLO_U}:"),
        ("p", "Hemos recibido tu solicitud sobre información personal de terceros que podría utilizarse para "
              "la IA de Meta."),
        ("p", "La revisaremos de acuerdo con la legislación local aplicable y te responderemos por correo "
              "electrónico. No es necesario que envíes otra solicitud."),
        ("p", "Gracias,\nEl equipo de privacidad de Instagram"),
        ig_foot("es", PABLO, PABLO_U),
    ]))

MAILS.append(M(
    25, "pt", "tp_solicitacao_recebida", "third_party_reply", request_state="submitted",
    platform="facebook", to=ANA, from_name="Facebook", from_addr="noreply@support.facebook.com",
    date="Fri, 05 Dec 2025 18:40:57 -0300",
    subject="Recebemos sua solicitação", shape="alt", charset="utf-8", cte="base64", auth=None,
    blocks=[
        ("p", "Olá, Ana,"),
        ("p", "Recebemos sua solicitação referente a informações pessoais de terceiros usadas para "
              "desenvolver e melhorar a IA na Meta."),
        ("p", "Não atendemos automaticamente às solicitações enviadas por este formulário. Elas são "
              "analisadas de acordo com as leis locais. Sua solicitação está em análise e entraremos em "
              "contato por e-mail."),
        ("p", "Obrigado,\nOperações de Privacidade"),
        fb_foot("pt", ANA, META_US),
    ]))

# ============================ Third-party form: final answers ============================
MAILS.append(M(
    26, "en", "tp_no_information_found", "third_party_reply", request_state="answered",
    platform="instagram", account=NORA_U, to=NORA, from_name="Instagram",
    from_addr="no-reply@mail.instagram.com", date="Thu, 15 Jan 2026 08:14:33 -0800",
    subject="Update on your request", shape="text", charset="utf-8", cte="8bit", auth="pass", **IG,
    blocks=[
        ("p", f"Hi {NORA_U},"),
        ("p", "We've reviewed your request about personal information from third parties used for AI at Meta."),
        ("p", "Based on the prompts and screenshot you provided, we couldn't find any of your personal "
              "information in responses from our AI models, so there's no further action for us to take."),
        ("link", "To learn more about generative AI and privacy, visit Privacy Center", IG_GENAI),
        ("p", "Thanks,\nThe Instagram Privacy Team"),
        ig_foot("en", NORA, NORA_U),
    ]))

MAILS.append(M(
    27, "de", "tp_massnahmen_ergriffen", "third_party_reply", request_state="answered",
    platform="facebook", to=KATRIN, from_name="Facebook", from_addr="noreply@support.facebook.com",
    date="Wed, 14 Jan 2026 13:51:06 +0100",
    subject="Aktualisierung zu deiner Anfrage", shape="alt", charset="utf-8", cte="quoted-printable",
    auth="pass",
    trap="final answer of the third-party form using 'Widerspruch … stattgegeben' (not the training objection)",
    blocks=[
        ("p", "Hallo Katrin,"),
        ("p", "wir haben deine Anfrage zu personenbezogenen Informationen von Dritten geprüft, die du uns mit "
              "deinen Prompts und einem Screenshot gemeldet hast."),
        ("p", "Wir haben deinem Widerspruch gegen die Verarbeitung dieser Informationen von Dritten "
              "stattgegeben und entsprechende Maßnahmen ergriffen: Die gemeldeten Prompts liefern keine "
              "Antworten mit deinen personenbezogenen Informationen mehr."),
        ("p", "Damit ist deine Anfrage abgeschlossen."),
        ("p", "Viele Grüße\nPrivacy Operations"),
        fb_foot("de", KATRIN),
    ]))

MAILS.append(M(
    28, "nl", "tp_verzoek_beoordeeld", "third_party_reply", request_state="answered",
    platform="facebook", to=PIETER, from_name="Facebook", from_addr="noreply@support.facebook.com",
    date="Tue, 02 Dec 2025 10:09:45 +0100",
    subject="Update over je verzoek", shape="text", charset="iso-8859-1", cte="quoted-printable", auth=None,
    blocks=[
        ("p", "Hallo Pieter,"),
        ("p", "We hebben je verzoek over persoonsgegevens van derden die mogelijk worden gebruikt voor AI bij "
              "Meta beoordeeld in overeenstemming met de lokale wetgeving."),
        ("p", "We hebben op basis van de prompts en de screenshot die je hebt gestuurd actie ondernomen. Dit "
              "verzoek is hiermee afgehandeld."),
        ("p", "Bedankt,\nPrivacy Operations"),
        fb_foot("nl", PIETER),
    ]))

# ============================ Objection replies (contrast): confirmations ============================
MAILS.append(M(
    29, "en", "objection_honored_2024", "confirmation", platform="facebook", to=DANIEL,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Wed, 05 Jun 2024 03:18:22 -0700",
    extra_headers=[ZUCK],
    subject="Your request about AI at Meta", shape="text", charset="utf-8", cte="7bit", auth="pass",
    blocks=[
        ("p", "Hi Daniel,"),
        ("p", "We've reviewed your request and will honor your objection. This means your request will be "
              "applied going forward."),
        ("p", "If you want to learn more about generative AI, and our privacy work in this new space, please "
              "review the information we have in Privacy Center.\nfacebook.com/privacy/genai"),
        ("p", "This inbox cannot accept incoming messages. If you send us a reply, it won't be received."),
        ("p", "Thanks,\nPrivacy Operations"),
        fb_foot("en", DANIEL),
    ]))

MAILS.append(M(
    30, "en", "objection_honoured_linked", "confirmation", platform="instagram", account=OLLIE_U, to=OLLIE,
    covers_linked_accounts=True, language="en",
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Tue, 22 Apr 2025 18:06:40 +0100",
    subject="We've reviewed your objection request", shape="alt", charset="utf-8", cte="quoted-printable",
    auth="pass", **IG,
    blocks=[
        ("p", f"Hi {OLLIE_U},"),
        ("p", "We will honour your objection for your public information, such as public posts and comments. "
              "This means that we won't use your public information from Facebook and Instagram for future "
              "development and improvement of generative AI models for our AI at Meta features and "
              "experiences."),
        ("p", "We will also honour your objection for any other accounts that you've added to the same "
              "Accounts Centre as this account."),
        ("link", "Learn more in Privacy Centre", IG_GENAI),
        ("p", "Thanks,\nPrivacy Operations"),
        ig_foot("en", OLLIE, OLLIE_U),
    ]))

MAILS.append(M(
    31, "de", "widerspruch_stattgegeben", "confirmation", platform="facebook", to=MARKUS,
    covers_linked_accounts=True,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Fri, 25 Apr 2025 07:44:19 +0200",
    extra_headers=[ZUCK],
    subject="Deine Anfrage zu KI bei Meta", shape="text", charset="iso-8859-1", cte="quoted-printable",
    auth="pass",
    blocks=[
        ("p", "Hallo Markus,"),
        ("p", "wir haben deine Anfrage geprüft und deinem Widerspruch für deine öffentlichen Informationen, "
              "wie öffentliche Beiträge und Kommentare, stattgegeben. Das bedeutet, dass wir deine "
              "öffentlichen Informationen von Facebook und Instagram nicht für die künftige Entwicklung und "
              "Verbesserung generativer KI-Modelle für unsere Funktionen und Erlebnisse von KI bei Meta "
              "verwenden werden."),
        ("p", "Wir werden deinem Widerspruch auch für alle anderen Konten stattgeben, die du derselben "
              "Kontenübersicht wie diesem Konto hinzugefügt hast."),
        ("p", "Weitere Informationen findest du im Datenschutzcenter: " + FB_GENAI),
        ("p", "Viele Grüße\nPrivacy Operations"),
        fb_foot("de", MARKUS),
    ]))

MAILS.append(M(
    32, "it", "opposizione_accolta", "confirmation", platform="instagram", account=LUCA_U, to=LUCA,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Fri, 07 Jun 2024 22:31:05 +0200",
    subject="Aggiornamento sulla tua richiesta", shape="html", charset="utf-8", cte="quoted-printable",
    auth=None, **IG,
    blocks=[
        ("p", f"Ciao {LUCA_U},"),
        ("p", "abbiamo esaminato la tua richiesta e accoglieremo la tua opposizione. Ciò significa che la tua "
              "richiesta verrà applicata d'ora in avanti."),
        ("p", "Se vuoi saperne di più sull'IA generativa e sul nostro lavoro per la privacy in questo nuovo "
              "ambito, consulta le informazioni disponibili nel Centro sulla privacy."),
        ("link", "Centro sulla privacy", IG_GENAI),
        ("p", "Grazie,\nPrivacy Operations"),
        ig_foot("it", LUCA, LUCA_U),
    ]))

MAILS.append(M(
    33, "pt", "objecao_honrada_contas", "confirmation", platform="facebook", to=ANA,
    covers_linked_accounts=True,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Sat, 20 Dec 2025 09:12:48 -0300",
    extra_headers=[ZUCK],
    subject="Atualização sobre sua solicitação de objeção", shape="alt", charset="utf-8", cte="base64",
    auth="pass",
    blocks=[
        ("p", "Olá, Ana,"),
        ("p", "Nós honraremos sua objeção para suas informações públicas, como publicações e comentários "
              "públicos. Isso significa que não usaremos suas informações públicas do Facebook, do Instagram "
              "e do Threads para o desenvolvimento e aprimoramento futuros de modelos de IA generativa para "
              "nossos recursos e experiências de IA na Meta."),
        ("p", "Também honraremos sua objeção para quaisquer outras contas que você adicionou à mesma Central "
              "de Contas que esta conta."),
        ("p", "Obrigado,\nOperações de Privacidade"),
        fb_foot("pt", ANA, META_US),
    ]))

# ============================ Objection replies: acknowledgements ============================
MAILS.append(M(
    34, "en", "objection_received", "acknowledgement", platform="instagram", account=JAY_U, to=JAY,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Fri, 02 May 2025 12:03:37 +0100",
    subject="We received your objection request", shape="text", charset="utf-8", cte="quoted-printable",
    auth="pass", **IG,
    blocks=[
        ("p", f"Hi {JAY_U},"),
        ("p", "Thanks for submitting your objection to the use of your information for AI at Meta. We've "
              "received your request and we're reviewing it."),
        ("p", "We'll email you once we've made a decision. If your objection is honoured, it will be applied "
              "going forward."),
        ("p", "Thanks,\nPrivacy Operations"),
        ig_foot("en", JAY, JAY_U),
    ]))

MAILS.append(M(
    35, "fr", "opposition_recue", "acknowledgement", platform="facebook", to=CLAIRE,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Wed, 30 Apr 2025 19:27:14 +0200",
    subject="Nous avons bien reçu votre demande", subject_charset="windows-1252", subject_method="Q",
    shape="text", charset="windows-1252", cte="quoted-printable", auth="pass",
    blocks=[
        ("p", "Bonjour Claire,"),
        ("p", "Nous avons bien reçu votre demande d’opposition concernant l’utilisation de vos informations "
              "pour l’IA chez Meta."),
        ("p", "Nous l’examinerons et vous enverrons un e-mail dès qu’une décision aura été prise. Si votre "
              "opposition est acceptée, elle s’appliquera à l’avenir."),
        ("p", "Merci,\nPrivacy Operations"),
        fb_foot("fr", CLAIRE),
    ]))

# ============================ Objection replies: rejections ============================
MAILS.append(M(
    36, "en", "objection_cannot_process", "rejection", platform="facebook", to=DANIEL_WORK,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Wed, 12 Jun 2024 05:51:30 -0700",
    subject="Your request about AI at Meta", shape="text", charset="utf-8", cte="7bit", auth="pass",
    trap="rejection that links the objection form again (must not read as a notice)",
    blocks=[
        ("p", "Hi Daniel,"),
        ("p", "We can't process your objection. The email address you entered on the form doesn't match the "
              "account you were logged in to when you submitted it, and we couldn't verify your request."),
        ("p", "If you'd still like to object, please submit a new request from the account it concerns:\n"
              "https://www.facebook.com/help/contact/712876720715583"),
        ("p", "This inbox cannot accept incoming messages. If you send us a reply, it won't be received."),
        ("p", "Thanks,\nPrivacy Operations"),
        fb_foot("en", DANIEL_WORK),
    ]))

MAILS.append(M(
    37, "es", "oposicion_no_procesada", "rejection", platform="instagram", account=PABLO_U, to=PABLO,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Tue, 06 May 2025 08:58:11 +0200",
    subject="No hemos podido procesar tu solicitud", shape="alt", charset="iso-8859-1",
    cte="quoted-printable", auth=None, **IG,
    blocks=[
        ("p", f"Hola, {PABLO_U}:"),
        ("p", "Hemos revisado tu solicitud de oposición y no podemos procesarla: el código de confirmación "
              "caducó antes de que enviaras el formulario, por lo que no hemos podido verificar tu dirección "
              "de correo electrónico."),
        ("p", "No hemos aplicado tu oposición. Si aún quieres oponerte, envía una nueva solicitud."),
        ("p", "Gracias,\nPrivacy Operations"),
        ig_foot("es", PABLO, PABLO_U),
    ]))

# ============================ Information-only AI notices (no objection link) ============================
MAILS.append(M(
    38, "en", "info_ai_chats_ads", "other", platform="facebook", to=MIKE,
    from_name="Facebook", from_addr="update@em.facebookmail.com", date="Tue, 07 Oct 2025 10:02:44 -0700",
    subject="We're updating our Privacy Policy", shape="alt", charset="utf-8", cte="quoted-printable",
    auth="pass",
    trap="AI-at-Meta notice without any objection link (chats with Meta AI shape ads from 16 Dec 2025)",
    blocks=[
        ("p", "Hi Mike,"),
        ("p", "We're updating our Privacy Policy to explain how we'll use your interactions with AI at Meta. "
              "Starting December 16, 2025, we'll use your interactions with AI at Meta features, such as your "
              "chats with Meta AI, to personalize the content and ads you see across our products."),
        ("p", "For example, if you chat with Meta AI about hiking, we may show you recommendations for hiking "
              "groups, posts from friends about trails, or ads for hiking boots."),
        ("p", "We won't use conversations about sensitive topics, such as your religious views, sexual "
              "orientation, political views, health, racial or ethnic origin, philosophical beliefs or trade "
              "union membership, to show you ads."),
        ("link", "Review the Privacy Policy", fb_n("privacy/policy/", MIKE, "38")),
        ("p", "You can continue to manage your ad experience, including your ad preferences, in Accounts Center."),
        ("link", "Go to Accounts Center", fb_l(FB_ACCOUNTS, "38")),
        ("p", "Thanks,\nThe Facebook Privacy Team"),
        fb_foot("en", MIKE, META_US),
    ]))

MAILS.append(M(
    39, "en", "info_your_choices", "other", platform="instagram", account=MARCUS_U, to=MARCUS,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Wed, 08 Oct 2025 13:27:09 -0700",
    subject="An update on how we use your AI interactions", shape="html", charset="utf-8", cte="base64",
    auth="pass", **IG,
    trap="information notice that talks about 'your choices' and links Privacy Center, but no objection form",
    blocks=[
        ("p", f"Hi {MARCUS_U},"),
        ("p", "On December 16, 2025, we're updating our Privacy Policy. We'll start using your interactions "
              "with AI at Meta, like chats with Meta AI and AI features on Instagram, to personalize the "
              "content and ads you see."),
        ("p", "Your choices: you can adjust your ad preferences in Accounts Center at any time, and you decide "
              "whether to use AI at Meta features. Learn more about how we use information and the choices "
              "you have in Privacy Center."),
        ("link", "Visit Privacy Center", ig_l(IG_PRIVACY_CENTER, "39")),
        ("link", "Manage ad preferences", IG_ACCOUNTS),
        ig_foot("en", MARCUS, MARCUS_U, IG_US),
    ]))

MAILS.append(M(
    40, "pt", "info_anuncios_ia", "other", platform="facebook", to=RAFAEL,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Tue, 07 Oct 2025 15:41:30 -0300",
    extra_headers=[ZUCK],
    subject="Atualização da nossa Política de Privacidade", subject_charset="iso-8859-1", subject_method="Q",
    shape="text", charset="iso-8859-1", cte="quoted-printable", auth="pass",
    blocks=[
        ("p", "Olá, Rafael,"),
        ("p", "Estamos atualizando nossa Política de Privacidade para explicar como usaremos suas interações "
              "com a IA da Meta. A partir de 16 de dezembro de 2025, vamos usar suas interações com recursos "
              "de IA na Meta, como suas conversas com a Meta AI, para personalizar o conteúdo e os anúncios "
              "que você vê."),
        ("p", "Não usaremos conversas sobre temas sensíveis, como religião, orientação sexual, opiniões "
              "políticas ou saúde, para mostrar anúncios."),
        ("link", "Saiba mais na Política de Privacidade", fb_n("privacy/policy/", RAFAEL, "40")),
        ("p", "Você pode continuar gerenciando suas preferências de anúncios na Central de Contas."),
        fb_foot("pt", RAFAEL, META_US),
    ]))

MAILS.append(M(
    41, "es", "info_anuncios_ia", "other", platform="instagram", account="camila.rojas.mx", to=CAMILA,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Thu, 09 Oct 2025 11:18:52 -0600",
    subject="Actualizamos nuestra Política de privacidad", subject_charset="windows-1252", subject_method="Q",
    shape="alt", charset="windows-1252", cte="quoted-printable", auth=None, **IG,
    blocks=[
        ("p", "Hola, camila.rojas.mx:"),
        ("p", "A partir del 16 de diciembre de 2025, usaremos tus interacciones con la IA de Meta, como tus "
              "conversaciones con Meta AI, para personalizar el contenido y los anuncios que ves en Instagram "
              "y en nuestros otros productos."),
        ("p", "Por ejemplo, si hablas con Meta AI sobre senderismo, es posible que te mostremos publicaciones "
              "sobre rutas o anuncios de botas de montaña."),
        ("p", "No usaremos conversaciones sobre temas delicados, como tus creencias religiosas, tu orientación "
              "sexual, tus opiniones políticas o tu salud, para mostrarte anuncios."),
        ("link", "Más información", ig_l("https://privacycenter.instagram.com/policy/", "41")),
        ig_foot("es", CAMILA, "camila.rojas.mx", IG_US),
    ]))

MAILS.append(M(
    42, "fr", "info_publicites_ia", "other", platform="instagram", account=ETIENNE_U, to=ETIENNE,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Thu, 09 Oct 2025 09:05:37 -0400",
    subject="Mise à jour de notre Politique de confidentialité", shape="text", charset="utf-8", cte="base64",
    auth=None, **IG,
    blocks=[
        ("p", f"Bonjour {ETIENNE_U},"),
        ("p", "À partir du 16 décembre 2025, nous utiliserons vos interactions avec l'IA chez Meta, comme vos "
              "conversations avec Meta AI, pour personnaliser le contenu et les publicités que vous voyez."),
        ("p", "Nous n'utiliserons pas les conversations portant sur des sujets sensibles, comme vos "
              "convictions religieuses, votre orientation sexuelle, vos opinions politiques ou votre santé, "
              "pour vous montrer des publicités."),
        ("p", "Vous pouvez continuer à gérer vos préférences publicitaires dans l'Espace Comptes."),
        ("link", "En savoir plus", "https://privacycenter.instagram.com/policy/"),
        ig_foot("fr", ETIENNE, ETIENNE_U, IG_US),
    ]))

MAILS.append(M(
    43, "id", "info_iklan_ai", "other", platform="instagram", account=DEWI_U, to=DEWI,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Fri, 10 Oct 2025 08:49:15 +0700",
    subject="Kami memperbarui Kebijakan Privasi kami", shape="text", charset="utf-8", cte="quoted-printable",
    auth="pass", **IG,
    trap="language outside the guide's table (Indonesian); footer names the username",
    blocks=[
        ("p", f"Hai {DEWI_U},"),
        ("p", "Mulai 16 Desember 2025, kami akan menggunakan interaksi Anda dengan fitur AI di Meta, seperti "
              "percakapan Anda dengan Meta AI, untuk mempersonalisasi konten dan iklan yang Anda lihat."),
        ("p", "Kami tidak akan menggunakan percakapan tentang topik sensitif, seperti agama, orientasi "
              "seksual, pandangan politik, atau kesehatan, untuk menampilkan iklan kepada Anda."),
        ("p", "Anda tetap dapat mengelola preferensi iklan di Pusat Akun."),
        ("link", "Pelajari selengkapnya", "https://privacycenter.instagram.com/policy/"),
        ig_foot("id", DEWI, DEWI_U, IG_US),
    ]))

# ============================ New waves of objection notices (with link) ============================
MAILS.append(M(
    44, "de", "notice_2025", "notice", platform="facebook", to=MARKUS, objection_url=FB_FORM,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Mon, 14 Apr 2025 16:20:33 +0200",
    extra_headers=[ZUCK],
    subject="Erfahre, wie wir deine Informationen im Zuge der Verbesserung von KI bei Meta verwenden",
    shape="alt", charset="utf-8", cte="quoted-printable", auth="pass",
    trap="promises a confirmation mail and says 'Wenn du bereits widersprochen hast' (still a notice)",
    blocks=[
        ("p", "Hallo Markus,"),
        ("p", "wir möchten dich darüber informieren, wie wir deine Informationen verwenden, während wir KI bei "
              "Meta in der EU verbessern. Ab dem 27. Mai 2025 verwenden wir öffentliche Informationen, wie "
              "öffentliche Beiträge und Kommentare von Konten von Personen ab 18 Jahren, sowie deine "
              "Interaktionen mit KI bei Meta-Features, um generative KI-Modelle für KI bei Meta zu entwickeln "
              "und zu verbessern. Wir stützen uns dabei auf die Rechtsgrundlage der berechtigten Interessen."),
        ("p", "Du kannst der Verwendung deiner Informationen zu diesen Zwecken widersprechen. Wenn du einen "
              "Widerspruch einreichst, werden wir dir eine E-Mail mit der Bestätigung senden, dass wir deine "
              "Interaktionen mit KI bei Meta-Features oder deine öffentlichen Informationen von "
              "Meta-Produkten nicht mehr für die künftige Entwicklung und Verbesserung generativer KI-Modelle "
              "für KI bei Meta verwenden werden. Wenn du bereits widersprochen hast, brauchst du keinen "
              "weiteren Antrag zu stellen."),
        ("link", "Widerspruch einlegen", fb_n("help/contact/712876720715583", MARKUS, "44")),
        ("link", "Datenschutzrichtlinie", fb_n("privacy/policy/", MARKUS, "44p")),
        ("p", "Danke,\nDas Datenschutz-Team von Meta"),
        fb_foot("de", MARKUS),
    ]))

MAILS.append(M(
    45, "fr", "notice_2025", "notice", platform="instagram", account=CLAIRE_U, to=CLAIRE, objection_url=IG_FORM,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Tue, 15 Apr 2025 11:02:58 +0200",
    subject="Découvrez comment nous utiliserons vos informations à mesure que nous améliorons l'IA de Meta",
    shape="html", charset="utf-8", cte="quoted-printable", auth="pass", **IG,
    blocks=[
        ("p", f"Bonjour {CLAIRE_U},"),
        ("p", "À partir du 27 mai 2025, nous utiliserons les informations publiques, comme les publications et "
              "commentaires publics des comptes de personnes âgées de 18 ans ou plus, ainsi que vos "
              "interactions avec les fonctionnalités de l'IA chez Meta, pour développer et améliorer les "
              "modèles d'IA générative de l'IA chez Meta. Nous nous appuyons pour cela sur nos intérêts "
              "légitimes."),
        ("p", "Vous avez le droit de vous opposer à l'utilisation de vos informations à ces fins. Si vous "
              "soumettez une opposition, nous vous enverrons un e-mail confirmant que nous n'utiliserons plus "
              "vos informations pour le développement futur de modèles d'IA générative. Si vous vous êtes "
              "déjà opposé(e), vous n'avez pas besoin d'envoyer une nouvelle demande."),
        ("link", "Exercer votre droit d'opposition", ig_l(IG_FORM, "45")),
        ig_foot("fr", CLAIRE, CLAIRE_U),
    ]))

MAILS.append(M(
    46, "nl", "notice_2025", "notice", platform="facebook", to=PIETER, objection_url=FB_FORM2,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Wed, 16 Apr 2025 09:37:12 +0200",
    subject="Ontdek hoe we je informatie gebruiken terwijl we AI bij Meta verbeteren", shape="text",
    charset="iso-8859-1", cte="quoted-printable", auth=None,
    trap="verb-first conditional ('Wordt je bezwaar gehonoreerd, dan …'); localized host nl-nl.facebook.com in l.php",
    blocks=[
        ("p", "Hallo Pieter,"),
        ("p", "Vanaf 27 mei 2025 gebruiken we openbare informatie, zoals openbare berichten en reacties van "
              "accounts van mensen van 18 jaar en ouder, en je interacties met AI bij Meta-functies om "
              "generatieve AI-modellen voor AI bij Meta te ontwikkelen en te verbeteren. We baseren ons "
              "hiervoor op gerechtvaardigde belangen."),
        ("p", "Je hebt het recht om bezwaar te maken tegen het gebruik van je informatie voor deze doeleinden. "
              "Wordt je bezwaar gehonoreerd, dan passen we het vanaf dat moment toe. Als je al bezwaar hebt "
              "gemaakt, hoef je geen nieuw verzoek in te dienen."),
        ("link", "Bezwaar maken", fb_l("https://nl-nl.facebook.com/help/contact/6359191084165019", "46")),
        ("p", "Bedankt,\nHet privacyteam van Meta"),
        fb_foot("nl", PIETER),
    ]))

MAILS.append(M(
    47, "pl", "notice_2025", "notice", platform="instagram", account=KASIA_U, to=KASIA, objection_url=IG_FORM2,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Wed, 16 Apr 2025 14:55:01 +0200",
    subject="Dowiedz się, jak będziemy wykorzystywać Twoje informacje w miarę ulepszania AI w Meta",
    shape="text", charset="utf-8", cte="base64", auth="pass", **IG,
    blocks=[
        ("p", f"Cześć {KASIA_U},"),
        ("p", "Od 27 maja 2025 r. będziemy wykorzystywać informacje publiczne, takie jak publiczne posty i "
              "komentarze z kont osób w wieku co najmniej 18 lat, a także Twoje interakcje z funkcjami AI w "
              "Meta, do rozwijania i ulepszania modeli generatywnej AI dla AI w Meta. Opieramy się przy tym na "
              "prawnie uzasadnionych interesach."),
        ("p", "Masz prawo do sprzeciwu wobec wykorzystywania Twoich informacji w tych celach. Jeśli już "
              "wyraziłeś(-aś) sprzeciw, nie musisz składać kolejnego wniosku."),
        ("link", "Skorzystaj z prawa do sprzeciwu",
         IG_FORM2 + "?utm_source=email&utm_medium=notification&s=ig_ai"),
        ig_foot("pl", KASIA, KASIA_U),
    ]))

MAILS.append(M(
    48, "pt", "notice_br_facebook", "notice", platform="facebook", to=ANA, objection_url=FB_FORM,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Tue, 02 Dec 2025 10:11:26 -0300",
    extra_headers=[ZUCK],
    subject="Saiba como usaremos suas informações para melhorar a IA na Meta", shape="alt", charset="utf-8",
    cte="quoted-printable", auth="pass",
    blocks=[
        ("p", "Olá, Ana,"),
        ("p", "A partir de 16 de dezembro de 2025, vamos usar informações públicas, como publicações e "
              "comentários públicos de contas de pessoas com 18 anos ou mais no Facebook, no Instagram e no "
              "Threads, e suas interações com recursos de IA na Meta para desenvolver e melhorar modelos de IA "
              "generativa para a IA na Meta. Para isso, nos baseamos no legítimo interesse, conforme a Lei "
              "Geral de Proteção de Dados (LGPD)."),
        ("p", "Você tem o direito de se opor ao uso das suas informações para essas finalidades. Um único "
              "formulário vale para as contas adicionadas à mesma Central de Contas. Se você já se opôs, não "
              "precisa enviar outra solicitação."),
        ("link", "Preencher o formulário de objeção", fb_n("help/contact/712876720715583", ANA, "48")),
        ("p", "Obrigado,\nEquipe de Privacidade da Meta"),
        fb_foot("pt", ANA, META_US),
    ]))

MAILS.append(M(
    49, "pt", "notice_br_instagram", "notice", platform="instagram", account="bia.santos", to=BEA,
    objection_url=IG_FORM2,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Wed, 03 Dec 2025 09:26:40 -0300",
    subject="Atualização sobre como usamos suas informações para IA na Meta", subject_charset="windows-1252",
    subject_method="Q", shape="html", charset="windows-1252", cte="quoted-printable", auth="pass", **IG,
    blocks=[
        ("p", "Olá, bia.santos,"),
        ("p", "A partir de 16 de dezembro de 2025, vamos usar suas publicações e comentários públicos no "
              "Instagram e no Threads, além das suas interações com recursos de IA na Meta, para desenvolver e "
              "melhorar modelos de IA generativa. Para isso, nos baseamos no legítimo interesse."),
        ("p", "Você tem o direito de se opor ao uso das suas informações para essas finalidades. Se você já se "
              "opôs, não precisa enviar outra solicitação."),
        ("link", "Exercer seu direito de oposição", ig_l(IG_FORM2, "49")),
        ig_foot("pt", BEA, "bia.santos", IG_US),
    ]))

MAILS.append(M(
    50, "pt", "notice_br_threads", "notice", platform="instagram", account=RAFA_U, to=RAFAEL,
    objection_url=IG_FORM2,
    from_name="Threads", from_addr="no-reply@mail.instagram.com", date="Wed, 03 Dec 2025 19:03:17 -0300",
    subject="Como usaremos suas informações do Threads para a IA na Meta", shape="text", charset="utf-8",
    cte="quoted-printable", auth="pass", **TH,
    trap="Threads notice from mail.instagram.com: the account is the Instagram username it names",
    blocks=[
        ("p", f"Olá, {RAFA_U},"),
        ("p", "A partir de 16 de dezembro de 2025, vamos usar suas publicações e comentários públicos no "
              "Threads, além das suas interações com recursos de IA, para desenvolver e melhorar a IA na Meta. "
              f"Seu perfil do Threads faz parte da sua conta do Instagram {RAFA_U}."),
        ("p", "Você tem o direito de se opor. Um formulário vale para as contas na mesma Central de Contas. Se "
              "você já se opôs, não precisa enviar outra solicitação."),
        ("link", "Enviar objeção", IG_FORM2 + "?s=threads_email&utm_campaign=ai_br"),
        ("footer", f"Esta mensagem foi enviada para {RAFAEL} e é destinada a {RAFA_U}.\n"
                   "© Threads from Meta. Meta Platforms, Inc., 1 Meta Way, Menlo Park, CA 94025"),
    ]))

MAILS.append(M(
    51, "en", "notice_2026_help_meta", "notice", platform="facebook", to=DANIEL, objection_url=META_PRIVACY,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Tue, 06 Oct 2026 11:45:02 +0100",
    extra_headers=[ZUCK],
    subject="We're updating how we use your information for AI at Meta", shape="alt", charset="utf-8",
    cte="quoted-printable", auth="pass",
    trap="2026 wave to an account that objected in 2024; link is help.meta.com/support/privacy in l.php",
    blocks=[
        ("p", "Hi Daniel,"),
        ("p", "We're letting you know about an update to how we use information to develop and improve AI at "
              "Meta. From 10 November 2026, we'll continue to use public information, such as public posts "
              "and comments from accounts of people aged 18 or older, and your interactions with AI at Meta "
              "features to develop and improve generative AI models. We rely on legitimate interests to do "
              "this."),
        ("p", "You have the right to object to the use of your information for these purposes. Our privacy "
              "forms have moved to the Meta Help Center. If you've already objected, you don't need to submit "
              "another request."),
        ("link", "Learn how to object", fb_l(META_PRIVACY + "?utm_source=email&utm_campaign=ai_notice_2026", "51")),
        ("p", "Thanks,\nThe Meta Privacy Team"),
        fb_foot("en", DANIEL),
    ]))

MAILS.append(M(
    52, "it", "notice_2026_help_meta", "notice", platform="instagram", account=LUCA_U, to=LUCA,
    objection_url=META_PRIVACY,
    from_name="Instagram", from_addr="no-reply@mail.instagram.com", date="Wed, 07 Oct 2026 08:12:36 +0200",
    subject="Stiamo aggiornando il modo in cui usiamo le tue informazioni per l’IA di Meta",
    subject_charset="windows-1252", subject_method="Q", shape="text", charset="windows-1252",
    cte="quoted-printable", auth="pass", **IG,
    blocks=[
        ("p", f"Ciao {LUCA_U},"),
        ("p", "ti informiamo di un aggiornamento su come usiamo le informazioni per sviluppare e migliorare "
              "l’IA di Meta. Dal 10 novembre 2026 continueremo a usare le informazioni pubbliche, come post e "
              "commenti pubblici degli account di persone con almeno 18 anni, e le tue interazioni con le "
              "funzioni di IA di Meta. Ci basiamo sul legittimo interesse."),
        ("p", "Hai il diritto di opporti all’uso delle tue informazioni per queste finalità. Se ti sei già "
              "opposto, non devi inviare un’altra richiesta — la tua opposizione resta valida."),
        ("link", "Esercita il tuo diritto di opposizione", "https://help.meta.com/support/privacy"),
        ig_foot("it", LUCA, LUCA_U),
    ]))

MAILS.append(M(
    53, "en", "notice_2025_double_wrap", "notice", platform="facebook", to=SIOBHAN, objection_url=FB_FORM2,
    from_name="Facebook", from_addr="notification@facebookmail.com", date="Mon, 14 Apr 2025 18:03:29 +0100",
    extra_headers=[ZUCK],
    subject="Learn how we'll use your information as we improve AI at Meta", shape="text", charset="utf-8",
    cte="7bit", auth="pass",
    trap="form link wrapped twice (l.facebook.com/l.php around www.facebook.com/n/?)",
    blocks=[
        ("p", "Hi Siobhan,"),
        ("p", "From 27 May 2025, we'll use public information, like public posts and comments from accounts of "
              "people aged 18 or older, and your interactions with AI at Meta features to develop and improve "
              "generative AI models for AI at Meta. We'll rely on legitimate interests to do this."),
        ("p", "You have the right to object to how your information is used for these purposes. If you submit "
              "an objection, we'll send you an email confirming that we won't use your information for "
              "future development and improvement of generative AI models. If you've already objected, you "
              "don't need to submit another request."),
        ("link", "Object", fb_l(fb_n("help/contact/6359191084165019", SIOBHAN, "53"), "53b")),
        ("p", "Thanks,\nThe Meta Privacy Team"),
        fb_foot("en", SIOBHAN),
    ]))

# ============================ Suspicious ============================
MAILS.append(M(
    54, "en", "sus_wa_lookalike", "suspicious", suspicious_reason="lookalike", to=LUCAS,
    from_name="WhatsApp", from_addr="noreply@whatsapp-support.com", date="Thu, 11 Dec 2025 06:31:44 +0000",
    subject="Action required: confirm your objection to Meta AI", shape="text", charset="utf-8",
    cte="quoted-printable", auth="pass", **WA,
    trap="look-alike WhatsApp domain (whatsapp-support.com) with a passing DKIM for its own domain",
    blocks=[
        ("p", "Hi,"),
        ("p", "Your objection to Meta using your messages with AIs on WhatsApp could not be verified. Enter "
              "the code below within 24 hours, or your messages will be used to train AI at Meta."),
        ("code", "551203"),
        ("link", "Verify now", "https://whatsapp-support.com/verify/objection?id=" + _tok("54", 20)),
        ("footer", f"This email was sent to {LUCAS}.\n{WA_FOOT}"),
    ]))

MAILS.append(M(
    55, "pt", "sus_wa_nome_exibicao", "suspicious", suspicious_reason="display_name", to=BEA,
    from_name="WhatsApp", from_addr="atendimento@central-privacidade.example",
    date="Sun, 14 Dec 2025 22:48:03 -0300",
    subject="WhatsApp: sua objeção foi recusada", shape="alt", charset="utf-8", cte="quoted-printable",
    auth=None, **WA,
    trap="display name 'WhatsApp' on an unrelated domain",
    blocks=[
        ("p", "Olá,"),
        ("p", "Sua objeção ao uso das suas mensagens com IAs no WhatsApp foi recusada porque os dados "
              "informados estão incompletos. Para evitar que suas conversas sejam usadas, confirme seus dados "
              "em até 48 horas."),
        ("link", "Confirmar meus dados", "http://central-privacidade.example/wa/confirmar?c=" + _tok("55", 16)),
        ("footer", WA_FOOT),
    ]))

MAILS.append(M(
    56, "en", "sus_wa_auth_fail", "suspicious", suspicious_reason="auth_fail", to=THIAGO,
    from_name="WhatsApp", from_addr="noreply@whatsapp.com", date="Mon, 15 Dec 2025 03:12:57 +0000",
    subject="Your objection code: 664120", shape="text", charset="utf-8", cte="7bit", auth="fail", **WA,
    trap="genuine-looking whatsapp.com sender, but dkim/spf/dmarc fail",
    blocks=[
        ("p", "Hi,"),
        ("p", "Use code 664120 to confirm your objection. Your objection will expire if you don't confirm it "
              "today."),
        ("link", "Confirm", "http://wa-objection.example/confirm?u=" + _tok("56", 16)),
        ("footer", WA_FOOT),
    ]))

MAILS.append(M(
    57, "de", "sus_fb_lookalike_form", "suspicious", suspicious_reason="lookalike", to=MARKUS,
    from_name="Facebook", from_addr="security@facebookmail.com.example.net",
    date="Sat, 26 Apr 2025 23:05:48 +0200",
    subject="Dein Widerspruch: Bestätigungscode 71044", shape="html", charset="utf-8", cte="base64",
    auth="pass",
    trap="look-alike sender facebookmail.com.example.net; link copies the form id on a look-alike host",
    blocks=[
        ("p", "Hallo Markus,"),
        ("p", "um deinen Widerspruch gegen die Verwendung deiner Informationen für KI bei Meta abzuschließen, "
              "bestätige dein Konto innerhalb von 24 Stunden mit diesem Code. Andernfalls wird dein "
              "Widerspruch abgelehnt."),
        ("code", "71044"),
        ("link", "Widerspruch bestätigen",
         "https://facebook.com.example.net/help/contact/712876720715583?login=1"),
        fb_foot("de", MARKUS),
    ]))

# ============================ Irrelevant ============================
MAILS.append(M(
    58, "en", "bounce_reply_to_meta", "irrelevant", to=SARAH,
    from_name="Mail Delivery Subsystem", from_addr="mailer-daemon@mx.facebook.com",
    date="Thu, 11 Dec 2025 04:15:03 +0000",
    subject="Undelivered Mail Returned to Sender", shape="report", charset="utf-8", cte="7bit", auth=None,
    trap="bounce from Facebook's mail server of the user's reply to a third-party acknowledgement",
    blocks=[
        ("p", "This is the mail system at host mx.facebook.com."),
        ("p", "I'm sorry to have to inform you that your message could not be delivered to one or more "
              "recipients. The headers of your message are attached below."),
        ("p", "<noreply@support.facebook.com>: host mx.facebook.com said: 550 5.1.1 This mailbox does not "
              "accept incoming messages"),
    ],
    dsn=("Reporting-MTA: dns; mx.facebook.com\n"
         "Arrival-Date: Thu, 11 Dec 2025 04:14:58 +0000\n"
         "\n"
         "Final-Recipient: rfc822; noreply@support.facebook.com\n"
         "Action: failed\n"
         "Status: 5.1.1\n"
         "Diagnostic-Code: smtp; 550 5.1.1 This mailbox does not accept incoming messages\n"),
    orig_headers=(f"From: Sarah Mitchell <{SARAH}>\n"
                  "To: noreply@support.facebook.com\n"
                  "Subject: Re: We received your request\n"
                  "Date: Thu, 11 Dec 2025 04:14:51 +0000\n"
                  "Message-ID: <CAF3x9q2b7Lk@mail.example.com>\n"),
))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
