"""The kabupaten's web pages through Flask's test client, over the real server's store, with a
referral made at the counter the way the back office makes it."""

from __future__ import annotations

import re

from kabupaten import people
from kiosk import case_rules as rules
from kiosk.roles import Role
from kiosk.services import approval_inbox as inbox
from kiosk.services import approvals as ap
from kiosk.services import referrals
from kiosk.services.cases import move_case
from tests.backoffice.helpers import open_case

PASSWORD = "kata-sandi-uji-1"
USERS = {
    "manajer": dict(role=people.MANAGER),
    "sup_sini": dict(role=people.SUPERVISOR, kecamatan=["332401"]),
    "sup_lain": dict(role=people.SUPERVISOR, kecamatan=["332409"]),
    "dinkes": dict(role=people.AGENCY, destination="dinkes"),
    "bpjs": dict(role=people.AGENCY, destination="bpjs"),
    "kadis": dict(role=people.VIEWER),
    "admin": dict(role=people.ADMIN),
}


def add_users(store) -> None:
    for name, kw in USERS.items():
        people.add_user(store.engine, name, PASSWORD, **kw)


def token(client, path: str = "/web/masuk") -> str:
    page = client.get(path)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True))
    assert found, page.get_data(as_text=True)[:500]
    return found.group(1)


def log_in(client, name: str, password: str = PASSWORD):
    return client.post(
        "/web/masuk",
        data={"username": name, "password": password, "csrf_token": token(client)},
    )


def referral_at_kabupaten(gateway, office, kiosk, destination: str = "dinkes"):
    """A health referral approved by the Puskesos's coordinator and supervisor and sent up: its
    last step is the kabupaten manager's."""
    case = open_case(gateway, office, sector="kesehatan")
    bo, coord, sup = (office[r] for r in (Role.BACK_OFFICE, Role.COORDINATOR, Role.SUPERVISOR))
    gateway.call(move_case, bo, case.case_id, rules.REVIEW)
    ref = gateway.call(
        referrals.refer_case, bo, case.case_id, destination, "Butuh PBI-JK segera", "", True
    )
    for officer in (coord, sup):
        step = gateway.call(inbox.pending_approvals, officer)[0].step_id
        gateway.call(ap.vote, officer, step, ap.APPROVE)
    assert kiosk.run_once().ok
    return case, ref
