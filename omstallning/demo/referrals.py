"""Example referrals in every state, most of them to Almi, whose cases the demo's actor
editor answers: new, overdue with the coordinator reminded, taken, passed on, declined,
closed with and without a rating, withdrawn, and one old enough to be anonymised."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from omstallning.actors.models import Actor, Offer, Referral, ReferralStep
from omstallning.actors.services import answer_deadline, referrals_anonymise
from omstallning.core.models import Municipality

S = Referral.Status
K = ReferralStep.Kind


@dataclass(frozen=True)
class Example:
    offer: str
    company: str
    person: str
    municipality: str
    need: str
    days_ago: int
    # Each later step: (kind, days after sending, actor slug or "", note).
    steps: list[tuple[str, int, str, str]] = field(default_factory=list)
    status: str = S.SENT
    outcome: str = ""
    decline_reason: str = ""
    rating: int | None = None
    rating_comment: str = ""


ALMI = "almi-malardalen"

EXAMPLES = [
    Example("mikrolan", "Solgläntans Bageri AB", "Sara Lind", "1981",
            "Vi vill byta ugnarna mot eldrivna och behöver finansiering för investeringen.", 0),
    Example("innovationslan", "Köpings Cykelverkstad", "Ali Hassan", "1983",
            "Vi har tagit fram ett system för att renovera elcykelbatterier och vill växa.", 4,
            [(K.REMINDED, 3, "", "")]),
    Example("affarsutveckling-almi", "Fagersta Textil AB", "Maria Ek", "1982",
            "Vi vill ställa om till återvunnen råvara och behöver en plan för det.", 6,
            [(K.ACCEPTED, 1, ALMI, "Vi ringer dig på torsdag för ett första samtal.")],
            status=S.ACCEPTED),
    Example("mikrolan", "Norbergs Gårdsmejeri", "Jonas Berg", "1962",
            "Vi behöver lån till en solcellsanläggning på ladugården.", 3,
            [(K.PASSED_ON, 1, ALMI, "Behöver ett mindre lån: Almi passar bättre än vi.")]),
    Example("innovationslan", "Hallstahammars Smide", "Eva Nord", "1961",
            "Vi vill anställa en hållbarhetsansvarig och söker bidrag till lönen.", 12,
            [(K.DECLINED, 1, ALMI, "Vi lånar inte ut till löner. Prova regionens stöd.")],
            status=S.DECLINED, decline_reason=Referral.DeclineReason.NOT_ELIGIBLE),
    Example("affarsutveckling-almi", "Surahammars Snickeri AB", "Per Holm", "1907",
            "Hur räknar vi klimatavtrycket för våra möbler?", 40,
            [(K.ACCEPTED, 1, ALMI, ""), (K.CLOSED, 20, ALMI, "Två rådgivningsmöten hölls.")],
            status=S.CLOSED, outcome=Referral.Outcome.ADVICE, rating=5,
            rating_comment="Snabbt svar och konkreta råd."),
    Example("mikrolan", "Arboga Kafferosteri", "Lina Ström", "1984",
            "Vi vill köpa en energisnål rostare.", 60,
            [(K.ACCEPTED, 2, ALMI, ""), (K.CLOSED, 30, ALMI, "Lånet är beviljat.")],
            status=S.CLOSED, outcome=Referral.Outcome.GRANTED),
    Example("affarsutveckling-almi", "Skinnskattebergs Glas", "Omar Said", "1904",
            "Vi funderar på att dela lokaler och maskiner med andra företag.", 9,
            [(K.WITHDRAWN, 2, "", "")], status=S.WITHDRAWN),
    Example("affarsutveckling-almi", "Sala Tryckeri AB", "Ulla Gran", "1981",
            "Vi behöver hjälp med en hållbarhetsredovisning.", 500,
            [(K.ACCEPTED, 1, ALMI, ""), (K.CLOSED, 15, ALMI, "")],
            status=S.CLOSED, outcome=Referral.Outcome.JOINED, rating=4),
]  # fmt: skip

# The pass-on example started at the business office in Norberg.
FIRST_ACTOR = {"Norbergs Gårdsmejeri": "naringsliv-norberg"}


def load_demo_referrals() -> None:
    now = timezone.now()
    actors = {actor.slug: actor for actor in Actor.objects.all()}
    for example in EXAMPLES:
        offer = Offer.objects.filter(slug=example.offer).select_related("actor").first()
        if offer is None:
            continue
        sent = now - datetime.timedelta(days=example.days_ago, hours=2)
        first = actors.get(FIRST_ACTOR.get(example.company, ""), offer.actor)
        referral = Referral.objects.create(
            offer=offer,
            offer_name=offer.name_sv,
            actor=offer.actor,
            status=example.status,
            need=example.need,
            company_name=example.company,
            contact_name=example.person,
            email=f"{example.person.split()[0].lower()}@foretag.example",
            municipality=Municipality.objects.filter(code=example.municipality).first(),
            answers=f"kommun={example.municipality}",
            consented_at=sent,
            consent_text=f"Jag samtycker till att uppgifterna ovan skickas till {first.name}.",
            answer_by=answer_deadline(sent),
            outcome=example.outcome,
            decline_reason=example.decline_reason,
            rating=example.rating,
            rating_comment=example.rating_comment,
            is_example_data=True,
        )
        ReferralStep.objects.create(referral=referral, kind=K.SENT, actor=first, at=sent)
        for kind, after, actor_slug, note in example.steps:
            at = sent + datetime.timedelta(days=after)
            actor = actors.get(actor_slug, offer.actor)
            if kind == K.PASSED_ON:
                ReferralStep.objects.create(
                    referral=referral, kind=kind, actor=first, to_actor=offer.actor, note=note,
                    at=at,
                )  # fmt: skip
                referral.answer_by = answer_deadline(at)
            else:
                ReferralStep.objects.create(
                    referral=referral, kind=kind, actor=actor, note=note, at=at
                )
            if kind == K.REMINDED:
                referral.coordinator_reminded_at = at
            if kind in (K.DECLINED, K.CLOSED, K.WITHDRAWN):
                referral.closed_at = at
            if kind == K.WITHDRAWN:
                referral.withdrawn_at = at
        if example.rating:
            referral.rated_at = referral.closed_at + datetime.timedelta(days=1)
            ReferralStep.objects.create(
                referral=referral, kind=K.RATED, actor=offer.actor, at=referral.rated_at
            )
        referral.save()
        if example.status == S.WITHDRAWN or example.days_ago > 365:
            referrals_anonymise(Referral.objects.filter(pk=referral.pk))
