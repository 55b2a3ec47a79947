"""ParsedMail -> Finding (what a Meta mail says about which account), Suspicious, or None.

This is where a mail becomes evidence about an account. Facts about Meta come from rules.py;
this module only decides, in this order: is it Meta's (authenticity), which platform and account,
which language, and which kind of mail it is.

The kind is decided by structure before phrases (issue 10), because the worst error is a mail
that is not Meta's yes ending as a confirmation:
1. everyday mail (comments, messages, follows, logins, digests) is `other`, and its text, which
   quotes other people, is never read for outcomes or codes;
2. a verification-code mail is one by what it is: a code, said to be for a request;
3. a mail that announces the right to object is a notice, whatever it promises or supposes;
4. only what is left, and looks like Meta's reply to a request, is read for yes, no or "received";
   a reply that says neither is `unclear_reply`, never a guess.
Every Finding carries the Reason that decided its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from urllib.parse import parse_qsl, unquote, urlsplit

from tracker.choices import ALIASES, PLATFORMS  # noqa: F401 (classify.PLATFORMS: kinds and platforms)
from tracker.recognition import codes, identity, rules, template, triage
from tracker.recognition import language as languages
from tracker.recognition.authenticity import Verdict, judge
from tracker.recognition.dkim import DkimVerdict
from tracker.recognition.links import MetaLink, meta_links, shown_url_mismatch, unwrap
from tracker.recognition.matcher import GroupMatcher, Hit
from tracker.recognition.parse import ParsedMail

KINDS = ("notice", "verification_code", "acknowledgement", "confirmation", "rejection",
         "unclear_reply", "third_party_reply", "other")
# What Meta's reply to the third-party-information form says of that request (issue 23).
REQUEST_STATES = ("submitted", "needs_information", "answered")
NOT_A_USERNAME = frozenset({"there", "you", "and", "und", "et", "e", "y", "en", "og", "och"})
URL = re.compile(r"<?https?://\S+")
# What the rules read of a mail: Meta's texts are a few kB; a hostile one must not cost minutes.
MAX_SUBJECT = 1000
MAX_TEXT = 40_000
MAX_LINKS = 500  # Meta's mails carry a few dozen; a 100,000-link mail is read no further
HEAD = 4000  # the greeting and an everyday template's first line are near the top
TAIL = 6000  # the footer naming the address is at the end
FOOTER = 2500  # "… intended for USERNAME." is in the last lines of each part
# Where a sentence ends: Chinese and Japanese (。！？) and Hindi (।) need no space after it.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？।])\s*")
CLAUSE_END = re.compile(r"[.;:!?。！？；：।]")
# Quoted text ("…", „…", «…») is someone's words, not Meta's decision.
QUOTED = re.compile(r"[\"“„«»][^\"“”„«»]{0,2000}[\"”“«»]")
# An address as an account name: letters in any script (internationalised mail), never spaces,
# controls or invisible characters (a forged n_m with newlines must not print rows of its own).
ADDRESS = re.compile(r"[\w!#$%&'*+/=?^`{|}~.-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
USERNAME = re.compile(rules.USERNAME)
# Texts are matched without Greek accents, as rules.LANGUAGES holds its patterns (rules.TONOS).
TONOS = rules.TONOS
TONED = re.compile("[άέήίόύώϊϋΐΰ]")


def _untoned(text: str) -> str:
    # str.translate costs per character in Python; the search in C finds most mails have none.
    return text.translate(TONOS) if TONED.search(text) else text


@dataclass(frozen=True)
class Reason:
    """Why a mail got its kind: the rule, the language of the words that decided, the words."""

    rule: str  # e.g. "reply: confirmation", "notice: objection link", "everyday: sender"
    language: str | None = None
    matched: tuple[str, ...] = ()

    def __str__(self) -> str:
        words = ", ".join(f"'{m}'" for m in self.matched)
        lang = f" [{self.language}]" if self.language else ""
        return f"{self.rule}{lang}" + (f": {words}" if words else "")


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    platform: str  # one of PLATFORMS
    account: str  # Instagram/Threads username (or identity.unknown_account), else the address
    address: str | None
    language: str | None
    links: tuple[MetaLink, ...] = ()
    objection_url: str | None = None
    covers_linked: bool = False  # a confirmation that says it also covers its Accounts Center
    reason: Reason | None = None
    # third_party_reply only: the third-party request's state (one of REQUEST_STATES). That form
    # is not the objection to training (FG "The wrong form"): its reply never decides the objection.
    request_state: str | None = None
    authenticity: str | None = None  # how the sender was believed: "dkim/dmarc pass", "domain only"
    account_unknown: bool = False  # an Instagram mail naming no username: account is a stand-in


@dataclass(frozen=True)
class Suspicious:
    reason: str


@dataclass(frozen=True)
class Classified:
    finding: Finding | None = None
    suspicious: Suspicious | None = None
    notes: list[str] = field(default_factory=list)


def classify(mail: ParsedMail, *, require_authentication: bool = False,
             authserv_id: str | tuple[str, ...] | None = None,
             dkim: DkimVerdict | None = None) -> Classified:
    verdict = judge(mail, require_authentication=require_authentication, authserv_id=authserv_id,
                    dkim=dkim)
    if verdict.suspicious:
        return Classified(suspicious=Suspicious(verdict.suspicious))
    if identity.is_delivery_report(mail):
        return Classified(notes=["a delivery report: it returns a mail that was sent to Meta and "
                                 "is about no account"])
    for link in mail.links[:MAX_LINKS]:
        shown = shown_url_mismatch(link)
        if shown:
            return Classified(suspicious=Suspicious(
                f"link-text-mismatch: a link shows {shown} but leads to "
                f"{urlsplit(unwrap(link.href)).hostname or 'elsewhere'}"))
    if not verdict.genuine or verdict.platform is None:
        return Classified()
    subject = mail.subject[:MAX_SUBJECT]
    body = mail.text[:MAX_TEXT]
    text = _normalise(f"{subject}\n{body}")
    # Meta's own sentences (template.py): only they are read for yes or no.
    # The subject is a sentence of its own: with the greeting cut, no phrase may run into the body.
    notification = _local_part(mail) in rules.EVERYDAY_SENDERS
    own, aside = template.split(body, mail.recipients, notification=notification)
    meta = _normalise(f"{subject} .\n{own}")
    links = tuple(meta_links(mail.links[:MAX_LINKS], object_text=_is_objection_text))
    platform = _platform(verdict.platform, mail, links)
    try:
        address = _address(mail)
    except ValueError as exc:
        return Classified(suspicious=Suspicious(f"bad-account-name: {exc}"))
    account, naming = address, None
    if platform == "instagram":  # never an address: the username, or unknown
        naming = identity.instagram_username(mail.text, address, known=_username(mail.text))
        account = naming.username or (identity.unknown_account(address) if address else None)
    if not account:
        return Classified(notes=["no account: the mail names no recipient"])
    if not identity.is_unknown(account) and not _valid_account(platform, account):
        return Classified(suspicious=Suspicious(
            f"bad-account-name: {account[:60]!r} is not a {platform} username or address"))
    if address and not ADDRESS.fullmatch(address.lower()):
        return Classified(suspicious=Suspicious(f"bad-account-name: {address[:60]!r} is not an address"))
    language = languages.of_mail(mail, text)
    kind, reason = _kind(mail, subject, text, links, platform, language, meta=meta,
                         aside=_normalise(aside))
    unknown = naming is not None and naming.username is None
    if unknown:
        reason = replace(reason, rule=f"account unknown ({naming.how}); {reason.rule}")
    unsigned = (identity.unsigned_account(mail, address, naming and naming.username, dkim)
                if kind in identity.DECIDING else None)
    if unsigned:  # issue 20 item 2: the account that would change must be the one Meta signed
        kind, reason = "unclear_reply", replace(reason, rule=f"not counted ({unsigned}); {reason.rule}")
    request_state = None
    if kind == "third_party_reply":
        request_state = _request_state(_meta_words(meta), links)
    objection = next((link.url for link in links if link.role == "objection_form"), None)
    return Classified(finding=Finding(
        kind=kind,
        platform=platform,
        account=account.lower(),
        address=address,
        language=language,
        links=links,
        objection_url=objection,
        covers_linked=kind == "confirmation" and bool(group("accounts_center").search(meta)),
        reason=reason,
        authenticity=_authenticity(mail, verdict),
        account_unknown=unknown,
        request_state=request_state,
    ))


# --- the kind ------------------------------------------------------------------------------------

def _kind(mail: ParsedMail, subject: str, text: str, links: tuple[MetaLink, ...],
          platform: str, language: str | None = None, *, meta: str | None = None,
          aside: str = "") -> tuple[str, Reason]:
    """text: the subject and the whole body; meta: the subject and Meta's own sentences; aside:
    the rest of the body (quoted, after the sign-off, the footer)."""
    subject_n = _normalise(subject)
    meta = text if meta is None else meta
    everyday = _everyday(mail, subject_n, text, links)
    if everyday:
        # A digest can carry Meta's notice as one of its items (FG: everyday mail has no
        # objection link): the form link and the right to object in Meta's own, unquoted words
        # make it a notice. Never a reply: the rest of the mail is still other people's words.
        right = group("right_to_object").search(QUOTED.sub(" ", text))
        if right and any(link.role == "objection_form" for link in links):
            return "notice", _reason(f"notice: right to object and objection link, in {everyday.rule}", right)
        return "other", everyday
    campaign = triage.campaign_meaning(mail)
    if campaign in triage.SETTLED:
        # Meta's campaign names the template in every language (campaigns.toml): an invitation,
        # a page's likes or a login alert is everyday mail, whatever names or words it carries.
        return "other", Reason(f"everyday: Meta's campaign {mail.campaign!r} ({campaign})")
    if campaign == "login_code" and _has_code(mail):
        return "other", Reason(f"code: Meta's campaign {mail.campaign!r} is a login, sign-up or "
                               "recovery code, not a code for a request")
    local = _local_part(mail)
    if local in rules.ACCOUNT_CODE_SENDERS and _has_code(mail):
        return "other", Reason(f"code: {local}@ sends sign-up codes, not codes for a request")
    code = _objection_code(mail, subject_n, QUOTED.sub(" ", text), whatsapp=platform == "whatsapp")
    if code:
        return "verification_code", code
    whatsapp = platform == "whatsapp"  # FG: no objection form, so no notice (a reply is read)
    policy = group("policy_subject").search(subject_n)
    right = group("right_to_object").search(text)
    # A reply says what it is, as fact ("when we've reviewed your request, …" in a notice does
    # not), in its text; a subject naming the request is a weaker sign than the right to object.
    said = text[len(subject_n):].lstrip() if text.startswith(subject_n) else text  # the body alone
    said_meta = meta[len(subject_n):].lstrip(" .") if meta.startswith(subject_n) else meta
    reply = (_fact(said_meta, "reply_markers") or _fact(said_meta, "acknowledgement")
             or group("reply_signatures").search(said))
    # A subject that introduces someone's words ("Privacy Operations France a publié : nous
    # accéderons à votre demande d'opposition", "karen.wong 留言：…") answers nothing with them:
    # only its lead-in, someone doing something, counts. A one-word label is Meta's own
    # ("Confirmação: sua objeção …"), except from a notification sender. Nor does the name a
    # notification's subject gives its actor count: a Page called "Privacy Operations France"
    # posts, Meta's team does not.
    notification = local in rules.EVERYDAY_SENDERS
    lead = template.lead_in(subject_n)
    heading = lead if lead and (notification or len(lead.split()) > 1) else subject_n
    reply_subject = (group("request_nouns").search(heading)
                     or (None if notification else group("reply_signatures").search(heading))
                     or group("reply_markers").search(heading) or group("support_inbox").search(heading))
    # Meta's replies say in their subject what they answer: the request, the objection, the decision.
    answers = bool(reply_subject or any(group(name).search(heading) for name in (
        "objection_words", "confirmation", "acknowledgement")))
    form = any(link.role == "objection_form" for link in links)
    third_party = any(link.role == "third_party_form" for link in links)
    about = group("objection_words").search(text)
    policy_notice = policy and (form or right or about)
    if not policy_notice and not (form and right):
        # The third-party form's name may stand in Meta's copy of the submission ("> Form: …"):
        # read everywhere, since that kind never decides the objection and only keeps a yes away.
        third = _third_party_reply(_meta_words(said), subject_n, links, reply or reply_subject)
        if third:
            return "third_party_reply", third
    if whatsapp:
        # Brazil, late 2025 (FG): WhatsApp's AI objection is a form, a code, then Meta's reply,
        # which says what it answers in its subject ("Confirmação: sua objeção …") or its text.
        # Its reply to the general data-rights form ("is about Meta AI, not WhatsApp") is read too.
        reply = reply or reply_subject or group("objection_words").search(subject_n)
        if reply:
            return _decision(aside, meta, True, reply, third_party=third_party, language=language,
                             answers=answers, body=said_meta)
        return "other", Reason("whatsapp: nothing about an objection")
    # A notice announces the right to object; what it supposes or promises is no answer.
    if policy and (form or right or about):
        return "notice", _reason("notice: policy-update subject", policy)
    if not reply and right:
        return "notice", _reason("notice: right to object", right)
    reply = reply or reply_subject
    if not reply and form:
        # A refusal may link the form again for a new request; a notice states the right itself.
        refusal = about and _fact(_meta_words(meta), "unable_words")
        if not refusal:
            return "notice", Reason("notice: objection link")
        reply = refusal
    if not reply:  # a subject about the objection ("We'll honour your objection")
        reply = group("objection_words").search(subject_n)
    if reply or about:
        kind, reason = _decision(aside, meta, bool(reply), reply or about, third_party=third_party,
                                 language=language, answers=answers, body=said_meta)
        if kind == "confirmation" and right:
            # A yes in a mail that also announces the right to object, as a notice does: the
            # tracker cannot tell which it is, and guessing yes is the one error it must not make.
            return "unclear_reply", Reason(f"{reason.rule}, in a mail that also states the right "
                                           "to object", reason.language, reason.matched)
        return kind, reason
    ai = group("ai_at_meta").search(text)
    if ai:
        # FG: the October 2025 notice (chats with Meta AI shape ads) has no opt-out: information,
        # nothing to file. Said in `why`, so that nobody looks for the form it does not have.
        return "other", _reason("information: about AI at Meta, with no objection link (nothing "
                                "to file)", ai)
    return "other", Reason("other: nothing about an objection")


def _local_part(mail: ParsedMail) -> str:
    return (mail.sender.address.rpartition("@")[0] if mail.sender else "").lower()


def _everyday(mail: ParsedMail, subject: str, text: str, links: tuple[MetaLink, ...]) -> Reason | None:
    local = _local_part(mail)
    # notification@ and its kind send other people's words: their subject cannot make a reply.
    support = local not in rules.EVERYDAY_SENDERS and _support_inbox(subject, text)
    hit = group("everyday").search(subject) or group("login_code").search(subject)
    if hit and not support:
        return _reason("everyday: subject template", hit)
    # A link to a post, comment, message or login check: what the mail is about is someone's
    # activity, whatever language its template speaks.
    for link in links:
        path = urlsplit(link.url).path
        if link.role == "other" and rules.EVERYDAY_LINK.match(path):
            return Reason("everyday: a link to a post, message or login check", None,
                          (UNPRINTABLE.sub(" ", link.url[:80]),))
    if support:
        return None
    # The template's own first line ("Maria commented on your post."), not the comment under it.
    hit = group("everyday").search(text[len(subject):len(subject) + 300])
    if hit:
        return _reason("everyday: template", hit)
    # Meta's notification senders, unless the mail is a notice or says, in Meta's own unquoted
    # words, that it answers a request (the sender of Meta's replies is not published).
    if (local in rules.EVERYDAY_SENDERS and not group("policy_subject").search(subject)
            and not _fact(QUOTED.sub(" ", text), "reply_markers")):
        return Reason("everyday: notification sender", None, (local + "@",))
    return None


def _support_inbox(subject: str, text: str) -> bool:
    """A Support Inbox notification ("a new message in your Support Inbox") carries Meta's reply
    (FG: "Our reply", signed Privacy Operations): its subject names the Support Inbox and its
    body, in Meta's unquoted words, is signed or worded as a reply. Its "new message" is no chat."""
    if not group("support_inbox").search(QUOTED.sub(" ", subject)):
        return False
    body = QUOTED.sub(" ", text[len(subject):])
    signed = any(not group("support_inbox").search(hit.text)
                 for hit in group("reply_signatures").finditer(body))
    return signed or _fact(body, "reply_markers") is not None


