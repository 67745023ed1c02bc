"""Session 17 fidelity: speaker walls' tag lines ("Title – Org" with no comma, slogans, self-descriptions after bars),
a listed speaker named as moderator in a session's prose, people files with French keys, offices printed as honorifics."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.person_pattern import FREE_TEXT, split_position
from conftest import drafted_preview, write_files as write


def positions(text: str) -> list[tuple[str | None, str | None]]:
    return [(p.title, p.organisation) for p in split_position(text, reading=FREE_TEXT)]


@pytest.mark.parametrize("tagline, expected", [
    ("Red Team Lead - Saltmarsh Security", [("Red Team Lead", "Saltmarsh Security")]),
    ("Partner – Cabinet El Idrissi Avocats", [("Partner", "Cabinet El Idrissi Avocats")]),
    ("Data Protection Officer — Caisse Alpine", [("Data Protection Officer", "Caisse Alpine")]),
    ("Head of Data – Kestrel Group", [("Head of Data", "Kestrel Group")]),
    # what is no organisation stays in the title
    ("Head of Asia – Pacific", [("Head of Asia – Pacific", None)]),
    ("Director - Corporate Affairs", [("Director - Corporate Affairs", None)]),
    ("Software Developer – Speaker", [("Software Developer – Speaker", None)]),
    ("Security Engineer – Norway", [("Security Engineer – Norway", None)]),
])
def test_a_dash_parts_a_title_from_its_employer(tagline, expected):
    assert positions(tagline) == expected


@pytest.mark.parametrize("tagline", [
    "Breaking things so you don't have to.", "I build tools for people who build tools", "Let's talk!",
    "Speaker, Runner", "Mentor, Dog Lover",
])
def test_slogans_and_self_descriptions_are_no_position(tagline):
    assert positions(tagline) == []


def test_a_possessive_or_a_level_is_no_slogan():
    assert positions("Kestrel's Chief Scientist") == [("Kestrel's Chief Scientist", None)]
    assert positions("Software Engineer I, Kestrel Group") == [("Software Engineer I", "Kestrel Group")]


def test_bars_after_a_self_description_are_dropped():
    assert positions("Quant Developer | Speaker | Runner") == [("Quant Developer", None)]
    assert positions("Staff Engineer | Kestrel Works | Speaker") == [("Staff Engineer", "Kestrel Works")]


def test_a_field_between_title_and_bank_stays_with_the_title():
    assert positions("Product Manager, Open Banking, Banco Atlântico") == [
        ("Product Manager, Open Banking", "Banco Atlântico")]


PANEL = """<html><head><title>Programme 2024</title></head><body><h2>Tuesday 8 October 2024</h2>
<div class="slot"><div class="time">10:15 AM - 11:00 AM</div>
<div class="session"><h3>Who Pays When the Cloud Falls Over?</h3>
<ul class="speakers"><li><a href="#">Ingrid Solheim</a></li><li><a href="#">Lotte van der Berg</a></li>
<li><a href="#">Bo Chan</a></li></ul>
<div class="desc"><p>Concentration risk and the limits of insurance.</p><p>{prose}</p></div>
</div></div>
<div class="slot"><div class="time">11:15 AM - 12:00 PM</div>
<div class="session"><h3>Quantum-Safe Payment Rails</h3>
<ul class="speakers"><li><a href="#">Tomás Ó Briain</a></li></ul>
<div class="desc"><p>Inventory first, algorithms second.</p></div>
</div></div></body></html>"""


@pytest.mark.parametrize("prose, role", [
    ("The panel, moderated by Lotte van der Berg, asks who pays.", "moderator"),
    ("A debate chaired by Dr Lotte van der Berg.", "moderator"),
    ("Moderated by Lotte van der Berg, Editor, FinTech Weekly.", "moderator"),
    ("Lotte van der Berg wrote the report this panel discusses.", "speaker"),
])
def test_a_listed_speaker_named_by_a_role_phrase_takes_its_role(tmp_path: Path, prose, role):
    root = write(tmp_path / "site", {"2024/schedule.html": PANEL.format(prose=prose)})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    found = {(r["name"], r["session"]): r["role"] for r in seen.rows}
    assert found == {("Ingrid Solheim", "Who Pays When the Cloud Falls Over?"): "speaker",
                     ("Lotte van der Berg", "Who Pays When the Cloud Falls Over?"): role,
                     ("Bo Chan", "Who Pays When the Cloud Falls Over?"): "speaker",
                     ("Tomás Ó Briain", "Quantum-Safe Payment Rails"): "speaker"}


PROGRAMME_FR = """---
title: "Programme — Mardi 3 juin 2031"
date: "2031-06-03"
---

## 10h00 – 11h15 · Table ronde : la fraude au président

