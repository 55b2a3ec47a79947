"""Everyday Meta mail of templates the triage rules do not list, for mixing the test sets into a
mailbox as large as a real one (issue 21 item 1).

Built from the field guide: Meta's real senders (notification@, noreply@, update@em., security@,
advertise-noreply@facebookmail.com, priority.facebookmail.com, mail.instagram.com for Instagram and
Threads), the campaign headers genuine mail carries (`X-Facebook-Notify`, `Feedback-ID`, `X-Mailer:
ZuckMail`) or not, footers that name the address (and the Instagram username) or name nothing,
greetings, and subjects in several languages that no everyday pattern of
tracker/recognition/triage.py lists ("X shared a memory with you", "Your weekly Page summary"...).
None of them is in the objection flow: no form link, no code, no reply.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

NAMES = ("Lena Fischer", "Maria Lopez", "Tom Becker", "Jonas Weber", "Camille Martin", "Marco Rossi",
         "Eva Novak", "Sofia Berg", "Ahmed Karim", "Priya Shah", "Noah Jansen", "Ines Costa",
         "Aylin Demir", "Yuki Tanaka", "Budi Santoso", "Zofia Nowak")


@dataclass(frozen=True)
class Template:
    """One everyday template in one language: its subjects, a line of its body, its footers."""

    lang: str
    subjects: tuple[str, ...]  # {who}, {n}, {page} filled in
    line: str
    greeting: str  # {name}
    sent_to: str  # {address}: the Facebook footer
    intended_for: str  # {address} {user}: the Instagram footer
    anonymous: str  # a footer that names no account


TEMPLATES = (
    Template("en", ("{who} shared a memory with you", "See what {who} and others have been sharing",
                    "Your weekly Page summary", "{who} added to their story",
                    "{n} people viewed your profile this week", "Reminder: {who}'s event is tomorrow",
                    "{page} has {n} new likes"),
             "{who} and {n} others have been busy. Open the app to catch up.", "Hi {name},",
             "This message was sent to {address}.",
             "This message was sent to {address} and intended for {user}.",
             "You are receiving this because you turned on email notifications."),
    Template("de", ("{who} hat eine Erinnerung mit dir geteilt",
                    "Sieh dir an, was {who} und andere geteilt haben", "Deine wöchentliche Seitenübersicht",
                    "{page} hat {n} neue „Gefällt mir“-Angaben"),
             "{who} und {n} weitere waren aktiv. Öffne die App, um nichts zu verpassen.", "Hallo {name},",
             "Diese Nachricht wurde an {address} gesendet.",
             "Diese Nachricht wurde an {address} gesendet und ist für {user} bestimmt.",
             "Du erhältst diese E-Mail, weil du E-Mail-Benachrichtigungen aktiviert hast."),
    Template("fr", ("{who} a partagé un souvenir avec vous", "Votre résumé hebdomadaire de la Page",
                    "{page} a {n} nouvelles mentions J’aime"),
             "{who} et {n} autres personnes ont été actifs. Ouvrez l’application.", "Bonjour {name},",
             "Ce message a été envoyé à {address}.",
             "Ce message a été envoyé à {address} et est destiné à {user}.",
             "Vous recevez cet e-mail car vous avez activé les notifications."),
    Template("es", ("{who} compartió un recuerdo contigo", "Tu resumen semanal de la página",
                    "Mira lo que {who} y otras personas han compartido"),
             "{who} y {n} personas más han estado activos. Abre la aplicación.", "Hola, {name}:",
             "Este mensaje se envió a {address}.",
             "Este mensaje se envió a {address} y está destinado a {user}.",
             "Recibes este correo porque activaste las notificaciones."),
    Template("it", ("{who} ha condiviso un ricordo con te", "Il riepilogo settimanale della tua Pagina"),
             "{who} e altre {n} persone sono stati attivi. Apri l'app.", "Ciao {name},",
             "Questo messaggio è stato inviato a {address}.",
             "Questo messaggio è stato inviato a {address} ed è destinato a {user}.",
             "Ricevi questa e-mail perché hai attivato le notifiche."),
    Template("pt", ("{who} partilhou uma memória consigo", "O resumo semanal da sua Página"),
             "{who} e mais {n} pessoas estiveram ativas. Abra a app.", "Olá, {name}",
             "Esta mensagem foi enviada para {address}.",
             "Esta mensagem foi enviada para {address} e destina-se a {user}.",
             "Recebe este e-mail porque ativou as notificações."),
    Template("nl", ("{who} heeft een herinnering met je gedeeld", "Je wekelijkse Pagina-overzicht"),
             "{who} en {n} anderen waren actief. Open de app.", "Hallo {name},",
             "Dit bericht is verzonden naar {address}.",
             "Dit bericht is verzonden naar {address} en is bedoeld voor {user}.",
             "Je ontvangt deze e-mail omdat je meldingen hebt ingeschakeld."),
    Template("pl", ("{who} udostępnia Ci wspomnienie", "Cotygodniowe podsumowanie Twojej strony"),
             "{who} i {n} innych osób było aktywnych. Otwórz aplikację.", "Cześć {name},",
             "Ta wiadomość została wysłana na adres {address}.",
             "Ta wiadomość została wysłana na adres {address} i jest przeznaczona dla {user}.",
             "Otrzymujesz tę wiadomość, ponieważ włączono powiadomienia."),
    Template("tr", ("{who} seninle bir anı paylaştı", "Sayfanın haftalık özeti"),
             "{who} ve {n} kişi daha etkindi. Uygulamayı aç.", "Merhaba {name},",
             "Bu mesaj {address} adresine gönderildi.",
             "Bu mesaj {address} adresine {user} için gönderildi.",
             "Bildirimleri açtığın için bu e-postayı alıyorsun."),
    Template("id", ("{who} membagikan kenangan dengan Anda", "Ringkasan mingguan Halaman Anda"),
             "{who} dan {n} lainnya sedang aktif. Buka aplikasi.", "Hai {name},",
             "Pesan ini dikirimkan ke {address}.",
             "Pesan ini dikirimkan ke {address} dan ditujukan untuk {user}.",
             "Anda menerima email ini karena mengaktifkan notifikasi."),
    Template("ja", ("{who}さんが思い出をシェアしました", "ページの週間サマリー"),
             "{who}さんほか{n}人が投稿しました。アプリを開いて確認しましょう。", "こんにちは、{name}さん",
             "このメッセージは{address}に送信されました。",
             "このメッセージは{address}に送信された、{user}さん宛てのメッセージです。",
             "メール通知をオンにしているため、このメールが送信されました。"),
)

# (display name, address) of Meta's senders (FG "Senders"), per platform; the campaign each sends.
# "msg" is the campaign the test sets' notices and codes carry too: a rule that learns campaigns
# from everyday mail alone must still read them.
FACEBOOK_SENDERS = (
    ("Facebook", "notification@facebookmail.com", "memories"),
    ("Facebook", "notification@facebookmail.com", "msg"),
    ("Facebook", "noreply@facebookmail.com", "msg"),
    ("Facebook", "noreply@facebookmail.com", "feed_digest"),
    ("Facebook", "update@em.facebookmail.com", "weekly_digest"),
    ("Meta for Business", "advertise-noreply@facebookmail.com", "page_new_likes"),
    ("Facebook", "notification@priority.facebookmail.com", "event_invite_off_fb"),
)
INSTAGRAM_SENDERS = (
    ("Instagram", "no-reply@mail.instagram.com", "ig_story_digest"),
    ("Threads", "no-reply@mail.instagram.com", "threads_activity"),
)


@dataclass(frozen=True)
class Account:
    platform: str  # facebook | instagram
    address: str
    username: str | None = None  # Instagram's account; Facebook's is the address


def accounts(extra: tuple[Account, ...] = ()) -> tuple[Account, ...]:
    """A few accounts of their own and those of the test sets' people the caller passes."""
    own = tuple(Account("facebook", f"daily{i}@example.org") for i in range(6)) + tuple(
        Account("instagram", f"daily{i}@example.org", f"daily.{i}") for i in range(6))
    return own + extra


