"""The eight roles: groups with their permissions, checked both ways."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from omstallning.accounts import roles
from omstallning.core.tests.factories import AboutProjectPageFactory

from .factories import UserFactory, verified_client

ROLE_NAMES = [
    "Administratör",
    "Redaktör",
    "Näringslivsutvecklare",
    "Handläggare",
    "Bedömare",
    "Beslutsfattare",
    "Aktör",
    "Företagare",
]
STAFF = [
    "Administratör",
    "Redaktör",
    "Näringslivsutvecklare",
    "Handläggare",
    "Bedömare",
    "Beslutsfattare",
]
PUBLISHERS = ["Administratör", "Redaktör", "Näringslivsutvecklare"]


def permission_names(group: Group) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_the_eight_role_groups_exist_after_migrate(db):
    assert set(ROLE_NAMES) <= set(Group.objects.values_list("name", flat=True))


def test_ensure_roles_puts_back_what_was_changed_by_hand(db):
    """The sync, not the grants (the behaviour tests below check those): a permission taken
    from a role comes back, one added by hand goes, the Administrator gets a new permission."""
    editor = Group.objects.get(name=roles.EDITOR)
    granted = editor.permissions.first()
    stray = Permission.objects.exclude(pk__in=editor.permissions.all()).first()
    editor.permissions.remove(granted)
    editor.permissions.add(stray)
    before = permission_names(editor)

    roles.ensure_roles()

    after = permission_names(editor)
    assert f"{granted.content_type.app_label}.{granted.codename}" in after - before
    assert f"{stray.content_type.app_label}.{stray.codename}" in before - after
    administrator = Group.objects.get(name=roles.ADMINISTRATOR)
    assert administrator.permissions.count() == Permission.objects.count()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_staff_roles_may_use_the_admin(db, role):
    user = UserFactory(roles=[role])

    assert user.has_perm("wagtailadmin.access_admin") == (role in STAFF)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_content_roles_may_publish_pages(site, role):
    user = UserFactory(roles=[role])
    home = site.home
    about = AboutProjectPageFactory()

    for page in (home, about):
        permissions = page.permissions_for_user(user)
        assert permissions.can_publish() == (role in PUBLISHERS), (role, page)
        assert permissions.can_edit() == (role in PUBLISHERS), (role, page)


def test_only_the_administrator_manages_users_and_region_data(db):
    for role in ROLE_NAMES:
        user = UserFactory(roles=[role])
        assert user.has_perm("auth.add_user") == (role == "Administratör"), role
        assert user.has_perm("core.change_region") == (role == "Administratör"), role
        assert user.has_perm("core.change_municipality") == (role == "Administratör"), role


def test_actors_and_business_owners_have_no_permissions_at_all(db):
    for role in ["Aktör", "Företagare"]:
        group = Group.objects.get(name=role)
        assert not group.permissions.exists()
        assert not GroupPagePermission.objects.filter(group=group).exists()


def test_ensure_roles_puts_the_permissions_back_as_defined(db):
    editor = Group.objects.get(name="Redaktör")
    editor.permissions.add(Permission.objects.get(codename="delete_user"))
    GroupPagePermission.objects.filter(group=editor).delete()
    pages_before = GroupPagePermission.objects.count()

    roles.ensure_roles()
    roles.ensure_roles()

    assert "auth.delete_user" not in permission_names(editor)
    assert set(
        GroupPagePermission.objects.filter(group=editor).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert GroupPagePermission.objects.count() == pages_before + 5
    assert Group.objects.filter(name__in=ROLE_NAMES).count() == len(ROLE_NAMES)


@pytest.mark.parametrize("role", ["Redaktör", "Näringslivsutvecklare"])
def test_editors_reach_the_admin_and_the_page_editor(site, role):
    client = verified_client(UserFactory(roles=[role]))
    home = site.home

    assert client.get("/admin/").status_code == 200
    response = client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    assert 'name="action-publish"' in response.content.decode()


@pytest.mark.parametrize("role", ["Handläggare", "Bedömare"])
def test_case_officers_reach_the_admin_but_cannot_edit_pages(site, role):
    client = verified_client(UserFactory(roles=[role]))
    home = site.home

    assert client.get("/admin/").status_code == 200
    response = client.get(f"/admin/pages/{home.pk}/edit/")
    # Wagtail sends them back to the dashboard with a "permission denied" message.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("role", ["Aktör", "Företagare"])
def test_actors_and_business_owners_cannot_reach_the_admin(site, role):
    """Even with a second factor verified, the admin sends them away."""
    client = verified_client(UserFactory(roles=[role]))

    home = site.home

    dashboard = client.get("/admin/")
    editor = client.get(f"/admin/pages/{home.pk}/edit/")

    assert dashboard.status_code == 302
    assert dashboard["Location"] == "/konto/logga-in/?next=/admin/"
    assert editor.status_code == 302
    assert editor["Location"].startswith("/konto/logga-in/")


def test_editor_can_publish_a_change_through_the_admin(site):
    client = verified_client(UserFactory(roles=["Redaktör"]))
    about = AboutProjectPageFactory()

    response = client.post(
        f"/admin/pages/{about.pk}/edit/",
        {
            "title": "Om projektet (uppdaterad)",
            "slug": about.slug,
            "intro": about.intro,
            "body-count": "0",
            "action-publish": "publish",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    about.refresh_from_db()
    assert about.title == "Om projektet (uppdaterad)"
    assert about.live and not about.has_unpublished_changes


def test_business_owner_cannot_publish_through_the_admin(site):
    client = verified_client(UserFactory(roles=["Företagare"]))
    about = AboutProjectPageFactory()

    response = client.post(
        f"/admin/pages/{about.pk}/edit/",
        {"title": "Kapad", "slug": about.slug, "action-publish": "publish"},
    )

    assert response.status_code == 302
    about.refresh_from_db()
    assert about.title == "Om projektet"


def test_the_user_factory_refuses_a_role_that_does_not_exist(db):
    from .factories import UserFactory

    with pytest.raises(ValueError, match="No such role: Handlägare"):
        UserFactory(roles=["Handlägare"])  # one g short of Handläggare
