"""Träffpunkt hållbarhet: the landing page with its meetings, and one page per meeting."""

import re

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from omstallning.core.models.pages import BasePage
from omstallning.core.translation import in_active_language

from ..blocks import DocumentationBlock


class EventTheme(models.Model):
    name_sv = models.CharField(_("namn på svenska"), max_length=100, unique=True)
    name_en = models.CharField(_("namn på engelska"), max_length=100, blank=True)
    slug = models.SlugField(_("kortnamn"), max_length=60, unique=True)

    panels = [FieldPanel("name_sv"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        ordering = ["name_sv"]
        verbose_name = _("tema för träffar")
        verbose_name_plural = _("teman för träffar")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_active_language(self.name_sv, self.name_en)


class EventIndexPage(RoutablePageMixin, BasePage):
    """'Träffpunkt hållbarhet': upcoming meetings and documentation from past ones."""

    template = "events/event_index_page.html"
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("Träffpunkt hållbarhet (startsida)")

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        from .. import selectors

        form, events = self._filtered_events(request)
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "upcoming": selectors.upcoming(events),
                "past": selectors.past(events),
                "filter_query": request.GET.urlencode(),
            },
        )

    @path("kalender/")
    def calendar(self, request: HttpRequest) -> HttpResponse:
        """The upcoming meetings the listing's filters choose, as a calendar feed."""
        from .. import selectors
        from ..calendar import calendar_bytes, calendar_response

        _form, events = self._filtered_events(request)
        content = calendar_bytes(
            selectors.upcoming(events), settings.WAGTAILADMIN_BASE_URL, name=self.title
        )
        return calendar_response(content, self.slug)

    def _filtered_events(self, request: HttpRequest):
        from .. import selectors
        from ..forms import EventFilterForm

        form = EventFilterForm(
            request.GET,
            themes=selectors.themes_in_use(self),
            municipalities=selectors.municipalities_in_use(self),
            formats=EventPage.Format.choices,
        )
        filters = form.cleaned_data if form.is_valid() else {}
        events = selectors.events_under(
            self,
            theme=filters.get("tema", ""),
            municipality=filters.get("kommun", ""),
            format=filters.get("form", ""),
        )
        return form, events


