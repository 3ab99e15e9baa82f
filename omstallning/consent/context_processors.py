from django.http import HttpRequest
from django.urls import resolve
from django.urls.exceptions import Resolver404

from .state import read_consent


def consent(request: HttpRequest) -> dict:
    state = read_consent(request)
    try:
        on_settings_page = resolve(request.path_info).url_name == "consent_settings"
    except Resolver404:
        on_settings_page = False
    return {
        "consent": state,
        "show_consent_banner": state is None and not on_settings_page,
    }
