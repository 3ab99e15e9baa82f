"""Attachments: uploaded to and removed from the draft (its buttons save what is written
first), and downloaded by whoever may see the application."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from omstallning.core.downloads import content_disposition

from ... import services
from ...forms import AttachmentForm
from ...models import Attachment
from .draft_page import remember_attachment_notice, render_draft
from .shared import error_text, visible_application


def upload_to_draft(request, application, form, formset, draft_valid: bool) -> HttpResponse:
    """The file is handled whatever the other fields hold, and the page always says what
    became of it: uploaded, or not uploaded and why."""
    attachment_form = AttachmentForm(request.POST, request.FILES)
    chosen = request.FILES.get("file")
    notice = None
    if attachment_form.is_valid():
        try:
            attachment = services.attachment_add(
                application=application,
                user=request.user,
                kind=attachment_form.cleaned_data["kind"],
                upload=attachment_form.cleaned_data["file"],
            )
        except (ValidationError, PermissionDenied) as error:
            attachment_form.add_error("file", error_text(error))
        else:
            notice = _("Bilagan ”%(name)s” är uppladdad.") % {"name": attachment.original_name}
            if draft_valid:
                return _back_at_attachments(request, application, notice)
            attachment_form = AttachmentForm()
    if chosen is not None and attachment_form.errors:
        attachment_form.add_error(
            None, _("Filen ”%(name)s” är inte uppladdad.") % {"name": chosen.name}
        )
    return render_draft(
        request,
        application,
        form,
        formset,
        status=422,
        attachment_form=attachment_form,
        attachment_notice=notice,
        at_attachments=True,
        partly_saved=not draft_valid,
    )


def remove_from_draft(request, application, attachment_id: str, form, formset, draft_valid: bool):
    attachment = get_object_or_404(
        Attachment, pk=attachment_id if attachment_id.isdigit() else 0, application=application
    )
    services.attachment_remove(attachment=attachment, user=request.user)
    notice = _("Bilagan ”%(name)s” är borttagen.") % {"name": attachment.original_name}
    if draft_valid:
        return _back_at_attachments(request, application, notice)
    return render_draft(
        request,
        application,
        form,
        formset,
        status=422,
        attachment_notice=notice,
        at_attachments=True,
        partly_saved=True,
    )


def _back_at_attachments(request, application, notice: str) -> HttpResponse:
    remember_attachment_notice(request, application, notice)
    return redirect(f"{reverse('funding:application', args=[application.pk])}#bilagor")


@never_cache
def attachment_download(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    if not request.user.is_authenticated:
        raise Http404
    application = visible_application(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_id, application=application)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    # FileResponse names a non-ASCII file with filename* only; add the ASCII fallback.
    response["Content-Disposition"] = content_disposition(attachment.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
