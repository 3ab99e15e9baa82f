"""Site search: Swedish words, the active language only, pagination, and no 500 on any input."""

import re
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from .factories import StandardPageFactory


def result_links(response) -> list[tuple[str, str]]:
    return re.findall(r'<h3><a href="([^"]+)">([^<]+)</a></h3>', response.content.decode())


def hit_count(response) -> int:
    heading = re.search(
        r'id="search-results-heading"[^>]*>\s*(\d+) träff', response.content.decode()
    )
    assert heading, "no result count on the page"
    return int(heading.group(1))


def test_finds_pages_by_swedish_words(demo, client):
    response = client.get("/sok/", {"q": "hållbarhetssäkrad finansiering"})

    assert response.status_code == 200
    assert ("/om-projektet/hallbarhetssakrad-finansiering/", "Hållbarhetssäkrad finansiering") in (
        result_links(response)
    )


def labelled_results(response) -> list[tuple[str, str, str]]:
    """(type label, address, title) of each hit, in order."""
    return re.findall(
        r'<p class="search-result__kind">([^<]+)</p>\s*<h3><a href="([^"]+)">([^<]+)</a></h3>',
        response.content.decode(),
    )


def titles_found(client, query: str) -> list[str]:
    return [title for _url, title in result_links(client.get("/sok/", {"q": query}))]


def test_finds_meetings_and_the_beginnings_of_swedish_compounds(demo, client):
    assert "Energieffektivisering för små företag" in titles_found(client, "energi")
    assert "Energikartläggning för små företag" in titles_found(client, "energi")
    assert "Cirkulära affärsmodeller i tillverkningsindustrin" in titles_found(client, "cirkulär")
    assert "Träffpunkt hållbarhet" in titles_found(client, "träff")
    assert "Välkommen till Träffpunkt hållbarhet" in titles_found(client, "träff")


def test_finds_the_focus_areas_by_what_they_are_called(demo, client):
    found = titles_found(client, "insatsområde")

    assert {
        "Samverkan och lärande inom det näringslivsfrämjande systemet i länet",
        "Hållbarhetssäkrad styrning",
        "Hållbarhetssäkrad finansiering",
        "Övergripande omställningsarbete",
    } <= set(found)
    assert "Om projektet" in found  # "fyra insatsområden"


def test_finds_the_pages_that_name_a_person(demo, client):
    found = titles_found(client, "Maria Lidberg")

    # Her own words on Samverkan, the contact cards on Kontakt and the focus areas she is the
    # contact of (the meetings she is the contact for: events' tests).
    assert {
        "Samverkan",
        "Kontakt",
        "Samverkan och lärande inom det näringslivsfrämjande systemet i länet",
        "Övergripande omställningsarbete",
    } <= set(found)
    assert "Hållbarhetssäkrad finansiering" not in found  # Pernilla Conley's


def test_every_hit_says_what_kind_of_page_it_is(demo, client):
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
    response = client.get("/sok/", {"q": "träff"})
    assert len(labelled_results(response)) == len(result_links(response))


def test_all_words_must_match(demo, client):
    response = client.get("/sok/", {"q": "Träffpunkt ERUF"})

    assert response.status_code == 200
    assert hit_count(response) == 0
    assert result_links(response) == []


def test_searches_only_pages_in_the_active_language(demo, client):
    # "Träffpunkt hållbarhet" is a name, used in the Swedish pages and in the English ones.
    swedish = result_links(client.get("/sok/", {"q": "Träffpunkt"}))
    english = result_links(client.get("/en/search/", {"q": "Träffpunkt"}))

    assert ("/traffpunkt-hallbarhet/", "Träffpunkt hållbarhet") in swedish
    assert all(not url.startswith("/en/") for url, _title in swedish)
    assert ("/en/meeting-point-sustainability/", "Meeting point sustainability") in english
    assert all(url.startswith("/en/") for url, _title in english)


def test_only_live_pages_are_found(demo, client):
    StandardPageFactory(title="Hemlig smultronplats", publish=False)
    StandardPageFactory(title="Öppen smultronplats")

    links = result_links(client.get("/sok/", {"q": "smultronplats"}))

    assert [title for _url, title in links] == ["Öppen smultronplats"]


def test_results_are_paginated_ten_a_page(demo, client):
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


def test_empty_query_shows_the_form_without_results(demo, client):
    response = client.get("/sok/", {"q": "   "})

    assert response.status_code == 200
    assert 'id="search-results-heading"' not in response.content.decode()


def test_search_accepts_only_get(demo, client):
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
def test_search_never_fails_on_any_input(demo, client, query, page):
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
