"""The options of the ``sicw`` reader: the words and keys of one site of the Isomer/Jekyll event family.

The reader's parsing (role sub-header rows, italic position blocks, date and
time lines) is Python; the words it looks for are these options, so a sister
site that says ``When:`` or keeps its speaker pages under ``people/`` is a
profile (``data/profiles/sicw.toml`` writes every default out):

>>> opts = Options.from_options({"time_labels": ["when"], "speaker_words": "people"})
>>> opts.time_labels, opts.speaker_words, opts.footer
(('when',), ('people',), ('information is accurate',))
>>> bool(opts.speaker_path.search("people/jane-doe.md")), bool(Options().speaker_path.search("_2024-speakers/x.md"))
(True, True)
>>> Options.from_options({"time_label": "when"})
Traceback (most recent call last):
ValueError: unknown option 'time_label' (did you mean 'time_labels'?) — the sicw reader takes title, permalink, \
date, time_labels, skip_labels, format_labels, footer, speaker_words, biography_words, name_prefixes, name, \
job_title, company, country, organisation_words
>>> Options.from_options({"footer": 3})
Traceback (most recent call last):
ValueError: footer must be a word or phrase or a list of them ([] for none), not 3
>>> bool(Options.from_options({"footer": []}).footer_line.search("This information is accurate"))
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cached_property

from ingest.reader_options import unknown_option

READER = "sicw"


@dataclass(frozen=True)
class Options:
    """Where an SICW-family page keeps each value, and the words that mark its lines (see docs/sites.md)."""

    # front-matter keys (the first a page fills wins)
    title: tuple[str, ...] = ("title",)  # else the page's first heading, else the file name
    permalink: tuple[str, ...] = ("permalink",)
    date: tuple[str, ...] = ("date", "third_nav_title")  # when the body prints no date line; else a folder name
    # labels that open a line of the body (any case; "Time: 4pm", "Format: Panel")
    time_labels: tuple[str, ...] = ("time", "timing")
    skip_labels: tuple[str, ...] = ("registration",)  # a time line that is not the session's: dropped
    format_labels: tuple[str, ...] = ("format",)
    # phrases found anywhere in a line (any case)
    footer: tuple[str, ...] = ("information is accurate",)  # a disclaimer line: no part of abstract or biography
    # words in a folder or permalink that mark a speaker page ("_2024-speakers/", "/speaker-jane-doe/"),
    # and in a table link that mark a speaker link
    speaker_words: tuple[str, ...] = ("speaker", "speakers")
    biography_words: tuple[str, ...] = ("biography",)  # a heading or paragraph that opens the biography
    name_prefixes: tuple[str, ...] = ()  # printed before the name of a speaker page, besides the role words
    # front-matter keys of a speaker page: its name (before its heading and its title, which may be a job
    # title), and the position and country used when its body prints none
    name: tuple[str, ...] = ("name", "full_name", "fullname", "speaker_name", "display_name", "speaker")
    job_title: tuple[str, ...] = ("job_title", "jobtitle", "position", "designation")
    company: tuple[str, ...] = ("organisation", "organization", "company", "affiliation")
    country: tuple[str, ...] = ("country",)
    # words that make a line of a position cell or block an organisation, besides the built-in ones
    # (ministry, agency, university, … Ltd: ingest/positions.py)
    organisation_words: tuple[str, ...] = ()

    @classmethod
    def from_options(cls, options: dict) -> Options:
        """The defaults overridden by a profile part's options; ``ValueError`` names a bad option."""
        if not isinstance(options, dict):
            raise ValueError(f"must be a table of options, not {options!r}")
        known = [f.name for f in fields(cls)]
        values = {}
        for name, value in options.items():
            if name not in known:
                raise ValueError(unknown_option(name, known, READER))
            values[name] = _words(name, value)
        return cls(**values)

    @cached_property
    def time_line(self) -> re.Pattern:
        """A line that opens with a time label or a skip label."""
        return _opening(self.time_labels + self.skip_labels)

    @cached_property
    def time_label(self) -> re.Pattern:
        """A time label with its colon, to take off the printed time."""
        return re.compile(rf"^\s*{_either(self.time_labels)}\s*:?\s*", re.I)

    @cached_property
    def skip_line(self) -> re.Pattern:
        """A line that opens with a skip label (a registration time)."""
        return _opening(self.skip_labels)

    @cached_property
    def format_line(self) -> re.Pattern:
        """A format line; group 1 is the format."""
        return re.compile(rf"^\s*{_either(self.format_labels)}\s*:\s*(.+)$", re.I)

    @cached_property
    def footer_line(self) -> re.Pattern:
        """A line holding a footer phrase."""
        return re.compile(_either(self.footer), re.I)

    @cached_property
    def speaker_path(self) -> re.Pattern:
        """A path or permalink with a speaker folder (``_2024-speakers/``) or a speaker prefix (``/speaker-x/``)."""
        return re.compile(rf"(^|/)(_?\d{{4}}-)?{_either(self.speaker_words)}(/|-)", re.I)

    @cached_property
    def organisation_line(self) -> re.Pattern | None:
        """A line holding an organisation word as a word ("Kementerian Digital"), or ``None`` when there are none.

        >>> Options(organisation_words=("Sdn. Bhd.",)).organisation_line.search("Port Works Sdn. Bhd.") is not None
        True
        """
        if not self.organisation_words:
            return None
        return re.compile(rf"(?<!\w){_either(self.organisation_words)}(?!\w)", re.I)

    def is_speaker_link(self, link: str) -> bool:
        """True when a link names a speaker word ("/speakers/jane/")."""
        low = link.lower()
        return any(word.lower() in low for word in self.speaker_words)

    def is_biography(self, text: str) -> bool:
        """True when a heading or paragraph names the biography."""
        low = text.lower()
        return any(word.lower() in low for word in self.biography_words)

    def is_time_tbc(self, text: str) -> bool:
        """True for a bare "Time TBC" line.

        >>> Options().is_time_tbc("Time TBC*"), Options().is_time_tbc("Time: 4pm")
        (True, False)
        """
        return text.lower().rstrip("*").strip() in {f"{label.lower()} tbc" for label in self.time_labels}


DEFAULT = Options()


def _either(words: tuple[str, ...]) -> str:
    """One group matching any of ``words`` as printed, longest first (``(?:timing|time)``); none: no match.

    >>> _either(("time", "timing")), _either(("a.m",)), _either(())
    ('(?:timing|time)', '(?:a\\\\.m)', '(?!)')
    """
    if not words:
        return "(?!)"
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _opening(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"^\s*{_either(words)}\s*:?", re.I)


def _words(name: str, value) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
        raise ValueError(f"{name} must be a word or phrase or a list of them ([] for none), not {value!r}")
    return tuple(v.strip() for v in items)
