"""Drafting ``[site]`` from what the site says of itself: its configuration files (also above a year folder
drafted alone), its title (for ``series`` and ``name``) and its table of day numbers to dates.

>>> edition_name("Briefings | Tidewall Security Conference 2024"), edition_name("Cyber Week 2025")
('Briefings | Tidewall Security Conference', 'Cyber Week')
>>> common_title(["Home | Tidewall Conf 2024", "Venue | Tidewall Conf 2024", "Keynotes | Tidewall Conf 2025"])
'Tidewall Conf'
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path, PurePosixPath

from graph.errors import IngestError
from ingest.read import MARKDOWN_SUFFIXES
from ingest.records import Document

# the configuration files of static-site generators a data library reads (Jekyll, Hugo, Zola, MkDocs, Quarto); those
# written in code (docusaurus.config.js, Sphinx's conf.py) are not run: their literal strings are read (JS_CONFIGS)
CONFIGS = ("_config.yml", "_config.yaml", "_config.toml", "config.toml", "config.yaml", "config.yml", "hugo.toml",
           "hugo.yaml", "hugo.json", "mkdocs.yml", "mkdocs.yaml", "_quarto.yml", "_quarto.yaml")
# configurations written in JavaScript (Docusaurus, Astro and its Starlight, Gatsby, VitePress): read, never run
JS_CONFIGS = tuple(f"{stem}.{ext}" for stem in ("docusaurus.config", "astro.config", "gatsby-config",
                                                ".vitepress/config") for ext in ("js", "mjs", "ts", "mts"))
TITLE_KEYS = ("title", "site_name", "siteName", "sitename")  # site_name: MkDocs
# an event's own settings file ("event.yml: name: Harbour Summit") names the event by "name" too; elsewhere a
# "name" may be a person's or a venue's
SETTINGS_STEMS = ("event", "conference", "site", "settings", "metadata", "config")
NAME_KEYS = ("name", "event_name", "conference_name", "eventName")
TITLE_BLOCKS = ("website", "book", "site")  # Quarto's website: {title: …}, a "site:" block of a configuration
GENERIC = re.compile(r"^(site|sites|www|web|public|docs?|src|content|html|mirror|build|dist|_site|\d{4})$", re.I)
_YEAR = re.compile(r"\s*[–—-]?\s*\b(?:19|20)\d\d\b\s*")
_SPLIT = re.compile(r"\s+[|·•–—-]\s+|\s*\|\s*")


def configs(root: Path, docs: list[Document], levels: int = 2) -> list[tuple[dict, str]]:
    """The site's configuration data with its file: the folder's own (at its root or in ``_data``, also Eleventy's
    in its input folder's ``src/_data``, then Hugo's ``config/_default``), then those of up to ``levels`` folders
    above it (a year folder of a site drafted alone), as ``../_config.yml``, then the configuration files of its
    edition folders (``2024/config.toml``: a site per edition, each its own)."""
    found = [(d.data, d.path) for d in docs if isinstance(d.data, dict)
             and ("/" not in d.path.strip("/") or d.path.startswith("_data") or data_folder(d.path))]
    found += [(d.data, d.path) for d in docs if isinstance(d.data, dict)
              and PurePosixPath(d.path).parent.as_posix() == "config/_default" and PurePosixPath(d.path).name in CONFIGS]
    found += [(d.data, d.path) for d in docs if isinstance(d.data, dict) and d.path.count("/") == 1
              and PurePosixPath(d.path).name in CONFIGS and not d.path.startswith("_data")]
    folder = root if root.is_dir() else root.parent
    found += [(data, name) for name in JS_CONFIGS if (data := _js_config(folder / name))]
    for up in range(1, levels + 1):
        above = folder.resolve().parents[up - 1] if len(folder.resolve().parents) >= up else None
        for name in CONFIGS if above else ():
            data = _read(above / name, "../" * up + name)
            if data is not None:
                found.append((data, "../" * up + name))
    return found


def data_folder(rel: str) -> bool:
    """True for a file of a global data folder one folder down (Eleventy's ``src/_data/site.json``, the input folder
    its configuration names): the site's own settings, as Jekyll's ``_data``; an edition's year folder is no input
    folder (``2024/_data`` holds that edition's).

    >>> data_folder("src/_data/metadata.json"), data_folder("2024/_data/site.yml"), data_folder("src/_data/a/b.json")
    (True, False, False)
    """
    parts = PurePosixPath(rel).parts
    return len(parts) == 3 and parts[1] == "_data" and not re.fullmatch(r"\d{1,4}", parts[0])


def _read(path: Path, rel: str) -> dict | None:
    from ingest.read import parse_document, read_bytes

    if not path.is_file() or path.is_symlink():
        return None
    try:
        data = parse_document(rel, read_bytes(rel, path)).data
    except (IngestError, RecursionError, OSError):
        return None
    return data if isinstance(data, dict) else None


def _js_config(path: Path) -> dict | None:
    """The title and time zone a JavaScript configuration file writes as literal strings, or ``None``."""
    if not path.is_file() or path.is_symlink():
        return None
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[:200_000]
    except OSError:
        return None
    return js_strings(text) or None


def js_strings(text: str) -> dict[str, str]:
    """The first ``title`` and ``timezone`` a JavaScript configuration gives as a literal string (Docusaurus'
    ``title: 'Reef Days 2031'``, Starlight's ``starlight({ title: "…" })``, a ``customFields: { timezone: … }``).

    >>> js_strings("// title: 'old'\\nconst config = {\\n  title: 'Reef Days 2031',\\n  x: { timeZone: 'Europe/Oslo' },")
    {'title': 'Reef Days 2031', 'timezone': 'Europe/Oslo'}
    """
    code = re.sub(r"^\s*//[^\n]*|/\*.*?\*/", "", text, flags=re.M | re.S)  # commented-out settings are no settings
    out = {}
    for key in ("title", "timezone"):
        m = re.search(rf"""(?<![\w.$])["']?{key}["']?\s*:\s*(["'`])([^"'`\n$]+)\1""", code, re.I)
        if m:
            out[key] = " ".join(m.group(2).split())
    return out


def site_title(found: list[tuple[dict, str]], pages: list[Document]) -> tuple[str, str] | None:
    """The site's title and where it is printed: a configuration's ``title`` or ``site_name`` (the part the edition
    folders' configurations share, when only they have one), else the part of the HTML ``<title>`` its pages share, else
    the front page's title (its front matter's, else the H1 of a root ``index.md`` or ``README.md``)."""
    keyed = [(said, rel) for data, rel in found if (said := config_title(data, rel))]
    titled = [(title, rel) for (_, title), rel in keyed]
    for (key, title), rel in keyed:
        if not _edition_config(rel):
            return title, f"{rel} says {key}: {title!r}"
    shared = common_title([t for t, _ in titled]) if len(titled) >= 2 else None
    if shared:
        return shared, f"the title of {len(titled)} edition configurations ({', '.join(r for _, r in titled[:3])}) " \
                       f"shares {shared!r}"
    # the pages at the site's root first: a folder of many speaker pages titles them "Ann Lee | Summit Speakers"
    for some in ([d for d in pages if "/" not in d.path], pages):
        heads = [html.unescape(m.group(1)) for d in some
                 if (m := re.search(r"<title[^>]*>([^<]{3,200})</title>", d.body[:20000], re.I))]
        shared = common_title([" ".join(h.split()) for h in heads]) if len(heads) >= 2 else None
        if shared:
            return shared, f"the <title> of {len(heads)} pages ends in {shared!r}"
    for doc in pages:
        if PurePosixPath(doc.path).stem == "index" and "/" not in doc.path and isinstance(doc.meta.get("title"), str):
            return doc.meta["title"].strip(), f"{doc.path} is titled {doc.meta['title'].strip()!r}"
    front = sorted((d for d in pages if "/" not in d.path and d.suffix in MARKDOWN_SUFFIXES
                    and PurePosixPath(d.path).stem.lower() in FRONT_PAGES),
                   key=lambda d: FRONT_PAGES.index(PurePosixPath(d.path).stem.lower()))
    for doc in front:  # a site kept as a repository of Markdown: its README is the front page
        title = first_heading(doc.body)
        if title:
            return title, f"{doc.path}, the front page, is headed {title!r}"
    return None


FRONT_PAGES = ("index", "_index", "readme")


def first_heading(body: str) -> str | None:
    """The text of a Markdown page's H1 (``# Title`` or a ``Title`` line underlined with ``===``), without links,
    images and emphasis; ``None`` when it has none before its first H2.

    >>> first_heading("[![badge](b.svg)](x)\\n\\n# The [Reef](https://x) *Forum* 2031\\n\\n## 2031\\n")
    'The Reef Forum 2031'
    >>> first_heading("Tidewall Days\\n=============\\n"), first_heading("## Agenda\\n# Late\\n")
    ('Tidewall Days', None)
    """
    lines = body.splitlines()[:200]
    for i, line in enumerate(lines):
        if line.startswith("## "):
            return None
        m = re.match(r"#\s+(.+?)\s*#*\s*$", line)
        text = m.group(1) if m else line if i + 1 < len(lines) and re.fullmatch(r"=+\s*", lines[i + 1]) \
            and line.strip() else None
        if text:
            text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
            text = " ".join(re.sub(r"[*_`]", "", html.unescape(text)).split())
            return text if 2 < len(text) < 80 else None
    return None


def config_title(data: dict, rel: str) -> tuple[str, str] | None:
    """``(key, title)``: the site's title a configuration gives (``title``, MkDocs' ``site_name``; in a generator's
    own configuration file also a block's ``title``, Quarto's ``website: {title: …}``).

    >>> config_title({"site_name": "Tidewall Workshops", "nav": []}, "mkdocs.yml")
    ('site_name', 'Tidewall Workshops')
    >>> config_title({"website": {"title": "Reef Days"}}, "_quarto.yml"), config_title({"site": {"title": "X"}}, "a.yml")
    (('website.title', 'Reef Days'), None)
    >>> config_title({"name": "Reef Summit", "timezone": "Europe/Tallinn"}, "event.yml"), config_title({"name": "Ann"}, "a.yml")
    (('name', 'Reef Summit'), None)
    """
    blocks = [("", data)] + [(f"{b}.", data.get(b)) for b in TITLE_BLOCKS if PurePosixPath(rel).name in CONFIGS]
    keys = TITLE_KEYS + (NAME_KEYS if PurePosixPath(rel).stem.lower().lstrip("_") in SETTINGS_STEMS else ())
    for where, block in blocks:
        for key in keys if isinstance(block, dict) else ():
            value = block.get(key)
            if isinstance(value, str) and 2 < len(value.strip()) < 80:
                return where + key, value.strip()
    return None


def _edition_config(rel: str) -> bool:
    """True for a configuration file inside one edition's folder (``2025/config.toml``), not the site's own."""
    return rel.count("/") == 1 and not rel.startswith(("_data/", "../"))


def zones(found: list[tuple[dict, str]]) -> list[tuple[str, str, str]]:
    """``(zone, file, folder)`` of each configuration naming a time zone (Jekyll ``timezone``, Hugo ``timeZone``):
    the folder is ``""`` for the site's own, else the edition folder whose files it holds for.

    >>> zones([({"timeZone": "Europe/Vienna"}, "2025/config.toml"), ({"timezone": "Nowhere/Else"}, "_config.yml")])
    [('Europe/Vienna', '2025/config.toml', '2025')]
    """
    from ingest.profile import zone

    out = []
    for data, rel in found:
        value = next((v for k, v in data.items() if isinstance(k, str) and k.lower().replace("_", "") == "timezone"),
                     None)
        if not isinstance(value, str):
            continue
        try:
            zone(value)
        except ValueError:
            continue
        out.append((value, rel, rel.split("/", 1)[0] if _edition_config(rel) else ""))
    return out


def common_title(heads: list[str]) -> str | None:
    """The segment of ``Page | Site 2024`` titles that most pages share (years left out), when half of them do."""
    counts = Counter(s for h in heads for s in {edition_name(x) for x in _SPLIT.split(h) if x.strip()}
                     if s.lower() not in _PLATFORMS)
    if not counts:
        return None
    best, count = counts.most_common(1)[0]
    return best if count >= max(2, len(heads) / 2) and len(best) > 2 else None


# the software or service a site's pages are served by, which their <title>s end with ("Timetable · Indico")
_PLATFORMS = {"indico", "sched", "sessionize", "pretalx", "eventbrite", "cvent", "whova", "hopin", "airmeet",
              "confluence", "mediawiki", "wordpress", "wix", "wix.com", "squarespace", "webflow", "google docs",
              "notion", "meetup", "luma", "lu.ma", "eventbrite.com", "easychair", "conftool", "oxford abstracts"}


def edition_name(title: str) -> str:
    """A title without its year: the name the site's editions share."""
    return " ".join(_YEAR.sub(" ", title).split()).strip(" -–—:|")


