"""Staff fill in the shipped frameworks in the admin and see the profile; permissions both ways."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from hypothesis import given
from hypothesis import strategies as st

from omstallning.accounts.roles import ACTOR, ASSESSOR, BUSINESS_DEVELOPER, CASE_OFFICER, EDITOR
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_no_admin_access, assert_not_permitted
from omstallning.assessment import selectors, services
from omstallning.assessment.models import Assessment, FrameworkVersion


def start_url(subject) -> str:
    content_type = ContentType.objects.get_for_model(subject)
    return f"/admin/bedomningar/ny/{content_type.pk}/{subject.pk}/"


def criterion_option(assessment, key, label):
    criterion = assessment.version.criteria.get(key=key)
    return criterion.options.get(label_sv=label).pk


def test_an_officer_starts_answers_submits_and_sees_the_profile(site, shipped, company):
    officer = UserFactory(roles=[CASE_OFFICER])
    client = verified_client(officer)

    form = client.get(start_url(company))
    assert form.status_code == 200
    assert "Hållbarhetssäkring i tre dimensioner" in form.text
    started = client.post(
        start_url(company),
        {"framework": shipped["tre-dimensioner"].pk, "perspective": "case_officer"},
    )
    assessment = Assessment.objects.get(
        subject_type=ContentType.objects.get_for_model(company), subject_id=company.pk
    )
    assert started["Location"] == f"/admin/bedomningar/{assessment.pk}/"

    saved = client.post(
        started["Location"],
        {
            "action": "save",
            "ecological-option": criterion_option(assessment, "ecological", "Negativ"),
            "ecological-motivation": "Mer transporter.",
            "social-option": criterion_option(assessment, "social", "Positiv"),
        },
        follow=True,
    )
    assert "Svaren är sparade." in saved.text
    assert "Stanna upp och tänk om" in saved.text
    assert "Inte besvarat än" in saved.text

    submitted = client.post(
        started["Location"],
        {
            "action": "submit",
            "ecological-option": criterion_option(assessment, "ecological", "Negativ"),
            "ecological-motivation": "Mer transporter.",
            "ecological-action": "Samlastning med grannföretaget.",
            "social-option": criterion_option(assessment, "social", "Positiv"),
            "economic-option": criterion_option(assessment, "economic", "Ingen"),
        },
        follow=True,
    )
    assert "Bedömningen är inlämnad." in submitted.text
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    assert assessment.rethink_count == 0
    page = submitted.text
    assert "Resultat per hållbarhetsdimension" in page
    assert "Samlastning med grannföretaget." in page
    assert "Lås bedömningen" in page


def test_submitting_with_gaps_keeps_the_answers_and_says_what_is_missing(site, shipped, company):
    officer = UserFactory(roles=[CASE_OFFICER])
    assessment = services.assessment_start(
        subject=company, framework=shipped["dnsh"], assessor=officer
    )
    client = verified_client(officer)

    response = client.post(
        f"/admin/bedomningar/{assessment.pk}/",
        {
            "action": "submit",
            "fororeningar-option": criterion_option(assessment, "fororeningar", "Betydande skada"),
        },
        follow=True,
    )

    assert response.status_code == 200
    assert "kunde inte lämnas in" in response.text
    assert "Motivering saknas: Förebyggande och begränsning av föroreningar" in response.text
    assert "Stoppande svar" in response.text
    assert assessment.answers.count() == 1


def test_the_agenda_2030_profile_is_drawn_with_a_label_on_every_goal(site, shipped, company):
    officer = UserFactory(roles=[CASE_OFFICER])
    assessment = services.assessment_start(
        subject=company, framework=shipped["agenda-2030"], assessor=officer
    )
    client = verified_client(officer)
    client.post(
        f"/admin/bedomningar/{assessment.pk}/",
        {
            "action": "save",
            "mal-7-relevance": "direct",
            "mal-7-option": criterion_option(assessment, "mal-7", "Positiv påverkan"),
            "mal-7-motivation": "Solceller på taket.",
            "mal-12-relevance": "indirect",
            "mal-12-option": criterion_option(assessment, "mal-12", "Okänd – kunskapslucka"),
        },
    )

    page = client.get(f"/admin/bedomningar/{assessment.pk}/").text

    svg = re.search(r"<svg class=\"sdg-profile__chart\".*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg
    assert svg.count("<g transform") == 17
    assert "mål 7 positiv" in svg
    assert "mål 12 kunskapslucka" in svg
    assert "#FCC30B" in svg
    assert re.search(r"<th scope=\"row\">7\. Hållbar energi för alla</th><td>Positiv</td>", page)
    assert re.search(r"<th scope=\"row\">1\. Ingen fattigdom</th><td>Inte bedömt</td>", page)


@pytest.mark.parametrize("role", [EDITOR, ACTOR])
def test_people_without_the_right_cannot_start_or_see_assessments(site, shipped, company, role):
    client = verified_client(UserFactory(roles=[role], is_staff=role == EDITOR))
    officer = UserFactory(roles=[CASE_OFFICER])
    assessment = services.assessment_start(
        subject=company, framework=shipped["dnsh"], assessor=officer
    )

    def assert_refused(response, url):
        if role == EDITOR:  # staff, but without the right
            assert_not_permitted(response)
        else:  # no admin at all
            assert_no_admin_access(response, url)

    for url in [start_url(company), f"/admin/bedomningar/{assessment.pk}/", "/admin/bedomningar/"]:
        assert_refused(client.get(url), url)
    assert_refused(
        client.post(start_url(company), {"framework": shipped["dnsh"].pk}), start_url(company)
    )
    assert list(selectors.assessments_of(company)) == [assessment]


def test_an_assessor_can_read_but_not_change_someone_elses_submitted_assessment(
    site, shipped, company
):
    officer = UserFactory(roles=[CASE_OFFICER])
    assessor = UserFactory(roles=[ASSESSOR])
    assessment = services.assessment_start(
        subject=company, framework=shipped["horisontella-kriterier"], assessor=officer
    )
    client = verified_client(assessor)

    page = client.get(f"/admin/bedomningar/{assessment.pk}/")
    assert page.status_code == 200
    assert "Lås bedömningen" not in page.text


def test_comparison_side_by_side(site, shipped, company):
    officer = UserFactory(roles=[CASE_OFFICER])
    own = services.assessment_start(
        subject=company,
        framework=shipped["tre-dimensioner"],
        assessor=officer,
        perspective=Assessment.Perspective.SELF,
    )
    theirs = services.assessment_start(
        subject=company, framework=shipped["tre-dimensioner"], assessor=officer
    )
    criterion = own.version.criteria.get(key="social")
    services.answer_save(
        assessment=own,
        criterion=criterion,
        user=officer,
        option=criterion.options.get(label_sv="Positiv"),
    )

    page = verified_client(officer).get(f"/admin/bedomningar/{own.pk}/jamfor/{theirs.pk}/").text

    assert "Självskattning" in page and "Regionens bedömning" in page
    assert page.count("(skiljer sig)") == 1
    assert "Inte besvarat" in page


def test_a_used_version_cannot_be_edited_but_a_new_version_can(site, shipped, company):
    developer = UserFactory(roles=[BUSINESS_DEVELOPER])
    services.assessment_start(subject=company, framework=shipped["dnsh"], assessor=developer)
    version = shipped["dnsh"].current_version
    client = verified_client(developer)

    edit = client.get(f"/admin/assessment/framework-versions/edit/{version.pk}/", follow=True)
    assert "kan inte ändras" in edit.text
    assert (
        edit.redirect_chain[-1][0] == f"/admin/assessment/framework-versions/inspect/{version.pk}/"
    )

    created = client.post(f"/admin/assessment/framework-versions/new-version/{version.pk}/")
    new = FrameworkVersion.objects.get(framework=version.framework, number=version.number + 1)
    assert created["Location"] == f"/admin/assessment/framework-versions/edit/{new.pk}/"
    assert client.get(created["Location"]).status_code == 200
    assert new.criteria.count() == 6

    published = client.post(f"/admin/assessment/framework-versions/publish/{new.pk}/", follow=True)
    assert "är publicerad" in published.text
    assert shipped["dnsh"].current_version == new


def test_organisations_in_the_admin_offer_an_assessment(site, company):
    page = verified_client(UserFactory(roles=[CASE_OFFICER])).get(
        "/admin/snippets/core/organisation/"
    )

    assert page.status_code == 200
    assert start_url(company) in page.text


@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                "action",
                "ecological-option",
                "social-option",
                "social-motivation",
                "economic-action",
                "ecological-relevance",
            ]
        ),
        st.one_of(st.text(max_size=20), st.integers(-5, 10**6).map(str)),
    )
)
def test_any_posted_answers_give_a_page_or_a_redirect_never_an_error(site, shipped, company, data):
    officer = UserFactory(roles=[CASE_OFFICER])
    assessment = services.assessment_start(
        subject=company, framework=shipped["tre-dimensioner"], assessor=officer
    )

    response = verified_client(officer).post(f"/admin/bedomningar/{assessment.pk}/", data)

    assert response.status_code in (200, 302)
