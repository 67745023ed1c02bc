"""``/compare?a=…&b=…``: two editions side by side — who spoke at both, at one only, and whose print changed.

The editions are chosen from a list, or typed as a key (``sicw/2024``), an IRI or
a name ("SICW 2024", "Singapore International Cyber Week 2024"); a text that fits
several editions gives a short choice list. The answer is the stored query
``edition-comparison`` (so the CLI and the ``.csv`` give the same rows).

>>> fold("Singapore  International Cyber-Week 2024"), fold("sicw/2024")
('singapore international cyber week 2024', 'sicw 2024')
"""

from __future__ import annotations

import re
import unicodedata

from flask import Blueprint, render_template, request, url_for

from graph.results import table
from web.db import cached, get_store
from web.events import editions
from web.home import EDITIONS
from web.stored import all_queries, run_stored

bp = Blueprint("compare", __name__)
QUERY = "edition-comparison"


@bp.route("/compare")
def compare():
    """The comparison of editions ``a`` and ``b`` (a form to choose them when either is missing)."""
    known = all_editions()
    picked = {side: _pick(known, request.args.get(side, "")) for side in ("a", "b")}
    ready = all(len(p["found"]) == 1 for p in picked.values())
    context = {"editions": known, "picked": picked, "result": None}
    if ready:
        a, b = (picked[s]["found"][0] for s in ("a", "b"))
        values = {"a": a["edition"], "b": b["edition"]}
        context.update(a=a, b=b, groups=groups(run_stored(all_queries()[QUERY], values).dicts()),
                       csv=url_for("queries.show", name=f"{QUERY}.csv", **values))
    status = 400 if any(p["text"] and not p["found"] for p in picked.values()) else 200
    return render_template("compare.html", **context), status


def all_editions() -> list[dict]:
    """Every edition with its name, series and year, newest first (cached until the store changes)."""
    store = get_store()
    return cached("editions", lambda: editions(store, [r["edition"] for r in table(store.query(EDITIONS)).dicts()]))


def _pick(known: list[dict], text: str) -> dict:
    return {"text": text.strip(), "found": find(known, text) if text.strip() else []}


def find(known: list[dict], text: str) -> list[dict]:
    """The editions ``text`` names: by IRI, key, name, or series name and year; all that fit equally."""
    want = fold(text)
    exact = [e for e in known if want in _names(e)]
    if exact:
        return exact
    words = set(want.split())
    return [e for e in known if words and words <= set(" ".join(_names(e)).split())]


def _names(edition: dict) -> set[str]:
    key = edition["edition"].rsplit("/edition/", 1)[-1]
    year = str(edition.get("year") or "")
    return {fold(edition["edition"]), fold(key), fold(edition.get("name") or ""),
            fold(f"{edition.get('series_name') or ''} {year}")}


def fold(text: str) -> str:
    """Lower case, accents and punctuation dropped, one space between words."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def groups(rows: list[dict]) -> dict[str, list[dict]]:
    """The comparison's rows by group: changed, same (at both, printed alike), only at a, only at b."""
    out: dict[str, list[dict]] = {"changed": [], "same": [], "only_a": [], "only_b": []}
    for row in rows:
        row["positions_a"] = _split(row.get("positions_a"))
        row["positions_b"] = _split(row.get("positions_b"))
        both = row.get("at_a") == "1" and row.get("at_b") == "1"
        if both:
            out["changed" if row.get("changed") == "1" else "same"].append(row)
        else:
            out["only_a" if row.get("at_a") == "1" else "only_b"].append(row)
    return out


def _split(text: str | None) -> list[str]:
    return sorted(p for p in (text or "").split(" | ") if p)
