"""The strategy's public pages after the first-use review (2026-12-01): years as years, money
per goal hidden by the funding rule and said so, a heat map with full names and a key that a
phone can read, the SDG profile as a plain table, file names that open, and no status report
from the future."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from omstallning.accounts.tests.factories import verified_client
from omstallning.strategy import funding_link
from omstallning.strategy.heatmap import label_lines
from omstallning.strategy.models import Initiative, StrategyGoal

NBSP = "\xa0"


def _text(html: str) -> str:
    """The page's text without tags, spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(NBSP, " ")


def test_years_are_never_grouped(strategy, client):
    overview = client.get("/affarsplan/").content.decode()
    initiative = client.get("/affarsplan/insatser/a1/").content.decode()
    goal = client.get("/affarsplan/mal/1-1/").content.decode()

    assert "Affärsplan Västmanland, 2023–2030, version 1" in overview
    assert "<td>2023–2026</td>" in overview  # A1 in the Insatser table
    assert "<dd>2023–2026</dd>" in initiative
    # The indicator table: baseline 2022, values 2023–2025, target 2030.
    for year in ("2022", "2023", "2024", "2025", "2030"):
        assert f'<th scope="row">{year}</th>' in goal
    for page in (overview, initiative, goal):
        assert not re.search(r"\b20\s0\d\d", page.replace(NBSP, " "))


def test_adopted_by_reads_in_lower_case_mid_sentence(strategy, client):
    # Adopted by "regionala utvecklingsnämnden": shown as written, after the date in words.
    html = client.get("/affarsplan/").content.decode()

    assert "Antagen 14 mars 2023 av regionala utvecklingsnämnden" in html


@pytest.fixture
def money_source(strategy, monkeypatch):
    """A funding source that says goal 1.1 has 3 decisions (hidden) and 1.2 has 6."""
    goals = {g.code: g.pk for g in StrategyGoal.objects.filter(focus_area__strategy=strategy)}
    shown = funding_link.GoalMoney(decisions=6, amount=Decimal(4_350_000))
    monkeypatch.setattr(funding_link, "_source", None)
    funding_link.register_goal_money(
        lambda ids: {
            goals["1.1"]: funding_link.GoalMoney(decisions=None, amount=None),
            goals["1.2"]: shown,
            -1: shown,  # not a goal of this strategy: ignored
        },
        min_decisions=5,
    )
    return goals


def test_money_per_goal_is_hidden_below_the_rule_and_the_rule_is_said(money_source, client):
    html = client.get("/affarsplan/").content.decode()
    text = _text(html)

    assert (
        "Beviljade medel till målet: visas inte, eftersom de bygger på färre än 5 beslut." in text
    )
    assert "Beviljade medel till målet: 4 350 000 kr i 6 beslut." in text
    # Goals without any granted decision have no line at all, not "0 kr".
    assert text.count("Beviljade medel till målet:") == 2
    assert "Beviljade medel till målet: 0 kr" not in text
    assert "Belopp som bygger på färre än 5 beslut visas inte" in text


def test_without_a_funding_source_there_is_no_money_line(strategy, client, monkeypatch):
    monkeypatch.setattr(funding_link, "_source", None)

    text = _text(client.get("/affarsplan/").content.decode())

    assert "Beviljade medel" not in text


def test_the_budget_shares_say_why_they_add_up_to_more_than_100(strategy, client):
    text = _text(client.get("/affarsplan/").content.decode())

    assert "räknas då med hela sin budget i var och en av dem" in text


def test_sdg_labels_wrap_whole_and_are_never_cut():
    lines = label_lines("9 Hållbar industri, innovationer och infrastruktur")

    assert lines == ["9 Hållbar industri, innovationer", "och infrastruktur"]
    assert label_lines("5 Jämställdhet") == ["5 Jämställdhet"]


def test_the_heat_map_has_full_names_a_key_and_a_table_for_phones(strategy, client):
    html = client.get("/affarsplan/").content.decode()
    red_thread = html.split('id="rod-trad"')[1].split('id="luckor"')[0]
    svg = red_thread.split("<svg")[1].split("</svg>")[0]

    # Every SDG's whole name is in the picture (over one or two lines), none is cut.
    tspans = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    drawn = " ".join(tspans)
    for name in (
        "8 Anständiga arbetsvillkor och ekonomisk tillväxt",
        "9 Hållbar industri, innovationer och infrastruktur",
        "12 Hållbar konsumtion och produktion",
        "16 Fredliga och inkluderande samhällen",
        "17 Genomförande och globalt partnerskap",
    ):
        assert name in drawn
    # The columns' key names each goal of the strategy.
    key = red_thread.split('class="heatmap__key"')[1].split("</dl>")[0]
    assert "<dt>1.1</dt><dd>Minskade utsläpp från länets industri</dd>" in key
    assert key.count("<dt>") == StrategyGoal.objects.filter(focus_area__strategy=strategy).count()
    # The table that a phone shows instead of the picture, and the one behind "Visa".
    assert red_thread.count('class="table table--figures heatmap-table"') == 2
    assert 'class="heatmap__phone-table"' in red_thread


