"""schema.org data in a page, as JSON-LD that search engines read."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# As Django's json_script: nothing in the data can close the script element or start markup.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    # Escaped above: the text cannot end the element.
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
