"""The consent tests visit a few ordinary pages and the cookie policy, in both languages."""

import pytest


@pytest.fixture
def site(site):
    """The site with a page about the project (and one under it), news, and the cookie
    policy in Swedish and English, named in the consent settings."""
    from omstallning.consent.models import ConsentSettings
    from omstallning.core.tests.factories import (
        AboutProjectPageFactory,
        NewsIndexPageFactory,
        StandardPageFactory,
        translate,
    )

    StandardPageFactory(parent=AboutProjectPageFactory(), title="Samverkan", slug="samverkan")
    NewsIndexPageFactory()
    policy = StandardPageFactory(title="Om kakor", slug="om-kakor")
    translate(policy, "en", title="About cookies", slug="about-cookies")
    consent_settings = ConsentSettings.for_site(site.site)
    consent_settings.policy_page = policy
    consent_settings.save()
    return site
