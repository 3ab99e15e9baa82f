import uuid

import factory
from django.utils import timezone

from omstallning.consent.models import ConsentRecord, PageView


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    consent_id = factory.LazyFunction(uuid.uuid4)
    action = ConsentRecord.Action.ACCEPT_ALL
    statistics = True
    third_party = True
    policy_version = 1

    @classmethod
    def _create(cls, model_class, *args, created_at=None, **kwargs):
        """created_at is set on save (auto_now_add); pass it to back-date a record."""
        record = super()._create(model_class, *args, **kwargs)
        if created_at is not None:
            model_class.objects.filter(pk=record.pk).update(created_at=created_at)
            record.refresh_from_db()
        return record


class PageViewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PageView

    date = factory.LazyFunction(timezone.localdate)
    path = factory.Sequence(lambda n: f"/sida-{n}/")
    views = 1
