"""Where a page's visible text prints the people its data names (JSON-LD scripts, microdata), and the role it
prints with each: what schema.org cannot say (it has no word for a moderator) the page usually prints.

A person is looked for as their name without honorific, folded (accents, case and punctuation aside), in the
page's text outside scripts, styles and the head; each *place* is the innermost element that prints the whole
name. From a place:

* the person's **item** is each element around the place that prints no other person of the page's data and
  holds no heading but the name's own (an ``<li>``, a card): an element in it whose whole text is a role word
  (``<span class="badge">Panelist</span>``), or its text opening with a role ("**Moderator:** Elin Sand"), is the
  person's *own* role;
* else the **role heading**: the nearest element before the place, or before an element around it, that is a
  heading (``h1``–``h6``, or an element holding only one) or whose whole text is a role word — siblings that
  print other people of the data (cards beside it) are passed over. A heading made of role words alone
  ("Speakers", "Moderator", "Keynote Speakers") gives its role; any other heading ("Afternoon Workshops", a
  session's title) ends the search with none.

A person printed in several places takes the first place with a role of its own, else the first with a role
heading, else the first; the row's line is that place's line in the file.

>>> from selectolax.lexbor import LexborHTMLParser
>>> body = ("<h1>Opening Keynote: Tides</h1><h2>Speakers</h2><ul>\\n<li><span class=badge>Moderator</span> "
...         "<a>Ms Ann Lee</a></li>\\n<li><b>Bo Chan</b>, CTO</li></ul>")
>>> doc = Document(path="p.html", sha256="", meta={}, body=body, body_line=0)
>>> printed(doc, LexborHTMLParser(body), ["Ann Lee", "Dr. Bo Chan", "Cy Dee"])
{'Ann Lee': Printed(label='Moderator', own=True, line=2), 'Dr. Bo Chan': Printed(label='Speakers', own=False, line=3)}
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.html_page import text
from ingest.names import match_words, split_name
from ingest.people_text import role_prefix
from ingest.records import Document
from ingest.roles import role_of, role_words_only
from ingest.tidy import not_a_person

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADING_SELECTOR = ", ".join(_HEADINGS)
_ITEM_TEXT = 300  # one person printed with their role and positions is short; a longer element is a section
_ROLE_TEXT = 40
# what the visible page is not: in the file, the spans whose text no element prints
_HIDDEN = re.compile(r"<(script|style|head|template)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)


@dataclass(frozen=True)
class Printed:
    """Where the page prints a person: the role label printed with the name (``own``) or above it (a role
    heading), ``None`` when neither; and the file line of the name."""

    label: str | None
    own: bool
    line: int | None


def printed(doc: Document, tree: LexborHTMLParser, names: list[str]) -> dict[str, Printed]:
    """Name -> where the page ``tree`` (the tree of ``doc``, whose scripts, styles and head are removed here)
    prints it; a name the page never prints is left out."""
    keys = {name: key for name in names if (key := _key(name)).strip()}
    if not keys:
        return {}
    for node in tree.css("script, style, head, template"):
        node.decompose()
    root = tree.body
    if root is None:
        return {}
    page = _Page(doc)
    everywhere = page.places(root, set(keys.values()))
    found = {}
    for name, key in keys.items():
        others = {k for k in keys.values() if k not in key}  # a shorter name inside this one is this one
        places = everywhere.get(key)
        if not places:
            continue
        roles = [page.role(place, key, others, set(keys.values())) for place in places]
        k = next((i for i, (_, own) in enumerate(roles) if own),
                 next((i for i, (label, _) in enumerate(roles) if label), 0))
        found[name] = Printed(roles[k][0], roles[k][1], page.line(name, k, len(places)))
    return found


def role_word(printed: str) -> bool:
    """True for text that is a role word and nothing else: a badge, a label, a role heading.

    >>> role_word("Panelist"), role_word("Keynote Speakers"), role_word("Chairman"), role_word("Opening Keynote: Tides")
    (True, True, False, False)
    """
    return len(printed) <= _ROLE_TEXT and bool(role_of(printed)) and role_words_only(printed) \
        and not_a_person(printed) == "a heading"


def _label(printed: str) -> str:
    """A role word as a label: "**Moderator:**" is "Moderator"."""
    return printed.strip().rstrip(":").strip()


def _key(name: str) -> str:
    """A name folded for looking it up in printed text, without its honorific.

    >>> _key("Dr. Anneke van der Berg"), _key("Tomás Ruiz-Echeverría")
    (' anneke van der berg ', ' tomas ruiz echeverria ')
    """
    return _fold(split_name(name).name or name)


def _fold(printed: str) -> str:
    return f" {' '.join(match_words(printed))} "


class _Page:
    """A page's tree and file text, with each element's folded text kept (every name looks at the same ones)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.folded: dict[int, str] = {}
        self.hidden: tuple[list[int], list[int]] | None = None  # starts and ends of the hidden spans, in order

    def fold(self, node: LexborNode) -> str:
        if node.mem_id not in self.folded:
            self.folded[node.mem_id] = _fold(text(node))
        return self.folded[node.mem_id]

    def places(self, root: LexborNode, keys: set[str]) -> dict[str, list[LexborNode]]:
        """Key -> the innermost elements that print it, in page order (one walk down for all the keys)."""
        out: dict[str, list[LexborNode]] = {}
        stack = [(root, {k for k in keys if k in self.fold(root)})]
        while stack:
            node, held = stack.pop()
            inner = []
            for child in node.iter():
                folded = self.fold(child)
                if mine := {k for k in held if k in folded}:
                    inner.append((child, mine))
            for key in held - {k for _, mine in inner for k in mine}:
                out.setdefault(key, []).append(node)
            stack.extend(reversed(inner))
        return out

    def role(self, place: LexborNode, key: str, others: set[str], keys: set[str]) -> tuple[str | None, bool]:
        """The role printed with the person at ``place`` (own: ``True``), else its role heading (``False``)."""
        own = self.own(place, key, others)
        return (own, True) if own else (self.heading(place, keys), False)

    def own(self, place: LexborNode, key: str, others: set[str]) -> str | None:
        node = place
        while node is not None and node.tag not in ("body", "html"):
            printed = text(node)
            if len(printed) > _ITEM_TEXT or any(k in self.fold(node) for k in others) or (
                    node is not place and self.other_heading(node, key)):
                return None
            badge = next((t for d in node.css("*") if role_word(t := text(d)) and key not in self.fold(d)), None)
            if badge:
                return _label(badge)
            label, rest = role_prefix(printed)
            if label and key in _fold(rest):
                return label
            node = node.parent
        return None

    def other_heading(self, node: LexborNode, key: str) -> bool:
        """True when ``node`` holds a heading that does not print the person (a section, not their card)."""
        return any(key not in self.fold(h) for h in node.css(_HEADING_SELECTOR))

    def heading(self, place: LexborNode, keys: set[str]) -> str | None:
        node = place
        while node is not None and node.tag not in ("body", "html"):
            sibling = node.prev
            while sibling is not None:
                if sibling.tag not in ("-text", "_comment", "-comment") and not any(
                        k in self.fold(sibling) for k in keys):  # a card of another person beside this one
                    printed = text(sibling)
                    if role_word(printed):
                        return _label(printed)
                    if sibling.tag in _HEADINGS or (printed and text(sibling.css_first(_HEADING_SELECTOR)) == printed):
                        return None  # a heading that names no role: what follows it is no role's list
                sibling = sibling.prev
            node = node.parent
        return None

    def line(self, name: str, k: int, count: int) -> int | None:
        """The file line of the ``k``-th of the ``count`` places that print ``name``, found in the file's text
        outside tags, scripts and comments (a tree keeps no positions); the first when the file prints it another
        number of times; ``None`` when the file spells it otherwise ("Tom&aacute;s", "<b>Ann</b> Lee")."""
        bare = split_name(name).name or name
        body = self.doc.body
        at = sorted({m.start() for needle in {bare, html.escape(bare, quote=False), html.escape(bare)}
                     for m in re.finditer(re.escape(needle), body) if not self.is_hidden(m.start())})
        if not at:
            return None
        where = at[k] if len(at) == count else at[0]
        return self.doc.body_line + body.count("\n", 0, where) + 1

    def is_hidden(self, at: int) -> bool:
        """True when offset ``at`` of the file is inside a tag, a script, a style, the head or a comment."""
        if self.hidden is None:
            spans = [m.span() for m in _HIDDEN.finditer(self.doc.body)]  # in order, none inside another
            self.hidden = [a for a, _ in spans], [b for _, b in spans]
        starts, ends = self.hidden
        i = bisect_right(starts, at) - 1
        return i >= 0 and at < ends[i]
