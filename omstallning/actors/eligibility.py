"""The support finder's questions and the rule each answer sets, as one table.

Every rule is stated twice, on purpose and side by side: as a database filter (which offers
fit) and as a check of one offer (why it fits, or why not). A property test holds the two
together. An answer of ANY ("vet inte" or "alla") answers the question without narrowing;
an unanswered question does not narrow either, so answering one more never widens the result.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import eligibility_bits
from .models import Offer, SupportType

ANY = "alla"
NONE_OF_THESE = "ingen"


@dataclass(frozen=True)
class Need:
    label: object  # a lazy text
    types: tuple[str, ...]


NEEDS: dict[str, Need] = {
    "rad": Need(gettext_lazy("Råd om hur jag utvecklar företaget"), (SupportType.ADVICE,)),
    "kompetens": Need(gettext_lazy("Kunskap och utbildning"), (SupportType.TRAINING,)),
    "kontakter": Need(
        gettext_lazy("Kontakter, nätverk och samarbetspartner"),
        (SupportType.NETWORK, SupportType.MATCHMAKING),
    ),
    "pengar": Need(
        gettext_lazy("Pengar: bidrag, lån, kapital, garanti eller check"),
        (
            SupportType.GRANT,
            SupportType.LOAN,
            SupportType.EQUITY,
            SupportType.GUARANTEE,
            SupportType.VOUCHER,
        ),
    ),
    "testa": Need(
        gettext_lazy("Testa eller visa upp en idé eller produkt"), (SupportType.TESTBED,)
    ),
    "synas": Need(gettext_lazy("Bli uppmärksammad för det vi gör"), (SupportType.AWARD,)),
}


@dataclass(frozen=True)
class Verdict:
    fits: bool
    reason: str


def _names(terms) -> str:
    return ", ".join(str(term.name) for term in terms)


@dataclass(frozen=True)
class OpenOrIncludes:
    """An offer that names none is open to all; one that names some fits only those."""

    relation: str  # the many-to-many field on Offer
    key: str  # the attribute of the related row that the answer gives
    fits_all: object  # "Öppet för alla storlekar"
    fits_yours: object  # "För %(names)s"
    only_for: object  # "Bara för %(names)s"

    def query(self, values: Sequence[str]) -> Q:
        naming_yours = eligibility_bits.naming_any_of(self.relation, self.key, values)
        if naming_yours is not None:
            return eligibility_bits.open_to_all(self.relation) | naming_yours
        # More terms than bits: through the many-to-many rows.
        naming_any = Offer.objects.filter(**{f"{self.relation}__isnull": False}).values("pk")
        naming = Offer.objects.filter(**{f"{self.relation}__{self.key}__in": values})
        return ~Q(pk__in=naming_any) | Q(pk__in=naming.values("pk"))

    def check(self, offer: Offer, values: Sequence[str]) -> Verdict:
        named = list(getattr(offer, self.relation).all())
        if not named:
            return Verdict(True, str(self.fits_all))
        yours = [term for term in named if str(getattr(term, self.key)) in values]
        if yours:
            return Verdict(True, str(self.fits_yours) % {"names": _names(yours)})
        return Verdict(False, str(self.only_for) % {"names": _names(named)})


class NeedRule:
    def query(self, values: Sequence[str]) -> Q:
        return Q(support_type__in=_types_of(values))

    def check(self, offer: Offer, values: Sequence[str]) -> Verdict:
        label = offer.get_support_type_display()
        if offer.support_type in _types_of(values):
            return Verdict(True, _("Ger det du söker: %(type)s") % {"type": label})
        return Verdict(False, _("Ger något annat än du söker: %(type)s") % {"type": label})


def _types_of(needs: Sequence[str]) -> list[str]:
    return [kind for need in needs if need in NEEDS for kind in NEEDS[need].types]


class OwnerGroupRule:
    """Offers for everyone fit every owner; an offer only for some owner groups fits a
    company whose owners belong to one of them, and not one whose owners belong to none."""

    def query(self, values: Sequence[str]) -> Q:
        groups = [value for value in values if value != NONE_OF_THESE]
        theirs = eligibility_bits.naming_any_of("target_groups", "slug", groups)
        if theirs is None:
            theirs = Q(pk__in=Offer.objects.filter(target_groups__slug__in=groups).values("pk"))
        return Q(only_for_target_groups=False) | theirs

    def check(self, offer: Offer, values: Sequence[str]) -> Verdict:
        groups = list(offer.target_groups.all())
        if not offer.only_for_target_groups:
            return Verdict(True, _("Öppet för alla ägare"))
        yours = [group for group in groups if group.slug in values]
        if yours:
            return Verdict(True, _("Särskilt för %(names)s") % {"names": _names(yours)})
        return Verdict(False, _("Bara för %(names)s") % {"names": _names(groups)})


@dataclass(frozen=True)
class Question:
    param: str
    text: object  # the question, in plain words
    hint: object
    rule: NeedRule | OpenOrIncludes | OwnerGroupRule
    choices: Callable[[], list[tuple[str, str]]]
    multiple: bool = False
    optional: bool = False
    any_label: object = gettext_lazy("Vet inte, visa alla")


def _need_choices() -> list[tuple[str, str]]:
    return [(key, str(need.label)) for key, need in NEEDS.items()]


def term_choices(model_label: str, key: str = "slug", **filters) -> Callable:
    """The rows of a vocabulary as (value in the address, name) choices, read when asked."""

    def choices() -> list[tuple[str, str]]:
        from django.apps import apps

        model = apps.get_model(model_label)
        rows = model.objects.filter(**filters)
        if "name" in {field.name for field in model._meta.concrete_fields}:
            # Plain values: building 200 actors as model instances costs more than the query.
            return [(str(value), name) for value, name in rows.values_list(key, "name")]
        return [(str(getattr(row, key)), str(row.name)) for row in rows]

    return choices


def _owner_choices() -> list[tuple[str, str]]:
    return [
        *term_choices("actors.TargetGroup", is_owner_group=True)(),
        (NONE_OF_THESE, _("Ingen av dessa")),
    ]


QUESTIONS: list[Question] = [
    Question(
        "behov",
        gettext_lazy("Vad behöver du hjälp med?"),
        gettext_lazy("Välj ett eller flera."),
        NeedRule(),
        _need_choices,
        multiple=True,
        any_label=gettext_lazy("Vet inte, visa allt"),
    ),
    Question(
        "skede",
        gettext_lazy("Var är företaget i dag?"),
        gettext_lazy("Nystartat betyder högst två år gammalt."),
        OpenOrIncludes(
            "stages",
            "slug",
            gettext_lazy("Öppet i alla skeden"),
            gettext_lazy("För företag som är: %(names)s"),
            gettext_lazy("Bara för företag som är: %(names)s"),
        ),
        term_choices("actors.CompanyStage"),
    ),
    Question(
        "storlek",
        gettext_lazy("Hur många arbetar i företaget?"),
        gettext_lazy("Räkna heltidstjänster, du själv inräknad."),
        OpenOrIncludes(
            "company_sizes",
            "slug",
            gettext_lazy("Öppet för alla storlekar"),
            gettext_lazy("För: %(names)s"),
            gettext_lazy("Bara för: %(names)s"),
        ),
        term_choices("knowledge.CompanySize"),
    ),
    Question(
        "bransch",
        gettext_lazy("Vilken bransch är företaget i?"),
        gettext_lazy("Branscherna följer SNI, den svenska näringsgrensindelningen."),
        OpenOrIncludes(
            "sectors",
            "code",
            gettext_lazy("Öppet för alla branscher"),
            gettext_lazy("För branschen %(names)s"),
            gettext_lazy("Bara för branscherna %(names)s"),
        ),
        term_choices("knowledge.SniSection", key="code"),
    ),
    Question(
        "kommun",
        gettext_lazy("I vilken kommun finns företaget?"),
        "",
        OpenOrIncludes(
            "municipalities",
            "code",
            gettext_lazy("Finns i hela länet"),
            gettext_lazy("Finns i %(names)s"),
            gettext_lazy("Finns bara i %(names)s"),
        ),
        term_choices("core.Municipality", key="code"),
    ),
    Question(
        "agare",
        gettext_lazy("Hör företagets ägare till någon av de här grupperna?"),
        gettext_lazy(
            "Frivillig fråga. Vissa stöd är bara för företag som ägs av till exempel "
            "kvinnor eller unga."
        ),
        OwnerGroupRule(),
        _owner_choices,
        optional=True,
        any_label=gettext_lazy("Vill inte svara"),
    ),
]
QUESTION_BY_PARAM = {question.param: question for question in QUESTIONS}

Answers = dict[str, list[str]]


def narrowing(answers: Answers) -> dict[str, list[str]]:
    """The answers that narrow: those that are neither unanswered nor ANY."""
    return {
        question.param: answers[question.param]
        for question in QUESTIONS
        if answers.get(question.param) and ANY not in answers[question.param]
    }


def matching(answers: Answers) -> Q:
    condition = Q()
    for param, values in narrowing(answers).items():
        condition &= QUESTION_BY_PARAM[param].rule.query(values)
    return condition


def verdicts(offer: Offer, answers: Answers) -> list[Verdict]:
    """Why the offer fits the answers, or why not: one verdict per narrowing answer."""
    return [
        QUESTION_BY_PARAM[param].rule.check(offer, values)
        for param, values in narrowing(answers).items()
    ]


# The relations every check reads, to prefetch for a page of results.
CHECKED_RELATIONS = ["stages", "company_sizes", "sectors", "municipalities", "target_groups"]
