"""`strongstride export`: a routine for a watch (FIT) or for paper (PDF), and more."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from strongstride.cli.context import app_of, missing_equipment, write_file
from strongstride.errors import StrongstrideError

if TYPE_CHECKING:
    from strongstride.exchange.csvread import App as SourceApp
    from strongstride.records import Unit
    from strongstride.schedule.setup import ScheduleSetup


@click.command()
@click.argument("routine", required=False)
@click.option("--fit", "fit_file", metavar="FILE",
              help="Write a Garmin FIT strength workout a watch can follow.")
@click.option("--pdf", "pdf_file", metavar="FILE",
              help="Write a printable card with tick boxes per set and side.")
@click.option("--json", "json_file", metavar="FILE",
              help="Write all your data as JSON, a backup: routines, sessions, sets, "
                   "check-ins, running week and profile.")
@click.option("--csv", "csv_file", metavar="FILE",
              help="Write all your data as CSV, a row per routine version, session, set "
                   "and check-in.")
@click.option("--without", multiple=True, metavar="EQUIPMENT",
              help="With --fit or --pdf: equipment you don't have (`none` for nothing); "
                   "the library's variations are written in place. Default: your saved "
                   "profile (strongstride equipment).")
@click.pass_context
def export(ctx: click.Context, routine: str | None, fit_file: str | None,
           pdf_file: str | None, json_file: str | None, csv_file: str | None,
           without: tuple[str, ...]) -> None:
    """Export a routine (default: runner-glute) to a watch or to paper, or all your data.

    `strongstride import-data FILE` reads a --json backup back.
    """
    if not (fit_file or pdf_file or json_file or csv_file):
        raise click.UsageError("say what to write: --fit FILE, --pdf FILE, --json FILE "
                               "or --csv FILE")
    app = app_of(ctx)
    if fit_file or pdf_file:
        loaded = app.routine(routine)
        name = loaded.routine.title or loaded.id
        missing = missing_equipment(ctx, without)
        changed = len(app.substitutions(loaded.routine, missing))
        if changed:
            name += (f", {changed} exercise{'s' if changed != 1 else ''} done another way "
                     "for the equipment you don't have")
    if fit_file:
        write_file(fit_file, app.routine_fit(loaded, missing))
        click.echo(f"Wrote {fit_file}: a FIT workout of {name}.")
    if pdf_file:
        write_file(pdf_file, app.routine_card(loaded, missing))
        click.echo(f"Wrote {pdf_file}: a printable card of {name}.")
    if json_file or csv_file:
        user = app.user()
        if json_file:
            write_file(json_file, app.export_json(user).encode("utf-8"))
            click.echo(f"Wrote {json_file}: all your data as JSON.")
        if csv_file:
            write_file(csv_file, app.export_csv(user).encode("utf-8"))
            click.echo(f"Wrote {csv_file}: all your data as CSV.")


@click.command(name="import-data")
@click.argument("file")
@click.pass_context
def import_data(ctx: click.Context, file: str) -> None:
    """Restore a backup made with `export --json` (what is already there is kept).

    One transaction: a file with a problem changes nothing and the message names the line
    or the field.
    """
    app = app_of(ctx)
    done = app.restore_backup(app.user(), Path(file))
    c = done.sessions
    click.echo(f"{c.sessions_added} sessions and {c.sets_added} sets added; "
               f"{c.sessions_present} sessions and {c.sets_present} sets were there already.")
    if done.checkins_added or done.checkins_present:
        click.echo(f"{done.checkins_added} check-ins added; {done.checkins_present} were "
                   "there already.")
    if done.written:
        click.echo(f"Restored: {', '.join(done.written)}.")
    if done.kept:
        click.echo(f"Kept as you have them: {', '.join(done.kept)}.")


@click.command(name="import-history")
@click.argument("file")
@click.option("--strong", "app", flag_value="strong", help="FILE is a Strong CSV export.")
@click.option("--hevy", "app", flag_value="hevy", help="FILE is a Hevy CSV export.")
@click.option("--unit", type=click.Choice(["kg", "lb"]),
              help="Strong only: the unit of the weights (its current export does not say).")
@click.pass_context
def import_history(ctx: click.Context, file: str, app: str | None, unit: str | None) -> None:
    """Bring your history from Strong or Hevy (a CSV export). One transaction: all or nothing.

    Re-importing the same file adds nothing twice.
    """
    if app is None:
        raise click.UsageError("say which app the file is from: --strong or --hevy")
    strongstride = app_of(ctx)
    done = strongstride.import_history(strongstride.user(), Path(file),
                                       cast("SourceApp", app), unit=cast("Unit | None", unit))
    for line in done.report():
        click.echo(line)


@click.command(name="plan")
@click.argument("week_file", metavar="[WEEK]", required=False)
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]),
              help="First day (default: the saved week's, else today).")
@click.option("--weeks", type=click.IntRange(1, 52), default=8, show_default=True,
              help="Weeks to plan (without WEEK: the saved week's).")
@click.option("--sessions", type=click.IntRange(0, 7), default=2, show_default=True,
              help="Strength sessions a week (without WEEK: the saved week's).")
@click.option("--race-date", type=click.DateTime(["%Y-%m-%d"]),
              help="Race day, if any (without WEEK: the saved week's race).")
@click.option("--race-distance", default="marathon", show_default=True,
              help="5k, 10k, half, marathon, or e.g. 50k.")
@click.option("--deload-every", type=click.IntRange(0, 12), default=6, show_default=True,
              help="A lighter week every N weeks (0: never).")
@click.option("--ical", "ical_file", metavar="FILE", help="Also write the plan as iCalendar.")
@click.option("--routine", help="The routine the sessions do (default: the saved week's, "
                                "else runner-glute).")
@click.option("--alarm", type=click.IntRange(0, 1440), default=30, show_default=True,
              help="Reminder, minutes before each session (iCal; without WEEK: the saved "
                   "week's).")
@click.option("--save", is_flag=True,
              help="Keep WEEK and these settings as your running week, for `plan` without "
                   "WEEK (and in the backup).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def plan_(ctx: click.Context, week_file: str | None, start: object, weeks: int, sessions: int,
          race_date: object, race_distance: str, deload_every: int, ical_file: str | None,
          routine: str | None, alarm: int, save: bool, as_json: bool) -> None:
    """Place strength sessions around your running week (WEEK: a file, or - for stdin).

    WEEK reads like: long: sun; quality: tue, thu; easy: mon, wed, sat; rest: fri;
    strength: 18:00; tz: Europe/Paris  (see docs/schedule.md). Without WEEK, the running
    week you saved (--save, or restored from a backup) is used, with its settings; options
    you give replace them.
    """
    from datetime import date, datetime

    from strongstride.schedule.placing import Race, schedule_weeks
    from strongstride.schedule.setup import ScheduleSetup
    from strongstride.schedule.week import parse_week

    def given(name: str) -> bool:
        return ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT

    if week_file is None:
        if save:
            raise click.UsageError("--save keeps a WEEK you give: strongstride plan WEEK --save")
        saved = _saved_setup(ctx)
        week = saved.week
        first = start.date() if isinstance(start, datetime) else saved.start
        weeks = weeks if given("weeks") else saved.weeks
        sessions = sessions if given("sessions") else saved.sessions_per_week
        alarm = alarm if given("alarm") else saved.alarm_minutes
        routine = routine or saved.routine
        race = (Race(race_date.date(), race_distance) if isinstance(race_date, datetime)
                else saved.race)
        if race is not None and given("race_distance"):
            race = Race(race.date, race_distance)
    else:
        from strongstride.routines import read_text

        source, text = read_text(week_file)
        parsed = parse_week(text, source)
        if parsed.week is None:
            raise StrongstrideError(f"{source}: the running week has errors", parsed.issues)
        week = parsed.week
        first = start.date() if isinstance(start, datetime) else date.today()
        race = (Race(race_date.date(), race_distance) if isinstance(race_date, datetime)
                else None)
    schedule = schedule_weeks(week, start=first, weeks=weeks, sessions_per_week=sessions,
                          race=race, deload_every=deload_every)
    if save:
        _save_setup(ctx, ScheduleSetup(week, first, weeks, sessions, race, alarm,
                                   routine or "runner-glute"))
    if as_json:
        import json

        click.echo(json.dumps({
            "sessions": [{"date": s.date.isoformat(), "time": s.time.strftime("%H:%M"),
                          "kind": s.kind, "week": s.week, "reason": s.reason,
                          "warnings": list(s.warnings)} for s in schedule.sessions],
            "notes": list(schedule.notes)}, indent=2))
    else:
        for s in schedule.sessions:
            click.echo(f"{s.date:%a %d %b %Y} {s.time:%H:%M}  {s.kind:<7} {s.reason}")
        for note in schedule.notes:
            click.echo(f"note: {note}")
    if save:
        click.echo("Saved as your running week: `strongstride plan` without WEEK uses it.",
                   err=as_json)
    if ical_file:
        setup = ScheduleSetup(week, first, weeks, sessions, race, alarm, routine or "runner-glute")
        write_file(ical_file, app_of(ctx).calendar(setup, schedule))
        click.echo(f"Wrote {ical_file}: {len(schedule.sessions)} sessions with reminders.",
                   err=as_json)


def _saved_setup(ctx: click.Context) -> ScheduleSetup:
    app = app_of(ctx)
    saved = app.running_week(app.user())
    if saved is None:
        raise click.UsageError(
            "no running week is saved, so give one: strongstride plan WEEK, where WEEK is a "
            "file (or - to type it) like 'long: sun; quality: tue, thu; rest: fri' "
            "(docs/schedule.md); add --save to keep it for next time")
    return saved


def _save_setup(ctx: click.Context, setup: ScheduleSetup) -> None:
    app = app_of(ctx)
    app.save_running_week(app.user(), setup, where="--save")


def register(group: click.Group) -> None:
    for command in (export, plan_, import_data, import_history):
        group.add_command(command)
