"""Disabled visitors at the counter (Empat Lawang art. 7 (2) e and 9 (5)): the ticket gets
priority from an access need, the visit and the case keep it, the back office sees it with the
office's guide, and the guide is the office's to write (kept when the shipped lists are
updated)."""

from __future__ import annotations

import pytest

from kiosk.clock import Clock
from kiosk.errors import PermissionDenied, ValidationError
from kiosk.models import Case, QueueTicket, Visit
from kiosk.roles import Role
from kiosk.services.access import access_needs, set_access_guide
from kiosk.services.case_views import case_detail
from kiosk.services.people import PersonInput, register_person
from kiosk.services.reference import load_reference
from kiosk.services.tickets import issue_ticket
from kiosk.services.walk_in import CaptureInput, record_walk_in
from tests.conftest import PASSWORD
from ui.cli import main
from ui.pages.case_html import case_html


def test_the_ticket_gets_priority_and_the_case_carries_the_need(gateway, office, session):
    fo = office[Role.FRONT_OFFICE]
    ticket = gateway.call(issue_ticket, fo, "pengaduan", None, None, ["kursi_roda"])
    assert ticket.priority == "disabilitas" and ticket.access_codes == ("kursi_roda",)
    assert ticket.access_needs == ("Kursi roda / sulit berjalan",)
    assert session.get(QueueTicket, ticket.id).access_needs == "kursi_roda"
    person = gateway.call(register_person, fo, PersonInput(name="Warga Roda"))
    result = gateway.call(
        record_walk_in,
        fo,
        CaptureInput(
            person_id=person.id,
            ticket_id=ticket.id,
            description="Kursi roda rusak",
            access_needs=["pendamping", "kursi_roda"],
        ),
    )
    case = session.get(Case, result.case_id)
    assert case.access_needs == "kursi_roda,pendamping"  # in the list's order
    assert session.get(Visit, case.visit_id).access_needs == "kursi_roda,pendamping"
    view = gateway.call(case_detail, office[Role.BACK_OFFICE], case.id)
    assert [n.code for n in view.access] == ["kursi_roda", "pendamping"]
    assert "mendatangi" in view.access[0].guide
    shown = case_html(view, Clock())  # the back office's detail pane
    assert "Kebutuhan akses: Kursi roda / sulit berjalan" in shown


def test_an_unknown_need_is_refused(gateway, office):
    with pytest.raises(ValidationError):
        gateway.call(issue_ticket, office[Role.FRONT_OFFICE], "pengaduan", None, None, ["x"])


def test_the_office_writes_its_own_guide_and_an_update_keeps_it(gateway, office):
    admin = office[Role.ADMIN]
    mine = "Meja 3 di teras, ada bel; panggil Bu Sri (juru bahasa isyarat) di nomor 0812-0000."
    need = gateway.call(set_access_guide, admin, "bahasa_isyarat", mine)
    assert need.guide == mine
    gateway.call(load_reference)  # the shipped lists loaded again (an upgrade)
    guides = {n.code: n.guide for n in gateway.call(access_needs)}
    assert guides["bahasa_isyarat"] == mine
    gateway.call(set_access_guide, admin, "bahasa_isyarat", "")  # back to the shipped guide
    assert "Hadap warga" in {n.code: n.guide for n in gateway.call(access_needs)}["bahasa_isyarat"]
    with pytest.raises(PermissionDenied):
        gateway.call(set_access_guide, office[Role.FRONT_OFFICE], "kursi_roda", "apa saja")
    with pytest.raises(ValidationError):
        gateway.call(set_access_guide, admin, "kursi_roda", "x" * 700)


def test_the_command_lists_and_writes_guides(ctx, office, capsys, monkeypatch):
    args = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
    assert main(["akses", "list", *args]) == 0
    assert "kursi_roda" in capsys.readouterr().out
    monkeypatch.setenv("PUSKESOS_PASSWORD", PASSWORD)
    assert (
        main(["akses", "panduan", "kursi_roda", "Lewat pintu samping.", "--as", "admin", *args])
        == 0
    )
    assert "Lewat pintu samping." in capsys.readouterr().out
