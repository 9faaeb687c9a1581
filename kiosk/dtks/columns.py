"""Header matching: DTKS exports come with many column sets, never one fixed header.

Sets seen in the wild (DOMAIN.md): the SIKS/BDT individual table, the provincial pipe file,
the village by-name-by-address list, DTSEN-era names. Headers are compared after folding case,
spaces, dots, dashes and underscores, first against the known aliases; a header none of them
names is then read by its words (:data:`WORD_RULES`): "HUBUNGAN DENGAN KEPALA KELUARGA" is
the relationship, "TGL. LAHIR (DD-MM-YYYY)" the birth date, "STATUS PKH" the PKH flag. What
neither finds is listed as unused, on the mapping screen and in ``--json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ALIASES: dict[str, tuple[str, ...]] = {
    "register_id": ("idbdt", "iddtks", "id_dtks", "idartbdt", "id_art", "id"),
    "family_id": ("id_keluarga", "idkeluarga", "id_kk", "idrt"),
    "nik": ("nik", "nomor_nik", "no_nik", "nomor_induk_kependudukan", "nik_art"),
    "no_kk": ("nokk", "no_kk", "nkk", "nomor_kk", "nomor_kartu_keluarga", "kk"),
    "name": ("nama", "nama_lengkap", "nama_art", "nama_anggota"),
    "sex": ("jnskel", "jenis_kelamin", "jenkel_id", "jenkel", "jk", "sex"),
    "birth_place": ("tmplahir", "tempat_lahir", "tmp_lahir"),
    "birth_date": ("tgllahir", "tanggal_lahir", "tgl_lahir"),
    "relationship": ("hub_krt", "hubungan_keluarga", "shdk_id", "shdk", "hubungan"),
    "mother_name": ("nama_ibu_kandung", "ibu_kandung", "nama_ibu"),
    # Kemendagri 10-digit codes only. KDPROP/KDKAB/KDKEC/KDDESA in the BDT table are *BPS*
    # codes: they stay unused rather than be mixed with Kemendagri codes.
    "village_code": ("kode_desa", "kode_wilayah", "kodedesa", "kode_desa_kemendagri"),
    "address": ("alamat", "alamat_lengkap"),
    "rt": ("rt",),
    "rw": ("rw",),
    "decile": ("desil_nasional", "desil", "desil_kesejahteraan", "status_kesejahteraan"),
}
# Programme flag columns (0/1, Y/T, ya/tidak) -> programme code in the catalogue.
FLAGS: dict[str, str] = {
    "ada_pbi": "PBI-JK",
    "pbi": "PBI-JK",
    "pbi_jk": "PBI-JK",
    "kis": "PBI-JK",
    "ada_kip": "PIP",
    "kip": "PIP",
    "pip": "PIP",
    "ada_pkh": "PKH",
    "pkh": "PKH",
    "ada_bpnt": "BPNT",
    "bpnt": "BPNT",
    "sembako": "BPNT",
    "bst": "BST",
    "blt": "BLT-DD",
    "blt_dd": "BLT-DD",
}
REQUIRED = ("name",)
_FOLD = re.compile(r"[\s._\-/]+")
_WORD = re.compile(r"[a-z0-9]+")


def fold(header: str) -> str:
    return _FOLD.sub("_", header.strip().lstrip("\ufeff").lower()).strip("_")


# Spellings of one word in headers -> the word the rules use.
_SYNONYMS = {
    "tgl": "tanggal",
    "tangal": "tanggal",
    "tmp": "tempat",
    "tmpt": "tempat",
    "no": "nomor",
    "nmr": "nomor",
    "nomer": "nomor",
    "jns": "jenis",
    "jenkel": "kelamin",
    "hub": "hubungan",
    "kel": "keluarga",
    "klg": "keluarga",
    "kk": "kk",
    "export": "ekspor",
}


def words(header: str) -> frozenset[str]:
    """The header's words, lower case, common abbreviations written out."""
    found = _WORD.findall(header.lstrip("\ufeff").lower())
    return frozenset(_SYNONYMS.get(w, w) for w in found)


@dataclass(frozen=True)
class WordRule:
    """A field a header is taken for when it holds every word of one of ``all_of`` (each a
    set of words) and none of ``none_of``."""

    field: str
    all_of: tuple[frozenset[str], ...]
    none_of: frozenset[str] = frozenset()

    def matches(self, found: frozenset[str]) -> bool:
        return not (found & self.none_of) and any(need <= found for need in self.all_of)


def _rule(field: str, *all_of: str, none_of: str = "") -> WordRule:
    return WordRule(field, tuple(frozenset(w.split()) for w in all_of), frozenset(none_of.split()))


