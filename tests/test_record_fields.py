"""The records reader on made-up data files: a time key holding the whole date-time, clocks with a zone word,
talk titles under a person's ``title`` key, a job title that repeats its organisation, YAML's yes/no words kept as
text (``country: NO``), and records the site does not publish."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files as write
from ingest import readers
from ingest.loader import site_for
from ingest.read import load_yaml, read_document


def parse(root: Path, rel: str):
    """One file of a made-up site read, tidied and normalized as the loader does."""
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def people(session):
    return [(r.role_label, r.name.name, [(p.title, p.organisation) for p in r.positions]) for r in session.rows]


# --- the day of a time key that holds a date-time; a zone word after a clock -----------------------

TIMES = """\
program:
  - title: Morning Panel
    panelists: ["Ann Lee, Director, Acme Maps"]
    time: 2031-06-13T10:45:00-04:00
  - title: Noon Panel
    panelists: ["Bo Chan, CTO, Beta Geo"]
    time: "June 14, 2031 12:10 PM"
  - title: Afternoon Panel
    panelists: ["Cy Diaz, Analyst, Gamma Labs"]
    date: 2031-06-13
    time: "3:00 PM ET"
  - title: Evening Panel
    panelists: ["Di Eng, CEO, Delta Data"]
    date: 2031-06-13
    time: "18:00 CEST"
"""
TIMES_PROFILE = """\
[[parts]]
files = "_data/program.yml"
reader = "records"
records = "program"
date = "date"
time = "time"
roles = { panelists = "Panellist" }
person_pattern = ["Name, Title, Org"]
"""


def test_a_time_key_holding_the_date_time_dates_the_record_and_zone_words_give_offsets(tmp_path):
    root = write(tmp_path, {"_data/program.yml": TIMES, "speakergraph.toml": TIMES_PROFILE})
    parsed = parse(root, "_data/program.yml")
    assert [(s.title, s.date.isoformat(), s.start.isoformat()) for s in parsed.sessions] == [
        ("Morning Panel", "2031-06-13", "2031-06-13T10:45:00-04:00"),
        ("Noon Panel", "2031-06-14", "2031-06-14T12:10:00"),
        ("Afternoon Panel", "2031-06-13", "2031-06-13T15:00:00-04:00"),
        ("Evening Panel", "2031-06-13", "2031-06-13T18:00:00+02:00")]
    assert not [n for n in parsed.notes if n.kind == "skipped-record"]


# --- a person's "title" key: the job, or the talk --------------------------------------------------

TALKS = """\
program:
  - title: Opening Panel
    start: 2031-06-13T09:10:00
    panelists:
      - {name: Tam Wick, title: Chief Data Officer, org: Fish Agency}
      - {name: Uma Roy, title: Cartographer, org: Hill Survey}
  - title: Lightning Talks
    start: 2031-06-13T10:45:00
    speakers:
      - {title: Mapping Flood Risk with Open Data, name: Kofi Mensah, org: Riverbend Geo}
      - {title: "Parcels: Data Without the Paperwork", name: "Bea Lind, GIS Program Manager", org: Valley Commission}
  - start: 2031-06-13T11:30:00
    speakers:
      - {title: Counting Trees from Space, name: Vera Holm, org: Canopy Lab}
"""
TALKS_PROFILE = """\
[[parts]]
files = "_data/program.yml"
reader = "records"
records = "program"
roles = { panelists = "Panellist", speakers = "Speaker" }
person = { name = "name", title = "title", organisation = "org" }
person_pattern = ["Name, Title, Org"]
"""


def test_a_talk_title_under_a_persons_title_key_is_no_job_title(tmp_path):
    root = write(tmp_path, {"_data/program.yml": TALKS, "speakergraph.toml": TALKS_PROFILE})
    parsed = parse(root, "_data/program.yml")
    panel, talks, single = parsed.sessions
    assert people(panel) == [("Panellist", "Tam Wick", [("Chief Data Officer", "Fish Agency")]),
                             ("Panellist", "Uma Roy", [("Cartographer", "Hill Survey")])]
    assert people(talks) == [("Speaker", "Kofi Mensah", [(None, "Riverbend Geo")]),
                             ("Speaker", "Bea Lind", [("GIS Program Manager", "Valley Commission")])]
    # a record without a title of its own takes its one talk's
    assert (single.title, people(single)) == ("Counting Trees from Space",
                                              [("Speaker", "Vera Holm", [(None, "Canopy Lab")])])


# --- a job title that repeats the organisation of its own field --------------------------------------

SPEAKERS = """\
- id: ana-lima
  name: Ana Lima
  institution: Example CERT
  position-title: Threat Researcher at Example CERT
