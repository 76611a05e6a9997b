"""`users.history_revision` goes up with every change that history shows, and only the
user's own (migration 0007), whoever writes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from strongstride.store import Store
from tests.store.conftest import T0, Raw, a_set


def test_every_change_history_shows_raises_the_users_revision(
        store: Store, raw: Callable[[], Raw]) -> None:
    me, other = store.ensure_user("me"), store.ensure_user("other")
    version = store.save_routine(me, "glute", "Glute", "# Glute\n## main\nBridge: 2x10\n")
    theirs = store.save_routine(other, "glute", "Glute", "# Glute\n## main\nBridge: 2x10\n")
    seen = [store.history_revision(me)]

    def changed() -> bool:
        now = store.history_revision(me)
        moved = now != seen[-1]
        seen.append(now)
        return moved

    store.start_session(me, version.id, session_id="a", started_at=T0)
    assert changed()
    assert store.log_set(a_set("a", "k1"))
    assert changed()  # sets done went up
    assert not store.log_set(a_set("a", "k1"))
    assert not changed()  # a retry stores nothing
    assert store.log_sets([a_set("a", "k2"), a_set("a", "k3")]) == [True, True]
    assert changed()
    store.finish_session("a", T0 + timedelta(hours=1))
    assert changed()
    store.save_routine(me, "glute", "Glute for runners", "# Glute\n## main\nBridge: 2x10\n")
    assert changed()  # history shows the routine's title
    store.start_session(me, version.id, session_id="b", started_at=T0 + timedelta(days=2))
    store.abandon_session("b", T0 + timedelta(days=2, minutes=5))
    assert changed()

    store.start_session(other, theirs.id, session_id="c", started_at=T0)
    store.log_set(a_set("c", "theirs"))
    assert not changed()  # another user's sessions are not hers

    # A writer that knows nothing of the revision (here SQL by hand) raises it too.
    conn = raw()
    conn.run("UPDATE sessions SET status = 'finished' WHERE id = 'b'")
    assert changed()
    conn.run("DELETE FROM set_logs WHERE session_id = 'b'")
    conn.run("DELETE FROM sessions WHERE id = 'b'")
    assert changed()
    assert all(isinstance(n, int) for n in seen)


def test_no_revision_for_a_user_that_does_not_exist(store: Store) -> None:
    assert store.history_revision(424242) is None
