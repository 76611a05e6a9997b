"""Next-morning check-ins and the injured side in the store (SQLite, and PostgreSQL when
STRONGSTRIDE_TEST_PG is set): kept per user and morning, a new answer replaces the old one."""

from __future__ import annotations

from datetime import date

import pytest

from strongstride.errors import NotFound, StrongstrideError
from strongstride.records import CheckIn
from strongstride.store import Store

DAY = date(2025, 3, 2)


def test_a_check_in_comes_back_and_a_second_answer_replaces_the_first(store: Store) -> None:
    me = store.ensure_user()
    store.save_checkin(me, CheckIn(DAY, 3, stiffness=2, note="stiff calves"))
    store.save_checkin(me, CheckIn(DAY, 5, exercise=" Single-leg deadlift ", side="left"))
    store.save_checkin(me, CheckIn(DAY, 1, stiffness=1))
    assert store.checkins(me) == [
        CheckIn(DAY, 1, stiffness=1),
        CheckIn(DAY, 5, exercise="Single-leg deadlift", side="left"),
    ]


def test_check_ins_are_read_in_a_window_of_days_and_only_for_their_user(store: Store) -> None:
    me, other = store.ensure_user("me"), store.ensure_user("other")
    for n in range(1, 4):
        store.save_checkin(me, CheckIn(date(2025, 3, n), n, stiffness=0))
    store.save_checkin(other, CheckIn(date(2025, 3, 2), 9, stiffness=9))
    assert [c.pain for c in store.checkins(me, since=date(2025, 3, 2),
                                           until=date(2025, 3, 2))] == [2]
    assert [c.pain for c in store.checkins(other)] == [9]
    assert store.delete_checkin(other, date(2025, 3, 2)) is True
    assert store.delete_checkin(other, date(2025, 3, 2)) is False
    assert len(store.checkins(me)) == 3


@pytest.mark.parametrize(("checkin", "message"), [
    (CheckIn(DAY, 11), "pain must be a whole number from 0 to 10, not 11"),
    (CheckIn(DAY, -1), "pain must be a whole number from 0 to 10, not -1"),
    (CheckIn(DAY, 2, stiffness=12), "stiffness must be a whole number from 0 to 10, not 12"),
    (CheckIn(DAY, 2, side="left"), "a side goes with an exercise"),
    (CheckIn(DAY, 2, exercise="  "), "exercise is empty"),
    (CheckIn(DAY, 2, exercise="Plank", stiffness=3), "morning stiffness is for how you feel"),
    (CheckIn(DAY, 2, side="up"), "side must be left, right or both, not 'up'"),  # type: ignore[arg-type]
    (CheckIn(DAY, 2, note="a\x00b"), "note contains a NUL character"),
    (CheckIn(DAY, 2, note="n" * 501), "note is 501 characters; keep it to at most 500 characters"),
])
def test_a_wrong_check_in_is_refused_with_a_message(store: Store, checkin: CheckIn,
                                                     message: str) -> None:
    me = store.ensure_user()
    with pytest.raises(StrongstrideError) as refused:
        store.save_checkin(me, checkin)
    assert message in refused.value.message
    assert store.checkins(me) == []


def test_a_check_in_for_a_user_who_does_not_exist_is_refused(store: Store) -> None:
    with pytest.raises(NotFound):
        store.save_checkin(999, CheckIn(DAY, 2))


def test_the_injured_side_is_set_cleared_and_checked(store: Store) -> None:
    me, other = store.ensure_user("me"), store.ensure_user("other")
    assert store.injured_side(me) is None
    store.set_injured_side(me, "left")
    assert (store.injured_side(me), store.injured_side(other)) == ("left", None)
    with pytest.raises(StrongstrideError) as refused:
        store.set_injured_side(me, "both")
    assert refused.value.message == ("the injured side must be left or right (or none), "
                                     "not 'both'")
    store.set_injured_side(me, None)
    assert store.injured_side(me) is None
