"""An admin menu item shown only to those a permission rule lets in."""

from collections.abc import Callable

from wagtail.admin.menu import MenuItem

from .typing import Visitor


class PermittedMenuItem(MenuItem):
    """A menu item the rule decides on, e.g. `shown_to=permissions.can_handle_person_data`:
    the same rule the view behind it checks, so the menu never offers what the view refuses."""

    def __init__(self, label, url, *, shown_to: Callable[[Visitor], bool], **kwargs) -> None:
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request) -> bool:
        return self.shown_to(request.user)
