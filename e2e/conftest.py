"""Browser tests: the real site in a subprocess, driven by headless Chromium.

One server (with its own fresh database) per xdist worker and one browser per run of e2e
tests on that worker. The database with the demo content is built once per run, from the
run's migrated database (testsupport/databases.py), and copied for each worker.
The browser may reach nothing but that server: every other request is aborted and recorded,
so tests can assert that no third-party request was made.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from testsupport import databases

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Belt and braces: even a request that escaped routing could not resolve a host name.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
ROOT = Path(__file__).resolve().parent.parent
E2E_DIR = Path(__file__).resolve().parent
SERVER_START_TIMEOUT = 60
SHELL_TIMEOUT = 120
DEMO = "e2e_demo"  # the run's database with the demo content


def _is_e2e(item: pytest.Item | None) -> bool:
    return item is not None and E2E_DIR in Path(str(item.path)).parents


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(
        reason=f"Chromium is missing ({CHROMIUM}); install it with `apt-get install chromium`"
    )
    if os.environ.get("CI") and not CHROMIUM.exists() and any(_is_e2e(item) for item in items):
        raise pytest.UsageError(f"CI runs the browser tests, and Chromium is missing ({CHROMIUM})")
    for item in items:
        if _is_e2e(item):
            item.add_marker(pytest.mark.e2e)
            if not CHROMIUM.exists():
                item.add_marker(skip)


# --- The server -------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class DemoDatabase:
    """The database with the demo content, and its uploaded files, to copy from."""

    database: databases.RunDatabase
    media: Path
    private_media: Path


def _demo_database(tmp_path_factory, env: dict) -> DemoDatabase:
    """Built by the first worker that needs it, from the run's migrated database, under a
    lock the others wait on; it lives in the run's folder and goes with the run."""
    shared = databases.run_folder(tmp_path_factory)
    migrated = databases.migrated_database(tmp_path_factory)
    folder = shared / "e2e-demo"
    demo = DemoDatabase(
        databases.RunDatabase.named(DEMO, folder),
        media=folder / "media",
        private_media=folder / "private",
    )
    with databases.run_lock(shared, "e2e-demo"):
        if not (folder / "built").exists():
            _build_demo_database(demo, migrated, folder, env)
    return demo


def _build_demo_database(
    demo: DemoDatabase, migrated: databases.RunDatabase, folder: Path, env: dict
) -> None:
    folder.mkdir(exist_ok=True)
    build_env = {
        **env,
        "DATABASE_URL": migrated.copy_to(demo.database),
        "MEDIA_ROOT": str(demo.media),
        "PRIVATE_MEDIA_ROOT": str(demo.private_media),
    }
    builder = Server(url="", env=build_env, log_dir=folder)
    _run_setup_command(builder, "load_demo_content", "--without-users")
    demo.media.mkdir(exist_ok=True)
    demo.private_media.mkdir(exist_ok=True)
    (folder / "built").touch()


