"""Which models can be assessed, and what amount (e.g. SEK granted) weighs each in sums.

A domain app registers its models in its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.db.models.expressions import BaseExpression

from omstallning.core.typing import Visitor


@dataclass(frozen=True)
class Assessable:
    model: type[Model]
    # An expression on Assessment giving the amount, e.g. a Subquery on the subject's grant.
    amount: Callable[[], BaseExpression] | None = None
    # The objects a person must not see, nor their assessments (a draft, a declared
    # conflict of interest), as a queryset of the model.
    hidden_from: Callable[[Visitor], QuerySet] | None = None


_assessable: dict[type[Model], Assessable] = {}


def register_assessable(
    model: type[Model],
    *,
    amount: Callable[[], BaseExpression] | None = None,
    hidden_from: Callable[[Visitor], QuerySet] | None = None,
) -> None:
    _assessable[model] = Assessable(model, amount, hidden_from)


def with_hidden_rules() -> list[Assessable]:
    return [assessable for assessable in _assessable.values() if assessable.hidden_from]


def is_assessable(model: type[Model]) -> bool:
    return model in _assessable


def assessable_by_label(label: str) -> Assessable | None:
    """The registration for a model label such as "core.organisation" (any case)."""
    for model, assessable in _assessable.items():
        if model._meta.label_lower == label.lower():
            return assessable
    return None
