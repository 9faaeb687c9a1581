"""Paper widths and what the printer model can do, from python-escpos capability profiles."""

from __future__ import annotations

from dataclasses import dataclass

from escpos.printer import Dummy

PROFILES = {58: "POS-5890", 80: "TM-T20II"}


@dataclass(frozen=True)
class Paper:
    """A roll width with its column count, dot width, cutter and QR ability."""

    width_mm: int
    profile: str
    columns: int
    dots: int
    has_cutter: bool
    native_qr: bool

    @classmethod
    def of(cls, width_mm: int, profile: str | None = None) -> Paper:
        if width_mm not in PROFILES:
            raise ValueError("Lebar kertas harus 58 atau 80 mm.")
        name = profile or PROFILES[width_mm]
        caps = Dummy(profile=name).profile
        dots = int(caps.profile_data["media"]["width"]["pixels"])
        return cls(
            width_mm=width_mm,
            profile=name,
            columns=32 if width_mm == 58 else 48,
            dots=dots,
            has_cutter=bool(caps.supports("paperFullCut") or caps.supports("paperPartCut")),
            native_qr=bool(caps.supports("qrCode")),
        )
