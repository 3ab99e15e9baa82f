"""The report for the regional development committee as a PDF: cover, summary, the red-thread
matrix, gaps and follow-up. Drawn with fpdf2 (pure Python, so it works wherever the site
does) and a bundled DejaVu font, which has every Swedish letter and sign used here."""

from datetime import date
from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from omstallning.core.pdf import PlatformPdf, kr
from omstallning.core.selectors import dimension_names, sdg_names
from omstallning.core.translation import supported_language

from .exports import TRACK_LABELS
from .heatmap import cell_colours, cell_text

if TYPE_CHECKING:
    from .models import Strategy
    from .red_thread import Cell, RedThread
    from .selectors import GoalRow, Overview


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def committee_report(overview: "Overview", today: date, *, language: str | None = None) -> bytes:
    """The report in the reader's language: the request's, or the active one."""
    with translation.override(supported_language(language or translation.get_language())):
        return _committee_report(overview, today)


def _committee_report(overview: "Overview", today: date) -> bytes:
    strategy, thread = overview.strategy, overview.red_thread
    names = sdg_names()
    dimensions = dimension_names()
    pdf = PlatformPdf(f"{strategy.name} – {_('uppföljning')} {today.year}")
    # The summary counts the goals and the follow-up lists them, in the same order.
    goal_rows = [row for _area, rows in overview.focus_areas for row in rows]
    _cover(pdf, strategy, today)
    _summary(pdf, overview, goal_rows, dimensions)
    _red_thread_matrix(pdf, thread, names)
    _gaps(pdf, thread, names, dimensions)
    _follow_up(pdf, overview, goal_rows)
    return bytes(pdf.output())


def _cover(pdf: PlatformPdf, strategy: "Strategy", today: date) -> None:
    pdf.add_page()
    pdf.ln(50)
    pdf.heading(strategy.name, size=26)
    pdf.set_font("DejaVu", size=13)
    pdf.paragraph(_("Uppföljning och hållbarhetens röda tråd"))
    pdf.paragraph(
        _("Version %(version)s, %(start)s–%(end)s") % {
            "version": strategy.version, "start": strategy.period_start, "end": strategy.period_end
        }
    )  # fmt: skip
    if strategy.adopted_on:
        pdf.paragraph(
            _("Antagen %(date)s av %(body)s")
            % {"date": date_format(strategy.adopted_on), "body": strategy.adopted_by}
        )
    pdf.paragraph(
        _("Underlag till regionala utvecklingsnämnden, %(date)s") % {"date": date_format(today)}
    )
    if strategy.is_example_data:
        pdf.set_font("DejaVu", "B", 12)
        pdf.paragraph(_("Exempeldata: mål, siffror och insatser är påhittade."))
    # Back to body text: the later pages draw in whatever font the cover leaves set.
    pdf.set_font("DejaVu", size=10)


def _summary(
    pdf: PlatformPdf, overview: "Overview", goal_rows: list["GoalRow"], dimensions: dict[str, str]
) -> None:
    thread = overview.red_thread
    pdf.add_page()
    pdf.heading(_("Sammanfattning"))
    tracks = {key: 0 for key in TRACK_LABELS}
    for row in goal_rows:
        tracks[row.rollup.track] += 1
    pdf.paragraph(
        _("%(goals)s mål och %(initiatives)s insatser med en sammanlagd budget på %(budget)s.")
        % {"goals": len(goal_rows), "initiatives": len(overview.initiatives),
           "budget": kr(thread.budget_total)}
    )  # fmt: skip
    pdf.paragraph(
        "; ".join(f"{TRACK_LABELS[key]}: {count}" for key, count in tracks.items() if count) + "."
    )
    pdf.paragraph(
        _("%(uncovered)s av de 17 globala målen får inget bidrag. %(negative)s negativa "
          "effekter saknar en motverkande insats. %(unassessed)s mål och insatser är inte bedömda.")
        % {"uncovered": len(thread.uncovered_sdgs), "negative": len(thread.unmitigated),
           "unassessed": len(thread.unassessed_goals) + len(thread.unassessed_initiatives)}
    )  # fmt: skip
    pdf.data_table(
        [_("Dimension"), _("Budget till positiv profil"), _("Andel")],
        [
            [dimensions.get(code, code), kr(amount), f"{100 * thread.share(code):.0f} %"]
            for code, amount in thread.budget_per_dimension.items()
        ],
        [80, 60, 30],
    )


