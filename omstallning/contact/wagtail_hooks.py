from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from omstallning.core.admin_menu import PermittedMenuItem
from omstallning.core.admin_policies import ReadOnlyPolicy

from . import admin_views, services
from .models import ContactMessage, Subscription
from .permissions import (
    can_handle_person_data,
    can_see_messages,
    can_see_subscribers,
    can_view_message,
    visible_messages,
)


class MessagePolicy(ReadOnlyPolicy):
    def can_view(self, user) -> bool:
        return can_see_messages(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and can_view_message(user, instance)

    def instances_user_has_permission_for(self, user, action):
        if action != "view":
            return ContactMessage.objects.none()
        return visible_messages(user)


class SubscriberPolicy(ReadOnlyPolicy):
    def can_view(self, user) -> bool:
        return can_see_subscribers(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(ContactMessage, MessagePolicy(ContactMessage))
register_permission_policy(Subscription, SubscriberPolicy(Subscription))


class MessageViewSet(ModelViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = _("Meddelanden")
    url_prefix = "kontakt/meddelanden"
    list_display = [
        "__str__",
        "recipient_name",
        "name",
        "status",
        Column("created_at", label=_("Mottaget"), sort_key="created_at"),
    ]
    list_filter = ["status", "topic"]
    search_fields = ["name", "email", "organisation"]
    list_per_page = 50
    ordering = ["-created_at"]
    # The policy refuses the generic add and edit forms; the status has its own service.
    form_fields = ["status"]
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = admin_views.MessageIndexView
    inspect_view_class = admin_views.MessageInspectView


class SubscriberViewSet(ModelViewSet):
    model = Subscription
    icon = "mail"
    menu_label = _("Prenumeranter")
    url_prefix = "kontakt/prenumeranter"
    list_display = ["email", "meetings", "news", "language", "confirmed_at"]
    list_filter = ["meetings", "news"]
    search_fields = ["email"]
    list_per_page = 100
    form_fields = ["meetings", "news"]  # refused by the policy: subscribers choose themselves
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["email", "language", "meetings", "news", "requested_at", "confirmed_at"]
    index_view_class = admin_views.SubscriberIndexView


class ContactGroup(ModelViewSetGroup):
    menu_label = _("Kontakt")
    menu_icon = "mail"
    menu_order = 240
    items = (MessageViewSet("contact_messages"), SubscriberViewSet("contact_subscribers"))


@hooks.register("register_admin_viewset")
def register_contact_viewsets():
    return ContactGroup()


@hooks.register("register_admin_urls")
def register_contact_admin_urls():
    urls = [
        path("meddelanden/<int:pk>/status/", admin_views.message_status, name="message_status"),
        path("prenumeranter.csv", admin_views.subscribers_export, name="subscribers_export"),
        path("personuppgifter/", admin_views.PersonDataView.as_view(), name="person_data"),
    ]
    return [path("kontakt/", include((urls, "contact_admin")))]


@hooks.register("register_settings_menu_item")
def register_person_data_menu_item():
    return PermittedMenuItem(
        _("Personuppgifter i meddelanden och prenumerationer"),
        reverse("contact_admin:person_data"),
        shown_to=can_handle_person_data,
        icon_name="user",
        order=905,
    )


@hooks.register("register_log_actions")
def register_contact_log_actions(actions):
    actions.register_action(
        services.RECEIVED, _("Meddelande mottaget"), _("Meddelande mottaget via webbplatsen")
    )

    @actions.register_action(services.STATUS_CHANGED)
    class StatusChanged(LogFormatter):
        label = _("Status ändrad")

        def format_message(self, log_entry):
            labels = dict(ContactMessage.Status.choices)
            data = log_entry.data or {}
            return _("Status ändrad från %(old)s till %(new)s") % {
                "old": labels.get(data.get("from"), data.get("from")),
                "new": labels.get(data.get("to"), data.get("to")),
            }

    actions.register_action(
        services.MESSAGE_ERASED,
        _("Meddelande raderat"),
        _("Meddelande raderat på avsändarens begäran"),
    )
    actions.register_action(
        services.MESSAGE_HANDED_OUT,
        _("Meddelande utlämnat"),
        _("Meddelandet lämnades ut på avsändarens begäran"),
    )
    actions.register_action(
        services.SUBSCRIPTION_HANDED_OUT,
        _("Prenumeration utlämnad"),
        _("Prenumerationen lämnades ut: i en persons uppgifter eller i prenumerantlistan"),
    )
    actions.register_action(
        services.SUBSCRIPTION_ERASED,
        _("Prenumeration raderad"),
        _("Prenumeration raderad på begäran"),
    )
