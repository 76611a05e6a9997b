"""Commands that play, record and list sessions: start, history, session, log."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from strongstride.cli.context import app_of, emit_json, missing_equipment
from strongstride.words import session_dict, set_dict

if TYPE_CHECKING:
    from strongstride.plan.session import Step
    from strongstride.player.machine import Actuals
    from strongstride.workout import Workout


def _emit(data: object) -> None:
    emit_json(data, indent=None)


@click.command()
@click.argument("routine", required=False)
@click.option("--new", "force_new", is_flag=True, help="Start afresh; abandon an unfinished one.")
@click.option("--resume", "force_resume", is_flag=True, help="Resume without asking.")
@click.option("--speak", is_flag=True, help="Speak the cues (needs espeak-ng).")
@click.option("--unit", type=click.Choice(["kg", "lb"]), default="kg", show_default=True,
              help="Unit for loads you enter.")
@click.option("--load-step", type=float, default=None,
              help="How much ] and [ add to or take off the load: 2.5 or 1 with kg "
                   "(default 2.5), 5 or 2.5 with lb (default 5).")
@click.option("--without", multiple=True, metavar="EQUIPMENT",
              help="Equipment you don't have today (e.g. ball, bands, dumbbells); the "
                   "library's variation is done instead. Default: your saved profile "
                   "(strongstride equipment).")
@click.option("--autoplay", is_flag=True, hidden=True,
              help="Play every set as prescribed without a screen, printing JSON lines "
                   "(for scripts and the durability tests).")
@click.option("--pace", type=float, default=0.0, hidden=True,
              help="With --autoplay: seconds to wait before each set.")
@click.pass_context
def start(ctx: click.Context, routine: str | None, force_new: bool, force_resume: bool,
          speak: bool, unit: str, load_step: float | None, without: tuple[str, ...],
          autoplay: bool, pace: float) -> None:
    """Do a routine, guided set by set and side by side (default: runner-glute).

    Every set you finish is saved at once. Quit at any time with q: the next `start`
    offers to carry on at the first set you had not logged.
    """
    from strongstride.rules import LOAD_STEPS

    steps = LOAD_STEPS[unit]
    if load_step is not None and load_step not in steps:
        raise click.BadParameter(f"with --unit {unit} it is {' or '.join(f'{s:g}' for s in steps)}"
                                 f", not {load_step:g}", param_hint="'--load-step'")
    app = app_of(ctx)
    missing = missing_equipment(ctx, without)
    user = app.user()
    loaded = app.routine(routine)
    unfinished = app.unfinished_session(user, loaded.id)
    resume = unfinished is not None and not force_new
    if unfinished is not None and not (force_new or force_resume or autoplay):
        when = unfinished.started_at.astimezone().strftime("%a %d %b %H:%M")
        resume = click.confirm(
            f"You have an unfinished session of {unfinished.routine_title or loaded.id} from "
            f"{when} ({unfinished.sets_done} of {unfinished.planned_sets} sets done). "
            "Carry on with it?", default=True)
    if speak:
        from strongstride.tui.speech import available

        if not available():
            click.echo("espeak-ng is not installed: cues will only beep.", err=True)
            speak = False
    if autoplay:
        from strongstride.player.clock import FakeClock

        workout = app.play(user, loaded, clock=FakeClock(), resume=resume, missing=missing)
        _autoplay(workout, pace)
        return
    workout = app.play(user, loaded, resume=resume, missing=missing)
    from strongstride.tui.app import PlayerApp

    PlayerApp(workout, speak=speak, unit=unit, load_step=load_step).run()
    state = workout.state
    if state.status == "finished":
        from strongstride.cli.render import print_finish

        print_finish(app.session_summary(user, workout.session.id))
    elif state.status != "abandoned":
        click.echo("Paused. Run `strongstride start` to carry on where you stopped.")


def _autoplay(workout: Workout, pace: float) -> None:
    """Walk the plan as prescribed: each set is printed only after the store holds it."""
    from strongstride.player.clock import FakeClock
    from strongstride.player.machine import Complete, Skip, Start, next_due

    clock = workout.clock
    assert isinstance(clock, FakeClock)
    first = workout.state.step
    _emit({"event": "resume", "session": workout.session.id,
           "step": first.key if first is not None else None})
    workout.send(Start())
    while workout.state.status == "running":
        current = workout.state.step
        assert current is not None
        before = len(workout.acknowledged)
        if current.kind == "work" and current.hold_seconds is None:
            if pace:
                time.sleep(pace)
            if current.time_cap_seconds is not None:
                # In a block done for a time the set takes its estimate, so the block's
                # time runs out as it would (a tick at its end leaves the block).
                due = next_due(workout.state)
                if due is not None and clock.now() + current.seconds[0] >= due:
                    clock.advance(max(0.0, due - clock.now()))
                    workout.tick()
                    continue
                clock.advance(current.seconds[0])
            workout.send(Complete())
        elif workout.state.deadline is not None:
            if pace and current.kind == "work":
                time.sleep(pace)
            clock.advance(workout.state.deadline - clock.now())
            workout.tick()
        else:
            workout.send(Skip())
        for log in workout.acknowledged[before:]:
            _emit({"event": "ack", "key": log.key, "step": log.step_key,
                   **({"variation": log.variation} if log.variation else {})})
    _emit({"event": workout.state.status})


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="How many sessions (1 or more).")
@click.pass_context
def history(ctx: click.Context, as_json: bool, limit: int) -> None:
    """Your sessions, newest first: date, routine, duration and sets done of planned."""
    app = app_of(ctx)
    sessions = app.history(app.user(), limit=limit)
    if as_json:
        _emit([session_dict(s) for s in sessions])
        return
    from strongstride.cli.render import print_history

    print_history(sessions)


@click.command(name="session")
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def session_(ctx: click.Context, session_id: str, as_json: bool) -> None:
    """One session: its summary (time, sets, left and right, pain, personal bests, what
    changes next time), then every set, per side. SESSION_ID may be the first few
    characters."""
    app = app_of(ctx)
    user = app.user()
    found = app.find_session(user, session_id)
    sets = app.sets(user, found.id)
    if as_json:
        _emit({**session_dict(found), "sets": [set_dict(s) for s in sets]})
        return
    from strongstride.cli.render import print_finish, print_session

    print_finish(app.session_summary(user, found.id))
    print_session(found, sets)


@click.command()
@click.argument("routine", required=False)
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%d %H:%M"]),
              required=True, help="When you did it: YYYY-MM-DD or 'YYYY-MM-DD HH:MM'.")
@click.option("--yes", "accept", is_flag=True, help="Log every set as prescribed, no questions.")
@click.option("--json", "as_json", is_flag=True, help="Print the stored session as JSON.")
@click.pass_context
def log(ctx: click.Context, routine: str | None, day: datetime, accept: bool,
        as_json: bool) -> None:
    """Enter a past session without the player (a workout done on paper).

    For each set, answer with the reps (Enter keeps the target), reps x load such as
    '10x12.5', or '-' if you skipped it.
    """
    app = app_of(ctx)
    loaded = app.routine(routine)
    started = day.replace(tzinfo=day.tzinfo or datetime.now().astimezone().tzinfo)

    def ask(label: str, default: str) -> str:
        if accept:
            return default
        answer: str = click.prompt(label, default=default, show_default=True, err=True)
        return answer

    answers = _ask_every_set(app.session_plan(loaded).steps, ask)
    user = app.user()
    info = app.log_past_session(user, loaded, started.astimezone(UTC), answers)
    if as_json:
        _emit({**session_dict(info), "sets": [set_dict(s) for s in app.sets(user, info.id)]})
    else:
        click.echo(f"Logged session {info.id[:8]}: {info.sets_done} of {info.planned_sets} "
                   "sets.")


def _ask_every_set(steps: tuple[Step, ...] | list[Step],
                   ask: Callable[[str, str], str]) -> list[tuple[Step, Actuals | None]]:
    """Ask about every work step first, so that nothing is stored half-done."""
    answers: list[tuple[Step, Actuals | None]] = []
    for step in steps:
        if step.kind != "work":
            continue
        side = f", {step.side} leg" if step.side else ""
        label = f"{step.name}, set {step.set_number}{side}"
        counted = step.hold_seconds or step.reps or step.max_reps
        default = ("-" if step.optional else
                   str(step.hold_seconds.lo) if step.hold_seconds else
                   str(step.reps.hi) if step.reps else "10" if counted else "done")
        prompt = label + (" (seconds)" if step.hold_seconds else "")
        while True:
            try:
                answers.append((step, read_answer(step, ask(prompt, default))))
                break
            except ValueError as exc:
                prompt = f"{exc}. {label}"
    return answers


_ANSWER = re.compile(r"^\s*(?P<n>\d+(?:\.\d+)?)\s*(?:x\s*(?P<load>\d+(?:\.\d+)?)\s*"
                     r"(?P<unit>kg|lbs?)?)?\s*$", re.IGNORECASE)


def read_answer(step: Step, text: str) -> Actuals | None:
    """A typed answer for one set: '10', '10x12.5', '10 x 25 lb', '30' (seconds), 'done'
    (a set with nothing to count, such as a stretch or a run) or '-'.

    None means skipped; a ValueError says what is wrong.
    """
    from strongstride.player.machine import Actuals
    if text.strip() == "-":
        return None
    if text.strip().lower() == "done":
        return Actuals()
    m = _ANSWER.match(text)
    if m is None:
        raise ValueError(f"cannot read {text!r}: type reps, reps x load (10x12.5), done or - to "
                         "skip")
    number = float(m.group("n"))
    load = float(m.group("load")) if m.group("load") else None
    unit = (m.group("unit") or "kg").lower()[:2] if load is not None else None
    if step.hold_seconds is not None:
        if not 0 < number <= 3600:
            raise ValueError("seconds must be between 1 and 3600")
        return Actuals(seconds=number)
    if not number.is_integer() or not 0 <= number <= 300:
        raise ValueError("reps must be a whole number from 0 to 300")
    if load is not None and not 0 < load <= 1000:
        raise ValueError("a load must be more than 0 and at most 1000")
    return Actuals(reps=int(number), load=load, unit=unit)  # type: ignore[arg-type]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--secure-cookies", is_flag=True, help="Mark cookies Secure (served over HTTPS).")
@click.option("--proxy-headers", is_flag=True,
              help="Trust X-Forwarded-For/Proto from a reverse proxy on this machine.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, secure_cookies: bool,
          proxy_headers: bool) -> None:
    """Serve the web app (the guided player for your phone) on HOST:PORT."""
    from strongstride.app import Strongstride
    from strongstride.web.__main__ import serve as run_server

    db = ctx.ensure_object(dict).get("db")
    Strongstride.open(db).close()  # a bad database is reported here, before the server starts
    click.echo(f"strongstride is on http://{host}:{port}/  (Ctrl+C to stop)", err=True)
    run_server(host, port, db=db, secure_cookies=secure_cookies, proxy_headers=proxy_headers)


def register(group: click.Group) -> None:
    for command in (start, history, session_, log, serve):
        group.add_command(command)

