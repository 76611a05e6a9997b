"""The docs' examples run and say what the program does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from strongstride.routine.parse import parse_routine
from strongstride.routine.prescription import read_prescription
from tests.conftest import ROOT, Run

FORMAT_DOC = (ROOT / "docs" / "routine-format.md").read_text()
JSON_DOC = (ROOT / "docs" / "json.md").read_text()


def fenced(text: str, lang: str = "") -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_the_routine_example_in_the_format_doc_is_valid() -> None:
    examples = [block for block in fenced(FORMAT_DOC) if block.startswith("# ")]
    assert examples
    for block in examples:
        parsed = parse_routine(block)
        assert parsed.issues == ()


def _prescription_table() -> list[str]:
    table = FORMAT_DOC.split("## Prescriptions", 1)[1].split("### Limits", 1)[0]
    cells = [line.split("|")[1] for line in table.splitlines()
             if line.startswith("| `")]
    return [example for cell in cells for example in re.findall(r"`([^`]+)`", cell)]


@pytest.mark.parametrize("example", _prescription_table())
def test_every_prescription_example_reads(example: str) -> None:
    alone = read_prescription(example)
    with_work = read_prescription("2 sets of 10 reps " + example)
    assert alone.ok or with_work.ok, (alone.problems, with_work.problems)


def test_the_error_example_is_what_check_prints(run: Run, tmp_path: Path) -> None:
    block = next(b for b in fenced(FORMAT_DOC) if b.startswith("$ strongstride check"))
    documented = block.strip().splitlines()[1:]
    (tmp_path / "hips.routine").write_text(
        "## main\nSquat: 2 sets of 10 rpes\nLunge: 0 sets of 8 reps\n"
        "## warmup\nA: 1 set of 5 reps\n")
    result = run("check", "hips.routine", cwd=tmp_path)
    assert result.stdout.splitlines() == documented


def test_the_json_examples_parse_and_name_the_documented_fields() -> None:
    blocks = fenced(JSON_DOC, "json")
    import_example = json.loads(blocks[0])
    assert set(import_example) == {"title", "sections"}
    assert set(import_example["sections"][0]) == {"title", "kind", "setup", "exercises"}
    assert set(import_example["sections"][0]["exercises"][0]) == {
        "name", "sets", "reps", "seconds", "per_side", "rest_seconds", "notes"}
    check_example = json.loads(blocks[2])
    assert set(check_example) == {"file", "ok", "issues"}


def test_the_show_json_total_in_the_doc_is_current(run: Run) -> None:
    data = json.loads(run("show", "--json").stdout)
    documented = re.search(r'"estimated_seconds": (\{.*\})', JSON_DOC)
    assert documented is not None
    assert json.loads(documented.group(1)) == data["estimated_seconds"]
