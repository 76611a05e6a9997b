"""Fixtures for the report tests: a database holding the demo data at a fixed day.

`db_url` (SQLite, and PostgreSQL when configured) is the store tests' fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from strongstride.app import Strongstride
from strongstride.store import Store
from tests.store.conftest import db_url  # noqa: F401  (the fixture, reused)

TODAY = date(2026, 4, 7)
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def demo_store(db_url: str) -> Iterator[Store]:  # noqa: F811
    """A store whose user "me" has the demo sessions up to TODAY."""
    with Store.open(db_url) as store:
        Strongstride(store).demo("me", today=TODAY)
        yield store
