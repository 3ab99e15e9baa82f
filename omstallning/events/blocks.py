from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from omstallning.core.blocks import VideoBlock


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(label=_("Rubrik"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        template = "events/blocks/document_link.html"


class DocumentationBlock(blocks.StreamBlock):
    """What is left after a meeting: minutes, presentations, recordings."""

    minutes = blocks.RichTextBlock(
        label=_("Minnesanteckningar"), features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    document = DocumentLinkBlock()
    video = VideoBlock(label=_("Inspelning"))
