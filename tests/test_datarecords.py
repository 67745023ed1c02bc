"""The records reader: data files of many records read by profile options (glom specs), made-up and real."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from conftest import SHARED, corpus, ingested, write_files as write
from graph.errors import IngestError
from graph.results import table
from ingest import readers
from ingest.datarecords import Options
from ingest.loader import site_for
from ingest.person_pattern import brief, split_person
from ingest.read import read_document

HERE = Path(__file__).resolve().parent
SITES = SHARED / "sites"
PREFIX = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def parse(root: Path, rel: str):
    """One file of a made-up site read, tidied and normalized as the loader does."""
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def people(session):
    return [(r.role_label, r.name.name, [(p.title, p.organisation) for p in r.positions], r.line) for r in session.rows]


def rows(store, sparql):
    return table(store.query(PREFIX + sparql)).values()


# --- a role per key, people as "Name, Title, Org" strings ---------------------------------------

PROGRAMME = """\
intro: Made-up programme
program:
  - title: Opening Panel
    time: 2030-05-06T09:10
    host:
      - Kim Tran
      - Co-Chair, Example Summit
      - Senior Director, Harbour Analytics
    moderator:
      - Rosa Diaz, Ph.D
      - CEO, Northwind Labs
    panel:
      - Ana Lima,Executive Director, Open Maps Council
      - Ben Okafor. CTO, Tidewater Data
      - Chen Wei (OSA)
      - Dara Holt - Fjord Systems
      -
    time_note: ignored
  - title: Lightning Talks
    time: 2030-05-06T11:00
    talks:
      - title: A talk
        name: Eli Moss and Fay Lund
        org: Moss Lund Works
      - title: Another talk
        name: Gil Park, Public Sector CTO
        org: Streamline
      - title: Nobody yet
        name:
  - Just a string
  - title: Undated
"""
PROGRAMME_PROFILE = """\
[site]
series = "summit"

[[parts]]
files = "_data/program.yml"
reader = "records"
records = "program"
start = "time"
roles = { host = "MC", moderator = "Moderator", panel = "Panellist", talks = "Speaker" }
person = { name = "name", organisation = "org" }
person_pattern = ["Name — Title, Org", "Name (Org)", "Name, Title, Org"]
people_separators = [" and "]
"""


@pytest.fixture()
def programme(tmp_path):
    root = write(tmp_path, {"_data/program.yml": PROGRAMME, "speakergraph.toml": PROGRAMME_PROFILE})
    return parse(root, "_data/program.yml")


def test_a_role_per_key_and_people_as_strings(programme):
    opening = programme.sessions[0]
    assert (opening.title, opening.start.isoformat(), opening.key) == ("Opening Panel", "2030-05-06T09:10:00",
                                                                        "opening-panel")
    assert people(opening) == [
        ("MC", "Kim Tran", [("Co-Chair", "Example Summit"), ("Senior Director", "Harbour Analytics")], 6),
        ("Moderator", "Rosa Diaz", [("CEO", "Northwind Labs")], 10),
        ("Panellist", "Ana Lima", [("Executive Director", "Open Maps Council")], 13),
        ("Panellist", "Ben Okafor", [("CTO", "Tidewater Data")], 14),
        ("Panellist", "Chen Wei", [(None, "OSA")], 15),
        ("Panellist", "Dara Holt", [(None, "Fjord Systems")], 16),
    ]
    assert opening.rows[1].name.post_nominal == "Ph.D"


def test_people_in_one_name_and_an_organisation_field(programme):
    talks = programme.sessions[1]
    assert people(talks) == [
        ("Speaker", "Eli Moss", [(None, "Moss Lund Works")], 22),
        ("Speaker", "Fay Lund", [(None, "Moss Lund Works")], 22),
        ("Speaker", "Gil Park", [("Public Sector CTO", "Streamline")], 25),
    ]


def test_bad_records_are_notes_with_file_and_line(programme):
    notes = {(n.line, n.kind) for n in programme.notes if n.kind in ("skipped-row", "skipped-record")}
    assert notes == {(17, "skipped-row"), (28, "skipped-row"), (30, "skipped-record"), (31, "skipped-record")}
    text = {str(n) for n in programme.notes}
    assert "_data/program.yml:30: record 3 is a str, not a mapping of fields — skipped; check the part's " \
           "records = \"…\" path" in text
    assert any(t.startswith("_data/program.yml:31: record 4 (Undated) has no date") for t in text)


# --- a list of persons per record, year from the file name, JSON lines -------------------------

AGENDA = [
    {"Id": "k1", "Title": "Opening Keynote", "Format": "45 mins", "Presenters": [
        {"Name": "Ivy Chen", "Tagline": "Head of Platform at Fernhill", "Bio": "Ivy builds things."}]},
    {"Id": None, "Title": "Two Voices", "Presenters": [
        {"Name": "Jon Park", "Tagline": "Painter"}, {"Name": "Kai Rowe", "Tagline": "Lead Dev, Quayside"}]},
    {"Id": None, "Title": "Two Voices", "Presenters": []},
]
AGENDA_PROFILE = """\
[[parts]]
files = "static/agenda/*.json"
reader = "records"
title = "Title"
format = "Format"
id = "Id"
year_from = "path"
persons = "Presenters"
person = { name = "Name", position = "Tagline", biography = "Bio" }
position_pattern = ["Title @ Org", "Title at Org", "Title, Org"]
"""


def test_persons_lists_year_from_the_path_and_json_lines(tmp_path):
    root = write(tmp_path, {"static/agenda/2029.json": json.dumps(AGENDA, indent=2),
                            "speakergraph.toml": AGENDA_PROFILE})
    parsed = parse(root, "static/agenda/2029.json")
    assert [(s.key, s.title, s.date.isoformat(), s.format) for s in parsed.sessions] == [
        ("k1", "Opening Keynote", "2029-01-01", "45 mins"), ("two-voices", "Two Voices", "2029-01-01", None),
        ("two-voices-2", "Two Voices", "2029-01-01", None)]
    assert [people(s) for s in parsed.sessions[:2]] == [
        [("Opening Keynote", "Ivy Chen", [("Head of Platform", "Fernhill")], 7)],  # the title names the role
        [("Speaker", "Jon Park", [("Painter", None)], 18), ("Speaker", "Kai Rowe", [("Lead Dev", "Quayside")], 22)]]
    assert [(p.printed_name, p.biography) for p in parsed.speakers] == [("Ivy Chen", "Ivy builds things.")]
    assert [n.kind for n in parsed.notes if n.kind == "year-only"] == ["year-only"]


# --- speaker records that place themselves into another file's slots ---------------------------

SLOTS = """\
- name: Coffee
  time_start: "09:00"
