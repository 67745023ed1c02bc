"""A schedule widget saved as HTML (made-up pages): each timed session lists its people as bare names (links, no
honorific, no position), a tag under it prints its format ("Panel"), and a wall of speaker cards prints each name in
a heading with the tagline in a sibling heading. The names are the session's people, the tag its people's role, the
cards their positions; a list of names that gives a session nobody is noted."""

from __future__ import annotations

from pathlib import Path

from conftest import drafted_preview as previewed, part_of, write_files as write
from ingest import readers
from ingest.draft_pages import cards_in
from ingest.loader import site_for
from ingest.read import read_document

PEOPLE = (("Odile Brenner-Kast", "Head of Platform Risk, Varn Mutual"), ("Teodor Ilves", "Analyst, Pellon Bank"),
          ("Dr. Mira Solvang", "Dean, Harrow Institute"), ("Quentin Abara", "Moderator"))


def session(clock: str, title: str, names: list[str], tags: str = "", lines: str = "") -> str:
    people = "".join(f'<li class="who"><a href="#">{n}</a></li>' for n in names)
    tag = f'<ul class="tags"><li class="tag">{tags}</li></ul>' if tags else ""
    return (f'<div class="slot"><div class="slot-time">{clock}</div><div class="item">'
            f'<h3 class="item-title"><a href="#">{title}</a></h3><span class="item-time">{clock}</span>'
            f'<ul class="people">{people}</ul>{lines}<div class="abstract"><p>What changes next year.</p></div>'
            f"{tag}</div></div>\n")


def schedule(*slots: str) -> str:
    return ("<html><head><title>Schedule | Harbour Ledger Forum 2031</title></head><body><main><h1>Schedule</h1>"
            '<div class="widget"><div class="day"><h3 class="day-title">Tuesday, May 13, 2031</h3>'
            + "".join(slots) + "</div></div></main></body></html>")


def speakers() -> str:
    cards = "".join(f'<li class="person"><div class="photo"><img src="x.jpg" alt="{n}"></div>'
                    f'<h3 class="person-name"><a href="#">{n}</a></h3><h4 class="person-line">{line}</h4>'
                    f'<ul class="person-talks"><li><a href="#">Who Carries the Outage?</a></li></ul></li>\n'
                    for n, line in PEOPLE)
    return ("<html><head><title>Speakers | Harbour Ledger Forum 2031</title></head><body><main><h1>Speakers</h1>"
            f'<ul class="wall">{cards}</ul></main></body></html>')


PANEL = session("10:15 AM - 11:00 AM", "Who Carries the Outage?",
                ["Odile Brenner-Kast", "Teodor Ilves", "Dr. Mira Solvang", "Quentin Abara"], tags="Panel")
MORE = (session("11:30 AM - 12:15 PM", "Ledgers at Dawn", ["Teodor Ilves"]),
        session("2:00 PM - 2:45 PM", "Counting the Tides", ["Odile Brenner-Kast", "Dr. Mira Solvang"]))


def read(root: Path, rel: str, html: str):
    profile = '[site]\nseries = "harbour"\n[[parts]]\nfiles = "*/schedule.html"\nreader = "programme"\n'
    write(root, {"speakergraph.toml": profile, rel: html})
    site = site_for(root, profile_path=root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def rows(parsed):
    return [(s.title, s.start.strftime("%H:%M") if s.start else None, r.role, r.printed_name)
            for s in parsed.sessions for r in s.rows]


def test_a_timed_sessions_list_of_bare_names_is_its_people_and_its_tag_their_role(tmp_path):
    parsed = read(tmp_path, "2031/schedule.html", schedule(PANEL))
    assert rows(parsed) == [("Who Carries the Outage?", "10:15", "panellist", n) for n, _ in PEOPLE]
    [panel] = parsed.sessions
    assert panel.format == "Panel"  # the tag is the session's format, never a person nor its title


def test_a_single_bare_name_under_a_timed_session_is_its_speaker(tmp_path):
    parsed = read(tmp_path, "2031/schedule.html", schedule(session("9:00 AM - 9:45 AM", "Ledgers at Dawn",
                                                                   ["Teodor Ilves"])))
    assert rows(parsed) == [("Ledgers at Dawn", "09:00", "speaker", "Teodor Ilves")]


def test_a_list_of_topics_is_no_people_and_a_list_of_names_left_unread_is_noted(tmp_path):
    topics = session("11:30 AM - 12:15 PM", "Three Short Pieces", ["Cloud Security", "Zero Trust", "Risk Management"])
    mixed = session("2:00 PM - 2:45 PM", "Open Floor", ["Teodor Ilves", "Ilse Marrow", "Ideas welcome, bring one."])
    parsed = read(tmp_path, "2031/schedule.html", schedule(topics, mixed))
    assert rows(parsed) == []
    said = [n.message for n in parsed.notes if n.kind == "unread-names"]
    assert any("'Open Floor'" in m and "Ideas welcome" in m for m in said)
    assert all(n.line for n in parsed.notes if n.kind == "unread-names")  # the line the list is printed on


def test_the_card_is_the_element_holding_the_name_heading_and_its_tagline():
    [(selector, name, position, names, _)] = cards_in(speakers())
    assert (selector, name, position) == ("li.person", "h3", "h4.person-line")
    assert names == [n for n, _ in PEOPLE]


def test_the_drafted_site_lends_the_cards_positions_to_the_bare_names(tmp_path):
    root = write(tmp_path / "forum", {"2031/schedule.html": schedule(PANEL, *MORE), "2031/speakers.html": speakers()})
    profile, text, seen = previewed(root, tmp_path, sample=0)
    part = part_of(profile, "speakers.html")
    assert (part["card"], part.get("position"), part.get("kind")) == ("li.person", "h4.person-line", "speakers")
    got = {r["name"]: r for r in seen.rows if r["session"] == "Who Carries the Outage?"}
    assert set(got) == {"Odile Brenner-Kast", "Teodor Ilves", "Mira Solvang", "Quentin Abara"}
    titles = {n: [(p.get("title"), p.get("organisation")) for p in r.get("positions") or []] for n, r in got.items()}
    assert titles["Teodor Ilves"] == [("Analyst", "Pellon Bank")]
    assert titles["Quentin Abara"] == []  # a tagline that is only a role word is no job title
