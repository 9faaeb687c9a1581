"""A period's report: every declared indicator rolled up from its source, in its panel, plus
the counter's figures and the programme-by-programme overlap.

Each source is queried once however many indicators read it, so the report costs one query
per source (two for the DTKS snapshot, which the database groups itself).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from babel.dates import format_date
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk import case_rules as rules
from kiosk.models import DtksSnapshot, ReferenceItem
from kiosk.periods import Period
from kiosk.reports import counter, rollup
from kiosk.reports.dimensions import Fact
from kiosk.reports.indicators import INDICATORS, PANELS
from kiosk.reports.model import Panel, Report, Row, Table, as_of
from kiosk.reports.scope import Scope
from kiosk.reports.sources import FactCache
from kiosk.services.dtks_check import active_snapshot
from kiosk.services.reference import holidays
from kiosk.services.setup import SiteView

STATUS_WORDS = {
    **{str(k): v for k, v in rules.STATUS_LABELS.items()},
    rules.ReferralStatus.SUBMITTED: "Menunggu di Puskesos",
    rules.ReferralStatus.AT_KABUPATEN: "Menunggu kabupaten",
    rules.ReferralStatus.APPROVED: "Disetujui",
    rules.ReferralStatus.RETURNED: "Dikembalikan",
    rules.ReferralStatus.CANCELLED: "Dibatalkan",
    "draf": "Draf",
    "diusulkan": "Diusulkan",
}


def words(session: Session) -> dict[str, dict[str, str]]:
    """The words for stored codes, per reference list (the window's lists, edited by the
    administrator), plus the fixed status words."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for list_name, code, label in session.execute(
        select(ReferenceItem.list_name, ReferenceItem.code, ReferenceItem.label)
    ):
        out[list_name][code] = label
    out["status"] = {str(k): v for k, v in STATUS_WORDS.items()}
    return out


def scope_of(
    session: Session,
    site: SiteView,
    period: Period,
    today: date,
    snapshot: DtksSnapshot | None = None,
) -> Scope:
    start, end = period.bounds(site.timezone)
    snapshot = snapshot or active_snapshot(session)
    return Scope(
        start,
        end,
        as_of(period, today),
        site.village_code,
        snapshot.id if snapshot else None,
        period.start,
        period.end,
        past=period.end <= today,
    )


def facts_for(session: Session, scope: Scope, source: str) -> list[Fact]:
    return FactCache(session, scope).get(source)


def _overlap(households: list[Fact]) -> Table:
    """Programme x programme: households receiving both (the diagonal: receiving it at all)."""
    codes = sorted({p for f in households for p in f.get("programmes") or ()})
    both: dict[tuple[str, str], int] = defaultdict(int)
    for fact in households:
        progs = fact.get("programmes") or ()
        for a in progs:
            for b in progs:
                both[a, b] += 1
    rows = tuple(Row(a, a, tuple(both[a, b] for b in codes)) for a in codes)
    return Table(
        "tumpang_tindih",
        "programme",
        "Keluarga penerima dua program sekaligus (baris x kolom)",
        "keluarga",
        tuple(codes),
        rows,
        None,
        chart="none",
    )


def _snapshot_label(snap: DtksSnapshot | None) -> str:
    if snap is None:
        return "belum ada data DTKS/DTSEN"
    when = snap.snapshot_date or snap.imported_at.date()
    return f"{snap.kind} {format_date(when, 'd MMMM y', locale='id')}"


def build_report(
    session: Session,
    site: SiteView,
    period: Period,
    today: date,
    now: datetime,
    only: frozenset[str] | None = None,
) -> Report:
    """Every panel for ``period`` in the office's village and zone (or the panels ``only``)."""
    snapshot = active_snapshot(session)
    scope = scope_of(session, site, period, today, snapshot)
    lists = words(session)
    cache = FactCache(session, scope)
    tables: dict[str, list[Table]] = defaultdict(list)
    for ind in INDICATORS:
        if only is not None and ind.panel not in only:
            continue
        tables[ind.panel].extend(rollup.tables(ind, cache.get(ind.source), scope.on, lists))
    if cache.has("register_households") and "tumpang_tindih" in tables:
        tables["tumpang_tindih"].append(_overlap(cache.get("register_households")))
    if only is None or "layanan" in only:
        service_words = {**lists["layanan_antrian"], **lists["loket"]}
        tables["layanan"].extend(
            counter.ticket_tables(session, period, service_words, holidays(session), today)
        )
        tables["layanan"].append(
            counter.sla_table(session, period, site.timezone, lists["meja_layanan"])
        )
    notes = {
        "usulan": (
            "Usulan daftar awal (warga belum di DTKS) dan usulan pemutakhiran (warga yang "
            "sudah di DTKS); hanya yang disetujui supervisor dikirim ke kabupaten.",
        ),
        "akses": (f"Data DTKS: {_snapshot_label(snapshot)}.",),
        "kesenjangan": (f"Dibaca pada {format_date(scope.on, 'd MMMM y', locale='id')}.",),
    }
    panels = tuple(
        Panel(code, title, summary, tuple(tables[code]), notes.get(code, ()))
        for code, (title, summary) in PANELS.items()
        if only is None or code in only
    )
    return Report(
        period,
        site,
        now,
        _snapshot_label(snapshot),
        panels,
    )


def headline(report: Report) -> list[tuple[str, int | float | str]]:
    """The few numbers shown large on top of every view."""

    def total(indicator: str, dimension: str | None = None) -> int | float | str:
        t = report.table(indicator, dimension)
        return t.total.values[-1] if t.total else 0

    return [
        ("Warga dilayani", total("warga_dilayani", "total")),
        ("Warga diusulkan", total("usulan_orang", "total")),
        ("Keluarga desil 1-4 tanpa program", total("desil_tanpa_program")),
        ("Pengaduan masih terbuka", total("pengaduan_terbuka", "category")),
        ("Kasus melewati tenggat", total("kasus_terlambat")),
        ("Rujukan belum dijawab", total("rujukan_tanpa_jawaban")),
    ]