def _red_thread_matrix(pdf: PlatformPdf, thread: "RedThread", names: dict[int, str]) -> None:
    # Landscape: one column per goal of the strategy has to fit beside the SDG labels.
    pdf.add_page(orientation="landscape")
    pdf.heading(_("Den röda tråden"))
    pdf.paragraph(
        _("Antal positiva (+) och negativa (−) bedömningar per globalt mål (rader) och mål i "
          "strategin (kolumner), för målen och de insatser som bidrar till dem.")
    )  # fmt: skip
    label_w, cell_w, cell_h = 85, min(18, (pdf.epw - 85) / max(len(thread.goals), 1)), 6.5
    pdf.set_font("DejaVu", "B", 8)
    pdf.cell(label_w, cell_h, _("Globalt mål"), border=1)
    for goal in thread.goals:
        pdf.cell(cell_w, cell_h, goal.code, border=1, align="C")
    pdf.ln()
    pdf.set_font("DejaVu", size=8)
    for sdg, cells in thread.matrix.items():
        pdf.cell(label_w, cell_h, f"{sdg} {names.get(sdg, '')}"[:52], border=1)
        for goal in thread.goals:
            _matrix_cell(pdf, cells[goal.id], cell_w, cell_h)
        pdf.set_text_color(0, 0, 0)
        pdf.ln()
    pdf.ln(3)
    pdf.paragraph(
        _("Grönt: mer positiv än negativ påverkan. Rött: mer negativ. Gult: lika mycket av "
          "båda. Grått: ingen bedömd påverkan.")
    )  # fmt: skip


def _matrix_cell(pdf: PlatformPdf, cell: "Cell", width: float, height: float) -> None:
    # Coloured like the heat map on the strategy page, so the two read the same way.
    fill, text_fill = cell_colours(cell.positive, cell.negative)
    pdf.set_fill_color(*_hex(fill))
    pdf.set_text_color(*_hex(text_fill))
    pdf.cell(
        width,
        height,
        cell_text(cell.positive, cell.negative),
        border=1,
        align="C",
        fill=True,
    )


def _gaps(
    pdf: PlatformPdf, thread: "RedThread", names: dict[int, str], dimensions: dict[str, str]
) -> None:
    pdf.add_page(orientation="portrait")
    pdf.heading(_("Luckor"))
    pdf.heading(_("Globala mål som inget mål eller ingen insats bidrar till"), size=11)
    pdf.paragraph(
        ", ".join(f"{sdg} {names.get(sdg, '')}" for sdg in thread.uncovered_sdgs) or _("Inga.")
    )
    pdf.heading(_("Negativ påverkan som ingen insats motverkar"), size=11)
    pdf.paragraph(
        "\n".join(
            f"{gap.source_code} {gap.source_title} → {gap.sdg} {names.get(gap.sdg, '')}"
            for gap in thread.unmitigated
        )
        or _("Ingen.")
    )
    pdf.heading(_("Inte bedömt än"), size=11)
    pdf.paragraph(
        "\n".join(
            [f"{g.code} {g.title}" for g in thread.unassessed_goals]
            + [f"{i.code} {i.title}" for i in thread.unassessed_initiatives]
        )
        or _("Alla mål och insatser är bedömda.")
    )
    if thread.out_of_balance:
        pdf.heading(_("Dimensioner ur balans"), size=11)
        pdf.paragraph(", ".join(dimensions.get(code, code) for code in thread.out_of_balance))


def _follow_up(pdf: PlatformPdf, overview: "Overview", goal_rows: list["GoalRow"]) -> None:
    # No page break of its own: the follow-up continues on the gaps' page.
    pdf.heading(_("Uppföljning"))
    pdf.data_table(
        [_("Mål"), _("Läge"), _("Genomfört"), _("Väntat nu")],
        [
            [f"{row.goal.code} {row.goal.title}", str(TRACK_LABELS[row.rollup.track]),
             f"{row.rollup.progress:.0f} %", f"{row.rollup.expected:.0f} %"]
            for row in goal_rows
        ],
        [95, 40, 25, 25],
    )  # fmt: skip
    pdf.data_table(
        [_("Insats"), _("Status"), _("Budget"), _("Läge")],
        [
            [f"{r.initiative.code} {r.initiative.title}",
             f"{r.initiative.get_status_display()}, {r.initiative.progress} %",
             kr(r.initiative.budget), str(TRACK_LABELS[r.rollup.track])]
            for r in overview.initiatives
        ],
        [85, 40, 35, 25],
    )  # fmt: skip
