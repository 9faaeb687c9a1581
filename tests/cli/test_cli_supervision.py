"""``puskesos tinjauan`` and ``puskesos eskalasi``: the reviewer's list and decisions, the
village meeting and SIKS-NG number of a pre-list proposal, escalation by hand (once)."""

from sqlalchemy import select

from kiosk.models import Case, PrelistProposal
from kiosk.roles import Role
from kiosk.services.profiles import use_profile
from tests.backoffice.helpers import open_case
from tests.backoffice.test_supervision import propose
from tests.conftest import PASSWORD
from ui.cli import main

AS = ("--as-password", PASSWORD)


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_escalation_by_hand_moves_a_case_once(ctx, gateway, office, session, capsys):
    gateway.call(use_profile, office[Role.ADMIN], "barito_selatan")
    case = open_case(gateway, office)  # August 2026: long past due on any later day
    code, out, _ = run(capsys, "--db", ctx.url, "eskalasi", "--tanggal", "2026-09-01",
                       "--as", "supervisor", *AS)  # fmt: skip
    assert code == 0 and f"{case.tracking_number}: dinaikkan ke Pengawas" in out
    code, out, _ = run(capsys, "--db", ctx.url, "eskalasi", "--tanggal", "2026-09-02",
                       "--as", "supervisor", *AS)  # fmt: skip
    assert code == 0 and out.strip() == "0 kasus dinaikkan."
    code, out, _ = run(capsys, "--db", ctx.url, "tinjauan", "list", "--as", "supervisor", *AS)
    assert "Eskalasi" in out and case.tracking_number in out
    assert session.scalars(select(Case.escalated_to)).one() == "supervisor"


def test_prelist_reviewed_then_musdes_and_siksng(ctx, gateway, office, session, capsys):
    gateway.call(use_profile, office[Role.ADMIN], "empat_lawang")  # 9(6)b
    result = propose(gateway, office, 3)
    pid = str(result.prelist_id)
    code, out, _ = run(capsys, "--db", ctx.url, "tinjauan", "list", "--as", "supervisor", *AS)
    assert pid in out and "Tinjauan pre-list" in out
    code, out, _ = run(capsys, "--db", ctx.url, "tinjauan", "prelist", pid, "--setuju",
                       "--as", "supervisor", *AS)  # fmt: skip
    assert code == 0 and "Disetujui" in out
    musdes = ("tinjauan", "musdes", pid, "--tanggal", "2026-08-07", "--siksng", "SIKS-0042")
    code, out, _ = run(capsys, "--db", ctx.url, *musdes, "--as", "backoffice", *AS)
    assert code == 0 and "siks_ng" in out
    session.expire_all()
    p = session.get(PrelistProposal, result.prelist_id)
    assert (p.status, str(p.musdes_date), p.siksng_ref) == ("siks_ng", "2026-08-07", "SIKS-0042")
