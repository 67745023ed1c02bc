"""reStructuredText pages (a Sphinx site's sources) as the HTML docutils renders from them.

A Sphinx site prints its programme in ``.rst`` files: sections per day, ``list-table`` and grid tables, field
lists (``:Speaker: Ann Lee``), cross-references (``:ref:`Title <label>```, ``:doc:``). ``as_html`` renders a page
with docutils — no file inclusion, no raw HTML, no configuration files, errors kept out of the text — so the
HTML readers read it as any HTML page. Each element starts on its own source line (the HTML is padded with line
breaks), so a row's line is the line the ``.rst`` file prints it on. Sphinx's own roles print their text: the
title of ``Title <label>``, else the label's last part (``speakers:Panel: Who Owns the Docs?`` → "Panel: Who Owns
the Docs?").
"""

from __future__ import annotations

import re
from functools import cache

from docutils import nodes
from docutils.core import publish_parts
from docutils.parsers.rst import roles
from docutils.writers.html5_polyglot import HTMLTranslator, Writer

SUFFIXES = ("rst",)
_SETTINGS = {"report_level": 5, "halt_level": 5, "warning_stream": False, "file_insertion_enabled": False,
             "raw_enabled": False, "_disable_config": True, "doctitle_xform": False, "sectsubtitle_xform": False,
             "embed_stylesheet": False, "stylesheet_path": "", "syntax_highlight": "none", "input_encoding": "unicode",
             "character_level_inline_markup": False}
# Sphinx's roles that print a reference's or a term's text
_SPHINX_ROLES = ("ref", "doc", "term", "numref", "any", "download", "abbr", "guilabel", "menuselection", "command",
                 "file", "program", "option", "envvar", "kbd", "class", "func", "meth", "mod", "attr", "data", "obj",
                 "py:class", "py:func", "py:meth", "std:ref", "std:doc", "eq", "pep", "rfc")
_TARGET = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]*)>$", re.S)
_LABEL = re.compile(r"^[\w./-]+:(?=\S)(?P<rest>.+)$")


def as_html(text: str) -> str:
    """The page rendered to HTML, each element on its source line.

    >>> html = as_html("Day 1\\n=====\\n\\n* Ann Lee (Acme)\\n* :ref:`Panel: Data <panel>`\\n")
    >>> [ln.strip() for ln in html.split("\\n")][:4]
    ['<section id="day-1"> <h2>Day 1</h2>', '', '', '<ul class="simple"> <li><p>Ann Lee (Acme)</p></li>']
    >>> "Panel: Data" in html and "panel>" not in html
    True
    """
    _roles()
    parts = publish_parts(source=text, writer=_PaddedWriter(), settings_overrides={**_SETTINGS, "sg_source": text})
    out, line = [], 1
    for k, piece in enumerate(_MARK.split(parts["body"])):
        if k % 2:  # an element's source line: break lines up to it
            out.append("\n" * max(0, int(piece) - line))
            line = max(line, int(piece))
        else:  # docutils' own line breaks between tags are spaces: the lines are the source's
            out.append(piece.replace("\n", " "))
    return "".join(out)


_MARK = re.compile("\x00(\\d+)\x00")


@cache
def _roles() -> None:
    """Sphinx's reference roles, registered once: each prints its text."""
    for name in _SPHINX_ROLES:
        roles.register_local_role(name, _text_role)


def _text_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """A Sphinx role's printed text: a reference's title, else its target's last part."""
    m = _TARGET.match(text)
    shown = m["title"] if m and m["title"] else (m["target"] if m else text)
    if not (m and m["title"]) and (label := _LABEL.match(shown)) and " " not in shown.split(":", 1)[0]:
        shown = label["rest"]  # autosectionlabel's "path:Section title"
    return [nodes.inline(rawtext, shown.lstrip("~!"))], []


class _PaddedWriter(Writer):
    def __init__(self):
        super().__init__()
        self.translator_class = _PaddedTranslator


class _PaddedTranslator(HTMLTranslator):
    """Marks each element with the source line that prints it (``as_html`` breaks the lines there)."""

    def __init__(self, document):
        super().__init__(document)
        self._source = getattr(document.settings, "sg_source", "")
        self._found = 0  # where the last element found by its text was printed in the source

    def starttag(self, node, tagname, suffix="\n", empty=False, **attributes):  # noqa: D102 - docutils hook
        line = _line_of(node) or self._printed_at(node)
        if line:
            self.body.append(f"\x00{line}\x00")  # as_html breaks the lines up to it
        return super().starttag(node, tagname, suffix, empty, **attributes)


    def _printed_at(self, node) -> int | None:
        """The line of an element docutils gives no line (a table cell's paragraph): where its first words are
        printed next in the source."""
        words = " ".join(node.astext().split()[:3]) if isinstance(node, (nodes.paragraph, nodes.entry)) else ""
        at = self._source.find(words, self._found) if len(words) >= 3 else -1
        if at < 0:
            return None
        self._found = at + len(words)
        return self._source.count("\n", 0, at) + 1


def _line_of(node) -> int | None:
    """The 1-based source line an element starts on (a section's is its title's; a table's, its first row's)."""
    if not isinstance(node, nodes.Element):
        return None
    if node.line and not isinstance(node, (nodes.section, nodes.table, nodes.list_item, nodes.entry)):
        return node.line - (1 if isinstance(node, nodes.title) and _underlined(node) else 0)
    for child in node.findall(include_self=False):
        if isinstance(child, nodes.Element) and child.line:
            return child.line - (1 if isinstance(child, nodes.title) and _underlined(child) else 0)
    return None


def _underlined(title) -> bool:
    """True for a section title docutils numbers by its underline (one line below the text)."""
    return isinstance(title.parent, nodes.section)
