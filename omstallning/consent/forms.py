from django import forms
from django.utils.translation import gettext_lazy as _


class ConsentForm(forms.Form):
    CHOICES = [
        ("all", _("Godkänn alla")),
        ("necessary", _("Endast nödvändiga")),
        ("custom", _("Spara mina val")),
    ]

    choice = forms.ChoiceField(choices=CHOICES)
    statistics = forms.BooleanField(required=False, label=_("Statistik"))
    third_party = forms.BooleanField(required=False, label=_("Tredjepartstjänster"))

    def decision(self) -> tuple[str, bool, bool]:
        """The recorded action and the two optional categories the visitor chose."""
        choice = self.cleaned_data["choice"]
        if choice == "all":
            return "accept_all", True, True
        if choice == "necessary":
            return "necessary_only", False, False
        return "custom", self.cleaned_data["statistics"], self.cleaned_data["third_party"]
