"""The demo's funding: programmes, calls, a generated decision history and demo applications."""

from collections import Counter
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from omstallning.accounts.roles import BUSINESS_OWNER, CASE_OFFICER, DECISION_MAKER
from omstallning.accounts.tests.factories import UserFactory
from omstallning.core.models import Municipality
from omstallning.core.organisation_numbers import validate_organisation_number
from omstallning.core.sni import section_of
from omstallning.demo.funding import (
    POPULATION,
    RURAL,
    budget_frames,
    generated_decisions,
    load_demo_funding,
)
from omstallning.demo.region import MUNICIPALITIES
from omstallning.funding.models import (
    ApplicantOrganisation,
    Application,
    AttachmentRequirement,
    BudgetFrame,
    Call,
    CaseEvent,
    ConflictDeclaration,
    Decision,
    Ownership,
    Payment,
    Programme,
    SelectionCriterion,
    Status,
)
from omstallning.funding.statistics import StatisticsFilter, funding_statistics
from omstallning.strategy.models import Strategy

PROGRAMMES = {
    # code: (name, kind, money source, max support share, de minimis)
    "investeringsstod": ("Regionalt investeringsstöd", "business_support", "1:1", 35, False),
    "konsultcheck": ("Konsultcheck", "business_support", "1:1", 50, True),
    "projektmedel": ("Projektmedel 1:1", "project_funds", "1:1", 50, False),
    "kommersiell-service": (
        "Stöd till kommersiell service",
        "commercial_service",
        "1:1",
        50,
        False,
    ),
    "eruf": ("Regionalfonden (ERUF)", "erdf", "eu", 40, False),
}


def _counts() -> dict[str, int]:
    models = [
        Programme,
        BudgetFrame,
        Call,
        AttachmentRequirement,
        SelectionCriterion,
        Decision,
        ApplicantOrganisation,
        Application,
        CaseEvent,
        Payment,
    ]
    return {model.__name__: model.objects.count() for model in models}


def _strategy() -> Strategy:
    return Strategy.objects.get(slug="affarsplan-vastmanland")


def test_programmes_with_budgets_for_2023_to_2027_and_agenda_2030(demo):
    programmes = {p.code: p for p in Programme.objects.prefetch_related("budget_frames")}
    assert set(programmes) == set(PROGRAMMES)
    for code, (name, kind, source, share, de_minimis) in PROGRAMMES.items():
        programme = programmes[code]
        assert (programme.name, programme.kind, programme.money_source) == (name, kind, source)
        assert (programme.max_support_share, programme.de_minimis) == (share, de_minimis)
        assert sorted(f.year for f in programme.budget_frames.all()) == list(range(2023, 2028))
        assert all(f.amount > 0 for f in programme.budget_frames.all())
        assert "agenda-2030" in {f.key for f in programme.frameworks.all()}
        assert "demodata" in programme.description


def test_one_open_call_for_investments_and_a_closed_consultancy_call(demo):
    now = timezone.now()
    call = Call.objects.get(title="Investeringar för en hållbar omställning 2027")
    assert call.programme.code == "investeringsstod"
    assert call.is_open()
    assert timezone.is_aware(call.opens_at) and timezone.is_aware(call.closes_at)
    assert 25 <= (now - call.opens_at).days <= 31
    assert 55 <= (call.closes_at - now).days <= 62
    assert call.max_amount == 1_000_000
    assert "insatsområde 3" in call.body
    requirements = {r.kind: r.required for r in call.attachment_requirements.all()}
    assert requirements == {"budget": True, "quote": True, "annual_report": False}
    weights = {c.name: c.weight for c in call.criteria.all()}
    assert weights == {"Hållbarhetsnytta": 3, "Genomförbarhet": 2, "Tillväxt och sysselsättning": 2}
    assert [f.key for f in call.self_assessment_frameworks.all()] == ["agenda-2030"]

    closed = Call.objects.get(programme__code="konsultcheck")
    assert not closed.is_open()
    assert closed.closes_at < now
    assert [c for c in Call.objects.all() if c.is_open()] == [call]


