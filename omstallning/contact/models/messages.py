"""A message written through the contact form. Personal data: kept until
CONTACT_MESSAGE_RETENTION_DAYS after its last change (closing it is a change), then deleted."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    COOPERATION = "samverkan", _("Samverkan")
    GOOD_EXAMPLE = "gott-exempel", _("Gott exempel")
    MEETINGS = "traffar", _("Träffar")
    SUPPORT = "stod", _("Stöd")
    ACCESSIBILITY = "tillganglighet", _("Tillgänglighet")
    PERSONAL_DATA = "personuppgifter", _("Personuppgifter")
    OTHER = "annat", _("Annat")


class RecipientKind(models.TextChoices):
    PERSON = "person", _("Kontaktperson")
    GENERAL = "allman", _("Allmän kontakt")
    DATA_PROTECTION_OFFICER = "dataskyddsombud", _("Dataskyddsombud")


class ContactMessage(models.Model):
    class Status(models.TextChoices):
        NEW = "ny", _("Ny")
        ANSWERED = "besvarad", _("Besvarad")
        CLOSED = "stangd", _("Stängd")

    recipient_kind = models.CharField(
        _("skickat till"), max_length=20, choices=RecipientKind.choices
    )
    person = models.ForeignKey(
        "core.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kontaktperson"),
    )
    # As it was when the message came, so that it still says whom it was for if the card goes.
    recipient_name = models.CharField(_("mottagare"), max_length=200)
    delivered_to = models.EmailField(
        _("skickat per e-post till"),
        blank=True,
        help_text=_("Tomt om ingen adress fanns: då finns meddelandet bara här."),
    )
    topic = models.CharField(_("ämne"), max_length=20, choices=Topic.choices)
    name = models.CharField(_("namn"), max_length=200)
    email = models.EmailField(_("e-post"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    body = models.TextField(_("meddelande"), max_length=5000)
    language = models.CharField(_("språk"), max_length=8, default="sv")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("mottaget"), default=timezone.now, db_index=True)
    changed_at = models.DateTimeField(_("senast ändrat"), default=timezone.now, db_index=True)

    # Not in Wagtail's "usage" of a contact card or page: that would show editors the messages.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "topic"])]
        verbose_name = _("meddelande")
        verbose_name_plural = _("meddelanden")
        permissions = [
            ("view_dpo_messages", _("Kan läsa meddelanden till dataskyddsombudet")),
        ]

    def __str__(self) -> str:
        # Also the label of its log entries, which outlive it: nothing about the sender here.
        return _("Meddelande %(number)s: %(topic)s") % {
            "number": self.pk,
            "topic": self.get_topic_display(),
        }
