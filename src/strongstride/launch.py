"""The console script's first stop: replay a saved answer to a read-only command, or run the CLI.

`strongstride show`, `routines` and `exercise` print the same text for the same inputs: the
package's own files (code, shipped routines, the exercise library), the installed libraries,
the routine file named on the command line, the user's equipment profile, the environment
and the terminal. Loading Click,
Rich and the routine engine costs several times Python's own start, so the first answer is
saved under the user's cache folder and later runs with the same inputs print it back with
nothing but `os` and `sys` loaded. Anything that changes one of those inputs makes a new key.

The key is kept whole inside the saved file and compared on reading, so two different inputs
can never share an answer. Only a run that exits 0 and writes nothing to standard error is
saved. STRONGSTRIDE_NO_CACHE=1 turns this off; STRONGSTRIDE_CACHE names another folder.
This module imports nothing beyond os and sys until it has to run the real CLI.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing itself costs a few milliseconds to import
if TYPE_CHECKING:
    from typing import Any

READ_ONLY = frozenset({"show", "routines", "exercise"})
# Options that make a command read something other than its arguments (stdin, a database).
UNCACHEABLE_ARGS = frozenset({"-", "--db", "-h", "--help", "--version"})
# The environment entries that can change what Click, Rich or strongstride print: terminal
# and colour settings, the locale, Python's own settings and strongstride's.
OUTPUT_ENV = frozenset({"COLORTERM", "COLUMNS", "FORCE_COLOR", "JUPYTER_COLUMNS", "JUPYTER_LINES",
                        "LINES", "NO_COLOR", "TERM", "TERM_PROGRAM", "TTY_COMPATIBLE",
                        "TTY_INTERACTIVE", "UNICODE_VERSION"})
OUTPUT_ENV_PREFIXES = ("LANG", "LC_", "PYTHON", "STRONGSTRIDE")
SEP = "\x1f"
MAX_ENTRIES = 256


def main() -> None:
    """Entry point of the `strongstride` console script."""
    args = sys.argv[1:]
    key = cache_key(args) if _enabled(args) else None
    if key is None:
        _run_cli()
        return
    path = os.path.join(cache_dir(), f"{_digest(key)}.out")
    saved = _read_saved(path, key)
    if saved is not None:
        sys.stdout.buffer.write(saved)
        sys.stdout.flush()
        return
    _run_and_save(path, key)


def _enabled(args: list[str]) -> bool:
    if os.environ.get("STRONGSTRIDE_NO_CACHE") or not args or args[0] not in READ_ONLY:
        return False
    if "_STRONGSTRIDE_COMPLETE" in os.environ:  # Click's shell completion answers differently
        return False
    return not any(a in UNCACHEABLE_ARGS or a.startswith("--db=") for a in args)


def cache_dir() -> str:
    explicit = os.environ.get("STRONGSTRIDE_CACHE")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA") or \
        os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "strongstride", "output")


def cache_key(args: list[str]) -> str | None:
    """Every input the answer can depend on, as one string; None when one cannot be known."""
    parts = ["v1", sys.version, sys.executable, os.getcwd(), *args]
    for arg in args[1:]:
        # A routine file named on the command line: its identity and last change.
        if not arg.startswith("-") and os.path.exists(arg):
            if not os.path.isfile(arg):
                return None
            parts.append(_stat_text(os.path.realpath(arg)))
    package = os.path.dirname(os.path.abspath(__file__))
    parts.append(_tree_text(package))
    # The user's equipment profile changes what `show` prints.
    from strongstride.paths import equipment_file

    profile = equipment_file()
    parts.append(_stat_text(profile) if os.path.exists(profile) else f"{profile}:none")
    for entry in sys.path:
        # Installing, upgrading or removing a library changes its site-packages folder.
        if entry.endswith("site-packages") and os.path.isdir(entry):
            parts.append(_stat_text(entry))
    parts.extend(f"{k}={v}" for k, v in sorted(os.environ.items())
                 if k in OUTPUT_ENV or k.startswith(OUTPUT_ENV_PREFIXES))
    parts.append(_terminal_text())
    return SEP.join(parts)


def _stat_text(path: str) -> str:
    st = os.stat(path)
    return f"{path}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def _tree_text(root: str) -> str:
    found: list[str] = []
    stack = [root]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        stack.append(entry.path)
                else:
                    st = entry.stat()
                    found.append(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}")
    found.sort()
    return SEP.join(found)


def _terminal_text() -> str:
    try:
        tty = os.isatty(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return "no-fileno"
    if not tty:
        return "pipe"
    try:
        size = os.get_terminal_size(sys.stdout.fileno())
    except OSError:
        return "tty"
    return f"tty:{size.columns}x{size.lines}"


def _digest(key: str) -> str:
    # A short file name; the whole key inside the file decides whether it is a match.
    import zlib

    data = key.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _read_saved(path: str, key: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    head, sep, body = data.partition(b"\0")
    if not sep or head != key.encode("utf-8", "surrogateescape"):
        return None
    return body


class _Recorder:
    """Stands in for sys.stdout or sys.stderr: passes everything through and keeps a copy.

    The copy is kept as bytes, in the order of the calls, whether a caller writes text or
    writes bytes to the `buffer` underneath (Click does both).
    """

    def __init__(self, stream: Any, parts: list[bytes] | None = None) -> None:
        self._stream = stream
        self.parts: list[bytes] = [] if parts is None else parts
        self._encoding = getattr(stream, "encoding", None) or "utf-8"
        self._errors = getattr(stream, "errors", None) or "strict"

    def write(self, data: Any) -> int:
        written = int(self._stream.write(data))
        if isinstance(data, str):
            self.parts.append(data.encode(self._encoding, self._errors))
        else:
            self.parts.append(bytes(data))
        return written

    @property
    def buffer(self) -> _Recorder:
        return _Recorder(self._stream.buffer, self.parts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _run_cli() -> None:
    from strongstride.cli import main as cli_main

    cli_main(prog_name="strongstride")


def _run_and_save(path: str, key: str) -> None:
    out, err = _Recorder(sys.stdout), _Recorder(sys.stderr)
    real_out, real_err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    code: Any = 0
    try:
        _run_cli()
    except SystemExit as exc:
        code = exc.code
    except BaseException:
        sys.stdout, sys.stderr = real_out, real_err
        raise
    finally:
        sys.stdout, sys.stderr = real_out, real_err
    if code in (0, None) and not err.parts:
        _save(path, key, b"".join(out.parts))
    real_out.flush()
    sys.exit(code)


def _save(path: str, key: str, output: bytes) -> None:
    folder = os.path.dirname(path)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(key.encode("utf-8", "surrogateescape") + b"\0" + output)
        os.replace(tmp, path)
        _prune(folder)
    except OSError:
        # A cache that cannot be written (read-only home, full disk) only costs speed.
        import contextlib

        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _prune(folder: str) -> None:
    with os.scandir(folder) as entries:
        saved = [(e.stat().st_mtime_ns, e.path) for e in entries if e.name.endswith(".out")]
    if len(saved) > MAX_ENTRIES:
        for _, old in sorted(saved)[: len(saved) - MAX_ENTRIES]:
            os.unlink(old)
