"""Reference data: loaded from resources/, versioned, extendable by an administrator.

Loading upserts by code and never deletes, so an administrator's own entries (a regional
programme, a local NGO as referral destination) survive a reload of a newer shipped version.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.clock import utcnow
from kiosk.eligibility import check_rule
from kiosk.errors import Conflict, ValidationError
from kiosk.messages import _
from kiosk.models import Holiday, Programme, ReferenceItem, ReferenceVersion
from kiosk.regions import RESOURCES
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit
from kiosk.services.registry import action

REFERENCE_DIR = RESOURCES / "reference"


@dataclass(frozen=True)
class Choice:
    """One option of a list, as a form shows it."""

    code: str
    label: str
    extra: dict[str, Any]


def _set_version(session: Session, dataset: str, version: str) -> None:
    row = session.get(ReferenceVersion, dataset)
    if row is None:
        session.add(ReferenceVersion(dataset=dataset, version=version, loaded_at=utcnow()))
    else:
        row.version, row.loaded_at = version, utcnow()


def load_reference(session: Session, root: Path = REFERENCE_DIR) -> dict[str, int]:
    """Upsert programmes, lists and holidays from ``root``; return counts per data set."""
    counts: dict[str, int] = {}
    progs = json.loads((root / "programmes.json").read_text(encoding="utf-8"))
    existing = {p.code: p for p in session.scalars(select(Programme))}
    for item in progs["programmes"]:
        row = existing.get(item["code"]) or Programme(code=item["code"])
        row.name, row.level = item["name"], item["level"]
        row.managing_body = item.get("managing_body", "")
        row.criteria, row.unit = item.get("criteria", ""), item.get("unit", "keluarga")
        if not row.rules_by_office:  # the office's own criteria survive a reload
            row.rules = check_rule(item.get("rules", {}))
        row.source_version = progs["version"]
        session.add(row)
    counts["programmes"] = len(progs["programmes"])
    _set_version(session, "programmes", progs["version"])

    lists = json.loads((root / "lists.json").read_text(encoding="utf-8"))
    items = {(i.list_name, i.code): i for i in session.scalars(select(ReferenceItem))}
    for list_name, entries in lists["lists"].items():
        for order, entry in enumerate(entries):
            item = items.get((list_name, entry["code"])) or ReferenceItem(
                list_name=list_name, code=entry["code"]
            )
            # The office's own words (keys ending in _lokal) survive a reload of the lists.
            local = {k: v for k, v in (item.extra or {}).items() if k.endswith("_lokal")}
            item.label, item.extra = entry["label"], {**entry.get("extra", {}), **local}
            item.sort_order, item.source_version = order, lists["version"]
            session.add(item)
        counts[list_name] = len(entries)
    _set_version(session, "lists", lists["version"])

    with open(root / "holidays.csv", encoding="utf-8", newline="") as f:
        days = {date.fromisoformat(r["tanggal"]): r["nama"] for r in csv.DictReader(f)}
    known = {h.day: h for h in session.scalars(select(Holiday))}
    for day, name in days.items():
        holiday = known.get(day) or Holiday(day=day)
        holiday.name = name
        session.add(holiday)
    counts["holidays"] = len(days)
    _set_version(session, "holidays", max(days).isoformat() if days else "-")
    session.flush()
    return counts


def refresh_shipped_reference(session: Session, root: Path = REFERENCE_DIR) -> bool:
    """Load the shipped lists when they are newer than the stored ones (after an upgrade).

    Only on a set-up database (the set-up wizard loads them the first time). Returns whether
    anything was loaded. Administrators' own additions survive, as with a manual reload.
    """
    stored = {r.dataset: r.version for r in session.scalars(select(ReferenceVersion))}
    if not stored:
        return False
    shipped = {
        "programmes": json.loads((root / "programmes.json").read_text(encoding="utf-8"))["version"],
        "lists": json.loads((root / "lists.json").read_text(encoding="utf-8"))["version"],
    }
    if all(stored.get(k, "") >= v for k, v in shipped.items()):
        return False
    load_reference(session, root)
    audit(session, None, "referensi_diperbarui", "reference", "all", shipped)
    return True


@action(Perm.MANAGE_REFERENCE, label="Memuat ulang data rujukan")
def reload_reference(session: Session, actor: Actor, root: Path = REFERENCE_DIR) -> dict[str, int]:
    """Administrator reloads shipped reference data (e.g. after an upgrade)."""
    counts = load_reference(session, root)
    audit(session, actor.id, "referensi_dimuat", "reference", "all", counts)
    return counts


def choices(session: Session, list_name: str) -> list[Choice]:
    """Active options of a list, in display order (any officer may read them)."""
    rows = session.scalars(
        select(ReferenceItem)
        .where(ReferenceItem.list_name == list_name, ReferenceItem.active)
        .order_by(ReferenceItem.sort_order, ReferenceItem.label)
    )
    return [Choice(r.code, r.label, dict(r.extra or {})) for r in rows]


@action(Perm.MANAGE_REFERENCE, label="Menambah pilihan daftar rujukan")
def add_choice(
    session: Session,
    actor: Actor,
    list_name: str,
    code: str,
    label: str,
    extra: dict[str, Any] | None = None,
) -> Choice:
    """Administrator extends a list (a local NGO, a regional sector …)."""
    code = code.strip().lower()
    if not code or not label.strip():
        raise ValidationError(_("Kode dan nama pilihan wajib diisi."), field="code")
    exists = session.scalars(
        select(ReferenceItem).where(
            ReferenceItem.list_name == list_name, ReferenceItem.code == code
        )
    ).first()
    if exists is not None:
        raise Conflict(_("Kode '{0}' sudah ada di daftar ini.").format(code), field="code")
    row = ReferenceItem(
        list_name=list_name,
        code=code,
        label=label.strip(),
        extra=extra or {},
        sort_order=1000,
        source_version="lokal",
    )
    session.add(row)
    session.flush()
    audit(session, actor.id, "referensi_ditambah", "reference_item", row.id, {"list": list_name})
    return Choice(row.code, row.label, dict(row.extra))


@action(Perm.MANAGE_REFERENCE, label="Menambah program bantuan")
def add_programme(
    session: Session,
    actor: Actor,
    code: str,
    name: str,
    level: str,
    unit: str = "keluarga",
    managing_body: str = "",
    criteria: str = "",
) -> None:
    """Administrator adds a regional or non-government programme to the catalogue."""
    code = code.strip().upper()
    if session.scalars(select(Programme).where(Programme.code == code)).first():
        raise Conflict(_("Program dengan kode {0} sudah ada.").format(code), field="code")
    row = Programme(
        code=code,
        name=name,
        level=level,
        unit=unit,
        managing_body=managing_body,
        criteria=criteria,
        source_version="lokal",
    )
    session.add(row)
    session.flush()
    audit(session, actor.id, "program_ditambah", "programme", row.id, {"code": code})


def holidays(session: Session) -> set[date]:
    return set(session.scalars(select(Holiday.day)))


def programme_list(session: Session) -> list[Choice]:
    """The programme catalogue as form options (any officer may read it)."""
    rows = session.scalars(select(Programme).where(Programme.active).order_by(Programme.code))
    return [Choice(p.code, p.name, {"level": p.level, "unit": p.unit}) for p in rows]
