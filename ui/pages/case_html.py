"""One case as the back office reads it: status, person, complaint, timeline, referrals,
products and documents, as HTML for the detail pane (every value escaped)."""

from __future__ import annotations

import html
from typing import Any

from kiosk.clock import tanggal, tanggal_jam
from kiosk.services.case_views import CaseView
from ui import words
from ui.i18n import translate


def case_html(v: CaseView, clock: Any) -> str:
    """The record as rich text: readable by screen readers, printable, no widget maze."""
    e = html.escape
    urgent = e(translate("case_html", "DARURAT - didahulukan"))
    flag = f"<p style='color:#b00020'><b>{urgent}</b></p>" if v.emergency else ""
    secret = (
        "<p>" + e(translate("case_html", "Rahasia: jangan dibacakan di depan umum.")) + "</p>"
        if v.sensitive
        else ""
    )
    need = translate("case_html", "Kebutuhan akses: {0}")
    access = "".join(f"<p><b>{e(need.format(n.label))}</b>. {e(n.guide)}</p>" for n in v.access)
    rows = _facts(v)
    out = [f"<h2>{e(v.tracking_number)}</h2>", flag, access, secret, "<table cellpadding='3'>"]
    out += [f"<tr><td><b>{e(k)}</b></td><td>{e(val)}</td></tr>" for k, val in rows]
    out.append("</table>")
    out += _community_parts(v)
    out += _referrals(v)
    for p in v.products:
        signed = (
            translate("case_html", ", ditandatangani {0}").format(p.signed_by_name)
            if p.signed_by_name
            else ""
        )
        out.append(
            f"<h3>{e(p.product_label)} ({e(words.product_status(p.status))}{e(signed)})</h3>"
        )
    for s in v.resolution_steps:
        votes = _votes(s.votes)
        text = translate("case_html", "Penyelesaian, {0}: {1} {2}")
        said = text.format(
            words.step_role(s.role, s.role_label), words.step_status(s.status), votes
        )
        out.append("<p>" + e(said) + "</p>")
    if v.documents:
        out.append("<h3>" + e(translate("case_html", "Dokumen")) + "</h3><ul>")
        out += [f"<li>{e(k.replace('_', ' '))}: {e(n)}</li>" for k, n in v.documents]
        out.append("</ul>")
    out.append("<h3>" + e(translate("case_html", "Riwayat")) + "</h3><ul>")
    for t in v.timeline:
        note = f" - {e(t.note)}" if t.note else ""
        said = e(words.event(t.kind, t.to_status))
        out.append(f"<li>{e(tanggal_jam(t.at, clock))}: <b>{said}</b>{note} ({e(t.officer)})</li>")
    out.append("</ul>")
    return "".join(out)


def _community_parts(v: CaseView) -> list[str]:
    """Depok's stage with its next step and due day; a community case's households."""
    e = html.escape
    out: list[str] = []
    if v.stage:
        st = v.stage
        said = [st.step]
        if st.due_on:
            said.append(
                translate("case_html", "Tahap ini selesai paling lambat {0}.").format(
                    tanggal(st.due_on)
                )
            )
        if st.next_label:
            said.append(translate("case_html", "Tahap berikutnya: {0}.").format(st.next_label))
        out.append(
            "<h3>"
            + e(translate("case_html", "Tahapan (prosedur Depok): {0}").format(st.label))
            + "</h3>"
            f"<p>{e(' '.join(w for w in said if w))}</p>"
        )
    if v.households:
        heading = translate("case_html", "Keluarga terdampak ({0})").format(len(v.households))
        out.append(f"<h3>{e(heading)}</h3><ul>")
        out += [f"<li>KK {e(kk)} {e(head)}</li>" for kk, head in v.households]
        out.append("</ul>")
    return out


def _facts(v: CaseView) -> list[tuple[str, str]]:
    """The case's table: label and value per line."""
    due = tanggal(v.due_on) if v.due_on else "-"
    upstream = {
        "lokal": translate("case_html", "belum terkirim ke kabupaten"),
        "terkirim": translate("case_html", "terkirim, menunggu diterima"),
        "diterima": translate("case_html", "diterima kabupaten"),
    }.get(v.upstream_state, v.upstream_state)
    who = (
        (
            translate("case_html", "Komunitas"),
            translate("case_html", "{0} ({1} keluarga terdampak)").format(
                v.community, len(v.households)
            ),
        )
        if v.subject == "komunitas"
        else (
            translate("case_html", "Warga"),
            translate("case_html", "{0} (NIK {1})").format(v.person_name, v.nik_masked),
        )
    )
    rows = [
        (translate("case_html", "Nomor lacak"), v.tracking_number),
        who,
        (translate("case_html", "Status"), words.status(v.status)),
        (translate("case_html", "Meja"), v.desk_label),
        (translate("case_html", "Batas jawaban"), f"{due} - {words.health(v.health)}"),
        (
            translate("case_html", "Sektor / kategori"),
            " / ".join(x for x in (v.sector, v.category) if x),
        ),
        (translate("case_html", "Program"), v.programme or "-"),
        (
            (translate("case_html", "Kejadian"), next((t.note for t in v.timeline if t.note), "-"))
            if v.subject == "komunitas"
            else (translate("case_html", "Keluhan"), v.description or "-")
        ),
        (translate("case_html", "Keputusan"), v.decision or "-"),
        (
            translate("case_html", "Warga sudah diberi tahu"),
            translate("case_html", "ya") if v.told else translate("case_html", "belum"),
        ),
        (translate("case_html", "Kabupaten"), upstream),
    ]
    return rows


def _referrals(v: CaseView) -> list[str]:
    """Each referral with its steps and their votes."""
    e = html.escape
    out: list[str] = []
    for r in v.referrals:
        out.append(
            "<h3>"
            + e(translate("case_html", "Rujukan ke {0}").format(r.destination_label))
            + "</h3>"
            f"<p><b>{e(words.referral_status(r.status))}</b> "
            + e(translate("case_html", "(putaran {0})").format(r.round))
            + "</p>"
            f"<p>{e(r.reason)}</p><ul>"
        )
        for s in r.steps:
            votes = _votes(s.votes)
            out.append(
                "<li>"
                + e(translate("case_html", "Putaran {0}, {1}: {2} {3}")).format(
                    s.round,
                    e(words.step_role(s.role, s.role_label)),
                    e(words.step_status(s.status)),
                    e(votes),
                )
                + "</li>"
            )
        out.append("</ul>")
    return out


def _votes(votes: tuple[tuple[str, str, str], ...]) -> str:
    """Who decided what, and why: *Agus: approved - data checked*."""
    return "; ".join(f"{n}: {words.vote(d)}{(' - ' + x) if x else ''}" for n, d, x in votes)
