"""``python -m kabupaten demo``: a kabupaten with three villages' kiosks already synced.

It plays the three kiosks the honest way: each village gets its own kiosk data folder, set up
and worked through the kiosk's own services (a front office records walk-ins, the back office
refers the health cases, the coordinator and the supervisor approve them), and each kiosk is
enrolled with a code from ``kiosk add`` and synced by the real sync engine over HTTP to the
server, started for the moment on a free 127.0.0.1 port. Then web accounts for every role are
made with one printed demo password.

It lives in tools/, not in kabupaten/: the server never depends on the kiosk's sync or
window; only this harness, which stands in for three villages, does.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kabupaten import people
from kabupaten.migrate import upgrade
from kabupaten.server import ServerThread, create_app
from kabupaten.store import Store
from kiosk import case_rules as rules
from kiosk.context import Gateway, KioskContext
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services.actor import Actor
from kiosk.services.cases import move_case
from kiosk.services.officers import create_officer
from kiosk.services.outbox import configure_upstream
from kiosk.services.people import PersonInput, register_person
from kiosk.services.referrals import refer_case
from kiosk.services.setup import SiteInput, initialise
from kiosk.services.walk_in import CaptureInput, record_walk_in
from sync.client import UpstreamClient
from sync.engine import SyncEngine

VILLAGES = (
    ("33.24.01.2001", "Sukamaju", "Slamet"),
    ("33.24.01.2002", "Karangsari", "Wahyuni"),
    ("33.24.05.2003", "Tegalrejo", "Darmaji"),
)
COMPLAINTS = (
    ("kesehatan", "Berobat rutin, belum punya BPJS PBI", "dinkes"),
    ("kesehatan", "Anak sakit, kartu KIS tidak aktif", "bpjs"),
    ("sosial", "PKH tahap 3 belum cair", ""),
)
WEB_USERS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("manajer", people.MANAGER, {}),
    ("supervisor", people.SUPERVISOR, {"kecamatan": ["332401"]}),
    ("dinkes", people.AGENCY, {"destination": "dinkes"}),
    ("bpjs", people.AGENCY, {"destination": "bpjs"}),
    ("admin", people.ADMIN, {}),
    ("kadis", people.VIEWER, {}),
)


@dataclass
class Demo:
    offices: list[str]
    referrals: int
    password: str
    users: list[tuple[str, str]]


def build(db_url: str, folder: Path, password: str = "") -> Demo:
    """Migrate ``db_url``, play three kiosks into it, make the web accounts."""
    os.environ.setdefault("PUSKESOS_NO_KEYRING", "1")  # the demo kiosks' keys beside them
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per sync request
    password = password or "demo-" + secrets.token_urlsafe(6)
    store = Store(db_url, create=False)
    upgrade(store.engine)
    thread = ServerThread(create_app(store, {})).start()
    offices, referrals = [], 0
    try:
        for n, (village, name, head) in enumerate(VILLAGES):
            office = village.replace(".", "")
            code = store.add_kiosk(office)
            referrals += _village(folder / office, thread.url, office, code, name, head, n)
            offices.append(office)
    finally:
        thread.stop()
    users = []
    for username, role, extra in WEB_USERS:
        if people.get_user(store.engine, username) is None:
            people.add_user(store.engine, username, password, role, **extra)
        users.append((username, people.ROLE_LABELS[role]))
    store.engine.dispose()
    return Demo(offices, referrals, password, users)


def _village(folder: Path, url: str, office: str, code: str, name: str, head: str, n: int) -> int:
    """One kiosk: set up, three walk-ins, two referrals approved at the Puskesos, synced."""
    folder.mkdir(parents=True, exist_ok=True)
    ctx = KioskContext.open(f"sqlite:///{folder / 'kiosk.sqlite3'}", str(folder))
    try:
        gateway = Gateway(ctx)
        site = SiteInput(village_code=office, village_name=name, head_name=head)
        officers = gateway.call(lambda s: _officers(s, initialise(s, site, "admin", "Admin", PW)))
        made = sum(_walk_in(gateway, officers, i + 3 * n, *c) for i, c in enumerate(COMPLAINTS))
        gateway.call(configure_upstream, officers[Role.ADMIN], url, office)
        engine = SyncEngine(gateway, UpstreamClient(url))
        engine.enrol(office, code)
        report = engine.run_once()
        if not report.ok:
            raise RuntimeError(f"sinkronisasi {office} gagal: {report.error}")
        return made
    finally:
        ctx.close()


PW = "demo-kios-" + "1234"  # the demo kiosks' own officers (their folders are throwaway)


def _officers(session: Session, admin: Actor) -> dict[Role, Actor]:
    found = {Role.ADMIN: admin}
    for role in (Role.FRONT_OFFICE, Role.BACK_OFFICE, Role.COORDINATOR, Role.SUPERVISOR):
        who = role.value.replace("_", "")
        officer = create_officer(session, who, f"Petugas {who}", PW, [role], created_by=admin.id)
        found[role] = Actor.of(officer)
    return found


def _walk_in(
    gateway: Gateway,
    officers: dict[Role, Actor],
    i: int,
    sector: str,
    complaint: str,
    destination: str,
) -> int:
    """A walk-in at the front office; a health case referred and approved at the Puskesos."""
    names = ("Siti Aminah", "Ahmad Fauzi", "Wati Lestari", "Budi Santoso", "Sri Rahayu")
    person = gateway.call(
        register_person,
        officers[Role.FRONT_OFFICE],
        PersonInput(
            name=f"{names[i % len(names)]} {i + 1}",
            nik=f"332401570890{i + 1:04d}",  # born 17-08-1990, a woman (day + 40)
            birth_date=date(1990, 8, 17),
            sex="P",
        ),
    )
    case = gateway.call(
        record_walk_in,
        officers[Role.FRONT_OFFICE],
        CaptureInput(
            person_id=person.id,
            sector=sector,
            category="bantuan_tidak_diterima",
            programme_code="PKH",
            description=complaint,
            urgency="biasa",
        ),
    )
    if not destination:
        return 0
    bo = officers[Role.BACK_OFFICE]
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    gateway.call(refer_case, bo, case.case_id, destination, complaint, "", True)
    for role in (Role.COORDINATOR, Role.SUPERVISOR):
        step = gateway.call(inbox.pending_approvals, officers[role])[0].step_id
        gateway.call(ap.vote, officers[role], step, ap.APPROVE)
    return 1
