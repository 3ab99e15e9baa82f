"""A small HTTP server on 127.0.0.1 that answers with whatever a test puts in its routes:
a stand-in for another platform, well-behaved or hostile. It notes each request it was sent
and each answer the importer hung up on."""

import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay: float = 0.0  # before the body
    drip: float = 0.0  # between bytes of the body
    raw: bool = False  # the body is the whole answer, status line and headers included


@dataclass
class FeedServer:
    url: str
    routes: dict[str, Reply | Callable[[], Reply]]
    requests: list[str] = field(default_factory=list)
    hung_up: threading.Event = field(default_factory=threading.Event)

    def address(self, path: str) -> str:
        return self.url + path


def _handler(server: FeedServer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            server.requests.append(self.path)
            reply = server.routes.get(self.path)
            reply = reply() if callable(reply) else reply
            if reply is None:
                reply = Reply(b"{}", status=404)
            try:
                if not reply.raw:
                    self._send_head(reply)
                time.sleep(reply.delay)
                if reply.drip:
                    for byte in reply.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(reply.drip)
                else:
                    self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                server.hung_up.set()  # the importer gave up, as it should

        def _send_head(self, reply: Reply) -> None:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if "Content-Length" not in reply.headers and not reply.drip:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()

        def log_message(self, *args):
            pass

    return Handler


def start_feed_server(tls: ssl.SSLContext | None = None):
    """The server and a handle on it; with tls, it answers HTTPS (the URL still says 127.0.0.1)."""
    handle = FeedServer("", {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(handle))
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    handle.url = f"{'https' if tls else 'http'}://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, handle
