"""Pandoc's own Markdown (a Word programme converted with ``pandoc -t markdown``) as CommonMark reads it.

Pandoc writes what CommonMark does not read the same way: grid tables (``+-----+-----+`` borders, cells over
several text lines, ``+=====+`` under the header), paragraphs wrapped at 72 columns whose real line breaks
are a trailing backslash, a non-breaking space as ``\\ `` (``H.E.\\ Mr.``) and an en dash as ``--``
(``10:00 -- 11:30``). ``as_commonmark`` gives the lines CommonMark reads as Pandoc meant them, each with the
source line it comes from: a grid table as one HTML table (parsed by docutils' grid table parser, the same
grammar), a wrapped paragraph as one line, the non-breaking space and the dash as printed. A page that shows
none of Pandoc's marks is left as it is.
"""

from __future__ import annotations

import re

_HARD_BREAK = re.compile(r"(?<!\\)\\$")  # a line ending in one backslash: Pandoc's line break
_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_HEADING_ATTRS = re.compile(r"^#{1,6}\s.*\{#[\w-]+[^}]*\}\s*$")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,2}[.)]\s|#{1,6}\s|\||>|\+[-=]|:::|```|<)")
_DASH = re.compile(r"(?<=\s)--(?=\s)|(?<=\d)--(?=\d)")


def is_pandoc(lines: list[str]) -> bool:
    """True for a page Pandoc wrote: two backslash line breaks or more, a grid table, or a heading's attributes.

    >>> is_pandoc(["**10:00 -- 11:30**\\\\", "Opening"]), is_pandoc(["+---+---+", "| a | b |"]), is_pandoc(["Hi"])
    (False, True, False)
    """
    breaks = sum(bool(_HARD_BREAK.search(line)) for line in lines)
    return breaks >= 2 or any(_GRID_BORDER.match(line) or _HEADING_ATTRS.match(line) for line in lines)


def as_commonmark(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines CommonMark should read, and each one's 0-based source line.

    >>> out, origin = as_commonmark(["Moderator: H.E.\\\\ Mr. Jo Ray, Permanent", "Representative of Norway\\\\",
    ...                              "Speaker: Bo Chan", "", "**10:00 -- 11:30** Session I"])
    >>> out, origin
    (['Moderator: H.E. Mr. Jo Ray, Permanent Representative of Norway\\\\', 'Speaker: Bo Chan', '', \
'**10:00 – 11:30** Session I'], [0, 2, 3, 4])
    """
    out: list[str] = []
    origin: list[int] = []
    i = 0
    while i < len(lines):
        if _GRID_BORDER.match(lines[i]):
            j = i
            while j < len(lines) and lines[j].strip() and lines[j].lstrip()[:1] in "+|":
                j += 1
            table = _grid_table(lines[i:j])
            if table is not None:
                out += ["", table, ""]
                origin += [i, i, j - 1]
                i = j
                continue
        line = _inline(lines[i])
        # a wrapped paragraph goes on: the line before prints no break and the next opens no block
        if out and out[-1].strip() and line.strip() and not _HARD_BREAK.search(out[-1]) \
                and not out[-1].endswith("  ") and not _BLOCK_START.match(line) and not _GRID_BORDER.match(line) \
                and not re.match(r"^\s*#{1,6}\s", out[-1]) and not _lone_bold(out[-1]):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
            origin.append(i)
        i += 1
    return out, origin


def _lone_bold(line: str) -> bool:
    """A line that is one bold run alone ("**Session I: Opening**"): a title of its own, not a wrapped sentence."""
    return bool(re.fullmatch(r"\s*\*\*[^*]+\*\*\\?\s*", line))


def _inline(line: str) -> str:
    """A line with Pandoc's non-breaking space and en dash as printed, its underline spans as their text."""
    line = line.replace("\\ ", " ")
    if line.lstrip().startswith("#"):
        line = re.sub(r"\s*\{[#.][^{}]*\}\s*$", "", line)  # "## Session I {#session-i}": the heading's attributes
    line = re.sub(r"\[([^\]]*)\]\{\.[\w-]+\}", r"\1", line)  # "[text]{.underline}"
    return _DASH.sub("–", line)


def _grid_table(lines: list[str]) -> str | None:
    """A Pandoc grid table as one HTML table line (``None`` when docutils cannot read it): each cell's lines read
    as Markdown (lists, bold, breaks), header rows as ``<th>``, spanned cells with ``rowspan``/``colspan``."""
    from docutils.parsers.rst.tableparser import GridTableParser, TableMarkupError
    from docutils.statemachine import StringList

    from ingest.markdown import _md

    block = [line.strip() for line in lines]
    try:
        _, head, body = GridTableParser().parse(StringList(block))
    except (TableMarkupError, IndexError, ValueError):
        return None
    rows = []
    for tag, group in (("th", head), ("td", body)):
        for row in group:
            cells = []
            for cell in row:
                if cell is None:
                    continue
                more_rows, more_cols, _, text = cell
                content = _md().render("\n".join(_inline(t) for t in as_commonmark(list(text))[0])).strip()
                content = re.sub(r"</?p>", "", content.replace("</p>\n<p>", "<br>")).replace("\n", " ")
                spans = (f' rowspan="{more_rows + 1}"' if more_rows else "") + (
                    f' colspan="{more_cols + 1}"' if more_cols else "")
                cells.append(f"<{tag}{spans}>{content}</{tag}>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table>{''.join(rows)}</table>" if rows else None
