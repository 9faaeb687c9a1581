"""PPKS records: a person, a family, a community, by Kemensos type; counted in the papan (a
person by sex and type, each once); refused with what to do when the subject is unknown."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.clock import Clock
from kiosk.errors import Conflict, NotFound, PermissionDenied, ValidationError
from kiosk.periods import parse_period
from kiosk.roles import Role
from kiosk.services.people import PersonInput, register_person
from kiosk.services.ppks import PpksInput, list_ppks, record_ppks
from kiosk.services.reports import office_report
from tests.conftest import PASSWORD
from ui.cli import main

NOV = Clock(frozen=datetime(2026, 11, 20, 10, 0).astimezone())


def test_person_family_and_community_are_recorded_and_counted(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    gateway.call(
        register_person,
        fo,
        PersonInput(
            name="Mbah Sarmi",
            nik="3324015508400001",
            no_kk="3324010101200003",
            sex="P",
            birth_date=date(1940, 8, 15),
        ),
    )
    for data in (
        PpksInput("orang", "lansia_terlantar", nik="3324015508400001"),
        PpksInput("orang", "penyandang_disabilitas", nik="3324015508400001"),
        PpksInput("keluarga", "fakir_miskin", no_kk="3324010101200003"),
        PpksInput(
            "komunitas",
            "korban_bencana_alam",
            community="Dusun Krajan RT 3 (banjir)",
            members=40,
            source="laporan_rt",
        ),
    ):
        gateway.call(record_ppks, fo, data, NOV)
    shown = gateway.call(list_ppks, office[Role.BACK_OFFICE])
    assert len(shown) == 4 and all("3324015508400001" not in v.who for v in shown)
    report = gateway.call(
        office_report, office[Role.COORDINATOR], parse_period("2026-11", date(2026, 11, 26)), NOV
    )
    people = report.table("ppks_orang", "ppks_type")
    assert people.value("lansia_terlantar", "Perempuan") == 1
    assert people.total and people.total.values == (0, 1, 0, 1)  # one woman, two types
    assert report.table("ppks_keluarga").value("fakir_miskin") == 1
    assert report.table("ppks_komunitas").value("korban_bencana_alam") == 1


def test_unknown_subjects_and_types_are_refused(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    with pytest.raises(NotFound):
        gateway.call(record_ppks, fo, PpksInput("orang", "fakir_miskin", nik="3324019999990001"))
    with pytest.raises(ValidationError):
        gateway.call(record_ppks, fo, PpksInput("orang", "bukan_jenis", nik="3324019999990001"))
    with pytest.raises(ValidationError):
        gateway.call(record_ppks, fo, PpksInput("komunitas", "korban_bencana_alam"))
    with pytest.raises(PermissionDenied):
        gateway.call(
            record_ppks,
            office[Role.SUPERVISOR],
            PpksInput("komunitas", "fakir_miskin", community="x"),
        )


def test_the_command(ctx, office, capsys, monkeypatch):
    monkeypatch.setenv("PUSKESOS_PASSWORD", PASSWORD)
    db = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
    args = ["ppks", "catat", "--komunitas", "Kampung Sawah", "--jenis", "komunitas_adat_terpencil"]
    assert main([*args, "--anggota", "25", "--as", "frontoffice", *db]) == 0
    assert main(["ppks", "list", "--as", "frontoffice", *db]) == 0
    assert "Kampung Sawah (25 orang): Komunitas adat terpencil" in capsys.readouterr().out


def _citizen(gateway, fo, nik, born, no_kk="3324010101200009"):
    data = PersonInput(name="Warga Uji", nik=nik, no_kk=no_kk, sex="P", birth_date=born)
    gateway.call(register_person, fo, data)


def test_each_type_checks_its_own_age(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    _citizen(gateway, fo, "3324015508700001", date(1970, 8, 15))  # 56 in November 2026
    _citizen(gateway, fo, "3324015508100002", date(2010, 8, 15))  # 16
    _citizen(gateway, fo, "3324016011660003", date(1966, 11, 20))  # 60 on the day
    with pytest.raises(ValidationError) as young:
        gateway.call(
            record_ppks, fo, PpksInput("orang", "lansia_terlantar", nik="3324015508700001"), NOV
        )
    assert young.value.message == (
        "Jenis PPKS 'Lanjut usia terlantar' khusus usia 60 tahun ke atas; warga ini berusia 56 "
        "tahun. Pilih jenis PPKS yang sesuai dengan usianya."
    )
    with pytest.raises(ValidationError) as balita:
        gateway.call(
            record_ppks,
            fo,
            PpksInput("orang", "anak_balita_terlantar", nik="3324015508100002"),
            NOV,
        )
    assert "khusus usia di bawah 5 tahun" in balita.value.message
    gateway.call(record_ppks, fo, PpksInput("orang", "anak_terlantar", nik="3324015508100002"), NOV)
    gateway.call(
        record_ppks, fo, PpksInput("orang", "lansia_terlantar", nik="3324016011660003"), NOV
    )
    with pytest.raises(ValidationError) as adult:
        gateway.call(
            record_ppks, fo, PpksInput("orang", "anak_jalanan", nik="3324015508700001"), NOV
        )
    assert "khusus usia di bawah 18 tahun" in adult.value.message
    with pytest.raises(ValidationError) as family:  # an age needs a person
        gateway.call(
            record_ppks,
            fo,
            PpksInput("keluarga", "lansia_terlantar", no_kk="3324010101200009"),
            NOV,
        )
    assert "dicatat untuk orang" in family.value.message
    assert len(gateway.call(list_ppks, fo)) == 2


def test_an_unknown_birth_date_is_asked_for(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    _citizen(gateway, fo, "3324015508700004", None)
    with pytest.raises(ValidationError) as refused:
        gateway.call(
            record_ppks, fo, PpksInput("orang", "lansia_terlantar", nik="3324015508700004"), NOV
        )
    assert "tanggal lahir warga ini belum tercatat" in refused.value.message


def test_the_same_subject_and_type_is_recorded_once(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    _citizen(gateway, fo, "3324015508400005", date(1940, 8, 15))
    twice = [
        PpksInput("orang", "lansia_terlantar", nik="3324015508400005"),
        PpksInput("keluarga", "fakir_miskin", no_kk="3324010101200009"),
        PpksInput("komunitas", "korban_bencana_alam", community="Dusun Krajan"),
    ]
    for data in twice:
        gateway.call(record_ppks, fo, data, NOV)
    again = [*twice[:2], PpksInput("komunitas", "korban_bencana_alam", community=" dusun krajan ")]
    for data in again:
        with pytest.raises(Conflict) as refused:
            gateway.call(record_ppks, fo, data, NOV)
        assert "sudah tercatat sebagai PPKS" in refused.value.message
        assert "sejak 20-11-2026" in refused.value.message
    report = gateway.call(
        office_report, office[Role.COORDINATOR], parse_period("2026-11", date(2026, 11, 26)), NOV
    )
    assert report.table("ppks_orang", "ppks_type").value("lansia_terlantar", "Perempuan") == 1
    assert report.table("ppks_keluarga").value("fakir_miskin") == 1


def test_a_wrong_type_names_the_valid_ones(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    with pytest.raises(ValidationError) as refused:
        gateway.call(record_ppks, fo, PpksInput("komunitas", "lansia", community="x"))
    message = refused.value.message
    assert "'lansia' tidak ada di daftar" in message
    assert "lansia_terlantar" in message and "komunitas_adat_terpencil" in message


def test_a_type_for_a_community_or_a_family_is_not_recorded_for_a_person(gateway, office):
    fo = office[Role.FRONT_OFFICE]
    _citizen(gateway, fo, "3324015508800006", date(1980, 8, 15))
    with pytest.raises(ValidationError) as refused:
        gateway.call(
            record_ppks,
            fo,
            PpksInput("orang", "komunitas_adat_terpencil", nik="3324015508800006"),
            NOV,
        )
    assert refused.value.message == (
        "Jenis PPKS 'Komunitas adat terpencil' dicatat untuk komunitas, bukan orang: pilih "
        "'komunitas'."
    )
    with pytest.raises(ValidationError):
        gateway.call(
            record_ppks,
            fo,
            PpksInput("komunitas", "keluarga_bermasalah_psikologis", community="RT 2"),
            NOV,
        )
