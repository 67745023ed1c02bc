"""Date and time lines as printed on event pages → dates, times and UTC offsets.

>>> parse_date("15 October 2024 (Tuesday)"), parse_date("Mittwoch, 12. März 2025"), parse_date("3 juin 2025")
(datetime.date(2024, 10, 15), datetime.date(2025, 3, 12), datetime.date(2025, 6, 3))
>>> parse_time_range("Time: 4.00pm to 5.30pm (GMT +8)")
(datetime.time(16, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=28800))), datetime.time(17, 30, tzinfo=datetime.timezone(datetime.timedelta(seconds=28800))))
>>> parse_time_range("9.30am-11.00am"), parse_time_range("14h00 – 15h30")
((datetime.time(9, 30), datetime.time(11, 0)), (datetime.time(14, 0), datetime.time(15, 30)))
>>> parse_time_range("Time TBC")
(None, None)
>>> is_time_line("*8.00pm to 9.15pm (GMT +8)*"), is_time_line("9.50pm \u2013 10.50pm"), is_time_line("At 9pm we meet")
(True, True, False)
>>> is_time_line("*2.00pm to 3.00pm (GMT +8) / 8.00am to 9.00am (CEST)*")
True
>>> [is_time_line(t) for t in ("14 h 00 – 15 h 30", "9h30 – 10h15", "09:30–10:15 Uhr", "14 h")]
[True, True, True, True]
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from graph.ids import fold

# month names as event sites print them, in the languages of the sites we read (CLDR, through Babel): wide and
# abbreviated, as in a date and alone, with and without accents ("März", "Marz", "févr", "sept")
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "fi", "pl")


def _month_names() -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {"sept": 9}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, language).items():
                    for form in (name.lower().rstrip("."), fold(name).rstrip(".")):
                        if len(form) >= 3:
                            names.setdefault(form, number)
    return names


_MONTHS = _month_names()
_MONTH_RE = "(" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + ")"
# a word where the month goes, checked against the table after the match (an alternation of 195 names tried at
# every word made reading a date six times slower)
_WORD = r"([^\W\d_]{3,})"
_YEAR = re.compile(r"\d{4}")
# "14 de mayo de 2024", "1.º de junho de 2031", "15 mayo del 2024": Spanish and Portuguese join the parts with "de"
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er|\.º|º|\.)?\s+(?:de\s+)?" + _WORD + r"\.?,?\s+(?:del?\s+)?(\d{4})\b")
_MDY = re.compile(r"\b" + _WORD + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")  # 21.03.2029
_SLASHED = re.compile(r"(?<![\d/])(1[3-9]|2\d|3[01])/(\d{1,2})/(\d{4})(?!\d)")  # 21/03/2029, not 03/04/2029

# zone names printed after a time, as the zone of their region: "CET" printed in July is read as that region's
# summer time, as its writer meant it; names with two common meanings (CST, IST, AST) are left to [site] timezone
ZONE_NAMES = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "HST": "Pacific/Honolulu", "AKST": "America/Anchorage", "AKDT": "America/Anchorage",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "BST": "Europe/London",
    "CET": "Europe/Paris", "CEST": "Europe/Paris", "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin",
    "EET": "Europe/Athens", "EEST": "Europe/Athens", "MSK": "Europe/Moscow",
    "GST": "Asia/Dubai", "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "AWST": "Australia/Perth", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "GMT": "UTC", "UTC": "UTC",
}
_ZONE_NAME = "|".join(sorted(ZONE_NAMES, key=len, reverse=True))
# a zone name right after a time ("9:30 am CEST", "10:45 am, ET", "1.00pm (CET)"), upper case as printed
# ("10:00 MT Evaluation": a two-letter name followed by a word is a title's word, unless a comma sets it off)
_ZONE_AFTER = re.compile(r"(?:\d|[ap]\.?m\.?|noon|hrs?\b|(?<=\d)H)(?:\s*,\s*\(?\s*(" + _ZONE_NAME + r")\b|\s*\(?\s*(" + _ZONE_NAME
                         + r")\b(?!(?<=\b[A-Z]{2})\s*[A-Za-z]))(?!\s*[+\-\u2212\u2013]\s*\d)")
_CLOCK = r"(?<![\d.])(\d{1,2})(?:[.:h](\d{2}))?(?![\d]|[./]\d)\s*(a\.?m\.?|p\.?m\.?|noon)?"  # "9.30", "14:00", "14h00", "2pm"
# military time as spreadsheets and government programmes print it: "0900-1030", "0900 hrs", "0900 – 1030hrs (SGT)",
# "1400H - 1530H"; a zone after it
_MIL = r"([01]\d|2[0-3])([0-5]\d)\s*(h|hrs?|hours)?\b"
_HHMM = re.compile(rf"^\s*(?:(?:time|timing)\s*:?\s*)?{_MIL}(?:\s*(?:-|\u2013|\u2014|to)\s*{_MIL})?\s*"
                   rf"(?:\(?\s*(?:(?-i:{_ZONE_NAME})|(?:GMT|UTC)\s*[+\-\u2212\u2013]\s*\d{{1,2}}(?:[:.]?\d{{2}})?)\s*\)?)?\s*$", re.I)
_RANGE = re.compile(_CLOCK + r"\s*(?:to|until|till|-|\u2013|\u2014|\u2012)\s*" + _CLOCK, re.I)
_SINGLE = re.compile(r"\b" + _CLOCK, re.I)
# a line that is nothing but a time or time range, a zone and punctuation ("8.00pm to 9.15pm (GMT +8)")
_TIME_ONLY = re.compile(r"^(?:time|timing)?\s*:?\s*" + _CLOCK + r"(?:\s*(?:to|until|till|-|\u2013|\u2014|\u2012)\s*"
                        + _CLOCK + r")?\s*(?:hrs|h|uhr)?\s*(?:\(?\s*(?:" + _ZONE_NAME + r")\s*(?:[+\-\u2212\u2013]\s*\d{1,2}(?:[:.]?\d{2})?)?\s*\)?)?$",
                        re.I)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|"
                      r"sun(?:day)?)\b", re.I)
_ZONE = re.compile(r"\b(?:GMT|UTC)\s*([+\-\u2212\u2013])\s*(\d{1,2})(?:[:.]?(\d{2}))?", re.I)


def parse_date(text: str) -> date | None:
    """The first date written in ``text`` (``15 October 2024``, ``October 15, 2024``, ISO, ``21.03.2029`` as
    Europe writes it, ``21/03/2029`` when the day is past the twelfth).

    >>> parse_date("Torsdag 21.03.2029"), parse_date("21/03/2029"), parse_date("03/04/2029")
    (datetime.date(2029, 3, 21), datetime.date(2029, 3, 21), None)
    >>> parse_date("Martes 14 de mayo de 2024"), parse_date("1.º de junho de 2031"), parse_date("15 mayo del 2024")
    (datetime.date(2024, 5, 14), datetime.date(2031, 6, 1), datetime.date(2024, 5, 15))
    >>> parse_date("Mardi 1er avril 2031")
    datetime.date(2031, 4, 1)
    """
    if not _YEAR.search(text):
        return None  # every form prints a year: most lines of a page are let go here
    for rx, order in ((_ISO, "ymd"), (_DMY, "dmy"), (_MDY, "mdy"), (_DOTTED, "dmy"), (_SLASHED, "dmy")):
        m = next((m for m in rx.finditer(text) if order == "ymd" or rx in (_DOTTED, _SLASHED) or _is_date(m)), None)
        if not m:
            continue
        parts = dict(zip(order, m.groups()))
        month = parts["m"] if order == "ymd" or rx in (_DOTTED, _SLASHED) else _month(parts["m"])
        try:
            return date(int(parts["y"]), int(month), int(parts["d"]))
        except ValueError:
            return None
    return None


def _is_date(m: re.Match) -> bool:
    """True when the word a day-month-year or month-day-year match holds is a month's name."""
    word = m.group(2) if m.group(1).isdigit() else m.group(1)
    return month_number(word) is not None


