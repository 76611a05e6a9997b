"""Prescriptions as people write them: "2-3 sets of 12-15 reps on each leg, rest 60 s".

`read_prescription` reads clauses left to right and reports what it could not read with the
offset of the first character it did not understand, so callers can point at a column.
`write_prescription` prints the canonical form, which `read_prescription` reads back to the
same value.

Each clause is one alternative of one regex (`_CLAUSE`), tried at the reading position in the
order volume ('2 sets of 10 reps'), tempo, rest, the hold of each rep ('hold 5 s each'), work
alone ('10 reps'), side, load, band; the name of the alternative that matched says which clause
it is. Problems say their `kind`: the
text does not read ("syntax"), or a number is out of range ("range").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from strongstride.routine.model import (
    Distance,
    DistanceUnit,
    Load,
    LoadUnit,
    Prescription,
    Range,
    SetWord,
    SideWord,
)

# Characters that extraction from web pages and PDFs puts in place of ASCII ones. Each maps to
# exactly one character so columns in the normalised text are columns in the original.
_SWAPS = {
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\u00d7": "x", "\u2715": "x", "\u2716": "x",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
    "\u2009": " ", "\u202f": " ",
}
_SWAP_ITEMS = tuple(_SWAPS.items())


def normalise(text: str) -> str:
    """Replace typographic dashes, quotes, spaces and the multiplication sign, keeping length."""
    if text.isascii():
        return text
    # Looking for each character and replacing those found is several times faster than
    # str.translate or a regex, most of all on long lines of prose.
    for char, ascii in _SWAP_ITEMS:
        if char in text:
            text = text.replace(char, ascii)
    return text


LIMITS = {"sets": (1, 20), "reps": (1, 300), "seconds": (1, 3600), "rest": (0, 1800),
          "hold": (1, 120)}
MAX_LOAD = {"kg": 1000.0, "lb": 2200.0}
MAX_DISTANCE: dict[DistanceUnit, float] = {"m": 100_000.0, "km": 100.0, "mi": 60.0,
                                           "yd": 100_000.0}

ProblemKind = Literal["syntax", "range"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in a prescription that is wrong; `offset` is 0-based into the text.

    `kind` is "syntax" when the text does not read as a prescription and "range" when it does
    but a number is out of range (or a range runs backwards).
    """

    offset: int
    message: str
    kind: ProblemKind = "syntax"


@dataclass(frozen=True, slots=True)
class Reading:
    prescription: Prescription | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.prescription is not None and not self.problems

    @property
    def structural(self) -> bool:
        """Read as a prescription, though numbers may be out of range."""
        return not self.problems or all(p.kind == "range" for p in self.problems)


# --- the clauses ----------------------------------------------------------------------------

def _range(name: str) -> str:
    return rf"(?P<{name}_lo>\d{{1,9}})(?:\s*(?:-|to)\s*(?P<{name}_hi>\d{{1,9}}))?"


def _time_unit(name: str, metres: bool = False) -> str:
    """A unit of time. Where a distance may stand (`metres`), a bare 'm' is metres, not
    minutes ('2 x 400 m'); in a rest it is minutes ('rest 2 m')."""
    minute = "minutes?|mins?" if metres else "minutes?|mins?|m"
    return rf"(?P<{name}_unit>seconds?|secs?|s|{minute})\b"


_SIDE = (r"(?:\(\s*)?(?:(?:on\s+)?(?:each|every|per|a)\s+|/\s*)(?P<side>leg|side)s?\b"
         r"(?:\s*\))?")
_SIDE_AHEAD = (r"(?=\s*(?:\(\s*)?(?:(?:on\s+)?(?:each|every|per|a)\s+|/\s*)(?:leg|side)s?\b)")


