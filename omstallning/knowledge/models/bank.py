"""Kunskapsbanken's own page: the listing with search and facets, its Atom feed, and where
signed-in actors and companies propose items and follow their proposals."""

from urllib.parse import urlsplit, urlunsplit

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from omstallning.core.models.pages import BasePage


def _private(response: HttpResponse) -> HttpResponse:
    """A person's own pages are never kept by a cache, not even their refusals."""
    add_never_cache_headers(response)
    return response


class KnowledgeIndexPage(RoutablePageMixin, BasePage):
    """Kunskapsbanken: the listing with search and facets."""

    subpage_types = [
        "knowledge.GoodExamplePage",
        "knowledge.ToolPage",
        "knowledge.MethodPage",
        "knowledge.ReportPage",
    ]
    template = "knowledge/knowledge_index_page.html"

    class Meta:
        verbose_name = _("kunskapsbank")

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        from ..selectors import knowledge_listing

        htmx = getattr(request, "htmx", None)
        in_place = bool(htmx) and not htmx.history_restore_request
        current = urlsplit(htmx.current_url or "") if in_place else None
        listing = knowledge_listing(
            self, request.GET, previous=QueryDict(current.query) if current else None
        )
        response = self.render(request, context_overrides={"listing": listing})
        if in_place:
            # The address bar shows exactly the listing shown, in one way of writing it;
            # a new entry in the history only when something changed.
            query = listing.query_string()
            address = self.get_url(request) + (f"?{query}" if query else "")
            shown = urlunsplit(("", "", current.path, current.query, ""))
            response["HX-Push-Url"] = "false" if address == shown else address
        return response

    @path("atom/", name="atom")
    def atom(self, request: HttpRequest) -> HttpResponse:
        from ..federation.atom import atom_feed

        feed = atom_feed(request, self)
        return HttpResponse(feed.writeString("utf-8"), content_type=f"{feed.content_type}")

    @path("foresla/", name="propose_choice")
    def propose_choice(self, request: HttpRequest) -> HttpResponse:
        from ..forms import PROPOSAL_FORMS

        return _private(
            self._proposer_or_login(request)
            or self.render(
                request,
                template="knowledge/propose_choice.html",
                context_overrides={
                    "kinds": PROPOSAL_FORMS,
                    "breadcrumb_current": gettext("Föreslå"),
                },
            )
        )

    @path("foresla/<slug:kind>/", name="propose")
    def propose(self, request: HttpRequest, kind: str) -> HttpResponse:
        from .. import services
        from ..forms import PROPOSAL_FORMS
        from ..notifications import proposal_path

        if kind not in PROPOSAL_FORMS:
            raise Http404
        if denied := self._proposer_or_login(request):
            return _private(denied)
        form_class = PROPOSAL_FORMS[kind]
        form = form_class(request.POST or None)
        if request.method == "POST" and form.is_valid():
            proposal = services.proposal_submit(
                index_page=self,
                proposer=request.user,
                page_class=form_class.page_class,
                fields=form.page_fields(),
                relations=form.relations(),
            )
            messages.success(
                request,
                gettext("Tack! Förslaget är skickat till redaktörerna. Du får besked per mejl."),
            )
            return _private(redirect(proposal_path(self, proposal)))
        kind_label = form_class.page_class.kind_label
        response = self.render(
            request,
            template="knowledge/propose_form.html",
            context_overrides={
                "form": form,
                "kind_label": kind_label,
                "breadcrumb_current": gettext("Föreslå: %(kind)s") % {"kind": kind_label},
            },
        )
        response.status_code = 400 if form.errors else 200
        return _private(response)

    @path("mina-forslag/", name="my_proposals")
    def my_proposals(self, request: HttpRequest) -> HttpResponse:
        from .. import permissions, selectors

        if not request.user.is_authenticated:
            return _private(redirect_to_login(request.get_full_path()))
        return _private(
            self.render(
                request,
                template="knowledge/my_proposals.html",
                context_overrides={
                    "proposals": selectors.proposals_of(request.user),
                    "can_propose": permissions.can_propose(request.user),
                    "breadcrumb_current": gettext("Mina förslag"),
                },
            )
        )

    @path("mina-forslag/<int:proposal_id>/", name="proposal")
    def proposal(self, request: HttpRequest, proposal_id: int) -> HttpResponse:
        """One's own proposal; when the reviewers asked for changes, the form to revise it."""
        from .. import selectors, services
        from ..forms import PROPOSAL_FORMS

        if not request.user.is_authenticated:
            return _private(redirect_to_login(request.get_full_path()))
        found = selectors.proposal_of(request.user, proposal_id)
        if found is None:
            raise Http404
        draft = found.page.specific.get_latest_revision_as_object()
        form_class = next(
            (form for form in PROPOSAL_FORMS.values() if isinstance(draft, form.page_class)), None
        )
        form = None
        if found.can_be_revised and form_class is not None:
            form = form_class(request.POST or None, initial=form_class.initial_from(draft))
            if request.method == "POST" and form.is_valid():
                services.proposal_revise(
                    proposal=found,
                    user=request.user,
                    fields=form.page_fields(),
                    relations=form.relations(),
                )
                messages.success(
                    request, gettext("Tack! Det ändrade förslaget är skickat för granskning.")
                )
                return _private(redirect(request.path))
        elif request.method == "POST":
            messages.error(request, gettext("Förslaget granskas redan och kan inte ändras nu."))
            return _private(redirect(request.path))
        response = self.render(
            request,
            template="knowledge/proposal.html",
            context_overrides={
                "proposal": found,
                "draft": draft,
                "form": form,
                "breadcrumb_current": draft.title,
            },
        )
        response.status_code = 400 if form is not None and form.errors else 200
        return _private(response)

    def _proposer_or_login(self, request: HttpRequest) -> HttpResponse | None:
        from ..permissions import can_propose

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_propose(request.user):
            raise PermissionDenied
        return None

    def get_template(self, request, *args, **kwargs):
        htmx = getattr(request, "htmx", None)
        if htmx and not htmx.history_restore_request:
            return "knowledge/includes/listing_swap.html"
        return super().get_template(request, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The same URL answers with a whole page or a fragment; caches must keep them apart.
        patch_vary_headers(response, ("HX-Request",))
        return response
