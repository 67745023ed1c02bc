"""Lists on a programme page: an agenda (items led by a time), a list of talks ("**Title** — Name (Org)") and a
definition list, read as a list."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest import agenda
from ingest.people_text import role_prefix
from ingest.person_pattern import looks_like_name
from ingest.roles import role_of
from ingest.html_page import node_lines, text
from ingest.programme_blocks import _block, _room_then_title
from ingest.programme_page import Page, _open
from ingest.programme_sessions import in_block, item_session


def _rooms(items: list[LexborNode]) -> bool:
    """True when most items open with a room and a bold title ("*Zaal Mauritius* – **Ransomware …**")."""
    firsts = [next((ln for ln in node_lines(agenda.own(li)[0]) if ln.text), None) for li in items]
    return sum(bool(ln and _room_then_title(ln)) for ln in firsts) * 2 > len(items)


def _list(node: LexborNode, page: Page) -> None:
    """A list: an agenda when an item opens with a time (each such item a session, nested items sessions of
    their own), else people or a session as any block."""
    items = [li for li in node.iter() if li.tag == "li"]
    if not any(agenda.time_lead(text(agenda.own(li)[0])) for li in items):
        talks = [item_session(agenda.own(li)[0], page) for li in items]
        if any(talks):  # "**Please Stop Pickling Things** — Rahul Menon" among "**Cooking with itertools** — …"
            talks = [talk or item_session(agenda.own(li)[0], page, titles=True) for li, talk in zip(items, talks)]
        if items and (_rooms(items) or _titled(items)):
            for li in items:  # "*Zaal A* – **Title**" then its people, in each item: parallel sessions; or
                _block(agenda.own(li)[0], page)  # "**Track B: Financing Ports** (Jasmine Room)" over its people
            return
        if not items or sum(t is not None for t in talks) * 2 < len(items):
            _block(node, page)
            return
        for li, talk in zip(items, talks):  # a list of talks: "**Title** — Name (Org)", "*Title.* A (Org), B (Org)"
            if talk is not None:
                _open(page, in_block(page, talk))
            else:
                _block(agenda.own(li)[0], page)
        return
    for li in items:
        own, nested = agenda.own(li)
        if agenda.struck(own):
            page.open = None  # a cancelled talk, and the people under it
        else:
            _block(own, page)
        for sub in nested:
            _list(sub, page)


def _as_list(node: LexborNode) -> LexborNode:
    """A definition list as a list whose items are each term with the descriptions after it, one a line:
    ``<dt>Dr Eva Lind</dt><dd>Lead, CERT.XY</dd>`` reads as the item "Dr Eva Lind / Lead, CERT.XY" (a name, then
    its position), ``<dt>09:00</dt><dd>Opening</dd>`` as a timed item.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> dl = LexborHTMLParser("<dl><dt>Ann Lee</dt><dd>CTO, Acme</dd><dt>Bo Chan</dt><dd>Lead</dd></dl>").css_first("dl")
    >>> [li.html for li in _as_list(dl).css("li")]
    ['<li>Ann Lee<br>CTO, Acme</li>', '<li>Bo Chan<br>Lead</li>']
    """
    items: list[list[str]] = []
    for child in node.iter():
        if child.tag == "dt" or (child.tag == "dd" and not items):
            items.append([])
        if child.tag in ("dt", "dd"):
            items[-1].append(child.inner_html or "")
    html = "".join(f"<li>{'<br>'.join(parts)}</li>" for parts in items)
    return LexborHTMLParser(f"<ul>{html}</ul>").css_first("ul")


def _titled(items: list[LexborNode]) -> bool:
    """True for two or more items that each open with a bold title (no name, no role label) over lines of people:
    parallel sessions, listed under the time they share.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> ul = LexborHTMLParser("<ul><li><b>Track A: Ports</b> (Room 1)<br>Moderator: Ann Lee</li>"
    ...                       "<li><b>Track B: Money</b><br>Speakers: Bo Chan, Cy Dee</li></ul>").css_first("ul")
    >>> _titled(ul.css("li")), _titled(ul.css("li")[:1])
    (True, False)
    """
    if len(items) < 2:
        return False
    for li in items:
        lines = node_lines(agenda.own(li)[0])
        first = lines[0] if lines else None
        if first is None or len(lines) < 2 or not first.bold or not first.text.startswith(first.bold.strip()) \
                or looks_like_name(first.bold) or role_prefix(first.text)[0] or role_of(first.bold.strip(" :")):
            return False
    return True
