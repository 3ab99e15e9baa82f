"""Which models can be assessed. A domain app registers its models in its AppConfig.ready()."""

from django.db.models import Model

_assessable: set[type[Model]] = set()


def register_assessable(model: type[Model]) -> None:
    _assessable.add(model)


def is_assessable(model: type[Model]) -> bool:
    return model in _assessable


def assessable_models() -> list[type[Model]]:
    return sorted(_assessable, key=lambda model: model._meta.label)
