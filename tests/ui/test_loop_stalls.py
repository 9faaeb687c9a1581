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

HOG = "import time\nend = time.monotonic() + {s}\nwhile time.monotonic() < end:\n    pass\n"
WATCH_S = 8.0  # from the first paint: the first sync pass starts 5 s after it
LIMIT_MS = 50  # the window's own work between two ticks (its thread's CPU time)
# Wall time between two ticks. Two cores shared with the hog (and, in CI, other test
# processes) delay any thread; a Python import on a worker still takes the GIL in bursts.
# The freeze this guards against was 0.6-1.7 s on a busy machine.
WALL_MS = 600


@pytest.mark.usefixtures("office")
def test_the_window_never_stalls_after_log_in_beside_a_busy_process(
    db_url: str, tmp_path: Path
) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("the probe process opens the test's SQLite file")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    hog = subprocess.Popen([sys.executable, "-c", HOG.format(s=WATCH_S + 20)])
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.ui.loop_probe",
                db_url,
                str(tmp_path / "data"),
                str(tmp_path / "probe.ini"),
                str(WATCH_S),
            ],
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        hog.kill()
        hog.wait()
    lines = [x for x in done.stdout.splitlines() if x.startswith("gaps ")]
    assert lines, done.stderr[-2000:]
    seen = json.loads(lines[-1][5:])
    assert seen["logged_in"]
    gaps = seen["gaps"]
    at, stalls = 0, []
    for gap, cpu in gaps:
        at += gap
        if gap > LIMIT_MS:
            stalls.append(f"{gap} ms ({cpu} ms on the window's thread) at {at / 1000:.1f} s")
    print(f"{len(gaps)} ticks; stalls after log-in: {stalls}")
    assert len(gaps) > WATCH_S * 20, "the loop ticked far too rarely"
    assert max(c for _, c in gaps) <= LIMIT_MS, f"work on the window's thread: {stalls}"
    assert max(g for g, _ in gaps) <= WALL_MS, f"the event loop stalled: {stalls}"
