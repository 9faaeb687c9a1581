"""The coordinator ranks the village's households on the page and saves the meeting's list."""

from __future__ import annotations

import pytest

from tests.core.test_ranking import village  # noqa: F401 - the fixture used below
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
