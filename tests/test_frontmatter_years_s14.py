"""The front-matter reader and drafter on a made-up conference site whose template drifted between two years (no
real text): one speaker written as a string (``speaker: slug``, ``speaker: "Dr. Name"``), speaker and format keys
renamed from one year's pages to the next, and lightning-talk bullets printing the talk after the speaker."""

from __future__ import annotations

import tomllib

from conftest import write_files as write

from ingest import draft
from ingest.loader import site_for
from ingest.preview import preview


def talk(title: str, people: str, when: str, kind: str = "Talk", body: str = "") -> str:
    return f"---\ntitle: \"{title}\"\n{people}\n{when}\n{kind}\n---\n{body}\n"


YEAR_A = {  # Jekyll: _schedule/talks, date + time, type, presenters or speaker
    "2031/_schedule/talks/orm.md": talk("Querysets Unbound", "speaker: ravi-lindqvar", 'date: 2031-10-17\ntime: "10:15"',
                                       "type: Talk"),
    "2031/_schedule/talks/forms.md": talk("Forms Without Tears", "presenters: [ravi-lindqvar, mira-tallow]",
                                          'date: 2031-10-17\ntime: "11:00"', "type: Talk"),
    "2031/_schedule/talks/closing.md": talk("Closing Keynote", 'speaker: "Dr. Helka Brann"',
                                            'date: 2031-10-18\ntime: "16:00"', "type: Keynote"),
    "2031/_schedule/talks/lt.md": talk("Lightning Talks", "presenters: []", 'date: 2031-10-17\ntime: "17:00"',
                                       "type: Lightning Talks",
                                       "## Speakers\n\n- Oda Fenwick — Template tags I love\n"
                                       "- Per Quill (Saltmarsh Labs) — Caching stories\n"),
    "2031/_speakers/ravi-lindqvar.md": "---\ntitle: Ravi Lindqvar\ncompany: Fjordline Data\n---\n",
    "2031/_speakers/mira-tallow.md": "---\ntitle: Mira Tallow\ncompany: Quayside Labs\n---\n",
}
YEAR_B = {  # 11ty: src/content/talks, start with offset, category on most pages and format on some
    "2034/src/content/talks/a.md": talk("Admin for All", "presenter_slugs: [ines-corlan]",
                                        "start: 2034-09-08 10:30:00 -0400", "category: Talks"),
    "2034/src/content/talks/b.md": talk("Intro to Pagebuilding", "presenter_slugs: [ines-corlan]",
                                        "start: 2034-09-07 13:45:00 -0400", "category: Tutorials"),
    "2034/src/content/talks/c.md": talk("Budget Deploys", "speakers:\n  - name: Tomo Arvel\n    company: Nimbus Yard",
                                        "start: 2034-09-08 11:15:00 -0400", "format: Talk"),
    "2034/src/content/talks/d.md": talk("Closing Keynote", 'speaker: "Dr. Helka Brann"',
                                        "start: 2034-09-10 16:00:00 -0400", "category: Keynote"),
    "2034/src/content/presenters/ines-corlan.md": "---\nname: Ines Corlan\ncompany: Brightwater AB\n---\n",
}


def rows(root, profile=None):
    return preview(site_for(root, profile_path=profile), sample=10**6).rows


def seen(found) -> set[tuple[str, str, str]]:
    return {(r["session"], r["name"], r["label"]) for r in found}


def test_one_speaker_written_as_a_string_on_a_dated_page_is_a_session(tmp_path):
    found = seen(rows(write(tmp_path / "site", YEAR_A)))
    assert ("Querysets Unbound", "Ravi Lindqvar", "Speaker") in found  # "speaker: ravi-lindqvar"
    assert ("Closing Keynote", "Helka Brann", "Keynote") in found  # "speaker: "Dr. Helka Brann"", type: Keynote


def test_a_lightning_bullet_prints_the_talk_after_the_speaker_not_an_organisation(tmp_path):
    found = [r for r in rows(write(tmp_path / "site", YEAR_A)) if r["session"] == "Lightning Talks"]
    assert sorted((r["name"], r["organisation"]) for r in found) == [("Oda Fenwick", ""),
                                                                     ("Per Quill", "Saltmarsh Labs")]


def test_the_drafter_names_each_templates_speaker_and_format_keys(tmp_path):
    root = write(tmp_path / "site", {**YEAR_A, **YEAR_B})
    text = draft.render(draft.settle(draft.draft(root)))
    parts = tomllib.loads(text)["parts"]
    b = next(p for p in parts if p["files"].startswith("2034/src/content/talks"))
    assert b["speaker_key"][0] == "presenter_slugs" and {"speakers", "speaker"} <= set(b["speaker_key"])
    assert set(b["format"]) == {"category", "format"}  # one template's key, then the other's
    assert "speaker_names" not in b  # "speaker" is on other pages than the slugs: no printed names of them
    a = next(p for p in parts if p["files"].startswith("2031/_schedule"))
    assert "speaker" in a["speaker_key"]
    (root / "speakergraph.toml").write_text(text)
    every = rows(root)
    found = seen(every)
    assert {("Querysets Unbound", "Ravi Lindqvar", "Speaker"), ("Budget Deploys", "Tomo Arvel", "Speaker"),
            ("Intro to Pagebuilding", "Ines Corlan", "Tutorial presenter")} <= found
    assert sorted(r["date"][:4] for r in every if r["name"] == "Helka Brann") == ["2031", "2034"]  # "speaker: "Dr. Helka Brann"" in both years
