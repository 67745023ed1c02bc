"""The days of a programme page: its date (a "Date: …" line, ``default_date``, its front matter, its file name), its
"Day N" headings, and the lines that print a day or a date ("**Wednesday 14 May**", "15 July 2020, 8-9pm")."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser, LexborNode

from graph.ids import fold
from ingest import times
from ingest.body_people import DAY_MONTH
from ingest.cards import first_day, reads_as_time
from ingest.times import file_date
from ingest.html_page import text
from ingest.profile import Settings
from ingest.records import Document

if TYPE_CHECKING:  # annotations only: ingest.programme_page imports this module
    from ingest.programme_page import Options, Page


_DAY_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "first": 1, "second": 2, "third": 3}
_DAY_N = re.compile(r"^\W*day\s+(?P<n>\d+|one|two|three|four|five|first|second|third)\b", re.I)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def event_date(doc: Document, tree: LexborHTMLParser, opts: Options, settings: Settings) -> date | None:
    """The date of the page's event: its "Date: …" line, else the ``default_date`` option, the front matter,
    the file name."""
    return dated(doc, tree, opts, settings)[0]


def dated(doc: Document, tree: LexborHTMLParser, opts: Options, settings: Settings) -> tuple[date | None, bool]:
    """``event_date``, and whether it is the page's own day (its date line printing one day, its front matter, its
    file name) rather than the first day of the edition (``default_date``, a date line printing a range of days):
    the day a lone "Day 2" heading names is the page's own day, but the day after a first day."""
    whole = text(tree.body) if tree.body is not None else ""
    year = settings.year or (file_date(doc.path) or date.min).year
    for m in re.finditer(rf"\b{re.escape(opts.date_label)}\s*:\s*(?P<value>.{{3,60}})", whole, re.I):
        found = first_day(m.group("value"), year if year > 1 else None)
        if found:
            return found, times.date_range(m.group("value"), found.year) is None
    if opts.default_date:
        return first_day(opts.default_date), False
    meta = front_date(doc.meta.get("date"))
    if meta is not None:
        opening = opening_date(tree)  # a page's publication date ("date: 2023-10-20") beside the day it prints
        day = meta.date() if isinstance(meta, datetime) else meta
        return opening if opening and opening[0] != day and opening[0] > day else (meta, True)
    found = file_date(doc.path)
    if found is None and (opening := opening_date(tree)):
        return opening
    return found, found is not None


def front_date(value) -> date | None:
    """The date a front-matter ``date`` names: a YAML date or datetime (kept: its time may time the page's one
    event), or the same quoted as text (Hugo writes ``date: "2025-06-03T09:00:00+02:00"``); ``None`` for anything
    else.

    >>> front_date("2025-06-03"), front_date(date(2025, 6, 3)), front_date("2025-06-03T09:00:00+02:00").hour
    (datetime.date(2025, 6, 3), datetime.date(2025, 6, 3), 9)
    >>> front_date("June 2025") is None, front_date(None) is None, front_date("2025-13-45") is None
    (True, True, True)
    """
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.match(r"\s*\d{4}-\d\d-\d\d", value):
        return None
    try:
        found = datetime.fromisoformat(value.strip())
    except ValueError:  # "2025-13-45", "2025-06-03 draft"
        return None
    return found if len(value.strip()) > 10 else found.date()


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# a date in the opening lines that is not the event's: when the page was written, or a deadline
_NOT_THE_DAY = re.compile(r"\b(?:published|posted|updated|last (?:modified|updated|edited)|written|deadline|"
                          r"registration|register by|closes?|until|due)\b", re.I)


