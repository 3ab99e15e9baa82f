"""The HTTP session a feed is fetched with: every connection goes through the address guard,
and a watchdog ends every connection at the import's deadline.

Read timeouts apply to one `recv` at a time, so a server that sends a byte now and then never
trips them; only something outside the reading thread can hold a total limit. The watchdog
keeps a duplicate of each socket (a second descriptor for the same connection, so it never
touches a descriptor that was closed and reused) and shuts them down when time is up, which
wakes any read blocked on them.
"""

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError

from .address_guard import connect_checked


class Watchdog:
    """Shuts down every connection of one fetch once its seconds are up."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.fired = False
        self._stopped = False
        self._lock = threading.Lock()
        self._sockets: list[tuple[HTTPConnection, socket.socket]] = []
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> "Watchdog":
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()
        with self._lock:
            self._stopped = True
            for _connection, duplicate in self._sockets:
                duplicate.close()
            self._sockets.clear()

    def track(self, connection: HTTPConnection, sock: socket.socket) -> None:
        with self._lock:
            if self.fired or self._stopped:
                raise TimeoutError("the feed's time is up")
            # Connections closed since (or this one, reconnecting) need no watching any more.
            keep = []
            for watched, duplicate in self._sockets:
                if watched is connection or watched.sock is None:
                    duplicate.close()
                else:
                    keep.append((watched, duplicate))
            self._sockets = [*keep, (connection, sock.dup())]

    def _fire(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self.fired = True
            for _connection, duplicate in self._sockets:
                with suppress(OSError):  # the server may have closed it already
                    duplicate.shutdown(socket.SHUT_RDWR)


class _GuardedConnectionMixin:
    """Opens its socket through the address guard and hands it to the watchdog. Everything
    else, TLS with SNI and certificate checks against the host name included, is urllib3's."""

    def __init__(self, *args: Any, watchdog: Watchdog, **kwargs: Any) -> None:
        self._watchdog = watchdog
        super().__init__(*args, **kwargs)

    def _new_conn(self) -> socket.socket:
        try:
            sock = connect_checked(
                self._dns_host,
                self.port,
                timeout=self.timeout,
                deadline=self._watchdog.deadline,
                source_address=self.source_address,
                socket_options=self.socket_options,
            )
        except socket.gaierror as error:
            raise NameResolutionError(self.host, self, error) from error
        except TimeoutError as error:
            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out.") from error
        except OSError as error:
            raise NewConnectionError(self, f"Failed to establish a connection: {error}") from error
        try:
            self._watchdog.track(self, sock)
        except TimeoutError as error:
            sock.close()
            raise ConnectTimeoutError(self, "The feed's time is up.") from error
        return sock


class GuardedHTTPConnection(_GuardedConnectionMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(_GuardedConnectionMixin, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class _GuardedPoolManager(PoolManager):
    def __init__(self, watchdog: Watchdog, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}
        self._watchdog = watchdog

    def _new_pool(self, scheme: str, host: str, port: int, request_context=None):
        pool = super()._new_pool(scheme, host, port, request_context)
        # Not a pool key: PoolManager would refuse an unknown one in connection_pool_kw.
        pool.conn_kw["watchdog"] = self._watchdog
        return pool


class GuardedAdapter(HTTPAdapter):
    def __init__(self, watchdog: Watchdog) -> None:
        self._watchdog = watchdog  # before super(), which builds the pool manager
        super().__init__()

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False, **kwargs):
        self._pool_connections = connections
        self._pool_maxsize = maxsize
        self._pool_block = block
        self.poolmanager = _GuardedPoolManager(
            self._watchdog, num_pools=connections, maxsize=maxsize, block=block, **kwargs
        )

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any):
        # A proxy would open the connection itself, out of the guard's sight.
        raise requests.exceptions.ProxyError("knowledge feeds are never fetched through a proxy")


@contextmanager
def feed_session(seconds: float) -> Iterator[tuple[requests.Session, Watchdog]]:
    """A session whose connections pass the address guard and all end after seconds."""
    with Watchdog(seconds) as watchdog, requests.Session() as session:
        session.trust_env = False  # no proxies or .netrc credentials from the environment
        adapter = GuardedAdapter(watchdog)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        yield session, watchdog
