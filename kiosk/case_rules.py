"""The rules of a case's life, kept apart from the database so they can be read and tested.

Statuses follow the national FO-BO flow (registration → handling and recommendation → decision
→ letter) and the regulations' demand that every citizen hears the outcome:

    diterima → ditelaah → diproses → (menunggu_persetujuan) → selesai / dirujuk / ditolak
    → ditutup; a closed case can be reopened.

A resolution at the Puskesos and every referral pass through ``menunggu_persetujuan``; only the
approval engine moves a case out of it (approved: selesai or dirujuk; rejected: back to
diproses, to the officer who sent it, with the reason).
"""

from __future__ import annotations

from collections.abc import Set
from datetime import date, timedelta
from enum import StrEnum

from kiosk.profiles.document import Profile
from kiosk.profiles.shipped import default_profile
from kiosk.workdays import is_working_day


class CaseStatus(StrEnum):
    """A case's place in the flow; the value is what the database and the kabupaten store."""

    RECEIVED = "diterima"
    REVIEW = "ditelaah"
    IN_PROGRESS = "diproses"
    AWAITING = "menunggu_persetujuan"
    RESOLVED = "selesai"
    REFERRED = "dirujuk"
    REJECTED = "ditolak"
    CLOSED = "ditutup"


class ReferralStatus(StrEnum):
    DRAFT = "draf"
    SUBMITTED = "diajukan"
    AT_KABUPATEN = "menunggu_kabupaten"
    APPROVED = "disetujui"
    RETURNED = "dikembalikan"
    REJECTED = "ditolak"
    CANCELLED = "batal"


class ProductStatus(StrEnum):
    DRAFT = "draf"
    SUBMITTED = "diajukan"
    APPROVED = "disetujui"
    SIGNED = "ditandatangani"
    HANDED_OVER = "diserahkan"
    RETURNED = "dikembalikan"


class StepStatus(StrEnum):
    PENDING = "menunggu"
    APPROVED = "disetujui"
    REJECTED = "ditolak"
    CANCELLED = "batal"
    RETURNED = "dikembalikan"  # by the kabupaten, for more information


# The short names the services use (members of CaseStatus, so they compare with stored text).
RECEIVED = CaseStatus.RECEIVED
REVIEW = CaseStatus.REVIEW
IN_PROGRESS = CaseStatus.IN_PROGRESS
AWAITING = CaseStatus.AWAITING
RESOLVED = CaseStatus.RESOLVED
REFERRED = CaseStatus.REFERRED
REJECTED = CaseStatus.REJECTED
CLOSED = CaseStatus.CLOSED
# A product's letter can be printed from approval on.
PRINTABLE_PRODUCT = frozenset(
    {ProductStatus.APPROVED, ProductStatus.SIGNED, ProductStatus.HANDED_OVER}
)

STATUS_LABELS: dict[str, str] = {
    RECEIVED: "Diterima",
    REVIEW: "Ditelaah",
    IN_PROGRESS: "Diproses",
    AWAITING: "Menunggu persetujuan",
    RESOLVED: "Selesai",
    REFERRED: "Dirujuk",
    REJECTED: "Tidak dapat dipenuhi",
    CLOSED: "Ditutup",
}

# Moves an officer makes by hand. Moves into and out of AWAITING belong to the approval engine.
MANUAL_MOVES: dict[str, frozenset[CaseStatus]] = {
    RECEIVED: frozenset({REVIEW, REJECTED}),
    REVIEW: frozenset({IN_PROGRESS, REJECTED}),
    IN_PROGRESS: frozenset({REJECTED}),
    AWAITING: frozenset(),
    RESOLVED: frozenset({CLOSED}),
    REFERRED: frozenset({CLOSED, IN_PROGRESS}),
    REJECTED: frozenset({CLOSED}),
    CLOSED: frozenset({IN_PROGRESS}),  # reopen
}
ENGINE_MOVES: dict[str, frozenset[CaseStatus]] = {
    REVIEW: frozenset({AWAITING}),
    IN_PROGRESS: frozenset({AWAITING}),
    AWAITING: frozenset({RESOLVED, REFERRED, IN_PROGRESS}),
    # The supervisor returns a result to the back office before it goes upstream
    # (kiosk/services/supervision.py; Kendal art. 20(4)-(5)).
    RESOLVED: frozenset({IN_PROGRESS}),
    REFERRED: frozenset({IN_PROGRESS}),
    REJECTED: frozenset({IN_PROGRESS}),
}
OPEN = frozenset({RECEIVED, REVIEW, IN_PROGRESS, AWAITING})
# Statuses whose outcome the citizen must be told before the case is closed.
OUTCOMES = frozenset({RESOLVED, REFERRED, REJECTED})
# Statuses with an outcome to tell, print or show (a closed case keeps its outcome).
DECIDED = OUTCOMES | {CLOSED}
# Moves that need a written decision or reason.
NEEDS_NOTE = frozenset({(s, REJECTED) for s in (RECEIVED, REVIEW, IN_PROGRESS)}) | {
    (CLOSED, IN_PROGRESS),
    (REFERRED, IN_PROGRESS),
}


