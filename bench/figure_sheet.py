"""Contact sheet of the exercise figures: every key frame of every figure (and of each
variation for missing equipment) in one PNG grid, each cell labelled with the exercise, the
frame and the side, so anyone can check them all at a glance.

Run:  .venv/bin/python bench/figure_sheet.py [--only ID [ID ...]] [--out PATH]

Without --only it writes docs/figures-contact-sheet.png (the sheet kept in the repository);
with --only and no --out, a sheet in the temporary folder (its path is printed), so that
looking at one figure never replaces the committed sheet with a partial one.

Per-side exercises show every frame of the left side and the key frame of the right side
(the mirror image); the others every frame. A figure whose file has problems is drawn if it
can be, with the problems printed under its row (and on stderr).

Chromium: CHROMIUM_PATH, else /usr/lib/chromium/chromium or /usr/bin/chromium (headless,
driven by Playwright; no browser download).
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import tempfile
import time
from pathlib import Path

from web_page import chromium

from strongstride.errors import StrongstrideError
from strongstride.figures import FIGURES_DIR, Figure, figure_svg, parse_figure
from strongstride.figures.render import _layout
from strongstride.library import default_library

ROOT = Path(__file__).resolve().parents[1]
SCALE = 0.8  # pixels per body unit: the standing figure is about 140 px tall
CELL_W, CELL_H = 190, 170


def figures(only: list[str] | None) -> list[tuple[str, str | None, Figure | None, list[str]]]:
    """(exercise id, variation, figure or None, problems) for every figure file."""
    ids = only or sorted(p.stem for p in FIGURES_DIR.glob("*.toml"))
    rows: list[tuple[str, str | None, Figure | None, list[str]]] = []
    for exercise_id in ids:
        path = FIGURES_DIR / f"{exercise_id}.toml"
        try:
            base, issues = parse_figure(path, exercise_id)
        except StrongstrideError as exc:
            rows.append((exercise_id, None, None, [exc.message]))
            continue
        rows.append((exercise_id, None, base, [i.render() for i in issues]))
        for variation in base.variations if base else ():
            figure, issues = parse_figure(path, exercise_id, variation)
            rows.append((exercise_id, variation, figure, [i.render() for i in issues]))
    return rows


def cell(figure: Figure, side: str | None, frame: int) -> str:
    layout = _layout(figure, side)  # type: ignore[arg-type]
    scale = min(SCALE, (CELL_W - 6) / layout.width, (CELL_H - 24) / layout.height)
    svg = figure_svg(figure, side=side, frame=frame)  # type: ignore[arg-type]
    svg = svg.replace("<svg ", f'<svg width="{layout.width * scale:.0f}" '
                      f'height="{layout.height * scale:.0f}" ', 1)
    key = " key" if frame == figure.key else ""
    label = f"{figure.exercise_id} · {frame + 1}{key} · {side or 'both'}"
    return (f'<div class="cell"><div class="pic">{svg}</div>'
            f'<div class="label">{html.escape(label)}</div></div>')


def page(rows: list[tuple[str, str | None, Figure | None, list[str]]]) -> str:
    one_sided = {info.id: info.one_sided for info in default_library()}
    parts = []
    for exercise_id, variation, figure, problems in rows:
        title = exercise_id + (f" — variation without {variation}" if variation else "")
        cells = []
        if figure is not None:
            sided = one_sided.get(exercise_id, bool(figure.highlight))
            for index in range(len(figure.frames)):
                cells.append(cell(figure, "left" if sided else None, index))
            if sided:
                cells.append(cell(figure, "right", figure.key))
        errors = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
        parts.append(f'<section><h2>{html.escape(title)}</h2><div class="row">{"".join(cells)}'
                     f'</div>{f"<ul>{errors}</ul>" if errors else ""}</section>')
    style = (
        "body{font:12px sans-serif;margin:8px;background:#fff;color:#222}"
        "section{display:inline-block;vertical-align:top;margin:0 10px 8px 0;"
        "border:1px solid #ddd;padding:4px}"
        "h2{font-size:12px;margin:0 0 2px}"
        ".row{display:flex;gap:4px}"
        f".cell{{width:{CELL_W}px;height:{CELL_H}px;display:flex;flex-direction:column;"
        "align-items:center;justify-content:flex-end;background:#f8f9fa}"
        ".pic{flex:1;display:flex;align-items:flex-end}"
        ".label{font-size:11px;color:#444;padding:2px}"
        "ul{color:#c92a2a;margin:2px 0;padding-left:16px;max-width:800px;font-size:11px}"
    )
    return f"<!doctype html><meta charset=utf-8><style>{style}</style>{''.join(parts)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="ID", help="these exercise ids only")
    parser.add_argument("--out", type=Path, help="the PNG to write (default: "
                        "docs/figures-contact-sheet.png, or a temporary file with --only)")
    parser.add_argument("--width", type=int, default=1600, help="page width in pixels")
    args = parser.parse_args()
    if args.out is None:
        args.out = (Path(tempfile.gettempdir()) / "figures-sheet.png" if args.only
                    else ROOT / "docs" / "figures-contact-sheet.png")
    started = time.perf_counter()
    rows = figures(args.only)
    for exercise_id, variation, _figure, problems in rows:
        for problem in problems:
            print(f"{exercise_id}{'/' + variation if variation else ''}: {problem}",
                  file=sys.stderr)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(),
                                    args=["--disable-gpu", "--disable-quic"])
        tab = browser.new_page(viewport={"width": args.width, "height": 600})
        tab.set_content(page(rows))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shot = tab.screenshot(full_page=True)
        browser.close()
    # The sheet is a few flat colours: a palette PNG is a third of the size in the repository.
    from PIL import Image  # fpdf2's own dependency

    with Image.open(io.BytesIO(shot)) as image:
        image.convert("RGB").quantize(colors=64).save(args.out, optimize=True)
    figures_n = sum(1 for row in rows if row[2] is not None)
    print(f"{args.out}: {figures_n} figures in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
