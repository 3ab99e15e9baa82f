"""django-tasks-db's worker, but logging as the LOGGING setting says.

db_worker sets the task loggers to INFO at the default verbosity, which prints two lines for
every search-index update. Here verbosity 1 leaves the levels from settings (TASK_LOG_LEVEL:
failures only, by default); 0 silences and 2 or more shows everything, as in db_worker.
"""

import logging

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand


class Command(DatabaseWorkerCommand):
    help = "Run the background task worker (django-tasks-db's db_worker, quieter)."

    def configure_logging(self, verbosity: int) -> None:
        if verbosity != 1:
            super().configure_logging(verbosity)
            return
        for name in ("django_tasks", "django_tasks_db"):
            task_logger = logging.getLogger(name)
            if not task_logger.hasHandlers():
                task_logger.addHandler(logging.StreamHandler(self.stdout))
