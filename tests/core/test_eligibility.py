"""Programme criteria as data, against households built here with known answers: the age and
decile edges, facts the office does not have (pregnancy, a missing birth date, no decile), the
office's own criteria kept across a reload, and the same answer from the command line."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from kiosk.eligibility import HouseholdFacts, Member, check_rule, evaluate
from kiosk.errors import PermissionDenied, ValidationError
from kiosk.models import DtksRecord, DtksSnapshot, Household, Person, Programme
from kiosk.roles import Role
from kiosk.services.eligibility import eligible_programmes, set_programme_rules
from kiosk.services.reference import load_reference
from tests.conftest import PASSWORD
from ui.cli import main

TODAY = date(2026, 11, 26)
PKH = {
    "all": [
        {"decile_max": 4},
        {"any": [{"member_age": [0, 5]}, {"member_disability": True}, {"pregnant": True}]},
    ]
}


def facts(*born, decile=3, receiving=(), disability=None, resident=True):
    members = tuple(Member(b, disability) for b in born)
    return HouseholdFacts(members, decile, frozenset(receiving), resident, TODAY)


def test_age_edges_on_the_day():
    five_today = date(2021, 11, 26)  # turns 5 today: still 0-5
    six_today = date(2020, 11, 26)  # turns 6 today: not 0-5
    assert evaluate(PKH, facts(five_today)).verdict is True
    assert evaluate({"member_age": [0, 5]}, facts(six_today)).verdict is False
    assert evaluate({"member_age": [0, 5]}, facts(date(2020, 11, 27))).verdict is True


def test_decile_edges_and_unknown_decile():
    rule = {"decile_max": 4}
    assert evaluate(rule, facts(decile=4)).verdict is True
    assert evaluate(rule, facts(decile=5)).verdict is False
    unknown = evaluate(rule, facts(decile=None))
    assert unknown.verdict is None and "tidak diketahui" in unknown.unknown()[0]


def test_unknown_facts_make_a_hint_not_a_refusal():
    adult = date(1980, 1, 1)
    # No small child, no disability: only pregnancy (never recorded) could qualify them.
    result = evaluate(PKH, facts(adult, adult))
    assert result.verdict is None
    assert result.unknown() == ["ada ibu hamil (tidak dicatat di loket)"]
    assert "ada anggota berusia 0-5 tahun" in result.failed()
    # A member with no birth date: the age test cannot say no.
    assert evaluate({"member_age": [0, 5]}, facts(adult, None)).verdict is None
    # A failed decile outweighs everything unknown.
    assert evaluate(PKH, facts(adult, decile=7)).verdict is False


def test_not_receiving_and_residence():
    blt = {"all": [{"decile_max": 1}, {"resident": True}, {"not_receiving": ["PKH", "BPNT"]}]}
    assert evaluate(blt, facts(decile=1)).verdict is True
    on_pkh = evaluate(blt, facts(decile=1, receiving={"PKH"}))
    assert on_pkh.verdict is False and "menerima PKH" in on_pkh.failed()[0]
    assert evaluate(blt, facts(decile=1, resident=None)).verdict is None


def test_a_rule_with_an_unknown_test_is_refused():
    with pytest.raises(ValidationError):
        check_rule({"all": [{"decile_max": 4}, {"owns_goats": True}]})
    with pytest.raises(ValidationError):
        check_rule({"any": []})
    assert check_rule(PKH) == PKH


@pytest.fixture
def family(gateway, office):
    """A family of three registered at the counter: a toddler, the mother (disability), the
    father; on the snapshot with decile 3 and BPNT."""

    def build(s):
        hh = Household(no_kk="3324010101200003", village_code="3324012001")
        s.add(hh)
        s.flush()
        for nik, name, born, dis in (
            ("3324011508800001", "Ayah", date(1980, 8, 15), None),
            ("3324015508850002", "Ibu", date(1985, 8, 15), "PDFSK"),
            ("3324011508230003", "Anak", date(2023, 8, 15), None),
        ):
            s.add(Person(nik=nik, name=name, birth_date=born, disability=dis, household_id=hh.id))
        snap = DtksSnapshot(
            source="uji", imported_at=datetime(2026, 10, 1).astimezone(), status="active"
        )
        s.add(snap)
        s.flush()
        s.add(
            DtksRecord(
                snapshot_id=snap.id,
                nik="3324011508800001",
                no_kk=hh.no_kk,
                name="Ayah",
                decile=3,
                programmes="BPNT",
            )
        )

    gateway.call(build)


def test_the_household_gets_hints_with_reasons(gateway, office, family):
    found = gateway.call(eligible_programmes, office[Role.FRONT_OFFICE], None, "3324011508800001")
    assert found.decile == 3 and found.receiving == ("BPNT",)
    hints = {h.code: h for h in found.hints}
    assert "BPNT" not in hints  # already received
    assert hints["PKH"].verdict is True
    assert "ada anggota berusia 0-5 tahun" in hints["PKH"].met
    assert hints["ATENSI"].verdict is True  # the mother's disability
    assert "BLT-DD" not in hints  # decile 3 is not extreme poverty
    assert "PIP" not in hints  # no child of school age


def test_the_offices_criteria_survive_a_reload(gateway, office, family):
    admin = office[Role.ADMIN]
    mine = {"all": [{"decile_max": 3}, {"resident": True}]}
    gateway.call(set_programme_rules, admin, "BLT-DD", mine)
    gateway.call(load_reference)
    rules = gateway.call(lambda s: s.query(Programme).filter_by(code="BLT-DD").one().rules)
    assert rules == mine
    found = gateway.call(eligible_programmes, office[Role.FRONT_OFFICE], None, "3324011508800001")
    assert "BLT-DD" in {h.code for h in found.hints}
    shipped = gateway.call(set_programme_rules, admin, "BLT-DD", None)
    assert shipped["all"][0] == {"decile_max": 1}
    with pytest.raises(PermissionDenied):
        gateway.call(set_programme_rules, office[Role.FRONT_OFFICE], "PKH", mine)


def test_the_command_gives_the_same_answer(ctx, office, family, capsys, monkeypatch):
    monkeypatch.setenv("PUSKESOS_PASSWORD", PASSWORD)
    db = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
    args = ["programmes", "eligible", "3324011508800001", "--as", "frontoffice", "--json", *db]
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert {h["code"] for h in out["hints"]} >= {"PKH", "ATENSI"} and out["decile"] == 3
    assert main(["programmes", "eligible", "3324019999999999", "--as", "frontoffice", *db]) == 1


def test_the_person_profile_shows_the_household_and_the_hints(gateway, office, family, session):
    from kiosk.models import AuditEntry, PpksRecord
    from kiosk.services.person_profile import person_profile

    ibu = session.scalars(select(Person).where(Person.name == "Ibu")).one()
    gateway.call(
        lambda s: s.add(
            PpksRecord(
                subject="orang",
                person_id=ibu.id,
                ppks_type="penyandang_disabilitas",
                source="kunjungan",
                recorded_on=date(2026, 11, 2),
                recorded_by=office[Role.FRONT_OFFICE].id,
            )
        )
    )
    p = gateway.call(person_profile, office[Role.BACK_OFFICE], ibu.id)
    assert p.nik_masked.startswith("3324") and "*" in p.nik_masked
    assert p.no_kk == "3324010101200003" and p.sex == "Tidak diketahui"
    assert [m.name for m in p.members] == ["Ayah", "Ibu", "Anak"]  # eldest first
    assert [m.is_subject for m in p.members] == [False, True, False]
    assert p.eligibility.decile == 3 and "PKH" in {h.code for h in p.eligibility.hints}
    assert len(p.ppks) == 1 and "02-11-2026" in p.ppks[0]
    assert session.scalar(select(AuditEntry.id).where(AuditEntry.action == "profil_warga_dilihat"))
    with pytest.raises(PermissionDenied):  # the administrator does not read citizens' files
        gateway.call(person_profile, office[Role.ADMIN], ibu.id)
