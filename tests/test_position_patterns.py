"""Declared person and position patterns on the shapes new users met: a position in brackets, a lone
organisation under "Title, Org", legal forms after a comma, bars between title and organisation, and an
honorific that is also a job word. Every name and organisation here is made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_files as write
from ingest import readers
from ingest.countries import default_countries
from ingest.loader import site_for
from ingest.markdown import Segment as S
from ingest.person_pattern import brief, split_affiliation, split_person, split_position
from ingest.positions import page_positions, read_positions
from ingest.read import read_document

DECLARED_PAREN = ["Name (Org)", "Name, Title, Org"]


def pairs(positions):
    return [(p.title, p.organisation) for p in positions]


@pytest.mark.parametrize("printed, expected", [
    # a bracket with commas is a position: title, organisation, and the country left at its end for normalize
    ("H.E. Ms Liv Aamodt-Rask (State Secretary, Ministry of Maps and Tides, Norway)",
     ("H.E. Ms Liv Aamodt-Rask", [("State Secretary", "Ministry of Maps and Tides, Norway")])),
    ("Petra Kowal (CTO, Kestrel Fibre AB, Sweden)", ("Petra Kowal", [("CTO", "Kestrel Fibre AB, Sweden")])),
    ("Jon Vell (VP Network Strategy, Corvid Grid, Denmark)",
     ("Jon Vell", [("VP Network Strategy", "Corvid Grid, Denmark")])),
    # an honorific that is a job word too is still an honorific before a name
    ("Ambassador Kaarel Tammsaar (Ministry of Foreign Affairs, Estonia)",
     ("Ambassador Kaarel Tammsaar", [(None, "Ministry of Foreign Affairs, Estonia")])),
    ("Ambassador Kaarel Tammsaar", ("Ambassador Kaarel Tammsaar", [])),
    ("State Secretary Ola Berg, Ministry of Maps", ("State Secretary Ola Berg", [(None, "Ministry of Maps")])),
])
def test_declared_name_and_bracket(printed, expected):
    assert brief(split_person(printed, DECLARED_PAREN)) == expected


@pytest.mark.parametrize("value, expected", [
    # a lone part is judged: a job word makes it a title, else it is an organisation
    ("Il Faro Digitale", [(None, "Il Faro Digitale")]),
    ("Kestrel Fibre AB", [(None, "Kestrel Fibre AB")]),
    ("Harbourlight Connect", [(None, "Harbourlight Connect")]),
    ("Ministry of Smart Harbours", [(None, "Ministry of Smart Harbours")]),
    ("KU Examplia", [(None, "KU Examplia")]),
    ("Corvid Grid (Norway)", [(None, "Corvid Grid (Norway)")]),
    # legal forms stay with their organisation
    ("Kestrel Energie, a. s.", [(None, "Kestrel Energie, a. s.")]),
    ("Corvid d.o.o.", [(None, "Corvid d.o.o.")]),
    ("Bar Works, Inc.", [(None, "Bar Works, Inc.")]),
    ("Qux Systeme GmbH", [(None, "Qux Systeme GmbH")]),
    ("Acme Ventures, LLC", [(None, "Acme Ventures, LLC")]),
    ("Xylo Redes, S.A.", [(None, "Xylo Redes, S.A.")]),
    # bars with no comma part a title from its organisation
    ("Head of Sustainability | Corvid DataWorks", [("Head of Sustainability", "Corvid DataWorks")]),
])
def test_title_org_pattern(value, expected):
    assert pairs(split_position(value, ["Title, Org"])) == expected


@pytest.mark.parametrize("value, expected", [
    ("Chief Economist, Corvid Rete S.p.A.", [("Chief Economist", "Corvid Rete S.p.A.")]),
    ("Ambassador of Examplia to Austria", [("Ambassador of Examplia to Austria", None)]),
    ("KU Examplia", [(None, "KU Examplia")]),
    ("Executive Vice President, Corvid Grid SF; Board Member, GridNet-E",
     [("Executive Vice President", "Corvid Grid SF"), ("Board Member", "GridNet-E")]),
    ("Kestrel Energie, a. s. (Czechia)", [(None, "Kestrel Energie, a. s. (Czechia)")]),
    # an organisation field's commas part a unit from its body, or a place: not a title from an organisation
    ("Department of Tides, University of Examplia", [(None, "Department of Tides, University of Examplia")]),
    ("Institute of Harbour Studies (IHS), Zagreb", [(None, "Institute of Harbour Studies (IHS), Zagreb")]),
    ("Kvarn Analytics; Examplia AI Society", [(None, "Kvarn Analytics"), (None, "Examplia AI Society")]),
    ("Head of Sustainability | Corvid DataWorks", [("Head of Sustainability", "Corvid DataWorks")]),
])
def test_split_affiliation(value, expected):
    assert pairs(split_affiliation(value)) == expected


def test_a_legal_form_ends_an_organisation_line_in_position_cells():
    cell = [[S("Chief Economist", italic=True)], [S("Corvid Rete S.p.A.", italic=True)]]
    assert pairs(read_positions(cell, default_countries())[0]) == [("Chief Economist", "Corvid Rete S.p.A.")]
    positions, _ = page_positions([[S("Chief Economist, Corvid Rete, Inc.")]], default_countries())
    assert pairs(positions) == [("Chief Economist", "Corvid Rete, Inc.")]


# --- one small CSV site through the records reader ------------------------------------------------

AGENDA = """\
Day,Time,Title,Speakers,Moderator
2031-03-04,09:00,Charting the coast,"H.E. Ms Liv Aamodt-Rask (State Secretary, Ministry of Maps and Tides, Norway)",
2031-03-04,10:00,Cables panel,"Petra Kowal (CTO, Kestrel Fibre AB, Sweden); Tomas Brenn (Harbourlight Connect)",\
"Ambassador Kaarel Tammsaar (Ministry of Foreign Affairs, Estonia)"
2031-03-04,11:00,Buoys,"Ida Brun (Ministry of Lighthouses, Estonia); Ola Strand (Kestrel Energie, a. s.)",
"""
ROSTER = """\
Day,Time,Title,Role,Name,Affiliation
2031-03-05,09:00,Grid talk,Speaker,Lena Vos,Head of Sustainability | Corvid DataWorks
2031-03-05,09:00,Grid talk,Speaker,Marco Ricci,Il Faro Digitale
2031-03-05,09:00,Grid talk,Speaker,Jan Dvorak,"Kestrel Energie, a. s."
2031-03-05,09:00,Grid talk,Speaker,Rui Sal,"Chief Economist, Corvid Rete S.p.A."
2031-03-05,10:00,Desk talk,Speaker,Eva Holm,Technology Editor
2031-03-05,10:00,Desk talk,Speaker,Ben Aro,Painter
2031-03-05,10:00,Desk talk,Speaker,Sam Idris,Ambassador of Examplia to Austria
2031-03-05,10:00,Desk talk,Speaker,Kim Lau,"Director, Wyandotte Labs, KS"
2031-03-05,10:00,Desk talk,Speaker,Ana Ruiz,Founder | Board Member
"""
PROFILE = """\
[site]
series = "harbour-forum"

