"""The knowledge bank's address always says what is shown, a new search sorts by relevance,
and the details the first walk-through found: company sizes smallest first in the statistics'
words, sectors without their SNI letter, the kind of item above the title, a tool that can be
had, and no empty filter box."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from omstallning.core.tests.factories import municipalities, municipality
from omstallning.knowledge import facets
from omstallning.knowledge.models import KnowledgeTheme, ToolPage

from .factories import (
    GoodExampleFactory,
    MethodFactory,
    ToolFactory,
    goals,
    knowledge_bank,
    sectors,
    sizes,
    themes,
    tool_workbook,
)
from .test_listing import facet_count

BANK = "/kunskapsbank/"
FACET_PARAMS = {facet.param for facet in facets.FACETS}
ENERGY_MAPPING_STEPS = [
    "El: årsförbrukning i kWh och de största förbrukarna",
    "Värme: uppvärmningssätt, förbrukning och kostnad per år",
    "Transporter: fordon, körsträcka och bränsle",
]


@pytest.fixture
def items(site):
    """A bank like the one of the first walk-through: examples, tools and a method, in
    several municipalities, tagged with themes, goals, sectors and company sizes. Made oldest
    first, so that newest first differs from the order they are written in."""
    return [
        GoodExampleFactory(
            title="Digital tvilling sparar energi i fastigheterna",
            intro="Ett fastighetsbolag styr värmen efter en digital modell av husen.",
            organisation_name="Exempel Fastigheter i Fagersta",
            themes=themes("digitalisering", "energi-och-klimat"),
            sdg_goals=goals(7, 11),
            municipalities=municipalities("1982"),
            sectors=sectors("L"),
            company_sizes=sizes("litet"),
        ),
        GoodExampleFactory(
            title="Spillvärme från gjuteriet värmer grannarna",
            intro="Ett gjuteri säljer sin överskottsvärme till fjärrvärmenätet.",
            organisation_name="Exempelgjuteriet i Köping AB",
            sector_note="Gjuteri",
            municipality=municipality("1983"),
            challenge="<p>Ugnarna gav mycket värme som släpptes ut.</p>",
            what_they_did="<p>Värmeväxlare och avtal med energibolaget.</p>",
            results="<p>2,1 GWh såld värme per år.</p>",
            lessons="<p>Börja med en energikartläggning.</p>",
            is_example_data=True,
            themes=themes("energi-och-klimat"),
            sdg_goals=goals(7, 9, 13),
            municipalities=municipalities("1983"),
            sectors=sectors("C"),
            company_sizes=sizes("medelstort"),
        ),
        GoodExampleFactory(
            title="Reparation före nyköp i järnhandeln",
            intro="En järnhandel startade en reparationsdisk för verktyg.",
            themes=themes("cirkular-ekonomi"),
            sdg_goals=goals(12),
            municipalities=municipalities("1981"),
            sectors=sectors("G"),
            company_sizes=sizes("mikro"),
        ),
        GoodExampleFactory(
            title="Kompetenslyft för operatörer i omställningen",
            intro="Ett verkstadsföretag utbildade 80 operatörer inför elektrifieringen.",
            themes=themes("kompetensforsorjning"),
            sdg_goals=goals(4, 8),
            municipalities=municipalities("1980"),
            sectors=sectors("C"),
            company_sizes=sizes("stort"),
        ),
        MethodFactory(
            title="Klimatsmart upphandling för små kommuner",
            intro="Krav och kriterier som små leverantörer kan möta.",
            themes=themes("energi-och-klimat"),
            sdg_goals=goals(12, 13),
        ),
        ToolFactory(
            title="Energikartläggning för små företag",
            intro="En mall som går igenom el, värme och transporter.",
            what_it_does="<p>Verktyget är en arbetsbok att fylla i, steg för steg.</p>",
            for_whom="Företag med under 50 anställda",
            time_to_use="2–4 timmar",
            cost="Gratis",
            document=tool_workbook("Energikartläggning för små företag", ENERGY_MAPPING_STEPS),
            themes=themes("energi-och-klimat"),
            sdg_goals=goals(7, 13),
            municipalities=municipalities("1983", "1980"),
        ),
    ]


@pytest.fixture
def two_pages_of_items(items):
    """The same bank with more tools, so that the listing has a second page."""
    kinds = [
        ("energi-och-klimat", "1980", "mikro", "Energi för verkstaden"),
        ("cirkular-ekonomi", "1981", "stort", "Återbruk i butiken"),
        ("energi-och-klimat", "1983", "stort", "Klimat och energi i lagret"),
    ]
    extra = [
        ToolFactory(
            title=f"Mall {number}",
            intro=kinds[number % 3][3],
            themes=themes(kinds[number % 3][0]),
            municipalities=municipalities(kinds[number % 3][1]),
            company_sizes=sizes(kinds[number % 3][2]),
            sdg_goals=goals(7 if number % 2 else 12),
        )
        for number in range(16)
    ]
    return items + extra


def htmx_get(client, params, *, shown: str = BANK):
    """A request as htmx makes it from the page at `shown`, when the form changes."""
    return client.get(
        BANK,
        params,
        headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver{shown}"},
    )


def ordered_titles(response) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a [^>]+>([^<]+)</a>', response.content.decode())


def selected_sort(response) -> str | None:
    match = re.search(
        r'<select id="knowledge-sort" name="sortering"([^>]*)>(.*?)</select>',
        response.content.decode(),
        flags=re.S,
    )
    assert match, "no sorting control"
    if "disabled" in match.group(1):
        return None
    return re.search(r'<option value="(\w+)" selected>', match.group(2)).group(1)


def checked(response) -> set[tuple[str, str]]:
    return set(
        re.findall(
            r'<input type="checkbox" name="(\w+)" value="([^"]+)"[^>]* checked>',
            response.content.decode(),
        )
    )


# --- A new search sorts by relevance ----------------------------------------------------


def test_without_words_the_list_is_newest_first_and_a_typed_search_is_by_relevance(items, client):
    start = client.get(BANK)
    # The form, as a browser without JavaScript sends it: a disabled control is not sent.
    searched = client.get(BANK, {"q": "energi"})

    assert selected_sort(start) is None  # nothing to be relevant to yet
    assert '<option value="nyast" selected>Nyast</option>' in start.content.decode()
    assert selected_sort(searched) == "relevans"
    assert ">Relevans</option>" in searched.content.decode()
    assert "Bäst träff" not in searched.content.decode()


def test_a_new_search_on_the_page_starts_by_relevance_again(items, client):
    newest = htmx_get(
        client,
        {"q": "klimat", "sortering": "nyast"},
        shown="/kunskapsbank/?q=energi&sortering=nyast",
    )

    assert newest["HX-Push-Url"] == "/kunskapsbank/?q=klimat"
    # The sorting control is swapped in too, so that it shows what the list is sorted by.
    assert 'id="knowledge-sort-field" data-hx-swap-oob="true"' in newest.content.decode()
    assert selected_sort(newest) == "relevans"


def test_choosing_newest_for_the_same_words_keeps_it(items, client):
    response = htmx_get(
        client, {"q": "energi", "sortering": "nyast"}, shown="/kunskapsbank/?q=energi"
    )

    assert response["HX-Push-Url"] == "/kunskapsbank/?q=energi&sortering=nyast"
    assert selected_sort(response) == "nyast"
    titles = ordered_titles(response)
    by_relevance = ordered_titles(client.get(BANK, {"q": "energi"}))
    assert sorted(titles) == sorted(by_relevance) and titles != by_relevance


# --- The address says what is shown -----------------------------------------------------


def test_the_address_has_every_choice_after_each_change(items, client):
    # The walk-through: search "energi", tick Köping, then goal 7.
    searched = htmx_get(client, {"q": "energi"})
    koping = htmx_get(client, {"q": "energi", "kommun": "1983"}, shown="/kunskapsbank/?q=energi")
    goal = htmx_get(
        client,
        {"q": "energi", "sortering": "relevans", "mal": "7", "kommun": "1983"},
        shown="/kunskapsbank/?q=energi&kommun=1983",
    )

    assert searched["HX-Push-Url"] == "/kunskapsbank/?q=energi"
    assert koping["HX-Push-Url"] == "/kunskapsbank/?q=energi&kommun=1983"
    assert goal["HX-Push-Url"] == "/kunskapsbank/?q=energi&mal=7&kommun=1983"


def test_nothing_new_in_the_history_when_nothing_changed(items, client):
    response = htmx_get(
        client, {"q": "energi", "kommun": "1983"}, shown=f"{BANK}?q=energi&kommun=1983"
    )

    assert response["HX-Push-Url"] == "false"


def test_going_back_asks_the_server_for_the_whole_page(items, client):
    html = client.get(BANK).content.decode()

    # htmx keeps no snapshot of the page (which would hold the search box as first loaded).
    assert 'data-hx-history="false"' in html
    restored = client.get(
        BANK,
        {"q": "energi", "kommun": "1983"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restored.content.decode()
    assert 'value="energi"' in restored.content.decode()
    assert "HX-Push-Url" not in restored


param_values = {
    "q": st.sampled_from(["", "energi", "cirkulär", "klimat energi", "x"]),
    "sortering": st.sampled_from(["", "relevans", "nyast", "bäst"]),
    "kommun": st.lists(st.sampled_from(["1980", "1983", "1981", "9999"]), max_size=3),
    "mal": st.lists(st.sampled_from(["7", "12", "13", "99"]), max_size=2),
    "tema": st.lists(st.sampled_from(["energi-och-klimat", "cirkular-ekonomi"]), max_size=2),
    "storlek": st.lists(st.sampled_from(["mikro", "stort"]), max_size=2),
    "sida": st.sampled_from(["", "1", "2", "99"]),
}


@given(
    params=st.fixed_dictionaries({}, optional=param_values),
    shown=st.fixed_dictionaries({}, optional={"q": param_values["q"]}),
)
def test_the_address_pushed_shows_the_same_listing(two_pages_of_items, client, params, shown):
    from urllib.parse import urlencode

    updated = htmx_get(client, params, shown=f"{BANK}?{urlencode(shown)}")
    address = updated["HX-Push-Url"]
    if address == "false":  # the page already shows it
        address = f"{BANK}?{urlencode(shown)}"

    reloaded = client.get(address)

    assert urlsplit(address).path == BANK
    assert ordered_titles(reloaded) == ordered_titles(updated)
    assert selected_sort(reloaded) == selected_sort(updated)
    assert checked(reloaded) == checked(updated)
    assert re.search(r"\d+ träff", reloaded.content.decode())
    written = parse_qs(urlsplit(address).query)
    assert all(len(values) == len(set(values)) for values in written.values())
    # Every choice the address makes is shown as made.
    chosen = {(key, value) for key, values in written.items() for value in values}
    assert {pair for pair in chosen if pair[0] in FACET_PARAMS} == checked(reloaded)


# --- Details ----------------------------------------------------------------------------


def test_company_sizes_are_smallest_first_in_the_statistics_words(items):
    bank = knowledge_bank()  # the items are tagged litet, medelstort, mikro, stort in turn

    sizes = facets.counts(facets.base_items(bank), {})["storlek"]

    assert [value.label for value in sizes] == [
        "Mikroföretag (färre än 10 anställda)",
        "Litet företag (10–49 anställda)",
        "Medelstort företag (50–249 anställda)",
        "Stort företag (250 anställda eller fler)",
    ]


def test_a_sector_is_named_without_its_sni_letter(items, client):
    html = client.get(f"{BANK}spillvarme-fran-gjuteriet-varmer-grannarna/").content.decode()

    assert "<dt>Bransch</dt><dd>Tillverkning</dd>" in html
    assert "C Tillverkning" not in html


def test_the_kind_of_item_stands_above_its_title(items, client):
    html = client.get(f"{BANK}spillvarme-fran-gjuteriet-varmer-grannarna/").content.decode()

    assert re.search(
        r'<div class="page-header">\s*<p class="eyebrow">Gott exempel · <strong>Exempeldata'
        r"</strong></p>\s*<h1>Spillvärme från gjuteriet värmer grannarna</h1>",
        html,
    )


def test_a_tool_page_offers_the_tool_and_says_its_summary_once(items, client):
    tool = ToolPage.objects.get(title="Energikartläggning för små företag")

    html = client.get(tool.url).content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]

    assert main.count(tool.intro) == 1
    link = re.search(r'<a class="button" href="([^"]+)" download>Ladda ner ([^<]+)</a>', main)
    assert link and link.group(2) == "Energikartläggning för små företag"
    assert "(XLSX, " in main
    download = client.get(link.group(1))
    assert download.status_code == 200
    from io import BytesIO

    from openpyxl import load_workbook

    content = b"".join(download.streaming_content) if download.streaming else download.content
    sheet = load_workbook(BytesIO(content)).active
    assert sheet["A1"].value == "Energikartläggning för små företag"
    column = [cell.value for cell in sheet["A"]]
    assert all(step in column for step in ENERGY_MAPPING_STEPS)


def test_a_tool_without_a_link_or_file_says_the_text_is_the_tool(site, client):
    tool = ToolFactory(title="Samtalsstöd", what_it_does="<p>Fem frågor att ställa.</p>")

    html = client.get(tool.url).content.decode()

    assert "Verktyget beskrivs i texten på den här sidan" in html
    assert "Ladda ner" not in html


def test_the_two_fact_lists_of_a_tool_are_laid_out_alike(items, client):
    tool = ToolPage.objects.get(title="Energikartläggning för små företag")

    html = client.get(tool.url).content.decode()

    assert html.count('<dl class="event-facts knowledge-facts">') == 2


def test_no_empty_filter_box_when_nothing_matches(items, client):
    assert 'id="knowledge-facets"' in client.get(BANK).content.decode()

    html = client.get(BANK, {"q": "zyxwvut"}).content.decode()

    assert "0 träffar" in html
    assert "Avgränsa" not in html  # neither the box nor the link to it
    assert 'id="knowledge-facets"' not in html
    assert f'<a href="{BANK}">Rensa alla val</a>' in html


def test_a_choice_stays_in_view_while_it_empties_the_listing(site, client):
    bank = knowledge_bank()
    energy = KnowledgeTheme.objects.get(slug="energi-och-klimat")
    ToolFactory(title="Energiverktyg", themes=[energy])

    response = client.get(bank.url, {"typ": "goodexamplepage", "tema": "energi-och-klimat"})

    assert "0 träffar" in response.content.decode()
    assert 'id="knowledge-facets"' in response.content.decode()
    # Both choices are still there to untick, with what they would give.
    assert checked(response) == {("typ", "goodexamplepage"), ("tema", "energi-och-klimat")}
    assert facet_count(response, "typ", "goodexamplepage") == 0
    assert facet_count(response, "typ", "toolpage") == 1


def test_a_choice_that_names_nothing_is_ignored(items, client):
    response = client.get(BANK, {"kommun": "9999", "mal": "99", "typ": "page"})

    assert f"{len(items)} träffar" in response.content.decode()
    assert checked(response) == set()
