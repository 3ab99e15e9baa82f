"""The home page's heading over its sections reads as Swedish does (the walk-through's
point 16): "Här hittar du", not the tautological "Det här hittar du här"."""

from .factories import AboutProjectPageFactory, StandardPageFactory


def test_the_sections_heading_says_it_once(site, client):
    AboutProjectPageFactory(show_in_menus=True)

    html = client.get("/").content.decode()

    assert '<h2 id="sections-heading">Här hittar du</h2>' in html
    assert "Det här hittar du här" not in html


def test_only_the_sections_in_the_menu_are_listed(site, client):
    AboutProjectPageFactory(title="Om projektet", show_in_menus=True)
    StandardPageFactory(title="Personuppgifter", show_in_menus=False)

    sections = client.get("/").content.decode().split('id="sections-heading"')[1]

    assert "Om projektet" in sections
    assert "Personuppgifter" not in sections


def test_without_sections_there_is_no_empty_heading(site, client):
    assert 'id="sections-heading"' not in client.get("/").content.decode()
