"""Header fields -> can this Meta mail only be an everyday one, or may it be part of the objection flow?

A sync fetches a body only where the body can change what the tracker knows. Thousands of a
mailbox's Meta mails are everyday notifications ("You have 3 new notifications", "X commented on
your post"); a notice, a code mail or Meta's reply to an objection never looks like one. The
decision leans the safe way: a mail is everyday only when its subject has the shape of a known
everyday notification AND nothing in the header hints at the flow. Every subject the tracker does
not know (Meta's reply template is not even published) counts as possibly the flow, and its body
is read. Only the sender (already judged genuine by the caller), the subject, List-Id,
Auto-Submitted, the recipients and Meta's campaign headers are read: all of them come with
HEADER.FIELDS.

Meta's campaign (X-Facebook-Notify, Feedback-ID) names the template in the same words in every
language, so where it is one campaigns.toml lists as everyday, the subject's language does not
matter. A campaign not listed is no evidence either way: the other fields decide.

The mailbox's own history is the other evidence that holds in every language: a template (Meta's
campaign, or else the subject with its names, numbers and quotes taken out, per sender address) whose
mails were read MIN_HISTORY times and were everyday every time settles the next ones. One mail of
it that was anything else, and the template is read for good (tracker.store.models.TemplateSeen).
A subject that hints at the flow is read whatever the history says.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tracker.recognition.authenticity import meta_domain
from tracker.recognition.parse import ParsedMail

FLOW = "flow"
EVERYDAY = "everyday"
# A subject longer than this is matched on its start only: Meta's subjects are short.
MAX_SUBJECT = 300

CAMPAIGNS = Path(__file__).with_name("campaigns.toml")
# What a listed campaign must mean for its mail to be settled by the header (campaigns.toml).
SETTLED = frozenset({"everyday", "login_alert"})

# Mails of one template read, and everyday each time (and signed by Meta: tracker.sync), before
# the next are settled by the header.
MIN_HISTORY = 2
# Letters a subject's shape keeps (names and numbers out) to stand for a template: "Facebook" or
# "*: *" says nothing about which mail it is.
MIN_SHAPE_LETTERS = 10
QUOTED = re.compile("[\"“”„«»‹›「『].*")
# Where a Latin-script name meets a script written without spaces (Thai, Lao, Burmese, Japanese,
# Chinese, Korean: "Lenaさんが…", "seoyeon.lee님이 …"): a word
# boundary, so the name can be left out and the template's words kept.
UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
SCRIPT_EDGE = re.compile(f"(?<=[A-Za-z0-9._])(?=[{UNSPACED}])|(?<=[{UNSPACED}])(?=[A-Za-z0-9])")
TOKEN_EDGES = "()[]{}<>,;:!?.。！？،-"

# Shapes of everyday notifications' subjects (FG "Everyday Meta mail"), by language. A name or
# username ahead of them ("anna.cooks, you have 3 new notifications") is allowed. Each pattern
# is matched against the whole (lower-cased, folded) subject.
NAME = r"(?:[\w.' -]{1,60}, )?"
EVERYDAY_SUBJECTS: tuple[str, ...] = (
    # counts of notifications, messages, friend requests
    NAME + r"you have \d+ (?:new |unread )?(?:notifications?|messages?|friend requests?)(?: on \w+)?",
    NAME + r"du hast \d+ (?:neue |ungelesene )?"
    r"(?:benachrichtigung(?:en)?|nachrichten?|freundschaftsanfragen?)(?: auf \w+)?",
    NAME + r"vous avez \d+ (?:nouvelles? )?(?:notifications?|messages?)(?: non lus?)?(?: sur \w+)?",
    NAME + r"hai \d+ (?:nuov[ei] )?(?:notifiche|notifica|messaggi?)(?: non lett[io])?(?: su \w+)?",
    NAME + r"tienes \d+ (?:notificaciones|notificación|mensajes?)(?: nuev[oa]s?| sin leer)?(?: en \w+)?",
    NAME + r"je hebt \d+ (?:nieuwe |ongelezen )?(?:meldingen|melding|berichten|bericht)(?: op \w+)?",
    NAME + r"masz \d+ (?:now[eay]+ |nieprzeczytan[eay]+ )?"
    r"(?:powiadomie[nń]|powiadomienia|wiadomości|wiadomość)(?: na \w+)?",
    NAME + r"(?:tens|você tem) \d+ (?:novas? )?(?:notificaç(?:ões|ão)|mensagens?)"
    r"(?: não lidas?)?(?: n[oa] \w+)?",
    NAME + r"du har \d+ (?:nya |olästa )?(?:aviseringar|avisering|meddelanden|meddelande)(?: på \w+)?",
    # someone did something
    r".{1,80} (?:commented on|replied to|liked|reacted to|shared|mentioned you in) (?:your|a|the|their) "
    r"(?:post|photo|video|comment|reel|story|status|memory|thread)s?",
    r".{1,80} (?:started following you|followed you|wants to follow you|tagged you in .{1,80}"
    r"|sent you a message|sent you a friend request|added a new photo|added \d+ new photos|is live now"
    r"|posted in .{1,120}|shared a (?:post|memory|reel|link|photo|video)|invited you to .{1,120}"
    r"|has a birthday today|and \d+ others? have birthdays today)",
    r".{1,80} (?:folgt dir(?: jetzt)?(?: auf \w+)?|hat deinen beitrag kommentiert"
    r"|hat dir eine nachricht gesendet"
    r"|hat dich in .{1,80} markiert|hat in .{1,120} gepostet)",
    r".{1,80} (?:vous suit(?: désormais)?(?: sur \w+)?|a commenté votre publication|vous a envoyé un message"
    r"|vous a identifié(?:e)? dans .{1,80})",
    r".{1,80} (?:ha iniziato a seguirti|ha commentato il tuo post|ti ha inviato un messaggio"
    r"|ti ha taggato in .{1,80})",
    r".{1,80} (?:(?:ha )?comenzó a seguirte|te ha empezado a seguir|comentó tu publicación"
    r"|te envió un mensaje)",
    r".{1,80} (?:volgt je(?: nu)?|heeft op je bericht gereageerd|heeft je een bericht gestuurd)",
    r".{1,80} (?:zaczął|zaczęła|zaczęło) cię obserwować",
    r".{1,80} (?:começou a seguir(?:-te| você)|comentou na sua publicação)",
    r".{1,80} (?:började följa dig|har kommenterat ditt inlägg)",
    # digests and memories
    NAME + r"see what you(?:'ve| have)? missed(?: this week| today)?(?: on \w+)?",
    NAME + r"(?:here's|here is) what you(?:'ve| have)? missed(?: on \w+)?",
    r"(?:you have|see your) (?:memories|a memory) (?:to look back on|from .{1,40})(?: on \w+)?",
    r"(?:new|your) weekly (?:digest|summary|recap)(?: on \w+)?",
    r"(?:sieh dir an, )?was du verpasst hast(?: auf \w+)?",
    r"découvrez ce que vous avez manqué(?: sur \w+)?",
    # login alerts (login codes carry digits: those stay flow, see FLOW_HINTS)
    r"new login to (?:your )?(?:facebook|instagram|threads)(?: account)?(?: from .{1,80})?",
    r"neue anmeldung (?:bei|auf) (?:facebook|instagram|threads)(?: von .{1,80})?",
    r"nouvelle connexion (?:à|sur) (?:facebook|instagram|threads)(?: depuis .{1,80})?",
    r"nuovo accesso (?:a|su) (?:facebook|instagram|threads)(?: da .{1,80})?",
)

# Anything of these in the subject means the mail may be the flow, whatever its shape: a code
# (digits), the objection, a request, privacy, AI. Stems across the languages Meta writes in.
FLOW_HINTS: tuple[str, ...] = (
    r"\d{4,}", r"\bai\b", r"\bki\b", r"\bia\b", r"\bτν\b", r"\bmeta\b", r"privac", r"privat", r"datenschutz",
    r"confidential", r"riservat", r"prywatn", r"integritet", r"personvern", r"tietosuoj", r"adatvédel",
    r"soukrom", r"απορρήτ", r"objec", r"obiez", r"oppos", r"widerspr", r"einspruch", r"bezwaar",
    r"sprzeciw", r"invänd", r"indsigel", r"innsigel", r"vastust", r"námit", r"tiltakoz", r"opoziț",
    r"opozit", r"εναντί", r"αντίρρ", r"request", r"anfrage", r"antrag", r"demande", r"richiest",
    r"solicit", r"verzoek", r"wniosek", r"prośb", r"pedido", r"begäran", r"anmodning", r"forespørs",
    r"pyyntö", r"žádost", r"kérés", r"kérelm", r"αίτημ", r"case", r"ticket", r"support", r"reply",
    r"antwort", r"réponse", r"risposta", r"respuesta", r"antwoord", r"odpowied", r"resposta", r"svar",
    r"vastaus", r"válasz", r"odpověď", r"rozhodnut", r"döntés", r"απάντησ", r"review", r"geprüft",
    r"examin", r"beoordeeld", r"rozpatrz", r"behandl", r"käsitel", r"posouz", r"code", r"codice",
    r"código", r"\bkod", r"koodi", r"kód", r"κωδικ", r"\bcod", r"kode", r"confirm", r"bestätig",
    r"conferm", r"bevestig", r"potwierdz", r"confirma", r"bekräfta", r"bekreft", r"bekræft", r"vahvist",
    r"potvrz", r"megerős", r"επιβεβαί", r"policy", r"richtlinie", r"politique", r"informativa",
    r"política", r"beleid", r"polityk", r"policy", r"irányelv", r"zásad", r"πολιτικ", r"update",
    r"aktualis", r"mise à jour", r"mettons à jour", r"aggiorn", r"actualiz", r"bijwerk", r"werken",
    r"atualiz", r"uppdater", r"oppdater", r"opdater", r"päivit", r"frissít", r"ενημέρ", r"rights",
    r"rechte", r"droits", r"diritti", r"derechos", r"rechten", r"praw", r"direitos", r"rättigheter",
    r"action required", r"needs attention", r"information",
)
# Replies and forwards ("Re:", "AW:", "Fwd:", "SV:"...) are conversations: possibly the flow.
REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|vs|fw|fwd|wg|tr|rv|odp|ynt|antw|ref)\s*(?:\[\d+\])?\s*:",
                          re.IGNORECASE)


@dataclass(frozen=True)
class HeaderTriage:
    verdict: str  # EVERYDAY or FLOW
    why: str
    # FLOW only for want of evidence: the template's history may settle it once more of its
    # mails were read (tracker.sync reads a few first).
    learnable: bool = False


History = Mapping[str, tuple[int, int]]  # template digest -> (everyday, other) mails read


def triage(mail: ParsedMail, history: History | None = None) -> HeaderTriage:
    """Decide from the header alone. `mail` is the header parsed (no body); the caller has judged
    the sender a genuine Meta one. `history`: the mailbox's templates (Repository.templates_seen)."""
    subject = _fold(mail.subject)
    list_id, auto_submitted = mail.list_id, mail.auto_submitted
    if auto_submitted and auto_submitted.strip().lower().startswith("auto-replied"):
        return HeaderTriage(FLOW, "auto-replied: an answer to something the user sent")
    if list_id:
        return HeaderTriage(FLOW, "List-Id: came through a list, not straight from Meta")
    if not subject:
        return HeaderTriage(FLOW, "no subject")
    if REPLY_PREFIX.match(subject):
        return HeaderTriage(FLOW, "a reply or forward")
    if not any(meta_domain(r.rpartition("@")[2]) is None for r in mail.recipients):
        return HeaderTriage(FLOW, "no recipient outside Meta: not a mail to the user")
    meaning = campaign_meaning(mail)
    if meaning in SETTLED:
        return HeaderTriage(EVERYDAY, f"Meta's campaign {mail.campaign!r}: {meaning}")
    hint = _flow_hints().search(subject)
    if hint:
        return HeaderTriage(FLOW, f"subject hints at the flow ({hint.group(0)!r})")
    if _everyday_subjects().fullmatch(subject):
        return HeaderTriage(EVERYDAY, "subject of an everyday notification")
    keys = template_keys(mail)
    if not keys:
        return HeaderTriage(FLOW, "subject not known as an everyday one")
    seen = [(history or {}).get(digest(k), (0, 0)) for k in keys]
    if any(other for _, other in seen):
        return HeaderTriage(FLOW, "a mail of this template was not everyday")
    if all(everyday >= MIN_HISTORY for everyday, _ in seen):
        fewest = min(everyday for everyday, _ in seen)
        return HeaderTriage(EVERYDAY, f"template read {fewest} times in this mailbox, everyday each time")
    return HeaderTriage(FLOW, "subject not known as an everyday one", learnable=True)


