"""Rows of a spreadsheet exported as CSV, as the ``records`` reader takes them: the blanks a session's rows
leave under its first row (fill-down), heading rows, and cells that print two people on two lines.

>>> rows = FillDown(Options(persons=("",), title=("Session",), date=("Date",)))
>>> class Ctx:  # what FillDown asks of the reader's context
...     opts = Options(persons=("",), title=("Session",), date=("Date",))
...     def text(self, record, specs): return next((record[k] for k in specs if record.get(k)), None)
>>> [rows.filled(Ctx(), r) for r in ({"Date": "Day 1 – 16 March 2032"},
...  {"Date": "16/03/2032", "Session": "Opening", "Name": "Ann Lee"}, {"Date": "", "Session": "", "Name": "Bo Chan"})]
[None, {'Date': '16/03/2032', 'Session': 'Opening', 'Name': 'Ann Lee'}, {'Date': '16/03/2032', 'Session': 'Opening', 'Name': 'Bo Chan'}]
"""

from __future__ import annotations

from ingest import times
from ingest.person_pattern import is_name
from ingest.record_options import Options


class FillDown:
    """A spreadsheet's blanks: the date, time and session of a session's first row are left empty on the rows
    below it (a row per person). A row that names a person but no session takes the session fields of the row
    above; a row with a session but no date takes the date; a row holding one cell alone (a day heading) gives
    its date to the rows below and is no record. On for tables printing a row per person (``persons = ""``),
    and for the keys ``fill_down`` names."""

    def __init__(self, opts: Options):
        self.rows = opts.persons == ("",) or bool(opts.fill_down)
        session = (*opts.title, *opts.id, *opts.start, *opts.end, *opts.time, *opts.room, *opts.track,
                   *opts.format)
        self.session = [k for k in dict.fromkeys(opts.fill_down or session) if _simple_key(k)]
        self.dates = [k for k in dict.fromkeys((*opts.date, *opts.start)) if _simple_key(k)]
        self.carried: dict = {}

    def filled(self, ctx, record: dict) -> dict | None:
        if not self.rows:
            return record
        filled = {k: v for k, v in record.items() if v not in (None, "")}
        if len(filled) == 1 and (day := next(iter(filled.values()))) and isinstance(day, str) \
                and times.parse_date(day) and not ctx.text(record, ctx.opts.title):
            for key in self.dates[:1]:
                self.carried[key] = day
            return None
        person = any(v not in (None, "") for k, v in record.items() if k not in self.session + self.dates)
        continued = person and not ctx.text(record, ctx.opts.title) and not ctx.text(record, ctx.opts.id)
        out = dict(record)
        for key in self.session + self.dates:
            if out.get(key) in (None, "") and key in self.carried and (continued or key in self.dates):
                out[key] = self.carried[key]
        for key in self.session + self.dates:
            if record.get(key) not in (None, ""):
                self.carried[key] = record[key]
        return out


def _simple_key(spec: str) -> bool:
    return bool(spec) and "." not in spec and not spec.startswith("^")



def by_lines(item: dict, names: tuple[str, ...]) -> list[dict] | None:
    """A spreadsheet cell holding two people on two lines, their titles and organisations on as many lines in
    theirs: one mapping per person, the cells with that many lines cut line by line, the others shared.

    >>> [(p["Name"], p["Org"], p["Country"]) for p in by_lines({"Name": "Dr Ann Lee\\nBo Chan", "Org": "Acme\\nGlobex",
    ...                                                        "Country": "Fiji"}, ("Name",))]
    [('Dr Ann Lee', 'Acme', 'Fiji'), ('Bo Chan', 'Globex', 'Fiji')]
    """
    raw = next((v for k in names if _simple_key(k) and isinstance(v := item.get(k), str) and v.strip()), None)
    lines = [ln.strip() for ln in raw.strip().splitlines() if ln.strip()] if raw else []
    if len(lines) < 2 or not all(is_name(ln) for ln in lines):
        return None
    out = []
    for i in range(len(lines)):
        one = dict(item)
        for key, value in item.items():
            cut = [ln.strip() for ln in value.strip().splitlines() if ln.strip()] if isinstance(value, str) else []
            if len(cut) == len(lines):
                one[key] = cut[i]
        out.append(one)
    return out
