"""The cards reader: HTML speaker cards (raw HTML and HTML inside Markdown), profile pages, made-up and real."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from conftest import SHARED, corpus, ingested, write_files as write
from graph.errors import IngestError
from graph.report import counts
from graph.results import table
from ingest import readers
from ingest.loader import site_for
from ingest.person_pattern import looks_like_name
from ingest.read import read_document
from ingest.tidy import not_a_person

HERE = Path(__file__).resolve().parent
SITES = SHARED / "sites"
PREFIX = "PREFIX sg: <https://w3id.org/speakergraph/vocab#>\nPREFIX schema: <https://schema.org/>\n"


def parse(root: Path, rel: str, profile: Path | None = None):
    """One file read, tidied and normalized as the loader does."""
    site = site_for(root, profile_path=profile or root / "speakergraph.toml")
    return readers.read(read_document(root, root / rel), site)


def people(session):
    return [(r.role_label, r.role, r.printed_name, r.person_key, [(p.title, p.organisation) for p in r.positions])
            for r in session.rows]


# --- delegate cards in raw HTML: one page, one meeting ---------------------------------------------------

EDITION = """---
title: Harbour Forum 2031 @ Portville
permalink: /past-events/2031/
---
<style>.x {color: red}</style>
<div class="main">
  <figure class="banner"><img alt="banner" src="/b.png">
    <figcaption>
      <h3>Harbour Forum 2031 @ Portville</h3>
      <ul>
        <li><i class="icon icon-calendar"></i>22 - 23 June 2031</li>
        <li><i class="icon icon-clock"></i>1.00pm (CET) - 5.00pm (CET)</li>
        <li><i class="icon icon-place"></i>Quay Hall</li>
      </ul>
    </figcaption>
  </figure>
  <h4>Heads of Delegation</h4>
  <ul>
    <li><figure class="delegate"><img src="/a.jpg" alt="Someone Else">
      <figcaption><h5>Capt. Ada Moreno</h5><p>Harbour Master, Port of Examplia</p></figcaption></figure></li>
    <li><figure class="delegate"><img src="/b.jpg" alt="Ben Okafor">
      <figcaption><h5>Ben Okafor</h5><strong>Guest Speaker</strong>
      <p>Partner, Rotterdam Office, Quayside &amp; Company</p></figcaption></figure></li>
    <li><figure class="delegate"><img src="/c.jpg" alt="Chen Wei">
      <figcaption><h5>H.E. Chen Wei</h5><p>Chief Executive, Examplia Ports Group - Opening Address</p></figcaption>
    </figure></li>
    <li><figure class="delegate"><figcaption><h5></h5><p></p></figcaption></figure></li>
  </ul>
