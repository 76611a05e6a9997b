"""The terminal user's old equipment profile file: what she was without, in a small TOML file.

    # strongstride equipment profile: what you are without
    without = ["exercise-ball", "weights"]

The profile is now kept in the database, per user, as the web app keeps each account's (and a
backup holds it). This file is read once, when it is there, to move it into the database
(`Strongstride.move_equipment_file`).
"""

from __future__ import annotations

from pathlib import Path

from strongstride.errors import Issue, Span, StrongstrideError
from strongstride.paths import equipment_file


def read_missing(path: str | None = None) -> frozenset[str]:
    """The equipment ids the profile says she is without; none when there is no profile."""
    where = path or equipment_file()
    try:
        text = Path(where).read_text("utf-8")
    except FileNotFoundError:
        return frozenset()
    except (OSError, UnicodeDecodeError) as exc:
        raise StrongstrideError(f"{where}: cannot read the equipment profile ({exc}); "
                                "write it again with `strongstride equipment --without ...`"
                                ) from None
    import tomllib  # only when she has a profile

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StrongstrideError(f"{where}: {exc}; write it again with `strongstride equipment "
                                "--without ...`") from None
    without = data.get("without", [])
    if not isinstance(without, list) or not all(isinstance(x, str) for x in without):
        raise _bad(where, text, "`without` must be a list of equipment ids, like "
                                '["exercise-ball"]')
    from strongstride.records import EquipmentProfile  # only when she has a profile
    from strongstride.rules import validate

    issues = validate(EquipmentProfile(tuple(without)))
    if issues:
        raise _bad(where, text, issues[0].message)
    return frozenset(without)


def _bad(where: str, text: str, message: str) -> StrongstrideError:
    line = next((n for n, row in enumerate(text.splitlines(), 1)
                 if row.lstrip().startswith("without")), 1)
    issue = Issue(message, Span(line, 1), source=where)
    return StrongstrideError(issue.render(), (issue,))
