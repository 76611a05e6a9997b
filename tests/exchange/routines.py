"""Routines and golden-file settings shared by the export tests (FIT and the card)."""

from __future__ import annotations

import os
from pathlib import Path

from strongstride.routine.model import Routine
from strongstride.routine.parse import parse_routine
from strongstride.routines import load_routine

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("STRONGSTRIDE_UPDATE_GOLDEN") == "1"

CIRCUIT = """# Hip circuit
credit: A. Physio
equipment: loop band
## warm-up
Leg swings: 1 set of 10 reps on each leg
## main, 3 rounds: Circuit
Goblet squat: 12-15 reps, 16 kg
Side plank: 30 seconds on each side
Monster walk: max reps, band: heavy
## cool-down
Half pigeon: 2-3 holds of 30-45 seconds on each leg, rest 20-30 s
Mystery move: 2 sets of 8 reps, 35 lb, tempo 3-1-1, rest 0 s
"""


def seed() -> Routine:
    return load_routine("runner-glute").routine


def circuit() -> Routine:
    routine = parse_routine(CIRCUIT).routine
    assert routine is not None
    return routine
