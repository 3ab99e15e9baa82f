"""How long the knowledge bank's listing takes over many items, on SQLite and on PostgreSQL.

    .venv/bin/python bench/knowledge_search.py                  # 100 000 items, both databases
    .venv/bin/python bench/knowledge_search.py --count 2000 --database sqlite

It builds a scratch database (a temporary SQLite file, or `omstallning_bench_knowledge` on the
local PostgreSQL server, dropped and created again), migrates it, puts a Kunskapsbank under the
site's root page and fills it in bulk with COUNT good examples, tools, methods and reports:
Swedish titles and texts from word lists, random themes, goals, dimensions, SNI sections,
Västmanland's municipalities, audiences and company sizes, published over three years. The pages
are written straight into the page tree (path, depth and numchild computed here, one INSERT per
batch and table) and indexed for search directly through the search backend, as
`manage.py update_index` would. Then it prints the time of `knowledge_listing` (median and 95th
percentile of repeated runs, after one run to warm up) for a few typical requests; a listing
that takes longer than --timeout seconds is interrupted and reported as stopped. Nothing here
is part of the test suite.
"""

import argparse
import datetime
import json
import random
import threading
import time
import uuid

import scratch

DATABASE = "omstallning_bench_knowledge"
BATCH = 5000

# What each request asks for, as the query string of the listing.
CASES = {
    "no filter, newest first": "",
    'search "energi"': "q=energi",
    'search "energi" + kommun + goal 7': "q=energi&kommun=1980&mal=7",
    "two themes + audience": "tema=energi-och-klimat&tema=cirkular-ekonomi&malgrupp=foretag",
    "rare combination": "tema=digitalisering&bransch=B&kommun=1962",
    "page 50, no filter": "sida=50",
}

# How often each kind of item, theme, goal, section, municipality and size occurs.
KINDS = {"goodexamplepage": 40, "toolpage": 20, "methodpage": 25, "reportpage": 15}
THEMES = {
    "energi-och-klimat": 30,
    "cirkular-ekonomi": 20,
    "kompetensforsorjning": 15,
    "digitalisering": 15,
    "jamstalldhet-och-mangfald": 10,
    "landsbygd-och-kommersiell-service": 10,
}
GOALS = {7: 12, 8: 10, 9: 8, 12: 10, 13: 10, 4: 5, 5: 4, 10: 4, 11: 5, 17: 4}
GOALS.update(dict.fromkeys([1, 2, 3, 6, 14, 15, 16], 2))
SECTORS = {"C": 20, "G": 12, "A": 10, "F": 10, "M": 8, "I": 8, "H": 6, "L": 6, "N": 5, "J": 5}
SECTORS.update({"D": 4, "E": 4, "Q": 3, "P": 3, "R": 2, "S": 2, "K": 1, "O": 1, "B": 1})
SECTORS.update({"T": 0.2, "U": 0.2})
PLACES = {"1980": 50, "1983": 9, "1981": 8, "1961": 6, "1982": 5, "1984": 5, "1907": 4}
PLACES.update({"1960": 3, "1962": 2, "1904": 2})
SIZES = {"mikro": 35, "litet": 30, "medelstort": 20, "stort": 10}
AUDIENCES = {"foretag": 60, "framjaraktor": 25, "offentlig-sektor": 15}
DIMENSIONS = ["ecological", "social", "economic"]

