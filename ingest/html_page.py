"""Pages read as HTML: Markdown rendered first, text of nodes, printed lines of a cell, file lines, permalinks.

Card pages and programme pages are HTML, or HTML inside Markdown; both are
parsed with selectolax after markdown-it renders the Markdown. A tree keeps no
source positions, so ``Lines`` finds the file line of printed text in order.

>>> permalink("/Profiles/Jane-Doe.html"), permalink("https://x.org/p/jd", "https://x.org/"), permalink("p/jd/")
('/profiles/jane-doe/', '/p/jd/', '/p/jd/')
>>> [(ln.text, ln.bold) for ln in node_lines(LexborHTMLParser("<p><b>Talk</b><br>Ann Lee, CEO<br><br>x</p>").css_first("p"))]
[('Talk', 'Talk'), ('Ann Lee, CEO', ''), ('', ''), ('x', '')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.markdown import prepare, without_footnotes
from ingest.read import HTML_SUFFIXES
from ingest.records import Document


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def page_tree(doc: Document, markup: str = "auto") -> LexborHTMLParser:
    """The page as HTML: an HTML body as is (``markup = "auto"``: an HTML file, or a body that starts with a
    tag and is no Markdown), a Markdown body rendered with markdown-it first (pipe tables without a delimiter
    row too); footnotes taken out either way (``without_footnotes``, ``_drop_footnotes``)."""
    body = doc.body
    if markup == "html" or (markup == "auto" and (doc.suffix in HTML_SUFFIXES or _html_body(body))):
        if doc.suffix in HTML_SUFFIXES and doc.suffix != "rst":
            body = soft_newlines(body)
        return _drop_footnotes(_class_bold(LexborHTMLParser(body)), body)
    html = _md().render(prepare(without_footnotes(body))[0])
    return _drop_footnotes(LexborHTMLParser(html), html)


_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|(<[^>]*>)|([^<]+)", re.I | re.S)


def soft_newlines(html: str) -> str:
    r"""An HTML file's text with the line breaks of its source as the spaces a browser prints (Word's "Save as Web
    Page" wraps its source mid-name: "H.E. Dr. Mariella Vella" then "Bonnici"); ``<pre>``, scripts and styles kept.

    >>> soft_newlines("<p>H.E. Dr. Mariella Vella\r\nBonnici</p>\n<pre>a\nb</pre>")
    '<p>H.E. Dr. Mariella Vella Bonnici</p>\n<pre>a\nb</pre>'
    """
    if "\n" not in html:
        return html
    return _KEPT.sub(lambda m: m.group(4).replace("\r\n", " ").replace("\n", " ") if m.group(4) and m.group(4).strip()
                     else m.group(0), html)


_CSS_RULE = re.compile(r"\.(?P<cls>[\w-]+)\s*\{(?P<body>[^{}]*)\}")


def _class_bold(tree: LexborHTMLParser) -> LexborHTMLParser:
    """The tree with text its stylesheet sets in bold through a class (``.c9{font-weight:700}``, a Google Docs
    export, which prints no ``<b>``) marked bold in its ``style``, as ``node_lines`` reads bold.

    >>> t = _class_bold(LexborHTMLParser('<style>.c9{font-weight:700}</style><p><span class="c1 c9">Opening</span></p>'))
    >>> t.css_first("span").attributes["style"]
    'font-weight:700'
    """
    css = " ".join(style.text() for style in tree.css("style"))
    bold = {m.group("cls") for m in _CSS_RULE.finditer(css) if _BOLD_STYLE.search(m.group("body"))}
    if bold:
        for node in tree.css("[class]"):
            if bold.intersection((node.attributes.get("class") or "").split()):
                node.attrs["style"] = f"{node.attributes.get('style') or ''};font-weight:700".lstrip(";")
    return tree


# footnotes as site generators print them: Python-Markdown (MkDocs), markdown-it, kramdown (Jekyll), goldmark
# (Hugo), Pandoc — the marker after a name and the list of notes at the foot
_NOTE_REFS = ("sup.footnote-ref, a.footnote-ref, sup[id^='fnref'], a[id^='fnref'], [role='doc-noteref'], "
              "a[rel='footnote'], sup > a[href^='#fn'], sup > a[href^='#footnote']")
_NOTE_LISTS = "[role='doc-endnotes'], div.footnote, div.footnotes, section.footnotes, ol.footnotes, ol.footnotes-list"


def _drop_footnotes(tree: LexborHTMLParser, html: str) -> LexborHTMLParser:
    """The tree without footnote markers (``<sup id="fnref:1"><a href="#fn:1">1</a></sup>``: "Ann Lee1, CTO"
    otherwise) and without the notes at the foot of the page, which are no programme.

    >>> text(_drop_footnotes(LexborHTMLParser(s := '<p>Ann Lee<sup><a href="#fn1">1</a></sup>, CTO</p>'
    ...                                       '<div class="footnote"><ol><li id="fn1">Joins online</li></ol></div>'), s).body)
    'Ann Lee, CTO'
    """
    if "fn" not in html and "footnote" not in html and "noteref" not in html:
        return tree
    markers = [node.parent if node.tag == "a" and node.parent is not None and node.parent.tag == "sup" else node
               for node in tree.css(_NOTE_REFS)]
    markers = [node for node in markers if len(text(node)) <= 6]  # "1", "[2]", "*": a marker, not a link of the text
    for node in markers:
        node.decompose()
    for node in tree.css(_NOTE_LISTS):
        node.decompose()
    if markers and tree.body is not None:
        tree.body.merge_text_nodes()  # "Ann Lee" and ", CTO" about the marker taken out: one text again
    return tree


_MARKDOWN_LINE = re.compile(r"^(?:#{1,6}\s|[-*+]\s+\S|\d{1,2}\.\s+\S|\|)", re.M)


def _html_body(body: str) -> bool:
    """A Markdown file's body that is HTML: it starts with a tag and has no Markdown headings, lists or tables
    of its own (three lines at least), which a page that opens with a button or an image still has.

    >>> _html_body("<div class='card'>\\n  <h3>Ann Lee</h3>\\n</div>"), _html_body("<a href='#'>Join</a>\\n\\n## Day 1\\n- a\\n- b")
    (True, False)
    """
    return body.lstrip().startswith("<") and len(_MARKDOWN_LINE.findall(body)) < 3


def text(node: LexborNode | None) -> str:
    """A node's text with spaces folded (non-breaking spaces too)."""
    if node is None:
        return ""
    return " ".join(node.text(separator=" ").replace("\u00a0", " ").split())