def _work(p: str, bare: bool) -> str:
    """Reps, a time, max reps or a distance; group names start with `p`.

    `bare`: a number alone is reps (after '3 sets of'); otherwise it needs 'reps' or a side
    after it ('10 each leg'), and 'reps' may be followed by the sets ('10 reps x 3 sets').
    A time may be followed by 'on' ('40 seconds on, 20 seconds off': work, then rest).
    """
    clock = rf"(?P<{p}secs_mm>\d{{1,3}}):(?P<{p}secs_ss>[0-5]\d)\b"
    most = (rf"(?P<{p}max>amrap|max(?:imum)?\s+reps|to\s+failure"
            r"|as\s+many\s+reps\s+as\s+possible)\b")
    distance = (rf"(?P<{p}dist_n>\d{{1,6}}(?:\.\d{{1,3}})?)\s*(?P<{p}dist_unit>m|metres?|meters?"
                r"|km|kms|kilometres?|kilometers?|mi|miles?|yds?|yards?)\b")
    # after the number: seconds, else reps ('30 second hold': a timed set too)
    time = (r"\s*" + _time_unit(f"{p}secs", metres=True)
            + r"(?:\s+on\b(?!\s*(?:each|every|per|a)\b)|\s+holds?\b)?")
    unit = r"\s*(?:reps?|repetitions?)\b"
    if bare:
        # Not the load of a set with no work: '1 set, 12 kg', '2 sets, 7.5 kg'.
        reps = rf"(?:{unit}|(?!\d|\.\d|\s*(?:kgs?|kilos?|kilograms?|lbs?|pounds?)\b))"
    else:
        sets = (r"\s*x\s*" + _range(f"{p}sets")
                + rf"(?:\s*(?P<{p}setword>sets?|rounds?)\b)?")
        reps = rf"(?:{unit}(?:{sets})?|{_SIDE_AHEAD})"
    return rf"(?:{distance}|{clock}|{most}|{_range(f'{p}n')}(?:{time}|{reps}))"


_REST = (r"rest\s*:?\s*" + _range("rest") + r"\s*" + _time_unit("rest")
         + r"(?:\s+between\s+sets\b)?"
         + r"|" + _range("rest2") + r"\s*" + _time_unit("rest2")
         + r"\s+rest(?:\s+between\s+sets)?\b"
         # '20 seconds off', after '40 seconds on' ('/ 20 s off' too)
         + r"|(?:/\s*)?" + _range("rest3") + r"\s*" + _time_unit("rest3") + r"\s+off\b")
# '2 sets of 10 reps', '3x12', '3 sets, 10 reps', '3 holds of 30 seconds'.
_VOLUME = (_range("vsets") + r"\s*(?:(?P<vsetword>sets?|holds?|rounds?)\s*(?:of\b|x|[,;/])?|x)\s*"
           + _work("v", bare=True))
# '10 reps', '30 seconds', 'AMRAP', '10 each leg', '400 m', 'work 40 s'; and '10 reps x 3 sets'.
_ALONE = r"(?:work\s*:?\s*)?" + _work("w", bare=False)
# The hold of each rep: 'hold 5 s each', 'hold each rep for 5 seconds', '5 second hold',
# 'a 2-second hold' (after 'with', a separator). After reps only; with no amount of work it is
# the work, a timed hold ('30 second hold').
_EACH_REP = (r"(?:\s+(?:(?:each|every|per|a)\s+(?:reps?|repetitions?|one)\b"
             r"|each\b(?!\s*(?:\(\s*)?(?:legs?|sides?)\b)))?")
_HOLD = (r"holds?\s*:?\s*(?:(?:each|every)(?:\s+(?:rep|repetition|one))?\s+)?(?:for\s+)?"
         + _range("hold") + r"\s*-?\s*" + _time_unit("hold", metres=True) + _EACH_REP
         + r"|(?:an?\s+)?" + _range("hold2") + r"\s*-?\s*" + _time_unit("hold2", metres=True)
         + r"\s+holds?\b" + _EACH_REP)
# '2 sets' with no amount of work: only where an exercise may have no counts.
_SETS_ONLY = _range("osets") + r"\s*(?P<osetword>sets?|holds?|rounds?)\b"
_LOAD = (r"@?\s*(?P<load_n>\d{1,5}(?:\.\d{1,3})?)\s*"
         r"(?P<load_unit>kgs?|kilos?|kilograms?|lbs?|pounds?)\b")
_BAND = r"band\s*:\s*(?P<band_name>[a-z][a-z0-9 /+-]*[a-z0-9+]|[a-z])"
_TEMPO = r"(?:tempo\s*:?\s*)?(?P<tempo_d>\d(?:-\d){2,3})\b"

_SEPARATORS = r"(?:[\s,;]+|\band\b|\bwith\b|-(?=\s))"
_SEPARATOR = re.compile(_SEPARATORS + "+")
# Separators, then one clause; or the end of the text. (A volume cannot start where a tempo or
# a rest does, so it is tried first; a rest, '60 s rest', before work alone, '60 s'.)
_CLAUSE = re.compile(
    _SEPARATORS + r"*+"
    rf"(?:(?P<end>\Z)|(?P<volume>{_VOLUME})|(?P<tempo>{_TEMPO})|(?P<rest>{_REST})"
    rf"|(?P<hold>{_HOLD})|(?P<work>{_ALONE})|(?P<side_>{_SIDE})|(?P<load>{_LOAD})|(?P<band>{_BAND})"
    rf"|(?P<sets_only>{_SETS_ONLY}))"
)
# The groups of an amount of work, for '2 sets of 10 reps' (v) and '10 reps x 2 sets' (w).
_WORK_GROUPS = {
    clause: tuple(f"{p}{name}" for name in (
        "sets_lo", "sets_hi", "setword", "max", "secs_mm", "secs_ss", "n_lo", "n_hi",
        "secs_unit", "dist_n", "dist_unit"))
    for clause, p in (("volume", "v"), ("work", "w"))
}
# Every amount of work has a digit or one of these words: without any, nothing to read.
_MAYBE_WORK = re.compile(r"\d|amrap|max|failure|many")


