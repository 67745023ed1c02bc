"""The cards reader on card shapes a new user met: a day range with its hours in one date line, title and
organisation in two paragraphs, two jobs on one card, and editions held in different time zones."""

from __future__ import annotations

import csv
import io
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from graph.errors import IngestError
from ingest import readers
from ingest.cards import time_left
from ingest.loader import site_for
from ingest.read import read_document

BANNER = ('<figure class="banner"><figcaption><h3>{title}</h3><ul><li>{day}</li>{clock}</ul></figcaption></figure>\n')


def page(title: str, day: str, cards: str, clock: str = "") -> str:
    clock = f"<li>{clock}</li>" if clock else ""
    return f"---\ntitle: {title}\n---\n" + BANNER.format(title=title, day=day, clock=clock) + cards


def read(root: Path, files: dict[str, str], profile: str):
    for rel, body in {**files, "speakergraph.toml": profile}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(body, encoding="utf-8")
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return {rel: readers.read(read_document(root, root / rel), site) for rel in files}


def jobs(parsed) -> dict[str, list[tuple[str | None, str | None]]]:
    return {r.printed_name: [(p.title, p.organisation) for p in r.positions] for r in parsed.sessions[0].rows}


CARD = ('<figure class="delegate"><figcaption><h5>Ms Ada Moreno</h5><p>Harbour Master, Port of Examplia</p>'
        '</figcaption></figure>\n')
PART = '[[parts]]\nfiles = "events/*.md"\nreader = "cards"\ncard = "figure.delegate"\nname = "h5"\nposition = "p"\n'


def test_day_range_before_hours_is_no_start(tmp_path):
    """A whole banner as the date ("23 - 25 April 2031 9.00am - 5.30pm") starts at 9.00, not at 23:00."""
    got = read(tmp_path, {"events/2031.md": page("Harbour Forum 2031", "23 - 25 April 2031", CARD, "9.00am - 5.30pm")},
               PART + 'date = "figure.banner"\n')["events/2031.md"]
    session = got.sessions[0]
    assert (session.date.isoformat(), session.start.time(), session.end.time()) == ("2031-04-23", time(9), time(17, 30))


@pytest.mark.parametrize("printed, left", [
    ("23 - 25 April 2031 9.00am - 5.30pm", "9.00am - 5.30pm"),
    ("Mon 23 - Wed 25 April 2031, 9.00am - 5.30pm", "9.00am - 5.30pm"),
    ("23rd to 25th April 2031 (0900 - 1730)", "(0900 - 1730)"),
    ("4 May 2031, 9 - 11am", "9 - 11am"),  # a bare hour before one clock time is a start
    ("4 May 2031", ""),
])
def test_time_left_of_a_date_line(printed, left):
    assert time_left(printed) == left


def test_position_in_two_paragraphs_is_title_then_organisation(tmp_path):
    """position = "p" over <p>Title</p><p>Organisation</p> reads both (a one-line card still splits at its comma)."""
    cards = ('<article class="delegate-card"><h5>Mr Bo Lind</h5><p class="t">Director</p><p class="o">Quayside Lab</p>'
             '</article>\n<article class="delegate-card"><h5>Ms Cy Ott</h5><p>Chief Executive, Portville Authority</p>'
             '</article>\n<article class="delegate-card"><h5>Mr Di Kim</h5><p class="role">Moderator</p>'
             '<p>President</p><p>Northbay Port Authority - Closing Remarks</p></article>\n')
    profile = ('[[parts]]\nfiles = "events/*.md"\nreader = "cards"\ncard = "article.delegate-card"\nname = "h5"\n'
               'role = "p.role"\nposition = "p"\ndate = "figure.banner li"\n')
    got = read(tmp_path, {"events/2031.md": page("Harbour Forum 2031", "4 May 2031", cards)}, profile)["events/2031.md"]
    assert jobs(got) == {"Mr Bo Lind": [("Director", "Quayside Lab")],
                         "Ms Cy Ott": [("Chief Executive", "Portville Authority")],
                         "Mr Di Kim": [("President", "Northbay Port Authority")]}
    # the role's <p> is no position line; a role after the last line is the card's role
    assert [r.role_label for r in got.sessions[0].rows] == ["Speaker", "Speaker", "Closing Remarks"]


def test_two_title_organisation_pairs_are_two_jobs(tmp_path):
    cards = ('<article class="delegate-card"><h5>Capt. Ada Moreno</h5><p class="t">Harbour Master</p>'
             '<p class="o">Port of Examplia</p><p class="t">Chairman</p><p class="o">Examplia Pilots Association</p>'
             '</article>\n<article class="delegate-card"><h5>Ms Eve Sol</h5><p class="t">Adviser</p></article>\n')
    profile = ('[[parts]]\nfiles = "events/*.md"\nreader = "cards"\ncard = "article.delegate-card"\nname = "h5"\n'
               'title = "p.t"\norganisation = "p.o"\ndate = "figure.banner li"\n')
    got = read(tmp_path, {"events/2031.md": page("Harbour Forum 2031", "4 May 2031", cards)}, profile)["events/2031.md"]
    assert jobs(got) == {"Capt. Ada Moreno": [("Harbour Master", "Port of Examplia"),
                                              ("Chairman", "Examplia Pilots Association")],
                         "Ms Eve Sol": [("Adviser", None)]}


