"""The organisations that apply, with the facts the region follows up on.

The follow-up facts (ownership, the chief executive's gender) are needed to report who gets
public money (the region's assignment from the government); owners' foreign background and
age group are asked for only with the applicant's consent, which is recorded.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from omstallning.core.organisation_numbers import validate_organisation_number
from omstallning.core.sni import section_of


class CompanySize(models.TextChoices):
    MICRO = "micro", _("Mikroföretag (färre än 10 anställda)")
    SMALL = "small", _("Litet företag (10–49 anställda)")
    MEDIUM = "medium", _("Medelstort företag (50–249 anställda)")
    LARGE = "large", _("Stort företag (250 anställda eller fler)")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Kvinna")
    MAN = "man", _("Man")
    OTHER = "other", _("Annat")


class YesNo(models.TextChoices):
    YES = "yes", _("Ja")
    NO = "no", _("Nej")


class AgeGroup(models.TextChoices):
    UNDER_30 = "under_30", _("Under 30 år")
    FROM_30_TO_49 = "30_49", _("30–49 år")
    FROM_50_TO_64 = "50_64", _("50–64 år")
    FROM_65 = "65_plus", _("65 år eller äldre")


def validate_sni_code(value: str) -> None:
    if section_of(value) is None:
        raise ValidationError(
            _("SNI-koden ska vara 2–5 siffror enligt SNI 2007, till exempel 25110."),
            code="sni",
        )


class ApplicantOrganisation(models.Model):
    """An organisation as its representative describes it when applying."""

    # Empty only once the representative closed their account and a case still needs it.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applicant_organisations",
        verbose_name=_("företrädare"),
    )
    name = models.CharField(_("namn"), max_length=200)
    organisation_number = models.CharField(
        _("organisationsnummer"), max_length=11, validators=[validate_organisation_number]
    )
    company_size = models.CharField(_("storlek"), max_length=10, choices=CompanySize.choices)
    sni_code = models.CharField(
        _("SNI-kod"),
        max_length=5,
        validators=[validate_sni_code],
        help_text=_("Branschkod enligt SNI 2007, 2–5 siffror. Finns på verksamt.se."),
    )
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kommun där verksamheten finns"),
    )
    women_owner_share = models.PositiveSmallIntegerField(
        _("kvinnors ägarandel (%)"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Hur stor del av företaget som ägs av kvinnor, 0–100."),
    )
    ceo_gender = models.CharField(
        _("vd:s eller firmatecknarens kön"), max_length=10, choices=Gender.choices
    )
    # Voluntary: asked only after consent, and empty otherwise.
    foreign_background = models.CharField(
        _("någon ägare har utländsk bakgrund"), max_length=3, choices=YesNo.choices, blank=True
    )
    owner_age_group = models.CharField(
        _("huvudägarens åldersgrupp"), max_length=10, choices=AgeGroup.choices, blank=True
    )
    voluntary_facts_consent_at = models.DateTimeField(
        _("samtycke till frivilliga uppgifter"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "organisation_number"], name="one_organisation_per_owner"
            ),
            models.CheckConstraint(
                condition=models.Q(women_owner_share__lte=100), name="women_share_at_most_100"
            ),
        ]
        verbose_name = _("sökande organisation")
        verbose_name_plural = _("sökande organisationer")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_number})"

    @property
    def sni_section(self) -> str | None:
        return section_of(self.sni_code)
