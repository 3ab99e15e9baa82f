"""An admin menu item asks the same rule as the view behind it."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from omstallning.core.admin_menu import PermittedMenuItem


def test_the_item_is_shown_exactly_to_those_the_rule_lets_in(django_user_model, db):
    allowed = django_user_model.objects.create_user("tillaten")
    other = django_user_model.objects.create_user("annan")
    item = PermittedMenuItem(
        "Ej levererad e-post", "/admin/e-post/", shown_to=lambda u: u == allowed
    )

    def shown(user) -> bool:
        request = RequestFactory().get("/admin/")
        request.user = user
        return item.is_shown(request)

    assert shown(allowed) is True
    assert shown(other) is False
    assert shown(AnonymousUser()) is False