def opening_date(tree: LexborHTMLParser) -> tuple[date, bool] | None:
    """The date a page prints in its opening lines, before its first timed line: a heading or a short paragraph
    naming a day, a month and a year ("*Wednesday, 4 June 2031 · all times CEST*"), and whether it is one day
    (not "4–6 June 2031"); ``None`` when none does, or one naming no year ("Registration opens 4 June").

    >>> opening_date(LexborHTMLParser("<h1>Forum 2031</h1><p><em>Wednesday, 4 June 2031 · all times CEST</em></p>"
    ...                               "<h2>09:00 Welcome</h2>"))
    (datetime.date(2031, 6, 4), True)
    >>> opening_date(LexborHTMLParser("<h1>Forum</h1><h2>09:00 Welcome</h2><p>Lunch on 4 June 2031</p>")) is None
    True
    """
    body = tree.body
    for node in (body.iter() if body is not None else ()):
        line = text(node)
        if node.tag not in (*_HEADINGS, "p") or not line:
            continue
        if reads_as_time(line.split()[0]) or re.match(r"^\W*\d{1,2}[:.h]\d\d", line):
            return None  # the programme has begun: a date under it is a session's, not the page's
        if len(line) <= 160 and _YEAR.search(line) and not _NOT_THE_DAY.search(line) and (found := first_day(line)):
            return found, times.date_range(line, found.year) is None
    return None


def day_numbers(tree: LexborHTMLParser) -> set[int]:
    """The days N of the "Day N" headings (bold paragraphs, one-cell table headers and the tabs of a page builder's
    tabbed programme too) a page prints.

    >>> day_numbers(LexborHTMLParser("<h1>Day 2 – Wed</h1><h2>Day two</h2><table><tr><th>Day 3</th></tr></table>"))
    {2, 3}
    >>> day_numbers(LexborHTMLParser("<p><b>Day 1 (9 Feb)</b></p><p><b>Day 4</b> was cancelled</p>"))
    {1}
    >>> day_numbers(LexborHTMLParser('<div role="tab">Day 1 – 12 May</div><a class="x-tab-label">Day 2</a>'))
    {1, 2}
    """
    heads = [text(h) for h in tree.css(", ".join(sorted(_HEADINGS)))]
    heads += [text(t) for t in tree.css("[role=tab], [class*=tab-title], [class*=tab-label]") if is_tab(t)]
    heads += [text(p) for p in tree.css("p") if (b := p.css_first("strong, b")) is not None and text(b) == text(p)]
    for tr in tree.css("tr"):
        cells = [c for c in tr.iter() if c.tag in ("td", "th")]
        if len(cells) == 1 and cells[0].tag == "th":
            heads.append(text(cells[0]))
    found = {m.group("n").lower() for h in heads if (m := _DAY_N.match(h))}
    return {int(n) if n.isdigit() else _DAY_WORDS[n] for n in found}


def is_tab(node: LexborNode) -> bool:
    """True for the title of a tab (``role="tab"``, a class ending in "tab-title" or "tab-label"): page builders
    print each day of a programme as a tab over its panel of sessions.

    >>> is_tab(LexborHTMLParser('<div class="e-tab-title e-active">Day 1</div>').css_first("div"))
    True
    >>> is_tab(LexborHTMLParser('<div class="tab-titles">Days</div>').css_first("div"))
    False
    """
    classes = (node.attributes.get("class") or "").split()
    return node.attributes.get("role") == "tab" or any(c.endswith(("tab-title", "tab-label")) for c in classes)


def only_a_day(printed: str) -> bool:
    """True for a line whose whole text names a day: "Day 2", "Day 2 – 13 March 2025", "Tuesday 13 March",
    "13.03.2025" (its words each a weekday, a month or a small word of a date); false for a sentence that names one
    ("Day 2 of the forum opens at nine", "We meet on 13 March") and for a date with a time (a session's).

    >>> only_a_day("Day 2 – 13 March 2025"), only_a_day("Tuesday 13 March"), only_a_day("13.03.2025")
    (True, True, True)
    >>> only_a_day("Day 2 of the forum"), only_a_day("We meet on 13 March"), only_a_day("Tuesday 13 March, 14:00")
    (False, False, False)
    """
    m = _DAY_N.match(printed)
    rest = printed[m.end():] if m else printed
    if len(printed) > 60 or (not m and not re.search(r"\d", rest)) or re.search(r"\d[:h]\d", rest):
        return False
    return all(w.lower() in _DATE_WORDS or times.month_number(w) or _weekday(w) for w in re.findall(r"[^\W\d_]+", rest))


