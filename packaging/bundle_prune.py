"""What the spec leaves out of the bundle, and the libraries that only those parts needed.

PyInstaller's hooks collect whole packages: every Arrow extension (Flight, Parquet, datasets,
cloud file systems), every Qt plugin of a module in use (the virtual keyboard brings Qt Quick and
QML, the PDF image format Qt Pdf, the GTK theme GTK and its 40 system libraries, the FFmpeg media
back end FFmpeg), all of Qt's, Babel's and Faker's languages. The program uses none of these:

- Arrow: ``kiosk/dtks/columnar.py`` reads CSV (``pyarrow.csv``, ``pyarrow.compute``) and hands
  the columns to the ADBC SQLite driver, whose ``dbapi`` needs ``pyarrow.dataset`` (and through
  it ``_acero`` and ``_json``): without it ADBC says "This API requires PyArrow". Parquet, ORC,
  Flight, Substrait and the cloud file systems go. ``pyarrow/lib.so`` itself links libparquet,
  libarrow_dataset, _acero and _substrait, so those libraries stay.
- Qt: the chime is a ``QSoundEffect``, which plays without a media back end (Qt 6.7+); the
  window draws its own theme (``ui/theme.py``); the window and its printouts are in Indonesian
  or English (Qt's own strings: ``qtbase_id.qm``, ``ui/i18n.py``).
- Babel formats numbers and dates for ``id`` and ``en``; Faker writes the demo in ``id_ID``
  (falling back to ``en_US`` for what it has no Indonesian for).

After the files go, :func:`prune` drops the shared libraries nothing left links to, found by
following each kept binary's link-time imports (ldd, as PyInstaller does).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable

Entry = tuple[str, str, str]  # PyInstaller's TOC: (destination, source, type)

ARROW_UNUSED = [
    "pyarrow.flight",
    "pyarrow._flight",
    "pyarrow.parquet",
    "pyarrow._parquet",
    "pyarrow._parquet_encryption",
    "pyarrow._dataset_orc",
    "pyarrow._dataset_parquet",
    "pyarrow._dataset_parquet_encryption",
    "pyarrow.orc",
    "pyarrow._orc",
    "pyarrow.substrait",
    "pyarrow._substrait",
    "pyarrow.acero",
    "pyarrow._s3fs",
    "pyarrow._gcsfs",
    "pyarrow._azurefs",
    "pyarrow._hdfs",
    "pyarrow.cuda",
    "pyarrow._cuda",
    "pyarrow.gandiva",
    "pyarrow.json",
    "pyarrow.feather",
    "pyarrow._feather",
    "pyarrow._pyarrow_cpp_tests",
    "pyarrow.interchange",
    "pyarrow.tests",
    "pyarrow.benchmark",
]
KEEP_QT = {
    "QtCore", "QtGui", "QtWidgets", "QtCharts", "QtMultimedia", "QtNetwork", "QtPrintSupport",
    "QtTextToSpeech", "QtDBus", "QtOpenGL", "QtOpenGLWidgets", "QtSvg",
}  # fmt: skip
DROPPED_PREFIXES = (
    "pyarrow/include",
    "pyarrow/src",
    "pyarrow/tests",
    "pyarrow/libarrow_flight",
    "pyarrow/libarrow_s3",
    "pyarrow/libarrow_python_flight",
    "pyarrow/libarrow_python_parquet_encryption",
    "pyarrow/libarrow_python.so.2600.",  # the same library under its two other names
    "pyarrow/includes",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin",
    "PySide6/Qt/plugins/imageformats/libqpdf",
    "PySide6/Qt/plugins/platformthemes/libqgtk3",
    "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin",
    "PySide6/Qt/plugins/egldeviceintegrations",  # embedded boards without a window system
)
DROPPED_NAMES = {"pyarrow/libarrow_python.so"}
SOURCE_SUFFIXES = (".pyx", ".pxd", ".pxi", ".cc", ".h", ".hpp")
KEPT_LANGUAGES = {
    "PySide6/Qt/translations/": re.compile(r"_id\.qm$"),
    "babel/locale-data/": re.compile(r"/(root|id|id_ID|en|en_US|en_001|en_150)\.dat$"),
}
FAKER = re.compile(r"^faker/providers/(?:[^/]+/)+([a-z]{2,3}(?:_[A-Za-z]{2,4})*)/")
FAKER_KEPT = {"id_ID", "id", "en_US", "en"}


def unused_qt(pyside_dir: str) -> list[str]:
    """PySide6's modules the program never imports (ui/, printing/)."""
    names = {n.split(".")[0] for n in os.listdir(pyside_dir) if n.endswith((".so", ".pyd"))}
    return sorted(f"PySide6.{n}" for n in names if n.startswith("Qt") and n not in KEEP_QT)


