"""What a report sent upstream is, shared by the kiosk that writes it and the kabupaten server
that files it (the server may import this module; the kiosk imports nothing of the server).

One record per village and period (:func:`report_entity`), so every later version of a
period's report replaces the earlier one; its tables carry keys, words and counts only.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from kiosk.reports.model import Table

OP_TYPE = "laporan_dikirim"
ENTITY = "report"
NAMESPACE = uuid.UUID("6f1d9a52-3c1e-5b7a-9e43-2a6c5d8b7f10")
KINDS = (
    ("bulanan", re.compile(r"\d{4}-\d{2}")),
    ("triwulan", re.compile(r"\d{4}Q[1-4]")),
    ("semester", re.compile(r"\d{4}S[12]")),
    ("tahunan", re.compile(r"\d{4}")),
)
# Figures read on a day (the register, what is still open): a longer period made of shorter
# reports takes them from its latest report, never their sum.
STOCK_SOURCES = frozenset(
    {
        "register_people",
        "register_households",
        "open_complaints",
        "overdue_cases",
        "unanswered_referrals",
    }
)


def period_kind(code: str) -> str:
    """bulanan, triwulan, semester or tahunan; "" for a week or a day (no regulation asks)."""
    return next((kind for kind, shape in KINDS if shape.fullmatch(code)), "")


def report_entity(village_code: str, period_code: str) -> uuid.UUID:
    """One record per village and period: every version of it replaces the one before."""
    return uuid.uuid5(NAMESPACE, f"laporan:{village_code}:{period_code}")


def table_data(t: Table) -> dict[str, Any]:
    """A table as the message carries it: keys, words and counts; nothing behind a count."""
    return {
        "indicator": t.indicator,
        "dimension": t.dimension,
        "title": t.title,
        "unit": t.unit,
        "columns": list(t.columns),
        "rows": [[r.key, r.label, list(r.values)] for r in t.rows],
        "total": list(t.total.values) if t.total else None,
    }