# The people a header may be about other than the row's own person, and places: a header
# naming them is never the person's own NIK or name.
_OTHERS = "ibu ayah kepala krt suami istri pelapor petugas pendamping wali"
_PLACES = "desa kelurahan kecamatan kabupaten kota provinsi dusun wilayah jalan sekolah lembaga"
WORD_RULES: tuple[WordRule, ...] = (
    _rule("mother_name", "ibu nama", "ibu kandung"),
    _rule("relationship", "hubungan", "shdk", "status dalam keluarga", none_of="nomor nik"),
    _rule("birth_date", "tanggal lahir", "tgllahir"),
    _rule("birth_place", "tempat lahir", "tmplahir"),
    _rule("sex", "kelamin", "jnskel"),
    _rule("nik", "nik", "nomor induk kependudukan", none_of=f"{_OTHERS} kk keluarga"),
    _rule("no_kk", "nomor kk", "kartu keluarga", "nokk", none_of=f"{_OTHERS} nama nik"),
    _rule("name", "nama", none_of=f"{_OTHERS} {_PLACES} program"),
    _rule("village_code", "kode desa", "kode kelurahan", "kode wilayah", none_of="bps"),
    _rule("address", "alamat"),
    _rule("decile", "desil"),
    _rule("register_id", "id dtks", "id bdt", "id art", "id dtsen", "id individu"),
    _rule("family_id", "id keluarga", "id kk", "id rumah"),
)
# A programme flag: one programme's word, with at most these around it ("STATUS PKH",
# "PENERIMA BPNT", "KPM PKH", "BLT DANA DESA").
_PROGRAMME_WORDS = {
    "pkh": "PKH",
    "bpnt": "BPNT",
    "sembako": "BPNT",
    "pbi": "PBI-JK",
    "kis": "PBI-JK",
    "kip": "PIP",
    "pip": "PIP",
    "bst": "BST",
    "blt": "BLT-DD",
}
_FLAG_WORDS = frozenset(
    [
        "status",
        "penerima",
        "kpm",
        "ada",
        "flag",
        "program",
        "bansos",
        "bantuan",
        "jk",
        "dd",
        "dana",
        "desa",
        "kartu",
    ]
)
# The export's own date: the day the data was drawn, not a person's date.
_DATE_RULE = _rule(
    "snapshot_date",
    "tanggal ekspor",
    "tanggal data",
    "tanggal update",
    "tanggal pemutakhiran",
    "tanggal penarikan",
    "tanggal unduh",
    "tanggal download",
    "periode data",
    none_of="lahir",
)


def _flag(found: frozenset[str]) -> str | None:
    programmes = [_PROGRAMME_WORDS[w] for w in found if w in _PROGRAMME_WORDS]
    if len(programmes) == 1 and not (found - _PROGRAMME_WORDS.keys() - _FLAG_WORDS):
        return programmes[0]
    return None


@dataclass(frozen=True)
class Mapping:
    """Which file column feeds which field; shown to the officer to confirm."""

    fields: dict[str, int]  # field -> column index
    flags: dict[int, str]  # column index -> programme code
    unknown: tuple[str, ...]  # headers not used
    by_words: frozenset[int] = frozenset()  # columns matched by their words, not an alias
    date_column: int | None = None  # the export's own date, when it has one

    def describe(self, headers: list[str]) -> list[tuple[str, str]]:
        out = [(headers[i], f) for f, i in sorted(self.fields.items(), key=lambda x: x[1])]
        out += [(headers[i], f"program {code}") for i, code in sorted(self.flags.items())]
        return out


def match_headers(headers: list[str]) -> Mapping:
    """Map ``headers`` to fields: aliases first, over the whole header (an exact name beats a
    guess from words elsewhere); then the word rules for what is left. For each field the
    first matching column wins; the rest is reported unused."""
    lookup = {alias: field for field, aliases in ALIASES.items() for alias in aliases}
    fields: dict[str, int] = {}
    flags: dict[int, str] = {}
    left: list[int] = []
    for i, raw in enumerate(headers):
        key = fold(raw)
        field = lookup.get(key)
        if field and field not in fields:
            fields[field] = i
        elif key in FLAGS:
            flags[i] = FLAGS[key]
        else:
            left.append(i)
    by_words: set[int] = set()
    unknown: list[str] = []
    date_column = None
    for i in left:
        found = words(headers[i])
        if fold(headers[i]) in lookup:  # a second column for a field already taken
            unknown.append(headers[i])
            continue
        rule = next((r for r in WORD_RULES if r.matches(found)), None)
        if rule is not None and rule.field not in fields:
            fields[rule.field] = i
            by_words.add(i)
        elif rule is None and (code := _flag(found)) is not None:
            flags[i] = code
            by_words.add(i)
        elif rule is None and date_column is None and _DATE_RULE.matches(found):
            date_column = i
        else:
            unknown.append(headers[i])
    return Mapping(fields, flags, tuple(unknown), frozenset(by_words), date_column)


FIELD_LABELS: dict[str, str] = {
    "register_id": "ID DTKS/BDT",
    "family_id": "ID keluarga",
    "nik": "NIK",
    "no_kk": "No. KK",
    "name": "Nama",
    "sex": "Jenis kelamin",
    "birth_place": "Tempat lahir",
    "birth_date": "Tanggal lahir",
    "relationship": "Hubungan keluarga",
    "mother_name": "Nama ibu kandung",
    "village_code": "Kode desa (Kemendagri)",
    "address": "Alamat",
    "rt": "RT",
    "rw": "RW",
    "decile": "Desil",
}


def field_label(field: str) -> str:
    """Indonesian name of a mapped field (``program PKH`` stays as it is)."""
    return FIELD_LABELS.get(field, field)
