"""The line of a record in a data file, by its path of keys and indexes ("program", 3, "moderator", 0).

YAML keeps node marks; JSON is read by the same YAML composer (JSON is YAML's flow
style), so its records get lines too, as does JSON found inside code (``of_text``
with the line it starts on); when the composer cannot read a file (TOML, a JSON
oddity), lines are unknown (``None``) and reading goes on. A CSV row's line
is its number plus one (the header is line 1).

>>> lines = Lines.of(Document("a.yml", "", {}, "program:\\n  - title: A\\n    mc:\\n      - Ann Lee\\n", 0, data={}))
>>> lines.line(("program", 0)), lines.line(("program", 0, "mc", 0)), lines.line(("program", 5))
(2, 4, None)
>>> Lines.of(Document("a.csv", "", {}, "name\\nAnn\\nBo\\n", 0, data=[])).line((1,))
3
"""

from __future__ import annotations

import yaml

from ingest.records import Document

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Lines:
    """Lines of the records of one data file (1-based), found by path."""

    def __init__(self, root=None, csv: bool = False, first: int = 0):
        self.root, self.csv, self.first = root, csv, first

    @classmethod
    def of(cls, doc: Document) -> Lines:
        """The lines of a data file ``doc``; none for a format without node marks (TOML)."""
        if doc.suffix == "csv":
            return cls(csv=True)
        if doc.suffix not in ("yml", "yaml", "json"):
            return cls()
        return cls.of_text(doc.body)

    @classmethod
    def of_text(cls, text: str, first: int = 0) -> Lines:
        """The lines of YAML or JSON ``text`` that starts on the 0-based line ``first`` of its file."""
        try:
            return cls(yaml.compose(text, Loader=_Loader), first=first)
        except (yaml.YAMLError, RecursionError, ValueError):
            return cls()

    def line(self, path: tuple) -> int | None:
        """The 1-based line where the value at ``path`` starts, or ``None``."""
        if self.csv:
            return path[0] + 2 if len(path) == 1 and isinstance(path[0], int) else None
        node = self.root
        for step in path:
            node = _child(node, step)
            if node is None:
                return None
        return None if node is None or node is self.root else self.first + node.start_mark.line + 1


def _child(node, step):
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        return node.value[step] if 0 <= step < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                return value
    return None
