"""Each offer's eligibility lists (stages, sizes, sectors, municipalities, target groups) also
kept as one integer per list, a bit per term, so that the finder matches and counts 10 000
offers with one scan instead of a semi-join per question.

A term's bit is its rank among its vocabulary's rows by primary key: a new term takes the next
bit and the others keep theirs; removing a term renumbers, so the bits are made again then
(signal_handlers). The many-to-many rows stay the truth, and the checks of one offer read
them. A vocabulary with more terms than bits is matched through its rows instead.
"""

from collections.abc import Iterable, Sequence

from django.db.models import F, Model, Q
from django.db.models.lookups import GreaterThan

from .models import Offer

# One bit fewer than a signed 64-bit integer holds, so that every set is a positive number.
MAX_TERMS = 63
COLUMNS = {
    "stages": "stage_bits",
    "company_sizes": "size_bits",
    "sectors": "sector_bits",
    "municipalities": "municipality_bits",
    "target_groups": "target_group_bits",
}


def vocabulary(relation: str) -> type[Model]:
    return Offer._meta.get_field(relation).related_model


def positions(relation: str) -> dict[int, int] | None:
    """Term primary key → its bit, or None when the vocabulary has too many terms."""
    pks = list(vocabulary(relation).objects.order_by("pk").values_list("pk", flat=True))
    if len(pks) > MAX_TERMS:
        return None
    return {pk: bit for bit, pk in enumerate(pks)}


def bits_of(term_pks: Iterable[int], bit_of: dict[int, int]) -> int:
    bits = 0
    for pk in term_pks:
        bits |= 1 << bit_of[pk]
    return bits


def naming_any_of(relation: str, key: str, values: Sequence[str]) -> Q | None:
    """Offers whose list names one of the terms whose `key` is in `values`; None when the
    vocabulary is too large for bits. One query: the terms in bit order, with their keys."""
    terms = list(vocabulary(relation).objects.order_by("pk").values_list(key, flat=True))
    if len(terms) > MAX_TERMS:
        return None
    wanted = set(values)
    bits = 0
    for bit, term_key in enumerate(terms):
        if str(term_key) in wanted:
            bits |= 1 << bit
    return Q(GreaterThan(F(COLUMNS[relation]).bitand(bits), 0))


def open_to_all(relation: str) -> Q:
    return Q(**{COLUMNS[relation]: 0})
