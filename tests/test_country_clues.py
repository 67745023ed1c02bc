"""Countries read from what a page prints about a person besides a country name, on made-up people: a demonym in a
country field ("Kenyan"), a national adjective opening a state body's name ("Danish Maritime Authority"), an EU
institution ("European Commission"), a country printed as the organisation ("Minister, Ghana"), and a country
ending each of two positions."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from ingest import readers
from ingest.countries import DATA, default_countries
from ingest.loader import site_for
from ingest.normalize import normalize
from ingest.read import read_document
from ingest.records import Document, Parsed, Position, Row, SessionPage


def _normalized(*rows: Row, speaker_country: bool = True) -> tuple[list[Row], list[str]]:
    """The rows of one made-up session after normalize, and the notes' kinds."""
    session = SessionPage("panel.md", "Harbour Panel", None, date(2031, 5, 14), rows=list(rows))
    parsed = normalize(Parsed(Document("panel.md", "", {}, "", 0), "programme", sessions=[session]), "x", "X")
    return parsed.sessions[0].rows, [n.kind for n in parsed.notes]


def _row(n: int, name: str, *positions: tuple[str | None, str | None], country: str | None = None) -> Row:
    return Row(n, "Panellist", name, None, [Position(t, o) for t, o in positions], country_label=country)


def test_a_demonym_in_a_country_field_is_its_country():
    demonyms = ["Kenyan", "Dutch", "Spanish", "Irish", "Emirati", "Indian", "Singaporean", "Latvian", "Italian",
                "German", "American"]
    rows, _ = _normalized(*[_row(n, f"Ann Example{n}", ("Analyst", "Harbour Lab"), country=d)
                            for n, d in enumerate(demonyms, 1)])
    assert [r.country_code for r in rows] == ["KE", "NL", "ES", "IE", "AE", "IN", "SG", "LV", "IT", "DE", "US"]
    # exact aliases, not near misses of the country's name
    assert {d: default_countries().lookup(d, fuzzy=False).code for d in ("Latvian", "Italian", "German")} == {
        "Latvian": "LV", "Italian": "IT", "German": "DE"}


