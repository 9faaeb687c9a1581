"""The Papan visual page's longest stall of the event loop (offscreen Qt, the real thread pool).

A 5 ms repeating timer notes the time between its ticks while the page computes a month in
the background and then draws every table of every panel; the longest gap is the stall an
officer would feel.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def stall(ctx, actor, period) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import build_env
    from ui.local_settings import LocalSettings
    from ui.ops import ThreadExecutor
    from ui.pages.papan import PapanPage

    app = QApplication.instance() or QApplication([])
    settings = LocalSettings(
        QSettings(str(ctx.paths.data_dir / "bench.ini"), QSettings.Format.IniFormat)
    )
    executor = ThreadExecutor()
    env = build_env(ctx, settings=settings, executor=executor)
    import gc

    gc.collect()
    gc.freeze()  # as the window does once it is up (ui.app.settle_memory)
    page = PapanPage(env, actor)
    page._asked = True  # the benchmark chooses the period itself
    page.resize(1136, 672)
    page.show()  # the page counts the current month when first shown: let that finish first
    shown = time.perf_counter()
    while page.report is None and time.perf_counter() - shown < 60:
        app.processEvents()
    page.report = None
    gaps: list[float] = []
    last = [time.perf_counter()]
    phase = ["computing"]
    worst: dict[str, float] = {}

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        worst[phase[0]] = max(worst.get(phase[0], 0.0), now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    page.period_edit.setEditText(period.code)
    started = time.perf_counter()
    page.show_period()
    while page.report is None and time.perf_counter() - started < 60:
        app.processEvents()
    computed = time.perf_counter() - started
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        view = page.tabs.widget(i)
        for j in range(view.tables.count()):
            phase[0] = f"{view.panel.code}/{j}"
            view.tables.setCurrentIndex(j)
            app.processEvents()
            app.processEvents()
    timer.stop()
    longest = max(gaps[1:], default=0.0)
    print(
        f"page       {period.code:<15} computed in {computed * 1e3:7.1f} ms off the UI thread; "
        f"longest stall {longest * 1e3:5.1f} ms over {len(gaps)} ticks  (target <= 50 ms)"
    )
    page.close()
    top = sorted(worst.items(), key=lambda kv: -kv[1])[:3]
    print("           longest by phase: " + ", ".join(f"{k} {v * 1e3:.0f} ms" for k, v in top))
    return longest