TOPICS = [
    "Energieffektivisering", "Solceller", "Cirkulär ekonomi", "Kompetensförsörjning",
    "Energikartläggning", "Återbruk av material", "Laddinfrastruktur", "Digital tvilling",
    "Minskat matsvinn", "Jämställd rekrytering", "Hållbar upphandling", "Spillvärme",
    "Biogas", "Klimatkalkyl", "Cirkulär design", "Energi och klimat", "Kompetenslyft",
    "Delningsekonomi", "Vattenrening", "Hållbara transporter", "Förnybar energi",
    "Mångfald i arbetslivet", "Reparation och underhåll", "Lokal livsmedelsproduktion",
]  # fmt: skip
SETTINGS = [
    "på gjuteriet", "i lantbruket", "för småföretag", "i handeln", "på hotellet",
    "i byggsektorn", "i kommunen", "i verkstadsindustrin", "i besöksnäringen",
    "på landsbygden", "för främjaraktörer", "i fastigheterna", "i livsmedelsindustrin",
    "i skogsbruket", "i logistiken", "i vården", "på kontoret", "i tillverkningen",
]  # fmt: skip
ACTORS = [
    "Ett gjuteri", "En verkstad", "En mjölkgård", "Ett åkeri", "En lanthandel", "Ett hotell",
    "Ett fastighetsbolag", "En snickerifabrik", "En kommun", "Ett bageri", "En restaurang",
    "Ett byggföretag", "Ett konsultbolag", "En plantskola", "Ett tryckeri", "Ett tvätteri",
    "Ett energibolag", "En möbeltillverkare", "Ett sågverk", "En bilverkstad",
]  # fmt: skip
ACTIONS = [
    "satsade på energieffektivisering i hela produktionen",
    "installerade solceller på taket och ett batterilager",
    "minskade energianvändningen med {n} procent",
    "bytte till förnybar energi för uppvärmningen",
    "började med återbruk av förpackningar och pallar",
    "tog fram en cirkulär affärsmodell med hyra och återtag",
    "genomförde ett kompetenslyft för all personal",
    "kartlade sin energi, sina transporter och sitt avfall",
    "införde digital styrning av värme och ventilation",
    "halverade matsvinnet med vägning och nya menyer",
    "anställde fler kvinnor i produktionen",
    "utbildade medarbetarna i hållbar upphandling",
    "delar maskiner och lokaler med grannföretagen",
    "säljer överskottsvärme till fjärrvärmenätet",
    "laddar lastbilarna med egen solel",
    "reparerar i stället för att köpa nytt",
    "planerade kompetensförsörjningen tillsammans med yrkeshögskolan",
    "gick över till cirkulär design av sina produkter",
]  # fmt: skip
RESULTS = [
    "Energin från solcellerna räcker till {n} procent av behovet.",
    "Kostnaderna sjönk med {n} procent på två år.",
    "Utsläppen minskade med {n} ton koldioxid per år.",
    "Kompetensen i företaget har ökat och personalomsättningen har minskat.",
    "Energianvändningen per producerad enhet är nu {n} procent lägre.",
    "{n} procent av materialet används igen.",
    "Kunderna efterfrågar nu de cirkulära tjänsterna.",
    "Andelen kvinnor ökade från 8 till {n} procent.",
    "Återbetalningstiden blev {n} år.",
    "Arbetet gav {n} nya arbetstillfällen i kommunen.",
]
SENTENCES = [
    "Arbetet bidrar till de globala målen och stärker konkurrenskraften.",
    "Företaget samarbetade med kommunens energi- och klimatrådgivare.",
    "Nästa steg är att utbilda fler medarbetare och mäta resultaten varje år.",
    "Börja med en kartläggning och sätt mål som går att följa upp.",
    "Det viktigaste var att ledningen var engagerad från början.",
    "Stöd från regionen gjorde det möjligt att anlita en konsult.",
    "Erfarenheterna delas nu med andra företag i länet.",
    "Metoden fungerar lika bra i små som i stora verksamheter.",
    "Med solceller och smart styrning blir energin billigare och renare.",
    "Cirkulära flöden minskar behovet av nya råvaror.",
    "Kompetens inom hållbarhet blir allt viktigare vid rekrytering.",
    "Den sociala hållbarheten fick lika stor plats som den ekologiska.",
]


def run_one(database_url: str, count: int, repeats: int, timeout: float) -> None:
    import logging

    connection = scratch.set_up(database_url, DATABASE)
    logging.getLogger("wagtail").setLevel(logging.WARNING)  # no line per page created
    bank = _fill(count)
    _index()
    if connection.vendor == "postgresql":
        # As autovacuum would soon after a load this size; without it the plans are guesses.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    _measure(bank, count, repeats, timeout, connection.vendor)