</div>
"""

EDITION_PROFILE = """
[site]
series = "harbour"
[[parts]]
files = "events/*.md"
reader = "cards"
card = "figure.delegate"
name = "figcaption h5"
role = "figcaption strong"
position = "figcaption p"
role_label = "Head of Delegation"
edition = "figure.banner figcaption h3"
date = "figure.banner li"
time = "figure.banner li"
place = "figure.banner li:has(i.icon-place)"
"""


@pytest.fixture
def harbour(tmp_path):
    return write(tmp_path, {"speakergraph.toml": EDITION_PROFILE, "events/2031.md": EDITION})


def test_a_card_page_is_one_session_for_its_meeting(harbour):
    parsed = parse(harbour, "events/2031.md")
    [session] = parsed.sessions
    assert (session.title, session.date.isoformat(), session.key) == ("Harbour Forum 2031 @ Portville", "2031-06-22", "2031")
    assert (session.start.hour, session.end.hour, session.room) == (13, 17, "Quay Hall")  # not "22 - 23" as a time
    assert session.date_label == "22 - 23 June 2031"


def test_cards_give_name_role_and_position_and_role_words_after_the_title(harbour):
    [session] = parse(harbour, "events/2031.md").sessions
    assert people(session) == [
        ("Head of Delegation", "other", "Capt. Ada Moreno", "ada-moreno", [("Harbour Master", "Port of Examplia")]),
        ("Guest Speaker", "speaker", "Ben Okafor", "ben-okafor", [("Partner", "Rotterdam Office, Quayside & Company")]),
        ("Opening Address", "remarks", "H.E. Chen Wei", "chen-wei", [("Chief Executive", "Examplia Ports Group")]),
    ]  # the empty card is skipped; the alt text ("Someone Else") is not trusted over the visible name


def test_card_rows_carry_the_line_of_the_card(harbour):
    [session] = parse(harbour, "events/2031.md").sessions
    text = (harbour / "events/2031.md").read_text().split("\n")
    for row in session.rows:
        assert row.printed_name.split()[-1] in text[row.line - 1]


def test_an_accordion_heading_holds_name_title_and_organisation(tmp_path):
    root = write(tmp_path, {
        "speakergraph.toml": '[[parts]]\nfiles = "*.md"\nreader = "cards"\ncard = "div.acc"\nperson = "h5"\n'
                             'default_date = "2032-09-22"\n',
        "delegates.md": "---\ntitle: Delegates\n---\n<div class=\"acc\"><img alt=\"x\"><h5>Capt Ivo Tan, General Manager, "
                        "Port of Examplia</h5><h6>Bio:</h6><p>Text.</p></div>\n<div class=\"acc\"><h5>Ms Ola Berg, Director, "
                        "Dock Board</h5></div>\n"})
    [session] = parse(root, "delegates.md").sessions
    assert session.date.isoformat() == "2032-09-22"
    assert [(r.printed_name, r.name.name, [(p.title, p.organisation) for p in r.positions]) for r in session.rows] == [
        ("Capt Ivo Tan", "Ivo Tan", [("General Manager", "Port of Examplia")]),
        ("Ms Ola Berg", "Ola Berg", [("Director", "Dock Board")])]


def test_a_card_page_without_a_date_is_skipped_with_the_fix(tmp_path):
    root = write(tmp_path, {"speakergraph.toml": '[[parts]]\nfiles = "*.md"\nreader = "cards"\ncard = "div.c"\nname = "b"\n',
                            "team.md": "---\ntitle: Team\n---\n<div class=\"c\"><b>Ada Moreno</b></div>\n"})
    parsed = parse(root, "team.md")
    assert parsed.sessions == []
    assert any("default_date" in n.message for n in parsed.notes)


def test_a_page_without_cards_is_skipped_with_a_note(harbour):
    write(harbour, {"events/declaration.md": "---\ntitle: Declaration\n---\n<p>We declare.</p>\n"})
    parsed = parse(harbour, "events/declaration.md")
    assert parsed.sessions == [] and "no card matches" in parsed.notes[0].message


# --- card grids in Markdown pages, roles from headings, profile pages ---------------------------------

GRID = """---
title: Organisers
permalink: /organisers/
---
## Facilitators

<div class="row">
<div class="col"><a href="/Organiser-Profiles/ana-lima"><img alt="Anna Lima"></a><br><strong>Dr Ana LIMA</strong><br><span><em>Director of Research, Topos Lab</em></span><br><br></div>
<div class="col"></div>
</div>

## Sherpas

<div class="row">
<div class="col"><a href="https://conf.example.org/organiser-profiles/kim-tran.html"><img alt="kim"></a><br><strong>TRAN Kim Anh</strong><br><em>Chief Executive, Harbour Analytics; Adjunct Professor, Examplia University</em></div>
</div>
"""

PROFILE_ANA = """---
title: Dr Ana Lima
permalink: /organiser-profiles/ana-lima/
---
<div><img src="/img/ana.jpg" alt="Dr Ana Lima"></div>

**Dr Ana LIMA**<br>*Director of Research*<br>*Topos Lab*<br>*Professor*<br>*Examplia University*<br>

---

Ana studies harbours.
"""

PROFILE_KIM = """---
title: Tran Kim Anh
permalink: /organiser-profiles/kim-tran/
---
**TRAN Kim Anh**<br>*Chief Executive, Harbour Analytics*<br>

---

