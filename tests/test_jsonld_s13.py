"""The jsonld reader on made-up pages: organisers the page prints as moderators, role badges, role headings and
the session title's role, schema.org microdata events, and the line of the printed name."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import write_files as write
from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document


def person(name, job=None, org=None, **more):
    out = {"@type": "Person", "name": name, **more}
    if job:
        out["jobTitle"] = job
    if org:
        out["affiliation"] = {"@type": "Organization", "name": org}
    return out


def page(event: dict | None, visible: str) -> str:
    """A made-up CMS page: its event as JSON-LD in the head (on one line, as CMSs write it), the visible list."""
    script = f'<script type="application/ld+json">{json.dumps(event)}</script>\n' if event else ""
    return (f"<!DOCTYPE html>\n<html>\n<head>\n<title>Harbour Forum</title>\n{script}</head>\n<body>\n"
            "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/speakers\">Speakers</a></li></ul></nav>\n"
            f"<main><article>\n{visible}\n</article></main>\n<footer><p>© Harbour Forum</p></footer>\n</body>\n</html>\n")


def event(name, performers, **more):
    return {"@context": "https://schema.org", "@type": "Event", "name": name,
            "startDate": "2031-06-04T10:00:00+02:00", "endDate": "2031-06-04T11:15:00+02:00",
            "performer": performers, **more}


def item(badge: str | None, name: str, meta: str) -> str:
    lead = f'<span class="badge">{badge}</span>\n      ' if badge else ""
    return f'    <li class="speaker">{lead}<a class="speaker-name" href="/p">{name}</a>\n      <div class="meta">{meta}</div></li>'


def speakers(*items: str, heading: str = "Speakers") -> str:
    return f'<div class="field-speakers">\n  <h2>{heading}</h2>\n  <ul>\n' + "\n".join(items) + "\n  </ul>\n</div>"


def rows(root: Path, path: str):
    """(title, [(role label, role, name, honorific, line)]) of each session the reader finds in a page."""
    parsed = readers.read(read_document(root, root / path), site_for(root))
    return [(s.title, [(r.role_label, r.role, r.name.name, r.name.honorific, r.line) for r in s.rows])
            for s in parsed.sessions]


def line_of(root: Path, path: str, printed: str) -> int:
    return next(n for n, line in enumerate((root / path).read_text().splitlines(), 1)
                if printed in line and "ld+json" not in line)


PANEL = event("Panel: Tides and Cables",
              [person("Dr. Maren Østby", "Head of Subsea Security", "Port of Skarvik"),
               person("Ivo Brandt", "Chief Engineer", "Kabelwerk Nord")],
              organizer=[person("Selma Quist", "Senior Correspondent", "Coastal Ledger"),
                         person("Arvid Lund", "Events Manager", "Harbour Forum"),
                         {"@type": "Organization", "name": "Harbour Forum Foundation"}],
              contributor=person("Noor Haddad", "Editor", "Tide Review"))
PANEL_VISIBLE = ("<h1>Panel: Tides and Cables</h1>\n"
                 + speakers(item("Moderator", "Selma Quist", "Senior Correspondent, Coastal Ledger"),
                            item("Panelist", "Dr. Maren Østby", "Head of Subsea Security, Port of Skarvik"),
                            item(None, "Ivo Brandt", "Chief Engineer, Kabelwerk Nord")
                            .replace("</div></li>", '</div> <span class="badge">Panelist</span></li>'))
                 + "\n<p><strong>Rapporteur:</strong> Noor Haddad, Editor, Tide Review</p>"
                 + "\n<h2>Organisers</h2>\n<p>Arvid Lund, Events Manager</p>")


def test_organisers_the_page_prints_with_a_role_appear_and_role_badges_give_roles(tmp_path):
    root = write(tmp_path / "site", {"sessions/panel.html": page(PANEL, PANEL_VISIBLE)})
    [(title, found)] = rows(root, "sessions/panel.html")
    # a badge before or after the name is the role; the organiser printed as moderator is one; the organiser
    # printed only under "Organisers" is staff, and so is a contributor printed as a rapporteur (an organiser's
    # role other than a session's)
    assert [(label, role, name, honorific) for label, role, name, honorific, _ in found] == [
        ("Panelist", "panellist", "Maren Østby", "Dr."), ("Panelist", "panellist", "Ivo Brandt", None),
        ("Moderator", "moderator", "Selma Quist", None)]
    # each row's line is the line of the printed name, not of the script
    assert [line for *_, line in found] == [line_of(root, "sessions/panel.html", n)
                                            for n in ("Maren Østby", "Ivo Brandt", "Selma Quist")]


def test_a_contributor_printed_with_a_session_role_appears(tmp_path):
    visible = PANEL_VISIBLE.replace("<strong>Rapporteur:</strong>", "<strong>Moderator:</strong>")
    data = dict(PANEL, organizer=[])
    root = write(tmp_path / "site", {"sessions/panel.html": page(data, visible)})
    [(_, found)] = rows(root, "sessions/panel.html")
    # the moderator the page prints but the data leaves out (no organiser now) is an appearance all the same
    assert [(label, name) for label, _, name, *_ in found] == [
        ("Panelist", "Maren Østby"), ("Panelist", "Ivo Brandt"), ("Moderator", "Noor Haddad"),
        ("Moderator", "Selma Quist")]


def test_a_heading_of_no_role_of_its_own_yields_to_the_title_and_a_heading_heads_its_own_section(tmp_path):
    keynote = event("Opening Keynote: Harbours as Commons", [person("Lotte Brink", "Minister of Ports")],
                    organizer=[person("Ines Vale", "Programme Director", "Harbour Forum", honorificPrefix="Ms")])
    sections = event("Ports after the Storm", [person("Ada Morn", "Director"), person("Bram Oost", "Analyst")])
    root = write(tmp_path / "site", {
        "a.html": page(keynote, "<h1>Opening Keynote: Harbours as Commons</h1>\n" + speakers(
            item(None, "H.E. Lotte Brink", "Minister of Ports"),
            item("Moderator", "Ms Ines Vale", "Programme Director, Harbour Forum"))),
        # the role heading of a section heads only that section: the next one's person has none
        "b.html": page(sections, "<h1>Ports after the Storm</h1>\n<section><h3>Moderator</h3>\n<p>Ada Morn, "
                                 "Director</p></section>\n<section>\n<p>Bram Oost, Analyst</p></section>")})
    assert [(t, [(label, name) for label, _, name, *_ in found]) for t, found in rows(root, "a.html")] == [
        ("Opening Keynote: Harbours as Commons", [("Opening Keynote", "Lotte Brink"), ("Moderator", "Ines Vale")])]
    assert [(label, name) for label, _, name, *_ in rows(root, "b.html")[0][1]] == [
        ("Moderator", "Ada Morn"), ("Speaker", "Bram Oost")]


MICRODATA = """<div class="session" itemscope itemtype="https://schema.org/Event">
  <h1 itemprop="name">Roundtable: Sharing Signals</h1>
  <meta itemprop="startDate" content="2031-06-05T09:00:00+02:00">
  <p>When: <time itemprop="endDate" datetime="2031-06-05T10:15:00+02:00">10:15</time></p>
  <p itemprop="location" itemscope itemtype="https://schema.org/Place">Room: <span itemprop="name">Dune Hall</span></p>
  <h2>Speakers</h2>
  <ul>
    <li itemprop="performer" itemscope itemtype="https://schema.org/Person"><span class="badge">Moderator</span>
      <span itemprop="honorificPrefix">Ambassador</span> <a itemprop="url" href="/p/ola"><span itemprop="name">Ola Rask</span></a>
      <div><span itemprop="jobTitle">Envoy for Digital Affairs</span>, <span itemprop="affiliation" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Ministry of Coasts</span></span></div></li>
    <li itemprop="performer" itemscope itemtype="https://schema.org/Person"><span class="badge">Panelist</span>
      <span itemprop="name">Dr. Wen Castell</span>
      <div><span itemprop="jobTitle">Chief Risk Officer</span> at <span itemprop="affiliation" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Dune Bank</span></span></div></li>
    <li itemprop="performer" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Signal Lab</span></li>
  </ul>
