"""The villages' reports at the kabupaten: who sent and who has not (for the SLRT manager, the
viewer and the administrator; a kecamatan supervisor sees only their villages), a village's
report as it came, and the kabupaten's papan, with a public version that needs no log-in and
hides small counts by the kiosk's rule.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, Flask, abort, render_template, request
from flask_limiter import Limiter
from flask_login import current_user, login_required
from markupsafe import Markup

from kabupaten import people
from kabupaten.board_words import kecamatan_name
from kabupaten.public_boards import published
from kabupaten.report_board import build_board, headline, public_board
from kabupaten.report_list import arrivals, by_kecamatan, report_body
from kabupaten.store import Store
from kiosk.errors import KioskError
from kiosk.formatting import angka, desimal, tanggal_panjang
from kiosk.periods import EXAMPLES, Period, parse_period
from kiosk.reports.indicators import BY_CODE
from kiosk.reports.public import LEGEND

READERS = frozenset({people.MANAGER, people.VIEWER, people.SUPERVISOR, people.ADMIN})
ZONE = ZoneInfo("Asia/Jakarta")
SHORT = {"Laki-laki": "L", "Perempuan": "P", "Tidak diketahui": "?", "Jumlah": "Jml"}  # phone


def _period(default: str) -> tuple[Period, str]:
    """The period asked for (``?periode=``), or ``default``; an error's words when unreadable."""
    from kabupaten import web

    text = request.args.get("periode", "").strip()[:30] or default
    try:
        return parse_period(text, web.today()), ""
    except KioskError as exc:
        return parse_period(default, web.today()), f"{exc.message} Contoh: {EXAMPLES}."


QUARTER_ENDS = ("Q1", "Q2", "Q3", "Q4")
PUBLIC_PERIODS = (
    "Papan umum menampilkan satu triwulan yang sudah terbit, misalnya {0}: periode yang "
    "bertumpuk (setahun dan sebelas bulannya) akan membuka lewat selisihnya angka kecil yang "
    "disembunyikan. Periode lain dapat dilihat setelah masuk."
)
NOT_YET = (
    "Papan umum {0} terbit {1}, {2} hari setelah triwulan berakhir, agar laporan desa sudah "
    "masuk; sampai itu tampil {3}."
)


def _public_period(today: date, grace_days: int) -> tuple[Period, str]:
    """The public papan's period: a published calendar quarter, and nothing else.

    Each table hides its counts under 5, but two overlapping periods would give one back by
    subtraction (a year less eleven of its months is the twelfth; this year's total today
    less last month's), and so would one period whose numbers still grow (a late village's
    report). So the public see only quarters, each ``grace_days`` after it ended (when the
    villages' reports are in), and each with the numbers it had when first shown
    (:func:`kabupaten.public_boards.published`). Anything else is answered with the latest
    published quarter and a sentence saying why."""
    latest = parse_period("kuartal lalu", today)
    while latest.end + timedelta(days=grace_days) > today:
        latest = parse_period("kuartal lalu", latest.start)
    text = request.args.get("periode", "").strip()[:30]
    if not text:
        return latest, ""
    try:
        asked = parse_period(text, today)
    except KioskError:
        asked = None
    if asked is None or not asked.code.endswith(QUARTER_ENDS) or asked.end > today:
        return latest, PUBLIC_PERIODS.format(latest.code)
    out = asked.end + timedelta(days=grace_days)
    if out > today:
        return latest, NOT_YET.format(asked.label, tanggal_panjang(out), grace_days, latest.label)
    return asked, ""


def _reader() -> None:
    if current_user.role not in READERS:
        abort(403)


def report_routes(bp: Blueprint, store: Store) -> None:
    """The list of arrivals, one village's report and the papan behind the log-in."""

    @bp.app_template_filter("waktu")
    def local_time(stamp: str) -> str:
        try:
            at = datetime.fromisoformat(stamp).astimezone(ZONE)
        except ValueError:
            return stamp
        return f"{at:%d-%m-%Y %H:%M} WIB"

    bp.add_app_template_filter(kecamatan_name, "kecamatan")
    bp.add_app_template_filter(lambda column: SHORT.get(column, column), "pendek")
    bp.add_app_template_filter(lambda code: BY_CODE[code].name, "indikator")

    @bp.app_template_filter("angka")
    def number(value: object) -> str:
        """20.000, 5,2, or "<5" and "*" as they are."""
        if isinstance(value, float):
            return desimal(value)
        return angka(value) if isinstance(value, int) else str(value)

    @bp.get("/laporan")
    @login_required
    def laporan() -> str:
        _reader()
        period, error = _period("bulan lalu")
        items = arrivals(store.engine, period.code, current_user.sees_office)
        return render_template(
            "laporan.html",
            period=period,
            error=error,
            groups=by_kecamatan(items),
            sent=sum(1 for i in items if i.sent),
            total=len(items),
        )

    @bp.get("/laporan/<office>/<period>")
    @login_required
    def laporan_desa(office: str, period: str) -> str:
        _reader()
        body = report_body(store.engine, office[:40], period[:12])
        if body is None or not current_user.sees_office(office):
            abort(404)
        return render_template("laporan_desa.html", body=body, office=office)

    @bp.get("/papan")
    @login_required
    def papan() -> str:
        _reader()
        period, error = _period("tahun ini")
        kecamatan = request.args.get("kecamatan", "")[:40]
        board = build_board(store.engine, period, current_user.sees_office, kecamatan)
        return render_template(
            "papan_kab.html",
            board=board,
            period=period,
            public=False,
            error=error,
            kecamatan=kecamatan,
            legend=LEGEND,
            tiles=headline(board),
        )


def public_papan_routes(app: Flask, store: Store, limiter: Limiter) -> None:
    """``/papan``: the kabupaten's papan for anyone, small counts hidden, rate-limited, for
    one published quarter, its numbers made once and kept (:mod:`kabupaten.public_boards`)."""

    def numbers(period: Period) -> str:
        # No village breakdown in public: each table hides its small counts on its own, so a
        # kecamatan's row hidden only to protect a neighbour came back as the total of that
        # kecamatan's village table (13 - 10 gave the hidden 3).
        board = public_board(build_board(store.engine, period, kecamatan=""))
        return render_template(
            "papan_kab_isi.html", board=board, legend=LEGEND, tiles=headline(board)
        )

    @app.get("/papan")
    @limiter.limit(lambda: app.config["PUBLIC_LIMIT"])
    def papan_publik() -> str:
        from kabupaten import web

        period, error = _public_period(web.today(), app.config["PUBLIC_GRACE_DAYS"])
        body = published(store.engine, period, lambda: numbers(period))
        return render_template(
            "papan_kab.html",
            period=period,
            public=True,
            body=Markup(body),  # this server's own template rendered it (escaped), then kept
            error=error,
            kecamatan="",
        )
