"""What the actors offer companies (HSDS 3: service, with its service areas, eligibility,
cost options, languages, status and assured date)."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from omstallning.core.models.region import phone_validator
from omstallning.core.translation import in_active_language

# An offer nobody has confirmed for this long is hidden (its owner is reminded before).
VERIFY_EVERY = datetime.timedelta(days=183)


RESERVED_SLUGS = {"atom", "csv", "bevaka"}


def default_verify_by() -> datetime.date:
    return timezone.localdate() + VERIFY_EVERY


class SupportType(models.TextChoices):
    ADVICE = "radgivning", _("Rådgivning")
    TRAINING = "utbildning", _("Utbildning")
    NETWORK = "natverk", _("Nätverk")
    GRANT = "bidrag", _("Finansiering: bidrag")
    LOAN = "lan", _("Finansiering: lån")
    EQUITY = "riskkapital", _("Finansiering: riskkapital")
    GUARANTEE = "garanti", _("Finansiering: garanti")
    VOUCHER = "check", _("Check")
    TESTBED = "testmiljo", _("Test- och demomiljö")
    MATCHMAKING = "matchning", _("Matchning")
    AWARD = "utmarkelse", _("Utmärkelse")


class OfferQuerySet(models.QuerySet):
    def public(self, today: datetime.date | None = None) -> "OfferQuerySet":
        """What the finder shows: active, from an approved actor, not ended, and confirmed
        within its verify-by date."""
        today = today or timezone.localdate()
        return self.filter(
            status=Offer.Status.ACTIVE,
            actor__status="approved",
            verify_by__gte=today,
        ).exclude(ends_on__lt=today)


class Offer(index.Indexed, models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Aktivt")
        PAUSED = "paused", _("Pausat")
        ENDED = "ended", _("Avslutat")

    class Cost(models.TextChoices):
        FREE = "free", _("Kostnadsfritt")
        SUBSIDISED = "subsidised", _("Delvis subventionerat")
        PAID = "paid", _("Avgift")

    # The public identifier in open data (HSDS's id), the same however the row is renumbered.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    actor = models.ForeignKey(
        "actors.Actor", on_delete=models.CASCADE, related_name="offers", verbose_name=_("aktör")
    )
    name_sv = models.CharField(_("rubrik på svenska"), max_length=200)
    name_en = models.CharField(_("rubrik på engelska"), max_length=200, blank=True)
    slug = models.SlugField(_("kortnamn i adressen"), max_length=100, unique=True)
    summary_sv = models.CharField(_("sammanfattning på svenska"), max_length=300)
    summary_en = models.CharField(_("sammanfattning på engelska"), max_length=300, blank=True)
    description_sv = models.TextField(_("beskrivning på svenska"), blank=True)
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)
    support_type = models.CharField(_("typ av stöd"), max_length=20, choices=SupportType.choices)

    # Eligibility as data. An empty choice means open to all: every stage, size, sector, place.
    stages = models.ManyToManyField(
        "actors.CompanyStage", blank=True, related_name="offers", verbose_name=_("skeden")
    )
    company_sizes = models.ManyToManyField(
        "knowledge.CompanySize", blank=True, related_name="offers", verbose_name=_("storlekar")
    )
    sectors = models.ManyToManyField(
        "knowledge.SniSection", blank=True, related_name="offers", verbose_name=_("branscher")
    )
    municipalities = models.ManyToManyField(
        "core.Municipality",
        blank=True,
        related_name="offers",
        verbose_name=_("kommuner"),
        help_text=_("Lämna tomt om erbjudandet gäller i hela länet."),
    )
    nationwide = models.BooleanField(
        _("gäller i hela Sverige"),
        default=False,
        help_text=_(
            "Kryssa i om företag i hela landet kan få stödet. Då kan andra regioners "
            "plattformar visa det också."
        ),
    )
    target_groups = models.ManyToManyField(
        "actors.TargetGroup", blank=True, related_name="offers", verbose_name=_("målgrupper")
    )
    only_for_target_groups = models.BooleanField(
        _("bara för målgrupperna"),
        default=False,
        help_text=_(
            "Kryssa i om bara företag vars ägare hör till en av målgrupperna kan få stödet."
        ),
    )
    is_de_minimis = models.BooleanField(
        _("stöd av mindre betydelse (de minimis)"),
        default=False,
        help_text=_("Räknas mot taket för stöd av mindre betydelse, förordning (EU) 2023/2831."),
    )
    max_amount_eur = models.PositiveIntegerField(
        _("största belopp i euro"),
        null=True,
        blank=True,
        help_text=_("För stöd av mindre betydelse: så kan företag se om de skulle passera taket."),
    )
    eligibility_description = models.TextField(_("vem kan få stödet, i ord"), blank=True)
    # The lists above as bit sets, for the finder's speed (eligibility_bits.py); 0 names none.
    stage_bits = models.BigIntegerField(default=0, editable=False)
    size_bits = models.BigIntegerField(default=0, editable=False)
    sector_bits = models.BigIntegerField(default=0, editable=False)
    municipality_bits = models.BigIntegerField(default=0, editable=False)
    target_group_bits = models.BigIntegerField(default=0, editable=False)

    # The knowledge bank's taxonomy, so the finder can show items and meetings on the same themes.
    themes = models.ManyToManyField(
        "knowledge.KnowledgeTheme", blank=True, related_name="offers", verbose_name=_("teman")
    )
    sdg_goals = models.ManyToManyField(
        "core.SdgGoal", blank=True, related_name="offers", verbose_name=_("globala mål")
    )
    dimensions = models.ManyToManyField(
        "core.SustainabilityDimension",
        blank=True,
        related_name="offers",
        verbose_name=_("hållbarhetsdimensioner"),
    )

    cost = models.CharField(_("kostnad"), max_length=12, choices=Cost.choices, default=Cost.FREE)
    cost_description = models.CharField(_("kostnad, i ord"), max_length=300, blank=True)
    languages = models.ManyToManyField(
        "actors.OfferLanguage", blank=True, related_name="offers", verbose_name=_("språk")
    )
    application_process = models.TextField(_("så ansöker du"), blank=True)
    schedule_description = models.CharField(
        _("när erbjudandet ges"),
        max_length=300,
        blank=True,
        help_text=_("Till exempel: löpande hela året, eller kurstillfällen varje vår och höst."),
    )
    url = models.URLField(_("läs mer och ansök hos aktören"), blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=25, blank=True, validators=[phone_validator])

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    starts_on = models.DateField(_("från"), null=True, blank=True)
    ends_on = models.DateField(_("till"), null=True, blank=True)
    assured_date = models.DateField(_("senast kontrollerad"), default=timezone.localdate)
    verify_by = models.DateField(_("kontrolleras senast"), default=default_verify_by)
    is_example_data = models.BooleanField(
        _("exempeldata"), default=False, help_text=_("Visas med en tydlig märkning.")
    )
    # Which verify-by date the owner was reminded of, and the region told had passed: once each.
    verify_reminded_for = models.DateField(null=True, blank=True, editable=False)
    lapse_reported_for = models.DateField(null=True, blank=True, editable=False)
    link_checked_at = models.DateTimeField(
        _("länken kontrollerad"), null=True, blank=True, editable=False
    )
    link_problem = models.CharField(_("fel på länken"), max_length=200, blank=True, editable=False)
    # Set when another part of the platform keeps the offer: a funding call ("funding.call:7")
    # or another platform's feed ("feed:3:<its id>").
    source = models.CharField(_("källa"), max_length=60, blank=True, editable=False)
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrat"), auto_now=True)

    objects = OfferQuerySet.as_manager()

    panels = [
        FieldPanel("actor"),
        FieldPanel("name_sv"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("summary_sv"),
        FieldPanel("summary_en"),
        FieldPanel("description_sv"),
        FieldPanel("description_en"),
        FieldPanel("support_type"),
        MultiFieldPanel(
            [
                FieldPanel("stages"),
                FieldPanel("company_sizes"),
                FieldPanel("sectors"),
                FieldPanel("municipalities"),
                FieldPanel("nationwide"),
                FieldPanel("target_groups"),
                FieldPanel("only_for_target_groups"),
                FieldPanel("is_de_minimis"),
                FieldPanel("max_amount_eur"),
                FieldPanel("eligibility_description"),
            ],
            heading=_("Vem kan få stödet"),
        ),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("sdg_goals"), FieldPanel("dimensions")],
            heading=_("Teman och hållbarhet"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("cost"),
                FieldPanel("cost_description"),
                FieldPanel("languages"),
                FieldPanel("application_process"),
                FieldPanel("schedule_description"),
                FieldPanel("url"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Kostnad och ansökan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldRowPanel([FieldPanel("assured_date"), FieldPanel("verify_by")]),
                FieldPanel("is_example_data"),
            ],
            heading=_("Status och kontroll"),
        ),
    ]
    search_fields = [
        index.SearchField("name_sv", boost=3),
        index.SearchField("name_en", boost=3),
        index.SearchField("summary_sv", boost=2),
        index.SearchField("description_sv"),
        index.AutocompleteField("name_sv"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("erbjudande")
        verbose_name_plural = _("erbjudanden")
        ordering = ["name_sv"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="offer_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["source"], condition=~models.Q(source=""), name="one_offer_per_source"
            ),
        ]
        indexes = [models.Index(fields=["status", "verify_by"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        # The list's own feed and download live beside the offers' pages, at these names.
        if self.slug in RESERVED_SLUGS:
            message = _("”%(slug)s” är upptaget i adressen. Välj ett annat kortnamn.")
            raise ValidationError({"slug": message % {"slug": self.slug}})

    @property
    def name(self) -> str:
        return in_active_language(self.name_sv, self.name_en)

    @property
    def summary(self) -> str:
        return in_active_language(self.summary_sv, self.summary_en)

    @property
    def description(self) -> str:
        return in_active_language(self.description_sv, self.description_en)
