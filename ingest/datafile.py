"""Data files — YAML, JSON, TOML, CSV, XML — parsed safely into plain values, errors with their line.

A data file holds many records (a speakers list, a schedule export). Its content
becomes ``Document.data``: lists and mappings for YAML/JSON/TOML, a list of row
mappings for CSV, an element tree for XML (read without entity expansion).

>>> load("x.json", '{"a": [1, 2]}')
{'a': [1, 2]}
>>> load("x.csv", "name,org\\nJane Doe,ACME\\n")
[{'name': 'Jane Doe', 'org': 'ACME'}]
>>> load("x.toml", 'title = "T"')
{'title': 'T'}
>>> load("x.json", '{"a": }')
Traceback (most recent call last):
graph.errors.IngestError: x.json:1: is not valid JSON (Expecting value) — fix the file or exclude it in the profile
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import tomllib

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from graph.errors import IngestError

SUFFIXES = ("yml", "yaml", "json", "toml", "csv", "xml")
_FIX = "fix the file or exclude it in the profile"


def load(rel: str, text: str, suffix: str | None = None):
    """The parsed content of a data file's ``text``; ``IngestError`` with the line when it is broken."""
    suffix = suffix or rel.rsplit(".", 1)[-1].lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        raise IngestError(rel, f"is not a data file ({', '.join(SUFFIXES)}) — {_FIX}")
    try:
        data = loader(rel, text)
        return decoded(data) if suffix in ("json", "csv") and "&" in text else data
    except RecursionError:
        raise IngestError(rel, f"nesting too deep to read — {_FIX}") from None


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decoded(data):
    """``data`` with the character references of its strings decoded: a web tool's JSON or CSV export prints names
    as HTML does ("Siobh&aacute;n O&#39;Connell"); a bare "&" ("R&D") stays.

    >>> decoded({"name": "Siobh&aacute;n O&#39;Connell", "tags": ["R&D", "Q&amp;A"], "n": 3})
    {'name': "Siobhán O'Connell", 'tags': ['R&D', 'Q&A'], 'n': 3}
    """
    if isinstance(data, str):
        return _ENTITY.sub(lambda m: html.unescape(m.group()), data) if "&" in data else data
    if isinstance(data, dict):
        return {key: decoded(value) for key, value in data.items()}
    if isinstance(data, list):
        return [decoded(value) for value in data]
    return data


def _json(rel: str, text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(rel, f"is not valid JSON ({exc.msg}) — {_FIX}", exc.lineno) from None


def _yaml(rel: str, text: str):
    from ingest.read import load_yaml_value  # read imports this module

    if rel.rsplit("/", 1)[-1] in ("mkdocs.yml", "mkdocs.yaml"):
        text = _MKDOCS_TAGS.sub("", text)  # its Python and environment tags: no value the site's data needs
    return load_yaml_value(rel, text)


# MkDocs' own YAML tags (``emoji_index: !!python/name:material.extensions.emoji.twemoji``, ``!ENV [CI, false]``,
# ``!relative``), which only MkDocs constructs; every other file's unknown tags stay errors
_MKDOCS_TAGS = re.compile(r"(?<=[:-] )!!?(?:python/[\w.:/-]+|ENV|relative)(?=\s|$)")


def _toml(rel: str, text: str):
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise IngestError(rel, f"is not valid TOML ({str(exc).split(' (at')[0]}) — {_FIX}", line) from None


def _csv(rel: str, text: str):
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|") if text.strip() else csv.excel
    except csv.Error:  # rows of uneven length defeat the sniffer: the header line's separator then
        dialect = _by_header(text)
    try:
        return [dict(row) for row in csv.DictReader(io.StringIO(text), dialect=dialect)]
    except csv.Error as exc:
        raise IngestError(rel, f"is not valid CSV ({exc}) — {_FIX}") from None


def _by_header(text: str) -> type[csv.Dialect]:
    r"""Excel's dialect with the separator its header line holds most of (Excel writes ";" where "," is the
    decimal comma).

    >>> _by_header('Datum;Zeit;Sitzung\n14.05.2031;9:00;"Leiter; Abt."\n1;2\n').delimiter
    ';'
    """
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    separator = max(",;\t|", key=header.count)

    class Header(csv.excel):
        delimiter = separator if header.count(separator) else ","

    return Header


def _xml(rel: str, text: str):
    try:
        return SafeET.fromstring(text.encode("utf-8"), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise IngestError(rel, f"XML declares entities or a DTD ({type(exc).__name__}) — refused; {_FIX}") from None
    except SafeET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise IngestError(rel, f"is not valid XML ({exc}) — {_FIX}", line) from None


_LOADERS = {"json": _json, "yml": _yaml, "yaml": _yaml, "toml": _toml, "csv": _csv, "xml": _xml}
