from django.core.management.base import BaseCommand

from omstallning.assessment.shipped_frameworks import install_shipped_frameworks


class Command(BaseCommand):
    help = (
        "Install the assessment frameworks shipped with the platform that are missing. "
        "Frameworks that exist are never changed. Also runs after every migrate."
    )

    def handle(self, *args, **options):
        created = install_shipped_frameworks()
        for framework in created:
            self.stdout.write(f"Installerat: {framework.name_sv}")
        if not created:
            self.stdout.write("Alla levererade ramverk finns redan.")