def first(node: LexborNode, selector: str) -> LexborNode | None:
    """The first match of ``selector`` in ``node`` (the node itself when it matches and holds no match)."""
    if not selector:
        return None
    hit = node.css_first(selector)
    if hit is None and node.css_matches(selector):
        return node
    return hit


def every(node: LexborNode, selector: str) -> list[LexborNode]:
    """Every match of ``selector`` in ``node`` in page order, but for matches inside another match (whose text
    the outer one holds); the node itself when it matches and holds no match.

    >>> card = LexborHTMLParser("<div><p>CEO</p><p>Acme</p><div class=d>Unit <div class=d>Lab</div></div></div>")
    >>> [text(n) for n in every(card.css_first("div"), "p")], [text(n) for n in every(card.css_first("div"), ".d")]
    (['CEO', 'Acme'], ['Unit Lab'])
    """
    if not selector:
        return []
    hits = node.css(selector)
    if not hits:
        return [node] if node.css_matches(selector) else []
    found = {hit.mem_id for hit in hits}
    return [hit for hit in hits if not any(a.mem_id in found for a in ancestors(hit))]


class Lines:
    """Line numbers of printed text in a page, found in order (HTML trees keep no positions)."""

    def __init__(self, doc: Document):
        # printed text has no footnote markers (``page_tree``): nor has the body searched
        self.body, self.first, self.pos = without_footnotes(doc.body), doc.body_line, 0

    def of(self, printed: str) -> int | None:
        """The 1-based file line of the next occurrence of ``printed`` (or its first word)."""
        for probe in (printed, printed.replace("&", "&amp;"), printed.split(" ")[0]):
            at = self.body.find(probe, self.pos) if probe else -1
            if at >= 0:
                self.pos = at + len(probe)
                return self.first + self.body.count("\n", 0, at) + 1
        return None


