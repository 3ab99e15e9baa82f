from django import forms
from django.utils.translation import gettext_lazy as _

from omstallning.core.forms import ModelChoiceField
from omstallning.core.models import Municipality

from .models import Feedback
from .services import RegistrationDetails


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Namn"), max_length=200)
    email = forms.EmailField(
        label=_("E-post"),
        help_text=_("Hit skickar vi bekräftelsen och länken där du kan ändra din anmälan."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    municipality = ModelChoiceField(
        label=_("Kommun"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label=_("Välj kommun (frivilligt)"),
    )
    food_needs = forms.CharField(
        label=_("Specialkost"),
        max_length=300,
        required=False,
        help_text=_("Till exempel vegetariskt eller allergier."),
    )
    accessibility_needs = forms.CharField(
        label=_("Behov av anpassning"),
        max_length=300,
        required=False,
        help_text=_("Till exempel hörslinga, teckenspråkstolk eller tillgänglig parkering."),
    )

    def details(self) -> RegistrationDetails:
        data = self.cleaned_data
        return RegistrationDetails(
            name=data["name"],
            email=data.get("email", ""),
            organisation=data["organisation"],
            municipality=data["municipality"],
            food_needs=data["food_needs"],
            accessibility_needs=data["accessibility_needs"],
        )


class RegistrationChangeForm(RegistrationForm):
    """The same, without the e-mail address: that is the person's key and stays."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["email"]


class EventFilterForm(forms.Form):
    """Filters for the listing; the choices are what the meetings actually have."""

    def __init__(self, *args, themes=(), municipalities=(), formats=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tema"] = forms.ChoiceField(
            label=_("Tema"),
            required=False,
            choices=[("", _("Alla teman")), *[(t.slug, t.name) for t in themes]],
        )
        self.fields["kommun"] = forms.ChoiceField(
            label=_("Kommun"),
            required=False,
            choices=[("", _("Alla kommuner")), *[(m.code, m.name) for m in municipalities]],
        )
        self.fields["form"] = forms.ChoiceField(
            label=_("Mötesform"), required=False, choices=[("", _("Alla mötesformer")), *formats]
        )


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Hur var träffen som helhet?"),
        choices=Feedback.Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    useful = forms.CharField(
        label=_("Vad var bra eller användbart?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    improve = forms.CharField(
        label=_("Vad kan bli bättre?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
