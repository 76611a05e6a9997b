"""The report as sections of words, tables and charts: what every renderer shows.

The terminal, the HTML file, the PDF and the web dashboard all draw a `ReportView`, so they
say the same thing in the same order. Every chart carries the table of its numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from strongstride.analysis import Report, SideProgress, Suggestion, SymmetryResult, Target
from strongstride.analysis.history import iso_week
from strongstride.analysis.plural import counted
from strongstride.reports import svg

if TYPE_CHECKING:
    from strongstride.figures import Drawing

SIDE_LABEL = {"left": "Left", "right": "Right", "both": "Both legs"}
ACTION_LABEL = {
    "start": "Start", "keep": "Repeat", "add reps": "Add reps", "add load": "Add load",
    "reduce load": "Reduce load", "add a set": "Add a set", "harder band": "Harder band",
    "harder variation": "Harder variation", "slower tempo": "Slower tempo",
    "add time": "Add time", "hold": "Hold", "regress": "Step back", "deload": "Deload",
    "stop": "Stop",
}


@dataclass(frozen=True, slots=True)
class Table:
    caption: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    stills: tuple[Drawing | None, ...] = ()
    """Per row, the key position of the row's exercise, drawn small beside its name (None:
    the exercise has no figure); empty when no row has one."""


@dataclass(frozen=True, slots=True)
class Chart:
    ident: str
    title: str
    desc: str
    draw: Callable[[bool], str]
    """accessible -> the SVG text (with <title> and <desc> when accessible)."""
    table: Table

    def svg(self, accessible: bool = True) -> str:
        return self.draw(accessible)


@dataclass(frozen=True, slots=True)
class Section:
    ident: str
    title: str
    lead: tuple[str, ...] = ()
    alerts: tuple[str, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    terminal: bool = True
    """Shown in the terminal summary (progress and volume are left to the files)."""


@dataclass(frozen=True, slots=True)
class ReportView:
    title: str
    who: str | None
    today: date
    start: date
    period: str
    sessions: int
    summary: tuple[str, ...]
    sections: tuple[Section, ...]

    @property
    def empty(self) -> bool:
        return self.sessions == 0


def number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}%"


def day_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def best_text(p: SideProgress) -> str:
    b = p.best
    amount = f"{number(b.seconds)} s" if b.reps is None and b.seconds is not None else (
        counted(b.reps or 0, "rep") if b.load is None
        else f"{b.reps} x {number(b.load)} {b.unit}")
    return f"{amount}, {b.band} band" if b.band else amount


def target_text(t: Target) -> str:
    work = (counted(t.reps, "rep") if t.reps is not None else
            f"{t.seconds} s" if t.seconds is not None else "")
    parts = [f"{t.sets} x {work}" if t.sets and work else work or
             (counted(t.sets, "set") if t.sets else "")]
    if t.load is not None:
        parts.append(f"{number(t.load)} {t.unit or 'kg'}")
    if t.band:
        parts.append(f"{t.band} band")
    return ", ".join(p for p in parts if p)


def view(report: Report, *, weeks: int, who: str | None = None) -> ReportView:
    """The report's sections; `weeks` is the window the report was built for (0: all)."""
    days = report.calendar
    start = days[0].date if days else report.today
    sessions = sum(d.sessions for d in days)
    period = (f"{day_text(start)} to {day_text(report.today)} ({_weeks(weeks)})" if weeks > 0
              else f"everything up to {day_text(report.today)}")
    sections = (_symmetry(report), _next(report), _pain(report), _adherence(report, start),
                _progress(report, start), _volume(report, start))
    return ReportView(
        title="Strength training report", who=who, today=report.today, start=start,
        period=period, sessions=sessions, summary=_summary(report, sessions, weeks),
        sections=sections)


