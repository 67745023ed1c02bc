"""Query results as plain tables, and their CSV, JSON and text renderings.

>>> t = Table(["name", "n"], [[ox.Literal("Ágnes"), ox.Literal("2", datatype=ox.NamedNode(XSD + "integer"))]])
>>> t.values()
[['Ágnes', '2']]
>>> print(to_text(t))
name   n
-----  -
Ágnes  2
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import pyoxigraph as ox

from graph.errors import QueryError
from graph.ids import BASE
from graph.text import ILLEGAL, cell, cells, clean, printable

XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass
class Table:
    """The rows of a SELECT result, with ``None`` for unbound values."""

    variables: list[str]
    rows: list[list]
    truncated: bool = False

    def values(self) -> list[list[str]]:
        """Rows as strings (empty for unbound)."""
        return [[value(t) for t in row] for row in self.rows]

    def dicts(self) -> list[dict[str, str]]:
        """Rows as dicts of strings, unbound values left out."""
        return [{v: value(t) for v, t in zip(self.variables, row) if t is not None} for row in self.rows]

    def to_dataframe(self):
        """A pandas DataFrame: one column per variable, typed by the literals' datatypes (needs pandas).

        A column whose values are all integers (``xsd:integer``, ``xsd:gYear``…) is ``Int64``, decimals
        ``Float64``, booleans ``boolean``, dates and date-times ``datetime64``; unbound values are missing;
        IRIs and other literals are strings.
        """
        from graph import notebook

        return notebook.dataframe(self.variables, self.rows)


def value(term) -> str:
    """The lexical value of a term, or ``""`` for ``None``."""
    return "" if term is None else term.value


def table(result, limit: int | None = None) -> Table:
    """A ``Table`` of a SELECT result (at most ``limit`` rows, ``truncated`` set when cut)."""
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("not a SELECT query — use 'speakergraph query' with a SELECT, or /sparql for others")
    names = [v.value for v in result.variables]
    rows, truncated = [], False
    for solution in result:
        if limit is not None and len(rows) >= limit:
            truncated = True
            break
        rows.append(list(solution))  # by position, in the variables' order: by name cost 3 ms a 715-row answer
    return Table(names, rows, truncated)


def to_csv(t: Table) -> str:
    """CSV with a header row (RFC 4180 quoting by the csv module), every cell safe for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(t.variables)
    writer.writerows(cells(row) for row in t.values())
    return out.getvalue()


def for_xml(t: Table) -> Table:
    """The table with the characters XML cannot hold removed from its literals (a query can build them).

    >>> for_xml(Table(["x"], [[ox.Literal("a\x1bb")]])).values()
    [['ab']]
    """
    return Table(t.variables, [[_mapped(term, clean) for term in row] for row in t.rows], t.truncated)


def for_sheet(t: Table) -> Table:
    """The table with every literal made a spreadsheet-safe cell (``graph.text.cell``).

    >>> for_sheet(Table(["x"], [[ox.Literal("=1+1")]])).values()
    [["'=1+1"]]
    """
    return Table(t.variables, [[_mapped(term, cell) for term in row] for row in t.rows], t.truncated)


def _mapped(term, fn):
    if not isinstance(term, ox.Literal):
        return term
    value = fn(term.value)
    if value == term.value:
        return term
    if term.language:
        return ox.Literal(value, language=term.language)
    return ox.Literal(value, datatype=term.datatype)


def xml_triples(triples: list[ox.Triple]) -> list[ox.Triple]:
    """``triples`` with the characters XML cannot hold removed from their literals (for RDF/XML)."""
    return [t if not (isinstance(t.object, ox.Literal) and ILLEGAL.search(t.object.value))
            else ox.Triple(t.subject, t.predicate, _mapped(t.object, clean)) for t in triples]


def to_json(t: Table, indent: int | None = 1) -> str:
    """SPARQL 1.1 Query Results JSON; ``indent=None`` writes it on one line, about 3 times faster."""
    bindings = [{v: _json_term(term) for v, term in zip(t.variables, row) if term is not None} for row in t.rows]
    return json.dumps({"head": {"vars": t.variables}, "results": {"bindings": bindings}}, ensure_ascii=False,
                      indent=indent)


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def to_text(t: Table, width: int = 60) -> str:
    """An aligned plain-text table for terminals (long values cut at ``width``); speakergraph's own IRIs are shown
    without their common start (``session/sicw/2024-10-15/…``: the key a ``--param`` takes).

    >>> print(to_text(Table(["s"], [[ox.NamedNode(BASE + "session/x/2031-01-01/talk")]])))
    s
    -------------------------
    session/x/2031-01-01/talk
    """
    rows = [[printable(_cut(v.removeprefix(BASE), width)) for v in row] for row in t.values()]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(t.variables)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(t.variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
