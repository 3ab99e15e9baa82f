"""The home page's heading over its sections reads as Swedish does (the walk-through's
point 16): "Här hittar du", not the tautological "Det här hittar du här"."""


def test_the_sections_heading_says_it_once(demo, client):
    html = client.get("/").content.decode()

    assert '<h2 id="sections-heading">Här hittar du</h2>' in html
    assert "Det här hittar du här" not in html
