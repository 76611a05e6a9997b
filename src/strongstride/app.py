"""The application: one object that owns the store and the clock, one method per use case.

The command line, the terminal player and the web app call only this: they parse what the
user typed or sent, call a method, and render its answer. So a session starts, a set is built
and stored, and a check-in is checked the same way whichever face she uses.

The store opens on first use: the commands that only read routines and the exercise library
(`show`, `exercise`, `check`, ...) never load SQLAlchemy or touch a database.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal

from strongstride.errors import FieldError, NotFound, StrongstrideError

if TYPE_CHECKING:  # the rest loads when a use case needs it: a command pays for what it uses
    from datetime import time

    from strongstride.analysis import Report
    from strongstride.analysis.summary import FinishSummary
    from strongstride.errors import Issue
    from strongstride.exchange.backup import Backup
    from strongstride.exchange.csvread import App as SourceApp
    from strongstride.exchange.csvread import Imported as ImportedHistory
    from strongstride.exchange.history_import import HistoryImport
    from strongstride.library.catalog import ExerciseInfo
    from strongstride.plan.session import SessionPlan, Step
    from strongstride.plan.substitute import Adaptation, Substitution
    from strongstride.player.clock import Clock
    from strongstride.player.machine import Actuals, Prefill, PrefillKey
    from strongstride.records import (
        Account,
        ApiToken,
        CheckIn,
        ImportCount,
        InjuredSide,
        LogSide,
        Restored,
        SessionInfo,
        SessionStatus,
        SetLog,
        SetOutcome,
        Unit,
        UserData,
        WebSession,
    )
    from strongstride.reports.targets import TodayTarget
    from strongstride.routine.importer import Imported
    from strongstride.routine.model import Routine
    from strongstride.routines import LoadedRoutine
    from strongstride.schedule.placing import Schedule
    from strongstride.schedule.setup import ScheduleSetup
    from strongstride.store import Store
    from strongstride.store.setwrite import StepSource
    from strongstride.workout import CueSink, LastTime, Workout

Wall = Callable[[], datetime]
Ending = Literal["finish", "abandon"]
DEFAULT_ROUTINE = "runner-glute"
MIN_PREFIX = 4  # characters of a session id that `find_session` needs


def utc_now() -> datetime:
    return datetime.now(UTC)


class Strongstride:
    """Open with `Strongstride.open(db_url)` (or hand it a `Store`); use as a context manager
    or call `close()`. `wall` is the clock that stamps what is stored."""

    def __init__(self, store: Store | None = None, *, db: str | None = None,
                 wall: Wall = utc_now) -> None:
        self._store = store
        self._db = db
        self._owns_store = store is None
        self.wall = wall

    @classmethod
    def open(cls, db: str | None = None, *, wall: Wall = utc_now) -> Strongstride:
        """The application on the database `db` (default: STRONGSTRIDE_DB or a SQLite file
        in the user's data folder), opened, created or upgraded at once."""
        app = cls(db=db, wall=wall)
        app.store  # noqa: B018 -- a bad database is reported now, not at the first use
        return app

    @property
    def store(self) -> Store:
        if self._store is None:
            from strongstride.store import Store

            self._store = Store.open(self._db)
        return self._store

    @property
    def where(self) -> str:
        """The database file or address (password hidden), as messages name it."""
        return self.store.where

    def close(self) -> None:
        if self._store is not None and self._owns_store:
            self._store.close()
            self._store = None

    def __enter__(self) -> Strongstride:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def now(self) -> datetime:
        return self.wall()

    # routines and the exercise library (no database) ------------------------------------------

    def routines(self) -> list[LoadedRoutine]:
        from strongstride import routines

        return routines.list_routines()

    def routine(self, ref: str | None = None) -> LoadedRoutine:
        """A built-in routine by id (default runner-glute), or a routine file by path."""
        from strongstride import routines

        return routines.load_routine(ref)

    def builtin_routine(self, slug: str) -> LoadedRoutine:
        """A built-in routine by slug only: what a web request names is never read as a file."""
        from strongstride import routines

        return routines.builtin_routine(slug)

    def check(self, path: str) -> tuple[Issue, ...]:
        from strongstride import routines

        return routines.check_file(path)

    def format(self, path: str) -> str:
        from strongstride import routines

        return routines.format_file(path)

    def import_workout(self, path: str) -> Imported:
        """A workout pasted from an article (a file, or - for standard input) as a routine."""
        from strongstride import routines

        return routines.import_file(path)

    def exercise(self, name: str) -> ExerciseInfo:
        """The library's entry for an exercise; NotFound, with the closest names, if none."""
        from strongstride.library import load_library

        library = load_library()
        found = library.find(name)
        if found is None:
            close = library.search(name)
            hint = f"; did you mean {', '.join(repr(c.name) for c in close)}?" if close else ""
            raise NotFound(f"no exercise called '{name}' in the library{hint}")
        return found

    def figure(self, name: str, *, side: Literal["left", "right"] | None = None,
               missing: frozenset[str] = frozenset(), still: bool = False) -> str:
        """The exercise called `name` drawn as an SVG: one rep, animated (`still`: the key
        position only), mirrored to the `side` of a one-leg move (a move both legs do at once
        has no side), as the library's variation when she lacks equipment it has one for
        (`missing`). Titled with what it shows. NotFound for an exercise without a figure."""
        info = self.exercise(name)
        found = self.figure_for(info.name, missing)
        if found is None:
            raise NotFound(f"{info.name} has no figure yet")
        exercise_id, lacking = found
        return self.exercise_figure(exercise_id, variation=lacking, side=side, still=still)

    def describe(self, name: str) -> ExerciseInfo | None:
        """The library's entry for an exercise named in a routine, if it has one."""
        from strongstride.library import load_library

        return load_library().find(name)

    def substitution(self, name: str, missing: frozenset[str]) -> Substitution | None:
        """What is done instead of the exercise `name` without the `missing` equipment."""
        if not missing:
            return None
        from strongstride.plan.substitute import substitution

        return substitution(name, missing)

    def session_plan(self, routine: LoadedRoutine,
                     missing: frozenset[str] = frozenset()) -> SessionPlan:
        from strongstride import routines

        return routines.plan(routine.routine, missing)

    def adaptation(self, routine: Routine, missing: frozenset[str]) -> Adaptation:
        """Everything in `routine` that changes for want of the `missing` equipment: the
        exercises done another way and the setups changed."""
        from strongstride import routines

        return routines.adaptation(routine, missing)

    def substitutions(self, routine: Routine,
                      missing: frozenset[str]) -> dict[str, Substitution]:
        """The exercises of `routine` done another way for want of the `missing` equipment,
        by name."""
        from strongstride import routines

        return routines.substitutions(routine, missing)

    def exercise_figure(self, exercise_id: str, *, variation: str | None = None,
                        side: str | None = None, still: bool = False) -> str:
        """The figure of the library's exercise `exercise_id` as an SVG document: animated
        through one rep, or only its key pose when `still`. `variation` is the id of the
        equipment she is without (the exercise as done without it); `side` ("left" or
        "right") mirrors a one-sided move to the side she is on. NotFound for an exercise
        the library lacks or has not drawn; FieldError naming `side` or `variation` when
        either is not one of this exercise's."""
        from strongstride.figures import has_figure, shipped_svg
        from strongstride.library import default_library

        info = default_library().get(exercise_id)
        if not has_figure(info.id):
            raise NotFound(f"the exercise {info.name!r} has no figure yet")
        if variation is not None and info.variation(variation) is None:
            known = ", ".join(key for key, _ in info.variations)
            raise FieldError("variation", f"variation must be the id of equipment the "
                             f"{info.name.lower()} has a variation without"
                             + (f" ({known})" if known else ": it has none"))
        if side not in (None, "left", "right"):
            raise FieldError("side", "side must be left or right")
        if side is not None and not info.one_sided:
            side = None  # both legs work at once: there is no side to mirror to
        name = (info.variation(variation) if variation else None) or info.name
        return shipped_svg(info.id, variation, side=side, still=still,
                           title=f"{name}{f', {side} leg' if side else ''}")

    def figure_for(self, name: str, missing: frozenset[str] = frozenset()
                   ) -> tuple[str, str | None] | None:
        """Which figure shows the exercise called `name` in a routine, done without the
        `missing` equipment: (the library's exercise id, the missing equipment id whose
        variation she does, or None). None when the library does not know the exercise or
        has not drawn it."""
        from strongstride.figures import has_figure
        from strongstride.library import default_library

        info = default_library().find(name)
        if info is None or not has_figure(info.id):
            return None
        lacking = [key for key in info.equipment
                   if key in missing and info.variation(key) is not None]
        return info.id, (lacking[0] if lacking else None)

    # users and accounts -----------------------------------------------------------------------

    def user(self, name: str = "me") -> int:
        """The id of the user called `name`, made if missing (the terminal's user is "me")."""
        return self.store.ensure_user(name)

    def existing_user(self, name: str) -> int:
        """The id of a user that exists ("me" is made if missing); NotFound otherwise."""
        if name == "me":
            return self.user()
        found = self.store.find_user(name)
        if found is None:
            raise NotFound(f"{self.where}: no user called {name!r}")
        return found

    def account(self, user_id: int) -> Account:
        return self.store.account(user_id)

    def create_account(self, name: str, password_hash: str) -> Account:
        return self.store.create_account(name, password_hash, now=self.now())

    def sign_in_details(self, name: str) -> tuple[Account, str] | None:
        return self.store.sign_in_details(name)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        self.store.set_password_hash(user_id, password_hash)

    def open_web_session(self, user_id: int, token: str, csrf: str,
                         lifetime: timedelta) -> None:
        self.store.open_web_session(user_id, token, csrf, now=self.now(), lifetime=lifetime)

    def web_session(self, token: str) -> WebSession | None:
        return self.store.web_session(token, now=self.now())

    def close_web_session(self, token: str) -> None:
        self.store.close_web_session(token)

    def add_api_token(self, user_id: int, name: str, token: str) -> ApiToken:
        return self.store.add_api_token(user_id, name, token, now=self.now())

    def api_token_account(self, token: str) -> Account | None:
        return self.store.api_token_account(token, now=self.now())

    def api_tokens(self, user_id: int) -> list[ApiToken]:
        return self.store.api_tokens(user_id)

    def revoke_api_token(self, user_id: int, token_id: int) -> None:
        self.store.revoke_api_token(user_id, token_id)

    # equipment --------------------------------------------------------------------------------

    def set_missing_equipment(self, user_id: int, equipment_ids: Iterable[str]) -> Account:
        """Keep what her account is without (the store checks the ids by the rules)."""
        return self.store.set_missing_equipment(user_id, equipment_ids)

    def terminal_equipment(self, without: Sequence[str] = ()) -> frozenset[str]:
        """What the terminal's user is without today: the `--without` words when given
        (`none` for nothing), else her profile in the database. A database file not made
        yet holds no profile: it is not made (nor SQLAlchemy loaded) to learn that."""
        if without:
            from strongstride.plan.substitute import read_equipment

            return read_equipment([w for w in without if w.strip().lower() != "none"])
        if not self._may_hold_data():
            return frozenset()
        found = self.store.find_user("me")
        if found is None:
            return frozenset()
        return frozenset(self.store.account(found).missing_equipment)

    def save_terminal_equipment(self, missing: frozenset[str]) -> Account:
        """Keep what the terminal's user is without, in her profile in the database."""
        return self.set_missing_equipment(self.user(), sorted(missing))

    def move_equipment_file(self) -> tuple[str, str] | None:
        """Move the terminal's old equipment profile file (before the database kept it) into
        the terminal user's profile, once: (the file, where it was renamed to), or None when
        there is no such file. A broken file is an error that names its line; nothing moves."""
        from strongstride.paths import equipment_file, equipment_file_moved
        from strongstride.profile import read_missing

        old = equipment_file()
        if not os.path.exists(old):
            return None
        self.save_terminal_equipment(read_missing(old))
        moved = equipment_file_moved()
        try:
            os.replace(old, moved)
        except OSError as exc:
            raise StrongstrideError(f"{old}: moved into {self.where}, but cannot rename the "
                                    f"file ({exc.strerror}); delete it yourself") from None
        return old, moved

    def _may_hold_data(self) -> bool:
        """False when the database is a SQLite file that does not exist: nothing is saved
        on a fresh machine."""
        from strongstride.paths import sqlite_file

        if self._store is not None:
            return True
        file = sqlite_file(self._db)
        return file is None or os.path.exists(file)

    # sessions ---------------------------------------------------------------------------------

    def start_session(self, user_id: int, routine: LoadedRoutine, *,
                      missing: frozenset[str] = frozenset(), session_id: str | None = None,
                      started_at: datetime | None = None,
                      join_unfinished: bool = True) -> tuple[SessionInfo, bool]:
        """(the session, True if it is new). A session with `session_id` that exists comes
        back as it is (a retry); so does the routine's unfinished session, unless not
        `join_unfinished` (a session done on paper is one of its own). A new session
        keeps the routine's text and the `missing` equipment: its steps are the library's
        variations for it, whatever her profile says later."""
        from strongstride import routines, rules
        from strongstride.player.sets import planned_sets
        from strongstride.records import EquipmentProfile
        from strongstride.routine.format import format_routine

        for issue in rules.validate(EquipmentProfile(tuple(sorted(missing)))):
            raise FieldError("without", issue.message)  # the first is enough to act on
        store = self.store
        if session_id is not None:
            try:
                known = store.session(session_id, user_id=user_id)
            except NotFound:
                known = None
            if known is not None:
                if known.routine_slug != routine.id:
                    raise FieldError("id", f"session {session_id} is of routine "
                                             f"{known.routine_slug}, not {routine.id}; "
                                             "make a new id")
                return known, False
        active = store.unfinished_session(user_id, routine.id) if join_unfinished else None
        if active is not None:
            return active, False
        text = format_routine(routine.routine)
        version = store.save_routine(user_id, routine.id, routine.routine.title, text)
        plan = routines.plan_of_text(text, missing)
        info = store.start_session(
            user_id, version.id, session_id=session_id or str(uuid.uuid4()),
            started_at=started_at or self.now(), equipment=tuple(sorted(missing)),
            planned_sets=planned_sets(plan))
        return info, True

    def unfinished_session(self, user_id: int, slug: str | None = None) -> SessionInfo | None:
        return self.store.unfinished_session(user_id, slug)

    def session(self, user_id: int, session_id: str) -> SessionInfo:
        """The user's session; NotFound for another user's, as for one that does not exist."""
        return self.store.session(session_id, user_id=user_id)

    def find_session(self, user_id: int, prefix: str) -> SessionInfo:
        """A session by id or by the first characters of its id (at least 4)."""
        if len(prefix) < MIN_PREFIX:
            raise StrongstrideError(f"give at least {MIN_PREFIX} characters of the session id "
                                    "(see `strongstride history`)")
        matches = [s for s in self.store.history(user_id, limit=100_000)
                   if s.id.startswith(prefix)]
        if not matches:
            raise NotFound(f"no session with id {prefix!r}; `strongstride history` lists them")
        if len(matches) > 1:
            raise StrongstrideError(f"{len(matches)} sessions start with {prefix!r}; "
                                    "give more characters")
        return matches[0]

    def plan_of(self, info: SessionInfo) -> SessionPlan:
        """The plan the session walks: the routine text it started with, done without the
        equipment she lacked then."""
        from strongstride import routines

        text = self.store.routine_version(info.routine_version_id).text
        return routines.plan_of_text(text, frozenset(info.equipment))

    def history(self, user_id: int, limit: int = 50, *,
                status: SessionStatus | None = None) -> list[SessionInfo]:
        return self.store.history(user_id, limit=limit, status=status)

    def sets(self, user_id: int, session_id: str) -> list[SetLog]:
        """The session's sets, skipped ones included, in the order they were logged."""
        return self.store.sets_of(session_id, user_id=user_id)

    def log_set(self, user_id: int, session_id: str, step_key: str, actuals: Actuals, *,
                key: str | None = None, logged_at: datetime | None = None,
                skipped: bool = False, variation: str | None = None,
                ) -> tuple[SetLog, SetOutcome]:
        """Store one set of the user's session, built from the plan step it names: (the set
        the step holds now, what this call did: `new`, `replaced`, `retry` or `superseded`,
        see `records.SetOutcome`). A session holds one set per step: logging a step again is
        an edit of its set. One transaction per set: it succeeds or fails alone."""
        from strongstride import routines
        from strongstride.player.sets import set_log

        def build(source: StepSource) -> SetLog:
            step = routines.plan_of_text(source.text, source.without).work_step(step_key)
            if step is None:
                raise FieldError("step_key", f"{step_key!r} is not a work step of this "
                                             "session's plan; GET /api/routines/{slug} "
                                             "lists them")
            return set_log(step, actuals, session_id=session_id, key=key,
                           logged_at=logged_at or self.now(), skipped=skipped,
                           variation=variation)

        return self.store.write_step(session_id, user_id=user_id, build=build)

    def end_session(self, user_id: int, session_id: str, how: Ending,
                    ended_at: datetime | None = None) -> SessionInfo:
        """Finish or abandon the user's session (again the same way: a no-op)."""
        info = self.session(user_id, session_id)
        ended = ended_at or self.now()
        if ended < info.started_at:
            raise FieldError("ended_at", "ended_at is before the session started "
                                           f"({info.started_at.isoformat()})")
        if how == "finish":
            return self.store.finish_session(info.id, ended)
        return self.store.abandon_session(info.id, ended)

    def last_time(self, user_id: int, plan: SessionPlan,
                  session_id: str) -> dict[tuple[int, int], LastTime]:
        """Per (section, exercise) of the plan: the sets done the last time before this
        session, for 'last time' and for pre-filling (asked once per exercise name)."""
        from strongstride.workout import LastTime

        found: dict[str, LastTime | None] = {}
        out: dict[tuple[int, int], LastTime] = {}
        for si, section in enumerate(plan.routine.sections):
            for ei, exercise in enumerate(section.exercises):
                if exercise.name not in found:
                    logs = self.store.last_sets(user_id, exercise.name,
                                                before_session=session_id)
                    found[exercise.name] = LastTime(exercise.name, tuple(logs)) if logs else None
                last = found[exercise.name]
                if last is not None:
                    out[(si, ei)] = last
        return out

    def targets(self, user_id: int, info: SessionInfo,
                plan: SessionPlan) -> dict[str, TodayTarget]:
        """Per exercise of the plan, today's target from the next-session suggestion, the
        session itself left out (so a target holds while its sets are logged)."""
        from strongstride.reports.build import DEFAULT_WEEKS, morning_checks, window
        from strongstride.reports.targets import session_targets

        prescriptions = {e.name: e.prescription for e in plan.routine.exercises}
        if not prescriptions:
            return {}
        today = info.started_at.date()
        since, until = window(today, DEFAULT_WEEKS)
        store = self.store
        sessions = [s for s in store.user_sessions(user_id, until=until) if s.id != info.id]
        logs = [s for s in store.user_sets(user_id, since=since, until=until)
                if s.session_id != info.id]
        checks = morning_checks(store.checkins(user_id, since=since and since.date(),
                                               until=today))
        return session_targets(sessions, logs, checks, prescriptions, today)

    def starting_amounts(self, plan: SessionPlan, last: Mapping[tuple[int, int], LastTime],
                         targets: Mapping[str, TodayTarget], today: Sequence[SetLog] = ()
                         ) -> dict[PrefillKey, Prefill]:
        """Per exercise and side, the amounts the set forms start from: that side's latest
        set `today`, else today's target with its gaps filled from that side's last session
        (see `player.sets.starting_amounts`)."""
        from strongstride.player.sets import starting_amounts

        aims = {name: t.amounts for name, t in targets.items() if t.amounts is not None}
        return starting_amounts(plan, {k: lt.sets for k, lt in last.items()}, aims, today)

    def play(self, user_id: int, routine: LoadedRoutine, *, resume: bool = True,
             missing: frozenset[str] = frozenset(), clock: Clock | None = None,
             cues: CueSink | None = None) -> Workout:
        """The player over the routine's unfinished session (`resume`), or over a new one:
        an unfinished session is then abandoned first."""
        from strongstride.workout import Workout

        if not resume:
            active = self.unfinished_session(user_id, routine.id)
            if active is not None:
                self.end_session(user_id, active.id, "abandon")
        info, _ = self.start_session(user_id, routine, missing=missing)
        return Workout.begin(self, user_id, info, clock=clock, cues=cues)

    def log_past_session(self, user_id: int, routine: LoadedRoutine, started: datetime,
                         answers: Sequence[tuple[Step, Actuals | None]]) -> SessionInfo:
        """A session done on paper: each work step's answer (None: skipped), written as if
        done from `started` at the plan's pace; a failure leaves it abandoned."""
        from strongstride.player.machine import Actuals

        info, _ = self.start_session(user_id, routine, started_at=started,
                                     join_unfinished=False)
        plan = self.plan_of(info)
        at: dict[str, float] = {}
        elapsed = 0.0
        for step in plan.steps:
            elapsed += step.seconds[0]
            at[step.key] = elapsed
        try:
            for step, actuals in answers:
                self.log_set(user_id, info.id, step.key, actuals or Actuals(),
                             logged_at=started + timedelta(seconds=at[step.key]),
                             skipped=actuals is None)
        except BaseException:
            self.end_session(user_id, info.id, "abandon", started + timedelta(seconds=elapsed))
            raise
        return self.end_session(user_id, info.id, "finish", started + timedelta(seconds=elapsed))

    def session_summary(self, user_id: int, session_id: str) -> FinishSummary:
        """What the session leaves her with (`analysis.summary`): its sides, pain, personal
        bests against every earlier session, what changes next time, the morning check-in."""
        from strongstride.analysis.summary import finish_summary
        from strongstride.reports.build import DEFAULT_WEEKS, morning_checks, window

        info = self.session(user_id, session_id)
        store = self.store
        plan = self.plan_of(info)
        morning = info.started_at.date() + timedelta(days=1)
        # The next session is read from the weeks today's targets read (so the two agree);
        # personal bests from her whole history, summed up by the store.
        since, _ = window(info.started_at.date(), DEFAULT_WEEKS)
        return finish_summary(
            info, store.sets_of(info.id, user_id=user_id),
            earlier_sessions=store.user_sessions(user_id, until=info.started_at),
            earlier_sets=store.user_sets(user_id, since=since, until=info.started_at),
            marks=store.best_marks(user_id, until=info.started_at),
            prescriptions={e.name: e.prescription for e in plan.routine.exercises},
            checks=morning_checks(store.checkins(user_id, since=since and since.date(),
                                                 until=morning)),
            involved=store.injured_side(user_id))

    def checkin_reminder(self, user_id: int, session_id: str, *, tz: str, at: time,
                         link: str | None = None) -> bytes:
        """The morning check-in after the session as an iCalendar event with an alarm, at
        `at` in the time zone `tz` (a name such as Europe/London)."""
        from strongstride.exchange.ical import checkin_reminder_ical

        info = self.session(user_id, session_id)
        try:
            return checkin_reminder_ical(info.started_at.date() + timedelta(days=1), at=at,
                                         tz=tz, session_id=info.id, stamp=info.started_at,
                                         link=link)
        except ValueError as exc:
            raise FieldError("tz", str(exc)) from None

    # morning check-ins and the injured side --------------------------------------------------

    def checkin_exercises(self, user_id: int) -> list[str]:
        """The exercises a check-in can name: those of the routines the user played (the most
        recently played first), else those of the built-in routine."""
        from strongstride.reports.build import prescriptions_of

        names = list(prescriptions_of(self.store.versions_played(user_id)))
        if names:
            return names
        return list(dict.fromkeys(e.name for e in self.routine(DEFAULT_ROUTINE)
                                  .routine.exercises))

    def exercise_named(self, user_id: int, name: str) -> str:
        """The exercise `name` stands for, spelled as the user's routine or the library
        spells it; a message naming the field when there is none."""
        from strongstride.library import default_library, name_key

        wanted = name_key(name)
        if not wanted:
            raise FieldError("exercise", "the exercise name is empty")
        known = self.checkin_exercises(user_id)
        for candidate in known:
            if name_key(candidate) == wanted:
                return candidate
        info = default_library().find(name)
        if info is not None:
            return info.name
        starting = [n for n in known if name_key(n).startswith(wanted)]
        hint = (f"; did you mean {', '.join(repr(n) for n in starting[:3])}?" if starting
                else "; `strongstride show` lists your routine's exercises")
        raise FieldError("exercise", f"no exercise called {name!r} in your routines or the "
                                       f"library{hint}")

    def record_checkin(self, user_id: int, day: date, pain: int, *,
                       stiffness: int | None = None, exercise: str | None = None,
                       side: LogSide = "both", note: str = "") -> CheckIn:
        """Store a check-in (replacing one for the same morning, exercise and side). Every
        broken rule is told at once, before the exercise is looked up."""
        from strongstride import rules
        from strongstride.records import CheckIn

        wanted = CheckIn(day, pain, stiffness, exercise, side, note.strip())
        rules.check(wanted)
        named = self.exercise_named(user_id, exercise) if exercise else None
        checkin = CheckIn(day, pain, stiffness, named, side, note.strip())
        return self.store.save_checkin(user_id, checkin, now=self.now())

    def checkins(self, user_id: int, *, since: date | None = None,
                 until: date | None = None) -> list[CheckIn]:
        return self.store.checkins(user_id, since=since, until=until)

    def injured_side(self, user_id: int) -> InjuredSide | None:
        return self.store.injured_side(user_id)

    def set_injured_side(self, user_id: int, side: InjuredSide | None) -> None:
        self.store.set_injured_side(user_id, side)

    # the report -------------------------------------------------------------------------------

    def report(self, user_id: int, today: date, *, weeks: int | None = None) -> Report:
        """The analysis of the user's last `weeks` weeks up to `today` (0: all her history)."""
        from strongstride.reports.build import DEFAULT_WEEKS, build, window

        weeks = DEFAULT_WEEKS if weeks is None else weeks
        since, until = window(today, weeks)
        found = self.store.report_reads(user_id, since=since, until=until,
                                        checkins_since=since and since.date(), today=today)
        return build(sessions=found.sessions, sets=found.sets, versions=found.versions,
                     checkins=found.checkins, injured_side=found.injured_side,
                     earlier_weeks=found.weeks, today=today, weeks=weeks)

    # the running week -------------------------------------------------------------------------

    def running_week(self, user_id: int) -> ScheduleSetup | None:
        return self.store.plan_setup(user_id)

    def save_running_week(self, user_id: int, setup: ScheduleSetup, *, where: str = "") -> None:
        """Keep her running week; the rules the plan page and the backup keep, so that a
        backup reads it back (`where` starts the message: the option or form)."""
        from strongstride import rules

        rules.check(setup, where)
        self.store.save_plan_setup(user_id, setup, now=self.now())

    def schedule(self, setup: ScheduleSetup) -> Schedule:
        """The strength sessions of the setup's weeks around her runs, each with its reason."""
        from strongstride.schedule.placing import schedule_weeks

        return schedule_weeks(setup.week, start=setup.start, weeks=setup.weeks,
                          sessions_per_week=setup.sessions_per_week, race=setup.race)

    def planned_this_week(self, user_id: int, today: date) -> tuple[date, ...] | None:
        """The days her running week's schedule places strength sessions on in today's week
        (Monday to Sunday); None when she saved no running week or its weeks do not cover
        today's."""
        setup = self.running_week(user_id)
        if setup is None:
            return None
        schedule = self.schedule(setup)
        monday = today - timedelta(days=today.weekday())
        sunday = monday + timedelta(days=6)
        if schedule.start > sunday or schedule.end < monday:
            return None
        return tuple(sorted(s.date for s in schedule.sessions if monday <= s.date <= sunday))

    def calendar(self, setup: ScheduleSetup, schedule: Schedule | None = None, *,
                 routine: LoadedRoutine | None = None) -> bytes:
        """The schedule as an iCalendar file with reminders and stable UIDs, each event as
        long as the routine's longest estimate (`routine`, else the setup's by id or path)."""
        import math

        from strongstride import routines
        from strongstride.exchange.ical import plan_to_ical

        routine = routine or self.routine(setup.routine)
        minutes = max(1, math.ceil(routines.plan(routine.routine).total_seconds()[1] / 60))
        try:
            return plan_to_ical(schedule or self.schedule(setup), routine_id=routine.id,
                                routine_title=routine.routine.title or routine.id,
                                duration_minutes=minutes, tz=setup.week.timezone,
                                alarm_minutes=setup.alarm_minutes)
        except ValueError as exc:
            raise StrongstrideError(f"cannot write the calendar: {exc}") from None

    def calendar_token(self, user_id: int) -> str | None:
        return self.store.calendar_token(user_id)

    def set_calendar_token(self, user_id: int, token: str) -> None:
        self.store.set_calendar_token(user_id, token)

    def running_week_by_calendar(self, token: str) -> ScheduleSetup | None:
        return self.store.plan_setup_by_calendar_token(token)

    # files in and out -------------------------------------------------------------------------

    def routine_fit(self, routine: LoadedRoutine,
                    missing: frozenset[str] = frozenset()) -> bytes:
        """The routine as a Garmin FIT strength workout a watch can follow, with the
        variations for the `missing` equipment."""
        from strongstride.exchange.fit import routine_to_fit

        return routine_to_fit(routine.routine,
                              adaptation=self.adaptation(routine.routine, missing))

    def routine_card(self, routine: LoadedRoutine,
                     missing: frozenset[str] = frozenset()) -> bytes:
        """The routine as a printable PDF card with tick boxes per set and side, with the
        variations for the `missing` equipment."""
        from strongstride.exchange.card import routine_card_pdf

        return routine_card_pdf(routine.routine,
                                adaptation=self.adaptation(routine.routine, missing))

    def user_data(self, user_id: int) -> UserData:
        """Everything the user keeps, as a backup holds it."""
        from strongstride.records import Kept, SessionLogs, UserData

        store = self.store
        versions = store.routine_versions(user_id)
        by_id = {v.id: v for v in versions}
        sessions = tuple(
            SessionLogs(info, by_id[info.routine_version_id],
                        tuple(store.sets_of(info.id, user_id=user_id)))
            for info in store.history(user_id, limit=2**62))
        kept = Kept(store.account(user_id).missing_equipment, store.injured_side(user_id),
                    store.plan_setup(user_id), tuple(store.checkins(user_id)))
        return UserData(tuple(versions), sessions, kept)

    def export_json(self, user_id: int) -> str:
        """All the user's data as a JSON backup (`restore_backup` reads it back)."""
        from strongstride.exchange.backup import export_json

        return export_json(self.user_data(user_id))

    def export_csv(self, user_id: int) -> str:
        """All the user's data as CSV, for a spreadsheet."""
        from strongstride.exchange.backup import export_csv

        return export_csv(self.user_data(user_id))

    def restore_backup(self, user_id: int, path: Path) -> Restored:
        """Restore a JSON backup file, in one transaction, adding only what is missing."""
        from strongstride.exchange.backup import read_file

        return self._restore(user_id, read_file(path))

    def restore_backup_text(self, user_id: int, text: str,
                            source: str = "<backup>") -> Restored:
        """Restore a JSON backup given as text (see `restore_backup`)."""
        from strongstride.exchange.backup import read_json

        return self._restore(user_id, read_json(text, source))

    def _restore(self, user_id: int, backup: Backup) -> Restored:
        from strongstride.store.restore import restore

        return restore(self.store, user_id, backup.sessions, routines=backup.versions,
                       kept=backup.kept, now=self.now())

    def import_history(self, user_id: int, path: Path, source: SourceApp, *,
                       unit: Unit | None = None, tz: tzinfo | None = None) -> HistoryImport:
        """Bring a Strong or Hevy export in, in one transaction: all or nothing. Its times
        are read in `tz` (default: this computer's zone)."""
        from strongstride.exchange.history_import import read_file

        return self.store_history(user_id, read_file(path, source, unit=unit), tz=tz)

    def store_history(self, user_id: int, imported: ImportedHistory, *,
                      tz: tzinfo | None = None) -> HistoryImport:
        """Store every workout of a history read from another app, in one transaction."""
        from strongstride.exchange.history_import import HistoryImport, sessions_of

        sessions = sessions_of(self.account(user_id).name, imported, tz=tz)
        return HistoryImport(imported, self.store.import_sessions(user_id, sessions))

    def demo(self, user: str, *, today: date, weeks: int = 12,
             force: bool = False) -> ImportCount:
        """Give `user` (made if missing) `weeks` weeks of demo sessions up to `today`; refused
        when she has sessions already, unless `force`."""
        from strongstride import demo

        user_id = self.user(user)
        if not force and self.history(user_id, limit=1):
            raise StrongstrideError(
                f"{self.where}: {user} has sessions already; the demo fills an empty "
                "account. Use another --user or --db, or --force to add the demo sessions "
                "anyway")
        version, sessions = demo.sessions(user, today=today, weeks=weeks)
        return self.store.import_sessions(user_id, sessions, routines=[version])
