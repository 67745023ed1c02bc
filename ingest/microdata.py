"""schema.org items a page marks up in its own HTML as microdata (``itemscope``, ``itemtype``, ``itemprop``), read
into the shape JSON-LD gives them, so that the jsonld reader reads a page's microdata events as it reads its
scripts (``ingest/jsonld.py``).

An item is an element with ``itemscope``; its ``itemtype`` gives its ``@type`` (the last part of the address:
``https://schema.org/Event`` is ``Event``); its properties are the ``itemprop`` elements inside it that no
nearer item holds. A property's value is a nested item, else its ``content`` attribute (``<meta>``, and the
``<span content="2031-05-12T09:00">`` many themes write), a ``<time>``'s ``datetime``, a link's ``href``, a
media element's ``src``, a ``<data>``'s ``value``, else its text. A property given twice is a list. The
extruct and microdata packages read the same, over lxml or html5lib and several other packages; the page is
already a selectolax tree here.

>>> from selectolax.lexbor import LexborHTMLParser
>>> page = LexborHTMLParser('<div itemscope itemtype="https://schema.org/Event"><h1 itemprop="name">Norms</h1>'
...     '<meta itemprop="startDate" content="2031-03-13T14:00"><p itemprop="performer" itemscope itemtype='
...     '"https://schema.org/Person"><span itemprop="honorificPrefix">Dr</span> <a itemprop="url" href="/ann">'
...     '<b itemprop="name">Ann Lee</b></a></p></div>')
>>> [(index, event["name"], event["startDate"], event["performer"]) for index, event in events(page.body)]
[(0, 'Norms', '2031-03-13T14:00', {'@type': ['Person'], 'honorificPrefix': 'Dr', 'url': '/ann', 'name': 'Ann Lee'})]
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ingest.html_page import ancestors, text
from ingest.records import Document

# a page that marks up an event at all: the gate before its tree is read for items
EVENT_TYPE = re.compile(r"""itemtype\s*=\s*["']?[^"'>]*?schema\.org/\w*Event\b""", re.I)
_SCOPE_TAG = re.compile(r"<[a-z][^>]*?\sitemscope\b", re.I)
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_URL = {"a": "href", "area": "href", "link": "href", "img": "src", "audio": "src", "embed": "src", "iframe": "src",
        "source": "src", "track": "src", "video": "src", "object": "data", "data": "value", "meter": "value"}


def events(root: LexborNode) -> list[tuple[int, dict]]:
    """The page's event items that are no property of another event (a conference's sessions are its
    ``subEvent``s), each with its index among the page's items in page order."""
    scopes = root.css("[itemscope]")
    out = []
    for index, node in enumerate(scopes):
        if _is_event(node) and not any(_is_event(a) for a in ancestors(node) if "itemscope" in a.attributes):
            out.append((index, item(node)))
    return out


def item(node: LexborNode) -> dict:
    """The item an ``itemscope`` element holds, as JSON-LD writes it.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> item(LexborHTMLParser('<p itemscope itemtype="http://schema.org/Person"><i itemprop="jobTitle">CTO</i>'
    ...                       '<i itemprop="jobTitle">Chair</i><time itemprop="birthDate" datetime="1970-01-02">'
    ...                       'Jan 2</time></p>').css_first("p"))
    {'@type': ['Person'], 'jobTitle': ['CTO', 'Chair'], 'birthDate': '1970-01-02'}
    """
    out: dict[str, list] = {"@type": _types(node)}
    for prop in _properties(node):
        value = item(prop) if "itemscope" in prop.attributes else _value(prop)
        for name in (prop.attributes.get("itemprop") or "").split():
            out.setdefault(name.rstrip("/").rsplit("/", 1)[-1], []).append(value)  # a property named by its URL too
    return {k: v[0] if k != "@type" and len(v) == 1 else v for k, v in out.items()}


def lines(doc: Document) -> list[int]:
    """The file line of each item of the page, in page order (a tree keeps no positions: the elements that
    open with ``itemscope`` are found in the text, outside scripts and comments)."""
    hidden = [m.span() for m in _HIDDEN.finditer(doc.body)]
    out = []
    for m in _SCOPE_TAG.finditer(doc.body):
        if not any(a <= m.start() < b for a, b in hidden):
            out.append(doc.body_line + doc.body.count("\n", 0, m.start()) + 1)
    return out


def _properties(node: LexborNode):
    """The ``itemprop`` elements the item holds: inside it, and inside no nearer item."""
    for child in node.iter():
        if "itemprop" in child.attributes:
            yield child
        if "itemscope" not in child.attributes:
            yield from _properties(child)


def _value(node: LexborNode) -> str:
    attrs = node.attributes
    if attrs.get("content") is not None:
        return attrs["content"].strip()
    if node.tag == "time" and attrs.get("datetime"):
        return attrs["datetime"].strip()
    if node.tag in _URL:
        return (attrs.get(_URL[node.tag]) or "").strip()
    return text(node)


def _types(node: LexborNode) -> list[str]:
    return [t.rstrip("/").rsplit("/", 1)[-1] for t in (node.attributes.get("itemtype") or "").split()]


def _is_event(node: LexborNode) -> bool:
    return any(t.endswith("Event") for t in _types(node))
