"""An MDX programme's JSX components printed as the HTML lines they stand for, for the programme reader.

An MDX page may write its programme in components: ``<Session time="09:00" title="Opening remarks"
type="opening">`` wrapping ``<Speaker name="Ann Lee" title="CTO" company="Acme" country="Norway" />``, a
``<Moderator …/>``, a ``<Break time="10:30" label="Coffee" />``. The site renders each as a line of the
programme; ``as_html`` prints them so, by what their attributes say (a time and a title: a session's line; a
name: a person's line, labelled by a component named for a role), and the programme reader reads the lines as it
reads any page. Components of no such attributes are left out; imports and exports are no text.
"""

from __future__ import annotations

import html
import re

from ingest.roles import role_of, role_of_title
from ingest.shortcodes import jsx_attributes

_TAG = re.compile(r"<(?P<close>/)?(?P<name>[A-Z][a-z]\w*(?:\.[A-Z]\w*)?)(?P<attrs>(?:\s+[\w:.-]+(?:\s*=\s*"
                  r"(?:\"[^\"]*\"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\}))?)*)\s*(?P<self>/)?>")
_MODULE_LINE = re.compile(r"^(?:import|export)\s.*$", re.M)
_INDENTED_TAG = re.compile(r"^[ \t]+(?=</?[A-Z][a-z])", re.M)
_TIME_KEYS = ("time", "start", "starts", "slot", "at", "from", "hour")
_TITLE_KEYS = ("title", "name", "label", "topic", "heading")
_KIND_KEYS = ("type", "kind", "format", "category")
_NAME_KEYS = ("name", "fullname", "speaker", "person")
_JOB_KEYS = ("title", "jobtitle", "job", "position", "role")
_ORG_KEYS = ("company", "org", "organisation", "organization", "affiliation", "employer", "agency")


def has_components(body: str) -> bool:
    """True when a body prints components with a time and a title (a programme written in JSX).

    >>> has_components('<Session time="09:00" title="Welcome">'), has_components('<Speaker name="Ann Lee" />')
    (True, False)
    """
    return any(_first(jsx_attributes(m.group("attrs")), _TIME_KEYS) and _first(jsx_attributes(m.group("attrs")),
                                                                                  _TITLE_KEYS)
               for m in _TAG.finditer(body) if not m.group("close"))


def as_html(body: str) -> str:
    """The body with its components printed as HTML lines.

    >>> print(as_html('import S from "./S";\\n<Session time="09:00" title="Ten years" type="keynote">\\n'
    ...               '  <Speaker name="Ann Lee" title="CTO" company="Acme" country="Norway" />\\n</Session>\\n'
    ...               '<Break time="10:30" label="Coffee" />'))
    <BLANKLINE>
    <p><strong>09:00 Keynote</strong><br><em>Ten years</em><br>Ann Lee, CTO, Acme (Norway)</p>
    <BLANKLINE>
    <p><strong>10:30</strong><br><em>Coffee</em></p>
    """
    body = _MODULE_LINE.sub("", body)
    body = _INDENTED_TAG.sub("", body)  # children indented under their session: no Markdown code block
    out = _TAG.sub(lambda m: "" if m.group("close") else _printed(m.group("name"), jsx_attributes(m.group("attrs"))),
                   body)
    return _NEXT_PERSON.sub("<br>", out)  # a session's line and its people's: one block, a line each


# a person's line right after a session's or another person's line: the same block
_NEXT_PERSON = re.compile(r"</p>[ \t]*\n?[ \t]*<p>(?!<strong>)")


def _printed(component: str, attrs: dict[str, str]) -> str:
    """One component as the line it prints: a timed session or break, a person, or nothing."""
    attrs = {k: v for k, v in attrs.items() if not v.startswith("{")}  # expressions name nothing printed
    clock, title = _first(attrs, _TIME_KEYS), _first(attrs, _TITLE_KEYS)
    if clock and title:
        # the time (and the session's kind, type="keynote": its speakers' role) over the title in italics, which
        # the programme reader takes for the title whole, whatever its colons ("Rust in the Kernel: A Report")
        kind = _first(attrs, _KIND_KEYS)
        kind = f" {kind.capitalize()}" if kind and role_of(kind) not in (None, "speaker") else ""
        return f"<p><strong>{html.escape(clock)}{html.escape(kind)}</strong></p>\n<p><em>{html.escape(title)}</em></p>"
    name = _first(attrs, _NAME_KEYS)
    if not name:
        return ""
    parts = [name, _first(attrs, _JOB_KEYS), _first(attrs, _ORG_KEYS)]
    line = ", ".join(p for p in parts if p)
    if country := attrs.get("country"):
        line += f" ({country})"
    label = component if role_of(component) and role_of(component) != "speaker" else None
    return f"<p>{html.escape(f'{label}: ' if label else '')}{html.escape(line)}</p>"


def _first(attrs: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((attrs[k] for k in keys if attrs.get(k)), "")