def series_guess(root: Path, title: tuple[str, str] | None) -> tuple[str, str, str | None, bool]:
    """``(series, why, name, sure)``: from the site's title, else the folder name (its parent's for a year folder or
    a generic name such as ``site``)."""
    from graph import ids
    from ingest.site import _series_from_folder

    if title and ids.slugify(edition_name(title[0])):
        name = edition_name(title[0])
        return ids.slugify(name), f"the series key, from the site's title: {title[1]}", name, True
    folder = root.resolve() if root.is_dir() else root.resolve().parent
    for candidate in (folder, *list(folder.parents)[:2]):
        if not GENERIC.match(candidate.name) and _series_from_folder(candidate):
            where = "the folder name" if candidate == folder else f"the name of the folder above ({candidate.name})"
            return (_series_from_folder(candidate), f"the series key: {where} without a year; change it to the name "
                    "the site's events share", None, False)
    return (_series_from_folder(folder), "the series key: the folder name without a year; change it to the name the "
            "site's events share", None, False)


def day_dates(docs: list[Document], files: str) -> tuple[dict[str, str], str] | None:
    """A data file listing days as records with a day number and a date (``_data/days.yml``): ``{day: date}``,
    from the folder the part's ``files`` start in (an edition's folder), else from the site's root."""
    from ingest.draft_values import when

    top = files.split("/", 1)[0] + "/" if "/" in files and "*" not in files.split("/", 1)[0] else ""
    near = [d for d in docs if top and d.path.startswith(top)] + [d for d in docs if d.path.startswith("_data/")
                                                                  or "/" not in d.path]
    for doc in near:
        rows = doc.data if isinstance(doc.data, list) else None
        if not rows or not all(isinstance(r, dict) for r in rows):
            continue
        day = next((k for k in ("day", "number", "id", "n") if all(isinstance(r.get(k), int | str) for r in rows)),
                   None)
        date = next((k for k in rows[0] if k != day and all((w := when(r.get(k))) and w.date and w.year for r in rows)),
                    None)
        if day and date and all(re.fullmatch(r"\d{1,2}", str(r[day])) for r in rows):
            days = {str(r[day]): str(r[date])[:10] for r in rows}
            return days, f"{doc.path} lists {len(days)} days, each with its '{date}' (e.g. day {rows[0][day]}: " \
                         f"{str(rows[0][date])[:10]})"
    return None


