"""``Cetak surat rujukan`` on the kabupaten's case page: the Puskesos's own A4 referral letter
(read back as text from the PDF), for an approved referral only, with the whole NIK for the
roles that serve or decide and a masked one for the others; every print audited."""

from __future__ import annotations

from kabupaten import people
from kabupaten.casework import mask_nik
from kiosk.models import Case, Person
from tests.backoffice.test_letters import text
from tests.sync.web_helpers import add_users, log_in, referral_at_kabupaten, token


def test_the_approved_referral_letter_prints_with_the_nik_as_the_role_may_see_it(
    gateway, office, kiosk, upstream, session
):
    add_users(upstream.store)
    case, ref = referral_at_kabupaten(gateway, office, kiosk)
    person = session.get(Person, session.get(Case, case.case_id).person_id)
    app = upstream.thread.server.app
    clients = {}
    for name in ("manajer", "dinkes", "kadis", "bpjs"):
        clients[name] = app.test_client()
        log_in(clients[name], name)
    url = f"/web/rujukan/{ref}/surat"
    early = clients["manajer"].get(url)
    assert early.status_code == 409 and "setelah rujukan disetujui" in early.text
    manager = clients["manajer"]
    decision = {"keputusan": "setuju", "csrf_token": token(manager, "/web/")}
    manager.post(f"/web/rujukan/{ref}/putuskan", data=decision)
    assert "Cetak surat rujukan" in manager.get(f"/web/rujukan/{ref}").text
    pdf = manager.get(url)
    assert pdf.mimetype == "application/pdf" and pdf.headers["Cache-Control"] == "no-store"
    words = text(pdf.data)
    for said in ("SURAT RUJUKAN", case.tracking_number, "Kepala Dinas Kesehatan kabupaten"):
        assert said in words, said
    assert person.name in words and "Butuh PBI-JK segera" in words
    assert "Sukamaju" in words and "Manajer SLRT kabupaten" in words
    assert person.nik in words
    assert person.nik in text(clients["dinkes"].get(url).data)  # the agency serves the person
    viewer = text(clients["kadis"].get(url).data)
    assert person.nik not in viewer and mask_nik(person.nik) in viewer
    assert clients["bpjs"].get(url).status_code == 404  # not addressed to it
    printed = [
        r["username"]
        for r in people.audit_rows(upstream.store.engine)
        if r["action"] == "surat_rujukan_dicetak"
    ]
    assert printed == ["manajer", "dinkes", "kadis"]
