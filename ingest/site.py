"""A site: one folder given to ``ingest``, its series, its profile, and which reader reads which file.

>>> _series_from_folder(Path("/x/sicw-2024")), _series_from_folder(Path("/x/OpenDDD__dddmelbourne-website"))
('sicw', 'OpenDDD__dddmelbourne-website')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from graph import ids
from graph.errors import IngestError
from ingest import profile as profiles
from ingest import readers
from ingest.code_data import SUFFIXES as CODE_SUFFIXES
from ingest.datafile import SUFFIXES as DATA_SUFFIXES
from ingest.profile import Part, Profile, Settings
from ingest.read import HTML_SUFFIXES, relpath

# what detection and parts look at; anything else (images, stylesheets) is never read
TEXT_SUFFIXES = readers.PAGE_SUFFIXES + HTML_SUFFIXES + DATA_SUFFIXES + CODE_SUFFIXES + ("txt", "ics")
# files an event's programme comes in that no reader reads: named in the dry run and in a refusal
UNREAD_SUFFIXES = ("pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "pptx")


@dataclass
class Site:
    """What the loader needs to know of a folder: its series, its profile and its readers."""

    root: Path
    series: str
    series_name: str
    reader: str | None = None  # the reader of the folder's pages (named or detected); None: by parts
    options: dict = field(default_factory=dict)  # the profile's [site] table as written
    profile: Profile = field(default_factory=Profile)
    selected: dict[str, str] = field(default_factory=dict)  # file -> selective reader that recognised it
    refusal: str | None = None  # why no reader reads this folder: nothing of it is written
    drafted: str | None = None  # read with a profile drafted from its files: what to do to keep it
    draft_failed: str | None = None  # the drafter's error on this folder: read by detection instead
    fallback: Site | None = None  # with a drafted profile: detection, for the files no drafted part names

    @property
    def folder(self) -> Path:
        """The folder that file names are relative to."""
        return self.root if self.root.is_dir() else self.root.parent

    def graph(self, rel: str) -> str:
        """The IRI of the graph of one of the site's files: its series, its folder's name, its path."""
        return ids.source(self.series, rel, self.folder_name)

    @cached_property
    def folder_name(self) -> str:
        """The name of the folder, links resolved (resolved once: per file, 35k files took a second)."""
        return self.folder.resolve().name

    @property
    def settings(self) -> Settings:
        """The profile's normalisation settings."""
        return self.profile.settings

    def paths(self) -> list[Path]:
        """The files of the site that some reader reads, sorted."""
        from ingest.loader import walk  # the loader imports this module

        if self.refusal:
            return []
        folder = self.folder
        return [p for p in walk(self.root, self._suffixes()) if self.reader_for(relpath(folder, p))[0] is not None]

    def reader_for(self, rel: str) -> tuple[str | None, dict]:
        """The reader of one file and its options: by the profile's parts, else the folder's reader."""
        found = self.readers_for(rel)
        return found[0] if found else (None, {})

    def readers_for(self, rel: str) -> list[tuple[str, dict]]:
        """Every reader of one file, with its options: each part that names the file (two parts may read two
        parts of one data file, a day each), else the folder's reader."""
        if not self.profile.selects(rel):
            return []
        if self.profile.parts:
            found = [(part.reader, part.options) for part in self.profile.parts_for(rel)]
            return found or (self.fallback.readers_for(rel) if self.fallback else [])
        name, options = self._folder_reader(rel)
        return [(name, options)] if name else []

    def _folder_reader(self, rel: str) -> tuple[str | None, dict]:
        if rel in self.selected:
            return self.selected[rel], {}
        if self.reader and rel.rsplit(".", 1)[-1].lower() in readers.suffixes(self.reader):
            options = self.options.get(self.reader)
            return self.reader, options if isinstance(options, dict) else {}
        return None, {}

    def _suffixes(self) -> tuple[str, ...]:
        if self.profile.parts:
            return TEXT_SUFFIXES
        named = readers.suffixes(self.reader) if self.reader else ()
        return tuple({*named, *(rel.rsplit(".", 1)[-1].lower() for rel in self.selected)})


def site_for(root: Path, series: str | None = None, series_name: str | None = None,
             profile_path: Path | None = None, draft: bool = True) -> Site:
    """The site of a folder: its profile (``profile_path`` or the folder's ``speakergraph.toml``), else the profile
    ``speakergraph profile`` drafts from its files when that names parts (``Site.drafted`` says so), else detection.

    The draft comes first because it reads a folder as detection does where detection reads it well (it names no
    part then: a folder of SICW pages or of schedule exports), and better where the pages hold more than one reader
    finds: a programme table beside speaker pages, sessions in front matter beside prose pages that name nobody.
    ``draft=False``: detection only (what a profile of a ``[site]`` table alone gives too)."""
    profile = profiles.load(root, profile_path)
    failed = None
    if draft and not profile.path and root.is_dir():
        try:
            drafted, exclude = _drafted(root, series, series_name)
            if drafted:
                return drafted
            profile = replace(profile, exclude=profile.exclude + exclude)  # a twin export: detection reads one
        except Exception as error:  # noqa: BLE001 - a drafter's bug must not stop a folder detection reads
            failed = (f"drafting a profile for {root} failed ({type(error).__name__}: {error}): read by detection "
                      f"instead — please report it with the output of 'speakergraph profile {root}'")
    site = _site(root, profile, series, series_name)
    site.draft_failed = failed
    if site.refusal and not profile.path and root.is_dir() and "speakergraph profile" in site.refusal:
        site.refusal = (site.refusal.split(" — ")[0] + ", and the profile 'speakergraph profile' drafts from them "
                        f"names no part either — run 'speakergraph profile {root}' to see what it looked for, "
                        "then write a part naming the files that list sessions or speakers, the reader and "
                        "where each field is (docs/sites.md, \"Which reader reads a file\")")
    return site


