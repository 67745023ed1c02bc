"""A programme page dated only by a line of its opening ("*Wednesday, 4 June 2031 · all times CEST*"): its sessions
take that day; a date printed once the programme has begun is a session's, never the page's. Made-up pages."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files as write
from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document

PROFILE = '[site]\nseries = "fjord"\n[[parts]]\nfiles = "*/program.md"\nreader = "programme"\n'


def parse(root: Path, text: str):
    write(root, {"speakergraph.toml": PROFILE, "edition/program.md": text})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / "edition/program.md"), site)


OPENING = """---
title: Program
---
# Fjord Workshop Program

*Wednesday, 4 June 2031 · all times CEST · presenting author underlined*

## 09:00–09:20 Welcome

Opening remarks: Dr. Ola Brekke (Fjord Institute, Norway)

## 09:30–10:30 Keynote: Tides of data

**Speaker:** Prof. Inés Vidal, Director, Harbour Data Lab, Spain
"""


def test_a_date_in_the_opening_lines_dates_the_page(tmp_path):
    parsed = parse(tmp_path, OPENING)
    assert [(s.title, s.start.isoformat()[:16] if s.start else None) for s in parsed.sessions if s.rows] == [
        ("Welcome", "2031-06-04T09:00"), ("Keynote: Tides of data", "2031-06-04T09:30")]


def test_a_date_printed_after_the_programme_began_is_not_the_pages(tmp_path):
    later = OPENING.replace("*Wednesday, 4 June 2031 · all times CEST · presenting author underlined*\n", "") \
        + "\nThe dinner is on 5 June 2031 at the harbour.\n"
    parsed = parse(tmp_path, later)
    assert not any(s.start for s in parsed.sessions)
