"""A4 documents checked by their text (pypdf) and by their fonts being embedded."""

import io
import uuid
from datetime import date

import pypdf
import pytest

from kiosk.services.setup import SiteView
from printing import documents as d
from printing import prelist

SITE = SiteView(
    "Puskesos Desa Sukamaju",
    "3324012001",
    "Sukamaju",
    "Plantungan",
    "Kab. Kendal",
    "Jawa Tengah",
    "3324012001",
    "Asia/Jakarta",
    "Jl. Raya Sukamaju No. 1",
    "Slamet Riyadi",
    5,
)
DAY = date(2026, 11, 23)
PERSON = d.PersonFacts(
    "Siti Fätimah",
    "3324015708900003",
    "3324011203150007",
    "Kendal, 17 Agustus 1990",
    "Perempuan",
    "Dusun Krajan RT 002/RW 001",
    "081234567890",
    dtks="Terdaftar DTSEN desil 2",
)
KEPALA = d.Signer("Kepala Desa Sukamaju", "Slamet Riyadi")


def header(code: str, provisional: bool = False) -> d.Header:
    return d.Header(SITE, f"{code}/3324012001/0001/2026", DAY, provisional)


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def fonts_of(pdf: bytes) -> dict[str, bool]:
    """Base font name -> embedded?"""
    found: dict[str, bool] = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            found[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2"))
    return found


RECEIPT = d.ReceiptFacts(
    "3324012001-2611-00017",
    "Pengaduan PKH",
    (("Keluhan", "Tidak menerima PKH sejak Mei"),),
    "Ditinjau back office paling lambat 30 November 2026.",
    "Telepon 0812-3456-7890 dengan nomor lacak.",
    "Siti Rahayu",
)

BUILDERS = {
    "tanda_terima": lambda: d.complaint_receipt(header("TT", True), PERSON, RECEIPT),
    "registrasi": lambda: d.registration_form(
        header("REG"),
        PERSON,
        d.RegistrationFacts(
            members=(
                ("Siti Fätimah", "3324015708900003", "Kepala keluarga"),
                ("Ahmad", "3324011503100001", "Anak"),
            ),
            documents=(("KTP-el", True), ("Kartu Keluarga", True), ("KKS", False)),
            consent="Persetujuan warga",
            officer="Siti Rahayu",
        ),
    ),
    "rujukan": lambda: d.referral_letter(
        header("RJK"),
        PERSON,
        d.ReferralFacts(
            "3324012001-2611-00017",
            "Kepala Dinas Kesehatan Kabupaten Kendal",
            "Jl. Soekarno-Hatta",
            "Sakit menahun, belum punya KIS",
            "Pendaftaran PBI-JK",
            "Warga menyetujui secara lisan pada 21 November 2026",
            (
                d.Signer("Koordinator", "Agus Wibowo", "setuju 21-11-2026"),
                d.Signer("Supervisor", "Dewi Lestari", "setuju 22-11-2026"),
            ),
        ),
        KEPALA,
    ),
    "produk": lambda: d.service_product(
        header("PL"),
        PERSON,
        d.ServiceProductFacts(
            "SURAT KETERANGAN TIDAK MAMPU",
            "Benar warga kami dan tergolong keluarga tidak mampu.",
            "berobat di RSUD Kendal",
            "Budi Santoso",
            "Agus Wibowo",
        ),
        KEPALA,
    ),
    "pemberitahuan": lambda: d.status_letter(
        header("SP"),
        PERSON,
        d.OutcomeFacts(
            "3324012001-2611-00017",
            "PKH tidak diterima",
            "Dirujuk ke Dinas Sosial",
            "Data Anda telah diusulkan ulang; pencairan menunggu verifikasi.",
            "Hubungi Puskesos di 0812-3456-7890.",
        ),
        KEPALA,
    ),
}


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_every_document_has_letterhead_number_signature_and_embedded_fonts(kind):
    pdf = BUILDERS[kind]()
    text = text_of(pdf)
    assert "PEMERINTAH KABUPATEN KENDAL" in text and "DESA SUKAMAJU" in text
    assert "/3324012001/0001/2026" in text
    assert "Sukamaju, 23 November 2026" in text
    assert "Siti Fätimah" in text  # accent survives in a real Unicode font
    fonts = fonts_of(pdf)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)


@pytest.mark.parametrize("kind", ["tanda_terima", "pemberitahuan"])
def test_citizen_papers_mask_the_nik(kind):
    text = text_of(BUILDERS[kind]())
    assert "3324********0003" in text and "3324015708900003" not in text
    assert "081234567890" not in text


@pytest.mark.parametrize("kind", ["rujukan", "registrasi", "produk"])
def test_papers_for_an_agency_identify_the_person(kind):
    assert "3324015708900003" in text_of(BUILDERS[kind]())


