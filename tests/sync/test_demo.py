"""``python -m kabupaten demo``: three villages' kiosks, worked through the kiosk's services and
synced by the real sync engine, land in a migrated database whose manager's inbox shows their
referrals; the printed demo password opens every role's account."""

from __future__ import annotations

import re
from pathlib import Path

from kabupaten.cli import main
from kabupaten.migrate import up_to_date
from kabupaten.server import create_app
from kabupaten.store import Store
from tests.sync.web_helpers import log_in


def test_the_demo_gives_a_manager_referrals_from_three_villages(tmp_path: Path, capsys):
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert main(["demo", "--db", url, "--folder", str(tmp_path / "kios")]) == 0
    said = capsys.readouterr().out
    password = re.search(r"Kata sandi demo: (\S+)", said).group(1)
    assert f"python -m kabupaten serve --db {url}" in said
    store = Store(url, create=False)
    try:
        assert up_to_date(store.engine)
        app = create_app(store, {})
        manager = app.test_client()
        assert log_in(manager, "manajer", password).status_code == 302
        inbox = manager.get("/web/").text
        for office in ("3324012001", "3324012002", "3324052003"):
            assert inbox.count(f"<dd>{office}</dd>") == 2, office
        supervisor = app.test_client()
        assert log_in(supervisor, "supervisor", password).status_code == 302
        assert "3324052003" not in supervisor.get("/web/").text  # not its kecamatan
        for name in ("dinkes", "bpjs", "admin", "kadis"):
            assert log_in(app.test_client(), name, password).status_code == 302
        # Run again on the same folder: refused, nothing doubled.
        assert main(["demo", "--db", url, "--folder", str(tmp_path / "kios")]) == 2
    finally:
        store.engine.dispose()


def test_the_demo_never_writes_into_a_database_already_in_use(tmp_path, monkeypatch, capsys):
    """KABUPATEN_DB_URL names the live database for `serve`; the demo ignores it, and refuses a
    database that already has offices or accounts."""
    live = tmp_path / "live.sqlite"
    assert main(["--db", str(live), "migrate"]) == 0
    assert main(["--db", str(live), "kiosk", "add", "3324012001"]) == 0
    monkeypatch.setenv("KABUPATEN_DB_URL", str(live))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "kios"
    assert main(["--db", str(live), "demo", "--folder", str(folder)]) == 2
    assert "sudah berisi kantor atau akun" in capsys.readouterr().out
    assert not folder.exists()
