"""What a ``/sparql`` text must pass before any parser sees it: a length, a nesting depth, the SERVICE allow-list.

These checks read the text as tokens (comments, strings and IRIs are single
tokens), in one linear pass, so that a hostile text cannot make them slow or
deep. Oxigraph's parser is recursive: a query nested 10,000 deep overflows its
stack and kills the process, so depth is counted here first. A ``SERVICE``
makes the server fetch a URL of the client's choice (and hand back what it
got), so only hosts named with ``serve --allow-service`` may be called.
Whether the text is a query at all is decided by a real parser afterwards
(see ``web.runner.check_query``), never by keywords.

>>> check("SELECT * { { ?s ?p ?o } }", max_length=100, max_depth=2)
>>> nesting("ASK { FILTER((1 + (2)) > 0) }")
4
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from graph.errors import QueryError

MAX_LENGTH = 100_000  # characters of query text
MAX_DEPTH = 64  # nested groups, brackets and parentheses

TOKEN = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                   r'|<[^\s<>"{}|^`\\]*>|[?$]\w+|[A-Za-z_][\w.-]*:?[\w.-]*|\S')
_OPEN, _CLOSE = "{([", "})]"


def tokens(text: str) -> list[str]:
    """The tokens of ``text``, comments left out.

    >>> tokens('PREFIX e: <http://e/#> # SERVICE\\nSELECT * { SERVICE e:x { ?s ?p "}" } }')
    ['PREFIX', 'e:', '<http://e/#>', 'SELECT', '*', '{', 'SERVICE', 'e:x', '{', '?s', '?p', '"}"', '}', '}']
    """
    return [t for t in TOKEN.findall(text) if not t.startswith("#")]


def nesting(text: str) -> int:
    """How deep the groups, brackets and parentheses of ``text`` nest (strings and IRIs ignored)."""
    depth = deepest = 0
    for token in tokens(text):
        if token in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif token in _CLOSE:
            depth -= 1
    return deepest


def services(text: str) -> list[str]:
    """The IRI each ``SERVICE`` of ``text`` calls (``?var`` for a variable one), prefixed names expanded.

    >>> services('PREFIX e: <http://h:1/> SELECT * { SERVICE SILENT e:sparql { ?s ?p ?o } SERVICE ?x {} }')
    ['http://h:1/sparql', '?x']
    """
    words = tokens(text)
    prefixes = {words[i + 1][:-1]: words[i + 2][1:-1] for i, w in enumerate(words[:-2])
                if w.upper() == "PREFIX" and words[i + 1].endswith(":")}
    called = []
    for i, word in enumerate(words):
        if word.upper() != "SERVICE":
            continue
        target = next((w for w in words[i + 1:i + 3] if w.upper() != "SILENT"), "")
        if target.startswith("<"):
            called.append(target[1:-1])
        elif ":" in target and target[0] not in "?$":
            prefix, _, local = target.partition(":")
            called.append(prefixes.get(prefix, "") + local)
        else:
            called.append(target)
    return called


def allowed(iri: str, hosts: tuple[str, ...] | list[str]) -> bool:
    """Whether a SERVICE IRI names one of ``hosts`` (``host`` or ``host:port``) over http(s).

    >>> allowed("http://dbpedia.org/sparql", ["dbpedia.org"]), allowed("http://127.0.0.1:8890/x", ["dbpedia.org"])
    (True, False)
    >>> allowed("http://h:8890/sparql", ["h:8890"]), allowed("http://h:9/sparql", ["h:8890"])
    (True, False)
    """
    parts = urlsplit(iri)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    try:
        port = parts.port
    except ValueError:
        return False
    names = {parts.hostname.lower(), f"{parts.hostname.lower()}:{port}" if port else parts.hostname.lower()}
    return any(h.lower() in names for h in hosts)


def check(text: str, max_length: int = MAX_LENGTH, max_depth: int = MAX_DEPTH,
          allow_service: tuple[str, ...] | list[str] = ()) -> None:
    """Raise ``QueryError`` when ``text`` is too long, nests too deep or calls a SERVICE not on the allow-list."""
    if len(text) > max_length:
        raise QueryError(f"the query has {len(text):,} characters, more than the {max_length:,} this endpoint "
                         "accepts — shorten it (long VALUES lists can often be a pattern instead)")
    depth = nesting(text)
    if depth > max_depth:
        raise QueryError(f"the query nests {depth} levels deep ({{ }}, ( ) and [ ]), more than the {max_depth} "
                         "this endpoint accepts — flatten it")
    for iri in services(text):
        if not allowed(iri, allow_service):
            where = urlsplit(iri).hostname if iri.startswith("http") else iri or "a service"
            raise QueryError(f"SERVICE {where or iri} is refused: this endpoint calls no other server unless its "
                             "host is allowed with 'speakergraph serve --allow-service HOST'")