Kim runs analytics.
"""

GRID_PROFILE = """
[site]
series = "conf"
base_url = "https://conf.example.org"
[[parts]]
files = "people/*.md"
reader = "cards"
card = "div.col"
name = "strong"
position = "em"
role_from = "heading"
default_date = "2033-12-04"
[[parts]]
files = "profiles/*.md"
reader = "cards"
page = "profile"
"""


@pytest.fixture
def conf(tmp_path):
    return write(tmp_path, {"speakergraph.toml": GRID_PROFILE, "people/organisers.md": GRID,
                            "profiles/ana.md": PROFILE_ANA, "profiles/kim.md": PROFILE_KIM})


def test_the_heading_above_a_card_names_its_role(conf):
    [session] = parse(conf, "people/organisers.md").sessions
    assert [(r.role_label, r.role, r.printed_name) for r in session.rows] == [
        ("Facilitators", "moderator", "Dr Ana LIMA"), ("Sherpas", "other", "TRAN Kim Anh")]
    assert (session.title, session.date.isoformat(), session.key) == ("Organisers", "2033-12-04", "organisers")


def test_card_links_are_normalised_permalinks(conf):
    [session] = parse(conf, "people/organisers.md").sessions
    assert [r.link for r in session.rows] == ["/organiser-profiles/ana-lima/", "/organiser-profiles/kim-tran/"]
    assert [[(p.title, p.organisation) for p in r.positions] for r in session.rows][1] == [
        ("Chief Executive", "Harbour Analytics"), ("Adjunct Professor", "Examplia University")]


def test_a_profile_page_is_a_speaker_with_positions_and_biography(conf):
    [page] = parse(conf, "profiles/ana.md").speakers
    assert (page.printed_name, page.person_key, page.permalink, page.image) == (
        "Dr Ana Lima", "ana-lima", "/organiser-profiles/ana-lima/", "/img/ana.jpg")
    assert [(p.title, p.organisation) for p in page.positions] == [
        ("Director of Research", "Topos Lab"), ("Professor", "Examplia University")]
    assert page.biography == "Ana studies harbours." and page.line == 7


def test_cards_and_profiles_meet_in_one_person(conf):
    store = ingested(conf, profile_path=conf / "speakergraph.toml")
    [[met]] = table(store.query(PREFIX + """
        SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?a sg:person ?p . ?p schema:description ?bio }""")).values()
    assert counts(store)["people"] == 2 and int(met) == 2  # each card's person has the biography of its profile


@pytest.mark.parametrize("options, message", [
    ({"card": ".c", "nmae": "b"}, "unknown option 'nmae' (did you mean 'name'?)"),
    ({"card": "div[", "name": "b"}, "is not a CSS selector"),
    ({"page": "profiles"}, "page must be"),
    ({"default_date": "someday"}, "is no date"),
    ({"role_from": "headings"}, "role_from must be"),
])
def test_bad_options_name_the_option(tmp_path, options, message):
    lines = "".join(f'{k} = "{v}"\n' for k, v in options.items())
    root = write(tmp_path, {"speakergraph.toml": f'[[parts]]\nfiles = "*.md"\nreader = "cards"\n{lines}'})
    with pytest.raises(IngestError, match=re.escape(message)):
        site_for(root)


# --- the real sites (../shared/corpus/sites) ------------------------------------------------------------


@pytest.fixture(scope="module")
def par_parsed():
    root = corpus(SITES / "isomerpages__mpa-par")
    site = site_for(root, profile_path=HERE / "profiles" / "mpa-par.toml")
    return [readers.read(read_document(root, p), site) for p in site.paths()]


def test_mpa_par_eight_meetings_and_125_delegates(par_parsed):
    sessions = [s for parsed in par_parsed for s in parsed.sessions]
    assert sorted(s.date.year for s in sessions) == [2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023]
    assert [len(s.rows) for s in sorted(sessions, key=lambda s: s.date)] == [11, 12, 14, 15, 16, 23, 17, 17]
    keys = Counter(r.person_key for s in sessions for r in s.rows)
    editions = defaultdict(set)
    for s in sessions:
        for r in s.rows:
            editions[r.person_key].add(s.date.year)
    # the README counts about 81 people: name variants of one person ("K. Subramaniam", "Subramaniam
    # Karuppiah", "Capt Subramaniam Kuruppiah") stay apart by name and are left to identity review
    assert 85 <= len(keys) <= 95
    assert sum(1 for years in editions.values() if len(years) >= 2) >= 18


def test_mpa_par_exact_rows(par_parsed):
    rows = {(s.date.year, r.name.name): r for parsed in par_parsed for s in parsed.sessions for r in s.rows}
    fox = rows[(2019, "Fox Chu")]
    assert (fox.role_label, fox.role, [(p.title, p.organisation) for p in fox.positions]) == (
        "Guest Speaker", "speaker", [("Partner", "Hong Kong Office, Mckinsey & Company")])
    opening = rows[(2022, "Mohamed Juma Al Shamisi")]
    assert (opening.role_label, opening.role, opening.positions[0].organisation) == (
        "Opening Address", "remarks", "AD Ports Group")
    capt = rows[(2023, "Subramaniam Kuruppiah")]
    assert (capt.printed_name, capt.positions[0].title, capt.positions[0].organisation) == (
        "Capt Subramaniam Kuruppiah", "General Manager", "Port Klang Authority")
    when = {s.date.year: s for parsed in par_parsed for s in parsed.sessions}
    assert (when[2021].date.isoformat(), when[2021].start.hour, when[2019].room) == (
        "2021-06-22", 13, "Kobe Meriken Park Oriental Hotel, 4F Ginga")


@pytest.fixture(scope="module")
def scai_parsed():
    root = corpus(SITES / "isomerpages__mci-scai")
    site = site_for(root, profile_path=HERE / "profiles" / "mci-scai.toml")
    return [readers.read(read_document(root, p), site) for p in site.paths()]


def test_mci_scai_59_cards_and_60_profiles_for_60_people(scai_parsed):
    sessions = [s for parsed in scai_parsed for s in parsed.sessions]
    pages = [p for parsed in scai_parsed for p in parsed.speakers]
    assert sorted(len(s.rows) for s in sessions) == [3, 14, 42] and len(pages) == 60
    card_keys = {r.person_key for s in sessions for r in s.rows}
    page_keys = {p.person_key for p in pages}
    assert len(card_keys) == 59 and card_keys < page_keys and len(page_keys | card_keys) == 60
    roles = Counter((r.role_label, r.role) for s in sessions for r in s.rows)
    assert roles[("Facilitators", "moderator")] == 2 and roles[("Sherpas", "other")] == 12


def test_mci_scai_exact_rows(scai_parsed):
    rows = {r.person_key: r for parsed in scai_parsed for s in parsed.sessions for r in s.rows}
    pages = {p.person_key: p for parsed in scai_parsed for p in parsed.speakers}
    assert (rows["rumman-chowdhury"].printed_name, rows["rumman-chowdhury"].link) == (
        "Dr Rumman CHOWDHURY", "/profiles/rumman-chowdhury/")
    assert rows["sutowo-wong"].link == "/organiser-profiles/sutowo-wong/"  # printed without the trailing slash
    assert [(p.title, p.organisation) for p in pages["andrew-critch"].positions] == [
        ("Chief Executive Officer", "Encultured AI"), ("Research Scientist", "University of California, Berkeley")]
    assert pages["alan-qi"].printed_name == "Professor Qi Yuan (Alan)"


@pytest.mark.parametrize("source", ["isomerpages__mpa-par", "isomerpages__mci-scai"])
def test_no_heading_job_title_or_organisation_becomes_a_person(source):
    root = corpus(SITES / source)
    profile = HERE / "profiles" / f"{source.split('__')[1]}.toml"
    site = site_for(root, profile_path=profile)
    for path in site.paths():
        parsed = readers.read(read_document(root, path), site)
        names = [r.name.name for s in parsed.sessions for r in s.rows] + [p.name.name for p in parsed.speakers]
        assert all(not_a_person(n) is None and looks_like_name(n) for n in names), (path, names)


def test_mpa_par_ingests_into_a_store():
    root = corpus(SITES / "isomerpages__mpa-par")
    found = counts(ingested(root, profile_path=HERE / "profiles" / "mpa-par.toml"))
    assert (found["sessions"], found["appearances"], found["editions"]) == (8, 125, 8)


# --- a card's own heading, and a page titled by its <h1> -------------------------------------------


def test_a_heading_inside_a_card_is_its_name_not_the_next_cards_role(tmp_path):
    page = """<html><head><title>Day 1 | Tidewater Summit</title></head><body>
