"""The people a text field of a record prints (``persons_text``), HTML or Markdown, as a description reader reads them.

An event's description often names its people: a labelled line (``<strong>Moderator:</strong> Ann Lee, Editor,
Daily``), a label alone over a list (``<p>Panellists:</p><ul><li>…</li></ul>``), a list of people with no label,
and links to speaker pages (``<a href="/speakers/ann-lee/">Dr Ann Lee</a>``). ``printed`` turns such a field into
the plain lines that ``session_roles.described_people`` reads — the machinery the frab, pretalx and Sessionize
readers use on their descriptions — and gives the speaker links it holds:

* a paragraph, a ``<br>`` and a list item are a line each; character references are decoded;
* a label alone on its line stays over the block after it (its list, or its next paragraph), and ends there;
* a list with no label whose every item opens with a person — a speaker link, or a name and a job title — and a
  line that opens with a speaker link (the link alone, or a separator after it) are people with the part's
  ``role_label`` (so that a session's title or format may give them their role, as for any listed speaker).

A speaker link is a link whose path fits the part's ``link_template`` (``/speakers/{id}/``) or names a people
folder (``/people/ann-lee/``); ``link_rows`` gives it to the person it names, so that the speaker records of
another part join that person by the link.

>>> text, links = printed('<p><strong>Moderator:</strong> Ann Lee, Editor, Daily</p><p>Panellists:</p><ul>'
...                       '<li><a href="/speakers/bo-chan/">Dr Bo Chan</a>, CTO, Acme</li>'
...                       '<li>Cy Dee, CEO, Beta</li></ul><p>Tea &amp; coffee.</p>', "Speaker", "/speakers/{id}/")
>>> text.splitlines()  # doctest: +NORMALIZE_WHITESPACE
['Moderator: Ann Lee, Editor, Daily', '', 'Panellists:', 'Dr Bo Chan, CTO, Acme', 'Cy Dee, CEO, Beta', '',
 'Tea & coffee.']
>>> links
{'Dr Bo Chan': '/speakers/bo-chan/'}
>>> printed("**Speakers:**\\n\\n- Ann Lee, CTO, Acme\\n- Bo Chan, Lead, Beta", "Speaker", "/speakers/{id}/")[0]
'Speakers:\\nAnn Lee, CTO, Acme\\nBo Chan, Lead, Beta'
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from graph.ids import slugify
from ingest import agenda
from ingest.html_page import node_lines, page_tree, permalink, text
from ingest.people_text import role_prefix
from ingest.records import Document, Row

# a tag of the HTML a text field prints: "<p>", "</strong>", "<a href=…>", "<br/>" (not "a < b", "<3" nor an
# address in brackets, "Ann Lee <ann@example.org>")
HTML_TAG = re.compile(r"</?(?:p|br|a|b|i|u|s|em|strong|span|div|ul|ol|li|h[1-6]|img|sup|sub|small|del|table|tr|"
                      r"td|th|blockquote|figure|section|article)(?:\s[^<>]*)?\s*/?\s*>", re.I)
_LIST = {"ul", "ol"}
_HOLDERS = {"div", "section", "article", "main", "body", "blockquote", "details"}
# a folder of people pages, before the person's slug: "/speakers/ann-lee/", "/people/ann-lee", "/faculty/ann-lee/"
_PEOPLE_FOLDER = re.compile(r"(?:^|/)(?:speakers?|people|persons?|presenters?|panell?ists?|moderators?|profiles?|"
                            r"faculty)/[^/]+/?$", re.I)


def printed(value: str, label: str, template: str) -> tuple[str, dict[str, str]]:
    """The lines of an HTML or Markdown field as ``described_people`` reads them, and its speaker links (the text
    of each, as printed, -> its permalink); ``label`` is the part's role label, ``template`` its ``link_template``."""
    root = page_tree(Document("field", "", {}, value, 0)).body
    if root is None:
        return "", {}
    links = {text(a): _link(a.attributes.get("href") or "") for a in root.css("a[href]")}
    links = {name: link for name, link in links.items() if name and link and is_speaker_link(link, template)}
    out: list[str] = []
    carried = False  # the block before ended on a label alone: this block is under it
    for is_list, lines in _blocks(root):
        if out and not carried:
            out.append("")
        if is_list and not carried and lines and all(_opens_with_person(ln, links) for ln in lines):
            lines = [f"{label}: {ln}" for ln in lines]
        elif not is_list and not carried:
            lines = [f"{label}: {ln}" if _linked_alone(ln, links) else ln for ln in lines]
        out += lines
        own, named = role_prefix(lines[-1]) if lines else (None, "")
        carried = bool(own) and not named
    return "\n".join(out).strip(), links


_HEADINGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}


def _blocks(node: LexborNode) -> list[tuple[bool, list[str]]]:
    """The blocks of a field, in order: ``(True, items)`` for a list, ``(False, lines)`` for any other block."""
    found: list[tuple[bool, list[str]]] = []
    loose: list[LexborNode] = []  # inline text between blocks ("Moderator: <b>Ann</b>" with no paragraph)
    for child in node.iter(include_text=True):
        if child.tag not in _LIST | _HOLDERS | _HEADINGS:
            loose.append(child)
            continue
        found += _lines_block(_paragraph(loose))
        loose = []
        if child.tag in _LIST:
            items = [", ".join(ln.text for ln in node_lines(li) if ln.text) for li in child.css("li")]
            found.append((True, [_tight(item) for item in items if item]))
        elif child.tag in _HOLDERS:
            found += _blocks(child)
        else:
            found += _lines_block(child)
    return found + _lines_block(_paragraph(loose))


def _paragraph(nodes: list[LexborNode]) -> LexborNode | None:
    """Inline nodes printed between blocks with no paragraph around them, as one paragraph."""
    if not nodes:
        return None
    return LexborHTMLParser("<p>" + "".join(node.html or "" for node in nodes) + "</p>").css_first("p")


def _lines_block(node: LexborNode | None) -> list[tuple[bool, list[str]]]:
    """The printed lines of a paragraph, as a block (none when it prints nothing)."""
    lines = [_tight(ln.text) for ln in node_lines(node) if ln.text] if node is not None else []
    return [(False, lines)] if lines else []


def _tight(line: str) -> str:
    """A printed line without the space an inline element leaves before punctuation ("Ann Lee , CTO").

    >>> _tight("Ann Lee , CTO (Acme ) ; Bo")
    'Ann Lee, CTO (Acme); Bo'
    """
    return re.sub(r"\s+([,;:.)])", r"\1", line)


def _opens_with_person(line: str, links: dict[str, str]) -> bool:
    """True when a list item opens with a speaker link, or names one person and their job title."""
    if _opens_with_link(line, links):
        return True
    people = agenda.named(agenda.people_strings(line))
    return len(people) == 1 and any(p.title for p in people[0].positions)


def _opens_with_link(line: str, links: dict[str, str]) -> bool:
    return any(re.match(rf"{re.escape(name)}(?:\s*$|\s*[,;(–—|]|\s+-\s)", line) for name in links)


def _linked_alone(line: str, links: dict[str, str]) -> bool:
    """True when a line is a speaker link, alone or with the person's position after it, and no label."""
    return _opens_with_link(line, links) and not role_prefix(line)[0]


def _link(href: str) -> str | None:
    """A link's path as a permalink (the speaker records of the site print their links so), else as printed."""
    parts = urlsplit(href.strip())
    return permalink(parts.path) if parts.path and parts.path != "/" else None


@lru_cache(maxsize=64)
def _template(template: str) -> re.Pattern:
    """A ``link_template`` as a pattern of the end of a permalink ("/speakers/{id}/" fits "/2031/speakers/x/"),
    written as ``_link`` writes links ("/p/{id}.html" fits "/p/ann/")."""
    head, _, tail = (permalink(urlsplit(template).path) or "").strip("/").partition("{id}")
    return re.compile(rf"(?:^|/){re.escape(head)}[^/]+{re.escape(tail)}/?$", re.I)


def is_speaker_link(link: str, template: str) -> bool:
    """True when a permalink (as ``_link`` writes one) fits the part's ``link_template`` or names a people folder.

    >>> is_speaker_link("/speakers/ann-lee/", "/speakers/{id}/"), is_speaker_link("/people/bo/", "/speakers/{id}/")
    (True, True)
    >>> is_speaker_link("/talk/x/", "/p/{id}.html"), is_speaker_link(_link("https://x.org/p/Ann.html"), "/p/{id}.html")
    (False, True)
    """
    return bool(_template(template).search(link) or _PEOPLE_FOLDER.search(link))


def link_rows(rows: list[Row], links: dict[str, str]) -> None:
    """Give a row without a link the speaker link that prints its name (with or without an honorific)."""
    keys = {slugify(name): link for name, link in links.items()}
    for row in rows:
        if row.link:
            continue
        name = slugify(row.printed_name)
        row.link = keys.get(name) or next((link for key, link in keys.items()
                                           if name and (key.endswith("-" + name) or name.endswith("-" + key))), None)
