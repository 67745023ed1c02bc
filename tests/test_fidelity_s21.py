"""Session 21 fidelity: what new-user trials of new shapes found — a pretalx-style static schedule and a Webflow
export (session cards whose classes name their fields), an Eleventy site keeping its programme in a JavaScript
module, an Astro site's talk named "security-…", a think tank's WordPress event pages (The Events Calendar) and its
post-event reports — each read with no profile (the draft)."""

from __future__ import annotations

from pathlib import Path

from conftest import drafted_rows

from ingest.code_data import literal_data
from ingest.prose_people import prose_people


def card(link: str, start: str, title: str, speakers: str, track: str, room: str, abstract: str = "") -> str:
    """One session card as a pretalx-style list prints it (the time box, then the info: title, speakers,
    abstract, track and room, each in an element classed for it)."""
    about = f'<div class="abstract"><p>{abstract}</p></div>' if abstract else ""
    return (f'<a href="{link}"><div class="pretalx-session"><div class="pretalx-session-time-box">'
            f'<div class="start">{start}</div><div class="duration">45min</div></div>'
            f'<div class="pretalx-session-info"><div class="title">{title}</div><div class="speakers">{speakers}</div>'
            f'{about}<div class="bottom-info"><div class="track">{track}</div><div class="room">{room}</div></div>'
            f'</div></div></a>')


SCHEDULE = ('<html><body><header><h1>Havnelab 2031</h1></header><main><div id="fahrplan" class="list">'
            '<div class="pretalx-tabs"><label class="pretalx-tab-label" for="2031-09-12">Friday, Sept. 12, 2031</label>'
            '<label class="pretalx-tab-label" for="2031-09-13">Saturday, Sept. 13, 2031</label></div>'
            '<input name="tabs" id="2031-09-12" type="radio" checked>'
            '<div class="pretalx-list-day" data-start="2031-09-12T00:00:00+02:00">'
            '<div class="bucket-time">10:00</div>'
            + card("/2031/talk/AAA/", "10:00", "Opening", "Wiebke Sørensen, Teodor Lindahl", "Orga", "Hall 1",
                   "The organisers open the camp: house rules, the network, and where to find the coffee.")
            + card("/2031/talk/BBB/", "10:45", "Keynote: Mending Is a Civic Skill", "Amaka Obi", "Keynote", "Hall 1",
                   "Every repaired kettle is a small argument against the idea that things are made to be binned.")
            + card("/2031/talk/CCC/", "14:00", "Roundtable: Should makerspaces take public money?",
                   "Reza Tehrani, Jutta Koskinen, Luca Bianchi, Dr. Paweł Nowak", "Society & Politics", "Hall 1")
            + '</div><input name="tabs" id="2031-09-13" type="radio">'
            '<div class="pretalx-list-day" data-start="2031-09-13T00:00:00+02:00">'
            + card("/2031/talk/DDD/", "11:00", "Mesh radios in the allotment", "Siobhan Kearney", "Hardware & Making",
                   "Workshop")
            + card("/2031/talk/EEE/", "16:00", "Closing", "Teodor Lindahl", "Orga", "Hall 1")
            + '</div></div></main><footer>This is a static export generated at 2031-09-19 22:47 CEST</footer>'
              '</body></html>')


def speaker_page(name: str, cards: str) -> str:
    return (f'<html><body><main><h2>{name}</h2><section class="speaker-talks"><h4>Sessions</h4>{cards}</section>'
            '</main></body></html>')


