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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.person_pattern import looks_like_name
from ingest.records import Position, Row

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


def person(attrs: dict[str, str], fields: Fields, label: str = "Speaker") -> Row | None:
    """The person a call names, or ``None`` when its ``name`` is no person's name (``name="hero.png"``)."""
    name = _first(attrs, fields.name)
    if not name or not looks_like_name(name):
        return None
    title, org = _first(attrs, fields.title), _first(attrs, fields.organisation)
    row = Row(line=None, role_label=_first(attrs, fields.role) or label, printed_name=name,  # type: ignore[arg-type]
              link=_first(attrs, fields.link), country_label=_first(attrs, fields.country))
    row.positions = [Position(title=title, organisation=org)] if title or org else []
    return row


def without_calls(text: str) -> str:
    """The text with every call (opening and closing) taken out.

    >>> without_calls('{{< speaker name="A B" >}} Bio. {{< /speaker >}}')
    'Bio.'
    """
    return " ".join(re.sub(r"\{\{[<%].*?[>%]\}\}", " ", text, flags=re.S).split())


def _first(attrs: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((attrs[n.lower()] for n in names if attrs.get(n.lower())), None)
