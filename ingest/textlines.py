"""Lines of records in a file's text, for provenance, where the parser keeps none (JSON, ElementTree).

Each kind of key is indexed once (one scan of the text: value -> positions),
and records are looked up in file order: the next occurrence after the last
one found, else the first. Reading a whole export stays linear.

>>> lines = Lines('{"id": 1,\\n "speakers": [\\n  {"id": "x"}]}')
>>> lines.json_key("id", "x"), lines.json_key("id", 1), lines.json_key("id", "nope")
(3, 1, None)
>>> Lines("<event id='1'>\\n<person id='7'>A</person>").xml_element("person", "7")
2
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right


class Lines:
    """1-based lines of JSON keys and XML elements in ``text``."""

    def __init__(self, text: str):
        self.text = text
        self.cursor = 0
        self._indexes: dict[tuple, dict[str, list[int]]] = {}
        self._starts: list[int] | None = None

    def json_key(self, key: str, value) -> int | None:
        """The line of ``"key": value`` (a string or a number) in JSON text."""
        pattern = rf'"{re.escape(key)}"\s*:\s*("(?:[^"\\]|\\.)*"|-?[\d.eE+-]+)'
        literal = json.dumps(value, ensure_ascii=False)
        return self._find(("json", key), pattern, literal)

    def xml_element(self, tag: str, ident: str | None) -> int | None:
        """The line of ``<tag … id="ident">`` (or ``guid=``) in XML text."""
        if not ident:
            return None
        pattern = rf"<{re.escape(tag)}\b[^>]*?\b(?:id|guid)\s*=\s*(?:'([^']*)'|\"([^\"]*)\")"
        return self._find(("xml", tag), pattern, ident)

    def _find(self, kind: tuple, pattern: str, value: str) -> int | None:
        index = self._indexes.get(kind)
        if index is None:
            index = self._indexes[kind] = {}
            for m in re.finditer(pattern, self.text):
                found = m.group(1) if m.group(1) is not None else m.group(m.lastindex)
                index.setdefault(found, []).append(m.start())
        positions = index.get(value)
        if not positions:
            return None
        i = bisect_left(positions, self.cursor)
        pos = positions[i] if i < len(positions) else positions[0]
        self.cursor = pos + 1
        return self.line_at(pos)

    def line_at(self, pos: int) -> int:
        """The 1-based line of the character at ``pos``."""
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return bisect_right(self._starts, pos)
