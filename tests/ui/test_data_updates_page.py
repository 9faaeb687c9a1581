"""Pemutakhiran DTKS on screen: the front office proposes, the supervisor approves."""

from __future__ import annotations

import pytest

from tests.core.test_data_updates import NIK, on_register  # noqa: F401 - fixture
from tests.ui.test_back_office import login

pytestmark = pytest.mark.usefixtures("office", "on_register")


def test_proposed_at_the_counter_and_approved_by_the_supervisor(qtbot, make_window):
    page = login(qtbot, make_window, "frontoffice", "updates")
    page.nik.setText(NIK)
    page.kind.setCurrentIndex(page.kind.findData("meninggal"))
    page.reason.setText("Meninggal 3 November 2026")
    page.docs["surat_kematian"].setChecked(True)
    page.propose.click()
    assert "Menunggu supervisor" in page.info.text(), page.error.text()
    assert page.model.rowCount() == 1 and not hasattr(page, "approve")
    sup = login(qtbot, make_window, "supervisor", "updates")
    assert not hasattr(sup, "propose")  # the supervisor reviews, does not propose
    sup.table.selectRow(0)
    sup.reject.click()
    assert "alasan penolakan" in sup.error.text()  # a refusal says why
    sup.approve.click()
    assert "disetujui" in sup.info.text()
    sup.status.setCurrentIndex(sup.status.findData("disetujui"))
    assert sup.model.rowCount() == 1
