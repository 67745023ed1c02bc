"""People printed in Spanish, Portuguese and German programme lines: joined by "y"/"e", bodies that are no person,
an organisation before a country or a capital, offices that name their country in the genitive, a team named for
its country. Invented names and bodies only."""

import pytest

from ingest.countries import default_countries
from ingest.html_page import Line
from ingest.normalize import country_in_org
from ingest.people_text import joined_people, split_people
from ingest.person_line import read_people
from ingest.person_pattern import BULLET, FREE_TEXT, brief, looks_like_name, office_of_body, split_person, \
    split_position
from ingest.records import Position
from ingest.tidy import not_a_person


def _people(*texts):
    return [(p.name, p.label, [(q.title, q.organisation) for q in p.positions]) for p in read_people(list(map(Line, texts)))]


def test_two_people_joined_by_y_are_two():
    assert _people("Intervienen: Dña. Elvira Pando Salcedo y Excmo. Sr. D. Rufino Arce de la Vega") == [
        ("Dña. Elvira Pando Salcedo", "Intervienen", []), ("Excmo. Sr. D. Rufino Arce de la Vega", "Intervienen", [])]
    assert split_people("Dña. Elvira Pando Salcedo y Excmo. Sr. D. Rufino Arce de la Vega") == [
        ("Dña. Elvira Pando Salcedo", None), ("Excmo. Sr. D. Rufino Arce de la Vega", None)]


@pytest.mark.parametrize("text, pieces", [
    ("Ana Lobera Ruiz e Rui Tavares Lemos", ["Ana Lobera Ruiz", "Rui Tavares Lemos"]),  # Portuguese "e", full names
    ("Emb. Carmen Ibáñez Soto y Gasset", ["Emb. Carmen Ibáñez Soto y Gasset"]),  # one word on the right: one name
    ("Ministerio de Ciencia y Tecnología Marina", ["Ministerio de Ciencia y Tecnología Marina"]),  # an organisation
])
def test_joined_people_cuts_between_people_only(text, pieces):
    assert joined_people(text) == pieces


def test_a_list_joiner_before_the_next_person_is_not_part_of_the_name():
    found = split_person("y D. Anselmo de la Rosa Quirós, Director de Redes, Kestrel Hispania", reading=FREE_TEXT)
    assert brief(found) == ("D. Anselmo de la Rosa Quirós", [("Director de Redes", "Kestrel Hispania")])


@pytest.mark.parametrize("text", ["Ministerio de Telecomunicaciones", "Secretaría de la Defensa Marítima",
                                  "Eidgenössisches Departement Kestrel"])
def test_a_body_is_never_a_name(text):
    assert not looks_like_name(text)


def test_a_name_with_a_body_word_for_surname_still_is_one():
    assert looks_like_name("Angela Bank")


def test_spanish_secretary_general_and_german_offices_are_jobs():
    assert not_a_person("Secretaria General Examplaria") == "a job title"
    assert not_a_person("Ständige Vertreterin") == "a job title"
    assert not_a_person("Kommandeur") == "a job title"
    assert not_a_person("Abteilungsleiter Sicherheit") == "a job title"
    # the Portuguese body keeps its reading: "Secretaria de …" stays no job (data/position_words.toml)
    assert not_a_person("Secretaria de Inovação") != "a job title"


def test_office_with_an_acronym_in_brackets_names_its_body():
    assert brief(split_person("Dña. Olga Pereda Lasa, Secretaria General Examplaria (SEGEX)", reading=FREE_TEXT)) == (
        "Dña. Olga Pereda Lasa", [("Secretaria General Examplaria", "SEGEX")])


def test_a_body_after_a_name_and_before_a_country_is_the_organisation():
    found = split_position("Eidgenössisches Departement für Kartenwesen (EDK), Schweiz", reading=BULLET)
    assert [(p.title, p.organisation) for p in found] == [(None, "Eidgenössisches Departement für Kartenwesen (EDK), Schweiz")]
    assert [(p.title, p.organisation) for p in split_position("Professorin, Schweiz", reading=BULLET)] == [
        ("Professorin", "Schweiz")]


def test_a_bracket_of_an_organisation_and_a_capital_is_the_organisation():
    found = split_person("DI Dr. Egon Rauchleitner (Kestrel Netz AG, Wien)", reading=FREE_TEXT)
    assert brief(found) == ("DI Dr. Egon Rauchleitner", [(None, "Kestrel Netz AG, Wien")])


def test_german_office_in_the_genitive_names_its_country_and_keeps_its_body():
    assert office_of_body("Ständige Vertreterin Österreichs bei der OSZE").organisation is None
    c = default_countries()
    assert country_in_org([Position(title="Ständige Vertreterin Österreichs bei der OSZE")], c) == "Österreich"
    assert country_in_org([Position(title="Botschafterin Deutschlands in Examplia")], c) == "Deutschland"
    assert country_in_org([Position(title="Botschafter der Schweiz in Examplia")], c) == "Schweiz"


@pytest.mark.parametrize("org, country", [("CERT Perú", "Perú"), ("CSIRT Polska", "Polska"), ("Kestrel Norway", None)])
def test_a_team_named_by_an_acronym_and_its_country(org, country):
    assert country_in_org([Position(title="Jefa de Respuesta", organisation=org)], default_countries()) == country


def test_a_line_with_a_title_and_a_ministry_before_a_country_bracket_is_one_person():
    found = _people("Ponentes:", "Lic. Marta Quiroga Ybarra, Subsecretaria de Puertos, Ministerio de Puertos (Ecuador)")
    assert found == [("Lic. Marta Quiroga Ybarra", "Ponentes",
                      [("Subsecretaria de Puertos", "Ministerio de Puertos (Ecuador)")])]


@pytest.mark.parametrize("line", ["Excma. Sra. Dña. Olga Pereda Lasa, Secretaria General Examplaria (SEGEX)",
                                  "Lic. Marta Quiroga Ybarra, Subsecretaria de Puertos, Ministerio de Puertos (Ecuador)"])
def test_an_agenda_line_with_a_title_or_a_ministry_names_one_person(line):
    from ingest.agenda import people_strings

    assert people_strings(line) == [(line, None)]


def test_a_person_after_a_semicolon_and_y_is_a_person_not_a_second_position():
    found = _people("Intervienen: Ing. Ana Quispe Lara, Jefa de Incidentes, CERT Perú; y D. Rufo de la Vega Arce, "
                    "Director de Redes, Kestrel Hispania")
    assert [(name, positions) for name, _, positions in found] == [
        ("Ing. Ana Quispe Lara", [("Jefa de Incidentes", "CERT Perú")]),
        ("D. Rufo de la Vega Arce", [("Director de Redes", "Kestrel Hispania")])]
