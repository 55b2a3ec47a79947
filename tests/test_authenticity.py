import pytest

from tracker.recognition.authenticity import judge
from tracker.recognition.dkim import DkimVerdict
from tracker.recognition.parse import parse


def mail(sender: str, auth: str | None = None) -> bytes:
    head = f"Authentication-Results: {auth}\n" if auth else ""
    return (f"{head}From: {sender}\nTo: anna@example.org\nSubject: hi\nMessage-ID: <x@y>\n"
            "Content-Type: text/plain\n\nhello\n").encode()


@pytest.mark.parametrize("sender,platform", [
    ("Facebook <notification@facebookmail.com>", "facebook"),
    ("Facebook <update@em.facebookmail.com>", "facebook"),
    ("Instagram <no-reply@mail.instagram.com>", "instagram"),
    ("Meta <noreply@account.meta.com>", "facebook"),
    ("WhatsApp <noreply@whatsapp.com>", "whatsapp"),
])
def test_meta_domains_and_their_subdomains_are_genuine(sender, platform):
    verdict = judge(parse(mail(sender, "mx.example.org; dkim=pass header.d=facebookmail.com")))
    assert verdict.genuine and verdict.platform == platform and verdict.suspicious is None


@pytest.mark.parametrize("sender,reason", [
    ("Facebook <security@facebookmail.com.example.net>", "lookalike-domain"),
    ("Facebook <security@faceb00kmail.com>", "lookalike-domain"),
    ("Meta Privacy <privacy@meta-privacy-center.com>", "lookalike-domain"),
    ("Instagram <x@xn--nstagram-shh.com>", "lookalike-domain"),
    ("Instagram <x@evil.example>", "display-name-spoof"),
    ("Facebook Security Team <alerts@mailer.example>", "display-name-spoof"),
])
def test_lookalikes_and_display_name_spoofs_are_suspicious(sender, reason):
    verdict = judge(parse(mail(sender)))
    assert not verdict.genuine
    assert verdict.suspicious and verdict.suspicious.startswith(reason)


def test_only_the_topmost_authentication_results_counts():
    forged_below = (b"Authentication-Results: mx.example.org; dkim=fail header.d=facebookmail.com; "
                    b"dmarc=fail header.from=facebookmail.com\n"
                    + mail("Facebook <security@facebookmail.com>", "forged; dkim=pass header.d=facebookmail.com"))
    verdict = judge(parse(forged_below))
    assert not verdict.genuine and verdict.suspicious.startswith("auth-fail")


def test_a_pass_for_the_attackers_own_domain_proves_nothing():
    verdict = judge(parse(mail("Facebook <security@facebookmail.com>",
                               "mx.example.org; dkim=pass header.d=evil.example; dmarc=fail")))
    assert verdict.suspicious.startswith("auth-fail")


def test_require_authentication_refuses_mail_without_the_header():
    # Issue 14: the header alone no longer refuses (Meta's real mail on a server that adds no
    # header was listed as suspicious); the tracker's own DKIM verdict decides: unsigned is refused.
    unsigned = DkimVerdict("none")
    verdict = judge(parse(mail("Facebook <security@facebookmail.com>")), require_authentication=True,
                    dkim=unsigned)
    assert not verdict.genuine and verdict.suspicious.startswith("no-authentication")
    assert judge(parse(mail("Facebook <security@facebookmail.com>")), require_authentication=True).genuine
    plain = judge(parse(mail("Facebook <security@facebookmail.com>")), dkim=unsigned)
    assert plain.genuine and plain.unverified == "unsigned"


def test_ordinary_senders_are_neither_meta_nor_suspicious():
    verdict = judge(parse(mail("Newsletter <news@example.com>")))
    assert not verdict.genuine and verdict.suspicious is None
    assert judge(parse(mail("Metacritic <news@metacritic.com>"))).suspicious is None


def test_an_encoded_display_name_cannot_pose_as_the_address():
    raw = (b"From: =?utf-8?q?Facebook_=3Cnotification=40facebookmail=2Ecom=3E?= <attacker@evil.example>\n"
           b"To: anna@example.org\nSubject: hi\n\nhello\n")
    mail = parse(raw)
    assert mail.sender.address == "attacker@evil.example"
    assert mail.sender.name == "Facebook <notification@facebookmail.com>"
    assert judge(mail).suspicious.startswith("display-name-spoof")


def test_a_bare_dkim_pass_names_no_domain_and_proves_nothing():
    verdict = judge(parse(mail("Facebook <security@facebookmail.com>", "x; dkim=pass")),
                    require_authentication=True)
    assert not verdict.genuine and verdict.suspicious.startswith("auth-fail")


@pytest.mark.parametrize("name", ["security@facebookmail.com", "FacebookSecurity", "Instagram-Support"])
def test_a_brand_inside_a_display_name_is_a_spoof(name):
    assert judge(parse(mail(f'"{name}" <alerts@mailer-evil.example>'))).suspicious.startswith(
        "display-name-spoof")