<h1>Tidewater Summit 2034: Day 1</h1><p class="when">Tuesday, 6 June 2034</p>
<div class="speakers">
  <h2>Guest of Honour</h2>
  <div class="speaker"><h3>Mrs Ada Reef</h3><p class="title">Minister of State, Ministry of Tides</p></div>
  <h2>Keynote Speakers</h2>
  <div class="speaker"><h3>Prof. Bo Wave</h3><p class="title">Chair of Currents, Harbour University</p></div>
  <div class="speaker"><h3>Dr Cy Shoal</h3><p class="title">Chief Scientist, Reefworks</p></div>
</div></body></html>"""
    profile = ('[[parts]]\nfiles = "*.html"\nreader = "cards"\ncard = "div.speaker"\nname = "h3"\n'
               'position = "p"\nrole_from = "heading"\ndate = "p.when"\n')
    root = write(tmp_path, {"day1.html": page, "speakergraph.toml": profile})
    session, = parse(root, "day1.html").sessions
    assert session.title == "Tidewater Summit 2034: Day 1"  # the page's <h1>, not the file name "day1"
    assert [(r.role_label, r.name.name) for r in session.rows] == [
        ("Guest of Honour", "Ada Reef"), ("Keynote Speakers", "Bo Wave"), ("Keynote Speakers", "Cy Shoal")]


def test_index_pages_of_a_mirrored_site_are_sessions_of_their_folders(tmp_path):
    page = ('<html><head><title>{0}</title></head><body><h1>{0}</h1><p><span class="when">Thursday, 11 March 2032'
            '</span></p><div class="speaker-card"><h4>{1}</h4><p>Director, Example Agency</p></div></body></html>')
    root = write(tmp_path / "mirror", {
        "events/morning-panel/index.html": page.format("Morning Panel", "Ann Lee"),
        "events/evening-panel/index.html": page.format("Evening Panel", "Bo Chan"),
        "speakergraph.toml": '[site]\nseries = "forum"\n[[parts]]\nfiles = "events/*/index.html"\nreader = "cards"\n'
                             'card = "div.speaker-card"\nname = "h4"\nposition = "p"\ndate = "span.when"\n'})
    store = ingested(root, profile_path=root / "speakergraph.toml")
    found = table(store.query(PREFIX + """SELECT ?s ?name WHERE { ?a sg:session ?s ; sg:person/schema:name ?name }
                                          ORDER BY ?name""")).values()
    assert [(s.rsplit("/", 1)[-1], name) for s, name in found] == [("morning-panel", "Ann Lee"),
                                                                  ("evening-panel", "Bo Chan")]


def test_a_role_printed_before_the_person_and_a_time_on_the_date_line(tmp_path):
    root = write(tmp_path / "forum", {
        "events/norms/index.html": (
            '<h1>Cyber Norms</h1><p class="when">Thursday, 13 March 2031, 14:00–15:30 CET</p>'
            '<ul class="speakers"><li><strong>Prof. Erik Lind</strong>, Professor, Uppsala University</li></ul>'
            '<p class="mod"><strong>Moderator:</strong> Dr. Elin Sand, Director of Programmes, Example Forum</p>'
            '<p class="mod">Sponsored by our friends</p>'),
        "speakergraph.toml": '[site]\nseries = "forum"\n[[parts]]\nfiles = "events/*/index.html"\nreader = "cards"\n'
                             'card = "ul.speakers li, p.mod"\nperson = "li, p"\ndate = "p.when"\nedition = "h1"\n'})
    parsed = parse(root, "events/norms/index.html")
    [session] = parsed.sessions
    assert (session.start.isoformat(), session.end.isoformat()) == ("2031-03-13T14:00:00+01:00",
                                                                   "2031-03-13T15:30:00+01:00")
    assert [(r.role_label, r.name.name, [(p.title, p.organisation) for p in r.positions]) for r in session.rows] == [
        ("Speaker", "Erik Lind", [("Professor", "Uppsala University")]),
        ("Moderator", "Elin Sand", [("Director of Programmes", "Example Forum")])]
    assert [n.message for n in parsed.notes if n.kind == "skipped-row"] == [
        "card 'Sponsored by our friends' names no person the reader can tell — skipped; check the part's person "
        "selector"]


def test_a_talk_page_dated_without_a_year_and_a_keynote_by_its_title(tmp_path):
    talk = ('<h1>Keynote: Software That Lasts</h1><p class="when">Wed 12 May, 14:30–15:15</p>'
            '<section class="speakers"><ul><li><a href="/speakers/ann-lee/">Ann Lee</a></li></ul></section>')
    root = write(tmp_path / "summit", {
        "talks/software-that-lasts/index.html": talk,
        "speakergraph.toml": '[site]\nseries = "summit"\nyear = 2032\ntimezone = "Europe/Oslo"\n[[parts]]\n'
                             'files = "talks/*/index.html"\nreader = "cards"\ncard = "section.speakers li"\n'
                             'name = "a"\nedition = "h1"\ndate = ".when"\ntime = ".when"\n'})
    [session] = parse(root, "talks/software-that-lasts/index.html").sessions
    assert (session.start.isoformat(), session.end.isoformat()) == ("2032-05-12T14:30:00+02:00",
                                                                   "2032-05-12T15:15:00+02:00")
    assert [(r.role_label, r.role, r.name.name, r.link) for r in session.rows] == [
        ("Keynote", "keynote", "Ann Lee", "/speakers/ann-lee/")]


def test_speaker_pages_of_a_generated_site_read_by_selectors_join_the_talks(tmp_path):
    talk = ('<h1>Postgres at the Edge</h1><p class="when">Wed 12 May, 11:00–11:45</p>'
            '<section class="speakers"><ul><li><a href="/speakers/ann-lee/">Ann Lee</a></li></ul></section>')
    person = ('<header><img src="/img/site.png"><nav><a href="/speakers/">Speakers</a></nav></header><main>'
              '<img src="/img/conf-logo.svg"><img src="/img/ann.jpg"><h1 class="name">Ann Lee</h1><p><span class="job">Staff Engineer</span>, <span class="org">Lumen Pay'
              '</span></p><section class="bio"><p>Ann builds databases.</p></section></main>')
    root = write(tmp_path / "summit", {
        "talks/postgres-at-the-edge/index.html": talk, "speakers/ann-lee/index.html": person,
        "speakergraph.toml": '[site]\nseries = "summit"\nyear = 2032\n[[parts]]\nfiles = "talks/*/index.html"\n'
                             'reader = "cards"\ncard = "section.speakers li"\nname = "a"\nedition = "h1"\n'
                             'date = ".when"\n[[parts]]\nfiles = "speakers/*/index.html"\nreader = "cards"\n'
                             'page = "profile"\nname = "h1.name"\ntitle = ".job"\norganisation = ".org"\n'
                             'biography = ".bio"\n'})
    [page] = parse(root, "speakers/ann-lee/index.html").speakers  # the photo: not the header's image nor a logo
    assert (page.printed_name, page.permalink, [(p.title, p.organisation) for p in page.positions], page.biography,
            page.image) == ("Ann Lee", "/speakers/ann-lee/", [("Staff Engineer", "Lumen Pay")], "Ann builds databases.",
                            "/img/ann.jpg")
    store = ingested(root, profile_path=root / "speakergraph.toml")
    found = table(store.query(PREFIX + """SELECT ?name ?org WHERE { ?a sg:person/schema:name ?name ;
                                          sg:position/sg:organisationLabel ?org }""")).values()
    assert found == [["Ann Lee", "Lumen Pay"]]


def test_a_card_prints_its_country_and_a_role_in_brackets_after_the_person(tmp_path):
    event = ('<h1>Danube Cyber Dialogue</h1><p class="when">14 March 2031</p><h2>Speakers</h2>'
             '<div class="speaker-card"><h4>Dr Jana Novak</h4><p class="speaker-title">Director, CERT Example</p>'
             '<p class="speaker-country">Czechia</p></div>'
             '<ul class="list"><li><strong>Ms Zofia Toth</strong>, Policy Advisor, Danube Alliance (moderator)</li></ul>')
    root = write(tmp_path / "forum", {
        "events/dialogue.html": event,
        "speakergraph.toml": '[site]\nseries = "forum"\n[[parts]]\nfiles = "events/*.html"\nreader = "cards"\n'
                             'card = "div.speaker-card"\nname = "h4"\nposition = "p.speaker-title"\n'
                             'country = "p.speaker-country"\ndate = ".when"\n[[parts]]\nfiles = "events/*.html"\n'
                             'reader = "cards"\ncard = "ul.list li"\nperson = "li"\ndate = ".when"\n'})
    rows = [r for s in parse(root, "events/dialogue.html").sessions for r in s.rows]
    assert [(r.role, r.name.name, [(p.title, p.organisation) for p in r.positions], r.country_code) for r in rows] == [
        ("speaker", "Jana Novak", [("Director", "CERT Example")], "CZ"),
        ("moderator", "Zofia Toth", [("Policy Advisor", "Danube Alliance")], None)]
