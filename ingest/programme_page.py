"""The page a programme reader walks: the reader's ``Options``, and what the walk knows (``Page``: the event date,
the current day and role, the open session) and how it opens a session (``_open``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ingest import times
from ingest.cards import first_day
from ingest.html_page import Lines
from ingest.programme_days import _DAY_N, _DAY_WORDS
from ingest.programme_sessions import Draft
from ingest.records import Note


@dataclass(frozen=True)
class Options:
    """Where a programme page keeps its sessions (see docs/sites.md, "Programme tables")."""

    markup: str = "auto"  # "auto" (HTML when the body is: ingest.html_page.page_tree), "html" or "markdown"
    time_column: str = "time"  # the header of the time column
    programme_column: str = ""  # the header of the session column; default: the column after the time
    blocks: bool = True  # also read sessions outside tables (bold titles, role labels, people lists)
    role_label: str = "Speaker"  # the role of people printed under no role word
    default_date: str = ""  # the date of a page that prints none ("2024-05-14"), before its file name
    date_label: str = "date"  # the label of the page's date line ("Date: 28 May 2019")
    # keep the sessions that name nobody too: the slots whose titles the talks of speaker pages print join
    # (a front-matter part's ``slots``: ingest.listed_talks)
    slots: bool = False


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class Page:
    """What a page reader knows while walking a page: the event date and the current day and role."""

    event: date | None
    year: int | None
    day: date | None = None
    role: str | None = None
    drafts: list[Draft] = field(default_factory=list)
    open: Draft | None = None
    timed_level: int | None = None  # the level of the time heading that opened ``open``
    heading_level: int | None = None  # the level of the heading that opened ``open``
    pending: tuple[str, date | None] | None = None  # a time printed alone, waiting for the title printed after it
    badge: str | None = None  # a session's kind printed between its time and its title ("Keynote"), for that title
    last_heading: str | None = None  # a heading with no time, when it is the last thing read: a time alone may follow
    taken: str | None = None  # the time a session card printed after its title, which its session took
    link_title: str | None = None  # a parallel session's link printed before its time and room (a Sched list)
    title: str | None = None  # the page's own title (front matter): the session of people printed under no other
    hints: list[str] = field(default_factory=list)  # what the page prints that no session took
    unread_times: list[str] = field(default_factory=list)  # time cells of sessions read as no time
    own_day: bool = False  # ``event`` is the day of the page's one "Day N" heading, not the edition's first day
    day_headings: int = 0  # the "Day N" headings the page prints (its distinct N)
    path: str = ""
    lines: Lines | None = None  # line numbers of what the walk meets, in document order
    cards: dict = field(default_factory=dict)  # session cards whose classes name their fields, by root (session_cards)
    card_holders: set = field(default_factory=set)  # the elements those cards are inside of, walked into
    read: set = field(default_factory=set)  # the elements of those cards read as their fields, not walked again
    notes: list[Note] = field(default_factory=list)

    def day_of(self, printed: str) -> date | None:
        """The date a day heading names: a printed date, else for "Day N" the page's own date (``own_day``) or
        N - 1 days after the edition's first day; a weekday printed beside it that fits the other of those two
        dates gives that date (with a note).

        >>> Page(None, 2025).day_of("Day 1 – 14 May 2025"), Page(None, 2025).day_of("Day 2: 15 May")
        (datetime.date(2025, 5, 14), datetime.date(2025, 5, 15))
        >>> Page(date(2031, 3, 18), 2031).day_of("Day 2"), Page(date(2031, 3, 19), 2031, own_day=True).day_of("Day 2")
        (datetime.date(2031, 3, 19), datetime.date(2031, 3, 19))
        >>> Page(date(2031, 3, 19), 2031).day_of("Day 2 — Wednesday")  # 19 March 2031 is a Wednesday
        datetime.date(2031, 3, 19)
        """
        m = _DAY_N.match(printed)
        dated = printed[m.end():] if m and re.search(r"\d", printed[m.end():]) else printed  # "1 – 14 May" no range
        found = first_day(dated, self.year) if re.search(r"\d", dated) else None
        if found:
            return found
        if not m or not self.event:
            return None
        n = m.group("n").lower()
        counted = self.event + timedelta(days=(int(n) if n.isdigit() else _DAY_WORDS[n]) - 1)
        day, other = (self.event, counted) if self.own_day else (counted, self.event)
        return self._weekday_fit(printed, day, other)

    def _weekday_fit(self, printed: str, day: date, other: date) -> date:
        """``day``, or ``other`` when the heading's weekday fits it and not ``day`` — noted either way."""
        weekday = times.weekday(printed)
        if weekday is None or day.weekday() == weekday:
            return day
        heading = f"day heading {printed!r} prints a {_WEEKDAYS[weekday]}"
        if other.weekday() == weekday and self.day_headings <= 1:  # several: each counts from the first day
            self.note(printed, "date-corrected", f"{heading}, and the page's date gives {day.isoformat()}, a "
                      f"{_WEEKDAYS[day.weekday()]} — dated {other.isoformat()}, the {_WEEKDAYS[weekday]}; print "
                      "the date in the heading (\"Day 2 — Wednesday, 19 March 2031\") to settle it")
            return other
        self.note(printed, "date-mismatch", f"{heading}, but it is dated {day.isoformat()}, a "
                  f"{_WEEKDAYS[day.weekday()]} — that date is kept; print the date in the heading to settle it")
        return day

    def note(self, printed: str, kind: str, message: str) -> None:
        """A note on the line that prints ``printed``."""
        self.notes.append(Note(self.path, self.lines.of(printed) if self.lines else None, kind, message))


def _open(page: Page, draft: Draft, level: int | None = None) -> None:
    page.drafts.append(draft)
    page.open, page.timed_level = draft, level
    badge, page.badge = page.badge, None
    if badge and draft.time_label and not draft.format:
        draft.format = badge  # "9h45 - 10h30", "Keynote", then the title: the session's kind, and its people's role
        draft.role = draft.role or badge
