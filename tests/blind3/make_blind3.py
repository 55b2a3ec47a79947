#!/usr/bin/env python3
"""Generate the blind3 test mails (languages the recogniser was not written for).

Stdlib only, deterministic.  Writes every *.eml and expected.toml beside this file.
    python3 make_blind3.py           # (re)write the folder
    python3 make_blind3.py --check   # regenerate in memory, exit 1 if the disk differs

Written from the field guide only; the recogniser was never read.
"""
import base64
import binascii
import datetime
import email.utils
import hashlib
import html
import os
import re
import sys
from urllib.parse import quote

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------- helpers

def _h(seed, n=16):
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:n]


def fb_n(path, addr, seed, host="www.facebook.com"):
    """Facebook notification wrapper: https://www.facebook.com/n/?<path>&aref=..&n_m=<addr>"""
    return (f"https://{host}/n/?{quote(path, safe='')}"
            f"&aref={int(_h(seed + 'a', 9), 16)}&medium=email"
            f"&mid={_h(seed + 'm', 13)}G5af3{_h(seed + 'g', 8)}G5af7{_h(seed + 'k', 6)}"
            f"&bcode=2.{1700000000 + int(_h(seed + 'b', 6), 16)}.Ab{_h(seed + 'c', 22)}"
            f"&n_m={quote(addr, safe='')}")


def l_fb(target, seed):
    return f"https://l.facebook.com/l.php?u={quote(target, safe='')}&h=AT{_h(seed + 'h', 30)}"


def l_ig(target, seed):
    return f"https://l.instagram.com/?u={quote(target, safe='')}&e=AT{_h(seed + 'e', 30)}"


FB_FORM_1 = "https://www.facebook.com/help/contact/712876720715583"
FB_FORM_2 = "https://www.facebook.com/help/contact/6359191084165019"
IG_FORM_1 = "https://help.instagram.com/contact/767264225370182"
IG_FORM_2 = "https://help.instagram.com/contact/233964459562201"
META_PRIVACY = "https://help.meta.com/support/privacy/"
FB_THIRD_PARTY = "https://www.facebook.com/help/contact/510058597920541"

FB_NOTIF = ("Facebook", "notification@facebookmail.com")
FB_NOREPLY = ("Facebook", "noreply@facebookmail.com")
FB_SEC = ("Facebook", "security@facebookmail.com")
FB_REG = ("Facebook", "registration@facebookmail.com")
FB_SUPPORT = ("Meta Privacy Operations", "privacy-operations@support.facebook.com")
IG_NOREPLY = ("Instagram", "no-reply@mail.instagram.com")
IG_SEC = ("Instagram", "security@mail.instagram.com")
THREADS = ("Threads", "no-reply@mail.instagram.com")

FB_CO = "Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, D04 X2K5, Ireland"
IG_CO = "Instagram. Meta Platforms Ireland Limited, Merrion Road, Dublin 4, D04 X2K5, Ireland"


def fb(addr):
    return dict(platform="facebook", account=addr, address=addr)


def ig(addr, user):
    return dict(platform="instagram", account=user, address=addr)


MAILS = []


def mail(lang, nn, short, kind, **kw):
    kw.update(lang=lang, nn=nn, short=short, kind=kind)
    MAILS.append(kw)


def S(lang, nn):
    return f"blind3-{lang}-{nn:02d}"

# =========================================================================== tr (Turkish)
# One address, three Instagram accounts (and a Facebook account on the same address).
TR_A = "deniz.kaya@example.com"
TR_B = "emre.celik@example.tr"
TR_FBF = "Bu mesaj {a} adresine gönderildi. Hesabını güvende tutmaya yardımcı olmak için lütfen bu e-postayı başkasına iletme."

mail("tr", 1, "notice_2024_ig", "notice", **ig(TR_A, "denizkaya_foto"),
     frm=IG_NOREPLY, to=TR_A, date="2024-05-31T09:14:22+02:00",
     subject="Meta'daki yapay zekâ deneyimlerini genişletirken Gizlilik İlkemizi güncelliyoruz",
     subj_mode="Q", charset="windows-1254", cte="quoted-printable", shape="alt", eol="crlf",
     auth="pass", link_style="paren",
     paras=[
         "Merhaba denizkaya_foto,",
         "Meta'daki yapay zekâ deneyimlerini bulunduğun bölgeye genişletmeye hazırlanıyoruz. Meta'daki yapay zekâ; Meta AI ve yapay zekâ destekli yaratıcı araçlar gibi üretken yapay zekâ özelliklerimiz ve deneyimlerimiz ile bunları destekleyen modellerden oluşur.",
         "Bu senin için ne anlama geliyor?",
         "Bu deneyimleri sana sunabilmek için, bilgilerini Meta'daki yapay zekâyı geliştirmek ve iyileştirmek amacıyla kullanırken artık meşru menfaatler adı verilen hukuki dayanağa başvuracağız. Bu, bilgilerinin bu amaçlarla kullanılmasına [[itiraz etme hakkın|"
         + l_ig(IG_FORM_1 + "?utm_source=ig_email&utm_medium=email&utm_campaign=ai_at_meta", S("tr", 1)) +
         "]] olduğu anlamına gelir. İtirazın kabul edilirse, ileriye dönük olarak uygulanır.",
         "Bu değişiklikleri yansıtmak için [[Gizlilik İlkemizi|" + l_ig("https://privacycenter.instagram.com/policy/", S("tr", 1) + "p") + "]] güncelliyoruz. Güncellemeler 26 Haziran 2024 tarihinde yürürlüğe girecek.",
         "Teşekkürler,\nMeta Gizlilik Ekibi",
     ],
     footer=[f"Bu mesaj {TR_A} adresine gönderildi ve denizkaya_foto kullanıcısına yöneliktir. Senin hesabın değil mi? E-posta adresini bu hesaptan kaldır.", IG_CO],
     objection_url=IG_FORM_1,
     trap="conditional 'İtirazın kabul edilirse' (if your objection is accepted) in a notice; l.instagram.com wrapper with utm_* parameters; address shared by three Instagram accounts")

mail("tr", 2, "vcode_fb", "verification_code", **fb(TR_A),
     frm=FB_SEC, to=TR_A, date="2024-06-03T18:02:10+02:00",
     subject="482915 itiraz talebin için onay kodun",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="8bit", shape="plain", eol="lf", auth="pass",
     paras=[
         "Merhaba Deniz,",
         "Meta'daki yapay zekâ için bilgilerinin kullanılmasına yönelik itiraz talebini tamamlamak için formda aşağıdaki kodu gir:",
         "482915",
         "Bu kod yalnızca bir saat boyunca geçerlidir. Bu talebi sen göndermediysen bu e-postayı dikkate alma.",
         "Teşekkürler,\nMeta Gizlilik Ekibi",
     ],
     footer=[TR_FBF.format(a=TR_A), FB_CO],
     trap="Facebook account on an address that also carries three Instagram accounts")

mail("tr", 3, "confirm_2025_ig_linked", "confirmation", **ig(TR_A, "kaya.atolye"),
     frm=IG_NOREPLY, to=TR_A, date="2025-04-22T11:40:05+02:00",
     subject="Meta'daki yapay zekâ için bilgilerinin kullanımına yönelik itirazın",
     subj_mode="B", charset="windows-1254", cte="base64", shape="alt", eol="lf", auth="pass",
     paras=[
         "Merhaba kaya.atolye,",
         "Herkese açık gönderiler ve yorumlar gibi herkese açık bilgilerine yönelik itirazını kabul edeceğiz. Bu, Facebook ve Instagram'daki herkese açık bilgilerini Meta'daki yapay zekâ özelliklerimiz ve deneyimlerimiz için üretken yapay zekâ modellerinin gelecekte geliştirilmesi ve iyileştirilmesi amacıyla kullanmayacağımız anlamına gelir.",
         "Ayrıca bu hesapla aynı Hesap Merkezi'ne eklediğin diğer tüm hesaplar için de itirazını kabul edeceğiz.",
         "Üretken yapay zekâ ve bu yeni alandaki gizlilik çalışmalarımız hakkında daha fazla bilgi edinmek istersen Gizlilik Merkezi'ndeki bilgileri inceleyebilirsin. privacycenter.instagram.com/privacy/genai",
         "Bu gelen kutusu gelen mesajları kabul edemez. Bize yanıt gönderirsen yanıtın alınmaz.",
         "Teşekkürler,\nGizlilik Operasyonları",
     ],
     footer=[f"Bu mesaj {TR_A} adresine gönderildi ve kaya.atolye'ye yöneliktir. Senin hesabın değil mi? E-posta adresini bu hesaptan kaldır.", IG_CO],
     covers=True,
     trap="username with the Turkish dative suffix glued on (kaya.atolye'ye); 2025 confirmation covering Accounts Center accounts; reply boilerplate")

mail("tr", 4, "other_threads", "other", **ig(TR_A, "deniz.kaya.88"),
     frm=THREADS, to=TR_A, date="2025-03-10T20:05:44+01:00",
     subject="deniz.kaya.88, Threads'te 3 yeni bildirimin var",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="html", eol="lf",
     auth="pass", html_at=True,
     paras=[
         "deniz.kaya.88, Threads'te kaçırdıkların var",
         "selin.ar ve 2 kişi daha gönderini beğendi.",
         "zeynep_01 seni takip etmeye başladı.",
         "[[Threads'te gör|" + l_ig("https://www.threads.net/activity?utm_source=email", S("tr", 4)) + "]]",
     ],
     footer=[f"Bu mesaj {TR_A} adresine gönderildi ve deniz.kaya.88'e yöneliktir. Threads profilin deniz.kaya.88 Instagram hesabına bağlıdır.",
             "Meta Platforms Ireland Limited, Merrion Road, Dublin 4, D04 X2K5, Ireland"],
     trap="Threads mail from mail.instagram.com: platform instagram; username ending in digits with glued suffix (deniz.kaya.88'e); HTML-only with &#064; in the address")

mail("tr", 5, "other_ig_2fa_code", "other", **ig(TR_A, "denizkaya_foto"),
     frm=IG_SEC, to=TR_A, date="2025-01-18T07:31:09+01:00",
     subject="Instagram güvenlik kodun: 730418",
     subj_mode="Q", charset="windows-1254", cte="8bit", shape="plain", eol="crlf", auth=None,
     paras=[
         "Merhaba denizkaya_foto,",
         "İki faktörlü kimlik doğrulama ile Instagram'a giriş yapmak için bu kodu kullan:",
         "730418",
         "Bu kodu kimseyle paylaşma. Giriş yapmaya çalışan sen değilsen şifreni hemen değiştir.",
     ],
     footer=[f"Bu mesaj {TR_A} adresine gönderildi ve denizkaya_foto kullanıcısına yöneliktir.", IG_CO],
     trap="six-digit code, but for two-factor login, not for an objection")

mail("tr", 6, "susp_lookalike", "suspicious",
     frm=("Meta Gizlilik Merkezi", "itiraz@meta-privacy-center.com"), to=TR_B, date="2024-06-15T03:12:40+03:00",
     subject="İtiraz talebiniz reddedildi: hesabınızı 24 saat içinde doğrulayın",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="html", eol="lf",
     auth="pass", campaign="roadblock",
     paras=[
         "Sayın kullanıcı,",
         "Meta'daki yapay zekâ için bilgilerinizin kullanılmasına yönelik itiraz talebiniz eksik bilgi nedeniyle reddedildi. İtirazınızın kabul edilmesi için hesabınızı 24 saat içinde doğrulamanız gerekir. Aksi takdirde hesabınız kalıcı olarak kapatılacaktır.",
         "[[Hesabımı doğrula|https://meta-privacy-center.com/tr/verify?case=" + _h("tr6", 12) + "]]",
         "Meta Gizlilik Ekibi",
     ],
     footer=["© 2024 Meta. Meta Platforms Ireland Ltd."],
     reason="lookalike",
     trap="look-alike domain meta-privacy-center.com with dkim=pass for itself; copied X-Facebook-Notify header; claims a rejection")

mail("tr", 7, "ack_fb", "acknowledgement", **fb(TR_B),
     frm=FB_NOREPLY, to=TR_B, to_name="Emre Çelik", date="2024-06-06T14:22:51+03:00",
     subject="Talebini aldık",
     subj_mode="Q", charset="windows-1254", cte="quoted-printable", shape="plain", eol="lf", auth="pass",
     paras=[
         "Merhaba Emre,",
         "Meta'daki yapay zekâ için bilgilerinin kullanılmasına itiraz etme talebini aldık. Talebini inceliyoruz ve inceleme tamamlandığında sana tekrar e-posta göndereceğiz. İtirazın kabul edilirse, ileriye dönük olarak uygulanacaktır.",
         "Üretken yapay zekâ ve bu yeni alandaki gizlilik çalışmalarımız hakkında daha fazla bilgi edinmek istersen Gizlilik Merkezi'ndeki bilgileri inceleyebilirsin. facebook.com/privacy/genai",
         "Bu gelen kutusu gelen mesajları kabul edemez. Bize yanıt gönderirsen yanıtın alınmaz.",
         "Teşekkürler,\nGizlilik Operasyonları",
     ],
     footer=[TR_FBF.format(a=TR_B), FB_CO],
     trap="acknowledgement containing a conditional with the confirmation phrase ('İtirazın kabul edilirse'); same boilerplate as a confirmation; To with an encoded display name")

mail("tr", 8, "other_ai_ads_info", "other", **fb(TR_B),
     frm=FB_NOTIF, to=TR_B, date="2025-10-08T10:00:12+03:00",
     subject="Meta AI ile etkileşimlerini nasıl kullanacağımızla ilgili bir güncelleme",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="crlf", auth="pass",
     paras=[
         "Merhaba Emre,",
         "16 Aralık 2025 tarihinden itibaren, Meta AI ile yaptığın sohbetler gibi yapay zekâ ile etkileşimlerini, sana gösterdiğimiz içerikleri ve reklamları kişiselleştirmek için de kullanmaya başlayacağız.",
         "Bu değişiklikleri yansıtmak için [[Gizlilik İlkemizi|" + fb_n("privacy/policy/", TR_B, S("tr", 8)) + "]] güncelliyoruz. Reklam tercihlerini istediğin zaman [[Hesap Merkezi'nden|https://accountscenter.facebook.com/ads]] yönetebilirsin.",
         "Teşekkürler,\nMeta Gizlilik Ekibi",
     ],
     footer=[TR_FBF.format(a=TR_B), FB_CO],
     trap="AI information mail (chats with Meta AI shape ads, Oct 2025) without any objection link: information, not a notice")

# =========================================================================== ru (Russian)
RU_FB = "a.smirnov@example.net"
RU_IG = "m.ivanova@example.org"   # three Instagram accounts (ru_02, ru_04, uk_01/uk_04)
RU_FBF = "Это сообщение было отправлено на адрес {a}. Чтобы защитить свой аккаунт, не пересылайте это письмо."
RU_IGF = "Это сообщение было отправлено на адрес {a} и предназначено для {u}. Не ваш аккаунт? Удалите свой электронный адрес из этого аккаунта."

mail("ru", 1, "notice_2024_fb", "notice", **fb(RU_FB),
     frm=FB_NOTIF, to=RU_FB, to_name="Алексей Смирнов", date="2024-05-29T16:45:03+02:00",
     subject="Мы обновляем Политику конфиденциальности в связи с расширением ИИ от Meta",
     subj_mode="B", charset="koi8-r", cte="quoted-printable", shape="plain", eol="crlf", auth="pass",
     link_style="nl",
     paras=[
         "Здравствуйте, Алексей!",
         "Мы готовимся к запуску функций ИИ от Meta в вашем регионе. ИИ от Meta -- это набор наших функций и возможностей генеративного искусственного интеллекта, таких как Meta AI и творческие инструменты на основе ИИ, а также модели, на которых они работают.",
         "Что это значит для вас",
         "Чтобы предоставить вам эти возможности, мы будем использовать вашу информацию для разработки и улучшения ИИ от Meta на правовом основании, которое называется законными интересами. Это значит, что у вас есть [[право возразить|" + fb_n("help/contact/712876720715583", RU_FB, S("ru", 1)) + "]] против использования вашей информации в этих целях.",
         "Если ваше возражение будет удовлетворено, оно будет применяться в дальнейшем.",
         "Мы вносим соответствующие изменения в нашу [[Политику конфиденциальности|" + fb_n("privacy/policy/", RU_FB, S("ru", 1) + "p") + "]]. Они вступят в силу 26 июня 2024 г.",
         "Спасибо!\nКоманда Meta по вопросам конфиденциальности",
     ],
     footer=[RU_FBF.format(a=RU_FB), FB_CO],
     objection_url=FB_FORM_1,
     trap="conditional 'Если ваше возражение будет удовлетворено' with the confirmation verb; link in the /n/ wrapper with n_m; koi8-r")

mail("ru", 2, "notice_2025_ig", "notice", **ig(RU_IG, "masha_ivanova"),
     frm=IG_NOREPLY, to=RU_IG, date="2025-04-16T09:02:37+02:00",
     subject="Узнайте, как мы будем использовать вашу информацию для улучшения ИИ от Meta",
     subj_mode="B", charset="windows-1251", cte="base64", shape="alt", eol="lf", auth="pass",
     paras=[
         "Здравствуйте, masha_ivanova!",
         "Мы хотим рассказать, как будем использовать вашу информацию для улучшения ИИ от Meta — наших функций генеративного ИИ, таких как Meta AI, и моделей, на которых они работают.",
         "С 27 мая 2025 г. мы начнем использовать общедоступную информацию, например общедоступные публикации и комментарии из аккаунтов людей от 18 лет, а также ваши взаимодействия с функциями ИИ от Meta. Для этого мы будем опираться на законные интересы.",
         "Вы имеете [[право возразить|" + l_ig(IG_FORM_2 + "?utm_source=ig_email&utm_campaign=genai_eu_2025", S("ru", 2)) + "]] против использования вашей информации в этих целях. Если вы подадите возражение, мы отправим вам электронное письмо с подтверждением того, что больше не будем использовать ваши взаимодействия с функциями ИИ от Meta или общедоступную информацию из продуктов Meta для будущей разработки и улучшения моделей генеративного ИИ.",
         "Если вы уже подали возражение, повторно отправлять запрос не нужно.",
         "Спасибо!\nКоманда Meta по вопросам конфиденциальности",
     ],
     footer=[RU_IGF.format(a=RU_IG, u="masha_ivanova"), IG_CO],
     objection_url=IG_FORM_2,
     trap="promise of a confirmation mail and 'if you have already objected you need not resubmit' inside a notice; second Instagram form id")

