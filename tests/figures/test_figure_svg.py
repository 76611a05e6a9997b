"""Each figure's SVG is light (at most 8 KB gzipped), well formed, self-contained (no script,
no external reference) and animated with transforms only; reduced motion and the `paused`
class stop it."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET

import pytest

from strongstride.figures import figure_svg
from tests.figures.shipped import CASES, IDS, figure, sides

LIMIT = 8 * 1024
SVG = "{http://www.w3.org/2000/svg}"


def variants(case: tuple[str, str | None]) -> list[tuple[str | None, bool]]:
    return [(side, still) for side in sides(case) for still in (False, True)]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_each_svg_is_at_most_8_kb_gzipped(case: tuple[str, str | None]) -> None:
    fig = figure(case)
    for side, still in variants(case):
        svg = figure_svg(fig, side=side, still=still)  # type: ignore[arg-type]
        assert len(gzip.compress(svg.encode(), 9)) <= LIMIT


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_svg_is_well_formed_and_self_contained(case: tuple[str, str | None]) -> None:
    fig = figure(case)
    for side, still in variants(case):
        svg = figure_svg(fig, side=side, still=still, title="A <move> & more")  # type: ignore[arg-type]
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg"
        assert root.get("viewBox")
        for element in root.iter():
            assert element.tag.removeprefix(SVG) not in ("script", "foreignObject", "image",
                                                         "use", "a")
            for name, value in element.attrib.items():
                assert "href" not in name
                assert not name.startswith("on")
                assert "url(" not in value and "javascript:" not in value
        style = root.find(f"{SVG}style")
        assert style is not None and style.text is not None
        assert "@import" not in style.text and "url(" not in style.text
        assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
        title = root.find(f"{SVG}title")
        assert title is not None and title.text == "A <move> & more"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_animation_moves_transforms_only(case: tuple[str, str | None]) -> None:
    fig = figure(case)
    svg = figure_svg(fig, side=sides(case)[0])  # type: ignore[arg-type]
    style = ET.fromstring(svg).find(f"{SVG}style")
    assert style is not None and style.text is not None
    keyframes = re.findall(r"@keyframes \w+\{(.*?\})\}", style.text)
    if fig.hold or len(fig.frames) == 1:
        assert keyframes == []
        return
    assert keyframes
    for body in keyframes:
        properties = set(re.findall(r"\{(\w[\w-]*):", body))
        assert properties == {"transform"}
    assert re.search(r"@media\(prefers-reduced-motion:reduce\)\{[^}]*animation:none", style.text)
    assert re.search(r"\.paused[^{]*\{animation-play-state:paused\}", style.text)
    assert f"{fig.seconds:g}s linear infinite" in style.text


def test_a_still_does_not_move_and_figures_on_one_page_do_not_clash() -> None:
    fig = figure(CASES[0])
    still = figure_svg(fig, still=True)
    assert "@keyframes" not in still and "animation" not in still
    names = set()
    for case in CASES:
        for side in sides(case):
            svg = figure_svg(figure(case), side=side)  # type: ignore[arg-type]
            root = ET.fromstring(svg)
            prefix = (root.get("class") or "").split()[0]
            assert prefix not in names
            names.add(prefix)
            style = root.find(f"{SVG}style")
            assert style is not None and style.text is not None
            for name in re.findall(r"@keyframes (\w+)", style.text):
                assert name.startswith(prefix)
