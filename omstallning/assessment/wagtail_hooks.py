from django.contrib.contenttypes.models import ContentType
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button

from omstallning.core.admin_menu import PermittedMenuItem

from . import services
from .admin_views import assessments
from .admin_views.frameworks import (
    VersionEditView,
    VersionInspectView,
    version_new_view,
    version_publish_view,
)
from .models import AssessmentEvent, Framework, FrameworkVersion
from .registry import is_assessable


class FrameworkViewSet(ModelViewSet):
    model = Framework
    icon = "doc-full"
    menu_label = _("Alla ramverk")
    url_prefix = "assessment/frameworks"
    list_display = ["name_sv", "current_version"]
    copy_view_enabled = False


class FrameworkVersionViewSet(ModelViewSet):
    model = FrameworkVersion
    icon = "list-ol"
    menu_label = _("Versioner")
    url_prefix = "assessment/framework-versions"
    list_display = ["__str__", "published_at", "frozen_at"]
    list_filter = ["framework"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["framework", "number", "change_note", "published_at", "frozen_at"]
    edit_view_class = VersionEditView
    inspect_view_class = VersionInspectView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("new-version/<int:pk>/", version_new_view, name="new_version"),
            path("publish/<int:pk>/", version_publish_view, name="publish"),
        ]


class FrameworkGroup(ModelViewSetGroup):
    # Short enough for the sidebar, which cuts longer labels off.
    menu_label = _("Ramverk")
    menu_icon = "doc-full"
    menu_order = 320
    items = (
        FrameworkViewSet("assessment_framework"),
        FrameworkVersionViewSet("assessment_frameworkversion"),
    )


@hooks.register("register_admin_viewset")
def register_framework_viewsets():
    return FrameworkGroup()


@hooks.register("register_admin_urls")
def register_assessment_urls():
    urls = [
        path("", assessments.AssessmentIndexView.as_view(), name="index"),
        path(
            "ny/<int:content_type_id>/<int:object_id>/",
            assessments.AssessmentStartView.as_view(),
            name="start",
        ),
        path("<int:pk>/", assessments.AssessmentEditView.as_view(), name="edit"),
        path(
            "<int:pk>/jamfor/<int:other_pk>/",
            assessments.AssessmentCompareView.as_view(),
            name="compare",
        ),
    ]
    return [path("bedomningar/", include((urls, "assessment_admin")))]


@hooks.register("register_admin_menu_item")
def register_assessments_menu_item():
    return PermittedMenuItem(
        _("Bedömningar"),
        reverse("assessment_admin:index"),
        shown_to=lambda user: user.has_perm("assessment.view_assessment"),
        icon_name="tasks",
        order=330,
    )


@hooks.register("register_snippet_listing_buttons")
def assess_button(snippet, user, next_url=None):
    if not is_assessable(type(snippet)) or not user.has_perm("assessment.add_assessment"):
        return []
    content_type = ContentType.objects.get_for_model(snippet)
    return [
        Button(
            _("Bedöm hållbarheten"),
            url=reverse("assessment_admin:start", args=[content_type.pk, snippet.pk]),
            icon_name="tasks",
            priority=60,
        )
    ]


@hooks.register("insert_global_admin_css")
def assessment_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("assessment/admin.css"))


@hooks.register("insert_global_admin_js")
def assessment_admin_js():
    return format_html('<script src="{}" defer></script>', static("assessment/admin.js"))


# What the admin's history says for each step of an assessment.
LOG_MESSAGES = {
    AssessmentEvent.Action.CREATED: _("Bedömning påbörjad"),
    AssessmentEvent.Action.ANSWERED: _("Svar i bedömningen sparade"),
    AssessmentEvent.Action.SUBMITTED: _("Bedömning inlämnad"),
    AssessmentEvent.Action.REOPENED: _("Bedömning öppnad igen"),
    AssessmentEvent.Action.LOCKED: _("Bedömning låst"),
}


@hooks.register("register_log_actions")
def register_assessment_log_actions(actions):
    for action, label in AssessmentEvent.Action.choices:
        actions.register_action(
            services.ASSESSMENT_LOG_ACTION.format(action), label, LOG_MESSAGES[action]
        )
    actions.register_action(
        services.VERSION_MADE, _("Ny version av ramverk"), _("Ny version av ramverket gjord")
    )
    actions.register_action(
        services.VERSION_PUBLISHED, _("Ramverk publicerat"), _("Versionen av ramverket publicerad")
    )
