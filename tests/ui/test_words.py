"""The window's words in English: every page opens without an error (no translated default
fed to the core's parsers), and the core's codes (roles, page names, case statuses, programme
levels, timeline events) read in English; the eligibility hint and the timeline read as whole
sentences in both languages."""

from __future__ import annotations

import inspect

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from kiosk import case_rules as rules
from kiosk.periods import parse_period
from kiosk.reports.model import SEX_LABELS, TOTAL
from kiosk.roles import ROLE_LABELS, Role
from kiosk.services.actor import Actor
from kiosk.services.approvals import SUBJECT_LABELS
from kiosk.services.cases import EVENT_LABELS
from kiosk.services.eligibility import Eligibility, ProgrammeHint
from kiosk.services.officers import create_officer
from tests.backoffice.helpers import open_case
from tests.conftest import PASSWORD
from tests.ui.test_back_office import login, select_case
from ui import words
from ui.i18n import apply_language, translate


@pytest.fixture
def english(qapp, settings):
    settings.set("language", "en")
    assert apply_language(qapp, "en")
    yield
    apply_language(qapp, "id")


def _everyone(qtbot, make_window, gateway, office):
    """The shell of one officer holding every job (all pages), logged in."""
    gateway.call(
        lambda s: Actor.of(
            create_officer(
                s,
                "semua",
                "Petugas Serba Bisa",
                PASSWORD,
                [r for r in Role if r is not Role.QUEUE_KIOSK],
                created_by=office.admin.id,
            )
        )
    )
    window = make_window()
    qtbot.keyClicks(window.login_page.username, "semua")
    qtbot.keyClicks(window.login_page.secret, PASSWORD)
    window.login_page.on_submit()
    assert window.shell is not None
    return window


def _errors(page) -> list[str]:
    return [
        label.text()
        for label in page.findChildren(QLabel)
        if label.property("role") == "error" and label.isVisibleTo(page) and label.text()
    ]


def _boxes() -> list[str]:
    return [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_every_page_opens_in_english_without_an_error(
    qtbot, make_window, gateway, office, english, monkeypatch
):
    said: list[str] = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: said.append(str(a[2:3])))
    window = _everyone(qtbot, make_window, gateway, office)
    found: dict[str, list[str]] = {}
    for key in window.shell.page_keys():
        page = window.shell.show_key(key)
        QApplication.processEvents()
        show = getattr(page, "show_period", None)  # the page's own Show button
        if callable(show) and not inspect.signature(show).parameters:
            show()
            QApplication.processEvents()
        if _errors(page) or _boxes():
            found[key] = _errors(page) + _boxes()
    assert found == {}
    assert said == []
    papan = window.shell.show_key("papan")
    assert papan.report is not None and papan.tabs.count() == 5
    assert papan.period_edit.currentText() == "This month"
    prelist = window.shell.show_key("prelist")
    assert prelist.export is not None


def test_a_period_typed_or_chosen_reaches_the_parser_as_its_value(
    qtbot, make_window, gateway, office, english
):
    window = _everyone(qtbot, make_window, gateway, office)  # held: qtbot holds it weakly
    page = window.shell.show_key("prelist")
    page.period.setEditText("last year")  # the label, typed in the chosen language
    qtbot.keyClick(page.period, Qt.Key.Key_Return)
    today = page.env.clock.today()
    assert _errors(page) == [] and page.export.period.code == str(today.year - 1)
    page.period.setCurrentIndex(page.period.findData("bulan lalu"))
    page.period.activated.emit(page.period.currentIndex())  # picked from the list
    last_month = parse_period("bulan lalu", today).code
    assert page.period.currentText() == "Last month" and page.export.period.code == last_month
    page.period.setEditText("2026Q3")
    page.show_period()
    assert _errors(page) == [] and page.export.period.code == "2026Q3"
    page.period.setEditText("next month")
    page.show_period()
    assert _errors(page)  # the parser's own refusal, not a crash


