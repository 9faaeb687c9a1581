"""The kabupaten's enrolment codes: made by ``python -m kabupaten kiosk add VILLAGE_CODE`` (kept
hashed in the server's database), used once (its retries within ten minutes aside), expiring;
a new enrolment of an office revokes the tokens it held before. The kiosk's own client enrols
with the printed code."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import update

from kabupaten.offices import RETRY_GRACE
from kabupaten.server import ServerThread, create_app
from kabupaten.store import Store
from kabupaten.tables import enrolment_codes, tokens
from sync.client import EnrolmentRefused, UpstreamClient

ROOT = Path(__file__).resolve().parents[2]
OFFICE = "3324012005"


def kabupaten(db: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "kabupaten", "--db", f"sqlite:///{db}", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Store, str]]:
    """A migrated database (the commands' way) and the server over it, no test codes."""
    db = tmp_path / "kab.sqlite"
    kabupaten(db, "migrate")
    store = Store(f"sqlite:///{db}", create=False)
    thread = ServerThread(create_app(store, {})).start()
    yield db, store, thread.url
    thread.stop()
    store.engine.dispose()


def enrol(url: str, code: str) -> requests.Response:
    body = {"grant_type": "enrolment", "kiosk_id": OFFICE, "enrolment_code": code}
    return requests.post(f"{url}/v1/token", json=body, timeout=5)


def test_the_printed_code_enrols_the_kiosk_once(served):
    db, store, url = served
    code = kabupaten(db, "kiosk", "add", OFFICE).strip().splitlines()[-1]
    client = UpstreamClient(url)
    tokens_ = client.enrol(OFFICE, code)
    assert tokens_["access_token"]
    assert client.changes("")[0] == []  # the token opens the office's own data
    # Used up: ten minutes on (the window for a retry whose answer the link lost), refused.
    with store.engine.begin() as c:
        c.execute(update(enrolment_codes).values(used_at=time.time() - RETRY_GRACE - 1))
    with pytest.raises(EnrolmentRefused):
        UpstreamClient(url).enrol(OFFICE, code)
    # Kept hashed: neither the code nor a token is in the database as given.
    with store.engine.connect() as c:
        kept = [tuple(r) for r in c.execute(tokens.select())]
    assert all(tokens_["access_token"] not in map(str, row) for row in kept)
    assert code.encode() not in db.read_bytes()


def test_a_retry_whose_answer_was_lost_enrols_and_revokes_the_lost_tokens(served):
    """The server used the code, the village link dropped its answer, the kiosk's engine tries
    again with the same code: enrolled, and the tokens it never received no longer work."""
    _db, store, url = served
    code = store.add_kiosk(OFFICE)
    lost = enrol(url, code).json()
    again = enrol(url, code)
    assert again.status_code == 200
    old = {"Authorization": f"Bearer {lost['access_token']}"}
    assert requests.get(f"{url}/v1/changes", headers=old, timeout=5).status_code == 401


def test_a_code_for_one_office_does_not_enrol_another(served):
    db, _store, url = served
    code = kabupaten(db, "kiosk", "add", OFFICE).strip().splitlines()[-1]
    other = {"grant_type": "enrolment", "kiosk_id": "3324012006", "enrolment_code": code}
    assert requests.post(f"{url}/v1/token", json=other, timeout=5).status_code == 401
    assert enrol(url, code).status_code == 200


def test_an_expired_code_is_refused(served):
    _db, store, url = served
    code = store.add_kiosk(OFFICE, ttl=-1)
    assert enrol(url, code).status_code == 401
    with store.engine.connect() as c:
        assert c.execute(enrolment_codes.select()).first() is not None  # not used up by it


def test_enrolling_again_revokes_the_earlier_tokens(served):
    db, store, url = served
    first = enrol(url, store.add_kiosk(OFFICE)).json()
    old = {"Authorization": f"Bearer {first['access_token']}"}
    assert requests.get(f"{url}/v1/changes", headers=old, timeout=5).status_code == 200
    second = enrol(url, kabupaten(db, "kiosk", "add", OFFICE).strip().splitlines()[-1]).json()
    assert requests.get(f"{url}/v1/changes", headers=old, timeout=5).status_code == 401
    refresh = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    assert requests.post(f"{url}/v1/token", json=refresh, timeout=5).status_code == 401
    new = {"Authorization": f"Bearer {second['access_token']}"}
    assert requests.get(f"{url}/v1/changes", headers=new, timeout=5).status_code == 200


def test_kiosk_add_refuses_a_database_not_migrated(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kabupaten",
            "--db",
            str(tmp_path / "n.sqlite"),
            "kiosk",
            "add",
            OFFICE,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "migrate" in done.stdout


def test_kiosk_add_takes_the_village_code_as_the_kiosk_names_itself(served):
    """The kiosk enrols as its office code: by default the village code without dots."""
    db, _store, url = served
    code = kabupaten(db, "kiosk", "add", "33.24.01.2005").strip().splitlines()[-1]
    assert enrol(url, code).status_code == 200  # as OFFICE, 3324012005
