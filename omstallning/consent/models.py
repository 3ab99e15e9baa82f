import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="lock")
class ConsentSettings(BaseSiteSetting):
    policy_version = models.PositiveIntegerField(
        _("version av kakpolicyn"),
        default=1,
        help_text=_(
            "Öka numret när ni ändrar hur webbplatsen använder kakor. "
            "Då får alla besökare frågan om samtycke igen."
        ),
    )
    policy_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sida om kakor"),
    )

    panels = [FieldPanel("policy_version"), FieldPanel("policy_page")]

    class Meta:
        verbose_name = _("kakor och samtycke")


class ConsentRecord(models.Model):
    """Proof of one consent decision. Holds no personal data: the id is random per browser."""

    class Action(models.TextChoices):
        ACCEPT_ALL = "accept_all", _("Godkände alla")
        NECESSARY_ONLY = "necessary_only", _("Endast nödvändiga")
        CUSTOM = "custom", _("Egna inställningar")

    consent_id = models.UUIDField(_("samtyckes-id"), default=uuid.uuid4, db_index=True)
    action = models.CharField(_("val"), max_length=20, choices=Action.choices)
    statistics = models.BooleanField(_("statistik"))
    third_party = models.BooleanField(_("tredjepartstjänster"))
    policy_version = models.PositiveIntegerField(_("policyversion"))
    created_at = models.DateTimeField(_("tidpunkt"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("samtyckesbeslut")
        verbose_name_plural = _("samtyckesbeslut")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.consent_id} {self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class PageView(models.Model):
    """First-party page-view counts per day and address, for visitors who allow statistics."""

    date = models.DateField(_("datum"))
    path = models.CharField(_("adress"), max_length=500)
    views = models.PositiveIntegerField(_("visningar"), default=0)

    class Meta:
        verbose_name = _("sidvisningar")
        verbose_name_plural = _("sidvisningar")
        constraints = [
            models.UniqueConstraint(fields=["date", "path"], name="unique_page_view_day")
        ]
        ordering = ["-date", "path"]

    def __str__(self) -> str:
        return f"{self.date} {self.path}: {self.views}"
