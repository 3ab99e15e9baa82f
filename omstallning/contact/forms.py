"""Input parsing for the contact form, the subscription form and the admin's status change.

Spam is kept out without any third-party service: a field that people never see (a bot that
fills in every field fills it in too), a signed time stamp from when the form was shown (a
person takes more than a few seconds), and a limit per client address (in the views).
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import ContactMessage, Topic
from .selectors import Recipient

STAMP_SALT = "omstallning.contact.form-shown"
STAMP_MAX_AGE = 24 * 60 * 60
HONEYPOT = "kontrollfalt"


def new_stamp() -> str:
    return signing.dumps(int(time.time()), salt=STAMP_SALT)


class SpamGuardForm(forms.Form):
    """A form with the hidden time stamp and the field for bots only."""

    shown = forms.CharField(widget=forms.HiddenInput, required=False)
    # Rendered by the template in a box hidden from people and assistive technology.
    kontrollfalt = forms.CharField(
        label=_("Lämna det här fältet tomt"), required=False, max_length=200
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["shown"] = new_stamp()
        self.fields[HONEYPOT].widget.attrs.update(tabindex="-1", autocomplete="off")

    @property
    def filled_by_a_bot(self) -> bool:
        return bool(self.is_bound and self.data.get(self.add_prefix(HONEYPOT), "").strip())

    def person_fields(self):
        """The fields people fill in, for the template's loop."""
        return [field for field in self.visible_fields() if field.name != HONEYPOT]

    def _fresh_stamp(self) -> None:
        self.data = self.data.copy()
        self.data[self.add_prefix("shown")] = new_stamp()

    def _post_clean(self):
        # After every other check, so that one refusal lists all that needs fixing.
        super()._post_clean()
        error = self._stamp_error()
        if error is not None:
            self.add_error(None, error)

    def _stamp_error(self) -> forms.ValidationError | None:
        try:
            shown = signing.loads(
                self.data.get(self.add_prefix("shown"), ""), salt=STAMP_SALT, max_age=STAMP_MAX_AGE
            )
        except signing.SignatureExpired:
            self._fresh_stamp()
            return forms.ValidationError(
                _(
                    "Formuläret har varit öppet länge. Kontrollera att allt stämmer och "
                    "skicka igen."
                ),
                code="stale",
            )
        except signing.BadSignature:
            self._fresh_stamp()
            return forms.ValidationError(
                _("Formuläret kunde inte kontrolleras. Skicka igen."), code="tampered"
            )
        if not isinstance(shown, int) or time.time() - shown < settings.CONTACT_FORM_MIN_SECONDS:
            # The stamp stays: waiting a moment and sending again is enough.
            return forms.ValidationError(
                _(
                    "Formuläret skickades väldigt snabbt, så vi kunde inte se att det var en "
                    "människa. Vänta några sekunder och skicka igen. Det du har skrivit finns kvar."
                ),
                code="too_fast",
            )
        return None


class ContactForm(SpamGuardForm):
    recipient = forms.ChoiceField(label=_("Till"))
    name = forms.CharField(label=_("Namn"), max_length=200)
    email = forms.EmailField(label=_("E-post"), max_length=254, help_text=_("Hit kommer svaret."))
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    topic = forms.ChoiceField(
        label=_("Vad gäller det?"), choices=[("", _("Välj ämne")), *Topic.choices]
    )
    body = forms.CharField(
        label=_("Meddelande"),
        max_length=ContactMessage._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    field_order = ["recipient", "name", "email", "organisation", "topic", "body"]

    def __init__(self, *args, recipients: list[Recipient], **kwargs):
        super().__init__(*args, **kwargs)
        self.recipients = {recipient.choice: recipient for recipient in recipients}
        self.fields["recipient"].choices = [
            (recipient.choice, _recipient_label(recipient)) for recipient in recipients
        ]
        self.fields["recipient"].error_messages["invalid_choice"] = _("Välj en mottagare i listan.")
        self.fields["topic"].error_messages.update(
            required=_("Välj vad ditt meddelande gäller."),
            invalid_choice=_("Välj vad ditt meddelande gäller."),
        )
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    @property
    def chosen_recipient(self) -> Recipient:
        return self.recipients[self.cleaned_data["recipient"]]


def offered_recipients(platform, named: str = "") -> list[Recipient]:
    """Whom the form offers, with the one a link or a posted form names even if it is a card
    in another language."""
    recipients = selectors.recipients(platform)
    chosen = selectors.recipient_for(named, platform)
    if chosen is not None and chosen.choice not in {r.choice for r in recipients}:
        recipients.append(chosen)
    return recipients


def contact_form_for(request, platform, *, recipient: str = "") -> ContactForm:
    """An empty form as a page shows it: to whom ?till= names (else `recipient`), about what
    ?amne= names."""
    named = request.GET.get("till", "") or recipient
    recipients = offered_recipients(platform, named)
    chosen = selectors.recipient_for(named, platform)
    topic = request.GET.get("amne", "")
    return ContactForm(
        recipients=recipients,
        initial={
            "recipient": chosen.choice if chosen is not None else recipients[0].choice,
            "topic": topic if topic in Topic.values else "",
        },
    )


def _recipient_label(recipient: Recipient) -> str:
    if recipient.person is not None:
        return f"{recipient.person.name}, {recipient.person.role}"
    return recipient.name


class SubscriptionForm(SpamGuardForm):
    prefix = "prenumeration"

    meetings = forms.BooleanField(label=_("Nya träffar i Träffpunkt hållbarhet"), required=False)
    news = forms.BooleanField(label=_("Nyheter från projektet"), required=False)
    email = forms.EmailField(label=_("E-post"), max_length=254)

    field_order = ["meetings", "news", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("meetings") and not cleaned.get("news"):
            self.add_error("meetings", _("Välj minst en sak du vill ha e-post om."))
        return cleaned


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Ny status"),
        choices=ContactMessage.Status.choices,
        error_messages={"invalid_choice": _("Välj en status i listan.")},
    )


class PersonDataForm(forms.Form):
    epost = forms.EmailField(label=_("E-postadress"))
