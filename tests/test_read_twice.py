"""A file that two parts of a profile read: what each reads is kept, and a session read twice is named."""

from __future__ import annotations

from conftest import write_files
from ingest.loader import site_for
from ingest.preview import preview

AGENDA = """---
title: Lakeside Forum 2032
date: 2032-05-11
---

### 09:30–10:30 | Opening Segment

Moderator: Ilse Varga

### 11:00–12:00 | Panel: Ferries after dark

Panellists: Tomas Reyes; Nkechi Obi (Harbour Board)
"""

TWO_PARTS = """
[site]
series = "lakeside"

[[parts]]
files = "{first}"
reader = "programme"

[[parts]]
files = "{second}"
reader = "programme"
"""


def _notes(root):
    found = preview(site_for(root), sample=100)
    return found, {n["kind"]: n for n in found.notes}


def test_a_session_two_parts_read_is_named_with_the_part_and_the_fix(tmp_path):
    root = write_files(tmp_path / "lakeside", {
        "speakergraph.toml": TWO_PARTS.format(first="*.md", second="agenda*.md"), "agenda.md": AGENDA})
    found, notes = _notes(root)
    assert found.appearances == 6  # both parts' rows are kept, as the profile says
    twice = notes["read-twice"]
    assert twice["count"] == 2
    assert "agenda.md" in twice["example"] and "programme part reads session 'Opening Segment'" in twice["example"]
    assert "narrow the other part's `files`" in twice["example"]


def test_parts_that_read_different_files_are_not_named(tmp_path):
    root = write_files(tmp_path / "lakeside", {
        "speakergraph.toml": TWO_PARTS.format(first="agenda.md", second="day2.md"), "agenda.md": AGENDA,
        "day2.md": AGENDA.replace("2032-05-11", "2032-05-12")})
    found, notes = _notes(root)
    assert found.appearances == 6 and "read-twice" not in notes
