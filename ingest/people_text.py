"""Lists of people written in one string: "A, B and C", "moderated by X", "A & B (Org)".

A front-matter field, a data-file value or a table cell often names several
people in one string. ``split_people`` cuts it into names, each with the role
label printed in front of it ("moderated by", "Chair:"), if any. It only cuts;
whether a piece is a person (not "Everyone", not a job title) is for
``ingest.tidy`` to say. ``split_names`` cuts at a profile's declared separators,
``unglue`` where a line break between people was lost, and ``role_prefix`` reads
the role printed around one person; one person's string is ``ingest.person_pattern``'s.

>>> split_people("Thor Wikfeldt and Gert Svensson")
[('Thor Wikfeldt', None), ('Gert Svensson', None)]
>>> split_people("Richard Darst, Anne Fouilloux, and Radovan Bast")
[('Richard Darst', None), ('Anne Fouilloux', None), ('Radovan Bast', None)]
>>> split_people("moderated by Samantha Wittke")
[('Samantha Wittke', 'Moderator')]
>>> split_people("Chair: Jane Doe; Ravi Kumar & Ola Nordmann")
[('Jane Doe', 'Chair'), ('Ravi Kumar', None), ('Ola Nordmann', None)]
>>> split_people(""), split_people("Everyone")
([], [('Everyone', None)])
>>> split_names("Ann Lee and Ravi Kumar", [" and "]), split_names("Ben and Jerry", [" and "])
(['Ann Lee', 'Ravi Kumar'], ['Ben and Jerry'])

A programme cell prints roles around the people, and loses line breaks between them:

>>> role_prefix("Moderator: Jane Doe, Editor, Daily"), role_prefix("Moderated by Jo Ray"), role_prefix("[Host] Al Bo")
(('Moderator', 'Jane Doe, Editor, Daily'), ('Moderator', 'Jo Ray'), ('Host', 'Al Bo'))
>>> unglue("Ann Lee (CEO, Acme)Bo Chan (CTO, Beta) [Host]Cy Dee (Lead, Gamma)")
['Ann Lee (CEO, Acme)', 'Bo Chan (CTO, Beta) [Host]', 'Cy Dee (Lead, Gamma)']
"""

from __future__ import annotations

import re

from ingest.names import HONORIFIC_BRACKET, ends_with_rank, split_name
from ingest.person_pattern import is_name, is_post_nominal, looks_like_name
from ingest.roles import role_of, role_words_only
from ingest.tidy import GENDER_ENDING, not_a_person

_VERB_LABELS = {"moderated": "Moderator", "chaired": "Chair", "hosted": "Host", "facilitated": "Facilitator",
                "presented": "Presenter", "introduced": "Host",
                # French and German: "Animée par X", "Modéré par X", "Présidée par X", "moderiert von X"
                "animé": "Modérateur", "animée": "Modératrice", "modéré": "Modérateur", "modérée": "Modératrice",
                "présidé": "Président de séance", "présidée": "Présidente de séance", "moderiert": "Moderation", "geleitet": "Leitung"}
_VERBS = "|".join(_VERB_LABELS)
# a role written in front of names: "moderated by X", "Chair: X", "hosted by X"
_LEAD = re.compile(rf"^\s*(?P<label>(?:{_VERBS})\s+(?:by|par|von)|"
                   r"(?:moderator|chair|co-chairs?|host|facilitator|presenter|speaker|panell?ist)s?"
                   + GENDER_ENDING + r"?\s*:)\s*", re.I)
# separators between names: comma, semicolon, "and", "&", "/" between spaces; an Oxford comma before "and"
_SEPARATOR = re.compile(r"\s*(?:;|,\s*(?:and|&)\s+|,|\s+(?:and|und|et|og|och|&)\s+|\s+/\s+)\s*", re.I)
_GENERATION = re.compile(r"^[js]r\.?$", re.I)  # "Jane Doe, Jr."


def split_people(text: str | None) -> list[tuple[str, str | None]]:
    """The names in ``text``, each with the role label printed before it (or ``None``)."""
    out: list[tuple[str, str | None]] = []
    for chunk in re.split(r"\s*[\n;]\s*", text or ""):
        label, rest = _lead(chunk)
        out += [(name, label) for name in _names(rest)]  # "moderated by A and B": both moderate
    return out


def _lead(chunk: str) -> tuple[str | None, str]:
    m = _LEAD.match(chunk)
    if not m:
        return None, chunk
    word = m.group("label").split()[0].rstrip(":").lower()
    label = _VERB_LABELS.get(word) or word.rstrip("s").capitalize()
    return label, chunk[m.end():]


