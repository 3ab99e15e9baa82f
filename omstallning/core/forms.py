"""The site's form base, and input parsing for the core's admin views."""

from django import forms
from django.utils.translation import gettext_lazy as _

# The largest key a database column for an id holds (a 64-bit signed integer).
LARGEST_KEY = 2**63 - 1


def _beyond_any_key(value) -> bool:
    try:
        number = int(str(value).strip())  # as Django's id field would read it
    except ValueError:
        return False
    return abs(number) > LARGEST_KEY


class ModelChoiceField(forms.ModelChoiceField):
    """Django's, but a number too large for any id is "not one of the choices" rather than an
    error from the database (SQLite cannot even bind it)."""

    def to_python(self, value):
        if value not in self.empty_values and _beyond_any_key(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, with the same guard as ModelChoiceField for each value."""

    def clean(self, value):
        for each in value if isinstance(value, (list, tuple)) else ():
            if _beyond_any_key(each):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": each},
                )
        return super().clean(value)


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
