"""Every parser under arbitrary input: the only exception that escapes is ``IngestError``, with file and line.

Property tests (hypothesis) over front matter, Markdown tables and cells,
Unicode, control characters and very long lines, for each step of the
pipeline and for the whole of it (bytes → quads → store).
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from graph.errors import IngestError
from graph.store import open_store
from ingest import loader, names, readers, roles, sicw, times
from ingest.countries import Country, default_countries
from ingest.markdown import parse_blocks
from ingest.read import parse_document
from ingest.records import Document, Name

REL = "_2024-events/15 October 2024/fuzz.md"
SPEAKER_REL = "_2024-speakers/Speaker – Fuzz.md"
SITE = loader.Site(root=Path("."), series="sicw", series_name="SICW")

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies ---------------------------------------------------------------------------

# any character a file may hold once decoded: control characters, line separators, astral planes
anychar = st.characters(codec="utf-8")
anytext = st.text(anychar, max_size=80)
# characters that mean something to YAML, Markdown, our date/time/role/country readers
SPECIAL = list("|*_[]()<>!#:-`\\'\"{}&?%@,~^=\t\r\n ") + ["<br>", "<br/>", "\u00a0", "\u2013", "\ufeff", "\x00"]
WORDS = ["Moderator", "Panellists", "Speakers (Opening Remarks)", "Guest of Honour", "H.E.", "Dr", "Mr",
         "KC", "Singapore", "United States of America", "European Union", ", Germany", "Ministry of Health",
         "15 October 2024", "October 15, 2024", "2024-10-15", "2024-02-30", "Time: 4.00pm to 5.30pm (GMT +8)",
         "9.30-11.00am", "GMT -14:75", "UTC+99", "noon", "12am", "25.61pm", "Time TBC", "Format: Panel",
         "/speakers/mr-x-2024/", "speaker", "Information is accurate", "**", "*", "_", "---", "|---|",
         "[", "](", ")", "![](x.png)", "<script>", "\u0661\u0662", "\u202e", "\U0001f600"]
fragment = st.one_of(anytext, st.sampled_from(SPECIAL), st.sampled_from(WORDS))
line = st.lists(fragment, max_size=8).map("".join)
lines = st.lists(line, max_size=12)

cell = st.lists(st.one_of(fragment, st.sampled_from(["*Chair*", "**Moderator**", "[Ms A B](/speakers/ms-a-b/)",
                                                      "<br>", " <br> ", "Org, Country"])), max_size=6).map("".join)
table_row = st.lists(cell, min_size=0, max_size=5).map(lambda cells: "|" + "|".join(cells) + "|")
table = st.lists(table_row, min_size=1, max_size=8).map("\n".join)
body = st.lists(st.one_of(line, table, st.sampled_from(WORDS)), max_size=12).map("\n".join)

yaml_scalar = st.one_of(anytext, st.sampled_from(
    ["2024-10-15", "2024-02-30", "0000-01-01", "2024-10-15 25:00:00", "2024-10-15T10:00:00+08:00", "~", "null",
     "yes", "1e999", ".nan", "!!binary aGVsbG8=", "!!set {a, b}", '"\\ud800"', '"\\x00"', "&a x", "*a",
     "!!python/object:os.system x", "|", ">-", "[", "{", "'", '"', "- a", "? a", "%YAML 1.1", "@", "`"]))
yaml_key = st.sampled_from(["title", "permalink", "date", "third_nav_title", "variant", "description",
                            "layout", "x", "? [a]", "1", "- ", ""])
yaml_line = st.one_of(
    st.tuples(yaml_key, yaml_scalar).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.tuples(st.integers(0, 8), yaml_key, yaml_scalar).map(lambda t: " " * t[0] + f"{t[1]}: {t[2]}"),
    line,
)
front_matter = st.lists(yaml_line, max_size=8).map(lambda ls: "---\n" + "\n".join(ls) + "\n---\n")
document = st.tuples(st.one_of(st.just(""), front_matter, st.just("---\n"), st.just("---\n- a\n- b\n---\n")),
                     body).map(lambda fb: fb[0] + fb[1])
encoded = st.one_of(
    document.map(lambda t: t.encode("utf-8", "surrogatepass")),
    document.map(lambda t: ("\ufeff" + t.replace("\n", "\r\n")).encode("utf-8", "surrogatepass")),
    st.binary(max_size=400),
    st.tuples(document, st.binary(max_size=8), st.integers(0, 400)).map(
        lambda t: t[0].encode()[: t[2]] + t[1] + t[0].encode()[t[2]:]),
)
meta_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), anytext, st.binary(max_size=8),
              st.dates(), st.datetimes(), st.just(float("nan"))),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(anytext, inner, max_size=3)),
    max_leaves=8,
)
meta = st.dictionaries(st.one_of(st.sampled_from(["title", "permalink", "date", "third_nav_title"]), anytext),
                       meta_value, max_size=5)

# --- helpers ------------------------------------------------------------------------------


def line_count(data: bytes) -> int:
    return data.count(b"\n") + data.count(b"\r") + 1


def assert_ingest_error(exc: IngestError, rel: str, data: bytes, need_line: bool = True) -> None:
    """The error names the file and, where asked, a line inside it."""
    assert exc.path == rel
    assert exc.reason
    if need_line or exc.line is not None:
        assert exc.line is not None and 1 <= exc.line <= line_count(data), (exc.line, exc)


# --- read: bytes → Document ---------------------------------------------------------------


@FUZZ
@given(encoded)
@example(b"---\ntitle: x\n---\n")
@example(b"---\ndate: 2024-02-30\n---\nbody\n")
@example(b"---\ndate: 0000-01-01\n---\n")
@example(b'---\ntitle: "\\ud800"\n---\n')
@example(b"---\n- a\n- b\n---\n")
@example(b"---\na: &a [*a]\n---\n")
@example(b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\nbody")
@example(b"---\na: b\nx: 1\n---\n\nx")
def test_parse_document_raises_only_ingest_error(data):
    """Bytes → Document, or IngestError naming the file and a line within it."""
    try:
        doc = parse_document(REL, data)
    except IngestError as exc:
        assert_ingest_error(exc, REL, data)
        return
    assert isinstance(doc.meta, dict) and isinstance(doc.body, str)
    raw = data.decode("utf-8-sig") if doc.encoding == "utf-8" else data.removeprefix(b"\xef\xbb\xbf").decode("cp1252")
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    assert text.endswith(doc.body)
    # the body's line number is where the body really starts
    assert doc.body_line == text[: len(text) - len(doc.body)].count("\n")
    _strings_encode(doc.meta)


def _strings_encode(value) -> None:
    """Every string of the front matter can be written to RDF (no lone surrogates)."""
    if isinstance(value, str):
        value.encode("utf-8")
    elif isinstance(value, dict):
        for k, v in value.items():
            _strings_encode(k)
            _strings_encode(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _strings_encode(v)


@pytest.mark.parametrize("depth", [1, 5, 25])
def test_exploding_yaml_aliases_are_an_ingest_error(depth):
    """'Billion laughs': each alias doubles the last; aliases are refused at the line of the first one."""
    laughs = "a: &a [x, x]\n" + "".join(f"a{i + 1}: &a{i + 1} [*a{i or ''}, *a{i or ''}]\n" for i in range(depth))
    with pytest.raises(IngestError) as info:
        parse_document(REL, f"---\ntitle: t\n{laughs}---\n".encode())
    assert "aliases" in info.value.reason and info.value.line == 4


@pytest.mark.parametrize("opener", ["[", "{", "- ", "a:\n  ", "? ", "- [", "{a: "])
def test_deeply_nested_yaml_is_read_or_an_ingest_error(opener):
    """Nesting thousands deep is refused (PyYAML recurses), never a crash."""
    nested = opener * 5000
    try:
        parse_document(REL, f"---\nx: {nested}\n---\n".encode())
    except IngestError as exc:
        assert exc.path == REL and exc.line


# --- markdown: body → blocks --------------------------------------------------------------


@FUZZ
@given(st.one_of(body, anytext, st.text(st.sampled_from("|*_[]()<>!#:- \n\\`"), max_size=300)),
       st.integers(0, 50))
def test_parse_blocks_never_raises(text, first_line):
    """Any body parses into blocks whose lines lie inside the body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = parse_blocks(text, first_line)
    last = first_line + text.count("\n") + 1
    for block in blocks:
        assert first_line + 1 <= block.line <= last
        assert isinstance(block.text, str)
        for row in block.rows:
            assert first_line + 1 <= row.line <= last
            for c in row.cells:
                assert isinstance(c.text, str) and isinstance(c.all_bold, bool)