def test_the_gap_list_is_an_ordinary_list(strategy, client):
    html = client.get("/affarsplan/").content.decode()
    gaps = html.split('id="luckor"')[1].split("</ul>")[0]

    assert '<ul class="gap-list">' in gaps
    assert "inline-list" not in gaps
    assert "<li>2 Ingen hunger</li>" in gaps


def test_the_sdg_profile_is_a_plain_table_with_whole_names(strategy, client):
    for url in ("/affarsplan/mal/1-1/", "/affarsplan/insatser/a1/"):
        html = client.get(url).content.decode()

        assert 'class="table sdg-table"' in html
        assert "sdg-profile__chart" not in html  # no tiles of tiny text
        assert "Hållbar energi för alla" in html and "Hållbar energi för al…" not in html
        assert html.count('class="sdg-table__row') == 17
    # A1's assessment: positive on 7 and 13, shown with a sign.
    a1 = _text(client.get("/affarsplan/insatser/a1/").content.decode())
    assert "Mål 7: Hållbar energi för alla + Positiv" in a1


def test_downloads_end_in_their_extension_with_the_day_before_it(strategy, client):
    today = timezone.localdate().isoformat()

    excel = client.get("/affarsplan/excel/")
    report = client.get("/affarsplan/rapport/")

    assert excel["Content-Disposition"] == (
        f'attachment; filename="affarsplan-vastmanland-v1-data-{today}.xlsx"'
    )
    assert report["Content-Disposition"] == (
        f'inline; filename="affarsplan-vastmanland-v1-rapport-{today}.pdf"'
    )


def test_a_status_report_from_the_future_is_refused_with_a_reason(strategy, developer):
    initiative = Initiative.objects.get(strategy=strategy, code="A1")
    staff = verified_client(developer)
    url = reverse("strategy_initiative:status_report", args=[initiative.pk])
    tomorrow = timezone.localdate() + timedelta(days=1)
    before = initiative.updates.count()

    response = staff.post(
        url,
        {"reported_on": "2030-01-01", "status": "ongoing", "progress": "95", "comment": "Klart."},
    )
    tomorrows = staff.post(
        url,
        {
            "reported_on": tomorrow.isoformat(),
            "status": "ongoing",
            "progress": "95",
            "comment": "X",
        },
    )
    page = staff.get(url).content.decode()

    assert response.status_code == 400 and tomorrows.status_code == 400
    assert "Datumet kan inte vara i framtiden" in response.content.decode()
    # What was typed is still there.
    assert "Klart." in response.content.decode()
    assert initiative.updates.count() == before
    # The date picker offers no later day.
    assert f'max="{timezone.localdate().isoformat()}"' in page


def test_the_indicator_template_for_excel_comes_back_in(strategy, developer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from omstallning.strategy.models import IndicatorValue

    staff = verified_client(developer)

    template = staff.get(reverse("strategy_indicatorvalue:template_excel", args=[strategy.pk]))

    text = template.content.decode("utf-8")
    assert template["Content-Disposition"] == (
        'attachment; filename="indikatorer-affarsplan-vastmanland-v1-excel.csv"'
    )
    assert text.startswith("\ufeffmål;indikator;år;värde;kommentar\r\n")
    # One row filled in as Excel saves it (semicolons, a decimal comma), the others left out.
    header, *rows = text.removeprefix("\ufeff").split("\r\n")
    assert "2.2;Andel företag med kvinna som vd;;;" in rows
    filled = f"\ufeff{header}\r\n2.2;Andel företag med kvinna som vd;2026;30,5;\r\n"
    saved = staff.post(
        reverse("strategy_indicatorvalue:import"),
        {"strategy": strategy.pk, "file": SimpleUploadedFile("mall.csv", filled.encode())},
    )
    assert saved.status_code == 302
    value = IndicatorValue.objects.get(
        indicator__goal__focus_area__strategy=strategy, indicator__goal__code="2.2", year=2026
    )
    assert value.value == Decimal("30.5")
