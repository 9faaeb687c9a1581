"""The period's pre-list as the workbook SIKS-NG data entry is typed from (by name, by address).

Numbers that are identifiers (NIK, No. KK, region codes, RT/RW) are stored as text, so Excel
never turns a NIK into 3,32402E+15 or drops a leading zero; dates are real dates. Each proposed
household is listed whole; a row whose sex contradicts its NIK is marked (the sex cell red, the
reason in ``CATATAN PERIKSA``) so it is checked against the KTP before it is typed in.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from kiosk.regions import region_book
from kiosk.services.prelist import PrelistExport, PrelistRow
from kiosk.services.setup import SiteView
from printing.cells import clean_row, workbook_bytes

HEADERS = (
    "NO",
    "KODE PROVINSI",
    "PROVINSI",
    "KODE KABUPATEN/KOTA",
    "KABUPATEN/KOTA",
    "KODE KECAMATAN",
    "KECAMATAN",
    "KODE DESA/KELURAHAN",
    "DESA/KELURAHAN",
    "ALAMAT",
    "DUSUN",
    "RT",
    "RW",
    "NOMOR KK",
    "NIK",
    "NAMA",
    "TEMPAT LAHIR",
    "TANGGAL LAHIR",
    "JENIS KELAMIN",
    "NAMA IBU KANDUNG",
    "HUBUNGAN DENGAN KEPALA KELUARGA",
    "DISABILITAS",
    "ALASAN USULAN",
    "TANGGAL USULAN",
    "CATATAN PERIKSA",  # after SIKS-NG's columns: what to check against the KTP first
)
TEXT_COLUMNS = {2, 4, 6, 8, 12, 13, 14, 15}  # 1-based: codes, RT/RW, No. KK, NIK
DATE_COLUMNS = {18, 24}
SEX = {"L": "LAKI-LAKI", "P": "PEREMPUAN"}
SEX_COLUMN = HEADERS.index("JENIS KELAMIN") + 1
CHECK_FILL = PatternFill("solid", fgColor="FFC7CE")  # Excel's own "bad" red


UPDATE_HEADERS = (
    "NO",
    "NIK",
    "NO KK",
    "NAMA",
    "JENIS PEMUTAKHIRAN",
    "DATA BARU",
    "ALASAN",
    "DOKUMEN",
    "TANGGAL USULAN",
)


def _updates(wb: Workbook, export: PrelistExport) -> None:
    """The approved data-update proposals of the period, on a sheet of their own."""
    ws = wb.create_sheet(f"Pemutakhiran {export.period.code}"[:31])
    ws.append(list(UPDATE_HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, u in enumerate(export.updates, start=1):
        ws.append(
            clean_row(
                [
                    i,
                    u.nik,
                    u.no_kk,
                    u.name,
                    u.kind,
                    u.new_value,
                    u.reason,
                    u.documents,
                    u.proposed_on,
                ]
            )
        )
    for row in ws.iter_rows(min_row=2):
        row[1].number_format = row[2].number_format = "@"  # NIK and No. KK as text
        row[8].number_format = "DD-MM-YYYY"


def _cells(i: int, r: PrelistRow, site: SiteView) -> list[object]:
    code = r.village_code or site.village_code
    district = region_book().district(code[:6])
    return clean_row(
        [
            i,
            code[:2],
            district.province if district else "",
            code[:4],
            district.regency if district else "",
            code[:6],
            district.name if district else "",
            code,
            site.village_name if code == site.village_code else "",
            r.address,
            r.dusun,
            r.rt,
            r.rw,
            r.no_kk,
            r.nik,
            r.name,
            r.birth_place,
            r.birth_date,
            SEX.get(r.sex, r.sex),
            r.mother_name,
            r.relationship,
            r.disability,
            r.reason,
            r.proposed_on,
            " ".join(r.checks),
        ]
    )


def prelist_xlsx(export: PrelistExport) -> bytes:
    """One sheet, ``Usulan <period>``, one row per person of each proposed household; a row to
    check before sending has its sex cell marked and says why in the last column."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"Usulan {export.period.code}"[:31]
    ws.append(list(HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, r in enumerate(export.rows, start=1):
        ws.append(_cells(i, r, export.site))
        if r.checks:
            ws.cell(row=i + 1, column=SEX_COLUMN).fill = CHECK_FILL
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.column in TEXT_COLUMNS:
                cell.number_format = "@"
                cell.value = "" if cell.value is None else str(cell.value)
            elif cell.column in DATE_COLUMNS:
                cell.number_format = "DD-MM-YYYY"
    for col, head in enumerate(HEADERS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(8, min(40, len(head) + 2))
    ws.freeze_panes = "A2"
    _updates(wb, export)
    return workbook_bytes(wb)
