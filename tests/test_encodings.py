"""Files saved as Windows-1252 (Excel's "CSV" in Western Europe) are read as such, with a note; UTF-8 files with a
broken byte are still refused with the line of the byte (made-up files)."""

from __future__ import annotations

from ingest.loader import site_for
from ingest.preview import preview

CSV = ("Datum;Zeit;Sitzung;Rolle;Anrede;Vorname;Nachname;Funktion;Organisation;Land;\r\n"
       "14.05.2031;9:00 - 9:30;Eröffnung;Grußwort;Frau;Jördis;Schäfer-Lüth;Ministerin;Ministerium für Häfen;Österreich;\r\n"
       "14.05.2031;9:30 - 10:30;Podium: Küstenschutz;Moderation;Herr;François;Lefèvre;\"Leiter; Abteilung Küste\";Hafenamt;Schweiz;\r\n")
PROFILE = """[site]
series = "kuestenforum"

[[parts]]
files = "*.csv"
reader = "records"
persons = ""
title = "Sitzung"
date = "Datum"
date_format = "%d.%m.%Y"
time = "Zeit"
person = { honorific = "Anrede", given_name = "Vorname", family_name = "Nachname", title = "Funktion", organisation = "Organisation", country = "Land", role = "Rolle" }
"""


def _site(tmp_path, data: bytes):
    (tmp_path / "speakergraph.toml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "programm-2031.csv").write_bytes(data)
    return preview(site_for(tmp_path), sample=0)


def test_a_windows_1252_csv_with_or_without_a_bom_is_read_with_a_note(tmp_path):
    for i, data in enumerate((CSV.encode("cp1252"), b"\xef\xbb\xbf" + CSV.encode("cp1252"))):
        found = _site(tmp_path / str(i), data) if (tmp_path / str(i)).mkdir() is None else None
        assert not found.failed
        rows = {(r["session"], r["honorific"], r["name"], r["country"]) for r in found.rows}
        assert rows == {("Eröffnung", "Frau", "Jördis Schäfer-Lüth", "AT"), ("Podium: Küstenschutz", "Herr", "François Lefèvre", "CH")}
        note = {n["kind"]: n for n in found.notes}["not-utf8"]
        assert "programm-2031.csv" in note["example"] and "Windows-1252" in note["example"]


def test_a_utf8_file_with_a_broken_byte_is_still_refused_at_its_line(tmp_path):
    data = CSV.encode("utf-8").replace("Hafenamt".encode(), b"Hafen\xffamt")
    found = _site(tmp_path, data)
    assert len(found.failed) == 1 and "not valid UTF-8" in found.failed[0] and ":3:" in found.failed[0]


def test_a_salutation_field_and_a_title_printed_in_the_name_are_one_honorific(tmp_path):
    """"Frau" in the Anrede column and "Dr." before the given name: German forms of address print "Frau Dr."."""
    csv = CSV.replace(";Frau;Jördis;", ";Frau;Dr. Jördis;").replace(";Herr;François;", ";Herr;Prof. Dr. François;")
    rows = {(r["name"], r["honorific"]) for r in _site(tmp_path, csv.encode("utf-8")).rows}
    assert rows == {("Jördis Schäfer-Lüth", "Frau Dr."), ("François Lefèvre", "Herr Prof. Dr.")}
