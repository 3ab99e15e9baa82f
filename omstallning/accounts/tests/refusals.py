"""The two exact refusals of the staff side, for permission tests to assert.

A test that accepts "302 or 403" passes on a redirect to the login page as well as on a
refusal; these name the one answer that is right, and its message.
"""

from urllib.parse import quote

from django.contrib.messages import get_messages
from django.http import HttpResponse

NOT_PERMITTED = "Du har inte behörighet till den här delen av administrationen."
NO_ADMIN_ACCESS = "Du saknar rättigheter att komma åt administrationen."


def _messages(response: HttpResponse) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def assert_not_permitted(response: HttpResponse) -> None:
    """Staff without this permission: Wagtail answers PermissionDenied with its start page."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == "/admin/"
    assert NOT_PERMITTED in _messages(response)


def assert_no_admin_access(response: HttpResponse, path: str) -> None:
    """Someone who may not use the admin at all: to the login page, back to path after."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == f"/konto/logga-in/?next={quote(path)}"
    assert NO_ADMIN_ACCESS in _messages(response)
