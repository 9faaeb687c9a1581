"""The kecamatan supervisor's review on the web (issue #32): the requests of its kecamatan's
villages in the inbox, the review page, and the decision, written once and audited.

Only a kecamatan supervisor reviews (the office's profile names the supervisor; the manager
and the viewer are not it): any other role is refused (403), a request from a village outside
the supervisor's kecamatan is not found (404). The page shows only what the office sent
(:mod:`kiosk.services.review_request`): no complaint words, the NIK masked.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import SelectField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import Length

from kabupaten import people
from kabupaten import reviews as rv
from kabupaten.decisions import AlreadyDone
from kabupaten.store import Store

CHOICES = {rv.APPROVE: "Disetujui", rv.RETURN: "Dikembalikan ke back office"}
SETTLED = "Tinjauan ini sudah tercatat. Keputusan kedua tidak disimpan."


class ReviewForm(FlaskForm):
    """Approve, or return with a note (required: the back office must know what to fix)."""

    keputusan = SelectField(
        "Keputusan",
        choices=[
            SelectChoice(rv.APPROVE, "Setujui: kirim ke kabupaten"),
            SelectChoice(rv.RETURN, "Kembalikan ke back office (dengan catatan)"),
        ],
    )
    catatan = TextAreaField("Catatan untuk back office", validators=[Length(max=2000)])


def _today() -> date:
    from kabupaten import web

    return web.today()


def inbox_reviews(store: Store) -> list[rv.ReviewRequest]:
    """What waits for this supervisor's review, oldest due first (nothing for other roles)."""
    if current_user.role != people.SUPERVISOR:
        return []
    found = [r for r in rv.requests(store, _today()) if r.waiting]
    mine = [r for r in found if current_user.sees_office(r.kiosk_id)]
    return sorted(mine, key=lambda r: (r.due, r.received_at))


def _find(store: Store, request_id: str) -> rv.ReviewRequest:
    if current_user.role != people.SUPERVISOR:
        abort(403)
    for req in rv.requests(store, _today()):
        if req.request_id == request_id and current_user.sees_office(req.kiosk_id):
            return req
    abort(404)


def review_routes(bp: Blueprint, store: Store) -> None:
    """The review page and its decision."""

    @bp.get("/tinjauan/<request_id>")
    @login_required
    def tinjauan(request_id: str) -> str:
        req = _find(store, request_id)
        return render_template("tinjauan.html", req=req, words=CHOICES, form=ReviewForm())

    @bp.post("/tinjauan/<request_id>/putuskan")
    @login_required
    def tinjau(request_id: str) -> Response | tuple[str, int]:
        req = _find(store, request_id)
        form = ReviewForm()
        if not form.validate_on_submit():
            abort(400)
        choice, note = form.keputusan.data, (form.catatan.data or "").strip()
        if not req.waiting:
            return _settled(req)
        if choice == rv.RETURN and not note:
            flash("Tuliskan catatan untuk back office: apa yang harus diperbaiki.")
            return redirect(url_for("web.tinjauan", request_id=request_id))
        try:
            change = rv.decide(store, req, choice, note, current_user.username)
        except AlreadyDone:
            return _settled(req)
        people.audit(
            store.engine,
            current_user.username,
            "tinjauan_diputuskan",
            req.case_id,
            decision=choice,
            request_id=req.request_id,
            change_id=change["change_id"],
            kiosk_id=req.kiosk_id,
        )
        flash(f"{CHOICES[choice]}. Keputusan sampai di Puskesos pada sinkronisasi berikutnya.")
        return redirect(url_for("web.kotak"))


def _settled(req: rv.ReviewRequest) -> tuple[str, int]:
    back = url_for("web.tinjauan", request_id=req.request_id)
    page = render_template("pesan.html", title="Sudah tercatat", text=SETTLED, back=back)
    return page, 409
