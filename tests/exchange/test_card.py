"""The printable card, read back with pypdf: pages, text, tick boxes, determinism."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from strongstride.exchange.card import (
    BOX,
    build_card,
    core_text,
    routine_card_pdf,
    tick_box_count,
)
from strongstride.plan.session import build_plan
from strongstride.plan.substitute import adapt
from strongstride.routine.model import Exercise, Prescription, Range, Routine, Section
from strongstride.routine.prescription import write_prescription
from tests.exchange.routines import GOLDEN, UPDATE, circuit, seed

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
