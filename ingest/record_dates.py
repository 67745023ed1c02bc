"""Dates and times of data-file records: ISO text, strptime formats, year-less dates, clock times,
minutes since midnight, durations, and dates written in file names.

Pure helpers for ``ingest.datarecords``; the profile's ``date_format``/``time_format`` are passed in.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ingest import times


def parse_date(text: str, formats: tuple[str, ...] = (), year: int | None = None) -> date | None:
    """A date from text: ISO, the given strptime formats (year-less ones take ``year``), or a printed date.

    >>> parse_date("dec2", ("%b%d",), 2024), parse_date("2021-06-08T09:10"), parse_date("14 May 2023")
    (datetime.date(2024, 12, 2), datetime.date(2021, 6, 8), datetime.date(2023, 5, 14))
    >>> parse_date("29 Feb", ("%d %b",), 2024), parse_date("dec2", ("%b%d",)) is None
    (datetime.date(2024, 2, 29), True)
    >>> parse_date("Day 2 – 5 June", ("%d %B",), 2031), parse_date("Tuesday, 6 June", ("%d %B",), 2031)
    (datetime.date(2031, 6, 5), datetime.date(2031, 6, 6))
    """
    text = text.strip()
    found = _parsed(text, formats, year)
    if found is None and (bare := without_day_label(text)) != text:
        found = _parsed(bare, formats, year)  # "Day 2 – 5 June": a programme's day heading before the date
    return found


# a day's label before its date, as programme day headings print it: "Day 2 –", "Day Two:", "Tuesday,", "Tue."
_DAY_LABEL = re.compile(r"^(?:day\s+(?:\d{1,2}|one|two|three|four|five|six|seven)|(?:mon|tues?|wed(?:nes)?|"
                        r"thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\b\.?[\s,:;|/\-\u2013\u2014]*", re.I)


def without_day_label(text: str) -> str:
    """A date without the day labels printed before it ("Day 2 – Tuesday, 5 June" → "5 June"); when nothing but a
    label is printed, the text as it is.

    >>> without_day_label("Day 2 – Tuesday, 5 June"), without_day_label("Thu. 7 June"), without_day_label("Day 3")
    ('5 June', '7 June', 'Day 3')
    >>> without_day_label("Monterey, 5 June"), without_day_label("5 June")
    ('Monterey, 5 June', '5 June')
    """
    rest = text
    while (m := _DAY_LABEL.match(rest)) and rest[m.end():]:
        rest = rest[m.end():]
    return rest if rest.strip() else text


def _parsed(text: str, formats: tuple[str, ...], year: int | None) -> date | None:
    """The date of ``text`` by ISO, the given formats, or as printed (``parse_date`` without day labels)."""
    for parse in (date.fromisoformat, lambda t: datetime.fromisoformat(t).date()):
        try:
            return parse(text)
        except ValueError:
            pass
    for fmt in formats:
        yearless = not re.search(r"%[Yy]", fmt)
        if yearless and year is None:
            continue
        try:
            found = datetime.strptime(f"{year} {text}" if yearless else text, f"%Y {fmt}" if yearless else fmt)
            return found.date()
        except ValueError:
            continue
    return times.parse_date(text) if text else None


def date_of(value) -> date | None:
    """The date of a datetime, or of text that prints a date with its time (ISO or as people write it), else
    ``None``.

    >>> date_of("2023-06-07T09:10"), date_of("June 7, 2023 9:10 AM"), date_of("3:00 PM ET"), date_of(600)
    (datetime.date(2023, 6, 7), datetime.date(2023, 6, 7), None, None)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return times.parse_date(value)
    return None


def unpacked(value):
    """A moment written as a mapping of its parts (Indico: ``{"date", "time", "tz"}``) as a datetime, in its zone
    when it names a known one; any other value as it is.

    >>> unpacked({"date": "2032-05-19", "time": "09:30:00", "tz": "Europe/Zurich"}).isoformat()
    '2032-05-19T09:30:00+02:00'
    >>> unpacked({"date": "2032-05-19"}), unpacked("09:30")
    ('2032-05-19', '09:30')
    """
    if not isinstance(value, dict) or not isinstance(value.get("date"), str):
        return value
    if not value.get("time"):
        return value["date"]
    try:
        found = datetime.fromisoformat(f"{value['date'].strip()}T{str(value['time']).strip()}")
    except ValueError:
        return value["date"]
    zone = value.get("tz") or value.get("timezone")
    try:
        return found.replace(tzinfo=ZoneInfo(zone)) if isinstance(zone, str) and found.tzinfo is None else found
    except (ZoneInfoNotFoundError, ValueError):
        return found


