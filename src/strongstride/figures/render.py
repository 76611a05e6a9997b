"""Draw a figure: the animated SVG (CSS keyframes of transforms, sampled from the forward
kinematics), the still of one pose, and the same still as plain geometry for the PDF writer.

Every piece (a limb, the head, a band, a ball) is drawn once in its own coordinates and moved
with translate/rotate(/scale along its length) keyframes, so the browser does no layout work.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from strongstride.figures.model import TOWEL_HEIGHT, Figure, Prop
from strongstride.figures.motion import at_frame, at_time, sample_times
from strongstride.figures.skeleton import BALL_R, HEAD_R, LEG_W, Body

Side = Literal["left", "right"]

COLOURS: dict[str, str] = {
    "body": "#3b4656",  # near limbs, trunk, head
    "far": "#a3acb9",  # the limbs on the far side of a side view
    "accent": "#e8590c",  # the working leg
    "floor": "#868e96",
    "prop": "#1c7ed6",
    "band": "#2f9e44",
    "mat": "#a5d8ff",
    "halo": "#ffffff",  # the outline that parts a near limb from what is behind it
}
_CLASS = {"body": "b", "far": "f", "accent": "a", "floor": "l", "prop": "p", "band": "n",
          "mat": "m", "halo": "h"}
_VAR = {"body": "--fig-body", "far": "--fig-far", "accent": "--fig-accent",
        "floor": "--fig-floor", "prop": "--fig-prop", "band": "--fig-band", "mat": "--fig-mat",
        "halo": "--fig-bg"}
PAD = 4.0
FLOOR_W = 2.0


# -- plain geometry, for the SVG and for the PDF ---------------------------------------------

@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    role: str  # a key of COLOURS
    round: bool = True  # round caps (limbs) or butt (bands)
    part: str = ""  # what it draws: thigh_l, head, band-ankles, floor, step...

    @property
    def colour(self) -> str:
        return COLOURS[self.role]


@dataclass(frozen=True, slots=True)
class Circle:
    cx: float
    cy: float
    r: float
    role: str
    part: str = ""

    @property
    def colour(self) -> str:
        return COLOURS[self.role]


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    role: str
    radius: float = 0.0
    part: str = ""

    @property
    def colour(self) -> str:
        return COLOURS[self.role]


Shape = Line | Circle | Rect


@dataclass(frozen=True, slots=True)
class Drawing:
    """A still: shapes in paint order, in a box `width` x `height` with y pointing down and the
    floor's top edge at `floor_y`."""

    width: float
    height: float
    floor_y: float
    shapes: tuple[Shape, ...]


# -- pieces ----------------------------------------------------------------------------------

Place = tuple[float, float, float, float]  # x, y (y up), rotation (degrees, SVG), scale x


@dataclass(frozen=True, slots=True)
class _Piece:
    name: str
    shapes: tuple[Shape, ...]  # in the piece's own coordinates, y down
    place: Callable[[Body], Place]
    rotates: bool = True


def _segment_place(name: str) -> Callable[[Body], Place]:
    def place(body: Body) -> Place:
        s = body.segments[name]
        return (s.start[0], s.start[1], 90.0 - s.phi, math.cos(math.radians(s.tilt)))
    return place


def _point_place(name: str) -> Callable[[Body], Place]:
    def place(body: Body) -> Place:
        x, y, _r = body.points[name]
        return (x, y, 0.0, 1.0)
    return place


SHORTEST_BAND = 0.5
"""A band shorter than this (body units; both legs in the same pose in a side view) is not
drawn: scaled to nothing, so that it has no direction to mirror."""


def _between_place(a: str, b: str) -> Callable[[Body], Place]:
    """A piece stretched from point a to point b (a band)."""
    def place(body: Body) -> Place:
        ax, ay, _ = body.points[a]
        bx, by, _ = body.points[b]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        if length < SHORTEST_BAND:
            return (ax, ay, 0.0, 0.0)
        return (ax, ay, math.degrees(math.atan2(-dy, dx)), length)
    return place


def _middle_place(a: str, b: str, drop: float = 0.0) -> Callable[[Body], Place]:
    def place(body: Body) -> Place:
        ax, ay, _ = body.points[a]
        bx, by, _ = body.points[b]
        return ((ax + bx) / 2, (ay + by) / 2 - drop, 0.0, 1.0)
    return place


