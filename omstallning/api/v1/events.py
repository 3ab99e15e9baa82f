"""Registration for a meeting from other sites: the same rules as the form on the page."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router, Schema, Status
from ninja.errors import ValidationError as InvalidInput
from ninja.throttling import AnonRateThrottle
from pydantic import Field

from omstallning.core.models import Municipality
from omstallning.core.rate_limits import client_address, within_limit
from omstallning.events import selectors, services
from omstallning.events.models import EventPage, Registration
from omstallning.events.services import RegistrationDetails

from ..schemas import INVALID, NOT_FOUND, ErrorOut
from ..types import Email, PathId, Text

router = Router(tags=[gettext_lazy("Träffar")])


class RegistrationIn(Schema):
    name: Text = Field(min_length=1, max_length=200)
    email: Email
    organisation: Text = Field("", max_length=200)
    municipality_code: str = Field(
        "",
        pattern=r"^([0-9]{4})?$",
        description=gettext_lazy("Kommunkod för en av regionens kommuner"),
    )
    food_needs: Text = Field("", max_length=300)
    accessibility_needs: Text = Field("", max_length=300)


class RegistrationOut(Schema):
    status: str
    waiting_position: int | None
    message: str


class RegistrationRateThrottle(AnonRateThrottle):
    """Per client address, counted the same in every web process (core.rate_limits); the
    rate comes from settings, so that a deployment or a load test can change it."""

    def __init__(self) -> None:
        super().__init__(settings.EVENT_REGISTRATION_API_RATE)

    def allow_request(self, request) -> bool:
        self.num_requests, self.duration = self.parse_rate(settings.EVENT_REGISTRATION_API_RATE)
        return within_limit(
            "api-registration",
            client_address(request),
            limit=self.num_requests,
            seconds=self.duration,
        )

    def wait(self) -> float:
        return self.duration


@router.post(
    "/events/{event_id}/registrations",
    response={
        201: RegistrationOut,
        400: ErrorOut,
        409: ErrorOut,
        429: ErrorOut,
        **NOT_FOUND,
        **INVALID,
    },
    throttle=[RegistrationRateThrottle()],
    summary=gettext_lazy("Anmäl en person till en träff"),
    description=gettext_lazy(
        "Samma regler som formuläret på träffens sida: platserna räcker aldrig till fler än "
        "antalet, sedan väntelista; en e-postadress en gång per träff; bara när anmälan är "
        "öppen. Personen får bekräftelsen per e-post med en länk för att ändra eller avanmäla. "
        "409 när anmälan inte är öppen eller adressen redan är anmäld; 422 vid ogiltiga "
        "uppgifter, även en okänd kommunkod; 400 när kroppen inte är JSON. Begränsat antal "
        "anrop per minut och adress (429)."
    ),
)
def create_registration(request, event_id: PathId, payload: RegistrationIn):
    event = get_object_or_404(EventPage.objects.live().public(), pk=event_id)
    municipality = None
    if payload.municipality_code:
        municipality = Municipality.objects.filter(code=payload.municipality_code).first()
        if municipality is None:
            raise InvalidInput(
                [
                    {
                        "type": "value_error",
                        "loc": ["body", "payload", "municipality_code"],
                        "msg": _("Okänd kommunkod."),
                    }
                ]
            )
    try:
        registration = services.registration_create(
            event=event,
            details=RegistrationDetails(
                name=payload.name,
                email=payload.email,
                organisation=payload.organisation,
                municipality=municipality,
                food_needs=payload.food_needs,
                accessibility_needs=payload.accessibility_needs,
            ),
        )
    except ValidationError as error:
        return Status(409, {"detail": " ".join(error.messages)})
    confirmed = registration.status == Registration.Status.CONFIRMED
    return Status(
        201,
        {
            "status": registration.status,
            "waiting_position": selectors.waiting_position(registration),
            "message": _("Anmäld. Bekräftelse skickas per e-post.")
            if confirmed
            else _("Träffen är full: placerad på väntelistan. Besked skickas per e-post."),
        },
    )
