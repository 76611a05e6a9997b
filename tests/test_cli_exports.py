"""`strongstride export` through the console script, read back by the owners' libraries."""

from __future__ import annotations

from pathlib import Path

from garmin_fit_sdk import Decoder, Stream  # type: ignore[import-untyped]
from pypdf import PdfReader

from tests.conftest import Run


def test_export_fit_and_pdf(run: Run, tmp_path: Path) -> None:
    fit, pdf = tmp_path / "glute.fit", tmp_path / "glute.pdf"
    result = run("export", "--fit", str(fit), "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr
    assert Decoder(Stream.from_file(str(fit))).check_integrity()
    messages, errors = Decoder(Stream.from_file(str(fit))).read()
    assert errors == []
    assert messages["workout_mesgs"][0]["wkt_name"] == "Butt and Leg Workout for Runners"
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Eccentric heel raise" in text and "Lauren Wentz" in text


def test_export_needs_a_format(run: Run) -> None:
    result = run("export")
    assert result.returncode == 2
    assert "--fit FILE and/or --pdf FILE" in result.stderr


def test_export_to_a_folder_that_does_not_exist_is_a_clear_error(run: Run,
                                                                  tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "x.fit"
    result = run("export", "--fit", str(target))
    assert result.returncode == 1
    assert "cannot write it" in result.stderr and "Traceback" not in result.stderr
    assert not target.parent.exists()
