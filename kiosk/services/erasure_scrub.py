"""Where an erased person's words still sit besides their own rows: outbox payloads (waiting
or delivered) and the bytes of print jobs.

- A *waiting* operation still goes upstream (the kabupaten's record of the case or household
  stays whole), but its identifying values are replaced by the erased markers, so the next
  sync sends nothing of the person.
- A *delivered* operation is the kabupaten's copy now: ours becomes ``{"dihapus": true}``.
- Lists that copied the NIK or No. KK (a data-update proposal, a ranking list's entry, a
  community case's households, a PPKS note) lose them too.
- A print job is matched by its bytes (a thermal receipt names the person and the case's
  tracking number but points at no record) and emptied.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, String, cast, or_, select, update
from sqlalchemy.orm import Session

from kiosk.models import (
    CaseHousehold,
    DataUpdateProposal,
    OutboxOperation,
    PpksRecord,
    PrintJob,
    RankingEntry,
)

DELIVERED = ("sent", "conflict")
PERSON_KEYS = {
    "nik": None,
    "name": "(identitas dihapus)",
    "birth_place": "",
    "phone": "",
    "mother_name": "",
    "nik_override_reason": "",
}
HOUSEHOLD_KEYS = {"no_kk": None, "address": "", "latitude": None, "longitude": None}


def _replace(value: Any, words: list[str], marker: str) -> Any:
    """``value`` with every string that holds one of ``words`` replaced by ``marker``."""
    if isinstance(value, dict):
        return {k: _replace(v, words, marker) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace(v, words, marker) for v in value]
    if isinstance(value, str) and any(w.casefold() in value.casefold() for w in words):
        return marker
    return value


def _forms(words: Iterable[str]) -> list[str]:
    """How a word may appear inside a stored JSON text (as written, or escaped)."""
    out: set[str] = set()
    for w in words:
        out |= {w, json.dumps(w)[1:-1]}
    return sorted(out)


def scrub_outbox(
    session: Session,
    entities: dict[uuid.UUID, dict[str, Any]],
    numbers: list[str],
    words: list[str],
    marker: str,
) -> int:
    """Rewrite every operation about ``entities`` (id -> the keys to blank in its payload) or
    holding one of ``numbers`` (NIK, No. KK, phone: they name one person or family wherever
    they appear); ``words`` (the name) are replaced only in operations about ``entities``, so
    a namesake's records stay whole. Returns how many changed."""
    numbers = [n for n in numbers if n and len(n) >= 6]
    words = numbers + [w for w in words if w and len(w) >= 3]
    conditions: list[ColumnElement[bool]] = [OutboxOperation.entity_id.in_(list(entities))]
    text = cast(OutboxOperation.payload, String)
    conditions += [text.contains(f, autoescape=True) for f in _forms(numbers)]
    changed = 0
    for op in session.scalars(select(OutboxOperation).where(or_(*conditions))):
        if op.state in DELIVERED:
            new: dict[str, Any] = {"dihapus": True}
        else:
            blank = entities.get(op.entity_id, {})
            new = {k: blank.get(k, v) for k, v in dict(op.payload).items()}
            new = _replace(new, words if op.entity_id in entities else numbers, marker)
        if new != op.payload:
            op.payload = new
            changed += 1
    return changed


def scrub_print_jobs(session: Session, words: list[str]) -> int:
    """Empty every print job whose bytes hold one of ``words`` (in any letter case)."""
    needles: set[bytes] = set()
    for w in (w for w in words if w and len(w) >= 3):
        for form in {w, w.upper(), w.lower(), w.title()}:
            for encoding in ("utf-8", "cp437", "latin-1"):
                try:
                    needles.add(form.encode(encoding))
                except UnicodeEncodeError:
                    continue
    emptied = 0
    for job_id, payload in session.execute(select(PrintJob.id, PrintJob.payload)).all():
        if payload and any(n in payload for n in needles):
            session.get(PrintJob, job_id).payload = b""  # type: ignore[union-attr]
            emptied += 1
    return emptied


def scrub_copies(
    session: Session,
    person_id: uuid.UUID,
    nik: str | None,
    household: tuple[uuid.UUID, str | None] | None,
    marker: str,
) -> None:
    """Blank the NIK, name and free text other tables copied about the person; the No. KK too
    when ``household`` (id, No. KK) was left with nobody."""
    about = [DataUpdateProposal.person_id == person_id]
    if nik:
        about.append(DataUpdateProposal.nik == nik)
        session.execute(
            update(RankingEntry).where(RankingEntry.nik == nik).values(nik="", head=marker)
        )
    for column in (DataUpdateProposal.new_value, DataUpdateProposal.reason):
        session.execute(
            update(DataUpdateProposal).where(or_(*about), column != "").values({column: marker})
        )
    session.execute(
        update(DataUpdateProposal).where(or_(*about)).values(nik=None, name=PERSON_KEYS["name"])
    )
    ppks = [PpksRecord.person_id == person_id]
    if household is not None:
        hh_id, kk = household
        ppks.append(PpksRecord.household_id == hh_id)
        if kk:
            session.execute(
                update(DataUpdateProposal).where(DataUpdateProposal.no_kk == kk).values(no_kk=None)
            )
            gone = f"dihapus-{hh_id.hex}"[:40]
            session.execute(
                update(RankingEntry)
                .where(RankingEntry.household_key == kk)
                .values(household_key=gone)
            )
            session.execute(update(RankingEntry).where(RankingEntry.no_kk == kk).values(no_kk=""))
            session.execute(update(CaseHousehold).where(CaseHousehold.no_kk == kk).values(no_kk=""))
    session.execute(update(PpksRecord).where(or_(*ppks), PpksRecord.note != "").values(note=marker))
