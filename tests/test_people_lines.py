"""People lines of programmes: honorifics that are also job words, colons inside job titles, ranks with a bracket,
and people joined after a position; a role line that names nobody leaves a note. Made-up names and pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_files as write
from ingest import agenda, readers
from ingest.html_page import Line
from ingest.loader import site_for
from ingest.names import split_name
from ingest.person_line import credit, read_people
from ingest.programme import people_of
from ingest.read import read_document

PROFILE = '[site]\nseries = "harbour"\n[[parts]]\nfiles = "_posts/*.md"\nreader = "programme"\n'
HTML_PROFILE = '[site]\nseries = "harbour"\n[[parts]]\nfiles = "**/*.html"\nreader = "programme"\n'


def parse(root: Path, rel: str, profile: str = PROFILE):
    write(root, {"speakergraph.toml": profile})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def brief(found):
    return [(p.label, p.name, [(q.title, q.organisation) for q in p.positions]) for p in found]


def lines(*printed: str) -> list[Line]:
    return [Line(p) for p in printed]


# --- an honorific that is also a job word ("Ambassador", "Minister") -------------------------------------------


def test_semicolon_list_led_by_an_ambassador_gives_every_panellist():
    printed = ("Panellists: Ambassador Tiago Moura (Brazil); Ms. Defne Aksoy, Head of Department, Ministry of Foreign "
               "Affairs of Türkiye; Mr. Emeka Obi, Director, Port Cyber Centre")
    found = people_of(lines(printed), None)
    assert brief(found) == [
        ("Panellists", "Ambassador Tiago Moura", [(None, "Brazil")]),
        ("Panellists", "Ms. Defne Aksoy", [("Head of Department", "Ministry of Foreign Affairs of Türkiye")]),
        ("Panellists", "Mr. Emeka Obi", [("Director", "Port Cyber Centre")])]


JOINED = ["Speakers: {h} Lina Varga, Special Adviser, Harbour Office; {h} Omar Diallo, Lead, Port Agency",
          "Speakers: {h} Lina Varga, Special Adviser, Harbour Office and {h} Omar Diallo, Lead, Port Agency",
          "Speakers:\n{h} Lina Varga, Special Adviser, Harbour Office\n{h} Omar Diallo, Lead, Port Agency"]


@pytest.mark.parametrize("honorific", ["Ambassador", "Minister"])
def test_honorifics_that_are_job_words_lead_people_joined_every_way(honorific):
    """As "Amb." and "Mr" do, on a line joined by ";" or "and", or a line each."""
    for joined in JOINED:
        for h in (honorific, "Amb.", "Mr"):
            found = people_of(lines(*joined.format(h=h).split("\n")), None)
            assert [(p.label, split_name(p.name).name, p.positions[0].organisation) for p in found] == [
                ("Speakers", "Lina Varga", "Harbour Office"), ("Speakers", "Omar Diallo", "Port Agency")], (joined, h)


def test_a_plural_label_before_bare_names_led_by_offices():
    assert agenda.people_strings("Speakers: Ambassador Lina Varga, Minister Omar Diallo") == [
        ("Ambassador Lina Varga", "Speakers"), ("Minister Omar Diallo", "Speakers")]


# --- a colon inside a job title ------------------------------------------------------------------------------


def test_a_colon_in_a_job_title_under_a_label_is_still_a_person_but_what_one_said_is_not():
    found = read_people(lines("Speakers:", "Ms. Thandi Mokoena, Chief Director: Cyber Policy, Department of Ports "
                                           "and Harbours, South Africa",
                              "Jo Ray, Editor: We must keep the harbour open to all.",
                              "Bo Chan, CEO: “Ports are people.”", "Cy Dee, Lead: yes, and more than that"))
    assert brief(found) == [("Speakers", "Ms. Thandi Mokoena", [(  # the country is split off later, by normalize
        "Chief Director: Cyber Policy", "Department of Ports and Harbours, South Africa")])]


@pytest.mark.parametrize("printed, said", [
    ("Jo Ray, Editor: “We must act.”", True), ("Jo Ray: and that is why", True),
    ("Jo Ray, Minister: Will the ports be safe?", True), ("Jo Ray, CEO: We think that ports must be kept safe", True),
    ("Dr Jo Ray, Director: Policy, Port Agency, Examplia.", False), ("Jo Ray, Head: Maritime Security", False),
])
def test_credit_is_a_sentence_after_the_colon(printed, said):
    assert credit(printed) is said


# --- a rank with a bracket, and two people joined after a position ---------------------------------------------


def test_a_short_bracket_after_a_rank_is_part_of_the_rank():
    assert [(s.honorific, s.name) for s in map(split_name, ["Capt. (N) Nils Dahl", "Lt Col (res.) Mia Kask",
                                                             "Maj (GS) Ivo Rand", "Cdr (retd) Ana Lima"])] == [
        ("Capt. (N)", "Nils Dahl"), ("Lt Col (res.)", "Mia Kask"), ("Maj (GS)", "Ivo Rand"), ("Cdr (retd)", "Ana Lima")]


@pytest.mark.parametrize("printed", [
    "Facilitated by Capt. (N) Nils Dahl, Head of Maritime Cyber, Nordic Coast Guard and Ms Elin Holm, Exercise "
    "Lead, Baltic Port Authority",
    "Capt. (N) Nils Dahl, Head of Maritime Cyber, Nordic Coast Guard and Ms Elin Holm, Exercise Lead, Baltic Port "
    "Authority",
    "Capt. (N) Nils Dahl, Head of Maritime Cyber, Nordic Coast Guard, Ms Elin Holm, Exercise Lead, Baltic Port "
    "Authority",
    "Capt. (N) Nils Dahl, Head of Maritime Cyber, Nordic Coast Guard; Ms Elin Holm, Exercise Lead, Baltic Port "
    "Authority",
])
def test_an_honorific_after_a_position_starts_the_next_person(printed):
    found = people_of(lines(printed), None)
    assert [(p.name, [(q.title, q.organisation) for q in p.positions]) for p in found] == [
        ("Capt. (N) Nils Dahl", [("Head of Maritime Cyber", "Nordic Coast Guard")]),
        ("Ms Elin Holm", [("Exercise Lead", "Baltic Port Authority")])]
    # an office printed after "and" or "," is no person: a singular label's one person keeps it
    for office in ("Minister for Ports and Harbour Affairs", "Adviser, Harbour Office, Special Envoy Cyber Affairs"):
        found = people_of(lines(f"Speaker: H.E. Lina Varga, {office}"), None)
        assert [p.name for p in found] == ["H.E. Lina Varga"]


WORKSHOP = """<html><body><main><h2>Day 1 – Tuesday, 14 May 2030</h2>
<div class="agenda-item"><span class="time">11:30 - 12:15</span>
  <h4>Workshop: Tabletop Exercise &ldquo;Harbour under Attack&rdquo;</h4>
  <p class="speakers">Facilitated by <strong>Capt. (N) Nils Dahl</strong>, Head of Maritime Cyber, Nordic Coast Guard
  and <strong>Ms Elin Holm</strong>, Exercise Lead, Baltic Port Authority</p>
  <p class="note">Limited to 40 participants &ndash; sign up at the desk.</p>
