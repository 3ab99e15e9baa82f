"""Development: DEBUG on, mail printed to the console. Used by `make run`."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: F403
