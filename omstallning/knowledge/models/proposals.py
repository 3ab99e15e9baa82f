"""Proposals from Aktörer and Företagare: a draft item page under review, and the review step."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class KnowledgeProposal(models.Model):
    """Who proposed an item and where its review stands, in words the proposer understands."""

    class Status(models.TextChoices):
        IN_REVIEW = "in_review", _("Granskas")
        CHANGES_REQUESTED = "changes_requested", _("Ändringar önskas")
        PUBLISHED = "published", _("Publicerat")
        DECLINED = "declined", _("Avböjt")

    page = models.OneToOneField(
        "knowledge.KnowledgeItemPage",
        on_delete=models.CASCADE,
        related_name="proposal",
        verbose_name=_("sida"),
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="knowledge_proposals",
        verbose_name=_("föreslaget av"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_REVIEW
    )
    reviewer_comment = models.TextField(_("kommentar från granskaren"), blank=True)
    submitted_at = models.DateTimeField(_("inskickat"), default=timezone.now)
    updated_at = models.DateTimeField(_("senast ändrat"), auto_now=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("förslag till kunskapsbanken")
        verbose_name_plural = _("förslag till kunskapsbanken")

    def __str__(self) -> str:
        return self.page.title

    @property
    def can_be_revised(self) -> bool:
        return self.status == self.Status.CHANGES_REQUESTED


class KnowledgeReviewTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, with a third way out: declining the proposal for good."""

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Begär ändringar"), True),
                ("approve", _("Godkänn och publicera"), False),
                ("decline", _("Avböj förslaget"), True),
            ]
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "decline":
            from ..services import proposal_decline

            proposal_decline(task_state, user, comment=kwargs.get("comment", ""))
        else:
            super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Redaktörer och näringslivsutvecklare godkänner, begär ändringar i eller avböjer "
            "förslag till kunskapsbanken. Förslagsställaren får besked per mejl."
        )

    class Meta:
        verbose_name = _("granskning av förslag till kunskapsbanken")
        verbose_name_plural = _("granskningar av förslag till kunskapsbanken")
