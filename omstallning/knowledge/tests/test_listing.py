"""Finding knowledge: facets that combine (AND across, OR within) with counts, Swedish search,
sorting, pagination and URLs that keep every choice."""

import re

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from omstallning.core.models import SdgGoal
from omstallning.core.tests.factories import municipality
from omstallning.knowledge import facets
from omstallning.knowledge.models import KnowledgeTheme

from .factories import GoodExampleFactory, ToolFactory, knowledge_bank, themes


def titles(response) -> set[str]:
    return set(
        re.findall(r'<h3 class="card__title"><a [^>]+>([^<]+)</a>', response.content.decode())
    )


def facet_count(response, param, value) -> int | None:
    html = response.content.decode()
    checkbox = rf'name="{param}" value="{re.escape(value)}"[^>]*>\s*<label[^>]*>[^<]*'
    match = re.search(checkbox + r'<span class="knowledge-facet__count">\((\d+)\)', html)
    return int(match.group(1)) if match else None


def setup_items():
    energy = KnowledgeTheme.objects.get(slug="energi-och-klimat")
    circular = KnowledgeTheme.objects.get(slug="cirkular-ekonomi")
    vasteras, sala = municipality("1980"), municipality("1981")
    goal7, goal12 = SdgGoal.objects.get(number=7), SdgGoal.objects.get(number=12)
    GoodExampleFactory(
        title="Solpaneler på gjuteriet",
        intro="Ett gjuteri sänkte energin med en tredjedel.",
        themes=[energy],
        sdg_goals=[goal7],
        municipalities=[vasteras],
    )
    GoodExampleFactory(
        title="Återbruk av pallar",
        themes=[circular],
        sdg_goals=[goal12],
        municipalities=[sala],
    )
    ToolFactory(
        title="Energikartläggning steg för steg",
        themes=[energy],
        sdg_goals=[goal7, goal12],
        municipalities=[sala],
    )
    return knowledge_bank()


def test_facets_combine_and_count(site, client):
    bank = setup_items()
    url = bank.url

    everything = client.get(url)
    energy = client.get(url, {"tema": "energi-och-klimat"})
    energy_in_sala = client.get(url, {"tema": "energi-och-klimat", "kommun": "1981"})
    either_theme = client.get(url, {"tema": ["energi-och-klimat", "cirkular-ekonomi"]})

    assert len(titles(everything)) == 3
    assert titles(energy) == {"Solpaneler på gjuteriet", "Energikartläggning steg för steg"}
    assert titles(energy_in_sala) == {"Energikartläggning steg för steg"}
    assert len(titles(either_theme)) == 3
    # Within the chosen theme, the other theme's count says what adding it would give.
    assert facet_count(energy, "tema", "cirkular-ekonomi") == 1
    assert facet_count(energy, "kommun", "1981") == 1
    assert facet_count(energy, "mal", "7") == 2
    assert facet_count(energy, "typ", "toolpage") == 1


def test_swedish_search_with_stemming_and_facets(site, client):
    bank = setup_items()

    found = client.get(bank.url, {"q": "energin"})
    narrowed = client.get(bank.url, {"q": "energin", "mal": "12"})

    assert "Solpaneler på gjuteriet" in titles(found)
    assert titles(narrowed) == set()  # the gjuteri example is tagged 7 only
    # Beginnings of compound words, and theme names, match too.
    assert "Energikartläggning steg för steg" in titles(client.get(bank.url, {"q": "energi"}))
    assert "Återbruk av pallar" in titles(client.get(bank.url, {"q": "cirkulär"}))


def ordered_titles(response) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a [^>]+>([^<]+)</a>', response.content.decode())


