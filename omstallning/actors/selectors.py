"""Reads for the support finder: the offers that fit the answers, why they fit (or why not),
the list's filters, and the actors."""

from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation
from django.utils.translation import get_language

from . import facets
from .eligibility import CHECKED_RELATIONS, Answers, Verdict, matching, verdicts
from .models import Actor, Offer, Referral, ReferralStep, SupportFinderPage

PAGE_SIZE = 20
# What the open data (the API and the CSV download) says of every offer.
OPEN_DATA_RELATIONS = [
    *CHECKED_RELATIONS,
    "actor__municipalities",
    "languages",
    "themes",
    "sdg_goals",
]


@dataclass(frozen=True)
class Result:
    offer: Offer
    verdicts: list[Verdict]

    @property
    def fits(self) -> bool:
        return all(verdict.fits for verdict in self.verdicts)


@dataclass
class Results:
    answers: Answers
    chosen: dict[str, list[str]]
    page: PaginatorPage
    facets: dict[str, list[facets.FacetValue]]
    total: int
    showing_misfits: bool


def public_offers() -> QuerySet:
    return Offer.objects.public().select_related("actor")


def fitting_offers(answers: Answers) -> QuerySet:
    """The public offers that fit every answer."""
    return public_offers().filter(matching(answers))


def _with_checked_relations(offers: QuerySet) -> QuerySet:
    return offers.prefetch_related(*CHECKED_RELATIONS)


def _before_filters(answers: Answers, misfits: bool) -> QuerySet:
    fitting = fitting_offers(answers)
    return public_offers().exclude(pk__in=fitting.values("pk")) if misfits else fitting


def listed_offers(
    answers: Answers, chosen: dict[str, list[str]], *, misfits: bool = False
) -> QuerySet:
    """The offers the list shows, in its order: those that fit the answers (with `misfits`,
    the public ones that do not) and the chosen filters. Page, feed, download and API alike."""
    return _in_list_order(facets.apply(_before_filters(answers, misfits), chosen))


def _in_list_order(offers: QuerySet) -> QuerySet:
    return offers.order_by("name_sv", "pk")


def open_data_offers(answers: Answers, chosen: dict[str, list[str]]) -> QuerySet:
    return listed_offers(answers, chosen).prefetch_related(*OPEN_DATA_RELATIONS)


def finder_results(
    answers: Answers,
    chosen: dict[str, list[str]],
    *,
    page: str | None,
    misfits: bool = False,
    choices: facets.Choices | None = None,
) -> Results:
    """A page of the offers that fit the answers and the chosen filters, each with its
    reasons; with `misfits`, the public offers that do not fit, each with why not."""
    # The answers' condition is worked out once, for the list and for the counts.
    before_filters = _before_filters(answers, misfits)
    listed = _in_list_order(facets.apply(before_filters, chosen))
    paginator = Paginator(_with_checked_relations(listed), PAGE_SIZE)
    results_page = paginator.get_page(page)
    results_page.object_list = [
        Result(offer, verdicts(offer, answers)) for offer in results_page.object_list
    ]
    return Results(
        answers=answers,
        chosen=chosen,
        page=results_page,
        facets=facets.counts(before_filters, chosen, choices),
        total=paginator.count,
        showing_misfits=misfits,
    )


def public_offer(slug: str) -> Offer | None:
    return (
        _with_checked_relations(
            public_offers().prefetch_related("themes", "sdg_goals", "languages", "actor__contacts")
        )
        .filter(slug=slug)
        .first()
    )


def offer_result(offer: Offer, answers: Answers) -> Result:
    return Result(offer, verdicts(offer, answers))


def approved_actors() -> QuerySet:
    return Actor.objects.approved().prefetch_related("municipalities")


def public_actor(slug: str) -> Actor | None:
    offers = Prefetch("offers", queryset=Offer.objects.public().order_by("name_sv"))
    return approved_actors().prefetch_related("contacts", offers).filter(slug=slug).first()


