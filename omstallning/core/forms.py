"""Input parsing for the core's admin views."""

from django import forms
from django.utils.translation import gettext_lazy as _


class UndeliveredEmailActionForm(forms.Form):
    RESEND = "resend"
    RESEND_ALL = "resend_all"
    DISCARD = "discard"

    action = forms.ChoiceField(
        choices=[
            (RESEND, _("Skicka igen")),
            (RESEND_ALL, _("Skicka igen alla")),
            (DISCARD, _("Ta bort")),
        ]
    )
    message = forms.UUIDField(required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("action") in (self.RESEND, self.DISCARD) and not cleaned.get("message"):
            raise forms.ValidationError(_("Välj ett meddelande."))
        return cleaned
