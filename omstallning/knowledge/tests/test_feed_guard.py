"""A subscription cannot be turned against the server's own network (M2 in the security review
of 2026-12-01): feeds come only from public addresses on ports 80 and 443, checked on the
address actually connected to, and an import ends at its time limit however slowly the other
end sends (M3).

No test here reaches outside the machine: names resolve through a fake getaddrinfo, and the
one public address used is sent to the local feed server by the socket's connect.
"""

import ipaddress
import shutil
import socket
import ssl
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests.adapters

from omstallning.knowledge.federation.address_guard import address_allowed
from omstallning.knowledge.models import FeedSubscription
from omstallning.knowledge.services import subscription_refresh

from .feed_server import Reply, start_feed_server
from .feeds import copies, feed, feed_item, unreachable

# A global address. Never reached: the fake network's connect sends it to the feed server.
PUBLIC = "93.184.215.14"
REAL_CONNECT = socket.socket.connect
REAL_GETADDRINFO = socket.getaddrinfo


@dataclass
class FakeNetwork:
    """DNS answers a test chooses, one per lookup in turn, and every connect that was made."""

    feed_port: int
    answers: dict[str, list[list[str]]] = field(default_factory=dict)
    blackholed: set[str] = field(default_factory=set)
    lookups: list[str] = field(default_factory=list)
    connects: list[tuple[str, int]] = field(default_factory=list)

    def resolve(self, name: str, *answers: str | list[str]) -> None:
        self.answers[name] = [[answer] if isinstance(answer, str) else answer for answer in answers]

    def getaddrinfo(self, host, port, family=0, kind=0, protocol=0, flags=0):
        if host in self.answers:
            self.lookups.append(host)
            answers = self.answers[host]
            return [
                self._info(address, port)
                for address in (answers.pop(0) if len(answers) > 1 else answers[0])
            ]
        # Address literals only: never a real DNS lookup.
        return REAL_GETADDRINFO(host, port, family, kind, protocol, flags | socket.AI_NUMERICHOST)

    @staticmethod
    def _info(address: str, port: int) -> tuple:
        if ipaddress.ip_address(address).version == 6:
            return (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))
        return (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))

    def connect(self, sock: socket.socket, address) -> None:
        self.connects.append((address[0], address[1]))
        if address[0] in self.blackholed:
            time.sleep(sock.gettimeout() or 0)  # as a dropped SYN would
            raise TimeoutError("timed out")
        if address[0] == PUBLIC:
            return REAL_CONNECT(sock, ("127.0.0.1", self.feed_port))
        if ipaddress.ip_address(address[0]).is_loopback:
            return REAL_CONNECT(sock, address)
        raise ConnectionRefusedError("the tests stay on this machine")


@pytest.fixture
def network(monkeypatch, feed_server) -> FakeNetwork:
    fake = FakeNetwork(feed_port=int(feed_server.url.rsplit(":", 1)[1]))
    monkeypatch.setattr(socket, "getaddrinfo", fake.getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", lambda sock, address: fake.connect(sock, address))
    return fake


@pytest.fixture
def named_subscription(shared_bank):
    def make(url: str) -> FeedSubscription:
        return FeedSubscription.objects.create(
            name="Region Örebro län", feed_url=url, index_page=shared_bank
        )

    return make


REFUSED = [
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",  # cloud metadata
    "100.64.0.1",  # CGNAT
    "224.0.0.1",
    "0.0.0.0",
    "255.255.255.255",
    "240.0.0.1",
    "198.51.100.7",  # documentation
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "ff02::1",
    "ff0e::1",  # global-scope multicast
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:10.0.0.1",
    "::7f00:1",  # IPv4-compatible 127.0.0.1
    "2002:7f00:1::1",  # 6to4 around 127.0.0.1
    "2002:a00:1::1",  # 6to4 around 10.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 around 169.254.169.254
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo, an IETF range
]


@pytest.mark.parametrize("address", REFUSED)
def test_internal_addresses_are_refused_on_every_port(address):
    for port in (80, 443, 8080):
        assert not address_allowed(ipaddress.ip_address(address), port, [])


@pytest.mark.parametrize("address", [PUBLIC, "2a00:1450:400f:80d::200e", "::ffff:93.184.215.14"])
def test_public_addresses_are_allowed_on_the_web_ports_only(address):
    public = ipaddress.ip_address(address)
    assert address_allowed(public, 80, []) and address_allowed(public, 443, [])
    assert not address_allowed(public, 8080, []) and not address_allowed(public, 22, [])


def test_allowed_networks_let_in_internal_addresses_on_any_port():
    networks = [ipaddress.ip_network("10.20.0.0/16"), ipaddress.ip_network("127.0.0.1/32")]
    assert address_allowed(ipaddress.ip_address("10.20.30.40"), 8443, networks)
    assert address_allowed(ipaddress.ip_address("::ffff:127.0.0.1"), 8500, networks)
    assert not address_allowed(ipaddress.ip_address("10.21.0.1"), 443, networks)


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "internal.example.se"], ids=str
)
def test_by_default_the_loopback_feed_is_refused_before_connecting(
    loopback_subscription, feed_server, network, host
):
    network.resolve("internal.example.se", "127.0.0.1")
    port = network.feed_port
    loopback_subscription.feed_url = f"http://{host}:{port}/feed"
    loopback_subscription.save()
    feed_server.routes["/feed"] = Reply(feed([feed_item("1")]))

    outcome = subscription_refresh(loopback_subscription.pk)

    assert outcome == unreachable(loopback_subscription.feed_url)
    assert network.connects == [] and feed_server.requests == []
    assert not copies(loopback_subscription)


