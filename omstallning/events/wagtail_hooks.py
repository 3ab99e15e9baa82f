from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from omstallning.core.admin_menu import PermittedMenuItem

from . import admin_views, services
from .models import EventPage, EventTheme
from .permissions import can_handle_person_data, can_view_participants


class EventThemeViewSet(SnippetViewSet):
    model = EventTheme
    icon = "tag"
    menu_label = _("Teman för träffar")
    add_to_admin_menu = False


register_snippet(EventThemeViewSet)


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    urls = [
        path(
            "<int:page_id>/deltagare/", admin_views.ParticipantsView.as_view(), name="participants"
        ),
        path(
            "<int:page_id>/deltagare.<str:file_format>",
            admin_views.participants_export,
            name="export",
        ),
        path("personuppgifter/", admin_views.PersonDataView.as_view(), name="person_data"),
    ]
    return [path("traffar/", include((urls, "events_admin")))]


@hooks.register("register_page_listing_buttons")
def participants_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and can_view_participants(user):
        yield Button(
            _("Deltagare"),
            reverse("events_admin:participants", args=[page.pk]),
            icon_name="group",
            priority=15,
        )


@hooks.register("register_settings_menu_item")
def register_person_data_menu_item():
    return PermittedMenuItem(
        _("Personuppgifter i anmälningar"),
        reverse("events_admin:person_data"),
        shown_to=can_handle_person_data,
        icon_name="user",
        order=900,
    )


@hooks.register("insert_global_admin_css")
def event_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("events/admin.css"))


@hooks.register("register_log_actions")
def register_events_log_actions(actions):
    actions.register_action(services.CHECKED_IN, _("Incheckad"), _("En deltagare checkades in"))
    actions.register_action(
        services.CHECK_IN_UNDONE, _("Incheckning ångrad"), _("En incheckning ångrades")
    )

    @actions.register_action(services.MESSAGE_SENT)
    class MessageSent(LogFormatter):
        label = _("Meddelande skickat till deltagarna")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Meddelandet ”%(subject)s” skickades till %(count)s personer.") % {
                "subject": data.get("subject", ""),
                "count": data.get("recipients", 0),
            }

    @actions.register_action(services.EVENT_CANCELLED)
    class EventCancelled(LogFormatter):
        label = _("Träffen inställd")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Träffen ställdes in: %(reason)s (%(count)s personer fick besked).") % {
                "reason": data.get("reason", ""),
                "count": data.get("told", 0),
            }

    @actions.register_action(services.PERSON_DATA_HANDED_OUT)
    class PersonDataHandedOut(LogFormatter):
        label = _("Personuppgifter utlämnade")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("%(count)s anmälningar lämnades ut på begäran.") % {
                "count": data.get("registrations", 0)
            }

    @actions.register_action(services.PARTICIPANTS_EXPORTED)
    class ParticipantsExported(LogFormatter):
        label = _("Deltagarlistan hämtad")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Deltagarlistan hämtades som %(format)s.") % {
                "format": str(data.get("format", "")).upper()
            }

    @actions.register_action(services.PERSON_DATA_ERASED)
    class PersonDataErased(LogFormatter):
        label = _("Personuppgifter raderade")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("%(count)s anmälningar anonymiserades på begäran.") % {
                "count": data.get("registrations", 0)
            }
