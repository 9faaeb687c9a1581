"""What the administrator changes after set-up, from the command line: an officer's roles, the
office's letterhead facts, the reference lists, and a citizen's renewed consent."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.models import Case, Consent, Officer, Person, ReferenceItem, Site
from tests.backoffice.helpers import open_case
from tests.conftest import PASSWORD
from ui.cli import main

ADMIN = ("--as", "admin", "--as-password", PASSWORD)


def run(capsys, ctx, *argv):
    code = main(["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_officer_roles_replaces_the_roles_and_keeps_one_administrator(ctx, office, session, capsys):
    code, out, err = run(
        capsys, ctx, "officer", "roles", "frontoffice", "--role", "front_office",
        "--role", "facilitator", *ADMIN,
    )  # fmt: skip
    assert code == 0, err
    assert "Fasilitator" in out and "Petugas Front Office" in out
    officer = session.scalars(select(Officer).where(Officer.username == "frontoffice")).one()
    assert sorted(officer.role_names) == ["facilitator", "front_office"]
    code, _, err = run(capsys, ctx, "officer", "roles", "admin", "--role", "supervisor", *ADMIN)
    assert code == 1 and "administrator" in err
    code, _, err = run(capsys, ctx, "officer", "roles", "tidakada", "--role", "admin", *ADMIN)
    assert code == 1 and "tidak ditemukan" in err


def test_site_update_changes_the_letterhead(ctx, office, session, capsys):
    code, out, err = run(
        capsys, ctx, "site", "update", "--head-name", "Bu Wati", "--address", "Jl. Balai Desa 1",
        *ADMIN,
    )  # fmt: skip
    assert code == 0, err
    assert "Bu Wati" in out
    site = session.scalars(select(Site)).one()
    assert (site.head_name, site.address) == ("Bu Wati", "Jl. Balai Desa 1")
    code, _, err = run(
        capsys, ctx, "site", "update", "--address", "x", "--as", "frontoffice",
        "--as-password", PASSWORD,
    )  # fmt: skip
    assert code == 1 and "tidak berwenang" in err


def test_reference_add_choice_and_reload(ctx, office, session, capsys):
    code, out, err = run(
        capsys, ctx, "reference", "add-choice", "lembaga_rujukan", "lks_mawar", "LKS Mawar", *ADMIN
    )
    assert code == 0, err
    row = session.scalars(select(ReferenceItem).where(ReferenceItem.code == "lks_mawar")).one()
    assert row.label == "LKS Mawar" and row.list_name == "lembaga_rujukan"
    code, out, err = run(capsys, ctx, "reference", "reload", *ADMIN)
    assert code == 0 and "dimuat ulang" in out, err


def test_person_give_consent_after_a_withdrawal(ctx, gateway, office, session, capsys):
    case = open_case(gateway, office)
    nik = session.get(Person, session.get(Case, case.case_id).person_id).nik
    front = ("--as", "frontoffice", "--as-password", PASSWORD)
    assert run(capsys, ctx, "person", "withdraw-consent", nik, *front)[0] == 0
    code, out, err = run(capsys, ctx, "person", "give-consent", nik, "--purpose", "rujukan", *front)
    assert code == 0 and "rujukan" in out, err
    session.expire_all()
    standing = session.scalars(select(Consent.purpose).where(Consent.withdrawn_at.is_(None))).all()
    assert standing == ["rujukan"]
