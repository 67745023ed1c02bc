"""Markdown plumbing over markdown-it-py: blocks with their lines, table rows, inline lines.

Pipe tables on real sites often lack the ``|---|---|`` delimiter row that GFM
requires; ``prepare`` adds one to such blocks so that markdown-it parses them
as tables, and keeps a map back to the file's own line numbers.

>>> doc = parse_blocks("intro\\n|**Moderator** | |\\n| [Mr X](/speakers/x/) | *Chair*<br>Org |")
>>> [(b.kind, b.line) for b in doc]
[('paragraph', 1), ('table', 2)]
>>> [[c.text for c in row.cells] for row in doc[1].rows]
[['Moderator', ''], ['Mr X', 'Chair\\nOrg']]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ingest import mkdocs_markdown, pandoc_markdown

_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_BR = re.compile(r"^<br\s*/?>$", re.I)


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


@dataclass
class Segment:
    """A run of inline text, italic or not, bold or not."""

    text: str
    italic: bool = False
    bold: bool = False


@dataclass
class Cell:
    """A table cell: its inline lines, its text and its first link."""

    lines: list[list[Segment]]
    link: str | None

    @property
    def text(self) -> str:
        """The cell's text, lines joined by newlines, each line stripped."""
        return "\n".join(line_text(line) for line in self.lines if line_text(line))

    @property
    def all_bold(self) -> bool:
        """True when every non-blank segment is bold."""
        segs = [s for line in self.lines for s in line if s.text.strip()]
        return bool(segs) and all(s.bold for s in segs)


@dataclass
class TableRow:
    """A row of a table with its 1-based line in the file."""

    line: int
    cells: list[Cell]


@dataclass
class Block:
    """A top-level block: heading, paragraph, table, html or other."""

    kind: str
    line: int  # 1-based line in the file
    level: int = 0  # heading level
    lines: list[list[Segment]] = field(default_factory=list)  # inline content (heading, paragraph)
    rows: list[TableRow] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    item: int = 0  # a paragraph in a list item: the depth of its list (1 = top-level bullets)

    @property
    def text(self) -> str:
        """The block's inline text, one line per source line or ``<br>``."""
        return "\n".join(line_text(line) for line in self.lines if line_text(line))


def line_text(line: list[Segment]) -> str:
    """The plain text of one inline line, spaces folded."""
    return " ".join("".join(s.text for s in line).split())


def prepare(body: str) -> tuple[str, list[int]]:
    """Body text with delimiter rows added where missing, and each line's 0-based source line; a page Pandoc wrote
    read as Pandoc meant it (``ingest.pandoc_markdown``), one using MkDocs Material's tabs and admonitions as
    Material means it (``ingest.mkdocs_markdown``)."""
    src = body.split("\n")
    base = None
    if pandoc_markdown.is_pandoc(src):  # (its grid tables' columns are where their text is: nothing taken out first)
        src, base = pandoc_markdown.as_commonmark(src)
    elif mkdocs_markdown.is_mkdocs(src):
        src = mkdocs_markdown.as_commonmark(src)
    text, origin = _with_delimiters(src)
    return text, origin if base is None else [base[k] for k in origin]


def _with_delimiters(src: list[str]) -> tuple[str, list[int]]:
    out: list[str] = []
    origin: list[int] = []
    i = 0
    while i < len(src):
        if not src[i].lstrip().startswith("|"):
            out.append(src[i])
            origin.append(i)
            i += 1
            continue
        j = i
        while j < len(src) and src[j].lstrip().startswith("|"):
            j += 1
        if out and out[-1].strip():
            out.append("")
            origin.append(i)
        out.append(src[i])
        origin.append(i)
        if not (i + 1 < j and _DELIMITER.match(src[i + 1])):
            out.append("|" + "---|" * _count_cells(src[i]))
            origin.append(i)
        for k in range(i + 1, j):
            out.append(src[k])
            origin.append(k)
        out.append("")
        origin.append(j - 1)
        i = j
    return "\n".join(out), origin