mail("ru", 3, "vcode_fb_8digit", "verification_code", **fb(RU_FB),
     frm=FB_SEC, to=RU_FB, date="2024-06-04T10:11:58+02:00",
     subject="38204716 — ваш код подтверждения",
     subj_mode="Q", subj_cs="utf-8", charset="koi8-r", cte="8bit", shape="plain", eol="lf", auth=None,
     paras=[
         "Здравствуйте, Алексей!",
         "Вы отправили запрос с возражением против использования вашей информации для ИИ от Meta. Чтобы подтвердить этот запрос, введите в форме следующий код:",
         "38204716",
         "Код действителен в течение одного часа. Если вы не отправляли этот запрос, просто проигнорируйте это письмо.",
         "Спасибо!\nСлужба безопасности Facebook",
     ],
     footer=[RU_FBF.format(a=RU_FB), FB_CO],
     trap="eight-digit objection code; koi8-r 8bit; no Authentication-Results")

mail("ru", 4, "ack_ig", "acknowledgement", **ig(RU_IG, "ivanova.art_studio"),
     frm=IG_NOREPLY, to=RU_IG, date="2025-04-28T13:30:00+02:00",
     subject="Мы получили ваш запрос",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     paras=[
         "Здравствуйте, ivanova.art_studio!",
         "Спасибо за обращение. Мы получили ваш запрос на возражение против использования вашей информации для разработки и улучшения ИИ от Meta и сейчас рассматриваем его.",
         "Мы сообщим вам о результате по электронной почте. Обычно это занимает не больше нескольких дней.",
         "Подробнее о генеративном ИИ и нашей работе по защите конфиденциальности в этой новой области читайте в Центре конфиденциальности: privacycenter.instagram.com/privacy/genai",
         "На этот почтовый ящик нельзя отправлять сообщения. Если вы ответите на это письмо, ваш ответ не будет получен.",
         "Спасибо!\nОтдел по вопросам конфиденциальности",
     ],
     footer=[RU_IGF.format(a=RU_IG, u="ivanova.art_studio"), IG_CO],
     trap="acknowledgement with the same boilerplate and privacy centre pointer as a confirmation; second Instagram account on m.ivanova@example.org")

mail("ru", 5, "other_comment", "other", **fb(RU_FB),
     frm=FB_NOTIF, to=RU_FB, date="2024-06-20T21:17:26+02:00",
     subject="Ольга Петрова прокомментировала вашу публикацию",
     subj_mode="Q", charset="windows-1251", cte="quoted-printable", shape="alt", eol="crlf", auth="pass",
     campaign="feedback_comment", link_style="paren",
     paras=[
         "Ольга Петрова прокомментировала вашу публикацию.",
         "«Я тоже подала возражение, через день пришло письмо: \"мы удовлетворим ваше возражение\". А у Пети запрос отклонили, пусть попробует ещё раз.»",
         "[[Посмотреть комментарий|" + fb_n("permalink.php?story_fbid=" + str(int(_h("ru5s", 12), 16)) + "&id=100004" + str(int(_h("ru5i", 6), 16)), RU_FB, S("ru", 5)) + "]]",
     ],
     footer=[f"Это сообщение было отправлено на адрес {RU_FB}. Если вы не хотите получать такие письма от Meta, [[отпишитесь|" + fb_n("o.php?k=AS2" + _h("ru5o", 10), RU_FB, S("ru", 5) + "o") + "]].", FB_CO],
     trap="everyday comment notification whose quoted text says 'мы удовлетворим ваше возражение' and 'запрос отклонили'; X-Facebook-Notify/Feedback-ID campaign headers")

mail("ru", 6, "irr_newsletter", "irrelevant",
     frm=("Цифровая грамотность", "digest@news.example.ru"), to=RU_FB, date="2025-04-20T08:00:00+03:00",
     subject="Как запретить Meta обучать ИИ на ваших постах: пошаговая инструкция",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="8bit", shape="plain", eol="lf", auth="pass",
     paras=[
         "Выпуск № 112",
         "Как запретить Meta обучать ИИ на ваших публикациях",
         "С 27 мая 2025 года Meta будет использовать публичные публикации и комментарии пользователей из ЕС для обучения своих моделей. Возразить можно через официальные формы:",
         "Facebook: https://www.facebook.com/help/contact/712876720715583\nInstagram: https://help.instagram.com/contact/767264225370182",
         "Что будет дальше: Meta пришлёт код подтверждения, а затем письмо «Мы удовлетворим ваше возражение». Если письма нет через неделю, проверьте папку «Спам».",
         "Вы получили это письмо, потому что подписались на рассылку «Цифровая грамотность». Отписаться: https://news.example.ru/unsubscribe?u=" + _h("ru6", 10),
     ],
     footer=[],
     trap="third-party newsletter (no Meta claim) that contains both objection form links and the confirmation phrase")

mail("ru", 7, "susp_display_name", "suspicious",
     frm=("Meta-support", "meta.support.team2025@mailbox.example"), to=RU_IG, date="2025-05-03T02:48:19+03:00",
     subject="Ваш аккаунт будет заблокирован: подтвердите возражение",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="html", eol="lf", auth="pass",
     paras=[
         "Уважаемый пользователь!",
         "Мы не смогли обработать ваше возражение против использования данных для ИИ от Meta. Чтобы избежать блокировки аккаунта, подтвердите свои данные в течение 48 часов.",
         "[[Подтвердить данные|http://meta-support-check.example/ru/login?id=" + _h("ru7", 10) + "]]",
         "Служба поддержки Meta",
     ],
     footer=["© Meta Platforms, Inc."],
     reason="display_name",
     trap="display name 'Meta-support' from an unrelated mailbox domain that passes DKIM for itself")

# =========================================================================== uk (Ukrainian)
UK_FB = "oksana.bondar@example.com"
UK_IGF = "Цей лист надіслано на адресу {a} і призначено для {u}. Це не ваш обліковий запис? Видаліть свою електронну адресу з цього облікового запису."
UK_FBF = "Цей лист надіслано на адресу {a}. Щоб захистити свій обліковий запис, не пересилайте цей лист."

mail("uk", 1, "notice_2024_ig", "notice", **ig(RU_IG, "m.ivanova.1990"),
     frm=IG_NOREPLY, to=RU_IG, date="2024-06-02T12:20:41+02:00",
     subject="Ми оновлюємо Політику конфіденційності у зв'язку з розширенням ШІ від Meta",
     subj_mode="Q", charset="windows-1251", cte="8bit", shape="plain", eol="crlf", auth="pass",
     link_style="nl",
     paras=[
         "Вітаємо, m.ivanova.1990!",
         "Ми готуємося розширити можливості ШІ від Meta у вашому регіоні. ШІ від Meta — це наш набір функцій і можливостей генеративного штучного інтелекту, як-от Meta AI та творчі інструменти на основі ШІ, а також моделі, на яких вони працюють.",
         "Що це означає для вас",
         "Щоб надати вам ці можливості, ми тепер використовуватимемо вашу інформацію для розробки та вдосконалення ШІ від Meta на правовій підставі, яка називається законними інтересами. Це означає, що ви маєте право заперечити проти використання вашої інформації для цих цілей. Якщо ваше заперечення буде задоволено, його буде застосовано надалі.",
         "[[Заповнити форму заперечення|" + l_ig(IG_FORM_1 + "?utm_source=ig_email", S("uk", 1)) + "]]",
         "Ми оновлюємо нашу Політику конфіденційності відповідно до цих змін. Оновлення набудуть чинності 26 червня 2024 р.",
         "Дякуємо!\nКоманда Meta з питань конфіденційності",
     ],
     footer=[UK_IGF.format(a=RU_IG, u="m.ivanova.1990"), IG_CO],
     objection_url=IG_FORM_1,
     trap="username contains the address's local part plus digits (m.ivanova.1990 on m.ivanova@example.org); third Instagram account on that address, in another language; conditional with 'задоволено'")

mail("uk", 2, "vcode_fb_5digit", "verification_code", **fb(UK_FB),
     frm=FB_SEC, to=UK_FB, date="2024-06-07T19:05:33+02:00",
     subject="50417 — ваш код підтвердження",
     subj_mode="B", charset="windows-1251", cte="quoted-printable", shape="plain", eol="lf", auth="pass",
     paras=[
         "Вітаємо, Оксано!",
         "Щоб підтвердити свій запит із запереченням проти використання вашої інформації для ШІ від Meta, введіть цей код у формі:",
         "50417",
         "Код дійсний протягом однієї години. Якщо ви не надсилали цей запит, просто проігноруйте цей лист.",
         "Дякуємо!\nКоманда безпеки Facebook",
     ],
     footer=[UK_FBF.format(a=UK_FB), FB_CO],
     trap="five-digit objection code")

mail("uk", 3, "confirm_2024_fb", "confirmation", **fb(UK_FB),
     frm=FB_NOREPLY, to=UK_FB, date="2024-06-08T09:48:15+02:00",
     subject="Ваш запит щодо ШІ від Meta",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="html", eol="lf", auth="pass",
     html_at=True,
     paras=[
         "Вітаємо, Оксано!",
         "Ми розглянули ваш запит і задовольнимо ваше заперечення. Це означає, що ваш запит буде застосовано надалі.",
         "Якщо ви хочете дізнатися більше про генеративний ШІ та нашу роботу щодо конфіденційності в цій новій сфері, перегляньте інформацію в Центрі конфіденційності. facebook.com/privacy/genai",
         "Ця скринька не приймає вхідних повідомлень. Якщо ви надішлете нам відповідь, її не буде отримано.",
         "Дякуємо!\nВідділ з питань конфіденційності",
     ],
     footer=[UK_FBF.format(a=UK_FB), FB_CO],
     trap="HTML-only with &#064; in the footer address; reply boilerplate")

mail("uk", 4, "reject_ig_thirdparty", "rejection", **ig(RU_IG, "m.ivanova.1990"),
     frm=IG_NOREPLY, to=RU_IG, date="2025-05-05T15:12:09+02:00",
     subject="Щодо вашого запиту",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     paras=[
         "Вітаємо, m.ivanova.1990!",
         "Дякуємо, що звернулися до нас. Ми не виконуємо такі запити автоматично. Ми розглядаємо їх відповідно до місцевого законодавства.",
         "Щоб ми могли розглянути ваш запит, надайте, будь ласка, додаткову інформацію: запити (prompts), які ви вводили, і знімки екрана відповідей, у яких з'явилася ваша особиста інформація. Для цього надішліть новий запит через [[форму|" + l_ig(FB_THIRD_PARTY, S("uk", 4)) + "]].",
         "Ця скринька не приймає вхідних повідомлень. Якщо ви надішлете нам відповідь, її не буде отримано.",
         "Дякуємо!\nВідділ з питань конфіденційності",
     ],
     footer=[UK_IGF.format(a=RU_IG, u="m.ivanova.1990"), IG_CO],
     trap="reply to the third-party form that asks for prompts and screenshots (rejection in effect); contains a form link but is not a notice")

mail("uk", 5, "other_pw_reset", "other", **fb(UK_FB),
     frm=FB_SEC, to=UK_FB, date="2025-02-11T22:03:47+01:00",
     subject="319482 — код для скидання пароля Facebook",
     subj_mode="B", charset="windows-1251", cte="base64", shape="plain", eol="lf", auth=None,
     paras=[
         "Вітаємо, Оксано!",
         "Ми отримали запит на скидання вашого пароля Facebook. Введіть цей код, щоб скинути пароль:",
         "319482",
         "Якщо ви не надсилали цього запиту, нічого робити не потрібно.",
     ],
     footer=[UK_FBF.format(a=UK_FB), FB_CO],
     trap="six-digit code for a password reset, not for an objection")

mail("uk", 6, "irr_friend", "irrelevant",
     frm=("Тарас Мельник", "taras.melnyk@example.net"), to=UK_FB, date="2024-06-09T18:30:00+02:00",
     subject="Re: заперечення Meta",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="plain", eol="lf", auth="pass",
     paras=[
         "Оксано, привіт!",
         "Я теж заповнив форму. Мені вчора прийшло: «Ми розглянули ваш запит і задовольнимо ваше заперечення». Спробуй і ти: https://www.facebook.com/help/contact/712876720715583",
         "Код підтвердження приходить на пошту, він дійсний лише годину.",
         "Тарас",
     ],
     footer=[],
     trap="personal mail from a friend quoting the confirmation and giving the form link; no Meta claim")

# =========================================================================== bg (Bulgarian)
BG_FB = "georgi.dimitrov@example.com"
BG_FBF = "Това съобщение е изпратено до {a}. За да защитите акаунта си, не препращайте този имейл."

mail("bg", 1, "notice_2025_fb", "notice", **fb(BG_FB),
     frm=FB_NOTIF, to=BG_FB, date="2025-04-15T10:31:27+03:00",
     subject="Научете как ще използваме информацията ви, докато подобряваме ИИ в Meta",
     subj_mode="Q", charset="windows-1251", cte="quoted-printable", shape="alt", eol="crlf", auth="pass",
     paras=[
         "Здравейте, Георги,",
         "Искаме да ви уведомим как ще използваме информацията ви, докато подобряваме ИИ в Meta – нашите функции и услуги с генеративен изкуствен интелект, като Meta AI, и моделите, които ги поддържат.",
         "От 27 май 2025 г. ще използваме публична информация – например публични публикации и коментари от акаунти на хора на възраст 18 или повече години – както и взаимодействията ви с функциите на ИИ в Meta. Ще правим това на правното основание „законни интереси“.",
         "Имате [[право да възразите|" + fb_n("help/contact/6359191084165019", BG_FB, S("bg", 1), host="bg-bg.facebook.com") + "]] срещу използването на информацията ви за тези цели. Ако подадете възражение, ще ви изпратим имейл, с който потвърждаваме, че няма да използваме взаимодействията ви с функциите на ИИ в Meta или публичната ви информация от продуктите на Meta за бъдещото разработване и подобряване на модели с генеративен ИИ.",
         "Ако вече сте възразили, не е необходимо да подавате ново искане.",
         "Благодарим ви,\nЕкипът за поверителност на Meta",
     ],
     footer=[BG_FBF.format(a=BG_FB), FB_CO],
     objection_url=FB_FORM_2,
     trap="promise of a confirmation mail and 'already objected' sentence; /n/ wrapper on the localized host bg-bg.facebook.com; second Facebook form id")

mail("bg", 2, "vcode_fb_7digit", "verification_code", **fb(BG_FB),
     frm=FB_SEC, to=BG_FB, date="2025-04-18T17:44:02+03:00",
     subject="6041937 е вашият код за потвърждение",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="8bit", shape="plain", eol="lf", auth="pass",
     paras=[
         "Здравейте, Георги,",
         "Използвайте този код, за да потвърдите искането си за възражение срещу използването на информацията ви за ИИ в Meta:",
         "6041937",
         "Кодът е валиден един час. Ако не сте подавали такова искане, можете да пренебрегнете този имейл.",
     ],
     footer=[BG_FBF.format(a=BG_FB), FB_CO],
     trap="seven-digit objection code")

mail("bg", 3, "confirm_2025_fb_linked", "confirmation", **fb(BG_FB),
     frm=FB_NOREPLY, to=BG_FB, date="2025-04-19T08:15:36+03:00",
     subject="Вашето възражение срещу използването на информацията ви за ИИ в Meta",
     subj_mode="B", charset="windows-1251", cte="base64", shape="alt", eol="lf", auth="pass",
     paras=[
         "Здравейте, Георги,",
         "Ще уважим възражението ви по отношение на публичната ви информация, като публични публикации и коментари. Това означава, че няма да използваме публичната ви информация от Facebook и Instagram за бъдещото разработване и подобряване на модели с генеративен ИИ за нашите функции и услуги с ИИ в Meta.",
         "Ще уважим възражението ви и за всички други акаунти, които сте добавили в същия Център за акаунти като този акаунт.",
         "Ако искате да научите повече за генеративния ИИ и работата ни по поверителността в тази нова област, прегледайте информацията в Центъра за поверителност. facebook.com/privacy/genai",
         "Тази пощенска кутия не може да приема входящи съобщения. Ако ни изпратите отговор, той няма да бъде получен.",
         "Благодарим ви,\nЕкип по операциите за поверителност",
     ],
     footer=[BG_FBF.format(a=BG_FB), FB_CO],
     covers=True,
     trap="2025 confirmation covering the accounts in the same Accounts Center; reply boilerplate")

mail("bg", 4, "other_page_likes", "other", **fb(BG_FB),
     frm=FB_NOTIF, to=BG_FB, date="2024-11-24T12:00:05+02:00",
     subject="Страницата ви „Пекарна Димитрови“ получи 14 нови харесвания",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="8bit", shape="alt", eol="lf", auth=None,
     campaign="page_new_likes",
     paras=[
         "Здравейте, Георги,",
         "Страницата ви „Пекарна Димитрови“ получи 14 нови харесвания тази седмица.",
         "[[Вижте кой харесва страницата ви|" + fb_n("pages/insights/?ref=page_likes", BG_FB, S("bg", 4)) + "]]",
     ],
     footer=[BG_FBF.format(a=BG_FB) + " [[Отписване|" + fb_n("o.php?k=AS1" + _h("bg4o", 10), BG_FB, S("bg", 4) + "o") + "]]", FB_CO],
     trap="everyday page_new_likes notification with campaign headers; names the Facebook account by address only")

mail("bg", 5, "reject_thirdparty_fb", "rejection", **fb(BG_FB),
     frm=FB_NOREPLY, to=BG_FB, date="2025-12-12T16:20:44+02:00",
     subject="Относно вашето искане за информация от трети страни",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="plain", eol="lf", auth="pass",
     paras=[
         "Здравейте, Георги,",
         "Благодарим ви, че се свързахте с нас относно използването на информация от трети страни за ИИ в Meta.",
         "Не изпълняваме такива искания автоматично. Разглеждаме ги в съответствие с местното законодателство. За да можем да продължим, моля, изпратете ни подканите (prompts), които сте въвели и в чиито отговори се е появила личната ви информация, както и екранна снимка на тези отговори.",
         "Можете да подадете тази информация чрез формуляра: " + FB_THIRD_PARTY,
         "Тази пощенска кутия не може да приема входящи съобщения. Ако ни изпратите отговор, той няма да бъде получен.",
         "Благодарим ви,\nЕкип по операциите за поверителност",
     ],
     footer=[BG_FBF.format(a=BG_FB), FB_CO],
     trap="reply to the wrong (third-party) form asking for prompts and a screenshot; the user has a 2025 confirmation already (bg_03), this one is still a rejection")

# =========================================================================== hr (Croatian)
HR_FB = "ivana.babic@example.com"
HR_IG = "ana.horvat@example.net"
HR_FBF = "Ova je poruka poslana na adresu {a}. Radi sigurnosti svojeg računa nemoj prosljeđivati ovu poruku e-pošte."
HR_IGF = "Ova poruka poslana je na {a} i namijenjena je korisniku {u}. Nije tvoj račun? Ukloni svoju adresu e-pošte s ovog računa."

