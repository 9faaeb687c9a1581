"""The ranked list for the village meeting (musyawarah desa): a landscape PDF on the office's
letterhead and a workbook, with masked NIKs, each household's score and the reasons, the
households within the quota marked and the excluded listed with why."""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kiosk.identity import mask_nik
from kiosk.ranking import WORDS, Ranked, Ranking
from printing.cells import clean_row, workbook_bytes
from printing.documents import SMALL, Header, Signer, build_pdf, grid, para, signatures, title_block
from printing.report_values import shown


def _weights(r: Ranking) -> str:
    return ", ".join(f"{WORDS[k]} {shown(float(v))}" for k, v in r.weights.items() if v)


def _quota_or_decision(x: Ranked, decisions: Mapping[str, str] | None) -> str:
    if decisions is not None:
        return decisions.get(x.candidate.key, "")
    return "ya" if x.within_quota else ""


def ranking_pdf(
    header: Header,
    r: Ranking,
    invariant: bool = False,
    status: str = "",
    decisions: Mapping[str, str] | None = None,
) -> bytes:
    """``status`` says where the list stands (reviewed, decided); with ``decisions`` (by
    household key) the meeting's decision replaces the quota mark."""
    story: list[Flowable] = title_block(
        header, f"DAFTAR PERINGKAT CALON PENERIMA {r.programme} - BAHAN MUSYAWARAH DESA"
    )
    story.append(
        para(
            f"Kuota {r.quota} keluarga. Bobot: {_weights(r)}. Urutan sama untuk data yang sama; "
            "nilai sama didahulukan desil lebih rendah, lalu anggota lebih banyak. "
            + (status or "Daftar ini bahan musyawarah, bukan keputusan.")
        )
    )
    story.append(Spacer(1, 4))
    mark = "Keputusan" if decisions is not None else "Kuota"
    head = ["No", mark, "Kepala / nama", "NIK", "No. KK", "Desil", "Skor", "Alasan"]
    rows = [
        [
            str(x.rank),
            _quota_or_decision(x, decisions),
            x.candidate.head,
            mask_nik(x.candidate.nik),
            x.candidate.no_kk,
            str(x.candidate.decile or "-"),
            shown(x.score),
            "; ".join(x.reasons),
        ]
        for x in r.ranked
    ]
    # NIK and No. KK never wrap: the meeting reads and types them from this page.
    widths = [w * mm for w in (10, 13 if decisions is None else 30, 45, 38, 38, 14, 14, 90)]
    if decisions is not None:
        widths[-1] -= 17 * mm
    story.append(grid(head, rows, widths, SMALL))
    if r.excluded:
        story += [Spacer(1, 6), para("Tidak diperingkat:")]
        story.append(
            grid(
                ["Nama", "No. KK", "Alasan"],
                [[e.candidate.head, e.candidate.no_kk, e.reason] for e in r.excluded],
                [w * mm for w in (70, 45, 147)],
                SMALL,
            )
        )
    story += signatures(header, (Signer(header.site.head_title, header.site.head_name),))
    return build_pdf(
        story, header, f"Peringkat calon {r.programme}", pagesize=landscape(A4), invariant=invariant
    )


def ranking_xlsx(r: Ranking, status: str = "", decisions: Mapping[str, str] | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Peringkat"
    title = f"Peringkat calon {r.programme}, kuota {r.quota}. Bobot: {_weights(r)}. {status}"
    ws.append(clean_row([title]))
    mark = "Keputusan musdes" if decisions is not None else "Dalam kuota"
    ws.append(["No", mark, "Nama", "NIK", "No. KK", "Desil", "Skor", "Alasan"])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for x in r.ranked:
        ws.append(
            clean_row(
                [
                    x.rank,
                    _quota_or_decision(x, decisions) or ("" if decisions is not None else "tidak"),
                    x.candidate.head,
                    mask_nik(x.candidate.nik),
                    x.candidate.no_kk,
                    x.candidate.decile,
                    x.score,
                    "; ".join(x.reasons),
                ]
            )
        )
    for row in ws.iter_rows(min_row=3, min_col=5, max_col=5):
        for cell in row:
            cell.number_format = "@"  # No. KK as text: Excel would round 16 digits
    out = wb.create_sheet("Tidak diperingkat")
    out.append(["Nama", "No. KK", "Alasan"])
    for e in r.excluded:
        out.append(clean_row([e.candidate.head, e.candidate.no_kk, e.reason]))
    return workbook_bytes(wb)
