"""Another platform for the federation tests: a feed server on 127.0.0.1, a bank to import
into, and a subscription to the server."""

import pytest

from omstallning.knowledge.models import FeedSubscription

from .factories import KnowledgeIndexPageFactory
from .feed_server import start_feed_server


@pytest.fixture
def feed_server():
    server, handle = start_feed_server()
    yield handle
    server.shutdown()
    server.server_close()


@pytest.fixture
def shared_bank(site):
    """A bank of its own for the copies, beside the site's Kunskapsbanken."""
    return KnowledgeIndexPageFactory(title="Delat", slug="delat", parent=site.home)


@pytest.fixture
def loopback_subscription(shared_bank, feed_server):
    """A subscription to the feed server, under the default rules: loopback is refused."""
    return FeedSubscription.objects.create(
        name="Region Örebro län", feed_url=feed_server.address("/feed"), index_page=shared_bank
    )


@pytest.fixture
def subscription(loopback_subscription, settings):
    """The same, with 127.0.0.1 let through the way a region lets in its partner platforms."""
    settings.KNOWLEDGE_FEED_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    return loopback_subscription
