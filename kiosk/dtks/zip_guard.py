"""An .xlsx is a zip: check what it says it holds before anything is expanded.

A 1 MB workbook that expands to 1 GiB once took 2.1 GB of memory and 52 s before the import
said "no rows"; on the office's 4 GB laptop that stops everything else. A zip's central
directory declares every part's size before and after compression, and Python's ``zipfile``
never expands a part beyond its declared size, so refusing on the declared sizes bounds what the
reader can be made to expand. The limits follow Apache POI's (a part may not expand more than
100 times) with room for the largest real export: a sheet of a million DTKS rows is well under
a gigabyte, at about ten times its compressed size.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from kiosk.errors import ValidationError
from kiosk.formatting import angka, desimal
from kiosk.messages import _

MAX_RATIO = 100  # expanded / compressed, for a part above GRACE
GRACE = 1 << 20  # parts under 1 MiB expanded are never a danger, whatever their ratio
MAX_TOTAL = 3 << 30  # all parts expanded: far above a million-row sheet
MAX_ENTRIES = 10_000  # a workbook has a few dozen parts


def _size(count: int) -> str:
    if count >= 1 << 30:
        return f"{desimal(count / (1 << 30))} GB"
    return f"{desimal(count / (1 << 20))} MB"


def _refuse(path: Path, detail: str) -> ValidationError:
    return ValidationError(
        _(
            "Berkas Excel {0} tidak wajar: {1}. Berkas seperti ini dapat menghabiskan memori "
            "komputer, jadi tidak dibuka. Unduh ulang ekspor DTKS dari SIKS-NG atau minta "
            "berkas aslinya ke dinas (boleh juga disimpan sebagai .csv); data DTKS lama tetap "
            "dipakai."
        ).format(path.name, detail),
        code="xlsx_tidak_wajar",
    )


def check_workbook(path: Path) -> None:
    """Refuse a workbook whose parts declare an unreasonable expanded size or ratio; reads the
    zip's directory only. A damaged zip is left to the workbook reader's own message."""
    try:
        with zipfile.ZipFile(path) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if len(parts) > MAX_ENTRIES:
        raise _refuse(path, _("berisi {0} bagian").format(len(parts)))
    total = sum(p.file_size for p in parts)
    if total > MAX_TOTAL:
        raise _refuse(path, _("isinya mengembang menjadi {0}").format(_size(total)))
    for p in parts:
        if p.file_size > GRACE and p.file_size > MAX_RATIO * max(p.compress_size, 1):
            raise _refuse(
                path,
                _("bagian {0} mengembang {1} kali lipat, dari {2} menjadi {3}").format(
                    p.filename,
                    angka(p.file_size // max(p.compress_size, 1)),
                    _size(p.compress_size),
                    _size(p.file_size),
                ),
            )
