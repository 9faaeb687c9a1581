"""The village meeting's date and the SIKS-NG reference of one pre-list proposal, asked in a
dialog on the Usulan DTKS page (the core records them: kiosk/services/prelist_review.py)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QWidget

from ui.dialogs import Field, FormDialog
from ui.i18n import translate


def parse_day(text: str) -> date | None:
    """A day typed as DD-MM-YYYY, else None."""
    try:
        return datetime.strptime(text.strip(), "%d-%m-%Y").date()
    except ValueError:
        return None


def ask_musdes(parent: QWidget, musdes: date | None, ref: str) -> dict[str, str] | None:
    """The typed date and reference, or None when the officer cancels."""
    answer = FormDialog.ask(
        parent,
        translate("prelist", "Musyawarah desa dan SIKS-NG"),
        [
            Field(
                "musdes",
                translate("prelist", "&Tanggal musyawarah desa"),
                value=musdes.strftime("%d-%m-%Y") if musdes else "",
                hint=translate("prelist", "HH-BB-TTTT, mis. 07-08-2026"),
            ),
            Field(
                "siksng",
                translate("prelist", "&Nomor usulan di SIKS-NG"),
                required=False,
                value=ref,
                hint=translate("prelist", "Isi setelah usulan dimasukkan ke SIKS-NG"),
            ),
        ],
        translate("prelist", "Simpan"),
    )
    return {k: str(v) for k, v in answer.items()} if answer else None
