"""Indicator values against the village built in ``village.py``, whose answers were counted by
hand: a person seen three times counted once, a family split over two KKs counted once, the
quarter's edge at midnight WIB, sex not recorded kept as its own column."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.errors import PermissionDenied, ValidationError
from kiosk.periods import parse_period
from kiosk.reports.indicators import INDICATORS
from kiosk.reports.model import TOTAL
from kiosk.reports.public import SMALL
from kiosk.roles import Role
from kiosk.services.reports import office_report, public_report, report_records
from tests.reports.conftest import Q4, TODAY

Q3 = parse_period("2026Q3", date(2026, 11, 26))
SEXES = ("Laki-laki", "Perempuan", "Tidak diketahui", TOTAL)


def by_sex(table, key=TOTAL):
    return tuple(table.value(key, c) for c in SEXES)


def test_people_served_once_each_by_sex_age_channel(report):
    t = report.table("warga_dilayani", "total")
    assert by_sex(t) == (2, 2, 1, 5)  # ali thrice, bunga, citra twice, dodi (sex ?), fajar
    age = report.table("warga_dilayani", "age")
    assert by_sex(age, "60+") == (1, 0, 0, 1)
    assert by_sex(age, "0-5") == (0, 1, 0, 1)  # five on the day the report is read
    assert by_sex(age, "18-59") == (1, 1, 0, 2)
    assert by_sex(age, "?") == (0, 0, 1, 1)
    channel = report.table("warga_dilayani", "channel")
    assert by_sex(channel, "datang") == (2, 1, 1, 4)
    assert by_sex(channel, "kunjungan_rumah") == (0, 1, 0, 1)
    assert report.table("warga_dilayani", "disability").value("PDFSK") == 1
    families = report.table("keluarga_dilayani")
    assert families.value("Krajan") == 2 + 1 and families.value("Sidomulyo") == 1
    assert families.total and families.total.values == (4,)


def test_quarter_edge_is_midnight_in_the_office_zone(gateway, office, village):
    q3 = gateway.call(office_report, office[Role.COORDINATOR], Q3, TODAY)
    assert by_sex(q3.table("warga_dilayani", "total")) == (1, 0, 0, 1)  # eko at 23:59 WIB


def test_proposals_needs_and_gaps(report):
    assert by_sex(report.table("usulan_orang", "total")) == (0, 1, 0, 1)
    assert report.table("usulan_orang", "disability").value("PDFSK") == 1
    assert report.table("usulan_keluarga").value(TOTAL) == 1
    gaps = report.table("kebutuhan_belum_diterima")
    assert gaps.value("PKH") == 1 and gaps.value("BPNT") == 0  # BPNT recorded as received
    assert report.table("kepesertaan_tercatat").value("BPNT") == 1
    open_ = report.table("pengaduan_terbuka", "category")
    assert by_sex(open_, "bantuan_tidak_diterima") == (1, 1, 0, 2)
    assert by_sex(report.table("kasus_terlambat")) == (1, 0, 0, 1)
    assert by_sex(report.table("rujukan_tanpa_jawaban"), "puskesmas") == (0, 1, 0, 1)
    assert by_sex(report.table("keluhan_masuk", "kind")) == (2, 1, 0, 3)
    status = report.table("kasus_baru", "status")
    assert [status.value(k) for k in ("diproses", "diterima", "selesai")] == [1, 1, 1]


def test_register_panels_count_households_once(report):
    people = report.table("dtks_penerima", "programme")
    assert by_sex(people) == (2, 1, 0, 3)
    assert by_sex(people, "PKH") == (1, 1, 0, 2)
    assert by_sex(people, "PBI-JK") == (1, 0, 0, 1)
    families = report.table("dtks_keluarga_program")
    assert families.value(TOTAL) == 2  # F1 on two KKs is one family; F4 is another village
    assert families.value("PKH") == 1 and families.value("BPNT") == 1
    combos = report.table("kombinasi_program")
    assert combos.value("BPNT + PKH") == 1 and combos.value("tanpa program") == 1
    assert report.table("desil_tanpa_program").value("3") == 1
    poor_people = report.table("warga_desil_tanpa_program")
    assert by_sex(poor_people) == (0, 1, 1, 2)
    assert poor_people.value("0-5") == 1
    overlap = report.table("tumpang_tindih")
    assert overlap.value("PKH", "BPNT") == 1 and overlap.value("PKH", "PBI-JK") == 0


def test_counter_figures(report):
    t = report.table("antrian", "service")
    assert t.total and t.total.values == (2, 1, 50.0, 10.0, 20.0)
    # Q4 read on 26 November: October's 22 weekdays and November's 19 so far (no public
    # holiday falls in them); two tickets.
    per_day = report.table("antrian", "workday")
    assert "41 hari kerja" in per_day.title and per_day.value(TOTAL) == round(2 / 41, 1)
    sla = report.table("sla")
    assert sla.total and sla.total.values == (1, 1, 100.0)


def test_every_indicator_is_declared_with_words_and_reaches_a_table(report):
    for ind in INDICATORS:
        assert ind.name and ind.definition and ind.counts and ind.dims
        for dim in ind.dims:
            t = report.table(ind.code, dim)
            if ind.by_sex:
                assert t.columns == SEXES


def test_public_board_hides_small_counts(gateway, office, village):
    board = gateway.call(public_report, office[Role.COORDINATOR], Q4, TODAY)
    served = board.table("warga_dilayani", "total")
    assert served.total and served.total.values == (SMALL, SMALL, SMALL, 5)
    assert all(not t.drill for p in board.panels for t in p.tables)


def test_records_behind_a_count_need_the_case_permission(gateway, office, village):
    coordinator = office[Role.COORDINATOR]
    lines = gateway.call(
        report_records, coordinator, Q4, "warga_dilayani", "channel", "datang", "L", TODAY
    )
    assert sorted(line.name for line in lines) == ["Warga ali", "Warga fajar"]
    assert all("*" in line.ref and len(line.ref) == 16 for line in lines)
    with pytest.raises(PermissionDenied):  # counts yes, names no
        gateway.call(report_records, office[Role.ADMIN], Q4, "warga_dilayani", "total", TOTAL)
    with pytest.raises(PermissionDenied):
        gateway.call(office_report, office[Role.FRONT_OFFICE], Q4, TODAY)
    with pytest.raises(PermissionDenied):  # a front-office officer gets no list of names
        gateway.call(
            report_records, office[Role.FRONT_OFFICE], Q4, "warga_dilayani", "total", TOTAL
        )
    with pytest.raises(ValidationError):
        gateway.call(report_records, coordinator, Q4, "dtks_penerima", "programme", "PKH")