- name: Keynote talk
  time_start: "09:30"
  time_end: "10:15"
- name: Panel discussion
  time_start: "11:00"
  time_end: "12:00"
  title: Ports of the future
"""
SPEAKERS = """\
- fullname: Lena Vos
  nametitle: Dr.
  position: Director · Board Member
  affiliations: [Harbour Institute, Sea Forum]
  time: ["09:30", "11:00"]
  session: mar4
  skip: false
- fullname: Omar Haddad
  position: Researcher
  time: ["11:00", "09:30"]
  session: [mar4, mar5]
- fullname: Hidden Person
  time: "11:00"
  session: mar4
  skip: true
"""
SLOTS_PROFILE = """\
[site]
series = "workshop"
year = 2031
placeholders = ["Coffee"]

[[parts]]
files = "_data/schedule_*.yml"
reader = "records"
title = ["title", "name"]
format = "name"
id = "time_start"
date_from = "path"
date_format = "%b%d"

[[parts]]
files = "_data/speakers.yml"
reader = "records"
skip = "skip"
name = "fullname"
honorific = "nametitle"
position = "position"
title_separator = " · "
organisation = "affiliations"
session_date = "session"
session_time = "time"
date_format = "%b%d"
"""


@pytest.fixture()
def workshop(tmp_path):
    return write(tmp_path, {"_data/schedule_mar4.yml": SLOTS, "_data/schedule_mar5.yml": SLOTS,
                            "_data/speakers.yml": SPEAKERS, "speakergraph.toml": SLOTS_PROFILE})


def test_speaker_records_emit_stubs_keyed_like_the_schedule(workshop):
    schedule = parse(workshop, "_data/schedule_mar4.yml")
    assert [(s.date.isoformat(), s.key, s.title, s.format) for s in schedule.sessions] == [
        ("2031-03-04", "09-30", "Keynote talk", "Keynote talk"),
        ("2031-03-04", "11-00", "Ports of the future", "Panel discussion")]
    speakers = parse(workshop, "_data/speakers.yml")
    assert [(s.date.isoformat(), s.key, s.title, [r.name.name for r in s.rows]) for s in speakers.sessions] == [
        ("2031-03-04", "09-30", None, ["Lena Vos"]), ("2031-03-04", "11-00", None, ["Lena Vos", "Omar Haddad"]),
        ("2031-03-05", "09-30", None, ["Omar Haddad"])]
    lena = speakers.sessions[0].rows[0]
    assert (lena.name.honorific, [(p.title, p.organisation) for p in lena.positions]) == (
        "Dr.", [("Director", "Harbour Institute"), ("Board Member", "Sea Forum")])
    # the honorific of its own field is set on the page, not glued to the name and read again
    assert [(p.name.honorific, p.printed_name) for p in speakers.speakers] == [("Dr.", "Lena Vos"), (None, "Omar Haddad")]
    assert [(n.line, n.kind) for n in speakers.notes if n.kind == "skipped-record"] == [(12, "skipped-record")]


def test_a_speaker_lands_on_the_slot_of_the_other_file(workshop):
    store = ingested(workshop, profile_path=workshop / "speakergraph.toml")
    found = rows(store, """
        SELECT ?date ?title (GROUP_CONCAT(?name; separator=", ") AS ?names) WHERE {
          ?s a sg:Session ; schema:name ?title ; <http://purl.org/dc/terms/date> ?date .
          OPTIONAL { ?a sg:session ?s ; sg:person/schema:name ?name }
        } GROUP BY ?date ?title ORDER BY ?date ?title""")
    assert found == [["2031-03-04", "Keynote talk", "Lena Vos"],
                     ["2031-03-04", "Ports of the future", "Lena Vos, Omar Haddad"],
                     ["2031-03-05", "Keynote talk", "Omar Haddad"],
                     ["2031-03-05", "Ports of the future", ""]]
    assert rows(store, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Session FILTER NOT EXISTS { ?s schema:name ?t } }") \
        == [["0"]]


# --- CSV, separate date and time fields, minutes since midnight ---------------------------------

CSV = """\
day,clock,minutes,length,talk,who,where
12 Jun,9.30am,,30,Tides,Pia Berg,Hall A
12 Jun,,600,PT45M,Currents,Quinn Ash,Hall B
,,,,No day,Rae Cole,Hall C
"""
CSV_PROFILE = """\
[site]
year = 2032
timezone = "+02:00"

