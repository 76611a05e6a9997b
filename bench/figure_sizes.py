"""Size of the exercise figures' SVGs, as served (gzip): the largest and the median over
every figure and every variation (issue 12: at most 8 KB compressed each), then the list
sorted by size.

Run:  .venv/bin/python bench/figure_sizes.py

Each figure is measured animated and as a still, for the left side set (the right one is
its mirror image, the same size within a few bytes).
"""

from __future__ import annotations

import gzip
import statistics

from strongstride.figures import FIGURES_DIR, figure_svg, load_figure, read_figure

LIMIT = 8 * 1024


def main() -> None:
    rows: list[tuple[int, int, int, str]] = []  # gzip animated, raw animated, gzip still, name
    for path in sorted(FIGURES_DIR.glob("*.toml")):
        for variation in (None, *read_figure(path).variations):
            figure = load_figure(path.stem, variation)
            animated = figure_svg(figure, side="left").encode()
            still = figure_svg(figure, side="left", still=True).encode()
            name = path.stem + (f" (without {variation})" if variation else "")
            rows.append((len(gzip.compress(animated, 9)), len(animated),
                         len(gzip.compress(still, 9)), name))
    if not rows:
        print("no figures")
        return
    sizes = [row[0] for row in rows]
    largest = max(rows)
    print(f"{len(rows)} figures (variations included), animated SVG, gzip -9:")
    print(f"  largest {largest[0] / 1024:.2f} KB ({largest[3]}), "
          f"median {statistics.median(sizes) / 1024:.2f} KB, limit {LIMIT / 1024:.0f} KB")
    over = [row for row in rows if row[0] > LIMIT]
    if over:
        print(f"  OVER THE LIMIT: {', '.join(row[3] for row in over)}")
    print()
    print(f"{'gzip':>8} {'raw':>8} {'still':>8}  figure")
    for gz, raw, still, name in sorted(rows, reverse=True):
        print(f"{gz:8d} {raw:8d} {still:8d}  {name}")


if __name__ == "__main__":
    main()
