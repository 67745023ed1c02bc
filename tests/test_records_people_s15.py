"""Shapes new users' trials met in data files (made up here): a programme cell printing several people parted by a
spaced "/" or by lines that open with an honorific; a person pattern that reads a bracket or a dash into the name; a
second job after "&" on the dash path; a speaker's title and company both listing jobs at a spaced "/", or one title
beside several companies; titles parted by title_separator that a position_pattern splits; and a CSV whose header
capitalises the default keys ("Date")."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import write_files as write
from ingest import readers
from ingest.datarecords import cell_pieces, people_pieces
from ingest.loader import site_for
from ingest.person_pattern import brief, split_person
from ingest.read import read_document


def parse(root: Path, rel: str):
    site_ = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site_)


def people(parsed) -> list[tuple[str, list[tuple[str | None, str | None]]]]:
    return [(r.printed_name, [(p.title, p.organisation) for p in r.positions]) for s in parsed.sessions
            for r in s.rows]


# --- several people in one cell -----------------------------------------------------------------------------------

PROGRAMME = """\
date,time,title,Speakers
2031-04-02,09:00,Harbour Panel,"Dr Wren Oduya, Director General, Tidewater Data Agency
Mr Pell Arkwright / Ms Nerys Quillon – OAS
Col. (Ret.) Brann Esterhuys, Kestrel Defence Forces"
2031-04-02,10:00,Tabletop,"Mr Osei Varga, Lead Handler, CERT-KX / Ms Ilse Marrow, Adviser, Foreign, Trade & Harbour Office"
2031-04-02,11:00,Labs,"Tove Brightwater, Chief Scientist, Lumen Labs / TU Kestrel"
2031-04-02,12:00,Boards,"Ada Fenwick, Director, Kestrel Group; Adviser, Saltmarsh Fund"
"""
PATTERNS = """\
[[parts]]
files = "programme.csv"
reader = "records"
persons = "Speakers"
person_pattern = ["Name — Title, Org", "Name (Org)", "Name, Title, Org"]
"""


def test_a_spaced_slash_or_an_honorific_line_starts_the_next_person(tmp_path):
    root = write(tmp_path, {"programme.csv": PROGRAMME, "speakergraph.toml": PATTERNS})
    parsed = parse(root, "programme.csv")
    assert people(parsed) == [
        ("Dr Wren Oduya", [("Director General", "Tidewater Data Agency")]),
        ("Mr Pell Arkwright", []),
        ("Ms Nerys Quillon", [(None, "OAS")]),
        ("Col. (Ret.) Brann Esterhuys", [(None, "Kestrel Defence Forces")]),
        ("Mr Osei Varga", [("Lead Handler", "CERT-KX")]),
        ("Ms Ilse Marrow", [("Adviser", "Foreign, Trade & Harbour Office")]),
        # a spaced "/" before no person is the person's own text
        ("Tove Brightwater", [("Chief Scientist", "Lumen Labs / TU Kestrel")]),
        ("Ada Fenwick", [("Director", "Kestrel Group"), ("Adviser", "Saltmarsh Fund")])]
    # what a ";" glued onto the person before it is said, not done silently
    assert [n.message for n in parsed.notes if n.kind == "second-job"] == [
        "Speaker entry: 'Adviser, Saltmarsh Fund' names no person — read with the person before it (a position of "
        "theirs, or the rest of their line); if it is a person, print the name first (\"Name, Title, Org\")"]


def test_declared_separators_part_people_before_the_patterns_read_them():
    cell = "Mr Osei Varga, Lead Handler, CERT-KX + Ms Ilse Marrow, Adviser, Harbour Office"
    assert people_pieces(cell, ("Name, Title, Org",), (" + ",)) == [
        "Mr Osei Varga, Lead Handler, CERT-KX", "Ms Ilse Marrow, Adviser, Harbour Office"]
    # a declared " and " inside a position stays there; two bare names sharing a bracket are parted later, by name
    assert people_pieces("Ann Lee, Manager, Platform and Tool Development, Kestrel", (), (" and ",)) == [
        "Ann Lee, Manager, Platform and Tool Development, Kestrel"]
    assert people_pieces("Ann Lee and Bo Chan (Kestrel)", ("Name (Org)",), (" and ",)) == [
        "Ann Lee and Bo Chan (Kestrel)"]
    # a "|" between people who each print a job; an unspaced "/" never parts
    assert cell_pieces("Ann Lee, CTO, Acme | Bo Chan, Chief Editor, Beta Press") == (
        ["Ann Lee, CTO, Acme", "Bo Chan, Chief Editor, Beta Press"], [])
    assert people_pieces("Ann Lee, AI/ML Lead, Acme") == ["Ann Lee, AI/ML Lead, Acme"]


# --- which pattern reads a person ---------------------------------------------------------------------------------


def test_a_name_holding_a_bracket_or_a_dash_gives_way_to_the_pattern_that_parts_it():
    for patterns in (["Name, Title, Org"], ["Name, Title, Org", "Name (Org)"], ["Name (Org)", "Name, Title, Org"]):
        assert brief(split_person("H.E. Amb. Kofi Ansah (Examplia MFA)", patterns)) == (
            "H.E. Amb. Kofi Ansah", [(None, "Examplia MFA")]), patterns
    dashed = "Dr. Maëlle Quintard-Obi – Senior Researcher, Kestrel Policy Direct & Lecturer, Sciences Nord"
    for patterns in (["Name, Title, Org"], ["Name (Org)", "Name, Title, Org"], ["Name — Title, Org"]):
        # a second job after "&" that follows an organisation is a position of its own on the dash path too
        assert brief(split_person(dashed, patterns)) == (
            "Dr. Maëlle Quintard-Obi", [("Senior Researcher", "Kestrel Policy Direct"), ("Lecturer", "Sciences Nord")])
    # one word before "&" is a firm's name, not an organisation ending a position
    assert len(split_person("Ann Lee, Counsel, Smith & Partner, Hale LLP").positions) == 1
    # a name that holds nothing more stays with the first pattern that finds it
    assert brief(split_person("Col. (Retd) Jo Ray, Kestrel Army", ["Name, Title, Org", "Name (Org)"])) == (
        "Col. (Retd) Jo Ray", [(None, "Kestrel Army")])


# --- a speaker's title and company --------------------------------------------------------------------------------

SPEAKERS = json.dumps([
    {"id": "tb", "name": "Tove Brightwater", "jobTitle": "Chief Scientist / Visiting Professor",
     "company": "Lumen Labs / TU Kestrel"},
    {"id": "fq", "name": "Faye Quarrie", "jobTitle": "Research Fellow",
     "company": "Kestrel Internet Institute / Saltmarsh Computing Institute"},
    {"id": "al", "name": "Ann Lee", "jobTitle": "AI/ML Lead", "company": "Acme/Beta Labs"},
])
SPEAKER_PART = """\
[[parts]]
files = "speakers.json"
reader = "records"
kind = "speakers"
name = "name"
position = "jobTitle"
organisation = "company"
"""


def _pages(tmp_path, profile: str, files: dict[str, str], rel: str):
    root = write(tmp_path, files | {"speakergraph.toml": profile})
    return {p.printed_name: [(x.title, x.organisation) for x in p.positions] for p in parse(root, rel).speakers}


def test_a_title_and_company_both_parted_at_a_spaced_slash_are_that_many_positions(tmp_path):
    pages = _pages(tmp_path, SPEAKER_PART, {"speakers.json": SPEAKERS}, "speakers.json")
    assert pages["Tove Brightwater"] == [("Chief Scientist", "Lumen Labs"), ("Visiting Professor", "TU Kestrel")]
    # one title beside several organisations: held at each
    assert pages["Faye Quarrie"] == [("Research Fellow", "Kestrel Internet Institute"),
                                     ("Research Fellow", "Saltmarsh Computing Institute")]
    assert pages["Ann Lee"] == [("AI/ML Lead", "Acme/Beta Labs")]  # an unspaced "/" is no separator


def test_one_title_beside_organisations_parted_by_the_declared_separator(tmp_path):
    profile = SPEAKER_PART + 'title_separator = " / "\n'
    pages = _pages(tmp_path, profile, {"speakers.json": SPEAKERS}, "speakers.json")
    assert pages["Faye Quarrie"] == [("Research Fellow", "Kestrel Internet Institute"),
                                     ("Research Fellow", "Saltmarsh Computing Institute")]
    assert pages["Tove Brightwater"] == [("Chief Scientist", "Lumen Labs"), ("Visiting Professor", "TU Kestrel")]


def test_a_position_pattern_splits_each_title_a_title_separator_parts(tmp_path):
    profile = """\
