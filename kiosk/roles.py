"""Roles and what each may do.

Permission lives here, in the core, so that a hidden button is never the only guard: every
service calls :func:`require` with the acting officer before it touches a record.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from kiosk.errors import PermissionDenied
from kiosk.messages import _


class Role(StrEnum):
    """An officer's job at the Puskesos (an officer may hold several)."""

    FRONT_OFFICE = "front_office"
    BACK_OFFICE = "back_office"
    COORDINATOR = "coordinator"
    SUPERVISOR = "supervisor"
    FACILITATOR = "facilitator"
    ADMIN = "admin"
    QUEUE_KIOSK = "queue_kiosk"  # the self-service ticket screen at the door: tickets only


ROLE_LABELS: dict[Role, str] = {
    Role.FRONT_OFFICE: "Petugas Front Office",
    Role.BACK_OFFICE: "Petugas Back Office",
    Role.COORDINATOR: "Koordinator Puskesos",
    Role.SUPERVISOR: "Supervisor",
    Role.FACILITATOR: "Fasilitator",
    Role.ADMIN: "Administrator",
    Role.QUEUE_KIOSK: "Layar antrian pintu",
}


class Perm(StrEnum):
    """Actions a service can be asked to perform."""

    MANAGE_OFFICERS = "manage_officers"
    MANAGE_SITE = "manage_site"
    MANAGE_REFERENCE = "manage_reference"
    ISSUE_TICKET = "issue_ticket"
    REGISTER_PERSON = "register_person"
    CHECK_DTKS = "check_dtks"
    IMPORT_DTKS = "import_dtks"
    CAPTURE_COMPLAINT = "capture_complaint"
    PROPOSE_PRELIST = "propose_prelist"
    CALL_QUEUE = "call_queue"
    VIEW_CASE = "view_case"
    WORK_CASE = "work_case"
    DRAFT_REFERRAL = "draft_referral"
    APPROVE_COORDINATOR = "approve_coordinator"
    APPROVE_SUPERVISOR = "approve_supervisor"
    VIEW_REPORTS = "view_reports"
    VIEW_AUDIT = "view_audit"
    RUN_SYNC = "run_sync"
    PRINT = "print"
    PRINT_OWN_TICKET = "print_own_ticket"  # the door screen: its own tickets, nothing else
    MANAGE_BACKUP = "manage_backup"
    EXPORT_PERSON = "export_person"
    ERASE_PERSON = "erase_person"


_FRONT = {
    Perm.ISSUE_TICKET,
    Perm.REGISTER_PERSON,
    Perm.CHECK_DTKS,
    Perm.CAPTURE_COMPLAINT,
    Perm.PROPOSE_PRELIST,
    Perm.PRINT,
    Perm.RUN_SYNC,
    Perm.VIEW_CASE,
}

GRANTS: dict[Role, frozenset[Perm]] = {
    Role.FRONT_OFFICE: frozenset(_FRONT | {Perm.CALL_QUEUE}),
    Role.FACILITATOR: frozenset(_FRONT - {Perm.ISSUE_TICKET}),
    Role.BACK_OFFICE: frozenset(
        {
            Perm.CALL_QUEUE,
            Perm.WORK_CASE,
            Perm.VIEW_CASE,
            Perm.DRAFT_REFERRAL,
            Perm.CHECK_DTKS,
            Perm.PRINT,
            Perm.RUN_SYNC,
            Perm.REGISTER_PERSON,
        }
    ),
    Role.COORDINATOR: frozenset(
        {
            Perm.APPROVE_COORDINATOR,
            Perm.VIEW_REPORTS,
            Perm.WORK_CASE,
            Perm.VIEW_CASE,
            Perm.CHECK_DTKS,
            Perm.PRINT,
            Perm.RUN_SYNC,
            Perm.IMPORT_DTKS,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            Perm.APPROVE_SUPERVISOR,
            Perm.VIEW_REPORTS,
            Perm.VIEW_AUDIT,
            Perm.CHECK_DTKS,
            Perm.VIEW_CASE,
        }
    ),
    # The door screen stands unattended: it may not list, read or reprint anyone's print jobs
    # (receipts carry names and tracking numbers), only print the tickets it issued itself.
    Role.QUEUE_KIOSK: frozenset({Perm.ISSUE_TICKET, Perm.PRINT_OWN_TICKET}),
    Role.ADMIN: frozenset(
        {
            Perm.MANAGE_OFFICERS,
            Perm.MANAGE_SITE,
            Perm.MANAGE_REFERENCE,
            Perm.IMPORT_DTKS,
            Perm.VIEW_AUDIT,
            Perm.RUN_SYNC,
            Perm.VIEW_REPORTS,
            Perm.PRINT,  # sets up printers and prints a test slip
            Perm.MANAGE_BACKUP,
            Perm.EXPORT_PERSON,
            Perm.ERASE_PERSON,
        }
    ),
}

PERM_LABELS: dict[Perm, str] = {
    Perm.MANAGE_OFFICERS: "mengelola akun petugas",
    Perm.MANAGE_SITE: "mengubah identitas Puskesos",
    Perm.MANAGE_REFERENCE: "mengubah data referensi",
    Perm.ISSUE_TICKET: "mencetak nomor antrian",
    Perm.REGISTER_PERSON: "mendaftarkan warga",
    Perm.CHECK_DTKS: "memeriksa DTKS",
    Perm.IMPORT_DTKS: "mengimpor data DTKS",
    Perm.CAPTURE_COMPLAINT: "mencatat keluhan",
    Perm.PROPOSE_PRELIST: "mengusulkan daftar awal DTKS",
    Perm.CALL_QUEUE: "memanggil antrian",
    Perm.VIEW_CASE: "melihat status kasus",
    Perm.WORK_CASE: "menangani kasus",
    Perm.DRAFT_REFERRAL: "menyusun rujukan",
    Perm.APPROVE_COORDINATOR: "menyetujui sebagai koordinator",
    Perm.APPROVE_SUPERVISOR: "menyetujui sebagai supervisor",
    Perm.VIEW_REPORTS: "melihat laporan",
    Perm.VIEW_AUDIT: "melihat jejak audit",
    Perm.RUN_SYNC: "menjalankan sinkronisasi",
    Perm.PRINT: "mencetak dokumen",
    Perm.PRINT_OWN_TICKET: "mencetak tiket antrian yang diambilnya sendiri",
    Perm.MANAGE_BACKUP: "membuat atau memulihkan cadangan data",
    Perm.EXPORT_PERSON: "mengekspor seluruh data seorang warga",
    Perm.ERASE_PERSON: "menghapus identitas warga atas permintaannya",
}


def permissions_of(roles: Iterable[Role | str]) -> frozenset[Perm]:
    """Union of the grants of ``roles``."""
    out: set[Perm] = set()
    for role in roles:
        out |= GRANTS.get(Role(role), frozenset())
    return frozenset(out)


def require(roles: Iterable[Role | str], perm: Perm) -> None:
    """Raise :class:`PermissionDenied` unless ``roles`` grant ``perm``."""
    if perm not in permissions_of(roles):
        raise PermissionDenied(
            _(
                "Akun Anda tidak berwenang {0}. Minta petugas yang berwenang atau administrator."
            ).format(PERM_LABELS[perm]),
            code=f"tidak_berwenang:{perm.value}",
        )
