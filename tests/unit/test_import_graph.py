"""No import cycles in ``assistant/`` or ``ui/``.

A cycle means neither module can be read, tested or moved without the other, and it
only works as long as nobody reorders an import. The graph is read from the source
with ``ast``, so it sees what Python would import, in every branch:

- imports inside functions count: a lazy import only postpones the cycle to run time;
- imports under ``if TYPE_CHECKING:`` count too: a type-only import still makes one
  module depend on the other, which is exactly what a cycle must not do (give the
  callee a Protocol or its collaborators instead of the caller's class);
- ``from package import name`` points at the submodule when ``name`` is one, else at
  the package; importing ``a.b.c`` is an edge to ``a.b.c`` only, not to ``a`` and
  ``a.b`` (Python runs their ``__init__`` first, but a package importing its own
  submodules is no cycle unless a submodule imports the package back);
- modules named in strings (the window registry, ui/windows.py) are no edges: the
  registry is the way to reach a window without importing it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.unit.helpers import ROOT


def _modules(package: str, root: Path) -> dict[str, Path]:
    """Every module of ``package`` (a folder of ``root``) by dotted name; a package by its own name."""
    modules = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _imported(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    """The modules of ``known`` that module ``name`` (at ``path``) imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: "." is the module's own package
                parts = package.split(".")
                anchor = parts[: len(parts) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        yield from (target for target in targets if target in known and target != name)


def import_graph(package: str, root: Path = ROOT) -> dict[str, set[str]]:
    modules = _modules(package, root)
    return {name: set(_imported(name, path, modules)) for name, path in modules.items()}


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the groups of modules that all reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def one_cycle(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """A shortest way from the group's first module back to itself, to name in a failure."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for successor in sorted(graph[node] & members):
                if successor == start:
                    return [*paths[node], start]
                if successor not in paths:
                    paths[successor] = [*paths[node], successor]
                    following.append(successor)
        frontier = following
    raise AssertionError(f"{group} is no cycle")


def cycles(package: str, root: Path = ROOT) -> list[str]:
    graph = import_graph(package, root)
    return [" → ".join(one_cycle(graph, group)) for group in strongly_connected(graph) if len(group) > 1]


SAMPLE = {
    "__init__.py": "def readers():\n    from pkg import reader\n",  # in a function
    "reader.py": "from pkg import Book\n",  # a name of the package
    "typed.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.reader import Reader\n",
    "top.py": "import os\nimport pkg.sub.other\n",
    "sub/__init__.py": "",
    "sub/other.py": "",
    "sub/near.py": "from .. import reader\nfrom . import other\n",
}


def test_the_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    """Guards the reader itself: a graph that missed imports would find no cycles."""
    for name, text in SAMPLE.items():
        (tmp_path / "pkg" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "pkg" / name).write_text(text, "utf-8")
    assert import_graph("pkg", tmp_path) == {
        "pkg": {"pkg.reader"}, "pkg.reader": {"pkg"}, "pkg.typed": {"pkg.reader"}, "pkg.top": {"pkg.sub.other"},
        "pkg.sub": set(), "pkg.sub.other": set(), "pkg.sub.near": {"pkg.reader", "pkg.sub.other"}}
    assert cycles("pkg", tmp_path) == ["pkg → pkg.reader → pkg"]


def test_ui_has_no_import_cycles() -> None:
    found = cycles("ui")
    assert found == [], "import cycles:\n" + "\n".join(found)


# Two known cycles: store → settings → conversations → store, and the formats package
# (its ``_registry``) ↔ its readers (which import ``ImportedBook`` from the package).
def test_the_core_has_no_import_cycles() -> None:
    found = cycles("assistant")
    assert found == [], "import cycles:\n" + "\n".join(found)
