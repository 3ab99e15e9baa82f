"""Funding statistics after the first-use review (2026-12-01): one rule for money per goal on
the statistics page and the strategy's page, a CSV for Swedish Excel beside the ordinary one,
download names that open, budget years with no decision yet, and call texts marked as Swedish
on the English site with dates in Swedish style."""

import csv
import io
import re
import uuid
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from omstallning.core.tests.factories import translate
from omstallning.funding.models import BudgetFrame
from omstallning.funding.statistics import (
    MIN_DECISIONS,
    StatisticsFilter,
    funding_statistics,
    strategy_goal_money,
)
from omstallning.strategy.funding_link import GoalMoney
from omstallning.strategy.tests.factories import (
    FocusAreaFactory,
    StrategyGoalFactory,
    StrategyPageFactory,
)

from .factories import ApplicationFactory, CallFactory, DecisionFactory, FundingIndexPageFactory
from .test_statistics import decide, new_programme


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\xa0", " ")


@pytest.fixture
def goals(site):
    """The goals of an adopted strategy on /affarsplan/; no application serves 2.1."""
    page = StrategyPageFactory(slug="affarsplan")
    industry = FocusAreaFactory(strategy=page.strategy, name="Hållbar industri och omställning")
    skills = FocusAreaFactory(strategy=page.strategy, name="Kompetensförsörjning")
    return {
        goal.code: goal
        for goal in [
            StrategyGoalFactory(
                focus_area=industry, code="1.1", title="Minskade utsläpp från länets industri"
            ),
            StrategyGoalFactory(
                focus_area=industry, code="1.2", title="Fler företag med cirkulära affärsmodeller"
            ),
            StrategyGoalFactory(focus_area=skills, code="2.1", title="Fler utrikes födda i arbete"),
        ]
    }


def grant_for(goals_served, amount: int):
    """A handled application serving the goals, granted `amount`."""
    application = ApplicationFactory()
    application.strategy_goals.set(goals_served)
    return DecisionFactory(
        case_id=f"H{uuid.uuid4().hex[:16]}",
        application=application,
        programme=application.call.programme,
        amount_granted=Decimal(amount),
        amount_applied=Decimal(amount),
    )


def test_money_per_goal_follows_one_rule_on_both_pages(client, goals):
    assert MIN_DECISIONS == 5
    industry, circular = goals["1.1"], goals["1.2"]
    for _ in range(4):
        grant_for([industry], 150_000)
    for _ in range(5):
        grant_for([circular], 200_000)

    # 4 decisions: hidden. 5 decisions of 200 000 kr: 1 000 000 kr.
    assert strategy_goal_money([industry.pk, circular.pk]) == {
        industry.pk: GoalMoney(decisions=None, amount=None),
        circular.pk: GoalMoney(decisions=5, amount=Decimal(1_000_000)),
    }
    strategy_page = _text(client.get("/affarsplan/").content.decode())
    statistics_page = _text(client.get(reverse("funding:statistics")).content.decode())
    per_goal = statistics_page.split("Per mål i affärsplanen")[1]
    hidden = "Beviljade medel till målet: visas inte, eftersom de bygger på färre än 5 beslut."
    assert hidden in strategy_page
    assert "Beviljade medel till målet: 1 000 000 kr i 5 beslut." in strategy_page
    assert "1.1 Minskade utsläpp från länets industri – uppgift visas inte" in per_goal
    assert "1.2 Fler företag med cirkulära affärsmodeller 5 1 000 000 kr" in per_goal

    # One more application serving both goals, 100 000 kr: 5 decisions and 700 000 kr for
    # 1.1, 6 and 1 100 000 kr for 1.2 (it counts in full under each).
    grant_for([industry, circular], 100_000)

    strategy_page = _text(client.get("/affarsplan/").content.decode())
    assert "Beviljade medel till målet: 700 000 kr i 5 beslut." in strategy_page
    assert "Beviljade medel till målet: 1 100 000 kr i 6 beslut." in strategy_page
    assert "visas inte, eftersom" not in strategy_page
    # Goals with no granted decision get no line.
    assert strategy_page.count("Beviljade medel till målet:") == 2


