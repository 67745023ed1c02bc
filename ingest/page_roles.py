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
heading, else the first; the row's line is that place's line in the file, and the printed lines of its widest item
(``lines``: "Ms Ann Lee, Editor, Daily (Chile)", or a card's badge, name and position lines) are what the page
prints of the person, for the reader to weigh against its data.

The items of the data's people sit in a block (a speakers list); ``printed_page`` also gives the items of that
block, of the same tag and class, that print none of them, each with the role the page prints with it or above
it: people the page lists whom the data leaves out. Items in a page's navigation, header, footer or sidebar are
no one's.

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
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.html_page import Line, node_lines, text
from ingest.names import match_words, split_name
from ingest.people_text import role_prefix
from ingest.records import Document
from ingest.roles import role_of, role_words_only
from ingest.tidy import not_a_person

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADING_SELECTOR = ", ".join(_HEADINGS)
_ITEM_TEXT = 300  # one person printed with their role and positions is short; a longer element is a section
_ROLE_TEXT = 40
_OUTSIDE = ("nav", "header", "footer", "aside")  # no block of a page's people sits there
# what the visible page is not: in the file, the spans whose text no element prints
_HIDDEN = re.compile(r"<(script|style|head|template)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)


@dataclass(frozen=True)
class Printed:
    """Where the page prints a person: the role label printed with the name (``own``) or above it (a role
    heading), ``None`` when neither; and the file line of the name."""

    label: str | None
    own: bool
    line: int | None
    lines: tuple[Line, ...] = field(default=(), repr=False, compare=False)  # the printed lines of the person's item


def printed(doc: Document, tree: LexborHTMLParser, names: list[str]) -> dict[str, Printed]:
    """Name -> where the page ``tree`` (the tree of ``doc``, whose scripts, styles and head are removed here)
    prints it; a name the page never prints is left out."""
    return printed_page(doc, tree, names)[0]


def printed_page(doc: Document, tree: LexborHTMLParser, names: list[str]) -> tuple[dict[str, Printed], list[Printed]]:
    """``printed``, and the items printed beside the named people's that print none of them, with a role.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> body = ("<nav><ul><li>Home</li></ul></nav><h3>Panelists</h3><ul><li><b>Dr Ann Lee</b>, CTO, Acme</li>"
    ...         "<li><b>Mr Bo Chan</b>, Editor, Daily (Chile)</li></ul>")
    >>> doc = Document(path="p.html", sha256="", meta={}, body=body, body_line=0)
    >>> found, beside = printed_page(doc, LexborHTMLParser(body), ["Ann Lee"])
    >>> found["Ann Lee"].lines[0].text, [(p.label, p.lines[0].text) for p in beside]
    ('Dr Ann Lee , CTO, Acme', [('Panelists', 'Mr Bo Chan , Editor, Daily (Chile)')])
    """
    keys = {name: key for name in names if (key := _key(name)).strip()}
    if not keys:
        return {}, []
    for node in tree.css("script, style, head, template"):
        node.decompose()
    root = tree.body
    if root is None:
        return {}, []
    page = _Page(doc)
    everywhere = page.places(root, set(keys.values()))
    found, items = {}, []
    for name, key in keys.items():
        others = {k for k in keys.values() if k not in key}  # a shorter name inside this one is this one
        places = everywhere.get(key)
        if not places:
            continue
        roles = [page.role(place, key, others, set(keys.values())) for place in places]
        k = next((i for i, (_, own) in enumerate(roles) if own),
                 next((i for i, (label, _) in enumerate(roles) if label), 0))
        item = page.item(places[k], key, others)
        items.append(item)
        found[name] = Printed(roles[k][0], roles[k][1], page.line(name, k, len(places)), tuple(node_lines(item)))
    return found, page.beside(items, set(keys.values()))


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

    def item(self, place: LexborNode, key: str, others: set[str]) -> LexborNode:
        """The widest element around ``place`` that is the person's item: short, printing no other person of the
        data, holding no heading but the name's own, and inside no run of its like (a list's item, one of its
        cards: the others may print people the data leaves out)."""
        node, found = place, place
        while node is not None and node.tag not in ("body", "html"):
            if len(text(node)) > _ITEM_TEXT or any(k in self.fold(node) for k in others) or (
                    node is not place and self.other_heading(node, key)):
                break
            found = node
            if _repeated(node):
                break
            node = node.parent
        return found

    def beside(self, items: list[LexborNode], keys: set[str]) -> list[Printed]:
        """The items of the block that holds ``items`` (their nearest common element; the parent of one) of the
        same tag and class as one of them, that print none of ``keys`` and have a role, in page order."""
        if not items:
            return []
        block = _common(items)
        if block is None or block.tag in ("body", "html") or _outside(block):
            return []
        kinds = {(n.tag, n.attributes.get("class")) for n in items}
        taken = {n.mem_id for n in items}
        out = []
        for node in block.css(", ".join(sorted({tag for tag, _ in kinds}))):
            if ((node.tag, node.attributes.get("class")) not in kinds or node.mem_id in taken or _outside(node)
                    or any(k in self.fold(node) for k in keys) or _nested(node, taken)
                    or not text(node) or len(text(node)) > _ITEM_TEXT):
                continue
            label, own = self.role(node, "  ", keys, keys)  # no key: any heading inside it is another's
            if label:
                out.append(Printed(label, own, self.line(_first_text(node), 0, 1), tuple(node_lines(node))))
        return out

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


def _ancestors(node: LexborNode) -> list[LexborNode]:
    out = []
    while (node := node.parent) is not None:
        out.append(node)
    return out


def _common(nodes: list[LexborNode]) -> LexborNode | None:
    """The nearest element around every one of ``nodes`` (the parent of one alone)."""
    chains = [_ancestors(n) for n in nodes]
    if len(nodes) > 1:
        shared = set.intersection(*({a.mem_id for a in chain} for chain in chains[1:]))
        chains[0] = [a for a in [nodes[0], *chains[0]] if a.mem_id in shared]
    return chains[0][0] if chains[0] else None


def _nested(node: LexborNode, taken: set[int]) -> bool:
    """True when ``node`` is inside one of the ``taken`` items or holds one."""
    return any(a.mem_id in taken for a in _ancestors(node)) or any(d.mem_id in taken for d in node.css("*"))


def _outside(node: LexborNode) -> bool:
    """True when ``node`` is in a page's navigation, header, footer or sidebar."""
    return any(a.tag in _OUTSIDE for a in [node, *_ancestors(node)])


def _first_text(node: LexborNode) -> str:
    """The first text an item prints (its name, as a list item or card opens with it)."""
    return next((t for n in node.traverse(include_text=True) if n.tag == "-text" and (t := text(n))), "")


def _repeated(node: LexborNode) -> bool:
    """True when ``node`` has a sibling element of its tag: one item of a list, one card of several."""
    parent = node.parent
    return parent is not None and sum(1 for c in parent.iter() if c.tag == node.tag) > 1