_DAY_HEADING = re.compile(r"^\s*(?:#{1,6}\s*|<h[1-6][^>]*>\s*|\*\*)\s*Day\s+(\d{1,2})\b\s*[-–—:,|]?\s*([^<*\n]{4,60})", re.I | re.M)


def printed_days(pages: list[Document], files: str, days: set[str]) -> tuple[dict[str, str], str] | None:
    """The date of each of ``days`` from the day headings one page prints ("## Day 1 – Wednesday 26 May 2031",
    a year-less "## Day 2 – Thursday 27 May" in the year of the others): a page in the folder of the part's
    ``files`` first, else the one page of the site that prints them all.

    >>> page = Document("e/programme.md", "", {}, "## Day 1 – Wednesday 26 May 2031\\n| x |\\n## Day 2 – Thursday 27 May\\n", 0)
    >>> printed_days([page], "e/*.md", {"1", "2"})[0]
    {'1': '2031-05-26', '2': '2031-05-27'}
    """
    folder = files.split("*", 1)[0].rsplit("/", 1)[0] if "/" in files else ""
    found = [(doc, dated) for doc in pages if (dated := _day_headings(doc.body)) and days <= set(dated)]
    near = [f for f in found if folder and f[0].path.startswith(folder + "/")]
    if not near and len(found) != 1:
        return None
    doc, dated = (near or found)[0]
    first = min(days, key=int)
    return ({d: dated[d] for d in sorted(days, key=int)}, f"{doc.path} prints the days' dates in its headings (e.g. "
            f"day {first}: {dated[first]})")