def test_the_same_loopback_feed_imports_when_its_network_is_allowed(
    loopback_subscription, feed_server, settings
):
    feed_server.routes["/feed"] = Reply(feed([feed_item("1")]))
    settings.KNOWLEDGE_FEED_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert subscription_refresh(loopback_subscription.pk) == unreachable(
        loopback_subscription.feed_url
    )

    settings.KNOWLEDGE_FEED_ALLOWED_NETWORKS = ["10.0.0.0/8", "127.0.0.0/8"]
    assert subscription_refresh(loopback_subscription.pk).startswith("1 nya")


def test_a_public_host_imports_on_port_80_and_is_refused_on_any_other(
    named_subscription, feed_server, network
):
    network.resolve("feed.example.se", PUBLIC)
    feed_server.routes["/feed"] = Reply(feed([feed_item("1")]))
    on_80 = named_subscription("http://feed.example.se/feed")
    on_8500 = named_subscription("http://feed.example.se:8500/feed")

    assert subscription_refresh(on_80.pk).startswith("1 nya")
    assert network.connects == [(PUBLIC, 80)]
    assert subscription_refresh(on_8500.pk) == unreachable(on_8500.feed_url)
    assert network.connects == [(PUBLIC, 80)] and feed_server.requests == ["/feed"]


def test_dns_rebinding_cannot_reach_loopback(named_subscription, feed_server, network):
    """The name is public for the first page, then 127.0.0.1 for the next one (the server
    speaks HTTP/1.0, so each page is a new connection and a new lookup). Whatever checked the
    first answer must not let the second through."""
    network.resolve("feed.example.se", PUBLIC, "127.0.0.1")
    feed_server.routes["/feed"] = Reply(feed([feed_item("1")], "http://feed.example.se/feed?p=2"))
    feed_server.routes["/feed?p=2"] = Reply(feed([feed_item("2")]))
    subscription = named_subscription("http://feed.example.se/feed")

    outcome = subscription_refresh(subscription.pk)

    assert network.lookups == ["feed.example.se", "feed.example.se"]
    assert network.connects == [(PUBLIC, 80)]  # never ("127.0.0.1", 80)
    assert feed_server.requests == ["/feed"]
    assert outcome == unreachable("http://feed.example.se/feed?p=2")
    assert not copies(subscription)


def test_a_redirect_to_another_port_is_never_followed(named_subscription, feed_server, network):
    network.resolve("feed.example.se", PUBLIC)
    feed_server.routes["/feed"] = Reply(
        status=302, headers={"Location": "http://feed.example.se:6379/"}
    )
    subscription = named_subscription("http://feed.example.se/feed")

    assert "annan webbplats" in subscription_refresh(subscription.pk)
    assert network.connects == [(PUBLIC, 80)]


