"""Loads the demo region and site. Runs once: a database that has a home page is left alone."""

import datetime
import re
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

from omstallning.consent.models import ConsentSettings
from omstallning.contact.models import ContactPage
from omstallning.core.models import (
    AboutProjectPage,
    AccessibilityStatementPage,
    ContactPerson,
    FocusAreaContact,
    FocusAreaPage,
    HomePage,
    LongTermGoal,
    Municipality,
    NewsIndexPage,
    NewsPage,
    Organisation,
    PlatformSettings,
    Region,
    StandardPage,
)
from omstallning.events.models import EventIndexPage
from omstallning.funding.models import FundingIndexPage

from . import pages as texts
from .events import load_demo_events
from .funding import load_demo_funding
from .knowledge import load_demo_knowledge
from .region import (
    CONTACT_PEOPLE,
    LONG_TERM_GOALS,
    MUNICIPALITIES,
    PLATFORM,
    PLATFORM_CONTACT,
    REGION,
)
from .strategy import load_demo_strategy

DEMO_PASSWORD = "demo-omstallning-2026"
# username, first name, last name, role group, superuser
DEMO_USERS = [
    ("admin", "Ada", "Administratör", "Administratör", True),
    ("redaktor", "Rut", "Redaktör", "Redaktör", False),
    ("utvecklare", "Nils", "Näringslivsutvecklare", "Näringslivsutvecklare", False),
    ("handlaggare", "Hanna", "Handläggare", "Handläggare", False),
    ("bedomare", "Bo", "Bedömare", "Bedömare", False),
    ("beslutsfattare", "Britt", "Beslutsfattare", "Beslutsfattare", False),
    ("aktor", "Alva", "Aktör", "Aktör", False),
    ("foretagare", "Farid", "Företagare", "Företagare", False),
]


def demo_content_exists() -> bool:
    return HomePage.objects.exists()


