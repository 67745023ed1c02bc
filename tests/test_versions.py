"""Versions of one session in several files: a draft and a final never pool facts, in one run or across runs."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.results import table
from graph.store import open_store
from ingest import versions
from ingest.loader import ingest, pipeline, site_for
from ingest.preview import preview

PREFIX = "PREFIX sg: <https://w3id.org/speakergraph/vocab#>\nPREFIX schema: <https://schema.org/>\n"

DRAFT = """---
title: "Harbour Resilience Dialogue (Draft)"
permalink: /archive/events/harbour-resilience-dialogue/
---
#### **Harbour Resilience Dialogue (Draft)**

**3 October 2023 (Tuesday)**
*Time: 2.00pm to 3.00pm (GMT +8)*

|**Speakers (Draft)** | |
| [Ms Aino Virtanen](/speakers/ms-aino-virtanen/) | *Deputy Director*<br>Finnish Port Authority<br>Finland |
| [Mr Tomas Berg](/speakers/mr-tomas-berg/) | *Head of Security*<br>Nordic Shipping Group<br>Sweden |
"""

FINAL = """---
title: "Harbour Resilience Dialogue"
permalink: /archive/events/harbour-resilience-dialogue/
---
#### **Harbour Resilience Dialogue**

**3 October 2023 (Tuesday)**
*Time: 2.00pm to 3.30pm (GMT +8)*

Ports share one sea and one threat picture.

|**Moderator** | |
| [Dr Aino Virtanen](/speakers/dr-aino-virtanen/) | *Director-General*<br>Finnish Port Authority<br>Finland |
|<br>**Panellists** | |
| [Mr Tomas Berg](/speakers/mr-tomas-berg/) | *Chief Security Officer*<br>Baltic Terminals<br>Sweden |
| [Ms Rosa Quispe](/speakers/ms-rosa-quispe/) | *Port Captain*<br>Port of Callao<br>Peru |
"""

OTHER = """---
title: "Harbour Finance Forum"
permalink: /archive/events/harbour-finance-forum/
---
#### **Harbour Finance Forum**

**3 October 2023 (Tuesday)**
*9.00am to 10.00am (GMT +8)*

