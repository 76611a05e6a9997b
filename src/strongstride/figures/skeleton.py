"""The body: one skeleton with fixed segment lengths, the joints and their anatomical ranges,
and forward kinematics from joint angles to the positions of the segments.

Units are body units (about a centimetre: the standing figure is about 175 tall). Positions
here have y pointing up and the pelvis at the origin; placement on the floor is `motion`'s job.

Directions are angles `phi` in degrees with 0 pointing straight down and positive turning
toward +x (counter-clockwise): the direction vector is (sin phi, -cos phi).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

View = Literal["side", "front"]
VIEWS: tuple[View, ...] = ("side", "front")

# Segment lengths (3D; a tilted segment is drawn shorter) and drawn widths.
TRUNK = 50.0  # hip joint to shoulder joint
HEAD_R = 10.5
HEAD_OFFSET = 22.0  # shoulder joint to the centre of the head
UPPER_ARM = 29.0
FOREARM = 30.0  # elbow to the middle of the fist
THIGH = 42.0
SHIN = 42.0
FOOT = 19.0  # heel to toe, side view (centres of the foot's round ends)
FOOT_FRONT = 8.0  # the foot seen from the front: inner to outer edge
HEEL_BACK = 3.0  # the heel's centre behind the ankle, along the foot (side view)
HEEL_BACK_FRONT = 2.5  # the inner edge's centre inside the ankle (front view)
SOLE_DEPTH = 4.5  # the foot's centre line below the ankle joint
HIP_HALF = 8.0  # front view: hip joint to the middle of the pelvis
SHOULDER_HALF = 15.0  # front view: shoulder joint to the middle of the chest
BALL_R = 27.0  # the exercise ball

TRUNK_W = {"side": 20.0, "front": 26.0}
LEG_W = 12.0
ARM_W = 8.5
FOOT_W = 7.0

SIDES = ("l", "r")

# (joint, low, high, what the angle means) per view.
_SIDE_RANGES: dict[str, tuple[float, float, str]] = {
    "trunk": (-180.0, 180.0, "lean from vertical, positive toward where the figure faces"),
    "neck": (-60.0, 60.0, "flexion (chin to chest) positive, extension negative"),
    "shoulder": (-60.0, 180.0, "flexion (arm forward and up) positive, extension negative"),
    "elbow": (0.0, 150.0, "flexion"),
    # The trunk is one rigid segment, so the side view's hip angle also carries the lower
    # back's bend: trunk-to-thigh flexion goes to 155 (the hip joint alone to about 125-140),
    # so a deep lizard can put the hands on the mat.
    "hip": (-30.0, 155.0, "flexion (thigh forward) positive, extension negative; with the "
            "lower back's bend"),
    "knee": (-5.0, 155.0, "flexion, 0 straight"),
    "ankle": (-60.0, 40.0, "dorsiflexion (toes up) positive, plantarflexion negative"),
}
_FRONT_RANGES: dict[str, tuple[float, float, str]] = {
    "trunk": (-60.0, 60.0, "side bend from vertical, positive toward the figure's left"),
    "neck": (-45.0, 45.0, "side bend, positive toward the figure's left"),
    "shoulder": (-20.0, 180.0, "abduction (arm out and up) positive"),
    "elbow": (-30.0, 160.0, "bend seen from the front, forearm toward the middle positive"),
    "hip": (-30.0, 70.0, "abduction (thigh out) positive, adduction negative"),
    "knee": (-70.0, 30.0, "bend seen from the front, shin out positive, in negative"),
    "ankle": (-45.0, 45.0, "sole tilt as seen, outer edge up positive"),
}
RANGES: dict[View, dict[str, tuple[float, float, str]]] = {
    "side": _SIDE_RANGES,
    "front": _FRONT_RANGES,
}
TILT_RANGE = (-70.0, 70.0)
TILTED = ("thigh", "shin", "foot", "arm", "forearm")
"""Segments that may turn out of the picture: drawn length = length * cos(tilt)."""

SIDED_JOINTS = ("shoulder", "elbow", "hip", "knee", "ankle")
JOINTS: tuple[str, ...] = (
    "trunk",
    "neck",
    *(f"{joint}_{side}" for joint in SIDED_JOINTS for side in SIDES),
    *(f"tilt_{segment}_{side}" for segment in TILTED for side in SIDES),
)
"""Every angle a frame may set."""


def joint_range(view: View, joint: str) -> tuple[float, float, str]:
    """(low, high, meaning) of an angle name such as `hip_l` or `tilt_thigh_r`."""
    if joint.startswith("tilt_"):
        return (*TILT_RANGE, "turn out of the picture (0 in the picture's plane)")
    return RANGES[view][joint.removesuffix("_l").removesuffix("_r")]


@dataclass(frozen=True, slots=True)
class Segment:
    """One drawn piece: a round-capped line from `start` in direction `phi`, `length` long in
    3D and drawn `length * cos(tilt)` long."""

    name: str  # trunk, arm_l, forearm_l, thigh_l, shin_l, foot_l, ... (head is a circle)
    start: tuple[float, float]
    phi: float
    length: float
    tilt: float
    width: float

    @property
    def drawn(self) -> float:
        return self.length * math.cos(math.radians(self.tilt))

    @property
    def end(self) -> tuple[float, float]:
        return _ahead(self.start, self.phi, self.drawn)


@dataclass(frozen=True, slots=True)
class Body:
    """The body in one pose: segments in skeleton order and named points, each point with the
    radius of the round body part around it (its lowest point is `y - radius`)."""

    segments: dict[str, Segment]
    head: tuple[float, float]
    points: dict[str, tuple[float, float, float]]  # name -> (x, y, radius)

    def lowest(self, name: str) -> float:
        _x, y, radius = self.points[name]
        return y - radius

    def moved(self, dx: float, dy: float) -> Body:
        segments = {
            name: Segment(s.name, (s.start[0] + dx, s.start[1] + dy), s.phi, s.length, s.tilt,
                          s.width)
            for name, s in self.segments.items()
        }
        points = {name: (x + dx, y + dy, r) for name, (x, y, r) in self.points.items()}
        return Body(segments, (self.head[0] + dx, self.head[1] + dy), points)

    def mirrored(self) -> Body:
        """The exact mirror image about x = 0."""
        segments = {
            name: Segment(s.name, (-s.start[0], s.start[1]), -s.phi, s.length, s.tilt, s.width)
            for name, s in self.segments.items()
        }
        points = {name: (-x, y, r) for name, (x, y, r) in self.points.items()}
        return Body(segments, (-self.head[0], self.head[1]), points)


def _ahead(point: tuple[float, float], phi: float, distance: float) -> tuple[float, float]:
    rad = math.radians(phi)
    return (point[0] + distance * math.sin(rad), point[1] - distance * math.cos(rad))


def _cos(degrees: float) -> float:
    return math.cos(math.radians(degrees))


def body(view: View, angles: dict[str, float]) -> Body:
    """Forward kinematics: every segment and named point for these angles (all joints set)."""
    a = angles
    trunk_phi = 180.0 - a["trunk"]
    pelvis = (0.0, 0.0)
    shoulder_mid = _ahead(pelvis, trunk_phi, TRUNK)
    segments: dict[str, Segment] = {
        "trunk": Segment("trunk", pelvis, trunk_phi, TRUNK, 0.0, TRUNK_W[view]),
    }
    head = _ahead(shoulder_mid, trunk_phi - a["neck"], HEAD_OFFSET)
    trunk_r = TRUNK_W[view] / 2
    depth = 1.0 if view == "side" else 0.0  # front and back are out of a front view's plane
    points: dict[str, tuple[float, float, float]] = {
        "pelvis": (*pelvis, trunk_r),
        "back": (*shoulder_mid, trunk_r),
        "head": (*head, HEAD_R),
        # in front of the sternum (a side view; seen from the front, on the trunk's middle)
        "chest": (*_ahead(_ahead(shoulder_mid, trunk_phi, -13.0), trunk_phi - 90.0,
                          (trunk_r + 5.0) * depth), 5.0),
        "mid_back": (*_ahead(_ahead(pelvis, trunk_phi, 0.55 * TRUNK), trunk_phi + 90.0,
                             trunk_r * depth), 0.0),
        # the centre of an exercise ball held between the back and a wall
        "ball_back": (*_ahead(_ahead(pelvis, trunk_phi, 0.55 * TRUNK), trunk_phi + 90.0,
                              (trunk_r + BALL_R) * depth), 0.0),
    }
    for side in SIDES:
        # s turns the frontal-plane angles outward for each side; the side view has no side.
        s = 1.0 if view == "side" or side == "l" else -1.0
        across = 0.0 if view == "side" else s
        hip = _ahead(pelvis, trunk_phi - 90.0, across * HIP_HALF)
        shoulder = _ahead(shoulder_mid, trunk_phi - 90.0, across * SHOULDER_HALF)
        thigh_phi = trunk_phi + 180.0 + s * a[f"hip_{side}"]
        knee_sign = -1.0 if view == "side" else s
        shin_phi = thigh_phi + knee_sign * a[f"knee_{side}"]
        foot_phi = shin_phi + s * (90.0 + a[f"ankle_{side}"])
        arm_phi = trunk_phi + 180.0 + s * a[f"shoulder_{side}"]
        elbow_sign = 1.0 if view == "side" else -s
        forearm_phi = arm_phi + elbow_sign * a[f"elbow_{side}"]

        def add(name: str, start: tuple[float, float], phi: float, length: float,
                width: float, side: str = side) -> Segment:
            segment = Segment(f"{name}_{side}", start, phi, length, a[f"tilt_{name}_{side}"],
                              width)
            segments[segment.name] = segment
            return segment

        thigh = add("thigh", hip, thigh_phi, THIGH, LEG_W)
        shin = add("shin", thigh.end, shin_phi, SHIN, LEG_W)
        ankle = shin.end
        foot_len, heel_back = (FOOT, HEEL_BACK) if view == "side" else (FOOT_FRONT,
                                                                         HEEL_BACK_FRONT)
        tilt_foot = _cos(a[f"tilt_foot_{side}"])
        # the heel's centre: back along the foot, then down toward the sole
        heel = _ahead(_ahead(ankle, foot_phi, -heel_back * tilt_foot), foot_phi - s * 90.0,
                      SOLE_DEPTH)
        foot = add("foot", heel, foot_phi, foot_len, FOOT_W)
        arm = add("arm", shoulder, arm_phi, UPPER_ARM, ARM_W)
        forearm = add("forearm", arm.end, forearm_phi, FOREARM, ARM_W)
        name = "left" if side == "l" else "right"
        leg_r = LEG_W / 2
        points.update({
            f"{name}_hip": (*hip, leg_r),
            f"{name}_knee": (*thigh.end, leg_r),
            f"{name}_ankle": (*ankle, leg_r),
            f"{name}_heel": (*heel, FOOT_W / 2),
            f"{name}_toe": (*foot.end, FOOT_W / 2),
            f"{name}_shoulder": (*shoulder, ARM_W / 2),
            f"{name}_elbow": (*arm.end, ARM_W / 2),
            f"{name}_hand": (*forearm.end, ARM_W / 2),
            # where loop bands sit: just above the ankle, just above the knee
            f"{name}_band_ankle": (*_ahead(ankle, shin_phi, -7.0 * _cos(shin.tilt)), 0.0),
            f"{name}_band_knee": (*_ahead(thigh.end, thigh_phi, -9.0 * _cos(thigh.tilt)), 0.0),
        })
    return Body(segments, head, points)


FLOOR_POINTS: tuple[str, ...] = (
    "left_foot", "right_foot", "left_heel", "right_heel", "left_toe", "right_toe",
    "left_knee", "right_knee", "left_hand", "right_hand", "left_elbow", "right_elbow",
    "pelvis", "back", "head",
)
"""Names a figure may put on the floor; `left_foot` is the heel and the toe together."""


ON_FLOOR = "@floor"
"""Suffix of a floor name whose point rests on the floor itself even where a step or book
stands under its x (in a side view, the toes tap the floor beside the step)."""


def floor_name_known(name: str) -> bool:
    return name.removesuffix(ON_FLOOR) in FLOOR_POINTS


def contact_points(name: str) -> tuple[str, ...]:
    """The body points a floor name stands for."""
    name = name.removesuffix(ON_FLOOR)
    if name.endswith("_foot"):
        side = name.removesuffix("_foot")
        return (f"{side}_heel", f"{side}_toe")
    return (name,)
