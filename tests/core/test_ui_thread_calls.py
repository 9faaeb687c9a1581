"""No database call runs on the window's thread: ``gateway.call(`` in ui/ only inside work
handed to ``Op`` (a lambda or a nested function given to ``env.op``/``env.run``/
``env.device``), never in a method's own body.

Issue #33: 22 synchronous database calls ran on the UI thread beside ``Op``; one stuck behind a
busy disk freezes the counter. The command line (ui/cli*.py) has no window and is left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"

# Where a direct call is still made, and why it is tolerated. Shrink this; never grow it
# without a reason a reviewer accepts.
ALLOWED: dict[str, str] = {}


def _is_gateway(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "gateway") or (
        isinstance(node, ast.Attribute) and node.attr == "gateway"
    )


def direct_calls(tree: ast.AST, module: str) -> list[str]:
    """``module:Scope.func`` of each ``gateway.call(`` made in a function's own body."""
    found: list[str] = []

    def visit(node: ast.AST, scope: list[str], depth: int) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, [*scope, child.name], depth)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, [*scope, child.name], depth + 1)
            elif isinstance(child, ast.Lambda):
                visit(child, scope, depth + 1)
            else:
                if (
                    isinstance(child, ast.Call)
                    and isinstance(child.func, ast.Attribute)
                    and child.func.attr == "call"
                    and _is_gateway(child.func.value)
                    and depth <= 1  # a method's or a module function's own body
                ):
                    found.append(f"{module}:{'.'.join(scope)}")
                visit(child, scope, depth)

    visit(tree, [], 0)
    return found


def test_no_window_code_calls_the_database_outside_an_op() -> None:
    found: set[str] = set()
    for path in sorted(UI.rglob("*.py")):
        if path.name.startswith("cli"):
            continue
        module = path.relative_to(UI.parent).with_suffix("").as_posix().replace("/", ".")
        found.update(direct_calls(ast.parse(path.read_text(encoding="utf-8")), module))
    stray = sorted(found - ALLOWED.keys())
    assert not stray, "database calls on the window's thread (use env.op): " + ", ".join(stray)
    stale = sorted(ALLOWED.keys() - found)
    assert not stale, "allowed but no longer there (remove them): " + ", ".join(stale)


def test_the_check_sees_a_call_in_a_method_and_not_in_work_given_to_an_op() -> None:
    tree = ast.parse(
        "class Page:\n"
        "    def __init__(self, env):\n"
        "        self.site = env.gateway.call(get_site)\n"
        "    def save(self):\n"
        "        self.env.run(self, lambda: self.env.gateway.call(save))\n"
        "        def work():\n"
        "            return gateway.call(other)\n"
    )
    assert direct_calls(tree, "ui.x") == ["ui.x:Page.__init__"]
