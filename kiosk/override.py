"""Why an officer accepts a NIK or No. KK that breaks a rule: a reason from a short list, plus
words when the list needs them.

A free box invited anything, and at the counter "anything" was the number itself: after the
error the cursor sat in the reason box, the officer retyped the NIK there, and Enter stored the
number as its own justification. A choice says what happened in words a supervisor can count;
the words add the detail, and are refused when they are a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.errors import ValidationError
from kiosk.messages import _
from kiosk.number16 import western_digits


@dataclass(frozen=True)
class OverrideReason:
    code: str
    label: str
    needs_words: bool = False  # "other": the words are the reason


REASONS = (
    OverrideReason("ktp_lama", "KTP lama (belum KTP-el)"),
    OverrideReason("dukcapil_berbeda", "Data Dukcapil berbeda dengan kartu"),
    OverrideReason("kk_belum_diperbarui", "KK belum diperbarui"),
    OverrideReason("salah_cetak", "Salah cetak pada kartu, sudah dilaporkan"),
    OverrideReason("lainnya", "Lainnya (tulis keterangannya)", needs_words=True),
)
_BY_CODE = {r.code: r for r in REASONS}
# Ten digits or more, perhaps grouped, are a NIK, a No. KK or a telephone typed in the wrong
# box, never an explanation ("KTP terbit 17-08-2009" has eight); so are digits without a word.
_NUMBER = re.compile(r"[0-9](?:[\s.\-]?[0-9]){9}")
_WORD = re.compile(r"[^\W\d_]{3,}")


def reason_text(code: str, words: str) -> str:
    """The reason as stored ("KTP lama (belum KTP-el): foto masih lama"), or a refusal that
    names the field to fix."""
    reason = _BY_CODE.get(code.strip())
    words = " ".join(words.split())
    if reason is None:
        raise ValidationError(
            _("Pilih alasan menerima nomor ini dari daftar (mis. KTP lama)."),
            code="alasan_belum_dipilih",
            field="override_choice",
        )
    digits = western_digits(words)
    if _NUMBER.search(digits) or (any(c.isdigit() for c in digits) and not _WORD.search(words)):
        raise ValidationError(
            _(
                "Keterangan alasan berisi nomor, bukan penjelasan. Nomor diketik di kotak NIK "
                "atau No. KK; di sini tulis kata-kata, mis. \u201cKTP terbitan 2009\u201d."
            ),
            code="alasan_berisi_nomor",
            field="override_reason",
        )
    if reason.needs_words and not _WORD.search(words):
        raise ValidationError(
            _("Alasan \u201cLainnya\u201d perlu keterangan dengan kata-kata."),
            code="alasan_tanpa_keterangan",
            field="override_reason",
        )
    return f"{reason.label}: {words}" if words else reason.label
