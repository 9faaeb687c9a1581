"""The command line enforces what the window does and reaches the data-safety services."""

from __future__ import annotations

import json
import stat

from pypdf import PdfReader

from kiosk.models import Case, Person
from kiosk.roles import Role
from kiosk.services.officers import add_officer
from tests.backoffice.helpers import open_case
from tests.conftest import PASSWORD
from ui.cli import main


def run(capsys, ctx, *argv):
    code = main(["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_pin_opens_no_command(ctx, office, capsys):
    code, _, err = run(
        capsys, ctx, "audit", "verify", "--as", "supervisor", "--as-password", "1234"
    )
    assert code == 1 and "kata sandi salah" in err and "PIN" not in err
    code, out, _ = run(
        capsys, ctx, "audit", "verify", "--as", "supervisor", "--as-password", PASSWORD
    )
    assert code == 0 and "utuh" in out


def test_a_temporary_password_must_be_changed_first(ctx, gateway, office, capsys, monkeypatch):
    gateway.call(add_officer, office.admin, "baru", "Petugas Baru", "sementara1", [Role.ADMIN])
    code, _, err = run(capsys, ctx, "backup", "list", "--as", "baru", "--as-password", "sementara1")
    assert code == 1 and "puskesos password --as baru" in err
    monkeypatch.setenv("PUSKESOS_NEW_PASSWORD", "sandibaru99")
    code, out, _ = run(capsys, ctx, "password", "--as", "baru", "--as-password", "sementara1")
    assert code == 0 and "sudah diganti" in out
    code, _, _ = run(capsys, ctx, "summary", "--as", "baru", "--as-password", "sandibaru99")
    assert code == 0


def test_backup_list_restore_and_audit_verify_from_the_command_line(ctx, office, capsys, tmp_path):
    if ctx.engine.dialect.name != "sqlite":
        code, _, err = run(
            capsys, ctx, "backup", "create", "--as", "admin", "--as-password", PASSWORD
        )
        assert code == 1 and "pg_dump" in err
        return
    usb = tmp_path / "usb"
    code, out, _ = run(
        capsys,
        ctx,
        "backup",
        "create",
        "--to",
        str(usb),
        "--as",
        "admin",
        "--as-password",
        PASSWORD,
    )
    assert code == 0 and "terverifikasi" in out and list(usb.glob("*.sqlite3.enc"))
    assert "Kepala rantai audit: entri no. " in out  # the chain's head, printed with each copy
    code, out, _ = run(
        capsys, ctx, "backup", "list", "--json", "--as", "admin", "--as-password", PASSWORD
    )
    copies = json.loads(out)
    manual = next(c for c in copies if c["reason"] == "manual")
    code, out, _ = run(
        capsys, ctx, "backup", "restore", manual["file"], "--as", "admin", "--as-password", PASSWORD
    )
    assert code == 0 and "sebelum-pulih" in out
    code, out, _ = run(
        capsys, ctx, "audit", "verify", "--json", "--as", "admin", "--as-password", PASSWORD
    )
    assert code == 0 and json.loads(out)["ok"]
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(ctx.engine.url.database)) as con, con:
        con.execute("UPDATE audit_entry SET action = 'x' WHERE seq = 2")
    # an entry before the last sound walk: the full walk finds it (a daily check walks on)
    code, out, _ = run(
        capsys, ctx, "audit", "verify", "--full", "--as", "admin", "--as-password", PASSWORD
    )
    assert code == 3 and "RUSAK di entri no. 2" in out


def test_person_export_writes_json_and_pdf_for_the_owner_only(
    ctx, gateway, office, session, capsys, tmp_path
):
    case = open_case(gateway, office)
    nik = session.get(Person, session.get(Case, case.case_id).person_id).nik
    out_file = tmp_path / "ekspor" / "warga.json"
    code, out, err = run(
        capsys,
        ctx,
        "person",
        "export",
        nik,
        "--out",
        str(out_file),
        "--as",
        "admin",
        "--as-password",
        PASSWORD,
    )
    assert code == 0, err
    data = json.loads(out_file.read_text())
    assert data["nik"] == nik
    pdf = out_file.with_suffix(".pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert case.tracking_number in text
    for f in (out_file, pdf):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    code, out, _ = run(
        capsys,
        ctx,
        "person",
        "withdraw-consent",
        nik,
        "--as",
        "frontoffice",
        "--as-password",
        PASSWORD,
    )
    assert code == 0 and "1 persetujuan dicabut" in out


def test_dtks_import_replace_smaller(ctx, office, capsys, tmp_path):
    header = "NIK,No KK,Nama"
    rows = [f"33240157089{i:04d}3,3324011203150007,Warga {i}" for i in range(1, 11)]
    big, small = tmp_path / "besar.csv", tmp_path / "kecil.csv"
    big.write_text("\n".join([header, *rows]) + "\n")
    small.write_text("\n".join([header, rows[0]]) + "\n")
    assert (
        run(capsys, ctx, "dtks", "import", str(big), "--as", "admin", "--as-password", PASSWORD)[0]
        == 0
    )
    code, _, err = run(
        capsys, ctx, "dtks", "import", str(small), "--as", "admin", "--as-password", PASSWORD
    )
    assert code == 1 and "--replace-smaller" in err
    code, out, _ = run(
        capsys,
        ctx,
        "dtks",
        "import",
        str(small),
        "--replace-smaller",
        "--as",
        "admin",
        "--as-password",
        PASSWORD,
    )
    assert code == 0 and "Diimpor 1 baris" in out


def test_a_new_laptop_restores_a_copy_with_the_recovery_passphrase(
    ctx, office, capsys, tmp_path, monkeypatch
):
    if ctx.engine.dialect.name != "sqlite":
        return
    admin = ("--as", "admin", "--as-password", PASSWORD)
    code, out, err = run(capsys, ctx, "backup", "create", *admin)
    assert code == 0 and "frasa pemulihan belum ditetapkan" in err
    monkeypatch.setenv("PUSKESOS_RECOVERY_PASSPHRASE", "gunung merbabu di pagi hari")
    assert run(capsys, ctx, "backup", "passphrase", *admin)[0] == 0
    code, out, err = run(capsys, ctx, "backup", "create", *admin)
    assert code == 0 and "frasa pemulihan" not in err
    copy = out.split("Cadangan terverifikasi: ", 1)[1].split(" (", 1)[0]
    code, out, _ = run(capsys, ctx, "backup", "list", *admin)
    assert "sudah lewat masa simpan: musnahkan" in out
    fresh = tmp_path / "laptop-baru"
    argv = ["--data-dir", str(fresh), "backup", "restore", copy]
    monkeypatch.delenv("PUSKESOS_RECOVERY_PASSPHRASE")
    assert main(argv) == 1 and "frasa pemulihan" in capsys.readouterr().err
    monkeypatch.setenv("PUSKESOS_RECOVERY_PASSPHRASE", "gunung merbabu di pagi hari")
    assert main(argv) == 0, capsys.readouterr().err
    # the accounts came with the copy: the administrator logs in on the new laptop
    code = main(["--data-dir", str(fresh), "audit", "verify", *admin])
    assert code == 0 and "utuh" in capsys.readouterr().out
    # and a second restore there, now that officers exist, needs a log-in
    assert main(argv) == 1 and "--as" in capsys.readouterr().err
