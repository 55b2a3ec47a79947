"""What is known about Meta's mails, as data: senders, forms, and phrases per language.

The classifier reads only this module for facts about Meta. A platform is an entry here; a
language is one file in languages/ (docs/languages.md), read through this module's LANGUAGES.
Sources are in ../shared/field-guide/ (cited below as "FG"); phrases are matched
case-insensitively on text with whitespace collapsed.
Structure comes first (sender domain, form ids), phrases second: a phrase only decides between
kinds of a mail that is already known to be authentic Meta mail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.recognition import languages as _languages

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
# look-alike and display-name spoofs, which the classifier then lists as suspicious (issue 19
# item 6: a Meta brand in a display name is always suspicious). "meta" alone also matches the odd
# metadata newsletter; those cost their header only, while without it a "Meta Service" or
# meta-privacy-center.com lure was listed by `import` and never by `sync`. Homoglyph spellings
# ("lnstagram") are not in any search; only an import, which reads every mail, lists them.
SEARCH_FROM: tuple[str, ...] = (
    "facebook", "instagram", "whatsapp", "threads", "messenger.com", "meta", "fb.com",
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
# Letters that read as another at a glance, folded after HOMOGLYPHS when a name or domain is
# checked for a brand: "rn" for m ("Rneta"), "vv" for w ("VVhatsApp"), l for a capital I
# ("lnstagram"). No brand word holds an l, "rn" or "vv", so folding them cannot hide one.
LOOKALIKE_LETTERS: tuple[tuple[str, str], ...] = (("rn", "m"), ("vv", "w"), ("l", "i"))


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
    "instagram": "https://help.instagram.com/contact/767264225370182",
    "threads": "https://help.instagram.com/contact/767264225370182",  # Threads rides on Instagram
}
# FG: WhatsApp has no AI-training objection form; only its general data-rights form.
WHATSAPP_DATA_RIGHTS_URL = "https://www.whatsapp.com/contact/forms/382532939919295/"
# Where `object whatsapp:…` starts when no mail gave a link: WhatsApp's AI objection form (Brazil,
# late 2025) has no published link, and Meta points privacy requests to its privacy help (FG 2026-12).
WHATSAPP_OBJECTION_START = "https://help.meta.com/support/privacy/"

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

# One-time codes (5 to 8 digits) are found by where they stand: codes.py.
# Instagram usernames: letters, digits, dots and underscores, at most 30.
USERNAME = r"[A-Za-z0-9._]{1,30}"
# Senders' local parts that only ever send everyday notifications (FG "Everyday Meta mail"): their
# text quotes other people, so it is never read for outcomes, codes or account names.
EVERYDAY_SENDERS: frozenset[str] = frozenset({"notification", "notifications", "friendupdates",
                                              "groupupdates", "reminders"})
# Senders' local parts whose codes are for the account itself, never for a request (FG "Codes": a
# sign-up code, "81999 is your Facebook confirmation code", came from registration@facebookmail.com
# in words an objection code also uses).
ACCOUNT_CODE_SENDERS: frozenset[str] = frozenset({"registration"})
# Links to what other people posted, sent or made, and to login checks: only everyday mail carries
# them (measured on the test sets: never in a notice, code mail or reply). A path on a Meta host.
# Groups, events, Pages and fundraisers are named by whoever made them: an invitation to one is
# everyday mail whatever its name says (issue 20 item 3). A post is also /NAME/posts/ID (videos,
# photos alike), /watch/ and /share/: a shared post's text is its author's, in any language.
EVERYDAY_LINK = re.compile(
    r"^/(?:permalink\.php|story\.php|photo\.php|photo/|p/|reel/|reels/|stories/|tv/|direct/|messages/|t/|"
    r"groups/|events/|pages/|fundraisers/|donate/|notifications|home\.php|hacked|checkpoint|activity|"
    r"@[^/]+/post/|[^/]+/(?:posts|videos|photos)/|watch(?:/|$)|share/)")
# Meta's replies, whatever the language: the team that signs them and the Support Inbox copy.
REPLY_SIGNATURES: tuple[str, ...] = (r"privacy operations", r"support inbox", r"\[case #?\d+",
                                     r"\bcase #\d+", r"^re: ")
# Meta's help pages that took over from a form id (FG "Forms move", 2026): a notice's link there is
# the objection link even without a known form id.
OBJECTION_PAGES: tuple[tuple[str, str], ...] = (("help.meta.com", "/support/privacy"),)

# The words of each language are data: languages/<code>.toml, one file per language, loaded on
# first use (below) so that importing the command line stays quick.
TONOS = _languages.TONOS
# Names read from the language files, by what they are built from.
_FROM_FILES = ("LANGUAGES", "LANGUAGE_CODES", "LANGUAGE_ALIASES", "CODE_WORDS", "CONDITIONALS",
               "AMBIGUOUS_CONDITIONALS", "ACCOUNTS_CENTER")


def __getattr__(name: str) -> object:
    if name not in _FROM_FILES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = _from_files()[name]
    globals()[name] = value  # once read, an ordinary module attribute
    return value


def _from_files() -> dict[str, object]:
    languages = _languages.load()

    def union(group: str) -> tuple[str, ...]:  # every language's words, each once, in file order
        return tuple(dict.fromkeys(w for lang in languages for w in getattr(lang, group)))

    return {
        "LANGUAGES": languages,
        "LANGUAGE_CODES": frozenset(lang.code for lang in languages),
        "LANGUAGE_ALIASES": {alias: lang.code for lang in languages for alias in lang.aliases},
        # What a code mail calls the number, in every language (stems: Code, kód, κωδικ…).
        "CODE_WORDS": union("code_words"),
        "CONDITIONALS": union("conditionals"),
        "AMBIGUOUS_CONDITIONALS": frozenset(union("ambiguous_conditionals")),
        # The Accounts Center by its name in each language: a confirmation naming it says it
        # covers the accounts linked there (FG "Outcome mail", 2025).
        "ACCOUNTS_CENTER": union("accounts_center"),
    }
