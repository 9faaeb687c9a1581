"""The kabupaten's web pages: log-in, the inbox, the case page and its decision, the agency's
referrals. Server-rendered Bahasa Indonesia pages that work on a phone's browser.

Sessions, log-in and idle log-out are Flask-Login over Flask's signed session (a cookie older
than ``PERMANENT_SESSION_LIFETIME`` is refused by Flask itself); CSRF is Flask-WTF's; the lockout
after wrong passwords and the public page's rate limit are Flask-Limiter's. Only the API's
routes are left out of CSRF: a kiosk authenticates with a bearer token, not a cookie.
"""

from __future__ import annotations

import hmac
import os
import secrets
from datetime import date, timedelta
from typing import Any

from flask import (
    Blueprint,
    Flask,
    abort,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf.csrf import CSRFProtect
from limits import parse as parse_limit
from werkzeug.wrappers import Response

from kabupaten import casework as cw
from kabupaten import people
from kabupaten.store import Store

IDLE_MINUTES = 15
LOCKOUT = "5 per 15 minutes"  # wrong passwords per account before it must wait
# Wrong passwords from one address, whatever the account: one guess at each of many accounts
# (password spraying) never reaches any account's lockout. An office behind one NAT makes
# a few mistakes a day, not thirty in a quarter of an hour.
LOGIN_IP_LIMIT = "30 per 15 minutes"
DTKS_WORDS = {
    "terdaftar": "Terdaftar di DTKS",
    "tidak_terdaftar": "Tidak terdaftar di DTKS",
    "tanpa_data": "Belum dapat diperiksa (data DTKS tidak tersedia)",
}


class Account(people.WebUser):
    """The Flask-Login face of a web account."""

    is_active = True
    is_authenticated = True
    is_anonymous = False

    def get_id(self) -> str:
        """The account and its password's stamp: the session ends when either goes."""
        return f"{self.id}:{self.stamp}"


def _account(user: people.WebUser | None) -> Account | None:
    return Account(**user.__dict__) if user else None


def web_extensions(app: Flask, store: Store) -> Limiter:
    """Sessions, CSRF and rate limits on ``app``; the pages are registered after."""
    # A restart without KABUPATEN_SECRET_KEY logs everyone out: safe, if inconvenient.
    app.config["SECRET_KEY"] = os.environ.get("KABUPATEN_SECRET_KEY") or secrets.token_hex(32)
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(minutes=IDLE_MINUTES)
    app.config["SESSION_REFRESH_EACH_REQUEST"] = True  # idle, not absolute, lifetime
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)  # checked for the pages only
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # the session's own lifetime bounds it
    app.config.setdefault("LOCKOUT", LOCKOUT)
    app.config.setdefault("LOGIN_IP_LIMIT", LOGIN_IP_LIMIT)
    app.config.setdefault("PUBLIC_LIMIT", "20 per minute")
    # Days after a quarter ends before the public papan shows it (the villages' reports in).
    app.config.setdefault("PUBLIC_GRACE_DAYS", 30)
    logins = LoginManager(app)
    logins.login_view = "web.masuk"
    logins.login_message = "Silakan masuk terlebih dahulu."
    logins.session_protection = "strong"

    @logins.user_loader
    def load(session_id: str) -> Account | None:
        user_id, _, stamp = session_id.partition(":")
        if not user_id.isdigit():
            return None
        user = people.user_by_id(store.engine, int(user_id))
        if user is None or not stamp or not hmac.compare_digest(user.stamp, stamp):
            return None  # deactivated, or its password was reset since this session began
        return _account(user)

    app.extensions["csrf_guard"] = CSRFProtect(app)
    limiter = Limiter(get_remote_address, app=app, storage_uri="memory://")
    return limiter


def web_routes(app: Flask, store: Store) -> None:
    """Register the pages (and the public status page) on ``app``."""
    limiter = web_extensions(app, store)
    bp = Blueprint("web", __name__, url_prefix="/web", template_folder="templates")

    @bp.before_request
    def guard() -> None:
        app.extensions["csrf_guard"].protect() if request.method == "POST" else None

    @bp.app_template_filter("nik")
    def nik_filter(nik: str | None) -> str:
        role = getattr(current_user, "role", "")
        return nik or "-" if role in people.SEE_NIK else cw.mask_nik(nik)

    @bp.app_template_filter("tujuan")
    def destination_filter(code: str) -> str:
        from kabupaten.public import destination_labels

        return destination_labels().get(code, code)

    @bp.app_template_filter("dtks")
    def dtks_filter(status: str | None) -> str:
        return DTKS_WORDS.get(status or "", status or "-")

    def lockout_key() -> str:
        return "masuk:" + request.form.get("username", "").strip().lower()

    @bp.route("/masuk", methods=["GET", "POST"])
    @limiter.limit(
        lambda: app.config["LOCKOUT"],
        key_func=lockout_key,
        methods=["POST"],
        deduct_when=lambda response: response.status_code == 401,
    )
    @limiter.limit(
        lambda: app.config["LOGIN_IP_LIMIT"],
        key_func=lambda: "masuk-ip:" + get_remote_address(),
        methods=["POST"],
        deduct_when=lambda response: response.status_code == 401,
    )
    def masuk() -> Any:
        if request.method == "GET":
            return render_template("masuk.html")
        name = request.form.get("username", "").strip()
        lockout = parse_limit(app.config["LOCKOUT"])
        if people.recent_failures(store.engine, name, lockout.get_expiry()) >= lockout.amount:
            abort(429)  # counted in the database: every worker process refuses alike
        user = people.check_password(store.engine, name, request.form.get("password", ""))
        if user is None:
            people.audit(store.engine, name[:60], people.FAILED_LOG_IN, "")
            return render_template("masuk.html", error="Nama pengguna atau kata sandi salah."), 401
        session.clear()
        session.permanent = True  # PERMANENT_SESSION_LIFETIME is the idle limit
        login_user(_account(user))
        people.audit(store.engine, user.username, "masuk", "")
        return redirect(url_for("web.kotak"))

    @bp.post("/keluar")
    @login_required
    def keluar() -> Response:
        people.audit(store.engine, current_user.username, "keluar", "")
        logout_user()
        flash("Anda sudah keluar.")
        return redirect(url_for("web.masuk"))

    _pages(bp, store)
    app.register_blueprint(bp)

    from kabupaten.public import public_routes
    from kabupaten.web_reports import public_papan_routes

    public_routes(app, store, limiter)
    public_papan_routes(app, store, limiter)

    @app.errorhandler(429)
    def too_many(exc: Any) -> Any:
        if request.path.startswith("/v1/"):
            return {"error": "terlalu banyak permintaan"}, 429
        text = "Terlalu banyak percobaan. Tunggu beberapa menit, lalu coba lagi."
        return render_template("pesan.html", title="Tunggu sebentar", text=text), 429


def _pages(bp: Blueprint, store: Store) -> None:
    """The pages behind the log-in, each in the module that holds it."""
    from kabupaten.letter import letter_route
    from kabupaten.web_accounts import account_routes
    from kabupaten.web_cases import agency_routes, case_routes, decision_routes
    from kabupaten.web_reports import report_routes
    from kabupaten.web_reviews import review_routes

    case_routes(bp, store)
    decision_routes(bp, store)
    agency_routes(bp, store)
    account_routes(bp, store)
    letter_route(bp, store)
    report_routes(bp, store)
    review_routes(bp, store)


def today() -> date:
    return date.today()
