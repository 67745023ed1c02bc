"""Markdown programme tables: several people columns, each labelling its people; a Role column; rows that continue
the session above them; an End column beside the time; a row naming only a day; people strings with several
brackets after the name. Agenda lines: a middle dot between a time and a title; "Prof. A, Org (Country)" is one
person. Made-up pages and people."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files as write
from ingest import agenda, readers
from ingest.loader import site_for
from ingest.person_pattern import brief
from ingest.read import read_document

FRONT = "---\ntitle: Programme\ndate: 2031-03-12\n---\n"


def parse(root: Path, text: str, options: str = ""):
    profile = f'[site]\nseries = "lagoon"\n[[parts]]\nfiles = "agenda.md"\nreader = "programme"\n{options}'
    write(root, {"speakergraph.toml": profile, "agenda.md": FRONT + text})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / "agenda.md"), site)


def people(parsed) -> list[tuple[str, str, str, str | None]]:
    return [(s.title, s.start.isoformat()[:16] if s.start else "", r.role, r.name.name)
            for s in parsed.sessions for r in s.rows]


MODERATED = """
| Time | Session | Moderator | Panellists |
| --- | --- | --- | --- |
| 09.00 – 09.30 | Opening address | – | Hon. Orla Venn, Deputy Minister, Ministry of Tides, Lagonia |
| 09.30 – 11.00 | Harbour networks | Ms Ines Marlow, Adviser, Reef Council | Dr Piet Alsma, Director, Tidewater Labs; Ms Kaia Rund, Head of Policy, Port Authority |
| **Day 2** | | | |
| 09.00 – 09.45 | Closing remarks | | Mr Tomas Vell, Secretary, Lagoon Office |
"""


def test_each_people_column_labels_its_people_and_an_empty_moderator_keeps_the_session(tmp_path):
    assert people(parse(tmp_path, MODERATED)) == [
        ("Opening address", "2031-03-12T09:00", "remarks", "Orla Venn"),
        ("Harbour networks", "2031-03-12T09:30", "moderator", "Ines Marlow"),
        ("Harbour networks", "2031-03-12T09:30", "panellist", "Piet Alsma"),
        ("Harbour networks", "2031-03-12T09:30", "panellist", "Kaia Rund"),
        ("Closing remarks", "2031-03-13T09:00", "remarks", "Tomas Vell")]  # "Day 2": the row dates those under it


ROLES = """
| Start | End | Title | Speaker(s) | Role |
|:-----:|:---:|-------|------------|------|
| 09:00 | 09:30 | Opening ceremony | Hon. Orla Venn, Minister of Tides, Lagonia | Opening remarks |
| | | | Mr Tomas Vell, Ambassador of Reefland | Remarks |
| 11:00 | 12:30 | Panel A — Harbour law | Dr Piet Alsma, Director, Tidewater Labs | Moderator |
| 11:00 | 12:30 | Panel A — Harbour law | Ms Kaia Rund, Counsel, Port Authority | Panellist |
| | | Panel A — Harbour law | Mr Jonas Feld, Judge, Lagoon Court | Panellist |
"""  # "Judge" after a name may be a role word: the Role cell says which


def test_a_role_column_labels_each_row_and_continuation_rows_join_the_session_above(tmp_path):
    parsed = parse(tmp_path, ROLES)
    assert [s.title for s in parsed.sessions if s.rows] == ["Opening ceremony", "Panel A — Harbour law"]
    assert people(parsed) == [
        ("Opening ceremony", "2031-03-12T09:00", "remarks", "Orla Venn"),
        ("Opening ceremony", "2031-03-12T09:00", "remarks", "Tomas Vell"),
        ("Panel A — Harbour law", "2031-03-12T11:00", "moderator", "Piet Alsma"),
        ("Panel A — Harbour law", "2031-03-12T11:00", "panellist", "Kaia Rund"),
        ("Panel A — Harbour law", "2031-03-12T11:00", "panellist", "Jonas Feld")]
    assert parsed.sessions[0].end.isoformat()[11:16] == "09:30"  # the End column ends it


def test_an_end_column_of_times_is_never_the_programme_column():
    cols = agenda.columns(["Start", "Finish", "Topic", "Speakers"], "Start", below=[["09:00", "09:30", "Tides"]])
    assert (cols.programme, cols.end, cols.people) == (2, 1, 3)


def test_a_start_column_of_times_is_the_time_column():
    assert agenda.time_column(["Start", "End", "Title"], "time", [["09:00", "09:30", "Tides"]]) == 0


def test_a_row_of_people_under_no_session_is_noted(tmp_path):
    text = "| Time | Session | Speakers |\n|---|---|---|\n| | | Dr Piet Alsma, Director, Tidewater Labs |\n"
    parsed = parse(tmp_path, text)
    assert not [s for s in parsed.sessions if s.rows]
    assert any("Piet Alsma" in n.message and n.line == 7 for n in parsed.notes)


def test_a_person_in_a_people_cell_that_reads_as_no_name_is_noted(tmp_path):
    text = ("| Time | Session | Panellists |\n|---|---|---|\n"
            "| 09:00 | Tides | Dr Piet Alsma, Director, Tidewater Labs; Ms Kaia a/p Rund-x, Head, Port Authority |\n")
    parsed = parse(tmp_path, text)
    assert [r.name.name for s in parsed.sessions for r in s.rows][:1] == ["Piet Alsma"]
    assert any("Kaia" in n.message and n.line == 7 for n in parsed.notes) \
        or any(r.name.name.startswith("Kaia") for s in parsed.sessions for r in s.rows)  # noted, or read by then


def test_brackets_after_a_name_are_read_right_to_left():
    assert brief(agenda.person("Mr Al Bo (Tide Lab) (Norway)")) == ("Mr Al Bo", [(None, "Tide Lab, Norway")])
    assert brief(agenda.person("Eng. Al Bo (Lagoon National CERT (LN-CERT))")) == (
        "Eng. Al Bo", [(None, "Lagoon National CERT (LN-CERT)")])
    [one] = agenda.named([("Prof. Al Bo (Moderator) (University of Tides (UoT), Norway)", None)])
    assert (one.name, one.label, [(p.title, p.organisation) for p in one.positions]) == (
        "Prof. Al Bo", "Moderator", [(None, "University of Tides (UoT), Norway")])


def test_a_name_left_holding_a_bracket_is_no_name():
    assert agenda.named([("Al Bo (Tide Lab) (Reef Office) (Norway)", None)]) == []


AGENDA_LINES = """
## 9h30 – 10h15 · Séance d'ouverture

Intervenants :

- Prof. Lieve Marten, KU Tidewater (Belgium)
- Dr Ana Roos, Reef Council
"""


def test_a_middle_dot_sets_a_title_off_its_time_and_an_addressed_name_keeps_its_organisation(tmp_path):
    parsed = parse(tmp_path, AGENDA_LINES)
    assert [s.title for s in parsed.sessions] == ["Séance d'ouverture"]
    assert [(r.name.name, [p.organisation for p in r.positions]) for r in parsed.sessions[0].rows][0] == (
        "Lieve Marten", ["KU Tidewater"])


def test_only_the_first_piece_with_an_honorific_is_a_person_and_her_position():
    printed = "Prof. Lieve Marten, KU Tidewater (Belgium)"
    assert agenda._shared(printed) == [printed]
    assert agenda._shared("Lieve Marten, Ana Roos (Tide Lab)") == ["Lieve Marten (Tide Lab)", "Ana Roos (Tide Lab)"]
