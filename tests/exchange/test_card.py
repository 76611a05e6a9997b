"""The printable card, read back with pypdf: pages, text, tick boxes, the exercises' stills,
determinism."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from strongstride.errors import StrongstrideError
from strongstride.exchange.card import (
    BOX,
    STILL_H,
    STILL_W,
    build_card,
    core_text,
    key_poses,
    routine_card_pdf,
    tick_box_count,
)
from strongstride.figures import has_figure, key_pose, load_figure, read_figure
from strongstride.library import default_library
from strongstride.plan.session import build_plan
from strongstride.plan.substitute import adapt
from strongstride.routine.model import Exercise, Prescription, Range, Routine, Section
from strongstride.routine.prescription import write_prescription
from tests.exchange.routines import GOLDEN, UPDATE, circuit, seed
from tests.stand_in_figures import HALF, SQUAT, figures_folder, standing  # noqa: F401

POINTS_PER_MM = 72 / 25.4


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


RECT = re.compile(rb"(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b")


def drawn_boxes(reader: PdfReader) -> int:
    """Small squares in the pages' content streams: the tick boxes (headings are wide bars)."""
    count = 0
    for page in reader.pages:
        contents = page.get_contents()
        assert contents is not None
        for match in RECT.finditer(contents.get_data()):
            w, h = float(match.group(3)), float(match.group(4))
            if abs(w) == abs(h) and abs(w) <= BOX * POINTS_PER_MM + 0.01:
                count += 1
    return count


@pytest.mark.parametrize("make", [seed, circuit], ids=["seed", "circuit"])
def test_the_card_holds_the_routine(make: object) -> None:
    routine = make()  # type: ignore[operator]
    card = build_card(routine)
    reader = read(card.pdf)
    assert 1 <= len(reader.pages) == card.pages <= 2
    for page in reader.pages:  # A4 portrait
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            595, 842)
    text = flat(text_of(reader))
    assert routine.title is not None and routine.title in text
    for exercise in routine.exercises:
        assert flat(core_text(exercise.name)) in text
        assert flat(write_prescription(exercise.prescription)) in text
    for section in routine.sections:
        assert section.label in text
    if routine.credit:
        assert routine.credit in text
    for item in routine.equipment:
        assert flat(item) in text
    assert "Date: ____" in text


@pytest.mark.parametrize("make", [seed, circuit], ids=["seed", "circuit"])
def test_one_tick_box_per_work_step_of_the_plan(make: object) -> None:
    routine = make()  # type: ignore[operator]
    work = len(build_plan(routine).work_steps)
    card = build_card(routine)
    assert card.tick_boxes == tick_box_count(routine) == work
    assert drawn_boxes(read(card.pdf)) == work


def test_the_seed_card_in_detail() -> None:
    card = build_card(seed())
    assert card.pages == 1  # fits one page, set a little smaller
    assert card.tick_boxes == 81
    text = text_of(read(card.pdf))
    assert "1 L R 2 L R" in flat(text)  # one-sided: an L and an R box per set
    assert "Setup: Put a looser looped resistance band" in text
    assert "Dashed box: an optional set" in text


def test_circuit_boxes_are_per_round() -> None:
    text = flat(text_of(read(routine_card_pdf(circuit()))))
    assert "Circuit: circuit, 3 rounds" in text
    assert "Rounds done" in text
    assert "Side plank 30 seconds on each side 1 L R 2 L R 3 L R" in text


def test_the_card_gives_the_hold_of_each_rep() -> None:
    routine = Routine(sections=(Section("activation", (
        Exercise("Quad set", Prescription(sets=Range.one(2), reps=Range.one(10),
                                          hold=Range.one(5))),)),))
    text = flat(text_of(read(routine_card_pdf(routine))))
    assert "Quad set 2 sets of 10 reps, hold 5 s each 1 2" in text


def test_the_same_routine_gives_the_same_bytes() -> None:
    first = routine_card_pdf(seed())
    assert routine_card_pdf(seed()) == first
    reader = read(first)
    assert reader.metadata is not None
    assert reader.metadata.creation_date == dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    assert reader.metadata.title == seed().title


