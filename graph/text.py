"""Text that is safe to write: legal in XML, harmless on a terminal, inert in a spreadsheet.

Pages can hold characters that break what we write from them. XML 1.0 forbids
the C0 control characters other than tab, line feed and carriage return (a
name with ``\\x01`` makes GraphML, GEXF, SPARQL XML and RDF/XML ill-formed); a
terminal runs the escape sequences they start (``\\x1b[2J`` clears it). Ingest
removes them, with the C1 controls and DEL that only mis-decoded text holds
(``clean``, reported per line by ``controls``), and every XML writer cleans
again, since a query can build such text. Spreadsheets run a cell that starts
with ``=``, ``+``, ``-``, ``@``, tab or carriage return as a formula (OWASP's
"CSV injection"): every CSV the project writes passes its cells through ``cell``.

>>> clean("Ann\\x07 Lee\\x1b[31m")
'Ann Lee[31m'
>>> cell("=HYPERLINK(\\"http://x\\")"), cell("-12.5"), cell("Ann")
('\\'=HYPERLINK("http://x")', '-12.5', 'Ann')
"""

from __future__ import annotations

import re

# C0 controls but tab, LF and CR; DEL and the C1 controls; the two non-characters XML forbids
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# what a spreadsheet reads as the start of a formula, with the full-width forms some locales accept too
FORMULA = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids, DEL and the C1 controls.

    >>> clean("tab\\tand\\nline stay\\x00\\x0b\\x9b")
    'tab\\tand\\nline stay'
    """
    return ILLEGAL.sub("", text) if ILLEGAL.search(text) else text


def controls(text: str) -> list[tuple[int, str]]:
    """Where ``text`` holds characters ``clean`` removes: ``(1-based line, the characters escaped)`` per line.

    >>> controls("fine\\nAnn\\x07\\x1b Lee\\n\\x07")
    [(2, '\\\\x07 \\\\x1b'), (3, '\\\\x07')]
    """
    found: dict[int, list[str]] = {}
    for match in ILLEGAL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        code = _escape(match.group())
        if code not in found.setdefault(line, []):
            found[line].append(code)
    return [(line, " ".join(codes)) for line, codes in found.items()]


def _escape(char: str) -> str:
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str) -> str:
    """``text`` with every character a terminal would not print written as an escape.

    >>> printable("Ann\\x1b[2J Lee\\nnext")
    'Ann\\\\x1b[2J Lee\\\\nnext'
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def quoted(name: str) -> str:
    """A file name for a line of a report: as it is, or quoted with escapes when it holds a line break or control.

    >>> quoted("events/a.md"), quoted("events/a\\nb.md")
    ('events/a.md', "'events/a\\\\nb.md'")
    """
    return name if name.isprintable() else repr(name)


def cell(value: str) -> str:
    """A CSV cell a spreadsheet cannot run: a single quote before a formula's first character.

    Characters ``clean`` removes go too. A number (``-3``, ``+4.5e2``) stays as it is: a spreadsheet reads it as a
    number, never a formula. The first character is checked, and the first after
    leading spaces, which some spreadsheets skip.

    >>> [cell(v) for v in ("@SUM(A1)", "  =1+1", "\\t=1", "-1+2", "+44 20 7946", "-7", "", "a=b")]
    ["'@SUM(A1)", "'  =1+1", "'\\t=1", "'-1+2", "'+44 20 7946", '-7', '', 'a=b']
    """
    value = clean(value)
    if not value:
        return value
    first = value[0] if value[0] in FORMULA else value.lstrip(" \n")[:1]
    if first not in FORMULA or _NUMBER.fullmatch(value):
        return value
    return "'" + value


def cells(row) -> list[str]:
    """``cell`` of each value of a row (``None`` becomes ``""``, numbers their text).

    >>> cells(["=1", None, 2])
    ["'=1", '', '2']
    """
    return [cell("" if v is None else str(v)) for v in row]
