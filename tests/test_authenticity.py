import pytest

from tracker.authenticity import judge
from tracker.parse import parse


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
    verdict = judge(parse(mail("Facebook <security@facebookmail.com>")), require_authentication=True)
    assert not verdict.genuine and verdict.suspicious.startswith("no-authentication")
    assert judge(parse(mail("Facebook <security@facebookmail.com>"))).genuine


def test_ordinary_senders_are_neither_meta_nor_suspicious():
    verdict = judge(parse(mail("Newsletter <news@example.com>")))
    assert not verdict.genuine and verdict.suspicious is None
    assert judge(parse(mail("Metacritic <news@metacritic.com>"))).suspicious is None