def template_keys(mail: ParsedMail) -> tuple[str, ...]:
    """What names the template of a mail, per sender address: Meta's campaign, which Meta names
    itself, else the subject's shape. A mail with neither has no template the history could know."""
    sender = mail.sender.address if mail.sender else ""
    if mail.campaign:
        return (f"{sender} campaign {mail.campaign}",)
    shape = subject_shape(mail.subject)
    return (f"{sender} subject {shape}",) if shape else ()


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def subject_shape(subject: str) -> str | None:
    """The subject with what differs between mails of one template left out: anything quoted,
    and each word with a digit, a dot, an @ or an underscore in it (numbers, usernames,
    addresses) or a capital first letter (names; also a sentence's first word, or a German noun,
    the same in every mail of the template). "Lena Fischer shared a memory with you" and "Tom
    shared a memory with you" both become "* shared a memory with you".

    Where that leaves too little to tell one template from another ("Neue Anmeldung von Chrome
    auf Windows": "* von * auf *"), the capitalised words are kept: a finer template, whose mails
    share every word but their numbers and names written with digits, dots or @. None when even
    that leaves too little."""
    text = QUOTED.sub(" *", subject[:MAX_SUBJECT].replace("\u2019", "'").replace("\u00a0", " "))
    words = [token.strip(TOKEN_EDGES) for token in SCRIPT_EDGE.sub(" ", text).split()]
    for capitals_vary in (True, False):
        shape = _shape(words, capitals_vary)
        if sum(c.isalpha() for c in shape.replace("*", "")) >= MIN_SHAPE_LETTERS:
            return shape
    return None


