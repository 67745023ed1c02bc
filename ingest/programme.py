"""The reader for programme tables and programme sections: ``| Time | Programme |`` rows, bold titles, people lines.

A programme page lists its sessions in a table, a row a slot: the time in the
first cell, and in the programme cell a bold title followed by people, one a
line ("Name, Title, Organisation", "Name (Title, Org)", "Moderator: Name, …",
"Featuring Name, …", "Name … [Host]"); a cell can hold several sessions split
by blank lines. Outside tables, a bold paragraph opens a session and role
labels ("**Panellists:**", "Speakers:", "### Guest of Honour") name the role of
the people listed after them. Day headings ("## Day One – Wednesday, May 15",
a table header "DAY 2 MORNING WED, 3 OCT 2018", "### Day 2:") set the date;
the page's "Date: …" line, else its file name or front matter, dates the rest.

Markdown is rendered with markdown-it (pipe tables included), then every page
is read as HTML with selectolax; a session that names nobody is left out.

>>> role_prefix("Moderator: Jane Doe, Editor, Daily"), role_prefix("Moderated by Jo Ray"), role_prefix("[Host] Al Bo")
(('Moderator', 'Jane Doe, Editor, Daily'), ('Moderator', 'Jo Ray'), ('Host', 'Al Bo'))
>>> unglue("Ann Lee (CEO, Acme)Bo Chan (CTO, Beta) [Host]Cy Dee (Lead, Gamma)")
['Ann Lee (CEO, Acme)', 'Bo Chan (CTO, Beta) [Host]', 'Cy Dee (Lead, Gamma)']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import PurePosixPath

from selectolax.lexbor import LexborHTMLParser, LexborNode

from graph.errors import IngestError
from graph.ids import slugify
from ingest import times
from ingest.cards import Lines, _md, clean_time, file_date, first_day, options_of, permalink, reads_as_time, text
from ingest.markdown import prepare
from ingest.person_line import looks_like_name, split_person, split_position
from ingest.profile import Settings
from ingest.records import Document, Note, Parsed, Position, Row, SessionPage
from ingest.roles import role_of
from ingest.tidy import not_a_person

NAME = "programme"
SUFFIXES = ("md", "markdown", "html", "htm")


@dataclass(frozen=True)
class Options:
    """Where a programme page keeps its sessions (see docs/sites.md, "Programme tables")."""

    markup: str = "auto"  # "auto" (HTML when the body starts with a tag), "html" or "markdown"
    time_column: str = "time"  # the header of the time column
    programme_column: str = ""  # the header of the session column; default: the column after the time
    blocks: bool = True  # also read sessions outside tables (bold titles, role labels, people lists)
    role_label: str = "Speaker"  # the role of people printed under no role word
    default_date: str = ""  # the date of a page that prints none ("2024-05-14"), before its file name
    date_label: str = "date"  # the label of the page's date line ("Date: 28 May 2019")


def check(options: dict) -> None:
    """Raise ``ValueError`` naming the first bad option of a ``programme`` part."""
    opts = options_of(Options, options)
    if opts.markup not in ("auto", "html", "markdown"):
        raise ValueError(f"markup must be \"auto\", \"html\" or \"markdown\", not {opts.markup!r}")
    if opts.default_date and first_day(opts.default_date) is None:
        raise ValueError(f"default_date {opts.default_date!r} is no date — write it as \"2024-05-14\"")


# --- lines of inline HTML -----------------------------------------------------------------


@dataclass
class Line:
    """One printed line: its text and the bold text it opens with."""

    text: str
    bold: str = ""


_BLOCK = {"p", "div", "ul", "ol", "li", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)


def node_lines(node: LexborNode) -> list[Line]:
    """The lines of a cell or block, at ``<br>`` and block edges; an empty line where a blank line is."""
    raw: list[list[tuple[str, bool]]] = [[]]

    def walk(n: LexborNode, bold: bool) -> None:
        for child in n.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                for k, piece in enumerate((child.text_content or "").split("\n")):
                    if k and "".join(t for t, _ in raw[-1]).strip():
                        raw.append([])  # a line break in rendered Markdown is a printed line
                    raw[-1].append((piece + " ", bold))
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


def _line(segs: list[tuple[str, bool]]) -> Line:
    whole = _fold("".join(t for t, _ in segs))
    bold = ""
    for piece, is_bold in segs:
        if not piece.strip():
            bold += piece
            continue
        if not is_bold:
            break
        bold += piece
    return Line(whole, _fold(bold))


def _fold(value: str) -> str:
    # Markdown emphasis left inside HTML ("*Jane Doe, …*") is no text
    return " ".join(value.replace("\u00a0", " ").split()).strip("*_ ").strip()


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


# --- people lines -------------------------------------------------------------------------

_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z &'’-]{1,40}?)\s*:\s*(?P<rest>.*)$")
_BY = re.compile(r"^(?:(?P<verb>moderated|chaired|hosted|facilitated|presented|introduced)\s+)?by\s+(?P<rest>.+)$", re.I)
_FEATURING = re.compile(r"^(?:featuring|with)\s+(?P<rest>[A-Z].*)$", re.I)
_BRACKET = re.compile(r"\s*\[(?P<label>[A-Za-z][A-Za-z ]{1,20})\]\s*")
_VERB_LABELS = {"moderated": "Moderator", "chaired": "Chair", "hosted": "Host", "facilitated": "Facilitator",
                "presented": "Presenter", "introduced": "Host"}
_GLUED = re.compile(r"(?<=[)\]])(?=\s*[A-Z])|(?<=[a-z])(?=(?:Moderators?|Hosts?|Chairs?|Panell?ists?)\s*:)")


def role_prefix(printed: str) -> tuple[str | None, str]:
    """A role printed before or after a person ("Moderator: X", "Moderated by X", "X [Host]") and the rest."""
    m = _BRACKET.search(printed)
    if m and role_of(m.group("label")):
        return m.group("label").strip(), (printed[:m.start()] + " " + printed[m.end():]).strip()
    m = _LABEL.match(printed)
    if m and role_of(m.group("label")):
        return m.group("label").strip(), m.group("rest").strip()
    m = _BY.match(printed)
    if m:
        verb = (m.group("verb") or "").lower()
        return _VERB_LABELS.get(verb), m.group("rest").strip()
    m = _FEATURING.match(printed)
    if m:
        return None, m.group("rest").strip()
    head, sep, rest = printed.partition(", ")
    if sep and len(head) < 40 and role_of(head) and not_a_person(head) == "a heading":
        return head.strip(), rest.strip()  # "Guest of Honour, Minister Jane Doe", not "Chairman, Acme"
    return None, printed


def unglue(printed: str) -> list[str]:
    """People printed one after another where a line break was lost: after ")" or "]" before a capital,
    and before a role label glued to the previous word ("…GovTechModerator: …")."""
    return [p.strip() for p in _GLUED.split(printed) if p and p.strip()]


@dataclass
class Person:
    """A person as read from a line, before becoming a row."""

    name: str
    positions: list[Position]
    label: str | None
    line: str
    sure: bool  # labelled, bold or with a position: a bare name alone is not enough


def read_people(lines: list[Line], label: str | None = None) -> list[Person]:
    """The people of a run of lines; lines under a bare name that are no person are that name's positions."""
    out: list[Person] = []
    bare = False  # the last person was printed alone on a line: position lines may follow
    for line in lines:
        if line.text.startswith(("- ", "• ")) or len(line.text) > 240:
            bare = False
            continue  # a description bullet, a paragraph
        found, label_only = _people_of(line, label)
        if label_only:
            label, bare = label_only, False
            continue
        if not found and bare and len(line.text) < 160:
            out[-1].positions += split_position(line.text)  # "Mr Jo Ray" then "Permanent Secretary, Ministry"
            out[-1].sure = True
            continue
        out += found
        bare = bool(found) and not found[-1].positions
    return [p for p in out if p.sure]


