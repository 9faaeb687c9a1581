"""A profile as lines of text, each value followed by its article in brackets: what
``puskesos profile show`` prints and the administrator's page shows (values are the
regulation's own words, not translated)."""

from __future__ import annotations

from typing import Any


def lines(body: dict[str, Any]) -> list[str]:
    """The document as text, each value followed by its article in brackets."""
    out = [f"{body['title']}: {body['regulation']}", f"Versi {body['version']}", ""]
    chains = body["chains"]
    named = [("Persetujuan penyelesaian", chains["resolution"])]
    named += [("Persetujuan produk layanan", chains["product"])]
    named += [("Rujukan lokal", chains["referral"]["local"])]
    named += [("Rujukan keluar desa", chains["referral"]["outward"])]
    roles = {code: item["label"] for code, item in body["labels"]["roles"].items()}
    for title, chain in named:
        out.append(f"{title}:")
        out += [f"  {roles[s['role']]} di {s['decided']} [{s['cite']}]" for s in chain]
    out.append("Diperiksa sebelum dikirim ke hulu:")
    review = body["review_before_upstream"]
    out += [f"  {r['record']}: {roles[r['role']]} [{r['cite']}]" for r in review] or ["  -"]
    out.append("Hari kerja jatuh tempo:")
    for part in ("urgency", "stages"):
        out += [f"  {k}: {v['days']} [{v['cite']}]" for k, v in body["due_days"][part].items()]
    out.append("Eskalasi:")
    out += [
        f"  setelah {e['after_working_days']} hari [{e['days_cite']}] ke {e['to']} [{e['cite']}]"
        for e in body["escalation"]
    ]
    out.append("Sebutan:")
    for group in ("roles", "units"):
        out += [f"  {k}: {v['label']} [{v['cite']}]" for k, v in body["labels"][group].items()]
    out += [f"Penanda tangan {k}: {v['title']} [{v['cite']}]" for k, v in body["signer"].items()]
    out.append("Laporan:")
    out += [
        f"  {r['name']}, {r['period']} [{r['period_cite']}] ke {r['recipient']} [{r['cite']}]"
        for r in body["reports"]
    ]
    out.append("Wajib diisi saat registrasi:")
    out += [f"  {f['field']} [{f['cite']}]" for f in body["registration"]]
    return out
