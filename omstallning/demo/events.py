"""Demo meetings for Träffpunkt hållbarhet: three coming, three held with documentation.

Example data, marked as such; dates are relative to the day the demo is loaded.
"""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from omstallning.core.models import ContactPerson, Municipality, Organisation, SdgGoal
from omstallning.events.models import EventIndexPage, EventPage, EventTheme, Registration

EXAMPLE = "Exempel i demodata. "

THEMES = [
    ("Cirkulär ekonomi", "Circular economy", "cirkular-ekonomi"),
    ("Energi och klimat", "Energy and climate", "energi-och-klimat"),
    ("Kompetensförsörjning", "Skills supply", "kompetensforsorjning"),
    ("Jämställdhet och mångfald", "Gender equality and diversity", "jamstalldhet-och-mangfald"),
]

# (days from today, start hour, hours, title, theme slug, format, municipality code, capacity,
#  SDG goals, intro)
MEETINGS = [
    (21, 9, 3, "Cirkulära affärsmodeller i tillverkningsindustrin", "cirkular-ekonomi",
     EventPage.Format.ON_SITE, "1980", 40, [9, 12],
     "Hur kan länets tillverkare tjäna pengar på reparation, återbruk och delning? Tre "
     "företag berättar, sedan workshop i grupper."),
    (42, 13, 2, "Energieffektivisering för små företag", "energi-och-klimat",
     EventPage.Format.HYBRID, "1983", 3, [7, 13],
     "Stöd, kartläggning och snabba åtgärder som sänker både kostnader och utsläpp."),
    (70, 8, 2, "Frukostmöte: kompetensförsörjning i omställningen", "kompetensforsorjning",
     EventPage.Format.ONLINE, None, None, [4, 8],
     "Vilka kompetenser behöver näringslivet i en grön omställning, och hur når vi dit?"),
    (-35, 9, 3, "Jämställt företagsfrämjande", "jamstalldhet-och-mangfald",
     EventPage.Format.ON_SITE, "1980", 30, [5, 10],
     "Om hur främjarsystemet når kvinnor och män, utrikes och inrikes födda, lika väl."),
    (-98, 13, 3, "Solel och lagring på landsbygden", "energi-och-klimat",
     EventPage.Format.ON_SITE, "1981", 25, [7],
     "Lantbrukare och besöksnäring om egen elproduktion och lagring."),
    (-160, 9, 2, "Textil och plast i kretslopp", "cirkular-ekonomi",
     EventPage.Format.HYBRID, "1984", 35, [12, 14],
     "Från insamling till nya produkter: aktörer i länet om materialflöden."),
]  # fmt: skip

ADDRESSES = {
    "1980": ("Regionhuset, konferensrum Mälaren", "Stora gatan 1, Västerås"),
    "1983": ("Kulturhuset", "Torget 2, Köping"),
    "1981": ("Sala Sparbank Arena", "Idrottsvägen 1, Sala"),
    "1984": ("Folkets hus", "Nygatan 5, Arboga"),
}

# A tiny valid PDF, so that documentation has a real document to download.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _at(day_offset: int, hour: int) -> datetime:
    """That many days from today, moved to the Monday after if it falls on a weekend."""
    day = timezone.localdate() + timedelta(days=day_offset)
    if day.weekday() >= 5:
        day += timedelta(days=7 - day.weekday())
    return timezone.make_aware(datetime.combine(day, time(hour)))


def load_demo_events(meeting_point: EventIndexPage, contact: ContactPerson) -> None:
    themes = {
        slug: EventTheme.objects.create(name_sv=sv, name_en=en, slug=slug)
        for sv, en, slug in THEMES
    }
    organiser = Organisation.objects.first()
    for days, hour, hours, title, theme, form, code, capacity, goals, intro in MEETINGS:
        starts = _at(days, hour)
        venue, address = ADDRESSES.get(code, ("", ""))
        event = meeting_point.add_child(
            instance=EventPage(
                title=title,
                intro=intro,
                theme=themes[theme],
                starts_at=starts,
                ends_at=starts + timedelta(hours=hours),
                format=form,
                venue=venue,
                address=address,
                municipality=Municipality.objects.filter(code=code).first(),
                online_link="https://meet.example.org/traffpunkt" if form != "on_site" else "",
                target_group="Näringslivsutvecklare, främjaraktörer och företagare i länet.",
                agenda="<ul><li>Välkommen och inledning</li><li>Exempel från företag</li>"
                "<li>Samtal i grupper</li><li>Sammanfattning och nästa steg</li></ul>",
                accessibility_info="Lokalen har hiss och hörslinga. Säg till om du behöver "
                "tolk eller annan anpassning."
                if form != "online"
                else "Mötet textas. Säg till om du behöver annan anpassning.",
                capacity=capacity,
                registration_closes_at=starts - timedelta(days=2) if days > 0 else None,
                contact=contact,
                # Not the summary again: it stands above the facts already.
                body=[("paragraph", f"<p>{EXAMPLE}Talare, företag och siffror är påhittade.</p>")],
            )
        )
        event.sdg_goals.set(SdgGoal.objects.filter(number__in=goals))
        if organiser:
            event.organisers.set([organiser])
        if days < 0:
            event.documentation = _documentation(title)
        event.save_revision().publish()
    _demo_registrations(meeting_point)


def _documentation(title: str) -> list:
    document = Document.objects.create(title=f"Presentation: {title}")
    document.file.save("presentation.pdf", ContentFile(PDF), save=True)
    return [
        (
            "minutes",
            "<p>Exempel i demodata. Deltagarna delade erfarenheter och kom fram till tre "
            "saker att arbeta vidare med:</p><ol><li>Fler konkreta exempel från länet.</li>"
            "<li>Ett nätverk för att dela verktyg.</li><li>En uppföljande träff om ett halvår."
            "</li></ol>",
        ),
        ("document", {"document": document, "title": ""}),
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=M7lc1UVf-VE",
                "title": f"Inspelning: {title}",
                "transcript": "<p>Exempel i demodata: inspelningen visar inledningen.</p>",
            },
        ),
    ]


def _demo_registrations(meeting_point: EventIndexPage) -> None:
    """A few example people, so that the full meeting has a waiting list."""
    full = EventPage.objects.child_of(meeting_point).get(capacity=3)
    first = (
        EventPage.objects.child_of(meeting_point)
        .order_by("starts_at")
        .filter(starts_at__gt=timezone.now())
        .first()
    )
    people = [f"Exempeldeltagare {number}" for number in range(1, 9)]
    for number, name in enumerate(people[:4]):
        Registration.objects.create(
            event=full,
            name=name,
            email=f"deltagare{number + 1}@example.org",
            status=Registration.Status.CONFIRMED if number < 3 else Registration.Status.WAITLISTED,
        )
    for number, name in enumerate(people[4:]):
        Registration.objects.create(
            event=first,
            name=name,
            email=f"deltagare{number + 5}@example.org",
            status=Registration.Status.CONFIRMED,
        )