def zoned(value, zone: tzinfo | None):
    """A start printed with a UTC offset ("2031-10-07T22:30:00.000Z", a datetime with one) as the same instant in
    ``zone``, the zone the part or site names (``ingest.times.shown_in``): its day is then the local day. Any other
    value (a local time, a clock, minutes), or no zone, as it is.

    >>> from zoneinfo import ZoneInfo
    >>> zoned("2031-10-07T22:30:00.000Z", ZoneInfo("Europe/Brussels")).isoformat()
    '2031-10-08T00:30:00+02:00'
    >>> zoned("2031-10-07T22:30:00", ZoneInfo("Europe/Brussels")), zoned("09:30", ZoneInfo("Europe/Brussels"))
    ('2031-10-07T22:30:00', '09:30')
    >>> zoned("2031-10-07T22:30:00Z", None)
    '2031-10-07T22:30:00Z'
    """
    if zone is None:
        return value
    if isinstance(value, datetime):
        return times.shown_in(value, zone)
    if not isinstance(value, str) or len(value.strip()) <= 10:  # a lone date or clock prints no offset
        return value
    try:
        found = datetime.fromisoformat(value.strip())
    except ValueError:
        return value
    return times.shown_in(found, zone) if found.tzinfo is not None else value


def moment(value, day: date, formats: tuple[str, ...] = ()) -> datetime | None:
    """A start or end: a datetime, an ISO text, minutes since midnight, or a clock time on ``day``."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value.strip().isdigit():  # a CSV cell: digits are minutes, as numbers are
        value = int(value)
    if isinstance(value, int):
        return datetime.combine(day, time()) + timedelta(minutes=value) if 0 <= value < 24 * 60 else None
    return clock_range(value, day, formats)[0]


def clock_range(value, day: date, formats: tuple[str, ...] = ()) -> tuple[datetime | None, datetime | None]:
    """Start and end on ``day`` of a clock time or range ("09:30", "9.30am-11am"; ``formats`` first), in the zone
    a word after it names ("3:00 PM ET"); a value that prints its own date ("2023-06-07T09:10", "7 June 2023,
    9:10") is on that date.

    >>> clock_range("09:30-10:15", date(2030, 1, 2))[1], clock_range(600, date(2030, 1, 2))[0]
    (datetime.datetime(2030, 1, 2, 10, 15), datetime.datetime(2030, 1, 2, 10, 0))
    >>> clock_range("3:00 PM ET", date(2030, 1, 2))[0].isoformat(), clock_range("14:00 CEST", date(2030, 7, 2), ("%H:%M",))[0].isoformat()
    ('2030-01-02T15:00:00-05:00', '2030-07-02T14:00:00+02:00')
    >>> [t.isoformat() for t in clock_range("7 June 2031, 9:10 - 10:00", date(2030, 1, 2))]
    ['2031-06-07T09:10:00', '2031-06-07T10:00:00']
    """
    if isinstance(value, datetime):
        return value, None
    if isinstance(value, int):
        return moment(value, day), None
    text = " ".join(str(value).split())
    if len(text) > 10:  # ISO date and time ("2023-06-07T09:10", "20230607T0910"); a lone date is no moment
        try:
            return datetime.fromisoformat(text), None
        except ValueError:
            pass
    if printed := date_of(text):  # the value's own date, then its clock
        day, text = printed, times.without_date(text)
    text, zone = _zone_word(text)
    for fmt in formats:
        try:
            return _in_zone(datetime.combine(day, datetime.strptime(text, fmt).time()), zone), None
        except ValueError:
            continue
    t0, t1 = times.parse_time_range(text)
    return _in_zone(times.combine(day, t0), zone), _in_zone(times.combine(day, t1), zone)


# a zone name printed after a clock ("3:00 PM ET", "14:00 (CEST)"), as ingest.times knows them
_ZONE_WORD = re.compile(r"\s*\(?\b(" + "|".join(sorted(times.ZONE_NAMES, key=len, reverse=True)) + r")\)?$")


def _zone_word(text: str) -> tuple[str, ZoneInfo | None]:
    """A clock without the zone name that ends it, and that zone.

    >>> _zone_word("3:00 PM ET"), _zone_word("9:30")
    (('3:00 PM', zoneinfo.ZoneInfo(key='America/New_York')), ('9:30', None))
    """
    m = _ZONE_WORD.search(text)
    if not m or m.start() == 0:
        return text, None
    return text[: m.start()], ZoneInfo(times.ZONE_NAMES[m.group(1)])


def _in_zone(moment_: datetime | None, zone: ZoneInfo | None) -> datetime | None:
    """A naive moment placed in ``zone`` (one with an offset of its own keeps it)."""
    if moment_ is None or zone is None or moment_.tzinfo is not None:
        return moment_
    return moment_.replace(tzinfo=zone)


def clock_label(value) -> str | None:
    """A clock value as printed; minutes since midnight as ``HH:MM``.

    >>> clock_label(570), clock_label("9.30am")
    ('09:30', '9.30am')
    """
    if isinstance(value, int):
        return f"{value // 60:02d}:{value % 60:02d}"
    return " ".join(str(value).split()) or None


# one clock time and nothing else: "9:30", "09:30:00", "2:00 PM", "9h30"
_CLOCK_ID = re.compile(r"(\d{1,2})(?::|h)(\d{2})(?::00)?(?:\s*([ap])\.?m\.?)?", re.I)


def clock_key(text: str) -> str | None:
    """The key of an id that reads as one clock time, ``HH-MM`` as the time it names ("9:30" and "09:30" are one
    slot of a day), else ``None``.

    >>> clock_key("9:30"), clock_key("09:30"), clock_key("2:05 pm"), clock_key("12:00 AM"), clock_key("9h30")
    ('09-30', '09-30', '14-05', '00-00', '09-30')
    >>> clock_key("9:30-10:00"), clock_key("25:00"), clock_key("talk-9:30"), clock_key("2024-12-02")
    (None, None, None, None)
    """
    m = _CLOCK_ID.fullmatch(text.strip())
    if not m:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
    if half:
        hour = hour % 12 + (12 if half == "p" else 0) if 1 <= hour <= 12 else 99
    return f"{hour:02d}-{minute:02d}" if hour < 24 and minute < 60 else None


def minutes(value) -> int | None:
    """A duration in minutes: a number, "45 mins", "1h30", "01:30", "PT1H30M", and as Hugo sites write them, "2h",
    "90m", "1h30m", "1.5 hours".

    >>> minutes(45), minutes("30"), minutes("45 mins"), minutes("1h30"), minutes("01:30"), minutes("PT1H30M"), minutes("soon")
    (45, 30, 45, 90, 90, 90, None)
    >>> minutes("2h"), minutes("90m"), minutes("1h30m"), minutes("1.5 hours"), minutes("1 hour 15 minutes")
    (120, 90, 90, 90, 75)
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return int(value)
    text = str(value).strip().upper()
    if text.isdigit():
        return int(text)
    if m := re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", text):
        return int(m.group(1) or 0) * 60 + int(m.group(2) or 0) or None
    if m := re.fullmatch(r"(\d{1,2})[:H](\d{2})(?::\d{2})?", text.replace(" ", "")):
        return int(m.group(1)) * 60 + int(m.group(2))
    if m := re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*(?:H|HRS?|HOURS?)\s*(?:(\d+)\s*(?:M|MINS?|MINUTES?)?)?", text):
        return round(float(m.group(1).replace(",", ".")) * 60) + int(m.group(2) or 0) or None  # Hugo: "2h", "1h30m"
    if m := re.match(r"(\d+)\s*(MIN|M\b|MINUTES?|MINS)", text):
        return int(m.group(1))
    return None


def path_year(path: str) -> int | None:
    """The first year (19xx/20xx) written in a path.

    >>> path_year("static/agenda/2014.json"), path_year("_data/speakers.yml")
    (2014, None)
    """
    m = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", path)
    return int(m.group()) if m else None


# a day's number: "day2", "Day 2", "day-2", "d2" (a file name's piece or a whole value), "Tag 2", "jour 2", "día 2"
DAY_NUMBER = re.compile(r"(?:^|(?<=[\W_]))(?:day|d|tag|jour|dia|día|giorno)[-_ ]?(?P<n>\d{1,2})(?!\d)", re.I)


def numbered_day(text: str, first_day: str, whole: bool = False) -> date | None:
    """The date of the day a text numbers, day 1 being ``first_day`` (ISO): a file name's "schedule_day2", a
    value's "day2" (``whole``: the value is the number alone).

    >>> numbered_day("_data/2025/schedule_day2.yml", "2025-10-16"), numbered_day("Day 1", "2025-10-16", whole=True)
    (datetime.date(2025, 10, 17), datetime.date(2025, 10, 16))
    >>> numbered_day("Monday", "2025-10-16", whole=True), numbered_day("today3.yml", "2025-10-16")
    (None, None)
    """
    if not first_day:
        return None
    found = DAY_NUMBER.fullmatch(text.strip()) if whole else DAY_NUMBER.search(PurePosixPath(text).stem)
    return date.fromisoformat(first_day) + timedelta(days=int(found.group("n")) - 1) if found else None


def path_date(path: str, formats: tuple[str, ...], year: int | None) -> date | None:
    """The date written in a file name: the whole stem, or one of its pieces ("schedule_dec2" -> "dec2").

    >>> path_date("_data/schedule_dec2.yml", ("%b%d",), 2024), path_date("day-2030-05-06.csv", (), None)
    (datetime.date(2024, 12, 2), datetime.date(2030, 5, 6))
    """
    stem = PurePosixPath(path).stem
    iso = re.search(r"(?<!\d)\d{4}-\d\d-\d\d(?!\d)", stem)
    if iso:
        try:
            return date.fromisoformat(iso.group())
        except ValueError:
            pass
    for piece in [stem, *re.split(r"[_\-. ]+", stem)] if formats else ():
        found = parse_date(piece, formats, year) if piece else None
        if found:
            return found
    return None
