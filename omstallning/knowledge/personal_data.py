"""What a person proposed to the knowledge bank, for their copy of their data and for
closing their account. A proposal still in review goes with the account; a published one is
the bank's now (shared under its licence) and stays, without the link to the account."""

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from omstallning.accounts.personal_data import register_personal_data

from .models import KnowledgeProposal

PUBLISHED = KnowledgeProposal.Status.PUBLISHED


def _proposals(user: AbstractBaseUser):
    return KnowledgeProposal.objects.filter(proposer=user).select_related("page")


def knowledge_export(user: AbstractBaseUser) -> list[dict]:
    return [
        {
            "title": proposal.page.title,
            "status": proposal.status,
            "submitted_at": proposal.submitted_at,
            "reviewer_comment": proposal.reviewer_comment,
            "text": proposal.page.specific.intro
            if hasattr(proposal.page.specific, "intro")
            else "",
        }
        for proposal in _proposals(user)
    ]


def knowledge_kept(user: AbstractBaseUser) -> list[str]:
    return [
        _(
            "”%(title)s”, som du föreslog, finns kvar i kunskapsbanken: det är publicerat under "
            "sin licens. Ditt konto kopplas bort från det."
        )
        % {"title": proposal.page.title}
        for proposal in _proposals(user).filter(status=PUBLISHED)
    ]


def knowledge_erase(user: AbstractBaseUser) -> None:
    for proposal in _proposals(user).exclude(status=PUBLISHED):
        proposal.page.delete()
    _proposals(user).update(proposer=None)


def register() -> None:
    register_personal_data(
        "knowledge",
        label=gettext_lazy("Förslag till kunskapsbanken"),
        export=knowledge_export,
        erase=knowledge_erase,
        kept=knowledge_kept,
    )
