"""Analysis: pure functions over logged sets and sessions (no database, framework or clock).

progress (best set, volume, Epley), symmetry (LSI and the flag), balance (weekly sets per
muscle), adherence (sessions per week, streaks, calendar), pain (traffic light, next morning,
red flags), next_session (a suggestion per exercise) and report (all of it, and its JSON).
The rules and their defaults: docs/analysis.md; every number lives in `Settings`.
"""

from strongstride.analysis.adherence import (
    Adherence,
    CalendarDay,
    TrainingWeek,
    WeekCount,
    adherence,
    calendar,
    training_weeks,
)
from strongstride.analysis.balance import Balance, MuscleSets, WeekBalance, balance
from strongstride.analysis.deload import DeloadDue, deload_due
from strongstride.analysis.focus import Focus, focus
from strongstride.analysis.history import Side, iso_week
from strongstride.analysis.next_session import Outlook, next_session, suggest
from strongstride.analysis.pain import (
    Light,
    MorningCheck,
    MorningResult,
    PainTrend,
    RedFlag,
    SetLight,
    StiffnessWeek,
    Stop,
    morning_after,
    morning_results,
    note_flags,
    pain_trends,
    red_flags,
    set_lights,
    stiffness_rising,
    stiffness_weeks,
    traffic_light,
)
from strongstride.analysis.progress import BestSet, SideProgress, best_set, epley, progress
from strongstride.analysis.progression import Kind
from strongstride.analysis.report import PainReport, Report, build_report, report_dict
from strongstride.analysis.settings import DEFAULT_SETTINGS, RpeStep, Settings
from strongstride.analysis.suggestion import Action, Suggestion, Target
from strongstride.analysis.symmetry import (
    SessionSymmetry,
    Status,
    SymmetryResult,
    compare_session,
    summarize,
    symmetry,
)

__all__ = [
    "DEFAULT_SETTINGS",
    "Action",
    "Adherence",
    "Balance",
    "BestSet",
    "CalendarDay",
    "DeloadDue",
    "Focus",
    "Kind",
    "Light",
    "MorningCheck",
    "MorningResult",
    "MuscleSets",
    "Outlook",
    "PainReport",
    "PainTrend",
    "RedFlag",
    "Report",
    "RpeStep",
    "SessionSymmetry",
    "SetLight",
    "Settings",
    "Side",
    "SideProgress",
    "Status",
    "StiffnessWeek",
    "Stop",
    "Suggestion",
    "SymmetryResult",
    "Target",
    "TrainingWeek",
    "WeekBalance",
    "WeekCount",
    "adherence",
    "balance",
    "best_set",
    "build_report",
    "calendar",
    "compare_session",
    "deload_due",
    "epley",
    "focus",
    "iso_week",
    "morning_after",
    "morning_results",
    "next_session",
    "note_flags",
    "pain_trends",
    "progress",
    "red_flags",
    "report_dict",
    "set_lights",
    "stiffness_rising",
    "stiffness_weeks",
    "suggest",
    "summarize",
    "symmetry",
    "traffic_light",
    "training_weeks",
]
