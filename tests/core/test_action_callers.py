"""Every declared user action has a caller a user can reach: the window, the command line,
the sync loop or the printing paths (``ui/``, ``sync/``, ``printing/``), directly or through
the core code they call (``issue_letter`` stores its document with ``store_document``).

An action nobody can reach is a gap: the administrator could not change an officer's roles
after set-up because ``officers.set_roles`` was declared and tested but never called. The
reach is found by name through the source (an AST walk, no imports), so it is lenient where two
functions share a name, and strict where it matters: a name used nowhere outside the tests.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from kiosk.services.registry import all_actions

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ("ui", "sync", "printing")


def _names(node: ast.AST) -> set[str]:
    """Every identifier a piece of code mentions (calls, references, imports)."""
    out: set[str] = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            out.add(n.id)
        elif isinstance(n, ast.Attribute):
            out.add(n.attr)
        elif isinstance(n, ast.alias):
            out.add(n.asname or n.name.rsplit(".", 1)[-1])
    return out


def _core_graph() -> dict[str, set[str]]:
    """For each function, method or module-level table in ``kiosk/``: the names it mentions
    (a table such as ``documents.LETTERS`` maps a kind of letter to the service gathering it)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for path in (ROOT / "kiosk").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                graph[node.name] |= _names(node) - {node.name}
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        graph[target.id] |= _names(stmt.value)
    return graph


def reached() -> set[str]:
    """Names the entry layers mention, and everything the core functions they name mention."""
    seen: set[str] = set()
    for layer in ENTRY:
        for path in (ROOT / layer).rglob("*.py"):
            seen |= _names(ast.parse(path.read_text(encoding="utf-8")))
    graph = _core_graph()
    todo = list(seen)
    while todo:
        for name in graph.get(todo.pop(), ()):
            if name not in seen:
                seen.add(name)
                todo.append(name)
    return seen


def test_every_declared_action_has_a_caller_outside_the_tests():
    names = reached()
    unreachable = sorted(
        a.name for a in all_actions() if a.name.rsplit(".", 1)[-1] not in names and not a.internal
    )
    assert unreachable == [], f"no user can reach these actions: {unreachable}"


def test_internal_actions_are_few_and_say_why():
    internal = [a for a in all_actions() if a.internal]
    assert len(internal) <= 3
    assert all(len(a.internal) > 20 for a in internal)
