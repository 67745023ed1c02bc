"""The records reader on a WordPress events export (The Events Calendar's REST API, made up here): the people an HTML
or Markdown description prints (``persons_text``), never an HTML blob as a person; a start's day over a publish
date; a room printed as a mapping; a session whose title marks it postponed or cancelled."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

import speakergraph
from conftest import write_files as write
from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document


def parse(root: Path, rel: str):
    """One file of a made-up site read, tidied and normalized as the loader does."""
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def people(session):
    return [(r.role_label, r.printed_name) for r in session.rows]


def event(ident: int, title: str, start: str, description: str, **more) -> dict:
    """An event as The Events Calendar's REST API prints one: ``date`` is the day its post was published."""
    return {"id": ident, "title": title, "date": "2030-01-10 10:02:11", "start_date": start,
            "end_date": start[:11] + "17:00:00", "description": description,
            "venue": {"id": 12, "venue": "Harbour Hall", "address": "1 Quay Road", "city": "Port Vela"},
            "categories": [{"name": more.pop("format", "Panel"), "slug": "x"}], **more}


PANEL = ("<p>Who pays for the next harbour? Our panel looks at tolls &amp; tides.</p>\n"
         "<p><strong>Moderator:</strong> Ms Ines Varga, Editor, Coastal Review</p>\n"
         "<p><strong>Panellists:</strong></p>\n<ul>\n"
         "<li><a href=\"/speakers/tomas-rey/\">Dr. Tom&aacute;s Rey</a>, Director, Port Lab</li>\n"
         "<li>Mr Odo Pike &#8211; Chief Economist, Sea Council</li>\n"
         "<li><a href=\"https://harbourweek.example.org/speakers/lena-sato/\">Capt. Lena Sato</a></li>\n</ul>")
KEYNOTE = ("<p><a href=\"/speakers/tomas-rey/\">Dr. Tom&aacute;s Rey</a></p>\n<p>Followed by questions.</p>\n"
           "<p><strong>Chair:</strong> Mr Odo Pike</p>")
UNLABELLED = ("<p>Three views from the quay.</p>\n<ul>\n"
              "<li><a href=\"/speakers/lena-sato/\">Capt. Lena Sato</a>, Harbour Master, Port Vela</li>\n"
              "<li>Ms Ruth Adair, Head of Research, Tidewater Institute</li>\n</ul>\n"
              "<ul>\n<li>Tolls and tariffs</li>\n<li>Dredging, Silt and Sand</li>\n</ul>")
SPEAKERS = [
    {"id": 901, "slug": "tomas-rey", "title": {"rendered": "Dr. Tom&aacute;s Rey"},
     "acf": {"job_title": "Director", "organisation": "Port Lab", "country": "Chile"}},
    {"id": 902, "slug": "lena-sato", "title": {"rendered": "Capt. Lena Sato"},
     "acf": {"job_title": "Harbour Master", "organisation": "Port Vela Authority", "country": "Japan"}},
]
PROFILE = """\
[site]
series = "harbour-week"

[[parts]]
files = "wp-json/tribe/events/v1/events/*.json"
reader = "records"
records = "events"
start = "start_date"
end = "end_date"
room = "venue"
format = "categories.0.name"
abstract = "description"
persons_text = "description"

[[parts]]
files = "wp-json/wp/v2/speakers.json"
reader = "records"
kind = "speakers"
id = "slug"
name = "title.rendered"
position = "acf.job_title"
organisation = "acf.organisation"
country = "acf.country"
"""
PLAIN = PROFILE.replace('persons_text = "description"\n', "")  # the dates, rooms and titles of records alone
EVENTS = "wp-json/tribe/events/v1/events/page-1.json"


def site(tmp_path: Path, events: list[dict], profile: str = PROFILE) -> Path:
    return write(tmp_path, {EVENTS: json.dumps({"events": events}).replace("/", "\\/"),  # as WordPress writes it
                            "wp-json/wp/v2/speakers.json": json.dumps(SPEAKERS), "speakergraph.toml": profile})


# --- people in a description ----------------------------------------------------------------------


