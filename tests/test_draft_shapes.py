"""Drafting sites of several shapes: year folders built differently, speaker keys known by their values, pages a
reader recognises beside pages it does not, agendas naming nobody, sponsor pages and briefing blocks."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from conftest import write_files as write
from ingest import draft
from ingest.preview import run


def drafted(root: Path, tmp_path: Path) -> tuple[dict, str, Path]:
    text = draft.render(draft.settle(draft.draft(root)))
    path = tmp_path / f"{root.name}.toml"
    path.write_text(text, encoding="utf-8")
    return tomllib.loads(text), text, path


def talk(i: int) -> str:
    return (f"---\ntitle: Talk {i}\ncategory: talks\npresenter_slugs: [{['jane-doe', 'ann-lee', 'bo-li'][i]}]\n"
            f"date: 2031-09-0{i + 1} 10:00:00 -0500\nend_date: 2031-09-0{i + 1} 10:45:00 -0500\nroom: Hall A\n---\n")


def session(i: int) -> str:
    return (f"---\ntitle: Session {i}\ntype: talk\nday: {i % 2 + 1}\nstart: \"1{i}:00\"\nend: \"1{i}:40\"\n"
            f"speakers:\n  - name: Cy Dee {i}\n    company: Beta\n    title: Engineer\n---\nAbstract.\n")


TWO_EDITIONS = {
    "_config.yml": "title: Prairie Dev Conf\ntimezone: America/Chicago\n",
    **{f"2031/_talks/talk-{i}.md": talk(i) for i in range(3)},
    "2031/_presenters/jane-doe.md": "---\nname: Jane Doe\ncompany: ACME\nrole: QA Engineer\n"
                                    "location: Lyon, France\n---\n",
    "2031/_presenters/ann-lee.md": "---\nname: Ann Lee\ncompany: Globex\ntitle: Lead Developer\n"
                                   "country: Chile\n---\n",
    "2031/_presenters/bo-li.md": "---\nname: Bo Li\ncompany: Initech\nrole: Staff Engineer\n"
                                 "location: Austin, TX, USA\n---\n",
    **{f"2032/_sessions/session-{i}.md": session(i) for i in range(3)},
    "2032/_data/days.yml": "- day: 1\n  date: 2032-09-13\n- day: 2\n  date: 2032-09-14\n",
    "2032/index.md": "---\ntitle: Prairie Dev Conf 2032\n---\nSee you there.\n",
}


def test_year_folders_built_differently_get_a_part_each(tmp_path):
    root = write(tmp_path / "site", TWO_EDITIONS)
    profile, _, path = drafted(root, tmp_path)
    parts = {p["files"]: p for p in profile["parts"]}
    assert parts["2031/_talks/*.md"]["start"] == "date" and "time" not in parts["2031/_talks/*.md"]
    # "start: '10:15'", a clock: the reader's default start key, which the reader combines with the day's date
    assert "time" not in parts["2032/_sessions/*.md"] and parts["2032/_sessions/*.md"].get("start", "start") == "start"
    assert parts["2032/_sessions/*.md"]["days"] == {"1": "2032-09-13", "2": "2032-09-14"}
    assert profile["site"]["series"] == "prairie-dev-conf" and profile["site"]["name"] == "Prairie Dev Conf"
    seen = run(root, profile_path=path)
    assert (seen.sessions, seen.appearances) == (6, 6)


def test_speaker_pages_holding_job_titles_and_countries_under_other_keys(tmp_path):
    root = write(tmp_path / "site", TWO_EDITIONS)
    profile, _, _ = drafted(root / "2031", tmp_path)
    (speakers,) = [p for p in profile["parts"] if "speakers" in p]
    assert speakers["job_title"] == ["role", "title"]
    assert speakers["country"] == ["country", "location"]


def test_a_year_folder_drafted_alone_reads_the_configuration_above_it(tmp_path):
    root = write(tmp_path / "site", TWO_EDITIONS)
    profile, text, path = drafted(root / "2032", tmp_path)
    assert profile["site"]["timezone"] == "America/Chicago" and "../_config.yml says timezone" in text
    assert profile["site"]["series"] == "prairie-dev-conf"  # not "2032", the folder's name
    (part,) = profile["parts"]
    assert part["day"] == "day" and part["days"] == {"1": "2032-09-13", "2": "2032-09-14"}
    seen = run(root / "2032", profile_path=path)
    assert (seen.sessions, seen.appearances) == (3, 3)


PANEL = """---
title: Panel {i}
permalink: /week/sessions/panel-{i}/
event_date: 2033-10-2{i}
---
## Panel {i}

**Tuesday, 2{i} October 2033**

| S/N | Name | Designation |
|---|---|---|
| **Moderator** | | |
| 1 | Ms Jane Doe | Director, ACME |
| **Panellists** | | |
| 2 | Mr Bo Li | Chief Executive, Globex |
"""

DIALOGUE = """---
title: Dialogue
permalink: /week/sessions/dialogue/
event_date: 2033-10-21
---
## Dialogue

**Speaker:** Dr Ann Lee, Chief Scientist, Initech (Chile)

