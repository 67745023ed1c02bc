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


WORD_AGENDA = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta name=Generator content="Microsoft Word 15 (filtered)"><title>Draft Programme</title></head>
<body lang=EN-GB><div class=WordSection1>
<p class=MsoNormal><b><span lang=EN-GB>Tuesday, 14 November 2031</span></b></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
 <tr><td width=95 valign=top><p class=MsoNormal><b>Time</b></p></td><td width=198 valign=top><p class=MsoNormal><b>Session</b></p></td>
  <td width=308 valign=top><p class=MsoNormal><b>Speakers</b></p></td></tr>
 <tr><td width=95 valign=top><p class=MsoNormal><span lang=EN-GB>09:15 – 10:00</span></p></td>
  <td width=198 valign=top><p class=MsoNormal><b><span lang=EN-GB>Opening Session</span></b></p></td>
  <td width=308 valign=top><p class=MsoNormal><i><span lang=EN-GB>Opening remarks by:</span></i></p>
  <p class=MsoNormal><b><span lang=EN-GB>H.E. Dr. Mariella Vella
  Bonnici</span></b></p>
  <p class=MsoNormal><i><span lang=EN-GB>Minister</span></i></p>
  <p class=MsoNormal><span lang=EN-GB>Ministry for the Blue Economy and
  Fisheries, Malta</span></p>
  <p class=MsoNormal><span lang=EN-GB>&nbsp;</span></p>
  <p class=MsoNormal><i><span lang=EN-GB>Keynote address by:</span></i></p>
  <p class=MsoNormal><b><span lang=EN-GB>Prof. Elena Marchetti</span></b></p>
  <p class=MsoNormal><i><span lang=EN-GB>Director</span></i></p>
  <p class=MsoNormal><span lang=EN-GB>Ligurian Institute for Ocean Governance, Italy</span></p></td></tr>
 <tr><td width=95 valign=top><p class=MsoNormal><span lang=EN-GB>10:00 – 11:30</span></p></td>
  <td width=198 valign=top><p class=MsoNormal><b><span lang=EN-GB>PANEL 1</span></b></p>
  <p class=MsoNormal><b><span lang=EN-GB>Financing the Blue Transition: Public
  and Private Pathways</span></b></p></td>
  <td width=308 valign=top><p class=MsoNormal><u><span lang=EN-GB>Moderator:</span></u></p>
  <p class=MsoNormal><b><span lang=EN-GB>Ms. Sofia Papadaki</span></b></p>
  <p class=MsoNormal><i><span lang=EN-GB>Senior Programme
  Officer</span></i></p>
  <p class=MsoNormal><span lang=EN-GB>Mediterranean Coastal Cooperation Secretariat</span></p></td></tr>
