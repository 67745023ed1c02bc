"""Stored queries: ``queries/*.rq`` files with a comment header and ``?_name`` parameters.

A stored query stays valid SPARQL. Its header names it and its parameters::

    #+ title: Appearances of a person
    #+ description: Every session a person spoke at, in what role.
    #+ param _person: person — the person's IRI or key (e.g. maria-adebahr)

A parameter's type is one of ``string`` (default), ``integer``, ``date``,
``iri``, or a kind of our IRIs (``person``, ``session``, ``org``, ``country``,
``edition``, ``series``) that also accepts a bare key. Values are bound with
pyoxigraph substitutions, never pasted into the text.

>>> q = StoredQuery.parse("demo", "#+ title: Demo\\n#+ param _year: integer\\nSELECT * WHERE { ?s ?p ?_year }")
>>> q.title, [p.name for p in q.params], q.params[0].type
('Demo', ['year'], 'integer')
>>> q.bindings({"year": "2024"})
{<Variable value=_year>: <Literal value=2024 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from graph import ids
from graph.errors import QueryError, QueryNotFound, QueryParameterError

QUERIES = Path(__file__).resolve().parent.parent / "queries"
XSD = "http://www.w3.org/2001/XMLSchema#"

_HEADER = re.compile(r"^#\+\s*(\w+)(?:\s*:\s*|\s+)(.*)$")
_PARAM = re.compile(r"^(?:[?$])?_(\w+)\s*:\s*([\w-]+)?\s*(?:=\s*(\S+))?\s*(?:[—-]+\s*(.*))?$")
_VARIABLE = re.compile(r"[?$]_(\w+)")
_TYPES = {"string", "integer", "date", "iri", *ids.KINDS}


@dataclass
class Param:
    """A parameter of a stored query."""

    name: str
    type: str = "string"
    default: str | None = None
    description: str = ""


@dataclass
class StoredQuery:
    """A named SPARQL query with a title, a description and parameters."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: list[Param] = field(default_factory=list)

    @classmethod
    def parse(cls, name: str, text: str) -> "StoredQuery":
        """Read the header comments and the ``?_name`` variables of ``text``."""
        query = cls(name=name, text=text)
        declared: dict[str, Param] = {}
        for line in text.splitlines():
            m = _HEADER.match(line.strip())
            if not m:
                continue
            key, value = m.group(1).lower(), m.group(2).strip()
            if key == "param":
                param = _parse_param(name, value)
                declared[param.name] = param
            elif key in ("title", "description"):
                setattr(query, key, (getattr(query, key) + " " + value).strip())
        body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        for var in dict.fromkeys(_VARIABLE.findall(body)):
            query.params.append(declared.get(var, Param(var)))
        return query

    def bindings(self, values: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
        """Terms for the parameters, from strings; raises ``QueryParameterError`` with the fix."""
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryParameterError(
                f"query {self.name!r} has no parameter {unknown[0]!r} — its parameters are: "
                f"{', '.join(sorted(known)) or 'none'}")
        out = {}
        for param in self.params:
            value = values.get(param.name, param.default)
            if value is None or value == "":
                raise QueryParameterError(
                    f"query {self.name!r} needs the parameter {param.name!r} ({param.type}"
                    f"{': ' + param.description if param.description else ''}) — "
                    f"pass --param {param.name}=VALUE")
            out[ox.Variable("_" + param.name)] = term(param, value)
        return out


def _parse_param(query: str, text: str) -> Param:
    m = _PARAM.match(text)
    if not m:
        raise QueryError(f"queries/{query}.rq: cannot read the parameter line {text!r} — "
                         "write it as '#+ param _name: type — description'")
    name, kind, default, description = m.groups()
    kind = (kind or "string").lower()
    if kind not in _TYPES:
        raise QueryError(f"queries/{query}.rq: parameter _{name} has unknown type {kind!r} — "
                         f"use one of {', '.join(sorted(_TYPES))}")
    return Param(name, kind, default, (description or "").strip())


def term(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    """The RDF term for a parameter value, checked against the parameter's type."""
    value = value.strip()
    try:
        if param.type == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
        if param.type == "date":
            return ox.Literal(date.fromisoformat(value).isoformat(), datatype=ox.NamedNode(XSD + "date"))
        if param.type == "iri":
            return ox.NamedNode(value)
        if param.type in ids.KINDS:
            if value.startswith(("http://", "https://")):
                return ox.NamedNode(value)
            return ox.NamedNode(ids.BASE + param.type + "/" + value.strip("/"))
    except ValueError:
        raise QueryParameterError(f"parameter {param.name!r}: {value!r} is not a valid {param.type}") from None
    return ox.Literal(value)


_TOKENS = re.compile(r'#[^\n]*|"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r'|<[^\s<>"{}|^`\\]*>|(?<![\w:?$])(?:SELECT|ASK|DESCRIBE|CONSTRUCT|WHERE)\b|[{}]|[?$]\w+', re.I)


def bind_values(text: str, bindings: dict) -> str:
    r"""``text`` with a ``VALUES`` block for ``bindings`` opening its WHERE clause, and opening each sub-select
    that uses some of them itself (for those only).

    Sub-selects see only what they project, so one that uses a parameter gets its own block. One that only
    holds sub-selects using it gets none: Virtuoso 7.2 answered edition-comparison with rows missing, or not
    within a minute, when every level had the block. The terms are written by pyoxigraph, so a value cannot
    change the query.

    >>> print(bind_values('SELECT * WHERE { ?s ?p ?_o }', {ox.Variable("_o"): ox.Literal('a "b" }')}))
    SELECT * WHERE { VALUES (?_o) { ("a \"b\" }") }
     ?s ?p ?_o }
    >>> q = 'CONSTRUCT { ?s ?p ?o } WHERE { { SELECT ?s { ?s ?p ?_o } } }'
    >>> bind_values(q, {ox.Variable("_o"): ox.Literal("x")}).count("VALUES")
    2
    >>> q = 'SELECT ?n WHERE { { SELECT ?n { { SELECT ?s { ?s ?p ?_o } } ?s ?q ?n } } }'
    >>> bind_values(q, {ox.Variable("_o"): ox.Literal("x")}).count("VALUES")  # the outer query and the innermost
    2
    """
    if not bindings:
        return text
    names = {v.value: (v, t) for v, t in bindings.items()}
    groups: list[tuple[int, set[str]]] = []  # each WHERE clause: where its block goes, the parameters it uses
    opened: list[int | None] = []  # for each open brace, the WHERE clause it belongs to (None: a template)
    pending = None
    for m in _TOKENS.finditer(text):
        token = m.group().upper()
        if token in ("SELECT", "ASK", "DESCRIBE"):
            pending = "group"
        elif token == "CONSTRUCT":
            pending = "template"  # its first braces are the template, not the pattern
        elif token == "WHERE" and pending:
            pending = "group"
        elif token == "{" and pending == "group":
            groups.append((m.end(), set()))
            opened.append(len(groups) - 1)
            pending = None
        elif token == "{":
            opened.append(opened[-1] if opened else None)
        elif token == "}":
            if opened:
                opened.pop()
        elif token[0] in "?$" and opened and opened[-1] is not None and m.group()[1:] in names:
            groups[opened[-1]][1].add(m.group()[1:])
    if not groups:
        raise QueryError("the query has no WHERE clause to bind parameters in")
    for i, (pos, used) in reversed(list(enumerate(groups))):
        kept = list(names) if i == 0 else [n for n in names if n in used]  # the query's own: all, as before
        if kept:
            block = (f" VALUES ({' '.join(str(names[n][0]) for n in kept)}) "
                     f"{{ ({' '.join(str(names[n][1]) for n in kept)}) }}\n")
            text = text[:pos] + block + text[pos:]
    return text


def load_queries(folder: Path = QUERIES) -> dict[str, StoredQuery]:
    """Every ``*.rq`` file of ``folder``, by name."""
    return {p.stem: StoredQuery.parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))}


def find_query(name_or_file: str, folder: Path = QUERIES) -> StoredQuery:
    """A stored query by name, or a query read from a file path."""
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.is_file():
        return StoredQuery.parse(path.stem, path.read_text(encoding="utf-8"))
    queries = load_queries(folder)
    if name_or_file in queries:
        return queries[name_or_file]
    raise QueryNotFound(f"no stored query {name_or_file!r} in {folder} and no such .rq file — "
                        f"run 'speakergraph queries' to list them")
