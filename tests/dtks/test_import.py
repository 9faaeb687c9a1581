"""DTKS import on messy files: every kind of damage reported, the rest imported, the old
snapshot untouched by a failed or cancelled import."""

import threading
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from kiosk.dtks.importer import ImportCancelled, import_snapshot
from kiosk.errors import PermissionDenied, ValidationError
from kiosk.models import DtksRecord, DtksSnapshot
from kiosk.roles import Role
from kiosk.services.dtks_check import check_dtks, search_dtks

BDT_HEADER = (
    "IDBDT,IDARTBDT,KDPROP,KDKAB,KDKEC,KDDESA,Nama,JnsKel,TmpLahir,TglLahir,NIK,NoKK,"
    "Hub_KRT,Sta_hamil,Jenis_cacat,Ada_pbi,Ada_kip,Ada_pkh,Ada_BPNT"
)


def bdt_line(i: int, nik: str, name: str, kk: str = "3324011203150007", pkh: int = 1) -> str:
    return f"B{i},A{i},33,24,010,001,{name},2,Kendal,17-08-1990,{nik},{kk},1,0,0,1,0,{pkh},1"


def write(tmp_path, name: str, text: str, encoding: str = "utf-8") -> object:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def snapshots(session):
    session.expire_all()
    return {s.status: s for s in session.scalars(select(DtksSnapshot))}


def test_bdt_csv_with_every_kind_of_damage(ctx, office, session, tmp_path):
    lines = [
        BDT_HEADER,
        bdt_line(1, "3324015708900003", "Siti Fatimah"),
        bdt_line(2, "3.32402E+15", "Rusak Ilmiah"),
        bdt_line(3, "3324015708900000", "Nol Di Belakang"),
        bdt_line(4, "33240157089", "Terlalu Pendek"),
        bdt_line(5, "3324017208900003", "Tanggal Janggal"),  # day 32 for a woman: kept
        bdt_line(6, "3324011508850004", ""),
        bdt_line(7, "3324015708900003", "Siti Lain"),  # same NIK, other content
        bdt_line(1, "3324015708900003", "Siti Fatimah"),  # exact repeated line
        "",
        bdt_line(8, "", "Tanpa NIK", pkh=0),
    ]
    path = write(tmp_path, "bdt.csv", "\n".join(lines) + "\n")
    report = import_snapshot(ctx, office.admin, path, kind="DTKS", snapshot_date=date(2026, 9, 1))
    assert report.rows_read == 9 and report.duplicates == 1  # the blank line is skipped
    assert report.imported == 3  # Siti, Tanggal Janggal (flagged), Tanpa NIK (flagged)
    assert report.rejected == {
        "NIK rusak oleh spreadsheet (notasi ilmiah)": 1,
        "NIK diakhiri 0000 (digit dinolkan spreadsheet)": 1,
        "NIK bukan 16 digit": 1,
        "nama kosong": 1,
        "NIK ganda dalam berkas (isi berbeda)": 1,
    }
    assert (3, "NIK rusak oleh spreadsheet (notasi ilmiah)", "3.32402E+15") in report.rejections
    assert (5, "NIK bukan 16 digit", "33240157089 (11 digit)") in report.rejections
    examples = report.as_dict()["rejected_examples"]
    assert examples["NIK diakhiri 0000 (digit dinolkan spreadsheet)"] == [
        {"line": 4, "value": "3324********0000"}  # a NIK shown in a summary is masked
    ]
    assert examples["NIK ganda dalam berkas (isi berbeda)"] == [
        {"line": 8, "value": "3324********0003"}
    ]
    assert report.flagged["nik_janggal"] == 1 and report.flagged["tanpa_nik"] == 1
    stored = {r.name: r for r in session.scalars(select(DtksRecord))}
    assert set(stored) == {"Siti Fatimah", "Tanggal Janggal", "Tanpa NIK"}
    assert stored["Siti Fatimah"].programmes == "BPNT,PBI-JK,PKH"
    assert stored["Siti Fatimah"].birth_date == date(1990, 8, 17)
    assert stored["Tanggal Janggal"].flags == "nik_janggal"
    assert "0000" not in "".join(r.nik or "" for r in stored.values())[-4:]
    fields = dict((c, f) for c, f in report.mapping)
    assert fields["NIK"] == "nik" and fields["Ada_pkh"] == "program PKH"
    assert "KDKEC" in report.unused_columns  # BPS codes are never mixed with Kemendagri codes


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_provincial_and_village_layouts_any_delimiter(ctx, office, session, tmp_path, delimiter):
    header = [
        "iddtks",
        "nama",
        "nomor_nik",
        "nomor_kk",
        "tanggal_lahir",
        "jenis_kelamin",
        "alamat",
        "rt",
        "rw",
        "desil_nasional",
        "pkh",
        "bpnt",
    ]
    row = [
        "D1",
        "Ahmad Junaidi",
        "3324011503100001",
        "3324011203150007",
        "2010-03-15",
        "L",
        "Dusun Krajan",
        "002",
        "001",
        "3",
        "1",
        "0",
    ]
    text = "\ufeff" + delimiter.join(header) + "\n" + delimiter.join(row) + "\n"
    report = import_snapshot(ctx, office.admin, write(tmp_path, "prov.txt", text))
    assert report.imported == 1 and report.delimiter == delimiter
    rec = session.scalars(select(DtksRecord)).one()
    assert (rec.decile, rec.programmes, rec.sex, rec.rt) == (3, "PKH", "L", "002")


