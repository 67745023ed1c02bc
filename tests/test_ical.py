"""The iCalendar reader: made-up ``.ics`` programmes (Sched-like with TZID times, UTC, all-day, Indico-like
speakers with organisations, a moderator line, pretalx's speakers in the title), broken files, and the graph
they give."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ingested
from graph.errors import IngestError
from graph.results import table
from ingest import ical
from ingest.loader import ingest, pipeline, site_for
from ingest.read import parse_document
from graph.store import open_store
from speakergraph import main

PREFIX = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
"""
LISBON = timezone(timedelta(hours=1))  # Europe/Lisbon in September (WEST)

# a Sched-like export: a VTIMEZONE, TZID times, "Speakers:" and "Moderator:" lines in the description
SCHED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Made Up//Schedule Export//EN
X-WR-CALNAME:Harbour Forum 2031
BEGIN:VTIMEZONE
TZID:Europe/Lisbon
BEGIN:DAYLIGHT
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
TZNAME:WEST
DTSTART:19700329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
TZNAME:WET
DTSTART:19701025T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:hf31-001@forum.example.org
DTSTAMP:20310801T120000Z
DTSTART;TZID=Europe/Lisbon:20310917T093000
DTEND;TZID=Europe/Lisbon:20310917T101500
SUMMARY:Opening Keynote: Tides of Data
DESCRIPTION:Speakers: Marit Oyelaran (Quayside Labs)\\n\\nWhy harbours keep
  their logs.
LOCATION:Hall Anchor\\, Pier Centre
CATEGORIES:Keynote
URL:https://forum.example.org/2031/tides
END:VEVENT
BEGIN:VEVENT
UID:hf31-002@forum.example.org
DTSTAMP:20310801T120000Z
DTSTART;TZID=Europe/Lisbon:20310917T110000
DTEND;TZID=Europe/Lisbon:20310917T120000
SUMMARY:Panel: Who Pays for Open Ports?
DESCRIPTION:Moderator: Teodor Walsby\\, Editor\\, Harbour Daily\\nPanellists:
  Ines Farrokh (Saltline)\\, Odo Kaminski (Berth Bank)\\nA panel.
LOCATION:Hall Anchor\\, Pier Centre
CATEGORIES:Panel,Policy
ATTENDEE;ROLE=CHAIR;CN=Calendar Owner:mailto:owner@forum.example.org
END:VEVENT
BEGIN:VEVENT
UID:hf31-003@forum.example.org
DTSTAMP:20310801T120000Z
DTSTART;TZID=Europe/Lisbon:20310917T123000
DTEND;TZID=Europe/Lisbon:20310917T133000
SUMMARY:Lunch
LOCATION:Foyer
ATTENDEE;CN=Ines Farrokh:mailto:ines@example.org
END:VEVENT
END:VCALENDAR
"""

# UTC times, an all-day event, "Presented by", a label alone over one person a line, pretalx's title
UTC = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Made Up//Another Export//EN
BEGIN:VEVENT
UID:ev-17@example.net
DTSTART:20310918T080000Z
DURATION:PT45M
SUMMARY:Routing Ferries with Graphs
DESCRIPTION:Presented by Dr Sunniva Holt\\, Chief Scientist\\, Fjordline
LOCATION:Room 2 (Main Building)
CATEGORIES:Talk,Logistics
END:VEVENT
BEGIN:VEVENT
UID:ev-18@example.net
DTSTART;VALUE=DATE:20310919
DTEND;VALUE=DATE:20310920
SUMMARY:Harbour Hack Day
DESCRIPTION:Hosts:\\nPell Arkwright (Tugworks)\\nRana Selvik (Buoy Data)\\n\\nA day of hacking.
END:VEVENT
BEGIN:VEVENT
UID:pretalx-harbour31-QX7KPA@pretalx.example.org
DTSTART:20310918T100000Z
DTEND:20310918T103000Z
SUMMARY:Tides - A Field Guide - Ama Quist, Bo Lindahl
DESCRIPTION:An abstract naming nobody.
END:VEVENT
END:VCALENDAR
"""


