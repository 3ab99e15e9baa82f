"""One small form per step on the case page. Each parses its step's fields and hands the
service its arguments; the services decide whether the step may be taken. `CASE_STEPS` ties
every posted action to its form and its service."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from omstallning.core.forms import ModelChoiceField, SiteForm
from omstallning.core.typing import Account

from .. import selectors, services
from ..models import Application, Outcome, Payment
from .applicant import amount_field

YES_NO = [("yes", _("Ja")), ("no", _("Nej"))]
REASON = forms.Textarea(attrs={"rows": 3})


def _yes(value: str) -> bool:
    return value == "yes"


class CaseStepForm(SiteForm):
    """A step taken on one case by one person. `action` is what the page posts; the fields'
    ids start with it, as several steps have a motivation. `arguments()` are the service's
    keywords."""

    action = ""

    def __init__(self, *args, application: Application, user: Account, **kwargs) -> None:
        self.application = application
        self.user = user
        kwargs.setdefault("auto_id", f"{self.action}-%s")
        super().__init__(*args, **kwargs)

    def is_for(self, **_extra) -> bool:
        """Whether this posted form is the one the page shows at that place."""
        return True

    def arguments(self) -> dict:
        return {"application": self.application, "user": self.user}

    def next_url(self, result) -> str | None:
        """Where the person goes after the step; None is back to the case."""
        return None


class DeclareForm(CaseStepForm):
    action = "declare"

    has_conflict = forms.TypedChoiceField(
        label=_("Är du jävig i det här ärendet?"),
        choices=[("no", _("Nej, jag är inte jävig")), ("yes", _("Ja, jag är jävig"))],
        coerce=_yes,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Svara på om du är jävig."),
            "invalid_choice": _("Svara på om du är jävig."),
        },
    )
    comment = forms.CharField(
        label=_("Kommentar (frivillig)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def arguments(self) -> dict:
        return {**super().arguments(), **self.cleaned_data}


class AssignMeForm(CaseStepForm):
    action = "assign_me"

    def arguments(self) -> dict:
        return {**super().arguments(), "officer": self.user}


class AssignForm(CaseStepForm):
    action = "assign"

    officer = ModelChoiceField(
        label=_("Tilldela ärendet till"),
        queryset=None,
        empty_label=_("Välj handläggare"),
        error_messages={
            "required": _("Välj en handläggare."),
            "invalid_choice": _("Välj en handläggare."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["officer"]
        field.queryset = selectors.officers_for(self.application)
        field.label_from_instance = lambda user: user.get_full_name() or user.get_username()
        field.initial = self.application.assigned_officer_id

    def arguments(self) -> dict:
        return {**super().arguments(), "officer": self.cleaned_data["officer"]}


class StartReviewForm(CaseStepForm):
    action = "start_review"


class _ReasonForm(CaseStepForm):
    """A step with a motivation. Whether one is required is the workflow's rule, checked by
    the service with the step's own message."""

    reason = forms.CharField(label=_("Motivering"), required=False, max_length=5000, widget=REASON)
    reason_label = _("Motivering")
    # The service's keyword for the text: each service names it for what it is.
    reason_argument = "motivation"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = self.reason_label

    def arguments(self) -> dict:
        return {**super().arguments(), self.reason_argument: self.cleaned_data["reason"]}


class RequestCompletionForm(_ReasonForm):
    action = "request_completion"
    reason_label = _("Vad ska kompletteras?")
    reason_argument = "message"


