"""``puskesos profile``: the regulations an office may follow, each value with its article, and
the administrator's choice, audited and queued for the kabupaten."""

import json

from sqlalchemy import select

from kiosk.models import AuditEntry, OutboxOperation, Site
from tests.conftest import PASSWORD
from ui.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_show_kendal_json_cites_the_articles(ctx, office, capsys):
    code, out, _ = run(capsys, "--db", ctx.url, "profile", "show", "kendal", "--json")
    assert code == 0
    body = json.loads(out)
    assert body["name"] == "kendal"
    assert [s["role"] for s in body["chains"]["resolution"]] == ["supervisor"]
    assert body["chains"]["resolution"][0]["cite"].startswith("Pasal 20 ayat (4)")
    assert "Pasal 18 huruf e" in body["due_days"]["urgency"]["biasa"]["cite"]
    assert body["due_days"]["urgency"]["biasa"]["cite"].startswith("pilihan kantor, tanpa pasal")
    code, out, _ = run(capsys, "--db", ctx.url, "profile", "show", "depok")
    assert code == 0 and "Ketua Puskesos [Pasal 14 ayat (3) huruf b]" in out


def test_list_and_use_as_admin(ctx, office, session, capsys):
    code, out, _ = run(capsys, "--db", ctx.url, "profile", "list")
    assert code == 0
    names = [line[2:].split()[0] for line in out.splitlines()]
    assert names == ["balangan", "barito_selatan", "depok", "empat_lawang", "kendal", "umum"]
    assert out.splitlines()[-1].startswith("* umum")
    pw = ("--as-password", PASSWORD)
    code, _, err = run(
        capsys, "--db", ctx.url, "profile", "use", "depok", "--as", "backoffice", *pw
    )
    assert code == 1 and "Gagal" in err  # an administrator's choice
    code, out, _ = run(capsys, "--db", ctx.url, "profile", "use", "depok", "--as", "admin", *pw)
    assert code == 0 and "depok" in out
    session.expire_all()
    assert session.scalars(select(Site.profile)).one() == "depok@2021.82"
    audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "profil_daerah_dipakai"))
    assert audit.one().detail == {"profile": "depok@2021.82", "before": "umum@1"}
    op = session.scalars(
        select(OutboxOperation).where(OutboxOperation.op_type == "profil_daerah_dipakai")
    ).one()
    assert op.payload["profile"] == "depok@2021.82"
    code, out, _ = run(capsys, "--db", ctx.url, "profile", "list")
    assert "* depok" in out
    code, _, err = run(capsys, "--db", ctx.url, "profile", "show", "atlantis")
    assert code == 1 and "tidak dikenal" in err
