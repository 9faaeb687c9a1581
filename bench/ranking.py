"""Ranking one village's households for a programme against a 1,000,000-row snapshot.

    uv run python -m bench.ranking            # 1,000,000 DTKS rows, the village 1 % of them
    uv run python -m bench.ranking --small    # what CI runs

The kiosk: the ``rank_candidates`` service (permissions, the snapshot grouped by household,
the counter's households and needs, scoring, ordering, exclusions, audit). The baseline: one
hand-written SQL statement computing the same score with the default weights and ordering
the households, run with the sqlite3 module on the same file. Targets: under 1 s, at most 2x.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
from pathlib import Path

os.environ.setdefault("PUSKESOS_ARGON2_PROFILE", "test")

from bench import village
from bench.reports import TODAY, VILLAGE, _best, _prepare
from kiosk.context import Gateway
from kiosk.reports.register_facts import years_before
from kiosk.services.dtks_check import active_snapshot
from kiosk.services.ranking import rank_candidates

BASELINE = """
WITH hh AS (
  SELECT coalesce(nullif(family_id, ''), no_kk) AS k, min(decile) AS d, count(*) AS n,
    sum(birth_date > :c6) AS small, sum(birth_date <= :c6 AND birth_date > :c22) AS school,
    sum(birth_date <= :c60) AS old, group_concat(programmes) AS progs, max(no_kk) AS kk
  FROM dtks_record WHERE snapshot_id = :snap AND village_code = :v GROUP BY k)
SELECT k, kk, d,
  5.0 * (11 - d) / 10 + 2.0 * min(small, 3) / 3 + 1.0 * min(school, 3) / 3
  + 2.0 * min(old, 2) / 2 + 1.0 * min(n, 8) / 8 AS score
FROM hh WHERE d IS NOT NULL AND ',' || coalesce(progs, '') || ',' NOT LIKE '%,BLT-DD,%'
ORDER BY score DESC, d, n DESC, k
"""


def run(size: village.Size) -> tuple[float, float]:
    small = village.Size(size.dtks_rows, size.village_share, 2_000, 500, 1_000)
    with tempfile.TemporaryDirectory() as tmp:
        ctx, actor = _prepare(Path(tmp), small)
        gw = Gateway(ctx)
        with ctx.sessions() as s:
            snap = active_snapshot(s)
            assert snap is not None
            snap_hex = snap.id.hex
        params = {
            "snap": snap_hex,
            "v": VILLAGE,
            "c6": years_before(TODAY, 6).isoformat(),
            "c22": years_before(TODAY, 22).isoformat(),
            "c60": years_before(TODAY, 60).isoformat(),
        }
        db = sqlite3.connect(str(Path(tmp) / "r.sqlite3"))
        base = _best(lambda: db.execute(BASELINE, params).fetchall())
        ours = _best(lambda: gw.call(rank_candidates, actor, "BLT-DD", 50, None, ctx.clock))
        count = len(gw.call(rank_candidates, actor, "BLT-DD", 50, None, ctx.clock).ranked)
        db.close()
        ctx.close()
    print(
        f"ranking    {count} households  baseline {base * 1e3:7.1f} ms  "
        f"kiosk {ours * 1e3:7.1f} ms  ratio {ours / base:4.2f}x  (targets: < 1 s, <= 2x)"
    )
    return ours, ours / base


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--small", action="store_true", help="tiny sizes, for CI")
    a = p.parse_args()
    run(village.SMALL if a.small else village.Size())


if __name__ == "__main__":
    main()