class RecommendForm(_ReasonForm):
    action = "recommend"

    outcome = forms.ChoiceField(
        label=_("Förslag"),
        choices=[(Outcome.GRANTED, _("Bevilja")), (Outcome.REJECTED, _("Avslå"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Välj bevilja eller avslå."),
            "invalid_choice": _("Välj bevilja eller avslå."),
        },
    )
    amount = amount_field(_("Belopp (kr)"), required=False)

    field_order = ["outcome", "amount", "reason"]

    def arguments(self) -> dict:
        data = self.cleaned_data
        return {
            **super().arguments(),
            "outcome": data["outcome"],
            "amount": data["amount"],
        }


class ReturnForReviewForm(_ReasonForm):
    action = "return_for_review"
    reason_argument = "reason"


class _DecisionForm(_ReasonForm):
    confirm = forms.BooleanField(
        label=_("Jag har granskat ärendet och fattar beslutet."),
        error_messages={"required": _("Kryssa i att du har granskat ärendet och fattar beslutet.")},
    )
    outcome = ""

    def arguments(self) -> dict:
        return {
            **super().arguments(),
            "outcome": self.outcome,
        }


class GrantForm(_DecisionForm):
    action = "grant"

    amount = amount_field(_("Belopp (kr)"), required=False)
    conditions = forms.CharField(label=_("Villkor"), required=False, max_length=5000, widget=REASON)
    outcome = Outcome.GRANTED

    field_order = ["amount", "conditions", "reason", "confirm"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].initial = self.application.recommended_amount

    def arguments(self) -> dict:
        data = self.cleaned_data
        return {**super().arguments(), "amount": data["amount"], "conditions": data["conditions"]}


class RejectForm(_DecisionForm):
    action = "reject"

    outcome = Outcome.REJECTED


class CloseForm(_ReasonForm):
    action = "close"
    reason_label = _("Kommentar (frivillig)")
    reason_argument = "comment"


class AssessForm(CaseStepForm):
    action = "assess"

    framework = ModelChoiceField(
        label=_("Bedöm hållbarheten med"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": _("Välj ett ramverk."),
            "invalid_choice": _("Välj ett ramverk."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = self.application.call.officer_frameworks.all()

    def arguments(self) -> dict:
        return {**super().arguments(), "framework": self.cleaned_data["framework"]}

    def next_url(self, result) -> str:
        return reverse("assessment_admin:edit", args=[result.pk])


SCORE_ERRORS = {
    "invalid": _("Poängen ska vara ett heltal 0–5."),
    "min_value": _("Poängen ska vara ett heltal 0–5."),
    "max_value": _("Poängen ska vara ett heltal 0–5."),
}


class ScoresForm(CaseStepForm):
    """A score 0–5 with a motivation for every selection criterion; an empty score is left
    as it was."""

    action = "scores"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rows = selectors.criteria_rows(self.application, self.user)
        for row in self.rows:
            pk = row.criterion.pk
            self.fields[f"score-{pk}"] = forms.IntegerField(
                label=_("Poäng för %(name)s") % {"name": row.criterion.name},
                required=False,
                min_value=0,
                max_value=5,
                error_messages=SCORE_ERRORS,
                initial=row.mine.score if row.mine else None,
            )
            self.fields[f"motivation-{pk}"] = forms.CharField(
                label=_("Motivering för %(name)s") % {"name": row.criterion.name},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=row.mine.motivation if row.mine else "",
            )

    def table(self) -> list[tuple]:
        """Each criterion's row with its two fields, for the table the page shows."""
        return [
            (row, self[f"score-{row.criterion.pk}"], self[f"motivation-{row.criterion.pk}"])
            for row in self.rows
        ]

    def arguments(self) -> dict:
        data = self.cleaned_data
        scores = {
            row.criterion.pk: (
                data[f"score-{row.criterion.pk}"],
                data[f"motivation-{row.criterion.pk}"],
            )
            for row in self.rows
            if data.get(f"score-{row.criterion.pk}") is not None
        }
        return {**super().arguments(), "scores": scores}


class PaymentForm(CaseStepForm):
    """One requested payment: paid out (with the amount) or refused."""

    action = "register_payment"

    payment = ModelChoiceField(
        queryset=None,
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Utbetalningen finns inte längre."),
            "invalid_choice": _("Utbetalningen är redan hanterad."),
        },
    )
    paid = forms.TypedChoiceField(label=_("Betala ut"), choices=YES_NO, coerce=_yes)
    amount = amount_field(_("Belopp (kr)"), required=False)
    reason = forms.CharField(label=_("Kommentar"), required=False, max_length=2000)

    def __init__(self, *args, payment: Payment | None = None, **kwargs) -> None:
        if payment is not None:
            kwargs.setdefault(
                "initial", {"payment": payment.pk, "amount": payment.amount_requested}
            )
            kwargs.setdefault("auto_id", f"payment-{payment.pk}-%s")
        super().__init__(*args, **kwargs)
        self.fields["payment"].queryset = self.application.payments.filter(
            status=Payment.Status.REQUESTED
        )

    def is_for(self, *, payment: Payment, **_extra) -> bool:
        return str(self["payment"].value()) == str(payment.pk)

    def arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "payment": data["payment"],
            "user": self.user,
            "paid": data["paid"],
            "amount": data["amount"],
            "comment": data["reason"],
        }


@dataclass(frozen=True)
class CaseStep:
    form: type[CaseStepForm]
    service: Callable


CASE_STEPS: dict[str, CaseStep] = {
    step.form.action: step
    for step in (
        CaseStep(DeclareForm, services.conflict_declare),
        CaseStep(AssignMeForm, services.case_assign),
        CaseStep(AssignForm, services.case_assign),
        CaseStep(StartReviewForm, services.review_start),
        CaseStep(RequestCompletionForm, services.completion_request),
        CaseStep(AssessForm, services.officer_assessment_start),
        CaseStep(ScoresForm, services.criterion_scores_save),
        CaseStep(RecommendForm, services.case_recommend),
        CaseStep(ReturnForReviewForm, services.case_return_for_review),
        CaseStep(GrantForm, services.case_decide),
        CaseStep(RejectForm, services.case_decide),
        CaseStep(PaymentForm, services.payment_register),
        CaseStep(CloseForm, services.case_close),
    )
}
