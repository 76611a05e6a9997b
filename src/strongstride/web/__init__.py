"""The web app for the phone: server-rendered pages and a JSON API over the same store."""

from strongstride.web.app import create_app, make_app

__all__ = ["create_app", "make_app"]
