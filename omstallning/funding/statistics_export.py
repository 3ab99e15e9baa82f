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


def _percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


def _figure_cells(figures: Figures) -> list:
    return [
        figures.decisions,
        figures.granted,
        figures.amount_granted,
        _percent(figures.grant_rate),
        _percent(figures.amount_share),
    ]


def _breakdown_tables(statistics: FundingStatistics) -> list[Table]:
    headers = [
        _("Grupp"),
        _("Beslut"),
        _("Beviljade"),
        _("Beviljat belopp (kr)"),
        _("Andel beviljade (%)"),
        _("Andel av beviljat belopp (%)"),
    ]
    totals = Table(_("Totalt"), headers, [[_("Alla beslut"), *_figure_cells(statistics.totals)]])
    return [totals] + [
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
        for breakdown in statistics.breakdowns
    ]


def _trend_table(statistics: FundingStatistics) -> Table:
    headers = [_("År"), _("Beviljade beslut 1:1"), _("Beviljat belopp 1:1 (kr)")]
    for _key, label, _condition in UNDERREPRESENTED:
        headers += [
            _("%(group)s: andel av beloppet (%%)") % {"group": label},
            _("%(group)s: andel av besluten (%%)") % {"group": label},
        ]
    rows = []
    for row in statistics.trend:
        cells = [row.year, row.decisions, row.amount_granted]
        for key, _label, _condition in UNDERREPRESENTED:
            group = row.groups[key]
            cells += [_percent(group.money_share), _percent(group.decision_share)]
        rows.append(cells)
    return Table(_("Underrepresenterade grupper per år"), headers, rows)


def _sdg_table(statistics: FundingStatistics) -> Table:
    headers = [
        _("Mål"),
        _("Beslut med positiv påverkan"),
        _("Belopp med positiv påverkan (kr)"),
        _("Beslut med negativ påverkan"),
        _("Belopp med negativ påverkan (kr)"),
    ]
    rows = [
        [
            f"{sdg.number}. {sdg.title}",
            sdg.positive.decisions,
            sdg.positive.amount_granted,
            sdg.negative.decisions,
            sdg.negative.amount_granted,
        ]
        for sdg in statistics.sdgs
    ]
    return Table(_("Per globalt mål"), headers, rows)


def _strategy_goal_table(statistics: FundingStatistics) -> Table:
    headers = [_("Mål"), _("Beviljade beslut"), _("Beviljat belopp (kr)")]
    rows = [
        [f"{goal.code} {goal.title}", goal.decisions, goal.amount_granted]
        for goal in statistics.strategy_goals
    ]
    return Table(_("Per mål i affärsplanen"), headers, rows)


def _budget_table(statistics: FundingStatistics) -> Table:
    headers = [
        _("Program"),
        _("År"),
        _("Budgetram (kr)"),
        _("Beviljat (kr)"),
        _("Andel av ramen (%)"),
    ]
    rows = [
        [row.programme, row.year, row.frame, row.granted, _percent(row.share)]
        for row in statistics.budget_use
    ]
    return Table(_("Budget per program och år"), headers, rows)


def tables(statistics: FundingStatistics) -> list[Table]:
    """The page's figures, table by table in the page's order."""
    return [
        *_breakdown_tables(statistics),
        _trend_table(statistics),
        _sdg_table(statistics),
        _strategy_goal_table(statistics),
        _budget_table(statistics),
    ]


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
