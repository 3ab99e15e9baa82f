"""The adopted strategy in public: goals with follow-up, the red thread, gaps and budget
shares; status reports that change a goal's rollup; editing only for Näringslivsutvecklare."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import ModelLogEntry

from omstallning.accounts.roles import EDITOR
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted
from omstallning.strategy import selectors, services
from omstallning.strategy.models import Initiative, Strategy, StrategyGoal

from .factories import StrategyFactory, StrategyGoalFactory, StrategyPageFactory


def test_the_strategy_page_shows_goals_red_thread_gaps_and_budget(strategy, client):
    html = client.get("/affarsplan/").content.decode()

    gaps = html.split('id="luckor"')[1].split('id="budget"')[0]

    assert "Exempeldata" in html
    assert "Antagen 14 mars 2023 av regionala utvecklingsnämnden" in html
    assert 'role="img" aria-labelledby="heatmap-title heatmap-desc"' in html
    # The industrial land (A3) harms SDG 15 and no initiative for goal 1.1 helps it; the
    # tourism goal's (3.1) harm to SDG 13 is countered by C1, which serves the same goal.
    assert "Industrimark för nyetableringar: negativ påverkan på mål 15" in gaps
    assert "Minskade utsläpp från länets industri: negativ påverkan på mål 15" in gaps
    assert "Fler gästnätter, med mindre klimatpåverkan: negativ" not in gaps
    # B2 has no assessment yet; every other goal and initiative has one.
    not_assessed = gaps.split("Inte bedömt än")[1].split("</ul>")[0]
    assert "Nätverk och affärsrådgivning för kvinnor som driver företag" in not_assessed
    assert not_assessed.count("<li>") == 1
    # 4 200 000 + 6 500 000 + 12 000 000 + 3 100 000 + 2 400 000 + 1 900 000 (A1–C1).
    assert "Insatsernas budget är sammanlagt 30\xa0100\xa0000 kr" in html


def test_goal_and_initiative_pages(strategy, client):
    goal = client.get("/affarsplan/mal/1-1/").content.decode()
    initiative = client.get("/affarsplan/insatser/a3/").content.decode()

    assert "Utsläpp från industrin" in goal and "1\xa0040" in goal  # the 2025 value
    assert "Energieffektiviseringsnätverk för industrin" in goal
    assert "Detaljplan överklagad" in initiative
    assert client.get("/affarsplan/mal/9-9/").status_code == 404
    assert client.get("/affarsplan/insatser/zz/").status_code == 404


def test_a_draft_strategy_is_not_public(site, client):
    goal = StrategyGoalFactory(
        focus_area__strategy=StrategyFactory(
            name="Ny strategi", period_start=2031, period_end=2035
        ),
        code="1.1",
        title="Ett mål i utkastet",
    )
    StrategyPageFactory(strategy=goal.strategy, slug="ny-strategi")

    response = client.get("/ny-strategi/")

    assert goal.strategy.status == Strategy.Status.DRAFT
    assert response.status_code == 200
    assert "Strategin är inte antagen än" in response.content.decode()
    assert "Ett mål i utkastet" not in response.content.decode()
    assert client.get("/ny-strategi/mal/1-1/").status_code == 404


def test_a_status_report_changes_the_goals_rollup(strategy, developer):
    initiative = Initiative.objects.get(strategy=strategy, code="A3")
    goal = StrategyGoal.objects.get(focus_area__strategy=strategy, code="1.1")
    today = date(2026, 6, 1)

    def goal_progress():
        rows = selectors.overview(strategy, today).focus_areas[0][1]
        return next(row.rollup.progress for row in rows if row.goal == goal)

    before = goal_progress()
    services.initiative_status_update(
        initiative=initiative, user=developer, status="ongoing", progress=80,
        comment="Detaljplanen vann laga kraft.", reported_on=today,
    )  # fmt: skip
    after = goal_progress()

    initiative.refresh_from_db()
    assert (initiative.status, initiative.progress) == ("ongoing", 80)
    assert after > before
    assert initiative.updates.count() == 2  # the earlier report is kept
    # A report about an earlier date is history and does not set the current state.
    services.initiative_status_update(
        initiative=initiative, user=developer, status="paused", progress=5,
        comment="Sent inlagd rapport.", reported_on=date(2025, 1, 1),
    )  # fmt: skip
    initiative.refresh_from_db()
    assert (initiative.status, initiative.progress) == ("ongoing", 80)
    reports = ModelLogEntry.objects.filter(
        object_id=str(initiative.pk), action="strategy.status_reported"
    ).order_by("pk")
    assert [(entry.user, entry.data["status"]) for entry in reports] == [
        (developer, "ongoing"),
        (developer, "paused"),
    ]


def test_only_business_developers_report_status(strategy):
    initiative = Initiative.objects.get(strategy=strategy, code="A1")
    editor = UserFactory(roles=[EDITOR])

    with pytest.raises(PermissionDenied):
        services.initiative_status_update(
            initiative=initiative, user=editor, status="ongoing", progress=90,
            comment="Nej", reported_on=date(2026, 1, 1),
        )  # fmt: skip
    url = reverse("strategy_initiative:status_report", args=[initiative.pk])
    assert_not_permitted(verified_client(editor).get(url))


def test_the_status_report_form(strategy, developer):
    initiative = Initiative.objects.get(strategy=strategy, code="A1")
    staff = verified_client(developer)
    url = reverse("strategy_initiative:status_report", args=[initiative.pk])

    shown = staff.get(url)
    bad = staff.post(url, {"reported_on": "2026-02-01", "status": "ongoing", "progress": "140"})
    good = staff.post(
        url,
        {"reported_on": "2026-11-28", "status": "ongoing", "progress": "75", "comment": "Bra."},
    )

    assert shown.status_code == 200 and "52 företag" in shown.content.decode()
    assert bad.status_code == 400
    assert good.status_code == 302
    initiative.refresh_from_db()
    assert initiative.progress == 75


def test_business_developers_edit_the_strategy_in_the_admin(strategy, developer):
    staff = verified_client(developer)

    for name in (
        "strategy_strategy",
        "strategy_goal",
        "strategy_initiative",
        "strategy_indicatorvalue",
    ):
        assert staff.get(reverse(f"{name}:index")).status_code == 200
    goal = StrategyGoal.objects.get(focus_area__strategy=strategy, code="1.1")
    edit = staff.get(reverse("strategy_goal:edit", args=[goal.pk]))
    assert edit.status_code == 200 and "Utsläpp från industrin" in edit.content.decode()
    assert_not_permitted(
        verified_client(UserFactory(roles=[EDITOR])).get(reverse("strategy_goal:index"))
    )


def test_adopting_a_new_version_replaces_the_old(strategy, developer, client):
    revision = Strategy.objects.create(
        name=strategy.name, slug=strategy.slug, version=2, period_start=2026, period_end=2032
    )

    services.strategy_adopt(
        strategy=revision, user=developer, adopted_on=date(2026, 4, 1), adopted_by="Nämnden"
    )

    strategy.refresh_from_db()
    assert strategy.status == Strategy.Status.REPLACED
    assert selectors.published_version(strategy) == revision
    assert "version 2" in client.get("/affarsplan/").content.decode()


def test_everything_as_excel(strategy, client):
    from io import BytesIO

    from openpyxl import load_workbook

    response = client.get("/affarsplan/excel/")

    book = load_workbook(BytesIO(response.content))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert book.sheetnames == [
        "Strategi", "Mål", "Indikatorer", "Insatser", "Statusrapporter", "Röd tråd", "Luckor"
    ]  # fmt: skip
    assert [c.value for c in book["Mål"][2]][:3] == [
        "Hållbar industri och omställning", "1.1", "Minskade utsläpp från länets industri"
    ]  # fmt: skip
    assert book["Insatser"].max_row == 7  # header and six initiatives, A1–C1
    assert any("A3 Industrimark" in str(row[1].value) for row in book["Luckor"].iter_rows())


def test_the_committee_report_renders(strategy, client):
    import pypdfium2 as pdfium

    response = client.get("/affarsplan/rapport/")

    document = pdfium.PdfDocument(response.content)
    texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    assert response["Content-Type"] == "application/pdf"
    assert len(document) == 4
    assert "Affärsplan Västmanland" in texts[0] and "Exempeldata" in texts[0]
    assert "Den röda tråden" in texts[2] and "15 Ekosystem och biologisk mångfald" in texts[2]
    assert "A3 Industrimark för nyetableringar → 15" in texts[3]
    # Every page has something drawn on it: the picture is not blank.
    for index in range(len(document)):
        image = document[index].render(scale=0.5).to_pil().convert("L")
        assert image.getextrema()[0] < 128


def test_money_per_goal_appears_when_a_funding_source_is_registered(strategy, client, monkeypatch):
    from decimal import Decimal

    from omstallning.strategy import funding_link

    # The funding app registers its source when it starts; begin without any.
    monkeypatch.setattr(funding_link, "_source", None)
    without = client.get("/affarsplan/").content.decode()
    goal = StrategyGoal.objects.get(focus_area__strategy=strategy, code="1.1")
    funding_link.register_goal_money(
        lambda ids: {goal.pk: funding_link.GoalMoney(decisions=7, amount=Decimal(3_000_000))},
        min_decisions=5,
    )

    with_money = client.get("/affarsplan/").content.decode()

    assert "Beviljade medel" not in without
    assert "Beviljade medel till målet: 3\xa0000\xa0000 kr i 7 beslut." in with_money
    assert "Beviljade medel till målet: 0 kr" not in with_money
    assert "Bidrar till globala mål 7, 9, 13 · negativ påverkan på 15" in with_money
