"""Site search: Swedish words, the active language only, pagination, and no 500 on any input."""

import re
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st
from wagtail.rich_text import RichText

from omstallning.core.models import FocusAreaContact
from omstallning.events.tests.factories import EventPageFactory
from omstallning.knowledge.tests.factories import GoodExampleFactory, ToolFactory

from .factories import (
    AboutProjectPageFactory,
    ContactPersonFactory,
    FocusAreaPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    translate,
)


def result_links(response) -> list[tuple[str, str]]:
    return re.findall(r'<h3><a href="([^"]+)">([^<]+)</a></h3>', response.content.decode())


def hit_count(response) -> int:
    heading = re.search(
        r'id="search-results-heading"[^>]*>\s*(\d+) träff', response.content.decode()
    )
    assert heading, "no result count on the page"
    return int(heading.group(1))


def paragraph(text: str) -> list[tuple[str, RichText]]:
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def test_finds_pages_by_swedish_words(site, client):
    page = FocusAreaPageFactory(title="Hållbarhetssäkrad finansiering")

    response = client.get("/sok/", {"q": "hållbarhetssäkrad finansiering"})

    assert response.status_code == 200
    assert (page.url, "Hållbarhetssäkrad finansiering") in result_links(response)


def labelled_results(response) -> list[tuple[str, str, str]]:
    """(type label, address, title) of each hit, in order."""
    return re.findall(
        r'<p class="search-result__kind">([^<]+)</p>\s*<h3><a href="([^"]+)">([^<]+)</a></h3>',
        response.content.decode(),
    )


def titles_found(client, query: str) -> list[str]:
    return [title for _url, title in result_links(client.get("/sok/", {"q": query}))]


def test_finds_meetings_and_the_beginnings_of_swedish_compounds(site, client):
    EventPageFactory(title="Energieffektivisering för små företag")
    ToolFactory(title="Energikartläggning för små företag")
    EventPageFactory(title="Cirkulära affärsmodeller i tillverkningsindustrin")
    NewsPageFactory(title="Välkommen till Träffpunkt hållbarhet")
    StandardPageFactory(title="Solceller på taket")

    energy = titles_found(client, "energi")
    assert "Energieffektivisering för små företag" in energy
    assert "Energikartläggning för små företag" in energy
    assert "Solceller på taket" not in energy
    assert "Cirkulära affärsmodeller i tillverkningsindustrin" in titles_found(client, "cirkulär")
    assert "Välkommen till Träffpunkt hållbarhet" in titles_found(client, "träff")


def test_finds_the_focus_areas_by_what_they_are_called(site, client):
    about = AboutProjectPageFactory(intro="Projektet har fyra insatsområden.")
    FocusAreaPageFactory(parent=about, title="Hållbarhetssäkrad styrning")
    FocusAreaPageFactory(parent=about, title="Hållbarhetssäkrad finansiering")
    StandardPageFactory(title="Samverkan")

    found = titles_found(client, "insatsområde")

    assert {"Hållbarhetssäkrad styrning", "Hållbarhetssäkrad finansiering"} <= set(found)
    assert "Om projektet" in found  # "fyra insatsområden"
    assert "Samverkan" not in found


def test_finds_the_pages_that_name_a_person(site, client):
    lidberg = ContactPersonFactory(name="Maria Lidberg")
    conley = ContactPersonFactory(name="Pernilla Conley")
    StandardPageFactory(title="Samverkan", body=paragraph("Maria Lidberg leder projektet."))
    for title, person in [("Samverkan och lärande", lidberg), ("Finansiering", conley)]:
        page = FocusAreaPageFactory(title=title)
        FocusAreaContact.objects.create(page=page, person=person)
        page.save_revision().publish()

    found = titles_found(client, "Maria Lidberg")

    # Her name in a page's text, and the focus area she is the contact of (the meetings she
    # is the contact for: events' tests).
    assert {"Samverkan", "Samverkan och lärande"} <= set(found)
    assert "Finansiering" not in found  # Pernilla Conley's


def test_every_hit_says_what_kind_of_page_it_is(site, client):
    EventPageFactory(title="Energieffektivisering för små företag")
    GoodExampleFactory(title="Spillvärme från gjuteriet värmer grannarna")
    ToolFactory(title="Energikartläggning för små företag")
    NewsPageFactory(title="Plattformen för omställning öppnar")
    FocusAreaPageFactory(title="Hållbarhetssäkrad finansiering")
    StandardPageFactory(title="Samverkan")

    def labels(query):
        return {
            title: label
            for label, _url, title in labelled_results(client.get("/sok/", {"q": query}))
        }

    assert labels("energieffektivisering")["Energieffektivisering för små företag"] == "Träff"
    assert labels("spillvärme")["Spillvärme från gjuteriet värmer grannarna"] == "Gott exempel"
    assert labels("energikartläggning")["Energikartläggning för små företag"] == "Verktyg"
    assert labels("plattformen öppnar")["Plattformen för omställning öppnar"] == "Nyhet"
    assert labels("hållbarhetssäkrad finansiering")["Hållbarhetssäkrad finansiering"] == (
        "Insatsområde"
    )
    assert labels("samverkan")["Samverkan"] == "Sida"
    response = client.get("/sok/", {"q": "energi"})
    assert len(labelled_results(response)) == len(result_links(response)) == 2


def test_all_words_must_match(site, client):
    response = client.get("/sok/", {"q": "Träffpunkt ERUF"})

    assert response.status_code == 200
    assert hit_count(response) == 0
    assert result_links(response) == []


