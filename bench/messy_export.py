"""A DTKS export as offices really receive it, for the import benchmark.

Not the importer's own idea of a file: the damage is what a SIKS-NG export picks up on the way
to a village laptop. Opened in Excel on Windows and saved again as CSV, it comes out in
Windows-1252 with ``;`` between cells (the Indonesian locale's list separator) and CRLF line
ends, and Excel has

- written some 16-digit numbers in scientific notation (``3,32407E+15``) or zeroed their 16th
  digit, kept an apostrophe typed before others, dropped the leading zeros of RT/RW;
- rewritten the dates it recognised in the Indonesian short form (``17/08/1990``);
- quoted cells holding ``;``, quotes or a line break typed with Alt+Enter;
- left blank lines and rows of nothing but separators under the table.

People add the rest: rows pasted twice, a person entered twice with a correction, names with
the typographic apostrophe (Ma’ruf), accents, double spaces and a trailing no-break space.

The header is the long-worded one of the SIKS individual table ("HUBUNGAN DENGAN KEPALA
KELUARGA", "TANGGAL EXPORT" ...), and the file name carries the export's date.

    uv run python -m bench.messy_export OUT.csv --rows 1000000 [--utf8]
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

from bench.dtks_import import person_name

HEADER = [
    "IDARTBDT",
    "ID KELUARGA",
    "NIK",
    "NO KK",
    "NAMA",
    "JENIS KELAMIN",
    "TEMPAT LAHIR",
    "TANGGAL LAHIR",
    "HUBUNGAN DENGAN KEPALA KELUARGA",
    "NAMA IBU KANDUNG",
    "KODE WILAYAH",
    "ALAMAT",
    "RT",
    "RW",
    "DESIL NASIONAL",
    "PKH",
    "BPNT",
    "PBI JK",
    "TANGGAL EXPORT",
]
EXPORTED = date(2026, 10, 31)
PLACES = ["KENDAL", "SEMARANG", "BATANG", "DEMAK", "KUDUS", "JAKARTA", "Kendal", "Kab. Kendal"]
RELATIONS = ["Kepala Keluarga", "Istri", "Anak", "Anak", "Anak", "Famili Lain", "Orang Tua"]
STREETS = ["JL. MERDEKA", "Jl Pemuda", "DUSUN KRAJAN", "Dk. Sidomulyo", "GG. MAWAR", "Perum Asri"]


def file_name(utf8: bool) -> str:
    """The name the export is downloaded under: the kabupaten and the export's date."""
    return f"DTKS_3324_{EXPORTED:%Y%m%d}{'_utf8' if utf8 else ''}.csv"


def make_export(path: Path, rows: int, *, utf8: bool = False, seed: int = 5) -> list[str]:
    """Write ``rows`` data rows (plus the repeats, blanks and trailing empty rows that come
    with them) to ``path``; the NIKs of the rows stored intact are returned, for lookups.

    Windows-1252 with ``;`` by default; ``utf8``: UTF-8 with a BOM and ``,``, as Excel's
    "CSV UTF-8" saves it."""
    rng = random.Random(seed)
    sep = "," if utf8 else ";"
    encoding = "utf-8-sig" if utf8 else "cp1252"
    niks: list[str] = []
    written = 0
    household = 0
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(sep.join(HEADER) + "\r\n")
        while written < rows:
            household += 1
            kk = f"3324{rng.randint(1, 20):02d}{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}"
            kk += f"{rng.randint(10, 24)}{household % 9998 + 1:04d}"
            village = f"3324{rng.randint(1, 20):02d}{rng.randint(2001, 2020)}"
            street = rng.choice(STREETS)
            address = f"{street} NO. {rng.randint(1, 120)}"
            if rng.random() < 0.02:
                address = f"{street}{sep} {rng.choice(STREETS)}"  # the separator in a cell
            elif rng.random() < 0.00005:
                address = f"{street}\r\nBELAKANG MASJID"  # Alt+Enter in Excel
            rt, rw = rng.randint(1, 15), rng.randint(1, 6)
            mother = person_name(rng, True)
            decile = rng.randint(1, 10)
            flags = [rng.random() < 0.2, rng.random() < 0.3, rng.random() < 0.5]
            for member in range(rng.randint(1, 6)):
                if written >= rows:
                    break
                written += 1
                cells = _member(rng, written, household, kk)
                if member == 0:
                    cells[8] = "Kepala Keluarga"
                cells += [mother if member else person_name(rng, True), village, address]
                cells += [f"{rt:03d}" if rng.random() < 0.9 else str(rt), f"{rw:03d}"]
                cells += ["" if rng.random() < 0.01 else str(decile)]  # decile not filled
                cells += ["1" if flag else "0" for flag in flags] + [f"{EXPORTED:%d/%m/%Y}"]
                text = sep.join(_quoted(c, sep) for c in cells) + "\r\n"
                f.write(text)
                nik = cells[2]
                if nik.isdigit() and len(nik) == 16 and not nik.endswith("0000"):
                    niks.append(nik)
                if rng.random() < 0.004:
                    f.write(text)  # pasted twice
                if rng.random() < 0.001:  # entered twice, the second time corrected
                    f.write(text.replace(cells[4], cells[4].upper(), 1))
                if rng.random() < 0.0002:
                    f.write("\r\n")
        f.write(sep * (len(HEADER) - 1) + "\r\n")  # Excel's formatted but empty rows
        f.write(sep * (len(HEADER) - 1) + "\r\n")
    return niks


def _member(rng: random.Random, i: int, household: int, kk: str) -> list[str]:
    """The member's own cells: IDs, NIK, KK, name, sex, birth place and date, relationship."""
    born = date(1940, 1, 1) + timedelta(days=rng.randint(0, 30000))
    woman = rng.random() < 0.5
    nik = f"{kk[:6]}{born.day + (40 if woman else 0):02d}{born:%m%y}{i % 9998 + 1:04d}"
    damage = rng.random()
    if damage < 0.004:
        nik = f"{nik[0]},{nik[1:6]}E+15"  # Excel's scientific notation, Indonesian decimals
    elif damage < 0.006:
        nik = nik[:12] + "0000"  # the 16th digit zeroed and a short serial
    elif damage < 0.008:
        nik = "'" + nik  # the apostrophe typed to keep it text
    elif damage < 0.009:
        nik = ""
    name = person_name(rng, woman)
    odd = rng.random()
    if odd < 0.02:
        name = name.replace("a", "a’", 1) if "a" in name else name  # Ma’ruf, Nur’aini
    elif odd < 0.025:
        name = name.replace("e", "é", 1)
    elif odd < 0.03:
        name = name.replace(" ", "  ", 1) + "\xa0"
    elif odd < 0.032:
        name = f'{name} "{name.split()[0][:4]}"'  # a nickname in quotes
    born_text = f"{born:%d-%m-%Y}"
    if rng.random() < 0.1:
        born_text = f"{born:%d/%m/%Y}"  # recognised by Excel, saved in the id-ID short date
    return [
        f"{i:012d}",
        f"K{household:09d}",
        nik,
        kk,
        name,
        "Perempuan" if woman else "Laki-laki",
        rng.choice(PLACES),
        born_text,
        rng.choice(RELATIONS),
    ]


def _quoted(cell: str, sep: str) -> str:
    if sep in cell or '"' in cell or "\n" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("out", type=Path)
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--utf8", action="store_true")
    a = p.parse_args()
    make_export(a.out, a.rows, utf8=a.utf8)


if __name__ == "__main__":
    main()