def parsed(text: str, name: str = "programme.ics"):
    return ical.read(parse_document(name, text.encode("utf-8")))


def line_of(text: str, start: str) -> int:
    """The 1-based line of ``text`` that opens with ``start``."""
    return next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def rows(store, sparql):
    return table(store.query(PREFIX + sparql)).values()


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# --- reading one file -------------------------------------------------------------------------


def test_tzid_times_keep_their_offset_and_the_description_names_the_people():
    got = parsed(SCHED)
    keynote, panel = got.sessions
    assert (keynote.title, keynote.date, keynote.start, keynote.end) == (
        "Opening Keynote: Tides of Data", date(2031, 9, 17), datetime(2031, 9, 17, 9, 30, tzinfo=LISBON),
        datetime(2031, 9, 17, 10, 15, tzinfo=LISBON))
    assert keynote.start.utcoffset() == timedelta(hours=1)
    assert (keynote.room, keynote.format, keynote.permalink, keynote.key) == (
        "Hall Anchor", "Keynote", "https://forum.example.org/2031/tides", "hf31-001")
    assert keynote.abstract == "Why harbours keep their logs."
    (row,) = keynote.rows
    assert (row.printed_name, row.role_label, row.line) == ("Marit Oyelaran", "Opening Keynote",
                                                                   line_of(SCHED, "DESCRIPTION:Speakers: Marit"))
    assert [(p.title, p.organisation) for p in row.positions] == [(None, "Quayside Labs")]


def test_a_moderator_line_and_the_panellists_keep_their_labels_and_attendees_are_no_people():
    panel = parsed(SCHED).sessions[1]
    assert (panel.format, panel.track) == ("Panel", "Policy")
    people = [(r.printed_name, r.role_label, [(p.title, p.organisation) for p in r.positions]) for r in panel.rows]
    assert people == [("Teodor Walsby", "Moderator", [("Editor", "Harbour Daily")]),
                      ("Ines Farrokh", "Panellists", [(None, "Saltline")]),
                      ("Odo Kaminski", "Panellists", [(None, "Berth Bank")])]
    assert "Calendar Owner" not in {r.printed_name for r in panel.rows}  # ATTENDEE;ROLE=CHAIR: the organiser


def test_an_event_naming_nobody_is_no_session_and_gets_a_note():
    got = parsed(SCHED)
    assert "Lunch" not in {s.title for s in got.sessions}
    (note,) = [n for n in got.notes if n.kind == "skipped-row"]
    assert note.line == line_of(SCHED, "UID:hf31-003") - 1  # its BEGIN:VEVENT
    assert "'Lunch' names nobody" in note.message and "1 ATTENDEE" in note.message


def test_utc_times_all_day_events_labels_over_lines_and_pretalx_titles():
    ferries, hack, tides = parsed(UTC).sessions
    assert (ferries.start, ferries.end) == (datetime(2031, 9, 18, 8, 0, tzinfo=timezone.utc),
                                            datetime(2031, 9, 18, 8, 45, tzinfo=timezone.utc))
    assert (ferries.room, ferries.format, ferries.track) == ("Room 2", "Talk", "Logistics")
    (row,) = ferries.rows
    assert (row.printed_name, row.role_label) == ("Dr Sunniva Holt", "Presenter")
    assert [(p.title, p.organisation) for p in row.positions] == [("Chief Scientist", "Fjordline")]
    assert (hack.date, hack.start, hack.end, hack.abstract) == (date(2031, 9, 19), None, None, "A day of hacking.")
    assert [(r.printed_name, r.role_label) for r in hack.rows] == [("Pell Arkwright", "Hosts"),
                                                                   ("Rana Selvik", "Hosts")]
    assert (tides.title, [r.printed_name for r in tides.rows]) == ("Tides - A Field Guide", ["Ama Quist", "Bo Lindahl"])