def _names(text: str) -> list[str]:
    """The names of a list, split at separators outside brackets ("Ann Lee (Univ of Nordvik, Finland), Bo Chan").

    >>> _names("Ann Lee (University of Nordvik, Finland), Bo Chan (Kattegat Institute) and Cy Dee")
    ['Ann Lee (University of Nordvik, Finland)', 'Bo Chan (Kattegat Institute)', 'Cy Dee']
    """
    parts = [q.strip(" .,") for p in outside_brackets(_SEPARATOR, text) for q in joined_people(p) if q.strip(" .,")]
    names: list[str] = []
    for part in parts:
        if names and (is_post_nominal(part) or _GENERATION.match(part)):  # "Jane Doe, PhD": one name
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(" ".join(part.split()))
    return names



# "y"/"e"/"i"/"en" join two people in Spanish, Italian, Portuguese, Catalan and Dutch, and two family names of one
# person too ("Ortega y Gasset", "Costa e Silva"): cut only where both sides read as people (``joined_people``)
_NAME_JOINER = re.compile(r"\s+(?:y|e|i|en)\s+(?=[A-ZÁÉÍÓÚÑÇ]|[a-z]+\.\s)")  # "… en dr. Willem Bakker"


def joined_people(text: str) -> list[str]:
    """Two people joined by "y", "e" or "i" ("Dña. Ana Ruiz y Excmo. Sr. D. Luis Mora"), cut where the right side
    opens with an honorific, or reads as a full name of two words or more, and both sides read as people; never
    inside one name ("Carmen Ortega y Gasset": one word on the right) nor an organisation ("Ministerio de Ciencia y
    Tecnología").

    >>> joined_people("Dña. Ana Ruiz Soler y Excmo. Sr. D. Luis Mora"), joined_people("Ana Ruiz e Rui Costa Lopes")
    (['Dña. Ana Ruiz Soler', 'Excmo. Sr. D. Luis Mora'], ['Ana Ruiz', 'Rui Costa Lopes'])
    >>> joined_people("Emb. Carmen Ortega y Gasset"), joined_people("Ministerio de Ciencia y Tecnología Avanzada")
    (['Emb. Carmen Ortega y Gasset'], ['Ministerio de Ciencia y Tecnología Avanzada'])
    """
    for m in _NAME_JOINER.finditer(text):
        left, right = text[:m.start()].strip(), text[m.end():].strip()
        head = re.split(r"\s*[,(]\s*", right, maxsplit=1)[0]
        addressed = split_name(head)
        if (addressed.honorific or len(addressed.name.split()) >= 2 and head[:1].isupper()) and looks_like_name(head) \
                and looks_like_name(re.split(r"\s*[,(]\s*", left, maxsplit=1)[0]):
            return [left, *joined_people(right)]
    return [text]


def outside_brackets(separator: re.Pattern, text: str) -> list[str]:
    r"""``text`` split at the matches of ``separator`` that no round or square bracket encloses.

    >>> outside_brackets(re.compile(r",\s*"), "A (X, Y), B [Z, W], C")
    ['A (X, Y)', 'B [Z, W]', 'C']
    """
    parts, start, depth = [], 0, 0
    enclosed = set()
    for i, c in enumerate(text):
        depth += (c in "([") - (c in ")]" and depth > 0)
        if depth:
            enclosed.add(i)
    for m in separator.finditer(text):
        if m.start() in enclosed or not m.group():
            continue
        parts.append(text[start:m.start()])
        start = m.end()
    return parts + [text[start:]]


def split_names(text: str, separators) -> list[str]:
    """Several people printed in one name ("A and B"), split at the declared separators when every piece is a
    name; a generation or post-nominal piece stays with the name before it.

    >>> split_names("Col. Andris Ozols, Aino Virtanen, Robert Kask, Jr.", [", "])
    ['Col. Andris Ozols', 'Aino Virtanen', 'Robert Kask, Jr.']
    >>> split_names("Ann Lee, PhD", [", "]), split_names("Ann Lee, Acme", [", "])
    (['Ann Lee, PhD'], ['Ann Lee, Acme'])
    """
    if not separators:
        return [text]
    pieces: list[list[str]] = []  # [the name, the suffixes printed after it]
    for piece in (p.strip() for p in re.split("|".join(map(re.escape, separators)), text)):
        if pieces and (is_post_nominal(piece.strip(" .")) or _GENERATION.match(piece)):
            pieces[-1].append(piece)
        else:
            pieces.append([piece])
    if len(pieces) > 1 and all(len(p[0].split()) >= 2 and is_name(p[0]) for p in pieces):
        return [", ".join(p) for p in pieces]
    return [text]