def test_about_3000_generated_decisions_from_2021_to_yesterday(demo):
    decisions = Decision.objects.all()
    assert decisions.count() == 3000
    assert not decisions.filter(is_generated=False).exists()
    assert set(decisions.values_list("source", flat=True)) == {"imported"}
    assert decisions.filter(case_id="GEN-000001").exists()
    assert decisions.filter(case_id="GEN-003000").exists()
    first = decisions.order_by("decided_on").first().decided_on
    last = decisions.order_by("decided_on").last().decided_on
    assert first >= date(2021, 1, 1)
    assert last < timezone.localdate()
    years = Counter(d.year for d in decisions.values_list("decided_on", flat=True))
    assert set(years) == {2021, 2022, 2023, 2024, 2025, 2026}
    # Every programme has decisions; ERUF only from 2022.
    per_programme = dict(decisions.values_list("programme__code").annotate(n=Count("pk")))
    assert set(per_programme) == set(PROGRAMMES)
    assert not decisions.filter(programme__code="eruf", decided_on__year=2021).exists()


def test_generated_decisions_look_like_the_regions(demo):
    decisions = Decision.objects.filter(is_generated=True)
    total = decisions.count()
    granted = decisions.filter(outcome="granted").count()
    assert 0.65 < granted / total < 0.75
    # The database's check constraints hold: rejected grants nothing, granted ≤ applied.
    assert not decisions.filter(outcome="rejected").exclude(amount_granted=0).exists()
    assert not decisions.filter(outcome="granted", amount_granted__lte=0).exists()
    assert all(g <= a for a, g in decisions.values_list("amount_applied", "amount_granted"))
    # Amounts per programme.
    for code, low, high in [
        ("konsultcheck", 25_000, 100_000),
        ("investeringsstod", 100_000, 1_500_000),
        ("eruf", 1_000_000, 10_000_000),
    ]:
        amounts = decisions.filter(programme__code=code).values_list("amount_applied", flat=True)
        assert low <= min(amounts) and max(amounts) <= high
    # Västerås, the largest municipality, has the most; every municipality has some.
    by_municipality = Counter(decisions.values_list("municipality_code", flat=True))
    assert set(by_municipality) == {code for code, _name in MUNICIPALITIES}
    assert by_municipality.most_common(1)[0][0] == "1980"
    assert set(Municipality.objects.values_list("code", flat=True)) >= set(by_municipality)
    # Sections spread as asked, and each matches its SNI code.
    assert set(decisions.values_list("sni_section", flat=True)) == set("CFGIJMNQA")
    for code, section in decisions.values_list("sni_code", "sni_section").distinct():
        assert section_of(code) == section
    # Mostly micro and small companies.
    sizes = Counter(decisions.values_list("company_size", flat=True))
    assert (sizes["micro"] + sizes["small"]) / total > 0.7
    # Women-owned share grows over the years.
    share = {}
    for year in (2021, 2026):
        of_year = decisions.filter(decided_on__year=year)
        share[year] = of_year.filter(ownership="women").count() / of_year.count()
    assert share[2026] > share[2021]
    # Voluntary and older facts are sometimes missing; environmental impact only lately.
    assert decisions.filter(foreign_background="").exists()
    assert decisions.filter(foreign_background="yes").exists()
    assert not decisions.filter(decided_on__year=2021).exclude(environmental_impact="").exists()
    recent = decisions.filter(decided_on__year=2025)
    assert recent.exclude(environmental_impact="").count() > recent.count() / 2
    assert {"positive", "neutral", "negative"} <= set(
        recent.values_list("environmental_impact", flat=True)
    )
    # Every ownership group is there (the database derives it from the share).
    assert set(decisions.values_list("ownership", flat=True)) == set(Ownership.values)
    assert decisions.filter(Q(ceo_gender="woman") | Q(ceo_gender="man")).count() > total * 0.9


def test_generated_history_is_the_same_every_time(demo):
    programmes = {p.code: p for p in Programme.objects.all()}
    today = timezone.localdate()
    fields = ["case_id", "decided_on", "amount_applied", "organisation_number", "outcome"]

    def rows(decisions):
        return [tuple(getattr(d, f) for f in fields) for d in decisions]

    first = rows(generated_decisions(programmes, today))
    assert first == rows(generated_decisions(programmes, today))
    assert len({row[0] for row in first}) == len(first) == 3000


def test_demo_rows_pass_full_clean(demo):
    for model in (Programme, BudgetFrame, Call, AttachmentRequirement, SelectionCriterion):
        for row in model.objects.all():
            row.full_clean()
    sample = Decision.objects.order_by("pk")[::97]
    assert len(sample) > 25
    for decision in sample:
        decision.full_clean()
        validate_organisation_number(decision.organisation_number)