[[parts]]
files = "talks.csv"
reader = "records"
title = "talk"
date = "day"
date_format = "%d %b"
time = "clock"
start = "minutes"
duration = "length"
room = "where"
persons = "who"
"""


def test_csv_dates_and_times_in_separate_fields(tmp_path):
    root = write(tmp_path, {"talks.csv": CSV, "speakergraph.toml": CSV_PROFILE})
    parsed = parse(root, "talks.csv")
    assert [(s.title, s.start.isoformat(), s.end.isoformat(), s.room, [r.name.name for r in s.rows])
            for s in parsed.sessions] == [
        ("Tides", "2032-06-12T09:30:00+02:00", "2032-06-12T10:00:00+02:00", "Hall A", ["Pia Berg"]),
        ("Currents", "2032-06-12T10:00:00+02:00", "2032-06-12T10:45:00+02:00", "Hall B", ["Quinn Ash"])]
    assert [(n.line, n.kind) for n in parsed.notes if n.kind == "skipped-record"] == [(4, "skipped-record")]


# --- sessions naming speakers by id, speaker records with ids ------------------------------------


def test_ids_join_sessions_to_speaker_records(tmp_path):
    root = write(tmp_path, {
        "talks.yml": "- id: t1\n  title: Deep Water\n  date: 2033-02-01\n  speakers: [sam-lee]\n",
        "people.yml": "- id: sam-lee\n  name: Sam Lee\n  institution: Reefworks\n  position-title: Diver\n",
        "speakergraph.toml": '[[parts]]\nfiles = "talks.yml"\nreader = "records"\npersons_are = "ids"\n'
                             'permalink_template = "/talks/{id}/"\n\n'
                             '[[parts]]\nfiles = "people.yml"\nreader = "records"\nkind = "speakers"\n'
                             'position = "position-title"\n'})
    talk = parse(root, "talks.yml").sessions[0]
    assert (talk.permalink, talk.rows[0].link, talk.rows[0].person_key, talk.rows[0].name_printed) == (
        "/talks/t1/", "/speakers/sam-lee/", "sam-lee", False)
    page = parse(root, "people.yml").speakers[0]
    assert (page.permalink, page.person_key, [(p.title, p.organisation) for p in page.positions]) == (
        "/speakers/sam-lee/", "sam-lee", [("Diver", "Reefworks")])


# --- one file, two parts -------------------------------------------------------------------------


def test_two_parts_naming_one_file_both_read_it(tmp_path):
    """A programme file holding one list per day: a part per day, each with its date; neither day is lost."""
    root = write(tmp_path, {
        "programme.yml": "- day: one\n  sessions:\n    - {title: Tides, time: '09:00', speakers: [Pia Berg]}\n"
                         "- day: two\n  sessions:\n    - {title: Currents, time: '10:00', speakers: [Quinn Ash]}\n"
                         "    - {title: Reefs, time: '11:00', speakers: [Rae Dunn]}\n",
        "speakergraph.toml": "".join(
            f'[[parts]]\nfiles = "programme.yml"\nreader = "records"\nrecords = "{i}.sessions"\n'
            f'default_date = "2033-03-0{i + 1}"\ntime = "time"\npersons = "speakers"\n\n' for i in (0, 1))})
    parsed = parse(root, "programme.yml")
    assert [(s.title, s.date.isoformat(), [r.name.name for r in s.rows]) for s in parsed.sessions] == [
        ("Tides", "2033-03-01", ["Pia Berg"]), ("Currents", "2033-03-02", ["Quinn Ash"]),
        ("Reefs", "2033-03-02", ["Rae Dunn"])]


def test_a_row_per_person_makes_one_session_per_slot(tmp_path):
    """A spreadsheet printing one row per speaker: rows of one title, day, times and room are one session."""
    csv_text = ("\ufeffDatum;Start;Ende;Sitzung;Raum;Name;Organisation;Rolle\n"
                "14.05.2033;09:45;11:00;Netze im Norden;Saal A;Lars Berg;Gridco;Moderator\n"
                "14.05.2033;09:45;11:00;Netze im Norden;Saal A;\"de Wrob, Ada\";PSE;Panelist\n"
                "14.05.2033;14:00;15:00;Netze im Norden;Saal A;Tom Mull;BMW;Speaker\n"
                "15.05.2033;10:00;11:00;Workshop;Saal B;Li Wei;Stategrid;Speaker\n"
                "15.05.2033;10:00;11:00;Workshop;Saal B;N.N.;;Co-Lead\n")
    profile = ('[site]\nplaceholders = ["N.N."]\n\n[[parts]]\nfiles = "programm.csv"\nreader = "records"\n'
               'title = "Sitzung"\ndate = "Datum"\ndate_format = "%d.%m.%Y"\nstart = "Start"\nend = "Ende"\n'
               'room = "Raum"\npersons = ""\nperson = { name = "Name", organisation = "Organisation", role = "Rolle" }\n')
    root = write(tmp_path, {"programm.csv": csv_text, "speakergraph.toml": profile})
    parsed = parse(root, "programm.csv")
    assert [(s.title, s.key, s.start.strftime("%d %H:%M"), [(r.role_label, r.name.name) for r in s.rows])
            for s in parsed.sessions] == [
        ("Netze im Norden", "netze-im-norden", "14 09:45", [("Moderator", "Lars Berg"),
                                                            ("Panelist", "Ada de Wrob")]),  # printed family first
        ("Netze im Norden", "netze-im-norden-2", "14 14:00", [("Speaker", "Tom Mull")]),  # another slot
        ("Workshop", "workshop", "15 10:00", [("Speaker", "Li Wei")])]  # "N.N." is nobody


def test_a_speaker_records_country_reaches_the_appearances(tmp_path):
    """Sessions name speakers by id; the speaker records print the country: each appearance is for it, in the
    run that reads both files and in a later run that reads only the changed sessions file."""
    from graph.store import open_store
    from ingest.loader import ingest

    talks = "- {id: t1, title: Deep Water, date: 2033-02-01, speakers: [sam-lee, ana-ruiz]}\n"
    root = write(tmp_path / "site", {
        "talks.yml": talks,
        "people.yml": "- {id: sam-lee, name: Sam Lee, company: Reefworks, country: DK}\n"
                      "- {id: ana-ruiz, name: Ana Ruiz, company: Tideline, country: Spain}\n",
        "speakergraph.toml": '[[parts]]\nfiles = "talks.yml"\nreader = "records"\npersons_are = "ids"\n\n'
                             '[[parts]]\nfiles = "people.yml"\nreader = "records"\nkind = "speakers"\n'
                             'organisation = "company"\n'})
    store = open_store(tmp_path / "store")
    query = """SELECT ?name ?code WHERE { ?a sg:session ?s ; sg:person ?p ; sg:country ?c . ?p schema:name ?name
               BIND(STRAFTER(STR(?c), "/country/") AS ?code) } ORDER BY ?name"""
    summary = ingest(store, [site_for(root)])
    assert rows(store, query) == [["Ana Ruiz", "ES"], ["Sam Lee", "DK"]]
    assert not [n for n in summary.notes if n.kind == "no-country"]  # the page printed it: no note
    (root / "talks.yml").write_text(talks.replace("Deep Water", "Deeper Water"), encoding="utf-8")
    ingest(store, [site_for(root)])  # only talks.yml is read again: the countries come from the store
    assert rows(store, query) == [["Ana Ruiz", "ES"], ["Sam Lee", "DK"]]


def test_given_and_family_names_and_a_nested_affiliation(tmp_path):
    agenda = {"agenda": [{"sessionId": "S02", "day": "Tuesday, 3 June 2033", "time": "10:00 am – 11:30 am CEST",
                          "title": "Who Decides?", "participants": [
                              {"salutation": "Dr", "firstName": "Henrik", "lastName": "Sørensen", "function": "Chair",
                               "affiliation": {"name": "Health Data Authority", "country": "DK"}, "part": "Chair"},
                              {"salutation": "H.E.", "lastName": "Pichler", "function": "Minister",
                               "affiliation": {"name": "Ministry of Health", "country": "Austria"}}]}]}
    profile = ('[site]\ntimezone = "Europe/Vienna"\n\n'
               '[[parts]]\nfiles = "agenda.json"\nreader = "records"\nrecords = "agenda"\nid = "sessionId"\n'
               'date = "day"\ndate_format = "%A, %d %B %Y"\ntime = "time"\npersons = "participants"\n'
               'person = { honorific = "salutation", title = "function", organisation = "affiliation.name", '
               'country = "affiliation.country", role = "part" }\n')
    root = write(tmp_path, {"agenda.json": json.dumps(agenda), "speakergraph.toml": profile})
    session, = parse(root, "agenda.json").sessions
    assert (session.start.isoformat(), session.end.isoformat()) == ("2033-06-03T10:00:00+02:00",
                                                                    "2033-06-03T11:30:00+02:00")
    assert [(r.role_label, r.name.honorific, r.name.name, r.person_key, r.positions[0].organisation, r.country_code)
            for r in session.rows] == [
        ("Chair", "Dr", "Henrik Sørensen", "henrik-sorensen", "Health Data Authority", "DK"),
        ("Speaker", "H.E.", "Pichler", "pichler", "Ministry of Health", "AT")]  # a family name alone: no name glued


def test_records_nested_in_days_and_slots_take_their_date_time_and_room(tmp_path):
    schedule = """[[days]]
