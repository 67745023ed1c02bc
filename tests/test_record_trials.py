"""The records reader on shapes new users met on made-up sites: several people in one cell, an organisation field
that prints a title too, two positions in one pair of fields, a job title the profile names explicitly, an honorific
of its own field, a speaker file without an id, day labels before dates, and Hugo's durations."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files as write
from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document


def parse(root: Path, rel: str):
    """One file of a made-up site read, tidied and normalized as the loader does."""
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def people(session):
    return [(r.name.name, [(p.title, p.organisation) for p in r.positions], r.country_label) for r in session.rows]


def pages(parsed):
    return [(p.name.honorific, p.name.name, [(x.title, x.organisation) for x in p.positions]) for p in parsed.speakers]


# --- several people in one cell: split into people first, then each by the pattern ----------------

CELLS = '''\
Title,Day,Speakers
Paying Across Borders,2031-06-05,"Inés Carvajal (CTO, Pagora, Chile); Dr. Arjun Pillai, Head of Risk, Kaveri Telecom, India; Kofi Asante-Boadu (Founder & CEO, Ledgerline, Ghana)"
Banks and the State,2031-06-05,"Mikkel Østergaard, CISO, Fjordbank, Denmark and Siew Ling Goh, Director, Civic Data Office, Singapore"
Two Lines,2031-06-05,"Rosa Quispe, Director, Andes Maps
Tomasz Wróbel, CTO, Vistula Grid"
One Person,2031-06-05,"Lena Brandt, Head of Research and Development Fund, Alder Labs"
Two Jobs,2031-06-05,"Rui Sousa, Director, Tejo Data; Adviser, Atlantic Policy Group"
'''
CELLS_PROFILE = '''\
[[parts]]
files = "agenda.csv"
reader = "records"
title = "Title"
date = "Day"
roles = { Speakers = "Speaker" }
person_pattern = ["Name (Org)", "Name, Title, Org"]
'''


def test_several_people_in_one_cell_are_split_before_the_pattern(tmp_path):
    root = write(tmp_path, {"agenda.csv": CELLS, "speakergraph.toml": CELLS_PROFILE})
    borders, banks, lines, one, jobs = parse(root, "agenda.csv").sessions
    assert people(borders) == [("Inés Carvajal", [("CTO", "Pagora")], "Chile"),
                               ("Arjun Pillai", [("Head of Risk", "Kaveri Telecom")], "India"),
                               ("Kofi Asante-Boadu", [("Founder & CEO", "Ledgerline")], "Ghana")]
    assert people(banks) == [("Mikkel Østergaard", [("CISO", "Fjordbank")], "Denmark"),
                             ("Siew Ling Goh", [("Director", "Civic Data Office")], "Singapore")]
    assert people(lines) == [("Rosa Quispe", [("Director", "Andes Maps")], None),
                             ("Tomasz Wróbel", [("CTO", "Vistula Grid")], None)]
    # " and " inside a title, and ";" before a second job, part no people
    assert people(one) == [("Lena Brandt", [("Head of Research and Development Fund", "Alder Labs")], None)]
    assert people(jobs) == [("Rui Sousa", [("Director", "Tejo Data"), ("Adviser", "Atlantic Policy Group")], None)]


# --- an organisation field that prints "Title, Org" ----------------------------------------------

AFFILIATIONS = '''\
[{"name": "Lucia Ferraro", "affiliation": "Chief Economist, Vento Energia S.p.A."},
 {"name": "Petr Dvorak", "affiliation": "Morava Stroje, a. s."},
 {"name": "Ana Lima", "affiliation": "Department of Physics, University of Porto"},
 {"name": "Ola Vik", "affiliation": "Fjord Lab"},
 {"name": "Ivo Kern", "institution": "SRE @ Kestrel"}]
'''
AFFILIATIONS_PROFILE = '''\
[[parts]]
files = "speakers.json"
reader = "records"
kind = "speakers"
position_pattern = ["Title @ Org", "Title at Org"]
'''


def test_an_organisation_field_holding_a_title_is_split(tmp_path):
    root = write(tmp_path, {"speakers.json": AFFILIATIONS, "speakergraph.toml": AFFILIATIONS_PROFILE})
    assert pages(parse(root, "speakers.json")) == [
        (None, "Lucia Ferraro", [("Chief Economist", "Vento Energia S.p.A.")]),
        (None, "Petr Dvorak", [(None, "Morava Stroje, a. s.")]),  # a legal form, not a second part
        (None, "Ana Lima", [(None, "Department of Physics, University of Porto")]),
        (None, "Ola Vik", [(None, "Fjord Lab")]),
        (None, "Ivo Kern", [("SRE", "Kestrel")])]  # the declared position_pattern reads the organisation field too


TAGLINES = '''\
- {name: Mia Holm, affiliation: "Senior Analyst, Harbour Data"}
- {name: Eli Sand, affiliation: "Lead Engineer at Kestrel", company: Kestrel AS}
- {name: Noor Aziz, affiliation: "Research Fellow at Tidewater", company: Harbour Labs}
'''
TAGLINES_PROFILE = '''\
[[parts]]
files = "speakers.yml"
reader = "records"
kind = "speakers"
position = "affiliation"
position_pattern = ["Title at Org", "Title, Org"]
'''


def test_a_position_pattern_applies_beside_the_default_organisation_keys(tmp_path):
    """``affiliation`` is a default organisation key too: named as the title, it is read once, by the pattern;
    an organisation field naming the pattern's organisation takes its place."""
    root = write(tmp_path, {"speakers.yml": TAGLINES, "speakergraph.toml": TAGLINES_PROFILE})
    assert pages(parse(root, "speakers.yml")) == [
        (None, "Mia Holm", [("Senior Analyst", "Harbour Data")]),
        (None, "Eli Sand", [("Lead Engineer", "Kestrel AS")]),
        (None, "Noor Aziz", [("Research Fellow at Tidewater", "Harbour Labs")])]  # another organisation: paired


