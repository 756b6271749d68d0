"""The module boundaries the code keeps (docs/design.md): no import cycle, no import of another
module's private names, one module that writes to the store, and docstring examples that run."""
from __future__ import annotations

import ast
import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the top-level folders and the package names the wheel maps them to
PACKAGES = {"plankg": "plankg", "loaders": "plankg.loaders", "ontology": "plankg.ontology",
            "queries": "plankg.queries", "cli": "plankg.cli"}
# calls that change a pyoxigraph store; only plankg/store.py makes them on the store
WRITES = {"update", "extend", "bulk_load", "bulk_extend", "load", "remove_graph", "clear_graph", "clear",
          "add", "remove", "flush", "optimize", "add_graph"}


def _modules() -> dict[str, Path]:
    found = {}
    for folder, package in PACKAGES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join([package, *parts])] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path):
    """(module imported, names taken from it) for every import, in functions too, except under
    ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
               for child in node.body for n in ast.walk(child)}
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".")
                up = node.level - 1 if is_package else node.level
                base = ".".join(parts[: len(parts) - up] + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield (full, []) if full in MODULES else (base, [alias.name])


def _graph() -> tuple[dict[str, set[str]], list[tuple[str, str, str]]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    private = []
    for name, path in MODULES.items():
        for target, names in _imports(name, path):
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                edges[name].add(target)
                private += [(name, target, n) for n in names if n.startswith("_") and not n.startswith("__")]
    return edges, private


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in edges:
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle():
    """No two modules import each other, directly or round a loop (imports in functions count)."""
    assert _cycles(_graph()[0]) == []


def test_no_private_name_is_imported_from_another_module():
    """A module uses another's public names only."""
    assert _graph()[1] == []


def test_only_the_store_module_writes_to_the_store():
    """Every call that changes a store (``.update``, ``.extend``, ``.bulk_load``, ``.flush``…) on
    something named like a store stands in plankg/store.py; a module may fill an in-memory
    ``Store()`` it makes for itself."""
    found = []
    for name, path in MODULES.items():
        if name == "plankg.store":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
               and ast.unparse(node.value.func) == "Store" and not node.value.args for t in node.targets
               if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
                receiver = ast.unparse(node.func.value)
                if "store" in receiver.lower() and receiver not in own:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {receiver}.{node.func.attr}")
    assert found == []


@pytest.mark.parametrize("name", ["plankg.ontology.iris", "plankg.remote.servers", "plankg.loaders.stacked_header"])
def test_docstring_examples_run(name):
    """The examples written in a module's docstrings give what they show."""
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
