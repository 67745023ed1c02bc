"""Session 18 fidelity: a country's own university, institute or bank gives the country of the people printed with
it; what later trials of new shapes found."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import drafted_preview, write_files as write

PAPERS = """## Thursday, 12 June 2031

- 10:15–11:30 **Session 2: Evaluation** (Chair: Prof. Lena Hoff, TU Munich)
  - *Securing Open-Weight Models.* Ode Mensa ({org})
"""


@pytest.mark.parametrize("org, country", [
    ("University of Ghana", "GH"),
    ("Universidad de Chile", "CL"),
    ("Instituto Nacional de Ciberseguridad de España", "ES"),
    ("National Academy of Sciences of Ukraine", "UA"),
    ("Central Bank of Nigeria", "NG"),
    # a US state's university, a city, a region: no country
    ("University of Georgia", None),
    ("University of Lagos", None),
    ("University of New Mexico", None),
    ("Kestrel Institute", None),
])
def test_a_country_s_own_university_or_bank_gives_its_country(tmp_path: Path, org, country):
    root = write(tmp_path / "site", {"program.md": PAPERS.format(org=org)})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    [row] = [r for r in seen.rows if r["name"] == "Ode Mensa"]
    assert (row["organisation"], row["country"] or None) == (org, country)


def rows_of(seen) -> dict:
    """(name, session) → (role, title, organisation, country) of a dry run's rows."""
    return {(r["name"], r["session"]): (r["role"], r["title"] or None, r["organisation"] or None, r["country"] or None)
            for r in seen.rows}


AGENDA_ES = """<html><head><title>Agenda 2031 - Encuentro Regional</title></head><body>
<h1>III Encuentro Regional de Ciberseguridad</h1>
<table class="programa"><thead><tr><th>Hora</th><th>Sesi&oacute;n</th><th>Ponentes</th></tr></thead><tbody>
<tr><th colspan="3">Martes 14 de octubre de 2031</th></tr>
<tr><td>09:00 - 09:45 hrs</td><td><em>Conferencia magistral</em><br><strong>El estado de la ciberseguridad</strong></td>
<td>Dra. Lucía Pons Etchegaray<br>Directora Ejecutiva, Centro Latinoamericano de Estudios (Uruguay)</td></tr>
<tr><td rowspan="2">10:00 &ndash; 11:30 hrs.</td>
<td><span class="sala">Sala A</span><br><strong>Panel 1: Estrategias nacionales</strong><br><small>Lo que funcionó.</small></td>
<td>Moderador: Lic. Juan Pérez Ugarte, Director de Políticas Digitales, Ministerio de Relaciones Exteriores (Chile)<br>
Panelistas:<br>
Ing. Carlos Villamizar &ndash; Coordinador del colCERT, Ministerio de Defensa Nacional &ndash; Colombia<br>
Mtra. Ximena Robles y Tapia, Jefa de Unidad, Secretaría de Seguridad y Protección Ciudadana (México)<br>
Lic. Gabriela Ramos Ochoa, Fundadora, Ciberseguras A.C. (México)</td></tr>
<tr><td><span class="sala">Sala B</span><br><strong>Taller: Gestión de incidentes</strong></td>
<td>Expositores:<br>Ing. Rafael Quispe Mamani, Jefe del CSIRT, Autoridad de Supervisión Financiera (ASFI) - Bolivia</td></tr>
<tr><td>12:00 - 12:30 hrs</td><td><strong>Clausura</strong></td>
<td>Palabras de cierre:<br>Excmo. Sr. Rodrigo Alvarado Sáenz, Embajador de Panamá en la República Dominicana</td></tr>
</tbody></table></body></html>"""