def test_a_pretalx_style_schedule_of_session_cards(tmp_path: Path):
    teodor = speaker_page("Teodor Lindahl",
                          card("/2031/talk/AAA/", "10:00", "Opening", "Wiebke Sørensen, Teodor Lindahl", "Orga", "Hall 1")
                          + card("/2031/talk/EEE/", "16:00", "Closing", "Teodor Lindahl", "Orga", "Hall 1"))
    wiebke = speaker_page("Wiebke Sørensen",
                          card("/2031/talk/AAA/", "10:00", "Opening", "Wiebke Sørensen, Teodor Lindahl", "Orga", "Hall 1")
                          + card("/2031/talk/CCC/", "14:00", "Roundtable: Should makerspaces take public money?",
                                 "Reza Tehrani, Jutta Koskinen, Luca Bianchi, Dr. Paweł Nowak", "Society", "Hall 1"))
    found, text, seen = drafted_rows(tmp_path, {"2031/schedule/index.html": SCHEDULE,
                                                "2031/speaker/TLX/index.html": teodor,
                                                "2031/speaker/WSX/index.html": wiebke}, dated=True)
    # the speakers field lists names: "Wiebke Sørensen, Teodor Lindahl" is two people, no name and organisation
    assert found[("Teodor Lindahl", "Opening")] == ("remarks", None, None, None, "2031-09-12")
    assert found[("Wiebke Sørensen", "Opening")][2] is None
    assert found[("Paweł Nowak", "Roundtable: Should makerspaces take public money?")][0] == "panellist"
    assert found[("Amaka Obi", "Keynote: Mending Is a Civic Skill")][:3] == ("keynote", None, None)  # no abstract
    # the second day's panel dates its cards; the track is no position; the footer's date is nobody's
    assert found[("Siobhan Kearney", "Mesh radios in the allotment")] == ("speaker", None, None, None, "2031-09-13")
    assert found[("Teodor Lindahl", "Closing")][4] == "2031-09-13"
    # the speakers' pages repeat the schedule's cards: left out, each session read once
    assert "prints only sessions" in text and all(r["where"].startswith("2031/schedule/") for r in seen.rows)
    assert len(seen.rows) == 9


WEBFLOW = """<html><head><title>Agenda 2031 | Tisza Policy Forum</title></head><body>
<div class="w-tabs"><div class="w-tab-menu" role="tablist">
<a data-w-tab="Tab 1" class="w-tab-link w--current" role="tab" aria-controls="w-tabs-0-pane-0" href="#w-tabs-0-pane-0">Tuesday, 13 May 2031</a></div>
<div class="w-tab-content"><div data-w-tab="Tab 1" class="w-tab-pane" id="w-tabs-0-pane-0" role="tabpanel">
<div role="list" class="w-dyn-items">
<div role="listitem" class="session-item w-dyn-item"><div class="session-card">
<div class="session-time-wrap"><div class="session-time">10:30</div><div class="text-block-21">–</div><div class="session-time">11:45</div></div>
<div class="session-content"><div class="session-meta"><div class="session-tag">Panel</div><div class="session-room">Main Hall</div></div>
<h3 class="session-title">Trust on the River: Confidence-Building in Practice</h3>
<div class="session-desc w-richtext"><p>Which of the region's measures made it safer, and which stayed on paper?</p></div>
<div class="session-people">
<div class="speakers-block"><div class="people-label">Speakers</div><div role="list" class="w-dyn-items">
<div role="listitem" class="w-dyn-item"><a href="speakers/vesna-kralj.html" class="speaker-mini w-inline-block">
<div class="speaker-mini-name">Vesna Kralj</div><div class="text-block-15">Director, Regional Resilience Programme</div>
<div class="text-block-16">Sava Institute for Security Studies</div></a></div>
<div role="listitem" class="w-dyn-item"><a href="speakers/ondrej-hruby.html" class="speaker-mini w-inline-block">
<div class="speaker-mini-name">Ondřej Hrubý</div><div class="text-block-15">Partner</div>
<div class="text-block-16">Hrubý Lorenz Advokáti</div></a></div></div></div>
<div class="moderator-block"><div class="people-label moderator-label">Moderator</div><div role="list" class="w-dyn-items">
<div role="listitem" class="w-dyn-item"><a href="speakers/lea-brunner.html" class="speaker-mini w-inline-block">
<div class="speaker-mini-name">Lea Brunner</div><div class="text-block-15">Technology Editor</div>
<div class="text-block-16">Linzer Tagespost</div></a></div></div></div></div></div></div></div>
<div role="listitem" class="session-item w-dyn-item"><div class="session-card">
<div class="session-time-wrap"><div class="session-time">12:00</div><div class="text-block-21">–</div><div class="session-time">12:30</div></div>
<div class="session-content"><div class="session-meta"><div class="session-tag">Keynote</div><div class="session-room">Track A – Main Hall</div></div>
<h3 class="session-title">What the Region Saw in 2030</h3>
<div class="session-people"><div class="speakers-block"><div class="people-label">Speakers</div><div role="list" class="w-dyn-items">
<div role="listitem" class="w-dyn-item"><a href="speakers/ines-moura.html" class="speaker-mini w-inline-block">
<div class="speaker-mini-name">Inês Moura</div><div class="text-block-15">Head of Threat Intelligence</div>
<div class="text-block-16">Orbis Secure</div></a></div></div></div>
<div class="moderator-block w-condition-invisible"><div class="people-label moderator-label w-dyn-bind-empty"></div>
<div class="w-dyn-list"><div role="list" class="w-dyn-items w-dyn-hide"></div><div class="w-dyn-empty"><div>No items found.</div></div></div></div>
</div></div></div></div>
</div></div></div></div></body></html>"""


