"""`strongstride report` and `strongstride demo` through the installed console script."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import Run
from tests.reports.conftest import TODAY


def test_demo_fills_an_empty_database_and_refuses_a_full_one(run: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    assert run("--db", db, "demo", "--weeks", "3", "--today", "2026-04-07").returncode == 0
    again = run("--db", db, "demo", "--weeks", "3", "--today", "2026-04-07")
    assert again.returncode == 1
    assert "me has sessions already" in again.stderr and "--force" in again.stderr
    forced = run("--db", db, "demo", "--weeks", "3", "--today", "2026-04-07", "--force")
    assert forced.returncode == 0 and "Added 0 demo sessions" in forced.stdout
    other = run("--db", db, "demo", "--weeks", "3", "--user", "alice", "--today",
                "2026-04-07")
    assert other.returncode == 0 and "for alice" in other.stdout


def test_report_in_the_terminal_html_and_pdf(run: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    assert run("--db", db, "demo", "--today", TODAY.isoformat()).returncode == 0
    shown = run("--db", db, "report", "--today", TODAY.isoformat())
    assert shown.returncode == 0, shown.stderr
    for words in ("Left/right symmetry", "flagged", "Next session", "Pain", "Adherence",
                  "Eccentric heel raise", "2026-W09"):
        assert words in shown.stdout, words
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    made = run("--db", db, "report", "--today", TODAY.isoformat(), "--html", str(html),
               "--pdf", str(pdf))
    assert made.returncode == 0, made.stderr
    assert "<svg" in html.read_text() and "<script" not in html.read_text()
    assert PdfReader(io.BytesIO(pdf.read_bytes())).pages


def test_an_empty_report_and_an_unwritable_file(run: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    shown = run("--db", db, "report")
    assert shown.returncode == 0 and "Collecting data" in shown.stdout
    bad = run("--db", db, "report", "--html", str(tmp_path / "no" / "such" / "r.html"))
    assert bad.returncode == 1 and "cannot write it" in bad.stderr
    nobody = run("--db", db, "report", "--user", "nobody")
    assert nobody.returncode == 1 and "no user called 'nobody'" in nobody.stderr


def test_the_commands_have_help(run: Run) -> None:
    for command in ("report", "demo"):
        helped = run(command, "--help")
        assert helped.returncode == 0 and "--today" in helped.stdout