def mail(rng: random.Random, i: int, account: Account, when: dt.datetime) -> bytes:
    """One everyday mail, delivered at `when` (its Date a minute earlier)."""
    t = rng.choice(TEMPLATES)
    ig = account.platform == "instagram"
    display, sender, campaign = rng.choice(INSTAGRAM_SENDERS if ig else FACEBOOK_SENDERS)
    domain = sender.rpartition("@")[2]
    who = rng.choice(NAMES)
    fill = dict(who=who, n=rng.randint(2, 40), page=f"{who.split()[0]}'s Bakery")
    subject = rng.choice(t.subjects).format(**fill)
    footer_kind = rng.random()
    if footer_kind < 0.15:  # a footer that names no account: the greeting alone names it
        footer = t.anonymous
    elif ig:
        footer = t.intended_for.format(address=account.address, user=account.username)
    else:
        footer = t.sent_to.format(address=account.address)
    name = account.username if ig else who.split()[0]
    text = "\r\n".join([t.greeting.format(name=name), "", t.line.format(**fill), "",
                        f"https://{'www.instagram.com' if ig else 'www.facebook.com'}/n/?home.php"
                        f"&mid={rng.getrandbits(48):x}", "", "=" * 20, footer,
                        "Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, Ireland", ""])
    html = (f"<html lang=\"{t.lang}\"><body><p>{t.greeting.format(name=name)}</p><p>{t.line.format(**fill)}</p>"
            f"<p style=\"color:#90949c;font-size:12px\">{footer}</p></body></html>")
    mid = f"{rng.getrandbits(96):024x}"
    boundary = f"b1_{rng.getrandbits(64):016x}"
    campaign_headers = ""
    if rng.random() < 0.6:  # genuine mail carries its campaign; a share does not show it
        campaign_headers = (f"X-Mailer: ZuckMail [version 1.00]\r\n"
                            f"X-Facebook-Notify: {campaign}; mailid={mid[:20]}\r\n"
                            f"Feedback-ID: 9999:{campaign}:{'Instagram' if ig else 'Facebook'}\r\n")
    date = (when - dt.timedelta(minutes=1)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    return (
        f"From: {display} <{sender}>\r\nTo: {account.address}\r\nSubject: {_header(subject)}\r\n"
        f"Date: {date}\r\nMessage-ID: <{mid}.{i}@{domain}>\r\n{campaign_headers}"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: multipart/alternative; boundary=\"{boundary}\"\r\n\r\n"
        f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        f"{text}\r\n--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Transfer-Encoding: 8bit\r\n\r\n{html}\r\n--{boundary}--\r\n").encode()


def _header(text: str) -> str:
    """A subject as Meta writes it: RFC 2047 base64 when it is not ASCII."""
    if text.isascii():
        return text
    import base64

    return "=?UTF-8?B?" + base64.b64encode(text.encode()).decode() + "?="
