"""Writes tests/identity/*.eml: Instagram and Threads mails whose account only the template's
structure names (greeting + footer), in several scripts and legacy charsets (field guide,
"Naming the account"; the Indonesian footer is the one seen in real mail)."""
import base64
import quopri
from email.header import Header
from pathlib import Path

OUT = Path(__file__).parent
FORM = "https://help.instagram.com/contact/767264225370182"
ADDR = "Meta Platforms Ireland Limited, Merrion Road, Dublin 4, D04 X2K5, Ireland"
cases = []  # (file, platform, account, address, unknown)

def mail(file, charset, cte, subject, body, account, address, *, html=False, sender="Instagram",
         domain="mail.instagram.com", platform="instagram", unknown=False, crlf=False):
    raw = body.encode(charset)
    if cte == "base64":
        payload = base64.encodebytes(raw).decode("ascii")
    elif cte == "quoted-printable":
        payload = quopri.encodestring(raw).decode("ascii")
    else:
        payload = raw.decode("latin-1")  # 8bit: the bytes as they are
    head = (f"From: {sender} <no-reply@{domain}>\nTo: {address}\n"
            f"Subject: {Header(subject, charset).encode()}\n"
            f"Date: Tue, 03 Jun 2025 09:00:00 +0000\nMessage-ID: <{file}@{domain}>\n"
            f"MIME-Version: 1.0\nContent-Type: text/{'html' if html else 'plain'}; charset={charset}\n"
            f"Content-Transfer-Encoding: {cte}\n\n")
    data = (head + payload).encode("latin-1")
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    (OUT / file).write_bytes(data)
    cases.append((file, platform, account, address, unknown))

A = "aylin.yilmaz@example.com"
# Three Instagram accounts on one address, Turkish (windows-1254), suffixes glued with an apostrophe.
for i, (user, suffix) in enumerate([("aylin.yilmaz", "'a"), ("aylin_ceramics", "'e"), ("yilmaz.aylin.34", "'e")]):
    mail(f"tr_{i+1}_ig_three_on_one_address.eml", "windows-1254", "quoted-printable",
         "Instagram'da yeni bildirimlerin var",
         f"Merhaba {user},\n\nBu hafta hesabında neler olduğuna göz at.\n\n"
         f"Bu mesaj {A} adresine gönderildi ve {user}{suffix} yöneliktir. Senin hesabın değil mi? "
         f"E-posta adresini bu hesaptan kaldır.\nInstagram. {ADDR}\n", user, A, crlf=i == 1)
B = "olga.petrova@example.org"
mail("ru_koi8_greeting_and_footer.eml", "koi8-r", "8bit", "Новые уведомления в Instagram",
     "Здравствуйте, olga_petrova!\n\nПосмотрите, что нового в вашем аккаунте.\n\n"
     f"Это сообщение было отправлено на адрес {B} и предназначено для olga_petrova. "
     f"Не ваш аккаунт? Удалите свой электронный адрес из этого аккаунта.\nInstagram. {ADDR}\n",
     "olga_petrova", B)
C = "haruto.sato@example.jp"
mail("ja_iso2022_san.eml", "iso-2022-jp", "7bit", "Instagramからのお知らせ",
     "haruto.satoさん、こんにちは。\n\nアカウントの最新情報をお知らせします。\n\n"
     f"このメッセージは{C}宛てに、haruto.satoさんに送信されました。\nInstagram. {ADDR}\n",
     "haruto.sato", C)
mail("ja_shiftjis_threads.eml", "shift_jis", "base64", "Threadsでの新しいアクティビティ",
     "sato_haruto_88さん、こんにちは。\n\nThreadsで返信がありました。\n\n"
     f"このメッセージは{C}宛てに、sato_haruto_88さんに送信されました。\nThreads. {ADDR}\n",
     "sato_haruto_88", C, sender="Threads", platform="instagram")
D = "jiwoo.park@example.kr"
mail("ko_euckr_nim.eml", "euc-kr", "base64", "Instagram 알림",
     "jiwoo_park님, 안녕하세요.\n\n새로운 활동이 있습니다.\n\n"
     f"이 메시지는 {D}(으)로 jiwoo_park님에게 발송되었습니다. 회원님의 계정이 아닌가요?\nInstagram. {ADDR}\n",
     "jiwoo_park", D)
E = "noura.saleh@example.com"
mail("ar_cp1256_lam_bidi.eml", "windows-1256", "quoted-printable", "إشعارات Instagram",
     "مرحبًا \u200enoura.saleh_\u200e،\n\nلديك إشعارات جديدة.\n\n"
     f"تم إرسال هذه الرسالة إلى \u200e{E}\u200e وهي مخصصة لـ\u200enoura.saleh_\u200e. ليس حسابك؟\nInstagram. {ADDR}\n",
     "noura.saleh_", E)
F = "dana.levi@example.co.il"
mail("he_iso8859_8_lamed_hyphen.eml", "iso-8859-8", "8bit", "התראות Instagram",
     "שלום dana.levi.tlv,\n\nיש לך התראות חדשות.\n\n"
     f"הודעה זו נשלחה אל {F} ומיועדת ל-dana.levi.tlv. לא החשבון שלך?\nInstagram. {ADDR}\n",
     "dana.levi.tlv", F)
G = "nino.beridze@example.ge"
mail("ka_utf8_suffix_ze.eml", "utf-8", "base64", "Instagram-ის შეტყობინებები",
     "გამარჯობა nino_beridze,\n\nგაქვს ახალი შეტყობინებები.\n\n"
     f"ეს შეტყობინება გაიგზავნა {G}-ზე და განკუთვნილია nino_beridze-ზე. ეს არ არის შენი ანგარიში?\nInstagram. {ADDR}\n",
     "nino_beridze", G)
H = "mecton@example.net"
mail("id_html_entity_footer.eml", "utf-8", "quoted-printable", "Kode keamanan Instagram",
     "<html><body><p>Hai mecton,</p><p>Seseorang mencoba masuk ke akun Anda.</p>"
     "<p>Pesan ini dikirimkan ke mecton&#064;example.net dan ditujukan untuk "
     "<span>\u2068mecton\u2069</span>. Bukan akun Anda? Hapus email Anda dari akun ini.</p>"
     f"<p>Instagram. {ADDR}</p></body></html>", "mecton", H, html=True)
TH = "somsak.k@example.co.th"
mail("th_utf8_zero_width.eml", "utf-8", "base64", "การแจ้งเตือน Instagram",
     "สวัสดี \u200bsomsak_k\u200b\n\nคุณมีการแจ้งเตือนใหม่\n\n"
     f"ข้อความนี้ถูกส่งไปยัง {TH} และมีไว้สำหรับ somsak_k หากนี่ไม่ใช่บัญชีของคุณ โปรดลบอีเมลของคุณ\nInstagram. {ADDR}\n",
     "somsak_k", TH)
# No greeting, and a footer in a language no data holds whose words all have a username's shape
# (an invented one, so that no language file ever learns it): the tracker must not guess.
J = "ana.silva@example.pt"
mail("xx_unknown_no_greeting.eml", "utf-8", "8bit", "Instagram",
     "Tens novas notificações no Instagram.\n\n"
     f"Mesaj kaldes al {J} kaj celas por anasilva. Ne via konto?\nInstagram. {ADDR}\n",
     None, J, unknown=True)


# Lures (FG "Lures": display names such as "Facebook ,_", "Meta Service", "Meta-support" from
# unrelated domains, with copies of Facebook's HTML) and look-alike letters: never an account.
LURES = [
    ("lure_facebook_comma_unquoted.eml", 'Facebook ,_ <info@yua1ekvi1o.com>'),
    ("lure_facebook_comma_quoted.eml", '"Facebook ,_" <info@yua1ekvi1o.com>'),
    ("lure_meta_support.eml", 'Meta-support <help@support-desk.example>'),
    ("lure_meta_service_encoded.eml", '=?utf-8?q?Meta_Service?= <no-reply@mailer.example>'),
    ("lure_lnstagram.eml", 'lnstagram <security@notify.example>'),
    ("lure_rn_for_m.eml", 'Rneta Privacy <privacy@notify.example>'),
    ("lure_vv_for_w.eml", 'VVhatsApp <team@notify.example>'),
]
for file, sender in LURES:
    data = (f"From: {sender}\nTo: {A}\nSubject: Your account will be disabled\n"
            f"Date: Tue, 03 Jun 2025 09:00:00 +0000\nMessage-ID: <{file}@lure.example>\n"
            "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
            "<p>We received a report about your account. You have the right to object: "
            '<a href="https://meta-appeal.example/form">object here</a>.</p>'
            f"<p>This message was sent to {A}.</p>\n")
    (OUT / file).write_bytes(data.encode("utf-8"))
    cases.append((file, "suspicious", None, None, False))
# FG "Not about an account": a delivery report from Facebook's mail servers for a mail the user
# sent to Meta's no-reply address.
BOUNCE = f"""From: Mail Delivery Subsystem <mailer-daemon@mx.facebook.com>
To: {A}
Subject: Undelivered Mail Returned to Sender
Date: Tue, 03 Jun 2025 09:00:00 +0000
Message-ID: <bounce1@mx.facebook.com>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.facebook.com. Your message could not be delivered.
<noreply@facebookmail.com>: 550 5.1.1 This mailbox does not accept incoming mail

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.facebook.com
Final-Recipient: rfc822; noreply@facebookmail.com
Action: failed
Status: 5.1.1

--b1
Content-Type: message/rfc822

From: {A}
To: noreply@facebookmail.com
Subject: Re: We've reviewed your request

Thanks! Please honour my objection for aylin_ceramics too.
This message was sent to {A} and intended for aylin_ceramics.

--b1--
"""
(OUT / "bounce_mailer_daemon_facebook.eml").write_bytes(BOUNCE.encode("ascii"))
cases.append(("bounce_mailer_daemon_facebook.eml", "irrelevant", None, None, False))

lines = ["# tests/identity: the account each mail is for, read from the template's structure.",
         "# Written from the field guide ('Naming the account'); make_identity.py regenerates.", ""]
for file, platform, account, address, _unknown in cases:
    if platform in ("suspicious", "irrelevant"):  # a lure or a bounce: no account at all
        lines += ["[[mail]]", f'file = "{file}"', f'kind = "{platform}"', ""]
        continue
    lines += ["[[mail]]", f'file = "{file}"', f'platform = "{platform}"',
              f'account = "{account}"' if account else "account_unknown = true",
              f'address = "{address}"', ""]
(OUT / "expected.toml").write_text("\n".join(lines), encoding="utf-8")
