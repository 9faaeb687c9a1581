"""The headless subcommands an administrator scripts."""

import csv
import io
import json

from kiosk.db import head_revision
from ui.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_init_officer_add_and_list(ctx, capsys):
    code, out, _ = run(
        capsys,
        "--db",
        ctx.url,
        "init",
        "--village-code",
        "33.24.01.2001",
        "--village-name",
        "Sukamaju",
        "--admin-username",
        "kades",
        "--admin-name",
        "Pak Kades",
        "--admin-password",
        "rahasia123",
        "--timezone",
        "WIB",
    )
    assert code == 0 and "Puskesos siap" in out
    code, out, _ = run(
        capsys,
        "--db",
        ctx.url,
        "officer",
        "add",
        "--as",
        "kades",
        "--as-password",
        "rahasia123",
        "--username",
        "siti",
        "--name",
        "Siti",
        "--role",
        "front_office",
        "--role",
        "back_office",
        "--password",
        "sementara1",
    )
    assert code == 0 and "siti" in out
    code, out, _ = run(
        capsys,
        "--db",
        ctx.url,
        "officer",
        "list",
        "--as",
        "kades",
        "--as-password",
        "rahasia123",
        "--json",
    )
    listed = {o["username"]: o for o in json.loads(out)}
    assert listed["siti"]["roles"] == ["back_office", "front_office"]


def test_init_refuses_a_bad_village_code_in_indonesian(ctx, capsys):
    code, _, err = run(
        capsys,
        "--db",
        ctx.url,
        "init",
        "--village-code",
        "123",
        "--village-name",
        "X",
        "--admin-username",
        "kades",
        "--admin-name",
        "K",
        "--admin-password",
        "rahasia123",
    )
    assert code == 1 and "Kode desa/kelurahan harus 10 digit" in err


def test_non_admin_cannot_add_officers(ctx, office, capsys):
    code, _, err = run(
        capsys,
        "--db",
        ctx.url,
        "officer",
        "add",
        "--as",
        "frontoffice",
        "--as-password",
        "rahasia123",
        "--username",
        "x1",
        "--name",
        "X",
        "--role",
        "admin",
        "--password",
        "sementara1",
    )
    assert code == 1 and "tidak berwenang" in err


def test_missing_password_without_terminal_is_a_clear_error(ctx, office, capsys, monkeypatch):
    monkeypatch.delenv("PUSKESOS_PASSWORD", raising=False)
    code, _, err = run(capsys, "--db", ctx.url, "officer", "list", "--as", "admin")
    assert code == 1 and "PUSKESOS_PASSWORD" in err


def test_demo_without_window_and_db_status(ctx, capsys):
    code, out, _ = run(capsys, "--db", ctx.url, "demo", "--no-gui", "--households", "20")
    assert code == 0 and "Data demo siap" in out
    code, out, _ = run(capsys, "--db", ctx.url, "db", "status")
    head = head_revision(ctx.engine)
    assert code == 0 and f"Revisi saat ini: {head}; terbaru: {head}" in out


def test_demo_refuses_a_database_with_a_real_puskesos(ctx, office, capsys):
    code, _, err = run(capsys, "--db", ctx.url, "demo", "--no-gui")
    assert code == 1 and "sudah berisi Puskesos" in err


def test_printer_test_prints_both_samples(ctx, office, capsys, tmp_path):
    from printing.decode import decode

    target = tmp_path / "printer.bin"
    code, out, _ = run(
        capsys, "--db", ctx.url, "printer", "test", "--printer", f"file:{target}", "--width", "80"
    )
    assert code == 0 and "Tiket contoh" in out and "Tanda terima contoh" in out
    printed = decode(target.read_bytes())  # both slips: the file is appended, not replaced
    assert "Puskesos Desa Sukamaju" in printed.text and "UJI-0000-00000" in printed.native_qr
    assert "Contoh Warga Name Aksen" in printed.text and printed.cuts == 2
    assert printed.text.index("NOMOR ANTRIAN") < printed.text.index("Contoh Warga Name Aksen")


def test_printer_test_reports_an_absent_printer(ctx, capsys):
    code, _, err = run(capsys, "--db", ctx.url, "printer", "test", "--printer", "net:127.0.0.1:9")
    assert code == 1 and "Nyalakan printer" in err