date = "2033-09-04"
  [[days.slots]]
  time = "09:00-12:00"
  room = "Lab 1"
    [[days.slots.talks]]
    title = "Async from Scratch"
    speakers = [{ name = "Ingrid Haug", affiliation = "Fjordsoft" }]
[[days]]
date = "2033-09-05"
  [[days.slots]]
  time = "09:00-09:45"
  room = "Main Hall"
    [[days.slots.talks]]
    title = "Keynote: Ten Years of Rust"
    speakers = [{ name = "Ola Nowak", affiliation = "Tromso University" }]
  [[days.slots]]
  time = "23:30-00:30"
    [[days.slots.talks]]
    title = "Lightning Talks"
    room = "Bar"
    speakers = [{ name = "Kai Lind", affiliation = "Telecom Labs" }]
"""
    profile = ('[[parts]]\nfiles = "schedule.toml"\nreader = "records"\nrecords = "days.*.slots.*.talks"\n'
               'time = "time"\nroom = "room"\npersons = "speakers"\n')
    root = write(tmp_path, {"schedule.toml": schedule, "speakergraph.toml": profile})
    parsed = parse(root, "schedule.toml")
    assert [(s.title, s.start.isoformat(), s.end.isoformat(), s.room, [(r.role_label, r.name.name) for r in s.rows])
            for s in parsed.sessions] == [
        ("Async from Scratch", "2033-09-04T09:00:00", "2033-09-04T12:00:00", "Lab 1", [("Speaker", "Ingrid Haug")]),
        ("Keynote: Ten Years of Rust", "2033-09-05T09:00:00", "2033-09-05T09:45:00", "Main Hall",
         [("Keynote", "Ola Nowak")]),  # the title names the role
        ("Lightning Talks", "2033-09-05T23:30:00", "2033-09-06T00:30:00", "Bar", [("Speaker", "Kai Lind")])]


def test_a_file_per_speaker_and_a_programme_of_slugs(tmp_path):
    """Each speaker a YAML file of its own (one record, not a record per key); the programme lists slugs with a
    role each. A slug no speaker file names is named from its words, with a note; the honorific and country of
    a speaker file reach the appearance."""
    from graph.store import open_store
    from ingest.loader import ingest

    root = write(tmp_path / "site", {
        "_data/programme.yml": "sessions:\n  - {id: ice, title: Thin Ice, date: 2034-09-24, start: '10:00',\n"
                               "     speakers: [{slug: nana-ishi, role: moderator}, {slug: elin-berg, role: panellist}]}\n",
        "_speakers/elin-berg.yml": "name: Elin Berg\nhonorific: Dr\ncountry: Finland\n"
                                   "positions:\n  - {title: Senior Researcher, org: Ice Centre, from: 2019}\n",
        "speakergraph.toml": '[[parts]]\nfiles = "_data/programme.yml"\nreader = "records"\nrecords = "sessions"\n'
                             'persons = "speakers"\nperson = { id = "slug", role = "role" }\n\n'
                             '[[parts]]\nfiles = "_speakers/*.yml"\nreader = "records"\nkind = "speakers"\n'
                             'honorific = "honorific"\nposition = "positions.0.title"\n'
                             'organisation = "positions.0.org"\nid = "slug"\n'})
    (root / "_speakers" / "elin-berg.yml").write_text(
        (root / "_speakers" / "elin-berg.yml").read_text() + "slug: elin-berg\n", encoding="utf-8")
    store = open_store(tmp_path / "store")
    summary = ingest(store, [site_for(root)])
    assert rows(store, """SELECT ?role ?name ?h ?code ?org WHERE { ?a sg:session ?s ; sg:person ?p ;
        sg:role/skos:notation ?role . ?p schema:name ?name OPTIONAL { ?a sg:honorific ?h }
        OPTIONAL { ?a sg:country ?c BIND(STRAFTER(STR(?c), "/country/") AS ?code) }
        OPTIONAL { ?a sg:position/sg:organisationLabel ?org } } ORDER BY ?name""") == [
        ["panellist", "Elin Berg", "Dr", "FI", "Ice Centre"], ["moderator", "Nana Ishi", "", "", ""]]
    assert [n.kind for n in summary.notes if "nana-ishi" in n.message] == ["unknown-speaker"]


# --- options ----------------------------------------------------------------------------------


@pytest.mark.parametrize("options, message", [
    ({"recrods": "x"}, "unknown option 'recrods' (did you mean 'records'?)"),
    ({"kind": "talks"}, "kind must be one of sessions, speakers"),
    ({"person_pattern": "Name / Org"}, "unknown person pattern 'Name / Org'"),
    ({"roles": ["mc"]}, "roles must be a table"),
    ({"default_date": "June"}, "default_date must be an ISO date"),
    ({"permalink_template": "/talks/"}, "permalink_template must contain {id}"),
])
def test_bad_options_name_the_option(tmp_path, options, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        Options.from_options(options)
    lines = "".join(f"{k} = {json.dumps(v)}\n" for k, v in options.items())
    write(tmp_path, {"a.yml": "[]\n", "speakergraph.toml": f'[[parts]]\nfiles = "a.yml"\nreader = "records"\n{lines}'})
    with pytest.raises(IngestError, match="records"):
        site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")


def test_records_path_that_finds_no_list_fails_that_file(tmp_path):
    root = write(tmp_path, {"a.yml": "program: 3\n", "speakergraph.toml":
                            '[[parts]]\nfiles = "a.yml"\nreader = "records"\nrecords = "program"\n'})
    with pytest.raises(IngestError, match="a.yml: the part's records = 'program' finds no list"):
        parse(root, "a.yml")


@pytest.mark.parametrize("text, expected", [
    ("Nia Obi,Chief Scientist, Kelp Trust", ("Nia Obi", [("Chief Scientist", "Kelp Trust")])),
    ("Nia Obi. Founder, Kelp Trust", ("Nia Obi", [("Founder", "Kelp Trust")])),
    ("Nia B. Obi, Kelp Trust", ("Nia B. Obi", [(None, "Kelp Trust")])),
    ("Nia Obi, PhD, Chief Scientist, Unit Four, Kelp Trust",
     ("Nia Obi, PhD", [("Chief Scientist", "Unit Four, Kelp Trust")])),
    ("Chief Scientist, Kelp Trust", (None, [("Chief Scientist", "Kelp Trust")])),
    # a title ending in a list ("… of A, B and C") keeps it; an organisation with "and" stays one
    ("Nia Obi, Minister of Tides, Reefs and Harbours, Kelp Trust",
     ("Nia Obi", [("Minister of Tides, Reefs and Harbours", "Kelp Trust")])),
    ("Nia Obi, Director of Research, Science and Tides Agency",
     ("Nia Obi", [("Director of Research", "Science and Tides Agency")])),
])
def test_name_title_org_with_loose_punctuation(text, expected):
    assert brief(split_person(text)) == expected


# --- the real sites (../shared/corpus/sites) ----------------------------------------------------


@pytest.fixture(scope="module")
def fedgeoday():
    return ingested(corpus(SITES / "OSGeo-US__fedgeoday.us"), profile_path=HERE / "profiles" / "fedgeoday.toml")


def test_fedgeoday_counts(fedgeoday):
    # 26 items less 2 breaks; of the printed strings (mc 17, moderator 10, participants 51, presentations 9):
    # 3 are the title line of the person above them, 1 participant and 1 presentation name are empty,
    # one presentation names two people ("A and B")
    assert rows(fedgeoday, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Session }") == [["24"]]
    found = dict(rows(fedgeoday, "SELECT ?label (COUNT(?a) AS ?n) WHERE { ?a a sg:Appearance ; sg:roleLabel ?label }"
                                 " GROUP BY ?label"))
    assert found == {"MC": "15", "Moderator": "9", "Panellist": "50", "Speaker": "9"}
    assert rows(fedgeoday, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?a sg:person ?p }") == [["66"]]


def test_fedgeoday_exact_rows(fedgeoday):
    found = rows(fedgeoday, """
        SELECT ?name ?label ?title ?org ?line WHERE {
          ?a sg:person/schema:name ?name ; sg:roleLabel ?label ; sg:line ?line ; sg:position ?pos .
          OPTIONAL { ?pos sg:title ?title } OPTIONAL { ?pos sg:organisationLabel ?org }
          VALUES ?name { "Nadine Alameh" "Joshua Campbell" "Eddie Pickle" "Ken Kato" }
        } ORDER BY ?name ?line ?title""")
    assert found == [
        ["Eddie Pickle", "MC", "Co-Chair", "FedGeoDay 2021", "16"],
        ["Eddie Pickle", "MC", "Senior Director", "Maxar Technologies", "16"],
        ["Joshua Campbell", "Moderator", "CEO", "Sand Hill Geographics", "41"],
        ["Ken Kato", "Panellist", "Entrepreneur In Residence", "Navy DWO", "89"],
        ["Ken Kato", "Panellist", "Presidential Innovation Fellow", "", "89"],
        ["Nadine Alameh", "Panellist", "Executive Director", "Open Geospatial Consortium", "45"]]


@pytest.fixture(scope="module")
def harms():
    return ingested(corpus(SITES / "BabaSanfour__harms-risks-military-ai.github.io"),
                    profile_path=HERE / "profiles" / "harms-risks.toml")


def test_harms_risks_counts(harms):
    # 15 + 12 slots less 8 breaks; 23 speaker records, 7 skipped, 16 people in 20 appearances
    assert rows(harms, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Session }") == [["19"]]
    assert rows(harms, "SELECT (COUNT(?a) AS ?n) (COUNT(DISTINCT ?p) AS ?people) WHERE { ?a sg:person ?p }") == [
        ["20", "16"]]
    assert rows(harms, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Session FILTER NOT EXISTS { ?s schema:name ?t } }") \
        == [["0"]]


def test_harms_risks_panel_and_paired_positions(harms):
    panel = rows(harms, """
        SELECT ?name WHERE { ?s schema:name "Governance of AI applications in the military" .
                             ?a sg:session ?s ; sg:person/schema:name ?name } ORDER BY ?name""")
    assert [n for (n,) in panel] == ["Elina Noor", "Jessica Dorsey", "Lode Dewaegheneire", "Wanda Muñoz",
                                     "Yoshua Bengio"]
    bengio = rows(harms, """
        SELECT ?start ?title ?org WHERE {
          ?a sg:person/schema:name "Yoshua Bengio" ; sg:session ?s ; sg:position ?pos .
          ?s schema:startDate ?start . ?pos sg:title ?title ; sg:organisationLabel ?org ; sg:order ?o
        } ORDER BY ?start ?o""")
    assert bengio[:4] == [["2024-12-02T09:10:00-05:00", "Founder and Scientific Director", "Mila"],
                          ["2024-12-02T09:10:00-05:00", "Full Professor", "Université de Montréal"],
                          ["2024-12-02T09:10:00-05:00", "AI Chair", "CIFAR"],
                          ["2024-12-02T09:10:00-05:00", "Scientific Director", "IVADO"]]
    assert len(bengio) == 8  # the welcome address and the panel


DDD = SITES / "OpenDDD__dddmelbourne-website"
DDD_COUNTS = {2011: (19, 19), 2012: (18, 18), 2013: (54, 59), 2014: (62, 67), 2015: (24, 28), 2016: (29, 31),
              2017: (36, 39), 2018: (26, 26)}


@pytest.fixture(scope="module")
def ddd():
    return ingested(corpus(DDD), profile_path=HERE / "profiles" / "ddd-melbourne.toml")


def test_ddd_sessions_and_presenter_entries_per_edition(ddd):
    found = rows(ddd, """
        SELECT ?y (COUNT(DISTINCT ?s) AS ?n) (COUNT(?a) AS ?entries) WHERE {
          ?s a sg:Session ; schema:superEvent/sg:year ?y OPTIONAL { ?a sg:session ?s }
        } GROUP BY ?y ORDER BY ?y""")
    entries = {int(y): (int(n), int(e)) for y, n, e in found}
    # 2012 lists one presenter with no name: reported, not counted
    assert entries == {**DDD_COUNTS, 2012: (18, 17)}


def test_ddd_names_join_across_editions(ddd):
    years = defaultdict(set)
    for person, year in rows(ddd, "SELECT ?p ?y WHERE { ?a sg:person ?p ; sg:session/schema:superEvent/sg:year ?y }"):
        years[person.rsplit("/", 1)[-1]].add(year)
    # printed names: 174 (2013 prints "Scott Shaw; Yang Jia", two people), 35 in several editions; identity merges
    # "Allison Ravenhal" (2018) into "Allison Ravenhall" (data/identity.csv), so 173 people, 36 in several editions
    assert len(years) == 173
    assert sorted(years["aaron-powell"]) == ["2011", "2012", "2013", "2014", "2016", "2017", "2018"]
    assert Counter(len(v) > 1 for v in years.values())[True] == 36
    assert sorted(years["allison-ravenhall"]) == ["2017", "2018"]


def test_ddd_2018_tagline_positions(ddd):
    found = rows(ddd, """
        SELECT ?title ?org WHERE { ?a sg:person/schema:name "Dayle Stevens" ; sg:position ?pos .
                                   ?pos sg:title ?title ; sg:organisationLabel ?org }""")
    assert found == [["Divisional CIO", "AGL"]]


def test_ddd_2026_embedded_json_with_the_sessionize_editions(tmp_path):
    folder = corpus(SITES / "OpenDDD__dddmelbourne-website-2024")
    profile = tmp_path / "ddd.toml"
    profile.write_text((HERE / "profiles" / "dddmelbourne-sessionize.toml").read_text() + """