@dataclass
class Server:
    url: str
    env: dict
    log_dir: Path
    mail: MailRecorder | None = None
    process: subprocess.Popen | None = None
    shell: subprocess.Popen | None = None

    def manage(self, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
        """Run a management command against the server's database."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def call(self, function: Callable[..., Any], /, **kwargs: Any) -> Any:
        """Run one of e2e/server_data.py's functions on the server's database; the keyword
        arguments and the result travel as JSON."""
        from e2e import server_data, server_shell

        assert getattr(server_data, function.__name__, None) is function, function
        shell = self._shell()
        shell.stdin.write(json.dumps({"function": function.__name__, "kwargs": kwargs}) + "\n")
        shell.stdin.flush()
        ready, _, _ = select.select([shell.stdout], [], [], SHELL_TIMEOUT)
        answer = shell.stdout.readline() if ready else ""
        if answer.startswith(server_shell.RESULT_PREFIX):
            return json.loads(answer.removeprefix(server_shell.RESULT_PREFIX))
        if answer.startswith(server_shell.ERROR_PREFIX):
            error = json.loads(answer.removeprefix(server_shell.ERROR_PREFIX))
            raise AssertionError(f"{function.__name__} failed on the server:\n{error}")
        raise AssertionError(
            f"{function.__name__} gave no answer within {SHELL_TIMEOUT} s:\n"
            f"{self.log_tail(log='server_shell.log')}"
        )

    def _shell(self) -> subprocess.Popen:
        if self.shell is None or self.shell.poll() is not None:
            with (self.log_dir / "server_shell.log").open("a") as log:
                self.shell = subprocess.Popen(
                    [sys.executable, "-m", "e2e.server_shell"],
                    cwd=ROOT,
                    env=self.env,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=log,
                    text=True,
                    preexec_fn=_die_with_parent,
                )
        return self.shell

    def stop(self) -> None:
        """Stop the server and its shell."""
        for process in (self.shell, self.process):
            if process is None or process.poll() is not None:
                continue
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    def log_tail(self, lines: int = 40, *, log: str = "server.log") -> str:
        path = self.log_dir / log
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _run_setup_command(server: Server, *args: str) -> None:
    result = server.manage(*args, timeout=300)
    (server.log_dir / f"{args[0]}.log").write_text(result.stdout + result.stderr)
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{(result.stdout + result.stderr)[-4000:]}",
            pytrace=False,
        )


def _die_with_parent() -> None:
    """Let the server end with the test worker, even if the worker is killed (Linux)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(
                f"The server exited with {server.process.returncode}:\n{server.log_tail()}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(server.url + "/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            last_error = error
        time.sleep(0.2)
    pytest.fail(
        f"The server did not answer within {SERVER_START_TIMEOUT} s ({last_error}):\n"
        f"{server.log_tail()}",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def mail_server():
    """An SMTP server in this process that the live server delivers its e-mail to."""
    from aiosmtpd.controller import Controller

    recorder = MailRecorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield recorder, controller.port
    controller.stop()


class MailRecorder:
    def __init__(self) -> None:
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def messages_to(self, address: str) -> list:
        import email
        from email import policy

        return [
            email.message_from_bytes(envelope.content, policy=policy.default)
            for envelope in self.envelopes
            if address in envelope.rcpt_tos
        ]


@pytest.fixture(scope="session")
def server(tmp_path_factory, mail_server) -> Server:
    """The real site on a free port, with a fresh database holding the demo content."""
    worker = databases.worker_id()
    tmp = tmp_path_factory.mktemp(f"e2e-{worker}")
    env = databases.manage_environment(
        DEBUG="false",
        LOG_LEVEL="WARNING",
        MEDIA_ROOT=str(tmp / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp / "private"),
        # The capacity test sends many registrations from one address on purpose.
        EVENT_REGISTRATION_API_RATE="100000/m",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(mail_server[1]),
    )
    own = databases.RunDatabase.named(f"e2e_{worker}", tmp)
    port = _free_port()
    env["BASE_URL"] = f"http://127.0.0.1:{port}"
    srv = Server(url=f"http://127.0.0.1:{port}", env=env, log_dir=tmp, mail=mail_server[0])
    try:
        demo = _demo_database(tmp_path_factory, env)
        env["DATABASE_URL"] = demo.database.copy_to(own)
        shutil.copytree(demo.media, tmp / "media")
        shutil.copytree(demo.private_media, tmp / "private")
        log = (tmp / "server.log").open("w")
        srv.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,
        )
        log.close()
        _wait_until_up(srv)
        yield srv
    finally:
        srv.stop()
        own.drop()


# --- The browser ------------------------------------------------------------------------


class _BrowserHolder:
    """One Chromium for a run of consecutive e2e tests on this worker.

    Playwright's sync API keeps an asyncio loop marked as running in this thread while it is
    started, and Django then refuses ORM calls (SynchronousOnlyOperation). So Playwright is
    stopped as soon as the worker moves on to a test outside e2e/, and started again lazily.
    """

    def __init__(self) -> None:
        self._playwright = None
        self._browser = None

    def get(self):
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
        return self._browser

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None


_BROWSER = _BrowserHolder()
_next_item: dict[str, pytest.Item | None] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _next_item["item"] = nextitem
    yield


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Stop Playwright before a test that uses Django's database: the session-wide database
    set-up runs before any function fixture could stop it, the first time on this worker."""
    if "django_db_setup" in item.fixturenames:
        _BROWSER.close()


@pytest.fixture(autouse=True)
def _close_browser_before_other_tests():
    """Stop Playwright after the last e2e test in a row, before other tests' fixtures (e.g.
    pytest-django's database teardown at the end of the session) need a loop-free thread."""
    yield
    if not _is_e2e(_next_item.get("item")):
        _BROWSER.close()


def pytest_sessionfinish(session, exitstatus):
    _BROWSER.close()
    # The run's demo database on PostgreSQL goes once every worker is done (the SQLite one
    # goes with the run's temporary folder).
    if databases.worker_id() == "main":
        databases.drop_postgres_of_run(DEMO)


@pytest.fixture
def browser():
    return _BROWSER.get()


@dataclass
class Blocked:
    """Requests the browser tried to make to anywhere but the server.

    `urls` must stay empty. `consented` holds video embeds asked for after the visitor
    accepted third-party services: allowed by the site, but still not let out of this machine.
    """

    urls: list[str] = field(default_factory=list)
    consented: list[str] = field(default_factory=list)


VIDEO_EMBEDS = ("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/")


def third_party_accepted(context) -> bool:
    # The consent cookie reads "<id>:<policy version>:<statistics>:<third party>:<signature>".
    for cookie in context.cookies():
        if cookie["name"] == "samtycke":
            parts = cookie["value"].strip('"').split(":")
            return len(parts) >= 4 and parts[3] == "1"
    return False


@pytest.fixture
def blocked() -> Blocked:
    return Blocked()


@pytest.fixture
def new_context(browser, server, blocked):
    """Make a browser context that may reach only the server; other requests are recorded."""
    contexts = []
    origin = server.url

    def route(route, request):
        url = request.url
        if url == origin or url.startswith(origin + "/"):
            route.continue_()
            return
        if url.startswith(VIDEO_EMBEDS) and third_party_accepted(request.frame.page.context):
            blocked.consented.append(url)
        else:
            blocked.urls.append(url)
        route.abort("blockedbyclient")

    def make(**options):
        options.setdefault("base_url", server.url)
        options.setdefault("locale", "sv-SE")
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.route("**/*", route)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    # No page of the site may make the browser reach a third party, in any test.
    assert not blocked.urls, f"Requests to third parties were made (and blocked): {blocked.urls}"


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def site_paths(server):
    """Every page: the sitemap, plus everything linked from it and from both home pages."""
    from e2e.support import EXTRA_PATHS, crawl_paths, sitemap_paths

    listed = sitemap_paths(server.url)
    assert "/" in listed and "/om-projektet/" in listed
    crawled = crawl_paths(server.url, ["/", "/en/", *listed])
    paths = list(dict.fromkeys([*listed, *crawled, *EXTRA_PATHS]))
    english = [path for path in paths if path.startswith("/en/")]
    assert len(english) >= 10, f"too few English pages found: {english}"
    assert "/en/about-the-project/" in english
    return paths