# --- two positions in one pair of fields ----------------------------------------------------------

TWO_JOBS = '''\
- {name: Noa Lind, title: "Principal Engineer; Board Member", company: "Quarkly SAS; OpenRail Foundation"}
- {name: Per Aas, title: "Architect; Mentor", company: "Quarkly SAS"}
'''
TWO_JOBS_BARS = '''\
- {name: Kai Moe, title: "Staff Engineer | Trustee", company: "Nordvik Rail | Open Tracks Trust"}
'''


def test_two_titles_pair_with_an_organisation_parted_the_same_way(tmp_path):
    profile = '[[parts]]\nfiles = "a.yml"\nreader = "records"\nkind = "speakers"\nposition = "title"\n' \
              'organisation = "company"\ntitle_separator = "; "\n\n' \
              '[[parts]]\nfiles = "b.yml"\nreader = "records"\nkind = "speakers"\nposition = "title"\n' \
              'organisation = "company"\n'
    root = write(tmp_path, {"a.yml": TWO_JOBS, "b.yml": TWO_JOBS_BARS, "speakergraph.toml": profile})
    assert pages(parse(root, "a.yml")) == [
        (None, "Noa Lind", [("Principal Engineer", "Quarkly SAS"), ("Board Member", "OpenRail Foundation")]),
        (None, "Per Aas", [("Architect", "Quarkly SAS"), ("Mentor", None)])]  # one organisation: the first job's
    # no title_separator: both fields parted at one "|" (or ";") into as many jobs
    assert pages(parse(root, "b.yml")) == [
        (None, "Kai Moe", [("Staff Engineer", "Nordvik Rail"), ("Trustee", "Open Tracks Trust")])]


# --- a job title the profile names explicitly; talk titles dropped with a note ---------------------

