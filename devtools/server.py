"""A static server that behaves like GitHub Pages for what the site depends on.

It serves the built site under a sub-path (as a project site is, at /REPO/), with the MIME
types browsers insist on for module scripts and WebAssembly, and can gzip responses the
way Pages does, so tests and benchmarks see what a reader's browser sees.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

MIME = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".map": "application/json",
    ".gz": "application/gzip",
    ".bin": "application/octet-stream",
}
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm")


class _Handler(http.server.BaseHTTPRequestHandler):
    # Keep-alive, as Pages (HTTP/2) reuses its connection: with HTTP/1.0 every request
    # would pay a connection set-up that readers never do. Every response has a length.
    protocol_version = "HTTP/1.1"

    def __init__(self, *args: Any, root: Path, prefix: str, gzip_on: bool, **kw: Any) -> None:
        self.root, self.prefix, self.gzip_on = root, prefix, gzip_on
        super().__init__(*args, **kw)

    def log_message(self, *args: Any) -> None:  # quiet: tests read the browser's own log
        pass

    def _resolve(self) -> Path | None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return None
        rel = path[len(self.prefix) :]
        target = (self.root / rel).resolve()
        if self.root not in target.parents and target != self.root:
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return None
            target = target / "index.html"
        return target if target.is_file() else None

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        target = self._resolve()
        if target is None:
            self.send_error(404)
            return
        body = target.read_bytes()
        ctype = MIME.get(target.suffix, "application/octet-stream")
        use_gzip = (
            self.gzip_on
            and target.suffix in COMPRESSIBLE
            and "gzip" in self.headers.get("Accept-Encoding", "")
        )
        if use_gzip:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if use_gzip:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if not head:
            # The browser may hang up first (a test navigated away); nothing to report.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def serve(site: Path, prefix: str = "/ml-guide/", gzip_on: bool = False) -> Iterator[str]:
    """Serve `site` at http://127.0.0.1:<free port><prefix>; yields that base URL."""
    handler = partial(_Handler, root=site.resolve(), prefix=prefix, gzip_on=gzip_on)
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
