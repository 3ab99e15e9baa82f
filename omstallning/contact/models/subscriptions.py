"""E-mail about new meetings and news, to people who asked and confirmed (double opt-in).

Personal data: only the address, the choices and the language. A request never confirmed is
removed SUBSCRIPTION_UNCONFIRMED_DAYS after it was made; ending a subscription removes it at
once.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    email = models.EmailField(_("e-post"), unique=True)
    language = models.CharField(_("språk"), max_length=8, default="sv")
    meetings = models.BooleanField(_("nya träffar"), default=False)
    news = models.BooleanField(_("nyheter"), default=False)
    # What the latest request asked for; it takes effect when its link is followed.
    wants_meetings = models.BooleanField(_("vill ha nya träffar"), default=False)
    wants_news = models.BooleanField(_("vill ha nyheter"), default=False)
    # Only the hash of the confirmation link's token is kept.
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirm_expires_at = models.DateTimeField(_("länken gäller till"), null=True, blank=True)
    requested_at = models.DateTimeField(_("senast begärd"), db_index=True)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("prenumerant")
        verbose_name_plural = _("prenumeranter")

    def __str__(self) -> str:
        # The label of log entries, which outlive the subscription: no address here.
        return _("Prenumeration %(number)s") % {"number": self.pk}

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Announcement(models.Model):
    """A page (a meeting, a news item) announced to the subscribers: one per page and all its
    translations, made when it is first published, so that nobody gets it twice."""

    class Topic(models.TextChoices):
        MEETINGS = "traffar", _("Nya träffar")
        NEWS = "nyheter", _("Nyheter")

    translation_key = models.UUIDField(unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    topic = models.CharField(_("ämne"), max_length=10, choices=Topic.choices)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("utskick")
        verbose_name_plural = _("utskick")

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.page_id}"


class AnnouncementDelivery(models.Model):
    """One subscriber's mail about one announcement; taken before the mail is sent, so that a
    task run again sends nobody a second one. Removed with the subscription."""

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["announcement", "subscription"], name="one_mail_per_subscriber"
            )
        ]

    def __str__(self) -> str:
        return f"{self.announcement_id} → {self.subscription_id}"
