"""The window's words for the core's codes: roles, case statuses and deadlines, approval steps
(what they decide, their votes), referral and product statuses, timeline events, programme
levels, a report's columns.

The core keeps its Indonesian words (the audit, the printed papers and the command line read
them); the window looks the code up in the core's table and shows that word in the chosen
language. The words are marked below for ``lupdate`` in the context ``words``;
tests/ui/test_words.py fails when a word of the core's tables has no English.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kiosk import case_rules as rules
from kiosk.roles import ROLE_LABELS
from kiosk.services.approvals import SUBJECT_LABELS
from kiosk.services.cases import EVENT_LABELS, event_names_status
from kiosk.services.prelist_review import STATUS_LABELS as PRELIST_STATUS
from ui.i18n import QT_TRANSLATE_NOOP, translate

# Programme levels and destination kinds: codes the core parses, words only here.
LEVELS = {
    "desa": QT_TRANSLATE_NOOP("words", "Desa"),
    "kabupaten": QT_TRANSLATE_NOOP("words", "Kabupaten"),
    "provinsi": QT_TRANSLATE_NOOP("words", "Provinsi"),
    "pusat": QT_TRANSLATE_NOOP("words", "Pusat"),
    "non_pemerintah": QT_TRANSLATE_NOOP("words", "Non-pemerintah"),
}

# Votes on an approval step: codes the core stores, words only here.
VOTES = {
    "setuju": QT_TRANSLATE_NOOP("words", "setuju"),
    "tolak": QT_TRANSLATE_NOOP("words", "tolak"),
    "kembalikan": QT_TRANSLATE_NOOP("words", "kembalikan untuk dilengkapi"),
}

# The core's words, for lupdate (kiosk/roles.py, kiosk/case_rules.py, kiosk/services/cases.py).
MARKED = (
    QT_TRANSLATE_NOOP("words", "Petugas Front Office"),
    QT_TRANSLATE_NOOP("words", "Petugas Back Office"),
    QT_TRANSLATE_NOOP("words", "Koordinator Puskesos"),
    QT_TRANSLATE_NOOP("words", "Supervisor"),
    QT_TRANSLATE_NOOP("words", "Fasilitator"),
    QT_TRANSLATE_NOOP("words", "Administrator"),
    QT_TRANSLATE_NOOP("words", "Layar antrian pintu"),
    QT_TRANSLATE_NOOP("words", "Manajer SLRT kabupaten"),
    QT_TRANSLATE_NOOP("words", "Diterima"),
    QT_TRANSLATE_NOOP("words", "Ditelaah"),
    QT_TRANSLATE_NOOP("words", "Diproses"),
    QT_TRANSLATE_NOOP("words", "Menunggu persetujuan"),
    QT_TRANSLATE_NOOP("words", "Selesai"),
    QT_TRANSLATE_NOOP("words", "Dirujuk"),
    QT_TRANSLATE_NOOP("words", "Tidak dapat dipenuhi"),
    QT_TRANSLATE_NOOP("words", "Ditutup"),
    QT_TRANSLATE_NOOP("words", "Sesuai jadwal"),
    QT_TRANSLATE_NOOP("words", "Hampir jatuh tempo"),
    QT_TRANSLATE_NOOP("words", "Terlambat"),
    QT_TRANSLATE_NOOP("words", "Draf"),
    QT_TRANSLATE_NOOP("words", "Menunggu persetujuan di Puskesos"),
    QT_TRANSLATE_NOOP("words", "Menunggu keputusan SLRT kabupaten (dikirim saat sinkronisasi)"),
    QT_TRANSLATE_NOOP("words", "Disetujui; surat rujukan dapat dicetak"),
    QT_TRANSLATE_NOOP("words", "Dikembalikan untuk diperbaiki"),
    QT_TRANSLATE_NOOP("words", "Ditolak"),
    QT_TRANSLATE_NOOP("words", "Dibatalkan"),
    QT_TRANSLATE_NOOP("words", "Disetujui; menunggu tanda tangan"),
    QT_TRANSLATE_NOOP("words", "Ditandatangani; siap diserahkan"),
    QT_TRANSLATE_NOOP("words", "Sudah diserahkan kepada warga"),
    QT_TRANSLATE_NOOP("words", "Menunggu"),
    QT_TRANSLATE_NOOP("words", "Disetujui"),
    QT_TRANSLATE_NOOP("words", "Diterima di front office"),
    QT_TRANSLATE_NOOP("words", "Status diubah"),
    QT_TRANSLATE_NOOP("words", "Catatan analisis"),
    QT_TRANSLATE_NOOP("words", "Diajukan untuk persetujuan"),
    QT_TRANSLATE_NOOP("words", "Dikembalikan"),
    QT_TRANSLATE_NOOP("words", "Dikembalikan untuk dilengkapi"),
    QT_TRANSLATE_NOOP("words", "Rujukan ditolak kabupaten"),
    QT_TRANSLATE_NOOP("words", "Warga diberi tahu"),
    QT_TRANSLATE_NOOP("words", "Produk layanan"),
    QT_TRANSLATE_NOOP("words", "Kabar dari kabupaten"),
    QT_TRANSLATE_NOOP("words", "Jawaban instansi rujukan"),
    QT_TRANSLATE_NOOP("words", "Tahapan (prosedur Depok)"),
    QT_TRANSLATE_NOOP("words", "Keluarga terdampak ditambahkan"),
    QT_TRANSLATE_NOOP("words", "Ditinjau sebelum dikirim ke kabupaten"),
    QT_TRANSLATE_NOOP("words", "Dikembalikan oleh peninjau"),
    QT_TRANSLATE_NOOP("words", "Diperbaiki dan diajukan lagi untuk ditinjau"),
    QT_TRANSLATE_NOOP("words", "Dinaikkan (lewat jatuh tempo)"),
    QT_TRANSLATE_NOOP("words", "Eskalasi diterima"),
    QT_TRANSLATE_NOOP("words", "Tinjauan hasil"),
    QT_TRANSLATE_NOOP("words", "Tinjauan pre-list"),
    QT_TRANSLATE_NOOP("words", "Tinjauan pemutakhiran"),
    QT_TRANSLATE_NOOP("words", "Eskalasi"),
    QT_TRANSLATE_NOOP("words", "Menunggu tinjauan supervisor"),
    QT_TRANSLATE_NOOP("words", "Dikembalikan peninjau"),
    QT_TRANSLATE_NOOP("words", "Ditinjau, siap musyawarah desa"),
    QT_TRANSLATE_NOOP("words", "Sudah dimusyawarahkan"),
    QT_TRANSLATE_NOOP("words", "Sudah masuk SIKS-NG"),
    QT_TRANSLATE_NOOP("words", "Penyelesaian"),
    QT_TRANSLATE_NOOP("words", "Rujukan"),
    QT_TRANSLATE_NOOP("words", "Laki-laki"),
    QT_TRANSLATE_NOOP("words", "Perempuan"),
    QT_TRANSLATE_NOOP("words", "Tidak diketahui"),
    QT_TRANSLATE_NOOP("words", "Jumlah"),
)


_ROLES = {str(code): label for code, label in ROLE_LABELS.items()}


def _said(labels: dict[str, str], code: str) -> str:
    return translate("words", rules.words(labels, code))


def role(code: str, names: Mapping[str, str] | None = None) -> str:
    """An officer's role (``front_office``) in words: the regional profile's name for it
    (``names``, e.g. Ketua Puskesos, Pengawas) when the office's regulation has one."""
    if names and code in names:
        return translate("words", names[code])
    return _said(_ROLES, code)


