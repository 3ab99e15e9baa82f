"""Loads the demo region and site. Runs once: a database that has a home page is left alone."""

import datetime
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

from omstallning.actors.models import Actor, SupportFinderPage
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
from omstallning.strategy.models import Strategy

from . import pages as texts
from .actors import load_demo_actors
from .events import load_demo_events
from .funding import load_demo_funding
from .knowledge import load_demo_knowledge
from .referrals import load_demo_referrals
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
    ("aktorsredaktor", "Arvid", "Aktörsredaktör", "Aktörsredaktör", False),
    ("foretagare", "Farid", "Företagare", "Företagare", False),
]

People = dict[str, ContactPerson]
# A focus area page with the texts it was made from, for its English translation.
FocusAreaPages = list[tuple[FocusAreaPage, dict]]


class LegalPages(NamedTuple):
    accessibility: Page
    privacy: Page
    cookies: Page


def demo_content_exists() -> bool:
    return HomePage.objects.exists()


def demo_content_load(*, with_users: bool) -> bool:
    """Create the demo region, pages in Swedish and English, and demo users. False if present."""
    # New pages have no old addresses to redirect from, yet Wagtail adds redirects for the
    # translations' renamed slugs. It does so when the transaction commits, so the switch is
    # turned off before the transaction begins and back on only after it has committed.
    with _automatic_redirects_off(), transaction.atomic():
        if demo_content_exists():
            return False
        sv, en = _locales()
        region, people = _region_and_people(sv, en)
        home = _home_page(sv)
        site = _default_site_rooted_at(home)
        _english_home_page(home, en)
        about, focus_pages, cooperation = _about_and_focus_areas(home, people)
        meeting_point = _meeting_point(home, people)
        propose_path = _knowledge_bank_propose_path(home)
        _fill_cooperation_page(cooperation, meeting_point, propose_path, people)
        strategy = load_demo_strategy(home)
        _news(home)
        contact = _contact_page(home, people)
        legal = _legal_pages(home, en)
        # English versions of the key pages, under the English home page.
        _english_about_and_focus_areas(about, focus_pages, cooperation, en)
        meeting_point_english = _english_meeting_point(meeting_point, en)
        _english_cooperation_page(cooperation, meeting_point_english, propose_path, people, en)
        _english_contact_page(contact, people, en)
        _platform_and_consent_settings(site, region, contact, legal)
        if with_users:
            _demo_users()
        _support_finder(home, en, with_users)
        _funding(home, strategy, with_users, en)
        return True


@contextmanager
def _automatic_redirects_off() -> Iterator[None]:
    """Wagtail's own switch for redirects on slug changes (WAGTAILREDIRECTS_AUTO_CREATE), off
    for as long as the block runs, then as it was."""
    unset = object()
    previous = getattr(settings, "WAGTAILREDIRECTS_AUTO_CREATE", unset)
    settings.WAGTAILREDIRECTS_AUTO_CREATE = False
    try:
        yield
    finally:
        if previous is unset:
            del settings.WAGTAILREDIRECTS_AUTO_CREATE
        else:
            settings.WAGTAILREDIRECTS_AUTO_CREATE = previous


def _locales() -> tuple[Locale, Locale]:
    sv = Locale.objects.get_or_create(language_code="sv")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    return sv, en


def _region_and_people(sv: Locale, en: Locale) -> tuple[Region, People]:
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


def _home_page(sv: Locale) -> HomePage:
    home_sv = texts.HOME["sv"]
    home = Page.get_first_root_node().add_child(
        instance=HomePage(
            title=home_sv["title"],
            slug="hem",
            locale=sv,
            intro=home_sv["intro"],
            body=_body(*_paragraphs(home_sv["heading"], home_sv["text"])),
        )
    )
    _publish(home)
    return home


