"""How long portfolio sums take over many assessments, on SQLite and on PostgreSQL.

    .venv/bin/python bench/portfolio_sums.py                 # 100 000 assessments, both databases
    .venv/bin/python bench/portfolio_sums.py --count 10000 --database sqlite

It builds a scratch database (a temporary SQLite file, or `omstallning_bench` on the local
PostgreSQL server), fills it with assessments and their stored results in bulk, and prints
the time of `portfolio_sums` (median and 95th percentile of repeated runs) with and without an
amount per assessment. Nothing here is part of the test suite.
"""

import argparse
import random
import time

import scratch

DATABASE = "omstallning_bench"


def run_one(database_url: str, count: int, repeats: int) -> None:
    connection = scratch.set_up(database_url, DATABASE)
    _fill(count)
    _measure(count, repeats, connection.vendor)


def _fill(count: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from omstallning.assessment.impact import GoalImpact
    from omstallning.assessment.models import Assessment, DimensionResult, Framework, GoalResult
    from omstallning.core.models import Organisation, SdgGoal, SustainabilityDimension

    rng = random.Random(2026)
    started = time.perf_counter()
    user = get_user_model().objects.create_user("bench")
    version = Framework.objects.get(key="agenda-2030").current_version
    subject_type = ContentType.objects.get_for_model(Organisation)
    goals = list(SdgGoal.objects.values_list("pk", flat=True))
    dimensions = list(SustainabilityDimension.objects.values_list("pk", flat=True))
    impacts = list(GoalImpact.values)
    batch = 5000
    with transaction.atomic():
        for first in range(0, count, batch):
            assessments = Assessment.objects.bulk_create(
                Assessment(
                    subject_type=subject_type,
                    subject_id=number + 1,
                    version=version,
                    assessor=user,
                    status=rng.choice(["draft", "submitted", "locked"]),
                    knockout_count=int(rng.random() < 0.05),
                )
                for number in range(first, min(first + batch, count))
            )
            GoalResult.objects.bulk_create(
                GoalResult(assessment=a, goal_id=goal, impact=rng.choice(impacts))
                for a in assessments
                for goal in rng.sample(goals, rng.randint(3, 17))
            )
            DimensionResult.objects.bulk_create(
                DimensionResult(
                    assessment=a,
                    dimension_id=dimension,
                    score=rng.randint(0, 100),
                    positive=rng.randint(0, 3),
                    negative=rng.randint(0, 2),
                    knowledge_gaps=rng.randint(0, 2),
                )
                for a in assessments
                for dimension in dimensions
            )
    print(f"  filled {count} assessments in {time.perf_counter() - started:.1f} s")


def _measure(count: int, repeats: int, vendor: str) -> None:
    from django.db.models import DecimalField, ExpressionWrapper, F

    from omstallning.assessment.models import Assessment
    from omstallning.assessment.selectors import portfolio_sums

    amount = ExpressionWrapper(F("subject_id") * 1000, output_field=DecimalField())
    cases = {
        "all, counts only": (Assessment.objects.all(), None),
        "all, with an amount": (Assessment.objects.all(), amount),
        "submitted and locked, with an amount": (
            Assessment.objects.filter(status__in=["submitted", "locked"]),
            amount,
        ),
    }
    for name, (assessments, weight) in cases.items():
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            sums = portfolio_sums(assessments, weight=weight)
            timings.append(time.perf_counter() - started)
        p50, p95 = scratch.p50_p95(timings)
        print(
            f"  {vendor:10} {count:>7} assessments  {name:38} "
            f"p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
            f"({sums.assessments.count} summed)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.url:  # a child process: one database per process, as Django is set up once
        run_one(args.url, args.count, args.repeats)
        return
    scratch.each_database(
        __file__,
        args.database,
        DATABASE,
        ["--count", str(args.count), "--repeats", str(args.repeats)],
    )


if __name__ == "__main__":
    main()
