"""People lines, more shapes: French and German clocks ("14 h 00", "11h"), inclusive role labels ("Intervenant·e·s :",
"Referent:innen:"), placeholders that stand for nobody ("N.N.", "à confirmer"), organisations that name none
("Independent"), a role word after a name, bracketed people with a bare last name, and bold names in one HTML line.
Made-up names, pages and calendars."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import write_files as write
from ingest import agenda, readers, times
from ingest.answers import Answers
from ingest.html_page import node_lines
from ingest.loader import site_for
from ingest.profile import Settings
from ingest.programme import people_of
from ingest.read import read_document
from ingest.roles import role_of
from selectolax.lexbor import LexborHTMLParser

from test_people_lines import PROFILE, HTML_PROFILE, brief, lines

FIXTURES = Path(__file__).parent / "fixtures" / "schedules"


def parse(root: Path, rel: str, profile: str = PROFILE, files: dict | None = None):
    write(root, {"speakergraph.toml": profile, **(files or {})})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def rows(parsed):
    return {s.title: [(r.role, r.role_label, r.printed_name, [(p.title, p.organisation) for p in r.positions])
                      for r in s.rows] for s in parsed.sessions}


# --- 1. clocks in hours: "14 h 00", "11h", "14 h" -----------------------------------------------------------


@pytest.mark.parametrize("printed, start, end", [
    ("14 h 00 – 15 h 30", "14:00", "15:30"), ("9h30 – 10h15", "09:30", "10:15"), ("11h", "11:00", None),
    ("14 h", "14:00", None), ("10 h – 12 h", "10:00", "12:00"), ("09:30–10:15 Uhr", "09:30", "10:15"),
])
def test_clocks_in_hours_are_times(printed, start, end):
    got = times.parse_time_range(printed)
    assert tuple(t.strftime("%H:%M") if t else None for t in got) == (start, end)
    assert times.is_time_line(printed) and agenda.a_time(printed)
    assert agenda.time_lead(f"{printed} : Table ronde") == (printed, "Table ronde")


@pytest.mark.parametrize("printed", ["2 h workshop on knots", "24 h Hackathon", "a 24 h hackathon", "2023 – 2024"])
def test_a_duration_or_a_year_leads_no_line(printed):
    assert agenda.time_lead(printed) is None


PROGRAMME_FR = """---
title: Journée des quais
date: 2031-03-08
---
### 9 h 30 – 10 h 45 : Table ronde sur les marées

Modération : Mme Odile Ferrand (Agence des Quais)

Intervenant·e·s : M. Basile Roux (Port Numérique), Dr Inès Carvalho (Institut Marin)

### 11h : Atelier des cartes

Intervenant.e.s : Lucie Marin (Quai Ouest), Intervenant·e à confirmer

### 14 h : Clôture des travaux