def _cuff_place(point: str, segment: str) -> Callable[[Body], Place]:
    """A band around a limb: across the segment at the point."""
    def place(body: Body) -> Place:
        x, y, _ = body.points[point]
        return (x, y, 90.0 - body.segments[segment].phi + 90.0, 1.0)
    return place


def _ball_under_heels(body: Body) -> Place:
    lx, _, _ = body.points["left_heel"]
    rx, _, _ = body.points["right_heel"]
    low = min(body.lowest("left_heel"), body.lowest("right_heel"))
    return ((lx + rx) / 2, low - BALL_R, 0.0, 1.0)


def _slider_place(foot: str) -> Callable[[Body], Place]:
    def place(body: Body) -> Place:
        side = foot.removesuffix("_foot")
        x = (body.points[f"{side}_heel"][0] + body.points[f"{side}_toe"][0]) / 2
        return (x, min(body.lowest(f"{side}_heel"), body.lowest(f"{side}_toe")), 0.0, 1.0)
    return place


def _floor_place(point: str) -> Callable[[Body], Place]:
    """On the floor under a body point (a towel under a knee)."""
    def place(body: Body) -> Place:
        return (body.points[point][0], 0.0, 0.0, 1.0)
    return place


TOWEL_WIDTH = 24.0
PACK_FROM, PACK_TO = 14.0, 40.0
"""The backpack's ends along the trunk, from the hip joint (a side view)."""
PACK_W = 12.0


def pack_offset(view: str, at: str, trunk_w: float) -> float:
    """How far the backpack's middle line is from the trunk's, across it: + in front (the
    way she faces), - behind. Seen from the front a pack at the chest is on the trunk."""
    if at == "chest":
        return trunk_w / 2 + 3.0 if view == "side" else 0.0
    return -trunk_w / 2 - 3.0


def _limb(name: str, length: float, width: float, role: str) -> _Piece:
    return _Piece(name, (Line(0.0, 0.0, length, 0.0, width, role),), _segment_place(name))


def _halo(pieces: list[_Piece]) -> list[_Piece]:
    """White outlines drawn under a chain of limbs (moved by the same keyframes)."""
    out = []
    for piece in pieces:
        if piece.name.startswith("dumbbell"):
            continue
        shapes = tuple(Line(s.x1, s.y1, s.x2, s.y2, s.width + 3.5, "halo")
                       for s in piece.shapes if isinstance(s, Line))
        out.append(_Piece(f"halo_{piece.name}", shapes, piece.place, piece.rotates))
    return out


def _dumbbell(upright: bool) -> tuple[Shape, ...]:
    if upright:  # held at the chest, plates up and down
        return (Rect(-1.5, -9.0, 3.0, 18.0, "prop"), Rect(-6.0, -12.0, 12.0, 5.0, "prop", 1.5),
                Rect(-6.0, 7.0, 12.0, 5.0, "prop", 1.5))
    return (Rect(-8.0, -1.5, 16.0, 3.0, "prop"), Rect(-10.0, -6.0, 5.0, 12.0, "prop", 1.5),
            Rect(5.0, -6.0, 5.0, 12.0, "prop", 1.5))


