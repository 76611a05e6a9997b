"""Prescriptions as people write them: "2-3 sets of 12-15 reps on each leg, rest 60 s".

`read_prescription` reads clauses left to right and reports what it could not read with the
offset of the first character it did not understand, so callers can point at a column.
`write_prescription` prints the canonical form, which `read_prescription` reads back to the
same value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from strongstride.routine.model import Load, LoadUnit, Prescription, Range

# Characters that extraction from web pages and PDFs puts in place of ASCII ones. Each maps to
# exactly one character so columns in the normalised text are columns in the original.
_ONE_FOR_ONE = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u00d7": "x", "\u2715": "x", "\u2716": "x",
        "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
        "\u2009": " ", "\u202f": " ",
    }
)


def normalise(text: str) -> str:
    """Replace typographic dashes, quotes, spaces and the multiplication sign, keeping length."""
    return text.translate(_ONE_FOR_ONE)


LIMITS = {
    "sets": (1, 20),
    "reps": (1, 300),
    "seconds": (1, 3600),
    "rest": (0, 1800),
}
MAX_LOAD = {"kg": 1000.0, "lb": 2200.0}


def _range(name: str) -> str:
    return rf"(?P<{name}_lo>\d{{1,9}})(?:\s*(?:-|to)\s*(?P<{name}_hi>\d{{1,9}}))?"


_TIME_UNIT = r"(?P<{n}_unit>seconds?|secs?|s|minutes?|mins?|m)\b"
_CLOCK = r"(?P<{n}_mm>\d{{1,3}}):(?P<{n}_ss>[0-5]\d)\b"
_MAX = r"(?P<max>amrap|max(?:imum)?\s+reps|to\s+failure|as\s+many\s+reps\s+as\s+possible)\b"


def _work(bare: bool) -> str:
    time = _range("secs") + r"\s*" + _TIME_UNIT.format(n="secs")
    clock = _CLOCK.format(n="secs")
    reps = _range("reps") + (r"(?:\s*(?:reps?|repetitions?)\b)?" if bare else
                             r"\s*(?:reps?|repetitions?)\b")
    return rf"(?:{clock}|{time}|{_MAX}|{reps})"


_SET_WORD = r"(?P<setword>sets?|holds?|rounds?)"
_VOLUME = re.compile(
    rf"{_range('sets')}\s*(?:{_SET_WORD}\s*(?:of\b|x)?|x)\s*{_work(bare=True)}"
)
_WORK_ALONE = re.compile(_work(bare=False))
_SIDE = re.compile(
    r"(?:\(\s*)?(?:(?:on\s+)?(?:each|every|per|a)\s+|/\s*)(?P<side>leg|side)s?\b(?:\s*\))?"
)
_REST = re.compile(
    r"(?:rest\s*:?\s*"
    + _range("rest") + r"\s*" + _TIME_UNIT.format(n="rest")
    + r"|" + _range("rest2") + r"\s*" + _TIME_UNIT.format(n="rest2")
    + r"\s+rest(?:\s+between\s+sets)?\b)"
)
_LOAD = re.compile(
    r"@?\s*(?P<load>\d{1,5}(?:\.\d{1,3})?)\s*(?P<unit>kgs?|kilos?|kilograms?|lbs?|pounds?)\b"
)
_BAND = re.compile(r"band\s*:\s*(?P<band>[a-z][a-z0-9 /+-]*[a-z0-9+]|[a-z])")
_TEMPO = re.compile(r"(?:tempo\s*:?\s*)?(?P<tempo>\d(?:-\d){2,3})\b")
_SEPARATOR = re.compile(r"(?:[\s,;]+|\band\b|\bwith\b|-(?=\s))+")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in a prescription that is wrong; `offset` is 0-based into the text."""

    offset: int
    message: str


@dataclass(frozen=True, slots=True)
class Reading:
    prescription: Prescription | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.prescription is not None and not self.problems


def _seconds(m: re.Match[str], name: str) -> Range:
    if m.groupdict().get(f"{name}_mm"):
        total = int(m.group(f"{name}_mm")) * 60 + int(m.group(f"{name}_ss"))
        return Range(total, total)
    lo = int(m.group(f"{name}_lo"))
    hi_text = m.group(f"{name}_hi")
    hi = int(hi_text) if hi_text else lo
    if m.group(f"{name}_unit").startswith("m"):
        lo, hi = lo * 60, hi * 60
    return Range(lo, hi)


def _count(m: re.Match[str], name: str) -> Range:
    lo = int(m.group(f"{name}_lo"))
    hi_text = m.group(f"{name}_hi")
    return Range(lo, int(hi_text) if hi_text else lo)


def _check(value: Range, what: str, offset: int, problems: list[Problem]) -> None:
    low, high = LIMITS[what]

    def amount(n: int) -> str:
        return f"a rest of {n} s" if what == "rest" else f"{n} {what}"

    if value.lo > value.hi:
        problems.append(Problem(offset, f"the range {value.lo}-{value.hi} runs backwards; "
                                        f"write the smaller number first ({value.hi}-{value.lo})"))
    elif value.lo < low:
        problems.append(Problem(offset, f"{amount(value.lo)} is too few; use at least {low}"))
    elif value.hi > high:
        problems.append(Problem(offset, f"{amount(value.hi)} is more than the {amount(high)} "
                                        "allowed; check for a typo"))


