"""Programmes and calls are set up in the admin by regional staff; decisions are read there,
never edited by hand."""

from datetime import date

import pytest

from omstallning.accounts.roles import ADMINISTRATOR, BUSINESS_DEVELOPER, CASE_OFFICER, EDITOR
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted

from .factories import DecisionFactory


@pytest.mark.parametrize(
    ("role", "may_set_up"),
    [(BUSINESS_DEVELOPER, True), (CASE_OFFICER, False), (EDITOR, False)],
)
def test_only_regional_staff_set_up_programmes_and_calls(site, role, may_set_up):
    client = verified_client(UserFactory(roles=[role]))

    for url in ("/admin/funding/programmes/new/", "/admin/funding/calls/new/"):
        response = client.get(url)
        if may_set_up:
            assert response.status_code == 200, url
            assert f'action="{url}"' in response.content.decode()
        else:
            assert_not_permitted(response)


def test_decisions_are_listed_for_case_officers_and_edited_by_no_one(site):
    decision = DecisionFactory(decided_on=date.today())  # the newest: first in the list
    officer = verified_client(UserFactory(roles=[CASE_OFFICER]))
    administrator = verified_client(UserFactory(roles=[ADMINISTRATOR]))

    listing = officer.get("/admin/funding/decisions/")

    assert listing.status_code == 200
    assert decision.case_id in listing.content.decode()
    assert officer.get(f"/admin/funding/decisions/inspect/{decision.pk}/").status_code == 200
    for client in (officer, administrator):
        for url in (
            f"/admin/funding/decisions/edit/{decision.pk}/",
            "/admin/funding/decisions/new/",
            f"/admin/funding/decisions/delete/{decision.pk}/",
        ):
            assert_not_permitted(client.get(url))
