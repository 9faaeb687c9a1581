"""The pre-list's two files, written whole and for their owner only (they carry full NIKs):
shared by the ``usulan`` command and the Usulan DTKS page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk.services.prelist import PrelistExport
from ui.private_files import write_whole


def _birth(place: str, day: date | None) -> str:
    return ", ".join(x for x in (place, day.strftime("%d-%m-%Y") if day else "") if x)


def write_prelist(export: PrelistExport, folder: Path, today: date) -> list[Path]:
    """``usulan-PERIOD.xlsx`` (SIKS-NG) and ``usulan-PERIOD.pdf`` (BNBA) in ``folder``."""
    from printing.documents import Header
    from printing.prelist import BnbaRow, PrelistFacts, prelist_bnba
    from printing.prelist_xlsx import prelist_xlsx

    rows = [
        BnbaRow(
            r.nik,
            r.no_kk,
            r.name,
            _birth(r.birth_place, r.birth_date),
            r.sex,
            " ".join(x for x in (r.address, f"RT {r.rt}/RW {r.rw}" if r.rt else "") if x),
            r.mother_name,
            r.disability,
            r.reason,
            " ".join(r.checks),
        )
        for r in export.rows
    ]
    code = export.period.code
    header = Header(export.site, f"USULAN/{code}", today)
    return [
        write_whole(folder / name, data)  # for the officer and the verifying office only
        for name, data in (
            (f"usulan-{code}.xlsx", prelist_xlsx(export)),
            (f"usulan-{code}.pdf", prelist_bnba(header, PrelistFacts(rows))),
        )
    ]
