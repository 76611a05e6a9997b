"""What the renderers make of the demo report: accessible SVG charts whose numbers are also
in tables, a self-contained HTML file, a PDF that opens and names the exercises."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from strongstride.app import Strongstride
from strongstride.reports.html import document
from strongstride.reports.pdf import latin, render
from strongstride.reports.view import ReportView, view
from strongstride.store import Store
from tests.reports.conftest import TODAY

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
