"""Warm referrals (lotsning): a company asks an actor to contact it about an offer and agrees
that its details go to that actor. The actor accepts, passes the case on or declines; the
company follows it through a signed link and rates it when it is closed. Personal data is
anonymised REFERRAL_RETENTION_DAYS after closing, and at once when consent is withdrawn; the
steps, times, outcomes and ratings stay for the region's figures."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from omstallning.core.models.region import phone_validator
from omstallning.core.organisation_numbers import validate_organisation_number


class Referral(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("Väntar på svar från aktören")
        ACCEPTED = "accepted", _("Aktören har tagit ärendet")
        DECLINED = "declined", _("Aktören har tackat nej")
        CLOSED = "closed", _("Avslutat")
        WITHDRAWN = "withdrawn", _("Återkallat av företaget")

    class DeclineReason(models.TextChoices):
        NOT_ELIGIBLE = "not_eligible", _("Företaget uppfyller inte villkoren för erbjudandet")
        NO_CAPACITY = "no_capacity", _("Vi har inte möjlighet att ta ärendet nu")
        OUTSIDE_AREA = "outside_area", _("Behovet ligger utanför det vi gör")
        OTHER = "other", _("Annat skäl")

    class Outcome(models.TextChoices):
        ADVICE = "advice", _("Företaget fick rådgivning")
        APPLIED = "applied", _("Företaget har ansökt om stödet")
        GRANTED = "granted", _("Företaget fick stödet")
        JOINED = "joined", _("Företaget deltar i insatsen")
        ELSEWHERE = "elsewhere", _("Hänvisat till stöd utanför Hitta stöd")
        NOT_ELIGIBLE = "not_eligible", _("Företaget uppfyllde inte villkoren")
        NO_CONTACT = "no_contact", _("Vi fick ingen kontakt med företaget")
        COMPANY_DECLINED = "company_declined", _("Företaget avstod")

    OPEN = (Status.SENT, Status.ACCEPTED)
    FINISHED = (Status.DECLINED, Status.CLOSED)

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The offer asked about; a copy of its name stays if the offer is removed.
    offer = models.ForeignKey(
        "actors.Offer",
        on_delete=models.SET_NULL,
        null=True,
        related_name="referrals",
        verbose_name=_("erbjudande"),
    )
    offer_name = models.CharField(_("erbjudandets rubrik"), max_length=200)
    # The actor that has the case now; passing it on moves it (the steps keep the way).
    actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("aktör"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SENT
    )

    # What the company tells the actor: only what it takes to get in touch and to help.
    need = models.TextField(_("vad företaget behöver hjälp med"), max_length=2000)
    company_name = models.CharField(_("företag"), max_length=200)
    organisation_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=200)
    email = models.EmailField(_("e-post"))
    phone = models.CharField(_("telefon"), max_length=25, blank=True, validators=[phone_validator])
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kommun"),
    )
    # The finder's answers (stage, size, sector …) as their query string, for the actor.
    answers = models.CharField(_("svar i stödguiden"), max_length=500, blank=True)
    language = models.CharField(
        _("språk"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    # The consent as it was given: when, and the very sentence the company agreed to.
    consented_at = models.DateTimeField(_("samtycke givet"))
    consent_text = models.TextField(_("samtyckets lydelse"))
    withdrawn_at = models.DateTimeField(_("samtycke återkallat"), null=True, blank=True)

    answer_by = models.DateTimeField(_("ska besvaras senast"))
    coordinator_reminded_at = models.DateTimeField(_("samordnaren påmind"), null=True, blank=True)
    decline_reason = models.CharField(
        _("skäl att tacka nej"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    outcome = models.CharField(_("utfall"), max_length=20, choices=Outcome.choices, blank=True)
    closed_at = models.DateTimeField(_("avslutat"), null=True, blank=True)

    rating = models.PositiveSmallIntegerField(
        _("betyg"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_comment = models.CharField(_("kommentar till betyget"), max_length=1000, blank=True)
    rated_at = models.DateTimeField(_("betygsatt"), null=True, blank=True)

    anonymised_at = models.DateTimeField(_("anonymiserat"), null=True, blank=True)
    is_example_data = models.BooleanField(_("exempeldata"), default=False)
    created_at = models.DateTimeField(_("skickat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrat"), auto_now=True)

    class Meta:
        verbose_name = _("lotsning")
        verbose_name_plural = _("lotsningar")
        ordering = ["-created_at"]
        permissions = [
            (
                "coordinate_referrals",
                _("Samordnar lotsningar: ser alla, påminns om de obesvarade"),
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="referral_rating_one_to_five",
            )
        ]
        indexes = [
            models.Index(fields=["status", "answer_by"]),
            models.Index(fields=["closed_at"]),
        ]

    def __str__(self) -> str:
        if self.anonymised_at:
            return _("Lotsning till %(offer)s") % {"offer": self.offer_name}
        return _("%(company)s om %(offer)s") % {
            "company": self.company_name,
            "offer": self.offer_name,
        }

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def may_be_rated(self) -> bool:
        return self.status in self.FINISHED and self.rated_at is None


class ReferralStep(models.Model):
    """One thing that happened to a referral: who did what, and the note that came with it.
    The company sees every step but the reminders."""

    class Kind(models.TextChoices):
        SENT = "sent", _("Skickat till aktören")
        ACCEPTED = "accepted", _("Aktören tog ärendet")
        PASSED_ON = "passed_on", _("Lämnat vidare till en annan aktör")
        DECLINED = "declined", _("Aktören tackade nej")
        CLOSED = "closed", _("Avslutat")
        REMINDED = "reminded", _("Samordnaren påmind: inget svar i tid")
        WITHDRAWN = "withdrawn", _("Företaget återkallade sitt samtycke")
        RATED = "rated", _("Företaget gav betyg")

    SEEN_BY_COMPANY = (
        Kind.SENT,
        Kind.ACCEPTED,
        Kind.PASSED_ON,
        Kind.DECLINED,
        Kind.CLOSED,
        Kind.WITHDRAWN,
        Kind.RATED,
    )
    # The steps that answer a case the actor was given.
    ANSWERS = (Kind.ACCEPTED, Kind.PASSED_ON, Kind.DECLINED)

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("vad"), max_length=12, choices=Kind.choices)
    # The actor that had the case at this step; for a pass-on, the one it went to as well.
    actor = models.ForeignKey(
        "actors.Actor", on_delete=models.PROTECT, related_name="+", verbose_name=_("aktör")
    )
    to_actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("till aktör"),
    )
    note = models.TextField(_("anteckning"), blank=True, max_length=2000)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("av"),
    )
    at = models.DateTimeField(_("när"))

    class Meta:
        verbose_name = _("steg i en lotsning")
        verbose_name_plural = _("steg i lotsningar")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.get_kind_display()
