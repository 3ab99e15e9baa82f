"""The draft: one form for the whole application. Every button saves what is written first
(uploading a file, removing one, going to the self-assessment), so nothing typed is lost; a
field with an error keeps what was saved before, and the rest is saved."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from ... import services
from ...forms import budget_lines_from
from ...models import Application
from .attachments import remove_from_draft, upload_to_draft
from .draft_page import application_forms, draft_summary, render_draft
from .shared import error_text, render_page


def draft(request: HttpRequest, application: Application) -> HttpResponse:
    """Shows the draft, or saves what was posted and does what its button asks."""
    if request.method != "POST":
        form, formset = application_forms(application)
        return render_draft(request, application, form, formset)
    form, formset, valid = _save_draft(request, application)
    if request.htmx and request.POST.get("autosave"):
        return _autosave_status(request, form, formset)
    action = request.POST.get("action", "save")
    if action == "upload":
        return upload_to_draft(request, application, form, formset, valid)
    if action.startswith("delete:"):
        attachment_id = action.removeprefix("delete:")
        return remove_from_draft(request, application, attachment_id, form, formset, valid)
    if not valid:
        return render_draft(request, application, form, formset, status=422, partly_saved=True)
    if action.startswith("assess:"):
        framework_id = action.removeprefix("assess:")
        if framework_id.isdigit():
            return redirect("funding:self_assessment", pk=application.pk, framework_id=framework_id)
    if action != "submit":
        messages.success(request, _("Utkastet är sparat."))
        return redirect("funding:application", pk=application.pk)
    return _submit(request, application)


def _save_draft(request, application):
    """Save every field that is right; a field with an error keeps what was stored, and is
    shown again as it was typed, with its message. Returns the bound forms and whether
    everything posted was right (and so saved)."""
    form, formset = application_forms(application, request.POST)
    form_valid, formset_valid = form.is_valid(), formset.is_valid()
    lines = budget_lines_from(formset, stored=list(application.budget_lines.all()))
    try:
        services.application_save(
            application=application,
            user=request.user,
            content=form.content(lines, stored=application),
        )
    except (ValidationError, PermissionDenied) as error:
        for text in error_text(error):
            form.add_error(None, text)
        return form, formset, False
    application.refresh_from_db()
    return form, formset, form_valid and formset_valid


def _autosave_status(request, form, formset) -> HttpResponse:
    """The line beside the form after an autosave: when, and what could not be saved."""
    summary = draft_summary(form, formset)
    return render_page(
        request,
        "funding/includes/autosave_status.html",
        {
            "problems": [entry for entry in summary if entry.errors],
            "general_problems": summary.non_field_errors(),
            "at": timezone.localtime(),
        },
    )


def _submit(request, application: Application) -> HttpResponse:
    try:
        services.application_submit(application=application, user=request.user)
    except ValidationError as error:
        application.refresh_from_db()
        form, formset = application_forms(application)
        return render_draft(
            request, application, form, formset, status=422, problems=error.messages
        )
    messages.success(
        request,
        _("Ansökan är inskickad. Den har diarienummer %(reference)s. Ett kvitto har skickats.")
        % {"reference": application.reference},
    )
    return redirect("funding:application", pk=application.pk)
