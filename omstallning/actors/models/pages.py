"""Hitta stöd: the finder's guided questions, its list of offers, and the pages of each offer
and actor. Every step is a plain GET, so a set of answers is an address that can be shared."""

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from omstallning.core.models.pages import BasePage

MISFITS = "ej-passande"


def _de_minimis_received(request: HttpRequest):
    from django.utils import timezone

    from ..de_minimis import received_by_visitor

    return received_by_visitor(request.user, request.session, timezone.localdate())


class SupportFinderPage(RoutablePageMixin, BasePage):
    """The support finder: offers from the county's actors and the region's own calls."""

    template = "actors/support_finder_page.html"
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Hitta stöd (stödguide)")

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        """The finder, the list, and every public offer and actor: each has its own page."""
        from ..selectors import approved_actors, public_offers

        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = urls[0]["location"]
        subpages = [
            self.reverse_subpage("results"),
            self.reverse_subpage("actors"),
            self.reverse_subpage("support_system"),
            *(
                self.reverse_subpage("offer", args=[slug])
                for slug in public_offers().values_list("slug", flat=True)
            ),
            *(
                self.reverse_subpage("actor", args=[slug])
                for slug in approved_actors().values_list("slug", flat=True)
            ),
        ]
        return [*urls, *({"location": base + subpage} for subpage in subpages)]

    @path("")
    def questions(self, request: HttpRequest) -> HttpResponse:
        """The first question not yet answered, with the answers so far carried along."""
        from ..eligibility import QUESTIONS
        from ..forms import FinderForm

        form = FinderForm(request.GET)
        answers = form.answers()
        remaining = [question for question in QUESTIONS if question.param not in answers]
        if not remaining:
            # Every question answered: the list is the address of the answers.
            results = self.get_url(request) + self.reverse_subpage("results")
            return redirect(f"{results}?{request.GET.urlencode()}")
        question = remaining[0]
        return self.render(
            request,
            context_overrides={
                "form": form,
                "field": form[question.param],
                "number": QUESTIONS.index(question) + 1,
                "count": len(QUESTIONS),
                "last": len(remaining) <= 1,
                "carried": form.carried(except_param=question.param),
                "summary": form.summary(),
            },
        )

    @path("erbjudanden/", name="results")
    def results(self, request: HttpRequest) -> HttpResponse:
        from ..facets import FACETS
        from ..forms import FinderForm
        from ..selectors import finder_results

        form = FinderForm(request.GET)
        results = finder_results(
            form.answers(),
            form.chosen(),
            page=request.GET.get("sida"),
            misfits=request.GET.get("visa") == MISFITS,
            choices=form.facet_choices(),
        )
        htmx = getattr(request, "htmx", None)
        in_place = bool(htmx) and not htmx.history_restore_request
        response = self.render(
            request,
            template="actors/includes/results_swap.html" if in_place else "actors/results.html",
            context_overrides={
                "results": results,
                "facets": [
                    {"param": f.param, "label": f.label, "values": results.facets[f.param]}
                    for f in FACETS
                ],
                "summary": form.summary(),
                "carried": form.carried(),
                "answers_query": form.answers_query(),
                "de_minimis_received": _de_minimis_received(request),
                "breadcrumb_current": gettext("Erbjudanden"),
            },
        )
        # The same address answers with a whole page or the list alone: caches keep them apart.
        patch_vary_headers(response, ("HX-Request",))
        return response

    @path("erbjudanden/atom/", name="atom")
    def atom(self, request: HttpRequest) -> HttpResponse:
        """The newest offers that fit the answers and filters in the address: a search to
        follow in a feed reader."""
        from ..exports import ATOM_SIZE, offers_atom

        offers = self._listed(request).order_by("-created_at", "-pk")[:ATOM_SIZE]
        feed = offers_atom(
            request,
            title=gettext("Nya erbjudanden som passar – %(page)s") % {"page": self.title},
            offers=offers,
            link=lambda offer: self.url + self.reverse_subpage("offer", args=[offer.slug]),
        )
        return HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)

    @path("erbjudanden/csv/", name="csv")
    def csv(self, request: HttpRequest) -> HttpResponse:
        """Every offer the list shows, as open data with HSDS 3's field names."""
        from omstallning.core.downloads import dated_filename, file_response

        from ..exports import offers_csv
        from ..forms import FinderForm
        from ..selectors import open_data_offers

        form = FinderForm(request.GET)
        offers = open_data_offers(form.answers(), form.chosen())
        return file_response(
            offers_csv(offers),
            filename=dated_filename("erbjudanden", "csv"),
            content_type="text/csv; charset=utf-8",
        )

    def _listed(self, request: HttpRequest):
        from ..forms import FinderForm
        from ..selectors import listed_offers

        form = FinderForm(request.GET)
        return listed_offers(form.answers(), form.chosen())

    @path("erbjudanden/bevaka/", name="watch")
    def watch(self, request: HttpRequest) -> HttpResponse:
        """Save the list's answers and filters for e-mail: a confirmation link goes out first."""
        from django.conf import settings
        from django.utils.translation import get_language

        from .. import services
        from ..forms import FinderForm
        from ..referral_forms import SavedSearchForm

        query = FinderForm(request.GET).search_query()
        form = SavedSearchForm(
            request.POST if request.method == "POST" else None, initial={"query": query}
        )
        status = 200
        if request.method == "POST":
            if form.filled_by_a_bot:
                return redirect("saved_searches:requested")
            if form.is_valid():
                services.saved_search_request(
                    email=form.cleaned_data["email"],
                    query=FinderForm(QueryDict(form.cleaned_data["query"])).search_query(),
                    language=get_language() or settings.LANGUAGE_CODE,
                )
                # The same answer whatever the address: nobody learns who follows what.
                return redirect("saved_searches:requested")
            status = 400
        finder_form = FinderForm(QueryDict(form["query"].value() or ""))
        response = self.render(
            request,
            template="actors/saved_search_form.html",
            context_overrides={
                "form": form,
                "summary": finder_form.summary(),
                "list_query": form["query"].value() or "",
                "breadcrumb_current": gettext("Bevaka med e-post"),
            },
        )
        response.status_code = status
        add_never_cache_headers(response)
        return response

    @path("erbjudanden/<slug:slug>/", name="offer")
    def offer(self, request: HttpRequest, slug: str) -> HttpResponse:
        from ..forms import FinderForm
        from ..selectors import offer_result, public_offer, related_knowledge, upcoming_meetings
        from ..structured_data import offer_data

        offer = public_offer(slug)
        if offer is None:
            raise Http404
        form = FinderForm(request.GET)
        return self.render(
            request,
            template="actors/offer.html",
            context_overrides={
                "offer": offer,
                "result": offer_result(offer, form.answers()),
                "structured_data": offer_data(
                    offer,
                    request.build_absolute_uri(request.path),
                    self.full_url + self.reverse_subpage("actor", args=[offer.actor.slug]),
                ),
                "knowledge": related_knowledge(offer),
                "meetings": upcoming_meetings(offer),
                "answers_query": form.answers_query(),
                "de_minimis_received": _de_minimis_received(request),
                "breadcrumb_current": offer.name,
            },
        )

    @path("erbjudanden/<slug:slug>/kontakt/", name="referral")
    def referral(self, request: HttpRequest, slug: str) -> HttpResponse:
        """Warm referral: the company asks the offer's actor to contact it, and agrees that
        its details go there. Sent, it lands on the case's own page behind its signed link."""
        from django.conf import settings
        from django.contrib import messages
        from django.utils.translation import get_language

        from omstallning.core.rate_limits import client_address, within_limit

        from .. import services
        from ..links import referral_token
        from ..referral_forms import ReferralForm, consent_sentence
        from ..selectors import public_offer

        offer = public_offer(slug)
        if offer is None:
            raise Http404
        offer_path = self.url + self.reverse_subpage("offer", args=[offer.slug])
        form = ReferralForm(
            request.POST if request.method == "POST" else None,
            actor=offer.actor,
            initial={
                "answers": request.GET.urlencode()[:500],
                "municipality": request.GET.get("kommun") or None,
            },
        )
        status = 200
        if request.method == "POST":
            status = 400
            if form.filled_by_a_bot:
                # Pretend it went well, and keep and send nothing.
                return redirect(offer_path)
            if form.is_valid():
                if within_limit(
                    "actors-referral",
                    client_address(request),
                    limit=settings.REFERRAL_LIMIT_PER_HOUR,
                    seconds=60 * 60,
                ):
                    data = form.cleaned_data
                    referral = services.referral_send(
                        offer=offer,
                        request=services.ReferralRequest(
                            need=data["need"],
                            company_name=data["company_name"],
                            organisation_number=data["organisation_number"],
                            municipality=data["municipality"],
                            contact_name=data["contact_name"],
                            email=data["email"],
                            phone=data["phone"],
                            answers=data["answers"],
                            language=get_language() or settings.LANGUAGE_CODE,
                            consent_text=consent_sentence(offer.actor),
                        ),
                    )
                    messages.success(
                        request,
                        gettext(
                            "Tack! Din förfrågan är skickad till %(actor)s. Vi har mejlat dig "
                            "länken till den här sidan, där du följer ärendet."
                        )
                        % {"actor": offer.actor.name},
                    )
                    return redirect("actors:referral", referral_token(referral))
                status = 429
                form.add_error(
                    None,
                    gettext(
                        "Du har skickat många förfrågningar på kort tid. Vänta en stund och "
                        "skicka igen. Det du har skrivit finns kvar."
                    ),
                )
        response = self.render(
            request,
            template="actors/referral_form.html",
            context_overrides={
                "offer": offer,
                "offer_path": offer_path,
                "form": form,
                "answer_days": settings.REFERRAL_ANSWER_WORKING_DAYS,
                "retention_days": settings.REFERRAL_RETENTION_DAYS,
                "breadcrumb_current": gettext("Bli kontaktad"),
            },
        )
        response.status_code = status
        add_never_cache_headers(response)
        return response

    @path("stodsystemet/", name="support_system")
    def support_system(self, request: HttpRequest) -> HttpResponse:
        """The support system in figures, for everyone: referral counts under five hidden."""
        from ..selectors import support_system
        from ..support_system_forms import SupportSystemFilterForm

        form = SupportSystemFilterForm(request.GET)
        return self.render(
            request,
            template="actors/support_system.html",
            context_overrides={
                "form": form,
                "system": support_system(**form.filters()),
                "breadcrumb_current": gettext("Stödsystemet i siffror"),
            },
        )

    @path("aktorer/", name="actors")
    def actors(self, request: HttpRequest) -> HttpResponse:
        from ..selectors import approved_actors

        return self.render(
            request,
            template="actors/actor_list.html",
            context_overrides={
                "actors": approved_actors(),
                "breadcrumb_current": gettext("Aktörer"),
            },
        )

    @path("aktorer/<slug:slug>/", name="actor")
    def actor(self, request: HttpRequest, slug: str) -> HttpResponse:
        from ..selectors import public_actor
        from ..structured_data import actor_data

        actor = public_actor(slug)
        if actor is None:
            raise Http404
        return self.render(
            request,
            template="actors/actor.html",
            context_overrides={
                "actor": actor,
                "structured_data": actor_data(actor, request.build_absolute_uri(request.path)),
                "breadcrumb_current": actor.name,
            },
        )