def _not_people(printed: str, own: str | None, rest: str) -> bool:
    """A question, or a Q&A credit ("Name, Title: the answer…"), not a person line."""
    return not own and (printed.endswith((":", "?")) or ": " in rest or len(printed) > 200)


def _people_of(line: Line, label: str | None) -> tuple[list[Person], str | None]:
    found = []
    for piece in unglue(line.text):
        own, rest = role_prefix(piece)
        if own and not rest:
            return [], own  # "Panellists:" names the role of the lines after it
        if _not_people(piece, own, rest):
            continue
        split = split_person(rest)
        if split is None and own:
            split = _single_word_name(rest)
        if split is None:
            continue
        name, positions = split
        found.append(Person(name, positions, own or label, line.text,
                            sure=bool(own or positions or looks_like_name(line.bold) or len(rest) > len(name) + 2)))
    return found, None


def _single_word_name(rest: str) -> tuple[str, list[Position]] | None:
    """ "Moderator: PeterHo, CEO, Org": a labelled name printed as one word."""
    head, sep, tail = rest.partition(",")
    if sep and re.fullmatch(r"[A-Z][\w'’-]+", head.strip()):
        return head.strip(), split_position(tail)
    return None


# --- sessions -----------------------------------------------------------------------------


@dataclass
class Draft:
    """A session being read: title, day, times, role and people."""

    title: str
    day: date | None
    time_label: str | None = None
    role: str | None = None
    people: list[Person] = field(default_factory=list)
    label: str | None = None  # a role label printed inside the session ("Speakers:")


