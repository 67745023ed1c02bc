"""The site's public address: absolute URLs come from ``BASE_URL``, never from the request's Host header.

A Host header is whatever the client sends; copied into VoID or a page, a
forged one would be served to everyone who reads them (and to caches). With
``BASE_URL`` unset (the app run by tests or another WSGI server), absolute URLs
use the Host header only after Flask has checked it against ``TRUSTED_HOSTS``.
"""

from __future__ import annotations

from flask import Flask, current_app, request, url_for


def external_url(endpoint: str, **values) -> str:
    """The absolute URL of ``endpoint``: ``BASE_URL`` and the route's path."""
    base = current_app.config.get("BASE_URL")
    if not base:
        return url_for(endpoint, _external=True, **values)
    path = url_for(endpoint, **values)[len(request.script_root):]
    return base.rstrip("/") + path


def init_app(app: Flask) -> None:
    """Make ``external_url`` available to templates."""
    app.add_template_global(external_url)