def test_a_webflow_agenda_of_cms_cards(tmp_path: Path):
    found, text, _ = drafted_rows(tmp_path, {"agenda-2031.html": WEBFLOW,
                                             "index.html": "<html><head><title>Home | Tisza Policy Forum</title></head>"
                                                           "<body><h1>Tisza Policy Forum</h1></body></html>"},
                                  dated=True)
    panel = "Trust on the River: Confidence-Building in Practice"
    # each card of a nested list one person: its name, then its title line and organisation line
    assert found[("Vesna Kralj", panel)] == ("panellist", "Director, Regional Resilience Programme",
                                             "Sava Institute for Security Studies", None, "2031-05-13")
    assert found[("Ondřej Hrubý", panel)][:3] == ("panellist", "Partner", "Hrubý Lorenz Advokáti")
    assert found[("Lea Brunner", panel)][:3] == ("moderator", "Technology Editor", "Linzer Tagespost")  # its label
    assert found[("Inês Moura", "What the Region Saw in 2030")][:3] == ("keynote", "Head of Threat Intelligence",
                                                                         "Orbis Secure")
    assert not any("No items" in name for name, _ in found)  # the template's hidden empty list
    assert 'name = "Tisza Policy Forum"' in text  # the site's title, from its pages' <title>


SCHEDULE_JS = """// Reef Stack Summit 2031 — programme data; speakers by id (see speakers.json)
const MAIN = 'Main Hall';
const brk = (time, title) => ({ time, title, type: 'break', room: 'Foyer' });

module.exports = [
  {
    day: 'Thursday 9 October 2031',
    slots: [
      brk('08:30', 'Registration'),
      { time: '09:15', title: 'Opening remarks', type: 'remarks', speakers: ['kadri-tamm'], room: MAIN, },
      {
        time: '10:15',
        title: "Who owns the registry? Governance models for shared data",
        type: 'panel',
        moderator: 'grace-mwangi',
        speakers: ['hana-sato', 'tomasz-wrobel',],
        room: MAIN,
      },
      // { time: '11:00', title: 'Cancelled talk', speakers: ['nobody'] },
    ],
  },
];
"""

SPEAKERS_JSON = """[
  {"id": "kadri-tamm", "name": "Kadri Tamm", "role": "Deputy Secretary General", "company": "Ministry of Digital Affairs",
   "country": "Estonia"},
  {"id": "grace-mwangi", "name": "Grace Mwangi", "role": "Programme Manager", "company": "Open Ledger Foundation",
   "country": "Kenya"},
  {"id": "hana-sato", "name": "Hana Sato", "role": "Architect", "company": "Digital Agency", "country": "Japan"},
  {"id": "tomasz-wrobel", "name": "Tomasz Wróbel", "role": "Data Engineer", "company": "Statistics Office",
   "country": "Poland"}
]
"""


def test_an_eleventy_programme_kept_in_a_javascript_module(tmp_path: Path):
    found, _, _ = drafted_rows(tmp_path, {"src/_data/schedule2031.js": SCHEDULE_JS, "src/_data/speakers.json": SPEAKERS_JSON,
                                          "src/index.njk": "---\nlayout: base.njk\n---\n<h1>{{ site.title }}</h1>\n",
                                          ".eleventy.js": "module.exports = function (config) { return {}; };\n"},
                               dated=True)
    panel = "Who owns the registry? Governance models for shared data"
    assert found[("Kadri Tamm", "Opening remarks")] == ("remarks", "Deputy Secretary General",
                                                         "Ministry of Digital Affairs", "EE", "2031-10-09")
    assert found[("Grace Mwangi", panel)][0] == "moderator"
    assert found[("Tomasz Wróbel", panel)][:3] == ("panellist", "Data Engineer", "Statistics Office")
    assert not any(session == "Cancelled talk" for _, session in found)  # commented out: no talk