- id: bo-li
  name: Bo Li
  institution: Harbour Labs
  position-title: Director, Harbour Labs
- id: cy-fox
  name: Cy Fox
  institution: Harbour Labs
  position-title: Head of Research at Tidewater
"""
SPEAKERS_PROFILE = """\
[[parts]]
files = "_data/speakers.yml"
reader = "records"
kind = "speakers"
person = { id = "id", name = "name", position = "position-title", organisation = "institution" }
"""


def test_a_title_ending_in_its_own_organisation_loses_it(tmp_path):
    root = write(tmp_path, {"_data/speakers.yml": SPEAKERS, "speakergraph.toml": SPEAKERS_PROFILE})
    parsed = parse(root, "_data/speakers.yml")
    assert [(p.printed_name, [(x.title, x.organisation) for x in p.positions]) for p in parsed.speakers] == [
        ("Ana Lima", [("Threat Researcher", "Example CERT")]),
        ("Bo Li", [("Director", "Harbour Labs")]),
        ("Cy Fox", [("Head of Research at Tidewater", "Harbour Labs")])]  # another organisation: kept


# --- YAML's yes/no words stay text: country NO is Norway -------------------------------------------

COUNTRIES = """\
- name: Ola Berg
  company: Fjord Lab
  country: NO
- name: Ines Sol
  company: Sol Partners
  country: "ES"
"""
COUNTRIES_PROFILE = """\
[[parts]]
files = "_data/speakers.yml"
reader = "records"
kind = "speakers"
person = { name = "name", organisation = "company", country = "country" }
"""


def test_country_no_is_norway_not_false(tmp_path):
    root = write(tmp_path, {"_data/speakers.yml": COUNTRIES, "speakergraph.toml": COUNTRIES_PROFILE})
    parsed = parse(root, "_data/speakers.yml")
    assert [(p.printed_name, p.country_label, p.country_code) for p in parsed.speakers] == [
        ("Ola Berg", "NO", "NO"), ("Ines Sol", "ES", "ES")]


def test_yaml_booleans_are_only_true_and_false():
    meta = load_yaml("a.md", "country: NO\nlive: On\nskip: true\npublished: FALSE\nanswer: yes\n")
    assert meta == {"country": "NO", "live": "On", "skip": True, "published": False, "answer": "yes"}


# --- records the site does not publish, and records marked to skip ---------------------------------

DRAFTS = """\
- {title: Shown, date: 2031-06-13, speakers: [Ann Lee]}
- {title: Hidden, date: 2031-06-13, speakers: [Bo Chan], published: false}
- {title: Hidden Too, date: 2031-06-13, speakers: [Cy Diaz], published: no}
- {title: Work in Progress, date: 2031-06-13, speakers: [Di Eng], draft: true}
- {title: Ready, date: 2031-06-13, speakers: [Ed Fox], draft: false, published: true}
- {title: Off Air, date: 2031-06-13, speakers: [Flo Gray], active: no}
- {title: Marked, date: 2031-06-13, speakers: [Gus Hale], hide: yes}
"""
DRAFTS_PROFILE = """\
[[parts]]
files = "_data/*.yml"
reader = "records"
skip = "hide"
skip_when = { active = false }

