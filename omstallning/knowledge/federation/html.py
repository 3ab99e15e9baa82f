"""The HTML that may cross between platforms: a few text elements and absolute links."""

from urllib.parse import urljoin

import nh3

TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h3"}


def clean_html(html: str, base_url: str) -> str:
    """Safe to show on any platform: scripts, styles and attributes other than a link's
    href are gone, and relative links point back to the platform they came from."""

    def absolute_links(element: str, attribute: str, value: str) -> str | None:
        if element == "a" and attribute == "href":
            return urljoin(base_url, value)
        return value

    return nh3.clean(
        html,
        tags=TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
        attribute_filter=absolute_links,
    )