[[parts]]
files = "people/*.toml"
reader = "records"
kind = "speakers"
position_pattern = "Title, Org"
title_separator = "; "
person = { name = "name", title = "title" }
"""
    person = 'name = "Rhea Castellan"\ntitle = "Policy Director, OpenWave Examplia; Board Member, Kestrel SME Alliance"\n'
    pages = _pages(tmp_path, profile, {"people/rhea.toml": person}, "people/rhea.toml")
    assert pages["Rhea Castellan"] == [("Policy Director", "OpenWave Examplia"),
                                       ("Board Member", "Kestrel SME Alliance")]


# --- default keys ---------------------------------------------------------------------------------------------------


def test_default_keys_find_columns_whatever_their_case_spaces_or_underscores(tmp_path):
    csv = "Date,Start Time,Title,Room,Speakers\n2031-04-02,09:30,Harbour Panel,Hall B,Wren Oduya\n"
    root = write(tmp_path, {"agenda.csv": csv, "speakergraph.toml": '[[parts]]\nfiles = "agenda.csv"\n'
                                                                     'reader = "records"\n'})
    (session,) = parse(root, "agenda.csv").sessions
    assert (str(session.date), session.start.strftime("%H:%M"), session.room) == ("2031-04-02", "09:30", "Hall B")
    assert [r.printed_name for r in session.rows] == ["Wren Oduya"]
    # a default key never takes a column the profile names for another field: "Affiliation" is the title's here, so
    # the organisation's default "affiliation" does not read it again
    csv = "Day,Session,Name,Affiliation\n2031-04-02,Harbour Panel,Wren Oduya,Head of Data | Kestrel Works\n"
    profile = """\
[[parts]]
files = "roster.csv"
reader = "records"
title = "Session"
date = "Day"
persons = ""
person = { name = "Name", title = "Affiliation" }
position_pattern = ["Title, Org"]
"""
    root = write(tmp_path / "roster", {"roster.csv": csv, "speakergraph.toml": profile})
    assert people(parse(root, "roster.csv")) == [("Wren Oduya", [("Head of Data", "Kestrel Works")])]
