"""Write a synthetic corpus in the SICW page format, deterministic from a seed, with its expected counts.

The corpus holds several event series, one folder each with a ``speakergraph.toml``
profile, and one ``_YYYY-events/<date>/<title>.md`` and ``_YYYY-speakers/*.md``
folder pair per edition::

    OUT/hcf/speakergraph.toml
    OUT/hcf/_2023-events/14 March 2023/Workshop on Ransomware.md
    OUT/hcf/_2023-speakers/Speaker – Dr Talen Morik.md
    OUT/expected.json

Speakers are drawn Zipf-like, so a few appear dozens of times. The pages carry
the variants of the real site (time lines, role headings with and without a
delimiter row, multi-position cells, honorifics, links with ``-YYYY`` suffixes,
links to pages that do not exist) and a counted number of planted faults; the
counts land in ``expected.json`` so a test can check an ingest end to end.

    python -m bench.generate --files 10000 --seed 1 bench/corpus/10000
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

import click

from bench import lexicon
from graph.ids import slugify
from ingest.names import HONORIFICS, POST_NOMINALS

EXPECTED = "expected.json"

SERIES = [("hcf", "Harbour Cyber Forum", "+8"), ("ndw", "Northern Digital Week", "+1"),
          ("psd", "Pacific Security Dialogue", "+10"), ("gtg", "Global Tech Governance Summit", "-5"),
          ("mcc", "Meridian Cyber Conference", "+4"), ("acs", "Austral Cyber Symposium", "+12")]

# honorific as usually printed, and the other ways it is printed
HONORIFIC_VARIANTS = [
    ("Mr", ["Mr", "Mr", ""]), ("Ms", ["Ms", "Ms", ""]), ("Dr", ["Dr", "Dr."]),
    ("Prof", ["Prof", "Professor", "Prof."]), ("H.E.", ["H.E.", "HE"]), ("Amb", ["Amb", "Ambassador"]),
    ("Lieutenant General", ["Lieutenant General", "Lt Gen"]), ("AVM", ["AVM", "Air Vice Marshal"]),
    ("H.E. Dr", ["H.E. Dr", "HE Dr", "Dr"]), ("", [""]),
]
HONORIFIC_WEIGHTS = [30, 25, 18, 6, 6, 4, 2, 1, 2, 6]

# rates of the variants, and of the faults planted on purpose (each one counted)
UNKNOWN_ROLE = "Interpreters"  # a role heading no role word covers (data/roles.toml)
RATES = {"no_country": 0.05, "no_org": 0.03, "no_zone": 0.03, "tbc": 0.04, "unknown_role": 0.01,
         "closed": 0.06, "no_link": 0.1, "other_link": 0.1, "page": 0.85, "page_no_country": 0.1}

_BAD_WORDS = {slugify(h) for h in HONORIFICS} | {p.lower() for p in POST_NOMINALS}


@dataclass
class Expected:
    """What an ingest of the corpus must find."""

    seed: int
    event_files: int = 0
    speaker_files: int = 0
    sessions: int = 0
    appearances: int = 0
    people: int = 0
    unresolved_links: int = 0
    max_appearances: int = 0
    notes: dict[str, int] = field(default_factory=dict)
    sites: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path) -> "Expected":
        """The counts written beside a generated corpus."""
        return cls(**json.loads((Path(folder) / EXPECTED).read_text(encoding="utf-8")))


@dataclass
class Person:
    """An invented speaker: identity key, printed forms, usual positions and country."""

    key: str
    name: str
    honorific: str
    variants: list[str]
    positions: list[tuple[str, str]]
    country: list[str]
    has_page: bool
    slug_style: str


@dataclass
class Edition:
    """One year of one series, with its days and number of sessions."""

    series: str
    name: str
    zone: str
    year: int
    days: list[date]
    sessions: int


def generate(folder: str | Path, files: int, seed: int = 1) -> Expected:
    """Write ``files`` event pages (and their speaker pages) under ``folder``; return the expected counts."""
    folder = Path(folder)
    corpus = _Corpus(folder, random.Random(seed), files, Expected(seed=seed))
    corpus.write()
    (folder / EXPECTED).write_text(json.dumps(asdict(corpus.expected), indent=2) + "\n", encoding="utf-8")
    return corpus.expected


def plan(rng: random.Random, files: int) -> list[Edition]:
    """Editions for ``files`` sessions: 1–6 series, up to 12 yearly editions each, 3–4 days each.

    >>> eds = plan(random.Random(1), 60)
    >>> sum(e.sessions for e in eds), len({e.series for e in eds}), len({e.year for e in eds}) >= 2
    (60, 2, True)
    """
    n_series = 1 if files < 20 else min(len(SERIES), 2 + files // 5000)
    years = max(2, min(12, -(-files // (n_series * 300))))
    editions = []
    for key, name, zone in SERIES[:n_series]:
        month, day = rng.randint(1, 11), rng.randint(1, 24)
        for year in range(2025 - years, 2025):
            first = date(year, month, day) + timedelta(days=rng.randint(-3, 3))
            days = [first + timedelta(days=i) for i in range(rng.choice((3, 3, 4)))]
            editions.append(Edition(key, name, zone, year, days, 0))
    per, extra = divmod(files, len(editions))
    for i, edition in enumerate(editions):
        edition.sessions = per + (1 if i < extra else 0)
    return editions


class _Corpus:
    """The state of one generation run: people, pages to write, counts."""

    def __init__(self, folder: Path, rng: random.Random, files: int, expected: Expected):
        self.folder, self.rng, self.files, self.expected = folder, rng, files, expected
        self.people = _people(rng, max(30, int(files * 1.2)))
        self.cum = list(itertools.accumulate(1 / (i + 10) for i in range(len(self.people))))
        self.notes: Counter[str] = Counter()
        self.permalinks: dict[tuple[str, int, int], str] = {}
        self.first_year: dict[tuple[str, int], int] = {}
        self.pages: dict[tuple[str, int], dict[int, str]] = {}  # (series, year) → {person: role word}
        self.appearances: Counter[int] = Counter()
        self.linked_rows: Counter[int] = Counter()
        self.countryless: Counter[int] = Counter()  # rows printing no country, by person
        self.page_country: set[int] = set()  # people with a speaker page that prints a country

    def write(self) -> None:
        for edition in plan(self.rng, self.files):
            site = self.folder / edition.series
            if edition.series not in self.expected.sites:
                self.expected.sites.append(edition.series)
                site.mkdir(parents=True, exist_ok=True)
                (site / "speakergraph.toml").write_text(
                    f'[site]\nseries = "{edition.series}"\nname = "{edition.name}"\nreader = "sicw"\n', encoding="utf-8")
            self._edition(site, edition)
        paged = {p for people in self.pages.values() for p in people}
        e = self.expected
        e.appearances = sum(self.appearances.values())
        e.people = len(self.appearances)
        e.max_appearances = max(self.appearances.values(), default=0)
        e.unresolved_links = sum(n for p, n in self.linked_rows.items() if p not in paged)
        # a row printing no country takes the one a speaker page of its person prints: a note only without one
        self.notes["no-country"] += sum(n for p, n in self.countryless.items() if p not in self.page_country)
        e.notes = dict(sorted((k, v) for k, v in self.notes.items() if v))

    def _edition(self, site: Path, edition: Edition) -> None:
        taken: dict[date, set[str]] = {d: set() for d in edition.days}
        for _ in range(edition.sessions):
            day = self.rng.choice(edition.days)
            title = _unique_title(self.rng, taken[day])
            text = self._session(edition, day, title)
            path = site / f"_{edition.year}-events" / _long_date(day) / f"{title}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.expected.event_files += 1
            self.expected.sessions += 1
        for index, role_word in self.pages.get((edition.series, edition.year), {}).items():
            self._speaker_page(site, edition, index, role_word)

    # --- session pages ---------------------------------------------------------------------

    def _session(self, edition: Edition, day: date, title: str) -> str:
        rng = self.rng
        slug = slugify(title)
        meta = {"title": title, "permalink": f"/archive/{day.year}/events/{day.day}-{day.strftime('%b').lower()}/{slug}/",
                "variant": "markdown", "description": "", "third_nav_title": _long_date(day)}
        heading = title.replace("–", "-") if rng.random() < 0.5 else title
        closed = rng.random() < RATES["closed"]
        lines = [_front_matter(meta), f"#### **{heading}**", "",
                 f"**{_long_date(day)} ({day.strftime('%A')})**  ", self._time_line(edition), ""]
        if closed:
            lines += ["*Format: Closed Door Event*", ""]
            self.notes["no-people"] += 1  # a session page that names nobody: the reader says so
        if rng.random() < 0.2:
            lines += [f"**{heading}**", ""]
        for _ in range(rng.choice((1, 1, 2, 3))):
            lines += [lexicon.paragraph(rng, rng.randint(1, 4)), ""]
        if not closed:
            people = self._draw(rng.randint(2, 9))
            if len(people) >= 6 and rng.random() < 0.3:
                half = len(people) // 2
                lines += self._table(edition, people[:half])
                lines += ["", f"**Segment II: {lexicon.session_title(rng)}**", "", lexicon.paragraph(rng, 2), ""]
                people = people[half:]
            lines += self._table(edition, people)
        lines += ["", "<br><br><br>", "*Information is accurate at time of publication*"]
        return "\n".join(lines)

    def _time_line(self, edition: Edition) -> str:
        rng = self.rng
        if rng.random() < RATES["tbc"]:
            return "*Time TBC*"
        start = rng.choice([(8, 30), (9, 0), (9, 30), (10, 0), (11, 15), (13, 30), (14, 0), (16, 0)])
        minutes = start[0] * 60 + start[1] + rng.choice((20, 45, 60, 90, 120, 180, 390))
        span = [_clock(*start), rng.choice((" to ", " to ", "-", " – ")), _clock(minutes // 60, minutes % 60)]
        if rng.random() < RATES["no_zone"] or not self.notes["no-zone"]:  # at least one of each fault
            self.notes["no-zone"] += 1
            return f"*Time: {''.join(span)}*"
        zone = rng.choice((f"(GMT {edition.zone})", f"(GMT{edition.zone})", f"(GMT {edition.zone})"))
        return f"*Time: {''.join(span)} {zone}*"

    def _draw(self, n: int) -> list[int]:
        chosen: list[int] = []
        while len(chosen) < min(n, len(self.people)):
            i = bisect.bisect_left(self.cum, self.rng.random() * self.cum[-1])
            if i not in chosen:
                chosen.append(i)
        return chosen

    def _table(self, edition: Edition, people: list[int]) -> list[str]:
        rng = self.rng
        lines: list[str] = []
        for g, (label, members) in enumerate(_groups(rng, people, force_unknown=not self.notes["unknown-role"])):
            head = f"**{label}**" if rng.random() < 0.97 else label
            lead = "" if g == 0 else rng.choice(("<br>", "<br> "))
            lines.append(f"|{lead}{head}          |                                                              |")
            if g == 0 and rng.random() < 0.3:
                lines.append("|------|------|")
            for index in members:
                lines.append(self._row(edition, self.people[index], index, label))
        if rng.random() < 0.2:
            lines.append("| | |")
        return lines

    def _row(self, edition: Edition, person: Person, index: int, label: str) -> str:
        rng = self.rng
        printed = _printed(rng, person)
        self.appearances[index] += 1
        if label == UNKNOWN_ROLE:
            self.notes["unknown-role"] += 1
        if rng.random() < RATES["no_link"]:
            name_cell = printed
        else:
            name_cell = f"[{printed}]({self._link(edition, person, index, label)})"
            self.linked_rows[index] += 1
        return f"| {name_cell}  | {self._cell(person, index)}     |"

    def _link(self, edition: Edition, person: Person, index: int, label: str) -> str:
        page = (edition.series, edition.year, index)
        if page not in self.permalinks:
            first = self.first_year.setdefault((edition.series, index), edition.year)
            base = f"{slugify(person.honorific)}-{person.key}" if person.slug_style == "honorific" else person.key
            suffix = f"-{edition.year}" if edition.year != first else ""
            self.permalinks[page] = f"/speakers/{base}{suffix}/"
            if person.has_page:
                self.pages.setdefault(page[:2], {})[index] = _role_word(label)
        if self.rng.random() < RATES["other_link"]:
            return f"/speakers/{slugify(self.rng.choice(['Mr', 'Ms', 'Dr', 'HE']))}-{person.key}/"
        return self.permalinks[page]

    def _cell(self, person: Person, index: int) -> str:
        rng = self.rng
        country = "" if rng.random() < RATES["no_country"] else rng.choice(person.country)
        if not country:
            self.countryless[index] += 1
        if rng.random() < RATES["no_org"]:
            self.notes["no-organisation"] += 1
            # a speaker page printing the same title would lend its organisation (ingest.page_positions): a person
            # with a page is printed with a title of this session only
            title = "Session rapporteur" if person.has_page else person.positions[0][0]
            return f"*{title}*" + (f"<br>{country}" if country else "")
        positions = person.positions if rng.random() < 0.5 else person.positions[:1]
        tail = f"<br>{country}" if country else ""
        if len(positions) > 1:
            sep = rng.choice((", ", " <br>"))
            return "<br>".join(f"*{t}*{sep}{o}" for t, o in positions) + tail
        (title, org), = positions
        form = rng.randrange(3)
        if form == 2 and country:
            return f"*{title}*<br>{org}, {country}"
        return f"*{title}*, {org}{tail}" if form == 1 else f"*{title}* <br>{org}{tail}"

    # --- speaker pages ---------------------------------------------------------------------

    def _speaker_page(self, site: Path, edition: Edition, index: int, role_word: str) -> None:
        rng, person = self.rng, self.people[index]
        printed = _printed(rng, person)
        permalink = self.permalinks[(edition.series, edition.year, index)]
        title = f"{role_word} – {printed}"
        lines = [_front_matter({"title": title, "permalink": permalink, "variant": "markdown", "description": ""})]
        if rng.random() < 0.7:
            lines.append(f"![](/images/{edition.year}%20speakers/{printed.replace(' ', '_')}.png)")
        country = rng.choice(person.country)
        if rng.random() < RATES["page_no_country"]:
            self.notes["no-country"] += 1
            country = ""
        else:
            self.page_country.add(index)
        block = "<br>".join(f"{t}, <br> {o}" for t, o in person.positions[:1]) + (f"<br>{country}" if country else "")
        lines += [f"#### **{printed}**", "", f"*{block}*", ""]
        if rng.random() < 0.8:
            lines += ["##### **Biography**", lexicon.paragraph(rng, rng.randint(2, 5))]
        path = site / f"_{edition.year}-speakers" / f"{title}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")
        self.expected.speaker_files += 1


def _people(rng: random.Random, n: int) -> list[Person]:
    people: list[Person] = []
    keys: set[str] = set()
    while len(people) < n:
        name = lexicon.person_name(rng)
        key = slugify(name)
        words = key.split("-")
        if key in keys or words[0] in _BAD_WORDS or words[-1] in _BAD_WORDS or len(words[0]) < 3:
            continue
        keys.add(key)
        honorific, variants = rng.choices(HONORIFIC_VARIANTS, weights=HONORIFIC_WEIGHTS)[0]
        positions = [(lexicon.job_title(rng), lexicon.organisation(rng)) for _ in range(rng.choice((1, 1, 2)))]
        people.append(Person(key, name, honorific, variants, positions, rng.choice(lexicon.COUNTRIES),
                             len(people) < 20 or rng.random() < RATES["page"],
                             rng.choice(("plain", "plain", "honorific"))))
    return people


def _groups(rng: random.Random, people: list[int], force_unknown: bool = False) -> list[tuple[str, list[int]]]:
    """Role headings over the drawn people, in the orders real pages use."""
    rest = list(people)
    groups: list[tuple[str, list[int]]] = []

    def take(label: str, n: int) -> None:
        if rest and n:
            groups.append((label, [rest.pop(0) for _ in range(min(n, len(rest)))]))

    if len(rest) >= 4 and rng.random() < 0.15:
        take("Guest of Honour", 1)
    if len(rest) >= 4 and rng.random() < 0.15:
        take(rng.choice(("Opening Remarks", "Welcome Address", "Speakers (Opening Remarks)")), 1)
    if len(rest) >= 3 and rng.random() < 0.25:
        take(rng.choice(("Keynote Speaker", "Keynote Speakers")), 1)
    if len(rest) >= 3 and (rng.random() < RATES["unknown_role"] * 3 or force_unknown):
        take(UNKNOWN_ROLE, 1)
    moderator = rest.pop() if len(rest) >= 2 and rng.random() < 0.85 else None
    take(rng.choice(("Panellists", "Panellists", "Panelists", "Speakers", "Speaker", "Fireside Chat")), len(rest))
    if moderator is not None:
        groups.append(("Moderator", [moderator]))
    return groups


def _printed(rng: random.Random, person: Person) -> str:
    return f"{rng.choice(person.variants)} {person.name}".strip()


def _role_word(label: str) -> str:
    return {"Moderator": "Moderator", "Guest of Honour": "Guest of Honour"}.get(label, "Speaker")


def _unique_title(rng: random.Random, taken: set[str]) -> str:
    title = lexicon.session_title(rng)
    for part in itertools.count(2):
        if slugify(title) not in taken:
            taken.add(slugify(title))
            return title
        title = f"{lexicon.session_title(rng)} (Part {part})" if part > 4 else lexicon.session_title(rng)
    raise AssertionError("unreachable")


def _long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _clock(hour: int, minute: int) -> str:
    """``9.30am``, ``12.00pm``, ``4.15pm``.

    >>> _clock(9, 30), _clock(12, 0), _clock(16, 15)
    ('9.30am', '12.00pm', '4.15pm')
    """
    return f"{hour % 12 or 12}.{minute:02d}{'am' if hour < 12 else 'pm'}"


def _front_matter(meta: dict) -> str:
    r"""Jekyll front matter, quoting only the values that YAML needs quoted.

    >>> print(_front_matter({"title": "A: B", "description": ""}))
    ---
    title: "A: B"
    description: ""
    ---
    """
    def value(v: str) -> str:
        needs = not v or any(c in v for c in ":#'\"[]{}&*!|>%@`,") or v[0] in "-? "
        return json.dumps(v, ensure_ascii=False) if needs else v

    return "\n".join(["---", *(f"{k}: {value(str(v))}" for k, v in meta.items()), "---"])


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--files", type=click.IntRange(1), default=1000, show_default=True, help="Number of event pages.")
@click.option("--seed", type=int, default=1, show_default=True)
def main(out: Path, files: int, seed: int) -> None:
    """Write a synthetic corpus of FILES event pages (and their speaker pages) to OUT."""
    if out.exists() and any(out.iterdir()):
        raise click.UsageError(f"{out} is not empty — pass an empty or new folder")
    expected = generate(out, files, seed)
    click.echo(f"wrote {expected.event_files} event and {expected.speaker_files} speaker pages to {out}", err=True)
    json.dump(asdict(expected), sys.stdout, indent=2)
    click.echo()


if __name__ == "__main__":
    main()
