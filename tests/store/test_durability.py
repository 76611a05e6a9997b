"""Never lost, never doubled: a set `log_set` confirmed survives SIGKILL, and writers racing
with one key store it once."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from strongstride.store import Store
from tests.store.conftest import T0, a_set

WRITER = """
import sys
from datetime import timedelta
from strongstride.store import Store
from tests.store.conftest import T0, a_set

with Store.open(sys.argv[1]) as store:
    print("ready", flush=True)
    for n in range(1, 100_000):
        log = a_set("s1", f"k{n}", set_number=n, logged_at=T0 + timedelta(seconds=n))
        assert store.log_set(log)
        print(log.key, flush=True)
"""


def _start(url: str) -> Store:
    store = Store.open(url)
    user = store.ensure_user()
    version = store.save_routine(user, "runner-glute", "Glute", "# Glute\n")
    store.start_session(user, version.id, session_id="s1", started_at=T0)
    return store


def test_every_confirmed_set_survives_a_sigkill(db_url: str) -> None:
    _start(db_url).close()
    root = Path(__file__).resolve().parents[2]
    writer = subprocess.Popen([sys.executable, "-c", WRITER, db_url], cwd=root,
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    confirmed = [writer.stdout.readline().strip() for _ in range(40)]
    writer.kill()  # SIGKILL, in the middle of writing more sets
    writer.wait(timeout=30)
    confirmed += [line.strip() for line in writer.stdout if line.strip()]

    with Store.open(db_url) as store:
        stored = [log.key for log in store.sets_of("s1")]
        assert stored[:len(confirmed)] == confirmed
        assert len(stored) - len(confirmed) <= 1  # at most the one committed while being killed
        assert len(set(stored)) == len(stored)
        assert all(store.log_set(a_set("s1", key)) is False for key in confirmed)
        assert store.log_set(a_set("s1", "after-the-crash"))


def test_writers_racing_with_one_key_store_it_once(db_url: str) -> None:
    _start(db_url).close()
    stores = [Store.open(db_url) for _ in range(6)]
    start = threading.Barrier(len(stores))
    results: list[bool | BaseException] = []

    def write(store: Store) -> None:
        start.wait()
        try:
            results.append(store.log_set(a_set("s1", "the-one-key")))
        except BaseException as error:  # reported by the assertion below
            results.append(error)

    threads = [threading.Thread(target=write, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for store in stores:
        store.close()

    assert sorted(results, key=repr) == [False] * 5 + [True]
    with Store.open(db_url) as store:
        assert [log.key for log in store.sets_of("s1")] == ["the-one-key"]
