"""The counter's lean NIK / No. KK lookup answers exactly as the session-based check does,
and a change anywhere (role removed, officer deactivated, snapshot swapped) counts at the
very next lookup even though it remembers roles and the snapshot between lookups."""

from datetime import date

import pytest

from kiosk.dtks.importer import import_snapshot
from kiosk.errors import AuthenticationError, PermissionDenied
from kiosk.number16 import digits16
from kiosk.roles import Role
from kiosk.services.dtks_check import check_dtks, search_dtks
from kiosk.services.officers import set_active, set_roles

HEADER = "NIK,No KK,Nama,Tgl Lahir,Hubungan,Alamat,RT,RW,Desil,PKH,BPNT"
ROWS = [
    "3324015708900003,3324011203150007,Siti Aminah,17-08-1990,Istri,Dusun Krajan,001,002,2,1,1",
    "3324011508850013,3324011203150007,Budi Santoso,15-08-1985,Kepala,Dusun Krajan,001,002,2,1,0",
    "3324010101150001,3324011203150007,Ayu Lestari,01-01-2015,Anak,Dusun Krajan,001,002,2,0,0",
    "3324012002700004,3324019901010002,Slamet,20-02-1970,Kepala,Dusun Kidul,003,001,,0,1",
]


@pytest.fixture
def snapshot(ctx, office, tmp_path):
    path = tmp_path / "dtsen.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    import_snapshot(ctx, office.admin, path, snapshot_date=date(2026, 10, 1))
    return path


@pytest.mark.parametrize(
    ("nik", "no_kk"),
    [
        ("3324015708900003", None),
        (None, "3324011203150007"),
        ("3324012002700004", "3324019901010002"),
        ("3324019999999991", None),
    ],
)
def test_check_answers_as_the_session_check_does(ctx, office, gateway, snapshot, nik, no_kk):
    fo = office[Role.FRONT_OFFICE]
    assert ctx.register.check(fo, nik, no_kk) == gateway.call(check_dtks, fo, nik, no_kk)


def test_find_number_gives_the_person_or_else_the_household(ctx, office, gateway, snapshot):
    bo = office[Role.BACK_OFFICE]
    person = ctx.register.find_number(bo, "3324 0157 0890 0003")
    assert [(e.name, e.decile, e.programmes, e.birth_date) for e in person] == [
        ("Siti Aminah", 2, ("BPNT", "PKH"), date(1990, 8, 17))
    ]
    assert person == gateway.call(search_dtks, bo, "3324015708900003")
    household = ctx.register.find_number(bo, "3324011203150007")
    assert [e.name for e in household] == ["Siti Aminah", "Budi Santoso", "Ayu Lestari"]
    assert ctx.register.find_number(bo, "3324019999999991") == []


def test_a_role_removed_or_an_officer_deactivated_counts_at_the_next_lookup(
    ctx, office, gateway, snapshot
):
    fo = office[Role.FRONT_OFFICE]
    assert ctx.register.check(fo, "3324015708900003").found  # roles now remembered
    gateway.call(set_roles, office.admin, fo.id, [Role.ADMIN])
    with pytest.raises(PermissionDenied):
        ctx.register.check(fo, "3324015708900003")
    gateway.call(set_roles, office.admin, fo.id, [Role.FRONT_OFFICE])
    assert ctx.register.find_number(fo, "3324015708900003")
    gateway.call(set_active, office.admin, fo.id, False)
    with pytest.raises(AuthenticationError):
        ctx.register.find_number(fo, "3324015708900003")


def test_an_officer_without_the_permission_is_refused(ctx, office, snapshot):
    with pytest.raises(PermissionDenied) as refused:
        ctx.register.check(office.admin, "3324015708900003")
    message = refused.value.message  # the register's own words, or the action's (PostgreSQL)
    assert "tidak berwenang" in message and "DTKS" in message


def test_a_new_snapshot_is_used_at_the_next_lookup(ctx, office, snapshot, tmp_path):
    fo = office[Role.FRONT_OFFICE]
    assert ctx.register.check(fo, "3324015708900003").snapshot_date == date(2026, 10, 1)
    newer = tmp_path / "baru.csv"
    newer.write_text(f"{HEADER}\n{ROWS[1]}\n", encoding="utf-8")
    import_snapshot(
        ctx, office.admin, newer, snapshot_date=date(2026, 11, 15), replace_smaller=True
    )
    gone = ctx.register.check(fo, "3324015708900003")
    assert not gone.found and gone.snapshot_date == date(2026, 11, 15)
    assert ctx.register.check(fo, "3324011508850013").found


def test_no_snapshot_yet(ctx, office):
    fo = office[Role.FRONT_OFFICE]
    result = ctx.register.check(fo, "3324015708900003")
    assert not result.found and result.snapshot_id is None
    assert ctx.register.find_number(fo, "3324015708900003") == []


@pytest.mark.parametrize(
    ("query", "village", "year"),
    [
        ("siti aminah", None, None),
        ("Boedi Santosa", None, None),
        ("ayu", None, 2015),
        ("Slamet", "3324012001", None),
        ("3324011203150007", None, None),
        ("...", None, None),
    ],
)
def test_search_answers_as_the_session_search_does(
    ctx, office, gateway, snapshot, query, village, year
):
    """Once the name index is built the register ranks with it and fetches the rows itself;
    before, it hands over to the session search (which builds it)."""
    fo = office[Role.FRONT_OFFICE]
    expected = gateway.call(search_dtks, fo, query, 10, village, year)  # builds the index
    assert ctx.register.search(fo, query, 10, village, year) == expected
    if query[0].isalpha() and village is None:
        assert expected, query


def test_the_register_and_the_session_path_read_a_number_query_alike():
    """One rule for both paths: typed spaces and dots dropped, 16 ASCII digits a number,
    anything else (a superscript digit pasted from a spreadsheet, 15 digits) a name."""
    assert digits16("3324 0157.0890 0003") == "3324015708900003"
    assert digits16("332401570890000³") is None
    assert digits16("332401570890000") is None
    assert digits16("Siti Aminah") is None
