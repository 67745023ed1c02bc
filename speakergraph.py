"""The ``speakergraph`` command: a thin click layer over ``graph``, ``ingest`` and ``web``.

Results go to stdout, progress and messages to stderr. Exit 0 on success,
1 on a domain error, 2 on misuse.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from graph import export as exporting
from graph import ids, lookup
from graph import network as networks
from graph import queries as stored
from graph import report as reporting
from graph import results
from graph import store as stores
from graph import subset as subsets
from graph.errors import SpeakergraphError
from graph.store import DEFAULT_LOCATION
from graph.text import printable

ROOT = Path(__file__).resolve().parent
SAMPLE = ROOT / "data" / "sample"
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def open_store(location, read_only=False):
    """The store at ``location``; a SPARQL server's endpoints and credentials come from ``SPEAKERGRAPH_*``."""
    from graph.remote import options_from

    return stores.open_store(location, read_only, remote=options_from(os.environ))


def store_option(fn):
    """``--store PATH|URL`` (env ``SPEAKERGRAPH_STORE``), default ``.speakergraph/store``."""
    return click.option("--store", "store_location", envvar="SPEAKERGRAPH_STORE", default=str(DEFAULT_LOCATION),
                        show_default=True, metavar="PATH|URL",
                        help="Store folder (embedded) or SPARQL endpoint URL.")(fn)


def domain_errors(fn):
    """Turn library errors into click errors (exit 1) with their message."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except SpeakergraphError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="speakergraph")
def main():
    """speakergraph: who spoke where, in what role, for which organisation and country."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@store_option
@click.option("--series", help="Series key for these folders (default: from the profile or folder name).")
@click.option("--series-name", help="Display name of the series (default: the key in capitals).")
@click.option("--profile", "profile_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Site profile to use instead of the folder's speakergraph.toml (one folder only).")
@click.option("--prune", is_flag=True, help="Remove the graphs of files that are gone from the folders.")
@click.option("-s", "--silent", is_flag=True, help="No progress bar.")
@click.option("-v", "--verbose", is_flag=True, help="List every note (warning) on stderr; with --dry-run, in its output.")
@click.option("--dry-run", is_flag=True, help="Write nothing: print what would be extracted (counts, sample rows, "
              "empty fields, odd names).")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output of --dry-run.")
@click.option("--rows", "sample", type=click.IntRange(min=0), default=12, show_default=True,
              help="Appearances shown by --dry-run, spread over the files (0: every one).")
