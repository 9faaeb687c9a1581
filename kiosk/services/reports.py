"""Reports for the office, the village head and the kabupaten: the period's panels, the public
version of them for the papan visual, and the records behind one count.

Aggregates need the reporting permission. The list behind a count names people, so it also
needs the case permission (a supervisor or coordinator; an administrator sees counts only),
never shows a full NIK, and leaves an audit entry with the count, not the names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import ValidationError
from kiosk.identity import mask_nik
from kiosk.messages import _
from kiosk.periods import Period
from kiosk.reports import rollup
from kiosk.reports.indicators import BY_CODE
from kiosk.reports.model import Report
from kiosk.reports.panels import build_report, facts_for, scope_of
from kiosk.reports.public import public
from kiosk.roles import Perm
from kiosk.services.actor import Actor, authorize
from kiosk.services.journal import audit
from kiosk.services.registry import action
from kiosk.services.setup import require_site

LIST_LIMIT = 500
NO_LIST = ("register_people", "register_households")  # the snapshot's rows are not the office's


@action(Perm.VIEW_REPORTS, label="Melihat laporan dan papan visual")
def office_report(
    session: Session, actor: Actor, period: Period, clock: Clock | None = None
) -> Report:
    """Every panel of ``period`` for the office's village, counts by sex."""
    clock = clock or Clock()
    site = require_site(session)
    return build_report(session, site, period, clock.today(), clock.now())


@action(Perm.VIEW_REPORTS, label="Menerbitkan papan visual publik")
def public_report(
    session: Session, actor: Actor, period: Period, clock: Clock | None = None
) -> Report:
    """The report with counts under five hidden, for the web page and the office's screen."""
    clock = clock or Clock()
    site = require_site(session)
    return public(build_report(session, site, period, clock.today(), clock.now()))


@dataclass(frozen=True)
class RecordLine:
    """One record behind a count: a case's number or a masked NIK, a name, a day."""

    ref: str
    name: str
    day: date | None


def _day(at: object, zone: str) -> date | None:
    if isinstance(at, datetime):
        at = at if at.tzinfo else at.replace(tzinfo=UTC)
        return at.astimezone(ZoneInfo(zone)).date()
    return None


def _ref(ref: object) -> str:
    text = str(ref or "")
    return mask_nik(text) if text.isdigit() else (text or "-")


@action(Perm.VIEW_REPORTS, label="Membuka daftar rekaman di balik angka laporan")
def report_records(
    session: Session,
    actor: Actor,
    period: Period,
    indicator: str,
    dimension: str,
    key: str,
    sex: str | None = None,
    clock: Clock | None = None,
) -> list[RecordLine]:
    """The records counted in one cell (up to 500, with masked NIKs), for who may see cases."""
    authorize(session, actor, Perm.VIEW_CASE)
    ind = BY_CODE.get(indicator)
    if ind is None or dimension not in ind.dims:
        raise ValidationError(_("Indikator atau rinciannya tidak dikenal."))
    if ind.source in NO_LIST:
        raise ValidationError(
            _("Angka ini dihitung dari data DTKS/DTSEN; daftarnya dilihat di halaman DTKS.")
        )
    clock = clock or Clock()
    site = require_site(session)
    scope = replace(scope_of(session, site, period, clock.today()), records=True)
    found = rollup.records(
        ind, dimension, key, sex, facts_for(session, scope, ind.source), scope.on
    )
    lines = sorted(
        (
            RecordLine(
                _ref(f.get("ref")), str(f.get("name") or "-"), _day(f.get("at"), site.timezone)
            )
            for f in found[:LIST_LIMIT]
        ),
        key=lambda r: (r.day or date.min, r.name),
    )
    audit(
        session,
        actor.id,
        "laporan_rincian_dibuka",
        "laporan",
        period.code,
        {"indikator": indicator, "rincian": dimension, "baris": len(lines)},
    )
    return lines
