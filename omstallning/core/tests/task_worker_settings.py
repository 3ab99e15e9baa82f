"""Test settings with the database task queue, for a real `manage.py task_worker` process.

The test settings run tasks at once, in the process that queues them; a worker process needs
the queue the site uses in production.
"""

from omstallning.settings.test import *  # noqa: F403

TASKS = {
    alias: {**options, "BACKEND": "django_tasks_db.DatabaseBackend"}
    for alias, options in TASKS.items()  # noqa: F405
}
