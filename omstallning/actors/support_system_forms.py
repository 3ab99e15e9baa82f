"""The filters of the region's view of the support system: a theme, and the municipality or
stage the other map is narrowed to. Unknown values are dropped, never an error."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .eligibility import term_choices


def _with_all(choices, label) -> list[tuple[str, str]]:
    return [("", label), *choices()]


class SupportSystemFilterForm(forms.Form):
    tema = forms.ChoiceField(label=_("Tema"), required=False)
    kommun = forms.ChoiceField(label=_("Skeden i kommunen"), required=False)
    skede = forms.ChoiceField(label=_("Kommuner för skedet"), required=False)

    def __init__(self, data=None) -> None:
        super().__init__(data)
        self.fields["tema"].choices = _with_all(
            term_choices("knowledge.KnowledgeTheme"), _("Alla teman")
        )
        self.fields["kommun"].choices = _with_all(
            term_choices("core.Municipality", key="code"), _("Hela länet")
        )
        self.fields["skede"].choices = _with_all(
            term_choices("actors.CompanyStage"), _("Alla skeden")
        )

    def filters(self) -> dict[str, str]:
        valid = {}
        for name, key in (("tema", "theme"), ("kommun", "municipality"), ("skede", "stage")):
            value = self.data.get(name, "")
            if value in dict(self.fields[name].choices):
                valid[key] = value
        return valid