def _third_party_reply(said: str, subject: str, links: tuple[MetaLink, ...],
                       reply: Hit | None) -> Reason | None:
    """Meta's reply to the third-party-information form (FG "The wrong form"), told by structure
    first: a link to that form in a reply, or the form's subject named in Meta's words ("information
    from third parties") in a mail that is a reply or asks for prompts and screenshots."""
    link = next((link for link in links if link.role == "third_party_form"), None)
    words = group("third_party").search(said) or group("third_party").search(subject)
    if link and (reply or words or group("asks_for_evidence").search(said)
                 or not any(other.role == "objection_form" for other in links)):
        return Reason("third-party form: a reply that links that form", None,
                      (UNPRINTABLE.sub(" ", link.url[:80]),))
    if words and (reply or group("asks_for_evidence").search(said)):
        return _reason("third-party form: a reply about information from third parties", words)
    return None


def _request_state(said: str, links: tuple[MetaLink, ...]) -> str:
    """What a third-party reply says of the request. Asking again for prompts and a screenshot,
    with the form to send them, is needs_information even where it names what was sent before;
    a closing word answers; a receipt is submitted. A reply the rules cannot read asks the person
    to look (needs_information), never the reassuring "answered"."""
    evidence = group("asks_for_evidence").search(said)
    if evidence and any(link.role == "third_party_form" for link in links):
        return "needs_information"
    if _fact(said, "request_closed"):
        return "answered"
    if evidence:
        return "needs_information"
    if group("acknowledgement").search(said):
        return "submitted"
    return "needs_information"


