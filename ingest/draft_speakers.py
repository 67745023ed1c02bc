"""Drafting parts for speaker pages, and the joins that tie sessions to them.

A folder of pages with a name key beside a company or role key (or a title that reads as a
name, in a folder named for people) is a speaker collection. Sessions name its pages by slug:
the drafter counts the slugs that equal a page's file name (a page bundle's folder name) or
its permalink's last segment, and writes the ``link_template`` both sides share. Pages that
cards link to are profile pages of the cards reader; people pages nothing links to are left out.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ingest.draft_front import NAME_KEYS, ORG_KEYS, SPEAKER_FOLDER, TITLE_KEYS, Collection, speaker_list_key
from ingest.draft_text import Table
from ingest.draft_values import as_list, examples, name_like
from ingest.frontmatter_site import is_slug
from ingest.read import HTML_SUFFIXES
from ingest.record_keys import more_keys
from ingest.site_keys import Keys

PHOTO_KEYS = ("photo", "image", "avatar", "headshot", "image_src", "picture")
GIVEN_KEYS = ("first_name", "given_name", "firstname", "firstName", "givenName", *more_keys("given"))
FAMILY_KEYS = ("last_name", "family_name", "lastname", "lastName", "familyName", "surname", *more_keys("family"))




def speaker_part(col: Collection) -> tuple[Table, Collection] | None:
    keys = col.keys()
    n = len(col.docs)
    name = next((k for k in NAME_KEYS if keys.get(k, 0) >= n * 0.6), None)
    org = next((k for k in ORG_KEYS if keys.get(k)), None)
    title = next((k for k in TITLE_KEYS if keys.get(k)), None)
    people_folder = re.search(r"speaker|presenter|people|person|author|profile|bio|team|member",
                              col.folder, re.I)
    if speaker_list_key(col)[0] is not None:
        return None
    if name is None and people_folder and keys.get("title", 0) >= n * 0.6 and n >= 2:
        names = [v for v in col.values("title") if isinstance(v, str)]
        if sum(name_like(v) for v in names) >= len(names) * 0.6:
            name = "title"
    given = family = None
    if name is None:  # "nome" and "cognome", "first_name" and "last_name": the name in two keys
        given = next((k for k in GIVEN_KEYS if keys.get(k, 0) >= n * 0.6), None)
        family = next((k for k in FAMILY_KEYS if keys.get(k, 0) >= n * 0.6), None)
        name = given and family and given
    if name is None or not (org or title or people_folder):
        return None
    table = Table(why=[f"{n} page{'s' * (n != 1)} in {col.folder}/ look like speaker pages: '{name}' in "
                       f"{keys[name]}" + (f", '{org}' in {keys[org]}" if org else "")
                       + (f", '{title}' in {keys[title]}" if title else "")
                       + f" (e.g. {', '.join(repr(v) for v in examples(col.values(name)))})"])
    table.set("files", col.pattern)
    table.set("reader", "frontmatter")
    table.set("speakers", col.pattern, "these pages are speaker pages")
    if given:
        table.why[0] = table.why[0].replace(f"'{given}' in", f"'{given}' and '{family}' (the name in two keys) in", 1)
        if given not in Keys.given_name:
            table.set("given_name", given)
        if family not in Keys.family_name:
            table.set("family_name", family)
    elif name not in ("name", "title"):
        table.set("name", name)
    elif name == "title":
        table.set("name", "title", "the page title is the person's name")
    if org and org not in ("company", "organisation", "organization", "affiliation"):
        table.set("company", org)
    _by_value(table, col, name, "job_title", title, ("role", "job_title", "position"))
    _by_value(table, col, name, "country", None, ("country",))
    photo = next((k for k in PHOTO_KEYS if keys.get(k)), None)
    if photo and photo not in ("photo", "image", "avatar"):
        table.set("photo", photo)
    if keys.get("permalink"):
        table.permalinks = [str(v) for v in col.values("permalink")]
    return table, col


def _by_value(table: Table, col: Collection, name: str, option: str, named: str | None, default: tuple) -> None:
    """``job_title`` / ``country``: the key named for it, and every other key whose values read as one (``title:
    Lead Developer`` on some pages, ``location: Austin, TX, USA``), the reader taking the first a page fills."""
    from ingest.draft_records import country_like, position_like

    test = position_like if option == "job_title" else country_like
    found = [named] if named else []
    why = []
    for key, count in col.keys().most_common():
        texts = [v for v in col.values(key) if isinstance(v, str) and not (is_slug(v) and "-" in v)]
        if key in (name, named) or key in ORG_KEYS or not texts or len(texts) < len(col.values(key)):
            continue
        share = sum(map(test, texts)) / len(texts)
        if key in default and not named and share >= 0.5 or share >= 0.6:
            found.append(key)
            why.append(f"'{key}' in {count} pages reads as a {option.replace('_', ' ')} (e.g. {texts[0]!r})")
    found.sort(key=lambda k: k != named and k not in default)  # the key named for it first
    if not found or found == [default[0]]:
        return
    table.set(option, found[0] if len(found) == 1 else found, *why)


def profile_part(table: Table, col: Collection, cards: list[Table]) -> Table:
    """A speaker collection that cards link to: profile pages of the cards reader, joined by permalink."""
    from ingest.cards import permalink

    links = {permalink(x) for t in cards for x in t.links}
    pages = {permalink(p) for p in table.permalinks}
    hits = len(links & pages)
    if not hits:
        return table
    profile = Table(why=table.why + [f"{hits} of {len(pages)} permalinks of these pages are the links of cards "
                                     "(the cards reader joins card and profile page by permalink)"])
    profile.set("files", col.pattern)
    profile.set("reader", "cards")
    profile.set("page", "profile")
    name = table.get("name")
    if name and name != "title":
        profile.set("profile_name", name)
    return profile


def _session_slugs(sessions: list[tuple[Table, Collection]]) -> set[str]:
    return {v for t, _ in sessions for v in t.session_values if is_slug(v)}


def link(sessions: list[tuple[Table, Collection]], speakers: list[tuple[Table, Collection]]) -> None:
    """Write each session part's link_template from where its slugs match speaker pages, with the count."""
    for table, col in sessions:
        slugs = {v for v in table.session_values if is_slug(v)}
        if not slugs:
            continue
        best = None
        for stable, scol in speakers:
            for how, found in link_targets(scol).items():
                hits = len(slugs & set(found))
                if hits and (best is None or hits > best[0]):
                    best = (hits, how, found[next(iter(slugs & set(found)))], stable, scol)
        if best is None:
            continue
        hits, how, template, stable, scol = best
        why = f"{hits} of {len(slugs)} slugs in '{table.get('speaker_key')}' equal the {how} of a page in {scol.folder}/"
        if template is None:
            table.why.append(why + " — cannot be written as a link (the reader names a page by its file name)")
            continue
        table.set("link_template", template, why)
        if how == "file name":
            stable.set("link_template", template, "the permalink the session pages' slugs link to")