def _pieces(figure: Figure, near: str, far: str) -> list[_Piece]:
    """Every moving piece in paint order (far side first)."""
    body0 = at_frame(figure, 0)
    side_view = figure.view == "side"

    def role(limb: str, side: str) -> str:
        if f"{limb}_{side}" in figure.highlight:
            return "accent"
        return "far" if side_view and side == far else "body"

    def leg(side: str) -> list[_Piece]:
        r = role("leg", side)
        return [_limb(f"thigh_{side}", body0.segments[f"thigh_{side}"].length, LEG_W, r),
                _limb(f"shin_{side}", body0.segments[f"shin_{side}"].length, LEG_W, r),
                _limb(f"foot_{side}", body0.segments[f"foot_{side}"].length,
                      body0.segments[f"foot_{side}"].width, r)]

    def arm(side: str) -> list[_Piece]:
        r = role("arm", side)
        w = body0.segments[f"arm_{side}"].width
        pieces = [_limb(f"arm_{side}", body0.segments[f"arm_{side}"].length, w, r),
                  _limb(f"forearm_{side}", body0.segments[f"forearm_{side}"].length, w, r)]
        name = "left" if side == "l" else "right"
        for prop in figure.props:
            if prop.kind == "dumbbell" and prop.at in (f"{name}_hand", "hands"):
                pieces.append(_Piece(f"dumbbell_{side}", _dumbbell(False),
                                     _point_place(f"{name}_hand"), rotates=False))
        return pieces

    kinds = {prop.kind: prop for prop in figure.props}

    def cuffs(side: str) -> list[_Piece]:
        name = "left" if side == "l" else "right"
        pieces = []
        for kind, where, segment in (("band-ankles", "band_ankle", "shin"),
                                     ("band-knees", "band_knee", "thigh")):
            if kind in kinds:
                cuff = Line(-LEG_W / 2 - 1.0, 0.0, LEG_W / 2 + 1.0, 0.0, 3.0, "band", False)
                pieces.append(_Piece(f"cuff_{segment}_{side}", (cuff,),
                                     _cuff_place(f"{name}_{where}", f"{segment}_{side}")))
        return pieces

    middle: list[_Piece] = []
    for kind, where in (("band-ankles", "band_ankle"), ("band-knees", "band_knee")):
        if kind in kinds:
            middle.append(_Piece(f"{kind}", (Line(0.0, 0.0, 1.0, 0.0, 2.5, "band", False),),
                                 _between_place(f"left_{where}", f"right_{where}")))
    if "small-ball" in kinds:
        middle.append(_Piece("small-ball", (Circle(0.0, 0.0, 10.0, "prop"),),
                             _middle_place("left_knee", "right_knee"), rotates=False))
    towels = [p for p in figure.props if p.kind == "towel"]
    for towel in towels:
        if towel.at in (None, "knees"):  # rolled between the knees
            middle.append(_Piece("towel", (Rect(-11.0, -8.0, 22.0, 16.0, "prop", 6.0),),
                                 _middle_place("left_knee", "right_knee"), rotates=False))
    under = [_Piece(f"towel_{t.at}", (Rect(-TOWEL_WIDTH / 2, -TOWEL_HEIGHT, TOWEL_WIDTH,
                                           TOWEL_HEIGHT, "prop", 1.5),),
                    _floor_place(t.at), rotates=False)
             for t in towels if t.at in ("left_knee", "right_knee")]
    ball = kinds.get("exercise-ball")
    behind: list[_Piece] = []
    if ball is not None:
        place = _ball_under_heels if ball.at == "heels" else _point_place("ball_back")
        behind.append(_Piece("exercise-ball", (Circle(0.0, 0.0, BALL_R, "prop"),), place,
                             rotates=False))
    sliders = [_Piece(f"slider_{p.at}", (Rect(-9.0, -2.0, 18.0, 2.0, "prop", 1.0),),
                      _slider_place(p.at or "left_foot"), rotates=False)
               for p in figure.props if p.kind == "slider"]
    trunk_w = body0.segments["trunk"].width
    trunk_shapes: list[Shape] = [Line(0.0, 0.0, body0.segments["trunk"].length, 0.0, trunk_w,
                                      "body")]
    pack = kinds.get("backpack")
    if pack is not None and pack.at == "chest":  # hugged in front: the trunk's +y side
        offset = pack_offset(figure.view, "chest", trunk_w)
        trunk_shapes.append(Line(PACK_FROM, offset, PACK_TO, offset, PACK_W, "prop"))
    elif pack is not None:  # on the back, which is the trunk's -y side
        offset = pack_offset(figure.view, "back", trunk_w)
        trunk_shapes.insert(0, Line(PACK_FROM, offset, PACK_TO, offset, PACK_W, "prop"))
    trunk = [_Piece("trunk", tuple(trunk_shapes), _segment_place("trunk")),
             _Piece("head", (Circle(0.0, 0.0, HEAD_R, "body"),), _point_place("head"),
                    rotates=False)]
    chest = ([_Piece("dumbbell-chest", _dumbbell(True), _point_place("chest"), rotates=False)]
             if "dumbbell-chest" in kinds else [])
    for prop in figure.props:  # a long loop band from under one foot up to both hands
        if prop.kind == "band-foot-hands":
            foot = (prop.at or "left_foot").removesuffix("_foot")
            chest += [_Piece(f"band-foot-hands_{s}",
                             (Line(0.0, 0.0, 1.0, 0.0, 2.5, "band", False),),
                             _between_place(f"{foot}_sole", f"{hand}_hand"))
                      for s, hand in (("r", "right"), ("l", "left"))]
    if side_view:
        return [*sliders, *under, *arm(far), *leg(far), *cuffs(far), *behind, *middle, *trunk,
                *_halo(leg(near)), *leg(near), *cuffs(near), *chest, *_halo(arm(near)),
                *arm(near)]
    # front view: the highlighted leg in front of the other
    legs = sorted((near, far), key=lambda s: f"leg_{s}" in figure.highlight)
    return [*sliders, *under, *behind, *trunk,
            *[p for s in legs for p in _halo(leg(s)) + leg(s) + cuffs(s)],
            *middle, *chest, *_halo(arm(far)), *arm(far), *_halo(arm(near)), *arm(near)]