def _day_headings(body: str) -> dict[str, str]:
    """``{day number: ISO date}`` of the "Day N – date" headings of a page body."""
    from ingest.cards import first_day

    heads = [(m.group(1), m.group(2).strip()) for m in _DAY_HEADING.finditer(body[:100000])]
    years = [int(y) for _, text in heads for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)]
    year = Counter(years).most_common(1)[0][0] if years else None
    dated = {}
    for day, text in heads:
        found = first_day(text, year)
        if found and day not in dated:
            dated[day] = found.isoformat()
    return dated


# a single capital and a full stop before a given name and a family name: "M. Jean Roy" (Monsieur, or an initial);
# the word before it tells a middle initial ("Ann M. Lee") from one that opens a name
_LEAD_INITIAL = re.compile(r"(?P<before>[\w’'.]+[ \t]+)?\b(?P<letter>[A-Z])\.[ \t]+(?P<name>[A-ZÀ-Ý][a-zà-ÿ’'-]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
                           r"[ \t]+(?:(?:de|du|van|von|le|la|d’|d')[ \t]+)?[A-ZÀ-Ý][\w’'-]+)")


def monsieur(pages: list[Document]) -> tuple[int, str] | None:
    """``(count, example)`` when the pages print "M." before a given name and a family name three times or more and
    other initials seldom open a name there: "M." is Monsieur, a French honorific (``[site] honorifics = ["M."]``),
    not an initial as in "M. Ravi Kumar, K. Suresh Nair"; else ``None``.

    >>> page = Document("p.md", "", {}, "- M. Jean Roy, maire\\n- M. Paul Ba\\n- Mme Ann Roy\\n- M. Luc Dutronc", 0)
    >>> monsieur([page])
    (3, 'M. Jean Roy')
    >>> monsieur([Document("p.md", "", {}, "M. Ravi Kumar, K. Suresh Nair, S. Anil Rao, M. Anand Iyer, M. Ann Lee", 0)])
    """
    monsieurs, others, example = set(), 0, None
    for doc in pages:
        for m in _LEAD_INITIAL.finditer(doc.body[:200000]):
            before = (m.group("before") or "").strip()
            if before[:1].isupper() and before[-1:].isalpha():
                continue  # "Ann M. Lee": a middle initial
            if m.group("letter") == "M":
                monsieurs.add(m.group("name"))
                example = example or f"M. {m.group('name')}"
            else:
                others += 1
    if len(monsieurs) >= 3 and others * 3 <= len(monsieurs):
        return len(monsieurs), example
    return None
