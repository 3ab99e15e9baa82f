"""The public proposal forms: plain text in, page fields out."""

from django import forms
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from omstallning.core.forms import ModelMultipleChoiceField
from omstallning.core.models import Municipality, SdgGoal

from .models import Audience, GoodExamplePage, KnowledgeItemPage, KnowledgeTheme, ToolPage

TEXTAREA = forms.Textarea(attrs={"rows": 5})


def _choices(queryset, label, help_text=""):
    return ModelMultipleChoiceField(
        queryset=queryset,
        required=False,
        label=label,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
    )


class ProposalForm(forms.Form):
    """What every proposal has. Subclasses add the fields of their kind of item."""

    page_class: type[KnowledgeItemPage]
    # Fields kept as rich text on the page; the proposer writes plain paragraphs.
    rich_text_fields: tuple[str, ...] = ()

    title = forms.CharField(label=_("Rubrik"), max_length=200)
    intro = forms.CharField(
        label=_("Sammanfattning"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Två eller tre meningar. Visas i listan och överst på sidan."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"] = _choices(KnowledgeTheme.objects.all(), _("Teman"))
        self.fields["sdg_goals"] = _choices(
            SdgGoal.objects.order_by("number"),
            _("Globala mål"),
            _("De mål i Agenda 2030 som exemplet eller verktyget bidrar till."),
        )
        self.fields["municipalities"] = _choices(
            Municipality.objects.order_by("name"), _("Kommuner")
        )
        self.fields["audiences"] = _choices(Audience.objects.all(), _("För vem"))
        self.fields["licence_consent"] = forms.BooleanField(
            label=_(
                "Jag har rätt att dela texten och godkänner att den publiceras under "
                "licensen CC BY 4.0, så att andra får använda den om de anger källan."
            ),
            error_messages={"required": _("Kryssa i rutan för att kunna skicka förslaget.")},
        )

    RELATIONS = ("themes", "sdg_goals", "municipalities", "audiences")

    def page_fields(self) -> dict:
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in self.fields
            if name not in self.RELATIONS and name != "licence_consent"
        }
        for name in self.rich_text_fields:
            fields[name] = linebreaks_filter(fields[name], autoescape=True) if fields[name] else ""
        fields["licence"] = KnowledgeItemPage.Licence.CC_BY
        return fields

    def relations(self) -> dict:
        return {name: list(self.cleaned_data[name]) for name in self.RELATIONS}

    @classmethod
    def initial_from(cls, page: KnowledgeItemPage) -> dict:
        """A draft's current content, with its rich text back as plain paragraphs."""
        initial = {"licence_consent": True}
        for name in cls.base_fields:
            value = getattr(page, name, "")
            if name in cls.rich_text_fields:
                value = strip_tags(value.replace("</p>", "\n\n").replace("<br>", "\n")).strip()
            initial[name] = value
        for name in cls.RELATIONS:
            initial[name] = list(getattr(page, name).all())
        return initial


class GoodExampleProposalForm(ProposalForm):
    page_class = GoodExamplePage
    rich_text_fields = ("challenge", "what_they_did", "results", "lessons")

    organisation_name = forms.CharField(label=_("Företag eller organisation"), max_length=200)
    sector_note = forms.CharField(
        label=_("Verksamhet"),
        max_length=200,
        required=False,
        help_text=_("Till exempel gjuteri, lantbruk eller butik."),
    )
    challenge = forms.CharField(label=_("Utmaningen"), widget=TEXTAREA, max_length=4000)
    what_they_did = forms.CharField(label=_("Det här gjorde de"), widget=TEXTAREA, max_length=4000)
    results = forms.CharField(
        label=_("Resultat"),
        widget=TEXTAREA,
        max_length=4000,
        required=False,
        help_text=_("Gärna med siffror: minskade utsläpp, sparade kronor, nya jobb."),
    )
    lessons = forms.CharField(label=_("Lärdomar"), widget=TEXTAREA, max_length=4000, required=False)


class ToolProposalForm(ProposalForm):
    page_class = ToolPage
    rich_text_fields = ("what_it_does",)

    what_it_does = forms.CharField(
        label=_("Det här gör verktyget"), widget=TEXTAREA, max_length=4000
    )
    for_whom = forms.CharField(label=_("För vem"), max_length=300, required=False)
    time_to_use = forms.CharField(
        label=_("Tid att använda"),
        max_length=100,
        required=False,
        help_text=_("Till exempel en halvdag."),
    )
    cost = forms.CharField(
        label=_("Kostnad"), max_length=100, required=False, help_text=_("Till exempel gratis.")
    )
    link = forms.URLField(
        label=_("Länk"),
        required=False,
        assume_scheme="https",
        help_text=_("Var verktyget finns, om det finns på webben."),
    )


PROPOSAL_FORMS: dict[str, type[ProposalForm]] = {
    "exempel": GoodExampleProposalForm,
    "verktyg": ToolProposalForm,
}
