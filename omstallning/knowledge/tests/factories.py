import factory
from wagtail.models import Page

from omstallning.core.models import HomePage
from omstallning.knowledge.models import GoodExamplePage, KnowledgeIndexPage, ToolPage


def knowledge_bank() -> KnowledgeIndexPage:
    """A bank of the test's own, beside the demo's, so that counts are the test's."""
    existing = KnowledgeIndexPage.objects.filter(slug="testbank").first()
    if existing:
        return existing
    home = HomePage.objects.get(locale__language_code="sv")
    bank = home.add_child(instance=KnowledgeIndexPage(title="Testbank", slug="testbank"))
    bank.save_revision().publish()
    return bank


class _PublishedPage(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, parent: Page | None = None, **kwargs):
        many = {
            key: kwargs.pop(key)
            for key in list(kwargs)
            if key in ("themes", "sdg_goals", "municipalities", "sectors", "audiences")
        }
        page = model_class(*args, **kwargs)
        for key, values in many.items():
            getattr(page, key).set(values)
        (parent or knowledge_bank()).add_child(instance=page)
        page.save_revision().publish()
        return page


class GoodExampleFactory(_PublishedPage):
    class Meta:
        model = GoodExamplePage

    title = factory.Sequence(lambda n: f"Gott exempel {n}")
    slug = factory.Sequence(lambda n: f"gott-exempel-{n}")
    organisation_name = "Exempel AB"


class ToolFactory(_PublishedPage):
    class Meta:
        model = ToolPage

    title = factory.Sequence(lambda n: f"Verktyg {n}")
    slug = factory.Sequence(lambda n: f"verktyg-{n}")
