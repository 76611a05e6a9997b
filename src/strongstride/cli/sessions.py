"""Commands that play, record and list sessions: start, history, session, log."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from strongstride import service

if TYPE_CHECKING:
    from strongstride.store import Store
    from strongstride.workout import Workout


def _store(ctx: click.Context) -> Store:
    from strongstride.store import Store

    obj = ctx.ensure_object(dict)
    if "store" not in obj:
        obj["store"] = Store.open(obj.get("db"))
        ctx.call_on_close(obj["store"].close)
    store: Store = obj["store"]
    return store


def _emit(data: object) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False))
    sys.stdout.flush()


@click.command()
@click.argument("routine", required=False)
@click.option("--new", "force_new", is_flag=True, help="Start afresh; abandon an unfinished one.")
@click.option("--resume", "force_resume", is_flag=True, help="Resume without asking.")
@click.option("--speak", is_flag=True, help="Speak the cues (needs espeak-ng).")
@click.option("--unit", type=click.Choice(["kg", "lb"]), default="kg", show_default=True,
              help="Unit for loads you enter.")
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
          speak: bool, unit: str, without: tuple[str, ...], autoplay: bool,
          pace: float) -> None:
    """Do a routine, guided set by set and side by side (default: runner-glute).

    Every set you finish is saved at once. Quit at any time with q: the next `start`
    offers to carry on at the first set you had not logged.
    """
    from strongstride.workout import Workout

    missing = tuple(sorted(service.missing_equipment(without)))
    store = _store(ctx)
    user = store.ensure_user()
    loaded = service.load_routine(routine)
    unfinished = store.unfinished_session(user, loaded.id)
    resume = unfinished is not None and not force_new
    if unfinished is not None and not (force_new or force_resume or autoplay):
        when = unfinished.started_at.astimezone().strftime("%a %d %b %H:%M")
        resume = click.confirm(
            f"You have an unfinished session of {unfinished.routine_title or loaded.id} from "
            f"{when} ({unfinished.sets_done} of {unfinished.planned_sets} sets done). "
            "Carry on with it?", default=True)
    if unfinished is not None and not resume:
        store.abandon_session(unfinished.id, datetime.now(UTC))
    if speak:
        from strongstride.tui.speech import available

        if not available():
            click.echo("espeak-ng is not installed: cues will only beep.", err=True)
            speak = False
    if autoplay:
        from strongstride.player.clock import FakeClock

        workout = Workout.begin(store, user, loaded, clock=FakeClock(), resume=resume,
                                equipment=missing)
        _autoplay(workout, pace)
        return
    workout = Workout.begin(store, user, loaded, resume=resume, equipment=missing)
    from strongstride.tui.app import PlayerApp

    PlayerApp(workout, speak=speak, unit=unit).run()
    state = workout.state
    if state.status == "finished":
        click.echo(f"Session saved: {len(store.sets_of(workout.session.id))} sets.")
    elif state.status != "abandoned":
        click.echo("Paused. Run `strongstride start` to carry on where you stopped.")


def _autoplay(workout: Workout, pace: float) -> None:
    """Walk the plan as prescribed: each set is printed only after the store holds it."""
    from strongstride.player.clock import FakeClock
    from strongstride.player.machine import Complete, Skip, Start

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
@click.option("--limit", default=50, show_default=True, help="How many sessions.")
@click.pass_context
def history(ctx: click.Context, as_json: bool, limit: int) -> None:
    """Your sessions, newest first: date, routine, duration and sets done of planned."""
    store = _store(ctx)
    sessions = store.history(store.ensure_user(), limit=limit)
    if as_json:
        _emit([service.session_dict(s) for s in sessions])
        return
    from strongstride.cli.render import print_history

    print_history(sessions)


@click.command(name="session")
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def session_(ctx: click.Context, session_id: str, as_json: bool) -> None:
    """Every set of one session, per side. SESSION_ID may be the first few characters."""
    store = _store(ctx)
    found = service.find_session(store, store.ensure_user(), session_id)
    sets = store.sets_of(found.id)
    if as_json:
        _emit({**service.session_dict(found), "sets": [service.set_dict(s) for s in sets]})
        return
    from strongstride.cli.render import print_session

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
    store = _store(ctx)
    loaded = service.load_routine(routine)
    started = day.replace(tzinfo=day.tzinfo or datetime.now().astimezone().tzinfo)

    def ask(label: str, default: str) -> str:
        if accept:
            return default
        answer: str = click.prompt(label, default=default, show_default=True, err=True)
        return answer

    info = service.log_past_session(store, store.ensure_user(), loaded,
                                    started.astimezone(UTC), ask)
    if as_json:
        sets = store.sets_of(info.id)
        _emit({**service.session_dict(info), "sets": [service.set_dict(s) for s in sets]})
    else:
        click.echo(f"Logged session {info.id[:8]}: {info.sets_done} of {info.planned_sets} "
                   "sets.")


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
    from strongstride.store import Store
    from strongstride.web.__main__ import serve as run_server

    db = ctx.ensure_object(dict).get("db")
    Store.open(db).close()  # a bad database is reported here, before the server starts
    click.echo(f"strongstride is on http://{host}:{port}/  (Ctrl+C to stop)", err=True)
    run_server(host, port, db=db, secure_cookies=secure_cookies, proxy_headers=proxy_headers)


def register(group: click.Group) -> None:
    for command in (start, history, session_, log, serve):
        group.add_command(command)

