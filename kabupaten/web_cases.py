"""The inbox, the case page with its decision, and the receiving agency's referrals.

Who sees what is decided here once: a supervisor only its kecamatan's villages, an agency
officer only referrals addressed to its destination (and only once the kabupaten approved
them), the viewer everything but may decide nothing. Every decision is audited.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response

from kabupaten import casework as cw
from kabupaten import decisions as once
from kabupaten import people
from kabupaten.store import Store
from kabupaten.tables import agency_answers
from kabupaten.web_reviews import inbox_reviews
from kiosk import case_rules as rules

DECISIONS = {
    "setuju": (cw.APPROVE, "Disetujui"),
    "tolak": (cw.REJECT, "Ditolak"),
    "kembalikan": (cw.RETURN, "Dikembalikan untuk dilengkapi"),
}
ANSWERED = "Rujukan ini sudah dijawab. Jawaban kedua tidak disimpan."
DECISION_WORDS = {d: label.lower() for d, label in DECISIONS.values()}


def _visible(ref: cw.Referral) -> bool:
    role = current_user.role
    if role == people.AGENCY:
        return ref.destination == current_user.destination and ref.approved
    if role == people.SUPERVISOR:
        return current_user.sees_office(ref.kiosk_id)
    return role in (people.MANAGER, people.VIEWER, people.ADMIN)


def _today() -> date:
    from kabupaten import web

    return web.today()


def _find(store: Store, referral_id: str) -> cw.Referral:
    for ref in cw.referrals(store, _today()):
        if ref.referral_id == referral_id and _visible(ref):
            return ref
    abort(404)


def _answer(store: Store, referral_id: str) -> dict[str, Any] | None:
    with store.engine.connect() as c:
        row = c.execute(
            select(agency_answers).where(agency_answers.c.referral_id == referral_id)
        ).first()
    return dict(row._mapping) if row else None


def error_pages(bp: Blueprint) -> None:
    """The pages' refusals as pages in Indonesian (the API keeps its JSON)."""

    @bp.errorhandler(400)
    def refused(_exc: Any) -> tuple[str, int]:
        text = "Formulir tidak sah atau sudah kedaluwarsa. Muat ulang halaman, lalu coba lagi."
        return render_template("pesan.html", title="Tidak dapat diproses", text=text), 400

    @bp.errorhandler(409)
    def settled(_exc: Any) -> tuple[str, int]:
        text = "Rujukan ini sudah dijawab atau belum diterima."
        return render_template("pesan.html", title="Sudah tercatat", text=text), 409

    @bp.errorhandler(403)
    def forbidden(_exc: Any) -> tuple[str, int]:
        text = "Peran Anda tidak berwenang untuk tindakan ini."
        return render_template("pesan.html", title="Tidak berwenang", text=text), 403

    @bp.errorhandler(404)
    def missing(_exc: Any) -> tuple[str, int]:
        text = "Rujukan tidak ditemukan atau bukan untuk Anda."
        return render_template("pesan.html", title="Tidak ditemukan", text=text), 404


def case_routes(bp: Blueprint, store: Store) -> None:
    """The inbox, the case page and the kabupaten's decision."""
    error_pages(bp)

    @bp.get("/")
    @login_required
    def kotak() -> str:
        refs = [r for r in cw.referrals(store, _today()) if _visible(r)]
        if current_user.role == people.AGENCY:
            items = sorted(refs, key=lambda r: r.waiting_since)
        else:
            items = sorted((r for r in refs if r.waiting), key=lambda r: (r.due, r.waiting_since))
        return render_template(
            "kotak.html",
            items=items,
            answers={r.referral_id: _answer(store, r.referral_id) for r in items},
            roles=people.ROLE_LABELS,
            reviews=inbox_reviews(store),
        )

    @bp.get("/rujukan/<referral_id>")
    @login_required
    def kasus(referral_id: str) -> str:
        ref = _find(store, referral_id)
        facts = cw.case_facts(store, ref.case_id)
        return render_template(
            "kasus.html",
            ref=ref,
            facts=facts,
            answer=_answer(store, referral_id),
            may_decide=current_user.role in people.DECIDERS and ref.waiting,
            may_answer=current_user.role == people.AGENCY,
            status_labels=rules.STATUS_LABELS,
            decision_words={d: label for d, label in DECISIONS.values()},
        )


