from .pages import EventIndexPage, EventPage, EventTheme
from .registrations import Feedback, Registration

__all__ = ["EventIndexPage", "EventPage", "EventTheme", "Feedback", "Registration"]
