"""Lines of records in a file's text, for provenance, where the parser keeps none (JSON, ElementTree).

Records are looked up in file order, so each search starts where the last one
ended and counting lines goes on from there: reading a whole export stays linear.

>>> lines = Lines('{"id": 1,\\n "speakers": [\\n  {"id": "x"}]}')
>>> lines.json_key("id", "x"), lines.json_key("id", 1), lines.json_key("id", "nope")
(3, 1, None)
>>> Lines("<event id='1'>\\n<person id='7'>A</person>").xml_element("person", "7")
2
"""

from __future__ import annotations

import json
import re


class Lines:
    """1-based lines of patterns in ``text``, searched from the last match on (else from the top)."""

    def __init__(self, text: str):
        self.text = text
        self.cursor = 0
        self.counted = (0, 1)  # a position and its line

    def find(self, pattern: re.Pattern) -> int | None:
        """The line of the next match of ``pattern`` (or the first, when none follows); ``None`` if absent."""
        m = pattern.search(self.text, self.cursor) or pattern.search(self.text)
        if m is None:
            return None
        self.cursor = m.end()
        pos, line = self.counted if m.start() >= self.counted[0] else (0, 1)
        line += self.text.count("\n", pos, m.start())
        self.counted = (m.start(), line)
        return line

    def json_key(self, key: str, value) -> int | None:
        """The line of ``"key": value`` (a string or a number) in JSON text."""
        literal = json.dumps(value)[1:-1] if isinstance(value, str) else json.dumps(value)
        quoted = f'"{re.escape(literal)}"' if isinstance(value, str) else re.escape(literal) + r"(?![\w.])"
        return self.find(re.compile(rf'"{re.escape(key)}"\s*:\s*{quoted}'))

    def xml_element(self, tag: str, ident: str | None) -> int | None:
        """The line of ``<tag … id="ident">`` (or ``guid=``) in XML text."""
        if not ident:
            return None
        return self.find(re.compile(rf"<{tag}\b[^>]*?\b(?:id|guid)\s*=\s*['\"]{re.escape(ident)}['\"]"))