class EventPage(RoutablePageMixin, BasePage):
    class Format(models.TextChoices):
        ON_SITE = "on_site", _("På plats")
        ONLINE = "online", _("Digitalt")
        HYBRID = "hybrid", _("På plats och digitalt")

    theme = models.ForeignKey(
        EventTheme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("tema"),
    )
    sdg_goals = ParentalManyToManyField(
        "core.SdgGoal", blank=True, related_name="+", verbose_name=_("globala mål")
    )
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    format = models.CharField(
        _("mötesform"), max_length=10, choices=Format.choices, default=Format.ON_SITE
    )
    venue = models.CharField(_("lokal"), max_length=200, blank=True)
    address = models.CharField(_("adress"), max_length=300, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kommun"),
    )
    online_link = models.URLField(
        _("länk till mötet"),
        blank=True,
        help_text=_("Visas bara för anmälda deltagare, i bekräftelsen och på deras anmälan."),
    )
    organisers = ParentalManyToManyField(
        "core.Organisation", blank=True, related_name="+", verbose_name=_("arrangörer")
    )
    target_group = models.CharField(_("målgrupp"), max_length=300, blank=True)
    agenda = RichTextField(_("program"), blank=True, features=["bold", "italic", "ol", "ul"])
    accessibility_info = models.TextField(
        _("tillgänglighet"),
        blank=True,
        help_text=_("Till exempel hiss, hörslinga, tolk, hur man hittar."),
    )
    capacity = models.PositiveIntegerField(
        _("antal platser"), null=True, blank=True, help_text=_("Tomt betyder obegränsat.")
    )
    registration_opens_at = models.DateTimeField(_("anmälan öppnar"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("sista anmälningsdag"), null=True, blank=True)
    contact = models.ForeignKey(
        "core.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kontaktperson"),
    )
    documentation = StreamField(
        DocumentationBlock(), blank=True, verbose_name=_("dokumentation från träffen")
    )
    cancelled_at = models.DateTimeField(_("inställd"), null=True, blank=True, editable=False)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("address")]),
                FieldPanel("municipality"),
                FieldPanel("online_link"),
                FieldPanel("accessibility_info"),
            ],
            heading=_("När och var"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldPanel("sdg_goals"),
                FieldPanel("target_group"),
                FieldPanel("organisers"),
                FieldPanel("contact"),
                FieldPanel("agenda"),
            ],
            heading=_("Innehåll"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
            ],
            heading=_("Anmälan"),
        ),
        FieldPanel("documentation"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("agenda"),
        index.SearchField("target_group"),
        index.SearchField("venue"),
        index.SearchField("address"),
        index.RelatedFields("theme", [index.SearchField("name_sv"), index.SearchField("name_en")]),
        index.RelatedFields("municipality", [index.SearchField("name")]),
        index.RelatedFields("contact", [index.SearchField("name"), index.SearchField("role")]),
        index.RelatedFields("organisers", [index.SearchField("name")]),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    template = "events/event_page.html"
    search_label = _("Träff")

    class Meta:
        verbose_name = _("träff")
        verbose_name_plural = _("träffar")

    @path("")
    def details(self, request: HttpRequest) -> HttpResponse:
        """The meeting with its registration form; a registration goes to the person's own
        page behind its signed link."""
        from .. import selectors, services
        from ..forms import RegistrationForm
        from ..links import registration_manage_path

        form = RegistrationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                registration = services.registration_create(event=self, details=form.details())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if registration.status == registration.Status.CONFIRMED:
                    messages.success(
                        request, gettext("Du är anmäld. Vi har skickat en bekräftelse.")
                    )
                else:
                    messages.info(
                        request,
                        gettext("Träffen är full. Du står på väntelistan och får besked per mejl."),
                    )
                return redirect(registration_manage_path(registration))
        response = self.render(
            request,
            context_overrides={
                "form": form,
                "registration_state": self.registration_state(),
                "places_left": selectors.places_left(self),
            },
        )
        if form.errors:
            response.status_code = 400
        return response

    @path("kalender/")
    def calendar(self, request: HttpRequest) -> HttpResponse:
        from ..calendar import calendar_bytes, calendar_response

        content = calendar_bytes([self], settings.WAGTAILADMIN_BASE_URL, name=self.title)
        return calendar_response(content, self.slug)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Träffen måste sluta efter att den börjar.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Anmälan måste stänga efter att den öppnar.")
        if self.format in (self.Format.ON_SITE, self.Format.HYBRID) and not self.address:
            errors["address"] = _("Ange en adress för en träff på plats.")
        if self.format in (self.Format.ONLINE, self.Format.HYBRID) and not self.online_link:
            errors["online_link"] = _("Ange länken till en digital träff.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def places_left(self) -> int | None:
        """Places still free, or None when the meeting has no limit. Uses the count that a
        listing annotates (`confirmed_count`), so that cards cost no query each."""
        if self.capacity is None:
            return None
        confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.registrations.filter(status="confirmed").count()
        return max(self.capacity - confirmed, 0)

    @property
    def offers_calendar(self) -> bool:
        """A calendar entry is for a meeting still to come that takes place."""
        return not self.is_past and not self.is_cancelled

    @property
    def municipality_not_in_address(self) -> str:
        """The municipality's name, unless the venue or address already names it (as in
        "Stora gatan 1, Västerås"): then it would only repeat the town."""
        if self.municipality is None:
            return ""
        name = self.municipality.name
        place = f"{self.venue} {self.address}"
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", place, flags=re.IGNORECASE):
            return ""
        return name

    def registration_state(self, now=None) -> str:
        """'open', 'not_yet', 'closed', 'past' or 'cancelled'."""
        now = now or timezone.now()
        if self.is_cancelled:
            return "cancelled"
        if self.starts_at <= now:
            return "past"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if self.registration_closes_at and now >= self.registration_closes_at:
            return "closed"
        return "open"