def test_a_spanish_programme_table_with_rooms_formats_and_labelled_people(tmp_path: Path):
    root = write(tmp_path / "site", {"2031/agenda.html": AGENDA_ES})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    assert rows_of(seen) == {
        ("Lucía Pons Etchegaray", "El estado de la ciberseguridad"): (
            "keynote", "Directora Ejecutiva", "Centro Latinoamericano de Estudios", "UY"),
        ("Juan Pérez Ugarte", "Panel 1: Estrategias nacionales"): (
            "moderator", "Director de Políticas Digitales", "Ministerio de Relaciones Exteriores", "CL"),
        ("Carlos Villamizar", "Panel 1: Estrategias nacionales"): (
            "panellist", "Coordinador del colCERT", "Ministerio de Defensa Nacional", "CO"),
        ("Ximena Robles y Tapia", "Panel 1: Estrategias nacionales"): (
            "panellist", "Jefa de Unidad", "Secretaría de Seguridad y Protección Ciudadana", "MX"),
        ("Gabriela Ramos Ochoa", "Panel 1: Estrategias nacionales"): ("panellist", "Fundadora", "Ciberseguras A.C.", "MX"),
        ("Rafael Quispe Mamani", "Taller: Gestión de incidentes"): (
            "speaker", "Jefe del CSIRT", "Autoridad de Supervisión Financiera (ASFI)", "BO"),
        ("Rodrigo Alvarado Sáenz", "Clausura"): ("remarks", "Embajador de Panamá en la República Dominicana", None, "PA"),
    }


PROGRAMM_DE = """---
title: "Programm 2031"
---

## Dienstag, 11. März 2031

### 09:30–09:45 Uhr · Begrüßung

Dr. Ulrike Hafer, Geschäftsführerin der Stiftung Kestrel

### 10:00–10:30 Uhr · Impulsvortrag

**„Cyber-Außenpolitik in Zeiten hybrider Bedrohungen“**
Dr. Katharina von Brenn, Beauftragte für Cyber-Außenpolitik im Auswärtigen Amt

### 12:15–13:00 Uhr · Impulsvortrag und Gespräch

**„Wer schreibt die Regeln?“**

Prof. Dr. Elif Demir (SWP) im Gespräch mit Benedikt Schuster (Stiftung Kestrel)

### 14:00–15:30 Uhr · Parallele Fachforen

| Forum | Thema | Impuls | Moderation |
|-------|-------|--------|------------|
| I (Saal Schinkel) | Schutz Kritischer Infrastrukturen | Dr. Leonie Strauß, BSI | Thomas Eßer, Bitkom |
| II (Saal Humboldt) | Cyberdiplomatie in der EU | Kristina Lind, Europäische Kommission | Benedikt Schuster |

### 16:00–17:00 Uhr · Workshops

| Zeit | Workshop | Leitung | Input |
|:-----|:---------|:--------|:------|
| 16:00–17:00 Uhr | A: Lagebild und Frühwarnung | Thomas Eßer | Oberst i.G. Fabian Kühn, BMVg |
"""


def test_a_german_programme_with_format_headings_forums_and_conversations(tmp_path: Path):
    root = write(tmp_path / "site", {"content/2031/programm.md": PROGRAMM_DE})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    found = rows_of(seen)
    assert found[("Katharina von Brenn", "Cyber-Außenpolitik in Zeiten hybrider Bedrohungen")] == (
        "keynote", "Beauftragte für Cyber-Außenpolitik", "Auswärtigen Amt", None)
    assert found[("Elif Demir", "Wer schreibt die Regeln?")][:3] == ("keynote", None, "SWP")
    assert found[("Benedikt Schuster", "Wer schreibt die Regeln?")][:3] == ("moderator", None, "Stiftung Kestrel")
    assert {k: v[:3] for k, v in found.items() if k[1] in ("Schutz Kritischer Infrastrukturen",
                                                            "Cyberdiplomatie in der EU", "A: Lagebild und Frühwarnung")} == {
        ("Leonie Strauß", "Schutz Kritischer Infrastrukturen"): ("speaker", None, "BSI"),
        ("Thomas Eßer", "Schutz Kritischer Infrastrukturen"): ("moderator", None, "Bitkom"),
        ("Kristina Lind", "Cyberdiplomatie in der EU"): ("speaker", None, "Europäische Kommission"),
        ("Benedikt Schuster", "Cyberdiplomatie in der EU"): ("moderator", None, None),
        ("Thomas Eßer", "A: Lagebild und Frühwarnung"): ("moderator", None, None),
        ("Fabian Kühn", "A: Lagebild und Frühwarnung"): ("speaker", None, "BMVg")}
    starts = {r["session"]: r["date"][11:16] for r in seen.rows}
    assert (starts["Cyber-Außenpolitik in Zeiten hybrider Bedrohungen"], starts["Wer schreibt die Regeln?"],
            starts["Cyberdiplomatie in der EU"]) == ("10:00", "12:15", "14:00")


