"""The decision letter (beslutsbrev) as a PDF, drawn from the decision as stored."""

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from omstallning.core.models import Region
from omstallning.core.pdf import PlatformPdf, kr
from omstallning.core.translation import supported_language

from .models import Decision, Outcome


def decision_letter_pdf(decision: Decision) -> bytes:
    """The letter in the language the applicant applied in (the site's first for a decision
    imported without an application), whoever downloads it."""
    application = decision.application
    language = application.language if application is not None else settings.LANGUAGE_CODE
    with translation.override(supported_language(language)):
        return _letter(decision)


def _letter(decision: Decision) -> bytes:
    region = Region.objects.order_by("pk").first()
    sender = region.name if region else _("Regionen")
    pdf = PlatformPdf(_("Beslut %(case)s") % {"case": decision.case_id})
    pdf.add_page()
    _letterhead(pdf, decision, sender)
    pdf.heading(_("Beslut"), size=13)
    _outcome(pdf, decision, sender)
    if decision.motivation:
        pdf.heading(_("Motivering"), size=13)
        pdf.paragraph(decision.motivation)
    if decision.conditions:
        pdf.heading(_("Villkor"), size=13)
        pdf.paragraph(decision.conditions)
    if decision.outcome == Outcome.GRANTED:
        pdf.heading(_("Utbetalning och uppföljning"), size=13)
        pdf.paragraph(
            _(
                "Begär utbetalning på plattformen under Mina ansökningar när kostnaderna har "
                "uppstått och är betalda. Lämna en slutrapport med resultaten när projektet är "
                "klart: nya arbetstillfällen, förändrad omsättning och miljöresultat."
            )
        )
    pdf.heading(_("Beslutsfattare"), size=13)
    pdf.paragraph(decision.decided_by_name or "–")
    pdf.ln(2)
    pdf.set_font("DejaVu", size=8)
    pdf.paragraph(
        _(
            "Har du frågor om beslutet? Kontakta regionen och ange diarienumret. Beslutet är "
            "fattat med stöd av regionens delegationsordning."
        )
    )
    return bytes(pdf.output())


def _letterhead(pdf: PlatformPdf, decision: Decision, sender: str) -> None:
    """Sender, case number and date on the right; the recipient; what the case is."""
    application = decision.application
    pdf.set_font("DejaVu", size=9)
    pdf.multi_cell(
        0,
        5,
        "\n".join(
            [
                sender,
                _("Diarienummer: %(case)s") % {"case": decision.case_id},
                _("Datum: %(date)s") % {"date": date_format(decision.decided_on, "j F Y")},
            ]
        ),
        new_x="LMARGIN",
        new_y="NEXT",
        align="R",
    )
    pdf.ln(6)
    if application is not None:
        organisation = application.organisation
        pdf.paragraph(
            f"{organisation.name}\n{_('Organisationsnummer')} {organisation.organisation_number}"
        )
    pdf.heading(_("Beslut om stöd"), size=18)
    if application is not None:
        pdf.paragraph(
            _("Ärende: %(title)s, inom %(programme)s.")
            % {"title": application.title, "programme": decision.programme.name}
        )


def _outcome(pdf: PlatformPdf, decision: Decision, sender: str) -> None:
    if decision.outcome != Outcome.GRANTED:
        pdf.paragraph(_("%(region)s avslår ansökan.") % {"region": sender})
        return
    pdf.paragraph(
        _("%(region)s beviljar stöd med högst %(amount)s till projektet.")
        % {"region": sender, "amount": kr(decision.amount_granted)}
    )
    pdf.paragraph(
        _("Sökt belopp: %(applied)s. Beviljat belopp: %(granted)s.")
        % {"applied": kr(decision.amount_applied), "granted": kr(decision.amount_granted)}
    )
    if decision.programme.de_minimis:
        pdf.paragraph(
            _(
                "Stödet lämnas som stöd av mindre betydelse (de minimis) enligt "
                "kommissionens förordning (EU) 2023/2831. Spara det här beslutet: det "
                "behövs när ni söker annat stöd de närmaste tre åren."
            )
        )
