"""Golden files for the demo data at a fixed day: `report --json` and the text of the HTML
report. A diff shows what changed; after a change you mean, refresh them with
STRONGSTRIDE_UPDATE_GOLDEN=1 and read the diff before committing."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

from strongstride.analysis import report_dict
from strongstride.app import Strongstride
from strongstride.reports.html import document
from strongstride.reports.view import view
from strongstride.store import Store
from tests.conftest import Run
from tests.reports.conftest import GOLDEN, TODAY

UPDATE = os.environ.get("STRONGSTRIDE_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{path} differs; if the change is meant, rerun with STRONGSTRIDE_UPDATE_GOLDEN=1")


class _Text(HTMLParser):
    """The text a reader sees (chart titles, descriptions and labels included), a line per
    block, without the style sheet."""

    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "tr", "caption", "summary", "title",
                        "desc", "text", "section", "figure", "figcaption"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def test_report_json_of_the_demo(demo_store: Store) -> None:
    found = Strongstride(demo_store).report(demo_store.ensure_user("me"), TODAY)
    check_golden("demo_report.json", json.dumps(report_dict(found), indent=2,
                                                ensure_ascii=False) + "\n")


def test_html_report_text_of_the_demo(demo_store: Store) -> None:
    found = Strongstride(demo_store).report(demo_store.ensure_user("me"), TODAY)
    check_golden("demo_report.txt", html_text(document(view(found, weeks=12))))


def test_the_console_script_prints_the_golden_json(run: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    made = run("--db", db, "demo", "--today", TODAY.isoformat())
    assert made.returncode == 0, made.stderr
    assert "Added 20 demo sessions" in made.stdout
    shown = run("--db", db, "report", "--json", "--today", TODAY.isoformat())
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == (GOLDEN / "demo_report.json").read_text(encoding="utf-8")