PROGRAMME_FR_HTML = """<html lang="fr"><head><title>Programme 2031 | Forum Kestrel</title></head><body>
<h1>Programme 2031</h1>
<h2 class="programme-jour">Mardi 7 octobre 2031</h2>
<div class="views-row"><div class="horaire"><span>9h15 - 9h45</span></div>
  <h3>Ouverture officielle</h3>
  <div class="intervenants"><div class="field-content">
    <p>Mme Hélène MARCHETTI-ROUX, Secrétaire générale de la défense et de la sécurité nationale</p>
    <p>M. Loïc GOURVENNEC, Président de Kestrel Métropole</p>
  </div></div></div>
<div class="views-row"><div class="horaire"><span>9h45 - 10h30</span></div>
  <div class="type"><span class="badge">Keynote</span></div>
  <h3>La cyberdéfense à l&#8217;épreuve de l&#8217;IA</h3>
  <div class="intervenants"><div class="field-content">
    <p><a href="/intervenants/x.html">Général de division aérienne Patrick d&#8217;AUBIGNY</a><br/>Commandant de la
    cyberdéfense (COMCYBER), État-major des armées</p>
  </div></div></div>
<div class="views-row"><div class="horaire"><span>10h45 - 11h30</span></div>
  <h3>L&#8217;Europe du Nord et la souveraineté numérique</h3>
  <div class="intervenants"><div class="field-content">
    <p><a href="/intervenants/y.html">S.E. Mme Ingrid HALVORSEN</a> (Norvège)<br/>Ambassadrice pour les affaires cyber,
    Ministère des Affaires étrangères</p>
  </div></div></div>
<h2>Mercredi 8 octobre 2031</h2>
<h3>10h30-12h00 &#8211; Table ronde : Coopération franco-africaine</h3>
<p><strong>Animée par</strong> le Colonel Éric Mandrin, Commandement de la cyberdéfense (COMCYBER)</p>
<p><strong>Intervenants :</strong><br>
&#8211; S.E.M. Cheikh Ndiaye (Sénégal), Ambassadeur du Sénégal en France<br>
&#8211; Dr Aminata Diallo (Sénégal), Directrice générale, Agence de l&#8217;informatique de l&#8217;État (ADIE)<br>
&#8211; M. Arnaud d&#8217;Estienne, Directeur général, Agence nationale des données<br>
&#8211; M. Yves Le Gall, Directeur technique, Kestrel Cloud</p>
</body></html>"""