Intervenant(e)s : Marc Tillier, TBA
"""


def test_a_french_programme_keeps_its_times_labels_and_people_and_drops_placeholders(tmp_path):
    parsed = parse(tmp_path, "_posts/2031-03-08-quais.md", files={"_posts/2031-03-08-quais.md": PROGRAMME_FR})
    clock = {s.title: (s.start.strftime("%H:%M"), s.end and s.end.strftime("%H:%M")) for s in parsed.sessions}
    assert clock == {"Table ronde sur les marées": ("09:30", "10:45"), "Atelier des cartes": ("11:00", None),
                     "Clôture des travaux": ("14:00", None)}
    got = rows(parsed)
    assert got["Table ronde sur les marées"] == [
        ("moderator", "Modération", "Mme Odile Ferrand", [(None, "Agence des Quais")]),
        ("speaker", "Intervenant·e·s", "M. Basile Roux", [(None, "Port Numérique")]),
        ("speaker", "Intervenant·e·s", "Dr Inès Carvalho", [(None, "Institut Marin")])]
    assert got["Atelier des cartes"] == [("speaker", "Intervenant.e.s", "Lucie Marin", [(None, "Quai Ouest")])]
    assert [r[2:] for r in got["Clôture des travaux"]] == [("Marc Tillier", [])]


# --- 2. inclusive role labels ------------------------------------------------------------------------------


@pytest.mark.parametrize("label, role", [
    ("Intervenant·e·s", "speaker"), ("Intervenant.e.s", "speaker"), ("Intervenant(e)s", "speaker"),
    ("Referent:innen", "speaker"), ("Referent*innen", "speaker"), ("Moderator:in", "moderator"),
    ("Modérateur·rice", "moderator"),
])
def test_inclusive_labels_open_a_list_of_people(label, role):
    found = agenda.people_strings(f"{label} : Greta Vogel (Kai Institut); Hans Berg (Nordhafen)")
    assert found[0] == ("Greta Vogel (Kai Institut)", label) and role_of(label) == role
    assert [p for p, _ in found] == ["Greta Vogel (Kai Institut)", "Hans Berg (Nordhafen)"]


@pytest.mark.parametrize("word, role", [
    ("intervenant", "speaker"), ("intervenante", "speaker"), ("Referentin", "speaker"), ("Moderatorin", "moderator"),
    ("Modération", "moderator"), ("Animation", "moderator"), ("Animatrice", "moderator"),
])
def test_role_words_of_french_and_german_map_to_roles(word, role):
    assert role_of(word) == role


def test_a_label_line_with_an_inclusive_ending_names_the_people_under_it():
    found = people_of(lines("Referent:innen:", "Greta Vogel, Leiterin, Kai Institut", "Moderation",
                            "Jonas Weber, Hafenamt Nord"), None)
    assert brief(found) == [("Referent:innen", "Greta Vogel", [("Leiterin", "Kai Institut")]),
                            ("Moderation", "Jonas Weber", [(None, "Hafenamt Nord")])]


# --- 3. placeholders -------------------------------------------------------------------------------------


@pytest.mark.parametrize("printed", ["Intervenant·e à confirmer", "à confirmer", "N.N.", "NN", "TBA", "TBD", "TBC",
                                     "to be announced", "Speaker to be confirmed", "wird noch bekannt gegeben",
                                     "Referent:in N.N."])
def test_placeholders_stand_for_nobody(printed):
    assert Settings().is_placeholder(printed)


@pytest.mark.parametrize("printed", ["Ann Lee", "Nils Nnamdi", "Folgt dem Geld", "Ann Lee to be confirmed"])
def test_names_and_titles_are_no_placeholders(printed):
    assert not Settings().is_placeholder(printed)


AGENDA_DE = """---
title: Hafentag
date: 2031-06-12
---
### 11:30 – 12:30 | Vortrag

Referent:innen:

- Greta Vogel (Kai Institut)
- N.N.
- Referent*in wird noch bekannt gegeben

### 13:00 – 14:00 | Keynote

Speakers: Speaker to be confirmed; Jonas Weber (Hafenamt Nord)
"""


def test_placeholder_lines_give_no_people(tmp_path):
    parsed = parse(tmp_path, "_posts/2031-06-12-hafen.md", files={"_posts/2031-06-12-hafen.md": AGENDA_DE})
    assert {t: [r[2] for r in people] for t, people in rows(parsed).items()} == {
        "Vortrag": ["Greta Vogel"], "Keynote": ["Jonas Weber"]}


# --- 4. organisations that name none; placeholders as positions ---------------------------------------------


def test_answers_that_name_no_organisation_give_none():
    assert Answers.of([("Company", "Independent"), ("Job title", "N/A")]) == Answers()
    for nothing in ("Self-employed", "Freelance", "Freelancer", "none", "-", "—"):
        assert Answers.of([("Company", nothing)]).organisation is None
    assert Answers.of([("Company", "Freelance"), ("Affiliation", "Tide Lab")]).organisation == "Tide Lab"


def test_a_pretalx_speaker_answering_independent_has_no_organisation(tmp_path):
    answers = [{"question": {"question": {"en": "Company"}}, "answer": "Independent"},
               {"question": {"question": {"en": "Job title"}}, "answer": "Harbour Pilot"}]
    text = (FIXTURES / "pretalx" / "2031" / "schedule.json").read_text(encoding="utf-8")
    write(tmp_path, {"2031/schedule.json": text.replace('"answers": []', '"answers": ' + json.dumps(answers))})
    parsed = readers.read(read_document(tmp_path, tmp_path / "2031/schedule.json"), site_for(tmp_path))
    assert [(p.title, p.organisation) for page in parsed.speakers if page.printed_name == "Jane Doe"
            for p in page.positions] == [("Harbour Pilot", None)]


PLACEHOLDER_PROFILE = PROFILE.replace('series = "harbour"', 'series = "harbour"\nplaceholders = ["Org to come"]')
POSITIONS = """---
title: Harbour Day
date: 2031-06-12
---
### 10:00 – 11:00 | Tides

Speakers:

- Ann Lee, Chief Engineer, Independent
- Bo Chan, TBC, Harbour Lab
- Cy Dee, Harbour Pilot, Org to come
- Di Eve, Head of Data, TBC Bank
"""


def test_organisations_and_titles_that_name_nothing_are_dropped(tmp_path):
    parsed = parse(tmp_path, "_posts/2031-06-12-day.md", PLACEHOLDER_PROFILE, {"_posts/2031-06-12-day.md": POSITIONS})
    assert [(r[2], r[3]) for r in rows(parsed)["Tides"]] == [
        ("Ann Lee", [("Chief Engineer", None)]), ("Bo Chan", [(None, "Harbour Lab")]),
        ("Cy Dee", [("Harbour Pilot", None)]), ("Di Eve", [("Head of Data", "TBC Bank")])]


# --- 5. a role word right after a name --------------------------------------------------------------------


@pytest.mark.parametrize("printed, label, name, positions", [
    ("Lacey Hendry, moderator, former Tide Girls contributor and organizer", "moderator", "Lacey Hendry",
     [("former Tide Girls contributor and organizer", None)]),
    ("Ann Lee, panellist, CTO, Acme", "panellist", "Ann Lee", [("CTO", "Acme")]),
    ("Speakers: Ann Lee, panellist, CTO, Acme", "panellist", "Ann Lee", [("CTO", "Acme")]),
    ("Ann Lee, Chairman, Acme", None, "Ann Lee", [("Chairman", "Acme")]),  # a job title, not a role
])
def test_a_role_word_after_a_name_is_the_role(printed, label, name, positions):
    assert brief(people_of(lines(printed), None)) == [(label, name, positions)]


# --- 6. an iCalendar description: "A (Org), B" ------------------------------------------------------------

ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Made Up//EN
BEGIN:VEVENT
UID:quay-1@example.org
DTSTART:20310917T093000Z
DTEND:20310917T101500Z
SUMMARY:Mapping the Quays
DESCRIPTION:Speakers: Sanne de Wit (Fox Harbour Security B.V.)\\, Kwame Asante-Boateng
END:VEVENT
BEGIN:VEVENT
UID:quay-2@example.org
DTSTART:20310917T110000Z
SUMMARY:Harbour Lights
DESCRIPTION:Speakers: harbour staff\\, and friends (many)
END:VEVENT
END:VCALENDAR
"""


def test_a_calendar_description_naming_a_bare_last_name_gives_both_and_a_line_unread_is_said(tmp_path):
    write(tmp_path, {"agenda.ics": ICS})
    parsed = readers.read(read_document(tmp_path, tmp_path / "agenda.ics"), site_for(tmp_path))
    assert [(r.printed_name, [p.organisation for p in r.positions]) for s in parsed.sessions for r in s.rows] == [
        ("Sanne de Wit", ["Fox Harbour Security B.V."]), ("Kwame Asante-Boateng", [])]
    (note,) = [n for n in parsed.notes if "Harbour Lights" in n.message]
    assert "prints people" in note.message and "could not be split" in note.message


# --- 7. bold names in one HTML line ------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["Speaker: ", "Panellist: ", ""])
def test_bold_names_in_one_line_are_each_a_person(label):
    html = (f"<p>{label}<strong>Ann Lee</strong>, Chief Engineer, Tide Works and <strong>Bo Chan</strong>, Head of "
            "Data, Harbour Lab</p>")
    found = people_of(node_lines(LexborHTMLParser(html).css_first("p")), None)
    assert [(p.name, [(q.title, q.organisation) for q in p.positions]) for p in found] == [
        ("Ann Lee", [("Chief Engineer", "Tide Works")]), ("Bo Chan", [("Head of Data", "Harbour Lab")])]
    assert {p.label for p in found} == {label.strip(": ") or None}


BOLD_PAGE = """<html><body><main><h2>Wednesday, 14 May 2031</h2>
<div class="agenda-item"><span class="time">14 h 00 – 15 h 30</span>
  <h4>Harbour Data Dialogue</h4>
  <p class="speakers">Speaker: <strong>Ann Lee</strong>, Chief Engineer, Tide Works and <strong>Bo Chan</strong>,
  Head of Data, Harbour Lab</p>
</div></main></body></html>"""


def test_an_html_programme_with_bold_names_and_a_clock_in_hours(tmp_path):
    parsed = parse(tmp_path, "2031/agenda.html", HTML_PROFILE, {"2031/agenda.html": BOLD_PAGE})
    (session,) = parsed.sessions
    assert (session.start.strftime("%H:%M"), session.end.strftime("%H:%M")) == ("14:00", "15:30")
    assert [r.printed_name for r in session.rows] == ["Ann Lee", "Bo Chan"]