def test_a_descriptions_labelled_lines_label_over_a_list_and_speaker_links_are_people(tmp_path):
    root = site(tmp_path, [event(7101, "Panel 2: Tolls &#038; Tides", "2031-04-08 13:30:00", PANEL),
                           event(7102, "Keynote Address: Charting the Shallows", "2031-04-08 15:00:00", KEYNOTE,
                                 format="Plenary")])
    panel, keynote = parse(root, EVENTS).sessions
    assert people(panel) == [("Moderator", "Ms Ines Varga"), ("Panellists", "Dr. Tomás Rey"),
                             ("Panellists", "Mr Odo Pike"), ("Panellists", "Capt. Lena Sato")]
    assert [(p.title, p.organisation) for r in panel.rows for p in r.positions] == [
        ("Editor", "Coastal Review"), ("Director", "Port Lab"), ("Chief Economist", "Sea Council")]
    # a speaker link is the person's link (a link to the site's own page by its path), as the speaker records have
    assert [r.link for r in panel.rows] == [None, "/speakers/tomas-rey/", None, "/speakers/lena-sato/"]
    # a speaker link alone on its line is a speaker, whom the title makes the keynote; the labelled line chairs
    assert people(keynote) == [("Keynote Address", "Dr. Tomás Rey"), ("Chair", "Mr Odo Pike")]
    assert panel.abstract.startswith("<p>Who pays")  # the abstract is the field as printed


def test_an_unlabelled_list_of_people_is_read_and_a_list_of_topics_is_not(tmp_path):
    speakers = "<p><strong>Speakers:</strong></p><ul><li>Ms Ruth Adair, Head of Research, Tidewater Institute</li></ul>"
    root = site(tmp_path, [event(7103, "Quayside Views", "2031-04-09 09:00:00", UNLABELLED, format="Talk"),
                           event(7104, "Quayside Panel", "2031-04-09 10:00:00", UNLABELLED),
                           event(7105, "Research Panel", "2031-04-09 11:00:00", speakers)])
    talk, panel, labelled = parse(root, EVENTS).sessions
    assert people(talk) == [("Speaker", "Capt. Lena Sato"), ("Speaker", "Ms Ruth Adair")]
    # people the text gives no role of their own take the format's, and so does a printed "Speakers:"
    assert people(panel) == [("Panel", "Capt. Lena Sato"), ("Panel", "Ms Ruth Adair")]
    assert people(labelled) == [("Panel", "Ms Ruth Adair")]


def test_a_markdown_description_is_read_the_same_way(tmp_path):
    text = ("A panel on tides.\n\n**Moderator:** Ms Ines Varga, Editor, Coastal Review\n\n**Panellists:**\n\n"
            "- [Dr. Tomás Rey](/speakers/tomas-rey/), Director, Port Lab\n"
            "- Mr Odo Pike, Chief Economist, Sea Council\n")
    root = site(tmp_path, [event(7104, "Tides", "2031-04-09 11:00:00", text, format="Talk")])
    (session,) = parse(root, EVENTS).sessions
    assert people(session) == [("Moderator", "Ms Ines Varga"), ("Panellists", "Dr. Tomás Rey"),
                               ("Panellists", "Mr Odo Pike")]
    assert session.rows[1].link == "/speakers/tomas-rey/"


