"""Session titles that join a role to another item ("Closing remarks and way forward", "Remarks & Q&A") and
French and German role words (made-up titles and pages): the people of such a session give that speech, while an
ordinary talk title with "and" names no role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document
from ingest.roles import role_of, role_of_title, role_words_only


@pytest.mark.parametrize("title, label, role", [
    ("Closing remarks and way forward", "Closing remarks", "remarks"),
    ("Remarks and Q&A", "Remarks", "remarks"),
    ("Welcome address & housekeeping", "Welcome address", "remarks"),
    ("Opening Remarks and Welcome Reception", "Opening Remarks", "remarks"),
    ("Keynote Speech and Book Signing", "Keynote Speech", "keynote"),
    ("Discours d'ouverture et présentation du programme", "Discours d'ouverture", "remarks"),
    ("Grußwort und Einführung in den Tag", "Grußwort", "remarks"),
    # role words on both sides stay one label, as before
    ("Welcome and Opening Remarks", "Welcome and Opening Remarks", "remarks"),
    ("Keynote and panel discussion", "Keynote and panel discussion", "keynote"),
    # what a programme's last segment adds beside its remarks is a filler, before them too
    ("Outlook and closing remarks", "Outlook and closing remarks", "remarks"),
    ("Schlusswort und Ausblick", "Schlusswort", "remarks"),
])
def test_a_speech_before_and_names_the_role(title, label, role):
    assert role_of_title(title) == label
    assert role_of(label) == role


@pytest.mark.parametrize("title", [
    "Welcome to the Jungle and Other Stories",  # the head holds words beyond role words
    "Hosts and Parasites",  # a role word, but no speech
    "Opening and Closing Doors",
    "Chair and Table Design for Small Rooms",
    "Address and Port Allocation in IPv6",  # a speech noun needs a word before it to be a speech
    "The Keynote and the Audience",  # an article opens a talk's title, not a role label
    "Panel and Dashboards in Grafana",
    "Summary and Next Steps",  # fillers alone name no role
    "Lunch and networking",
])
def test_an_ordinary_title_with_and_names_no_role(title):
    assert role_of_title(title) is None


def test_closing_segments_are_fillers_beside_role_words_only():
    assert role_words_only("Conclusions and closing remarks") and role_words_only("Wrap-up and next steps")
    assert not role_words_only("Closing remarks on soil carbon")


@pytest.mark.parametrize("printed, role", [
    ("Bienvenue", "remarks"), ("Discours de bienvenue", "remarks"), ("Remarques de clôture", "remarks"),
    ("Discours liminaire", "remarks"), ("Invitée d'honneur", "guest-of-honour"), ("Conférence plénière", "keynote"),
    ("Ehrengast", "guest-of-honour"), ("Festrede", "keynote"), ("Abschlussrede", "remarks"),
    ("Ansprache", "remarks"), ("Schlussbemerkungen", "remarks"), ("Willkommen", "remarks"),
    ("Moderiert von", "moderator"), ("Vorsitz", "moderator"), ("Diskussionsrunde", "panellist"),
    ("Gesprächsrunde", "panellist"), ("Diskutierende", "panellist"),
    # known before: kept
    ("Discours d'ouverture", "remarks"), ("Allocution de clôture", "remarks"), ("Mot de bienvenue", "remarks"),
    ("Table ronde", "panellist"), ("Intervenants", "speaker"), ("Modératrice", "moderator"),
    ("Eröffnungsrede", "remarks"), ("Grußwort", "remarks"), ("Podiumsdiskussion", "panellist"),
    ("Moderation", "moderator"), ("Schlusswort", "remarks"), ("Keynote", "keynote"),
])
def test_french_and_german_role_words(printed, role):
    assert role_of(printed) == role
    assert role_of_title(printed) == printed  # a session titled so gives its people the role


@pytest.mark.parametrize("printed", ["Vorsitzender des Vorstands", "Bienvenue à Lyon", "Willkommen in Kassel",
                                     "Séance plénière", "Plenarsitzung"])
def test_french_and_german_titles_that_name_no_role(printed):
    assert role_of_title(printed) is None


def _entry(title: str, start: str, end: str, *names: str) -> dict:
    return {"entryType": "Contribution", "title": title,
            "startDate": {"date": "2033-04-07", "time": start, "tz": "Europe/Zurich"},
            "endDate": {"date": "2033-04-07", "time": end, "tz": "Europe/Zurich"},
            "presenters": [{"name": n, "affiliation": "Example Institute"} for n in names]}


def test_a_timetable_contribution_of_closing_remarks_and_way_forward(tmp_path: Path):
    timetable = {"results": {"77": {"20330407": {
        "c1": _entry("Welcome to the Jungle and Other Stories", "09:00:00", "09:30:00", "Tilda Marsh"),
        "c2": _entry("Closing remarks and way forward", "16:30:00", "16:45:00", "Osvaldo Prieto Lanz")}}}}
    (tmp_path / "timetable.json").write_text(json.dumps(timetable), encoding="utf-8")
    (tmp_path / "speakergraph.toml").write_text(
        '[site]\nseries = "wfx"\n[[parts]]\nfiles = "timetable.json"\nreader = "records"\nrecords = "results.*.*.*"\n'
        'start = "startDate"\nend = "endDate"\npersons = "presenters"\n', encoding="utf-8")
    site = site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")
    parsed = readers.read(read_document(tmp_path, tmp_path / "timetable.json"), site)
    assert [(s.title, [(r.role, r.name.name) for r in s.rows]) for s in parsed.sessions] == [
        ("Welcome to the Jungle and Other Stories", [("speaker", "Tilda Marsh")]),
        ("Closing remarks and way forward", [("remarks", "Osvaldo Prieto Lanz")])]


def test_a_front_matter_session_titled_with_a_french_role_of_three_words(tmp_path: Path):
    # "Allocution de clôture": three words, but "de" is grammar: two speakers giving closing remarks
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "cloture.md").write_text(
        '+++\ntitle = "Allocution de clôture"\ndate = 2033-11-19T16:30:00+01:00\n'
        'speakers = ["Ysaline Carrère", "Bruno Vasseur"]\n+++\n', encoding="utf-8")
    (tmp_path / "speakergraph.toml").write_text(
        '[site]\nseries = "fnx"\n[[parts]]\nfiles = "sessions/*.md"\nreader = "frontmatter"\n'
        'speaker_key = "speakers"\n', encoding="utf-8")
    site = site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")
    parsed = readers.read(read_document(tmp_path, tmp_path / "sessions" / "cloture.md"), site)
    assert [(r.role, r.name.name) for s in parsed.sessions for r in s.rows] == [
        ("remarks", "Ysaline Carrère"), ("remarks", "Bruno Vasseur")]
