"""A drafted profile as data (tables of entries, each with its evidence) and its TOML text with comments.

Values are written by tomli-w; the comments around them are ours. Before it is written,
:func:`settle` asks each reader (its ``check``) and the profile parser about every option:
what they refuse is commented out with their reason, so the drafted text always loads.

>>> t = Table(why=["3 pages in talks/"])
>>> t.set("files", "talks/*.md"); t.set("reader", "frontmatter"); t.set("start", "when", "3 of 3 have 'when'")
>>> print(render(Draft(root="x", files=3, parts=[t])), end="")  # doctest: +ELLIPSIS
# speakergraph.toml drafted ...
<BLANKLINE>
[site]
<BLANKLINE>
# 3 pages in talks/
[[parts]]
files = "talks/*.md"
reader = "frontmatter"
# 3 of 3 have 'when'
start = "when"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field

import tomli_w

from graph.errors import IngestError
from ingest import profile as profiles
from ingest import readers


@dataclass
class Entry:
    """One ``key = value`` line, the evidence for it, and whether it is only suggested (commented)."""

    key: str
    value: object
    why: list[str] = field(default_factory=list)
    commented: bool = False


@dataclass
class Table:
    """The ``[site]`` table or one ``[[parts]]`` table being drafted."""

    why: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    comment_only: bool = False  # a finding that needs no table: only its comments are written
    commented: str | None = None  # why the whole table is commented out
    session_values: list[str] = field(default_factory=list)  # what the drafter saw, for joins
    whens: list = field(default_factory=list)
    permalinks: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # where a part's cards link to
    pages: list[str] = field(default_factory=list)  # the files a part's evidence comes from
    needs_year: bool = False  # its dates print no year: [site] year must give it
    undated: str = ""  # why its files give no date: the draft gives the date the site prints most
    first_day_needed: bool = False  # its files or values number their day ("schedule_day2"): first_day dates day 1

    def set(self, key: str, value, *why: str, commented: bool = False) -> None:
        """Set ``key`` (replacing it; tables such as ``roles`` are merged) with the evidence lines."""
        old = next((e for e in self.entries if e.key == key), None)
        if old and isinstance(old.value, dict) and isinstance(value, dict) and old.commented == commented:
            old.value = {**old.value, **value}
            old.why += list(why)
            return
        if old:
            self.entries.remove(old)
        self.entries.append(Entry(key, value, list(why), commented))

    def get(self, key: str):
        """The value of ``key`` when set and not commented."""
        return next((e.value for e in self.entries if e.key == key and not e.commented), None)

    def values(self) -> dict:
        """The table's uncommented ``{key: value}``."""
        return {e.key: e.value for e in self.entries if not e.commented}


@dataclass
class Draft:
    """A drafted profile: header facts, the ``[site]`` table, the parts, trailing notes."""

    root: str
    files: int
    site: Table = field(default_factory=Table)
    parts: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    nothing: list[str] = field(default_factory=list)  # what was looked for, when nothing fits
    twins: list[str] = field(default_factory=list)  # schedule exports left out for their twin (ingest/draft_twins.py)

    def profile(self) -> dict:
        """The profile as TOML data (what loading the rendered text gives)."""
        parts = [p.values() for p in self.parts if not p.comment_only and not p.commented]
        return {"site": self.site.values(), **({"parts": parts} if parts else {})}


def settle(draft: Draft, where: str = "drafted profile") -> Draft:
    """Comment out what the profile parser or a reader's ``check`` refuses, with its reason."""
    for entry in draft.site.entries:
        if not entry.commented and _refused_site(entry, where):
            entry.why.append(_refused_site(entry, where))
            entry.commented = True
    for i, part in enumerate(draft.parts):
        if part.comment_only or part.commented:
            continue
        reader = part.get("reader")
        if reader not in readers.READERS:
            part.commented = (f"the {reader!r} reader is not in this version of speakergraph "
                              f"(readers: {', '.join(readers.READERS)})")
            continue
        for entry in part.entries:
            if entry.key in ("files", "reader") or entry.commented:
                continue
            reason = _refused_option(reader, entry, where, i)
            if reason:
                entry.why.append(f"refused by the {reader} reader: {reason}")
                entry.commented = True
    return draft


def _refused_site(entry: Entry, where: str) -> str | None:
    try:
        profiles.parse({"site": {entry.key: entry.value}}, where)
    except IngestError as exc:
        return exc.reason
    return None


def _refused_option(reader: str, entry: Entry, where: str, index: int) -> str | None:
    try:
        readers.check(reader, {entry.key: entry.value}, where, f"[[parts]] number {index + 1}")
    except IngestError as exc:
        return exc.reason.split(": ", 1)[-1].removesuffix(" — see docs/sites.md")
    return None


def render(draft: Draft) -> str:
    """The drafted profile as TOML text, each guess after its evidence in ``#`` lines."""
    out = [f"# speakergraph.toml drafted by 'speakergraph profile' from {draft.root} ({draft.files} text files).",
           "# Each guess follows the evidence for it; commented lines are guesses to check or fill in.",
           "# Try it: speakergraph ingest --dry-run DIR --profile THIS_FILE; then save it as DIR/speakergraph.toml.",
           ""]
    out += _comment(draft.nothing)
    out += _table("[site]", draft.site)
    for part in draft.parts:
        out.append("")
        if part.comment_only:
            out += _comment(part.why)
            continue
        out += _table("[[parts]]", part)
    if draft.notes:
        out.append("")
        out += _comment(draft.notes)
    text = "\n".join(out) + "\n"
    profiles.parse(tomllib.loads(text), "drafted profile")  # what is written must load
    return text


def _table(header: str, table: Table) -> list[str]:
    lines = _comment(table.why if header == "[[parts]]" else [])
    lines.append(header)
    if header == "[site]":
        lines += _comment(table.why)
    for entry in table.entries:
        lines += _comment(entry.why)
        line = toml_line(entry.key, entry.value)
        lines.append(("# " + line) if entry.commented else line)
    if table.commented:
        lines = _comment([table.commented]) + ["# " + line if line and not line.startswith("#") else line
                                               for line in lines]
    return lines


def toml_line(key: str, value) -> str:
    """One ``key = value`` line; tomli-w writes the key and each scalar, lists and tables stay on the line.

    >>> toml_line("roles", {"Trigger speaker": "speaker"}), toml_line("files", ["a/*.md", "b.yml"])
    ('roles = { "Trigger speaker" = "speaker" }', 'files = ["a/*.md", "b.yml"]')
    """
    return f"{tomli_w.dumps({key: 0}).rsplit(' = ', 1)[0]} = {_value(value)}"


def _value(value) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(toml_line(str(k), v) for k, v in value.items()) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return tomli_w.dumps({"v": value}).strip()[len("v = "):]


def _comment(lines: list[str]) -> list[str]:
    return [f"# {line}" for text in lines for line in str(text).splitlines()]
