"""The person page shows what a musyawarah desa decided for the household: the programme, from
which day, by which berita acara."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import update

from kiosk.models import Person
from kiosk.names import name_key
from kiosk.roles import Role
from kiosk.services.ranking_lists import record_meeting_decision, review_ranking, submit_ranking
from tests.core.conftest import village  # noqa: F401 - the fixture used below
from tests.ui.test_back_office import login


def test_the_profile_names_the_meeting_s_decision(qtbot, make_window, gateway, office, village):  # noqa: F811
    today = gateway.ctx.clock.today()
    kept = gateway.call(submit_ranking, office[Role.COORDINATOR], "BLT-DD", 1)
    gateway.call(review_ranking, office[Role.SUPERVISOR], kept.id, True)
    gateway.call(
        record_meeting_decision,
        office[Role.COORDINATOR],
        kept.id,
        today,
        "BA/11/2026",
        {"3324010101000001": "ditetapkan"},
    )
    gateway.call(
        lambda s: s.execute(
            update(Person).where(Person.name == "Nenek").values(name_key=name_key("Nenek"))
        )
    )
    page = login(qtbot, make_window, "frontoffice", "person")
    qtbot.keyClicks(page.query, "Nenek")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    text = " ".join(page.profile.toPlainText().split())
    assert "Ditetapkan musyawarah desa" in text
    assert f"BLT-DD sejak {today:%d-%m-%Y}, berita acara BA/11/2026" in text
