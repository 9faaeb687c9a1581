"""Two counters, one family card: four processes registering different members of one No. KK
at the same moment end with one household holding all four (9 duplicates on SQLite and 142 on
PostgreSQL before No. KK was unique and claimed with ON CONFLICT)."""

from __future__ import annotations

import multiprocessing as mp

from sqlalchemy import func, select

from kiosk.models import Household, HouseholdMembership, OutboxOperation, Person
from kiosk.roles import Role

KK = "3324011203150007"
ROUNDS = 5


def _register(url: str, data_dir: str, actor, barrier, k: int, results) -> None:
    from kiosk.context import Gateway, KioskContext
    from kiosk.services.people import PersonInput, register_person

    ctx = KioskContext.open(url, data_dir, migrate=False)
    try:
        for r in range(ROUNDS):
            barrier.wait(30)
            Gateway(ctx).call(
                register_person,
                actor,
                PersonInput(
                    name=f"Anggota {r} {k}",
                    no_kk=KK[:-2] + f"{r + 11:02d}",
                    address="Dusun Krajan",
                    relationship="anak",
                ),
            )
        results.put(("ok", k))
    except Exception as exc:  # reported to the test
        results.put(("gagal", repr(exc)))
    finally:
        ctx.close()


def test_four_counters_registering_one_family_make_one_household(ctx, office, session):
    spawn = mp.get_context("spawn")
    barrier, results = spawn.Barrier(4), spawn.Queue()
    actor = office[Role.FRONT_OFFICE]
    procs = [
        spawn.Process(
            target=_register,
            args=(ctx.url, str(ctx.paths.data_dir), actor, barrier, k, results),
        )
        for k in range(4)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(30)
    assert all(o[0] == "ok" for o in outcomes), outcomes
    session.expire_all()
    per_card = dict(
        session.execute(select(Household.no_kk, func.count()).group_by(Household.no_kk)).all()
    )
    assert per_card == {KK[:-2] + f"{r + 11:02d}": 1 for r in range(ROUNDS)}
    members = session.execute(
        select(Household.no_kk, func.count())
        .join(Person, Person.household_id == Household.id)
        .group_by(Household.no_kk)
    ).all()
    assert {n for _, n in members} == {4}
    assert session.scalar(select(func.count()).select_from(HouseholdMembership)) == 4 * ROUNDS
    # the kabupaten hears of each household once
    created = session.scalar(
        select(func.count())
        .select_from(OutboxOperation)
        .where(OutboxOperation.op_type == "keluarga_didaftarkan")
    )
    assert created == ROUNDS
