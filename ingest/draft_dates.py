"""Where a page prints its own date: the main content, not the sidebar, header, footer or a widget.

A theme prints dates beside the page's own: an "Upcoming events" widget in the sidebar, a footer's
copyright line. The first ``<time>`` of a page is then the widget's, the same on every page. The
drafter looks for dates inside the main content (``main``, ``article``, ``[role=main]``) and away
from ``aside``, ``nav``, ``header``, ``footer`` and widgets, and drafts a date selector only when its
dates differ page by page, as the dates of events do.

>>> page = ('<body><aside class="widget"><time>May 22, 2025</time></aside><main><h1>Panel</h1>'
...         '<div class="when"><span>June 15, 2023 @ 2:00 pm</span> - <span>4:30 pm</span></div></main></body>')
>>> [n.tag for n in dated_nodes(page)]
['div']
>>> printed_dates(Document("a.html", "", {}, page, 0))
[datetime.date(2023, 6, 15)]
"""

from __future__ import annotations

import re
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.records import Document

SCOPES = ("main", "[role=main]", "article")  # the page's own content, first found wins
ASIDE = {"aside", "nav", "header", "footer", "form", "script", "style", "noscript", "template"}
_WIDGET = re.compile(r"widget|sidebar|menu|breadcrumb|related|upcoming|footer|header", re.I)
TAGS = ("time", "li", "p", "h3", "h4", "h6", "span")  # where card pages print dates, tried in turn
SHORT = 120  # a date line: longer text is a paragraph or a container of many


def scope(tree: LexborHTMLParser) -> tuple[str, LexborNode | None]:
    """``(selector, node)`` of the page's main content: the first of ``SCOPES`` holding the page's ``<h1>`` (or
    any, when the page has none); ``("", None)`` when the page marks none."""
    h1 = tree.css_first("h1")
    for selector in SCOPES:
        for node in tree.css(selector):
            if h1 is None or _holds(node, h1):
                return selector, node
    return "", None


def _holds(node: LexborNode, inner: LexborNode) -> bool:
    here = inner
    while here is not None:
        if here.mem_id == node.mem_id:
            return True
        here = here.parent
    return False


def aside(node: LexborNode, top: LexborNode | None = None) -> bool:
    """True when ``node`` stands in a sidebar, navigation, page header or footer, or a widget (below ``top``)."""
    here = node
    while here is not None and (top is None or here.mem_id != top.mem_id):
        if here.tag in ASIDE:
            return True
        marks = " ".join(str(here.attributes.get(k) or "") for k in ("class", "id"))
        if marks and _WIDGET.search(marks) and here.tag not in ("html", "body"):
            return True
        here = here.parent
    return False


def _text(node: LexborNode) -> str:
    return " ".join(node.text(separator=" ").replace("\u00a0", " ").split())


def _day(printed: str, year: int | None = None) -> date | None:
    from ingest.cards import first_day

    return first_day(printed, year) if printed and len(printed) <= SHORT and re.search(r"\d", printed) else None


def dated_nodes(html: str) -> list[LexborNode]:
    """The outermost short elements of a page's main content that print a date, in page order."""
    if "<" not in html:
        return []
    tree = LexborHTMLParser(html)
    _, top = scope(tree)
    root = top or tree.body
    found: list[LexborNode] = []
    lines: list[LexborNode] = []
    for node in root.traverse() if root is not None else ():
        if node.tag.startswith("-") or node.tag in ASIDE or aside(node, top) or node.css_first("h1") is not None:
            continue  # a container of the title is no date line
        if any(_holds(f, node) for f in lines[-3:]):
            continue  # inside a date line already found
        if _day(_text(node)):
            lines.append(node)
            found.append(_narrowed(node))
    return found


def _narrowed(node: LexborNode) -> LexborNode:
    """The element to name for a date line: ``node``, or when it has no class the one child printing all its text
    (``<ul><li>22 June 2021</li></ul>``: the ``li``)."""
    while not node.attributes.get("class"):
        inner = [c for c in node.iter() if not c.tag.startswith("-")]
        if len(inner) != 1 or _text(inner[0]) != _text(node):
            break
        node = inner[0]
    return node


def own_html(body: str) -> str:
    """The HTML of a page's main content (the whole page when it marks none)."""
    if "<" not in body:
        return body
    _, top = scope(LexborHTMLParser(body))
    return top.html if top is not None else body


def printed_dates(doc: Document) -> list[date]:
    """The dates a page prints in its own content, in order (an HTML page's main content; a Markdown page's
    text)."""
    if doc.suffix in ("html", "htm") or doc.body.lstrip().startswith("<"):
        return [d for d in (_day(_text(n)) for n in dated_nodes(doc.body)) if d]
    return [d for d in map(line_date, doc.body.splitlines()[:400]) if d]


def line_date(line: str) -> date | None:
    """The (first) date a line with a year prints: "March 12-13 2032", "4 - 6 December 2023"."""
    from ingest import times
    from ingest.cards import first_day

    if not re.search(r"\b(19|20)\d\d\b", line):
        return None
    days = times.date_range(line)
    return days[0] if days else first_day(line)


def date_selector(docs: list[Document]) -> tuple[str, str] | None:
    """``(selector, evidence)`` of where card pages print their meeting's date: a selector whose first match reads
    as a date inside the main content of most pages, dating them differently when there are several."""
    from ingest.record_dates import path_year

    candidates: list[str] = []
    wheres = []
    for doc in docs:
        tree = LexborHTMLParser(doc.body)
        wheres.append(scope(tree)[0])
        for node in dated_nodes(doc.body)[:1]:
            candidates.append(_selector(tree, node))
    candidates += [f"{where} {tag}".strip() for where in dict.fromkeys(wheres) for tag in TAGS]
    for selector in dict.fromkeys(c for c in candidates if c):
        days = {}
        for doc in docs:
            day = first_dated(doc.body, selector, path_year(doc.path))
            if day:
                days[doc.path] = day
        if len(days) < 0.6 * len(docs) or (len(days) > 1 and len(set(days.values())) == 1):
            continue
        spread = "" if len(days) == 1 else f", {len(set(days.values()))} different dates"
        return selector, (f"{len(days)} of {len(docs)} card pages print a date in '{selector}' in their main content"
                          f"{spread} (e.g. {min(days.values()):%d %B %Y}): the page is one meeting on that date")
    return None


def _selector(tree: LexborHTMLParser, node: LexborNode) -> str:
    """A CSS selector for ``node``, inside the page's main content when the page marks it."""
    where, _ = scope(tree)
    classes = (node.attributes.get("class") or "").split()
    own = f"{node.tag}.{classes[0]}" if classes and re.fullmatch(r"[A-Za-z_][\w-]*", classes[0]) else node.tag
    return f"{where} {own}".strip()


def first_dated(html: str, selector: str, year: int | None = None) -> date | None:
    """The date of the first match of ``selector`` that reads as one, as the cards reader takes it; ``None`` when
    that match stands in a sidebar or widget (the reader would take the widget's date)."""
    from ingest.cards import first_day

    tree = LexborHTMLParser(html)
    for node in tree.css(selector):
        printed = _text(node)
        day = first_day(printed, year) if printed else None
        if day:
            return None if aside(node) and not _in_scope(tree, node) else day
    return None


def _in_scope(tree: LexborHTMLParser, node: LexborNode) -> bool:
    _, top = scope(tree)
    return top is not None and _holds(top, node) and not aside(node, top)
