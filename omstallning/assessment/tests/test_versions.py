"""Framework versions: frozen once used, new versions by copying, old assessments keep theirs."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import given
from hypothesis import strategies as st

from omstallning.assessment import services
from omstallning.assessment.models import (
    AnswerOption,
    Criterion,
    CriterionCondition,
    FrameworkVersion,
    FrozenVersionError,
)

from .factories import CriterionFactory, VersionFactory


@pytest.fixture
def used_version(db, company, officer):
    version = VersionFactory()
    criterion = CriterionFactory(version=version, key="energi")
    CriterionCondition.objects.create(criterion=criterion, text_sv="Villkor")
    services.assessment_start(subject=company, framework=version.framework, assessor=officer)
    version.refresh_from_db()
    return version


def test_starting_an_assessment_freezes_the_version(used_version):
    assert used_version.is_frozen


edits = st.one_of(
    st.tuples(st.just("criterion"), st.sampled_from(["question_sv", "guidance_sv"]), st.text()),
    st.tuples(st.just("criterion"), st.just("weight"), st.integers(0, 99).map(Decimal)),
    st.tuples(st.just("option"), st.just("label_sv"), st.text(min_size=1, max_size=50)),
    st.tuples(st.just("option"), st.just("value"), st.integers(-9, 99).map(Decimal)),
    st.tuples(st.just("option"), st.just("is_knockout"), st.booleans()),
    st.tuples(st.just("condition"), st.just("text_sv"), st.text(min_size=1, max_size=50)),
    st.tuples(st.just("version"), st.just("change_note"), st.text()),
)


@given(edit=edits)
def test_a_frozen_version_cannot_change(used_version, edit):
    kind, field, value = edit
    criterion = Criterion.objects.get(version=used_version)
    target = {
        "criterion": criterion,
        "option": AnswerOption.objects.filter(criterion=criterion).first(),
        "condition": CriterionCondition.objects.get(criterion=criterion),
        "version": FrameworkVersion.objects.get(pk=used_version.pk),
    }[kind]
    before = type(target).objects.filter(pk=target.pk).values(field).get()

    setattr(target, field, value)
    with pytest.raises(FrozenVersionError):
        target.save()
    with pytest.raises(FrozenVersionError):
        target.delete()

    assert type(target).objects.filter(pk=target.pk).values(field).get() == before


def test_no_new_criterion_or_option_in_a_frozen_version(used_version):
    criterion = Criterion.objects.get(version=used_version)

    with pytest.raises(FrozenVersionError):
        Criterion.objects.create(version=used_version, key="ny", question_sv="Ny?")
    with pytest.raises(FrozenVersionError):
        AnswerOption.objects.create(criterion=criterion, label_sv="Ny", impact="none")
    assert used_version.criteria.count() == 1


def test_editing_means_a_new_version_and_old_assessments_keep_theirs(
    used_version, company, officer, developer
):
    old_assessment = used_version.assessments.get()

    draft = services.framework_version_copy(version=used_version, user=developer)
    criterion = draft.criteria.get()
    criterion.question_sv = "Hur påverkas energianvändningen?"
    criterion.save()
    services.framework_version_publish(version=draft, user=developer)
    new_assessment = services.assessment_start(
        subject=company, framework=used_version.framework, assessor=officer
    )

    assert draft.number == used_version.number + 1
    assert [o.label_sv for o in criterion.options.all()] == ["Bra", "Neutral", "Dåligt"]
    assert criterion.conditions.count() == 1
    assert new_assessment.version == draft
    old_assessment.refresh_from_db()
    assert old_assessment.version == used_version
    assert used_version.criteria.get().question_sv != "Hur påverkas energianvändningen?"


def test_copies_keep_the_sdg_goals(shipped, developer):
    agenda = shipped["agenda-2030"].current_version

    copy = services.framework_version_copy(version=agenda, user=developer)

    assert list(copy.criteria.get(key="mal-7").sdg_goals.values_list("number", flat=True)) == [7]


def test_publishing_needs_the_right_and_options(db, developer, applicant):
    draft = VersionFactory(published_at=None)
    CriterionFactory(version=draft)
    AnswerOption.objects.filter(criterion__version=draft).delete()

    with pytest.raises(PermissionDenied):
        services.framework_version_publish(version=draft, user=applicant)
    with pytest.raises(ValidationError, match="saknar svarsalternativ"):
        services.framework_version_publish(version=draft, user=developer)
    assert draft.framework.current_version is None


def test_a_framework_without_a_published_version_cannot_be_used(db, company, officer):
    draft = VersionFactory(published_at=None)

    with pytest.raises(ValidationError, match="ingen publicerad version"):
        services.assessment_start(subject=company, framework=draft.framework, assessor=officer)


def test_making_and_publishing_a_version_need_their_rights_and_are_in_wagtails_log(
    used_version, developer, applicant
):
    from wagtail.models import ModelLogEntry

    with pytest.raises(PermissionDenied) as making:
        services.framework_version_copy(version=used_version, user=applicant)
    draft = services.framework_version_copy(version=used_version, user=developer)
    with pytest.raises(PermissionDenied) as publishing:
        services.framework_version_publish(version=draft, user=applicant)
    services.framework_version_publish(version=draft, user=developer)

    assert str(making.value) == "Du får inte göra nya versioner av ramverk."
    assert str(publishing.value) == "Du får inte publicera ramverk."
    entries = ModelLogEntry.objects.for_instance(draft).order_by("timestamp", "pk")
    assert [(e.action, e.user_id) for e in entries] == [
        ("assessment.version_made", developer.pk),
        ("assessment.version_published", developer.pk),
    ]
    assert entries[0].data == {"from_number": used_version.number}
    assert str(entries[1].message) == "Versionen av ramverket publicerad"
    assert used_version.framework.versions.count() == 2
