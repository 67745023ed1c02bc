"""Where a front-matter site keeps each value: key names and file patterns, from the site profile.

Each key option names one front-matter key or a list of them (the first that a
page fills wins); a dotted name reaches into tables (``extra.authors``,
``venue.name``: TOML ``[extra]`` of Zola/Hugo pages), and a name no top-level key
fills is looked up in Hugo's ``[params]`` and Zola's ``[extra]`` tables next
(``ingest.frontmatter_site._first``), ``role_keys`` too. The defaults cover
DjangoCon US and similar Jekyll/11ty/Hugo sites. A profile overrides them in
``[site.frontmatter]`` or in a ``[[parts]]`` table:

>>> keys = Keys.from_options({"speaker_key": "speaker", "item_link": ["speakerurl"], "start": "when"})
>>> keys.speaker_key, keys.item_link, keys.start, keys.end
(('speaker',), ('speakerurl',), ('when',), ('end_datetime', 'end', 'ends_at', 'end_time'))
>>> Keys.from_options({"speaker_keys": "x"})
Traceback (most recent call last):
ValueError: unknown option 'speaker_keys' (did you mean 'speaker_key'?)
>>> Keys.from_options({"body_people": True, "session_levels": [3, 4], "days": {"1": "2031-11-30"}}).session_levels
(3, 4)
>>> Keys.from_options({"session_levels": "3"})
Traceback (most recent call last):
ValueError: session_levels must be a list of heading levels (1-6), e.g. session_levels = [3, 4]
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from dataclasses import dataclass, field, fields

SOCIAL_URLS = {
    "github": "https://github.com/{handle}",
    "twitter": "https://twitter.com/{handle}",
    "x": "https://x.com/{handle}",
    "bluesky": "https://bsky.app/profile/{handle}",
    "instagram": "https://www.instagram.com/{handle}/",
    "linkedin": "https://www.linkedin.com/in/{handle}/",
}


@dataclass(frozen=True)
class Keys:
    """The key names and file patterns of one front-matter site (see docs/sites.md)."""

    # files: glob patterns relative to the site folder; no session patterns: any page with a speaker list
    sessions: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ("**/presenters/*.md", "**/speakers/*.md")
    # session pages
    speaker_key: tuple[str, ...] = ("presenter_slugs", "speakers", "speaker", "presenters")
    # keys of more people with a role of their own, read beside the speaker list: key -> printed role label
    role_keys: dict[str, str] = field(default_factory=lambda: {
        "moderator": "Moderator", "moderators": "Moderator", "chair": "Chair", "chairs": "Chair",
        "panelists": "Panelist", "panellists": "Panellist", "keynote": "Keynote speaker"})
    title: tuple[str, ...] = ("title",)
    permalink: tuple[str, ...] = ("permalink",)
    start: tuple[str, ...] = ("start_datetime", "start", "starts_at", "start_time")
    end: tuple[str, ...] = ("end_datetime", "end", "ends_at", "end_time")
    date: tuple[str, ...] = ("date",)
    time: tuple[str, ...] = ("time", "timeslot")
    duration: tuple[str, ...] = ("duration", "length")  # minutes ("30", "45 min", "1:30"): the end, when none is given
    day: tuple[str, ...] = ("day",)  # a day code ("2", "3.1": its first number) looked up in ``days`` when no date
    days: dict[str, str] = field(default_factory=dict)  # day code -> ISO date
    room: tuple[str, ...] = ("room", "location", "venue")
    track: tuple[str, ...] = ("track",)
    format: tuple[str, ...] = ("category", "format", "type")
    # speakers: a list (slugs, ids, names, mappings) or one string of names ("A, B and C", "moderated by X")
    speaker_names: tuple[str, ...] = ()  # the printed names of an id/slug list, in its order ("speakers-text")
    talks: tuple[str, ...] = ()  # a list of talk mappings on one page, each a session read with these keys
    # people listed in the page body: role headings ("## Speakers", "**Moderator**", "Panelists:") + bullets
    body_people: bool = False
    # data files (globs) of the programme: a session page printing no date takes the date, times and room of the
    # slot of the same title that a part reads from them, in the same edition (ingest.title_slots); a speaker
    # page's list of its talks joins the slots whose titles its items print (ingest.listed_talks)
    slots: tuple[str, ...] = ()
    people_headings: tuple[str, ...] = ()  # words that make a heading a people list (default: any role word)
    session_levels: tuple[int, ...] = ()  # heading levels that name a session of their own within the page
    # entries of a speaker list that are mappings
    item_name: tuple[str, ...] = ("name",)
    item_link: tuple[str, ...] = ("url", "link", "permalink")
    item_role: tuple[str, ...] = ("role",)
    item_title: tuple[str, ...] = ("title", "job_title", "position")
    item_company: tuple[str, ...] = ("company", "organisation", "organization", "affiliation")
    # speaker pages
    name: tuple[str, ...] = ("name", "title")
    given_name: tuple[str, ...] = ("first_name", "given_name")  # with family_name, when no name is given
    family_name: tuple[str, ...] = ("last_name", "family_name")
    job_title: tuple[str, ...] = ("role", "job_title", "position")
    company: tuple[str, ...] = ("company", "organisation", "organization", "affiliation")
    country: tuple[str, ...] = ("country",)
    honorific: tuple[str, ...] = ("honorific", "salutation", "honorific_prefix")
    photo: tuple[str, ...] = ("photo", "image", "avatar")
    social: tuple[str, ...] = ("social",)
    # roles: the label of a session's speakers, by title prefix, else by format, else the default
    role_label: str = "Speaker"
    title_roles: dict[str, str] = field(default_factory=lambda: {
        "Keynote": "Keynote speaker", "Opening Remarks": "Remarks", "Closing Remarks": "Remarks"})
    format_roles: dict[str, str] = field(default_factory=lambda: {
        "tutorial": "Tutorial presenter", "tutorials": "Tutorial presenter"})
    # links: a slug entry links to (and a speaker page without permalink is at) this path
    link_template: str = "/presenters/{slug}/"
    social_urls: dict[str, str] = field(default_factory=lambda: dict(SOCIAL_URLS))

    @classmethod
    def from_options(cls, options: dict) -> Keys:
        """The defaults overridden by a profile's ``[site.frontmatter]`` table; ``ValueError`` names a bad option."""
        known = {f.name: f for f in fields(cls)}
        values = {}
        for name, value in options.items():
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1)
                raise ValueError(f"unknown option {name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
            values[name] = _option(name, value, known[name].type)
        if "{slug}" not in values.get("link_template", "{slug}"):
            raise ValueError("link_template must contain {slug}, e.g. \"/speakers/{slug}/\"")
        for code, day in values.get("days", {}).items():
            try:
                date.fromisoformat(day)
            except ValueError:
                raise ValueError(f"days: {code!r} = {day!r} is not a date — write it as \"2031-05-01\"") from None
        if "social_urls" in values:
            values["social_urls"] = {**SOCIAL_URLS, **values["social_urls"]}
        return cls(**values)

    def stem_role(self, key: str) -> str | None:
        """The label of ``role_keys`` that a people key names by its stem: ``moderator_slugs``, ``chair-ids``,
        ``moderator`` for ``moderators`` (a key ``role_keys`` names itself is read as it is, not here).

        >>> keys = Keys()
        >>> keys.stem_role("moderator_slugs"), keys.stem_role("chairs_ids"), keys.stem_role("panelist_slugs")
        ('Moderator', 'Chair', 'Panelist')
        >>> keys.stem_role("moderator"), keys.stem_role("speaker_bio"), keys.stem_role("hosts")
        (None, None, None)
        """
        stem = key_stem(key)
        if key in self.role_keys or stem == key:
            return None
        for name in (stem, stem + "s", stem.removesuffix("s")):
            if name in self.role_keys:
                return self.role_keys[name]
        return None


_ID_SUFFIX = re.compile(r"(?:[_-](?:slugs?|ids?)|(?<=[a-z])(?:Slugs?|Ids?))$")  # "_slugs", "-ids", "Slugs"


def key_stem(key: str) -> str:
    """A people key without its id suffix, its separators as spaces: the words that name its people's role.

    >>> key_stem("moderator_slugs"), key_stem("co_presenters"), key_stem("coPresenterIds"), key_stem("paid")
    ('moderator', 'co presenters', 'co presenter', 'paid')
    """
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", _ID_SUFFIX.sub("", key.strip()))  # "coPresenters"
    return " ".join(re.split(r"[_\-\s]+", words)).strip().lower()


def has_id_suffix(key: str) -> bool:
    """True for a key that names a list of slugs or ids: ``copresenter_slugs``, ``moderator-ids``.

    >>> has_id_suffix("copresenter_slugs"), has_id_suffix("co_presenters")
    (True, False)
    """
    return bool(_ID_SUFFIX.search(key)) and bool(_ID_SUFFIX.sub("", key))


def _option(name: str, value, kind: str):
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be true or false, not {value!r}")
        return value
    if kind == "tuple[int, ...]":
        if not isinstance(value, list) or not all(isinstance(v, int) and 1 <= v <= 6 for v in value):
            raise ValueError(f"{name} must be a list of heading levels (1-6), e.g. {name} = [3, 4]")
        return tuple(value)
    if kind == "str":
        if not isinstance(value, str):
            raise ValueError(f"{name} must be a string, not {value!r}")
        return value
    if kind.startswith("dict"):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ValueError(f"{name} must be a table of strings, e.g. {name} = {{ key = \"value\" }}")
        return {str(k).lower() if name == "format_roles" else str(k): v for k, v in value.items()}
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(v, str) and v for v in items):
        raise ValueError(f"{name} must be a key name or a list of them, not {value!r}")
    return tuple(items)