# --- printed lines of a cell or block ----------------------------------------------------


@dataclass
class Line:
    """One printed line: its text, the bold text it opens with, and every bold run in it (in order)."""

    text: str
    bold: str = ""
    strong: tuple[str, ...] = ()  # "<b>Ann Lee</b>, CTO, Acme and <b>Bo Chan</b>, …": ('Ann Lee', 'Bo Chan')


_BLOCK = {"p", "div", "ul", "ol", "li", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
          # HTML's other block elements: each a line of its own whatever the source's line breaks
          "address", "article", "aside", "details", "summary", "dl", "dt", "dd", "figure", "figcaption", "footer",
          "header", "hgroup", "hr", "main", "nav", "section", "pre", "fieldset", "form"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)


# a line that ends in a list's joiner, a comma or a semicolon, or in a preposition or an article, goes on after the
# line break: "… (Polizia Postale) e" then "Prof.ssa …"; "Commandant de la" then "cyberdéfense, État-major";
# "Panelleden: A (Org)," then "B (Org) en C" (HTML wrapped in its source)
_WRAPPED = re.compile(r"(?:\s(?:and|e|y|en|und|et|og|och|&|of|the|for|to|at|de|la|le|les|du|des|der|die|das|dem|den|"
                      r"für|von|im|di|del|della|do|da|à|au|aux)|[,;])\s*$")


def node_lines(node: LexborNode) -> list[Line]:
    """The lines of a cell or block, at ``<br>`` and block edges; an empty line where a blank line is."""
    raw: list[list[tuple[str, bool]]] = [[]]
    last = [""]  # the last text printed, as printed (its spaces kept)

    def walk(n: LexborNode, bold: bool) -> None:
        field = False  # the last sibling was a field of its own (<span class="name">): the next one is a new line
        styled = False  # the last sibling was a classed inline element with text, and no text followed it
        for child in n.iter(include_text=True):
            tag = child.tag
            if tag != "-text" and _is_field(child):
                if field and not text(child).startswith("("):  # "… <span class=affiliation>(Acme)</span>" goes on
                    raw.append([])  # "<span class=name>Ann Lee</span><span class=affil>CTO, Acme</span>"
                field = True
            elif tag != "-text" or not _ROLE_NOTE.match(child.text_content or ""):
                field = False  # text between fields joins them, but for a role in brackets: "(moderator)"
            if tag != "-text" and _classed_inline(child):
                # a run that goes on a sentence ("Welcome remarks: " then "Ms Ann Lee", "Prof. Bo Chan, " then
                # "Professor of …": a word processor's export prints a run per change of font) is no new line
                if styled and "".join(t for t, _ in raw[-1]).strip() and not _RUN_GOES_ON.search(last[0]) \
                        and not (child.text() or "")[:1].isspace() and not _RUN_CONTINUES.match(child.text() or ""):
                    # "<a class=x>Ann Lee</a><span class=y>CTO, Acme</span>": with nothing between, the two would
                    # print as one word unless the page's styles set them apart (minified React output)
                    raw.append([])
                styled = bool(text(child))
            else:
                styled = False
            if tag == "-text":
                for k, piece in enumerate((child.text_content or "").split("\n")):
                    so_far = "".join(t for t, _ in raw[-1])
                    if k and so_far.strip() and not _WRAPPED.search(so_far) and not piece.lstrip().startswith("("):
                        raw.append([])  # a line break in rendered Markdown is a printed line, unless a list's
                        # joiner ends it ("… (Polizia Postale) e" then "Prof.ssa …": one sentence wrapped) or a
                        # bracket opens the next ("Mr Dan Roe" then "(Reino Unido), Counsellor")
                    raw[-1].append((piece + " ", bold))
                    last[0] = piece if piece.strip() else last[0] + piece
            elif tag == "br":
                raw.append([])
            elif tag in _BLOCK:
                raw.append([])
                walk(child, bold)
                raw.append([])
            elif tag not in ("script", "style", "iframe"):
                walk(child, bold or tag in ("strong", "b") or bool(_BOLD_STYLE.search(child.attributes.get("style") or "")))

    walk(node, False)
    out = [_line(segs) for segs in raw]
    return _squeeze(out)