def _dates_out(rx: re.Pattern, text: str, by: str = "") -> str:
    """``text`` with the dates ``rx`` finds replaced by ``by`` (matches whose word is no month stay)."""
    return rx.sub(lambda m: by if _is_date(m) else m.group(0), text)


_D = r"(\d{1,2})(?:st|nd|rd|th|er)?\.?"
_M = _MONTH_RE + r"\.?"
_TO = r"\s*(?:-|\u2013|\u2014|to|until|and|&)\s*"
_Y = r"(?:,?\s+(\d{4}))?"
_RANGES = [  # (pattern, order of its groups: d1 m1 d2 m2 y)
    (re.compile(rf"\b{_D}\s*{_M}{_TO}{_D}\s*{_M}{_Y}", re.I), "dmdmy"),  # 30.Nov–02.Dec, 30 Nov – 2 Dec 2020
    (re.compile(rf"\b{_D}{_TO}{_D}\s*{_M}{_Y}", re.I), "ddmy"),  # 29–30.June, 18-19 October 2022
    (re.compile(rf"\b{_M}\s+{_D}{_TO}{_M}\s+{_D}{_Y}", re.I), "mdmdy"),  # Nov 30 - Dec 2, 2020
    (re.compile(rf"\b{_M}\s+{_D}{_TO}{_D}{_Y}", re.I), "mddy"),  # October 18–19, 2022
]