</table></div></body></html>"""


def test_a_word_agenda_saved_as_a_web_page(tmp_path: Path):
    found, _, _ = drafted_rows(tmp_path, {"events/2031/agenda.htm": WORD_AGENDA}, dated=True)
    # the source's line breaks are spaces, as a browser prints them; a label alone on its line gives the role of the
    # person below; a name, then a title line, then the organisation line with its country
    assert found[("Mariella Vella Bonnici", "Opening Session")] == (
        "remarks", "Minister", "Ministry for the Blue Economy and Fisheries", "MT", "2031-11-14")
    assert found[("Elena Marchetti", "Opening Session")][:3] == ("keynote", "Director",
                                                                 "Ligurian Institute for Ocean Governance")
    panel = "PANEL 1: Financing the Blue Transition: Public and Private Pathways"  # the kind line and the bold title
    assert found[("Sofia Papadaki", panel)][:3] == ("moderator", "Senior Programme Officer",
                                                    "Mediterranean Coastal Cooperation Secretariat")


CVENT = """<html><body><div id="root"><h2 class="css-1q2w3e">Wednesday, September 3, 2031</h2>
<div class="css-9pfjoak" data-cvent-id="agenda-session"><div class="css-1ll7mya" data-cvent-id="session-time">
<span data-cvent-id="session-start-time">9:45 AM</span> - <span data-cvent-id="session-end-time">11:00 AM</span></div>
<h3 class="css-bvctke0" data-cvent-id="session-name">High-Level Panel: Data and the Fragmenting Internet</h3>
<div class="css-mfxnswy" data-cvent-id="session-location"><span>Marina Ballroom</span></div>
<div class="css-ryxa6ft" data-cvent-id="session-speakers"><h4 class="css-e67svnv">Speakers</h4><div class="css-jh9l812">
<div class="css-t76pj0i" data-cvent-id="speaker-chip"><img class="css-hq" src="a.jpg" alt=""><div class="css-isg">
<span class="css-5fa" data-cvent-id="speaker-role">Moderator</span>
<div class="css-mox" data-cvent-id="speaker-name">Ms. Clara Ruiz-Ferrer</div>
<div class="css-hva" data-cvent-id="speaker-title">Editor-at-Large</div>
<div class="css-hva" data-cvent-id="speaker-company">Europa Dispatch</div></div></div>
<div class="css-t76pj0i" data-cvent-id="speaker-chip"><img class="css-hq" src="b.jpg" alt=""><div class="css-isg">
<div class="css-mox" data-cvent-id="speaker-name">Mr. Arjun Mehta</div>
<div class="css-hva" data-cvent-id="speaker-title">Joint Secretary</div>
<div class="css-hva" data-cvent-id="speaker-company">Ministry of External Affairs, India</div></div></div>
<div class="css-t76pj0i" data-cvent-id="speaker-chip"><img class="css-hq" src="c.jpg" alt=""><div class="css-isg">
<div class="css-mox" data-cvent-id="speaker-name">Ms. Rachel Goh</div>
<div class="css-hva" data-cvent-id="speaker-title">Chief Executive</div>
<div class="css-hva" data-cvent-id="speaker-company">National Cyber Agency, Singapore</div></div></div>
</div></div></div>
<div class="css-9pfjoak" data-cvent-id="agenda-session"><div class="css-1ll7mya" data-cvent-id="session-time">
<span data-cvent-id="session-start-time">11:30 AM</span> - <span data-cvent-id="session-end-time">12:00 PM</span></div>
<h3 class="css-bvctke0" data-cvent-id="session-name">Closing Remarks</h3>
<div class="css-ryxa6ft" data-cvent-id="session-speakers"><h4 class="css-e67svnv">Speakers</h4><div class="css-jh9l812">
<div class="css-t76pj0i" data-cvent-id="speaker-chip"><img class="css-hq" src="d.jpg" alt=""><div class="css-isg">
<div class="css-mox" data-cvent-id="speaker-name">Dr. Ingrid Solheim</div>
<div class="css-hva" data-cvent-id="speaker-title">Executive Director</div>
<div class="css-hva" data-cvent-id="speaker-company">Centre for Digital Order</div></div></div>
</div></div></div></div></body></html>"""


def test_cards_named_by_data_attributes_each_with_its_own_role(tmp_path: Path):
    found, _, _ = drafted_rows(tmp_path, {"2031/agenda.html": CVENT,
                                          "2031/index.html": "<html><body><h1>Summit</h1></body></html>"})
    panel = "High-Level Panel: Data and the Fragmenting Internet"
    assert found[("Clara Ruiz-Ferrer", panel)][:3] == ("moderator", "Editor-at-Large", "Europa Dispatch")
    assert found[("Arjun Mehta", panel)][:4] == ("panellist", "Joint Secretary", "Ministry of External Affairs", "IN")
    assert found[("Rachel Goh", panel)][0] == "panellist"  # "Goh" is no guest of honour's GoH
    assert ("Europa Dispatch", panel) not in found  # a company line is no person
    assert found[("Ingrid Solheim", "Closing Remarks")][:3] == ("remarks", "Executive Director",
                                                               "Centre for Digital Order")  # one card under a heading


ELEMENTOR = """<html><body><div class="elementor-tabs"><div class="elementor-tab-title" role="tab">Day 1 | 14 May 2031</div>
<div class="elementor-tab-content" role="tabpanel">
<div class="elementor-accordion-item"><div class="elementor-tab-title" role="button">
<a class="elementor-accordion-title">09:10 – 09:30 | Opening Remarks</a></div>
<div class="elementor-tab-content"><div class="elementor-widget-text-editor"><p>The Government's priorities for a
connected economy and the new national strategy.</p></div>
<div class="elementor-widget-image-box"><div class="elementor-image-box-wrapper"><figure><img src="m.jpg"></figure>
<div class="elementor-image-box-content"><h3 class="elementor-image-box-title">H.E. Mantas Adomaitis</h3>
<p class="elementor-image-box-description">Minister of the Economy and Innovation<br>Ministry of the Economy and
Innovation of the Republic of Lithuania</p></div></div></div></div></div>
<div class="elementor-accordion-item"><div class="elementor-tab-title" role="button">
<a class="elementor-accordion-title">11:15 – 12:15 | Track A: Threat Intelligence Sharing Across Borders</a></div>
<div class="elementor-tab-content"><ul class="elementor-icon-list-items"><li>Chair: Marta Kask, Head of Cooperation,
Estonian Information System Authority</li></ul>
<div class="elementor-widget-image-box"><div class="elementor-image-box-wrapper">
<div class="elementor-image-box-content"><h3 class="elementor-image-box-title">Dr. Raimonds Bērziņš</h3>
<p class="elementor-image-box-description">Senior Analyst<br>CERT.LV, Latvia</p></div></div></div>
</div></div></div></div></body></html>"""


def test_a_page_builders_image_box_cards_under_a_timed_session(tmp_path: Path):
    found, _, _ = drafted_rows(tmp_path, {"2031/agenda/index.html": ELEMENTOR,
                                          "index.html": "<html><body><h1>CyberShield</h1></body></html>"}, dated=True)
    assert found[("Mantas Adomaitis", "Opening Remarks")] == (
        "remarks", "Minister of the Economy and Innovation",
        "Ministry of the Economy and Innovation of the Republic of Lithuania", "LT", "2031-05-14")
    track = "Track A: Threat Intelligence Sharing Across Borders"  # the rest of a title after its colon, no person
    assert found[("Raimonds Bērziņš", track)][:3] == ("speaker", "Senior Analyst", "CERT.LV")
    assert found[("Marta Kask", track)][0] == "moderator"
    assert not any(name == "Threat Intelligence Sharing Across Borders" for name, _ in found)


def test_the_rest_of_a_title_that_capitals_make_look_like_a_name():
    from ingest import agenda

    assert agenda.item_parts("Track B: Keeping Municipal Services Online") == (
        "Track B: Keeping Municipal Services Online", [])
    assert agenda.item_parts("Presentation: Measuring Resilience – The National Cyber Resilience Index")[1] == []
    assert agenda.item_parts("Keynote: Ann Lee")[1] == [("Ann Lee", None)]


SCHED_LIST = """<html><body><div id="sched-content-inner">
<h3 class="sched-container-header" id="2031-09-19">Tuesday, September 19, 2031</h3>
<div class="sched-container"><h3 class="sched-container-anchor">9:00am WEST</h3>
<div class="sched-container-inner"><span class="event ev_type_plenary">
<a href="event/19M/welcome.html" class="name">
  Welcome &amp; Opening Remarks
  <span class="vs">Auditório Principal</span>
