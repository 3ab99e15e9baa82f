"""The pages that point people to the contact form: Samverkan with the seed's own words
linked, the accessibility statement, the personal-data page, and the footer's channels."""

import itertools
import re

from pytest_django.asserts import assertInHTML

from omstallning.core.models import AccessibilityStatementPage, ContactPerson, PlatformSettings

# The seed's Samverkan text (shared/seed/omstallning-vastmanland.txt), word for word.
SEED_SAMVERKAN = [
    "Håll även utkik efter våra öppna träffar Träffpunkt Hållbarhet, där vi utforskar aktuella "
    "hållbarhetsteman som är viktiga för näringslivsutvecklingen i länet.",
    "Vill du veta mer om projektet eller prata om hur vi kan samverka? Har du goda exempel du "
    "vill att vi tar med in i arbetet? Kontakta projektledare Maria Lidberg för mer information.",
]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_samverkan_links_the_meetings_the_proposal_form_and_the_project_lead(demo, client):
    lidberg = ContactPerson.objects.get(name="Maria Lidberg", locale__language_code="sv")

    html = client.get("/om-projektet/samverkan/").content.decode()

    for sentence in SEED_SAMVERKAN:
        assert sentence in text_of(html)
    assertInHTML('<a href="/traffpunkt-hallbarhet/">Träffpunkt Hållbarhet</a>', html)
    assertInHTML(
        '<a href="/kunskapsbank/foresla/">Har du goda exempel du vill att vi tar med in i '
        "arbetet?</a>",
        html,
    )
    assertInHTML(
        f'<a href="/skriv-till-oss/?till={lidberg.pk}">Kontakta projektledare Maria Lidberg</a>',
        html,
    )
    # The form itself, addressed to her, and the subscription to new meetings.
    assert 'action="/skriv-till-oss/"' in html
    assert re.search(rf'<option value="{lidberg.pk}" selected>Maria Lidberg', html)
    assert 'action="/prenumerera/"' in html


def test_the_english_samverkan_links_the_english_meeting_page(demo, client):
    html = client.get("/en/about-the-project/cooperation/").content.decode()

    assertInHTML('<a href="/en/meeting-point-sustainability/">Träffpunkt hållbarhet</a>', html)
    assert 'action="/en/write-to-us/"' in html


def test_the_contact_page_has_the_form_to_the_general_address(demo, client):
    html = client.get("/kontakt/").content.decode()

    assert '<h2 id="contact-form-heading">Skriv till oss</h2>' in html
    assert '<option value="allman" selected>Omställning Västmanland</option>' in html


def test_the_accessibility_statement_has_its_status_date_and_a_way_to_report(demo, client):
    page = AccessibilityStatementPage.objects.get(locale__language_code="sv")
    assert page.compliance_status == AccessibilityStatementPage.Compliance.PARTIAL

    html = client.get("/tillganglighetsredogorelse/").content.decode()

    assert "Delvis förenlig." in html
    assert (
        "Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
        "offentlig service, på grund av de brister som beskrivs nedan."
    ) in html
    assertInHTML('<time datetime="2026-12-01">1 december 2026</time>', html)
    assertInHTML(
        '<a class="button" href="/skriv-till-oss/?amne=tillganglighet">'
        "Rapportera ett tillgänglighetsproblem</a>",
        html,
    )
    assert "kontaktuppgifterna i sidfoten" not in html
    assert 'href="tel:+4621173000"' in html
    # Headings in order: h1, then h2s, and the body's h3s come after an h2.
    main = html[html.index("<main") : html.index("</main>")]
    levels = [int(level) for level in re.findall(r"<h([1-6])", main)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_the_english_statement_too(demo, client):
    html = client.get("/en/accessibility-statement/").content.decode()

    assert "/en/write-to-us/?amne=tillganglighet" in html
    assert "details in the footer" not in html


def test_the_personal_data_page_points_at_the_data_protection_officer(demo, client):
    html = client.get("/personuppgifter/").content.decode()

    assert "kontaktuppgifterna i sidfoten. Du" not in html
    assert 'href="/skriv-till-oss/?till=dataskyddsombud&amne=personuppgifter"' in html
    form = client.get("/skriv-till-oss/?till=dataskyddsombud&amne=personuppgifter")
    assert "dataskyddsombud@regionvastmanland.example" in form.content.decode()


def test_the_footer_gives_the_regions_channels_marked_as_example_data(demo, client):
    platform = PlatformSettings.objects.get()
    assert platform.is_example_data
    assert platform.contact_email.endswith(".example")  # never a real inbox

    html = client.get("/").content.decode()
    footer = html[html.index("<footer") : html.index("</footer>") + len("</footer>")]

    assert "721 89 Västerås" in footer
    assertInHTML('<a href="tel:+4621173000">021-17 30 00</a>', footer)
    assertInHTML(
        '<a href="mailto:omstallning@regionvastmanland.example">'
        "omstallning@regionvastmanland.example</a>",
        footer,
    )
    assert "Exempeluppgifter i demonstrationen." in footer
    assertInHTML('<a href="/skriv-till-oss/">Skriv till oss</a>', footer)


def test_without_the_example_flag_the_footer_says_nothing_of_it(demo, client):
    PlatformSettings.objects.update(is_example_data=False)

    assert "Exempeluppgifter" not in client.get("/").content.decode()
