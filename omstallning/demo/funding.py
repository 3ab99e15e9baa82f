"""Demo funding: Region Västmanland's programmes with budgets, an open and a closed call, about
3 000 generated decisions for the statistics, and a handful of applications at different steps.

Example data, marked as such: the generated decisions have is_generated=True, and texts say
"Exempel i demodata". The generated history uses a fixed seed, so it is the same every time;
only the dates in the current year follow the day it is loaded (never in the future). Safe to
run again: what is already there is left alone.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from omstallning.accounts.second_factor import trusted_outside_request
from omstallning.assessment.impact import Relevance
from omstallning.assessment.models import Framework
from omstallning.assessment.services import AnswerInput, answers_save, assessment_submit
from omstallning.core.models import Municipality
from omstallning.core.organisation_numbers import with_check_digit
from omstallning.funding import services, synthetic_decisions
from omstallning.funding.models import (
    ApplicantOrganisation,
    Application,
    AttachmentRequirement,
    BudgetFrame,
    Call,
    Decision,
    Programme,
    SelectionCriterion,
)
from omstallning.strategy.models import Strategy, StrategyGoal

EXAMPLE = "Exempel i demodata."
BUDGET_YEARS = range(2023, 2028)

# code, name, kind, money source, max support share (%), de minimis, yearly budget (kr),
# frameworks (keys; those installed are attached), description
PROGRAMMES = [
    ("investeringsstod", "Regionalt investeringsstöd", Programme.Kind.BUSINESS_SUPPORT, "1:1",
     35, False, 50_000_000, ["agenda-2030", "tre-dimensioner"],
     "Stöd till små och medelstora företags investeringar i maskiner, utrustning och ny "
     "teknik som stärker konkurrenskraften och bidrar till en hållbar omställning."),
    ("konsultcheck", "Konsultcheck", Programme.Kind.BUSINESS_SUPPORT, "1:1", 50, True,
     8_000_000, ["agenda-2030"],
     "En check för att anlita extern expertis, till exempel inom energi, cirkulära "
     "affärsmodeller, digitalisering eller export. Lämnas som stöd av mindre betydelse."),
    ("projektmedel", "Projektmedel 1:1", Programme.Kind.PROJECT_FUNDS, "1:1", 50, False,
     60_000_000, ["agenda-2030", "tre-dimensioner", "horisontella-kriterier"],
     "Medel till projekt som utvecklar länets näringsliv: nätverk, kompetensinsatser och "
     "innovationsmiljöer. Söks av kommuner, organisationer och främjande aktörer."),
    ("kommersiell-service", "Stöd till kommersiell service", Programme.Kind.COMMERCIAL_SERVICE,
     "1:1", 50, False, 7_000_000, ["agenda-2030", "tre-dimensioner"],
     "Stöd till dagligvarubutiker och drivmedelsstationer på landsbygden, så att det finns "
     "service i hela länet."),
    ("eruf", "Regionalfonden (ERUF)", Programme.Kind.ERDF, "eu", 40, False, 130_000_000,
     ["agenda-2030", "dnsh", "horisontella-kriterier"],
     "Europeiska regionala utvecklingsfonden, programmet för Östra Mellansverige 2021–2027. "
     "Regionen prioriterar och medfinansierar projekt för innovation och hållbar tillväxt."),
]  # fmt: skip
# A budget that moves a little from year to year, around what the generated history grants
# in a typical year (used to TYPICAL_USE); a year that granted more gets a frame it uses to
# at most MAX_USE, so that no year is overspent, as in a real programme.
BUDGET_CHANGE = {2023: 0.92, 2024: 1.0, 2025: 1.04, 2026: 1.0, 2027: 1.08}
TYPICAL_USE, MAX_USE = Decimal("0.92"), Decimal("0.98")
BUDGET_ROUNDING = 100_000

OPEN_CALL = {
    "title": "Investeringar för en hållbar omställning 2027",
    "summary": "Stöd till små och medelstora företag i Västmanlands län som investerar för att "
    "ställa om: lägre klimatpåverkan, cirkulära flöden, ny teknik och fler jobb. Stödet är "
    "högst 35 % av de stödberättigande kostnaderna och högst 1 000 000 kr. " + EXAMPLE,
    "body": f"{EXAMPLE} Utlysningen är påhittad och visar hur ansökan och handläggning går "
    "till.\n\n"
    "Region Västmanland hållbarhetssäkrar sin finansiering: företagsstöd, projektmedel, "
    "kommersiell service och regionalfonden (ERUF). Det är insatsområde 3 i projektet "
    "Omställning Västmanland. Varje ansökan bedöms utifrån miljömässig, social och ekonomisk "
    "hållbarhet, med den regionala utvecklingsstrategin (RUS) och Agenda 2030 som grund.\n\n"
    "Vi vill se investeringar som ger ökad hållbar tillväxt i länet, till exempel "
    "energieffektivisering, elektrifiering, återvinning och återbruk, eller en omställning av "
    "produktionen till cirkulära affärsmodeller. Investeringen ska stärka företagets "
    "konkurrenskraft och bidra till målen i Affärsplan Västmanland.\n\n"
    "Vi vill att fler av dem som i dag sällan får del av 1:1-medel söker, till exempel "
    "företag som drivs av kvinnor eller av personer med utländsk bakgrund.\n\n"
    "Som sökande gör du en egen hållbarhetsbedömning mot de 17 globala målen. Handläggaren "
    "bedömer sedan ansökan mot urvalskriterierna.",
    "eligibility": "Små och medelstora företag (färre än 250 anställda) med verksamhet i "
    "Västmanlands län. Stödet är högst 35 % av de stödberättigande kostnaderna. Investeringen "
    "får inte ha påbörjats innan ansökan har kommit in. Företaget ska ha ordnad ekonomi och "
    "inga skulder hos Skatteverket eller Kronofogden.",
    "max_amount": Decimal(1_000_000),
}
OPEN_CALL_ATTACHMENTS = [
    ("budget", True, "Projektets budget per kostnadsslag, med egen finansiering."),
    ("quote", True, "Offert eller prisuppgift för det ni söker stöd för."),
    ("annual_report", False, "Senaste årsredovisningen, om företaget har en."),
]
OPEN_CALL_CRITERIA = [
    ("Hållbarhetsnytta", 3,
     "Hur investeringen bidrar till miljömässig, social och ekonomisk hållbarhet, enligt "
     "hållbarhetsbedömningen."),
    ("Genomförbarhet", 2,
     "Realistisk budget, tidsplan och finansiering, och företagets förmåga att genomföra "
     "investeringen."),
    ("Tillväxt och sysselsättning", 2,
     "Förväntad effekt på omsättning, konkurrenskraft och arbetstillfällen i länet."),
]  # fmt: skip
CLOSED_CALL = {
    "title": "Konsultcheck för hållbar omställning",
    "summary": "Stöd för att köpa extern kompetens, till exempel energikartläggning, "
    "hållbarhetsanalys eller rådgivning om cirkulära affärsmodeller. Checken täcker högst "
    "hälften av konsultkostnaden, upp till 100 000 kr. " + EXAMPLE,
    "body": f"{EXAMPLE} Utlysningen är stängd.\n\n"
    "Konsultchecken hjälper små företag att ta in kunskap de inte har själva, så att "
    "hållbarhet blir en del av affären.",
    "eligibility": "Mikroföretag och små företag med verksamhet i Västmanlands län. Stödet "
    "lämnas som stöd av mindre betydelse (de minimis).",
    "max_amount": Decimal(100_000),
}

# --- Generated decision history -------------------------------------------------------------

# Decisions per year, about 3 000 in all; the last year runs only to yesterday. The model they
# follow, shared with the benchmark, is omstallning.funding.synthetic_decisions.
SEED = synthetic_decisions.SEED
YEAR_COUNTS = {2021: 440, 2022: 470, 2023: 500, 2024: 520, 2025: 545, 2026: 525}
# Where the decisions are: Västerås most, commercial service in the countryside.
POPULATION, RURAL = synthetic_decisions.POPULATION, synthetic_decisions.RURAL
BATCH = 1000


def generated_decisions(programmes: Mapping[str, Programme], today: date) -> list[Decision]:
    """The generated history, unsaved: the same rows every time (for the same day)."""
    last_day = today - timedelta(days=1)
    return [
        synthetic_decisions.as_decision(row, programmes, case_id=f"GEN-{row.number:06d}")
        for row in synthetic_decisions.synthetic_decisions(YEAR_COUNTS, last_day, seed=SEED)
    ]


# --- Demo applications, through the services ------------------------------------------------

PDF = b"%PDF-1.4\n%%EOF\n"

# key, name, first nine digits, size, SNI, municipality, women's share, CEO, foreign background
ORGANISATIONS = [
    ("gjuteri", "Mälardalens Gjuteri AB", "559214730", "small", "24510", "1980", 30, "man",
     "no"),
    ("mejeri", "Salabygdens Gårdsmejeri AB", "559307416", "micro", "10510", "1981", 100,
     "woman", "no"),
    ("sol", "Köpings Solteknik AB", "559118852", "micro", "43210", "1983", 50, "woman", "yes"),
    ("mekanik", "Fagersta Precisionsmekanik AB", "556712093", "small", "25620", "1982", 0,
     "man", "yes"),
    ("cafe", "Norbergs Bergslagscafé AB", "559401268", "micro", "56100", "1962", 100, "woman",
     ""),
]  # fmt: skip

MOTIVATIONS = {
    5: "Företaget ägs och leds av kvinnor och vill vara en förebild för fler.",
    7: "Investeringen minskar energibehovet och ersätter fossil energi med el.",
    8: "Bättre lönsamhet och fler arbetstillfällen i företaget.",
    9: "Ny teknik som gör produktionen mer resurseffektiv.",
    11: "Service och arbetstillfällen på orten.",
    12: "Mindre spill och mer återvunnet material i produktionen.",
    13: "Lägre utsläpp av växthusgaser från verksamheten.",
}


@dataclass(frozen=True)
class _DemoApplication:
    organisation: str
    stage: str  # draft, submitted, completion, recommended, granted
    title: str
    description: str
    goals: str
    activities: str
    budget: list[tuple[str, int, str]]
    applied: int
    sdg_goals: list[int]
    strategy_goal_codes: list[str]


APPLICATIONS = [
    _DemoApplication(
        "sol", "draft", "Solcellspark på lagertaket",
        "Vi vill bygga solceller på lagret och sälja överskottet till grannföretagen.",
        "", "", [("investments", 600_000, "Solceller och växelriktare")], 200_000,
        [7, 13], [],
    ),
    _DemoApplication(
        "cafe", "submitted", "Värmepump och energilager för caféet",
        "Caféet värms i dag med olja. Vi byter till bergvärme och ett batterilager, så att vi "
        "kan hålla öppet året runt med lägre kostnader.",
        "Fossilfri uppvärmning och halverade energikostnader inom ett år.",
        "Upphandling hösten, borrning och installation under vintern, uppföljning av "
        "förbrukningen under ett år.",
        [("investments", 520_000, "Bergvärmepump och borrhål"),
         ("investments", 180_000, "Batterilager"), ("services", 50_000, "Installation")],
        250_000, [7, 13, 8, 11], ["4.2"],
    ),
    _DemoApplication(
        "mejeri", "completion", "Cirkulär förpackningslinje för mejeriet",
        "En ny tappnings- och förpackningslinje för returglas ersätter engångsplast.",
        "All mjölk och yoghurt i returglas inom två år; 8 ton mindre plast per år.",
        "Val av leverantör, ombyggnad av mejerilokalen, provkörning, lansering i butikerna.",
        [("investments", 900_000, "Tappnings- och diskmaskin för glas"),
         ("materials", 150_000, "Returglas, första omgången"),
         ("services", 90_000, "Ombyggnad av lokalen")],
        390_000, [12, 13, 5, 8], ["1.2"],
    ),
    _DemoApplication(
        "mekanik", "recommended", "Elektrifierad härdning",
        "Härdningsugnen som drivs med gasol byts mot en induktionshärdning som drivs med el.",
        "Ingen gasol i produktionen och 30 % lägre energianvändning i härdningen.",
        "Förstudie klar. Upphandling, installation, utbildning av operatörer och inkörning.",
        [("investments", 1_600_000, "Induktionshärdningsmaskin"),
         ("services", 200_000, "Installation och driftsättning"),
         ("staff", 100_000, "Utbildning av operatörer")],
        650_000, [7, 9, 13], ["1.1"],
    ),
    _DemoApplication(
        "gjuteri", "granted", "Återvinning av formsand och spillvärme",
        "Ett system för att återvinna formsanden och ta tillvara spillvärmen från smältugnarna "
        "till lokalerna och fjärrvärmenätet.",
        "90 % av formsanden återvinns; spillvärme motsvarande 1,2 GWh per år tas tillvara.",
        "Projektering, installation av sandåtervinning och värmeväxlare, avtal med "
        "fjärrvärmebolaget, uppföljning.",
        [("investments", 2_100_000, "Anläggning för sandåtervinning"),
         ("investments", 500_000, "Värmeväxlare och rör"),
         ("services", 200_000, "Projektering")],
        900_000, [7, 9, 12, 13], ["1.1", "1.2"],
    ),
]  # fmt: skip


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _self_assess(
    application: Application, user: AbstractBaseUser, framework: Framework, goals: list[int]
) -> None:
    """The applicant's own Agenda 2030 assessment: the listed goals positive, the others not
    relevant, every answer motivated; then submitted."""
    assessment = services.self_assessment_start(
        application=application, user=user, framework=framework
    )
    entries = []
    for criterion in assessment.version.criteria.prefetch_related("sdg_goals", "options"):
        number = next(iter(goal.number for goal in criterion.sdg_goals.all()), None)
        option = None
        if number in goals:
            option = next((o for o in criterion.options.all() if o.impact == "positive"), None)
        entries.append(
            AnswerInput(
                criterion=criterion,
                option=option,
                relevance=Relevance.DIRECT if option else Relevance.NOT_RELEVANT,
                motivation=MOTIVATIONS.get(number, "") if option else "Påverkar inte målet.",
            )
        )
    answers_save(assessment=assessment, user=user, entries=entries)
    assessment_submit(assessment=assessment, user=user)


def _acting(user: AbstractBaseUser | None) -> AbstractBaseUser | None:
    return trusted_outside_request(user) if user is not None else None


def _load_applications(
    call: Call, strategy: Strategy | None, users: Mapping[str, AbstractBaseUser]
) -> None:
    """The demo applications, each taken through the services as far as its stage."""
    applicant = users.get("foretagare")
    # The loader acts as the demo's staff with the operator's own access, not in a session.
    officer = _acting(users.get("handlaggare"))
    decider = _acting(users.get("beslutsfattare"))
    if applicant is None or ApplicantOrganisation.objects.filter(owner=applicant).exists():
        return
    organisations = _load_organisations(applicant)
    goals = {}
    if strategy is not None:
        goals = dict(
            StrategyGoal.objects.filter(focus_area__strategy=strategy).values_list("code", "pk")
        )
    framework = call.self_assessment_frameworks.first()
    criteria = list(call.criteria.all())
    today = timezone.localdate()
    for spec in APPLICATIONS:
        application = services.application_create(
            user=applicant, call=call, organisation=organisations[spec.organisation],
            title=spec.title,
        )  # fmt: skip
        content = _application_content(spec, goals, today)
        services.application_save(application=application, user=applicant, content=content)
        if spec.stage == "draft":
            continue
        _send_in(application, applicant, framework, spec)
        if spec.stage == "submitted" or officer is None:
            continue
        if _handle(application, spec, officer, decider, criteria, today):
            services.payment_request(
                application=application,
                user=applicant,
                amount=Decimal(360_000),
                costs_reported=Decimal(1_120_000),
            )


def _load_organisations(applicant: AbstractBaseUser) -> dict[str, ApplicantOrganisation]:
    municipalities = {m.code: m for m in Municipality.objects.all()}
    organisations = {}
    for key, name, digits, size, sni, code, women, ceo, foreign in ORGANISATIONS:
        facts = services.OrganisationFacts(
            name=name,
            organisation_number=with_check_digit(digits),
            company_size=size,
            sni_code=sni,
            municipality=municipalities[code],
            women_owner_share=women,
            ceo_gender=ceo,
            voluntary_consent=bool(foreign),
            foreign_background=foreign,
        )
        organisations[key] = services.organisation_save(user=applicant, facts=facts)
    return organisations


def _application_content(
    spec: _DemoApplication, goals: Mapping[str, int], today: date
) -> services.ApplicationContent:
    total = sum(amount for _category, amount, _text in spec.budget)
    return services.ApplicationContent(
        title=spec.title,
        description=spec.description,
        goals=spec.goals,
        activities=spec.activities,
        time_plan="Start om tre månader, klart inom ett år." if spec.activities else "",
        starts_on=today + timedelta(days=90) if spec.activities else None,
        ends_on=today + timedelta(days=450) if spec.activities else None,
        co_financing=Decimal(total - spec.applied),
        amount_applied=Decimal(spec.applied),
        strategy_goal_ids=[goals[code] for code in spec.strategy_goal_codes if code in goals],
        budget_lines=[
            services.BudgetLineInput(category, Decimal(amount), text)
            for category, amount, text in spec.budget
        ],
    )


def _send_in(
    application: Application,
    applicant: AbstractBaseUser,
    framework: Framework | None,
    spec: _DemoApplication,
) -> None:
    """The attachments and the self-assessment, then submitted."""
    for kind, name in [("budget", "budget.pdf"), ("quote", "offert.pdf")]:
        services.attachment_add(
            application=application, user=applicant, kind=kind, upload=_pdf(name)
        )
    if spec.stage == "granted":
        services.attachment_add(
            application=application,
            user=applicant,
            kind="annual_report",
            upload=_pdf("arsredovisning-2025.pdf"),
        )
    if framework is not None:
        _self_assess(application, applicant, framework, spec.sdg_goals)
    services.application_submit(application=application, user=applicant)


def _handle(
    application: Application,
    spec: _DemoApplication,
    officer: AbstractBaseUser,
    decider: AbstractBaseUser | None,
    criteria: list,
    today: date,
) -> bool:
    """The officer's review as far as the stage: a completion request, or scores and a
    recommendation; then the decision, if there is someone to make it. Whether it was made."""
    services.conflict_declare(application=application, user=officer, has_conflict=False)
    services.review_start(application=application, user=officer)
    if spec.stage == "completion":
        services.completion_request(
            application=application,
            user=officer,
            message="Offerten gäller bara diskmaskinen. Skicka även offerten på "
            "tappningslinjen, och berätta hur returglasen ska samlas in från butikerna.",
            due_on=today + timedelta(days=14),
        )
        return False
    services.criterion_scores_save(
        application=application,
        user=officer,
        scores={
            criterion.pk: (4, f"{criterion.name}: väl beskrivet i ansökan.")
            for criterion in criteria
        },
    )
    recommended = Decimal(spec.applied)
    services.case_recommend(
        application=application,
        user=officer,
        outcome="granted",
        amount=recommended,
        motivation="Investeringen minskar utsläppen tydligt, budgeten är realistisk och "
        "företaget har förmåga att genomföra den.",
    )
    if spec.stage == "recommended" or decider is None:
        return False
    services.conflict_declare(application=application, user=decider, has_conflict=False)
    services.case_decide(
        application=application,
        user=decider,
        outcome="granted",
        amount=recommended,
        conditions="Slutrapport senast tre månader efter projektets slut.",
        motivation="Uppfyller utlysningens kriterier; stor hållbarhetsnytta.",
    )
    return True


# --- Programmes and calls -------------------------------------------------------------------


def _frameworks(keys) -> list[Framework]:
    return list(Framework.objects.filter(key__in=keys))


def _load_programmes() -> dict[str, Programme]:
    programmes = {}
    for (code, name, kind, source, share, de_minimis, _budget, framework_keys,
         description) in PROGRAMMES:  # fmt: skip
        programme, created = Programme.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "money_source": source,
                "max_support_share": share,
                "de_minimis": de_minimis,
                "description": f"{description} {EXAMPLE} Budgetramarna är påhittade.",
            },
        )
        if created:
            programme.frameworks.set(_frameworks(framework_keys))
            programme.save()  # a ParentalManyToManyField is written on save
        programmes[code] = programme
    return programmes


def budget_frames(
    yearly_budget: int, granted: Mapping[int, Decimal], today: date
) -> dict[int, Decimal]:
    """Each budget year's frame: the typical year's (the mean granted in the past years, used
    to TYPICAL_USE; without history `yearly_budget`) moved by BUDGET_CHANGE, and never so
    small that a year uses more than MAX_USE of it (this year: at the pace so far)."""
    past = [granted[year] for year in BUDGET_YEARS if year < today.year and granted.get(year)]
    typical = sum(past) / len(past) / TYPICAL_USE if past else Decimal(yearly_budget)
    frames: dict[int, Decimal] = {}
    for year in BUDGET_YEARS:
        needed = typical * Decimal(str(BUDGET_CHANGE[year]))
        amount = granted.get(year, Decimal(0))
        if year == today.year:
            elapsed = Decimal((today - date(year, 1, 1)).days or 1) / 365
            amount = amount / min(elapsed, Decimal(1))
        if year <= today.year:
            needed = max(needed, amount / MAX_USE)
        frames[year] = Decimal(math.ceil(needed / BUDGET_ROUNDING) * BUDGET_ROUNDING)
    return frames


def _load_budget_frames(programmes: Mapping[str, Programme], today: date) -> None:
    """The frames of a programme that has none yet (left alone when there)."""
    yearly = {code: budget for code, _n, _k, _s, _sh, _d, budget, _f, _t in PROGRAMMES}
    for code, programme in programmes.items():
        if programme.budget_frames.exists():
            continue
        granted = {
            row["year"]: row["amount"] or Decimal(0)
            for row in Decision.objects.filter(programme=programme, outcome="granted")
            .annotate(year=ExtractYear("decided_on"))
            .values("year")
            .annotate(amount=Sum("amount_granted"))
            .order_by()
        }
        frames = budget_frames(yearly[code], granted, today)
        BudgetFrame.objects.bulk_create(
            BudgetFrame(programme=programme, year=year, amount=amount, sort_order=order)
            for order, (year, amount) in enumerate(frames.items())
        )


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _load_call(programme: Programme, texts: dict, opens_at, closes_at, attachments, criteria):
    call, created = Call.objects.get_or_create(
        programme=programme,
        title=texts["title"],
        defaults={
            **{key: value for key, value in texts.items() if key != "title"},
            "opens_at": opens_at,
            "closes_at": closes_at,
        },
    )
    if created:
        AttachmentRequirement.objects.bulk_create(
            AttachmentRequirement(
                call=call, kind=kind, required=required, instructions=text, sort_order=order
            )
            for order, (kind, required, text) in enumerate(attachments)
        )
        SelectionCriterion.objects.bulk_create(
            SelectionCriterion(
                call=call, name=name, weight=weight, description=text, sort_order=order
            )
            for order, (name, weight, text) in enumerate(criteria)
        )
        call.self_assessment_frameworks.set(_frameworks(["agenda-2030"]))
        call.officer_frameworks.set(_frameworks(["tre-dimensioner"]))
        call.save()
    return call


def load_demo_funding(
    strategy: Strategy | None, users: Mapping[str, AbstractBaseUser] | None
) -> Call:
    """Programmes, calls and the generated history; with users (by username), also demo
    applications that are theirs. Returns the open call."""
    programmes = _load_programmes()
    today = timezone.localdate()
    open_call = _load_call(
        programmes["investeringsstod"],
        OPEN_CALL,
        _at(today - timedelta(days=30), 8),
        _at(today + timedelta(days=61), 16),
        OPEN_CALL_ATTACHMENTS,
        OPEN_CALL_CRITERIA,
    )
    _load_call(
        programmes["konsultcheck"],
        CLOSED_CALL,
        _at(today - timedelta(days=240), 8),
        _at(today - timedelta(days=150), 16),
        [("quote", True, "Offert från konsulten."), ("de_minimis", True, "")],
        [("Hållbarhetsnytta", 2, ""), ("Genomförbarhet", 1, "")],
    )
    if not Decision.objects.filter(is_generated=True).exists():
        Decision.objects.bulk_create(generated_decisions(programmes, today), batch_size=BATCH)
    _load_budget_frames(programmes, today)
    if users:
        _load_applications(open_call, strategy, users)
    return open_call
