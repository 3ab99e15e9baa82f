"""The public statistics page, its downloads and the API: the same figures, small cells
suppressed for the public and shown to staff."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from omstallning.accounts.tests.factories import verified_client

from .factories import DecisionFactory, ProgrammeFactory

URL = "/api/v1/funding/statistics"


@pytest.fixture
def programme(site):
    programme = ProgrammeFactory(code="statistik-test", name="Statistiktest")
    for _n in range(6):
        DecisionFactory(programme=programme, municipality_code="1980", women_owner_share=80)
    for _n in range(3):
        DecisionFactory(programme=programme, municipality_code="1904", women_owner_share=10)
    return programme


def _rows(body, key):
    breakdown = next(b for b in body["breakdowns"] if b["key"] == key)
    return {row["key"]: row["figures"] for row in breakdown["rows"]}


def test_the_api_suppresses_cells_under_five_for_the_public(client, programme):
    body = client.get(URL, {"programme": programme.code}).json()

    municipalities = _rows(body, "municipality_code")
    assert body["suppressed"] is True
    assert body["totals"]["decisions"] == 9
    assert municipalities["1980"]["decisions"] == 6
    assert municipalities["1980"]["amount_granted"] == "480000"
    assert municipalities["1904"] == {
        "decisions": None,
        "granted": None,
        "amount_granted": None,
        "grant_rate": None,
        "amount_share": None,
    }


def test_staff_with_a_funding_role_see_every_figure(programme, officer):
    body = verified_client(officer).get(URL, {"programme": programme.code}).json()

    assert body["suppressed"] is False
    assert _rows(body, "municipality_code")["1904"]["decisions"] == 3
    assert _rows(body, "ownership")["men"]["decisions"] == 3


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"year_from": "2025", "year_to": "2020"}, "Till år kan inte vara före från år."),
        (
            {"sector": "Z"},
            "Välj ett giltigt alternativ. Z finns inte bland tillgängliga alternativ.",
        ),
        (
            {"municipality": "1999"},
            "Välj ett giltigt alternativ. 1999 finns inte bland tillgängliga alternativ.",
        ),
        (
            {"programme": "finns-inte"},
            "Välj ett giltigt alternativ. finns-inte finns inte bland tillgängliga alternativ.",
        ),
    ],
)
def test_page_downloads_and_api_refuse_the_same_bad_filters_with_the_same_reason(
    client, site, query, message
):
    api = client.get(URL, query)
    page = client.get("/stod/statistik/", query)
    download = client.get("/stod/statistik/statistik.csv", query)

    assert api.status_code == 400
    assert api.json()["detail"] == f"Filtret går inte att använda: {message}"
    assert page.status_code == 400
    assert message in page.content.decode()
    assert download.status_code == 400
    assert download.content.decode() == f"Filtret går inte att använda: {message}"


@pytest.mark.parametrize(
    "query", [{"year_from": "abc"}, {"year_to": "1800"}, {"municipality": "19800"}]
)
def test_a_filter_of_the_wrong_type_or_range_is_refused_by_the_api_schema(client, site, query):
    response = client.get(URL, query)

    assert response.status_code == 422
    assert response.json()["detail"]


def test_the_page_shows_the_figures_with_a_dash_for_suppressed_cells(client, programme):
    response = client.get("/stod/statistik/", {"programme": programme.code})

    page = response.content.decode()
    assert response.status_code == 200
    assert "40/60" in page
    assert "uppgift visas inte" in page
    assert "480\xa0000 kr" in page or "480 000 kr" in page


def test_a_bad_filter_is_explained_and_no_figures_are_shown_in_its_place(client, site):
    response = client.get("/stod/statistik/", {"year_from": "2025", "year_to": "2020"})
    export = client.get("/stod/statistik/statistik.csv", {"programme": "finns-inte"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "Till år kan inte vara före från år." in page
    assert "Rätta filtret ovan" in page
    assert "Beviljat belopp" not in page
    assert export.status_code == 400
    assert "Filtret går inte att använda" in export.content.decode()


def test_csv_and_excel_hold_the_same_suppressed_figures(client, programme):
    csv_text = client.get("/stod/statistik/statistik.csv", {"programme": programme.code})
    excel = client.get("/stod/statistik/statistik.xlsx", {"programme": programme.code})

    lines = csv_text.content.decode().splitlines()
    assert "Per kommun,Västerås,6,6,480000,100.0," in "\n".join(lines) or any(
        line.startswith("Per kommun,") and ",6,6,480000," in line for line in lines
    )
    book = load_workbook(io.BytesIO(excel.content))
    sheet = book["Per kommun"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [None, None, None, None, None] in [row[1:] for row in values]
    assert excel["Content-Disposition"].endswith(f'{date.today():%Y-%m-%d}.xlsx"')


def test_budget_use_compares_each_frame_with_what_was_granted_and_hides_small_years(
    client, programme, officer
):
    from omstallning.funding.models import BudgetFrame

    # Years the fixture's decisions (of the last month) never fall in.
    this_year = date.today().year
    BudgetFrame.objects.create(programme=programme, year=this_year - 5, amount=1_000_000)
    BudgetFrame.objects.create(programme=programme, year=this_year + 1, amount=500_000)
    BudgetFrame.objects.create(programme=programme, year=this_year - 6, amount=300_000)
    last_year = date(this_year - 5, 6, 1)
    for _n in range(5):
        DecisionFactory(programme=programme, decided_on=last_year, amount_granted=40_000)
    for _n in range(2):
        DecisionFactory(programme=programme, decided_on=date(this_year - 6, 3, 1))

    public = client.get(URL, {"programme": programme.code}).json()["budget_use"]
    staff = verified_client(officer).get(URL, {"programme": programme.code}).json()["budget_use"]

    by_year = {row["year"]: row for row in public}
    assert by_year[this_year - 5]["granted"] == "200000"
    assert by_year[this_year - 5]["share"] == 0.2
    assert by_year[this_year + 1]["granted"] == "0"
    assert (by_year[this_year - 6]["granted"], by_year[this_year - 6]["share"]) == (None, None)
    assert {row["year"]: row["granted"] for row in staff}[this_year - 6] == "160000"


def test_the_trend_is_drawn_as_an_accessible_chart_with_the_table_beside_it(client, programme):
    from omstallning.funding.models import Decision

    # Granted 1:1 decisions in two years: the fixture's (of the last month) and five earlier.
    earlier = date(date.today().year - 2, 6, 1)
    for _n in range(5):
        DecisionFactory(programme=programme, decided_on=earlier, women_owner_share=80)
    years = {earlier.year} | {
        d.decided_on.year for d in Decision.objects.filter(programme=programme)
    }

    page = client.get("/stod/statistik/").content.decode()

    chart = page.split('<figure class="chart">')[1].split("</figure>")[0]
    table = page.split('aria-label="Underrepresenterade grupper per år"')[1].split("</table>")[0]
    assert 'role="img" aria-labelledby="trend-title trend-desc"' in chart
    assert '<title id="trend-title">' in chart and '<desc id="trend-desc">' in chart
    # A row per year in the picture, and the same years in the table beside it.
    assert len(years) == 2
    for year in years:
        assert f'fill="#1a1a1a">{year}</text>' in chart
        assert f'<th scope="row">{year}</th>' in table
