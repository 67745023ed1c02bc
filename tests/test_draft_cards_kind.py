"""Drafting ``kind = "speakers"`` for a page of speaker cards beside an agenda that names the same people: the cards
say who the speakers are, the agenda where they spoke; a page of cards that is the only source of its people stays
one meeting."""

from __future__ import annotations

import tomllib
from pathlib import Path

from conftest import write_files as write
from ingest import draft
from ingest.loader import site_for
from ingest.preview import preview

PEOPLE = (("Dr. Ann Vale", "Director", "Kestrel Labs"), ("Bo Linde", "Analyst", "Fjord Bank"),
          ("Cy Oduya", "Professor", "Lakeside University"), ("Dee Amari", "Engineer", "Tidewater Grid"))


def cards(people=PEOPLE) -> str:
    return "".join(f'<div class="speaker-card"><h3>{n}</h3><p class="position">{t}</p><p class="company">{c}</p>'
                   "</div>\n" for n, t, c in people)


def agenda(year: int, names: list[str]) -> str:
    slots = ("09:00 – 09:30", "10:00 – 11:00", "11:30 – 12:15", "14:00 – 15:00")
    return (f"<html><body><h1>Agenda {year}</h1><h2>Tuesday 13 May {year}</h2>\n" + "".join(
        f'<div class="agenda-item"><span class="time">{t}</span><h4>Talk {i}</h4><p class="speakers"><strong>{who}'
        "</strong></p></div>\n" for i, (t, who) in enumerate(zip(slots, names))) + "</body></html>")


def page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>13 May 2031</p>{body}</body></html>"


def drafted(root: Path, tmp_path: Path) -> tuple[dict, str, object]:
    text = draft.render(draft.settle(draft.draft(root)))
    path = tmp_path / f"{root.name}.toml"
    path.write_text(text, encoding="utf-8")
    return tomllib.loads(text), text, preview(site_for(root, profile_path=path), sample=0)


def card_part(profile: dict) -> dict:
    return next(p for p in profile["parts"] if p["reader"] == "cards")


def test_cards_of_the_agendas_speakers_are_speaker_pages(tmp_path):
    root = write(tmp_path / "summit", {
        "2031/people.html": page("Who is who", cards()),
        "2031/agenda.html": agenda(2031, ["Ann Vale", "Bo Linde", "Cy Oduya", "Eli Sorn"])})
    profile, text, seen = drafted(root, tmp_path)
    assert card_part(profile)["kind"] == "speakers"
    assert "# 3 of the 4 people on the cards (e.g. 'Dr. Ann Vale', 'Bo Linde') speak in the sessions" in text
    assert {r["session"] for r in seen.rows} == {"Talk 0", "Talk 1", "Talk 2", "Talk 3"}  # no "Who is who"
    assert [(r["organisation"], r["source"]) for r in seen.rows if r["name"] == "Bo Linde"] == [
        ("Fjord Bank", "2031/people.html")]


def test_a_speakers_page_whose_agenda_prints_initials_is_speaker_pages(tmp_path):
    root = write(tmp_path / "summit", {
        "2031/intervenants.html": page("Nos intervenants", cards()),
        "2031/agenda.html": agenda(2031, ["A. Vale", "B. Linde", "Eli Sorn"])})
    profile, text, _ = drafted(root, tmp_path)
    assert card_part(profile)["kind"] == "speakers"
    assert "2031/intervenants.html is titled for speakers" in text


def test_cards_that_are_the_only_source_of_their_people_stay_a_meeting(tmp_path):
    root = write(tmp_path / "roundtable", {"2031/participants.html": page("Roundtable participants", cards())})
    profile, _, seen = drafted(root, tmp_path)
    assert "kind" not in card_part(profile)
    assert len(seen.rows) == 4


def test_cards_of_people_another_edition_heard_stay_a_meeting(tmp_path):
    root = write(tmp_path / "summit", {
        "2030/people.html": page("Who is who", cards()).replace("2031", "2030"),
        "2031/agenda.html": agenda(2031, ["Ann Vale", "Bo Linde", "Cy Oduya", "Eli Sorn"]),
        "2031/speakers.html": page("Speakers", cards([("Gus Holm", "Chair", "Reed Trust"),
                                                      ("Ida Pell", "Editor", "Kite Press")]))})
    profile, _, _ = drafted(root, tmp_path)
    kinds = {str(p["files"]): p.get("kind") for p in profile["parts"] if p["reader"] == "cards"}
    assert set(kinds.values()) == {None}, kinds
