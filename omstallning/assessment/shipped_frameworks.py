"""The frameworks every installation starts with. Installed when missing, never overwritten:
after that they belong to the region, which edits them by making new versions."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from omstallning.core.models import SdgGoal, SustainabilityDimension

from .impact import Impact, MotivationRule
from .models import AnswerOption, Criterion, CriterionCondition, Framework, FrameworkVersion

D = Decimal


def _option(label_sv, label_en, value, impact, *, knockout=False, min_conditions=None):
    return {
        "label_sv": label_sv,
        "label_en": label_en,
        "value": D(value),
        "impact": impact,
        "is_knockout": knockout,
        "min_conditions_met": min_conditions,
    }


AGENDA_2030_OPTIONS = [
    _option("Positiv påverkan", "Positive impact", 2, Impact.POSITIVE),
    _option("Både positiv och negativ", "Both positive and negative", 1, Impact.BOTH),
    _option("Okänd – kunskapslucka", "Unknown – knowledge gap", 1, Impact.UNKNOWN),
    _option("Negativ påverkan", "Negative impact", 0, Impact.NEGATIVE),
]


def _agenda_2030() -> dict:
    criteria = []
    for goal in SdgGoal.objects.select_related("dimension").order_by("number"):
        criteria.append(
            {
                "key": f"mal-{goal.number}",
                "question_sv": f"Mål {goal.number} {goal.title_sv}: hur påverkar det bedömda "
                "målet?",
                "question_en": f"Goal {goal.number} {goal.short_en}: how does this affect the "
                "goal?",
                "guidance_sv": "Ange först om målet är direkt, indirekt eller inte relevant. "
                "Bedöm sedan påverkan och motivera. Är påverkan okänd är det en kunskapslucka: "
                "skriv vad som behöver tas reda på. Föreslå gärna en åtgärd som stärker det "
                "positiva eller motverkar det negativa.",
                "guidance_en": "First say whether the goal is directly, indirectly or not "
                "relevant. Then judge the impact and explain why. An unknown impact is a "
                "knowledge gap: say what needs to be found out. Propose an action that "
                "strengthens the positive or counters the negative.",
                "dimension": goal.dimension,
                "goals": [goal],
                "motivation_required": MotivationRule.ALWAYS,
                "asks_relevance": True,
                "asks_action": True,
                "options": AGENDA_2030_OPTIONS,
            }
        )
    return {
        "key": "agenda-2030",
        "name_sv": "Agenda 2030 – påverkan per mål",
        "name_en": "Agenda 2030 – impact per goal",
        "description_sv": "Relevans och påverkan för vart och ett av de 17 globala målen, med "
        "motivering och förslag till åtgärd. Okänd påverkan visas som kunskapslucka.",
        "description_en": "Relevance and impact for each of the 17 Global Goals, with reasons "
        "and proposed actions. Unknown impact is shown as a knowledge gap.",
        "criteria": criteria,
    }


DNSH_OPTIONS = [
    _option("Ingen eller obetydlig påverkan", "No or insignificant impact", 1, Impact.NONE),
    _option("Bidrar väsentligt", "Contributes substantially", 2, Impact.POSITIVE),
    _option("Kräver fördjupad bedömning", "Needs substantive assessment", D("0.5"), Impact.UNKNOWN),
    _option("Betydande skada", "Significant harm", 0, Impact.NEGATIVE, knockout=True),
]

DNSH_OBJECTIVES = [
    ("begransning-klimatforandringar", "Begränsning av klimatförändringar",
     "Climate change mitigation", [13, 7]),
    ("anpassning-klimatforandringar", "Anpassning till klimatförändringar",
     "Climate change adaptation", [13]),
    ("vatten-marina-resurser", "Hållbar användning och skydd av vatten och marina resurser",
     "Sustainable use and protection of water and marine resources", [6, 14]),
    ("cirkular-ekonomi", "Omställning till en cirkulär ekonomi",
     "Transition to a circular economy", [12]),
    ("fororeningar", "Förebyggande och begränsning av föroreningar",
     "Pollution prevention and control", [3, 12]),
    ("biologisk-mangfald", "Skydd och återställande av biologisk mångfald och ekosystem",
     "Protection and restoration of biodiversity and ecosystems", [14, 15]),
]  # fmt: skip


def _dnsh() -> dict:
    ecological = SustainabilityDimension.objects.get(code="ecological")
    goals = {goal.number: goal for goal in SdgGoal.objects.all()}
    return {
        "key": "dnsh",
        "name_sv": "DNSH – ingen betydande skada",
        "name_en": "DNSH – do no significant harm",
        "description_sv": "EU:s princip om att inte orsaka betydande skada på de sex "
        "miljömålen i taxonomiförordningen. Betydande skada på något mål stoppar insatsen.",
        "description_en": "The EU principle of doing no significant harm to the six "
        "environmental objectives of the Taxonomy Regulation. Significant harm to any of them "
        "stops the project.",
        "criteria": [
            {
                "key": key,
                "question_sv": f"{name_sv}: vilken påverkan har det bedömda?",
                "question_en": f"{name_en}: what is the impact?",
                "guidance_sv": "Motivera bedömningen. Välj ”Kräver fördjupad bedömning” om "
                "det behövs en analys för att avgöra påverkan.",
                "guidance_en": "Justify the assessment. Choose “Needs substantive assessment” "
                "if an analysis is needed to decide.",
                "dimension": ecological,
                "goals": [goals[number] for number in numbers],
                "motivation_required": MotivationRule.ALWAYS,
                "options": DNSH_OPTIONS,
            }
            for key, name_sv, name_en, numbers in DNSH_OBJECTIVES
        ],
    }


HORIZONTAL_CONDITIONS = [
    ("Beskrivs i bakgrund och mål", "Described in the background and goals"),
    ("Finns med i aktiviteter och budget", "Present in activities and budget"),
    ("Finns med i planen för uppföljning", "Present in the follow-up plan"),
]
HORIZONTAL_OPTIONS = [
    _option("Aktivt", "Active", 2, Impact.POSITIVE, min_conditions=3),
    _option("Delvis", "Partly", 1, Impact.POSITIVE, min_conditions=1),
    _option("Inte", "Not", 0, Impact.NONE, min_conditions=0),
]


def _horizontal() -> dict:
    dimensions = {d.code: d for d in SustainabilityDimension.objects.all()}
    goals = {goal.number: goal for goal in SdgGoal.objects.all()}
    principles = [
        ("miljo", "Miljö", "Environment", "ecological", [12, 13]),
        ("jamstalldhet", "Jämställdhet", "Gender equality", "social", [5]),
        (
            "lika-mojligheter",
            "Lika möjligheter och icke-diskriminering",
            "Equal opportunities and non-discrimination",
            "social",
            [10],
        ),
    ]
    return {
        "key": "horisontella-kriterier",
        "name_sv": "Horisontella kriterier",
        "name_en": "Horizontal criteria",
        "description_sv": "Miljö, jämställdhet samt lika möjligheter och icke-diskriminering. "
        "Varje princip bedöms som aktivt, delvis eller inte integrerad efter tre villkor: alla "
        "tre uppfyllda ger aktivt, ett eller två delvis, inget inte.",
        "description_en": "Environment, gender equality, and equal opportunities and "
        "non-discrimination, each rated active, partly or not integrated by three conditions.",
        "criteria": [
            {
                "key": key,
                "question_sv": f"{name_sv}: hur är principen integrerad?",
                "question_en": f"{name_en}: how is the principle integrated?",
                "guidance_sv": "Kryssa i de villkor som är uppfyllda. Bedömningen följer av "
                "antalet: alla tre ger aktivt, ett eller två delvis, inget inte.",
                "guidance_en": "Tick the conditions that are met. The rating follows from "
                "their number: all three active, one or two partly, none not.",
                "dimension": dimensions[dimension],
                "goals": [goals[number] for number in numbers],
                "conditions": HORIZONTAL_CONDITIONS,
                "options": HORIZONTAL_OPTIONS,
            }
            for key, name_sv, name_en, dimension, numbers in principles
        ],
    }


THREE_DIMENSION_OPTIONS = [
    _option("Positiv", "Positive", 2, Impact.POSITIVE),
    _option("Ingen", "None", 1, Impact.NONE),
    _option("Negativ", "Negative", 0, Impact.NEGATIVE),
]


def _three_dimensions() -> dict:
    return {
        "key": "tre-dimensioner",
        "name_sv": "Hållbarhetssäkring i tre dimensioner",
        "name_en": "Sustainability check in three dimensions",
        "description_sv": "Positiv, ingen eller negativ påverkan på ekologisk, social och "
        "ekonomisk hållbarhet i förhållande till den regionala utvecklingsstrategin. Negativ "
        "påverkan utan åtgärd ger flaggan ”Stanna upp och tänk om”.",
        "description_en": "Positive, no or negative impact on environmental, social and "
        "economic sustainability against the regional development strategy. A negative "
        "impact without mitigation raises the flag “Stop and rethink”.",
        "criteria": [
            {
                "key": dimension.code,
                "question_sv": f"{dimension.name_sv}: hur påverkar det bedömda, i förhållande "
                "till den regionala utvecklingsstrategin?",
                "question_en": f"{dimension.name_en}: what is the impact, against the regional "
                "development strategy?",
                "guidance_sv": "Vid negativ påverkan: beskriv hur den motverkas. Saknas en "
                "sådan åtgärd flaggas bedömningen ”Stanna upp och tänk om”.",
                "guidance_en": "For a negative impact, describe how it is mitigated. Without "
                "mitigation the assessment is flagged “Stop and rethink”.",
                "dimension": dimension,
                "goals": [],
                "motivation_required": MotivationRule.NEGATIVE,
                "asks_action": True,
                "rethink_when_negative_without_action": True,
                "options": THREE_DIMENSION_OPTIONS,
            }
            for dimension in SustainabilityDimension.objects.order_by("sort_order")
        ],
    }


SHIPPED = [_agenda_2030, _dnsh, _horizontal, _three_dimensions]


def _create(definition: dict) -> Framework:
    criteria = definition.pop("criteria")
    framework = Framework.objects.create(**definition)
    version = FrameworkVersion.objects.create(
        framework=framework, number=1, change_note="Levererad med plattformen."
    )
    for position, data in enumerate(criteria):
        data = dict(data)
        options, conditions = data.pop("options"), data.pop("conditions", [])
        goals = data.pop("goals")
        criterion = Criterion(version=version, sort_order=position, **data)
        criterion.save()
        criterion.sdg_goals.set(goals)
        criterion.save()
        for number, option in enumerate(options):
            AnswerOption.objects.create(criterion=criterion, sort_order=number, **option)
        for number, (text_sv, text_en) in enumerate(conditions):
            CriterionCondition.objects.create(
                criterion=criterion, sort_order=number, text_sv=text_sv, text_en=text_en
            )
    version.published_at = timezone.now()
    version.save(update_fields=["published_at"])
    return framework


@transaction.atomic
def install_shipped_frameworks() -> list[Framework]:
    """Create the shipped frameworks that are missing. Returns the ones created."""
    if not SdgGoal.objects.exists():
        return []  # reference data not loaded yet (it comes with core's migrations)
    existing = set(Framework.objects.values_list("key", flat=True))
    created = []
    for build in SHIPPED:
        definition = build()
        if definition["key"] not in existing:
            created.append(_create(definition))
    return created
