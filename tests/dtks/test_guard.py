"""A DTKS file cannot silently replace the register: a damaged file, a much smaller one or
another kabupaten's is refused (or needs a recorded confirmation), odd files get a message in
Indonesian, and names too long for the register are reported, not cut."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kiosk.dtks.guard import NeedsConfirmation
from kiosk.dtks.importer import import_snapshot
from kiosk.errors import KioskError, ValidationError
from kiosk.models import AuditEntry, DtksSnapshot
from kiosk.roles import Role

HEADER = "NIK,No KK,Nama,Tgl Lahir,Kode Desa,Alamat"


def _row(i: int, village: str = "3324012001") -> str:
    return f"33240157089{i:04d}3,3324011203150007,Warga Ke {i},17-08-1990,{village},Krajan"


@pytest.fixture
def register(ctx, office, tmp_path):
    """The register in use: 20 people of this kabupaten (Kendal, 3324)."""
    path = tmp_path / "dtks.csv"
    path.write_text("\n".join([HEADER, *(_row(i) for i in range(1, 21))]) + "\n")
    import_snapshot(ctx, office.admin, path, snapshot_date=date(2026, 10, 1))
    return path


def _active(session) -> DtksSnapshot:
    session.expire_all()
    return session.scalars(select(DtksSnapshot).where(DtksSnapshot.status == "active")).one()


def _still_twenty(ctx, session, office) -> None:
    assert _active(session).row_count == 20
    assert ctx.register.check(office[Role.FRONT_OFFICE], "3324015708900013").found


def test_a_file_with_nul_bytes_is_refused_and_the_register_stays(
    ctx, office, session, register, tmp_path
):
    bad = tmp_path / "rusak.csv"
    bad.write_bytes(f"{HEADER}\n{_row(1)}\x00\n{_row(2)}\n".encode())
    with pytest.raises(ValidationError) as refused:
        import_snapshot(ctx, office.admin, bad)
    assert refused.value.code == "karakter_nul" and "baris 2" in refused.value.message
    _still_twenty(ctx, session, office)


def test_a_much_smaller_file_needs_confirmation_which_is_audited(
    ctx, office, session, register, tmp_path
):
    small = tmp_path / "kecil.csv"
    small.write_text("\n".join([HEADER, _row(1), _row(2)]) + "\n")
    with pytest.raises(NeedsConfirmation) as refused:
        import_snapshot(ctx, office.admin, small)
    assert "2 baris" in refused.value.message and "20 baris" in refused.value.message
    _still_twenty(ctx, session, office)
    assert session.scalars(select(DtksSnapshot).where(DtksSnapshot.status == "loading")).all() == []
    report = import_snapshot(ctx, office.admin, small, replace_smaller=True)
    assert report.imported == 2 and _active(session).row_count == 2
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "dtks_diimpor").order_by(AuditEntry.seq)
    ).all()[-1]
    assert entry.detail["dikonfirmasi"] == ["lebih_kecil"]


def test_a_half_sized_file_needs_no_question(ctx, office, session, register, tmp_path):
    half = tmp_path / "separuh.csv"
    half.write_text("\n".join([HEADER, *(_row(i) for i in range(1, 11))]) + "\n")
    assert import_snapshot(ctx, office.admin, half).imported == 10


def test_another_kabupatens_file_needs_confirmation(ctx, office, session, register, tmp_path):
    other = tmp_path / "kabupaten-lain.csv"
    other.write_text("\n".join([HEADER, *(_row(i, "3374012001") for i in range(1, 31))]) + "\n")
    with pytest.raises(NeedsConfirmation) as refused:
        import_snapshot(ctx, office.admin, other)
    assert "kabupaten lain" in refused.value.message
    _still_twenty(ctx, session, office)
    import_snapshot(ctx, office.admin, other, replace_smaller=True)
    assert _active(session).row_count == 30


def test_odd_files_get_a_message_not_a_traceback(ctx, office, session, register, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    one_line = tmp_path / "satu-baris.csv"
    one_line.write_bytes(b"nik,nama," + b"x" * 5_000_000)
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text(f"{HEADER}\n{_row(1)}\n", encoding="utf-16")
    image = tmp_path / "foto.csv"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    for path, words in (
        (folder, "folder"),
        (one_line, "bukan tabel CSV"),
        (utf16, "NUL"),
        (image, "NUL"),
    ):
        with pytest.raises(KioskError) as refused:
            import_snapshot(ctx, office.admin, path)
        assert words in refused.value.message, path.name
    _still_twenty(ctx, session, office)


def test_a_name_too_long_for_the_register_is_reported_not_cut(ctx, office, register, tmp_path):
    long_name = "Nur " * 40
    path = tmp_path / "panjang.csv"
    rows = [_row(i) for i in range(1, 21)]
    rows[4] = rows[4].replace("Warga Ke 5", long_name.strip())
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    report = import_snapshot(ctx, office.admin, path)
    assert report.imported == 19
    assert report.rejections == [
        (6, "nama lebih dari 120 karakter (sel tergabung?); perbaiki di berkas", "Nur " * 10 + "…")
    ]
