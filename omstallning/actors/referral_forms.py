"""Input from companies and actors in the finder: the request to be contacted on an offer's
page, the rating behind the signed link, the actor's answers in the admin, and a search saved
for e-mail."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from omstallning.contact.forms import SpamGuardForm
from omstallning.core.models import Municipality
from omstallning.core.models.region import phone_validator
from omstallning.core.organisation_numbers import normalise_organisation_number

from .models import Actor, Referral

NEED_MAX = Referral._meta.get_field("need").max_length
NOTE_MAX = 2000


def consent_sentence(actor: Actor) -> str:
    """The sentence the company agrees to, in the language it reads; kept with the case."""
    return gettext(
        "Jag samtycker till att uppgifterna ovan skickas till %(actor)s, som får använda dem "
        "för att kontakta mig om det här ärendet. Jag kan ta tillbaka samtycket när som "
        "helst med länken i mejlet, och då tas uppgifterna bort."
    ) % {"actor": actor.name}


class ReferralForm(SpamGuardForm):
    need = forms.CharField(
        label=_("Vad behöver du hjälp med?"),
        help_text=_("Några meningar om företaget och vad du vill ha hjälp med."),
        max_length=NEED_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    company_name = forms.CharField(label=_("Företagets namn"), max_length=200)
    organisation_number = forms.CharField(
        label=_("Organisationsnummer (frivilligt)"),
        help_text=_("Tio siffror, till exempel 556677-8899."),
        max_length=13,
        required=False,
    )
    municipality = forms.ModelChoiceField(
        label=_("Kommun där företaget finns (frivilligt)"),
        queryset=Municipality.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("Välj kommun"),
    )
    contact_name = forms.CharField(label=_("Ditt namn"), max_length=200)
    email = forms.EmailField(
        label=_("E-post"), max_length=254, help_text=_("Hit skickar vi länken till ärendet.")
    )
    phone = forms.CharField(
        label=_("Telefon (frivilligt)"),
        max_length=25,
        required=False,
        validators=[phone_validator],
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Kryssa i att du samtycker, annars kan vi inte skicka.")}
    )
    answers = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)

    field_order = [
        "need",
        "company_name",
        "organisation_number",
        "municipality",
        "contact_name",
        "email",
        "phone",
        "consent",
    ]

    def __init__(self, *args, actor: Actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["consent"].label = consent_sentence(actor)
        self.fields["need"].error_messages["required"] = _("Skriv vad du behöver hjälp med.")
        self.fields["company_name"].error_messages["required"] = _("Skriv företagets namn.")
        self.fields["contact_name"].error_messages["required"] = _("Skriv ditt namn.")
        self.fields["email"].error_messages["required"] = _("Skriv din e-postadress.")
        self.fields["municipality"].error_messages["invalid_choice"] = _("Välj en kommun i listan.")
        for name, autocomplete in (
            ("company_name", "organization"),
            ("contact_name", "name"),
            ("email", "email"),
            ("phone", "tel"),
        ):
            self.fields[name].widget.attrs["autocomplete"] = autocomplete

    def clean_organisation_number(self) -> str:
        number = self.cleaned_data["organisation_number"]
        return normalise_organisation_number(number) if number else ""


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Hur nöjd är du med hjälpen?"),
        choices=[
            (5, _("5 – mycket nöjd")),
            (4, _("4 – nöjd")),
            (3, _("3 – varken eller")),
            (2, _("2 – missnöjd")),
            (1, _("1 – mycket missnöjd")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj ett betyg.")},
    )
    comment = forms.CharField(
        label=_("Vill du berätta mer? (frivilligt)"),
        help_text=_("Aktören och regionen läser det. Skriv inga personuppgifter."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def _note(label, *, required: bool = False, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=NOTE_MAX,
        required=required,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AcceptForm(forms.Form):
    note = _note(_("Anteckning till företaget (frivilligt)"), help_text=_("Företaget ser den."))


class PassOnForm(forms.Form):
    to_actor = forms.ModelChoiceField(
        label=_("Lämna vidare till"),
        queryset=Actor.objects.none(),
        empty_label=_("Välj aktör"),
        error_messages={
            "required": _("Välj aktören som ska få ärendet."),
            "invalid_choice": _("Välj en aktör i listan."),
        },
    )
    note = _note(
        _("Varför passar ärendet den aktören?"),
        required=True,
        help_text=_("Den nya aktören och företaget ser anteckningen."),
    )

    def __init__(self, *args, referral: Referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_actor"].queryset = Actor.objects.approved().exclude(pk=referral.actor_id)
        self.fields["note"].error_messages["required"] = _(
            "Skriv en rad till den nya aktören om varför ärendet passar den."
        )


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Skäl"),
        choices=[("", _("Välj skäl")), *Referral.DeclineReason.choices],
        error_messages={
            "required": _("Välj ett skäl i listan."),
            "invalid_choice": _("Välj ett skäl i listan."),
        },
    )
    note = _note(
        _("Förklaring till företaget"), help_text=_("Krävs vid ”Annat skäl”. Företaget ser den.")
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Hur slutade ärendet?"),
        choices=[("", _("Välj utfall")), *Referral.Outcome.choices],
        error_messages={
            "required": _("Välj hur ärendet slutade."),
            "invalid_choice": _("Välj hur ärendet slutade."),
        },
    )
    note = _note(_("Anteckning till företaget (frivilligt)"), help_text=_("Företaget ser den."))


class SavedSearchForm(SpamGuardForm):
    email = forms.EmailField(
        label=_("E-post"),
        max_length=254,
        help_text=_("Hit skickar vi nya erbjudanden som passar. Du kan avsluta när du vill."),
        error_messages={"required": _("Skriv din e-postadress.")},
    )
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=1000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
