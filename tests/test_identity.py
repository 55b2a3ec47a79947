"""Whose account a mail is for, from the template's structure (tracker.recognition.identity).

tests/identity/ holds Instagram mails in several scripts and legacy charsets (make_identity.py
writes them from the field guide): greeting and footer name the username, with particles and
suffixes glued to it, bidi and zero-width marks around it, &#064; for the address's @.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from tracker.act import report
from tracker.recognition import identity
from tracker.recognition.classify import classify
from tracker.recognition.parse import parse
from tracker.store.state import AccountState

FOLDER = Path(__file__).parent / "identity"
CASES = tomllib.loads((FOLDER / "expected.toml").read_text(encoding="utf-8"))["mail"]
ACCOUNTS = [c for c in CASES if "kind" not in c]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_the_account_is_read_from_the_template_structure(case):
    result = classify(parse((FOLDER / case["file"]).read_bytes()))
    if case.get("kind") == "suspicious":  # a lure that wears a Meta brand: shown, never an account
        assert result.suspicious and result.suspicious.reason.startswith("display-name-spoof")
        return
    if case.get("kind") == "irrelevant":  # a delivery report from Meta's servers: no account
        assert result.finding is None and result.suspicious is None and "delivery report" in result.notes[0]
        return
    finding = result.finding
    assert (finding.platform, finding.address) == (case["platform"], case["address"])
    if case.get("account_unknown"):
        assert finding.account_unknown and finding.account == identity.unknown_account(case["address"])
        assert "account unknown" in str(finding.reason)
    else:
        assert not finding.account_unknown and finding.account == case["account"]


def test_three_instagram_accounts_on_one_address_stay_three():
    names = {classify(parse((FOLDER / c["file"]).read_bytes())).finding.account
             for c in ACCOUNTS if c["file"].startswith("tr_")}
    assert names == {"aylin.yilmaz", "aylin_ceramics", "yilmaz.aylin.34"}


FOOTERS = {  # language: (greeting, footer); {u} the username, {a} the address
    "id": ("Hai {u},", "Pesan ini dikirimkan ke {a} dan ditujukan untuk {u}. Bukan akun Anda?"),
    "ja": ("{u}さん、こんにちは。", "このメッセージは{a}宛てに、{u}さんに送信されました。"),
    "ko": ("{u}님, 안녕하세요.", "이 메시지는 {a}(으)로 {u}님에게 발송되었습니다."),
    "tr": ("Merhaba {u},", "Bu mesaj {a} adresine gönderildi ve {u}'ye yöneliktir."),
    "ar": ("مرحبًا \u200f{u}\u200f،", "تم إرسال هذه الرسالة إلى \u2068{a}\u2069 وهي مخصصة لـ\u2068{u}\u2069."),
    "he": ("שלום \u200e{u}\u200e,", "הודעה זו נשלחה אל {a} ומיועדת ל-\u200e{u}\u200e."),
    "ka": ("გამარჯობა {u},", "ეს შეტყობინება გაიგზავნა {a}-ზე და განკუთვნილია {u}-ზე."),
    "zh": ("{u}，你好：", "此邮件发送至 {a}，收件人为 {u}。不是你的帐户？"),
    "th": ("สวัสดี {u}", "ข้อความนี้ถูกส่งไปยัง {a} และมีไว้สำหรับ {u} หากนี่ไม่ใช่บัญชีของคุณ"),
    "de": ("Hallo {u},", "Diese Nachricht wurde an {a} gesendet und ist für {u} bestimmt."),
}


@pytest.mark.parametrize("lang", sorted(FOOTERS))
@pytest.mark.parametrize("user", ["mecton", "anna.k_88", "x"])
def test_greeting_and_footer_agree_in_any_script(lang, user):
    greeting, footer = FOOTERS[lang]
    text = (f"{greeting.format(u=user)}\n\nSome news about your account.\n\n"
            f"{footer.format(a='me@example.org', u=user)}\nInstagram. Meta Platforms Ireland Ltd.")
    assert identity.instagram_username(text, "me@example.org").username == user


def test_the_footer_alone_names_a_username_shaped_word():
    text = "Tienes un código.\n\nPesan ini dikirimkan ke me@example.org dan ditujukan untuk anna.k_88."
    assert identity.instagram_username(text, "me@example.org").username == "anna.k_88"


def test_a_commenter_on_top_is_not_the_account():
    text = ("lena.b commented on your post: \u201cnice\u201d\nHi anna.k,\n\n"
            "This message was sent to me@example.org and intended for anna.k.")
    assert identity.instagram_username(text, "me@example.org").username == "anna.k"


def test_the_entity_and_fullwidth_at_are_read_as_the_address():
    for at in ("&#064;", "&commat;", "\uff20"):
        text = f"Hi mecton,\n\nThis message was sent to me{at}example.org and intended for mecton."
        assert identity.footer_names(identity.visible(text), "me@example.org")[:2] == ["intended", "mecton"]
        assert identity.instagram_username(text, "me@example.org").username == "mecton"


def test_a_mail_whose_username_cannot_be_established_is_unknown_never_the_address():
    text = "Notifications.\n\nThis message was sent to me@example.org and intended for mecton."
    naming = identity.instagram_username(text, "me@example.org")
    assert naming.username is None and "several words" in naming.how
    one, other = identity.unknown_account("me@example.org"), identity.unknown_account("you@example.org")
    assert one != other and one == identity.unknown_account("ME@example.org ")
    assert "@" not in one and identity.is_unknown(one)


def test_an_unknown_account_says_so_in_status_json_and_why():
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    unknown = AccountState("instagram", identity.unknown_account("me@example.org"), "needs_action", now,
                           "discovered", None, addresses=("me@example.org",))
    known = AccountState("instagram", "anna.k", "needs_action", now, "discovered", None)
    data = report.as_json([unknown, known], [])
    assert [a["account_unknown"] for a in data["accounts"]] == [True, False]
    assert "ACCOUNT UNKNOWN" in report.as_table([unknown, known], [], width=80)
    assert "ACCOUNT UNKNOWN" in report.why(unknown) and "me@example.org" in report.why(unknown)
    assert "ACCOUNT UNKNOWN" not in report.why(known)


@pytest.mark.parametrize("sender", ["Bernd Kornmeier <b@example.org>", "Carl Lillevold <c@example.org>",
                                    "Yvonne Vvedenskaya <y@example.org>", "Metallica Fanclub <f@example.org>"])
def test_people_whose_names_hold_rn_vv_or_l_are_not_lures(sender):
    mail = parse(f"From: {sender}\nTo: a@example.org\nSubject: hello\n\nSee you soon.\n".encode())
    assert classify(mail).suspicious is None


@pytest.mark.parametrize("line_end", ["\r\n", "\n"], ids=["crlf", "lf"])
def test_a_greeting_line_without_a_comma_names_the_account_whatever_its_line_ends(line_end):
    """Mail comes with CRLF line ends; a text part keeps them. "Olá, joao.silva.pt" alone on its
    line, in a mail whose footer names no account, named it only where the line ended in LF (the
    same mail's HTML part), so a sync that read the text part kept the mail under unknown-…
    while an import of the whole mail named the account (issue 20 item 9)."""
    text = line_end.join(["Olá, joao.silva.pt", "", "Ahmed Karim partilhou uma memória consigo.", "",
                          "Recebe este e-mail porque ativou as notificações.", ""])
    raw = ("From: Instagram <no-reply@mail.instagram.com>\r\nTo: joao@example.pt\r\nSubject: Novidades\r\n"
           "Message-ID: <g@mail.instagram.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text)
    assert classify(parse(raw.encode())).finding.account == "joao.silva.pt"
