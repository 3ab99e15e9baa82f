"""The finder's address as a form: the answers to its questions and the list's filters. A
value that names nothing (an old or hand-made address) is dropped, never an error page."""

from dataclasses import dataclass

from django import forms
from django.http import QueryDict

from omstallning.core.forms import SiteForm

from .eligibility import ANY, QUESTIONS, Answers
from .facets import FACETS


@dataclass(frozen=True)
class AnsweredQuestion:
    param: str
    question: str
    answer: str
    change_query: str


class FinderForm(SiteForm):
    def __init__(self, data=None) -> None:
        super().__init__()
        for question in QUESTIONS:
            choices = [*question.choices(), (ANY, str(question.any_label))]
            field_class = forms.MultipleChoiceField if question.multiple else forms.ChoiceField
            self.fields[question.param] = field_class(
                label=question.text,
                help_text=question.hint,
                choices=choices,
                required=False,
                widget=forms.CheckboxSelectMultiple if question.multiple else forms.RadioSelect,
            )
        for facet in FACETS:
            self.fields[facet.param] = forms.MultipleChoiceField(
                label=facet.label, choices=facet.choices(), required=False
            )
        if data is not None:
            self.is_bound = True
            self.data = self._known(data)

    def _known(self, data: QueryDict) -> QueryDict:
        known = QueryDict(mutable=True)
        for param, field in self.fields.items():
            allowed = {str(value) for value, _label in field.choices}
            values = list(dict.fromkeys(v for v in data.getlist(param) if v in allowed))
            if values:
                known.setlist(param, values if field.widget.allow_multiple_selected else values[:1])
        return known

    def _valid(self, param: str) -> list[str]:
        return self.data.getlist(param) if self.is_bound else []

    def answers(self) -> Answers:
        """The questions answered, with ANY for one answered "vet inte"."""
        return {q.param: self._valid(q.param) for q in QUESTIONS if self._valid(q.param)}

    def summary(self) -> list[AnsweredQuestion]:
        """The answers as the person gave them, each with the address that asks it again."""
        answers = self.answers()
        summary = []
        for question in QUESTIONS:
            if question.param not in answers:
                continue
            labels = dict(self.fields[question.param].choices)
            without = self.data.copy()
            without.pop(question.param)
            summary.append(
                AnsweredQuestion(
                    param=question.param,
                    question=str(question.text),
                    answer=", ".join(str(labels[value]) for value in answers[question.param]),
                    change_query=without.urlencode(),
                )
            )
        return summary

    def carried(self, *, except_param: str = "") -> list[tuple[str, str]]:
        """The answers as hidden fields of the next question's form."""
        return [
            (param, value)
            for param, values in self.answers().items()
            if param != except_param
            for value in values
        ]

    def search_query(self) -> str:
        """The answers and the list's filters, as a query string: a search to save."""
        query = QueryDict(mutable=True)
        for param, values in {**self.answers(), **self.chosen()}.items():
            query.setlist(param, values)
        return query.urlencode()

    def answers_query(self) -> str:
        """The answers alone, as a query string: for links that keep them (to an offer, back
        to the questions) but not the list's own filters or page."""
        query = QueryDict(mutable=True)
        for param, values in self.answers().items():
            query.setlist(param, values)
        return query.urlencode()

    def chosen(self) -> dict[str, list[str]]:
        """The list's filters chosen, per facet."""
        return {facet.param: self._valid(facet.param) for facet in FACETS}

    def facet_choices(self) -> dict[str, list[tuple[str, str]]]:
        """The filters' values and labels, as read for this form (not to be read again)."""
        return {facet.param: list(self.fields[facet.param].choices) for facet in FACETS}
