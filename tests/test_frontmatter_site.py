"""The front-matter reader on made-up pages: sessions, speaker pages, skipped pages, profile options."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from graph.errors import IngestError
from ingest import frontmatter_site as fm
from ingest.normalize import normalize
from ingest.read import parse_document
from ingest.site_keys import Keys

EDT = timezone(timedelta(hours=-4))

TALK = """---
category: talks
start_datetime: 2031-09-24 11:30:00-04:00
end_datetime: 2031-09-24 11:55:00-04:00
permalink: /talks/counting-ponies/
presenter_slugs:
- jane-doe
- ravi-kumar
room: Hall 2
track: t1
title: Counting Ponies
---

How many ponies fit in a test suite.

- a list item
"""

PRESENTER = """---
company: Example Labs
hidden: false
name: Jane Doe
permalink: /presenters/jane-doe/
photo: jane-doe.jpeg
role: Research Lead
social:
    bluesky: null
    github: jdoe
    mastodon: https://social.example/@jane
    twitter: '@jdoe'
    website: https://jane.example.org
---

Jane writes [about ponies](https://jane.example.org).
"""


def doc(path, text):
    return parse_document(path, text.encode())


def parse(path, text, **options):
    return normalize(fm.read(doc(path, text), **options), "tc", "TC")


def test_talk_page_is_a_session_with_times_room_track_and_slug_rows():
    (session,) = parse("schedule/talks/counting-ponies.md", TALK).sessions
    assert (session.title, session.permalink, session.key) == ("Counting Ponies", "/talks/counting-ponies/",
                                                               "counting-ponies")
    assert session.date == date(2031, 9, 24)
    assert (session.start, session.end) == (datetime(2031, 9, 24, 11, 30, tzinfo=EDT),
                                            datetime(2031, 9, 24, 11, 55, tzinfo=EDT))
    assert (session.room, session.track, session.format) == ("Hall 2", "t1", "talks")
    assert session.abstract.startswith("How many ponies")
    assert [(r.role, r.role_label, r.link, r.person_key, r.name_printed) for r in session.rows] == [
        ("speaker", "Speaker", "/presenters/jane-doe/", "jane-doe", False),
        ("speaker", "Speaker", "/presenters/ravi-kumar/", "ravi-kumar", False)]


def test_presenter_page_is_a_speaker_page_whose_key_matches_the_slug_rows():
    parsed = parse("src/presenters/jane-doe.md", PRESENTER)
    (page,) = parsed.speakers
    assert (page.printed_name, page.permalink, page.image) == ("Jane Doe", "/presenters/jane-doe/", "jane-doe.jpeg")
    assert [(p.title, p.organisation) for p in page.positions] == [("Research Lead", "Example Labs")]
    assert page.biography == "Jane writes about ponies."
    assert page.extra == {"github": "https://github.com/jdoe", "mastodon": "https://social.example/@jane",
                          "twitter": "https://twitter.com/jdoe", "website": "https://jane.example.org"}
    (session,) = parse("schedule/talks/counting-ponies.md", TALK).sessions
    assert page.person_key == session.rows[0].person_key


def test_presenter_page_without_permalink_gets_the_link_of_its_slug():
    text = PRESENTER.replace("permalink: /presenters/jane-doe/\n", "")
    (page,) = parse("presenters/jane-doe.md", text).speakers
    assert page.permalink == "/presenters/jane-doe/"
    (page,) = parse("people/jane-doe.md", text, speakers="people/*.md", link_template="/people/{slug}").speakers
    assert (page.permalink, page.person_key) == ("/people/jane-doe", "jane-doe")


@pytest.mark.parametrize("title, category, role, label", [
    ("Building Things", "tutorials", "speaker", "Tutorial presenter"),
    ("Keynote - Ponies All The Way Down", "talks", "keynote", "Keynote speaker"),
    ("Opening Remarks (Monday)", "talks", "remarks", "Remarks"),
    ("Closing Remarks", "talks", "remarks", "Remarks"),
    ("Keynotes considered harmful", "talks", "speaker", "Speaker"),
])
def test_role_of_a_session_comes_from_title_prefix_then_format(title, category, role, label):
    text = TALK.replace("title: Counting Ponies", f"title: {title}").replace("category: talks",
                                                                            f"category: {category}")
    (session,) = parse("schedule/x.md", text).sessions
    assert {(r.role, r.role_label) for r in session.rows} == {(role, label)}


@pytest.mark.parametrize("path, text", [
    ("src/_content/organizers/jane-doe.md", "---\nname: Jane Doe\nrole: Chair\n---\n"),
    ("src/_content/places/cafe.md", "---\nname: A Cafe\nlocation: 1 Main St\n---\nGood coffee.\n"),
    ("src/_content/posts/news.md", "---\ntitle: News\npublished_datetime: 2031-07-09 06:00:00\n---\nHello.\n"),
    ("README.md", "# Just a readme\n"),
])
def test_other_pages_are_skipped_with_a_reason(path, text):
    parsed = parse(path, text)
    assert not parsed.sessions and not parsed.speakers
    (note,) = parsed.notes
    assert note.kind == "skipped-file" and "not a session page" in note.message and "skipped" in note.message


def test_speaker_folder_page_without_a_name_is_skipped_with_a_reason():
    (note,) = parse("presenters/x.md", "---\nphoto: x.jpg\n---\n").notes
    assert note.kind == "skipped-file" and "has no name or title" in note.message


def test_mapping_entries_with_role_in_the_name_and_an_organisation():
    text = """---
title: On Small Data
date: 2031-03-14
speaker:
  - name: Jane Doe (Moderator)
    speakerurl: https://tiny.example.org/speakers/jane-doe/
  - name: Ravi Kumar
    org: Example Labs
  - Ola Nordmann
  - {role: Panellist}
---
"""
    parsed = parse("program/x.md", text, speaker_key="speaker", item_link="speakerurl", item_company="org")
    (session,) = parsed.sessions
    assert [(r.role, r.name.name, r.person_key, [p.organisation for p in r.positions], r.name_printed)
            for r in session.rows] == [
        ("moderator", "Jane Doe", "jane-doe", [], True),
        ("speaker", "Ravi Kumar", "ravi-kumar", ["Example Labs"], True),
        ("speaker", "Ola Nordmann", "ola-nordmann", [], True)]
    assert (session.start, session.date) == (None, date(2031, 3, 14))
    assert any(n.kind == "skipped-row" and "has no name" in n.message for n in parsed.notes)


def test_date_and_time_keys_make_start_and_end():
    text = "---\ntitle: T\ndate: 2031-03-15\ntime: 2pm to 4pm (UTC +1)\nspeakers: [jane-doe]\n---\n"
    (session,) = parse("x.md", text).sessions
    cet = timezone(timedelta(hours=1))
    assert (session.start, session.end) == (datetime(2031, 3, 15, 14, tzinfo=cet), datetime(2031, 3, 15, 16, tzinfo=cet))
    assert session.time_label == "2pm to 4pm (UTC +1)"


def test_times_as_strings_and_without_offset():
    text = "---\ntitle: T\nstart: '2031-03-15T09:00:00'\nspeakers: [jane-doe]\n---\n"
    parsed = parse("x.md", text)
    assert parsed.sessions[0].start == datetime(2031, 3, 15, 9)
    assert [n.kind for n in parsed.notes if n.kind == "no-zone"] == ["no-zone"]


def test_session_without_a_date_is_skipped_with_the_keys_it_looked_for():
    parsed = parse("x.md", "---\ntitle: T\npresenter_slugs: [jane-doe]\n---\n")
    assert not parsed.sessions
    (note,) = [n for n in parsed.notes if n.kind == "skipped-file"]
    assert "start_datetime" in note.message and "profile" in note.message


def test_session_patterns_of_the_profile_decide_which_pages_are_sessions():
    text = "---\ntitle: Break\nstart: 2031-03-15T10:00:00+01:00\n---\n"
    (session,) = parse("program/break.md", text, sessions="program/**/*.md").sessions
    assert session.rows == []
    assert not parse("elsewhere/x.md", TALK, sessions="program/**/*.md").sessions


def test_detect_wants_a_nonempty_speaker_list():
    assert fm.detect(doc("a.md", TALK))
    assert not fm.detect(doc("a.md", "---\ntitle: x\npresenter_slugs: []\n---\n"))
    assert not fm.detect(doc("a.md", "---\ntitle: x\n---\n| **Moderator** | |\n"))
    assert fm.detect(doc("a.md", "---\nhosts: [a-b]\n---\n"), Keys.from_options({"speaker_key": "hosts"}))


@pytest.mark.parametrize("options, message", [
    ({"speaker_keys": "x"}, "did you mean 'speaker_key'"),
    ({"start": 3}, "start must be a key name"),
    ({"role_label": ["a"]}, "role_label must be a string"),
    ({"title_roles": "Keynote"}, "title_roles must be a table"),
    ({"link_template": "/people/"}, "must contain {slug}"),
])
def test_bad_options_are_named(options, message):
    with pytest.raises(ValueError, match=message.replace("{", r"\{").replace("(", r"\(")):
        fm.check(options)
    with pytest.raises(IngestError, match="site profile"):
        fm.read(doc("x.md", TALK), **options)


def test_social_urls_in_the_profile_add_networks():
    keys = Keys.from_options({"social_urls": {"codeberg": "https://codeberg.org/{handle}"}})
    assert fm.social_links({"codeberg": "jd", "github": "jd"}, keys.social_urls) == {
        "codeberg": "https://codeberg.org/jd", "github": "https://github.com/jd"}


def test_a_date_with_an_unreadable_time_keeps_its_date():
    (session,) = parse("x.md", "---\ntitle: T\nstart: 2031-03-15\ntime: TBC\nspeakers: [jane-doe]\n---\n").sessions
    assert (session.date, session.start, session.time_label) == (date(2031, 3, 15), None, "TBC")
