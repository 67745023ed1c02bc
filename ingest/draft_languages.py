"""A site in several languages: read one of them. The same programme printed in Spanish and in English is one
programme; read twice, every appearance would count twice.

Pages say they have versions in other languages with ``<link rel="alternate" hreflang="en" href="…">`` (Drupal,
WordPress with Polylang or WPML, Hugo, Jekyll's polyglot), and multilingual sites keep each language in a folder
of its own (``es/``, ``en/``, ``2024/fr/``). The drafter keeps the site's default language — the page
``hreflang="x-default"`` points to, else the language of the front page or the one the configuration names
(Hugo's ``defaultContentLanguage``), else the first in path order — and writes the others into ``[site] exclude``,
with a comment saying so: a language folder as a whole (``2024/en/**``) when each of its pages has a counterpart in
the kept language, else only the pages that have one (a session held in one language only stays read).

>>> page_language(Document("a.html", "", {}, '<!DOCTYPE html><html lang="es-PE"><head>', 0))
'es'
>>> alternates(Document("a.html", "", {}, '<link rel="alternate" hreflang="en" href="/en/programme/">', 0))
{'en': '/en/programme/'}
>>> language_folders(["2024/es/a.html", "2024/en/b.html", "img/x.html", "2023/a.html"])
{'2024/es': 'es', '2024/en': 'en'}
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import PurePosixPath

from ingest.records import Document

_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*", re.I)
_LINK = re.compile(r"<link\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_CODE = re.compile(r"([a-z]{2})(?:[-_][a-z]{2,4})?", re.I)  # es, pt-br, zh_CN: the language before its region
DEFAULT_KEYS = ("defaultContentLanguage", "default_language", "defaultLanguage", "languageCode", "lang", "language",
                "locale")  # Hugo, Zola, Jekyll, MkDocs (theme.language), a site's own


def page_language(doc: Document) -> str | None:
    """The language a page declares: its ``<html lang>``, else a front-matter ``lang``/``language`` key."""
    m = _LANG.search(doc.body[:4000])
    if m:
        return m.group(1).lower()
    for key in ("lang", "language"):
        value = doc.meta.get(key) if isinstance(doc.meta, dict) else None
        if isinstance(value, str) and (code := _code(value)):
            return code
    return None


def alternates(doc: Document) -> dict[str, str]:
    """``{language: href}`` of the versions of a page in other languages it links in its head
    (``<link rel="alternate" hreflang>``), ``x-default`` among them when it names one."""
    found = {}
    for tag in _LINK.findall(doc.body[:20000]):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(tag)}
        lang = attrs.get("hreflang", "").strip().lower()
        if "alternate" in attrs.get("rel", "").lower().split() and lang and attrs.get("href"):
            found[lang if lang == "x-default" else (_code(lang) or lang)] = attrs["href"]
    return found


def _code(text: str) -> str | None:
    """The language of a code (``es-PE``: es) when it is one."""
    m = _CODE.fullmatch(text.strip())
    return m.group(1).lower() if m and m.group(1).lower() in _languages() else None


@cache
def _languages() -> frozenset[str]:
    from babel import localedata

    return frozenset(i for i in localedata.locale_identifiers() if len(i) == 2)


def language_folders(paths: list[str]) -> dict[str, str]:
    """``{folder: language}`` of the folders named by a language code beside another such folder (``2024/es`` and
    ``2024/en``); a lone ``id/`` or ``it/`` is no language.

    >>> language_folders(["site/fr/a.md", "site/js/b.md", "de/c.md"])
    {}
    """
    by_parent: dict[str, dict[str, str]] = {}
    for path in paths:
        parts = PurePosixPath(path).parts[:-1]
        for i, name in enumerate(parts):
            code = _code(name)
            if code:
                by_parent.setdefault("/".join(parts[:i]), {})["/".join(parts[:i + 1])] = code
    return {folder: code for siblings in by_parent.values() if len(set(siblings.values())) >= 2
            for folder, code in siblings.items()}


def _language_of(doc: Document, folders: dict[str, str]) -> str | None:
    """A page's language: its language folder's, else the one it declares."""
    for folder, code in folders.items():
        if doc.path.startswith(folder + "/"):
            return code
    return page_language(doc)


def other_languages(pages: list[Document], configs: list[tuple[dict, str]] = ()) -> tuple[str | None, dict[str, str]]:
    """``(language kept, {exclude glob or path: why})`` for a site whose pages come in several languages (versions
    linked by ``hreflang``, or language folders side by side); ``(None, {})`` for a site in one language."""
    folders = language_folders([d.path for d in pages])
    linked = {d.path: alternates(d) for d in pages}
    versions = [d for d in pages if any(k != "x-default" for k in linked[d.path]) or _language_of(d, folders)
                and any(d.path.startswith(f + "/") for f in folders)]
    langs = {d.path: lang for d in versions if (lang := _language_of(d, folders))}
    if len(set(langs.values())) < 2:
        return None, {}
    kept, why = _default(pages, linked, folders, configs, langs)
    out: dict[str, str] = {}
    for folder, code in sorted(folders.items()):
        if code != kept:
            out.update(translated(folder, code, _sibling(folder, kept, folders), pages, kept))
    for doc in versions:
        lang = langs.get(doc.path)
        if lang and lang != kept and not any(doc.path.startswith(f + "/") for f in folders):
            out[doc.path] = f"{doc.path} is in {lang} (<html lang>), a version of a page in {kept} (hreflang)"
    return kept, {glob: f"{reason}: the site prints its programme in several languages, read in one ({kept}: "
                        f"{why}) so that no appearance counts twice" for glob, reason in out.items()}


def _sibling(folder: str, lang: str, folders: dict[str, str]) -> str | None:
    """The language folder of ``lang`` beside ``folder`` (``content/en`` beside ``content/fr``), if any."""
    parent = folder.rpartition("/")[0]
    return next((f for f, code in sorted(folders.items()) if code == lang and f.rpartition("/")[0] == parent), None)


def translated(folder: str, code: str, kept: str | None, pages: list[Document], lang: str = "") -> dict[str, str]:
    """``{exclude glob or path: why}`` for the pages of the language folder ``folder`` that have a counterpart in the
    kept language's folder ``kept`` (the same path below it, the same page name, the same ``translationKey``, or a
    ``hreflang`` link between them in the kept language ``lang``): a
    folder whose pages all have one as a whole (``content/fr/**``), else those pages by name — a page printed in
    one language only (a session held in French) stays read, or its appearances would be lost.

    >>> page = lambda path, **meta: Document(path, "", meta, "", 0)
    >>> pages = [page("c/en/s/a.md"), page("c/en/s/b.md", translationKey="t1"), page("c/fr/s/a.md"),
    ...          page("c/fr/s/bee.md", translationKey="t1"), page("c/fr/s/only.md"), page("c/fr/x/a.md")]
    >>> sorted(translated("c/fr", "fr", "c/en", pages))
    ['c/fr/s/{a.md,bee.md}', 'c/fr/x/**']
    >>> list(translated("c/fr", "fr", "c/en", pages[:4]))
    ['c/fr/**']
    """
    mine = [d for d in pages if d.path.startswith(folder + "/")]
    if kept is None:
        return {f"{folder}/**": f"the pages in {folder}/ are in {code}"} if mine else {}
    theirs: dict[str, str] = {}
    for doc in (d for d in pages if d.path.startswith(kept + "/")):
        for key in _page_keys(doc, kept):
            theirs.setdefault(key, doc.path)
    for doc in (d for d in pages if d.path.startswith(kept + "/")):
        theirs.update({f"h|{_href_path(href)}": doc.path for href in alternates(doc).values()})
    twins = {d.path: next((theirs[k] for k in _page_keys(d, folder) if k in theirs), None)
             or (f"its {lang} version {alternates(d)[lang]}" if lang in alternates(d) else None) for d in mine}
    alone = sorted(p for p, twin in twins.items() if twin is None)
    if not alone:
        return {f"{folder}/**": f"the pages in {folder}/ are in {code}"} if mine else {}
    stay = (f"; {len(alone)} page{'s' * (len(alone) != 1)} of {folder}/ with no counterpart in {kept}/ stay read "
            f"(e.g. {alone[0]})")
    out, files = {}, {}
    for path, twin in sorted(twins.items()):
        if twin is not None and (top := _whole(path, folder, twins)):
            out[f"{top}/**"] = f"the pages in {top}/ are in {code}, each with its counterpart in {kept}/{stay}"
        elif twin is not None:
            files.setdefault(str(PurePosixPath(path).parent), []).append(path)
    for parent, paths in files.items():
        why = (f"in {code}, each the translation of a page of {kept}/ (e.g. {twins[paths[0]]})" if len(paths) > 1
               else f"in {code}, the translation of {twins[paths[0]]}") + stay
        out.update({glob: why for glob in _names_globs(parent, paths)})
    return out


def _names_globs(parent: str, paths: list[str]) -> list[str]:
    """Globs naming the files ``paths`` of the folder ``parent``: their names in braces, a lone file (or one whose
    name a glob would read otherwise) by its path.

    >>> _names_globs("c/fr", ["c/fr/a.md", "c/fr/b.md", "c/fr/x{1}.md"]), _names_globs("c/fr", ["c/fr/a.md"])
    (['c/fr/x{1}.md', 'c/fr/{a.md,b.md}'], ['c/fr/a.md'])
    """
    odd = [p for p in paths if re.search(r"[{},*?\[\]!]", PurePosixPath(p).name)]
    plain = [PurePosixPath(p).name for p in paths if p not in odd]
    return odd + ([f"{parent}/{plain[0]}"] if len(plain) == 1 else [f"{parent}/{{{','.join(plain)}}}"] if plain else [])


def _page_keys(doc: Document, folder: str) -> list[str]:
    """What names a page across its language folders: its path below the folder, its name (the folder's, for an
    ``index`` page), its ``translationKey``."""
    rel = PurePosixPath(doc.path[len(folder) + 1:])
    name = rel.parent.name if rel.stem.lower() in ("index", "_index", "readme") else rel.stem
    keys = [f"p|{rel.with_suffix('')}", f"h|{_href_path(doc.path)}"] + ([f"n|{name}"] if name else [])
    meta = doc.meta if isinstance(doc.meta, dict) else {}
    return keys + [f"k|{meta[k]}" for k in ("translationKey", "translation_key") if isinstance(meta.get(k), str | int)]


def _href_path(href: str) -> str:
    """A link's or a file's path as a page address: no host, no ``index.html``, no suffix, no slashes around.

    >>> _href_path("https://x.org/2031/en/programme/"), _href_path("2031/en/programme/index.html")
    ('2031/en/programme', '2031/en/programme')
    """
    path = re.sub(r"^[a-z]+://[^/]+", "", href).split("#")[0].split("?")[0].strip("/")
    path = re.sub(r"(^|/)(?:index|_index)\.[a-z]+$", "", path)
    return re.sub(r"\.(?:html?|md|markdown)$", "", path)


def _whole(path: str, folder: str, twins: dict[str, str | None]) -> str | None:
    """The topmost folder above ``path`` (within ``folder``) all of whose pages have a counterpart, if any."""
    parts = PurePosixPath(path[len(folder) + 1:]).parts[:-1]
    for i in range(len(parts) + 1):
        top = "/".join([folder, *parts[:i]])
        if all(twin for p, twin in twins.items() if p.startswith(top + "/")):
            return top
    return None


def _default(pages: list[Document], linked: dict[str, dict[str, str]], folders: dict[str, str],
             configs: list[tuple[dict, str]], langs: dict[str, str]) -> tuple[str, str]:
    """The site's default language and why: x-default, the configuration, the front page, else the first."""
    codes = set(langs.values())
    for alts in linked.values():
        target = alts.get("x-default")
        lang = _href_language(target, pages, folders) if target else None
        if lang in codes:
            return lang, f"the pages' hreflang x-default points to {target}"
    for data, rel in configs:
        for key in DEFAULT_KEYS:
            value = data.get(key) if isinstance(data, dict) else None
            if isinstance(value, str) and _code(value) in codes:
                return _code(value), f"{rel} says {key}: {value}"
    front = next((d for d in pages if PurePosixPath(d.path).stem == "index" and "/" not in d.path), None)
    if front is not None and page_language(front) in codes:
        return page_language(front), f"the front page {front.path} is in it"
    first = min(langs, key=lambda p: (p.count("/"), p))
    counts = Counter(langs.values())
    return langs[first], f"the first in path order ({first}; pages per language: " + ", ".join(
        f"{c} {n}" for c, n in counts.most_common()) + ")"


def _href_language(href: str, pages: list[Document], folders: dict[str, str]) -> str | None:
    """The language of the page an ``href`` points to (its language folder's, or its own)."""
    path = re.sub(r"^[a-z]+://[^/]+", "", href).strip("/")
    for doc in pages:
        stem = doc.path.rsplit(".", 1)[0]
        if path and stem in (path, f"{path}/index") or not path and stem == "index":
            return _language_of(doc, folders)
    head = path.split("/", 1)[0]
    return _code(head) if head else None