def link_targets(col: Collection) -> dict[str, dict[str, str | None]]:
    """Where a speaker collection's pages can be found by slug: ``{how: {slug: link_template or None}}``."""
    stems, permalinks = {}, {}
    base = col.folder.replace("/**", "").rsplit("/", 1)[-1].lstrip("_") or "speakers"
    for doc in col.docs:
        path = PurePosixPath(doc.path)
        bundle = path.stem in ("_index", "index")  # a page bundle: authors/jane-doe/_index.md
        stems[path.parent.name if bundle else path.stem] = f"/{base}/{{slug}}/"
        link = doc.meta.get("permalink")
        if isinstance(link, str) and link.strip("/"):
            segment = link.strip().rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
            permalinks[segment] = link.strip()[: link.strip().rstrip("/").rfind("/") + 1] + "{slug}/"
    return {"file name": stems, "permalink's last segment": permalinks}


def linked(parts: list[Table], notes: list[str]) -> list[Table]:
    """Speaker parts that sessions or cards link to, or that sit in a speakers folder; the rest noted."""
    kept = []
    for part in parts:
        folder = str(part.get("files"))
        if part.get("link_template") or part.get("reader") == "cards" or SPEAKER_FOLDER.search(folder):
            kept.append(part)
        else:
            notes.append(f"{folder} holds people pages (name, company or role) that no session links to "
                         "(organisers? a team page?): left out; add a part if they are speakers")
    return kept


