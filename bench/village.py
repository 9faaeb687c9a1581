"""A village with five years of work, written straight into a kiosk database for the report
benchmarks: the kabupaten's DTKS snapshot (1,000,000 rows, the office's village a share of
them), 200,000 queue tickets with their calls, the visits they led to, 50,000 cases with
complaints, decisions and referrals, needs, participation and pre-list proposals.

Rows go in with SQLAlchemy Core ``insert`` in batches (the services would take hours for five
years; the reports read tables, not how they were written).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from kiosk.models import (
    Case,
    CaseEvent,
    Complaint,
    DtksRecord,
    DtksSnapshot,
    Household,
    Person,
    PrelistProposal,
    ProgrammeNeed,
    ProgrammeParticipation,
    QueueEvent,
    QueueTicket,
    Referral,
    Visit,
)

PROGRAMMES = ("PKH", "BPNT", "PBI-JK", "PIP", "BLT-DD", "ATENSI")
DUSUN = ("Krajan", "Sidomulyo", "Karanganyar", "Ngemplak", "Tegalsari", "Sumberejo")
SERVICES = ("pengaduan", "layanan", "informasi")
CATEGORIES = ("belum_terdaftar", "bantuan_tidak_diterima", "data_salah", "minta_didaftarkan")
STATUSES = ("diterima", "ditelaah", "diproses", "selesai", "selesai", "ditutup", "dirujuk")
DESTINATIONS = ("dinsos_linjamsos", "puskesmas", "pendamping_pkh", "tksk", "dinkes")
FIRST_DAY = date(2022, 1, 3)


@dataclass(frozen=True)
class Size:
    dtks_rows: int = 1_000_000
    village_share: float = 0.01
    tickets: int = 200_000
    cases: int = 50_000
    people: int = 30_000


SMALL = Size(dtks_rows=20_000, village_share=0.2, tickets=4_000, cases=1_000, people=1_500)


def _batches(
    conn: Connection, table: type, rows: Iterator[dict[str, object]], n: int = 20_000
) -> None:
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= n:
            conn.execute(insert(table), batch)
            batch = []
    if batch:
        conn.execute(insert(table), batch)


def _utc(day: date, minute: int) -> datetime:
    # 08:00 WIB is 01:00 UTC; the counter opens then.
    return datetime(day.year, day.month, day.day, 1, tzinfo=UTC) + timedelta(minutes=minute)


def _days(until: date) -> list[date]:
    days, d = [], FIRST_DAY
    while d < until:
        if d.weekday() < 5:
            days.append(d)
        d += timedelta(days=1)
    return days


def _register(
    conn: Connection, rng: random.Random, size: Size, village: str, admin: uuid.UUID
) -> None:
    snap = uuid.uuid4()
    conn.execute(
        insert(DtksSnapshot),
        [
            dict(
                id=snap,
                kind="DTSEN",
                source="bench",
                snapshot_date=date(2026, 10, 1),
                imported_at=_utc(date(2026, 10, 2), 0),
                imported_by=admin,
                status="active",
                row_count=size.dtks_rows,
                region_scope=village[:6],
            )
        ],
    )

    def rows() -> Iterator[dict[str, object]]:
        written, family = 0, 0
        while written < size.dtks_rows:
            family += 1
            here = rng.random() < size.village_share
            code = village if here else f"{village[:6]}{2002 + family % 99:04d}"
            decile = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6, 7, None))
            progs = (
                ",".join(sorted(rng.sample(PROGRAMMES, rng.randint(0, 3))))
                if (decile or 9) <= 4
                else ""
            )
            for m in range(rng.randint(1, 6)):
                written += 1
                yield dict(
                    snapshot_id=snap,
                    register_id=str(written),
                    family_id=f"F{family}",
                    nik=f"{village[:6]}{written:010d}",
                    no_kk=f"{village[:6]}{family:010d}",
                    name="Warga",
                    name_key="warga",
                    birth_date=date(1940, 1, 1) + timedelta(days=rng.randint(0, 31000)),
                    sex=rng.choice("LP") if rng.random() > 0.01 else None,
                    relationship="anak" if m else "kepala_keluarga",
                    village_code=code,
                    decile=decile,
                    programmes=progs,
                )

    _batches(conn, DtksRecord, rows())


def _people(
    conn: Connection, rng: random.Random, size: Size, village: str
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    households = [uuid.uuid4() for _ in range(max(size.people // 3, 1))]
    _batches(
        conn,
        Household,
        (
            dict(
                id=h, no_kk=f"{village[:6]}9{i:09d}", dusun=rng.choice(DUSUN), village_code=village
            )
            for i, h in enumerate(households)
        ),
    )
    people = [(uuid.uuid4(), rng.choice(households)) for _ in range(size.people)]
    _batches(
        conn,
        Person,
        (
            dict(
                id=p,
                nik=f"{village[:6]}8{i:09d}",
                name=f"Warga {i}",
                name_key=f"warga {i}",
                sex=rng.choice("LP") if rng.random() > 0.02 else None,
                birth_date=date(1940, 1, 1) + timedelta(days=rng.randint(0, 31000)),
                disability=rng.choice(("PDFSK", "PDSNS")) if rng.random() < 0.04 else None,
                household_id=h,
            )
            for i, (p, h) in enumerate(people)
        ),
    )
    return people


def _queue(
    conn: Connection,
    rng: random.Random,
    size: Size,
    people: list[tuple[uuid.UUID, uuid.UUID]],
    officer: uuid.UUID,
    until: date,
) -> list[tuple[uuid.UUID, uuid.UUID, uuid.UUID, datetime]]:
    """Tickets over the working days, each called; most served and turned into a visit."""
    days = _days(until)
    per_day = size.tickets // len(days) + 1
    tickets: list[dict[str, object]] = []
    events: list[dict[str, object]] = []
    visits: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID, datetime]] = []
    for day in days:
        for n in range(1, per_day + 1):
            if len(tickets) >= size.tickets:
                break
            t, issued = uuid.uuid4(), _utc(day, rng.randint(0, 420))
            called = issued + timedelta(minutes=rng.randint(2, 60))
            no_show = rng.random() < 0.08
            service = rng.choice(SERVICES)
            tickets.append(
                dict(
                    id=t,
                    service_code=service,
                    prefix="ABC"[SERVICES.index(service)],
                    number=n,
                    label=f"A{n:03d}",
                    service_day=day,
                    status="tidak_hadir" if no_show else "selesai",
                    counter=rng.choice(("loket_1", "loket_2")),
                    issued_at=issued,
                    queued_at=issued,
                )
            )
            events.append(dict(id=uuid.uuid4(), ticket_id=t, kind="called", at=called))
            if no_show:
                events.append(dict(id=uuid.uuid4(), ticket_id=t, kind="no_show", at=called))
                continue
            ended = called + timedelta(minutes=rng.randint(5, 40))
            events.append(dict(id=uuid.uuid4(), ticket_id=t, kind="serving", at=called))
            events.append(dict(id=uuid.uuid4(), ticket_id=t, kind="ended", at=ended))
            person, household = rng.choice(people)
            visits.append((uuid.uuid4(), t, person, called))
            _ = household
    _batches(conn, QueueTicket, iter(tickets))
    _batches(conn, QueueEvent, iter(events))
    homes = dict(people)
    _batches(
        conn,
        Visit,
        (
            dict(
                id=v,
                channel="datang" if rng.random() < 0.9 else "kunjungan_rumah",
                ticket_id=t,
                person_id=p,
                household_id=homes[p],
                dtks_status=rng.choice(("terdaftar", "tidak_terdaftar")),
                started_at=at,
                ended_at=at + timedelta(minutes=15),
                officer_id=officer,
            )
            for v, t, p, at in visits
        ),
    )
    return visits


def _cases(
    conn: Connection,
    rng: random.Random,
    size: Size,
    visits: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID, datetime]],
    officer: uuid.UUID,
) -> None:
    chosen = rng.sample(visits, min(size.cases, len(visits)))
    cases, complaints, events, referrals = [], [], [], []
    for i, (v, _t, person, at) in enumerate(chosen):
        c, status = uuid.uuid4(), rng.choice(STATUSES)
        due = (at + timedelta(days=14)).date()
        cases.append(
            dict(
                id=c,
                tracking_number=f"SLRT-B{i:08d}",
                visit_id=v,
                person_id=person,
                kind="pengaduan",
                desk=rng.choice(("sosial_ekonomi", "data", "kesehatan")),
                status=status,
                due_on=due,
                created_by=officer,
                created_at=at,
                updated_at=at,
            )
        )
        complaints.append(
            dict(
                id=uuid.uuid4(),
                case_id=c,
                kind=rng.choice(("pengaduan", "pertanyaan", "saran")),
                sector="sosial",
                category=rng.choice(CATEGORIES),
                channel="datang",
            )
        )
        if status in ("selesai", "ditutup", "dirujuk"):
            events.append(
                dict(
                    id=uuid.uuid4(),
                    case_id=c,
                    kind="status",
                    to_status=status,
                    position=1,
                    at=at + timedelta(days=rng.randint(1, 20)),
                )
            )
        if status == "dirujuk" or rng.random() < 0.03:
            referrals.append(
                dict(
                    id=uuid.uuid4(),
                    case_id=c,
                    destination_code=rng.choice(DESTINATIONS),
                    destination_kind="instansi",
                    status=rng.choice(("diajukan", "disetujui", "menunggu_kabupaten")),
                    created_by=officer,
                    created_at=at + timedelta(days=1),
                    updated_at=at,
                )
            )
    for table, rows in (
        (Case, cases),
        (Complaint, complaints),
        (CaseEvent, events),
        (Referral, referrals),
    ):
        _batches(conn, table, iter(rows))


def _needs(
    conn: Connection,
    rng: random.Random,
    visits: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID, datetime]],
    homes: dict[uuid.UUID, uuid.UUID],
    officer: uuid.UUID,
) -> None:
    sample = rng.sample(visits, len(visits) // 6)
    _batches(
        conn,
        ProgrammeNeed,
        (
            dict(
                id=uuid.uuid4(),
                visit_id=v,
                household_id=homes[p],
                programme_code=rng.choice(PROGRAMMES),
            )
            for v, _t, p, _at in sample
        ),
    )
    _batches(
        conn,
        ProgrammeParticipation,
        (
            dict(
                id=uuid.uuid4(),
                visit_id=v,
                household_id=homes[p],
                programme_code=rng.choice(PROGRAMMES),
            )
            for v, _t, p, _at in sample[: len(sample) // 2]
        ),
    )
    _batches(
        conn,
        PrelistProposal,
        (
            dict(
                id=uuid.uuid4(), person_id=p, household_id=homes[p], visit_id=v, proposed_by=officer
            )
            for v, _t, p, _at in sample[: len(sample) // 4]
        ),
    )


def fill(
    conn: Connection, size: Size, village: str, officer: uuid.UUID, until: date, seed: int = 7
) -> None:
    """Everything above, into the database behind ``conn`` (one transaction)."""
    rng = random.Random(seed)
    _register(conn, rng, size, village, officer)
    people = _people(conn, rng, size, village)
    visits = _queue(conn, rng, size, people, officer, until)
    _cases(conn, rng, size, visits, officer)
    _needs(conn, rng, visits, dict(people), officer)