def test_roles_pages_statuses_and_levels_read_in_english(
    qtbot, make_window, gateway, office, english
):
    opened = open_case(gateway, office)
    window = _everyone(qtbot, make_window, gateway, office)
    nav = [window.shell.nav.item(i).text() for i in range(window.shell.nav.count())]
    assert any(t.startswith("Visual board") for t in nav)
    assert not any("Papan visual" in t for t in nav)
    home = " ".join(label.text() for label in window.shell.show_key("home").findChildren(QLabel))
    assert "Front office officer" in home and "Petugas Front Office" not in home
    officers = window.shell.show_key("officers")
    assert officers.role_boxes[Role.FRONT_OFFICE].text() == "Front office officer"
    cells = {
        officers.model.data(officers.model.index(r, 2)) for r in range(officers.model.rowCount())
    }
    assert "Front office officer" in cells and "Petugas Front Office" not in cells
    cases = window.shell.show_key("cases")
    statuses = [cases.status.itemText(i) for i in range(cases.status.count())]
    assert "Received" in statuses and "Diterima" not in statuses
    health = [cases.health.itemText(i) for i in range(cases.health.count())]
    assert "Overdue" in health and "Terlambat" not in health
    row = [cases.model.row(r).tracking_number for r in range(cases.model.rowCount())].index(
        opened.tracking_number
    )
    assert cases.model.data(cases.model.index(row, 3)) == "Received"
    select_case(cases, opened.tracking_number)
    detail = cases.detail.toPlainText()
    assert "Received at the front office" in detail
    assert "Received at the front office: Received" not in detail
    assert "Diterima" not in detail
    programmes = window.shell.show_key("programmes")
    model = programmes.model
    levels = {model.data(model.index(r, 2)) for r in range(model.rowCount())}
    assert "Non-government" in levels and "non_pemerintah" not in levels


def test_the_timeline_says_the_status_once_in_indonesian(qtbot, make_window, gateway, office):
    opened = open_case(gateway, office)
    cases = login(qtbot, make_window, "backoffice", "cases")
    select_case(cases, opened.tracking_number)
    detail = cases.detail.toPlainText()
    assert "Diterima di front office" in detail
    assert "Diterima di front office: Diterima" not in detail


def _hint(code: str, met: tuple[str, ...], unknown: tuple[str, ...]) -> ProgrammeHint:
    return ProgrammeHint(code, code, None if unknown else True, met, (), unknown)


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_eligibility_hint_is_a_whole_sentence(
    qtbot, make_window, office, qapp, settings, language
):
    settings.set("language", language)  # the window applies it when built
    try:
        page = login(qtbot, make_window, "frontoffice", "front")
        hints = (
            _hint("BPNT", (), ("desil DTKS 1-4",)),
            _hint("PKH", ("ada anak sekolah",), ("desil DTKS 1-4",)),
            _hint("ATENSI", ("lansia",), ()),
            _hint("KIS", (), ()),
        )
        page.capture.show_hints(Eligibility("Siti", None, (), hints))
        text = page.capture.hints.text()
    finally:
        apply_language(qapp, "id")
    check = {"id": "perlu dicek", "en": "to check"}[language]
    assert "(;" not in text and "()" not in text and "; )" not in text
    assert f"BPNT ({check}: desil DTKS 1-4)" in text
    assert f"PKH (ada anak sekolah; {check}: desil DTKS 1-4)" in text
    assert "ATENSI (lansia)" in text and text.endswith("KIS.")
    assert ("May qualify" in text) == (language == "en")


def test_every_word_of_the_core_is_in_the_english_catalogue(qapp):
    """A word added to the core's tables without its English would show Indonesian."""
    assert apply_language(qapp, "en")
    try:
        tables = (
            {str(k): v for k, v in ROLE_LABELS.items()},
            rules.STATUS_LABELS,
            {k: v for k, v in rules.HEALTH_LABELS.items() if v != "-"},
            rules.STEP_LABELS,
            rules.STEP_STATUS_LABELS,
            rules.REFERRAL_STATUS_LABELS,
            rules.PRODUCT_STATUS_LABELS,
            EVENT_LABELS,
            {**SEX_LABELS, TOTAL: TOTAL},
            SUBJECT_LABELS,
        )
        untranslated = [
            label
            for table in tables
            for label in table.values()
            if label not in {"Supervisor", "Administrator"} and translate("words", label) == label
        ]
    finally:
        apply_language(qapp, "id")
    assert untranslated == []
    assert words.level("non_pemerintah") == "Non-pemerintah"  # Indonesian again
