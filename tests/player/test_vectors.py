"""The player vectors (vectors.json): the Python machine plays them as written, the file is
what the generator makes today, and the page's machine.js plays them too (in Node)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any, get_args

import pytest

from strongstride.player.machine import CueKind, Effect
from strongstride.player.machine import resume_index as python_resume_index
from strongstride.routines import plan_dict
from tests.player.make_vectors import (
    EVENT_TYPES,
    REGENERATE,
    VECTORS,
    build,
    replay,
    source,
    text,
)

ROOT = Path(__file__).resolve().parents[2]
FILE: dict[str, Any] = json.loads(VECTORS.read_text(encoding="utf-8"))


def _first_difference(old: Any, new: Any, where: str = "") -> str:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            if key not in old or key not in new:
                return f"{where}.{key}: only in the {'new' if key in new else 'old'} vectors"
            found = _first_difference(old[key], new[key], f"{where}.{key}")
            if found:
                return found
        return ""
    if isinstance(old, list) and isinstance(new, list):
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            found = _first_difference(a, b, f"{where}[{i}]")
            if found:
                return found
        if len(old) != len(new):
            return f"{where}: {len(old)} items in the file, {len(new)} now"
        return ""
    return "" if old == new else f"{where}: {old!r} in the file, {new!r} now"


def test_the_file_is_what_the_generator_makes_now() -> None:
    fresh = build()
    on_disk = VECTORS.read_text(encoding="utf-8")
    if on_disk != text(fresh):
        where = _first_difference(FILE, fresh) or "only its layout"
        pytest.fail(f"tests/player/vectors.json is out of date (first difference: {where}).\n"
                    f"If the rules changed on purpose, run `{REGENERATE}`, then check that "
                    "`node --test tests/js` still passes (machine.js must follow).")


@pytest.mark.parametrize("name", FILE["plans"])
def test_each_plan_is_the_one_the_page_receives(name: str) -> None:
    assert plan_dict(source(FILE, name).plan()) == FILE["plans"][name]["plan"]


@pytest.mark.parametrize("sequence", FILE["sequences"], ids=lambda s: s["name"])
def test_the_python_machine_plays_each_sequence_as_written(sequence: dict[str, Any]) -> None:
    plan = source(FILE, sequence["plan"]).plan()
    for i, expected, got in replay(plan, sequence):
        where = "the start" if i < 0 else f"event {i} ({json.dumps(expected['event'])})"
        assert got == expected, f"{sequence['name']}: {where}"


def test_the_python_machine_resumes_where_the_file_says() -> None:
    plans = {name: source(FILE, name).plan() for name in FILE["plans"]}
    for case in FILE["resume"]:
        assert python_resume_index(plans[case["plan"]], frozenset(case["done"])) == case["index"]


def test_the_sequences_cover_every_event_effect_and_cue() -> None:
    records = [r for s in FILE["sequences"] for r in s["events"]]
    events = {r["event"]["type"] for r in records}
    effects = [e for r in records for e in r["effects"]]
    assert events == set(EVENT_TYPES)
    assert {e["type"] for e in effects} == {t.__name__.lower() for t in get_args(Effect)}
    assert {e["kind"] for e in effects if e["type"] == "cue"} == set(get_args(CueKind))
    assert any(r["event"].get("clearLoad") for r in records)
    texts = {e["text"] for e in effects if e["type"] == "cue"}
    assert "Next: Standing clamshell, no band" in texts
    assert {e["status"] for e in effects if e["type"] == "ended"} == {"finished", "abandoned"}


def test_machine_js_plays_the_vectors_in_node() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: machine.js cannot be checked against the vectors")
    done = subprocess.run([node, "--test", "tests/js"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
