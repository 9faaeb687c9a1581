"""A4 documents with the village letterhead, numbers and signature blocks (reportlab platypus).

Citizen-facing papers (receipt, status letter) carry a masked NIK; papers addressed to an
agency or to DTKS verification (referral, registration form, BNBA list) carry the full NIK,
because the receiving office must identify the person. DejaVu Sans is embedded so names with
any accent print the same on every machine.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    HRFlowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import (
    Image as RLImage,
)
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.flowables import Flowable

from kiosk.clock import tanggal
from kiosk.identity import mask_nik
from kiosk.services.setup import SiteView

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    rl_config.canvas_basefontname = FONT  # nothing falls back to an unembedded Helvetica


_register_fonts()
BODY = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=10.5, leading=14)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName=FONT_BOLD, fontSize=12.5, leading=16, alignment=TA_CENTER
)
CENTER = ParagraphStyle("center", parent=BODY, alignment=TA_CENTER)
STRONG = ParagraphStyle("strong", parent=BODY, fontName=FONT_BOLD)
HEAD = ParagraphStyle("head", parent=CENTER, fontName=FONT_BOLD, fontSize=12, leading=15)


@dataclass(frozen=True)
class PersonFacts:
    name: str
    nik: str | None
    no_kk: str | None = None
    birth: str = ""  # "Kendal, 17 Agustus 1990"
    sex: str = ""
    address: str = ""
    phone: str = ""
    disability: str = ""
    dtks: str = ""  # "Terdaftar DTSEN desil 2 (data 8 Oktober 2026)"


@dataclass(frozen=True)
class Signer:
    role: str  # "Kepala Desa Sukamaju"
    name: str
    note: str = ""  # "disetujui 21 November 2026"


@dataclass(frozen=True)
class Header:
    """What every document starts with."""

    site: SiteView
    number: str
    day: date
    provisional: bool = False


def _e(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(_e(text), style)


def _letterhead(site: SiteView) -> list[Flowable]:
    regency = site.regency_name.upper().replace("KAB. ", "KABUPATEN ")
    kind = "KELURAHAN" if site.village_code[6:7] == "1" else "DESA"
    return [
        para(f"PEMERINTAH {regency}", HEAD),
        para(f"KECAMATAN {site.district_name.upper()}", HEAD),
        para(f"{kind} {site.village_name.upper()}", HEAD),
        para(f"{site.name} - {site.address}".rstrip(" -"), CENTER),
        HRFlowable(width="100%", thickness=1.6, color=colors.black, spaceBefore=3, spaceAfter=10),
    ]


def title_block(header: Header, title: str) -> list[Flowable]:
    out: list[Flowable] = [
        *_letterhead(header.site),
        para(title, TITLE),
        para(f"Nomor: {header.number}", CENTER),
        Spacer(1, 8),
    ]
    if header.provisional:
        out.append(
            para(
                "SEMENTARA - belum diterima server SLRT kabupaten; nomor tetap berlaku.",
                ParagraphStyle("prov", parent=CENTER, fontName=FONT_BOLD),
            )
        )
        out.append(Spacer(1, 6))
    return out


def _rows(rows: Sequence[tuple[str, str]], width: float = 174 * mm) -> Table:
    """Label : value rows in ``width`` (the whole text width, or less beside a QR): the values
    wrap inside it, never under what stands next to the table."""
    # Labels never wrap: plain strings are drawn directly, a third of the cost of Paragraphs.
    data = [[k, ":", para(v)] for k, v in rows]
    table = Table(data, colWidths=[45 * mm, 5 * mm, width - 50 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # Table would set Helvetica
                ("FONTSIZE", (0, 0), (-1, -1), BODY.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _qr(text: str, size: float = 34 * mm) -> RLImage:
    """The QR as a small 1-bit image (the qrcode package python-escpos already brings): drawn as
    vector squares it tripled the receipt's rendering time (27 ms instead of 9)."""
    import qrcode
    from qrcode.image.pil import PilImage

    buf = io.BytesIO()
    qrcode.make(text, box_size=4, border=1, image_factory=PilImage).save(buf, format="PNG")
    buf.seek(0)
    return RLImage(buf, width=size, height=size)


