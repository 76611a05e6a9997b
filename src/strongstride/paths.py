"""Where strongstride keeps the user's settings, and the variable that names her database."""

from __future__ import annotations

import os

DB_ENV = "STRONGSTRIDE_DB"  # the database's URL, when not the default file


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
