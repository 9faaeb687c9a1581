"""``puskesos sync``: a pass or a loop, enrolment, and the quarantine."""

from __future__ import annotations

import argparse
import json
import sys

from kiosk.context import Gateway, KioskContext
from kiosk.errors import KioskError
from ui.cli_common import login as _login
from ui.cli_common import secret as _secret


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    import time

    from kiosk.services.outbox import configure_upstream
    from kiosk.services.setup import get_site
    from sync.client import UpstreamError
    from sync.engine import engine_for

    gateway = Gateway(ctx)
    if a.quarantined or a.retry_quarantined is not None or a.drop_quarantined:
        return _quarantine(ctx, gateway, a)
    try:
        if a.enrol:
            if not a.as_user:
                raise KioskError("Pendaftaran memerlukan --as <administrator>.")
            actor = _login(ctx, a.as_user, a.as_password)
            site = gateway.call(get_site)
            kiosk_id = a.kiosk_id or (site.office_code if site else "")
            gateway.call(configure_upstream, actor, a.enrol, kiosk_id)
            engine_for(gateway, ctx.clock).enrol(
                kiosk_id, _secret(a.code, "PUSKESOS_ENROL_CODE", "Kode pendaftaran")
            )
            print(f"Kios {kiosk_id} terdaftar di {a.enrol}.")
            return 0
        engine = engine_for(gateway, ctx.clock)
    except UpstreamError as exc:
        print(f"Gagal: {type(exc).message}", file=sys.stderr)
        return 1
    while True:
        report = engine.run_once()
        if a.json:
            print(
                json.dumps(
                    {
                        "ok": report.ok,
                        "sent": report.sent,
                        "conflicts": report.conflicts,
                        "quarantined": report.quarantined,
                        "pulled": report.pulled,
                        "resent_after_restore": report.resent_after_restore,
                        "error": report.error,
                        "paused": report.paused,
                        "skew_seconds": report.skew_seconds,
                        "notes": report.notes,
                    }
                )
            )
        else:
            print(
                f"Terkirim {report.sent}, konflik {report.conflicts}, dikarantina "
                f"{report.quarantined}, status diterima {report.pulled}."
                + (f" Gagal: {report.error}" if report.error else "")
            )
            for note in report.notes:
                print(f"Catatan: {note}")
        if a.once or report.paused:
            return 0 if report.ok else 1
        time.sleep(report.next_delay if report.error else 30)


def _quarantine(ctx: KioskContext, gateway: Gateway, a: argparse.Namespace) -> int:
    """List, send again or drop what the server refused (the sync page's buttons)."""
    from kiosk.services import quarantine

    if not a.as_user:
        raise KioskError("Data karantina memerlukan --as <administrator>.")
    actor = _login(ctx, a.as_user, a.as_password)
    if a.quarantined:
        held = gateway.call(quarantine.quarantined, actor)
        if a.json:
            rows = [
                {"no": q.seq, "operation": q.op_type, "record": q.record, "reason": q.reason}
                for q in held
            ]
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            print(f"{len(held)} data ditolak server (karantina).")
            for q in held:
                print(f"  #{q.seq} {q.op_type} ({q.record}): {q.reason}")
        return 0
    if a.drop_quarantined:
        count = gateway.call(quarantine.drop, actor, a.drop_quarantined, a.reason)
        print(f"{count} data karantina dibuang; alasan dicatat di audit.")
        return 0
    count = gateway.call(quarantine.retry, actor, a.retry_quarantined or None)
    print(f"{count} data karantina diantrekan lagi; dikirim pada sinkronisasi berikutnya.")
    return 0
