"""Fixtures for the report tests: a database holding the demo data at a fixed day.

The CLI tests run the installed console script; they are skipped (saying why) until
`strongstride.cli` registers the report commands.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from strongstride import demo
from strongstride.store import Store
from tests.store.conftest import ENGINES, pg_schema

TODAY = date(2026, 4, 7)
GOLDEN = Path(__file__).parent / "golden"


def cli_wired() -> bool:
    from strongstride.cli import main

    return "report" in main.commands and "demo" in main.commands


needs_cli = pytest.mark.skipif(
    not cli_wired(), reason="strongstride.cli does not register the report commands yet: "
                            "add `reports.register(main)` to cli/__init__.py _register()")


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'reports.db'}"
    else:
        with pg_schema() as url:
            yield url


@pytest.fixture
def demo_store(db_url: str) -> Iterator[Store]:
    """A store whose user "me" has the demo sessions up to TODAY."""
    with Store.open(db_url) as store:
        demo.fill(store, "me", today=TODAY)
        yield store
