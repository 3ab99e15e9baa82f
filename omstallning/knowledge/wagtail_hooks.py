from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import MenuItem
from wagtail.log_actions import LogFormatter

from . import services
from .admin_views import SubscriptionDeleteView, refresh_view
from .models import (
    Audience,
    CompanySize,
    FeedSubscription,
    KnowledgeItemPage,
    KnowledgeTheme,
    SniSection,
)


class StatusColumn(Column):
    """The last import's outcome: the error if it failed, else what it did."""

    def get_value(self, instance):
        if instance.last_error:
            return format_html("<strong>{}</strong> {}", _("Fel:"), instance.last_error)
        return instance.last_summary or _("Inte hämtad än")


class SubscriptionIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return [
            MenuItem(
                _("Hämta nu"),
                url=reverse("knowledge_feedsubscription:refresh", args=[instance.pk]),
                icon_name="rotate",
                priority=5,
            ),
            *super().get_list_more_buttons(instance),
        ]


class FeedSubscriptionViewSet(ModelViewSet):
    model = FeedSubscription
    icon = "link-external"
    menu_label = gettext_lazy("Prenumerationer på andra regioners kunskap")
    url_prefix = "knowledge/subscriptions"
    list_display = [
        "name",
        "feed_url",
        "active",
        "last_success_at",
        StatusColumn("status", label=gettext_lazy("Senaste hämtning")),
    ]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "feed_url",
        "index_page",
        "active",
        "source_platform",
        "last_attempt_at",
        "last_success_at",
        "last_summary",
        "last_error",
    ]
    delete_view_class = SubscriptionDeleteView
    index_view_class = SubscriptionIndexView

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("refresh/<int:pk>/", refresh_view, name="refresh")]


class TaxonomyViewSet(ModelViewSet):
    """The bank's editable lists of terms; each instance names its model and columns."""

    copy_view_enabled = False
    list_display = ["name_sv", "name_en", "slug"]


class KnowledgeGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Kunskapsbank")
    menu_icon = "folder-open-inverse"
    menu_order = 310
    items = (
        TaxonomyViewSet(
            "knowledge_theme",
            model=KnowledgeTheme,
            url_prefix="knowledge/themes",
            icon="tag",
            menu_label=gettext_lazy("Teman"),
        ),
        TaxonomyViewSet(
            "knowledge_audience",
            model=Audience,
            url_prefix="knowledge/audiences",
            icon="group",
            menu_label=gettext_lazy("Målgrupper"),
        ),
        TaxonomyViewSet(
            "knowledge_companysize",
            model=CompanySize,
            url_prefix="knowledge/company-sizes",
            icon="pick",
            menu_label=gettext_lazy("Företagsstorlekar"),
        ),
        TaxonomyViewSet(
            "knowledge_snisection",
            model=SniSection,
            url_prefix="knowledge/sectors",
            icon="list-ul",
            menu_label=gettext_lazy("Branscher (SNI)"),
            list_display=["code", "name_sv", "name_en"],
        ),
        FeedSubscriptionViewSet("knowledge_feedsubscription"),
    )


@hooks.register("register_admin_viewset")
def register_knowledge_viewsets():
    return KnowledgeGroup()


@hooks.register("before_edit_page")
def imported_copies_are_read_only(request, page):
    specific = page.specific
    if isinstance(specific, KnowledgeItemPage) and specific.is_imported:
        messages.warning(
            request,
            _(
                "%(title)s är en kopia från %(source)s och kan inte ändras här. Ändringar görs "
                "i originalet och kommer med nästa hämtning."
            )
            % {"title": specific.title, "source": specific.imported_from},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("register_log_actions")
def register_knowledge_log_actions(actions):
    actions.register_action(
        services.FEED_FETCH_REQUESTED,
        gettext_lazy("Hämtning begärd"),
        gettext_lazy("En hämtning av flödet begärdes"),
    )
    actions.register_action(
        services.SUBSCRIPTION_ENDED,
        gettext_lazy("Prenumerationen avslutad"),
        gettext_lazy("Prenumerationen avslutades och dess kopior togs bort"),
    )

    @actions.register_action(services.FEED_IMPORTED)
    class FeedImported(LogFormatter):
        label = gettext_lazy("Flödet importerat")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _(
                "Flödet importerades: %(created)s nya, %(updated)s uppdaterade, "
                "%(removed)s borttagna."
            ) % {
                "created": data.get("created", 0),
                "updated": data.get("updated", 0),
                "removed": data.get("removed", 0),
            }