_ROLE_NOTE = re.compile(r"^\s*(?:\([A-Za-z -]{2,30}\))?\s*$")
_RUN_GOES_ON = re.compile(r"[,;:–—(\[-]\s*$|\S[ \u00a0]$")  # text set apart from the next run: one line goes on
_RUN_CONTINUES = re.compile(r"[,;:.)\]]")  # a run opening with ", Serbia), …" goes on the line before it
_FIELD_CLASS = re.compile(r"name|title|affil|organi[sz]ation|company|role|position|job|employer|country|bio", re.I)
_INLINE = ("span", "small", "em", "i", "strong", "b", "a")
# a CSS-modules class (Next.js, Vite): Component_field__hash — "SpeakerChip_name__Pq3kL"; a hash has a digit or a
# capital, so that a BEM class of words ("speaker_card__title") keeps its element
_MODULE_CLASS = re.compile(r"^[A-Za-z][A-Za-z0-9]*_([A-Za-z][\w-]*?)__(?=[\w-]*[0-9A-Z])[\w-]{5,}$")


def _is_field(node: LexborNode) -> bool:
    """An inline element a page styles as one field of a person ("name", "affiliation", "company", "role")."""
    return node.tag in _INLINE and bool(_FIELD_CLASS.search(" ".join(class_words(node.attributes.get("class")))))


def _classed_inline(node: LexborNode) -> bool:
    """An inline element with a class (``<a class="…">``, ``<span class="…">``)."""
    return node.tag in _INLINE and bool((node.attributes.get("class") or "").strip())


def class_words(value: str | None) -> list[str]:
    """The classes of a ``class`` attribute, a CSS-modules class read by its field part (its component and hash
    are no field: "SpeakerChip_meta__H7dYw" is "meta").

    >>> class_words("SpeakerChip_name__Pq3kL card--big"), class_words(None)
    (['name', 'card--big'], [])
    >>> class_words("JobBoard_list__a1b2c"), class_words("speaker_card__title")
    (['list'], ['speaker_card__title'])
    """
    return [m.group(1) if (m := _MODULE_CLASS.match(c)) else c for c in (value or "").split()]


def _line(segs: list[tuple[str, bool]]) -> Line:
    """A printed line from its pieces of text, each bold or not.

    >>> _line([("Ann Lee ", True), (", CTO, Acme and ", False), ("Bo Chan ", True), (", Lead", False)])
    Line(text='Ann Lee , CTO, Acme and Bo Chan , Lead', bold='Ann Lee', strong=('Ann Lee', 'Bo Chan'))
    """
    whole = _fold("".join(t for t, _ in segs))
    bold = ""
    for piece, is_bold in segs:
        if not piece.strip():
            bold += piece
            continue
        if not is_bold:
            break
        bold += piece
    return Line(whole, _fold(bold), _runs(segs))


def _runs(segs: list[tuple[str, bool]]) -> tuple[str, ...]:
    """The bold runs of a line's pieces, in order."""
    runs: list[str] = []
    last = False  # the last piece with words was bold: a bold piece goes on with its run
    for piece, is_bold in segs:
        if not piece.strip():
            if last:
                runs[-1] += piece
        elif not is_bold:
            last = False
        elif last:
            runs[-1] += piece
        else:
            runs.append(piece)
            last = True
    return tuple(r for r in map(_fold, runs) if r)


