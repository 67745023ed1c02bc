"""Records per second of the readers, on generated files of each shape (schedule exports, data-file
records, HTML cards, programme tables).

    python -m bench.readers --records 2000

Each shape is generated deterministically (``SHAPES``: name -> a function of a
record count and a seed returning the file name, its bytes, and a profile part
when the shape needs one), then read by the whole per-file pipeline the loader
runs — decode, parse, reader, tidy, normalize — with no store. A record is one
session of the export; the rows (appearances) are counted beside it. The bench
runner can call ``measure(records)`` as a hook; rows are
``{"reader", "records", "rows", "median_s", "records_per_s"}``.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import click
import tomli_w

from ingest.loader import pipeline, site_for

FIRST = ["Ada", "Jane", "Ravi", "Ola", "Mei", "Kofi", "Lena", "Tomás", "Aiko", "Sven", "Nadia", "Omar"]
LAST = ["Doe", "Kumar", "Nordmann", "Lovelace", "Chen", "Mensah", "Berg", "Silva", "Sato", "Ek", "Haddad", "Roe"]
WORDS = ["Parsing", "Graphs", "Types", "Schedules", "at Scale", "for Everyone", "in Practice", "Revisited", "Fast",
         "Safely", "with Python", "and Friends"]


def _people(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(id, name) of ``count`` made-up people."""
    return [(f"{i + 1:05d}", f"{rng.choice(FIRST)} {rng.choice(LAST)}") for i in range(count)]


def _title(rng: random.Random) -> str:
    return " ".join(rng.sample(WORDS, 3))


