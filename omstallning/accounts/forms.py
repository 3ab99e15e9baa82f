"""Every form of accounts: signing up, logging in with the e-mail address, one's own name,
address and organisations, and closing the account."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from omstallning.core.forms import SiteForm
from omstallning.core.organisation_numbers import normalise_organisation_number

from .models import SelfServiceAccount
from .services import SignUpDetails


class EmailOrUsernameAuthenticationForm(AuthenticationForm):
    """Django's login form, asking for the e-mail address (staff may use their user name)."""

    # `request` by name: django-two-factor-auth passes it only to a form that asks for it.
    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-postadress")
        self.fields["username"].help_text = _("Personal kan också logga in med användarnamnet.")
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.error_messages["invalid_login"] = _(
            "E-postadressen och lösenordet stämmer inte. Tänk på att lösenordet skiljer på stora "
            "och små bokstäver."
        )
        self.error_messages["inactive"] = _(
            "Kontot är inte öppnat än. Följ länken i mejlet vi skickade när du skapade kontot."
        )


class OrganisationFields(SiteForm):
    organisation_name = forms.CharField(
        label=_("Organisationens namn"), max_length=200, required=False
    )
    organisation_number = forms.CharField(
        label=_("Organisationsnummer"),
        max_length=13,
        required=False,
        help_text=_("10 siffror: NNNNNN-NNNN. Finns på allabolag.se eller verksamt.se."),
    )
    organisation_required = False

    def clean_organisation_number(self) -> str:
        number = self.cleaned_data["organisation_number"].strip()
        return normalise_organisation_number(number) if number else ""

    def clean(self):
        cleaned = super().clean()
        name, number = cleaned.get("organisation_name", ""), cleaned.get("organisation_number")
        if number is None:  # already refused above
            return cleaned
        if number and not name.strip():
            self.add_error("organisation_name", _("Skriv organisationens namn."))
        elif name.strip() and not number:
            self.add_error("organisation_number", _("Skriv organisationsnumret."))
        elif self.organisation_required and not number:
            self.add_error("organisation_name", _("Skriv organisationens namn."))
            self.add_error("organisation_number", _("Skriv organisationsnumret."))
        return cleaned


class SignUpForm(OrganisationFields):
    kind = forms.ChoiceField(
        label=_("Jag är"),
        choices=SelfServiceAccount.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj om du är företagare eller företräder en aktör.")},
    )
    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)
    email = forms.EmailField(
        label=_("E-postadress"),
        help_text=_("Hit skickar vi en länk som öppnar kontot. Du loggar in med adressen."),
    )
    password1 = forms.CharField(
        label=_("Lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minst 12 tecken. Inte ett vanligt lösenord och inte likt ditt namn."),
    )
    password2 = forms.CharField(
        label=_("Lösenordet en gång till"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    terms = forms.BooleanField(
        label=_("Jag har läst hur plattformen behandlar mina personuppgifter."),
        error_messages={"required": _("Kryssa i att du har läst hur personuppgifterna behandlas.")},
    )
    # Left empty by people; filled by robots that fill every field.
    website = forms.CharField(required=False, label=_("Lämna tomt"))

    field_order = [
        "kind",
        "first_name",
        "last_name",
        "email",
        "password1",
        "password2",
        "organisation_name",
        "organisation_number",
        "terms",
        "website",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_name"].help_text = _(
            "Frivilligt. Finns organisationen redan här får en av dess medlemmar bekräfta att "
            "du hör till den."
        )
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Lösenorden är inte likadana."))
        elif first:
            candidate = get_user_model()(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def details(self) -> SignUpDetails:
        data = self.cleaned_data
        return SignUpDetails(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            password=data["password1"],
            kind=data["kind"],
            organisation_name=data.get("organisation_name", ""),
            organisation_number=data.get("organisation_number", ""),
        )


class OrganisationForm(OrganisationFields):
    organisation_required = True


class ProfileForm(SiteForm):
    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)


class EmailChangeForm(SiteForm):
    email = forms.EmailField(
        label=_("Ny e-postadress"),
        help_text=_("Vi skickar en länk dit. Adressen byts när du har följt den."),
    )
    password = forms.CharField(
        label=_("Ditt lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class InviteForm(SiteForm):
    email = forms.EmailField(label=_("Kollegans e-postadress"))


class CloseAccountForm(SiteForm):
    password = forms.CharField(
        label=_("Ditt lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    understood = forms.BooleanField(
        label=_("Jag förstår att kontot inte går att få tillbaka."),
        error_messages={"required": _("Kryssa i att du förstår att kontot tas bort för gott.")},
    )
