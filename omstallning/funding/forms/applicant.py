"""The applicant's forms and the officer contact form. They parse and check input; the services
decide and save."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from omstallning.core.forms import (
    ModelChoiceField,
    ModelMultipleChoiceField,
    SiteForm,
    SiteModelForm,
)
from omstallning.core.models import Municipality
from omstallning.core.organisation_numbers import normalise_organisation_number
from omstallning.core.sni import section_of
from omstallning.strategy.models import StrategyGoal

from ..attachments import allowed_extensions, file_input_attrs
from ..models import (
    AgeGroup,
    ApplicantOrganisation,
    AttachmentKind,
    BudgetLine,
    CompanySize,
    Gender,
    OfficerContact,
    YesNo,
)
from ..selectors import organisations_of
from ..services import ApplicationContent, BudgetLineInput, OrganisationFacts

TEXTAREA = forms.Textarea(attrs={"rows": 4})
AMOUNT_ERRORS = {
    "invalid": _("Skriv beloppet i hela kronor med siffror, till exempel 150000."),
    "min_value": _("Beloppet kan inte vara negativt."),
    "max_digits": _("Beloppet är för stort."),
    "max_decimal_places": _("Skriv beloppet i hela kronor."),
}


def amount_field(label, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=0,
        max_digits=12,
        decimal_places=0,
        error_messages=AMOUNT_ERRORS,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        **kwargs,
    )


class OrganisationForm(SiteForm):
    name = forms.CharField(label=_("Organisationens namn"), max_length=200)
    organisation_number = forms.CharField(
        label=_("Organisationsnummer"),
        max_length=20,
        help_text=_("10 siffror, till exempel 556036-0793."),
    )
    company_size = forms.ChoiceField(
        label=_("Storlek"), choices=[("", _("Välj storlek")), *CompanySize.choices]
    )
    sni_code = forms.CharField(
        label=_("SNI-kod"),
        max_length=8,
        help_text=_("Branschkod enligt SNI 2007, 2–5 siffror. Finns på verksamt.se och scb.se."),
    )
    municipality = ModelChoiceField(
        label=_("Kommun där verksamheten finns"),
        queryset=Municipality.objects.order_by("name"),
        empty_label=_("Välj kommun"),
    )
    women_owner_share = forms.IntegerField(
        label=_("Kvinnors ägarandel (%)"),
        min_value=0,
        max_value=100,
        help_text=_("Hur stor del av organisationen som ägs av kvinnor, 0–100."),
        error_messages={
            "invalid": _("Skriv ett heltal 0–100."),
            "min_value": _("Skriv ett heltal 0–100."),
            "max_value": _("Skriv ett heltal 0–100."),
        },
    )
    ceo_gender = forms.ChoiceField(
        label=_("Vd:s eller firmatecknarens kön"),
        choices=Gender.choices,
        widget=forms.RadioSelect,
    )
    voluntary_consent = forms.BooleanField(
        label=_(
            "Jag samtycker till att regionen sparar de frivilliga uppgifterna nedan för "
            "statistik om vilka som får stöd."
        ),
        required=False,
    )
    foreign_background = forms.ChoiceField(
        label=_("Har någon av ägarna utländsk bakgrund?"),
        choices=[("", _("Vill inte svara")), *YesNo.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Född utomlands, eller båda föräldrarna födda utomlands (SCB:s definition)."),
    )
    owner_age_group = forms.ChoiceField(
        label=_("Huvudägarens åldersgrupp"),
        choices=[("", _("Vill inte svara")), *AgeGroup.choices],
        required=False,
        widget=forms.RadioSelect,
    )

    @classmethod
    def initial_from(cls, organisation: ApplicantOrganisation) -> dict:
        return {
            "name": organisation.name,
            "organisation_number": organisation.organisation_number,
            "company_size": organisation.company_size,
            "sni_code": organisation.sni_code,
            "municipality": organisation.municipality_id,
            "women_owner_share": organisation.women_owner_share,
            "ceo_gender": organisation.ceo_gender,
            "voluntary_consent": organisation.voluntary_facts_consent_at is not None,
            "foreign_background": organisation.foreign_background,
            "owner_age_group": organisation.owner_age_group,
        }

    def clean_organisation_number(self) -> str:
        return normalise_organisation_number(self.cleaned_data["organisation_number"])

    def clean_sni_code(self) -> str:
        code = self.cleaned_data["sni_code"].strip().replace(".", "").replace(" ", "")
        if section_of(code) is None:
            raise ValidationError(
                _("SNI-koden ska vara 2–5 siffror enligt SNI 2007, till exempel 25110.")
            )
        return code

    def clean(self):
        data = super().clean()
        voluntary = data.get("foreign_background") or data.get("owner_age_group")
        if voluntary and not data.get("voluntary_consent"):
            self.add_error(
                "voluntary_consent",
                _(
                    "Kryssa i samtycket för att spara de frivilliga uppgifterna, "
                    "eller lämna dem tomma."
                ),
            )
        return data

    def facts(self) -> OrganisationFacts:
        data = self.cleaned_data
        return OrganisationFacts(
            name=data["name"],
            organisation_number=data["organisation_number"],
            company_size=data["company_size"],
            sni_code=data["sni_code"],
            municipality=data["municipality"],
            women_owner_share=data["women_owner_share"],
            ceo_gender=data["ceo_gender"],
            voluntary_consent=data["voluntary_consent"],
            foreign_background=data.get("foreign_background", ""),
            owner_age_group=data.get("owner_age_group", ""),
        )


class ApplicationStartForm(SiteForm):
    organisation = ModelChoiceField(
        label=_("Vem söker?"),
        queryset=ApplicantOrganisation.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Projektets namn"), max_length=200)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = organisations_of(user)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk


class ApplicationForm(SiteForm):
    """A draft may be saved incomplete: only what is written must make sense."""

    title = forms.CharField(label=_("Projektets namn"), max_length=200)
    description = forms.CharField(
        label=_("Beskrivning av projektet"),
        required=False,
        widget=TEXTAREA,
        help_text=_("Vad vill ni göra, och varför?"),
    )
    goals = forms.CharField(
        label=_("Mål och förväntat resultat"),
        required=False,
        widget=TEXTAREA,
        help_text=_("Vad ska vara annorlunda när projektet är klart? Gärna med siffror."),
    )
    activities = forms.CharField(label=_("Aktiviteter"), required=False, widget=TEXTAREA)
    time_plan = forms.CharField(label=_("Tidsplan"), required=False, widget=TEXTAREA)
    starts_on = forms.DateField(
        label=_("Projektstart"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )
    ends_on = forms.DateField(
        label=_("Projektslut"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )
    amount_applied = amount_field(_("Sökt belopp (kr)"), required=False)
    co_financing = amount_field(
        _("Egen insats och annan finansiering (kr)"),
        required=False,
        help_text=_("Sökt belopp och egen finansiering ska tillsammans bli budgeten."),
    )
    strategy_goals = ModelMultipleChoiceField(
        label=_("Mål i affärsplanen som projektet bidrar till"),
        queryset=StrategyGoal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, goals=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy_goals"].queryset = (
            goals if goals is not None else StrategyGoal.objects.none()
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("Projektet måste sluta efter att det startar."))
        return data

    def content(self, lines: list[BudgetLineInput], stored=None) -> ApplicationContent:
        """What to save. With `stored` (the application as saved), a field with an error
        keeps its stored value and every other field takes what was posted: autosave and
        "Spara utkast" save all that is right, and a mistake in one field loses nothing."""
        data = dict(self.cleaned_data)
        if stored is not None:
            for name in self.errors:
                if name in self.fields:
                    data[name] = self._stored(stored, name)
        return ApplicationContent(
            title=data["title"],
            description=data["description"],
            goals=data["goals"],
            activities=data["activities"],
            time_plan=data["time_plan"],
            starts_on=data.get("starts_on"),
            ends_on=data.get("ends_on"),
            co_financing=data.get("co_financing") or Decimal(0),
            amount_applied=data.get("amount_applied"),
            strategy_goal_ids=[goal.pk for goal in data.get("strategy_goals", [])],
            budget_lines=lines,
        )

    @staticmethod
    def _stored(application, name: str):
        if name == "strategy_goals":
            return list(application.strategy_goals.all())
        return getattr(application, name)


class BudgetLineForm(SiteForm):
    category = forms.ChoiceField(
        label=_("Kostnadsslag"),
        choices=[("", _("Välj")), *BudgetLine.Category.choices],
        required=False,
    )
    description = forms.CharField(label=_("Beskrivning"), max_length=200, required=False)
    amount = amount_field(_("Belopp (kr)"), required=False)

    def clean(self):
        data = super().clean()
        # One message per problem: an amount that was typed but cannot be read has its own
        # message already, and is not "missing".
        amount_typed = data.get("amount") is not None or "amount" in self.errors
        if amount_typed and not data.get("category") and "category" not in self.errors:
            self.add_error("category", _("Välj kostnadsslag för raden."))
        if data.get("category") and not amount_typed:
            self.add_error("amount", _("Ange radens belopp."))
        return data


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=2, max_num=30, absolute_max=30)


def budget_lines_from(formset, stored: list[BudgetLine] | None = None) -> list[BudgetLineInput]:
    """The budget as posted, row by row. A row that has an error keeps what was stored in
    its place (if anything), so a typing mistake never erases a saved row; an empty row is
    dropped. A formset that cannot be read at all (no management form) keeps the stored
    budget as it is."""
    stored = list(stored or [])
    kept = [_line_input(line) for line in stored]
    if formset.non_form_errors() and not formset.forms:
        return kept
    lines = []
    for index, form in enumerate(formset.forms):
        if form.errors:
            if index < len(kept):
                lines.append(kept[index])
            continue
        data = getattr(form, "cleaned_data", {})
        if data.get("category") and data.get("amount") is not None:
            lines.append(
                BudgetLineInput(
                    category=data["category"],
                    amount=data["amount"],
                    description=data.get("description", ""),
                )
            )
    return lines


def _line_input(line: BudgetLine) -> BudgetLineInput:
    return BudgetLineInput(category=line.category, amount=line.amount, description=line.description)


@dataclass(frozen=True)
class SummaryEntry:
    """One error in the error summary: a field's label, its messages and where to go."""

    label: str
    errors: list
    id_for_label: str