def _count_cells(row: str) -> int:
    # only to size the added delimiter row; markdown-it does the real parsing
    inner = row.strip()[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return inner.count("|") - inner.count("\\|") + 1


# Markdown footnotes (PHP Markdown Extra, GFM, Pandoc): "Ann Lee[^1], CTO" and "[^1]: Joins online." at the foot.
# taken out before markdown-it reads the page (its footnote plugin would turn them into tokens to skip alike)
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:.*(?:\n(?: {4}|\t).*)*", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")


def without_footnotes(body: str) -> str:
    """A Markdown body without footnote markers ("Ann Lee[^1], CTO") and footnote definitions ("[^1]: Online."
    and its indented lines), every line kept in place (emptied) so that line numbers still hold.

    >>> without_footnotes("- Ann Lee[^1], CTO, Acme\\n\\n[^1]: Joins online,\\n    from Oslo.\\nEnd")
    '- Ann Lee, CTO, Acme\\n\\n\\n\\nEnd'
    """
    if "[^" not in body:
        return body
    body = _FOOTNOTE_DEF.sub(lambda m: "\n" * m.group().count("\n"), body)
    return _FOOTNOTE_REF.sub("", body)



def parse_blocks(body: str, first_line: int = 0) -> list[Block]:
    """The top-level blocks of ``body``; ``first_line`` is the 0-based line of the body in its file."""
    text, origin = prepare(without_footnotes(body))
    tokens = _md().parse(text)
    blocks: list[Block] = []
    depth = 0  # lists the current token is inside
    i = 0

    def line_of(tok: Token) -> int:
        start = tok.map[0] if tok.map else 0
        return first_line + origin[min(start, len(origin) - 1)] + 1 if origin else first_line + 1

    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            block = Block("heading", line_of(tok), level=int(tok.tag[1:]))
            _fill_inline(block, tokens[i + 1])
            blocks.append(block)
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open", "bullet_list_close", "ordered_list_close"):
            depth += 1 if tok.nesting == 1 else -1
            i += 1
        elif tok.type == "paragraph_open":
            block = Block("paragraph", line_of(tok), item=depth)
            _fill_inline(block, tokens[i + 1])
            blocks.append(block)
            i += 3
        elif tok.type == "table_open":
            block = Block("table", line_of(tok))
            i = _fill_table(block, tokens, i + 1, line_of)
            blocks.append(block)
        elif tok.type == "html_block":
            blocks.append(Block("html", line_of(tok), lines=[[Segment(tok.content)]]))
            i += 1
        else:
            i += 1
    return blocks


def _fill_inline(block: Block, inline: Token) -> None:
    cell = inline_cell(inline)
    block.lines = cell.lines
    for child in inline.children or []:
        if child.type == "image":
            block.images.append(child.attrGet("src") or "")
        elif child.type == "link_open":
            block.links.append(child.attrGet("href") or "")


def _fill_table(block: Block, tokens: list[Token], i: int, line_of) -> int:
    row: TableRow | None = None
    while i < len(tokens) and tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            row = TableRow(line_of(tok), [])
            block.rows.append(row)
        elif tok.type == "inline" and row is not None:
            row.cells.append(inline_cell(tok))
        i += 1
    return i + 1


def inline_cell(inline: Token) -> Cell:
    """Split an inline token into lines (at breaks and ``<br>``) of italic/bold segments."""
    lines: list[list[Segment]] = [[]]
    italic = bold = 0
    link = None
    for child in inline.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak") or (kind == "html_inline" and _BR.match(child.content.strip())):
            lines.append([])
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic = max(0, italic - 1)
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind == "link_open" and link is None:
            link = child.attrGet("href")
        elif kind in ("text", "code_inline"):
            lines[-1].append(Segment(child.content.replace("\u00a0", " "), italic > 0, bold > 0))
    return Cell([_merge(line) for line in lines if any(s.text.strip() for s in line)], link)


def _merge(line: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for seg in line:
        if out and (out[-1].italic, out[-1].bold) == (seg.italic, seg.bold):
            out[-1] = Segment(out[-1].text + seg.text, seg.italic, seg.bold)
        elif seg.text.strip() or out:
            out.append(seg)
    return out
