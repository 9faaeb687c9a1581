"""The back office records a community's case on the cases page (a flood: one case, the
households by No. KK), adds a household found later, and moves it through Depok's stages."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.models import Case, CaseHousehold
from tests.ui.test_back_office import answer, login, select_case

KK = ("3324011203199901", "3324011203199902", "3324011203199903")


def test_a_flooded_neighbourhood_is_one_case(qtbot, make_window, office, session):
    page = login(qtbot, make_window, "backoffice", "cases")
    answer(
        qtbot,
        {
            "community": "Warga RT 03/RW 02 Krajan",
            "description": "Banjir: rumah terendam, perlu logistik",
            "urgency": "segera",
            "households": f"{KK[0]}, {KK[1]}; {KK[0]}",
        },
    )
    page.community.click()
    assert "2 keluarga (1 No. KK tertulis dua kali" in page.done.text()
    case = session.scalars(select(Case).where(Case.subject == "komunitas")).one()
    select_case(page, case.tracking_number)
    text = page.detail.toPlainText()
    assert "Komunitas" in text and "2 keluarga terdampak" in text
    assert "Kejadian" in text and "rumah terendam" in text
    assert "Tahapan (prosedur Depok): Registrasi" in text and "Tahap berikutnya: Seleksi" in text

    answer(qtbot, {"households": KK[2]})
    page.buttons["add_households"].click()
    assert len(session.scalars(select(CaseHousehold.no_kk)).all()) == 3
    assert "3 keluarga terdampak" in page.detail.toPlainText()

    answer(qtbot, {"note": "3 KK didata, dokumen diperiksa"})
    page.buttons["stage"].click()
    assert "Tahapan (prosedur Depok): Seleksi" in page.detail.toPlainText()
    session.expire_all()
    assert session.get(Case, case.id).stage == "seleksi"