def _read_work(m: re.Match[str], p: Prescription, problems: list[Problem]) -> Prescription:
    if m.group("max"):
        return replace(p, max_reps=True)
    if m.group("secs_mm") or m.group("secs_lo"):
        seconds = _seconds(m, "secs")
        _check(seconds, "seconds", m.start(), problems)
        return replace(p, seconds=seconds)
    reps = _count(m, "reps")
    _check(reps, "reps", m.start("reps_lo"), problems)
    return replace(p, reps=reps)


_WORDS = ("set", "sets", "rep", "reps", "hold", "holds", "seconds", "sec", "min", "minutes",
          "rest", "each", "leg", "side", "per", "kg", "lb", "lbs", "band", "tempo", "amrap",
          "max", "failure", "of", "on")


def _unreadable(text: str, src: str, pos: int) -> Problem:
    import difflib

    word = re.match(r"[a-z]+|\S+", src[pos:])
    shown = word.group(0) if word else src[pos:]
    # A swapped pair of letters is the commonest typo: prefer a word with the same letters.
    close = [w for w in _WORDS if sorted(w) == sorted(shown)] or difflib.get_close_matches(
        shown, _WORDS, n=1, cutoff=0.7)
    hint = (f"did you mean '{close[0]}'?" if close else
            "write e.g. '2 sets of 10 reps on each leg', '3 holds of 30 seconds', "
            "'rest 60 s', '12 kg'")
    return Problem(pos, f"cannot read '{text[pos:pos + len(shown)]}'; {hint}")


def read_prescription(text: str) -> Reading:
    """Read a prescription. Unknown words are problems, never silently ignored."""
    src = normalise(text).lower()
    problems: list[Problem] = []
    p = Prescription()
    has_work = False
    pos = 0
    end = len(src.rstrip())
    while True:
        sep = _SEPARATOR.match(src, pos)
        if sep:
            pos = sep.end()
        if pos >= end:
            break
        if m := _TEMPO.match(src, pos):
            p = replace(p, tempo=tuple(int(d) for d in m.group("tempo").split("-")))
        elif m := _REST.match(src, pos):
            name = "rest" if m.group("rest_lo") else "rest2"
            rest = _seconds(m, name)
            _check(rest, "rest", m.start(), problems)
            p = replace(p, rest_seconds=rest)
        elif (m := _VOLUME.match(src, pos)) or (m := _WORK_ALONE.match(src, pos)):
            if has_work:
                problems.append(Problem(pos, "a second amount of work; give one, "
                                             "such as '2 sets of 10 reps'"))
                break
            has_work = True
            if "sets_lo" in m.re.groupindex and m.group("sets_lo"):
                sets = _count(m, "sets")
                _check(sets, "sets", m.start(), problems)
                word = m.group("setword") or "set"
                p = replace(p, sets=sets, set_word="hold" if word.startswith("hold") else "set")
            p = _read_work(m, p, problems)
        elif m := _SIDE.match(src, pos):
            side = m.group("side")
            p = replace(p, side="leg" if side == "leg" else "side")
        elif m := _LOAD.match(src, pos):
            value = float(m.group("load"))
            unit: LoadUnit = "kg" if m.group("unit").startswith("k") else "lb"
            if not 0 < value <= MAX_LOAD[unit]:
                problems.append(Problem(m.start("load"),
                                        f"a load of {value:g} {unit} is out of range; "
                                        f"use more than 0 and at most {MAX_LOAD[unit]:g} {unit}"))
            p = replace(p, load=Load(value, unit))
        elif m := _BAND.match(src, pos):
            p = replace(p, band=text[m.start("band"):m.end("band")].strip())
        else:
            problems.append(_unreadable(text, src, pos))
            break
        pos = m.end()
    if not has_work and not problems:
        problems.append(Problem(0, "no reps or time given; write e.g. '2 sets of 10 reps' "
                                   "or '3 holds of 30 seconds'"))
    if p.set_word == "hold" and not p.is_timed and not problems:
        problems.append(Problem(0, "a hold lasts a time; write e.g. '3 holds of 30 seconds'"))
    return Reading(None if problems else p, tuple(problems))


def _plural(n: Range, word: str) -> str:
    return f"{n} {word}" + ("" if n.hi == 1 else "s")


def write_prescription(p: Prescription) -> str:
    """The canonical text of a prescription."""
    if p.max_reps:
        work = "max reps"
    elif p.seconds is not None:
        work = _plural(p.seconds, "second")
    else:
        assert p.reps is not None
        work = _plural(p.reps, "rep")
    text = f"{_plural(p.sets, p.set_word)} of {work}" if p.sets is not None else work
    if p.side is not None:
        text += f" on each {p.side}"
    extras = []
    if p.rest_seconds is not None:
        extras.append(f"rest {p.rest_seconds} s")
    if p.load is not None:
        extras.append(str(p.load))
    if p.band is not None:
        extras.append(f"band: {p.band}")
    if p.tempo is not None:
        extras.append("tempo " + "-".join(str(d) for d in p.tempo))
    return ", ".join([text, *extras])