def grid(
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float] | None = None,
    style: ParagraphStyle = SMALL,
) -> Table:
    data = [[para(h, ParagraphStyle("th", parent=style, fontName=FONT_BOLD)) for h in head]]
    data += [[para(c, style) for c in row] for row in rows]
    table = Table(data, colWidths=list(widths) if widths else None, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # Table would set Helvetica
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def signatures(header: Header, signers: Sequence[Signer]) -> list[Flowable]:
    place = header.site.village_name
    cells = []
    for i, s in enumerate(signers):
        top = f"{place}, {tanggal(header.day)}" if i == len(signers) - 1 else ""
        lines = [
            top,
            s.role,
            "",
            "",
            "",
            f"<u>{_e(s.name)}</u>" if s.name else "(.................)",
        ]
        if s.note:
            lines.append(_e(s.note))
        cells.append(
            Paragraph("<br/>".join(_e(x) if not x.startswith("<u>") else x for x in lines), CENTER)
        )
    table = Table([cells], hAlign="CENTER")
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return [Spacer(1, 14), table]


def _person_rows(p: PersonFacts, masked: bool) -> list[tuple[str, str]]:
    rows = [("Nama", p.name)]
    if p.nik:  # no empty "NIK : -" row for a person registered without one
        rows.append(("NIK", mask_nik(p.nik) if masked else p.nik))
    if p.no_kk and not masked:
        rows.append(("No. KK", p.no_kk))
    for label, value in (
        ("Tempat/tgl lahir", p.birth),
        ("Jenis kelamin", p.sex),
        ("Alamat", p.address),
        ("Telepon", "" if masked else p.phone),
        ("Disabilitas", p.disability),
        ("Status DTKS/DTSEN", p.dtks),
    ):
        if value:
            rows.append((label, value))
    return rows


def build_pdf(
    story: list[Flowable],
    header: Header,
    title: str,
    pagesize: tuple[float, float] = A4,
    invariant: bool = False,
) -> bytes:
    buf = io.BytesIO()
    previous = rl_config.invariant
    rl_config.invariant = 1 if invariant else previous
    footer_text = f"{header.number} - {header.site.name}"

    def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.drawString(18 * mm, 10 * mm, footer_text)
        canvas.drawRightString(pagesize[0] - 18 * mm, 10 * mm, f"Halaman {doc.page}")
        canvas.restoreState()

    try:
        doc = SimpleDocTemplate(
            buf,
            pagesize=pagesize,
            title=title,
            author=header.site.name,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=14 * mm,
            bottomMargin=18 * mm,
            initialFontName=FONT,
            invariant=1 if invariant else 0,
        )
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
    finally:
        rl_config.invariant = previous
    return buf.getvalue()


@dataclass(frozen=True)
class ReceiptFacts:
    tracking_number: str
    service: str
    details: tuple[tuple[str, str], ...]
    next_steps: str
    status_help: str
    officer: str
    qr_text: str = ""  # the status page's link; the bare tracking number when empty


ROWS_BESIDE_QR = 130 * mm  # the 134 mm cell less a gutter before the QR


def complaint_receipt(
    header: Header, person: PersonFacts, facts: ReceiptFacts, invariant: bool = False
) -> bytes:
    """Tanda terima pengaduan/layanan for the citizen (NIK masked)."""
    story = title_block(header, "TANDA TERIMA PENGADUAN / LAYANAN")
    rows = _rows(
        [
            ("Nomor lacak", facts.tracking_number),
            ("Tanggal", tanggal(header.day)),
            *_person_rows(person, masked=True),
            ("Layanan", facts.service),
            *facts.details,
        ],
        width=ROWS_BESIDE_QR,
    )
    # The QR holds the status link (or the bare number), as on the thermal slip: a scanner at
    # "Cek status" reads the number from either.
    # The rows are made as wide as their cell, so a long "Ringkasan" wraps before the QR.
    qr = Table([[rows, _qr(facts.qr_text or facts.tracking_number)]], colWidths=[134 * mm, 40 * mm])
    qr.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 0),
            ]
        )
    )
    story += [
        qr,
        Spacer(1, 8),
        para("Langkah berikutnya", STRONG),
        para(facts.next_steps),
        Spacer(1, 4),
        para("Menanyakan status", STRONG),
        para(facts.status_help),
        Spacer(1, 4),
        para("Data Anda dijaga kerahasiaannya dan hanya dipakai untuk layanan ini.", SMALL),
    ]
    story += signatures(header, [Signer("Petugas Front Office", facts.officer)])
    return build_pdf(story, header, "Tanda terima", invariant=invariant)


@dataclass(frozen=True)
class RegistrationFacts:
    members: tuple[tuple[str, str, str], ...] = ()  # (name, NIK, relationship)
    documents: tuple[tuple[str, bool], ...] = ()  # (document, shown?)
    consent: str = ""
    officer: str = ""


def registration_form(
    header: Header, person: PersonFacts, facts: RegistrationFacts, invariant: bool = False
) -> bytes:
    """Formulir registrasi (internal: full NIK)."""
    story = title_block(header, "FORMULIR REGISTRASI LAYANAN SLRT")
    story += [_rows(_person_rows(person, masked=False)), Spacer(1, 8)]
    if facts.members:
        story += [
            para("Anggota keluarga"),
            grid(
                ["Nama", "NIK", "Hubungan"],
                [list(m) for m in facts.members],
                (70 * mm, 55 * mm, 49 * mm),
            ),
        ]
    if facts.documents:
        story += [
            Spacer(1, 6),
            para("Dokumen yang diperiksa"),
            grid(
                ["Dokumen", "Ada"],
                [[d, "Ya" if ok else "Tidak"] for d, ok in facts.documents],
                (124 * mm, 50 * mm),
            ),
        ]
    if facts.consent:
        story += [Spacer(1, 6), para(f"Dasar pemrosesan data: {facts.consent}")]
    story += signatures(
        header, [Signer("Warga", person.name), Signer("Petugas Front Office", facts.officer)]
    )
    return build_pdf(story, header, "Formulir registrasi", invariant=invariant)


