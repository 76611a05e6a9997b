"""What every command shares: the application object, made once per run, and JSON output."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from strongstride.app import Strongstride
from strongstride.errors import StrongstrideError


def app_of(ctx: click.Context) -> Strongstride:
    """The application on the database of `--db` (opened on first use, closed at exit)."""
    obj = ctx.ensure_object(dict)
    if "app" not in obj:
        obj["app"] = Strongstride(db=obj.get("db"))
        ctx.call_on_close(obj["app"].close)
    app: Strongstride = obj["app"]
    return app


def missing_equipment(ctx: click.Context, without: tuple[str, ...] = ()) -> frozenset[str]:
    """What she is without: the `--without` words, else her profile in the database (an old
    profile file is moved into it first)."""
    if not without:
        move_old_profile(ctx)
    return app_of(ctx).terminal_equipment(without)


def move_old_profile(ctx: click.Context) -> None:
    """Move the old equipment profile file into the database, if there is one, and say so."""
    app = app_of(ctx)
    moved = app.move_equipment_file()
    if moved is not None:
        old, kept = moved
        click.echo(f"Your equipment profile is now kept in the database ({app.where}), "
                   f"with the rest of your data and in its backups; {old} was moved there "
                   f"(the old file is kept as {kept}).", err=True)


def emit_json(data: object, *, indent: int | None = 2) -> None:
    import json  # only the commands asked for JSON

    click.echo(json.dumps(data, indent=indent, ensure_ascii=False))
    sys.stdout.flush()


def write_file(path: str, data: bytes) -> None:
    """Write the whole file or nothing: a half-written file must never be left behind."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        temporary.write_bytes(data)
        temporary.replace(target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StrongstrideError(f"{path}: cannot write it ({exc.strerror})") from None
