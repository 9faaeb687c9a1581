"""NIK and No. KK: parse, validate, explain.

The rules follow DOMAIN.md, not folklore: there is **no checksum**; the birth day carries +40
for women; the serial is never 0000; the century is the latest that does not put the birth in
the future; an unknown region prefix is a *warning* (NIKs keep pre-split codes). Decoded sex and
birth date are hints to compare with the KTP, never the truth. Verdicts are Indonesian sentences
an officer can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from kiosk import number16
from kiosk.number16 import Problem
from kiosk.regions import RegionBook, region_book


class Severity(StrEnum):
    ERROR = "galat"  # cannot be stored without an officer's override (or at all)
    WARNING = "peringatan"  # stored; the officer is told


@dataclass(frozen=True)
class Verdict:
    """One finding about a number, with a code for tests and a sentence for the officer."""

    code: str
    severity: Severity
    message: str
    overridable: bool = True


@dataclass
class NumberCheck:
    """Result of checking a NIK or No. KK."""

    raw: str
    number: str | None  # digits only, when 16 digits could be read
    verdicts: list[Verdict] = field(default_factory=list)
    region_code: str | None = None
    region_label: str | None = None
    date_value: date | None = None  # birth date (NIK) or recording date (KK)
    sex: str | None = None  # "L" / "P", NIK only
    serial: str | None = None

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return not self.errors

    @property
    def errors(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.severity is Severity.WARNING]

    @property
    def overridable(self) -> bool:
        """True when every error may be accepted by an officer with a recorded reason."""
        return self.number is not None and all(v.overridable for v in self.errors)

    def summary(self) -> str:
        if not self.verdicts:
            return "Nomor sah."
        return " ".join(v.message for v in self.verdicts)


def _digits(raw: str, label: str, check: NumberCheck) -> str | None:
    """The 16 digits, or None with the verdict that says why (``kiosk.number16`` decides)."""
    parsed = number16.parse(raw)
    problem = parsed.problem
    if problem is None or problem is Problem.ZERO_SERIAL:  # the serial is judged by the caller
        return parsed.digits
    messages = {
        Problem.EMPTY: f"{label} belum diisi.",
        Problem.SCIENTIFIC: f"{label} tertulis dalam notasi ilmiah ({parsed.text}), biasanya "
        "rusak oleh Excel. Ketik ulang 16 digit dari kartu aslinya.",
        Problem.NOT_DIGITS: f"{label} hanya boleh berisi angka 0–9 (dan spasi, titik atau "
        "tanda hubung di antaranya). Ketik ulang dari kartunya.",
        Problem.LENGTH: f"{label} harus 16 digit; yang diketik {parsed.length} digit. Periksa "
        "lagi kartunya.",
    }
    check.verdicts.append(Verdict(problem.value, Severity.ERROR, messages[problem], False))
    return None


def _region(code6: str, label: str, book: RegionBook, check: NumberCheck) -> None:
    check.region_code = code6
    district = book.district(code6)
    if district is None:
        check.verdicts.append(
            Verdict(
                "wilayah_tidak_dikenal",
                Severity.WARNING,
                f"Kode wilayah {code6[:2]}.{code6[2:4]}.{code6[4:6]} pada {label} tidak ada di "
                "daftar Kemendagri yang tersimpan. Cocokkan dengan kartu; boleh dilanjutkan.",
            )
        )
        return
    check.region_label = f"Kec. {district.name}, {district.regency}, {district.province}"
    if book.is_archived(code6):
        check.verdicts.append(
            Verdict(
                "wilayah_lama",
                Severity.WARNING,
                f"{label} memakai kode wilayah lama (sebelum pemekaran), sekarang "
                f"{district.regency}. Ini wajar untuk kartu lama.",
            )
        )


def _century(dd: int, mm: int, yy: int, today: date) -> date | None:
    for century in (2000, 1900):
        try:
            candidate = date(century + yy, mm, dd)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def check_nik(
    raw: str, *, today: date | None = None, book: RegionBook | None = None
) -> NumberCheck:
    """Check a NIK (``PPKKCC DDMMYY SSSS``) and decode its hints."""
    today = today or date.today()
    check = NumberCheck(raw=raw, number=None)
    digits = _digits(raw, "NIK", check)
    if digits is None:
        return check
    check.number = digits
    _region(digits[:6], "NIK", book or region_book(), check)
    day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    check.serial = digits[12:]
    if 41 <= day <= 71:
        check.sex, day = "P", day - 40
    elif 1 <= day <= 31:
        check.sex = "L"
    else:
        check.verdicts.append(
            Verdict(
                "tanggal_lahir",
                Severity.ERROR,
                f"Digit ke-7–8 NIK ({digits[6:8]}) bukan tanggal lahir (01–31 untuk laki-laki, "
                "41–71 untuk perempuan). Periksa lagi, atau terima dengan alasan bila KTP "
                "memang begitu.",
            )
        )
        day = 0
    if day:
        born = _century(day, month, yy, today)
        if born is None:
            check.verdicts.append(
                Verdict(
                    "tanggal_lahir",
                    Severity.ERROR,
                    f"Tanggal lahir dalam NIK ({digits[6:8]}-{digits[8:10]}-{digits[10:12]}) tidak "
                    "ada di kalender. Periksa lagi, atau terima dengan alasan bila KTP "
                    "memang begitu.",
                )
            )
        else:
            check.date_value = born
    if check.serial == number16.ZERO_SERIAL:
        check.verdicts.append(
            Verdict(
                "nomor_urut",
                Severity.ERROR,
                "Empat digit terakhir NIK tidak mungkin 0000 (sering karena angka dipotong Excel). "
                "Ketik ulang dari KTP/KK.",
            )
        )
    return check


def check_kk(raw: str, *, today: date | None = None, book: RegionBook | None = None) -> NumberCheck:
    """Check a No. KK (area code, DDMMYY recording date without +40, serial)."""
    today = today or date.today()
    check = NumberCheck(raw=raw, number=None)
    digits = _digits(raw, "No. KK", check)
    if digits is None:
        return check
    check.number = digits
    _region(digits[:6], "No. KK", book or region_book(), check)
    check.serial = digits[12:]
    recorded = _century(int(digits[6:8]), int(digits[8:10]), int(digits[10:12]), today)
    if recorded is None:
        check.verdicts.append(
            Verdict(
                "tanggal_terbit",
                Severity.ERROR,
                f"Tanggal pencatatan dalam No. KK ({digits[6:8]}-{digits[8:10]}-{digits[10:12]}) "
                "tidak ada di kalender. Periksa lagi kartunya.",
            )
        )
    else:
        check.date_value = recorded
    if check.serial == number16.ZERO_SERIAL:
        check.verdicts.append(
            Verdict(
                "nomor_urut",
                Severity.ERROR,
                "Empat digit terakhir No. KK tidak mungkin 0000 (sering karena angka dipotong "
                "Excel). Ketik ulang dari kartu keluarga.",
            )
        )
    return check


# Sixteen digits, perhaps written in groups with spaces, dots or dashes (3324 0157 0890 0003).
_NIK_IN_TEXT = re.compile(r"(?<![0-9])(?:[0-9][ .-]?){15}[0-9](?![0-9])")


def mask_niks_in_text(text: str) -> str:
    """Free text for a citizen-facing paper or screen, with any NIK or No. KK an officer typed
    into it masked like the NIK field (a description, a decision, a note)."""
    return _NIK_IN_TEXT.sub(lambda m: mask_nik(re.sub(r"[^0-9]", "", m.group())), text)


def mask_nik(nik: str | None) -> str:
    """NIK for anything printed or shown in public: region kept, the rest hidden."""
    if not nik:
        return "-"
    if len(nik) != 16:
        return "*" * len(nik)
    return f"{nik[:4]}********{nik[12:]}"


def sex_differs(nik: str | None, sex: str | None) -> bool:
    """True when a recorded sex ("L"/"P") contradicts the NIK's hint (the birth day + 40 for
    a woman): a typing slip on one of them, to be checked against the KTP before it goes on."""
    hint = check_nik(nik).sex if nik else None
    return bool(sex and hint and sex != hint)
