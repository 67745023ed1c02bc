"""The names of a record's fields in French, German, Spanish, Dutch and Italian (``data/record_keys.toml``): a
spreadsheet's "Vorname", a front matter's "naam", a table's "Organisatie" column are known as "first_name",
"name" and "organisation" are. Read by the drafter (``ingest/draft_records.py``) and by the readers that take a
table's columns by their header (``ingest/column_table.py``).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

RECORD_KEYS = Path(__file__).resolve().parent.parent / "data" / "record_keys.toml"


@cache
def _key_words() -> dict[str, tuple[str, ...]]:
    with RECORD_KEYS.open("rb") as handle:
        return {field: tuple(words) for field, words in tomllib.load(handle).items()}


def more_keys(field: str) -> tuple[str, ...]:
    """The French, German, Spanish, Dutch and Italian names of a field's key.

    >>> "Vorname" in more_keys("given"), "Sitzung" in more_keys("title"), "naam" in more_keys("name")
    (True, True, True)
    """
    return _key_words().get(field, ())