def date_range(text: str, year: int | None = None) -> tuple[date, date] | None:
    """The first range of days written in ``text`` (the year printed, else ``year``), or ``None``.

    >>> date_range("Online get together event 30.Nov–02.Dec #RSE", 2020)
    (datetime.date(2020, 11, 30), datetime.date(2020, 12, 2))
    >>> date_range("Unconference 29–30.June", 2021), date_range("October 18–19, 2022")
    ((datetime.date(2021, 6, 29), datetime.date(2021, 6, 30)), (datetime.date(2022, 10, 18), datetime.date(2022, 10, 19)))
    >>> date_range("Dec 30 - Jan 2, 2025"), date_range("from 9 to 5"), date_range("18-19 October")
    ((datetime.date(2024, 12, 30), datetime.date(2025, 1, 2)), None, None)
    >>> date_range("December 2nd and December 3rd 2024"), date_range("4 & 5 May 2031")
    ((datetime.date(2024, 12, 2), datetime.date(2024, 12, 3)), (datetime.date(2031, 5, 4), datetime.date(2031, 5, 5)))
    """
    found = _range_match(text)
    if found is None:
        return None
    m, order = found
    names = ("d1", "m1", "d2", "m2", "y") if order in ("dmdmy", "mdmdy") else ("d1", "d2", "m2", "y")
    got = dict(zip(names, _ordered(m.groups(), order)))
    printed = int(got["y"]) if got.get("y") else year
    if printed is None:
        return None
    m1, m2 = _month(got.get("m1") or got["m2"]), _month(got["m2"])
    try:
        return date(printed - (m1 > m2), m1, int(got["d1"])), date(printed, m2, int(got["d2"]))
    except ValueError:
        return None


def range_text(text: str) -> str | None:
    """The words of ``text`` that print a range of days ("30.Nov–02.Dec"), or ``None``."""
    found = _range_match(text)
    return found[0].group(0) if found else None


def _range_match(text: str) -> tuple[re.Match, str] | None:
    for rx, order in _RANGES:
        m = rx.search(text)
        if m:
            return m, order
    return None


def _ordered(groups: tuple, order: str) -> tuple:
    """The groups of a range pattern as (d1, m1, d2, m2, y), or (d1, d2, m2, y) for a one-month range."""
    if order == "mdmdy":
        m1, d1, m2, d2, y = groups
        return d1, m1, d2, m2, y
    if order == "mddy":
        m2, d1, d2, y = groups
        return d1, d2, m2, y
    return groups


def _month(text: str) -> int:
    found = month_number(text)
    if found is None:
        raise KeyError(text)
    return found


def month_number(text: str) -> int | None:
    """The number of a month's name or abbreviation in one of ``LANGUAGES`` ("mayo", "Sept."), or ``None``."""
    text = text.lower().rstrip(".")
    return _MONTHS.get(text) or (_MONTHS.get(fold(text)) if not text.isascii() else None)


