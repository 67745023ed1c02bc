"""Drafting one schedule from two exports of it: pretalx and frab publish the same schedule as XML
(``schedule.xml``) and as JSON (``schedule.json``), and a site's repository often keeps both in one folder.
Read both and every appearance comes twice, its people split between the XML's numeric ids and the JSON's
codes; the draft leaves the XML out when a JSON export beside it holds its events (by ``guid``, else by
title), and keeps the JSON, whose people carry the codes a speakers export (pretalx's API) joins by.

>>> import xml.etree.ElementTree as ET
>>> from ingest.records import Document
>>> xml = ET.fromstring('<schedule><day><room><event guid="a1"><title>Tides</title></event></room></day></schedule>')
>>> data = {"schedule": {"conference": {"days": [{"rooms": {"A": [{"guid": "a1", "title": "Tides", "persons": []}]}}]}}}
>>> docs = [Document("2025/schedule.xml", "", {}, "", 0, data=xml),
...         Document("2025/schedule.json", "", {}, "", 0, data=data)]
>>> twin_exports({"2025/schedule.xml": "frab", "2025/schedule.json": "pretalx"}, docs)
{'2025/schedule.xml': 'the same schedule as 2025/schedule.json (1 of 1 events), read from it'}
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from ingest.records import Document


def twin_exports(exports: dict[str, str], docs: list[Document]) -> dict[str, str]:
    """XML schedule export -> why it is left out, for each whose folder holds a JSON export of the same events."""
    by_path = {d.path: d for d in docs}
    found = {}
    for rel in sorted(p for p in exports if p.endswith(".xml") and p in by_path):
        events = set(_xml_events(by_path[rel].data))
        folder = PurePosixPath(rel).parent
        for other in sorted(p for p in exports if p.endswith(".json") and p in by_path):
            if not events or PurePosixPath(other).parent != folder:
                continue
            same = events & set(_json_events(by_path[other].data))
            if len(same) >= 0.9 * len(events):
                found[rel] = f"the same schedule as {other} ({len(same)} of {len(events)} events), read from it"
                break
    return found


def _xml_events(root) -> Iterator[str]:
    if root is None or not hasattr(root, "iter"):
        return
    for event in root.iter("event"):
        yield event.get("guid") or " ".join((event.findtext("title") or "").split())


def _json_events(data) -> Iterator[str]:
    if isinstance(data, dict):
        if "persons" in data and ("guid" in data or "title" in data):
            yield str(data.get("guid") or " ".join(str(data.get("title") or "").split()))
        for value in data.values():
            yield from _json_events(value)
    elif isinstance(data, list):
        for value in data:
            yield from _json_events(value)
