"""Pass 1 of the importer: what each line of pasted text is on its own.

`classify` strips a list marker or '#'s and says whether the line is a header field
('Equipment needed: ...'), setup, a rounds line ('Repeat 3 times'), details ('Sets: 2 Reps: 8'),
an exercise ('Goblet squat2-3 sets of 12-15 reps', '3 x 10 Bulgarian split squats') or other
text; `import_build` then decides what each line means in its place.

Where a name ends and its prescription starts is found by looking only at points where a
prescription can start (`_START`: a number with a unit, AMRAP and such) and reading from there
with `read_prescription`, without hints (no 'did you mean'); a line that starts with a
prescription is read once with `read_leading`, which stops where the name starts. So a line
costs a few regex matches and usually one reading; a line with no digit, none.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from strongstride.routine.import_prose import says_each_move, side_said
from strongstride.routine.import_tokens import NAME_NOTE_KINDS, split_note_quantities
from strongstride.routine.model import Prescription, Range, SideWord
from strongstride.routine.prescription import (
    LIMITS,
    Reading,
    normalise,
    read_leading,
    read_prescription,
)

MAX_EXERCISE_LINE = 300  # longer lines are prose, never searched for an exercise
MAX_NAME_WORDS = 10
MAX_NAME_CHARS = 120
MAX_TRIES = 12  # split points tried on one line

LineKind = Literal["blank", "text", "exercise", "details", "rounds", "header", "setup"]
Place = tuple[str, int]  # value, 1-based column in its line
WORK_FIELDS = ("prescription", "sets", "reps", "time", "hold")
NAME_TRIM = " :-|,;(=.*_>~"

_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufeff]")
_CLEAN = str.maketrans({**{i: " " for i in range(32)}, 0x7F: " ", 0xFEFF: " "})
_HASHES = re.compile(r"\s*(#{1,6})(?:\s+|$)")
# 'A1.', 'B)', '2/', and a number run into a capitalised name ('1Inner range quads').
_MARKER = re.compile(r"\s*(?:[-*+>]\s+|[•◦▪‣●○■□►▶✓✔]\s*|\(\d{1,3}\)\s*|\d{1,3}[.)](?!\d)\s*"
                     r"|\d{1,2}/\s+|[A-Ha-h]\d?[.)]\s+|[A-Ha-h]\d:\s*"
                     r"|\d{1,2}(?=[A-Z][a-z]{2}))")
_MARKED = frozenset("-*+>•◦▪‣●○■□►▶✓✔(0123456789ABCDEFGHabcdefgh")  # what a marker starts with
SEPARATORS = frozenset("-*+•◦▪‣●○■□►▶")  # a line of just one of these separates items
# A numbered label before a name: 'Exercise 1:', 'Move 3 -', 'Station 2.', 'Pose #4:'.
_NUMBERED_LABEL = re.compile(r"\s*(?:exercise|move|movement|station|step|drill|pose)\s*#?"
                             r"\d{1,2}\s*[:.)-]\s+", re.IGNORECASE)
_LABELS, _AFTER_LABEL = frozenset("ABCDEFGHabcdefgh"), frozenset("0123456789.)")  # A1. B)
_HEADER = re.compile(
    r"(?P<key>equipment(?:\s+needed)?|what\s+you(?:'ll|\s+will)?\s+need|you(?:'ll|\s+will)\s+need"
    r"|directions|instructions|credits?|workout\s+by|created\s+by)\s*:\s*"
)
_SETUP = re.compile(r"setup\s*:\s*")
_FIELD = re.compile(
    r"\b(?P<key>sets|reps|repetitions|time|duration|hold|rest|weight|load|tempo|band)\s*:"
)
_FIELD_KEYS = {"repetitions": "reps", "duration": "time", "weight": "load"}
_FIELD_TRIM = " |,;/·•-"
_ROUNDS_LINE = re.compile(
    r"(?:(?:repeat|do|complete|perform)(?:\s+(?:the|this|that|whole|entire|full|circuit|"
    r"sequence|workout|routine|set|series|all|of|above|exercises|it|for|a|total))*\s+)?"
    r"(?P<n>\d{1,3})\s*(?:x|times|rounds?)(?:\s+(?:of|the|this|these|following|circuit|"
    r"exercises|moves|below|above|in|total|through|sequence))*"
    r"|(?:rounds|circuits)\s*:?\s*(?P<n2>\d{1,3})"  # not 'Round 2', 'Circuit 1': their names
)
_ROUNDS_WORDS = ("repeat", "do", "complete", "perform", "round", "circuit")  # or a number
# Where a prescription can start: a number with a unit or 'x', a clock time, AMRAP and such.
_START = re.compile(
    r"\d{1,9}(?:\s*(?:-|to)\s*\d{1,9})?\s*(?:x|(?:sets?|holds?|rounds?|reps?|repetitions?|"
    r"seconds?|secs?|s|minutes?|mins?|m|km|mi|miles?|meters?|metres?|yards?|yd)\b"
    r"|\s+(?:on\s+)?(?:each|per)\s+(?:leg|side))"
    r"|\d{1,3}:[0-5]\d|amrap\b|max(?:imum)?\s+reps\b"
    r"|to\s+failure\b|as\s+many\b"
)
_START_WORDS = ("amrap", "max", "to", "as")  # or a digit: where `_START` can match
# The places `_START` can match after the first character of a line.
_CANDIDATE = re.compile(r"\d+|(?<![a-z])(?:amrap|max|to\s+failure|as\s+many)")
_DIGIT_MARKS = bytes(0x30 if 0x30 <= c <= 0x39 else 0x20 for c in range(256))  # '0' or ' '
_DIGIT = re.compile(r"\d")
_BETWEEN = re.compile(r"\s+between\s+(?:sets|rounds|exercises)\b", re.IGNORECASE)
_HOLD_FOR = re.compile(r"(?:\s*[:-]\s*holds?|\s+hold\s+for|\s+for)$", re.IGNORECASE)
_PRESCRIPTION_TAIL = re.compile(
    r"\d\s*(?:sets?|x|reps?|rounds?|holds?|seconds?|secs?)\s*$", re.IGNORECASE)
_COLON = re.compile(r"\s*:\s*")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")
_ITEM_SEPARATOR = re.compile(r"\s*(?:[,;]|\band\b)\s*")
_LETTER = re.compile(r"[^\W\d_]")
_HEAD_TRIM = NAME_TRIM[:-1] + "./#"


@dataclass(slots=True)
class Line:
    text: str  # normalised, same length as the input line
    kind: LineKind = "blank"
    start: int = 0  # where the content starts, after any '#', bullet or number
    hashes: int = 0
    listed: bool = False  # has a bullet or a number in front
    name: str = ""
    reading: Reading | None = None  # of the prescription on the line
    at: int = 0  # 0-based column where an exercise's prescription starts
    fields: dict[str, Place] = field(default_factory=dict)
    key: str = ""
    value: str = ""
    rounds: int = 0
    content: str = ""  # the text after `start`, stripped
    extra: str = ""  # text after an exercise's prescription ('2x8 Medium to High'): a note
    # More exercises on the same line: '10 walking planks, 10 slow pushups', '1. Bridge - 10
    # reps 2. Clam - 15 reps'. Each is a Line of its own with kind 'exercise'.
    more: tuple[Line, ...] = ()
    # A text line that reads as a count and a name ('20 box jumps', '100x pull-up') but has no
    # list marker: an exercise when the line next to it is one too (`Builder.text`).
    counted: bool = False
    # A heading the line starts with, its exercises after it: 'Round 2: 15 swings, 10 squats'.
    heading: str = ""

    @property
    def has_work(self) -> bool:
        f = self.fields  # any of WORK_FIELDS, spelled out: this is asked for many lines
        return self.kind == "details" and (
            "prescription" in f or "sets" in f or "reps" in f or "time" in f or "hold" in f)


_BLANK = Line("")  # shared by all blank lines: never changed


def _has_digit(text: str) -> bool:
    if not text.isascii():
        return _DIGIT.search(text) is not None
    # Ten scans for one character each are several times faster than one regex scan.
    return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text)


def squeeze(text: str) -> str:
    """`text` with each run of white space one space, and none at the ends."""
    text = text.strip()
    # Most text already is: checking is faster than splitting and joining.
    return text if "  " not in text and text.isprintable() else " ".join(text.split())


def name_of(text: str) -> str:
    """A clean exercise name, or '' when `text` cannot be one (no letters, too long)."""
    name = squeeze(text).rstrip(NAME_TRIM).lstrip(_HEAD_TRIM)
    # 'Plank - hold', 'Side plank hold for': only the last few characters can match.
    if name.endswith(("d", "r")) and name[-4:].lower() in ("hold", " for") and (
            m := _HOLD_FOR.search(name, max(0, len(name) - 12))):
        name = name[: m.start()].rstrip(NAME_TRIM)
    letters = name.lower() != name.upper() if name.isascii() else _LETTER.search(name)
    if not letters or name.count(" ") >= MAX_NAME_WORDS:
        return ""
    # The routine format ends a name at its first colon: 'A1: Squat' -> 'A1 - Squat'.
    return _COLON.sub(" - ", name) if ":" in name else name


# First words of a sentence, not of an exercise name: such a line is read only when all of it
# is a prescription ('Rest 60 seconds' is not an exercise with a note 'between moves').
NOT_NAMES = frozenset({
    "rest", "take", "do", "repeat", "perform", "complete", "then", "and", "after", "for", "you",
    "i", "we", "this", "it", "try", "aim", "start", "work", "build", "add", "if", "in", "on",
    "at", "each", "every", "my", "our", "your", "the", "with", "total", "week", "day"})


# First words of an instruction, not of a movement's name: 'Keep your back flat', 'Place a
# towel under the knee'. A line starting with one is never a movement listed by name.
INSTRUCTION_WORDS = frozenset({
    "keep", "hold", "lift", "lower", "place", "push", "pull", "draw", "turn", "sit", "stand",
    "lie", "bring", "squeeze", "return", "slowly", "make", "engage", "avoid", "don't", "dont",
    "use", "switch", "ensure", "allow", "come", "go", "focus", "breathe", "remember", "note",
    "tip", "begin", "finish", "be", "is", "are", "was", "will", "can", "should", "not", "no",
    "see", "watch", "click", "read", "follow", "here", "there", "these", "those", "that",
    "what", "why", "how", "when", "where", "who", "which", "so", "but", "or", "as", "from",
    "by", "of", "to", "all", "also", "just", "a", "an", "its", "it's", "they", "she", "he",
    "share", "subscribe", "please", "thanks", "thank", "get", "let", "lets", "let's",
})
# First words of a sentence that gives the count of the exercise named above it.
_DETAIL_WORDS = frozenset({"hold", "repeat", "do", "perform", "complete", "aim"})
MAX_ITEM_WORDS = 7
_REST_NAMES = frozenset({"rest", "recover", "recovery", "break", "rest period"})
MAX_ITEM_CHARS = 60
_ITEM_END = (".", "!", "?", ":", ";", ",", "…")


def item_name(line: Line) -> str:
    """The name of a movement listed without a count ('- Pigeon pose', 'Cat / camel'), or ''
    when the line cannot be one: a sentence, an instruction, or a line with a count in it."""
    content = line.content
    if (line.kind != "text" or not content or len(content) > MAX_ITEM_CHARS
            or content.endswith(_ITEM_END) or content.count(" ") >= MAX_ITEM_WORDS
            or ":" in content):
        return ""
    first = content.split(None, 1)[0].lower().strip(NAME_TRIM + "'\"")
    if first in NOT_NAMES or first in INSTRUCTION_WORDS:
        return ""
    low = content.lower()
    if _has_digit(low) and _START.search(low):
        return ""  # a count it did not read: not a name alone
    return name_of(content)


def _lenient(name: str, tail: str) -> tuple[Reading, str] | None:
    """The prescription at the start of `tail` and the text after it ('2x8 Medium to High'
    -> 2x8 and 'Medium to High'), when the name can be one; else None."""
    first = name.split(None, 1)[0].lower().strip(NAME_TRIM)
    if first in NOT_NAMES:
        return None
    reading, end = read_leading(tail)
    if end == 0 or reading.prescription is None:
        return None
    return reading, tail[end:].strip(" ,;-|*.")


Split = tuple[str, int, Reading, str]  # name, where its prescription starts, reading, extra


def _inline(body: str, low: str, marks: bytes) -> Split | None:
    """'Name<prescription>': split at the first point where the rest reads as a prescription.

    The candidates are where `_START` may match: each run of digits, AMRAP and such. `marks`,
    when given (most lines: ASCII, no AMRAP), has '0' for each digit of `low`, else ' ': bytes
    methods find the runs faster than re.
    """
    tries = 0
    lenient: Split | None = None  # the first split whose tail starts with a prescription
    start = _START.match
    digit_before = low[:1].isdigit()  # all later digits are candidates, found in order
    at = 1
    while True:
        if marks:
            if (i := marks.find(b"0", at)) < 0:
                break
            at = marks.find(b" ", i)  # the end of the run of digits
            if at < 0:
                at = len(marks)
        elif m := _CANDIDATE.search(low, at):
            i, at = m.start(), m.end()
        else:
            break
        check_tail, digit_before = digit_before, True
        times = low[max(0, i - 3):i].rstrip().endswith(" x")  # 'Lunge x 20', 'Squat x 4 sets'
        started = start(low, i) is not None
        if not started and not times:
            continue
        if i > MAX_NAME_CHARS:
            break
        head = body[:i]
        if times:
            head = head.rstrip()[:-1]
        name = name_of(head)
        # A name does not end in a prescription ('Squat 3 sets 10'): it has a digit, if so.
        if not name or (check_tail and _PRESCRIPTION_TAIL.search(head.rstrip(NAME_TRIM),
                                                                 max(0, i - 20))):
            continue
        tail = body[i:].rstrip().rstrip(".")
        if tail.endswith(")") and head.rstrip().endswith("("):
            tail = tail[:-1]
        if times and not started and (n := _BARE_COUNT.match(tail)):  # 'x 20': the reps
            tail = n.group() + " reps" + tail[n.end():]
        elif "x" in tail[:8] and (n := _X_REPS.match(tail)):  # '(15x)', '12x each side'
            tail = n.group(1) + " reps" + tail[n.end():]
        reading = read_prescription(tail, hints=False)
        if not reading.problems or reading.structural:
            return name, i, reading, ""
        if lenient is None and (found := _lenient(name, tail)) is not None:
            lenient = (name, i, *found)
        tries += 1
        if tries >= MAX_TRIES:
            break
    return lenient


# Where a name written after its count ends: a load, an aside in brackets, a comma.
_NAME_END = re.compile(r"\s+(?:with|at)\s+\d|\s*[(,;](?!\s*(?:on\s+)?(?:each|every|per)\s)"
                       r"|\s+@|\s+[+&]\s*(?=\d)")
# A number with no unit ('20' in 'Lunge x 20'), and a bare count in front of a name ('15 ab
# sprawls' in a list), which are reps; '60-second plank', a time.
_BARE_COUNT = re.compile(r"\d{1,3}(?:\s*(?:-|to)\s*\d{1,3})?(?![\d:.])")
_COUNT_NAME = re.compile(r"(\d{1,3})(?:\s*x)?\s+(?=[a-z])(?!(?:x|sets?|reps?|rounds?|times|seconds?"
                         r"|secs?|minutes?|mins?|m|s|holds?|each|per|on|of|to|for|in|at|and|or"
                         # a distance, calories or a load is not a count of reps
                         r"|meters?|metres?|km|miles?|yards?|yds?|ft|feet|cal|calories?|kgs?"
                         r"|lbs?|pounds?|kilos?|weeks?|days?|hours?|times?)\b)")
_X_REPS = re.compile(r"(\d{1,3}(?:\s*-\s*\d{1,3})?)\s*x(?![\s\d]*\d)", re.IGNORECASE)
_SETS_ALONE = re.compile(r"(\d{1,2}(?:\s*(?:-|to)\s*\d{1,2})?)\s*sets?\s*[.:]?")
# The reps of each side after a total: '(10 each leg)', '- 8 per side'.
_EACH_SIDE_AFTER = re.compile(r"[(\s-]*(\d{1,3})(?:\s*-\s*(\d{1,3}))?\s*(?:reps?\s+)?"
                              r"(?:on\s+)?(?:each|per|a)\s+(legs?|sides?)\b", re.IGNORECASE)
# A bare count after a dash or a colon at the end of a line: 'Squats - 20', 'Lunges: 10-12'.
_DASH_COUNT = re.compile(r"\s*(?:\s-|:)\s*(\d{1,3})(?:\s*(?:-|to)\s*(\d{1,3}))?\s*\.?$")
_HYPHEN_UNIT = re.compile(r"(\d{1,4})-(?=(?:seconds?|secs?|minutes?|mins?)\b)")


# A training log's sets after the name: 'Squat - 135x8, 155x8, 185x8, 8', 'Curl: 10, 10, 8'.
_LOG_HEAD = re.compile(r"\s+-\s+|\s*:\s+")
_LOG_SET = re.compile(r"(?:\d{1,4}(?:\.\d{1,2})?\s*(?:lbs?|kgs?|#)?\s*x\s*)?(\d{1,3})")


def _set_log(body: str) -> Split | None:
    """'Squat - 135x8, 155x8, 185x8, 8, 90SRP' -> 4 sets of 8, the log in the notes: at least
    two sets, each reps or load x reps, after a name and a dash or a colon."""
    head = _LOG_HEAD.search(body, 0, MAX_NAME_CHARS)
    if head is None or not (name := name_of(body[: head.start()])):
        return None
    reps: list[int] = []
    pieces = body[head.end():].split(",")
    for piece in pieces:
        m = _LOG_SET.fullmatch(piece.strip())
        if m is None:
            break
        reps.append(int(m.group(1)))
    if len(reps) < 2 or ("x" not in body[head.end():].lower() and len(reps) < 3):
        return None  # '8, 10': too little to be sure it is a log
    if not all(LIMITS["reps"][0] <= n <= LIMITS["reps"][1] for n in reps) or (
            len(reps) > LIMITS["sets"][1]):
        return None
    p = Prescription(sets=Range.one(len(reps)), reps=Range(min(reps), max(reps)))
    return name, head.end(), Reading(p, ()), body[head.end():].strip()


def _count_first(body: str) -> Split | None:
    """'3 x 10 Bulgarian split squats': the leading prescription, then the name.

    The name is '' when the whole line is a prescription.
    """
    reading, end = read_leading(body)
    if not reading.structural:
        return None
    rest = body[end:].strip()
    if rest[:3].lower() == "of ":  # '10 reps of single-leg deadlifts'
        rest = rest[3:]
    elif rest[:1] == "." and not rest.strip("."):  # '2 sets of 10 reps.'
        rest = ""
    extra = ""
    if (m := _NAME_END.search(rest)) is not None:  # '3x12 goblet squats with 25 lbs'
        rest, extra = rest[: m.start()], rest[m.start():].strip(" ,;-")
    name = name_of(rest)
    return (name, 0, reading, extra) if name or not rest else None


def _fields(body: str, low: str, offset: int, first: re.Match[str]
            ) -> tuple[str, dict[str, Place]]:
    """'Name Sets: 2 | Reps: 8-12' -> ('Name', fields); `offset` is where body starts.

    `first` is the first key; with one colon in the line, it is the only one.
    """
    keys = [first] if low.count(":") == 1 else list(_FIELD.finditer(low, first.start()))
    found: dict[str, Place] = {}
    for k, m in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(body)
        raw = body[m.end(): end]
        value = raw.strip(_FIELD_TRIM).rstrip(".")
        column = offset + m.end() + len(raw) - len(raw.lstrip(_FIELD_TRIM)) + 1
        key = m.group("key")
        found[_FIELD_KEYS.get(key, key)] = (value, column)
    return body[: keys[0].start()] if keys else body, found


def equipment_items(value: str) -> tuple[list[str], str]:
    """'a band, a step and a ball. Or use a towel.' -> the items, and the text after them."""
    m = _SENTENCE_END.search(value)
    items, rest = (value[: m.start()], value[m.end():]) if m else (value.rstrip("."), "")
    return [x for x in _ITEM_SEPARATOR.split(items) if x], rest


def _header(line: Line, body: str, low: str, colon: bool) -> bool:
    """'Equipment needed: ...', 'Directions: ...', 'Credit: ...', 'By A. Coach'."""
    m = _HEADER.match(low) if colon and low[:1] in "ewydic" else None  # the keys' first letters
    if m is not None:
        key = m.group("key")
        line.value, line.at = body[m.end():].strip(), line.start + m.end()
    elif (low.startswith("by ") and len(body.split()) <= 6
          and not body.endswith((".", "!", "?"))):
        key, line.value, line.at = "by", body[3:].strip(), line.start + 3
    else:
        return False
    line.kind = "header"
    line.key = "equipment" if "need" in key or key.startswith("equip") else (
        "directions" if key in ("directions", "instructions") else "credit")
    return True


# Where another counted movement starts in the text after an exercise: '10 walking planks,
# 10 slow pushups', '..., followed by 10 slow pushups', '2x10 monster walks + 2x10 steps'.
_NEXT_MOVE = re.compile(r"(?:^|[,;+&]|\bfollowed\s+by\b|\bthen\b)\s*(?=\d)", re.IGNORECASE)
# An unlisted line that is a list of counted movements: '10 burpees, 15 squats, 20 sit-ups'.
_MOVES_LIST = re.compile(r"[,;]\s*\d{1,3}\s+[a-z]")
_MOVE_NAME = re.compile(r"[^\W\d_]{3}")  # a word in it: not a unit ('lb') alone
# A block capped by time, a heading: 'AMRAP 12 min:', 'AMRAP in 20 minutes', 'EMOM 10 min'.
_CAPPED = re.compile(r"(?:\d{1,3}\s*-?\s*(?:minutes?|mins?|min)\s+)?"
                     r"(?:amrap|emom|for\s+time|as\s+many\s+rounds\s+(?:as\s+possible|as\s+you\s+can))"
                     r"\b[\s:,-]*(?:(?:in|of|for)\s+)?"
                     r"(?:\d{1,3}\s*(?:minutes?|mins?|m)\b)?[\s:.!-]*$")
# 'Round 2: 15 swings, 10 squats': one pass of a block that differs round by round.
_ROUND_LABEL = re.compile(r"round\s+\d{1,2}\s*[:.)-]\s*(?=\d)")
# A numbered list run together on one line: '1. Bridge - 10 reps 2. Clam - 15 reps'.
_NEXT_NUMBER = re.compile(r"\s(\d{1,2})[.)]\s+(?=[^\W\d_])")
_FIRST_NUMBER = re.compile(r"\s*(\d{1,2})[.)]\s")


def _run_on(raw: str, number: int) -> Line | None:
    """'1. A - 10 reps 2. B - 15 reps' -> the line of A, with B in `more`; None unless the line
    runs on into the next number and each piece reads as an exercise."""
    cuts = []
    for m in _NEXT_NUMBER.finditer(raw):
        if int(m.group(1)) == number + 1:
            cuts.append(m.start() + 1)
            number += 1
    if not cuts:
        return None
    pieces = [classify(raw[a:b]) for a, b in itertools.pairwise([0, *cuts, len(raw)])]
    if any(p.kind != "exercise" for p in pieces):
        return None
    first = pieces[0]
    first.more = tuple(pieces[1:])
    return first


def _more_moves(line: Line) -> tuple[Line, ...]:
    """The counted movements in the text after an exercise; what comes before them stays."""
    m = _NEXT_MOVE.search(line.extra)
    if m is None:
        return ()
    sub = classify("- " + line.extra[m.end():])  # with the movements after it in its `more`
    if sub.kind != "exercise" or sub.at != sub.start or _MOVE_NAME.search(sub.name) is None:
        return ()
    line.extra = line.extra[: m.start()].strip(" ,;-")
    further, sub.more = sub.more, ()  # each of them on a Line of its own
    return (sub, *further)


def _round_label(raw: str, line: Line, end: int) -> Line | None:
    """'Round 2: 15 swings, 10 squats' -> the line of the swings, the squats in its `more` and
    'Round 2' its heading; None unless what follows the label reads as an exercise."""
    end += line.start
    sub = classify(" " * (end - 2) + "- " + raw[end:])
    if sub.kind != "exercise":
        return None
    sub.text, sub.heading = line.text, raw[line.start: end].strip(" :.)-")
    return sub


def _cleaned(raw: str) -> str:
    """`raw` normalised, with control characters and Markdown's bold marks made spaces: the
    same length."""
    text = normalise(raw)
    if not text.isprintable() and _CONTROL.search(text):
        text = text.translate(_CLEAN)
    if "**" in text or "__" in text:
        text = text.replace("**", "  ").replace("__", "  ")
    return text


def is_separator(raw: str) -> bool:
    """The line is a bullet alone ('-', '•'), which `classify` reads as a blank line."""
    return _cleaned(raw).strip() in SEPARATORS


def classify(raw: str) -> Line:
    """What one line is on its own; a line with several exercises has the rest in `more`.

    Distances, calories, percentages and RPEs (`import_tokens`) are never a movement's count:
    they go to its notes ('800 m run' is a run, noted '800 m'). Out of a movement's name they
    are taken after the line is read; a line that does not read as an exercise is read again
    without them.
    """
    line = _classify(raw)
    read = line.kind == "exercise" and (line.reading is None or line.reading.ok)
    if read:
        for one in (line, *line.more):
            if one.name and _has_digit(one.name):
                _name_amounts(one)
    elif line.kind in ("text", "exercise") and _has_digit(line.content):
        # not read, or read with a problem ('800 m run': 800 minutes): read again without them
        text = line.text
        cut, taken = split_note_quantities(text)
        if taken and _LETTER.search(cut):  # else the amounts are all the line says
            again = _classify(cut)
            # a line read with a problem is read again only if that reads it cleanly
            if again.kind == "text" if line.kind == "text" else (
                    again.kind == "exercise" and again.reading is not None and again.reading.ok):
                line = again
                line.text = text  # a line kept as a note keeps all of itself
                line.extra = "; ".join([*taken, line.extra] if line.extra else taken)
    return line


def _name_amounts(line: Line) -> None:
    """Move the distances, calories, loads and such out of an exercise's name into its
    notes."""
    cut, taken = split_note_quantities(line.name, NAME_NOTE_KINDS)
    if taken and (name := name_of(cut)):
        line.name = name
        line.extra = "; ".join([*taken, line.extra] if line.extra else taken)


def _classify(raw: str) -> Line:
    if not raw or raw.isspace():
        return _BLANK
    text = _cleaned(raw)
    line = Line(text, "text")
    stripped = text.lstrip()
    if not stripped:
        if not raw.strip():
            line.kind = "blank"
        return line  # control characters only: reported as a note
    first = stripped[0]
    if first in _MARKED and stripped.rstrip() in SEPARATORS:
        return _BLANK  # a bullet alone: a separator between items, read as a blank line
        # (`is_separator` says the same of a raw line)
    if first == "#" and (m := _HASHES.match(text)):
        line.hashes, line.start = len(m.group(1)), m.end()
        line.content = text[m.end():].rstrip()
        return line
    if first in _MARKED and (first not in _LABELS or stripped[1:2] in _AFTER_LABEL) and (
            m := _MARKER.match(text)):
        line.start, line.listed = m.end(), True
    elif first in "EeMmSsDdPp" and (m := _NUMBERED_LABEL.match(text)):
        line.start, line.listed = m.end(), True  # 'Exercise 1: Wide grip push-up'
    else:
        line.start = len(text) - len(stripped)
    body = line.content = text[line.start:].rstrip()
    colon = ":" in body
    if len(body) > MAX_EXERCISE_LINE and not colon and body[:3].lower() != "by ":
        return line  # prose
    low = body.lower()
    if (colon or low.startswith("by ")) and _header(line, body, low, colon):
        return line
    if colon and low.startswith("setup") and (m := _SETUP.match(low)):
        line.kind, line.value, line.at = "setup", body[m.end():].strip(), line.start + m.end()
        return line
    if len(body) > MAX_EXERCISE_LINE:
        return line
    if (low[:1].isdigit() or low.startswith(_ROUNDS_WORDS)) and (
            m := _ROUNDS_LINE.fullmatch(low.rstrip(".!: "))):
        line.kind, line.rounds = "rounds", int(m.group("n") or m.group("n2"))
        return line
    if low[:1].isdigit() and (m := _SETS_ALONE.fullmatch(low)):
        # '3 sets' alone under a name: its sets; the reps or the time may come on the next line
        line.kind, line.fields = "details", {"sets": (m.group(1), line.start + 1)}
        return line
    if "between" in low:
        body = _BETWEEN.sub(lambda m: " " * len(m.group()), body)  # same length
        low = body.lower()
    if (low[:1] in "aef" or low[:1].isdigit()) and _CAPPED.match(low):
        return line  # 'AMRAP 12 min:', 'For time:', '12-minute AMRAP': a heading
    if colon and (m := _FIELD.search(low)):
        if m.start() == 0:
            line.kind, line.fields = "details", _fields(body, low, line.start, m)[1]
            return line
        if _FIELD_KEYS.get(m["key"], m["key"]) in WORK_FIELDS:
            head, found = _fields(body, low, line.start, m)
            line.kind, line.name, line.fields = "exercise", name_of(head), found
            if not line.name:
                line.kind = "details"
            return line
    # '3 x 10 Bulgarian split squats' (count first) or 'Goblet squat2-3 sets of 12-15 reps'.
    words = "max" in low or "amrap" in low or "failure" in low or "many" in low
    if not words and not _has_digit(low):
        return line  # no place a prescription can start
    if line.listed and (m := _FIRST_NUMBER.match(text)) and (
            f" {(n := int(m.group(1))) + 1}" in body) and (pieces := _run_on(raw, n)) is not None:
        return pieces  # '1. Bridge - 10 reps 2. Clam - 15 reps'
    if low[:5] == "round" and (m := _ROUND_LABEL.match(low)) and (
            labelled := _round_label(raw, line, m.end())) is not None:
        return labelled
    marks = low.encode().translate(_DIGIT_MARKS) if not words and low.isascii() else b""
    if low[:1].isdigit() and "-" in low[:8] and (h := _HYPHEN_UNIT.match(low)):
        body = body[: h.end(1)] + " " + body[h.end():]  # '60-second plank': same length
        low = body.lower()
    read: Split | None
    if "," in body and (log := _set_log(body)) is not None:
        read = log  # 'Squat - 135x8, 155x8, 185x8': a log of sets, each its load x reps
    elif (low[:1].isdigit() or low.startswith(_START_WORDS)) and _START.match(low):
        read = _count_first(body) or _inline(body, low, marks)
    elif (c := _COUNT_NAME.match(low)) and (line.listed or _MOVES_LIST.search(low)):
        # '- 15 ab sprawls'; '10 burpees, 15 squats'
        read = _count_first(c.group(1) + " reps " + body[c.end():])
    else:
        read = _inline(body, low, marks)
    if read is None and (d := _DASH_COUNT.search(body)) and (name := name_of(body[: d.start()])) \
            and not _has_digit(name):
        # 'Squats - 20', 'Lunges: 10-12': a bare count after the name is its reps
        lo = int(d.group(1))
        reps = Range(lo, int(d.group(2)) if d.group(2) else lo)
        if 1 <= reps.lo <= reps.hi <= LIMITS["reps"][1]:
            read = (name, d.start(), Reading(Prescription(reps=reps), ()), "")
    if read is None:
        if not line.listed and (c := _COUNT_NAME.match(low)) and (
                read := _count_first(c.group(1) + " reps " + body[c.end():])) and read[0]:
            # '20 Wall Ball Shots' unlisted: an exercise only among lines like it (`counted`)
            line.name, line.reading, line.extra = read[0], read[2], read[3]
            line.counted, line.at = True, line.start
        return line
    name, at, reading, line.extra = read
    if not name:  # a prescription alone: details for the name line above it
        line.kind, line.reading = "details", reading
        line.fields = {"prescription": (body.rstrip("."), line.start + 1)}
        return line
    if name.lower() in _REST_NAMES:
        return line  # 'Rest 60-90 sec': how long to rest, not a movement
    first = name.split(None, 1)[0].lower()
    if first in _DETAIL_WORDS and reading.ok and not says_each_move(body):
        # 'Hold the stretch for 30 seconds', 'Repeat 10 times': the count of the name above,
        # with the side the rest of the sentence gives ('Repeat on the other side')
        if (p := reading.prescription) is not None and p.side is None and read[3] and (
                side := side_said(read[3])) is not None:
            reading = Reading(replace(p, side=side), reading.problems)
        line.kind, line.reading = "details", reading
        line.fields = {"prescription": (body[at:].rstrip("."), line.start + at + 1)}
        return line
    if ". " in body[:at] and name.count(" ") >= 4:
        line.reading = reading
        return line  # 'Lie on your back. Hold for 10 seconds': a sentence, not a name
    if name.count(" ") >= 2 and first in NOT_NAMES:
        # 'For each exercise, complete 3 sets': a sentence, not a movement; what it
        # prescribes may be for the block under it
        line.reading = reading
        return line
    if line.extra and (p := reading.prescription) is not None and p.side is None and (
            p.reps is not None and (m := _EACH_SIDE_AFTER.match(line.extra))):
        # '4 sets x 20 reps (10 each leg)': the reps of each side, the total noted
        reps = Range(int(m.group(1)), int(m.group(2) or m.group(1)))
        if reps.hi <= p.reps.lo:
            each: SideWord = "leg" if m.group(3).startswith("leg") else "side"
            reading = Reading(replace(p, reps=reps, side=each), reading.problems)
    elif line.extra.lower().rstrip(" .)").lstrip(" (") == "each" and (
            p := reading.prescription) is not None and p.side is None and p.reps is not None:
        # 'Leg swings x 10 each': each leg, the side the movement works
        reading, line.extra = Reading(replace(p, side="side"), reading.problems), ""
    line.kind, line.name, line.reading, line.at = "exercise", name, reading, line.start + at
    if line.extra and at == 0 and _has_digit(line.extra):  # '10 planks, 10 slow pushups'
        line.more = _more_moves(line)
    return line