class ErrorSummary:
    """Every error of a form and of its formsets (budget rows), in the shape the site's
    includes/form_errors.html reads a form: .errors, .non_field_errors, and fields with
    .label, .errors and .id_for_label. A group of radio buttons or checkboxes links to its
    first choice (Django gives such a group no id of its own)."""

    def __init__(
        self,
        form,
        formsets: Sequence[tuple[object, object]] = (),
        extra_forms: Sequence["ErrorSummary"] = (),
    ):
        """`formsets`: (formset, function from a row's number to its name) pairs;
        `extra_forms`: other summaries whose errors follow this one's."""
        self.form = form
        self.formsets = formsets
        self.extra_forms = extra_forms

    def non_field_errors(self) -> list:
        errors = list(self.form.non_field_errors())
        for formset, _row_label in self.formsets:
            errors += list(formset.non_form_errors())
        for other in self.extra_forms:
            errors += other.non_field_errors()
        return errors

    def __iter__(self):
        for field in self.form:
            yield _entry(field, field.label)
        for formset, row_label in self.formsets:
            for number, row in enumerate(formset.forms, start=1):
                for error in row.non_field_errors():
                    yield SummaryEntry(str(row_label(number)), [error], "")
                for field in row:
                    yield _entry(field, f"{row_label(number)}, {field.label}")
        for other in self.extra_forms:
            yield from other

    @property
    def errors(self) -> bool:
        return bool(self.non_field_errors()) or any(entry.errors for entry in self)


