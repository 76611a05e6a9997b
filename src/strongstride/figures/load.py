"""Read a figure file (TOML), check every angle against its anatomical range and every floor
point against the floor, and build the Figure, or say exactly what to fix: each problem is an
Issue with the file, the line and the joint or key named. tomllib keeps no positions, so the
lines are found by reading the text alongside."""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from strongstride.errors import Issue, NotFound, Span, StrongstrideError
from strongstride.figures.model import HIGHLIGHTS, PROP_KINDS, Figure, Frame, Prop
from strongstride.figures.motion import check
from strongstride.figures.skeleton import (
    FLOOR_POINTS,
    JOINTS,
    ON_FLOOR,
    VIEWS,
    View,
    floor_name_known,
    joint_range,
)

_FIGURE_KEYS = ("view", "seconds", "floor", "anchor", "highlight", "props", "key", "hold")
_FRAME_KEYS = ("at", "floor", "anchor", *JOINTS)
ANCHORS: tuple[str, ...] = tuple(
    name for name in FLOOR_POINTS if not name.endswith("_foot")
)
PROP_AT: dict[str, tuple[str, ...]] = {
    "dumbbell": ("left_hand", "right_hand", "hands"),
    "exercise-ball": ("heels", "back"),
    "slider": ("left_foot", "right_foot"),
}
_STILL_PROPS = ("step", "book", "wall", "mat")
_STILL_DEFAULTS: dict[str, tuple[float, float, float]] = {  # x, width, height
    "step": (-12.0, 40.0, 16.0),
    "book": (-12.0, 34.0, 5.0),
    "wall": (40.0, 0.0, 0.0),
    "mat": (-60.0, 120.0, 0.0),
}

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"']+)\s*=")
_TOML_WHERE = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")


class _Lines:
    """Where each table and key is in the text: (table, occurrence, key) -> line."""

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str, int, str | None], int] = {}
        counts: dict[str, int] = {}
        table, index = "", 0
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                table = ".".join(p.strip().strip("\"'") for p in header.group(2).split("."))
                index = counts.get(table, -1) + 1 if header.group(1) == "[[" else 0
                counts[table] = index
                self.lines[(table, index, None)] = number
                continue
            key = _KEY.match(line)
            if key:
                self.lines.setdefault((table, index, key.group(1).strip("\"'")), number)

    def at(self, table: str, index: int = 0, key: str | None = None) -> int:
        return (self.lines.get((table, index, key))
                or self.lines.get((table, index, None))
                or self.lines.get(("", 0, key))
                or 1)


def read_figure(path: Path | str, exercise_id: str | None = None,
                variation: str | None = None) -> Figure:
    """The checked figure in `path` (a variation's, if named); raises StrongstrideError with
    every problem located (file:line, the joint or key named)."""
    figure, issues = parse_figure(path, exercise_id, variation)
    if issues or figure is None:
        raise StrongstrideError("\n".join(issue.render() for issue in issues), tuple(issues))
    return figure


