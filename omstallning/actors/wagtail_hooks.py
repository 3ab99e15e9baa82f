from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from omstallning.core.admin_menu import PermittedMenuItem
from omstallning.core.admin_policies import ReadOnlyPolicy

from . import admin_views, services
from .models import (
    Actor,
    CompanyStage,
    Offer,
    OfferFeedSubscription,
    OfferLanguage,
    Referral,
    TargetGroup,
)
from .permissions import (
    can_add_actor,
    can_add_offer,
    can_delete_offer,
    can_edit_actor,
    can_edit_offer,
    can_see_referral,
    can_see_support_system,
    coordinates_referrals,
    editable_actors,
    editable_offers,
    manages_all_actors,
    visible_referrals,
)


class ActorPolicy(ModelPermissionPolicy):
    """The admin asks permissions.py: an actor's own accounts edit it, the region all."""

    def user_has_permission(self, user, action):
        if action == "add":
            return can_add_actor(user)
        if action in ("change", "view"):
            return editable_actors(user).exists() or manages_all_actors(user)
        return action == "delete" and manages_all_actors(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "view"):
            return can_edit_actor(user, instance)
        return self.user_has_permission(user, action)

    def instances_user_has_permission_for(self, user, action):
        return editable_actors(user)


class OfferPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "add":
            return can_add_offer(user)
        return editable_actors(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "view":
            return editable_offers(user).filter(pk=instance.pk).exists()
        if action == "delete":
            return can_delete_offer(user, instance)
        return can_edit_offer(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return editable_offers(user)


class ReferralPolicy(ReadOnlyPolicy):
    """Referrals are answered through their own services (accept, pass on, decline, close)."""

    def can_view(self, user) -> bool:
        return coordinates_referrals(user) or visible_referrals(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and can_see_referral(user, instance)

    def instances_user_has_permission_for(self, user, action):
        if action != "view":
            return Referral.objects.none()
        return visible_referrals(user)


register_permission_policy(Actor, ActorPolicy(Actor))
register_permission_policy(Offer, OfferPolicy(Offer))
register_permission_policy(Referral, ReferralPolicy(Referral))


class ActorViewSet(ModelViewSet):
    model = Actor
    icon = "group"
    menu_label = _("Aktörer")
    url_prefix = "aktorer/aktorer"
    list_display = ["name", "kind", "status", "updated_at"]
    list_filter = ["kind", "status"]
    search_fields = ["name"]
    copy_view_enabled = False
    index_view_class = admin_views.ActorIndexView
    add_view_class = admin_views.ActorCreateView
    delete_view_class = admin_views.ActorDeleteView


class OfferViewSet(ModelViewSet):
    model = Offer
    icon = "help"
    menu_label = _("Erbjudanden")
    url_prefix = "aktorer/erbjudanden"
    list_display = ["name_sv", "actor", "support_type", "status", "verify_by", "link_problem"]
    list_filter = ["support_type", "status", "actor"]
    search_fields = ["name_sv"]
    copy_view_enabled = False
    index_view_class = admin_views.OfferIndexView
    add_view_class = admin_views.OfferCreateView
    edit_view_class = admin_views.OfferEditView


class ReferralViewSet(ModelViewSet):
    model = Referral
    icon = "mail"
    menu_label = _("Lotsningar")
    url_prefix = "aktorer/lotsningar"
    list_display = [
        "__str__",
        "actor",
        "status",
        Column("answer_by", label=_("Svara senast"), sort_key="answer_by"),
        Column("created_at", label=_("Skickat"), sort_key="created_at"),
    ]
    list_filter = ["status", "actor"]
    search_fields = ["company_name", "offer_name"]
    list_per_page = 50
    ordering = ["-created_at"]
    # The policy refuses the generic forms; each answer has its own service.
    form_fields = ["status"]
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = admin_views.ReferralIndexView
    inspect_view_class = admin_views.ReferralInspectView

    @property
    def answer_view(self):
        return self.construct_view(admin_views.ReferralAnswerView, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("inspect/<str:pk>/<str:answer>/", self.answer_view, name="answer"),
        ]


class FeedSubscriptionPolicy(ModelPermissionPolicy):
    """Which other platforms' offers the finder shows is the region's decision."""

    def user_has_permission(self, user, action):
        return manages_all_actors(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return manages_all_actors(user)

    def instances_user_has_permission_for(self, user, action):
        return (
            OfferFeedSubscription.objects.all()
            if manages_all_actors(user)
            else (OfferFeedSubscription.objects.none())
        )


register_permission_policy(OfferFeedSubscription, FeedSubscriptionPolicy(OfferFeedSubscription))


class FeedSubscriptionViewSet(ModelViewSet):
    model = OfferFeedSubscription
    icon = "download"
    menu_label = _("Andra regioners erbjudanden")
    url_prefix = "aktorer/prenumerationer"
    list_display = ["name", "feed_url", "active", "last_success_at", "last_summary", "last_error"]
    copy_view_enabled = False
    index_view_class = admin_views.FeedSubscriptionIndexView


class TermViewSet(ModelViewSet):
    copy_view_enabled = False
    list_display = ["name_sv", "name_en", "slug"]


class ActorsGroup(ModelViewSetGroup):
    menu_label = _("Hitta stöd")
    menu_icon = "group"
    menu_order = 320
    items = (
        ActorViewSet("actors_actor"),
        OfferViewSet("actors_offer"),
        ReferralViewSet("actors_referral"),
        FeedSubscriptionViewSet("actors_feed"),
        TermViewSet(
            "actors_stage",
            model=CompanyStage,
            url_prefix="aktorer/skeden",
            icon="date",
            menu_label=_("Skeden"),
        ),
        TermViewSet(
            "actors_targetgroup",
            model=TargetGroup,
            url_prefix="aktorer/malgrupper",
            icon="group",
            menu_label=_("Målgrupper för stöd"),
            list_display=["name_sv", "name_en", "slug", "is_owner_group"],
        ),
        TermViewSet(
            "actors_language",
            model=OfferLanguage,
            url_prefix="aktorer/sprak",
            icon="comment",
            menu_label=_("Språk"),
        ),
    )


@hooks.register("register_admin_viewset")
def register_actors_viewsets():
    return ActorsGroup()


@hooks.register("register_admin_urls")
def register_actors_admin_urls():
    urls = [
        path("aktorer/<int:pk>/godkann/", admin_views.approve_view, name="approve"),
        path("erbjudanden/<int:pk>/kontrollerat/", admin_views.verify_view, name="verify"),
        path("stodsystemet/", admin_views.SupportSystemView.as_view(), name="support_system"),
        path("prenumerationer/<int:pk>/hamta/", admin_views.feed_fetch_view, name="feed_fetch"),
    ]
    return [path("hitta-stod/", include((urls, "actors_admin")))]


@hooks.register("register_reports_menu_item")
def register_support_system_menu_item():
    return PermittedMenuItem(
        _("Stödsystemet (Hitta stöd)"),
        reverse("actors_admin:support_system"),
        shown_to=can_see_support_system,
        icon_name="table",
        order=700,
    )


@hooks.register("register_log_actions")
def register_actor_log_actions(actions):
    actions.register_action(services.ACTOR_APPROVED, _("Aktör godkänd"), _("Aktören godkändes"))

    @actions.register_action(services.OFFER_KEPT)
    class OfferKept(LogFormatter):
        label = _("Erbjudande uppdaterat från källan")

        def format_message(self, log_entry):
            if str((log_entry.data or {}).get("source", "")).startswith("feed:"):
                return _("Erbjudandet uppdaterades från en annan plattforms flöde")
            return _("Erbjudandet uppdaterades från regionens utlysning")

    actions.register_action(
        services.OFFER_VERIFIED,
        _("Erbjudande kontrollerat"),
        _("Ägaren bekräftade att erbjudandet stämmer"),
    )


class BrokenLinksPanel(Component):
    """The admin's start page: offers the person edits whose link the nightly check could
    not reach, so that they are mended before a company meets them."""

    name = "actors_broken_links"
    template_name = "actors/admin/broken_links_panel.html"
    order = 160
    LIMIT = 10

    def __init__(self, offers) -> None:
        self.offers = offers

    def get_context_data(self, parent_context=None):
        return {"offers": self.offers[: self.LIMIT], "count": self.offers.count()}


@hooks.register("construct_homepage_panels")
def add_broken_links_panel(request, panels):
    broken = editable_offers(request.user).exclude(link_problem="").select_related("actor")
    if broken.exists():
        panels.append(BrokenLinksPanel(broken.order_by("name_sv")))
