"""The notebook route: stored-query answers as pandas DataFrames, typed by the SPARQL datatypes."""

from __future__ import annotations

import sys

import pyoxigraph as ox
import pytest

from graph import notebook
from graph.errors import QueryParameterError, SpeakergraphError
from graph.queries import find_query
from graph.results import XSD, Table, table

pd = pytest.importorskip("pandas", reason="pandas is not installed: pip install -e '.[test]'")


def typed(value, datatype):
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


def test_a_stored_query_by_name_with_a_typed_name_as_its_parameter(sample_store):
    frame = notebook.query(sample_store, "sessions-of-edition", edition="sicw/2024")
    q = find_query("sessions-of-edition")
    expected = table(sample_store.query(q.text, q.bindings({"edition": "sicw/2024"})))
    assert frame.columns.tolist() == expected.variables
    assert len(frame) == len(expected.rows) > 0
    assert str(frame["speakers"].dtype) == "Int64"
    assert frame["speakers"].tolist() == [int(row[-1]) for row in expected.values()]
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert frame["start"].dt.tz is not None  # date-times keep their offset
    assert frame["session"].tolist() == [row[1] for row in expected.values()]


def test_parameters_take_a_name_as_typed(sample_store):
    by_name = notebook.query(sample_store, "co-panellists", person="Maria Adebahr")
    by_key = notebook.query(sample_store, "co-panellists", person="maria-adebahr")
    assert by_name.equals(by_key) and len(by_name) > 0


def test_a_name_that_fits_several_is_a_choice(sample_store):
    with pytest.raises(QueryParameterError, match="give one of these keys"):
        notebook.query(sample_store, "co-panellists", person="a")


def test_columns_are_typed_by_their_datatypes_and_unbound_values_are_missing():
    t = Table(["n", "x", "day", "when", "flag", "name", "odd"], [
        [typed("2", "integer"), typed("1.5", "decimal"), typed("2024-10-15", "date"),
         typed("2024-10-15T09:00:00+08:00", "dateTime"), typed("true", "boolean"), ox.Literal("Ana"),
         typed("two", "integer")],
        [None, None, None, typed("2024-10-15T09:00:00-04:00", "dateTime"), None, None, typed("3", "integer")]])
    frame = t.to_dataframe()
    assert [str(frame[c].dtype) for c in ("n", "x", "flag")] == ["Int64", "Float64", "boolean"]
    assert frame["n"].isna().tolist() == [False, True] and frame["x"][0] == 1.5
    assert frame["day"][0] == pd.Timestamp("2024-10-15") and pd.isna(frame["day"][1])
    assert str(frame["when"].dt.tz) == "UTC"  # two offsets: both in UTC
    assert frame["when"].tolist() == [pd.Timestamp("2024-10-15T01:00Z"), pd.Timestamp("2024-10-15T13:00Z")]
    assert frame["name"].tolist() == ["Ana", None]
    assert frame["odd"].tolist() == ["two", "3"]  # not what its datatype says: the text is kept


def test_without_pandas_the_message_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(SpeakergraphError, match=r"\.\[notebook\]"):
        Table(["x"], [[ox.Literal("a")]]).to_dataframe()
