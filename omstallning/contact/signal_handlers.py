"""New meetings and news are announced to subscribers when first published, however they were
published (the editor, scheduled publishing, the shell)."""

from wagtail.signals import page_published


def on_page_published(sender, instance, **kwargs) -> None:
    from . import services

    services.page_announce(page=instance)


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="contact_announce_new_pages")