[[parts]]
files = "config/past-agendas/2026.ts"
reader = "records"
embedded = "Session\\\\[\\\\] = (\\\\[.*\\\\])"
title = "Title"
id = "Id"
default_date = "2026-02-21"
persons = "Presenters"
person = { name = "Name", biography = "Bio" }
""")
    store = ingested(corpus(DDD), profile_path=HERE / "profiles" / "ddd-melbourne.toml")
    from ingest.loader import ingest

    ingest(store, [site_for(folder, profile_path=profile)])
    assert rows(store, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Session ; schema:superEvent/sg:year \"2026\"^^"
                       "<http://www.w3.org/2001/XMLSchema#gYear> }") == [["22"]]
    years = defaultdict(set)
    for person, year in rows(store, "SELECT ?p ?y WHERE { ?a sg:person ?p ; "
                                    "sg:session/schema:superEvent/sg:year ?y }"):
        years[person.rsplit("/", 1)[-1]].add(year)
    # the README's 240 names / 48 in several editions counts printed names; identity merges
    # "Allison Ravenhal" (2018) into "Allison Ravenhall" (data/identity.csv), and "Scott Shaw; Yang Jia" (2013)
    # is two people: 239 people, 49 in several
    assert (len(years), sum(len(v) > 1 for v in years.values()), len(years["aaron-powell"])) == (239, 49, 9)


def test_json_and_json_inside_code_report_record_lines(tmp_path):
    agenda = '[\n  {"Title": "Fine", "date": "2030-01-02"},\n  "not a record",\n  {"Title": "No day"}\n]\n'
    code = "import x from 'y'\n\nexport const sessions = " + agenda.replace("\n]", ",\n  42\n]") + "\nexport default 1\n"
    root = write(tmp_path, {"agenda.json": agenda, "agenda.ts": code, "speakergraph.toml": """\
