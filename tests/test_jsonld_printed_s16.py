"""The jsonld reader on made-up pages that carry both structured data and a printed speakers block: the printed
page wins field by field, people it prints but the data leaves out appear, its <h1> names the session, and a page
of one schema.org Person is a speaker page."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import write_files as write
from ingest import draft, readers
from ingest.loader import site_for
from ingest.read import read_document
from test_jsonld import person  # a schema.org Person with its job and employer


def event(name, performers, **more):
    return {"@context": "https://schema.org", "@type": "Event", "name": name,
            "startDate": "2033-04-07T10:00:00+03:00", "endDate": "2033-04-07T11:15:00+03:00",
            "performer": performers, **more}


def page(data, visible: str) -> str:
    """A made-up events-plugin page: the data as JSON-LD in the head, a menu, the visible session, a sidebar."""
    scripts = "".join(f'<script type="application/ld+json">\n{json.dumps(d, indent=1)}\n</script>\n'
                      for d in (data if isinstance(data, list) else [data]))
    return ("<!DOCTYPE html>\n<html>\n<head>\n<title>Tidewater Forum</title>\n" + scripts + "</head>\n<body>\n"
            '<header><p class="site-title">Tidewater Forum</p><nav><ul><li><a href="/">Home</a></li>'
            '<li><a href="/speakers/">Speakers</a></li></ul></nav></header>\n'
            f'<main>\n{visible}\n</main>\n<aside><h2>Moderators</h2><ul><li>Ms Una Sidebar, Editor, Gazette</li>'
            "</ul></aside>\n</body>\n</html>\n")


PANEL = event("Panel: Reefs and Rules", [
    person("Ilse Varga", "Editor", "Coral Ledger", honorificPrefix="Ms", nationality="NO"),
    person("Tomasz Wren", "Director", "Harbour Data Office", honorificPrefix="Colonel"),
    "Dara Okonjo",
    {"@type": "Organization", "name": "Harbour Data Office"}])
PANEL_VISIBLE = """<h1>Panel: Reefs &amp; Rules</h1>
<p>A short description of the panel.</p>
<div class="session-speakers">
<h2>Speakers</h2>
<h3>Moderator</h3><ul>
<li><strong><a href="/speakers/ilse-varga/">Ms Ilse Varga</a></strong>, Senior Editor, Coral Ledger (Chile)</li>
</ul>
<h3>Panelists</h3><ul>
<li><strong>Col. (Ret.) Tomasz Wren</strong>, Director, Harbour Data Office</li>
<li><strong>Dr Dara Okonjo</strong>, Lead Scientist, Reef Watch Institute (Kenya)</li>
<li><strong>Mr Ravi Holm</strong>, Head of Policy, Blue Cable Ltd (Iceland)</li>
</ul>
</div>"""


def sessions(root: Path, path: str, site=None):
    """(title, [(role label, role, name, honorific, [(title, org)], country code)]) of each session of a page."""
    parsed = readers.read(read_document(root, root / path), site or site_for(root))
    return [(s.title, [(r.role_label, r.role, r.name.name, r.name.honorific,
                        [(p.title, p.organisation) for p in r.positions], r.country_code) for r in s.rows])
            for s in parsed.sessions]


def test_the_printed_line_wins_field_by_field_and_printed_people_the_data_leaves_out_appear(tmp_path):
    root = write(tmp_path / "site", {"events/reefs/index.html": page(PANEL, PANEL_VISIBLE)})
    [(title, rows)] = sessions(root, "events/reefs/index.html")
    # the page's own heading names the session when it is the data's name loosely ("&" for "and")
    assert title == "Panel: Reefs & Rules"
    assert rows == [
        # printed title and country win over the data's job title and nationality
        ("Moderator", "moderator", "Ilse Varga", "Ms", [("Senior Editor", "Coral Ledger")], "CL"),
        # the printed honorific wins; the data's nationality fills nothing here (it gives none)
        ("Panelists", "panellist", "Tomasz Wren", "Col. (Ret.)", [("Director", "Harbour Data Office")], None),
        # a performer given as a string takes its printed line's fields
        ("Panelists", "panellist", "Dara Okonjo", "Dr", [("Lead Scientist", "Reef Watch Institute")], "KE"),
        # printed under the role heading, missing from the data: an appearance all the same (no sidebar's people)
        ("Panelists", "panellist", "Ravi Holm", "Mr", [("Head of Policy", "Blue Cable Ltd")], "IS")]


def test_the_data_fills_what_the_printed_line_lacks(tmp_path):
    data = event("Harbour Futures", [
        person("Ilse Varga", "Editor", "Coral Ledger", honorificPrefix="Ms", nationality="NO"),
        person("Pia Lund", "Ambassador of Norway to Chile", "Embassy of Norway in Santiago"),
        person("Omar Sela", "Chief Engineer", "Harbour Data Office"),
        person("Kai Brun", "Deputy Director", "Ministry of Tides")])
    visible = ("<h1>Harbour Futures</h1>\n<h2>Speakers</h2>\n<ul>\n"
               "<li><strong>Ilse Varga</strong>, Senior Editor</li>\n"
               "<li><strong>H.E. Pia Lund</strong>, Ambassador of Norway to Chile</li>\n"
               "<li><strong>Omar Sela</strong></li>\n"
               "<li><strong>Kai Brun</strong>, Deputy Director, Tide Office, Ministry of Tides</li>\n</ul>")
    root = write(tmp_path / "site", {"events/futures/index.html": page(data, visible)})
    [(_, rows)] = sessions(root, "events/futures/index.html")
    assert [(name, honorific, positions, country) for *_, name, honorific, positions, country in rows] == [
        # the data's honorific, organisation and nationality where the line prints none
        ("Ilse Varga", "Ms", [("Senior Editor", "Coral Ledger")], "NO"),
        # a state's office printed alone takes no organisation the page prints nowhere
        ("Pia Lund", "H.E.", [("Ambassador of Norway to Chile", None)], "NO"),
        # a line that prints the name alone keeps the data's position
        ("Omar Sela", None, [("Chief Engineer", "Harbour Data Office")], None),
        # the data says where the organisation begins: the unit printed before it goes with the title
        ("Kai Brun", None, [("Deputy Director, Tide Office", "Ministry of Tides")], None)]


def test_a_page_of_several_events_takes_no_heading_and_no_people_beside_one_event_does(tmp_path):
    data = {"@context": "https://schema.org", "@type": "Event", "name": "Tidewater Forum 2033",
            "startDate": "2033-04-07", "subEvent": [
                event("Opening and Welcome", [person("Ilse Varga", "Editor", "Coral Ledger")]),
                event("Closing Remarks", [person("Omar Sela", "Chief Engineer", "Harbour Data Office")])]}
    visible = ("<h1>Opening &amp; Welcome</h1>\n<h2>Speakers</h2>\n<ul>\n<li><strong>Ilse Varga</strong>, Editor, "
               "Coral Ledger</li>\n<li><strong>Omar Sela</strong>, Chief Engineer, Harbour Data Office</li>\n"
               "<li><strong>Mr Ravi Holm</strong>, Head of Policy, Blue Cable Ltd</li>\n</ul>")
    root = write(tmp_path / "site", {"programme.html": page(data, visible),
                                     "one.html": page(data["subEvent"][0], visible)})
    assert [(title, [name for _, _, name, *_ in rows]) for title, rows in sessions(root, "programme.html")] == [
        ("Opening and Welcome", ["Ilse Varga"]), ("Closing Remarks", ["Omar Sela"])]
    # the same block beside one event: its heading and the person the data leaves out are the session's
    assert [(title, [name for _, _, name, *_ in rows]) for title, rows in sessions(root, "one.html")] == [
        ("Opening & Welcome", ["Ilse Varga", "Omar Sela", "Ravi Holm"])]


def test_a_page_of_one_person_is_a_speaker_page_and_the_drafter_names_its_part(tmp_path):
    profile = {"@context": "https://schema.org", "@type": "Person", "name": "Ilse Varga", "honorificPrefix": "Ms",
               "jobTitle": "Senior Editor", "worksFor": {"@type": "Organization", "name": "Coral Ledger"},
               "nationality": "CL", "description": "Ilse Varga writes about reefs."}
    files = {f"speakers/{slug}/index.html": page(dict(profile, name=name), f"<h1>{name}</h1>")
             for slug, name in (("ilse-varga", "Ilse Varga"), ("omar-sela", "Omar Sela"))}
    files["events/reefs/index.html"] = page(PANEL, PANEL_VISIBLE)
    root = write(tmp_path / "site", files)
    parsed = readers.module("jsonld").read(read_document(root, root / "speakers/ilse-varga/index.html"))
    [speaker] = parsed.speakers
    assert (speaker.printed_name, speaker.honorific, [(p.title, p.organisation) for p in speaker.positions],
            speaker.country_label, speaker.biography) == (
        "Ilse Varga", "Ms", [("Senior Editor", "Coral Ledger")], "CL", "Ilse Varga writes about reefs.")
    assert parsed.sessions == []
    # the drafter proposes a part of this reader for such pages
    text = draft.render(draft.settle(draft.draft(root)))
    assert 'files = "speakers/*/index.html"\nreader = "jsonld"' in text
    # a page of several people (an article and its author) is no one's speaker page
    two = page([profile, {"@type": "Person", "name": "Bo Chan"}], "<h1>News</h1>")
    (root / "news.html").write_text(two)
    assert readers.module("jsonld").read(read_document(root, root / "news.html")).speakers == []
