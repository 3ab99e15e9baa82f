"""The statistics as tables, for CSV and Excel: the same figures as the page, suppressed
the same way. Suppressed cells are empty in CSV and "–" nowhere: a spreadsheet sums them.

Two CSVs: the ordinary one (comma, decimal point) for programs, and one for Excel with
Swedish settings (semicolon, decimal comma), which otherwise puts every row in one column."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from omstallning.core.spreadsheets import csv_for_excel, spreadsheet_safe

from .statistics import UNDERREPRESENTED, Figures, FundingStatistics


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list]


def _figure_cells(figures: Figures) -> list:
    return [
        figures.decisions,
        figures.granted,
        figures.amount_granted,
        None if figures.grant_rate is None else round(figures.grant_rate * 100, 1),
        None if figures.amount_share is None else round(figures.amount_share * 100, 1),
    ]


def tables(statistics: FundingStatistics) -> list[Table]:
    headers = [
        _("Grupp"),
        _("Beslut"),
        _("Beviljade"),
        _("Beviljat belopp (kr)"),
        _("Andel beviljade (%)"),
        _("Andel av beviljat belopp (%)"),
    ]
    result = [Table(_("Totalt"), headers, [[_("Alla beslut"), *_figure_cells(statistics.totals)]])]
    for breakdown in statistics.breakdowns:
        result.append(
            Table(
                breakdown.title,
                headers,
                [
                    [
                        int(row.key) if breakdown.key == "year" else row.label,
                        *_figure_cells(row.figures),
                    ]
                    for row in breakdown.rows
                ],
            )
        )
    trend_headers = [_("År"), _("Beviljade beslut 1:1"), _("Beviljat belopp 1:1 (kr)")]
    for _key, label, _condition in UNDERREPRESENTED:
        trend_headers += [
            _("%(group)s: andel av beloppet (%%)") % {"group": label},
            _("%(group)s: andel av besluten (%%)") % {"group": label},
        ]
    trend_rows = []
    for row in statistics.trend:
        cells = [row.year, row.decisions, row.amount_granted]
        for key, _label, _condition in UNDERREPRESENTED:
            group = row.groups[key]
            cells += [
                None if group.money_share is None else round(group.money_share * 100, 1),
                None if group.decision_share is None else round(group.decision_share * 100, 1),
            ]
        trend_rows.append(cells)
    result.append(Table(_("Underrepresenterade grupper per år"), trend_headers, trend_rows))
    result.append(
        Table(
            _("Per globalt mål"),
            [
                _("Mål"),
                _("Beslut med positiv påverkan"),
                _("Belopp med positiv påverkan (kr)"),
                _("Beslut med negativ påverkan"),
                _("Belopp med negativ påverkan (kr)"),
            ],
            [
                [
                    f"{sdg.number}. {sdg.title}",
                    sdg.positive.decisions,
                    sdg.positive.amount_granted,
                    sdg.negative.decisions,
                    sdg.negative.amount_granted,
                ]
                for sdg in statistics.sdgs
            ],
        )
    )
    result.append(
        Table(
            _("Per mål i affärsplanen"),
            [_("Mål"), _("Beviljade beslut"), _("Beviljat belopp (kr)")],
            [
                [f"{goal.code} {goal.title}", goal.decisions, goal.amount_granted]
                for goal in statistics.strategy_goals
            ],
        )
    )
    result.append(
        Table(
            _("Budget per program och år"),
            [
                _("Program"),
                _("År"),
                _("Budgetram (kr)"),
                _("Beviljat (kr)"),
                _("Andel av ramen (%)"),
            ],
            [
                [
                    row.programme,
                    row.year,
                    row.frame,
                    row.granted,
                    None if row.share is None else round(row.share * 100, 1),
                ]
                for row in statistics.budget_use
            ],
        )
    )
    return result


def _csv_rows(statistics: FundingStatistics):
    """Every table under its own header row, the table's title in the first column."""
    for table in tables(statistics):
        yield [_("Tabell"), *table.headers]
        for row in table.rows:
            yield [table.title, *row]
        yield []


def statistics_csv(statistics: FundingStatistics) -> str:
    """UTF-8 with a byte-order mark, so that Excel reads å, ä and ö right when opened."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    for row in _csv_rows(statistics):
        writer.writerow(["" if v is None else spreadsheet_safe(v) for v in row])
    return out.getvalue()


def statistics_csv_for_excel(statistics: FundingStatistics) -> str:
    """The same rows for Excel with Swedish settings: semicolons and decimal commas."""
    return csv_for_excel(_csv_rows(statistics))


def _sheet_name(title: str) -> str:
    # Excel allows 31 characters and none of []:*?/\\.
    cleaned = "".join(c for c in title if c not in "[]:*?/\\")
    return cleaned if len(cleaned) <= 31 else cleaned[:30].rstrip() + "…"


def statistics_excel(statistics: FundingStatistics) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table in tables(statistics):
        sheet = book.create_sheet(_sheet_name(table.title))
        sheet.append(table.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([spreadsheet_safe(v) for v in row])
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
