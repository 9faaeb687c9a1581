"""Honest numbers on the public board: a count hidden because it is small reads "<5"; a count
hidden only so that a total cannot give a small one back (it is 5 or more) reads "*", and the
page says what "*" means."""

from __future__ import annotations

import re
from dataclasses import replace

from kiosk.reports.model import Row, Table
from kiosk.reports.public import HIDDEN, LEGEND, SMALL, public
from printing.papan_html import papan_html

COLUMNS = ("Laki-laki", "Perempuan", "Jumlah")


def _with_table(report, table):
    panel = report.panels[0]
    return replace(
        report, panels=(replace(panel, tables=(table, *panel.tables)), *report.panels[1:])
    )


def _channels():
    return Table(
        "warga_dilayani",
        "uji",
        "Warga dilayani menurut cara datang (uji)",
        "orang",
        COLUMNS,
        (Row("datang", "Datang", (2, 6, 8)), Row("telepon", "Telepon", (10, 12, 22))),
        Row("Jumlah", "Jumlah", (12, 18, 30)),
    )


def test_secondary_cells_read_star_primary_ones_less_than_five(report):
    board = public(_with_table(report, _channels()))
    t = board.panels[0].tables[0]
    assert t.rows[0].values == (SMALL, HIDDEN, 8)  # 2 is small; 6 only hides it from 8 - 2
    assert t.rows[1].values == (HIDDEN, HIDDEN, 22)  # 10 and 12 keep the columns from giving
    assert t.total and t.total.values == (12, 18, 30)  # the 2 and the 6 back


def test_the_page_shows_star_and_says_what_it_means(report):
    page = papan_html(public(_with_table(report, _channels())))
    table = page[page.index("Warga dilayani menurut cara datang (uji)") :]
    table = table[: table.index("</table>")]
    cells = re.findall(r"<td>([^<]*)</td>", table)
    assert cells[:3] == ["&lt;5", "*", "8"] and cells[3:6] == ["*", "*", "22"]
    assert LEGEND in table  # beside the table that has one
    assert "disembunyikan agar angka kecil tidak bisa dihitung ulang" in page.split("<footer>")[1]


def test_a_table_with_only_small_counts_has_no_star(report):
    only_small = replace(
        _channels(),
        rows=(Row("datang", "Datang", (2, 3, 5)),),
        total=Row("Jumlah", "Jumlah", (2, 3, 5)),
    )
    board = public(_with_table(report, only_small))
    assert board.panels[0].tables[0].rows[0].values == (SMALL, SMALL, 5)
    page = papan_html(board)
    table = page[page.index("(uji)") :]
    assert LEGEND not in table[: table.index("</table>")]


def test_the_total_row_cannot_give_a_small_count_back(report):
    """Seen on the kabupaten's papan: men "<5" in each row and in the total row, women 10 and
    all 13 shown in the total row, so 13 - 10 gave the 3 back."""
    by_sex = replace(
        _channels(),
        rows=(Row("datang", "Datang", (1, 5, 6)), Row("telepon", "Telepon", (2, 5, 7))),
        total=Row("Jumlah", "Jumlah", (3, 10, 13)),
    )
    t = public(_with_table(report, by_sex)).panels[0].tables[0]
    assert t.total and t.total.values == (SMALL, HIDDEN, 13)
    assert [r.values for r in t.rows] == [(SMALL, HIDDEN, 6), (SMALL, HIDDEN, 7)]