def test_dtks_import_json_report_and_find(ctx, office, capsys, tmp_path):
    src = tmp_path / "dtsen.csv"
    src.write_text(
        "nomor_induk_kependudukan;nama;nomor_kartu_keluarga;desil_nasional;pkh\n"
        "3324015708900003;Siti Fatimah;3324011203150007;2;1\n"
        "3.32402E+15;Rusak;3324011203150007;2;0\n"
        "33240157089;Pendek;3324011203150007;2;0\n",
        encoding="utf-8",
    )
    rejects = tmp_path / "ditolak.csv"
    code, out, _ = run(
        capsys,
        "--db",
        ctx.url,
        "dtks",
        "import",
        str(src),
        "--as",
        "admin",
        "--as-password",
        "rahasia123",
        "--json",
        "--date",
        "2026-10-08",
        "--report",
        str(rejects),
    )
    summary = json.loads(out)
    assert code == 0 and summary["imported"] == 1 and summary["rejected"] == 2
    assert summary["snapshot_date"] == "2026-10-08"
    assert summary["rejected_by_reason"] == {
        "NIK rusak oleh spreadsheet (notasi ilmiah)": 1,
        "NIK bukan 16 digit": 1,
    }
    saved = list(csv.reader(io.StringIO(rejects.read_text(encoding="utf-8"))))
    assert saved[0] == ["baris", "alasan", "nilai"]
    assert saved[1] == ["3", "NIK rusak oleh spreadsheet (notasi ilmiah)", "3.32402E+15"]
    code, out, _ = run(
        capsys,
        "--db",
        ctx.url,
        "dtks",
        "find",
        "siti patimah",
        "--as",
        "frontoffice",
        "--as-password",
        "rahasia123",
        "--json",
    )
    found = json.loads(out)
    assert found["snapshot_date"] == "2026-10-08"
    assert [(r["name"], r["decile"], r["programmes"]) for r in found["results"]] == [
        ("Siti Fatimah", 2, ["PKH"])
    ]
    # What the officer compares with the KTP in hand: the NIK's birth date (17-08-1990, a
    # woman: day + 40) and sex, as the register has them.
    assert (found["results"][0]["birth_date"], found["results"][0]["sex"]) == (None, None)


def test_dtks_find_shows_birth_date_and_sex_and_import_reads_the_date(
    ctx, office, capsys, tmp_path
):
    src = tmp_path / "DTKS_3324_20261031.csv"
    src.write_text(
        "NIK;NAMA;NO KK;TANGGAL LAHIR;JENIS KELAMIN;HUBUNGAN DENGAN KEPALA KELUARGA\n"
        "3324015708900003;Siti Fatimah;3324011203150007;17/08/1990;Perempuan;Istri\n",
        encoding="cp1252",
    )
    admin = ("--as", "admin", "--as-password", "rahasia123")
    code, out, _ = run(capsys, "--db", ctx.url, "dtks", "import", str(src), *admin)
    assert code == 0 and "Tanggal data: 31-10-2026 (dari nama berkas)" in out
    officer = ("--as", "frontoffice", "--as-password", "rahasia123")
    code, out, _ = run(capsys, "--db", ctx.url, "dtks", "find", "siti", *officer, "--json")
    (hit,) = json.loads(out)["results"]
    assert (hit["birth_date"], hit["sex"], hit["relationship"]) == ("1990-08-17", "P", "Istri")
    code, out, _ = run(capsys, "--db", ctx.url, "dtks", "find", "siti", *officer)
    assert "3324********0003" in out and " P 17-08-1990 " in out


def test_dtks_import_of_a_broken_file_says_what_to_do(ctx, office, capsys, tmp_path):
    src = tmp_path / "lama.xls"
    src.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    code, _, err = run(
        capsys,
        "--db",
        ctx.url,
        "dtks",
        "import",
        str(src),
        "--as",
        "admin",
        "--as-password",
        "rahasia123",
    )
    assert code == 1 and "simpan sebagai .xlsx" in err


def test_global_options_work_after_the_subcommand_too(ctx, office, capsys):
    code, out, _ = run(
        capsys,
        "officer",
        "list",
        "--as",
        "admin",
        "--as-password",
        "rahasia123",
        "--json",
        "--db",
        ctx.url,
    )
    assert code == 0 and "frontoffice" in out