def test_floating_times_take_the_calendars_zone_else_a_note():
    event = ("BEGIN:VEVENT\nUID:1\nDTSTART:20310301T090000\nSUMMARY:Talk\n"
             "DESCRIPTION:Speaker: Ann Lee\nEND:VEVENT\n")
    zoned = parsed(f"BEGIN:VCALENDAR\nX-WR-TIMEZONE:Asia/Singapore\n{event}END:VCALENDAR\n")
    assert zoned.sessions[0].start.utcoffset() == timedelta(hours=8) and not zoned.notes
    floating = parsed(f"BEGIN:VCALENDAR\n{event}END:VCALENDAR\n")
    assert floating.sessions[0].start.tzinfo is None
    assert [n.kind for n in floating.notes] == ["no-zone"]


def test_utc_times_are_shown_in_the_calendars_zone_else_the_sites():
    """The same instant, in the zone of the event: a programme page of it prints 14:15 (+02:00), and a session that
    both print must have one start."""
    from ingest.profile import Settings

    event = ("BEGIN:VEVENT\nUID:1\nDTSTART:20310919T121500Z\nDTEND:20310919T130000Z\nSUMMARY:Talk\n"
             "DESCRIPTION:Speaker: Ann Lee\nEND:VEVENT\n")
    zoned = parsed(f"BEGIN:VCALENDAR\nX-WR-TIMEZONE:Europe/Amsterdam\n{event}END:VCALENDAR\n").sessions[0]
    assert (zoned.start.isoformat(), zoned.end.isoformat()) == ("2031-09-19T14:15:00+02:00",
                                                                "2031-09-19T15:00:00+02:00")
    site = ical.read(parse_document("p.ics", f"BEGIN:VCALENDAR\n{event}END:VCALENDAR\n".encode()),
                     settings=Settings(timezone="Asia/Singapore")).sessions[0]
    assert site.start.isoformat() == "2031-09-19T20:15:00+08:00"
    assert parsed(f"BEGIN:VCALENDAR\n{event}END:VCALENDAR\n").sessions[0].start.isoformat() == \
        "2031-09-19T12:15:00+00:00"  # no zone known: kept in UTC