def test_a_second_load_adds_nothing(demo):
    before = _counts()
    assert before["Decision"] == 3000
    load_demo_funding(_strategy(), None)
    assert _counts() == before


def test_demo_municipality_weights_cover_the_region(demo):
    codes = {code for code, _name in MUNICIPALITIES}
    assert set(POPULATION) == set(RURAL) == codes


def test_demo_applications_through_the_services_when_there_are_users(demo):
    users = {
        "foretagare": UserFactory(roles=[BUSINESS_OWNER]),
        "handlaggare": UserFactory(roles=[CASE_OFFICER]),
        "beslutsfattare": UserFactory(roles=[DECISION_MAKER]),
    }
    strategy = _strategy()
    load_demo_funding(strategy, users)

    applications = Application.objects.filter(applicant=users["foretagare"])
    statuses = Counter(applications.values_list("status", flat=True))
    assert statuses == {
        Status.DRAFT: 1,
        Status.SUBMITTED: 1,
        Status.COMPLETION_REQUESTED: 1,
        Status.RECOMMENDED: 1,
        Status.PAYMENTS: 1,
    }
    for organisation in ApplicantOrganisation.objects.filter(owner=users["foretagare"]):
        organisation.full_clean()
    # Every step is in the audit log, and staff declared no conflict before acting.
    granted = applications.get(status=Status.PAYMENTS)
    actions = list(granted.events.values_list("action", flat=True))
    assert actions[0] == "create"
    for action in ("submit", "no_conflict_declared", "start_review", "recommend", "grant"):
        assert action in actions
    assert actions[-1] == "request_payment"
    assert not ConflictDeclaration.objects.filter(has_conflict=True).exists()
    assert granted.conflict_declarations.count() == 2
    assert granted.decision.source == Decision.Source.HANDLED
    assert granted.decision.is_generated is False
    assert granted.decision.decided_by == users["beslutsfattare"]
    assert granted.payments.get().status == Payment.Status.REQUESTED
    assert set(granted.strategy_goals.values_list("code", flat=True)) == {"1.1", "1.2"}
    assert {a.kind for a in granted.attachments.all()} == {"budget", "quote", "annual_report"}
    completion = applications.get(status=Status.COMPLETION_REQUESTED)
    assert completion.completion_requests.get().answered_at is None
    recommended = applications.get(status=Status.RECOMMENDED)
    assert recommended.recommended_outcome == "granted"
    assert recommended.criterion_scores.count() == 3
    draft = applications.get(status=Status.DRAFT)
    assert draft.reference is None

    before = _counts()
    load_demo_funding(strategy, users)
    assert _counts() == before


def test_budget_frames_follow_what_was_granted_and_are_never_passed():
    granted = {2023: Decimal(9_400_000), 2024: Decimal(4_850_000), 2026: Decimal(2_800_000)}

    frames = budget_frames(8_000_000, granted, date(2026, 7, 2))

    # The typical year: (9 400 000 + 4 850 000) / 2 / 0,92 = 7 744 565 (2025 granted nothing,
    # 2026 is not over). 2023: 7 744 565 × 0,92 = 7 125 000, but 9 400 000 / 0,98 = 9 591 837
    # is needed, so 9 600 000 (rounded up to 100 000). 2024: 7 744 565 → 7 800 000 (it granted
    # only 4 850 000). 2025: × 1,04 = 8 054 348 → 8 100 000. 2026: 7 800 000, since the pace so
    # far (2 800 000 in 182 days: 5 615 385 a year, / 0,98 = 5 729 985) fits. 2027: × 1,08 =
    # 8 364 130 → 8 400 000.
    assert frames == {
        2023: Decimal(9_600_000),
        2024: Decimal(7_800_000),
        2025: Decimal(8_100_000),
        2026: Decimal(7_800_000),
        2027: Decimal(8_400_000),
    }


def test_the_demo_budgets_are_never_overspent_and_the_coming_year_awaits_decisions(demo):
    statistics = funding_statistics(StatisticsFilter(), suppress=False)
    this_year = timezone.localdate().year
    rows = statistics.budget_use

    assert rows
    overspent = [(r.programme, r.year, r.share) for r in rows if r.share is None or r.share > 1]
    assert overspent == []
    # A past year uses at least half its frame.
    assert all(r.share >= 0.5 for r in rows if r.year < this_year)
    # The generated history ends with 2026: the years after wait for decisions.
    later = [r for r in rows if r.year > 2026]
    assert later and all(r.awaiting_decisions and r.granted == 0 for r in later)
