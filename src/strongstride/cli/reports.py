"""Commands that show the analysis: `report` (terminal, JSON, HTML, PDF) and `demo`."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from strongstride.cli.context import app_of
from strongstride.errors import StrongstrideError

_DAY = click.DateTime(["%Y-%m-%d"])


def _today(value: datetime | None) -> date:
    return value.date() if value is not None else date.today()


def _write(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise StrongstrideError(f"{path}: cannot write it ({exc.strerror})") from None


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (stable order).")
@click.option("--html", "html_file", metavar="FILE",
              help="Write a self-contained HTML file (charts included, no scripts).")
@click.option("--pdf", "pdf_file", metavar="FILE", help="Write the report as a PDF.")
@click.option("--weeks", default=12, show_default=True, type=click.IntRange(min=0),
              help="Weeks the report covers, ending today (0: everything).")
@click.option("--today", "today_", type=_DAY, metavar="YYYY-MM-DD",
              help="The day the report is for (default: today).")
@click.option("--user", default="me", show_default=True, help="Whose report.")
@click.pass_context
def report(ctx: click.Context, as_json: bool, html_file: str | None, pdf_file: str | None,
           weeks: int, today_: datetime | None, user: str) -> None:
    """Your training report: left/right symmetry, pain, next session and adherence.

    With --html or --pdf, the full report with charts (progress, symmetry, weekly volume,
    a calendar) goes to FILE, ready to send to your physio.
    """
    app = app_of(ctx)
    found = app.report(app.existing_user(user), _today(today_), weeks=weeks)
    if as_json:
        import json

        from strongstride.analysis import report_dict

        click.echo(json.dumps(report_dict(found), indent=2, ensure_ascii=False))
        return
    from strongstride.reports.view import view

    shown = view(found, weeks=weeks, who=None if user == "me" else user)
    if html_file or pdf_file:
        if html_file:
            from strongstride.reports.html import document

            _write(html_file, document(shown).encode("utf-8"))
            click.echo(f"Wrote {html_file}", err=True)
        if pdf_file:
            from strongstride.reports.pdf import render

            _write(pdf_file, render(shown))
            click.echo(f"Wrote {pdf_file}", err=True)
        return
    from strongstride.reports.terminal import print_report

    print_report(shown)


@click.command()
@click.option("--weeks", default=12, show_default=True, type=click.IntRange(1, 520),
              help="How many weeks of sessions.")
@click.option("--today", "today_", type=_DAY, metavar="YYYY-MM-DD",
              help="The demo ends the day before this (default: today).")
@click.option("--user", default="me", show_default=True,
              help="Who gets the demo sessions: a web user's name shows them on the web "
                   "dashboard (made if missing).")
@click.option("--force", is_flag=True, help="Add the demo even if the user has sessions.")
@click.pass_context
def demo(ctx: click.Context, weeks: int, today_: datetime | None, user: str,
         force: bool) -> None:
    """Fill an empty database with weeks of realistic demo sessions of runner-glute.

    Twice a week with one missed week and a deload week, the left side weaker on two
    one-sided exercises, loads and reps going up, and a short pain episode.
    """
    app = app_of(ctx)
    added = app.demo(user, today=_today(today_), weeks=weeks, force=force)
    click.echo(f"Added {added.sessions_added} demo sessions ({added.sets_added} sets) for "
               f"{user} in {app.where}. See them with `strongstride report`.")


def register(group: click.Group) -> None:
    for command in (report, demo):
        group.add_command(command)
