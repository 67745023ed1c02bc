"""People lines, session 13 (second round): a part that opens with an organisation's noun is no job ("Universidad
Técnica …"), state bodies and offices in Spanish, Portuguese and Italian give their country, an abbreviated
organisation and a country in brackets ("Univ. of …, Estonia"), a spaced dash between the title's side and the
organisation's, a programme on a field joins the title, a capital after an organisation is its place, and an
international body printed first with its unit. A unit before its organisation stays with it ("Unit, Parent":
``ingest.identity.split_parent``). Made-up names, organisations and pages."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from conftest import write_files as write
from data import make_capitals
from ingest import readers
from ingest.countries import CAPITALS, capital_of
from ingest.loader import site_for
from ingest.normalize import normalize
from ingest.person_pattern import FREE_TEXT, brief, split_affiliation, split_person, split_position
from ingest.read import read_document
from ingest.records import Document, Parsed, Position, Row, SessionPage


def pairs(positions):
    return [(p.title, p.organisation) for p in positions]


def both(printed: str):
    """The positions of "Name, <printed>" read as a programme line and as a data file's field."""
    free = brief(split_person(f"Dra. Inés Varela, {printed}", reading=FREE_TEXT))
    declared = brief(split_person(f"Dra. Inés Varela, {printed}"))
    assert free == declared, (free, declared)
    return free[1]


def normalized(*positions: Position, country: str | None = None) -> list[tuple[list, str | None]]:
    """Each made-up position as one row of a session after normalize: (its positions, its country code)."""
    rows = [Row(n, "Panellist", f"Ana Exemplo{n}", None, [pos], country_label=country)
            for n, pos in enumerate(positions, 1)]
    session = SessionPage("panel.md", "Tidewater Panel", None, date(2032, 3, 9), rows=rows)
    parsed = normalize(Parsed(Document("panel.md", "", {}, "", 0), "programme", sessions=[session]), "x", "X")
    return [(pairs(r.positions), r.country_code) for r in parsed.sessions[0].rows]


# --- G. a part that opens with an organisation's noun is an organisation, whatever job word follows ---------------

OPENS_ORG = [
    # "Técnica" is a job word ("técnica" in data/position_words.toml): not here, after "Universidad"
    ("Directora, Centro de Estudios de Mareas, Universidad Técnica Ignacio Ferrer",
     [("Directora", "Centro de Estudios de Mareas, Universidad Técnica Ignacio Ferrer")]),
    ("Investigadora, Laboratorio de Olas, Instituto Superior Técnico de Valdemar",
     [("Investigadora", "Laboratorio de Olas, Instituto Superior Técnico de Valdemar")]),
    ("Directora, Universidad Técnica Ignacio Ferrer, Chile", [("Directora", "Universidad Técnica Ignacio Ferrer, Chile")]),
    # a job after a body's noun in English is still a job: "Bank Vice President", a second job
    ("Fellow, Kestrel Labs, Bank Vice President", [("Fellow", "Kestrel Labs"), ("Bank Vice President", None)]),
]


def test_a_part_opening_with_an_organisations_noun_is_no_second_job():
    assert [both(printed) for printed, _ in OPENS_ORG] == [expected for _, expected in OPENS_ORG]


def test_an_affiliation_opening_with_an_organisations_noun_is_an_organisation():
    assert pairs(split_affiliation("Universidad Técnica Ignacio Ferrer, Chile")) == [
        (None, "Universidad Técnica Ignacio Ferrer, Chile")]
    assert pairs(split_position("Universidad Técnica Ignacio Ferrer")) == [(None, "Universidad Técnica Ignacio Ferrer")]


# --- H. state bodies and offices in Spanish, Portuguese and Italian give their country ----------------------------

STATE_FORMS = [
    (Position("Jefa de Gabinete", "Ministerio de Puertos y Mareas de Chile"), "CL"),
    (Position("Coronel", "Policía Nacional del Paraguay"), "PY"),
    (Position("Economista", "Banco Central de Reserva del Perú"), "PE"),
    (Position("Analista", "Agencia Nacional de Ciberseguridad de Chile"), "CL"),
    (Position("Assessora", "Ministério do Mar e das Pescas de Portugal"), "PT"),
    (Position("Diretor", "Ministério das Relações Exteriores do Brasil"), "BR"),
    (Position("Consigliere", "Ambasciata di Svezia in Cile"), "SE"),
    (Position("Agregado", "Embajada de los Estados Unidos de América en Chile"), "US"),
    # an ambassador's country is the sending state's, as in "Ambassador of X to Y"
    (Position("Embajadora de Letonia en Uruguay"), "LV"),
    (Position("Embaixadora da Noruega em Angola"), "NO"),
    (Position(None, "Embajador de Letonia en Uruguay"), "LV"),  # an office printed as the organisation
    # no state body: a bank, a university, a portfolio
    (Position("Gerente", "Banco de Valdemar de Chile"), None),
    (Position("Profesora", "Universidad de Valdemar"), None),
    (Position("Ministra de Ciencia"), None),
]