def _summary(report: Report, sessions: int, weeks: int) -> tuple[str, ...]:
    if sessions == 0:
        return ("Collecting data: no sessions logged in this period yet. Do a session and "
                "the report fills in as you go.",)
    a = report.adherence
    span = f"in the last {_weeks(weeks)}" if weeks > 0 else "in all"
    lines = [f"{counted(sessions, 'session')} {span}, against a target of {a.target} a "
             f"week; current streak (weeks running that met it) {_weeks(a.current_streak)}, "
             f"longest {_weeks(a.longest_streak)}."]
    flagged = [r for r in report.symmetry if r.status == "flagged"]
    if flagged:
        # Said without the index: LSI is explained in its section, below.
        lines.append("Left/right gap flagged on " + "; ".join(
            f"{r.exercise} ({r.weaker} side weaker: {percent(r.median_lsi)} of the other "
            f"side, the median of the last sessions)" for r in flagged) + ".")
    else:
        lines.append("No left/right gap flagged.")
    lights = report.pain.sets
    amber = sum(s.light == "amber" for s in lights)
    red = sum(s.light == "red" for s in lights)
    if report.pain.stops:
        lines.append("Stop and see your physio: "
                     + ", ".join(s.exercise for s in report.pain.stops) + ".")
    if amber or red:
        lines.append(f"Pain: of the {counted(len(lights), 'set')} with a pain score, {amber} "
                     f"amber and {red} red; the rest green (0-{report.settings.green_max}).")
    elif lights:
        lines.append(f"Pain: the {counted(len(lights), 'set')} with a pain score "
                     f"{'was' if len(lights) == 1 else 'were'} green (0-3).")
    if report.deload is not None:
        lines.append(f"Deload (a lighter week: half the sets at the same load): "
                     f"{report.deload.reason}.")
    return tuple(lines)


def _weeks(n: int) -> str:
    return counted(n, "week")


# Symmetry ------------------------------------------------------------------------------------
def _symmetry(report: Report) -> Section:
    results = report.symmetry
    cutoff = report.settings.lsi_cutoff
    measure = (f"your {report.involved_side} (injured) side's reps or seconds as a percentage "
               f"of the other side's (it can pass 100%)" if report.involved_side else
               "the weaker side's reps or seconds as a percentage of the stronger side's")
    lead = (f"LSI (limb symmetry index): {measure}, at the same load, band and variation. "
            f"{number(cutoff)}% is the usual "
            f"cutoff; a gap is flagged only when the median of the last "
            f"{report.settings.rolling_window} comparable sessions is under it and the same "
            f"side was weaker in {report.settings.same_side_weaker} of them. Not measurable: "
            f"both sides reached the target on every set, so the sets cannot show a "
            f"difference; collecting data: fewer than "
            f"{counted(report.settings.min_comparable_sessions, 'session')} to compare.",)
    if not results:
        return Section("symmetry", "Left/right symmetry",
                       ("No one-sided exercises logged yet: collecting data.",))
    rows = tuple((r.exercise, r.status, percent(r.median_lsi),
                  r.weaker or "", r.message) for r in results)
    table = Table("Symmetry per exercise", ("Exercise", "Status", "Median LSI",
                                            "Weaker side", "What it means"), rows)

    def note(r: SymmetryResult) -> str:
        return (f"{percent(r.median_lsi)} {r.status}" if r.median_lsi is not None
                else r.status)

    bars = [svg.Bar(r.exercise, r.median_lsi, note(r), r.status == "flagged") for r in results]
    desc = "; ".join(f"{r.exercise}: {note(r)}" for r in results)
    chart = Chart("chart-symmetry", "Median LSI per exercise", desc,
                  lambda a: svg.bar_chart("Median LSI per exercise", desc, bars,
                                          cutoff=cutoff, accessible=a, ident="chart-symmetry"),
                  table)
    # A line per exercise whose sides differed in at least three sessions.
    trends = tuple(_lsi_trend(r, report, i) for i, r in enumerate(results)
                   if sum(s.lsi is not None for s in r.sessions) >= 3
                   and any(s.lsi is not None and s.lsi < 99.5 for s in r.sessions))
    return Section("symmetry", "Left/right symmetry", lead, charts=(chart, *trends))


def _lsi_trend(r: SymmetryResult, report: Report, index: int) -> Chart:
    points = tuple((s.date, s.lsi) for s in r.sessions if s.lsi is not None)
    ident = f"chart-lsi-{index + 1}"
    title = f"{r.exercise}: LSI by session"
    desc = ", ".join(f"{d:%d %b} {v:.0f}%" for d, v in points)
    rows = tuple((day_text(s.date), s.status, percent(s.lsi), s.weaker or "", s.why)
                 for s in r.sessions)
    table = Table(title, ("Session", "Status", "LSI", "Weaker side", "Note"), rows)
    series = [svg.Series("left", "LSI", tuple((d, float(v)) for d, v in points))]
    cutoff = report.settings.lsi_cutoff
    start = report.calendar[0].date if report.calendar else points[0][0]
    return Chart(ident, title, desc, lambda a: svg.line_chart(
        title, desc, series, start=start, end=report.today, unit="LSI %", accessible=a,
        ident=ident, cutoff=cutoff, y_low=60.0, y_high=110.0, ticks=5), table)


