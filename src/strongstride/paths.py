"""Where strongstride keeps the user's settings, and the variable that names her database."""

from __future__ import annotations

import os
import sys

DB_ENV = "STRONGSTRIDE_DB"  # the database's URL, when not the default file
DB_FILE_NAME = "strongstride.db"


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


def equipment_file_moved() -> str:
    """Where the profile file goes once it is moved into the database."""
    return equipment_file() + ".moved-to-database"


def default_db_file() -> str:
    """The SQLite file in the user's data folder: the database unless one is named.

    The folder is platformdirs' user data folder. On Linux that is the XDG rule, written out
    here because importing platformdirs (it loads tempfile, shutil and the compressors) took
    a third of the time `strongstride show` needs to learn that there is no database yet;
    tests/test_paths.py holds the two equal."""
    if sys.platform.startswith("linux") and "ANDROID_DATA" not in os.environ:
        base = os.environ.get("XDG_DATA_HOME", "").strip() or \
            os.path.expanduser("~/.local/share")
        return os.path.join(base, "strongstride", DB_FILE_NAME)
    import platformdirs

    return os.path.join(platformdirs.user_data_dir("strongstride"), DB_FILE_NAME)


def sqlite_file(db: str | None) -> str | None:
    """The SQLite file that the database `db` (default: STRONGSTRIDE_DB, else the file in
    the data folder) is kept in; None for a server or a database in memory. Read without
    SQLAlchemy, for a command to learn cheaply that there is no database yet."""
    url = (db if db is not None else os.environ.get(DB_ENV, "")).strip()
    if not url:
        return default_db_file()
    if "://" not in url:
        return url
    scheme, _, rest = url.partition("://")
    if scheme.split("+")[0].lower() != "sqlite":
        return None
    path = rest[1:] if rest.startswith("/") else rest  # sqlite:///relative, sqlite:////abs
    path = path.split("?")[0]
    return path if path and path != ":memory:" else None
