"""Session cards in a programme page: a card whose classes name its fields (``ingest.session_cards``) read into its
session, a table whose rows are such cards, and a person's card under a timed session (a page builder's image box:
a name heading and the position under it)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ingest import agenda, session_cards
from ingest.cards import biography, first_day, only_role
from ingest.html_page import Line, node_lines, text
from ingest.names import split_name
from ingest.people_text import role_prefix
from ingest.person_line import Person
from ingest.person_pattern import looks_like_name
from ingest.programme_blocks import _bare_name
from ingest.programme_page import Page, _open
from ingest.programme_sessions import Draft, _session_role, _title, people_of
from ingest.roles import role_of, role_words_only
from ingest.tidy import has_job_word, not_a_person


def card_person(node: LexborNode, printed: str, page: Page) -> bool:
    """True for a person's card inside a timed session, read into it: a heading printing a name, its position in the
    element after it and nothing more (a page builder's image box: ``<h3 class="elementor-image-box-title">H.E. Ann
    Lee</h3><p class="elementor-image-box-description">Minister of …<br>Ministry of …</p>``), not a session of its
    own. A heading of a talk's title ("Mesh Radios Everywhere") has its speakers or its abstract after it."""
    if page.open is None or not page.open.time_label or len(printed) > 80 or role_of(printed) \
            or not looks_like_name(split_name(printed).name or ""):
        return False
    after = node.next
    while after is not None and after.tag in ("-text", "-comment") and not (after.text() or "").strip():
        after = after.next
    if after is None or after.tag in ("-text", "-comment") or after.next is not None and any(
            n.tag not in ("-text", "-comment") or (n.text() or "").strip() for n in _siblings_after(after)):
        return False
    lines = [ln.text for ln in node_lines(after) if ln.text]
    if not 1 <= len(lines) <= 3 or any(biography(ln) or len(ln) > 160 or people_of([Line(ln)], None)
                                       for ln in lines) or not (has_job_word(lines[0]) or len(lines) > 1):
        return False
    found = people_of([Line(f"Speaker: {printed}")], page.open.role)
    if len(found) != 1:
        return False
    found[0].positions = session_cards.positions(lines)
    found[0].label = page.open.label or found[0].label
    page.open.people += found
    page.read.add(after.mem_id)
    return True


def _siblings_after(node: LexborNode):
    after = node.next
    while after is not None:
        yield after
        after = after.next


def card_rows(table: LexborNode, page: Page) -> bool:
    """True for a table whose session cards are its rows (``<tr>``: the time cell, then the title and the authors
    classed in the next), each read as its card; a table with cards inside its cells is read as a table."""
    rows = [c for c in page.cards.values() if session_cards.inside(c.root, table)]
    if not rows or any(c.root.tag != "tr" or _unread(c) for c in rows):
        return False
    for card in rows:
        read_card(card, page)
        page.open = None
    return True


def _unread(card: session_cards.Card) -> bool:
    """True when a card prints more than its fields (a row whose cell lists papers under its chair's line): what the
    card reader would leave unread, the table reader reads."""
    rest = text(card.root)
    for node in card.root.css("*"):
        if node.mem_id in card.read or session_cards.prose(node):
            rest = rest.replace(text(node), " ", 1)
    return len(re.sub(r"[\W\d_]+", "", rest)) > 12


def _names_only(printed: str) -> list[str]:
    """The pieces of a speakers field's line that lists names alone, a comma or "and" apart, a handle among them
    ("kaskade"); empty when a piece reads as a job title or an organisation, or fewer than two read as names.

    >>> _names_only("Samira Haddad, Ruben Castellanos, Ingrid Solberg, kaskade")
    ['Samira Haddad', 'Ruben Castellanos', 'Ingrid Solberg', 'kaskade']
    >>> _names_only("Ann Lee, CTO, Acme Labs"), _names_only("Ann Lee (Acme), Bo Chan")
    ([], [])
    """
    if "(" in printed:
        return []
    pieces = [p.strip() for p in re.split(r",\s*|\s+(?:and|&)\s+", printed) if p.strip()]
    named = [p for p in pieces if looks_like_name(p)]
    handles = [p for p in pieces if re.fullmatch(r"[a-z0-9][\w.-]{2,30}", p)]
    if len(pieces) < 3 or len(named) < 2 or len(named) + len(handles) != len(pieces) \
            or any(has_job_word(p) or not_a_person(p) for p in named):
        return []
    return pieces


def read_card(card: session_cards.Card, page: Page) -> None:
    """A session card: its title, time, room and kind, and the people its speakers fields list."""
    kind = next((k for k in card.kinds if role_of(k) and len(k.split()) <= 3), None)
    day = card.day or (first_day(card.date_text, page.year) if card.date_text else None) or page.day
    draft = Draft(_title(card.title), day, card.clock, _session_role(card.title, kind),
                  room=card.room, link=card.link, format=kind)
    # a speakers field of one-line items, not each a name with its position: read only when every item reads as a
    # name ("Cloud Security", "Zero Trust" are topics; "Ann Lee", "Bo Chan", "Ideas welcome, bring one." a list noted)
    items: dict[int, list[str]] = {}
    for _, lines, where, item in card.people:
        items.setdefault(where, []).append(lines[0].text if len(lines) == 1 and item else "")
    unread = {where for where, firsts in items.items() if all(firsts)
              and not all(re.search(r"[,;(]", t) for t in firsts) and not all(_bare_name(t) for t in firsts)}
    page.read |= card.read - unread  # such a list is walked as any list: its topics named nobody, a list noted
    for label, printed, where, _ in card.people:
        if where in unread:
            continue
        # "Moderator" on her card: her role ("Rachel Goh" is no "GoH", a guest of honour: role words only)
        roles = [ln.text for ln in printed if only_role(ln.text) and role_words_only(ln.text)] if len(printed) > 1 else []
        label, printed = (roles[0] if roles else label), [ln for ln in printed if ln.text not in roles] or printed
        first = agenda.role_suffix(printed[0])  # "Priya Raghunathan (moderator)": her role
        lines = [first.text] + [ln.text for ln in printed[1:]]
        # "Chair: Ann Lee" as printed; the label before a name keeps the line's bold names ("<b>A</b>, X and <b>B</b>")
        labelled = first if role_prefix(first.text)[0] else Line(f"{label}: {first.text}", first.bold, first.strong)
        found = people_of([labelled], draft.role)
        if len(lines) == 1 and (names := _names_only(first.text)) and len(names) > len(found):
            # "Samira Haddad, Ruben Castellanos, Ingrid Solberg, kaskade": a speakers field of names and handles
            found = [p for name in names for p in people_of([Line(f"{label}: {name}")], draft.role)
                     or [Person(name, [], label, name, True)]]
        if len(lines) > 2 and len(found) == 1 and not found[0].positions:
            found[0].positions = session_cards.positions(lines[1:])  # a card's name, its title, its organisation
        elif len(lines) > 1:
            found = people_of([Line(f"{labelled.text}, {', '.join(lines[1:])}")], draft.role)  # "Ann Lee" / "CTO, Acme"
        draft.people += found
    _open(page, draft)
    page.pending, page.taken, page.last_heading, page.heading_level = None, None, None, 0
