"""The authenticator app's code is typed as text, not as a number.

django-two-factor-auth's setup form takes the code as an IntegerField, which browsers draw as
a number field with spinner arrows (and which a screen reader announces as a number). The
code stays a whole number for the library's check; only the field is a text field with a
numeric keyboard, like the login step's.
"""

from django import forms
from two_factor.forms import TOTPDeviceForm
from two_factor.plugins.registry import GeneratorMethod, registry


class SetupCodeForm(TOTPDeviceForm):
    # The wizard passes what the signature names, so it is spelt out as the library's.
    def __init__(self, key, user, metadata=None, **kwargs) -> None:
        super().__init__(key, user, metadata, **kwargs)
        field = self.fields["token"]
        field.widget = forms.TextInput(
            attrs={
                "autofocus": "autofocus",
                "inputmode": "numeric",
                "pattern": "[0-9]*",
                "autocomplete": "one-time-code",
                "maxlength": str(len(str(field.max_value))),
            }
        )


class AppCodeMethod(GeneratorMethod):
    def get_setup_forms(self, *args) -> dict[str, type[forms.Form]]:
        return {"generator": SetupCodeForm}


def register() -> None:
    """Put the app method with the text field in the place of the library's own."""
    registry.unregister(GeneratorMethod.code)
    registry.register(AppCodeMethod())
