"""Prescriptions written in a sentence: 'Hold for 30 seconds and repeat 3-5 times before
switching sides', 'Build up to 15 repetitions per leg', 'Do five to 10 reps, then switch sides'.

`prose_prescription` looks for a few phrases only (a hold, a count of reps, a count of sets or
times, a side), so a sentence that says nothing of the kind gives None. The importer uses it
for the paragraph under an exercise's name when the name line gives no count itself.
"""

from __future__ import annotations

import re

from strongstride.routine.model import Prescription, Range, SideWord
from strongstride.routine.prescription import LIMITS, normalise

_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
          "seven": "7", "eight": "8", "nine": "9", "ten": "10", "twelve": "12",
          "fifteen": "15", "twenty": "20", "thirty": "30", "sixty": "60"}
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_WORDS) + r")\b")
_N = r"(\d{1,3})(?:\s*(?:-|to|or)\s*(\d{1,3}))?"
_HOLD = re.compile(r"\bhold(?:\s+(?:it|this|that|the\s+\w+|each\s+\w+|your\s+\w+))?"
                   r"\s+(?:for\s+)?(?:about\s+|up\s+to\s+)?" + _N
                   + r"\s*(seconds?|minutes?|secs?\b|mins?\b|s\b)")  # 'secondsand': as pasted
_REPS = re.compile(r"\b" + _N + r"\s*(?:reps?|repetitions?)\b")
_SETS = re.compile(r"\b" + _N + r"\s*(?:sets?|holds?|times)\b"
                   r"(?!\s+(?:a|per|each|every)\s+(?:day|week|session))")
_SIDE = re.compile(r"\b(?:(?:each|per|every|other)\s+(?P<a>side|leg)"
                   r"|switch(?:ing)?\s+(?P<b>sides|legs)|both\s+(?P<c>sides|legs))\b")


def _range(m: re.Match[str], scale: int = 1) -> Range:
    lo = int(m.group(1)) * scale
    return Range(lo, int(m.group(2)) * scale if m.group(2) else lo)


def prose_prescription(text: str) -> Prescription | None:
    """The prescription a sentence gives, or None when it gives no hold and no reps (or both,
    which a prescription cannot hold), or a number out of range."""
    low = normalise(text).lower()
    if "hold" not in low and "rep" not in low:
        return None
    low = _NUMBER_WORD.sub(lambda m: _WORDS[m.group()], low)
    hold, reps = _HOLD.search(low), _REPS.search(low)
    if hold is None and reps is None:
        return None
    seconds = count = held = None
    if hold is not None:
        seconds = _range(hold, 60 if hold.group(3)[0] == "m" else 1)
        if not LIMITS["seconds"][0] <= seconds.lo <= seconds.hi <= LIMITS["seconds"][1]:
            return None
    if reps is not None:
        count = _range(reps)
        if not LIMITS["reps"][0] <= count.lo <= count.hi <= LIMITS["reps"][1]:
            return None
        if seconds is not None:  # 'hold for 8-10 seconds, 3-5 reps': a hold in each rep
            if seconds.hi > LIMITS["hold"][1]:
                return None
            seconds, held = None, seconds
    sets = None
    if (s := _SETS.search(low)) is not None:
        sets = _range(s)
        if not 1 <= sets.lo <= sets.hi <= LIMITS["sets"][1]:
            sets = None
    side: SideWord | None = None
    if (m := _SIDE.search(low)) is not None:
        side = "leg" if (m.group("a") or m.group("b") or m.group("c"))[:3] == "leg" else "side"
    return Prescription(sets=sets, reps=count, seconds=seconds, side=side, hold=held)


# What a description says of the count and the side once it is known to describe a movement:
# 'Raise and lower three or four times', 'Do 15-20 each side', 'Repeat on the other leg'.
_TIMES = re.compile(r"\b(?:do|repeat|perform|complete|raise\s+and\s+lower|roll)?\s*" + _N
                    + r"\s*(?:times|reps?|repetitions?"
                    + r"|(?=\s*(?:on\s+)?(?:each|per)\s+(?:side|leg)))\b")
_SETS_WORD = re.compile(r"\b" + _N + r"\s*sets?\b")
_FOR = re.compile(r"\b(?:hold|stay|remain|for)\b[^.]{0,40}?\b" + _N
                  + r"\s*(seconds?|minutes?|secs?\b|mins?\b|s\b)")
_OTHER_SIDE = re.compile(
    r"\b(?:(?:repeat|switch|change)\s+(?:on\s+|to\s+|with\s+)?(?:the\s+)?"
    r"(?:(?:other|opposite|right|left)\b\s*(?P<a>side|leg)?|(?P<c>sides|legs)\b)"
    r"|(?:each|per|every|other|opposite)\s+(?P<b>side|leg)s?\b"
    r"|\bthen\s+switch\b(?!\s+(?:to|the|your)\s+(?!other|opposite)))")


