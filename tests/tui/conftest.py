"""The terminal player's tests store to a SQLite file of their own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from strongstride.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'tui.db'}") as s:
        yield s