def _site(root: Path, profile: Profile, series: str | None, series_name: str | None) -> Site:
    key = series or profile.series or _series_from_folder(root)
    name = series_name or profile.name or display_name(key)
    site = Site(root=root, series=ids.slugify(key) or "events", series_name=name, options=profile.raw,
                profile=profile)
    where = profile.path or str(root)
    for i, part in enumerate(profile.parts):
        readers.check(part.reader, part.options, where, f"[[parts]] number {i + 1} ({part.reader})")
    if profile.parts:
        return site
    site.reader = profile.reader or next((n for n in readers.READERS if isinstance(profile.raw.get(n), dict)), None)
    if site.reader:
        options = profile.raw.get(site.reader)
        readers.check(site.reader, options if isinstance(options, dict) else {}, where, f"[site.{site.reader}]")
    else:
        _detect(site)
    return site


def _drafted(root: Path, series: str | None, series_name: str | None) -> tuple[Site | None, tuple[str, ...]]:
    """The folder read with the profile ``speakergraph profile`` drafts for it, when that names parts; a file no
    drafted part names is read by detection's reader for it (``Site.fallback``), as without the draft. Without
    parts, ``None`` and the schedule exports the draft leaves out for their twins (an XML beside its JSON)."""
    from ingest import draft  # the drafter reads folders through this module

    drafted = draft.settle(draft.draft(root))
    data = drafted.profile()
    if not data.get("parts"):
        return None, tuple(drafted.twins)
    try:
        profile = profiles.parse(data, f"the profile drafted for {root}")
        site = _site(root, replace(profile, path=None), series, series_name)
    except IngestError:
        return None, ()  # a draft its readers refuse: the detection's refusal stands
    detected = _site(root, replace(profile, parts=[], path=None), site.series, site.series_name)  # its [site] too
    site.fallback = None if detected.refusal else detected  # a file no part names (broken, or of no shape the draft
    parts = len(profile.parts)  # knew) is read as detection reads it: reported if broken, never left unseen
    site.drafted = (f"no {profiles.FILE}: read with the profile "
                    f"'speakergraph profile' drafts ({parts} part{'s' * (parts != 1)}) — to check its guesses and keep "
                    f"it: speakergraph profile {root} -o {root / profiles.FILE}")
    return site, ()


def display_name(key: str) -> str:
    """A series' display name when nothing names it: its key in words.

    >>> display_name("djangocon"), display_name("cti-summit"), display_name("sicw")
    ('Djangocon', 'CTI Summit', 'SICW')
    """
    words = key.replace("-", " ").replace("_", " ").split()
    return " ".join(w.upper() if len(w) <= 4 else w.capitalize() for w in words) or key


def _detect(site: Site) -> None:
    """Fill the site's reader and selected files by detection, or its refusal when nothing fits."""
    from ingest.loader import walk

    folder = site.folder
    votes: Counter = Counter()  # page reader -> pages it recognises
    looked = 0
    for path in walk(site.root, TEXT_SUFFIXES):
        rel = path.relative_to(folder).as_posix()
        suffix = rel.rsplit(".", 1)[-1].lower()
        page = suffix in readers.PAGE_SUFFIXES
        if page and votes.total() >= readers.VOTES:
            continue  # the pages' reader is settled: only file formats are still looked for
        if not site.profile.selects(rel):
            continue
        doc = readers.head(folder, path)
        looked += 1
        if doc is None:
            continue
        name = readers.detect_file(doc, selective=True)
        if name:
            site.selected[rel] = name
        elif page and (name := readers.detect_file(doc, selective=False)):
            votes[name] += 1
    site.reader = page_reader = readers.page_reader(votes)
    if page_reader is None and not site.selected and site.profile.path:
        site.refusal = (f"no reader recognises any of the {looked} files under {site.root}, and the profile "
                        f"{site.profile.path} names no [[parts]] (a draft that found nothing it knows) — write "
                        "a part for the files that list sessions or speakers, naming the reader and where each "
                        "field is (docs/sites.md, \"Which reader reads a file\" and the readers' tables)")
    elif page_reader is None and not site.selected and not looked and (other := _unread_files(site.root)):
        site.refusal = (f"{site.root} holds no file speakergraph reads, only {other} — export the programme as CSV "
                        "or JSON (spreadsheets and schedule tools do), or save its web page as HTML, and ingest that")
    elif page_reader is None and not site.selected:
        site.refusal = (f"no reader recognises any of the {looked} files under {site.root} "
                        f"(readers: {', '.join(readers.READERS)}) — nothing was read; run "
                        f"'speakergraph profile {site.root}' to draft a profile for this site, check it, "
                        "save it as speakergraph.toml in the folder, and ingest again")


def _unread_files(root: Path) -> str:
    """The files under ``root`` of types no reader reads, named by type with an example ("2 .pdf (summit.pdf)")."""
    from ingest.loader import walk  # the loader imports this module

    found: dict[str, list[str]] = {}
    for path in walk(root, UNREAD_SUFFIXES) if root.is_dir() else ():
        found.setdefault(path.suffix.lower(), []).append(path.name)
    return ", ".join(f"{len(names)} {suffix} ({names[0]})" for suffix, names in sorted(found.items()))


def _series_from_folder(root: Path) -> str:
    name = root.resolve().name
    return re.sub(r"[-_ ]?(19|20)\d\d$", "", name) or name
