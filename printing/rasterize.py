"""PDF pages as images, so a document can go to any system printer through Qt.

PySide6-Essentials has no QtPdf; pypdfium2 (PDFium, the engine of Chrome's PDF viewer) renders
the pages and Qt paints them onto the printer.
"""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2 as pdfium
from PIL import Image


def page_count(pdf: bytes) -> int:
    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def render_pages(pdf: bytes, dpi: int = 200) -> Iterator[Image.Image]:
    """Yield each page as an RGB image at ``dpi`` (one page in memory at a time)."""
    doc = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(doc)):
            page = doc[index]
            try:
                yield page.render(scale=dpi / 72).to_pil().convert("RGB")
            finally:
                page.close()
    finally:
        doc.close()
