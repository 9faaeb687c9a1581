"""The indicators, declared once: what each is called, what it means, which records count and
how it may be split. Every view (page, PDF, workbook, web) draws from this list.

``unit`` says what is counted once: "orang" (a person, split by sex everywhere), "keluarga",
"kasus", "rujukan". ``keep`` picks the facts of the source that count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.reports.dimensions import Fact

PANELS: dict[str, tuple[str, str]] = {
    "usulan": (
        "Usulan penambahan dan perubahan data penerima manfaat",
        "Warga yang diusulkan masuk DTKS/DTSEN dan usulan perubahan data warga DTKS dalam "
        "periode ini.",
    ),
    "akses": (
        "Akses program pusat dan daerah",
        "Siapa di desa ini yang menerima program menurut DTKS/DTSEN aktif, dan kepesertaan "
        "yang dicatat di loket.",
    ),
    "tumpang_tindih": (
        "Komplementaritas dan tumpang tindih program",
        "Keluarga menurut kombinasi program yang diterima; keluarga desil 1-4 tanpa program.",
    ),
    "kesenjangan": (
        "Informasi dan analisis kesenjangan layanan sosial",
        "Kebutuhan yang belum terpenuhi, pengaduan yang masih terbuka, kasus terlambat dan "
        "rujukan yang belum dijawab.",
    ),
    "layanan": (
        "Kinerja layanan Puskesos",
        "Warga dan keluarga yang ditangani, antrian loket, kasus dan rujukan.",
    ),
}


def _always(_fact: Fact) -> bool:
    return True


@dataclass(frozen=True)
class Indicator:
    code: str
    panel: str
    name: str
    definition: str
    counts: str  # which records count, in words
    source: str
    unit: str
    dims: tuple[str, ...]
    keep: Callable[[Fact], bool] = _always
    unit_field: str = "unit"  # the fact's field that names what is counted once

    @property
    def by_sex(self) -> bool:
        """Counts of people and of what people bring (cases, referrals) are split by sex."""
        return self.unit in ("orang", "kasus", "rujukan")


def _no_programme_poor(fact: Fact) -> bool:
    decile = fact.get("decile")
    return decile is not None and 0 < int(decile) <= 4 and not fact.get("programmes")


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "usulan_orang",
        "usulan",
        "Warga diusulkan (daftar awal)",
        "Orang yang diusulkan masuk DTKS/DTSEN dalam periode, dihitung sekali.",
        "usulan daftar awal dari kunjungan dalam periode",
        "proposals",
        "orang",
        ("total", "age", "disability", "dusun", "status"),
    ),
    Indicator(
        "usulan_keluarga",
        "usulan",
        "Keluarga diusulkan",
        "Keluarga (KK) yang satu atau lebih anggotanya diusulkan dalam periode.",
        "usulan daftar awal dari kunjungan dalam periode, per keluarga",
        "proposals",
        "keluarga",
        ("dusun",),
        unit_field="household",
    ),
    Indicator(
        "usulan_pemutakhiran",
        "usulan",
        "Usulan pemutakhiran data DTKS",
        "Usulan perubahan data warga yang sudah di DTKS/DTSEN (meninggal, pindah, pecah KK, "
        "perbaikan NIK atau nama, tidak layak) yang dibuat dalam periode.",
        "usulan pemutakhiran dengan tanggal usul dalam periode",
        "data_updates",
        "usulan",
        ("update_kind", "status"),
    ),
    Indicator(
        "dtks_penerima",
        "akses",
        "Warga DTKS penerima program",
        "Orang di DTKS/DTSEN aktif desa ini menurut program yang diterimanya.",
        "baris DTKS/DTSEN aktif dengan kode desa kantor ini",
        "register_people",
        "orang",
        ("programme", "decile", "age"),
        lambda f: bool(f.get("programmes")),
    ),
    Indicator(
        "dtks_keluarga_program",
        "akses",
        "Keluarga DTKS penerima program",
        "Keluarga (id keluarga, atau No. KK) di DTKS/DTSEN aktif menurut program anggotanya.",
        "keluarga DTKS/DTSEN aktif desa ini",
        "register_households",
        "keluarga",
        ("programme",),
        lambda f: bool(f.get("programmes")),
    ),
    Indicator(
        "kepesertaan_tercatat",
        "akses",
        "Kepesertaan program dicatat di loket",
        "Keluarga yang menyatakan menerima program saat berkunjung dalam periode.",
        "kepesertaan program yang dicatat pada kunjungan dalam periode",
        "participation",
        "keluarga",
        ("programme",),
    ),
    Indicator(
        "kombinasi_program",
        "tumpang_tindih",
        "Keluarga menurut kombinasi program",
        "Keluarga DTKS/DTSEN desa ini menurut gabungan program yang diterima anggotanya.",
        "keluarga DTKS/DTSEN aktif desa ini",
        "register_households",
        "keluarga",
        ("combination",),
    ),
    Indicator(
        "desil_tanpa_program",
        "tumpang_tindih",
        "Keluarga desil 1-4 tanpa program",
        "Keluarga DTKS/DTSEN desil 1-4 yang tidak menerima program apa pun.",
        "keluarga DTKS/DTSEN aktif desa ini dengan desil terendah 1-4 dan tanpa program",
        "register_households",
        "keluarga",
        ("decile",),
        _no_programme_poor,
    ),
    Indicator(
        "warga_desil_tanpa_program",
        "tumpang_tindih",
        "Warga desil 1-4 tanpa program",
        "Orang DTKS/DTSEN desil 1-4 yang tidak menerima program apa pun.",
        "baris DTKS/DTSEN aktif desa ini, desil 1-4, tanpa program",
        "register_people",
        "orang",
        ("age",),
        _no_programme_poor,
    ),
    Indicator(
        "kebutuhan_belum_diterima",
        "kesenjangan",
        "Kebutuhan program belum diterima",
        "Kebutuhan program yang dicatat dalam periode dan belum diterima keluarga itu "
        "(tidak tercatat di loket maupun di DTKS/DTSEN).",
        "kebutuhan program dari kunjungan dalam periode tanpa kepesertaan yang cocok",
        "needs",
        "keluarga",
        ("programme",),
        lambda f: not f.get("received"),
    ),
    Indicator(
        "pengaduan_terbuka",
        "kesenjangan",
        "Pengaduan masih terbuka",
        "Pengaduan yang masuk sampai akhir periode dan kasusnya belum selesai.",
        "kasus pengaduan berstatus terbuka",
        "open_complaints",
        "kasus",
        ("category", "sector"),
    ),
    Indicator(
        "kasus_terlambat",
        "kesenjangan",
        "Kasus melewati tenggat",
        "Kasus terbuka yang tenggatnya sudah lewat pada hari laporan dibaca.",
        "kasus terbuka dengan tenggat sebelum hari itu",
        "overdue_cases",
        "kasus",
        ("desk",),
    ),
    Indicator(
        "kasus_eskalasi",
        "kesenjangan",
        "Kasus dinaikkan (eskalasi)",
        "Kasus yang dalam periode ini dinaikkan ke pejabat berikutnya karena lewat jatuh tempo, "
        "menurut aturan eskalasi profil daerah.",
        "kasus dengan catatan eskalasi dalam periode",
        "escalations",
        "kasus",
        ("desk",),
    ),
    Indicator(
        "rujukan_tanpa_jawaban",
        "kesenjangan",
        "Rujukan belum dijawab",
        "Rujukan yang sudah diajukan sampai akhir periode dan belum ada keputusan.",
        "rujukan berstatus diajukan atau menunggu kabupaten",
        "unanswered_referrals",
        "rujukan",
        ("destination",),
    ),
    Indicator(
        "ppks_orang",
        "kesenjangan",
        "Warga PPKS",
        "Orang yang dicatat sebagai PPKS (Pemerlu Pelayanan Kesejahteraan Sosial) dalam periode, "
        "menurut jenis PPKS Kemensos.",
        "catatan PPKS orang dengan tanggal catat dalam periode",
        "ppks",
        "orang",
        ("ppks_type", "age"),
        lambda f: f.get("subject") == "orang",
    ),
    Indicator(
        "ppks_keluarga",
        "kesenjangan",
        "Keluarga PPKS",
        "Keluarga yang dicatat sebagai PPKS dalam periode.",
        "catatan PPKS keluarga dengan tanggal catat dalam periode",
        "ppks",
        "keluarga",
        ("ppks_type",),
        lambda f: f.get("subject") == "keluarga",
    ),
    Indicator(
        "ppks_komunitas",
        "kesenjangan",
        "Komunitas PPKS",
        "Kelompok atau komunitas (mis. komunitas adat terpencil, korban bencana) yang dicatat "
        "sebagai PPKS dalam periode.",
        "catatan PPKS komunitas dengan tanggal catat dalam periode",
        "ppks",
        "kelompok",
        ("ppks_type",),
        lambda f: f.get("subject") == "komunitas",
    ),
    Indicator(
        "warga_dilayani",
        "layanan",
        "Warga dilayani",
        "Orang yang datang atau dikunjungi dalam periode, dihitung sekali walau berkali-kali.",
        "kunjungan dalam periode yang mencatat warga",
        "visits",
        "orang",
        ("total", "channel", "age", "disability", "dtks", "dusun"),
        lambda f: f.get("unit") is not None,
    ),
    Indicator(
        "keluarga_dilayani",
        "layanan",
        "Keluarga dilayani",
        "Keluarga yang salah satu anggotanya dilayani dalam periode.",
        "kunjungan dalam periode, per keluarga",
        "visits",
        "keluarga",
        ("dusun",),
        lambda f: f.get("household") is not None,
        unit_field="household",
    ),
    Indicator(
        "keluhan_masuk",
        "layanan",
        "Keluhan masuk",
        "Pertanyaan, saran dan pengaduan yang dicatat dalam periode.",
        "keluhan pada kasus yang dibuka dalam periode",
        "complaints",
        "kasus",
        ("kind", "category", "sector", "channel"),
    ),
    Indicator(
        "kasus_baru",
        "layanan",
        "Kasus dibuka",
        "Kasus yang dibuka dalam periode, menurut status sekarang.",
        "kasus dengan waktu dibuat dalam periode",
        "cases",
        "kasus",
        ("status", "desk", "subject"),
    ),
    Indicator(
        "keluarga_kasus",
        "layanan",
        "Keluarga dalam kasus",
        "Keluarga yang kasusnya dibuka dalam periode: keluarga warga yang mengadu, dan tiap "
        "keluarga yang dilampirkan pada kasus komunitas (mis. terdampak banjir). Keluarga yang "
        "ada di beberapa kasus dihitung sekali.",
        "kasus dengan waktu dibuat dalam periode, per No. KK",
        "case_households",
        "keluarga",
        ("subject", "desk", "dusun"),
        unit_field="household",
    ),
    Indicator(
        "rujukan",
        "layanan",
        "Rujukan",
        "Rujukan yang dibuat dalam periode dan diajukan, menurut tujuan dan hasilnya.",
        "rujukan selain draf dengan waktu dibuat dalam periode",
        "referrals",
        "rujukan",
        ("destination", "status"),
    ),
)

BY_CODE: dict[str, Indicator] = {i.code: i for i in INDICATORS}
