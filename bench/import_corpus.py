"""How many exercises of real workout texts the importer reads exactly right (issue 13).

Run:  .venv/bin/python bench/import_corpus.py [--part dev|validation|all] [--show FILE]

Each text of tests/routine/corpus (development: texts/, validation: validation/texts/) is
imported as `strongstride import FILE --json` imports it and scored against its label by the
rule of ../shared/IMPORT-LABELS.md (tests/routine/corpus_score.py): per file, the exercises
exactly right / the exercises labelled (those marked AMBIGUOUS: left out), then the totals
per part. "extra" counts the exercises the importer made that the label does not have; they
do not change the score. Then the speed figures of bench/routine_text.py (medians): the
seed's import time and the throughput on its generated megabyte. Targets: 95% on validation,
>= 5 MB/s, the seed < 2 ms.

`--show FILE` prints one text's misses side by side, label against importer (for tuning on
development texts; tune nothing to the validation texts).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.routine_text import SEED_LINES, median_seconds, varied_text  # noqa: E402
from tests.routine.corpus_score import COMPARED, Score, score  # noqa: E402

from strongstride.routine.importer import import_text  # noqa: E402
from strongstride.routine.json_view import import_dict  # noqa: E402
from strongstride.routines import import_file  # noqa: E402

CORPUS = ROOT / "tests" / "routine" / "corpus"
PARTS = {"development": CORPUS, "validation": CORPUS / "validation"}


def texts(part: str) -> list[Path]:
    return sorted((PARTS[part] / "texts").glob("*.txt"))


def label_of(text: Path) -> dict[str, Any]:
    label: dict[str, Any] = json.loads(
        (text.parent.parent / "labels" / f"{text.stem}.json").read_text("utf-8"))
    return label


def imported(text: Path) -> dict[str, Any]:
    """What `strongstride import TEXT --json` prints, as a dict."""
    return import_dict(import_file(str(text)))


def scored(text: Path) -> Score:
    return score(label_of(text), imported(text))


def share(exact: int, labelled: int) -> str:
    return f"{exact / labelled:.1%}" if labelled else "-"


def print_part(part: str) -> None:
    files = texts(part)
    print(f"{part} ({len(files)} texts)")
    exact = labelled = extra = 0
    for text in files:
        s = scored(text)
        exact, labelled, extra = exact + s.exact, labelled + s.labelled, extra + s.extra
        print(f"  {text.name:<58} {s.exact:>3} / {s.labelled:<3} {share(s.exact, s.labelled):>6}"
              f"   extra {s.extra}")
    print(f"{part} total: {exact} / {labelled} exactly right = {share(exact, labelled)}"
          f"   (extra {extra})")
    print()


def _cell(e: dict[str, Any] | None) -> str:
    if e is None:
        return "-"
    counts = " ".join(f"{key}={_range(e[key])}" for key in COMPARED[:3])
    return f"{e['name']} | {counts} side={'yes' if e['per_side'] else 'no'}"


def _range(r: list[int] | None) -> str:
    if r is None:
        return "-"
    return str(r[0]) if r[0] == r[1] else f"{r[0]}-{r[1]}"


def find(name: str) -> Path:
    path = Path(name)
    if path.is_file():
        return path
    for part in PARTS:
        for text in texts(part):
            if name in (text.name, text.stem):
                return text
    sys.exit(f"no corpus text called {name!r}")


def show(name: str) -> None:
    text = find(name)
    s = scored(text)
    print(f"{text.relative_to(ROOT)}: {s.exact} / {s.labelled} exactly right, extra {s.extra}")
    width = max([len(_cell(p.label)) for p in s.misses] + [5])
    print(f"  {'label':<{width}}   importer")
    for p in s.misses:
        print(f"  {_cell(p.label):<{width}}   {_cell(p.got)}")
        if p.label is not None and p.label["notes"]:
            print(f"      label notes: {p.label['notes']}")


def print_speed(runs: int) -> None:
    lines = SEED_LINES.read_text("utf-8")
    import_text(lines)  # warm the regex cache, as a running process would have it
    seed = median_seconds(lambda: import_text(lines), runs * 10)
    print(f"seed import ({len(lines.encode())} B): {seed * 1000:.3f} ms median  [target < 2 ms]")
    text = varied_text(1_000_000)
    size = len(text.encode("utf-8"))
    took = median_seconds(lambda: import_text(text), max(5, runs // 4))
    print(f"import throughput: {size / 1e6:.2f} MB in {took * 1000:.0f} ms median = "
          f"{size / 1e6 / took:.1f} MB/s  [target >= 5 MB/s]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "validation", "all"), default="all")
    parser.add_argument("--show", metavar="FILE", help="one text's misses, label vs importer")
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    if args.show:
        show(args.show)
        return
    if args.part in ("dev", "all"):
        print_part("development")
    if args.part in ("validation", "all"):
        print_part("validation")
    print_speed(args.runs)


if __name__ == "__main__":
    main()