@click.option("--optimize", is_flag=True, help="Then compact the store, as 'speakergraph optimize' does.")
@domain_errors
def ingest(paths, store_location, series, series_name, profile_path, prune, silent, verbose, dry_run, fmt, sample,
           optimize):
    """Ingest event and speaker pages under PATHS (default: the bundled sample)."""
    from ingest.loader import ingest as run, site_for

    paths = paths or (SAMPLE,)
    if profile_path and len(paths) != 1:
        raise click.UsageError("--profile describes one site: give exactly one folder with it")
    if dry_run:
        return _dry_run(paths, series, series_name, profile_path, fmt, sample, verbose)
    sites = [site_for(p, series, series_name, profile_path) for p in paths]
    store = open_store(store_location)
    if getattr(store, "recovered", False):
        click.echo(f"the store's first load was cut short (the store at {store.location} was emptied): "
                   "loading again", err=True)
    total = sum(len(s.paths()) for s in sites)
    with click.progressbar(length=total, label="ingesting", file=sys.stderr,
                           hidden=silent or not sys.stderr.isatty()) as bar:
        summary = run(store, sites, prune=prune, progress=lambda _path: bar.update(1))
    counts = reporting.counts(store)
    compacted = store.optimize() if optimize and (summary.read or summary.removed) else None
    store.close()
    if verbose:
        for note in summary.notes:
            click.echo(f"  {printable(str(note))}", err=True)
    for folder in summary.folders:
        click.echo(f"folder: {printable(str(folder))}", err=True)
    for note in (n for n in summary.notes if n.kind in ("drafted-profile", "draft-failed")):
        click.echo(f"profile: {printable(str(note))}", err=True)
    if summary.claimed:
        click.echo(f"{summary.claimed} file(s) had been ingested from another folder of the same series (or from "
                   "this one at another path), under the same name: replaced by this run's", err=True)
    if summary.unscoped:
        click.echo(f"not pruned: {summary.unscoped} file(s) of these series record no folder (ingested by an "
                   "older speakergraph) — ingest their folders once, and prune will know them", err=True)
    click.echo(
        f"files: {summary.read} read, {summary.unchanged} unchanged, {summary.failed} failed"
        + (f", {summary.links} links skipped" if summary.links else "")
        + (f", {summary.removed} removed" if prune or summary.removed else "") + "\n"
        f"this run: {summary.sessions} sessions, {summary.appearances} appearances, "
        f"{summary.speaker_pages} speaker pages, {summary.warnings} warnings"
        + (f" and {len(summary.notes) - summary.warnings} other notes" if len(summary.notes) > summary.warnings else "")
        + "\n"
        f"store: {counts['sessions']} sessions, {counts['appearances']} appearances, {counts['people']} people, "
        f"{counts['organisations']} organisations, {counts['countries']} countries")
    if compacted is not None:
        click.echo(f"store compacted in {compacted:.1f} s")
    failed = [n for n in summary.notes if n.kind in ("failed-file", "no-reader")]
    for note in failed:
        click.echo(f"error: {printable(str(note))}", err=True)
    if summary.notes and not verbose:
        click.echo("run 'speakergraph report' for every warning and note with its file and line", err=True)
    refused = any(n.kind == "no-reader" for n in failed)
    if (summary.failed or refused) and not (summary.read - summary.failed) and not summary.unchanged:
        raise click.ClickException("nothing could be ingested — see the errors above")


def _dry_run(paths, series, series_name, profile_path, fmt, sample, verbose=False):
    """``ingest --dry-run``: each folder's preview on stdout (``-v``: with every note); exit 1 when a folder is
    refused."""
    import json

    from ingest import preview

    previews = [preview.run(p, series, series_name, profile_path, sample, every_note=verbose) for p in paths]
    if fmt == "json":
        click.echo(json.dumps([p.to_dict() for p in previews], indent=1, ensure_ascii=False))
    else:
        click.echo("\n".join(preview.render(p) for p in previews), nl=False)
    refused = [p for p in previews if p.refusal]
    if refused:
        raise click.ClickException(f"no reader fits {len(refused)} of the folders — nothing would be ingested")


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the drafted profile here instead of stdout.")
@domain_errors
def profile(folder, output):
    """Draft a speakergraph.toml for FOLDER: each guess commented with its evidence."""
    from ingest import draft

    drafted = draft.settle(draft.draft(folder))
    text = draft.render(drafted)
    own = folder / "speakergraph.toml"
    replaced = own.is_file() and output is not None and output.resolve() == own.resolve()
    if own.is_file() and not replaced:
        click.echo(f"{own} exists: this draft ignores it (compare the two)", err=True)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    parts = len(drafted.profile().get("parts", []))
    check = f"ingest --dry-run {folder}" + ("" if output is not None and output.resolve() == own.resolve()
                                             else f" --profile {output or 'FILE'}")
    click.echo(f"drafted {parts} part{'s' * (parts != 1)} from {drafted.files} files"
               + (f" (replacing the {own.name} that was there)" if replaced else "")
               + f"; check it with: speakergraph {check}", err=True)


@main.command("queries")
@click.option("--folder", type=click.Path(exists=True, file_okay=False, path_type=Path), default=stored.QUERIES,
              show_default=True, help="Folder of .rq files.")
