"""Benchmarks, each printed as a ratio against a baseline measured in the same run.

    uv run python -m bench.run            # full size
    uv run python -m bench.run --small    # what CI runs: proves the benchmarks still work

Foundation benchmarks:
- ``nik_check``: ``check_nik`` (region lookup, +40 day, century, verdicts) against the bare
  minimum (``isdigit`` + ``datetime.date``) over the same NIKs.
- ``register``: ``register_person`` (permission, validation, duplicate checks, household,
  audit and outbox in one transaction) against a raw Core INSERT of the same rows.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable
from datetime import date

os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")

from sqlalchemy import insert

from kiosk.context import Gateway, KioskContext
from kiosk.identity import check_nik
from kiosk.models import Person
from kiosk.roles import Role
from kiosk.services.actor import Actor
from kiosk.services.officers import create_officer
from kiosk.services.people import PersonInput, register_person
from kiosk.services.setup import SiteInput, initialise


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _niks(n: int) -> list[str]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        born = date(1950, 1, 1).toordinal() + rng.randint(0, 25000)
        d = date.fromordinal(born)
        day = d.day + (40 if i % 2 else 0)
        out.append(f"332401{day:02d}{d:%m%y}{i % 9999 + 1:04d}")
    return out


def bench_nik(n: int) -> None:
    niks = _niks(n)
    today = date(2026, 11, 23)

    def baseline() -> None:
        for nik in niks:
            if nik.isdigit():
                day, yy = int(nik[6:8]), int(nik[10:12])
                date(2000 + yy if yy <= 26 else 1900 + yy, int(nik[8:10]), day % 40 or 40)

    def ours() -> None:
        for nik in niks:
            check_nik(nik, today=today)

    base, real = _timed(baseline), _timed(ours)
    print(
        f"nik_check  n={n:<7} baseline {base * 1e6 / n:7.2f} us/nik  "
        f"kiosk {real * 1e6 / n:7.2f} us/nik  ratio {real / base:5.1f}x"
    )


def bench_register(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = KioskContext.open(f"sqlite:///{tmp}/b.sqlite3", tmp)
        gw = Gateway(ctx)

        def setup(s):  # type: ignore[no-untyped-def]
            initialise(s, SiteInput("3324012001", "Sukamaju"), "admin", "Admin", "rahasia123")
            return Actor.of(create_officer(s, "depan", "FO", "rahasia123", [Role.FRONT_OFFICE]))

        fo = gw.call(setup)
        niks = _niks(2 * n)
        rows = [
            dict(nik=k, name=f"Warga {i}", name_key=f"warga {i}") for i, k in enumerate(niks[:n])
        ]

        def baseline() -> None:
            for row in rows:
                with ctx.engine.begin() as conn:
                    conn.execute(insert(Person), [row])

        def ours() -> None:
            for i, nik in enumerate(niks[n:]):
                gw.call(
                    register_person,
                    fo,
                    PersonInput(name=f"Warga B {i}", nik=nik, no_kk="3324011203150007"),
                )

        base, real = _timed(baseline), _timed(ours)
        ctx.close()
    print(
        f"register   n={n:<7} baseline {base * 1e3 / n:7.2f} ms/row  "
        f"kiosk {real * 1e3 / n:7.2f} ms/row  ratio {real / base:5.1f}x"
    )


def _best(fn: Callable[[], object], repeat: int) -> float:
    """Median of ``repeat`` timed runs (printing work is short; one run is noise)."""
    times = sorted(_timed(fn) for _ in range(repeat))
    return times[len(times) // 2]


def bench_ticket(repeat: int) -> None:
    """'Issue ticket' to bytes ready, against bare python-escpos writing the same slip."""
    from escpos.printer import Dummy

    from kiosk.clock import Clock, tanggal_jam
    from printing.paper import Paper
    from printing.thermal import TicketSlip, render_ticket

    clock = Clock()
    paper = Paper.of(58)

    def baseline() -> None:
        p = Dummy(profile="POS-5890")
        p.set(align="center", bold=True)
        p.textln("Puskesos Desa Sukamaju")
        p.set(custom_size=True, width=4, height=4)
        p.textln("A001")
        p.set(normal_textsize=True)
        for line in ("Pengaduan / keluhan", "23-11-2026 10:30 WIB", "Menunggu: 3 orang"):
            p.textln(line)
        p.ln(4)
        bytes(p.output)

    def ours() -> None:
        slip = TicketSlip(
            "Puskesos Desa Sukamaju",
            "A001",
            "Pengaduan / keluhan",
            tanggal_jam(clock.now(), clock),
            3,
            True,
        )
        render_ticket(slip, paper)

    base, real = _best(baseline, repeat), _best(ours, repeat)
    print(
        f"ticket     x{repeat:<6} baseline {base * 1e3:7.2f} ms       "
        f"kiosk {real * 1e3:7.2f} ms       ratio {real / base:5.1f}x  (target <= 2x)"
    )


def bench_receipt_pdf(repeat: int) -> None:
    """'Confirm' to receipt PDF, against a bare one-page reportlab document in the same font."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from kiosk.services.setup import SiteView
    from printing import documents as d

    site = SiteView(
        "Puskesos Desa Sukamaju",
        "3324012001",
        "Sukamaju",
        "Plantungan",
        "Kab. Kendal",
        "Jawa Tengah",
        "3324012001",
        "Asia/Jakarta",
        "Jl. Raya 1",
        "Slamet Riyadi",
        5,
    )
    person = d.PersonFacts(
        "Siti Fatimah",
        "3324015708900003",
        birth="Kendal, 17 Agustus 1990",
        address="Dusun Krajan RT 002/RW 001",
    )
    facts = d.ReceiptFacts(
        "3324012001-2611-00017",
        "Pengaduan PKH",
        (("Keluhan", "Tidak menerima PKH sejak Mei"),),
        "Ditinjau back office dalam 5 hari kerja.",
        "Telepon 0812.",
        "Siti",
    )
    style = ParagraphStyle("b", fontName=d.FONT, fontSize=10.5, leading=14)
    bold = ParagraphStyle("h", parent=style, fontName=d.FONT_BOLD)
    # The same text as the receipt, in the same two fonts, as bare paragraphs, and the same
    # QR: the ratio is then the cost of our layout (letterhead, tables, signature, footer).
    heads = [
        "PEMERINTAH KABUPATEN KENDAL",
        "KECAMATAN PLANTUNGAN",
        "DESA SUKAMAJU",
        "TANDA TERIMA PENGADUAN / LAYANAN",
    ]
    lines = [
        "Puskesos Desa Sukamaju - Jl. Raya 1",
        "Nomor: TT/3324012001/0001/2026",
        "SEMENTARA - belum diterima server SLRT kabupaten",
        f"Nomor lacak: {facts.tracking_number}",
        "Tanggal: 23 November 2026",
        f"Nama: {person.name}",
        "NIK: 3324********0003",
        f"Tempat/tgl lahir: {person.birth}",
        f"Alamat: {person.address}",
        "Layanan: Pengaduan PKH",
        "Keluhan: Tidak menerima PKH sejak Mei",
        "Langkah berikutnya",
        facts.next_steps,
        "Menanyakan status",
        facts.status_help,
        "Data Anda dijaga kerahasiaannya.",
        "Sukamaju, 23 November 2026",
        "Petugas Front Office",
        facts.officer,
    ]

    def baseline() -> None:  # the same content: text in the two fonts and the tracking QR
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=A4, initialFontName=d.FONT)
        story = [Paragraph(t, bold) for t in heads] + [Paragraph(t, style) for t in lines]
        doc.build([*story, d._qr(facts.tracking_number)])

    def ours() -> None:
        d.complaint_receipt(
            d.Header(site, "TT/3324012001/0001/2026", date(2026, 11, 23), True), person, facts
        )

    base, real = _best(baseline, repeat), _best(ours, repeat)
    print(
        f"receipt    x{repeat:<6} baseline {base * 1e3:7.2f} ms       "
        f"kiosk {real * 1e3:7.2f} ms       ratio {real / base:5.1f}x  (target <= 2x)"
    )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--small", action="store_true", help="tiny sizes, for CI")
    a = p.parse_args()
    bench_nik(2_000 if a.small else 200_000)
    bench_register(20 if a.small else 500)
    bench_ticket(5 if a.small else 200)
    bench_receipt_pdf(3 if a.small else 30)
    from bench import (
        data_growth,
        dtks_import,
        kabupaten_papan,
        kabupaten_scale,
        ranking,
        reports,
        startup,
        sync_bad_link,
        sync_bytes,
        sync_offline_drain,
        sync_push,
        village,
        walkthrough,
    )

    startup.run(1 if a.small else 5)

    walkthrough.main()
    sync_push.run(300 if a.small else 5000, 1000 if a.small else 10_000)
    sync_bad_link.run(300 if a.small else 4000)
    sync_offline_drain.run(100 if a.small else 1000)
    sync_bytes.run(200 if a.small else 2000)
    dtks_import.run(10_000 if a.small else 1_000_000, 200 if a.small else 2000)
    data_growth.run(
        5_000 if a.small else 150_000,
        200 if a.small else 2000,
        2_000 if a.small else 100_000,
        1 if a.small else 3,
    )
    reports.run(village.SMALL if a.small else village.Size())
    ranking.run(village.SMALL if a.small else village.Size())
    kabupaten_papan.run(20 if a.small else 300)
    # Small: 10 kiosks for 10 s on SQLite (CI's bundle step has no PostgreSQL); full size on
    # the database BENCH_SCALE_DB_URL names (SQLite without one).
    url = os.environ.get(kabupaten_scale.ENV)
    if a.small:
        kabupaten_scale.run(10, 10, 2, 1, None)
    else:
        kabupaten_scale.run(300, 300, 4, 1, url)


if __name__ == "__main__":
    main()
