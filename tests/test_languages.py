"""Sites printed in other languages than English: dates, times, role words, honorifics and countries in German
and French, and a profile's own role words (made-up pages)."""

from __future__ import annotations

from pathlib import Path

from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document

PROGRAMM = """---
title: Programm – Energietag 2036
---
# Programm

## Mittwoch, 12. März 2036

### 9.30–10.00 Uhr | Begrüßung

Grußwort: Dr. Anna Vollmer, Oberbürgermeisterin, Stadt Mittelfeld

### 10.00–11.30 Uhr | Podiumsdiskussion: Wärme in der Kleinstadt

Moderation: Jörg Pfeifer, Redakteur, Mittelfelder Rundschau

Referent:innen:

- Prof. Dr. Sibylle Hartkopf, Lehrstuhl für Energiesysteme, Hochschule Auenland
- Dipl.-Ing. Mehmet Kara, Geschäftsführer, Stadtwerke Grünbach GmbH
- Frau Katrin Berg, Abteilungsleiterin, Ministerium für Umwelt und Energie, Österreich

## Donnerstag, 13. März 2036

### 14h00 – 15h30 | Atelier : la chaleur en ville

Modératrice : Mme Claire Dubois, Journaliste, Le Quotidien, France

Gastgeber: Lars Holm, Direktor, Nordwärme AB
"""
PROFILE = """[site]
series = "energietag"
timezone = "Europe/Berlin"
roles = { "gastgeber" = "moderator" }

[[parts]]
files = "programm.md"
reader = "programme"
"""


def read(tmp_path: Path):
    (tmp_path / "programm.md").write_text(PROGRAMM, encoding="utf-8")
    (tmp_path / "speakergraph.toml").write_text(PROFILE, encoding="utf-8")
    site = site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")
    return readers.read(read_document(tmp_path, tmp_path / "programm.md"), site)


def test_a_german_and_french_programme(tmp_path):
    parsed = read(tmp_path)
    assert [(s.title, s.start.isoformat(), s.end.isoformat()) for s in parsed.sessions] == [
        ("Begrüßung", "2036-03-12T09:30:00+01:00", "2036-03-12T10:00:00+01:00"),
        ("Podiumsdiskussion: Wärme in der Kleinstadt", "2036-03-12T10:00:00+01:00", "2036-03-12T11:30:00+01:00"),
        ("Atelier : la chaleur en ville", "2036-03-13T14:00:00+01:00", "2036-03-13T15:30:00+01:00")]
    rows = [(r.role, r.name.honorific, r.name.name, [(p.title, p.organisation) for p in r.positions], r.country_code)
            for s in parsed.sessions for r in s.rows]
    assert rows == [
        ("remarks", "Dr.", "Anna Vollmer", [("Oberbürgermeisterin", "Stadt Mittelfeld")], None),
        ("moderator", None, "Jörg Pfeifer", [("Redakteur", "Mittelfelder Rundschau")], None),
        # the speakers ("Referent:innen") of a panel discussion ("Podiumsdiskussion") are its panellists
        ("panellist", "Prof. Dr.", "Sibylle Hartkopf", [("Lehrstuhl für Energiesysteme", "Hochschule Auenland")], None),
        ("panellist", "Dipl.-Ing.", "Mehmet Kara", [("Geschäftsführer", "Stadtwerke Grünbach GmbH")], None),
        ("panellist", "Frau", "Katrin Berg", [("Abteilungsleiterin", "Ministerium für Umwelt und Energie")], "AT"),
        ("moderator", "Mme", "Claire Dubois", [("Journaliste", "Le Quotidien")], "FR"),
        ("moderator", None, "Lars Holm", [("Direktor", "Nordwärme AB")], None),  # the profile's own role word
    ]


def test_german_and_french_organisations_and_job_titles_after_a_name():
    from ingest.person_pattern import FREE_TEXT, brief, split_person

    got = [brief(split_person(t, reading=FREE_TEXT)) for t in (
        "Staatssekretärin Maria Vogel, Bundesministerium des Innern und für Heimat (BMI)",
        "Herr Prof. Dr. Klaus Weber, Technische Universität Berlin (TU Berlin), Allemagne",
        "Herr Thomas Klein, Vorstandsvorsitzender",
        "M. Jean Dupont, directeur général",
        "Chan Cheow Hoe, Government CIO, Singapore")]
    assert got == [
        ("Staatssekretärin Maria Vogel", [(None, "Bundesministerium des Innern und für Heimat (BMI)")]),
        ("Herr Prof. Dr. Klaus Weber", [(None, "Technische Universität Berlin (TU Berlin), Allemagne")]),
        ("Herr Thomas Klein", [("Vorstandsvorsitzender", None)]),
        ("M. Jean Dupont", [("directeur général", None)]),
        ("Chan Cheow Hoe", [("Government CIO", "Singapore")])]


def test_french_state_offices_bodies_and_inverted_country_names_give_the_country():
    from ingest.countries import default_countries
    from ingest.normalize import country_in_org, trailing_country
    from ingest.records import Position

    c = default_countries()
    assert [country_in_org([Position(title=t)], c) for t in (
        "Ambassadeur des Émirats arabes unis au Valmont", "Représentante permanente de la France auprès de l'OSCE",
        "Ambassadrice d'Allemagne")] == ["Émirats arabes unis", "France", "Allemagne"]
    assert country_in_org([Position(organisation="Mission permanente du Japon auprès des Nations unies")], c) == "Japon"
    ps = [Position(title="Directeur général", organisation="Ministère des Affaires étrangères, République de Corée")]
    assert (trailing_country(ps, c), ps[0].organisation) == ("République de Corée", "Ministère des Affaires étrangères")
    assert c.lookup("République de Corée", fuzzy=False).code == c.lookup("Republik Korea", fuzzy=False).code == "KR"
