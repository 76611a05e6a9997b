"""`strongstride export`: a routine for a watch (FIT) or for paper (PDF), and more."""

from __future__ import annotations

from pathlib import Path

import click

from strongstride import service
from strongstride.errors import StrongstrideError


def _write(path: str, data: bytes) -> None:
    """Write the whole file or nothing: a half-written export must never be left behind."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        temporary.write_bytes(data)
        temporary.replace(target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StrongstrideError(f"{path}: cannot write it ({exc.strerror})") from None


@click.command()
@click.argument("routine", required=False)
@click.option("--fit", "fit_file", metavar="FILE",
              help="Write a Garmin FIT strength workout a watch can follow.")
@click.option("--pdf", "pdf_file", metavar="FILE",
              help="Write a printable card with tick boxes per set and side.")
def export(routine: str | None, fit_file: str | None, pdf_file: str | None) -> None:
    """Export a routine (default: runner-glute) to a watch or to paper."""
    if not (fit_file or pdf_file):
        raise click.UsageError("say what to write: --fit FILE and/or --pdf FILE")
    loaded = service.load_routine(routine)
    if fit_file:
        from strongstride.exchange.fit import routine_to_fit

        _write(fit_file, routine_to_fit(loaded.routine))
        click.echo(f"Wrote {fit_file}: a FIT workout of {loaded.routine.title or loaded.id}.")
    if pdf_file:
        from strongstride.exchange.card import routine_card_pdf

        _write(pdf_file, routine_card_pdf(loaded.routine))
        click.echo(f"Wrote {pdf_file}: a printable card of {loaded.routine.title or loaded.id}.")


def register(group: click.Group) -> None:
    group.add_command(export)
