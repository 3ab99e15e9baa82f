"""The county's business-promotion actors (HSDS 3: organization, with its contacts)."""

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from omstallning.core.models.region import phone_validator, tel_href
from omstallning.core.organisation_numbers import validate_organisation_number
from omstallning.core.translation import in_active_language


class ActorQuerySet(models.QuerySet):
    def approved(self) -> "ActorQuerySet":
        return self.filter(status=Actor.Status.APPROVED)


class Actor(index.Indexed, ClusterableModel):
    class Kind(models.TextChoices):
        REGIONAL = "regional", _("Regional aktör")
        MUNICIPAL = "kommunal", _("Kommunens näringslivskontor")
        STATE_AGENCY = "myndighet", _("Statlig myndighet")
        INCUBATOR = "inkubator", _("Inkubator eller science park")
        COOPERATIVE = "kooperativ", _("Kooperativ utveckling")
        INDUSTRY = "bransch", _("Bransch- eller näringslivsorganisation")
        ACADEMIA = "akademi", _("Universitet eller institut")
        FINANCE = "finansiar", _("Bank, fond eller finansiär")
        OTHER = "annan", _("Annan aktör")

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på godkännande")
        APPROVED = "approved", _("Godkänd")

    # The public identifier in open data (HSDS's id), the same however the row is renumbered.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("namn"), max_length=200)
    slug = models.SlugField(_("kortnamn i adressen"), max_length=80, unique=True)
    organisation_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
    )
    kind = models.CharField(_("typ av aktör"), max_length=20, choices=Kind.choices)
    description_sv = models.TextField(_("beskrivning på svenska"))
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)
    website = models.URLField(_("webbplats"), blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=25, blank=True, validators=[phone_validator])
    # Where companies meet the actor (HSDS: location, its address and accessibility).
    street_address = models.CharField(_("besöksadress"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postnummer"),
        max_length=6,
        blank=True,
        validators=[
            RegexValidator(r"^\d{3} ?\d{2}$", _("Skriv postnumret som fem siffror, 123 45."))
        ],
    )
    city = models.CharField(_("ort"), max_length=100, blank=True)
    accessibility_description = models.TextField(
        _("tillgänglighet i lokalen"),
        blank=True,
        help_text=_("Till exempel entré utan trappsteg, hörslinga, parkering för rörelsehindrade."),
    )
    municipalities = models.ManyToManyField(
        "core.Municipality",
        blank=True,
        related_name="actors",
        verbose_name=_("kommuner där aktören verkar"),
        help_text=_("Lämna tomt om aktören verkar i hela länet."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logotyp"),
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="editable_actors",
        verbose_name=_("konton som får redigera aktören"),
        help_text=_("De kan ändra aktörens uppgifter och erbjudanden, och bara dem."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    is_example_data = models.BooleanField(
        _("exempeldata"), default=False, help_text=_("Visas med en tydlig märkning.")
    )
    approved_at = models.DateTimeField(_("godkänd"), null=True, blank=True, editable=False)
    # Set for an actor of another platform, kept by its feed: "feed:3:<its id>".
    source = models.CharField(_("källa"), max_length=60, blank=True, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = ActorQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("organisation_number"),
        FieldPanel("description_sv"),
        FieldPanel("description_en"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Kontaktuppgifter"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
                FieldPanel("accessibility_description"),
            ],
            heading=_("Besöksadress"),
        ),
        FieldPanel("municipalities"),
        FieldPanel("logo"),
        InlinePanel("contacts", heading=_("Kontaktpersoner"), label=_("Kontaktperson")),
        # Who may edit an actor is the region's decision, not the actor's own.
        FieldPanel("editors", permission="actors.approve_actor"),
        FieldPanel("is_example_data", permission="actors.approve_actor"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description_sv"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("aktör")
        verbose_name_plural = _("aktörer")
        ordering = ["name"]
        permissions = [("approve_actor", _("Kan godkänna nya aktörer och redigera alla"))]

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        return in_active_language(self.description_sv, self.description_en)

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def has_address(self) -> bool:
        return bool(self.street_address and self.city)

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)


class ActorContact(Orderable):
    """A person at the actor whom companies may contact: work details only (HSDS: contact)."""

    actor = ParentalKey(Actor, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("namn"), max_length=100)
    role = models.CharField(_("roll"), max_length=100, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=25, blank=True, validators=[phone_validator])

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email"), FieldPanel("phone")]

    class Meta(Orderable.Meta):
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self) -> str:
        return self.name

    @property
    def has_address(self) -> bool:
        return bool(self.street_address and self.city)

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)
