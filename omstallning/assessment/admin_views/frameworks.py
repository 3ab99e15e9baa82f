"""Framework versions in the admin: edit while unused, otherwise make a new version."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton

from .. import services
from ..models import FrameworkVersion
from ..permissions import can_make_framework_version


class VersionEditView(generic.EditView):
    def dispatch(self, request, *args, **kwargs):
        version = get_object_or_404(FrameworkVersion, pk=kwargs["pk"])
        if version.is_frozen:
            messages.warning(
                request,
                _(
                    "Versionen används av bedömningar och kan inte ändras. Skapa en ny version "
                    "för att göra ändringar; gamla bedömningar behåller sin version."
                ),
            )
            return redirect("assessment_frameworkversion:inspect", version.pk)
        return super().dispatch(request, *args, **kwargs)

    @property
    def header_buttons(self):
        return [*super().header_buttons, *_version_buttons(self.object)]


class VersionInspectView(generic.InspectView):
    template_name = "assessment/admin/version_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["criteria"] = self.object.criteria.prefetch_related(
            "options", "conditions", "sdg_goals"
        ).select_related("dimension")
        return context

    @property
    def header_buttons(self):
        return [*super().header_buttons, *_version_buttons(self.object)]


def _version_buttons(version: FrameworkVersion) -> list[HeaderButton]:
    # Making a version or publishing are POST forms; they sit on the version's inspect page.
    url = reverse("assessment_frameworkversion:inspect", args=[version.pk]) + "#versionsatgarder"
    return [HeaderButton(gettext_lazy("Ny version eller publicera"), url=url, icon_name="copy")]


@require_POST
def version_new_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_make_framework_version(request.user):
        raise PermissionDenied
    version = get_object_or_404(FrameworkVersion, pk=pk)
    copy = services.framework_version_copy(version=version, user=request.user)
    messages.success(
        request,
        _("Version %(number)s är skapad som utkast. Ändra den och publicera den sedan.")
        % {"number": copy.number},
    )
    return redirect("assessment_frameworkversion:edit", copy.pk)


@require_POST
def version_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_object_or_404(FrameworkVersion, pk=pk)
    try:
        services.framework_version_publish(version=version, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Version %(number)s är publicerad.") % {"number": version.number}
        )
    return redirect("assessment_frameworkversion:inspect", version.pk)
