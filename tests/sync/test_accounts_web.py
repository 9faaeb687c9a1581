"""The administrator's accounts screen: list, add with a role and a kecamatan or destination,
deactivate (the account's session ends), reset a password (shown once; the sessions opened with
the old one end); every change audited;
any other role gets 403 and a form without its CSRF token is refused."""

from __future__ import annotations

import re

import pytest

from kabupaten import people
from tests.sync.web_helpers import PASSWORD, add_users, log_in, token


@pytest.fixture
def web(upstream):
    add_users(upstream.store)
    return upstream.thread.server.app


def admin_client(web):
    client = web.test_client()
    assert log_in(client, "admin").status_code == 302
    return client, token(client, "/web/pengguna")


def user_id(upstream, name: str) -> int:
    return next(u["id"] for u in people.all_users(upstream.store.engine) if u["username"] == name)


def test_the_administrator_adds_a_supervisor_who_can_then_log_in(web, upstream):
    admin, csrf = admin_client(web)
    listed = admin.get("/web/pengguna").text
    assert "dinkes" in listed and "Supervisor kecamatan" in listed
    form = {
        "csrf_token": csrf,
        "username": "tksk.rowosari",
        "role": people.SUPERVISOR,
        "kecamatan": "33.24.05, 33.24.06",
        "destination": "",
        "password": "sandi-awal-panjang",
    }
    assert admin.post("/web/pengguna", data=form).status_code == 302
    page = admin.get("/web/pengguna").text
    assert "tksk.rowosari" in page and "33.24.05, 33.24.06" in page
    newcomer = web.test_client()
    assert log_in(newcomer, "tksk.rowosari", "sandi-awal-panjang").status_code == 302
    # Refused with the reason on the screen: a village code is not a kecamatan, a short password.
    bad = admin.post("/web/pengguna", data={**form, "username": "x2x", "kecamatan": "3324052001"})
    assert bad.status_code == 400 and "enam angka" in bad.text
    short = admin.post("/web/pengguna", data={**form, "username": "y2y", "password": "pendek"})
    assert short.status_code == 400 and "paling sedikit 10 karakter" in short.text
    unsigned = admin.post("/web/pengguna", data={**form, "csrf_token": "", "username": "z2z"})
    assert unsigned.status_code == 400
    names = [u["username"] for u in people.all_users(upstream.store.engine)]
    assert not {"x2x", "y2y", "z2z"} & set(names)
    audit = [
        (r["username"], r["action"], r["subject_id"])
        for r in people.audit_rows(upstream.store.engine)
    ]
    assert ("admin", "pengguna_ditambah", "tksk.rowosari") in audit


def test_deactivation_ends_the_session_and_a_reset_password_works_once_shown(web, upstream):
    admin, csrf = admin_client(web)
    kadis = web.test_client()
    log_in(kadis, "kadis")
    assert kadis.get("/web/").status_code == 200
    target = user_id(upstream, "kadis")
    assert (
        admin.post(f"/web/pengguna/{target}/nonaktifkan", data={"csrf_token": csrf}).status_code
        == 302
    )
    assert kadis.get("/web/").status_code == 302  # logged out at the next request
    assert log_in(web.test_client(), "kadis").status_code == 401
    assert "Nonaktif" in admin.get("/web/pengguna").text
    reset = admin.post(
        f"/web/pengguna/{user_id(upstream, 'dinkes')}/sandi", data={"csrf_token": csrf}
    )
    assert reset.headers["Cache-Control"] == "no-store"  # the password is on the page
    shown = re.search(r'id="sandi-baru"[^>]*>([^<]+)<', reset.text).group(1)
    assert log_in(web.test_client(), "dinkes", PASSWORD).status_code == 401
    assert log_in(web.test_client(), "dinkes", shown).status_code == 302
    assert shown not in admin.get("/web/pengguna").text  # shown once
    mine = user_id(upstream, "admin")
    own = admin.post(f"/web/pengguna/{mine}/nonaktifkan", data={"csrf_token": csrf})
    assert own.status_code == 409 and "Akun Anda sendiri" in own.text
    actions = [(r["action"], r["subject_id"]) for r in people.audit_rows(upstream.store.engine)]
    assert ("pengguna_dinonaktifkan", "kadis") in actions and ("sandi_direset", "dinkes") in actions
    assert shown not in str(people.audit_rows(upstream.store.engine))


def test_a_reset_password_ends_the_sessions_opened_with_the_old_one(web, upstream):
    """A password reset because it leaked: whoever is signed in with it is signed out, on
    every worker (the session carries the password's stamp, not a server-side list)."""
    admin, csrf = admin_client(web)
    thief, owner_elsewhere = web.test_client(), web.test_client()
    for client in (thief, owner_elsewhere):
        assert log_in(client, "dinkes").status_code == 302
        assert client.get("/web/").status_code == 200
    reset = admin.post(
        f"/web/pengguna/{user_id(upstream, 'dinkes')}/sandi", data={"csrf_token": csrf}
    )
    shown = re.search(r'id="sandi-baru"[^>]*>([^<]+)<', reset.text).group(1)
    for client in (thief, owner_elsewhere):
        assert client.get("/web/").status_code == 302  # back to the log-in page
    fresh = web.test_client()
    assert log_in(fresh, "dinkes", shown).status_code == 302
    assert fresh.get("/web/").status_code == 200
    assert admin.get("/web/pengguna").status_code == 200  # the administrator stays in
    # A session cookie from before this version (the bare id) is not honoured either.
    with fresh.session_transaction() as kept:
        kept["_user_id"] = str(user_id(upstream, "dinkes"))
    assert fresh.get("/web/").status_code == 302


@pytest.mark.parametrize("name", ["manajer", "sup_sini", "dinkes", "kadis"])
def test_no_other_role_reaches_the_screen(web, upstream, name):
    client = web.test_client()
    log_in(client, name)
    csrf = token(client, "/web/")
    assert client.get("/web/pengguna").status_code == 403
    form = {"csrf_token": csrf, "username": "penyusup", "role": people.ADMIN, "password": "x" * 12}
    assert client.post("/web/pengguna", data=form).status_code == 403
    target = user_id(upstream, "admin")
    assert (
        client.post(f"/web/pengguna/{target}/nonaktifkan", data={"csrf_token": csrf}).status_code
        == 403
    )
    assert (
        client.post(f"/web/pengguna/{target}/sandi", data={"csrf_token": csrf}).status_code == 403
    )
    assert "penyusup" not in [u["username"] for u in people.all_users(upstream.store.engine)]
    assert people.get_user(upstream.store.engine, "admin") is not None
