"""The SDG reference data and the three dimensions, as loaded by the migrations."""

import io

from django.core.management import call_command
from django.utils import translation

from omstallning.core.models import SdgGoal, SdgIndicator, SdgTarget, SustainabilityDimension
from omstallning.core.reference_data import read_sdg_file

TARGETS_PER_GOAL = [7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19]


def test_all_goals_targets_and_indicators_are_loaded(db):
    assert list(SdgGoal.objects.values_list("number", flat=True)) == list(range(1, 18))
    assert [goal.targets.count() for goal in SdgGoal.objects.all()] == TARGETS_PER_GOAL
    assert SdgTarget.objects.count() == 169
    source_codes = {
        indicator["id"]
        for goal in read_sdg_file()
        for target in goal["targets"]
        for indicator in target["indicators"]
    }
    assert set(SdgIndicator.objects.values_list("code", flat=True)) == source_codes


def test_goals_have_swedish_titles_official_colours_and_a_dimension(db):
    goal = SdgGoal.objects.get(number=7)

    assert goal.title_sv == "Hållbar energi för alla"
    assert goal.colour == "#FCC30B"
    assert goal.dimension.code == "social"
    assert SdgGoal.objects.get(number=13).dimension.code == "ecological"
    assert SdgGoal.objects.get(number=17).dimension is None


def test_titles_follow_the_language_with_english_as_fallback(db):
    goal = SdgGoal.objects.get(number=5)
    target = SdgTarget.objects.get(code="5.1")

    with translation.override("sv"):
        assert goal.title == "Jämställdhet"
        assert target.title.startswith("End all forms of discrimination")  # no Swedish yet
    with translation.override("en"):
        assert goal.title == "Gender equality"
    target.title_sv = "Avskaffa alla former av diskriminering av kvinnor och flickor."
    target.save()
    with translation.override("sv"):
        assert target.title.startswith("Avskaffa")


def test_loading_again_keeps_swedish_texts_added_in_the_admin(db):
    target = SdgTarget.objects.get(code="1.1")
    target.title_sv = "Utrota extrem fattigdom."
    target.save()

    call_command("load_reference_data", stdout=io.StringIO())

    target.refresh_from_db()
    assert target.title_sv == "Utrota extrem fattigdom."
    assert SdgTarget.objects.count() == 169


def test_the_three_dimensions(db):
    with translation.override("sv"):
        names = [dimension.name for dimension in SustainabilityDimension.objects.all()]
    assert names == ["Ekologisk hållbarhet", "Social hållbarhet", "Ekonomisk hållbarhet"]
