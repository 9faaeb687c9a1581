"""Reports that arrive (issue #32): the kiosk queues the period's report for the recipients its
profile names, a real sync carries it to the kabupaten server on 127.0.0.1, and the server
lists which village sent and which has not. A second submission of the period replaces the
first there (version 2, one row), and the kiosk shows when each was acknowledged.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime

import pytest
from sqlalchemy import select

from kabupaten.report_board import build_board
from kabupaten.server import create_app
from kabupaten.tables import village_reports
from kiosk.clock import Clock
from kiosk.errors import ValidationError
from kiosk.models import Person
from kiosk.periods import parse_period
from kiosk.reports.sending import report_entity
from kiosk.roles import Role
from kiosk.services.report_submit import report_submissions, submit_report
from tests.backoffice.helpers import WIB
from tests.sync import web_helpers as wh
from tests.sync.test_tenancy import op, push, token

B = "3324012002"
SEPTEMBER = Clock(frozen=datetime(2026, 9, 2, 9, 0, tzinfo=WIB))
AUGUST = parse_period("2026-08", SEPTEMBER.today())


def _client(upstream, who: str):
    app = create_app(upstream.store, {}, admin=False)
    app.config.update(TESTING=True)
    client = app.test_client()
    assert wh.log_in(client, who).status_code == 302
    return client


def _server_rows(upstream):
    with upstream.store.engine.connect() as c:
        return c.execute(select(village_reports)).all()


def test_submitted_report_arrives_is_listed_and_a_resubmission_replaces_it(
    gateway, office, kiosk, upstream
):
    wh.add_users(upstream.store)
    upstream.store.add_kiosk("3324012002")  # enrolled, has sent nothing
    coordinator = office[Role.COORDINATOR]
    queued = gateway.call(submit_report, coordinator, AUGUST, SEPTEMBER)
    assert queued.version == 1 and queued.recipients == ("SLRT kabupaten",)
    assert gateway.call(report_submissions, coordinator)[0].acknowledged_at is None
    assert kiosk.run_once().ok

    page = _client(upstream, "manajer").get("/web/laporan?periode=2026-08").get_data(as_text=True)
    assert "1 dari 2 desa" in page and "Belum mengirim" in page and "versi 1" in page
    board = build_board(upstream.store.engine, AUGUST)
    served = next(t for p in board.panels for t in p.tables if t.indicator == "warga_dilayani")
    assert served.total is not None and served.total.values[-1] == 10  # the ten citizens
    assert served.value("332401", "Perempuan") == 10  # by kecamatan, by sex

    again = gateway.call(submit_report, coordinator, AUGUST, SEPTEMBER)
    assert again.version == 2
    assert kiosk.run_once().ok
    rows = _server_rows(upstream)
    assert [(r.office, r.period, r.version) for r in rows] == [("3324012001", "2026-08", 2)]
    page = _client(upstream, "kadis").get("/web/laporan?periode=2026-08").get_data(as_text=True)
    assert "versi 2" in page and "versi 1" not in page
    shown = gateway.call(report_submissions, coordinator, "2026-08")
    assert [s.version for s in shown] == [2, 1]
    assert all(s.state == "sent" and s.acknowledged_at and s.receipt for s in shown)
    bodies = [o["body"] for o in upstream.store.operations() if o["op_type"] == "laporan_dikirim"]
    assert len(bodies) == 2 and not any(re.search(r"\d{16}", b) for b in bodies)  # no NIK
    names = gateway.call(lambda s: list(s.scalars(select(Person.name))))
    assert len(names) == 10 and not any(n in b for b in bodies for n in names)  # nor a name


def test_a_year_from_its_months_adds_events_and_takes_the_latest_standing(
    gateway, office, kiosk, upstream
):
    coordinator = office[Role.COORDINATOR]
    for month in ("2026-08", "2026-09"):  # September still running on the 2nd
        gateway.call(submit_report, coordinator, parse_period(month, SEPTEMBER.today()), SEPTEMBER)
    assert kiosk.run_once().ok
    year = build_board(upstream.store.engine, parse_period("2026", SEPTEMBER.today()))
    assert year.reports == 2 and year.summed

    def total(code: str) -> object:
        table = next(t for p in year.panels for t in p.tables if t.indicator == code)
        return table.total.values[-1] if table.total else None

    assert total("warga_dilayani") == 10  # August 10 + September 0
    assert total("kasus_terlambat") == 10  # read on a day: the latest report, not 10 + 10


def test_only_the_office_itself_submits_its_village_report(gateway, office, kiosk, upstream):
    gateway.call(submit_report, office[Role.COORDINATOR], AUGUST, SEPTEMBER)
    assert kiosk.run_once().ok
    mine = upstream.store.operations()[-1]
    assert mine["op_type"] == "laporan_dikirim"
    item = json.loads(mine["body"])
    b = token(upstream.url, "3324012002")
    # B sends A's report as its own, and a report about A's village under a new record.
    stolen = op("report", item["entity_id"], "laporan_dikirim", **item["payload"])
    forged = op("report", item["entity_id"], "laporan_dikirim", **dict(item["payload"]))
    results = push(upstream.url, b, stolen)
    assert results[0]["status"] == "rejected"
    forged["payload"]["village_code"] = "3324012002"
    assert push(upstream.url, b, forged)[0]["status"] == "rejected"  # not the record B names
    assert [(r.office, r.version) for r in _server_rows(upstream)] == [("3324012001", 1)]


def test_supervisor_sees_only_their_kecamatan_and_the_agency_nothing(
    gateway, office, kiosk, upstream
):
    wh.add_users(upstream.store)
    gateway.call(submit_report, office[Role.COORDINATOR], AUGUST, SEPTEMBER)
    assert kiosk.run_once().ok
    here = _client(upstream, "sup_sini").get("/web/laporan?periode=2026-08")
    assert "3324012001" in here.get_data(as_text=True)
    away = _client(upstream, "sup_lain").get("/web/laporan?periode=2026-08")
    assert "3324012001" not in away.get_data(as_text=True)
    assert _client(upstream, "sup_lain").get("/web/laporan/3324012001/2026-08").status_code == 404
    assert _client(upstream, "dinkes").get("/web/laporan?periode=2026-08").status_code == 403
    assert _client(upstream, "manajer").get("/web/laporan/3324012001/2026-08").status_code == 200
    theirs = _client(upstream, "sup_lain").get("/web/papan?periode=2026-08").get_data(as_text=True)
    assert "Dari 0 laporan 0 desa" in theirs  # another kecamatan's papan holds none of it
    ours = _client(upstream, "sup_sini").get("/web/papan?periode=2026-08").get_data(as_text=True)
    assert "Dari 1 laporan 1 desa" in ours
    assert _client(upstream, "dinkes").get("/web/papan?periode=2026-08").status_code == 403


def _as_village_b(item: dict, served: int) -> dict:
    """Village B's report: A's tables with B's count of citizens served."""
    payload = json.loads(json.dumps(item["payload"]))
    payload["village_code"], payload["village_name"] = B, "Desa Dua"
    for t in payload["tables"]:
        if t["indicator"] == "warga_dilayani":
            t["rows"] = [[k, label, [served, 0, 0, served]] for k, label, _v in t["rows"]]
            t["total"] = [served, 0, 0, served]
    return op("report", str(report_entity(B, "2026-08")), "laporan_dikirim", **payload)


