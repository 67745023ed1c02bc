"""Read a file into a ``Document``: bytes, hash, front matter and body.

Every failure becomes an ``IngestError`` naming the file, the line and the fix.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from pathlib import Path

import tomllib

import frontmatter
import yaml

from graph.errors import IngestError
from ingest import code_data, datafile, rst_html
from ingest.records import Document

MAX_BYTES = 20 * 1024 * 1024


def read_document(root: Path, path: Path) -> Document:
    """Read ``path`` (under ``root``) into a ``Document``."""
    rel = relpath(root, path)
    return parse_document(rel, read_bytes(rel, path))


def read_bytes(rel: str, path: Path, follow: bool = False) -> bytes:
    """The bytes of the regular file at ``path``; anything else is an ``IngestError`` named ``rel``.

    A symbolic link is refused unless ``follow`` (a file named on the command line): a file swapped for a
    link to ``/etc/passwd`` after the folder was walked is never read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO named x.md does not wait for a writer
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError(rel, "is a symbolic link — not followed; copy the file into the folder") from None
        raise IngestError(rel, f"cannot read file ({exc.strerror or exc}) — check that it exists and "
                               "that speakergraph may read it") from None
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(fd)
            # a FIFO would block the read forever, a device would never end
            if not stat.S_ISREG(info.st_mode):
                raise IngestError(rel, "is not a regular file (a pipe, socket or device) — move it out of the folder")
            if info.st_size > MAX_BYTES:
                raise IngestError(rel, f"file is {info.st_size:,} bytes, over the {MAX_BYTES:,} limit — is it really a page?")
            return file.read()
        except OSError as exc:
            raise IngestError(rel, f"cannot read file ({exc.strerror or exc}) — check that speakergraph may "
                                   "read it") from None


def relpath(root: Path, path: Path) -> str:
    """``path`` relative to ``root`` with POSIX separators (the file's name in reports)."""
    whole, under = str(path), str(root).rstrip(os.sep) + os.sep
    if whole.startswith(under):  # as strings: Path.relative_to cost a second a no-op ingest at 10k files
        return whole[len(under):].replace(os.sep, "/")
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# Markdown pages: MDX (Docusaurus, Astro, Next.js) and Markdoc pages are Markdown with components in them
MARKDOWN_SUFFIXES = ("md", "markdown", "mdx", "mdoc", "qmd", "rmd")  # Quarto and R Markdown pages too
HTML_SUFFIXES = ("html", "htm", "rst")  # pages read as HTML: reStructuredText is rendered to HTML when parsed
PAGE_SUFFIXES = MARKDOWN_SUFFIXES + HTML_SUFFIXES


def parse_document(rel: str, data: bytes) -> Document:
    """Decode ``data``: a page's front matter (YAML or TOML) and body, or a data file's parsed content."""
    sha = hashlib.sha256(data).hexdigest()
    text, encoding = decode_any(rel, data)
    suffix = rel.rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower() if "." in rel.rsplit("/", 1)[-1] else ""
    if suffix in datafile.SUFFIXES:
        return Document(path=rel, sha256=sha, meta={}, body=text, body_line=0, data=datafile.load(rel, text, suffix),
                        encoding=encoding)
    if suffix in code_data.SUFFIXES:  # a JavaScript or TypeScript module: the data its literals write down
        return Document(path=rel, sha256=sha, meta={}, body=text, body_line=0, data=_code_data(text, suffix),
                        encoding=encoding)
    if suffix not in PAGE_SUFFIXES:  # code or text that may carry programme data: a part's pattern reads it
        return Document(path=rel, sha256=sha, meta={}, body=text, body_line=0, encoding=encoding)
    if suffix in rst_html.SUFFIXES:  # a Sphinx page: its HTML, each element on its source line
        return Document(path=rel, sha256=sha, meta={}, body=_rst(rel, text), body_line=0, encoding=encoding)
    front = "toml" if _TOML_FM.match(text) else "yaml"
    meta, body, body_line = (split_toml_front_matter if front == "toml" else split_front_matter)(rel, text)
    body = without_esm(body) if suffix == "mdx" else body
    return Document(path=rel, sha256=sha, meta=meta, body=body, body_line=body_line, front=front, encoding=encoding)


def _code_data(text: str, suffix: str) -> dict | None:
    """The literal data of a code file, ``None`` when it writes none down (or is too broken to parse)."""
    try:
        return code_data.literal_data(text, suffix)
    except (ValueError, RecursionError):
        return None


def _rst(rel: str, text: str) -> str:
    """A reStructuredText page as HTML; an ``IngestError`` naming the file when docutils cannot render it."""
    try:
        return rst_html.as_html(text)
    except Exception as exc:  # noqa: BLE001 - docutils raises many kinds on broken markup; none may stop the ingest
        raise IngestError(rel, f"reStructuredText that docutils cannot render ({type(exc).__name__}: "
                               f"{str(exc)[:120]}) — fix the markup", 1) from None


