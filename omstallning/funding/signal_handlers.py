"""What follows when a call changes elsewhere on the platform."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .models import Call


def _call_saved(sender, instance: Call, raw: bool = False, **kwargs) -> None:
    if raw:  # loading fixtures: the offers come with them
        return
    from .call_offers import call_offer_sync

    def sync() -> None:
        call = Call.objects.select_related("programme").filter(pk=instance.pk).first()
        if call is not None:
            call_offer_sync(call)

    # After the commit, when the call and its programme are as they were saved.
    transaction.on_commit(sync)


def _call_deleted(sender, instance: Call, **kwargs) -> None:
    from .call_offers import call_offer_end

    call_offer_end(instance.pk)


def connect() -> None:
    post_save.connect(_call_saved, sender=Call, dispatch_uid="funding_call_offer")
    post_delete.connect(_call_deleted, sender=Call, dispatch_uid="funding_call_offer_end")
