"""The citizen's status page reads its case through indexes, not every operation the kiosks
ever sent (SQLite's own query plan says so, with other offices' cases and referrals around
it), answers the same as before, and finds cases sent before the index existed; the log-in
page limits wrong passwords per address as well as per account."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, text

from kabupaten.migrate import upgrade
from kabupaten.store import Store
from kabupaten.tables import case_index
from kiosk.models import Case
from tests.sync.web_helpers import add_users, log_in, referral_at_kabupaten, token

WATCHED = ("operations", "changes", "case_index")


def plans_of(store: Store, run) -> list[str]:
    """What the query planner does for each SELECT ``run`` makes on the watched tables."""
    seen: list[tuple[str, object]] = []

    def note(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        run()
    finally:
        event.remove(store.engine, "before_cursor_execute", note)
    plans = []
    with store.engine.connect() as c:
        for statement, parameters in seen:
            if any(f"FROM {t}" in statement for t in WATCHED):
                rows = c.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
                plans += [str(r[-1]) for r in rows]
    return plans


def test_the_status_page_searches_by_index_and_answers_the_same(
    gateway, office, kiosk, upstream, session
):
    add_users(upstream.store)
    case, ref = referral_at_kabupaten(gateway, office, kiosk)  # ten other cases around it
    web = upstream.thread.server.app
    manager = web.test_client()
    log_in(manager, "manajer")
    manager.post(
        f"/web/rujukan/{ref}/putuskan",
        data={"csrf_token": token(manager, "/web/"), "keputusan": "setuju"},
    )
    link = f"/status/{case.tracking_number}?k={session.get(Case, case.case_id).check_code}"
    shown: list[str] = []
    plans = plans_of(upstream.store, lambda: shown.append(web.test_client().get(link).text))
    assert "Dirujuk" in shown[0] and "Dinas Kesehatan kabupaten" in shown[0]
    assert plans and not [p for p in plans if p.startswith("SCAN")], plans
    wrong = web.test_client().get(f"/status/{case.tracking_number}?k=AAAAAAAA")
    assert wrong.status_code == 404


def test_cases_sent_before_the_index_are_found_after_the_upgrade(
    gateway, office, kiosk, upstream, session, tmp_path: Path
):
    case = referral_at_kabupaten(gateway, office, kiosk)[0]
    code = session.get(Case, case.case_id).check_code
    db = tmp_path / "lama.sqlite"
    old = Store(f"sqlite:///{db}", create=False)
    upgrade(old.engine, "k0002")  # the schema as it was, then the operations the kiosk sent
    with upstream.store.engine.connect() as src, old.engine.begin() as dst:
        rows = src.execute(text("SELECT * FROM operations")).mappings().all()
        dst.execute(text("DELETE FROM operations"))
        for r in rows:
            cols, marks = ", ".join(r.keys()), ", ".join(f":{k}" for k in r)
            dst.execute(text(f"INSERT INTO operations ({cols}) VALUES ({marks})"), r)
    upgrade(old.engine)
    with old.engine.connect() as c:
        kinds = sorted(r.kind for r in c.execute(case_index.select()))
    assert kinds.count("rujukan") == 1 and kinds.count("kasus") == 11
    from kabupaten.public import case_status

    shown = case_status(old, case.tracking_number, code)
    assert shown is not None and shown["number"] == case.tracking_number
    old.engine.dispose()


def test_wrong_passwords_from_one_address_are_limited_across_accounts(upstream):
    add_users(upstream.store)
    app = upstream.thread.server.app
    app.config["LOGIN_IP_LIMIT"] = "4 per 15 minutes"
    client = app.test_client()
    for name in ("manajer", "kadis", "dinkes", "bpjs"):  # one guess each: no account locked
        assert log_in(client, name, "tebakan-salah").status_code == 401
    blocked = log_in(client, "admin")  # even the right password, from this address
    assert blocked.status_code == 429 and "Terlalu banyak percobaan" in blocked.text
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "127.0.0.9"
    assert log_in(elsewhere, "admin").status_code == 302
