"""People printed by French-, German-, Spanish-, Italian- and Portuguese-speaking sites: particles and joined
family names in names, job words of those languages, and "Title of Org" with the body after its "of"/"de"/"der".
Every name, acronym and organisation here is made up."""

from __future__ import annotations

import pytest

from conftest import write_files as write
from ingest.countries import default_countries
from ingest.markdown import Segment as S
from ingest.person_pattern import FREE_TEXT, brief, looks_like_name, split_affiliation, split_person, split_position
from ingest.positions import read_positions
from ingest.tidy import not_a_person
from test_programme import PROFILE, parse, people


def pairs(positions):
    return [(p.title, p.organisation) for p in positions]


# --- names ------------------------------------------------------------------------------------------------

def test_particles_and_joined_family_names_are_names_but_a_joined_phrase_is_not():
    names = ["Inês Moura e Castro", "Maria Luísa Moura e Castro", "Tomás Ruiz y Ferrer", "Ana do Carmo Vaz",
             "Rui dos Anjos", "Joana da Costa e Melo", "Pau Vidal i Serra"]
    phrases = ["Dados e Analytics", "Data e Analytics", "Nube y Datos", "Moura e", "e Castro"]
    assert [t for t in names if not looks_like_name(t)] == []
    assert [t for t in phrases if looks_like_name(t)] == []


def test_a_free_text_line_with_a_joined_family_name_gives_its_person():
    assert brief(split_person("Mme Inês Moura e Castro, conseillère cyber, Lusodata", reading=FREE_TEXT)) == (
        "Mme Inês Moura e Castro", [("conseillère cyber", "Lusodata")])


# --- job words -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("titles, surnames", [
    (["Generaldirektorin", "Botschafterin Examplias in Norwegen", "Mitglied des Europäischen Parlaments",
      "Leiterin Abteilung Kartenwesen", "Staatssekretärin", "Präsidentin", "Geschäftsführer", "Vorstandsvorsitzende",
      "Pressesprecherin"], ["Anna Sprecher", "Jonas Leiter", "Paula Richter"]),
    (["directrice générale", "cheffe du service", "présidente", "conseillère", "chercheuse principale",
      "sous-directrice", "députée européenne", "chargé de mission", "responsable"], ["Marie Lemaire"]),
    (["directora", "jefa de gabinete", "presidenta"], ["Lucía Alcalde"]),
    (["consigliere", "direttrice", "presidente"], ["Marco Senatore"]),
    (["diretora", "coordenadora", "chefe de divisão"], []),
], ids=["de", "fr", "es", "it", "pt"])
def test_job_words_of_other_languages_make_a_title_and_their_surnames_stay_names(titles, surnames):
    for title in titles:
        assert not_a_person(title) == "a job title", title
        assert brief(split_person(f"Lene Kvist, {title}")) == ("Lene Kvist", [(title, None)])
        assert pairs(split_position(title)) == [(title, None)]
    # a bare word that is a surname too is left out of the list: the person is kept
    assert [name for name in surnames if not_a_person(name) is not None] == []


# --- the body after "of", "de", "der" ----------------------------------------------------------------------

@pytest.mark.parametrize("title, expected, portfolio", [
    ("Directrice générale de l'ANCX", ("Directrice générale", "ANCX"), "Ministre de l'Intérieur"),
    ("président de l'Association Kestrel", ("président", "Association Kestrel"),
     "Président du Conseil d'administration"),
    ("Director General of EXNA", ("Director General", "EXNA"), "Minister of the UAE"),
    ("Head of the Example Agency", ("Head", "Example Agency"), "Head of Cyber Policy"),
    ("Generaldirektorin der BKXA", ("Generaldirektorin", "BKXA"), "Mitglied des Europäischen Parlaments"),
    ("Präsidentin des Bundesamts für Seekarten", ("Präsidentin", "Bundesamts für Seekarten"),
     "Leiterin der Abteilung Kartenwesen"),
    ("directora de la Agencia Exemplar de Datos", ("directora", "Agencia Exemplar de Datos"),
     "ministra de Asuntos Exteriores"),
    ("presidente dell'Istituto Esempio", ("presidente", "Istituto Esempio"), "ministro dell'Interno"),
    ("Director General of the Ministry of Tides of Examplia", ("Director General", "Ministry of Tides of Examplia"),
     "Minister of Foreign Affairs"),
    ("Secretary General of EXNA", ("Secretary General", "EXNA"), "Secretary of State"),
    ("Head of EXNA", ("Head", "EXNA"), "Head of IT"),
    ("Ambassador of the Example Foundation", ("Ambassador", "Example Foundation"), "Ambassador of Sweden to France"),
])
def test_a_title_alone_gives_up_the_body_it_names_but_not_a_portfolio(title, expected, portfolio):
    for text, want in ((title, expected), (portfolio, (portfolio, None))):
        assert pairs(split_position(text)) == [want]
        assert brief(split_person(f"Lene Kvist, {text}")) == ("Lene Kvist", [want])
        assert brief(split_person(f"Lene Kvist, {text}", reading=FREE_TEXT)) == ("Lene Kvist", [want])
        assert pairs(split_affiliation(text)) == [want]


