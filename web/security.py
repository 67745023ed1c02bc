"""Security headers on every response: a strict CSP with no inline scripts, no framing, no sniffing.

The data are public and read-only and there are no cookies, so the SPARQL
endpoint and the RDF views allow cross-origin reads (browser-based clients
such as YASGUI need it).
"""

from __future__ import annotations

from flask import Flask, Response, request

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def add_headers(response: Response) -> Response:
    """Set the security headers, and CORS on the machine-readable routes."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.path.startswith(("/sparql", "/id/", "/dataset/")) and (
            response.mimetype != "text/html" or request.method == "OPTIONS"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = "Speakergraph-Truncated, Speakergraph-Row-Limit"
        if request.method == "OPTIONS":  # a browser asking before it POSTs application/sparql-query
            response.headers["Access-Control-Allow-Methods"] = "GET, POST"
            response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    return response


def init_app(app: Flask) -> None:
    """Register the headers on ``app``."""
    app.after_request(add_headers)
