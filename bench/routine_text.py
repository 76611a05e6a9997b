"""Speed figures for issue 2: seed import time and import throughput. (The CLI's cold start
is bench/cli_start.py's.)

Run:  .venv/bin/python bench/routine_text.py [--runs N] [--megabytes M]

Prints medians. Targets: seed import < 2 ms; import >= 5 MB/s on >= 1 MB.

The throughput is measured on a generated corpus of many different pasted workouts (titles,
prose, headings, lists, every prescription wording the importer reads, junk lines), from a
fixed seed so every run reads the same text; see `varied_text`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from strongstride.routine import importer
from strongstride.routine.importer import import_text
from strongstride.routine.parse import parse_routine

ROOT = Path(__file__).resolve().parents[1]
SEED_LINES = ROOT / "tests" / "routine" / "data" / "import_seed_lines.txt"
SEED_ARTICLE = ROOT / "tests" / "routine" / "data" / "import_seed_article.txt"


def median_seconds(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --- a varied corpus: many different pasted workouts -------------------------------------

EXERCISES = (
    "squat", "goblet squat", "split squat", "Bulgarian split squat", "lunge", "reverse lunge",
    "lateral lunge", "curtsy lunge", "walking lunge", "step-up", "step-down", "box jump",
    "deadlift", "Romanian deadlift", "single-leg deadlift", "good morning", "hip thrust",
    "glute bridge", "hamstring curl", "Nordic curl", "calf raise", "heel raise", "toe walk",
    "clamshell", "monster walk", "side step", "fire hydrant", "donkey kick", "bird dog",
    "dead bug", "plank", "side plank", "Copenhagen plank", "wall sit", "push-up", "pull-up",
    "inverted row", "bent-over row", "overhead press", "kettlebell swing", "Turkish get-up",
    "farmer carry", "suitcase carry", "Pallof press", "woodchop", "Russian twist",
    "mountain climber", "burpee", "jumping jack", "skater hop", "pogo jump", "A-skip",
    "leg swing", "arm circle", "inchworm", "world's greatest stretch", "pigeon pose",
    "child's pose", "hip flexor stretch", "hamstring stretch", "quad stretch", "calf stretch",
    "figure-four stretch", "couch stretch", "cat-cow", "thread the needle",
)
BEFORE = ("", "", "", "single-leg ", "banded ", "weighted ", "alternating ", "dumbbell ",
          "kettlebell ", "slow ", "paused ", "elevated ", "tempo ", "isometric ", "eccentric ",
          "half-kneeling ", "staggered ", "B-stance ", "deficit ", "Runner\u2019s ")
AFTER = ("", "", "", "", " with reach", " with ball squeeze", " to press", " on a step",
         " with rotation", " hold", " with band", " off a bench", " against the wall",
         " with knee drive", " (slow)", " on a slider", " with pulse", " to overhead reach")
RANGE_DASHES = ("-", "-", "\u2013", " to ")
DASHES = (" - ", " \u2013 ", " \u2014 ", ": ", " ", "", " | ")
TITLE_WORDS = ("Hip", "Glute", "Leg", "Core", "Runner's", "Strength", "Stability", "Power",
               "Mobility", "Posterior Chain", "Knee-Friendly", "Ankle", "Full-Body", "Lower-Body")
TITLE_ENDS = ("Workout", "Routine", "Circuit", "Session", "Plan", "Workout For Runners",
              "Strength Routine", "Mobility Flow", "Moves You Can Do At Home")
SUBJECTS = ("Runners", "Most of us", "Strong hips", "A few minutes of strength work", "Coaches",
            "This routine", "Your glutes", "Physical therapists", "Weak ankles",
            "Cyclists and runners alike", "Beginners", "Masters athletes", "Trail runners")
VERBS = ("need", "benefit from", "often skip", "can build", "are the key to", "help with",
         "protect against", "make up for", "go hand in hand with", "rarely get enough of")
OBJECTS = ("single-leg strength", "injury prevention", "a faster finish", "better posture",
           "hip stability", "more power on the hills", "fewer niggles", "a stronger stride",
           "balance between left and right", "less knee pain", "good running economy")
TAILS = ("", " on easy days", " twice a week", ", according to the research",
         " if you do it consistently", " in as little as ten minutes", " without a gym",
         ", says our coach", " before a long run", " after an easy run")
JUNK = ("Advertisement", "ADVERTISEMENT", "Photo: Getty Images", "Share on Pinterest",
        "Read more: 10 stretches every runner should do", "Related:", "-----", "* * *",
        "Image credit: iStock", "https://example.com/watch?v={n}", "Subscribe for more",
        "[video]", "Scroll to continue", "(Sponsored)", "Tap to play GIF", "Step {n}",
        "Tip #{n}: keep your knee over your toes", "© 2024 Running Magazine", "Jump to recipe",
        "Last updated {n} days ago", "{n} comments", "\u2022", "...")
HEADINGS = ("Warm-up", "Warm up", "WARM-UP:", "Warmup", "Activation", "Glute activation",
            "Prime the glutes", "Main workout", "The Workout", "Strength", "Circuit",
            "Circuit ({r} rounds)", "Finisher", "Core: {r} rounds", "Cool-down", "Cool down",
            "Stretches", "Mobility", "Recovery", "Part {n}: Strength", "Superset {n}",
            "Block {n}", "Lower body", "Core")


def _sentence(rng: random.Random) -> str:
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}"
    if rng.random() < 0.4:
        s += f", and {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return s + rng.choice((".", ".", ".", "!", "?"))


def _paragraph(rng: random.Random) -> str:
    text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 6)))
    if rng.random() < 0.3:
        text = text.replace("'", "\u2019").replace(" - ", " \u2014 ")
    return text


def _name(rng: random.Random) -> str:
    base = rng.choice(EXERCISES)
    if rng.random() < 0.2 and base[-1].isalpha() and not base.endswith("s"):
        base += "s"
    name = rng.choice(BEFORE) + base + rng.choice(AFTER)
    return name[0].upper() + name[1:] if rng.random() < 0.8 else name


def _num(rng: random.Random, lo: int, hi: int, ranged: float = 0.25) -> str:
    a = rng.randint(lo, hi)
    if rng.random() < ranged:
        return f"{a}{rng.choice(RANGE_DASHES)}{a + rng.randint(1, 5)}"
    return str(a)


def _side(rng: random.Random) -> str:
    return rng.choice(("", "", "", " on each leg", " each side", " per side", " per leg",
                       "/leg", " (each side)", " each leg"))


def _extras(rng: random.Random) -> str:
    out = []
    if rng.random() < 0.2:
        out.append(rng.choice((f"rest {rng.randint(15, 180)} s", f"{_num(rng, 30, 90)} s rest",
                               f"rest: {rng.randint(30, 120)} seconds",
                               f"rest {rng.randint(1, 3)} min",
                               f"rest {rng.randint(20, 90)} seconds between sets")))
    if rng.random() < 0.12:
        out.append(rng.choice((f"{rng.randint(4, 40)} kg", f"@ {rng.randint(10, 90)} lbs",
                               f"{rng.randint(4, 32)}.5 kg", f"{rng.randint(5, 60)} lb")))
    if rng.random() < 0.08:
        out.append(rng.choice(("tempo 3-1-1", "tempo 4-0-1-0", "3-0-1", "tempo 2-1-2",
                               "band: light", "band: heavy")))
    return "".join(rng.choice((", ", " ", "; ")) + x for x in out)


def _prescription(rng: random.Random) -> str:
    """One of the wordings the importer reads, numbers and details varied."""
    sets, reps, secs = _num(rng, 1, 5), _num(rng, 5, 20), rng.choice((20, 30, 40, 45, 60, 90))
    form = rng.randrange(12)
    text = (
        f"{sets} sets of {reps} reps{_side(rng)}",
        f"{sets}x{reps}",
        f"{sets} x {reps}{_side(rng)}",
        f"{sets} \u00d7 {reps}",
        f"{sets} holds of {secs} seconds{_side(rng)}",
        f"{sets} x {secs} sec{_side(rng)}",
        f"{reps} reps{_side(rng)}",
        f"{secs} seconds{_side(rng)}",
        f"{sets} sets, {reps} reps",
        f"{sets} sets AMRAP" if rng.random() < 0.5 else "AMRAP",
        f"{sets} x {rng.randint(1, 2)}:{rng.choice(('00', '15', '30', '45'))}",
        f"{sets} sets of {reps} reps",
    )[form]
    return text + _extras(rng)


def _exercise_lines(rng: random.Random, n: int, listed: str) -> list[str]:
    lines = []
    for i in range(n):
        name = _name(rng)
        marker = {"number": f"{i + 1}. ", "paren": f"{i + 1}) ", "bullet": rng.choice(
            ("- ", "* ", "\u2022 ")), "label": f"{'AB'[i // 3 % 2]}{i % 3 + 1}. ", "": ""}[listed]
        style = rng.randrange(10)
        if style == 0:  # run together, as copied from a web page
            lines.append(f"{marker}{name}{_prescription(rng)}")
        elif style == 1:  # fields on the line
            lines.append(f"{marker}{name}{rng.choice(DASHES)}Sets: {_num(rng, 1, 5)}"
                         f"{rng.choice((' ', ' | ', ', '))}Reps: {_num(rng, 6, 15)}"
                         + rng.choice(("", " each leg", f" Rest: {rng.randint(30, 90)} s")))
        elif style == 2:  # fields below the name
            lines.append(f"{marker}{name}")
            lines.append(f"Sets: {_num(rng, 1, 5)}")
            lines.append(rng.choice((f"Reps: {_num(rng, 6, 15)}",
                                     f"Time: {rng.choice((20, 30, 45))} seconds")))
            if rng.random() < 0.5:
                lines.append(f"Rest: {rng.randint(30, 120)} s")
        elif style == 3:  # the count before the name
            count = rng.choice((f"{_num(rng, 2, 4)} x {_num(rng, 6, 15)}",
                                f"{_num(rng, 2, 4)} sets of {_num(rng, 6, 15)}",
                                f"{rng.randint(20, 60)} seconds", f"{rng.randint(6, 20)} reps of"))
            lines.append(f"{marker}{count} {name.lower()}")
        elif style == 4:  # the prescription on the next line, then a cue
            lines.append(f"{marker}{name}")
            lines.append(_prescription(rng))
            if rng.random() < 0.5:
                lines.append(_sentence(rng))
        elif style == 5:  # in brackets
            lines.append(f"{marker}{name} ({_prescription(rng)})")
        elif style == 6:  # bold name, dash, count per side
            lines.append(f"{marker}**{name}** \u2013 {rng.randint(6, 20)} reps each "
                         f"{rng.choice(('side', 'leg'))}")
        else:
            lines.append(f"{marker}{name}{rng.choice(DASHES)}{_prescription(rng)}"
                         + rng.choice(("", "", ".")))
        if rng.random() < 0.1:
            lines.append(rng.choice(("Keep your hips level.", _sentence(rng),
                                     f"Modification: {_name(rng).lower()} instead.")))
    return lines


def _workout(rng: random.Random, n: int) -> str:
    out: list[str] = []
    if rng.random() < 0.3:
        out += [rng.choice(JUNK).format(n=n), ""]
    title = f"{rng.choice(TITLE_WORDS)} {rng.choice(TITLE_ENDS)}"
    out.append(rng.choice((f"# {title}", title, f"{rng.randint(3, 30)}-Minute {title}",
                           title.upper())))
    out.append("")
    if rng.random() < 0.5:
        out += [f"By {rng.choice(('Jo', 'Sam', 'Alex', 'Dr. Lee'))} "
                f"{rng.choice(('Coach', 'Smith', 'Garcia', 'Okafor'))}, PT", ""]
    for _ in range(rng.randint(1, 3)):
        out += [_paragraph(rng), ""]
    if rng.random() < 0.6:
        out.append("Equipment needed: " + ", ".join(rng.sample(
            ("a loop band", "a step", "two dumbbells", "a kettlebell", "an exercise ball",
             "a yoga block", "sliders", "a mat", "a bench"), rng.randint(1, 4))) + ".")
    if rng.random() < 0.5:
        out.append("Directions: " + _paragraph(rng))
    out.append("")
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.7:
            heading = rng.choice(HEADINGS).format(n=rng.randint(1, 4), r=rng.randint(2, 5))
            out.append(rng.choice((heading, f"## {heading}", f"**{heading}**")))
            if rng.random() < 0.2:
                out.append("Setup: " + _sentence(rng))
        if rng.random() < 0.15:
            out.append(f"{rng.randint(2, 4)} rounds:")
        listed = rng.choice(("", "", "number", "paren", "bullet", "label"))
        out += _exercise_lines(rng, rng.randint(2, 8), listed)
        if rng.random() < 0.15:
            out.append(f"Repeat {rng.randint(2, 4)} times.")
        if rng.random() < 0.25:
            out.append(rng.choice(JUNK).format(n=rng.randint(1, 999)))
        out.append("")
    if rng.random() < 0.5:
        out.append(_paragraph(rng))
    return "\n".join(out)


def varied_text(min_bytes: int, seed: int = 2) -> str:
    """Many different pasted workouts, generated from a fixed seed."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < min_bytes:
        parts.append(_workout(rng, len(parts)))
        size += len(parts[-1].encode("utf-8")) + 2
    return "\n\n".join(parts)


