"""What the bundle leaves out (packaging/bundle_prune.py, used by packaging/puskesos.spec):
the parts the program never loads, and the libraries only those parts linked to."""

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "packaging" / "bundle_prune.py"
_SPEC = importlib.util.spec_from_file_location("bundle_prune", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
bundle_prune = importlib.util.module_from_spec(_SPEC)
sys.modules["bundle_prune"] = bundle_prune
_SPEC.loader.exec_module(bundle_prune)
prune, unused_file = bundle_prune.prune, bundle_prune.unused_file
without_dangling_links = bundle_prune.without_dangling_links

LINKS = {
    "src/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6"],
    "src/libqtvirtualkeyboardplugin.so": ["libQt6VirtualKeyboard.so.6", "libQt6Gui.so.6"],
    "src/libQt6VirtualKeyboard.so.6": ["libQt6Quick.so.6"],
    "src/libqgtk3.so": ["libgtk-3.so.0"],
    "src/lib.cpython-311-x86_64-linux-gnu.so": ["libarrow.so.2600", "libparquet.so.2600"],
    "src/_cffi_backend.cpython-311-x86_64-linux-gnu.so": [],
    "src/libusb-1.0.so.0": ["libudev.so.1"],
}
PLUGINS = "PySide6/Qt/plugins/"
QT_LIB = "PySide6/Qt/lib/"
BINARIES = [
    (PLUGINS + "platforms/libqxcb.so", "src/libqxcb.so", "BINARY"),
    (
        PLUGINS + "platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "src/libqtvirtualkeyboardplugin.so",
        "BINARY",
    ),
    (PLUGINS + "platformthemes/libqgtk3.so", "src/libqgtk3.so", "BINARY"),
    (QT_LIB + "libQt6XcbQpa.so.6", "src/libQt6XcbQpa.so.6", "BINARY"),
    (QT_LIB + "libQt6Gui.so.6", "src/libQt6Gui.so.6", "BINARY"),
    (QT_LIB + "libQt6VirtualKeyboard.so.6", "src/libQt6VirtualKeyboard.so.6", "BINARY"),
    (QT_LIB + "libQt6Quick.so.6", "src/libQt6Quick.so.6", "BINARY"),
    ("libgtk-3.so.0", "src/libgtk-3.so.0", "BINARY"),
    (
        "pyarrow/lib.cpython-311-x86_64-linux-gnu.so",
        "src/lib.cpython-311-x86_64-linux-gnu.so",
        "EXTENSION",
    ),
    ("pyarrow/libarrow.so.2600", "src/libarrow.so.2600", "BINARY"),
    ("pyarrow/libparquet.so.2600", "src/libparquet.so.2600", "BINARY"),
    ("pyarrow/libarrow_flight.so.2600", "src/libarrow_flight.so.2600", "BINARY"),
    (
        "_cffi_backend.cpython-311-x86_64-linux-gnu.so",
        "src/_cffi_backend.cpython-311-x86_64-linux-gnu.so",
        "EXTENSION",
    ),
    ("libusb-1.0.so.0", "src/libusb-1.0.so.0", "BINARY"),
    ("libudev.so.1", "src/libudev.so.1", "BINARY"),
    ("libpython3.11.so.1.0", "src/libpython3.11.so.1.0", "BINARY"),
]


def kept_and_dropped():
    kept, dropped = prune(BINARIES, lambda src: LINKS.get(src, []))
    return {b[0] for b in kept}, set(dropped)


def test_a_dropped_plugin_takes_the_libraries_only_it_linked():
    kept, dropped = kept_and_dropped()
    assert (
        QT_LIB + "libQt6VirtualKeyboard.so.6" in dropped and QT_LIB + "libQt6Quick.so.6" in dropped
    )
    assert "libgtk-3.so.0" in dropped  # the GTK theme's system library
    assert QT_LIB + "libQt6Gui.so.6" in kept  # still linked by the screen plugin
    assert PLUGINS + "platforms/libqxcb.so" in kept and QT_LIB + "libQt6XcbQpa.so.6" in kept


def test_what_is_loaded_by_name_or_shipped_by_a_package_stays():
    kept, dropped = kept_and_dropped()
    assert "libusb-1.0.so.0" in kept and "libudev.so.1" in kept  # pyusb opens it through ctypes
    assert (
        "libpython3.11.so.1.0" in kept and "_cffi_backend.cpython-311-x86_64-linux-gnu.so" in kept
    )
    assert "pyarrow/libparquet.so.2600" in kept  # Arrow's lib.so links it
    assert "pyarrow/libarrow_flight.so.2600" in dropped


def test_languages_and_links_left_out():
    assert unused_file("PySide6/Qt/translations/qtbase_de.qm")
    assert not unused_file("PySide6/Qt/translations/qtbase_id.qm")
    assert unused_file("babel/locale-data/fr.dat") and not unused_file("babel/locale-data/id.dat")
    assert unused_file("faker/providers/address/de_DE/__init__.py")
    assert not unused_file("faker/providers/address/id_ID/__init__.py")
    assert not unused_file("faker/providers/address/__init__.py")
    kept, _dropped = prune(BINARIES, lambda src: LINKS.get(src, []))
    datas = [
        ("libQt6Quick.so.6", QT_LIB + "libQt6Quick.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", QT_LIB + "libQt6Gui.so.6", "SYMLINK"),
    ]
    assert [d[0] for d in without_dangling_links(datas, kept)] == ["libQt6Gui.so.6"]