def test_public_papan_hides_small_counts_and_needs_no_log_in(gateway, office, kiosk, upstream):
    gateway.call(submit_report, office[Role.COORDINATOR], AUGUST, SEPTEMBER)
    assert kiosk.run_once().ok
    item = json.loads(upstream.store.operations()[-1]["body"])
    assert push(upstream.url, token(upstream.url, B), _as_village_b(item, 3))[0]["status"] == (
        "accepted"
    )
    app = create_app(upstream.store, {}, admin=False)
    public = app.test_client().get("/papan?periode=2026Q3&kecamatan=332401")
    text = public.get_data(as_text=True)
    assert public.status_code == 200 and "Papan kabupaten" in text
    assert "Warga dilayani menurut kecamatan" in text and "Kec. " in text
    # No village breakdown in public, whatever the address asks: a kecamatan's row hidden to
    # protect a neighbour came back as the total of its village table.
    assert "Warga dilayani menurut desa" not in text and "Desa Dua" not in text
    assert ">3<" not in text and "&lt;5" in text  # B's 3 men, hidden
    wh.add_users(upstream.store)
    inside = _client(upstream, "manajer").get("/web/papan?periode=2026-08&kecamatan=332401")
    inside_text = inside.get_data(as_text=True)
    desa = inside_text[inside_text.index("Warga dilayani menurut desa") :]
    assert ">3<" in desa[: desa.index("</table>")]  # the staff see the count itself


