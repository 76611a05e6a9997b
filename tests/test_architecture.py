"""The shape of the code: the core is plain Python, the faces reach the data only through the
application object, formats and reports take data rather than a store, and no two modules
import each other (STYLE.md, "one direction of flow")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "strongstride"

CORE = ("analysis", "routine", "plan", "player", "library", "figures")
FACES = ("cli", "tui", "web")
# What the core must not import: frameworks, databases, the faces and the layers above it.
FRAMEWORKS = ("sqlalchemy", "alembic", "psycopg", "fastapi", "starlette", "uvicorn", "jinja2",
              "textual", "click", "rich", "anyio", "asyncio", "threading")
ABOVE_CORE = ("strongstride.store", "strongstride.app", "strongstride.workout",
              "strongstride.exchange", "strongstride.reports", "strongstride.cli",
              "strongstride.tui", "strongstride.web", "strongstride.demo")
CLOCKS = (".now(", ".today(", "time.time(", "utcnow")


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The modules `path` imports, a function's own late imports included (they are a
    dependence all the same), but not those only for type checking."""
    tree = ast.parse(path.read_text())
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" \
        else module_name(path)
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def files(*packages: str) -> list[Path]:
    return sorted(p for name in packages for p in (PACKAGE / name).rglob("*.py"))


def starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("path", files(*CORE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_core_imports_no_framework_database_clock_or_higher_layer(path: Path) -> None:
    found = {name for name in imports(path) if starts(name, FRAMEWORKS + ABOVE_CORE)}
    assert found == set()
    if path.name != "clock.py":  # the player's clock is the one injected everywhere
        text = path.read_text()
        assert [c for c in CLOCKS if c in text] == []


@pytest.mark.parametrize("path", files(*FACES), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_faces_reach_the_data_only_through_the_application(path: Path) -> None:
    assert {name for name in imports(path) if starts(name, ("strongstride.store",))} == set()


@pytest.mark.parametrize("path", files("exchange", "reports"),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_formats_and_reports_take_data_not_a_store(path: Path) -> None:
    found = {name for name in imports(path)
             if starts(name, ("strongstride.store", "strongstride.app", "sqlalchemy"))}
    assert found == set()


def test_no_module_imports_a_module_that_imports_it_back() -> None:
    """No cycle among the modules' imports, late ones included: each module can be
    understood, and tested, from the ones below it."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: {i for i in imports(path) if i in modules} - {name}
             for name, path in modules.items()}
    # a package imports its own modules in its __init__: that is not a cycle of meaning
    for name in graph:
        graph[name] = {i for i in graph[name] if not i.startswith(name + ".")}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []
