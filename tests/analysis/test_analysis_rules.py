"""The analysis package stays pure, and docs/analysis.md lists every setting with its default."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from strongstride.analysis import Settings
from strongstride.analysis.settings import DEFAULT_RPE_TABLE

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "strongstride" / "analysis"
DOC = (ROOT / "docs" / "analysis.md").read_text()

ALLOWED = {
    "__future__", "collections", "dataclasses", "datetime", "functools", "math", "re", "statistics",
    "typing", "strongstride.analysis", "strongstride.records", "strongstride.library",
    "strongstride.routine.model",
}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_database_framework_or_clock(path: Path) -> None:
    outside = {name for name in imports(path)
               if not any(name == ok or name.startswith(ok + ".") for ok in ALLOWED)}
    assert outside == set()
    text = path.read_text()
    for clock in (".now(", ".today(", "time.time", "utcnow"):
        assert clock not in text


def _doc_rows() -> dict[str, str]:
    rows = {}
    for line in DOC.split("## Settings", 1)[1].split("\n## ", 1)[0].splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in line.split("|")[1:-1]]
            rows[cells[0].strip("`")] = cells[1]
    return rows


def test_every_setting_is_documented_with_its_default() -> None:
    rows = _doc_rows()
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    assert set(rows) == set(fields)
    defaults = Settings()
    for name, documented in rows.items():
        value = getattr(defaults, name)
        if isinstance(value, str):
            assert documented == f'`"{value}"`', name
        elif isinstance(value, int | float):
            assert documented == f"`{value!r}`", name


def test_the_documented_rpe_table_is_the_default() -> None:
    rows = _doc_rows()
    assert rows["rpe_table"] == "5-6: +2 steps, 7: +1, 8: 0, 9: -1, 10: -2"
    assert [(r.rpe_max, r.steps) for r in DEFAULT_RPE_TABLE] == [
        (6, 2), (7, 1), (8, 0), (9, -1), (10, -2)]


def test_settings_are_frozen_and_checked() -> None:
    settings = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.lsi_cutoff = 80  # type: ignore[misc]
    with pytest.raises(ValueError, match="green_max < amber_max"):
        Settings(green_max=5, amber_max=5)
    with pytest.raises(ValueError, match="same_side_weaker"):
        Settings(same_side_weaker=5)
    assert settings.load_step("lb") == 5.0 and settings.load_step(None) == 2.5
    assert [settings.rpe_steps(r) for r in (4, 5, 6, 6.5, 7, 7.5, 8, 9, 10, 11)] == [
        2, 2, 2, 1, 1, 0, 0, -1, -2, -2]