def test_provisional_receipt_says_so():
    assert "SEMENTARA" in text_of(BUILDERS["tanda_terima"]())
    assert "SEMENTARA" not in text_of(BUILDERS["pemberitahuan"]())


def test_referral_lists_the_approvals_and_consent():
    text = text_of(BUILDERS["rujukan"]())
    assert "Agus Wibowo" in text and "Dewi Lestari" in text and "menyetujui" in text


def test_bnba_list_spans_pages_with_a_repeated_header():
    rows = [
        prelist.BnbaRow(
            f"33240157089{i:05d}",
            "3324011203150007",
            f"Warga Nomor {i}",
            "Kendal, 1 Januari 1980",
            "P",
            "RT 001/RW 002",
            "Sumini",
            "PDFSK",
            "Tidak berpenghasilan tetap",
        )
        for i in range(1, 61)
    ]
    pdf = prelist.prelist_bnba(header("DA"), prelist.PrelistFacts(rows, date(2026, 11, 20)))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    with_rows = [p.extract_text() for p in reader.pages if "33240157089" in p.extract_text()]
    assert len(with_rows) >= 2 and all("Ibu kandung" in t for t in with_rows)
    assert "berpenghasilan" in text_of(pdf)  # the reason column does not break words
    text = text_of(pdf)
    assert "Warga Nomor 60" in text and "Jumlah usulan: 1 keluarga, 60 orang." in text
    assert "20 November 2026" in text


def test_invariant_mode_makes_identical_bytes():
    build = lambda: d.complaint_receipt(header("TT"), PERSON, RECEIPT, invariant=True)  # noqa: E731
    assert build() == build()


def _walk_in_result(nik_masked: str, summary: str = "Sosial - PKH belum cair"):
    from kiosk.services.walk_in import WalkInResult

    return WalkInResult(
        case_id=uuid.uuid4(),
        tracking_number="3324012001-2611-00012",
        person_name="Warga Tanpa Nomor",
        nik_masked=nik_masked,
        service="Pengaduan",
        summary=summary,
        next_steps="Petugas menghubungi Anda.",
        status_help="Tunjukkan nomor lacak.",
        due_on=DAY,
        emergency=False,
        dtks_status="tidak_terdaftar",
        prelist_id=None,
    )


def test_a4_receipt_has_no_empty_nik_row_and_carries_the_qr():
    import pypdfium2
    import zxingcpp

    from kiosk.clock import Clock
    from printing.receipts import receipt_pdf

    pdf = receipt_pdf(SITE, _walk_in_result("-"), "TT/1", "Petugas", Clock())
    text = text_of(pdf)
    assert "NIK" not in text  # a person registered without a NIK: no "NIK : -" row
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=3).to_pil()
    assert [r.text for r in zxingcpp.read_barcodes(image)] == ["3324012001-2611-00012"]
    with_nik = text_of(receipt_pdf(SITE, _walk_in_result("3324********0003"), "TT/2", "P", Clock()))
    assert with_nik.count("NIK") == 1 and "3324********0003" in with_nik


def test_a_nik_typed_into_free_text_is_masked_on_citizen_papers():
    from kiosk.identity import mask_niks_in_text

    typed = "NIK 3324015708900003 dan KK 3324 0112 0315 0007 tidak cocok; telepon 081234567890"
    masked = mask_niks_in_text(typed)
    assert "3324015708900003" not in masked and "3324********0003" in masked
    assert "3324********0007" in masked and "081234567890" in masked
    assert mask_niks_in_text("3324012001-2611-00012") == "3324012001-2611-00012"


def test_the_qr_on_the_a4_receipt_covers_no_text():
    """A long "Ringkasan" ran under the QR: every character's box on the page must lie
    outside the QR image's box (positions from pdfium, as a viewer draws them)."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    from kiosk.clock import Clock
    from printing.receipts import receipt_pdf

    summary = (
        "Sejak bulan Mei bantuan PKH keluarga ini tidak cair padahal masih terdaftar di DTKS; "
        "pendamping PKH belum bisa dihubungi dan warga sudah dua kali datang ke kantor desa."
    )
    pdf = receipt_pdf(SITE, _walk_in_result("3324********0003", summary), "TT/3", "P", Clock())
    page = pypdfium2.PdfDocument(pdf)[0]
    images = [o.get_bounds() for o in page.get_objects([pdfium_c.FPDF_PAGEOBJ_IMAGE])]
    assert len(images) == 1
    left, bottom, right, top = images[0]
    textpage = page.get_textpage()
    chars = textpage.count_chars()
    text = textpage.get_text_range()
    assert "Ringkasan" in text and "dua kali datang" in text.replace("\r\n", " ")
    inside = [
        text[i]
        for i in range(chars)
        if not text[i].isspace()
        and (box := textpage.get_charbox(i))[0] < right
        and box[2] > left
        and box[1] < top
        and box[3] > bottom
    ]
    assert inside == [], "".join(inside)
