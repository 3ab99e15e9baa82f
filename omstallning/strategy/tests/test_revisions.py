"""Versions: an adopted version is frozen, the next one starts as a copy, and two versions
can be compared (goals and initiatives matched by number)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from omstallning.accounts.tests.factories import verified_client
from omstallning.strategy.models import Initiative, Strategy, StrategyGoal
from omstallning.strategy.revisions import versions_compare
from omstallning.strategy.services import strategy_revision_start


def test_an_adopted_version_cannot_be_changed(strategy, developer):
    goal = StrategyGoal.objects.get(focus_area__strategy=strategy, code="1.1")
    adopted_title = goal.title
    goal.title = "Ändrat i efterhand"

    with pytest.raises(ValidationError):
        goal.full_clean()
    with pytest.raises(ValidationError):
        Initiative(strategy=strategy, code="X", title="Ny", responsible="R", start_year=2026,
                   end_year=2027).full_clean()  # fmt: skip
    response = verified_client(developer).post(
        reverse("strategy_goal:edit", args=[goal.pk]),
        {"focus_area": goal.focus_area_id, "code": "1.1", "title": "Ändrat i efterhand",
         "description": "", "indicators-TOTAL_FORMS": "0", "indicators-INITIAL_FORMS": "0",
         "indicators-MIN_NUM_FORMS": "0", "indicators-MAX_NUM_FORMS": "1000"},
    )  # fmt: skip
    assert "kan inte ändras" in response.content.decode()
    assert StrategyGoal.objects.get(pk=goal.pk).title == adopted_title


def test_a_new_version_is_a_draft_copy(strategy, developer):
    copy = strategy_revision_start(strategy=strategy, user=developer)

    assert (copy.version, copy.status, copy.previous_version) == (2, "draft", strategy)
    old_goals = StrategyGoal.objects.filter(focus_area__strategy=strategy)
    new_goals = StrategyGoal.objects.filter(focus_area__strategy=copy)
    assert sorted(new_goals.values_list("code", flat=True)) == sorted(
        old_goals.values_list("code", flat=True)
    )
    new_goal = new_goals.get(code="1.1")
    assert [v.value for v in new_goal.indicators.get().values.all()] == [
        v.value for v in old_goals.get(code="1.1").indicators.get().values.all()
    ]
    a1 = copy.initiatives.get(code="A1")
    assert [g.code for g in a1.goals.all()] == ["1.1"]
    assert a1.goals.get().focus_area.strategy == copy  # the copy's goals, not the old ones
    assert (a1.status, a1.progress) == ("ongoing", 92)
    new_goal.title = "Kan ändras i utkastet"
    new_goal.full_clean()
    with pytest.raises(ValidationError):
        strategy_revision_start(strategy=strategy, user=developer)  # one draft at a time


def test_comparing_versions(strategy, developer):
    copy = strategy_revision_start(strategy=strategy, user=developer)
    StrategyGoal.objects.filter(focus_area__strategy=copy, code="1.2").update(
        title="Fler cirkulära företag"
    )
    copy.initiatives.filter(code="C1").delete()
    Initiative.objects.create(
        strategy=copy, code="E1", title="Ny insats", responsible="Region", start_year=2026,
        end_year=2028,
    )  # fmt: skip
    copy.initiatives.filter(code="A1").update(budget=5_000_000)

    comparison = versions_compare(strategy, copy)

    assert [c.code for c in comparison.goals_changed] == ["1.2"]
    assert [i.code for i in comparison.initiatives_removed] == ["C1"]
    assert [i.code for i in comparison.initiatives_added] == ["E1"]
    assert [(c.code, c.fields) for c in comparison.initiatives_changed] == [("A1", ["budget (kr)"])]
    # The copy is not assessed yet: every assessed goal and initiative shows up.
    assert "1.1" in {c.code for c in comparison.assessments_changed}


def test_new_version_adopt_and_compare_in_the_admin(strategy, developer, client):
    staff = verified_client(developer)

    created = staff.post(reverse("strategy_strategy:new_version", args=[strategy.pk]))
    copy = Strategy.objects.get(slug=strategy.slug, version=2)
    compared = staff.get(reverse("strategy_strategy:compare", args=[copy.pk]))
    adopted = staff.post(
        reverse("strategy_strategy:adopt", args=[copy.pk]),
        {"adopted_on": "2026-11-20", "adopted_by": "Regionala utvecklingsnämnden"},
    )

    assert created.status_code == 302 and created["Location"].endswith(f"/edit/{copy.pk}/")
    assert compared.status_code == 200 and "Inga ändringar." in compared.content.decode()
    assert adopted.status_code == 302
    copy.refresh_from_db()
    strategy.refresh_from_db()
    assert (copy.status, strategy.status) == ("adopted", "replaced")
    assert "version 2" in client.get("/affarsplan/").content.decode()


def test_starting_a_revision_and_adopting_it_are_in_wagtails_log(strategy, developer):
    from datetime import date

    from wagtail.models import ModelLogEntry

    from omstallning.strategy.services import strategy_adopt

    copy = strategy_revision_start(strategy=strategy, user=developer)
    strategy_adopt(
        strategy=copy, user=developer, adopted_on=date(2026, 11, 20), adopted_by="nämnden"
    )

    entries = ModelLogEntry.objects.filter(object_id=str(copy.pk), action__startswith="strategy.")
    assert [(entry.action, entry.user) for entry in entries.order_by("pk")] == [
        ("strategy.revision_started", developer),
        ("strategy.adopted", developer),
    ]
    assert entries.get(action="strategy.adopted").data == {
        "adopted_on": "2026-11-20",
        "adopted_by": "nämnden",
    }
    history = verified_client(developer).get(reverse("strategy_strategy:history", args=[copy.pk]))
    assert "Affärsplanen antogs 20 november 2026 av nämnden." in history.content.decode()


def test_only_those_who_may_start_a_revision_can(strategy):
    from django.core.exceptions import PermissionDenied

    from omstallning.accounts.roles import EDITOR
    from omstallning.accounts.tests.factories import UserFactory

    with pytest.raises(PermissionDenied):
        strategy_revision_start(strategy=strategy, user=UserFactory(roles=[EDITOR]))
    assert not Strategy.objects.filter(slug=strategy.slug, version=2).exists()
