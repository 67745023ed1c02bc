"""From IRIs and terms to links and labels in pages: our IRIs map to our routes, others stay as they are.

>>> path("https://w3id.org/speakergraph/id/person/maria-adebahr")
'/id/person/maria-adebahr'
>>> path("javascript:alert(1)") is None
True
>>> short("https://schema.org/name")
'schema:name'
>>> clock("2024-10-15T16:00:00+08:00")
'16:00'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

import pyoxigraph as ox
from flask import Flask, request, url_for

from graph import ids
from graph.vocab import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def path(iri: str) -> str | None:
    """Where a link to ``iri`` goes: our route for our IRIs, the IRI for other http(s) IRIs, else ``None``."""
    if ids.split(iri):
        return "/id/" + quote(iri[len(ids.BASE):], safe="/:@-._~")
    if iri.startswith(("http://", "https://")):
        return iri
    return None


def local(iri: str) -> str:
    """The key of one of our IRIs ("maria-adebahr"), or the IRI itself.

    >>> local("https://w3id.org/speakergraph/id/session/sicw/2024-10-15/opening")
    'sicw/2024-10-15/opening'
    """
    kind_local = ids.split(iri)
    return kind_local[1] if kind_local else iri


def short(iri: str) -> str:
    """A prefixed name for a vocabulary IRI, ``kind/key`` for ours, else the IRI."""
    kind_local = ids.split(iri)
    if kind_local:
        return "/".join(kind_local)
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def clock(value: str | None) -> str:
    """The ``HH:MM`` of an ``xsd:dateTime`` lexical value (empty when absent)."""
    if not value or "T" not in value:
        return ""
    return value.partition("T")[2][:5]


@dataclass
class Cell:
    """A value in a results table: its text, where it links to, and its full form."""

    text: str
    href: str | None = None
    title: str = ""
    number: bool = False

    @classmethod
    def of(cls, term, label: str | None = None) -> "Cell | None":
        """A cell for a pyoxigraph term (``None`` for unbound); an IRI shows ``label`` when given."""
        if term is None:
            return None
        if isinstance(term, ox.NamedNode):
            return cls(label or short(term.value), path(term.value), term.value)
        if isinstance(term, ox.BlankNode):
            return cls("_:" + term.value)
        return cls(term.value, number=term.datatype.value in NUMBERS)

    @classmethod
    def of_json(cls, binding: dict | None) -> "Cell | None":
        """A cell for a term of a SPARQL JSON result (``None`` for unbound)."""
        if binding is None:
            return None
        if binding["type"] == "uri":
            return cls(short(binding["value"]), path(binding["value"]), binding["value"])
        if binding["type"] == "bnode":
            return cls("_:" + binding["value"])
        return cls(binding["value"], number=binding.get("datatype") in NUMBERS)


def day(value: str) -> str:
    """A readable form of an ISO date ("Tuesday 15 October 2024"), or the value as it is.

    >>> day("2024-10-15")
    'Tuesday 15 October 2024'
    """
    try:
        d = date.fromisoformat(value)
    except (TypeError, ValueError):
        return value or ""
    return f"{d:%A} {d.day} {d:%B %Y}"


def basename(path_: str) -> str:
    """The last part of a source path, without ``.md``.

    >>> basename("_2024-events/15 October 2024/Cyber Frontiers.md")
    'Cyber Frontiers'
    """
    name = path_.rstrip("/").rsplit("/", 1)[-1]
    return name[:-3] if name.endswith(".md") else name


def here(**changes) -> str:
    """The current page's URL with query arguments changed (``None`` drops one)."""
    args = {k: v for k, v in request.args.items() if k not in (request.view_args or {})}
    for name, value in changes.items():
        if value is None:
            args.pop(name, None)
        else:
            args[name] = value
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def init_app(app: Flask) -> None:
    """Make the helpers available to templates."""
    app.jinja_env.filters.update(href=path, short=short, local=local, clock=clock, basename=basename, day=day)
    app.jinja_env.globals.update(here=here)
