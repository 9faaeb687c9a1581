"""The kabupaten administrator's accounts screen: the list, a new account with its role (and
kecamatan or destination), deactivation, a password reset. Only the administrator reaches it.

Forms are Flask-WTF's (each carries its CSRF token and is validated by WTForms, with the
messages in Indonesian); the rules of an account stay in :mod:`kabupaten.people`, the same the
``user add`` command uses. Every change is in the audit with the administrator's name. A reset
password is drawn from ``secrets`` and shown once on the answer page, never put in a cookie
(a flashed message would travel in the signed, not encrypted, session cookie).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    url_for,
)
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import PasswordField, SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length, Regexp

from kabupaten import people
from kabupaten.store import Store

NAME_RULE = r"^[a-z0-9][a-z0-9._-]*$"


class AddForm(FlaskForm):
    username = StringField(
        "Nama pengguna",
        validators=[
            DataRequired("Isi nama pengguna."),
            Length(3, 60, "Nama pengguna 3 sampai 60 karakter."),
            Regexp(NAME_RULE, message="Huruf kecil, angka, titik, - dan _ saja."),
        ],
    )
    role = SelectField("Peran", choices=[SelectChoice(k, v) for k, v in people.ROLE_LABELS.items()])
    kecamatan = StringField("Kode kecamatan (supervisor; beberapa dipisah koma)")
    destination = SelectField("Instansi tujuan (petugas instansi)")
    password = PasswordField(
        "Kata sandi awal",
        validators=[
            DataRequired("Isi kata sandi awal."),
            Length(min=10, message="Kata sandi paling sedikit 10 karakter."),
        ],
    )


class ActForm(FlaskForm):
    """Deactivate, reactivate or reset: nothing to type, the CSRF token is the form."""


def _destinations() -> list[SelectChoice]:
    from kabupaten.public import destination_labels

    found = sorted(destination_labels().items(), key=lambda kv: kv[1])
    return [SelectChoice("", "-"), *(SelectChoice(k, v) for k, v in found)]


def _admin_only() -> None:
    if current_user.role != people.ADMIN:
        abort(403)


def account_routes(bp: Blueprint, store: Store) -> None:
    """``/web/pengguna``: the administrator's screen."""

    def page(form: AddForm, status: int = 200, **extra: Any) -> tuple[str, int]:
        users = people.all_users(store.engine)
        html = render_template(
            "pengguna.html",
            form=form,
            act=ActForm(),
            users=users,
            roles=people.ROLE_LABELS,
            **extra,
        )
        return html, status

    def new_form() -> AddForm:
        form = AddForm()
        form.destination.choices = _destinations()
        return form

    @bp.get("/pengguna")
    @login_required
    def pengguna() -> tuple[str, int]:
        _admin_only()
        return page(new_form())

    @bp.post("/pengguna")
    @login_required
    def pengguna_tambah() -> Response | tuple[str, int]:
        _admin_only()
        form = new_form()
        if not form.validate_on_submit():
            return page(form, 400)
        codes = [c.strip() for c in form.kecamatan.data.replace(" ", ",").split(",") if c.strip()]
        try:
            user = people.add_user(
                store.engine,
                form.username.data,
                form.password.data,
                form.role.data,
                kecamatan=codes if form.role.data == people.SUPERVISOR else [],
                destination=form.destination.data or "",
            )
        except ValueError as exc:
            return page(form, 400, problem=_words(str(exc)))
        people.audit(
            store.engine,
            current_user.username,
            "pengguna_ditambah",
            user.username,
            role=user.role,
            kecamatan=list(user.kecamatan),
            destination=user.destination,
        )
        flash(f"Akun {user.username} dibuat ({people.ROLE_LABELS[user.role]}).")
        return redirect(url_for("web.pengguna"))

    change_routes(bp, store, page, new_form)


def change_routes(
    bp: Blueprint,
    store: Store,
    page: Callable[..., tuple[str, int]],
    new_form: Callable[[], AddForm],
) -> None:
    """Deactivate, reactivate, reset: one account each, by its id."""

    @bp.post("/pengguna/<int:user_id>/<any(nonaktifkan, aktifkan):what>")
    @login_required
    def pengguna_aktif(user_id: int, what: str) -> Response | tuple[str, int]:
        _admin_only()
        if not ActForm().validate_on_submit():
            abort(400)
        if user_id == current_user.id:
            return page(new_form(), 409, problem="Akun Anda sendiri tidak dapat dinonaktifkan.")
        name = people.set_active(store.engine, user_id, what == "aktifkan")
        if name is None:
            abort(404)
        action = "pengguna_diaktifkan" if what == "aktifkan" else "pengguna_dinonaktifkan"
        people.audit(store.engine, current_user.username, action, name)
        flash(f"Akun {name} {'diaktifkan' if what == 'aktifkan' else 'dinonaktifkan'}.")
        return redirect(url_for("web.pengguna"))

    @bp.post("/pengguna/<int:user_id>/sandi")
    @login_required
    def pengguna_sandi(user_id: int) -> Response:
        _admin_only()
        if not ActForm().validate_on_submit():
            abort(400)
        password = secrets.token_urlsafe(9)  # 12 characters, about 72 bits
        name = people.set_password(store.engine, user_id, password)
        if name is None:
            abort(404)
        people.audit(store.engine, current_user.username, "sandi_direset", name)
        answer = make_response(page(new_form(), reset=(name, password)))
        answer.headers["Cache-Control"] = "no-store"  # the new password is on this page
        return answer


def _words(problem: str) -> str:
    """people's refusals name the command's options; the screen names its fields."""
    return problem.replace("--kecamatan", "kode kecamatan").replace(
        "--destination", "instansi tujuan"
    )
