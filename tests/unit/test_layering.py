"""Direction is checked, not hoped for: the core imports no Qt and no outer package."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imports_of(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


def test_kiosk_imports_no_qt_and_no_outer_package():
    bad = {f: n & {"PySide6", "ui", "printing", "sync"} for f, n in imports_of("kiosk").items()}
    assert {f: n for f, n in bad.items() if n} == {}


def test_ui_holds_no_sql():
    bad = {f: n & {"sqlalchemy", "alembic", "sqlite3"} for f, n in imports_of("ui").items()}
    assert {f: n for f, n in bad.items() if n} == {}


def test_the_reference_server_is_not_part_of_the_kiosk():
    """kabupaten/ stands for a system the kiosk does not control: nothing of the kiosk uses it.
    It may read the kiosk's Qt-free core as a library (case statuses, working days, dates) so a
    word or a due day means the same on both sides, and the Qt-free A4 documents so a letter
    reads the same, but never the window, the rest of printing or sync."""
    for package in ("kiosk", "ui", "printing", "sync"):
        bad = {f: n & {"kabupaten", "flask"} for f, n in imports_of(package).items()}
        assert {f: n for f, n in bad.items() if n} == {}
    bad = {f: n & {"ui", "sync", "PySide6"} for f, n in imports_of("kabupaten").items()}
    assert {f: n for f, n in bad.items() if n} == {}
    # Of printing, only the Qt-free A4 documents: the referral letter the kabupaten prints
    # is the one the Puskesos prints (kabupaten/letter.py).
    printed = {
        f"{path.relative_to(ROOT)}: {node.module}"
        for path in (ROOT / "kabupaten").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").split(".")[0] == "printing"
        and node.module != "printing.documents"
    }
    assert printed == set()


def test_sync_holds_no_sql_and_no_qt():
    bad = {f: n & {"sqlalchemy", "sqlite3", "PySide6"} for f, n in imports_of("sync").items()}
    assert {f: n for f, n in bad.items() if n} == {}


def test_no_two_modules_import_each_other():
    """A pair that imports each other (even lazily, inside a function) is one module split in
    two: the order of loading decides whether it works."""
    modules: dict[str, set[str]] = {}
    for package in ("kiosk", "printing", "sync", "ui"):
        for path in (ROOT / package).rglob("*.py"):
            if "versions" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            targets: set[str] = set()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    targets.add(node.module)
                    targets |= {f"{node.module}.{a.name}" for a in node.names}
                elif isinstance(node, ast.Import):
                    targets |= {a.name for a in node.names}
            modules[name] = targets
    pairs = {
        tuple(sorted((a, b)))
        for a, targets in modules.items()
        for b in targets & modules.keys()
        if a != b and a in modules[b]
    }
    assert pairs == set()


def test_the_early_window_loads_no_database_layer():
    """The log-in window shows before the database layer is imported (start-up 1.3x a bare
    window, 5x when ui.i18n pulled in the reference service)."""
    import subprocess
    import sys

    code = (
        "import sys, ui.early_login, ui.local_settings, ui.i18n, ui.theme\n"
        "print(sorted(m for m in ('sqlalchemy', 'kiosk.models') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
