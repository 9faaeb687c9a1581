"""``puskesos programmes``: which programmes a household may qualify for (a hint with its
reasons), and the catalogue's criteria as data for the administrator to change."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.context import Gateway, KioskContext
from kiosk.errors import ValidationError
from kiosk.services.actor import Actor
from kiosk.services.eligibility import eligible_programmes, set_programme_rules
from kiosk.services.ranking import rank_candidates
from kiosk.services.setup import require_site
from ui.cli_common import login

if TYPE_CHECKING:
    from ui.cli_common import Subparsers


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    progs = sub.add_parser(
        "programmes", parents=[common], help="program bantuan: syarat dan kemungkinan penerima"
    ).add_subparsers(dest="programmes_cmd", required=True)
    eligible = progs.add_parser(
        "eligible", parents=[common], help="program yang mungkin memenuhi syarat untuk satu NIK"
    )
    eligible.add_argument("nik", help="NIK warga yang sudah terdaftar")
    eligible.add_argument("--json", action="store_true", help="keluaran JSON")
    rules = progs.add_parser(
        "rules", parents=[common], help="ubah kriteria satu program (administrator)"
    )
    rules.add_argument("code", help="kode program, mis. BLT-DD")
    what = rules.add_mutually_exclusive_group(required=True)
    what.add_argument("--set", dest="rules", help='JSON, mis. {"all": [{"decile_max": 1}]}')
    what.add_argument("--reset", action="store_true", help="kembali ke kriteria bawaan")
    ranked = progs.add_parser(
        "rank", parents=[common], help="peringkat calon penerima program daerah/desa (koordinator)"
    )
    ranked.add_argument("code", help="kode program, mis. BLT-DD")
    ranked.add_argument("--quota", type=int, required=True, help="jumlah keluarga penerima")
    ranked.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="NAMA=BOBOT",
        help="bobot, mis. decile=5 disability=3 (bawaan: decile 5, disability 3, children 2, "
        "elderly 2, need 2, school 1, size 1)",
    )
    ranked.add_argument("--json", action="store_true", help="keluaran JSON")
    ranked.add_argument("--out", help="folder: tulis peringkat-KODE.pdf dan .xlsx untuk musdes")
    ranked.add_argument(
        "--submit", action="store_true", help="simpan dan ajukan ke supervisor (koordinator)"
    )
    kept = progs.add_parser(
        "lists", parents=[common], help="daftar peringkat yang diajukan dan statusnya"
    )
    kept.add_argument("--out", help="folder: tulis PDF dan XLSX daftar --id")
    kept.add_argument("--id", dest="list_id", help="satu daftar (8 huruf awal cukup)")
    review = progs.add_parser(
        "review", parents=[common], help="periksa daftar peringkat (supervisor, bukan pengaju)"
    )
    review.add_argument("list_id", help="nomor daftar (8 huruf awal cukup)")
    verdict = review.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true", help="setujui untuk musdes")
    verdict.add_argument("--reject", action="store_true", help="tolak (wajib --note)")
    review.add_argument("--note", default="", help="catatan / alasan penolakan")
    decide = progs.add_parser(
        "decide", parents=[common], help="catat keputusan musyawarah desa per keluarga"
    )
    decide.add_argument("list_id", help="nomor daftar (8 huruf awal cukup)")
    decide.add_argument("--meeting-date", required=True, help="tanggal musdes, TTTT-BB-HH")
    decide.add_argument("--ref", required=True, help="nomor berita acara")
    decide.add_argument(
        "--decision",
        action="append",
        default=[],
        metavar="NO_KK=KEPUTUSAN",
        help="ditetapkan, cadangan atau tidak_ditetapkan; yang tidak disebut: tidak_ditetapkan",
    )
    decide.add_argument(
        "--file", help="CSV berkolom no_kk,keputusan[,catatan] (baris judul boleh ada)"
    )
    for p in (eligible, rules, ranked, kept, review, decide):
        p.add_argument("--as", dest="as_user", required=True, help="nama pengguna petugas")
        p.add_argument("--as-password", help="atau PUSKESOS_PASSWORD; ditanya bila kosong")


def run(ctx: KioskContext, a: argparse.Namespace) -> int:
    actor = login(ctx, a.as_user, a.as_password)
    gateway = Gateway(ctx)
    if a.programmes_cmd == "rank":
        return _rank(gateway, actor, a)
    if a.programmes_cmd in ("lists", "review", "decide"):
        from ui.cli_rankings import run_kept

        return run_kept(gateway, actor, a)
    if a.programmes_cmd == "rules":
        try:
            rules = None if a.reset else json.loads(a.rules)
        except json.JSONDecodeError as exc:
            raise ValidationError(f"JSON kriteria tidak terbaca: {exc.msg}.") from exc
        print(json.dumps(gateway.call(set_programme_rules, actor, a.code, rules)))
        return 0
    found = gateway.call(eligible_programmes, actor, None, a.nik, ctx.clock)
    if a.json:
        print(json.dumps(asdict(found), ensure_ascii=False, indent=2))
        return 0
    print(
        f"{found.person}: desil {found.decile or '-'}; menerima {', '.join(found.receiving) or '-'}"
    )
    if not found.hints:
        print("Tidak ada program lain yang tampak memenuhi syarat.")
    for h in found.hints:
        mark = "mungkin memenuhi syarat" if h.verdict else "perlu dicek"
        print(f"- {h.code} ({h.name}): {mark}")
        for label, items in (
            ("terpenuhi", h.met),
            ("tidak", h.failed),
            ("belum diketahui", h.unknown),
        ):
            if items:
                print(f"    {label}: {'; '.join(items)}")
    print("Ini petunjuk, bukan keputusan: kepesertaan ditetapkan oleh pengelola program.")
    return 0


def _weights(pairs: list[str]) -> dict[str, float] | None:
    if not pairs:
        return None
    out = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            out[name.strip()] = float(value.replace(",", "."))
        except ValueError as exc:
            raise ValidationError(f"Bobot '{pair}' tidak terbaca: tulis NAMA=ANGKA.") from exc
    return out


def _rank(gateway: Gateway, actor: Actor, a: argparse.Namespace) -> int:
    from kiosk.identity import mask_nik

    if a.submit:
        from kiosk.services.ranking_lists import submit_ranking

        kept = gateway.call(submit_ranking, actor, a.code, a.quota, _weights(a.weight))
        print(
            f"Diajukan ke supervisor: daftar {str(kept.id)[:8]} ({kept.ranked} keluarga "
            f"diperingkat, {kept.excluded} dikecualikan)."
        )
        return 0
    result = gateway.call(rank_candidates, actor, a.code, a.quota, _weights(a.weight))
    if a.out:
        from ui.ranking_files import write_ranking

        site = gateway.call(require_site)
        for path in write_ranking(result, site, Path(a.out), gateway.ctx.clock.today()):
            print(f"Ditulis: {path}")
    if a.json:
        print(
            json.dumps(
                {
                    "programme": result.programme,
                    "quota": result.quota,
                    "weights": dict(result.weights),
                    "ranked": [
                        {
                            "rank": r.rank,
                            "key": r.candidate.key,
                            "no_kk": r.candidate.no_kk,
                            "head": r.candidate.head,
                            "nik": mask_nik(r.candidate.nik),
                            "score": r.score,
                            "reasons": list(r.reasons),
                            "within_quota": r.within_quota,
                        }
                        for r in result.ranked
                    ],
                    "excluded": [
                        {"key": e.candidate.key, "no_kk": e.candidate.no_kk, "reason": e.reason}
                        for e in result.excluded
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for r in result.ranked:
        mark = "*" if r.within_quota else " "
        print(
            f"{mark}{r.rank:4d}. {r.candidate.head} (KK {r.candidate.no_kk}) skor {r.score:.2f}: "
            + ", ".join(r.reasons)
        )
    print(f"* dalam kuota {result.quota}. Dikecualikan: {len(result.excluded)} keluarga.")
    return 0