def test_linked_people_join_their_speaker_records_in_the_export(tmp_path):
    root = site(tmp_path / "site", [event(7101, "Panel 2: Tolls &#038; Tides", "2031-04-08 13:30:00", PANEL)])
    runner, store = CliRunner(), tmp_path / "store"
    result = runner.invoke(speakergraph.main, ["ingest", str(root), "--store", str(store)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(speakergraph.main, ["export", "--format", "csv", "--store", str(store)])
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert sorted(rows) == ["Ines Varga", "Lena Sato", "Odo Pike", "Tomás Rey"]
    assert (rows["Lena Sato"]["title"], rows["Lena Sato"]["country"]) == ("Harbour Master", "JP")  # from her record
    assert (rows["Tomás Rey"]["role"], rows["Tomás Rey"]["country"], rows["Tomás Rey"]["date"]) == (
        "panellist", "CL", "2031-04-08")
    assert rows["Odo Pike"]["honorific"] == "Mr"


def test_an_html_value_under_persons_is_nobody_and_the_note_names_persons_text(tmp_path):
    profile = PROFILE.replace('persons_text = "description"', 'persons = "description"')
    root = site(tmp_path, [event(7101, "Panel 2: Tolls &#038; Tides", "2031-04-08 13:30:00", PANEL),
                           event(7105, "Tolls", "2031-04-08 16:00:00", "", format="Talk",
                                 speakers=["<p>Ann Lee</p>", "Bo Chan"])], profile=profile)
    profile = profile.replace('persons = "description"', 'persons = ["description", "speakers"]')
    write(root, {"speakergraph.toml": profile})
    parsed = parse(root, EVENTS)
    assert [people(s) for s in parsed.sessions] == [[], [("Speaker", "Bo Chan")]]
    notes = [n.message for n in parsed.notes if n.kind == "skipped-row"]
    assert any("description holds HTML" in m and 'persons_text = "description"' in m for m in notes)
    assert any("'<p>Ann Lee</p>'" in m and "holds HTML, not a person's name" in m for m in notes)


# --- dates, rooms, called-off sessions -----------------------------------------------------------------


def test_a_starts_day_wins_over_a_date_key_that_disagrees_with_a_note(tmp_path):
    events = [event(7101, "Harbours 2031", "2031-04-08 13:30:00", PANEL),
              event(7201, "Harbours 2032", "2032-04-13 13:30:00", PANEL)]  # both posts published 2030-01-10
    root = site(tmp_path, events, PLAIN)
    parsed = parse(root, EVENTS)
    assert [(str(s.date), s.start.strftime("%Y-%m-%d %H:%M")) for s in parsed.sessions] == [
        ("2031-04-08", "2031-04-08 13:30"), ("2032-04-13", "2032-04-13 13:30")]
    (note,) = [n.message for n in parsed.notes if n.kind == "date-mismatch"]
    assert "date key date" in note and "start key start_date" in note and "2030-01-10" in note
    # named in the profile, the date key still gives way to the start's day (and says so)
    write(root, {"speakergraph.toml": PLAIN.replace('start = "start_date"', 'start = "start_date"\ndate = "date"')})
    parsed = parse(root, EVENTS)
    assert [str(s.date) for s in parsed.sessions] == ["2031-04-08", "2032-04-13"]
    assert [n.kind for n in parsed.notes].count("date-mismatch") == 1
    # a start in UTC a day off may be the same local day, and a start printing no time is no moment: the date stays
    write(root, {EVENTS: json.dumps({"events": [
        dict(event(7101, "Dawn Panel", "2031-04-07T23:30:00Z", PANEL), date="2031-04-08"),
        dict(event(7102, "Day Panel", "2031-04-09", PANEL), date="2031-04-08"),
        dict(event(7103, "Late Panel", "2031-04-09 18:00:00", PANEL), date="2031-04-08")]})})
    parsed = parse(root, EVENTS)
    assert [str(s.date) for s in parsed.sessions] == ["2031-04-08", "2031-04-08", "2031-04-09"]


def test_a_room_printed_as_a_mapping_is_its_name_and_a_mapping_without_one_is_noted(tmp_path):
    events = [event(7101, "Harbours", "2031-04-08 13:30:00", PANEL),
              dict(event(7102, "Tides", "2031-04-08 15:00:00", PANEL), venue={"id": 3, "address": "1 Quay Road"})]
    parsed = parse(site(tmp_path, events, PLAIN), EVENTS)
    assert [s.room for s in parsed.sessions] == ["Harbour Hall", None]
    (note,) = [n.message for n in parsed.notes if n.kind == "mapping-value"]
    assert "room key venue holds a mapping (id, address)" in note and 'room = "venue.KEY"' in note


def test_a_title_marked_postponed_or_cancelled_is_skipped_with_a_note(tmp_path):
    events = [event(7101, "Cyber Threats to Ports (postponed)", "2031-04-08 13:30:00", PANEL),
              event(7102, "Quantum Keys [ABGESAGT]", "2031-04-08 15:00:00", PANEL),
              event(7103, "Sea Walls – annulé", "2031-04-08 16:00:00", PANEL),
              event(7104, "Tide Tables (postponed to 4 May)", "2031-04-08 17:00:00", PANEL)]
    parsed = parse(site(tmp_path, events, PLAIN), EVENTS)
    assert [s.title for s in parsed.sessions] == ["Tide Tables (postponed to 4 May)"]
    notes = [(n.kind, n.message) for n in parsed.notes if "is marked" in n.message]
    assert [kind for kind, _ in notes] == ["skipped-record", "cancelled", "cancelled"]
    assert "is marked postponed — skipped" in notes[0][1]
