"""How long one user's report takes with a long history, on SQLite and PostgreSQL.

    .venv/bin/python bench/report.py                       # 100,000 sets, SQLite and PostgreSQL
    .venv/bin/python bench/report.py --users 1000,10000    # ... and many users on PostgreSQL

One heavy user has `--sets` set logs (sessions of the built-in routine, 81 sets each, twice a
week going back years). The report (`Strongstride.report`, default window of 12
weeks) is built `--runs` times and the median is printed, split into its parts: the store's
reads (the window's sessions with the older ones summed up per week in SQL, the window's
sets, the routines played) and the analysis.
`--weeks 0` times the report of the whole history instead.

With `--users`, other users are added on PostgreSQL (in a schema of its own, dropped at the
end), each with `--sets-per-user` sets, and the heavy user's and a typical user's time is
printed at each size: a user's time must not grow with other users' data. The heavy user's
rows go in with COPY; other users' with COPY too (`--fill copy`, rows made in Python) or, much
faster for millions of rows, made by the server (`--fill sql`: INSERT ... SELECT over
generate_series and the routine's steps, the same shape of data). Nothing here uses the
one-set-at-a-time API.

    .venv/bin/python bench/report.py --engines postgresql --users 1000,10000 --fill sql
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from strongstride import routines
from strongstride.analysis import DEFAULT_SETTINGS, TrainingWeek, build_report
from strongstride.app import Strongstride
from strongstride.player.sets import planned_sets
from strongstride.records import SessionInfo
from strongstride.reports.build import prescriptions_of, window
from strongstride.routine.format import format_routine
from strongstride.store import Store

PG_URL = os.environ.get("STRONGSTRIDE_BENCH_PG",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TODAY = date(2026, 4, 7)
COLUMNS = ("session_id", "idempotency_key", "step_key", "exercise", "section", "exercise_index",
           "set_number", "round", "side", "target_reps_lo", "target_reps_hi",
           "target_seconds_lo", "target_seconds_hi", "reps", "seconds", "load", "unit", "band",
           "rpe", "pain", "note", "skipped", "logged_at")


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm: caches, the parsed routine, the library
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# Data -----------------------------------------------------------------------------------------
class History:
    """Sessions of the built-in routine for one user: rows for `sessions` and `set_logs`."""

    def __init__(self) -> None:
        loaded = routines.load_routine("runner-glute")
        self.text = format_routine(loaded.routine)
        self.title = loaded.routine.title
        plan = routines.plan(loaded.routine)
        self.planned = planned_sets(plan)
        self.steps = [s for s in plan.steps if s.kind == "work" and not s.optional]

    def sessions(self, user: int, sets: int, end: datetime) -> Iterator[tuple[Any, ...]]:
        """(session row, [set rows]) going back from `end`, twice a week, until `sets`."""
        count = -(-sets // len(self.steps))
        left = sets
        for i in range(count):
            start = end - timedelta(days=3.5 * (count - i))
            sid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench:{user}:{i}"))
            rows = []
            for j, step in enumerate(self.steps[:left]):
                name = step.name or ""
                loaded = "deadlift" in name.lower() or "goblet" in name.lower()
                reps = None if step.hold_seconds else (step.reps.hi if step.reps else 10) - (
                    1 if step.side == "left" and i % 3 == 0 else 0)
                rows.append((
                    sid, f"{sid}:{j}", step.key, name, step.section, step.exercise or 0,
                    step.set_number or 1, step.round, step.side or "both",
                    step.reps.lo if step.reps else None, step.reps.hi if step.reps else None,
                    step.hold_seconds.lo if step.hold_seconds else None,
                    step.hold_seconds.hi if step.hold_seconds else None, reps,
                    float(step.hold_seconds.hi) if step.hold_seconds else None,
                    10.0 + 2 * (i // 20) if loaded else None, "kg" if loaded else None,
                    None, 7.5 if loaded else None, None, "", False,
                    start + timedelta(seconds=40 * j)))
            left -= len(rows)
            yield (sid, user, start, start + timedelta(minutes=50), self.planned), rows


def fill_sqlite(store: Store, path: str, user: int, version: int, history: History,
                sets: int) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    with conn:
        for (sid, uid, start, end, planned), rows in history.sessions(user, sets, _end()):
            conn.execute("INSERT INTO sessions (id, user_id, routine_version_id, equipment, "
                         "started_at, ended_at, status, planned_sets) VALUES "
                         "(?, ?, ?, '[]', ?, ?, 'finished', ?)",
                         (sid, uid, version, _naive(start), _naive(end), planned))
            conn.executemany(
                f"INSERT INTO set_logs ({', '.join(COLUMNS)}) VALUES "
                f"({', '.join('?' * len(COLUMNS))})",
                [(*r[:-1], _naive(r[-1])) for r in rows])
    conn.close()


def _naive(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _end() -> datetime:
    return datetime.combine(TODAY, datetime.min.time(), UTC) - timedelta(hours=6)


def fill_postgres(conn: Any, users: list[int], versions: dict[int, int], history: History,
                  sets: int) -> None:
    """COPY the sessions and sets of `users`, `sets` each."""
    sessions, logs = io.StringIO(), io.StringIO()

    def put(buffer: io.StringIO, row: tuple[Any, ...]) -> None:
        buffer.write("\t".join(r"\N" if v is None else
                               (v.isoformat() if isinstance(v, datetime) else
                                ("t" if v else "f") if isinstance(v, bool) else str(v))
                               for v in row) + "\n")

    for user in users:
        for (sid, uid, start, end, planned), rows in history.sessions(user, sets, _end()):
            put(sessions, (sid, uid, versions[user], "[]", start, end, "finished", planned))
            for row in rows:
                put(logs, row)
    with conn.cursor() as cur:
        sessions.seek(0)
        with cur.copy("COPY sessions (id, user_id, routine_version_id, equipment, started_at, "
                      "ended_at, status, planned_sets) FROM STDIN") as copy:
            copy.write(sessions.getvalue())
        with cur.copy(f"COPY set_logs ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            copy.write(logs.getvalue())
    conn.commit()


def fill_postgres_sql(conn: Any, first: int, last: int, history: History, sets: int) -> None:
    """Users `user{first}` .. `user{last}`, each with a routine version and `sets` sets in
    sessions of the routine twice a week, made by the server in a few statements."""
    import hashlib

    digest = hashlib.sha256(history.text.encode()).hexdigest()
    per_session = len(history.steps)
    count = -(-sets // per_session)
    end = _end()
    with conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE IF NOT EXISTS bench_steps (j int, step_key text, "
                    "exercise text, section int, exercise_index int, set_number int, "
                    "round int, side text, reps_lo int, reps_hi int, seconds_lo int, "
                    "seconds_hi int, loaded boolean)")
        cur.execute("TRUNCATE bench_steps")
        cur.executemany(
            "INSERT INTO bench_steps VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [(j, st.key, st.name or "", st.section, st.exercise or 0, st.set_number or 1,
              st.round, st.side or "both", st.reps.lo if st.reps else None,
              st.reps.hi if st.reps else None,
              st.hold_seconds.lo if st.hold_seconds else None,
              st.hold_seconds.hi if st.hold_seconds else None,
              "deadlift" in (st.name or "").lower() or "goblet" in (st.name or "").lower())
             for j, st in enumerate(history.steps)])
        names = "(SELECT id FROM users WHERE name = 'user' || g)"
        cur.execute(
            "INSERT INTO users (name, created_at) SELECT 'user' || g, now() "
            "FROM generate_series(%s::int, %s::int) g", (first, last))
        cur.execute(
            f"INSERT INTO routines (user_id, slug, title, created_at) SELECT {names}, "
            "'runner-glute', %s, now() FROM generate_series(%s::int, %s::int) g",
            (history.title, first, last))
        cur.execute(
            "INSERT INTO routine_versions (routine_id, version, text, sha256, created_at) "
            "SELECT r.id, 1, %s, %s, now() FROM routines r JOIN users u ON u.id = r.user_id "
            "WHERE u.name = ANY(SELECT 'user' || g FROM generate_series(%s::int, %s::int) g)",
            (history.text, digest, first, last))
        cur.execute(
            "INSERT INTO sessions (id, user_id, routine_version_id, equipment, started_at, "
            "ended_at, status, planned_sets) "
            "SELECT md5('bench:' || u.id || ':' || i)::uuid::text, u.id, v.id, '[]', "
            "%(end)s - interval '84 hours' * (%(count)s - i), "
            "%(end)s - interval '84 hours' * (%(count)s - i) + interval '50 minutes', "
            "'finished', %(planned)s "
            "FROM users u JOIN routines r ON r.user_id = u.id "
            "JOIN routine_versions v ON v.routine_id = r.id, "
            "generate_series(0, %(last_i)s::int) i WHERE u.name = ANY(SELECT 'user' || g "
            "FROM generate_series(%(first)s::int, %(last)s::int) g) ORDER BY u.id, i",
            {"end": end, "count": count, "planned": history.planned, "last_i": count - 1,
             "first": first, "last": last})
        cur.execute(
            f"INSERT INTO set_logs ({', '.join(COLUMNS)}) "
            "SELECT s.id, s.id || ':' || t.j, t.step_key, t.exercise, t.section, "
            "t.exercise_index, t.set_number, t.round, t.side, t.reps_lo, t.reps_hi, "
            "t.seconds_lo, t.seconds_hi, "
            "CASE WHEN t.seconds_hi IS NOT NULL THEN NULL ELSE coalesce(t.reps_hi, 10) - "
            "  CASE WHEN t.side = 'left' AND s.i %% 3 = 0 THEN 1 ELSE 0 END END, "
            "t.seconds_hi::float, CASE WHEN t.loaded THEN 10.0 + 2 * (s.i / 20) END, "
            "CASE WHEN t.loaded THEN 'kg' END, NULL, CASE WHEN t.loaded THEN 7.5 END, NULL, "
            "'', false, s.started_at + interval '40 seconds' * t.j "
            "FROM (SELECT id, started_at, row_number() OVER (PARTITION BY user_id "
            "      ORDER BY started_at) - 1 AS i, user_id FROM sessions "
            "      WHERE user_id IN (SELECT id FROM users WHERE name = ANY("
            "        SELECT 'user' || g FROM generate_series(%(first)s::int, %(last)s::int) g))) s "
            "JOIN bench_steps t ON s.i * %(per)s + t.j < %(sets)s "
            "ORDER BY s.user_id, s.i, t.j",
            {"first": first, "last": last, "per": per_session, "sets": sets})
    conn.commit()


# Timing ---------------------------------------------------------------------------------------
def time_user(store: Store, user: int, weeks: int, runs: int) -> dict[str, float]:
    since, until = window(TODAY, weeks)
    settings = dataclasses.replace(DEFAULT_SETTINGS, calendar_weeks=weeks or
                                   DEFAULT_SETTINGS.calendar_weeks)

    def sessions_and_weeks() -> tuple[list[SessionInfo], list[TrainingWeek]]:
        sessions = store.user_sessions(user, since=since, until=until)
        earlier = [] if since is None else store.session_weeks(user, before=since)
        return sessions, [TrainingWeek(*week) for week in earlier]

    sessions, earlier = sessions_and_weeks()
    logs = store.user_sets(user, since=since, until=until)
    prescriptions = prescriptions_of(store.versions_played(user))
    return {
        "total": median_ms(lambda: Strongstride(store).report(user, TODAY, weeks=weeks), runs),
        "sessions": median_ms(sessions_and_weeks, runs),
        "sets": median_ms(lambda: store.user_sets(user, since=since, until=until), runs),
        "routines": median_ms(lambda: prescriptions_of(store.versions_played(user)), runs),
        "analysis": median_ms(lambda: build_report(sessions, logs, prescriptions,
                                                   settings=settings, today=TODAY,
                                                   earlier=earlier), runs),
        "n_sessions": len(sessions), "n_weeks": len(earlier), "n_sets": len(logs),
    }


def show(label: str, t: dict[str, float]) -> None:
    print(f"{label}: {t['total']:.1f} ms  (sessions {t['sessions']:.1f} [{t['n_sessions']:.0f}"
          f" + {t['n_weeks']:.0f} weeks before], window's sets {t['sets']:.1f} "
          f"[{t['n_sets']:.0f}], routines {t['routines']:.1f}, analysis {t['analysis']:.1f})",
          flush=True)


def bench_sqlite(args: argparse.Namespace, history: History) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "bench.db")
        with Store.open(path) as store:
            user = store.ensure_user("heavy")
            version = store.save_routine(user, "runner-glute", history.title, history.text).id
            started = time.perf_counter()
            fill_sqlite(store, path, user, version, history, args.sets)
            print(f"SQLite: {args.sets:,} sets written in {time.perf_counter() - started:.0f} s")
            show(f"SQLite, {args.sets:,} sets, weeks={args.weeks}",
                 time_user(store, user, args.weeks, args.runs))


def retime_postgres(args: argparse.Namespace) -> None:
    """Time again the users of a schema kept by an earlier `--keep` run."""
    url = f"{PG_URL}?options=-csearch_path%3D{args.reuse}"
    with Store.open(url) as store:
        heavy = store.find_user("heavy")
        assert heavy is not None, f"no user 'heavy' in schema {args.reuse}"
        import psycopg

        admin = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(admin, options=f"-csearch_path={args.reuse}") as conn:
            found = conn.execute("SELECT (SELECT count(*) FROM users), "
                                 "(SELECT count(*) FROM set_logs)").fetchone()
        assert found is not None
        users, total = found
        others = users - 1
        print(f"PostgreSQL (schema {args.reuse}): {others:,} other users, {total:,} sets in all")
        show(f"  heavy user ({args.sets:,} sets)", time_user(store, heavy, args.weeks, args.runs))
        if not others:
            return
        typical = store.find_user(f"user{others // 2}")
        assert typical is not None
        show(f"  a typical user ({args.sets_per_user:,} sets)",
             time_user(store, typical, args.weeks, args.runs))


def bench_postgres(args: argparse.Namespace, history: History) -> None:
    import psycopg

    admin = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    schema = f"ss_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    try:
        with Store.open(url) as store, psycopg.connect(
                admin, options=f"-csearch_path={schema}") as conn:
            heavy = store.ensure_user("heavy")
            versions = {heavy: store.save_routine(heavy, "runner-glute", history.title,
                                                  history.text).id}
            started = time.perf_counter()
            fill_postgres(conn, [heavy], versions, history, args.sets)
            conn.commit()
            with psycopg.connect(admin, autocommit=True,
                                 options=f"-csearch_path={schema}") as vac:
                vac.execute("VACUUM ANALYZE")
            print(f"PostgreSQL: {args.sets:,} sets written in "
                  f"{time.perf_counter() - started:.0f} s")
            show(f"PostgreSQL, {args.sets:,} sets, weeks={args.weeks}",
                 time_user(store, heavy, args.weeks, args.runs))
            others = 0
            for target in args.users:
                started = time.perf_counter()
                while others < target:
                    size = min(200 if args.fill == "copy" else 1000, target - others)
                    if args.fill == "sql":
                        fill_postgres_sql(conn, others + 1, others + size, history,
                                          args.sets_per_user)
                        others += size
                        continue
                    batch = []
                    for _ in range(size):
                        others += 1
                        uid = store.ensure_user(f"user{others}")
                        versions[uid] = store.save_routine(uid, "runner-glute", history.title,
                                                           history.text).id
                        batch.append(uid)
                    fill_postgres(conn, batch, versions, history, args.sets_per_user)
                conn.commit()
                with psycopg.connect(admin, autocommit=True,
                                     options=f"-csearch_path={schema}") as vac:
                    vac.execute("VACUUM ANALYZE")
                total = conn.execute("SELECT count(*) FROM set_logs").fetchone()
                print(f"PostgreSQL: {others:,} other users, {total[0] if total else 0:,} sets "
                      f"in all (written in {time.perf_counter() - started:.0f} s)")
                show(f"  heavy user ({args.sets:,} sets)",
                     time_user(store, heavy, args.weeks, args.runs))
                typical = store.find_user(f"user{others // 2}")
                assert typical is not None
                show(f"  a typical user ({args.sets_per_user:,} sets)",
                     time_user(store, typical, args.weeks, args.runs))
    finally:
        if args.keep:
            print(f"PostgreSQL: kept schema {schema}")
        else:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", type=int, default=100_000, help="the heavy user's sets")
    parser.add_argument("--weeks", type=int, default=12, help="the report's window (0: all)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs (median)")
    parser.add_argument("--users", type=lambda s: [int(n) for n in s.split(",") if n],
                        default=[], help="other users on PostgreSQL, e.g. 1000,10000")
    parser.add_argument("--sets-per-user", type=int, default=1000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--fill", choices=["copy", "sql"], default="copy",
                        help="how other users' rows are made: in Python and COPYed, or by "
                             "the server with generate_series (much faster)")
    parser.add_argument("--reuse", metavar="SCHEMA",
                        help="only time the users of a schema kept by --keep (PostgreSQL)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the PostgreSQL schema (its name is printed) instead of "
                             "dropping it")
    args = parser.parse_args()
    if args.reuse:
        retime_postgres(args)
        return
    history = History()
    engines = args.engines.split(",")
    if "sqlite" in engines:
        bench_sqlite(args, history)
    if "postgresql" in engines:
        bench_postgres(args, history)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