</a></span>
<div class="sched-event-details-timeandplace">9:00am &ndash; 9:20am WEST &middot; <a href="/venue/x">Auditório Principal</a></div>
<div class="sched-event-details-roles-list"><span class="sched-role-label">Speakers:</span> <a href="/speaker/iv"
class="sched-person-list-link">Inês Valadares</a>, <a href="/speaker/tf" class="sched-person-list-link">Tomás Ferreira</a></div>
</div></div>
<div class="sched-container"><h3 class="sched-container-anchor">9:20am WEST</h3>
<div class="sched-container-inner"><span class="event ev_type_keynote">
<a href="event/1LN/keynote.html" class="name">
  Keynote: Public Code as Public Infrastructure
  <span class="vs">Auditório Principal</span>
</a></span>
<div class="sched-event-details-timeandplace">9:20am &ndash; 10:00am WEST &middot; <a href="/venue/x">Auditório Principal</a></div>
<div class="sched-event-details-roles-list"><span class="sched-role-label">Speakers:</span> <a href="/speaker/ao"
class="sched-person-list-link">Dr. Amara Okonkwo</a></div></div></div>
<div class="sched-container"><h3 class="sched-container-anchor">11:30am WEST</h3>
<div class="sched-container-inner"><span class="event ev_type_talk"><a href="event/1A/ids.html" class="name">
  Open Standards for Digital Identity
  <span class="vs">Sala 1 — Tejo</span></a></span>
