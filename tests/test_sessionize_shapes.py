"""Sessionize and pretalx exports on made-up data: tag lines "Title | Org" and job titles alone, and people a
session's description names on a labelled line ("Moderated by …") that its speaker list leaves out."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.loader import pipeline, site_for


def parse(root: Path, name: str, data: dict):
    """One export written to ``root`` and read as the loader reads it (no profile: the reader is detected)."""
    (root / name).write_text(json.dumps(data, indent=1), encoding="utf-8")
    return pipeline(name, (root / name).read_bytes(), site_for(root))


def sessionize(sessions: list[dict], speakers: list[dict]) -> dict:
    for i, session in enumerate(sessions, start=1):
        session.setdefault("id", str(i))
        session.setdefault("startsAt", "2031-08-19T10:00:00")
        session.setdefault("endsAt", "2031-08-19T10:45:00")
        session.setdefault("description", "")
        session.update(isServiceSession=False, categoryItems=[], questionAnswers=[], roomId=1)
    for speaker in speakers:
        speaker.update(fullName=f"{speaker['firstName']} {speaker['lastName']}", sessions=[1], questionAnswers=[])
    return {"sessions": sessions, "speakers": speakers, "questions": [], "categories": [],
            "rooms": [{"id": 1, "name": "Hall A"}]}


def people(session):
    return [(r.printed_name, r.role_label, [(p.title, p.organisation) for p in r.positions]) for r in session.rows]


def test_a_title_alone_then_an_organisation_is_one_position_and_maintainers_have_jobs(tmp_path):
    data = sessionize([{"title": "Porting to RISC-V", "speakers": ["a", "b", "c"]}], [
        {"id": "a", "firstName": "Ann", "lastName": "Lee", "tagLine": "Staff Data Engineer | Quokka Labs"},
        {"id": "b", "firstName": "Bo", "lastName": "Chan", "tagLine": "Core Contributor"},
        {"id": "c", "firstName": "Cy", "lastName": "Dee", "tagLine": "Developer Advocate | Speaker | Dog Lover"}])
    (session,) = parse(tmp_path, "sessionize.json", data).sessions
    assert people(session) == [("Ann Lee", "Speaker", [("Staff Data Engineer", "Quokka Labs")]),
                               ("Bo Chan", "Speaker", [("Core Contributor", None)]),
                               ("Cy Dee", "Speaker", [])]  # "Speaker" is what Cy is, not where Cy works


def test_a_moderator_named_only_in_the_description_is_added(tmp_path):
    data = sessionize([{"title": "Panel: Growing Juniors", "speakers": ["a", "b"],
                        "description": "Moderated by Di Eng, Head of People at Examplia Bank.\n\nWhat works."}], [
        {"id": "a", "firstName": "Ann", "lastName": "Lee", "tagLine": "Engineering Manager at Beta Co"},
        {"id": "b", "firstName": "Bo", "lastName": "Chan", "tagLine": "CTO at Gamma"}])
    (session,) = parse(tmp_path, "sessionize.json", data).sessions
    assert people(session) == [("Ann Lee", "Panel", [("Engineering Manager", "Beta Co")]),
                               ("Bo Chan", "Panel", [("CTO", "Gamma")]),
                               ("Di Eng", "Moderator", [("Head of People", "Examplia Bank")])]
    assert [r.role for r in session.rows] == ["panellist", "panellist", "moderator"]
    assert session.abstract.startswith("Moderated by Di Eng")  # the description stays the abstract


def test_a_listed_speaker_the_description_names_as_moderator_moderates(tmp_path):
    data = sessionize([{"title": "Hiring in 2031", "speakers": ["a", "b"],
                        "description": "Moderator: Bo Chan\nPanellists talk hiring."}], [
        {"id": "a", "firstName": "Ann", "lastName": "Lee", "tagLine": ""},
        {"id": "b", "firstName": "Bo", "lastName": "Chan", "tagLine": ""}])
    (session,) = parse(tmp_path, "sessionize.json", data).sessions
    assert [(r.printed_name, r.role) for r in session.rows] == [("Ann Lee", "speaker"), ("Bo Chan", "moderator")]


def test_a_description_without_labelled_lines_adds_nobody(tmp_path):
    data = sessionize([{"title": "Speakers and tides", "speakers": ["a"],
                        "description": "We talk about speakers: how to find them. Hosted by the Data Guild."}],
                      [{"id": "a", "firstName": "Ann", "lastName": "Lee", "tagLine": ""}])
    (session,) = parse(tmp_path, "sessionize.json", data).sessions
    assert [r.printed_name for r in session.rows] == ["Ann Lee"]


def test_pretalx_abstract_names_its_moderator(tmp_path):
    data = {"talks": [{"code": "PNL001", "title": "Funding open source", "speakers": ["AB12CD"], "room": 1,
                       "abstract": "Moderated by Cy Dee (Examplia Foundation).",
                       "start": "2031-05-01T10:00:00+02:00", "end": "2031-05-01T10:30:00+02:00"}],
            "rooms": [{"id": 1, "name": {"en": "Room 1"}}], "speakers": [{"code": "AB12CD", "name": "Jane Doe"}]}
    (session,) = parse(tmp_path, "schedule.json", data).sessions
    assert [(r.printed_name, r.role) for r in session.rows] == [("Jane Doe", "speaker"), ("Cy Dee", "moderator")]
