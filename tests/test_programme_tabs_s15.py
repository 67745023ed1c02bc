"""Day lines that are no headings: a page builder's tabbed programme ("Day 2 – 13 March 2031" in a ``<div
role="tab">`` over a ``role="tabpanel"`` of sessions, the tabs also printed side by side before all the panels) and a
Markdown day printed on a line alone date the sessions under them; a day named inside a sentence stays prose.
Made-up pages."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files as write
from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document


def parse(root: Path, name: str, text: str, options: str = ""):
    profile = f'[site]\nseries = "lagoon"\n[[parts]]\nfiles = "{name}"\nreader = "programme"\n{options}'
    write(root, {"speakergraph.toml": profile, name: text})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / name), site)


def dated(parsed) -> list[tuple[str, str | None]]:
    return [(s.title, s.start.isoformat()[:16] if s.start else None) for s in parsed.sessions if s.rows]


def panel(tab: int, clock: str, title: str, person: str, hidden: str = "") -> str:
    return (f'<div id="tab-content-{tab}" class="kit-tab-content" data-tab="{tab}" role="tabpanel" '
            f'aria-labelledby="tab-title-{tab}"{hidden}><section><div class="col"><p><strong>{clock}</strong></p></div>'
            f'<div class="col"><h4 class="kit-heading-title">{title}</h4><p>{person}</p></div></section></div>')


DESKTOP = ('<div class="kit-tabs-wrapper" role="tablist">'
           '<div id="tab-title-1" class="kit-tab-title kit-tab-desktop-title kit-active" data-tab="1" role="tab">'
           'Day 1 &#8211; 12 March 2031</div>'
           '<div id="tab-title-2" class="kit-tab-title kit-tab-desktop-title" data-tab="2" role="tab">'
           'Day 2 &#8211; 13 March 2031</div></div>')


def mobile(tab: int, day: str) -> str:
    return f'<div class="kit-tab-title kit-tab-mobile-title" data-tab="{tab}" role="tab">{day}</div>'


TABBED = ('<html><body><main><h1>Lagoon Security Summit 2031</h1><div class="kit-tabs">' + DESKTOP
          + '<div class="kit-tabs-content-wrapper" role="tablist">'
          + mobile(1, "Day 1 &#8211; 12 March 2031")
          + panel(1, "09:00 - 09:30", "Opening Address", "H.E. Ms Orla Venn, Minister of Digital Affairs, Lagonia")
          + mobile(2, "Day 2 &#8211; 13 March 2031")
          + panel(2, "10:00 - 11:00", "Panel: Harbour Networks", "Dr Piet Alsma, Director, Tidewater Labs",
                  ' hidden="hidden"')
          + '</div></div></main></body></html>')

WANTED = [("Opening Address", "2031-03-12T09:00"), ("Panel: Harbour Networks", "2031-03-13T10:00")]


def test_tab_titles_date_the_panels_under_them(tmp_path):
    assert dated(parse(tmp_path, "agenda/index.html", TABBED)) == WANTED


def test_tab_titles_override_a_default_date(tmp_path):
    parsed = parse(tmp_path, "agenda/index.html", TABBED, 'default_date = "2031-03-12"\n')
    assert dated(parsed) == WANTED


def test_a_panel_takes_its_tabs_day_when_only_the_row_of_tabs_is_printed(tmp_path):
    desktop_only = TABBED.replace(mobile(1, "Day 1 &#8211; 12 March 2031"), "") \
        .replace(mobile(2, "Day 2 &#8211; 13 March 2031"), "")
    assert dated(parse(tmp_path, "agenda/index.html", desktop_only)) == WANTED


def test_the_day_line_printed_last_before_the_sessions_dates_them_and_a_row_of_tabs_alone_dates_nothing(tmp_path):
    unlabelled = TABBED.replace(' role="tabpanel"', "")  # panels that name no tab: the order of the page decides
    assert dated(parse(tmp_path / "a", "agenda/index.html", unlabelled)) == WANTED
    # no copy of the tab over each panel either: the last tab of the row is not the day of every panel
    bare = unlabelled.replace(mobile(1, "Day 1 &#8211; 12 March 2031"), "") \
        .replace(mobile(2, "Day 2 &#8211; 13 March 2031"), "")
    parsed = parse(tmp_path / "b", "agenda/index.html", bare)
    assert not parsed.sessions and any("default_date" in n.message for n in parsed.notes)


def test_a_day_line_alone_in_markdown_dates_the_sessions_after_it_and_a_sentence_naming_a_day_does_not(tmp_path):
    page = """# Lagoon Security Summit 2031

Tuesday 12 March 2031

The summit closes on 14 March 2031 with a walk along the harbour.

## 09:00 Opening Address

Speaker: Ms Orla Venn, Minister of Digital Affairs, Lagonia

Day 2 – 13 March 2031

## 10:00 Panel: Harbour Networks

Moderator: Dr Piet Alsma, Director, Tidewater Labs
"""
    assert dated(parse(tmp_path, "summit/program.md", page)) == WANTED