def _slots(rng: random.Random, records: int):
    start = datetime(2031, 3, 1, 9, 0)
    for i in range(records):
        yield i, start + timedelta(days=i // 40, minutes=15 * (i % 40)), rng.randint(1, 3)


def frab_xml(records: int, seed: int = 1) -> tuple[str, bytes, dict | None]:
    """A frab ``schedule.xml`` of ``records`` events, one room per day, 1–3 persons each."""
    rng = random.Random(seed)
    people = _people(rng, max(records // 2, 3))
    days: dict[str, list[str]] = {}
    for i, start, n in _slots(rng, records):
        persons = "".join(f"<person id='{pid}'>{name}</person>" for pid, name in rng.sample(people, n))
        days.setdefault(start.date().isoformat(), []).append(
            f"<event guid='g{i}' id='{i + 1}'><date>{start.isoformat()}+01:00</date><start>{start:%H:%M}</start>"
            f"<duration>00:30</duration><room>Hall</room><title>{_title(rng)}</title><track>Main</track>"
            f"<type>lecture</type><language>en</language><abstract>About it.</abstract>"
            f"<persons>{persons}</persons></event>")
    body = "".join(f"<day date='{d}' start='{d}T09:00:00+01:00'><room name='Hall'>\n" + "\n".join(events)
                   + "\n</room></day>\n" for d, events in days.items())
    return "schedule.xml", f"<?xml version='1.0'?>\n<schedule><conference/>\n{body}</schedule>\n".encode(), None


def pretalx_json(records: int, seed: int = 1) -> tuple[str, bytes, dict | None]:
    """A pretalx export regrouped by day, minute and room, with a ``speakers`` collection."""
    rng = random.Random(seed)
    people = _people(rng, max(records // 2, 3))
    speakers = {f"P{pid}": {"code": f"P{pid}", "name": name, "biography": "Bio."} for pid, name in people}
    schedule: dict = {}
    for i, start, n in _slots(rng, records):
        stamp = start.isoformat() + "+01:00"
        chosen = [speakers[f"P{pid}"] for pid, _ in rng.sample(people, n)]
        schedule.setdefault(start.date().isoformat(), {}).setdefault(str(start.hour * 60 + start.minute), {})["1"] = {
            "code": f"T{i:05d}", "title": _title(rng), "speakers": chosen, "state": "confirmed",
            "submission_type": {"en": "Talk", "fr": "Conférence"}, "description": "About it.",
            "slot": {"room_id": 1, "room": {"en": "Hall"}, "start": stamp, "end": stamp}}
    data = {"schedule": schedule, "rooms": [{"id": 1, "name": {"en": "Hall"}}], "speakers": speakers}
    return "schedule.json", json.dumps(data, ensure_ascii=False, indent=1).encode(), None


def sessionize_json(records: int, seed: int = 1, embedded: bool = False) -> tuple[str, bytes, dict | None]:
    """A Sessionize "All" export (speakers as UUID lists), or the same inside code when ``embedded``."""
    rng = random.Random(seed)
    people = _people(rng, max(records // 2, 3))
    uuid = "3f1c2a9e-0000-4000-8000-{:012d}".format
    sessions = [{"id": str(i + 1), "title": _title(rng), "description": "About it.", "startsAt": start.isoformat(),
                 "endsAt": (start + timedelta(minutes=15)).isoformat(), "isServiceSession": False,
                 "speakers": [uuid(int(pid)) for pid, _ in rng.sample(people, n)], "categoryItems": [1],
                 "roomId": 1, "status": "Accepted"} for i, start, n in _slots(rng, records)]
    speakers = [{"id": uuid(int(pid)), "fullName": name, "bio": "Bio.", "tagLine": "Staff Engineer at Example Co",
                 "links": []} for pid, name in people]
    data = {"sessions": sessions, "speakers": speakers, "rooms": [{"id": 1, "name": "Hall"}],
            "categories": [{"id": 1, "title": "Session format", "items": [{"id": 1, "name": "Talk"}]}]}
    text = json.dumps(data, indent=2)
    if not embedded:
        return "sessionize.json", text.encode(), None
    code = "const agenda = parseJson(`\n" + text.replace("\\", "\\\\") + "\n`);\n"
    return "agenda.tsx", code.encode(), {"reader": "sessionize", "embedded": r"parseJson\(`(.*)`\)",
                                         "unescape": "backslashes"}


def records_yaml(records: int, seed: int = 1) -> tuple[str, bytes, dict | None]:
    """A YAML programme (FedGeoDay-like): one record per session, a role per key, "Name, Title, Org" strings."""
    rng = random.Random(seed)
    people = _people(rng, max(records // 2, 3))
    lines = ["program:"]
    for i, start, n in _slots(rng, records):
        chosen = rng.sample(people, n)
        lines += [f"  - title: {_title(rng)}", f"    time: {start:%Y-%m-%dT%H:%M}",
                  f"    moderator: ['{chosen[0][1]}, Director, Agency {i % 7}']",
                  "    participants:"] + [f"      - {name}, Engineer, Lab {j}" for j, (_, name) in enumerate(chosen[1:])]
    part = {"reader": "records", "records": "program", "title": "title", "start": "time",
            "roles": {"moderator": "Moderator", "participants": "Panellist"},
            "person_pattern": ["Name, Title, Org"]}
    return "program.yml", ("\n".join(lines) + "\n").encode(), part


def _letters(n: int) -> str:
    """A made-up middle name for the ``n``-th person, so that no two are alike.

    >>> _letters(0), _letters(1), _letters(27)
    ('Ba', 'Bb', 'Cb')
    """
    word = ""
    n += 26
    while n:
        n, r = divmod(n, 26)
        word = chr(97 + r) + word
    return word.capitalize()


def cards_html(records: int, seed: int = 1) -> tuple[str, bytes, dict | None]:
    """A Markdown page of HTML speaker cards (one session for the page's meeting); a record is one card."""
    rng = random.Random(seed)
    names = [f"{rng.choice(FIRST)} {_letters(i)} {rng.choice(LAST)}" for i in range(records)]  # each card its own
    cards = "".join(f'<figure class="card"><figcaption><h5>{name}</h5><p>Director, Port Authority {i % 9}</p>'
                    f"</figcaption></figure>\n" for i, name in enumerate(names))
    page = f"---\ntitle: Roundtable 2031\n---\n<h3>Roundtable 2031</h3>\n{cards}"
    part = {"reader": "cards", "card": "figure.card", "name": "figcaption h5", "position": "figcaption p",
            "role_label": "Delegate", "default_date": "2031-03-01"}
    return "roundtable.md", page.encode(), part


def programme_md(records: int, seed: int = 1) -> tuple[str, bytes, dict | None]:
    """A Markdown ``| Time | Programme |`` table: one row per session, speakers on the lines under its title."""
    rng = random.Random(seed)
    people = _people(rng, max(records // 2, 3))
    rows = []
    for i, start, n in _slots(rng, records):
        names = " <br>".join(f"{name}, Engineer, Lab {j}" for j, (_, name) in enumerate(rng.sample(people, n)))
        rows.append(f"| {start:%H:%M} | **{_title(rng)}** <br><br>{names} |")
    page = "---\ntitle: Tech Day\n---\n**Date:** 1 March 2031\n\n| Time | Programme |\n|---|---|\n" + "\n".join(rows)
    return "tech-day.md", (page + "\n").encode(), {"reader": "programme"}


SHAPES = {
    "frab": frab_xml,
    "pretalx": pretalx_json,
    "sessionize": sessionize_json,
    "sessionize (embedded in code)": lambda records, seed=1: sessionize_json(records, seed, embedded=True),
    "records (YAML, a role per key)": records_yaml,
    "cards (HTML in Markdown)": cards_html,
    "programme (Markdown table)": programme_md,
}


def measure(records: int = 2000, repeat: int = 3, seed: int = 1) -> list[dict]:
    """Read each shape's generated export ``repeat`` times; the median time and records per second."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in SHAPES.items():
            rel, data, part = make(records, seed)
            folder = Path(tmp) / name.split()[0] / str(len(out))
            folder.mkdir(parents=True)
            (folder / rel).write_bytes(data)
            if part:
                profile = tomli_w.dumps({"parts": [{"files": rel, **part}]})
                (folder / "speakergraph.toml").write_text(profile, encoding="utf-8")
            site = site_for(folder)
            times, parsed = [], None
            for _ in range(repeat):
                t0 = time.perf_counter()
                parsed = pipeline(rel, data, site)
                times.append(time.perf_counter() - t0)
            median = statistics.median(times)
            count = records if name.startswith("cards") else len(parsed.sessions)  # a card page is one meeting
            out.append({"reader": name, "records": count,
                        "rows": sum(len(s.rows) for s in parsed.sessions), "median_s": round(median, 4),
                        "records_per_s": round(count / median) if median else None})
    return out


@click.command()
@click.option("--records", type=int, default=2000, show_default=True, help="Sessions per generated export.")
@click.option("--repeat", type=int, default=3, show_default=True, help="Reads of each export (the median is kept).")
def main(records: int, repeat: int) -> None:
    """Print records/s of each file-format reader as a Markdown table."""
    print("| reader | records | rows | median s | records/s |\n|---|---:|---:|---:|---:|")
    for row in measure(records, repeat):
        print(f"| {row['reader']} | {row['records']:,} | {row['rows']:,} | {row['median_s']} | "
              f"{row['records_per_s']:,} |")
    print(f"({records:,} records per export; {repeat} reads each)", file=sys.stderr)


if __name__ == "__main__":
    main()
