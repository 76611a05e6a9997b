"""The shipped figures, for the tests that go through all of them."""

from __future__ import annotations

from strongstride.figures import FIGURES_DIR, Figure, load_figure, read_figure
from strongstride.library import default_library


def shipped() -> list[tuple[str, str | None]]:
    """(exercise id, variation) for every figure file and each of its variations."""
    found: list[tuple[str, str | None]] = []
    for path in sorted(FIGURES_DIR.glob("*.toml")):
        found.append((path.stem, None))
        found.extend((path.stem, v) for v in read_figure(path).variations)
    return found


def figure(case: tuple[str, str | None]) -> Figure:
    return load_figure(*case)


def sides(case: tuple[str, str | None]) -> list[str | None]:
    """The side sets a figure is drawn for: left and right for a per-side exercise."""
    library = default_library()
    info = library.find(case[0])
    one_sided = info.one_sided if info is not None else bool(figure(case).highlight)
    return ["left", "right"] if one_sided else [None]


CASES = shipped()
IDS = [f"{e}/{v}" if v else e for e, v in CASES]