def _objection_code(mail: ParsedMail, subject: str, text: str, *, whatsapp: bool = False) -> Reason | None:
    # Links carry long digit runs (aref=1716800000, mids): look for the code outside them, and
    # only a number the mail calls a code ("[Case 482913]" in a reply is not one).
    if not _has_code(mail):
        return None
    # Login and two-factor codes look alike (FG): only a code said to be for a request counts.
    # WhatsApp mails codes for logins, new phones and e-mail checks all the time: there only a
    # code said to be for the objection is one (FG 2026-12: form, code, confirmation).
    purpose = group("objection_words").search(text)
    if not whatsapp:
        purpose = purpose or group("request_words").search(text)
    if purpose is None:
        return None
    said_in_subject = group("objection_words").search(subject) or group("request_words").search(subject)
    if group("login_code").search(subject) and not said_in_subject:
        return None
    return _reason("verification code: a code for a request", purpose)


def _has_code(mail: ParsedMail) -> bool:
    return codes.code_in(QUOTED.sub(" ", mail.text[:HEAD]), mail.subject[:MAX_SUBJECT]) is not None


def _decision(aside: str, meta: str, genuine_reply: bool, marker: Hit, *, third_party: bool = False,
              language: str | None = None, answers: bool = True, body: str | None = None,
              ) -> tuple[str, Reason]:
    """The reply's answer, read from Meta's own sentences (meta). Cutting the rest away may only
    ever remove a yes: a yes in Meta's sentences beside a no in what was set aside is unclear.
    answers: the subject says the mail answers a request or objection. body: Meta's own
    sentences without the subject."""
    kind, reason = _reply(meta, genuine_reply, marker, third_party=third_party, language=language)
    if kind == "confirmation" and body is not None and _reply(
            body, genuine_reply, marker, third_party=third_party, language=language)[0] != "confirmation":
        # Meta's reply says its decision in its text. A yes in the subject alone is the subject
        # line of a notification that carries someone's words ("X quoted your thread: We will
        # honour your objection", "karen.wong 留言：…"), in any language. A text that answers
        # nothing makes it everyday mail (an earlier yes stands); one that reads as a reply
        # without saying yes is for the person to read.
        if not (_fact(body, "reply_markers") or _fact(body, "acknowledgement")
                or group("reply_signatures").search(body)):
            return "other", Reason(f"other: {reason.rule} in the subject only, in a mail whose text "
                                   "answers no request", reason.language, reason.matched)
        return "unclear_reply", Reason(f"{reason.rule}, in the subject only", reason.language,
                                       reason.matched)
    if kind == "confirmation" and not answers:
        # Every reply of Meta's in the test sets names the request or the objection in its subject.
        # A yes in a mail whose subject does not ("Learn about Meta AI on WhatsApp", a digest) is
        # words someone put into Meta's mail as often as it is Meta's: the person reads it.
        return "unclear_reply", Reason(f"{reason.rule}, in a mail whose subject names no request or "
                                       "objection", reason.language, reason.matched)
    if kind == "confirmation" and languages.covered(language) and reason.language not in (None, language):
        # Meta writes a reply in one language: a yes only in another ("We've reviewed your request
        # and will honor your objection" in a Swedish receipt) is someone else's words in the mail.
        # The yes that counts is the text's: a subject in the mail's language beside a yes in
        # another in the text is someone's subject line over someone's words.
        same = "confirmation" if reason.rule == "reply: confirmation" else "accept_words"
        if not _fact_in(_meta_words(meta if body is None else body), same, language):
            return "unclear_reply", Reason(f"{reason.rule}, in {languages.name(reason.language)} "
                                           f"only, in a mail written in {languages.name(language)}",
                                           reason.language, reason.matched)
    if kind == "confirmation" and aside:
        said = _meta_words(aside)
        no = _fact(said, "rejection") or _refused(said)
        if no:
            return "unclear_reply", Reason(f"{reason.rule}, beside a refusal outside Meta's own "
                                           "sentences", reason.language,
                                           (*reason.matched, UNPRINTABLE.sub(" ", no.text[:80])))
    return kind, reason