def test_windows_1252_names_with_accents_survive(ctx, office, session, tmp_path):
    text = "NIK;Nama;NoKK\n3324015708900003;Siti Fätimah Zahrá;3324011203150007\n"
    report = import_snapshot(ctx, office.admin, write(tmp_path, "win.csv", text, "cp1252"))
    assert report.encoding == "cp1252"
    assert session.scalars(select(DtksRecord.name)).one() == "Siti Fätimah Zahrá"


def test_xlsx_with_numeric_niks(ctx, office, session, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "nomor_induk_kependudukan",
            "nama",
            "nomor_kartu_keluarga",
            "desil_nasional",
            "tanggal_lahir",
        ]
    )
    sheet.append(["3324015708900003", "Teks Aman", "3324011203150007", 2, date(1990, 8, 17)])
    sheet.append([3324011508900013, "Angka Utuh", "3324011203150007", 4, None])
    sheet.append([3324011508900010, "Angka Mungkin Hilang", "3324011203150007", 1, None])
    path = tmp_path / "dtsen.xlsx"
    book.save(path)
    report = import_snapshot(ctx, office.admin, path)
    assert report.imported == 2
    assert list(report.rejected) == [
        "NIK disimpan sebagai angka di Excel; digit terakhir mungkin hilang"
    ]
    assert {r.nik for r in session.scalars(select(DtksRecord))} == {
        "3324015708900003",
        "3324011508900013",
    }


def test_new_snapshot_replaces_the_old_one_and_checks_use_it(
    ctx, office, session, gateway, tmp_path
):
    first = write(tmp_path, "a.csv", "NIK,Nama\n3324015708900003,Siti Lama\n")
    second = write(tmp_path, "b.csv", "NIK,Nama\n3324011508900013,Budi Baru\n")
    import_snapshot(ctx, office.admin, first)
    import_snapshot(ctx, office.admin, second, snapshot_date=date(2026, 11, 1))
    states = snapshots(session)
    assert set(states) == {"active", "diganti"}
    fo = office[Role.FRONT_OFFICE]
    assert not gateway.call(check_dtks, fo, "3324015708900003").found
    assert gateway.call(check_dtks, fo, "3324011508900013").snapshot_date == date(2026, 11, 1)
    assert [e.name for e in gateway.call(search_dtks, fo, "budi")] == ["Budi Baru"]
    assert session.scalars(select(DtksRecord.name)).all() == ["Budi Baru"]  # old rows freed


def test_cancelled_import_leaves_the_old_snapshot_in_place(
    ctx, office, session, gateway, tmp_path, monkeypatch
):
    import kiosk.dtks.importer as importer
    from kiosk.dtks import columnar

    import_snapshot(
        ctx, office.admin, write(tmp_path, "a.csv", "NIK,Nama\n3324015708900003,Siti Lama\n")
    )
    monkeypatch.setattr(importer, "CHUNK", 2)
    monkeypatch.setattr(columnar, "BATCH", 2)
    lines = ["NIK,Nama"] + [f"33240115089{i:05d},Warga {i}" for i in range(1, 50)]
    cancel = threading.Event()

    def progress(done, total, rows):
        if rows >= 6:
            cancel.set()

    with pytest.raises(ImportCancelled) as stopped:
        import_snapshot(
            ctx,
            office.admin,
            write(tmp_path, "b.csv", "\n".join(lines)),
            progress=progress,
            cancel=cancel,
        )
    assert "data DTKS lama tetap dipakai" in stopped.value.message
    states = snapshots(session)
    assert states["active"].source == "a.csv" and states["gagal"].row_count == 0
    assert session.scalars(select(DtksRecord.name)).all() == ["Siti Lama"]
    assert gateway.call(check_dtks, office[Role.FRONT_OFFICE], "3324015708900003").found


