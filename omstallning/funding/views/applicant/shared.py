"""What every applicant page shares: the page frame, the sign-in rule and the look-ups that pass
through the permission check (another person's application answers 404)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ... import selectors
from ...models import Application
from ...permissions import can_view, is_applicant


def render_page(request: HttpRequest, template: str, context: dict, status: int = 200):
    """The funding page is the place of every applicant page: breadcrumbs, the menu."""
    context = {"page": selectors.funding_page(), "translate_path": True, **context}
    return render(request, template, context, status=status)


def login_required_here(view):
    """Signed-in people only, and never from a cache: the pages hold their own data."""
    return never_cache(login_required(view))


def visible_application(request: HttpRequest, pk: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("call__programme", "organisation", "assigned_officer"),
        pk=pk,
    )
    if not can_view(request.user, application):
        raise Http404
    return application


def own_application(request: HttpRequest, pk: int) -> Application:
    application = visible_application(request, pk)
    if not is_applicant(request.user, application):
        raise Http404
    return application


def error_text(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error) or _("Det går inte att göra det här.")]