def test_literal_data_of_typescript_and_javascript_modules():
    ts = """import { Speaker, Level } from './types'
export const rooms = { main: 'Main Hall' } as const;
export const speakers: Speaker[] = [
  { name: `Ann ${"Lee"}`, level: Level.Expert, room: rooms.main, ...{ org: 'Acme' } },
  { name: "Bo \\"Bobby\\" Chan", tags: [...['a'], 'b'], n: 0x10, when: new Date('2031-05-02T10:00') },
];
"""
    assert literal_data(ts, "ts")["speakers"] == [
        {"name": "Ann Lee", "level": "Expert", "room": "Main Hall", "org": "Acme"},
        {"name": 'Bo "Bobby" Chan', "tags": ["a", "b"], "n": 16, "when": "2031-05-02T10:00"}]
    assert literal_data("export default [{title: 'Keynote', speakers: ['ann']}];", "mjs") == {
        "default": [{"title": "Keynote", "speakers": ["ann"]}]}
    assert literal_data("export default function Agenda() { return <main>{items.map(x => <p>{x}</p>)}</main>; }",
                        "jsx") is None  # a component: nothing written down
    literal_data("const x = [1, 2", "js")  # a broken module raises nothing: its data is what parses


def test_a_talk_whose_slug_opens_with_a_repository_files_name_is_read(tmp_path: Path):
    talk = ("---\ntitle: Security Audits for Shared Code\nstart: 2031-10-16T11:00:00+01:00\nspeakers:\n"
            "  - mehdi-benali\n---\n\nWhat an audit of a shared library finds.\n")
    other = ("---\ntitle: Procurement Without Lock-in\nstart: 2031-10-16T10:00:00+01:00\nspeakers:\n"
             "  - ana-lopes\n---\n\nBuying open.\n")
    person = "---\nname: {name}\njobTitle: {job}\ncompany: {org}\n---\n\nA bio.\n"
    found, text, _ = drafted_rows(tmp_path, {
        "src/content/sessions/2031/security-audits-for-shared-code.mdx": talk,
        "src/content/sessions/2031/procurement-without-lock-in.mdx": other,
        "src/content/speakers/mehdi-benali.md": person.format(name="Mehdi Benali", job="Security Engineer", org="DINUM"),
        "src/content/speakers/ana-lopes.md": person.format(name="Ana Lopes", job="Buyer", org="City of Porto"),
        "SECURITY.md": "# Security\n\nReport issues to security@example.org.\n"})
    assert ("Mehdi Benali", "Security Audits for Shared Code") in found
    assert "security-audits" not in text.split("exclude", 1)[-1].split("\n")[0]


EVENT_PAGE = """<html><head><title>{title} - Northgate Institute</title></head>
<body class="tribe_events-template-default single single-tribe_events">
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/events/">Events</a></li></ul></nav>
<main id="tribe-events-pg-template"><div class="tribe-events-single">
<h1 class="tribe-events-single-event-title">{title}</h1>
<div class="tribe-events-schedule"><h2><span class="tribe-event-date-start">{day} @ 6:00 pm</span> - <span class="tribe-event-time">7:30 pm</span></h2></div>
<nav class="tribe-events-nav-pagination"><ul><li><a href="/event/x/">« Chile, Europe and the Lithium Question</a></li></ul></nav>
<div class="tribe-events-single-event-description tribe-events-content">{body}</div>
<div class="tribe-events-c-subscribe-dropdown"><ul><li><a href="https://www.google.com/calendar/event">Google Calendar</a></li>
<li><a href="webcal://x/?ical=1">iCalendar</a></li><li><a href="https://outlook.office.com/x">Outlook 365</a></li></ul></div>
</div></main></body></html>"""

REPORT = """<html><head><title>Summary report: Forum 2031 - Northgate Institute</title></head>
<body class="post-template-default single single-post"><article class="post type-post">
<h1 class="entry-title">Summary report: Forum 2031</h1><time class="entry-date published">28 October 2031</time>
<h2>Energy and networks</h2>
<p>The first panel, moderated by Julian Ashcroft of <em>The Continental Review</em>, brought together Ambassador Pieter
van Dam, until recently the Netherlands' envoy in Oslo, and Dr Lena Varga of the Pannonia Energy Institute.</p>
<p>In the session on minerals, chaired by Dr Fatima Benali, Thabo Nkosi of the Minerals Council and Claire Dupuis of
the European Commission debated supply chains.</p></article></body></html>"""


