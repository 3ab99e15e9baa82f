"""Keeps each offer's eligibility bit sets equal to its lists, however the lists change: from
the offer's form, from the term's side, or by removing a term (which renumbers the bits)."""

from django.db.models.signals import m2m_changed, post_delete

from . import services
from .eligibility_bits import COLUMNS, vocabulary
from .models import Offer


def _list_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        services.offers_bits_refresh([instance.pk])
    elif pk_set:
        services.offers_bits_refresh(pk_set)
    else:  # a term's offers cleared: which they were is gone, so all are made again
        services.offers_bits_refresh()


def _term_removed(sender, instance, **kwargs) -> None:
    services.offers_bits_refresh()


def connect() -> None:
    for relation in COLUMNS:
        through = Offer._meta.get_field(relation).remote_field.through
        m2m_changed.connect(_list_changed, sender=through, dispatch_uid=f"offer-bits-{relation}")
        post_delete.connect(
            _term_removed, sender=vocabulary(relation), dispatch_uid=f"offer-bits-{relation}-term"
        )
