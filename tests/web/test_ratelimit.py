"""The sliding window: blocked at the limit, free again once the oldest failure ages out."""

from __future__ import annotations

from strongstride.web.ratelimit import SlidingWindow


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_key_is_blocked_at_the_limit_until_its_oldest_failure_leaves_the_window() -> None:
    clock = Clock()
    window = SlidingWindow(3, 60, clock=clock)
    for _ in range(2):
        window.fail("ana")
        clock.now += 10
    assert window.retry_after("ana") is None
    window.fail("ana")  # failures at 1000, 1010, 1020
    assert window.retry_after("ana") == 40  # the one at 1000 leaves at 1060
    clock.now = 1059.9
    assert window.retry_after("ana") is not None
    clock.now = 1060
    assert window.retry_after("ana") is None
    assert window.retry_after("bea") is None  # keys do not share a count


def test_clearing_a_key_forgets_its_failures() -> None:
    window = SlidingWindow(1, 60, clock=Clock())
    window.fail("ana")
    assert window.retry_after("ana") is not None
    window.clear("ana")
    assert window.retry_after("ana") is None


def test_memory_is_bounded_by_forgetting_the_stalest_key() -> None:
    clock = Clock()
    window = SlidingWindow(1, 60, clock=clock, max_keys=2)
    for key in ("a", "b", "c"):
        window.fail(key)
    assert window.retry_after("a") is None
    assert window.retry_after("b") is not None and window.retry_after("c") is not None