def test_a_french_programme_of_cms_blocks_dash_bullets_and_countries_after_names(tmp_path: Path):
    root = write(tmp_path / "site", {"2031/programme.html": PROGRAMME_FR_HTML})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    found = {k: v[1:] for k, v in rows_of(seen).items()}
    assert found == {
        ("Hélène Marchetti-Roux", "Ouverture officielle"): (
            "Secrétaire générale de la défense et de la sécurité nationale", None, None),
        ("Loïc Gourvennec", "Ouverture officielle"): ("Président de Kestrel Métropole", None, None),
        ("Patrick d’Aubigny", "La cyberdéfense à l’épreuve de l’IA"): (
            "Commandant de la cyberdéfense (COMCYBER)", "État-major des armées", None),
        ("Ingrid Halvorsen", "L’Europe du Nord et la souveraineté numérique"): (
            "Ambassadrice pour les affaires cyber", "Ministère des Affaires étrangères", "NO"),
        ("Éric Mandrin", "Table ronde : Coopération franco-africaine"): (
            None, "Commandement de la cyberdéfense (COMCYBER)", None),
        ("Cheikh Ndiaye", "Table ronde : Coopération franco-africaine"): ("Ambassadeur du Sénégal en France", None, "SN"),
        ("Aminata Diallo", "Table ronde : Coopération franco-africaine"): (
            "Directrice générale", "Agence de l’informatique de l’État (ADIE)", "SN"),
        ("Arnaud d’Estienne", "Table ronde : Coopération franco-africaine"): (
            "Directeur général", "Agence nationale des données", None),
        ("Yves Le Gall", "Table ronde : Coopération franco-africaine"): ("Directeur technique", "Kestrel Cloud", None)}
    roles = {r["name"]: r["role"] for r in seen.rows if r["session"].startswith(("Table ronde", "La cyber"))}
    assert roles == {"Patrick d’Aubigny": "keynote", "Éric Mandrin": "moderator", "Cheikh Ndiaye": "panellist", "Aminata Diallo": "panellist",
                     "Arnaud d’Estienne": "panellist", "Yves Le Gall": "panellist"}


SCHEDULE = """[
  {"event_key": "k1", "name": "Opening Keynote: Resilience", "event_start": "2031-06-11 09:00",
   "event_end": "2031-06-11 09:45", "event_type": "Keynote",
   "speakers": [{"username": "modwyer", "name": "Gen. (ret.) Michael O&#39;Dwyer", "company": "Halvorsen Advisory",
                 "position": "Senior Adviser", "role": "speaker"}]},
  {"event_key": "k2", "name": "Panel: Who Patches the Patchers?", "event_start": "2031-06-11 10:00",
   "event_end": "2031-06-11 11:00", "event_type": "Panel",
   "speakers": [{"username": "soc", "name": "Siobh&aacute;n O&#39;Connell", "company": "Mercer &amp; Vane",
                 "position": "Senior Editor", "role": "moderator"},
                {"username": "smp", "name": "Sung-min Park", "company": "",
                 "position": "Head of AI Security, Hanbit Cloud", "role": "speaker"}]},
  {"event_key": "k3", "name": "Lunch", "event_start": "2031-06-11 12:00", "event_end": "2031-06-11 13:00",
   "event_type": "Break", "speakers": []}
]"""
SPEAKERS_CSV = """Name,Username,Company,Position,Location
"Gen. (ret.) Michael O'Dwyer",modwyer,Halvorsen Advisory,Senior Adviser,"Washington, DC"
Siobhán O'Connell,soc,Mercer & Vane,Senior Editor,"Dublin, Ireland"
Sung-min Park,smp,,"Head of AI Security, Hanbit Cloud","Seoul, Republic of Korea"
"""


def test_a_scheduling_tool_export_decodes_entities_and_reads_capitals(tmp_path: Path):
    root = write(tmp_path / "site", {"data/2031/schedule.json": SCHEDULE, "data/2031/speakers.csv": SPEAKERS_CSV})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    assert rows_of(seen) == {
        ("Michael O'Dwyer", "Opening Keynote: Resilience"): ("keynote", "Senior Adviser", "Halvorsen Advisory", "US"),
        ("Siobhán O'Connell", "Panel: Who Patches the Patchers?"): ("moderator", "Senior Editor", "Mercer & Vane", "IE"),
        ("Sung-min Park", "Panel: Who Patches the Patchers?"): ("panellist", "Head of AI Security", "Hanbit Cloud", "KR")}


def week_page(title: str, slug: str, day: str, body: str) -> str:
    return (f"---\ntitle: {title}\npermalink: /2031/{slug}/\n---\n**{day}**\n\n*Time: 10.00am to 11.30am (GMT +8)*\n\n"
            f"A word on the session.\n\n{body}")