def _only_a_date(printed: str, page: Page) -> bool:
    """True for a line that prints a date (and maybe a time) and nothing else ("Wednesday, 22 October 2025")."""
    if first_day(printed, page.year) is None:
        return False
    if re.search(r"\d{4}", printed):
        rest = times.without_date(printed).strip(" ,|·•-–—:")
        return not rest or reads_as_time(rest)
    return _year_less_date_line(printed) is not None


def _day_line(printed: str, page: Page) -> date | None:
    """The day a short line names when it prints a day and nothing else: "Day 2", "Day 1 (9 Feb)", "Wednesday 14
    May", "Martes 14 de mayo de 2024" (its words each a weekday, a month or a small word of a date); ``None`` for a
    session's title that prints its day ("Opening address (16 Nov)") and for a date with a time (a session's).

    >>> from ingest.programme_page import Page
    >>> page = Page(None, 2031)
    >>> _day_line("Day 1 (9 Feb)", page), _day_line("Martes 13 de mayo de 2031", page)
    (datetime.date(2031, 2, 9), datetime.date(2031, 5, 13))
    >>> _day_line("Opening address (16 Nov)", page), _day_line("Wednesday 14 May, 14:00", page)
    (None, None)
    """
    if len(printed) > 60:
        return None
    if _DAY_N.match(printed):
        return page.day_of(printed)
    words = re.findall(r"[^\W\d_]+", printed)
    if not re.search(r"\d", printed) or re.search(r"\d[:h]\d", printed) \
            or not all(w.lower() in _DATE_WORDS or times.month_number(w) or _weekday(w) for w in words):
        return None
    return page.day_of(printed)


_DATE_WORDS = {"de", "del", "of", "the", "den", "der", "am", "le", "du", "el", "st", "nd", "rd", "th", "er"}


def _weekday(word: str) -> bool:
    """True for a weekday's name or its abbreviation in a language dates are read in ("Martes", "Mi", "Thu").

    >>> _weekday("Martes"), _weekday("thu"), _weekday("Mittwoch"), _weekday("Opening")
    (True, True, True, False)
    """
    return fold(word).rstrip(".") in _weekday_names()


@functools.lru_cache(maxsize=1)
def _weekday_names() -> frozenset[str]:
    from babel.dates import get_day_names

    return frozenset(fold(name).rstrip(".") for language in times.LANGUAGES for width in ("wide", "abbreviated")
                     for name in get_day_names(width, locale=language).values()) | {"tues", "thur", "thurs"}


def _dated(title: str, page: Page) -> date | None:
    """The day a title prints ("Opening address (16 Nov)"), else the page's current day."""
    found = first_day(title, page.year) if re.search(r"\d", title) else None
    return found or page.day


def _date_line(printed: str, page: Page) -> None:
    """ "15 July 2020, 8-9pm", "held on 17 June 2020": the date (and time) of the open session."""
    if page.open is None or len(printed) > 120:
        return
    found = first_day(printed, page.year)
    if found and re.search(r"\d{4}", printed):
        page.open.day = found
        clock = times.without_date(printed).lstrip(" @|·")  # "Thursday, 13 March 2031, 14:00–15:30 CET", "… @ 5:30 pm"
        if clock and reads_as_time(clock) and page.open.time_label is None:
            page.open.time_label = clock.strip()
    elif found and (clock := _year_less_date_line(printed)) is not None:
        page.open.day = found  # "Wednesday, August 7 | 10:20am-11:00am": the page's (or its path's) year
        if clock and page.open.time_label is None:
            page.open.time_label = clock


_WEEKDAY_NAME = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?",
                           re.I)


def _year_less_date_line(printed: str) -> str | None:
    """The time of a line that prints only a year-less date and maybe a time ("Wednesday, August 7 | 10:20am-11:00am"
    gives "10:20am-11:00am", "Thu 8 Aug" gives ""); ``None`` for a line that prints more (a sentence naming a day)."""
    rest = _WEEKDAY_NAME.sub(" ", DAY_MONTH.sub(" ", printed, count=1)).strip(" ,|·•-–—:")
    if not rest:
        return ""
    return rest if reads_as_time(rest) and len(rest) < 40 else None