def decision_routes(bp: Blueprint, store: Store) -> None:
    """The kabupaten's decision: once per round, however many times the form is sent."""

    @bp.post("/rujukan/<referral_id>/putuskan")
    @login_required
    def putuskan(referral_id: str) -> Response | tuple[str, int]:
        if current_user.role not in people.DECIDERS:
            abort(403)
        ref = _find(store, referral_id)
        choice = request.form.get("keputusan", "")
        note = request.form.get("alasan", "").strip()
        if choice not in DECISIONS:
            abort(400)
        if not ref.waiting:
            return _already(ref, _settled_text(ref))
        decision, label = DECISIONS[choice]
        if decision != cw.APPROVE and not note:
            flash("Tuliskan alasannya.")
            return redirect(url_for("web.kasus", referral_id=referral_id))
        try:
            change = once.decide(store, ref, decision, note)
        except once.AlreadyDone:
            return _already(ref, _settled_text(_find(store, referral_id)))
        people.audit(
            store.engine,
            current_user.username,
            "rujukan_diputuskan",
            referral_id,
            decision=choice,
            change_id=change["change_id"],
            kiosk_id=ref.kiosk_id,
        )
        flash(f"{label}. Keputusan sampai di Puskesos pada sinkronisasi berikutnya.")
        return redirect(url_for("web.kotak"))


def _settled_text(ref: cw.Referral) -> str:
    if ref.decision is None:
        return "Rujukan ini tidak sedang menunggu keputusan kabupaten."
    said = DECISION_WORDS.get(str(ref.decision.get("decision")), "diputuskan")
    return f"Rujukan ini sudah diputuskan ({said}). Keputusan kedua tidak disimpan."


def _already(ref: cw.Referral, text: str) -> tuple[str, int]:
    """The second of two submits: what stands, and the way back to the case."""
    back = url_for("web.kasus", referral_id=ref.referral_id)
    page = render_template("pesan.html", title="Sudah tercatat", text=text, back=back)
    return page, 409


def agency_routes(bp: Blueprint, store: Store) -> None:
    """The receiving agency accepts a referral addressed to it, then answers it once."""

    @bp.post("/rujukan/<referral_id>/terima")
    @login_required
    def terima(referral_id: str) -> Response:
        if current_user.role != people.AGENCY:
            abort(403)
        ref = _find(store, referral_id)
        try:
            once.accept(store, referral_id, current_user.username)
        except once.AlreadyDone:
            held = _answer(store, referral_id) or {}
            flash(f"Rujukan ini sudah diterima oleh {held.get('accepted_by', '-')}.")
        else:
            people.audit(store.engine, current_user.username, "rujukan_diterima", ref.referral_id)
        return redirect(url_for("web.kasus", referral_id=referral_id))

    @bp.post("/rujukan/<referral_id>/jawab")
    @login_required
    def jawab(referral_id: str) -> Response | tuple[str, int]:
        if current_user.role != people.AGENCY:
            abort(403)
        ref = _find(store, referral_id)
        held = _answer(store, referral_id)
        if held is None:
            return _already(ref, "Rujukan ini belum diterima: terima dulu, lalu jawab.")
        if held["outcome"]:
            return _already(ref, ANSWERED)
        form = {
            k: request.form.get(k, "").strip() for k in ("outcome", "served_on", "given", "reason")
        }
        problem = _answer_problem(form)
        if problem:
            flash(problem)
            return redirect(url_for("web.kasus", referral_id=referral_id))
        try:
            change = once.answer(store, ref, form)
        except once.AlreadyDone:
            return _already(ref, ANSWERED)
        people.audit(
            store.engine,
            current_user.username,
            "rujukan_dijawab",
            referral_id,
            outcome=form["outcome"],
            change_id=change["change_id"],
        )
        flash("Jawaban tercatat dan dikirim ke Puskesos.")
        return redirect(url_for("web.kotak"))


def _answer_problem(form: dict[str, str]) -> str:
    if form["outcome"] == "dilayani":
        try:
            date.fromisoformat(form["served_on"])
        except ValueError:
            return "Isi tanggal layanan (TTTT-BB-HH)."
        if not form["given"]:
            return "Tuliskan layanan yang diberikan."
        form["reason"] = ""
        return ""
    if form["outcome"] == "ditolak":
        if not form["reason"]:
            return "Tuliskan alasan penolakan."
        form["served_on"] = form["given"] = ""
        return ""
    return "Pilih: dilayani atau ditolak."
