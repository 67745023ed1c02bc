"""People named in a sentence: "… remarks by SMS Rachel GOH, Senior Minister of State, …, moderated by Ms Deborah
KANG, Editor, …".

A session page may write its speakers in prose rather than in a table or role lines. A person is read here only
where the sentence sets them off: a name that opens with an honorific ("Ms", "Dr", "SMS") right after a role phrase
("remarks by", "moderated by", "between", "with", "featuring"), or after "and" or a comma following another such
person. What follows the name up to the next person or the end of the sentence, less the joining words, is the
person's positions ("Editor, Asia Tech Review", "of Acme"). ``prose_people`` reads them (see its examples).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ingest.names import split_name
from ingest.people_text import role_prefix
from ingest.person_pattern import FREE_TEXT, looks_like_name, split_position
from ingest.records import Position
from ingest.roles import clean_label, role_of

# a run of capitalised words, maybe with a lower-case particle before one ("Jan van der Berg")
_RUN = re.compile(r"[A-Z][\w.'’/-]*(?:\s+(?:(?:van|von|der|den|de|da|di|du|la|le|bin|binti|bint|ould|ibn|al)\s+)*[A-Z][\w.'’/-]*)*")
# the word before a run: a role phrase's last word, or a join after a person. "by" only after a word of a role
# phrase ("remarks by", "moderated by", "delivered by"): "contacted by Ms …", "sponsored by Mr …" name no speaker
_BY_ROLE = (r"remarks|address(?:ed)?|keynote|speech|lecture|talk|presentation|welcome|introduc(?:ed|tion)|"
            r"moderat(?:ed|ion)|chaired|presented|hosted|led|facilitated|opened|closed|delivered|given|conducted|"
            r"interviewed")
_OPENING = re.compile(rf"(?:\b(?:{_BY_ROLE})\s+by|\b(?:between|with|featuring))\s+$", re.I)
_JOIN = re.compile(r"(?:,\s*|\s+(?:and|&)\s+|,\s*(?:and|&)\s+)$", re.I)
# what ends a person's positions: "and" before the next person, or a clause of lower-case words
# (", followed by a conversation between", ", moderated by")
# (words of lower case, one space or more between them: "(?:[a-z]\w*\s*)+" would try every split of a long word)
_WORDS = r"[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)*\s*"
_TAIL = re.compile(rf"(?:[,;]?\s*\b(?:and|&)\s*|,\s*{_WORDS}|\s+{_WORDS})$")
_LAST_TAIL = re.compile(rf",\s*{_WORDS}$")  # the sentence's end: ", who will speak on …" (not "of law")
# ", who retired …", ", on the future of …" (what they will discuss): a clause after the position, no part of it
_RELATIVE = re.compile(r",\s*(?:who|whose|which|where|when|after|before|since|on|about|to)\s+(?-i:[a-z])")
_SENTENCE_END = re.compile(r"(?P<word>[\w'’-]+)\.(?:\s+(?=[A-Z\"“(])|\s*$)")


@dataclass
class Mention:
    """A person named in a sentence: where the name starts, the role label printed before it, the name, the
    positions printed after it."""

    at: int
    label: str | None
    name: str
    positions: list[Position] = field(default_factory=list)


def prose_people(text: str) -> list[Mention]:
    """The people a sentence sets off with an honorific after a role phrase, each with its role label (or
    ``None``) and positions.

    >>> def read(text):
    ...     return [(m.label, m.name, [(p.title, p.organisation) for p in m.positions]) for m in prose_people(text)]
    >>> read("It opens with remarks by Dr Ana LIMA, Dean, Port Academy, followed by a talk between Mr Bo RAY, "
    ...      "Founder, Tidewise, and Ms Cy DEE, Editor, Harbour Review, moderated by Prof. Di EVE, Chair, Sea Lab.")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Remarks', 'Dr Ana LIMA', [('Dean', 'Port Academy')]), (None, 'Mr Bo RAY', [('Founder', 'Tidewise')]),
     (None, 'Ms Cy DEE', [('Editor', 'Harbour Review')]), ('Moderator', 'Prof. Di EVE', [('Chair', 'Sea Lab')])]
    >>> read("A fireside chat with Mr Jo RAY of Tidewise and Ms Ann LEE of the Port Office.")
    [(None, 'Mr Jo RAY', [(None, 'Tidewise')]), (None, 'Ms Ann LEE', [(None, 'the Port Office')])]
    >>> read("Hosted by the Harbour Office with Jo Ray."), read("Ms Ann Lee opens the day. Lunch follows.")
    ([], [])

    "by" opens a person only after a role phrase: a contact or a sponsor is no speaker.

    >>> read("Guests will be contacted by Ms Ann Lee."), read("Closing remarks were delivered by Mr Bo Ray.")
    ([], [(None, 'Mr Bo Ray', [])])
    """
    found: list[Mention] = []
    for start, end in _sentences(text):
        found += _in_sentence(text, start, end) or _bracketed(text[start:end], start)
    return found


# a phrase before people named each with a bracket: a role verb and its "by" in five languages, or a verb that
# gathers a panel ("brings together", "reúne", "réunit", "riunisce"), or "with"
_BRACKET_OPENING = re.compile(
    r"(?:\b(?:moderated|chaired|hosted|led|facilitated|mediad[oa]|moderad[oa]|presidid[oa]|conducid[oa]|animée?|"
    r"modérée?|présidée?|moderiert|geleitet|moderat[oa]|coordinat[oa])\s+(?:by|por|pela|pelo|par|von|da|dal|dalla)|"
    r"\b(?:brings?\s+together|gathers|features?|featuring|includes?|including|with|between|reúnen?|re[uú]ne|réunit|"
    r"riunisce|com|con|avec|mit|entre|zwischen|tra|fra))\s+", re.I)
_LEAD_JOIN = re.compile(r"^\s*(?:and|&|e|y|et|und|en|og|och|as well as)\s+", re.I)


def _bracketed(sentence: str, offset: int) -> list[Mention]:
    """People a sentence names without honorifics, each with a bracket, after a phrase that sets them off: "The
    panel, moderated by Prof. Ana Lima (Port Academy), brings together Bo Ray (Tidewise), Cy Dee (Harbour Review)
    and Di Eve (Sea Lab)." Two such people at least, every one a name; a "by" phrase's role is its own person's,
    a gathering verb's every person's after it.

    >>> [(m.label, m.name, [p.organisation for p in m.positions]) for m in _bracketed(
    ...     "O painel, mediado por Prof. Ana Lima (UnB), reúne Bo Ray (Serpro), Cy Dee (Nubank) e Di Eve (BCB).", 0)]
    [('Mediado por', 'Prof. Ana Lima', ['UnB']), (None, 'Bo Ray', ['Serpro']), (None, 'Cy Dee', ['Nubank']), \
(None, 'Di Eve', ['BCB'])]
    >>> _bracketed("Organised by the Cyber Agency (CSA) and Kestrel Labs (KL).", 0)
    []
    """
    from ingest.agenda import a_name, person

    found: list[Mention] = []
    label, by, opened = None, False, False
    for start, head, inner in _bracket_pairs(sentence):
        cut = max((o.end() for o in _BRACKET_OPENING.finditer(head)), default=None)
        if cut is not None:
            phrase = head[:cut]
            by = bool(re.search(r"\s(?:by|por|pela|pelo|par|von|da|dal|dalla)\s+$", phrase, re.I))
            label, opened, head = (_by_label(phrase) if by else None), True, head[cut:]
        elif by:
            label, by = None, False  # "moderated by A (X)" names one: the people after A are the gathering's
        name = _LEAD_JOIN.sub("", head).strip()
        if not opened or not looks_like_name(name) or not a_name(name):
            continue
        read = person(f"{name} ({inner})")
        if read.name:
            found.append(Mention(offset + start, label, read.name, read.positions))
    return found if len(found) >= 2 else []


_PAIR = re.compile(r"\((?P<inner>[^()]+)\)")


def _bracket_pairs(sentence: str) -> Iterable[tuple[str, str, str]]:
    """Each bracket of a sentence with the text before it back to a comma, semicolon or bracket: ``(where that text
    starts, the text, the bracket's inside)``. Read in one pass, whatever the sentence's length (a regular
    expression asking for both took time growing with the cube of a long line holding no closing bracket).

    >>> list(_bracket_pairs("with A Lee (X), B Ray (Y)"))
    [(0, 'with A Lee', 'X'), (15, ' B Ray', 'Y')]
    """
    last = 0
    for m in _PAIR.finditer(sentence):
        before = sentence[last:m.start()]
        cut = max(before.rfind(c) for c in ",;()")
        start = last + cut + 1
        head = sentence[start:m.start()].rstrip()
        last = m.end()
        if head.strip():
            yield start, head, m.group("inner")


def named_roles(text: str, names: Iterable[str]) -> dict[str, str]:
    """The role labels a session's description gives people it already lists ("Moderated by Lotte van der Berg,
    Editor, …"): a listed name after a role phrase, with or without an honorific. A name no list holds is not read
    here (``prose_people`` asks an honorific of those).

    >>> named_roles("Risk and insurance. Moderated by Lotte van der Berg, Editor, FinTech Weekly.",
    ...             ["Ann Lee", "Lotte van der Berg"])
    {'Lotte van der Berg': 'Moderator'}
    >>> named_roles("Chaired by Prof. Ann Lee.", ["Ann Lee"])
    {'Ann Lee': 'Chair'}
    >>> named_roles("Ann Lee and Bo Chan discuss what was moderated by others.", ["Ann Lee", "Bo Chan"])
    {}
    """
    found: dict[str, str] = {}
    for name in names:
        if len(name.split()) < 2:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            before = _less_honorific(text[:m.start()])
            if _OPENING.search(before) and (label := _label(before)):
                found[name] = label
                break
    return found


def _less_honorific(before: str) -> str:
    """The text before a name less the honorific it ends with: "Moderated by Dr " → "Moderated by "."""
    words = before.split()
    while words and split_name(f"{words[-1]} Ann Lee").honorific:
        words.pop()
    return " ".join(words) + " "


def _sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence starts and ends; a period after an honorific ("Dr. Ann Lee") or a middle initial ("Ray K.
    Ashford") ends none.

    >>> text = "A talk with Gen. Ray K. Ashford. Lunch follows."
    >>> [text[a:b] for a, b in _sentences(text)]
    ['A talk with Gen. Ray K. Ashford', 'Lunch follows']
    """
    cuts, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        token = text[:m.start("word")].rsplit(None, 1)[-1] if text[:m.start("word")].strip() else ""
        dotted = (token if not text[m.start("word") - 1:m.start("word")].isspace() else "") + m.group("word")
        if split_name(f"{m.group('word')}. Ann Lee").honorific or split_name(f"{dotted}. Ann Lee").honorific:
            continue  # "Dr.", and "H.E.", "S.E." whose last letter alone is no honorific
        if re.fullmatch(r"[A-Z]", m.group("word")) and m.end() < len(text) and re.match(r"[A-Z][a-z]", text[m.end():]):
            continue  # "General Raymond K. Ashford": a middle initial
        cuts.append((start, m.start() + len(m.group("word"))))
        start = m.end()
    return cuts + ([(start, len(text))] if text[start:].strip() else [])


def _in_sentence(text: str, start: int, end: int) -> list[Mention]:
    """The people of one sentence, in order, each with the positions up to the next one."""
    found: list[Mention] = []
    ends: list[int] = []
    for m in _RUN.finditer(text, start, end):
        before = text[start:m.start()]
        opened = _OPENING.search(before)
        if not (opened or (found and _JOIN.search(text[ends[-1]:m.start()]))):
            continue
        name = _name(m.group())
        if name is None:
            continue
        if found:
            found[-1].positions = _positions(text[ends[-1]:m.start()])
        label = _label(before) if opened else (found[-1].label if found else None)
        found.append(Mention(m.start(), label, name))
        ends.append(m.start() + len(name))
    if found:
        found[-1].positions = _positions(text[ends[-1]:end], _LAST_TAIL)
    return found


def _by_label(phrase: str) -> str | None:
    """The role label of a "by" phrase ending a stretch of text ("…, mediado por " → "Mediado por")."""
    verb = _BRACKET_OPENING.search(phrase)
    words = phrase[verb.start():].strip() if verb else ""
    return words[:1].upper() + words[1:] if words and role_of(words) else _label(phrase)


def _name(run: str) -> str | None:
    """The name a run of capitalised words opens with, when an honorific opens it: "Ms Ann LEE" of
    "Ms Ann LEE Acme" is not cut, but a run with no honorific is no name."""
    parsed = split_name(run)
    if not parsed.honorific or len(parsed.name.split()) < 2 or not looks_like_name(run):
        return None
    return run.strip()


def _label(before: str) -> str | None:
    """The role label a phrase ending in "by", "between", "with" prints ("remarks by", "moderated by"), or ``None``."""
    words = before.split()
    for k in range(1, min(4, len(words)) + 1):
        label, _ = role_prefix(" ".join(words[-k:] + ["Ann Lee"]))
        if label and role_of(label):
            return clean_label(label[:1].upper() + label[1:])
    return None


def _positions(between: str, tail: re.Pattern = _TAIL) -> list[Position]:
    """The positions printed after a name, less the words joining the next person: ", Editor, Daily, and " is
    Editor at Daily; " of Acme and " is Acme.

    >>> [(p.title, p.organisation) for p in _positions(", Founder, Tidewise, followed by a talk between ")]
    [('Founder', 'Tidewise')]
    """
    text = _RELATIVE.split(tail.sub("", between))[0].strip(" ,;.")  # ", who retired …": a clause, no position
    if not text:
        return []
    if text.startswith("of "):
        return [Position(organisation=text[3:].strip())]
    return split_position(text, reading=FREE_TEXT)
