"""Temporary files of uploads: Django removes its own when a request ends, but a web process
killed mid-upload leaves a partial file behind in FILE_UPLOAD_TEMP_DIR."""

import time
from pathlib import Path

from django.conf import settings

# No upload takes this long; a file older than this belongs to a request that is gone.
ABANDONED_AFTER_SECONDS = 60 * 60


def abandoned_upload_files_remove(*, older_than_seconds: int = ABANDONED_AFTER_SECONDS) -> int:
    folder = Path(settings.FILE_UPLOAD_TEMP_DIR)
    if not folder.is_dir():
        return 0
    cutoff = time.time() - older_than_seconds
    removed = 0
    for path in folder.glob("*.upload*"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # finished and removed by its own request meanwhile
            continue
    return removed