def _text(rng: random.Random, parts: list[str]) -> str:
    return rng.choice(parts).format(n=rng.randint(5, 60))


def _paragraph(rng: random.Random, sentences: int) -> str:
    text = [f"{rng.choice(ACTORS)} {_text(rng, ACTIONS)}.", _text(rng, RESULTS)]
    text += rng.sample(SENTENCES, sentences)
    return " ".join(text)


def _title(rng: random.Random, kind: str, year: int) -> str:
    topic = f"{rng.choice(TOPICS)} {rng.choice(SETTINGS)}"
    if kind == "toolpage":
        return rng.choice(["Verktyg: ", "Mall för ", "Checklista: "]) + topic.lower()
    if kind == "methodpage":
        return rng.choice(["Guide: ", "Så arbetar du med ", "Metod: "]) + topic.lower()
    if kind == "reportpage":
        return f"Rapport: {topic.lower()} {year}"
    return topic


def _pick(rng: random.Random, weights: dict, low: int, high: int) -> set:
    """Between low and high different values, the more common ones more often."""
    wanted = rng.randint(low, high)
    chosen: set = set()
    while len(chosen) < wanted:
        chosen.add(rng.choices(list(weights), weights=list(weights.values()))[0])
    return chosen


def _insert(model, objs, fields):
    """One multi-row INSERT per batch into the model's own table, as bulk_create does for a
    model without parents (bulk_create refuses multi-table inheritance). The ids of new rows
    come back when the table has its own auto id."""
    return model._base_manager.all()._batched_insert(objs, fields, batch_size=None)


