"""A content page with the contact form on it (Kontakt, Samverkan), and optionally the form
for e-mail about new meetings and news."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from omstallning.core.models.pages import BasePage


class ContactPage(BasePage):
    recipient = models.ForeignKey(
        "core.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("förvald mottagare"),
        help_text=_(
            "Den som formuläret skriver till om besökaren inte väljer någon annan. "
            "Tomt betyder plattformens allmänna kontaktadress."
        ),
    )
    form_heading = models.CharField(
        _("rubrik över formuläret"), max_length=100, blank=True, default=""
    )
    show_subscription = models.BooleanField(
        _("visa prenumeration"),
        default=False,
        help_text=_("Visa formuläret för e-post om nya träffar och nyheter på sidan."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("recipient"), FieldPanel("form_heading"), FieldPanel("show_subscription")],
            heading=_("Kontaktformulär"),
        ),
    ]
    subpage_types: list[str] = []
    template = "contact/contact_page.html"

    class Meta:
        verbose_name = _("sida med kontaktformulär")
        verbose_name_plural = _("sidor med kontaktformulär")
