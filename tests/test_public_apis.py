"""DESIGN rule 6: only the public APIs of our dependencies. The internals that were once used
(and broke on upgrades elsewhere) are named here, and any private name imported from a
dependency, or a private keyword passed to one, fails the suite."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPENDENCIES = ("sqlalchemy", "aiogram", "aiosqlite", "aiohttp", "fastapi", "starlette",
                "pydantic", "alembic", "openpyxl", "matplotlib", "typer", "rich", "uvicorn",
                "cryptography", "fluent", "asyncpg", "httpx", "yaml")  # fmt: skip
KNOWN = re.compile(
    r"\b(greenlet_spawn|await_only|_is_async|async_creator_fn|__api_method__|_dumps_json)\b"
    r"|def _execute\b|\(aiosqlite\.Connection\)"
)
PRIVATE_IMPORT = re.compile(
    rf"^\s*from ({'|'.join(DEPENDENCIES)})[\w.]* import (.+)$", re.MULTILINE
)


def _sources() -> list[Path]:
    return [p for d in ("bot", "handlers", "domain") for p in (ROOT / d).rglob("*.py")
            if "migrations" not in p.parts]  # fmt: skip


def test_no_internal_of_a_dependency_is_used() -> None:
    found = []
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in KNOWN.finditer(text)]
        for m in PRIVATE_IMPORT.finditer(text):
            names = [n.strip().split(" as ")[0] for n in m.group(2).strip("()").split(",")]
            found += [f"{path.relative_to(ROOT)}: {m.group(1)}…{n}" for n in names
                      if n.startswith("_")]  # fmt: skip
        found += [f"{path.relative_to(ROOT)}: {m.group(0)}"
                  for m in re.finditer(r"^\s*from (sqlalchemy\.util|aiogram\.utils\._\w*)\b.*$",
                                       text, re.MULTILINE)]  # fmt: skip
    assert found == []


def test_the_cycle_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    import sys

    import grimp

    package = tmp_path / "ringpkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from ringpkg import b\n")
    (package / "b.py").write_text("def later():\n    from ringpkg import a\n    return a\n")
    sys.path.insert(0, str(tmp_path))
    try:
        graph = grimp.build_graph("ringpkg")
    finally:
        sys.path.remove(str(tmp_path))
    assert "ringpkg.a" in graph.find_modules_directly_imported_by("ringpkg.b")


def test_the_check_itself_catches_what_it_names() -> None:
    sample = "from sqlalchemy.util import greenlet_spawn\nfrom aiogram.x import _private\n"
    assert KNOWN.search(sample)
    assert any(n.strip().startswith("_") for m in PRIVATE_IMPORT.finditer(sample)
               for n in m.group(2).split(","))  # fmt: skip


def test_every_module_outside_bot_db_is_under_the_one_door_contract() -> None:
    """A module added to bot/ later is held to DESIGN rule 3 too: it must be listed in the
    import-linter contract that keeps SQLAlchemy and the schema inside bot/db."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"]
                    if c["name"].startswith("Only bot.db"))  # fmt: skip
    listed = set(contract["source_modules"])
    present = {f"bot.{p.stem}" for p in (ROOT / "bot").iterdir()
               if p.name != "__init__.py" and p.name != "__main__.py" and p.stem != "db"
               and (p.suffix == ".py" or (p / "__init__.py").exists())}  # fmt: skip
    assert present - listed == set()


def test_the_import_graph_has_no_cycle() -> None:
    """Issue "One way in, one way out": no two modules of ours import each other, directly or
    round about (receipts ↔ service once did), through an import at the top of a module or
    inside a function alike. Every module is in the graph: a folder without __init__.py once
    hid the console's pages, and with them a cycle (issue 28)."""
    import grimp

    graph = grimp.build_graph("bot", "handlers", "domain")
    modules = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
               for p in _sources()}  # fmt: skip
    assert modules - graph.modules == set()
    edges = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[set[str]] = []

    def visit(m: str) -> None:  # Tarjan's strongly connected components
        index[m] = low[m] = len(index)
        stack.append(m)
        for n in edges.get(m, ()):
            if n not in index:
                visit(n)
                low[m] = min(low[m], low[n])
            elif n in stack:
                low[m] = min(low[m], index[n])
        if low[m] == index[m]:
            component = set()
            while True:
                n = stack.pop()
                component.add(n)
                if n == m:
                    break
            if len(component) > 1:
                cycles.append(component)

    for m in sorted(edges):
        if m not in index:
            visit(m)
    assert cycles == []