def without_esm(body: str) -> str:
    r"""An MDX body with its ESM blocks (``import … from '…'``, ``export const …``) blanked out, lines kept: code
    the page runs, not text it prints (MDX ends such a block at a blank line, and never looks into a code fence).

    >>> without_esm("import Speaker from './Speaker';\nimport {\n  Panel,\n} from './Panel';\n\nThe export team.\n")
    '\n\n\n\n\nThe export team.\n'
    >>> without_esm("```js\nimport x from 'y'\n```\n")
    "```js\nimport x from 'y'\n```\n"
    """
    lines = body.split("\n")
    fence, esm = None, False
    for i, line in enumerate(lines):
        if fence:
            fence = None if line.strip().startswith(fence) else fence
        elif m := _FENCE.match(line):
            fence, esm = m.group(1)[:3], False
        elif esm or _ESM.match(line):
            esm = bool(line.strip())  # a blank line ends the block
            lines[i] = ""
    return "\n".join(lines)


_ESM = re.compile(r"(?:import|export)\b(?!\s*[:,.;!?-]|\s*$)")  # "import {", "export default"; not "Export: …"
_FENCE = re.compile(r"\s{0,3}(```|~~~)")


_TOML_FM = re.compile(r"\A\+\+\+[ \t]*\n")
_TOML_END = re.compile(r"^\+\+\+[ \t]*$", re.M)


def split_toml_front_matter(rel: str, text: str) -> tuple[dict, str, int]:
    r"""TOML front matter between ``+++`` lines (Hugo, Zola), the body, and the body's 0-based first line.

    >>> split_toml_front_matter("a.md", '+++\ntitle = "T"\n[extra]\nauthors = "A"\n+++\nBody\n')
    ({'title': 'T', 'extra': {'authors': 'A'}}, 'Body\n', 5)
    """
    start = _TOML_FM.match(text).end()
    end = _TOML_END.search(text, start)
    if end is None:
        raise IngestError(rel, "front matter has no closing '+++' line", 1)
    try:
        meta = tomllib.loads(text[start:end.start()])
    except tomllib.TOMLDecodeError as exc:
        line = (getattr(exc, "lineno", None) or 0) + 1
        raise IngestError(rel, f"front matter is not valid TOML ({str(exc).split(' (at')[0]}) — fix the TOML",
                          line) from None
    body_start = end.end() + 1 if text[end.end():end.end() + 1] == "\n" else end.end()
    return meta, text[body_start:], text[:body_start].count("\n")


# a well-formed UTF-8 sequence of two or more bytes: a file that holds one is UTF-8 text with a broken byte, not
# Windows-1252 text (where "Ã©" is as rare as it looks)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_any(rel: str, data: bytes) -> tuple[str, str]:
    r"""The text of ``data`` and its encoding: UTF-8, or else Windows-1252 — what Excel and older Windows tools
    save a "CSV" or a page as in Western Europe — when the bytes hold no UTF-8 sequence and read as it.

    >>> decode_any("a.csv", "Datum;Zeit;Sitzung\r\n14.05.2024;9:00;Eröffnung\r\n".encode("cp1252"))
    ('Datum;Zeit;Sitzung\n14.05.2024;9:00;Eröffnung\n', 'cp1252')
    >>> decode_any("a.csv", b"\xef\xbb\xbf" + "Größe".encode("cp1252"))  # a UTF-8 BOM before Windows-1252 text
    ('Größe', 'cp1252')
    """
    try:
        return decode(rel, data), "utf-8"
    except IngestError as error:
        bare = data.removeprefix(b"\xef\xbb\xbf")
        if b"\x00" in data or _UTF8_SEQUENCE.search(bare):
            raise
        try:
            text = bare.decode("cp1252")
        except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined: no text of either kind
            raise error from None
        return text.replace("\r\n", "\n").replace("\r", "\n"), "cp1252"


def decode(rel: str, data: bytes) -> str:
    """UTF-8 text of ``data`` without BOM, with ``\\n`` line ends."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise IngestError(rel, "contains a NUL byte — a binary file, not a Markdown page", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IngestError(rel, f"is not valid UTF-8 (byte {exc.start}) — re-save it as UTF-8", line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(rel: str, text: str) -> tuple[dict, str, int]:
    """Front matter mapping, body, and the 0-based line where the body starts."""
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return {}, text, 0
    try:
        fm, body = handler.split(text)
    except ValueError:
        raise IngestError(rel, "front matter has no closing '---' line", 1) from None
    # the opening boundary may swallow blank lines, so count where the YAML text really starts
    fm_line = text[: handler.FM_BOUNDARY.match(text).end()].count("\n")
    meta = load_yaml(rel, fm, fm_line)
    # the body is the tail of the text: searching for it could find the same text in the front matter
    return meta, body, text[: len(text) - len(body)].count("\n")


def load_yaml(rel: str, fm: str, fm_line: int = 0) -> dict:
    """The front matter as a mapping, safely loaded; ``fm_line`` is the 0-based file line where ``fm`` starts."""
    if len(fm) > 100_000:
        raise IngestError(rel, "front matter is over 100,000 characters — is the closing '---' missing?", 1)
    meta = _load_checked(rel, fm, fm_line, "front matter")
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise IngestError(rel, f"front matter is a {type(meta).__name__}, not a mapping of keys to values", 2)
    return meta


def load_yaml_value(rel: str, text: str):
    """A YAML data file's content (any type), safely loaded, aliases refused."""
    return _load_checked(rel, text, 0, "file")


