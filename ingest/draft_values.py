"""What the values of front matter and data files look like to the drafter: names, dates, lists.

>>> name_like("Jane Doe"), name_like("Dr Rumman CHOWDHURY"), name_like("Opening Remarks"), name_like("2024")
(True, True, False, False)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from ingest.tidy import not_a_person

ZONE_ABBREV = re.compile(r"\s*\(?\b(?:[A-Z]{2,5}|(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d\d)?)\)?\s*$")  # "CET", "(GMT+8)"
# words naming the site's own people (its team, committee, volunteers): their pages and lists are no meeting's
OWN_PEOPLE_WORDS = r"teams?|committees?|organi[sz](?:ers?|ing)|staff|board|volunteers?|crew|secretariat|steering|" \
                   r"advis[oe]rs?"
END_KEY = re.compile(r"end|until|finish|stop|_to$", re.I)


_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^(de|van|von|der|da|di|le|la|al|bin|binti|bint|ould|ibn|du|del|dos)$")


_NOT_NAME = re.compile(r"\b(remarks|opening|closing|welcome|keynote|panel|session|break|lunch|speakers?|"
                       r"moderators?|agenda|programme|program|day|about|contact|home|news|registration|"
                       r"sponsors?|partners|exhibitors|supporters)\b", re.I)


@dataclass
class When:
    """What one value says of a date: has a date, a time, an offset, a year."""

    date: bool
    time: bool
    offset: str | None
    year: int | None


def when(value) -> When | None:
    """What a front-matter or data value holds as a date or time (``None``: not a date).

    >>> when("2022-10-20T16:30"), when("2023-05-24 14:00:00 -0500").offset, when("March 14").year
    (When(date=True, time=True, offset=None, year=2022), '-05:00', None)
    >>> when("09:30"), when("Jane Doe"), when("14:00-15:00 CET"), when("9.30am (GMT+8)")
    (When(date=False, time=True, offset=None, year=None), None, When(date=False, time=True, offset=None, year=None), \
When(date=False, time=True, offset=None, year=None))
    >>> when({"date": "2032-05-19", "time": "09:30:00", "tz": "Europe/Zurich"})  # Indico's parts of a moment
    When(date=True, time=True, offset='+02:00', year=2032)
    """
    if isinstance(value, dict) and isinstance(value.get("date"), str):
        from ingest.record_dates import unpacked

        value = unpacked(value)
    if isinstance(value, datetime):
        return When(True, True, _offset(value), value.year)
    if isinstance(value, date):
        return When(True, False, None, value.year)
    if not isinstance(value, str) or len(value) > 60:
        return None
    text = value.strip()
    iso = re.match(r"(\d{4})-\d{1,2}-\d{1,2}(?:[T ](\d{1,2}):\d\d(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?)?$", text)
    if iso:
        zone = iso.group(3)
        offset = None if not zone else "+00:00" if zone == "Z" else zone[:3] + ":" + zone[-2:]
        return When(True, iso.group(2) is not None, offset, int(iso.group(1)))
    month = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
                      r"\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", text, re.I)
    clock = re.search(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*[ap]\.?m\b", text, re.I)
    year = re.search(r"\b(19|20)\d\d\b", text)
    if month:
        return When(True, bool(clock), None, int(year.group(0)) if year else None)
    if clock and re.fullmatch(r"[\d:.\sapmAPM–-]+", ZONE_ABBREV.sub("", text)):  # "14:00-15:00 CET" too
        return When(False, True, None, None)
    return None


def _offset(value: datetime) -> str | None:
    delta = value.utcoffset()
    if delta is None:
        return None
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def describe_whens(whens: list[When], values: list) -> str:
    """``date-times like 2022-10-20T10:00, no UTC offset`` — a key's dates in words.

    >>> describe_whens([When(True, True, "-05:00", 2023)], ["2023-05-24 14:00:00 -0500"])
    'date-times like 2023-05-24 14:00:00 -0500, offsets -05:00 ×1'
    """
    what = "date-times" if all(w.date and w.time for w in whens) else "dates" if all(w.date for w in whens) \
        else "times" if all(w.time for w in whens) else "dates and times"
    offsets = Counter(w.offset for w in whens if w.offset)
    zone = ", ".join(f"{o} ×{c}" for o, c in offsets.most_common(4)) if offsets else "no UTC offset"
    if what == "dates":
        zone = "no time"
    yearless = sum(1 for w in whens if w.date and w.year is None)
    return (f"{what} like {examples(values, 1)[0]}, {'offsets ' if offsets else ''}{zone}"
            + (f", {yearless} without a year" if yearless else ""))


def as_list(value) -> list:
    """``value`` as a list (``None`` → empty)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def name_like(text) -> bool:
    """True for text that reads as a person's name (two to five capitalised words)."""
    if not isinstance(text, str):
        return False
    words = re.sub(r"\([^)]*\)", "", text).replace(",", " ").split()
    if not 2 <= len(words) <= 6 or len(text) > 60 or _NOT_NAME.search(text):
        return False
    if not all(_WORD.match(w) or w.isupper() for w in words) or not any(c.islower() for c in text):
        return False
    return not_a_person(text) is None


def examples(values: list, n: int = 2) -> list:
    out = []
    for value in values:
        for item in as_list(value):
            text = item if isinstance(item, str) else str(item)
            if text not in out:
                out.append(text)
            if len(out) == n:
                return out
    return out or ["…"]


def flat(meta: dict) -> dict:
    """Front matter with one level of nested tables as dotted keys.

    >>> flat({"title": "T", "extra": {"authors": "A"}})
    {'title': 'T', 'extra.authors': 'A'}
    """
    out = {}
    for key, value in meta.items():
        if isinstance(value, dict):
            out.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            out[str(key)] = value
    return out
