"""``/network``: the co-appearance network to explore, its measures and files, and paths between people.

The drawing is done by cytoscape.js, an npm package that ``npm ci`` installs
into ``node_modules/`` (git-ignored); it is served from there at
``/network/assets/``, never from a CDN. Networks and their measures are
computed once per store state by ``graph.network``, not on every request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, send_from_directory

from graph import lookup, measures, netexport
from graph import network as networks
from graph.errors import NetworkError
from graph.network import KINDS, ROLES, Filters, Network
from web.db import cached, get_store, resources
from web.links import path as href

bp = Blueprint("network", __name__)

NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
ASSETS = {"cytoscape.min.js": "cytoscape/dist"}  # file served -> its folder under node_modules
DRAWN = 250  # nodes drawn at most in the view: the most connected are kept
LINKS = 2500  # edges drawn at most among them: the heaviest are kept
NEIGHBOURS = 60  # neighbours drawn at most around a person
COLOURS = 12  # groups drawn in a colour of their own (network.css --group-0 … --group-11); the rest in grey


def current(kind: str = "people", filters: Filters | None = None) -> Network:
    """The network of the app's store, cached per store state."""
    return networks.network(get_store(), kind, filters, state=resources().state())


@dataclass
class Choice:
    """What the query string asks for: the kind, the filters, the measure; ``problems`` for what was left out."""

    kind: str = "people"
    filters: Filters = field(default_factory=Filters)
    measure: str = "weighted"
    names: dict = field(default_factory=dict)  # filter -> the name it is shown by ("Singapore" for SG)
    problems: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """The filters in words, with names instead of codes."""
        return ", ".join(f"{k} {self.names.get(k, v)}" for k, v in vars(self.filters).items() if v not in (None, ""))


def choice(args) -> Choice:
    """The kind, filters and measure asked for; a value that cannot be one is left out with a message why.

    The country and the edition may be typed as a name, a code or a key ("Singapore", "sg", "SICW 2024").
    """
    out = Choice()
    kind, measure = args.get("kind") or "people", args.get("measure") or "weighted"
    out.kind = _allowed(kind, KINDS, "kind of network", out.problems) or "people"
    out.measure = _allowed(measure, measures.MEASURES, "measure", out.problems) or "weighted"
    year = (args.get("year") or "").strip()
    if year and not year.isdigit():
        out.problems.append(f"year {year!r} is not a year — type one such as 2024; showing every year")
    role = _allowed((args.get("role") or "").strip().lower(), ROLES, "role", out.problems)
    edition = _entity("edition", args.get("edition"), out)
    country = _entity("country", args.get("country"), out)
    out.filters = Filters(int(year) if year.isdigit() else None, edition, role, country)
    return out


def _allowed(value: str, allowed: tuple, what: str, problems: list[str]) -> str | None:
    if not value or value in allowed:
        return value or None
    problems.append(f"{value!r} is no {what} here — use one of {', '.join(allowed)}")
    return None


def _entity(kind: str, text: str | None, out: Choice) -> str | None:
    """The key of the one ``kind`` that ``text`` names; else ``None`` with a problem saying what fits."""
    text = (text or "").strip()[:200]
    if not text:
        return None
    store = get_store()
    found = lookup.find(cached(f"lookup:{kind}", lambda: lookup.entities(store, kind)), text)
    if len(found) == 1:
        out.names[kind] = found[0].label
        return found[0].key
    if found:
        fits = "; ".join(f"{m.label} ({m.key})" for m in found[:lookup.CHOICES])
        out.problems.append(f"{text!r} fits several — {fits}: type one of these; showing every {kind}")
    else:
        example = "Singapore or SG" if kind == "country" else "sicw/2024"
        out.problems.append(f"no {kind} is called or coded {text!r} — type a name or a code such as {example}; "
                            f"showing every {kind}")
    return None


@bp.route("/network")
def page():
    """The network page: the view, the filters, the legend, the most central nodes, downloads."""
    asked = choice(request.args)
    net = current(asked.kind, asked.filters)
    score = measures.score(net, asked.measure)
    groups = measures.communities(net)
    weighted = measures.score(net, "weighted").values
    return render_template(
        "network.html", net=net, asked=asked, kind=asked.kind, filters=asked.filters, measure=asked.measure,
        score=score, top=[(node, net.label(node), value) for node, value in score.top(25)],
        components=measures.components(net), communities=groups, modularity=measures.modularity(net),
        legend=legend(net, groups, weighted), args=_args(asked), drawn=min(DRAWN, net.graph.number_of_nodes()),
        kinds=KINDS, roles=ROLES, measures=measures.WORDS, formats=list(netexport.FORMATS),
        lookup_kinds=("country",))