def test_declared_titles_give_up_a_body_but_not_a_unit_nor_beside_an_organisation():
    # (free text reads these by its own older rule: the first "of" before an organisation's word)
    assert pairs(split_position("Head of Unit of the Harbour Data Authority")) == [
        ("Head of Unit", "Harbour Data Authority")]
    assert pairs(split_position("Head of Cyber Policy Department")) == [("Head of Cyber Policy Department", None)]
    assert brief(split_person("Lene Kvist, Director General of EXNA, Harbour Board")) == (
        "Lene Kvist", [("Director General of EXNA", "Harbour Board")])


def test_position_cells_take_the_body_of_a_lone_title_and_a_foreign_organisation_line():
    cell = [[S("Directrice générale de l'ANCX", italic=True)]]
    assert pairs(read_positions(cell, default_countries())[0]) == [("Directrice générale", "ANCX")]
    cell = [[S("Directrice générale", italic=True)], [S("Agence nationale des cartes", italic=True)]]
    assert pairs(read_positions(cell, default_countries())[0]) == [
        ("Directrice générale", "Agence nationale des cartes")]
    cell = [[S("Ministre de l'Intérieur", italic=True)]]
    assert pairs(read_positions(cell, default_countries())[0]) == [("Ministre de l'Intérieur", None)]


# --- one Markdown programme page --------------------------------------------------------------------------

FORUM = """---
title: "Forum Atlantique"
permalink: /events/forum-atlantique
---
## Day One – Wednesday, May 14

| Time | Programme |
| ----------- | ----------- |
| 9:30 am - 10:00 am | **Registration** |
| 10:00 am - 10:15 am | **Opening Speech** <br><br>Mme Inês Moura e Castro, conseillère cyber, Lusodata |
| 10:15 am - 11:30 am | **Panel: Cartes et câbles** <br><br>Jeanne Arnaud, directrice générale de l'ANCX <br>Tomás Ruiz y Ferrer, Generaldirektor der BKXA <br>Lea Vogt, Staatssekretärin <br>Paul Marchetti, Ministre de l'Intérieur |
| 11:30 am - 12:00 pm | **Closing Remarks** <br><br>Carla Neves, presidente da Associação Exemplo Digital |
"""


def test_a_programme_page_of_a_french_speaking_site(tmp_path):
    write(tmp_path, {"_posts/2032-04-15-forum.md": FORUM})
    opening, panel, closing = parse(tmp_path, "_posts/2032-04-15-forum.md", PROFILE + "\n").sessions
    assert people(opening) == [
        ("Opening Speech", "remarks", "Inês Moura e Castro", [("conseillère cyber", "Lusodata")])]
    assert people(panel) == [
        ("Panel", "panellist", "Jeanne Arnaud", [("directrice générale", "ANCX")]),
        ("Panel", "panellist", "Tomás Ruiz y Ferrer", [("Generaldirektor", "BKXA")]),
        ("Panel", "panellist", "Lea Vogt", [("Staatssekretärin", None)]),
        ("Panel", "panellist", "Paul Marchetti", [("Ministre de l'Intérieur", None)])]
    assert people(closing) == [("Closing Remarks", "remarks", "Carla Neves",
                                [("presidente", "Associação Exemplo Digital")])]
