"""Issue 28: one capability, one folder. Every folder of handlers/ but the kernel is a
capability registered once in the table, with its own small port, its insides kept to itself
by an import-linter contract; the console's pages belong to capabilities of the table; and
what a person sees of the menus did not change with the move."""

from __future__ import annotations

import ast
import importlib
import tomllib
from pathlib import Path

from handlers.core.capability import Registry
from handlers.core.records import Conversation, Person, Role
from handlers.table import CAPABILITIES

ROOT = Path(__file__).resolve().parent.parent
HANDLERS = ROOT / "handlers"
FOLDERS = sorted(p.name for p in HANDLERS.iterdir() if (p / "__init__.py").exists())
CAPABILITY_FOLDERS = [f for f in FOLDERS if f != "core"]


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def test_every_capability_folder_is_one_line_of_the_table() -> None:
    names = [c.name for c in CAPABILITIES]
    assert names[0] == "core" and len(names) == len(set(names))
    assert sorted(names[1:]) == CAPABILITY_FOLDERS
    for folder in CAPABILITY_FOLDERS:  # the table's line is the folder's own declaration
        assert importlib.import_module(f"handlers.{folder}").CAPABILITY.name == folder


def test_every_capability_keeps_its_insides_to_itself() -> None:
    """A contract per capability: its modules are imported only from inside it; the rest of
    the program uses its package (the public surface). The layers contract names it too, so
    the kernel cannot import it."""
    contracts = _contracts()
    protected = {
        (tuple(c["protected_modules"]), tuple(c["allowed_importers"]))  # type: ignore[arg-type]
        for c in contracts if c["type"] == "protected"
    }  # fmt: skip
    layers = next(c for c in contracts if c["type"] == "layers" and c.get("containers"))
    middle = str(layers["layers"][1])  # type: ignore[index]
    for folder in CAPABILITY_FOLDERS:
        assert ((f"handlers.{folder}.*",), (f"handlers.{folder}",)) in protected, folder
        assert folder in [n.strip() for n in middle.split(":")], folder


def _port_methods(path: Path) -> dict[str, int]:
    """Each Protocol class of a port module and how many methods it declares itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name: sum(isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) for n in node.body)
        for node in tree.body
        if isinstance(node, ast.ClassDef) and any(
            isinstance(b, ast.Name) and b.id == "Protocol" for b in node.bases
        )
    }  # fmt: skip


def test_each_capability_has_a_small_port_of_its_own() -> None:
    """The ~80-method Store is gone: the kernel's port stays small, each capability's port
    declares what it needs (README: the table of ports and their sizes)."""
    kernel = _port_methods(HANDLERS / "core" / "port.py")
    assert kernel["Store"] <= 12
    for folder in CAPABILITY_FOLDERS:
        ports = _port_methods(HANDLERS / folder / "port.py")
        assert ports, folder
        assert sum(ports.values()) <= 40, (folder, ports)


def test_the_consoles_pages_belong_to_capabilities_of_the_table() -> None:
    from bot.web.console.table import PAGES

    names = {c.name for c in CAPABILITIES}
    assert {p.capability for p in PAGES} <= names
    paths = [n.path for p in PAGES for n in p.nav]
    assert len(paths) == len(set(paths))


def _menu(officer: bool) -> list[str]:
    from handlers.core.capability import Context
    from handlers.core.menu import menu

    registry = Registry(CAPABILITIES)
    ctx = Context(store=None, program=None, settings=None, now=None, today=None,  # type: ignore[arg-type]
                  random_bytes=bytes, capabilities=registry)  # fmt: skip
    person = Person(1, "console", "x", Role.LURAH if officer else Role.CITIZEN)
    reply = menu(ctx, Conversation(1), person=person)
    return [b.data.partition("|")[2] for b in reply.buttons]


def test_the_menus_are_the_ones_people_knew() -> None:
    assert _menu(officer=False) == ["check", "status", "info", "help", "report", "lang"]
    assert _menu(officer=True) == [
        "queue", "onbehalf", "tickets", "stats", "report", "help", "lang"
    ]  # fmt: skip


def test_every_button_a_menu_offers_works_from_any_step() -> None:
    registry = Registry(CAPABILITIES)
    offered = {m.value for c in CAPABILITIES for m in c.menu}
    assert offered <= registry.anywhere
    assert {"menu", "cancel", "officer"} <= registry.anywhere
    assert set(registry.anywhere) <= set(registry.commands)  # each runs a command


def test_every_notice_button_sent_has_its_capability() -> None:
    """The "n|<action>:…" buttons the code sends are each some capability's to take."""
    registry = Registry(CAPABILITIES)
    sent = set()
    for path in [*HANDLERS.rglob("*.py"), *(ROOT / "bot").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value.startswith("n|"):
                    sent.add(node.value[2:].partition(":")[0])
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and str(first.value).startswith("n|"):
                    sent.add(str(first.value)[2:].partition(":")[0])
    sent -= {"", "news"}  # the router's own prefix test, and the news template's own button
    assert sent and sent <= set(registry.notices), sent - set(registry.notices)
