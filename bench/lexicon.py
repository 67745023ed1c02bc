"""Synthetic words for the benchmark corpus: names, organisations, job titles, session titles, prose.

Everything here is invented from syllables and generic policy vocabulary, so a
generated corpus never carries text from a real site.

>>> import random
>>> rng = random.Random(1)
>>> name = person_name(rng)
>>> len(name.split()) >= 2 and name == name.strip()
True
>>> sentence(random.Random(2)).endswith(".")
True
"""

from __future__ import annotations

import random

ONSETS = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
          "br", "dr", "kr", "st", "th", "sh", "ch", "tr", "gl", "pr"]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ei", "ou", "ia"]
ACCENTS = {"a": "á", "e": "é", "u": "ü", "o": "ø"}
CODAS = ["", "", "n", "r", "l", "s", "k", "th", "m", "nd", "rt", "x"]

TOPICS = [
    "Quantum Security", "Supply Chain Resilience", "Critical Infrastructure", "Cyber Norms",
    "Threat Intelligence", "Digital Trust", "Cloud Security", "AI Assurance", "Incident Response",
    "Capacity Building", "Submarine Cables", "Ransomware", "Online Harms", "Data Governance",
    "Operational Technology", "Election Integrity", "Space Systems", "Digital Identity",
    "Workforce Development", "Post-Quantum Cryptography", "Smart Cities", "Financial Resilience",
    "Cyber Diplomacy", "Open Source Security", "Maritime Cyber Defence", "Health Data Protection",
    "Secure Semiconductors", "Cybercrime Cooperation", "Deepfakes", "Satellite Networks",
]
FIELDS = ["Cyber Policy", "Digital Affairs", "Cybersecurity", "Information Security", "Technology Policy",
          "Foreign Affairs", "Home Affairs", "Communications", "Defence", "Innovation", "Digital Economy",
          "Public Safety", "Critical Infrastructure", "Data Protection", "International Security"]
TITLES = ["Director of {f}", "Deputy Director for {f}", "Head of {f}", "Chief Executive Officer",
          "Chief Information Security Officer", "Senior Fellow", "Minister for {f}", "Commissioner of {f}",
          "Ambassador for {f}", "Professor of {f}", "Principal Researcher", "Chief Technology Officer",
          "Permanent Secretary", "Vice President for {f}", "Special Envoy for {f}", "Programme Lead for {f}",
          "Senior Adviser on {f}", "Chief Digital Officer", "General Counsel", "Executive Director"]
ORG_FORMS = ["Ministry of {f}", "National {f} Agency", "Office of {f}", "Department of {f}",
             "{p} Institute of Technology", "University of {p}", "Centre for {f} Studies",
             "{c} Systems", "{c} Labs", "{c} Networks", "{c} Security", "{c} Group", "{p} {f} Council",
             "{c} Foundation", "{p} Policy Institute"]
# printed variants that the bundled country table knows (several spellings of some)
COUNTRIES = [["Singapore"], ["United States of America", "United States", "USA"], ["Germany"], ["France"],
             ["United Kingdom", "UK"], ["Japan"], ["India"], ["Australia"], ["Brazil"], ["Poland"],
             ["Estonia"], ["Netherlands", "The Netherlands"], ["Switzerland"], ["Republic of Korea", "South Korea"],
             ["Indonesia"], ["Malaysia"], ["Thailand"], ["Viet Nam", "Vietnam"], ["Philippines"], ["Canada"],
             ["New Zealand"], ["Kenya"], ["Nigeria"], ["South Africa"], ["Israel"], ["United Arab Emirates"],
             ["Sweden"], ["Finland"], ["Norway"], ["European Union"], ["ASEAN"], ["United Nations"]]
QUESTIONS = ["Who Pays for {t}?", "Can {t} Keep Up with {u}?", "Is {t} Ready for {u}?", "What Next for {t}?",
             "{t} in the Age of {u}", "Rethinking {t}", "Building Trust in {t}", "From {t} to {u}"]
FORMS = ["High–Level Panel: {q}", "{t} Roundtable", "{t} Forum", "Workshop on {t}", "{t}: {q}",
         "Fireside Chat: {q}", "{p} Dialogue on {t}", "{t} Masterclass", "Plenary: {q}", "{t} Exchange"]
VERBS = ["examines", "asks", "maps", "compares", "weighs", "reviews", "explores", "traces"]
OBJECTS = ["how governments share the work of", "what industry expects from", "the limits of",
           "the costs and benefits of", "who should lead on", "lessons learnt in", "the next decade of",
           "practical steps towards"]
SUBJECTS = ["This session", "The panel", "The roundtable", "This workshop", "The discussion", "The programme"]
TAILS = ["across borders", "in the region", "for smaller states", "after a major incident",
         "with limited budgets", "without slowing innovation", "between the public and private sectors"]


def syllables(rng: random.Random, n: int) -> str:
    """A capitalised invented word of ``n`` syllables."""
    word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(n)) + rng.choice(CODAS)
    return word[0].upper() + word[1:]


def person_name(rng: random.Random) -> str:
    """An invented full name: given name, sometimes a middle name, family name (sometimes hyphenated)."""
    parts = [syllables(rng, 2)]
    if rng.random() < 0.15:
        parts.append(syllables(rng, 2))
    family = syllables(rng, rng.choice((2, 2, 3)))
    if rng.random() < 0.05:
        family = f"Al-{family}"
    name = " ".join(parts + [family])
    if rng.random() < 0.08:
        i = rng.choice([i for i, c in enumerate(name) if c in ACCENTS] or [0])
        name = name[:i] + ACCENTS.get(name[i], name[i]) + name[i + 1:]
    return name


def job_title(rng: random.Random) -> str:
    """An invented job title."""
    return rng.choice(TITLES).format(f=rng.choice(FIELDS))


def organisation(rng: random.Random) -> str:
    """An invented organisation name (no commas)."""
    return rng.choice(ORG_FORMS).format(f=rng.choice(FIELDS), p=syllables(rng, 2), c=syllables(rng, 2))


def session_title(rng: random.Random) -> str:
    """An invented session title."""
    t, u, v = rng.sample(TOPICS, 3)
    q = rng.choice(QUESTIONS).format(t=u, u=v)
    return rng.choice(FORMS).format(t=t, q=q, p=syllables(rng, 2))


def sentence(rng: random.Random) -> str:
    """One invented sentence of abstract or biography prose."""
    t, u = rng.sample(TOPICS, 2)
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {t.lower()} "
            f"and {u.lower()} {rng.choice(TAILS)}.")


def paragraph(rng: random.Random, sentences: int) -> str:
    """Invented prose of a few sentences."""
    return " ".join(sentence(rng) for _ in range(sentences))
