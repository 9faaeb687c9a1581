"""Send an A4 PDF to a system printer (Qt's print dialog) or save it as a file."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLineEdit, QWidget

from printing.rasterize import render_pages
from ui import file_dialogs
from ui.i18n import translate


def print_to(printer: QPrinter, pdf: bytes, dpi: int = 200) -> int:
    """Paint every page of ``pdf`` onto ``printer``; returns the number of pages printed."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(
            translate(
                "pdf_output", "Printer tidak dapat dibuka. Periksa printer di pengaturan sistem."
            )
        )
    pages = 0
    try:
        for image in render_pages(pdf, dpi):
            if image.width > image.height:
                printer.setPageOrientation(QPageLayout.Orientation.Landscape)
            else:
                printer.setPageOrientation(QPageLayout.Orientation.Portrait)
            if pages:
                printer.newPage()
            buf = io.BytesIO()
            image.save(buf, format="PNG")
            qimage = QImage.fromData(buf.getvalue())  # the format is read from the bytes
            area: QRect = painter.viewport()
            size = qimage.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), qimage)
            pages += 1
    finally:
        painter.end()
    return pages


def print_with_dialog(parent: QWidget, pdf: bytes, title: str) -> bool:
    """Ask which printer, then print; False when the officer cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("pdf_output", "Cetak {0}").format(title))
    # Printing to a file: Qt's own dialog proposes the program's folder (not on Windows,
    # whose dialog is the system's); the officer's Documents instead.
    to_file = dialog.findChild(QLineEdit, "filename")
    if to_file is not None:
        name = "".join(c if c.isalnum() or c in " -_" else "-" for c in title).strip() or "dokumen"
        to_file.setText(str(file_dialogs.documents() / f"{name}.pdf"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_to(printer, pdf)
    return True


def save_with_dialog(parent: QWidget, pdf: bytes, suggested: str) -> Path | None:
    """Ask where to save the PDF; None when cancelled."""
    name = file_dialogs.save_file(
        parent,
        translate("pdf_output", "Simpan PDF"),
        suggested,
        translate("pdf_output", "PDF (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
    path.write_bytes(pdf)
    return path
