"""Whole-graph counts for the pages (``/people`` with nothing chosen, the home page), read from the short joins.

The person-level facts written at ingest (``sg:appearedIn``, ``sg:appearedAt``, ``sg:appearedAs``,
``sg:appearedForCountry``, ``sg:appearedForOrganisation``; docs/model.md "Short
joins") are held once in the union graph however many files repeat them, so
counting them counts distinct people with no join per appearance. Each count
is a sub-select of its own, so Oxigraph joins the small grouped sets by hash,
and terms are read from the store only for the rows a page shows. At 10k files
the facets of ``/people`` took 0.7–1.3 s each as joins over every appearance.
The answers are those of the long joins (tests/test_web_whole.py).
"""

from __future__ import annotations

from web.people import PREFIXES

# people and appearances per value of each facet of /people (see web.browse.FACETS), without PREFIXES
_FACETS = {
    "edition": """SELECT ?value ?people ?appearances WHERE {
  { SELECT ?value (COUNT(*) AS ?people) WHERE { ?person sg:appearedIn ?value } GROUP BY ?value }
  { SELECT ?value (SUM(?n) AS ?appearances) WHERE {
      { SELECT ?session (COUNT(*) AS ?n) WHERE { ?a sg:session ?session } GROUP BY ?session }
      { SELECT ?session ?value WHERE { ?session schema:superEvent ?value } } } GROUP BY ?value }
}""",
    "country": """SELECT ?value ?people ?appearances WHERE {
  { SELECT ?value WHERE { ?value sg:alpha2 ?code } }
  ?value sg:peopleCount ?people ; sg:appearanceCount ?appearances
}""",  # the tallies (docs/model.md "Tallies"), kept by every write: a country's, looked up from its code
    # an organisation's, each pattern in a sub-select (joined by hash: 31 ms at 10k, against 125 looked up per row)
    "org": """SELECT ?value ?people ?appearances WHERE {
  { SELECT ?value ?people WHERE { ?value sg:peopleCount ?people } }
  { SELECT ?value ?appearances WHERE { ?value sg:appearanceCount ?appearances } }
  { SELECT ?value WHERE { ?value a schema:Organization } }
}""",
    "role": """SELECT ?value ?people ?appearances WHERE {
  { SELECT ?value (COUNT(*) AS ?people) WHERE { ?person sg:appearedAs ?value } GROUP BY ?value }
  { SELECT ?value (COUNT(*) AS ?appearances) WHERE { ?a sg:role ?value } GROUP BY ?value }
}""",
}
FACETS = {name: PREFIXES + query for name, query in _FACETS.items()}
# facets whose values run to thousands, with how many values they have: only their top values are read
MANY = {"org": PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?value WHERE { ?value sg:peopleCount ?people } } "
               "{ SELECT ?value WHERE { ?value a schema:Organization } } }"}
LEADING = 24  # values read first of such a facet: enough to see where the ties of the first few end
# the LEADING values with most people, then appearances (their order among ties is the labels', in Python)
TOPS = {name: PREFIXES + "SELECT ?value ?people ?appearances WHERE {\n  { " + query
        + " }\n} ORDER BY DESC(?people) DESC(?appearances) LIMIT " + str(LEADING) for name, query in _FACETS.items()}
# how many values have each (people, appearances)
HISTOGRAMS = {name: PREFIXES + "SELECT ?people ?appearances (COUNT(*) AS ?n) WHERE {\n  { " + query
              + " }\n} GROUP BY ?people ?appearances" for name, query in _FACETS.items()}
# the values ranked at or above (?_people, ?_appearances)
ABOVE = {name: PREFIXES + "SELECT ?value ?people ?appearances WHERE {\n  { " + query + """ }
  FILTER(?people > ?_people || (?people = ?_people && ?appearances >= ?_appearances))
}""" for name, query in _FACETS.items()}

_APPEARANCES = "{ SELECT ?person (COUNT(*) AS ?appearances) WHERE { ?a sg:person ?person } GROUP BY ?person }"

# every person with appearances: how many, at how many sessions
PEOPLE = PREFIXES + "SELECT ?person ?appearances ?sessions WHERE {\n  " + _APPEARANCES + """
  { SELECT ?person (COUNT(*) AS ?sessions) WHERE { ?person sg:appearedAt ?session } GROUP BY ?person }
}"""

# how many people have each number of appearances: the totals, and where a page of the ranking ends
RANKS = PREFIXES + "SELECT ?appearances (COUNT(*) AS ?n) WHERE { " + _APPEARANCES + " } GROUP BY ?appearances"

# the people with at least ?_appearances, and their sessions (looked up for those people only)
PEOPLE_FROM = PREFIXES + "SELECT ?person ?appearances (COUNT(*) AS ?sessions) WHERE {\n  { SELECT ?person ?appearances WHERE { " \
    + _APPEARANCES + """ FILTER(?appearances >= ?_appearances) } }
  ?person sg:appearedAt ?session
} GROUP BY ?person ?appearances"""

# every person (each person with an appearance is a schema:Person in the appearance's own graph)
PERSONS = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?person a schema:Person }"

# each edition's line on the home page: its sessions, first and last day, and people ({editions} is a
# VALUES block; the sessions' dates are joined by hash, as one lookup per session took 4x longer)
EDITION_SESSIONS = PREFIXES + """SELECT ?edition (COUNT(DISTINCT ?session) AS ?sessions) (MIN(?date) AS ?first)
       (MAX(?date) AS ?last) WHERE {{
  {{ SELECT ?session ?edition WHERE {{ {editions} ?session schema:superEvent ?edition }} }}
  {{ SELECT ?session ?date WHERE {{ ?session dcterms:date ?date }} }}
}} GROUP BY ?edition"""
EDITION_PEOPLE = PREFIXES + """SELECT ?edition (COUNT(*) AS ?people) WHERE {{ {editions} ?person sg:appearedIn ?edition }}
GROUP BY ?edition"""


def totals(ranks: list[dict], persons: int) -> dict[str, int]:
    """People with appearances, appearances, and people known from a speaker page only, from ``RANKS``.

    >>> totals([{"appearances": "1", "n": "5"}, {"appearances": "3", "n": "2"}], 9)
    {'people': 7, 'appearances': 11, 'page_only': 2}
    """
    people = sum(int(r["n"]) for r in ranks)
    return {"people": people, "appearances": sum(int(r["appearances"]) * int(r["n"]) for r in ranks),
            "page_only": persons - people}


def rank_at(counts: list[dict], keys: tuple[str, ...], size: int) -> dict | None:
    """The ``keys`` of the ``size``-th row when the rows ``counts`` stand for (``n`` each) are ranked by
    ``keys``, most first; ``None`` when there are fewer rows.

    >>> counts = [{"appearances": "3", "n": "5"}, {"appearances": "9", "n": "2"}]
    >>> rank_at(counts, ("appearances",), 4), rank_at(counts, ("appearances",), 8)
    ({'appearances': '3'}, None)
    """
    seen = 0
    for row in sorted(counts, key=lambda r: [int(r[k]) for k in keys], reverse=True):
        seen += int(row["n"])
        if seen >= size:
            return {k: row[k] for k in keys}
    return None
