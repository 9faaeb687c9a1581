"""The front-office walk-in driven with real key presses, asserted on stored records."""

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from kiosk.models import (
    Case,
    Complaint,
    DtksRecord,
    DtksSnapshot,
    Household,
    OutboxOperation,
    Person,
    PrelistProposal,
    PrintedDocument,
    PrintJob,
    QueueTicket,
    Visit,
)
from kiosk.roles import Role
from kiosk.services.people import PersonInput, register_person
from printing.decode import decode
from tests.conftest import PASSWORD
from tests.core.test_eligibility import family  # noqa: F401 - fixture
from tests.printing.fake_printer import FakePrinter
from tests.ui.modal import when_modal
from ui.walkin.page import WalkInPage
from ui.walkin.register_step import RegisterStep

CTRL = Qt.KeyboardModifier.ControlModifier


def snapshot(session) -> None:
    from kiosk.clock import utcnow

    snap = DtksSnapshot(
        kind="DTSEN",
        source="uji",
        snapshot_date=date(2026, 10, 8),
        imported_at=utcnow(),
        status="active",
    )
    session.add(snap)
    session.flush()
    session.add(
        DtksRecord(
            snapshot_id=snap.id,
            nik="3324015708900003",
            no_kk="3324011203150007",
            name="Siti Fatimah",
            name_key="siti patima",
            birth_place="Kendal",
            birth_date=date(1990, 8, 17),
            sex="P",
            relationship="kepala_keluarga",
            decile=2,
            programmes="PKH,BPNT",
        )
    )
    session.commit()


def open_page(qtbot, make_window, username="frontoffice") -> WalkInPage:
    window = make_window()
    page = window.login_page
    qtbot.keyClicks(page.username, username)
    qtbot.keyClicks(page.secret, PASSWORD)
    qtbot.keyClick(page.secret, Qt.Key.Key_Return)
    walkin = window.shell.show_key("front")
    assert isinstance(walkin, WalkInPage)
    walkin.keep_window_alive = window  # qtbot holds windows weakly
    return walkin


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_registered_citizen_pkh_complaint_with_printed_receipt(
    qtbot, make_window, office, session, gateway, settings
):
    snapshot(session)
    gateway.call(
        register_person,
        office[Role.FRONT_OFFICE],
        PersonInput(
            name="Siti Fatimah",
            nik="3324015708900003",
            no_kk="3324011203150007",
            birth_date=date(1990, 8, 17),
            sex="P",
            relationship="kepala_keluarga",
        ),
    )
    printer = FakePrinter("ok")
    settings.set("printer_uri", printer.uri)
    try:
        page = open_page(qtbot, make_window)
        qtbot.keyClick(page.find_step.query, Qt.Key.Key_T, CTRL)
        assert "A001" in page.find_step.ticket_label.text()
        type_into(qtbot, page.find_step.query, "3324015708900003")
        qtbot.keyClick(page.find_step.query, Qt.Key.Key_Return)
        assert page.find_step.model.rowCount() == 1 and page.find_step.table.hasFocus()
        qtbot.keyClick(page.find_step.table, Qt.Key.Key_Return)
        cap = page.capture
        assert page.stack.currentWidget() is cap and cap.combos["category"].hasFocus()
        assert "TERDAFTAR" in cap.dtks.text() and "desil 2" in cap.dtks.text()
        assert not cap.prelist.isEnabled()
        qtbot.keyClicks(cap.combos["category"], "Bantuan")
        type_into(qtbot, cap.programme, "PKH")
        cap.about_membership.setFocus()
        qtbot.keyClick(cap.about_membership, Qt.Key.Key_Space)
        type_into(qtbot, cap.description, "PKH tahap 3 belum cair")
        qtbot.keyClick(cap.description, Qt.Key.Key_Return, CTRL)
        assert page.stack.currentWidget() is page.receipt
        number = page.receipt.number.text()
        assert number.startswith("3324012001-")
        qtbot.waitUntil(lambda: number.encode() in bytes(printer.received), timeout=3000)
        received = decode(bytes(printer.received))  # the ticket first, then the receipt
        assert number in received.text and "3324********0003" in received.text
        assert "NOMOR ANTRIAN" in received.text and "A001" in received.text
    finally:
        printer.close()
    complaint = session.scalars(select(Complaint)).one()
    assert (complaint.category, complaint.programme_code, complaint.about_membership) == (
        "bantuan_tidak_diterima",
        "PKH",
        True,
    )
    case = session.scalars(select(Case)).one()
    assert case.tracking_number == number and case.status == "diterima"
    assert session.scalars(select(QueueTicket.status)).one() == "selesai"
    jobs = dict(session.execute(select(PrintJob.kind, PrintJob.status)).all())
    assert jobs == {"tiket": "terkirim", "tanda_terima": "terkirim"}
    assert session.scalars(select(PrintedDocument.kind)).one() == "tanda_terima"
    ops = [o.op_type for o in session.scalars(select(OutboxOperation))]
    assert "kasus_dicatat" in ops


