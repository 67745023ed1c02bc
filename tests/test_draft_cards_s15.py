"""Drafting a page-builder site (made up): an agenda whose days stand in tab titles and whose only "…date:" line is
a "Last updated:" note, and a speakers page whose cards sit in grid columns of a class the page's wrapper columns
share, each card with a hidden biography dialog that repeats the name in another heading."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from conftest import drafted_preview as previewed, part_of, write_files as write
from ingest import cards
from ingest.draft_pages import _dated, cards_in
from ingest.records import Document

PEOPLE = (("Dr. Orla Venn", "Director", "Harbour Data Institute"),
          ("Mr. Tavi Rook", "Head of Security", "Gridline Power"),
          ("Ms. Ines Marr", "Senior Editor", "The Quay Ledger"),
          ("Prof. Bruno Kalt", "Professor of Law", "University of Sundal"))


def _widget(inner: str) -> str:
    return f'<div class="pb-element pb-widget pb-widget-text"><div class="pb-widget-container">{inner}</div></div>'


def _slot(clock: str, title: str, people: str) -> str:
    return (f'<section class="pb-section"><div class="pb-column pb-col-25">{_widget(f"<p><strong>{clock}</strong></p>")}'
            f'</div><div class="pb-column pb-col-75">{_widget(f"<h4>{title}</h4>")}{_widget(people)}</div></section>')


def agenda() -> str:
    day1 = (_slot("09:00 - 09:15", "Welcome Address", "<p>Dr. Orla Venn, Director, Harbour Data Institute</p>")
            + _slot("09:15 - 10:30", "Panel: Ports after dark",
                    "<p>Moderator:<br>Ms. Ines Marr, Senior Editor, The Quay Ledger</p><p>Panelists:<br>"
                    "Mr. Tavi Rook – Head of Security, Gridline Power<br>Prof. Bruno Kalt – Professor of Law, "
                    "University of Sundal</p>"))
    day2 = _slot("09:00 - 10:00", "Keynote: Tides of data", "<p>Keynote Speaker:<br>Dr. Orla Venn, Director, "
                 "Harbour Data Institute</p>")
    tabs = ('<div class="pb-tabs"><div class="pb-tab-title">Day 1 &#8211; 4 June 2031</div>'
            '<div class="pb-tab-title">Day 2 &#8211; 5 June 2031</div></div>'
            f'<div class="pb-tab-content">{day1}</div><div class="pb-tab-content">{day2}</div>')
    return page("Agenda", _widget("<p>All times are local. The programme may change. Last updated: 20 May 2031.</p>")
                + tabs)


def speakers() -> str:
    def card(name: str, title: str, org: str) -> str:
        return (f'<div class="pb-column pb-col-25 pb-inner"><div class="speaker-tile"><img src="x.jpg" alt="{name}">'
                f'<h4>{name}</h4><p class="position">{title}</p><p class="company">{org}</p>'
                f'<div class="tile-modal" style="display:none" aria-hidden="true"><h3>{name}</h3><p>Biography of '
                f'{name.split()[-1]}.</p></div></div></div>')

    grid = "".join(card(*p) for p in PEOPLE)
    # the page's own wrapper columns share the cards' column class: one around the heading, one around every card
    return page("Speakers 2031", f'<div class="pb-column pb-col-100">{_widget("<h1>Speakers 2031</h1>")}</div>'
                f'<div class="pb-column pb-col-100"><div class="tile-grid">{grid}</div></div>')


def page(title: str, main: str) -> str:
    return (f"<!DOCTYPE html><html><head><title>{title} – Vela Harbour Forum</title></head><body>"
            f'<main id="content">{main}</main><aside class="widget-area"><section class="widget widget_recent">'
            "<ul><li>Call for talks closed <span>2 February 2031</span></li></ul></section></aside></body></html>")


def site(tmp_path):
    return write(tmp_path / "vela", {"index.html": page("Home", "<h1>Vela Harbour Forum</h1>"),
                                     "agenda/index.html": agenda(), "speakers/index.html": speakers()})


# --- the agenda's date --------------------------------------------------------------------------------------------

def test_a_last_updated_line_is_no_date_line():
    doc = Document("agenda/index.html", "", {}, agenda(), 0)
    assert not _dated(doc)
    assert _dated(Document("agenda/index.html", "", {}, agenda().replace("Last updated:", "Date:"), 0))


def test_a_day_number_before_a_date_is_no_range():
    assert cards.first_day("Day 1 – 4 June 2031") == cards.first_day("4 June 2031")
    assert cards.first_day("3 – 4 June 2031").day == 3  # a range of days still starts on its first


def test_the_days_the_tab_titles_print_date_the_programme(tmp_path):
    profile, text, seen = previewed(site(tmp_path), tmp_path, sample=0)
    assert part_of(profile, "agenda/index.html")["default_date"] == "2031-06-04"
    assert "also printed: 5 June 2031" in text
    assert "2031-02-02" not in text  # the sidebar's date is no candidate
    dates = {r["session"]: r["date"][:10] for r in seen.rows}
    assert dates["Welcome Address"] == "2031-06-04"


# --- the speaker cards ----------------------------------------------------------------------------------------------

def test_the_card_is_the_element_holding_one_visible_name():
    [(selector, name, position, names, _)] = cards_in(speakers())
    assert (selector, name, position) == ("div.speaker-tile", "h4", "p")
    assert names == [n for n, _, _ in PEOPLE]


def test_the_cards_are_the_speakers_of_the_agenda(tmp_path):
    profile, text, seen = previewed(site(tmp_path), tmp_path, sample=0)
    part = part_of(profile, "speakers/index.html")
    assert (part["card"], part["name"], part.get("kind")) == ("div.speaker-tile", "h4", "speakers")
    sessions = {r["session"] for r in seen.rows}
    assert not any("Speakers" in s for s in sessions)  # the card page is no session of its own
    rook = next(r for r in seen.rows if r["name"] == "Tavi Rook")
    assert rook["session"] == "Panel: Ports after dark"


def test_a_hidden_dialog_repeating_the_name_is_not_a_second_name():
    tree = LexborHTMLParser(speakers())
    card = tree.css_first("div.speaker-tile")
    assert cards.card_names(card, "h3, h4") == ["Dr. Orla Venn"]


def test_a_card_selector_holding_several_people_skips_that_block_with_a_note():
    doc = Document("speakers/index.html", "", {}, speakers(), 0)
    parsed = cards.read(doc, card="div.pb-column", name="h4", title="p.position", organisation="p.company",
                        default_date="2031-06-04")
    names = [r.printed_name for s in parsed.sessions for r in s.rows]
    assert names == [n for n, _, _ in PEOPLE]  # no ghost from the column around every card
    assert any("prints 4 names" in n.message and "not one person" in n.message for n in parsed.notes)