_QUOTED = re.compile(r"[“\"](?P<title>[^”\"]{3,})[”\"]")
_DASH = re.compile(r"\s*[\u2013\u2014]\s*|\s+-\s+")
_FROM = re.compile(r"^(?P<title>.{3,60}?)\s+(?:from|by)\s+(?P<rest>.+)$")


def cell_sessions(lines: list[Line], day: date | None, time_label: str | None, role: str | None) -> list[Draft]:
    """The sessions of one programme cell: each opens with a bold title, or is a one-line
    "Label–Name (Title, Org)“Talk”" or "Talk from Title, Name"."""
    drafts: list[Draft] = []
    for group in groups(lines):
        first = group[0]
        if first.bold and not looks_like_name(first.bold) and not _label_only(first.bold):
            drafts.append(Draft(_title(first.bold), day, time_label, _session_role(first.bold, role)))
            rest = first.text[len(first.bold):].strip(" –—-:")
            people_lines = ([Line(rest)] if rest else []) + group[1:]
        elif not drafts:
            draft, people_lines = _inline_session(group, day, time_label, role)
            drafts.append(draft)
        else:
            people_lines = group
        drafts[-1].people += read_people(people_lines, drafts[-1].role)
    return drafts


def _inline_session(group: list[Line], day, time_label, role) -> tuple[Draft, list[Line]]:
    """A session whose title is not bold: the people may sit in the same line as the title."""
    printed = group[0].text
    quoted = _QUOTED.search(printed)
    plain = _QUOTED.sub(" ", printed).strip() if quoted else printed
    dash = _DASH.search(plain)
    title_first = False
    if dash:  # "Keynote–Jane Doe (CTO, Acme)“Talk”"
        lead, rest = plain[:dash.start()], [plain[dash.end():]]
    elif (m := _FROM.match(plain)) and role_of(m.group("title")):  # "Opening Remarks from Acme's CEO, Jane Doe"
        lead, rest, title_first = m.group("title"), [m.group("rest")], True
    elif quoted:  # "Panel Discussion“Talk”Jane Doe (…) [Host]Bo Chan (…)"
        lead, rest = printed[:quoted.start()], [printed[quoted.end():]]
    else:  # "In Conversation with Dr Jane Doe (Minister)Moderator: Bo Chan, CEO, Acme"
        pieces = unglue(plain)
        lead, rest = pieces[0], pieces[1:]
    label = lead.strip() if role_of(lead) and len(lead) < 40 else None
    talk = quoted.group("title").strip() if quoted else None
    draft = Draft(_title(talk or lead.strip() or printed), day, time_label, label or role)
    lines = [Line(p) for r in rest for p in unglue(r.strip()) if p]
    found = [p for p in read_people(lines, draft.role) if p.positions or p.label]
    if title_first and not found and rest:
        split = split_person(rest[0], title_first=True)
        found = [Person(split[0], split[1], draft.role, rest[0], True)] if split else []
    if (m := re.search(r"\bwith\s+(?P<who>[A-Z][^()]+\([^()]+\))\s*$", lead)):  # "In Conversation with X (…)"
        found = [p for p in read_people([Line(m.group("who"))], draft.role) if p.positions] + found
    draft.people += found
    return draft, group[1:]


def _title(printed: str) -> str:
    return printed.strip(" :–—-")


def _label_only(printed: str) -> bool:
    own, rest = role_prefix(printed)
    return bool(own) and not rest


def _role_of_title(title: str) -> str | None:
    """The role a title gives its people: "Keynote: …" → "Keynote"; "Opening Address" → itself."""
    head = re.split(r"\s*[:\u2013\u2014]\s*|\s+-\s+|\s*\(", title, maxsplit=1)[0].strip()
    for label in (head, title.strip()):
        if len(label) < 40 and role_of(label):
            return label
    return None


# --- the page -----------------------------------------------------------------------------


