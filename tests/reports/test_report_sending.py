"""What a report sent upstream carries: the office's counts as they are for the kabupaten's
staff, and counts under five hidden (as on the public papan) only where the regional profile
marks the report public."""

from __future__ import annotations

import json

from kiosk.profiles.document import Profile
from kiosk.services.report_submit import _payload

DUE = {
    "name": "Laporan kegiatan Puskesos",
    "period": "triwulan",
    "period_cite": "pilihan kantor, tanpa pasal",
    "recipient": "SLRT kabupaten",
    "cite": "pilihan kantor, tanpa pasal",
}


def _served(payload: dict) -> list:
    table = next(
        t
        for t in payload["tables"]
        if t["indicator"] == "warga_dilayani" and t["dimension"] == "channel"
    )
    return [values for _key, _label, values in table["rows"]]


def test_small_counts_hidden_only_in_a_public_report(report):
    staff = _payload(report, [DUE], 1)
    shown = _payload(report, [dict(DUE, public=True)], 1)
    assert not staff["public"] and shown["public"]
    assert any(v in (1, 2, 3, 4) for row in _served(staff) for v in row)
    assert "<5" in json.dumps(_served(shown)) and not any(
        v in (1, 2, 3, 4) for row in _served(shown) for v in row
    )
    assert "Warga ali" not in json.dumps(staff)  # counts and words, never a name


def test_a_profile_may_mark_its_report_public():
    from kiosk.profiles import shipped

    body = json.loads(json.dumps(shipped()["depok"].body))
    body["reports"][0]["public"] = True
    assert Profile.parse(body).reports()[0]["public"] is True