def _reply(text: str, genuine_reply: bool, marker: Hit, *, third_party: bool = False,
           language: str | None = None) -> tuple[str, Reason]:
    """Meta's answer to a request: a decision stated as fact about it, a receipt, or unreadable.
    third_party: the mail links a third-party form, whose reply asks for prompts and screenshots."""
    if language and not languages.covered(language):
        # Words of other languages cannot read it, and a guess from them could be a false yes.
        said = f"written in {languages.name(language)}, which the rules do not cover"
        if genuine_reply:
            return "unclear_reply", Reason(f"reply: {said}", language,
                                           (UNPRINTABLE.sub(" ", marker.text[:80]),))
        return "other", Reason(f"other: {said}", language)
    said = _meta_words(text)
    no, yes = _fact(said, "rejection"), _fact(said, "confirmation")
    if yes and _denied(said, yes, language):
        return "rejection", _reason("reply: a grant phrase denied", yes)
    if no and yes:  # a reply that states both is for the person to read
        return "unclear_reply", Reason("reply: states both a yes and a no", yes.language,
                                       tuple(UNPRINTABLE.sub(" ", h.text[:80]) for h in (yes, no)))
    if no:
        return "rejection", _reason("reply: rejection", no)
    refusal = yes and _refused(said)
    if yes and refusal:  # "we will honour your objection" beside "unfortunately we cannot …"
        return "unclear_reply", Reason("reply: states both a yes and a no", yes.language,
                                       tuple(UNPRINTABLE.sub(" ", h.text[:80]) for h in (yes, refusal)))
    if yes and genuine_reply:
        return "confirmation", _reason("reply: confirmation", yes)
    if yes:
        return "unclear_reply", _reason("not a recognisable reply, with a confirmation phrase", yes)
    evidence = group("asks_for_evidence").search(said)
    # FG: the third-party form's reply asks for prompts and screenshots; what it is about is
    # said by naming AI at Meta or by linking that form again (not every reply names AI).
    if evidence and (third_party or group("ai_at_meta").search(said)):
        return "rejection", _reason("reply: asks for prompts or screenshots", evidence)
    about = group("objection_words").search(said)
    if about:
        hit = _fact(said, "unable_words") or _negated_grant(said)
        if hit:
            return "rejection", _reason("reply: refusal words", hit)
    hit = group("acknowledgement").search(said)
    if hit:
        return "acknowledgement", _reason("reply: acknowledgement", hit)
    if about:
        hit = _fact(said, "accept_words")
        if hit and _denied(said, hit, language):
            return "rejection", _reason("reply: grant words denied", hit)
        if hit and genuine_reply:
            return "confirmation", _reason("reply: grant words", hit)
        if hit:  # grant words in a mail that is no recognisable reply: a person must look
            return "unclear_reply", _reason("not a recognisable reply, with grant words", hit)
    if genuine_reply:
        return "unclear_reply", _reason("reply: no decision found", marker)
    return "other", _reason("other: mentions an objection, answers none", marker)


