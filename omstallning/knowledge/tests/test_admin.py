"""The bank's terms are edited in the admin by Näringslivsutvecklare, not by everyone."""

from django.urls import reverse

from omstallning.accounts.roles import BUSINESS_DEVELOPER, EDITOR
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted
from omstallning.knowledge.models import KnowledgeTheme


def test_a_business_developer_adds_a_theme_and_it_becomes_a_facet(site, client):
    staff = verified_client(UserFactory(roles=[BUSINESS_DEVELOPER]))

    listing = staff.get(reverse("knowledge_theme:index"))
    response = staff.post(
        reverse("knowledge_theme:add"),
        {"name_sv": "Vattenförsörjning", "name_en": "Water supply", "slug": "vatten"},
    )

    assert listing.status_code == 200 and "Energi och klimat" in listing.content.decode()
    assert response.status_code == 302
    assert KnowledgeTheme.objects.get(slug="vatten").name_sv == "Vattenförsörjning"


def test_an_editor_cannot_change_the_terms(site):
    staff = verified_client(UserFactory(roles=[EDITOR]))

    response = staff.post(
        reverse("knowledge_theme:add"),
        {"name_sv": "Något", "name_en": "", "slug": "nagot"},
    )

    assert_not_permitted(response)
    assert not KnowledgeTheme.objects.filter(slug="nagot").exists()
