"""Fields a page prints under labels: "Position: Head of Cyber Diplomacy", "Organisation: …", "Country: …".

A CMS's speaker page (Drupal's ``field__label`` / ``field__item``, a WordPress theme's ``label`` / ``value``
spans, a definition list, a two-column table) prints each field of a person beside a label naming it. The
label says which field a value is, whatever the markup: ``fields`` reads them by their labels' words (the
English ones here, the other languages' from ``data/record_keys.toml``), each field with all its values in order
(a field of two positions prints two items).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ingest.html_page import text
from ingest.record_keys import more_keys

# label words (lower case, no colon) -> field
_LABELS = {
    "title": ("position", "positions", "job title", "job", "title", "role", "function", "designation", "current position",
              *more_keys("position")),
    "organisation": ("organisation", "organization", "company", "affiliation", "affiliations", "institution", "employer",
                     "agency", *more_keys("organisation")),
    "country": ("country", "nationality", *more_keys("country")),
    "honorific": ("honorific", "salutation", "prefix", *more_keys("honorific")),
}
_FIELD = {word.lower(): field for field, words in _LABELS.items() for word in words}
_LABEL_CLASS = re.compile(r"(?:^|[_-])label(?:$|[_-])|^label", re.I)
_VALUE_CLASS = re.compile(r"(?:^|[_-])(?:item|items|value|content)(?:$|[_-])", re.I)


def field_of(label: str) -> str | None:
    """The field a label names ("Organisation:" → organisation), else ``None``.

    >>> field_of("Position"), field_of("Organisation:"), field_of("Land"), field_of("Sessions")
    ('title', 'organisation', 'country', None)
    """
    return _FIELD.get(" ".join(label.strip(" :\u00a0").split()).lower())


def fields(root: LexborNode) -> dict[str, list[str]]:
    """The labelled fields under ``root``: each field its values in order (the first label of a field counts).

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> html = ('<div class="field"><div class="field__label">Position</div><div class="field__items">'
    ...         '<div class="field__item">Head of Unit</div><div class="field__item">Fellow</div></div></div>'
    ...         '<dl><dt>Organisation</dt><dd>Kestrel Institute</dd><dt>Country</dt><dd>Norway</dd></dl>')
    >>> fields(LexborHTMLParser(html).body)
    {'title': ['Head of Unit', 'Fellow'], 'organisation': ['Kestrel Institute'], 'country': ['Norway']}
    >>> fields(LexborHTMLParser('<p><span class="label">Company:</span> <span class="value">Acme</span></p>').body)
    {'organisation': ['Acme']}
    """
    found: dict[str, list[str]] = {}
    for label in _labels(root):
        field = field_of(text(label))
        if field is None or field in found:
            continue
        values = [v for v in _values(label) if v]
        if values:
            found[field] = values
    for field, values in _classed(root).items():
        found.setdefault(field, values)
    return found


# a field an element's class names, printed without a label ("<div class="speaker-country">Romania</div>", a Webflow
# collection page's "speaker-title-detail", a theme's "job-title"): the class is the label
_FIELD_CLASSES = {
    "country": re.compile(r"(?:^|[-_])(?:country|nationality)$", re.I),
    "title": re.compile(r"(?:^|[-_])(?:job[-_]?title|jobtitle|position|title[-_]detail)$", re.I),
    "organisation": re.compile(r"(?:^|[-_])(?:company|organi[sz]ation|affiliation|employer|institution)$", re.I),
}


def _classed(root: LexborNode) -> dict[str, list[str]]:
    """The fields printed in elements whose class names them, the first of each: short text, no element inside.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> _classed(LexborHTMLParser('<h1>Ann Lee</h1><div class="speaker-country">Romania</div>'
    ...                           '<div class="speaker-title-detail">Professor of Law</div>').body)
    {'country': ['Romania'], 'title': ['Professor of Law']}
    """
    found: dict[str, list[str]] = {}
    for node in root.css("div[class], span[class], p[class], dd[class], li[class]"):
        printed = text(node)
        if not printed or len(printed) > 100 or any(c.tag not in ("-text", "-comment", "br", "a", "em", "strong", "b", "i")
                                                    for c in node.iter(include_text=True)):
            continue
        for field, pattern in _FIELD_CLASSES.items():
            if field not in found and any(pattern.search(c) for c in (node.attributes.get("class") or "").split()):
                found[field] = [printed]
    return found


def _labels(root: LexborNode) -> list[LexborNode]:
    """The elements that read as labels: ``<dt>``, ``<th>`` and elements with a "label" class, short."""
    out = []
    for node in root.css("dt, th, [class]"):
        if node.tag in ("dt", "th") or any(_LABEL_CLASS.search(c) for c in (node.attributes.get("class") or "").split()):
            if len(text(node)) <= 40:
                out.append(node)
    return out


def _values(label: LexborNode) -> list[str]:
    """The values a label names: its container's items ("field__item", "value"), else the element after it."""
    parent = label.parent
    if label.tag not in ("dt", "th") and parent is not None:
        items = [n for n in parent.css("[class]") if n.mem_id != label.mem_id and _is_value(n) and not _has_value_inside(n)]
        if items:
            return [text(n) for n in items]
    after = label.next
    while after is not None and after.tag in ("-text", "-comment") and not (after.text() or "").strip(" :\n\t"):
        after = after.next
    if after is None:
        return []
    if after.tag == "-text":
        return [(after.text() or "").strip(" :\n\t")]
    items = [n for n in after.css("[class]") if _is_value(n) and not _has_value_inside(n)]
    return [text(n) for n in items] if items else [text(after)]


def _is_value(node: LexborNode) -> bool:
    return any(_VALUE_CLASS.search(c) for c in (node.attributes.get("class") or "").split())


def _has_value_inside(node: LexborNode) -> bool:
    return any(_is_value(n) for n in node.css("[class]") if n.mem_id != node.mem_id)  # css() holds the node itself