def test_relevance_puts_a_title_beginning_with_the_word_first(site, client):
    energy = themes("energi-och-klimat")
    # Oldest first: newest first would be the other way round.
    GoodExampleFactory(
        title="Digital tvilling sparar energi i fastigheterna",
        intro="Ett fastighetsbolag styr värmen efter en digital modell av husen.",
        themes=themes("digitalisering", "energi-och-klimat"),
    )
    ToolFactory(
        title="Energikartläggning för små företag",
        intro="En mall som går igenom el, värme och transporter.",
        themes=energy,
    )
    ToolFactory(
        title="Klimatkalkyl för resor och transporter",
        intro="Räknar ut utsläppen från resor och frakt.",
        themes=energy,
    )
    GoodExampleFactory(
        title="Spillvärme från gjuteriet värmer grannarna",
        intro="Ett gjuteri säljer sin överskottsvärme till fjärrvärmenätet.",
        lessons="<p>Börja med en energikartläggning.</p>",
        themes=energy,
    )

    found = ordered_titles(client.get("/kunskapsbank/", {"q": "energi"}))

    # Both are tagged "Energi och klimat"; only one is about energy in its title.
    assert found.index("Energikartläggning för små företag") < found.index(
        "Klimatkalkyl för resor och transporter"
    )
    assert found[0] == "Digital tvilling sparar energi i fastigheterna"  # the whole word


def test_every_link_keeps_the_filters(site, client):
    bank = setup_items()
    for number in range(25):
        ToolFactory(
            title=f"Mall {number}", themes=[KnowledgeTheme.objects.get(slug="digitalisering")]
        )

    first = client.get(bank.url, {"tema": "digitalisering", "sortering": "nyast"})
    html = first.content.decode()

    assert "25 träffar" in html
    # Newest first is what a listing without words always is: the address need not say so.
    assert re.search(r'href="\?tema=digitalisering&amp;sida=2" rel="next"', html)
    second = client.get(bank.url, {"tema": "digitalisering", "sida": "2"})
    assert len(titles(second)) == 5
    searched = client.get(bank.url, {"q": "mall", "sortering": "nyast", "tema": "digitalisering"})
    assert re.search(
        r'href="\?q=mall&amp;sortering=nyast&amp;tema=digitalisering&amp;sida=2" rel="next"',
        searched.content.decode(),
    )


@given(
    params=st.dictionaries(
        st.sampled_from(["q", "tema", "mal", "kommun", "typ", "sortering", "sida", "annat"]),
        st.one_of(st.text(max_size=30), st.lists(st.text(max_size=10), max_size=3)),
    )
)
def test_any_query_gives_a_page(site, client, params):
    response = client.get(knowledge_bank().url, params)

    assert response.status_code == 200


def test_example_data_is_marked_on_every_card_and_an_example_shows_its_results(site, client):
    energy = themes("energi-och-klimat")
    GoodExampleFactory(
        title="Spillvärme från gjuteriet värmer grannarna",
        results="<p>2,1 GWh såld värme per år, 1 400 ton lägre koldioxidutsläpp.</p>",
        themes=energy,
        is_example_data=True,
    )
    for number in range(20):
        ToolFactory(title=f"Mall {number}", themes=energy, is_example_data=True)

    response = client.get("/kunskapsbank/")
    html = response.content.decode()

    assert "21 träffar" in html
    # Every card on the first page is marked.
    assert html.count("Exempeldata") == len(titles(response)) == 20
    example = client.get("/kunskapsbank/spillvarme-fran-gjuteriet-varmer-grannarna/")
    assert example.status_code == 200
    assert "2,1 GWh" in example.content.decode()
    assert "Relaterat" in example.content.decode()


def test_htmx_gets_the_listing_alone_and_the_count_for_screen_readers(site, client):
    bank = setup_items()

    fragment = client.get(bank.url, {"tema": "energi-och-klimat"}, headers={"HX-Request": "true"})
    html = fragment.content.decode()

    assert "<html" not in html
    assert titles(fragment) == {"Solpaneler på gjuteriet", "Energikartläggning steg för steg"}
    assert re.search(
        r'id="knowledge-status" data-hx-swap-oob="innerHTML:#knowledge-status">2 träffar', html
    )
    assert "HX-Request" in fragment["Vary"]


def test_htmx_history_restore_gets_the_whole_page(site, client):
    bank = setup_items()

    restored = client.get(
        bank.url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )

    assert "<html" in restored.content.decode()


def test_facet_labels_follow_the_language(site):
    bank = setup_items()
    items = facets.base_items(bank)

    with translation.override("sv"):
        swedish = {value.label for value in facets.counts(items, {})["mal"]}
    with translation.override("en"):
        english = {value.label for value in facets.counts(items, {})["mal"]}

    assert SdgGoal.objects.get(number=7).title_sv in swedish
    assert SdgGoal.objects.get(number=7).short_en in english
