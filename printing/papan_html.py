"""The papan visual as one self-contained web page: inline style, inline SVG charts, no script,
no font or file from anywhere else, so it works from a USB stick, the village website or a TV
on the office LAN, and a browser makes no request off the machine for it.

It is given the public report (counts under five already hidden) and shows aggregates only.
Every chart has its table beneath it, so a screen reader and a printout read the same numbers.
"""

from __future__ import annotations

from html import escape

from kiosk.clock import tanggal
from kiosk.reports.model import Report, Table
from kiosk.reports.panels import headline
from kiosk.reports.public import HIDDEN, LEGEND
from printing.report_values import number, shown

STYLE = """
:root { --ink:#111; --paper:#fff; --bar:#1f5f8b; --soft:#eef3f7; --line:#9aa; }
@media (prefers-contrast: more) { :root { --bar:#000; --soft:#fff; --line:#000; } }
* { box-sizing: border-box; }
body { margin:0; font: 16px/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif;
  color:var(--ink); background:var(--paper); }
header { padding:16px 24px; background:var(--bar); color:#fff; }
header h1 { margin:0; font-size:1.6em; } header p { margin:4px 0 0; }
main { padding:16px 24px; max-width:1400px; margin:auto; }
.tiles { display:grid; grid-template-columns:repeat(auto-fit,minmax(200px,1fr)); gap:12px; }
.tile { background:var(--soft); border:1px solid var(--line); padding:12px; }
.tile b { display:block; font-size:2em; }
section { margin-top:28px; } h2 { border-bottom:3px solid var(--bar); padding-bottom:4px; }
.grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(420px,1fr)); gap:20px; }
figure { margin:0; border:1px solid var(--line); padding:10px; overflow-x:auto; }
figcaption { font-weight:bold; margin-bottom:6px; }
table { border-collapse:collapse; width:100%; font-size:.9em; margin-top:6px; }
th, td { border:1px solid var(--line); padding:3px 6px; text-align:right; }
th:first-child, td:first-child { text-align:left; }
tfoot td { font-weight:bold; } .note { font-size:.9em; }
footer { padding:16px 24px; font-size:.85em; }
"""

BAR_HEIGHT, MAX_BARS, LABEL_WIDTH, CHART_WIDTH = 22, 12, 190, 460


def _svg(t: Table) -> str:
    rows = [r for r in t.rows[:MAX_BARS]]
    top = max((number(r.values[-1]) for r in rows), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 60
    height = BAR_HEIGHT * len(rows) + 4
    parts = [
        f'<svg role="img" aria-label="{escape(t.title)}" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, r in enumerate(rows):
        y = i * BAR_HEIGHT + 2
        w = max(number(r.values[-1]) / top * span, 0)
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{escape(r.label[:30])}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{w:.1f}" height="{BAR_HEIGHT - 6}" '
            f'fill="var(--bar)"/>'
            f'<text x="{LABEL_WIDTH + w + 4:.1f}" y="{y + 15}" font-size="12">'
            f"{escape(shown(r.values[-1]))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(t: Table) -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in t.columns)
    body = "".join(
        f'<tr><th scope="row">{escape(r.label)}</th>'
        + "".join(f"<td>{escape(shown(v))}</td>" for v in r.values)
        + "</tr>"
        for r in t.rows
    )
    foot = ""
    if t.total:
        cells = "".join(f"<td>{escape(shown(v))}</td>" for v in t.total.values)
        foot = f"<tfoot><tr><td>{escape(t.total.label)}</td>{cells}</tr></tfoot>"
    hidden = any(v == HIDDEN for r in (*t.rows, *([t.total] if t.total else [])) for v in r.values)
    legend = f" &middot; {escape(LEGEND)}" if hidden else ""
    return (
        f'<table><caption class="note">Satuan: {escape(t.unit)}{legend}</caption>'
        f"<thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody>{foot}</table>"
    )


def _figure(t: Table) -> str:
    chart = _svg(t) if t.chart == "bar" and t.rows else ""
    if not t.rows:
        return (
            f"<figure><figcaption>{escape(t.title)}</figcaption>"
            '<p class="note">Tidak ada data dalam periode ini.</p></figure>'
        )
    return f"<figure><figcaption>{escape(t.title)}</figcaption>{chart}{_table(t)}</figure>"


def papan_html(report: Report, refresh_seconds: int | None = None) -> str:
    """The page. ``refresh_seconds`` makes a TV reload it (the served page); none for a file."""
    if not report.public:
        raise ValueError("the papan visual shows the public report only (counts under 5 hidden)")
    p, site = report.period, report.site
    refresh = (
        f'<meta http-equiv="refresh" content="{int(refresh_seconds)}">' if refresh_seconds else ""
    )
    tiles = "".join(
        f'<div class="tile">{escape(label)}<b>{escape(shown(v))}</b></div>'
        for label, v in headline(report)
    )
    sections = "".join(
        f'<section aria-labelledby="p-{panel.code}"><h2 id="p-{panel.code}">'
        f"{escape(panel.title)}</h2><p>{escape(panel.summary)}</p>"
        + "".join(f'<p class="note">{escape(n)}</p>' for n in panel.notes)
        + '<div class="grid">'
        + "".join(_figure(t) for t in panel.tables)
        + "</div></section>"
        for panel in report.panels
    )
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{refresh}<title>Papan visual {escape(site.name)} - {escape(p.label)}</title>"
        f"<style>{STYLE}</style></head><body>"
        f"<header><h1>Papan visual {escape(site.name)}</h1>"
        f"<p>Desa {escape(site.village_name)}, Kec. {escape(site.district_name)}, "
        f"{escape(site.regency_name)} &middot; {escape(p.label)}</p></header>"
        f'<main><div class="tiles" role="list">{tiles}</div>{sections}</main>'
        f"<footer>Diperbarui {escape(tanggal(report.generated_at.date()))}. "
        f"Data DTKS/DTSEN: {escape(report.snapshot)}. Hanya angka gabungan; jumlah di bawah 5 "
        "ditulis &lt;5 agar tidak ada keluarga yang dapat dikenali; "
        f"{escape(LEGEND)}.</footer></body></html>"
    )
