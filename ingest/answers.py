"""Speakers' answers to an event's questions (pretalx ``answers``, Sessionize ``questionAnswers``): which answer is
the organisation, which the job title and which the country, by the question's text — never by its position.

Conference tools let each event ask its own questions ("Company", "Your employer",
"Country of residence", "Pays"); the export gives each answer with its question's
text (or an id into the export's list of questions). A question naming an
organisation word gives the organisation, one naming a country word the country;
a question naming both ("Which country is your company in?") gives neither.

>>> field_of("Company"), field_of("Your employer / affiliation"), field_of("Country of residence")
('organisation', 'organisation', 'country')
>>> field_of("Unternehmen"), field_of("Pays"), field_of("Organización"), field_of("T-shirt size")
('organisation', 'country', 'organisation', None)
>>> field_of("Which country is your company based in?") is None
True
>>> Answers.of([("Company", "ACME"), ("Country", "Norway"), ("Job title", "CTO"), ("Diet", "none")])
Answers(organisation='ACME', country='Norway', title='CTO')

An answer that names nothing ("Independent", "Self-employed", "N/A", "-") is no answer: a later question of
the same kind may still give one.

>>> Answers.of([("Company", "Independent"), ("Affiliation", "Open Tide Lab"), ("Job title", "N/A")])
Answers(organisation='Open Tide Lab', country=None, title=None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.ids import fold
from ingest.column_table import FIELDS
from ingest.records import Position
from ingest.tidy import no_organisation, no_title

# the table headers' words (English), and the words of the other languages the project reads
_ORGANISATION = set(FIELDS["organisation"]) | {
    "organisme", "entreprise", "societe", "employeur", "etablissement",  # fr
    "firma", "unternehmen", "arbeitgeber", "organisation", "institution", "hochschule",  # de
    "empresa", "organizacion", "compania", "institucion", "empleador",  # es
    "azienda", "organizzazione", "societa", "ente", "istituzione",  # it
    "bedrijf", "organisatie", "werkgever", "instelling",  # nl
    "organizacao", "empregador",  # pt
    "employer", "workplace", "org"}
_COUNTRY = set(FIELDS["country"]) | {"pays", "land", "pais", "paese", "nazione", "nation", "nationalite",
                                     "nationalitat", "staat"}
_TITLE = {"title", "position", "job", "jobtitle", "designation", "role", "occupation", "poste", "fonction", "metier",
          "titre", "berufsbezeichnung", "beruf", "stelle", "funktion", "cargo", "puesto", "ocupacion", "mansione",
          "ruolo", "qualifica", "functie", "baan"}
# "Job title", "Poste occupé", "Your role at your company": words that ask for a title, but not with these
_NOT_TITLE = {"talk", "session", "submission", "proposal", "conference", "presentation"}


def field_of(question: str | None) -> str | None:
    """``"organisation"``, ``"country"`` or ``"title"`` when the question's text names one of them (the title
    only when it names no organisation nor country: "Your role at your company" is no question of either).

    >>> field_of("Job title"), field_of("Poste occupé"), field_of("Title of your talk"), field_of("Your role at your company")
    ('title', 'title', None, None)
    """
    words = set(re.findall(r"[a-z]+", fold(question or "").lower()))
    found = {name for name, known in (("organisation", _ORGANISATION), ("country", _COUNTRY)) if words & known}
    if not found and words & _TITLE and not words & _NOT_TITLE:
        return "title"
    if found & {"organisation"} and words & _TITLE:
        return None  # "Your role at your company"
    return found.pop() if len(found) == 1 else None


@dataclass
class Answers:
    """The organisation and country a speaker's answers give (``None`` where no question asked for them)."""

    organisation: str | None = None
    country: str | None = None
    title: str | None = None

    @classmethod
    def of(cls, pairs) -> Answers:
        """From ``(question text, answer)`` pairs: the first answer to each kind of question."""
        found = cls()
        for question, answer in pairs:
            name = field_of(question)
            value = " ".join(answer.split()) if isinstance(answer, str) else ""
            if name and value and not _nothing(name, value) and getattr(found, name) is None:
                setattr(found, name, value)
        return found


    def positions(self) -> list[Position]:
        """The positions answered: two jobs given as "A / B" in both answers pair in order ("Présidente / Développeuse"
        with "Hexagone Python / Nuageo"); else one position, as answered.

        >>> [(p.title, p.organisation) for p in Answers(organisation="Tide Lab / Nuageo", title="Chair / Developer").positions()]
        [('Chair', 'Tide Lab'), ('Developer', 'Nuageo')]
        >>> [(p.title, p.organisation) for p in Answers(organisation="Open/Closed Lab", title="CTO").positions()]
        [('CTO', 'Open/Closed Lab')]
        """
        if not (self.organisation or self.title):
            return []
        titles, orgs = (re.split(r"\s+/\s+", v) if v else [] for v in (self.title, self.organisation))
        if len(titles) > 1 and len(titles) == len(orgs):
            return [Position(title=t, organisation=o) for t, o in zip(titles, orgs)]
        return [Position(title=self.title, organisation=self.organisation)]


def _nothing(name: str, value: str) -> bool:
    """True for an answer that names no organisation ("Independent", "Freelance") or nothing at all ("N/A", "-")."""
    return no_organisation(value) if name == "organisation" else no_title(value)