# --- roles printed around one person, and people glued together -----------------------------

# a label of letters in any script ("Grußwort", "Modératrice"), with a gender ending
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^\W\d_ &'’-]{0,40}?(?:[ &'’-]+[^\W\d_]+){0,4}?" + GENDER_ENDING + r"?)"
                    r"\s*:\s*(?P<rest>.*)$")
_BY = re.compile(rf"^(?:(?P<verb>{_VERBS})\s+(?:by|par|von)|by)\s*:?\s+(?P<rest>.+)$", re.I)  # "Presented by: A, B"
# a role of at most four words, then by whom: "Opening remarks by H.E. …" (not "The panel will be moderated by …")
# a French article may stand before a rank or title: "Conclusion par le Général Ann Roy" (read only when an honorific
# follows it, so that "Allocution de la Présidence" stays a heading)
# ("Opening door dhr. Jan Smit", Dutch: a name may open with an honorific in small letters, or be a link)
# who a guest talks with leads the talk: "In conversation with Ann Lee, …", "In dialogue with …"
_WITH = re.compile(r"^(?P<label>(?:in\s+)?(?:conversation|dialogue|discussion)\s+with)\s*:?\s+(?P<rest>\S.+)$", re.I)
_ROLE_LABEL = re.compile(r"[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,3}")
_CONNECTOR = re.compile(r"\s+(?:by|von|par|de|du|d['’]|door|di)\s*:?\s+", re.I)
# ("Met: …", "Con: …", "Com: …" with a colon only: "Met Office experts" is no list of people)
_FEATURING = re.compile(r"^(?:(?:featuring|with|mit|avec|es\s+diskutieren|es\s+sprechen)\s*:?|(?:met|con|com)\s*:)\s+"
                        r"(?P<rest>[A-Z].*|[a-z]+\.\s+[A-Z].*)$", re.I)
# a role printed as a verb or an abbreviation before the person, with no colon: Italian "Modera …", "Coordina …",
# "Intervengono …"; Dutch "o.l.v. …" (onder leiding van: chaired by), "m.m.v. …" (met medewerking van: with)
_LEAD_VERB = re.compile(r"^(?P<label>o\.\s?l\.\s?v\.|m\.\s?m\.\s?v\.|modera|coordina|presiede|conduce|intervengono|"
                        r"interviene|ne\s+discutono|begeleid\s+door)\s+(?P<rest>\S.+)$", re.I)
_BRACKET = re.compile(r"\s*\[(?P<label>[A-Za-z][A-Za-z ]{1,20})\]\s*")
# a role in brackets at the end: one word, or a word and the role's ("(moderator)", "(Panel chair)")
_ROLE_PAREN = re.compile(r"\s*\((?P<label>[A-Za-z]+(?:[ -][A-Za-z]+){0,2})\)\s*$", re.I)  # "(opening remarks)"
# a role, then a dash, then the person: "Welcome remarks — Ms Priya Nair, …"
_ROLE_DASH = re.compile(r"^(?P<label>[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,3}?)\s+[\u2013\u2014-]\s+(?P<rest>[A-Z].+)$")
_GLUED = re.compile(r"(?<=[)\]])(?=\s*[A-Z])|(?<=[a-z])(?=(?:Moderators?|Hosts?|Chairs?|Panell?ists?)\s*:)")


def role_prefix(printed: str) -> tuple[str | None, str]:
    """A role printed before or after a person ("Moderator: X", "Moderated by X", "X [Host]") and the rest."""
    m = _BRACKET.search(printed) or _ROLE_PAREN.search(printed)
    if m and role_of(m.group("label")):  # "Ann Lee (CTO, Acme) [Host]", "Ann Lee, Editor, Daily (moderator)"
        return m.group("label").strip(), (printed[:m.start()] + " " + printed[m.end():]).strip()
    m = _LABEL.match(printed)
    if m and role_of(m.group("label")):
        return m.group("label").strip(), m.group("rest").strip()
    m = _LEAD_VERB.match(printed)
    if m and role_of(m.group("label")) and _names_first(m.group("rest")):
        return m.group("label").strip(), m.group("rest").strip()  # "Modera Amb. Ann Roy, …", "o.l.v. dr. Jan Smit"
    m = _WITH.match(printed)
    if m and role_of(m.group("label")) and _names_first(m.group("rest")):
        return m.group("label").strip(), m.group("rest").strip()  # "In conversation with Ann Lee, Editor, Daily"
    m = _BY.match(printed)
    if m:
        verb = (m.group("verb") or "").lower()
        return _VERB_LABELS.get(verb), m.group("rest").strip()
    for m in _roles_by(printed):  # "Opening remarks by H.E. …", "Mot d'ouverture de S.E. …", "Grußwort von …"
        if (m.group("article") or not m.group("rest")[0].isupper() and m.group("rest")[0] != "[") \
                and not split_name(m.group("rest").split(",")[0]).honorific:
            continue
        if role_of(m.group("label")) and role_words_only(m.group("label")):
            return m.group("label").strip(), m.group("rest").strip()
    m = _FEATURING.match(printed)
    if m:
        return None, m.group("rest").strip()
    m = _ROLE_DASH.match(printed)
    if m and role_of(m.group("label")) and not_a_person(m.group("label")) == "a heading" \
            and role_words_only(m.group("label")) and split_name(m.group("rest").split(",")[0]).honorific:
        return m.group("label").strip(), m.group("rest").strip()
    head, sep, rest = printed.partition(", ")
    if sep and len(head) < 40 and role_of(head) and not_a_person(head) == "a heading":
        return head.strip(), rest.strip()  # "Guest of Honour, Minister Jane Doe", not "Chairman, Acme"
    return role_after_name(printed)


