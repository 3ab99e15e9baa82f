"""Applications for funding, with their budget, attachments and requests for completion."""

from uuid import uuid4

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organisations import ApplicantOrganisation
from .programmes import AttachmentKind, Call


class Status(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Inlämnad")
    IN_REVIEW = "in_review", _("Under handläggning")
    COMPLETION_REQUESTED = "completion_requested", _("Komplettering begärd")
    RECOMMENDED = "recommended", _("Förslag till beslut")
    GRANTED = "granted", _("Beviljad")
    REJECTED = "rejected", _("Avslagen")
    PAYMENTS = "payments", _("Utbetalning")
    FINAL_REPORT = "final_report", _("Slutrapport inlämnad")
    CLOSED = "closed", _("Avslutad")
    WITHDRAWN = "withdrawn", _("Återtagen")


AMOUNT = {"max_digits": 12, "decimal_places": 0, "validators": [MinValueValidator(0)]}


class Application(models.Model):
    call = models.ForeignKey(
        Call, on_delete=models.PROTECT, related_name="applications", verbose_name=_("utlysning")
    )
    organisation = models.ForeignKey(
        ApplicantOrganisation,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("sökande organisation"),
    )
    # Empty only once the applicant closed their account: the case itself is kept (the
    # region must archive it), with the name and address they applied under.
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_applications",
        verbose_name=_("sökande"),
    )
    applicant_name = models.CharField(_("sökandens namn"), max_length=300, blank=True)
    applicant_email = models.EmailField(_("sökandens e-postadress"), blank=True)
    # The language the applicant applied in: their mails and decision letter are in it.
    language = models.CharField(
        _("språk"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Given on submission; NULL (not "") while a draft, so that drafts do not collide.
    reference = models.CharField(
        _("diarienummer"), max_length=20, unique=True, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=25, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    title = models.CharField(_("projektets namn"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)
    goals = models.TextField(_("mål och förväntat resultat"), blank=True)
    activities = models.TextField(_("aktiviteter"), blank=True)
    time_plan = models.TextField(_("tidsplan"), blank=True)
    starts_on = models.DateField(_("projektstart"), null=True, blank=True)
    ends_on = models.DateField(_("projektslut"), null=True, blank=True)
    co_financing = models.DecimalField(
        _("egen insats och annan finansiering (kr)"), **AMOUNT, default=0
    )
    amount_applied = models.DecimalField(_("sökt belopp (kr)"), **AMOUNT, null=True, blank=True)
    strategy_goals = models.ManyToManyField(
        "strategy.StrategyGoal",
        blank=True,
        related_name="funding_applications",
        verbose_name=_("mål i affärsplanen som projektet bidrar till"),
    )
    recommended_outcome = models.CharField(
        _("föreslaget beslut"),
        max_length=10,
        choices=[("granted", _("Bevilja")), ("rejected", _("Avslå"))],
        blank=True,
    )
    recommended_amount = models.DecimalField(
        _("föreslaget belopp (kr)"), **AMOUNT, null=True, blank=True
    )
    recommendation = models.TextField(_("motivering till förslaget"), blank=True)
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_applications",
        verbose_name=_("handläggare"),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senast sparad"), auto_now=True)
    submitted_at = models.DateTimeField(_("inlämnad"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        permissions = [
            ("handle_application", _("Kan handlägga ansökningar om stöd")),
            ("assess_application", _("Kan bedöma ansökningar om stöd")),
            ("decide_application", _("Kan fatta beslut om stöd")),
        ]
        verbose_name = _("ansökan")
        verbose_name_plural = _("ansökningar")

    def __str__(self) -> str:
        return f"{self.reference or _('Utkast')}: {self.title}"

    @property
    def applicant_address(self) -> str:
        """Where mail about the case goes: the account's address, or the one kept with the
        case after the account was closed."""
        return self.applicant.email if self.applicant_id else self.applicant_email

    @property
    def total_budget(self):
        return sum((line.amount for line in self.budget_lines.all()), 0)


class BudgetLine(models.Model):
    class Category(models.TextChoices):
        STAFF = "staff", _("Personal")
        SERVICES = "services", _("Externa tjänster")
        INVESTMENTS = "investments", _("Investeringar")
        MATERIALS = "materials", _("Material")
        TRAVEL = "travel", _("Resor")
        OTHER = "other", _("Övriga kostnader")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_lines"
    )
    category = models.CharField(_("kostnadsslag"), max_length=15, choices=Category.choices)
    description = models.CharField(_("beskrivning"), max_length=200, blank=True)
    amount = models.DecimalField(_("belopp (kr)"), **AMOUNT)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("budgetrad")
        verbose_name_plural = _("budgetrader")

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.amount}"


def _private_storage():
    return storages["funding_attachments"]


def _attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name carries no personal data; the original name is kept in the row.
    return f"applications/{instance.application_id}/{uuid4().hex}"


class Attachment(models.Model):
    """An uploaded file. Stored outside the public media folder and served only to those
    who may see the application."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(_("typ av bilaga"), max_length=20, choices=AttachmentKind.choices)
    file = models.FileField(_("fil"), storage=_private_storage, upload_to=_attachment_path)
    original_name = models.CharField(_("filnamn"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("storlek (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    completion_request = models.ForeignKey(
        "CompletionRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attachments",
    )

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self) -> str:
        return self.original_name


class CompletionRequest(models.Model):
    """The case officer asks for more; the applicant answers (komplettering)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="completion_requests"
    )
    message = models.TextField(_("vad som ska kompletteras"))
    due_on = models.DateField(_("svara senast"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("begärd"), auto_now_add=True)
    answer = models.TextField(_("svar"), blank=True)
    answered_at = models.DateTimeField(_("besvarad"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("begäran om komplettering")
        verbose_name_plural = _("begäranden om komplettering")

    def __str__(self) -> str:
        return f"{self.application}: {self.requested_at:%Y-%m-%d}"
