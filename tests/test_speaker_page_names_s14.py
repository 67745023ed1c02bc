"""A row that prints only a name is the person of the one speaker page printing that name, whichever file comes first.

Every site here is made up: a water forum whose speaker page is named by a short slug ("varga") while a session's
body prints the speaker's full name ("Dr. Ilse Varga-Brenner (Kestrel Water Institute)").
"""

from __future__ import annotations

from datetime import datetime

from conftest import ingested, write_files
from graph.results import table
from graph.store import open_store
from ingest.identity import Decision, People, Slot
from ingest.loader import ingest, site_for
from ingest.preview import preview

PREFIX = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
"""

PROFILE = """[site]
series = "tq"
name = "Tidewater Quorum"
year = {year}
timezone = "Europe/Vienna"

[[parts]]
files = "sessions/*.md"
reader = "frontmatter"
sessions = "sessions/*.md"
speaker_key = "speakers"
date = "date"
start = "start"
end = "end"
link_template = "/speakers/{{slug}}/"
body_people = true

[[parts]]
files = "speakers/*.md"
reader = "frontmatter"
speakers = "speakers/*.md"
job_title = "title"
link_template = "/speakers/{{slug}}/"
"""

PAGE = """---
name: Dr. Ilse Varga-Brenner
title: Chief Hydrologist
company: Kestrel Water Institute
country: Austria
---
Ilse studies floods.
"""


def session(title: str, when: str, *lines: str, slugs: tuple[str, ...] = ()) -> str:
    """A session page: front matter (with speaker slugs), then a body list of printed speakers."""
    listed = "".join(f"  - {s}\n" for s in slugs)
    body = "".join(f"- {line}\n" for line in lines)
    return (f'---\ntitle: "{title}"\ndate: {when}\nstart: "10:00"\nend: "11:00"\n'
            + (f"speakers:\n{listed}" if slugs else "") + f"---\n\n## Speakers\n\n{body}")


def forum(root, year: int = 2031, **extra: str):
    """A keynote linking the page ``varga`` by its slug, and a roundtable printing the speaker by name alone."""
    return write_files(root, {
        "speakergraph.toml": PROFILE.format(year=year),
        "speakers/varga.md": PAGE,
        "sessions/a-keynote.md": session("Rivers Rising", f"{year}-03-04", slugs=("varga",)),
        "sessions/b-roundtable.md": session("Delta Roundtable", f"{year}-03-05",
                                            "Dr. Ilse Varga-Brenner (Kestrel Water Institute)",
                                            "Mr. Tobias Lindqvist-Haugen, Harbour Master, Port of Lysefjord, Norway"),
    } | extra)


def appearances(store, session_name: str) -> list[list[str]]:
    """The key, title and country of each appearance of the Varga name at a session."""
    rows = table(store.query(PREFIX + """
        SELECT ?session ?key (COALESCE(?t, "") AS ?title) (COALESCE(?c, "") AS ?country) WHERE {
          ?a sg:session/schema:name ?session ; sg:person ?p ; sg:printedName ?n FILTER(CONTAINS(?n, "Varga"))
          OPTIONAL { ?a sg:position ?pos OPTIONAL { ?pos sg:title ?t } }
          OPTIONAL { ?a sg:country ?cc BIND(STRAFTER(STR(?cc), "/country/") AS ?c) }
          BIND(STRAFTER(STR(?p), "/person/") AS ?key) }""")).values()
    return [[str(v) for v in row[1:]] for row in rows if row[0] == session_name]


def varga_keys(store) -> set[str]:
    q = PREFIX + "SELECT DISTINCT ?p WHERE { ?a sg:person ?p ; sg:printedName ?n FILTER(CONTAINS(?n, 'Varga')) }"
    return {r[0].value.rsplit("/", 1)[-1] for r in table(store.query(q)).rows}


def test_a_row_printing_only_a_page_name_is_that_pages_person_and_takes_its_facts(tmp_path):
    """The roundtable's row is read before the page: it still takes the page's key, title and country."""
    store = ingested(forum(tmp_path / "forum"))
    assert appearances(store, "Delta Roundtable") == [
        ["varga", "Chief Hydrologist", "AT"]]
    assert varga_keys(store) == {"varga"}


def test_the_preview_gives_the_row_the_pages_key_with_a_merged_person_note(tmp_path):
    found = preview(site_for(forum(tmp_path / "forum")), sample=100)
    row = next(r for r in found.rows if r["session"] == "Delta Roundtable" and "Varga" in r["name"])
    assert (row["person"], row["title"], row["country"]) == ("varga", "Chief Hydrologist", "AT")
    assert any(n["kind"] == "merged-person" and "ilse-varga-brenner is varga" in n["example"] for n in found.notes)


def test_two_pages_printing_the_name_lend_neither_their_key(tmp_path):
    """Two speaker pages of one name may be two people: the row keeps the key of its name."""
    store = ingested(forum(tmp_path / "forum", **{"speakers/ilse-vb.md": PAGE.replace("Austria", "Hungary")}))
    assert [r[0] for r in appearances(store, "Delta Roundtable")] == ["ilse-varga-brenner"]


def test_a_run_per_year_gives_the_person_of_one_run(tmp_path):
    """The page read in the 2030 run lends its key, from the store, to the 2031 row printing only the name."""
    roots = [forum(tmp_path / "2030", 2030), write_files(tmp_path / "2031", {
        "speakergraph.toml": PROFILE.format(year=2031),
        "sessions/c-closing.md": session("Closing Words", "2031-03-06", "Ilse Varga-Brenner")})]
    one = open_store(None)
    ingest(one, [site_for(root) for root in roots])
    each = open_store(tmp_path / "store")
    for root in roots:
        ingest(each, [site_for(root)])
    assert varga_keys(each) == varga_keys(one) == {"varga"}
    assert [r[0] for r in appearances(each, "Closing Words")] == ["varga"]


def test_the_page_name_is_no_evidence_against_another_country_a_decision_or_a_clash():
    slot = Slot("s1", datetime(2031, 3, 5, 10), datetime(2031, 3, 5, 11))
    people = People([Decision("varga", "ilse-varga-brenner-2", False, "two hydrologists")])
    people.page("varga", "Ilse Varga-Brenner", "tq", "AT", {"kestrel-water-institute"})
    people.add("varga", "Ilse Varga-Brenner", "AT", set(), None, slot)  # no series: the old rules merge nothing
    name = "Ilse Varga-Brenner"
    assert people.resolve("ilse-varga-brenner", name, None, set(), "tq", by_name=True)[0] == "varga"
    assert people.by_page("x", name, "tq", "HU", {"danube-labs"}) is None  # another country, no organisation
    assert people.by_page("x", name, "tq", "HU", {"kestrel-water-institute"}) is not None
    assert people.by_page("ilse-varga-brenner-2", name, "tq") is None  # a reviewed decision
    clash = Slot("s2", datetime(2031, 3, 5, 10, 30), datetime(2031, 3, 5, 12))
    assert people.by_page("x", name, "tq", slot=clash) is None  # two places at one time
    assert people.by_page("x", name, "another-series") is None
    people.add("ilse-varga-brenner-4", name, "HU", {"danube-labs"})  # a namesake the store already holds
    assert people.by_page("ilse-varga-brenner-4", name, "tq") is None