_DAY_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "first": 1, "second": 2, "third": 3}
_DAY_N = re.compile(r"^\W*day\s+(?P<n>\d+|one|two|three|four|five|first|second|third)\b", re.I)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class Page:
    """What a page reader knows while walking a page: the event date and the current day and role."""

    event: date | None
    year: int | None
    day: date | None = None
    role: str | None = None
    drafts: list[Draft] = field(default_factory=list)
    open: Draft | None = None

    def day_of(self, printed: str) -> date | None:
        """The date a day heading names: a printed date, else "Day N" after the event date."""
        found = first_day(printed, self.year) if re.search(r"\d", printed) else None
        if found:
            return found
        m = _DAY_N.match(printed)
        if m and self.event:
            n = m.group("n").lower()
            return self.event + timedelta(days=(int(n) if n.isdigit() else _DAY_WORDS[n]) - 1)
        return None


def read(doc: Document, countries=None, settings: Settings | None = None, **options) -> Parsed:
    """The sessions of a programme page, each with the people it names."""
    try:
        check(options)
    except ValueError as exc:
        raise IngestError(doc.path, f"bad [[parts]] option of reader {NAME!r} in the site profile: {exc}") from None
    opts = options_of(Options, options)
    settings = settings or Settings()
    parsed = Parsed(doc=doc, reader=NAME)
    tree = page_tree(doc, opts.markup)
    event = event_date(doc, tree, opts, settings)
    page = Page(event=event, year=settings.year or (event.year if event else None), day=event)
    walk(tree, page, opts)
    if page.event is None and any(d.day is None for d in page.drafts):
        parsed.notes.append(Note(doc.path, None, "skipped-file",
                                 f"programme page prints no {opts.date_label!r} line, day heading or dated file name — "
                                 "skipped; give default_date = \"YYYY-MM-DD\" in the profile's [[parts]]"))
        return parsed
    parsed.sessions = sessions(doc, page.drafts, settings, opts)
    if not parsed.sessions:
        parsed.notes.append(Note(doc.path, None, "skipped-file", "no programme session names a person — skipped"))
    return parsed


def page_tree(doc: Document, markup: str) -> LexborHTMLParser:
    """The page as HTML: Markdown rendered (pipe tables without a delimiter row too), HTML as is."""
    body = doc.body
    if markup == "html" or (markup == "auto" and (doc.suffix in ("html", "htm") or body.lstrip().startswith("<"))):
        return LexborHTMLParser(body)
    return LexborHTMLParser(_md().render(prepare(body)[0]))


def event_date(doc: Document, tree: LexborHTMLParser, opts: Options, settings: Settings) -> date | None:
    """The date of the page's event: its "Date: …" line, else the ``default_date`` option, the front matter,
    the file name."""
    whole = text(tree.body) if tree.body is not None else ""
    year = settings.year or (file_date(doc.path) or date.min).year
    for m in re.finditer(rf"\b{re.escape(opts.date_label)}\s*:\s*(?P<value>.{{3,60}})", whole, re.I):
        found = first_day(m.group("value"), year if year > 1 else None)
        if found:
            return found
    if opts.default_date:
        return first_day(opts.default_date)
    meta = doc.meta.get("date")
    if isinstance(meta, date):
        return meta
    return file_date(doc.path)


def walk(tree: LexborHTMLParser, page: Page, opts: Options) -> None:
    """Read the page's top-level blocks in order: headings, tables, paragraphs, lists."""
    body = tree.body
    if body is None:
        return
    for node in body.iter():
        tag = node.tag
        if tag in _HEADINGS:
            _heading(node, page)
        elif tag == "table":
            page.open = None
            _table(node, page, opts)
        elif tag in ("p", "ul", "ol", "div") and opts.blocks:
            if tag == "div" and node.css_first("table") is not None:
                for table in node.css("table"):
                    _table(table, page, opts)
                continue
            _block(node, page)


def _heading(node: LexborNode, page: Page) -> None:
    printed = text(node).strip(" :")
    page.open = None
    day = page.day_of(printed)
    if day:
        page.day = day
        return
    if len(printed) < 40 and role_of(printed):
        page.role = printed
        return
    page.role = None


