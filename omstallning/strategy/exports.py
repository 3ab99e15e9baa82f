"""The whole strategy as an Excel workbook: one sheet per kind of thing, so it can be
filtered and pivoted. No personal data (status reports carry no author)."""

import io
from datetime import date
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from omstallning.core.selectors import sdg_names
from omstallning.core.spreadsheets import spreadsheet_safe

from .models import Indicator, InitiativeUpdate, Strategy

if TYPE_CHECKING:
    from .red_thread import RedThread
    from .selectors import Overview

# Lazy, so that each file is in the language it is made in, not the one the module met.
TRACK_LABELS = {
    "on_track": gettext_lazy("I fas"),
    "at_risk": gettext_lazy("Risk för försening"),
    "off_track": gettext_lazy("Försenad"),
    "none": gettext_lazy("Inga insatser"),
}


def _sheet(book: Workbook, title: str, headers: list[str], rows: list[list]) -> None:
    sheet = book.create_sheet(title[:31])
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([spreadsheet_safe(value) for value in row])
    sheet.freeze_panes = "A2"


def strategy_workbook(overview: "Overview", today: date) -> bytes:
    strategy, thread = overview.strategy, overview.red_thread
    book = Workbook()
    _about_sheet(book, strategy, today)
    _goals_sheet(book, overview)
    _indicators_sheet(book, strategy)
    _initiatives_sheet(book, overview)
    _updates_sheet(book, strategy)
    names = sdg_names()
    _red_thread_sheet(book, thread, names)
    _sheet(book, _("Luckor"), [_("Slag"), _("Vad")], _gap_rows(thread, names))

    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _about_sheet(book: Workbook, strategy: Strategy, today: date) -> None:
    # The workbook's first, default sheet: it becomes the about page rather than a blank one.
    about = book.active
    about.title = _("Strategi")
    for label, value in [
        (_("Namn"), strategy.name),
        (_("Version"), strategy.version),
        (_("Period"), f"{strategy.period_start}–{strategy.period_end}"),
        (_("Status"), strategy.get_status_display()),
        (_("Antagen den"), strategy.adopted_on),
        (_("Antagen av"), strategy.adopted_by),
        (_("Exempeldata"), _("ja") if strategy.is_example_data else _("nej")),
        (_("Uttaget"), today),
    ]:
        about.append([label, spreadsheet_safe(value)])


def _goals_sheet(book: Workbook, overview: "Overview") -> None:
    goal_rows = [
        [area.name, row.goal.code, row.goal.title, str(TRACK_LABELS[row.rollup.track]),
         round(row.rollup.progress, 1), round(row.rollup.expected, 1),
         _("ja") if row.profile else _("nej")]
        for area, rows in overview.focus_areas
        for row in rows
    ]  # fmt: skip
    _sheet(
        book,
        _("Mål"),
        [_("Fokusområde"), _("Nummer"), _("Mål"), _("Läge"), _("Genomfört (%)"),
         _("Väntat nu (%)"), _("Bedömt")],
        goal_rows,
    )  # fmt: skip


def _indicators_sheet(book: Workbook, strategy: Strategy) -> None:
    indicator_rows = []
    for indicator in (
        Indicator.objects.filter(goal__focus_area__strategy=strategy)
        .select_related("goal")
        .prefetch_related("values")
    ):
        indicator_rows += _indicator_rows(indicator)
    _sheet(
        book,
        _("Indikatorer"),
        [_("Mål"), _("Indikator"), _("Enhet"), _("Riktning"), _("År"), _("Värde"), _("Kommentar")],
        indicator_rows,
    )


def _indicator_rows(indicator: Indicator) -> list[list]:
    # Baseline first and target last, so the measured years read as a series between them.
    base = [
        indicator.goal.code,
        indicator.name,
        indicator.unit,
        indicator.get_direction_display(),
    ]
    rows = [[*base, indicator.baseline_year, indicator.baseline_value, _("Utgångsvärde")]]
    for value in indicator.values.all():
        rows.append([*base, value.year, value.value, value.note])
    rows.append([*base, indicator.target_year, indicator.target_value, _("Målvärde")])
    return rows


def _initiatives_sheet(book: Workbook, overview: "Overview") -> None:
    _sheet(
        book,
        _("Insatser"),
        [_("Nummer"), _("Insats"), _("Ansvariga"), _("Startår"), _("Slutår"), _("Budget (kr)"),
         _("Status"), _("Genomfört (%)"), _("Läge"), _("Bidrar till mål"), _("Bedömd")],
        [
            [r.initiative.code, r.initiative.title, r.initiative.responsible,
             r.initiative.start_year, r.initiative.end_year, r.initiative.budget,
             r.initiative.get_status_display(), r.initiative.progress,
             str(TRACK_LABELS[r.rollup.track]),
             ", ".join(g.code for g in r.initiative.goals.all()),
             _("ja") if r.profile else _("nej")]
            for r in overview.initiatives
        ],
    )  # fmt: skip


def _updates_sheet(book: Workbook, strategy: Strategy) -> None:
    updates = InitiativeUpdate.objects.filter(initiative__strategy=strategy).select_related(
        "initiative"
    )
    _sheet(
        book,
        _("Statusrapporter"),
        [_("Insats"), _("Datum"), _("Status"), _("Genomfört (%)"), _("Kommentar")],
        [[u.initiative.code, u.reported_on, u.get_status_display(), u.progress, u.comment]
         for u in updates],
    )  # fmt: skip


def _red_thread_sheet(book: Workbook, thread: "RedThread", names: dict[int, str]) -> None:
    _sheet(
        book,
        _("Röd tråd"),
        [_("Globalt mål"), *[f"{g.code} (+)" for g in thread.goals],
         *[f"{g.code} (−)" for g in thread.goals]],
        [
            [f"{sdg} {names.get(sdg, '')}", *[cells[g.id].positive for g in thread.goals],
             *[cells[g.id].negative for g in thread.goals]]
            for sdg, cells in thread.matrix.items()
        ],
    )  # fmt: skip


def _gap_rows(thread: "RedThread", names: dict[int, str]) -> list[list]:
    gaps = [
        [_("Globalt mål utan bidrag"), f"{sdg} {names.get(sdg, '')}"]
        for sdg in thread.uncovered_sdgs
    ]
    gaps += [
        [_("Negativ påverkan utan motverkande insats"),
         f"{gap.source_code} {gap.source_title} → {gap.sdg} {names.get(gap.sdg, '')}"]
        for gap in thread.unmitigated
    ]  # fmt: skip
    gaps += [[_("Mål som inte är bedömt"), f"{g.code} {g.title}"] for g in thread.unassessed_goals]
    gaps += [
        [_("Insats som inte är bedömd"), f"{i.code} {i.title}"]
        for i in thread.unassessed_initiatives
    ]
    gaps += [[_("Dimension ur balans"), code] for code in thread.out_of_balance]
    return gaps
