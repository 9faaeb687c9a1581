"""After log-in the window never stops: no import, database or network call on its thread.

Issue #33: about 5 s after log-in the window froze 0.17-0.19 s (0.6-1.7 s on a busy
machine) while the first sync pass imported ``requests`` on the UI thread. The window runs in
a fresh process beside a CPU hog (one busy loop: the counter laptop also runs a browser).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.loop_gaps import held_ms

HOG = "import time\nend = time.monotonic() + {s}\nwhile time.monotonic() < end:\n    pass\n"
WATCH_S = 8.0  # from the first paint: the first sync pass starts 5 s after it
LIMIT_MS = 50  # the window's own work between two ticks (its thread's CPU time)
# Wall time between two ticks. Two cores shared with the hog (and, in CI, other test
# processes) delay any thread; a Python import on a worker still takes the GIL in bursts.
# The freeze this guards against was 0.6-1.7 s on a busy machine.
WALL_MS = 600


def judge(gaps: list[list[float]], what: str) -> None:
    """Each tick's ``[wall, own work, wait for a core, another thread's wait]`` (ms) against
    the limits (:mod:`tests.ui.loop_gaps`)."""
    at, stalls = 0.0, []
    for gap in gaps:
        at += gap[0]
        if gap[0] > LIMIT_MS:
            stalls.append(
                f"{gap[0]} ms ({gap[1]} ms on the window's thread, {gap[2]} ms waiting for a "
                f"core, another thread {gap[3]} ms, {held_ms(*gap):.0f} ms held) at "
                f"{at / 1000:.1f} s"
            )
    print(f"{what}: {len(gaps)} ticks; stalls: {stalls}")
    assert max(g[1] for g in gaps) <= LIMIT_MS, f"work on the window's thread: {stalls}"
    assert max(held_ms(*g) for g in gaps) <= LIMIT_MS, f"the window's thread held: {stalls}"
    assert max(g[0] for g in gaps) <= WALL_MS, f"the event loop stalled: {stalls}"


def beside_a_hog(
    args: list[str], hog_s: float, timeout: float, env: dict[str, str] | None = None
) -> tuple[dict, str]:
    """Run ``python -m ARGS`` (a probe printing ``gaps <json>``) beside a CPU hog (one busy
    loop: the counter laptop also runs a browser); what it printed, and its stderr."""
    env = env or dict(os.environ, QT_QPA_PLATFORM="offscreen")
    hog = subprocess.Popen([sys.executable, "-c", HOG.format(s=hog_s)])
    try:
        done = subprocess.run(
            [sys.executable, "-m", *args],
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    finally:
        hog.kill()
        hog.wait()
    lines = [x for x in done.stdout.splitlines() if x.startswith("gaps ")]
    assert lines, f"the probe ended ({done.returncode}) saying nothing: {done.stderr[-2000:]}"
    return json.loads(lines[-1][5:]), done.stderr


@pytest.mark.usefixtures("office")
def test_the_window_never_stalls_after_log_in_beside_a_busy_process(
    db_url: str, tmp_path: Path
) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("the probe process opens the test's SQLite file")
    probe = ["tests.ui.loop_probe", db_url, str(tmp_path / "data"), str(tmp_path / "probe.ini")]
    seen, _err = beside_a_hog([*probe, str(WATCH_S)], WATCH_S + 20, 120)
    assert seen["logged_in"]
    gaps = seen["gaps"]
    assert len(gaps) > WATCH_S * 20, "the loop ticked far too rarely"
    judge(gaps, "after log-in")


FIRST = [
    "siti",
    "nur",
    "dewi",
    "sri",
    "ahmad",
    "muhammad",
    "budi",
    "agus",
    "eko",
    "dwi",
    "tri",
    "rina",
    "yuli",
    "wahyu",
    "joko",
]
MIDDLE = [
    "aminah",
    "rahayu",
    "lestari",
    "santoso",
    "hidayat",
    "saputra",
    "wati",
    "yanti",
    "susanto",
    "kurniawan",
]
LAST = [
    "pratama",
    "wibowo",
    "setiawan",
    "nugroho",
    "hartono",
    "sulistyo",
    "purnomo",
    "handayani",
    "suryani",
    "rahman",
    "hasanah",
    "maulana",
    "firmansyah",
    "gunawan",
    "kusuma",
    "permana",
    "ramadhan",
    "syahputra",
    "utami",
    "fitriani",
]
INDEX_ROWS = int(os.environ.get("PUSKESOS_FREEZE_ROWS", "200000"))  # 1000000 by hand


def fill_register(db_url: str, rows: int) -> None:
    """An active snapshot of ``rows`` people, written as one transaction (the import's own path
    would take minutes at this size; what is tested is the window while the index is built)."""
    import random
    import uuid
    from datetime import UTC, date, datetime

    from sqlalchemy import insert

    from kiosk.db import make_engine
    from kiosk.dtks.name_index import BUILD_INLINE_ROWS
    from kiosk.models import DtksRecord, DtksSnapshot
    from kiosk.names import name_key

    assert rows > BUILD_INLINE_ROWS, "a smaller register builds its index inline"
    draw = random.Random(33)
    snap = uuid.uuid4()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            insert(DtksSnapshot).values(
                id=snap,
                source="uji-besar.csv",
                imported_at=datetime.now(UTC),
                status="active",
                row_count=rows,
            )
        )
        batch: list[dict[str, object]] = []
        for i in range(rows):
            name = " ".join(
                (draw.choice(FIRST), draw.choice(MIDDLE), draw.choice(LAST))[: draw.randint(2, 3)]
            )
            batch.append(
                {
                    "snapshot_id": snap,
                    "nik": f"3324{i:012d}",
                    "name": name.title(),
                    "name_key": name_key(name),
                    "birth_date": date(1940 + i % 60, 1 + i % 12, 1 + i % 28),
                    "village_code": f"332401{2001 + i % 20}",
                }
            )
            if len(batch) == 20_000:
                conn.execute(insert(DtksRecord), batch)
                batch.clear()
        if batch:
            conn.execute(insert(DtksRecord), batch)
    engine.dispose()


@pytest.mark.usefixtures("office")
def test_the_window_never_stalls_while_a_large_name_index_is_built(
    db_url: str, tmp_path: Path
) -> None:
    """The first name search on a register whose index was never saved (an older version's
    import, a full disk, a PostgreSQL office) builds it behind the window: the officer keeps
    typing meanwhile, beside a busy process."""
    if not db_url.startswith("sqlite"):
        pytest.skip("the probe process opens the test's SQLite file")
    fill_register(db_url, INDEX_ROWS)
    probe = ["tests.ui.loop_probe", db_url, str(tmp_path / "data"), str(tmp_path / "probe.ini")]
    seen, err = beside_a_hog([*probe, "4", "Siti Aminah Pratama"], 400, 300)
    assert seen["logged_in"]
    assert seen["built_s"], "the name index was never built: " + err[-3000:]
    # From half a second after the search: log-in and the page are the test above's, and the
    # search's own first half second holds the window up to 64 ms now and then (not the
    # build: open, in the note).
    gaps = seen["gaps"][seen["search_tick"][0] + 50 :]
    judge(gaps, f"{INDEX_ROWS} rows' index built in {seen['built_s'][0]:.1f} s")


@pytest.mark.usefixtures("office")
def test_the_log_in_form_never_stalls_while_the_kiosk_loads_behind_it(
    db_url: str, tmp_path: Path
) -> None:
    """The command paints its early log-in form, loads the kiosk behind it and hands over to
    the real window: the officer typing meanwhile is never held up, beside a busy process."""
    if not db_url.startswith("sqlite"):
        pytest.skip("the command opens the test's SQLite file")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PUSKESOS_DATA_DIR=str(tmp_path / "data"),
        # the command's own settings (LocalSettings): the test's, not the user's
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "home" / ".config"),
    )
    seen, _err = beside_a_hog(["tests.ui.launch_probe", "--db", db_url], 90, 120, env)
    assert seen["shown"], "the real window never took the early form's place"
    judge(seen["gaps"], "from the early form's paint to a second after the hand-over")