@pytest.mark.parametrize("text, line, reason", [
    ("BEGIN:VCALENDAR\nVERSION:2.0\nthis is no content line\nEND:VCALENDAR\n", 3, "is no NAME:value content line"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Cut\nDTSTART:20310101T100000Z\n", 2, "BEGIN:VEVENT has no END:VEVENT"),
    ("Hello, this is a note, not a calendar.\n", 1, "is no NAME:value content line"),
])
def test_a_broken_calendar_fails_naming_the_line_and_the_reason(text, line, reason):
    with pytest.raises(IngestError) as caught:
        parsed(text, "broken.ics")
    assert (caught.value.path, caught.value.line) == ("broken.ics", line)
    assert reason in caught.value.reason and "fix the file" in caught.value.reason


def test_a_broken_line_inside_an_event_is_a_note_and_an_unreadable_start_skips_the_event():
    got = parsed("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:A\nnonsense here\nDTSTART:20310101T100000Z\n"
                 "DESCRIPTION:Speaker: Ann Lee\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:B\nDTSTART:2031XX\n"
                 "DESCRIPTION:Speaker: Bo Chan\nEND:VEVENT\nEND:VCALENDAR\n")
    assert [s.title for s in got.sessions] == ["A"]
    assert [(n.kind, n.line) for n in got.notes] == [("bad-line", 4), ("skipped-row", 8)]
    assert "no readable DTSTART (2031XX)" in got.notes[1].message


def test_bad_options_are_named():
    with pytest.raises(ValueError, match="did you mean 'role_label'"):
        ical.check({"role_lable": "Speaker"})


# --- folders, detection and the graph ------------------------------------------------------------


def test_an_ics_is_detected_without_a_profile_and_the_dry_run_finds_its_sessions(tmp_path):
    root = write(tmp_path / "harbour-forum", {"programme.ics": SCHED})
    site = site_for(root)
    assert (site.selected, site.refusal) == ({"programme.ics": "ical"}, None)
    result = CliRunner().invoke(main, ["ingest", "--dry-run", str(root)])
    assert result.exit_code == 0, result.output
    assert "2 sessions, 4 appearances" in result.output


def test_ingest_gives_sessions_appearances_roles_and_lines(tmp_path):
    root = write(tmp_path / "harbour-forum", {"programme.ics": SCHED, "more.ics": UTC})
    store = ingested(root)
    sessions = rows(store, """SELECT ?title ?start ?room WHERE { ?s a sg:Session ; schema:name ?title .
                                OPTIONAL { ?s schema:startDate ?start } OPTIONAL { ?s schema:location ?room } }
                              ORDER BY ?title""")
    assert ["Opening Keynote: Tides of Data", "2031-09-17T09:30:00+01:00", "Hall Anchor"] in sessions
    assert ["Routing Ferries with Graphs", "2031-09-18T08:00:00Z", "Room 2"] in sessions
    assert len(sessions) == 5
    got = rows(store, """SELECT ?name ?role ?org ?line WHERE { ?a a sg:Appearance ; sg:printedName ?name ;
                            sg:role ?r ; sg:line ?line . OPTIONAL { ?a sg:position/sg:organisationLabel ?org }
                            BIND(STRAFTER(STR(?r), "/role/") AS ?role) } ORDER BY ?name""")
    keynote, panel, hack = (str(line_of(text, start)) for text, start in (
        (SCHED, "DESCRIPTION:Speakers"), (SCHED, "DESCRIPTION:Moderator"), (UTC, "DESCRIPTION:Hosts")))
    assert ["Marit Oyelaran", "keynote", "Quayside Labs", keynote] in got
    assert ["Teodor Walsby", "moderator", "Harbour Daily", panel] in got
    assert ["Ines Farrokh", "panellist", "Saltline", panel] in got
    assert ["Pell Arkwright", "moderator", "Tugworks", hack] in got
    assert len(got) == 9
    years = rows(store, "SELECT DISTINCT ?y WHERE { ?s a sg:Session ; schema:superEvent/sg:year ?y }")
    assert years == [["2031"]]


def test_a_broken_ics_fails_and_the_other_files_land(tmp_path):
    root = write(tmp_path / "harbour-forum", {"programme.ics": SCHED, "broken.ics": "BEGIN:VCALENDAR\nBEGIN:VEVENT\n"})
    site = site_for(root)
    assert site.selected["broken.ics"] == "ical"  # recognised, so that reading it says what is wrong
    store = open_store(None)
    summary = ingest(store, [site])
    assert (summary.failed, summary.sessions, summary.appearances) == (1, 2, 4)
    (failed,) = [n for n in summary.notes if n.kind == "failed-file"]
    assert (failed.path, failed.line) == ("broken.ics", 2) and "BEGIN:VEVENT has no END:VEVENT" in failed.message


def test_a_profile_part_reads_an_ics_with_its_options(tmp_path):
    profile = '[site]\nseries = "forum"\n\n[[parts]]\nfiles = "agenda/*.ics"\nreader = "ical"\nrole_label = "Talker"\n'
    root = write(tmp_path / "forum", {"speakergraph.toml": profile})
    write(root / "agenda", {"day1.ics": UTC})
    got = pipeline("agenda/day1.ics", (root / "agenda" / "day1.ics").read_bytes(), site_for(root))
    assert [r.role_label for s in got.sessions for r in s.rows if r.printed_name in ("Ama Quist", "Bo Lindahl")] \
        == ["Talker", "Talker"]  # pretalx prints its speakers with no label: the option's
