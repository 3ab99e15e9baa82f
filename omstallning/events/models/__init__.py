from .pages import EventIndexPage, EventPage, EventTheme
from .registrations import Registration

__all__ = ["EventIndexPage", "EventPage", "EventTheme", "Registration"]
