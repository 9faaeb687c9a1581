"""Demo data: a set-up Puskesos, one officer per role, citizens and a DTKS snapshot.

Realistic Indonesian names and addresses come from Faker's ``id_ID`` locale; NIKs and No. KKs
are generated to the real structure (region, birth date with +40 for women, serial), so the
validation rules can be seen working on demo data.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from faker import Faker
from sqlalchemy import insert
from sqlalchemy.orm import Session

from kiosk.clock import utcnow
from kiosk.models import DtksRecord, DtksSnapshot
from kiosk.names import name_key
from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.officers import create_officer
from kiosk.services.people import PersonInput, register_person
from kiosk.services.setup import SiteInput, initialise
from kiosk.services.walk_in import CaptureInput, record_walk_in

DEMO_PASSWORD = "puskesos123"
DEMO_VILLAGE = SiteInput(
    village_code="3324012001",
    village_name="Sukamaju",
    address="Jl. Raya Sukamaju No. 1, Plantungan, Kendal",
    head_name="Slamet Riyadi",
)
DEMO_OFFICERS = [
    ("admin", "Administrator Demo", [Role.ADMIN]),
    ("depan", "Siti Rahayu", [Role.FRONT_OFFICE]),
    ("belakang", "Budi Santoso", [Role.BACK_OFFICE]),
    ("koordinator", "Agus Wibowo", [Role.COORDINATOR]),
    ("supervisor", "Dewi Lestari", [Role.SUPERVISOR]),
    ("fasilitator", "Rudi Hartono", [Role.FACILITATOR]),
]
PROGRAMMES = ["PKH", "BPNT", "PBI-JK", "PIP", "BLT-DD", "ATENSI"]


@dataclass(frozen=True)
class DemoSummary:
    officers: int
    people: int
    dtks_rows: int
    admin: Actor


def _nik(rng: random.Random, district: str, born: date, sex: str, serials: set[str]) -> str:
    day = born.day + (40 if sex == "P" else 0)
    while True:
        serial = f"{rng.randint(1, 9999):04d}"
        nik = f"{district}{day:02d}{born:%m%y}{serial}"
        if nik not in serials:
            serials.add(nik)
            return nik


def _kk(rng: random.Random, district: str, seen: set[str]) -> str:
    while True:
        issued = date(2010, 1, 1) + timedelta(days=rng.randint(0, 5000))
        kk = f"{district}{issued:%d%m%y}{rng.randint(1, 9999):04d}"
        if kk not in seen:
            seen.add(kk)
            return kk


def _family(
    fake: Faker, rng: random.Random, district: str, niks: set[str], kks: set[str]
) -> list[dict[str, Any]]:
    kk = _kk(rng, district, kks)
    surname = fake.last_name()
    head_born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 50))
    members = [("kepala_keluarga", "L", head_born, f"{fake.first_name_male()} {surname}")]
    if rng.random() < 0.8:
        members.append(
            ("istri", "P", head_born + timedelta(days=rng.randint(-2000, 2000)), fake.name_female())
        )
    for _ in range(rng.randint(0, 4)):
        sex = rng.choice("LP")
        first = fake.first_name_male() if sex == "L" else fake.first_name_female()
        members.append(
            (
                "anak",
                sex,
                head_born + timedelta(days=rng.randint(7000, 12000)),
                f"{first} {surname}",
            )
        )
    address = fake.street_address()
    rt, rw = f"{rng.randint(1, 12):03d}", f"{rng.randint(1, 5):03d}"
    decile = rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 7])
    progs = ",".join(sorted(rng.sample(PROGRAMMES, rng.randint(0, 3)))) if decile <= 4 else ""
    rows = []
    for rel, sex, born, name in members:
        born = min(born, date.today() - timedelta(days=30))
        rows.append(
            dict(
                nik=_nik(rng, district, born, sex, niks),
                no_kk=kk,
                name=name,
                name_key=name_key(name),
                birth_place=fake.city_name(),
                birth_date=born,
                sex=sex,
                relationship=rel,
                address=address,
                rt=rt,
                rw=rw,
                decile=decile,
                programmes=progs,
            )
        )
    return rows


def generate(
    session: Session, *, households: int = 800, registered: int = 30, seed: int = 2026
) -> DemoSummary:
    """Fill an empty database with a demo Puskesos (idempotency is the caller's: fresh DB)."""
    fake = Faker("id_ID")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    admin = initialise(session, DEMO_VILLAGE, "admin", "Administrator Demo", DEMO_PASSWORD)
    officers = {"admin": admin}
    for username, full, roles in DEMO_OFFICERS[1:]:
        off = create_officer(
            session, username, full, DEMO_PASSWORD, roles, pin="1234", created_by=admin.id
        )
        officers[username] = Actor.of(off)

    district = DEMO_VILLAGE.village_code[:6]
    niks: set[str] = set()
    kks: set[str] = set()
    snapshot = DtksSnapshot(
        id=uuid.uuid4(),
        kind="DTSEN",
        source="data demo",
        snapshot_date=date.today() - timedelta(days=45),
        imported_at=utcnow(),
        imported_by=admin.id,
        status="active",
        region_scope=district,
    )
    session.add(snapshot)
    session.flush()
    families = [_family(fake, rng, district, niks, kks) for _ in range(households)]
    rows = [
        dict(r, snapshot_id=snapshot.id, village_code=DEMO_VILLAGE.village_code)
        for fam in families
        for r in fam
    ]
    session.execute(insert(DtksRecord), rows)
    snapshot.row_count = len(rows)

    front = officers["depan"]
    person_ids = []
    for fam in families[:registered]:
        for member in fam[:2]:
            view = register_person(
                session,
                front,
                PersonInput(
                    name=member["name"],
                    nik=member["nik"],
                    birth_place=member["birth_place"],
                    birth_date=member["birth_date"],
                    sex=member["sex"],
                    no_kk=member["no_kk"],
                    relationship=member["relationship"],
                    address=member["address"],
                    rt=member["rt"],
                    rw=member["rw"],
                    village_code=DEMO_VILLAGE.village_code,
                    confirm_not_duplicate=True,
                ),
            )
            person_ids.append(view.id)
    _casework(session, officers, person_ids)
    people = sum(min(2, len(f)) for f in families[:registered])
    return DemoSummary(len(officers), people, len(rows), admin)


DEMO_CASES = [
    # (sector, category, programme, urgency, description, what the back office did)
    ("sosial", "bantuan_tidak_diterima", "PKH", "biasa", "PKH tahap 3 belum cair", "resolve"),
    ("kesehatan", "belum_terdaftar", "PBI-JK", "darurat", "Anak sakit, belum punya KIS", "refer"),
    ("pendidikan", "belum_terdaftar", "PIP", "segera", "Anak SD belum dapat PIP", "review"),
    ("adminduk", "data_salah", None, "biasa", "Nama di KK salah ketik", "reject"),
    ("sosial", "minta_didaftarkan", "BPNT", "biasa", "Minta didaftarkan sembako", ""),
    ("ekonomi_usaha", "lainnya", None, "biasa", "Butuh modal usaha warung", ""),
]


def _casework(session: Session, officers: dict[str, Actor], person_ids: list[uuid.UUID]) -> None:
    """A few cases at different stages and a short queue, so every page has something."""
    from kiosk import case_rules as rules
    from kiosk.services import referrals, resolutions
    from kiosk.services.cases import move_case, record_notice
    from kiosk.services.tickets import issue_ticket

    front, back = officers["depan"], officers["belakang"]
    for i, (sector, category, programme, urgency, text, done) in enumerate(DEMO_CASES):
        if i >= len(person_ids):
            break
        case = record_walk_in(
            session,
            front,
            CaptureInput(
                person_id=person_ids[i],
                sector=sector,
                category=category,
                programme_code=programme,
                urgency=urgency,
                description=text,
            ),
        )
        if done:
            move_case(session, back, case.case_id, rules.REVIEW)
        if done == "resolve":
            resolutions.propose_resolution(session, back, case.case_id, "Data rekening dibetulkan.")
        elif done == "refer":
            referrals.refer_case(
                session, back, case.case_id, "dinkes", "Perlu PBI-JK segera", "", True
            )
        elif done == "reject":
            move_case(session, back, case.case_id, rules.REJECTED, "Diurus di Disdukcapil.")
            record_notice(session, back, case.case_id, "langsung")
    for service, priority in (("pengaduan", None), ("layanan", "lansia"), ("pengaduan", None)):
        issue_ticket(session, front, service, priority)
