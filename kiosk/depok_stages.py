"""Depok's procedure for social welfare services (Peraturan Wali Kota Depok 82/2021, art. 19
(1)): registrasi, seleksi, penempatan, pengawasan, tindak lanjut. A case that follows it shows
the stage it is in, the next step in words and the day it is due.

The stages and their words are declared here once; the days each may take are not in the
Perwali: they are the regional profile's (``due_days.stages``, kiosk/services/due_days.py).
The service moves a case one stage at a time and the window only shows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    code: str
    label: str
    step: str  # what the officer does in this stage, shown as the next step


STAGES: tuple[Stage, ...] = (
    Stage(
        "registrasi",
        "Registrasi",
        "Catat warga/keluarga terdampak dan kebutuhannya; periksa dokumen.",
    ),
    Stage(
        "seleksi",
        "Seleksi",
        "Periksa kelayakan tiap keluarga (DTKS/DTSEN, kriteria program) dan tetapkan sasaran.",
    ),
    Stage(
        "penempatan",
        "Penempatan",
        "Salurkan bantuan atau tempatkan pada layanan/rujukan yang sesuai.",
    ),
    Stage(
        "pengawasan",
        "Pengawasan",
        "Pantau bantuan sampai diterima dan catat hasilnya.",
    ),
    Stage(
        "tindak_lanjut",
        "Tindak lanjut",
        "Tindak lanjuti yang belum tertangani, lalu tutup kasus.",
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