def _fill(count: int):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from wagtail.models import Page, Site

    from omstallning.core.models import Municipality, Region, SdgGoal, SustainabilityDimension
    from omstallning.demo.region import MUNICIPALITIES, REGION
    from omstallning.knowledge.models import (
        Audience,
        CompanySize,
        GoodExamplePage,
        KnowledgeIndexPage,
        KnowledgeItemPage,
        KnowledgeTheme,
        MethodPage,
        ReportPage,
        SniSection,
        ToolPage,
    )

    rng = random.Random(2026)
    started = time.perf_counter()
    region = Region.objects.create(**REGION)
    Municipality.objects.bulk_create(
        Municipality(region=region, code=code, name=name) for code, name in MUNICIPALITIES
    )
    home = Site.objects.get(is_default_site=True).root_page
    bank = home.add_child(
        instance=KnowledgeIndexPage(title="Kunskapsbank", slug="kunskapsbank", live=True)
    )
    models = {
        model._meta.model_name: model
        for model in (GoodExamplePage, ToolPage, MethodPage, ReportPage)
    }
    content_types = {name: ContentType.objects.get_for_model(m) for name, m in models.items()}
    ids = {
        "themes": dict(KnowledgeTheme.objects.values_list("slug", "pk")),
        "sdg_goals": dict(SdgGoal.objects.values_list("number", "pk")),
        "dimensions": dict(SustainabilityDimension.objects.values_list("code", "pk")),
        "sectors": dict(SniSection.objects.values_list("code", "pk")),
        "municipalities": dict(Municipality.objects.values_list("code", "pk")),
        "audiences": dict(Audience.objects.values_list("slug", "pk")),
        "company_sizes": dict(CompanySize.objects.values_list("slug", "pk")),
    }
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    now = timezone.now()
    three_years = 3 * 365 * 24 * 3600
    with transaction.atomic():
        for first in range(0, count, BATCH):
            pages, tags = [], []
            for number in range(first, min(first + BATCH, count)):
                kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
                published = now - datetime.timedelta(seconds=rng.randint(0, three_years))
                title = _title(rng, kind, published.year)
                slug = f"{slugify(title)[:200]}-{number + 1}"
                body = [
                    {"type": "heading", "value": "Bakgrund", "id": str(uuid.uuid4())},
                    *(
                        {
                            "type": "paragraph",
                            "value": f"<p>{_paragraph(rng, rng.randint(1, 3))}</p>",
                            "id": str(uuid.uuid4()),
                        }
                        for _ in range(rng.randint(1, 3))
                    ),
                ]
                places = _pick(rng, PLACES, 1, 1) if kind == "goodexamplepage" else set()
                if kind != "goodexamplepage" and rng.random() < 0.4:
                    places = _pick(rng, PLACES, 1, 2)
                page = models[kind](
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(bank.path, bank.depth + 1, number + 1),
                    depth=bank.depth + 1,
                    numchild=0,
                    url_path=f"{bank.url_path}{slug}/",
                    locale_id=bank.locale_id,
                    content_type=content_types[kind],
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    intro=f"{rng.choice(ACTORS)} {_text(rng, ACTIONS)}.",
                    body=json.dumps(body),
                    last_reviewed=(published + datetime.timedelta(days=rng.randint(0, 300))).date(),
                    **_specific_fields(rng, kind, places, ids["municipalities"]),
                )
                pages.append(page)
                tags.append(
                    {
                        "themes": _pick(rng, THEMES, 1, 2),
                        "sdg_goals": _pick(rng, GOALS, 1, 4),
                        "dimensions": set(rng.sample(DIMENSIONS, rng.randint(1, 3))),
                        "sectors": _pick(rng, SECTORS, 1, 2)
                        if kind == "goodexamplepage" or rng.random() < 0.5
                        else set(),
                        "municipalities": places,
                        "audiences": _pick(rng, AUDIENCES, 1, 2),
                        "company_sizes": _pick(rng, SIZES, 0, 2),
                    }
                )
            for page, (pk,) in zip(pages, _insert(Page, pages, page_fields), strict=True):
                page.id = page.page_ptr_id = page.knowledgeitempage_ptr_id = pk
            _insert(KnowledgeItemPage, pages, KnowledgeItemPage._meta.local_concrete_fields)
            for kind, model in models.items():
                of_kind = [p for p in pages if p.content_type_id == content_types[kind].pk]
                _insert(model, of_kind, model._meta.local_concrete_fields)
            for name, values in ids.items():
                field = KnowledgeItemPage._meta.get_field(name)
                through = field.remote_field.through
                source, target = field.m2m_column_name(), field.m2m_reverse_name()
                through.objects.bulk_create(
                    through(**{source: page.pk, target: values[value]})
                    for page, page_tags in zip(pages, tags, strict=True)
                    for value in page_tags[name]
                )
        Page.objects.filter(pk=bank.pk).update(numchild=count)
    bank.refresh_from_db()
    print(f"  filled {count} items in {time.perf_counter() - started:.1f} s", flush=True)
    return bank


def _specific_fields(rng: random.Random, kind: str, places: set, place_ids: dict) -> dict:
    if kind == "goodexamplepage":
        paragraph = lambda: f"<p>{_paragraph(rng, 1)}</p>"  # noqa: E731
        return {
            "organisation_name": f"Exempel {rng.choice(TOPICS).split()[0]} AB",
            "sector_note": rng.choice(SETTINGS).split(" ", 1)[1],
            "municipality_id": place_ids[next(iter(places))],
            "challenge": paragraph(),
            "what_they_did": paragraph(),
            "results": f"<p>{_text(rng, RESULTS)}</p>",
            "lessons": f"<p>{rng.choice(SENTENCES)}</p>",
        }
    if kind == "toolpage":
        return {
            "what_it_does": f"<p>{_paragraph(rng, 2)}</p>",
            "for_whom": rng.choice(["Företag", "Främjaraktörer", "Kommuner", "Små företag"]),
            "time_to_use": rng.choice(["30 minuter", "2 timmar", "En halvdag", "Några veckor"]),
            "cost": rng.choice(["Gratis", "Ingen kostnad", "Enligt offert"]),
            "link": "https://example.se/verktyg",
        }
    return {}