def roles(codes: Iterable[str], names: Mapping[str, str] | None = None) -> str:
    """Several roles, in the order the core lists them."""
    return ", ".join(role(c, names) for c in sorted(codes))


def status(code: str) -> str:
    """A case's status (``diterima``) in words."""
    return _said(rules.STATUS_LABELS, code)


def health(code: str) -> str:
    """How a case stands against its deadline (``berisiko``)."""
    return _said(rules.HEALTH_LABELS, code)


def step_role(code: str, label: str = "") -> str:
    """Who decides an approval step (``koordinator``, ``manajer``): the regulation's own name
    (``label``, from the case's regional profile, e.g. Ketua Puskesos, Pengawas) when given."""
    return translate("words", label) if label else _said(rules.STEP_LABELS, code)


def step_status(code: str) -> str:
    return _said(rules.STEP_STATUS_LABELS, code)


def referral_status(code: str) -> str:
    return _said(rules.REFERRAL_STATUS_LABELS, code)


def product_status(code: str) -> str:
    return _said(rules.PRODUCT_STATUS_LABELS, code)


def prelist_status(code: str) -> str:
    """Where a pre-list proposal stands (``menunggu_tinjauan``, ``musdes`` …)."""
    return translate("words", PRELIST_STATUS.get(code) or code.capitalize())


def subject(code: str) -> str:
    """What an approval step decides on (``rujukan``: a referral)."""
    return translate("words", SUBJECT_LABELS.get(code) or code.capitalize())


def vote(code: str) -> str:
    """An approver's decision (``setuju``, ``tolak``)."""
    return translate("words", VOTES.get(code, code))


def column(label: str) -> str:
    """A report table's column (*Perempuan*, *Jumlah*: kiosk/reports/model.py)."""
    return translate("words", label)


def level(code: str) -> str:
    """A programme's level or a destination's kind (``non_pemerintah``)."""
    return translate("words", LEVELS.get(code) or code.replace("_", " ").capitalize())


def event(kind: str, to_status: str | None) -> str:
    """A timeline line: what happened, and the status it led to unless the words say it
    already (*Diterima di front office*, not *...: Diterima*)."""
    said = translate("words", EVENT_LABELS.get(kind) or kind.replace("_", " ").capitalize())
    if not to_status or event_names_status(kind, to_status):
        return said
    return translate("words", "{0}: {1}").format(said, status(to_status))
