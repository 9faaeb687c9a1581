"""What a PPKS type asks of its subject, and one record per subject and type.

The conditions are data on the reference list ``jenis_ppks``, so an office's own type carries
its own and no type is special-cased here: ``extra.usia_min`` and ``extra.usia_di_bawah`` (whole
years on the day of recording) and ``extra.subjek`` (whom the type is recorded for). Shipped as
Kemensos defines them: lanjut usia 60 tahun ke atas (UU 13/1998), anak di bawah 18 tahun
(UU 35/2014), balita di bawah 5 tahun. A second record of the same subject and type would be
counted twice in the papan.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.errors import Conflict, ValidationError
from kiosk.messages import _
from kiosk.models import Household, Person, PpksRecord
from kiosk.services.person_profile import age_on
from kiosk.services.reference import Choice


def age_words(extra: dict[str, object]) -> str:
    """The type's age condition in words ("usia 60 tahun ke atas"), or "" without one."""
    low, below = extra.get("usia_min"), extra.get("usia_di_bawah")
    if low is not None and below is not None:
        return _("usia {0} sampai di bawah {1} tahun").format(low, below)
    if low is not None:
        return _("usia {0} tahun ke atas").format(low)
    if below is not None:
        return _("usia di bawah {0} tahun").format(below)
    return ""


def check_conditions(kind: Choice, subject: str, person: Person | None, today: date) -> None:
    """Refuse a record the type's own conditions exclude, saying which and what to do."""
    subjects = kind.extra.get("subjek")
    if isinstance(subjects, list) and subject not in subjects:
        raise ValidationError(
            _("Jenis PPKS '{0}' dicatat untuk {1}, bukan {2}: pilih '{1}'.").format(
                kind.label, "/".join(subjects), subject
            ),
            field="subject",
        )
    words = age_words(kind.extra)
    if not words:
        return
    if subject != "orang" or person is None:
        raise ValidationError(
            _(
                "Jenis PPKS '{0}' ({1}) dicatat untuk orang: pilih 'orang' dan tulis NIK warganya."
            ).format(kind.label, words),
            field="subject",
        )
    age = age_on(person.birth_date, today)
    if age is None:
        raise ValidationError(
            _(
                "Jenis PPKS '{0}' khusus {1}, tetapi tanggal lahir warga ini belum tercatat. "
                "Lengkapi tanggal lahirnya di data warga (lihat KTP/KK), lalu catat lagi."
            ).format(kind.label, words),
            field="ppks_type",
        )
    low, below = kind.extra.get("usia_min"), kind.extra.get("usia_di_bawah")
    if (isinstance(low, int) and age < low) or (isinstance(below, int) and age >= below):
        raise ValidationError(
            _(
                "Jenis PPKS '{0}' khusus {1}; warga ini berusia {2} tahun. Pilih jenis PPKS "
                "yang sesuai dengan usianya."
            ).format(kind.label, words, age),
            field="ppks_type",
        )


def refuse_duplicate(
    session: Session,
    kind: Choice,
    person: Person | None,
    household: Household | None,
    community: str,
) -> None:
    """The same person, family or community (by name) already recorded with this type."""
    stmt = select(PpksRecord.recorded_on).where(PpksRecord.ppks_type == kind.code)
    if person is not None:
        stmt, who = stmt.where(PpksRecord.person_id == person.id), _("Warga ini")
    elif household is not None:
        stmt, who = stmt.where(PpksRecord.household_id == household.id), _("Keluarga ini")
    else:
        name = community.strip().lower()
        stmt = stmt.where(
            PpksRecord.subject == "komunitas", func.lower(func.trim(PpksRecord.community)) == name
        )
        who = _("Komunitas ini")
    earlier = session.scalars(stmt.order_by(PpksRecord.recorded_on)).first()
    if earlier is not None:
        raise Conflict(
            _(
                "{0} sudah tercatat sebagai PPKS '{1}' sejak {2}; satu catatan cukup dan tidak "
                "dihitung dua kali. Lihat daftar PPKS; catat jenis lain bila ada."
            ).format(who, kind.label, earlier.strftime("%d-%m-%Y")),
            field="ppks_type",
        )
