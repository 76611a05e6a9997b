"""What every command shares: the application object, made once per run, and JSON output."""

from __future__ import annotations

import sys

import click

from strongstride.app import Strongstride


def app_of(ctx: click.Context) -> Strongstride:
    """The application on the database of `--db` (opened on first use, closed at exit)."""
    obj = ctx.ensure_object(dict)
    if "app" not in obj:
        obj["app"] = Strongstride(db=obj.get("db"))
        ctx.call_on_close(obj["app"].close)
    app: Strongstride = obj["app"]
    return app


def emit_json(data: object, *, indent: int | None = 2) -> None:
    import json  # only the commands asked for JSON

    click.echo(json.dumps(data, indent=indent, ensure_ascii=False))
    sys.stdout.flush()
