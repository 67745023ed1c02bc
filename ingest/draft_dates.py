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

from ingest.read import HTML_SUFFIXES
from ingest.records import Document

SCOPES = ("main", "[role=main]", "article")  # the page's own content, first found wins
ASIDE = {"aside", "nav", "header", "footer", "form", "script", "style", "noscript", "template"}
# "widget" alone or first ("widget_text"), not a page builder's content block ("elementor-widget-text-editor")
_WIDGET = re.compile(r"(?<!-)widget|sidebar|menu|breadcrumb|related|upcoming|footer|header", re.I)
# "Last updated: 3 March 2031": the page's edit, not its meeting's date
_EDIT_NOTE = re.compile(r"\b(?:updated|modified|edited|published|posted|revised|aktualisiert|mis à jour|actualizad[oa]|"
                        r"aggiornat[oa])\b", re.I)
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TAGS = ("time", "li", "p", "h3", "h4", "h6", "span")  # where card pages print dates, tried in turn
SHORT = 120  # a date line: longer text is a paragraph or a container of many


def scope(tree: LexborHTMLParser) -> tuple[str, LexborNode | None]:
    """``(selector, node)`` of the page's main content: the first of ``SCOPES`` holding the page's ``<h1>`` (or
    any, when the page has none) that is not repeated beside itself (``<article>`` cards); ``("", None)`` when
    the page marks none."""
    h1 = tree.css_first("h1")
    for selector in SCOPES:
        for node in tree.css(selector):
            if (h1 is None or _holds(node, h1)) and not repeated(node):
                return selector, node
    return "", None


def repeated(node: LexborNode) -> bool:
    """True for an element repeated beside itself (same tag and class): a card of a list, not the main content.

    >>> tree = LexborHTMLParser('<article class="c">A</article><article class="c">B</article><main>M</main>')
    >>> repeated(tree.css_first("article")), repeated(tree.css_first("main"))
    (True, False)
    """
    parent = node.parent
    if parent is None:
        return False
    mark = (node.tag, node.attributes.get("class"))
    return sum(1 for c in parent.iter() if (c.tag, c.attributes.get("class")) == mark) > 1


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
        marks = " ".join(str(here.attributes.get(k) or "") for k in ("class", "id"))
        if _title_header(here, marks):
            here = here.parent  # an article's header holding its <h1>: the title and date of the content
            continue
        if here.tag in ASIDE:
            return True
        if marks and _WIDGET.search(marks) and here.tag not in ("html", "body"):
            return True
        here = here.parent
    return False


def _title_header(node: LexborNode, marks: str) -> bool:
    """True for the header of an article that holds the page's title (``<header class="entry-header"><h1>``).

    >>> tree = LexborHTMLParser('<main><header class="entry-header"><h1>T</h1><p>3 May 2031</p></header></main>')
    >>> aside(tree.css_first("p"), tree.css_first("main"))
    False
    """
    return (node.tag == "header" or "header" in marks.lower()) and node.css_first("h1") is not None \
        and node.parent is not None and node.parent.tag not in ("body", "html")


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
        printed = _text(node)
        if len(_YEARS.findall(printed)) > 1 and node.child is not None and node.child.next is not None:
            continue  # "Day 1 – 4 June 2031 Day 2 – 5 June 2031": a row of date lines, each counted
        if _day(printed) and not _EDIT_NOTE.search(printed):
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
    if doc.suffix in HTML_SUFFIXES or doc.body.lstrip().startswith("<"):
        return [d for d in (_day(_text(n)) for n in dated_nodes(doc.body)) if d]
    return [d for d in map(line_date, doc.body.splitlines()[:400]) if d]


_HEAD_LINE = re.compile(r"^\s*(?:#{1,6}\s+(?P<h>.+?)\s*#*|\*\*(?P<b>[^*]+?)\*\*:?|__(?P<u>[^_]+?)__)\s*$")
HEAD_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "th", "dt")


def heading_days(doc: Document, year: int) -> list[tuple[date, str]]:
    """``(date, heading)`` of the headings (and bold lines, table header cells) of a page that print a day without a
    year ("**Day 1 (9 Feb)**", "## Thursday 13 February"), in ``year``, in page order: a programme's days. A
    sentence naming a day ("Registration closes 31 January") is no heading.

    >>> page = "Closes 2 Jan.\\n\\n**Day 1 (9 Feb)**\\n\\n## Day 2, 10 Feb\\n"
    >>> heading_days(Document("2031/README.md", "", {}, page, 0), 2031)
    [(datetime.date(2031, 2, 9), 'Day 1 (9 Feb)'), (datetime.date(2031, 2, 10), 'Day 2, 10 Feb')]
    """
    from ingest.cards import first_day

    if doc.suffix in HTML_SUFFIXES or doc.body.lstrip().startswith("<"):
        tree = LexborHTMLParser(own_html(doc.body))
        heads = [_text(n) for n in tree.css(",".join(HEAD_TAGS)) if not aside(n)]
    else:
        heads = [next(g for g in m.groups() if g) for line in doc.body.splitlines()[:2000]
                 if (m := _HEAD_LINE.match(line))]
    out = []
    for head in heads:
        day = first_day(head, year) if len(head) <= 60 and re.search(r"\d", head) else None
        if day and day.year == year:
            out.append((day, head))
    return out


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
    own: dict[str, list[str]] = {}  # each page's own selectors of its date
    for doc in docs:
        tree = LexborHTMLParser(doc.body)
        wheres.append(scope(tree)[0])
        for node in dated_nodes(doc.body)[:1]:
            own[doc.path] = [c for c in (_line_selector(tree, node), _selector(tree, node)) if c]
            candidates += own[doc.path]
    candidates += [f"{where} {tag}".strip() for where in dict.fromkeys(wheres) for tag in TAGS]
    layouts = ", ".join(dict.fromkeys(sel[-1] for sel in own.values() if sel))  # pages of two templates: both
    best: tuple[str, dict] | None = None
    for selector in dict.fromkeys(c for c in candidates + [layouts] if c):
        days = {}
        for doc in docs:
            day = first_dated(doc.body, selector, path_year(doc.path))
            if day:
                days[doc.path] = day
        if len(days) < 0.6 * len(docs) or (len(days) > 1 and len(set(days.values())) == 1):
            continue
        if best is None or len(days) > len(best[1]):  # the first that dates the most pages
            best = selector, days
    if best is None:
        return None
    selector, days = best
    spread = "" if len(days) == 1 else f", {len(set(days.values()))} different dates"
    return selector, (f"{len(days)} of {len(docs)} card pages print a date in '{selector}' in their main content"
                      f"{spread} (e.g. {min(days.values()):%d %B %Y}): the page is one meeting on that date")


