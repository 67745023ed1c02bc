"""``/network``: the co-appearance network to explore, its measures and files, and paths between people.

The drawing is done by cytoscape.js, an npm package that ``npm ci`` installs
into ``node_modules/`` (git-ignored); it is served from there at
``/network/assets/``, never from a CDN. Networks and their measures are
computed once per store state by ``graph.network``, not on every request.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, send_from_directory

from graph import measures, netexport
from graph import network as networks
from graph.errors import NetworkError
from graph.network import KINDS, ROLES, Filters, Network
from web.db import get_store, resources
from web.links import path as href

bp = Blueprint("network", __name__)

NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
ASSETS = {"cytoscape.min.js": "cytoscape/dist"}  # file served -> its folder under node_modules
DRAWN = 250  # nodes drawn at most in the view: the most connected are kept
LINKS = 2500  # edges drawn at most among them: the heaviest are kept
NEIGHBOURS = 60  # neighbours drawn at most around a person
_EDITION = re.compile(r"^[a-z0-9-]+/\d{4}$")
_COUNTRY = re.compile(r"^[A-Za-z]{2,8}$")


def current(kind: str = "people", filters: Filters | None = None) -> Network:
    """The network of the app's store, cached per store state."""
    return networks.network(get_store(), kind, filters, state=resources().state())


def choice(args) -> tuple[str, Filters]:
    """The kind and the filters asked for in the query string; 400 on a value that cannot be one."""
    kind = args.get("kind") or "people"
    if kind not in KINDS:
        abort(400, f"kind must be one of {', '.join(KINDS)}")
    year, edition, role, country = (args.get(k) or None for k in ("year", "edition", "role", "country"))
    if year and not year.isdigit():
        abort(400, "year must be a number such as 2024")
    if edition and not _EDITION.match(edition):
        abort(400, "edition must be a key such as sicw/2024")
    if role and role not in ROLES:
        abort(400, f"role must be one of {', '.join(ROLES)}")
    if country and not _COUNTRY.match(country):
        abort(400, "country must be a code such as SG")
    return kind, Filters(int(year) if year else None, edition, role, country)


@bp.route("/network")
def page():
    """The network page: the view, the filters, the most central nodes, downloads."""
    kind, filters = choice(request.args)
    measure = request.args.get("measure") or "weighted"
    if measure not in measures.MEASURES:
        abort(400, f"measure must be one of {', '.join(measures.MEASURES)}")
    net = current(kind, filters)
    score = measures.score(net, measure)
    args = _args(kind, filters)
    return render_template(
        "network.html", net=net, kind=kind, filters=filters, measure=measure, score=score,
        top=[(node, net.label(node), value) for node, value in score.top(25)],
        components=measures.components(net), communities=measures.communities(net),
        modularity=measures.modularity(net), args=args, drawn=min(DRAWN, net.graph.number_of_nodes()),
        kinds=KINDS, roles=ROLES, measures=measures.MEASURES, formats=list(netexport.FORMATS))


@bp.route("/network/data.json")
def data():
    """The most connected nodes of the network and the edges between them, for cytoscape.js."""
    kind, filters = choice(request.args)
    net = current(kind, filters)
    weighted = measures.score(net, "weighted").values
    keep = [node for node, _ in sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:DRAWN]]
    community = measures.membership(measures.communities(net))
    return jsonify(elements(net, keep, weighted, community) | {"total": net.graph.number_of_nodes()})


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
    kind, filters = choice(request.args)
    body = netexport.write(current(kind, filters), fmt)
    response = Response(body, mimetype=netexport.FORMATS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="speakergraph-{kind}.{fmt}"'
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


def elements(net: Network, keep: list[str], weights: dict, community: dict) -> dict:
    """Cytoscape elements for the nodes ``keep`` and the (heaviest ``LINKS``) edges among them."""
    nodes = [{"data": {"id": n, "label": net.label(n), "url": href(n), "weight": weights.get(n, 0),
                       "community": community.get(n, 0)}} for n in keep]
    links = sorted(net.graph.subgraph(keep).edges(data="weight"), key=lambda e: (-e[2], e[0], e[1]))
    edges = [{"data": {"source": a, "target": b, "weight": w}} for a, b, w in links[:LINKS]]
    return {"nodes": nodes, "edges": edges, "links": len(links)}


def _args(kind: str, filters: Filters) -> dict:
    return {"kind": kind} | {k: v for k, v in vars(filters).items() if v not in (None, "")}