[[parts]]
files = "agenda.csv"
reader = "records"
title = "Title"
date = "Day"
time = "Time"
roles = { Speakers = "Speaker", Moderator = "Moderator" }
person_pattern = ["Name (Org)", "Name, Title, Org"]
people_separators = ["; "]

[[parts]]
files = "roster.csv"
reader = "records"
title = "Title"
date = "Day"
time = "Time"
persons = ""
person = { name = "Name", role = "Role", title = "Affiliation" }
position_pattern = ["Title, Org"]
"""


def parse(root: Path, rel: str):
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def people(parsed):
    return [(r.role, r.name.name, r.name.honorific, pairs(r.positions), r.country_code)
            for s in parsed.sessions for r in s.rows]


def test_a_csv_site_with_declared_patterns(tmp_path):
    root = write(tmp_path, {"agenda.csv": AGENDA, "roster.csv": ROSTER, "speakergraph.toml": PROFILE})
    assert people(parse(root, "agenda.csv")) == [
        ("speaker", "Liv Aamodt-Rask", "H.E. Ms", [("State Secretary", "Ministry of Maps and Tides")], "NO"),
        ("speaker", "Petra Kowal", None, [("CTO", "Kestrel Fibre AB")], "SE"),
        ("speaker", "Tomas Brenn", None, [(None, "Harbourlight Connect")], None),
        ("moderator", "Kaarel Tammsaar", "Ambassador", [(None, "Ministry of Foreign Affairs")], "EE"),
        # an organisation with a country or a legal form in the bracket stays one organisation
        ("speaker", "Ida Brun", None, [(None, "Ministry of Lighthouses")], "EE"),
        ("speaker", "Ola Strand", None, [(None, "Kestrel Energie, a. s.")], None)]
    assert people(parse(root, "roster.csv")) == [
        ("speaker", "Lena Vos", None, [("Head of Sustainability", "Corvid DataWorks")], None),
        ("speaker", "Marco Ricci", None, [(None, "Il Faro Digitale")], None),
        ("speaker", "Jan Dvorak", None, [(None, "Kestrel Energie, a. s.")], None),
        ("speaker", "Rui Sal", None, [("Chief Economist", "Corvid Rete S.p.A.")], None),
        # a lone job stays a title; two letters after a comma are no legal form; two jobs stay two
        ("speaker", "Eva Holm", None, [("Technology Editor", None)], None),
        ("speaker", "Ben Aro", None, [("Painter", None)], None),
        ("speaker", "Sam Idris", None, [("Ambassador of Examplia to Austria", None)], None),
        ("speaker", "Kim Lau", None, [("Director", "Wyandotte Labs, KS")], None),
        ("speaker", "Ana Ruiz", None, [("Founder", None), ("Board Member", None)], None)]
