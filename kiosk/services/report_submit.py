"""Reports that arrive: the period's report sent upstream to whom the regional profile names.

Offline first, as every other message: submitting writes the report (aggregates only: counts
by the indicators' rows and sex, never a name or a NIK) into the outbox in one transaction
with its audit entry, and sync carries it when the link is up. The outbox row is the record
of the submission: when it was queued, when the kabupaten acknowledged it (the server's
receipt) and under which version. Re-submitting a period sends a new version of the same
report (one entity per office and period), which replaces the earlier one on the server.

Counts are hidden as on the public papan only where the profile marks the report public;
a report to the kabupaten's own staff carries the counts as they are.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.errors import ValidationError
from kiosk.messages import _
from kiosk.models import OutboxOperation
from kiosk.periods import Period
from kiosk.profiles import active_profile
from kiosk.reports.model import Report
from kiosk.reports.panels import build_report
from kiosk.reports.public import public
from kiosk.reports.sending import ENTITY, OP_TYPE, period_kind, report_entity, table_data
from kiosk.roles import Perm
from kiosk.services.actor import Actor
from kiosk.services.journal import audit, enqueue
from kiosk.services.numbers import current_site
from kiosk.services.registry import action
from kiosk.services.setup import require_site


def _due(session: Session, period: Period) -> list[dict[str, Any]]:
    """The profile's reports for a period of this kind, or a refusal saying which it asks."""
    profile = active_profile(session)
    kind = period_kind(period.code)
    wanted = [r for r in profile.reports() if r["period"] == kind]
    if not wanted:
        asked = ", ".join(sorted({str(r["period"]) for r in profile.reports()})) or "-"
        raise ValidationError(
            _(
                "Profil {0} tidak meminta laporan untuk periode {1}; yang diminta: laporan {2}."
            ).format(profile.title, period.label, asked),
            code="laporan_tidak_diminta",
        )
    return wanted


@dataclass(frozen=True)
class Submission:
    """One report sent (or waiting to be): what the papan page and the command show."""

    period: str
    version: int
    recipients: tuple[str, ...]
    queued_at: datetime
    state: str  # pending / sending / sent / conflict / quarantined
    acknowledged_at: datetime | None  # the kabupaten's answer, with its receipt
    receipt: int | None


def _version(session: Session, entity: uuid.UUID) -> int:
    earlier = session.scalar(
        select(func.count())
        .select_from(OutboxOperation)
        .where(OutboxOperation.entity_id == entity, OutboxOperation.op_type == OP_TYPE)
    )
    return int(earlier or 0) + 1


def _payload(report: Report, due: list[dict[str, Any]], version: int) -> dict[str, Any]:
    site = report.site
    shared = any(bool(r.get("public")) for r in due)
    shown = public(report) if shared else report
    period = report.period
    return {
        "village_code": site.village_code,
        "village_name": site.village_name,
        "office_code": site.office_code,
        "district_name": site.district_name,
        "period": period.code,
        "period_label": period.label,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "kind": period_kind(period.code),
        "reports": [
            {k: str(r[k]) for k in ("name", "recipient", "cite", "period_cite")} for r in due
        ],
        "profile": site.profile,
        "version": version,
        "public": shared,
        "generated_at": report.generated_at.isoformat(),
        "snapshot": report.snapshot,
        "tables": [table_data(t) for p in shown.panels for t in p.tables],
    }


@action(Perm.VIEW_REPORTS, label="Mengirim laporan periode ke penerima menurut profil daerah")
def submit_report(
    session: Session, actor: Actor, period: Period, clock: Clock | None = None
) -> Submission:
    """Queue the period's report for the recipients the active profile names (a new version
    if the period was sent before); sync delivers it."""
    clock = clock or Clock()
    due = _due(session, period)
    site = require_site(session)
    report = build_report(session, site, period, clock.today(), clock.now())
    entity = report_entity(site.village_code, period.code)
    version = _version(session, entity)
    op = enqueue(session, ENTITY, entity, OP_TYPE, _payload(report, due, version))
    recipients = tuple(str(r["recipient"]) for r in due)
    audit(
        session,
        actor.id,
        OP_TYPE,
        ENTITY,
        entity,
        {"periode": period.code, "versi": version, "penerima": len(recipients)},
    )
    session.flush()
    return Submission(period.code, version, recipients, op.created_at, op.state, None, None)


@action(Perm.VIEW_REPORTS, label="Melihat laporan yang sudah dikirim ke kabupaten")
def report_submissions(session: Session, actor: Actor, period: str = "") -> list[Submission]:
    """Every report sent, newest first (one period's when ``period`` is given)."""
    site = current_site(session)
    stmt = select(OutboxOperation).where(OutboxOperation.op_type == OP_TYPE)
    if period and site is not None:
        stmt = stmt.where(OutboxOperation.entity_id == report_entity(site.village_code, period))
    out = []
    for op in session.scalars(stmt.order_by(OutboxOperation.seq.desc())):
        p = op.payload
        acknowledged = op.state in ("sent", "conflict")
        out.append(
            Submission(
                str(p.get("period", "")),
                int(p.get("version") or 0),
                tuple(str(r.get("recipient", "")) for r in p.get("reports") or ()),
                op.created_at,
                op.state,
                op.sent_at if acknowledged else None,
                op.receipt if acknowledged else None,
            )
        )
    return out
