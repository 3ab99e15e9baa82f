"""The form for answering an assessment: one group of fields per criterion."""

from collections.abc import Iterator
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from omstallning.core.forms import SiteForm

from .impact import Relevance
from .models import Answer, Assessment, Criterion
from .services import AnswerInput


@dataclass
class CriterionFields:
    criterion: Criterion
    fields: list[forms.BoundField]


class AssessmentAnswersForm(SiteForm):
    """Field names are `<key>-option`, `-relevance`, `-conditions`, `-motivation`, `-action`."""

    def __init__(self, *args, assessment: Assessment, criteria: list[Criterion], **kwargs):
        self.assessment = assessment
        self.criteria = criteria
        answers = {answer.criterion_id: answer for answer in assessment.answers.all()}
        kwargs.setdefault("initial", {})
        for criterion in criteria:
            kwargs["initial"].update(self._initial(criterion, answers.get(criterion.pk)))
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            self._add_fields(criterion)

    @staticmethod
    def _initial(criterion: Criterion, answer: Answer | None) -> dict:
        if answer is None:
            return {}
        return {
            f"{criterion.key}-option": answer.option_id,
            f"{criterion.key}-relevance": answer.relevance,
            f"{criterion.key}-conditions": [c.pk for c in answer.conditions_met.all()],
            f"{criterion.key}-motivation": answer.motivation,
            f"{criterion.key}-action": answer.action,
        }

    def _add_fields(self, criterion: Criterion) -> None:
        key = criterion.key
        if criterion.asks_relevance:
            self.fields[f"{key}-relevance"] = forms.ChoiceField(
                label=_("Relevans"),
                choices=Relevance.choices,
                widget=forms.RadioSelect,
                required=False,
            )
        conditions = list(criterion.conditions.all())
        if conditions:
            self.fields[f"{key}-conditions"] = forms.TypedMultipleChoiceField(
                label=_("Uppfyllda villkor"),
                choices=[(c.pk, c.text) for c in conditions],
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        else:
            self.fields[f"{key}-option"] = forms.TypedChoiceField(
                label=_("Bedömning"),
                choices=[(o.pk, o.label) for o in criterion.options.all()],
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
                required=False,
            )
        self.fields[f"{key}-motivation"] = forms.CharField(
            label=_("Motivering"),
            widget=forms.Textarea(attrs={"rows": 2}),
            required=False,
            max_length=5000,
        )
        if criterion.asks_action:
            self.fields[f"{key}-action"] = forms.CharField(
                label=_("Föreslagen åtgärd"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=5000,
            )

    def groups(self) -> Iterator[CriterionFields]:
        for criterion in self.criteria:
            names = [name for name in self.fields if name.startswith(f"{criterion.key}-")]
            yield CriterionFields(criterion, [self[name] for name in names])

    def entries(self) -> list[AnswerInput]:
        """The answers that were filled in or changed, for the service."""
        entries = []
        for criterion in self.criteria:
            key = criterion.key
            touched = any(
                name in self.changed_data for name in self.fields if name.startswith(f"{key}-")
            )
            if not touched:
                continue
            options = {option.pk: option for option in criterion.options.all()}
            conditions = {c.pk: c for c in criterion.conditions.all()}
            data = self.cleaned_data
            entries.append(
                AnswerInput(
                    criterion=criterion,
                    option=options.get(data.get(f"{key}-option")),
                    relevance=data.get(f"{key}-relevance") or "",
                    conditions_met=[conditions[pk] for pk in data.get(f"{key}-conditions", [])],
                    motivation=data.get(f"{key}-motivation", ""),
                    action=data.get(f"{key}-action", ""),
                )
            )
        return entries