def test_the_public_papan_shows_published_quarters_with_the_numbers_they_first_had(
    gateway, office, kiosk, upstream, monkeypatch
):
    """A year less eleven of its months is the twelfth, and a quarter that still grows gives a
    late village's count by the difference between two days: in public, only quarters 30 days
    after they ended, each with the numbers it had when first shown; anything else gets the
    latest published quarter and the reason. Those signed in still count afresh."""
    from kabupaten import web

    monkeypatch.setattr(web, "today", lambda: date(2026, 12, 5))
    gateway.call(submit_report, office[Role.COORDINATOR], AUGUST, SEPTEMBER)
    assert kiosk.run_once().ok
    public = create_app(upstream.store, {}, admin=False).test_client()
    first = public.get("/papan?periode=2026Q3").get_data(as_text=True)
    assert "Triwulan 3 2026" in first and "Papan umum menampilkan" not in first
    for asked in ("2026", "2026-08", "2026S2", "2026W32", "2026-08-10", "2026Q4", "tahun ini"):
        page = public.get(f"/papan?periode={asked}").get_data(as_text=True)
        assert "Triwulan 3 2026" in page, asked  # the latest published quarter instead
        assert "Papan umum menampilkan satu triwulan yang sudah terbit" in page, asked
    assert "Triwulan 3 2026" in public.get("/papan").get_data(as_text=True)
    # A village's report arrives late: the public quarter keeps its first numbers.
    item = json.loads(upstream.store.operations()[-1]["body"])
    assert push(upstream.url, token(upstream.url, B), _as_village_b(item, 3))[0]["status"] == (
        "accepted"
    )
    again = public.get("/papan?periode=2026Q3").get_data(as_text=True)
    assert again == first
    wh.add_users(upstream.store)
    inside = _client(upstream, "manajer").get("/web/papan?periode=2026Q3&kecamatan=332401").text
    assert "Desa Dua" in inside  # the staff's papan counts the late report
    # Ended, but the villages' reports may still be coming: not yet, and when it will be.
    monkeypatch.setattr(web, "today", lambda: date(2027, 1, 20))
    early = public.get("/papan?periode=2026Q4").get_data(as_text=True)
    assert "Triwulan 3 2026" in early and "terbit 31 Januari 2027" in early
    monkeypatch.setattr(web, "today", lambda: date(2027, 2, 1))
    assert "Triwulan 4 2026" in public.get("/papan").get_data(as_text=True)


def test_a_period_the_profile_does_not_ask_for_is_refused(gateway, office):
    week = parse_period("2026W32", SEPTEMBER.today())
    with pytest.raises(ValidationError, match="tidak meminta laporan"):
        gateway.call(submit_report, office[Role.COORDINATOR], week, SEPTEMBER)


def test_command_submits_and_then_shows_the_acknowledgement(
    ctx, kiosk, upstream, capsys, monkeypatch
):
    from tests.conftest import PASSWORD
    from ui.cli import main

    monkeypatch.setenv("PUSKESOS_PASSWORD", PASSWORD)
    args = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir), "--as", "coordinator"]
    assert main(["report", "2026-08", "--submit", *args]) == 0
    assert "versi 1 untuk SLRT kabupaten masuk antrean kirim" in capsys.readouterr().out
    assert kiosk.run_once().ok
    assert main(["report", "2026-08", "--submit", *args]) == 0
    out = capsys.readouterr().out
    assert "versi 2" in out and "versi 1: diajukan" in out and "(tanda terima" in out
    assert main(["report", "2026-08", *args]) == 2  # neither --out nor --submit
