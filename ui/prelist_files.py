"""The pre-list's two files, written whole and for their owner only (they carry full NIKs):
shared by the ``usulan`` command and the Usulan DTKS page."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from kiosk.services.prelist import PrelistExport


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
        )
        for r in export.rows
    ]
    code = export.period.code
    header = Header(export.site, f"USULAN/{code}", today)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in (
        (f"usulan-{code}.xlsx", prelist_xlsx(export)),
        (f"usulan-{code}.pdf", prelist_bnba(header, PrelistFacts(rows))),
    ):
        target = folder / name
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        if os.name == "posix":
            partial.chmod(0o600)  # for the officer and the verifying office only
        os.replace(partial, target)  # never a half-written file under the real name
        written.append(target)
    return written
