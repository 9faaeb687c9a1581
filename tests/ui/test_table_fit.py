"""Tables show the columns that matter without a sideways scrollbar (issue #30).

The real window on the demo office, for an officer holding every role (the widest navigation,
every page), at 1366x728 in normal, large-text and high-contrast modes and on a 1024x600
netbook. A table that names the columns an officer acts on (ui.table_fit) must show each of
them whole inside its viewport: every cell's words on one line, or wrapped within a row tall
enough for them. Any other table must not need its horizontal scrollbar at all. The Cases page
is also checked with a case open, its pane below the list; the person and walk-in searches are
filled by a search for a registered citizen's given name.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy import select

from kiosk.demo import DEMO_PASSWORD, generate
from kiosk.models import Person
from kiosk.roles import Role
from kiosk.services.officers import create_officer
from ui.app import build_window
from ui.local_settings import LocalSettings
from ui.ops import SyncExecutor
from ui.row_model import RowTableModel
from ui.table_fit import ColumnFit, fit_columns

SIZES = [(1366, 728, "normal"), (1366, 728, "besar"), (1366, 728, "kontras"), (1024, 600, "normal")]
_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft


def _cut(table: QTableView, column: int, room: int) -> list[str]:
    """The cells of ``column`` (and its header) that do not show whole."""
    width = table.columnWidth(column)
    where = table.columnViewportPosition(column)
    name = str(table.model().headerData(column, Qt.Orientation.Horizontal))
    if where < 0 or where + width > table.viewport().width():
        return [f"{name}: outside the view"]
    if table.horizontalHeader().sectionSizeHint(column) > width:
        return [f"{name}: header cut"]
    cut = []
    metrics = table.fontMetrics()
    for row in range(table.model().rowCount()):
        index = table.model().index(row, column)
        if table.sizeHintForIndex(index).width() <= width:
            continue  # one line
        text = str(index.data() or "")
        shown = metrics.boundingRect(QRect(0, 0, room, 10_000), _WRAP, text)
        if not table.wordWrap() or shown.width() > room or shown.height() > table.rowHeight(row):
            cut.append(f"{name}: {text}")
    return cut


def _problems(table: QTableView) -> list[str]:
    fits = table.findChildren(ColumnFit)
    if not fits:
        header = table.horizontalHeader()
        wide = header.length() > table.viewport().width()
        return [f"scrolls sideways: {header.length()} > {table.viewport().width()}"] if wide else []
    fit = fits[0]
    return [cut for c in fit.keep for cut in _cut(table, c, fit.text_room(c))]


@pytest.mark.parametrize(
    ("width", "height", "mode"), SIZES, ids=[f"{w}x{h}-{m}" for w, h, m in SIZES]
)
def test_columns_that_matter_show_whole(qtbot, ctx, gateway, tmp_path, width, height, mode):
    gateway.call(generate, households=40, registered=8)
    gateway.call(create_officer, "semua", "Semua Peran", DEMO_PASSWORD, list(Role), pin="1234")
    settings = LocalSettings(QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    settings.set("large_text", mode == "besar")
    settings.set("high_contrast", mode == "kontras")
    window = build_window(ctx, settings=settings, executor=SyncExecutor())
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.keyClicks(window.login_page.username, "semua")
    qtbot.keyClicks(window.login_page.secret, DEMO_PASSWORD)
    qtbot.keyClick(window.login_page.secret, Qt.Key.Key_Return)
    given = gateway.call(lambda s: s.scalars(select(Person.name)).first()).split()[0]
    found: dict[str, list[str]] = {}
    for key in window.shell.page_keys():
        page = window.shell.show_key(key)
        if key in ("person", "front"):  # the search lists filled
            search = page if key == "person" else page.find_step
            search.query.setText(given)
            search.query.returnPressed.emit()
        views = [key]
        if key == "cases":
            views.append("cases, a case open")
        for view in views:
            if view != key:
                page.table.selectRow(1)
            qtbot.wait(1)
            for table in page.findChildren(QTableView):
                if table.isVisibleTo(page) and table.model().columnCount():
                    problems = _problems(table)
                    if problems:
                        found[f"{view} / {table.objectName()}"] = problems
    window.close()
    assert found == {}


def test_rows_grown_for_wrapped_words_shrink_back_when_the_table_widens(qtbot):
    """A narrow table wraps the words that matter onto more lines (none cut); widened again,
    its rows are one line high again, not left tall and half empty."""
    model = RowTableModel(("Nomor", "Warga", "Status"), lambda r: r)
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    fit = fit_columns(table, (0, 1, 2), wrap=(1, 2))
    model.set_rows(
        [(f"3324012001-2612-{i:05d}", "Halima Rahmawati", "Menunggu persetujuan") for i in range(5)]
    )
    table.show()
    # Room for the number whole and each name and status word, not for them on one line.
    frame = 2 * table.frameWidth() + table.verticalHeader().sizeHint().width()
    bar = table.verticalScrollBar().sizeHint().width()
    table.resize(fit.natural(0) + fit.floor(1) + fit.floor(2) + frame + bar + 10, 400)
    line = table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: table.rowHeight(0) > line)  # two lines
    assert fit.wrapped
    assert _problems(table) == []
    table.resize(900, 400)
    qtbot.waitUntil(lambda: not fit.wrapped)
    assert [table.rowHeight(r) for r in range(5)] == [line] * 5
