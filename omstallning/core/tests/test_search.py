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
