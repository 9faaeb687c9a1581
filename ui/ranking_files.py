"""The ranked list's two files for the village meeting, written whole and owner-only (they
name households); shared by the command and the page."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from kiosk.ranking import Ranking
from kiosk.services.setup import SiteView
from ui.private_files import write_whole


def write_ranking(
    r: Ranking,
    site: SiteView,
    folder: Path,
    today: date,
    status: str = "",
    decisions: Mapping[str, str] | None = None,
) -> list[Path]:
    """``status`` and ``decisions`` come with a kept list (see ``stored_ranking``)."""
    from printing.documents import Header
    from printing.ranking_files import ranking_pdf, ranking_xlsx

    header = Header(site, f"PERINGKAT/{r.programme}/{today:%Y%m%d}", today)
    stem = f"peringkat-{r.programme}-{today:%Y%m%d}"
    return [
        write_whole(
            folder / f"{stem}.pdf",
            ranking_pdf(header, r, status=status, decisions=decisions),
        ),
        write_whole(folder / f"{stem}.xlsx", ranking_xlsx(r, status, decisions)),
    ]