def related_knowledge(offer: Offer, limit: int = 3) -> list:
    """Knowledge items on the offer's themes, newest first."""
    from omstallning.knowledge.models import KnowledgeItemPage

    themes = [theme.pk for theme in offer.themes.all()]
    if not themes:
        return []
    sharing = KnowledgeItemPage.objects.filter(themes__in=themes).values("pk")
    return list(
        KnowledgeItemPage.objects.live()
        .public()
        .filter(pk__in=sharing, locale__language_code=get_language() or "sv")
        .order_by("-first_published_at")[:limit]
    )


def upcoming_meetings(offer: Offer, limit: int = 3) -> list:
    """Coming Träffpunkt meetings on the offer's themes: the meetings' themes are their own
    list, matched to the knowledge bank's by slug."""
    from omstallning.events.models import EventPage

    slugs = [theme.slug for theme in offer.themes.all()]
    if not slugs:
        return []
    return list(
        EventPage.objects.live()
        .public()
        .filter(
            theme__slug__in=slugs,
            ends_at__gte=timezone.now(),
            locale__language_code=get_language() or "sv",
        )
        .order_by("starts_at")[:limit]
    )


def finder_page(language: str | None = None) -> SupportFinderPage | None:
    """The live finder in `language` (the active one if none), or as it is where it has no
    translation: for links back to it from outside its pages and from mails."""
    page = SupportFinderPage.objects.live().first()
    if page is None:
        return None
    with translation.override(language or get_language()):
        return page.localized.specific


def company_steps(referral: Referral) -> QuerySet:
    """What the company sees of its case: every step but the coordinators' reminders."""
    return referral.steps.filter(kind__in=ReferralStep.SEEN_BY_COMPANY).select_related(
        "actor", "to_actor"
    )


def referral_steps(referral: Referral) -> QuerySet:
    return referral.steps.select_related("actor", "to_actor", "user")


def person_referrals(email: str) -> QuerySet:
    return Referral.objects.filter(email__iexact=email, anonymised_at__isnull=True)


def person_referral_data(email: str) -> list[dict]:
    """A person's referrals as plain data, for their copy under GDPR article 15."""
    return [
        {
            "offer": referral.offer_name,
            "actor": referral.actor.name,
            "status": referral.status,
            "need": referral.need,
            "company_name": referral.company_name,
            "organisation_number": referral.organisation_number,
            "contact_name": referral.contact_name,
            "email": referral.email,
            "phone": referral.phone,
            "municipality": referral.municipality.name if referral.municipality else "",
            "consented_at": referral.consented_at,
            "consent_text": referral.consent_text,
            "sent_at": referral.created_at,
            "closed_at": referral.closed_at,
            "rating": referral.rating,
            "rating_comment": referral.rating_comment,
        }
        for referral in person_referrals(email).select_related("actor", "municipality")
    ]


def member_organisations(user) -> QuerySet:
    """The organisations the person acts for, for their register of de minimis aid."""
    from omstallning.core.models import Organisation

    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__status="active"
    ).order_by("name")


def de_minimis_register(organisation) -> QuerySet:
    return organisation.de_minimis_aid.all()


@dataclass(frozen=True)
class SupportSystem:
    """The region's view (support_system.py), for the admin and, suppressed, the public."""

    by_stage: object
    by_municipality: object
    actors: list
    reach: list


def support_system(*, theme: str = "", municipality: str = "", stage: str = "") -> SupportSystem:
    from . import support_system as figures

    offers = public_offers()
    if theme:
        offers = offers.filter(themes__slug=theme)
    in_municipality = (
        offers.filter(matching({"kommun": [municipality]})) if municipality else offers
    )
    in_stage = offers.filter(matching({"skede": [stage]})) if stage else offers
    return SupportSystem(
        by_stage=figures.offer_map(in_municipality, "stages"),
        by_municipality=figures.offer_map(in_stage, "municipalities"),
        actors=figures.actor_figures(),
        reach=figures.target_group_reach(offers),
    )


def has_had_referrals(actor: Actor) -> bool:
    from django.db.models import Q

    return (
        Referral.objects.filter(actor=actor).exists()
        or ReferralStep.objects.filter(Q(actor=actor) | Q(to_actor=actor)).exists()
    )