def _roles_by(printed: str) -> list[re.Match]:
    """The readings of "Label by/de/von Person", the shortest label first: "Discours de clôture de Mme Ana Roy" is
    read as "Discours" (then "clôture de …") and as "Discours de clôture" (then "Mme Ana Roy").

    >>> [m.group("label") for m in _roles_by("Discours de clôture de Mme Ana Roy")]
    ['Discours', 'Discours de clôture']
    """
    found = []
    for cut in _CONNECTOR.finditer(printed):
        if not _ROLE_LABEL.fullmatch(printed[:cut.start()]):
            break  # more than four words, or a mark no role prints
        one = re.match(rf"^(?P<label>{re.escape(printed[:cut.start()])}){re.escape(printed[cut.start():cut.end()])}"
                       r"(?P<article>(?:le|la)\s+|l['’])?(?P<rest>\S.+)$", printed)
        if one is not None:
            found.append(one)
    return found


def _names_first(rest: str) -> bool:
    """True when ``rest`` opens with a person: an honorific, or a name before its first comma or bracket."""
    head = re.split(r"\s*[,(;]\s*|\s+[\u2013\u2014-]\s+", rest, maxsplit=1)[0]
    return bool(split_name(head).honorific) or looks_like_name(head) and head[:1].isupper()


def office_not_role(label: str | None, inner: str | None) -> bool:
    """True when a role word after a name is the person's office, not their role: a speech's label before them and a
    chair's word after ("Closing remarks: H.E. Ann Roy, Chair": she gives the remarks, as the meeting's chair).

    >>> office_not_role("Closing remarks", "Chair"), office_not_role("Speakers", "moderator")
    (True, False)

    A host's or chair's label before them and a speaker's word after is their job ("Moderator: Ben Chua, Presenter,
    Civic Radio": he moderates, a radio presenter):

    >>> office_not_role("Moderator", "Presenter"), office_not_role("Chair", "Speaker")
    (True, True)
    """
    if not (label and inner):
        return False
    return role_of(label) in ("remarks", "keynote", "guest-of-honour") and role_of(inner) == "moderator" \
        or role_of(label) == "moderator" and role_of(inner) == "speaker"


def role_after_name(printed: str) -> tuple[str | None, str]:
    """A role word printed as the first part after a name ("Ann Lee, panellist, CTO, Acme"): the role, and the
    name with the rest, its positions; not a job title that holds a role word ("Ann Lee, Chairman, Acme").

    >>> role_after_name("Ann Lee, panellist, CTO, Acme"), role_after_name("Dr Ann Lee, Modératrice")
    (('panellist', 'Ann Lee, CTO, Acme'), ('Modératrice', 'Dr Ann Lee'))
    >>> role_after_name("Ann Lee, Chairman, Acme"), role_after_name("Ann Lee, Head of Talks, Acme")
    ((None, 'Ann Lee, Chairman, Acme'), (None, 'Ann Lee, Head of Talks, Acme'))
    >>> role_after_name("Prof. Ann Lee, Chair, Example Forum Advisory Board")  # the chair of that board: a job
    (None, 'Prof. Ann Lee, Chair, Example Forum Advisory Board')
    """
    name, sep, after = printed.partition(",")
    label, _, rest = (p.strip() for p in after.partition(","))
    if not sep or not label or len(label) > 40 or not looks_like_name(name) or not role_of(label) \
            or not_a_person(label) != "a heading" or not role_words_only(label):
        return None, printed
    if rest and label[:1].isupper() and _OFFICE_ROLE.fullmatch(label):
        return None, printed  # "Chair, Advisory Board", "Host, Radio Example": an office held at what follows
    return label, f"{name.strip()}, {rest}" if rest else name.strip()