</div></main></body></html>"""


def test_an_html_programme_gives_both_facilitators_with_the_rank_whole(tmp_path):
    write(tmp_path, {"2030/agenda.html": WORKSHOP})
    (session,) = parse(tmp_path, "2030/agenda.html", HTML_PROFILE).sessions
    assert [(r.role, r.name.honorific, r.name.name, [(p.title, p.organisation) for p in r.positions])
            for r in session.rows] == [
        ("moderator", "Capt. (N)", "Nils Dahl", [("Head of Maritime Cyber", "Nordic Coast Guard")]),
        ("moderator", "Ms", "Elin Holm", [("Exercise Lead", "Baltic Port Authority")])]


# --- a whole Markdown agenda page ------------------------------------------------------------------------------

AGENDA = """---
title: Harbour Cyber Dialogue
date: 2031-03-08
---
**11:45 – 13:00** Panel: Confidence-building across regions

Moderator: Mr. Lars Moe (Ministry of Foreign Affairs, Norway)

Panellists: Ambassador Tiago Moura (Brazil); Ms. Defne Aksoy, Head of Department, Ministry of Foreign Affairs of Türkiye; Mr. Emeka Obi, Cyber Adviser, Coastal Union Commission

### 14:00–15:30 | Capacity building

Speakers:

- Amb. Rosa Quispe, Special Envoy for Cyber Affairs, Peru
- Ms. Thandi Mokoena, Chief Director: Cyber Policy, Department of Ports and Harbours, South Africa
- Minister Ola Nyberg and Dr. Hana Sato (Kobe Port Institute)

### 16:00–17:00 | Open floor

Panellists: Chief Economist, Harbour Bank; Head of Research, Port Institute
"""


def test_a_markdown_agenda_gives_every_person_and_notes_the_line_that_names_nobody(tmp_path):
    write(tmp_path, {"_posts/2031-03-08-dialogue.md": AGENDA})
    parsed = parse(tmp_path, "_posts/2031-03-08-dialogue.md")
    names = {s.title: [r.name.name for r in s.rows] for s in parsed.sessions}
    assert names["Panel: Confidence-building across regions"] == ["Lars Moe", "Tiago Moura", "Defne Aksoy",
                                                                   "Emeka Obi"]
    assert names["Capacity building"] == ["Rosa Quispe", "Thandi Mokoena", "Ola Nyberg", "Hana Sato"]
    mokoena = parsed.sessions[1].rows[1]
    assert (mokoena.positions[0].title, mokoena.country_label) == ("Chief Director: Cyber Policy", "South Africa")
    (note,) = [n for n in parsed.notes if n.kind == "not-a-person"]
    assert note.line == 21 and "'Chief Economist' reads as a job title" in note.message
    assert "Panellists: Chief Economist, Harbour Bank" in str(note) and "skipped" in note.message