def _body(*blocks: tuple[str, object]) -> list[dict]:
    return [
        {"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks if value
    ]


def _paragraphs(heading: str | None, text: str) -> list[tuple[str, object]]:
    return [("heading", heading), ("paragraph", text)]


def _sections(text: str) -> list[tuple[str, object]]:
    """Rich text with <h3> section titles as heading blocks (h2 under the page's h1) and
    paragraph blocks between them, as an editor would lay the page out."""
    parts = re.split(r"<h3>(.*?)</h3>", text)
    blocks: list[tuple[str, object]] = [("paragraph", parts[0])]
    for heading, paragraph in zip(parts[1::2], parts[2::2], strict=True):
        blocks += [("heading", heading), ("paragraph", paragraph)]
    return blocks


def _contacts(heading: str, people: list[ContactPerson]) -> tuple[str, object]:
    return ("contacts", {"heading": heading, "people": [person.pk for person in people]})


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def _translate(page: Page, locale: Locale, **fields) -> Page:
    """Copy a page into another language, set its texts and publish it."""
    translated = page.specific.copy_for_translation(locale, copy_parents=False, alias=False)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return _publish(translated)


def _region_and_people(sv: Locale, en: Locale) -> tuple[Region, dict[str, ContactPerson]]:
    region = Region.objects.create(**REGION)
    Municipality.objects.bulk_create(
        Municipality(region=region, code=code, name=name) for code, name in MUNICIPALITIES
    )
    organisation = Organisation.objects.create(
        name=region.name, kind=Organisation.Kind.REGION, website=region.website
    )
    people = {}
    for key, (name, role_sv, role_en, phone) in CONTACT_PEOPLE.items():
        person = ContactPerson.objects.create(
            locale=sv, name=name, role=role_sv, phone=phone, organisation=organisation
        )
        english = person.copy_for_translation(en)
        english.role = role_en
        english.save()
        people[key] = person
    for order, (goal_sv, goal_en) in enumerate(LONG_TERM_GOALS):
        goal = LongTermGoal.objects.create(locale=sv, text=goal_sv, sort_order=order)
        english = goal.copy_for_translation(en)
        english.text = goal_en
        english.save()
    return region, people


def _standard(
    parent: Page,
    content: dict,
    en: Locale,
    *,
    in_menu: bool,
    page_class: type[Page] = StandardPage,
    links: dict[str, dict[str, str]] | None = None,
    **fields,
) -> Page:
    """A page in Swedish and English; links[language] fills the text's {placeholders}."""
    sv_text, en_text = content["sv"], content["en"]
    links = links or {"sv": {}, "en": {}}
    page = parent.add_child(
        instance=page_class(
            title=sv_text["title"],
            slug=sv_text["slug"],
            intro=sv_text["intro"],
            body=_body(*_sections(sv_text["text"].format(**links["sv"]))),
            show_in_menus=in_menu,
            **fields,
        )
    )
    _publish(page)
    _translate(
        page,
        en,
        title=en_text["title"],
        slug=en_text["slug"],
        intro=en_text["intro"],
        body=_body(*_sections(en_text["text"].format(**links["en"]))),
    )
    return page


def _url(language: str, name: str, query: str = "") -> str:
    with translation.override(language):
        return reverse(name) + query


# New pages have no old addresses to redirect from, yet Wagtail adds redirects for the
# translations' renamed slugs. It does so when the transaction commits, so this goes outside.
@override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False)
@transaction.atomic
def demo_content_load(*, with_users: bool) -> bool:
    """Create the demo region, pages in Swedish and English, and demo users. False if present."""
    if demo_content_exists():
        return False
    sv = Locale.objects.get_or_create(language_code="sv")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    region, people = _region_and_people(sv, en)

    root = Page.get_first_root_node()
    home_sv, home_en = texts.HOME["sv"], texts.HOME["en"]
    home = root.add_child(
        instance=HomePage(
            title=home_sv["title"],
            slug="hem",
            locale=sv,
            intro=home_sv["intro"],
            body=_body(*_paragraphs(home_sv["heading"], home_sv["text"])),
        )
    )
    _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, is_default_site=True, root_page=home
        )
    else:
        old_root = site.root_page
        site.root_page = home
        site.site_name = PLATFORM["platform_name"]
        site.save()
        if old_root.specific_class is Page:  # Wagtail's placeholder welcome page
            old_root.delete()
    home_english = home.copy_for_translation(en, copy_parents=False, alias=False)
    home_english.title = home_en["title"]
    home_english.slug = "home"
    home_english.intro = home_en["intro"]
    home_english.body = _body(*_paragraphs(home_en["heading"], home_en["text"]))
    home_english.save()
    _publish(home_english)

    about_sv, about_en = texts.ABOUT["sv"], texts.ABOUT["en"]
    about = home.add_child(
        instance=AboutProjectPage(
            title=about_sv["title"],
            slug=about_sv["slug"],
            intro=about_sv["intro"],
            show_in_menus=True,
        )
    )
    _publish(about)
    focus_pages = []
    for area in texts.FOCUS_AREAS:
        page = about.add_child(
            instance=FocusAreaPage(
                title=area["title"][0],
                slug=area["slug"][0],
                number=area["number"],
                short_title=area["short_title"][0],
                intro=area["intro"][0],
                body=_body(("paragraph", area["text"][0])),
            )
        )
        for order, key in enumerate(area["contacts"]):
            FocusAreaContact.objects.create(page=page, person=people[key], sort_order=order)
        _publish(page)
        focus_pages.append((page, area))
    cooperation_sv = texts.COOPERATION["sv"]
    # Its text links to pages made further down; the body is filled in once they exist.
    cooperation = about.add_child(
        instance=ContactPage(
            title=cooperation_sv["title"],
            slug=cooperation_sv["slug"],
            intro=cooperation_sv["intro"],
            recipient=people["lidberg"],
            show_subscription=True,
        )
    )
    _publish(cooperation)
    about.body = _body(
        ("paragraph", about_sv["text"]),
        ("long_term_goals", {"heading": about_sv["goals_heading"]}),
        ("call_to_action", {"text": about_sv["cta"], "page": cooperation.pk}),
    )
    _publish(about)

    meeting_sv = texts.MEETING_POINT["sv"]
    meeting_point = home.add_child(
        instance=EventIndexPage(
            title=meeting_sv["title"],
            slug=meeting_sv["slug"],
            intro=meeting_sv["intro"],
            body=_body(("paragraph", meeting_sv["text"])),
            show_in_menus=True,
        )
    )
    _publish(meeting_point)
    load_demo_events(meeting_point, people[next(iter(people))])
    bank = load_demo_knowledge(home)
    propose_path = bank.url + bank.reverse_subpage("propose_choice")
    cooperation.body = _body(
        (
            "paragraph",
            cooperation_sv["text"].format(
                meetings=meeting_point.pk,
                propose=propose_path,
                write=_url("sv", "contact:write", f"?till={people['lidberg'].pk}"),
            ),
        ),
        _contacts(cooperation_sv["contacts_heading"], list(people.values())),
    )
    _publish(cooperation)
    strategy = load_demo_strategy(home)

    news_index = home.add_child(
        instance=NewsIndexPage(
            title=texts.NEWS_INDEX["title"],
            slug=texts.NEWS_INDEX["slug"],
            intro=texts.NEWS_INDEX["intro"],
            show_in_menus=True,
        )
    )
    _publish(news_index)
    for item in texts.NEWS:
        _publish(
            news_index.add_child(
                instance=NewsPage(
                    title=item["title"],
                    slug=item["slug"],
                    date=datetime.date(*item["date"]),
                    intro=item["intro"],
                    body=_body(("paragraph", item["text"])),
                )
            )
        )

    contact_sv = texts.CONTACT["sv"]
    contact = home.add_child(
        instance=ContactPage(
            title=contact_sv["title"],
            slug=contact_sv["slug"],
            intro=contact_sv["intro"],
            body=_body(_contacts(contact_sv["heading"], list(people.values()))),
            form_heading=contact_sv["form_heading"],
            show_in_menus=True,
        )
    )
    _publish(contact)
    accessibility = _standard(
        home,
        texts.ACCESSIBILITY,
        en,
        in_menu=False,
        page_class=AccessibilityStatementPage,
        links={
            language: {"report": _url(language, "contact:write", "?amne=tillganglighet")}
            for language in ("sv", "en")
        },
        compliance_status=texts.ACCESSIBILITY_STATUS["compliance_status"],
        last_reviewed=datetime.date(*texts.ACCESSIBILITY_STATUS["last_reviewed"]),
    )
    privacy = _standard(
        home,
        texts.PRIVACY,
        en,
        in_menu=False,
        links={
            language: {
                "dpo": _url(language, "contact:write", "?till=dataskyddsombud&amne=personuppgifter")
            }
            for language in ("sv", "en")
        },
    )
    cookies = _standard(home, texts.COOKIES, en, in_menu=False)

    # English versions of the key pages, under the English home page.
    about_english = _translate(
        about,
        en,
        title=about_en["title"],
        slug=about_en["slug"],
        intro=about_en["intro"],
        body=_body(
            ("paragraph", about_en["text"]),
            ("long_term_goals", {"heading": about_en["goals_heading"]}),
            ("call_to_action", {"text": about_en["cta"], "page": cooperation.pk}),
        ),
    )
    for page, area in focus_pages:
        _translate(
            page,
            en,
            title=area["title"][1],
            slug=area["slug"][1],
            short_title=area["short_title"][1],
            intro=area["intro"][1],
            body=_body(("paragraph", area["text"][1])),
        )
    meeting_en = texts.MEETING_POINT["en"]
    meeting_point_english = _translate(
        meeting_point,
        en,
        title=meeting_en["title"],
        slug=meeting_en["slug"],
        intro=meeting_en["intro"],
        body=_body(("paragraph", meeting_en["text"])),
    )
    cooperation_en = texts.COOPERATION["en"]
    _translate(
        cooperation,
        en,
        title=cooperation_en["title"],
        slug=cooperation_en["slug"],
        intro=cooperation_en["intro"],
        body=_body(
            (
                "paragraph",
                cooperation_en["text"].format(
                    meetings=meeting_point_english.pk,
                    propose=propose_path,  # the bank is in Swedish only
                    write=_url("en", "contact:write", f"?till={people['lidberg'].pk}"),
                ),
            ),
            _contacts(cooperation_en["contacts_heading"], list(people.values())),
        ),
    )
    contact_en = texts.CONTACT["en"]
    _translate(
        contact,
        en,
        title=contact_en["title"],
        slug=contact_en["slug"],
        intro=contact_en["intro"],
        body=_body(_contacts(contact_en["heading"], list(people.values()))),
        form_heading=contact_en["form_heading"],
    )
    assert about_english.get_parent().specific.locale == en

    platform = PlatformSettings.for_site(site)
    platform.region = region
    platform.platform_name = PLATFORM["platform_name"]
    platform.tagline = PLATFORM["tagline"]
    platform.contact_page = contact
    platform.accessibility_page = accessibility
    platform.privacy_page = privacy
    for name, value in PLATFORM_CONTACT.items():
        setattr(platform, name, value)
    platform.save()
    consent_settings = ConsentSettings.for_site(site)
    consent_settings.policy_page = cookies
    consent_settings.save()

    if with_users:
        _demo_users()
    # After the strategy (applications serve its goals) and the users (whose they are).
    load_demo_funding(
        strategy,
        {user.username: user for user in get_user_model().objects.all()} if with_users else None,
    )
    funding = _publish(
        home.add_child(
            instance=FundingIndexPage(
                title="Stöd och finansiering",
                slug="finansiering",
                intro="Regionen hållbarhetssäkrar sin finansiering: företagsstöd, projektmedel, "
                "kommersiell service och regionalfonden. Här finns öppna utlysningar, dina "
                "ansökningar och statistik om vem som får stöd.",
                show_in_menus=True,
            )
        )
    )
    _translate(
        funding,
        en,
        title="Support and funding",
        slug="funding",
        intro="The region builds sustainability into its funding: business support, project "
        "funds, commercial services and the Regional Development Fund. Here are the open calls, "
        "your applications and statistics on who receives support.",
    )
    return True


def _demo_users() -> None:
    User = get_user_model()
    for username, first, last, role, superuser in DEMO_USERS:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            is_superuser=superuser,
            is_staff=superuser,
        )
        user.groups.add(Group.objects.get(name=role))