_ID_SUFFIX = re.compile(r"[_-]?(slugs?|ids?|names?|list|keys?)$", re.I)


def role_label(key: str) -> str:
    """The role label of a key naming people beside the speaker list: its word, singular, an id suffix cut.

    >>> role_label("moderator_slugs"), role_label("copresenter_slugs"), role_label("co_hosts"), role_label("panelists")
    ('Moderator', 'Co-presenter', 'Co-host', 'Panelist')
    """
    from ingest.roles import role_of

    word = _ID_SUFFIX.sub("", key.rsplit(".", 1)[-1]) or key
    words = [w for w in re.split(r"[_\s-]+", word) if w]
    co = re.fullmatch(r"co([a-z]{4,})", words[0], re.I)
    if co and role_of(co.group(1)):
        words = ["co", co.group(1)] + words[1:]
    text = ("-" if words[0].lower() == "co" and len(words) > 1 else " ").join(words)
    text = text[:-1] if text.endswith("s") and not text.endswith("ss") else text
    return text[:1].upper() + text[1:].lower()


def role_keys(table: Table, col: Collection) -> None:
    """``role_keys``: the other keys of a session folder that list people (``moderator_slugs``,
    ``copresenter_slugs``), each with the role its word names; the reader's default role keys kept."""
    from ingest.draft_front import PEOPLE_KEY, list_kind
    from ingest.roles import role_of
    from ingest.site_keys import Keys

    taken = {*as_list(table.get("speaker_key")), table.get("speaker_names")}  # a list: one key per template
    found = {}
    for key, count in col.keys().most_common():
        if key in taken or not PEOPLE_KEY.search(key.rsplit(".", 1)[-1]):
            continue
        # lists only: one string ("host: Web Design Community") names an organisation as often as a person; a
        # word naming no role ("authors": who wrote the page) no role key
        if list_kind(col.values(key)) in ("slugs", "names", "mappings") and role_of(label := role_label(key)):
            found[key] = (label, count)
    defaults = Keys().role_keys
    if not any(k not in defaults for k in found):
        return  # the reader reads these keys already
    table.set("role_keys", {**{k: label for k, (label, _) in found.items()}, **defaults},
              *(f"{count} of {len(col.docs)} pages list people in '{key}' beside '{table.get('speaker_key')}': "
                f"their role is {label!r}" for key, (label, count) in found.items()),
              "the reader's default role keys kept (this table replaces them)")


_PERSON_LD = re.compile(r'<script[^>]+application/ld\+json[^>]*>\s*(\{.*?\})\s*</script>', re.S | re.I)


def person_data(html: str) -> dict | None:
    """The schema.org Person a page's JSON-LD is about (a speaker's profile page), else ``None``.

    >>> person_data('<script type="application/ld+json">{"@type": "Person", "name": "Ann Lee"}</script>')
    {'@type': 'Person', 'name': 'Ann Lee'}
    >>> person_data('<script type="application/ld+json">{"@type": "Event", "name": "Keynote"}</script>') is None
    True
    """
    import json

    for match in _PERSON_LD.finditer(html):
        try:
            data = json.loads(match.group(1))
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("name") and "Person" in as_list(data.get("@type")):
            return data
    return None


