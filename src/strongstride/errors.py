"""Errors are values: an Issue says what is wrong, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Span:
    """A place in a text: 1-based line and column."""

    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)
class Issue:
    message: str
    span: Span | None = None
    severity: Severity = "error"
    source: str = "<text>"
    field: str | None = None
    """The record's field the issue is about (`note`, `race.distance`), where there is one:
    a form puts the message next to that field."""

    def located(self, source: str) -> Issue:
        return Issue(self.message, self.span, self.severity, source, self.field)

    def render(self) -> str:
        """`FILE:LINE:COL: message`, the form editors and compilers use."""
        if self.span is None:
            return f"{self.source}: {self.severity}: {self.message}"
        return f"{self.source}:{self.span.line}:{self.span.column}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.source,
            "line": self.span.line if self.span else None,
            "column": self.span.column if self.span else None,
            "severity": self.severity,
            "message": self.message,
        }


class StrongstrideError(Exception):
    """A problem the user can fix; carries the issues that explain it."""

    def __init__(self, message: str, issues: tuple[Issue, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.issues = issues


class Invalid(StrongstrideError):
    """A record that breaks a rule (see `strongstride.rules`); `issues` names each field."""

    def __init__(self, issues: tuple[Issue, ...], where: str = "") -> None:
        words = "; ".join(issue.message for issue in issues)
        super().__init__(f"{where}: {words}" if where else words, issues)
        self.field = issues[0].field if issues else None


class NotFound(StrongstrideError):
    """A routine, exercise or file the user named does not exist."""


class FieldError(Invalid):
    """One field that is well formed but wrong, such as a step not in the session's plan:
    `field` names it, so a form or an API answer can put the message next to it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__((Issue(message, field=field),))


class NameTaken(StrongstrideError):
    """Another user has this name."""


class Unavailable(StrongstrideError):
    """The database failed (unreachable, full, read-only...): the server's problem, not a
    value the user gave; worth trying again later."""