mail("hr", 1, "notice_2024_fb", "notice", **fb(HR_FB),
     frm=FB_NOTIF, to=HR_FB, date="2024-05-27T11:02:45+02:00",
     subject="Ažuriramo svoja Pravila o privatnosti dok proširujemo umjetnu inteligenciju u Meti",
     subj_mode="Q", charset="iso-8859-2", cte="quoted-printable", shape="plain", eol="crlf", auth="pass",
     link_style="nl",
     paras=[
         "Pozdrav, Ivana,",
         "Pripremamo se proširiti iskustva umjetne inteligencije u Meti na tvoju regiju. Umjetna inteligencija u Meti naša je zbirka značajki i iskustava generativne umjetne inteligencije, kao što su Meta AI i kreativni alati s umjetnom inteligencijom, zajedno s modelima na kojima se temelje.",
         "Što to znači za tebe",
         "Kako bismo ti omogućili ta iskustva, za upotrebu tvojih podataka u svrhu razvoja i poboljšanja umjetne inteligencije u Meti sada ćemo se oslanjati na pravnu osnovu koja se naziva legitimni interesi. To znači da imaš pravo prigovora na način na koji se tvoji podaci upotrebljavaju u te svrhe. Ako tvoj prigovor bude prihvaćen, primjenjivat će se ubuduće.",
         "[[Obrazac za prigovor|" + fb_n("help/contact/712876720715583", HR_FB, S("hr", 1), host="m.facebook.com") + "]]",
         "Ažuriramo svoja Pravila o privatnosti kako bi odražavala te promjene. Ažuriranja stupaju na snagu 26. lipnja 2024.",
         "Hvala,\nTim za privatnost u Meti",
     ],
     footer=[HR_FBF.format(a=HR_FB), FB_CO],
     objection_url=FB_FORM_1,
     trap="conditional 'Ako tvoj prigovor bude prihvaćen'; /n/ wrapper on m.facebook.com; iso-8859-2 QP")

mail("hr", 2, "confirm_2024_ig", "confirmation", **ig(HR_IG, "ana_horvat.zg"),
     frm=IG_NOREPLY, to=HR_IG, date="2024-06-11T10:10:10+02:00",
     subject="Tvoj prigovor u vezi s umjetnom inteligencijom u Meti",
     subj_mode="Q", charset="windows-1250", cte="quoted-printable", shape="alt", eol="lf", auth=None,
     paras=[
         "Pozdrav, ana_horvat.zg,",
         "Pregledali smo tvoj zahtjev i prihvatit ćemo tvoj prigovor. To znači da će se tvoj zahtjev primjenjivati ubuduće.",
         "Ako želiš saznati više o generativnoj umjetnoj inteligenciji i našem radu na privatnosti u tom novom području, pogledaj informacije u Centru za privatnost. privacycenter.instagram.com/privacy/genai",
         "Ovaj pretinac ne može primati dolazne poruke. Ako nam pošalješ odgovor, nećemo ga primiti.",
         "Hvala,\nOperacije privatnosti",
     ],
     footer=[HR_IGF.format(a=HR_IG, u="ana_horvat.zg"), IG_CO],
     trap="Instagram 2024 confirmation; username mixing underscore and dot; windows-1250")

mail("hr", 3, "reject_fb_resubmit", "rejection", **fb(HR_FB),
     frm=FB_SUPPORT, to=HR_FB, date="2024-06-12T15:55:21+02:00",
     subject="Ne možemo obraditi tvoj zahtjev",
     subj_mode="B", charset="iso-8859-2", cte="base64", shape="plain", eol="lf", auth="pass",
     paras=[
         "Pozdrav, Ivana,",
         "Nažalost, ne možemo obraditi tvoj zahtjev jer ne možemo potvrditi da adresa e-pošte navedena u obrascu pripada tvom Facebook računu.",
         "Ako i dalje želiš uložiti prigovor, ponovno ispuni obrazac i navedi adresu e-pošte povezanu sa svojim računom: " + FB_FORM_1,
         "Ovaj pretinac ne može primati dolazne poruke. Ako nam pošalješ odgovor, nećemo ga primiti.",
         "Hvala,\nOperacije privatnosti",
     ],
     footer=[HR_FBF.format(a=HR_FB), FB_CO],
     trap="rejection ('cannot process') that carries the objection form link: not a notice; sender support.facebook.com (a genuine Meta subdomain)")

mail("hr", 4, "susp_display_name", "suspicious",
     frm=("Facebook ,_", "obavijesti@akcija-popusti.example"), to=HR_FB, date="2024-07-02T04:41:00+02:00",
     subject="Tvoj račun bit će onemogućen",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="html", eol="lf", auth="pass",
     paras=[
         "Poštovani korisniče,",
         "Tvoj prigovor na upotrebu podataka za umjetnu inteligenciju u Meti nije prihvaćen jer račun nije potvrđen. Ako račun ne potvrdiš u roku od 24 sata, bit će trajno onemogućen.",
         "[[Potvrdi račun|https://akcija-popusti.example/fb/potvrda?id=" + _h("hr4", 10) + "]]",
         "Facebook tim",
     ],
     footer=["Meta Platforms Ireland Ltd."],
     reason="display_name",
     trap="display name 'Facebook ,_' from an unrelated shop domain; claims the objection was not accepted")

# =========================================================================== sk (Slovak)
SK_IG = "lucia.hudakova@example.org"
SK_FB = "martin.kral@example.com"
SK_IGF = "Táto správa bola odoslaná na adresu {a} a je určená pre používateľa {u}. Nie je to váš účet? Odstráňte svoju e-mailovú adresu z tohto účtu."
SK_FBF = "Táto správa bola odoslaná na adresu {a}. Z bezpečnostných dôvodov tento e-mail nikomu nepreposielajte."

mail("sk", 1, "notice_2025_ig", "notice", **ig(SK_IG, "lucka_hudakova"),
     frm=IG_NOREPLY, to=SK_IG, date="2025-04-14T09:20:00+02:00",
     subject="Zistite, ako budeme používať vaše informácie pri zlepšovaní AI v spoločnosti Meta",
     subj_mode="B", charset="windows-1250", cte="base64", shape="alt", eol="lf", auth="pass",
     paras=[
         "Dobrý deň, lucka_hudakova,",
         "radi by sme vás informovali, ako budeme používať vaše informácie pri zlepšovaní AI v spoločnosti Meta – našich funkcií generatívnej umelej inteligencie, ako je Meta AI, a modelov, na ktorých fungujú.",
         "Od 27. mája 2025 budeme používať verejné informácie, ako sú verejné príspevky a komentáre z účtov ľudí vo veku 18 a viac rokov, a vaše interakcie s funkciami AI v spoločnosti Meta. Budeme sa pri tom opierať o právny základ oprávnených záujmov.",
         "Máte [[právo namietať|" + l_fb(l_ig(IG_FORM_2 + "?utm_source=ig_email&utm_medium=email", S("sk", 1)), S("sk", 1) + "x") + "]] proti používaniu vašich informácií na tieto účely. Ak podáte námietku, pošleme vám e-mail s potvrdením, že vaše interakcie s funkciami AI v spoločnosti Meta ani vaše verejné informácie z produktov Meta už nebudeme používať na budúci vývoj a zlepšovanie modelov generatívnej AI.",
         "Ak ste už námietku podali, nemusíte podávať ďalšiu žiadosť.",
         "Ďakujeme,\nTím Meta pre ochranu súkromia",
     ],
     footer=[SK_IGF.format(a=SK_IG, u="lucka_hudakova"), IG_CO],
     objection_url=IG_FORM_2,
     trap="objection link wrapped twice (l.facebook.com around l.instagram.com) with utm_*; promise of a confirmation mail; 'already objected' sentence")

mail("sk", 2, "vcode_ig", "verification_code", **ig(SK_IG, "lucka_hudakova"),
     frm=IG_SEC, to=SK_IG, date="2025-04-16T20:12:48+02:00",
     subject="274903 je váš potvrdzovací kód",
     subj_mode="Q", charset="iso-8859-2", cte="quoted-printable", shape="plain", eol="crlf", auth="pass",
     paras=[
         "Dobrý deň, lucka_hudakova,",
         "na potvrdenie žiadosti o námietku proti používaniu vašich informácií pre AI v spoločnosti Meta zadajte do formulára tento kód:",
         "274903",
         "Platnosť kódu vyprší o hodinu. Ak ste žiadosť neodoslali, tento e-mail ignorujte.",
     ],
     footer=[SK_IGF.format(a=SK_IG, u="lucka_hudakova"), IG_CO],
     trap="Instagram objection code from security@mail.instagram.com")

mail("sk", 3, "ack_fb", "acknowledgement", **fb(SK_FB),
     frm=FB_NOREPLY, to=SK_FB, to_name="Martin Kráľ", date="2024-06-10T13:03:19+02:00",
     subject="Vaša žiadosť bola prijatá",
     subj_mode="Q", charset="iso-8859-2", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     paras=[
         "Dobrý deň, Martin,",
         "ďakujeme, že ste nás kontaktovali. Vašu žiadosť týkajúcu sa námietky proti používaniu vašich informácií pre AI v spoločnosti Meta sme dostali a momentálne ju posudzujeme. Keď posúdenie dokončíme, budeme vás informovať e-mailom.",
         "Ak sa chcete dozvedieť viac o generatívnej AI a našej práci v oblasti ochrany súkromia v tejto novej oblasti, pozrite si informácie v Centre ochrany súkromia. facebook.com/privacy/genai",
         "Táto schránka neprijíma prichádzajúce správy. Ak nám pošlete odpoveď, nedostaneme ju.",
         "Ďakujeme,\nOddelenie ochrany súkromia",
     ],
     footer=[SK_FBF.format(a=SK_FB), FB_CO],
     trap="acknowledgement with confirmation-style boilerplate; iso-8859-2 display name in To")

mail("sk", 4, "other_login_code", "other", **fb(SK_FB),
     frm=FB_SEC, to=SK_FB, date="2025-03-02T06:58:30+01:00",
     subject="551093 je váš prihlasovací kód na Facebooku",
     subj_mode="Q", charset="windows-1250", cte="8bit", shape="plain", eol="lf", auth=None,
     paras=[
         "Dobrý deň, Martin,",
         "niekto sa pokúša prihlásiť do vášho účtu na Facebooku. Ak ste to vy, použite tento prihlasovací kód:",
         "551093",
         "Ak ste to neboli vy, odporúčame vám zmeniť si heslo.",
     ],
     footer=[SK_FBF.format(a=SK_FB), FB_CO],
     trap="login code from security@facebookmail.com with the code in the subject, like an objection code")

# =========================================================================== sl (Slovenian)
SL_IG = "jana.kranjc@example.com"   # three Instagram accounts
SL_FB = "matej.zupan@example.net"
SL_IGF = "To sporočilo je bilo poslano na {a} in je namenjeno uporabniku {u}. To ni vaš račun? Odstranite svoj e-poštni naslov iz tega računa."
SL_FBF = "To sporočilo je bilo poslano na naslov {a}. Zaradi varnosti svojega računa tega e-poštnega sporočila ne posredujte drugim."

mail("sl", 1, "notice_2024_ig", "notice", **ig(SL_IG, "jana_kranjc"),
     frm=IG_NOREPLY, to=SL_IG, date="2024-06-01T08:44:12+02:00",
     subject="Posodabljamo pravilnik o zasebnosti, ker širimo umetno inteligenco pri Meti",
     subj_mode="Q", charset="iso-8859-2", cte="8bit", shape="plain", eol="lf", auth=None,
     link_style="nl",
     paras=[
         "Pozdravljeni, jana_kranjc,",
         "pripravljamo se na razširitev izkušenj umetne inteligence pri Meti v vaši regiji. Umetna inteligenca pri Meti je naš nabor funkcij in izkušenj generativne umetne inteligence, kot sta Meta AI in ustvarjalna orodja z umetno inteligenco, skupaj z modeli, na katerih temeljijo.",
         "Kaj to pomeni za vas",
         "Da vam lahko ponudimo te izkušnje, se bomo pri uporabi vaših podatkov za razvoj in izboljšanje umetne inteligence pri Meti zdaj opirali na pravno podlago, imenovano zakoniti interesi. To pomeni, da imate pravico do ugovora zoper uporabo vaših podatkov v te namene. Če bo vaš ugovor sprejet, bo veljal za naprej.",
         "[[Oddajte ugovor|" + l_ig(IG_FORM_1, S("sl", 1)) + "]]",
         "Pravilnik o zasebnosti posodabljamo, da bo odražal te spremembe. Posodobitve začnejo veljati 26. junija 2024.",
         "Hvala,\nEkipa za zasebnost pri Meti",
     ],
     footer=[SL_IGF.format(a=SL_IG, u="jana_kranjc"), IG_CO],
     objection_url=IG_FORM_1,
     trap="conditional 'Če bo vaš ugovor sprejet'; iso-8859-2 8bit; no Authentication-Results")

mail("sl", 2, "confirm_2025_ig_linked", "confirmation", **ig(SL_IG, "kranjc.keramika"),
     frm=IG_NOREPLY, to=SL_IG, date="2025-04-24T18:36:50+02:00",
     subject="Vaš ugovor glede umetne inteligence pri Meti",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="crlf", auth="pass",
     paras=[
         "Pozdravljeni, kranjc.keramika,",
         "upoštevali bomo vaš ugovor za vaše javne podatke, kot so javne objave in komentarji. To pomeni, da vaših javnih podatkov s Facebooka in Instagrama ne bomo uporabljali za prihodnji razvoj in izboljšanje modelov generativne umetne inteligence za naše funkcije in izkušnje umetne inteligence pri Meti.",
         "Vaš ugovor bomo upoštevali tudi za vse druge račune, ki ste jih dodali v isto središče za račune kot ta račun.",
         "Ta poštni predal ne sprejema dohodnih sporočil. Če nam odgovorite, vašega odgovora ne bomo prejeli.",
         "Hvala,\nOperacije zasebnosti",
     ],
     footer=[SL_IGF.format(a=SL_IG, u="kranjc.keramika"), IG_CO],
     covers=True,
     trap="2025 confirmation covering linked Accounts Center accounts; second Instagram account on jana.kranjc@example.com")

mail("sl", 3, "unclear_fb", "unclear_reply", **fb(SL_FB),
     frm=FB_NOREPLY, to=SL_FB, date="2024-06-13T11:27:03+02:00",
     subject="Odgovor na vašo zahtevo",
     subj_mode="Q", charset="iso-8859-2", cte="base64", shape="plain", eol="lf", auth="pass",
     paras=[
         "Pozdravljeni, Matej,",
         "hvala, ker ste se obrnili na nas. Več o tem, kako Meta uporablja podatke za generativno umetno inteligenco, in o možnostih, ki so vam na voljo, si lahko preberete v središču za zasebnost. facebook.com/privacy/genai",
         "Ta poštni predal ne sprejema dohodnih sporočil. Če nam odgovorite, vašega odgovora ne bomo prejeli.",
         "Hvala,\nOperacije zasebnosti",
     ],
     footer=[SL_FBF.format(a=SL_FB), FB_CO],
     trap="reply that says neither yes nor no, only boilerplate and a privacy centre pointer")

mail("sl", 4, "other_ig_follow", "other", **ig(SL_IG, "jana.tece_42"),
     frm=IG_NOREPLY, to=SL_IG, date="2025-02-14T19:09:09+01:00",
     subject="nina.k vas je začela spremljati na Instagramu",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="html", eol="lf", auth="pass",
     html_at=True,
     paras=[
         "Pozdravljeni, jana.tece_42,",
         "nina.k vas je začela spremljati. Ali jo želite spremljati tudi vi?",
         "[[Oglejte si profil|" + l_ig("https://www.instagram.com/nina.k/?utm_source=ig_email", S("sl", 4)) + "]]",
     ],
     footer=[SL_IGF.format(a=SL_IG, u="jana.tece_42"), IG_CO],
     trap="third Instagram account on jana.kranjc@example.com; another username (nina.k) appears before the account's; HTML-only with &#064;")

# =========================================================================== lt (Lithuanian)
LT_FB = "tomas.kazlauskas@example.com"
LT_FBF = "Šis laiškas išsiųstas adresu {a}. Kad padėtumėte apsaugoti savo paskyrą, nepersiųskite šio laiško."

mail("lt", 1, "notice_2024_fb", "notice", **fb(LT_FB),
     frm=FB_NOTIF, to=LT_FB, date="2024-05-30T14:05:55+03:00",
     subject="Atnaujiname savo Privatumo politiką, nes plečiame „Meta“ dirbtinį intelektą",
     subj_mode="Q", charset="iso-8859-13", cte="quoted-printable", shape="alt", eol="crlf", auth="pass",
     paras=[
         "Sveiki, Tomai,",
         "ruošiamės išplėsti „Meta“ dirbtinio intelekto (DI) patirtis jūsų regione. „Meta“ DI - tai mūsų generatyviojo DI funkcijų ir patirčių rinkinys, pvz., „Meta AI“ ir DI kūrybiniai įrankiai, kartu su juos palaikančiais modeliais.",
         "Ką tai reiškia jums",
         "Kad galėtume jums pasiūlyti šias patirtis, jūsų informaciją „Meta“ DI kurti ir tobulinti naudosime remdamiesi teisiniu pagrindu, vadinamu teisėtais interesais. Tai reiškia, kad turite [[teisę nesutikti|" + fb_n("help/contact/712876720715583", LT_FB, S("lt", 1)) + "]], kad jūsų informacija būtų naudojama šiais tikslais. Jei jūsų prieštaravimas bus patenkintas, jis bus taikomas ateityje.",
         "Atnaujiname savo [[Privatumo politiką|" + fb_n("privacy/policy/", LT_FB, S("lt", 1) + "p") + "]], kad atspindėtume šiuos pakeitimus. Atnaujinimai įsigalios 2024 m. birželio 26 d.",
         "Ačiū\n„Meta“ privatumo komanda",
     ],
     footer=[LT_FBF.format(a=LT_FB), FB_CO],
     objection_url=FB_FORM_1,
     trap="conditional 'Jei jūsų prieštaravimas bus patenkintas'; iso-8859-13 with „“ quotes around the brand")

mail("lt", 2, "vcode_fb", "verification_code", **fb(LT_FB),
     frm=FB_SEC, to=LT_FB, date="2024-06-05T09:33:40+03:00",
     subject="Jūsų patvirtinimo kodas: 905316",
     subj_mode="Q", charset="iso-8859-13", cte="8bit", shape="plain", eol="lf", auth=None,
     paras=[
         "Sveiki, Tomai,",
         "norėdami patvirtinti savo prašymą nesutikti, kad jūsų informacija būtų naudojama „Meta“ DI, formoje įveskite šį kodą:",
         "905316",
         "Kodas galioja vieną valandą. Jei šio prašymo nepateikėte, nekreipkite dėmesio į šį laišką.",
     ],
     footer=[LT_FBF.format(a=LT_FB), FB_CO],
     trap="objection code, iso-8859-13 8bit, no Authentication-Results")