def _selector(tree: LexborHTMLParser, node: LexborNode) -> str:
    """A CSS selector for ``node``, inside the page's main content when the page marks it."""
    where, _ = scope(tree)
    classes = (node.attributes.get("class") or "").split()
    own = f"{node.tag}.{classes[0]}" if classes and re.fullmatch(r"[A-Za-z_][\w-]*", classes[0]) else node.tag
    return f"{where} {own}".strip()


_ICONS = ("i", "br", "img", "svg")


def _leaf(node: LexborNode) -> bool:
    return all(c.tag in _ICONS or c.tag.startswith("-") for c in node.iter())


def _own(node: LexborNode) -> str:
    """``tag.class`` of an element (``tag`` when it has no class a selector can name)."""
    classes = (node.attributes.get("class") or "").split()
    return f"{node.tag}.{classes[0]}" if classes and re.fullmatch(r"[A-Za-z_][\w-]*", classes[0]) else node.tag


def _line_selector(tree: LexborHTMLParser, node: LexborNode) -> str:
    """A selector of the one element printing the date inside a date block (a banner listing the date, the time and
    the place): the block's nearest element with a class, then the tag of the line (``figure.banner li``)."""
    where, top = scope(tree)
    line = next((n for n in node.traverse(include_text=False) if _leaf(n) and _day(_text(n))), None)
    anchor = node
    while not anchor.attributes.get("class") and anchor.parent is not None \
            and anchor.parent.tag not in ("body", "html") and (top is None or anchor.mem_id != top.mem_id):
        anchor = anchor.parent
    if line is None or line.mem_id == anchor.mem_id or not anchor.attributes.get("class") \
            or line.tag not in ("li", "p", "dd"):  # lines of a list, not spans parting one line (date @ time - end)
        return ""
    return f"{where} {_own(anchor)} {line.tag}".strip()


_PLACE = re.compile(r"place|location|venue|map|pin|marker|address", re.I)


def banner_fields(docs: list[Document], selector: str) -> list[tuple[str, str, str]]:
    """``(option, selector, evidence)`` for what a date block prints beside the date, on most pages: the meeting's
    name in a heading (``edition``), its hours (``time``) and its place (``place``, by its icon or class)."""
    from ingest.draft_values import when

    block, _, tag = selector.rpartition(" ")
    if not block or not re.fullmatch(r"[a-z][a-z0-9]*", tag):
        return []
    found: dict[str, list[str]] = {}
    for doc in docs:
        tree = LexborHTMLParser(doc.body)
        anchor = next((n for n in tree.css(block) if any(_day(_text(x)) for x in n.css(tag))), None)
        for option, where in _banner_lines(anchor, tag, when) if anchor is not None else ():
            found.setdefault(option, []).append(f"{block} {where}")
    out = []
    for option, wheres in found.items():
        where = max(set(wheres), key=wheres.count)
        if wheres.count(where) >= 0.6 * len(docs):
            out.append((option, where, f"{wheres.count(where)} of {len(docs)} card pages print the meeting's "
                        f"{_WHAT[option]} in '{where}' beside its date"))
    return out


_WHAT = {"edition": "name", "time": "hours", "place": "place"}


def _banner_lines(anchor: LexborNode, tag: str, when) -> list[tuple[str, str]]:
    """What one date block prints beside its date: ``(option, selector inside the block)``."""
    out = []
    heading = next((h for h in anchor.css("h1, h2, h3, h4, h5, h6") if _text(h) and not _day(_text(h))), None)
    if heading is not None:
        out.append(("edition", heading.tag))
    for line in anchor.css(tag):
        printed, marks = _text(line), " ".join((n.attributes.get("class") or "") for n in line.traverse())
        seen = when(printed)
        if seen and seen.time and not seen.date and "time" not in dict(out):
            out.append(("time", tag))
        elif _PLACE.search(marks) and not _day(printed) and "place" not in dict(out):
            out.append(("place", _place_selector(line, tag)))
    return out


def _place_selector(line: LexborNode, tag: str) -> str:
    """``li.venue``, or ``li:has(i.icon-place)`` for a line marked by its icon."""
    own = (line.attributes.get("class") or "").split()
    if own and _PLACE.search(own[0]):
        return f"{tag}.{own[0]}"
    for node in line.traverse(include_text=False):
        icon = next((c for c in (node.attributes.get("class") or "").split() if _PLACE.search(c)), None)
        if icon and node.mem_id != line.mem_id and re.fullmatch(r"[A-Za-z_][\w-]*", icon):
            return f"{tag}:has({node.tag}.{icon})"
    return tag


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
