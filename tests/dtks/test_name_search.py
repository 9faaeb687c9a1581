"""Name search in the snapshot: spelling variants and typos found, narrowing by village and
birth year, and a large snapshot answering from SQL while its index builds."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from kiosk.dtks import name_index
from kiosk.dtks.importer import import_snapshot
from kiosk.roles import Role
from kiosk.services.dtks_check import search_dtks

ROWS = [
    ("3324015708900003", "Hj. Siti Fatimah", "17-08-1990", "3324012001"),
    ("3324011508900013", "Muhammad Soekarno", "15-08-1990", "3324012001"),
    ("3324014101850004", "Sri Rahayu", "01-01-1985", "3324012002"),
    ("3324014101900005", "Sri Rahayu", "01-01-1990", "3324012001"),
    ("3324010101800006", "Joko Widodo", "01-01-1980", "3324012002"),
    ("3324010202800007", "Nurhayati Tjahjono", "02-02-1980", "3324012001"),
]


@pytest.fixture
def snapshot(ctx, office, tmp_path):
    lines = ["NIK,Nama,TglLahir,Kode Desa"] + [",".join(r) for r in ROWS]
    path = tmp_path / "dtsen.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_snapshot(ctx, office.admin, path)


def names(gateway, office, query, **kw) -> list[str]:
    return [e.name for e in gateway.call(search_dtks, office[Role.FRONT_OFFICE], query, 10, **kw)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Moh. Sukarno", "Muhammad Soekarno"),  # Muhammad variants, old spelling oe/u
        ("M Soekarno", "Muhammad Soekarno"),
        ("siti fatima", "Hj. Siti Fatimah"),  # title dropped, final h
        ("Siti Fatimha", "Hj. Siti Fatimah"),  # a typo name_key cannot fold
        ("Nurhajati Cahyono", "Nurhayati Tjahjono"),  # old spelling dj/tj, y/i
        ("Djoko Widdodo", "Joko Widodo"),  # doubled letter
        ("Jokko Widodp", "Joko Widodo"),  # two typos
    ],
)
def test_spelling_variants_and_typos_are_found_first(snapshot, gateway, office, query, expected):
    assert names(gateway, office, query)[0] == expected


def test_a_first_name_alone_finds_everyone_with_it(snapshot, gateway, office):
    assert sorted(names(gateway, office, "Sri")) == ["Sri Rahayu", "Sri Rahayu"]


def test_narrowed_by_village_and_birth_year(snapshot, gateway, office):
    by_village = gateway.call(
        search_dtks, office[Role.FRONT_OFFICE], "Sri Rahayu", 10, village="3324012002"
    )
    assert [e.nik for e in by_village] == ["3324014101850004"]
    by_year = gateway.call(
        search_dtks, office[Role.FRONT_OFFICE], "Sri Rahayu", 10, birth_year=1990
    )
    assert [e.nik for e in by_year] == ["3324014101900005"]
    assert names(gateway, office, "Sri Rahayu", birth_year=1975) == []


def test_unrelated_names_are_not_offered(snapshot, gateway, office):
    assert names(gateway, office, "Bambang Pamungkas") == []


def test_a_large_snapshot_answers_from_sql_while_its_index_builds(
    snapshot, ctx, gateway, office, monkeypatch
):
    deadline = time.time() + 10
    while name_index._building and time.time() < deadline:  # the import's own warm-up
        time.sleep(0.02)
    name_index._cache.clear()
    for saved in Path(ctx.engine.url.database).parent.glob("dtks-nama-*.idx"):  # not kept
        saved.unlink()
    monkeypatch.setattr(name_index, "BUILD_INLINE_ROWS", 2)  # "large" = more than two rows
    go = threading.Event()
    real_build = name_index.NameIndex.build

    def slow_build(session, snapshot_id):
        go.wait(10)
        return real_build(session, snapshot_id)

    monkeypatch.setattr(name_index.NameIndex, "build", staticmethod(slow_build))
    assert names(gateway, office, "Moh Sukarno") == ["Muhammad Soekarno"]  # exact family
    assert names(gateway, office, "Siti Fatimha") == []  # no typo tolerance yet
    go.set()
    deadline = time.time() + 10
    while not name_index._cache and time.time() < deadline:
        time.sleep(0.05)
    assert names(gateway, office, "Siti Fatimha") == ["Hj. Siti Fatimah"]
