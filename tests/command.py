"""The `strongstride` command as a user runs it: the console script that pyproject.toml
declares, run the way pip's generated script runs it, with the Python of the tests.

Taken from pyproject.toml rather than the script installed in the environment, so that the
tests check the entry point this tree declares whether or not it was installed again since.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def strongstride_command() -> list[str]:
    """The argument list that starts `strongstride` (add the command's own arguments)."""
    with open(ROOT / "pyproject.toml", "rb") as fh:
        entry = tomllib.load(fh)["project"]["scripts"]["strongstride"]
    module, _, name = entry.partition(":")
    # What pip's script does: name the program, import the entry point, exit with its answer.
    # -P: like the script, do not put the current folder first on the path.
    return [sys.executable, "-P", "-c",
            f"import sys; sys.argv[0] = 'strongstride'; from {module} import {name}; "
            f"sys.exit({name}())"]