def parse_figure(path: Path | str, exercise_id: str | None = None,
                 variation: str | None = None) -> tuple[Figure | None, list[Issue]]:
    """The figure and its problems, without raising for bad data (the contact sheet draws what
    it can and shows the problems beside it)."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotFound(f"{path}: no such figure file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StrongstrideError(f"{path}: cannot read the figure file ({exc})") from None
    return parse_text(text, source, exercise_id or path.stem, variation)


def parse_text(text: str, source: str, exercise_id: str,
               variation: str | None = None) -> tuple[Figure | None, list[Issue]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        where = _TOML_WHERE.search(detail)
        line = int(where.group(1)) if where and where.group(1) else len(text.splitlines())
        reason = detail[: where.start()] if where else detail
        return None, [Issue(f"TOML syntax error: {reason}; check the quotes, brackets and "
                            f"commas here and on the line before", Span(line), source=source)]
    reader = _Reader(source, _Lines(text))
    figure = reader.figure(data, exercise_id)
    if figure is not None and variation is not None:
        tables = data.get("variation", {})
        if isinstance(tables, dict) and isinstance(tables.get(variation), dict):
            figure = reader.figure(tables[variation], exercise_id, base=figure,
                                   table=f"variation.{variation}")
            if figure is not None:
                figure = replace(figure, variation=variation)
    if figure is not None and not reader.issues:
        for problem in check(figure):
            reader.issues.append(Issue(problem.message, Span(problem.line), source=source,
                                       field="floor"))
    return figure, reader.issues


class _Reader:
    def __init__(self, source: str, lines: _Lines) -> None:
        self.source = source
        self.lines = lines
        self.issues: list[Issue] = []

    def problem(self, message: str, line: int, field: str | None = None) -> None:
        self.issues.append(Issue(message, Span(line), source=self.source, field=field))

    def figure(self, data: dict[str, Any], exercise_id: str, base: Figure | None = None,
               table: str = "") -> Figure | None:
        where = f"[{table}] " if table else ""
        allowed = (*_FIGURE_KEYS, "frame") + (("variation",) if not table else ())
        for key in data:
            if key not in allowed:
                self.problem(f"{where}unknown key `{key}`; the keys are "
                             f"{', '.join(allowed)}", self.lines.at(table, 0, key), key)
        start = len(self.issues)
        view = data.get("view", base.view if base else None)
        if view not in VIEWS:
            self.problem(f"{where}view must be \"side\" or \"front\", not {view!r}",
                         self.lines.at(table, 0, "view"), "view")
            return None
        seconds = data.get("seconds", base.seconds if base else None)
        if seconds is not None and (not _number(seconds) or seconds <= 0):
            self.problem(f"{where}seconds (one rep) must be a number above 0",
                         self.lines.at(table, 0, "seconds"), "seconds")
        hold = data.get("hold", base.hold if base else False)
        if not isinstance(hold, bool):
            self.problem(f"{where}hold must be true or false", self.lines.at(table, 0, "hold"),
                         "hold")
        floor = self.names(data, "floor", FLOOR_POINTS, table,
                           base.frames[0].floor if base else ())
        highlight = self.names(data, "highlight", HIGHLIGHTS, table,
                               base.highlight if base else ("leg_l",))
        anchor = data.get("anchor", base.anchor if base else None)
        if anchor is None:
            anchor = _default_anchor(floor)
        if not isinstance(anchor, str) or anchor.removesuffix(ON_FLOOR) not in ANCHORS:
            self.problem(f"{where}anchor {anchor!r} is not a body point; use one of "
                         f"{', '.join(ANCHORS)}", self.lines.at(table, 0, "anchor"), "anchor")
        props = self.props(data, table, base.props if base else ())
        frames_table = f"{table}.frame" if table else "frame"
        if "frame" in data or base is None:
            frames = self.frames(data.get("frame"), frames_table, view, floor)
        else:
            frames = base.frames if "floor" not in data else tuple(
                replace(f, floor=floor) for f in base.frames)
        number = data.get("key", (base.key + 1) if base and "frame" not in data else 1)
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= max(
                len(frames), 1):
            self.problem(f"{where}key must be a frame number from 1 to {len(frames)}",
                         self.lines.at(table, 0, "key"), "key")
            number = 1
        if hold is True and len(frames) > 1:
            self.problem(f"{where}a held pose (hold = true) has one frame, not {len(frames)}",
                         self.lines.at(table, 0, "hold"), "hold")
        if len(self.issues) > start or not frames:
            return None
        return Figure(
            exercise_id=exercise_id, view=view, frames=frames, props=props,
            anchor=str(anchor), seconds=float(seconds) if seconds is not None else None,
            hold=bool(hold), key=number - 1, highlight=highlight,
            variations=base.variations if base else _variations(data), source=self.source)

    def names(self, data: dict[str, Any], key: str, allowed: tuple[str, ...], table: str,
              default: tuple[str, ...], index: int = 0) -> tuple[str, ...]:
        if key not in data:
            return default
        value = data[key]
        line = self.lines.at(table, index, key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(f"{key} must be a list of names in quotes", line, key)
            return default
        known = floor_name_known if key == "floor" else allowed.__contains__
        for name in value:
            if not known(name):
                also = f" (a floor name may end in {ON_FLOOR}: on the floor beside a step)" if (
                    key == "floor") else ""
                self.problem(f"{key}: unknown name {name!r}; use {', '.join(allowed)}{also}",
                             line, key)
        return tuple(v for v in value if known(v))

    def frames(self, raw: Any, table: str, view: View,
               floor: tuple[str, ...]) -> tuple[Frame, ...]:
        if not isinstance(raw, list) or not raw:
            self.problem("a figure needs at least one [[frame]] table of angles",
                         self.lines.at(table.rsplit(".frame", 1)[0] if "." in table else ""),
                         "frame")
            return ()
        frames: list[Frame] = []
        angles = {joint: 0.0 for joint in JOINTS}
        before = -1.0
        for index, data in enumerate(raw):
            line = self.lines.at(table, index)
            name = f"frame {index + 1}"
            angles = dict(angles)
            for key, value in data.items():
                key_line = self.lines.at(table, index, key)
                if key not in _FRAME_KEYS:
                    self.problem(f"{name}: unknown joint or key `{key}`; the angles are "
                                 f"{', '.join(JOINTS)}", key_line, key)
                elif key in ("at", "floor", "anchor"):
                    continue
                elif not _number(value):
                    self.problem(f"{name}: {key} must be a number of degrees", key_line, key)
                else:
                    low, high, meaning = joint_range(view, key)
                    if not low <= value <= high:
                        self.problem(f"{name}: {key} = {value:g} is outside its range in the "
                                     f"{view} view, {low:g} to {high:g} degrees ({meaning})",
                                     key_line, key)
                    angles[key] = float(value)
            at = data.get("at")
            if not _number(at) or not 0.0 <= at < 1.0 or at <= before:
                self.problem(f"{name}: at must be a number from 0 to below 1, after the frame "
                             f"before ({before:g})" if before >= 0 else
                             f"{name}: at must be a number from 0 to below 1",
                             self.lines.at(table, index, "at"), "at")
                at = max(before, 0.0)
            before = float(at)
            frame_floor = self.names(data, "floor", FLOOR_POINTS, table, floor, index)
            anchor = data.get("anchor")
            if anchor is not None and (not isinstance(anchor, str)
                                       or anchor.removesuffix(ON_FLOOR) not in ANCHORS):
                self.problem(f"{name}: anchor {anchor!r} is not a body point; use one of "
                             f"{', '.join(ANCHORS)}", self.lines.at(table, index, "anchor"),
                             "anchor")
                anchor = None
            frames.append(Frame(float(at), angles, frame_floor, line, anchor))
        return tuple(frames)

    def props(self, data: dict[str, Any], table: str,
              default: tuple[Prop, ...]) -> tuple[Prop, ...]:
        if "props" not in data:
            return default
        line = self.lines.at(table, 0, "props")
        raw = data["props"]
        if not isinstance(raw, list):
            self.problem("props must be a list", line, "props")
            return default
        props: list[Prop] = []
        for item in raw:
            spec = {"kind": item} if isinstance(item, str) else item
            if not isinstance(spec, dict) or spec.get("kind") not in PROP_KINDS:
                kind = spec.get("kind") if isinstance(spec, dict) else item
                self.problem(f"props: unknown prop {kind!r}; the props are "
                             f"{', '.join(PROP_KINDS)}", line, "props")
                continue
            kind = spec["kind"]
            unknown = set(spec) - {"kind", "at", "x", "width", "height"}
            if unknown:
                self.problem(f"props: {kind} has unknown keys {', '.join(sorted(unknown))}; "
                             f"use at, x, width, height", line, "props")
            at = spec.get("at", PROP_AT.get(kind, (None,))[0])
            if kind in PROP_AT and at not in PROP_AT[kind]:
                self.problem(f"props: {kind} at {at!r}; use one of "
                             f"{', '.join(PROP_AT[kind])}", line, "props")
                continue
            numbers = {}
            for name, default_value in zip(("x", "width", "height"),
                                           _STILL_DEFAULTS.get(kind, (0.0, 0.0, 0.0)),
                                           strict=True):
                value = spec.get(name, default_value)
                if not _number(value):
                    self.problem(f"props: {kind} {name} must be a number", line, "props")
                    value = default_value
                numbers[name] = float(value)
            if kind in _STILL_PROPS:
                props.append(Prop(kind, None, numbers["x"], numbers["width"], numbers["height"],
                                  line))
            else:
                props.append(Prop(kind, at, line=line))
        return tuple(props)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(
        value)


def _default_anchor(floor: tuple[str, ...]) -> str:
    if not floor:
        return "left_heel"
    first = floor[0]
    return first.replace("_foot", "_heel") if first.endswith("_foot") else first


def _variations(data: dict[str, Any]) -> tuple[str, ...]:
    tables = data.get("variation", {})
    return tuple(tables) if isinstance(tables, dict) else ()