<div class="sched-event-details-timeandplace">11:30am &ndash; 12:15pm WEST &middot; <a href="/venue/t">Sala 1 — Tejo</a></div>
<div class="sched-event-details-roles-list"><span class="sched-role-label">Speakers:</span> <a href="/speaker/pk"
class="sched-person-list-link">Priit Kask</a></div></div>
<div class="sched-container-inner"><span class="event ev_type_talk"><a href="event/1B/ds.html" class="name">
  Running a Government Design System in the Open
  <span class="vs">Sala 2 — Douro</span></a></span>
<div class="sched-event-details-timeandplace">11:30am &ndash; 12:15pm WEST &middot; <a href="/venue/d">Sala 2 — Douro</a></div>
<div class="sched-event-details-roles-list"><span class="sched-role-label">Speakers:</span> <a href="/speaker/cm"
class="sched-person-list-link">Chloé Marchand</a></div></div></div></div></body></html>"""


def test_a_sched_list_view_saved_as_html(tmp_path: Path):
    found, _, seen = drafted_rows(tmp_path, {"2031/index.html": SCHED_LIST}, dated=True)
    # the link's text titles the session, the room it repeats is the session's room, not its title
    assert found[("Tomás Ferreira", "Welcome & Opening Remarks")] == ("remarks", None, None, None, "2031-09-19")
    assert found[("Amara Okonkwo", "Keynote: Public Code as Public Infrastructure")][0] == "keynote"
    assert ("Chloé Marchand", "Running a Government Design System in the Open") in found  # a parallel session
    assert not any(session.startswith("Sala") for _, session in found)


def test_a_programme_day_page_is_dated_by_the_date_in_its_file_name(tmp_path: Path):
    day = ('<html><body><h2>Program for Wednesday, June 12th</h2><table class="talks"><tr class="talk">'
           '<td class="time">09:00</td><td class="talk"><div class="title">Opening</div>'
           '<div class="authors">Ana Ribeiro and Tobias Lindqvist</div></td></tr>'
           '<tr class="talk"><td class="time">09:30</td><td class="talk"><div class="title">Learning Normal: '
           'Unsupervised Detection of Modbus Command Injection</div><div class="authors">Mei-Ling Chou, Daniel Okafor '
           'and Sven Richter</div></td></tr></table></body></html>')
    keynote = ('<tr class="talk"><td class="time">11:00</td><td class="talk"><div class="title">Keynote: Patching the '
               'Unpatchable</div><div class="authors"><a href="authors.html#p1">Hiroshi Tanabe</a> (<span class='
               '"affiliation">Kansai Institute of Technology</span>)</div><div class="abstract"><span class='
               '"abstract_title">ABSTRACT.</span> Twenty years of compensating controls.</div></td></tr></table>')
    day = day.replace("</table>", keynote)
    found, _, _ = drafted_rows(tmp_path, {"2031/program/day_2031-06-12.html": day}, dated=True)
    assert {v[4] for v in found.values()} == {"2031-06-12"}
    assert ("Sven Richter", "Learning Normal: Unsupervised Detection of Modbus Command Injection") in found
    # an abstract's "ABSTRACT." heading titles no card; a linked name's affiliation beside the link is read
    assert found[("Hiroshi Tanabe", "Keynote: Patching the Unpatchable")][:3] == (
        "keynote", None, "Kansai Institute of Technology")


CONFLUENCE = """<html><head><title>Plenary Meeting 2031 - Agenda</title></head><body>
<div id="main-content" class="wiki-content group"><h2 id="Day1">Day 1 – Tuesday, 15 April 2031</h2>
<div class="table-wrap"><table class="confluenceTable"><tbody>
<tr><th class="confluenceTh"><p>Time</p></th><th class="confluenceTh"><p>Item</p></th>
<th class="confluenceTh"><p>Lead/Speakers</p></th><th class="confluenceTh"><p>Notes</p></th></tr>
<tr><td class="confluenceTd"><p>09:00 – 09:30</p></td><td class="confluenceTd"><p><strong>1. Opening of the meeting</strong></p></td>
<td class="confluenceTd"><p>Chair: <a href="https://wiki.example.int/display/~isolberg" class="confluence-userlink user-mention"
data-username="isolberg">Ingrid Solberg</a></p><p>Welcome address: H.E. Ms. Catarina Lobo, Secretary of State for the Sea
(Portugal)</p></td><td class="confluenceTd"><p><span class="status-macro aui-lozenge">CONFIRMED</span></p></td></tr>
<tr><td class="confluenceTd"><p>11:00 – 12:30</p></td><td class="confluenceTd"><p><strong>4. National progress reports</strong></p>
<p>Delegations report on the work programme (5 minutes each).</p></td>
<td class="confluenceTd"><p>Chair: Cdr. Tomás Ferreira</p><p>Mr. Kaspar Tamm (Delegation of Estonia)</p>
<p>Ms. Aoife Gallagher (Delegation of Ireland)</p></td><td class="confluenceTd"><p>&nbsp;</p></td></tr>
<tr><td class="confluenceTd"><p>14:00 – 15:00</p></td><td class="confluenceTd"><p><strong>5. Lightning reports</strong></p></td>
<td class="confluenceTd"><p>Mei Lin Tan (Civic Data Network, Singapore) · Olu Adebayo (Nigeria) · Claire Dubois (Agence des
données publiques, France)</p></td><td class="confluenceTd"><p>&nbsp;</p></td></tr>
</tbody></table></div></div></body></html>"""


def test_a_confluence_agenda_table_with_a_lead_speakers_column(tmp_path: Path):
    found, _, _ = drafted_rows(tmp_path, {"Plenary-Meeting-2031-Agenda_2293772.html": CONFLUENCE}, dated=True)
    # "Lead/Speakers" heads the people column: the Item cell titles the session, its people each a line
    assert found[("Ingrid Solberg", "1. Opening of the meeting")][0] == "moderator"
    assert found[("Catarina Lobo", "1. Opening of the meeting")][0] == "remarks"
    assert found[("Tomás Ferreira", "4. National progress reports")][0] == "moderator"
    assert found[("Aoife Gallagher", "4. National progress reports")][3] == "IE"
    # people between middle dots, each with their organisation and country in brackets
    assert found[("Olu Adebayo", "5. Lightning reports")][3] == "NG"
    assert found[("Claire Dubois", "5. Lightning reports")][2:4] == ("Agence des données publiques", "FR")


def speaker_page_webflow(name: str, country: str, title: str) -> str:
    return (f"<html><head><title>{name} | Tisza Speakers</title></head><body><nav class=\"navbar w-nav\"><a href=\"../"
            "index.html\">Home</a></nav><section class=\"speaker-hero\"><div class=\"speaker-info\">"
            f"<div class=\"speaker-country\">{country}</div><h1 class=\"heading-3\">{name}</h1>"
            f"<div class=\"speaker-title-detail\">{title}</div><div class=\"text-block-12\">Somewhere</div>"
            "<div class=\"rich-text-block w-richtext\"><p>A biography of several sentences about this person.</p></div>"
            "</div></section></body></html>")


def test_speaker_pages_whose_classes_name_their_fields_give_the_country(tmp_path: Path):
    pages = {"speakers/vesna-kralj.html": speaker_page_webflow("Vesna Kralj", "Slovenia", "Director"),
             "speakers/ondrej-hruby.html": speaker_page_webflow("Ondřej Hrubý", "Czech Republic", "Partner"),
             "speakers/lea-brunner.html": speaker_page_webflow("Lea Brunner", "Austria", "Technology Editor"),
             "speakers/ines-moura.html": speaker_page_webflow("Inês Moura", "Portugal", "Head of Threat Intelligence")}
    found, text, _ = drafted_rows(tmp_path, {"agenda-2031.html": WEBFLOW, **pages}, dated=True)
    assert "labelled = true" in text  # a file each in one folder: one part
    panel = "Trust on the River: Confidence-Building in Practice"
    assert found[("Ondřej Hrubý", panel)][3] == "CZ"  # the linked page's country
    assert found[("Lea Brunner", panel)][3] == "AT"