def test_family_not_in_dtks_becomes_a_prelist_proposal(qtbot, make_window, office, session):
    snapshot(session)
    page = open_page(qtbot, make_window)
    type_into(qtbot, page.find_step.query, "Budi Santoso")
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_Return)
    assert page.find_step.model.rowCount() == 0 and "Ctrl+N" in page.find_step.info.text()
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    assert page.stack.currentWidget() is reg and reg.edits["name"].text() == "Budi Santoso"
    type_into(qtbot, reg.edits["nik"], "3324011508800001")
    type_into(qtbot, reg.edits["no_kk"], "3324010101200003")
    type_into(qtbot, reg.edits["birth_date"], "15081980")
    type_into(qtbot, reg.edits["location"], "-6.9912, 110.2012")
    qtbot.keyClick(reg.edits["location"], Qt.Key.Key_Return)
    cap = page.capture
    assert page.stack.currentWidget() is cap
    assert "TIDAK TERDAFTAR" in cap.dtks.text() and cap.prelist.isChecked()
    type_into(qtbot, cap.prelist_reason, "Buruh harian, 4 anak")
    type_into(qtbot, cap.description, "Belum pernah menerima bantuan")
    qtbot.keyClick(cap.description, Qt.Key.Key_Return, CTRL)
    assert page.stack.currentWidget() is page.receipt
    assert "diusulkan masuk DTKS" in page.receipt.details.text()
    proposal = session.scalars(select(PrelistProposal)).one()
    assert proposal.reason == "Buruh harian, 4 anak"
    person = session.get(Person, proposal.person_id)
    assert person.birth_date == date(1980, 8, 15)
    household = session.get(Household, person.household_id)
    assert (household.latitude, household.longitude) == (-6.9912, 110.2012)


def test_emergency_case_is_flagged(qtbot, make_window, office, session, gateway):
    gateway.call(register_person, office[Role.FRONT_OFFICE], PersonInput(name="Warga Darurat"))
    page = open_page(qtbot, make_window)
    type_into(qtbot, page.find_step.query, "Warga Darurat")
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_Return)
    qtbot.keyClick(page.find_step.table, Qt.Key.Key_Return)
    cap = page.capture
    assert "Belum ada data DTKS" in cap.dtks.text()
    type_into(qtbot, cap.combos["urgency"], "Darurat")
    type_into(qtbot, cap.combos["sector"], "Kesehatan")
    type_into(qtbot, cap.description, "Rumah terbakar semalam")
    qtbot.keyClick(cap.description, Qt.Key.Key_Return, CTRL)
    assert "DARURAT" in page.receipt.details.text()
    case = session.scalars(select(Case)).one()
    assert case.emergency and case.desk == "kesehatan"
    assert "Printer struk belum diatur" in page.receipt.print_status.text()