def test_a_title_overrides_the_routines() -> None:
    reader = read(routine_card_pdf(seed(), title="Tuesday legs"))
    assert text_of(reader).startswith("Tuesday legs")


def test_characters_the_core_fonts_lack_are_replaced() -> None:
    routine = Routine(title="Hüft–Programm ×2", sections=(Section("main", (
        Exercise("Runner’s lunge — Ω", Prescription(sets=Range.one(2), reps=Range.one(8),
                                                    side="leg")),)),))
    text = text_of(read(routine_card_pdf(routine)))
    assert "Hüft-Programm x2" in text
    assert "Runner's lunge - ?" in text


def test_a_long_routine_goes_onto_two_pages_then_more() -> None:
    base = seed()
    main = base.sections[2]
    long_main = replace(base, sections=(replace(main, exercises=main.exercises * 5),))
    card = build_card(long_main)
    assert card.pages == 2 and card.tick_boxes == len(build_plan(long_main).work_steps)
    assert "Workout (continued)" in text_of(read(card.pdf)).split("page 1 of 2")[1]
    huge = replace(base, sections=base.sections * 6)
    big = build_card(huge)
    assert big.pages > 2
    assert drawn_boxes(read(big.pdf)) == len(build_plan(huge).work_steps)


def test_golden_text_of_the_seed_card() -> None:
    reader = read(routine_card_pdf(seed()))
    pages = [f"--- page {i + 1} ---\n{page.extract_text().rstrip()}\n"
             for i, page in enumerate(reader.pages)]
    text = "".join(pages)
    path = GOLDEN / "card_runner_glute.txt"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), "run with STRONGSTRIDE_UPDATE_GOLDEN=1 to write the golden file"
    assert text == path.read_text(encoding="utf-8")


def test_without_bands_and_a_ball_the_card_prints_the_variations_marked() -> None:
    adapted = adapt(seed(), {"band", "exercise-ball"})
    card = build_card(seed(), adaptation=adapted)
    reader = read(card.pdf)
    text = flat(text_of(reader))
    assert "Monster walk, no band" in text
    assert "substituted for Monster walk (no band)" in text
    assert "Bridge walk-out" in text
    assert "substituted for Exercise-ball hamstring curl (no exercise ball)" in text
    assert "around your ankles" not in text
    assert "Setup (substituted): Nothing to set up: you have no band" in text
    assert "loop resistance bands, a looser one and a tighter (heavier) one (you have none)" \
        in text
    # the same boxes to tick: a set is a set, whichever way it is done
    assert card.tick_boxes == drawn_boxes(reader) == tick_box_count(seed())
    assert routine_card_pdf(seed(), adaptation=adapted) == card.pdf  # deterministic
    assert "Monster walk, no band" not in flat(text_of(read(routine_card_pdf(seed()))))


# The stills: each exercise's key position beside its name ------------------------------------
@dataclass(frozen=True)
class Still:
    """One still as drawn in a page's content stream: its line and curve operations and the
    box they span (PDF points, y up)."""

    lines: int
    curves: int
    box: tuple[float, float, float, float]


def stills_drawn(reader: PdfReader) -> list[list[Still]]:
    """Per page, the stills: the graphics blocks that start with round line caps."""
    pages: list[list[Still]] = []
    for page in reader.pages:
        states = page["/Resources"].get("/ExtGState", {})
        round_caps = {name for name, state in states.items()
                      if state.get_object().get("/LC") == 1}
        found: list[Still] = []
        depth, start, lines, curves = 0, None, 0, 0
        xs: list[float] = []
        ys: list[float] = []
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"q":
                depth += 1
            elif op == b"Q":
                if depth == start:
                    found.append(Still(lines, curves, (min(xs), min(ys), max(xs), max(ys))))
                    start = None
                depth -= 1
            elif op == b"gs" and start is None and operands[0] in round_caps:
                start, lines, curves, xs, ys = depth, 0, 0, [], []
            elif start is not None and op in (b"m", b"l", b"c"):
                lines += op == b"l"
                curves += op == b"c"
                xs += [float(v) for v in operands[0::2]]
                ys += [float(v) for v in operands[1::2]]
        pages.append(found)
    return pages


