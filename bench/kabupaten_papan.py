"""The kabupaten's papan over a year of the villages' monthly reports (issue #32).

    uv run python -m bench.kabupaten_papan [--villages 300] [--small]

Every village sends twelve monthly reports shaped like the kiosk's (every declared indicator
by each of its disaggregations, by sex where the kiosk splits by sex); the server files them
as it does from a push (kabupaten/report_intake.py). Then the year's papan is computed: every
village's months chosen, the events summed and the register figures taken from each village's
latest month, by kecamatan and village and by each indicator's disaggregation. Baseline, in
the same process and database: every report's counts of the year read and added into one
list (no choosing, no stock rule, no words, no tables), the least any way of adding those
cells up must do. Target: the board in under 2 s for 300 villages on SQLite.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import uuid
from datetime import date
from typing import Any

from sqlalchemy import func, select

from kabupaten.report_board import add_pairs, build_board
from kabupaten.report_intake import keep
from kabupaten.store import Store
from kabupaten.tables import report_cell_keys, village_reports
from kiosk.periods import parse_period
from kiosk.reports.dimensions import AGE_BANDS
from kiosk.reports.indicators import INDICATORS
from kiosk.reports.model import SEX_LABELS, TOTAL
from kiosk.reports.sending import OP_TYPE, report_entity

KEYS: dict[str, tuple[str, ...]] = {
    "total": ("semua",),
    "age": (*AGE_BANDS, "?"),
    "disability": ("tidak", "fisik", "sensorik_netra", "mental"),
    "decile": (*(str(i) for i in range(1, 11)), "?"),
    "sector": ("kesehatan", "pendidikan", "sosial", "administrasi_kependudukan", "ekonomi"),
    "channel": ("datang", "kunjungan_rumah", "telepon"),
    "category": ("bantuan_tidak_diterima", "data_salah", "layanan", "lainnya"),
    "kind": ("pengaduan", "pertanyaan", "saran"),
    "ppks_type": ("lansia_terlantar", "disabilitas", "anak_terlantar", "fakir_miskin"),
    "update_kind": ("meninggal", "pindah", "pecah_kk", "perbaikan"),
    "programme": ("PKH", "BPNT", "PBI-JK", "BLT-DD", "PIP"),
    "combination": ("PKH + BPNT", "PBI-JK", "BPNT", "tanpa program", "PKH + BPNT + PBI-JK"),
    "dusun": ("Krajan", "Sidomulyo", "Karanganyar", "Ngasem"),
    "status": ("diterima", "diproses", "selesai", "dirujuk", "draf", "diusulkan"),
    "subject": ("orang", "keluarga", "komunitas"),
    "desk": ("sosial_ekonomi", "kesehatan", "pendidikan"),
    "destination": ("dinkes", "dukcapil", "bpjs", "disdik", "dinsos"),
    "dtks": ("terdaftar", "tidak_terdaftar", "belum_dicek", "tanpa_data"),
}


def _tables(rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for ind in INDICATORS:
        sexes = ("L", "P", "?") if ind.by_sex else ()
        columns = [*(SEX_LABELS[s] for s in sexes), TOTAL]
        for dim in ind.dims:
            keys = [k for k in KEYS[dim] if rng.random() < 0.7] or [KEYS[dim][0]]
            counts: dict[str, list[int]] = {}
            for k in keys:
                parts = [rng.randint(0, 20) for _ in sexes]
                counts[k] = [*parts, sum(parts) if sexes else rng.randint(0, 40)]
            rows = [[k, k, v] for k, v in counts.items()]
            total = [sum(v[i] for v in counts.values()) for i in range(len(columns))]
            out.append(
                {
                    "indicator": ind.code,
                    "dimension": dim,
                    "unit": ind.unit,
                    "columns": columns,
                    "rows": rows,
                    "total": total,
                }
            )
    return out


def _village(i: int) -> str:
    kecamatan = 1 + i // 15  # about fifteen villages a kecamatan, as in Kendal
    return f"3324{kecamatan:02d}{2001 + i % 15}"


def load(store: Store, villages: int, year: int) -> int:
    """Twelve monthly reports per village, filed as a push files them; returns how many
    different cells there are."""
    rng = random.Random(32)
    known: dict[tuple[str, str, str, str], int] = {}
    with store.engine.begin() as c:
        for v in range(villages):
            code = _village(v)
            for month in range(1, 13):
                period = f"{year}-{month:02d}"
                payload = {
                    "village_code": code,
                    "village_name": f"Desa {v + 1}",
                    "period": period,
                    "start": date(year, month, 1).isoformat(),
                    "end": date(year + month // 12, month % 12 + 1, 1).isoformat(),
                    "version": 1,
                    "tables": _tables(rng),
                }
                item = {
                    "op_id": str(uuid.uuid4()),
                    "entity_id": str(report_entity(code, period)),
                    "op_type": OP_TYPE,
                    "payload": payload,
                }
                keep(c, code, item, "2027-01-02T00:00:00+00:00", known)
        return int(c.execute(select(func.max(report_cell_keys.c.id))).scalar() or 0)


def run(villages: int = 300, year: int = 2026) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/kabupaten.sqlite")
        cells = load(store, villages, year)
        with store.engine.connect() as c:
            blobs = c.execute(select(village_reports.c.flows)).scalars().all()
        pairs = sum(len(b) // 16 for b in blobs)
        period = parse_period(str(year), date(year + 1, 1, 2))

        def baseline() -> None:
            acc = [0] * (cells + 1)
            with store.engine.connect() as c:
                for blob in c.execute(select(village_reports.c.flows)).scalars():
                    add_pairs(acc, blob)

        def ours() -> None:
            build_board(store.engine, period)

        baseline()  # the file's pages into the cache for both
        times = []
        for fn in (baseline, ours, baseline, ours):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        base, real = min(times[0::2]), min(times[1::2])
        store.engine.dispose()
    print(
        f"kab_papan  villages={villages:<4} reports={villages * 12:<5} "
        f"cells/report ~{pairs // (villages * 12)}  baseline {base * 1e3:7.1f} ms  "
        f"board {real * 1e3:7.1f} ms  ratio {real / base:4.1f}x  (target: board < 2000 ms "
        "for 300 villages)"
    )
    return real


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--villages", type=int, default=300)
    p.add_argument("--small", action="store_true", help="20 villages, for CI")
    a = p.parse_args()
    run(20 if a.small else a.villages)


if __name__ == "__main__":
    main()