def _default_site_rooted_at(home: HomePage) -> Site:
    """The default site, with the demo home page as its root."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Site.objects.create(
            hostname="localhost", port=80, is_default_site=True, root_page=home
        )
    old_root = site.root_page
    site.root_page = home
    site.site_name = PLATFORM["platform_name"]
    site.save()
    if old_root.specific_class is Page:  # Wagtail's placeholder welcome page
        old_root.delete()
    return site


def _english_home_page(home: HomePage, en: Locale) -> None:
    # Only once the welcome page is gone: it has the slug "home" beside it under the root.
    home_en = texts.HOME["en"]
    _translate(
        home,
        en,
        title=home_en["title"],
        slug="home",
        intro=home_en["intro"],
        body=_body(*_paragraphs(home_en["heading"], home_en["text"])),
    )


def _about_and_focus_areas(
    home: HomePage, people: People
) -> tuple[AboutProjectPage, FocusAreaPages, ContactPage]:
    """The about page with the focus areas and the cooperation page under it."""
    about_sv = texts.ABOUT["sv"]
    about = home.add_child(
        instance=AboutProjectPage(
            title=about_sv["title"],
            slug=about_sv["slug"],
            intro=about_sv["intro"],
            show_in_menus=True,
        )
    )
    _publish(about)
    focus_pages = _focus_area_pages(about, people)
    cooperation = _cooperation_page(about, people)
    # The body's call to action points at the cooperation page, so it waits for that page.
    about.body = _about_body(about_sv, cooperation)
    _publish(about)
    return about, focus_pages, cooperation


def _focus_area_pages(about: AboutProjectPage, people: People) -> FocusAreaPages:
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
    return focus_pages


def _cooperation_page(about: AboutProjectPage, people: People) -> ContactPage:
    """Without a body: its text links to pages made further down (_fill_cooperation_page)."""
    cooperation_sv = texts.COOPERATION["sv"]
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
    return cooperation


def _about_body(about_texts: dict, cooperation: ContactPage) -> list[dict]:
    return _body(
        ("paragraph", about_texts["text"]),
        ("long_term_goals", {"heading": about_texts["goals_heading"]}),
        ("call_to_action", {"text": about_texts["cta"], "page": cooperation.pk}),
    )


def _meeting_point(home: HomePage, people: People) -> EventIndexPage:
    """The meeting point with its demo meetings."""
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
    return meeting_point


def _knowledge_bank_propose_path(home: HomePage) -> str:
    """Load the knowledge bank; the address of its form for proposing an item."""
    bank = load_demo_knowledge(home)
    return bank.url + bank.reverse_subpage("propose_choice")


def _fill_cooperation_page(
    cooperation: ContactPage, meeting_point: EventIndexPage, propose_path: str, people: People
) -> None:
    cooperation.body = _cooperation_body("sv", meeting_point, propose_path, people)
    _publish(cooperation)


def _cooperation_body(
    language: str, meeting_point: EventIndexPage, propose_path: str, people: People
) -> list[dict]:
    cooperation_texts = texts.COOPERATION[language]
    return _body(
        (
            "paragraph",
            cooperation_texts["text"].format(
                meetings=meeting_point.pk,
                propose=propose_path,
                write=_url(language, "contact:write", f"?till={people['lidberg'].pk}"),
            ),
        ),
        _contacts(cooperation_texts["contacts_heading"], list(people.values())),
    )


def _news(home: HomePage) -> None:
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


def _contact_page(home: HomePage, people: People) -> ContactPage:
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
    return contact


def _legal_pages(home: HomePage, en: Locale) -> LegalPages:
    """The accessibility statement, the personal data page and the cookie policy, each in
    Swedish and English."""
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
    return LegalPages(accessibility, privacy, cookies)


def _english_about_and_focus_areas(
    about: AboutProjectPage, focus_pages: FocusAreaPages, cooperation: ContactPage, en: Locale
) -> None:
    about_en = texts.ABOUT["en"]
    about_english = _translate(
        about,
        en,
        title=about_en["title"],
        slug=about_en["slug"],
        intro=about_en["intro"],
        body=_about_body(about_en, cooperation),
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
    assert about_english.get_parent().specific.locale == en


def _english_meeting_point(meeting_point: EventIndexPage, en: Locale) -> Page:
    meeting_en = texts.MEETING_POINT["en"]
    return _translate(
        meeting_point,
        en,
        title=meeting_en["title"],
        slug=meeting_en["slug"],
        intro=meeting_en["intro"],
        body=_body(("paragraph", meeting_en["text"])),
    )


def _english_cooperation_page(
    cooperation: ContactPage,
    meeting_point_english: Page,
    propose_path: str,  # the bank is in Swedish only
    people: People,
    en: Locale,
) -> None:
    cooperation_en = texts.COOPERATION["en"]
    _translate(
        cooperation,
        en,
        title=cooperation_en["title"],
        slug=cooperation_en["slug"],
        intro=cooperation_en["intro"],
        body=_cooperation_body("en", meeting_point_english, propose_path, people),
    )


def _english_contact_page(contact: ContactPage, people: People, en: Locale) -> None:
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


def _platform_and_consent_settings(
    site: Site, region: Region, contact: ContactPage, legal: LegalPages
) -> None:
    platform = PlatformSettings.for_site(site)
    platform.region = region
    platform.platform_name = PLATFORM["platform_name"]
    platform.tagline = PLATFORM["tagline"]
    platform.contact_page = contact
    platform.accessibility_page = legal.accessibility
    platform.privacy_page = legal.privacy
    for name, value in PLATFORM_CONTACT.items():
        setattr(platform, name, value)
    platform.save()
    consent_settings = ConsentSettings.for_site(site)
    consent_settings.policy_page = legal.cookies
    consent_settings.save()


def _funding(home: HomePage, strategy: Strategy, with_users: bool, en: Locale) -> None:
    """Programmes, calls and applications, and the page in both languages that opens them."""
    # After the strategy (applications serve its goals) and the users (whose they are).
    load_demo_funding(strategy, _users_by_username() if with_users else None)
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


def _support_finder(home: HomePage, en: Locale, with_users: bool) -> None:
    """The actors and their offers, example referrals, and Hitta stöd in both languages; the
    demo's actor editor edits Almi's and answers its referrals."""
    load_demo_actors()
    finder = _publish(
        home.add_child(
            instance=SupportFinderPage(
                title="Hitta stöd",
                slug="hitta-stod",
                intro="Svara på några korta frågor om ditt företag, så visar vi stödet från "
                "länets aktörer som passar och varför.",
                show_in_menus=True,
            )
        )
    )
    _translate(
        finder,
        en,
        title="Find support",
        slug="find-support",
        intro="Answer a few short questions about your business, and we show the support from "
        "the county’s actors that fits, and why.",
    )
    load_demo_referrals()
    if with_users:
        Actor.objects.get(slug="almi-malardalen").editors.add(
            get_user_model().objects.get(username="aktorsredaktor")
        )


def _users_by_username() -> dict[str, AbstractBaseUser]:
    return {user.username: user for user in get_user_model().objects.all()}


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


# The building blocks of the pages above.


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