def _entry(field, label) -> SummaryEntry:
    target = field.id_for_label or (f"{field.auto_id}_0" if field.auto_id else "")
    return SummaryEntry(str(label), list(field.errors), target)


KIND_CHOICES = [("", _("Välj typ av bilaga")), *AttachmentKind.choices]


class AttachmentForm(SiteForm):
    kind = forms.ChoiceField(
        label=_("Vad är det för bilaga?"),
        choices=KIND_CHOICES,
        error_messages={"required": _("Välj vad det är för bilaga.")},
    )
    file = forms.FileField(
        label=_("Fil"),
        help_text=format_lazy(_("Tillåtna filtyper: {types}."), types=allowed_extensions()),
        error_messages={
            "required": _("Välj en fil."),
            "empty": _("Filen är tom."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update(file_input_attrs())


class CompletionAnswerForm(SiteForm):
    answer = forms.CharField(label=_("Ditt svar"), widget=TEXTAREA, max_length=10_000)
    kind = forms.ChoiceField(
        label=_("Vad är det för bilaga?"), choices=KIND_CHOICES, required=False
    )
    file = forms.FileField(label=_("Bifoga en fil (frivilligt)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update(file_input_attrs())


class WithdrawForm(SiteForm):
    confirm = forms.BooleanField(
        label=_("Ja, jag vill ta tillbaka ansökan. Den kan inte skickas in igen."),
        error_messages={"required": _("Kryssa i rutan för att ta tillbaka ansökan.")},
    )
    reason = forms.CharField(
        label=_("Varför? (frivilligt)"), required=False, max_length=2000, widget=TEXTAREA
    )


class PaymentRequestForm(SiteForm):
    amount = amount_field(_("Belopp att betala ut (kr)"))
    costs_reported = amount_field(
        _("Redovisade kostnader hittills (kr)"),
        help_text=_("Summan av de stödberättigande kostnader ni haft, enligt bokföringen."),
    )


class FinalReportForm(SiteForm):
    summary = forms.CharField(label=_("Vad har projektet gjort och uppnått?"), widget=TEXTAREA)
    jobs_created = forms.DecimalField(
        label=_("Nya arbetstillfällen (årsarbeten)"),
        min_value=0,
        max_digits=6,
        decimal_places=1,
        localize=True,
        error_messages={"invalid": _("Skriv ett tal, till exempel 1,5.")},
    )
    turnover_change = forms.DecimalField(
        label=_("Förändrad årsomsättning (kr)"),
        max_digits=14,
        decimal_places=0,
        localize=True,
        help_text=_("Jämfört med året före projektet. Kan vara negativ."),
        error_messages={"invalid": _("Skriv beloppet i hela kronor, till exempel 400000.")},
    )
    environmental_results = forms.CharField(label=_("Miljöresultat"), widget=TEXTAREA)
    co2_reduction_tonnes = forms.DecimalField(
        label=_("Minskade utsläpp (ton koldioxidekvivalenter per år)"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=1,
        localize=True,
        error_messages={"invalid": _("Skriv ett tal, till exempel 12,5.")},
    )


class OfficerContactForm(SiteModelForm):
    """In the case officer's account settings in the admin: what applicants may see."""

    class Meta:
        model = OfficerContact
        fields = ["phone", "email"]
        help_texts = {
            "phone": _("Visas för sökande vars ärenden du handlägger. Lämna tomt om du inte vill."),
            "email": _("Till exempel din e-postadress i jobbet. Lämna tomt om du inte vill."),
        }

    def __init__(self, *args, user, **kwargs):
        self.user = user
        kwargs["instance"] = OfficerContact.objects.filter(user=user).first()
        super().__init__(*args, **kwargs)

    def save(self, commit: bool = True):
        from ..services import officer_contact_save

        return officer_contact_save(
            user=self.user,
            phone=self.cleaned_data.get("phone", ""),
            email=self.cleaned_data.get("email", ""),
        )
