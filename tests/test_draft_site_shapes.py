"""Drafting what new-user trials found lost: team lists, mixed time keys and speaker lists, a few pages printing
their people, sessions inside pages, a lone role key, rare person patterns, a country on few cards, Jekyll drafts."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from conftest import write_files as write
from ingest import draft
from ingest.loader import site_for
from ingest.preview import preview


def previewed(root: Path, tmp_path: Path) -> tuple[dict, str, object]:
    """The drafted profile (data and text) and what its dry run finds."""
    text = draft.render(draft.settle(draft.draft(root)))
    path = tmp_path / f"{root.name}.toml"
    path.write_text(text, encoding="utf-8")
    return tomllib.loads(text), text, preview(site_for(root, profile_path=path), sample=100)


def found(seen) -> set[tuple]:
    return {(r["session"], r["label"], r["name"], r["title"], r["organisation"]) for r in seen.rows}


PROGRAMME = ("program:\n"
             "  - title: Rivers Panel\n    date: 2032-04-07\n    time: \"9:10 AM\"\n"
             "    hosts: [Una Vale]\n    panelists: [\"Tam Roe, Analyst, Delta Maps\", \"Pia Lund (NOAA)\"]\n"
             "  - title: Roads Panel\n    date: 2032-04-07\n    time: \"1:40 PM\"\n"
             "    hosts: [Kit Moss]\n    panelists: [\"Rae Sol, Chief, Orbit Labs\", \"Lou Finch - Census Bureau\"]\n")


def test_a_team_file_is_left_out_and_every_person_pattern_drafted(tmp_path):
    team = "".join(f"- name: {n}\n  role: {r}\n  tagline: {t}\n" for n, r, t in (
        ("Una Vale", "Co-Chair", "Director<br/>Vale Works"), ("Kit Moss", "Program Committee", "CTO<br/>Moss Inc"),
        ("Jo Park", "Logistics", "Founder<br/>Park Co")))
    root = write(tmp_path / "roadsday", {"_data/program.yml": PROGRAMME, "_data/team.yml": team})
    profile, text, seen = previewed(root, tmp_path)
    assert [p["files"] for p in profile["parts"]] == ["_data/program.yml"]
    assert "_data/team.yml, named as the site's own people" in text
    (part,) = profile["parts"]
    assert part["person_pattern"] == ["Name — Title, Org", "Name (Org)", "Name, Title, Org"]
    rows = found(seen)
    assert ("Rivers Panel", "Hosts", "Una Vale", "", "") in rows  # no "Co-Chair" from the team list
    assert ("Rivers Panel", "Panelists", "Pia Lund", "", "NOAA") in rows


def test_a_time_key_mixing_date_times_and_clocks_is_the_start(tmp_path):
    program = ("program:\n"
               "  - title: Opening\n    speakers: [\"Ann Lee, Director, Acme\"]\n"
               "    time: 2032-04-07T10:45:00-04:00\n"
               "  - title: Middle\n    speakers: [\"Bo Chan, CTO, Beta\"]\n    date: 2032-04-07\n"
               "    time: \"1:40 PM\"\n"
               "  - title: Closing\n    speakers: [\"Cy Diaz, Analyst, Gamma\"]\n    date: 2032-04-07\n"
               "    time: \"3:00 PM ET\"\n")
    root = write(tmp_path / "mini", {"_config.yml": "title: Mini Day\ntimezone: America/New_York\n",
                                     "_data/program.yml": program})
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert (part["start"], part["date"]) == ("time", "date") and "time" not in part  # no clock-only key
    assert profile["site"]["timezone"] == "America/New_York"
    assert seen.sessions == 3
    assert sorted(r["date"] for r in seen.rows) == ["2032-04-07 10:45:00-04:00", "2032-04-07 13:40:00-04:00",
                                                     "2032-04-07 15:00:00-04:00"]


def test_a_lone_role_key_keeps_its_role(tmp_path):
    program = "".join(f"- title: Panel {i}\n  date: 2032-04-0{i}\n  time: \"9:00 AM\"\n"
                      f"  panelists: [\"Ann Lee{i}, Director, Acme\", \"Bo Chan{i}, CTO, Beta\"]\n" for i in (1, 2))
    root = write(tmp_path / "panels", {"_data/program.yml": program.replace("Lee1", "Lee").replace("Lee2", "Lim")
                                       .replace("Chan1", "Chan").replace("Chan2", "Chu")})
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert part["roles"] == {"panelists": "Panelists"} and "persons" not in part
    assert {r["label"] for r in seen.rows} == {"Panelists"}


def posts(n: int, extra: dict[str, str] | None = None) -> dict[str, str]:
    return {f"_posts/2032-05-{i:02d}-t{i}.md": f"---\ntitle: Talk {i}\nstartTime: 2032-05-{i:02d}T10:00\n"
            f"speakers: [person-n{i}]\n---\nAbstract.\n" for i in range(1, n + 1)} | (extra or {})


def test_body_people_on_a_few_pages_and_sessions_inside_them(tmp_path):
    panel = ("---\ntitle: Panel day\nstartTime: 2032-05-20T09:00\nspeakers: []\n---\n## Agenda\n\n"
             "### Session 2, 1:00 pm - 1:45 pm, ET\n\n#### Mapping rivers\n\n**Speakers**\n\n"
             "- **Ana Petrova** — PhD Student, University of Sofia\n- **Felix Braun** — Maintainer, Graph e.V.\n")
    lightning = ("---\ntitle: Lightning talks\nstartTime: 2032-05-21T17:00\nspeakers: []\n---\n## Speakers\n\n"
                 "- **Yuki Tanaka** — Analyst, Example Bank\n")
    root = write(tmp_path / "summit", posts(12, {"_posts/2032-05-20-panel.md": panel,
                                                  "_posts/2032-05-21-lightning.md": lightning}))
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert part["body_people"] is True and part["session_levels"] == [3, 4]
    rows = found(seen)
    assert ("Mapping rivers", "Speakers", "Ana Petrova", "PhD Student", "University of Sofia") in rows
    assert ("Lightning talks", "Speakers", "Yuki Tanaka", "Analyst", "Example Bank") in rows


def test_a_speaker_list_mixing_slugs_and_names_beside_a_text_key(tmp_path):
    pages = {f"_posts/2032-06-0{i}-t{i}.md": f"---\ntitle: Talk {i}\nstartTime: 2032-06-0{i}T10:00\n"
             f"speakers-text: Person Number{i}\nspeakers: [person-number{i}]\n---\n" for i in (1, 2, 3)}
    pages["_posts/2032-06-05-mixed.md"] = ("---\ntitle: Mixed\nstartTime: 2032-06-05T10:00\n"
                                           "speakers-text: Cy Dee and Di Eve\nspeakers: [cy-dee, Di Eve]\n---\n")
    root = write(tmp_path / "mixed", pages)
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert (part["speaker_key"], part["speaker_names"]) == ("speakers", "speakers-text")
    assert {r["name"] for r in seen.rows} >= {"Person Number1", "Di Eve"}


def test_a_speaker_list_mixing_mappings_and_slugs(tmp_path):
    root = write(tmp_path / "events", {
        "content/events/2032/a.md": "---\ntitle: AI Webinar\ndate: 2032-04-08T13:00:00-04:00\nspeakers:\n"
                                    "  - name: Ruth Kessler\n    role: Moderator\n    title: Program Manager\n"
                                    "    agency: AI Community, GSA\n---\nBody.\n",
        "content/events/2032/b.md": "---\ntitle: CX Call\ndate: 2032-05-21T13:00:00-04:00\nauthors: [gil-ho]\n"
                                    "speakers: [priya-nat, gil-ho]\n---\nBody.\n",
        "content/events/2032/c.md": "---\ntitle: Data Call\ndate: 2032-06-21T13:00:00-04:00\n"
                                    "speakers: [priya-nat]\n---\nBody.\n"})
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert part["speaker_key"] == "speakers"
    assert (part["item_role"], part["item_title"], part["item_company"]) == ("role", "title", "agency")
    assert ("AI Webinar", "Moderator", "Ruth Kessler", "Program Manager", "AI Community, GSA") in found(seen)
    assert seen.appearances == 4


def test_a_country_class_printed_on_few_cards(tmp_path):
    cards = "".join(f'<div class="col speaker-card"><h4>{n}</h4><p class="designation">{t}</p>{c}</div>\n'
                    for n, t, c in (("Vera Seah", "Minister, Ministry of Water", ""),
                                    ("Amy Clarke", "Officer, City of Elspeth", '<p class="country">New Zealand</p>'),
                                    ("Nur Ismail", "Director, Renewal Board", ""),
                                    ("Hana Kobo", "Head, Meridian Re", '<p class="country">Japan</p>'),
                                    ("Tan Min", "Chief, Waters Agency", ""), ("Ho Jie", "Editor, The Herald", "")))
    root = write(tmp_path / "cards", {"speakers.md": f"---\ntitle: Speakers 2032\n---\n<h3>Speakers</h3>\n"
                                                     f'<div class="row">\n{cards}</div>\n'})
    profile, _, _ = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert (part["position"], part["country"]) == ("p.designation", "p.country")


def test_jekyll_drafts_and_underscore_pages_are_not_drafted(tmp_path):
    root = write(tmp_path / "jekyll", posts(2, {
        "_drafts/2032-05-09-draft.md": "---\ntitle: Draft\nstartTime: 2032-05-09T12:00\nspeakers: [cy-dee]\n---\n",
        "_posts/_TEMPLATE.md": "---\ntitle: TITLE\nstartTime: 2032-05-01T00:00\nspeakers: [first-last]\n---\n"}))
    profile, _, seen = previewed(root, tmp_path)
    assert [p["files"] for p in profile["parts"]] == ["_posts/*.md"]
    assert profile["site"]["exclude"] == ["**/_*.md"]
    assert {r["session"] for r in seen.rows} == {"Talk 1", "Talk 2"}


def talk(title: str, when: str, people: str = "presenter_slugs: [ann-lee]") -> str:
    return f"---\ntitle: {title}\n{when}\n{people}\n---\nAbstract.\n"


def test_start_keys_differing_by_page_are_drafted_as_one_list_with_the_defaults(tmp_path):
    root = write(tmp_path / "conf", {
        "_schedule/talks/a.md": talk("Rust Tales", "date: 2033-05-01 11:00"),
        "_schedule/talks/b.md": talk("Go Tales", "date: 2033-05-01 12:00"),
        "_schedule/talks/c.md": talk("Zig Tales", "start_datetime: 2033-05-02 10:00:00-05:00"),
        "_schedule/tutorials/d.md": talk("Tutorial One", "date: 2033-05-03\nstart_time: \"13:30\"\nend_time: \"17:00\""),
        "_schedule/tutorials/e.md": talk("Tutorial Two", "date: 2033-05-03\ntime: \"9:00 AM - 12:30 PM\"")})
    profile, _, seen = previewed(root, tmp_path)
    talks, tutorials = sorted(profile["parts"], key=lambda p: p["files"])
    assert talks["start"] == ["date", "start_datetime", "start", "starts_at", "start_time"]
    assert tutorials.get("start", ["start_time"])[0] == "start_time"  # defaults of the reader's keys now
    assert tutorials.get("end", ["end_time"])[0] == "end_time" and "time" not in tutorials
    assert profile["site"]["timezone"] == "-05:00"  # the one offset printed: the zone of every time
    assert sorted(r["date"] for r in seen.rows) == ["2033-05-01 11:00:00-05:00", "2033-05-01 12:00:00-05:00",
                                                     "2033-05-02 10:00:00-05:00", "2033-05-03 09:00:00-05:00",
                                                     "2033-05-03 13:30:00-05:00"]


def test_a_lone_page_with_an_empty_speaker_key_reads_its_body_people(tmp_path):
    lightning = talk("Quick Ones", "start_datetime: 2033-05-01 17:00:00-05:00", "presenter_slugs: []") \
        + "\n## Speakers\n\n- **Oda Brandt** — Engineer, Kelp Labs\n- **Iker Sol**\n"
    root = write(tmp_path / "conf", {"_schedule/talks/a.md": talk("Rust Tales", "start_datetime: 2033-05-01 10:00"),
                                     "_schedule/lightning-talks/lt.md": lightning})
    profile, _, seen = previewed(root, tmp_path)
    part = next(p for p in profile["parts"] if "lightning" in p["files"])
    assert part["body_people"] is True and part["speaker_key"] == "presenter_slugs"
    assert ("Quick Ones", "Speakers", "Oda Brandt", "Engineer", "Kelp Labs") in found(seen)


def test_other_keys_naming_people_are_drafted_as_role_keys(tmp_path):
    people = "presenter_slugs: [ann-lee]\ncopresenter_slugs: [bo-chan]\nmoderator_slugs: [cy-dee]\nauthors: [ann-lee]"
    root = write(tmp_path / "conf", {f"_schedule/panels/p{i}.md": talk(f"Forum {i}", f"start_datetime: 2033-05-0{i} "
                                                                       "10:00:00-05:00", people) for i in (1, 2)})
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert part["role_keys"]["copresenter_slugs"] == "Co-presenter" and part["role_keys"]["chair"] == "Chair"
    assert part["role_keys"]["moderator_slugs"] == "Moderator" and "authors" not in part["role_keys"]  # no role
    assert {(r["label"], r["name"]) for r in seen.rows if r["session"] == "Forum 1"} >= {
        ("Speaker", "Ann Lee"), ("Co-presenter", "Bo Chan"), ("Moderator", "Cy Dee")}


def panel_page(title: str, day: str, clock: str, person: str) -> str:
    return (f"---\ntitle: {title}\npermalink: /archive/events/{title.lower().replace(' ', '-')}/\n---\n"
            f"#### **{title}**\n\n**{day}**  \n*Time: {clock}*\n\n|**Speaker**    |        |\n|------|------|\n"
            f"| ![](/img/x.png) | **{person}**<br>Professor of Tides<br>Coral Bay University |\n")


def test_a_speaker_page_the_site_reader_misses_stays_in_its_part_and_its_zone_is_drafted(tmp_path):
    root = write(tmp_path / "week", {
        "_2033-events/a.md": panel_page("Ports at Risk", "18 October 2033", "2.00pm to 2.45pm (GMT +8)",
                                        "Dr Mira SOLBERG"),
        "_2033-events/b.md": panel_page("Cables Now", "19 October 2033", "1400 – 1530hrs", "Dr Mira SOLBERG"),
        "_2033-events/closed.md": "---\ntitle: Closed Table\npermalink: /archive/events/closed/\n---\n"
                                  "#### **Closed Table**\n\n**19 October 2033** | Closed-door\n\nBy invitation.\n",
        "_2033-speakers/solberg.md": "---\ntitle: Dr Mira SOLBERG\npermalink: /speakers/dr-mira-solberg/\n---\n"
                                     "### Dr Mira SOLBERG\n\n**Professor of Tides**  \n**Coral Bay University**\n\n"
                                     "##### **Profile**\nMira studies harbours.\n"})
    profile, text, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert part == {"files": ["_2033-events/*.md", "_2033-speakers/*.md"], "reader": "sicw"}  # no programme part
    assert profile["site"]["timezone"] == "+08:00" and "check it" in text
    assert {r["date"] for r in seen.rows} == {"2033-10-18 14:00:00+08:00", "2033-10-19 14:00:00+08:00"}


def test_speaker_records_placing_themselves_into_slots(tmp_path):
    day = "".join(f"- name: {n}\n  time_start: \"{a}\"\n  time_end: \"{b}\"\n" for n, a, b in (
        ("Doors open", "08:30", "09:00"), ("Opening talk", "09:00", "09:45"), ("Panel discussion", "10:00", "11:00")))
    speakers = ("- fullname: Lea Marsh\n  affiliations: [Tidewater Institute]\n  position: Fellow\n"
                "  time: \"09:00\"\n  session: mar4\n"
                "- fullname: Owen Pike\n  affiliations: [Harbour Works]\n  position: Engineer\n"
                "  time: [\"10:00\", \"09:00\"]\n  session: [mar4, mar5]\n")
    root = write(tmp_path / "workshop", {"_config.yml": "title: Tide Workshop 2033\n",
                                         "_data/schedule_mar4.yml": day, "_data/schedule_mar5.yml": day,
                                         "_data/speakers.yml": speakers})
    profile, _, seen = previewed(root, tmp_path)
    schedule, people = profile["parts"]
    assert (schedule["files"], schedule["id"], schedule["date_from"]) == ("_data/schedule_mar*.yml", "time_start",
                                                                           "path")
    assert (people["kind"], people["session_date"], people["session_time"]) == ("speakers", "session", "time")
    assert profile["site"]["year"] == 2033
    assert {(r["date"], r["name"]) for r in seen.rows} == {
        ("2033-03-04 09:00:00", "Lea Marsh"), ("2033-03-04 10:00:00", "Owen Pike"), ("2033-03-05 09:00:00", "Owen Pike")}


def test_a_position_pattern_beside_an_organisation_key(tmp_path):
    talks = [{"id": str(i), "title": f"Talk {i}", "date": "2033-08-14", "time": f"1{i}:00",
              "speakers": [{"name": n, "tagline": t, "company": c}]} for i, (n, t, c) in enumerate((
                  ("Kofi Mensah", "Principal Engineer @ Reed Bank", ""), ("Lin Wu", "Design Lead, Kite Studio", ""),
                  ("Ravi Nair", "Staff Engineer", "Fern Insurance")))]
    root = write(tmp_path / "meetup", {"2033.json": json.dumps(talks)})
    profile, _, seen = previewed(root, tmp_path)
    (part,) = profile["parts"]
    assert part["position_pattern"] == ["Title @ Org", "Title, Org"]
    assert {(r["name"], r["title"], r["organisation"]) for r in seen.rows} == {
        ("Kofi Mensah", "Principal Engineer", "Reed Bank"), ("Lin Wu", "Design Lead", "Kite Studio"),
        ("Ravi Nair", "Staff Engineer", "Fern Insurance")}


BANNER = ('<figure class="banner"><figcaption><h3>Quay Forum {y}</h3><ul>'
          '<li><i class="icon icon-calendar"></i>{d} May {y}</li><li><i class="icon icon-clock"></i>9.00am - 5.00pm</li>'
          '<li><i class="icon icon-place"></i>Quay Hall</li></ul></figcaption></figure>\n')


def test_article_cards_keep_their_own_date_role_and_banner_fields(tmp_path):
    figure = "".join(f'<figure class="guest"><figcaption><h5>{n}</h5>{r}<p>Director, Dock Lab</p></figcaption></figure>\n'
                     for n, r in (("Ivo Pell", ""), ("Una Ruiz", "<strong>Guest Speaker</strong>"),
                                  ("Tom Vane", "<strong>Moderator</strong>")))
    article = "".join(f'<article class="guest-card"><span class="tag">{r}</span><h5>{n}</h5>'
                      f'<p class="guest-card__title">Director</p><p class="guest-card__org">Dock Lab</p></article>\n'
                      for n, r in (("Ivo Pell", "Delegate"), ("Una Ruiz", "Guest Speaker"), ("Tom Vane", "Moderator"),
                                   ("Lea Moss", "Delegate")))
    root = write(tmp_path / "quay", {"ed/Quay 2030 @ Ayr.md": "---\ntitle: Quay 2030\n---\n" + BANNER.format(y=2030, d=3)
                                     + figure,
                                     "ed/Quay 2031 @ Oban.md": "---\ntitle: Quay 2031\n---\n" + BANNER.format(y=2031, d=9)
                                     + article, "ed/Quay News.md": "---\ntitle: News\n---\nNothing.\n"})
    profile, _, seen = previewed(root, tmp_path)
    old, new = profile["parts"]
    assert old["files"] == new["files"] == "ed/Quay [0-9]*.md"  # the next edition's page is read too
    assert (old["role"], new["role"]) == ("strong", "span.tag")
    assert (new["title"], new["organisation"]) == ("p.guest-card__title", "p.guest-card__org") and "position" not in new
    assert new["date"] == "figure.banner li" and "default_date" not in new  # no <article> taken as main content
    assert new["place"] == "figure.banner li:has(i.icon-place)" and new["edition"] == "figure.banner h3"
    rows = {(r["date"], r["label"], r["name"], r["title"], r["organisation"]) for r in seen.rows}
    assert ("2031-05-09 09:00:00", "Moderator", "Tom Vane", "Director", "Dock Lab") in rows
    assert ("2030-05-03 09:00:00", "Guest Speaker", "Una Ruiz", "Director", "Dock Lab") in rows


def test_another_editions_date_is_never_taken_unchecked(tmp_path):
    cards = "".join(f'<div class="p"><h5>{n}</h5><p>Chief, Dock Lab</p></div>\n' for n in ("Ivo Pell", "Una Ruiz", "Tom Vane"))
    root = write(tmp_path / "quay", {"a/2030.md": "---\ntitle: Quay 2030\n---\n<p>3 May 2030</p>\n<ul class='x'>" + cards.replace("div", "li") + "</ul>",
                                     "b/2031.md": "---\ntitle: Quay 2031\n---\n" + cards})
    text = draft.render(draft.settle(draft.draft(root)))
    # another edition's date is not even proposed commented out: a placeholder, the other year's date named as such
    assert '# default_date = "YYYY-MM-DD"' in text and "these pages name 2031" in text and "03 May 2030" in text


def test_mixed_author_strings_and_lists_a_committee_page_and_a_zone_abbreviation(tmp_path):
    talk = "+++\ntitle = \"T{i}\"\ndate = 2031-05-0{i}\n[extra]\nauthors = {a}\n+++\nText.\n"
    pages = {f"content/c/t{i}.md": talk.format(i=i, a=a) for i, a in enumerate(
        ('"Ann Lee and Bo Chan"', '"Cy Dee and Di Eng"', '"Ed Fox and Flo Gil"', '["Gus Ho", "Ida Jo"]'), 1)}
    profile, _, seen = previewed(write(tmp_path / "c", pages), tmp_path)
    assert profile["parts"][0]["speaker_key"] == "extra.authors"
    assert {"Ann Lee", "Ida Jo"} <= {r["name"] for r in seen.rows}
    committee = ("+++\ntitle = \"Organising committee\"\n+++\n### Chair\n\n- **Hanna Vale**, Univ of Ayr\n\n"
                 "### Local organisers\n\n- **Leif Moen**, Ayr Lab\n- **Rita Sol**, Ayr Lab\n")
    root = write(tmp_path / "oc", {"content/c/organising-committee.md": committee,
                                   "content/m/a.md": "+++\ntitle = \"M\"\ndate = 2031-01-17\n[extra]\nspeaker = \"Ann Lee\"\n"
                                                     "time = \"14:00-15:00 CET\"\n+++\n"})
    text = draft.render(draft.settle(draft.draft(root)))
    assert "organising-committee" not in text.split("[[parts]]", 1)[-1] and 'time = "extra.time"' in text


def test_records_marked_to_skip(tmp_path):
    talks = "".join(f"- title: Talk {i}\n  date: 2031-05-01\n  speakers: [{n}]\n  skip: {s}\n"
                    for i, (n, s) in enumerate((("Ann Lee", "false"), ("Bo Chan", "true"), ("Cy Dee", "false"))))
    profile, _, seen = previewed(write(tmp_path / "sk", {"_data/talks.yml": talks}), tmp_path)
    assert profile["parts"][0]["skip"] == "skip"
    assert {r["name"] for r in seen.rows} == {"Ann Lee", "Cy Dee"}


ZOLA_TALK = "+++\ntitle = \"{t}\"\n[extra]\nauthors = {a}\nsession = \"{s}\"\ntime = \"{c}\"\n+++\n{body}"
ZOLA_PROGRAMME = ("+++\ntitle = \"Programme\"\n+++\n## Day 1 – Monday 12 May 2031\n\n| Time | Session | Speakers |\n"
                  "|---|---|---|\n| 09:00–09:30 | Opening | Ula Berg (Ayr Lab) |\n| 09:30–10:00 | [Reefs](../reefs/) | "
                  "Ann Lee |\n\n## Day 2 – Tuesday 13 May\n\n| Time | Session | Speakers |\n|---|---|---|\n"
                  "| 09:00–09:30 | [Maps](../maps/) | Bo Chan |\n| 12:00–12:15 | Closing | Vic Holm (Ayr Lab) |\n")


def zola_conference(index: str = "") -> dict[str, str]:
    """Talk pages dated by day codes only, a string or a list of authors, a panel listing its people under a
    label, a programme page, a committee page and a volunteers page, all in one folder."""
    c = "content/events/2031-meet/"
    pages = {c + "reefs.md": ZOLA_TALK.format(t="Reefs", a='"Ann Lee (Ayr Lab)"', s="1.2", c="09:30 - 10:00", body=""),
             c + "maps.md": ZOLA_TALK.format(t="Maps", a='["Bo Chan (Tay Lab)", "Cy Dee"]', s="2.1", c="09:00 - 09:30",
                                             body=""),
             c + "tides.md": ZOLA_TALK.format(t="Tides", a='"Di Eng and Ed Fox"', s="1.3", c="10:00 - 10:30", body=""),
             c + "panel.md": ZOLA_TALK.format(t="Panel: careers", a='"chaired by Flo Gil"', s="2.2", c="10:00 - 11:00",
                                              body="Panelists:\n- **Gus Ho**, Ayr Lab\n- Ida Jo (Tay Lab)\n"),
             c + "programme.md": ZOLA_PROGRAMME,
             c + "organising-committee.md": "+++\ntitle = \"Organising committee\"\n[extra]\nauthors = \"The team\"\n"
                                            "+++\n### Chair\n\n- **Hal Vik**, Ayr Lab\n\n### Local organisers\n\n"
                                            "- **Kai Moe**, Ayr Lab\n- **Lia Sol**, Tay Lab\n",
             c + "volunteers.md": "+++\ntitle = \"Volunteers\"\n+++\nVolunteer coordinators:\n- Mo Rask\n"}
    return pages | ({c + "_index.md": index} if index else {})


def test_a_programme_and_a_committee_page_beside_talk_pages_keep_out_of_their_part(tmp_path):
    profile, text, seen = previewed(write(tmp_path / "zola", zola_conference()), tmp_path)
    front = next(p for p in profile["parts"] if p["reader"] == "frontmatter")
    assert isinstance(front["files"], list)  # the folder's glob would take in the pages below
    assert not any(f.endswith(("programme.md", "organising-committee.md", "volunteers.md")) for f in front["files"])
    assert any(p["reader"] == "programme" and "content/events/2031-meet/programme.md" in p["files"]
               for p in profile["parts"])
    assert "organising-committee.md (about the site's own people" in text
    assert front["day"] == "extra.session" and front["days"] == {"1": "2031-05-12", "2": "2031-05-13"}
    assert front["body_people"] is True  # "Panelists:" above bullets: the reader tried with it reads them
    rows = {(r["name"], r["session"], r["date"][:10]) for r in seen.rows}
    assert {("Ann Lee", "Reefs", "2031-05-12"), ("Cy Dee", "Maps", "2031-05-13"), ("Ed Fox", "Tides", "2031-05-12"),
            ("Ida Jo", "Panel: careers", "2031-05-13"), ("Ula Berg", "Opening", "2031-05-12")} <= rows
    assert not {"Hal Vik", "Kai Moe", "Lia Sol", "Mo Rask"} & {r["name"] for r in seen.rows}


def test_day_codes_without_printed_dates_are_left_to_fill_in(tmp_path):
    pages = {p: t for p, t in zola_conference().items() if not p.endswith("programme.md")}
    profile, text, _ = previewed(write(tmp_path / "zola", pages), tmp_path)
    assert "day" not in profile["parts"][0] and "# days = { 1 = \"2031-MM-DD\", 2 = \"2031-MM-DD\" }" in text
