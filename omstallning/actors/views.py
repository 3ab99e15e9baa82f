"""The company's own pages outside the finder: its referral behind the signed link (follow the
case, rate the help, take back the consent) and its de minimis aid. The finder's pages answer
in `models/pages.py`, as a routable page."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import de_minimis as de_minimis_rules
from . import selectors, services
from .de_minimis_forms import DeMinimisAidForm, DeMinimisSumForm
from .links import referral_from_token, saved_search_from_end_token
from .models import DeMinimisAid
from .referral_forms import RatingForm


@never_cache
@require_http_methods(["GET", "POST"])
def referral(request: HttpRequest, token: str) -> HttpResponse:
    referral = referral_from_token(token)
    if referral is None:
        raise Http404
    form = RatingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_rate(
                referral=referral,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Tack för ditt betyg!"))
        return redirect(request.path)
    return TemplateResponse(
        request,
        "actors/referral.html",
        {
            "token": token,
            "referral": referral,
            "steps": selectors.company_steps(referral),
            "rating_form": form,
            "finder": selectors.finder_page(),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def referral_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    """Asks first; the consent is taken back, and the details erased, only on the POST."""
    referral = referral_from_token(token)
    if referral is None:
        raise Http404
    if request.method == "GET":
        return TemplateResponse(
            request, "actors/referral_withdraw.html", {"token": token, "referral": referral}
        )
    services.referral_withdraw(referral=referral)
    return redirect("actors:referral_withdrawn")


def referral_withdrawn(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request, "actors/referral_withdrawn.html", {"finder": selectors.finder_page()}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def de_minimis(request: HttpRequest) -> HttpResponse:
    """The company's de minimis aid: a register for each organisation its account acts for,
    or, without an account, the sum it has received, kept for this visit only."""
    today = timezone.localdate()
    organisations = list(selectors.member_organisations(request.user))
    chosen = request.POST.get("organisation") or request.GET.get("organisation")
    organisation = next((o for o in organisations if str(o.pk) == chosen), None)
    if organisation is None and len(organisations) == 1:
        organisation = organisations[0]
    action = request.POST.get("action", "")
    aid_form = DeMinimisAidForm(request.POST if action == "note" else None)
    sum_form = DeMinimisSumForm(request.POST if action == "sum" else None)
    if request.method == "POST":
        done = _de_minimis_post(request, action, organisation, aid_form, sum_form)
        if done is not None:
            return done
    if organisation is not None:
        request.session[de_minimis_rules.ORGANISATION_KEY] = organisation.pk
    received = de_minimis_rules.received_by_visitor(request.user, request.session, today)
    ceiling = de_minimis_rules.CEILING_EUR
    return TemplateResponse(
        request,
        "actors/de_minimis.html",
        {
            "organisations": organisations,
            "organisation": organisation,
            "register": selectors.de_minimis_register(organisation) if organisation else [],
            "received": received,
            "left": max(ceiling - received, 0) if received is not None else None,
            "ceiling": ceiling,
            "period_start": de_minimis_rules.period_start(today),
            "aid_form": aid_form,
            "sum_form": sum_form,
            "finder": selectors.finder_page(),
        },
        status=400 if aid_form.errors or sum_form.errors else 200,
    )


def _de_minimis_post(request, action, organisation, aid_form, sum_form) -> HttpResponse | None:
    """The answer to a POST that worked (a redirect back), or None to show the page again."""
    back = request.path + (f"?organisation={organisation.pk}" if organisation else "")
    if action == "note" and organisation is not None and aid_form.is_valid():
        try:
            services.de_minimis_note(
                user=request.user, organisation=organisation, **aid_form.cleaned_data
            )
        except ValidationError as error:
            aid_form.add_error("granted_on", error)
            return None
        messages.success(request, _("Stödet är antecknat."))
        return redirect(back)
    if action == "remove" and organisation is not None:
        aid = get_object_or_404(DeMinimisAid, pk=request.POST.get("aid"), organisation=organisation)
        services.de_minimis_remove(user=request.user, aid=aid)
        messages.success(request, _("Stödet är borttaget ur listan."))
        return redirect(back)
    if action == "sum" and sum_form.is_valid():
        request.session[de_minimis_rules.SUM_KEY] = str(sum_form.cleaned_data["received_eur"])
        messages.success(request, _("Summan gäller under det här besöket i Hitta stöd."))
        return redirect(back)
    if action == "forget":
        request.session.pop(de_minimis_rules.SUM_KEY, None)
        request.session.pop(de_minimis_rules.ORGANISATION_KEY, None)
        messages.success(request, _("Summan är glömd."))
        return redirect(request.path)
    return None


@never_cache
def saved_search_requested(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "actors/saved_search_requested.html",
        {"confirm_hours": settings.SUBSCRIPTION_CONFIRM_HOURS, "finder": selectors.finder_page()},
    )


CONFIRM_TEMPLATE = "actors/saved_search_confirm.html"


@never_cache
@require_http_methods(["GET", "POST"])
def saved_search_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation mail. It asks for a click, so that a mail program that
    opens links to check them confirms nothing."""
    context: dict = {"token": token, "finder": selectors.finder_page()}
    if request.method == "POST":
        try:
            context["confirmed"] = services.saved_search_confirm(token=token)
        except ValidationError as error:
            context["error"] = " ".join(error.messages)
            status = 410 if error.code == "expired" else 404
            return TemplateResponse(request, CONFIRM_TEMPLATE, context, status=status)
        return TemplateResponse(request, CONFIRM_TEMPLATE, context)
    search = services.saved_search_for_confirmation(token)
    if search is None:
        context["error"] = _("Länken gäller inte längre. Den kan redan ha använts.")
        return TemplateResponse(request, CONFIRM_TEMPLATE, context, status=404)
    return TemplateResponse(request, CONFIRM_TEMPLATE, context)


@never_cache
@csrf_exempt  # RFC 8058: mail programs post here without a session; the token is the key
@require_http_methods(["GET", "POST"])
def saved_search_end(request: HttpRequest, token: str) -> HttpResponse:
    search = saved_search_from_end_token(token)
    context: dict = {"search": search, "finder": selectors.finder_page()}
    if request.method == "POST":
        if search is not None:
            services.saved_search_end(search=search)
        context["ended"] = True
    return TemplateResponse(request, "actors/saved_search_end.html", context)
