"""The statistics filter: one rule for the public page, its downloads and the API."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from omstallning.core.forms import SiteForm
from omstallning.core.models import Municipality
from omstallning.core.sni import SECTIONS

from ..models import Programme
from ..statistics import StatisticsFilter

# Decisions before the platform's reference data begin, or far ahead, are typing mistakes.
FIRST_YEAR, LAST_YEAR = 1990, 2100


class StatisticsFilterForm(SiteForm):
    year_from = forms.IntegerField(
        label=gettext_lazy("Från år"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
    )
    year_to = forms.IntegerField(
        label=gettext_lazy("Till år"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
    )
    programme = forms.ChoiceField(label=gettext_lazy("Program"), required=False)
    municipality = forms.ChoiceField(label=gettext_lazy("Kommun"), required=False)
    sector = forms.ChoiceField(label=gettext_lazy("Bransch"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("Alla"))]
        self.fields["programme"].choices = everything + list(
            Programme.objects.values_list("code", "name")
        )
        self.fields["municipality"].choices = everything + list(
            Municipality.objects.values_list("code", "name")
        )
        self.fields["sector"].choices = everything + [
            (code, f"{code} {name}") for code, name in SECTIONS.items()
        ]

    @classmethod
    def from_query(cls, query: Mapping[str, Any]) -> "StatisticsFilterForm":
        """The form over a query string or the API's parsed query; unbound when nothing is
        asked for, so the unfiltered figures need no validation."""
        given = {key: value for key, value in query.items() if value not in (None, "")}
        return cls(given or None)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("year_from"), data.get("year_to")
        if start and end and end < start:
            raise forms.ValidationError(_("Till år kan inte vara före från år."))
        return data

    def filters(self) -> StatisticsFilter:
        """What to count; call only when the form is unbound or valid."""
        if not self.is_bound:
            return StatisticsFilter()
        if not self.is_valid():
            raise ValueError("An invalid statistics filter has no figures.")
        data = self.cleaned_data
        return StatisticsFilter(
            year_from=data["year_from"],
            year_to=data["year_to"],
            programme=data["programme"],
            municipality=data["municipality"],
            sector=data["sector"],
        )

    def refusal(self) -> str:
        """Why the filter cannot be used, every error in one line: the downloads' and the
        API's answer (the page shows the errors at their fields)."""
        errors = " ".join(error for errors in self.errors.values() for error in errors)
        return _("Filtret går inte att använda: %(errors)s") % {"errors": errors}
