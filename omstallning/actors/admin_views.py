"""The actors' screens in the Wagtail admin: every list shows only what the person may edit,
every form offers only the actors they edit, and new actors wait for the region."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.widgets.button import MenuItem

from . import services
from .models import Actor, Offer
from .permissions import can_approve_actor, can_edit_offer, editable_actors, editable_offers


class ActorIndexView(IndexView):
    def get_base_queryset(self):
        return editable_actors(self.request.user)

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if can_approve_actor(self.request.user, instance):
            buttons.insert(
                0,
                MenuItem(
                    _("Godkänn"),
                    url=reverse("actors_admin:approve", args=[instance.pk]),
                    icon_name="check",
                    priority=5,
                ),
            )
        return buttons


class ActorCreateView(CreateView):
    def save_instance(self):
        actor = services.actor_create(user=self.request.user, actor=self.form.instance)
        self.form.save_m2m()
        return actor

    def get_success_message(self, instance):
        if instance.is_approved:
            return super().get_success_message(instance)
        return _("%(name)s är registrerad och väntar på att regionen godkänner den.") % {
            "name": instance.name
        }


class OfferFormMixin:
    """The offer's actor is one of those the person edits; another id is not a choice."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        form.fields["actor"].queryset = editable_actors(self.request.user)
        return form


class OfferIndexView(IndexView):
    def get_base_queryset(self):
        return editable_offers(self.request.user).select_related("actor")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if can_edit_offer(self.request.user, instance):
            buttons.insert(
                0,
                MenuItem(
                    _("Bekräfta att uppgifterna stämmer"),
                    url=reverse("actors_admin:verify", args=[instance.pk]),
                    icon_name="check",
                    priority=5,
                ),
            )
        return buttons


class OfferCreateView(OfferFormMixin, CreateView):
    pass


class OfferEditView(OfferFormMixin, EditView):
    pass


@require_http_methods(["GET", "POST"])
def approve_view(request, pk: int):
    actor = get_object_or_404(Actor, pk=pk)
    if not can_approve_actor(request.user, actor):
        raise PermissionDenied
    if request.method == "GET":
        return TemplateResponse(request, "actors/admin/approve_confirm.html", {"actor": actor})
    services.actor_approve(user=request.user, actor=actor)
    messages.success(request, _("%(name)s är godkänd och visas nu i Hitta stöd.") % {"name": actor})
    return redirect("actors_actor:index")


@require_http_methods(["GET", "POST"])
def verify_view(request, pk: int):
    offer = get_object_or_404(Offer, pk=pk)
    if not can_edit_offer(request.user, offer):
        raise PermissionDenied
    if request.method == "GET":
        return TemplateResponse(request, "actors/admin/verify_confirm.html", {"offer": offer})
    services.offer_verify(user=request.user, offer=offer)
    messages.success(
        request,
        _("Tack! %(name)s är kontrollerat och visas till och med %(date)s.")
        % {"name": offer, "date": offer.verify_by},
    )
    return redirect("actors_offer:index")
