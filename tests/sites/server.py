"""A threaded HTTP server on 127.0.0.1 serving the local copy built by :mod:`tests.sites.build`.

Answers ``ETag``/``Last-Modified`` and 304 to conditional requests; misbehaving pages: ``slow`` waits
``slow_seconds`` before answering, ``broken`` announces its full length and stops half-way; ``delay_seconds``
(default 0) holds every answer that long, like a distant server (benchmarks). A test changes
a page's text with :meth:`LocalSite.change` (or ``GET /_control/change?path=…``) and undoes it with
:meth:`LocalSite.reset`; ``robots_status`` makes ``/robots.txt`` answer an error.
"""

from __future__ import annotations

import hashlib
import threading
import time
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tests.sites.build import Site, SitePage, build_site

# The time every page claims it was last modified (a changed page moves one day later).
BASE_MODIFIED = 1_577_000_000.0


class LocalSite:
    """The running server: ``base_url``, the built :class:`Site`, a request log and fault controls."""

    def __init__(self, site: Site | None = None, slow_seconds: float = 3.0, delay_seconds: float = 0.0):
        self.site = site or build_site()
        self.slow_seconds = slow_seconds
        self.default_delay = delay_seconds
        self.delay_seconds = delay_seconds
        self.robots_status = 200
        self.changed: set[str] = set()
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> LocalSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def change(self, path: str) -> None:
        """Serve the changed text of ``path`` from now on (its ETag and Last-Modified move)."""
        if self.site.pages[path].variant is None:
            raise KeyError(f"{path} has no changed version")
        with self._lock:
            self.changed.add(path)

    def reset(self) -> None:
        """Undo changes and fault settings; forget the request log."""
        with self._lock:
            self.changed.clear()
            self.requests.clear()
            self.robots_status = 200
            self.delay_seconds = self.default_delay

    def served(self, path: str) -> tuple[bytes, str, str]:
        """(body, ETag, Last-Modified) currently served for ``path``."""
        page = self.site.pages[path]
        changed = path in self.changed
        body = page.variant if changed and page.variant is not None else page.body
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        stamp = BASE_MODIFIED + (86_400 if changed else 0)
        from datetime import datetime, timezone

        modified = format_datetime(datetime.fromtimestamp(stamp, tz=timezone.utc), usegmt=True)
        return body, etag, modified

    def log(self, method: str, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.requests.append((method, path, headers))

    def hits(self, path: str) -> int:
        """How many times ``path`` was requested."""
        return sum(1 for _, p, _ in self.requests if p == path)


def _not_modified(handler: BaseHTTPRequestHandler, etag: str, modified: str) -> bool:
    match = handler.headers.get("If-None-Match")
    if match is not None:
        return etag in [m.strip() for m in match.split(",")] or match.strip() == "*"
    since = handler.headers.get("If-Modified-Since")
    if since:
        try:
            return parsedate_to_datetime(since) >= parsedate_to_datetime(modified)
        except (TypeError, ValueError):
            return False
    return False


def _handler_for(local: LocalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            return

        def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _control(self, query: str) -> None:
            path = parse_qs(query).get("path", [""])[0]
            try:
                local.change(path)
            except KeyError:
                self._send(404, b"no such page", "text/plain")
                return
            self._send(200, b"changed", "text/plain")

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            local.log(self.command, self.path, dict(self.headers.items()))
            if parts.path == "/_control/change":
                self._control(parts.query)
                return
            if local.delay_seconds > 0:
                time.sleep(local.delay_seconds)
            if parts.path == "/robots.txt" and local.robots_status != 200:
                self._send(local.robots_status, b"server error", "text/plain")
                return
            page: SitePage | None = local.site.pages.get(self.path)
            if page is None:
                self._send(404, "<html><body><h1>404 页面不存在</h1></body></html>".encode(),
                           "text/html; charset=utf-8")
                return
            body, etag, modified = local.served(self.path)
            validators = {"ETag": etag, "Last-Modified": modified}
            if _not_modified(self, etag, modified):
                self.send_response(304)
                for k, v in validators.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if page.mode == "slow":
                time.sleep(local.slow_seconds)
            if page.mode == "broken":
                self.send_response(200)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self._send(200, body, page.content_type, validators)

        do_HEAD = do_GET

    return Handler