def name_baselines(reader: PdfReader, names: list[str]) -> dict[str, tuple[float, float]]:
    """Where each name's first line is written on the first page: (x, baseline y)."""
    found: dict[str, tuple[float, float]] = {}

    def seen(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        for name in names:
            start = text.strip()
            # the whole name, or its first line where it wraps (at a space): the table's
            # header "Exercise" is not the start of "Exercise-ball hamstring curl"
            whole_words = len(start) == len(name) or name[len(start):][:1] == " "
            if start and name.startswith(start) and whole_words and name not in found:
                found[name] = (tm[4], tm[5])

    reader.pages[0].extract_text(visitor_text=seen)
    return found


def test_each_exercise_with_a_figure_has_its_still_left_of_its_name() -> None:
    routine = seed()
    drawn = [e.name for e in routine.exercises if (info := default_library().find(e.name))
             and has_figure(info.id)]
    assert drawn, "the library ships at least one figure"
    card = build_card(routine)
    reader = read(card.pdf)
    stills = [s for page in stills_drawn(reader) for s in page]
    assert card.figures == len(stills) == len(drawn)
    at = name_baselines(reader, drawn)
    for name in drawn:
        x, baseline = at[name]
        still = next(s for s in stills if s.box[1] - 2 <= baseline <= s.box[3] + 2)
        assert still.lines >= 8 and still.curves >= 4  # limbs, and the head's circle
        assert still.box[2] < x  # left of the name
        # as large as its box allows, one way or the other, and no larger
        width, height = still.box[2] - still.box[0], still.box[3] - still.box[1]
        box_w, box_h = (size * card.scale * POINTS_PER_MM for size in (STILL_W, STILL_H))
        assert width <= box_w + 1 and height <= box_h + 1
        assert max(width / box_w, height / box_h) > 0.8


def test_a_still_for_every_exercise_keeps_the_card_to_one_page_and_its_words(
        tmp_path: Path) -> None:
    routine = seed()
    (tmp_path / "squat.toml").write_text(standing(SQUAT))
    pose = key_pose(read_figure(tmp_path / "squat.toml"))
    card = build_card(routine, stills={e.name: pose for e in routine.exercises})
    assert card.pages == 1 and card.figures == len(routine.exercises) == 24
    reader = read(card.pdf)
    assert len(stills_drawn(reader)[0]) == 24
    bare = read(build_card(routine, stills={}).pdf)
    assert flat(text_of(reader)) == flat(text_of(bare))
    assert card.tick_boxes == drawn_boxes(reader) == tick_box_count(routine)


def test_an_exercise_without_a_figure_leaves_its_place_empty(figures: Path) -> None:
    (figures / "goblet-squat.toml").write_text(standing(SQUAT))
    poses = key_poses(seed())
    assert list(poses) == ["Goblet squat"]
    card = build_card(seed())
    assert card.figures == 1 and [len(p) for p in stills_drawn(read(card.pdf))] == [1]
    assert build_card(circuit()).figures == 1  # its "Mystery move" is in no library


def test_done_another_way_the_still_is_the_variations(figures: Path) -> None:
    bridge = "single-leg-bridge-with-adductor-ball-squeeze"
    (figures / f"{bridge}.toml").write_text(standing(SQUAT, ("small-ball", HALF)))
    name = "Single-leg bridge with adductor ball squeeze"
    plain = key_poses(seed())[name]
    without = key_poses(seed(), adapt(seed(), {"small-ball"}))[name]
    assert plain == key_pose(load_figure(bridge))
    assert without == key_pose(load_figure(bridge, "small-ball")) != plain


def test_a_figure_with_bad_data_is_an_error_not_a_blank(figures: Path) -> None:
    (figures / "goblet-squat.toml").write_text(standing({**SQUAT, "knee": 200}))
    with pytest.raises(StrongstrideError) as raised:
        build_card(seed())
    told = "\n".join([raised.value.message, *(i.render() for i in raised.value.issues)])
    assert "goblet-squat.toml" in told and "knee_l" in told