OPENING_2031 = """*10.00am – Opening Remarks*

**Guest of Honour**

- Mr Lim Boon Keat, Minister for Digital Development and Information, Singapore

*10.15am – Panel Discussion: Building Trust in Cyberspace*

**Speakers**

- H.E. Ms Aiko Watanabe, Deputy Minister for Foreign Affairs, Ministry of Foreign Affairs, Japan
- Dr Margarethe Vollmer, Director-General for Digital Policy, Federal Foreign Office, Germany

**Moderator**

- Ms Tan Hui Min, Head, Cyber Programme, Kestrel School of International Studies, Singapore
"""
ROUNDTABLE_2031 = """| **Speakers** | |
|---|---|
| [Dr Anna Lee](/speakers/anna-lee/) | *Chief Scientist*<br>Quantum Trust Labs<br>Australia |
|<br> **Moderator** | |
| [Ms Chloé Martin](/speakers/chloe-martin/) | *Asia Editor*<br>Asia Tech Review<br>France |
"""


def test_event_pages_dated_in_their_body_only_go_to_the_reader_that_recognises_them(tmp_path: Path):
    root = write(tmp_path / "site", {
        "_2031-events/17 October 2031/Opening Ceremony.md": week_page(
            "Opening Ceremony", "opening", "17 October 2031 (Tuesday)", OPENING_2031),
        "_2031-events/18 October 2031/Quantum Roundtable.md": week_page(
            "Quantum Roundtable", "quantum", "18 October 2031 (Wednesday)", ROUNDTABLE_2031)})
    profile, _, seen = drafted_preview(root, tmp_path, sample=0)
    assert all(part["reader"] != "frontmatter" for part in profile["parts"])
    found = {(r["name"], r["session"]): (r["role"], r["date"][:16]) for r in seen.rows}
    assert found == {
        ("Lim Boon Keat", "Opening Remarks"): ("guest-of-honour", "2031-10-17 10:00"),
        ("Aiko Watanabe", "Panel Discussion: Building Trust in Cyberspace"): ("panellist", "2031-10-17 10:15"),
        ("Margarethe Vollmer", "Panel Discussion: Building Trust in Cyberspace"): ("panellist", "2031-10-17 10:15"),
        ("Tan Hui Min", "Panel Discussion: Building Trust in Cyberspace"): ("moderator", "2031-10-17 10:15"),
        ("Anna Lee", "Quantum Roundtable"): ("speaker", "2031-10-18 10:00"),
        ("Chloé Martin", "Quantum Roundtable"): ("moderator", "2031-10-18 10:00")}


PROGRAMACAO = """<html lang="pt-BR"><head><title>Programação 2031 – Fórum Kestrel</title></head><body>
<h2>Terça-feira, 14 de outubro de 2031</h2>
<h3>09h00 às 09h30 | Abertura</h3>
<p>Excelentíssimo Senhor Ricardo Almeida Prado, Ministro de Estado, Ministério da Gestão e da Inovação</p>
<h3>09h30 às 10h30 | Painel: Cooperação internacional</h3>
<p><strong>Mediadora:</strong> Profa. Helena Duarte Ramos, Universidade de Brasília</p>
<p><strong>Debatedores:</strong> Cel. Roberto Siqueira Lins, Comando de Defesa Cibernética; Mr. Daniel Whitford
(Reino Unido), Cyber Counsellor, British Embassy Brasília</p>
<h3>11h00 às 12h00 | Palestra magna</h3>
<p>Min. Beatriz Monteiro da Cunha, Ministra do Tribunal de Contas da União</p>
</body></html>"""


