"""``puskesos --smoke SLIP --db URL``: the bundle's smoke test of the window (hidden option).

A built bundle can start and still fail the first time a page is opened: a page's module, a
Qt plugin or a data file left out by the packager shows only then. So each demo officer logs
in (together the six roles see every page), opens every page of their menu and lets it load;
then the front office issues a ticket and prints it on a file printer (``file:SLIP``), by the
same service the window's print button uses. Exit status 0 when every page opened without an
error and the slip holds ESC/POS bytes, 1 otherwise; one line per page on standard output.
Run with ``QT_QPA_PLATFORM=offscreen`` (packaging/smoke_test.sh does).
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from kiosk.context import Gateway, KioskContext
from kiosk.demo import DEMO_OFFICERS, DEMO_PASSWORD
from kiosk.services.auth import login
from kiosk.services.reference import choices
from kiosk.services.slips import PrintOutcome, print_ticket
from kiosk.services.tickets import issue_ticket

SETTLE_S = 0.3  # a page's first load runs off the window's thread: let it arrive


def run_smoke(db: str | None, data_dir: str | None, slip: str) -> int:
    from PySide6.QtWidgets import QApplication

    from ui.app import build_window

    errors: list[str] = []
    previous = sys.excepthook

    def record(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        errors.append("".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = record  # PySide6 reports a failing slot here and carries on
    try:
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
        ctx = KioskContext.open(db, data_dir)
        window = build_window(ctx, demo=True)
        window.resize(1280, 800)
        window.show()
        while not window.ready:  # the site is read through an op
            app.processEvents()
        for username, _name, _roles in DEMO_OFFICERS:
            _open_every_page(app, ctx, window, username, errors)
        printed = _print_ticket(app, ctx, window, slip)
        window.close()
        ctx.close()
    except Exception:
        errors.append(traceback.format_exc())
        printed = False
    finally:
        sys.excepthook = previous
    for error in errors:
        print(error, file=sys.stderr)
    print(f"tiket: {'tercetak' if printed else 'GAGAL'} ({slip})", flush=True)
    return 0 if printed and not errors else 1


def _open_every_page(
    app: object, ctx: KioskContext, window: object, username: str, errors: list[str]
) -> None:
    actor = Gateway(ctx).call(login, username, DEMO_PASSWORD, ctx.clock)
    window.on_logged_in(actor)  # type: ignore[attr-defined]
    shell = window.shell  # type: ignore[attr-defined]
    for key in shell.page_keys():
        before = len(errors)
        shell.show_key(key)
        _settle(app)
        state = "GAGAL" if len(errors) > before else "terbuka"
        print(f"{username}: {key} {state}", flush=True)


def _settle(app: object) -> None:
    deadline = time.monotonic() + SETTLE_S
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def _print_ticket(app: object, ctx: KioskContext, window: object, slip: str) -> bool:
    """A ticket from the front office, printed as the walk-in page prints it: off the window's
    thread, the window's events served meanwhile."""
    gateway, env = Gateway(ctx), window.env  # type: ignore[attr-defined]

    def issue_and_print() -> PrintOutcome:
        actor = gateway.call(login, "depan", DEMO_PASSWORD, ctx.clock)
        service = gateway.call(lambda s: choices(s, "layanan_antrian")[0].code)
        ticket = gateway.call(issue_ticket, actor, service, None, ctx.clock)
        return print_ticket(gateway, actor, ticket, f"file:{slip}", 58, env.thermal, ctx.clock)

    done: list[object] = []
    env.run(window, issue_and_print).success(done.append).failure(done.append).run()
    deadline = time.monotonic() + 60
    while not done and time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)
    if done and isinstance(done[0], Exception):
        raise done[0]
    outcome = done[0] if done else None
    if not isinstance(outcome, PrintOutcome):
        return False
    path = Path(slip)
    return outcome.ok and path.is_file() and path.stat().st_size > 0
