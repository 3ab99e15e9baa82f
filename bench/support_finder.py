"""How long Hitta stöd's list takes for a full set of answers over many offers, on SQLite and
on PostgreSQL.

    .venv/bin/python bench/support_finder.py                  # 10 000 offers, both databases
    .venv/bin/python bench/support_finder.py --count 2000 --database sqlite

It builds a scratch database (a temporary SQLite file, or `omstallning_bench_finder` on the
local PostgreSQL server, dropped and created again), migrates it, and fills it in bulk with
COUNT offers from COUNT / 50 actors, each with random eligibility (stages, sizes, sectors,
municipalities, owner groups; half of each open to all), themes and goals. Then it prints the
time of `finder_results` (the page of offers with their reasons and every filter's counts;
median and 95th percentile of repeated runs after one to warm up) for typical requests, beside
a reference measured in the same run: reading the same page of offers by primary key with
their relations, the least any list can cost. The issue's goal is p95 ≤ 50 ms on both.
Nothing here is part of the test suite.
"""

import argparse
import random
import time

import scratch

DATABASE = "omstallning_bench_finder"
BATCH = 2000

FULL = {
    "behov": ["pengar"],
    "skede": ["nystartat"],
    "storlek": ["mikro"],
    "bransch": ["C"],
    "kommun": ["1980"],
    "agare": ["kvinnor"],
}
CASES = {
    "no answers, no filters": ({}, {}),
    "six answers": (FULL, {}),
    "six answers + theme + cost": (FULL, {"tema": ["energi-och-klimat"], "kostnad": ["free"]}),
    "three answers": ({k: FULL[k] for k in ("behov", "skede", "storlek")}, {}),
    "six answers, what does not fit": (FULL, {}),
}
MUNICIPALITIES = ["1904", "1907", "1960", "1961", "1962", "1980", "1981", "1982", "1983", "1984"]


def run_one(database_url: str, count: int, repeats: int) -> None:
    connection = scratch.set_up(database_url, DATABASE)
    _fill(count)
    _measure(count, repeats, connection.vendor)


def _some(rng: random.Random, values: list) -> list:
    return [] if rng.random() < 0.5 else rng.sample(values, rng.randint(1, min(3, len(values))))


def _fill(count: int) -> None:
    from django.db import transaction

    from omstallning.actors.models import Actor, CompanyStage, Offer, SupportType, TargetGroup
    from omstallning.core.models import Municipality, Region, SdgGoal
    from omstallning.knowledge.models import CompanySize, KnowledgeTheme, SniSection

    rng = random.Random(2026)
    started = time.perf_counter()
    region = Region.objects.create(name="Region Bench", county_name="Bench län", county_code="99")
    places = Municipality.objects.bulk_create(
        Municipality(region=region, code=code, name=f"Kommun {code}") for code in MUNICIPALITIES
    )
    vocab = {
        "stages": list(CompanyStage.objects.all()),
        "company_sizes": list(CompanySize.objects.all()),
        "sectors": list(SniSection.objects.all()),
        "municipalities": places,
        "target_groups": list(TargetGroup.objects.all()),
        "themes": list(KnowledgeTheme.objects.all()),
        "sdg_goals": list(SdgGoal.objects.all()),
    }
    actors = Actor.objects.bulk_create(
        Actor(
            name=f"Aktör {n}",
            slug=f"aktor-{n}",
            kind=Actor.Kind.OTHER,
            description_sv="En aktör.",
            status=Actor.Status.APPROVED,
        )
        for n in range(max(1, count // 50))
    )
    with transaction.atomic():
        for first in range(0, count, BATCH):
            offers = Offer.objects.bulk_create(
                Offer(
                    actor=rng.choice(actors),
                    name_sv=f"Erbjudande {n}",
                    slug=f"erbjudande-{n}",
                    summary_sv="Stöd till företag som vill ställa om.",
                    support_type=rng.choice(SupportType.values),
                    cost=rng.choice(Offer.Cost.values),
                    only_for_target_groups=rng.random() < 0.15,
                )
                for n in range(first, min(first + BATCH, count))
            )
            for relation, rows in vocab.items():
                through = getattr(Offer, relation).through
                column = getattr(Offer, relation).field.m2m_reverse_field_name()
                through.objects.bulk_create(
                    through(offer_id=offer.pk, **{f"{column}_id": row.pk})
                    for offer in offers
                    for row in _some(rng, rows)
                )
    # Bulk inserts send no signals: make the bit sets the finder matches on, as saving would.
    from omstallning.actors.services import offers_bits_refresh

    offers_bits_refresh()
    # The planner's statistics, as autovacuum would have them after a load: without them
    # PostgreSQL takes 10 000 offers for one and loops over every actor for each.
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    elapsed = time.perf_counter() - started
    print(f"  filled {count} offers from {len(actors)} actors in {elapsed:.1f} s")


def _timed(function, repeats: int) -> tuple[float, float]:
    function()  # warm up
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return scratch.p50_p95(timings)


def _measure(count: int, repeats: int, vendor: str) -> None:
    from omstallning.actors.eligibility import CHECKED_RELATIONS
    from omstallning.actors.models import Offer
    from omstallning.actors.selectors import finder_results

    def reference() -> None:
        ids = list(Offer.objects.order_by("pk").values_list("pk", flat=True)[:20])
        list(Offer.objects.filter(pk__in=ids).prefetch_related(*CHECKED_RELATIONS))

    p50, p95 = _timed(reference, repeats)
    print(f"  {vendor:10} {count:>6} offers  {'reference: 20 offers by id':32} "
          f"p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")  # fmt: skip
    for name, (answers, chosen) in CASES.items():
        misfits = "not fit" in name

        def run(answers=answers, chosen=chosen, misfits=misfits):
            return finder_results(answers, chosen, page=None, misfits=misfits)

        p50, p95 = _timed(run, repeats)
        print(f"  {vendor:10} {count:>6} offers  {name:32} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms"
              f"  ({run().total} listed)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=20)
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