# role words that are also offices held at a body, when the body follows ("Chair, Example Board")
_OFFICE_ROLE = re.compile(r"(?:co-|vice[- ])?(?:chair(?:person|woman|man)?|host|convenou?r|convener|president|"
                          r"présidente?|vorsitzende[r]?|presidente?)", re.I)


def label_only(printed: str) -> bool:
    """True for a line that is only a role label ("Panellists:", "**Speakers:**")."""
    own, rest = role_prefix(printed)
    return bool(own) and not rest


# who a speaker talks with, leading the talk: "A (Org) in conversation with B (Org)", "A im Gespräch mit B"
CONVERSATION = re.compile(r"(?:,?\s+|^)(?P<with>in conversation with|in discussion with|in dialogue with|im gespräch mit|"
                          r"en conversation avec|en dialogue avec|en (?:diálogo|conversación|conversa) con|"
                          r"em conversa com|in conversazione con|in dialogo con|in gesprek met)\s+", re.I)


def unglue(printed: str) -> list[str]:
    """People printed one after another where a line break was lost: after ")" or "]" before a capital,
    and before a role label glued to the previous word ("…GovTechModerator: …"); never after a bracket that is
    part of an honorific ("Amb. (ret.) Jo Ray", "A/Prof (Dr) Tan Wei", "Capt. (N) Jo Ray", "Maj (GS) Jo Ray").

    >>> unglue("Amb. (ret.) Jo Ray (Acme)Bo Chan (Beta)"), unglue("Chaired by Maj (GS) Jo Ray, Head, Army")
    (['Amb. (ret.) Jo Ray (Acme)', 'Bo Chan (Beta)'], ['Chaired by Maj (GS) Jo Ray, Head, Army'])
    """
    cuts = [m.start() for m in _GLUED.finditer(printed)
            if not _HONORIFIC_BRACKET.search(printed[:m.start()]) and not ends_with_rank(printed[:m.start()])]
    pieces = [printed[a:b] for a, b in zip([0, *cuts], [*cuts, len(printed)])]
    return [country_last(q.strip()) for p in pieces for q in _conversation(p) if q and q.strip()]


_COUNTRY_FIRST = re.compile(r"^(?P<country>[^\W\d_][^–—()\d]{1,40}?)\s+[–—-]\s+(?P<rest>\S.+)$")


def country_last(printed: str) -> str:
    """A person printed after their country and a dash ("Solomon Islands – Mr Derek Mane, Director of ICT, …", a
    country round's line) with the country in brackets at the end, where names' countries are read.

    >>> country_last("Solomon Islands – Mr Derek Mane, Director of ICT, Ministry of Communication")
    'Mr Derek Mane, Director of ICT, Ministry of Communication (Solomon Islands)'
    >>> country_last("Keynote – Dr Ann Lee, Acme"), country_last("Ann Lee – Director, Acme")
    ('Keynote – Dr Ann Lee, Acme', 'Ann Lee – Director, Acme')
    """
    from ingest.countries import default_countries

    m = _COUNTRY_FIRST.match(printed)
    if m is None or "(" in m.group("rest").rsplit(",", 1)[-1]:
        return printed
    found = default_countries().lookup(m.group("country").strip(), fuzzy=False)
    if found is None or found.kind != "country":
        return printed
    return f"{m.group('rest')} ({m.group('country').strip()})"


def _conversation(piece: str) -> list[str]:
    """A piece "A in conversation with B" as "A" and "in conversation with: B" (B's role printed before B).

    >>> _conversation("Dr Ann Lee (NSM) im Gespräch mit Bo Chan (Acme)"), _conversation("Ann Lee")
    (['Dr Ann Lee (NSM)', 'im Gespräch mit: Bo Chan (Acme)'], ['Ann Lee'])
    >>> _conversation("im Gespräch mit Bo Chan"), _conversation("In Conversation with Bo Chan")
    (['', 'im Gespräch mit: Bo Chan'], ['In Conversation with Bo Chan'])
    """
    talk = CONVERSATION.search(piece)
    if talk is None or talk.start() == 0 and piece[:1].isupper():
        return [piece]  # "In Conversation with Dr Ann Lee": a session's title, not a second person
    return [piece[:talk.start()], f"{talk.group('with')}: {piece[talk.end():]}"]  # the first empty at a line's start


_HONORIFIC_BRACKET = re.compile(HONORIFIC_BRACKET + "$")
