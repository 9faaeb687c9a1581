"""Read ESC/POS bytes back: text lines with their style, raster images, native QR, cuts.

Two uses: tests assert on what a printer would really receive (not on our intentions), and the
window shows a kept job on screen when the printer failed, so the citizen still sees the number.
Covers the commands python-escpos emits; an unknown command raises, so a new one is noticed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

ESC, GS, DLE, LF = 0x1B, 0x1D, 0x10, 0x0A
_ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}


@dataclass(frozen=True)
class Line:
    text: str
    align: str
    bold: bool
    width: int
    height: int
    invert: bool


@dataclass
class Decoded:
    lines: list[Line] = field(default_factory=list)
    images: list[Image.Image] = field(default_factory=list)
    native_qr: list[str] = field(default_factory=list)
    cuts: int = 0
    feeds: int = 0

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def find(self, needle: str) -> Line:
        for line in self.lines:
            if needle in line.text:
                return line
        raise KeyError(needle)


class _State:
    def __init__(self) -> None:
        self.align, self.bold, self.width, self.height, self.invert = "left", False, 1, 1, False


def _esc(data: bytes, i: int, st: _State, out: Decoded) -> tuple[int, _State]:
    """One ESC command at ``i``: the position after it, and the style (ESC @ resets it)."""
    cmd = data[i + 1]
    if cmd == 0x40:  # ESC @ initialise
        return i + 2, _State()
    if cmd == 0x61:  # ESC a n
        st.align = _ALIGN[data[i + 2]]
    elif cmd == 0x45:  # ESC E n bold
        st.bold = bool(data[i + 2])
    elif cmd == 0x21:  # ESC ! n print mode
        mode = data[i + 2]
        st.bold = bool(mode & 0x08)
        st.height = 2 if mode & 0x10 else 1
        st.width = 2 if mode & 0x20 else 1
    elif cmd in (0x2D, 0x4D, 0x74, 0x47, 0x7B, 0x33, 0x52):  # underline, font, codepage …
        pass
    elif cmd == 0x64:  # ESC d n feed
        out.feeds += data[i + 2]
    elif cmd == 0x32:  # ESC 2 default line spacing
        return i + 2, st
    else:
        raise ValueError(f"ESC 0x{cmd:02x} tidak dikenal pada posisi {i}")
    return i + 3, st


def _raster(data: bytes, i: int, out: Decoded) -> int:
    """GS v 0: a raster image (1 bits are black dots)."""
    from PIL import ImageOps

    xl, xh, yl, yh = data[i + 4 : i + 8]
    wbytes, height = xl + 256 * xh, yl + 256 * yh
    raster = data[i + 8 : i + 8 + wbytes * height]
    img = Image.frombytes("1", (wbytes * 8, height), bytes(raster))
    out.images.append(ImageOps.invert(img.convert("L")))
    return i + 8 + wbytes * height


def _gs(data: bytes, i: int, st: _State, out: Decoded) -> int:
    """One GS command at ``i``: the position after it."""
    cmd = data[i + 1]
    if cmd == 0x21:  # GS ! n size
        size = data[i + 2]
        st.width, st.height = (size >> 4) + 1, (size & 0x0F) + 1
        return i + 3
    if cmd == 0x42:  # GS B n invert
        st.invert = bool(data[i + 2])
        return i + 3
    if cmd in (0x62, 0x48, 0x66, 0x68, 0x77, 0x4C):  # smooth, barcode options, margin
        return i + (3 if cmd != 0x4C else 4)
    if cmd == 0x56:  # GS V cut
        out.cuts += 1
        return i + (4 if data[i + 2] in (65, 66) else 3)
    if cmd == 0x76 and data[i + 2] == 0x30:
        return _raster(data, i, out)
    if cmd == 0x28 and data[i + 2] == 0x6B:  # GS ( k: 2D code
        length = data[i + 3] + 256 * data[i + 4]
        body = data[i + 5 : i + 5 + length]
        if body[0] == 0x31 and body[1] == 0x50:  # store QR data
            out.native_qr.append(body[3:].decode("utf-8"))
        return i + 5 + length
    raise ValueError(f"GS 0x{cmd:02x} tidak dikenal pada posisi {i}")


def decode(data: bytes) -> Decoded:
    """Parse ``data`` into a :class:`Decoded`; raises ``ValueError`` on unknown commands."""
    out, st, buf, i, n = Decoded(), _State(), bytearray(), 0, len(data)

    def flush() -> None:
        out.lines.append(
            Line(buf.decode("ascii", "replace"), st.align, st.bold, st.width, st.height, st.invert)
        )
        buf.clear()

    while i < n:
        b = data[i]
        if b == LF:
            flush()
            i += 1
        elif b == ESC:
            i, st = _esc(data, i, st, out)
        elif b == GS:
            i = _gs(data, i, st, out)
        elif b == DLE:
            i += 3
        elif b < 0x20 and b not in (0x09,):
            i += 1
        else:
            buf.append(b)
            i += 1
    if buf:
        flush()
    return out
