"""Routine -> a printable workout card: A4 PDF, one page when it fits, else two.

The card has the title, credit, a date line, the equipment and the directions, then one
table per section: exercise, prescription, and a tick box for every set of work the session
plan has (a box per set, or an L and an R box per set for a one-sided prescription; in a
circuit, per round). Optional sets (the top of "2-3 sets") get dashed boxes. The number of
boxes is exactly the number of work steps of `build_plan(routine)`.

Without some equipment (`adaptation`), an exercise done another way is printed under its
variation's name with "substituted for" the exercise as written, a setup that changes is
printed as it changed, and the lines of the equipment list she lacks say "you have none".

Left of each exercise's name is a still of its key position (the variation's, when it is done
another way), drawn from the figure's geometry with the PDF's own lines and circles, so it
prints sharp at any size. An exercise without a figure has an empty space there.

Only the PDF core fonts (Helvetica) are used, so nothing depends on the fonts installed;
characters they cannot show are replaced by plain ones (typographic quotes and dashes, x for
the multiplication sign; accents are dropped when the letter is outside Latin-1, and "?"
stands for anything else). The creation date is fixed, so the same routine always gives the
same bytes.

If the routine does not fit on one page at full size, the card is set at up to 20% smaller;
then on two pages, down to 40% smaller; a routine too long even for that takes more pages.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from strongstride.exchange.still import draw_still
from strongstride.library.catalog import Library, default_library
from strongstride.plan.substitute import Adaptation
from strongstride.routine.model import Exercise, Range, Routine, Section
from strongstride.routine.prescription import write_prescription

if TYPE_CHECKING:
    from strongstride.figures import Drawing

CREATION_DATE = datetime(2020, 1, 1, tzinfo=UTC)
DEFAULT_TITLE = "Strength routine"
FONT = "Helvetica"

PAGE_MARGIN = 12.0  # mm
BOX = 4.2  # mm, the side of a tick box at full size (the test finds boxes by this size)
STILL_W = 13.0  # mm, the box of an exercise's still at full size, left of its name
STILL_H = 8.0
ONE_PAGE_SCALES = (1.0, 0.9, 0.8)
TWO_PAGE_SCALES = (1.0, 0.9, 0.8, 0.7, 0.6)

_PLAIN = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\u00d7": "x", "\u2022": "-", "\u2026": "...",
    "\u2264": "<=", "\u2265": ">=", "\u2009": " ", "\u202f": " ", "\u00a0": " ",
})


def core_text(text: str) -> str:
    """Text the core fonts can show (Latin-1), with the closest plain characters."""
    out: list[str] = []
    for char in text.translate(_PLAIN):
        if char < " " and char != "\n":
            out.append(" ")  # control characters
        elif ord(char) < 256:
            out.append(char)
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) < 128)
            out.append(base or "?")
    return "".join(out)


@dataclass(frozen=True, slots=True)
class TickGroup:
    """The boxes of one set: a label and one box, or an L and an R box.

    The label is the set number; in a circuit, the round (or "round.set").
    """

    label: str
    sides: tuple[str, ...]  # ("",) or ("L", "R")
    optional: bool


def tick_groups(section: Section, exercise: Exercise) -> tuple[TickGroup, ...]:
    """A group per set the session plan has for this exercise (per round in a circuit)."""
    p = exercise.prescription
    sets = p.sets or Range.one(1)
    sides = ("L", "R") if p.per_side else ("",)
    groups: list[TickGroup] = []
    for r in range(1, (section.rounds or 1) + 1):
        for n in range(1, sets.hi + 1):
            # the set; in a circuit the round, or "round.set"
            label = (str(n) if section.rounds is None
                     else str(r) if sets.hi == 1 else f"{r}.{n}")
            groups.append(TickGroup(label, sides, n > sets.lo))
    return tuple(groups)


@dataclass(frozen=True, slots=True)
class Card:
    pdf: bytes
    pages: int
    tick_boxes: int
    scale: float
    figures: int = 0
    """How many exercises have their still drawn."""


class _CardPDF(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text = footer_text

    def footer(self) -> None:
        self.set_y(-9)
        self.set_font(FONT, "", 7)
        self.set_text_color(110)
        self.cell(0, 4, core_text(f"{self.footer_text} - page {self.page_no()} of {{nb}}"),
                  align="C")
        self.set_text_color(0)


class _Layout:
    """Draws the card at one scale; `tick_boxes` counts the boxes drawn."""

    def __init__(self, routine: Routine, title: str, scale: float,
                 adaptation: Adaptation, stills: Mapping[str, Drawing]) -> None:
        self.routine = routine
        self.adaptation = adaptation
        self.stills = stills
        self.figures_drawn = 0
        self.title = title
        self.s = scale
        self.tick_boxes = 0
        pdf = _CardPDF(f"{title} - printed from strongstride")
        pdf.set_creation_date(CREATION_DATE)
        pdf.set_title(core_text(title))
        if routine.credit:
            pdf.set_author(core_text(routine.credit))
        pdf.set_creator("strongstride")
        pdf.set_margins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        pdf.set_auto_page_break(False)
        pdf.alias_nb_pages()
        pdf.set_line_width(0.25)
        self.pdf = pdf
        self.width = pdf.w - 2 * PAGE_MARGIN
        self.bottom = pdf.h - PAGE_MARGIN - 2
        self.col_name = self.width * 0.34
        # The names move right for the stills, on every row (alike, even where one is missing).
        self.col_still = (STILL_W + 1.5) * scale if stills else 0.0
        self.col_rx = self.width * 0.30
        self.col_ticks = self.width - self.col_name - self.col_rx

    # text helpers ------------------------------------------------------------------------
    def font(self, style: str, size: float) -> None:
        self.pdf.set_font(FONT, style, size * self.s)

    def line_h(self, size: float) -> float:
        return size * self.s * 0.42

    def lines(self, text: str, width: float) -> int:
        result = self.pdf.multi_cell(width, 1, core_text(text), dry_run=True, output="LINES")
        assert isinstance(result, list)
        return max(1, len(result))

    def write(self, x: float, y: float, width: float, text: str, style: str, size: float,
              align: str = "L") -> float:
        """Write wrapped text at (x, y); returns the height used."""
        self.font(style, size)
        self.pdf.set_xy(x, y)
        h = self.line_h(size)
        self.pdf.multi_cell(width, h, core_text(text), align=align,
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return self.pdf.get_y() - y

    # ticks -------------------------------------------------------------------------------
    def label_w(self, group: TickGroup) -> float:
        return {1: 2.8, 2: 4.4}.get(len(group.label), 6.2) * self.s

    def side_w(self, group: TickGroup) -> float:
        letter = 2.4 if group.sides != ("",) else 0.0
        return (letter + BOX + 1.4) * self.s

    def group_w(self, group: TickGroup) -> float:
        return self.label_w(group) + self.side_w(group) * len(group.sides) + 1.6 * self.s

    def tick_rows(self, groups: tuple[TickGroup, ...]) -> list[list[TickGroup]]:
        rows: list[list[TickGroup]] = [[]]
        used = 0.0
        for group in groups:
            w = self.group_w(group)
            if rows[-1] and used + w > self.col_ticks - 1:
                rows.append([])
                used = 0.0
            rows[-1].append(group)
            used += w
        return rows

    def tick_row_h(self) -> float:
        return (BOX + 1.6) * self.s

    def draw_ticks(self, x0: float, y0: float, groups: tuple[TickGroup, ...]) -> None:
        pdf, s = self.pdf, self.s
        box = BOX * s
        self.font("", 7)
        pdf.set_text_color(90)
        for row, items in enumerate(self.tick_rows(groups)):
            x = x0
            y = y0 + row * self.tick_row_h()
            baseline = y + box * 0.78
            for group in items:
                pdf.text(x, baseline, core_text(group.label))
                x += self.label_w(group)
                for side in group.sides:
                    if side:
                        pdf.text(x, baseline, side)
                        x += 2.4 * s
                    if group.optional:
                        pdf.set_dash_pattern(dash=0.6, gap=0.5)
                    pdf.rect(x, y, box, box)
                    pdf.set_dash_pattern()
                    self.tick_boxes += 1
                    x += box + 1.4 * s
                x += 1.6 * s
        pdf.set_text_color(0)

    # blocks ------------------------------------------------------------------------------
    def header(self) -> None:
        pdf, x = self.pdf, PAGE_MARGIN
        pdf.add_page()
        y = PAGE_MARGIN
        y += self.write(x, y, self.width, self.title, "B", 17)
        if self.routine.credit:
            y += self.write(x, y, self.width, f"By {self.routine.credit}", "I", 8.5)
        y += 1.5 * self.s
        self.font("", 9)
        pdf.set_xy(x, y)
        date_line = "Date: ______________________      Notes: " + "_" * 44
        pdf.cell(self.width, self.line_h(9) + 1, date_line)
        y += self.line_h(9) + 3 * self.s
        if self.routine.equipment:
            lacked = self.adaptation.equipment
            equipment = "Equipment: " + "; ".join(
                item + (" (you have none)" if i < len(lacked) and lacked[i] else "")
                for i, item in enumerate(self.routine.equipment))
            y += self.write(x, y, self.width, equipment, "", 8)
        if self.routine.directions:
            directions = " ".join(self.routine.directions.split())
            y += self.write(x, y, self.width, directions, "I", 8)
        legend = ("Tick a box for each set you finish. L and R: left and right side. "
                  "Dashed box: an optional set.")
        y += self.write(x, y, self.width, legend, "", 7)
        pdf.set_y(y + 2 * self.s)

    def setup_text(self, index: int, section: Section) -> str | None:
        change = self.adaptation.setups.get(index)
        if change is not None:
            return "Setup (substituted): " + change.instead
        return "Setup: " + " ".join(section.setup.split()) if section.setup else None

    def name_and_notes(self, exercise: Exercise) -> tuple[str, str]:
        """The name printed, and the italic line under it."""
        sub = self.adaptation.exercises.get(exercise.name)
        if sub is None:
            return exercise.name, exercise.notes
        instead = f"substituted for {exercise.name} (no {sub.without_text})"
        return sub.variation, f"{instead}. {exercise.notes}" if exercise.notes else instead

    def section_heading(self, index: int, section: Section, continued: bool) -> None:
        pdf, x = self.pdf, PAGE_MARGIN
        y = pdf.get_y()
        label = section.label
        if section.rounds is not None:
            label += f": circuit, {section.rounds} rounds (each exercise in turn, then again)"
        if continued:
            label += " (continued)"
        h = self.line_h(10.5) + 1.6 * self.s
        pdf.set_fill_color(228)
        pdf.rect(x, y, self.width, h, style="F")
        self.font("B", 10.5)
        pdf.set_xy(x + 1, y)
        pdf.cell(self.width - 2, h, core_text(label))
        y += h + 0.8 * self.s
        setup = self.setup_text(index, section)
        if setup and not continued:
            y += self.write(x, y, self.width, setup, "I", 8) + 0.8 * self.s
        self.font("B", 7)
        pdf.set_text_color(90)
        done = "Sets done" if section.rounds is None else "Rounds done"
        for text, left in (("Exercise", 0.0), ("Prescription", self.col_name),
                           (done, self.col_name + self.col_rx)):
            pdf.set_xy(x + left, y)
            pdf.cell(40, self.line_h(7) + 0.6, text)
        pdf.set_text_color(0)
        pdf.set_y(y + self.line_h(7) + 1.2 * self.s)

    def heading_h(self, index: int, section: Section) -> float:
        h = self.line_h(10.5) + 2.4 * self.s + self.line_h(7) + 1.2 * self.s
        setup = self.setup_text(index, section)
        if setup:
            h += self.lines(setup, self.width) * self.line_h(8) + 0.8 * self.s
        return h

    def name_w(self) -> float:
        return self.col_name - self.col_still - 2

    def row_h(self, section: Section, exercise: Exercise) -> float:
        pad = 2.0 * self.s
        name, notes = self.name_and_notes(exercise)
        self.font("B", 9)
        name_h = self.lines(name, self.name_w()) * self.line_h(9)
        if notes:
            self.font("I", 7.5)
            name_h += self.lines(notes, self.name_w()) * self.line_h(7.5)
        if exercise.name in self.stills:
            name_h = max(name_h, STILL_H * self.s)
        self.font("", 9)
        rx = write_prescription(exercise.prescription)
        rx_h = self.lines(rx, self.col_rx - 2) * self.line_h(9)
        ticks_h = len(self.tick_rows(tick_groups(section, exercise))) * self.tick_row_h()
        return max(name_h, rx_h, ticks_h) + pad

    def row(self, section: Section, exercise: Exercise) -> None:
        pdf, x = self.pdf, PAGE_MARGIN
        y = pdf.get_y()
        h = self.row_h(section, exercise)
        top = y + 1.0 * self.s
        name, notes = self.name_and_notes(exercise)
        still = self.stills.get(exercise.name)
        if still is not None:
            draw_still(self.pdf, still, x, top, STILL_W * self.s, STILL_H * self.s)
            self.figures_drawn += 1
        used = self.write(x + self.col_still, top, self.name_w(), name, "B", 9)
        if notes:
            self.write(x + self.col_still, top + used, self.name_w(), notes, "I", 7.5)
        self.write(x + self.col_name, top, self.col_rx - 2,
                   write_prescription(exercise.prescription), "", 9)
        self.draw_ticks(x + self.col_name + self.col_rx, top,
                        tick_groups(section, exercise))
        pdf.set_draw_color(190)
        pdf.line(x, y + h, x + self.width, y + h)
        pdf.set_draw_color(0)
        pdf.set_y(y + h)

    def new_page(self) -> None:
        self.pdf.add_page()
        self.pdf.set_y(PAGE_MARGIN)

    def build(self) -> None:
        self.header()
        for index, section in enumerate(self.routine.sections):
            rows = [self.row_h(section, e) for e in section.exercises]
            if self.pdf.get_y() + self.heading_h(index, section) + rows[0] > self.bottom:
                self.new_page()
            self.pdf.set_y(self.pdf.get_y() + 1.5 * self.s)
            self.section_heading(index, section, continued=False)
            for exercise, h in zip(section.exercises, rows, strict=True):
                if self.pdf.get_y() + h > self.bottom:
                    self.new_page()
                    self.section_heading(index, section, continued=True)
                self.row(section, exercise)

    def card(self) -> Card:
        pages = self.pdf.pages_count
        return Card(bytes(self.pdf.output()), pages, self.tick_boxes, self.s,
                    self.figures_drawn)


def _layout(routine: Routine, title: str, scale: float, adaptation: Adaptation,
            stills: Mapping[str, Drawing]) -> _Layout:
    layout = _Layout(routine, title, scale, adaptation, stills)
    layout.build()
    return layout


def key_poses(routine: Routine, adaptation: Adaptation | None = None,
              library: Library | None = None) -> dict[str, Drawing]:
    """The key position of every exercise of the routine that has a figure, by its name in
    the routine; the variation's, for an exercise done another way. An exercise without a
    figure has none here; a figure file with an error raises it."""
    from strongstride.figures import has_figure, shipped_pose

    library = library or default_library()
    changed = adaptation.exercises if adaptation is not None else {}
    found: dict[str, Drawing] = {}
    for exercise in routine.exercises:
        info = library.find(exercise.name)
        if exercise.name in found or info is None or not has_figure(info.id):
            continue
        sub = changed.get(exercise.name)
        lacking = next((key for key in sub.without if info.variation(key) is not None),
                       None) if sub is not None else None
        found[exercise.name] = shipped_pose(info.id, lacking)
    return found


def build_card(routine: Routine, *, title: str | None = None,
               adaptation: Adaptation | None = None,
               stills: Mapping[str, Drawing] | None = None) -> Card:
    """The card and what it holds: pages, tick boxes, the scale it was set at and the
    figures drawn; with the variations of `adaptation` when given. `stills` are the key
    positions drawn beside the exercises, by name (default: the library's figures)."""
    name = title or routine.title or DEFAULT_TITLE
    adapted = adaptation or Adaptation(frozenset())
    drawn = key_poses(routine, adapted) if stills is None else stills
    for scale in ONE_PAGE_SCALES:
        layout = _layout(routine, name, scale, adapted, drawn)
        if layout.pdf.pages_count == 1:
            return layout.card()
    for scale in TWO_PAGE_SCALES:
        layout = _layout(routine, name, scale, adapted, drawn)
        if layout.pdf.pages_count <= 2:
            return layout.card()
    return layout.card()


def routine_card_pdf(routine: Routine, *, title: str | None = None,
                     adaptation: Adaptation | None = None) -> bytes:
    """The routine as a printable A4 PDF card, a still of each exercise's key position
    beside it; the same routine and missing equipment give the same bytes."""
    return build_card(routine, title=title, adaptation=adaptation).pdf


def tick_box_count(routine: Routine) -> int:
    """How many tick boxes the card has: one per work step of the session plan."""
    return sum(len(g.sides) for s in routine.sections for e in s.exercises
               for g in tick_groups(s, e))


__all__ = ["Card", "TickGroup", "build_card", "core_text", "key_poses", "routine_card_pdf",
           "tick_box_count", "tick_groups"]
