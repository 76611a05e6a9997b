"""Left/right symmetry: LSI, the signed difference, the flag rule and its edges."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from strongstride.analysis import Settings, symmetry
from strongstride.analysis.symmetry import SymmetryResult
from strongstride.records import SetLog
from tests.analysis.make import holds, session, set_log, sides

LUNGE = "Slider reverse lunge"


def sessions_of(pairs: Sequence[tuple[int, int]], **common: object) -> list[SetLog]:
    """One session per (left, right) pair of reps, 3 days apart, one set each side."""
    logs: list[SetLog] = []
    for i, (left, right) in enumerate(pairs):
        logs += sides(LUNGE, sid=f"s{i}", n=3 * i, left=(left,), right=(right,),
                      target=(8, 15), **common)  # type: ignore[arg-type]
    return logs


def one(logs: Sequence[SetLog], **kw: object) -> SymmetryResult:
    infos = [session(s, 0) for s in sorted({log.session_id for log in logs})]
    infos = [session(i.id, 3 * int(i.id[1:])) if i.id[1:].isdigit() else i for i in infos]
    (result,) = symmetry(infos, logs, **kw)  # type: ignore[arg-type]
    return result


def test_lsi_is_weaker_over_stronger_and_the_difference_names_the_weaker_side() -> None:
    (reading,) = one(sessions_of([(10, 12)])).sessions
    assert reading.status == "compared" and reading.basis == "reps"
    assert reading.lsi == pytest.approx(10 / 12 * 100)
    assert reading.difference == pytest.approx((12 - 10) / 12 * 100)
    assert reading.weaker == "left"


def test_involved_side_makes_the_lsi_involved_over_uninvolved() -> None:
    (reading,) = one(sessions_of([(10, 12)]), involved="right").sessions
    assert reading.lsi == pytest.approx(120.0)
    assert reading.weaker == "left"


def test_two_comparable_sessions_are_collecting_data_three_can_flag() -> None:
    two = one(sessions_of([(10, 12), (10, 12)]))
    assert two.status == "collecting data" and two.comparable == 2
    assert two.message == ("2 of 3 sessions compared so far: keep logging both sides at the "
                           "same load and band.")
    three = one(sessions_of([(10, 12), (10, 12), (10, 12)]))
    assert three.status == "flagged" and three.comparable == 3
    assert three.weaker == "left" and three.weaker_count == 3


def test_the_flag_message_is_neutral_and_says_which_side_to_start_with() -> None:
    result = one(sessions_of([(12, 14), (12, 14), (14, 13), (12, 14)]))
    assert result.status == "flagged"
    assert result.message == (
        "Your left side has done fewer reps than your right on 3 of the last 4 sessions "
        "(median 86%). Consider starting with your left side.")
    assert result.median_lsi == pytest.approx(12 / 14 * 100)


def test_exactly_90_percent_is_not_flagged_under_90_is() -> None:
    at_90 = one(sessions_of([(9, 10)] * 4))
    assert at_90.median_lsi == pytest.approx(90.0) and at_90.status == "balanced"
    assert at_90.message == ("Your left and right sides are close: median 90% over the last 4 "
                             "sessions.")
    under = one(sessions_of([(8, 9)] * 4))
    assert under.status == "flagged"


def test_a_gap_that_changes_side_is_not_flagged() -> None:
    result = one(sessions_of([(10, 12), (12, 10), (10, 12), (12, 10)]))
    assert result.median_lsi is not None and result.median_lsi < 90
    assert result.status == "balanced" and result.weaker is None
    assert "changes from session to session" in result.message


def test_the_window_is_the_last_four_comparable_sessions() -> None:
    result = one(sessions_of([(8, 12)] * 4 + [(12, 12.5)] * 4))  # type: ignore[list-item]
    assert result.status == "balanced" and result.comparable == 4


@pytest.mark.parametrize(("pain", "counted"), [(3, 3), (4, 2)])
def test_pain_3_is_kept_pain_4_leaves_the_session_out(pain: int, counted: int) -> None:
    logs = sessions_of([(10, 12), (10, 12)])
    logs += sides(LUNGE, sid="s2", n=6, left=(10,), right=(12,), target=(8, 15), pain=pain)
    result = one(logs)
    assert result.comparable == counted
    left_out = [r for r in result.sessions if r.status == "left out"]
    assert len(left_out) == (1 if pain >= 4 else 0)
    if left_out:
        assert left_out[0].why.startswith("pain 4/10")


def test_both_sides_at_the_rep_target_is_not_measurable_never_100() -> None:
    result = one(sides(LUNGE, sid="s0", left=(12, 12), right=(12, 12), target=(12, 12)))
    (reading,) = result.sessions
    assert reading.status == "not measurable" and reading.lsi is None
    assert result.status == "not measurable"
    assert "both sides reached the 12-rep target on every set" in result.message
    assert "100" not in result.message


def test_one_side_short_of_the_target_is_measurable() -> None:
    (reading,) = one(sides(LUNGE, sid="s0", left=(12, 11), right=(12, 12),
                           target=(12, 12))).sessions
    assert reading.status == "compared"
    assert reading.lsi == pytest.approx(11.5 / 12 * 100)


def test_the_prescribed_target_is_used_when_the_logs_carry_none() -> None:
    logs = sides(LUNGE, sid="s0", left=(10,), right=(10,), target=None)
    assert one(logs).sessions[0].status == "compared"
    assert one(logs, targets={LUNGE: 10}).sessions[0].status == "not measurable"


def test_holds_compare_seconds() -> None:
    (reading,) = one(holds("Side plank", sid="s0", left=(40, 40), right=(50, 50))).sessions
    assert reading.basis == "seconds" and reading.lsi == pytest.approx(80.0)


def test_different_loads_compare_on_the_epley_estimate() -> None:
    logs = [set_log(LUNGE, sid="s0", side="left", reps=10, load=10),
            set_log(LUNGE, sid="s0", side="right", reps=8, load=12.5)]
    (reading,) = one(logs).sessions
    assert reading.basis == "epley" and reading.unit == "kg"
    left, right = 10 * (1 + 10 / 30), 12.5 * (1 + 8 / 30)
    assert (reading.left, reading.right) == (pytest.approx(left), pytest.approx(right))
    assert reading.lsi == pytest.approx(left / right * 100)


def test_a_shared_load_is_compared_directly_even_when_other_sets_differ() -> None:
    logs = [set_log(LUNGE, sid="s0", side="left", set_number=1, reps=10, load=10),
            set_log(LUNGE, sid="s0", side="left", set_number=2, reps=6, load=15),
            set_log(LUNGE, sid="s0", side="right", set_number=1, reps=12, load=10)]
    (reading,) = one(logs).sessions
    assert (reading.basis, reading.load) == ("reps", 10)
    assert reading.lsi == pytest.approx(10 / 12 * 100)


def test_different_bands_without_load_are_left_out() -> None:
    logs = [set_log(LUNGE, sid="s0", side="left", reps=10, band="light"),
            set_log(LUNGE, sid="s0", side="right", reps=10, band="heavy")]
    result = one(logs)
    assert result.sessions[0].status == "left out" and result.status == "collecting data"


def test_one_side_logged_is_left_out_and_two_legged_moves_have_no_symmetry() -> None:
    logs = [set_log(LUNGE, sid="s0", side="left", reps=10),
            set_log("Goblet squat", sid="s0", side="both", reps=12)]
    (result,) = symmetry([session("s0", 0)], logs)
    assert result.exercise == LUNGE
    assert result.sessions[0].why == "the right side was not logged"


def test_settings_change_the_rule() -> None:
    lenient = Settings(lsi_cutoff=80)
    assert one(sessions_of([(8, 9)] * 4), settings=lenient).status == "balanced"
    quick = Settings(min_comparable_sessions=2, same_side_weaker=2)
    assert one(sessions_of([(8, 10)] * 2), settings=quick).status == "flagged"


BANNED = ("injur", "risk", "danger", "damage", "weak ")


@pytest.mark.parametrize("pairs", [
    [(10, 12)], [(10, 12)] * 4, [(12, 10)] * 4, [(10, 12), (12, 10)] * 2, [(12, 12)] * 4,
])
def test_messages_use_neutral_words(pairs: list[tuple[int, int]]) -> None:
    message = one(sessions_of(pairs)).message.casefold()
    assert not [word for word in BANNED if word in message]


def test_with_an_involved_side_only_that_side_behind_is_flagged() -> None:
    behind = one(sessions_of([(10, 12)] * 4), involved="left")
    assert behind.status == "flagged" and behind.median_lsi == pytest.approx(10 / 12 * 100)
    ahead = one(sessions_of([(10, 12)] * 4), involved="right")
    assert ahead.status == "balanced" and ahead.median_lsi == pytest.approx(120.0)
    assert ahead.message == ("Your right side is at 120% of your left: median over the last 4 "
                             "sessions.")


def test_held_stretches_have_no_symmetry() -> None:
    logs = holds("Half Pigeon pose", sid="s0", left=(20,), right=(30,))
    assert symmetry([session("s0", 0)], logs) == ()


def test_sides_in_different_variations_are_not_compared_set_for_set() -> None:
    import dataclasses

    logs = sessions_of([(10, 12)])
    varied = [dataclasses.replace(log, variation="Band above knees") if log.side == "left"
              else log for log in logs]
    (reading,) = one(varied).sessions
    assert reading.status == "left out"
    assert reading.why == ("different bands, loads or variations on each side and no load to "
                           "estimate from")
    same = [dataclasses.replace(log, variation=" band above KNEES") for log in varied]
    assert one(same).sessions[0].status == "compared"
