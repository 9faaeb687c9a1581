"""The pre-list (usulan) for DTKS verification as a BNBA list: by name, by address, landscape.

Addressed to the verifying office, so it carries the full NIK (see :mod:`printing.documents`).
Each proposed household is listed whole; a row to check before sending is marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kiosk.clock import tanggal
from printing.documents import Header, Signer, build_pdf, grid, para, signatures, title_block

MARK = "(!)"  # on a row to check before sending


@dataclass(frozen=True)
class BnbaRow:
    """One line of the by-name-by-address list sent for DTKS verification."""

    nik: str
    no_kk: str
    name: str
    birth: str
    sex: str
    address: str
    mother_name: str = ""
    disability: str = ""
    reason: str = ""
    check: str = ""  # what to check against the KTP/KK before sending (the row is marked)


@dataclass
class PrelistFacts:
    rows: list[BnbaRow] = field(default_factory=list)
    musdes_date: date | None = None
    signers: tuple[Signer, ...] = ()


def prelist_bnba(header: Header, facts: PrelistFacts, invariant: bool = False) -> bytes:
    """Usulan daftar awal (BNBA) for DTKS verification and validation (landscape)."""
    story = title_block(header, "DAFTAR USULAN DAFTAR AWAL (PRE-LIST) DTKS - BY NAME BY ADDRESS")
    if facts.musdes_date:
        story.append(para(f"Hasil musyawarah desa tanggal {tanggal(facts.musdes_date)}."))
    head = [
        "No",
        "NIK",
        "No. KK",
        "Nama",
        "Tempat/tgl lahir",
        "JK",
        "Alamat",
        "Ibu kandung",
        "Disabilitas",
        "Alasan",
    ]
    rows = [
        [
            str(i),
            r.nik,
            r.no_kk,
            r.name,
            r.birth,
            f"{r.sex}{MARK}" if r.check else r.sex,
            r.address,
            r.mother_name,
            r.disability,
            f"{r.reason} {MARK} PERIKSA: {r.check}" if r.check else r.reason,
        ]
        for i, r in enumerate(facts.rows, 1)
    ]
    # NIK and No. KK never wrap: the verifying office types them from this page.
    widths = [w * mm for w in (9, 35, 35, 30, 26, 11, 31, 28, 24, 28)]
    households = len({r.no_kk or r.nik for r in facts.rows})
    story += [
        grid(head, rows, widths),
        Spacer(1, 4),
        para(f"Jumlah usulan: {households} keluarga, {len(facts.rows)} orang."),
    ]
    flagged = sum(1 for r in facts.rows if r.check)
    if flagged:
        story.append(
            para(
                f"{flagged} baris bertanda {MARK} perlu diperiksa dengan KTP/KK sebelum dikirim "
                "(lihat kolom Alasan)."
            )
        )
    story += signatures(
        header, facts.signers or (Signer(header.site.head_title, header.site.head_name),)
    )
    return build_pdf(
        story, header, "Usulan daftar awal", pagesize=landscape(A4), invariant=invariant
    )
