"""The application's tests run on SQLite and, where reachable, on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from strongstride.app import Strongstride
from tests.store.conftest import db_url  # noqa: F401  (the fixture, on every engine)

T0 = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)


class Clock:
    """The wall clock the application stamps records with, moved by hand."""

    def __init__(self) -> None:
        self.at = T0

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(db_url: str, clock: Clock) -> Iterator[Strongstride]:  # noqa: F811
    with Strongstride.open(db_url, wall=clock) as opened:
        yield opened
