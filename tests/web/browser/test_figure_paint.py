"""What Chromium paints: a loop band, drawn as a line one unit long scaled to its length, ends
exactly at its two body points (butt caps; a round cap would be stretched by the scale, far
past the ankle). Skipped without a Chromium executable, as every browser test."""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from strongstride.figures import Line, figure_svg, key_pose, read_figure

BANDS_APART = """\
view = "front"
floor = ["left_foot", "right_foot"]
anchor = "right_heel"
props = ["band-ankles"]

[[frame]]
at = 0
hip_l = 25
ankle_l = -25
hip_r = 25
ankle_r = -25
"""
ZOOM = 4.0  # CSS pixels per body unit


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A plain page of the session's Chromium (tests/web/browser/conftest.py)."""
    tab = browser.new_page()
    yield tab
    tab.close()


def painted_box(page: Any, svg: str, width: float, height: float) -> tuple[float, ...]:
    """The box (in body units) of what Chromium paints red: only the band is kept, in red."""
    page.set_content(
        f'<style>body{{margin:0;background:#fff}}svg{{--fig-band:#f00;display:block}}</style>'
        f'<div style="width:{width * ZOOM}px;height:{height * ZOOM}px">{svg}</div>')
    page.eval_on_selector("svg", """svg => {
        svg.setAttribute('width', '100%'); svg.setAttribute('height', '100%');
        for (const g of [...svg.querySelectorAll('g')]) {
            const band = g.querySelector('line.n') && /scale/.test(g.getAttribute('transform'));
            if (!band) g.remove();
        }
        for (const el of [...svg.children]) if (el.tagName !== 'g' && el.tagName !== 'style')
            el.remove();
    }""")
    from PIL import Image

    image = Image.open(io.BytesIO(page.screenshot(
        clip={"x": 0, "y": 0, "width": width * ZOOM, "height": height * ZOOM}))).convert("RGB")
    red = [(x, y) for y in range(image.height) for x in range(image.width)
           if (lambda p: p[0] > 200 and p[1] < 120 and p[2] < 120)(image.getpixel((x, y)))]
    assert red, "the band is painted"
    xs, ys = [p[0] for p in red], [p[1] for p in red]
    scale = image.width / width  # device pixels per unit
    return (min(xs) / scale, min(ys) / scale, (max(xs) + 1) / scale, (max(ys) + 1) / scale)


def test_a_band_ends_at_its_body_points_in_chromium(page: Any, tmp_path: Path) -> None:
    path = tmp_path / "bands.toml"
    path.write_text(BANDS_APART)
    fig = read_figure(path)
    drawing = key_pose(fig)
    (band,) = [s for s in drawing.shapes if isinstance(s, Line) and s.part == "band-ankles"]
    assert not band.round
    length = math.hypot(band.x2 - band.x1, band.y2 - band.y1)
    assert length > 20  # a long band, scaled about 20 times
    nx, ny = -(band.y2 - band.y1) / length * band.width / 2, (band.x2 - band.x1) / length * (
        band.width / 2)
    corners = [(x + sx * nx, y + sy * ny) for x, y in ((band.x1, band.y1), (band.x2, band.y2))
               for sx, sy in ((1, 1), (-1, -1))]
    expected = (min(c[0] for c in corners), min(c[1] for c in corners),
                max(c[0] for c in corners), max(c[1] for c in corners))
    got = painted_box(page, figure_svg(fig, still=True), drawing.width, drawing.height)
    assert got == pytest.approx(expected, abs=0.6)


def test_no_scaled_band_gets_round_caps_from_the_style_sheet(page: Any, tmp_path: Path) -> None:
    path = tmp_path / "bands.toml"
    path.write_text(BANDS_APART.replace('["band-ankles"]', '["band-ankles", "band-knees"]'))
    page.set_content(figure_svg(read_figure(path), still=True))
    caps = page.eval_on_selector_all(
        "g", "gs => gs.filter(g => /scale/.test(g.getAttribute('transform')))"
             ".flatMap(g => [...g.querySelectorAll('line.n')])"
             ".map(l => getComputedStyle(l).strokeLinecap)")
    assert caps == ["butt", "butt"]
