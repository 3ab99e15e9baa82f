"""Hitta stöd as a visitor meets it: one question at a time as plain GETs, the offers that fit
with their reasons, why the others do not, and the pages of an offer and an actor."""

import re

from omstallning.actors.models import Actor, SupportType
from omstallning.core.tests.factories import municipalities
from omstallning.knowledge.tests.factories import sizes

from .factories import ActorFactory, OfferFactory, stages, support_finder


def test_the_questions_come_one_at_a_time_and_carry_the_answers_so_far(site, client):
    support_finder()

    first = client.get("/hitta-stod/").content.decode()
    second = client.get("/hitta-stod/", {"behov": ["pengar", "rad"]}).content.decode()

    assert "Fråga 1 av 6" in first and "Vad behöver du hjälp med?" in first
    assert 'type="checkbox" name="behov" value="pengar"' in first
    assert "Fråga 2 av 6" in second and "Var är företaget i dag?" in second
    assert '<input type="hidden" name="behov" value="pengar">' in second
    assert '<input type="hidden" name="behov" value="rad">' in second
    assert 'type="radio" name="skede" value="nystartat"' in second
    # What has been answered is listed, with a way back to that question.
    assert "Råd om hur jag utvecklar företaget" in second
    assert 'href="/hitta-stod/">Ändra' in second


def test_the_last_question_leads_to_the_offers_and_a_full_address_goes_there(site, client):
    support_finder()
    answered = {
        "behov": "pengar",
        "skede": "nystartat",
        "storlek": "mikro",
        "bransch": "alla",
        "kommun": "alla",
    }

    last = client.get("/hitta-stod/", answered).content.decode()
    complete = client.get("/hitta-stod/", {**answered, "agare": "alla"})

    assert "Fråga 6 av 6" in last
    assert 'action="/hitta-stod/erbjudanden/"' in last
    assert complete.status_code == 302
    assert complete["Location"].startswith("/hitta-stod/erbjudanden/?")
    assert "agare=alla" in complete["Location"]


def test_the_offers_that_fit_come_with_their_reasons_and_the_others_on_request(site, client):
    support_finder()
    fits = OfferFactory(
        name_sv="Startlån", support_type=SupportType.LOAN, stages=stages("nystartat")
    )
    misfit = OfferFactory(
        name_sv="Tillväxtcheck", support_type=SupportType.VOUCHER, stages=stages("vaxande")
    )
    OfferFactory(name_sv="Mentorprogram", support_type=SupportType.ADVICE)
    answers = {"behov": "pengar", "skede": "nystartat"}

    shown = client.get("/hitta-stod/erbjudanden/", answers).content.decode()
    others = client.get("/hitta-stod/erbjudanden/", {**answers, "visa": "ej-passande"})
    others = others.content.decode()

    assert "1 erbjudande" in shown
    assert fits.name_sv in shown and misfit.name_sv not in shown
    assert "Ger det du söker: Finansiering: lån" in shown
    assert "För företag som är: Nystartat, högst två år" in shown
    assert f'href="/hitta-stod/erbjudanden/{fits.slug}/?behov=pengar&amp;skede=nystartat"' in shown
    assert "2 erbjudanden" in others
    assert "Bara för företag som är: Växande" in others
    assert "Ger något annat än du söker: Rådgivning" in others


def test_the_list_narrows_by_its_filters_with_counts_and_keeps_them_across_pages(site, client):
    support_finder()
    for number in range(22):
        OfferFactory(name_sv=f"Råd {number:02}", support_type=SupportType.ADVICE)
    OfferFactory(name_sv="Kurs", support_type=SupportType.TRAINING)

    listing = client.get("/hitta-stod/erbjudanden/").content.decode()
    advice = client.get("/hitta-stod/erbjudanden/", {"typ": "radgivning"}).content.decode()

    assert "23 erbjudanden" in listing
    assert re.search(
        r'value="radgivning"[^>]*>\s*<label[^>]*>Rådgivning <span[^>]*>\(22\)', listing
    )
    assert "22 erbjudanden" in advice and "Kurs" not in advice
    assert 'href="?typ=radgivning&amp;sida=2" rel="next"' in advice


