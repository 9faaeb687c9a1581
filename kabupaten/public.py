"""The citizen's status page, opened from the receipt's QR: ``/status/<nomor>?k=<kode>``.

Tracking numbers are sequential, so the number alone would let anyone walk through every case:
the page also needs the short check code the kiosk drew from a secure random source when it
recorded the case (sent upstream with it, printed only in the QR). A wrong code and an unknown
number get the same answer, the page is rate-limited per address (Flask-Limiter), and it never
shows a name, a NIK or the complaint: the status, the next step and where to go. The case and
its referrals are found through :mod:`kabupaten.case_index`, never by reading every operation.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask, render_template, request
from flask_limiter import Limiter

from kabupaten import case_index
from kabupaten import casework as cw
from kabupaten.store import Store
from kabupaten.tables import agency_answers
from kiosk import case_rules as rules
from kiosk.clock import tanggal

NEXT_STEPS = {
    "diterima": "Pengaduan Anda sedang dipelajari petugas Puskesos.",
    "ditelaah": "Petugas menelaah pengaduan Anda; Anda akan dihubungi bila perlu.",
    "diproses": "Petugas sedang menindaklanjuti pengaduan Anda.",
    "menunggu_persetujuan": "Menunggu persetujuan atasan petugas.",
    "selesai": "Layanan selesai. Ambil surat hasil di Puskesos desa bila belum.",
    "dirujuk": "Datanglah ke tempat rujukan di bawah dengan membawa surat rujukan.",
    "ditolak": "Datanglah ke Puskesos desa untuk penjelasan.",
    "ditutup": "Kasus ditutup.",
}
WAITING_KABUPATEN = "Rujukan menunggu keputusan SLRT kabupaten."


@cache
def destination_labels() -> dict[str, str]:
    path = Path(__file__).resolve().parent.parent / "resources" / "reference" / "lists.json"
    items = json.loads(path.read_text(encoding="utf-8"))["lists"]["tujuan_rujukan"]
    return {i["code"]: i["label"] for i in items}


def case_status(store: Store, number: str, code: str) -> dict[str, Any] | None:
    """What the page may show, or None for an unknown number or a wrong code (the same)."""
    found = case_index.find_case(store.engine, number, code)
    if found is None:
        return None
    case_id, office = found
    status = "diterima"
    for _k, _at, item in cw._ops(store, "kasus_status", among=[case_id], office=office):
        status = str(item["payload"].get("to") or status)
    for change in cw._changes(store, "case_status", [case_id]):
        status = str(change.get("status") or status)
    shown: dict[str, Any] = {
        "number": number,
        "status": rules.STATUS_LABELS.get(status, status),  # type: ignore[call-overload]
        "next": NEXT_STEPS.get(status, ""),
        "where": "",
        "answer": "",
    }
    among = case_index.referrals_of(store.engine, case_id, office)
    refs = cw.referrals(store, date.today(), among) if among else []
    if refs:
        ref = refs[-1]
        if ref.waiting:
            shown["next"] = WAITING_KABUPATEN
        elif ref.approved:
            shown["status"] = rules.STATUS_LABELS[rules.REFERRED]
            shown["next"] = NEXT_STEPS["dirujuk"]
            shown["where"] = destination_labels().get(ref.destination, ref.destination)
        answer, done = _agency_answer(store, ref.referral_id)
        if answer:
            shown["answer"] = answer
        if done:
            shown["next"] = done
    return shown


def _agency_answer(store: Store, referral_id: str) -> tuple[str, str]:
    """The agency's answer in the citizen's words, and the next step once it answered."""
    with store.engine.connect() as c:
        row = c.execute(
            agency_answers.select().where(agency_answers.c.referral_id == referral_id)
        ).first()
    if row is None:
        return "", ""
    if row.outcome == "dilayani":
        day = tanggal(date.fromisoformat(row.served_on))
        return f"Sudah dilayani pada {day}.", "Layanan rujukan sudah diberikan."
    if row.outcome == "ditolak":
        return "Tidak dapat dilayani oleh instansi tujuan.", NEXT_STEPS["ditolak"]
    return "Rujukan sudah diterima instansi tujuan.", ""


def public_routes(app: Flask, store: Store, limiter: Limiter) -> None:
    @app.get("/status/<number>")
    @limiter.limit(lambda: app.config["PUBLIC_LIMIT"])
    def status_page(number: str) -> tuple[str, int]:
        shown = case_status(store, number[:40], request.args.get("k", "")[:40])
        if shown is None:
            return render_template("status.html", shown=None), 404
        return render_template("status.html", shown=shown), 200
