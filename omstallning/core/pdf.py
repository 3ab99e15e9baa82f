"""The platform's PDF documents (reports, decision letters): drawn with fpdf2, which is pure
Python, so it works wherever the site does, in a bundled DejaVu font that has every Swedish
letter and sign. Subclasses add their content with the helpers here."""

from pathlib import Path

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
GREEN = (11, 93, 59)


def kr(amount) -> str:
    return f"{number_format(amount, decimal_pos=0, force_grouping=True)} kr"


class PlatformPdf(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report_title = title
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_font("DejaVu", size=10)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_title(title)
        # Built inside translation.override() of the reader's language, which it declares.
        self.set_lang(get_language() or settings.LANGUAGE_CODE)
        self.set_creator(settings.WAGTAIL_SITE_NAME)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, f"{self.report_title} · {_('Sida')} {self.page_no()}", align="C")
        self.set_text_color(0, 0, 0)

    def heading(self, text: str, size: int = 15) -> None:
        self.set_font("DejaVu", "B", size)
        self.set_text_color(*GREEN)
        self.multi_cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.set_font("DejaVu", size=10)
        self.ln(2)

    def paragraph(self, text: str) -> None:
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def data_table(self, headers: list[str], rows: list[list[str]], widths: list[int]) -> None:
        self.set_font("DejaVu", "B", 9)
        with self.table(col_widths=widths, text_align="LEFT", line_height=5) as table:
            head = table.row()
            for header in headers:
                head.cell(header)
            self.set_font("DejaVu", size=9)
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(str(value))
        self.set_font("DejaVu", size=10)
        self.ln(3)
