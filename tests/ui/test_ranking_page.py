"""The coordinator ranks the village's households on the page and saves the meeting's list;
submitted, the supervisor reviews it on the same page and the coordinator records the village
meeting's decision."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.core.conftest import village  # noqa: F401 - the fixture used below
from tests.ui.test_back_office import login

pytestmark = pytest.mark.usefixtures("village")


def test_rank_read_the_reasons_and_save(qtbot, make_window, tmp_path):
    page = login(qtbot, make_window, "coordinator", "ranking")
    page.quota.setValue(1)
    page.weights["disability"].setValue(0)  # the coordinator's own weights
    page.run.click()
    cells = [page.model.data(page.model.index(0, c)) for c in range(8)]
    assert cells[:3] == ["1", "ya", "Kepala F1"] and "*" in cells[3]
    assert "disabilitas" not in cells[7] and "desil" in cells[7]
    assert "bukan keputusan" in page.info.text()
    page.choose_folder = lambda: str(tmp_path / "musdes")
    page.save.click()
    assert sorted(p.suffix for p in (tmp_path / "musdes").iterdir()) == [".pdf", ".xlsx"]


def test_not_offered_to_an_account_that_may_not_see_names(qtbot, make_window):
    page = login(qtbot, make_window, "admin", "papan")  # the administrator sees counts ...
    assert "ranking" not in page.keep_window_alive.shell.page_keys()  # ... not the list


def test_submit_review_and_record_the_meeting(qtbot, make_window, tmp_path):
    page = login(qtbot, make_window, "coordinator", "ranking")
    assert not page.submit.isEnabled()  # nothing ranked yet
    page.quota.setValue(1)
    page.run.click()
    page.submit.click()
    assert "Diajukan ke supervisor" in page.info.text()
    assert "menunggu pemeriksaan" in page.lists.currentText()
    page.keep_window_alive.close()

    boss = login(qtbot, make_window, "supervisor", "ranking")
    assert not hasattr(boss, "decision_dialog") and boss.decide.parent() is None
    boss.open_kept.click()
    assert boss.model.rowCount() == 2 and "menunggu pemeriksaan" in boss.info.text()
    boss.refuse.click()  # a refusal without its reason is refused, nothing changes
    assert "alasan" in boss.error.text()
    qtbot.keyClicks(boss.note, "sesuai data desa")
    boss.approve.click()
    assert "disetujui supervisor" in boss.lists.currentText()
    boss.keep_window_alive.close()

    page = login(qtbot, make_window, "coordinator", "ranking")
    page.decide.click()
    dialog = page.decision_dialog
    assert [c.currentData() for c in dialog.combos] == ["ditetapkan", "tidak_ditetapkan"]
    dialog.on_ok()  # no berita acara number yet
    assert "berita acara" in dialog.error.text()
    qtbot.keyClicks(dialog.ref, "BA/11/2026")
    dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("ditetapkan"))
    dialog.on_ok()  # two selected for a quota of one: refused, the dialog stays with its choices
    assert "kuota" in dialog.error.text() and dialog.isVisible()
    assert dialog.ref.text() == "BA/11/2026"
    dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("cadangan"))
    qtbot.keyClick(dialog.ref, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert "BA/11/2026 dicatat: 1 keluarga ditetapkan" in page.info.text()
    page.open_kept.click()
    cells = [page.model.data(page.model.index(r, 1)) for r in range(2)]
    assert cells == ["Ditetapkan", "Cadangan"]
    page.choose_folder = lambda: str(tmp_path / "musdes")
    page.save.click()
    assert sorted(p.suffix for p in (tmp_path / "musdes").iterdir()) == [".pdf", ".xlsx"]