def _meta_words(text: str) -> str:
    """The reply without what is not its decision: quotations and the no-reply boilerplate
    ("This inbox cannot accept incoming messages" is no "cannot" about the request)."""
    text = QUOTED.sub(" ", text)
    inbox = group("inbox")
    if not inbox.search(text):
        return text
    return " ".join(s for s in SENTENCE_END.split(text) if not inbox.search(s))


def _fact(text: str, name: str) -> Hit | None:
    """The first match of the group that is stated as fact, not supposed ("if it is honoured")."""
    for hit in group(name).finditer(text):
        if not _hypothetical(text, hit.start, hit.language) and not _conditioned(text, hit):
            return hit
    return None


def _fact_in(text: str, name: str, language: str | None) -> Hit | None:
    """_fact, with the patterns of one language only."""
    for hit in group(name).finditer(text):
        if hit.language == language and not _hypothetical(text, hit.start, hit.language) \
                and not _conditioned(text, hit):
            return hit
    return None


def _conditioned(text: str, hit: Hit) -> bool:
    """A condition after the phrase, in its clause: "we'll honor your objection only if we can
    verify the details" promises nothing yet."""
    clause = CLAUSE_END.split(text[hit.start + len(hit.text):hit.start + len(hit.text) + 120])[0]
    return any(m.group(0) not in rules.AMBIGUOUS_CONDITIONALS for m in _conditional_word().finditer(clause))


