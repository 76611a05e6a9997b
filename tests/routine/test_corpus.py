"""The import corpus is well formed (issue 13; labels as ../shared/IMPORT-LABELS.md says).

Development texts are in corpus/texts, validation texts in corpus/validation/texts; each has a
label of the same name in the labels folder beside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CORPUS = Path(__file__).parent / "corpus"
PARTS = (CORPUS, CORPUS / "validation")
SOURCE = "# source: "
EXERCISE_FIELDS = {"name": str, "sets": "range", "reps": "range", "seconds": "range",
                   "per_side": bool, "rest_seconds": "range", "notes": str}


def texts(part: Path) -> list[Path]:
    return sorted((part / "texts").glob("*"))


def labels(part: Path) -> list[Path]:
    return sorted((part / "labels").glob("*"))


ALL_TEXTS = [t for part in PARTS for t in texts(part)]


def label_path(text: Path) -> Path:
    return text.parent.parent / "labels" / f"{text.stem}.json"


def source_of(text: Path) -> str:
    first = text.read_text("utf-8").split("\n", 1)[0]
    assert first.startswith(SOURCE), f"{text}: line 1 is not '{SOURCE}<address>'"
    return first[len(SOURCE):].strip()


def site(address: str) -> str:
    host = urlsplit(address).hostname or ""
    return host.removeprefix("www.")


@pytest.mark.parametrize("part", PARTS, ids=["development", "validation"])
def test_every_text_has_its_label_and_every_label_its_text(part: Path) -> None:
    assert {p.name for p in texts(part)} == {f"{p.stem}.txt" for p in labels(part)}
    assert all(p.suffix == ".json" for p in labels(part))


def range_problem(value: Any) -> str | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        return f"{value!r} is not [min, max] of whole numbers or null"
    return None if 0 <= value[0] <= value[1] else f"{value!r} has min > max or is negative"


def label_problems(label: Any) -> list[str]:
    """What is wrong with a label's shape, each with where it is."""
    if not isinstance(label, dict) or set(label) != {"source", "sections"}:
        return ["the label is not exactly {source, sections}"]
    problems = [] if isinstance(label["source"], str) else ["source is not a string"]
    if not isinstance(label["sections"], list) or not label["sections"]:
        return [*problems, "sections is not a non-empty list"]
    for s, section in enumerate(label["sections"]):
        where = f"sections[{s}]"
        if not isinstance(section, dict) or set(section) != {"title", "exercises"}:
            problems.append(f"{where} is not exactly {{title, exercises}}")
            continue
        if not isinstance(section["title"], str) or not section["title"]:
            problems.append(f"{where}.title is not a non-empty string")
        if not isinstance(section["exercises"], list):
            problems.append(f"{where}.exercises is not a list")
            continue
        for e, exercise in enumerate(section["exercises"]):
            at = f"{where}.exercises[{e}]"
            if not isinstance(exercise, dict) or set(exercise) != set(EXERCISE_FIELDS):
                problems.append(f"{at} does not have exactly the fields {sorted(EXERCISE_FIELDS)}")
                continue
            for key, kind in EXERCISE_FIELDS.items():
                value = exercise[key]
                if kind == "range":
                    problem = range_problem(value)
                    if problem:
                        problems.append(f"{at}.{key}: {problem}")
                elif not isinstance(value, kind):  # type: ignore[arg-type]
                    problems.append(f"{at}.{key} is not a {kind.__name__}")  # type: ignore[union-attr]
            if isinstance(exercise["name"], str) and not exercise["name"].strip():
                problems.append(f"{at}.name is empty")
    return problems


@pytest.mark.parametrize("text", ALL_TEXTS, ids=[t.stem for t in ALL_TEXTS])
def test_each_label_has_the_documented_shape_and_the_text_s_source(text: Path) -> None:
    label = json.loads(label_path(text).read_text("utf-8"))
    assert label_problems(label) == []
    assert label["source"] == source_of(text)
    assert urlsplit(label["source"]).scheme in ("http", "https")


def test_the_shape_check_finds_what_is_wrong() -> None:
    good = {"name": "Squat", "sets": [2, 3], "reps": None, "seconds": None, "per_side": False,
            "rest_seconds": [60, 90], "notes": ""}
    assert label_problems({"source": "x", "sections": [{"title": "main",
                                                        "exercises": [good]}]}) == []
    bad = [{**good, "sets": [3, 2]}, {**good, "reps": [10]}, {**good, "per_side": "yes"},
           {**good, "seconds": [True, True]}, {k: v for k, v in good.items() if k != "notes"},
           {**good, "load": "20 kg"}]
    problems = label_problems({"source": "x", "sections": [{"title": "main", "exercises": bad}]})
    assert [p.split(":")[0].split(" ")[0] for p in problems] == [
        "sections[0].exercises[0].sets", "sections[0].exercises[1].reps",
        "sections[0].exercises[2].per_side", "sections[0].exercises[3].seconds",
        "sections[0].exercises[4]", "sections[0].exercises[5]"]


def test_the_corpus_is_large_and_varied_with_a_quarter_kept_for_validation() -> None:
    assert len(ALL_TEXTS) >= 80
    assert len({site(source_of(t)) for t in ALL_TEXTS}) >= 50
    share = len(texts(CORPUS / "validation")) / len(ALL_TEXTS)
    assert 0.20 <= share <= 0.30, f"validation holds {share:.0%} of the texts"
