"""The citizen's status page: the receipt's QR links to it with a check code drawn at the
counter; the page shows the status, the next step and where to go, never a name, a NIK or the
complaint; a wrong code is the same as an unknown number; it is rate-limited; and the counter
still finds the case from the scanned QR."""

from __future__ import annotations

import re

import requests
from sqlalchemy import select

from kiosk.models import Case, Person
from kiosk.roles import Role
from kiosk.services.case_views import find_case
from kiosk.services.setup import require_site
from kiosk.status_link import ALPHABET, LENGTH
from printing.decode import decode
from printing.paper import Paper
from printing.receipts import receipt_slip
from printing.thermal import render_receipt
from tests.backoffice.helpers import MONDAY, open_case
from tests.sync.web_helpers import add_users, log_in, referral_at_kabupaten, token


def test_the_receipt_qr_opens_the_status_page_and_only_with_its_code(
    gateway, office, kiosk, upstream, session
):
    result = open_case(gateway, office)
    other = open_case(gateway, office)
    codes = dict(session.execute(select(Case.tracking_number, Case.check_code)).all())
    code = codes[result.tracking_number]
    assert re.fullmatch(f"[{ALPHABET}]{{{LENGTH}}}", code) and code != codes[other.tracking_number]
    link = f"{upstream.url}/status/{result.tracking_number}?k={code}"
    assert result.qr_text == link
    site = gateway.call(require_site)
    slip = receipt_slip(site, result, "Petugas", MONDAY)
    assert decode(render_receipt(slip, Paper.of(80))).native_qr == [link]
    kiosk.run_once()
    page = requests.get(link, timeout=5)
    words = page.text
    assert page.status_code == 200 and "Diterima" in words and "Langkah berikutnya" in words
    assert result.person_name not in words and "PKH tahap 3 belum cair" not in words
    nik = session.get(Person, session.get(Case, result.case_id).person_id).nik
    assert nik not in words
    for wrong in (
        f"{upstream.url}/status/{result.tracking_number}",  # the number alone
        f"{upstream.url}/status/{result.tracking_number}?k={codes[other.tracking_number]}",
        f"{upstream.url}/status/3324012001-2608-99999?k={code}",
    ):
        refused = requests.get(wrong, timeout=5)
        assert refused.status_code == 404 and "tidak dikenal" in refused.text
        assert "supervisor memeriksanya lebih dulu" in refused.text  # why it may not be there
    # At the counter the scanned QR (the link) finds the case as the bare number does.
    found = gateway.call(find_case, office[Role.FRONT_OFFICE], link)
    assert found.tracking_number == result.tracking_number


def test_the_status_page_says_where_to_go_and_the_agency_answer(
    gateway, office, kiosk, upstream, session
):
    add_users(upstream.store)
    case, ref = referral_at_kabupaten(gateway, office, kiosk)
    web = upstream.thread.server.app
    manager, agency = web.test_client(), web.test_client()
    log_in(manager, "manajer")
    log_in(agency, "dinkes")
    link = f"/status/{case.tracking_number}?k={session.get(Case, case.case_id).check_code}"
    assert "menunggu keputusan SLRT kabupaten" in web.test_client().get(link).get_data(True)
    form = {"csrf_token": token(manager, "/web/"), "keputusan": "setuju"}
    manager.post(f"/web/rujukan/{ref}/putuskan", data=form)
    shown = web.test_client().get(link).get_data(as_text=True)
    assert "Dirujuk" in shown and "Dinas Kesehatan kabupaten" in shown
    form = {"csrf_token": token(agency, "/web/")}
    agency.post(f"/web/rujukan/{ref}/terima", data=form)
    agency.post(
        f"/web/rujukan/{ref}/jawab",
        data={**form, "outcome": "dilayani", "served_on": "2026-08-20", "given": "Kartu PBI"},
    )
    shown = web.test_client().get(link).get_data(as_text=True)
    assert "Sudah dilayani pada 20 Agustus 2026" in shown and "Butuh PBI-JK segera" not in shown


def test_the_status_page_is_rate_limited(kiosk, upstream):
    app = upstream.thread.server.app
    app.config["PUBLIC_LIMIT"] = "3 per minute"
    client = app.test_client()
    answers = [
        client.get(f"/status/3324012001-2608-0000{i}?k=AAAAAAAA").status_code for i in range(4)
    ]
    assert answers == [404, 404, 404, 429]