**Moderator:** Mr Cy Dee, Editor, Daily Planet (Norway)
"""

AGENDA = """---
title: Programme
---
## Day 1 – Tuesday, 21 October 2033

| Time | Session | Venue |
|---|---|---|
| 0900 – 0930hrs | [Panel 1](/week/sessions/panel-1/) | Hall |
| 1000 – 1100hrs | [Dialogue](/week/sessions/dialogue/) | Hall |
| 1200 – 1300hrs | [Panel 2](/week/sessions/panel-2/) | Hall |
"""


def test_a_part_names_only_the_pages_its_reader_recognises(tmp_path):
    root = write(tmp_path / "site", {**{f"_week/day-{i}/panel-{i}.md": PANEL.format(i=i) for i in (1, 2)},
                                     "_week/day-1/dialogue.md": DIALOGUE, "_week/programme.md": AGENDA,
                                     "index.md": "---\ntitle: Harbour Cyber Week 2033\n---\nWelcome.\n"})
    profile, text, path = drafted(root, tmp_path)
    by_reader = {p["reader"]: p for p in profile["parts"]}
    assert by_reader["sicw"]["files"] == ["_week/day-1/panel-1.md", "_week/day-2/panel-2.md"]
    assert by_reader["sicw"]["date"] == ["event_date"]
    assert by_reader["programme"]["files"] == "_week/day-1/dialogue.md"
    assert "_week/programme.md" not in str(profile["parts"])  # an agenda linking to session pages names nobody
    assert "reads no person from them (e.g. _week/programme.md)" in text
    assert profile["site"]["series"] == "harbour-cyber-week"
    seen = run(root, profile_path=path)
    assert (seen.sessions, seen.appearances) == (3, 6)


def page(title: str, body: str) -> str:
    return f"<html><head><title>{title} | Reef Security Conference 2034</title></head><body>{body}</body></html>"


TIERS = "".join(f'<div class="sponsor-tier"><h2>{t} Sponsors</h2><p>Acme, Globex</p></div>'
                for t in ("Platinum", "Gold", "Silver"))
BRIEFS = "".join(f"""<div class="briefing"><h3>{t}</h3><p>Wednesday, August {d} | 10:20am-11:00am</p>
<p>Presented by: <a href="speakers/p{d}.html">{n}</a> (Northpine Security)</p></div>"""
                 for t, n, d in (("Glitching the Unglitchable", "Priya Raghunathan", 7),
                                 ("Heap Feng Shui", "Bo Chan", 8), ("Keys in the Cloud", "Ann Lee", 8)))


def test_sponsor_pages_are_no_cards_and_briefing_blocks_are_a_programme(tmp_path):
    root = write(tmp_path / "site", {"2034/sponsors.html": page("Sponsors", TIERS),
                                     "2034/briefings.html": page("Briefings", f"<main>{BRIEFS}</main>"),
                                     "2034/venue.html": page("Venue", "<p>Harbour Hall, Wednesday, August 7</p>")})
    profile, text, path = drafted(root, tmp_path)
    assert [(p["files"], p["reader"]) for p in profile["parts"]] == [("2034/briefings.html", "programme")]
    assert "Platinum Sponsors" not in text
    assert profile["site"]["series"] == "reef-security-conference"
    seen = run(root, profile_path=path)
    assert (seen.sessions, seen.appearances) == (3, 3)


def test_a_page_edit_date_is_never_drafted_as_the_events_date():
    """Hugo pages carry ``lastmod`` beside ``date``: the day a page was edited is no event's day."""
    from ingest.draft_front import Collection, date_keys
    from ingest.read import parse_document

    docs = [parse_document(f"e{i}.md", f"---\ntitle: E\ndate: 2031-03-1{i}\nlastmod: 2031-04-0{i}\n"
                                       f"updated: 2031-04-0{i}\n---\n".encode()) for i in range(1, 4)]
    assert set(date_keys(Collection("", "", docs))) == {"date"}


def wp_page(title: str, main: str, sidebar_date: str = "May 22, 2031") -> str:
    """A made-up WordPress page: a sidebar widget printing an upcoming event's date on every page."""
    return (f"<html><head><title>{title} – Lakeside Policy Days</title></head><body>"
            "<header class=\"site-header\"><nav><a href=\"/\">Home</a></nav></header>"
            f"<main id=\"main\"><article><h1 class=\"entry-title\">{title}</h1>{main}</article></main>"
            "<div class=\"widget-area\"><aside class=\"widget\"><h2>Upcoming events</h2><ul><li>"
            f"<time datetime=\"2031-05-22\">{sidebar_date}</time> <a href=\"/events/x/\">Next</a></li></ul></aside>"
            "</div><footer>© Lakeside</footer></body></html>")


def card(name: str, title: str, country: str) -> str:
    return (f"<div class=\"person-card\"><h4>{name}</h4><p class=\"person-title\">{title}</p>"
            f"<p class=\"person-country\">{country}</p></div>")


