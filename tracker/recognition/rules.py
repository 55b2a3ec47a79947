"""What is known about Meta's mails, as data: senders, forms, and phrases per language.

The classifier reads only this module for facts about Meta. Adding a language or a platform means
adding an entry here and a fixture mail in tests/fixtures/. Sources are in ../shared/field-guide/
(cited below as "FG"); phrases are matched case-insensitively on text with whitespace collapsed.
Structure comes first (sender domain, form ids), phrases second: a phrase only decides between
kinds of a mail that is already known to be authentic Meta mail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

# Registered domains whose subdomains are genuine Meta senders (FG "Senders": Instagram's own list,
# plus mail.instagram.com seen widely, whatsapp.com, threads.net). Order matters for platform: the
# first suffix that matches names the platform the sender speaks for.
SENDER_DOMAINS: tuple[tuple[str, str], ...] = (
    ("instagram.com", "instagram"),  # mail.instagram.com: Instagram and Threads mail
    ("threads.net", "threads"),
    ("whatsapp.com", "whatsapp"),
    ("messenger.com", "messenger"),
    ("facebookmail.com", "facebook"),  # notification@, security@, update@em.
    ("facebook.com", "facebook"),  # support.facebook.com
    ("fb.com", "facebook"),  # business.fb.com
    ("meta.com", "facebook"),  # account.meta.com
    ("metamail.com", "facebook"),  # global./go./internal.metamail.com
)

# Hosts whose links are kept (FG "Links"); any subdomain counts.
LINK_HOSTS: tuple[str, ...] = (
    "facebook.com",
    "instagram.com",
    "threads.net",
    "whatsapp.com",
    "messenger.com",
    "meta.com",
    "fb.com",
    "facebookmail.com",
    "metamail.com",
)

# Names of Meta brands: a sender outside SENDER_DOMAINS that uses one of these in its display
# name or domain claims to be Meta and is listed as suspicious (FG: look-alikes are phishing).
BRAND_WORDS: tuple[str, ...] = ("facebook", "instagram", "whatsapp", "threads", "messenger", "meta")

# Substrings an IMAP server searches for in From. Broad on purpose: brand words also catch
# look-alike and display-name spoofs, which the classifier then lists as suspicious; "meta" alone
# would match every metadata newsletter, so Meta's own domains stand for it.
SEARCH_FROM: tuple[str, ...] = (
    "facebook", "instagram", "whatsapp", "threads", "messenger.com", "meta.com", "metamail.com",
    "fb.com",
)

# Characters that look-alike domains swap in for Latin letters (digits, Cyrillic, Greek).
HOMOGLYPHS = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "3": "e",
        "5": "s",
        "@": "a",
        "ı": "i",
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "х": "x",
        "і": "i",
        "ѕ": "s",
        "к": "k",
        "ο": "o",
        "α": "a",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "τ": "t",
    }
)


@dataclass(frozen=True)
class Form:
    platform: str
    role: str  # objection_form | third_party_form | privacy_policy | other
    what: str


# Help Center form ids, the stable part of a form link (FG "Links").
FORMS: dict[str, Form] = {
    "712876720715583": Form("facebook", "objection_form", "Facebook AI objection form (2024)"),
    "6359191084165019": Form("facebook", "objection_form", "Facebook AI objection form (2025, app)"),
    "767264225370182": Form("instagram", "objection_form", "Instagram AI objection form (2024)"),
    "233964459562201": Form("instagram", "objection_form", "Instagram AI objection form (2025, app)"),
    "510058597920541": Form("facebook", "third_party_form", "third-party information used for AI"),
    "1266025207620918": Form("facebook", "third_party_form", "Generative AI data subject rights"),
    "382532939919295": Form("whatsapp", "other", "WhatsApp general data-rights form"),
}

# The form to act on for an account known only from everyday mail (no notice reached the mailbox).
DEFAULT_OBJECTION_URL: dict[str, str] = {
    "facebook": "https://www.facebook.com/help/contact/712876720715583",
    "messenger": "https://www.facebook.com/help/contact/712876720715583",
    "instagram": "https://help.instagram.com/contact/767264225370182",
    "threads": "https://help.instagram.com/contact/767264225370182",  # Threads rides on Instagram
}
# FG: WhatsApp has no AI-training objection form; only its general data-rights form.
WHATSAPP_DATA_RIGHTS_URL = "https://www.whatsapp.com/contact/forms/382532939919295/"

# Paths (on a Meta host) that are privacy pages rather than forms.
PRIVACY_PATHS: tuple[str, ...] = (
    "/privacy/policy",
    "/privacy/center",
    "/privacy/guide",
    "/privacy/genai",
    "/policy",
    "/legal/privacy",
    "/about/privacy",
)
PRIVACY_HOSTS: tuple[str, ...] = (
    "privacycenter.instagram.com",
    "accountscenter.facebook.com",
    "accountscenter.instagram.com",
)

# Redirect wrappers (FG "Links"): host -> query parameter holding the target.
WRAPPERS: dict[str, str] = {
    "l.facebook.com": "u",
    "lm.facebook.com": "u",
    "l.messenger.com": "u",
    "l.instagram.com": "u",
    "l.threads.net": "u",
    "l.threads.com": "u",
}
# facebook.com/n/?<url-encoded path>&…: notification links carry the path as the first query item.
NOTIFICATION_PATH = "/n/"

TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "aref",
        "medium",
        "mid",
        "bcode",
        "n_m",
        "rms",
        "irms",
        "lloc",
        "h",
        "e",
        "s",
        "ref",
        "__cft__",
        "__tn__",
        "fbclid",
        "igshid",
        "ndid",
        "cmid",
        "notif_id",
        "notif_t",
    }
)
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "__cft__", "__xts__")

# A six-digit one-time code (FG "Form": codes come in the subject from security@facebookmail.com).
CODE = re.compile(r"(?<![\w.%=-])(\d{6})(?![\w%-])")
# What a code mail calls the number, in the 16 languages (stems: Code, kód, κωδικ…).
CODE_WORDS: tuple[str, ...] = ("code", "codice", "código", "codigo", "kod", "koodi", "kód", "κωδικ",
                               "cod", "kode")
# Instagram usernames: letters, digits, dots and underscores, at most 30.
USERNAME = r"[A-Za-z0-9._]{1,30}"
# The Accounts Center by its name in each language: a confirmation naming it says it covers the
# accounts linked there (FG "Outcome mail", 2025). Stems, since several languages inflect it.
ACCOUNTS_CENTER: tuple[str, ...] = (
    r"accounts? cent(?:er|re)",
    r"kontenübersicht",
    r"konten-?cent",
    r"espace comptes",
    r"centre de comptes",
    r"centro (?:gestione )?account",
    r"centro de cuentas",
    r"accountcentrum",
    r"centrum kont",
    r"central de contas",
    r"centro de contas",
    r"kontocent",
    r"tilikesk",
    r"kontosent",
    r"centr\w* účtů",  # Centrum, Centra, Centru účtů
    r"centru(?:l)? de conturi",
    r"fiókközpont",
    r"κέντρο λογαριασμών",
)
# Senders' local parts that only ever send everyday notifications (FG "Everyday Meta mail"): their
# text quotes other people, so it is never read for outcomes, codes or account names.
EVERYDAY_SENDERS: frozenset[str] = frozenset({"notification", "notifications", "friendupdates",
                                              "groupupdates", "reminders"})
# Links to what other people posted or sent, and to login checks: only everyday mail carries them
# (measured on the four test sets: never in a notice, code mail or reply). A path on a Meta host.
EVERYDAY_LINK = re.compile(
    r"^/(?:permalink\.php|story\.php|photo\.php|photo/|p/|reel/|reels/|stories/|tv/|direct/|messages/|t/|"
    r"groups/[^/]+/(?:posts|permalink)/|notifications|home\.php|hacked|checkpoint|activity|@[^/]+/post/)")
# Meta's replies, whatever the language: the team that signs them and the Support Inbox copy.
REPLY_SIGNATURES: tuple[str, ...] = (r"privacy operations", r"support inbox", r"\[case #?\d+",
                                     r"\bcase #\d+", r"^re: ")
# Meta's help pages that took over from a form id (FG "Forms move", 2026): a notice's link there is
# the objection link even without a known form id.
OBJECTION_PAGES: tuple[tuple[str, str], ...] = (("help.meta.com", "/support/privacy"),)
# Words that make a following phrase hypothetical: "if your objection is honoured, …" is a notice.
CONDITIONALS = (
    "if",
    "when",
    "wenn",
    "falls",
    "si",
    "se",
    "als",
    "indien",
    "jeśli",
    "jeżeli",
    "pokud",
    "om",
    "hvis",
    "jos",
    "αν",
    "εάν",
    "dacă",
    "ha",
    "once",
    "in case",
    "provided that",
    "sofern",
    "qualora",
    "nel caso in cui",
    "en caso de que",
    "wanneer",
    "ifall",
    "dersom",
    "mikäli",
    "amennyiben",
    "în cazul în care",
    "caso",
    # Indirect questions suppose as much as an "if": "we will let you know whether we will honour
    # your objection" (pl "czy", cs "zda"; fr/es "si", it/pt "se", sv/da/nb "om", el "αν" above).
    "whether",
    "ob",
    "czy",
    "zda",
    "jestli",
)
# Of those, the ones that are also everyday words ("om" is "about", "si" is "so", "ha" is "has"):
# they make a phrase hypothetical only right before it.
AMBIGUOUS_CONDITIONALS = frozenset({"si", "se", "als", "om", "ha", "when", "caso"})


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    words: tuple[str, ...]  # common words, to tell the language when the mail does not say it
    ai_at_meta: tuple[str, ...]
    right_to_object: tuple[str, ...]  # the right itself, as a notice states it
    confirmation: tuple[str, ...]
    rejection: tuple[str, ...]
    already_objected: tuple[str, ...]  # a notice saying earlier objections still count
    # Broad vocabulary for Meta's replies to an objection, whose wording is not published: the
    # words for objecting, for granting it, and for being unable to. Exact phrases above decide
    # first; these catch the rest (measured on tests/holdout, written blind to these rules).
    objection_words: tuple[str, ...]  # also what a code mail says the code is for
    accept_words: tuple[str, ...]
    unable_words: tuple[str, ...]  # unable to, unfortunately
    # FG: the third-party form's reply asks for the prompts and screenshots; such a request for
    # more is a rejection too (the user must act), whatever the mail calls the objection.
    asks_for_evidence: tuple[str, ...]
    negations: tuple[str, ...]  # a grant with one of these words just before it is a refusal
    login_code: tuple[str, ...]  # login and two-factor codes look alike (FG "Form")
    greeting: tuple[str, ...]  # words before the Instagram username: "Hi username,"
    intended_for: tuple[str, ...]  # the footer naming the username; {u} stands for it
    # Structure, read before any outcome phrase (issue 10): what makes a mail a notice, a reply,
    # or everyday mail. Searched in the subject (policy_subject) or in Meta's own template text.
    policy_subject: tuple[str, ...] = ()  # a notice's subject: the policy update, "how we'll use"
    reply_markers: tuple[str, ...] = ()  # what Meta's replies to a request say about themselves
    acknowledgement: tuple[str, ...] = ()  # "we've received your request": filed, not decided
    request_words: tuple[str, ...] = ()  # "your request": what a code mail or a reply is about
    request_nouns: tuple[str, ...] = ()  # a subject naming "your request" is a reply's subject
    everyday: tuple[str, ...] = ()  # notification templates: comments, messages, follows, logins
    verb_first: tuple[str, ...] = ()  # a clause that starts with one of these is a conditional
    inbox: tuple[str, ...] = ()  # a sentence naming the inbox is the no-reply boilerplate
    # The Support Inbox by name: Meta's replies arrive there and a mail "You have a new message
    # in your Support Inbox" carries a copy ("Our reply", FG 2026-12). Only the English name is
    # in the FG; the others are the inbox words above with "support", as Meta's UI names it.
    support_inbox: tuple[str, ...] = ()


# Greek accents (tonos) vary between forms of one word ("προοριζόταν", "προορίζεται") and are
# dropped in capitals ("ΕΝΗΜΕΡΩΝΟΥΜΕ" lower-cases without them). The classifier matches texts
# without them, so the patterns below are written as Greek is spelt and stripped at the end of
# this module. One letter for one, so offsets hold; no other script has these letters.
TONOS = str.maketrans("άέήίόύώϊϋΐΰ", "αεηιουωιυιυ")


LANGUAGES: tuple[Language, ...] = (
    Language(
        "en",
        "English",
        words=("the", "your", "you", "and", "we", "this", "to"),
        ai_at_meta=(r"ai at meta", r"meta ai", r"generative ai"),
        right_to_object=(r"right to object",),
        # 2024 confirmation quoted by a user; 2025 one seen in a post (FG "Outcome mail").
        confirmation=(
            r"(?:will|we'll) hono(?:u)?r your objection",
            r"reviewed your request and will hono(?:u)?r",
        ),
        # No template is published (FG): refuses, cannot process, asks for more information.
        rejection=(
            r"(?:can ?not|can't|could not|couldn't|are unable to|were unable to|won't be able"
            r" to|are not able to) (?:process|hono(?:u)?r|fulfil+|accept|action) (?:your|this)",
            r"(?:don't|do not) automatically fulfil+ requests",
            r"we (?:need|require) (?:more|additional) information",
            r"provide (?:more|additional) (?:information|details)",
            r"objection (?:was|has been) (?:declined|rejected|denied)",
        ),
        already_objected=(
            r"(?:if|where) you(?:'ve| have)? already objected",
            r"continue to hono(?:u)?r (?:it|your objection)",
        ),
        objection_words=(r"objection", r"object to", r"request to object", r"objected"),
        accept_words=(r"hono(?:u)?r", r"accept(?:ed)?", r"uphold", r"grant(?:ed)?"),
        unable_words=(
            r"unable to",
            r"can ?not",
            r"can't",
            r"could not",
            r"couldn't",
            r"not able to",
            r"not possible",
            r"unfortunately",
        ),
        asks_for_evidence=(r"screenshots?", r"the prompts? you"),
        negations=("not", "n't", "never", "against"),
        login_code=(
            r"log ?in",
            r"sign ?in",
            r"two-factor",
            r"2fa",
            r"reset your password",
            r"security code to",
        ),
        greeting=(r"hi", r"hello", r"hey", r"dear"),
        intended_for=(r"intended for {u}",),
        policy_subject=(
            r"updating our privacy policy",
            r"how we'll use your information",
            r"how we will use your information",
        ),
        reply_markers=(
            r"(?:we've|we have) (?:reviewed|processed|looked (?:at|into)) your (?:request|objection)",
            r"thank you for contacting us",
            r"your request about",
            r"an update on your (?:objection|request)",
            r"(?:regarding|about) your (?:objection|request)",
            r"response to your (?:objection|request)",
            r"our reply",
        ),
        acknowledgement=(
            r"(?:we've|we have) received your (?:request|objection)",
            r"(?:we're|we are) (?:reviewing|looking into) your (?:request|objection)",
            r"(?:we'll|we will) (?:review|look into) (?:it|your request|your objection)",
            r"(?:we'll|we will) (?:get back to you|let you know)",
            r"received your (?:request|objection|form)",
            r"(?:request|objection) (?:has been|was) received",
        ),
        request_words=(r"your request", r"(?:confirm|verify) your email", r"request about your information"),
        request_nouns=(r"request",),
        everyday=(
            r"commented on",
            r"commented:",
            r"replied to your",
            r"mentioned you",
            r"sent you a (?:message|friend request)",
            r"started following you",
            r"new notifications?",
            r"unread messages?",
            r"liked your",
            r"posted in",
            r"tagged you",
            r"see what you missed",
            r"reacted to",
            r"new login",
            r"login code",
            r"your (?:facebook|instagram) code",
            r"new message",
            r"replied to",
            r"a new comment",
            r"new follower",
            r"friend request",
            r"memories",
        ),
        verb_first=(r"should", r"were", r"had"),
        inbox=(r"inbox",),
        support_inbox=(r"support inbox",),
    ),
    Language(
        "de",
        "Deutsch",
        words=("und", "die", "der", "du", "deine", "wir", "nicht", "ist"),
        ai_at_meta=(r"ki bei meta", r"ai bei meta", r"meta ai", r"generative[rn]? ki"),
        right_to_object=(r"widerspruchsrecht", r"recht,? (?:zu )?widersprechen"),
        # "stattgeben" is separable: "Wir geben deinem Widerspruch … statt" (2025 wording).
        confirmation=(
            r"(?:werden wir|wir werden) deinem widerspruch (?:stattgeben|nachkommen)",
            r"wir geben deinem widerspruch\b[^.]{0,160}?\bstatt\b",
            r"deinem widerspruch stattgegeben",
        ),
        rejection=(
            r"(?:können|konnten) wir (?:deinen|deine|deinem) (?:antrag|widerspruch|anfrage)"
            r"[^.]{0,40}? nicht (?:bearbeiten|stattgeben|nachkommen|annehmen|bestätigen)",
            r"weitere (?:informationen|angaben) (?:benötigt|erforderlich|von dir)",
            r"widerspruch (?:wurde )?abgelehnt",
        ),
        already_objected=(r"wenn du bereits widersprochen hast", r"falls du bereits widersprochen hast"),
        objection_words=(r"widerspruch", r"widersprechen", r"widersprochen"),
        accept_words=(
            r"stattgeben",
            r"stattgegeben",
            r"\bgeben\b[^.]{0,120}\bstatt\b",
            r"nachkommen",
            r"akzeptieren",
            r"berücksichtigen",
        ),
        unable_words=(
            r"leider",
            r"nicht stattgeben",
            r"nicht möglich",
            r"nicht bearbeiten",
            r"(?:können|konnten) wir[^.]{0,80}\bnicht\b",
        ),
        asks_for_evidence=(r"bildschirmfotos?", r"screenshots?"),
        negations=("nicht", "kein", "keinen", "nie"),
        login_code=(r"anmeld", r"einloggen", r"login", r"zwei-faktor", r"passwort"),
        greeting=(r"hallo", r"hi", r"liebe[rs]?", r"guten tag"),
        intended_for=(r"für {u} bestimmt",),
        policy_subject=(r"aktualisieren unsere datenschutzrichtlinie", r"wie wir deine informationen"),
        reply_markers=(
            r"unsere antwort",  # the Support Inbox copy's heading ("Our reply")
            r"wir haben deine[nm]? (?:anfrage|antrag|widerspruch) (?:geprüft|überprüft|bearbeitet)",
            r"danke,? dass du (?:dich|uns)\b",
            r"deine anfrage (?:zu|zur|wurde)",
            r"antwort auf deine",
        ),
        acknowledgement=(
            r"(?:wir haben|haben wir) deine[nm]? (?:anfrage|antrag|widerspruch) erhalten",
            r"(?:wir werden|werden wir) (?:sie|ihn|deine anfrage|deinen widerspruch|deinen antrag) prüfen",
            r"melden uns bei dir",
            r"(?:anfrage|antrag|widerspruch)\w*[^.]{0,40}erhalten",
            r"erhalten[^.]{0,30}(?:anfrage|antrag|widerspruch)",
        ),
        request_words=(r"deine[nrm]? (?:anfrage|antrag)", r"e-mail-adresse (?:zu )?bestätigen"),
        request_nouns=(r"anfrage", r"antrag"),
        everyday=(
            r"kommentiert",
            r"hat dir eine nachricht",
            r"folgt dir",
            r"neue benachrichtigung",
            r"ungelesene nachricht",
            r"gefällt dein",
            r"dich[^.]{0,40}erwähnt",
            r"gepostet",
            r"neue anmeldung",
            r"anmeldecode",
            r"neue nachricht",
            r"geantwortet",
            r"neuer follower",
            r"freundschaftsanfrage",
        ),
        verb_first=(r"wird", r"werden", r"sollte", r"sollten", r"wäre", r"würde"),
        inbox=(r"postfach", r"posteingang"),
        support_inbox=(r"support-?postfach", r"support-?posteingang"),
    ),
    Language(
        "fr",
        "Français",
        words=("vous", "les", "des", "votre", "vos", "nous", "est", "et"),
        ai_at_meta=(r"l'ia chez meta", r"l'ia de meta", r"ia de meta", r"meta ai"),
        right_to_object=(r"droit d'opposition", r"droit de (?:vous|t')opposer"),
        confirmation=(
            r"accéderons à votre demande d'opposition",
            r"(?:nous )?respecterons votre (?:opposition|objection)",
            r"votre opposition (?:sera|a été) (?:acceptée|prise en compte)",
        ),
        rejection=(
            r"ne (?:pouvons|pourrons) pas (?:traiter|donner suite|accéder|accepter)",
            r"ne sommes pas en mesure (?:d'accéder|de donner suite|de traiter)",
            r"(?:plus d'informations|informations supplémentaires)"
            r" (?:sont nécessaires|pour traiter)",
            r"opposition (?:a été )?(?:refusée|rejetée)",
        ),
        already_objected=(r"si vous vous êtes déjà opposée?", r"si vous avez déjà fait opposition"),
        objection_words=(r"opposition", r"vous opposer", r"t'opposer", r"opposée?s?"),
        accept_words=(
            r"donner(?:ons)? suite",
            r"accéder(?:ons)?",
            r"accept(?:er|ons|erons)",
            r"respect(?:er|ons|erons)",
            r"faire droit",
        ),
        unable_words=(
            r"ne (?:pouvons|pourrons|sommes) pas",
            r"pas en mesure",
            r"impossible",
            r"malheureusement",
        ),
        asks_for_evidence=(r"captures? d'écran",),
        negations=("pas", "ne", "jamais"),
        login_code=(r"connexion", r"connecter", r"deux facteurs", r"mot de passe"),
        greeting=(r"bonjour", r"salut", r"cher", r"chère"),
        intended_for=(r"destiné à {u}", r"destiné au compte {u}"),
        policy_subject=(
            r"mettons à jour notre politique de confidentialité",
            r"comment nous utiliserons vos informations",
        ),
        reply_markers=(
            r"notre réponse",  # the Support Inbox copy's heading ("Our reply")
            r"nous avons (?:examiné|étudié|traité) votre demande",
            r"merci de nous avoir contacté",
            r"votre demande (?:concernant|d'opposition|relative)",
            r"réponse à votre",
        ),
        acknowledgement=(
            r"nous avons (?:bien )?reçu votre (?:demande|opposition)",
            r"nous (?:allons|l')examiner",
            r"nous reviendrons vers vous",
            r"(?:bien )?reçu votre",
            r"votre (?:demande|opposition)[^.]{0,30}(?:a bien été |a été )reçue",
        ),
        request_words=(r"votre demande", r"confirmer votre adresse e-mail"),
        request_nouns=(r"demande",),
        everyday=(
            r"a commenté",
            r"vous a envoyé un message",
            r"vous suit",
            r"a commencé à vous suivre",
            r"nouvelles notifications",
            r"messages? non lus?",
            r"a aimé",
            r"vous a mentionnée?",
            r"a publié dans",
            r"nouvelle connexion",
            r"code de connexion",
            r"nouveau message",
            r"a répondu à",
            r"demande d'ami",
        ),
        verb_first=(),
        inbox=(r"boîte de réception",),
        support_inbox=(r"boîte de réception (?:de l'|du )?(?:assistance|support)",),
    ),
    Language(
        "it",
        "Italiano",
        words=("il", "la", "di", "che", "tuo", "tua", "per", "non"),
        ai_at_meta=(r"ia di meta", r"ia in meta", r"meta ai", r"intelligenza artificiale"),
        right_to_object=(r"diritto di opposizione", r"diritto di opporti"),
        confirmation=(
            r"accoglieremo la tua (?:richiesta di )?opposizione",
            r"la tua (?:richiesta|opposizione) (?:verrà|sarà) (?:applicata|accolta)"
            r" d'ora in avanti",
        ),
        rejection=(
            r"non (?:possiamo|potremo) (?:elaborare|accogliere|dare seguito)",
            r"abbiamo bisogno di (?:ulteriori|maggiori) informazioni",
            r"opposizione (?:è stata )?(?:respinta|rifiutata)",
        ),
        already_objected=(r"se ti sei già oppost[oa]", r"se hai già presentato opposizione"),
        objection_words=(r"opposizione", r"opporti", r"opporsi", r"oppost[oa]"),
        accept_words=(
            r"accogli(?:ere|eremo|amo)",
            r"rispett(?:are|eremo|iamo)",
            r"accett(?:are|eremo|iamo)",
            r"dar(?:e|emo) seguito",
        ),
        unable_words=(
            r"non (?:è stato|era|sarà) possibile",
            r"non (?:possiamo|potremo|siamo in grado)",
            r"purtroppo",
        ),
        asks_for_evidence=(r"screenshot", r"schermat"),
        negations=("non", "mai"),
        login_code=(r"accesso", r"accedere", r"due fattori", r"password"),
        greeting=(r"ciao", r"salve", r"gentile"),
        intended_for=(r"destinato a {u}", r"destinato all'account {u}"),
        policy_subject=(
            r"aggiornando la nostra informativa sulla privacy",
            r"come useremo le tue informazioni",
        ),
        reply_markers=(
            r"la nostra risposta",  # the Support Inbox copy's heading ("Our reply")
            r"abbiamo (?:esaminato|valutato) la tua richiesta",
            r"grazie per (?:averci contattato|aver contattato)",
            r"la tua richiesta (?:relativa|di opposizione)",
            r"aggiornamento sulla tua richiesta",
        ),
        acknowledgement=(
            r"abbiamo ricevuto la tua (?:richiesta|opposizione)",
            r"la esamineremo",
            r"ti (?:faremo sapere|ricontatteremo)",
            r"(?:abbiamo )?ricevuto la tua",
            r"la tua (?:richiesta|opposizione)[^.]{0,30}(?:è stata )?ricevuta",
        ),
        request_words=(r"la tua richiesta", r"confermare il tuo indirizzo e-?mail", r"confermare l'identità"),
        request_nouns=(r"richiesta",),
        everyday=(
            r"ha commentato",
            r"ti ha inviato un messaggio",
            r"ha iniziato a seguirti",
            r"nuove notifiche",
            r"messaggi non letti",
            r"mi piace",
            r"ti ha menzionato",
            r"ha pubblicato in",
            r"nuovo accesso",
            r"codice di accesso",
            r"nuovo messaggio",
            r"ha risposto al",
            r"richiesta di amicizia",
        ),
        verb_first=(),
        inbox=(r"casella di posta", r"posta in arrivo"),
        support_inbox=(r"posta in arrivo (?:dell'assistenza|del supporto)",),
    ),
    Language(
        "es",
        "Español",
        words=("el", "los", "que", "para", "tu", "tus", "con", "una"),
        ai_at_meta=(r"ia de meta", r"ia en meta", r"meta ai", r"inteligencia artificial"),
        right_to_object=(r"derecho (?:de|a la) oposición", r"derecho a oponerte"),
        confirmation=(
            r"aceptaremos tu (?:solicitud de )?oposición",
            # not "no utilizaremos…": the notice promises that mail in the future
            r"respetaremos tu (?:oposición|objeción)",
        ),
        rejection=(
            r"no (?:podemos|podremos) (?:procesar|tramitar|aceptar|atender)",
            r"necesitamos (?:más información|información adicional)",
            r"oposición (?:ha sido )?(?:rechazada|denegada)",
        ),
        already_objected=(r"si ya te has opuesto", r"si ya has presentado (?:una )?oposición"),
        objection_words=(r"oposición", r"oponerte", r"oponerse", r"opuesto"),
        accept_words=(
            r"atender(?:emos)?",
            r"vamos a atender",
            r"acept(?:ar|aremos|amos)",
            r"respet(?:ar|aremos|amos)",
        ),
        unable_words=(
            r"no (?:podemos|podremos|hemos podido|ha sido posible|fue posible|es posible)",
            r"lamentablemente",
            r"desafortunadamente",
        ),
        asks_for_evidence=(r"capturas? de pantalla",),
        negations=("no", "nunca"),
        login_code=(r"inicio de sesión", r"iniciar sesión", r"dos pasos", r"contraseña"),
        greeting=(r"hola", r"estimad[oa]"),
        intended_for=(r"destinado a {u}", r"dirigido a {u}"),
        policy_subject=(r"actualizar nuestra política de privacidad", r"cómo usaremos tu información"),
        reply_markers=(
            r"nuestra respuesta",  # the Support Inbox copy's heading ("Our reply")
            r"hemos revisado tu solicitud",
            r"gracias por (?:ponerte en contacto|contactarnos)",
            r"tu solicitud (?:sobre|de oposición)",
            r"respuesta a tu solicitud",
        ),
        acknowledgement=(
            r"hemos recibido tu (?:solicitud|oposición)",
            r"la revisaremos",
            r"nos pondremos en contacto",
            r"(?:hemos )?recibido tu",
            r"tu (?:solicitud|oposición)[^.]{0,30}(?:ha sido )?recibida",
        ),
        request_words=(r"tu solicitud", r"confirmar tu (?:dirección de )?correo"),
        request_nouns=(r"solicitud",),
        everyday=(
            r"comentó",
            r"ha comentado",
            r"te (?:ha )?envi(?:ó|ado) un mensaje",
            r"(?:empezó|comenzó) a seguirte",
            r"nuevas notificaciones",
            r"mensajes sin leer",
            r"le gustó",
            r"te mencionó",
            r"publicó en",
            r"nuevo inicio de sesión",
            r"código de inicio de sesión",
            r"nuevo mensaje",
            r"respondió a",
            r"solicitud de amistad",
        ),
        verb_first=(),
        inbox=(r"bandeja de entrada",),
        support_inbox=(r"bandeja de entrada (?:de(?:l)? )?(?:soporte|ayuda|asistencia)",),
    ),
    Language(
        "nl",
        "Nederlands",
        words=("je", "het", "een", "van", "we", "jouw", "niet", "voor"),
        ai_at_meta=(r"ai bij meta", r"meta ai"),
        right_to_object=(r"recht (?:van|op|om) bezwaar",),
        confirmation=(
            r"(?:we zullen|zullen we) je bezwaar honoreren",
            r"je bezwaar is gehonoreerd",
            r"we honoreren je bezwaar",
        ),
        rejection=(
            r"(?:kunnen|konden) je (?:verzoek|bezwaar) niet",
            r"(?:meer|aanvullende) informatie nodig",
            r"bezwaar (?:is )?afgewezen",
        ),
        already_objected=(r"als je al bezwaar hebt gemaakt", r"als je eerder bezwaar hebt gemaakt"),
        objection_words=(r"bezwaar",),
        accept_words=(
            r"honoreren",
            r"gehonoreerd",
            r"gehoor (?:geven|gegeven) aan",
            r"geven gehoor aan",
            r"inwilligen",
            r"accepteren",
            r"respecteren",
        ),
        unable_words=(
            r"(?:kunnen|konden) (?:we|wij)[^.]{0,60}\bniet\b",
            r"niet mogelijk",
            r"niet in behandeling",
            r"helaas",
        ),
        asks_for_evidence=(r"schermafbeelding", r"screenshots?"),
        negations=("niet", "geen"),
        login_code=(r"inloggen", r"aanmelden", r"tweestaps", r"wachtwoord"),
        greeting=(r"hoi", r"hallo", r"beste"),
        intended_for=(r"bedoeld voor {u}",),
        policy_subject=(
            r"(?:werken|passen) ons privacybeleid (?:bij|aan)",
            r"hoe we je (?:gegevens|informatie) (?:gaan )?gebruiken",
        ),
        reply_markers=(
            r"ons antwoord",  # the Support Inbox copy's heading ("Our reply")
            r"we hebben je (?:verzoek|bezwaar) (?:beoordeeld|bekeken|behandeld)",
            r"bedankt voor je (?:bericht|contact|verzoek)",
            r"je verzoek (?:over|is beoordeeld|om bezwaar)",
            r"reactie op je",
        ),
        acknowledgement=(
            r"we hebben je (?:verzoek|bezwaar) ontvangen",
            r"we (?:gaan|zullen) (?:het|je verzoek|je bezwaar) (?:beoordelen|bekijken)",
            r"laten (?:je|het je) weten",
            r"(?:verzoek|bezwaar|aanvraag)[^.]{0,40}ontvangen",
            r"ontvangen[^.]{0,30}(?:verzoek|bezwaar)",
        ),
        request_words=(r"je (?:verzoek|aanvraag)", r"je e-?mailadres (?:te )?bevestigen"),
        request_nouns=(r"verzoek", r"aanvraag"),
        everyday=(
            r"heeft gereageerd op",
            r"reageerde op",
            r"heeft je een bericht gestuurd",
            r"volgt je",
            r"is je gaan volgen",
            r"nieuwe meldingen",
            r"ongelezen berichten",
            r"heeft je vermeld",
            r"geplaatst in",
            r"nieuwe aanmelding",
            r"inlogcode",
            r"nieuw bericht",
            r"gereageerd",
            r"vriendschapsverzoek",
        ),
        verb_first=(r"wordt", r"mocht", r"mochten", r"zou", r"zouden"),
        inbox=(r"inbox", r"postvak"),
        support_inbox=(r"support-?inbox", r"ondersteuningsinbox"),
    ),
    Language(
        "pl",
        "Polski",
        words=("się", "nie", "jest", "twój", "twoje", "oraz", "na", "do"),
        ai_at_meta=(r"ai w meta", r"sztuczn\w+ inteligencj\w+", r"meta ai"),
        right_to_object=(r"prawo do (?:wniesienia )?sprzeciwu",),
        confirmation=(r"uwzględnimy (?:twój|twoj) sprzeciw", r"twój sprzeciw został uwzględniony"),
        rejection=(
            r"nie (?:możemy|mogliśmy) (?:rozpatrzyć|przetworzyć|uwzględnić)",
            r"potrzebujemy (?:więcej|dodatkowych) informacji",
            r"sprzeciw (?:został )?odrzucony",
        ),
        already_objected=(r"jeśli (?:już )?(?:wniosłeś|wniosłaś|zgłosiłeś|zgłosiłaś) sprzeciw",),
        objection_words=(r"sprzeciw",),
        accept_words=(r"uwzględni", r"przyjmujemy", r"akceptujemy", r"respektujemy"),
        unable_words=(r"nie (?:możemy|mogliśmy|było możliwe|jest możliwe|udało się)", r"niestety"),
        asks_for_evidence=(r"zrzut(?:y|ów)? ekranu",),
        negations=("nie",),
        login_code=(r"logowani", r"zaloguj", r"dwuetapow", r"hasł"),
        greeting=(r"cześć", r"witaj", r"dzień dobry"),
        intended_for=(r"przeznaczon[ay] dla (?:użytkownika )?{u}",),
        policy_subject=(
            r"aktualizujemy naszą politykę prywatności",
            r"jak będziemy wykorzystywać twoje informacje",
        ),
        reply_markers=(
            r"nasza odpowiedź",  # the Support Inbox copy's heading ("Our reply")
            r"rozpatrzyliśmy (?:twój|twoją) (?:wniosek|prośbę)",
            r"dziękujemy za kontakt",
            r"(?:twój|twoja) (?:wniosek|prośba) (?:dotycząc|został)",
            r"odpowiedź na (?:twój|twoją)",
        ),
        acknowledgement=(
            r"otrzymaliśmy (?:twój|twoją) (?:wniosek|prośbę|sprzeciw)",
            r"rozpatrzymy",
            r"odezwiemy się",
            r"otrzymaliśmy (?:twój|twoją|twoje)",
            r"(?:wniosek|prośba|sprzeciw)[^.]{0,30}(?:został|została) (?:otrzyman|przyjęt)",
            # Free word order: the object first, "Twój wniosek … otrzymaliśmy".
            r"(?:wniosek|prośbę|sprzeciw|zgłoszenie)[^.]{0,60}otrzymaliśmy",
        ),
        request_words=(
            r"(?:twój|twoja|twoje|twojego|twojej|twoją) (?:wnios|prośb|zgłoszeni)",
            r"potwierdzić (?:swój )?adres e-?mail",
        ),
        request_nouns=(r"wnios", r"prośb", r"zgłoszeni"),
        everyday=(
            r"skomentował",
            r"wysłał(?:a)? ci wiadomość",
            r"obserwuje cię",
            r"zacz(?:ął|ęła) cię obserwować",
            r"nowe powiadomienia",
            r"nieprzeczytane wiadomości",
            r"polubił",
            r"oznaczył",
            r"opublikował(?:a)? w",
            r"nowe logowanie",
            r"kod logowania",
            r"nowa wiadomość",
            r"odpowiedział",
            r"zaproszenie do grona znajomych",
        ),
        verb_first=(),
        inbox=(r"skrzynk",),
        support_inbox=(r"skrzynk\w* (?:odbiorcz\w* )?(?:pomocy|wsparcia)",),
    ),
    Language(
        "pt",
        "Português",
        words=("você", "não", "sua", "seu", "para", "com", "uma", "os"),
        ai_at_meta=(r"ia na meta", r"ia da meta", r"meta ai"),
        right_to_object=(r"direito (?:de|à) oposição", r"direito de se opor"),
        confirmation=(
            r"(?:vamos|iremos) respeitar a (?:sua|tua) oposição",
            r"respeitaremos a (?:sua|tua) oposição",
        ),
        rejection=(
            r"não (?:podemos|conseguimos|pudemos) (?:processar|aceitar|atender)",
            r"precisamos de (?:mais informações|informações adicionais)",
            r"oposição (?:foi )?(?:recusada|rejeitada)",
        ),
        already_objected=(r"se já (?:se opôs|te opuseste|apresentou (?:uma )?oposição)",),
        objection_words=(r"oposição", r"opor-se", r"opor-te", r"opôs"),
        accept_words=(
            r"respeit(?:ar|aremos|amos)",
            r"aceit(?:ar|aremos|amos)",
            r"atender(?:emos)?",
            r"dar seguimento",
        ),
        unable_words=(
            r"não (?:foi|é|será) possível",
            r"não (?:podemos|conseguimos|pudemos)",
            r"infelizmente",
        ),
        asks_for_evidence=(r"capturas? de (?:ecrã|tela)",),
        negations=("não", "nunca"),
        login_code=(
            r"iniciar sessão",
            r"início de sessão",
            r"login",
            r"dois fatores",
            r"palavra-passe",
            r"senha",
        ),
        greeting=(r"olá", r"oi", r"car[oa]"),
        intended_for=(r"destina-se a {u}", r"destinad[ao] a {u}"),
        policy_subject=(
            r"atualizar a nossa política de privacidade",
            r"como vamos utilizar as suas informações",
            r"como usaremos",
        ),
        reply_markers=(
            r"(?:a )?nossa resposta",  # the Support Inbox copy's heading ("Our reply")
            r"analis(?:á|a)mos o seu pedido",
            r"obrigad[oa] por nos contactar",
            r"o seu pedido (?:sobre|de oposição)",
            r"atualização sobre o seu pedido",
        ),
        acknowledgement=(
            r"recebemos o seu (?:pedido|oposição)",
            r"vamos analis",
            r"entraremos em contacto",
            r"recebemos o seu",
            r"(?:pedido|oposição)[^.]{0,30}(?:foi )?recebid",
        ),
        request_words=(r"seu pedido", r"confirmar o seu (?:endereço de )?e-?mail"),
        request_nouns=(r"pedido",),
        everyday=(
            r"comentou",
            r"enviou-lhe uma mensagem",
            r"enviou uma mensagem",
            r"começou a seguir",
            r"novas notificações",
            r"mensagens não lidas",
            r"gostou d",
            r"mencionou-o",
            r"publicou em",
            r"novo início de sessão",
            r"código de início de sessão",
            r"nova mensagem",
            r"respondeu a",
            r"pedido de amizade",
        ),
        verb_first=(),
        inbox=(r"caixa de entrada",),
        support_inbox=(r"caixa de entrada (?:do |de )?(?:suporte|apoio)",),
    ),
    Language(
        "sv",
        "Svenska",
        words=("och", "att", "din", "för", "det", "som", "inte", "vi"),
        ai_at_meta=(r"ai hos meta", r"meta ai"),
        right_to_object=(r"rätt att invända", r"rätt att göra invändningar"),
        confirmation=(
            r"(?:vi kommer att|kommer vi att) respektera din invändning",
            r"vi respekterar din invändning",
            r"din invändning (?:har )?beviljats",
        ),
        rejection=(
            r"(?:kan|kunde) inte (?:behandla|bevilja|godta) din",
            r"behöver (?:mer|ytterligare) information",
            r"invändning (?:har )?avslagits",
        ),
        already_objected=(r"om du redan har invänt", r"om du redan har gjort en invändning"),
        objection_words=(r"invändning", r"invända", r"invänt"),
        accept_words=(r"respektera", r"bevilja", r"godta", r"tillmötesgå"),
        # Verb-second order puts an adverb between the modal and the negation: "kan derfor
        # ikke", "kan dessverre ikke", "kunde tyvärr inte" (Danish and Norwegian alike below).
        unable_words=(r"(?:kan|kunde) (?:vi )?(?:\w+ )?inte", r"inte (?:möjligt|kunnat)", r"tyvärr"),
        asks_for_evidence=(r"skärm(?:bild|dump)",),
        negations=("inte", "ej", "aldrig"),
        login_code=(r"logga in", r"inloggning", r"tvåfaktor", r"lösenord"),
        greeting=(r"hej", r"hallå"),
        intended_for=(r"avsedd? för {u}", r"avsett för {u}"),
        policy_subject=(r"uppdaterar vår integritetspolicy", r"hur vi (?:kommer att )?använd"),
        reply_markers=(
            r"vårt svar",  # the Support Inbox copy's heading ("Our reply")
            r"vi har (?:granskat|behandlat) din (?:begäran|invändning)",
            r"tack för att du kontaktade oss",
            r"din begäran (?:om|har)",
            r"svar på din",
        ),
        acknowledgement=(
            r"vi har (?:tagit emot|fått) din (?:begäran|invändning)",
            r"vi kommer att granska",
            r"återkommer",
            r"(?:tagit emot|mottagit|fått) din",
            r"din (?:begäran|invändning)[^.]{0,30}(?:har )?(?:tagits emot|mottagits)",
        ),
        request_words=(r"din begäran", r"din förfrågan", r"bekräfta din e-?postadress"),
        request_nouns=(r"begäran", r"förfrågan"),
        everyday=(
            r"kommenterade",
            r"skick(?:ade|at) ett meddelande",
            r"började följa dig",
            r"följer dig",
            r"nya aviseringar",
            r"olästa meddelanden",
            r"gillade",
            r"nämnde dig",
            r"publicerade i",
            r"ny inloggning",
            r"inloggningskod",
            r"nytt meddelande",
            r"svarade på",
            r"vänförfrågan",
        ),
        verb_first=(r"skulle", r"blir", r"beviljas"),
        inbox=(r"inkorg",),
        support_inbox=(r"supportinkorg",),
    ),
    Language(
        "da",
        "Dansk",
        words=("og", "at", "din", "dine", "ikke", "til", "vi", "som"),
        ai_at_meta=(r"ai hos meta", r"meta ai"),
        right_to_object=(r"ret til (?:at gøre )?indsigelse",),
        confirmation=(
            r"vi (?:vil )?(?:imødekomme|imødekommer|respektere|respekterer|efterkomme"
            r"|efterkommer) din indsigelse",
        ),
        rejection=(
            r"(?:kan|kunne) ikke (?:behandle|imødekomme) din",
            r"(?:behøver|har brug for) (?:flere|yderligere) oplysninger",
            r"indsigelse (?:er )?afvist",
        ),
        already_objected=(r"hvis du allerede har gjort indsigelse",),
        objection_words=(r"indsigelse",),
        accept_words=(
            r"imødekomme",
            r"respektere",
            r"tage[^.]{0,20}til følge",
            r"taget til følge",
            r"efterkomme",
        ),
        unable_words=(r"(?:kan|kunne) (?:vi )?(?:\w+ )?ikke", r"ikke (?:muligt|kunnet)", r"desværre"),
        asks_for_evidence=(r"skærmbilled",),
        negations=("ikke", "aldrig"),
        login_code=(r"log ind", r"logge ind", r"totrins", r"adgangskode"),
        greeting=(r"hej", r"kære"),
        intended_for=(r"beregnet til {u}", r"tiltænkt {u}", r"ment (?:til|for) {u}"),
        policy_subject=(r"opdaterer vores privatlivspolitik", r"hvordan vi (?:vil )?bruge"),
        reply_markers=(
            r"vores svar",  # the Support Inbox copy's heading ("Our reply")
            r"vi har gennemgået din (?:anmodning|indsigelse)",
            r"tak fordi du kontaktede os",
            r"din anmodning (?:om|vedrørende)",
            r"svar på din",
        ),
        acknowledgement=(
            r"vi har modtaget din (?:anmodning|indsigelse)",
            r"vi vil gennemgå",
            r"vender tilbage",
            r"modtaget din",
            r"din (?:anmodning|indsigelse)[^.]{0,30}(?:er )?modtaget",
        ),
        request_words=(r"din anmodning", r"bekræfte din e-?mailadresse"),
        request_nouns=(r"anmodning",),
        everyday=(
            r"kommenterede",
            r"sendt dig en besked",
            r"sendte dig en besked",
            r"begyndte at følge dig",
            r"følger dig",
            r"nye notifikationer",
            r"ulæste beskeder",
            r"synes godt om",
            r"nævnte dig",
            r"slog noget op",
            r"nyt login",
            r"loginkode",
            r"ny besked",
            r"svarede på",
            r"venneanmodning",
        ),
        verb_first=(r"skulle", r"bliver", r"imødekommes"),
        inbox=(r"indbakke",),
        support_inbox=(r"supportindbakke",),
    ),
    Language(
        "fi",
        "Suomi",
        words=("ja", "on", "sinun", "että", "tai", "ei", "voit", "meta"),
        ai_at_meta=(r"metan tekoäly", r"meta ai", r"tekoäly"),
        right_to_object=(r"oikeus vastustaa", r"vastustamisoikeu"),
        confirmation=(r"(?:hyväksymme|kunnioitamme) vastustuksesi", r"vastustuksesi (?:on )?hyväksytty"),
        rejection=(
            r"emme (?:voi|pysty) (?:käsittelemään|hyväksymään)",
            r"tarvitsemme (?:lisätietoja|lisää tietoja)",
            r"vastustuksesi (?:on )?hylätty",
        ),
        already_objected=(r"jos olet jo vastustanut",),
        objection_words=(r"vastust",),
        accept_words=(r"noudat", r"hyväksy", r"kunnioita"),
        unable_words=(
            r"emme (?:voi|pysty|voineet)",
            r"ei (?:voitu|ole mahdollista|ollut mahdollista)",
            r"valitettavasti",
        ),
        asks_for_evidence=(r"kuvakaappau",),
        negations=("emme", "ei", "en"),
        login_code=(r"kirjautu", r"kaksivaihei", r"salasana"),
        greeting=(r"hei", r"moi"),
        intended_for=(r"tarkoitettu käyttäjälle {u}",),
        policy_subject=(r"päivitämme tietosuojakäytäntöämme", r"miten käytämme tietojasi"),
        reply_markers=(
            r"vastauksemme",  # the Support Inbox copy's heading ("Our reply")
            r"olemme (?:käsitelleet|tarkistaneet) pyyntösi",
            r"kiitos yhteydenotostasi",
            r"vastaus (?:vastustamis)?pyyntöösi",
            r"pyyntösi,? joka koskee",
        ),
        acknowledgement=(
            r"olemme vastaanottaneet pyyntösi",
            r"saimme pyyntösi",
            r"käsittelemme sen",
            r"vastaanottaneet (?:pyyntösi|vastustuksesi)",
            r"saimme (?:pyyntösi|vastustuksesi)",
            r"(?:pyyntösi|vastustuksesi)[^.]{0,30}vastaanotettu",
        ),
        request_words=(r"pyyntö", r"vahvistaa sähköpostiosoitteesi"),
        request_nouns=(r"pyyntö", r"pyynnö"),
        everyday=(
            r"kommentoi",
            r"lähetti sinulle viestin",
            r"alkoi seurata sinua",
            r"seuraa sinua",
            r"uutta ilmoitusta",
            r"lukematonta viestiä",
            r"tykkäsi",
            r"mainitsi sinut",
            r"julkaisi ryhmässä",
            r"uusi kirjautuminen",
            r"kirjautumiskoodi",
            r"uusi viesti",
            r"vastasi",
            r"kaveripyyntö",
        ),
        verb_first=(),
        inbox=(r"postilaatikko", r"saapuneet"),
        support_inbox=(r"tuen (?:saapuneet|postilaatikko)",),
    ),
    Language(
        "nb",
        "Norsk",
        words=("og", "at", "din", "ikke", "til", "vi", "som", "det"),
        ai_at_meta=(r"ki hos meta", r"ai hos meta", r"meta ai"),
        right_to_object=(r"rett til å protestere", r"rett til å reservere"),
        confirmation=(
            r"vi (?:vil )?(?:imøtekomme|imøtekommer|respektere|respekterer|etterkomme"
            r"|etterkommer) (?:din )?(?:protest|innsigelse|reservasjon)",
        ),
        rejection=(
            r"(?:kan|kunne) ikke (?:behandle|imøtekomme) (?:din|forespørselen)",
            r"trenger (?:mer|ytterligere) informasjon",
            r"(?:protest|innsigelse)(?:en)? (?:er )?avslått",
        ),
        already_objected=(r"hvis du allerede har (?:protestert|reservert deg)",),
        objection_words=(r"protest", r"innsigelse", r"reservasjon", r"reservert"),
        accept_words=(
            r"ta hensyn til",
            r"ta(?:r|tt)?\b[^.]{0,30}til følge",  # "tar innsigelsen din til følge"
            r"imøtekomme",
            r"respektere",
            r"etterkomme",
        ),
        unable_words=(r"(?:kan|kunne) (?:vi )?(?:\w+ )?ikke", r"ikke (?:mulig|kunnet)", r"dessverre"),
        asks_for_evidence=(r"skjermbild",),
        negations=("ikke", "aldri"),
        login_code=(r"logge inn", r"pålogging", r"tofaktor", r"passord"),
        greeting=(r"hei", r"kjære"),
        intended_for=(r"beregnet (?:på|for) {u}", r"tiltenkt {u}", r"ment for {u}"),
        policy_subject=(r"oppdaterer personvernreglene", r"hvordan vi (?:kommer til å )?bruke"),
        reply_markers=(
            r"vårt svar",  # the Support Inbox copy's heading ("Our reply")
            r"vi har (?:gjennomgått|behandlet) (?:forespørselen|innsigelsen|protesten)",
            r"takk for at du kontaktet oss",
            r"svar på (?:innsigelsen|forespørselen|protesten)",
            r"forespørselen din",
        ),
        acknowledgement=(
            r"vi har mottatt (?:forespørselen|innsigelsen|protesten)",
            r"vi (?:skal|vil) gjennomgå",
            r"kommer tilbake til deg",
            r"mottatt (?:din|forespørselen|innsigelsen|protesten|anmodningen)",
            r"(?:forespørselen|innsigelsen|protesten)[^.]{0,30}(?:er )?mottatt",
        ),
        request_words=(r"forespørsel", r"bekrefte e-?postadressen"),
        request_nouns=(r"forespørsel", r"anmodning"),
        everyday=(
            r"kommenterte",
            r"sendt deg en melding",
            r"sendte deg en melding",
            r"begynte å følge deg",
            r"følger deg",
            r"nye varsler",
            r"uleste meldinger",
            r"nevnte deg",
            r"publiserte i",
            r"ny pålogging",
            r"påloggingskode",
            r"ny melding",
            r"svarte på",
            r"venneforespørsel",
        ),
        verb_first=(r"skulle", r"blir", r"tas"),
        inbox=(r"innboks",),
        support_inbox=(r"støtteinnboks", r"brukerstøtte-?innboks", r"support-?innboks"),
    ),
    Language(
        "cs",
        "Čeština",
        words=("a", "se", "na", "je", "váš", "vaše", "pro", "že"),
        ai_at_meta=(r"ai ve společnosti meta", r"umělé inteligence", r"meta ai"),
        right_to_object=(r"právo vznést námitku", r"právo na námitku"),
        confirmation=(
            r"(?:vyhovíme|vyhověli jsme) (?:vaší|tvé) námitce",
            r"(?:vaší|tvé) námitce bylo vyhověno",
        ),
        rejection=(
            r"(?:nemůžeme|nemohli jsme) (?:zpracovat|vyhovět)",
            r"potřebujeme (?:další|dodatečné) informace",
            r"námitka (?:byla )?zamítnuta",
        ),
        already_objected=(r"pokud jste již vznesl[ai]? námitku",),
        objection_words=(r"námitk", r"námitce"),
        accept_words=(r"vyhov", r"akceptuj", r"respektuj"),
        unable_words=(r"nemůžeme", r"nemohli jsme", r"nebylo možné", r"není možné", r"bohužel"),
        asks_for_evidence=(r"snímk\w* obrazovky",),
        negations=("ne", "nelze"),
        login_code=(r"přihlá", r"dvoufázov", r"heslo"),
        greeting=(r"ahoj", r"dobrý den", r"vážen[ýá]"),
        intended_for=(r"určen[aoý]? (?:pro uživatele |pro |uživateli )?{u}",),  # "pro" + gen. or dative
        policy_subject=(
            r"aktualizujeme zásady ochrany osobních údajů",
            r"jak budeme používat vaše informace",
        ),
        reply_markers=(
            r"naše odpověď",  # the Support Inbox copy's heading ("Our reply")
            r"(?:posoudili|zkontrolovali|prověřili) jsme vaši žádost",
            r"děkujeme,? že jste nás kontaktoval",
            r"vaše žádost (?:byla|ohledně)",
            r"rozhodnutí o vaší",
        ),
        acknowledgement=(
            r"obdrželi jsme vaši (?:žádost|námitku)",
            r"posoudíme ji",
            r"ozveme se",
            r"obdrželi jsme vaš",
            r"(?:žádost|námitka)[^.]{0,30}(?:byla )?přijat",
            # Free word order: the object first, "Váš požadavek … jsme obdrželi a prověříme ho".
            r"(?:žádost|námitk|požadav)\w*[^.]{0,60}jsme (?:obdrželi|přijali)",
            r"prověříme (?:ho|ji|je)",
        ),
        request_words=(r"vaš\w* (?:žádost|požadav)", r"potvrdit (?:svou )?e-?mailovou adresu"),
        request_nouns=(r"žádost", r"požadav"),  # žádost and požadavek both mean "request"
        everyday=(
            r"okomentoval",
            r"vám poslal\w* zprávu",
            r"vás začal\w* sledovat",
            r"sleduje vás",
            r"nová upozornění",
            r"nepřečtené zprávy",
            r"vás označil",
            r"vás zmínil",
            r"přidal\w* příspěvek",
            r"nové přihlášení",
            r"přihlašovací kód",
            r"nová zpráva",
            r"odpověděl",
            r"žádost o přátelství",
        ),
        verb_first=(),
        inbox=(r"schránk",),
        support_inbox=(r"schránk\w* podpory",),
    ),
    Language(
        "el",
        "Ελληνικά",
        words=("και", "το", "την", "σας", "να", "για", "της", "με"),
        ai_at_meta=(r"τεχνητή νοημοσύνη (?:της|στη) meta", r"τεχνητής νοημοσύνης", r"meta ai"),
        right_to_object=(r"δικαίωμα (?:να αντιταχθείτε|να εναντιωθείτε|εναντίωσης|αντίταξης|αντίρρησης)",),
        confirmation=(
            r"θα (?:σεβαστούμε|ικανοποιήσουμε|τηρήσουμε) την (?:αντίρρησή|εναντίωσή|"
            r"αντίταξή) σας",
        ),
        rejection=(
            r"δεν (?:μπορούμε|μπορέσαμε) να (?:επεξεργαστούμε|ικανοποιήσουμε)",
            r"χρειαζόμαστε (?:περισσότερες|πρόσθετες) πληροφορίες",
            r"(?:αντίρρηση|εναντίωση) (?:σας )?(?:απορρίφθηκε)",
        ),
        already_objected=(r"αν έχετε ήδη (?:αντιταχθεί|υποβάλει)",),
        objection_words=(r"αντίρρησ", r"εναντίωσ", r"αντίταξ", r"αντιταχθ"),
        accept_words=(r"ικανοποι", r"σεβαστ", r"σεβόμαστε", r"αποδεχ", r"κάνουμε δεκτ"),
        unable_words=(r"δεν (?:μπορούμε|μπορέσαμε|ήταν δυνατ|είναι δυνατ)", r"δυστυχώς"),
        asks_for_evidence=(r"στιγμιότυπ",),
        negations=("δεν", "μην"),
        login_code=(r"σύνδεση", r"σύνδεσης", r"δύο παραγόντων", r"κωδικό πρόσβασης"),
        greeting=(r"γεια σου", r"γεια σας", r"αγαπητ[έή]"),
        intended_for=(r"προοριζ(?:όταν|εται) για (?:τον χρήστη |την χρήστρια |το )?{u}",),
        policy_subject=(r"ενημερώνουμε την πολιτική απορρήτου", r"πώς θα χρησιμοποιούμε"),
        reply_markers=(
            r"η απάντησή μας",  # the Support Inbox copy's heading ("Our reply")
            r"εξετάσαμε το αίτημά σας",
            r"σας ευχαριστούμε που επικοινωνήσατε",
            r"το αίτημα εναντίωσής σας",
            r"ενημέρωση σχετικά με το αίτημα",
        ),
        acknowledgement=(
            r"λάβαμε το αίτημά σας",
            r"θα το εξετάσουμε",
            r"θα επικοινωνήσουμε",
            r"λάβαμε το αίτημ",
            r"(?:αίτημά|εναντίωσή) σας[^.]{0,30}(?:ελήφθη|παραλήφθηκε)",
        ),
        request_words=(r"αίτημ", r"επιβεβαιώσετε (?:τη )?(?:διεύθυνση )?email"),
        request_nouns=(r"αίτημ", r"αιτήματ"),
        everyday=(
            r"σχολίασε",
            r"σας έστειλε μήνυμα",
            r"άρχισε να σας ακολουθεί",
            r"σας ακολουθεί",
            r"νέες ειδοποιήσεις",
            r"μη αναγνωσμένα μηνύματα",
            r"σας ανέφερε",
            r"δημοσίευσε στ",
            r"νέα σύνδεση",
            r"κωδικός σύνδεσης",
            r"νέο μήνυμα",
            r"σας έστειλε",
            r"απάντησε",
            r"αίτημα φιλίας",
        ),
        verb_first=(),
        inbox=(r"εισερχόμεν",),
        support_inbox=(r"εισερχόμενα υποστήριξης",),
    ),
    Language(
        "ro",
        "Română",
        words=("și", "de", "la", "pentru", "tău", "tale", "nu", "este"),
        ai_at_meta=(r"ia de la meta", r"ai la meta", r"inteligența artificială", r"meta ai"),
        right_to_object=(r"dreptul de a (?:vă|te) opune", r"dreptul la opoziție"),
        confirmation=(
            r"vom (?:respecta|onora|accepta) (?:opoziția|obiecția) (?:ta|dvs\.?|"
            r"dumneavoastră)",
        ),
        rejection=(
            r"nu (?:putem|am putut) (?:procesa|onora|accepta)",
            r"avem nevoie de (?:mai multe informații|informații suplimentare)",
            r"(?:opoziția|obiecția) (?:ta )?(?:a fost )?respinsă",
        ),
        already_objected=(r"dacă (?:te-ai|v-ați) opus deja",),
        objection_words=(r"opozi", r"obiecți", r"opune", r"opui"),
        accept_words=(
            r"da(?:m|) curs",
            r"vom da curs",
            r"respect(?:a|ăm)",
            r"accept(?:a|ăm)",
            r"onor(?:a|ăm)",
        ),
        unable_words=(r"nu (?:putem|am putut|a fost posibil|este posibil)", r"din păcate"),
        asks_for_evidence=(r"captur[ăi] de ecran",),
        negations=("nu", "niciodată"),
        login_code=(r"conectare", r"autentificare", r"doi factori", r"parol"),
        greeting=(r"bună", r"salut", r"dragă"),
        intended_for=(r"destinat(?:ă)? (?:lui|pentru) {u}",),
        policy_subject=(
            r"actualizăm politica de confidențialitate",
            r"cum vom (?:utiliza|folosi) informațiile",  # both verbs are "use"
        ),
        reply_markers=(
            r"răspunsul nostru",  # the Support Inbox copy's heading ("Our reply")
            r"am analizat solicitarea",
            r"îți mulțumim că ne-ai contactat",
            r"solicitarea ta (?:privind|referitoare)",
            r"răspuns la solicitarea",
        ),
        acknowledgement=(
            r"am primit solicitarea",
            r"o vom analiza",
            r"vom reveni",
            r"am primit (?:solicitarea|cererea|opoziția|obiecția)",
            r"(?:solicitarea|cererea|opoziția)[^.]{0,30}(?:a fost )?primit",
        ),
        request_words=(r"solicitar", r"cererea ta", r"confirma adresa (?:ta )?de e-?mail"),
        request_nouns=(r"solicitar", r"cerer"),
        everyday=(
            r"a comentat",
            r"ți-a trimis un mesaj",
            r"a început să te urmărească",
            r"te urmărește",
            r"notificări noi",
            r"mesaje necitite",
            r"a apreciat",
            r"te-a menționat",
            r"a postat în",
            r"conectare nouă",
            r"cod de conectare",
            r"mesaj nou",
            r"a răspuns la",
            r"cerere de prietenie",
        ),
        verb_first=(),
        inbox=(r"căsuț", r"inbox"),
        support_inbox=(r"căsuț\w* (?:de )?asisten",),
    ),
    Language(
        "hu",
        "Magyar",
        words=("és", "a", "az", "hogy", "nem", "vagy", "téged", "ezt"),
        ai_at_meta=(r"mesterséges intelligencia", r"ai a metánál", r"meta ai"),
        right_to_object=(r"tiltakozási jog", r"tiltakozás jog", r"jogod van tiltakozni"),
        confirmation=(
            r"(?:helyt adunk|eleget teszünk) (?:a )?tiltakozásodnak",
            r"tiltakozásodat elfogad(?:juk|tuk)",
        ),
        rejection=(
            r"nem (?:tudjuk|tudtuk) (?:feldolgozni|teljesíteni|elfogadni)",
            r"(?:további|több) információra van szükségünk",
            r"tiltakozásodat elutasít",
        ),
        already_objected=(r"ha már tiltakoztál",),
        objection_words=(r"tiltakoz",),
        accept_words=(r"tiszteletben tart", r"helyt ad", r"eleget tesz", r"elfogad", r"alkalmazzuk"),
        unable_words=(r"nem (?:tudjuk|tudtuk|lehetséges|lehetett|volt lehetséges)", r"sajnos"),
        asks_for_evidence=(r"képernyőkép",),
        negations=("nem", "sem"),
        login_code=(r"bejelentkez", r"kétlépcsős", r"jelszó"),
        greeting=(r"szia", r"kedves", r"helló"),
        intended_for=(r"{u} (?:felhasználó )?számára", r"{u} felhasználónak"),
        policy_subject=(r"frissítjük az adatvédelmi irányelv", r"hogyan fogjuk felhasználni"),
        reply_markers=(
            r"válaszunk",  # the Support Inbox copy's heading ("Our reply")
            r"(?:megvizsgáltuk|áttekintettük|feldolgoztuk) a (?:kérésed|tiltakozásod)",
            r"köszönjük,? hogy kapcsolatba léptél",
            r"döntés a tiltakozásod",
            r"válasz a (?:tiltakozásodra|kérésedre)",
        ),
        acknowledgement=(
            r"megkaptuk a (?:kérésed|tiltakozásod)",
            r"meg fogjuk vizsgálni",
            r"jelentkezünk",
            r"megkaptuk a (?:kérelmed|kérésedet)",
            r"(?:kérésed|tiltakozásod)[^.]{0,30}megérkezett",
            # Free word order: the object first, "A kérésedet … megkaptuk".
            r"(?:kérés|kérelm|tiltakozás)\w*[^.]{0,60}megkaptuk",
        ),
        request_words=(r"kérés(?:ed|eddel|edet|edre)", r"kérelm", r"e-?mail-?címed megerősítés"),
        request_nouns=(r"kérés", r"kérelm"),
        everyday=(
            r"hozzászólt",
            r"üzenetet küldött",
            r"követni kezdett",
            r"követ téged",
            r"új értesítés",
            r"olvasatlan üzenet",
            r"megemlített",
            r"bejegyzést tett közzé",
            r"új bejelentkezés",
            r"bejelentkezési kód",
            r"új üzenet",
            r"válaszolt",
            r"ismerősnek jelölt",
        ),
        verb_first=(),
        inbox=(r"postafiók", r"beérkező"),
        support_inbox=(r"támogatási (?:postafiók|beérkező)",),
    ),
)

LANGUAGE_CODES: frozenset[str] = frozenset(lang.code for lang in LANGUAGES)
# Norwegian Bokmål is also tagged "no" by mail clients and Meta's HTML.
LANGUAGE_ALIASES: dict[str, str] = {"no": "nb", "nn": "nb"}


def _untoned(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.translate(TONOS) for v in value)


LANGUAGES = tuple(replace(lang, **{f.name: _untoned(getattr(lang, f.name)) for f in fields(lang)
                                   if f.name not in ("code", "name")}) for lang in LANGUAGES)
CONDITIONALS = _untoned(CONDITIONALS)
ACCOUNTS_CENTER = _untoned(ACCOUNTS_CENTER)
REPLY_SIGNATURES = _untoned(REPLY_SIGNATURES)