def test_a_brazilian_programme_reads_with_no_profile(tmp_path: Path):
    root = write(tmp_path / "site", {"2031/programacao/index.html": PROGRAMACAO})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    found = {(r["name"], r["session"]): (r["role"], r["honorific"], r["date"][11:16]) for r in seen.rows}
    assert found == {
        ("Ricardo Almeida Prado", "Abertura"): ("remarks", "Excelentíssimo Senhor", "09:00"),
        ("Helena Duarte Ramos", "Painel: Cooperação internacional"): ("moderator", "Profa.", "09:30"),
        ("Roberto Siqueira Lins", "Painel: Cooperação internacional"): ("panellist", "Cel.", "09:30"),
        ("Daniel Whitford", "Painel: Cooperação internacional"): ("panellist", "Mr.", "09:30"),
        ("Beatriz Monteiro da Cunha", "Palestra magna"): ("keynote", "Min.", "11:00")}
    rows = {r["name"]: (r["title"] or None, r["organisation"] or None, r["country"] or None) for r in seen.rows}
    assert rows["Daniel Whitford"] == ("Cyber Counsellor", "British Embassy Brasília", "GB")
    assert rows["Helena Duarte Ramos"] == (None, "Universidade de Brasília", None)  # of a city: no country


PANEL_PROSE = """<html lang="{lang}"><head><title>{title}</title></head><body>
<h2>{day}</h2>
<p><strong>14h00 – 15h30 – {session}</strong><br>
{sentence}</p>
<p><strong>16h00 – 17h00 – Encerramento</strong><br>
Sra. Ana Lima, Diretora, Kestrel Labs</p>
</body></html>"""


@pytest.mark.parametrize("lang, title, day, session, sentence", [
    ("pt-BR", "Programação 2031", "Terça-feira, 14 de outubro de 2031", "Mesa-redonda: Dados e confiança",
     "O painel, mediado por Juliana Yamamoto (Tempest), reúne Profa. Luciana Damasceno (UnB), Patrícia Souza (Itaú) "
     "e Kelly O'Brien (Irlanda)."),
    ("en", "Programme 2031", "Tuesday 14 October 2031", "Roundtable: Data and trust",
     "The roundtable, moderated by Juliana Yamamoto (Tempest), brings together Luciana Damasceno (UnB), Patrícia "
     "Souza (Itaú) and Kelly O'Brien (Ireland)."),
])
def test_a_panel_written_as_a_sentence_names_its_moderator_and_panellists(tmp_path: Path, lang, title, day, session,
                                                                           sentence):
    page = PANEL_PROSE.format(lang=lang, title=title, day=day, session=session, sentence=sentence)
    root = write(tmp_path / "site", {"2031/programme.html": page})
    _, _, seen = drafted_preview(root, tmp_path, sample=0)
    found = {r["name"]: (r["role"], r["organisation"] or None, r["country"] or None) for r in seen.rows
             if r["session"] == session}
    assert found == {"Juliana Yamamoto": ("moderator", "Tempest", None), "Luciana Damasceno": ("panellist", "UnB", None),
                     "Patrícia Souza": ("panellist", "Itaú", None), "Kelly O'Brien": ("panellist", None, "IE")}


def test_people_listed_name_then_job_in_one_sentence_part_at_each_name():
    from ingest import agenda

    line = ("Es diskutieren S.E. Mart Kõiv, Botschafter der Republik Estland, Magdalena Wójcik, Direktorin für "
            "Cyberdiplomatie, und Jonas Bäumler MdB, Mitglied im Ausschuss für Digitales")
    people = agenda.named(agenda.people_strings(line))
    assert [(p.name, [(q.title, q.organisation) for q in p.positions]) for p in people] == [
        ("S.E. Mart Kõiv", [("Botschafter der Republik Estland", None)]),
        ("Magdalena Wójcik", [("Direktorin für Cyberdiplomatie", None)]),
        ("Jonas Bäumler MdB", [("Mitglied im Ausschuss für Digitales", None)])]
    # an organisation after the comma is the first person's: no second person
    assert len(agenda.named(agenda.people_strings("Ann Lee, Director, Kestrel Labs, Nordvik"))) == 1


def test_a_rank_s_bracket_stays_with_the_rank():
    from ingest import agenda

    [person] = agenda.named(agenda.people_strings("Cnel. (R) Ernesto Paredes Luna, consultor en ciberdefensa (Perú)"))
    assert person.name == "Cnel. (R) Ernesto Paredes Luna"
