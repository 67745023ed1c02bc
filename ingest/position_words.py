"""Job words and bodies' words in French, German, Spanish, Italian and Portuguese, from ``data/position_words.toml``.

``JOB_WORDS`` is the part of ``ingest.tidy``'s job-word pattern that these languages add ("Staatssekretärin",
"directrice", "consigliere", "Generaldirektorin"); ``is_body`` tells a body's name ("Ministry of Defence",
"Association Kestrel", "Example Agency", "Bundesamt für Sicherheit") from a portfolio ("Foreign Affairs", "Cyber
Policy") in any of these languages and English.

>>> import re
>>> jobs = re.compile(rf"\\b(?:{JOB_WORDS})\\b", re.I)
>>> [bool(jobs.search(t)) for t in ("Generaldirektorin", "directora general", "Pressesprecherin", "consigliere")]
[True, True, True, True]
>>> [bool(jobs.search(t)) for t in ("Anna Sprecher", "Gestion des risques", "Kestrel Works")]
[False, False, False]
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "position_words.toml"


@lru_cache(maxsize=1)
def _words(path: Path = DATA) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def _alternation(words) -> str:
    """The words as one pattern, shared beginnings taken once (a trie), so a text that holds none fails fast.

    >>> _alternation(["chef", "cheffe", "chefin", "capo"])
    'c(?:apo|hef(?:fe|in)?)'
    """
    tree: dict = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(tree)


def _render(node: dict) -> str:
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
    return f"{body}?" if "" in node else body  # a word ends here, and longer ones go on


def _job_words() -> str:
    jobs = _words()["jobs"]
    whole = [w for lang, words in jobs.items() if lang != "compounds" for w in words]
    # a compound needs a letter before its last part: "Pressesprecher" is a job, "Sprecher" may be a surname. The
    # word is taken whole (atomic), then its end compared, so a word that is none costs one pass, not one per letter
    ends = "|".join(f"(?<=[^\\W\\d_]{re.escape(w)})" for w in sorted(set(jobs["compounds"])))
    return f"{_alternation(whole)}|(?>[^\\W\\d_]+)(?:{ends})"


JOB_WORDS = _job_words()
# English job nouns left out of ``JOB_WORDS`` (surnames too, many of them): a title's words where no name is
JOB_NOUNS = _alternation(_words()["nouns"]["en"])
# what a tag line's piece calls its speaker rather than an employer ("Developer Advocate | Speaker", "Dog Lover")
SELF_WORDS = re.compile(r"\b(speaker|mentor|author|blogger|podcaster|streamer|youtuber|creator|enthusiast|lover|"
                        r"addict|geek|nerd|dad|mum|mom|parent|husband|wife|gamer|learner|community|volunteer|member|"
                        r"fellow|hobbyist|tinkerer)s?\b", re.I)
# a sentence about oneself, never a job: a personal pronoun or a contraction ("Breaking things so you don't have to")
_SLOGAN = re.compile(r"\bI\s+[a-z]|\b(?:you|we|my|your|our|me|us)\b|\b\w+'(?:t|re|ve|ll|m|d)\b|[!?]\s*$")


def slogan(text: str) -> bool:
    """True for a line that speaks as a sentence, never a position: a personal pronoun, a contraction or a closing
    "!"/"?" ("Breaking things so you don't have to."); not a possessive nor a job's level ("Engineer I").

    >>> [slogan(t) for t in ("Breaking things so you don't have to.", "I build tools", "Let's talk!")]
    [True, True, True]
    >>> [slogan(t) for t in ("Head of Data", "Kestrel's Chief Scientist", "Software Engineer I", "Us Labs")]
    [False, False, False, False]
    """
    return bool(_SLOGAN.search(text.replace("\u2019", "'")))


@lru_cache(maxsize=1)
def _fields() -> frozenset[str]:
    return frozenset(_words()["nouns"]["fields"])


def ends_in_field(text: str) -> bool:
    """True when a phrase's head (before its first "of"/"for"…) ends in a field of work's word ("ICT Security",
    "Sales & Marketing", "Research and Development"), not a unit's or a body's ("Cyber Unit", "Example Agency").

    >>> [ends_in_field(t) for t in ("ICT Security", "Sales & Marketing", "Policy for Digital Affairs", "Cyber Unit")]
    [True, True, True, False]
    """
    head = head_words(text)
    return bool(head) and head[-1].casefold() in _fields()


@lru_cache(maxsize=1)
def _bodies() -> tuple[frozenset[str], frozenset[str], re.Pattern]:
    bodies = _words()["bodies"]
    compounds = re.compile(rf"(?:{_alternation(bodies['compounds'])})$")
    return frozenset(bodies["opening"]), frozenset(bodies["ending"]), compounds


_HEAD_END = re.compile(r"\s+(?:of|for|on|in|de|du|des|der|für|del|della|di|da|do|dos|das)\s|\s*[(,–—]|\s+[-|]\s")


def head_words(text: str) -> list[str]:
    """The words of a phrase's head, before its first "of"/"for"/"de"/"der"…, bracket, comma or dash.

    >>> head_words("Programme Manager for Open Data (Lyon)"), head_words("Office of the Chief Scientist")
    (['Programme', 'Manager'], ['Office'])
    """
    return _HEAD_END.split(text, maxsplit=1)[0].split()


def is_body(text: str) -> bool:
    """True when ``text`` (two words or more) names a body by its words: it opens with a body's word ("Ministry of
    Defence", "Agence nationale …", "Bundesamt für …"), or the phrase before its first "of"/"de"/"für"… ends in
    one ("Example Agency", "Cyber Security Agency of Examplia", "Auswärtigen Amts").

    >>> [is_body(t) for t in ("Ministry of Defence", "Association Kestrel", "Example Agency", "Bundesamts für Karten")]
    [True, True, True, True]
    >>> [is_body(t) for t in ("Foreign Affairs", "Cyber Policy", "Department", "State", "Europäischen Parlaments")]
    [False, False, False, False, False]
    """
    words = text.split()
    if len(words) < 2:
        return False
    opening, ending, compounds = _bodies()
    first = words[0].casefold()
    if first in opening or compounds.search(first):
        return True
    head = head_words(text)
    last = head[-1].casefold() if head else ""
    return len(head) >= 2 and (last in ending or bool(compounds.search(last)))


def in_no_name(word: str) -> bool:
    """True for a noun of an organisation's name that no person's name holds ("Sociedad", "Protección"; ``bodies``
    ``not_in_names`` in data/position_words.toml).

    >>> in_no_name("Sociedad"), in_no_name("Información"), in_no_name("Cruz")
    (True, True, False)
    """
    return word.casefold() in _no_names()


@lru_cache(maxsize=1)
def _no_names() -> frozenset[str]:
    return frozenset(_words()["bodies"].get("not_in_names", ()))


def opens_with_body(text: str) -> bool:
    """True when a line opens with a body's word of these languages or English ("Agence nationale …",
    "Bundesministerium des …", "Ministero dell'Interno").

    >>> opens_with_body("Agence nationale des cartes"), opens_with_body("Directrice générale")
    (True, False)
    """
    first = text.split(maxsplit=1)[0].casefold() if text.strip() else ""
    opening, _, compounds = _bodies()
    return first in opening or bool(compounds.search(first))
