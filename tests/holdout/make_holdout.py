#!/usr/bin/env python3
"""Generate the held-out mail set for objection-tracker.

Written from the public field guide only (shared/field-guide/README.md), without
looking at the recogniser, its tests, fixtures or bench. Deterministic: running it
twice produces byte-identical .eml files and expected.toml.

    python3 tests/holdout/make_holdout.py            # writes next to this script
    python3 tests/holdout/make_holdout.py --check    # regenerate in memory, compare, self-check
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import html
import json
import re
import struct
import sys
import zlib
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------
# deterministic helpers
# --------------------------------------------------------------------------


def tok(seed: str, n: int = 16, alphabet: str = "0123456789abcdef") -> str:
    """Deterministic pseudo-random token."""
    out = []
    i = 0
    while len(out) < n:
        h = hashlib.sha256(f"{seed}#{i}".encode()).digest()
        out.extend(alphabet[b % len(alphabet)] for b in h)
        i += 1
    return "".join(out[:n])


B64ISH = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
DIGITS = "0123456789"


def tz(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


PDT = tz(-7)
PST = tz(-8)

# --------------------------------------------------------------------------
# link builders (the wrappers described in the field guide)
# --------------------------------------------------------------------------


def fb_n(path: str, addr: str, seed: str) -> str:
    """Facebook notification wrapper: www.facebook.com/n/?<encoded path>&aref=..&n_m=<addr>."""
    ts = "17" + tok(seed + "ts", 8, DIGITS)
    return (
        "https://www.facebook.com/n/?" + quote(path, safe="")
        + "&aref=" + ts
        + "&medium=email&mid=" + tok(seed + "mid", 13)
        + "&bcode=2." + ts + ".Ab" + tok(seed + "bc", 20, B64ISH)
        + "&n_m=" + quote(addr, safe="")
        + "&lloc=" + tok(seed + "ll", 6, "abcdefghijklmnopqrstuvwxyz") + "_link"
    )


def l_fb(target: str, seed: str) -> str:
    """Outbound redirector l.facebook.com/l.php?u=<target>&h=.."""
    return "https://l.facebook.com/l.php?u=" + quote(target, safe="") + "&h=AT" + tok(seed + "h", 40, B64ISH)


def l_ig(target: str, seed: str) -> str:
    """Outbound redirector l.instagram.com/?u=<target>&e=.."""
    return "https://l.instagram.com/?u=" + quote(target, safe="") + "&e=AT" + tok(seed + "e", 44, B64ISH)


def fb_unsub(addr: str, seed: str) -> str:
    return (
        "https://www.facebook.com/o.php?k=AS" + tok(seed + "k", 22, B64ISH)
        + "&u=1000" + tok(seed + "u", 11, DIGITS) + "&mid=" + tok(seed + "umid", 13)
        + "&n_m=" + quote(addr, safe="")
    )


def ig_remove(seed: str) -> str:
    return (
        "https://www.instagram.com/accounts/remove/revoke_wrong_email/?uidb36="
        + tok(seed + "uid", 6, "abcdefghijklmnopqrstuvwxyz0123456789")
        + "&token=" + tok(seed + "tk", 32, B64ISH) + "&nonce=" + tok(seed + "nc", 8, B64ISH)
    )


FB_PRIVACY = "https://www.facebook.com/privacy/policy/"
FB_CENTER = "https://www.facebook.com/privacy/center/"
FB_GENAI = "https://www.facebook.com/privacy/guide/genai"
IG_GENAI = "https://privacycenter.instagram.com/privacy/genai"
IG_POLICY = "https://privacycenter.instagram.com/policy/"
FB_FORM = "https://www.facebook.com/help/contact/712876720715583"
FB_FORM_2025 = "https://www.facebook.com/help/contact/6359191084165019"
IG_FORM = "https://help.instagram.com/contact/767264225370182"
IG_FORM_2025 = "https://help.instagram.com/contact/233964459562201"
ACC_FB = "https://accountscenter.facebook.com/"
ACC_IG = "https://accountscenter.instagram.com/"

PUNY_IG = "іnstagram".encode("idna").decode("ascii") + ".com"   # Cyrillic U+0456 in first place

# --------------------------------------------------------------------------
# footers (one Meta-style footer per language and platform)
# --------------------------------------------------------------------------

META_IE = "Meta Platforms Ireland Ltd., Attention: Community Operations, Merrion Road, Dublin 4, D04 X2K5, {country}"
IG_IE = "© Instagram. Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, D04 X2K5"

FB_FOOTER = {
    "en": "This message was sent to {addr}. If you don't want to receive these emails from Meta in the future, please [unsubscribe]({unsub}).\n" + META_IE.format(country="Ireland"),
    "de": "Diese Nachricht wurde an {addr} gesendet. Wenn du solche E-Mails von Meta künftig nicht mehr erhalten möchtest, kannst du dich [hier abmelden]({unsub}).\n" + META_IE.format(country="Irland"),
    "fr": "Ce message a été envoyé à {addr}. Si vous ne souhaitez plus recevoir ces e-mails de Meta, vous pouvez [vous désabonner]({unsub}).\n" + META_IE.format(country="Irlande"),
    "it": "Questo messaggio è stato inviato a {addr}. Se in futuro non vuoi più ricevere queste e-mail da Meta, [annulla l'iscrizione]({unsub}).\n" + META_IE.format(country="Irlanda"),
    "es": "Este mensaje se ha enviado a {addr}. Si no quieres recibir estos correos electrónicos de Meta en el futuro, [date de baja]({unsub}).\n" + META_IE.format(country="Irlanda"),
    "nl": "Dit bericht is verzonden naar {addr}. Als je deze e-mails van Meta in de toekomst niet meer wilt ontvangen, kun je je [afmelden]({unsub}).\n" + META_IE.format(country="Ierland"),
    "pt": "Esta mensagem foi enviada para {addr}. Se não quiser receber estes e-mails da Meta no futuro, [cancele a subscrição]({unsub}).\n" + META_IE.format(country="Irlanda"),
    "sv": "Det här meddelandet skickades till {addr}. Om du inte vill få sådana e-postmeddelanden från Meta i framtiden kan du [avsluta prenumerationen]({unsub}).\n" + META_IE.format(country="Irland"),
    "pl": "Ta wiadomość została wysłana na adres {addr}. Jeśli nie chcesz w przyszłości otrzymywać takich wiadomości e-mail od Meta, [anuluj subskrypcję]({unsub}).\n" + META_IE.format(country="Irlandia"),
    "da": "Denne meddelelse blev sendt til {addr}. Hvis du ikke længere vil modtage disse e-mails fra Meta, kan du [afmelde dem her]({unsub}).\n" + META_IE.format(country="Irland"),
    "nb": "Denne meldingen ble sendt til {addr}. Hvis du ikke ønsker å motta slike e-poster fra Meta i fremtiden, kan du [melde deg av]({unsub}).\n" + META_IE.format(country="Irland"),
    "fi": "Tämä viesti lähetettiin osoitteeseen {addr}. Jos et halua jatkossa saada näitä sähköposteja Metalta, voit [peruuttaa tilauksen]({unsub}).\n" + META_IE.format(country="Irlanti"),
    "el": "Αυτό το μήνυμα στάλθηκε στη διεύθυνση {addr}. Αν δεν θέλετε να λαμβάνετε στο μέλλον τέτοια email από τη Meta, μπορείτε να [διακόψετε την εγγραφή σας]({unsub}).\n" + META_IE.format(country="Ιρλανδία"),
    "hu": "Ezt az üzenetet a(z) {addr} címre küldtük. Ha a jövőben nem szeretnél ilyen e-maileket kapni a Metától, [itt leiratkozhatsz]({unsub}).\n" + META_IE.format(country="Írország"),
    "cs": "Tato zpráva byla odeslána na adresu {addr}. Pokud už od společnosti Meta nechcete tyto e-maily dostávat, můžete [zrušit jejich odběr]({unsub}).\n" + META_IE.format(country="Irsko"),
    "ro": "Acest mesaj a fost trimis la {addr}. Dacă nu mai vrei să primești astfel de e-mailuri de la Meta, te poți [dezabona]({unsub}).\n" + META_IE.format(country="Irlanda"),
}

IG_FOOTER = {
    "en": "This message was sent to {addr} and intended for {user}. Not your account? [Remove your email]({remove}) from this account.",
    "de": "Diese Nachricht wurde an {addr} gesendet und ist für {user} bestimmt. Nicht dein Konto? [Entferne deine E-Mail-Adresse]({remove}) von diesem Konto.",
    "fr": "Ce message a été envoyé à {addr} et est destiné à {user}. Ce n’est pas votre compte ? [Supprimez votre adresse e-mail]({remove}) de ce compte.",
    "it": "Questo messaggio è stato inviato a {addr} ed è destinato a {user}. Non è il tuo account? [Rimuovi il tuo indirizzo e-mail]({remove}) da questo account.",
    "es": "Este mensaje se ha enviado a {addr} y está destinado a {user}. ¿No es tu cuenta? [Elimina tu correo electrónico]({remove}) de esta cuenta.",
    "nl": "Dit bericht is verzonden naar {addr} en is bedoeld voor {user}. Is dit niet jouw account? [Verwijder je e-mailadres]({remove}) uit dit account.",
    "pt": "Esta mensagem foi enviada para {addr} e destina-se a {user}. Não é a sua conta? [Remova o seu e-mail]({remove}) desta conta.",
    "sv": "Det här meddelandet skickades till {addr} och var avsett för {user}. Är det inte ditt konto? [Ta bort din e-postadress]({remove}) från kontot.",
    "pl": "Ta wiadomość została wysłana na adres {addr} i jest przeznaczona dla użytkownika {user}. To nie Twoje konto? [Usuń swój adres e-mail]({remove}) z tego konta.",
    "fi": "Tämä viesti lähetettiin osoitteeseen {addr}, ja se oli tarkoitettu käyttäjälle {user}. Eikö tili ole sinun? [Poista sähköpostiosoitteesi]({remove}) tältä tililtä.",
    "cs": "Tato zpráva byla odeslána na adresu {addr} a je určena pro uživatele {user}. Nejde o váš účet? [Odeberte svůj e-mail]({remove}) z tohoto účtu.",
    "ro": "Acest mesaj a fost trimis la {addr} și era destinat utilizatorului {user}. Nu este contul tău? [Elimină adresa ta de e-mail]({remove}) din acest cont.",
    "hu": "Ezt az üzenetet a(z) {addr} címre küldtük, és {user} számára szól. Nem a te fiókod? [Távolítsd el az e-mail-címedet]({remove}) erről a fiókról.",
    "da": "Denne meddelelse blev sendt til {addr} og er tiltænkt {user}. Er det ikke din konto? [Fjern din e-mailadresse]({remove}) fra denne konto.",
    "el": "Αυτό το μήνυμα στάλθηκε στη διεύθυνση {addr} και προορίζεται για τον χρήστη {user}. Δεν είναι δικός σας ο λογαριασμός; [Καταργήστε το email σας]({remove}) από αυτόν τον λογαριασμό.",
}

# --------------------------------------------------------------------------
# rendering: paragraphs with [text](url) markup -> text/plain and text/html
# --------------------------------------------------------------------------

LINK_RE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def render_plain(paras: list[str], footer: str | None, link_style: str) -> str:
    def sub(m: re.Match) -> str:
        text, url = m.group(1), m.group(2)
        if link_style == "angle":
            return f"{text} <{url}>"
        if link_style == "newline":
            return f"{text}\n{url}\n"
        return f"{text}: {url}"

    out = []
    for p in paras:
        if p.startswith("!!"):
            p = p[2:]
        out.append(LINK_RE.sub(sub, p))
    text = "\n\n".join(out)
    if footer:
        text += "\n\n====================\n" + LINK_RE.sub(sub, footer)
    return text + "\n"


def _inline_html(p: str, color: str) -> str:
    pieces = []
    pos = 0
    for m in LINK_RE.finditer(p):
        pieces.append(html.escape(p[pos:m.start()], quote=False))
        pieces.append(
            f'<a href="{html.escape(m.group(2))}" style="color:{color};text-decoration:none">'
            f"{html.escape(m.group(1), quote=False)}</a>"
        )
        pos = m.end()
    pieces.append(html.escape(p[pos:], quote=False))
    return "".join(pieces).replace("\n", "<br>\n")


BRANDS = {
    "facebook": ("Facebook", "#0866ff"),
    "meta": ("Meta", "#0064e0"),
    "instagram": ("Instagram", "#00376b"),
    "plain": ("", "#1a0dab"),
}


def render_html(paras: list[str], footer: str | None, brand: str, lang: str, title: str,
                charset: str, logo_cid: str | None = None) -> str:
    name, color = BRANDS[brand]
    rows = []
    if logo_cid:
        rows.append(f'<tr><td style="padding:16px 24px"><img src="cid:{logo_cid}" width="32" height="32" alt="{name}"></td></tr>')
    elif name:
        rows.append(
            f'<tr><td style="padding:16px 24px;font-family:Helvetica,Arial,sans-serif;font-size:20px;'
            f'font-weight:bold;color:{color}">{name}</td></tr>'
        )
    for p in paras:
        if p.startswith("!!"):
            rows.append(
                '<tr><td style="padding:8px 24px;font-family:Helvetica,Arial,sans-serif;font-size:28px;'
                f'letter-spacing:4px;font-weight:bold;color:#1c1e21">{html.escape(p[2:])}</td></tr>'
            )
        else:
            rows.append(
                '<tr><td style="padding:8px 24px;font-family:Helvetica,Arial,sans-serif;font-size:16px;'
                f'line-height:22px;color:#1c1e21">{_inline_html(p, color)}</td></tr>'
            )
    if footer:
        rows.append(
            '<tr><td style="padding:24px;font-family:Helvetica,Arial,sans-serif;font-size:11px;'
            f'line-height:16px;color:#8a8d91;border-top:1px solid #e4e6eb">{_inline_html(footer, "#8a8d91")}</td></tr>'
        )
    body = "\n".join(rows)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n'
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n"
        '<body style="margin:0;padding:0;background-color:#ffffff">\n'
        '<table border="0" cellspacing="0" cellpadding="0" width="100%" style="max-width:600px;margin:0 auto">\n'
        f"{body}\n</table>\n</body>\n</html>\n"
    )


def tiny_png(rgb: tuple[int, int, int]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"\x00" + bytes(rgb)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------
# building one message
# --------------------------------------------------------------------------


def auth_pass(domain: str, seed: str) -> str:
    return (
        f"mx.example.com; dkim=pass header.d={domain} header.s=s1024-meo header.b={tok(seed + domain, 8, B64ISH)}; "
        f"spf=pass smtp.mailfrom={domain}; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from={domain}"
    )


def encode_header_text(text: str, charset: str, name: str) -> str:
    if all(ord(c) < 128 for c in text):
        return text
    return Header(text, charset, header_name=name).encode(linesep="\n")


def encode_addr(display: str | None, addr: str, charset: str = "utf-8") -> str:
    if not display:
        return addr
    return formataddr((display, addr), charset=charset)


def build(spec: dict) -> bytes:
    fname = spec["file"]
    msg = EmailMessage(policy=email.policy.default)
    for name, value in spec.get("pre_headers", []):
        msg.set_raw(name, value)
    auth = spec.get("auth", "pass")
    from_name, from_addr = spec["from"]
    from_domain = from_addr.split("@", 1)[1]
    if auth == "pass":
        msg.set_raw("Authentication-Results", auth_pass(spec.get("dkim_domain", from_domain), fname))
    elif auth:
        msg.set_raw("Authentication-Results", auth)
    if auth is not None:
        relay = spec.get("relay", "mx-out." + from_domain)
        if "(" not in relay:
            relay += f" ({spec.get('relay_ip', '69.171.232.' + str(int(tok(fname, 2, DIGITS)) + 100))})"
        msg.set_raw(
            "Received",
            f"from {relay} by mx.example.com with ESMTPS id {tok(fname + 'rcv', 12, 'ABCDEF0123456789')}; "
            + format_datetime(spec["date"] + timedelta(seconds=3)),
        )
    for name, value in spec.get("mid_headers", []):
        msg.set_raw(name, value)
    msg.set_raw("From", encode_addr(from_name, from_addr, spec.get("from_charset", "utf-8")))
    to_name, to_addr = spec["to"]
    msg.set_raw("To", encode_addr(to_name, to_addr, spec.get("to_charset", "utf-8")))
    msg.set_raw("Subject", encode_header_text(spec["subject"], spec.get("subject_charset", "utf-8"), "Subject"))
    msg.set_raw("Date", format_datetime(spec["date"]))
    msg.set_raw("Message-ID", f"<{tok(fname + 'msgid', 24)}@{spec.get('msgid_domain', from_domain)}>")
    msg.set_raw("MIME-Version", "1.0")
    for name, value in spec.get("headers", []):
        msg.set_raw(name, value)

    paras = spec["paras"]
    footer = spec.get("footer")
    charset = spec["charset"]
    cte = spec["cte"]
    shape = spec["shape"]
    brand = spec.get("brand", "facebook")
    plain = render_plain(paras, footer, spec.get("link_style", "angle"))
    related = shape.endswith("+logo")
    shape = shape.replace("+logo", "")
    logo_cid = f"logo.{tok(fname + 'cid', 10)}@{from_domain}" if related else None
    html_text = render_html(paras, footer, brand, spec["lang"], spec["subject"], charset, logo_cid)
    try:
        "©".encode(charset)
    except UnicodeEncodeError:   # e.g. iso-8859-2: real senders fall back to an entity / "(c)"
        plain = plain.replace("©", "(c)")
        html_text = html_text.replace("©", "&copy;")
    for label, text in (("text/plain", plain), ("text/html", html_text)):
        try:
            text.encode(charset)
        except UnicodeEncodeError as exc:
            raise SystemExit(f"{fname}: {label} not encodable in {charset}: {exc}") from None

    if shape == "plain":
        msg.set_content(plain, subtype="plain", charset=charset, cte=cte)
    elif shape == "html":
        msg.set_content(html_text, subtype="html", charset=charset, cte=cte)
    elif shape == "alt":
        msg.set_content(plain, subtype="plain", charset=charset, cte=cte)
        msg.add_alternative(html_text, subtype="html", charset=charset, cte=spec.get("html_cte", cte))
    else:
        raise ValueError(shape)
    if related:
        target = msg if shape == "html" else msg.get_payload()[1]
        colour = {"facebook": (8, 102, 255), "instagram": (225, 48, 108), "meta": (0, 100, 224)}.get(brand, (0, 0, 0))
        target.add_related(tiny_png(colour), maintype="image", subtype="png", cid=f"<{logo_cid}>",
                           filename="logo.png", disposition="inline")

    # deterministic boundaries; MIME-Version belongs on the top level only
    n = 0
    for part in msg.walk():
        if part is not msg and "MIME-Version" in part:
            del part["MIME-Version"]
        if part.is_multipart():
            part.set_boundary(f"b{n}_{tok(fname + 'bnd' + str(n), 28)}")
            n += 1
    return msg.as_bytes(policy=email.policy.default.clone(linesep="\r\n" if spec.get("crlf") else "\n"))


# --------------------------------------------------------------------------
# the 66 mails
# --------------------------------------------------------------------------

MAILS: list[dict] = []


def add(expected: dict, **spec) -> None:
    spec["file"] = expected["file"]
    spec.setdefault("lang", expected.get("language"))
    MAILS.append({"spec": spec, "expected": expected})


def fb_footer(lang: str, addr: str, seed: str) -> str:
    return FB_FOOTER[lang].format(addr=addr, unsub=fb_unsub(addr, seed))


def ig_footer(lang: str, addr: str, user: str, seed: str) -> str:
    return IG_FOOTER[lang].format(addr=addr, user=user, remove=ig_remove(seed)) + "\n" + IG_IE


FB_NOREPLY = ("Facebook", "noreply@facebookmail.com")
FB_NOTIFY = ("Facebook", "notification@facebookmail.com")
FB_SECURITY = ("Facebook", "security@facebookmail.com")
META_PRIVACY = ("Meta", "noreply@facebookmail.com")
IG_NOREPLY = ("Instagram", "no-reply@mail.instagram.com")
IG_SECURITY = ("Instagram", "security@mail.instagram.com")


# ==========================================================================
# 16 confirmations, one per language
# ==========================================================================

# da — Facebook, 2024 style; To in mixed case; latin-1 quoted-printable, alternative
_a = "Mette.Hansen@Example.net"
add(
    dict(file="da_facebook_confirmation_2024.eml", kind="confirmation", platform="facebook",
         account="mette.hansen@example.net", address="mette.hansen@example.net", language="da",
         note="2024-style Danish confirmation; To header in mixed case, account must be lower-cased; latin-1 QP"),
    **{"from": FB_NOREPLY}, to=("Mette Hansen", _a), date=datetime(2024, 6, 4, 9, 12, 40, tzinfo=PDT),
    subject="Vi har gennemgået din anmodning", subject_charset="iso-8859-1",
    charset="iso-8859-1", cte="quoted-printable", shape="alt",
    paras=[
        "Hej Mette",
        "Tak, fordi du kontaktede os. Vi har nu gennemgået din anmodning om at gøre indsigelse mod, at dine oplysninger bruges til at udvikle og forbedre AI hos Meta.",
        "Vi vil efterkomme din indsigelse. Det betyder, at den gælder fra nu af og fremadrettet.",
        "Du kan altid læse mere om, hvordan vi behandler oplysninger, i vores [privatlivspolitik](" + l_fb(FB_PRIVACY, "da1") + ").",
        "Venlig hilsen\nPrivatlivsteamet hos Meta",
    ],
    footer=fb_footer("da", "mette.hansen@example.net", "da1"), brand="meta",
)

# fi — Instagram, 2025 style incl. Accounts Centre; utf-8 base64 html-only
add(
    dict(file="fi_instagram_confirmation_2025.eml", kind="confirmation", platform="instagram",
         account="ainovirtanen_", address="aino.virtanen@example.org", language="fi",
         covers_linked_accounts=True,
         note="2025-style Finnish confirmation covering other accounts in the same Tilikeskus (Accounts Centre); base64 html-only"),
    **{"from": IG_NOREPLY}, to=(None, "aino.virtanen@example.org"), date=datetime(2025, 4, 23, 14, 2, 5, tzinfo=PDT),
    subject="Vastaus vastustamispyyntöösi", charset="utf-8", cte="base64", shape="html", brand="instagram",
    paras=[
        "Hei ainovirtanen_,",
        "kiitos yhteydenotostasi. Noudatamme vastustustasi, joka koskee julkisia tietojasi, kuten julkisia julkaisujasi ja kommenttejasi. Emme siis jatkossa käytä Facebookista ja Instagramista peräisin olevia julkisia tietojasi generatiivisten tekoälymallien kehittämiseen ja parantamiseen.",
        "Vastustus koskee myös kaikkia muita tilejä, jotka olet lisännyt samaan Tilikeskukseen tämän tilin kanssa. Voit tarkistaa liitetyt tilit [Tilikeskuksessa](" + l_ig(ACC_IG, "fi1") + ").",
        "Lisätietoja tekoälystä Metalla löydät [Tietosuojakeskuksesta](" + l_ig(IG_GENAI, "fi1b") + ").",
        "Instagram-tiimi",
    ],
    footer=ig_footer("fi", "aino.virtanen@example.org", "ainovirtanen_", "fi1"),
)

# nb — Facebook, 2025 style incl. Kontosenter; latin-1 8bit html-only
add(
    dict(file="nb_facebook_confirmation_2025.eml", kind="confirmation", platform="facebook",
         account="jonas.berg@example.net", address="jonas.berg@example.net", language="nb",
         covers_linked_accounts=True,
         note="2025-style Norwegian Bokmål confirmation that also covers other accounts in the same Kontosenter; latin-1 8bit html-only"),
    **{"from": FB_NOREPLY}, to=("Jonas Berg", "jonas.berg@example.net"), date=datetime(2025, 4, 28, 7, 45, 0, tzinfo=PDT),
    subject="Svar på innsigelsen din", charset="iso-8859-1", cte="8bit", shape="html", brand="facebook",
    paras=[
        "Hei Jonas,",
        "Vi kommer til å ta hensyn til innsigelsen din når det gjelder den offentlige informasjonen din, for eksempel offentlige innlegg og kommentarer. Det betyr at vi ikke vil bruke offentlig informasjon fra Facebook og Instagram til videre utvikling og forbedring av generative AI-modeller.",
        "Innsigelsen blir også tatt til følge for alle andre kontoer du har lagt til i det samme Kontosenteret som denne kontoen.",
        "Du finner mer informasjon i [Personvernsenteret](" + fb_n("privacy/center/", "jonas.berg@example.net", "nb1") + ").",
        "Hilsen\nPersonvernteamet i Meta",
    ],
    footer=fb_footer("nb", "jonas.berg@example.net", "nb1"),
)

# cs — Instagram, 2024 style; iso-8859-2 QP, alternative
add(
    dict(file="cs_instagram_confirmation_2024.eml", kind="confirmation", platform="instagram",
         account="tereza.nov", address="tereza.novakova@example.com", language="cs",
         note="2024-style Czech confirmation (námitce vyhovíme / do budoucna); iso-8859-2 QP; username contains a dot"),
    **{"from": IG_NOREPLY}, to=(None, "tereza.novakova@example.com"), date=datetime(2024, 6, 7, 11, 30, 12, tzinfo=PDT),
    subject="Vaše žádost byla posouzena", subject_charset="iso-8859-2",
    charset="iso-8859-2", cte="quoted-printable", shape="alt", brand="instagram",
    paras=[
        "Dobrý den, tereza.nov,",
        "děkujeme, že jste nás kontaktovali. Posoudili jsme vaši žádost týkající se námitky proti používání vašich informací k vývoji a zlepšování AI ve společnosti Meta.",
        "Vaší námitce vyhovíme. To znamená, že se bude uplatňovat do budoucna.",
        "Další informace najdete v našich [Zásadách ochrany osobních údajů](" + l_ig(IG_POLICY, "cs1") + ").",
        "Tým Instagramu",
    ],
    footer=ig_footer("cs", "tereza.novakova@example.com", "tereza.nov", "cs1"),
)

# el — Facebook, 2025 style incl. Κέντρο λογαριασμών; iso-8859-7 base64 alternative
add(
    dict(file="el_facebook_confirmation_2025.eml", kind="confirmation", platform="facebook",
         account="nikos.papadopoulos@example.com", address="nikos.papadopoulos@example.com", language="el",
         covers_linked_accounts=True,
         note="2025-style Greek confirmation (εναντίωση) incl. other accounts in the same Κέντρο λογαριασμών; iso-8859-7 base64, ISO-8859-7 encoded subject and display name"),
    **{"from": FB_NOREPLY}, to=("Νίκος Παπαδόπουλος", "nikos.papadopoulos@example.com"), to_charset="iso-8859-7",
    date=datetime(2025, 5, 2, 16, 20, 33, tzinfo=PDT),
    subject="Ενημέρωση σχετικά με το αίτημα εναντίωσής σας", subject_charset="iso-8859-7",
    charset="iso-8859-7", cte="base64", shape="alt", brand="facebook",
    paras=[
        "Γεια σας Νίκο,",
        "Θα σεβαστούμε την εναντίωσή σας όσον αφορά τις δημόσιες πληροφορίες σας, όπως οι δημόσιες δημοσιεύσεις και τα σχόλιά σας. Αυτό σημαίνει ότι δεν θα χρησιμοποιούμε τις δημόσιες πληροφορίες σας από το Facebook και το Instagram για τη μελλοντική ανάπτυξη και βελτίωση μοντέλων παραγωγικής τεχνητής νοημοσύνης.",
        "Η εναντίωσή σας θα ισχύει επίσης για τυχόν άλλους λογαριασμούς που έχετε προσθέσει στο ίδιο Κέντρο λογαριασμών με αυτόν τον λογαριασμό.",
        "Μάθετε περισσότερα στο [Κέντρο απορρήτου](" + l_fb(FB_GENAI, "el1") + ").",
        "Η ομάδα απορρήτου της Meta",
    ],
    footer=fb_footer("el", "nikos.papadopoulos@example.com", "el1"),
)

# ro — Instagram, 2024 style; utf-8 8bit html-only
add(
    dict(file="ro_instagram_confirmation_2024.eml", kind="confirmation", platform="instagram",
         account="andrei_pop", address="andrei.popescu@example.net", language="ro",
         note="2024-style Romanian confirmation (vom da curs obiecției, de acum înainte); utf-8 8bit html-only, comma-below ș/ț"),
    **{"from": IG_NOREPLY}, to=(None, "andrei.popescu@example.net"), date=datetime(2024, 6, 11, 8, 5, 51, tzinfo=PDT),
    subject="Am analizat solicitarea ta", charset="utf-8", cte="8bit", shape="html", brand="instagram",
    paras=[
        "Bună, andrei_pop,",
        "Îți mulțumim că ne-ai contactat. Am analizat solicitarea prin care te opui utilizării informațiilor tale pentru dezvoltarea și îmbunătățirea AI la Meta și vom da curs obiecției tale.",
        "Aceasta înseamnă că solicitarea ta se va aplica de acum înainte.",
        "Poți afla mai multe despre modul în care folosim informațiile în [Politica de confidențialitate](" + l_ig(IG_POLICY, "ro1") + ").",
        "Echipa Instagram",
    ],
    footer=ig_footer("ro", "andrei.popescu@example.net", "andrei_pop", "ro1"),
)

# hu — Facebook, 2025 style incl. Fiókközpont; windows-1250 8bit alternative; encoded display name
add(
    dict(file="hu_facebook_confirmation_2025.eml", kind="confirmation", platform="facebook",
         account="eszter.kovacs@example.com", address="eszter.kovacs@example.com", language="hu",
         covers_linked_accounts=True,
         note="2025-style Hungarian confirmation (tiltakozás) incl. other accounts in the same Fiókközpont; windows-1250 8bit; non-ASCII display name in To"),
    **{"from": FB_NOREPLY}, to=("Kovács Eszter", "eszter.kovacs@example.com"),
    date=datetime(2025, 4, 25, 19, 40, 2, tzinfo=PDT),
    subject="Döntés a tiltakozásodról", subject_charset="iso-8859-2",
    charset="windows-1250", cte="8bit", shape="alt", brand="facebook",
    paras=[
        "Szia Eszter!",
        "Tiszteletben tartjuk a nyilvános információidra – például a nyilvános bejegyzéseidre és hozzászólásaidra – vonatkozó tiltakozásodat. Ez azt jelenti, hogy a Facebookról és az Instagramról származó nyilvános információidat a jövőben nem használjuk fel generatív MI-modellek fejlesztéséhez és továbbfejlesztéséhez.",
        "A tiltakozásodat azokra a további fiókokra is alkalmazzuk, amelyeket ugyanahhoz a Fiókközponthoz adtál hozzá, mint ezt a fiókot.",
        "További információkat az [Adatvédelmi központban](" + fb_n("privacy/center/", "eszter.kovacs@example.com", "hu1") + ") találsz.",
        "Üdvözlettel:\na Meta adatvédelmi csapata",
    ],
    footer=fb_footer("hu", "eszter.kovacs@example.com", "hu1"),
)

# it — Instagram, 2025 style incl. Centro gestione account; utf-8 QP alternative
add(
    dict(file="it_instagram_confirmation_2025.eml", kind="confirmation", platform="instagram",
         account="giuliaromano.ph", address="giulia.romano@example.com", language="it",
         covers_linked_accounts=True,
         note="2025-style Italian confirmation incl. other accounts in the same Centro gestione account; utf-8 QP"),
    **{"from": IG_NOREPLY}, to=("Giulia Romano", "giulia.romano@example.com"), date=datetime(2025, 4, 30, 10, 11, 9, tzinfo=PDT),
    subject="Aggiornamento sulla tua richiesta di opposizione", charset="utf-8", cte="quoted-printable", shape="alt",
    brand="instagram",
    paras=[
        "Ciao giuliaromano.ph,",
        "abbiamo esaminato la tua richiesta e abbiamo deciso di accogliere la tua opposizione per quanto riguarda le tue informazioni pubbliche, come post e commenti pubblici. Ciò significa che non useremo le tue informazioni pubbliche provenienti da Facebook e Instagram per lo sviluppo e il miglioramento futuri dei modelli di IA generativa.",
        "L'opposizione verrà rispettata anche per tutti gli altri account che hai aggiunto allo stesso Centro gestione account di questo account.",
        "Per saperne di più, visita il [Centro sulla privacy](" + l_ig(IG_GENAI, "it1") + ").",
        "Il team di Instagram",
    ],
    footer=ig_footer("it", "giulia.romano@example.com", "giuliaromano.ph", "it1"),
)

# es — Facebook, 2024 style; windows-1252 QP html-only
add(
    dict(file="es_facebook_confirmation_2024.eml", kind="confirmation", platform="facebook",
         account="lucia.garcia@example.com", address="lucia.garcia@example.com", language="es",
         note="2024-style Spanish confirmation (atenderemos tu oposición, a partir de ahora); windows-1252 QP html-only"),
    **{"from": FB_NOREPLY}, to=("Lucía García", "lucia.garcia@example.com"), to_charset="iso-8859-1",
    date=datetime(2024, 6, 6, 13, 58, 44, tzinfo=PDT),
    subject="Hemos revisado tu solicitud", charset="windows-1252", cte="quoted-printable", shape="html", brand="meta",
    paras=[
        "Hola, Lucía:",
        "Hemos revisado la solicitud que enviaste para oponerte al uso de tu información con el fin de desarrollar y mejorar la IA de Meta, y vamos a atender tu oposición.",
        "Esto significa que tu solicitud se aplicará a partir de ahora.",
        "Si quieres saber más sobre cómo usamos la información, consulta nuestra [Política de privacidad](" + fb_n("privacy/policy/", "lucia.garcia@example.com", "es1") + ").",
        "Gracias,\nEl equipo de privacidad de Meta",
    ],
    footer=fb_footer("es", "lucia.garcia@example.com", "es1"),
)

# nl — Instagram, 2024 style; utf-8 base64 alternative with related logo
add(
    dict(file="nl_instagram_confirmation_2024.eml", kind="confirmation", platform="instagram",
         account="sannedv", address="sanne.devries@example.com", language="nl",
         note="2024-style Dutch confirmation (gehoor geven aan je bezwaar, vanaf nu); base64, multipart/alternative with multipart/related inline logo"),
    **{"from": IG_NOREPLY}, to=(None, "sanne.devries@example.com"), date=datetime(2024, 6, 5, 17, 3, 27, tzinfo=PDT),
    subject="Je verzoek is beoordeeld", charset="utf-8", cte="base64", shape="alt+logo", brand="instagram",
    paras=[
        "Hoi sannedv,",
        "Bedankt voor je bericht. We hebben je verzoek beoordeeld en we geven gehoor aan je bezwaar tegen het gebruik van je informatie voor het ontwikkelen en verbeteren van AI bij Meta.",
        "Dit betekent dat je verzoek vanaf nu wordt toegepast.",
        "Meer informatie vind je in ons [Privacybeleid](" + l_ig(IG_POLICY, "nl1") + ").",
        "Het Instagram-team",
    ],
    footer=ig_footer("nl", "sanne.devries@example.com", "sannedv", "nl1"),
)

# pt — Facebook, 2025 style WITHOUT the Accounts Centre sentence; latin-1 QP alternative
add(
    dict(file="pt_facebook_confirmation_2025.eml", kind="confirmation", platform="facebook",
         account="joao.silva@example.com", address="joao.silva@example.com", language="pt",
         note="2025-style European Portuguese confirmation that does NOT mention other accounts: covers_linked_accounts must stay unset/false; latin-1 QP"),
    **{"from": FB_NOREPLY}, to=("João Silva", "joao.silva@example.com"), to_charset="iso-8859-1",
    date=datetime(2025, 5, 6, 12, 14, 0, tzinfo=PDT),
    subject="Atualização sobre o seu pedido de oposição", subject_charset="iso-8859-1",
    charset="iso-8859-1", cte="quoted-printable", shape="alt", brand="facebook",
    paras=[
        "Olá, João,",
        "Analisámos o seu pedido. Vamos respeitar a sua oposição no que diz respeito às suas informações públicas, como publicações e comentários públicos.",
        "Isto significa que não utilizaremos as suas informações públicas do Facebook no desenvolvimento e na melhoria futuros de modelos de IA generativa.",
        "Pode saber mais na nossa [Política de Privacidade](" + fb_n("privacy/policy/", "joao.silva@example.com", "pt1") + ").",
        "Com os melhores cumprimentos,\nA equipa de privacidade da Meta",
    ],
    footer=fb_footer("pt", "joao.silva@example.com", "pt1"),
)

# sv — Instagram, 2025 style incl. Kontocenter; utf-8 8bit alternative
add(
    dict(file="sv_instagram_confirmation_2025.eml", kind="confirmation", platform="instagram",
         account="eriklindqvist", address="erik.lindqvist@example.com", language="sv",
         covers_linked_accounts=True,
         note="2025-style Swedish confirmation incl. other accounts in the same Kontocenter; utf-8 8bit"),
    **{"from": IG_NOREPLY}, to=(None, "erik.lindqvist@example.com"), date=datetime(2025, 4, 19, 21, 7, 19, tzinfo=PDT),
    subject="Vi har behandlat din invändning", charset="utf-8", cte="8bit", shape="alt", brand="instagram",
    link_style="angle",
    paras=[
        "Hej eriklindqvist!",
        "Vi kommer att respektera din invändning när det gäller din offentliga information, till exempel offentliga inlägg och kommentarer. Det innebär att vi inte kommer att använda din offentliga information från Facebook och Instagram för framtida utveckling och förbättring av generativa AI-modeller.",
        "Invändningen gäller även alla andra konton som du har lagt till i samma Kontocenter som det här kontot.",
        "Läs mer i [Integritetscenter](" + l_ig(IG_GENAI, "sv1") + ").",
        "Instagram-teamet",
    ],
    footer=ig_footer("sv", "erik.lindqvist@example.com", "eriklindqvist", "sv1"),
)

# pl — Facebook, 2024 style; iso-8859-2 base64 html-only
add(
    dict(file="pl_facebook_confirmation_2024.eml", kind="confirmation", platform="facebook",
         account="katarzyna.wisniewska@example.com", address="katarzyna.wisniewska@example.com", language="pl",
         note="2024-style Polish confirmation (uwzględnimy sprzeciw, od teraz); iso-8859-2 base64 html-only"),
    **{"from": FB_NOREPLY}, to=("Katarzyna Wiśniewska", "katarzyna.wisniewska@example.com"),
    date=datetime(2024, 6, 10, 6, 49, 3, tzinfo=PDT),
    subject="Twój wniosek został rozpatrzony", subject_charset="iso-8859-2",
    charset="iso-8859-2", cte="base64", shape="html", brand="meta",
    paras=[
        "Cześć Katarzyno,",
        "dziękujemy za kontakt. Rozpatrzyliśmy Twój wniosek dotyczący wykorzystywania Twoich informacji do rozwijania i ulepszania AI w Meta i uwzględnimy zgłoszony przez Ciebie sprzeciw.",
        "Oznacza to, że Twój wniosek będzie stosowany od tej chwili.",
        "Więcej informacji znajdziesz w naszej [Polityce prywatności](" + fb_n("privacy/policy/", "katarzyna.wisniewska@example.com", "pl1") + ").",
        "Zespół ds. prywatności Meta",
    ],
    footer=fb_footer("pl", "katarzyna.wisniewska@example.com", "pl1"),
)

# fr — Instagram, 2025 style incl. Espace Comptes; windows-1252 QP alternative
add(
    dict(file="fr_instagram_confirmation_2025.eml", kind="confirmation", platform="instagram",
         account="camille.mrtn", address="camille.martin@example.com", language="fr",
         covers_linked_accounts=True,
         note="2025-style French confirmation (nous donnerons suite à votre opposition) incl. other accounts in the same Espace Comptes; windows-1252 QP with typographic apostrophes"),
    **{"from": IG_NOREPLY}, to=(None, "camille.martin@example.com"), date=datetime(2025, 5, 12, 9, 31, 47, tzinfo=PDT),
    subject="Votre demande d’opposition", subject_charset="utf-8",
    charset="windows-1252", cte="quoted-printable", shape="alt", brand="instagram",
    paras=[
        "Bonjour camille.mrtn,",
        "Nous donnerons suite à votre opposition concernant vos informations publiques, telles que vos publications et commentaires publics. Cela signifie que nous n’utiliserons pas vos informations publiques issues de Facebook et d’Instagram pour le développement et l’amélioration futurs de modèles d’IA générative.",
        "Votre opposition s’appliquera également à tous les autres comptes que vous avez ajoutés au même Espace Comptes que ce compte.",
        "Pour en savoir plus, consultez l’[Espace confidentialité](" + l_ig(IG_GENAI, "fr1") + ").",
        "L’équipe Instagram",
    ],
    footer=ig_footer("fr", "camille.martin@example.com", "camille.mrtn", "fr1"),
)

# de — Facebook, 2024 style (Widerspruch stattgegeben); utf-8 QP alternative
add(
    dict(file="de_facebook_confirmation_2024.eml", kind="confirmation", platform="facebook",
         account="lukas.schneider@example.com", address="lukas.schneider@example.com", language="de",
         note="2024-style German confirmation (Widerspruch stattgegeben, ab sofort); utf-8 QP"),
    **{"from": FB_NOREPLY}, to=("Lukas Schneider", "lukas.schneider@example.com"),
    date=datetime(2024, 6, 3, 22, 18, 10, tzinfo=PDT),
    subject="Deine Anfrage wurde bearbeitet", charset="utf-8", cte="quoted-printable", shape="alt", brand="meta",
    paras=[
        "Hallo Lukas,",
        "vielen Dank für deine Nachricht. Wir haben deinen Antrag geprüft und geben deinem Widerspruch gegen die Verwendung deiner Informationen für die Entwicklung und Verbesserung von KI bei Meta statt.",
        "Das bedeutet, dass dein Widerspruch ab jetzt für die Zukunft gilt.",
        "Mehr dazu erfährst du in unserer [Datenschutzrichtlinie](" + fb_n("privacy/policy/", "lukas.schneider@example.com", "de1") + ").",
        "Dein Datenschutz-Team von Meta",
    ],
    footer=fb_footer("de", "lukas.schneider@example.com", "de1"),
)

# en — Instagram, UK 2024 style ("honour"); us-ascii 7bit text/plain only
add(
    dict(file="en_instagram_confirmation_2024.eml", kind="confirmation", platform="instagram",
         account="olly_hughes", address="oliver.hughes@example.org", language="en",
         note="UK 2024-style English confirmation (honour, going forward); text/plain only, 7bit; no Authentication-Results header"),
    **{"from": IG_NOREPLY}, to=(None, "oliver.hughes@example.org"), date=datetime(2024, 10, 2, 15, 26, 38, tzinfo=tz(1)),
    auth=None,
    subject="An update on your objection request", charset="us-ascii", cte="7bit", shape="plain", brand="instagram",

    paras=[
        "Hi olly_hughes,",
        "Thanks for getting in touch. We've now looked at your request, and we will honour your objection to your information being used to develop and improve AI at Meta.",
        "Your objection will be applied going forward.",
        "You can read more about how we use information in our Privacy Policy:\n" + IG_POLICY,
        "The Instagram team",
    ],
    footer=IG_FOOTER["en"].format(addr="oliver.hughes@example.org", user="olly_hughes", remove=ig_remove("en1")).replace("©", "(c)")
    + "\nMeta Platforms Ireland Ltd., Merrion Road, Dublin 4, D04 X2K5",
)

# ==========================================================================
# 10 rejections
# ==========================================================================

SUPPORT_FB = ("Facebook", "case-reply@support.facebook.com")

add(
    dict(file="en_facebook_rejection_need_prompts.eml", kind="rejection", platform="facebook",
         account="daniel.wright@example.com", address="daniel.wright@example.com", language="en",
         note="reply asking for prompts and screenshots before the request is reviewed; from support.facebook.com (genuine Meta subdomain); user must act"),
    **{"from": SUPPORT_FB}, to=("Daniel Wright", "daniel.wright@example.com"),
    date=datetime(2024, 6, 12, 10, 2, 0, tzinfo=PDT),
    subject="Re: Your request about AI at Meta [Case #" + tok("enrj1case", 15, DIGITS) + "]",
    charset="utf-8", cte="quoted-printable", shape="alt", brand="meta",
    paras=[
        "Hi Daniel,",
        "Thanks for contacting us. Requests submitted through this form aren't fulfilled automatically: we review each one in line with the laws that apply where you live.",
        "Before we can look into this, we need more information from you. Please reply to this email with:\n"
        "- the prompts you entered that resulted in your personal information appearing in a response from an AI at Meta model, and\n"
        "- screenshots of those responses.",
        "If we don't hear back from you, we won't be able to take any further action on your request.",
        "Thanks,\nPrivacy Operations",
    ],
    footer=fb_footer("en", "daniel.wright@example.com", "enrj1"),
)

add(
    dict(file="de_facebook_rejection_refused.eml", kind="rejection", platform="facebook",
         account="anna.mueller@example.com", address="anna.mueller@example.com", language="de",
         note="German refusal: the confirmation phrase appears negated ('können … nicht stattgeben'); must not be read as a confirmation"),
    **{"from": FB_NOREPLY}, to=("Anna Müller", "anna.mueller@example.com"),
    date=datetime(2024, 6, 9, 8, 0, 21, tzinfo=PDT),
    subject="Deine Anfrage zu KI bei Meta", charset="utf-8", cte="base64", shape="alt", brand="meta",
    paras=[
        "Hallo Anna,",
        "wir haben deinen Antrag sorgfältig geprüft. Leider können wir deinem Widerspruch gegen die Verwendung deiner Informationen für KI bei Meta nicht stattgeben.",
        "Nach Abwägung der Angaben, die du uns gemacht hast, überwiegen in diesem Fall unsere berechtigten Interessen an der Verarbeitung. Wir verarbeiten deine Informationen daher weiterhin wie in unserer [Datenschutzrichtlinie](" + fb_n("privacy/policy/", "anna.mueller@example.com", "derj") + ") beschrieben.",
        "Wenn du mit dieser Entscheidung nicht einverstanden bist, kannst du dich an deine zuständige Datenschutzaufsichtsbehörde wenden.",
        "Dein Datenschutz-Team von Meta",
    ],
    footer=fb_footer("de", "anna.mueller@example.com", "derj"),
)

add(
    dict(file="fr_instagram_rejection_cannot_process.eml", kind="rejection", platform="instagram",
         account="lea_dubois", address="lea.dubois@example.com", language="fr",
         note="French 'cannot process' reply that links back to the objection form to resubmit: still a rejection, not a notice"),
    **{"from": IG_NOREPLY}, to=(None, "lea.dubois@example.com"), date=datetime(2024, 6, 8, 18, 44, 5, tzinfo=PDT),
    subject="Nous n’avons pas pu traiter votre demande", charset="utf-8", cte="quoted-printable", shape="html",
    brand="instagram",
    paras=[
        "Bonjour lea_dubois,",
        "Nous ne sommes pas en mesure de traiter votre demande d’opposition, car l’adresse e-mail indiquée dans le formulaire ne correspond à aucun compte Instagram.",
        "Si vous souhaitez toujours vous opposer à l’utilisation de vos informations pour l’IA chez Meta, veuillez envoyer une nouvelle demande depuis [ce formulaire](" + l_ig(IG_FORM + "?utm_source=email", "frrj") + ") en utilisant l’adresse associée à votre compte.",
        "L’équipe Instagram",
    ],
    footer=ig_footer("fr", "lea.dubois@example.com", "lea_dubois", "frrj"),
)

add(
    dict(file="nl_facebook_rejection_more_info.eml", kind="rejection", platform="facebook",
         account="daan.jansen@example.com", address="daan.jansen@example.com", language="nl",
         note="Dutch 'need more information' (explain the impact, resubmit via the form, wrapped /n/ link); from support.facebook.com"),
    **{"from": SUPPORT_FB}, to=("Daan Jansen", "daan.jansen@example.com"), date=datetime(2024, 6, 7, 9, 9, 9, tzinfo=PDT),
    subject="Aanvullende informatie nodig voor je verzoek", charset="iso-8859-1", cte="quoted-printable", shape="alt",
    subject_charset="iso-8859-1", brand="facebook",
    paras=[
        "Hallo Daan,",
        "Bedankt voor je verzoek. Op basis van de informatie die je hebt gegeven, kunnen we je bezwaar nog niet beoordelen.",
        "Leg ons alsjeblieft uit op welke manier deze verwerking van je gegevens gevolgen voor je heeft, en dien je verzoek daarna opnieuw in via [het formulier](" + fb_n("help/contact/712876720715583", "daan.jansen@example.com", "nlrj") + ").",
        "Zonder deze informatie kunnen we je verzoek niet verder in behandeling nemen.",
        "Met vriendelijke groet,\nHet privacyteam van Meta",
    ],
    footer=fb_footer("nl", "daan.jansen@example.com", "nlrj"),
)

add(
    dict(file="es_instagram_rejection_refused.eml", kind="rejection", platform="instagram",
         account="pablo.mtz", address="pablo.martinez@example.com", language="es",
         note="Spanish refusal ('no podemos aceptar tu oposición'): negated confirmation phrase"),
    **{"from": IG_NOREPLY}, to=(None, "pablo.martinez@example.com"), date=datetime(2024, 6, 13, 7, 21, 56, tzinfo=PDT),
    subject="Respuesta a tu solicitud de oposición", charset="iso-8859-1", cte="8bit", shape="alt",
    subject_charset="iso-8859-1", brand="instagram",
    paras=[
        "Hola, pablo.mtz:",
        "Hemos revisado con atención tu solicitud. En este caso, no podemos aceptar tu oposición al uso de tu información para desarrollar y mejorar la IA de Meta.",
        "Seguiremos tratando tu información de acuerdo con nuestra [Política de privacidad](" + l_ig(IG_POLICY, "esrj") + "), basándonos en nuestros intereses legítimos.",
        "Si no estás de acuerdo con esta decisión, puedes presentar una reclamación ante la autoridad de protección de datos de tu país.",
        "El equipo de Instagram",
    ],
    footer=ig_footer("es", "pablo.martinez@example.com", "pablo.mtz", "esrj"),
)

add(
    dict(file="it_facebook_rejection_cannot_process.eml", kind="rejection", platform="facebook",
         account="marco.ricci@example.com", address="marco.ricci@example.com", language="it",
         note="Italian 'impossibile elaborare' reply (email never confirmed with the code); user has to submit again"),
    **{"from": FB_NOREPLY}, to=("Marco Ricci", "marco.ricci@example.com"), date=datetime(2024, 6, 6, 20, 40, 17, tzinfo=PDT),
    subject="Non è stato possibile elaborare la tua richiesta", charset="iso-8859-15", cte="quoted-printable",
    subject_charset="iso-8859-1", shape="html", brand="facebook",
    paras=[
        "Ciao Marco,",
        "non è stato possibile elaborare la tua richiesta di opposizione all'uso delle tue informazioni per l'IA di Meta, perché l'indirizzo e-mail indicato non è stato confermato entro il tempo previsto.",
        "Se vuoi ancora opporti, invia una nuova richiesta e inserisci il codice che ti invieremo via e-mail.",
        "Grazie,\nIl team Privacy di Meta",
    ],
    footer=fb_footer("it", "marco.ricci@example.com", "itrj"),
)

add(
    dict(file="sv_instagram_rejection_need_screenshots.eml", kind="rejection", platform="instagram",
         account="linnea.ek", address="linnea.ek@example.com", language="sv",
         note="Swedish request for more information (prompts + skärmbilder) before anything is done"),
    **{"from": IG_NOREPLY}, to=(None, "linnea.ek@example.com"), date=datetime(2024, 6, 14, 11, 15, 2, tzinfo=PDT),
    subject="Vi behöver mer information om din begäran", charset="utf-8", cte="base64", shape="html", brand="instagram",
    paras=[
        "Hej linnea.ek,",
        "Tack för att du kontaktade oss. Vi uppfyller inte förfrågningar som skickas via det här formuläret automatiskt, utan granskar dem enligt lokal lagstiftning.",
        "För att vi ska kunna gå vidare behöver vi de prompter du skrev in som ledde till att dina personuppgifter visades i ett svar från en AI-modell hos Meta, samt skärmbilder av svaren. Svara på det här mejlet med uppgifterna.",
        "Instagram-teamet",
    ],
    footer=ig_footer("sv", "linnea.ek@example.com", "linnea.ek", "svrj"),
)

add(
    dict(file="pl_facebook_rejection_refused.eml", kind="rejection", platform="facebook",
         account="tomasz.lewandowski@example.com", address="tomasz.lewandowski@example.com", language="pl",
         note="Polish refusal ('nie możemy uwzględnić Twojego sprzeciwu'): negated confirmation phrase; iso-8859-2 8bit"),
    **{"from": FB_NOREPLY}, to=("Tomasz Lewandowski", "tomasz.lewandowski@example.com"),
    date=datetime(2024, 6, 12, 5, 33, 40, tzinfo=PDT),
    subject="Odpowiedź na Twój wniosek", charset="iso-8859-2", cte="8bit", shape="alt",
    subject_charset="iso-8859-2", brand="meta",
    paras=[
        "Cześć Tomaszu,",
        "przeanalizowaliśmy Twój wniosek. Niestety na podstawie przekazanych informacji nie możemy uwzględnić Twojego sprzeciwu wobec wykorzystywania Twoich informacji do rozwijania i ulepszania AI w Meta.",
        "Będziemy nadal przetwarzać Twoje informacje zgodnie z [Polityką prywatności](" + fb_n("privacy/policy/", "tomasz.lewandowski@example.com", "plrj") + ").",
        "Zespół ds. prywatności Meta",
    ],
    footer=fb_footer("pl", "tomasz.lewandowski@example.com", "plrj"),
)

add(
    dict(file="pt_instagram_rejection_cannot_process.eml", kind="rejection", platform="instagram",
         account="ines.costa_", address="ines.costa@example.com", language="pt",
         note="European Portuguese 'não foi possível processar' (country outside the region of the form)"),
    **{"from": IG_NOREPLY}, to=(None, "ines.costa@example.com"), date=datetime(2025, 5, 9, 16, 0, 3, tzinfo=PDT),
    subject="Não foi possível processar o seu pedido", charset="utf-8", cte="quoted-printable", shape="alt",
    brand="instagram",
    paras=[
        "Olá, ines.costa_,",
        "Recebemos o seu pedido de oposição à utilização das suas informações para a IA na Meta, mas não foi possível processá-lo: o país selecionado no formulário não corresponde ao país associado à sua conta.",
        "Se pretender, pode enviar um novo pedido com os dados corretos.",
        "A equipa do Instagram",
    ],
    footer=ig_footer("pt", "ines.costa@example.com", "ines.costa_", "ptrj"),
)

add(
    dict(file="en_instagram_rejection_refused.eml", kind="rejection", platform="instagram",
         account="harriet.cole", address="harriet.cole@example.org", language="en",
         note="UK English refusal ('unable to honour your objection'): contains the confirmation wording, negated"),
    **{"from": IG_NOREPLY}, to=(None, "harriet.cole@example.org"), date=datetime(2024, 10, 4, 12, 12, 12, tzinfo=tz(1)),
    subject="An update on your objection request", charset="utf-8", cte="7bit", shape="alt", brand="instagram",
    paras=[
        "Hi harriet.cole,",
        "We've reviewed your request. Based on the information you provided, we're unable to honour your objection to your information being used to develop and improve AI at Meta.",
        "We'll continue to process your information as described in our [Privacy Policy](" + l_ig(IG_POLICY, "enrj2") + ").",
        "If you disagree with this decision, you can contact the Information Commissioner's Office.",
        "The Instagram team",
    ],
    footer=ig_footer("en", "harriet.cole@example.org", "harriet.cole", "enrj2").replace("©", "(c)"),
)

# ==========================================================================
# 8 verification codes for the objection form + 3 unrelated login / 2FA codes
# ==========================================================================

add(
    dict(file="de_facebook_code_objection.eml", kind="verification_code", platform="facebook",
         account="jana.hoffmann@example.com", address="jana.hoffmann@example.com", language="de",
         note="German objection-form confirmation code 384917 in the subject, security@facebookmail.com"),
    **{"from": FB_SECURITY}, to=("Jana Hoffmann", "jana.hoffmann@example.com"),
    date=datetime(2024, 6, 2, 14, 1, 7, tzinfo=PDT),
    subject="384917 ist dein Bestätigungscode", charset="utf-8", cte="quoted-printable", shape="alt", brand="facebook",
    paras=[
        "Hallo Jana,",
        "über das Formular im Hilfebereich wurde ein Widerspruch gegen die Verwendung deiner Informationen für KI bei Meta eingereicht und diese E-Mail-Adresse angegeben. Gib den folgenden Code ein, um deine E-Mail-Adresse zu bestätigen und den Antrag abzuschließen:",
        "!!384917",
        "Wenn du diesen Antrag nicht gestellt hast, kannst du diese E-Mail einfach ignorieren.",
    ],
    footer=fb_footer("de", "jana.hoffmann@example.com", "decode"),
)

add(
    dict(file="fr_instagram_code_objection.eml", kind="verification_code", platform="instagram",
         account="hugo.b_", address="hugo.bernard@example.com", language="fr",
         note="French objection-form code 502846 from security@mail.instagram.com"),
    **{"from": IG_SECURITY}, to=(None, "hugo.bernard@example.com"), date=datetime(2025, 4, 17, 20, 10, 45, tzinfo=PDT),
    subject="502846 est votre code de confirmation", charset="utf-8", cte="base64", shape="html", brand="instagram",
    paras=[
        "Bonjour hugo.b_,",
        "Vous avez demandé à vous opposer à l’utilisation de vos informations pour l’IA chez Meta. Pour confirmer qu’il s’agit bien de votre adresse e-mail, saisissez ce code dans le formulaire :",
        "!!502846",
        "Ce code expire dans 30 minutes. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.",
    ],
    footer=ig_footer("fr", "hugo.bernard@example.com", "hugo.b_", "frcode"),
)

add(
    dict(file="it_facebook_code_objection.eml", kind="verification_code", platform="facebook",
         account="chiara.esposito@example.com", address="chiara.esposito@example.com", language="it",
         note="Italian objection-form code 771209; code after a colon in the subject"),
    **{"from": FB_SECURITY}, to=("Chiara Esposito", "chiara.esposito@example.com"),
    date=datetime(2024, 6, 1, 9, 55, 30, tzinfo=PDT),
    subject="Codice di conferma: 771209", charset="iso-8859-1", cte="quoted-printable", shape="alt", brand="facebook",
    paras=[
        "Ciao Chiara,",
        "per completare la richiesta di opposizione all'uso delle tue informazioni per l'IA di Meta inviata tramite il Centro assistenza, inserisci questo codice di conferma:",
        "!!771209",
        "Se non hai inviato tu la richiesta, puoi ignorare questa e-mail.",
    ],
    footer=fb_footer("it", "chiara.esposito@example.com", "itcode"),
)

add(
    dict(file="es_facebook_code_objection.eml", kind="verification_code", platform="facebook",
         account="alvaro.ruiz@example.com", address="alvaro.ruiz@example.com", language="es",
         note="Spanish objection-form code 619384; no Authentication-Results header"),
    **{"from": FB_SECURITY}, to=("Álvaro Ruiz", "alvaro.ruiz@example.com"), auth=None,
    date=datetime(2025, 4, 22, 23, 2, 14, tzinfo=PDT),
    subject="619384 es tu código de confirmación", charset="utf-8", cte="8bit", shape="alt", brand="facebook",
    paras=[
        "Hola, Álvaro:",
        "Alguien (esperamos que tú) ha enviado el formulario para oponerse al uso de su información en la IA de Meta con esta dirección de correo electrónico. Introduce el siguiente código para confirmarla:",
        "!!619384",
        "Si no has sido tú, no tienes que hacer nada.",
    ],
    footer=fb_footer("es", "alvaro.ruiz@example.com", "escode"),
)

add(
    dict(file="nl_instagram_code_objection.eml", kind="verification_code", platform="instagram",
         account="femke.bkr", address="femke.bakker@example.com", language="nl",
         note="Dutch objection-form code 240571 from Instagram, code at the end of the subject"),
    **{"from": IG_SECURITY}, to=(None, "femke.bakker@example.com"), date=datetime(2024, 6, 4, 7, 30, 0, tzinfo=PDT),
    subject="Je bevestigingscode is 240571", charset="utf-8", cte="quoted-printable", shape="alt", brand="instagram",
    paras=[
        "Hoi femke.bkr,",
        "Je hebt een verzoek ingediend om bezwaar te maken tegen het gebruik van je informatie voor AI bij Meta. Voer deze code in om je e-mailadres te bevestigen:",
        "!!240571",
        "Heb je dit verzoek niet ingediend? Dan kun je deze e-mail negeren.",
    ],
    footer=ig_footer("nl", "femke.bakker@example.com", "femke.bkr", "nlcode"),
)

add(
    dict(file="pl_instagram_code_objection.eml", kind="verification_code", platform="instagram",
         account="michal.wojcik.art", address="michal.wojcik@example.com", language="pl",
         note="Polish objection-form code 905318 (Kod potwierdzający: …), iso-8859-2 base64"),
    **{"from": IG_SECURITY}, to=(None, "michal.wojcik@example.com"), date=datetime(2025, 4, 29, 13, 13, 13, tzinfo=PDT),
    subject="Kod potwierdzający: 905318", subject_charset="iso-8859-2",
    charset="iso-8859-2", cte="base64", shape="alt", brand="instagram",
    paras=[
        "Cześć michal.wojcik.art,",
        "otrzymaliśmy Twój formularz sprzeciwu wobec wykorzystywania Twoich informacji przez AI w Meta. Aby potwierdzić adres e-mail, wpisz w formularzu ten kod:",
        "!!905318",
        "Jeśli to nie Ty wysłałeś formularz, zignoruj tę wiadomość.",
    ],
    footer=ig_footer("pl", "michal.wojcik@example.com", "michal.wojcik.art", "plcode"),
)

add(
    dict(file="en_facebook_code_objection.eml", kind="verification_code", platform="facebook",
         account="rachel.green@example.com", address="rachel.green@example.com", language="en",
         note="English objection-form code 163052; html-only"),
    **{"from": FB_SECURITY}, to=("Rachel Green", "rachel.green@example.com"), date=datetime(2024, 9, 20, 8, 44, 1, tzinfo=tz(1)),
    subject="163052 is your confirmation code", charset="utf-8", cte="quoted-printable", shape="html", brand="facebook",
    paras=[
        "Hi Rachel,",
        "We received a request to object to your information being used for AI at Meta. To confirm that this email address belongs to you, enter the following code on the form:",
        "!!163052",
        "If you didn't make this request, you can safely ignore this email.",
    ],
    footer=fb_footer("en", "rachel.green@example.com", "encode"),
)

add(
    dict(file="pt_facebook_code_objection.eml", kind="verification_code", platform="facebook",
         account="miguel.ferreira@example.com", address="miguel.ferreira@example.com", language="pt",
         note="European Portuguese objection-form code 448271, latin-1 8bit, code at end of subject"),
    **{"from": FB_SECURITY}, to=("Miguel Ferreira", "miguel.ferreira@example.com"),
    date=datetime(2025, 5, 3, 17, 5, 55, tzinfo=PDT),
    subject="O seu código de confirmação é 448271", subject_charset="iso-8859-1",
    charset="iso-8859-1", cte="8bit", shape="alt", brand="facebook",
    paras=[
        "Olá, Miguel,",
        "Recebemos o seu pedido de oposição à utilização das suas informações para a IA na Meta. Introduza o código abaixo para confirmar o seu endereço de e-mail e concluir o pedido:",
        "!!448271",
        "Se não foi você que fez este pedido, pode ignorar este e-mail.",
    ],
    footer=fb_footer("pt", "miguel.ferreira@example.com", "ptcode"),
)

# --- not for the objection: kind "other" ------------------------------------

add(
    dict(file="fi_facebook_login_code.eml", kind="other", platform="facebook",
         account="mikko.korhonen@example.com", address="mikko.korhonen@example.com", language="fi",
         note="Finnish Facebook LOGIN code from security@facebookmail.com: looks like a code mail but is not for the objection"),
    **{"from": FB_SECURITY}, to=("Mikko Korhonen", "mikko.korhonen@example.com"),
    date=datetime(2024, 6, 3, 6, 17, 28, tzinfo=PDT),
    subject="327104 on Facebook-kirjautumiskoodisi", charset="utf-8", cte="quoted-printable", shape="alt",
    brand="facebook",
    paras=[
        "Hei Mikko,",
        "joku yrittää kirjautua Facebook-tilillesi. Jos se olet sinä, kirjaudu sisään tällä koodilla:",
        "!!327104",
        "Jos et yrittänyt kirjautua, [vaihda salasanasi](" + fb_n("hacked/", "mikko.korhonen@example.com", "fiother") + ") mahdollisimman pian.",
    ],
    footer=fb_footer("fi", "mikko.korhonen@example.com", "fiother"),
)

add(
    dict(file="hu_instagram_2fa_code.eml", kind="other", platform="instagram",
         account="bence.nagy", address="bence.nagy@example.com", language="hu",
         note="Hungarian Instagram two-factor authentication code; not related to the objection"),
    **{"from": IG_SECURITY}, to=(None, "bence.nagy@example.com"), date=datetime(2025, 4, 24, 10, 0, 9, tzinfo=PDT),
    subject="A kétlépcsős hitelesítési kódod: 615882", subject_charset="iso-8859-2",
    charset="iso-8859-2", cte="quoted-printable", shape="html", brand="instagram",
    paras=[
        "Szia bence.nagy!",
        "Valaki be akar jelentkezni az Instagram-fiókodba. A kétlépcsős hitelesítéshez add meg ezt a biztonsági kódot:",
        "!!615882",
        "Ha nem te próbáltál bejelentkezni, azonnal módosítsd a jelszavadat.",
    ],
    footer=ig_footer("hu", "bence.nagy@example.com", "bence.nagy", "huother"),
)

add(
    dict(file="el_facebook_2fa_code.eml", kind="other", platform="facebook",
         account="maria.georgiou@example.com", address="maria.georgiou@example.com", language="el",
         note="Greek Facebook two-factor authentication code (utf-8 base64); not related to the objection"),
    **{"from": FB_SECURITY}, to=("Μαρία Γεωργίου", "maria.georgiou@example.com"),
    date=datetime(2025, 5, 1, 11, 41, 0, tzinfo=PDT),
    subject="Ο κωδικός επαλήθευσης σε δύο βήματα είναι 058413", charset="utf-8", cte="base64", shape="alt",
    brand="facebook",
    paras=[
        "Γεια σας Μαρία,",
        "Χρησιμοποιήστε τον παρακάτω κωδικό για να ολοκληρώσετε τη σύνδεσή σας με τον έλεγχο ταυτότητας δύο παραγόντων:",
        "!!058413",
        "Αν δεν προσπαθήσατε εσείς να συνδεθείτε, [ασφαλίστε τον λογαριασμό σας](" + fb_n("hacked/", "maria.georgiou@example.com", "elother") + ").",
    ],
    footer=fb_footer("el", "maria.georgiou@example.com", "elother"),
)

# ==========================================================================
# 6 notices with unusual but legitimate structure
# ==========================================================================

_femke = "femke.bakker@example.com"
add(
    dict(file="nl_facebook_notice_double_wrapped.eml", kind="notice", platform="facebook",
         account=_femke, address=_femke, language="nl", objection_url=FB_FORM,
         note="2024 Dutch notice; objection link is l.facebook.com wrapping a www.facebook.com/n/ wrapper (double-encoded path, n_m inside); also says 'als je bezwaar wordt gehonoreerd' which is not a confirmation"),
    **{"from": META_PRIVACY}, to=("Femke Bakker", _femke), date=datetime(2024, 5, 29, 3, 14, 0, tzinfo=PDT),
    subject="We passen ons privacybeleid aan nu we AI bij Meta verder uitbreiden", charset="utf-8",
    cte="quoted-printable", shape="alt", brand="meta",
    paras=[
        "Hoi Femke,",
        "We maken ons klaar om AI bij Meta naar jouw regio te brengen. AI bij Meta is onze verzameling generatieve AI-functies en -ervaringen, zoals Meta AI en creatieve AI-tools, samen met de modellen waarop ze draaien.",
        "Wat dit voor jou betekent",
        "Om je deze ervaringen te kunnen bieden, baseren we ons voortaan op de rechtsgrondslag 'gerechtvaardigde belangen' wanneer we je informatie gebruiken om AI bij Meta te ontwikkelen en te verbeteren. Je hebt daarom het [recht om bezwaar te maken](" + l_fb(fb_n("help/contact/712876720715583", _femke, "nlnot"), "nlnot") + ") tegen de manier waarop je informatie voor deze doeleinden wordt gebruikt. Als je bezwaar wordt gehonoreerd, wordt het vanaf dat moment toegepast.",
        "We werken ook ons [Privacybeleid](" + fb_n("privacy/policy/", _femke, "nlnot2") + ") bij om deze wijzigingen te weerspiegelen. De updates gaan in op 26 juni 2024.",
        "Bedankt,\nHet privacyteam van Meta",
    ],
    footer=fb_footer("nl", _femke, "nlnot"),
)

_chiara = "chiara.esposito@example.com"
add(
    dict(file="it_facebook_notice_localized_host.eml", kind="notice", platform="facebook",
         account=_chiara, address=_chiara, language="it", objection_url=FB_FORM,
         note="2024 Italian notice; objection link served directly on it-it.facebook.com with query parameters (canonicalise host to www); latin-1 base64 html-only"),
    **{"from": META_PRIVACY}, to=("Chiara Esposito", _chiara), date=datetime(2024, 5, 31, 1, 2, 3, tzinfo=PDT),
    subject="Stiamo aggiornando la nostra Informativa sulla privacy con l'espansione dell'IA di Meta",
    subject_charset="iso-8859-1", charset="iso-8859-1", cte="base64", shape="html", brand="meta",
    paras=[
        "Ciao Chiara,",
        "ci stiamo preparando a portare le esperienze di IA di Meta nel tuo Paese. IA di Meta è l'insieme delle nostre funzioni ed esperienze di intelligenza artificiale generativa, come Meta AI e gli strumenti creativi basati sull'IA, insieme ai modelli che le rendono possibili.",
        "Cosa significa per te",
        "Per offrirti queste esperienze, ci baseremo sulla base giuridica del legittimo interesse per usare le tue informazioni allo scopo di sviluppare e migliorare l'IA di Meta. Hai quindi il [diritto di opporti](https://it-it.facebook.com/help/contact/712876720715583?locale2=it_IT&medium=email&mid=" + tok("itnotmid", 13) + ") al modo in cui le tue informazioni vengono usate per queste finalità. Se la tua opposizione verrà accolta, sarà applicata d'ora in avanti.",
        "Abbiamo aggiornato anche la nostra [Informativa sulla privacy](https://it-it.facebook.com/privacy/policy/): le modifiche entreranno in vigore il 26 giugno 2024.",
        "Grazie,\nIl team Privacy di Meta",
    ],
    footer=fb_footer("it", _chiara, "itnot"),
)

_michal = "michal.wojcik@example.com"
add(
    dict(file="pl_facebook_notice_2025_mobile_form.eml", kind="notice", platform="facebook",
         account=_michal, address=_michal, language="pl", objection_url=FB_FORM_2025,
         note="2025 Polish notice pointing at the second Facebook form 6359191084165019 on m.facebook.com; iso-8859-2 QP"),
    **{"from": META_PRIVACY}, to=("Michał Wójcik", _michal), date=datetime(2025, 4, 15, 4, 20, 0, tzinfo=PDT),
    subject="Dowiedz się, jak będziemy wykorzystywać Twoje informacje, ulepszając AI w Meta",
    subject_charset="iso-8859-2", charset="iso-8859-2", cte="quoted-printable", shape="alt", brand="meta",
    paras=[
        "Cześć Michale,",
        "od 27 maja 2025 r. zaczniemy wykorzystywać publiczne informacje osób pełnoletnich z Produktów Meta, takie jak publiczne posty i komentarze, a także interakcje z funkcjami AI, aby rozwijać i ulepszać AI w Meta. Podstawą prawną są nasze prawnie uzasadnione interesy.",
        "Przysługuje Ci prawo do sprzeciwu wobec wykorzystywania Twoich informacji w tym celu. Jeśli chcesz z niego skorzystać, [wypełnij ten formularz](https://m.facebook.com/help/contact/6359191084165019?ref=email_notice&medium=email&rms=v2). Zgłoszony sprzeciw będzie obowiązywał od tej chwili.",
        "Więcej informacji znajdziesz w [Centrum prywatności](" + fb_n("privacy/genai/", _michal, "plnot") + ").",
        "Zespół ds. prywatności Meta",
    ],
    footer=fb_footer("pl", _michal, "plnot"),
)

_hugo = "hugo.bernard@example.com"
add(
    dict(file="fr_instagram_notice_2025_second_form.eml", kind="notice", platform="instagram",
         account="hugo.b_", address=_hugo, language="fr", objection_url=IG_FORM_2025,
         note="2025 French Instagram notice; l.instagram.com wrapper around the second Instagram form 233964459562201 with utm_* parameters"),
    **{"from": IG_NOREPLY}, to=(None, _hugo), date=datetime(2025, 4, 14, 23, 50, 31, tzinfo=PDT),
    subject="Découvrez comment nous utiliserons vos informations à mesure que nous améliorons l’IA de Meta",
    charset="utf-8", cte="base64", shape="alt+logo", brand="instagram",
    paras=[
        "Bonjour hugo.b_,",
        "À partir du 27 mai 2025, nous utiliserons les informations publiques des personnes âgées de 18 ans et plus, comme les publications et commentaires publics, ainsi que vos interactions avec les fonctionnalités d’IA, pour développer et améliorer l’IA chez Meta. Nous nous appuyons pour cela sur nos intérêts légitimes.",
        "Vous avez le droit de [vous opposer](" + l_ig(IG_FORM_2025 + "?utm_source=ig_email&utm_medium=email&utm_campaign=genai_eu_2025", "frnot") + ") à l’utilisation de vos informations à ces fins. Si vous le faites, nous en tiendrons compte à l’avenir.",
        "Pour en savoir plus, consultez notre [Politique de confidentialité](" + l_ig(IG_POLICY, "frnot2") + ").",
        "L’équipe Instagram",
    ],
    footer=ig_footer("fr", _hugo, "hugo.b_", "frnot"),
)

_sabine = "S.Wolf@Example.com"
add(
    dict(file="de_facebook_notice_2025_prior_objection.eml", kind="notice", platform="facebook",
         account="s.wolf@example.com", address="s.wolf@example.com", language="de", objection_url=FB_FORM,
         note="2025 German notice saying earlier objections still count (must stay a notice, not a confirmation); link l.facebook.com -> web.facebook.com with rms/__cft__; CRLF line endings; mixed-case To"),
    **{"from": META_PRIVACY}, to=("Sabine Wolf", _sabine), date=datetime(2025, 4, 16, 2, 11, 45, tzinfo=PDT),
    subject="Erfahre, wie wir deine Informationen im Zuge der Verbesserung von KI bei Meta verwenden",
    charset="utf-8", cte="quoted-printable", shape="alt", brand="meta", crlf=True,
    paras=[
        "Hallo Sabine,",
        "ab dem 27. Mai 2025 nutzen wir öffentliche Inhalte von Personen ab 18 Jahren, zum Beispiel öffentliche Beiträge und Kommentare, sowie deine Interaktionen mit KI-Funktionen, um KI bei Meta zu entwickeln und zu verbessern. Wir stützen uns dabei auf unsere berechtigten Interessen.",
        "Du hast das Recht, dieser Verwendung deiner Informationen zu widersprechen. Nutze dafür einfach [dieses Formular](" + l_fb("https://web.facebook.com/help/contact/712876720715583?rms=1&__cft__[0]=AZ" + tok("decft", 30, B64ISH), "denot") + ").",
        "Falls du schon früher widersprochen hast, gilt dein Widerspruch weiter – ein neuer Antrag ist nicht nötig.",
        "Weitere Informationen findest du in unserer [Datenschutzrichtlinie](" + fb_n("privacy/policy/", "s.wolf@example.com", "denot2") + ").",
        "Dein Datenschutz-Team von Meta",
    ],
    footer=fb_footer("de", "s.wolf@example.com", "denot"),
)

_tom = "tom.ashworth@example.org"
add(
    dict(file="en_instagram_notice_uk_2024.eml", kind="notice", platform="instagram",
         account="tom.ashworth", address=_tom, language="en", objection_url=IG_FORM,
         note="UK September 2024 Instagram notice (effective 9 October 2024); form link via l.instagram.com; also links to Privacy Policy and genai page, which are not objection links; html-only"),
    **{"from": IG_NOREPLY}, to=(None, _tom), date=datetime(2024, 9, 17, 12, 0, 0, tzinfo=tz(1)),
    subject="We're updating our Privacy Policy as we expand AI at Meta", charset="utf-8", cte="quoted-printable",
    shape="html", brand="instagram",
    paras=[
        "Hi tom.ashworth,",
        "We're getting ready to bring AI at Meta to more people in the UK. AI at Meta is our collection of generative AI features and experiences, such as Meta AI and AI creative tools, together with the models that power them.",
        "What this means for you",
        "To help bring these experiences to you, we'll rely on the legal basis of legitimate interests when we use your information to develop and improve AI at Meta. You have the [right to object](" + l_ig(IG_FORM + "?utm_source=email&utm_campaign=uk_genai", "ennot") + ") to how your information is used for these purposes. If your objection is honoured, it will be applied from then on.",
        "We're also updating our [Privacy Policy](" + l_ig(IG_POLICY, "ennot2") + ") to reflect these changes. The update takes effect on 9 October 2024. You can find out more about generative AI at Meta in the [Privacy Centre](" + l_ig(IG_GENAI, "ennot3") + ").",
        "Thanks,\nThe Instagram team",
    ],
    footer=ig_footer("en", _tom, "tom.ashworth", "ennot"),
)

# ==========================================================================
# 5 hard cases
# ==========================================================================

_sam = "sam.okafor@example.com"
add(
    dict(file="en_facebook_other_group_objection.eml", kind="other", platform="facebook",
         account=_sam, address=_sam, language="en",
         note="hard: genuine Facebook group notification whose subject and body say 'objection/object' in the everyday sense; no objection form link"),
    **{"from": FB_NOTIFY}, to=("Sam Okafor", _sam), date=datetime(2024, 6, 5, 19, 22, 8, tzinfo=tz(1)),
    subject="Lena Fischer posted in Maple Court Residents: \"Any objections to moving the spring clean-up…\"",
    charset="utf-8", cte="quoted-printable", shape="alt", brand="facebook",
    paras=[
        "Hi Sam,",
        "Lena Fischer posted in Maple Court Residents.",
        "\"Any objections to moving the spring clean-up to Saturday 15 June? If you object, just comment below before Friday and I'll raise it at the residents' meeting. Flat 4 has already lodged a formal objection to the new bin schedule, so that's on the agenda too.\"",
        "[View post](" + fb_n("groups/maplecourtresidents/permalink/" + tok("grp", 16, DIGITS) + "/", _sam, "grp") + ")",
        "Priya Shah and 6 others commented on this post.",
    ],
    footer=fb_footer("en", _sam, "grp"),
)

_rachel = "rachel.green@example.com"
_phish_dom = "meta-support-center.net"
add(
    dict(file="en_suspicious_meta_support_center.eml", kind="suspicious", address=_rachel, language="en",
         suspicious_reason="lookalike-domain",
         note="hard: perfect-looking 2024 notice (greeting, footer, form id in the URL) but From and links on meta-support-center.net; DKIM passes for that domain, which proves nothing"),
    **{"from": ("Meta Privacy Center", "privacy@" + _phish_dom)}, to=("Rachel Green", _rachel),
    relay="smtp." + _phish_dom, relay_ip="203.0.113.45",
    date=datetime(2024, 9, 19, 9, 1, 1, tzinfo=tz(1)),
    subject="We're updating our Privacy Policy as we expand AI at Meta", charset="utf-8", cte="quoted-printable",
    shape="alt", brand="meta",
    paras=[
        "Hi Rachel,",
        "We're getting ready to expand AI at Meta to the UK. AI at Meta is our collection of generative AI features and experiences, like Meta AI and AI creative tools, along with the models that power them.",
        "What this means for you",
        "We'll now rely on the legal basis called legitimate interests for using your information to develop and improve AI at Meta. You have the [right to object](https://" + _phish_dom + "/help/contact/712876720715583?session=" + tok("phs", 24) + "&email=rachel.green%40example.com) to how your information is used for these purposes. If your objection is honoured, it will be applied going forward.",
        "The updates take effect on 9 October 2024. Read our [Privacy Policy](https://" + _phish_dom + "/privacy/policy/).",
        "Thanks,\nThe Meta Privacy team",
    ],
    footer="This message was sent to " + _rachel + ". If you don't want to receive these emails from Meta in the future, please [unsubscribe](https://" + _phish_dom + "/o.php?u=" + tok("phu", 10, DIGITS) + ").\n" + META_IE.format(country="Ireland"),
)

_saga = "saga.holm@example.com"
add(
    dict(file="sv_suspicious_punycode_instagram.eml", kind="suspicious", address=_saga, language="sv",
         suspicious_reason="lookalike-domain",
         note="hard: Swedish 2025-style Instagram notice from mail." + PUNY_IG + " (Cyrillic 'і' in 'іnstagram', punycode); form id in the link but host is the punycode domain"),
    **{"from": ("Instagram", "no-reply@mail." + PUNY_IG)}, to=(None, _saga),
    relay="mail." + PUNY_IG, relay_ip="198.51.100.23",
    date=datetime(2025, 4, 18, 6, 6, 6, tzinfo=PDT),
    subject="Så kommer vi att använda din information när vi förbättrar AI hos Meta", charset="utf-8", cte="base64",
    shape="html", brand="instagram",
    paras=[
        "Hej saga.holm,",
        "Från och med den 27 maj 2025 kommer vi att använda offentlig information från personer som är 18 år eller äldre, till exempel offentliga inlägg och kommentarer, samt dina interaktioner med AI-funktioner för att utveckla och förbättra AI hos Meta. Vi gör det med stöd av berättigat intresse.",
        "Du har rätt att [invända](https://help." + PUNY_IG + "/contact/767264225370182?src=email) mot att din information används för dessa ändamål.",
        "Instagram-teamet",
    ],
    footer=IG_FOOTER["sv"].format(addr=_saga, user="saga.holm", remove="https://www." + PUNY_IG + "/accounts/remove/?t=" + tok("puny", 20, B64ISH)) + "\n" + IG_IE,
)

_julien = "julien.moreau@example.com"
add(
    dict(file="fr_suspicious_dmarc_fail.eml", kind="suspicious", address=_julien, language="fr",
         suspicious_reason="auth-fail",
         note="hard: genuine-looking French 2024 notice from notification@facebookmail.com with real fr-fr.facebook.com form link, but the topmost Authentication-Results (our server's) says dkim=fail/dmarc=fail; a lower, forged Authentication-Results claims pass"),
    **{"from": FB_NOTIFY}, to=("Julien Moreau", _julien),
    auth="mx.example.com; dkim=fail (body hash did not verify) header.d=facebookmail.com header.s=s1024-meo; "
         "spf=softfail (mx.example.com: domain of transitioning bounce@facebookmail.com does not designate 185.243.112.9 as permitted sender) smtp.mailfrom=bounce@facebookmail.com; "
         "dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=facebookmail.com",
    relay="mail.fb-notify.example (unknown [185.243.112.9])", relay_ip="185.243.112.9",
    mid_headers=[("Authentication-Results", "mx.facebookmail.com; dkim=pass header.d=facebookmail.com; spf=pass smtp.mailfrom=facebookmail.com; dmarc=pass header.from=facebookmail.com")],
    date=datetime(2024, 6, 1, 8, 30, 0, tzinfo=PDT),
    subject="Nous mettons à jour notre Politique de confidentialité à mesure que nous développons l’IA chez Meta",
    charset="utf-8", cte="quoted-printable", shape="alt", brand="meta",
    paras=[
        "Bonjour Julien,",
        "Nous nous préparons à étendre l’IA chez Meta à votre région. L’IA chez Meta regroupe nos fonctionnalités et expériences d’IA générative, comme Meta AI et les outils créatifs d’IA, ainsi que les modèles qui les alimentent.",
        "Nous nous appuierons désormais sur la base légale des intérêts légitimes pour utiliser vos informations afin de développer et d’améliorer l’IA chez Meta. Vous disposez d’un [droit d’opposition](https://fr-fr.facebook.com/help/contact/712876720715583) concernant l’utilisation de vos informations à ces fins. Si votre opposition est acceptée, elle sera appliquée à l’avenir.",
        "Ces modifications prendront effet le 26 juin 2024.",
        "Merci,\nL’équipe Confidentialité de Meta",
    ],
    footer=fb_footer("fr", _julien, "frsusp"),
)

_klaus = "klaus.becker@example.com"
add(
    dict(file="de_irrelevant_consumer_newsletter.eml", kind="irrelevant", address=_klaus, language="de",
         note="hard: a (non-Meta, honest) consumer-advice newsletter quoting both objection form URLs verbatim and discussing Widerspruch; not from Meta and not impersonating Meta"),
    **{"from": ("Verbraucherinfo aktuell", "newsletter@verbraucherinfo.example")}, to=(None, _klaus),
    relay="out.verbraucherinfo.example", relay_ip="192.0.2.80",
    headers=[("List-Unsubscribe", "<https://verbraucherinfo.example/abmelden?id=" + tok("nl", 12) + ">")],
    date=datetime(2025, 4, 24, 7, 0, 0, tzinfo=tz(2)),
    subject="Meta-KI: So widersprechen Sie der Nutzung Ihrer Daten – Fristen und Formulare",
    charset="utf-8", cte="quoted-printable", shape="alt", brand="plain", link_style="angle",
    paras=[
        "Guten Tag,",
        "Meta will ab dem 27. Mai 2025 öffentliche Beiträge und Kommentare volljähriger Nutzerinnen und Nutzer von Facebook und Instagram zum Training seiner KI verwenden. Viele von Ihnen haben dazu in den letzten Tagen eine E-Mail von Meta erhalten.",
        "So legen Sie Widerspruch ein:\n"
        "- Facebook: [Widerspruchsformular Facebook](" + FB_FORM + ")\n"
        "- Instagram: [Widerspruchsformular Instagram](" + IG_FORM + ")",
        "Wichtig: Für jede E-Mail-Adresse ist ein eigener Widerspruch nötig. Wer bereits 2024 widersprochen hat, muss laut Meta nicht erneut widersprechen. Bei WhatsApp gibt es keine Widerspruchsmöglichkeit.",
        "Ihre Redaktion Verbraucherinfo",
    ],
    footer="Sie erhalten diesen Newsletter, weil Sie ihn unter " + _klaus + " abonniert haben. [Newsletter abbestellen](https://verbraucherinfo.example/abmelden?id=" + tok("nl", 12) + ")",
)

# ==========================================================================
# 18 more in languages that had none of these kinds: 8 objection-form codes,
# 8 rejections, 2 login / two-factor codes (kind "other")
# ==========================================================================

# Legacy ISO-8859-2 has no comma-below s/t; Romanian text in that charset uses the cedilla forms.
RO_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")

# --- verification codes for the objection form --------------------------------

add(
    dict(file="sv_instagram_code_objection.eml", kind="verification_code", platform="instagram",
         account="alvanystrom", address="alva.nystrom@example.com", language="sv",
         note="Swedish objection-form code 492063 from security@mail.instagram.com; windows-1252 QP with an en dash (0x96)"),
    **{"from": IG_SECURITY}, to=(None, "alva.nystrom@example.com"), date=datetime(2025, 4, 21, 19, 33, 2, tzinfo=PDT),
    subject="Bekräfta din invändning med koden 492063", subject_charset="iso-8859-1",
    charset="windows-1252", cte="quoted-printable", shape="alt", brand="instagram",
    paras=[
        "Hej alvanystrom!",
        "Någon, förhoppningsvis du, har skickat in formuläret för att invända mot att din information används för att utveckla och förbättra AI hos Meta. Ange den här koden i formuläret för att bekräfta att e-postadressen tillhör dig:",
        "!!492063",
        "Koden slutar gälla om 30 minuter. Har du inte skickat in någon invändning? Då kan du bortse från det här mejlet – ingenting skickas in utan koden.",
    ],
    footer=ig_footer("sv", "alva.nystrom@example.com", "alvanystrom", "svcode"),
)

_mads = "mads.kjaer@example.com"
add(
    dict(file="da_facebook_code_objection.eml", kind="verification_code", platform="facebook",
         account=_mads, address=_mads, language="da",
         note="Danish objection-form code 830517 from security@facebookmail.com; same person, sender and word 'bekræftelseskode' as da_facebook_login_code.eml 16 minutes earlier; latin-1 8bit html-only"),
    **{"from": FB_SECURITY}, to=("Mads Kjær", _mads), to_charset="iso-8859-1",
    date=datetime(2024, 6, 5, 10, 21, 44, tzinfo=PDT),
    subject="Din bekræftelseskode er 830517", subject_charset="iso-8859-1",
    charset="iso-8859-1", cte="8bit", shape="html", brand="facebook",
    paras=[
        "Hej Mads",
        "Vi har modtaget din anmodning om at gøre indsigelse mod, at dine oplysninger bruges til at udvikle og forbedre AI hos Meta. Indtast koden herunder i formularen for at bekræfte din e-mailadresse, så vi kan behandle din anmodning:",
        "!!830517",
        "Har du ikke sendt denne anmodning, kan du se bort fra denne e-mail.",
    ],
    footer=fb_footer("da", _mads, "dacode"),
)

add(
    dict(file="fi_instagram_code_objection.eml", kind="verification_code", platform="instagram",
         account="elinamakela.photo", address="elina.makela@example.com", language="fi",
         note="Finnish objection-form code 275940 from Instagram; text/plain only, latin-1 QP, utf-8 encoded subject"),
    **{"from": IG_SECURITY}, to=(None, "elina.makela@example.com"), date=datetime(2024, 6, 8, 3, 12, 9, tzinfo=PDT),
    subject="Vahvista vastustamispyyntösi koodilla 275940",
    charset="iso-8859-1", cte="quoted-printable", shape="plain", brand="instagram", link_style="colon",
    paras=[
        "Hei elinamakela.photo,",
        "saimme pyynnön, jossa vastustat tietojesi käyttöä tekoälyn kehittämiseen ja parantamiseen Metalla. Vahvista sähköpostiosoitteesi kirjoittamalla tämä koodi lomakkeeseen:",
        "!!275940",
        "Koodi on voimassa 30 minuuttia. Jos et lähettänyt pyyntöä, voit jättää tämän viestin huomiotta.",
    ],
    footer=ig_footer("fi", "elina.makela@example.com", "elinamakela.photo", "ficode"),
)

_ingrid = "ingrid.solberg@example.net"
add(
    dict(file="nb_facebook_code_objection.eml", kind="verification_code", platform="facebook",
         account=_ingrid, address=_ingrid, language="nb",
         note="hard: Norwegian objection-form code 618354 whose body links back to the 2025 objection form (wrapped /n/ link) to enter the code; still a code mail, not a notice; windows-1252 base64, alternative with inline logo"),
    **{"from": FB_SECURITY}, to=("Ingrid Solberg", _ingrid), date=datetime(2025, 4, 26, 8, 2, 51, tzinfo=PDT),
    subject="Bruk koden 618354 for å bekrefte innsigelsen din",
    charset="windows-1252", cte="base64", shape="alt+logo", brand="facebook",
    paras=[
        "Hei Ingrid,",
        "Vi har mottatt innsigelsen din mot at informasjonen din brukes til å utvikle og forbedre AI hos Meta. Skriv inn denne koden i [skjemaet](" + fb_n("help/contact/6359191084165019", _ingrid, "nbcode") + ") for å bekrefte e-postadressen din:",
        "!!618354",
        "Innsigelsen blir ikke sendt inn før e-postadressen er bekreftet. Hvis det ikke var du som sendte den, kan du se bort fra denne e-posten.",
    ],
    footer=fb_footer("nb", _ingrid, "nbcode"),
)

_jakub = "jakub.dvorak@example.com"
add(
    dict(file="cs_facebook_code_objection.eml", kind="verification_code", platform="facebook",
         account=_jakub, address=_jakub, language="cs",
         note="Czech objection-form code 047291 (leading zero) after a colon in the subject; iso-8859-2 base64, ISO-8859-2 encoded subject and display name"),
    **{"from": FB_SECURITY}, to=("Jakub Dvořák", _jakub), to_charset="iso-8859-2",
    date=datetime(2024, 6, 10, 12, 47, 30, tzinfo=PDT),
    subject="Potvrzovací kód: 047291", subject_charset="iso-8859-2",
    charset="iso-8859-2", cte="base64", shape="alt", brand="facebook",
    paras=[
        "Dobrý den, Jakub,",
        "obdrželi jsme vaši žádost o vznesení námitky proti používání vašich informací k vývoji a zlepšování AI ve společnosti Meta. Abychom mohli ověřit vaši e-mailovou adresu, zadejte do formuláře tento kód:",
        "!!047291",
        "Pokud jste žádost neodeslali vy, můžete tento e-mail ignorovat.",
    ],
    footer=fb_footer("cs", _jakub, "cscode"),
)

add(
    dict(file="el_instagram_code_objection.eml", kind="verification_code", platform="instagram",
         account="eleni_dim", address="eleni.dimitriou@example.com", language="el",
         note="Greek objection-form code 736102 from Instagram (κωδικός επιβεβαίωσης, compare el_facebook_2fa_code.eml); iso-8859-7 QP html-only"),
    **{"from": IG_SECURITY}, to=(None, "eleni.dimitriou@example.com"), date=datetime(2025, 5, 5, 9, 9, 15, tzinfo=PDT),
    subject="Ο κωδικός επιβεβαίωσής σας είναι 736102", subject_charset="iso-8859-7",
    charset="iso-8859-7", cte="quoted-printable", shape="html", brand="instagram",
    paras=[
        "Γεια σας eleni_dim,",
        "Λάβαμε το αίτημά σας για εναντίωση στη χρήση των πληροφοριών σας για την ανάπτυξη και τη βελτίωση της τεχνητής νοημοσύνης στη Meta. Για να επιβεβαιώσετε τη διεύθυνση email σας, εισαγάγετε τον παρακάτω κωδικό στη φόρμα:",
        "!!736102",
        "Ο κωδικός λήγει σε 30 λεπτά. Αν δεν υποβάλατε εσείς αυτό το αίτημα, μπορείτε να αγνοήσετε αυτό το μήνυμα.",
    ],
    footer=ig_footer("el", "eleni.dimitriou@example.com", "eleni_dim", "elcode"),
)

_ioana = "ioana.stanescu@example.com"
add(
    dict(file="ro_facebook_code_objection.eml", kind="verification_code", platform="facebook",
         account=_ioana, address=_ioana, language="ro",
         note="Romanian objection-form code 149286 (cod de confirmare, compare ro_instagram_2fa_code.eml); iso-8859-2 8bit with cedilla ş/ţ as legacy encoders write them; html-only with inline logo"),
    **{"from": FB_SECURITY}, to=("Ioana Stănescu", _ioana), to_charset="iso-8859-2",
    date=datetime(2024, 6, 6, 2, 30, 0, tzinfo=PDT),
    subject="Codul tău de confirmare este 149286", subject_charset="iso-8859-2",
    charset="iso-8859-2", cte="8bit", shape="html+logo", brand="facebook",
    paras=[p.translate(RO_CEDILLA) for p in [
        "Bună, Ioana,",
        "Am primit solicitarea ta de a te opune utilizării informațiilor tale pentru dezvoltarea și îmbunătățirea AI la Meta. Pentru a confirma adresa de e-mail, introdu acest cod în formular:",
        "!!149286",
        "Solicitarea ta nu va fi trimisă până când nu confirmi adresa de e-mail. Dacă nu ai trimis tu această solicitare, poți ignora acest e-mail.",
    ]],
    footer=fb_footer("ro", _ioana, "rocode").translate(RO_CEDILLA),
)

add(
    dict(file="hu_instagram_code_objection.eml", kind="verification_code", platform="instagram",
         account="szabo.reka", address="reka.szabo@example.com", language="hu",
         note="Hungarian objection-form code 381574 from Instagram (compare hu_instagram_2fa_code.eml); iso-8859-2 QP, CRLF line endings"),
    **{"from": IG_SECURITY}, to=(None, "reka.szabo@example.com"), date=datetime(2025, 4, 20, 15, 55, 40, tzinfo=PDT),
    subject="A tiltakozásod megerősítéséhez szükséges kód: 381574", subject_charset="iso-8859-2",
    charset="iso-8859-2", cte="quoted-printable", shape="alt", brand="instagram", crlf=True,
    paras=[
        "Szia szabo.reka!",
        "Tiltakozást nyújtottál be az ellen, hogy az információidat a Metánál használt MI fejlesztéséhez és továbbfejlesztéséhez felhasználjuk. Az e-mail-címed megerősítéséhez add meg az alábbi kódot az űrlapon:",
        "!!381574",
        "Ha nem te küldted be a kérelmet, nyugodtan hagyd figyelmen kívül ezt az e-mailt.",
    ],
    footer=ig_footer("hu", "reka.szabo@example.com", "szabo.reka", "hucode"),
)

# --- rejections ------------------------------------------------------------------

_johan = "johan.lindberg@example.com"
add(
    dict(file="sv_facebook_rejection_refused.eml", kind="rejection", platform="facebook",
         account=_johan, address=_johan, language="sv",
         note="Swedish refusal: contains 'respektera din invändning' (the confirmation phrase) negated ('kan vi tyvärr inte respektera'); windows-1252 8bit"),
    **{"from": FB_NOREPLY}, to=("Johan Lindberg", _johan), date=datetime(2024, 6, 13, 9, 41, 12, tzinfo=PDT),
    subject="Svar på din begäran om invändning", subject_charset="iso-8859-1",
    charset="windows-1252", cte="8bit", shape="alt", brand="meta",
    paras=[
        "Hej Johan!",
        "Vi har granskat din begäran. Utifrån de uppgifter du har lämnat kan vi tyvärr inte respektera din invändning mot att din information används för att utveckla och förbättra AI hos Meta.",
        "Vi har vägt dina uppgifter mot våra berättigade intressen och kommer att fortsätta behandla din information enligt vår [integritetspolicy](" + fb_n("privacy/policy/", _johan, "svrj2") + ").",
        "Om du inte håller med om beslutet kan du vända dig till Integritetsskyddsmyndigheten (IMY) eller dataskyddsmyndigheten där du bor.",
        "Hälsningar\nMetas integritetsteam",
    ],
    footer=fb_footer("sv", _johan, "svrj2"),
)

add(
    dict(file="da_instagram_rejection_cannot_process.eml", kind="rejection", platform="instagram",
         account="freja.lund_", address="freja.lund@example.com", language="da",
         note="Danish 'kunne ikke behandle' reply: email address not confirmed in time; mentions the bekræftelseskode but carries no code; ASCII subject, latin-1 QP html-only"),
    **{"from": IG_NOREPLY}, to=(None, "freja.lund@example.com"), date=datetime(2025, 4, 24, 6, 18, 27, tzinfo=PDT),
    subject="Vi kunne ikke behandle din anmodning",
    charset="iso-8859-1", cte="quoted-printable", shape="html", brand="instagram",
    paras=[
        "Hej freja.lund_",
        "Vi kunne ikke behandle din anmodning om at gøre indsigelse mod brugen af dine oplysninger til AI hos Meta, fordi din e-mailadresse ikke blev bekræftet inden for tidsfristen.",
        "Hvis du stadig ønsker at gøre indsigelse, skal du sende en ny anmodning og indtaste den bekræftelseskode, vi sender til dig på e-mail.",
        "Instagram-teamet",
    ],
    footer=ig_footer("da", "freja.lund@example.com", "freja.lund_", "darj"),
)

_antti = "antti.heikkinen@example.com"
add(
    dict(file="fi_facebook_rejection_need_prompts.eml", kind="rejection", platform="facebook",
         account=_antti, address=_antti, language="fi",
         note="Finnish 'we need more information' reply from support.facebook.com asking for prompts and screenshots; case number in the subject; utf-8 base64"),
    **{"from": SUPPORT_FB}, to=("Antti Heikkinen", _antti), date=datetime(2024, 6, 15, 11, 2, 40, tzinfo=PDT),
    subject="Re: Pyyntösi, joka koskee tekoälyä Metalla [Tapaus #" + tok("firj1case", 15, DIGITS) + "]",
    charset="utf-8", cte="base64", shape="alt", brand="meta",
    paras=[
        "Hei Antti,",
        "kiitos yhteydenotostasi. Emme toteuta tämän lomakkeen kautta lähetettyjä pyyntöjä automaattisesti, vaan käsittelemme ne asuinmaasi lainsäädännön mukaisesti.",
        "Tarvitsemme sinulta lisätietoja, ennen kuin voimme jatkaa pyyntösi käsittelyä. Vastaa tähän sähköpostiin ja liitä mukaan:\n"
        "- kehotteet, jotka kirjoitit ja joiden seurauksena henkilötietojasi näkyi Metan tekoälymallin vastauksessa, sekä\n"
        "- kuvakaappaukset näistä vastauksista.",
        "Jos emme saa sinulta vastausta, emme voi käsitellä pyyntöäsi eteenpäin.",
        "Ystävällisin terveisin\nMetan tietosuojatiimi",
    ],
    footer=fb_footer("fi", _antti, "firj"),
)

_ole = "ole.haugen@example.net"
add(
    dict(file="nb_facebook_rejection_cannot_process.eml", kind="rejection", platform="facebook",
         account=_ole, address=_ole, language="nb",
         note="Norwegian 'kunne ikke behandle' reply (country in the form does not match the account) that links back to the 2025 objection form via /n/ to resubmit: still a rejection, not a notice; ASCII subject"),
    **{"from": FB_NOREPLY}, to=("Ole Haugen", _ole), date=datetime(2025, 5, 7, 4, 44, 4, tzinfo=PDT),
    subject="Vi kunne ikke behandle innsigelsen din",
    charset="iso-8859-1", cte="quoted-printable", shape="alt", brand="facebook", link_style="newline",
    paras=[
        "Hei Ole,",
        "Vi har mottatt innsigelsen din mot at informasjonen din brukes til å utvikle og forbedre AI hos Meta, men vi kunne ikke behandle den. Landet du valgte i skjemaet, samsvarer ikke med landet som er knyttet til kontoen din.",
        "Hvis du fortsatt vil protestere, kan du sende inn en ny innsigelse via [dette skjemaet](" + fb_n("help/contact/6359191084165019", _ole, "nbrj") + ") og velge riktig land.",
        "Hilsen\nPersonvernteamet i Meta",
    ],
    footer=fb_footer("nb", _ole, "nbrj"),
)

add(
    dict(file="cs_instagram_rejection_refused.eml", kind="rejection", platform="instagram",
         account="petr_svoboda", address="petr.svoboda@example.com", language="cs",
         note="Czech refusal ('nemůžeme … vyhovět', the confirmation verb negated and split); iso-8859-2 QP"),
    **{"from": IG_NOREPLY}, to=(None, "petr.svoboda@example.com"), date=datetime(2024, 6, 14, 13, 20, 55, tzinfo=PDT),
    subject="Rozhodnutí o vaší námitce", subject_charset="iso-8859-2",
    charset="iso-8859-2", cte="quoted-printable", shape="alt", brand="instagram",
    paras=[
        "Dobrý den, petr_svoboda,",
        "posoudili jsme vaši žádost. Na základě informací, které jste nám poskytli, bohužel nemůžeme vaší námitce proti používání vašich informací k vývoji a zlepšování AI ve společnosti Meta vyhovět.",
        "Vaše informace budeme i nadále zpracovávat na základě oprávněného zájmu v souladu s našimi [Zásadami ochrany osobních údajů](" + l_ig(IG_POLICY, "csrj") + ").",
        "Pokud s tímto rozhodnutím nesouhlasíte, můžete se obrátit na Úřad pro ochranu osobních údajů.",
        "Tým Instagramu",
    ],
    footer=ig_footer("cs", "petr.svoboda@example.com", "petr_svoboda", "csrj"),
)

_giorgos = "giorgos.antoniou@example.com"
add(
    dict(file="el_facebook_rejection_cannot_process.eml", kind="rejection", platform="facebook",
         account=_giorgos, address=_giorgos, language="el",
         note="Greek 'could not be processed' reply: form incomplete (impact description missing); iso-8859-7 8bit html-only, utf-8 encoded display name"),
    **{"from": FB_NOREPLY}, to=("Γιώργος Αντωνίου", _giorgos), date=datetime(2024, 6, 9, 23, 5, 18, tzinfo=PDT),
    subject="Δεν ήταν δυνατή η επεξεργασία του αιτήματός σας", subject_charset="iso-8859-7",
    charset="iso-8859-7", cte="8bit", shape="html", brand="facebook",
    paras=[
        "Γεια σας Γιώργο,",
        "Δεν ήταν δυνατή η επεξεργασία του αιτήματος εναντίωσης που υποβάλατε σχετικά με τη χρήση των πληροφοριών σας για την τεχνητή νοημοσύνη στη Meta, επειδή η φόρμα δεν ήταν πλήρης: δεν περιγράψατε με ποιον τρόπο σας επηρεάζει αυτή η επεξεργασία.",
        "Αν εξακολουθείτε να επιθυμείτε να εναντιωθείτε, υποβάλετε νέο αίτημα και συμπληρώστε όλα τα υποχρεωτικά πεδία.",
        "Η ομάδα απορρήτου της Meta",
    ],
    footer=fb_footer("el", _giorgos, "elrj"),
)

add(
    dict(file="ro_instagram_rejection_more_info.eml", kind="rejection", platform="instagram",
         account="mihai.ionescu.ro", address="mihai.ionescu@example.com", language="ro",
         note="Romanian 'we need more information' (explain the impact; prompts and screenshots if any); ends with the confirmation wording negated ('nu vom putea da curs solicitării'); utf-8 QP, alternative with inline logo"),
    **{"from": IG_NOREPLY}, to=(None, "mihai.ionescu@example.com"), date=datetime(2025, 5, 10, 8, 30, 0, tzinfo=PDT),
    subject="Avem nevoie de mai multe informații despre solicitarea ta",
    charset="utf-8", cte="quoted-printable", shape="alt+logo", brand="instagram",
    paras=[
        "Bună, mihai.ionescu.ro,",
        "Îți mulțumim pentru solicitarea prin care te opui utilizării informațiilor tale pentru AI la Meta. Pe baza informațiilor pe care ni le-ai trimis, nu putem evalua încă obiecția ta.",
        "Te rugăm să răspunzi la acest e-mail și să ne explici în ce mod te afectează această prelucrare. Dacă ai văzut informații personale despre tine într-un răspuns generat de AI, trimite-ne și solicitările (prompturile) pe care le-ai folosit, împreună cu capturi de ecran.",
        "Dacă nu primim aceste informații, nu vom putea da curs solicitării tale.",
        "Echipa Instagram",
    ],
    footer=ig_footer("ro", "mihai.ionescu@example.com", "mihai.ionescu.ro", "rorj"),
)

add(
    dict(file="hu_instagram_rejection_refused.eml", kind="rejection", platform="instagram",
         account="toth.gabor", address="gabor.toth@example.com", language="hu",
         note="Hungarian refusal: 'nem tudjuk tiszteletben tartani a tiltakozásodat' (the confirmation phrase negated); iso-8859-2 base64 html-only"),
    **{"from": IG_NOREPLY}, to=(None, "gabor.toth@example.com"), date=datetime(2024, 6, 12, 17, 17, 17, tzinfo=PDT),
    subject="Válasz a tiltakozásodra", subject_charset="iso-8859-2",
    charset="iso-8859-2", cte="base64", shape="html", brand="instagram",
    paras=[
        "Szia toth.gabor!",
        "Megvizsgáltuk a kérelmedet, és sajnos ezúttal nem tudjuk tiszteletben tartani a tiltakozásodat az ellen, hogy az információidat a Metánál használt MI fejlesztéséhez és továbbfejlesztéséhez felhasználjuk.",
        "Az általad megadott információk alapján jogos érdekeink elsőbbséget élveznek, ezért az információidat továbbra is az [Adatvédelmi szabályzatunkban](" + l_ig(IG_POLICY, "hurj") + ") leírtak szerint kezeljük.",
        "Ha nem értesz egyet a döntéssel, a Nemzeti Adatvédelmi és Információszabadság Hatósághoz (NAIH) fordulhatsz.",
        "Az Instagram csapata",
    ],
    footer=ig_footer("hu", "gabor.toth@example.com", "toth.gabor", "hurj"),
)

# --- login / two-factor codes: kind "other" -------------------------------------------

add(
    dict(file="da_facebook_login_code.eml", kind="other", platform="facebook",
         account=_mads, address=_mads, language="da",
         note="hard: Danish Facebook LOGIN code ('bekræftelseskode', same word as the objection code) from security@facebookmail.com, same person 16 minutes before da_facebook_code_objection.eml; the body says it is for logging in"),
    **{"from": FB_SECURITY}, to=("Mads Kjær", _mads), date=datetime(2024, 6, 5, 10, 5, 11, tzinfo=PDT),
    subject="294730 er din bekræftelseskode til Facebook", subject_charset="iso-8859-1",
    charset="windows-1252", cte="quoted-printable", shape="alt", brand="facebook",
    paras=[
        "Hej Mads",
        "Nogen forsøger at logge ind på din Facebook-konto fra en ny enhed (Chrome på Windows, København). Hvis det er dig, skal du indtaste denne kode for at bekræfte, at det er dig, der logger ind:",
        "!!294730",
        "Var det ikke dig? [Sikr din konto](" + fb_n("hacked/", _mads, "daother") + ") med det samme. Del aldrig denne kode med andre.",
    ],
    footer=fb_footer("da", _mads, "daother"),
)

add(
    dict(file="ro_instagram_2fa_code.eml", kind="other", platform="instagram",
         account="ioana_stanescu", address=_ioana, language="ro",
         note="hard: Romanian Instagram two-factor code ('cod de confirmare', same words as the objection code) for the same address as ro_facebook_code_objection.eml; the body says it is for logging in with two-factor authentication; utf-8 base64 html-only"),
    **{"from": IG_SECURITY}, to=(None, _ioana), date=datetime(2025, 4, 22, 7, 12, 48, tzinfo=PDT),
    subject="Codul tău de confirmare Instagram: 860413",
    charset="utf-8", cte="base64", shape="html", brand="instagram",
    paras=[
        "Bună, ioana_stanescu,",
        "Cineva încearcă să se conecteze la contul tău de Instagram. Deoarece ai activat autentificarea în doi pași, introdu acest cod pentru a finaliza conectarea:",
        "!!860413",
        "Dacă nu încerci să te conectezi, [schimbă-ți parola](" + l_ig("https://www.instagram.com/accounts/password/change/", "roother") + ") imediat. Nu comunica nimănui acest cod.",
    ],
    footer=ig_footer("ro", _ioana, "ioana_stanescu", "roother"),
)

# ==========================================================================
# output
# ==========================================================================

TOML_KEYS = ["file", "kind", "platform", "account", "address", "language", "objection_url",
             "covers_linked_accounts", "suspicious_reason", "note"]

HEADER = """# Held-out test set for objection-tracker.
# Generated by tests/holdout/make_holdout.py from the field guide only; do not edit by hand.
# One [[mail]] table per .eml file in this folder.
#   kind: notice | verification_code | confirmation | rejection | other | suspicious | irrelevant
#   platform/account: omitted for suspicious and irrelevant mails
#   account: Instagram/Threads -> the username; Facebook -> the To address, lower-case
#   objection_url: notices only, canonical form
#   covers_linked_accounts: only on confirmations that say they also cover other accounts in the same Accounts Center
"""


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    raise TypeError(v)


def render_toml() -> str:
    out = [HEADER]
    for m in MAILS:
        e = m["expected"]
        unknown = set(e) - set(TOML_KEYS)
        assert not unknown, unknown
        out.append("[[mail]]")
        for k in TOML_KEYS:
            if k in e:
                out.append(f"{k} = {toml_value(e[k])}")
        out.append("")
    return "\n".join(out)


def generate() -> dict[str, bytes]:
    files = {m["spec"]["file"]: build(m["spec"]) for m in MAILS}
    files["expected.toml"] = render_toml().encode("utf-8")
    return files


def self_check(files: dict[str, bytes]) -> list[str]:
    import tomllib

    problems = []
    emls = sorted(f for f in files if f.endswith(".eml"))
    data = tomllib.loads(files["expected.toml"].decode("utf-8"))
    listed = [m["file"] for m in data["mail"]]
    if sorted(listed) != emls or len(set(listed)) != len(listed):
        problems.append("expected.toml does not list every .eml exactly once")
    msgids = set()
    for name in emls:
        raw = files[name]
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"):
            if msg[h] is None:
                problems.append(f"{name}: missing {h}")
        for header in ("Subject", "From", "To"):
            str(msg[header])
        if msg["Message-ID"] in msgids:
            problems.append(f"{name}: duplicate Message-ID")
        msgids.add(msg["Message-ID"])
        texts = 0
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                content = part.get_content()
                if "\ufffd" in content:
                    problems.append(f"{name}: replacement char in {part.get_content_type()}")
                texts += 1
        if not texts:
            problems.append(f"{name}: no text part")
        if any(len(line) > 998 for line in raw.split(b"\n")):
            problems.append(f"{name}: line longer than 998 octets")
    for m in data["mail"]:
        k = m["kind"]
        if k in ("suspicious", "irrelevant"):
            if "platform" in m or "account" in m:
                problems.append(f"{m['file']}: platform/account on {k}")
        elif "platform" not in m or "account" not in m:
            problems.append(f"{m['file']}: missing platform/account")
        if ("objection_url" in m) != (k == "notice"):
            problems.append(f"{m['file']}: objection_url only on notices")
        if ("suspicious_reason" in m) != (k == "suspicious"):
            problems.append(f"{m['file']}: suspicious_reason only on suspicious")
        if "covers_linked_accounts" in m and k != "confirmation":
            problems.append(f"{m['file']}: covers_linked_accounts only on confirmations")
        if k == "verification_code" or (k == "other" and m["file"].endswith("_code.eml")):
            subject = str(email.message_from_bytes(files[m["file"]], policy=email.policy.default)["Subject"])
            if len(re.findall(r"(?<!\d)\d{6}(?!\d)", subject)) != 1:
                problems.append(f"{m['file']}: subject should carry exactly one six-digit code")
    return problems


def main(argv: list[str]) -> int:
    files = generate()
    problems = self_check(files)
    if "--check" in argv:
        for name, data in files.items():
            on_disk = HERE / name
            if not on_disk.exists() or on_disk.read_bytes() != data:
                problems.append(f"{name}: differs from a fresh generation")
        stale = {p.name for p in HERE.glob("*.eml")} - set(files)
        problems += [f"{n}: not produced by the generator" for n in sorted(stale)]
    else:
        for name, data in files.items():
            (HERE / name).write_bytes(data)
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    n = sum(1 for f in files if f.endswith(".eml"))
    print(f"{n} mails, {'OK' if not problems else str(len(problems)) + ' problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
