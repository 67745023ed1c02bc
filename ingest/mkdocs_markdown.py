"""MkDocs Material's Markdown extensions as CommonMark reads them.

Material (pymdownx ``tabbed``, ``admonition``, ``details``) nests a block's content under its marker line,
indented by four spaces: a content tab (``=== "Day 1 – 3 June"``), an admonition (``!!! info "Keynote"``), a
collapsible box (``??? abstract``, ``???+ quote "Panel"``). CommonMark reads that indented content as code, so
a programme inside a tab names nobody. ``as_commonmark`` gives each line its content outdented, the marker
line as a tab's label alone (its day), an admonition's title in bold when more than a word or two, icon shortcodes
(``:material-account:``, ``:fontawesome-solid-clock:``) and attribute lists (``{ #panel }``, ``{ .md-button }``, kramdown's ``{: .lead}``)
removed. Lines keep their numbers. A page without such markers is left as it is.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r'^(?P<mark>===|!!!|\?\?\?\+?)\+?(?:\s+(?P<kind>[\w-]+(?:\s+[\w-]+)*?))?'
                     r'(?:\s+"(?P<title>[^"]*)")?\s*$')
_TAB = re.compile(r'^===\+?\s+"(?P<title>[^"]*)"\s*$')
_ICON = re.compile(r"(?<![\w:]):(?:material|fontawesome|octicons|simple|fa)-[a-z0-9-]+:(?![\w:])")
_ATTRS = re.compile(r"\s*\{:?\s*(?:[#.][\w-]+|[\w-]+=\S+)(?:\s+(?:[#.][\w-]+|[\w-]+=\S+))*\s*\}(?=\s*$|\s*\|)")
_INDENT = "    "


def is_mkdocs(lines: list[str]) -> bool:
    """True for a page using Material's marks: a content tab or an admonition marker at a line's start, an
    attribute list (kramdown's ``{: .lead}`` too), an icon.

    >>> is_mkdocs(['=== "Day 1"', '    | Time | Talk |']), is_mkdocs(['!!! note', '    Hi']), is_mkdocs(["# Hi"])
    (True, True, False)
    >>> is_mkdocs(["![Ann](a.jpg){ .photo align=left }"]), is_mkdocs(["Lunch {: .break}"]), is_mkdocs(["{{< x >}}"])
    (True, True, False)
    """
    return any(_TAB.match(line) or (line.startswith(("!!!", "???")) and _MARKER.match(line)) or _ATTRS.search(line)
               or _ICON.search(line) for line in lines)


def as_commonmark(lines: list[str]) -> list[str]:
    """The lines with every marker's content outdented, one for one.

    >>> as_commonmark(['=== "Day 1"', '', '    | 09:00 | Opening |', '', '    !!! info "Keynote"',
    ...                '        **Ann Lee** :material-account:', 'After'])
    ['Day 1', '', '| 09:00 | Opening |', '', '', '**Ann Lee**', 'After']
    """
    out = [_ICON.sub("", line).rstrip() if _ICON.search(line) else line for line in lines]
    changed = True
    while changed:  # a pass outdents the blocks whose markers start a line; nested ones start a line next
        changed = False
        i = 0
        while i < len(out):
            m = _MARKER.match(out[i])
            if m and (out[i].startswith("===") and m["title"] is not None or not out[i].startswith("===")):
                out[i] = _label(m)
                j = i + 1
                while j < len(out) and (not out[j].strip() or out[j].startswith(_INDENT)):
                    out[j] = out[j][len(_INDENT):] if out[j].strip() else ""
                    j += 1
                changed = True
                i = j
            else:
                i += 1
    return [_ATTRS.sub("", line) for line in out]


def _label(m: re.Match) -> str:
    """What a marker prints: a tab's label as a line of its own (a day: "Day 1 – 3 June"); an admonition's title in
    bold when it names something ("Panel: Who gets to contribute?"), nothing when it is a word or two over what
    the programme prints already ("Keynote", "Note", "Abstract": no role for what follows)."""
    title = (m["title"] or "").strip()
    if m["mark"] == "===":
        return title
    return f"**{title}**" if len(title.split()) > 2 else ""
