"""Keeps the offers' eligibility bit sets (eligibility_bits.py) equal to their lists."""

from collections.abc import Iterable

from django.db.models import ManyToManyField

from ..eligibility_bits import COLUMNS, positions
from ..models import Offer

BATCH = 1000


def offers_bits_refresh(offer_pks: Iterable[int] | None = None) -> int:
    """Make the bit sets again from the many-to-many rows: of these offers, or of all. A
    system write, with no acting user: it changes no fact, only how the facts are kept."""
    offers = Offer.objects.all()
    if offer_pks is not None:
        offers = offers.filter(pk__in=list(offer_pks))
    ids = list(offers.values_list("pk", flat=True))
    bits = {pk: dict.fromkeys(COLUMNS.values(), 0) for pk in ids}
    for relation, column in COLUMNS.items():
        bit_of = positions(relation)
        if bit_of is None:
            continue  # more terms than bits: matched through the rows, the column stays 0
        field = Offer._meta.get_field(relation)
        assert isinstance(field, ManyToManyField)
        rows = getattr(Offer, relation).through.objects.values_list(
            field.m2m_column_name(), field.m2m_reverse_name()
        )
        if offer_pks is not None:
            rows = rows.filter(**{f"{field.m2m_column_name()}__in": ids})
        for offer_id, term_id in rows:
            bits[offer_id][column] |= 1 << bit_of[term_id]
    changed = [Offer(pk=pk, **columns) for pk, columns in bits.items()]
    Offer.objects.bulk_update(changed, list(COLUMNS.values()), batch_size=BATCH)
    return len(changed)