def can_move(from_status: str, to_status: str, *, by_engine: bool = False) -> bool:
    """Whether a case may go from ``from_status`` to ``to_status``."""
    table = ENGINE_MOVES if by_engine else MANUAL_MOVES
    return to_status in table.get(from_status, frozenset())


def needs_note(from_status: str, to_status: str) -> bool:
    return (from_status, to_status) in NEEDS_NOTE


ON_TRACK, AT_RISK, OVERDUE, FINISHED = "tepat_waktu", "berisiko", "terlambat", "selesai"
HEALTH_LABELS = {
    ON_TRACK: "Sesuai jadwal",
    AT_RISK: "Hampir jatuh tempo",
    OVERDUE: "Terlambat",
    FINISHED: "-",
}


def working_days_left(today: date, due: date, holidays: Set[date]) -> int:
    """Working days after ``today`` up to and including ``due`` (negative when overdue)."""
    if due >= today:
        n, day = 0, today
        while day < due:
            day += timedelta(days=1)
            if is_working_day(day, holidays):
                n += 1
        return n
    n, day = 0, due
    while day < today:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            n -= 1
    return min(n, -1)


def health(status: str, due: date | None, today: date, holidays: Set[date]) -> str:
    """On track / at risk (due today or the next working day) / overdue, for open cases."""
    if status not in OPEN or due is None:
        return FINISHED
    if today > due:
        return OVERDUE
    return AT_RISK if working_days_left(today, due, holidays) <= 1 else ON_TRACK


# Referral destinations by kind (the ``tujuan_rujukan`` list's ``extra.kind``). Which steps
# each needs, and who decides them, is the regional profile's (kiosk/profiles/); the step roles
# and their default words are the neutral profile's.
COORDINATOR, SUPERVISOR, MANAGER = "koordinator", "supervisor", "manajer"
STEP_LABELS = {r: default_profile().role_label(r) for r in (COORDINATOR, SUPERVISOR, MANAGER)}
# Destinations the village reaches without the kabupaten (village bodies, the Puskesmas, the
# PKH facilitator, the TKSK, local partners such as the BAZNAS of the kecamatan): the profile's
# ``local`` chain, decided in the Puskesos, offline, its letter printed at once. Other kinds
# (regency agencies, province, ministry) take its ``outward`` chain, which ends upstream.
LOCAL_KINDS = frozenset({"desa", "sekretariat", "lokal", "non_pemerintah"})


def referral_steps(
    destination_kind: str, named: list[str] | None = None, profile: Profile | None = None
) -> list[tuple[str, bool]]:
    """``[(role, decided_upstream)]`` in order: the profile's chain for this destination kind
    when it names one; else the destination's own ``langkah`` from the reference list; else
    the profile's local or outward chain."""
    profile = profile or default_profile()
    if named and not profile.names_kind(destination_kind):
        return [(role, role == MANAGER) for role in named if role in STEP_LABELS]
    return profile.referral_steps(destination_kind, destination_kind in LOCAL_KINDS)


# Words for the statuses of referrals, service products and approval steps: no code on screen.
REFERRAL_STATUS_LABELS: dict[str, str] = {
    ReferralStatus.DRAFT: "Draf",
    ReferralStatus.SUBMITTED: "Menunggu persetujuan di Puskesos",
    ReferralStatus.AT_KABUPATEN: "Menunggu keputusan SLRT kabupaten (dikirim saat sinkronisasi)",
    ReferralStatus.APPROVED: "Disetujui; surat rujukan dapat dicetak",
    ReferralStatus.RETURNED: "Dikembalikan untuk diperbaiki",
    ReferralStatus.REJECTED: "Ditolak",
    ReferralStatus.CANCELLED: "Dibatalkan",
}
PRODUCT_STATUS_LABELS: dict[str, str] = {
    ProductStatus.DRAFT: "Draf",
    ProductStatus.SUBMITTED: "Menunggu persetujuan",
    ProductStatus.APPROVED: "Disetujui; menunggu tanda tangan",
    ProductStatus.SIGNED: "Ditandatangani; siap diserahkan",
    ProductStatus.HANDED_OVER: "Sudah diserahkan kepada warga",
    ProductStatus.RETURNED: "Dikembalikan untuk diperbaiki",
}
STEP_STATUS_LABELS: dict[str, str] = {
    StepStatus.PENDING: "Menunggu",
    StepStatus.APPROVED: "Disetujui",
    StepStatus.REJECTED: "Ditolak",
    StepStatus.CANCELLED: "Dibatalkan",
    StepStatus.RETURNED: "Dikembalikan untuk dilengkapi",
}


def words(labels: dict[str, str], code: str) -> str:
    """The label for ``code``; an unknown code (a newer kabupaten) still reads as words."""
    return labels.get(code) or code.replace("_", " ").capitalize()