def test_spanish_portuguese_and_italian_state_bodies_and_offices_give_their_country():
    got = normalized(*[position for position, _ in STATE_FORMS])
    assert [code for _, code in got] == [code for _, code in STATE_FORMS]


def test_an_ambassador_printed_as_the_organisation_is_the_title():
    [(positions, code)] = normalized(Position(None, "Embajador de Letonia en Uruguay"))
    assert (positions, code) == ([("Embajador de Letonia en Uruguay", None)], "LV")


# --- B6. an abbreviated organisation, and "X, Country" in a bracket -----------------------------------------------

BRACKETS = [
    ("Dr. Maren Kask-Ilves (Univ. of Westholm, Estonia)", ("Dr. Maren Kask-Ilves", [(None, "Univ. of Westholm, Estonia")])),
    ("Dr. Maren Kask-Ilves (Natl. Inst. of Tides, Estonia)", ("Dr. Maren Kask-Ilves", [(None, "Natl. Inst. of Tides, Estonia")])),
    # any organisation that reads as no title, however it is spelt
    ("Dr. Maren Kask-Ilves (Kestrel, Estonia)", ("Dr. Maren Kask-Ilves", [(None, "Kestrel, Estonia")])),
    # a title in the bracket is one still
    ("Dr. Maren Kask-Ilves (Professor, Estonia)", ("Dr. Maren Kask-Ilves", [("Professor", "Estonia")])),
    ("Dr. Maren Kask-Ilves (Assoc. Prof., Univ. of Westholm)", ("Dr. Maren Kask-Ilves", [("Assoc. Prof.", "Univ. of Westholm")])),
]


def test_an_organisation_and_a_country_in_a_bracket_after_a_name():
    assert [brief(split_person(printed, reading=FREE_TEXT)) for printed, _ in BRACKETS] == [e for _, e in BRACKETS]


def test_an_abbreviated_organisation_keeps_its_country_out_after_normalize():
    person = split_person("Dr. Maren Kask-Ilves (Univ. of Westholm, Estonia)", reading=FREE_TEXT)
    assert normalized(*person.positions) == [([(None, "Univ. of Westholm")], "EE")]
    assert both("Univ. of Westholm, Estonia") == [(None, "Univ. of Westholm, Estonia")]
    # "Min" with no full stop is a name's word, not a ministry's
    assert brief(split_person("Ambassador Min Varela, Director, Kestrel Labs")) == (
        "Ambassador Min Varela", [("Director", "Kestrel Labs")])


# --- F4. a spaced dash between the title's side and the organisation's; F7. a programme on a field ----------------

TITLE_SIDE = [
    ("Director, Harbour Cyber Operations – National Maritime Security Agency",
     ("Director, Harbour Cyber Operations", "National Maritime Security Agency")),
    ("Director, Harbour Cyber Operations - National Maritime Security Agency, Norway",
     ("Director, Harbour Cyber Operations", "National Maritime Security Agency, Norway")),
    ("Head of Data – Kestrel Ports Group", ("Head of Data", "Kestrel Ports Group")),
    ("Senior Fellow, Programme on Tidal Technology, Institute for Harbour Futures",
     ("Senior Fellow, Programme on Tidal Technology", "Institute for Harbour Futures")),
    ("Chief, Cyber Operations, Examplian Armed Forces", ("Chief, Cyber Operations", "Examplian Armed Forces")),
    # a unit stays with its organisation (ingest.identity.split_parent), before a dash or a comma
    ("Director, Quay Cyber Unit – Ministry of Tides", ("Director", "Quay Cyber Unit – Ministry of Tides")),
    ("Commander, Harbour Cyber Command, Examplian Armed Forces",
     ("Commander", "Harbour Cyber Command, Examplian Armed Forces")),
    ("Fellow, Office for Tidal Research, Institute for Harbour Futures",
     ("Fellow", "Office for Tidal Research, Institute for Harbour Futures")),
    # a named programme, an organisation before a dash, a dash inside a title that a comma parts from its organisation
    ("Head, Kestrel Programme, Institute for Harbour Futures", ("Head", "Kestrel Programme, Institute for Harbour Futures")),
    ("CEO, Kestrel – a Westholm Group Company", ("CEO", "Kestrel – a Westholm Group Company")),
    ("Acting Director - Corporate Affairs, Kestrel Ports Group", ("Acting Director - Corporate Affairs", "Kestrel Ports Group")),
]