@pytest.mark.parametrize("piece", ["|", "*a", "_", "[", "](", "<br>", "a ", "**", "\\|", "`", "<", "| x "])
def test_very_long_lines(piece):
    """A line of 30,000 characters, in a table cell and as a paragraph, parses.

    (markdown-it is linear but slow on some runs, e.g. 23 µs per ``[``: see docs/reliability.md.)
    """
    long = piece * (30_000 // len(piece))
    blocks = parse_blocks("\n".join(["|**Moderator**| |", f"| {long} | *x* |", "", long]))
    assert [b.kind for b in blocks][0] == "table"


# --- the SICW reader: Document → Parsed ---------------------------------------------------


@FUZZ
@given(meta, body, st.sampled_from([REL, SPEAKER_REL, "x.md", "2024-10-15/x.md"]), st.integers(0, 10))
def test_sicw_read_never_raises(meta_, text, rel, body_line):
    """Any front matter mapping and any body read as a session, a speaker page, or a note."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = Document(path=rel, sha256="0" * 64, meta=meta_, body=text, body_line=body_line)
    parsed = sicw.read(doc)
    assert len(parsed.sessions) + len(parsed.speakers) <= 1
    for session in parsed.sessions:
        assert type(session.date) is date
        for row in session.rows:
            assert row.printed_name and row.line > body_line
    for note in parsed.notes:
        assert note.path == rel and note.message


# --- the whole pipeline: bytes → quads → store -------------------------------------------


@FUZZ
@given(encoded, st.sampled_from([REL, SPEAKER_REL, "x.md"]))
@example(b"---\ndate: 2024-10-15 10:00:00\n---\n|**Moderator**| |\n|[Dr X](/speakers/x/)|*T*<br>O<br>Singapore|",
         REL)
@example(b'---\ntitle: "\\x00\\x1f\\u2028"\ndate: 2024-10-15\n---\n', REL)
def test_pipeline_raises_only_ingest_error(data, rel):
    """Bytes → normalized records → quads that a store accepts (twice: insert, then replace)."""
    try:
        parsed = loader.pipeline(rel, data, SITE)
    except IngestError as exc:
        assert_ingest_error(exc, rel, data)
        return
    graph, quads = readers.to_quads(parsed, SITE.series)
    quads += loader.note_quads(graph, parsed.notes)
    for session in parsed.sessions:
        assert type(session.date) is date
    store = open_store(None)
    store.replace({graph: quads})
    store.replace({graph: quads})
    assert store.count() == len(set(quads))


@FUZZ
@given(encoded)
@example(b'---\ntitle: "\\x01\\u009b"\ndate: 2024-10-15\n---\n|**Moderator**| |\n|[Dr \x07X\x1b](/speakers/x/)|*T\x0c*<br>O|')
def test_no_literal_written_holds_a_character_xml_cannot(data):
    """Whatever the bytes, raw or as YAML escapes, the quads the loader writes hold no XML-illegal character."""
    from graph.text import ILLEGAL

    try:
        parsed = loader.pipeline(REL, data, SITE)
    except IngestError:
        return
    graph, quads = readers.to_quads(parsed, SITE.series)
    quads = loader._cleaned(graph, quads, parsed) + loader.note_quads(graph, parsed.notes)
    assert not [q for q in quads if isinstance(q.object, ox.Literal) and ILLEGAL.search(q.object.value)]


# --- times, names, roles, countries: strings → values ------------------------------------

timey = st.one_of(anytext, st.lists(st.one_of(st.sampled_from(WORDS), st.integers(0, 99).map(str),
                                              st.sampled_from(list(".:-–— apmAPMGMTUTC+−noon"))),
                                    max_size=10).map("".join))


@FUZZ
@given(timey, st.dates())
def test_times_never_raise(text, day):
    """Date, zone and time-range readers return values or ``None``."""
    d = times.parse_date(text)
    assert d is None or type(d) is date
    zone = times.parse_zone(text)
    start, end = times.parse_time_range(text)
    for t in (start, end):
        assert t is None or isinstance(t, time)
    if zone and start:
        assert start.tzinfo == zone
    combined = times.combine(day, start)
    assert combined is None or isinstance(combined, datetime)


@FUZZ
@given(st.one_of(anytext, st.lists(st.sampled_from(names.HONORIFICS + sorted(names.POST_NOMINALS) + WORDS + [" ", ","]),
                                   max_size=8).map(" ".join)))
def test_names_never_raise(text):
    """Names split into honorific, name and post-nominals; keys are slugs."""
    name = names.split_name(text)
    assert isinstance(name, Name) and isinstance(name.name, str)
    for key in (names.name_key(text), names.slug_key(text), names.slug_key("/speakers/" + text + "/")):
        assert key == "" or all(c.isascii() and (c.isalnum() or c == "-") for c in key)


@FUZZ
@given(st.one_of(anytext, st.lists(st.sampled_from(WORDS + ["<br>", "<", ">", " "]), max_size=6).map("".join)))
def test_roles_never_raise(text):
    """A role heading maps to one of our roles, or to ``None``."""
    assert roles.role_of(text) in (*roles.ROLES, None)
    assert isinstance(roles.is_role_heading(text), bool)


@FUZZ
@given(st.one_of(anytext, st.none(), st.lists(st.sampled_from(WORDS + [",", " ", "The "]), max_size=5).map("".join)))
def test_countries_never_raise(text):
    """Country lookups return a known country or ``None``."""
    table = default_countries()
    hit = table.lookup(text)
    assert hit is None or (isinstance(hit, Country) and hit.code in table.by_code)
    if text is not None:
        split = table.split_trailing(text)
        assert split is None or (isinstance(split[0], str) and split[1].code in table.by_code)


def test_lone_surrogate_title_is_an_ingest_error():
    """A YAML escape for half a UTF-16 pair cannot reach RDF: the file is reported."""
    with pytest.raises(IngestError) as info:
        loader.pipeline(REL, b'---\ntitle: "\\ud800"\ndate: 2024-10-15\n---\n', SITE)
    assert info.value.path == REL and info.value.line == 2


def test_impossible_date_in_front_matter_is_an_ingest_error():
    """``date: 2024-02-30`` looks like a YAML timestamp but is no date: the file is reported at its line."""
    with pytest.raises(IngestError) as info:
        parse_document(REL, b"---\ntitle: x\ndate: 2024-02-30\n---\nbody\n")
    assert info.value.line == 3 and "2024-02-30" in info.value.reason


def test_datetime_in_front_matter_gives_a_date():
    """``date: 2024-10-15 10:00:00`` is a YAML datetime; the session's date is still an xsd:date."""
    doc = parse_document(REL, b"---\ndate: 2024-10-15 10:00:00\n---\n")
    parsed = sicw.read(doc)
    assert parsed.sessions[0].date == date(2024, 10, 15) and type(parsed.sessions[0].date) is date


def test_body_line_when_body_text_also_in_front_matter():
    """The body's first line is found by position, not by searching for its text."""
    doc = parse_document(REL, b"---\na: b\nx: 1\n---\n\nx")
    assert doc.body_line == 4
    assert parse_blocks(doc.body, doc.body_line)[0].line == 6


def test_quads_are_valid_rdf_terms():
    """A smoke check that the helper store accepts literal control characters (they are legal in RDF)."""
    q = ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("\x00\x1f\u2028"),
                ox.NamedNode("http://e/g"))
    store = open_store(None)
    store.replace({"http://e/g": [q]})
    store.replace({"http://e/g": [q]})
    assert list(store.quads())[0].object.value == "\x00\x1f\u2028"
