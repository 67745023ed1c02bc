"""Lists on a programme page: an agenda (items led by a time), a list of talks ("**Title** — Name (Org)") and a
definition list, read as a list."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest import agenda
from ingest.html_page import node_lines, text
from ingest.people_text import label_only, role_prefix
from ingest.person_pattern import looks_like_name
from ingest.programme_blocks import _block
from ingest.programme_page import Page, _open
from ingest.programme_sessions import Draft, _session_role, _title, people_of
from ingest.roles import role_of


def _list(node: LexborNode, page: Page) -> None:
    """A list: an agenda when an item opens with a time (each such item a session, nested items sessions of
    their own), else people or a session as any block."""
    items = [li for li in node.iter() if li.tag == "li"]
    if not any(agenda.time_lead(text(agenda.own(li)[0])) for li in items):
        talks = [_item_session(agenda.own(li)[0], page) for li in items]
        if not items or sum(t is not None for t in talks) * 2 < len(items):
            _block(node, page)
            return
        for li, talk in zip(items, talks):  # a list of talks: "**Title** — Name (Org)", "*Title.* A (Org), B (Org)"
            if talk is not None:
                _open(page, talk)
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


def _item_session(node: LexborNode, page: Page) -> Draft | None:
    """A list item printing a talk without a time: a bold title then its people ("**Title** — [Ann Lee](…)
    (Acme)"), or an italic or quoted title beside them ("*Title.* Ann Lee (Univ A) and Bo Chan (Lab B)",
    "Ann Lee, Acme: *Title*"); ``None`` for any other item (a person, a label, a line of text)."""
    lines = [ln for ln in node_lines(node) if ln.text]
    if not lines or page.day is None:
        return None
    first = lines[0]
    bold = first.bold.strip(" :")
    if bold and first.text.startswith(first.bold) and not looks_like_name(bold) and not role_of(bold) \
            and not label_only(first.bold) and (rest := first.text[len(first.bold):].strip(" —–-:|,")):
        people = agenda.named(agenda.people_strings(rest))
        if people:
            return Draft(_title(bold), page.day, None, _session_role(bold, page.role),
                         people=people + people_of(lines[1:], None))
    if bold and looks_like_name(bold):
        return None  # "**Prof. Ivo Marek**, Chair, University *(Moderator)*": a person of the open session
    emphasis = [e for e in (text(e) for e in node.css("em, i")) if not role_of(e.strip("() :"))]
    if emphasis or agenda.has_quote(first.text):
        title, found = agenda.item_parts(first.text, [text(a) for a in node.css("a")], emphasis)
        people = agenda.named(found)
        if people and title and title != first.text.strip() and not role_of(title.strip("() :")):
            return Draft(_title(title), page.day, None, _session_role(title, page.role), people=people)
    label, rest = role_prefix(first.text)
    if label and agenda.is_group(label) and (people := agenda.named(agenda.people_strings(first.text))):
        return Draft(_title(label), page.day, None, _session_role(label, page.role), people=people)  # "Panel: A, B"
    return None


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