@domain_errors
def list_queries(folder):
    """List the stored queries with their parameters."""
    for name, q in stored.load_queries(folder).items():
        params = " ".join(f"--param {p.name}=…" for p in q.params)
        click.echo(f"{name}: {q.title}" + (f"  [{params}]" if params else ""))
        if q.description:
            click.echo(f"    {q.description}")


@main.command()
@click.argument("query")
@store_option
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.option("--limit", type=int, default=None, help="At most this many rows.")
@domain_errors
def query(query, store_location, params, fmt, limit):
    """Run a stored query by NAME, or a .rq FILE, or a SPARQL text."""
    q = _stored_query(query)
    store = open_store(store_location, read_only=_exists(store_location))
    values, choices = lookup.resolve(store, {p.name: p.type for p in q.params}, _param_values(params))
    _refuse_choices(choices)
    t = results.table(store.query(q.text, q.bindings(values)), limit=limit)
    click.echo({"table": results.to_text, "csv": results.to_csv, "json": results.to_json}[fmt](t).rstrip("\n"))
    if t.truncated:
        click.echo(f"(cut at {limit} rows)", err=True)


def _param_values(params) -> dict[str, str]:
    values = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--param {item!r}: write it as NAME=VALUE")
        values[name.strip().lstrip("?_")] = value
    return values


def _stored_query(query: str):
    """A stored query by name, a .rq file, or a SPARQL text."""
    if "select" in query.lower() and "{" in query:
        return stored.StoredQuery.parse("ad-hoc", query)
    return stored.find_query(query)


def _refuse_choices(choices: dict) -> None:
    """A typed name that fits several: the keys to choose from, as the error."""
    if choices:
        raise click.ClickException("".join(
            f"--param {name}: {len(found)} fit — " + "; ".join(f"{m.label} ({m.key})" for m in found)
            + " — give one of these keys\n" for name, found in choices.items()).rstrip("\n"))