# Next session --------------------------------------------------------------------------------
def _next(report: Report) -> Section:
    def row(s: Suggestion) -> tuple[str, ...]:
        return (s.exercise, ACTION_LABEL.get(s.action, s.action), target_text(s.target),
                s.reason)

    rows = tuple(row(s) for s in report.suggestions)
    cap = report.settings.changes_per_session
    lead = ("What to do next time, per exercise, and why. The first rule that applies "
            "decides: red flags, pain, a deload (a lighter session: half the sets at the same "
            "load), then progression gated on the weaker side. RPE is how hard a set felt, "
            "from 6 (four more reps in you) to 10 (none left); load goes up only at RPE "
            f"{number(report.settings.progression_rpe_max)} or less. At most "
            f"{counted(cap, 'exercise')} move on in one session, one change each; the others "
            "repeat.",)
    if not rows:
        return Section("next", "Next session", ("No routine played yet.",))
    stills = tuple(_key_pose(s.exercise) for s in report.suggestions)
    return Section("next", "Next session", lead, tables=(Table(
        "Next session", ("Exercise", "Next time", "Target", "Why"), rows,
        stills if any(stills) else ()),))


def _key_pose(exercise: str) -> Drawing | None:
    """The key position of the library's figure of `exercise`, if it has one."""
    from strongstride.figures import has_figure, shipped_pose
    from strongstride.library import default_library

    info = default_library().find(exercise)
    if info is None or not has_figure(info.id):
        return None
    return shipped_pose(info.id)


# Pain ----------------------------------------------------------------------------------------
def _pain(report: Report) -> Section:
    pain = report.pain
    alerts = tuple(stop.message for stop in pain.stops)
    settings = report.settings
    lead: tuple[str, ...] = (f"Traffic light per set: 0-{settings.green_max} green, "
            f"{settings.green_max + 1}-{settings.amber_max} amber (hold; it should settle by "
            f"the next morning), {settings.amber_max + 1}+ red (step back).",)
    tables: list[Table] = []
    if pain.trends:
        rows = tuple((t.exercise, SIDE_LABEL.get(t.side, t.side),
                      ", ".join(f"{p.date:%d %b}: {p.pain} {p.light}" for p in t.points),
                      str(t.direction)) for t in pain.trends)
        tables.append(Table("Pain by session (the last sessions with a pain score)",
                            ("Exercise", "Side", "Pain", "Trend"), rows))
    if pain.mornings:
        mornings = tuple((day_text(m.session_date), str(m.session_pain), str(m.status),
                          "" if m.morning_pain is None else str(m.morning_pain))
                         for m in pain.mornings)
        tables.append(Table("The morning after amber or red pain",
                            ("Session", "Session pain", "Next morning", "Morning pain"),
                            mornings))
    if not tables and not alerts:
        lead = (*lead, "No pain logged: nothing to watch.")
    return Section("pain", "Pain", lead, alerts, tables=tuple(tables))


# Adherence -----------------------------------------------------------------------------------
def _adherence(report: Report, start: date) -> Section:
    a = report.adherence
    first_week = iso_week(start)
    weeks = [w for w in a.weeks if w.week >= first_week]
    lead = (f"Target: {counted(a.target, 'session')} a week (weeks run Monday to Sunday; "
            f"2026-W05 is the fifth week of 2026). Current streak {_weeks(a.current_streak)} "
            f"(this week counts once it meets the target), longest {_weeks(a.longest_streak)}.",)
    rows = tuple((w.week, str(w.sessions), "yes" if w.met else "no") for w in weeks)
    table = Table("Sessions per week", ("Week", "Sessions", "Target met"), rows)
    days = [(d.date, d.sessions) for d in report.calendar]
    done = [d for d, n in days if n]
    desc = (f"{counted(len(done), 'day')} with a session from {day_text(start)} to "
            f"{day_text(report.today)}: " + ", ".join(f"{d:%d %b}" for d in done))
    chart = Chart("chart-calendar", "Sessions by day", desc, lambda acc: svg.calendar_chart(
        "Sessions by day", desc, days, accessible=acc, ident="chart-calendar"), table)
    return Section("adherence", "Adherence", lead, charts=(chart,) if days else (),
                   tables=() if days else (table,))


