"""E-mails to the person who proposed an item: one at each step of the review, in the
language of the bank they proposed it to."""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from omstallning.core.mail import send_templated

from .models import KnowledgeProposal

# Subject (with %(title)s) and what happened, per step.
KINDS = {
    "received": (
        _("Tack för ditt förslag: %(title)s"),
        _("Vi har tagit emot ditt förslag. En redaktör granskar det och hör av sig."),
    ),
    "resubmitted": (
        _("Ditt ändrade förslag granskas: %(title)s"),
        _("Tack för ändringarna. Förslaget är tillbaka hos redaktörerna."),
    ),
    "changes_requested": (
        _("Ändringar önskas i ditt förslag: %(title)s"),
        _("Redaktören vill att du ändrar något innan förslaget kan publiceras."),
    ),
    "published": (
        _("Ditt förslag är publicerat: %(title)s"),
        _("Förslaget är godkänt och finns nu i kunskapsbanken. Tack för att du delar med dig!"),
    ),
    "declined": (
        _("Ditt förslag publiceras inte: %(title)s"),
        _("Redaktören har beslutat att inte publicera förslaget."),
    ),
}


def proposal_path(bank, proposal: KnowledgeProposal) -> str:
    return bank.url + bank.reverse_subpage("proposal", args=[proposal.pk])


def _absolute(path: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def send_proposal_update(proposal_id: int, kind: str) -> None:
    proposal = (
        KnowledgeProposal.objects.select_related("page", "proposer").filter(pk=proposal_id).first()
    )
    if proposal is None or proposal.proposer is None or not proposal.proposer.email:
        return
    page = proposal.page.specific
    bank = page.get_parent().specific
    subject, message = KINDS[kind]
    send_templated(
        to=proposal.proposer.email,
        subject=subject,
        subject_values={"title": page.title},
        template="knowledge/email/proposal_update.txt",
        context=lambda: {
            "proposal": proposal,
            "message": message,
            "kind": kind,
            "name": proposal.proposer.get_full_name() or proposal.proposer.get_username(),
            "page_url": _absolute(page.url) if page.live else "",
            "proposal_url": _absolute(proposal_path(bank, proposal)),
        },
        language=page.locale.language_code,
    )
