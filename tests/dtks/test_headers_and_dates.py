"""Headers read by their words, the export's own date, and refusals grouped by reason: what the
common SIKS export and its file name tell the import without the officer typing it."""

from datetime import date

import pytest
from sqlalchemy import select

from kiosk.dtks import snapshot_date
from kiosk.dtks.columns import match_headers
from kiosk.dtks.importer import import_snapshot, preview
from kiosk.models import DtksRecord, DtksSnapshot

TODAY = date(2026, 11, 26)


def test_long_siks_headers_are_matched_by_their_words():
    headers = [
        "NOMOR INDUK KEPENDUDUKAN (NIK)",
        "NAMA LENGKAP ANGGOTA",
        "Tgl. Lahir (dd-mm-yyyy)",
        "Jenis Kelamin (L/P)",
        "HUBUNGAN DENGAN KEPALA KELUARGA",
        "NOMOR KARTU KELUARGA (KK)",
        "NIK KEPALA KELUARGA",
        "NAMA KEPALA KELUARGA",
        "NAMA DESA",
        "KDDESA",
        "STATUS PKH",
        "Penerima BPNT",
        "Tanggal Data",
        "KETERANGAN",
    ]
    m = match_headers(headers)
    fields = {f: headers[i] for f, i in m.fields.items()}
    assert fields == {
        "nik": "NOMOR INDUK KEPENDUDUKAN (NIK)",
        "name": "NAMA LENGKAP ANGGOTA",
        "birth_date": "Tgl. Lahir (dd-mm-yyyy)",
        "sex": "Jenis Kelamin (L/P)",
        "relationship": "HUBUNGAN DENGAN KEPALA KELUARGA",
        "no_kk": "NOMOR KARTU KELUARGA (KK)",
    }
    assert {headers[i]: code for i, code in m.flags.items()} == {
        "STATUS PKH": "PKH",
        "Penerima BPNT": "BPNT",
    }
    # The head's NIK and name, the village's name and the BPS code are never the person's.
    assert m.unknown == (
        "NIK KEPALA KELUARGA",
        "NAMA KEPALA KELUARGA",
        "NAMA DESA",
        "KDDESA",
        "KETERANGAN",
    )
    assert headers[m.date_column] == "Tanggal Data"
    assert {headers[i] for i in m.by_words} == set(fields.values()) | {
        "STATUS PKH",
        "Penerima BPNT",
    }


def test_an_alias_beats_a_guess_from_words_in_an_earlier_column():
    headers = ["Status Hubungan Dalam Keluarga", "Nama", "NIK", "hub_krt"]
    m = match_headers(headers)
    assert m.fields["relationship"] == 3  # the exact name, though it comes last
    assert m.unknown == ("Status Hubungan Dalam Keluarga",)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DTKS_3324_20261031.csv", date(2026, 10, 31)),
        ("dtsen 2026-10-31.xlsx", date(2026, 10, 31)),
        ("Data DTKS 31-10-2026 final.csv", date(2026, 10, 31)),
        ("DTKS Oktober 2026.csv", date(2026, 10, 1)),
        ("dtks_sukamaju_nop2026.csv", date(2026, 11, 1)),
        ("DTKS_3324012001.csv", None),  # a village code, not a date
        ("DTKS_20271231.csv", None),  # after today: a misread number
        ("dtks_20260101_20261031.csv", None),  # two dates: the officer decides
        ("export.csv", None),
    ],
)
def test_the_date_a_file_name_carries(name, expected):
    assert snapshot_date.from_name(name, TODAY) == expected


HEADER = "NIK;NAMA;NO KK;HUBUNGAN DENGAN KEPALA KELUARGA;TANGGAL EXPORT"


def rows(count: int, day: str = "30/10/2026") -> list[str]:
    return [
        f"33240157089{i:05d};Warga {i};3324011203150007;Anak;{day}" for i in range(1, count + 1)
    ]


def test_the_exports_date_column_sets_the_snapshot_date(ctx, office, session, tmp_path):
    path = tmp_path / "DTKS_3324_20261031.csv"  # the column wins over the name
    path.write_text("\n".join([HEADER, *rows(30)]) + "\n", encoding="cp1252")
    report = import_snapshot(ctx, office.admin, path)
    assert report.snapshot_date == date(2026, 10, 30)
    assert report.as_dict()["snapshot_date_from"] == "kolom TANGGAL EXPORT"
    snap = session.scalars(select(DtksSnapshot).where(DtksSnapshot.status == "active")).one()
    assert snap.snapshot_date == date(2026, 10, 30)
    assert set(session.scalars(select(DtksRecord.relationship))) == {"Anak"}
    found = report.as_dict()
    assert {"column": "HUBUNGAN DENGAN KEPALA KELUARGA", "field": "relationship"} | {
        "by_words": True
    } in found["mapping"]
    assert found["unused_columns"] == []


def test_the_file_name_then_the_officer_date(ctx, office, tmp_path):
    path = tmp_path / "DTKS Oktober 2026.csv"
    path.write_text("\n".join(["NIK;NAMA", "3324015708900003;Siti"]) + "\n")
    assert preview(path, today=TODAY).snapshot_date == date(2026, 10, 1)
    report = import_snapshot(ctx, office.admin, path)
    assert (report.snapshot_date, report.snapshot_date_from) == (date(2026, 10, 1), "nama berkas")
    given = import_snapshot(ctx, office.admin, path, snapshot_date=date(2026, 10, 15))
    assert (given.snapshot_date, given.snapshot_date_from) == (date(2026, 10, 15), "diberikan")
    plain = tmp_path / "ekspor.csv"
    plain.write_text("\n".join(["NIK;NAMA", "3324015708900003;Siti"]) + "\n")
    unknown = preview(plain, today=TODAY)
    assert unknown.snapshot_date is None  # the page asks the officer
    assert import_snapshot(ctx, office.admin, plain).as_dict()["snapshot_date"] is None


def test_damaged_values_are_one_reason_with_examples(ctx, office, tmp_path):
    lines = [HEADER.replace(";TANGGAL EXPORT", "")]
    for i in range(1, 41):
        nik = f"3,324{i:02d}E+15" if i % 2 else f"33240157089{i:05d}"
        lines.append(f"{nik};Warga {i};3324011203150007;Anak")
    path = tmp_path / "dtks.csv"
    path.write_text("\n".join(lines) + "\n")
    report = import_snapshot(ctx, office.admin, path)
    summary = report.as_dict()
    assert summary["rejected_by_reason"] == {"NIK rusak oleh spreadsheet (notasi ilmiah)": 20}
    assert summary["rejected_examples"] == {
        "NIK rusak oleh spreadsheet (notasi ilmiah)": [
            {"line": 2, "value": "3,32401E+15"},
            {"line": 4, "value": "3,32403E+15"},
            {"line": 6, "value": "3,32405E+15"},
        ]
    }
    assert len(report.rejections) == 20  # every row still listed for the saved report