def person_pages(pages: list, parts: list[Table]) -> list[Table]:
    """A comment for speaker profile pages carrying a schema.org Person as JSON-LD that no part reads: a part of a
    reader that reads their name, job title and organisation, when one does, else what they hold."""
    from wcmatch import glob

    from ingest import readers
    from ingest.profile import GLOB_FLAGS

    globs = [g for p in parts if not p.comment_only for g in as_list(p.get("files"))]
    found = {d.path: data for d in pages if not (globs and glob.globmatch(d.path, globs, flags=GLOB_FLAGS))
             and "ld+json" in d.body and (data := person_data(d.body))}
    if len(found) < 2:
        return []
    readable = [d for d in pages if d.path in found and _reads_speaker(readers, d)]
    paths = sorted(found)
    keys = sorted({k for data in found.values() for k in data if not k.startswith("@")})
    if len(readable) == len(found):
        reader = _reads_speaker(readers, readable[0])
        table = Table(why=[f"{len(found)} pages carry a schema.org Person as JSON-LD ({', '.join(keys[:6])}; e.g. "
                           f"{paths[0]}): speaker pages, which the {reader} reader reads"])
        table.set("files", _folders_glob(paths))
        table.set("reader", reader)
        return [table]
    return [Table(why=[f"{len(found)} pages carry a schema.org Person as JSON-LD ({', '.join(keys[:6])}; e.g. "
                       f"{paths[0]}): speaker profile pages, but no reader reads a speaker page from JSON-LD — their "
                       "job titles and organisations are not read; the sessions' own pages give what they print"],
                  comment_only=True)]


def labelled_pages(pages: list, parts: list[Table]) -> list[Table]:
    """A part for speaker pages that print their fields under labels (Drupal's "Position", "Organisation",
    "Country" fields): two or more pages of one folder, each headed by a name in ``<h1>``, that no part reads."""
    from selectolax.lexbor import LexborHTMLParser
    from wcmatch import glob

    from ingest.labelled_fields import fields
    from ingest.names import split_name
    from ingest.profile import GLOB_FLAGS

    globs = [g for p in parts if not p.comment_only for g in as_list(p.get("files"))]
    found = {}
    for doc in pages:
        if doc.suffix not in HTML_SUFFIXES or globs and glob.globmatch(doc.path, globs, flags=GLOB_FLAGS):
            continue
        tree = LexborHTMLParser(doc.body)
        heading = tree.css_first("h1")
        name = " ".join(heading.text().split()) if heading is not None else ""
        got = fields(tree.body) if tree.body is not None and name_like(split_name(name).name or "") else {}
        if got.keys() & {"title", "organisation"}:
            found[doc.path] = (name, got)
    by_folder: dict[str, list[str]] = {}
    for path in found:  # "speakers/*/index.html" for a folder each, "speakers/*.html" for a file each
        one = PurePosixPath(path)
        by_folder.setdefault(_folders_glob([path, path]) if one.stem in ("index", "_index")
                             else f"{one.parent}/*{one.suffix}", []).append(path)
    out = []
    for glob_, paths in by_folder.items():
        if len(paths) < 2:
            continue
        name, got = found[paths[0]]
        table = Table(why=[f"{len(paths)} pages print a person's fields under labels ({', '.join(sorted(got))}; e.g. "
                           f"{paths[0]}, {name!r}): speaker pages, their name in <h1>"])
        table.set("files", glob_)
        table.set("reader", "cards")
        table.set("page", "profile")
        table.set("name", "h1")
        table.set("labelled", True, "the fields are read by their labels")
        out.append(table)
    return out


def _reads_speaker(readers, doc) -> str | None:
    """The reader (cards, jsonld) that reads a speaker page with a job title from ``doc``, else ``None``."""
    for name in ("jsonld", "cards"):
        try:
            parsed = readers.module(name).read(doc)
        except Exception:  # noqa: BLE001 - a reader that cannot read the page is no reader of it
            continue
        if getattr(parsed, "speakers", None):
            return name
    return None


def _folders_glob(paths: list[str]) -> str:
    """``speakers/*/index.html`` for pages of one name, a folder each; else their folder's glob.

    >>> _folders_glob(["s/ann/index.html", "s/bo/index.html"]), _folders_glob(["s/ann.html", "s/bo.html"])
    ('s/*/index.html', 's/*.html')
    """
    parts = [PurePosixPath(p) for p in paths]
    if len({p.name for p in parts}) == 1 and len({p.parent.parent for p in parts}) == 1:
        return f"{parts[0].parent.parent}/*/{parts[0].name}"
    return f"{parts[0].parent}/*{parts[0].suffix}"
