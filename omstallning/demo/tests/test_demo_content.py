"""The demo region and site: loaded once, never twice, with the seed's data."""

from wagtail.models import Page

from omstallning.core.models import (
    AboutProjectPage,
    ContactPerson,
    FocusAreaPage,
    HomePage,
    Municipality,
    PlatformSettings,
    Region,
)
from omstallning.core.tests.factories import VASTMANLAND
from omstallning.demo.load import demo_content_exists, demo_content_load


def test_demo_content_loads_once_and_a_second_call_changes_nothing(demo, count_demo_content):
    assert demo.first_call is True
    assert demo_content_exists()

    assert demo_content_load(with_users=False) is False
    assert demo_content_load(with_users=True) is False

    assert count_demo_content() == demo.counts
    assert HomePage.objects.count() == 2  # Swedish and English
    assert Region.objects.count() == 1


def test_demo_load_makes_no_users_when_asked_not_to(demo, django_user_model):
    assert not django_user_model.objects.exists()


def test_the_ten_municipalities_have_their_scb_codes(demo):
    region = Region.objects.get()
    assert region.county_code == "19"
    municipalities = {m.code: m.name for m in Municipality.objects.filter(region=region)}
    assert municipalities == VASTMANLAND
    for municipality in Municipality.objects.all():
        municipality.full_clean()


def test_demo_site_is_the_regions_platform_in_two_languages(demo):
    home = HomePage.objects.get(locale__language_code="sv")
    english = HomePage.objects.get(locale__language_code="en")
    assert english.translation_key == home.translation_key
    assert home.live and english.live
    settings = PlatformSettings.objects.get()
    assert settings.region == Region.objects.get()
    assert settings.platform_name == "Omställning Västmanland"
    assert {settings.contact_page, settings.accessibility_page, settings.privacy_page} <= set(
        Page.objects.live().child_of(home)
    )
    about = AboutProjectPage.objects.get(locale=home.locale)
    assert list(
        FocusAreaPage.objects.child_of(about).order_by("number").values_list("number", flat=True)
    ) == [1, 2, 3, 4]
    # Four people, each with an English translation of their role.
    assert ContactPerson.objects.filter(locale=home.locale).count() == 4
    assert ContactPerson.objects.filter(locale=english.locale).count() == 4


def test_new_demo_pages_leave_no_redirects_behind(demo):
    from wagtail.contrib.redirects.models import Redirect

    assert list(Redirect.objects.values_list("old_path", flat=True)) == []
