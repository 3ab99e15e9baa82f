from dataclasses import dataclass

import pytest

from omstallning.core.tests.factories import MunicipalityFactory
from omstallning.events.models import EventPage

from .factories import EventPageFactory, EventThemeFactory

Format = EventPage.Format


@dataclass(frozen=True)
class Programme:
    """Six meetings of Träffpunkt hållbarhet, three to come and three held."""

    circular: EventPage  # to come; circular economy, in Västerås, on site
    energy: EventPage  # to come; energy and climate, in Köping, on site and online
    breakfast: EventPage  # to come; skills supply, online, in no municipality
    equality: EventPage  # held, documented; gender equality, in Västerås, on site
    solar: EventPage  # held, documented; energy and climate, in Sala, on site
    textiles: EventPage  # held, no documentation; circular economy, in Västerås, both

    @property
    def upcoming(self) -> list[EventPage]:
        return [self.circular, self.energy, self.breakfast]

    @property
    def past(self) -> list[EventPage]:
        return [self.equality, self.solar, self.textiles]


@pytest.fixture
def programme(site) -> Programme:
    """Meetings with different themes, places and formats, some to come and some held."""
    circular = EventThemeFactory(name_sv="Cirkulär ekonomi", slug="cirkular-ekonomi")
    energy = EventThemeFactory(name_sv="Energi och klimat", slug="energi-och-klimat")
    skills = EventThemeFactory(name_sv="Kompetensförsörjning", slug="kompetensforsorjning")
    equality = EventThemeFactory(
        name_sv="Jämställdhet och mångfald", slug="jamstalldhet-och-mangfald"
    )
    vasteras = MunicipalityFactory(name="Västerås", code="1980")
    koping = MunicipalityFactory(name="Köping", code="1983")
    sala = MunicipalityFactory(name="Sala", code="1981")

    return Programme(
        circular=EventPageFactory(
            title="Cirkulära affärsmodeller i tillverkningsindustrin",
            days_from_now=21,
            theme=circular,
            municipality=vasteras,
            capacity=40,
        ),
        energy=EventPageFactory(
            title="Energieffektivisering för små företag",
            days_from_now=42,
            theme=energy,
            format=Format.HYBRID,
            venue="Kulturhuset",
            address="Torget 2, Köping",
            municipality=koping,
            capacity=3,
        ),
        breakfast=EventPageFactory(
            title="Frukostmöte: kompetensförsörjning i omställningen",
            days_from_now=70,
            theme=skills,
            format=Format.ONLINE,
            capacity=None,
        ),
        equality=EventPageFactory(
            title="Jämställt företagsfrämjande",
            days_from_now=-35,
            theme=equality,
            municipality=vasteras,
            documented=True,
        ),
        solar=EventPageFactory(
            title="Solel och lagring på landsbygden",
            days_from_now=-98,
            theme=energy,
            venue="Sala Sparbank Arena",
            address="Idrottsvägen 1, Sala",
            municipality=sala,
            documented=True,
        ),
        textiles=EventPageFactory(
            title="Textil och plast i kretslopp",
            days_from_now=-160,
            theme=circular,
            format=Format.HYBRID,
            municipality=vasteras,
        ),
    )
