"""Drafting records whose facts sit deeper than a key of their own: people printed in a text field of a session
(an events plugin's ``description``: "<strong>Moderator:</strong> …", a list of speaker links), person records whose
name and job sit a level or two down (a WordPress REST export: ``title.rendered``, ``acf.job_title``), and a field
naming the records' time zone (``"timezone": "Asia/Singapore"``).

>>> described("<p><strong>Moderator:</strong> Ann Lee, Editor</p>"), described("<li><a href='/speakers/bo-li/'>Bo</a>")
(True, True)
>>> described("<p>Tea &amp; coffee in the foyer.</p>"), described("Speakers: see the programme")
(False, False)
>>> flattened([{"id": 7, "title": {"rendered": "Ann Lee"}, "acf": {"job_title": "CTO", "org": {"name": "Acme"}}}])
[{'id': 7, 'title.rendered': 'Ann Lee', 'acf.job_title': 'CTO', 'acf.org.name': 'Acme'}]
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePosixPath

from ingest.draft_records import (COUNTRY, NAME, ORG, POSITION, filled, find, norm, values_of)
from ingest.draft_values import name_like

# a role label opening a line or a paragraph of a text field, bold or not: "<strong>Panellists:</strong>", "Chair:"
_LABEL = re.compile(r"(?:^|\n|<(?:p|li|br|div)\b[^>]*>)\s*(?:<(?:strong|b|em)>|\*\*)?\s*([^\W\d_][^:<>\n*]{1,30}?)\s*"
                    r"(?::\s*(?:</(?:strong|b|em)>|\*\*)|(?:</(?:strong|b|em)>|\*\*)\s*:)", re.I)
_PEOPLE_LINK = re.compile(r"""href\s*=\s*["']?([^"'\s>]*/(?:speakers?|people|persons?|presenters?|panell?ists?|"""
                          r"""moderators?|profiles?|faculty)/([^/"'\s>]+)/?)["'>\s]""", re.I)


def described(value) -> bool:
    """True for a text (HTML or Markdown) that names people: a role label heading a line ("Moderator:") with a
    name after it or under it, or a link to a speaker's page."""
    from ingest.roles import role_of

    if not isinstance(value, str) or len(value) < 12:
        return False
    if _PEOPLE_LINK.search(value):
        return True
    for m in _LABEL.finditer(value):
        after = re.sub(r"<[^>]+>", " ", value[m.end():m.end() + 200]).split()
        if role_of(m.group(1)) and after and after[0][:1].isupper():
            return True
    return False


def text_people_key(records: list, taken=()) -> tuple[str, int] | None:
    """``(key, records)``: the text field that names people in most records (a third of them at least)."""
    best = None
    for key in filled(records):
        values = [v for v in values_of(records, key) if isinstance(v, str)]
        hits = sum(map(described, values))
        if key not in taken and hits >= max(2, len(records) / 3) and (best is None or hits > best[1]):
            best = key, hits
    return best


def takes_text_people() -> bool:
    """True when the records reader reads people from a text field (its ``persons_text`` option)."""
    from ingest.draft import _takes

    return _takes("records", "persons_text", "description")


def text_people(table, records: list, taken=()) -> list[str]:
    """Set ``persons_text`` on a session part whose records name their people in a text field; the names and the
    speaker links' ids that text prints (for joining the speaker records), and the links in ``table.links``."""
    found = text_people_key(records, taken) if takes_text_people() else None
    if not found:
        return []
    key, hits = found
    values = [v for v in values_of(records, key) if isinstance(v, str)]
    labels = Counter(m.group(1).strip() for v in values for m in _LABEL.finditer(v))
    table.set("persons_text", key, f"'{key}' names the people of {hits} of {len(records)} records in its text "
              f"(labels: {', '.join(f'{w} ×{c}' for w, c in labels.most_common(5))}; speaker links): read as a "
              "description is (labelled lines, lists, links)")
    links = [(m.group(1), m.group(2)) for v in values for m in _PEOPLE_LINK.finditer(v)]
    table.links += [href for href, _ in links]
    names = [re.sub(r"<[^>]+>", "", n).strip() for v in values
             for n in re.findall(r"<a\b[^>]*>(.*?)</a>", v, re.S)]
    return [slug for _, slug in links] + [n for n in names if n]