# --- reading --------------------------------------------------------------------------------

def _count(lo_text: str, hi_text: str | None, scale: int = 1) -> Range:
    lo = int(lo_text) * scale
    return Range(lo, int(hi_text) * scale if hi_text else lo)


def _check(value: Range, what: str, offset: int, problems: list[Problem]) -> None:
    low, high = LIMITS[what]
    if low <= value.lo <= value.hi <= high:
        return

    def amount(n: int) -> str:
        return (f"a rest of {n} s" if what == "rest" else f"a hold of {n} s in each rep"
                if what == "hold" else f"{n} {what}")

    if value.lo > value.hi:
        message = (f"the range {value.lo}-{value.hi} runs backwards; "
                   f"write the smaller number first ({value.hi}-{value.lo})")
    elif value.lo < low:
        few = "too short" if what == "hold" else "too few"
        message = f"{amount(value.lo)} is {few}; use at least {low}"
    else:
        most = (f"{high} s of rest" if what == "rest" else f"{high} s" if what == "hold"
                else f"{high} {what}")
        message = f"{amount(value.hi)} is more than the {most} allowed; check for a typo"
    problems.append(Problem(offset, message, "range"))


_WORDS = ("set", "sets", "rep", "reps", "hold", "holds", "seconds", "sec", "min", "minutes",
          "rest", "each", "leg", "side", "per", "kg", "lb", "lbs", "band", "tempo", "amrap",
          "max", "failure", "of", "on", "off", "work", "metres", "meters", "km", "miles",
          "yards")
_SHOWN = re.compile(r"[a-z]+|\S+")


def _unreadable(text: str, src: str, pos: int, hints: bool) -> Problem:
    word = _SHOWN.match(src, pos)
    shown = word.group(0) if word else src[pos:]
    message = f"cannot read '{text[pos:pos + len(shown)]}'"
    if not hints:
        return Problem(pos, message)
    import difflib

    # A swapped pair of letters is the commonest typo: prefer a word with the same letters.
    close = [w for w in _WORDS if sorted(w) == sorted(shown)] or difflib.get_close_matches(
        shown, _WORDS, n=1, cutoff=0.7)
    hint = (f"did you mean '{close[0]}'?" if close else
            "write e.g. '2 sets of 10 reps on each leg', '3 holds of 30 seconds', "
            "'rest 60 s', '12 kg'")
    return Problem(pos, f"{message}; {hint}")


_NO_WORK = "no reps or time given; write e.g. '2 sets of 10 reps' or '3 holds of 30 seconds'"
_NO_WORK_READING = Reading(None, (Problem(0, _NO_WORK),))


def read_prescription(text: str, *, hints: bool = True, counts_optional: bool = False
                      ) -> Reading:
    """Read a prescription. Unknown words are problems, never silently ignored.

    With `hints=False` (for callers that only want to know whether text reads, such as the
    importer looking for where a name ends) a word that cannot be read gets no 'did you mean'
    hint, and text with no digit and no word like AMRAP is rejected at once, at offset 0.

    With `counts_optional` (the routine format) text that gives no amount of work reads too:
    '' is `Prescription()`, '2 sets' two sets of it, 'on each leg' one side then the other
    (a stretch or a mobility item done for as long as she likes). Without it, such text is
    a problem: 'no reps or time given'.
    """
    if counts_optional and not text.strip():
        return _NO_COUNTS_READING
    return _read(text, hints, leading=False, counts_optional=counts_optional)[0]


def read_leading(text: str) -> tuple[Reading, int]:
    """Read the prescription at the start of `text`, up to the first word it cannot read.

    Returns the reading of the clauses before that word (what `read_prescription` gives for
    that part of the text) and where they end: `len(text)` when all of it reads.
    ('3 x 10 Bulgarian split squats' -> the reading of '3 x 10', 6.)
    """
    return _read(text, False, leading=True)


_NO_COUNTS_READING = Reading(Prescription(), ())

