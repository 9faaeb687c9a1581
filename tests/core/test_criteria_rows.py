"""Programme criteria as form rows: every shipped rule shows as rows and comes back the same; a
value that cannot be read is refused by its row's number; a stored rule's values are checked."""

from __future__ import annotations

import json

import pytest

from kiosk.criteria import ONE_OF, Criterion, rows_of, rule_of
from kiosk.eligibility import check_rule
from kiosk.errors import ValidationError
from kiosk.services.reference import REFERENCE_DIR

CATALOGUE = json.loads((REFERENCE_DIR / "programmes.json").read_text(encoding="utf-8"))
CODES = [p["code"] for p in CATALOGUE["programmes"]]


@pytest.mark.parametrize("programme", CATALOGUE["programmes"], ids=CODES)
def test_each_shipped_rule_is_rows_and_back(programme):
    rule = programme.get("rules", {})
    assert rule_of(rows_of(rule), CODES) == rule


def test_rows_make_the_rule_the_counter_reads():
    rows = [
        Criterion("desil", "paling_tinggi", " 3 "),
        Criterion("usia_anggota", "antara", "0 - 5", ONE_OF),
        Criterion("usia_anggota", "paling_rendah", "60", ONE_OF),
        Criterion("program", "tidak_menerima", "pkh, BPNT"),
    ]
    assert rule_of(rows, CODES) == {
        "all": [
            {"decile_max": 3},
            {"not_receiving": ["PKH", "BPNT"]},
            {"any": [{"member_age": [0, 5]}, {"member_age": [60, 200]}]},
        ]
    }
    assert rule_of([], CODES) == {}


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (Criterion("desil", "paling_tinggi", "empat"), "Baris 2: desil ditulis sebagai angka 1"),
        (Criterion("desil", "paling_tinggi", "11"), "Baris 2: desil"),
        (Criterion("usia_anggota", "antara", "6-2"), "Baris 2: rentang usia ditulis 'dari-sampai'"),
        (Criterion("usia_anggota", "paling_rendah", ""), "Baris 2: usia ditulis sebagai angka"),
        (Criterion("program", "tidak_menerima", "PKH, KAMBING"), "Tidak dikenal: KAMBING."),
        (Criterion("desil", "antara", "4"), "Baris 2: pilih data dan ujinya dari daftar."),
    ],
)
def test_a_value_that_cannot_be_read_names_its_row(row, words):
    with pytest.raises(ValidationError) as refused:
        rule_of([Criterion("domisili", "di_desa_ini"), row], CODES)
    assert words in refused.value.message


def test_a_deeper_rule_is_not_forced_into_rows():
    deep = {"any": [{"all": [{"decile_max": 2}, {"resident": True}]}, {"pregnant": True}]}
    assert rows_of(deep) is None


@pytest.mark.parametrize(
    "rule",
    [{"decile_max": "4"}, {"member_age": [60]}, {"not_receiving": []}, {"resident": "ya"}],
)
def test_a_stored_rule_with_a_value_the_test_cannot_read_is_refused(rule):
    with pytest.raises(ValidationError) as refused:
        check_rule({"all": [rule]})
    assert "tidak dapat dipakai" in refused.value.message
