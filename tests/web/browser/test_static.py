"""The player's static files, read as files (no browser): the service worker keeps every
module the player imports, nothing comes from another site, and the page stays light."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

STATIC = Path(__file__).resolve().parents[3] / "src" / "strongstride" / "web" / "static"
IMPORT = re.compile(r"""^\s*import\b(?!\s*\()[^'"]*['"]([^'"]+)['"]""", re.MULTILINE)
DYNAMIC = re.compile(r"""import\(\s*['"]([^'"]+)['"]\s*\)""")


def shell() -> list[str]:
    text = (STATIC / "sw.js").read_text()
    block = re.search(r"const SHELL = \[(.*?)\];", text, re.DOTALL)
    assert block, "sw.js has no SHELL list"
    return re.findall(r'"(/static/[^"]+)"', block.group(1))


def imported_modules(*, on_demand: bool = True) -> set[str]:
    """Every module player.js reaches through its imports: the static ones, and those it
    loads when needed (`import("./finish.js")`) unless not `on_demand`."""
    found: set[str] = set()
    todo = ["player.js"]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        text = (STATIC / name).read_text()
        specs = IMPORT.findall(text) + (DYNAMIC.findall(text) if on_demand else [])
        for spec in specs:
            assert spec.startswith("./"), f"{name} imports {spec!r}: only ./ modules of this folder"
            todo.append(spec.removeprefix("./"))
    return found


def test_the_service_worker_keeps_every_module_and_style() -> None:
    kept = set(shell())
    wanted = {f"/static/{m}" for m in imported_modules()} | {"/static/player.css",
                                                              "/static/app.css"}
    assert wanted <= kept, f"add to SHELL in sw.js: {sorted(wanted - kept)}"
    assert all((STATIC / k.removeprefix("/static/")).exists() or k.endswith("app.css")
               for k in kept), "SHELL names a file that is not there"


def test_every_module_is_used_and_nothing_comes_from_elsewhere() -> None:
    modules = {p.name for p in STATIC.glob("*.js")} - {"sw.js"}
    assert modules == imported_modules(), "a module nobody imports, or one missing"
    for path in [*STATIC.glob("*.js"), STATIC / "player.css"]:
        text = path.read_text()
        assert not re.search(r"""(?:from|import\(|url\()\s*['"]?(?:https?:)?//""", text), path
        assert not DYNAMIC.findall(text) or all(s.startswith("./") for s in DYNAMIC.findall(text))


def test_the_player_page_is_light() -> None:
    """HTML + CSS + JS under 60 KB compressed; the page's HTML is about 1.5 KB of it."""
    names = [*sorted(imported_modules()), "player.css", "app.css"]
    files = [STATIC / n for n in names if (STATIC / n).exists()]
    size = sum(len(gzip.compress(f.read_bytes(), compresslevel=6)) for f in files)
    assert size + 2 * 1024 < 60 * 1024, f"{size / 1024:.1f} KB of CSS and JS, gzip"


def test_the_player_page_asks_for_every_module_at_once() -> None:
    """The page names each module the player imports (modulepreload), so they load in one go
    rather than round by round as imports are read."""
    template = (STATIC.parent / "templates" / "player.html").read_text()
    listed = re.search(r"\{% for module in \[(.*?)\] %\}<link rel=\"modulepreload\"", template)
    assert listed, "player.html has no modulepreload list"
    preloaded = {f"{name}.js" for name in re.findall(r'"([a-z_]+)"', listed.group(1))}
    # A module loaded only when needed (the finish screen) is not asked for up front.
    assert preloaded | {"player.js"} == imported_modules(on_demand=False)
