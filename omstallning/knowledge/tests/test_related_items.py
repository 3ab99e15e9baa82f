"""An item's "Relaterat": the items that share the most themes and goals with it."""

from omstallning.knowledge.selectors import related_items

from .factories import GoodExampleFactory, goals, themes


def test_ranked_by_what_they_share_not_by_how_much_they_are_tagged(site):
    item = GoodExampleFactory(
        themes=themes("energi-och-klimat", "cirkular-ekonomi"), sdg_goals=goals(7)
    )
    one_theme_many_goals = GoodExampleFactory(
        title="Ett tema, många mål",
        themes=themes("energi-och-klimat"),
        sdg_goals=goals(1, 2, 3, 4, 5),
    )
    two_themes = GoodExampleFactory(
        title="Två teman", themes=themes("energi-och-klimat", "cirkular-ekonomi")
    )
    two_themes_and_the_goal = GoodExampleFactory(
        title="Två teman och målet",
        themes=themes("energi-och-klimat", "cirkular-ekonomi"),
        sdg_goals=goals(7, 8),
    )
    GoodExampleFactory(title="Inget gemensamt", themes=themes("digitalisering"), sdg_goals=goals(9))

    related = related_items(item)

    assert related == [two_themes_and_the_goal, two_themes, one_theme_many_goals]


def test_at_most_the_limit_and_never_the_item_itself(site):
    item = GoodExampleFactory(themes=themes("energi-och-klimat"))
    others = [GoodExampleFactory(themes=themes("energi-och-klimat")) for _ in range(3)]

    related = related_items(item, limit=2)

    assert len(related) == 2
    assert item not in related
    assert set(related) <= set(others)
