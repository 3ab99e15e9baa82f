"""Thin views for proposing items to the bank and following one's own proposals."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import selectors, services
from .federation.atom import atom_feed
from .forms import PROPOSAL_FORMS
from .models import KnowledgeIndexPage
from .notifications import proposal_path


def atom(request: HttpRequest, bank: KnowledgeIndexPage) -> HttpResponse:
    feed = atom_feed(request, bank)
    return HttpResponse(feed.writeString("utf-8"), content_type=f"{feed.content_type}")


def _proposer_or_login(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not selectors.can_propose(request.user):
        raise PermissionDenied
    return None


def _render(request, bank, template, status=200, **context) -> TemplateResponse:
    return TemplateResponse(
        request, template, {**bank.get_context(request), **context}, status=status
    )


@never_cache
def propose_choice(request: HttpRequest, bank: KnowledgeIndexPage) -> HttpResponse:
    return _proposer_or_login(request) or _render(
        request,
        bank,
        "knowledge/propose_choice.html",
        kinds=PROPOSAL_FORMS,
        breadcrumb_current=_("Föreslå"),
    )


@never_cache
def propose(request: HttpRequest, bank: KnowledgeIndexPage, kind: str) -> HttpResponse:
    if kind not in PROPOSAL_FORMS:
        raise Http404
    if denied := _proposer_or_login(request):
        return denied
    form_class = PROPOSAL_FORMS[kind]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposal = services.proposal_submit(
            index_page=bank,
            proposer=request.user,
            page_class=form_class.page_class,
            fields=form.page_fields(),
            relations=form.relations(),
        )
        messages.success(
            request, _("Tack! Förslaget är skickat till redaktörerna. Du får besked per mejl.")
        )
        return redirect(proposal_path(bank, proposal))
    return _render(
        request,
        bank,
        "knowledge/propose_form.html",
        status=400 if form.errors else 200,
        form=form,
        kind_label=form_class.page_class.kind_label,
        breadcrumb_current=_("Föreslå: %(kind)s") % {"kind": form_class.page_class.kind_label},
    )


@never_cache
def my_proposals(request: HttpRequest, bank: KnowledgeIndexPage) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return _render(
        request,
        bank,
        "knowledge/my_proposals.html",
        proposals=selectors.proposals_of(request.user),
        can_propose=selectors.can_propose(request.user),
        breadcrumb_current=_("Mina förslag"),
    )


@never_cache
def proposal(request: HttpRequest, bank: KnowledgeIndexPage, proposal_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
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
            messages.success(request, _("Tack! Det ändrade förslaget är skickat för granskning."))
            return redirect(request.path)
    elif request.method == "POST":
        messages.error(request, _("Förslaget granskas redan och kan inte ändras nu."))
        return redirect(request.path)
    return _render(
        request,
        bank,
        "knowledge/proposal.html",
        status=400 if form is not None and form.errors else 200,
        proposal=found,
        draft=draft,
        form=form,
        breadcrumb_current=draft.title,
    )
