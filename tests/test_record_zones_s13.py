"""The records reader on times printed with a UTC offset when the part or the site names a time zone (an event
app's export printing "…T07:30:00.000Z" while the site shows 09:30, made up here): the same instant shown in that
zone, and the session's day the local day — "22:30Z" is 00:30 the next day in a zone two hours ahead."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from conftest import write_files as write
from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document


def parse(root: Path, rel: str):
    """One file of a made-up site read, tidied and normalized as the loader does."""
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def when(session):
    return session.date.isoformat(), session.start.isoformat(), session.end.isoformat() if session.end else None


PLANNING = {"data": {"plannings": [
    {"id": "p1", "title": "Lanterns over the Canal", "beginsAt": "2031-10-07T07:30:00.000Z",
     "endsAt": "2031-10-07T08:15:00.000Z", "speakers": [{"firstName": "Ilse", "lastName": "Vandamme"}]},
    {"id": "p2", "title": "The Night Shift of Data", "beginsAt": "2031-10-07T22:30:00.000Z",
     "endsAt": "2031-10-07T23:30:00.000Z", "speakers": [{"firstName": "Tomasz", "lastName": "Oyelaran"}]},
    {"id": "p3", "title": "Breakfast with Maps", "beginsAt": "2031-10-08T08:00:00+02:00",
     "speakers": [{"firstName": "Ro", "lastName": "Achterberg"}]},
]}}

PART = ('[[parts]]\nfiles = "planning.json"\nreader = "records"\nrecords = "data.plannings"\nid = "id"\n'
        'title = "title"\nstart = "beginsAt"\nend = "endsAt"\npersons = "speakers"\n'
        'person = { given_name = "firstName", family_name = "lastName" }\n')


def test_utc_times_are_shown_in_the_zone_the_part_names_and_dated_by_the_local_day(tmp_path):
    profile = '[site]\nseries = "lcf"\n\n' + PART + 'timezone = "Europe/Brussels"\n'
    root = write(tmp_path, {"planning.json": json.dumps(PLANNING), "speakergraph.toml": profile})
    assert [when(s) for s in parse(root, "planning.json").sessions] == [
        ("2031-10-07", "2031-10-07T09:30:00+02:00", "2031-10-07T10:15:00+02:00"),
        ("2031-10-08", "2031-10-08T00:30:00+02:00", "2031-10-08T01:30:00+02:00"),  # 22:30Z: after midnight there
        ("2031-10-08", "2031-10-08T08:00:00+02:00", None)]


def test_the_site_zone_shows_offset_times_too_and_the_instant_never_changes(tmp_path):
    profile = '[site]\nseries = "lcf"\ntimezone = "Europe/Brussels"\n\n' + PART
    root = write(tmp_path, {"planning.json": json.dumps(PLANNING), "speakergraph.toml": profile})
    sessions = parse(root, "planning.json").sessions
    assert [when(s)[:2] for s in sessions][1] == ("2031-10-08", "2031-10-08T00:30:00+02:00")
    printed = [p["beginsAt"].replace("Z", "+00:00") for p in PLANNING["data"]["plannings"]]
    assert [s.start.timestamp() for s in sessions] == [datetime.fromisoformat(p).timestamp() for p in printed]


def test_without_a_zone_named_utc_times_keep_their_offset(tmp_path):
    profile = '[site]\nseries = "lcf"\n\n' + PART
    root = write(tmp_path, {"planning.json": json.dumps(PLANNING), "speakergraph.toml": profile})
    assert when(parse(root, "planning.json").sessions[1])[:2] == ("2031-10-07", "2031-10-07T22:30:00+00:00")


def test_a_time_key_holding_a_utc_date_time_is_shown_in_the_zone_too(tmp_path):
    agenda = [{"talk": "Owls of the Old Port", "at": "2031-03-14T23:15:00Z", "who": "Noor Delacroix-Amani"},
              {"talk": "Morning Ferries", "at": "2031-03-15T09:00:00", "who": "Bram Oduya"}]
    profile = ('[site]\nseries = "lcf"\ntimezone = "Europe/Brussels"\n\n[[parts]]\nfiles = "agenda.json"\n'
               'reader = "records"\ntitle = "talk"\ntime = "at"\npersons = "who"\n')
    root = write(tmp_path, {"agenda.json": json.dumps(agenda), "speakergraph.toml": profile})
    assert [when(s)[:2] for s in parse(root, "agenda.json").sessions] == [
        ("2031-03-15", "2031-03-15T00:15:00+01:00"),  # 23:15Z in winter: a quarter past midnight in Brussels
        ("2031-03-15", "2031-03-15T09:00:00+01:00")]  # a local time: given the zone, as before
