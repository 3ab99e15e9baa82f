"""StreamField blocks shared by the site's pages."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_ID = re.compile(r"[0-9]{5,12}")


def video_embed_url(url: str) -> str | None:
    """The privacy-enhanced player address for a YouTube or Vimeo link, or None."""
    try:
        parsed = urlparse(url)
    except ValueError:  # for example an unclosed "[" in the host
        return None
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    video_id = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
        if video_id and _YOUTUBE_ID.fullmatch(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/")
        if _YOUTUBE_ID.fullmatch(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host in {"vimeo.com", "player.vimeo.com"}:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        if _VIMEO_ID.fullmatch(video_id):
            return f"https://player.vimeo.com/video/{video_id}?dnt=1"
    return None


class VideoBlock(blocks.StructBlock):
    """A third-party video, shown as a click-to-load placeholder until that category is accepted."""

    url = blocks.URLBlock(label=_("Länk till videon"), help_text=_("YouTube eller Vimeo."))
    title = blocks.CharBlock(label=_("Videons titel"))
    transcript = blocks.RichTextBlock(
        label=_("Textversion"),
        required=False,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Textversion av videons innehåll, för den som inte kan eller vill se den."),
    )

    def clean(self, value):
        value = super().clean(value)
        if video_embed_url(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Ange en länk till en video på YouTube eller Vimeo."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "core/blocks/video_block.html"


class ContactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Rubrik"), required=False)
    people = blocks.ListBlock(
        SnippetChooserBlock("core.ContactPerson", label=_("Kontaktperson")), label=_("Personer")
    )

    class Meta:
        icon = "group"
        label = _("Kontaktpersoner")
        template = "core/blocks/contacts_block.html"

    def get_searchable_content(self, value) -> list[str]:
        # The names too, so that a search for a person finds the pages that list them.
        people = [person.name for person in value.get("people") or [] if person is not None]
        return [*super().get_searchable_content(value), *people]


class LongTermGoalsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Rubrik"), required=False)

    def get_context(self, value, parent_context=None):
        from .selectors import long_term_goals

        context = super().get_context(value, parent_context)
        context["goals"] = long_term_goals()
        return context

    class Meta:
        icon = "list-ul"
        label = _("Projektets långsiktiga mål")
        template = "core/blocks/long_term_goals_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"))
    page = blocks.PageChooserBlock(label=_("Sida"))

    class Meta:
        icon = "link"
        label = _("Länk till sida")
        template = "core/blocks/call_to_action_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Rubrik"), form_classname="title", template="core/blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"]
    )
    image = ImageBlock(label=_("Bild"))
    quote = blocks.BlockQuoteBlock(label=_("Citat"))
    video = VideoBlock()
    contacts = ContactsBlock()
    long_term_goals = LongTermGoalsBlock()
    call_to_action = CallToActionBlock()
