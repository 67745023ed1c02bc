"""Plain records that flow through the ingest pipeline: read → parse → normalize → triples.

Raw strings (as printed) are kept beside normalized values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class Note:
    """Something the data-quality report should say about a file or row."""

    path: str
    line: int | None
    kind: str  # e.g. "skipped-file", "skipped-row", "unknown-role", "no-country"
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class Document:
    """A file as read: front matter, body, and where the body starts; a data file's parsed content.

    Pages (Markdown, HTML) have ``meta`` (YAML or TOML front matter) and ``body``; data files
    (YAML, JSON, TOML, CSV, XML) have ``data``, the parsed content (lists, mappings, an XML element),
    with ``body`` their text; other text files (e.g. code carrying programme data) have only ``body``.
    """

    path: str  # relative to the ingested folder, POSIX separators
    sha256: str
    meta: dict
    body: str
    body_line: int  # 0-based line of the file where ``body`` starts
    data: object = None  # a data file's content; None for pages
    front: str = "yaml"  # the front matter's format: "yaml" or "toml"
    encoding: str = "utf-8"  # "cp1252" for a file saved as Windows-1252 (Excel's CSV), read as such

    @property
    def suffix(self) -> str:
        """The file's suffix in lower case, without the dot (``"md"``, ``"json"``)."""
        name = self.path.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[-1].lower() if "." in name else ""


@dataclass
class Position:
    """A title at an organisation, as printed (either may be missing)."""

    title: str | None = None
    organisation: str | None = None
    org_key: str | None = None  # filled by normalize, then identity
    parent_key: str | None = None  # the parent organisation ("Unit, Parent"), filled by identity
    parent_name: str | None = None
    source: str | None = None  # the speaker page's file graph, when the position was taken from it


@dataclass(frozen=True)
class Name:
    """A printed name split into honorific, name and post-nominals (frozen: ``split_name`` hands out one per
    printed name)."""

    printed: str
    honorific: str | None
    name: str
    post_nominal: str | None = None


@dataclass
class Row:
    """One person row of a panel table: one appearance as printed."""

    line: int
    role_label: str
    printed_name: str
    link: str | None
    positions: list[Position] = field(default_factory=list)
    country_label: str | None = None
    name_printed: bool = True  # False when the page gives only a slug: the name comes from the speaker page
    honorific: str | None = None  # printed in a field of its own (a data file's "salutation")
    # filled by normalize
    role: str = "other"
    name: Name | None = None
    person_key: str = ""
    country_code: str | None = None
    same_as: list[str] = field(default_factory=list)  # keys merged into person_key


@dataclass
class SessionPage:
    """One session page: one session on one date."""

    path: str
    title: str
    permalink: str | None
    date: date | None
    date_label: str | None = None
    time_label: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    format: str | None = None
    abstract: str = ""
    rows: list[Row] = field(default_factory=list)
    key: str = ""  # page slug, filled by normalize
    series: str = ""
    series_name: str = ""
    room: str | None = None
    track: str | None = None
    # a stub's (a speakers file placing people in another file's slot) title of their talk, "" when its people
    # give several: titles the slot when the slot prints only its format (ingest.session_roles.from_slots)
    talk_title: str | None = None
    # an item of a speaker page's own list of talks (ingest.listed_talks): its text prints the title of the slot it
    # joins, in the edition of ``year`` (the heading above it) when given (ingest.title_slots.join)
    listed: bool = False
    year: int | None = None


@dataclass
class SpeakerPage:
    """A speaker's own page."""

    path: str
    line: int
    permalink: str | None
    printed_name: str
    image: str | None = None
    biography: str = ""
    positions: list[Position] = field(default_factory=list)
    country_label: str | None = None
    name: Name | None = None
    person_key: str = ""
    country_code: str | None = None
    extra: dict = field(default_factory=dict)  # e.g. social links on other sites
    same_as: list[str] = field(default_factory=list)  # keys merged into person_key
    honorific: str | None = None  # printed in a field of its own (a data file's "salutation"), as on a Row
    # the role a speaker card prints in place of a job ("Moderator"): of the person's appearances in that edition
    # printed with no role of their own (``ingest.page_positions``)
    role_label: str | None = None


@dataclass
class Parsed:
    """What one file yielded: sessions, speaker pages, and notes for the report."""

    doc: Document
    reader: str
    sessions: list[SessionPage] = field(default_factory=list)
    speakers: list[SpeakerPage] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    # filled by ingest/versions.py: this file's claim to its session, and the file whose version replaces it
    version_keys: list[str] = field(default_factory=list)
    version_rank: str = ""
    superseded_by: str | None = None
