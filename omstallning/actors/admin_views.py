"""The actors' screens in the Wagtail admin: every list shows only what the person may edit,
every form offers only the actors they edit, and new actors wait for the region."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from wagtail.admin.views.generic import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import MenuItem

from . import selectors, services
from .forms import FinderForm
from .models import Actor, Offer, OfferFeedSubscription, Referral
from .permissions import (
    can_answer_referral,
    can_approve_actor,
    can_close_referral,
    can_edit_offer,
    can_see_referral,
    can_see_support_system,
    editable_actors,
    editable_offers,
    manages_all_actors,
    visible_referrals,
)
from .referral_forms import AcceptForm, CloseForm, DeclineForm, PassOnForm
from .support_system_forms import SupportSystemFilterForm
from .tasks import fetch_offer_feed


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


class ActorDeleteView(DeleteView):
    """An actor that has had referrals stays: the cases and the region's figures point at it.
    Said in words before Wagtail's own check (which knows it only from its reference index)."""

    def form_valid(self, form):
        if selectors.has_had_referrals(self.object):
            return self._refused()
        try:
            return super().form_valid(form)
        except ProtectedError:
            return self._refused()

    def _refused(self):
        messages.error(
            self.request,
            _(
                "%(name)s har fått lotsningar och kan inte tas bort, eftersom ärendena och "
                "regionens statistik hänvisar till aktören. Avsluta i stället dess erbjudanden."
            )
            % {"name": self.object.name},
        )
        return redirect("actors_actor:index")


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


class ReferralIndexView(IndexView):
    """The actor's queue: the cases its actor has now (the region's coordinators see all)."""

    def get_base_queryset(self):
        return visible_referrals(self.request.user).select_related("actor", "offer")


class ReferralInspectView(InspectView):
    template_name = "actors/admin/referral.html"
    answer_forms: dict = {}

    def get_object(self, queryset=None):
        referral = super().get_object(queryset)
        if not can_see_referral(self.request.user, referral):
            raise PermissionDenied
        return referral

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        referral = self.object
        user = self.request.user
        forms = self.answer_forms
        context.update(
            referral=referral,
            steps=selectors.referral_steps(referral),
            may_answer=can_answer_referral(user, referral),
            may_close=can_close_referral(user, referral),
            **{
                f"{answer}_form": forms.get(answer) or answer_form(answer, referral)
                for answer in ANSWERS
            },
            answers=FinderForm(QueryDict(referral.answers)).summary(),
        )
        return context


# What each answer takes and does: its form, the service, and the message afterwards.
ANSWERS = {
    "accept": (
        AcceptForm,
        lambda user, referral, data: services.referral_accept(
            user=user, referral=referral, note=data["note"]
        ),
        gettext_lazy("Ärendet är ditt. Kontakta företaget och avsluta ärendet när det är klart."),
    ),
    "pass_on": (
        PassOnForm,
        lambda user, referral, data: services.referral_pass_on(
            user=user, referral=referral, to_actor=data["to_actor"], note=data["note"]
        ),
        gettext_lazy("Ärendet är lämnat vidare. Den nya aktören och företaget har fått besked."),
    ),
    "decline": (
        DeclineForm,
        lambda user, referral, data: services.referral_decline(
            user=user, referral=referral, reason=data["reason"], note=data["note"]
        ),
        gettext_lazy("Du har tackat nej. Företaget har fått besked med skälet."),
    ),
    "close": (
        CloseForm,
        lambda user, referral, data: services.referral_close(
            user=user, referral=referral, outcome=data["outcome"], note=data["note"]
        ),
        gettext_lazy("Ärendet är avslutat. Företaget har fått en länk för att ge betyg."),
    ),
}


def answer_form(answer: str, referral: Referral, data=None):
    # Prefixed: the page holds several answers' forms, each with its own field ids.
    form_class = ANSWERS[answer][0]
    extra = {"referral": referral} if form_class is PassOnForm else {}
    return form_class(data, prefix=answer, **extra)


class ReferralAnswerView(ReferralInspectView):
    """Accept, pass on, decline or close, posted from the case's page: a refused answer shows
    the page again with what was typed."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: str, answer: str) -> HttpResponse:
        if answer not in ANSWERS:
            raise PermissionDenied
        _form_class, act, done = ANSWERS[answer]
        referral = self.object
        form = answer_form(answer, referral, request.POST)
        if form.is_valid():
            try:
                act(request.user, referral, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, str(done))
                # A case passed on has left this person's queue: back to the list then.
                referral.refresh_from_db()
                if can_see_referral(request.user, referral):
                    return redirect("actors_referral:inspect", referral.pk)
                return redirect("actors_referral:index")
        self.answer_forms = {answer: form}
        return self.render_to_response(self.get_context_data(), status=400)


class SupportSystemView(WagtailAdminTemplateMixin, TemplateView):
    """The region's view: offers by stage and municipality × type, white spots and overlaps;
    each actor's referrals, answer times, outcomes and ratings; reach by target group."""

    template_name = "actors/admin/support_system.html"
    page_title = gettext_lazy("Stödsystemet")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_support_system(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SupportSystemFilterForm(self.request.GET)
        context.update(form=form, system=selectors.support_system(**form.filters()))
        return context


class FeedSubscriptionIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.insert(
            0,
            MenuItem(
                _("Hämta nu"),
                url=reverse("actors_admin:feed_fetch", args=[instance.pk]),
                icon_name="download",
                priority=5,
            ),
        )
        return buttons


@require_http_methods(["GET", "POST"])
def feed_fetch_view(request, pk: int):
    """Asks first; the fetch is queued on the feeds' own worker, so a slow feed holds up
    nothing else, and its result shows in the list."""
    subscription = get_object_or_404(OfferFeedSubscription, pk=pk)
    if not manages_all_actors(request.user):
        raise PermissionDenied
    if request.method == "GET":
        return TemplateResponse(
            request, "actors/admin/feed_fetch_confirm.html", {"subscription": subscription}
        )
    fetch_offer_feed.enqueue(subscription.pk)
    messages.success(
        request,
        _("Hämtningen av %(name)s är köad. Resultatet visas i listan när den är klar.")
        % {"name": subscription.name},
    )
    return redirect("actors_feed:index")