def test_an_offer_says_whether_it_fits_the_answers_it_was_reached_with(site, client):
    support_finder()
    offer = OfferFactory(
        name_sv="Exportrådgivning",
        company_sizes=sizes("litet", "medelstort"),
        municipalities=municipalities("1980"),
        url="https://example.org/export",
    )

    plain = client.get(f"/hitta-stod/erbjudanden/{offer.slug}/").content.decode()
    small = client.get(f"/hitta-stod/erbjudanden/{offer.slug}/", {"storlek": "mikro"})
    small = small.content.decode()

    assert "<h1>Exportrådgivning</h1>" in plain
    assert "Passar" not in plain.split("<h1>", 1)[1].split("Vem kan få stödet")[0]
    assert "Litet företag (10–49 anställda), Medelstort företag (50–249 anställda)" in plain
    assert "Västerås" in plain
    assert "Senast kontrollerad" in plain
    assert 'href="https://example.org/export">Gå vidare hos' in plain
    assert "Passar inte ditt företag" in small
    assert "Bara för: Litet företag (10–49 anställda), Medelstort företag" in small


def test_unknown_offers_actors_and_hidden_offers_are_not_found(site, client):
    support_finder()
    pending = ActorFactory(status=Actor.Status.PENDING)
    hidden = OfferFactory(actor=pending)

    assert client.get("/hitta-stod/erbjudanden/finns-inte/").status_code == 404
    assert client.get(f"/hitta-stod/erbjudanden/{hidden.slug}/").status_code == 404
    assert client.get(f"/hitta-stod/aktorer/{pending.slug}/").status_code == 404


def test_the_actors_are_listed_by_kind_with_their_offers(site, client):
    support_finder()
    almi = ActorFactory(name="Almi Mälardalen", kind=Actor.Kind.FINANCE)
    OfferFactory(actor=almi, name_sv="Mikrolån")
    ActorFactory(name="Väntande", status=Actor.Status.PENDING)

    listing = client.get("/hitta-stod/aktorer/").content.decode()
    page = client.get(f"/hitta-stod/aktorer/{almi.slug}/").content.decode()

    assert "Bank, fond eller finansiär" in listing and "Almi Mälardalen" in listing
    assert "Väntande" not in listing
    assert "<h1>Almi Mälardalen</h1>" in page and "Mikrolån" in page


def test_the_finder_speaks_english_and_marks_swedish_only_texts(site, client):
    from omstallning.core.tests.factories import translate

    finder = support_finder()
    translate(finder, "en", title="Find support", slug="find-support")
    OfferFactory(name_sv="Bara svenska", name_en="", summary_sv="Bara på svenska.")

    question = client.get("/en/find-support/").content.decode()
    listing = client.get("/en/find-support/erbjudanden/").content.decode()

    assert "Question 1 of 6" in question and "What do you need help with?" in question
    assert '<a href="/en/find-support/erbjudanden/bara-svenska' not in listing
    assert re.search(r'lang="sv">Bara svenska</a>', listing)


def test_any_address_gives_a_page(site, client):
    support_finder()
    OfferFactory()
    for params in [
        {"behov": "\x00"},
        {"skede": ["ide", "nystartat"]},
        {"kommun": "9999", "typ": "inget", "sida": "999"},
        {"mal": "x" * 500},
    ]:
        assert client.get("/hitta-stod/", params).status_code in (200, 302)
        assert client.get("/hitta-stod/erbjudanden/", params).status_code == 200


