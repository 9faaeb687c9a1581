"""The Usulan DTKS page: masked NIKs on screen, both files saved where the officer chooses."""

from __future__ import annotations

import pytest

from tests.core.test_prelist_export import proposals  # noqa: F401 - the fixture used below
from tests.ui.test_back_office import login

pytestmark = pytest.mark.usefixtures("proposals")


def test_the_page_shows_masked_niks_and_saves_both_files(qtbot, make_window, tmp_path):
    page = login(qtbot, make_window, "coordinator", "prelist")
    page.period.setEditText("2026")
    page.show_period()
    shown = [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]
    assert shown and all("*" in nik for nik in shown)  # masked on screen
    assert "2 orang" in page.info.text()
    page.choose_folder = lambda: str(tmp_path / "usb")
    page.save.click()
    assert (tmp_path / "usb" / "usulan-2026.xlsx").exists()
    assert (tmp_path / "usb" / "usulan-2026.pdf").exists()
    page.period.setEditText("bulan depan")
    page.show_period()
    assert "Periode" in page.error.text()


@pytest.mark.parametrize("who", ["coordinator", "frontoffice"])
def test_a_returned_proposal_is_corrected_and_sent_back_for_review(
    qtbot, make_window, gateway, office, session, who
):
    """Barito Selatan 10(3)b: the supervisor returned one with a note; the coordinator, or the
    front office that proposed it, sees it with the note on this page, corrects the reason in
    the dialog and sends it back. The front office sees no period list and no files."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from kiosk.models import PrelistProposal
    from kiosk.roles import Role
    from kiosk.services.prelist_review import review_prelist
    from kiosk.services.profiles import use_profile
    from tests.backoffice.helpers import MONDAY
    from tests.backoffice.test_supervision import propose
    from tests.ui.modal import when_modal

    gateway.call(use_profile, office[Role.ADMIN], "barito_selatan")
    result = propose(gateway, office, 4)
    note = "Sebutkan kondisi atap dan dinding"
    gateway.call(review_prelist, office[Role.SUPERVISOR], result.prelist_id, False, note, MONDAY)
    page = login(qtbot, make_window, who, "prelist")
    qtbot.waitUntil(lambda: page.returned.rowCount() == 1)
    assert page.returned_table.isVisible() and page.resubmit.isVisible()
    assert page.save.isVisible() == page.period.isVisible() == (who == "coordinator")
    shown = [page.returned.data(page.returned.index(0, c)) for c in range(4)]
    assert "*" in shown[0] and shown[2] == "Rumah tidak layak huni" and shown[3] == note
    page.resubmit.click()  # nothing chosen yet: told what to do
    assert "Pilih dulu" in page.error.text()
    page.returned_table.selectRow(0)
    fixed = "Rumah tidak layak huni: atap seng bocor, dinding bambu"

    def correct(dialog: QDialog) -> None:
        box = dialog.widgets["reason"]
        assert box.toPlainText() == "Rumah tidak layak huni"  # the reason as it was
        box.setPlainText(fixed)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(QDialog, correct)
    page.resubmit.click()
    qtbot.waitUntil(lambda: page.returned.rowCount() == 0)
    assert not page.returned_table.isVisible()
    session.expire_all()
    proposal = session.get(PrelistProposal, result.prelist_id)
    assert (proposal.status, proposal.reason) == ("menunggu_tinjauan", fixed)
