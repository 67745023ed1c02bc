"""The jsonld reader: schema.org events a page carries as JSON-LD, on made-up pages; detection and drafting."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from conftest import ingested, write_files as write
from graph.results import table
from ingest import draft, readers
from ingest.loader import site_for
from ingest.read import read_document

PREFIX = "PREFIX sg: <https://w3id.org/speakergraph/vocab#>\nPREFIX schema: <https://schema.org/>\n"


def page(data, visible: str = "", title: str = "Event") -> str:
    return (f"<html><head><title>{title}</title>\n<script type=\"application/ld+json\">\n{json.dumps(data, indent=1)}\n"
            f"</script></head><body><nav><a href=\"/\">Home</a></nav><h1>{title}</h1>\n{visible}\n"
            "<footer>© Forum</footer></body></html>\n")


def person(name, job=None, org=None, **more):
    out = {"@type": "Person", "name": name, **more}
    if job:
        out["jobTitle"] = job
    if org:
        out["worksFor"] = {"@type": "Organization", "name": org}
    return out


NORMS = {"@context": "https://schema.org", "@type": "Event", "name": "Cyber Norms after the OEWG",
         "startDate": "2031-03-13T14:00:00+01:00", "endDate": "2031-03-13T15:30:00+01:00",
         "location": {"@type": "Place", "name": "House of Nordic Diplomacy"},
         "url": "https://forum.example.org/events/norms/",
         "performer": [person("Liisa Virtanen", "Ambassador for Cyber Affairs",
                              "Ministry for Foreign Affairs of Finland", honorificPrefix="Ambassador"),
                       person("Elin Sand", "Director of Programmes", "Example Forum",
                              nationality={"@type": "Country", "name": "Norway"}),
                       {"@type": "Organization", "name": "Example Forum"}]}
NORMS_VISIBLE = ("<h3>Speakers</h3><ul><li><strong>Ambassador Liisa Virtanen</strong>, Ambassador for Cyber Affairs"
                 "</li></ul><p><strong>Moderator:</strong> Elin Sand, Director of Programmes, Example Forum</p>")
SUMMIT = {"@context": "https://schema.org", "@graph": [
    {"@type": "WebPage", "@id": "https://forum.example.org/summit/", "name": "Summit 2032"},
    {"@type": ["Event", "BusinessEvent"], "name": "Summit 2032", "startDate": "2032-05-12",
     "subEvent": [
         {"@type": "Event", "name": "Opening panel", "startDate": "2032-05-12T09:00:00+03:00",
          "performer": [{"@type": "Role", "roleName": "Chair", "performer": person("Kaja Tamm", org="CERT-EE, Estonia")},
                        person("Bo Chan", "CTO", "Acme")]},
         {"@type": "Event", "name": "Lunch", "startDate": "2032-05-12T12:00:00+03:00"},
         {"@type": "EducationEvent", "name": "Workshop", "startDate": "2032-05-12T14:00:00+03:00",
          "performers": {"@type": "Person", "givenName": "Ann", "familyName": "Lee"}}]}]}


def forum(tmp_path: Path) -> Path:
    return write(tmp_path / "forum", {
        "events/norms/index.html": page(NORMS, NORMS_VISIBLE, "Cyber Norms"),
        "summit/index.html": page(SUMMIT, "<h2>Programme</h2><p>Opening panel, then lunch.</p>", "Summit 2032"),
        "about/index.html": page({"@type": "Organization", "name": "Example Forum"},
                                 "".join(f'<div class="team-member"><h4>{n}</h4><p>Staff, Example Forum</p></div>'
                                         for n in ("Elin Sand", "Mikko Ranta", "Ola Berg")), "About us"),
        "index.html": page({"@type": "WebSite", "name": "Example Forum"}, "<p>Welcome.</p>", "Home")})


def test_events_and_sub_events_with_people_roles_and_positions(tmp_path):
    root = forum(tmp_path)
    site = site_for(root, draft=False)  # no profile: the pages are recognised by detection
    assert sorted(site.selected.items()) == [("events/norms/index.html", "jsonld"), ("summit/index.html", "jsonld")]
    norms = readers.read(read_document(root, root / "events/norms/index.html"), site)
    [session] = norms.sessions
    assert (session.title, session.start.isoformat(), session.end.isoformat(), session.room, session.permalink) == (
        "Cyber Norms after the OEWG", "2031-03-13T14:00:00+01:00", "2031-03-13T15:30:00+01:00",
        "House of Nordic Diplomacy", "https://forum.example.org/events/norms/")
    # the visible text gives the roles JSON-LD cannot say; an organisation as performer is no person
    assert [(r.role_label, r.role, r.name.honorific, r.name.name, [(p.title, p.organisation) for p in r.positions],
             r.country_code) for r in session.rows] == [
        ("Speakers", "speaker", "Ambassador", "Liisa Virtanen",
         [("Ambassador for Cyber Affairs", "Ministry for Foreign Affairs of Finland")], "FI"),
        ("Moderator", "moderator", None, "Elin Sand", [("Director of Programmes", "Example Forum")], "NO")]
    # the name's line in the file: provenance to the row
    text = (root / "events/norms/index.html").read_text().splitlines()
    assert all(row.printed_name in text[row.line - 1] for row in session.rows)
    summit = readers.read(read_document(root, root / "summit/index.html"), site)
    assert [(s.title, s.start.isoformat(), [(r.role_label, r.name.name, r.country_code) for r in s.rows])
            for s in summit.sessions] == [
        ("Opening panel", "2032-05-12T09:00:00+03:00", [("Chair", "Kaja Tamm", "EE"), ("Opening panel", "Bo Chan", None)]),
        ("Workshop", "2032-05-12T14:00:00+03:00", [("Speaker", "Ann Lee", None)])]


def test_a_site_of_such_pages_ingests_without_a_profile(tmp_path):
    store = ingested(forum(tmp_path))
    found = table(store.query(PREFIX + """
        SELECT ?title ?name ?role WHERE { ?a sg:session/schema:name ?title ; sg:person/schema:name ?name ;
                                             sg:role ?r BIND(STRAFTER(STR(?r), "/role/") AS ?role) }
        ORDER BY ?title ?name""")).values()
    assert found == [["Cyber Norms after the OEWG", "Elin Sand", "moderator"],
                     ["Cyber Norms after the OEWG", "Liisa Virtanen", "speaker"],
                     ["Opening panel", "Bo Chan", "panellist"], ["Opening panel", "Kaja Tamm", "moderator"],
                     ["Workshop", "Ann Lee", "speaker"]]


def test_a_broken_script_is_noted_with_its_line_and_the_rest_is_read(tmp_path):
    body = page(NORMS, NORMS_VISIBLE) + '<script type="application/ld+json">\n{"@type": "Event",\n "name": }\n</script>\n'
    root = write(tmp_path / "forum", {"events/norms.html": body})
    parsed = readers.read(read_document(root, root / "events/norms.html"), site_for(root))
    assert len(parsed.sessions) == 1
    [note] = [n for n in parsed.notes if "JSON-LD" in n.message]
    assert note.line == body.splitlines().index(' "name": }') + 1 and "no valid JSON" in note.message


def test_the_draft_names_the_pages_for_the_jsonld_reader_and_comments_out_the_staff_cards(tmp_path):
    root = forum(tmp_path)
    text = draft.render(draft.settle(draft.draft(root)))
    parts = tomllib.loads(text).get("parts", [])
    assert [(p["reader"], p["files"]) for p in parts] == [
        ("jsonld", ["events/norms/index.html", "summit/index.html"])]
    assert '# card = "div.team-member"' in text and "about the site's own people" in text