@dataclass(frozen=True)
class ReferralFacts:
    tracking_number: str
    destination: str  # "Kepala Dinas Kesehatan Kabupaten Kendal"
    destination_address: str
    reason: str
    request: str  # what the agency is asked to do
    consent: str  # "Warga menyetujui rujukan secara lisan pada 21 November 2026"
    approvals: tuple[Signer, ...] = ()


def referral_letter(
    header: Header,
    person: PersonFacts,
    facts: ReferralFacts,
    signer: Signer,
    invariant: bool = False,
) -> bytes:
    """Surat rujukan to an agency, with the approvals recorded before it."""
    story = title_block(header, "SURAT RUJUKAN")
    story += [
        para("Kepada Yth."),
        para(facts.destination),
        para(facts.destination_address),
        Spacer(1, 8),
        para("Dengan hormat, bersama ini kami rujuk warga berikut untuk mendapatkan layanan:"),
        Spacer(1, 4),
        _rows([*_person_rows(person, masked=False), ("Nomor lacak SLRT", facts.tracking_number)]),
        Spacer(1, 6),
        para(f"Permasalahan: {facts.reason}"),
        para(f"Permohonan: {facts.request}"),
        para(f"Persetujuan warga: {facts.consent}"),
        Spacer(1, 4),
        para(
            "Mohon hasil tindak lanjut disampaikan kepada Puskesos kami agar warga dapat "
            "diberi tahu. Atas kerja samanya kami ucapkan terima kasih."
        ),
    ]
    if facts.approvals:
        story += [
            Spacer(1, 6),
            para("Persetujuan"),
            grid(
                ["Peran", "Nama", "Keterangan"],
                [[a.role, a.name, a.note] for a in facts.approvals],
                (60 * mm, 60 * mm, 54 * mm),
            ),
        ]
    story += signatures(header, [signer])
    return build_pdf(story, header, "Surat rujukan", invariant=invariant)


@dataclass(frozen=True)
class ServiceProductFacts:
    title: str  # "SURAT KETERANGAN TIDAK MAMPU"
    statement: str
    purpose: str
    drafted_by: str
    approved_by: str


def service_product(
    header: Header,
    person: PersonFacts,
    facts: ServiceProductFacts,
    signer: Signer,
    invariant: bool = False,
) -> bytes:
    """Produk layanan (Empat Lawang art. 13): drafted, approved, signed, handed over."""
    story = title_block(header, facts.title)
    story += [
        para("Yang bertanda tangan di bawah ini menerangkan bahwa:"),
        Spacer(1, 4),
        _rows(_person_rows(person, masked=False)),
        Spacer(1, 6),
        para(facts.statement),
        para(f"Surat keterangan ini dibuat untuk keperluan: {facts.purpose}."),
        Spacer(1, 4),
        para(f"Disusun oleh {facts.drafted_by}; disetujui oleh {facts.approved_by}.", SMALL),
    ]
    story += signatures(header, [signer])
    return build_pdf(story, header, facts.title, invariant=invariant)


@dataclass(frozen=True)
class OutcomeFacts:
    tracking_number: str
    subject: str
    outcome: str  # "Diselesaikan", "Dirujuk ke Dinas Kesehatan", "Tidak dapat dipenuhi"
    explanation: str
    contact: str


def status_letter(
    header: Header,
    person: PersonFacts,
    facts: OutcomeFacts,
    signer: Signer,
    invariant: bool = False,
) -> bytes:
    """Surat pemberitahuan: telling the citizen the outcome (NIK masked)."""
    story = title_block(header, "SURAT PEMBERITAHUAN HASIL LAYANAN")
    story += [
        para(f"Kepada Yth. Sdr/i {person.name}"),
        para(person.address),
        Spacer(1, 8),
        para(
            f"Menindaklanjuti pengaduan/permohonan Anda dengan nomor lacak "
            f"{facts.tracking_number} tentang {facts.subject}, dengan ini kami "
            "sampaikan hasilnya:"
        ),
        Spacer(1, 4),
        _rows([("NIK", mask_nik(person.nik)), ("Hasil", facts.outcome)]),
        Spacer(1, 4),
        para(facts.explanation),
        Spacer(1, 4),
        para(facts.contact),
    ]
    story += signatures(header, [signer])
    return build_pdf(story, header, "Surat pemberitahuan", invariant=invariant)
