"""Rich output for the terminal. Imported only by the commands that draw."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from strongstride.words import duration_text as duration

if TYPE_CHECKING:
    from collections.abc import Mapping

    from strongstride.analysis.summary import FinishSummary
    from strongstride.library.catalog import ExerciseInfo
    from strongstride.plan.session import SessionPlan
    from strongstride.plan.substitute import Adaptation, Substitution
    from strongstride.records import SessionInfo, SetLog
    from strongstride.routines import LoadedRoutine


def _console() -> Console:
    # Every string printed is her text or ours, never Rich markup: a note holding "[/]" or
    # ":smile:" prints as written. Styles are given with Text. No highlighter either: our
    # text has no Python values to colour.
    return Console(highlight=False, markup=False, emoji=False)


def print_routines(loaded: list[LoadedRoutine]) -> None:
    from strongstride.plan.session import build_plan

    table = Table(title="Routines", title_justify="left")
    table.add_column("id", style="bold")
    table.add_column("title")
    table.add_column("exercises", justify="right")
    table.add_column("time", justify="right")
    for item in loaded:
        total = build_plan(item.routine).total_seconds()
        table.add_row(item.id, item.routine.title or "", str(len(item.routine.exercises)),
                      duration(total))
    _console().print(table)


def print_routine(loaded: LoadedRoutine, plan: SessionPlan,
                  adapted: Adaptation | None = None) -> None:
    """The routine as a table per section; exercises and setups done another way for want
    of equipment (`adapted`) show what she does instead, marked."""
    from strongstride.routine.format import time_cap_text
    from strongstride.routine.prescription import write_prescription

    changed = adapted.exercises if adapted is not None else {}
    setups = adapted.setups if adapted is not None else {}
    lacked = adapted.equipment if adapted is not None else ()
    routine = loaded.routine
    console = _console()
    console.print(Text(routine.title or loaded.id, style="bold underline"))
    if routine.credit:
        console.print(Text(f"by {routine.credit}", style="italic"))
    console.print(Text.assemble("Estimated time: ", (duration(plan.total_seconds()), "bold")))
    if routine.equipment:
        console.print(Text("\nEquipment", style="bold"))
        for number, item in enumerate(routine.equipment):
            none = number < len(lacked) and lacked[number]
            console.print(Text.assemble(f"  • {item}", (" (you have none)" if none else "",
                                                          "dim italic")))
    if routine.directions:
        console.print(Text("\nDirections", style="bold"))
        console.print(routine.directions.replace("\n", " "))
    for index, section in enumerate(routine.sections):
        label = section.label
        if section.rounds:
            label += f" ({section.rounds} rounds)"
        if section.time_cap_seconds:
            label += (f" (AMRAP {time_cap_text(section.time_cap_seconds)}: as many rounds as "
                      "you can)")
        table = Table(title=f"{label}  ·  {duration(plan.section_seconds(index))}",
                      title_justify="left", title_style="bold", expand=True, show_header=False)
        table.add_column("#", justify="right", width=3)
        table.add_column("exercise", ratio=3)
        table.add_column("prescription", ratio=3)
        instead = setups.get(index)
        if instead is not None:
            table.add_row("", Text.assemble(("Setup, ", "italic"), ("substituted", "bold"),
                                            (f": {instead.instead}", "italic")), "")
        elif section.setup:
            table.add_row("", Text(f"Setup: {section.setup}", style="italic"), "")
        for number, exercise in enumerate(section.exercises, start=1):
            sub = changed.get(exercise.name)
            name = Text(exercise.name) if sub is None else Text.assemble(
                (sub.variation, "bold"), "\n",
                (f"substituted for {exercise.name} (no {sub.without_text})", "dim italic"))
            # An exercise with no counts (a stretch listed by name) is done as long as she likes.
            table.add_row(str(number), name,
                          write_prescription(exercise.prescription) or "as long as you like")
        console.print()
        console.print(table)
    if routine.notes:
        console.print(Text("\nNotes", style="bold"))
        console.print(routine.notes.replace("\n", " "))
    if changed:
        console.print(f"\n{len(changed)} exercise{'s' if len(changed) != 1 else ''} "
                      "substituted for the equipment you don't have; `--how` says how, "
                      "`strongstride equipment` changes what you have.")


def print_how_to(exercises: list[tuple[str, ExerciseInfo | None]],
                 changed: Mapping[str, Substitution] | None = None) -> None:
    """Each exercise's how-to, in routine order; once per exercise. A substituted exercise
    starts with how to do the variation."""
    changed = changed or {}
    seen: set[str] = set()
    for name, info in exercises:
        if info is None:
            _console().print(f"\n{name}: not in the exercise library yet.")
        elif info.id not in seen:
            seen.add(info.id)
            _console().print()
            sub = changed.get(name)
            if sub is not None:
                _console().print(Panel(
                    Text.assemble((f"{sub.variation}", "bold"),
                                  f" (in place of {info.name}, for want of "
                                  f"{sub.without_text})\n", sub.how),
                    title="Today's variation", title_align="left", border_style="yellow"))
            print_exercise(info, sub)
    if not exercises:
        return
    _console().print("\nOne exercise at a time: strongstride exercise NAME")


def print_exercise(info: ExerciseInfo, sub: Substitution | None = None) -> None:
    """The library's entry; done another way (`sub`), its steps, cues and mistakes less the
    sentences that need what she lacks, and no list of what to do without."""
    from strongstride.library.equipment import EQUIPMENT

    def label_of(equipment_id: str) -> str:
        known = EQUIPMENT.get(equipment_id)
        return known.label if known else equipment_id

    parts: list[Any] = []
    muscles = ", ".join(info.primary_muscles)
    if info.secondary_muscles:
        muscles += f" (also {', '.join(info.secondary_muscles)})"
    parts.append(Text.assemble(("Works: ", "bold"), muscles))
    lacked = sub.without if sub is not None else ()
    how = sub if sub is not None else info
    kit = ", ".join(label_of(e) for e in info.equipment if e not in lacked) or \
        "nothing but you"
    parts.append(Text.assemble(("Equipment: ", "bold"), kit))
    if info.one_sided:
        parts.append(Text("One leg at a time: do every rep on one side, then the other.",
                          style="italic"))
    parts.append(Text("\nHow to do it", style="bold"))
    parts += [Text(f"{n}. {step}") for n, step in enumerate(how.steps, start=1)]
    parts.append(Text("\nCues", style="bold"))
    parts += [Text(f"• {cue}") for cue in how.cues]
    parts.append(Text("\nCommon mistakes", style="bold"))
    parts += [Text(f"• {m}") for m in how.mistakes]
    if info.modifications and sub is None:
        parts.append(Text("\nIf you don't have…", style="bold"))
        for lacking, text in info.modifications:
            parts.append(Text.assemble((f"{label_of(lacking)}: ", "italic"), text))
    _console().print(Panel(Group(*parts), title=info.name, title_align="left"))


def _local(moment: Any) -> str:
    return str(moment.astimezone().strftime("%a %d %b %Y %H:%M"))


def print_history(sessions: list[SessionInfo]) -> None:
    if not sessions:
        _console().print("No sessions yet. Start one with: strongstride start")
        return
    table = Table(title="Sessions", title_justify="left")
    table.add_column("id", style="bold")
    table.add_column("date")
    table.add_column("routine")
    table.add_column("time", justify="right")
    table.add_column("sets", justify="right")
    table.add_column("status")
    for s in sessions:
        seconds = int((s.ended_at - s.started_at).total_seconds()) if s.ended_at else None
        took = duration((seconds, seconds)) if seconds is not None else ""
        table.add_row(s.id[:8], _local(s.started_at), s.routine_title or s.routine_slug, took,
                      f"{s.sets_done}/{s.planned_sets}", s.status)
    _console().print(table)


_LIGHTS = {"green": "green", "amber": "yellow", "red": "red"}


def print_finish(summary: FinishSummary) -> None:
    """The finish summary, part by part: what ends a terminal session and heads
    `strongstride session ID`."""
    from strongstride.reports.finish import finish_parts

    console = _console()
    console.print(Text(summary.routine, style="bold underline"))
    for part in finish_parts(summary):
        console.print(Text(part.title, style="bold"))
        for line in part.lines:
            style = ""
            if part.title == "Pain" and summary.pain is not None and summary.pain.highest:
                style = _LIGHTS[summary.pain.light]
            elif part.title == "Tomorrow morning" and summary.checkin.due:
                style = "bold"
            console.print(Text(f"  {line}", style=style))


def print_session(info: SessionInfo, sets: list[SetLog]) -> None:
    console = _console()
    console.print(Text(f"{info.routine_title or info.routine_slug}", style="bold"))
    console.print(f"{_local(info.started_at)} · {info.status} · "
                  f"{info.sets_done} of {info.planned_sets} sets")
    table = Table(show_header=True)
    for name in ("exercise", "set", "side", "done", "target", "RPE", "pain", "note"):
        table.add_column(name)
    for log in sets:
        if log.skipped:
            done = "skipped"
        elif log.reps is not None:
            done = f"{log.reps}" + (f" x {log.load:g} {log.unit}" if log.load else "")
        else:
            done = f"{log.seconds:g} s" if log.seconds is not None else ""
        target = (f"{log.target_reps[0]}-{log.target_reps[1]}" if log.target_reps and
                  log.target_reps[0] != log.target_reps[1] else
                  str(log.target_reps[0]) if log.target_reps else
                  f"{log.target_seconds[0]} s" if log.target_seconds else "")
        table.add_row(log.exercise, str(log.set_number), log.side, done, target,
                      "" if log.rpe is None else f"{log.rpe:g}",
                      "" if log.pain is None else str(log.pain), log.note)
    console.print(table)
