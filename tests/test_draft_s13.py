"""Drafting relational YAML (role-word keys of ids, lists of affiliation mappings, one file name per edition in
two shapes) and a MkDocs site (its site_name, the zone its pages' times statements print): made-up sites."""

from __future__ import annotations

from conftest import drafted_preview as previewed, part_of, write_files as write


OLD_TALKS = ("- id: opening-31\n  title: Opening of the Tidewall Forum\n  date: 2031-05-06\n  time: \"09:30-10:00\"\n"
             "  presenters: [ola-brekke]\n"
             "- id: panel-31\n  title: \"Panel: Harbour data\"\n  date: 2031-05-06\n  time: \"10:30-11:30\"\n"
             "  presenters: [ola-brekke, ines-vidal]\n  chair: tomas-lind\n")
OLD_SPEAKERS = ("- slug: ola-brekke\n  name: Ola Brekke\n  affiliation: Tidewall Port Authority\n"
                "- slug: ines-vidal\n  name: Inés Vidal\n  affiliation: Harbour Data Lab\n"
                "- slug: tomas-lind\n  name: Tomas Lind\n  affiliation: Coastal Institute\n")


def sessions(year: int) -> str:
    return (f"- id: keynote-{year}\n  title: Keynote {year}\n  date: {year}-05-05\n  start: \"09:15\"\n"
            f"  speakers: [ada-moss-{year}]\n"
            f"- id: panel-{year}\n  title: Panel {year}\n  date: {year}-05-05\n  start: \"10:30\"\n"
            f"  speakers: [bo-kern-{year}, cy-lund-{year}]\n  moderators: di-vale-{year}\n"
            f"- id: round-{year}\n  title: Round table {year}\n  date: {year}-05-06\n  start: \"11:00\"\n"
            f"  speakers: [bo-kern-{year}]\n  moderators: [cy-lund-{year}]\n")


def speakers(year: int) -> str:
    people = [("ada-moss", "Ada Moss", "Director General", "Port Agency of Examplia", "Norway"),
              ("bo-kern", "Bo Kern", "Head of Research", "Reef Institute", "Chile"),
              ("cy-lund", "Cy Lund", "Senior Analyst", "Bay Labs", "Kenya"),
              ("di-vale", "Di Vale", "Editor", "Harbour News", "Ghana")]
    return "".join(f"- id: {ident}-{year}\n  name: {name}\n  affiliations:\n"
                   f"    - title: {title}\n      organisation: {org}\n      country: {country}\n"
                   + ("    - title: Board Member\n      organisation: Tide Fund\n" if ident == "bo-kern" else "")
                   for ident, name, title, org, country in people)


def relational() -> dict[str, str]:
    return {"_config.yml": "title: Tidewall Forum\n",
            "_data/2031/talks.yml": OLD_TALKS, "_data/2031/speakers.yml": OLD_SPEAKERS,
            **{f"_data/{y}/sessions.yml": sessions(y) for y in (2032, 2033)},
            **{f"_data/{y}/speakers.yml": speakers(y) for y in (2032, 2033)}}


def test_role_word_keys_of_single_ids_are_drafted_as_roles_beside_persons(tmp_path):
    profile, _, seen = previewed(write(tmp_path / "tidewall", relational()), tmp_path)
    old, new = part_of(profile, "talks.yml"), part_of(profile, "sessions.yml")
    assert (old["persons"], old["roles"]) == ("presenters", {"chair": "Chair"})  # "chair: tomas-lind", one id
    assert (new["persons"], new["roles"]) == ("speakers", {"moderators": "Moderators"})  # an id, or a list of them
    rows = {(r["session"], r["name"], r["role"]) for r in seen.rows}
    assert {("Panel: Harbour data", "Tomas Lind", "moderator"), ("Panel: Harbour data", "Ola Brekke", "panellist"),
            ("Panel 2032", "Di Vale", "moderator"), ("Panel 2032", "Bo Kern", "panellist"),
            ("Round table 2033", "Cy Lund", "moderator"), ("Round table 2033", "Bo Kern", "panellist")} <= rows


def test_a_list_of_affiliation_mappings_gives_title_organisation_and_country(tmp_path):
    profile, _, seen = previewed(write(tmp_path / "tidewall", relational()), tmp_path)
    people = part_of(profile, "2032/speakers.yml")
    assert (people["position"], people["organisation"], people["country"]) == (
        "affiliations.*.title", "affiliations.*.organisation", "affiliations.0.country")
    ada = next(r for r in seen.rows if r["name"] == "Ada Moss" and r["session"] == "Keynote 2032")
    assert (ada["title"], ada["organisation"].split(" (from")[0], ada["country"]) == (
        "Director General", "Port Agency of Examplia", "NO")


