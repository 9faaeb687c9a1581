"""The DTKS import page: mapping shown, progress, cancel keeps the old snapshot, report."""

import time
from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk.changes import Kind
from kiosk.dtks import name_index
from kiosk.models import DtksRecord, DtksSnapshot
from tests.conftest import PASSWORD
from tests.ui.loop_gaps import LoopGaps
from ui.pages.dtks_import import DtksImportPage


def big_csv(path, rows: int, encoding: str = "utf-8") -> None:
    with open(path, "w", encoding=encoding) as f:
        f.write("nomor_nik;nama;nomor_kk;desil_nasional;KDKEC\n")
        if encoding != "utf-8":
            f.write("3324011508900001;Andr\xe9;3324011203150007;2;010\n")
        for i in range(1, rows + 1):
            f.write(f"33240115089{i % 99999 + 1:05d};Warga {i};3324011203150007;2;010\n")
        f.write("3.32402E+15;Rusak;3324011203150007;2;010\n")


def open_page(qtbot, make_window, threaded=False) -> DtksImportPage:
    window = make_window(threaded=threaded)
    qtbot.keyClicks(window.login_page.username, "admin")
    qtbot.keyClicks(window.login_page.secret, PASSWORD)
    qtbot.keyClick(window.login_page.secret, Qt.Key.Key_Return)
    if threaded:
        qtbot.waitUntil(lambda: window.shell is not None, timeout=5000)
    page = window.shell.show_key("dtks")
    page.keep_window_alive = window
    return page


def test_preview_import_and_report(qtbot, make_window, office, session, tmp_path):
    src = tmp_path / "dtsen.csv"
    big_csv(src, 30)
    page = open_page(qtbot, make_window)
    qtbot.keyClicks(page.path, str(src))
    qtbot.keyClick(page.path, Qt.Key.Key_Return)
    rows = {
        page.mapping_model.item(r, 0).text(): page.mapping_model.item(r, 1).text()
        for r in range(page.mapping_model.rowCount())
    }
    assert rows["nomor_nik"] == "NIK" and rows["KDKEC"] == "(tidak dipakai)"
    assert rows["desil_nasional"] == "Desil"
    assert "titik koma" in page.info.text() and page.start_button.isEnabled()
    page.date.setText("08-10-2026")
    told: list[frozenset[Kind]] = []
    page.env.changes.changed.connect(lambda kinds, _by: told.append(kinds))
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert "30 baris diimpor dari 31" in page.summary.text()
    assert any(Kind.DTKS in kinds for kinds in told)  # pages showing the register read again
    assert "notasi ilmiah" in page.summary.text() and page.save_report.isEnabled()
    assert page.bar.value() == 100
    snap = session.scalars(select(DtksSnapshot)).one()
    assert snap.status == "active" and snap.snapshot_date.isoformat() == "2026-10-08"


def test_file_without_usable_columns_cannot_be_imported(qtbot, make_window, office, tmp_path):
    src = tmp_path / "x.csv"
    src.write_text("a,b\n1,2\n")
    page = open_page(qtbot, make_window)
    page.path.setText(str(src))
    page.on_preview()
    assert not page.start_button.isEnabled() and "Kolom nama" in page.error.text()


