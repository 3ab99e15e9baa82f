from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omstallning.core.forms import ModelChoiceField

from .models import InitiativeStatus, Strategy


class StatusReportForm(forms.Form):
    reported_on = forms.DateField(
        label=_("Datum"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Dagen läget gäller: i dag eller tidigare."),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The browser's date picker offers no day after today; the service refuses one too.
        self.fields["reported_on"].widget.attrs["max"] = timezone.localdate().isoformat()

    status = forms.ChoiceField(label=_("Status"), choices=InitiativeStatus.choices)
    progress = forms.IntegerField(label=_("Genomfört (%)"), min_value=0, max_value=100)
    comment = forms.CharField(
        label=_("Kommentar"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Vad har hänt sedan förra rapporten, och vad är nästa steg?"),
    )


class AdoptForm(forms.Form):
    adopted_on = forms.DateField(
        label=_("Antagen den"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    adopted_by = forms.CharField(
        label=_("Antagen av"),
        max_length=200,
        help_text=_("Till exempel regionala utvecklingsnämnden."),
    )


class IndicatorImportForm(forms.Form):
    MAX_BYTES = 2_000_000

    strategy = ModelChoiceField(label=_("Strategi"), queryset=Strategy.objects.all())
    file = forms.FileField(
        label=_("CSV-fil"),
        help_text=_(
            "Kolumner: mål, indikator, år, värde och (frivilligt) kommentar. Komma eller "
            "semikolon; UTF-8. Högst 2 MB."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("Filen är större än 2 MB."))
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Välj en CSV-fil (.csv)."))
        return upload