@main.command("export")
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice(exporting.FORMATS), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file instead of stdout.")
@click.option("--series", metavar="KEY|NAME", help="Only this series (e.g. sicw).")
@click.option("--edition", metavar="KEY|NAME", help="Only this edition (e.g. sicw/2024 or 'SICW 2024').")
@click.option("--query", "query_name", metavar="NAME|FILE",
              help="Only the sessions and people a stored query's answer names, with their facts.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="A parameter of --query.")
@domain_errors
def export_(store_location, fmt, output, series, edition, query_name, params):
    """Export the whole graph, or one series, edition or query's answer, as RDF or as the appearances CSV."""
    chosen = [o for o, v in (("--series", series), ("--edition", edition), ("--query", query_name)) if v]
    if len(chosen) > 1:
        raise click.UsageError(f"{' and '.join(chosen)}: give one subset at a time")
    if params and not query_name:
        raise click.UsageError("--param goes with --query")
    store = open_store(store_location, read_only=_exists(store_location))
    part = _subset(store, series, edition, query_name, params) if chosen else None
    data = exporting.export(store, fmt, part)
    if output:
        output.write_bytes(data)
        what = f" ({part.what}: {len(part.sessions)} sessions, {len(part.graphs)} files)" if part else ""
        click.echo(f"wrote {len(data):,} bytes to {output}{what}", err=True)
    else:
        sys.stdout.buffer.write(data)


def _subset(store, series, edition, query_name, params):
    """The subset the export options name; names are resolved as stored-query parameters are."""
    if query_name:
        q = _stored_query(query_name)
        values, choices = lookup.resolve(store, {p.name: p.type for p in q.params}, _param_values(params))
        _refuse_choices(choices)
        return subsets.of_answer(store, results.table(store.query(q.text, q.bindings(values))).rows)
    kind, typed = ("series", series) if series else ("edition", edition)
    values, choices = lookup.resolve(store, {kind: kind}, {kind: typed})
    _refuse_choices(choices)
    return subsets.of_kind(store, kind, values[kind])


@main.command()
@store_option
@domain_errors
def stats(store_location):
    """Counts of files, sessions, appearances, people, organisations, countries."""
    store = open_store(store_location, read_only=_exists(store_location))
    for key, value in reporting.counts(store).items():
        click.echo(f"{key:14} {value}")


@main.command()
@store_option
@domain_errors
def optimize(store_location):
    """Compact the store after ingests that changed files: its queries read faster (seconds per million quads)."""
    if store_location.startswith(("http://", "https://")):
        click.echo(f"nothing to do: the SPARQL server at {store_location} manages its own storage")
        return
    if not _exists(store_location):
        raise click.ClickException(f"no store at {store_location} — run 'speakergraph ingest' first, or pass --store")
    store = open_store(store_location)
    seconds = store.optimize()
    store.close()
    click.echo(f"store at {store.location} compacted in {seconds:.1f} s")


@main.command()
@store_option
@domain_errors
def report(store_location):
    """The data-quality report: skipped files and rows with reasons, unresolved links, gaps."""
    store = open_store(store_location, read_only=_exists(store_location))
    click.echo(reporting.format_report(reporting.report(store)), nl=False)


def network_options(fn):
    """``--kind`` and the filters ``--year``, ``--edition``, ``--role``, ``--country`` of the network commands."""
    options = [
        click.option("--kind", type=click.Choice(networks.KINDS), default="people", show_default=True,
                     help="What the nodes are."),
        click.option("--year", type=int, help="Only sessions of this year."),
        click.option("--edition", metavar="KEY|IRI", help="Only sessions of this edition (e.g. sicw/2024)."),
        click.option("--role", type=click.Choice(networks.ROLES), help="Only appearances in this role."),
        click.option("--country", metavar="CODE", help="Only appearances for this country (alpha-2, e.g. SG)."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _network(store_location, kind, year, edition, role, country):
    store = open_store(store_location, read_only=_exists(store_location))
    # an edition or a country may be typed as a name ("SICW 2024", "Singapore"), a key or a code
    values, choices = lookup.resolve(store, {"edition": "edition", "country": "country"},
                                     {k: v for k, v in (("edition", edition), ("country", country)) if v})
    if choices:
        raise click.ClickException("; ".join(f"--{name}: several fit — " + ", ".join(f"{m.label} ({m.key})" for m in found)
                                             for name, found in choices.items()))
    edition = ids.split(values["edition"])[1] if "edition" in values else None
    country = ids.split(values["country"])[1] if "country" in values else None
    return networks.network(store, kind, networks.Filters(year, edition, role, country))


@main.command("network")
@store_option
@network_options
@click.option("-f", "--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv"]),
              help="File format (default: from the -o extension, else graphml).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file instead of stdout.")
@domain_errors
def network_(store_location, kind, year, edition, role, country, fmt, output):
    """Export the co-appearance network of people, organisations or countries (for Gephi)."""
    from graph import netexport

    net = _network(store_location, kind, year, edition, role, country)
    data = netexport.write(net, fmt or netexport.format_for(str(output or "")))
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    click.echo(f"{kind} network: {net.graph.number_of_nodes():,} nodes, {net.graph.number_of_edges():,} edges"
               + (f" ({net.filters.describe()})" if net.filters.describe() else "")
               + (f" → {output}" if output else ""), err=True)


@main.command()
@store_option
@network_options
@click.option("-m", "--measure", type=click.Choice(["degree", "weighted", "betweenness", "pagerank", "eigenvector"]),
              default="weighted", show_default=True, help="weighted = shared sessions summed over neighbours.")
@click.option("-n", "--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many to list.")
@domain_errors
def central(store_location, kind, year, edition, role, country, measure, top):
    """The most central nodes of a co-appearance network by one measure."""
    from graph import measures

    net = _network(store_location, kind, year, edition, role, country)
    scores = measures.score(net, measure)
    for rank, (node, value) in enumerate(scores.top(top), 1):
        click.echo(f"{rank:>4}  {value:>10.4g}  {printable(net.label(node))}  <{node}>")
    if scores.note:
        click.echo(f"{measure}: {scores.note}", err=True)


@main.command()
@click.argument("source", metavar="PERSON")
@click.argument("target", metavar="PERSON")
@store_option
@domain_errors
def path(source, target, store_location):
    """How two people are connected: each step with the sessions they shared (PERSON = key or IRI)."""
    net = _network(store_location, "people", None, None, None, None)
    steps = networks.path(net, source, target)
    click.echo(printable(net.label(steps[0].source) if steps else net.label(networks.node(net, source))))
    for step in steps:
        for session in step.sessions:
            click.echo(f"  ↓ {printable(session.title)} ({session.date})")
        click.echo(printable(net.label(step.target)))
    click.echo(f"{len(steps)} step{'s' * (len(steps) != 1)}", err=True)


@main.command()
@store_option
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True)
@click.option("--threshold", type=click.FloatRange(0, 100), default=80, show_default=True,
              help="Lowest score (0-100) to list: name similarity, +10 for an organisation in common, +5 for a "
                   "country in common, -10 when their countries differ.")
