"""The region that runs the platform, its municipalities, organisations and people.

A region is data: nothing in code names a particular region.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from ..municipality_codes import municipality_code_validator
from ..organisation_numbers import validate_organisation_number

# \A, \Z and [0-9]: "$" would let a trailing newline through and "\d" any Unicode digit.
county_code_validator = RegexValidator(
    r"\A[0-9]{2}\Z", _("Länskoden ska vara två siffror, till exempel 19.")
)
phone_validator = RegexValidator(
    r"\A[0-9 +()\-]{5,25}\Z",
    _("Telefonnumret får bara innehålla siffror, mellanslag, +, - och parenteser."),
)


def tel_href(phone: str) -> str:
    """The number as a tel: link in international form (a Swedish number unless it says)."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if phone.lstrip().startswith("+"):
        return "tel:+" + digits
    if digits.startswith("00"):
        return "tel:+" + digits.removeprefix("00")
    return "tel:+46" + digits.removeprefix("0")


class Region(models.Model):
    name = models.CharField(_("namn"), max_length=100, unique=True)
    county_name = models.CharField(_("län"), max_length=100)
    county_code = models.CharField(
        _("länskod"), max_length=2, unique=True, validators=[county_code_validator]
    )
    website = models.URLField(_("webbplats"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("county_name"),
        FieldPanel("county_code"),
        FieldPanel("website"),
    ]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regioner")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="municipalities", verbose_name=_("region")
    )
    name = models.CharField(_("namn"), max_length=100)
    code = models.CharField(
        _("kommunkod"),
        max_length=4,
        unique=True,
        validators=[municipality_code_validator],
        help_text=_("SCB:s officiella kommunkod."),
    )

    panels = [FieldPanel("region"), FieldPanel("name"), FieldPanel("code")]

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        MUNICIPALITY = "kommun", _("Kommun")
        AGENCY = "myndighet", _("Myndighet")
        COMPANY = "foretag", _("Företag")
        NON_PROFIT = "ideell", _("Ideell organisation")
        ACADEMIA = "akademi", _("Lärosäte eller forskning")
        BUSINESS_SUPPORT = "framjare", _("Näringslivsfrämjande aktör")
        OTHER = "annan", _("Annan")

    name = models.CharField(_("namn"), max_length=200)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    organisation_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("kommun"),
    )
    website = models.URLField(_("webbplats"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("organisation_number"),
        FieldPanel("municipality"),
        FieldPanel("website"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContactPerson(TranslatableMixin, index.Indexed, models.Model):
    """A person the public can contact. Only work contact details, shown because of their role."""

    name = models.CharField(_("namn"), max_length=100)
    role = models.CharField(_("roll"), max_length=100, help_text=_("Till exempel Projektledare."))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_people",
        verbose_name=_("organisation"),
    )
    phone = models.CharField(_("telefon"), max_length=25, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-post"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("foto"),
    )
    # Never shown: the contact form delivers to this account's address when the card has no
    # public e-mail, and the account sees the messages written to the card in the admin.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_cards",
        limit_choices_to={"is_active": True},
        verbose_name=_("konto som tar emot meddelanden"),
        help_text=_(
            "Personalkontot som får meddelanden från kontaktformuläret till den här personen "
            "och ser dem i administrationen. Kontots e-postadress visas inte på webbplatsen."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("photo"),
        # Who reads a person's messages is account management: administrators only.
        FieldPanel("user", permission="auth.change_user"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("role")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}"

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)


class LongTermGoal(TranslatableMixin, Orderable):
    """One of the project's long-term goals; the dashboard measures progress against these."""

    text = models.TextField(_("mål"))

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("långsiktigt mål")
        verbose_name_plural = _("långsiktiga mål")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.text