def link_template(hrefs: list[str], ids: set[str]) -> str | None:
    """The ``link_template`` the links print a record's id in (``/speakers/{id}/``), from a link ending in one.

    >>> link_template(["https://x.org/speakers/ann-lee/"], {"ann-lee"}), link_template(["/p/x/"], {"y"})
    ('/speakers/{id}/', None)
    """
    for href in hrefs:
        path = re.sub(r"^[a-z]+://[^/]+", "", href)
        last = PurePosixPath(path).name
        if last in ids:
            return path[:path.rindex(last)] + "{id}" + path[path.rindex(last) + len(last):]
    return None


# --- person records with nested fields ------------------------------------------------------------------------


def flattened(records: list, depth: int = 2) -> list:
    """Records with the fields of mappings inside them as dotted keys (``title.rendered``), down to ``depth``
    levels; lists stay as they are."""
    def flat(record: dict, at: str, level: int) -> dict:
        out = {}
        for key, value in record.items():
            here = f"{at}{key}"
            if isinstance(value, dict) and level < depth and value:
                out.update(flat(value, here + ".", level + 1))
            else:
                out[here] = value
        return out

    return [flat(r, "", 0) if isinstance(r, dict) else r for r in records]


def nested_people(records: list) -> tuple[list[dict], dict[str, str]] | None:
    """``(records, specs)`` for person records whose fields sit inside mappings (``acf.job_title``,
    ``title.rendered``): the records with each nested field under its own last key (the name under ``name``: the
    key whose values read as names), and ``{short key: dotted spec}``; ``None`` when no name and job or
    organisation is found that way.

    >>> people, specs = nested_people([{"id": 1, "title": {"rendered": "Mr Ann Lee"}, "acf": {"job_title": "CTO",
    ...     "organisation": "Acme"}}, {"id": 2, "title": {"rendered": "Dr Bo Li"}, "acf": {"job_title": "Dean",
    ...     "organisation": "Reef U"}}])
    >>> specs, people[0]["name"]
    ({'name': 'title.rendered', 'job_title': 'acf.job_title', 'organisation': 'acf.organisation'}, 'Mr Ann Lee')
    """
    flat = [r for r in flattened(records) if isinstance(r, dict)]
    dotted = [k for k in filled(flat) if "." in k]
    if len(flat) < 2 or not dotted:
        return None
    shorts = Counter(k.rsplit(".", 1)[-1] for k in dotted)
    specs = {k.rsplit(".", 1)[-1]: k for k in dotted if shorts[k.rsplit(".", 1)[-1]] == 1
             and k.rsplit(".", 1)[-1] not in flat[0]}
    name = find(flat, NAME, 0.8) or next((k for k in dotted if sum(name_like(r.get(k)) for r in flat)
                                          >= 0.8 * len(flat)), None)
    if not name or not any(norm(s) in {norm(n) for n in ORG + POSITION + COUNTRY} for s in specs):
        return None
    if "." in name:
        specs = {"name": name, **{s: k for s, k in specs.items() if k != name}}
    people = [{**{k: v for k, v in r.items() if "." not in k}, **{s: r.get(k) for s, k in specs.items()}}
              for r in flat]
    return people, specs


# --- the records' time zone -----------------------------------------------------------------------------------


def zone_key(records: list) -> tuple[str, str] | None:
    """``(key, zone)``: a field holding the same IANA time zone name in every record that fills it ("timezone":
    "Asia/Singapore"), the zone of the records' times.

    >>> zone_key([{"timezone": "Asia/Singapore", "timezone_abbr": "+08"}] * 2), zone_key([{"tz": "Nowhere/Else"}])
    (('timezone', 'Asia/Singapore'), None)
    """
    from ingest.profile import zone

    for key in filled(records):
        values = {v for v in values_of(records, key) if isinstance(v, str)}
        if len(values) != 1 or "/" not in (value := values.pop()) or len(values_of(records, key)) < 0.8 * len(records):
            continue
        try:
            zone(value)
        except ValueError:
            continue
        return key, value
    return None
