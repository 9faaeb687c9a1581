"""The audit chain's head kept by the kabupaten (contract 1.1): a trail cut and rewound
consistently in the kiosk's database verifies as intact on its own, but not after a sync."""

from __future__ import annotations

from sqlalchemy import func, select

from kabupaten.audit_heads import audit_heads, last_acknowledged
from kiosk.audit_chain import verify
from kiosk.models import AuditEntry, AuditHead
from tests.backoffice.helpers import open_case
from tests.conftest import PASSWORD
from ui.cli import main


def _local_head(ctx) -> tuple[int, str]:
    with ctx.sessions() as s:
        head = s.get(AuditHead, 1)
        return head.seq, head.hash


def _cut_tail(ctx, keep: int) -> None:
    """What someone with the database file can do: drop the newest entries and rewind the head
    to the last one kept, so the chain is consistent again."""
    with ctx.engine.begin() as conn:
        kept = conn.execute(select(AuditEntry.hash).where(AuditEntry.seq == keep)).scalar_one()
        conn.execute(AuditEntry.__table__.delete().where(AuditEntry.seq > keep))
        conn.execute(AuditHead.__table__.update().values(seq=keep, hash=kept))


def _verify_cli(ctx, capsys) -> tuple[int, str]:
    argv = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir), "audit", "verify"]
    code = main([*argv, "--as", "admin", "--as-password", PASSWORD])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out


def test_each_sync_leaves_the_head_with_the_kabupaten(kiosk, upstream, ctx, gateway, office):
    assert kiosk.run_once().ok
    first = last_acknowledged(upstream.store, "3324012001")
    assert first is not None and first["seq"] >= 20
    open_case(gateway, office)
    assert kiosk.run_once().ok
    second = last_acknowledged(upstream.store, "3324012001")
    assert second["seq"] > first["seq"]
    with ctx.sessions() as s:  # what the server holds is what this chain holds at that number
        assert (
            s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == second["seq"]))
            == (second["hash"])
        )


def test_a_tail_cut_consistently_fails_verify_after_a_sync(
    kiosk, upstream, ctx, gateway, office, capsys
):
    open_case(gateway, office)
    assert kiosk.run_once().ok
    acked = last_acknowledged(upstream.store, "3324012001")
    _cut_tail(ctx, acked["seq"] - 10)
    with ctx.sessions() as s:
        assert verify(s).ok  # on its own the database cannot tell
    code, out = _verify_cli(ctx, capsys)
    assert code == 3 and "JEJAK AUDIT RUSAK" in out and "dipotong" in out
    assert f"kepala no. {acked['seq']}" in out

    # The next sync's head does not continue the acknowledged one: kept, refused, reported.
    report = kiosk.run_once()
    assert any("menolak kepala jejak audit" in n for n in report.notes)
    assert last_acknowledged(upstream.store, "3324012001") == acked
    with upstream.store.engine.connect() as c:
        refused = c.scalar(
            select(func.count())
            .select_from(audit_heads)
            .where(audit_heads.c.acknowledged.is_(False))
        )
    assert refused == 1

    # Work past the old number does not hide it: the entry there is not the one acknowledged.
    for _ in range(5):
        open_case(gateway, office)
    assert _local_head(ctx)[0] > acked["seq"]
    code, out = _verify_cli(ctx, capsys)
    assert code == 3 and "ditulis ulang" in out


def test_verify_says_when_it_could_only_check_the_local_chain(ctx, office, capsys):
    code, out = _verify_cli(ctx, capsys)
    assert code == 0 and "Kios belum terhubung ke kabupaten" in out
