"""Schedule exports as the tools also write them: pretalx's API with speakers in a file of their own, frab's JSON
schedule, roles named by a session's title or type, and Sessionize speakers' answers to the event's questions.

Every export here is made up, written by the test.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from graph.errors import IngestError
from graph.results import table
from graph.store import open_store
from ingest.loader import ingest, pipeline, site_for

CET = timezone(timedelta(hours=1))
PREFIX = "PREFIX sg: <https://w3id.org/speakergraph/vocab#>\nPREFIX schema: <https://schema.org/>\n"


def write(root: Path, files: dict[str, object]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = content if isinstance(content, str) else json.dumps(content, indent=1, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
    return root


def parse(root: Path, rel: str):
    return pipeline(rel, (root / rel).read_bytes(), site_for(root))


def people(parsed) -> list[tuple]:
    return [(s.title, r.printed_name, r.role_label, r.role) for s in parsed.sessions for r in s.rows]


# --- pretalx: the API's talks, and its speakers in a sibling file --------------------------------------------


def _page(results: list) -> dict:
    return {"count": len(results), "next": None, "previous": None, "results": results}


def _answer(question: str, answer: str) -> dict:
    return {"id": 1, "question": {"id": 2, "question": {"en": question}}, "answer": answer, "options": []}


PRETALX = {
    "talks.json": _page([
        {"code": "TLK001", "title": "Typing Things", "speakers": ["SPKAAA"], "state": "confirmed",
         "submission_type": {"id": 1, "name": {"en": "Talk"}},
         "slots": [{"room": {"id": 1, "name": {"en": "Main Hall"}}, "start": "2031-10-11T10:45:00+02:00",
                    "end": "2031-10-11T11:15:00+02:00"}]},
        {"code": "TLK002", "title": "Why We Build", "speakers": ["SPKBBB", "SPKAAA"], "state": "confirmed",
         "submission_type": {"id": 2, "name": {"en": "Keynote"}},
         "slots": [{"room": {"id": 1, "name": {"en": "Main Hall"}}, "start": "2031-10-11T09:30:00+02:00",
                    "end": "2031-10-11T10:15:00+02:00"}]}]),
    "speakers.json": _page([
        {"code": "SPKAAA", "name": "Ann Lee", "biography": "Ann builds things.", "submissions": ["TLK001", "TLK002"],
         "answers": [_answer("T-shirt size", "M"), _answer("Company", "Reefworks"), _answer("Country", "Norway")]},
        {"code": "SPKBBB", "name": "Bo Li", "biography": "", "submissions": ["TLK002"],  # German questions, other order
         "answers": [_answer("Land", "Deutschland"), _answer("Arbeitgeber / Unternehmen", "Kessel AG")]}]),
}


def test_pretalx_speakers_file_is_recognised_beside_the_talks(tmp_path):
    site = site_for(write(tmp_path, PRETALX))
    assert (site.selected, site.refusal) == ({"talks.json": "pretalx", "speakers.json": "pretalx"}, None)
    speakers = parse(tmp_path, "speakers.json")
    assert sorted((p.permalink, p.printed_name, [(x.title, x.organisation) for x in p.positions], p.country_code)
                  for p in speakers.speakers) == [("/speakers/SPKAAA/", "Ann Lee", [(None, "Reefworks")], "NO"),
                                            ("/speakers/SPKBBB/", "Bo Li", [(None, "Kessel AG")], "DE")]
    assert speakers.sessions == [] and not [n for n in speakers.notes if n.kind == "skipped-file"]


def test_pretalx_talks_name_their_speakers_by_code_from_the_speakers_file(tmp_path):
    write(tmp_path, PRETALX)
    talks = parse(tmp_path, "talks.json")
    assert [(r.printed_name, r.link, r.name_printed) for s in talks.sessions for r in s.rows] == [
        ("SPKAAA", "/speakers/SPKAAA/", False), ("SPKBBB", "/speakers/SPKBBB/", False),
        ("SPKAAA", "/speakers/SPKAAA/", False)]
    store = open_store(None)
    summary = ingest(store, [site_for(tmp_path)])
    assert (summary.failed, summary.sessions, summary.appearances) == (0, 2, 3)
    got = table(store.query(PREFIX + """
        SELECT ?title ?name ?org ?country ?role WHERE {
          ?a a sg:Appearance ; sg:session/schema:name ?title ; sg:person/schema:name ?name ; sg:role ?r ;
             sg:position/sg:organisationLabel ?org ; sg:forCountry ?c .
          BIND(STRAFTER(STR(?c), "/country/") AS ?country) BIND(STRAFTER(STR(?r), "/role/") AS ?role)
        } ORDER BY ?title ?name""")).values()
    assert got == [["Typing Things", "Ann Lee", "Reefworks", "NO", "speaker"],
                   ["Why We Build", "Ann Lee", "Reefworks", "NO", "keynote"],  # a Keynote type: a keynote
                   ["Why We Build", "Bo Li", "Kessel AG", "DE", "keynote"]]


# --- frab's JSON schedule ------------------------------------------------------------------------------------


def _frab_json(events: list[dict]) -> dict:
    return {"schedule": {"version": "1", "conference": {"acronym": "mc", "title": "Made-up Camp", "days": [
        {"index": 1, "date": "2031-12-27", "day_start": "2031-12-27T10:00:00+01:00",
         "day_end": "2031-12-28T03:00:00+01:00", "rooms": {"Hall A": events}}]}}}


FRAB_EVENTS = [
    {"guid": "0d9b1e7a-0000-4000-8000-000000000101", "id": 101, "date": "2031-12-27T11:00:00+01:00",
     "start": "11:00", "duration": "00:30", "room": "Hall A", "title": "Tides and Wires", "track": "Science",
     "type": "lecture", "language": "en", "abstract": "On tides.",
     "persons": [{"id": 7, "public_name": "moonbeam"}, {"id": 8, "name": "Jane Q. Doe"}]},
    {"guid": "0d9b1e7a-0000-4000-8000-000000000102", "id": 102, "start": "01:30", "duration": "01:15",
     "room": "Hall A", "title": "Night Owls", "type": "workshop", "description": "After midnight.",
     "persons": [{"id": 8, "public_name": "Jane Q. Doe"}]},
    {"guid": "0d9b1e7a-0000-4000-8000-000000000103", "id": 103, "date": "2031-12-27T15:00:00+01:00",
     "start": "15:00", "duration": "01:00", "room": "Hall A", "title": "Open Hackspace", "type": "meetup",
     "persons": []},
]
FRAB_XML = """<?xml version='1.0' encoding='utf-8' ?>
<schedule><conference><acronym>mc</acronym><title>Made-up Camp</title></conference>
<day date='2031-12-27' start='2031-12-27T10:00:00+01:00' end='2031-12-28T03:00:00+01:00' index='1'>
<room name='Hall A'>
<event guid='0d9b1e7a-0000-4000-8000-000000000101' id='101'><date>2031-12-27T11:00:00+01:00</date>
<start>11:00</start><duration>00:30</duration><room>Hall A</room><title>Tides and Wires</title>
<track>Science</track><type>lecture</type><abstract>On tides.</abstract>
<persons><person id='7'>moonbeam</person><person id='8'>Jane Q. Doe</person></persons></event>
<event guid='0d9b1e7a-0000-4000-8000-000000000102' id='102'><start>01:30</start><duration>01:15</duration>
<room>Hall A</room><title>Night Owls</title><type>workshop</type><description>After midnight.</description>
<persons><person id='8'>Jane Q. Doe</person></persons></event>
<event guid='0d9b1e7a-0000-4000-8000-000000000103' id='103'><date>2031-12-27T15:00:00+01:00</date>
<start>15:00</start><duration>01:00</duration><room>Hall A</room><title>Open Hackspace</title><type>meetup</type>
<persons></persons></event>
</room></day></schedule>
"""


def _sessions(parsed) -> list[tuple]:
    return [(s.title, s.key, s.start, s.end, s.room, s.track, s.format, s.abstract,
             [(r.printed_name, r.link, r.role_label) for r in s.rows]) for s in parsed.sessions]


def test_frab_json_is_detected_and_read_as_its_xml_is(tmp_path):
    write(tmp_path / "json", {"schedule.json": _frab_json(FRAB_EVENTS)})
    write(tmp_path / "xml", {"schedule.xml": FRAB_XML})
    assert site_for(tmp_path / "json").selected == {"schedule.json": "frab"}
    from_json, from_xml = parse(tmp_path / "json", "schedule.json"), parse(tmp_path / "xml", "schedule.xml")
    assert _sessions(from_json) == _sessions(from_xml) == [
        ("Tides and Wires", "101", datetime(2031, 12, 27, 11, tzinfo=CET), datetime(2031, 12, 27, 11, 30, tzinfo=CET),
         "Hall A", "Science", "lecture", "On tides.",
         [("moonbeam", "/speakers/7/", "Speaker"), ("Jane Q. Doe", "/speakers/8/", "Speaker")]),
        # no date: the day's, and 01:30 is before the day starts at 10:00 — the next morning
        ("Night Owls", "102", datetime(2031, 12, 28, 1, 30, tzinfo=CET), datetime(2031, 12, 28, 2, 45, tzinfo=CET),
         "Hall A", None, "workshop", "After midnight.", [("Jane Q. Doe", "/speakers/8/", "Speaker")])]
    assert [(p.permalink, p.printed_name) for p in from_json.speakers] == [
        ("/speakers/7/", "moonbeam"), ("/speakers/8/", "Jane Q. Doe")]
    skipped = [n.message for n in from_json.notes if n.kind == "skipped-row"]
    assert skipped == ["event 103 (Open Hackspace) names nobody — skipped"]  # as in the XML
    assert [r.line for s in from_json.sessions for r in s.rows] == [29, 33, 49]  # each person's "id" line


def test_frab_json_with_pretalx_codes_stays_pretalx_unless_a_profile_names_frab(tmp_path):
    coded = [dict(FRAB_EVENTS[0], code="TLK101")]
    write(tmp_path, {"schedule.json": _frab_json(coded)})
    assert site_for(tmp_path).selected == {"schedule.json": "pretalx"}
    write(tmp_path, {"speakergraph.toml": '[[parts]]\nfiles = "schedule.json"\nreader = "frab"\n'})
    assert [r.link for s in parse(tmp_path, "schedule.json").sessions for r in s.rows] == [
        "/speakers/7/", "/speakers/8/"]


def test_frab_json_named_for_the_wrong_reader_says_which_to_use(tmp_path):
    write(tmp_path, {"schedule.json": _frab_json(FRAB_EVENTS), "other.json": {"talks": []},
                     "speakergraph.toml": '[[parts]]\nfiles = "schedule.json"\nreader = "pretalx"\n\n'
                                          '[[parts]]\nfiles = "other.json"\nreader = "frab"\n'})
    notes = [n.message for n in parse(tmp_path, "schedule.json").notes if n.kind == "skipped-file"]
    assert notes == ["no scheduled pretalx submission nor speaker in this file — a frab JSON schedule without "
                     "codes is read with reader = \"frab\""]
    with pytest.raises(IngestError, match="other.json: is not a frab JSON schedule .* exclude it in the profile"):
        parse(tmp_path, "other.json")


# --- roles named by a session's title or type -------------------------------------------------------------------


def test_frab_type_and_title_name_the_role(tmp_path):
    events = [dict(FRAB_EVENTS[0], type="Keynote"), dict(FRAB_EVENTS[1], title="Panel: Who Owns the Mesh?"),
              dict(FRAB_EVENTS[0], id=104, guid="g104", title="Technical Interview Processes")]
    write(tmp_path, {"schedule.json": _frab_json(events)})
    assert people(parse(tmp_path, "schedule.json")) == [
        ("Tides and Wires", "moonbeam", "Keynote", "keynote"), ("Tides and Wires", "Jane Q. Doe", "Keynote", "keynote"),
        ("Panel: Who Owns the Mesh?", "Jane Q. Doe", "Panel", "panellist"),
        # a moderator's word in a title names no role: a session's people are not all its moderators
        ("Technical Interview Processes", "moonbeam", "Speaker", "speaker"),
        ("Technical Interview Processes", "Jane Q. Doe", "Speaker", "speaker")]


def test_pretalx_title_names_the_role(tmp_path):
    talk = {"code": "TLK9", "title": "Opening Keynote: Twenty Years",
            "speakers": [{"code": "AB12CD", "name": "Ann Lee"}],
            "submission_type": "Talk", "slot": {"start": "2031-05-01T09:00:00+02:00", "room": "Hall"}}
    write(tmp_path, {"schedule.json": {"talks": [talk]}})
    assert people(parse(tmp_path, "schedule.json")) == [
        ("Opening Keynote: Twenty Years", "Ann Lee", "Opening Keynote", "keynote")]


# --- Sessionize: speakers' answers, and a tag line that is a job title alone --------------------------------------


def _speaker(sid: str, name: str, tagline: str, answers: list) -> dict:
    return {"id": sid, "fullName": name, "tagLine": tagline, "bio": "", "questionAnswers": answers}


SESSIONIZE = {
    "sessions": [
        {"id": "1", "title": "Boring Technology", "startsAt": "2031-06-12T09:00:00", "endsAt": "2031-06-12T09:45:00",
         "speakers": ["s-1"], "categoryItems": [11], "roomId": 5, "status": "Accepted"},
        {"id": "2", "title": "Hiring Engineers", "startsAt": "2031-06-12T13:00:00", "endsAt": "2031-06-12T14:00:00",
         "speakers": ["s-2", "s-3"], "categoryItems": [12], "roomId": 5, "status": "Accepted"}],
    "speakers": [
        _speaker("s-1", "Chen Yu", "Robotics Engineer", [{"questionId": 2, "answerValue": "Singapore"},
                                                         {"questionId": 1, "answerValue": "Lantern Robotics"}]),
        _speaker("s-2", "Jo Watts", "Coffee first, then code", [{"questionId": 1, "answerValue": "Driftwood"}]),
        _speaker("s-3", "Emeka Obi", "Founder & CEO at Baobab Cloud", [{"questionId": 1, "answerValue": "Baobab"},
                                                                       {"questionId": 2, "answerValue": "Nigeria"}])],
    "questions": [{"id": 1, "question": "Company", "questionType": "Short_Text"},
                  {"id": 2, "question": "Country", "questionType": "Dropdown"}],
    "categories": [{"id": 10, "title": "Session format", "items": [{"id": 11, "name": "Keynote"},
                                                                   {"id": 12, "name": "Panel"}]}],
    "rooms": [{"id": 5, "name": "Auditorium"}],
}


def test_sessionize_answers_give_organisation_and_country_and_a_bare_tagline_the_title(tmp_path):
    write(tmp_path, {"all.json": SESSIONIZE})
    parsed = parse(tmp_path, "all.json")
    got = [(r.printed_name, [(p.title, p.organisation) for p in r.positions], r.country_code)
           for s in parsed.sessions for r in s.rows]
    assert got == [("Chen Yu", [("Robotics Engineer", "Lantern Robotics")], "SG"),
                   ("Jo Watts", [(None, "Driftwood")], None),  # a slogan is no title
                   ("Emeka Obi", [("Founder & CEO", "Baobab Cloud")], "NG")]  # the tag line's position wins
    assert [(p.printed_name, [(x.title, x.organisation) for x in p.positions], p.country_code)
            for p in parsed.speakers][0] == ("Chen Yu", [("Robotics Engineer", "Lantern Robotics")], "SG")
    assert [(title, role) for title, _, _, role in people(parsed)] == [
        ("Boring Technology", "keynote"), ("Hiring Engineers", "panellist"), ("Hiring Engineers", "panellist")]


@pytest.mark.parametrize("question, field", [("Company / Organisation", "organisation"), ("Pays", "country"),
                                             ("Unternehmen", "organisation"), ("T-shirt size", None)])
def test_sessionize_answers_with_their_question_inline(tmp_path, question, field):
    data = json.loads(json.dumps(SESSIONIZE))
    data["speakers"][1]["questionAnswers"] = [{"id": 9, "question": question, "questionType": "Short_Text",
                                               "answer": "France" if field == "country" else "Atelier"}]
    write(tmp_path, {"all.json": data})
    jo = next(p for p in parse(tmp_path, "all.json").speakers if p.printed_name == "Jo Watts")
    assert ([x.organisation for x in jo.positions], jo.country_code) == {
        "organisation": (["Atelier"], None), "country": ([], "FR"), None: ([], None)}[field]


def test_a_podium_s_moderator_named_in_its_abstract_and_a_job_title_answered(tmp_path):
    """frab: "Moderation: Jan Reimers" on a line of a podium's abstract makes the listed panellist its moderator (XML
    and JSON alike); pretalx: the answer to "Job title" / "Poste occupé" is the speaker's title."""
    podium = FRAB_XML.replace("<type>lecture</type><abstract>On tides.</abstract>",
                              "<type>podium</type><abstract>A podium.\nModeration: Jane Q. Doe</abstract>")
    write(tmp_path / "xml", {"schedule.xml": podium})
    events = [dict(FRAB_EVENTS[0], type="podium", abstract="A podium.\nModeration: Jane Q. Doe")]
    write(tmp_path / "json", {"schedule.json": _frab_json(events)})
    for folder, rel in (("xml", "schedule.xml"), ("json", "schedule.json")):
        rows = [r for r in people(parse(tmp_path / folder, rel)) if r[0] == "Tides and Wires"]
        assert [(name, role) for _, name, _, role in rows] == [("moonbeam", "panellist"), ("Jane Q. Doe", "moderator")]
    answered = json.loads(json.dumps(PRETALX))
    answered["speakers.json"]["results"][0]["answers"].append(_answer("Poste occupé", "Lead developer"))
    write(tmp_path / "pretalx", answered)
    pages = {p.printed_name: [(q.title, q.organisation) for q in p.positions]
             for p in parse(tmp_path / "pretalx", "speakers.json").speakers}
    assert pages["Ann Lee"] == [("Lead developer", "Reefworks")]


