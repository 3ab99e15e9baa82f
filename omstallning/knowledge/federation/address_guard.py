"""Which addresses a feed may be fetched from, decided on the address actually connected to.

A subscription's address is typed in by an administrator, and the host name in it is resolved
by whoever controls its DNS. Checking the name before the request would not do: the name can
resolve to a public address for the check and to 127.0.0.1 a moment later (DNS rebinding). So
the check happens here, in the one place that resolves the name and opens the socket, and the
socket is opened only to an address that passed it.
"""

import ipaddress
import logging
import socket
import time
from collections.abc import Iterator, Sequence

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
SocketOption = tuple[int, int, int | bytes]

WEB_PORTS = frozenset({80, 443})
# The well-known NAT64 prefix carries an IPv4 address in its last 32 bits.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class AddressRefused(OSError):
    """The host resolved only to addresses a feed may not be fetched from."""


def allowed_networks() -> list[Network]:
    """The region's own partner platforms, which may sit on internal addresses and ports."""
    configured = settings.KNOWLEDGE_FEED_ALLOWED_NETWORKS
    if isinstance(configured, str):
        configured = configured.split(",")
    try:
        return [ipaddress.ip_network(value.strip(), strict=False) for value in configured if value]
    except ValueError as error:
        raise ImproperlyConfigured(f"KNOWLEDGE_FEED_ALLOWED_NETWORKS: {error}") from error


def _unmapped(address: Address) -> Address:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _embedded_ipv4(address: Address) -> Iterator[ipaddress.IPv4Address]:
    # Transition addresses that a gateway may translate into an IPv4 address, private or not.
    if not isinstance(address, ipaddress.IPv6Address):
        return
    if address.sixtofour:
        yield address.sixtofour
    if address.teredo:
        yield from address.teredo
    if address in NAT64:
        yield ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)


def is_public(address: Address) -> bool:
    """Reachable on the internet: not loopback, private, link-local, CGNAT, multicast, reserved,
    unspecified or broadcast, nor an IPv6 form that stands for one of those."""
    address = _unmapped(address)
    if not all(is_public(embedded) for embedded in _embedded_ipv4(address)):
        return False
    return address.is_global and not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def address_allowed(address: Address, port: int, networks: Sequence[Network]) -> bool:
    address = _unmapped(address)
    if any(address in network for network in networks):
        return True
    return port in WEB_PORTS and is_public(address)


def connect_checked(
    host: str,
    port: int,
    *,
    timeout: float | None,
    deadline: float | None = None,
    source_address: tuple[str, int] | None = None,
    socket_options: Sequence[SocketOption] | None = None,
) -> socket.socket:
    """A socket connected to the first allowed address of host, or AddressRefused. With a
    deadline (time.monotonic()), no attempt runs past it, however many addresses host has."""
    networks = allowed_networks()
    if port not in WEB_PORTS and not networks:
        raise AddressRefused(f"port {port} is not allowed")
    error: OSError | None = None
    candidates = socket.getaddrinfo(host.strip("[]"), port, socket.AF_UNSPEC, socket.SOCK_STREAM)
    for family, kind, protocol, _name, peer in candidates:
        address = ipaddress.ip_address(peer[0])
        if not address_allowed(address, port, networks):
            logger.warning("Knowledge feed: refused %s (port %s) for host %s", address, port, host)
            error = AddressRefused(f"{address} is not an allowed address")
            continue
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no time left to connect to {host}")
            timeout = remaining if timeout is None else min(timeout, remaining)
        sock = socket.socket(family, kind, protocol)
        try:
            for option in socket_options or ():
                sock.setsockopt(*option)
            sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(peer)
        except OSError as failure:
            sock.close()
            error = failure
            continue
        return sock
    raise error or OSError(f"{host} has no address")