# a clock in hours as French and German print it: "14 h 00", "14h30", "11h", "14 h" (an hour of the day, 0–23);
# not a military "1400h", a "14.00 h" (its minutes already printed) nor "9 hrs" (a duration's word)
_H_CLOCK = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])\s*[hH](?:\s*([0-5]\d))?(?![\w])")


def colon_clock(text: str) -> str:
    """``text`` with its clocks in hours ("14 h 00", "11h") written with a colon, as the other patterns read them.
    Only for text where a time is expected (a time cell, the time a line opens with): in prose "a 2 h workshop"
    is a duration.

    >>> colon_clock("14 h 00 – 15 h 30"), colon_clock("11h"), colon_clock("9h30-10h"), colon_clock("14.00 h")
    ('14:00 – 15:30', '11:00', '9:30-10:00', '14.00 h')
    >>> colon_clock("1400h"), colon_clock("a 24 h hackathon"), colon_clock("9 hrs")
    ('1400h', 'a 24 h hackathon', '9 hrs')
    """
    if "h" not in text and "H" not in text:
        return text
    return _H_CLOCK.sub(lambda m: f"{m.group(1)}:{m.group(2) or '00'}", text)


def is_time_line(text: str) -> bool:
    """True when ``text`` is only a time or a time range (with an optional label and zone), no other words.

    >>> is_time_line("**Time:** 0900 – 1030hrs (SGT)"), is_time_line("1400H - 1530H"), is_time_line("2023 - 2024")
    (True, True, False)
    """
    clean = " ".join(re.split(r"\s+/\s+|\s*[|;]\s*", text.replace("*", " "))[0].split()).strip(" .;,")
    if is_military(clean):
        return True
    clean = colon_clock(clean)
    m = _TIME_ONLY.match(clean)
    return bool(m) and bool(re.search(r"\d\s*(?:[.:]\d{2}|a\.?m|p\.?m|noon)", clean, re.I))


def is_military(text: str) -> bool:
    """True for a line that is only a military time: with "hrs" or "H" after it, or a range that is not two years
    ("0900 – 1030", not "2023 – 2024").

    >>> is_military("0900 – 1030hrs (SGT)"), is_military("0900hrs"), is_military("0900-1030"), is_military("1999-2024")
    (True, True, True, False)
    >>> is_military("2024"), is_military("Time: 1400H")
    (False, True)
    """
    m = _HHMM.match(text)
    if not m:
        return False
    if m.group(3) or m.group(6):
        return True
    years = [g for g in (m.group(1) + m.group(2), (m.group(4) or "") + (m.group(5) or "")) if g]
    return bool(m.group(4)) and not all(y.startswith(("19", "20")) for y in years)


def weekday(text: str) -> int | None:
    """The weekday printed in a date line (Monday is 0), or ``None``.

    >>> weekday("15 October 2024 (Tuesday)"), weekday("15 October 2024")
    (1, None)
    """
    m = _WEEKDAY.search(_dates_out(_DMY, _dates_out(_MDY, text, " "), " "))
    return next(i for i, name in enumerate(_WEEKDAYS) if name.startswith(m.group(1).lower())) if m else None


def fix_year(day: date, printed_weekday: int | None, year: int | None) -> date | None:
    """``day`` moved to ``year`` when its weekday contradicts the printed one and ``year``'s agrees, else ``None``.

    >>> fix_year(date(2023, 10, 15), 1, 2024)
    datetime.date(2024, 10, 15)
    >>> fix_year(date(2024, 10, 15), 1, 2024) is None, fix_year(date(2023, 10, 15), 3, 2024) is None
    (True, True)
    """
    if printed_weekday is None or year is None or day.weekday() == printed_weekday or day.year == year:
        return None
    try:
        moved = day.replace(year=year)
    except ValueError:  # 29 February
        return None
    return moved if moved.weekday() == printed_weekday else None


