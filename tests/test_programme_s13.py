"""The programme reader: a table of people under a timed session, and the day a lone "Day N" heading names."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files as write
from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document

PROFILE = '[site]\nseries = "harbour"\n[[parts]]\nfiles = "days/*.md"\nreader = "programme"\n'


def parse(root: Path, rel: str, text: str, options: str = ""):
    write(root, {"speakergraph.toml": PROFILE + options, rel: text})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def people(session):
    return [(r.role, r.name.name, [(p.title, p.organisation) for p in r.positions], r.country_code)
            for r in session.rows]


# --- a table of people under a timed session -------------------------------------------------------------

PANEL_TABLE = """---
date: 2031-03-18
---
# Harbour Forum

## 15:45–17:00 | Panel: Ports and cables

- **Chair:** Dr Ines Varga, Director, Harbour Institute
- **Panellists:**

| Speaker | Position | Organisation | Country |
|---|---|---|---|
| Ms Odile Fenwick | Head of Policy | Tidewater Cables | Norway |
| Mr Kofi Amankwah-Lind | Founder and CEO | Quayside Labs | Ghana |

## 17:00–17:30 | Closing

**Speakers:**

| Name | Title | Organisation |
|------|-------|--------------|
| Prof. Aurelio Mensa | Professor of Maritime Law | University of Examplia |

## 18:00–19:00 | Roundtable

| Role | Name | Affiliation |
|---|---|---|
| Moderator | Ms Petra Lindqvist | Nordic Sea Council |
| Discussant | Mr Joon-ho Park | Korea Port Authority |

## 19:00 | Lightning talks

| Speaker | Title |
|---|---|
| Ana Lima | Tides and data |
"""


def test_a_people_table_under_a_timed_session_gives_its_people_with_the_label_before_it(tmp_path):
    parsed = parse(tmp_path, "days/forum.md", PANEL_TABLE)
    panel, closing, roundtable, talk = parsed.sessions
    assert (panel.title, panel.start.strftime("%H:%M")) == ("Panel: Ports and cables", "15:45")
    assert people(panel) == [
        ("moderator", "Ines Varga", [("Director", "Harbour Institute")], None),
        ("panellist", "Odile Fenwick", [("Head of Policy", "Tidewater Cables")], "NO"),  # "Panellists:" above
        ("panellist", "Kofi Amankwah-Lind", [("Founder and CEO", "Quayside Labs")], "GH")]
    assert people(closing) == [  # "Speakers:" in a "Closing" session: its remarks, as for people lines
        ("remarks", "Aurelio Mensa", [("Professor of Maritime Law", "University of Examplia")], None)]
    assert [(r.role_label, r.name.name) for r in roundtable.rows] == [  # a Role column names each one's role
        ("Moderator", "Petra Lindqvist"), ("Discussant", "Joon-ho Park")]
    # "| Speaker | Title |" under a timed heading: the slot's talks, a title each (no people's job titles)
    assert (talk.title, talk.start.strftime("%H:%M"), [(r.role, r.name.name, r.positions) for r in talk.rows]) == (
        "Tides and data", "19:00", [("speaker", "Ana Lima", [])])
    lines = PANEL_TABLE.splitlines()
    assert [lines[r.line - 1].startswith(f"| {r.printed_name}") for r in panel.rows[1:]] == [True, True]


def test_a_people_table_that_names_nobody_is_noted(tmp_path):
    page = "---\ndate: 2031-03-18\n---\n## 09:00 | Opening\n\n- **Speakers:**\n\n| Name | Organisation |\n|---|---|\n" \
           "| | Harbour Institute |\n\n## 10:00 | Talk\n\n- **Speaker:** Ana Lima, CEO, Acme\n"
    parsed = parse(tmp_path, "days/forum.md", page)
    assert [s.title for s in parsed.sessions] == ["Talk"]
    assert any(n.kind == "skipped-row" and "'Opening'" in n.message and "names nobody" in n.message
               for n in parsed.notes), parsed.notes


# --- the day of a "Day N" heading ------------------------------------------------------------------------

DAY_PAGE = "---\ndate: {date}\n---\n# {heading}\n\n## 09:30 - 11:00 | Session 4: Tides\n\n" \
           "- **Chair:** Dr Ines Varga, Director, Harbour Institute\n"


def dates(parsed):
    return [s.date.isoformat() for s in parsed.sessions]


def test_a_lone_day_heading_is_the_day_its_page_is_dated(tmp_path):
    parsed = parse(tmp_path, "days/day-2.md", DAY_PAGE.format(date="2031-03-19", heading="Day 2 — Wednesday"))
    assert dates(parsed) == ["2031-03-19"] and not [n for n in parsed.notes if n.kind.startswith("date")]
    parsed = parse(tmp_path, "days/day-2.md", DAY_PAGE.format(date="2031-03-19", heading="Day 2"))
    assert dates(parsed) == ["2031-03-19"]
    # the edition's first day: a default_date, or a page of several day headings, each counted from its date
    parsed = parse(tmp_path, "days/day-2.md", DAY_PAGE.format(date="2031-03-25", heading="Day 2"),
                   'default_date = "2031-03-18"\n')
    assert dates(parsed) == ["2031-03-19"]
    page = DAY_PAGE.format(date="2031-03-18", heading="Day 1") + "\n# Day 2\n\n## 10:00 | Tides again\n\n" \
        "- **Chair:** Mr Bo Chan, Editor, Harbour Daily\n"
    assert dates(parse(tmp_path, "days/days.md", page)) == ["2031-03-18", "2031-03-19"]


def test_a_weekday_that_fits_the_other_reading_gives_the_date_with_a_note(tmp_path):
    parsed = parse(tmp_path, "days/day-2.md", DAY_PAGE.format(date="2031-03-18", heading="Day 2 — Wednesday"))
    assert dates(parsed) == ["2031-03-19"]  # the page's date is a Tuesday: the first day's, Day 2 the day after
    assert [n.kind for n in parsed.notes if n.kind.startswith("date")] == ["date-corrected"]
    parsed = parse(tmp_path, "days/day-2.md", DAY_PAGE.format(date="2031-03-18", heading="Day 2 — Friday"))
    assert dates(parsed) == ["2031-03-18"]  # fits neither: the page's date, noted
    assert [n.kind for n in parsed.notes if n.kind.startswith("date")] == ["date-mismatch"]


def test_a_page_printing_its_times_as_local_with_a_zone_gives_them_that_zone(tmp_path):
    page = "---\ndate: 2031-06-17\n---\n# Day 1\n\nVenue: Quay Hall · all times are local (CEST)\n\n" \
           "## 09:00–10:00 | Opening\n\n- **Chair:** Dr Ines Varga, Director, Harbour Institute\n"
    session, = parse(tmp_path, "days/day-1.md", page).sessions
    assert session.start.isoformat() == "2031-06-17T09:00:00+02:00"
