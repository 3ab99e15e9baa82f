"""Input for the de minimis aid a company notes: one grant for its register, or, without an
account, the sum it has received, kept for the visit only."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _


class DeMinimisAidForm(forms.Form):
    granted_on = forms.DateField(
        label=_("Beviljat"),
        help_text=_("Dagen då stödet beviljades, till exempel 2025-03-14."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Skriv när stödet beviljades."),
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD."),
        },
    )
    amount_eur = forms.DecimalField(
        label=_("Belopp i euro"),
        help_text=_("Stödets värde i euro, som det står i beslutet."),
        min_value=Decimal("0.01"),
        max_digits=12,
        decimal_places=2,
        localize=True,
        error_messages={
            "required": _("Skriv beloppet i euro."),
            "invalid": _("Skriv beloppet med siffror, till exempel 25000."),
            "min_value": _("Beloppet måste vara större än noll."),
        },
    )
    grantor = forms.CharField(
        label=_("Vem gav stödet?"),
        max_length=200,
        error_messages={"required": _("Skriv vem som gav stödet.")},
    )
    description = forms.CharField(
        label=_("Vad gällde stödet? (frivilligt)"), max_length=300, required=False
    )


class DeMinimisSumForm(forms.Form):
    received_eur = forms.DecimalField(
        label=_("Stöd av mindre betydelse de senaste tre åren, i euro"),
        help_text=_("Summan av allt sådant stöd företaget har fått. Skriv 0 om inget."),
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        localize=True,
        error_messages={
            "required": _("Skriv summan i euro, eller 0."),
            "invalid": _("Skriv summan med siffror, till exempel 25000."),
            "min_value": _("Summan kan inte vara mindre än noll."),
        },
    )
