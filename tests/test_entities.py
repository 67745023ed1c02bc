"""HTML character references in made-up pages are decoded at ingest: titles, names, positions, roles."""

from __future__ import annotations

import pytest
from conftest import ingested

from graph.results import table
from ingest.profile import Settings
from ingest.read import parse_document
from ingest.records import Parsed, Position, Row, SessionPage, SpeakerPage
from ingest.tidy import tidy

TALK = """---
title: "path('/u/&lt;name&gt;/') &mdash; views &amp; URLs"
start: 2031-05-01T10:00:00+02:00
speakers: [jane-doe]
---
Tags like &lt;b&gt; stay as written in the abstract.
"""
PRESENTER = """---
name: "Jane O&#39;Doe"
role: "President &amp; CEO"
company: "Ponies &amp; Co"
---
"""
QUERY = """SELECT ?what ?text WHERE {
  { ?s a <https://w3id.org/speakergraph/vocab#Session> ; <https://schema.org/name> ?text BIND("title" AS ?what) }
  UNION { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?text BIND("name" AS ?what) }
  UNION { ?x <https://w3id.org/speakergraph/vocab#title> ?text BIND("job" AS ?what) }
  UNION { ?o a <http://www.w3.org/ns/org#Organization> ; <https://schema.org/name> ?text BIND("org" AS ?what) }
} ORDER BY ?what ?text"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("pages") / "ponycon-2031"
    for folder in ("talks", "presenters"):
        (root / folder).mkdir(parents=True)
    (root / "speakergraph.toml").write_text('[site]\nreader = "frontmatter"\n')
    (root / "talks" / "views.md").write_text(TALK)
    (root / "presenters" / "jane-doe.md").write_text(PRESENTER)
    return ingested(root, series="ponycon")


def texts(store, what):
    return [text for kind, text in table(store.query(QUERY)).values() if kind == what]


def test_a_session_title_is_decoded(store):
    assert texts(store, "title") == ["path('/u/<name>/') — views & URLs"]


def test_speaker_page_names_titles_and_organisations_are_decoded(store):
    assert texts(store, "name") == ["Jane O'Doe"]
    assert "President & CEO" in texts(store, "job")
    assert "Ponies & Co" in texts(store, "org")


def test_no_reference_is_left_anywhere_but_in_the_abstract(store):
    sparql = "SELECT ?p ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o) && REGEX(STR(?o), '&[a-z#0-9]+;')) }"
    leftover = table(store.query(sparql))
    assert {p for p, _ in leftover.values()} <= {"https://schema.org/description", "https://schema.org/abstract"}


def test_every_printed_text_of_a_parsed_file_is_decoded_and_judged_after():
    row = Row(3, "Chair &amp; Host", "Bo Chen", None, [Position("Head of R&amp;D", "AT&T &mdash; Labs")],
              "C&ocirc;te d'Ivoire")
    nobody = Row(4, "Speakers", "Q&amp;A", None)
    page = SpeakerPage("p.md", 1, None, "Ana &Aacute;lvarez", positions=[Position(None, "Ponies &#x26; Co")])
    session = SessionPage("s.md", "Q&amp;A", None, None, rows=[row, nobody], room="Hall A &amp; B")
    parsed = Parsed(parse_document("s.md", b""), "test", [session], [page])
    tidy(parsed, Settings())
    assert (parsed.sessions[0].title, parsed.sessions[0].room) == ("Q&A", "Hall A & B")
    assert (row.role_label, row.positions[0].title, row.positions[0].organisation, row.country_label) == (
        "Chair & Host", "Head of R&D", "AT&T — Labs", "Côte d'Ivoire")
    assert parsed.sessions[0].rows == [row]  # "Q&A" once decoded is nobody in particular: dropped
    assert (page.printed_name, page.positions[0].organisation) == ("Ana Álvarez", "Ponies & Co")
