"""Header matching by alias: DTKS exports come with many column sets, never one fixed header.

Sets seen in the wild (DOMAIN.md): the SIKS/BDT individual table, the provincial pipe file,
the village by-name-by-address list, DTSEN-era names. Headers are compared after folding case,
spaces, dots, dashes and underscores.
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


def fold(header: str) -> str:
    return _FOLD.sub("_", header.strip().lstrip("\ufeff").lower()).strip("_")


@dataclass(frozen=True)
class Mapping:
    """Which file column feeds which field; shown to the officer to confirm."""

    fields: dict[str, int]  # field -> column index
    flags: dict[int, str]  # column index -> programme code
    unknown: tuple[str, ...]  # headers not used

    def describe(self, headers: list[str]) -> list[tuple[str, str]]:
        out = [(headers[i], f) for f, i in sorted(self.fields.items(), key=lambda x: x[1])]
        out += [(headers[i], f"program {code}") for i, code in sorted(self.flags.items())]
        return out


def match_headers(headers: list[str]) -> Mapping:
    """Map ``headers`` to fields; first matching column wins; the rest is reported unused."""
    lookup = {alias: field for field, aliases in ALIASES.items() for alias in aliases}
    fields: dict[str, int] = {}
    flags: dict[int, str] = {}
    unknown: list[str] = []
    for i, raw in enumerate(headers):
        key = fold(raw)
        field = lookup.get(key)
        if field and field not in fields:
            fields[field] = i
        elif key in FLAGS:
            flags[i] = FLAGS[key]
        else:
            unknown.append(raw)
    return Mapping(fields, flags, tuple(unknown))


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