def _fold(value: str) -> str:
    # Markdown emphasis left inside HTML ("*Jane Doe, …*") is no text; "(<span>Acme</span>)" prints "(Acme)"
    folded = " ".join(value.replace("\u00a0", " ").split()).strip("*_ ").strip()
    if "(" in folded:
        folded = _BRACKET_SPACE.sub(lambda m: m.group(1) or m.group(2), folded)
    return _ARROW.sub(" – ", folded) if "\u2192" in folded or "->" in folded else folded  # Indico's "09:00 → 10:15"


_BRACKET_SPACE = re.compile(r"(\() | (\))")
_ARROW = re.compile(r"(?<=\d)\s*(?:\u2192|->)\s*(?=\d)")


def _squeeze(lines: list[Line]) -> list[Line]:
    """Lines with runs of empty lines folded to one (a blank line is a boundary, not content)."""
    out: list[Line] = []
    for line in lines:
        if line.text or (out and out[-1].text):
            out.append(line)
    while out and not out[-1].text:
        out.pop()
    return out


def groups(lines: list[Line]) -> list[list[Line]]:
    """Lines cut at empty lines."""
    out: list[list[Line]] = [[]]
    for line in lines:
        if line.text:
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [g for g in out if g]


def permalink(url: str | None, base_url: str | None = None) -> str | None:
    """A page address in one form: the site's own absolute URLs made relative, lower case, no ``.html``,
    slashes at both ends, a script's page parameter kept; another site's URL is kept as printed.

    >>> permalink("/w/index.php?title=User:Ann_Lee&action=edit&redlink=1"), permalink("/p/jd.html?utm=x")
    ('/w/index.php/user:ann_lee/', '/p/jd/')
    """
    if not url or not url.strip() or url.strip().startswith(("#", "mailto:")):
        return None
    url = url.strip()
    base = (base_url or "").rstrip("/")
    if base and url.lower().startswith(base.lower()):
        url = url[len(base):]
    elif re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
        return url
    path, _, query = url.split("#")[0].partition("?")
    page = _SCRIPT_PAGE.search(f"&{query}") if _SCRIPT.search(path) else None
    if page:  # "/w/index.php?title=User:Ann_Lee&action=edit&redlink=1": the page the script shows is the address
        path = f"{path}/{unquote(page.group(1))}"
    path = re.sub(r"(?:/index)?\.html?$", "", path.lower()).strip("/")
    return f"/{path}/" if path else "/"


# a script serving many pages by a parameter (MediaWiki's index.php?title=…, a CMS's page.php?id=…)
_SCRIPT = re.compile(r"\.(?:php|aspx?|jsp|cgi|pl)$", re.I)
_SCRIPT_PAGE = re.compile(r"&(?:title|page|p|id|pid|node|article)=([^&]+)", re.I)


_NOT_A_PORTRAIT = re.compile(r"logo|icon|sponsor|banner|badge|flag|spinner|sprite|placeholder", re.I)


def portrait(root: LexborNode, name: str) -> str | None:
    """The address of a person's photo on their page: an image whose alt text names them, else the first image
    outside the page's header, navigation and footer that is no logo or icon; ``None`` when there is none.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> page = LexborHTMLParser('<header><img src="logo.svg"></header><main><img src="x.png" alt="Map">'
    ...                         '<img src="ann.jpg" alt="Ann Lee, CTO"></main>').body
    >>> portrait(page, "Ann Lee"), portrait(page, "Bo Chan")
    ('ann.jpg', 'x.png')
    """
    images = [img for img in root.css("img") if img.attributes.get("src")
              and not _NOT_A_PORTRAIT.search(" ".join(str(img.attributes.get(k) or "") for k in ("src", "alt", "class")))
              and not any(a.tag in ("header", "nav", "footer") for a in ancestors(img))]
    words = {w.lower() for w in name.split() if len(w) > 2}
    named = [img for img in images if words & {w.lower().strip(",.") for w in (img.attributes.get("alt") or "").split()}]
    found = (named or images or [None])[0]
    return found.attributes.get("src") if found is not None else None


def ancestors(node: LexborNode):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent

