"""NIK and No. KK rules as DOMAIN.md states them, with the officer's verdicts."""

from datetime import date

import pytest

from kiosk.identity import Severity, check_kk, check_nik, mask_nik

TODAY = date(2026, 11, 23)


def codes(check) -> list[str]:
    return [v.code for v in check.verdicts]


def test_valid_male_nik_decodes_birth_date_and_region():
    c = check_nik("3324011508900003", today=TODAY)
    assert c.ok and codes(c) == []
    assert c.sex == "L" and c.date_value == date(1990, 8, 15)
    assert c.region_label == "Kec. Plantungan, Kab. Kendal, Jawa Tengah"


def test_woman_has_forty_added_to_birth_day():
    c = check_nik("3324015708900003", today=TODAY)
    assert c.sex == "P" and c.date_value == date(1990, 8, 17)


def test_century_is_the_latest_not_in_the_future():
    assert check_nik("3324011508050001", today=TODAY).date_value == date(2005, 8, 15)
    # 01-12-26 is after today: 1926, not 2026
    assert check_nik("3324010112260001", today=TODAY).date_value == date(1926, 12, 1)
    assert check_nik("3324010111260001", today=TODAY).date_value == date(2026, 11, 1)


@pytest.mark.parametrize("nik", ["3324013208900003", "3324017208900003", "3324010008900003"])
def test_day_outside_both_ranges_is_an_overridable_error(nik):
    c = check_nik(nik, today=TODAY)
    assert "tanggal_lahir" in codes(c)
    assert not c.ok and c.overridable
    assert "41–71 untuk perempuan" in c.summary()


def test_impossible_calendar_date_is_refused():
    c = check_nik("3324013102900003", today=TODAY)  # 31 February
    assert codes(c) == ["tanggal_lahir"] and "tidak ada di kalender" in c.summary()


def test_leap_day_follows_the_century():
    assert check_nik("3324012902000001", today=TODAY).date_value == date(2000, 2, 29)
    assert not check_nik("3324012902010001", today=TODAY).ok


def test_serial_0000_is_refused_with_a_hint_about_excel():
    c = check_nik("3324011508900000", today=TODAY)
    assert codes(c) == ["nomor_urut"] and "Excel" in c.summary()


def test_unknown_region_is_only_a_warning():
    c = check_nik("9901011508900003", today=TODAY)
    assert c.ok
    assert codes(c) == ["wilayah_tidak_dikenal"]
    assert c.verdicts[0].severity is Severity.WARNING


def test_pre_split_papua_code_is_known_via_the_archive():
    c = check_nik("9101014507850002", today=TODAY)  # Merauke, before the 2022 split
    assert c.ok and codes(c) == ["wilayah_lama"]
    assert "Merauke" in (c.region_label or "")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("3.32401E+15", "notasi_ilmiah"),
        ("332401150890", "panjang"),
        ("33240115089O0003", "bukan_angka"),
        ("332401150890000\u00b3", "bukan_angka"),  # a superscript three
        ("", "kosong"),
    ],
)
def test_unreadable_numbers_cannot_be_overridden(raw, code):
    c = check_nik(raw, today=TODAY)
    assert codes(c) == [code]
    assert not c.overridable and c.number is None


def test_arabic_indic_digits_are_read_as_the_number():
    """A NIK typed or pasted in Arabic-Indic digits is the same number, not letters."""
    c = check_nik("\u0663\u0663\u0662\u0664011508900003", today=TODAY)
    assert c.number == "3324011508900003"


def test_separators_are_tolerated():
    assert check_nik("3324 0115 0890 0003", today=TODAY).number == "3324011508900003"


def test_no_checksum_is_applied():
    """Any serial 0001-9999 passes: the mod-11 'check digit' is folklore."""
    for serial in ("0001", "0002", "4567", "9999"):
        assert check_nik(f"332401150890{serial}", today=TODAY).ok


def test_kk_has_no_plus_forty_and_no_future_date():
    assert check_kk("3324011203150007", today=TODAY).date_value == date(2015, 3, 12)
    assert "tanggal_terbit" in codes(check_kk("3324015203150007", today=TODAY))
    assert codes(check_kk("3324011203150000", today=TODAY)) == ["nomor_urut"]


def test_mask_keeps_region_and_serial_only():
    assert mask_nik("3324011508900003") == "3324********0003"
    assert mask_nik(None) == "-"
