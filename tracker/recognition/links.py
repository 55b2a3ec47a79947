"""Links found in mail -> canonical Meta URLs with a role; everything else is dropped.

Meta wraps links (l.facebook.com/l.php?u=…, l.instagram.com/?u=…, facebook.com/n/?<path>&…) and
adds tracking parameters that name the recipient. The tracker stores the unwrapped, cleaned URL.
It never fetches any of them: all of this is string work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from tracker.recognition import rules
from tracker.recognition.parse import Link

FORM_PATH = re.compile(r"/(?:help/)?contact(?:/forms)?/(\d{9,20})(?:/|$)")
MAX_UNWRAP = 4


@dataclass(frozen=True)
class MetaLink:
    url: str  # canonical
    role: str  # objection_form | third_party_form | privacy_policy | other
    platform: str | None  # the platform whose form it is, when it is a known form


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def is_under(host: str, domains: tuple[str, ...] | list[str]) -> bool:
    """True when host is one of domains or a subdomain of one: never a mere prefix or infix."""
    return any(host == d or host.endswith("." + d) for d in domains)


def is_meta_host(host: str) -> bool:
    return is_under(host, rules.LINK_HOSTS)


def unwrap(url: str) -> str:
    """Follow Meta's redirect wrappers inside the URL string (possibly nested), never the network."""
    for _ in range(MAX_UNWRAP):
        parts = _split(url)
        if parts is None:
            return url
        host = (parts.hostname or "").lower()
        query = parts.query
        target = None
        if host in rules.WRAPPERS:
            target = dict(parse_qsl(query)).get(rules.WRAPPERS[host])
        elif is_under(host, ("facebook.com",)) and parts.path == rules.NOTIFICATION_PATH:
            first = query.split("&", 1)[0]
            if first and "=" not in first:
                target = f"https://{host}/{unquote(first).lstrip('/')}"
            else:
                target = dict(parse_qsl(query)).get("u") or dict(parse_qsl(query)).get("href")
        if not target:
            return url
        if target.startswith("/"):
            target = f"https://{host}{target}"
        url = target
    return url


def canonical(url: str) -> str | None:
    """https, lower-case host, no tracking parameters or fragment; None for what is not a URL."""
    parts = _split(url)
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    form = FORM_PATH.search(path)
    if form and form.group(1) in rules.FORMS:
        known = rules.FORMS[form.group(1)]
        if known.platform == "instagram" and is_under(host, ("instagram.com",)):
            return f"https://help.instagram.com/contact/{form.group(1)}"
        if known.platform == "facebook" and is_under(host, ("facebook.com",)):
            return f"https://www.facebook.com/help/contact/{form.group(1)}"
        if known.platform == "whatsapp" and is_under(host, ("whatsapp.com",)):
            return rules.WHATSAPP_DATA_RIGHTS_URL
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k not in rules.TRACKING_PARAMS and not k.startswith(rules.TRACKING_PREFIXES)
    ]
    # Meta's help pages keep the trailing slash they are linked with (help.meta.com/support/privacy/).
    keep_slash = path.startswith("/contact/forms") or any(
        is_under(host, (page_host,)) and path.startswith(page) for page_host, page in rules.OBJECTION_PAGES)
    if path != "/" and path.endswith("/") and not keep_slash:
        path = path.rstrip("/")
    return urlunsplit(("https", host, path, urlencode(query), ""))


def role_of(url: str) -> tuple[str, str | None]:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    form = FORM_PATH.search(parts.path)
    if form and form.group(1) in rules.FORMS:
        known = rules.FORMS[form.group(1)]
        return known.role, known.platform
    if any(is_under(host, (page_host,)) and parts.path.startswith(path)
           for page_host, path in rules.OBJECTION_PAGES):
        return "objection_form", None
    if host in rules.PRIVACY_HOSTS or parts.path.startswith(rules.PRIVACY_PATHS):
        return "privacy_policy", None
    return "other", None


def meta_links(links: list[Link], *,
               object_text: Callable[[str], bool] | None = None) -> list[MetaLink]:
    """Unwrap, clean and keep only links to Meta hosts; one entry per canonical URL.

    Forms move (FG, 2026): a Meta link whose text is the offer to object ("right to object") is
    the objection link even when its form id is not one rules.FORMS knows; object_text says
    whether a link's text is that offer.
    """
    found: dict[str, MetaLink] = {}
    for link in links:
        cleaned = _cleaned(link.href)
        if cleaned is None:
            continue
        url, role, platform = cleaned
        if role == "other" and object_text is not None and object_text(link.text):
            role = "objection_form"
        if url not in found or (role == "objection_form" and found[url].role != role):
            found[url] = MetaLink(url, role, platform)
    return list(found.values())


@lru_cache(maxsize=8192)  # a mail's text and HTML parts repeat each link; a sync repeats footers
def _cleaned(href: str) -> tuple[str, str, str | None] | None:
    """The canonical Meta URL behind href with its role and platform, or None when it is not Meta's."""
    url = canonical(unwrap(href))
    if url is None or not is_meta_host(host_of(url)):
        return None
    return (url, *role_of(url))


# A link's text longer than this shows no single URL; reading it all would only cost time.
MAX_SHOWN_TEXT = 2000
SHOWN_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)


def shown_url_mismatch(link: Link) -> str | None:
    """The Meta URL a link's text shows when its target is not a Meta host, else None.

    "https://www.facebook.com/help/contact/…" as text over an attacker's href is the classic lure.
    Each word of the text is checked on its own with a pattern that cannot backtrack across
    words, so a text of "a."×30,000 costs linear time (issue 16), not minutes.
    """
    for word in link.text[:MAX_SHOWN_TEXT].split():
        shown_url = word.strip("<>()[]\"'.,;:!?")
        bare = re.sub(r"^https?://", "", shown_url, flags=re.IGNORECASE)
        host = bare.split("/", 1)[0].split("?", 1)[0]
        if len(host) > 253 or not SHOWN_HOST.fullmatch(host):
            continue
        if not shown_url.lower().startswith("http"):
            shown_url = "https://" + shown_url
        target_host = host_of(unwrap(link.href))
        # A wrapper shown as it is ("https://l.facebook.com/l.php?u=https%3A%2F%2Fnews.example…",
        # the text part of Meta's own notifications) names where it leads: no lure.
        if is_meta_host(host.lower()) and target_host and not is_meta_host(target_host) \
                and host_of(unwrap(shown_url)) != target_host:
            return shown_url
        return None  # the first URL the text shows is the one a reader sees
    return None


def _split(url: str):
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None