</div>"""


def test_microdata_events_are_read_as_json_ld_events_are(tmp_path):
    root = write(tmp_path / "site", {
        "sessions/roundtable.html": page(None, MICRODATA),
        # a page that writes its event both ways is read once, from its JSON-LD
        "sessions/both.html": page(event("Roundtable: Sharing Signals", [person("Ola Rask")]), MICRODATA),
        "about.html": page(None, '<div itemscope itemtype="https://schema.org/Organization"><span itemprop="name">'
                                 'Harbour Forum</span></div>')})
    site = site_for(root)  # no profile: the microdata page is recognised
    assert site.selected.get("sessions/roundtable.html") == "jsonld" and "about.html" not in site.selected
    parsed = readers.read(read_document(root, root / "sessions/roundtable.html"), site)
    [session] = parsed.sessions
    assert (session.title, session.start.isoformat(), session.end.isoformat(), session.room) == (
        "Roundtable: Sharing Signals", "2031-06-05T09:00:00+02:00", "2031-06-05T10:15:00+02:00", "Dune Hall")
    # the honorific printed beside the name element is the person's; an organisation as performer is none
    assert [(r.role, r.name.honorific, r.name.name, [(p.title, p.organisation) for p in r.positions], r.line)
            for r in session.rows] == [
        ("moderator", "Ambassador", "Ola Rask", [("Envoy for Digital Affairs", "Ministry of Coasts")],
         line_of(root, "sessions/roundtable.html", "Ola Rask")),
        ("panellist", "Dr.", "Wen Castell", [("Chief Risk Officer", "Dune Bank")],
         line_of(root, "sessions/roundtable.html", "Wen Castell"))]
    # (the panellist it prints with a badge but leaves out of its JSON-LD is read from the printed page)
    assert [[r.printed_name for r in s.rows] for s in rows_of(root, "sessions/both.html", site)] == [
        ["Ola Rask", "Dr. Wen Castell"]]


def rows_of(root: Path, path: str, site):
    return readers.read(read_document(root, root / path), site).sessions


def test_a_row_points_to_the_printed_name_else_to_its_data(tmp_path):
    data = event("Harbour Futures", [person("Kai Strand", "Planner"), person("Liv Tamm", "Pilot")])
    text = page(data, "<h1>Harbour Futures</h1>\n<p>A talk on the next fifty years by</p>\n<p>Kai Strand, Planner</p>")
    text = text.replace(json.dumps(data), json.dumps(data, indent=1))  # the script's people on lines of their own
    root = write(tmp_path / "site", {"talk.html": text})
    [(_, found)] = rows(root, "talk.html")
    lines = text.splitlines()
    assert [(name, lines[line - 1].strip()) for _, _, name, _, line in found] == [
        ("Kai Strand", "<p>Kai Strand, Planner</p>"), ("Liv Tamm", '"name": "Liv Tamm",')]
