"""A role word in lower case right after a listed person's name (or alone) is their role in that list, not their
job title. Made-up text."""

from __future__ import annotations

from ingest.body_people import sections
from ingest.roles import role_of

BODY = """A panel on harbour data.

Our panelists include:

- **Ann Lee**, moderator, former organiser of the Harbour Meetup
- **Bo Kern**, Director, Chair Institute
- **Cy Dahl**, keynote speaker, Acme Port Authority
- **Di Berg**, Chair, Standards Committee, Harbour Federation
- **Ed Holm**, Moderator
"""


def test_a_role_word_after_the_name_is_the_role_and_the_rest_the_position():
    rows = [r for s in sections(BODY, 1) for r in s.rows]
    got = {r.printed_name: (role_of(r.role_label), [(p.title, p.organisation) for p in r.positions]) for r in rows}
    assert got["Ann Lee"][0] == "moderator" and got["Ann Lee"][1][0][0] == "former organiser of the Harbour Meetup"
    assert got["Bo Kern"] == ("panellist", [("Director", "Chair Institute")])  # "Chair" inside a name stays
    assert got["Cy Dahl"] == ("keynote", [(None, "Acme Port Authority")])
    assert got["Di Berg"][0] == "panellist" and got["Di Berg"][1][0][0] == "Chair"  # capitalised, then more: a title
    assert got["Ed Holm"] == ("moderator", [])


def test_a_description_after_the_title_is_not_an_organisation():
    body = "Panelists:\n\n- **Fay Lund**, Harbour Fellow, co-founder of the Tide Club\n- **Gus Ek**, CTO, eBay\n"
    got = {r.printed_name: [(p.title, p.organisation) for p in r.positions] for s in sections(body, 1) for r in s.rows}
    assert got == {"Fay Lund": [("Harbour Fellow, co-founder of the Tide Club", None)], "Gus Ek": [("CTO", "eBay")]}
