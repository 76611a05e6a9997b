"""A set comes back field for field, whatever its values (hypothesis; SQLite, and PostgreSQL
when STRONGSTRIDE_TEST_PG is set)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strongstride import rules
from strongstride.records import SetLog
from strongstride.store import Store
from tests.store.conftest import ENGINES, T0, pg_schema

INT32 = st.integers(min_value=-(2**31), max_value=2**31 - 1)
# Any text the rules let in (`rules.text_issue`): no control characters but tab and new line.
CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cc",)) | st.sampled_from("\t\n")


def text(most: int | None = None) -> st.SearchStrategy[str]:
    return st.text(CHARACTERS, max_size=most)


NAME = text(rules.ID_MAX).filter(lambda text: text.strip() != "")
REAL = st.floats(allow_nan=False, allow_infinity=False)
# Fixed offsets only: an instant in a DST fold never equals one in another zone (PEP 495).
ZONES = st.builds(lambda minutes: timezone(timedelta(minutes=minutes)),
                  st.integers(min_value=-23 * 60, max_value=23 * 60))
INSTANTS = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2999, 12, 30),
                        timezones=ZONES)
PAIRS = st.none() | st.tuples(INT32, INT32)


@st.composite
def set_logs(draw: st.DrawFn, session_id: str) -> SetLog:
    return SetLog(
        key=f"{uuid.uuid4()}:{draw(text(rules.ID_MAX - 37))}", session_id=session_id,
        step_key=draw(NAME),
        exercise=draw(NAME), section=draw(INT32), exercise_index=draw(INT32),
        set_number=draw(INT32), side=draw(st.sampled_from(["left", "right", "both"])),
        logged_at=draw(INSTANTS), target_reps=draw(PAIRS), target_seconds=draw(PAIRS),
        reps=draw(st.none() | INT32), seconds=draw(st.none() | REAL),
        load=draw(st.none() | REAL), unit=draw(st.sampled_from([None, "kg", "lb"])),
        band=draw(st.none() | text(rules.BAND_MAX)),
        rpe=draw(st.none() | st.floats(min_value=1, max_value=10)),
        pain=draw(st.none() | st.integers(min_value=0, max_value=10)),
        note=draw(text(rules.SET_NOTE_MAX)),
        round=draw(st.none() | INT32), skipped=draw(st.booleans()),
        variation=draw(st.none() | text(rules.VARIATION_MAX)),
    )


@pytest.fixture(scope="module", params=ENGINES)
def any_store(request: pytest.FixtureRequest,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int, int]]:
    with ExitStack() as stack:
        if request.param == "sqlite":
            path: Path = tmp_path_factory.mktemp("roundtrip") / "strongstride.db"
            url = f"sqlite:///{path}"
        else:
            url = stack.enter_context(pg_schema())
        store = stack.enter_context(Store.open(url))
        user = store.ensure_user()
        version = store.save_routine(user, "glute", "Glute", "# Glute\n")
        yield store, user, version.id


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_set_round_trips_field_for_field(any_store: tuple[Store, int, int],
                                           data: st.DataObject) -> None:
    store, user, version_id = any_store
    # A session of its own: a session holds one set per step, and steps may repeat here.
    session_id = str(uuid.uuid4())
    store.start_session(user, version_id, session_id=session_id, started_at=T0)
    log = data.draw(set_logs(session_id))
    assert store.log_set(log) is True
    [back] = [stored for stored in store.sets_of(session_id) if stored.key == log.key]
    assert back == log
    assert back.logged_at.utcoffset() == timedelta(0)
    assert store.log_set(log) is False