[[parts]]
files = "agenda.json"
reader = "records"

[[parts]]
files = "agenda.ts"
reader = "records"
embedded = "sessions = (\\\\[.*\\\\])"
"""})
    for rel, first in (("agenda.json", 0), ("agenda.ts", 2)):
        parsed = parse(root, rel)
        assert [s.title for s in parsed.sessions] == ["Fine"]
        skipped = [n for n in parsed.notes if n.kind == "skipped-record"]
        assert [n.line for n in skipped] == [first + 3, first + 4] + ([first + 5] if rel == "agenda.ts" else [])


def _documented_parts() -> list[dict]:
    """The ``records`` parts of the TOML examples in docs/sites.md."""
    import tomllib

    text = (HERE.parent / "docs" / "sites.md").read_text(encoding="utf-8")
    section = text[text.index("## Data files"):]
    section = section[:section.index("\n## ", 10)]
    blocks = re.findall(r"```toml\n(.*?)```", section, re.S)
    return [part for block in blocks for part in tomllib.loads(block).get("parts", [])]


def test_the_documented_profiles_are_valid():
    parts = _documented_parts()
    assert len(parts) >= 7 and all(p["reader"] == "records" for p in parts)
    for part in parts:
        readers.check("records", {k: v for k, v in part.items() if k not in ("files", "reader")}, "docs/sites.md",
                      "example")


def test_toml_records_under_nested_keys_and_a_glom_star_spec(tmp_path):
    root = write(tmp_path, {"event.toml": """\
[meta]
name = "Made-up Days"

