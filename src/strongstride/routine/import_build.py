"""Pass 2 of the importer: what each classified line means in its place.

`Builder` walks the lines of `import_lines.classify` once, keeping the open section (`Group`)
and exercise (`Entry`): a heading opens a section, details lines join the exercise above,
and what cannot be used is kept as a note with a warning. `result` puts the routine together.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Literal

from strongstride.errors import Issue, Span
from strongstride.routine.import_fields import placed, prescription_of, side_from_name
from strongstride.routine.import_lines import (
    INSTRUCTION_WORDS,
    NOT_NAMES,
    WORK_FIELDS,
    Line,
    equipment_items,
    item_name,
    name_of,
    squeeze,
)
from strongstride.routine.import_prose import (
    block_rest,
    block_work,
    described_prescription,
    prose_prescription,
    says_each_move,
    side_said,
)
from strongstride.routine.model import Prescription, Range, Routine, Section
from strongstride.routine.sections import (
    BLOCK_WORDS,
    Entry,
    Group,
    Heading,
    assemble,
    read_heading,
    words_of,
)

LineRole = Literal["title", "credit", "equipment", "directions", "heading", "setup", "rounds",
                   "exercise", "detail", "note"]
Built = tuple[Routine, tuple[Issue, ...], dict[int, LineRole]]  # roles by 0-based line


_UNREAD = "could not read this line as an exercise; kept it as a note"

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
_N = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
# The sets of a block said in a sentence or a heading: 'complete 3 sets of 15 repetitions',
# 'Do 2-4 rounds of each circuit', 'do up to 3 circuits', 'Repeat 2 more times'. Not how
# often to train ('3 sets, 2-3 times per week' gives 3 sets; '2 times a day', nothing).
_BLOCK_SETS = re.compile(
    rf"\b(?:(?P<upto>up\s+to)\s+)?(?P<lo>{_N})(?:\s*(?:-|to|or)\s*(?P<hi>{_N}))?\s+"
    r"(?:sets?|rounds?|circuits?|laps?)\b"
    rf"|\brepeat\b(?:\s+[a-z]+){{0,3}}?\s+(?P<lo2>{_N})(?:\s*(?:-|to|or)\s*(?P<hi2>{_N}))?"
    r"\s+(?P<more>more\s+)?times\b(?!\s+(?:a|per|each|every)\s)")


# A block done on a clock: 'on the 2 minute interval for 20 minutes', 'every 90 s'... only
# whole minutes: 'every minute on the minute for 10 minutes', 'EMOM 12 min', 'E2MOM x 16 min'.
_ON_THE_CLOCK = re.compile(
    r"(?:(?:every|on\s+the)\s+(?:(?P<every>\d{1,2})\s*-?\s*minutes?|minute)"
    r"(?:\s+(?:interval|on\s+the\s+minute))?\s+for\s+|\bemom\s*(?:x\s*|for\s+)?)"
    r"(?P<total>\d{1,2})\s*-?\s*(?:minutes?|mins?)\b")


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text]


def block_sets(text: str) -> Range | None:
    """The sets a sentence or heading gives the exercises under it, if it gives any: also
    the rounds of a block done on a clock ('every 2 minutes for 20 minutes', 'EMOM 10 min')."""
    low = text.lower()
    if ("minute" in low or "emom" in low) and (m := _ON_THE_CLOCK.search(low)) is not None:
        every, total = int(m.group("every") or 1), int(m.group("total"))
        if total % every == 0 and 1 <= total // every <= 20:
            return Range.one(total // every)
    if "set" not in low and "round" not in low and "circuit" not in low and "lap" not in low \
            and "times" not in low:
        return None
    m = _BLOCK_SETS.search(low)
    if m is None:
        return None
    lo_text, hi_text = (m.group("lo", "hi") if m.group("lo") else m.group("lo2", "hi2"))
    lo = _number(lo_text)
    hi = _number(hi_text) if hi_text else lo
    if m.group("more"):
        lo, hi = lo + 1, hi + 1
    if m.group("upto"):
        lo = 1
    if not 1 <= lo <= hi <= 20:
        return None
    return Range(lo, hi)


# Words of an article's title or a heading, not of a movement: '6 ways to warm up', 'The
# best exercises for runners'.
_TITLE_WORDS = frozenset({"ways", "tips", "best", "guide", "exercises", "workout", "workouts",
                          "routine", "program", "programme", "programmes", "programs", "plan",
                          "benefits", "why", "how"})


# Between a movement's name and its description on one line: 'Head rolls - Starting ...'.
_TITLED = re.compile(r"\s*-\s+|:\s+")
MAX_TITLED_NAME = 60
_JOINING = re.compile(r"\b(?:and|the|your|to|with|for|of|on|in|into|a|then)\b", re.IGNORECASE)


def described_name(text: str, cut: bool = False) -> tuple[str, str] | None:
    """'Head rolls - Starting from the head down, gently roll ...', 'Quads: Lie face down ...'
    -> the movement's name and its description, when `text` reads so: a short name, then
    at least four words. `cut`: the text is a name whose count was taken from its end
    ('Lunges - Step forward and'), so three words will do if one of them joins a sentence."""
    m = _TITLED.search(text, 0, MAX_TITLED_NAME)
    if m is None:
        return None
    head, rest = text[: m.start()], text[m.end():]
    spaces = rest.count(" ")
    if spaces < 2 or (spaces == 2 and not (cut and _JOINING.search(rest))) \
            or head.count(" ") >= 8 or not head[:1].isalpha():
        return None
    first = head.split(None, 1)[0].lower()
    words = words_of(head)
    if first in NOT_NAMES or first in INSTRUCTION_WORDS or (
            not _TITLE_WORDS.isdisjoint(words) or not BLOCK_WORDS.isdisjoint(words)):
        return None  # 'Circuit 1: do each move for 30 seconds' is a heading
    name = name_of(head)
    return (name, rest) if name else None


# An aside at the end of a name that offers a choice or the equipment, which is a note:
# '(machine or ball)', '(on a bench)', '(no weight)', '(optional)'.
_ASIDE = re.compile(r"\s*\(\s*(?:(?:or|on|no|without|w/o|optional|using|with\s+or)\b[^()]*"
                    r"|[^()]*\bor\b[^()]*)\)$", re.IGNORECASE)
MAX_NAME_LIST = 600  # a longer line of commas is prose
# A count in a piece of a list: not a name alone ('10 squats', '30 seconds').
_START_OF_COUNT = re.compile(r"\d+\s*(?:x|reps?|sets?|seconds?|secs?|minutes?|mins?|s|m)\b",
                             re.IGNORECASE)


class Builder:
    def __init__(self, lines: list[Line], source: str) -> None:
        self.lines = lines
        self.source = source
        self.issues: list[Issue] = []
        self.roles: dict[int, LineRole] = {}
        adjacent = any(a.kind == "exercise" and b.kind in ("exercise", "details")
                       for b, a in itertools.pairwise(lines))
        self.gap_needed = 1 if adjacent else 2
        self.started = False
        self.groups: list[Group] = []
        self.group: Group | None = None
        self.entry: Entry | None = None
        self.last: Entry | None = None
        self.notes: list[tuple[int, str]] = []
        self.candidates: list[int] = []
        self.credit: str | None = None
        self.equipment: list[str] = []
        self.directions: list[str] = []
        self.open_field: LineRole | None = None
        self.gap = 0
        # Sets said in a sentence or heading above ('For each exercise, do 3 sets'), for the
        # exercises below it that give none, until the next heading after exercises that took
        # them, or a heading of another phase or with rounds.
        self.pending_sets: Range | None = None
        self.named: dict[int, bool] = {}  # `item_named` of each line asked about
        self.headings: dict[int, Heading | None] = {}  # `heading_at` of each line asked about
        self.pending_work: Prescription | None = None
        self.pending_rest: Range | None = None  # the rest after each exercise it gives
        self.pending_used = False
        self.paragraph = -1  # the paragraph under a name line that gave its prescription

    # -- helpers

    def warn(self, line: int, column: int, message: str) -> None:
        self.issues.append(Issue(message, Span(line, max(column, 1)), "warning", self.source))

    def note(self, i: int, message: str | None = _UNREAD, to: Entry | None = None) -> None:
        """Keep line i as a note on the exercise before it (or the routine) and report it."""
        line = self.lines[i]
        text = squeeze(line.text)
        if text:
            target = to or self.last
            (target.notes if target is not None else self.notes).append((i + 1, text))
        self.roles[i] = "note"
        if message is not None:
            self.issues.append(Issue(message, Span(i + 1, line.start + 1), "warning",
                                     self.source))

    def next_content(self, i: int) -> int | None:
        """The next non-blank line after line i, past up to two rounds lines."""
        lines, n = self.lines, len(self.lines)
        j = i + 1
        for rounds in range(3):
            while j < n and lines[j].kind == "blank":
                j += 1
            if rounds == 2 or j >= n or lines[j].kind != "rounds":
                break
            j += 1
        return j if j < n else None

    def names_entry(self, j: int) -> bool:
        """Line j is an exercise name with 'Sets: ... Reps: ...' on the line below."""
        lines = self.lines
        line = lines[j]
        if line.kind != "text":
            return False
        k = j + 1  # the details may be a blank line or two below ('1. Hip thrust', '', '10 reps')
        while k < len(lines) and k <= j + 2 and lines[k].kind == "blank":
            k += 1
        if not (k < len(lines) and lines[k].kind == "details" and lines[k].has_work):
            return False
        if not line.name:  # read once: asked again when the line above is a heading
            line.name = name_of(line.content)
        return bool(line.name)

    def in_counted_run(self, i: int) -> bool:
        """Line i ('20 box jumps', with no list marker) is next to a line like it, or to an
        exercise that starts with its count: a list of counted movements."""
        lines = self.lines
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and lines[j].kind == "blank":
                j += step
            if 0 <= j < len(lines) and (lines[j].counted or (
                    lines[j].kind == "exercise" and lines[j].at == lines[j].start)):
                return True
        return False

    def paragraph_after(self, i: int) -> int | None:
        """The paragraph (a text line of six words or more) right under line i, past one
        blank line, if there is one."""
        j = i + 1
        if j < len(self.lines) and self.lines[j].kind == "blank":
            j += 1
        if j < len(self.lines) and self.lines[j].kind == "text" and not self.item_named(j):
            content = self.lines[j].content
            spaces = content.count(" ")
            if spaces >= 14 or (spaces >= 5 and content.rstrip('"\')').endswith((".", "!", "?"))):
                return j
        return None

    def follows_described(self) -> bool:
        """The exercise just read came with its description (or its count) under its name,
        in the block still open: a name with a description next is one of its kind."""
        return self.last is not None and self.last.described and (
            self.group is None or self.group is self.last.group)

    def named_paragraph(self, i: int) -> bool:
        """Line i names a movement over a paragraph that describes it, as the one before did,
        or as the next name past the paragraph will ('Butt kicks' / 'Moving forward in a
        straight line, ...'): an article's list of movements, each with its description."""
        if not self.item_named(i) or _TITLE_WORDS.intersection(words_of(self.lines[i].content)):
            return False
        j = self.paragraph_after(i)
        if j is None:
            return False
        if self.follows_described():
            return True
        k, n = j + 1, len(self.lines)
        for _ in range(8):  # past the rest of this paragraph, to the next name
            while k < n and self.lines[k].kind == "blank":
                k += 1
            if k >= n or self.lines[k].kind != "text":
                return False
            if self.item_named(k):
                return self.paragraph_after(k) is not None
            k += 1
        return False

    def titled_parts(self, i: int) -> tuple[str, str] | None:
        """'Head rolls - Starting from the head down, gently roll ...', 'Quads: Lie face
        down ...' -> the movement's name and its description, when line i reads so."""
        line = self.lines[i]
        return described_name(line.content) if line.kind == "text" else None

    def titled(self, i: int) -> tuple[str, str] | None:
        """Line i is a movement's name and its description, in a list of lines like it."""
        parts = self.titled_parts(i)
        if parts is None:
            return None
        if self.follows_described():
            return parts
        j = self.next_content(i)
        return parts if j is not None and self.titled_parts(j) is not None else None

    def prose_entry(self, i: int) -> Prescription | None:
        """Line i is a short name ('Side-lying quad stretch') over a paragraph that gives its
        prescription in a sentence ('Hold for 30 seconds, 3-5 times on each side'): that."""
        line = self.lines[i]
        content = line.content
        if (len(content) > 60 or content.endswith((".", ":", "!", "?")) or content.count(" ") > 6
                or not (line.name or name_of(content))):
            return None
        j = i + 1
        if j < len(self.lines) and self.lines[j].kind == "blank":
            j += 1
        if j >= len(self.lines) or self.lines[j].kind != "text":
            return None
        paragraph = self.lines[j].content
        if paragraph.count(" ") < 6 or (given := prose_prescription(paragraph)) is None:
            return None
        self.paragraph = j
        if given.side is None and (side := side_said(paragraph)) is not None:
            given = replace(given, side=side)  # 'Hold for 20 seconds. Repeat with the left leg.'
        return given

    def run_of_items(self, i: int, step: int) -> int:
        """How many lines next to line i (past blank lines, in direction `step`, up to 3) are
        movements listed as line i is: named alone, or with their counts."""
        lines, listed, count, j = self.lines, self.lines[i].listed, 0, i + step
        while count < 3 and 0 <= j < len(lines):
            other = lines[j]
            if other.kind == "blank":
                j += step
                continue
            if other.listed != listed or not (other.kind == "exercise" or (
                    other.kind == "text" and (self.item_named(j) or (
                        listed and self.titled_parts(j) is not None)))):
                break
            count += 1
            j += step
        return count

    def heading_at(self, i: int) -> Heading | None:
        """`read_heading` of line i, read once: a line is asked about by its neighbours too."""
        if i in self.headings:
            return self.headings[i]
        line = self.lines[i]
        h = self.headings[i] = read_heading(line.content, line.hashes)
        return h

    def item_named(self, i: int) -> bool:
        """Line i can name a movement alone: short, no sentence, and not a heading that says
        so by its words ('Warm-up', 'Cool down:') or its '#'s. Asked of each line several
        times (by its neighbours, and by headings above it): answered once."""
        named = self.named.get(i)
        if named is None:
            named = self.named[i] = self._item_named(i)
        return named

    def _item_named(self, i: int) -> bool:
        line = self.lines[i]
        if not item_name(line) or not BLOCK_WORDS.isdisjoint(words_of(line.content)):
            return False  # 'Round 1', 'Day 2', 'Circuit': a block's heading
        h = self.heading_at(i)
        return h is None or not (line.hashes or h.phase_only)

    def name_list(self, i: int) -> list[str] | None:
        """Line i lists movements by name, separated by commas ('Tadasana, Uttanasana, Lunge
        pose and Pigeon'), under a line that ends in a colon or a heading; else None."""
        line = self.lines[i]
        content = line.content.rstrip(" .")
        if content.count(",") < 2 or len(content) > MAX_NAME_LIST:
            return None
        j = i - 1
        while j >= 0 and self.lines[j].kind == "blank":
            j -= 1
        if j < 0 or not (self.lines[j].content.endswith(":") or self.roles.get(j) == "heading"):
            return None
        pieces = [p.strip() for p in content.split(",")]
        last = pieces[-1]
        if last.lower().startswith(("and ", "or ", "& ")):
            pieces[-1] = last.split(None, 1)[1] if " " in last else ""
        elif " and " in last:
            pieces[-1:] = last.split(" and ", 1)
        names = [name_of(p) for p in pieces]
        for piece, name in zip(pieces, names, strict=True):
            words = words_of(piece)
            if (not name or not words or piece.count(" ") >= 6 or words[0] in NOT_NAMES
                    or words[0] in INSTRUCTION_WORDS or _START_OF_COUNT.search(piece)):
                return None
        return names

    def names_alone(self, i: int, names: list[str]) -> None:
        """An exercise with no counts for each name on line i."""
        line = self.lines[i]
        group = self.group or self.open_group(i, None)
        for name in names:
            self.flush()
            self.entry = Entry(name, i, line, group, {})
            self.entry.given = Prescription()
            group.tried += 1

    def item(self, i: int) -> bool:
        """Line i names a movement with no count in a list of movements ('- Pigeon pose'):
        listed, beside another listed movement; unlisted, in a run of three, or of two under a
        heading."""
        line = self.lines[i]
        if not self.item_named(i):
            return False
        run = 1 + self.run_of_items(i, -1) + self.run_of_items(i, 1)
        if line.listed:
            return run >= 2
        headed = self.group is not None and self.group.heading is not None
        return run >= 3 or (run >= 2 and headed)

    def starts_entry(self, j: int | None) -> bool:
        """Line j starts an exercise: one with its count, a name with its details below, or
        the first of two movements named alone."""
        return j is not None and (self.lines[j].kind == "exercise" or self.names_entry(j) or (
            self.lines[j].counted and self.in_counted_run(j)) or (
            self.item_named(j) and (self.run_of_items(j, 1) > 0 or self.named_paragraph(j))))

    def block_start(self, i: int) -> bool:
        if self.group is not None and self.group.heading is not None and not self.group.tried:
            return False  # right under a heading: setup, not another heading
        return (i == 0 or self.lines[i - 1].kind == "blank"
                or self.roles.get(i - 1) in ("title", "credit", "equipment", "directions",
                                             "rounds"))

    def is_heading(self, i: int, h: Heading) -> bool:
        if self.lines[i].listed and not h.strong:
            return False  # '- Glute bridge' in a list is an exercise without a prescription
        g = self.group
        if (not h.strong and h.rounds is None and g is not None and g.rounds is not None
                and g.tried):
            return False  # a circuit's heading holds until a heading as strong as its own
        j = self.next_content(i)
        if self.starts_entry(j):
            return h.strong or self.block_start(i)
        if not h.strong:
            return False
        for _ in range(3):  # a strong heading may have a few lines of setup before exercises
            if j is None or self.lines[j].kind not in ("text", "setup"):
                return False
            other = self.heading_at(j)
            if other is not None and other.strong:
                return False
            j = self.next_content(j)
            if self.starts_entry(j):
                return True
        return False

    def open_group(self, i: int, heading: Heading | None) -> Group:
        self.started = True
        self.group = Group(i, heading, self.last)
        if heading is not None and (heading.rounds is not None or heading.kind != "main"
                                    or heading.capped or self.pending_used):
            self.pending_sets = self.pending_work = self.pending_rest = None
        self.group.sets, self.group.work = self.pending_sets, self.pending_work
        self.group.rest = self.pending_rest
        self.groups.append(self.group)
        return self.group

    # -- lines

    def run(self) -> None:
        handlers = {"text": self.text, "exercise": self.exercise, "details": self.details,
                    "rounds": self.rounds, "header": self.header, "setup": self.setup}
        for i, line in enumerate(self.lines):
            kind = line.kind
            if kind == "blank":
                self.blank()
                continue
            if kind != "details" and self.entry is not None:
                self.flush()
            if kind != "text" and kind != "header":
                self.open_field = None
            handlers[kind](i)
            self.gap = 0
        self.flush()

    def blank(self) -> None:
        e = self.entry
        if e is not None and e.line.reading is None and not e.fields and not e.details:
            return  # a name waiting for its details below the blank line
        if e is not None:
            self.flush()
        self.open_field = None
        self.gap += 1
        # A circuit's heading ('Strength set A: 3 rounds') holds until the next heading.
        if (self.group is not None and self.group.tried and self.gap >= self.gap_needed
                and (self.group.heading is None or self.group.rounds is None)):
            self.group = None

    def exercise(self, i: int) -> None:
        line = self.lines[i]
        if line.heading and (h := read_heading(line.heading)) is not None:
            self.heading(i, h)  # 'Round 2: 15 swings, ...': the heading, then its exercises
        group = self.group or self.open_group(i, None)
        name = line.name or name_of(line.content)
        described = ""
        if " - " in name and (parts := described_name(name, cut=True)) is not None:
            name, described = parts  # 'Lunges - Step forward and hold': a name, a description
        elif name.endswith(")") and (m := _ASIDE.search(name)) is not None and m.start() > 0:
            # 'Calf press (on the leg press machine)', 'Push-ups (or knee push-ups)'
            name, described = name[: m.start()].rstrip(), m.group().strip()
        self.entry = Entry(name, i, line, group, placed(line.fields, i + 1) if line.fields else {})
        if described:
            self.entry.notes.append((i + 1, described))
        if line.extra:
            self.entry.notes.append((i + 1, line.extra))
        group.tried += 1
        for more in line.more:  # 'Squat 10 reps, 10 lunges': one exercise each
            self.flush()
            self.entry = Entry(more.name, i, more, group, {})
            if more.extra:
                self.entry.notes.append((i + 1, more.extra))

    def details(self, i: int) -> None:
        e, line = self.entry, self.lines[i]
        if e is None:
            self.note(i, "found details (sets, reps, time or rest) with no exercise name "
                         "right above them; kept the line as a note")
        elif line.has_work and (e.line.reading is not None
                                or any(k in e.fields for k in WORK_FIELDS if k in line.fields)):
            self.flush()
            self.note(i, "this line gives the amount of work a second time; kept it as a note")
        elif not e.fields.keys().isdisjoint(line.fields):
            self.flush()
            self.note(i, "this line repeats a detail given above; kept it as a note")
        else:
            e.fields.update(placed(line.fields, i + 1))
            e.details.append(i)

    def fill_block(self, group: Group, sets: Range | None, work: Prescription | None,
                   rest: Range | None) -> None:
        """Give the exercises of `group` the sets, work and rest a sentence under them says,
        where they give none of their own."""
        for e in group.entries:
            e.prescription = self.filled(e.prescription, group.rounds, sets, work, rest)

    @staticmethod
    def filled(p: Prescription, rounds: int | None, sets: Range | None,
               work: Prescription | None, rest: Range | None) -> Prescription:
        """`p` with the sets, work and rest of its block where it has none of its own; a
        circuit's rounds are its sets already."""
        if p.sets is None and sets is not None and rounds is None:
            p = replace(p, sets=sets)
        if work is not None and p.reps is None and p.seconds is None and not p.max_reps:
            p = replace(p, reps=work.reps, seconds=work.seconds, side=p.side or work.side,
                        hold=work.hold)
        if p.rest_seconds is None and rest is not None:
            p = replace(p, rest_seconds=rest)
        return p

    def flush(self) -> None:
        e, self.entry = self.entry, None
        if e is None:
            return
        reading = e.line.reading
        p = reading.prescription if reading is not None and not e.fields else e.given
        if p is None:  # else the commonest case: read whole on its own line
            p, problems = prescription_of(e.line, e.index, e.fields, e.details, self.lines)
            if p is None:
                for number, column, message in problems:
                    self.warn(number, column, f"{message}; kept the line as a note")
                for i in (e.index, *e.details):
                    self.note(i, None)
                return
        low = e.name.lower()
        if "each" in low or "per" in low or "every" in low:  # 'Deadlift (each side)'
            e.name, p = side_from_name(e.name, p)
        g = e.group
        if g.sets is not None or g.work is not None or g.rest is not None:
            # 'For each exercise, complete 3 sets of 15 repetitions' over the exercises
            given, p = p, self.filled(p, g.rounds, g.sets, g.work, g.rest)
            self.pending_used = self.pending_used or p != given
        e.prescription = p
        e.group.entries.append(e)
        self.last = e
        self.roles[e.index] = "exercise"
        for i in e.details:
            self.roles[i] = "detail"

    def rounds(self, i: int) -> None:
        line = self.lines[i]
        n = line.rounds
        leads = self.starts_entry(i + 1 if i + 1 < len(self.lines) else None) and (
            self.group is None or i == 0 or self.lines[i - 1].kind == "blank"
            or line.content.endswith(":"))
        if self.group is not None and not self.group.tried:
            target = self.group  # right under a heading
        elif leads:
            target = self.open_group(i, None)  # '3 rounds:' over the exercises
        elif self.groups and self.groups[-1].tried:
            target = self.groups[-1]  # 'Repeat 3 times' under the exercises
        else:
            self.note(i, "a number of rounds with no exercises to repeat; kept it as a note")
            return
        self.roles[i] = "rounds"
        if n == 1:
            if target.rounds is None:
                target.sets = Range.one(1)  # 'Warm-up', '1 round': one set each
            return
        if not 2 <= n <= 20:
            self.warn(i + 1, line.start + 1,
                      f"{n} rounds is out of range; a circuit has 2 to 20 rounds, "
                      "so this section is not read as a circuit")
        elif target.rounds is not None and target.rounds != n:
            self.warn(i + 1, line.start + 1,
                      f"the rounds are given twice ({target.rounds} and {n}); kept {n}")
            target.rounds = n
        else:
            target.rounds = n

    def header(self, i: int) -> None:
        line = self.lines[i]
        value = squeeze(line.value)
        if line.key == "credit":
            if self.credit is not None or not value:
                self.note(i)
                return
            self.credit = value
            self.roles[i] = "credit"
            return
        self.roles[i] = "equipment" if line.key == "equipment" else "directions"
        self.open_field = self.roles[i]
        self.add_to_field(i, value, line.at + len(line.value) - len(line.value.lstrip()))

    def add_to_field(self, i: int, value: str, at: int) -> None:
        if not value:
            return
        if self.open_field == "directions":
            self.directions.append(value)
            return
        items, rest = equipment_items(value)
        self.equipment += items
        if rest:
            self.notes.append((i + 1, rest))
            column = self.lines[i].text.find(rest[:20], at) + 1
            self.warn(i + 1, column or at + 1,
                      "kept the text after the equipment list as a note")

    def setup(self, i: int) -> None:
        line = self.lines[i]
        if self.group is None or self.group.heading is None or self.group.tried or not line.value:
            self.note(i, "setup instructions with no heading above them; kept them as a note")
            return
        self.group.setup.append(squeeze(line.value))
        self.group.setup_lines.append(i)
        self.roles[i] = "setup"

    def text(self, i: int) -> None:
        lines = self.lines
        line = lines[i]
        content = line.content
        if not content:
            self.note(i, "this line holds only control characters; left them out")
            return
        if (named := self.names_entry(i)) or (line.counted and self.in_counted_run(i)):
            self.exercise(i)
            if named and self.entry is not None:  # a name over its details: a name over a
                self.entry.described = True  # paragraph next to it is a movement too
            return
        if i == self.paragraph and self.last is not None:  # the sentence the count came from
            self.last.notes.append((i + 1, squeeze(content)))
            self.roles[i] = "detail"
            return
        if (parts := self.titled(i)) is not None:
            name, description = parts
            self.exercise(i)
            assert self.entry is not None
            self.entry.name = name
            self.entry.notes.append((i + 1, description))
            self.entry.given = described_prescription(description)
            self.entry.described = True
            return
        if (given := self.prose_entry(i)) is not None or self.named_paragraph(i):
            if given is None:  # a description with no count in it that prose reads
                self.paragraph = j = self.paragraph_after(i) or -1
                given = described_prescription(self.lines[j].content) if j >= 0 else (
                    Prescription())
            self.exercise(i)
            assert self.entry is not None
            self.entry.given, self.entry.described = given, True
            return
        sets = block_sets(content)
        work = block_work(content) if sets is not None or says_each_move(content) else None
        rest = block_rest(content) if sets is not None or work is not None else None
        if sets is None and work is None and not line.counted and line.reading is not None \
                and (said := line.reading.prescription) is not None and line.reading.ok:
            # a sentence with a prescription in it ('Pick one or two, do every other day,
            # 4x8-15 w/ 2 min rest'): for the block under it
            sets, rest = said.sets, said.rest_seconds
            work = said if said.reps is not None or said.seconds is not None else None
        statement = sets is not None or work is not None
        if statement:  # 'For each exercise, do 3 sets of 15 reps', 'Do each move for 40 s'.
            self.pending_sets, self.pending_work, self.pending_used = sets, work, False
            self.pending_rest = rest
            if self.group is not None and not self.group.tried:
                self.group.sets, self.group.work, self.group.rest = sets, work, rest
            elif (h := self.heading_at(i)) is not None and self.is_heading(i, h):
                pass  # 'Then 4 rounds of:': a heading, read below
            elif self.starts_entry(self.next_content(i)):
                # 'Break the work into 20 rounds of:' over a list: a block of its own
                self.flush()
                self.open_group(i, None)
                self.roles[i] = "rounds"
                return
            elif self.group is not None and self.group.entries:
                # 'Do 3 sets of each.' under a list: for the exercises above that give none
                self.fill_block(self.group, sets, work, rest)
        h = self.heading_at(i)
        if h is not None and self.is_heading(i, h):
            self.heading(i, h)
            return
        if self.open_field is not None and self.roles.get(i - 1) == self.open_field:
            self.roles[i] = self.open_field
            self.add_to_field(i, squeeze(content), line.start)
            return
        if self.item(i):  # '- Pigeon pose' in a list: a movement with no count
            self.exercise(i)
            assert self.entry is not None
            self.entry.given = Prescription()
            return
        if (names := self.name_list(i)) is not None:
            self.names_alone(i, names)  # 'Tadasana, Uttanasana, Lunge pose, ...' under 'Poses:'
            return
        group = self.group
        if group is not None and group.heading is not None and not group.tried:
            group.setup.append(squeeze(content))
            group.setup_lines.append(i)
            self.roles[i] = "setup"
            self.warn(i + 1, line.start + 1,
                      "read this line as setup instructions for the section above")
            return
        if not statement:  # a line under the sentence (an exercise with no count, say)
            self.pending_used = True
        if self.started or (line.listed and self.starts_entry(self.next_content(i))):
            self.note(i)
            return
        alone = ((i == 0 or lines[i - 1].kind in ("blank", "header"))
                 and (i + 1 == len(lines) or lines[i + 1].kind in ("blank", "header")))
        if alone and h is not None and not content.endswith((":", ".", "!", "?")):
            self.candidates.append(i)
            self.roles[i] = "title"
            return
        going_on = i > 0 and lines[i - 1].kind == "text" and self.roles.get(i - 1) == "note"
        self.note(i, None if going_on else "kept this text as a note on the routine; "
                                           "it does not read as an exercise or a heading")

    def heading(self, i: int, h: Heading) -> None:
        group = self.open_group(i, h)
        group.rounds = h.rounds
        if h.once:
            group.sets = Range.one(1)
        if h.setup:
            group.setup.append(h.setup)
        self.roles[i] = "heading"
        if h.bad_rounds is not None:
            line = self.lines[i]
            column = line.text.find(str(h.bad_rounds), line.start) + 1
            self.warn(i + 1, column or line.start + 1,
                      f"{h.bad_rounds} rounds is out of range; a circuit has 2 to 20 rounds, "
                      "so this section is not read as a circuit")

    # -- the routine

    def title(self) -> str | None:
        if not self.candidates:
            return None
        chosen = self.candidates[-1]
        for i in self.candidates[:-1]:
            self.note(i, f"kept this line as a note; the title is line {chosen + 1}")
        return squeeze(self.lines[chosen].content).rstrip(" .:")

    def sections(self) -> tuple[Section, ...]:
        kept: list[Group] = []
        for g in self.groups:
            if g.entries:
                kept.append(g)
                continue
            if self.roles.get(g.index) not in ("heading", "rounds"):
                continue  # opened by an exercise line that was kept as a note
            for k, i in enumerate((g.index, *g.setup_lines)):
                self.note(i, "no exercises could be read under this line; kept it as a note"
                          if k == 0 else None, to=g.before)
        return assemble(kept)

    def result(self) -> Built:
        self.last = None
        title = self.title()
        sections = self.sections()
        notes = "\n".join(text for _, text in sorted(self.notes, key=lambda n: n[0]))
        routine = Routine(
            sections=sections, title=title, credit=self.credit, equipment=tuple(self.equipment),
            directions="\n".join(self.directions) or None, notes=notes or None)
        issues = sorted(self.issues, key=lambda x: (x.span.line, x.span.column) if x.span else (0,))
        for g in self.groups:  # no cycles left: all of it is freed as soon as it is unused
            g.entries.clear()
            g.before = None
        return routine, tuple(issues), self.roles