Amount = tuple[Range | None, SetWord, Range | None, Range | None, bool, Distance | None]
_DISTANCE_UNITS: dict[str, DistanceUnit] = {"m": "m", "k": "km", "mi": "mi", "y": "yd"}


def _distance(at: int, number: str, unit: str, problems: list[Problem]) -> Distance:
    low = unit.lower()
    key = "k" if low[0] == "k" else "y" if low[0] == "y" else "mi" if low.startswith("mi") else "m"
    distance = Distance(float(number), _DISTANCE_UNITS[key])
    most = MAX_DISTANCE[distance.unit]
    if not 0 < distance.amount <= most:
        problems.append(Problem(at, f"a distance of {distance} is out of range; use more "
                                           f"than 0 and at most {most:g} {distance.unit}", "range"))
    return distance


def _amount(m: re.Match[str], what: str, problems: list[Problem]) -> Amount:
    """Sets, set word, reps, seconds, max reps and distance from a 'volume' or 'work' clause,
    or the sets of a 'sets_only' clause."""
    at = m.start(what)
    if what == "sets_only":
        sets_only = _count(m.group("osets_lo"), m.group("osets_hi"))
        _check(sets_only, "sets", at, problems)
        only_word: SetWord = "hold" if m.group("osetword")[0] == "h" else "set"
        return sets_only, only_word, None, None, False, None
    names = _WORK_GROUPS[what]
    sets_lo, sets_hi, word, most, mm, ss, lo_text, hi_text, unit, dist_n, dist_unit = (
        m.group(*names))
    sets = reps = seconds = None
    if sets_lo:
        sets = _count(sets_lo, sets_hi)
        _check(sets, "sets", at if what == "volume" else m.start(names[0]), problems)
    set_word: SetWord = "hold" if word and word[0] == "h" else "set"
    if most:
        return sets, set_word, None, None, True, None
    if dist_n:
        return sets, set_word, None, None, False, _distance(m.start(names[9]), dist_n, dist_unit,
                                                          problems)
    if mm or unit:
        seconds = (Range(total := int(mm) * 60 + int(ss), total) if mm else  # '1:30'
                   _count(lo_text, hi_text, 60 if unit[0] == "m" else 1))
        _check(seconds, "seconds", at, problems)
    else:
        reps = _count(lo_text, hi_text)
        _check(reps, "reps", m.start(names[6]), problems)
    return sets, set_word, reps, seconds, False, None


def _extra(m: re.Match[str], what: str, text: str, problems: list[Problem]) -> object:
    """The value of a side, rest, load, band or tempo clause; of a hold, the hold and where
    it starts (its limits depend on what it is held in: `_reading`)."""
    if what == "hold":
        lo_text, hi_text, unit = m.group("hold_lo", "hold_hi", "hold_unit")
        if not lo_text:
            lo_text, hi_text, unit = m.group("hold2_lo", "hold2_hi", "hold2_unit")
        return _count(lo_text, hi_text, 60 if unit[0] == "m" else 1), m.start(what)
    if what == "side_":
        side: SideWord = "leg" if m.group("side") == "leg" else "side"
        return side
    if what == "rest":
        lo_text, hi_text, unit = m.group("rest_lo", "rest_hi", "rest_unit")
        if not lo_text:
            lo_text, hi_text, unit = m.group("rest2_lo", "rest2_hi", "rest2_unit")
        if not lo_text:
            lo_text, hi_text, unit = m.group("rest3_lo", "rest3_hi", "rest3_unit")
        rest = _count(lo_text, hi_text, 60 if unit[0] == "m" else 1)
        _check(rest, "rest", m.start(what), problems)
        return rest
    if what == "load":
        value = float(m.group("load_n"))
        load_unit: LoadUnit = "kg" if m.group("load_unit")[0] == "k" else "lb"
        if not 0 < value <= MAX_LOAD[load_unit]:
            problems.append(Problem(
                m.start("load_n"), f"a load of {value:g} {load_unit} is out of range; "
                f"use more than 0 and at most {MAX_LOAD[load_unit]:g} {load_unit}", "range"))
        return Load(value, load_unit)
    if what == "band":
        return text[m.start("band_name"):m.end("band_name")].strip()
    return tuple(int(d) for d in m.group("tempo_d").split("-"))


_HOLD_NEEDS_REPS = ("a hold in each rep goes with reps; write e.g. '10 reps, hold 5 s each', "
                    "or '3 holds of 30 seconds' for a held position")


