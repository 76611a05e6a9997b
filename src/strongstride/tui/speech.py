"""Spoken cues through espeak-ng, when it is installed and the user asked for them."""

from __future__ import annotations

import contextlib
import shutil
import subprocess


def available() -> bool:
    return shutil.which("espeak-ng") is not None


def say(text: str) -> None:
    """Speak without waiting; a missing or failing speaker never stops the session."""
    program = shutil.which("espeak-ng")
    if program is None:
        return
    with contextlib.suppress(OSError):
        subprocess.Popen([program, "-s", "170", text], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
