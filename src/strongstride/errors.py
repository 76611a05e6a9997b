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

    def located(self, source: str) -> Issue:
        return Issue(self.message, self.span, self.severity, source)

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


class NotFound(StrongstrideError):
    """A routine, exercise or file the user named does not exist."""


class FieldError(StrongstrideError):
    """A value that is well formed but wrong, such as a step not in the session's plan:
    `field` names it, so a form or an API answer can put the message next to it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NameTaken(StrongstrideError):
    """Another user has this name."""


class Unavailable(StrongstrideError):
    """The database failed (unreachable, full, read-only...): the server's problem, not a
    value the user gave; worth trying again later."""