DEANS = '''\
- {name: Ola Vik, title: "Dean, Faculty of Computer Science"}
- {name: Siri Dahl, title: "Tides, Ice and the Long View of Coastlines"}
'''
TALK_TITLES = '''\
- title: Lightning Talks
  date: 2031-06-13
  speakers:
    - {name: Kofi Mensah, title: Mapping Flood Risk with Open Data, org: Riverbend Geo}
    - {name: Uma Roy, title: "Dean, School of Earth Sciences", org: Hill University}
'''


def test_a_job_title_named_explicitly_is_kept_and_a_dropped_talk_title_is_noted(tmp_path):
    profile = '[[parts]]\nfiles = "speakers.yml"\nreader = "records"\nkind = "speakers"\nposition = "title"\n\n' \
              '[[parts]]\nfiles = "talks.yml"\nreader = "records"\n' \
              'person = { name = "name", title = "title", organisation = "org" }\n'
    root = write(tmp_path, {"speakers.yml": DEANS, "talks.yml": TALK_TITLES, "speakergraph.toml": profile})
    assert pages(parse(root, "speakers.yml")) == [
        (None, "Ola Vik", [("Dean, Faculty of Computer Science", None)]),
        (None, "Siri Dahl", [("Tides, Ice and the Long View of Coastlines", None)])]  # the profile said so
    talks = parse(root, "talks.yml")
    assert people(talks.sessions[0]) == [("Kofi Mensah", [(None, "Riverbend Geo")], None),
                                         ("Uma Roy", [("Dean, School of Earth Sciences", "Hill University")], None)]
    assert [n.message for n in talks.notes if n.kind == "talk-title"] == [
        "Kofi Mensah: title 'Mapping Flood Risk with Open Data' reads as a talk's title, not a job's — no job title "
        "from it (a job title has a job word, or at most three words and no colon or question mark)"]


# --- an honorific of its own field --------------------------------------------------------------------

HONORIFICS = '''\
- {honorific: "M.", name: Yann-Erwan Le Goff, session: "2031-06-05", time: "10:00"}
- {honorific: Dr, name: Dr Ann Lee}
'''


def test_an_honorific_of_its_own_field_is_set_not_read_again_from_the_name(tmp_path):
    profile = '[[parts]]\nfiles = "speakers.yml"\nreader = "records"\nkind = "speakers"\nhonorific = "honorific"\n' \
              'session_date = "session"\nsession_time = "time"\n'
    root = write(tmp_path, {"speakers.yml": HONORIFICS, "speakergraph.toml": profile})
    parsed = parse(root, "speakers.yml")
    assert pages(parsed) == [("M.", "Yann-Erwan Le Goff", []), ("Dr", "Ann Lee", [])]
    assert [(r.name.honorific, r.name.name) for r in parsed.sessions[0].rows] == [("M.", "Yann-Erwan Le Goff")]


# --- a speaker's own file without an id; one slug as a speaker list ---------------------------------


def test_a_speaker_file_without_an_id_is_joined_by_its_file_name(tmp_path):
    from graph.store import open_store
    from ingest.loader import ingest
    from test_datarecords import rows

    root = write(tmp_path / "site", {
        "data/speakers/joana-marques.yaml": "name: Joana Marques Vieira\ncompany: Tejo Labs\n",
        "data/speakers/tomas-ruiz.yaml": "name: Tomás Ruiz Ortega\ncompany: Meseta Data\n",
        "data/talks.yaml": "- {id: rivers, title: Rivers of Data, date: 2031-06-05, speakers: [joana-marques]}\n",
        "content/talks/maps.md": "---\ntitle: Maps for Everyone\ndate: 2031-06-06\nspeakers: tomas-ruiz\n---\n",
        "speakergraph.toml": '[[parts]]\nfiles = "data/talks.yaml"\nreader = "records"\npersons_are = "ids"\n\n'
                             '[[parts]]\nfiles = "data/speakers/*.yaml"\nreader = "records"\nkind = "speakers"\n\n'
                             '[[parts]]\nfiles = "content/talks/*.md"\nreader = "frontmatter"\n'
                             'sessions = "content/talks/*.md"\nlink_template = "/speakers/{slug}/"\n'})
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root)])
    assert rows(store, """SELECT ?talk ?name ?org WHERE { ?a sg:session/schema:name ?talk ; sg:person ?p .
        ?p schema:name ?name OPTIONAL { ?a sg:position/sg:organisationLabel ?org } } ORDER BY ?talk""") == [
        ["Maps for Everyone", "Tomás Ruiz Ortega", "Meseta Data"],
        ["Rivers of Data", "Joana Marques Vieira", "Tejo Labs"]]


