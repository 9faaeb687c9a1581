"""Kabupaten web accounts: log-in, CSRF, lockout after wrong passwords, idle log-out, and each
role seeing only its own (supervisor its villages, agency its destination, viewer no decision).
Every page through Flask's test client over the real server's store."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kabupaten import people
from kabupaten.casework import case_facts
from kabupaten.tables import changes
from tests.sync.web_helpers import add_users, log_in, referral_at_kabupaten, token


@pytest.fixture
def web(upstream):
    add_users(upstream.store)
    app = upstream.thread.server.app
    return app


def test_log_in_opens_the_inbox_and_a_wrong_password_does_not(web, upstream):
    client = web.test_client()
    assert client.get("/web/").status_code == 302  # to the log-in page
    refused = log_in(client, "manajer", "salah-sama-sekali")
    assert refused.status_code == 401
    assert "kata sandi salah" in refused.get_data(as_text=True)
    assert log_in(client, "manajer").headers["Location"] == "/web/"
    page = client.get("/web/").get_data(as_text=True)
    assert "Menunggu keputusan" in page and "Manajer SLRT kabupaten" in page
    actions = [(r["username"], r["action"]) for r in people.audit_rows(upstream.store.engine)]
    assert actions == [("manajer", "masuk_gagal"), ("manajer", "masuk")]


def test_a_form_without_its_csrf_token_is_refused(web):
    client = web.test_client()
    bare = client.post("/web/masuk", data={"username": "manajer", "password": "kata-sandi-uji-1"})
    assert bare.status_code == 400 and "Muat ulang halaman" in bare.get_data(as_text=True)
    assert client.get("/web/").status_code == 302  # still not logged in
    assert log_in(client, "manajer").status_code == 302
    assert client.post("/web/keluar").status_code == 400  # logged in, but no token


def test_wrong_passwords_lock_the_account_even_for_the_right_one(web):
    web.config["LOCKOUT"] = "3 per 15 minutes"
    client = web.test_client()
    for _ in range(3):
        assert log_in(client, "kadis", "tebakan-salah").status_code == 401
    locked = log_in(client, "kadis")
    assert locked.status_code == 429 and "Terlalu banyak percobaan" in locked.get_data(True)
    # Another account is not locked by the first one's guesses.
    assert log_in(web.test_client(), "manajer").status_code == 302


def test_the_lockout_holds_across_worker_processes(web, upstream):
    """Each gunicorn worker has its own memory: guesses spread over two of them (two apps on
    one database, as `serve --workers 2` makes) still lock the account after the third."""
    from kabupaten.server import create_app

    other = create_app(upstream.store, {}, admin=False)
    for app in (web, other):
        app.config["LOCKOUT"] = "3 per 15 minutes"
    assert log_in(web.test_client(), "kadis", "tebakan-salah").status_code == 401
    assert log_in(other.test_client(), "kadis", "tebakan-salah").status_code == 401
    assert log_in(web.test_client(), "kadis", "tebakan-salah").status_code == 401
    for app in (other, web):
        locked = log_in(app.test_client(), "kadis")  # the right password, refused on both
        assert locked.status_code == 429 and "Terlalu banyak percobaan" in locked.get_data(True)
    assert log_in(other.test_client(), "manajer").status_code == 302


def test_an_idle_session_is_logged_out(web):
    web.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=1)
    client = web.test_client()
    log_in(client, "manajer")
    assert client.get("/web/").status_code == 200
    time.sleep(2.2)
    gone = client.get("/web/")
    assert gone.status_code == 302 and "/web/masuk" in gone.headers["Location"]


def test_log_out_ends_the_session(web):
    client = web.test_client()
    log_in(client, "manajer")
    assert (
        client.post("/web/keluar", data={"csrf_token": token(client, "/web/")}).status_code == 302
    )
    assert client.get("/web/").status_code == 302


def test_a_supervisor_sees_only_the_villages_of_its_kecamatan(web, gateway, office, kiosk):
    _case, ref = referral_at_kabupaten(gateway, office, kiosk)
    here, there = web.test_client(), web.test_client()
    log_in(here, "sup_sini")
    log_in(there, "sup_lain")
    assert f"/web/rujukan/{ref}" in here.get("/web/").get_data(as_text=True)
    assert f"/web/rujukan/{ref}" not in there.get("/web/").get_data(as_text=True)
    assert there.get(f"/web/rujukan/{ref}").status_code == 404
    refused = there.post(
        f"/web/rujukan/{ref}/putuskan",
        data={"keputusan": "setuju", "csrf_token": token(there, "/web/")},
    )
    assert refused.status_code == 404


def test_the_viewer_reads_but_cannot_decide_and_sees_the_nik_masked(
    web, gateway, office, kiosk, upstream
):
    case, ref = referral_at_kabupaten(gateway, office, kiosk)
    viewer, manager = web.test_client(), web.test_client()
    log_in(viewer, "kadis")
    log_in(manager, "manajer")
    page = viewer.get(f"/web/rujukan/{ref}").get_data(as_text=True)
    assert "Butuh PBI-JK segera" in page and "Simpan keputusan" not in page
    full = case_facts(upstream.store, str(case.case_id)).person["nik"]  # as the kiosk sent it
    assert full not in page and full[:6] in page
    assert full in manager.get(f"/web/rujukan/{ref}").get_data(as_text=True)
    refused = viewer.post(
        f"/web/rujukan/{ref}/putuskan",
        data={"keputusan": "setuju", "csrf_token": token(viewer, "/web/")},
    )
    assert refused.status_code == 403
    with upstream.store.engine.connect() as c:  # nothing decided for any office
        assert c.execute(select(func.count()).select_from(changes)).scalar() == 0


def test_an_agency_sees_only_approved_referrals_addressed_to_it(web, gateway, office, kiosk):
    _case, ref = referral_at_kabupaten(gateway, office, kiosk)
    dinkes, bpjs, manager = web.test_client(), web.test_client(), web.test_client()
    for client, name in ((dinkes, "dinkes"), (bpjs, "bpjs"), (manager, "manajer")):
        log_in(client, name)
    assert dinkes.get(f"/web/rujukan/{ref}").status_code == 404  # not approved yet
    manager.post(
        f"/web/rujukan/{ref}/putuskan",
        data={"keputusan": "setuju", "csrf_token": token(manager, "/web/")},
    )
    assert f"/web/rujukan/{ref}" in dinkes.get("/web/").get_data(as_text=True)
    page = dinkes.get(f"/web/rujukan/{ref}").get_data(as_text=True)
    assert "Terima rujukan" in page and "PKH tahap 3 belum cair" not in page  # no complaint
    assert f"/web/rujukan/{ref}" not in bpjs.get("/web/").get_data(as_text=True)
    assert bpjs.get(f"/web/rujukan/{ref}").status_code == 404
    decided = dinkes.post(
        f"/web/rujukan/{ref}/putuskan",
        data={"keputusan": "tolak", "alasan": "x", "csrf_token": token(dinkes, "/web/")},
    )
    assert decided.status_code == 403


def test_accounts_are_made_on_the_command_line_with_the_password_from_the_environment(tmp_path):
    import os
    import subprocess
    import sys

    from kabupaten.store import Store

    db = tmp_path / "k.sqlite"
    env = {**os.environ, "KABUPATEN_PASSWORD": "kata-sandi-baru-1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "kabupaten", "user", "add", *args, "--db", str(db)]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)

    early = run("sri", "--role", "supervisor_kecamatan", "--kecamatan", "33.24.01")
    assert early.returncode == 2 and "migrate" in early.stdout  # no tables made behind its back
    migrate = [sys.executable, "-m", "kabupaten", "--db", str(db), "migrate"]
    subprocess.run(migrate, env=env, capture_output=True, text=True, timeout=120, check=True)
    wrong = run("ani", "--role", "supervisor_kecamatan", "--kecamatan", "3324012")
    assert wrong.returncode == 2 and "enam angka" in wrong.stderr  # a village's prefix, not one
    made = run("sri", "--role", "supervisor_kecamatan", "--kecamatan", "33.24.01", "332402")
    assert made.returncode == 0 and "Supervisor kecamatan" in made.stdout
    refused = run("dk", "--role", "petugas_instansi")
    assert refused.returncode == 2 and "--destination" in refused.stderr
    store = Store(f"sqlite:///{db}")
    user = people.check_password(store.engine, "sri", "kata-sandi-baru-1")
    assert user is not None and user.kecamatan == ("332401", "332402")
    assert "kata-sandi-baru-1" not in db.read_bytes().decode("latin-1")  # only its hash
    store.engine.dispose()