@domain_errors
def duplicates(store_location, fmt, threshold):
    """People who may be one person: candidate pairs with a score and the evidence.

    Record a decision in data/identity.csv (a,b,decision,reason with decision
    'same' or 'different'); it is applied on every ingest.
    """
    import csv

    from graph.text import cell
    from ingest.identity import candidates

    store = open_store(store_location, read_only=_exists(store_location))
    rows = [c.row() for c in candidates(store, threshold=threshold)]
    if fmt == "csv":
        columns = list(rows[0]) if rows else ["a", "b", "score"]
        writer = csv.DictWriter(sys.stdout, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: cell(str(v)) for k, v in row.items()} for row in rows)
        return
    for row in rows:
        click.echo(f"{row['score']:>3}  {row['a']}  ~  {row['b']}")
        for field in ("name", "honorifics", "organisations", "countries", "events"):
            click.echo(printable(f"     {field:13} {row[field + '_a'] or '—'}  |  {row[field + '_b'] or '—'}"))
    click.echo(f"{len(rows)} candidate pair{'s' * (len(rows) != 1)}", err=True)


def _exists(location: str) -> bool:
    return not location.startswith(("http://", "https://")) and os.path.isdir(location)


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, envvar="SPEAKERGRAPH_HOST", help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, envvar="SPEAKERGRAPH_PORT",
              help="Port to listen on (0: any free port).")
@click.option("--base-url", envvar="SPEAKERGRAPH_BASE_URL", metavar="URL",
              help="The site's public address, written in VoID and pages (default: http://HOST:PORT/). "
                   "The Host header is never written out.")
@click.option("--trusted-host", "trusted_hosts", multiple=True, envvar="SPEAKERGRAPH_TRUSTED_HOSTS", metavar="NAME",
              help="A Host header to accept (repeatable); others get 400. Default: the base URL's host, and "
                   "loopback names when listening on loopback.")
@click.option("--timeout", "sparql_timeout", default=10.0, show_default=True, type=float,
              envvar="SPEAKERGRAPH_SPARQL_TIMEOUT", help="Seconds a /sparql query may run before it is stopped.")
@click.option("--max-rows", "sparql_max_rows", default=10_000, show_default=True, type=int,
              envvar="SPEAKERGRAPH_SPARQL_MAX_ROWS", help="Rows (or triples) an answer may hold; more are cut.")
@click.option("--workers", "sparql_workers", default=2, show_default=True, type=click.IntRange(min=1),
              envvar="SPEAKERGRAPH_SPARQL_WORKERS", help="Processes that run /sparql queries.")
