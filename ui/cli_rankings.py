"""``puskesos programmes lists|review|decide``: a kept ranking's road through the supervisor's
review and the village meeting's decision (the services are in
:mod:`kiosk.services.ranking_lists`)."""

from __future__ import annotations

import argparse
import csv
import uuid
from datetime import date
from pathlib import Path

from kiosk.context import Gateway
from kiosk.errors import NotFound, ValidationError
from kiosk.services.actor import Actor
from kiosk.services.ranking_lists import (
    ListView,
    list_rankings,
    record_meeting_decision,
    review_ranking,
    stored_ranking,
)
from kiosk.services.setup import require_site


def find_list(gateway: Gateway, actor: Actor, prefix: str) -> ListView:
    """A kept list by its number or the first characters of it, as the command prints it."""
    wanted = prefix.strip().lower()
    matches = [v for v in gateway.call(list_rankings, actor) if str(v.id).startswith(wanted)]
    if not wanted or not matches:
        raise NotFound(f"Daftar peringkat {prefix} tidak ditemukan; lihat `programmes lists`.")
    if len(matches) > 1:
        raise ValidationError(f"Nomor {prefix} cocok dengan beberapa daftar; tulis lebih panjang.")
    return matches[0]


def read_decisions(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """``no_kk,keputusan[,catatan]`` rows; a header row is skipped, blank lines too."""
    decisions: dict[str, str] = {}
    notes: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ValidationError(f"Berkas {path} tidak terbaca ({exc.strerror}).") from exc
    for n, row in enumerate(csv.reader(text.splitlines()), 1):
        cells = [c.strip() for c in row]
        if not any(cells) or (n == 1 and not cells[0].isdigit()):
            continue
        if len(cells) < 2:
            raise ValidationError(f"Baris {n} berkas {path.name}: tulis no_kk,keputusan.")
        decisions[cells[0]] = cells[1].lower()
        if len(cells) > 2 and cells[2]:
            notes[cells[0]] = cells[2]
    return decisions, notes


def _pairs(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise ValidationError(f"'{item}' tidak terbaca: tulis NO_KK=KEPUTUSAN.")
        out[key.strip()] = value.strip().lower()
    return out


def run_kept(gateway: Gateway, actor: Actor, a: argparse.Namespace) -> int:
    clock = gateway.ctx.clock
    if a.programmes_cmd == "review":
        kept = find_list(gateway, actor, a.list_id)
        done = gateway.call(review_ranking, actor, kept.id, bool(a.approve), a.note, clock)
        print(f"Daftar {str(done.id)[:8]}: {done.status_words}.")
        return 0
    if a.programmes_cmd == "decide":
        kept = find_list(gateway, actor, a.list_id)
        try:
            day = date.fromisoformat(a.meeting_date)
        except ValueError as exc:
            raise ValidationError("Tanggal musdes ditulis TTTT-BB-HH, mis. 2026-11-20.") from exc
        decisions, notes = read_decisions(Path(a.file)) if a.file else ({}, {})
        decisions |= _pairs(a.decision)
        done = gateway.call(
            record_meeting_decision, actor, kept.id, day, a.ref, decisions, notes, clock
        )
        print(
            f"Keputusan musdes {done.meeting_ref} dicatat: {done.selected} keluarga ditetapkan; "
            "dikirim ke kabupaten pada sinkronisasi berikutnya."
        )
        return 0
    if a.list_id or a.out:
        if not a.list_id:
            raise ValidationError("Sebut daftar yang ditulis: --id NOMOR.")
        kept = find_list(gateway, actor, a.list_id)
        return _write(gateway, actor, kept.id, Path(a.out) if a.out else None)
    for v in gateway.call(list_rankings, actor, clock):
        print(f"{str(v.id)[:8]}  {v.title}  ({v.ranked} diperingkat; {v.status_words})")
    return 0


def _write(gateway: Gateway, actor: Actor, list_id: uuid.UUID, out: Path | None) -> int:
    from ui.ranking_files import write_ranking

    kept = gateway.call(stored_ranking, actor, list_id, gateway.ctx.clock)
    print(f"{kept.view.title}. {kept.status_line}")
    if out is not None:
        site = gateway.call(require_site)
        decisions = kept.decisions if kept.decisions else None
        for path in write_ranking(
            kept.ranking, site, out, gateway.ctx.clock.today(), kept.status_line, decisions
        ):
            print(f"Ditulis: {path}")
    return 0
