"""Sessions through the application object: the one way the terminal and the web start,
resume, log and end a session, so both behave the same."""

from __future__ import annotations

from datetime import timedelta

import pytest

from strongstride.app import Strongstride
from strongstride.errors import FieldError, NotFound, StrongstrideError
from strongstride.player.clock import FakeClock
from strongstride.player.machine import Actuals, Complete, Start
from tests.app.conftest import T0, Clock


def first_work(app: Strongstride, user: int, session_id: str) -> str:
    info = app.session(user, session_id)
    return app.plan_of(info).work_steps[0].key


def test_starting_again_gives_the_unfinished_session_back(app: Strongstride) -> None:
    user = app.user()
    routine = app.routine()
    info, created = app.start_session(user, routine)
    assert created and info.status == "active" and info.started_at == T0
    again, created_again = app.start_session(user, routine)
    assert (again.id, created_again) == (info.id, False)
    retry, _ = app.start_session(user, routine, session_id=info.id)
    assert retry.id == info.id
    plan = app.plan_of(info)
    assert info.planned_sets == sum(1 for s in plan.steps if s.kind == "work" and not s.optional)


def test_a_retry_with_an_id_of_another_routine_names_the_id_field(app: Strongstride,
                                                                   tmp_path: object) -> None:
    user = app.user()
    info, _ = app.start_session(user, app.routine())
    other = app.routine()
    other = type(other)("other-routine", other.source, other.routine)
    with pytest.raises(FieldError) as refused:
        app.start_session(user, other, session_id=info.id)
    assert refused.value.field == "id"


def test_a_set_is_built_from_its_step_and_a_retry_stores_nothing(app: Strongstride,
                                                                  clock: Clock) -> None:
    user = app.user()
    info, _ = app.start_session(user, app.routine())
    step_key = first_work(app, user, info.id)
    clock.at = T0 + timedelta(minutes=3)
    log, outcome = app.log_set(user, info.id, step_key, Actuals(reps=12, load=8.0), key="k-1")
    assert outcome == "new"
    step = app.plan_of(info).work_step(step_key)
    assert step is not None
    assert (log.exercise, log.side, log.set_number) == (step.name, step.side or "both",
                                                        step.set_number)
    assert log.unit == "kg"  # a load without a unit is in kg, whichever face sent it
    assert log.logged_at == clock.at
    again, outcome = app.log_set(user, info.id, step_key, Actuals(reps=12), key="k-1")
    assert (again, outcome) == (log, "retry")  # the set stored, as it was stored
    assert [s.key for s in app.sets(user, info.id)] == ["k-1"]


def test_a_step_not_in_the_plan_names_the_step_key_field(app: Strongstride) -> None:
    user = app.user()
    info, _ = app.start_session(user, app.routine())
    with pytest.raises(FieldError) as refused:
        app.log_set(user, info.id, "s9.e9.set9.work", Actuals(reps=1))
    assert refused.value.field == "step_key"
    assert app.sets(user, info.id) == []


def test_another_users_session_is_not_found(app: Strongstride) -> None:
    ana, ben = app.user("ana"), app.user("ben")
    info, _ = app.start_session(ana, app.routine())
    step_key = first_work(app, ana, info.id)
    with pytest.raises(NotFound):
        app.session(ben, info.id)
    with pytest.raises(NotFound):
        app.log_set(ben, info.id, step_key, Actuals(reps=3))
    with pytest.raises(NotFound):
        app.end_session(ben, info.id, "abandon")
    assert app.session(ana, info.id).status == "active"


def test_a_variation_is_the_step_s_unless_the_set_names_one(app: Strongstride) -> None:
    user = app.user()
    with pytest.raises(FieldError, match="unknown equipment 'bands'"):
        app.start_session(user, app.routine(), missing=frozenset({"bands"}))
    info, _ = app.start_session(user, app.routine(), missing=frozenset({"band"}))
    plan = app.plan_of(info)
    banded = next(s for s in plan.work_steps if s.variation)
    log, _ = app.log_set(user, info.id, banded.key, Actuals(reps=10))
    assert log.variation == banded.variation
    other = next(s for s in plan.work_steps if s.key != banded.key)
    named, _ = app.log_set(user, info.id, other.key, Actuals(reps=10), variation="on a step")
    assert named.variation == "on a step"