def test_an_editions_file_of_another_shape_stays_out_of_the_glob(tmp_path):
    profile, text, seen = previewed(write(tmp_path / "tidewall", relational()), tmp_path)
    globbed = [p for p in profile["parts"] if "speakers.yml" in str(p["files"])]
    assert sorted(str(p["files"]) for p in globbed) == [
        "['_data/2032/speakers.yml', '_data/2033/speakers.yml']", "_data/2031/speakers.yml"]
    assert "of 2 data files (_data/2032/speakers.yml, _data/2033/speakers.yml)" in text
    assert len({r["session"] for r in seen.rows}) == 8 and seen.speaker_pages == 11  # 3 + 4 + 4, none read twice


DAY = ("# Day {n} — {day}\n\n{statement}\n\n## 09:00–09:45 | Session {n}.1: Opening\n\n"
       "- **Chair:** Ms Ragna Holt, Director, Fjord Policy Centre\n"
       "- **Speakers:**\n    - Dr. Emeka Obi, Head of Unit, Coastal Data Office\n"
       "    - Mr Luis Arce Pino, Adviser, Sea Lanes Forum\n\n"
       "## 10:00–11:00 | Session {n}.2: Cables\n\n- **Moderator:** Ms Wen Hu, Editor, Harbour News\n"
       "- **Panellists:**\n    - Prof. Ilse Brandt, Professor of Law, Nordkap University\n"
       "    - Mr Samir Haddad, Engineer, Reef Networks\n"
       "{closing}")
CLOSING = "\n## 11:15–11:30 | Session {n}.3: Closing\n\n- **Speakers:**\n    - Ms Ragna Holt, Director, Fjord Policy Centre\n"


def mkdocs(sessions: int = 3) -> dict[str, str]:
    """Two editions, a folder each, a page a day; the first day's page says what zone its times are in."""
    def day(n: int, printed: str, statement: str = "") -> str:
        return DAY.format(n=n, day=printed, statement=statement, closing=CLOSING.format(n=n) if sessions == 3 else "")

    return {"mkdocs.yml": "site_name: Harbour Resilience Dialogues\nnav:\n  - Home: index.md\n",
            "docs/index.md": "# Harbour Resilience Dialogues\n\nTwo editions so far.\n",
            "docs/2031/day-1.md": day(1, "Tuesday, 7 October 2031", "Venue: Hall C, Lakeside · all times are local (CEST)"),
            "docs/2031/day-2.md": day(2, "Wednesday, 8 October 2031"),
            "docs/2032/day-1.md": day(1, "Tuesday, 16 March 2032", "> Hosted in Accra, Ghana. Times are GMT."),
            "docs/2032/day-2.md": day(2, "Wednesday, 17 March 2032")}


def test_mkdocs_site_name_names_the_series(tmp_path):
    profile, text, _ = previewed(write(tmp_path / "site", mkdocs()), tmp_path)
    assert (profile["site"]["series"], profile["site"]["name"]) == (
        "harbour-resilience-dialogues", "Harbour Resilience Dialogues")
    assert "mkdocs.yml says site_name" in text


def test_the_zone_a_times_statement_prints_is_drafted(tmp_path):
    profile, text, seen = previewed(write(tmp_path / "site", mkdocs()), tmp_path)
    # two editions, two zones: each part its own; a place the line names gives its zone, else the fixed offset
    assert part_of(profile, "2031")["timezone"] == "+02:00" and part_of(profile, "2032")["timezone"] == "Africa/Accra"
    assert "timezone" not in profile["site"] and "prints 'all times are local (CEST)'" in text
    starts = {r["date"] for r in seen.rows}
    assert "2031-10-08 09:00:00+02:00" in starts and "2032-03-17 10:00:00+00:00" in starts
    one = {k: v for k, v in mkdocs().items() if "2032" not in k}  # one zone: the site's
    profile, _, _ = previewed(write(tmp_path / "one" / "site", one), tmp_path)
    assert profile["site"]["timezone"] == "+02:00" and "timezone" not in profile["parts"][0]


def test_zones_differing_by_page_under_detection_are_a_comment_not_one_pages_offset(tmp_path):
    profile, text, _ = previewed(write(tmp_path / "site", mkdocs(sessions=2)), tmp_path)
    assert "parts" not in profile and "timezone" not in profile["site"]  # detection reads the pages; no "+00:00"
    assert "# timezone = " in text and "docs/2031/day-1.md: +02:00; docs/2032/day-1.md: Africa/Accra" in text
