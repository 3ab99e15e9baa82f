"""The applicant's pages, one module per thing the applicant does:

- `organisations`: the organisations that apply;
- `applications`: the list, starting from a call, an application's page, withdrawing it, the
  decision letter;
- `drafts` with `draft_page`: the draft's one form, saved by every button, and what its page
  shows;
- `attachments`: uploading to and removing from the draft, downloading;
- `self_assessment`: the applicant's own sustainability assessment;
- `follow_up`: after sending in: completion answers, payment requests, the final report;
- `shared`: the page frame, the sign-in rule and the look-ups through the permission check.

Every application is looked up through the permission check, so another person's
application, or its files, answer 404. The URL configuration takes the views from here.
"""

from .applications import (
    application_detail,
    application_list,
    application_start,
    application_withdraw,
    decision_letter,
)
from .attachments import attachment_download
from .follow_up import completion_answer, final_report, payment_request
from .organisations import organisation_edit
from .self_assessment import self_assessment

__all__ = [
    "application_detail",
    "application_list",
    "application_start",
    "application_withdraw",
    "attachment_download",
    "completion_answer",
    "decision_letter",
    "final_report",
    "organisation_edit",
    "payment_request",
    "self_assessment",
]
