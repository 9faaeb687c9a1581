"""The PDF a citizen receives when they ask what the office holds about them (UU 27/2022).

It is addressed to the person themself, so it carries their full NIK: the masking rule is for
papers others may see. Each section of the dossier becomes a table; an empty one says so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from reportlab.platypus.flowables import Flowable

from kiosk.services.dossier import Dossier
from printing.documents import STRONG, Header, build_pdf, grid, para, title_block


def person_dossier_pdf(header: Header, dossier: Dossier, invariant: bool = False) -> bytes:
    """Every section of ``dossier`` as a table under the village letterhead."""
    story: list[Flowable] = title_block(header, "DATA PRIBADI YANG DISIMPAN PUSKESOS")
    story.append(
        para(
            f"Atas permintaan {dossier.name} (NIK {dossier.nik or '-'}), berikut seluruh data "
            "tentang yang bersangkutan yang tersimpan di Puskesos ini, sesuai UU 27/2022 "
            "tentang Pelindungan Data Pribadi."
        )
    )
    width = 174 * mm
    for section in dossier.sections:
        story += [Spacer(1, 8), para(section.title, STRONG), Spacer(1, 3)]
        if not section.rows:
            story.append(para("Tidak ada data."))
            continue
        cols = len(section.head)
        story.append(grid(section.head, section.rows, [width / cols] * cols))
    return build_pdf(story, header, "Data pribadi warga", invariant=invariant)


def save_dossier(header: Header, dossier: Dossier, out: Path) -> tuple[Path, Path]:
    """Write ``out`` (JSON) and the PDF beside it, owner-only from the first byte."""
    pdf = out.with_suffix(".pdf")
    data = json.dumps(dossier.as_json(), ensure_ascii=False, indent=2).encode("utf-8")
    for path, body in ((out, data), (pdf, person_dossier_pdf(header, dossier))):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(body)
    return out, pdf
