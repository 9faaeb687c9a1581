"""The contract's other two calls against the real server: online DTKS lookup and reference
data download."""

import pytest
import requests

from sync.client import ServerBusy


def test_online_dtks_lookup(kiosk, upstream):
    client = kiosk.client
    client.access_token = ""
    kiosk.run_once()  # gets a token
    with pytest.raises(ServerBusy):  # nothing loaded at the kabupaten yet: 503
        client.dtks_lookup("3324015708900003")
    requests.post(
        f"{upstream.url}/_admin/dtks",
        json={
            "snapshot_date": "2026-10-08",
            "rows": [{"nik": "3324015708900003", "decile": 2, "programmes": ["PKH", "BPNT"]}],
        },
        timeout=5,
    ).raise_for_status()
    found = client.dtks_lookup("3324015708900003")
    assert found == {
        "found": True,
        "snapshot_date": "2026-10-08",
        "decile": 2,
        "programmes": ["PKH", "BPNT"],
    }
    assert client.dtks_lookup("3324011508900013")["found"] is False


def test_reference_download(kiosk, upstream):
    assert kiosk.client.reference("holidays") is None  # not published yet: 404
    requests.post(
        f"{upstream.url}/_admin/reference/holidays",
        json={"version": "2027.1", "items": [{"date": "2027-01-01", "name": "Tahun Baru"}]},
        timeout=5,
    ).raise_for_status()
    data = kiosk.client.reference("holidays")
    assert data["version"] == "2027.1" and data["items"][0]["date"] == "2027-01-01"