def test_unusable_files_are_explained(ctx, office, tmp_path):
    with pytest.raises(ValidationError) as no_columns:
        import_snapshot(ctx, office.admin, write(tmp_path, "x.csv", "a,b\n1,2\n"))
    assert "Kolom wajib" in no_columns.value.message
    with pytest.raises(ValidationError) as old_xls:
        import_snapshot(
            ctx, office.admin, write(tmp_path, "x.xls", "\xd0\xcf\x11\xe0junk", "latin-1")
        )
    assert ".xls lama" in old_xls.value.message
    with pytest.raises(ValidationError) as broken:
        import_snapshot(ctx, office.admin, write(tmp_path, "x.xlsx", "PK\x03\x04broken", "latin-1"))
    assert "rusak" in broken.value.message
    with pytest.raises(ValidationError) as nothing:
        import_snapshot(ctx, office.admin, write(tmp_path, "y.csv", "NIK,Nama\n3.3E+15,X\n"))
    assert nothing.value.code == "tanpa_baris"


def test_front_office_cannot_import(ctx, office, tmp_path):
    with pytest.raises(PermissionDenied):
        import_snapshot(
            ctx,
            office[Role.FRONT_OFFICE],
            write(tmp_path, "a.csv", "NIK,Nama\n3324015708900003,Siti\n"),
        )


def test_import_in_a_child_process_reports_back(ctx, office, session, gateway, tmp_path):
    """What the window uses: the same import, in a spawned process, progress and errors
    carried back to the caller."""
    from kiosk.dtks.import_process import import_in_process

    good = write(tmp_path, "a.csv", "NIK,Nama\n3324015708900003,Siti Proses\n")
    seen: list[tuple[int, int, int]] = []
    report = import_in_process(
        ctx.url, str(ctx.paths.data_dir), office.admin, good, progress=lambda *v: seen.append(v)
    )
    assert report.imported == 1 and seen
    assert [e.name for e in gateway.call(search_dtks, office[Role.FRONT_OFFICE], "siti")] == [
        "Siti Proses"
    ]
    bad = write(tmp_path, "b.csv", "Alamat,RT\nDusun,001\n")
    with pytest.raises(ValidationError, match="Kolom wajib"):
        import_in_process(ctx.url, str(ctx.paths.data_dir), office.admin, bad)


def test_the_collector_is_back_on_after_an_import_whatever_happens(ctx, office, tmp_path):
    """The load pauses Python's cycle collector for speed; success or failure, it comes back
    as it was (a program that had it off keeps it off)."""
    import gc

    good = write(tmp_path, "a.csv", "NIK,Nama\n3324015708900003,Siti\n")
    bad = write(tmp_path, "b.csv", "NIK,Nama\n3.3E+15,X\n")
    assert gc.isenabled()
    import_snapshot(ctx, office.admin, good)
    assert gc.isenabled()
    with pytest.raises(ValidationError):
        import_snapshot(ctx, office.admin, bad)
    assert gc.isenabled()
    gc.disable()
    try:
        import_snapshot(ctx, office.admin, good)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_encoding_reported_is_the_whole_files_not_its_heads(ctx, office, tmp_path):
    """An export whose first 64 KB are plain ASCII and whose accents come later used to be
    reported as UTF-8; the report names what the import met, on either road."""
    lines = ["NIK;Nama"] + [f"33240157089{i:05d};Warga {i}" for i in range(1, 5000)]
    lines.append("3324015708995001;Andr\xe9 Ma\u2019ruf")
    path = write(tmp_path, "akhir.csv", "\n".join(lines) + "\n", "cp1252")
    assert path.stat().st_size > 65536
    report = import_snapshot(ctx, office.admin, path)
    assert report.as_dict()["encoding"] == "cp1252" and report.imported == 5000
