"""Data-update proposals: proposed with a reason and evidence for a person on DTKS, reviewed by
another officer, only approved ones queued upstream and exported; counted in the papan's first
panel; the same from the command line."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kiosk.clock import Clock
from kiosk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from kiosk.models import DtksRecord, DtksSnapshot, OutboxOperation
from kiosk.periods import parse_period
from kiosk.roles import Role
from kiosk.services.data_updates import (
    UpdateInput,
    list_data_updates,
    propose_data_update,
    review_data_update,
)
from kiosk.services.prelist import prelist_for_period
from kiosk.services.reports import office_report
from printing.prelist_xlsx import prelist_xlsx
from tests.conftest import PASSWORD
from ui.cli import main

NIK = "3324011508800001"
NOV = WIB_NOON = Clock(frozen=datetime(2026, 11, 20, 12, 0).astimezone())


@pytest.fixture
def on_register(gateway):
    def add(s):
        snap = DtksSnapshot(
            source="uji",
            imported_at=datetime(2026, 10, 1).astimezone(),
            status="active",
            snapshot_date=date(2026, 10, 1),
        )
        s.add(snap)
        s.flush()
        s.add(
            DtksRecord(
                snapshot_id=snap.id,
                nik=NIK,
                no_kk="3324010101200003",
                name="Pak Budi",
                village_code="3324012001",
                decile=2,
            )
        )

    gateway.call(add)


def died(**kw):
    return UpdateInput(
        NIK, "meninggal", "Meninggal 3 November 2026", documents=["surat_kematian"], **kw
    )


def test_proposed_reviewed_then_sent_and_exported(gateway, office, on_register, session):
    fo, sup = office[Role.FRONT_OFFICE], office[Role.SUPERVISOR]
    view = gateway.call(propose_data_update, fo, died(), WIB_NOON)
    assert view.status == "diajukan" and view.nik_masked.startswith("3324****")
    ops = lambda: session.scalars(  # noqa: E731
        select(OutboxOperation).where(OutboxOperation.entity_type == "data_update")
    ).all()
    assert ops() == []  # nothing goes up before the supervisor has looked
    with pytest.raises(Conflict):  # the same proposal twice
        gateway.call(propose_data_update, fo, died(), WIB_NOON)
    done = gateway.call(review_data_update, sup, view.id, True, "", WIB_NOON)
    assert done.status == "disetujui"
    session.expire_all()
    (op,) = ops()
    assert op.payload["kind"] == "meninggal" and op.payload["nik"] == NIK
    export = gateway.call(
        prelist_for_period, office[Role.COORDINATOR], parse_period("2026-11", date(2026, 11, 26))
    )
    assert [u.kind for u in export.updates] == ["Meninggal dunia"]
    sheet = load_workbook(io.BytesIO(prelist_xlsx(export)))["Pemutakhiran 2026-11"]
    row = [c.value for c in sheet[2]]
    assert row[1] == NIK and row[4] == "Meninggal dunia" and row[7] == "surat_kematian"
    report = gateway.call(
        office_report,
        office[Role.COORDINATOR],
        parse_period("2026-11", date(2026, 11, 26)),
        WIB_NOON,
    )
    counts = report.table("usulan_pemutakhiran", "update_kind")
    assert counts.value("meninggal") == 1


def test_the_rules_of_the_review(gateway, office, on_register):
    coordinator, sup = office[Role.COORDINATOR], office[Role.SUPERVISOR]
    with pytest.raises(PermissionDenied):  # a coordinator may not propose (no front office)
        gateway.call(propose_data_update, coordinator, died())
    view = gateway.call(propose_data_update, office[Role.FACILITATOR], died())
    with pytest.raises(PermissionDenied):  # only the supervisor reviews
        gateway.call(review_data_update, coordinator, view.id, True)
    with pytest.raises(ValidationError):  # a refusal says why
        gateway.call(review_data_update, sup, view.id, False, "")
    gateway.call(review_data_update, sup, view.id, False, "Akta belum ditunjukkan")
    with pytest.raises(Conflict):
        gateway.call(review_data_update, sup, view.id, True)
    rejected = gateway.call(list_data_updates, sup, "ditolak")
    assert [v.review_note for v in rejected] == ["Akta belum ditunjukkan"]


def test_bad_proposals_are_refused_with_what_to_do(gateway, office, on_register):
    fo = office[Role.FRONT_OFFICE]
    with pytest.raises(NotFound):  # not on DTKS: that is the pre-list's road
        gateway.call(propose_data_update, fo, UpdateInput("3324019999990001", "meninggal", "x"))
    with pytest.raises(ValidationError):
        gateway.call(propose_data_update, fo, UpdateInput(NIK, "koreksi_nama", "Salah ketik"))
    with pytest.raises(ValidationError):
        gateway.call(propose_data_update, fo, UpdateInput(NIK, "meninggal", " "))


def test_the_command_proposes_lists_and_reviews(ctx, office, on_register, capsys, monkeypatch):
    monkeypatch.setenv("PUSKESOS_PASSWORD", PASSWORD)
    db = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
    assert (
        main(
            [
                "pemutakhiran",
                "usul",
                NIK,
                "--jenis",
                "pindah",
                "--alasan",
                "Pindah ke Kendal",
                "--baru",
                "Kel. Langenharjo, Kendal",
                "--as",
                "frontoffice",
                *db,
            ]
        )
        == 0
    )
    line = capsys.readouterr().out
    proposal = line.split(": ", 1)[1].split()[0]
    assert main(["pemutakhiran", "periksa", proposal, "--setuju", "--as", "supervisor", *db]) == 0
    assert main(["pemutakhiran", "list", "--status", "disetujui", "--as", "supervisor", *db]) == 0
    assert "Pindah domisili" in capsys.readouterr().out


def test_a_repeat_is_refused_naming_the_proposal_that_exists(gateway, office, on_register):
    fo, sup = office[Role.FRONT_OFFICE], office[Role.SUPERVISOR]
    first = gateway.call(propose_data_update, fo, died(), WIB_NOON)
    with pytest.raises(Conflict) as waiting:  # the same, not yet decided
        gateway.call(propose_data_update, office[Role.FACILITATOR], died(), WIB_NOON)
    assert str(first.id) in waiting.value.message and "20-11-2026" in waiting.value.message
    assert "menunggu supervisor" in waiting.value.message
    gateway.call(review_data_update, sup, first.id, True, "", WIB_NOON)
    for again in (died(), UpdateInput(NIK, "pindah", "Pindah", "Kendal")):
        with pytest.raises(Conflict) as dead:  # approved as dead: counted once, nothing follows
            gateway.call(propose_data_update, fo, again, WIB_NOON)
        assert "sudah disetujui 'Meninggal dunia'" in dead.value.message
        assert str(first.id) in dead.value.message
    report = gateway.call(
        office_report, office[Role.COORDINATOR], parse_period("2026-11", date(2026, 11, 26)), NOV
    )
    assert report.table("usulan_pemutakhiran", "update_kind").value("meninggal") == 1


def test_an_approved_change_is_not_proposed_again_but_a_new_one_is(gateway, office, on_register):
    fo, sup = office[Role.FRONT_OFFICE], office[Role.SUPERVISOR]
    name = UpdateInput(NIK, "koreksi_nama", "Salah ketik", "Budi Santoso")
    done = gateway.call(propose_data_update, fo, name, WIB_NOON)
    gateway.call(review_data_update, sup, done.id, True, "", WIB_NOON)
    with pytest.raises(Conflict) as same:
        gateway.call(propose_data_update, fo, name, WIB_NOON)
    assert "sudah disetujui" in same.value.message and str(done.id) in same.value.message
    other = UpdateInput(NIK, "koreksi_nama", "Tanggal lahir salah", "lahir 15-08-1981")
    assert gateway.call(propose_data_update, fo, other, WIB_NOON).status == "diajukan"


def test_an_unknown_kind_names_the_known_ones(gateway, office, on_register):
    with pytest.raises(ValidationError) as refused:
        gateway.call(propose_data_update, office[Role.FRONT_OFFICE], UpdateInput(NIK, "mati", "x"))
    assert "'mati'" in refused.value.message and "meninggal, pindah" in refused.value.message


def test_without_an_imported_register_the_refusal_says_to_import_it(gateway, office):
    with pytest.raises(NotFound) as refused:
        gateway.call(propose_data_update, office[Role.FRONT_OFFICE], died())
    assert "belum diimpor" in refused.value.message and "Data DTKS" in refused.value.message
