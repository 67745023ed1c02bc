"""Drafting parts for front-matter collections: folders of pages that share keys, their speaker lists and dates.

A collection is the pages of one folder (year folders and one-page-per-item folders merged:
``content/events/**``). It is a session collection when a key holds each page's speakers
(slugs, names, mappings or one string) or when its pages list people under role headings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from pathlib import PurePosixPath

from wcmatch import glob

from ingest import times
from ingest.draft_pages import has_body_people, session_levels
from ingest.draft_text import Table
from ingest.draft_values import as_list, describe_whens, examples, flat, name_like, when, END_KEY, When
from ingest.frontmatter_site import PAGE_TABLES, is_slug
from ingest.person_pattern import FREE_TEXT, looks_like_name, split_person
from ingest.draft_records import more_keys
from ingest.records import Document
from ingest.roles import role_of
from ingest.title_slots import slot_shape, title_key

PEOPLE_KEY = re.compile(r"speaker|presenter|author|people|person|panel|moderat|host|chair|facilitat|"
                        r"participant|^mc$|^by$|talker|instructor|teacher|keynote|member", re.I)


NAME_KEYS = ("name", "display_name", "fullname", "full_name", "speaker_name", "displayname", "fullName",
             *more_keys("name"))


# a key's full form before its short one: "agency_full_name: U.S. Census Bureau" beside "agency: Census"
ORG_KEYS = ("company", "organisation", "organization", "affiliation", "institution", "agency_full_name", "agency",
            "employer", "org", "affiliations", *more_keys("organisation"))


# a folder of speaker pages, in English and as French, German, Spanish, Italian, Dutch and Portuguese sites name it
SPEAKER_FOLDER = re.compile(r"speaker|presenter|people|person|author|profile|bio|delegate|panell?ist|faculty|"
                            r"intervenant|referent|redner|ponente|orador|relator|sprek|palestrant", re.I)
TITLE_KEYS = ("role", "job_title", "position", "position-title", "jobtitle", "tagline", "position_title",
              *more_keys("position"))


@dataclass
class Collection:
    """Pages that share a folder pattern and front matter: a session or speaker collection."""

    pattern: str
    folder: str
    docs: list[Document]

    def keys(self) -> Counter:
        """How many pages fill each front-matter key (nested tables as ``extra.key``)."""
        counts = Counter()
        for doc in self.docs:
            counts.update(k for k, v in self.page(doc).items() if v not in (None, "", [], {}))
        return counts

    def values(self, key: str) -> list:
        """The filled values of ``key`` across the pages."""
        return [v for d in self.docs if (v := self.page(d).get(key)) not in (None, "", [], {})]

    @cached_property
    def _own(self) -> set[str]:
        """The keys pages of the collection give at the top, not in a table."""
        return {str(k) for d in self.docs for k, v in d.meta.items() if not isinstance(v, dict)}

    def page(self, doc: Document) -> dict:
        """A page's keys as the reader finds them: nested tables as dotted keys, and a key of Hugo's ``[params]``
        (Zola's ``[extra]``) table under its own name when other pages of the collection give it at the top — the
        reader looks in those tables for a key the page lacks, so one key name reads both.

        >>> col = Collection("", "e", [Document("e/a.md", "", {"speakers": ["Ann Lee"]}, "", 0),
        ...                            Document("e/b.md", "", {"params": {"speakers": ["Bo Li"], "x": 1}}, "", 0)])
        >>> col.page(col.docs[1]), col.values("speakers")
        ({'params.x': 1, 'speakers': ['Bo Li']}, [['Ann Lee'], ['Bo Li']])
        """
        out = flat(doc.meta)
        for key in [k for k in out if k.split(".", 1)[0] in PAGE_TABLES]:
            bare = key.split(".", 1)[1]
            if bare in self._own and out.get(bare) in (None, "", [], {}):
                out[bare] = out.pop(key)
        return out


def group_pages(pages: list[Document]) -> list[Collection]:
    """Pages with front matter grouped into collections by folder (year folders and one-page folders merged;
    year folders whose pages are built differently kept apart)."""
    with_meta = [d for d in pages if d.meta]
    folders = Counter(str(PurePosixPath(d.path).parent) for d in with_meta)
    groups: dict[str, list[Document]] = {}
    for doc in with_meta:
        groups.setdefault(collection_folder(str(PurePosixPath(doc.path).parent), folders), []).append(doc)
    out = []
    for folder, docs in sorted(groups.items()):
        for sub, subdocs in by_year(folder, docs).items():
            out.append(Collection(glob_of(sub, subdocs), sub, subdocs))
    return out


def by_year(folder: str, docs: list[Document]) -> dict[str, list[Document]]:
    """A collection over year folders (``*/_talks``) as one collection when its years share a shape, else one per
    year folder (``2025/_talks``): front-matter keys of two shapes in one part would read neither well.

    >>> a = [Document(f"2025/_talks/{i}.md", "", {"date": 1, "speakers": 1}, "", 0) for i in range(2)]
    >>> b = [Document(f"2026/_talks/{i}.md", "", {"start": 1, "day": 1, "speakers": 1}, "", 0) for i in range(2)]
    >>> list(by_year("*/_talks", a + b)), list(by_year("*/_talks", a))
    (['2025/_talks', '2026/_talks'], ['2025/_talks'])
    """
    if "*" not in folder.split("/"):
        return {folder: docs}  # "**": an archive of year and month folders, one collection whatever its keys
    at = folder.split("/").index("*")
    years: dict[str, list[Document]] = {}
    for doc in docs:
        years.setdefault(doc.path.split("/")[at], []).append(doc)
    shapes = [_shape(d) for d in years.values()]
    if len(years) > 1 and all(_alike(shapes[0], s) for s in shapes[1:]):
        return {folder: docs}
    head, tail = folder.split("/")[:at], folder.split("/")[at + 1:]
    return {"/".join(head + [year] + tail): d for year, d in sorted(years.items())}


def _shape(docs: list[Document]) -> set[str]:
    """The front-matter keys most pages of a year folder fill."""
    counts = Counter(k for d in docs for k, v in flat(d.meta).items() if v not in (None, "", [], {}))
    return {k for k, c in counts.items() if c >= len(docs) / 2}


def _alike(a: set[str], b: set[str]) -> bool:
    return len(a ^ b) <= len(a | b) / 3


def collection_folder(folder: str, folders: Counter) -> str:
    """The folder a page's collection is named by: above year folders and one-page-per-item folders.

    >>> collection_folder("content/events/2023/02", Counter({"content/events/2023/02": 3}))
    'content/events/**'
    >>> collection_folder("content/authors/jane", Counter({f"content/authors/{n}": 1 for n in "abcd"} | {"content/authors/jane": 1}))
    'content/authors/**'
    >>> collection_folder("_posts", Counter({"_posts": 20}))
    '_posts'
    >>> collection_folder("2025/_talks", Counter({"2025/_talks": 8}))  # a collection folder inside each year folder
    '*/_talks'
    """
    parts = [] if folder == "." else folder.split("/")
    for i, part in enumerate(parts):
        if re.fullmatch(r"\d{1,4}", part):
            below = [p for p in parts[i + 1:] if not re.fullmatch(r"\d{1,4}", p)]
            return "/".join(parts[:i] + (["*"] + below if below else ["**"]))
    if parts:
        parent = "/".join(parts[:-1])
        siblings = [f for f in folders if f.rsplit("/", 1)[0] == parent and "/" in f or (not parent and "/" not in f
                                                                                         and f != ".")]
        if len(siblings) >= 3 and all(folders[f] <= 2 for f in siblings):
            return "/".join(parts[:-1] + ["**"])
    return folder


def glob_of(folder: str, docs: list[Document]) -> str:
    """The files glob of a collection: its folder and the suffixes of its pages.

    >>> glob_of("_posts", [Document("_posts/a.md", "", {}, "", 0)])
    '_posts/*.md'
    >>> glob_of("content/**", [Document("content/2020/a.md", "", {}, "", 0), Document("content/b.html", "", {}, "", 0)])
    'content/**/*.{html,md}'
    >>> glob_of("**", [Document("2025/index.md", "", {}, "", 0), Document("2026/index.md", "", {}, "", 0)])
    '*/*.md'
    """
    suffixes = sorted({d.suffix for d in docs})
    ext = suffixes[0] if len(suffixes) == 1 else "{" + ",".join(suffixes) + "}"
    if folder == ".":
        return f"*.{ext}"
    if folder == "**" and len({d.path.count("/") for d in docs}) == 1:
        folder = "/".join(["*"] * docs[0].path.count("/"))  # "**/*.md" would take in every page of the site
    return f"{folder}/*.{ext}"


def session_part(col: Collection) -> tuple[Table, Collection] | None:
    if re.search(r"(^|/)(blog|news|posts?/blog)(/|$)", col.folder, re.I):
        return None  # blog posts name their authors, not speakers
    key, kind, why = speaker_list_key(col)
    if key and key.rsplit(".", 1)[-1] in ("author", "authors") and re.search(r"posts|articles", col.folder) \
            and not SPEAKER_FOLDER.search(col.folder):
        return None  # blog posts again: an author is no speaker
    body = [d.path for d in col.docs if has_body_people(d.body)]
    if key is None:
        return _body_part(col, body, _empty_key(col))
    n = len(col.docs)
    table = Table(why=[f"{n} page{'s' * (n != 1)} with front matter in {col.folder}/ ({front_of(col)})", why])
    table.set("files", col.pattern)
    table.set("reader", "frontmatter")
    table.session_values = [str(v).strip() for vs in col.values(key) for v in as_list(vs) if isinstance(v, str)]
    alternates = other_speaker_keys(col, key)
    table.set("speaker_key", [key, *alternates] if alternates else key,
              *(f"pages without '{key}' name their speakers in '{k}' (e.g. {examples(col.values(k), 1)[0]!r}): "
                "a speaker key of the pages' other template" for k in alternates))
    if kind == "text":
        table.set("sessions", col.pattern, f"'{key}' holds one string per page, not a list: name the session "
                  "files, so that every page of the folder is read as a session")
    items = [x for v in col.values(key) for x in as_list(v)]
    if kind == "mappings" or any(isinstance(x, dict) for x in items):
        _item_keys(table, col, key)
    if kind == "slugs":
        _names_key(table, col, key)
    tried = [] if body else _read_in_body(table, col)
    if body or tried:  # a few pages printing their people in the body (a panel, lightning talks) beside the key's
        _body_people(table, col, body or tried, "" if body else "the reader, tried with body_people, reads more "
                     "people from them: a list under a label ('Panelists:'), a numbered list or a role said in prose "
                     "('Moderated by …')")
    _title_key(table, col)
    _date_keys(table, col)
    _simple(table, col, "room", ("room", "location", "venue", "place", "hall", "stage"), more=True)
    _simple(table, col, "track", ("track", "stream"), more=True)
    _simple(table, col, "format", ("type", "format", "category", "kind", "session_type"), more=True)
    if table.get("format") is None:
        _format_list(table, col)
    _simple(table, col, "permalink", ("permalink", "url", "slug"))
    return table, col


def _body_part(col: Collection, hits: list[str], empty: str | None = None) -> tuple[Table, Collection] | None:
    """A part for pages listing their people in the body: on a few of them, or on any when the speaker key they
    all carry is empty (``presenter_slugs: []`` above a '## Speakers' list)."""
    if len(hits) < (1 if empty else max(2, len(col.docs) * 0.2)):
        return None
    n = len(col.docs)
    table = Table(why=[f"{n} page{'s' * (n != 1)} with front matter in {col.folder}/ ({front_of(col)})"])
    table.set("files", col.pattern)
    table.set("reader", "frontmatter")
    if empty:
        table.set("speaker_key", empty, f"the pages carry '{empty}' but leave it empty: their people are in the body")
    _body_people(table, col, hits)
    _title_key(table, col)
    _date_keys(table, col)
    _simple(table, col, "permalink", ("permalink", "url", "slug"))
    return table, col


def _empty_key(col: Collection) -> str | None:
    """A key naming people that most pages carry and none fills (``presenter_slugs: []``), else ``None``.

    >>> _empty_key(Collection("", "lt", [Document("lt/a.md", "", {"title": "LT", "presenter_slugs": []}, "", 0)]))
    'presenter_slugs'
    """
    carried = Counter(k for d in col.docs for k, v in flat(d.meta).items() if v in (None, "", [], {}))
    for key, count in carried.most_common():
        if count >= len(col.docs) / 2 and not col.keys().get(key) and PEOPLE_KEY.search(key.rsplit(".", 1)[-1]):
            return key
    return None


def _body_people(table: Table, col: Collection, hits: list[str], how: str = "") -> None:
    how = how or "a role heading ('## Speakers', '**Moderator**') then bullets"
    table.set("sessions", col.pattern, f"{len(hits)} of {len(col.docs)} pages list people in the body: {how} (e.g. "
              f"{hits[0]}); every page of the folder is an event page")
    table.set("body_people", True)
    levels, example = session_levels([d for d in col.docs if d.path in hits])
    if levels:
        table.set("session_levels", levels, f"headings at levels {', '.join(map(str, levels))} print a session's "
                  f"time or title above a list of its people (e.g. {example!r}): each is a session of its own")


_LIST_LINE = re.compile(r"^\s*(?:[-*+]|\d{1,2}\.)\s+\S", re.M)
# a role said in prose: "Moderated by Dr. Ann Lee (Acme)", "chaired by Bo Chan"
_ROLE_PHRASE = re.compile(r"\b(?i:moderated|chaired|hosted|facilitated|introduced)\s+by\s+[A-Z]")


def _read_in_body(table: Table, col: Collection) -> list[str]:
    """The pages listing people in a way no role heading shows ("Panelists:" above bullets, a numbered list of
    lightning talks) that the reader, tried with ``body_people``, reads more people from than without."""
    from ingest.draft_trial import front_people

    options = table.values()
    return [d.path for d in col.docs if (_LIST_LINE.search(d.body) or _ROLE_PHRASE.search(d.body))
            and front_people(d, {**options, "body_people": True}) > front_people(d, options)]


def _names_key(table: Table, col: Collection, key: str) -> None:
    for other, count in col.keys().most_common():
        values = col.values(other)
        if other != key and PEOPLE_KEY.search(other) and all(isinstance(v, str) for v in values) \
                and not _fills_others(col, other, key) and not _one_value(values) \
                and sum(name_like(v.split(",")[0].strip()) for v in values) >= 0.6 * len(values):
            table.set("speaker_names", other, f"{count} pages print the names of the '{key}' slugs in '{other}' "
                      f"(e.g. {examples(values, 1)[0]!r})")
            return


def _one_value(values: list) -> bool:
    """True when three pages or more print one value alone ("host: Accessibility Community" on every event): the
    site's own name for something, not the names of each page's people."""
    return len(values) >= 3 and len(set(values)) == 1


def speaker_list_key(col: Collection) -> tuple[str | None, str, str]:
    """The key holding a page's speakers, the kind of its values, and the evidence."""
    from ingest.site_keys import Keys

    defaults, best = Keys(), None
    for key, count in col.keys().most_common():
        values = col.values(key)
        kind = list_kind(values)
        last = key.rsplit(".", 1)[-1]
        if kind is None or not (PEOPLE_KEY.search(last) or kind == "names"):
            continue
        own_role = last in defaults.role_keys or bool(defaults.stem_role(last))  # "moderators": read beside the list
        rank = (kind != "text", not own_role, count, bool(PEOPLE_KEY.search(key)))
        if best is None or rank > best[0]:
            best = (rank, key, kind, count, values)
    if best is None or best[3] < len(col.docs) * (0.5 if best[2] == "text" else 0.2):
        return None, "", ""
    _, key, kind, count, values = best
    sizes = sorted({len(as_list(v)) for v in values})
    size = f"{sizes[0]}" if len(sizes) == 1 else f"{sizes[0]}-{sizes[-1]}"
    what = {"slugs": "slugs", "names": "names", "mappings": "mappings", "text": "one string"}[kind]
    sample = ", ".join(repr(str(x))[:40] for x in examples(values))
    return key, kind, (f"{count} of {len(col.docs)} files in {col.folder}/ have front matter key '{key}' "
                       + (f"(lists of {size} {what}, e.g. {sample})" if kind != "text" else f"(text, e.g. {sample})"))


def list_kind(values: list) -> str | None:
    """What a key's values are: lists of ``"slugs"``, ``"names"`` or ``"mappings"``, ``"text"``, or ``None``.
    A list mixing them (slugs beside names, mappings beside slugs) is of the kind most of its entries are, slugs
    first: the reader takes each entry as it is.

    >>> list_kind([["jane-doe"], ["ann-lee", "bo-li"]]), list_kind([["Jane Doe"]]), list_kind([[{"name": "A"}]])
    ('slugs', 'names', 'mappings')
    >>> list_kind(["Jane Doe, Ann Lee"]), list_kind([["python", "web"]]), list_kind([3])
    ('text', 'slugs', None)
    >>> list_kind([["ann-lee"], ["bo-li", "Cy Dee"]]), list_kind([[{"name": "Ann Lee"}], ["bo-li", "cy-dee"]])
    ('slugs', 'slugs')

    Pages giving the key as a string on some, a list on others are judged by the kind most pages give:

    >>> list_kind(["Ann Lee and Bo Chan", "Cy Dee and Di Eng", ["Ed Fox (Lab)", "Flo Gil"]])
    'text'

    Names printed with their positions ("Dr. Ann Lee, Director, Institute of Harbour Studies; Member, Port Council")
    are names, beside mappings too (pages of two shapes):

    >>> list_kind([["Dr. Ann Lee, Director, Institute of Harbour Studies; Member, Port Council of Examplia"],
    ...            [{"name": "Bo Li", "role": "Counsel"}], ["Cy Dee, Editor, Harbour Review", "Di Eng"]])
    'names'
    """
    items = [x for v in values for x in as_list(v)]
    if not items:
        return None
    lists = [v for v in values if isinstance(v, list)]
    if lists and len(lists) < len(values):  # a string on some pages, a list on others: the kind most pages give
        most = lists if len(lists) > len(values) / 2 else [v for v in values if not isinstance(v, list)]
        return list_kind(most) if len(most) < len(values) else None
    if all(isinstance(v, list) for v in values):
        if all(isinstance(x, dict) for x in items):
            return "mappings" if any(k in x for x in items for k in NAME_KEYS) else None
        texts = [str(x).strip() for x in items if isinstance(x, str)]
        mappings = [x for x in items if isinstance(x, dict)]
        if len(texts) + len(mappings) != len(items) or any(len(t) > 80 and not person_entry(t) for t in texts):
            return None
        if not mappings and all(is_slug(t) for t in texts):
            return "slugs"
        if not mappings and sum(person_entry(t) for t in texts) >= 0.6 * len(texts):
            return "names"
        return _mixed_kind(texts, mappings)
    if all(isinstance(v, str) and len(v) <= 200 for v in values):
        return "text" if sum(name_like(n) for v in values for n in re.split(r",| and |&", v)) else None
    return None


def person_entry(text: str) -> bool:
    """True for a list entry that prints a person: a name, or a name and its positions as the reader splits them
    ("Dr. Ann Lee, Director, Harbour Institute", "Bo Li (Port Lab)").

    >>> person_entry("Dr. Ann Lee, Director, Harbour Institute"), person_entry("Bo Li (Port Lab)")
    (True, True)
    >>> person_entry("Ambassador Ana Sá Pereira Lopes, Ambassador-at-Large for Oceans, Ministry of Foreign Affairs")
    True
    >>> person_entry("Welcome to the summit, everyone"), person_entry("python, web"), person_entry("Ann Lee")
    (False, False, True)
    """
    if name_like(text):
        return True
    if len(text) > 240 or not re.search(r"[,(]", text):
        return False
    person = split_person(text, reading=FREE_TEXT)
    return bool(person.name and person.positions and looks_like_name(person.name))


def _mixed_kind(texts: list[str], mappings: list[dict]) -> str | None:
    """The kind of a list mixing slugs, names and mappings, when nearly every entry is one of them.

    >>> _mixed_kind(["ann-lee", "bo-li", "Cy Dee"], []), _mixed_kind(["Ann Lee", "Bo Li"], [{"name": "Cy Dee"}])
    ('slugs', 'names')
    >>> _mixed_kind(["ann-lee", "Welcome to the summit, everyone"], [])
    """
    slugs, names = sum(is_slug(t) for t in texts), sum(person_entry(t) for t in texts)
    named = sum(any(k in x for k in NAME_KEYS) for x in mappings)
    total = len(texts) + len(mappings)
    if (slugs + names + named < 0.9 * total) or not (slugs or named):
        return None
    return max((slugs, 2, "slugs"), (named, 1, "mappings"), (names, 0, "names"))[2]


def _item_keys(table: Table, col: Collection, key: str) -> None:
    items = [x for v in col.values(key) for x in as_list(v) if isinstance(x, dict)]
    keys = Counter(k for x in items for k in x)
    jobs = _jobs_under_role(items)
    if jobs:  # "role = "Commissioner"": the key holds job titles, the entries' role is the list's
        table.set("item_title", "role", f"{len(jobs)} of {keys['role']} entries of '{key}' have a job title under "
                  f"'role', not a role word (e.g. {', '.join(map(repr, jobs[:2]))}): it is their title")
    for option, names in (("item_name", NAME_KEYS), ("item_link", ("url", "link", "permalink", "speakerurl", "href")),
                          ("item_role", () if jobs else ("role",)), ("item_title", TITLE_KEYS + ("title",)),
                          ("item_company", ORG_KEYS)):
        if option == "item_title" and jobs:
            continue
        found = [k for k in keys if k in names or k.lower() in names]
        found = [k for k in found if k not in table.values().values()] or found  # "role" and "title": one each
        if found:
            table.set(option, found[0], f"{keys[found[0]]} of {len(items)} entries of '{key}' have '{found[0]}'")


def _jobs_under_role(items: list[dict]) -> list[str]:
    """The values under the entries' ``role`` key that are job titles, when most of them are ("Commissioner",
    "Counsel", not "Moderator"), else none.

    >>> _jobs_under_role([{"role": "Commissioner"}, {"role": "Counsel"}, {"role": "Moderator"}, {"name": "A"}])
    ['Commissioner', 'Counsel']
    >>> _jobs_under_role([{"role": "Moderator"}, {"role": "Keynote"}, {"role": "Commissioner"}])
    []
    """
    from ingest.frontmatter_site import job_not_role

    values = [str(x["role"]).strip() for x in items if isinstance(x.get("role"), str) and x["role"].strip()]
    jobs = [v for v in values if job_not_role(v)]
    return jobs if values and len(jobs) > len(values) / 2 else []


def _title_key(table: Table, col: Collection) -> None:
    keys = col.keys()
    fuller = _fuller_title(col, keys)
    if fuller:
        table.set("title", fuller[0], fuller[1])
        return
    if keys.get("title", 0) == len(col.docs):
        return  # the reader's default
    for key in ("title", "name", "talk", "session", "headline"):
        if keys.get(key):
            table.set("title", key, f"{keys[key]} of {len(col.docs)} have '{key}'")
            return


def _fuller_title(col: Collection, keys: Counter) -> tuple[str, str] | None:
    """Another ``…title`` key that every page fills with longer text than ``title`` ("Talk", "Key Note" are the
    kind of page, ``talk_title`` the talk's): that key, with the evidence."""
    def words(key: str) -> float:
        values = [v for v in col.values(key) if isinstance(v, str)]
        return sum(len(v.split()) for v in values) / len(values) if values else 0

    others = [k for k in keys if k != "title" and "title" in k.lower() and keys[k] == len(col.docs)
              and all(isinstance(v, str) for v in col.values(k))]
    if not others or not keys.get("title"):
        return None
    best = max(others, key=words)
    if words(best) < words("title") + 1:
        return None
    plain = examples(col.values("title"))
    return best, (f"{keys[best]} of {len(col.docs)} have '{best}' ({words(best):.1f} words on average, e.g. "
                  f"{examples(col.values(best))}), where 'title' holds the kind of page ({plain})")


def _simple(table: Table, col: Collection, option: str, names: tuple[str, ...], more: bool = False) -> None:
    """Set ``option`` to the first of ``names`` the pages fill; with ``more``, the keys after it that fill pages
    it leaves empty follow it (a site whose template renamed ``type`` to ``category`` one year)."""
    keys = col.keys()
    found = [key for key in names if keys.get(key) and all(isinstance(v, str | int) for v in col.values(key))]
    if not found:
        return
    chosen = [found[0]] + ([key for key in found[1:] if _fills_others(col, key, found[0])] if more else [])
    why = [f"{keys[key]} of {len(col.docs)} have '{key}' (e.g. {', '.join(map(repr, examples(col.values(key))))})"
           for key in chosen]
    table.set(option, chosen if len(chosen) > 1 else chosen[0], *why)


def _fills_others(col: Collection, key: str, other: str) -> bool:
    """True when ``key`` is filled on pages that leave ``other`` empty, and on none that fill it: the same
    field under another name, on the pages of another template.

    >>> col = Collection("", "t", [Document("t/a.md", "", {"type": "Talk"}, "", 0),
    ...                            Document("t/b.md", "", {"category": "Keynote"}, "", 0)])
    >>> _fills_others(col, "category", "type"), _fills_others(col, "type", "type")
    (True, False)
    """
    pages = [col.page(d) for d in col.docs]
    mine = [p for p in pages if p.get(key) not in (None, "", [], {})]
    return bool(mine) and all(p.get(other) in (None, "", [], {}) for p in mine)


def other_speaker_keys(col: Collection, key: str) -> list[str]:
    """The other keys naming a page's speakers on the pages that leave ``key`` empty (``speaker: ana-lima``,
    ``speakers: [{name: …}]`` beside ``presenters: [...]`` elsewhere): one template's key each; keys naming a
    role of their own (``moderators``) are read beside the list, not here.

    >>> col = Collection("", "t", [Document("t/a.md", "", {"presenters": ["ana-lima"]}, "", 0),
    ...                            Document("t/b.md", "", {"speaker": "bo-chan", "moderators": ["cy-dee"]}, "", 0)])
    >>> other_speaker_keys(col, "presenters")
    ['speaker']
    """
    from ingest.site_keys import Keys

    defaults, found = Keys(), []
    for other, _ in col.keys().most_common():
        last = other.rsplit(".", 1)[-1]
        if other == key or not PEOPLE_KEY.search(last) or last in defaults.role_keys or defaults.stem_role(last):
            continue
        values = col.values(other)
        single = all(isinstance(v, str) and (is_slug(v.strip()) or name_like(v.strip())) for v in values)
        if (single or list_kind(values) in ("slugs", "names", "mappings")) and _fills_others(col, other, key):
            found.append(other)
    return found


_EDIT_KEY = re.compile(r"^(?:last_?mod(?:ified)?|modified|updated?|updated_at|publish(?:ed)?_?date|pubdate|"
                       r"expiry_?date|expires|created(?:_at)?|sitemap\..*)$", re.I)


CLOCK_START = re.compile(r"^(start|begin)|[_-](start|begin)s?$", re.I)  # "start_time: '13:30'"
CLOCK_END = re.compile(r"^(end|finish|stop)|[_-](end|finish)s?$", re.I)  # "end_time: '17:00'"


def date_keys(col: Collection) -> dict[str, tuple[str, list[When]]]:
    """Front-matter keys holding dates: ``{key: (kind, whens)}``, kind ``start``/``end``/``date``/``time``; a
    clock alone under a key named for the start or end is that (the reader puts it on the page's date).

    >>> docs = [Document(f"t/{i}.md", "", {"date": "2031-05-01", "start_time": "13:30", "time": "9:00"}, "", 0)
    ...         for i in range(2)]
    >>> {k: kind for k, (kind, _) in date_keys(Collection("", "t", docs)).items()}
    {'date': 'date', 'start_time': 'start', 'time': 'time'}
    """
    found = {}
    for key in col.keys():
        if _EDIT_KEY.match(key):
            continue  # when the page was written or changed, not when its event takes place
        values = [when(v) for v in col.values(key)]
        whens = [w for w in values if w]
        if not whens or len(whens) < len(values) * 0.8:
            continue
        timed = sum(w.time for w in whens) > len(whens) / 2
        dated = sum(w.date for w in whens) > len(whens) / 2
        last = key.rsplit(".", 1)[-1]
        if not dated:
            kind = "start" if CLOCK_START.search(last) else "end" if CLOCK_END.search(last) else "time"
        else:
            kind = "end" if END_KEY.search(key) else "start" if timed else "date"
        found[key] = (kind, whens)
    return found


def _date_keys(table: Table, col: Collection) -> None:
    """``start``/``end``/``date``/``time``: the keys of each kind the pages fill, most used first; when pages use
    different keys for one kind, a list of them all with the reader's defaults kept (a page naming another)."""
    from ingest.site_keys import Keys

    found = date_keys(col)
    picked: dict[str, list[tuple[str, list[When]]]] = {}
    for key, (kind, whens) in sorted(found.items(), key=lambda kv: (not _dated(kv[1][1]), -len(kv[1][1]))):
        picked.setdefault(kind, []).append((key, whens))
    if "date" in picked and _covered(col, [k for k, w in picked.get("start", []) if _dated(w)],
                                     [k for k, _ in picked["date"]]):
        picked.pop("date")  # every dated page has a date-time: its start says the day
    defaults = Keys()
    for kind in ("start", "end", "date", "time"):
        if kind not in picked:
            continue
        option = "start" if kind == "date" and _date_is_start(picked) else kind
        table.whens += [w for _, ws in picked[kind] for w in ws]
        keys = [k for k, _ in picked[kind]]
        whys = [f"{len(ws)} of {len(col.docs)} have '{k}' ({describe_whens(ws, col.values(k))})"
                for k, ws in picked[kind]]
        default = getattr(defaults, option)
        if all(k in default for k in keys):
            table.why += [why + f" — the reader's default {option} key" for why in whys]
            continue
        if len(keys) == 1 and len(picked[kind][0][1]) == len(col.docs):
            table.set(option, keys[0], *whys)
            continue
        table.set(option, keys + [k for k in default if k not in keys], *whys,
                  (f"pages name their {option} under {len(keys)} keys: each page's first filled one is read; "
                   if len(keys) > 1 else "") + "the reader's defaults kept for pages naming another")
    dated = [k for ws in picked.values() for k, w in ws if _dated(w)]
    if sum(_fills(d, dated) for d in col.docs) < len(col.docs) / 2:  # most pages print no date: a day code may give it
        _day_codes(table, col)
    if not dated:
        table.why.append("no front-matter key holds a date: the reader skips pages without one — name the date key "
                         "(start = \"…\" or date = \"…\"), or the date of each day code (day, days)")


def _date_is_start(picked: dict[str, list[tuple[str, list[When]]]]) -> bool:
    """True when the date key is the pages' start: no key prints a start date-time or a clock ("start = '09:30'",
    "time = '14:00–14:45'"), and at least half the dates carry a time. One page's ``date = 2025-11-18T10:15:00``
    among bare dates is no start key: read first, the bare dates would hide the other pages' clocks (the reader takes
    a timed date's clock anyway, when the page prints no other).

    >>> day, timed, clock = When(True, False, None, 2031), When(True, True, None, 2031), When(False, True, None, None)
    >>> _date_is_start({"date": [("date", [timed, timed, day])]})
    True
    >>> _date_is_start({"date": [("date", [timed, day, day])]}), _date_is_start({"date": [("date", [timed, timed])],
    ...                                                                         "start": [("start", [clock])]})
    (False, False)
    """
    if any(w.time for kind in ("start", "time") for _, ws in picked.get(kind, []) for w in ws):
        return False
    whens = [w for _, ws in picked.get("date", []) for w in ws]
    return bool(whens) and sum(w.time for w in whens) >= len(whens) / 2


def _dated(whens: list[When]) -> bool:
    return sum(w.date for w in whens) > len(whens) / 2


def _covered(col: Collection, keys: list[str], others: list[str]) -> bool:
    """True when every page filling one of ``others`` fills one of ``keys``."""
    return bool(keys) and all(_fills(d, keys) for d in col.docs if _fills(d, others))


def _fills(doc: Document, names: list[str]) -> bool:
    return any(flat(doc.meta).get(k) not in (None, "", [], {}) for k in names)


def _day_codes(table: Table, col: Collection) -> None:
    for key, count in col.keys().most_common():
        values = [str(v) for v in col.values(key) if isinstance(v, str | int | float)]
        if re.search(r"(^|\.)(day|session|slot)$", key) and values and all(re.fullmatch(r"\d+(\.\d+)*", v)
                                                                            for v in values):
            days, why, printed = _day_dates(values, col)
            table.set("day", key, f"{count} pages have '{key}' codes (e.g. {values[0]!r}): if their first number is "
                      "the day, map each day to its date", commented=not printed)
            table.set("days", days, why, commented=not printed)
            return


def _day_dates(codes: list[str], col: Collection) -> tuple[dict[str, str], str, bool]:
    """A date for each day seen in the codes ("3.2" is day 3), with why, and whether the dates are printed: a range
    of as many days on a page of the folder (its section page: "30.Nov–02.Dec"), else dates to fill in, in the
    year the folder names.

    >>> _day_dates(["1.1", "2.3", "1.2"], Collection("*.md", "content/events/2020-online-get-together", []))
    ({'1': '2020-MM-DD', '2': '2020-MM-DD'}, "days 1, 2 seen; the year from the folder name — fill in each day's date", False)
    >>> index = Document("e/2020-meet/_index.md", "", {"description": "Meetup 30.Nov–01.Dec"}, "", 0)
    >>> _day_dates(["1.1", "2.3"], Collection("*.md", "e/2020-meet", [index]))[0]
    {'1': '2020-11-30', '2': '2020-12-01'}
    """
    days = sorted({code.split(".")[0] for code in codes}, key=int)
    year = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", col.folder)
    printed = _printed_range(col, len(days), int(year.group(0)) if year else None)
    if printed and days == [str(n) for n in range(1, len(days) + 1)]:
        (first, text, where) = printed
        return ({day: (first + timedelta(days=int(day) - 1)).isoformat() for day in days},
                f"days {', '.join(days)} seen; {where} prints {text!r}: day 1 is {first:%d %B %Y}", True)
    why = f"days {', '.join(days)} seen; " + ("the year from the folder name" if year else "no year in the folder name")
    return {day: f"{year.group(0) if year else 'YYYY'}-MM-DD" for day in days}, why + " — fill in each day's date", False


def _printed_range(col: Collection, n: int, year: int | None) -> tuple[date, str, str] | None:
    """The first range of ``n`` days a page of the collection prints (its front matter, else its text)."""
    for doc in sorted(col.docs, key=lambda d: not PurePosixPath(d.path).stem.startswith("_")):  # section pages first
        texts = [v for v in flat(doc.meta).values() if isinstance(v, str)] + [doc.body[:3000]]
        for text in texts:
            found = times.date_range(text, year)
            if found and (found[1] - found[0]).days + 1 == n:
                return found[0], times.range_text(text) or "", doc.path
    return None


def front_of(col: Collection) -> str:
    """``YAML --- front matter`` or ``TOML +++ front matter``, as seen in the collection."""
    kinds = Counter(d.front for d in col.docs)
    return " and ".join(f"{'YAML ---' if k == 'yaml' else 'TOML +++'} front matter" for k in sorted(kinds))


def _format_list(table: Table, col: Collection) -> None:
    """``format = "categories"``: a key of string lists (Jekyll's ``categories: [Panel]``) whose items name the
    session's kind (a format or role word) on at least half the pages; the reader takes the first such item."""
    keys = col.keys()
    for key, count in keys.most_common():
        values = col.values(key)
        if count * 2 < len(col.docs) or not all(isinstance(v, list) for v in values):
            continue
        kinds = [x for v in values for x in v if isinstance(x, str) and role_of(x) is not None]
        if sum(any(isinstance(x, str) and role_of(x) is not None for x in v) for v in values) * 2 >= len(col.docs):
            table.set("format", key, f"{count} of {len(col.docs)} have '{key}', lists whose items name the session's "
                      f"kind (e.g. {', '.join(map(repr, examples(kinds)))}): the first such item is its format")
            return


def slot_parts(sessions: list[tuple[Table, Collection]], data: list[Document], parts: list[Table]) -> list[Table]:
    """``parts`` with the programme's slots joined to undated talk pages: when a data file's list of slots prints
    the titles of a front-matter part's pages that give no date (a Jekyll theme's ``_data/program.yml`` beside
    ``_talks/``), that part gets ``slots`` and the data files a records part reading the slots (it replaces a
    records part drafted for the same files)."""
    for table, col in sessions:
        if any(table.get(k) for k in ("date", "start", "time", "day")):
            continue
        titles = {title_key(_text_of(col.page(d).get(table.get("title") or "title"))) for d in col.docs} - {""}
        found = [(d, shape) for d in data if (shape := slot_shape(d.data, titles))]
        if not found:
            continue
        files = _files_glob(sorted(d.path for d, _ in found))
        shape = found[0][1]
        part = Table(why=[f"{len(found)} data file{'s' * (len(found) != 1)} ({', '.join(d.path for d, _ in found[:2])})"
                          f" list the programme's slots under '{shape['records']}', with the titles of the pages of "
                          f"{col.folder}/ and their times"])
        part.set("files", files)
        part.set("reader", "records")
        for key, value in shape.items():
            part.set(key, value)
        table.set("slots", files, f"the pages print no date: each takes the date, times and room of the slot of its "
                  f"title in {files} (of its own edition)")
        table.undated = ""
        parts = [p for p in parts if not (p.get("reader") == "records" and _covers(p.get("files"), found))] + [part]
    return parts


def _text_of(value) -> str | None:
    return value if isinstance(value, str) else None


def _covers(files, found: list) -> bool:
    """True when a part's ``files`` name one of the found data files."""
    patterns = [f for f in as_list(files) if isinstance(f, str)]
    return bool(patterns) and any(glob.globmatch(d.path, patterns, flags=glob.GLOBSTAR | glob.BRACE) for d, _ in found)


def _files_glob(paths: list[str]) -> str | list[str]:
    """One glob for files that differ in one folder only (an edition's: ``*/_data/program.yml``), else the list.

    >>> _files_glob(["2023/_data/program.yml", "2024/_data/program.yml"]), _files_glob(["_data/a.yml"])
    ('*/_data/program.yml', '_data/a.yml')
    >>> _files_glob(["a/x.yml", "b/c/y.yml"])
    ['a/x.yml', 'b/c/y.yml']
    """
    if len(paths) == 1:
        return paths[0]
    split = [p.split("/") for p in paths]
    if len({len(s) for s in split}) != 1:
        return paths
    merged = ["*" if len({s[i] for s in split}) > 1 else split[0][i] for i in range(len(split[0]))]
    return "/".join(merged) if merged.count("*") == 1 and merged[-1] != "*" else paths
