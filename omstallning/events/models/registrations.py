"""A person's registration for a meeting. Personal data: kept until anonymised after the
meeting (see EVENT_REGISTRATION_RETENTION_DAYS), the counts stay."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Bekräftad")
        WAITLISTED = "waitlisted", _("Väntelista")
        CANCELLED = "cancelled", _("Avanmäld")

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("träff"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    name = models.CharField(_("namn"), max_length=200)
    email = models.EmailField(_("e-post"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kommun"),
    )
    food_needs = models.CharField(_("specialkost"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("behov av anpassning"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("anmäld"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    promoted_at = models.DateTimeField(_("fick plats från väntelistan"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("avanmäld"), null=True, blank=True)
    attended_at = models.DateTimeField(_("närvarade"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("påminnelse skickad"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymiserad"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One active registration per address and meeting; cancelled ones do not count.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled") & Q(anonymised_at__isnull=True),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED


class Feedback(models.Model):
    """A participant's view of a meeting, for the organisers. Anonymous in what it shows:
    the organisers see the answers, not who gave them."""

    class Rating(models.IntegerChoices):
        POOR = 1, _("1 – Dåligt")
        FAIR = 2, _("2 – Mindre bra")
        OK = 3, _("3 – Okej")
        GOOD = 4, _("4 – Bra")
        EXCELLENT = 5, _("5 – Mycket bra")

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("träff"),
    )
    # Only to stop a second answer from the same person; never shown with the answers.
    registration = models.OneToOneField(
        Registration, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(_("helhetsintryck"), choices=Rating.choices)
    useful = models.TextField(_("det här var bra eller användbart"), blank=True, max_length=2000)
    improve = models.TextField(_("det här kan bli bättre"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("lämnad"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("synpunkter")
        verbose_name_plural = _("synpunkter")

    def __str__(self) -> str:
        return f"{self.event}: {self.rating}"