# -- where things are ------------------------------------------------------------------------

def _mirrors(figure: Figure, side: Side | None) -> bool:
    """Side view: drawn as authored (facing right, the working `_l` limbs toward the viewer)
    that is how one sees the RIGHT side set; the left side set is its mirror image. Front
    view: the figure faces the viewer, its left on the picture's right: the left side set is
    as authored and the right side set the mirror image."""
    if figure.view == "side":
        return side == "left"
    return side == "right"


def _body(figure: Figure, mirror: bool, t: float | None = None, frame: int = 0) -> Body:
    shape = at_frame(figure, frame) if t is None else at_time(figure, t)
    return shape.mirrored() if mirror else shape


def _still_props(figure: Figure, mirror: bool) -> list[Prop]:
    props = []
    for prop in figure.props:
        if prop.x is None or prop.width is None:
            continue
        x = -(prop.x + prop.width) if mirror else prop.x
        props.append(Prop(prop.kind, None, x, prop.width, prop.height))
    return props


def _bounds(bodies: list[Body], pieces: list[_Piece], props: list[Prop],
            mirror: bool) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = [0.0]
    for body in bodies:
        for piece in pieces:
            for x, y, r in _piece_extent(piece, body, mirror):
                xs += [x - r, x + r]
                ys += [y - r, y + r]
    for prop in props:
        assert prop.x is not None and prop.width is not None
        if prop.kind == "wall":
            xs.append(prop.x)
        elif prop.kind != "mat":
            xs += [prop.x, prop.x + prop.width]
            ys.append(prop.height or 0.0)
    return min(xs) - PAD, max(xs) + PAD, min(ys) - PAD, max(ys) + PAD


def _piece_extent(piece: _Piece, body: Body,
                  mirror: bool) -> Iterator[tuple[float, float, float]]:
    for shape in _placed_shapes(piece, body, mirror, flip=True):
        if isinstance(shape, Line):
            yield shape.x1, -shape.y1, shape.width / 2
            yield shape.x2, -shape.y2, shape.width / 2
        elif isinstance(shape, Circle):
            yield shape.cx, -shape.cy, shape.r
        else:
            yield shape.x, -shape.y, 0.0
            yield shape.x + shape.width, -shape.y - shape.height, 0.0


def _local(shape: Shape, mirror: bool, rotates: bool) -> Shape:
    """A piece's own shape in the mirror image: flipped across its length (rotating pieces)
    or left to right (pieces that only move)."""
    if not mirror:
        return shape
    if isinstance(shape, Line):
        if rotates:
            return replace(shape, y1=-shape.y1, y2=-shape.y2)
        return replace(shape, x1=-shape.x1, x2=-shape.x2)
    if isinstance(shape, Circle):
        return replace(shape, cy=-shape.cy) if rotates else replace(shape, cx=-shape.cx)
    if rotates:
        return replace(shape, y=-shape.y - shape.height)
    return replace(shape, x=-shape.x - shape.width)


