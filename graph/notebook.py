"""Query answers as pandas DataFrames, for notebooks (``pip install 'speakergraph[notebook]'``).

    from graph import notebook
    store = notebook.open_store(".speakergraph/store")
    people = notebook.query(store, "co-panellists", person="Maria Adebahr")
    rows = notebook.query(store, "SELECT ?s WHERE { ?s a <https://schema.org/Person> }")  # any SELECT or .rq file

Columns are typed by the datatypes of the literals in them (``column_type``):
integers become ``Int64``, decimals ``Float64``, dates and date-times
``datetime64``; unbound values are missing (``<NA>``, ``NaT``), IRIs and other
literals strings. pandas is imported only when a DataFrame is asked for.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox

from graph import lookup
from graph import queries as stored
from graph.errors import QueryParameterError, SpeakergraphError
from graph.results import table
from graph.store import Store
from graph.store import open_store as _open

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                              "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
                              "unsignedShort", "unsignedByte", "gYear")}
_FLOAT = {XSD + t for t in ("decimal", "double", "float")}
_TYPES = {XSD + "boolean": "boolean", XSD + "date": "date", XSD + "dateTime": "datetime"}


def open_store(location=None) -> Store:
    """The store at ``location`` (a folder or a SPARQL URL), read-only when it exists; in memory for ``None``."""
    exists = location is not None and "://" not in str(location) and Path(location).exists()
    return _open(location, read_only=exists)


def query(store: Store, name: str, **params) -> "pandas.DataFrame":  # noqa: F821
    """Run a stored query (by name, ``.rq`` file or SELECT text) with ``params``; its answer as a DataFrame.

    Parameters take what a person types, as on the command line: a key, an IRI or a name.
    """
    q = stored.StoredQuery.parse("ad-hoc", name) if "{" in name else stored.find_query(name)
    values, choices = lookup.resolve(store, {p.name: p.type for p in q.params},
                                     {k: str(v) for k, v in params.items()})
    if choices:
        key, found = next(iter(choices.items()))
        raise QueryParameterError(f"parameter {key!r}: {len(found)} fit — "
                                  + "; ".join(f"{m.label} ({m.key})" for m in found) + " — give one of these keys")
    return table(store.query(q.text, q.bindings(values))).to_dataframe()


def dataframe(variables: list[str], rows: list[list]) -> "pandas.DataFrame":  # noqa: F821
    """A DataFrame of result ``rows`` (terms or ``None``), each column typed by ``column_type``."""
    pd = _pandas()
    columns = {name: _column(pd, [row[i] for row in rows]) for i, name in enumerate(variables)}
    return pd.DataFrame(columns, columns=variables)


def column_type(terms: list) -> str:
    """The type every bound term of a column shares: integer, float, boolean, date, datetime or string.

    >>> n = lambda v, t: ox.Literal(v, datatype=ox.NamedNode(XSD + t))
    >>> column_type([n("2", "integer"), None, n("2024", "gYear")]), column_type([n("2", "integer"), n("x", "string")])
    ('integer', 'string')
    >>> column_type([n("2024-10-15", "date")]), column_type([ox.NamedNode("https://example.org/a")])
    ('date', 'string')
    """
    kinds = {_kind(t) for t in terms if t is not None}
    return kinds.pop() if len(kinds) == 1 else "string"


def _kind(term) -> str:
    if not isinstance(term, ox.Literal):
        return "string"
    datatype = term.datatype.value
    if datatype in _INTEGER:
        return "integer"
    return "float" if datatype in _FLOAT else _TYPES.get(datatype, "string")


def _column(pd, terms: list):
    kind = column_type(terms)
    values = [None if t is None else t.value for t in terms]
    try:
        if kind == "integer":
            return pd.array([None if v is None else int(v) for v in values], dtype="Int64")
        if kind == "float":
            return pd.array([None if v is None else float(v) for v in values], dtype="Float64")
        if kind == "boolean":
            return pd.array([None if v is None else v in ("true", "1") for v in values], dtype="boolean")
        if kind == "date":
            return pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d")
        if kind == "datetime":
            return _datetimes(pd, values)
    except ValueError:  # a literal that is not what its datatype says: keep the text
        pass
    return pd.Series(values, dtype=object)


def _datetimes(pd, values: list):
    """Date-times in their own offset when they share one, else in UTC."""
    parsed = [None if v is None else datetime.fromisoformat(v.replace("Z", "+00:00")) for v in values]
    offsets = {p.utcoffset() for p in parsed if p is not None}
    if len(offsets) > 1:
        parsed = [None if p is None else p.astimezone(timezone.utc) for p in parsed]
    return pd.to_datetime(pd.Series(parsed, dtype=object))


def _pandas():
    try:
        import pandas
    except ImportError:
        raise SpeakergraphError("pandas is not installed — install the notebook extra: "
                                "pip install -e '.[notebook]'") from None
    return pandas