[[parts]]
files = "_data/*.csv"
reader = "records"
"""
DRAFTS_CSV = """\
title,date,speakers,Published
Shown Here,2031-06-14,Hal Ives,TRUE
Not Yet,2031-06-14,Ivy Joy,FALSE
"""


def test_unpublished_and_draft_records_are_skipped_with_a_note(tmp_path):
    root = write(tmp_path, {"_data/program.yml": DRAFTS, "_data/program.csv": DRAFTS_CSV,
                            "speakergraph.toml": DRAFTS_PROFILE})
    parsed = parse(root, "_data/program.yml")
    assert [s.title for s in parsed.sessions] == ["Shown", "Ready"]
    notes = [str(n) for n in parsed.notes if n.kind == "skipped-record"]
    assert "_data/program.yml:2: record 2 is not published (published: False) — skipped; remove the mark to " \
           "read it" in notes
    assert any("record 3 is not published (published: no)" in n for n in notes)
    assert any("record 4 is not published (draft: True)" in n for n in notes)
    assert any("record 6 has active = 'no' (skip_when)" in n for n in notes)
    assert any("record 7 is marked to skip (hide)" in n for n in notes)
    assert [s.title for s in parse(root, "_data/program.csv").sessions] == ["Shown Here"]


# --- a speakers file placing people into a schedule's slots: one key per clock, the slot's role, the talk's title ----

SLOT_SCHEDULE = """\
- name: "Panel discussion"
  time_start: "10:45"
  title: "Who counts the counters?"
- name: "Keynote talk"
  time_start: "09:30"
"""
SLOT_SPEAKERS = """\
- fullname: Ann Lee
  position: Director
  affiliations: [Examplia Maps]
  time: "10:45"
  session: may2
- fullname: Bo Chan
  position: Chief Editor
  affiliations: [Beta Weekly]
  title: "Tides of open data"
  time: "9:30"
  session: may2
- fullname: Cy Dee
  role: Moderator
  time: "10:45"
  session: may2
"""
SLOT_PROFILE = """\
[site]
year = 2031
[[parts]]
files = "_data/schedule_*.yml"
reader = "records"
title = ["title", "name"]
format = "name"
id = "time_start"
start = "time_start"
date_from = "path"
date_format = "%b%d"
[[parts]]
files = "_data/speakers.yml"
reader = "records"
kind = "speakers"
name = "fullname"
position = "position"
organisation = "affiliations"
session_date = "session"
session_time = "time"
session_title = "title"
date_format = "%b%d"
"""


def slot_site(tmp_path):
    return write(tmp_path, {"_data/schedule_may2.yml": SLOT_SCHEDULE, "_data/speakers.yml": SLOT_SPEAKERS,
                            "speakergraph.toml": SLOT_PROFILE})


def test_a_clock_id_keys_its_slot_by_the_time_it_names(tmp_path):
    root = slot_site(tmp_path)
    slots = {s.key for s in parse(root, "_data/schedule_may2.yml").sessions}
    stubs = {s.key for s in parse(root, "_data/speakers.yml").sessions}
    assert slots == stubs == {"10-45", "09-30"}  # "9:30" and "09:30" are one slot


def test_a_speakers_file_in_a_schedules_slots_takes_the_slots_role_and_talk_title(tmp_path):
    from ingest import session_roles

    root = slot_site(tmp_path)
    files = [parse(root, "_data/schedule_may2.yml"), parse(root, "_data/speakers.yml")]
    stubs = {s.key: s for s in files[1].sessions}
    assert stubs["09-30"].talk_title == "Tides of open data" and stubs["09-30"].title is None
    assert session_roles.from_slots(files, {}) == 2
    assert [(r.printed_name, r.role) for r in stubs["10-45"].rows] == [("Ann Lee", "panellist"),
                                                                       ("Cy Dee", "moderator")]
    assert [(r.printed_name, r.role) for r in stubs["09-30"].rows] == [("Bo Chan", "keynote")]
    slots = {s.key: s.title for s in files[0].sessions}
    # the keynote slot printed only its format: the talk's title; the panel kept its own
    assert slots == {"10-45": "Who counts the counters?", "09-30": "Tides of open data"}


def test_a_session_title_option_must_be_a_key_path(tmp_path):
    import pytest

    from ingest.record_options import Options

    assert Options.from_options({"name": "n", "session_title": "talk.title"}).session_title == ("talk.title",)
    with pytest.raises(ValueError, match="session_title must be a key path"):
        Options.from_options({"name": "n", "session_title": 3})
