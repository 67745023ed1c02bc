"""Counts of what the store holds, and the data-quality report.

Both are SPARQL over the store, so they work on any store and survive
re-ingests: each file's notes live in its own graph.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.results import table
from graph.store import Store
from graph.text import printable, quoted

PREFIX = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# one sub-select per count: a UNION of the nine, counted together, took 1.3x as long at 10k files
COUNTS = PREFIX + """
SELECT ?files ?series_ ?editions ?sessions ?appearances ?people ?organisations ?countries ?notes WHERE {
  { SELECT (COUNT(DISTINCT ?file) AS ?files) WHERE { ?file a sg:SourceFile } }
  { SELECT (COUNT(DISTINCT ?series) AS ?series_) WHERE { ?series a schema:EventSeries } }
  { SELECT (COUNT(DISTINCT ?edition) AS ?editions) WHERE { ?edition a sg:Edition } }
  { SELECT (COUNT(DISTINCT ?session) AS ?sessions) WHERE { ?session a sg:Session } }
  { SELECT (COUNT(DISTINCT ?appearance) AS ?appearances) WHERE { ?appearance a sg:Appearance } }
  { SELECT (COUNT(DISTINCT ?person) AS ?people) WHERE { ?person a schema:Person } }
  { SELECT (COUNT(DISTINCT ?org) AS ?organisations) WHERE { ?org a org:Organization } }
  { SELECT (COUNT(DISTINCT ?country) AS ?countries) WHERE { ?x sg:country ?country } }
  { SELECT (COUNT(DISTINCT ?note) AS ?notes) WHERE { ?note a sg:Note } }
}"""

NOTES = PREFIX + """
SELECT ?path ?line ?kind ?message WHERE {
  ?note a sg:Note ; sg:noteKind ?kind ; rdfs:comment ?message ; prov:wasDerivedFrom ?g .
  ?g sg:path ?path .
  OPTIONAL { ?note sg:line ?line }
} ORDER BY ?path ?line ?kind ?message"""

UNRESOLVED_LINKS = PREFIX + """
SELECT ?link ?path ?line ?name WHERE {
  ?a sg:speakerLink ?link ; sg:person ?person ; prov:wasDerivedFrom ?g ; sg:printedName ?name .
  ?g sg:path ?path .
  OPTIONAL { ?a sg:line ?line }
  FILTER NOT EXISTS { ?person schema:subjectOf ?page }
} ORDER BY ?link ?path ?line"""

KIND_TITLES = {
    "failed-file": "Files that could not be read",
    "skipped-file": "Files skipped",
    "not-a-panel": "Tables that are not panel tables",
    "skipped-row": "Rows skipped or without a role",
    "unknown-role": "Unknown role headings",
    "date-mismatch": "Body date contradicts the front matter",
    "bad-time": "Time lines that could not be read",
    "no-zone": "Time lines without a time zone",
    "no-organisation": "Rows without an organisation",
    "no-country": "Rows without a country",
    "unknown-country": "Countries not in the country table",
    "repeated-row": "Repeated rows (merged)",
    "unknown-speaker": "Speakers not found on the site",
    "superseded": "Superseded versions (a draft and its final; the draft's facts are left out)",
    "translation": "Translations of a session (the site's default language is read; the others are left out)",
    "second-job": "Entries naming no person (read as the position of the person before)",
    "merged-person": "People merged under one key (how their names agree)",
    "namesake": "Namesakes kept apart",
    "not-a-person": "Entries that name nobody (skipped)",
    "read-twice": "Sessions read by two parts of the profile",
    "role-as-title": "Role fields holding a job title",
    "bad-line": "Lines of a schedule ignored",
    "names-not-used": "Printed names not used (speaker ids name the people)",
    "date-corrected": "Dates whose weekday gave the edition's year",
    "placeholder": "Placeholder pages and rows",
    "control-character": "Control characters removed",
    "name-clash": "Folders with files of the same name in one series",
    "no-people": "Sessions that name nobody",
    "cancelled": "Sessions marked cancelled (skipped)",
    "postponed": "Sessions marked postponed (check their date)",
}


@dataclass
class Report:
    """The data-quality report: notes by kind, and speaker links without a page."""

    notes: list[dict]
    unresolved: list[dict]

    def by_kind(self) -> dict[str, list[dict]]:
        """Notes grouped by kind, in the order of ``KIND_TITLES``."""
        groups: dict[str, list[dict]] = {}
        for note in self.notes:
            groups.setdefault(note["kind"], []).append(note)
        order = list(KIND_TITLES)
        return dict(sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))


def counts(store: Store) -> dict[str, int]:
    """How many files, series, editions, sessions, appearances, people, organisations, countries, notes."""
    row = table(store.query(COUNTS)).dicts()[0]
    return {k.rstrip("_"): int(v) for k, v in row.items()}


def report(store: Store) -> Report:
    """Every note of every file, and every speaker link that resolves to no speaker page."""
    return Report(table(store.query(NOTES)).dicts(), table(store.query(UNRESOLVED_LINKS)).dicts())


def format_report(rep: Report) -> str:
    """The report as text, one section per kind."""
    lines: list[str] = []
    for kind, notes in rep.by_kind().items():
        lines.append(f"## {KIND_TITLES.get(kind, kind)} ({len(notes)})")
        lines += [printable(f"{quoted(n['path'])}:{n['line']}: {n['message']}" if n.get("line")
                            else f"{quoted(n['path'])}: {n['message']}") for n in notes]
        lines.append("")
    links: dict[str, list[dict]] = {}
    for row in rep.unresolved:
        links.setdefault(row["link"], []).append(row)
    lines.append(f"## Speaker links that resolve to no speaker page ({len(links)})")
    for link, rows in links.items():
        where = ", ".join(f"{quoted(r['path'])}:{r.get('line', '')}" for r in rows[:3]) + (" …" if len(rows) > 3 else "")
        lines.append(printable(f"{link} ({rows[0]['name']}): {where}"))
    return "\n".join(lines) + "\n"