def _openssl(directory: Path, *arguments: str) -> None:
    subprocess.run(["openssl", *arguments], cwd=directory, check=True, capture_output=True)


@pytest.fixture
def tls_feed_server(tmp_path, monkeypatch):
    """An HTTPS feed server with a certificate for feed.example.se from a CA of its own, which
    the importer is made to trust; it notes the host name each client asked for (SNI)."""
    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a certificate")
    key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    _openssl(
        tmp_path,
        *("req", "-x509", *key, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2"),
        *("-subj", "/CN=Test CA", "-addext", "basicConstraints=critical,CA:TRUE"),
        *("-addext", "keyUsage=critical,keyCertSign", "-addext", "subjectKeyIdentifier=hash"),
    )
    _openssl(tmp_path, "req", *key, "-keyout", "feed.key", "-out", "feed.csr", "-subj", "/CN=x")
    (tmp_path / "feed.ext").write_text(
        "subjectAltName=DNS:feed.example.se\nextendedKeyUsage=serverAuth\n"
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
        "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\n"
    )
    _openssl(
        tmp_path,
        *("x509", "-req", "-in", "feed.csr", "-CA", "ca.pem", "-CAkey", "ca.key"),
        *("-CAcreateserial", "-days", "2", "-extfile", "feed.ext", "-out", "feed.pem"),
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "feed.pem", tmp_path / "feed.key")
    names: list[str | None] = []
    context.sni_callback = lambda _socket, name, _context: names.append(name)
    monkeypatch.setattr(requests.adapters, "DEFAULT_CA_BUNDLE_PATH", str(tmp_path / "ca.pem"))
    server, handle = start_feed_server(tls=context)
    yield handle, names
    server.shutdown()
    server.server_close()


def test_tls_checks_the_certificate_against_the_host_name(
    named_subscription, tls_feed_server, network, settings
):
    feeds, names = tls_feed_server
    port = int(feeds.url.rsplit(":", 1)[1])
    settings.KNOWLEDGE_FEED_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    network.resolve("feed.example.se", "127.0.0.1")
    network.resolve("other.example.se", "127.0.0.1")
    feeds.routes["/feed"] = Reply(feed([feed_item("1")]))
    right = named_subscription(f"https://feed.example.se:{port}/feed")
    wrong = named_subscription(f"https://other.example.se:{port}/feed")

    assert subscription_refresh(right.pk).startswith("1 nya")
    assert subscription_refresh(wrong.pk) == unreachable(wrong.feed_url)
    assert names == ["feed.example.se", "other.example.se"]
    assert feeds.requests == ["/feed"]  # the wrong name never got as far as a request


def test_a_trickling_feed_is_cut_off_at_the_total_limit(subscription, feed_server, settings):
    """One byte every 0.3 s never trips a read timeout, and without a watchdog the first 8 KiB
    chunk would take 40 minutes. The fetch must end at the total limit and hang up."""
    settings.KNOWLEDGE_FEED_LIMITS = {
        **settings.KNOWLEDGE_FEED_LIMITS,
        "read_seconds": 5,
        "total_seconds": 1,
    }
    feed_server.routes["/feed"] = Reply(feed([feed_item("1")]), drip=0.3)

    started = time.monotonic()
    outcome = subscription_refresh(subscription.pk)
    elapsed = time.monotonic() - started

    assert "tog för lång tid (mer än 1 sekunder)" in outcome
    assert elapsed < 10
    assert feed_server.hung_up.wait(timeout=5)
    assert not copies(subscription)


def test_many_silent_addresses_do_not_stretch_the_limit(named_subscription, network, settings):
    """Twenty addresses that never answer, at five seconds each, would hold the import for
    over a minute and a half; connecting gets only the time that is left."""
    settings.KNOWLEDGE_FEED_LIMITS = {**settings.KNOWLEDGE_FEED_LIMITS, "total_seconds": 1}
    silent = [f"93.184.216.{number}" for number in range(1, 21)]
    network.blackholed.update(silent)
    network.resolve("feed.example.se", silent)
    subscription = named_subscription("http://feed.example.se/feed")

    started = time.monotonic()
    outcome = subscription_refresh(subscription.pk)

    assert "tog för lång tid" in outcome
    assert time.monotonic() - started < 10
    assert len(network.connects) < len(silent)
