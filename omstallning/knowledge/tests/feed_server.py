"""A small HTTP server on 127.0.0.1 that answers with whatever a test puts in its routes:
a stand-in for another platform, well-behaved or hostile."""

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


@dataclass
class FeedServer:
    url: str
    routes: dict[str, Reply | Callable[[], Reply]]

    def address(self, path: str) -> str:
        return self.url + path


def _handler(routes):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            reply = routes.get(self.path)
            reply = reply() if callable(reply) else reply
            if reply is None:
                reply = Reply(b"{}", status=404)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if "Content-Length" not in reply.headers and not reply.drip:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            time.sleep(reply.delay)
            try:
                if reply.drip:
                    for byte in reply.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(reply.drip)
                else:
                    self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the importer gave up, as it should

        def log_message(self, *args):
            pass

    return Handler


def start_feed_server():
    routes: dict = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, FeedServer(f"http://127.0.0.1:{server.server_port}", routes)
