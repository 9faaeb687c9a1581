"""A report table as a QtCharts chart: bars by sex (stacked, so the bar is the total) or one
bar per row, the tickets per day as columns. Charts follow the display settings (high
contrast uses Qt's high-contrast theme; the application font, so large text grows them too).
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kiosk.reports.model import SEX_KEYS, SEX_LABELS, Table
from printing.report_values import number
from ui import words
from ui.i18n import translate

MAX_BARS = 12


def chart_for(t: Table, high_contrast: bool = False) -> QChart:
    """The chart of ``t`` (an empty chart with its title when there is nothing to draw)."""
    chart = QChart()
    chart.setTheme(
        QChart.ChartTheme.ChartThemeHighContrast
        if high_contrast
        else QChart.ChartTheme.ChartThemeLight
    )
    font = QGuiApplication.font()
    chart.setTitleFont(font)
    chart.setTitle(t.title)
    chart.legend().setFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    if not t.rows or t.chart == "none":
        return chart
    if t.chart == "line":
        rows = list(t.rows)
        series: QBarSeries | QHorizontalBarSeries | QHorizontalStackedBarSeries = QBarSeries()
        one = QBarSet(translate("report_chart", "Tiket"))
        one.append([number(r.values[-1]) for r in rows])
        series.append(one)
        chart.legend().hide()
        vertical = True
    else:
        rows = list(reversed(t.rows[:MAX_BARS]))  # largest at the top
        by_sex = t.columns[: len(SEX_KEYS)] == tuple(SEX_LABELS[s] for s in SEX_KEYS)
        series = QHorizontalStackedBarSeries() if by_sex else QHorizontalBarSeries()
        for i, name in enumerate(t.columns[: len(SEX_KEYS)] if by_sex else t.columns[-1:]):
            bar = QBarSet(words.column(name))
            column = i if by_sex else len(t.columns) - 1
            bar.append([number(r.values[column]) for r in rows])
            series.append(bar)
        chart.legend().setVisible(by_sex)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        vertical = False
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([r.label[:28] for r in rows])
    categories.setLabelsFont(font)
    categories.setTruncateLabels(False)
    values = QValueAxis()
    values.setLabelFormat("%d")
    values.setLabelsFont(font)
    values.setMin(0)
    chart.addAxis(
        categories, Qt.AlignmentFlag.AlignBottom if vertical else Qt.AlignmentFlag.AlignLeft
    )
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft if vertical else Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    values.applyNiceNumbers()
    return chart
