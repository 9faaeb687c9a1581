"""A permission refusal names the action that was refused and who may do it, not the
permission behind it: a back-office officer opening a ranking is not "viewing reports", and a
data-update proposal is not the DTKS pre-list."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.errors import PermissionDenied
from kiosk.models import AuditEntry
from kiosk.roles import Role
from kiosk.services.data_updates import UpdateInput, propose_data_update
from kiosk.services.officers import list_officers
from kiosk.services.ranking import rank_candidates


def test_a_ranking_refused_to_the_back_office_names_the_ranking(gateway, office, session):
    with pytest.raises(PermissionDenied) as refused:
        gateway.call(rank_candidates, office[Role.BACK_OFFICE], "BLT-DD", 10)
    assert refused.value.message == (
        "Akun Anda tidak berwenang memeringkat calon penerima program daerah atau desa. Yang "
        "dapat melakukannya: Koordinator Puskesos, Supervisor, Administrator. Minta petugas "
        "dengan peran itu, atau minta administrator menambah peran pada akun Anda."
    )
    assert "laporan" not in refused.value.message
    assert refused.value.code == "tidak_berwenang:view_reports"  # the audit keeps the permission
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last.action == "ditolak" and last.detail == {"kode": "tidak_berwenang:view_reports"}


def test_a_data_update_refused_to_the_coordinator_speaks_of_the_data_update(gateway, office):
    data = UpdateInput("3324011508800001", "meninggal", "Meninggal")
    with pytest.raises(PermissionDenied) as refused:
        gateway.call(propose_data_update, office[Role.COORDINATOR], data)
    message = refused.value.message
    assert "daftar awal" not in message
    assert "tidak berwenang mengusulkan pemutakhiran data warga DTKS" in message
    assert "Petugas Front Office, Fasilitator" in message


def test_the_officers_list_names_the_administrator(gateway, office):
    with pytest.raises(PermissionDenied) as refused:
        gateway.call(list_officers, office[Role.FRONT_OFFICE])
    assert "tidak berwenang melihat daftar petugas" in refused.value.message
    assert "Yang dapat melakukannya: Administrator." in refused.value.message