|**Speaker** | |
| [Mr Kofi Mensah](/speakers/mr-kofi-mensah/) | *Treasurer*<br>Tema Port Trust<br>Ghana |
"""


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def titles_and_roles(store):
    q = PREFIX + """SELECT ?name ?title ?role WHERE { ?a a sg:Appearance ; sg:name ?name ; sg:role ?r ;
                     sg:position/sg:title ?title . BIND(STRAFTER(STR(?r), "/role/") AS ?role) } ORDER BY ?name ?title"""
    return sorted((r["name"], r["title"], r["role"]) for r in table(store.query(q)).dicts())


def sessions(store):
    q = PREFIX + "SELECT DISTINCT ?s ?t WHERE { ?s a sg:Session ; schema:name ?t }"
    return sorted(r["t"] for r in table(store.query(q)).dicts())


def notes(store, kind):
    q = PREFIX + ("SELECT ?path ?m WHERE { ?n sg:noteKind ?_k ; <http://www.w3.org/2000/01/rdf-schema#comment> ?m ;"
                  " <http://www.w3.org/ns/prov#wasDerivedFrom> ?g . ?g sg:path ?path }")
    return sorted((r["path"], r["m"]) for r in table(store.query(q, {ox.Variable("_k"): ox.Literal(kind)})).dicts())


FINAL_FACTS = [("Aino Virtanen", "Director-General", "moderator"), ("Rosa Quispe", "Port Captain", "panellist"),
               ("Tomas Berg", "Chief Security Officer", "panellist")]


def test_draft_and_final_in_one_run_do_not_pool(tmp_path):
    root = tmp_path / "conf-2023"
    write(root, "_2023-events/3 October 2023/Harbour Resilience Dialogue (Draft).md", DRAFT)
    write(root, "_2023-events/3 October 2023/Harbour Resilience Dialogue.md", FINAL)
    store = open_store(None)
    summary = ingest(store, [site_for(root)])
    assert titles_and_roles(store) == FINAL_FACTS
    assert sessions(store) == ["Harbour Resilience Dialogue"]
    assert summary.sessions == 1 and summary.appearances == 3
    ((path, message),) = notes(store, "superseded")
    assert path.endswith("Dialogue (Draft).md") and "Harbour Resilience Dialogue.md" in message
    seen = preview(site_for(root))  # the dry run keeps the same version
    assert (seen.sessions, seen.appearances) == (1, 3)


def test_final_added_later_supersedes_the_stored_draft_and_pruning_it_brings_the_draft_back(tmp_path):
    root = tmp_path / "conf-2023"
    write(root, "_2023-events/3 October 2023/a-draft.md", DRAFT)
    write(root, "_2023-events/3 October 2023/other.md", OTHER)
    store = open_store(None)
    ingest(store, [site_for(root)])
    draft_facts = [("Aino Virtanen", "Deputy Director", "speaker"), ("Tomas Berg", "Head of Security", "speaker")]
    assert [f for f in titles_and_roles(store) if f[1] in ("Deputy Director", "Head of Security")] == draft_facts

    write(root, "_2023-events/3 October 2023/final.md", FINAL)
    summary = ingest(store, [site_for(root)])
    assert summary.read == 1  # the draft is superseded without being read again
    assert titles_and_roles(store) == sorted([*FINAL_FACTS, ("Kofi Mensah", "Treasurer", "speaker")])
    assert [p for p, _ in notes(store, "superseded")] == ["_2023-events/3 October 2023/a-draft.md"]

    ingest(store, [site_for(root)])  # nothing changed: nothing moves
    assert not set(draft_facts) & set(titles_and_roles(store))

    (root / "_2023-events/3 October 2023/final.md").unlink()
    ingest(store, [site_for(root)], prune=True)
    assert titles_and_roles(store) == sorted([*draft_facts, ("Kofi Mensah", "Treasurer", "speaker")])
    assert notes(store, "superseded") == []


def test_a_new_draft_beside_a_stored_final_is_superseded(tmp_path):
    root = tmp_path / "conf-2023"
    write(root, "_2023-events/3 October 2023/final.md", FINAL)
    store = open_store(None)
    ingest(store, [site_for(root)])
    write(root, "_2023-events/3 October 2023/zz (Draft).md", DRAFT)
    ingest(store, [site_for(root)])
    assert titles_and_roles(store) == FINAL_FACTS
    assert [p for p, _ in notes(store, "superseded")] == ["_2023-events/3 October 2023/zz (Draft).md"]


def test_without_a_draft_marker_the_fuller_page_is_final(tmp_path):
    root = tmp_path / "conf-2023"
    write(root, "_2023-events/3 October 2023/a.md", DRAFT.replace(" (Draft)", ""))
    write(root, "_2023-events/3 October 2023/b.md", FINAL)
    store = open_store(None)
    ingest(store, [site_for(root)])
    assert titles_and_roles(store) == FINAL_FACTS


def test_same_title_without_draft_marker_and_other_permalink_is_another_session(tmp_path):
    root = tmp_path / "conf-2023"
    write(root, "_2023-events/3 October 2023/a.md", FINAL)
    write(root, "_2023-events/3 October 2023/b.md", FINAL.replace("events/harbour-resilience-dialogue/",
                                                                  "events/harbour-resilience-dialogue-room-2/"))
    store = open_store(None)
    ingest(store, [site_for(root)])
    assert sessions(store) == ["Harbour Resilience Dialogue", "Harbour Resilience Dialogue"]


@pytest.mark.parametrize("text, draft", [(DRAFT, True), (FINAL, False)])
def test_describe_marks_the_draft_and_ranks_it_lower(tmp_path, text, draft):
    root = tmp_path / "conf-2023"
    write(root, "x.md", text)
    parsed = pipeline("_2023-events/3 October 2023/x.md", text.encode(), site_for(root))
    keys, rank = versions.describe(parsed, "conf")
    assert "k|conf|2023-10-03|harbour-resilience-dialogue" in keys
    assert "t|conf|2023-10-03|harbour-resilience-dialogue" in keys
    assert rank.startswith("0|" if draft else "1|")


def test_a_final_changed_into_another_session_gives_the_draft_back(tmp_path):
    root = tmp_path / "conf-2023"
    write(root, "_2023-events/3 October 2023/a-draft.md", DRAFT)
    write(root, "_2023-events/3 October 2023/final.md", FINAL)
    store = open_store(None)
    ingest(store, [site_for(root)])
    assert titles_and_roles(store) == FINAL_FACTS
    write(root, "_2023-events/3 October 2023/final.md", OTHER)
    ingest(store, [site_for(root)])
    assert titles_and_roles(store) == [("Aino Virtanen", "Deputy Director", "speaker"),
                                       ("Kofi Mensah", "Treasurer", "speaker"),
                                       ("Tomas Berg", "Head of Security", "speaker")]
    assert notes(store, "superseded") == []


def test_a_final_in_another_folder_supersedes_a_stored_draft_it_cannot_read(tmp_path):
    drafts, finals = tmp_path / "drafts" / "conf-2023", tmp_path / "finals" / "conf-2023"
    write(drafts, "_2023-events/3 October 2023/x.md", DRAFT)
    write(finals, "_2023-events/3 October 2023/y.md", FINAL)
    store = open_store(None)
    ingest(store, [site_for(drafts)])
    ingest(store, [site_for(finals)])
    assert titles_and_roles(store) == FINAL_FACTS
    assert [p for p, _ in notes(store, "superseded")] == ["_2023-events/3 October 2023/x.md"]
    ingest(store, [site_for(drafts)])  # the draft's folder again, unchanged: it stays superseded
    assert titles_and_roles(store) == FINAL_FACTS
