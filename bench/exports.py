"""Time every export format on a store: an export that is not linear in the graph shows here.

    python -m bench.exports --store .speakergraph/store

``bench/run.py`` calls ``measure(store)`` after the page and endpoint hooks; its
rows go into ``bench/results.md`` with the run's other tables. Each format is
exported ``repeat`` times in this process (the first run included: exports are
not cached here), and the median and the longest are kept.
"""

from __future__ import annotations

import statistics
import time

import click

from graph import lookup
from graph.export import FORMATS, export
from graph.store import open_store
from graph.subset import of_kind


SUBSET_FORMATS = ("turtle", "nquads", "csv")


def measure(store: str, repeat: int = 3) -> list[dict]:
    """Seconds (median and longest of ``repeat``) and bytes of each export format over the store folder ``store``,
    whole and for subsets: the first edition and its series (finding the subset's files is timed too)."""
    source = open_store(store, read_only=True)
    rows = [_timed(fmt, repeat, lambda fmt=fmt: export(source, fmt)) for fmt in FORMATS]
    editions = lookup.entities(source, "edition")
    if editions:
        edition = editions[0].key
        for kind, key in (("edition", edition), ("series", edition.split("/")[0])):
            for fmt in SUBSET_FORMATS:
                rows.append(_timed(f"{fmt} --{kind} {key}", repeat,
                                   lambda fmt=fmt, kind=kind, key=key: export(source, fmt, of_kind(source, kind, key))))
    return rows  # not closed: EmbeddedStore.close() flushes, which a read-only store refuses


def _timed(name: str, repeat: int, run) -> dict:
    seconds, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(run())
        seconds.append(time.perf_counter() - start)
    return {"export": name, "median_s": round(statistics.median(seconds), 3), "max_s": round(max(seconds), 3),
            "bytes": size}


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "location", required=True, help="A store folder.")
@click.option("--repeat", type=click.IntRange(1), default=3, show_default=True)
def main(location: str, repeat: int) -> None:
    """Print the time of each export format over a store."""
    click.echo(f"{'export':32} {'median s':>9} {'max s':>8} {'bytes':>12}")
    for row in measure(location, repeat):
        click.echo(f"{row['export']:32} {row['median_s']:>9.3f} {row['max_s']:>8.3f} {row['bytes']:>12,}")


if __name__ == "__main__":
    main()
