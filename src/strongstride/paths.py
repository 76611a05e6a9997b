"""Where strongstride keeps the user's settings. Only `os` here: the launcher uses it too."""

from __future__ import annotations

import os


def config_dir() -> str:
    """STRONGSTRIDE_CONFIG, else the user's configuration folder (XDG on Linux)."""
    explicit = os.environ.get("STRONGSTRIDE_CONFIG")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CONFIG_HOME") or os.environ.get("APPDATA") or \
        os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "strongstride")


def equipment_file() -> str:
    """The terminal user's equipment profile (see `strongstride equipment`)."""
    return os.path.join(config_dir(), "equipment.toml")
