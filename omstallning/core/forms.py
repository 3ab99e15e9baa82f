"""The site's form base, and input parsing for the core's admin views."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SiteForm(forms.Form):
    """A form as the site shows it: the label is a question or a noun, with no colon after it
    (Swedish and English punctuation differ, and a screen reader reads the colon aloud)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SiteModelForm(forms.ModelForm):
    """SiteForm's labels for a form over a model."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


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