def _load_checked(rel: str, text: str, first_line: int, what: str):
    try:
        return _load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark  # where the broken construct starts
        line = first_line + mark.line + 1 if mark else 1
        raise IngestError(rel, f"{what} is not valid YAML ({exc.problem}) — fix the YAML", line) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise IngestError(rel, f"{what} is not valid YAML ({type(exc).__name__}) — fix the YAML", 1) from None


def _load(fm: str):
    """Load YAML with libyaml when it is there (ten times faster), refusing aliases either way."""
    if _CLoader is None:
        return yaml.load(fm, Loader=_SafeNoAliasLoader)
    for event in yaml.parse(fm, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed in front matter", event.start_mark)
    return yaml.load(fm, Loader=_CLoader)


class _Checked:
    """Constructor hooks: values that are no value, and lone surrogates, become YAML errors."""

    def construct_object(self, node, deep=False):  # noqa: D102 - yaml hook
        # explicit or implicit tags whose text is no value (!!int abc, 2024-02-30) raise plain Python errors
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, KeyError, AttributeError, TypeError, OverflowError) as exc:
            kind = str(node.tag).rsplit(":", 1)[-1]
            text = node.value[:60] if isinstance(node.value, str) else "this value"
            raise yaml.constructor.ConstructorError(
                None, None, f"{text!r} is not a valid {kind} ({exc})", node.start_mark) from None

    def construct_scalar(self, node):  # noqa: D102 - yaml hook
        value = super().construct_scalar(node)
        if isinstance(value, str) and _SURROGATE.search(value):
            # "\ud800" escapes half of a UTF-16 pair: no UTF-8 text, so no RDF literal, can hold it
            raise yaml.constructor.ConstructorError(
                None, None, "an escape for half of a UTF-16 surrogate pair (\\ud800-\\udfff); write the character itself",
                node.start_mark)
        return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _core_booleans(resolvers: dict) -> dict:
    """YAML 1.1's implicit resolvers with YAML 1.2's booleans: only true and false are booleans; yes, no, on and
    off stay text, as printed (``country: NO`` is Norway, not false).

    >>> _load("country: NO\\nanswer: yes\\nskip: true\\npublished: False\\n")
    {'country': 'NO', 'answer': 'yes', 'skip': True, 'published': False}
    """
    out = {first: [(tag, rx) for tag, rx in pairs if tag != _BOOL] for first, pairs in resolvers.items()}
    for first in "tTfF":
        out.setdefault(first, []).append((_BOOL, _CORE_BOOL))
    return {first: pairs for first, pairs in out.items() if pairs}


_BOOL = "tag:yaml.org,2002:bool"
_CORE_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def _no_base_60(resolvers: dict) -> dict:
    """YAML 1.1's implicit resolvers without its base-60 numbers, as YAML 1.2 has none: an unquoted clock time
    stays the text it prints (``start: 9:30`` is "9:30", not the integer 570).

    >>> _load("start: 9:30\\nend: 10:15:30\\nseats: 1_000\\nhex: 0x1f\\nratio: 1.5\\n")
    {'start': '9:30', 'end': '10:15:30', 'seats': 1000, 'hex': 31, 'ratio': 1.5}
    """
    def plain(tag: str, rx: re.Pattern) -> re.Pattern:
        return re.compile(f"^(?!.*:)(?:{rx.pattern})", rx.flags) if tag in _NUMBERS else rx

    return {first: [(tag, plain(tag, rx)) for tag, rx in pairs] for first, pairs in resolvers.items()}


_NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_resolvers = _no_base_60(_core_booleans(yaml.SafeLoader.yaml_implicit_resolvers))


class _SafeNoAliasLoader(_Checked, yaml.SafeLoader):
    """A safe YAML loader that refuses aliases (no exponential 'billion laughs')."""

    yaml_implicit_resolvers = _resolvers

    def compose_node(self, parent, index):  # noqa: D102 - yaml hook
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed in front matter", event.start_mark)
        return super().compose_node(parent, index)


_CLoader = type("_CLoader", (_Checked, yaml.CSafeLoader), {"yaml_implicit_resolvers": _resolvers}) \
    if yaml.__with_libyaml__ else None
