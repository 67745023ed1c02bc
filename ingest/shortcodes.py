"""People given as Hugo shortcodes in a page body: ``{{< speaker name="Ann Lee" title="CTO" agency="Acme" >}}``.

Hugo expands a shortcode before it renders the Markdown, so a page can list its
speakers as shortcode calls (self-closing, or paired with a biography inside,
``{{< speaker … >}}…{{< /speaker >}}``; ``{{% … %}}`` too). A call with a
``name=`` attribute is one person; its other attributes are read by name
(``Fields``: the profile part's ``item_*`` keys first, then common names).

>>> [(c.line, c.name, c.attrs["name"]) for c in calls('x\\n{{< speaker name="Ann Lee" org="Acme" >}}')]
[(1, 'speaker', 'Ann Lee')]
>>> calls("{{% person name='Bo Chan' /%}}")[0].attrs, calls("{{< /speaker >}}")
({'name': 'Bo Chan'}, [])
>>> row = person(calls('{{< speaker name="Ann Lee" job="CTO" agency="Acme" role="Host" >}}')[0].attrs, Fields())
>>> row.role_label, row.printed_name, [(p.title, p.organisation) for p in row.positions]
('Host', 'Ann Lee', [('CTO', 'Acme')])

MDX pages (Docusaurus, Astro, Next.js) list people as JSX components the same way,
``<Speaker name="Ann Lee" title="CTO" org="Acme" />``: a capitalised tag is a
call (``components``), read by the same attribute rules. A call's name that
names a role (``<Panelist …>``, ``{{< moderator … >}}``) is its person's role,
and an attribute named by a role (``<Panel moderator="Bo Chan">``) names one
more person in that role (``people``).

>>> [(r.role_label, r.printed_name) for c in components('<Panel moderator="Bo Chan">\\n  <Panelist name="Ann Lee" />')
...  for r in people(c, Fields())]
[('Moderator', 'Bo Chan'), ('Panelist', 'Ann Lee')]
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ingest.people_text import split_people
from ingest.person_pattern import looks_like_name, split_position
from ingest.records import Position, Row
from ingest.roles import role_of

_CALL = re.compile(r"\{\{(?P<open>[<%])\s*(?P<name>[\w.-]+)(?P<attrs>.*?)/?\s*(?:>\}\}|%\}\})", re.S)
_ATTR = re.compile(r"""(?P<key>[\w-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|`(?P<bq>[^`]*)`|(?P<bare>[^\s"'`]+))""")


@dataclass(frozen=True)
class Fields:
    """The attribute names of each field of a person, first match wins."""

    name: tuple[str, ...] = ("name",)
    title: tuple[str, ...] = ("title", "position", "job", "job_title", "jobtitle")
    organisation: tuple[str, ...] = ("org", "organisation", "organization", "agency", "company", "affiliation")
    role: tuple[str, ...] = ("role",)
    country: tuple[str, ...] = ("country",)
    link: tuple[str, ...] = ("url", "link")

    def before(self, **names: tuple[str, ...]) -> Fields:
        """These fields with ``names`` (a profile's keys) tried first.

        >>> Fields().before(organisation=("agency",)).organisation[:2]
        ('agency', 'org')
        """
        merged = {k: tuple(dict.fromkeys(v + getattr(self, k))) for k, v in names.items()}
        return Fields(**{**self.__dict__, **merged})


@dataclass
class Call:
    """One shortcode call: its 0-based line in the text, its name and its named attributes."""

    line: int
    name: str
    attrs: dict[str, str]


def calls(text: str) -> list[Call]:
    """The opening shortcode calls of ``text`` (closing ones, ``{{< /x >}}``, are left out)."""
    return [Call(text.count("\n", 0, m.start()), m.group("name"), attributes(m.group("attrs")))
            for m in _CALL.finditer(text)]


def attributes(text: str) -> dict[str, str]:
    """Named attributes of a call, keys in lower case; positional ones are left out.

    >>> attributes(' name="Ann Lee" Title=\\'CTO\\' n=3 "positional"')
    {'name': 'Ann Lee', 'title': 'CTO', 'n': '3'}
    """
    return {m.group("key").lower(): " ".join(next(v for v in m.group("dq", "sq", "bq", "bare") if v is not None)
                                             .split())
            for m in _ATTR.finditer(text)}


# a JSX component's tag: a PascalCase name ("<td>", "<TD>" are HTML), its attributes as strings or {expressions}
_EXPR = r"\{(?:[^{}]|\{[^{}]*\})*\}"
_TAG_ATTRS = rf"""(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|{_EXPR}))?)*"""
_COMPONENT = re.compile(rf"<(?P<name>[A-Z][a-z]\w*(?:\.[A-Z]\w*)?)(?P<attrs>{_TAG_ATTRS})\s*/?>")
_TAG = re.compile(rf"</?[A-Z][a-z]\w*(?:\.[A-Z]\w*)?{_TAG_ATTRS}\s*/?>")  # opening or closing
_JSX_ATTR = re.compile(rf"""(?P<key>[\w:.-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|"""
                       rf"""\{{\s*(?:"(?P<edq>[^"]*)"|'(?P<esq>[^']*)'|`(?P<ebq>[^`$]*)`)\s*\}}|(?P<expr>{_EXPR}))""")


def components(text: str) -> list[Call]:
    """The opening JSX component tags of an MDX body as calls (``<Speaker name="Ann Lee" />``); a string in braces
    (``title={"CTO"}``) is a string, other expressions (``speakers={["ann-lee"]}``) are kept as written.

    >>> [(c.line, c.name, c.attrs) for c in components('Text\\n<Speaker name={"Ann Lee"} org="A &amp; B" hidden />')]
    [(1, 'Speaker', {'name': 'Ann Lee', 'org': 'A & B'})]
    """
    return [Call(text.count("\n", 0, m.start()), m.group("name"), jsx_attributes(m.group("attrs")))
            for m in _COMPONENT.finditer(text)]


def jsx_attributes(text: str) -> dict[str, str]:
    """Named attributes of a JSX tag, keys in lower case; entities in strings read (JSX reads them).

    >>> jsx_attributes(' time="13:00" speakers={["ann-lee", "bo-chan"]} Title={"CTO"}')
    {'time': '13:00', 'speakers': '{["ann-lee", "bo-chan"]}', 'title': 'CTO'}
    """
    out = {}
    for m in _JSX_ATTR.finditer(text):
        value = next((v for v in m.group("dq", "sq", "edq", "esq", "ebq") if v is not None), None)
        out[m.group("key").lower()] = " ".join(html.unescape(value).split()) if value is not None else m.group("expr")
    return out


def people(call: Call, fields: Fields, label: str = "Speaker") -> list[Row]:
    """The people of one call: those its attributes named by a role give (``moderator="Bo Chan"``), then the one
    its ``name`` gives, in the role its own name says (``<Panelist …>``, ``<KeynoteSpeaker …>``), else ``label``."""
    taken = {n.lower() for names in fields.__dict__.values() for n in names}
    rows = []
    for key, value in call.attrs.items():
        if key in taken or not _PERSON_WORD.fullmatch(key) or value.startswith("{"):
            continue
        for printed, _ in split_people(value):
            if looks_like_name(printed):
                rows.append(Row(line=None, role_label=key.capitalize(),  # type: ignore[arg-type]
                                printed_name=printed, link=None))
    own = component_role(call.name)
    row = person(call.attrs, fields, own or label)
    return rows + ([row] if row is not None else [])


def component_role(name: str) -> str | None:
    """The role a call's name says, in words: ``Panelist``, ``KeynoteSpeaker`` → "Keynote Speaker"; ``None`` for a
    name that says no role, or only "speaker" (``Speaker``, ``SpeakerCard``: the heading above may say more).

    >>> component_role("KeynoteSpeaker"), component_role("moderator"), component_role("SpeakerCard")
    ('Keynote Speaker', 'Moderator', None)
    """
    words = " ".join(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name.rsplit(".", 1)[-1]).replace("_", " ").replace("-", " ")
                     .split())
    if not any(_PERSON_WORD.fullmatch(w.lower()) for w in words.split()):
        return None
    words = words[:1].upper() + words[1:]
    return words if role_of(words) not in (None, "speaker") else None


_PERSON_WORD = re.compile(r"(?:speaker|moderator|panell?ist|presenter|host|chair|facilitator|keynote|emcee)s?")


def person(attrs: dict[str, str], fields: Fields, label: str = "Speaker") -> Row | None:
    """The person a call names, or ``None`` when its ``name`` is no person's name (``name="hero.png"``)."""
    name = _first(attrs, fields.name)
    if not name or not looks_like_name(name):
        return None
    title, org = _first(attrs, fields.title), _first(attrs, fields.organisation)
    row = Row(line=None, role_label=_first(attrs, fields.role) or label, printed_name=name,  # type: ignore[arg-type]
              link=_first(attrs, fields.link), country_label=_first(attrs, fields.country))
    row.positions = [Position(title=title, organisation=org)] if title or org else []
    if title and not org and ";" in title:  # "VP Security, Sonatel; Board Member, Cyber Alliance": two jobs
        row.positions = split_position(title) or row.positions
    return row


def without_calls(text: str) -> str:
    """The text with every call (opening and closing) taken out.

    >>> without_calls('{{< speaker name="A B" >}} Bio. {{< /speaker >}}')
    'Bio.'
    >>> without_calls('<Panel a={x}> <b>B</b> </Panel>')
    '<b>B</b>'
    """
    return " ".join(_TAG.sub(" ", re.sub(r"\{\{[<%].*?[>%]\}\}", " ", text, flags=re.S)).split())


def _first(attrs: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((attrs[n.lower()] for n in names if attrs.get(n.lower())), None)
