"""The tracker's own DKIM check of a mail in the objection flow (dkimpy, keys looked up with dnspython).

Only a signature that is aligned with the From domain (signed by that domain or a parent of it)
and made with a Meta domain's key counts: a valid signature of the attacker's own domain proves
nothing about Meta. Verdicts:

- pass: such a signature verifies;
- fail: such a signature exists and none verifies (a changed byte, a missing or bad key);
- temperror: none verifies and a key could not be looked up (DNS unreachable): ask again later;
- none: no such signature (unsigned, or signed only by other domains).

Anyone can add signatures to a mail, so the cost of one mail is bounded (issue 20 item 4): at most
MAX_SIGNATURES aligned signatures are tried, all on one parse of the mail, and the key lookups of
one mail share a DNS budget of DNS_BUDGET_SECONDS. Meta signs a mail once; a mail with more than
a few aligned signatures is not Meta's as sent.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass

import dkim as dkimpy
import dns.exception
import dns.nameserver
import dns.resolver

from tracker.recognition.authenticity import meta_domain

log = logging.getLogger(__name__)
PASS, FAIL, NONE, TEMPERROR = "pass", "fail", "none", "temperror"
LOOKUP_SECONDS = 3.0
MAX_SIGNATURES = 3  # aligned signatures tried per mail
DNS_BUDGET_SECONDS = 5.0  # key lookups of one mail, all together
_SIGNATURE = re.compile(rb"^dkim-signature:", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class DkimVerdict:
    result: str  # pass | fail | none | temperror
    domain: str | None = None  # d= of the signature the verdict is about
    selector: str | None = None  # s= of it
    detail: str = ""
    # What the signature covers (issue 20 item 2): the header fields named in its h= (lower
    # case), and the body length l= when it signs only the start of the body (None: all of it).
    signed_headers: tuple[str, ...] = ()
    body_length: int | None = None

    def describe(self) -> str:
        where = f" (d={self.domain} s={self.selector})" if self.domain else ""
        return f"dkim={self.result}{where}" + (f": {self.detail}" if self.detail else "")


class LookupFailed(Exception):
    """The key could not be looked up now (timeout, no server answered): a temperror."""


class KeyResolver:
    """TXT lookups for DKIM keys, cached for the run (answers and failures alike: offline, each
    selector costs one timeout, not one per mail)."""

    def __init__(self, nameservers: list[str] | None = None, timeout: float = LOOKUP_SECONDS) -> None:
        self._resolver = dns.resolver.Resolver(configure=not nameservers)
        if nameservers:
            self._resolver.nameservers = [_nameserver(s) for s in nameservers]
        self._resolver.lifetime = timeout
        self._resolver.timeout = timeout
        self._cache: dict[bytes, bytes | None | LookupFailed] = {}

    def txt(self, name: bytes, timeout: float = LOOKUP_SECONDS) -> bytes | None:
        if name not in self._cache:
            self._cache[name] = self._lookup(name, timeout)
        found = self._cache[name]
        if isinstance(found, LookupFailed):
            raise found
        return found

    def _lookup(self, name: bytes, timeout: float) -> bytes | None | LookupFailed:
        try:
            answer = self._resolver.resolve(name.decode("ascii", "replace"), "TXT",
                                            lifetime=min(timeout, self._resolver.lifetime))
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return None
        except (dns.exception.DNSException, OSError) as exc:
            return LookupFailed(f"{type(exc).__name__}: {exc}"[:200])
        for record in answer:
            return b"".join(record.strings)
        return None


def _nameserver(spec: str) -> dns.nameserver.Do53Nameserver:
    host, port = spec, 53
    if spec.startswith("["):  # [::1]:5353
        host, _, rest = spec[1:].partition("]")
        port = int(rest.lstrip(":") or 53)
    elif spec.count(":") == 1:
        host, _, p = spec.partition(":")
        port = int(p)
    return dns.nameserver.Do53Nameserver(host, port)


def verify(data: bytes, from_domain: str | None, resolver: KeyResolver,
           budget: float = DNS_BUDGET_SECONDS) -> DkimVerdict:
    """The verdict on the mail's aligned Meta signatures (the whole mail, as the server sent it),
    the first MAX_SIGNATURES of them, with `budget` seconds for all their key lookups."""
    if not from_domain or not _SIGNATURE.search(data.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]):
        return DkimVerdict(NONE, detail="no DKIM-Signature")
    try:
        checker = dkimpy.DKIM(data, logger=_QUIET, timeout=LOOKUP_SECONDS)
        signatures = [v for k, v in checker.headers if k.lower() == b"dkim-signature"]
    except Exception as exc:  # a header dkimpy cannot even split
        return DkimVerdict(FAIL, detail=f"unreadable message: {type(exc).__name__}")
    candidates = []
    seen: set[bytes] = set()
    for idx, value in enumerate(signatures):
        if len(candidates) == MAX_SIGNATURES:
            break
        if value in seen:  # the same signature twice proves nothing more
            continue
        seen.add(value)
        try:
            tags = dkimpy.util.parse_tag_value(value)
        except Exception:
            continue
        domain = tags.get(b"d", b"").decode("ascii", "replace").lower().strip(".")
        selector = tags.get(b"s", b"").decode("ascii", "replace")
        if _aligned(domain, from_domain) and meta_domain(domain):
            candidates.append((idx, domain, selector, tags))
    if not candidates:
        return DkimVerdict(NONE, detail="no signature of the From domain by a Meta domain")
    failed: DkimVerdict | None = None
    temp: DkimVerdict | None = None
    deadline = time.monotonic() + budget

    def lookup(name: bytes, timeout: float = LOOKUP_SECONDS) -> bytes | None:
        left = deadline - time.monotonic()
        if left <= 0:
            raise LookupFailed(f"the DNS budget of {budget:g} s for this mail is spent")
        return resolver.txt(name, min(timeout, left))

    for idx, domain, selector, tags in candidates:
        if b"l" in tags:  # a body length limit lets anyone append text under a valid signature
            failed = failed or DkimVerdict(FAIL, domain, selector,
                                           "signature covers only part of the body (l=)")
            continue
        try:
            # one parse for every signature: a new DKIM() per signature re-read the whole mail
            ok = checker.verify(idx=idx, dnsfunc=lookup)
        except LookupFailed as exc:
            temp = temp or DkimVerdict(TEMPERROR, domain, selector, f"key lookup failed ({exc})")
            continue
        except dkimpy.DKIMException as exc:
            failed = failed or DkimVerdict(FAIL, domain, selector, f"{type(exc).__name__}: {exc}"[:200])
            continue
        if ok:
            return DkimVerdict(PASS, domain, selector, signed_headers=_signed_headers(tags),
                               body_length=_body_length(tags))
        failed = failed or DkimVerdict(FAIL, domain, selector, "signature does not verify")
    return temp or failed or DkimVerdict(NONE)


def stored_verdict(data: bytes, result: str | None, domain: str | None, selector: str | None,
                   detail: str | None) -> DkimVerdict | None:
    """The verdict a sync stored beside a mail's bytes (findings.dkim_*), whole again without the
    network: what a passing signature covers (h=, l=) is read from that signature in the bytes.
    None when nothing was stored (no verdict was made)."""
    if result is None:
        return None
    verdict = DkimVerdict(result, domain, selector, detail or "")
    if result != PASS or not domain:
        return verdict
    try:
        signatures = [v for k, v in dkimpy.DKIM(data, logger=_QUIET).headers
                      if k.lower() == b"dkim-signature"]
    except Exception:
        return verdict
    for value in signatures:
        try:
            tags = dkimpy.util.parse_tag_value(value)
        except Exception:
            continue
        if (tags.get(b"d", b"").decode("ascii", "replace").lower().strip(".") == domain
                and tags.get(b"s", b"").decode("ascii", "replace") == (selector or "")):
            return DkimVerdict(PASS, domain, selector, detail or "",
                               signed_headers=_signed_headers(tags), body_length=_body_length(tags))
    return verdict


def _signed_headers(tags: dict[bytes, bytes]) -> tuple[str, ...]:
    names = tags.get(b"h", b"").decode("ascii", "replace").split(":")
    return tuple(dict.fromkeys(n.strip().lower() for n in names if n.strip()))


def _body_length(tags: dict[bytes, bytes]) -> int | None:
    value = tags.get(b"l", b"").strip()
    return int(value) if value.isdigit() else None


def _aligned(signing: str, from_domain: str) -> bool:
    from_domain = from_domain.lower().strip(".")
    return bool(signing) and (from_domain == signing or from_domain.endswith("." + signing))


class _Quiet:
    """dkimpy logs every failed check as an error; the verdict says it once, where it belongs."""

    def debug(self, *args, **kwargs) -> None:
        pass

    info = warning = error = exception = debug


_QUIET = _Quiet()
