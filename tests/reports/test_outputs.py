"""The report on paper (PDF text read back), in a workbook (numbers as numbers), on the web page
and from the command line; none of them ever carries a 16-digit number."""

from __future__ import annotations

import io
import re
import stat
import threading
import urllib.error
import urllib.request

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kiosk.reports.indicators import INDICATORS
from printing.papan_html import papan_html
from printing.report_pdf import report_pdf
from printing.report_xlsx import report_xlsx
from tests.conftest import PASSWORD
from ui.cli import main
from ui.papan_server import PapanCache, make_server

SIXTEEN = re.compile(r"(?<!\d)\d{16}(?!\d)")


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_pdf_has_every_panel_sex_columns_and_letterhead(report):
    text = pdf_text(report_pdf(report))
    assert "LAPORAN PUSKESOS TRIWULAN 4 2026" in text.upper()
    assert "DESA SUKAMAJU" in text
    for panel in report.panels:
        assert panel.title in text.replace("\n", " ")
    assert "Laki-laki" in text and "Perempuan" in text and "Tidak" in text
    assert "Warga dilayani" in text
    assert not SIXTEEN.search(text)


def test_workbook_numbers_are_numbers_one_sheet_per_panel(report):
    wb = load_workbook(io.BytesIO(report_xlsx(report)))
    assert wb.sheetnames[0] == "Ringkasan" and len(wb.sheetnames) == 1 + len(report.panels)
    codes = {row[0].value for row in wb["Ringkasan"].iter_rows()}
    assert {i.code for i in INDICATORS} <= codes
    sheet = wb[wb.sheetnames[-1]]  # layanan
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    at = next(i for i, r in enumerate(rows) if r[0] == "Warga dilayani")
    assert rows[at + 1][1:5] == ["Laki-laki", "Perempuan", "Tidak diketahui", "Jumlah"]
    total = rows[at + 3]
    assert total[0] == "Jumlah" and total[1:5] == [2, 2, 1, 5]  # ints, not "2"
    for ws in wb.worksheets:
        for r in ws.iter_rows():
            for c in r:
                assert not SIXTEEN.search(str(c.value or ""))


def test_web_page_is_self_contained_and_public_only(report, board):
    page = papan_html(board)
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org", "")
    assert "https://" not in page and "@import" not in page
    assert "&lt;5" in page and not SIXTEEN.search(page)
    assert "Warga ali" not in page
    with pytest.raises(ValueError):
        papan_html(report)  # the office's version (small counts shown) never goes on the web


def _cli(ctx, *args):
    return main([*args, "--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)])


def test_commands_write_report_and_page(ctx, village, tmp_path, monkeypatch):
    monkeypatch.setenv("PUSKESOS_PASSWORD", PASSWORD)
    out = tmp_path / "laporan"
    assert _cli(ctx, "report", "2026Q4", "--out", str(out), "--as", "coordinator") == 0
    pdf, xlsx = out / "laporan-2026Q4.pdf", out / "laporan-2026Q4.xlsx"
    assert "Warga dilayani" in pdf_text(pdf.read_bytes())
    assert load_workbook(xlsx).sheetnames[0] == "Ringkasan"
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    web = tmp_path / "web"
    assert _cli(ctx, "papan", "export", str(web), "--period", "2026Q4", "--as", "supervisor") == 0
    assert "Papan visual" in (web / "index.html").read_text(encoding="utf-8")
    assert _cli(ctx, "report", "2026Q4", "--out", str(out), "--as", "frontoffice") == 1


def test_served_page_is_read_only(board):
    built = []
    server = make_server("127.0.0.1", 0, PapanCache(lambda: built.append(1) or papan_html(board)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        for _ in range(3):
            with urllib.request.urlopen(base + "/") as r:
                assert r.status == 200 and b"Papan visual" in r.read()
        assert built == [1]  # rebuilt at most once a minute, not per request
        for method, path, code in (("POST", "/", 405), ("GET", "/../etc/passwd", 404)):
            req = urllib.request.Request(
                base + path, method=method, data=b"" if method == "POST" else None
            )
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(req)
            assert err.value.code == code
    finally:
        server.shutdown()
        server.server_close()