def _placed_shapes(piece: _Piece, body: Body, mirror: bool, flip: bool) -> list[Shape]:
    """The piece's shapes where the body puts them, y down (world y negated)."""
    x, y, angle, scale = piece.place(body)
    rad = math.radians(angle)
    c, s = math.cos(rad), math.sin(rad)

    def move(px: float, py: float) -> tuple[float, float]:
        px *= scale
        return (x + px * c - py * s, -y + px * s + py * c)

    shapes: list[Shape] = []
    for local in piece.shapes:
        shape = _local(local, mirror and flip, piece.rotates)
        if isinstance(shape, Line):
            (x1, y1), (x2, y2) = move(shape.x1, shape.y1), move(shape.x2, shape.y2)
            shapes.append(replace(shape, x1=x1, y1=y1, x2=x2, y2=y2, part=piece.name))
        elif isinstance(shape, Circle):
            cx, cy = move(shape.cx, shape.cy)
            shapes.append(replace(shape, cx=cx, cy=cy, part=piece.name))
        else:  # rectangles only on pieces that do not turn
            rx, ry = move(shape.x, shape.y)
            shapes.append(replace(shape, x=rx, y=ry, part=piece.name))
    return shapes


# -- the still as geometry -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Layout:
    pieces: list[_Piece]
    props: list[Prop]
    left: float
    top: float
    width: float
    height: float
    mirror: bool


def _layout(figure: Figure, side: Side | None, times: list[float] | None = None) -> _Layout:
    mirror = _mirrors(figure, side)
    near, far = "l", "r"
    pieces = _pieces(figure, near, far)
    bodies = [_body(figure, mirror, t)
              for t in (sample_times(figure) if times is None else times)]
    bodies += [_body(figure, mirror, frame=i) for i in range(len(figure.frames))]
    props = _still_props(figure, mirror)
    x0, x1, y0, y1 = _bounds(bodies, pieces, props, mirror)
    return _Layout(pieces, props, x0, -y1, x1 - x0, y1 - y0, mirror)


def _drawing(figure: Figure, layout: _Layout, body: Body) -> Drawing:
    dx, dy = -layout.left, -layout.top
    shapes: list[Shape] = []
    for shape in _static_shapes(layout):
        shapes.append(shifted(shape, dx, dy))
    for piece in layout.pieces:
        for shape in _placed_shapes(piece, body, layout.mirror, flip=True):
            shapes.append(shifted(shape, dx, dy))
    return Drawing(layout.width, layout.height, dy, tuple(shapes))


def _static_shapes(layout: _Layout) -> list[Shape]:
    """Floor, mat, steps and wall, y down with the floor at 0."""
    shapes: list[Shape] = []
    right = layout.left + layout.width
    for prop in layout.props:
        assert prop.x is not None and prop.width is not None
        if prop.kind == "mat":
            shapes.append(Rect(prop.x, 0.0, prop.width, 5.0, "mat", 1.0, "mat"))
        elif prop.kind == "wall":
            shapes.append(Line(prop.x, FLOOR_W, prop.x, layout.top, 4.0, "floor", False, "wall"))
    shapes.append(Line(layout.left, FLOOR_W / 2, right, FLOOR_W / 2, FLOOR_W, "floor", False,
                         "floor"))
    for prop in layout.props:
        assert prop.x is not None and prop.width is not None
        if prop.kind in ("step", "book"):
            height = prop.height or 0.0
            shapes.append(Rect(prop.x, -height, prop.width, height, "prop", 1.5, prop.kind))
    return shapes


def shifted(shape: Shape, dx: float, dy: float) -> Shape:
    """The shape moved by (dx, dy)."""
    if isinstance(shape, Line):
        return replace(shape, x1=shape.x1 + dx, y1=shape.y1 + dy, x2=shape.x2 + dx,
                       y2=shape.y2 + dy)
    if isinstance(shape, Circle):
        return replace(shape, cx=shape.cx + dx, cy=shape.cy + dy)
    return replace(shape, x=shape.x + dx, y=shape.y + dy)


def key_pose(figure: Figure, side: Side | None = None, frame: int | None = None) -> Drawing:
    """The key frame (or `frame`, from 0) as plain geometry, for writers without SVG."""
    layout = _layout(figure, side)
    index = figure.key if frame is None else frame
    return _drawing(figure, layout, _body(figure, layout.mirror, frame=index))


# -- SVG -------------------------------------------------------------------------------------

