"""Ranking candidates: deterministic, explained, ties broken by the stated rule, exclusions
listed; the service reads the village's households from the snapshot, the counter's records
and the recorded needs; the command gives the same order."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest

from kiosk.errors import PermissionDenied, ValidationError
from kiosk.ranking import Candidate, rank
from kiosk.roles import Role
from kiosk.services.ranking import rank_candidates
from tests.conftest import PASSWORD
from ui.cli import main

BASE = Candidate("K", "Kepala", "", "KK", 3, 4, 0, 0, 0, 0, False, frozenset(), True)


def c(key, **kw):
    return replace(BASE, key=key, no_kk=key, **kw)


def test_the_order_is_the_same_whatever_the_input_order():
    people = [
        c("A", decile=1),
        c("B", decile=2, children=2),
        c("C", decile=2, children=2),
        c("D", decile=4, disability=1),
        c("E", decile=1, members=6),
    ]
    first = rank(people, "BLT-DD", 2)
    for seed in range(5):
        shuffled = people[:]
        random.Random(seed).shuffle(shuffled)
        assert [r.candidate.key for r in rank(shuffled, "BLT-DD", 2).ranked] == [
            r.candidate.key for r in first.ranked
        ]
    # B and C tie on every fact: the key decides, as stated.
    keys = [r.candidate.key for r in first.ranked]
    assert keys.index("B") + 1 == keys.index("C")
    assert [r.within_quota for r in first.ranked][:3] == [True, True, False]


def test_ties_go_to_the_lower_decile_then_the_larger_household():
    # Same score by construction: weights only on size.
    w = {"size": 1.0}
    ranked = rank([c("X", decile=3), c("Y", decile=2)], "P", 1, w).ranked
    assert [r.candidate.key for r in ranked] == ["Y", "X"]
    ranked = rank([c("X", members=3, decile=2), c("Y", members=3, decile=2)], "P", 1, w).ranked
    assert [r.candidate.key for r in ranked] == ["X", "Y"]


def test_each_rank_is_explained_and_exclusions_have_a_reason():
    result = rank(
        [
            c("A", decile=1, disability=2),
            c("B", decile=2, receiving=frozenset({"BLT-DD"})),
            c("C", decile=2, resident=False),
            c("D", decile=None),
        ],
        "BLT-DD",
        5,
    )
    (top,) = result.ranked
    assert top.reasons[0].startswith("desil 5,00") and "disabilitas 3,00" in top.reasons
    reasons = {e.candidate.key: e.reason for e in result.excluded}
    assert reasons == {
        "B": "sudah menerima BLT-DD",
        "C": "tinggal di luar desa ini",
        "D": "desil tidak ada di DTKS/DTSEN (data belum lengkap)",
    }


def test_bad_weights_and_quota_are_refused():
    with pytest.raises(ValidationError):
        rank([BASE], "P", 1, {"goats": 1.0})
    with pytest.raises(ValidationError):
        rank([BASE], "P", 0)
    with pytest.raises(ValidationError):
        rank([BASE], "P", 1, {"decile": -1.0})


def test_the_village_is_ranked_from_snapshot_counter_and_needs(gateway, office, village):
    result = gateway.call(rank_candidates, office[Role.COORDINATOR], "BLT-DD", 1)
    order = [r.candidate.key for r in result.ranked]
    assert order == ["F1", "F2"]  # F1: decile 1, elderly, disabled member, need recorded
    assert result.ranked[0].within_quota and not result.ranked[1].within_quota
    assert any(r.startswith("kebutuhan tercatat") for r in result.ranked[0].reasons)
    excluded = {e.candidate.no_kk: e.reason for e in result.excluded}
    assert excluded["3324010101000003"] == "sudah menerima BLT-DD"
    assert "data belum lengkap" in excluded["3324010101000077"]
    assert "3324010101000009" not in excluded  # another village's family is not listed
    with pytest.raises(PermissionDenied):  # names: not for the administrator's account
        gateway.call(rank_candidates, office[Role.ADMIN], "BLT-DD", 1)


def test_the_command_ranks_the_same(ctx, office, village, capsys, monkeypatch):
    monkeypatch.setenv("PUSKESOS_PASSWORD", PASSWORD)
    db = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
    args = ["programmes", "rank", "BLT-DD", "--quota", "1", "--as", "coordinator", "--json"]
    assert main([*args, *db]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["key"] for r in out["ranked"]] == ["F1", "F2"]
    assert all("*" in r["nik"] for r in out["ranked"])
    assert main([*args[:-1], "--weight", "kambing=2", *db]) == 1


def test_the_list_for_the_village_meeting(ctx, office, village, tmp_path, monkeypatch, capsys):
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    monkeypatch.setenv("PUSKESOS_PASSWORD", PASSWORD)
    db = ["--db", ctx.url, "--data-dir", str(ctx.paths.data_dir)]
    out = tmp_path / "musdes"
    args = ["programmes", "rank", "BLT-DD", "--quota", "1", "--as", "coordinator"]
    assert main([*args, "--out", str(out), *db]) == 0
    pdf = next(out.glob("*.pdf"))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "PERINGKAT CALON PENERIMA BLT-DD" in text and "Kepala F1" in text
    assert "3324010101000001" in text  # the No. KK whole, on one line
    assert "3324010101000001" not in text.replace("3324010101000001", "", 1)  # once: NIK masked
    assert "sudah menerima BLT-DD" in text
    sheet = load_workbook(next(out.glob("*.xlsx")))["Peringkat"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=3)]
    assert rows[0][0] == 1 and rows[0][1] == "ya" and rows[0][4] == "3324010101000001"
    assert "*" in rows[0][3]
