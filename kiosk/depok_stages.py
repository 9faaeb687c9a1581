"""Depok's procedure for social welfare services (Perda Kota Depok, art. 18): registrasi,
seleksi, penempatan, pengawasan, tindak lanjut. A case that follows it shows the stage it is
in, the next step in words and the day it is due (in working days from the stage's start).

Declared here once; the service moves a case one stage at a time and the window only shows.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from datetime import date

from kiosk.workdays import add_working_days


@dataclass(frozen=True)
class Stage:
    code: str
    label: str
    step: str  # what the officer does in this stage, shown as the next step
    days: int  # working days the stage may take


STAGES: tuple[Stage, ...] = (
    Stage(
        "registrasi",
        "Registrasi",
        "Catat warga/keluarga terdampak dan kebutuhannya; periksa dokumen.",
        3,
    ),
    Stage(
        "seleksi",
        "Seleksi",
        "Periksa kelayakan tiap keluarga (DTKS/DTSEN, kriteria program) dan tetapkan sasaran.",
        5,
    ),
    Stage(
        "penempatan",
        "Penempatan",
        "Salurkan bantuan atau tempatkan pada layanan/rujukan yang sesuai.",
        7,
    ),
    Stage(
        "pengawasan",
        "Pengawasan",
        "Pantau bantuan sampai diterima dan catat hasilnya.",
        20,
    ),
    Stage(
        "tindak_lanjut",
        "Tindak lanjut",
        "Tindak lanjuti yang belum tertangani, lalu tutup kasus.",
        10,
    ),
)
DONE = "selesai"  # after the last stage: the procedure is complete
BY_CODE = {s.code: s for s in STAGES}
LABELS = {**{s.code: s.label for s in STAGES}, DONE: "Tahapan selesai"}


def next_stage(current: str | None) -> Stage | None:
    """The stage after ``current`` (the first when the case has not started), None once the
    procedure is complete (then the case moves to ``DONE``)."""
    if current is None:
        return STAGES[0]
    if current == DONE:
        return None
    codes = [s.code for s in STAGES]
    at = codes.index(current)
    return STAGES[at + 1] if at + 1 < len(STAGES) else None


def due_day(stage: Stage, start: date, holidays: Set[date]) -> date:
    return add_working_days(start, stage.days, holidays)