EDITIONS = {"events/2030 @ Northbay.md": page("Harbour Forum 2030", "2 April 2030", CARD, "9.00am - 5.00pm"),
            "events/2031 @ Portville.md": page("Harbour Forum 2031", "4 May 2031", CARD, "10.00am - 4.00pm (GMT +2)")}


def test_each_part_gives_its_editions_their_zone(tmp_path):
    """Two editions in two zones: each part's timezone, the site's for the rest; a printed offset wins."""
    part = ('[[parts]]\nfiles = "events/{glob}"\nreader = "cards"\ncard = "figure.delegate"\nname = "h5"\n'
            'position = "p"\ndate = "figure.banner li"\ntime = "figure.banner li"\n{zone}')
    profile = ('[site]\ntimezone = "+01:00"\n' + part.format(glob="2030*", zone='timezone = "Asia/Seoul"\n')
               + part.format(glob="2031*", zone='timezone = "Europe/Amsterdam"\n'))
    got = read(tmp_path, EDITIONS, profile)
    seoul = got["events/2030 @ Northbay.md"].sessions[0].start
    assert seoul == datetime(2030, 4, 2, 9, tzinfo=timezone(timedelta(hours=9)))
    assert seoul.utcoffset() == timedelta(hours=9)
    printed = got["events/2031 @ Portville.md"].sessions[0].start
    assert printed.utcoffset() == timedelta(hours=2) and printed.hour == 10
    site_wide = read(tmp_path / "b", EDITIONS, '[site]\ntimezone = "+01:00"\n' + part.format(glob="*", zone=""))
    assert site_wide["events/2030 @ Northbay.md"].sessions[0].start.utcoffset() == timedelta(hours=1)


def test_a_bad_part_timezone_is_named(tmp_path):
    with pytest.raises(IngestError, match="timezone 'Seoul'"):
        read(tmp_path, {"events/2031.md": page("Harbour Forum 2031", "4 May 2031", CARD)},
             PART + 'date = "figure.banner li"\ntimezone = "Seoul"\n')


def test_a_role_in_brackets_after_the_name_in_a_name_cell(tmp_path):
    from selectolax.lexbor import LexborHTMLParser

    from ingest.cards import Options, card_row
    from ingest.profile import Settings

    tree = LexborHTMLParser("<table><tr class='p'><td class='n'>Mr Bo Ray (Moderator)</td><td class='o'>Counsellor, "
                            "Port Office</td></tr></table>")
    opts = Options(card="tr.p", name="td.n", position="td.o")
    row = card_row("x.html", tree.css_first("tr.p"), opts, None, Settings(), [])
    assert (row.role_label, row.printed_name) == ("Moderator", "Mr Bo Ray")


CARD_PROFILE = ('[site]\nseries = "dialogue"\n[[parts]]\nfiles = "speakers.md"\nreader = "cards"\n'
                'card = "div.speaker-card"\nname = "h4"\nposition = "p.designation"\ncountry = "p.country"\n'
                'default_date = "2031-10-09"\n[[parts]]\nfiles = "programme.md"\nreader = "programme"\n')
CARD_PAGE = ("---\ntitle: Speakers 2031\n---\n<div class=\"speaker-card\"><h4>Mr Paolo FERREIRA</h4><p class=\"designation\">"
             "Head of Climate Finance, Banco Atlantico</p><p class=\"country\">Brazil</p></div>\n")
CARD_PROGRAMME = ("---\ntitle: Programme\n---\n<h3>Friday, 10 October 2031</h3>\n<table><thead><tr><th>Time</th><th>Session"
                  "</th></tr></thead><tbody>\n<tr><td>0930 - 1100 hrs</td><td><strong>Panel: Insuring the Uninsurable"
                  "</strong><br>Mr Paolo Ferreira (Banco Atlantico)</td></tr>\n</tbody></table>\n")


def test_a_speaker_card_lends_its_edition_s_programme_rows_title_and_country(tmp_path):
    """The programme prints "Mr Paolo Ferreira (Banco Atlantico)"; the card page of that edition prints his title and
    country: the programme row takes them, in the run that reads both and in a later run that reads the programme
    alone (the card read from the store)."""
    from conftest import write_files
    from graph.export import export
    from graph.store import open_store
    from ingest.loader import ingest

    root = write_files(tmp_path / "dialogue", {"speakergraph.toml": CARD_PROFILE, "speakers.md": CARD_PAGE,
                                               "programme.md": CARD_PROGRAMME})
    store = open_store(tmp_path / "store")
    site = site_for(root, profile_path=root / "speakergraph.toml")

    def programme_row():
        rows = [r for r in csv.DictReader(io.StringIO(export(store, "csv").decode())) if r["source"] == "programme.md"]
        return [(r["name"], r["title"], r["organisation"], r["country"]) for r in rows]

    ingest(store, [site])
    assert programme_row() == [("Paolo Ferreira", "Head of Climate Finance", "Banco Atlantico", "BR")]
    (root / "programme.md").write_text(CARD_PROGRAMME + "\n", encoding="utf-8")
    assert ingest(store, [site]).read == 1
    assert programme_row() == [("Paolo Ferreira", "Head of Climate Finance", "Banco Atlantico", "BR")]