def described_prescription(text: str) -> Prescription:
    """The count a movement's description gives, looser than `prose_prescription`: the text
    is known to describe a movement, so a count of times, a hold for a time, or only a side
    ('Repeat on the other leg') is read. Nothing found gives an empty prescription."""
    given = prose_prescription(text)
    low = _NUMBER_WORD.sub(lambda m: _WORDS[m.group()], normalise(text).lower())
    if given is None:
        hold, times = _FOR.search(low), _TIMES.search(low)
        seconds = reps = None
        if hold is not None and times is None:
            seconds = _range(hold, 60 if hold.group(3)[0] == "m" else 1)
            if not LIMITS["seconds"][0] <= seconds.lo <= seconds.hi <= LIMITS["seconds"][1]:
                seconds = None
        elif times is not None and hold is None:
            reps = _range(times)
            if not LIMITS["reps"][0] <= reps.lo <= reps.hi <= LIMITS["reps"][1]:
                reps = None
        sets = None
        if (s := _SETS_WORD.search(low)) is not None:  # 'repeat 8 to 10 times for 3 sets'
            sets = _range(s)
            if not 1 <= sets.lo <= sets.hi <= LIMITS["sets"][1]:
                sets = None
        given = Prescription(sets=sets, reps=reps, seconds=seconds)
    if given.side is None and (side := side_said(low)) is not None:
        given = Prescription(sets=given.sets, reps=given.reps, seconds=given.seconds,
                             side=side)
    return given


def side_said(text: str) -> SideWord | None:
    """The side a sentence gives a movement: 'Repeat on the other leg', 'switch sides', 'on
    each side'; not 'both legs'."""
    m = _OTHER_SIDE.search(normalise(text).lower())
    if m is None:
        return None
    word = m.group("a") or m.group("b") or m.group("c") or "side"
    return "leg" if word.startswith("leg") else "side"


# The work a sentence gives every exercise of a block: 'do each exercise for 40 seconds',
# 'complete 3 sets of 15 repetitions', '45 seconds of work, 15 seconds of rest'.
_WORK_FOR = re.compile(r"\b(?:for|do|perform|work)\b[^.,;]{0,30}?\b" + _N
                       + r"\s*(seconds?|minutes?|secs?\b|mins?\b|s\b)(?!\s*(?:of\s+)?rest)")
_WORK_ON = re.compile(_N + r"\s*(seconds?|secs?\b|s\b)\s*(?:on|of\s+work|work)\b")
_EACH_MOVE = re.compile(r"\b(?:each|every|all)\s+(?:of\s+the\s+)?(?:exercises?|moves?|movements?"
                        r"|stations?|drills?|poses?|stretch(?:es)?)\b")


def block_work(text: str) -> Prescription | None:
    """The reps or the time a block's sentence gives each of its exercises, with its side; None
    when it gives neither. 'Rest 20 seconds' is not work."""
    low = _NUMBER_WORD.sub(lambda m: _WORDS[m.group()], normalise(text).lower())
    given = prose_prescription(text)
    if given is not None and (given.reps is not None or given.seconds is not None):
        return given
    m = _WORK_FOR.search(low) or _WORK_ON.search(low)
    if m is None:
        return None
    seconds = _range(m, 60 if m.group(3)[0] == "m" else 1)
    if not LIMITS["seconds"][0] <= seconds.lo <= seconds.hi <= LIMITS["seconds"][1]:
        return None
    side: SideWord | None = None
    if (s := _SIDE.search(low)) is not None:
        side = "leg" if (s.group("a") or s.group("b") or s.group("c"))[:3] == "leg" else "side"
    return Prescription(seconds=seconds, side=side)


def says_each_move(text: str) -> bool:
    """The sentence speaks of each exercise of a block ('Perform each move for 30 s')."""
    return _EACH_MOVE.search(normalise(text).lower()) is not None


_BLOCK_REST = re.compile(r"\brest(?:ing)?\s+(?:for\s+)?(?:about\s+)?" + _N
                         + r"\s*(seconds?|minutes?|secs?|mins?|s)\b"
                         + r"(?!\s+(?:between|after|at\s+the\s+end\s+of)\s+(?:each\s+)?"
                         + r"(?:rounds?|circuits?|sets\s+of\s+the\s+circuit|blocks?))")


def block_rest(text: str) -> Range | None:
    """The rest a block's sentence gives after each exercise or set ('then rest 20 seconds'),
    not the rest between rounds of a circuit."""
    low = normalise(text).lower()
    if "rest" not in low:
        return None
    m = _BLOCK_REST.search(_NUMBER_WORD.sub(lambda m: _WORDS[m.group()], low))
    if m is None:
        return None
    rest = _range(m, 60 if m.group(3)[0] == "m" else 1)
    return rest if LIMITS["rest"][0] <= rest.lo <= rest.hi <= LIMITS["rest"][1] else None
