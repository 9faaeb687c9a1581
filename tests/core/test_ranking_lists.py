"""A ranking's road to a decision: submitted by the coordinator, reviewed by someone else
(four eyes), decided per household by the village meeting, and only that decision queued
upstream; the kept list prints as it was reviewed, with the meeting's decisions."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import delete, select

from kiosk.errors import Conflict, PermissionDenied, ValidationError
from kiosk.models import DtksRecord, OutboxOperation, RankingEntry
from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.officers import create_officer
from kiosk.services.ranking_lists import (
    list_rankings,
    ranking_entries,
    record_meeting_decision,
    review_ranking,
    stored_ranking,
    submit_ranking,
)
from tests.conftest import PASSWORD
from ui.cli import main

F1, F2 = "3324010101000001", "3324010101000002"


def _upstream(session):
    return list(
        session.scalars(
            select(OutboxOperation).where(OutboxOperation.entity_type == "ranking_list")
        )
    )


def test_submit_review_decide_and_only_the_decision_goes_up(gateway, office, village, session):
    today = gateway.ctx.clock.today()
    coordinator, supervisor = office[Role.COORDINATOR], office[Role.SUPERVISOR]
    kept = gateway.call(submit_ranking, coordinator, "BLT-DD", 1)
    assert (kept.status, kept.ranked, kept.excluded) == ("diajukan", 2, 2)
    rows = gateway.call(ranking_entries, supervisor, kept.id)
    assert [(r.rank, r.no_kk, r.within_quota) for r in rows[:2]] == [(1, F1, True), (2, F2, False)]
    assert rows[2].rank is None and rows[2].excluded_reason
    assert all("*" in r.nik_masked for r in rows if r.nik_masked)
    with pytest.raises(Conflict):  # the meeting decides only on a reviewed list
        gateway.call(record_meeting_decision, coordinator, kept.id, today, "1/2026", {})
    with pytest.raises(ValidationError):  # a refusal needs its reason
        gateway.call(review_ranking, supervisor, kept.id, False)
    with pytest.raises(PermissionDenied):  # the coordinator cannot review at all
        gateway.call(review_ranking, coordinator, kept.id, True)
    assert _upstream(session) == []
    done = gateway.call(review_ranking, supervisor, kept.id, True, "sesuai")
    assert done.status == "disetujui"
    with pytest.raises(Conflict):
        gateway.call(review_ranking, supervisor, kept.id, True)

    # The snapshot changes after the review: the meeting still decides on the reviewed list.
    gateway.call(lambda s: s.execute(delete(DtksRecord).where(DtksRecord.family_id == "F2")))
    with pytest.raises(ValidationError, match="kuota"):
        gateway.call(
            record_meeting_decision,
            coordinator,
            kept.id,
            today,
            "BA/01/2026",
            {F1: "ditetapkan", F2: "ditetapkan"},
        )
    with pytest.raises(ValidationError, match="tidak ada di peringkat"):
        gateway.call(
            record_meeting_decision,
            coordinator,
            kept.id,
            today,
            "BA/01/2026",
            {"3324010101000003": "ditetapkan"},  # excluded: already receiving
        )
    with pytest.raises(ValidationError):
        gateway.call(
            record_meeting_decision,
            coordinator,
            kept.id,
            today + timedelta(days=3),
            "BA/01/2026",
            {F1: "ditetapkan"},
        )
    session.expire_all()
    assert _upstream(session) == []  # nothing half-written by the refusals
    decided = gateway.call(
        record_meeting_decision,
        coordinator,
        kept.id,
        today,
        "BA/01/2026",
        {F1: "ditetapkan", "F2": "cadangan"},  # by No. KK or by the list's key
        {F1: "disepakati warga"},
    )
    assert (decided.status, decided.selected, decided.meeting_ref) == (
        "diputuskan",
        1,
        "BA/01/2026",
    )
    (op,) = _upstream(session)
    assert op.op_type and op.payload["meeting_ref"] == "BA/01/2026"
    assert [(h["no_kk"], h["decision"]) for h in op.payload["households"]] == [
        (F1, "ditetapkan"),
        (F2, "cadangan"),
    ]
    assert op.payload["households"][0]["note"] == "disepakati warga"
    with pytest.raises(Conflict):
        gateway.call(
            record_meeting_decision, coordinator, kept.id, today, "BA/02", {F1: "cadangan"}
        )
    assert [v.status for v in gateway.call(list_rankings, supervisor)] == ["diputuskan"]


def test_four_eyes_hold_for_an_officer_with_both_jobs(gateway, office, village):
    today = gateway.ctx.clock.today()
    both = gateway.call(
        lambda s: Actor.of(
            create_officer(
                s,
                "ganda",
                "Koordinator merangkap supervisor",
                PASSWORD,
                [Role.COORDINATOR, Role.SUPERVISOR],
                created_by=office.admin.id,
            )
        )
    )
    kept = gateway.call(submit_ranking, both, "BLT-DD", 1)
    with pytest.raises(PermissionDenied, match="petugas lain"):
        gateway.call(review_ranking, both, kept.id, True)
    refused = gateway.call(review_ranking, office[Role.SUPERVISOR], kept.id, False, "bobot keliru")
    assert refused.status == "ditolak" and refused.review_note == "bobot keliru"
    with pytest.raises(Conflict):
        gateway.call(record_meeting_decision, both, kept.id, today, "BA/1", {})


def test_names_stay_with_those_who_may_see_cases(gateway, office, village):
    kept = gateway.call(submit_ranking, office[Role.COORDINATOR], "BLT-DD", 1)
    for role in (Role.ADMIN, Role.FRONT_OFFICE):
        with pytest.raises(PermissionDenied):
            gateway.call(ranking_entries, office[role], kept.id)
    with pytest.raises(PermissionDenied):
        gateway.call(submit_ranking, office[Role.SUPERVISOR], "BLT-DD", 1)


def test_the_command_walks_the_same_road(ctx, office, village, tmp_path, monkeypatch, capsys):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    monkeypatch.setenv("PUSKESOS_PASSWORD", PASSWORD)
    db = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
    base = ["programmes"]
    assert (
        main([*base, "rank", "BLT-DD", "--quota", "1", "--submit", "--as", "coordinator", *db]) == 0
    )
    number = capsys.readouterr().out.split("daftar ")[1][:8]
    assert main([*base, "review", number, "--approve", "--as", "coordinator", *db]) == 1
    assert main([*base, "review", number, "--approve", "--as", "supervisor", *db]) == 0
    sheet = tmp_path / "musdes.csv"
    sheet.write_text(f"no_kk,keputusan,catatan\n{F1},ditetapkan,hadir\n{F2},cadangan,\n")
    today = ctx.clock.today().isoformat()
    decide = [*base, "decide", number, "--meeting-date", today, "--ref", "BA/7/2026"]
    assert main([*decide, "--file", str(sheet), "--as", "coordinator", *db]) == 0
    assert "1 keluarga ditetapkan" in capsys.readouterr().out
    out = tmp_path / "out"
    assert main([*base, "lists", "--id", number, "--out", str(out), "--as", "supervisor", *db]) == 0
    pdf = next(out.glob("*.pdf"))
    pages = PdfReader(io.BytesIO(pdf.read_bytes())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "berita acara BA/7/2026" in text and "1 Ditetapkan Kepala F1" in text
    assert "2 Cadangan Kepala F2" in text
    rows = list(load_workbook(next(out.glob("*.xlsx")))["Peringkat"].iter_rows(values_only=True))
    assert rows[1][1] == "Keputusan musdes" and rows[2][1] == "Ditetapkan"
    assert main([*base, "lists", "--as", "supervisor", *db]) == 0
    assert "diputuskan" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{F1}\n")
    assert main([*decide, "--file", str(bad), "--as", "coordinator", *db]) == 1


def test_the_decision_is_kept_per_household(gateway, office, village, session):
    today = gateway.ctx.clock.today()
    kept = gateway.call(submit_ranking, office[Role.COORDINATOR], "BLT-DD", 2)
    gateway.call(review_ranking, office[Role.SUPERVISOR], kept.id, True)
    gateway.call(
        record_meeting_decision,
        office[Role.COORDINATOR],
        kept.id,
        today,
        "BA/3",
        {F2: "ditetapkan"},
    )
    got = dict(
        session.execute(
            select(RankingEntry.no_kk, RankingEntry.decision).where(RankingEntry.list_id == kept.id)
        ).all()
    )
    assert got[F1] == "tidak_ditetapkan" and got[F2] == "ditetapkan"
    assert got["3324010101000003"] == ""  # excluded: no decision to take
    printed = gateway.call(stored_ranking, office[Role.SUPERVISOR], kept.id)
    assert printed.decisions == {"F1": "Tidak ditetapkan", "F2": "Ditetapkan"}