def _index() -> None:
    """What `manage.py update_index` does for the knowledge items, with two shortcuts that
    leave the index the same: chunks by id (the command pages with OFFSET, which grows slower
    as it goes), and the related objects a search field reads loaded per chunk (the backend
    does not prefetch a ParentalManyToManyField and reads it once per indexed column, so five
    queries per item)."""
    from wagtail.search.backends import get_search_backend

    from omstallning.knowledge.models import GoodExamplePage, MethodPage, ReportPage, ToolPage

    started = time.perf_counter()
    backend = get_search_backend()
    indexed = 0
    for model in (GoodExamplePage, ToolPage, MethodPage, ReportPage):
        index = backend.get_index_for_model(model)
        objects = model.get_indexed_objects().order_by("pk")
        last = 0
        while chunk := list(objects.filter(pk__gt=last)[:1000]):
            _load_related(model, chunk)
            index.add_items(model, chunk)
            indexed += len(chunk)
            last = chunk[-1].pk
    if hasattr(index, "_refresh_title_norms"):
        index._refresh_title_norms(full=True)  # as a rebuild finishes
    print(f"  indexed {indexed} items in {time.perf_counter() - started:.1f} s", flush=True)


def _load_related(model, chunk: list) -> None:
    """Put the values of the many-to-many fields that the search fields read where
    modelcluster's manager looks first, in the order the database would give them."""
    from modelcluster.fields import ParentalManyToManyField
    from wagtail.search import index

    for search_field in model.get_search_fields():
        if not isinstance(search_field, index.RelatedFields):
            continue
        field = model._meta.get_field(search_field.field_name)
        if not isinstance(field, ParentalManyToManyField):
            continue
        targets = {target.pk: target for target in field.related_model._default_manager.all()}
        order = {pk: position for position, pk in enumerate(targets)}
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        found: dict[int, list[int]] = {item.pk: [] for item in chunk}
        rows = field.remote_field.through.objects.filter(**{f"{source}__in": list(found)})
        for item_id, target_id in rows.values_list(source, target):
            found[item_id].append(target_id)
        for item in chunk:
            related = [targets[pk] for pk in sorted(found[item.pk], key=order.__getitem__)]
            item.__dict__.setdefault("_cluster_related_objects", {})[field.name] = related


def _measure(bank, count: int, repeats: int, timeout: float, vendor: str) -> None:
    from django.db import OperationalError, connection
    from django.http import QueryDict

    from omstallning.knowledge.selectors import knowledge_listing

    def listing_within_timeout(params):
        # Interrupt the database from another thread: SQLite stops the statement, PostgreSQL
        # cancels the query, and either raises OperationalError here.
        connection.ensure_connection()
        native = connection.connection
        stop = native.interrupt if connection.vendor == "sqlite" else native.cancel
        timer = threading.Timer(timeout, stop)
        timer.start()
        try:
            listing = knowledge_listing(bank, params)
            return listing, list(listing.page.object_list)
        finally:
            timer.cancel()

    for name, query in CASES.items():
        params = QueryDict(query)
        timings = []
        label = f"  {vendor:10} {count:>7} items  {name:36}"
        try:
            for run in range(repeats + 1):
                started = time.perf_counter()
                listing, shown = listing_within_timeout(params)
                facet_values = sum(len(values) for values in listing.facets.values())
                if run:  # the first run warms caches and is not counted
                    timings.append(time.perf_counter() - started)
        except OperationalError as error:
            print(f"{label} stopped after {timeout:g} s ({error})", flush=True)
            continue
        p50, p95 = scratch.p50_p95(timings)
        print(
            f"{label} p50 {p50:8.1f} ms  "
            f"p95 {p95:8.1f} ms  "
            f"({listing.total} hits, {len(shown)} shown, {facet_values} facet values)",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument(
        "--timeout", type=float, default=300, help="seconds one listing may take (default 300)"
    )
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.url:  # a child process: one database per process, as Django is set up once
        run_one(args.url, args.count, args.repeats, args.timeout)
        return
    scratch.each_database(
        __file__,
        args.database,
        DATABASE,
        [
            *("--count", str(args.count), "--repeats", str(args.repeats)),
            *("--timeout", str(args.timeout)),
        ],
    )


if __name__ == "__main__":
    main()
