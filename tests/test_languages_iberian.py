"""Spanish, Portuguese and Italian role words and honorifics, built in (made-up pages): a Spanish or Brazilian
programme needs no profile to tell its moderators, keynotes and welcome words, nor to keep "Dra." and
"Excmo. Sr." out of the names."""

from __future__ import annotations

from pathlib import Path

from ingest import readers
from ingest.loader import site_for
from ingest.read import read_document
from ingest.roles import role_of

PROGRAMA = """---
title: Programa – Foro Andino de Datos 2036
date: 2036-05-14
---

### 09:00–09:20 | Inauguración

Palabras de bienvenida: Excmo. Sr. Alonso García de la Vega, Ministro de Ciencia

### 09:20–10:00 | Conferencia magistral

Ponente principal: Dra. Ana María Pérez-Soto, Directora, Agencia Andina de Datos

### 10:30–12:00 | Mesa redonda: datos abiertos en los municipios

Moderadora: Lic. Jimena Ruiz Tagle, Periodista, Diario del Valle

Panelistas:

- Embajadora Kadri Tamm, Embajada de Estonia
- Ing. Tomás Quispe Mamani, Jefe de Sistemas, Municipalidad de Altamira

Relatora: Mtra. Luz Elena Barrios, Investigadora, Universidad del Altiplano
"""
PROFILE = """[site]
series = "foro-andino"

[[parts]]
files = "programa.md"
reader = "programme"
"""


def test_a_spanish_programme_reads_its_roles_and_honorifics_without_a_profile_word(tmp_path: Path):
    (tmp_path / "programa.md").write_text(PROGRAMA, encoding="utf-8")
    (tmp_path / "speakergraph.toml").write_text(PROFILE, encoding="utf-8")
    site = site_for(tmp_path, profile_path=tmp_path / "speakergraph.toml")
    parsed = readers.read(read_document(tmp_path, tmp_path / "programa.md"), site)
    rows = [(r.role, r.name.honorific, r.name.name) for s in parsed.sessions for r in s.rows]
    assert rows == [
        ("remarks", "Excmo. Sr.", "Alonso García de la Vega"),
        ("keynote", "Dra.", "Ana María Pérez-Soto"),
        ("moderator", "Lic.", "Jimena Ruiz Tagle"),
        ("panellist", "Embajadora", "Kadri Tamm"),
        ("panellist", "Ing.", "Tomás Quispe Mamani"),
        ("other", "Mtra.", "Luz Elena Barrios"),  # a Spanish "relatora" is a rapporteur, an Italian "relatrice" speaks
    ]


def test_portuguese_and_italian_role_words():
    assert [role_of(w) for w in ("Moderação", "Painelistas", "Palestrantes", "Discurso de abertura",
                                 "Palestra magna", "Relatori", "Moderatore", "Saluti istituzionali", "Vortrag")] == [
        "moderator", "panellist", "speaker", "remarks", "keynote", "speaker", "moderator", "remarks", "speaker"]
