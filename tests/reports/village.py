"""A small village built record by record, with the answers the reports must give written
down beside it (counted here by hand, not by the code under test)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

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

WIB = ZoneInfo("Asia/Jakarta")
VILLAGE = "3324012001"
OTHER_VILLAGE = "3324012002"


def wib(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=WIB).astimezone(UTC)


@dataclass
class Village:
    officer: uuid.UUID
    people: dict[str, Person] = field(default_factory=dict)
    households: dict[str, Household] = field(default_factory=dict)
    serial: int = 0

    def nik(self) -> str:
        self.serial += 1
        return f"3324014508{80 + self.serial % 10:02d}{self.serial:04d}"

    def household(self, s: Session, key: str, dusun: str = "Krajan") -> Household:
        hh = Household(no_kk=f"33240112031{len(self.households):05d}", dusun=dusun)
        s.add(hh)
        s.flush()
        self.households[key] = hh
        return hh

    def person(
        self, s: Session, key: str, sex: str | None, born: date | None, hh: str, **kw: object
    ) -> Person:
        p = Person(
            nik=self.nik(),
            name=f"Warga {key}",
            sex=sex,
            birth_date=born,
            household_id=self.households[hh].id,
            **kw,
        )
        s.add(p)
        s.flush()
        self.people[key] = p
        return p

    def visit(self, s: Session, key: str, at: datetime, channel: str = "datang") -> Visit:
        p = self.people[key]
        v = Visit(
            channel=channel,
            person_id=p.id,
            household_id=p.household_id,
            started_at=at,
            ended_at=at + timedelta(minutes=15),
            officer_id=self.officer,
            dtks_status="terdaftar",
        )
        s.add(v)
        s.flush()
        return v

    def case(
        self,
        s: Session,
        key: str,
        at: datetime,
        status: str = "diterima",
        due_on: date | None = None,
        category: str = "bantuan_tidak_diterima",
        kind: str = "pengaduan",
    ) -> Case:
        c = Case(
            tracking_number=f"SLRT-{uuid.uuid4().hex[:10]}",
            person_id=self.people[key].id,
            kind="pengaduan",
            desk="sosial_ekonomi",
            status=status,
            due_on=due_on,
            created_by=self.officer,
            created_at=at,
        )
        s.add(c)
        s.flush()
        s.add(
            Complaint(case_id=c.id, kind=kind, sector="sosial", category=category, channel="datang")
        )
        return c


def build(s: Session, officer: uuid.UUID) -> Village:
    """The village. Its answers for 2026Q4 (read on 26 November 2026) are in ``ANSWERS``."""
    v = Village(officer)
    for key in ("A", "B", "C", "D"):
        v.household(s, key)
    v.household(s, "E", dusun="Sidomulyo")
    # A man seen three times in the quarter: one person served.
    v.person(s, "ali", "L", date(1950, 3, 1), "A")
    for day in (2, 9, 30):
        v.visit(s, "ali", wib(2026, 10, day))
    # A girl of five on the quarter's last day and a woman, same family.
    v.person(s, "bunga", "P", date(2021, 1, 1), "B")
    v.person(s, "citra", "P", date(1990, 5, 5), "B", disability="PDFSK")
    v.visit(s, "bunga", wib(2026, 11, 3), channel="kunjungan_rumah")
    v.visit(s, "citra", wib(2026, 11, 3))
    # Sex not recorded: counted under "Tidak diketahui", never dropped.
    v.person(s, "dodi", None, None, "C")
    v.visit(s, "dodi", wib(2026, 12, 1))
    # The quarter's edges in the office's zone: 23:59 WIB on 30 September is Q3,
    # 00:00 WIB on 1 October is Q4.
    v.person(s, "eko", "L", date(2010, 6, 1), "D")
    v.person(s, "fajar", "L", date(1985, 1, 1), "E")
    v.visit(s, "eko", wib(2026, 9, 30, 23, 59))
    first = v.visit(s, "fajar", wib(2026, 10, 1, 0, 0))
    # Pre-list proposals: citra's (Q4), eko's visit is Q3 (not counted).
    proposal_visit = v.visit(s, "citra", wib(2026, 11, 20))
    s.add(
        PrelistProposal(
            person_id=v.people["citra"].id,
            household_id=v.households["B"].id,
            visit_id=proposal_visit.id,
            proposed_by=officer,
            disability="PDFSK",
        )
    )
    # Needs: fajar's household needs PKH (not received) and BPNT (recorded as received).
    hh_e = v.households["E"].id
    s.add(ProgrammeNeed(visit_id=first.id, household_id=hh_e, programme_code="PKH"))
    s.add(ProgrammeNeed(visit_id=first.id, household_id=hh_e, programme_code="BPNT"))
    s.add(ProgrammeParticipation(visit_id=first.id, household_id=hh_e, programme_code="BPNT"))
    _cases(s, v)
    _tickets(s, officer)
    _register(s)
    s.flush()
    return v


def _cases(s: Session, v: Village) -> None:
    # Open complaint filed in Q4, overdue on 26 November; another open, not yet due.
    v.case(s, "ali", wib(2026, 10, 2), status="diproses", due_on=date(2026, 11, 1))
    c2 = v.case(s, "citra", wib(2026, 11, 3), status="diterima", due_on=date(2026, 12, 20))
    # Decided on 5 November, due 10 November: on time. A referral waits for an answer.
    done = v.case(s, "fajar", wib(2026, 10, 1, 8), status="selesai", due_on=date(2026, 11, 10))
    s.add(
        CaseEvent(
            case_id=done.id,
            kind="status",
            at=wib(2026, 11, 5),
            from_status="diproses",
            to_status="selesai",
            position=1,
        )
    )
    s.add(
        Referral(
            case_id=c2.id,
            destination_code="puskesmas",
            destination_kind="instansi",
            status="diajukan",
            created_by=v.officer,
            created_at=wib(2026, 11, 4),
        )
    )


def _tickets(s: Session, officer: uuid.UUID) -> None:
    # Two tickets in Q4: one waited 10 minutes and was served 20, one did not come.
    day = date(2026, 10, 5)
    for n, status in ((1, "selesai"), (2, "tidak_hadir")):
        t = QueueTicket(
            service_code="pengaduan",
            prefix="A",
            number=n,
            label=f"A{n:03d}",
            service_day=day,
            status=status,
            counter="loket_1",
            issued_at=wib(2026, 10, 5, 8),
        )
        s.add(t)
        s.flush()
        s.add(QueueEvent(ticket_id=t.id, kind="called", at=wib(2026, 10, 5, 8, 10)))
        if status == "selesai":
            s.add(QueueEvent(ticket_id=t.id, kind="serving", at=wib(2026, 10, 5, 8, 11)))
            s.add(QueueEvent(ticket_id=t.id, kind="ended", at=wib(2026, 10, 5, 8, 31)))


def _register(s: Session) -> None:
    snap = DtksSnapshot(
        source="uji",
        snapshot_date=date(2026, 10, 1),
        imported_at=wib(2026, 10, 2),
        status="active",
        kind="DTSEN",
    )
    s.add(snap)
    s.flush()

    def row(fam: str, kk: str, sex: str | None, decile: int | None, progs: str, **kw: object):
        s.add(
            DtksRecord(
                snapshot_id=snap.id,
                family_id=fam,
                no_kk=kk,
                nik=None,
                name="x",
                sex=sex,
                decile=decile,
                programmes=progs,
                village_code=kw.pop("village", VILLAGE),
                birth_date=kw.pop("born", date(1980, 1, 1)),
            )
        )

    # Family 1 split across two KKs (same id_keluarga): one household, on PKH and BPNT.
    row("F1", "3324010101010001", "L", 2, "PKH")
    row("F1", "3324010101010002", "P", 2, "BPNT,PKH")
    # Family 2, decile 3, nothing: one of the "eligible, receiving nothing".
    row("F2", "3324010101010003", "P", 3, "")
    row("F2", "3324010101010003", None, 3, "", born=date(2024, 1, 1))
    # Family 3, decile 7, PBI-JK only. Family 4 elsewhere: not this village's.
    row("F3", "3324010101010004", "L", 7, "PBI-JK")
    row("F4", "3324010101010005", "L", 1, "", village=OTHER_VILLAGE)