# --- day labels before a date; Hugo's durations; a talk's own length inside its slot ----------------

DAYS = '''\
- {title: Opening, date: "Day 2 – 5 June", time: "09:00", duration: "1h30m", speakers: [Ann Lee]}
- {title: Workshop, date: "Tuesday, 6 June", time: "10:00", duration: "2h", speakers: [Bo Chan]}
- {title: Panel, date: "Wed. 7 June", time: "14:00", duration: "90m", speakers: [Cy Diaz]}
- {title: Flash, date: "7 June", time: "16:00", duration: 5, speakers: [Di Eng]}
'''
SLOTS = '''\
- date: 2031-06-08
  start: "15:00"
  end: "16:00"
  talks:
    - {title: Tiny Maps, time: "15:00", duration: "5m", speakers: [Ed Fox]}
    - {title: Small Tides, time: "15:05", duration: 5, speakers: [Flo Gray]}
    - {title: The Long One, time: "15:10", speakers: [Gus Hale]}
'''


def test_day_labels_before_dates_and_hugo_durations(tmp_path):
    profile = '[site]\nyear = 2031\n\n[[parts]]\nfiles = "days.yml"\nreader = "records"\ndate_format = "%d %B"\n\n' \
              '[[parts]]\nfiles = "slots.yml"\nreader = "records"\nrecords = "*.talks"\n'
    root = write(tmp_path, {"days.yml": DAYS, "slots.yml": SLOTS, "speakergraph.toml": profile})
    days = parse(root, "days.yml")
    assert [(s.title, s.start.isoformat(), s.end.isoformat()) for s in days.sessions] == [
        ("Opening", "2031-06-05T09:00:00", "2031-06-05T10:30:00"),
        ("Workshop", "2031-06-06T10:00:00", "2031-06-06T12:00:00"),
        ("Panel", "2031-06-07T14:00:00", "2031-06-07T15:30:00"),
        ("Flash", "2031-06-07T16:00:00", "2031-06-07T16:05:00")]
    assert not [n for n in days.notes if n.kind in ("bad-date", "skipped-record")]
    slots = parse(root, "slots.yml")
    assert [(s.title, s.start.strftime("%H:%M"), s.end.strftime("%H:%M")) for s in slots.sessions] == [
        ("Tiny Maps", "15:00", "15:05"), ("Small Tides", "15:05", "15:10"),
        ("The Long One", "15:10", "16:00")]  # no length of its own: the slot's end; its own start, not the slot's


def test_a_hugo_duration_on_a_front_matter_page_gives_its_end(tmp_path):
    root = write(tmp_path, {
        "content/talks/lab.md": "---\ntitle: Tracing Lab\ndate: 2031-06-06T14:00:00+01:00\nduration: \"2h\"\n"
                                "speakers: [ada-lund]\n---\n",
        "speakergraph.toml": '[[parts]]\nfiles = "content/talks/*.md"\nreader = "frontmatter"\n'})
    session = parse(root, "content/talks/lab.md").sessions[0]
    assert (session.start.isoformat(), session.end.isoformat()) == ("2031-06-06T14:00:00+01:00",
                                                                    "2031-06-06T16:00:00+01:00")
