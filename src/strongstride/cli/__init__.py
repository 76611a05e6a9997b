"""The `strongstride` command: thin commands over the application object (`strongstride.app`).

Rich is imported only by the renderers that draw tables, so that plain commands start fast.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Literal

import click

from strongstride.cli.context import (
    app_of,
    emit_json,
    missing_equipment,
    move_old_profile,
    write_file,
)
from strongstride.errors import Issue, StrongstrideError

if TYPE_CHECKING:
    from strongstride.app import Strongstride


def _remember_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(dict)["db"] = value


class _Group(click.Group):
    """Turns domain errors into messages and exit code 1, in one place; gives every command
    `--db URL`, so it may come after the command's name as well as before it."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if not any(param.name == "db" for param in cmd.params):
            cmd.params.append(click.Option(
                ["--db"], metavar="URL", expose_value=False, callback=_remember_db,
                help="Database: sqlite:///PATH or postgresql://... (as `strongstride --db "
                     "URL COMMAND`; env STRONGSTRIDE_DB)."))
        super().add_command(cmd, name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StrongstrideError as exc:
            # An issue of a record (no file, no line) is said by the message itself.
            located = [i for i in exc.issues if i.span is not None or i.source != "<text>"]
            for issue in located:
                click.echo(issue.render(), err=True)
            if not located or exc.message not in {i.render() for i in located}:
                click.echo(f"error: {exc.message}", err=True)
            ctx.exit(1)


def _report(issues: tuple[Issue, ...]) -> None:
    for issue in issues:
        click.echo(issue.render(), err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="strongstride")
@click.option("--db", metavar="URL", envvar="STRONGSTRIDE_DB",
              help="Database: sqlite:///PATH or postgresql://... (default: a SQLite file in "
                   "your data folder; env STRONGSTRIDE_DB).")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """strongstride: strength training for runners, one leg at a time."""
    ctx.ensure_object(dict)["db"] = db


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def routines(ctx: click.Context, as_json: bool) -> None:
    """List the routines that come with strongstride."""
    app = app_of(ctx)
    loaded = app.routines()
    if as_json:
        emit_json([{"id": r.id, "title": r.routine.title,
                    "exercises": len(r.routine.exercises),
                    "estimated_seconds": list(app.session_plan(r).total_seconds())}
                   for r in loaded])
        return
    from strongstride.cli.render import print_routines

    print_routines(loaded)


@main.command()
@click.argument("routine", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (see docs/json.md).")
@click.option("--how", is_flag=True, help="Also print how to do each exercise.")
@click.option("--without", multiple=True, metavar="EQUIPMENT",
              help="Equipment you don't have (e.g. ball, bands, dumbbells; `none` for "
                   "nothing): the library's variations are shown in place. Default: your "
                   "saved profile (strongstride equipment).")
@click.pass_context
def show(ctx: click.Context, routine: str | None, as_json: bool, how: bool,
         without: tuple[str, ...]) -> None:
    """Show a routine: sections, prescriptions, equipment and how long it takes.

    ROUTINE is a built-in routine's id (default: runner-glute) or a routine file.
    """
    app = app_of(ctx)
    missing = missing_equipment(ctx, without)
    loaded = app.routine(routine)
    if as_json:
        from strongstride.routines import show_dict

        emit_json(show_dict(loaded, missing))
        return
    from strongstride.cli.render import print_how_to, print_routine

    changed = app.adaptation(loaded.routine, missing) if missing else None
    print_routine(loaded, app.session_plan(loaded, missing), changed)
    if how:
        print_how_to([(e.name, app.describe(e.name)) for e in loaded.routine.exercises],
                     changed.exercises if changed else None)


@main.command()
@click.option("--without", multiple=True, metavar="EQUIPMENT",
              help="Save this as what you don't have (repeat, or separate with commas).")
@click.option("--have-all", is_flag=True, help="Save that you have all of it.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def equipment(ctx: click.Context, without: tuple[str, ...], have_all: bool,
              as_json: bool) -> None:
    """What equipment you have: `show`, `start` and `export` then put the library's
    variations in place of the exercises that need what you lack (e.g. --without
    ball,dumbbells). It is kept in your database, with the rest of your data."""
    from strongstride.library.equipment import EQUIPMENT

    app = app_of(ctx)
    if without and have_all:
        raise click.UsageError("give --without or --have-all, not both")
    move_old_profile(ctx)  # before it is changed, so that the file cannot overwrite it later
    missing = app.terminal_equipment()
    if without or have_all:
        missing = frozenset() if have_all else app.terminal_equipment(without)
        app.save_terminal_equipment(missing)
    if as_json:
        emit_json({"without": sorted(missing),
                   "have": [key for key in EQUIPMENT if key not in missing]})
        return
    for key, item in EQUIPMENT.items():
        mark = "without" if key in missing else "have   "
        click.echo(f"  {mark}  {item.label} ({key})")
    click.echo(f"Saved in {app.where}." if (without or have_all) else
               "Change it with: strongstride equipment --without ball,dumbbells "
               "(or --have-all)")


@main.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--figure", "figure_file", metavar="FILE",
              help="Write the exercise's figure to FILE (- for standard output): an "
                   "animated SVG of one rep, which a browser opens.")
@click.option("--side", type=click.Choice(["left", "right"]),
              help="With --figure: the side you work in a one-leg move; each is the "
                   "mirror image of the other (default: as the library draws it).")
@click.option("--without", multiple=True, metavar="EQUIPMENT",
              help="With --figure: equipment you don't have (e.g. band, ball); the figure "
                   "is the library's variation done without it.")
@click.pass_context
def exercise(ctx: click.Context, name: str, as_json: bool, figure_file: str | None,
             side: Literal["left", "right"] | None, without: tuple[str, ...]) -> None:
    """How to do an exercise: steps, cues, mistakes and what to use instead of missing kit.

    With --figure FILE, write its figure instead: a person doing one rep, as an animated
    SVG (e.g. strongstride exercise "glute star" --figure star.svg).
    """
    app = app_of(ctx)
    if figure_file is not None:
        if as_json:
            raise click.UsageError("give --json or --figure, not both")
        _write_figure(app, name, figure_file, side, without)
        return
    if side or without:
        raise click.UsageError("--side and --without go with --figure FILE")
    info = app.exercise(name)
    from strongstride.cli.render import print_exercise

    if as_json:
        from strongstride.routines import exercise_dict

        emit_json(exercise_dict(info))
        return
    print_exercise(info)


def _write_figure(app: Strongstride, name: str, target: str,
                  side: Literal["left", "right"] | None, without: tuple[str, ...]) -> None:
    """The exercise's figure to the file `target` (- for standard output), and what it is."""
    missing = app.terminal_equipment(without) if without else frozenset()
    drawn = app.figure(name, side=side, missing=missing)
    if target == "-":
        click.echo(drawn, nl=False)
        return
    write_file(target, drawn.encode("utf-8"))
    info = app.exercise(name)
    changed = app.substitution(info.name, missing)
    shown = changed.variation if changed is not None else info.name
    click.echo(f"Wrote {target}: the figure of {shown}"
               + (f", {side} leg" if side and info.one_sided else "") + ".")


@main.command()
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print the issues as JSON.")
@click.pass_context
def check(ctx: click.Context, file: str, as_json: bool) -> None:
    """Check a routine file; print every issue as FILE:LINE:COL: message. Exit 1 if any error."""
    issues = app_of(ctx).check(file)
    if as_json:
        emit_json({"file": file, "ok": not any(i.severity == "error" for i in issues),
                    "issues": [i.as_dict() for i in issues]})
    else:
        for issue in issues:
            click.echo(issue.render())
        if not issues:
            click.echo(f"{file}: ok")
    if any(i.severity == "error" for i in issues):
        sys.exit(1)


@main.command()
@click.argument("file")
@click.option("-w", "--write", is_flag=True, help="Rewrite the file in place.")
@click.option("--check", "check_only", is_flag=True,
              help="Exit 1 if the file is not already in canonical form.")
@click.pass_context
def fmt(ctx: click.Context, file: str, write: bool, check_only: bool) -> None:
    """Print a routine file in canonical form (running it twice changes nothing)."""
    text = app_of(ctx).format(file)
    if check_only:
        from strongstride.routines import read_text

        _, original = read_text(file)
        if original != text:
            click.echo(f"{file}: not in canonical form; run 'strongstride fmt -w {file}'",
                       err=True)
            sys.exit(1)
        return
    if write and file != "-":
        with open(file, "w", encoding="utf-8") as fh:
            fh.write(text)
        return
    click.echo(text, nl=False)


@main.command(name="import")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (see docs/json.md).")
@click.pass_context
def import_(ctx: click.Context, file: str, as_json: bool) -> None:
    """Turn a workout pasted from an article (FILE, or - for stdin) into routine text.

    Lines it cannot read are kept as notes and reported on stderr with their line number.
    """
    imported = app_of(ctx).import_workout(file)
    _report(imported.issues)
    if as_json:
        from strongstride.routine.json_view import import_dict

        emit_json(import_dict(imported))
        return
    from strongstride.routine.format import format_routine

    click.echo(format_routine(imported.routine), nl=False)


def _register() -> None:
    from strongstride.cli import checkins, exports, reports, sessions

    sessions.register(main)
    exports.register(main)
    reports.register(main)
    checkins.register(main)


_register()