def without_date(text: str) -> str:
    """``text`` without its dates and weekdays (what is left of a date line: maybe a time).

    >>> without_date("15 October 2024 (Tuesday), 8.00pm to 9.15pm (GMT +8)")
    '8.00pm to 9.15pm (GMT +8)'
    """
    rest = _WEEKDAY.sub("", _ISO.sub("", _dates_out(_DMY, _dates_out(_MDY, text))))
    return re.sub(r"\(\s*\)", "", rest).strip(" ,*|")


def is_range(text: str) -> bool:
    """True when ``text`` prints two times joined by "to" or a dash (military times too: "0900 – 1030hrs").

    >>> is_range("9.30am-11.00am"), is_range("0900 – 1030hrs (SGT)"), is_range("2023 – 2024")
    (True, True, False)
    >>> is_range("10 h – 12 h")
    True
    """
    if _RANGE.search(_ZONE.sub(" ", colon_clock(text))):
        return True
    tail = _MILITARY_RANGE.search(text)
    return bool(tail) and is_military(tail.group(0))


_MILITARY_RANGE = re.compile(r"(?<!\d)(?:[01]\d|2[0-3])[0-5]\d\s*(?:h|hrs?|hours)?\s*(?:-|\u2013|\u2014|to)\s*"
                             r"(?:[01]\d|2[0-3])[0-5]\d\s*(?:h|hrs?|hours)?\b", re.I)


def parse_zone(text: str) -> tzinfo | None:
    """The UTC offset written as ``GMT +8`` or ``UTC+05:30``, or the zone a name after a time stands for.

    >>> parse_zone("9:00 am – 9:30 am CEST"), parse_zone("10:05 am - 10:45 am, ET"), parse_zone("14:00 (GMT)")
    (zoneinfo.ZoneInfo(key='Europe/Paris'), zoneinfo.ZoneInfo(key='America/New_York'), zoneinfo.ZoneInfo(key='UTC'))
    >>> parse_zone("10:00 ET Panel".lower()), parse_zone("The ET panel at 10:00")
    (None, None)
    """
    m = _ZONE.search(text)
    if not m:
        named = _ZONE_AFTER.search(text)
        return ZoneInfo(ZONE_NAMES[named.group(1) or named.group(2)]) if named else None
    sign = -1 if m.group(1) in "-\u2212\u2013" else 1
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


# "all times are local (CEST)", "times are local time, GMT": the zone named after the word "local"
_PAGE_ZONE = re.compile(r"\b(?:all\s+)?(?:times?|zeiten|zeitangaben)\s+(?:are\s+|shown\s+|given\s+|listed\s+|quoted\s+)*"
                        r"(?:local(?:\s+time)?\s*,?\s*)?"
                        r"(?:in\s+)?\(?((?-i:" + _ZONE_NAME + r")(?:\s*[+\-\u2212\u2013]\s*\d{1,2}(?:[:.]?\d{2})?)?)(?![\w])",
                        re.I)


def page_zone(text: str) -> tzinfo | None:
    """The zone a page gives all its times in ("all times in CEST", "Times are shown in GMT+8"), or ``None``.

    >>> page_zone("#### June 29\\n(all times in CEST)\\n- 13:00 : Welcome"), page_zone("Times are in UTC+2.")
    (zoneinfo.ZoneInfo(key='Europe/Paris'), datetime.timezone(datetime.timedelta(seconds=7200)))
    >>> page_zone("Alle Zeiten in MEZ"), page_zone("Times in the programme may change"), page_zone("times are cet")
    (zoneinfo.ZoneInfo(key='Europe/Berlin'), None, None)
    >>> page_zone("Room 4, Geneva · all times are local (CEST)"), page_zone("Times are local, so plan ahead")
    (zoneinfo.ZoneInfo(key='Europe/Paris'), None)
    """
    m = _PAGE_ZONE.search(text)
    if not m:
        return None
    printed = m.group(1)
    return parse_zone(printed) if _ZONE.search(printed) else ZoneInfo(ZONE_NAMES[printed])