def test_a_calendar_of_the_same_pretalx_talks_gives_no_second_session(tmp_path):
    """A site that saves the pretalx API and its calendar feed: the feed's UIDs ("pretalx-<event>-<code>@…") key its
    events as the talks' codes, and its UTC times are shown in the calendar's zone, so each talk is one session."""
    ics = ("BEGIN:VCALENDAR\nVERSION:2.0\nX-WR-TIMEZONE:Europe/Oslo\nBEGIN:VEVENT\n"
           "UID:pretalx-reef-2031-TLK001@pretalx.example.org\nDTSTART:20311011T084500Z\nDTEND:20311011T091500Z\n"
           "SUMMARY:Typing Things\nDESCRIPTION:Speakers: Ann Lee (Reefworks)\nEND:VEVENT\nEND:VCALENDAR\n")
    write(tmp_path, {**PRETALX, "events.ics": ics})
    store = open_store(None)
    ingest(store, [site_for(tmp_path)])
    got = table(store.query(PREFIX + """SELECT ?title ?start (COUNT(DISTINCT ?a) AS ?n) WHERE {
        ?s a schema:Event ; schema:name ?title ; schema:startDate ?start . ?a sg:session ?s }
        GROUP BY ?title ?start ORDER BY ?title""")).values()
    assert got == [["Typing Things", "2031-10-11T10:45:00+02:00", "1"], ["Why We Build", "2031-10-11T09:30:00+02:00", "2"]]
