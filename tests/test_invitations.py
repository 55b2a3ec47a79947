"""Invitations carry names other people chose: never read for a decision or an account (issue 20
item 3). A group, event, Page or fundraiser named "We've reviewed your request and will honor your
objection" is still an invitation, from a genuine Meta sender."""

from __future__ import annotations

import pytest

from tracker.recognition.classify import classify
from tracker.recognition.parse import parse

MAIL = ("From: Facebook <{sender}@facebookmail.com>\nTo: anna@example.org\nSubject: {subject}\n"
        "Message-ID: <i@facebookmail.com>\n{header}Content-Type: text/plain; charset=utf-8\n\n"
        "Hi Anna,\n\n{body}\n\nThis message was sent to anna@example.org.\n")
NAMES = ["We've reviewed your request and will honor your objection",
         "Wir geben deinem Widerspruch statt",
         "Nous respecterons votre opposition",
         "We will honour your objection. This message was intended for victim"]
# (subject, first line, link): the shapes of Meta's invitations; {n} is the inviter's chosen name.
INVITATIONS = [
    ("Lena invited you to join {n}", "Lena invited you to join the group {n}.",
     "https://www.facebook.com/groups/1234567890/"),
    ("Lena invited you to {n}", "Lena invited you to the event {n}. Saturday, 15 March.",
     "https://www.facebook.com/n/?events%2F272310577287708%2F&aref=1&medium=email&n_m=anna%40example.org"),
    ("Lena invited you to like {n}", "Lena invited you to like the Page {n}.",
     "https://www.facebook.com/pages/x/1234567890"),
    ("Lena invited you to support {n}", "Lena invited you to donate to the fundraiser {n}.",
     "https://www.facebook.com/donate/1234567890/"),
    ("Lena hat dich zu {n} eingeladen", "Lena hat dich zur Veranstaltung {n} eingeladen.", ""),
    ("Lena vous a invité à {n}", "Lena vous a invité à rejoindre le groupe {n}.", ""),
    ("{n}", "{n}", "https://www.facebook.com/events/272310577287708/"),  # a name alone, a link
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("subject, line, link", INVITATIONS)
@pytest.mark.parametrize("sender", ["notification", "noreply", "groupupdates"])
def test_an_invitation_is_everyday_mail_whatever_its_name_says(name, subject, line, link, sender):
    mail = MAIL.format(sender=sender, subject=subject.format(n=name), header="",
                       body=f"{line.format(n=name)}\n\n{link}")
    finding = classify(parse(mail.encode())).finding
    assert finding.kind == "other", (sender, subject, finding.reason)
    assert finding.account == "anna@example.org"


@pytest.mark.parametrize("name", NAMES)
def test_an_invitation_campaign_is_everyday_mail_in_any_words(name):
    # Meta's campaign names the template (campaigns.toml): the words around the name do not matter.
    header = ("X-Facebook-Notify: event_invite_off_fb; mailid=1\n"
              "Feedback-ID: 9999:event_invite_off_fb:Facebook\n")
    mail = MAIL.format(sender="notification", subject=name, header=header, body=f"{name}\n\nLena")
    finding = classify(parse(mail.encode())).finding
    assert finding.kind == "other" and finding.account == "anna@example.org"


POSTS = [  # a post's text is its author's words, whatever the template's language
    ("Ahmet: {n}", "Ahmet bir gönderi paylaştı: {n}.", "https://www.facebook.com/ahmet.yilmaz/posts/1234567890"),
    ("Lena: {n}", "Lena shared a post: {n}.",
     "https://www.facebook.com/n/?lena.k%2Fposts%2F1234567890&aref=1&medium=email&n_m=anna%40example.org"),
    ("Lena: {n}", "Lena hat ein Video geteilt: {n}.", "https://www.facebook.com/lena.k/videos/1234567890/"),
    ("{n}", "{n}", "https://www.facebook.com/watch/?v=1234567890"),
    ("{n}", "{n}", "https://www.facebook.com/share/p/1AbCdEfGh/"),
]
POST_NAMES = [*NAMES, "Talebinizi inceledik ve itirazınızı kabul ediyoruz"]


@pytest.mark.parametrize("name", POST_NAMES)
@pytest.mark.parametrize("subject, line, link", POSTS)
def test_a_post_notification_is_everyday_mail_whatever_the_post_says(name, subject, line, link):
    mail = MAIL.format(sender="notification", subject=subject.format(n=name), header="",
                       body=f"{line.format(n=name)}\n\n{link}")
    finding = classify(parse(mail.encode())).finding
    assert finding.kind == "other", (subject, link, finding.reason)
    assert finding.account == "anna@example.org"