def test_validation_error_is_recovered_without_losing_input(qtbot, make_window, office, session):
    page = open_page(qtbot, make_window)
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    type_into(qtbot, reg.edits["name"], "Rina Marlina")
    type_into(qtbot, reg.edits["nik"], "3324013208900003")  # day 32: needs a reason
    type_into(qtbot, reg.edits["phone"], "081234")
    qtbot.keyClick(reg.edits["phone"], Qt.Key.Key_Return)
    assert page.stack.currentWidget() is reg
    assert "alasan" in reg.error.text() and reg.edits["nik"].hasFocus()
    assert reg.edits["name"].text() == "Rina Marlina" and reg.edits["phone"].text() == "081234"
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_Tab)  # the reason, right under the NIK
    assert reg.reason.choice.hasFocus()
    qtbot.keyClick(reg.reason.choice, Qt.Key.Key_Down)  # KTP lama
    qtbot.keyClick(reg.reason.choice, Qt.Key.Key_Tab)
    qtbot.keyClicks(reg.edits["override_reason"], "Sesuai KTP-el")
    qtbot.keyClick(reg.edits["override_reason"], Qt.Key.Key_Return)
    cap = page.capture
    assert page.stack.currentWidget() is cap
    cap.combos["complaint_kind"].setCurrentIndex(cap.combos["complaint_kind"].findData("pengaduan"))
    qtbot.keyClick(cap.description, Qt.Key.Key_Return, CTRL)  # empty description
    assert "uraian" in cap.error.text() and cap.description.hasFocus()
    assert session.scalars(select(Case)).all() == []
    qtbot.keyClicks(cap.description, "Anak putus sekolah")
    qtbot.keyClick(cap.description, Qt.Key.Key_Return, CTRL)
    assert page.stack.currentWidget() is page.receipt
    assert (
        session.scalars(select(Person.nik_override_reason)).one()
        == "KTP lama (belum KTP-el): Sesuai KTP-el"
    )


def test_duplicate_registration_is_caught(qtbot, make_window, office, session, gateway):
    gateway.call(
        register_person,
        office[Role.FRONT_OFFICE],
        PersonInput(name="Ahmad Junaidi", nik="3324011503100001", birth_date=date(2010, 3, 15)),
    )
    page = open_page(qtbot, make_window)
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    type_into(qtbot, reg.edits["name"], "Achmad Djunaidi")  # same person, old spelling
    type_into(qtbot, reg.edits["birth_date"], "15-03-2010")
    qtbot.keyClick(reg.edits["birth_date"], Qt.Key.Key_Return)
    assert "Ahmad Junaidi" in reg.error.text() and reg.not_duplicate.isVisible()
    type_into(qtbot, reg.edits["nik"], "3324011503100001")
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_Return)
    assert "NIK sudah terdaftar" in reg.error.text() and reg.edits["nik"].hasFocus()
    assert len(session.scalars(select(Person)).all()) == 1
    # the counter opens the person already registered instead of registering twice
    assert reg.open_existing.isVisible() and "Ahmad Junaidi" in reg.open_existing.text()
    qtbot.mouseClick(reg.open_existing, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.capture
    assert page.capture.person_id == session.scalars(select(Person.id)).one()


def test_unsaved_capture_is_offered_back(qtbot, make_window, office, gateway, session):
    snapshot(session)
    gateway.call(
        register_person,
        office[Role.FRONT_OFFICE],
        PersonInput(name="Siti Fatimah", nik="3324015708900003", no_kk="3324011203150007"),
    )
    page = open_page(qtbot, make_window)
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_T, CTRL)
    ticket_id = page.ticket.id
    type_into(qtbot, page.find_step.query, "3324015708900003")
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_Return)
    qtbot.keyClick(page.find_step.table, Qt.Key.Key_Return)
    type_into(qtbot, page.capture.description, "Listrik diputus, ada bayi")
    again = WalkInPage(page.env, page.actor)  # e.g. after a crash or a closed window
    qtbot.addWidget(again)
    assert not again.draft_bar.isHidden()
    again.on_restore_draft()
    assert again.stack.currentWidget() is again.capture
    assert again.capture.description.toPlainText() == "Listrik diputus, ada bayi"
    # the restored screen shows the real DTKS answer and keeps the ticket
    assert again.capture.dtks.text().startswith("TERDAFTAR")
    assert not again.capture.prelist.isChecked()
    assert again.capture.ticket_id == ticket_id
    qtbot.keyClicks(again.capture.description, " lagi")  # saves the draft again
    assert again.drafts.load()["ticket_id"] == str(ticket_id)
    # on disk the draft is sealed and owner-only: no NIK, no complaint in clear
    raw = again.drafts.path.read_bytes()
    assert b"3324015708900003" not in raw and b"Listrik" not in raw
    assert again.drafts.path.stat().st_mode & 0o777 == 0o600


def test_unsaved_registration_is_offered_back(qtbot, make_window, office):
    page = open_page(qtbot, make_window)
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    type_into(qtbot, page.register.edits["name"], "Sumini")
    type_into(qtbot, page.register.edits["phone"], "0812999")
    again = WalkInPage(page.env, page.actor)
    qtbot.addWidget(again)
    assert not again.draft_bar.isHidden()
    again.on_restore_draft()
    assert again.stack.currentWidget() is again.register
    assert again.register.edits["name"].text() == "Sumini"
    assert again.register.edits["phone"].text() == "0812999"