def test_a_think_tanks_event_pages_and_reports(tmp_path: Path):
    pages = {
        "event/book-launch/index.html": EVENT_PAGE.format(
            title="Book Launch: The Quiet Coast", day="May 22, 2031",
            body="<p>We are delighted to host the launch of the book.</p><h3>Speakers</h3>"
                 "<p><strong>Dr Astrid Holm</strong><br>Associate Professor of Political Science, University of Nordkapp"
                 "<br>Fellow, Polar Governance Network</p><p><strong>Aleksi Korpela</strong><br>Senior Arctic Official, "
                 "Ministry for Foreign Affairs of Finland</p><p><strong>Chair:</strong> Professor David Okoro, "
                 "Emeritus Professor of International Relations, St Aldhelm College</p>"),
        "event/lithium/index.html": EVENT_PAGE.format(
            title="Chile, Europe and the Lithium Question", day="March 12, 2031",
            body="<p>Join us for a discussion with H.E. Mr. Rodrigo Fuentes, Ambassador of Chile to the United Kingdom, "
                 "and Dr. Miriam Achterberg, Lecturer in Economic Geography at the University of Westmoor, on the "
                 "future of cooperation between Chile and Europe on critical raw materials.</p>"),
        "event/roundtable/index.html": EVENT_PAGE.format(
            title="Roundtable: Labour Mobility in the Western Balkans", day="November 27, 2031",
            body="<p><strong>Panellists:</strong></p><ul><li>Mr Arben Hoxha, Deputy Minister, Ministry of Labour of "
                 "Albania</li><li>Dr Jelena Marić, Senior Researcher, Institute for Social Policy</li></ul>"
                 "<p><strong>Moderator:</strong> Amina Yusuf (<em>The Evening Courier</em>)</p>"),
        "reports/forum-2031-summary/index.html": REPORT,
    }
    found, _, seen = drafted_rows(tmp_path, pages, dated=True)
    book = "Book Launch: The Quiet Coast"
    assert found[("Astrid Holm", book)] == ("speaker", "Associate Professor of Political Science",
                                            "University of Nordkapp", None, "2031-05-22")  # the h2 under the h1 dates it
    assert found[("David Okoro", book)][0] == "moderator"
    assert found[("Arben Hoxha", "Roundtable: Labour Mobility in the Western Balkans")][0] == "panellist"
    assert found[("Miriam Achterberg", "Chile, Europe and the Lithium Question")][2] == "University of Westmoor"
    assert not any(name in ("Google Calendar", "iCalendar", "Outlook 365") for name, _ in found)
    assert not any(r["where"].startswith("reports/") for r in seen.rows)  # a blog post recounting the event


def test_a_chair_line_ending_in_a_newspapers_name_in_italics(tmp_path: Path):
    page = ("<html><body><h2>Thursday 17 October 2031</h2><h4>11:00 – 12:30</h4>"
            "<h4>Session 2A: Critical Minerals</h4><p><em>Elgar Room</em></p>"
            "<p>Chair: Dr Fatima Benali, Associate Professor, Institute of Strategic Studies</p>"
            "<h4>Session 2B: Resilience of Critical Infrastructure</h4><p><em>Purcell Room</em></p>"
            "<p>Chair: Niamh Walsh, Technology Correspondent, <em>The Dublin Ledger</em></p>"
            "<p>Markus Feld, Head of Grid Security, Rhein Energie AG</p></body></html>")
    found, _, _ = drafted_rows(tmp_path, {"events/forum-2031/index.html": page})
    assert found[("Niamh Walsh", "Session 2B: Resilience of Critical Infrastructure")][:3] == (
        "moderator", "Technology Correspondent", "The Dublin Ledger")


def test_a_clause_after_a_position_in_prose_is_no_part_of_it():
    found = prose_people("Join us for a discussion with Dr. Miriam Achterberg, Lecturer in Economic Geography at the "
                         "University of Westmoor, on the future of cooperation between Chile and Europe.")
    assert [(p.title, p.organisation) for p in found[0].positions] == [("Lecturer in Economic Geography",
                                                                        "University of Westmoor")]