def _n(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        return "0"
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def _shape_svg(shape: Shape) -> str:
    cls = _CLASS[shape.role]
    if isinstance(shape, Line):
        cls = cls if shape.round else f"{cls} c"
        coords = "".join(f' {k}="{_n(v)}"' for k, v in
                         (("x1", shape.x1), ("y1", shape.y1), ("x2", shape.x2),
                          ("y2", shape.y2)) if v != 0.0)
        return f'<line class="{cls}"{coords} stroke-width="{_n(shape.width)}"/>'
    if isinstance(shape, Circle):
        centre = "".join(f' {k}="{_n(v)}"' for k, v in (("cx", shape.cx), ("cy", shape.cy))
                         if v != 0.0)
        return f'<circle class="{cls}"{centre} r="{_n(shape.r)}"/>'
    corner = f' rx="{_n(shape.radius)}"' if shape.radius else ""
    return (f'<rect class="{cls}" x="{_n(shape.x)}" y="{_n(shape.y)}" '
            f'width="{_n(shape.width)}" height="{_n(shape.height)}"{corner}/>')


def _style(prefix: str) -> str:
    p = f".{prefix}"
    rules = [f"{p} line{{stroke-linecap:round}}{p} .c{{stroke-linecap:butt}}"
             f"{p} circle,{p} rect{{stroke-width:0}}"]
    for role, cls in _CLASS.items():
        colour = f"var({_VAR[role]},{COLOURS[role]})"
        rules.append(f"{p} .{cls}{{stroke:{colour};fill:{colour}}}")
    return "".join(rules)


def _scale(sx: float) -> str:
    """A scale to a tenth of a unit: a band (drawn 1 long) is scaled to its length, which may
    be over 100 (a band from a foot up to the hands), where 3 digits would be whole units."""
    return _n(sx) if abs(sx) >= 10.0 else f"{sx:.3g}"


def _transform_attr(place: Place, rotate: bool, scale: bool) -> str:
    x, y, angle, sx = place
    parts = [f"translate({_n(x)} {_n(y)})"]
    if rotate:
        parts.append(f"rotate({_n(angle)})")
    if scale:
        parts.append(f"scale({_scale(sx)} 1)")
    return " ".join(parts)


def _transform_css(place: Place, rotate: bool, scale: bool) -> str:
    x, y, angle, sx = place
    text = f"translate({_n(x)}px,{_n(y)}px)"
    if rotate:
        text += f"rotate({_n(angle)}deg)"
    if scale:
        text += f"scale({_scale(sx)},1)"
    return text


def _svg_place(place: Place, dx: float, dy: float) -> Place:
    x, y, angle, sx = place
    return (x + dx, -y + dy, angle, sx)


def _unwrap(places: list[Place]) -> list[Place]:
    out: list[Place] = []
    for place in places:
        angle = place[2]
        if out:
            before = out[-1][2]
            angle = before + ((angle - before + 180.0) % 360.0 - 180.0)
        out.append((place[0], place[1], angle, place[3]))
    return out


PRUNE_TOLERANCE = 0.25
"""How far (body units) a piece may be drawn from a sample once that sample's keyframe is
dropped: the browser's straight line between the kept keyframes must pass within this of
every dropped sample, at every corner of the piece."""


def _corners(shapes: tuple[Shape, ...]) -> list[tuple[float, float]]:
    """The points that fix where a piece's shapes are (in its own coordinates)."""
    points: list[tuple[float, float]] = []
    for shape in shapes:
        if isinstance(shape, Line):
            points += [(shape.x1, shape.y1), (shape.x2, shape.y2)]
        elif isinstance(shape, Circle):
            points.append((shape.cx, shape.cy))
        else:
            points += [(shape.x, shape.y), (shape.x + shape.width, shape.y + shape.height)]
    return points or [(0.0, 0.0)]


def _where(place: Place, corners: list[tuple[float, float]]) -> list[tuple[float, float]]:
    x, y, angle, scale = place
    rad = math.radians(angle)
    c, s = math.cos(rad), math.sin(rad)
    return [(x + px * scale * c - py * s, y + px * scale * s + py * c) for px, py in corners]


def _prune(times: list[float], places: list[Place],
           corners: list[tuple[float, float]]) -> tuple[list[float], list[Place]]:
    """The fewest keyframes (greedily, from the start) that draw the piece within
    PRUNE_TOLERANCE of every sample: from each kept sample, the next kept one is the furthest
    whose straight line (the browser's interpolation of translate, rotate and scale) passes
    every sample between them within the tolerance, at each of the piece's corners. Every
    dropped sample is checked against the keyframes actually kept, so errors do not add up
    along a run of dropped samples."""
    drawn = [_where(place, corners) for place in places]

    def fits(i: int, j: int) -> bool:
        for k in range(i + 1, j):
            u = (times[k] - times[i]) / (times[j] - times[i])
            guess = tuple(a + (b - a) * u for a, b in zip(places[i], places[j], strict=True))
            for got, want in zip(_where(guess, corners), drawn[k], strict=True):  # type: ignore[arg-type]
                if math.dist(got, want) > PRUNE_TOLERANCE:
                    return False
        return True

    keep = [0]
    while keep[-1] < len(times) - 1:
        i = keep[-1]
        j = i + 1
        while j + 1 < len(times) and fits(i, j + 1):
            j += 1
        keep.append(j)
    return [times[k] for k in keep], [places[k] for k in keep]


def figure_svg(figure: Figure, *, side: Side | None = None, still: bool = False,
               title: str | None = None, frame: int | None = None) -> str:
    """The figure as a standalone SVG: animated through one rep (looping), or with `still`
    (or a held pose) only the key frame (or `frame`, from 0). `side` is the side set shown."""
    sampled = sample_times(figure)
    layout = _layout(figure, side, sampled)
    dx, dy = -layout.left, -layout.top
    animate = not still and not figure.hold and len(figure.frames) > 1 and frame is None
    digest = hashlib.sha1(
        f"{figure.exercise_id}|{figure.variation}|{side}|{animate}|{frame}".encode()
    ).hexdigest()[:6]
    prefix = f"g{digest}"
    index = figure.key if frame is None else frame
    key_body = _body(figure, layout.mirror, frame=index)
    times = [*sampled, 1.0] if animate else []
    bodies = [_body(figure, layout.mirror, t) for t in times]
    seconds = figure.seconds or 3.0
    styles = [_style(prefix)]
    names: dict[str, str] = {}  # keyframes -> their name, shared by pieces that move alike
    elements: list[str] = []
    for shape in _static_shapes(layout):
        elements.append(_shape_svg(shifted(shape, dx, dy)))
    for number, piece in enumerate(layout.pieces):
        inner = "".join(_shape_svg(_local(s, layout.mirror, piece.rotates))
                        for s in piece.shapes)
        key_place = _svg_place(piece.place(key_body), dx, dy)
        places = _unwrap([_svg_place(piece.place(b), dx, dy) for b in bodies])
        rotate = piece.rotates
        scale = any(abs(p[3] - 1.0) > 1e-3 for p in [key_place, *places])
        style = ""
        if places and any(abs(a - b) > 1e-3 for p in places[1:]
                          for a, b in zip(p, places[0], strict=True)):
            keep_t, keep_p = _prune(times, places, _corners(piece.shapes))
            frames = "".join(f"{_n(t * 100)}%{{transform:{_transform_css(p, rotate, scale)}}}"
                             for t, p in zip(keep_t, keep_p, strict=True))
            name = names.get(frames, f"{prefix}{number}")
            if frames not in names:
                names[frames] = name
                styles.append(f"@keyframes {name}{{{frames}}}")
            style = f' style="animation-name:{name}"'
        elements.append(f'<g transform="{_transform_attr(key_place, rotate, scale)}"{style}>'
                        f"{inner}</g>")
    if animate:
        p = f".{prefix}"
        styles.append(f"{p} g{{animation:{_n(seconds)}s linear infinite}}"
                      f"@media(prefers-reduced-motion:reduce){{{p} g{{animation:none!important}}}}"
                      f"{p}.paused g,.paused {p} g{{animation-play-state:paused}}")
    label = f"<title>{_escape(title)}</title>" if title else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(layout.width)} '
            f'{_n(layout.height)}" class="{prefix} figure" role="img">{label}'
            f"<style>{''.join(styles)}</style>{''.join(elements)}</svg>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