[[programme.talks]]
title = "Salt Roads"
when = { day = "2034-09-09", at = "14:00" }
speakers = [{ who = { name = "Uma Sato", org = "Brine Co" } }, { who = { name = "Vik Rao" } }]
""", "speakergraph.toml": """\
[[parts]]
files = "event.toml"
reader = "records"
records = "programme.talks"
date = "when.day"
time = "when.at"
persons = "speakers.*.who"
"""})
    talk = parse(root, "event.toml").sessions[0]
    assert (talk.title, talk.start.isoformat(), talk.time_label) == ("Salt Roads", "2034-09-09T14:00:00", "14:00")
    assert people(talk) == [("Speaker", "Uma Sato", [(None, "Brine Co")], None),
                            ("Speaker", "Vik Rao", [], None)]


# --- a schedule export whose people are a comma list, joined to people records by name ------------------

SCHED = {
    "sched/sessions.json": json.dumps([
        {"event_key": "k1", "name": "Threat landscape", "event_start": "2032-05-12 09:30",
         "event_end": "2032-05-12 10:30", "event_type": "Panel",
         "speakers": "Col. Andris Ozols, Aino Virtanen, Robert Kask, Jr.", "moderators": "Liis Tamm"},
        {"event_key": "k2", "name": "Opening", "event_start": "2032-05-12 09:00", "speakers": "Liis Tamm"}]),
    "sched/speakers.csv": "name,company,position,location\n"
                          "Liis Tamm,\"CERT-EE, Estonia\",Head of Response,\"Tallinn, Estonia\"\n"
                          "Aino Virtanen,Example Oy,CTO,Espoo\n"
                          "Robert Kask Jr.,\"Harbour Lab (Latvia)\",Researcher,\n",
    "speakergraph.toml": '[site]\nseries = "bss"\ntimezone = "Europe/Tallinn"\n'
                         '[[parts]]\nfiles = "sched/sessions.json"\nreader = "records"\nid = "event_key"\n'
                         'title = "name"\nstart = "event_start"\nend = "event_end"\nformat = "event_type"\n'
                         'roles = { speakers = "Speaker", moderators = "Moderator" }\npeople_separators = [", "]\n'
                         '[[parts]]\nfiles = "sched/speakers.csv"\nreader = "records"\nkind = "speakers"\n'
                         'name = "name"\norganisation = "company"\nposition = "position"\ncountry = "location"\n'}


def test_a_comma_list_with_a_generation_suffix_and_places_that_end_in_a_country(tmp_path):
    root = write(tmp_path / "bss", SCHED)
    store = ingested(root, profile_path=root / "speakergraph.toml")
    found = rows(store, """
        SELECT ?title ?name ?org ?country WHERE {
          ?a sg:session/schema:name ?title ; sg:person/schema:name ?name .
          OPTIONAL { ?a sg:position/sg:organisationLabel ?org }
          OPTIONAL { ?a sg:country ?c BIND(STRAFTER(STR(?c), "/country/") AS ?country) }
        } ORDER BY ?title ?name""")
    assert found == [["Opening", "Liis Tamm", "CERT-EE", "EE"],
                     ["Threat landscape", "Aino Virtanen", "Example Oy", ""],
                     ["Threat landscape", "Andris Ozols", "", ""],
                     ["Threat landscape", "Liis Tamm", "CERT-EE", "EE"],
                     ["Threat landscape", "Robert Kask Jr.", "Harbour Lab", "LV"]]
    notes = readers.read(read_document(root, root / "sched/speakers.csv"),
                         site_for(root, profile_path=root / "speakergraph.toml")).notes
    assert [n.message for n in notes if n.kind == "unknown-country"] == [
        "Aino Virtanen: country 'Espoo' is not in data/countries.csv — left out; if it is a country, add it to the "
        "file's aliases"]


# --- records keyed by id at every level, moments as {date, time, tz} (an Indico timetable) ---------------

def _entry(kind, title, day, start, end, **people):
    return {"entryType": kind, "title": title, "code": "",
            "startDate": {"date": day, "time": start, "tz": "Europe/Zurich"},
            "endDate": {"date": day, "time": end, "tz": "Europe/Zurich"}, **people}


TIMETABLE = {"results": {"1589": {"20320519": {
    "c1": _entry("Contribution", "Opening", "2032-05-19", "09:00:00", "09:20:00",
                 presenters=[{"name": "H.E. Ms Amina Wanjiru", "affiliation": "Ministry of Foreign Affairs, Kenya"}]),
    "b1": _entry("Break", "Coffee Break", "2032-05-19", "09:20:00", "09:40:00"),
    "s1": {**_entry("Session", "Norms", "2032-05-19", "09:40:00", "11:00:00",
                    conveners=[{"name": "Priya Raman", "affiliation": "Example Institute (India)"}]),
           "entries": {"c2": _entry("Contribution", "Attribution", "2032-05-19", "09:40:00", "10:10:00",
                                    presenters=[{"name": "Dr Hannah Okoye", "affiliation": "University of Lagos"}]),
                       "c3": _entry("Contribution", "Withdrawn talk", "2032-05-19", "10:10:00", "10:30:00",
                                    presenters=[{"name": "Bo Chan", "affiliation": "Acme"}], status="withdrawn")}},
}}}}
TIMETABLE_PROFILE = """\
[site]
series = "gcsd"
[[parts]]
files = "timetable.json"
reader = "records"
records = "results.*.*.*"
date = "startDate.date"
start = "startDate"
end = "endDate"
format = "entryType"
roles = { presenters = "Speaker", conveners = "Convener" }
[[parts]]
files = "timetable.json"
reader = "records"
records = "results.*.*.*.entries.*"
start = "startDate"
end = "endDate"
track = "^.title"
persons = "presenters"
skip_when = { status = ["Withdrawn", "cancelled"] }
"""


def test_records_keyed_by_id_at_every_level_with_moments_in_parts(tmp_path):
    root = write(tmp_path / "gcsd", {"timetable.json": json.dumps(TIMETABLE), "speakergraph.toml": TIMETABLE_PROFILE})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    assert [name for name, _ in site.readers_for("timetable.json")] == ["records", "records"]
    parsed = readers.read(read_document(root, root / "timetable.json"), site)
    got = [(s.title, s.start.isoformat(), s.end.isoformat(), [(r.role, r.name.name, r.country_code) for r in s.rows])
           for s in parsed.sessions]
    assert got == [
        ("Opening", "2032-05-19T09:00:00+02:00", "2032-05-19T09:20:00+02:00", [("remarks", "Amina Wanjiru", "KE")]),  # "Opening"
        ("Norms", "2032-05-19T09:40:00+02:00", "2032-05-19T11:00:00+02:00", [("moderator", "Priya Raman", "IN")]),
        ("Attribution", "2032-05-19T09:40:00+02:00", "2032-05-19T10:10:00+02:00", [("speaker", "Hannah Okoye", None)])]
    assert [s.track for s in parsed.sessions] == [None, None, "Norms"]  # the block a talk sits in: "^.title"
    skipped = [n.message for n in parsed.notes if n.kind == "skipped-record"]
    assert skipped == ["record 2 (Coffee Break) is a break that names nobody — skipped",
                       "record 2 has status = 'withdrawn' (skip_when) — skipped"]


def test_an_indico_contribution_is_no_pretalx_submission(tmp_path):
    from ingest import pretalx

    export = {"results": [{"id": "1", "title": "Dialogue 2032", "contributions": [
        {"id": "7", "code": "", "title": "Opening", "speakers": [{"fullName": "Lee, Ann"}]}]}]}
    root = write(tmp_path / "ev", {"event.json": json.dumps(export)})
    assert not pretalx.detect(read_document(root, root / "event.json"))


def test_skip_when_takes_values_and_names_a_bad_one():
    assert Options.from_options({"skip_when": {"active": ["N", False]}}).skip_when == {"active": ("n", "false")}
    with pytest.raises(ValueError, match=r"skip_when: active must be a value or a list of values"):
        Options.from_options({"skip_when": {"active": {"x": 1}}})


# --- a spreadsheet exported as CSV: blanks under a session's first row, heading rows, cells of two lines -------

SHEET = ("\ufeffDate;Time;Session;Role;Name;Title;Organisation;Country;;\r\n"
         "Day 1 – Tuesday 16 March 2032;;;;;;;;;\r\n"
         "16/03/2032;0900-1030;Opening Session: The State of Things;Chair;Commodore Aroha Tane;Director;"
         "Maritime Centre;New Zealand;;\r\n"
         ";;;Speaker;H.E. Losana Vaka;Ambassador;Ministry of Foreign Affairs;Fiji;;\r\n"
         "16/03/2032;1030-1100;Coffee break;;;;;;;\r\n"
         "16/03/2032;1100-1230;Panel: Dark Vessels;Chair;Mr Tomasi Kau;Deputy Director;Maritime Police;Tonga;;\r\n"
         ';;;Speaker;"Dr Kenji Wata\nMs Tala Fale";"Research Director\nFisheries Officer";'
         '"Ocean Institute\nFisheries Division";"Japan\nSamoa";;\r\n')
SHEET_PROFILE = ('[site]\nseries = "pmsw"\ntimezone = "Pacific/Fiji"\n[[parts]]\nfiles = "programme.csv"\n'
                 'reader = "records"\ntitle = "Session"\ndate = "Date"\ndate_format = "%d/%m/%Y"\ntime = "Time"\n'
                 'persons = ""\nperson = { name = "Name", role = "Role", title = "Title", organisation = "Organisation", '
                 'country = "Country" }\n')


def test_a_spreadsheet_with_blanks_below_each_session_and_two_people_in_a_cell(tmp_path):
    root = write(tmp_path / "pmsw", {"programme.csv": SHEET, "speakergraph.toml": SHEET_PROFILE})
    parsed = parse(root, "programme.csv")
    got = [(s.title, s.start.isoformat(), s.end.isoformat(),
            [(r.role_label, r.role, r.name.honorific, r.name.name, [(p.title, p.organisation) for p in r.positions],
              r.country_code) for r in s.rows]) for s in parsed.sessions]
    assert got == [
        ("Opening Session: The State of Things", "2032-03-16T09:00:00+12:00", "2032-03-16T10:30:00+12:00", [
            ("Chair", "moderator", "Commodore", "Aroha Tane", [("Director", "Maritime Centre")], "NZ"),
            # the printed "Speaker" stays a speaker, though the title says "Opening Session"
            ("Speaker", "speaker", "H.E.", "Losana Vaka", [("Ambassador", "Ministry of Foreign Affairs")], "FJ")]),
        ("Panel: Dark Vessels", "2032-03-16T11:00:00+12:00", "2032-03-16T12:30:00+12:00", [
            ("Chair", "moderator", "Mr", "Tomasi Kau", [("Deputy Director", "Maritime Police")], "TO"),
            ("Speaker", "speaker", "Dr", "Kenji Wata", [("Research Director", "Ocean Institute")], "JP"),
            ("Speaker", "speaker", "Ms", "Tala Fale", [("Fisheries Officer", "Fisheries Division")], "WS")])]
    # the heading row and the break are no records to report; nothing else was skipped
    assert [n.message for n in parsed.notes if n.kind in ("skipped-record", "skipped-row")] == [
        "record 4 (Coffee break) is a break that names nobody — skipped"]


def test_a_printed_speaker_takes_the_role_the_sessions_format_field_names(tmp_path):
    """A Role column saying "Speaker" beside a Format column saying "Remarks": the speaker gives remarks; a role that
    says more ("Moderator") stays, and a title alone ("Opening Session", above) leaves a printed Speaker a speaker."""
    sheet = ("Date;Time;Session;Format;Role;Name\n"
             "16/03/2032;1700-1715;Closing;Remarks;Speaker;Ann Lee\n"
             "16/03/2032;1700-1715;Closing;Remarks;Moderator;Bo Chan\n"
             "16/03/2032;1500-1600;Open Seas;Talk;Speaker;Cy Roe\n")
    profile = ('[site]\nseries = "pmsw"\n[[parts]]\nfiles = "programme.csv"\nreader = "records"\ntitle = "Session"\n'
               'format = "Format"\ndate = "Date"\ndate_format = "%d/%m/%Y"\ntime = "Time"\npersons = ""\n'
               'person = { name = "Name", role = "Role" }\n')
    root = write(tmp_path / "pmsw", {"programme.csv": sheet, "speakergraph.toml": profile})
    got = {(r.name.name, r.role) for s in parse(root, "programme.csv").sessions for r in s.rows}
    assert got == {("Ann Lee", "remarks"), ("Bo Chan", "moderator"), ("Cy Roe", "speaker")}
