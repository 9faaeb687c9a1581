"""Refuse strings longer than their column, or holding a NUL byte, before flush.

SQLite ignores VARCHAR lengths, PostgreSQL enforces them: without this guard a value that fits
on the village laptop could fail when the Puskesos moves to PostgreSQL. PostgreSQL also refuses
NUL bytes in text, and a NUL pasted from a broken file would cut the value short in many tools.
The refusal is a :class:`ValidationError` in Indonesian naming the field, so the officer can
shorten the value and save again. Core bulk inserts (the DTKS import) validate their own rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Text, event, inspect
from sqlalchemy.orm import Session

from kiosk.errors import ValidationError
from kiosk.messages import _


def check_lengths(obj: Any) -> None:
    """Raise :class:`ValidationError` for a text value its column cannot hold as given."""
    mapper = inspect(obj).mapper
    for column in mapper.columns:
        if not isinstance(column.type, String | Text):
            continue
        value = getattr(obj, mapper.get_property_by_column(column).key, None)
        if not isinstance(value, str):
            continue
        if "\x00" in value:
            raise ValidationError(
                _(
                    "Isian '{0}' berisi karakter kosong (NUL) yang tidak dapat disimpan. "
                    "Ketik ulang isian itu, jangan menempel dari berkas yang rusak."
                ).format(column.key),
                code="karakter_nul",
                field=column.key,
            )
        limit = column.type.length
        if limit and len(value) > limit:
            raise ValidationError(
                _(
                    "Isian '{0}' terlalu panjang: {1} karakter, paling banyak {2}. "
                    "Persingkat lalu simpan lagi."
                ).format(column.key, len(value), limit),
                code="terlalu_panjang",
                field=column.key,
            )


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in list(session.new) + list(session.dirty):
        check_lengths(obj)