def test_cancel_keeps_the_old_snapshot_and_the_loop_keeps_running(
    qtbot, make_window, office, session, tmp_path, monkeypatch
):
    from kiosk.dtks.importer import import_snapshot

    # The row-by-row road, in the import's child process too (it reads the setting at its
    # start): slow enough to be cancelled midway. The Arrow road's cancel is tested directly.
    monkeypatch.setenv("PUSKESOS_DTKS_COLUMNAR", "0")

    old = tmp_path / "lama.csv"
    old.write_text("NIK,Nama\n3324015708900003,Siti Lama\n")
    page = open_page(qtbot, make_window, threaded=True)
    import_snapshot(page.env.gateway.ctx, page.actor, old)
    src = tmp_path / "besar.csv"
    big_csv(src, 60_000, encoding="cp1252")
    page.path.setText(str(src))
    page.on_preview()
    qtbot.waitUntil(page.start_button.isEnabled, timeout=5000)

    gaps = LoopGaps()
    told: list[frozenset[Kind]] = []
    page.env.changes.changed.connect(lambda kinds, _by: told.append(kinds))
    page.on_import()
    qtbot.waitUntil(lambda: page.bar.value() > 0, timeout=20000)
    page.cancel_button.click()
    qtbot.waitUntil(lambda: page.start_button.isEnabled(), timeout=20000)
    gaps.stop()
    page.worker.wait()
    assert "dibatalkan" in page.error.text()
    session.expire_all()
    names = session.scalars(select(DtksRecord.name)).all()
    assert names == ["Siti Lama"]
    statuses = sorted(s.status for s in session.scalars(select(DtksSnapshot)))
    assert statuses == ["active", "gagal"]
    # The import runs in a child process: the event loop only relays progress.
    gaps.check("import")
    time.sleep(0.05)


def test_a_plain_file_imports_from_the_window_on_the_arrow_road_without_stalling_it(
    qtbot, make_window, office, session, tmp_path
):
    """The window's process keeps its connections open while the child's ADBC writes the
    same database file (two processes: SQLite's locks keep them apart). Run alone, this test
    caught a 140-230 ms stall: the first spawn's imports went through PySide6's import hook
    on the worker thread (fixed in kiosk/dtks/import_process.py)."""
    src = tmp_path / "besar.csv"
    with open(src, "w", encoding="utf-8") as f:
        f.write("nomor_nik,nama,nomor_kk,desil_nasional\n")
        for i in range(200_000):  # distinct NIKs: 20 districts x 9,999 serials
            f.write(f"3324{i // 9999 + 1:02d}150890{i % 9999 + 1:04d},Warga {i},")
            f.write("3324011203150007,2\n")
    page = open_page(qtbot, make_window, threaded=True)
    page.path.setText(str(src))
    page.on_preview()
    qtbot.waitUntil(page.start_button.isEnabled, timeout=5000)
    gaps = LoopGaps()
    told: list[frozenset[Kind]] = []
    page.env.changes.changed.connect(lambda kinds, _by: told.append(kinds))
    page.on_import()
    qtbot.waitUntil(lambda: "diimpor" in page.summary.text(), timeout=120_000)
    gaps.stop()
    page.worker.wait()
    assert "Selesai: 200.000 baris diimpor dari 200.000; 0 ditolak" in page.summary.text()
    sqlite = page.env.gateway.ctx.engine.dialect.name == "sqlite"  # Arrow writes SQLite only
    assert page.report is not None and page.report.road == ("columnar" if sqlite else "rows")
    assert not list(tmp_path.rglob("*.scratch.sqlite3"))
    session.expire_all()
    snap = session.scalars(select(DtksSnapshot).where(DtksSnapshot.status == "active")).one()
    assert snap.row_count == 200_000
    assert any(Kind.DTKS in kinds for kinds in told)  # the child's commits, told here
    gaps.check("a 200,000-row Arrow import")
    # The window then builds the name index on a thread of its own (over 150,000 rows): it
    # must be done before this test's database goes away.
    qtbot.waitUntil(lambda: name_index.ready(snap.id) is not None, timeout=60_000)


def _import(qtbot, page, path) -> None:
    page.path.setText(str(path))
    qtbot.keyClick(page.path, Qt.Key.Key_Return)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)


def _active_rows(session) -> int:
    session.expire_all()
    snap = session.scalars(select(DtksSnapshot).where(DtksSnapshot.status == "active")).one()
    return snap.row_count


def test_a_much_smaller_file_asks_before_it_replaces_the_register(
    qtbot, make_window, office, session, tmp_path, monkeypatch
):
    big, small = tmp_path / "besar.csv", tmp_path / "kecil.csv"
    big_csv(big, 30)
    big_csv(small, 3)
    page = open_page(qtbot, make_window)
    _import(qtbot, page, big)
    asked: list[str] = []
    monkeypatch.setattr(page, "confirm_replace", lambda m: asked.append(m) or False)
    _import(qtbot, page, small)
    assert asked and "kurang dari separuh" in asked[0]
    assert _active_rows(session) == 30 and "Data lama tetap dipakai" in page.error.text()
    monkeypatch.setattr(page, "confirm_replace", lambda m: True)
    _import(qtbot, page, small)
    assert _active_rows(session) == 3 and "3 baris diimpor" in page.summary.text()