REAL_CONFIRM = RegisterStep.confirm_warnings  # taken before the UI fixture replaces it


def answer_box(qtbot, key, seen: list[str], modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``key`` in the warning box when it opens; what it said goes into ``seen``."""

    def answer(box: QMessageBox) -> None:
        seen.append(box.text() + "|" + box.defaultButton().text())
        qtbot.keyClick(box, key, modifier)

    when_modal(QMessageBox, answer)


def test_warnings_are_asked_before_saving_with_the_way_back_to_the_field(
    qtbot, make_window, office, session, monkeypatch
):
    """Issue #30: the sex-versus-NIK warning came after saving, with only "Sudah saya periksa".
    Now it comes before: Enter goes back to the sex box, nothing is stored until it is fixed
    (or kept on purpose), and the fixed form saves without asking again."""
    monkeypatch.setattr(RegisterStep, "confirm_warnings", REAL_CONFIRM)
    page = open_page(qtbot, make_window)
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    type_into(qtbot, reg.edits["name"], "Siti Aminah")
    type_into(qtbot, reg.edits["nik"], "3324015708900003")  # day 57: a woman
    reg.sex.setFocus()
    qtbot.keyClick(reg.sex, Qt.Key.Key_Down)  # Laki-laki: a slip of the hand
    seen: list[str] = []
    answer_box(qtbot, Qt.Key.Key_Return, seen)
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_Return)
    assert seen and "Jenis kelamin berbeda" in seen[0] and "Belum disimpan" in seen[0]
    assert seen[0].endswith("|&Perbaiki Jenis kelamin")  # Enter fixes, it does not save
    qtbot.waitUntil(reg.sex.hasFocus, timeout=2000)  # once the window is active again
    assert page.stack.currentWidget() is reg
    assert "Jenis kelamin berbeda" in reg.error.text()
    assert session.scalars(select(Person)).all() == []
    qtbot.keyClick(reg.sex, Qt.Key.Key_Down)  # Perempuan, as the KTP says
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_Return)
    assert len(seen) == 1 and page.stack.currentWidget() is page.capture
    assert session.scalars(select(Person.sex)).one() == "P"


def test_a_warning_kept_on_purpose_is_saved_as_typed(
    qtbot, make_window, office, session, monkeypatch
):
    monkeypatch.setattr(RegisterStep, "confirm_warnings", REAL_CONFIRM)
    page = open_page(qtbot, make_window)
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    type_into(qtbot, reg.edits["name"], "Pendatang Baru")
    type_into(qtbot, reg.edits["nik"], "9924011508900003")  # a region code not in the list
    seen: list[str] = []
    answer_box(qtbot, Qt.Key.Key_S, seen, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_Return)
    assert seen and "99.24.01" in seen[0] and seen[0].endswith("|&Perbaiki NIK")
    assert page.stack.currentWidget() is page.capture
    assert session.scalars(select(Person.nik)).one() == "9924011508900003"


def test_an_odd_nik_retyped_goes_back_to_the_nik_box_and_a_number_is_no_reason(
    qtbot, make_window, office, session
):
    """Issue #30: after the "day 72" error the cursor sat in the reason box, the retyped NIK
    went there and Enter saved the number as its own reason."""
    page = open_page(qtbot, make_window)
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    assert not reg.reason.shown()  # no reason box to fall into before a number needs one
    type_into(qtbot, reg.edits["name"], "Warga Lama")
    type_into(qtbot, reg.edits["nik"], "3324017205800003")  # day 72: neither sex
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_Return)
    assert "ke-7" in reg.error.text() and reg.reason.shown()
    assert reg.edits["nik"].hasFocus() and reg.edits["nik"].selectedText() == "3324017205800003"
    qtbot.keyClicks(reg.edits["nik"], "3324017205800003")  # retyped: replaces, lands in NIK
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_Return)
    assert (
        reg.edits["nik"].text() == "3324017205800003" and reg.edits["override_reason"].text() == ""
    )
    assert reg.edits["nik"].hasFocus() and session.scalars(select(Person)).all() == []
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_Tab)
    qtbot.keyClick(reg.reason.choice, Qt.Key.Key_Down)
    qtbot.keyClick(reg.reason.choice, Qt.Key.Key_Down)  # Data Dukcapil berbeda
    qtbot.keyClick(reg.reason.choice, Qt.Key.Key_Tab)
    qtbot.keyClicks(reg.edits["override_reason"], "3324017205800003")
    qtbot.keyClick(reg.edits["override_reason"], Qt.Key.Key_Return)
    assert "nomor" in reg.error.text() and reg.edits["override_reason"].hasFocus()
    assert session.scalars(select(Person)).all() == []
    reg.edits["override_reason"].clear()
    qtbot.keyClicks(reg.edits["override_reason"], "KTP terbitan 2009")
    qtbot.keyClick(reg.edits["override_reason"], Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.capture
    assert session.scalars(select(Person.nik_override_reason)).one() == (
        "Data Dukcapil berbeda dengan kartu: KTP terbitan 2009"
    )


def type_unicode(widget, text: str) -> None:
    """Key presses as an Arabic keyboard layout sends them (QTest types only Latin-1)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def test_arabic_indic_digits_are_taken_as_the_nik(qtbot, make_window, office, session):
    """Issue #30: "NIK hanya boleh berisi angka" for ٣٣٢٤…: the same number, taken as 0-9."""
    page = open_page(qtbot, make_window)
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    type_into(qtbot, reg.edits["name"], "Warga Arab")
    type_unicode(reg.edits["nik"], "٣٣٢٤٠١٥٧٠٨٩٠٠٠٠٣")
    type_unicode(reg.edits["phone"], "٠٨١٢٣٤٥٦٧٨")
    assert reg.edits["nik"].text() == "٣٣٢٤٠١٥٧٠٨٩٠٠٠٠٣"
    qtbot.keyClick(reg.edits["phone"], Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.capture, reg.error.text()
    assert session.execute(select(Person.nik, Person.phone)).one() == (
        "3324015708900003",
        "0812345678",
    )


def test_a_name_from_the_search_puts_the_cursor_in_the_nik_box(qtbot, make_window, office):
    page = open_page(qtbot, make_window)
    type_into(qtbot, page.find_step.query, "Sumini")
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    assert reg.edits["name"].text() == "Sumini" and reg.edits["nik"].hasFocus()
    qtbot.keyClicks(reg.edits["nik"], "3324015708900003")
    assert reg.edits["nik"].text() == "3324015708900003" and reg.edits["phone"].text() == ""


def test_the_next_citizen_starts_with_no_sex_chosen(qtbot, make_window, office, session):
    page = open_page(qtbot, make_window)
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    type_into(qtbot, reg.edits["name"], "Siti Aminah")
    type_into(qtbot, reg.edits["nik"], "3324015708900003")
    reg.sex.setFocus()
    qtbot.keyClick(reg.sex, Qt.Key.Key_Down)
    qtbot.keyClick(reg.sex, Qt.Key.Key_Down)  # Perempuan
    reg.disability.setFocus()
    qtbot.keyClick(reg.disability, Qt.Key.Key_Down)
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_Return)
    cap = page.capture
    assert page.stack.currentWidget() is cap
    type_into(qtbot, cap.description, "Minta informasi PKH")
    qtbot.keyClick(cap.description, Qt.Key.Key_Return, CTRL)
    assert page.stack.currentWidget() is page.receipt
    qtbot.keyClick(page.receipt, Qt.Key.Key_N, CTRL)  # next citizen
    type_into(qtbot, page.find_step.query, "Budi")
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    assert page.stack.currentWidget() is reg
    assert reg.sex.currentText() == "-" and reg.disability.currentIndex() == 0
    assert session.scalars(select(Person.sex)).one() == "P"


def test_after_unlocking_the_cursor_is_back_in_the_officers_field(qtbot, make_window, office):
    page = open_page(qtbot, make_window)
    window = page.keep_window_alive
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    type_into(qtbot, reg.edits["name"], "Siti Aminah")
    type_into(qtbot, reg.edits["nik"], "33240157")
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_L, CTRL)
    assert window.stack.currentWidget() is window.lock_page
    qtbot.keyClicks(window.lock_page.secret, "1234")
    qtbot.keyClick(window.lock_page.secret, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.shell
    assert reg.edits["nik"].hasFocus()
    qtbot.keyClicks(reg.edits["nik"], "08900003")
    assert reg.edits["nik"].text() == "3324015708900003"


def test_locked_with_the_button_unlocks_to_the_pages_start(qtbot, make_window, office):
    page = open_page(qtbot, make_window)
    window = page.keep_window_alive
    lock = window.shell.top_buttons[0]
    lock.setFocus()
    qtbot.keyClick(lock, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.lock_page
    qtbot.keyClicks(window.lock_page.secret, "1234")
    qtbot.keyClick(window.lock_page.secret, Qt.Key.Key_Return)
    assert not lock.hasFocus() and page.find_step.query.hasFocus()


class _Kabupaten:
    """The kabupaten's newer register: this family was added there after the last import."""

    def lookup(self, nik, deadline_s):
        from kiosk.services.dtks_check import OnlineAnswer

        assert deadline_s <= 2.0
        return OnlineAnswer(True, date(2099, 1, 1), 3, ("BPNT",))


def test_the_kabupatens_newer_answer_is_shown_and_recorded(qtbot, make_window, office, session):
    snapshot(session)
    page = open_page(qtbot, make_window)
    page.env.online = _Kabupaten()
    type_into(qtbot, page.find_step.query, "Budi Santoso")
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_Return)
    qtbot.keyClick(page.find_step.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    type_into(qtbot, reg.edits["nik"], "3324011508800001")
    type_into(qtbot, reg.edits["no_kk"], "3324010101200003")
    qtbot.keyClick(reg.edits["no_kk"], Qt.Key.Key_Return)
    cap = page.capture
    assert page.stack.currentWidget() is cap
    text = cap.dtks.text()
    assert "TIDAK TERDAFTAR" in text  # this office's snapshot ...
    assert "Server kabupaten: TERDAFTAR - desil 3; program: BPNT" in text  # ... and the newer one
    assert "ini yang dipakai" in text
    assert not cap.prelist.isChecked() and not cap.prelist.isEnabled()
    type_into(qtbot, cap.description, "Kartu BPNT belum diterima")
    qtbot.keyClick(cap.description, Qt.Key.Key_Return, CTRL)
    assert page.stack.currentWidget() is page.receipt
    visit = session.scalars(select(Visit)).one()
    assert visit.dtks_status == "terdaftar" and visit.dtks_decile == 3


def test_a_wheelchair_ticket_reaches_the_capture_with_its_guide(
    qtbot, make_window, office, session
):
    page = open_page(qtbot, make_window)
    find = page.find_step
    find.access.setCurrentIndex(find.access.findData("kursi_roda"))
    find.ticket_button.click()
    assert "PRIORITAS: Penyandang disabilitas - Kursi roda" in find.ticket_label.text()
    type_into(qtbot, find.query, "Rina Lestari")
    qtbot.keyClick(find.query, Qt.Key.Key_Return)
    qtbot.keyClick(find.query, Qt.Key.Key_N, CTRL)
    reg = page.register
    type_into(qtbot, reg.edits["nik"], "3324015508800002")
    qtbot.keyClick(reg.edits["nik"], Qt.Key.Key_Return)
    cap = page.capture
    assert page.stack.currentWidget() is cap
    assert cap.access["kursi_roda"].isChecked() and cap.access_guide.isVisibleTo(cap)
    assert "mendatangi warga" in cap.access_guide.text()
    type_into(qtbot, cap.description, "Tanya bantuan alat bantu")
    qtbot.keyClick(cap.description, Qt.Key.Key_Return, CTRL)
    assert page.stack.currentWidget() is page.receipt
    assert session.scalars(select(Case)).one().access_needs == "kursi_roda"


@pytest.mark.usefixtures("family")
def test_the_capture_hints_at_programmes_with_reasons(qtbot, make_window, office, session):
    page = open_page(qtbot, make_window)
    father = session.scalars(select(Person).where(Person.nik == "3324011508800001")).one()
    page.go_capture(father.id, father.name, father.nik, "3324010101200003")
    hints = page.capture.hints
    assert hints.isVisibleTo(page.capture)
    text = hints.text()
    assert "PKH (" in text and "ada anggota berusia 0-5 tahun" in text and "ATENSI" in text
    assert "perlu dicek" not in text  # every hint here has its criteria met
    assert "BPNT" not in hints.text()  # already received
