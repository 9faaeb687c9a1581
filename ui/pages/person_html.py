"""A citizen's profile as HTML for the person page (every value escaped; NIKs come masked)."""

from __future__ import annotations

import html

from kiosk.formatting import angka
from kiosk.services.person_profile import PersonProfile
from ui import words
from ui.i18n import translate


def _age(years: int | None) -> str:
    return (
        translate("person_html", "{0} th").format(angka(years))
        if years is not None
        else translate("person_html", "umur ?")
    )


def _decided(p: PersonProfile) -> list[tuple[str, str]]:
    """The programmes a musyawarah desa decided for the household, with its berita acara."""
    decided = [
        translate("person_html", "{0} sejak {1:%d-%m-%Y}, berita acara {2}").format(
            x.programme_code, x.since, x.source_ref
        )
        for x in p.participation
        if x.source == "musdes" and x.since
    ]
    if not decided:
        return []
    return [(translate("person_html", "Ditetapkan musyawarah desa"), "; ".join(decided))]


def person_html(p: PersonProfile) -> str:
    """Who, the household, programmes, needs, cases and PPKS, then the hints with reasons."""
    e = html.escape
    el = p.eligibility
    rows = [
        (translate("person_html", "NIK"), p.nik_masked),
        (translate("person_html", "Jenis kelamin / umur"), f"{p.sex}, {_age(p.age)}"),
        (translate("person_html", "Disabilitas"), p.disability or "-"),
        (translate("person_html", "No. KK"), p.no_kk),
        (translate("person_html", "Alamat"), p.address or "-"),
        (
            translate("person_html", "Desil DTKS/DTSEN"),
            str(el.decile) if el.decile else translate("person_html", "tidak ada di DTKS/DTSEN"),
        ),
        (translate("person_html", "Program diterima"), ", ".join(el.receiving) or "-"),
        (translate("person_html", "Kebutuhan tercatat"), ", ".join(p.needs) or "-"),
    ]
    rows += _decided(p)
    out = [f"<h2>{e(p.name)}</h2><table cellpadding='3'>"]
    out += [f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows]
    out.append("</table>")
    out.append(
        "<h3>"
        + e(translate("person_html", "Mungkin memenuhi syarat (petunjuk, bukan keputusan)"))
        + "</h3>"
    )
    if not el.hints:
        out.append(
            "<p>"
            + e(translate("person_html", "Tidak ada program lain yang tampak memenuhi syarat."))
            + "</p>"
        )
    for h in el.hints:
        mark = (
            translate("person_html", "mungkin memenuhi syarat")
            if h.verdict
            else translate("person_html", "perlu dicek")
        )
        out.append(f"<p><b>{e(h.code)}</b> ({e(h.name)}): {e(mark)}</p><ul>")
        for label, items in (
            (translate("person_html", "terpenuhi"), h.met),
            (translate("person_html", "tidak terpenuhi"), h.failed),
            (translate("person_html", "belum diketahui"), h.unknown),
        ):
            if items:
                out.append(f"<li>{e(label)}: {e('; '.join(items))}</li>")
        out.append("</ul>")
    heading = translate("person_html", "Anggota keluarga ({0})").format(len(p.members))
    out.append(f"<h3>{e(heading)}</h3><ul>")
    for m in p.members:
        facts = (
            m.relationship,
            m.disability,
            translate("person_html", "meninggal") if m.deceased else "",
        )
        about = ", ".join(x for x in (_age(m.age), *facts) if x)
        name = f"<b>{e(m.name)}</b>" if m.is_subject else e(m.name)
        out.append(f"<li>{name} ({e(m.nik_masked)}), {e(about)}</li>")
    out.append("</ul>")
    out.append("<h3>" + e(translate("person_html", "Kasus ({0})").format(len(p.cases))) + "</h3>")
    if p.cases:
        out.append("<ul>")
        out += [
            f"<li>{e(c.tracking_number)} ({e(c.kind)}, {c.opened_on:%d-%m-%Y}): "
            f"{e(words.status(c.status))}</li>"
            for c in p.cases
        ]
        out.append("</ul>")
    else:
        out.append("<p>" + e(translate("person_html", "Belum ada kasus.")) + "</p>")
    if p.ppks:
        out.append("<h3>" + e(translate("person_html", "Tercatat sebagai PPKS")) + "</h3><ul>")
        out += [f"<li>{e(x)}</li>" for x in p.ppks]
        out.append("</ul>")
    return "".join(out)
