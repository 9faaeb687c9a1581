"""The Papan visual page: the hand-counted village's quarter on screen, a count opened into the
records behind it (for who may see cases), the report and the web page saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.reports.model import TOTAL
from tests.reports.conftest import village  # noqa: F401 - the fixture used below
from tests.ui.test_back_office import login

pytestmark = pytest.mark.usefixtures("village")


def _show(qtbot, make_window, user):
    page = login(qtbot, make_window, user, "papan")
    page.period_edit.setEditText("2026Q4")
    page.show_period()
    return page


def _panel(qtbot, page, code):
    for i in range(page.tabs.count()):
        view = page.tabs.widget(i)
        if view.panel.code == code:
            page.tabs.setCurrentIndex(i)
            qtbot.waitUntil(lambda view=view: view._drawn)  # drawn on the next turn
            return view
    raise AssertionError(code)


def test_the_quarter_on_screen_and_a_count_opened(qtbot, make_window):
    page = _show(qtbot, make_window, "coordinator")
    assert page.tabs.count() == 5
    tiles = [page.tiles.itemAt(i).widget().accessibleName() for i in range(page.tiles.count())]
    assert "Warga dilayani: 5" in tiles
    view = _panel(qtbot, page, "layanan")
    view.tables.setCurrentIndex(1)  # by channel
    table = view.current()
    assert table.dimension == "channel"
    assert view.chart.chart().series()  # drawn
    labels = [view.model.data(view.model.index(r, 0)) for r in range(view.model.rowCount())]
    assert labels[-1] == TOTAL
    opened = []
    page.show_records = lambda title, lines: opened.append((title, lines))
    row = labels.index("Datang langsung")
    view.numbers.setCurrentIndex(view.model.index(row, 1))  # the men
    qtbot.keyClick(view.numbers, Qt.Key.Key_Return)
    ((title, lines),) = opened
    assert "Datang langsung" in title
    assert sorted(line.name for line in lines) == ["Warga ali", "Warga fajar"]
    assert all("*" in line.ref for line in lines)


def test_counts_only_for_an_administrator(qtbot, make_window):
    page = _show(qtbot, make_window, "admin")
    view = _panel(qtbot, page, "layanan")
    page.show_records = lambda *a: pytest.fail("an administrator sees no names")
    view.numbers.setCurrentIndex(view.model.index(0, 1))
    qtbot.keyClick(view.numbers, Qt.Key.Key_Return)
    assert "petugas yang boleh melihat kasus" in page.error.text()


def test_saving_the_report_and_the_web_page(qtbot, make_window, tmp_path):
    page = _show(qtbot, make_window, "supervisor")
    page.choose_folder = lambda caption: str(tmp_path / "usb")
    page.save.click()
    page.web.click()
    names = sorted(p.name for p in (tmp_path / "usb").iterdir())
    assert names == ["index.html", "laporan-2026Q4.pdf", "laporan-2026Q4.xlsx"]
    assert "&lt;5" in (tmp_path / "usb" / "index.html").read_text(encoding="utf-8")
    page.period_edit.setEditText("bulan depan")
    page.show_period()
    assert "Periode" in page.error.text()


def test_the_month_sent_to_the_kabupaten_from_the_page(qtbot, make_window, session):
    from sqlalchemy import select

    from kiosk.models import OutboxOperation

    page = login(qtbot, make_window, "coordinator", "papan")
    page.period_edit.setEditText("2026-11")
    page.show_period()
    row = page.send_row
    assert row.button.isEnabled() and "belum dikirim" in row.status.text()
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    assert "Versi 1 diajukan" in row.status.text() and "menunggu sinkronisasi" in row.status.text()
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    assert row.status.text().startswith("Versi 2 diajukan")
    sent = session.scalars(
        select(OutboxOperation).where(OutboxOperation.op_type == "laporan_dikirim")
    ).all()
    assert [op.payload["version"] for op in sent] == [1, 2]
    assert all(op.payload["period"] == "2026-11" for op in sent)
    text = str(sent[0].payload)
    assert "Warga ali" not in text and "Warga fajar" not in text  # counts, never names


def test_a_quarter_the_profile_does_not_ask_for_is_explained(qtbot, make_window):
    page = _show(qtbot, make_window, "coordinator")
    qtbot.mouseClick(page.send_row.button, Qt.MouseButton.LeftButton)
    assert "tidak meminta laporan" in page.error.text()
    assert page.send_row.button.isEnabled()