def _block(node: LexborNode, page: Page) -> None:
    """A paragraph or list outside tables: a bold title opens a session (with the people printed under it),
    a role label ("Speakers:") names the role of the people listed after it, a dated line dates the session."""
    lines = [ln for ln in node_lines(node) if ln.text]
    if not lines:
        return
    first = lines[0]
    title = first.bold if first.bold and first.bold == first.text else ""
    if not title and node.tag == "p" and len(lines) == 1 and node.css_first("a") is not None \
            and text(node.css_first("a")) == first.text:
        title = first.text  # a paragraph that is only a link to the session
    if _label_only(first.text):
        if page.open is not None:
            page.open.label = role_prefix(first.text)[0]
        lines = lines[1:]
    elif title and not looks_like_name(title) and not _caption(node):
        page.open = Draft(_title(title), _dated(title, page), None, _session_role(title, page.role))
        page.drafts.append(page.open)
        page.open.people += read_people(lines[1:], page.open.role)
        return
    if page.open is None:
        return
    for line in lines:
        _date_line(line.text, page)
    if page.open.label or page.role or any(role_prefix(ln.text)[0] for ln in lines):
        page.open.people += read_people(lines, page.open.label or page.open.role)


def _caption(node: LexborNode) -> bool:
    """A bold line just before a list introduces the list ("**This webinar will discuss**"): no session."""
    after = node.next
    while after is not None and after.tag == "-text" and not (after.text_content or "").strip():
        after = after.next
    return after is not None and after.tag in ("ul", "ol")


def _dated(title: str, page: Page) -> date | None:
    """The day a title prints ("Opening address (16 Nov)"), else the page's current day."""
    found = first_day(title, page.year) if re.search(r"\d", title) else None
    return found or page.day


def _session_role(title: str, heading: str | None) -> str | None:
    """The role of a session's people: a heading more particular than "Speakers", else the title's role word."""
    if heading and role_of(heading) not in ("speaker", None):
        return heading
    return _role_of_title(title) or heading


def _date_line(printed: str, page: Page) -> None:
    """ "15 July 2020, 8-9pm", "held on 17 June 2020": the date (and time) of the open session."""
    if page.open is None or len(printed) > 120:
        return
    found = first_day(printed, page.year)
    if found and re.search(r"\d{4}", printed):
        page.open.day = found
        clock = printed[printed.find(",") + 1:] if "," in printed else ""
        if clock and reads_as_time(clock):
            page.open.time_label = clock.strip()


def _table(node: LexborNode, page: Page, opts: Options) -> None:
    """A programme table: rows of a time cell and a programme cell; a one-cell header row is a day."""
    time_col, prog_col = 0, 1
    for row in node.css("tr"):
        cells = [c for c in row.iter() if c.tag in ("td", "th")]
        if not cells:
            continue
        heads = [text(c).lower() for c in cells]
        if all(c.tag == "th" for c in cells):
            if opts.time_column.lower() in heads:
                time_col = heads.index(opts.time_column.lower())
                prog_col = heads.index(opts.programme_column.lower()) if opts.programme_column.lower() in heads \
                    else min(time_col + 1, len(cells) - 1)
            elif len(cells) == 1 and (day := page.day_of(text(cells[0]))):
                page.day = day
            continue
        if len(cells) <= max(time_col, prog_col):
            continue
        clock = text(cells[time_col])
        if clock and not reads_as_time(clock):
            continue  # "Room", "Date:": not a slot
        page.drafts += cell_sessions(node_lines(cells[prog_col]), page.day, clock or None, page.role)


def sessions(doc: Document, drafts: list[Draft], settings: Settings, opts: Options) -> list[SessionPage]:
    """Session records of the drafts that name people, each with its own permalink (page + title)."""
    base = permalink(str(doc.meta.get("permalink") or ""), settings.base_url) or f"/{PurePosixPath(doc.path).stem}/"
    lines = Lines(doc)
    seen: dict[str, int] = {}
    out = []
    for draft in drafts:
        if not draft.people or draft.day is None:
            continue
        slug = slugify(draft.title)[:60] or "session"
        seen[slug] = seen.get(slug, 0) + 1
        anchor = slug if seen[slug] == 1 else f"{slug}-{seen[slug]}"
        session = SessionPage(path=doc.path, title=draft.title, permalink=f"{base}#{anchor}", date=draft.day,
                              time_label=draft.time_label)
        if draft.time_label:
            start, end = times.parse_time_range(clean_time(draft.time_label))
            session.start, session.end = times.combine(draft.day, start), times.combine(draft.day, end)
        session.rows = [Row(line=lines.of(p.name), role_label=p.label or draft.role or opts.role_label,  # type: ignore[arg-type]
                            printed_name=p.name, link=None, positions=p.positions) for p in draft.people]
        out.append(session)
    return out