mail("lt", 3, "reject_fb", "rejection", **fb(LT_FB),
     frm=FB_NOREPLY, to=LT_FB, date="2024-06-06T17:25:11+03:00",
     subject="Dėl jūsų prašymo",
     subj_mode="B", charset="iso-8859-13", cte="base64", shape="plain", eol="lf", auth="pass",
     paras=[
         "Sveiki, Tomai,",
         "peržiūrėjome jūsų prašymą. Deja, šiuo metu negalime patenkinti jūsų prieštaravimo. Remdamiesi teisėtais interesais ir toliau galime tvarkyti informaciją apie jus, kad kurtume ir tobulintume „Meta“ DI.",
         "Daugiau informacijos apie generatyvųjį DI ir mūsų darbą privatumo srityje rasite Privatumo centre. facebook.com/privacy/genai",
         "Į šią pašto dėžutę negalima siųsti laiškų. Jei atsakysite, jūsų atsakymas nebus gautas.",
         "Ačiū\nPrivatumo operacijų komanda",
     ],
     footer=[LT_FBF.format(a=LT_FB), FB_CO],
     trap="refusal worded with the confirmation verb negated ('negalime patenkinti'); same boilerplate as a confirmation")

mail("lt", 4, "other_login_alert", "other", **fb(LT_FB),
     frm=FB_SEC, to=LT_FB, date="2025-01-20T21:16:02+02:00",
     subject="Naujas prisijungimas prie „Facebook“ iš „Chrome“ įrenginyje „Windows“",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     campaign="roadblock",
     paras=[
         "Sveiki, Tomai,",
         "pastebėjome, kad kažkas prisijungė prie jūsų paskyros iš naujo įrenginio.",
         "Įrenginys: Chrome, Windows\nVieta: Kaunas, Lietuva\nLaikas: 2025 m. sausio 20 d., 21:14",
         "Jei tai buvote jūs, nieko daryti nereikia. Jei ne, [[apsaugokite savo paskyrą|" + fb_n("checkpoint/?next", LT_FB, S("lt", 4)) + "]].",
     ],
     footer=[LT_FBF.format(a=LT_FB), FB_CO],
     trap="login alert (roadblock campaign headers)")

# =========================================================================== lv (Latvian)
LV_IG = "liga.berzina@example.com"
LV_IGF = "Šis ziņojums tika nosūtīts uz {a} un ir paredzēts lietotājam {u}. Tas nav jūsu konts? Noņemiet savu e-pasta adresi no šī konta."

mail("lv", 1, "notice_2025_ig", "notice", **ig(LV_IG, "liga.berzina_"),
     frm=IG_NOREPLY, to=LV_IG, date="2025-04-17T10:48:31+03:00",
     subject="Uzziniet, kā mēs izmantosim jūsu informāciju, uzlabojot Meta MI",
     subj_mode="B", charset="iso-8859-13", cte="base64", shape="alt", eol="lf", auth="pass",
     paras=[
         "Sveiki, liga.berzina_!",
         "Vēlamies jūs informēt, kā izmantosim jūsu informāciju, uzlabojot Meta MI - mūsu ģeneratīvā mākslīgā intelekta funkcijas, piemēram, Meta AI, un modeļus, uz kuriem tās balstās.",
         "No 2025. gada 27. maija mēs izmantosim publisku informāciju, piemēram, publiskas ziņas un komentārus no 18 gadus vecu un vecāku personu kontiem, kā arī jūsu mijiedarbību ar Meta MI funkcijām. Mēs to darīsim, pamatojoties uz leģitīmām interesēm.",
         "Jums ir [[tiesības iebilst|" + l_ig(IG_FORM_1 + "?utm_source=ig_email", S("lv", 1)) + "]] pret jūsu informācijas izmantošanu šiem mērķiem. Ja iesniegsiet iebildumu, mēs jums nosūtīsim e-pasta ziņojumu, apstiprinot, ka vairs neizmantosim jūsu mijiedarbību ar Meta MI funkcijām vai jūsu publisko informāciju no Meta produktiem ģeneratīvā MI modeļu turpmākai izstrādei un uzlabošanai.",
         "Ja jau esat iebildis, jums nav jāiesniedz vēl viens pieprasījums.",
         "Paldies!\nMeta privātuma komanda",
     ],
     footer=[LV_IGF.format(a=LV_IG, u="liga.berzina_"), IG_CO],
     objection_url=IG_FORM_1,
     trap="username ending in an underscore, followed by the footer's full stop ('liga.berzina_.'); promise and 'already objected' sentence")

mail("lv", 2, "confirm_2024_ig", "confirmation", **ig(LV_IG, "berzina.liga.art"),
     frm=IG_NOREPLY, to=LV_IG, date="2024-06-09T12:01:17+03:00",
     subject="Jūsu pieprasījums par Meta MI",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="8bit", shape="plain", eol="lf", auth=None,
     paras=[
         "Sveiki, berzina.liga.art!",
         "Mēs izskatījām jūsu pieprasījumu un ievērosim jūsu iebildumu. Tas nozīmē, ka jūsu pieprasījums tiks piemērots turpmāk.",
         "Ja vēlaties uzzināt vairāk par ģeneratīvo MI un mūsu darbu privātuma jomā šajā jaunajā nozarē, lūdzu, skatiet informāciju Privātuma centrā. privacycenter.instagram.com/privacy/genai",
         "Šī iesūtne nevar pieņemt ienākošos ziņojumus. Ja nosūtīsiet mums atbildi, tā netiks saņemta.",
         "Paldies!\nPrivātuma operācijas",
     ],
     footer=[LV_IGF.format(a=LV_IG, u="berzina.liga.art"), IG_CO],
     trap="second Instagram account on liga.berzina@example.com; 2024 confirmation in 8bit UTF-8")

mail("lv", 3, "ack_ig", "acknowledgement", **ig(LV_IG, "liga.berzina_"),
     frm=IG_NOREPLY, to=LV_IG, date="2025-04-20T15:14:59+03:00",
     subject="Esam saņēmuši jūsu pieprasījumu",
     subj_mode="Q", charset="iso-8859-13", cte="quoted-printable", shape="plain", eol="crlf", auth="pass",
     paras=[
         "Sveiki, liga.berzina_!",
         "Paldies, ka sazinājāties ar mums. Esam saņēmuši jūsu pieprasījumu iebilst pret jūsu informācijas izmantošanu Meta MI vajadzībām, un pašlaik to izskatām.",
         "Ja jūsu iebildums tiks ievērots, mēs jums nosūtīsim apstiprinājumu e-pastā.",
         "Šī iesūtne nevar pieņemt ienākošos ziņojumus. Ja nosūtīsiet mums atbildi, tā netiks saņemta.",
         "Paldies!\nPrivātuma operācijas",
     ],
     footer=[LV_IGF.format(a=LV_IG, u="liga.berzina_"), IG_CO],
     trap="acknowledgement with a conditional using the confirmation verb ('tiks ievērots')")

mail("lv", 4, "susp_auth_fail", "suspicious",
     frm=FB_SEC, to="janis.ozols@example.net", date="2025-05-12T01:22:33+03:00",
     subject="Jūsu iebildums ir noraidīts",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="fail",
     paras=[
         "Sveiki, Jāni!",
         "Jūsu iebildums pret informācijas izmantošanu Meta MI vajadzībām ir noraidīts, jo nevarējām pārbaudīt jūsu identitāti. Lai iesniegtu to atkārtoti, piesakieties savā kontā 24 stundu laikā.",
         "[[Pieteikties|http://fb-verify-login.example/lv/?session=" + _h("lv4", 12) + "]]",
     ],
     footer=["Šis ziņojums tika nosūtīts uz janis.ozols@example.net.", FB_CO],
     reason="auth_fail",
     trap="genuine-looking sender security@facebookmail.com but Authentication-Results dkim=fail, spf=softfail, dmarc=fail")

# =========================================================================== et (Estonian)
ET_FB = "kadri.tamm@example.com"
ET_FBF = "See sõnum saadeti aadressile {a}. Oma konto turvalisuse tagamiseks ära seda e-kirja edasi saada."

mail("et", 1, "notice_2026_fb", "notice", **fb(ET_FB),
     frm=FB_NOTIF, to=ET_FB, date="2026-09-15T10:05:00+03:00",
     subject="Sinu õigus esitada vastuväide: vorm on uues kohas",
     subj_mode="Q", charset="iso-8859-15", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     paras=[
         "Tere, Kadri!",
         "Kasutame jätkuvalt teavet, näiteks 18-aastaste ja vanemate inimeste kontode avalikke postitusi ja kommentaare ning sinu suhtlust Meta tehisintellekti funktsioonidega, et arendada ja täiustada tehisintellekti Metas. Tugineme selle puhul õigustatud huvile.",
         "Sul on õigus esitada vastuväide oma teabe sellisele kasutamisele. Varasemad Facebooki ja Instagrami vastuväidete vormid ei ole enam kasutusel: vastuväite saad nüüd [[esitada Meta privaatsustoe lehel|" + l_fb(META_PRIVACY + "?utm_source=email&utm_medium=notification", S("et", 1)) + "]].",
         "Kui oled juba vastuväite esitanud, ei pea sa uut taotlust esitama. Kui sinu vastuväide rahuldatakse, saadame sulle kinnituse e-kirjaga.",
         "Aitäh\nMeta privaatsusmeeskond",
     ],
     footer=[ET_FBF.format(a=ET_FB), FB_CO],
     objection_url=META_PRIVACY,
     trap="2026-style notice pointing to help.meta.com/support/privacy (forms moved); conditional and 'already objected' sentences")

mail("et", 2, "confirm_2025_fb_linked", "confirmation", **fb(ET_FB),
     frm=FB_NOREPLY, to=ET_FB, date="2025-04-23T16:40:41+03:00",
     subject="Sinu vastuväide",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="base64", shape="plain", eol="crlf", auth="pass",
     paras=[
         "Tere, Kadri!",
         "Arvestame sinu vastuväidet sinu avaliku teabe, näiteks avalike postituste ja kommentaaride osas. See tähendab, et me ei kasuta sinu avalikku teavet Facebookist ja Instagramist generatiivsete tehisintellekti mudelite edasiseks arendamiseks ja täiustamiseks meie Meta tehisintellekti funktsioonide ja kogemuste jaoks.",
         "Arvestame sinu vastuväidet ka kõigi teiste kontode puhul, mille oled lisanud selle kontoga samasse kontokeskusesse.",
         "Kui soovid generatiivse tehisintellekti ja meie privaatsustöö kohta rohkem teada saada, vaata privaatsuskeskuses olevat teavet. facebook.com/privacy/genai",
         "See postkast ei saa sissetulevaid sõnumeid vastu võtta. Kui saadad meile vastuse, seda ei võeta vastu.",
         "Aitäh\nPrivaatsustoimingute meeskond",
     ],
     footer=[ET_FBF.format(a=ET_FB), FB_CO],
     covers=True,
     trap="2025 confirmation covering linked accounts; base64 with CRLF")

mail("et", 3, "other_signup_code", "other", **fb("kadri.tamm.work@example.org"),
     frm=FB_REG, to="kadri.tamm.work@example.org", date="2024-07-12T13:13:13+03:00",
     subject="48213 on sinu Facebooki kinnituskood",
     subj_mode="Q", charset="iso-8859-15", cte="8bit", shape="plain", eol="lf", auth=None,
     paras=[
         "Tere!",
         "Keegi kasutas seda e-posti aadressi Facebooki konto loomiseks. Konto kinnitamiseks sisesta see kood:",
         "48213",
         "Kui sa ei loonud Facebooki kontot, võid seda e-kirja eirata.",
     ],
     footer=[ET_FBF.format(a="kadri.tamm.work@example.org"), FB_CO],
     trap="five-digit sign-up 'confirmation code' from registration@facebookmail.com: not an objection code")

# =========================================================================== ca (Catalan)
CA_IG = "marc.puig@example.com"   # three Instagram accounts
CA_IGF = "Aquest missatge s'ha enviat a {a} i està destinat a {u}. No és el teu compte? Suprimeix la teva adreça electrònica d'aquest compte."

mail("ca", 1, "notice_2025_ig", "notice", **ig(CA_IG, "marcpuig.bcn"),
     frm=IG_NOREPLY, to=CA_IG, date="2025-04-15T12:12:12+02:00",
     subject="Descobreix com farem servir la teva informació a mesura que millorem la IA de Meta",
     subj_mode="Q", charset="iso-8859-1", cte="quoted-printable", shape="alt", eol="crlf", auth="pass",
     paras=[
         "Hola, marcpuig.bcn:",
         "Volem explicar-te com farem servir la teva informació a mesura que millorem la IA de Meta, és a dir, les nostres funcions i experiències d'IA generativa, com ara Meta AI, i els models en què es basen.",
         "A partir del 27 de maig de 2025, farem servir informació pública, com ara les publicacions i els comentaris públics dels comptes de persones de 18 anys o més, i les teves interaccions amb les funcions d'IA de Meta. Ho farem sobre la base jurídica de l'interès legítim.",
         "Tens [[dret a oposar-t'hi|" + l_ig(IG_FORM_2 + "?utm_source=ig_email&utm_campaign=genai", S("ca", 1)) + "]]. Si presentes una oposició, t'enviarem un correu electrònic per confirmar-te que, a partir d'aquell moment, no farem servir les teves interaccions amb les funcions d'IA de Meta ni la teva informació pública dels productes de Meta per al desenvolupament i la millora futurs dels models d'IA generativa.",
         "Si ja t'hi has oposat, no cal que enviïs cap altra sol·licitud.",
         "Gràcies,\nL'equip de privacitat de Meta",
     ],
     footer=[CA_IGF.format(a=CA_IG, u="marcpuig.bcn"), IG_CO],
     objection_url=IG_FORM_2,
     trap="promise of a confirmation mail ('t'enviarem un correu electrònic per confirmar-te') and 'already objected' sentence")

mail("ca", 2, "vcode_ig", "verification_code", **ig(CA_IG, "marcpuig.bcn"),
     frm=IG_SEC, to=CA_IG, date="2025-04-15T19:47:05+02:00",
     subject="El teu codi de confirmació és 615380",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="plain", eol="lf", auth=None,
     paras=[
         "Hola, marcpuig.bcn:",
         "Per confirmar la teva sol·licitud d'oposició a l'ús de la teva informació per a la IA de Meta, introdueix aquest codi al formulari:",
         "615380",
         "Aquest codi només és vàlid durant una hora.",
     ],
     footer=[CA_IGF.format(a=CA_IG, u="marcpuig.bcn"), IG_CO],
     trap="Instagram objection code, no Authentication-Results")

mail("ca", 3, "confirm_2025_ig_linked", "confirmation", **ig(CA_IG, "puig_fotografia"),
     frm=IG_NOREPLY, to=CA_IG, date="2025-04-16T10:02:44+02:00",
     subject="La teva oposició a l'ús de la teva informació per a la IA de Meta",
     subj_mode="B", charset="iso-8859-1", cte="base64", shape="alt", eol="lf", auth="pass",
     paras=[
         "Hola, puig_fotografia:",
         "Acceptarem la teva oposició pel que fa a la teva informació pública, com ara les publicacions i els comentaris públics. Això vol dir que no farem servir la teva informació pública de Facebook i Instagram per al desenvolupament i la millora futurs dels models d'IA generativa per a les nostres funcions i experiències d'IA de Meta.",
         "També acceptarem la teva oposició per a qualsevol altre compte que hagis afegit al mateix Centre de comptes que aquest compte.",
         "Aquesta safata d'entrada no pot rebre missatges. Si ens respons, no rebrem la teva resposta.",
         "Gràcies,\nOperacions de privacitat",
     ],
     footer=[CA_IGF.format(a=CA_IG, u="puig_fotografia"), IG_CO],
     covers=True,
     trap="confirmation for a different Instagram account than the one that received the code (ca_02) on the same address; covers linked accounts")

mail("ca", 4, "other_ig_comment", "other", **ig(CA_IG, "marc.puig.1987"),
     frm=IG_NOREPLY, to=CA_IG, date="2025-05-06T22:30:18+02:00",
     subject="laura.v ha comentat la teva publicació",
     subj_mode="Q", charset="utf-8", cte="8bit", shape="html", eol="lf", auth="pass",
     html_at=True,
     paras=[
         "Hola, marc.puig.1987:",
         "laura.v ha comentat la teva publicació: «A mi m'han rebutjat la sol·licitud, però diuen que acceptaran la teva oposició si la tornes a enviar.»",
         "[[Respon|" + l_ig("https://www.instagram.com/p/C" + _h("ca4p", 9) + "/?utm_source=ig_email", S("ca", 4)) + "]]",
     ],
     footer=[CA_IGF.format(a=CA_IG, u="marc.puig.1987"), IG_CO],
     trap="comment notification quoting 'm'han rebutjat' and 'acceptaran la teva oposició'; username looks like the address local part plus a year; third Instagram account on marc.puig@example.com")

# =========================================================================== ja (Japanese)
JA_IG = "tanaka.yuki@example.net"   # three Instagram accounts
JA_IGF = "このメッセージは{a}宛てに、{u}さんに送信されました。心当たりがない場合は、このアカウントからメールアドレスを削除してください。"

mail("ja", 1, "notice_2024_ig", "notice", **ig(JA_IG, "yuki_tanaka"),
     frm=IG_NOREPLY, to=JA_IG, date="2024-06-03T10:30:00+09:00",
     subject="AI at Metaの拡大に伴うプライバシーポリシーの更新について",
     subj_mode="B", charset="iso-2022-jp", cte="7bit", shape="plain", eol="crlf", auth=None,
     link_style="nl",
     paras=[
         "yuki_tanakaさん、こんにちは。",
         "Metaでは、お住まいの地域でAI at Metaの体験を提供する準備を進めています。AI at Metaとは、Meta AIやAIクリエイティブツールなどの生成AI機能と体験、そしてそれらを支えるモデルの総称です。",
         "この変更による影響",
         "これらの体験を提供するため、Metaは今後、AI at Metaの開発と改善のためにあなたの情報を利用する際、「正当な利益」と呼ばれる法的根拠に基づきます。つまり、あなたには、これらの目的での情報の利用に異議を申し立てる権利があります。",
         "[[異議申し立てフォーム|" + l_ig(IG_FORM_1 + "?utm_source=ig_email&utm_medium=email", S("ja", 1)) + "]]",
         "異議が認められた場合、その内容は今後適用されます。",
         "これらの変更を反映するため、プライバシーポリシーを更新します。更新は2024年6月26日に発効します。",
         "よろしくお願いいたします。\nMetaプライバシーチーム",
     ],
     footer=[JA_IGF.format(a=JA_IG, u="yuki_tanaka"), IG_CO],
     objection_url=IG_FORM_1,
     trap="username with glued honorific (yuki_tanakaさん) in greeting and footer; conditional '異議が認められた場合'; iso-2022-jp 7bit")

mail("ja", 2, "vcode_ig", "verification_code", **ig(JA_IG, "tanaka.photo.jp"),
     frm=IG_SEC, to=JA_IG, date="2024-06-05T21:02:19+09:00",
     subject="603918 は異議申し立ての確認コードです",
     subj_mode="B", charset="shift_jis", cte="base64", shape="plain", eol="lf", auth="pass",
     paras=[
         "tanaka.photo.jpさん、こんにちは。",
         "AI at Metaのための情報利用に対する異議申し立てリクエストを確認するには、フォームに次のコードを入力してください。",
         "603918",
         "このコードの有効期限は1時間です。リクエストをしていない場合は、このメールを無視してください。",
     ],
     footer=[JA_IGF.format(a=JA_IG, u="tanaka.photo.jp"), IG_CO],
     trap="username ending in '.jp' followed by さん (looks like a domain); shift_jis base64")

mail("ja", 3, "confirm_2025_ig_linked", "confirmation", **ig(JA_IG, "yuki.bakery_88"),
     frm=IG_NOREPLY, to=JA_IG, date="2025-04-25T09:15:42+09:00",
     subject="異議申し立てについて",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     paras=[
         "yuki.bakery_88さん、こんにちは。",
         "公開投稿やコメントなど、あなたの公開情報に関する異議申し立てを受け入れます。つまり、FacebookとInstagramからのあなたの公開情報を、AI at Metaの機能や体験のための生成AIモデルの今後の開発と改善に利用しません。",
         "また、このアカウントと同じアカウントセンターに追加されている他のすべてのアカウントについても、異議申し立てを受け入れます。",
         "生成AIと、この新しい分野におけるプライバシーへの取り組みについて詳しくは、プライバシーセンターをご覧ください。privacycenter.instagram.com/privacy/genai",
         "この受信箱ではメッセージを受け付けていません。返信されても受信されません。",
         "よろしくお願いいたします。\nプライバシーオペレーションチーム",
     ],
     footer=[JA_IGF.format(a=JA_IG, u="yuki.bakery_88"), IG_CO],
     covers=True,
     trap="2025 confirmation covering linked accounts; third Instagram account on tanaka.yuki@example.net")

mail("ja", 4, "notice_threads_2025", "notice", **ig(JA_IG, "tanaka.photo.jp"),
     frm=THREADS, to=JA_IG, date="2025-04-16T08:00:03+09:00",
     subject="Threadsでのあなたの情報の利用方法について",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="html", eol="lf", auth="pass",
     html_at=True,
     paras=[
         "tanaka.photo.jpさん、こんにちは。",
         "2025年5月27日から、AI at Metaを改善するため、18歳以上の方のアカウントの公開投稿やコメントなどの公開情報と、AI機能とのやり取りを利用します。これは「正当な利益」という法的根拠に基づくものです。",
         "Threadsのプロフィールは、あなたのInstagramアカウント(tanaka.photo.jp)に基づいているため、異議はInstagramから申し立てることができます。",
         "あなたには、これらの目的での情報の利用に対して[[異議を申し立てる権利|" + l_ig(IG_FORM_2 + "?utm_source=threads_email", S("ja", 4)) + "]]があります。異議を申し立てると、今後あなたの情報を生成AIモデルの開発と改善に利用しないことを確認するメールをお送りします。",
         "すでに異議を申し立てている場合は、再度リクエストを送信する必要はありません。",
         "よろしくお願いいたします。\nMetaプライバシーチーム",
     ],
     footer=[JA_IGF.format(a=JA_IG, u="tanaka.photo.jp"), "Threads. Meta Platforms Ireland Limited, Merrion Road, Dublin 4, D04 X2K5, Ireland"],
     objection_url=IG_FORM_2,
     trap="Threads notice from mail.instagram.com naming the Instagram username (platform instagram); promise and 'already objected' sentences; HTML-only with &#064;")

mail("ja", 5, "other_ig_login_code", "other", **ig(JA_IG, "yuki_tanaka"),
     frm=IG_SEC, to=JA_IG, date="2025-02-02T23:40:12+09:00",
     subject="118204はあなたのInstagramログインコードです",
     subj_mode="B", charset="shift_jis", cte="quoted-printable", shape="plain", eol="crlf", auth=None,
     paras=[
         "yuki_tanakaさん、こんにちは。",
         "Instagramにログインするには、次のコードを入力してください。",
         "118204",
         "このコードは誰とも共有しないでください。ログインしようとしたのがご本人でない場合は、パスワードを変更してください。",
     ],
     footer=[JA_IGF.format(a=JA_IG, u="yuki_tanaka"), IG_CO],
     trap="login code in the subject, same shape as an objection code; shift_jis QP")

mail("ja", 6, "susp_display_name", "suspicious",
     frm=("Meta Service", "support@account-check-jp.example"), to=JA_IG, date="2025-05-20T04:05:06+09:00",
     subject="【重要】AI学習への異議申し立てが却下されました",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="html", eol="lf", auth="pass",
     paras=[
         "Metaをご利用いただきありがとうございます。",
         "お客様の異議申し立ては、本人確認ができなかったため却下されました。24時間以内に以下のリンクからアカウントを確認してください。確認されない場合、アカウントは停止されます。",
         "[[アカウントを確認する|https://account-check-jp.example/meta/verify?id=" + _h("ja6", 10) + "]]",
         "Meta サポートチーム",
     ],
     footer=["© Meta Platforms, Inc."],
     reason="display_name",
     trap="display name 'Meta Service' from an unrelated domain; claims a rejection")

# =========================================================================== ko (Korean)
KO_IG = "minji.kim@example.com"   # three Instagram accounts
KO_FB = "jihoon.park@example.net"
KO_IGF = "이 메시지는 {a}(으)로 {u}님에게 발송되었습니다. 회원님의 계정이 아닌가요? 이 계정에서 이메일 주소를 삭제하세요."
KO_FBF = "이 메시지는 {a}(으)로 발송되었습니다. 계정 보안을 위해 이 이메일을 다른 사람에게 전달하지 마세요."

mail("ko", 1, "notice_2025_ig", "notice", **ig(KO_IG, "minji_eats"),
     frm=IG_NOREPLY, to=KO_IG, date="2025-04-15T17:00:00+02:00",
     subject="Meta의 AI를 개선하는 과정에서 회원님의 정보를 사용하는 방법 알아보기",
     subj_mode="B", charset="euc-kr", cte="base64", shape="alt", eol="lf", auth="pass",
     paras=[
         "minji_eats님, 안녕하세요.",
         "Meta의 AI를 개선하는 과정에서 회원님의 정보를 어떻게 사용하는지 알려드립니다. Meta의 AI는 Meta AI와 같은 생성형 AI 기능 및 경험과 이를 지원하는 모델을 말합니다.",
         "2025년 5월 27일부터 만 18세 이상 사용자 계정의 공개 게시물과 댓글 같은 공개 정보와 Meta의 AI 기능과의 상호작용을 사용합니다. 이는 정당한 이익이라는 법적 근거에 따른 것입니다.",
         "회원님은 이러한 목적으로 정보가 사용되는 것에 대해 [[이의를 제기할 권리|" + l_ig(IG_FORM_1 + "?utm_source=ig_email&utm_medium=email", S("ko", 1)) + "]]가 있습니다. 이의를 제기하시면 앞으로 생성형 AI 모델의 개발 및 개선에 회원님의 정보를 사용하지 않겠다는 확인 이메일을 보내드립니다.",
         "이미 이의를 제기하셨다면 다시 요청하실 필요가 없습니다.",
         "감사합니다.\nMeta 개인정보 보호팀",
     ],
     footer=[KO_IGF.format(a=KO_IG, u="minji_eats"), IG_CO],
     objection_url=IG_FORM_1,
     trap="username with glued honorific (minji_eats님); promise of a confirmation e-mail; 'already objected' sentence; euc-kr base64")

mail("ko", 2, "vcode_ig_7digit", "verification_code", **ig(KO_IG, "minji.kim"),
     frm=IG_SEC, to=KO_IG, date="2025-04-17T20:20:20+02:00",
     subject="확인 코드: 3920475",
     subj_mode="Q", charset="euc-kr", cte="quoted-printable", shape="plain", eol="crlf", auth=None,
     paras=[
         "minji.kim님, 안녕하세요.",
         "Meta의 AI를 위한 정보 사용에 대한 이의 제기 요청을 확인하려면 양식에 다음 코드를 입력하세요.",
         "3920475",
         "이 코드는 1시간 동안 유효합니다. 요청하지 않으셨다면 이 이메일을 무시하셔도 됩니다.",
     ],
     footer=[KO_IGF.format(a=KO_IG, u="minji.kim"), IG_CO],
     trap="seven-digit objection code; username equals the address local part (minji.kim) but the account is the username; euc-kr QP")

mail("ko", 3, "ack_ig", "acknowledgement", **ig(KO_IG, "kim.minji.93"),
     frm=IG_NOREPLY, to=KO_IG, date="2025-04-21T11:11:11+02:00",
     subject="요청이 접수되었습니다",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     paras=[
         "kim.minji.93님, 안녕하세요.",
         "문의해 주셔서 감사합니다. Meta의 AI를 위한 정보 사용에 대한 회원님의 이의 제기 요청을 접수했으며 현재 검토 중입니다. 검토가 완료되면 이메일로 결과를 알려드리겠습니다.",
         "이 받은편지함으로는 메시지를 받을 수 없습니다. 답장을 보내셔도 전달되지 않습니다.",
         "감사합니다.\n개인정보 보호 운영팀",
     ],
     footer=[KO_IGF.format(a=KO_IG, u="kim.minji.93"), IG_CO],
     trap="acknowledgement with reply boilerplate; third Instagram account on minji.kim@example.com")

mail("ko", 4, "other_threads_reply", "other", **ig(KO_IG, "minji.kim"),
     frm=THREADS, to=KO_IG, date="2025-05-02T19:45:00+02:00",
     subject="seoyeon.lee님이 회원님의 스레드에 답글을 남겼습니다",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="html", eol="lf", auth="pass",
     html_at=True,
     paras=[
         "minji.kim님, 안녕하세요.",
         "seoyeon.lee님이 회원님의 스레드에 답글을 남겼습니다: \"저는 이의 제기가 거부되었대요. 그런데 친구는 Meta가 이의를 받아들이겠다는 메일을 받았대요. 다시 신청해 보세요!\"",
         "[[Threads에서 보기|" + l_ig("https://www.threads.net/@minji.kim/post/D" + _h("ko4p", 9) + "?utm_source=email", S("ko", 4)) + "]]",
     ],
     footer=[KO_IGF.format(a=KO_IG, u="minji.kim"), "Threads. Meta Platforms Ireland Limited, Merrion Road, Dublin 4, D04 X2K5, Ireland"],
     trap="Threads reply notification whose quoted text says '거부되었대요' (was rejected) and 'Meta가 이의를 받아들이겠다' (will accept); another user's name with 님 comes first; HTML-only with &#064;")

mail("ko", 5, "reject_fb", "rejection", **fb(KO_FB),
     frm=FB_NOREPLY, to=KO_FB, date="2024-06-10T02:30:00+02:00",
     subject="요청을 처리할 수 없습니다",
     subj_mode="B", charset="euc-kr", cte="8bit", shape="plain", eol="lf", auth="pass",
     paras=[
         "지훈님, 안녕하세요.",
         "제공해 주신 정보로는 회원님의 계정을 확인할 수 없어 Meta의 AI에 대한 이의 제기 요청을 처리할 수 없습니다. 계정에 등록된 이메일 주소로 다시 요청하시거나 추가 정보를 제공해 주세요.",
         "이 받은편지함으로는 메시지를 받을 수 없습니다. 답장을 보내셔도 전달되지 않습니다.",
         "감사합니다.\n개인정보 보호 운영팀",
     ],
     footer=[KO_FBF.format(a=KO_FB), FB_CO],
     trap="'cannot process' and asks for more information; euc-kr 8bit")

mail("ko", 6, "unclear_fb", "unclear_reply", **fb(KO_FB),
     frm=FB_NOREPLY, to=KO_FB, date="2024-06-14T09:09:09+02:00",
     subject="문의해 주셔서 감사합니다",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="plain", eol="lf", auth=None,
     paras=[
         "지훈님, 안녕하세요.",
         "문의해 주셔서 감사합니다. Meta가 생성형 AI에 정보를 사용하는 방법과 회원님이 선택할 수 있는 옵션에 대한 자세한 내용은 개인정보 센터에서 확인하실 수 있습니다. facebook.com/privacy/genai",
         "이 받은편지함으로는 메시지를 받을 수 없습니다. 답장을 보내셔도 전달되지 않습니다.",
         "감사합니다.\n개인정보 보호 운영팀",
     ],
     footer=[KO_FBF.format(a=KO_FB), FB_CO],
     trap="reply with neither yes nor no; only boilerplate and the privacy centre pointer")

# =========================================================================== zh (Chinese, simplified)
ZH_FB = "wang.fang@example.com"
ZH_IG = "xiaoyu.lin@example.org"
ZH_FBF = "此邮件发送至 {a}。为帮助保护你的帐户安全，请勿转发此邮件。"
ZH_IGF = "此邮件发送至 {a}，收件人为 {u}。不是你的帐户？请从此帐户中移除你的邮箱。"

mail("zh", 1, "notice_2024_fb", "notice", **fb(ZH_FB),
     frm=FB_NOTIF, to=ZH_FB, to_name="王芳", date="2024-05-28T15:20:00+02:00",
     subject="我们正在更新隐私政策，以扩展 Meta 人工智能",
     subj_mode="B", charset="gb2312", cte="base64", shape="alt", eol="crlf", auth="pass",
     paras=[
         "王芳，你好：",
         "我们正准备在你所在的地区推出 Meta 人工智能体验。Meta 人工智能是我们的生成式人工智能功能和体验（例如 Meta AI 和人工智能创作工具）以及为其提供支持的模型的总称。",
         "这对你意味着什么",
         "为了给你带来这些体验，我们现在将依据名为“正当利益”的法律依据，使用你的信息来开发和改进 Meta 人工智能。这意味着你有权[[反对|" + fb_n("help/contact/712876720715583", ZH_FB, S("zh", 1), host="zh-cn.facebook.com") + "]]我们出于这些目的使用你的信息。如果你的反对意见获得认可，将从此以后生效。",
         "我们正在更新[[隐私政策|" + fb_n("privacy/policy/", ZH_FB, S("zh", 1) + "p") + "]]以反映这些变化。更新将于 2024 年 6 月 26 日生效。",
         "谢谢！\nMeta 隐私团队",
     ],
     footer=[ZH_FBF.format(a=ZH_FB), FB_CO],
     objection_url=FB_FORM_1,
     trap="conditional '如果你的反对意见获得认可'; /n/ wrapper on zh-cn.facebook.com; gb2312 base64; encoded display name in To")

mail("zh", 2, "vcode_fb", "verification_code", **fb(ZH_FB),
     frm=FB_SEC, to=ZH_FB, date="2024-06-02T11:58:27+02:00",
     subject="558017 是你的确认码",
     subj_mode="Q", charset="gbk", cte="quoted-printable", shape="plain", eol="lf", auth="pass",
     paras=[
         "王芳，你好：",
         "请在表单中输入以下代码，以确认你反对将你的信息用于 Meta 人工智能的请求：",
         "558017",
         "此代码仅在一小时内有效。如果你没有提交此请求，请忽略此邮件。",
     ],
     footer=[ZH_FBF.format(a=ZH_FB), FB_CO],
     trap="objection code; gbk QP")

mail("zh", 3, "confirm_2024_fb", "confirmation", **fb(ZH_FB),
     frm=FB_NOREPLY, to=ZH_FB, date="2024-06-03T08:02:00+02:00",
     subject="关于你的请求",
     subj_mode="B", charset="gb2312", cte="8bit", shape="plain", eol="lf", auth=None,
     paras=[
         "王芳，你好：",
         "我们已审核你的请求，并将接受你的反对意见。这意味着你的请求将从此以后生效。",
         "如果你想进一步了解生成式人工智能以及我们在这一新领域的隐私工作，请查看隐私中心的信息。facebook.com/privacy/genai",
         "此收件箱无法接收邮件。如果你回复我们，我们将无法收到。",
         "谢谢！\n隐私运营团队",
     ],
     footer=[ZH_FBF.format(a=ZH_FB), FB_CO],
     trap="2024 confirmation with reply boilerplate; gb2312 8bit; no Authentication-Results")

mail("zh", 4, "unclear_ig", "unclear_reply", **ig(ZH_IG, "lin_xiaoyu"),
     frm=IG_NOREPLY, to=ZH_IG, date="2025-04-29T14:14:14+02:00",
     subject="关于你的请求",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="alt", eol="lf", auth="pass",
     paras=[
         "lin_xiaoyu，你好：",
         "感谢你联系我们。要详细了解 Meta 如何将信息用于生成式人工智能，以及你可以做出的选择，请访问隐私中心。privacycenter.instagram.com/privacy/genai",
         "此收件箱无法接收邮件。如果你回复我们，我们将无法收到。",
         "谢谢！\n隐私运营团队",
     ],
     footer=[ZH_IGF.format(a=ZH_IG, u="lin_xiaoyu"), IG_CO],
     trap="unclear reply: neither yes nor no; username followed directly by a full-width comma")

mail("zh", 5, "irr_bounce", "irrelevant",
     frm=("Mail Delivery Subsystem", "mailer-daemon@mx.facebook.com"), to=ZH_FB, date="2024-06-03T08:31:47+02:00",
     subject="Delivery Status Notification (Failure)", auth=None,
     builder="bounce",
     trap="delivery status report from mailer-daemon@mx.facebook.com for a reply the user sent to noreply@facebookmail.com; the returned message is in Chinese and quotes the confirmation")

# =========================================================================== ar (Arabic)
AR_IG = "layla.hassan@example.com"   # three Instagram accounts
AR_FB = "omar.khalil@example.net"
LRM, RLM, FSI, PDI, ZWSP = "\u200e", "\u200f", "\u2068", "\u2069", "\u200b"
AR_FBF = "تم إرسال هذه الرسالة إلى {a}. للمساعدة في الحفاظ على أمان حسابك، يُرجى عدم إعادة توجيه هذه الرسالة."

mail("ar", 1, "notice_2024_ig", "notice", **ig(AR_IG, "layla_hassan"),
     frm=IG_NOREPLY, to=AR_IG, date="2024-06-04T13:00:00+02:00",
     subject="نحدّث سياسة الخصوصية مع توسيع الذكاء الاصطناعي لدى Meta",
     subj_mode="B", charset="windows-1256", cte="quoted-printable", shape="alt", eol="crlf", auth="pass",
     rtl=True, html_at=True,
     paras=[
         f"مرحبًا {LRM}layla_hassan{LRM}،",
         "نستعد لتوسيع تجارب الذكاء الاصطناعي لدى Meta لتشمل منطقتك. الذكاء الاصطناعي لدى Meta هو مجموعة ميزاتنا وتجاربنا في مجال الذكاء الاصطناعي التوليدي، مثل Meta AI وأدوات الإبداع بالذكاء الاصطناعي، إلى جانب النماذج التي تشغّلها.",
         "ماذا يعني هذا بالنسبة لك",
         "لتقديم هذه التجارب إليك، سنعتمد الآن على الأساس القانوني المسمّى المصالح المشروعة لاستخدام معلوماتك في تطوير الذكاء الاصطناعي لدى Meta وتحسينه. وهذا يعني أنه يحق لك [[الاعتراض|" + l_ig(IG_FORM_1 + "?utm_source=ig_email", S("ar", 1)) + "]] على كيفية استخدام معلوماتك لهذه الأغراض. إذا تمت الموافقة على اعتراضك، فسيتم تطبيقه من الآن فصاعدًا.",
         "نُجري تحديثات على سياسة الخصوصية لتعكس هذه التغييرات. تدخل التحديثات حيز التنفيذ في 26 يونيو 2024.",
         "شكرًا،\nفريق الخصوصية في Meta",
     ],
     footer=[f"تم إرسال هذه الرسالة إلى {LRM}{AR_IG}{LRM} وهي مخصصة لـ{LRM}layla_hassan{LRM}. ليس حسابك؟ أزل بريدك الإلكتروني من هذا الحساب.", IG_CO],
     objection_url=IG_FORM_1,
     trap="RTL text; username wrapped in LRM marks and glued to the Arabic preposition (لـ); conditional 'إذا تمت الموافقة على اعتراضك'; windows-1256 QP; &#064; in the HTML part")

mail("ar", 2, "vcode_fb", "verification_code", **fb(AR_FB),
     frm=FB_SEC, to=AR_FB, date="2024-06-06T16:16:16+02:00",
     subject="رمز التأكيد الخاص بك هو 804213",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="plain", eol="lf", auth="pass",
     paras=[
         "مرحبًا عمر،",
         "لتأكيد طلب الاعتراض على استخدام معلوماتك في الذكاء الاصطناعي لدى Meta، أدخل الرمز التالي في النموذج:",
         "804213",
         "هذا الرمز صالح لمدة ساعة واحدة فقط. إذا لم تقدّم هذا الطلب، فيمكنك تجاهل هذه الرسالة.",
     ],
     footer=[AR_FBF.format(a=AR_FB), FB_CO],
     trap="objection code in an RTL mail; digits inside Arabic text")

mail("ar", 3, "confirm_2025_fb_linked", "confirmation", **fb(AR_FB),
     frm=FB_NOREPLY, to=AR_FB, date="2025-04-22T10:10:10+02:00",
     subject="اعتراضك على استخدام معلوماتك في الذكاء الاصطناعي لدى Meta",
     subj_mode="B", charset="windows-1256", cte="base64", shape="alt", eol="lf", auth="pass",
     rtl=True,
     paras=[
         "مرحبًا عمر،",
         "سنحترم اعتراضك فيما يخص معلوماتك العامة، مثل المنشورات والتعليقات العامة. وهذا يعني أننا لن نستخدم معلوماتك العامة من فيسبوك وإنستجرام في التطوير والتحسين المستقبليين لنماذج الذكاء الاصطناعي التوليدي الخاصة بميزات وتجارب الذكاء الاصطناعي لدى Meta.",
         "سنحترم اعتراضك أيضًا لأي حسابات أخرى أضفتها إلى مركز الحسابات نفسه الذي يوجد فيه هذا الحساب.",
         "إذا أردت معرفة المزيد عن الذكاء الاصطناعي التوليدي وعملنا في مجال الخصوصية في هذا المجال الجديد، يُرجى مراجعة المعلومات المتوفرة في مركز الخصوصية. facebook.com/privacy/genai",
         "لا يمكن لصندوق الوارد هذا استقبال الرسائل. إذا أرسلت إلينا ردًا، فلن يتم استلامه.",
         "شكرًا،\nفريق عمليات الخصوصية",
     ],
     footer=[AR_FBF.format(a=AR_FB), FB_CO],
     covers=True,
     trap="2025 confirmation covering linked accounts; windows-1256 base64; RTL")

mail("ar", 4, "reject_ig", "rejection", **ig(AR_IG, "layla.designs"),
     frm=IG_NOREPLY, to=AR_IG, date="2025-04-30T18:00:00+02:00",
     subject="بخصوص طلبك",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     rtl=True,
     paras=[
         f"مرحبًا {ZWSP}layla.designs{ZWSP}،",
         "شكرًا لتواصلك معنا. لا يمكننا معالجة طلبك بالمعلومات المقدّمة. يُرجى تقديم مزيد من المعلومات حول كيفية تأثير هذه المعالجة عليك، ثم إرسال طلب جديد.",
         "لا يمكن لصندوق الوارد هذا استقبال الرسائل. إذا أرسلت إلينا ردًا، فلن يتم استلامه.",
         "شكرًا،\nفريق عمليات الخصوصية",
     ],
     footer=[f"تم إرسال هذه الرسالة إلى {FSI}{AR_IG}{PDI} وهي مخصصة لـ{FSI}layla.designs{PDI}. ليس حسابك؟ أزل بريدك الإلكتروني من هذا الحساب.", IG_CO],
     trap="username wrapped in zero-width spaces (greeting) and FSI/PDI isolates (footer); 'cannot process, provide more information'; second Instagram account on layla.hassan@example.com")

mail("ar", 5, "other_ig_comment", "other", **ig(AR_IG, "hassan.layla_99"),
     frm=IG_NOREPLY, to=AR_IG, date="2025-01-25T20:20:20+01:00",
     subject="علّقت sara.m على منشورك",
     subj_mode="Q", charset="windows-1256", cte="8bit", shape="html", eol="lf", auth=None,
     rtl=True, html_at=True,
     paras=[
         f"مرحبًا {RLM}hassan.layla_99{RLM}،",
         "علّقت sara.m على منشورك: «قالوا لي إنهم سيحترمون اعتراضي، أما أختي فقد رُفض طلبها.»",
         "[[عرض التعليق|" + l_ig("https://www.instagram.com/p/C" + _h("ar5p", 9) + "/c/1790" + str(int(_h("ar5c", 8), 16)) + "/?utm_source=ig_email", S("ar", 5)) + "]]",
     ],
     footer=[f"تم إرسال هذه الرسالة إلى {RLM}{AR_IG}{RLM} وهي مخصصة لـ{RLM}hassan.layla_99{RLM}.", IG_CO],
     trap="comment notification quoting 'سيحترمون اعتراضي' (will honour my objection) and 'رُفض طلبها' (rejected); username in RLM marks; third Instagram account on layla.hassan@example.com; windows-1256 8bit HTML-only")

# =========================================================================== he (Hebrew)
HE_FB = "noa.levi@example.com"
HE_IG = "yossi.cohen@example.net"
HE_FBF = "הודעה זו נשלחה אל {a}. כדי לשמור על אבטחת החשבון שלך, אין להעביר הודעה זו לאחרים."

mail("he", 1, "notice_2025_fb", "notice", **fb(HE_FB),
     frm=FB_NOTIF, to=HE_FB, date="2025-04-16T12:34:56+03:00",
     subject="כך נשתמש במידע שלך בזמן שאנחנו משפרים את הבינה המלאכותית ב-Meta",
     subj_mode="B", charset="iso-8859-8", cte="quoted-printable", shape="plain", eol="crlf", auth="pass",
     link_style="nl",
     paras=[
         "שלום נועה,",
         "אנחנו רוצים לספר לך איך נשתמש במידע שלך בזמן שאנחנו משפרים את הבינה המלאכותית ב-Meta, כלומר את התכונות והחוויות שלנו בתחום הבינה המלאכותית הגנרטיבית, כמו Meta AI, ואת המודלים שמפעילים אותן.",
         "החל מ-27 במאי 2025 נשתמש במידע ציבורי, כמו פוסטים ותגובות ציבוריים מחשבונות של אנשים בני 18 ומעלה, וכן באינטראקציות שלך עם תכונות הבינה המלאכותית של Meta. נעשה זאת על בסיס אינטרסים לגיטימיים.",
         "יש לך זכות להתנגד לשימוש במידע שלך למטרות אלה.",
         "[[להגשת התנגדות|" + fb_n("help/contact/6359191084165019", HE_FB, S("he", 1), host="he-il.facebook.com") + "]]",
         "אם תגישי התנגדות, נשלח לך אימייל שמאשר שלא נשתמש עוד באינטראקציות שלך עם תכונות הבינה המלאכותית או במידע הציבורי שלך ממוצרי Meta לצורך פיתוח ושיפור עתידיים של מודלים של בינה מלאכותית גנרטיבית.",
         "אם כבר הגשת התנגדות, אין צורך להגיש בקשה נוספת.",
         "תודה,\nצוות הפרטיות של Meta",
     ],
     footer=[HE_FBF.format(a=f"{LRM}{HE_FB}{LRM}"), FB_CO],
     objection_url=FB_FORM_2,
     trap="promise of a confirmation mail and 'already objected' sentence; address wrapped in LRM marks; /n/ wrapper on he-il.facebook.com; iso-8859-8 QP")

mail("he", 2, "ack_fb", "acknowledgement", **fb(HE_FB),
     frm=FB_NOREPLY, to=HE_FB, date="2025-04-19T09:00:01+03:00",
     subject="קיבלנו את הבקשה שלך",
     subj_mode="B", charset="windows-1255", cte="base64", shape="plain", eol="lf", auth=None,
     paras=[
         "שלום נועה,",
         "תודה שפנית אלינו. קיבלנו את הבקשה שלך להתנגד לשימוש במידע שלך עבור הבינה המלאכותית ב-Meta, ואנחנו בודקים אותה כעת. נעדכן אותך באימייל כשהבדיקה תסתיים.",
         "תיבת דואר זו אינה יכולה לקבל הודעות נכנסות. אם תשלחי לנו תשובה, היא לא תתקבל.",
         "תודה,\nצוות תפעול הפרטיות",
     ],
     footer=[HE_FBF.format(a=HE_FB), FB_CO],
     trap="acknowledgement with reply boilerplate; windows-1255 base64; no Authentication-Results")

mail("he", 3, "confirm_2024_ig", "confirmation", **ig(HE_IG, "yossi_cohen.tlv"),
     frm=IG_NOREPLY, to=HE_IG, date="2024-06-09T14:41:00+03:00",
     subject="הבקשה שלך בנוגע לבינה המלאכותית ב-Meta",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     rtl=True,
     paras=[
         f"שלום {LRM}yossi_cohen.tlv{LRM},",
         "בדקנו את הבקשה שלך ונכבד את ההתנגדות שלך. המשמעות היא שהבקשה שלך תחול מעכשיו והלאה.",
         "אם ברצונך לקבל מידע נוסף על בינה מלאכותית גנרטיבית ועל העבודה שלנו בנושא פרטיות בתחום החדש הזה, אפשר לעיין במידע במרכז הפרטיות. privacycenter.instagram.com/privacy/genai",
         "תיבת דואר זו אינה יכולה לקבל הודעות נכנסות. אם תשלח/י לנו תשובה, היא לא תתקבל.",
         "תודה,\nצוות תפעול הפרטיות",
     ],
     footer=[f"הודעה זו נשלחה אל {HE_IG} ומיועדת ל-{LRM}yossi_cohen.tlv{LRM}. לא החשבון שלך? הסר/י את כתובת האימייל שלך מהחשבון הזה.", IG_CO],
     trap="Hebrew prefix glued to the username with a hyphen (ל-yossi_cohen.tlv) and LRM marks; 2024 confirmation")

mail("he", 4, "susp_lookalike", "suspicious",
     frm=("Facebook", "security@facebookmail.com.example.net"), to=HE_FB, date="2025-06-01T03:03:03+03:00",
     subject="ההתנגדות שלך נדחתה - נדרש אימות חשבון",
     subj_mode="B", charset="windows-1255", cte="quoted-printable", shape="html", eol="lf", auth="pass",
     rtl=True,
     paras=[
         "שלום,",
         "ההתנגדות שלך לשימוש במידע עבור הבינה המלאכותית ב-Meta נדחתה מכיוון שלא הצלחנו לאמת את החשבון שלך. כדי להגיש אותה מחדש, יש לאמת את החשבון תוך 24 שעות.",
         "[[אימות החשבון|https://facebookmail.com.example.net/verify?u=" + _h("he4", 10) + "]]",
         "צוות האבטחה של Facebook",
     ],
     footer=["Meta Platforms Ireland Ltd."],
     reason="lookalike",
     trap="From domain facebookmail.com.example.net (Meta name inside another registered domain); DKIM passes for that domain")

# =========================================================================== hi (Hindi)
HI_FB = "rahul.sharma@example.com"
HI_IG = "priya.verma@example.org"
HI_FBF = "यह संदेश {a} पर भेजा गया था। अपने अकाउंट को सुरक्षित रखने में मदद के लिए, कृपया यह ईमेल किसी को फ़ॉरवर्ड न करें।"
HI_IGF = "यह संदेश {a} पर भेजा गया था और {u} के लिए था। यह आपका अकाउंट नहीं है? इस अकाउंट से अपना ईमेल हटाएँ।"

mail("hi", 1, "notice_2025_fb", "notice", **fb(HI_FB),
     frm=FB_NOTIF, to=HI_FB, date="2025-04-18T07:30:00+02:00",
     subject="जानें कि Meta पर AI को बेहतर बनाते समय हम आपकी जानकारी का उपयोग कैसे करेंगे",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="alt", eol="lf", auth="pass",
     paras=[
         "नमस्ते राहुल,",
         "हम आपको बताना चाहते हैं कि Meta पर AI को बेहतर बनाते समय हम आपकी जानकारी का उपयोग कैसे करेंगे। Meta पर AI में Meta AI जैसे हमारे जनरेटिव AI फ़ीचर और अनुभव, और उन्हें चलाने वाले मॉडल शामिल हैं।",
         "27 मई 2025 से, हम 18 वर्ष या उससे अधिक आयु के लोगों के अकाउंट की सार्वजनिक पोस्ट और कमेंट जैसी सार्वजनिक जानकारी, और Meta पर AI फ़ीचर के साथ आपके इंटरैक्शन का उपयोग करेंगे। हम ऐसा वैध हितों के कानूनी आधार पर करेंगे।",
         "आपको इन उद्देश्यों के लिए अपनी जानकारी के उपयोग पर [[आपत्ति करने का अधिकार|" + l_fb(fb_n("help/contact/712876720715583", HI_FB, S("hi", 1)), S("hi", 1) + "x") + "]] है। अगर आप आपत्ति सबमिट करते हैं, तो हम आपको एक ईमेल भेजकर पुष्टि करेंगे कि हम भविष्य में जनरेटिव AI मॉडल के विकास और सुधार के लिए आपकी जानकारी का उपयोग नहीं करेंगे।",
         "अगर आप पहले ही आपत्ति कर चुके हैं, तो आपको दूसरा अनुरोध सबमिट करने की ज़रूरत नहीं है।",
         "धन्यवाद,\nMeta गोपनीयता टीम",
     ],
     footer=[HI_FBF.format(a=HI_FB), FB_CO],
     objection_url=FB_FORM_1,
     trap="objection link wrapped twice (l.facebook.com around the /n/ wrapper with n_m); promise and 'already objected' sentences")

mail("hi", 2, "vcode_fb_5digit", "verification_code", **fb(HI_FB),
     frm=FB_SEC, to=HI_FB, date="2025-04-18T19:10:44+02:00",
     subject="72041 आपका पुष्टिकरण कोड है",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="plain", eol="crlf", auth=None,
     paras=[
         "नमस्ते राहुल,",
         "Meta पर AI के लिए अपनी जानकारी के उपयोग पर आपत्ति के अनुरोध की पुष्टि करने के लिए, फ़ॉर्म में यह कोड डालें:",
         "72041",
         "यह कोड केवल एक घंटे के लिए मान्य है। अगर आपने यह अनुरोध नहीं किया है, तो इस ईमेल को अनदेखा करें।",
     ],
     footer=[HI_FBF.format(a=HI_FB), FB_CO],
     trap="five-digit objection code (five digits are also used by sign-up codes)")

mail("hi", 3, "confirm_2025_ig_linked", "confirmation", **ig(HI_IG, "priya.verma_art"),
     frm=IG_NOREPLY, to=HI_IG, date="2025-04-26T12:00:00+02:00",
     subject="Meta पर AI के लिए आपकी आपत्ति",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="8bit", shape="html", eol="lf", auth="pass",
     html_at=True,
     paras=[
         "नमस्ते priya.verma_art,",
         "हम सार्वजनिक पोस्ट और कमेंट जैसी आपकी सार्वजनिक जानकारी के लिए आपकी आपत्ति का सम्मान करेंगे। इसका मतलब है कि हम Facebook और Instagram से आपकी सार्वजनिक जानकारी का उपयोग Meta पर AI फ़ीचर और अनुभवों के लिए जनरेटिव AI मॉडल के भविष्य के विकास और सुधार के लिए नहीं करेंगे।",
         "हम उन सभी दूसरे अकाउंट के लिए भी आपकी आपत्ति का सम्मान करेंगे, जिन्हें आपने इस अकाउंट वाले अकाउंट सेंटर में जोड़ा है।",
         "इस इनबॉक्स में आने वाले मैसेज नहीं लिए जा सकते। अगर आप हमें जवाब भेजते हैं, तो वह नहीं मिलेगा।",
         "धन्यवाद,\nगोपनीयता संचालन टीम",
     ],
     footer=[HI_IGF.format(a=HI_IG, u="priya.verma_art"), IG_CO],
     covers=True,
     trap="2025 Instagram confirmation covering linked accounts; HTML-only 8bit UTF-8 with &#064;")

mail("hi", 4, "other_event_invite", "other", **fb(HI_FB),
     frm=FB_NOTIF, to=HI_FB, date="2025-03-08T18:18:18+01:00",
     subject="अंकित ने आपको एक इवेंट में आमंत्रित किया है",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     campaign="event_invite_off_fb",
     paras=[
         "नमस्ते राहुल,",
         "अंकित ने आपको \"होली मिलन 2025\" इवेंट में आमंत्रित किया है।",
         "शनिवार, 15 मार्च 2025, शाम 6:00 बजे\nबर्लिन",
         "[[इवेंट देखें|" + fb_n("events/" + str(int(_h("hi4e", 12), 16)) + "/", HI_FB, S("hi", 4)) + "]]",
     ],
     footer=[HI_FBF.format(a=HI_FB), FB_CO],
     trap="event invitation with event_invite_off_fb campaign headers")

# =========================================================================== th (Thai)
TH_IG = "somchai.s@example.com"   # three Instagram accounts
TH_IGF = "ข้อความนี้ถูกส่งไปยัง {a} และมีไว้สำหรับ {u} หากนี่ไม่ใช่บัญชีของคุณ โปรดลบอีเมลของคุณออกจากบัญชีนี้"

mail("th", 1, "notice_2024_ig", "notice", **ig(TH_IG, "somchai_bkk"),
     frm=IG_NOREPLY, to=TH_IG, date="2024-06-05T15:00:00+02:00",
     subject="เรากำลังอัปเดตนโยบายความเป็นส่วนตัวเนื่องจากเราขยาย AI ที่ Meta",
     subj_mode="B", charset="tis-620", cte="quoted-printable", shape="alt", eol="crlf", auth="pass",
     paras=[
         "สวัสดี somchai_bkk",
         "เรากำลังเตรียมขยายประสบการณ์ AI ที่ Meta ไปยังภูมิภาคของคุณ AI ที่ Meta คือชุดฟีเจอร์และประสบการณ์ AI ช่วยสร้างของเรา เช่น Meta AI และเครื่องมือสร้างสรรค์ด้วย AI รวมถึงโมเดลที่ขับเคลื่อนฟีเจอร์เหล่านี้",
         "สิ่งนี้มีความหมายต่อคุณอย่างไร",
         "เพื่อมอบประสบการณ์เหล่านี้ให้แก่คุณ ต่อจากนี้เราจะอาศัยฐานทางกฎหมายที่เรียกว่าประโยชน์โดยชอบด้วยกฎหมายในการใช้ข้อมูลของคุณเพื่อพัฒนาและปรับปรุง AI ที่ Meta ซึ่งหมายความว่าคุณมี[[สิทธิ์ในการคัดค้าน|" + l_ig(IG_FORM_1 + "?utm_source=ig_email", S("th", 1)) + "]]การใช้ข้อมูลของคุณเพื่อวัตถุประสงค์เหล่านี้ หากการคัดค้านของคุณได้รับการยอมรับ การคัดค้านนั้นจะมีผลนับจากนี้เป็นต้นไป",
         "เรากำลังอัปเดตนโยบายความเป็นส่วนตัวเพื่อให้สอดคล้องกับการเปลี่ยนแปลงเหล่านี้ การอัปเดตจะมีผลบังคับใช้ในวันที่ 26 มิถุนายน 2024",
         "ขอบคุณ\nทีมความเป็นส่วนตัวของ Meta",
     ],
     footer=[TH_IGF.format(a=TH_IG, u="somchai_bkk"), IG_CO],
     objection_url=IG_FORM_1,
     trap="Thai has no spaces between words: link label glued to the surrounding text; conditional 'หากการคัดค้านของคุณได้รับการยอมรับ'; tis-620 QP")

mail("th", 2, "reject_ig", "rejection", **ig(TH_IG, "somchai.cafe"),
     frm=IG_NOREPLY, to=TH_IG, date="2024-06-12T10:45:00+02:00",
     subject="เกี่ยวกับคำขอของคุณ",
     subj_mode="B", charset="tis-620", cte="base64", shape="plain", eol="lf", auth="pass",
     paras=[
         "สวัสดี somchai.cafe",
         "ขอบคุณที่ติดต่อเรา เราไม่สามารถดำเนินการตามคำขอของคุณได้เนื่องจากข้อมูลที่ให้มาไม่เพียงพอ โปรดส่งคำขอใหม่พร้อมอธิบายว่าการประมวลผลนี้ส่งผลกระทบต่อคุณอย่างไร",
         "กล่องจดหมายนี้ไม่สามารถรับข้อความได้ หากคุณตอบกลับ เราจะไม่ได้รับข้อความของคุณ",
         "ขอบคุณ\nฝ่ายปฏิบัติการด้านความเป็นส่วนตัว",
     ],
     footer=[TH_IGF.format(a=TH_IG, u="somchai.cafe"), IG_CO],
     trap="cannot process / asks for more information; second Instagram account on somchai.s@example.com; tis-620 base64")

mail("th", 3, "other_ig_digest", "other", **ig(TH_IG, "s.somchai_1990"),
     frm=IG_NOREPLY, to=TH_IG, date="2025-02-20T08:08:08+01:00",
     subject="s.somchai_1990 ดูสิ่งที่คุณพลาดไปบน Instagram",
     subj_mode="B", charset="tis-620", cte="8bit", shape="html", eol="lf", auth=None,
     paras=[
         "สวัสดี s.somchai_1990",
         "มีโพสต์ใหม่ 12 โพสต์จาก nok.travel, pim_cooks และอีก 5 คนที่คุณติดตาม",
         "[[ดูบน Instagram|" + l_ig("https://www.instagram.com/?utm_source=ig_email&utm_campaign=digest", S("th", 3)) + "]]",
     ],
     footer=[TH_IGF.format(a=TH_IG, u="s.somchai_1990"), IG_CO],
     trap="weekly digest naming other usernames besides the account's; third Instagram account on somchai.s@example.com; tis-620 8bit HTML-only")

mail("th", 4, "susp_punycode", "suspicious",
     frm=("Instagram", "no-reply@mail.xn--nstagram-skb.com"), to=TH_IG, date="2025-05-15T02:02:02+07:00",
     subject="บัญชีของคุณจะถูกระงับ: ยืนยันการคัดค้านของคุณ",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="html", eol="lf", auth="pass",
     paras=[
         "สวัสดี somchai_bkk",
         "การคัดค้านการใช้ข้อมูลของคุณสำหรับ AI ที่ Meta ถูกปฏิเสธ โปรดยืนยันบัญชีของคุณภายใน 24 ชั่วโมง มิฉะนั้นบัญชีจะถูกระงับ",
         "[[ยืนยันบัญชี|https://mail.xn--nstagram-skb.com/th/confirm?u=" + _h("th4", 10) + "]]",
     ],
     footer=[TH_IGF.format(a=TH_IG, u="somchai_bkk"), IG_CO],
     reason="lookalike",
     trap="punycode look-alike of instagram.com (xn--nstagram-skb.com = 'ınstagram'); copies the genuine greeting and footer with the real username")

# =========================================================================== vi (Vietnamese)
VI_FB = "nguyen.lan@example.com"
VI_IG = "tran.minh@example.org"
VI_FBF = "Tin nhắn này đã được gửi đến {a}. Để giúp bảo vệ tài khoản, vui lòng không chuyển tiếp email này."
VI_IGF = "Tin nhắn này đã được gửi đến {a} và dành cho {u}. Không phải tài khoản của bạn? Hãy gỡ email của bạn khỏi tài khoản này."

mail("vi", 1, "notice_2024_fb", "notice", **fb(VI_FB),
     frm=FB_NOTIF, to=VI_FB, date="2024-06-01T10:00:00+02:00",
     subject="Chúng tôi đang cập nhật Chính sách quyền riêng tư khi mở rộng AI tại Meta",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     paras=[
         "Chào Lan,",
         "Chúng tôi đang chuẩn bị mở rộng các trải nghiệm AI tại Meta đến khu vực của bạn. AI tại Meta là tập hợp các tính năng và trải nghiệm AI tạo sinh của chúng tôi, chẳng hạn như Meta AI và các công cụ sáng tạo bằng AI, cùng với các mô hình hỗ trợ những tính năng đó.",
         "Điều này có ý nghĩa gì với bạn",
         "Để mang những trải nghiệm này đến cho bạn, giờ đây chúng tôi sẽ dựa vào cơ sở pháp lý gọi là lợi ích hợp pháp để sử dụng thông tin của bạn nhằm phát triển và cải thiện AI tại Meta. Điều này có nghĩa là bạn có [[quyền phản đối|" + fb_n("help/contact/712876720715583", VI_FB, S("vi", 1), host="vi-vn.facebook.com") + "]] việc thông tin của mình được sử dụng cho các mục đích này. Nếu yêu cầu phản đối của bạn được chấp nhận, yêu cầu đó sẽ được áp dụng từ nay về sau.",
         "Chúng tôi đang cập nhật Chính sách quyền riêng tư để phản ánh những thay đổi này. Các nội dung cập nhật sẽ có hiệu lực vào ngày 26 tháng 6 năm 2024.",
         "Cảm ơn bạn,\nĐội ngũ Quyền riêng tư của Meta",
     ],
     footer=[VI_FBF.format(a=VI_FB), FB_CO],
     objection_url=FB_FORM_1,
     trap="conditional 'Nếu yêu cầu phản đối của bạn được chấp nhận'; /n/ wrapper on vi-vn.facebook.com")

mail("vi", 2, "vcode_ig", "verification_code", **ig(VI_IG, "minh.tran_92"),
     frm=IG_SEC, to=VI_IG, date="2025-04-19T13:31:00+02:00",
     subject="Mã xác nhận của bạn là 264019",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="plain", eol="crlf", auth="pass",
     paras=[
         "Chào minh.tran_92,",
         "Để xác nhận yêu cầu phản đối việc sử dụng thông tin của bạn cho AI tại Meta, hãy nhập mã sau vào biểu mẫu:",
         "264019",
         "Mã này chỉ có hiệu lực trong một giờ. Nếu bạn không gửi yêu cầu này, hãy bỏ qua email này.",
     ],
     footer=[VI_IGF.format(a=VI_IG, u="minh.tran_92"), IG_CO],
     trap="Instagram objection code; base64 with CRLF")

mail("vi", 3, "ack_fb", "acknowledgement", **fb(VI_FB),
     frm=FB_NOREPLY, to=VI_FB, date="2024-06-03T16:00:00+02:00",
     subject="Chúng tôi đã nhận được yêu cầu của bạn",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="8bit", shape="plain", eol="lf", auth=None,
     paras=[
         "Chào Lan,",
         "Cảm ơn bạn đã liên hệ với chúng tôi. Chúng tôi đã nhận được yêu cầu phản đối việc sử dụng thông tin của bạn cho AI tại Meta và đang xem xét yêu cầu này.",
         "Nếu chúng tôi chấp nhận yêu cầu phản đối của bạn, yêu cầu đó sẽ được áp dụng từ nay về sau. Chúng tôi sẽ gửi email cho bạn khi quá trình xem xét hoàn tất.",
         "Hộp thư này không thể nhận tin nhắn đến. Nếu bạn gửi trả lời, chúng tôi sẽ không nhận được.",
         "Cảm ơn bạn,\nBộ phận Vận hành quyền riêng tư",
     ],
     footer=[VI_FBF.format(a=VI_FB), FB_CO],
     trap="acknowledgement with a conditional that contains the confirmation wording ('được áp dụng từ nay về sau')")

mail("vi", 4, "other_ig_verify_email", "other", **ig(VI_IG, "minh.tran_92"),
     frm=IG_NOREPLY, to=VI_IG, date="2025-01-09T09:09:09+01:00",
     subject="Xác minh email của bạn trên Instagram",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="html", eol="lf", auth="pass",
     campaign="ig_verify_email_for_recovery", html_at=True,
     paras=[
         "Chào minh.tran_92,",
         "Hãy xác minh địa chỉ email này để có thể dùng nó khôi phục tài khoản Instagram của bạn nếu bạn quên mật khẩu.",
         "[[Xác minh email|" + l_ig("https://www.instagram.com/accounts/confirm_email/" + _h("vi4c", 12) + "/?utm_source=ig_email", S("vi", 4)) + "]]",
     ],
     footer=[VI_IGF.format(a=VI_IG, u="minh.tran_92"), IG_CO],
     trap="ig_verify_email_for_recovery campaign headers on an Instagram mail; HTML-only with &#064;")

# =========================================================================== id (Indonesian)
ID_IG = "putri.lestari@example.com"   # three Instagram accounts
ID_IGF = "Pesan ini dikirimkan ke {a} dan ditujukan untuk {u}. Bukan akun Anda? Hapus email Anda dari akun ini."

mail("id", 1, "notice_2025_ig", "notice", **ig(ID_IG, "putri.lestari"),
     frm=IG_NOREPLY, to=ID_IG, date="2025-04-14T18:00:00+02:00",
     subject="Pelajari cara kami akan menggunakan informasi Anda saat kami meningkatkan AI di Meta",
     subj_mode=None, charset="utf-8", cte="quoted-printable", shape="alt", eol="lf", auth="pass",
     paras=[
         "Hai putri.lestari,",
         "Kami ingin memberi tahu Anda cara kami akan menggunakan informasi Anda saat kami meningkatkan AI di Meta, yaitu fitur dan pengalaman AI generatif kami, seperti Meta AI, serta model yang mendukungnya.",
         "Mulai 27 Mei 2025, kami akan menggunakan informasi publik, seperti postingan dan komentar publik dari akun orang berusia 18 tahun ke atas, serta interaksi Anda dengan fitur AI di Meta. Kami akan melakukannya berdasarkan kepentingan yang sah.",
         "Anda memiliki [[hak untuk mengajukan keberatan|" + l_ig(IG_FORM_2 + "?utm_source=ig_email", S("id", 1)) + "]] atas penggunaan informasi Anda untuk tujuan ini. Jika Anda mengajukan keberatan, kami akan mengirimkan email kepada Anda yang mengonfirmasi bahwa kami tidak akan lagi menggunakan informasi Anda untuk pengembangan dan peningkatan model AI generatif di masa mendatang.",
         "Jika Anda sudah mengajukan keberatan, Anda tidak perlu mengirimkan permintaan lain.",
         "Terima kasih,\nTim Privasi Meta",
     ],
     footer=[ID_IGF.format(a=ID_IG, u="putri.lestari"), IG_CO],
     objection_url=IG_FORM_2,
     trap="username identical to the address local part; Indonesian footer as seen in real mail; promise and 'already objected' sentences; plain ASCII subject")

mail("id", 2, "confirm_2024_ig", "confirmation", **ig(ID_IG, "putri_bakes"),
     frm=IG_NOREPLY, to=ID_IG, date="2024-06-10T09:30:00+02:00",
     subject="Permintaan Anda tentang AI di Meta",
     subj_mode=None, charset="us-ascii", cte="7bit", shape="plain", eol="crlf", auth=None,
     paras=[
         "Hai putri_bakes,",
         "Kami telah meninjau permintaan Anda dan akan menghormati keberatan Anda. Artinya, permintaan Anda akan diterapkan mulai sekarang.",
         "Jika Anda ingin mempelajari lebih lanjut tentang AI generatif dan upaya privasi kami di bidang baru ini, silakan tinjau informasi yang kami sediakan di Pusat Privasi. privacycenter.instagram.com/privacy/genai",
         "Kotak masuk ini tidak dapat menerima pesan. Jika Anda mengirimkan balasan kepada kami, balasan tersebut tidak akan diterima.",
         "Terima kasih,\nOperasi Privasi",
     ],
     footer=[ID_IGF.format(a=ID_IG, u="putri_bakes"), "Instagram. Meta Platforms Ireland Limited, Merrion Road, Dublin 4, D04 X2K5, Ireland"],
     trap="2024 Instagram confirmation in us-ascii 7bit; second Instagram account on putri.lestari@example.com")

mail("id", 3, "unclear_ig", "unclear_reply", **ig(ID_IG, "lestari.putri.id"),
     frm=IG_NOREPLY, to=ID_IG, date="2025-04-27T11:00:00+02:00",
     subject="Tentang permintaan Anda",
     subj_mode=None, charset="utf-8", cte="base64", shape="html", eol="lf", auth="pass",
     html_at=True,
     paras=[
         "Hai lestari.putri.id,",
         "Terima kasih telah menghubungi kami. Untuk mempelajari cara Meta menggunakan informasi untuk AI generatif dan pilihan yang tersedia untuk Anda, kunjungi Pusat Privasi. privacycenter.instagram.com/privacy/genai",
         "Kotak masuk ini tidak dapat menerima pesan. Jika Anda mengirimkan balasan kepada kami, balasan tersebut tidak akan diterima.",
         "Terima kasih,\nOperasi Privasi",
     ],
     footer=[ID_IGF.format(a=ID_IG, u="lestari.putri.id"), IG_CO],
     trap="unclear reply; username ending in '.id' (looks like a TLD) directly before the footer's full stop; HTML-only with &#064;")

mail("id", 4, "irr_shop_code", "irrelevant",
     frm=("Toko Kue Nusantara", "no-reply@tokokue.example"), to=ID_IG, date="2025-03-03T10:10:10+07:00",
     subject="Kode verifikasi Anda: 482913",
     subj_mode=None, charset="utf-8", cte="quoted-printable", shape="plain", eol="lf", auth="pass",
     paras=[
         "Halo Putri,",
         "Gunakan kode berikut untuk memverifikasi akun Toko Kue Nusantara Anda:",
         "482913",
         "Kode ini berlaku selama 10 menit. Jangan bagikan kode ini kepada siapa pun.",
         "Salam manis,\nToko Kue Nusantara",
     ],
     footer=[],
     trap="six-digit verification code from a shop, not Meta; sent to an address with Instagram accounts")

# =========================================================================== ka (Georgian)
KA_FB = "nino.beridze@example.com"
KA_FBF = "ეს შეტყობინება გაიგზავნა მისამართზე {a}. ანგარიშის უსაფრთხოებისთვის, გთხოვთ, ეს წერილი სხვას არ გადაუგზავნოთ."

mail("ka", 1, "notice_2026_fb", "notice", **fb(KA_FB),
     frm=FB_NOTIF, to=KA_FB, date="2026-10-01T09:00:00+02:00",
     subject="როგორ შეგიძლიათ გააპროტესტოთ თქვენი ინფორმაციის გამოყენება Meta-ს AI-სთვის",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="base64", shape="alt", eol="lf", auth="pass",
     link_style="angle",
     paras=[
         "გამარჯობა, ნინო!",
         "ჩვენ კვლავ ვიყენებთ საჯარო ინფორმაციას, მაგალითად 18 წლის და უფროსი ასაკის ადამიანების ანგარიშების საჯარო პოსტებსა და კომენტარებს, ასევე თქვენს ურთიერთქმედებას Meta-ს AI ფუნქციებთან, Meta-ს AI-ს განვითარებისა და გაუმჯობესებისთვის, კანონიერი ინტერესის საფუძველზე.",
         "თქვენ გაქვთ უფლება, გააპროტესტოთ თქვენი ინფორმაციის ასეთი გამოყენება. Facebook-ისა და Instagram-ის ძველი ფორმები აღარ მოქმედებს. პროტესტის წარდგენა ახლა შეგიძლიათ Meta-ს კონფიდენციალურობის დახმარების გვერდზე: [[პროტესტის წარდგენა|" + META_PRIVACY + "]]",
         "თუ უკვე გააპროტესტეთ, ახალი მოთხოვნის გაგზავნა საჭირო არ არის.",
         "გმადლობთ,\nMeta-ს კონფიდენციალურობის გუნდი",
     ],
     footer=[KA_FBF.format(a=KA_FB), FB_CO],
     objection_url=META_PRIVACY,
     trap="2026-style notice: the old forms are gone, the link is help.meta.com/support/privacy/ (unwrapped); 'already objected' sentence")