@click.option("--queue", "sparql_queue", default=16, show_default=True, type=click.IntRange(min=0),
              envvar="SPEAKERGRAPH_SPARQL_QUEUE", help="/sparql requests that may wait for a worker; more get 503 "
                                                       "with Retry-After at once.")
@click.option("--memory", "sparql_memory", default=512, show_default=True, type=click.IntRange(min=0),
              envvar="SPEAKERGRAPH_SPARQL_MEMORY", help="MiB a query worker may allocate (RLIMIT_AS); 0: no cap.")
@click.option("--allow-service", "allow_service", multiple=True, envvar="SPEAKERGRAPH_ALLOW_SERVICE", metavar="HOST",
              help="A host (HOST or HOST:PORT) that SPARQL SERVICE may call (repeatable); none by default.")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(min=1), envvar="SPEAKERGRAPH_THREADS",
              help="Threads for pages, besides one per /sparql worker and queue place.")
@click.option("--connection-limit", default=1000, show_default=True, type=click.IntRange(min=16),
              envvar="SPEAKERGRAPH_CONNECTION_LIMIT", help="Open connections accepted at once.")
@domain_errors
def serve(store_location, host, port, base_url, trusted_hosts, sparql_timeout, sparql_max_rows, sparql_workers,
          sparql_queue, sparql_memory, allow_service, threads, connection_limit):
    """Serve the browsing pages, linked data and the SPARQL endpoint over the store (with waitress)."""
    from waitress.server import create_server

    from graph.remote import options_from
    from web import create_app
    from web.db import get_store
    from web.server import check_base_url, trusted, waitress_options

    remote = options_from(os.environ)
    if _exists(store_location):
        store = store_location  # a folder: the app and its query workers open it read-only
    elif store_location.startswith(("http://", "https://")):
        store = store_location  # a SPARQL server: the app reads it with the read-only options from SPEAKERGRAPH_*
        if store_location.rstrip("/").endswith("-auth") and not remote.get("read_user"):
            raise click.UsageError(f"{store_location} needs credentials, and the web app never uses the ingest's: "
                                   "set SPEAKERGRAPH_READ_USER and SPEAKERGRAPH_READ_PASSWORD to a read-only user, "
                                   "or serve the public query endpoint (…/sparql)")
    else:
        raise click.ClickException(f"no store at {store_location} — run 'speakergraph ingest' first "
                                   "(with no paths it loads the bundled sample), or pass --store")
    if base_url:
        check_base_url(base_url)
    app = create_app({"STORE": store, "REMOTE": remote, "SPARQL_TIMEOUT": sparql_timeout,
                      "SPARQL_MAX_ROWS": sparql_max_rows, "SPARQL_WORKERS": sparql_workers,
                      "SPARQL_QUEUE": sparql_queue, "SPARQL_MEMORY": sparql_memory or None,
                      "SPARQL_ALLOW_SERVICE": tuple(h for item in allow_service for h in item.split()),
                      "BASE_URL": base_url or "http://localhost/", "TRUSTED_HOSTS": None})
    with app.app_context():
        get_store()  # fail here, not at the first request
    import logging

    # a warning per queued request under load fills an unread stderr pipe and stalls the server
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    server = create_server(app, host=host, port=port, ident="speakergraph",
                           **waitress_options(threads + sparql_workers + sparql_queue, connection_limit))
    where = f"[{host}]" if ":" in host else host
    listening = f"http://{where}:{server.effective_port}/"
    app.config["BASE_URL"] = base_url or listening
    app.config["TRUSTED_HOSTS"] = trusted(host, app.config["BASE_URL"], [h for i in trusted_hosts for h in i.split()])
    from web.warm import warm

    warm(app)  # whole-graph pages and aggregates into the cache while the server starts answering
    app.extensions["speakergraph"].on_follow = lambda: warm(app)  # and again after an ingest while serving
    click.echo(f"speakergraph: serving {store_location} at {listening} (Ctrl+C stops)", err=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
