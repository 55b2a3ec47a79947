"""The usual names of spam folders, per language the rules know: the fallback for a server that
flags no folder \\Junk (RFC 6154), where a notice in the spam folder would otherwise go unread.

Only names that mean "spam" and nothing else: a wrong match reads one more folder (the search is
read-only and asks only for Meta's senders), a missed one loses a notice.
"""

from __future__ import annotations

SPAM_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("Spam", "Junk", "Junk Mail", "Junk E-mail", "Junk Email", "Bulk Mail", "Spam Mail"),
    "de": ("Spam", "Junk-E-Mail", "Spamverdacht", "Unerwünscht"),
    "fr": ("Courrier indésirable", "Indésirables", "Pourriels", "Pourriel"),
    "it": ("Posta indesiderata", "Indesiderata"),
    "es": ("Correo no deseado", "No deseado"),
    "nl": ("Ongewenste e-mail", "Ongewenst"),
    "pl": ("Wiadomości-śmieci", "Niechciane", "SPAM"),
    "pt": ("Lixo eletrônico", "Lixo electrónico", "Lixo Eletrónico"),
    "sv": ("Skräppost",),
    "da": ("Uønsket e-mail", "Uønsket post", "Uønsket"),
    "fi": ("Roskaposti",),
    "nb": ("Søppelpost", "Uønsket e-post"),
    "cs": ("Nevyžádaná pošta", "Nevyžádané"),
    "el": ("Ανεπιθύμητα", "Ανεπιθύμητη αλληλογραφία"),
    "ro": ("E-mail nesolicitat", "Nesolicitate"),
    "hu": ("Levélszemét", "Spam"),
}

_FOLDED = frozenset(name.casefold() for names in SPAM_NAMES.values() for name in names)


def is_spam_name(name: str) -> bool:
    return name.strip().casefold() in _FOLDED