def test_with_htmx_a_changed_filter_gets_the_list_alone(site, client):
    support_finder()
    OfferFactory(name_sv="Kurs", support_type=SupportType.TRAINING)

    response = client.get("/hitta-stod/erbjudanden/", {"typ": "utbildning"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()

    assert "<html" not in html and "Kurs" in html
    assert 'data-hx-swap-oob="innerHTML:#finder-status">1 erbjudande</p>' in html
    assert "HX-Request" in response["Vary"]


def test_an_offer_shows_knowledge_and_coming_meetings_on_its_themes(site, client):
    from omstallning.events.tests.factories import EventPageFactory, EventThemeFactory
    from omstallning.knowledge.tests.factories import GoodExampleFactory, themes

    support_finder()
    energy = themes("energi-och-klimat")
    offer = OfferFactory(themes=energy)
    GoodExampleFactory(title="Spillvärme i gjuteriet", themes=energy)
    GoodExampleFactory(title="Jämställd rekrytering", themes=themes("jamstalldhet-och-mangfald"))
    theme = EventThemeFactory(slug="energi-och-klimat", name_sv="Energi och klimat")
    EventPageFactory(title="Energifrukost", theme=theme)
    EventPageFactory(title="Förra årets energidag", theme=theme, days_from_now=-30)

    html = client.get(f"/hitta-stod/erbjudanden/{offer.slug}/").content.decode()

    assert "Spillvärme i gjuteriet" in html and "Jämställd rekrytering" not in html
    assert "Energifrukost" in html and "Förra årets energidag" not in html


def test_offer_and_actor_pages_describe_themselves_in_schema_org(site, client):
    import json

    support_finder()
    region = ActorFactory(name="Region Västmanland", kind=Actor.Kind.REGIONAL)
    offer = OfferFactory(actor=region, name_sv="Affärsutvecklingscheck</script>")
    company_owned = OfferFactory(actor=ActorFactory(kind=Actor.Kind.FINANCE))

    def data(path: str) -> dict:
        html = client.get(path).content.decode()
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html)
        return json.loads(found.group(1))

    service = data(f"/hitta-stod/erbjudanden/{offer.slug}/")
    organisation = data(f"/hitta-stod/aktorer/{region.slug}/")

    assert service["@type"] == "GovernmentService"
    assert service["name"] == "Affärsutvecklingscheck</script>"
    assert service["provider"]["name"] == "Region Västmanland"
    assert service["url"] == f"http://testserver/hitta-stod/erbjudanden/{offer.slug}/"
    assert organisation["@type"] == "GovernmentOrganization"
    assert data(f"/hitta-stod/erbjudanden/{company_owned.slug}/")["@type"] == "Service"


def test_the_list_is_open_data_as_csv_and_a_search_can_be_followed_in_atom(site, client):
    import csv
    import io

    support_finder()
    loan = OfferFactory(
        name_sv="Startlån", support_type=SupportType.LOAN, stages=stages("nystartat")
    )
    OfferFactory(name_sv="Tillväxtlån", support_type=SupportType.LOAN, stages=stages("vaxande"))
    OfferFactory(name_sv="Kurs", support_type=SupportType.TRAINING)
    answers = {"behov": "pengar", "skede": "nystartat"}

    download = client.get("/hitta-stod/erbjudanden/csv/", answers)
    rows = list(csv.DictReader(io.StringIO(download.content.decode("utf-8-sig"))))
    feed = client.get("/hitta-stod/erbjudanden/atom/", answers)
    listing = client.get("/hitta-stod/erbjudanden/", answers).content.decode()

    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert [row["name"] for row in rows] == ["Startlån"]
    assert rows[0]["id"] == str(loan.uid) and rows[0]["stages"] == "nystartat"
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert feed.content.decode().count("<entry>") == 1
    assert f"urn:uuid:{loan.uid}" in feed.content.decode()
    assert 'href="/hitta-stod/erbjudanden/atom/?behov=pengar&amp;skede=nystartat"' in listing