Animée par : M. Thomas Girard (Radio Kestrel)

Intervenants :
- Mme Laure Kessler-Nguyen
- Dr Raphaël Ben Saïd
- Mme Ingrid Solberg

## 11h30 – 12h15 · Keynote : la cryptographie post-quantique

Keynote : Dr Raphaël Ben Saïd

## 14h00 – 15h00 · Table ronde : les banques face aux rançongiciels

Animée par : Mme Claire Dubois (Journal de Kestrel)

Intervenants :
- M. Jean-Pierre Lefèvre, directeur général, Agence Kestrel
- Mme Laure Kessler-Nguyen
"""

PEOPLE_FR = """# fiches des intervenants
- nom: Laure Kessler-Nguyen
  fonction: Directrice de la cybersécurité
  organisme: Crédit Régional de Kestrel
  pays: France
- nom: Raphaël Ben Saïd
  fonction: Directeur scientifique
  organisme: Kestrel Labs
  pays: Belgique
- nom: Ingrid Solberg
  fonction: Head of Unit
  organisme: European Commission
"""


def test_a_french_people_file_whose_nom_holds_whole_names_is_drafted(tmp_path: Path):
    root = write(tmp_path / "site", {"2031/programme/jour-1.md": PROGRAMME_FR, "data/intervenants.yml": PEOPLE_FR})
    profile, _, seen = drafted_preview(root, tmp_path, sample=0)
    part = next(p for p in profile["parts"] if p["files"] == "data/intervenants.yml")
    assert (part["kind"], part["name"], part["position"], part["organisation"], part["country"]) == (
        "speakers", "nom", "fonction", "organisme", "pays")
    found = {r["name"]: (r["title"], r["organisation"], r["country"]) for r in seen.rows}
    assert found["Laure Kessler-Nguyen"] == ("Directrice de la cybersécurité", "Crédit Régional de Kestrel", "FR")
    assert found["Raphaël Ben Saïd"] == ("Directeur scientifique", "Kestrel Labs", "BE")
    assert found["Ingrid Solberg"][:2] == ("Head of Unit", "European Commission")


def test_a_family_name_beside_a_given_name_stays_the_family_name(tmp_path: Path):
    people = "\n".join(f"- prénom: {g}\n  nom: {f}\n  organisme: {o}" for g, f, o in (
        ("Laure", "Kessler-Nguyen", "Crédit Régional de Kestrel"), ("Raphaël", "Ben Saïd", "Kestrel Labs"),
        ("Ingrid", "Solberg", "European Commission")))
    root = write(tmp_path / "site", {"2031/programme/jour-1.md": PROGRAMME_FR, "data/intervenants.yml": people})
    profile, _, seen = drafted_preview(root, tmp_path, sample=0)
    part = next(p for p in profile["parts"] if p["files"] == "data/intervenants.yml")
    assert (part["kind"], part["given_name"], part["family_name"], part.get("name")) == (
        "speakers", "prénom", "nom", None)
    found = {r["name"]: r["organisation"] for r in seen.rows}
    assert found["Laure Kessler-Nguyen"] == "Crédit Régional de Kestrel"
    assert found["Ingrid Solberg"] == "European Commission"


DAY_DE = """---
title: "Programm — Tag 1"
date: 2031-03-11
---

## 09:00 Eröffnung und Begrüßung

Grußwort: Staatsminister Dr. Tobias Kestrel, Auswärtiges Amt

## 09:30 Keynote: Resilienz

Keynote: Botschafterin Anna Weber, Leiterin des Krisenstabs, Auswärtiges Amt

## 10:30 Podium: Lagebild

Moderation: Dr. Jana Fink, Kestrel Institut

Auf dem Podium:
- Staatssekretärin Dr. Henrike Roth (BMI)
- Minister Olaf Brandt
"""


def test_an_office_printed_as_the_honorific_titles_a_position_that_prints_none(tmp_path: Path):
    root = write(tmp_path / "site", {"2031/programm-tag-1.md": DAY_DE})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    found = {r["name"]: (r["honorific"], r["title"], r["organisation"]) for r in seen.rows}
    assert found["Tobias Kestrel"] == ("Staatsminister Dr.", "Staatsminister", "Auswärtiges Amt")
    assert found["Henrike Roth"] == ("Staatssekretärin Dr.", "Staatssekretärin", "BMI")
    # a printed title wins; a person printed with no organisation is left to a speaker page
    assert found["Anna Weber"] == ("Botschafterin", "Leiterin des Krisenstabs", "Auswärtiges Amt")
    assert found["Olaf Brandt"] == ("Minister", "", "")
    assert found["Jana Fink"] == ("Dr.", "", "Kestrel Institut")