def test_searches_only_pages_in_the_active_language(site, client):
    # "Träffpunkt hållbarhet" is a name, used in the Swedish pages and in the English ones.
    page = StandardPageFactory(title="Träffpunkt hållbarhet", slug="traffpunkt")
    translate(page, "en", title="Träffpunkt hållbarhet: meeting point", slug="meeting-point")

    swedish = result_links(client.get("/sok/", {"q": "Träffpunkt"}))
    english = result_links(client.get("/en/search/", {"q": "Träffpunkt"}))

    assert swedish == [("/traffpunkt/", "Träffpunkt hållbarhet")]
    assert english == [("/en/meeting-point/", "Träffpunkt hållbarhet: meeting point")]


def test_only_live_pages_are_found(site, client):
    StandardPageFactory(title="Hemlig smultronplats", publish=False)
    StandardPageFactory(title="Öppen smultronplats")

    links = result_links(client.get("/sok/", {"q": "smultronplats"}))

    assert [title for _url, title in links] == ["Öppen smultronplats"]


def test_results_are_paginated_ten_a_page(site, client):
    for number in range(12):
        StandardPageFactory(title=f"Blåbärssoppa nummer {number}")

    first = client.get("/sok/", {"q": "blåbärssoppa"})
    second = client.get("/sok/", {"q": "blåbärssoppa", "sida": "2"})
    beyond = client.get("/sok/", {"q": "blåbärssoppa", "sida": "99"})
    not_a_number = client.get("/sok/", {"q": "blåbärssoppa", "sida": "två"})

    assert hit_count(first) == 12
    assert len(result_links(first)) == 10
    assert 'href="?q=bl%C3%A5b%C3%A4rssoppa&amp;sida=2" rel="next"' in first.content.decode()
    assert len(result_links(second)) == 2
    assert 'sida=1" rel="prev"' in second.content.decode()
    titles = {title for _url, title in result_links(first) + result_links(second)}
    assert titles == {f"Blåbärssoppa nummer {number}" for number in range(12)}
    assert result_links(beyond) == result_links(second)
    assert result_links(not_a_number) == result_links(first)


def test_empty_query_shows_the_form_without_results(site, client):
    response = client.get("/sok/", {"q": "   "})

    assert response.status_code == 200
    assert 'id="search-results-heading"' not in response.content.decode()


def test_search_accepts_only_get(site, client):
    assert client.post("/sok/", {"q": "hållbarhet"}).status_code == 405


# Text a person (or a robot) might type: words, search syntax, quotes, and anything else.
search_words = st.sampled_from(
    ["hållbarhet", "Träffpunkt", "och", "ERUF", "1:1", "AND", "OR", "NOT", "NEAR", "*", '"', "-"]
)
queries = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(search_words, st.text(max_size=12)), max_size=8).map(" ".join),
    st.text(alphabet="\"*():^-+~{}[]\\/'", max_size=20),
)
page_numbers = st.one_of(
    st.none(), st.integers(min_value=-5, max_value=10**12).map(str), st.text(max_size=12)
)


@given(query=queries, page=page_numbers)
@example(query="\x00", page=None)
@example(query='hållbarhet\x00"', page="0")
@example(query='"hållbarhet" -', page=None)
@example(query="ERUF --- NOT -", page=None)
def test_search_never_fails_on_any_input(site, client, query, page):
    params = {"q": query}
    if page is not None:
        params["sida"] = page

    response = client.get("/sok/", params)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    # Anything but spaces and control characters is something to search for.
    has_text = any(not ch.isspace() and unicodedata.category(ch) != "Cc" for ch in query)
    assert ('id="search-results-heading"' in html) == has_text


@given(text=st.one_of(queries, st.text(alphabet='"*^:(){}+-_ NEARORAND', max_size=40)))
@example(text='"')
@example(text="NEAR(a b)")
@example(text="a_b ___ ²")
def test_the_fts5_query_is_never_fts5_syntax(text):
    """Whatever is typed, the MATCH expression is valid FTS5 (the ranking falls back to the
    slow path on a database error, so an invalid one would only show as slowness)."""
    import sqlite3

    from omstallning.core.search_ranking import fts_match

    match = fts_match(text)
    database = sqlite3.connect(":memory:")
    database.execute("CREATE VIRTUAL TABLE t USING fts5(autocomplete, body, title)")
    database.execute("INSERT INTO t VALUES ('Energikartläggning', 'energi och klimat', 'x')")
    if match:
        database.execute("SELECT rowid FROM t WHERE t MATCH ?", [match]).fetchall()
    else:
        assert not re.search(r"[^\W_]", text)  # no letter or digit: nothing to look for


def test_a_word_matches_whole_words_and_beginnings_a_short_one_whole_words():
    from omstallning.core.search_ranking import fts_match

    assert fts_match("energi el") == '("energi" OR "energi"*) AND "el"'
    assert fts_match('cirkulär "ekonomi" -x') == (
        '("cirkulär" OR "cirkulär"*) AND ("ekonomi" OR "ekonomi"*) AND "x"'
    )


def test_postgresql_ranks_what_both_searches_found_first():
    from omstallning.core.search_ranking import merged_ranking

    # Whole words (Swedish stemming) found 1, 2, 3; title beginnings found 4, 3, 1.
    assert merged_ranking([1, 2, 3], [4, 3, 1]) == [1, 3, 2, 4]
    assert merged_ranking([], [4, 3]) == [4, 3]
    assert merged_ranking([1, 2], []) == [1, 2]
