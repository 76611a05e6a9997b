"""What the renderers make of the demo report: accessible SVG charts whose numbers are also
in tables, a self-contained HTML file, a PDF that opens and names the exercises, and a small
still of each exercise beside its name in the next session's table."""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from strongstride.app import Strongstride
from strongstride.figures import COLOURS, Circle, has_figure
from strongstride.library import default_library
from strongstride.reports.html import document
from strongstride.reports.pdf import latin, render
from strongstride.reports.view import ReportView, Table, view
from strongstride.store import Store
from tests.reports.conftest import TODAY
from tests.stand_in_figures import figures_folder  # noqa: F401

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def shown(demo_store: Store) -> ReportView:
    return view(Strongstride(demo_store).report(demo_store.ensure_user("me"), TODAY), weeks=12)


def test_every_chart_is_an_image_with_a_title_a_description_and_a_table(
        shown: ReportView) -> None:
    charts = [c for s in shown.sections for c in s.charts]
    assert {"chart-symmetry", "chart-calendar", "chart-volume"} <= {c.ident for c in charts}
    assert sum(c.ident.startswith("chart-progress") for c in charts) >= 5
    for chart in charts:
        root = ET.fromstring(chart.svg())
        assert root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and title.text == chart.title
        assert desc is not None and desc.text
        assert root.get("aria-labelledby") == f"{chart.ident}-t {chart.ident}-d"
        assert chart.table.rows
        plain = ET.fromstring(chart.svg(False))
        assert plain.find(f"{SVG}title") is None and plain.get("role") is None


def test_the_symmetry_chart_draws_the_cutoff_and_the_numbers_are_in_its_table(
        shown: ReportView) -> None:
    chart = next(c for s in shown.sections for c in s.charts if c.ident == "chart-symmetry")
    drawn = chart.svg()
    assert ">90%<" in drawn and 'stroke-dasharray="5 3"' in drawn
    rows = {row[0]: row for row in chart.table.rows}
    assert rows["Single-leg bridge with adductor ball squeeze"][1:4] == ("flagged", "88%",
                                                                          "left")
    assert "88% flagged" in drawn


def test_the_html_file_stands_alone(shown: ReportView) -> None:
    page = document(shown)
    assert "<script" not in page
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
    assert "<style>" in page and page.count("<svg") >= 8
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for ref in re.findall(r'aria-labelledby="([^"]+)"', page):
        assert all(part in ids for part in ref.split())
    assert page.count("<h1>") == 1


def test_the_pdf_opens_and_names_the_exercises(shown: ReportView) -> None:
    data = render(shown)
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 3
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for name in ("Single-leg bridge with adductor ball squeeze", "Single-leg deadlift",
                 "Goblet squat", "Eccentric heel raise", "Next session", "Adherence"):
        assert name in text, name
    assert render(shown) == data  # deterministic


def test_latin_folds_what_the_core_fonts_cannot_show() -> None:
    assert latin("Runner’s – “stretch” ≥ 90%") == "Runner's - \"stretch\" >= 90%"
    assert latin("日本") == "??"


def test_a_new_user_is_collecting_data(db_url: str) -> None:
    with Store.open(db_url) as store:
        empty = view(Strongstride(store).report(store.ensure_user("new"), TODAY), weeks=12)
    assert empty.empty and "Collecting data" in empty.summary[0]
    page = document(empty)
    assert "Collecting data" in page and "<svg" not in page
    assert PdfReader(io.BytesIO(render(empty))).pages


def _next_table(shown: ReportView) -> Table:
    return next(t for s in shown.sections if s.ident == "next" for t in s.tables)


def _has_figure(name: str) -> bool:
    info = default_library().find(name)
    return info is not None and has_figure(info.id)


def test_each_exercise_with_a_figure_has_its_still_in_the_next_session_table(
        shown: ReportView) -> None:
    table = _next_table(shown)
    drawn = [row[0] for row in table.rows if _has_figure(row[0])]
    assert drawn, "the demo's routine has exercises the library draws"
    assert len(table.stills) == len(table.rows)
    assert [row[0] for row, still in zip(table.rows, table.stills, strict=True) if still] == \
        drawn
    page = document(shown)
    heads = re.findall(r'<th scope="row" role="rowheader">(.*?)</th>', page)
    stills = {html.unescape(m.group(2)): m.group(1) for m in (
        re.match(r'<span class="report-named">(<svg .*?</svg>)<span>(.*?)</span></span>$', h)
        for h in heads) if m}
    assert list(stills) == drawn
    for svg_text in stills.values():
        root = ET.fromstring(svg_text)
        assert root.get("aria-hidden") == "true" and root.get("id") is None
        assert len(root.findall(f"{SVG}line")) >= 8 and root.findall(f"{SVG}circle")
    # In the PDF, each still's body-coloured circles (the head) are painted in the table.
    body = " ".join(f"{int(COLOURS['body'][i:i + 2], 16) / 255:.4f}" for i in (1, 3, 5))
    heads_drawn = sum(1 for s in table.stills if s for shape in s.shapes
                      if isinstance(shape, Circle) and shape.role == "body")
    contents = b"".join(p.get_contents().get_data()
                        for p in PdfReader(io.BytesIO(render(shown))).pages)
    assert heads_drawn >= len(drawn)
    assert contents.count(f"{body} rg".encode()) == heads_drawn


def test_without_figures_the_table_is_as_it_was(figures: Path, demo_store: Store) -> None:
    shown = view(Strongstride(demo_store).report(demo_store.ensure_user("me"), TODAY),
                 weeks=12)
    assert _next_table(shown).stills == ()
    page = document(shown)
    assert 'class="report-still"' not in page and 'class="report-named"' not in page