def distinct_share(text: str) -> float:
    lines = [line for line in text.splitlines() if line.strip()]
    return len(set(lines)) / len(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()

    lines = SEED_LINES.read_text("utf-8")
    article = SEED_ARTICLE.read_text("utf-8")
    import_text(lines)  # warm the regex cache, as a running process would have it
    seed_lines = median_seconds(lambda: import_text(lines), args.runs * 10)
    seed_article = median_seconds(lambda: import_text(article), args.runs * 10)
    shipped = (ROOT / "src/strongstride/data/routines/runner-glute.routine").read_text()
    parse = median_seconds(lambda: parse_routine(shipped), args.runs * 10)
    print(f"seed import (exercise lines, {len(lines.encode())} B): "
          f"{seed_lines * 1000:.3f} ms median  [target < 2 ms]")
    print(f"seed import (whole article, {len(article.encode())} B): "
          f"{seed_article * 1000:.3f} ms median")
    print(f"parse shipped routine text: {parse * 1000:.3f} ms median")

    text = varied_text(int(args.megabytes * 1_000_000))
    size = len(text.encode("utf-8"))
    n_lines = len(text.splitlines())
    print(f"varied corpus: {size / 1e6:.2f} MB, {n_lines} lines, "
          f"{distinct_share(text):.0%} of the non-blank lines distinct")
    runs = max(5, args.runs // 4)
    took = median_seconds(lambda: import_text(text), runs)
    print(f"import throughput: {size / 1e6:.2f} MB in {took * 1000:.0f} ms median of {runs} = "
          f"{size / 1e6 / took:.1f} MB/s  [target >= 5 MB/s]")
    all_lines = text.splitlines()
    again = 1 - len(set(all_lines)) / len(all_lines)
    print("  no caches between imports: each text is read afresh; within one text, a line "
          f"that comes again is classified once ({again:.0%} of this corpus's lines, blank "
          "ones included)")
    pause = importer.GC_PAUSE_CHARS
    importer.GC_PAUSE_CHARS = sys.maxsize  # the garbage collector left running throughout
    try:
        took = median_seconds(lambda: import_text(text), runs)
    finally:
        importer.GC_PAUSE_CHARS = pause
    print(f"  with the garbage collector not paused: {took * 1000:.0f} ms median = "
          f"{size / 1e6 / took:.1f} MB/s")

    print("cold start of the CLI: see bench/cli_start.py")

if __name__ == "__main__":
    main()
