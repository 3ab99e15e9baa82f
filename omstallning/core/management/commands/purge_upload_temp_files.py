from django.core.management.base import BaseCommand

from omstallning.core.upload_temp_files import abandoned_upload_files_remove


class Command(BaseCommand):
    help = "Remove temporary files of uploads that were cut off (older than an hour)."

    def handle(self, *args, **options) -> None:
        removed = abandoned_upload_files_remove()
        self.stdout.write(f"Removed {removed} abandoned upload file(s).")