def test_a_dash_and_a_programme_on_a_field_are_the_titles_side():
    assert [both(printed) for printed, _ in TITLE_SIDE] == [[expected] for _, expected in TITLE_SIDE]


# --- G7. a capital after an organisation is its place; H7. an international body printed before its unit ---------

def test_a_capital_after_an_organisation_is_its_place_and_gives_its_country():
    got = normalized(Position("Director", "Centre for Tidal Sovereignty, Paris"),
                     Position("Fellow", "Kestrel Institute, Wien"),
                     Position("Fellow", "Kestrel Institute, Washington, D.C."),
                     Position("Fellow", "Centro de Mareas, Lisboa, Portugal"),
                     # not a capital, or a capital's name that other places have too: left as printed
                     Position("Fellow", "Centre for Tides, Tromsø"),
                     Position("Fellow", "Kestrel Institute, Victoria"))
    assert got == [([("Director", "Centre for Tidal Sovereignty")], "FR"),
                   ([("Fellow", "Kestrel Institute")], "AT"),
                   ([("Fellow", "Kestrel Institute")], "US"),
                   ([("Fellow", "Centro de Mareas")], "PT"),
                   ([("Fellow", "Centre for Tides, Tromsø")], None),
                   ([("Fellow", "Kestrel Institute, Victoria")], None)]


def test_a_printed_country_wins_over_a_capitals():
    assert normalized(Position("Fellow", "Kestrel Institute, Paris"), country="Canada") == [
        ([("Fellow", "Kestrel Institute")], "CA")]


def test_the_capitals_table_is_what_its_generator_writes():
    pytest.importorskip("countryinfo")  # the generation-only dependencies (the 'data' extra)
    with open(CAPITALS, newline="", encoding="utf-8") as fh:
        assert list(csv.DictReader(fh)) == make_capitals.build()
    assert (capital_of("London"), capital_of("Londres"), capital_of("Santiago")) == ("GB", "GB", None)


def test_an_international_body_printed_before_its_unit_gives_its_code():
    orgs = {"European Commission, DG MARE": "EU", "Comisión Europea, DG MARE": "EU", "DG MARE, European Commission": "EU",
            "Kestrel Group, DG Harbour": None}
    got = normalized(*[Position("Policy Officer", org) for org in orgs])
    assert got == [([("Policy Officer", org)], code) for org, code in orgs.items()]


# --- the rules together, on a programme page ------------------------------------------------------------------------

PROFILE = '[site]\nseries = "quays"\n[[parts]]\nfiles = "docs/*.md"\nreader = "programme"\ndefault_date = "2031-05-06"\n'
PAGE = """# Day 1

## 09:30–10:45 | Session 2: Tides and cables

- **Chair:** Dra. Inés Varela, Directora, Centro de Estudios de Mareas, Universidad Técnica Ignacio Ferrer
- **Speakers:**
    - Dr. Maren Kask-Ilves (Univ. of Westholm, Estonia)
    - Dr. Tomas Reyna, Senior Fellow, Programme on Tidal Technology, Institute for Harbour Futures
    - Ms Ada Fenn, Director, Centre for Tidal Sovereignty, Paris
    - Embajadora Lía Morales, Embajadora de Letonia en Uruguay
"""


def test_the_rules_on_a_programme_page(tmp_path: Path):
    write(tmp_path, {"speakergraph.toml": PROFILE, "docs/day-1.md": PAGE})
    site = site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")
    parsed = normalize(readers.read(read_document(tmp_path, tmp_path / "docs/day-1.md"), site), "quays", "Quays")
    got = [(r.name.name, pairs(r.positions), r.country_code) for r in parsed.sessions[0].rows]
    assert got == [
        ("Inés Varela", [("Directora", "Centro de Estudios de Mareas, Universidad Técnica Ignacio Ferrer")], None),
        ("Maren Kask-Ilves", [(None, "Univ. of Westholm")], "EE"),
        ("Tomas Reyna", [("Senior Fellow, Programme on Tidal Technology", "Institute for Harbour Futures")], None),
        ("Ada Fenn", [("Director", "Centre for Tidal Sovereignty")], "FR"),
        ("Lía Morales", [("Embajadora de Letonia en Uruguay", None)], "LV")]
