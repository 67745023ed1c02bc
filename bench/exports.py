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

from graph.export import FORMATS, export
from graph.store import open_store


def measure(store: str, repeat: int = 3) -> list[dict]:
    """Seconds (median and longest of ``repeat``) and bytes of each export format over the store folder ``store``."""
    source = open_store(store, read_only=True)
    rows = []
    for fmt in FORMATS:
        seconds, size = [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            size = len(export(source, fmt))
            seconds.append(time.perf_counter() - start)
        rows.append({"export": fmt, "median_s": round(statistics.median(seconds), 3),
                     "max_s": round(max(seconds), 3), "bytes": size})
    return rows  # not closed: EmbeddedStore.close() flushes, which a read-only store refuses


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "location", required=True, help="A store folder.")
@click.option("--repeat", type=click.IntRange(1), default=3, show_default=True)
def main(location: str, repeat: int) -> None:
    """Print the time of each export format over a store."""
    click.echo(f"{'export':8} {'median s':>9} {'max s':>8} {'bytes':>12}")
    for row in measure(location, repeat):
        click.echo(f"{row['export']:8} {row['median_s']:>9.3f} {row['max_s']:>8.3f} {row['bytes']:>12,}")


if __name__ == "__main__":
    main()
