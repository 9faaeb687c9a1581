"""The administrator manages officers through the page; the table is a checked model."""

from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk.models import Officer
from kiosk.roles import Role
from ui.officer_model import OfficerTableModel
from ui.pages.officers import OfficersPage


def test_admin_adds_and_deactivates_an_officer(qtbot, make_window, office, session):
    window = make_window()
    page = OfficersPage(window.env, office.admin)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == len(Role)
    qtbot.keyClicks(page.username, "rina")
    qtbot.keyClicks(page.full_name, "Rina Marlina")
    qtbot.keyClicks(page.password, "sementara1")
    page.role_boxes[Role.BACK_OFFICE].setFocus()
    qtbot.keyClick(page.role_boxes[Role.BACK_OFFICE], Qt.Key.Key_Space)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "rina ditambahkan" in page.status.text()
    usernames = [page.model.row(i).username for i in range(page.model.rowCount())]
    assert "rina" in usernames
    rina = session.scalars(select(Officer).where(Officer.username == "rina")).one()
    assert rina.role_names == ["back_office"] and rina.must_change_password

    page.table.selectRow(usernames.index("rina"))
    qtbot.mouseClick(page.toggle, Qt.MouseButton.LeftButton)
    session.expire_all()
    assert not session.get(Officer, rina.id).active
    row = [page.model.row(i) for i in range(page.model.rowCount())][usernames.index("rina")]
    assert not row.active


def test_adding_without_a_role_explains_what_to_do(qtbot, make_window, office):
    window = make_window()
    page = OfficersPage(window.env, office.admin)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.username, "rina")
    qtbot.keyClicks(page.full_name, "Rina")
    qtbot.keyClicks(page.password, "sementara1")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "Pilih paling sedikit satu peran" in page.error.text()
    assert page.username.text() == "rina"  # nothing typed is lost


def test_officer_model_passes_the_model_tester(qtbot, qtmodeltester, make_window, office):
    window = make_window()
    page = OfficersPage(window.env, office.admin)
    qtbot.addWidget(page)  # owned and closed by qtbot, not by a random GC pass later
    model: OfficerTableModel = page.model
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_display_settings_apply_immediately(qtbot, make_window, office, settings):
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.login_page.username.setText("admin")
    window.login_page.secret.setText("rahasia123")
    window.login_page.on_submit()
    page = window.shell.show_key("display")
    app = QApplication.instance()
    before = app.font().pointSize()
    page.boxes["large_text"].click()
    page.boxes["high_contrast"].click()
    assert app.font().pointSize() > before
    assert "#ffff00" in app.styleSheet()
    assert settings.get("high_contrast") is True
    page.boxes["large_text"].click()
    page.boxes["high_contrast"].click()


def test_roles_read_in_the_office_regulations_words(qtbot, make_window, office, gateway):
    from kiosk.services.profiles import use_profile

    gateway.call(use_profile, office.admin, "depok")
    window = make_window()
    page = OfficersPage(window.env, office.admin)
    qtbot.addWidget(page)
    shown = {
        page.model.row(i).username: page.model.data(page.model.index(i, 2))
        for i in range(page.model.rowCount())
    }
    assert shown["coordinator"] == "Ketua Puskesos"
    assert page.role_boxes[Role.COORDINATOR].text() == "Ketua Puskesos"
    gateway.call(use_profile, office.admin, "barito_selatan")
    page = OfficersPage(window.env, office.admin)
    qtbot.addWidget(page)
    shown = {
        page.model.row(i).username: page.model.data(page.model.index(i, 2))
        for i in range(page.model.rowCount())
    }
    assert shown["supervisor"] == "Pengawas"