# Progress ------------------------------------------------------------------------------------
def _progress(report: Report, start: date) -> Section:
    by_exercise: dict[str, list[SideProgress]] = {}
    for p in report.progress:
        by_exercise.setdefault(p.exercise, []).append(p)
    charts: list[Chart] = []
    steady: list[str] = []
    for exercise, entries in by_exercise.items():
        if len({_value(p, entries) for p in entries}) > 1:
            charts.append(_progress_chart(exercise, entries, start, report.today,
                                          len(charts) + 1))
        else:
            steady.append(f"{exercise} ({best_text(entries[-1])})")
    lead = ["The best set of each session, per side: reps, seconds for holds, reps x load "
            "for loaded moves."]
    if steady:
        lead.append("No change in reps, seconds or load (no chart): " + "; ".join(steady)
                    + ".")
    if not by_exercise:
        lead = ["No sets logged yet: collecting data."]
    return Section("progress", "Progress", tuple(lead), charts=tuple(charts), terminal=False)


def _loaded(entries: Sequence[SideProgress]) -> bool:
    return all(p.best.load is not None and p.best.reps is not None for p in entries)


def _value(p: SideProgress, entries: Sequence[SideProgress]) -> float:
    b = p.best
    if b.reps is None:
        return float(b.seconds or 0.0)
    if _loaded(entries) and b.load is not None:
        return b.reps * b.load
    return float(b.reps)


def _progress_chart(exercise: str, entries: list[SideProgress], start: date, end: date,
                    index: int) -> Chart:
    ident = f"chart-progress-{index}"
    sides = [s for s in ("left", "right", "both") if any(p.side == s for p in entries)]
    loaded = _loaded(entries)
    unit = ("reps x " + (entries[0].best.unit or "kg") if loaded else
            "seconds" if all(p.best.reps is None for p in entries) else "reps")
    series = [svg.Series(side, SIDE_LABEL[side], tuple(
        (p.date, _value(p, entries)) for p in entries if p.side == side)) for side in sides]
    title = f"{exercise}: best set per session"
    desc = "; ".join(f"{SIDE_LABEL[s.side]}: " + ", ".join(
        f"{d:%d %b} {number(v)}" for d, v in s.points) for s in series) + f" ({unit})"
    dates = sorted({p.date for p in entries})
    cells: dict[tuple[date, str], str] = {(p.date, p.side): best_text(p) for p in entries}
    rows = tuple((day_text(d), *(cells.get((d, s), "") for s in sides)) for d in dates)
    table = Table(title, ("Session", *(SIDE_LABEL[s] for s in sides)), rows)
    return Chart(ident, title, desc, lambda a: svg.line_chart(
        title, desc, series, start=start, end=end, unit=unit, accessible=a, ident=ident),
        table)


# Weekly volume -------------------------------------------------------------------------------
def _volume(report: Report, start: date) -> Section:
    first_week = iso_week(start)
    weeks = [w for w in report.balance.weeks if w.week >= first_week]
    if not weeks:
        return Section("volume", "Weekly volume", ("No sets logged yet: collecting data.",),
                       terminal=False)
    totals: dict[str, float] = {}
    for w in weeks:
        for m in w.muscles:
            totals[m.muscle] = totals.get(m.muscle, 0.0) + m.sets
    names = sorted(totals, key=lambda m: (-totals[m], m))
    columns = [svg.Column(w.week.split("-")[1], tuple((m, w.sets(m)) for m in names))
               for w in weeks]
    rows = tuple((w.week, *(number(w.sets(m)) for m in names),
                  "" if w.quads_to_hamstrings is None else f"{w.quads_to_hamstrings:.2f}")
                 for w in weeks)
    table = Table("Sets per muscle group per week", ("Week", *names, "Quads : hamstrings"), rows)
    desc = "; ".join(f"{w.week}: " + ", ".join(f"{m} {number(w.sets(m))}" for m in names
                                               if w.sets(m)) for w in weeks)
    chart = Chart("chart-volume", "Sets per muscle group per week", desc,
                  lambda a: svg.stacked_chart("Sets per muscle group per week", desc, columns,
                                              names, unit="sets", accessible=a,
                                              ident="chart-volume"), table)
    lead: tuple[str, ...] = (
        "Sets per week for each primary muscle of the exercises done (one-sided sets "
        "count per leg, so 2 sets on each leg count as 2). The quadriceps to hamstrings "
        "ratio compares the front and the back of the thigh.",)
    if report.balance.unknown_exercises:
        lead = (*lead, "Not counted (not in the exercise library): "
                + ", ".join(report.balance.unknown_exercises) + ".")
    return Section("volume", "Weekly volume", lead, charts=(chart,), terminal=False)