def _hypothetical(text: str, start: int, language: str | None = None) -> bool:
    clause = CLAUSE_END.split(text[max(0, start - 120):start])[-1]
    near = text[max(0, start - 24):start]
    for match in _conditional_word().finditer(clause):
        word = match.group(0)
        if word not in rules.AMBIGUOUS_CONDITIONALS or match.start() >= len(clause) - len(near):
            return True
    # Latvian "ja" (if) is Finnish "and": such words suppose only in their own language's phrases.
    if language and _local_conditional(language).search(clause):
        return True
    # Verb-first conditionals: "Wird deinem Widerspruch stattgegeben, gilt er …".
    sentence = CLAUSE_END.split(text[max(0, start - 200):start])[-1]
    return bool(_verb_first().match(sentence))


def _refused(said: str) -> Hit | None:
    """A refusal in a sentence about the request or the objection ("leider können wir deinem
    Widerspruch nicht stattgeben"); a no-reply notice ("this mailbox can't accept messages") is none."""
    for sentence in SENTENCE_END.split(said):
        if group("objection_words").search(sentence) or group("request_nouns").search(sentence):
            hit = _fact(sentence, "unable_words") or _negated_grant(sentence)
            if hit:
                return hit
    return None


def _negated_grant(text: str) -> Hit | None:
    """'…kan vi tyvärr inte respektera din invändning': a grant word just after a negation."""
    for hit in group("accept_words").finditer(text):
        if hit.language and _negation(hit.language).search(text[max(0, hit.start - 40):hit.start]):
            return hit
    return None


