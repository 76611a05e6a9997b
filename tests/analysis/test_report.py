"""The whole report: contents, order, JSON form, and determinism."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strongstride.analysis import MorningCheck, Settings, build_report, iso_week, report_dict
from strongstride.records import SessionInfo, SetLog
from strongstride.routine.model import Prescription
from strongstride.routine.parse import parse_routine
from tests.analysis.make import day, holds, session, set_log, sides, two_legged

ROOT = Path(__file__).resolve().parents[2]
ROUTINE = ROOT / "src" / "strongstride" / "data" / "routines" / "runner-glute.routine"


def shipped_prescriptions() -> dict[str, Prescription]:
    routine = parse_routine(ROUTINE.read_text()).routine
    assert routine is not None
    return {e.name: e.prescription for e in routine.exercises}


PRESCRIPTIONS = shipped_prescriptions()
DEADLIFT, SPLIT, PIGEON = "Single-leg deadlift", "Banded split squat", "Half Pigeon pose"


def two_weeks() -> tuple[list[SessionInfo], list[SetLog], list[MorningCheck]]:
    """Four sessions over two weeks: the left leg a little behind on the split squat."""
    infos, logs = [], []
    for i, n in enumerate((0, 3, 7, 10)):
        sid = f"s{i}"
        infos.append(session(sid, n, planned=12, done=12))
        logs += sides(DEADLIFT, sid=sid, n=n, left=(8, 8), right=(8, 8), load=10 + 2.5 * (i // 2),
                      rpe=7, target=(8, 8))
        logs += sides(SPLIT, sid=sid, n=n, left=(9, 8), right=(10, 10), band="light",
                      target=(10, 10), pain=2 if i < 3 else 4)
        logs += two_legged("Goblet squat", sid=sid, n=n, reps=(12 + i, 12 + i), load=16,
                           target=(12, 15))
        logs += holds(PIGEON, sid=sid, n=n, left=(30,), right=(30,))
    logs.append(set_log(SPLIT, sid="s3", n=10, side="left", set_number=3, skipped=True,
                        note="a bit of swelling"))
    checks = [MorningCheck(day(1), 1, 2), MorningCheck(day(11), 2, 3)]
    return infos, logs, checks


def test_the_report_has_every_part() -> None:
    infos, logs, checks = two_weeks()
    report = build_report(infos, logs, PRESCRIPTIONS, checks, today=day(12))
    assert [s.exercise for s in report.suggestions] == list(PRESCRIPTIONS)
    by_name = {s.exercise: s for s in report.suggestions}
    assert by_name[SPLIT].action == "stop"
    assert by_name["Goblet squat"].action == "keep"
    assert by_name[PIGEON].target.seconds == 30
    assert by_name["Glute star"].action == "start"
    assert [r.exercise for r in report.symmetry] == [SPLIT, DEADLIFT]
    split = report.symmetry[0]
    assert split.status == "flagged" and split.comparable == 3
    assert split.message == ("Your left side has done fewer reps than your right on 3 of the "
                             "last 3 sessions (median 85%). Consider starting with your left "
                             "side.")
    assert split.sessions[-1].status == "left out"
    assert report.symmetry[1].status == "not measurable"
    assert by_name[PIGEON].target.sets == 3
    assert [w.sessions for w in report.adherence.weeks] == [2, 2]
    assert report.adherence.current_streak == 2
    assert len(report.calendar) == 28 and report.calendar[-1].date == day(12)
    assert [w.week for w in report.balance.weeks] == ["2026-W10", "2026-W11"]
    assert report.pain.stops[0].exercise == SPLIT
    assert [(m.session_date, m.status) for m in report.pain.mornings] == [(day(10), "settled")]
    assert report.deload is None


def test_records_after_today_are_left_out() -> None:
    infos, logs, checks = two_weeks()
    report = build_report(infos, logs, PRESCRIPTIONS, checks, today=day(5))
    assert report.pain.stops == ()
    assert {p.session_id for p in report.progress} == {"s0", "s1"}


def test_report_dict_is_json_with_a_stable_key_order() -> None:
    infos, logs, checks = two_weeks()
    data = report_dict(build_report(infos, logs, PRESCRIPTIONS, checks, today=day(12)))
    assert list(data) == ["schema", "today", "settings", "involved_side", "progress",
                          "symmetry", "balance", "adherence", "calendar", "pain", "deload",
                          "suggestions", "focus"]
    text = json.dumps(data)
    assert json.loads(text) == data
    assert data["today"] == "2026-03-14"
    first = data["suggestions"][0]  # type: ignore[index]
    assert list(first) == ["exercise", "action", "target", "reason"]
    assert list(first["target"]) == ["sets", "reps", "load", "unit", "seconds", "band"]
    week = data["balance"]["weeks"][0]["muscles"][0]  # type: ignore[index]
    assert list(week) == ["week", "muscle", "left", "right", "sets"]


def test_the_same_records_in_any_order_give_the_same_report() -> None:
    infos, logs, checks = two_weeks()
    first = build_report(infos, logs, PRESCRIPTIONS, checks, today=day(12))
    rng = random.Random(7)
    for _ in range(3):
        rng.shuffle(infos)
        rng.shuffle(logs)
        rng.shuffle(checks)
        again = build_report(infos, logs, PRESCRIPTIONS, checks, today=day(12))
        assert again == first
        assert json.dumps(report_dict(again)) == json.dumps(report_dict(first))


def test_settings_and_the_involved_side_are_in_the_report() -> None:
    infos, logs, checks = two_weeks()
    report = build_report(infos, logs, PRESCRIPTIONS, checks, Settings(lsi_cutoff=85),
                          today=day(12), involved_side="left")
    data = report_dict(report)
    assert data["involved_side"] == "left"
    assert data["settings"]["lsi_cutoff"] == 85  # type: ignore[index]
    assert data["settings"]["rpe_table"][0] == {"rpe_max": 6, "steps": 2}  # type: ignore[index]


sets_strategy = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from([DEADLIFT, SPLIT, "Goblet squat", PIGEON]),
              st.sampled_from(["left", "right", "both"]), st.integers(1, 3),
              st.integers(0, 15), st.sampled_from([None, 10.0, 22.5]),
              st.sampled_from([None, 3, 4, 6]), st.sampled_from([None, 6, 8, 9]),
              st.sampled_from(["", "sharp", "no swelling"]), st.booleans()),
    max_size=40)


@settings(max_examples=60, deadline=None)
@given(sets_strategy, st.randoms(use_true_random=False))
def test_the_report_is_deterministic(rows: list[tuple], rng: random.Random) -> None:  # type: ignore[type-arg]
    infos = [session(f"s{i}", 2 * i) for i in range(6)]
    logs = [set_log(name, sid=f"s{s}", n=2 * s, side=side, set_number=k,  # type: ignore[arg-type]
                    reps=reps if name != PIGEON else None,
                    seconds=float(reps * 4) if name == PIGEON else None,
                    load=load, rpe=rpe, pain=pain, note=note, skipped=skipped)
            for s, name, side, k, reps, load, pain, rpe, note, skipped in rows]
    checks = [MorningCheck(day(1), 4, 2), MorningCheck(day(8), 1, 3)]
    first = build_report(infos, logs, PRESCRIPTIONS, checks, today=day(12))
    shuffled = list(logs)
    rng.shuffle(shuffled)
    again = build_report(list(reversed(infos)), shuffled, PRESCRIPTIONS, checks, today=day(12))
    assert again == first
    assert json.dumps(report_dict(again)) == json.dumps(report_dict(first))


def test_a_report_of_nothing() -> None:
    report = build_report([], [], {}, today=day(0))
    assert (report.progress, report.symmetry, report.suggestions) == ((), (), ())
    assert report.adherence.weeks == () and len(report.calendar) == 28
    assert json.dumps(report_dict(report))


def test_same_keys_get_the_same_answers() -> None:
    infos, logs, checks = two_weeks()
    renamed = [replace(s, exercise=s.exercise.lower()) if s.session_id == "s0" else s
               for s in logs]
    report = build_report(infos, renamed, PRESCRIPTIONS, checks, today=day(12))
    assert [r.exercise for r in report.symmetry] == [SPLIT, DEADLIFT]


def test_older_sessions_summed_up_in_weeks_give_the_same_report() -> None:
    """A report of recent weeks reads its older sessions as weeks (`earlier`): adherence and
    the deload rule read the same from them."""
    from strongstride.analysis.adherence import training_weeks

    infos = [session(f"old{i}", 3 * i, planned=10, done=3 if 14 <= i < 17 else 10)
             for i in range(40)]
    infos.append(session("skipped", 41, status="abandoned"))
    today = day(3 * 40 + 2)  # a Thursday: the window starts in the middle of a week
    settings_ = Settings(calendar_weeks=4)
    start = today - timedelta(weeks=4) + timedelta(days=1)
    recent = [i for i in infos if i.started_at.date() >= start]
    older = [i for i in infos if i.started_at.date() < start]
    assert recent and older
    assert iso_week(min(i.started_at for i in recent).date()) == iso_week(
        max(i.started_at for i in older).date())
    whole = build_report(infos, [], PRESCRIPTIONS, today=today, settings=settings_)
    summed = build_report(recent, [], PRESCRIPTIONS, today=today, settings=settings_,
                          earlier=training_weeks(older))
    assert summed == whole
    assert len(whole.adherence.weeks) > 12 and whole.deload is not None
    with pytest.raises(ValueError, match="calendar"):
        build_report(recent, [], PRESCRIPTIONS, today=today, settings=settings_,
                     earlier=training_weeks(infos))


def test_check_ins_of_one_morning_in_any_order_give_one_report() -> None:
    # An overall check-in (stiffness given) and one exercise's (no stiffness), same pain.
    infos, logs, _ = two_weeks()
    checks = [MorningCheck(day(11), 2, 3), MorningCheck(day(11), 2, None, SPLIT, "left"),
              MorningCheck(day(11), 2, None)]
    first = build_report(infos, logs, PRESCRIPTIONS, checks, today=day(12))
    again = build_report(infos, logs, PRESCRIPTIONS, checks[::-1], today=day(12))
    assert again == first
