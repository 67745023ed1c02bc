"""Drafting new-user sites (made up): a Hugo site in two language folders where some sessions exist in one language
only, one page's date holding a time among bare dates beside clock start keys, translations read without a
profile, and an Eleventy site whose title is in its input folder's ``_data``."""

from __future__ import annotations

from conftest import drafted_preview as previewed, part_of, write_files as write
from ingest import draft
from ingest.loader import site_for
from ingest.preview import preview

HUGO = ('title = "Lantern Harbour Forum 2031"\ndefaultContentLanguage = "en"\n\n[languages.en]\nweight = 1\n\n'
        '[languages.fr]\nweight = 2\n')


def session(title: str, when: str, speakers: list[str], more: str = "") -> str:
    return (f'+++\ntitle = "{title}"\n{when}\nroom = "Hall 2"\nspeakers = {speakers!r}\n{more}+++\n'
            "A session of the forum.\n").replace("'", '"')


def bilingual() -> dict[str, str]:
    """Three sessions in English and French, one more in French only; one English page dates itself with a time."""
    pages = {"hugo.toml": HUGO, "content/en/_index.md": '+++\ntitle = "Home"\n+++\n',
             "content/fr/_index.md": '+++\ntitle = "Accueil"\n+++\n'}
    both = [("opening", "Opening Talk", "Ouverture", 'date = 2031-03-04\nstart = "09:00"', ["Ilse Varga"]),
            ("tides", "Panel: Tides and Trade", "Table ronde : marées", "date = 2031-03-04T10:15:00+01:00",
             ["Rune Aaltonen", "Maelle Quinot"]),
            ("nets", "Fishing Nets of Tomorrow", "Les filets de demain", 'date = 2031-03-05\ntime = "14:00 – 14:45"',
             ["Odile Brack"]),
            ("close", "Closing Words", "Mot de clôture", 'date = 2031-03-05\nstart = "16:30"', ["Tavi Ruokolainen"])]
    for name, en, fr, when, speakers in both:
        pages[f"content/en/sessions/{name}.md"] = session(en, when, speakers)
        pages[f"content/fr/sessions/{name}.md"] = session(fr, when, speakers)
    pages["content/fr/sessions/atelier-voiles.md"] = session("Atelier : les voiles", 'date = 2031-03-05\nstart = "11:00"',
                                                             ["Brieuc Lannion", "Soazig Kervella"])
    return pages


def test_only_the_translated_pages_of_the_other_language_are_excluded(tmp_path):
    profile, text, seen = previewed(write(tmp_path / "lantern", bilingual()), tmp_path, sample=0)
    excluded = profile["site"]["exclude"]
    assert "content/fr/**" not in excluded and "content/fr/_index.md" in excluded
    assert "content/fr/sessions/{close.md,nets.md,opening.md,tides.md}" in excluded
    assert "1 page of content/fr/ with no counterpart in content/en/ stay read" in text
    rows = {(r["session"], r["name"]) for r in seen.rows}
    assert ("Atelier : les voiles", "Soazig Kervella") in rows  # a session held in French only
    assert len(seen.rows) == len(rows) == 7  # and none of the others twice


def test_one_timed_date_is_no_start_key_over_clock_starts(tmp_path):
    profile, _, seen = previewed(write(tmp_path / "lantern", bilingual()), tmp_path, sample=0)
    assert "start" not in part_of(profile, "content/en/sessions")  # not ["date", …]: the bare dates hid the clocks
    starts = {r["name"]: r["date"] for r in seen.rows}
    assert starts["Ilse Varga"].startswith("2031-03-04 09:00")
    assert starts["Rune Aaltonen"].startswith("2031-03-04 10:15")
    assert starts["Tavi Ruokolainen"].startswith("2031-03-05 16:30")


def test_translations_without_a_profile_keep_the_default_language(tmp_path):
    root = write(tmp_path / "lantern", bilingual() | {"hugo.toml": HUGO.replace('= "en"', '= "fr"')})
    seen = preview(site_for(root, draft=False), sample=0, every_note=True)  # detection: versions.py's translations
    assert {r["where"].split("/")[1] for r in seen.rows} == {"fr"}  # the configuration's default language
    root = write(tmp_path / "lantern2", bilingual())
    seen = preview(site_for(root, draft=False), sample=0, every_note=True)
    where = {r["where"] for r in seen.rows}
    assert "content/en/sessions/opening.md" in where and "content/fr/sessions/opening.md" not in where
    assert "content/fr/sessions/atelier-voiles.md" in where
    notes = [n for n in seen.every_note if "content/fr/sessions/tides.md" in str(n)]
    assert notes and "translation of content/en/sessions/tides.md" in str(notes[0])
    assert not any("superseded" in str(n) or "delete it" in str(n) for n in seen.every_note)
    drafted = {r["where"].split(":")[0] for r in preview(site_for(root), sample=0).rows}  # no profile: its draft
    assert "content/fr/sessions/atelier-voiles.md" in drafted and "content/fr/sessions/opening.md" not in drafted


def test_an_eleventy_sites_data_folder_names_the_series(tmp_path):
    files = {"README.md": "# lhf-2031 site\n\nBuilt with Eleventy.\n",
             "src/_data/site.json": '{"title": "Lantern Harbour Forum", "year": 2031}',
             "src/_data/schedule.json": '[{"title": "Opening Talk", "date": "2031-03-04", "start": "09:00", '
                                        '"speakers": ["Ilse Varga"]}]'}
    out = draft.draft(write(tmp_path / "lhf", files))
    assert out.site.get("series") == "lantern-harbour-forum" and out.site.get("name") == "Lantern Harbour Forum"
    assert any("src/_data/site.json says title" in w for e in out.site.entries if e.key == "series" for w in e.why)