def unused_file(dest: str) -> bool:
    """True for a file the program never opens (see the module's docstring)."""
    dest = dest.replace("\\", "/")
    for prefix, kept in KEPT_LANGUAGES.items():
        if dest.startswith(prefix):
            return not kept.search(dest)
    faker = FAKER.match(dest)
    if faker and faker.group(1) not in FAKER_KEPT:
        return True
    return (
        dest.startswith(DROPPED_PREFIXES) or dest in DROPPED_NAMES or dest.endswith(SOURCE_SUFFIXES)
    )


def prune(
    binaries: list[Entry], imports: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[str]]:
    """``binaries`` without the unused files and without the shared libraries (loose in the
    bundle's top folder or Qt's lib folder) that no kept binary links to any more; and the
    names dropped. ``imports(source)``: the base names a binary links to."""
    kept = [b for b in binaries if b[2] != "SYMLINK" and not unused_file(b[0])]
    by_name: dict[str, Entry] = {}
    for entry in kept:
        by_name.setdefault(os.path.basename(entry[0]), entry)
    links = {os.path.basename(b[0]): b for b in binaries if b[2] == "SYMLINK"}
    roots = [b for b in kept if not _dependency_only(b[0])]
    reached = {id(b) for b in roots}
    todo = list(roots)
    while todo:
        for name in imports(todo.pop()[1]):
            target = by_name.get(name)
            if target is None and name in links:  # a link at the top to a package's copy
                link = links[name]
                real = os.path.normpath(os.path.join(os.path.dirname(link[0]), link[1]))
                target = next((b for b in kept if b[0] == real), None)
            if target is not None and id(target) not in reached:
                reached.add(id(target))
                todo.append(target)
    result = [b for b in kept if id(b) in reached]
    present = {b[0] for b in result}
    for link in links.values():
        real = os.path.normpath(os.path.join(os.path.dirname(link[0]), link[1]))
        if real in present:
            result.append(link)
    dropped = sorted({b[0] for b in binaries} - {b[0] for b in result})
    return result, dropped


def without_dangling_links(datas: list[Entry], binaries: list[Entry]) -> list[Entry]:
    """PyInstaller lists its top-level links to a package's libraries among the data files:
    those to a library :func:`prune` dropped go too."""
    present = {b[0] for b in binaries} | {d[0] for d in datas if d[2] != "SYMLINK"}
    return [
        d
        for d in datas
        if d[2] != "SYMLINK"
        or os.path.normpath(os.path.join(os.path.dirname(d[0]), d[1])) in present
    ]


def _dependency_only(dest: str) -> bool:
    """Collected only because something links to it: kept only while something still does.
    Extension modules, everything a package ships (numpy.libs, drivers loaded by path) and
    :data:`LOADED_BY_NAME` count as wanted."""
    dest = dest.replace("\\", "/")
    name = os.path.basename(dest)
    if name.startswith(LOADED_BY_NAME) or ".cpython-" in name or name.endswith(".pyd"):
        return False
    return "/" not in dest or dest.startswith("PySide6/Qt/lib/")


# Opened by name, not linked: Python itself (the boot loader) and libusb (pyusb, through ctypes,
# for USB ticket printers).
LOADED_BY_NAME = ("libpython", "python", "libusb")