def _denied(text: str, hit: Hit, language: str | None) -> bool:
    """A grant phrase its own sentence denies: "we won't honour your objection", "geben deinem
    Widerspruch nicht statt", "no aceptaremos", "nous n'accepterons pas". Read with the
    negations of the phrase's language and of the mail's (an English stem can match French)."""
    sentence = CLAUSE_END.split(text[max(0, hit.start - 60):hit.start])[-1]
    window = sentence + text[hit.start:hit.start + len(hit.text)]
    if "n't" in window or (language == "fr" and re.search(r"(?<!\w)n'", window)):
        return True
    return any(_any_negation(code).search(window) for code in {hit.language, language} if code)


@cache
def _any_negation(code: str) -> re.Pattern[str]:
    words = next((lang.negations for lang in rules.LANGUAGES if lang.code == code), ())
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                      + r")(?!\w)")


@cache
def _conditional_word() -> re.Pattern[str]:
    return _whole_words(rules.CONDITIONALS)


# Scripts written without spaces between words (Chinese, Japanese, Thai) or with particles glued to
# the word (Korean "경우에는"): a conditional there is found inside the run of letters.
UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]")


def _whole_words(words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    spaced = [re.escape(w) for w in ordered if not UNSPACED.search(w)]
    unspaced = [re.escape(w) for w in ordered if UNSPACED.search(w)]
    parts = ([r"(?<!\w)(?:" + "|".join(spaced) + r")(?!\w)"] if spaced else []) + unspaced
    return re.compile("|".join(parts) or r"(?!x)x")


@cache
def _local_conditional(code: str) -> re.Pattern[str]:
    return _whole_words(next((lang.local_conditionals for lang in rules.LANGUAGES if lang.code == code), ()))


@cache
def _verb_first() -> re.Pattern[str]:
    words = {w for lang in rules.LANGUAGES for w in lang.verb_first}
    return re.compile(r"\s*(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")


@cache
def _negation(code: str) -> re.Pattern[str]:
    # Per language: Finnish "en" (not) is Dutch and Danish "and".
    words = next(lang.negations for lang in rules.LANGUAGES if lang.code == code)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                      + r")(?!\w)[^.;:]{0,30}$")


# Matched words come from the mail: no control, bidi or zero-width characters into a reason.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _reason(rule: str, hit: Hit) -> Reason:
    return Reason(rule, hit.language, (UNPRINTABLE.sub(" ", hit.text[:80]),))


# --- one matcher per group -----------------------------------------------------------------------

@cache
def group(name: str) -> GroupMatcher:
    if name == "accounts_center":
        return GroupMatcher([(None, p) for p in rules.ACCOUNTS_CENTER])
    if name == "reply_signatures":
        return GroupMatcher([(None, p) for p in rules.REPLY_SIGNATURES])
    return GroupMatcher([(lang.code, p) for lang in rules.LANGUAGES for p in getattr(lang, name)])


@lru_cache(maxsize=4096)  # link texts repeat ("Reply", "View"), in one mail and across a sync
def _is_objection_text(text: str) -> bool:
    text = _normalise(text[:200])
    return bool(text) and bool(group("right_to_object").search(text)
                               or group("objection_words").search(text))


# --- platform, account, language -----------------------------------------------------------------