mail("ka", 2, "confirm_2024_fb", "confirmation", **fb(KA_FB),
     frm=FB_NOREPLY, to=KA_FB, date="2024-06-07T10:20:30+02:00",
     subject="თქვენი მოთხოვნა Meta-ს AI-სთან დაკავშირებით",
     subj_mode="Q", subj_cs="utf-8", charset="utf-8", cte="quoted-printable", shape="plain", eol="lf", auth=None,
     paras=[
         "გამარჯობა, ნინო!",
         "განვიხილეთ თქვენი მოთხოვნა და დავაკმაყოფილებთ თქვენს პროტესტს. ეს ნიშნავს, რომ თქვენი მოთხოვნა გამოყენებული იქნება მომავალში.",
         "თუ გსურთ მეტი შეიტყოთ გენერაციული AI-ს და ამ ახალ სფეროში ჩვენი კონფიდენციალურობის შესახებ მუშაობის შესახებ, გაეცანით ინფორმაციას კონფიდენციალურობის ცენტრში. facebook.com/privacy/genai",
         "ეს საფოსტო ყუთი შემომავალ შეტყობინებებს ვერ იღებს. თუ პასუხს გამოგვიგზავნით, ის არ მოგვივა.",
         "გმადლობთ,\nკონფიდენციალურობის ოპერაციების გუნდი",
     ],
     footer=[KA_FBF.format(a=KA_FB), FB_CO],
     trap="2024 confirmation in Georgian script; QP UTF-8; no Authentication-Results")

mail("ka", 3, "other_page_likes", "other", **fb(KA_FB),
     frm=FB_NOTIF, to=KA_FB, date="2025-06-22T12:00:00+02:00",
     subject="თქვენს გვერდს „ნინოს სახელოსნო“ 9 ახალი მოწონება აქვს",
     subj_mode="B", subj_cs="utf-8", charset="utf-8", cte="8bit", shape="alt", eol="lf", auth="pass",
     campaign="page_new_likes",
     paras=[
         "გამარჯობა, ნინო!",
         "თქვენს გვერდს „ნინოს სახელოსნო“ ამ კვირაში 9 ახალი მოწონება აქვს.",
         "[[ნახეთ, ვის მოსწონს თქვენი გვერდი|" + fb_n("pages/insights/?ref=page_likes", KA_FB, S("ka", 3)) + "]]",
     ],
     footer=[f"ეს წერილი გაიგზავნა {KA_FB}-ზე. გამოწერის გასაუქმებლად [[დააწკაპუნეთ აქ|" + fb_n("o.php?k=AS1" + _h("ka3o", 10), KA_FB, S("ka", 3) + "o") + "]].", FB_CO],
     trap="Georgian postposition glued to the address with a hyphen (nino.beridze@example.com-ზე); page_new_likes campaign headers")

# =========================================================================== rendering

MARK = re.compile(r"\[\[(.*?)\|(.*?)\]\]", re.S)


def render_text(m, paras, footer):
    style = m.get("link_style", "paren")

    def link(mo):
        label, url = mo.group(1), mo.group(2)
        if style == "nl":
            return f"{label}:\n{url}\n"
        if style == "angle":
            return f"{label} <{url}>"
        return f"{label} ({url})"

    blocks = [MARK.sub(link, p) for p in paras]
    if footer:
        blocks.append("---")
        blocks.extend(MARK.sub(link, f) for f in footer)
    return "\n\n".join(blocks) + "\n"


def _html_inline(text, at_entity):
    out = []
    pos = 0
    for mo in MARK.finditer(text):
        out.append(_html_text(text[pos:mo.start()], at_entity))
        out.append(f'<a href="{html.escape(mo.group(2), quote=True)}" '
                   f'style="color:#0064e0;text-decoration:none;">{_html_text(mo.group(1), at_entity)}</a>')
        pos = mo.end()
    out.append(_html_text(text[pos:], at_entity))
    return "".join(out)


def _html_text(s, at_entity):
    s = html.escape(s, quote=False).replace("\n", "<br />\n")
    if at_entity:
        s = s.replace("@", "&#064;")
    return s


def render_html(m, paras, footer):
    cs = m["charset"]
    d = ' dir="rtl"' if m.get("rtl") else ""
    at = m.get("html_at", False)
    font = "font-family:Helvetica Neue,Helvetica,Lucida Grande,tahoma,verdana,arial,sans-serif;"
    lines = [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{m["lang"]}"{d}>',
        f'<head><meta http-equiv="Content-Type" content="text/html; charset={cs}" />',
        f'<title>{_html_text(m["subject"], at)}</title></head>',
        f'<body style="margin:0;padding:0;"{d} bgcolor="#ffffff">',
        '<table border="0" cellspacing="0" cellpadding="0" align="center" id="email_table" '
        'style="border-collapse:collapse;max-width:600px;">',
    ]
    for p in paras:
        lines.append(f'<tr><td style="{font}font-size:15px;line-height:21px;color:#1c1e21;'
                     f'padding:0 16px 12px 16px;">')
        lines.append(_html_inline(p, at))
        lines.append("</td></tr>")
    for f in footer:
        lines.append(f'<tr><td style="{font}font-size:11px;line-height:16px;color:#8a8d91;'
                     f'padding:0 16px 8px 16px;">')
        lines.append(_html_inline(f, at))
        lines.append("</td></tr>")
    lines.append("</table>")
    lines.append("</body>")
    lines.append("</html>")
    return "\n".join(lines) + "\n"


def encode_text(text, charset):
    if charset == "iso-2022-jp":
        # every line must end in ASCII mode
        return b"\n".join(line.encode("iso-2022-jp") for line in text.split("\n"))
    return text.encode(charset)


def encode_body(text, charset, cte):
    data = encode_text(text, charset)
    if cte == "base64":
        return base64.encodebytes(data)
    if cte == "quoted-printable":
        out = binascii.b2a_qp(data, istext=True)
        return out if out.endswith(b"\n") else out + b"\n"
    if cte in ("8bit", "7bit"):
        for line in data.split(b"\n"):
            if len(line) > 990:
                raise ValueError(f"line too long for {cte}: {len(line)} bytes")
        if cte == "7bit" and any(b > 127 for b in data):
            raise ValueError("8-bit data in a 7bit part")
        return data if data.endswith(b"\n") else data + b"\n"
    raise ValueError(cte)


def encoded_words(text, charset, mode):
    def ew(s):
        b = encode_text(s, charset)
        if mode == "B":
            payload = base64.b64encode(b).decode("ascii")
        else:
            payload = "".join(
                chr(c) if (c < 128 and chr(c).isalnum()) else ("_" if c == 32 else f"={c:02X}")
                for c in b)
        return f"=?{charset}?{mode}?{payload}?="

    words, cur = [], ""
    for ch in text:
        if cur and len(ew(cur + ch)) > 75:
            words.append(ew(cur))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(ew(cur))
    return words


def fold_ascii(name, value):
    line = f"{name}: "
    out = []
    for word in value.split(" "):
        if len(line) + len(word) > 76 and line.strip() != f"{name}:":
            out.append(line.rstrip(" "))
            line = " "
        line += word + " "
    out.append(line.rstrip(" "))
    return "\n".join(out)


def header_text(name, value, charset=None, mode=None):
    if mode is None:
        value.encode("ascii")
        return fold_ascii(name, value)
    return f"{name}: " + "\n ".join(encoded_words(value, charset, mode))


def addr_header(name, display, addr, charset="utf-8"):
    if display is None:
        return f"{name}: {addr}"
    try:
        display.encode("ascii")
        if re.search(r'[,;:<>@()\[\]\\"]', display):
            return f'{name}: "{display}" <{addr}>'
        return f"{name}: {display} <{addr}>"
    except UnicodeEncodeError:
        words = encoded_words(display, charset, "B")
        return f"{name}: " + "\n ".join(words) + f" <{addr}>"


def auth_header(m):
    addr = m["frm"][1]
    dom = addr.split("@", 1)[1]
    sel = "s1024-2013-q3" if "facebook" in dom else "s2048"
    b = _h(m["file"] + "dkim", 8)
    if m["auth"] == "pass":
        return ("Authentication-Results: mx.example.net;\n"
                f" dkim=pass header.d={dom} header.s={sel} header.b={b};\n"
                f" spf=pass (mx.example.net: domain of {addr} designates 69.171.232.{int(_h(m['file'], 2), 16) % 200 + 10} as permitted sender) smtp.mailfrom={addr};\n"
                f" dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from={dom}")
    if m["auth"] == "fail":
        return ("Authentication-Results: mx.example.net;\n"
                f" dkim=fail (signature did not verify) header.d={dom} header.s={sel} header.b={b};\n"
                f" spf=softfail (mx.example.net: domain of transitioning {addr} does not designate 203.0.113.77 as permitted sender) smtp.mailfrom={addr};\n"
                f" dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from={dom}")
    return None


def rfc_date(s):
    return email.utils.format_datetime(datetime.datetime.fromisoformat(s))


def message_id(m):
    dom = m["frm"][1].split("@", 1)[1]
    h = _h(m["file"] + "mid", 32)
    return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}@{dom}>"


def common_headers(m):
    hs = []
    hs.append(f"Return-Path: <{m['frm'][1]}>")
    hs.append(f"Delivered-To: {m['to']}")
    a = auth_header(m)
    if a:
        hs.append(a)
    hs.append(addr_header("From", m["frm"][0], m["frm"][1]))
    to_cs = m.get("subj_cs") or m.get("charset") or "utf-8"
    if to_cs in ("us-ascii",):
        to_cs = "utf-8"
    hs.append(addr_header("To", m.get("to_name"), m["to"], to_cs))
    cs = m.get("subj_cs") or m.get("charset")
    hs.append(header_text("Subject", m["subject"], cs, m.get("subj_mode")))
    hs.append(f"Date: {rfc_date(m['date'])}")
    hs.append(f"Message-ID: {message_id(m)}")
    hs.append("MIME-Version: 1.0")
    camp = m.get("campaign")
    if camp:
        hs.append("X-Mailer: ZuckMail [version 1.00]")
        hs.append(f"X-Facebook-Notify: {camp}; mailid={_h(m['file'] + 'mailid', 30)}")
        hs.append(f"Feedback-ID: 9999:{camp}:Facebook")
    return hs


def build_standard(m):
    hs = common_headers(m)
    paras, footer = m["paras"], m.get("footer", [])
    cs, cte, shape = m["charset"], m["cte"], m["shape"]
    text_part = html_part = None
    if shape in ("plain", "alt"):
        text_part = encode_body(render_text(m, paras, footer), cs, cte)
    if shape in ("html", "alt"):
        html_part = encode_body(render_html(m, paras, footer), cs, cte)
    out = []
    if shape == "alt":
        bnd = "b1_" + _h(m["file"] + "bnd", 32)
        hs.append(f'Content-Type: multipart/alternative; boundary="{bnd}"')
        head = "\n".join(hs).encode("ascii") + b"\n\n"
        out.append(head)
        for ctype, body in (("text/plain", text_part), ("text/html", html_part)):
            out.append(f"--{bnd}\nContent-Type: {ctype}; charset={cs}\n"
                       f"Content-Transfer-Encoding: {cte}\n\n".encode("ascii"))
            out.append(body)
            out.append(b"\n")
        out.append(f"--{bnd}--\n".encode("ascii"))
    else:
        ctype = "text/plain" if shape == "plain" else "text/html"
        hs.append(f"Content-Type: {ctype}; charset={cs}")
        hs.append(f"Content-Transfer-Encoding: {cte}")
        out.append("\n".join(hs).encode("ascii") + b"\n\n")
        out.append(text_part if shape == "plain" else html_part)
    return b"".join(out)


def build_bounce(m):
    hs = common_headers(m)
    bnd = "report_" + _h(m["file"] + "bnd", 24)
    hs.append(f'Content-Type: multipart/report; report-type=delivery-status; boundary="{bnd}"')
    orig_body = ("你好，\n\n我收到了你们的邮件，想确认一下：你们说“我们已审核你的请求，并将接受你的反对意见”，"
                 "这是否也适用于我的 Instagram 帐户？\n\n谢谢！\n王芳\n")
    orig_date = rfc_date("2024-06-03T08:31:40+02:00")
    orig = "\n".join([
        "From: " + " ".join(encoded_words("王芳", "utf-8", "B")) + f" <{ZH_FB}>",
        "To: noreply@facebookmail.com",
        "Subject: " + " ".join(encoded_words("回复：关于你的请求", "utf-8", "B")),
        f"Date: {orig_date}",
        f"Message-ID: <{_h('zh5orig', 20)}@example.com>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: base64",
        "",
    ]).encode("ascii") + b"\n" + base64.encodebytes(orig_body.encode("utf-8"))
    notice = (
        "This is the mail system at host mx.facebook.com.\n\n"
        "I'm sorry to have to inform you that your message could not\n"
        "be delivered to one or more recipients. It's attached below.\n\n"
        "                   The mail system\n\n"
        "<noreply@facebookmail.com>: host mx.facebook.com said: 550 5.1.1 This mailbox\n"
        "    does not accept incoming mail (in reply to RCPT TO command)\n")
    status = (
        "Reporting-MTA: dns; mx.facebook.com\n"
        f"X-Postfix-Queue-ID: {_h('zh5q', 10).upper()}\n"
        f"Arrival-Date: {orig_date}\n\n"
        "Final-Recipient: rfc822; noreply@facebookmail.com\n"
        "Original-Recipient: rfc822;noreply@facebookmail.com\n"
        "Action: failed\n"
        "Status: 5.1.1\n"
        "Remote-MTA: dns; mx.facebook.com\n"
        "Diagnostic-Code: smtp; 550 5.1.1 This mailbox does not accept incoming mail\n")
    parts = [
        "\n".join(hs).encode("ascii") + b"\n\nThis is a MIME-encapsulated message.\n\n",
        f"--{bnd}\nContent-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n".encode("ascii"),
        notice.encode("ascii"), b"\n",
        f"--{bnd}\nContent-Description: Delivery report\nContent-Type: message/delivery-status\n\n".encode("ascii"),
        status.encode("ascii"), b"\n",
        f"--{bnd}\nContent-Description: Undelivered Message\nContent-Type: message/rfc822\n\n".encode("ascii"),
        orig, b"\n",
        f"--{bnd}--\n".encode("ascii"),
    ]
    return b"".join(parts)


def build(m):
    data = build_bounce(m) if m.get("builder") == "bounce" else build_standard(m)
    if m.get("eol", "lf") == "crlf":
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return data


# =========================================================================== manifest

def tq(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F or 0x200B <= o <= 0x200F or 0x2028 <= o <= 0x202E or 0x2066 <= o <= 0x2069:
            out.append(f"\\u{o:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def note_for(m):
    if m.get("builder") == "bounce":
        return "multipart/report (text/plain us-ascii, message/delivery-status, message/rfc822 with utf-8 base64), LF, no Authentication-Results"
    shape = {"plain": "text/plain", "html": "text/html only", "alt": "multipart/alternative"}[m["shape"]]
    subj = "subject ASCII" if m.get("subj_mode") is None else f"subject RFC 2047 {m['subj_mode']} ({m.get('subj_cs') or m['charset']})"
    auth = {"pass": "Authentication-Results pass", "fail": "Authentication-Results dkim/spf/dmarc fail",
            None: "no Authentication-Results"}[m.get("auth")]
    extra = ", X-Facebook-Notify/Feedback-ID " + m["campaign"] if m.get("campaign") else ""
    return f"{shape}, {m['charset']}, {m['cte']}, {m.get('eol', 'lf').upper()}, {subj}, {auth}{extra}"


def manifest():
    out = ["# blind3: expected results, one [[mail]] per file (generated by make_blind3.py; do not edit by hand)", ""]
    for m in MAILS:
        out.append("[[mail]]")
        out.append(f"file = {tq(m['file'])}")
        out.append(f"kind = {tq(m['kind'])}")
        if m["kind"] not in ("suspicious", "irrelevant"):
            out.append(f"platform = {tq(m['platform'])}")
            out.append(f"account = {tq(m['account'])}")
            out.append(f"address = {tq(m['address'])}")
            out.append(f"language = {tq(m['lang'])}")
        if m["kind"] == "notice":
            out.append(f"objection_url = {tq(m['objection_url'])}")
        if m["kind"] == "confirmation" and m.get("covers"):
            out.append("covers_linked_accounts = true")
        if m["kind"] == "suspicious":
            out.append(f"suspicious_reason = {tq(m['reason'])}")
        out.append(f"trap = {tq(m.get('trap', ''))}")
        out.append(f"note = {tq(note_for(m))}")
        out.append("")
    return "\n".join(out).encode("utf-8")


def generate():
    files = {}
    for m in MAILS:
        m["file"] = f"{m['lang']}_{m['nn']:02d}_{m['short']}.eml"
    names = [m["file"] for m in MAILS]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate file names")
    for m in MAILS:
        files[m["file"]] = build(m)
    files["expected.toml"] = manifest()
    return files


def main(argv):
    files = generate()
    on_disk = {n for n in os.listdir(HERE) if n.endswith(".eml") or n == "expected.toml"}
    if "--check" in argv:
        bad = []
        for name, data in sorted(files.items()):
            path = os.path.join(HERE, name)
            if not os.path.exists(path):
                bad.append(f"missing: {name}")
            else:
                with open(path, "rb") as fh:
                    if fh.read() != data:
                        bad.append(f"differs: {name}")
        for name in sorted(on_disk - set(files)):
            bad.append(f"not generated: {name}")
        for line in bad:
            print(line)
        if bad:
            return 1
        print(f"ok: {len(files)} files match")
        return 0
    for name in sorted(on_disk - set(files)):
        os.remove(os.path.join(HERE, name))
    for name, data in sorted(files.items()):
        with open(os.path.join(HERE, name), "wb") as fh:
            fh.write(data)
    print(f"wrote {len(files)} files to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