def event(day: str, people: list[tuple], organiser: str = "Lakeside Secretariat") -> str:
    data = ('<script type="application/ld+json">[{"@context": "http://schema.org", "@type": "Event", "name": "E", '
            f'"startDate": "{day}T10:00:00+02:00", "organizer": {{"@type": "Person", "name": "{organiser}"}}, '
            '"performer": "Organization"}]</script>')
    printed = date.fromisoformat(day).strftime("%B %d, %Y").replace(" 0", " ")
    main = (f"<div class=\"event-schedule\"><span class=\"start\">{printed} @ 10:00 am</span> - "
            f"<span>12:00 pm</span></div><h2>Speakers</h2>" + "".join(card(*p) for p in people))
    return wp_page("Event", main).replace("</head>", data + "</head>")


PEOPLE = [("Ms Ann Lee", "Director, Port Authority", "Norway"), ("Dr Bo Li", "Professor, City University", "Chile"),
          ("Mr Cy Dee", "Editor, Daily News", "Ghana"), ("Ms Di Fox", "Analyst, Grid Co", "Peru")]
WORDPRESS = {
    "events/harbour-security/index.html": event("2030-06-15", PEOPLE[:3]),
    "events/grid-resilience/index.html": event("2030-09-21", PEOPLE[1:]),
    "events/data-rules/index.html": event("2031-02-13", [PEOPLE[0], PEOPLE[3], PEOPLE[2]]),
    "speakers/index.html": wp_page("Speakers", "<p>Who has spoken at our events.</p>"
                                   + "".join(card(*p) for p in PEOPLE)),
    "team/index.html": wp_page("Our team", "<h2>Secretariat</h2>" + "".join(
        card(n, "Staff, Lakeside Policy Days", "Norway") for n in ("Eva Berg", "Per Holm", "Ida Lund"))),
}


def test_event_pages_whose_json_ld_names_nobody_get_their_cards_drafted(tmp_path):
    root = write(tmp_path / "site", WORDPRESS)
    profile, text, path = drafted(root, tmp_path)
    assert [p["reader"] for p in profile["parts"]] == ["cards"]
    part = profile["parts"][0]
    assert part["files"] == "events/*/index.html" or sorted(part["files"]) == sorted(
        p for p in WORDPRESS if p.startswith("events/"))
    assert (part["card"], part["name"], part["position"], part["country"]) == (
        "div.person-card", "h4", "p.person-title", "p.person-country")
    assert "the jsonld reader recognises" in text and "reads no person from them" in text
    seen = run(root, profile_path=path)
    assert (seen.sessions, seen.appearances) == (3, 9)


def test_team_and_speaker_list_pages_are_no_sessions(tmp_path):
    root = write(tmp_path / "site", WORDPRESS)
    profile, text, _ = drafted(root, tmp_path)
    files = [f for p in profile["parts"] for f in ([p["files"]] if isinstance(p["files"], str) else p["files"])]
    assert not any(f.startswith(("team/", "speakers/")) for f in files)
    assert "about the site's own people (team/index.html" in text
    assert "list of speakers printing no date (speakers/index.html)" in text


def test_the_date_selector_is_drafted_in_the_main_content_not_a_sidebar_widget(tmp_path):
    root = write(tmp_path / "site", WORDPRESS)
    profile, _, path = drafted(root, tmp_path)
    part = profile["parts"][0]
    assert part["date"] == "main div.event-schedule" and "default_date" not in part
    from ingest.draft_dates import date_selector
    from ingest.records import Document

    same = [Document(f"e{i}.html", "", {}, wp_page("E", "<p>Speakers below.</p>"), 0) for i in range(3)]
    no_main = [Document(f"e{i}.html", "", {}, d.body.replace("<main id=\"main\">", "<div>"), 0)
               for i, d in enumerate(same)]
    assert date_selector(same) is None and date_selector(no_main) is None  # only the widget's date, on every page
    shared = [Document(f"e{i}.html", "", {}, wp_page("E", "<p class=\"when\">June 15, 2030</p>"), 0)
              for i in range(3)]
    assert date_selector(shared) is None  # one date on every page is no event's own date
    apart = [Document(f"e{i}.html", "", {}, wp_page("E", f"<p class=\"when\">June 1{i}, 2030</p>"), 0)
             for i in range(3)]
    assert date_selector(apart)[0] == "main p.when"


def test_a_default_date_comes_from_the_pages_own_printed_dates(tmp_path):
    blocks = "".join(f"<h3>{h}:00 – {h}:45 | Session {h}</h3><p>Presented by: Dr Ann Lee{h}, Director, Acme</p>"
                     "<p>Presented by: Mr Bo Li, CEO, Globex</p>" for h in (9, 10, 11))
    root = write(tmp_path / "site", {
        "conference-2029/index.html": wp_page("Conference 2029", "<p>The conference was held on "
                                              "October 12, 2029 in Oslo.</p>" + blocks),
        **{f"news/item-{i}/index.html": wp_page(f"News {i}", "<p>Read on.</p>") for i in range(3)},
    })
    profile, text, _ = drafted(root, tmp_path)
    (part,) = [p for p in profile["parts"] if p["reader"] == "programme"]
    assert part["default_date"] == "2029-10-12" and "2031-05-22" not in text
