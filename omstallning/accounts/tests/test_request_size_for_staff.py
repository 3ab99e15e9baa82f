"""Staff with a verified second factor may send larger bodies in the admin (documents,
images); the same body from anyone else is refused before it is read."""

from django.test import Client

from .factories import UserFactory, verified_client

ADMIN_UPLOAD = "/admin/documents/multiple/add/"


def test_only_verified_staff_get_the_larger_limit_in_the_admin(site, settings):
    settings.REQUEST_MAX_BYTES = 1_000
    settings.STAFF_REQUEST_MAX_BYTES = 100_000
    body = {"title": "x" * 5_000}
    editor = UserFactory(roles=["Redaktör"])
    password_only = Client()
    password_only.force_login(editor)

    verified = verified_client(editor).post(ADMIN_UPLOAD, body)
    anonymous = Client().post(ADMIN_UPLOAD, body)
    unverified = password_only.post(ADMIN_UPLOAD, body)
    outside_the_admin = verified_client(editor).post("/sok/", body)

    assert verified.status_code != 413
    for response in (anonymous, unverified, outside_the_admin):
        assert response.status_code == 413