def _held(amount: Amount | None, hold: tuple[Range, int], problems: list[Problem]
          ) -> tuple[Amount | None, Range | None]:
    """The amount of work and the hold of each rep, given a hold clause: held in each rep
    after reps; with no amount of work ('30 second hold', '2 sets, hold 30 s') the hold is the
    work, a timed set; with any other work, a problem."""
    held, at = hold
    if amount is None or amount[2:] == (None, None, False, None):
        sets, set_word = (None, "set") if amount is None else amount[:2]
        _check(held, "seconds", at, problems)
        return (sets, set_word, None, held, False, None), None
    if amount[2] is None:
        problems.append(Problem(at, _HOLD_NEEDS_REPS))
        return amount, None
    _check(held, "hold", at, problems)
    return amount, held


def _reading(problems: list[Problem], amount: Amount | None, counts_optional: bool,
             side_: SideWord | None = None, rest: Range | None = None, load: Load | None = None,
             band: str | None = None, tempo: tuple[int, ...] | None = None,
             hold: tuple[Range, int] | None = None) -> Reading:
    """The reading of the clauses read: `problems`, or the prescription they add up to."""
    held = None
    if hold is not None:
        amount, held = _held(amount, hold, problems)
    if not problems:
        if amount is None and counts_optional:
            amount = (None, "set", None, None, False, None)
        if amount is None:
            problems.append(Problem(0, _NO_WORK))
        elif amount[1] == "hold" and amount[3] is None:
            problems.append(Problem(0, "a hold lasts a time; write e.g. '3 holds of 30 seconds'"))
        else:
            sets, set_word, reps, seconds, max_reps, distance = amount
            return Reading(Prescription(sets, reps, seconds, max_reps, side_, set_word, rest,
                                        load, band, tempo, distance, held), ())
    return Reading(None, tuple(problems))


def _read(text: str, hints: bool, leading: bool, counts_optional: bool = False
          ) -> tuple[Reading, int]:
    src = (text if text.isascii() else normalise(text)).lower()
    problems: list[Problem] = []
    extras: dict[str, Any] = {}
    if not hints and not src[:1].isdigit() and _MAYBE_WORK.search(src) is None:
        return _NO_WORK_READING, 0
    amount: Amount | None = None
    pos = 0
    end, size = len(text), len(src)
    clause = _CLAUSE.match
    while pos < size:
        m = clause(src, pos)
        what = "unread" if m is None else (m.lastgroup or "end")  # the clause that matched
        if what == "end":
            break
        if what == "unread" or (what == "sets_only" and not counts_optional):
            # Nothing reads here, or sets with no work where work is required ('2 sets' then
            # a name): the prescription ends here when leading, else the rest is a problem.
            if leading:
                end = pos
            else:
                sep = _SEPARATOR.match(src, pos)
                problems.append(_unreadable(text, src, sep.end() if sep else pos, hints))
            break
        assert m is not None
        if what in ("volume", "work", "sets_only"):
            if amount is not None:
                if leading:
                    end = pos
                else:
                    problems.append(Problem(m.start(what), "a second amount of work; give "
                                                           "one, such as '2 sets of 10 reps'"))
                break
            amount = _amount(m, what, problems)
        else:
            if what == "hold" and what in extras:
                if leading:
                    end = pos
                else:
                    problems.append(Problem(m.start(what), "a second hold; give the hold of "
                                                           "each rep once, as 'hold 5 s each'"))
                break
            extras[what] = _extra(m, what, text, problems)
        pos = m.end()
    return _reading(problems, amount, counts_optional, **extras), end


# --- writing --------------------------------------------------------------------------------

def _plural(n: Range, word: str) -> str:
    return f"{n} {word}" + ("" if n.hi == 1 else "s")


def write_prescription(p: Prescription) -> str:
    """The canonical text of a prescription; '' for one with no counts and nothing else."""
    if p.max_reps:
        work = "max reps"
    elif p.seconds is not None:
        work = _plural(p.seconds, "second")
    elif p.distance is not None:
        work = str(p.distance)
    elif p.reps is not None:
        work = _plural(p.reps, "rep")
    else:
        work = ""
    sets = "" if p.sets is None else _plural(p.sets, p.set_word)
    text = f"{sets} of {work}" if sets and work else sets or work
    if p.side is not None:
        text = f"{text} on each {p.side}".lstrip()
    extras = []
    if p.hold is not None:
        extras.append(f"hold {p.hold} s each")
    if p.rest_seconds is not None:
        extras.append(f"rest {p.rest_seconds} s")
    if p.load is not None:
        extras.append(str(p.load))
    if p.band is not None:
        extras.append(f"band: {p.band}")
    if p.tempo is not None:
        extras.append("tempo " + "-".join(str(d) for d in p.tempo))
    return ", ".join(part for part in (text, *extras) if part)
