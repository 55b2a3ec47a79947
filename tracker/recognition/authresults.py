"""Authentication-Results header value -> its authserv-id and results, read as RFC 8601 says.

Comments ("(…)", nested, with backslash escapes) are dropped, quoted strings are one value and
never a separator: `spf=pass (… "x;dkim=pass header.d=facebookmail.com"@evil.test …)` is one spf
result and nothing else. Only what a method names as its own properties counts for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_SPECIALS = ";="
_WORD, _QUOTED = "word", "quoted"


@dataclass(frozen=True)
class MethodResult:
    method: str  # lower case: dkim, dmarc, spf, …
    result: str  # lower case: pass, fail, none, temperror, …
    props: dict[str, str] = field(default_factory=dict)  # "header.d" -> "facebookmail.com"


@dataclass(frozen=True)
class AuthResults:
    authserv_id: str
    results: tuple[MethodResult, ...]

    def domains(self, method: str) -> list[str]:
        """The domains a passing result of `method` vouches for: header.d/header.i for DKIM,
        header.from for DMARC (smtp.mailfrom and the others vouch for nothing here)."""
        keys = {"dkim": ("header.d", "header.i"), "dmarc": ("header.from",)}.get(method, ())
        found = []
        for r in self.results:
            if r.method != method or r.result != "pass":
                continue
            for key in keys:
                value = r.props.get(key)
                if value:
                    found.append(value.lower().rpartition("@")[2].strip("."))
        return found


def parse_auth_results(value: str) -> AuthResults | None:
    """The header's content (without the field name); None when it has no authserv-id."""
    segments: list[list[tuple[str, str]]] = [[]]
    for token in _tokens(value):
        if token == (";", ";"):
            segments.append([])
        else:
            segments[-1].append(token)
    head = segments[0]
    if not head or head[0][0] not in (_WORD, _QUOTED):
        return None
    results = []
    for segment in segments[1:]:
        parsed = _resinfo(segment)
        if parsed:
            results.append(parsed)
    return AuthResults(head[0][1].lower(), tuple(results))


def _resinfo(tokens: list[tuple[str, str]]) -> MethodResult | None:
    # method[/version] "=" result, then (reason "=" value | ptype.property "=" value)*
    if len(tokens) < 3 or tokens[0][0] != _WORD or tokens[1][0] != "=":
        return None
    method = tokens[0][1].split("/", 1)[0].lower()
    if tokens[2][0] != _WORD:
        return None
    result = tokens[2][1].lower()
    props: dict[str, str] = {}
    rest = tokens[3:]
    i = 0
    while i + 2 < len(rest):
        name, eq, val = rest[i], rest[i + 1], rest[i + 2]
        if name[0] != _WORD or eq[0] != "=" or val[0] not in (_WORD, _QUOTED):
            i += 1  # something RFC 8601 does not allow here: skip it, never guess
            continue
        props.setdefault(name[1].lower(), val[1])
        i += 3
    return MethodResult(method, result, props)


def _tokens(value: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    word: list[str] = []
    i, n = 0, len(value)

    def flush() -> None:
        if word:
            tokens.append((_WORD, "".join(word)))
            word.clear()

    while i < n:
        c = value[i]
        if c == "(":
            flush()
            depth = 1
            i += 1
            while i < n and depth:
                if value[i] == "\\":
                    i += 1
                elif value[i] == "(":
                    depth += 1
                elif value[i] == ")":
                    depth -= 1
                i += 1
            continue
        if c == '"':
            flush()
            i += 1
            text = []
            while i < n and value[i] != '"':
                if value[i] == "\\" and i + 1 < n:
                    i += 1
                text.append(value[i])
                i += 1
            i += 1
            # A quoted local part continues into "@domain": the whole is one value.
            if i < n and value[i] == "@":
                word.extend(['"', *text, '"'])
            else:
                tokens.append((_QUOTED, "".join(text)))
            continue
        if c in _SPECIALS:
            flush()
            tokens.append((c, c))
        elif c.isspace():
            flush()
        else:
            word.append(c)
        i += 1
    flush()
    return tokens