@bp.route("/network/data.json")
def data():
    """The most connected nodes of the network and the edges between them, for cytoscape.js.

    Nodes are kept by shared sessions and sized by the measure asked for (``size``).
    """
    asked = _checked(choice(request.args))
    net = current(asked.kind, asked.filters)
    weighted = measures.score(net, "weighted").values
    keep = [node for node, _ in sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:DRAWN]]
    community = measures.membership(measures.communities(net))
    sizes = measures.score(net, asked.measure).values
    return jsonify(elements(net, keep, weighted, community, sizes)
                   | {"total": net.graph.number_of_nodes(), "measure": measures.words(asked.measure)})


@bp.route("/network/person/<path:key>.json")
def person_data(key: str):
    """A person and the people they appeared with (the most shared first), for cytoscape.js."""
    net = current()
    try:
        rows = networks.neighbours(net, key)
    except NetworkError as exc:
        abort(404, str(exc))
    me = networks.node(net, key)
    keep = [me] + [other for other, _, _ in rows[:NEIGHBOURS]]
    weights = {other: w for other, w, _ in rows}
    weights[me] = max(weights.values(), default=1)  # drawn as large as the closest neighbour
    body = elements(net, keep, weights, {n: 1 for n in keep} | {me: 0})
    return jsonify(body | {"total": len(rows) + 1, "center": me})


@bp.route("/network/export.<fmt>")
def export(fmt: str):
    """The network as a file for Gephi and friends: GraphML, GEXF, node-link JSON or CSV."""
    if fmt not in netexport.FORMATS:
        abort(404, f"no network format {fmt!r} — use one of {', '.join(netexport.FORMATS)}")
    asked = _checked(choice(request.args))
    body = netexport.write(current(asked.kind, asked.filters), fmt)
    response = Response(body, mimetype=netexport.FORMATS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="speakergraph-{asked.kind}.{fmt}"'
    return response


@bp.route("/network/path")
def path():
    """How two people are connected: each step with the sessions the two shared."""
    source, target = (request.args.get(k, "").strip() for k in ("from", "to"))
    net, steps, error, status = current(), [], None, 200
    if source and target:
        try:
            steps = networks.path(net, source, target)
        except NetworkError as exc:
            error, status = str(exc), 404 if "is not in the" in str(exc) else 200
    return render_template("network_path.html", net=net, source=source, target=target, steps=steps,
                           error=error), status


@bp.route("/network/assets/<name>")
def asset(name: str):
    """A front-end library from ``node_modules`` (installed by ``npm ci``)."""
    if name not in ASSETS:
        abort(404)
    folder = Path(current_app.config.get("NODE_MODULES", NODE_MODULES)) / ASSETS[name]
    if not (folder / name).is_file():
        abort(404, f"{name} is not installed — run 'npm ci' in the checkout (it installs into node_modules/)")
    return send_from_directory(folder, name, max_age=86400)


def elements(net: Network, keep: list[str], weights: dict, community: dict, sizes: dict | None = None) -> dict:
    """Cytoscape elements for the nodes ``keep`` and the (heaviest ``LINKS``) edges among them.

    A node's ``size`` is its score (its ``weight`` unless ``sizes`` are given); ``community`` its group's index.
    """
    sizes = weights if sizes is None else sizes
    nodes = [{"data": {"id": n, "label": net.label(n), "url": href(n), "weight": weights.get(n, 0),
                       "size": sizes.get(n, 0), "community": community.get(n, 0)}} for n in keep]
    links = sorted(net.graph.subgraph(keep).edges(data="weight"), key=lambda e: (-e[2], e[0], e[1]))
    edges = [{"data": {"source": a, "target": b, "weight": w}} for a, b, w in links[:LINKS]]
    return {"nodes": nodes, "edges": edges, "links": len(links)}


def legend(net: Network, groups: list[set[str]], weighted: dict) -> list[tuple[int, str, int]]:
    """The groups drawn in colour: ``(index, the label of its most connected member, how many others)``."""
    out = []
    for index, group in enumerate(groups[:COLOURS]):
        first = min(group, key=lambda n: (-weighted.get(n, 0), n))
        out.append((index, net.label(first), len(group) - 1))
    return out


def _checked(asked: Choice) -> Choice:
    if asked.problems:
        abort(400, "; ".join(asked.problems))
    return asked


def _args(asked: Choice) -> dict:
    shown = {k: v for k, v in vars(asked.filters).items() if v not in (None, "")}
    return {"kind": asked.kind} | shown | ({"measure": asked.measure} if asked.measure != "weighted" else {})
