"""The kabupaten publishes its regional profile through the reference endpoint; the office
applies it whole, like the programme catalogue: new cases follow it (its chain, its days),
cases already open keep theirs, and an invalid profile is refused whole with a note."""

from __future__ import annotations

import copy
from datetime import date

from sqlalchemy import select

from kiosk.models import Case, Site
from kiosk.profiles import shipped
from tests.backoffice.helpers import open_case
from tests.sync.test_reference_pull import publish


def kendal_2027() -> dict:
    body = copy.deepcopy(shipped()["kendal"].body)
    body["version"] = "2027.1"
    body["due_days"]["urgency"]["biasa"] = {"days": 7, "cite": "pilihan kantor, tanpa pasal"}
    return body


def test_the_kabupatens_profile_is_applied_whole(gateway, office, kiosk, upstream, session):
    earlier = session.scalars(select(Case)).first()
    publish(upstream, "profile", "2027.1", [kendal_2027()])
    report = kiosk.run_once()
    assert report.ok
    assert any("Profil daerah diperbarui" in n and "2027.1" in n for n in report.notes)
    session.expire_all()
    assert session.scalars(select(Site.profile)).one() == "kendal@2027.1"
    later = open_case(gateway, office)  # Monday 10 Aug 2026, "biasa": 7 working days now
    session.expire_all()
    assert session.get(Case, later.case_id).due_on == date(2026, 8, 20)  # 17 Aug is a holiday
    assert session.get(Case, later.case_id).profile == "kendal@2027.1"
    assert session.get(Case, earlier.id).profile == "umum@1"  # the open case keeps its own


def test_an_invalid_profile_is_refused_whole(gateway, office, kiosk, upstream, session):
    broken = kendal_2027()
    broken["chains"]["product"] = [{"role": "camat", "decided": "kantor", "cite": "Pasal 1"}]
    publish(upstream, "profile", "2027.2", [broken])
    report = kiosk.run_once()
    assert report.ok  # the pass's own work is done; the profile is a note
    assert any(
        "Profil daerah dari kabupaten ditolak" in n and "chains/product/0/role" in n
        for n in report.notes
    )
    session.expire_all()
    assert session.scalars(select(Site.profile)).one() == "umum@1"