def test_a_demonym_of_several_countries_is_none_and_said_so():
    """No demonym, name or alias belongs to two codes; one naming several countries (or the end of another's,
    "Guinean" of "Equatorial Guinean") is left out, and is no near miss of a name either; words of positions are
    no countries."""
    ambiguous = ["Guinean", "Congolese", "Dominican", "Korean", "Sudanese"]
    rows, notes = _normalized(*[_row(n, f"Bo Example{n}", ("Analyst", "Harbour Lab"), country=d)
                                for n, d in enumerate(ambiguous, 1)])
    assert [r.country_code for r in rows] == [None] * 5
    assert notes.count("unknown-country") == 5
    owner: dict[str, set[str]] = {}
    with open(DATA, newline="", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            for text in [rec["name"], *filter(None, rec["aliases"].split("|"))]:
                owner.setdefault(" ".join(text.casefold().split()), set()).add(rec["code"])
    assert {k: v for k, v in owner.items() if len(v) > 1} == {}
    words = ["Director", "Minister", "Ministry", "National", "Federal", "Agency", "Authority", "Government",
             "Speaker", "Panellist", "Keynote", "Chair", "English", "Professor", "Office", "Company", "University"]
    assert [w for w in words if default_countries().lookup(w)] == []


def test_a_national_adjective_opening_a_state_body_names_its_country():
    orgs = ["Latvian National Armed Forces", "Swedish Coast Guard", "Estonian Information System Authority (RIA)",
            "Danish Maritime Authority", "Austrian Energy Agency",
            # a company or a university is no state body: no clue
            "Swedish Timber Group AB", "German Loan Bank Corp", "Irish Coastal University"]
    rows, _ = _normalized(*[_row(n, f"Cy Example{n}", ("Head of Unit", org)) for n, org in enumerate(orgs, 1)])
    assert [r.country_code for r in rows] == ["LV", "SE", "EE", "DK", "AT", None, None, None]
    assert [r.positions[0].organisation for r in rows] == orgs  # the organisation is left as printed


def test_the_eus_institutions_and_agencies_give_eu():
    orgs = ["European Commission (DG CONNECT)", "European External Action Service", "ENISA",
            "European Union Agency for Cybersecurity", "DG MOVE, European Commission",
            "Delegation of the European Union to Japan", "European Union",
            # other international bodies are organisations, not countries
            "World Bank", "NATO", "African Union Commission"]
    rows, _ = _normalized(*[_row(n, f"Di Example{n}", ("Policy Officer", org)) for n, org in enumerate(orgs, 1)])
    assert [r.country_code for r in rows] == ["EU"] * 7 + [None] * 3
    assert [r.positions[0].organisation for r in rows] == orgs
    # a later position at an EU agency is a side role, not whom the person speaks for
    rows, _ = _normalized(_row(1, "Eli Example", ("Senior Fellow", "Centre for Harbour Studies"), ("Adviser", "ENISA")))
    assert rows[0].country_code is None


def test_a_country_printed_as_the_organisation_is_the_country_and_no_organisation():
    rows, _ = _normalized(_row(1, "Ed Example", ("Special Envoy for Digital Affairs", "Brazil")),
                          _row(2, "Fay Example", ("Minister for Digital Economy", "Ghana")),
                          _row(3, "Gus Example", (None, "(Norway)")),
                          _row(4, "Hal Example", ("Senior Economist", "World Bank")))
    assert [([(p.title, p.organisation) for p in r.positions], r.country_code) for r in rows] == [
        ([("Special Envoy for Digital Affairs", None)], "BR"),
        ([("Minister for Digital Economy", None)], "GH"),
        ([], "NO"),  # the bracket was all the position printed
        ([("Senior Economist", "World Bank")], None)]


def test_a_country_ending_each_of_two_positions_is_taken_out_of_both():
    rows, _ = _normalized(
        _row(1, "Ivy Example", ("Director-General", "National Cyber Authority, Jordan"), ("Vice-Chair", "Gulf CERT Forum")),
        _row(2, "Jon Example", ("Professor", "Fjord University, Norway"), ("Fellow", "Andes Institute (Chile)")))
    assert [([(p.title, p.organisation) for p in r.positions], r.country_code) for r in rows] == [
        ([("Director-General", "National Cyber Authority"), ("Vice-Chair", "Gulf CERT Forum")], "JO"),
        ([("Professor", "Fjord University"), ("Fellow", "Andes Institute")], "NO")]  # the first found


PAGE = """---
title: Harbour Resilience Roundtable
date: 2031-05-14 10:00:00 +0200
---
**Speakers**

- Ambassador Tiago Moreira — Special Envoy for Digital Affairs, Brazil
- H.E. Ms Abena Owusu, Minister for Digital Economy, Ghana
- Ms. Lina Darwish, Director-General, National Cyber Authority, Jordan; Vice-Chair, Gulf CERT Forum
- Col. Ieva Ozola, Commander, Cyber Unit, Latvian National Armed Forces
- Mr Jonas Berg, Policy Officer, European Commission (DG CONNECT)
- Ms Sara Lindqvist, Head of Legal, Swedish Timber Group AB
"""


def test_a_markdown_page_of_such_people(tmp_path: Path):
    (tmp_path / "roundtable.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "speakergraph.toml").write_text(
        '[[parts]]\nfiles = "*.md"\nreader = "frontmatter"\nbody_people = true\nsessions = "*.md"\n')
    site = site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")
    rows = readers.read(read_document(tmp_path, tmp_path / "roundtable.md"), site).sessions[0].rows
    assert [(r.name.name, [(p.title, p.organisation) for p in r.positions], r.country_code) for r in rows] == [
        ("Tiago Moreira", [("Special Envoy for Digital Affairs", None)], "BR"),
        ("Abena Owusu", [("Minister for Digital Economy", None)], "GH"),
        ("Lina Darwish", [("Director-General", "National Cyber Authority"), ("Vice-Chair", "Gulf CERT Forum")], "JO"),
        ("Ieva Ozola", [("Commander", "Cyber Unit, Latvian National Armed Forces")], "LV"),
        ("Jonas Berg", [("Policy Officer", "European Commission (DG CONNECT)")], "EU"),
        ("Sara Lindqvist", [("Head of Legal", "Swedish Timber Group AB")], None)]