def test_the_import_process_passes_the_question_back(
    qtbot, make_window, office, session, tmp_path, monkeypatch
):
    big, small = tmp_path / "besar.csv", tmp_path / "kecil.csv"
    big_csv(big, 30)
    big_csv(small, 3)
    page = open_page(qtbot, make_window, threaded=True)
    asked: list[str] = []
    monkeypatch.setattr(page, "confirm_replace", lambda m: asked.append(m) or True)
    for path, done in ((big, "30 baris diimpor"), (small, "3 baris diimpor")):
        page.path.setText(str(path))
        page.start_button.setEnabled(False)
        page.on_preview()
        qtbot.waitUntil(page.start_button.isEnabled, timeout=5000)
        page.on_import()
        qtbot.waitUntil(lambda done=done: done in page.summary.text(), timeout=60_000)
    page.worker.wait()
    assert asked and "kurang dari separuh" in asked[0] and _active_rows(session) == 3
    session.expire_all()
    snap = session.scalars(select(DtksSnapshot).where(DtksSnapshot.status == "active")).one()
    qtbot.waitUntil(lambda: name_index.ready(snap.id) is not None, timeout=60_000)


def test_the_date_and_long_headers_come_from_the_file_and_a_missing_date_is_asked(
    qtbot, make_window, office, session, tmp_path, _imports_without_a_date_confirmed
):
    src = tmp_path / "DTKS_3324_20261031.csv"
    src.write_text(
        "NIK;NAMA;HUBUNGAN DENGAN KEPALA KELUARGA;KETERANGAN\n3324015708900003;Siti;Istri;-\n",
        encoding="cp1252",
    )
    page = open_page(qtbot, make_window)
    page.path.setText(str(src))
    page.on_preview()
    rows = {
        page.mapping_model.item(r, 0).text(): page.mapping_model.item(r, 1).text()
        for r in range(page.mapping_model.rowCount())
    }
    assert rows["HUBUNGAN DENGAN KEPALA KELUARGA"] == (
        "Hubungan keluarga (dari kata pada judul kolom)"
    )
    assert rows["KETERANGAN"] == "(tidak dipakai)"
    assert page.date.text() == "31-10-2026" and "31 Oktober 2026" in page.info.text()
    page.on_import()
    assert _imports_without_a_date_confirmed == []  # the file gave the date: nothing asked
    plain = tmp_path / "ekspor.csv"
    plain.write_text("NIK;NAMA\n3324015708900003;Siti\n")
    page.date.clear()
    page.path.setText(str(plain))
    page.on_preview()
    assert "isi Tanggal data" in page.info.text() and page.date.hasFocus()
    page.on_import()
    assert _imports_without_a_date_confirmed == [True]
    session.expire_all()
    dates = {s.snapshot_date for s in session.scalars(select(DtksSnapshot))}
    assert dates == {None, date(2026, 10, 31)}


def test_the_saved_rejects_are_owner_only_and_inert(
    qtbot, make_window, office, tmp_path, monkeypatch
):
    import csv
    import os

    from PySide6.QtWidgets import QFileDialog

    src = tmp_path / "dtsen.csv"
    big_csv(src, 3)
    with open(src, "a", encoding="utf-8") as f:
        f.write('=HYPERLINK("http://127.0.0.1/"&A1);Serang;3324011203150007;2;010\n')
    page = open_page(qtbot, make_window)
    qtbot.keyClicks(page.path, str(src))
    qtbot.keyClick(page.path, Qt.Key.Key_Return)
    page.date.setText("08-10-2026")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "baris-ditolak.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.save_report, Qt.MouseButton.LeftButton)
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0] == ["baris", "alasan", "nilai"] and len(rows) == 3
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    assert any(r[2].startswith("'=HYPERLINK") for r in rows)