def test_the_csv_for_excel_has_semicolons_and_decimal_commas(client, programme):
    decide(programme, 5, granted=80_000)
    decide(programme, 5, granted=0)
    query = f"?programme={programme.code}"
    today = timezone.localdate().isoformat()

    excel = client.get(reverse("funding:statistics_excel_csv") + query)
    plain = client.get(reverse("funding:statistics_csv") + query)

    assert excel["Content-Type"] == "text/csv; charset=utf-8"
    assert excel["Content-Disposition"] == (
        f'attachment; filename="stod-statistik-excel-{today}.csv"'
    )
    assert plain["Content-Disposition"] == f'attachment; filename="stod-statistik-{today}.csv"'
    text = excel.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    # 10 decisions, 5 granted of 80 000 kr: 400 000 kr, 50,0 % granted, 100,0 % of the money.
    assert ["Totalt", "Alla beslut", "10", "5", "400000", "50,0", "100,0"] in rows
    # The ordinary CSV stays as machines read it.
    plain_rows = list(csv.reader(io.StringIO(plain.content.decode().removeprefix("\ufeff"))))
    assert ["Totalt", "Alla beslut", "10", "5", "400000", "50.0", "100.0"] in plain_rows
    page = client.get(reverse("funding:statistics") + query).content.decode()
    assert "CSV för Excel" in page


@pytest.fixture
def programme(site):
    return new_programme()


def test_a_budget_year_with_no_decision_yet_says_so(client, programme):
    next_year = timezone.localdate().year + 1
    BudgetFrame.objects.create(programme=programme, year=2023, amount=Decimal(1_000_000))
    BudgetFrame.objects.create(programme=programme, year=next_year, amount=Decimal(2_000_000))
    decide(programme, 5, on=date(2023, 3, 1), granted=100_000)

    statistics = funding_statistics(StatisticsFilter(programme=programme.code))
    html = client.get(reverse("funding:statistics") + f"?programme={programme.code}")
    budget = _text(html.content.decode().split('id="budget"')[1])

    assert [(row.year, row.awaiting_decisions) for row in statistics.budget_use] == [
        (2023, False),
        (next_year, True),
    ]
    # 2023: 500 000 kr of 1 000 000 kr, 50,0 %.
    assert "2023 1 000 000 kr 500 000 kr 50,0 %" in budget
    assert f"{next_year} 2 000 000 kr Inga beslut än" in budget
    assert "2 000 000 kr 0 kr" not in budget


def test_a_calls_last_day_reads_in_swedish_and_its_texts_are_marked_swedish(client, site):
    translate(FundingIndexPageFactory(), "en", title="Support and funding", slug="funding")
    closes = timezone.make_aware(datetime(2027, 1, 31, 16, 0))
    call = CallFactory(closes_at=closes, max_amount=Decimal(1_000_000))

    swedish = client.get("/finansiering/").content.decode()
    english = client.get("/en/funding/").content.decode()

    card = _text(swedish.split(f'id="call-{call.pk}"')[1].split("</section>")[0])
    assert "Sista dag att ansöka: 31 januari 2027 kl. 16.00." in card
    assert f'<h3 id="call-{call.pk}">' in swedish  # Swedish page: nothing to mark
    assert f'<h3 id="call-{call.pk}" lang="sv">' in english
    english_card = english.split(f'id="call-{call.pk}"')[1].split("</section>")[0]
    assert f'<p lang="sv">{call.summary}</p>' in english_card
    # The amount in the active language's style (English: 1,000,000).
    assert "1,000,000" in english_card and "1\xa0000\xa0000" not in english_card
    with translation.override("sv"):
        apply = client.get(reverse("funding:apply", args=[call.pk])).content.decode()
    assert "31 januari 2027 kl. 16.00" in apply