def parse_time_range(text: str) -> tuple[time | None, time | None]:
    """Start and end times of a time line (with the offset when printed).

    >>> parse_time_range("0900-1030"), parse_time_range("0900 hrs"), parse_time_range("14:00 2032")[0]
    ((datetime.time(9, 0), datetime.time(10, 30)), (datetime.time(9, 0), None), datetime.time(14, 0))
    >>> parse_time_range("14 h 00 – 15 h 30"), parse_time_range("11h")
    ((datetime.time(14, 0), datetime.time(15, 30)), (datetime.time(11, 0), None))
    """
    if m := _HHMM.match(text):
        zone = parse_zone(text)
        start = time(int(m.group(1)), int(m.group(2)), tzinfo=zone)
        return start, time(int(m.group(4)), int(m.group(5)), tzinfo=zone) if m.group(4) else None
    text = colon_clock(text)
    zone = parse_zone(text)
    clean = _ZONE.sub(" ", text)
    m = _RANGE.search(clean)
    if m:
        h1, m1, ap1, h2, m2, ap2 = m.groups()
        end = _clock(h2, m2, ap2)
        start = _clock(h1, m1, ap1 or _infer_meridiem(h1, ap2))
    else:
        m = next((m for m in _SINGLE.finditer(clean) if m.group(2) or m.group(3)), None)  # "24 May, 10:00": 10:00
        if not m:
            return None, None
        start, end = _clock(*m.groups()), None
    if zone:
        start = start.replace(tzinfo=zone) if start else None
        end = end.replace(tzinfo=zone) if end else None
    return start, end


def _infer_meridiem(hour: str, end_meridiem: str | None) -> str | None:
    # "9.30-11.00am": the start shares the end's half of the day unless that would put it later
    if not end_meridiem:
        return None
    if end_meridiem.lower().startswith("p") and int(hour) in (10, 11):
        return "am"
    return end_meridiem


def _clock(hour: str, minute: str | None, meridiem: str | None) -> time | None:
    h, m = int(hour), int(minute or 0)
    mer = (meridiem or "").lower().replace(".", "")
    if mer == "noon":
        h = 12
    elif mer == "pm" and h < 12:
        h += 12
    elif mer == "am" and h == 12:
        h = 0
    if h > 23 or m > 59:
        return None
    return time(h, m)


def combine(day: date | None, clock: time | None) -> datetime | None:
    """A datetime from a date and a time (keeping the time's offset)."""
    if day is None or clock is None:
        return None
    return datetime.combine(day, clock.replace(tzinfo=None), tzinfo=clock.tzinfo)


def shown_in(moment: datetime, zone: tzinfo | None) -> datetime:
    """A moment printed with a UTC offset ("…T07:30:00Z", "…+01:00") as the same instant in ``zone``, the zone the
    site shows its times in: a programme printing 09:30 and an export printing 07:30Z name one start, and the
    session's day is the local day. A moment without offset, or no zone, is kept as it is.

    >>> from zoneinfo import ZoneInfo
    >>> shown_in(datetime(2031, 10, 7, 22, 30, tzinfo=timezone.utc), ZoneInfo("Europe/Brussels")).isoformat()
    '2031-10-08T00:30:00+02:00'
    >>> shown_in(datetime(2031, 10, 7, 22, 30), ZoneInfo("Europe/Brussels")).isoformat()
    '2031-10-07T22:30:00'
    """
    if zone is None or moment.tzinfo is None or moment.utcoffset() is None:
        return moment
    return moment.astimezone(zone)


def file_date(path: str) -> date | None:
    """The date a file's name prints: a Jekyll post's (``2019-04-21-title.md``), a programme day's
    (``day_2024-06-12.html``, EasyChair's ``2024-06-12.html``), else its folder's (``2024-06-12/index.html``).

    >>> file_date("_posts/2019-04-21-briefing.md"), file_date("about.md"), file_date("program/day_2024-06-12.html")
    (datetime.date(2019, 4, 21), None, datetime.date(2024, 6, 12))
    >>> file_date("days/2024-06-12/index.html"), file_date("v2024-06-123.html"), file_date("2019-05-15-2019-summit.md")
    (datetime.date(2024, 6, 12), None, datetime.date(2019, 5, 15))
    """
    name = PurePosixPath(path)
    m = re.search(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?!\d)", name.name) \
        or (re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", name.parent.name) if name.stem in ("index", "_index") else None)
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None
