"""Commands for what the sets do not say: `checkin` (how you feel the next morning) and
`injured` (the side you marked as injured, so symmetry reads involved / uninvolved)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, cast

import click

from strongstride.cli.context import app_of, emit_json
from strongstride.words import checkin_dict, checkin_line

if TYPE_CHECKING:
    from strongstride.records import InjuredSide, LogSide

_DAY = click.DateTime(["%Y-%m-%d"])


@click.command()
@click.option("--pain", type=int, metavar="0-10",
              help="Pain this morning, overall or in --exercise.")
@click.option("--stiffness", type=int, metavar="0-10",
              help="Morning stiffness, overall (not with --exercise).")
@click.option("--exercise", metavar="NAME", help="The exercise the pain is about.")
@click.option("--side", type=click.Choice(["left", "right", "both"]),
              help="The side of --exercise (default both).")
@click.option("--note", default="", help="Anything to add, such as 'stiff calves'.")
@click.option("--date", "day", type=_DAY, metavar="YYYY-MM-DD",
              help="The morning (default: today).")
@click.option("--list", "list_", is_flag=True, help="List your check-ins instead.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--user", default="me", show_default=True, help="Whose check-in.")
@click.pass_context
def checkin(ctx: click.Context, pain: int | None, stiffness: int | None, exercise: str | None,
            side: str | None, note: str, day: datetime | None, list_: bool, as_json: bool,
            user: str) -> None:
    """Record how you feel the morning after a session: pain 0-10 (and stiffness 0-10).

    Pain from a session should settle by the next morning. Pain this morning (overall, or
    in one exercise with --exercise) holds the next session's progression or steps it
    back, and rising stiffness holds it too. Saving again for the same morning replaces
    the earlier answer.
    """
    app = app_of(ctx)
    user_id = app.existing_user(user)
    if list_:
        found = app.checkins(user_id)
        if as_json:
            emit_json([checkin_dict(c) for c in found])
        elif not found:
            click.echo("No check-ins yet: `strongstride checkin --pain N` records one.")
        for item in [] if as_json else found:
            click.echo(checkin_line(item))
        return
    if pain is None:
        raise click.UsageError("give --pain 0-10 (or --list to see your check-ins)")
    saved = app.record_checkin(user_id, day.date() if day else date.today(), pain,
                               stiffness=stiffness, exercise=exercise,
                               side=cast("LogSide", side or "both"), note=note)
    if as_json:
        emit_json(checkin_dict(saved))
        return
    click.echo(f"Saved: {checkin_line(saved)}")


@click.command()
@click.argument("side", required=False, type=click.Choice(["left", "right", "none"]))
@click.option("--user", default="me", show_default=True, help="Whose side.")
@click.pass_context
def injured(ctx: click.Context, side: str | None, user: str) -> None:
    """Mark the injured side (left or right; none to clear it), or show it.

    With an injured side, symmetry is the involved side over the uninvolved one (it can
    pass 100%) instead of the weaker over the stronger.
    """
    app = app_of(ctx)
    user_id = app.existing_user(user)
    if side is not None:
        app.set_injured_side(user_id, None if side == "none" else cast("InjuredSide", side))
    current = app.injured_side(user_id)
    click.echo(f"Injured side: {current}" if current else "No injured side marked: symmetry "
               "compares the weaker side with the stronger one.")


def register(group: click.Group) -> None:
    for command in (checkin, injured):
        group.add_command(command)
