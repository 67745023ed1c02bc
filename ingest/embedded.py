r"""JSON as a reader finds it: a data file's content, or JSON embedded in code.

A conference site may keep an export inside code, e.g. a React page that wraps
a Sessionize export in ``parseJson(`…`)`` (a template literal, so every backslash
is doubled). A profile part says where the JSON is with a regular expression of
one group (``embedded``) and how the code escaped it (``unescape``), so no reader
knows any particular file:

>>> doc = Document("a.tsx", "", {}, 'x = parseJson(`\n{"a": "b\\\\nc"}\n`)', 0)
>>> Embedded.from_options({"embedded": r"parseJson\(`(.*)`\)", "unescape": "backslashes"}).load(doc)
({'a': 'b\nc'}, 0)
>>> Embedded.from_options({"embedded": "(a)(b)"})
Traceback (most recent call last):
ValueError: embedded must be a regular expression with one group around the JSON, e.g. "parseJson\\(`(.*)`\\)"
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from graph.errors import IngestError
from ingest.records import Document

# how code escaped the JSON it holds -> the function that undoes it
UNESCAPES = {
    "none": lambda text: text,
    # a JavaScript template literal: \\ \` \$ stand for \ ` $
    "backslashes": lambda text: re.sub(r"\\([\\`$])", r"\1", text),
}
_EXAMPLE = 'e.g. "parseJson\\\\(`(.*)`\\\\)"'


@dataclass(frozen=True)
class Embedded:
    """Where a file holds its JSON: the whole data file, or one regex group of its text, unescaped."""

    pattern: re.Pattern | None = None
    unescape: str = "none"

    @classmethod
    def from_options(cls, options: dict) -> Embedded:
        """The ``embedded`` and ``unescape`` options of a profile part; ``ValueError`` names a bad one."""
        pattern, unescape = options.get("embedded"), options.get("unescape", "none")
        if unescape not in UNESCAPES:
            raise ValueError(f"unescape must be one of {', '.join(UNESCAPES)}, not {unescape!r}")
        if pattern is None:
            return cls(unescape=unescape)
        try:
            compiled = re.compile(pattern, re.S) if isinstance(pattern, str) else None
        except re.error as exc:
            raise ValueError(f"embedded is not a regular expression ({exc}) — {_EXAMPLE}") from None
        if compiled is None or compiled.groups != 1:
            raise ValueError(f"embedded must be a regular expression with one group around the JSON, {_EXAMPLE}")
        return cls(compiled, unescape)

    def load(self, doc: Document):
        """The JSON of ``doc`` and the 0-based line where it starts; ``IngestError`` when absent or broken."""
        if self.pattern is None:
            if doc.data is None:
                raise IngestError(doc.path, "holds no JSON data — give the part an embedded = \"regex\" option "
                                            "when the JSON sits inside code")
            return doc.data, 0
        m = self.pattern.search(doc.body)
        if m is None:
            raise IngestError(doc.path, f"the part's embedded pattern {self.pattern.pattern!r} matches nothing — "
                                        "check it against the file")
        first = doc.body.count("\n", 0, m.start(1))
        try:
            return json.loads(UNESCAPES[self.unescape](m.group(1))), first
        except json.JSONDecodeError as exc:
            raise IngestError(doc.path, f"embedded JSON is not valid JSON ({exc.msg}) — check the part's unescape "
                                        "option, or fix the file", first + exc.lineno) from None
        except RecursionError:
            raise IngestError(doc.path, "embedded JSON nests too deep to read — simplify the file") from None