def _platform(sender_platform: str, mail: ParsedMail, links: tuple[MetaLink, ...]) -> str:
    """The platform whose account the mail is about. FG: a Threads profile belongs to an
    Instagram account, and Threads mail names the Instagram username: it counts for Instagram."""
    if sender_platform in ("instagram", "threads"):
        return "instagram"
    if sender_platform == "facebook":
        # Meta sends for all its apps from facebookmail.com (codes from security@); once the
        # domain is genuine, the display name says which app the mail speaks for.
        name = (mail.sender.name if mail.sender else "").lower()
        # Messenger's mail is the Facebook account's: Messenger has no account or objection of its
        # own (FG: Meta mails each Facebook and Instagram account; Messenger sends from facebookmail.com).
        for app in ("threads", "instagram", "whatsapp"):
            if app in name:
                return "instagram" if app == "threads" else app
        # A Facebook-domain sender that links only Instagram's form speaks for Instagram.
        forms = {link.platform for link in links if link.role == "objection_form" and link.platform}
        if forms == {"instagram"}:
            return "instagram"
    return sender_platform


def _address(mail: ParsedMail) -> str | None:
    """The address the mail went to. Raises ValueError when Meta's wrapper names something that
    is no address (a percent-encoded n_m with newlines would forge rows on screen)."""
    for link in mail.links:  # FG: n_m in Meta's wrappers names the address the mail went to
        if "n_m=" in link.href:
            for key, value in parse_qsl(urlsplit(link.href).query):
                if key == "n_m" and "@" in value:
                    value = unquote(value).strip().lower()
                    if not ADDRESS.fullmatch(value):
                        raise ValueError(f"the mail's n_m {value[:60]!r} is not an address")
                    return value
    lowered = mail.text[-TAIL:].lower()
    for recipient in mail.recipients:  # the footer: "This message was sent to ADDRESS"
        if recipient in lowered:
            return recipient
    lowered = mail.text[:MAX_TEXT].lower()
    for recipient in mail.recipients:
        if recipient in lowered:
            return recipient
    for recipient in mail.recipients:
        if not any(recipient.endswith("@" + d) or recipient.endswith("." + d)
                   for d, _ in rules.SENDER_DOMAINS):
            return recipient
    return None


def _valid_account(platform: str, account: str) -> bool:
    account = account.lower()
    if ADDRESS.fullmatch(account):
        return True
    return platform == "instagram" and bool(USERNAME.fullmatch(account))


def _username(text: str) -> str | None:
    """The Instagram username from Meta's footer ("… intended for USERNAME."): the last one in
    the mail, since a comment above it can say "intended for" too; else the greeting on top."""
    found = None
    for match in _footer_pattern().finditer(_untoned(text[-FOOTER:].lower())):
        name = next(g for g in match.groups() if g).rstrip(".")
        if name and name.lower() not in NOT_A_USERNAME:
            found = name
    if found:
        return found
    for match in _greeting_pattern().finditer(_untoned(text.lstrip()[:HEAD].lower())):
        name = match.group(1).rstrip(".")
        if name and name.lower() not in NOT_A_USERNAME:
            return name
    return None


@cache
def _footer_pattern() -> re.Pattern[str]:
    user = rf"@?({rules.USERNAME})(?=[\s.,;!)]|$)"
    templates = [p for lang in rules.LANGUAGES for p in lang.intended_for]
    # Each template's {u} becomes its own named group; _username takes whichever matched.
    parts = [t.replace(" ", r"\s+").replace("{u}", user.replace("(", f"(?P<u{i}>", 1))
             for i, t in enumerate(templates)]
    return re.compile("|".join(f"(?:{p})" for p in parts))


@cache
def _greeting_pattern() -> re.Pattern[str]:
    # [ \t]* rather than \s*: with MULTILINE, \s* runs over every blank line below each line start
    # and backtracks, quadratic in the number of blank lines (issue 16: 20,000 took 310 s).
    words = "|".join(p for lang in rules.LANGUAGES for p in lang.greeting)
    # "Hei, ingridberg." ends its line with a full stop: the name runs to the line's end.
    return re.compile(rf"^[ \t]*(?:{words}),?[ \t]+@?({rules.USERNAME})[ \t]*(?:[,!:]|\r?$)", re.MULTILINE)


def _authenticity(mail: ParsedMail, verdict: Verdict) -> str:
    if verdict.how:
        return verdict.how
    domain = mail.sender.domain if mail.sender else "?"
    if mail.auth_results:
        return f"authenticated: dkim or dmarc pass for a Meta domain ({domain})"
    return f"Meta domain {domain}; the receiving server added no Authentication-Results"


def _normalise(text: str) -> str:
    # Typographic apostrophes and non-breaking spaces differ between Meta's templates.
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return _untoned(" ".join(text.split()).lower())