def test_an_end_before_the_start_names_the_ended_at_field(app: Strongstride) -> None:
    user = app.user()
    info, _ = app.start_session(user, app.routine())
    with pytest.raises(FieldError) as refused:
        app.end_session(user, info.id, "finish", T0 - timedelta(minutes=1))
    assert refused.value.field == "ended_at"
    done = app.end_session(user, info.id, "finish", T0 + timedelta(minutes=40))
    assert done.status == "finished"
    assert app.end_session(user, info.id, "finish").status == "finished"  # a retry
    with pytest.raises(StrongstrideError, match="already finished"):
        app.end_session(user, info.id, "abandon")


def test_the_terminal_player_logs_through_the_application(app: Strongstride) -> None:
    user = app.user()
    workout = app.play(user, app.routine(), clock=FakeClock())
    workout.send(Start())
    while workout.state.step is not None and workout.state.step.kind != "work":
        workout.send(Complete())
    workout.send(Complete())
    (log,) = app.sets(user, workout.session.id)
    assert log.step_key == workout.acknowledged[0].step_key
    # playing again resumes it; asked for a new one, the unfinished one is abandoned
    assert app.play(user, app.routine(), clock=FakeClock()).session.id == workout.session.id
    fresh = app.play(user, app.routine(), clock=FakeClock(), resume=False)
    assert fresh.session.id != workout.session.id
    assert app.session(user, workout.session.id).status == "abandoned"


def test_a_session_done_on_paper_is_one_of_its_own(app: Strongstride) -> None:
    user = app.user()
    routine = app.routine()
    open_one, _ = app.start_session(user, routine)
    plan = app.session_plan(routine)
    answers = [(step, None if step.optional else Actuals(reps=10))
               for step in plan.steps if step.kind == "work"]
    paper = app.log_past_session(user, routine, T0 - timedelta(days=2), answers)
    assert paper.id != open_one.id and paper.status == "finished"
    sets = app.sets(user, paper.id)
    assert len(sets) == len(answers)
    assert paper.sets_done == sum(1 for _, a in answers if a is not None)
    assert app.session(user, open_one.id).status == "active"


def test_logging_a_step_again_edits_its_set(app: Strongstride, clock: Clock) -> None:
    """Back, then Done again: one set for the step, with the new values, and history, the
    last time and today's targets all see that one set."""
    user = app.user()
    info, _ = app.start_session(user, app.routine())
    step_key = first_work(app, user, info.id)
    clock.at = T0 + timedelta(minutes=3)
    app.log_set(user, info.id, step_key, Actuals(reps=8), key="first")
    clock.at = T0 + timedelta(minutes=4)
    log, outcome = app.log_set(user, info.id, step_key,
                               Actuals(reps=11, load=16.0, note="easier"), key="second")
    assert outcome == "replaced"
    assert [(s.key, s.reps, s.load, s.note) for s in app.sets(user, info.id)] == [
        ("second", 11, 16.0, "easier")]
    assert log == app.sets(user, info.id)[0]
    [listed] = app.history(user)
    assert listed.sets_done == 1
    # A retry of the first key after the edit stores nothing and brings nothing back.
    kept, outcome = app.log_set(user, info.id, step_key, Actuals(reps=8), key="first",
                                logged_at=T0 + timedelta(minutes=3))
    assert (kept.key, kept.reps, outcome) == ("second", 11, "superseded")
    # A skip after the edit (Back, then Skip) replaces it too: nothing done on that step.
    clock.at = T0 + timedelta(minutes=5)
    _, outcome = app.log_set(user, info.id, step_key, Actuals(), key="third", skipped=True)
    assert outcome == "replaced"
    assert app.history(user)[0].sets_done == 0
    assert [s.skipped for s in app.sets(user, info.id)] == [True]


def test_the_next_session_sees_one_set_per_step(app: Strongstride, clock: Clock) -> None:
    user = app.user()
    info, _ = app.start_session(user, app.routine())
    plan = app.plan_of(info)
    step = next(s for s in plan.steps if s.kind == "work" and s.name)
    clock.at = T0 + timedelta(minutes=3)
    app.log_set(user, info.id, step.key, Actuals(reps=5), key="a")
    clock.at = T0 + timedelta(minutes=4)
    app.log_set(user, info.id, step.key, Actuals(reps=9), key="b")
    clock.at = T0 + timedelta(minutes=40)
    app.end_session(user, info.id, "finish")
    later, _ = app.start_session(user, app.routine(), started_at=T0 + timedelta(days=3))
    last = app.last_time(user, app.plan_of(later), later.id)
    [seen] = [lt for lt in last.values() if lt.exercise == step.name][:1]
    assert [s.reps for s in seen.sets if s.step_key == step.key] == [9]