def _shape(words: list[str], capitals_vary: bool) -> str:
    out: list[str] = []
    for word in words:
        varying = not word or word == "*" or (capitals_vary and word[0].isupper()) or any(
            c.isdigit() or c in "._@" for c in word)
        piece = "*" if varying else word.lower()
        if not (piece == "*" and out and out[-1] == "*"):
            out.append(piece)
    return " ".join(out)


def campaign_meaning(mail: ParsedMail) -> str | None:
    """What campaigns.toml says the mail's campaign means, when every header that named it is one
    the entry is documented for; None for a campaign it does not list."""
    if mail.campaign is None:
        return None
    meanings = {_campaigns().get((header, mail.campaign)) for header in mail.campaign_headers}
    return meanings.pop() if len(meanings) == 1 else None


@cache
def _campaigns() -> dict[tuple[str, str], str]:
    import tomllib

    entries = tomllib.loads(CAMPAIGNS.read_text(encoding="utf-8"))["campaign"]
    return {(e["header"], e["value"]): e["means"] for e in entries}


def _fold(subject: str) -> str:
    text = subject[:MAX_SUBJECT].replace("\u2019", "'").replace("\u00a0", " ")
    return " ".join(text.split()).lower().rstrip(" .!")


@cache
def _everyday_subjects() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in EVERYDAY_SUBJECTS))


@cache
def _flow_hints() -> re.Pattern[str]:
    return re.compile("|".join(FLOW_HINTS))
