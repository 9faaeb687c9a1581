"""The referral letter printed from the kabupaten's case page (``Cetak surat rujukan``).

The same A4 letter the Puskesos prints (:func:`printing.documents.referral_letter`, reportlab,
Qt-free): a letter that reaches an agency looks the same whoever printed it. The facts come from
what the office sent (its ``puskesos_diatur``, the person, the referral, the approvals) and the
kabupaten's own decision. The NIK is whole only for the roles that need it to decide or to
serve the citizen (:data:`kabupaten.people.SEE_NIK`); the others get it masked.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import Blueprint, Response
from flask_login import current_user, login_required

from kabupaten import casework as cw
from kabupaten import people
from kabupaten.public import destination_labels
from kabupaten.store import Store
from kiosk import case_rules as rules
from kiosk.clock import tanggal
from kiosk.regions import region_book
from kiosk.services.setup import SiteView
from printing.documents import Header, PersonFacts, ReferralFacts, Signer, referral_letter

SEX = {"L": "Laki-laki", "P": "Perempuan"}


def _site(store: Store, office: str) -> SiteView:
    """The sending office's letterhead from its own set-up message and the region list."""
    name = f"Puskesos {office}"
    for _k, _at, item in cw._ops(store, "puskesos_diatur", office=office):
        name = str((item["payload"].get("site") or {}).get("name") or name)
    code = office if office.isdigit() and len(office) == 10 else ""
    district = region_book().district(code[:6]) if code else None
    village = name.removeprefix("Puskesos ").removeprefix("Desa ").removeprefix("Kelurahan ")
    return SiteView(
        name=name,
        village_code=code or "0000002000",
        village_name=village,
        district_name=district.name if district else "",
        regency_name=district.regency if district else "",
        province_name=district.province if district else "",
        office_code=office,
        timezone="Asia/Jakarta",
        address="",
        head_name="",
        idle_lock_minutes=0,
    )


def _person(facts: cw.CaseFacts, whole_nik: bool) -> PersonFacts:
    p = facts.person
    nik = str(p.get("nik") or "")
    born = p.get("birth_date")
    birth = ", ".join(
        x
        for x in (
            str(p.get("birth_place") or ""),
            tanggal(date.fromisoformat(born)) if born else "",
        )
        if x
    )
    return PersonFacts(
        name=str(p.get("name") or "-"),
        nik=(nik if whole_nik else cw.mask_nik(nik)) or None,
        birth=birth,
        sex=SEX.get(str(p.get("sex") or ""), ""),
        disability=str(p.get("disability") or ""),
        dtks=DTKS.get(str(facts.case.get("dtks_status") or ""), ""),
    )


DTKS = {"terdaftar": "Terdaftar di DTKS", "tidak_terdaftar": "Tidak terdaftar di DTKS"}


def _approvals(store: Store, ref: cw.Referral) -> tuple[Signer, ...]:
    """The office's steps of the approved round, then the kabupaten's decision."""
    found = []
    for _k, _at, item in cw._ops(store, "persetujuan_diputuskan", among=[ref.referral_id]):
        p = item["payload"]
        if int(p.get("round") or 1) == ref.round and p.get("decision") == cw.APPROVE:
            role = rules.STEP_LABELS.get(str(p.get("role")), str(p.get("role")))
            found.append(Signer(role, "", f"disetujui {_day(p.get('at'))}"))
    if ref.decision:
        note = f"disetujui {_day(ref.decision.get('at'))}"
        found.append(Signer(people.ROLE_LABELS[people.MANAGER], "", note))
    return tuple(found)


def _day(value: Any) -> str:
    try:
        return tanggal(datetime.fromisoformat(str(value)).date())
    except ValueError:
        return ""


def referral_pdf(store: Store, ref: cw.Referral, role: str, today: date) -> bytes:
    """The letter for an approved referral, as ``role`` may see it."""
    facts = cw.case_facts(store, ref.case_id)
    site = _site(store, ref.kiosk_id)
    destination = destination_labels().get(ref.destination, ref.destination)
    consent_at = facts_consent(store, ref)
    letter = ReferralFacts(
        tracking_number=ref.tracking_number,
        destination=f"Kepala {destination}",
        destination_address="di tempat",
        reason=ref.reason,
        request=ref.request or "Mohon tindak lanjut sesuai kewenangan.",
        consent=f"Warga menyetujui rujukan pada {consent_at}." if consent_at else "",
        approvals=_approvals(store, ref),
    )
    header = Header(site, ref.tracking_number, today)
    signer = Signer(people.ROLE_LABELS[people.MANAGER], "", "SLRT kabupaten")
    return referral_letter(header, _person(facts, role in people.SEE_NIK), letter, signer)


def facts_consent(store: Store, ref: cw.Referral) -> str:
    for _k, _at, item in cw._ops(store, "rujukan_dibuat", among=[ref.referral_id]):
        return _day(item["payload"].get("consent_at"))
    return ""


def letter_route(bp: Blueprint, store: Store) -> None:
    """``GET /web/rujukan/<id>/surat``: the PDF, for whoever may see the referral."""
    from kabupaten import web_cases

    @bp.get("/rujukan/<referral_id>/surat")
    @login_required
    def surat(referral_id: str) -> Response | tuple[str, int]:
        ref = web_cases._find(store, referral_id)
        if not ref.approved:
            text = "Surat rujukan dapat dicetak setelah rujukan disetujui kabupaten."
            return web_cases._already(ref, text)
        pdf = referral_pdf(store, ref, current_user.role, web_cases._today())
        people.audit(store.engine, current_user.username, "surat_rujukan_dicetak", referral_id)
        answer = Response(pdf, mimetype="application/pdf")
        name = f"surat-rujukan-{ref.tracking_number}.pdf"
        answer.headers["Content-Disposition"] = f'inline; filename="{name}"'
        answer.headers["Cache-Control"] = "no-store"  # a NIK: not for a shared cache
        return answer
