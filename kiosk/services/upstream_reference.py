"""Reference data the kabupaten sends: its programme catalogue (with the criteria as data,
Balangan art. 9: the manager "mengelola katalog program dan kriteria penerima manfaat"), its
holiday list and its regional profile (the regulation its offices follow, issue #32). Applied
by the sync engine after a pass, never half: a set with one item that is not what the contract
says is refused whole and the office keeps what it has.

As with the shipped lists, nothing is deleted, and the office's own criteria for a programme
(set by its administrator) are kept over the kabupaten's.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.clock import utcnow
from kiosk.eligibility import check_rule
from kiosk.errors import ValidationError
from kiosk.messages import _
from kiosk.models import Holiday, Programme, ReferenceVersion
from kiosk.services.journal import audit
from kiosk.services.profiles import apply_published

LEVELS = {"pusat", "provinsi", "kabupaten", "desa", "non_pemerintah"}
DATASETS = ("programmes", "holidays", "profile")


def stored_version(session: Session, dataset: str) -> str:
    """The version of the kabupaten's ``dataset`` last applied ("" if none)."""
    row = session.get(ReferenceVersion, f"kabupaten:{dataset}")
    return row.version if row else ""


def _programme(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise ValidationError(_("butir katalog bukan objek"))
    code, name = str(item.get("code", "")).strip().upper(), str(item.get("name", "")).strip()
    level = str(item.get("level", "kabupaten"))
    if not code or len(code) > 30 or not name or level not in LEVELS:
        raise ValidationError(
            _("program {0} tanpa kode, nama atau tingkat yang sah").format(code or "?")
        )
    rules = check_rule(item.get("rules", {}))  # a rule that is not one raises ValidationError
    return {
        "code": code,
        "name": name[:200],
        "level": level,
        "managing_body": str(item.get("managing_body", ""))[:200],
        "criteria": str(item.get("criteria", "")),
        "unit": "orang" if item.get("unit") == "orang" else "keluarga",
        "rules": rules,
    }


def _holiday(item: Any) -> tuple[date, str]:
    if not isinstance(item, dict):
        raise ValidationError(_("butir hari libur bukan objek"))
    try:
        day = date.fromisoformat(str(item.get("date", "")))
    except ValueError as exc:
        raise ValidationError(
            _("tanggal libur {0!r} tidak terbaca").format(item.get("date"))
        ) from exc
    return day, str(item.get("name", "Libur"))[:120]


def apply_reference(session: Session, dataset: str, version: str, items: list[Any]) -> int:
    """Apply the kabupaten's ``dataset`` at ``version``; returns how many items changed or
    were added (0 when the version is the one already applied). Raises ValidationError,
    writing nothing, when any item is not valid."""
    if dataset not in DATASETS:
        raise ValidationError(_("data rujukan {0} tidak dikenal").format(dataset))
    if version == stored_version(session, dataset):
        return 0
    if dataset == "profile":  # the kabupaten's regional profile (kiosk/services/profiles.py)
        changed = apply_published(session, version, items)
    elif dataset == "programmes":
        changed = _apply_programmes(session, version, [_programme(i) for i in items])
    else:
        changed = _apply_holidays(session, dict(_holiday(i) for i in items))
    key = f"kabupaten:{dataset}"
    row = session.get(ReferenceVersion, key)
    if row is None:
        session.add(ReferenceVersion(dataset=key, version=version, loaded_at=utcnow()))
    else:
        row.version, row.loaded_at = version, utcnow()
    audit(session, None, "referensi_kabupaten", "reference", dataset, {"versi": version})
    session.flush()
    return changed


def _apply_programmes(session: Session, version: str, items: list[dict[str, Any]]) -> int:
    existing = {p.code: p for p in session.scalars(select(Programme))}
    changed = 0
    for item in items:
        row = existing.get(item["code"]) or Programme(code=item["code"])
        before = (row.name, row.level, row.criteria, row.rules)
        row.name, row.level, row.unit = item["name"], item["level"], item["unit"]
        row.managing_body, row.criteria = item["managing_body"], item["criteria"]
        if not row.rules_by_office:  # the office's own criteria stay
            row.rules = item["rules"]
        row.source_version = f"kabupaten {version}"[:40]
        session.add(row)
        changed += before != (row.name, row.level, row.criteria, row.rules)
    return changed


def _apply_holidays(session: Session, days: dict[date, str]) -> int:
    known = {h.day: h for h in session.scalars(select(Holiday))}
    changed = 0
    for day, name in days.items():
        holiday = known.get(day) or Holiday(day=day)
        changed += holiday.name != name
        holiday.name = name
        session.add(holiday)
    return changed
