"""More countries read from what a page prints besides a country name, on made-up people: the EU's institutions
printed in another language ("Commission européenne"), a state office printed where the organisation goes (a data
file's "affiliation: Ambassador of Nigeria to Austria"), no "no organisation printed" note when the organisation
field printed a country, and a country in another language in brackets after an organisation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from data import make_countries
from ingest import readers
from ingest.countries import default_countries
from ingest.loader import site_for
from ingest.normalize import normalize
from ingest.read import read_document
from ingest.records import Document, Parsed, Position, Row, SessionPage


def _normalized(*rows: Row) -> tuple[list[Row], list[tuple[str, str]]]:
    """The rows of one made-up session after normalize, and its notes as (kind, message)."""
    session = SessionPage("panel.md", "Tidewater Panel", None, date(2032, 3, 9), rows=list(rows))
    parsed = normalize(Parsed(Document("panel.md", "", {}, "", 0), "programme", sessions=[session]), "x", "X")
    return parsed.sessions[0].rows, [(n.kind, n.message) for n in parsed.notes]


def _row(n: int, name: str, title: str | None, org: str | None, country: str | None = None) -> Row:
    return Row(n, "Panellist", name, None, [Position(title, org)], country_label=country)


def _positions(row: Row) -> list[tuple[str | None, str | None]]:
    return [(p.title, p.organisation) for p in row.positions]


def test_the_eus_institutions_in_other_languages_give_eu():
    orgs = ["DG CONNECT, Commission européenne", "Parlement européen", "Europäische Kommission",
            "Europäisches Parlament", "Comisión Europea", "Commissione europea",
            "Service européen pour l'action extérieure", "Agence de l'Union européenne pour la cybersécurité (ENISA)",
            "Referat B2 – Europese Commissie", "Délégation de l'Union européenne au Japon",
            # an unlisted wording is known by its acronym in brackets
            "Agencia de la UE para la Ciberseguridad (ENISA)",
            # not the EU: a national body, the Council of Europe, a university
            "Commission nationale des données", "Conseil de l'Europe", "Europa-Universität Nordhafen"]
    rows, _ = _normalized(*[_row(n, f"Ana Exemplo{n}", "Chargée de mission", org) for n, org in enumerate(orgs, 1)])
    assert [r.country_code for r in rows] == ["EU"] * 11 + [None] * 3
    assert [r.positions[0].organisation for r in rows] == orgs  # the organisation is left as printed


def test_every_listed_eu_name_is_a_body_of_the_eu_and_its_own_name_a_country_label():
    """Each name of the generator's table reaches data/countries.csv (it was regenerated), and the EU's own name in
    each language of the table is read where a country is printed."""
    c = default_countries()
    names = [n for names in make_countries.EU_NAMES.values() for n in names if n] + make_countries.EU_SHORT
    assert [n for n in names if c.body(n) is None or c.body(n).code != "EU"] == []
    assert all(len(v) == len(make_countries.LANGUAGES) for v in make_countries.EU_NAMES.values())
    rows, _ = _normalized(_row(1, "Ola Eksempel", "Rådgiver", "Tidevannsinstituttet", country="Den europeiske union"),
                          _row(2, "Eva Beispiel", "Referentin", "Hafenwerk", country="Europäische Union"))
    assert [r.country_code for r in rows] == ["EU", "EU"]


def test_a_state_office_printed_as_the_organisation_gives_the_sending_state(tmp_path: Path):
    """A data file whose ``affiliation`` holds an office: the sending state is the country and the office, with no
    title beside it, is the title; an organisation that only starts like an office stays one."""
    people = [{"name": "Farah Exampleton", "affiliation": "Ambassador of the United Arab Emirates to Austria"},
              {"name": "Chidi Sampleman", "affiliation": "Permanent Representative of Nigeria to the United Nations"},
              {"name": "Elin Provsdotter", "affiliation": "Ambassadrice de Suède au Portugal"},
              {"name": "Rui Modelo", "job": "Counsellor", "affiliation": "Ambassador of Kenya to Japan"},
              {"name": "Tom Placeholder", "affiliation": "Ambassador Club of Tidewater"}]
    (tmp_path / "talks.json").write_text(json.dumps({"talks": [{"title": "Quiet Harbours", "date": "2032-03-09",
                                                                 "speakers": people}]}), encoding="utf-8")
    (tmp_path / "speakergraph.toml").write_text(
        '[[parts]]\nfiles = "talks.json"\nreader = "records"\nrecords = "talks"\npersons = "speakers"\n'
        'person = { name = "name", title = "job", organisation = "affiliation" }\n', encoding="utf-8")
    site = site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")
    parsed = readers.read(read_document(tmp_path, tmp_path / "talks.json"), site)
    assert [(r.name.name, _positions(r), r.country_code) for r in parsed.sessions[0].rows] == [
        ("Farah Exampleton", [("Ambassador of the United Arab Emirates to Austria", None)], "AE"),
        ("Chidi Sampleman", [("Permanent Representative of Nigeria to the United Nations", None)], "NG"),
        ("Elin Provsdotter", [("Ambassadrice de Suède au Portugal", None)], "SE"),
        ("Rui Modelo", [("Counsellor", "Ambassador of Kenya to Japan")], "KE"),
        ("Tom Placeholder", [(None, "Ambassador Club of Tidewater")], None)]
    # the organisation field printed whom they speak for: no "no organisation printed"
    assert [n.message for n in parsed.notes if n.kind == "no-organisation"] == []


def test_no_organisation_note_only_when_none_was_printed():
    rows, notes = _normalized(_row(1, "Kofi Sample", "Minister for Digital Economy", "Ghana"),
                              _row(2, "Lea Muster", None, "(Norway)"),
                              _row(3, "Ivo Primjer", "Minister of Ports", "Ministry of Ports, Croatia"),
                              _row(4, "Una Exemplar", "Independent Analyst", None))
    assert [(_positions(r), r.country_code) for r in rows] == [
        ([("Minister for Digital Economy", None)], "GH"), ([], "NO"),
        ([("Minister of Ports", "Ministry of Ports")], "HR"), ([("Independent Analyst", None)], None)]
    assert [m for kind, m in notes if kind == "no-organisation"] == ["Una Exemplar: no organisation printed"]


def test_a_bracketed_country_in_another_language_is_the_country_even_after_an_eu_body():
    """The member of the European Parliament printed with their country is from that country; the institution alone
    is the EU."""
    orgs = ["Parlement européen (Finlande)", "ministère de l'Intérieur (France)",
            "Bundesministerium des Innern (Deutschland)", "Europäisches Parlament (Schweden)",
            "Ministerio del Interior (España)", "Parlement européen"]
    rows, notes = _normalized(*[_row(n, f"Jon Exemple{n}", "Député", org) for n, org in enumerate(orgs, 1)])
    assert [(r.positions[0].organisation, r.country_code) for r in rows] == [
        ("Parlement européen", "FI"), ("ministère de l'Intérieur", "FR"), ("Bundesministerium des Innern", "DE"),
        ("Europäisches Parlament", "SE"), ("Ministerio del Interior", "ES"), ("Parlement européen", "EU")]
    assert notes == []
