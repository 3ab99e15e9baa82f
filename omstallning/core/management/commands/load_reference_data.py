from django.core.management.base import BaseCommand
from django.db import transaction

from omstallning.core.models import SdgGoal, SdgIndicator, SdgTarget, SustainabilityDimension
from omstallning.core.reference_data import load_reference_data


class Command(BaseCommand):
    help = (
        "Update the sustainability dimensions and the SDG goals, targets and indicators from "
        "omstallning/core/data/sdg/sdg.json. Swedish texts added in the admin are kept."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            load_reference_data(SustainabilityDimension, SdgGoal, SdgTarget, SdgIndicator)
        self.stdout.write(
            f"{SdgGoal.objects.count()} mål, {SdgTarget.objects.count()} delmål, "
            f"{SdgIndicator.objects.count()} indikatorer."
        )
