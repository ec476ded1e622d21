"""Headless Chromium, driven by Playwright, printing pages of a built site to PDF.

The site is served to the browser from its folder by a small HTTP server of this process, bound to
the loopback address and given to Chromium as its proxy: every address the browser asks for goes
to it, and it answers only the site's own host name (which resolves nowhere), with the site's
files and the documents handed over in memory (the book's front matter, the footer sheets).
Nothing leaves the machine. Being a real HTTP server and not Playwright's request routing (which
turns the browser's cache off), the stylesheets and fonts are fetched once per browser, not once
per print. Scripts are off: the printed layout is the site's CSS alone, which is also what
`tests/browser/test_print*.py` pin, and a print is about twice as fast without them.

Prints run in a few tabs of one browser at once (asyncio, in a thread of its own so that the
caller may itself run inside an event loop or beside Playwright's sync API). A tab is replaced
after a number of prints, which keeps the browser's memory flat over thousands of them.
"""

from __future__ import annotations

import asyncio
import http.server
import mimetypes
import os
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..failures import Failure

HOST_NAME = "sop-cetak.invalid"
HOST = f"http://{HOST_NAME}"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-extensions", "--mute-audio", "--font-render-hinting=none"]
PRINT_TIMEOUT_MS = 120_000  # one page: a 100-step SOP prints in a few seconds
WARM_PATH = "/_sop-pdf-pemanasan.html"
PRINTS_PER_TAB = 100  # then the tab is closed and a new one opened: a long-lived tab keeps growing
MISSING_CHROMIUM = (
    "PDF memerlukan peramban Chromium; pasang paket Debian 'chromium' (atau jalankan 'bash .ci/install'), "
    "atau tunjukkan programnya dengan SOP_CHROMIUM=/path/ke/chromium, atau matikan opsi 'pdf' plugin sop"
)
MISSING_PLAYWRIGHT = "PDF memerlukan paket Python 'playwright' (dipasang oleh 'bash .ci/install')"


class PrintFailed(Failure):
    """Chromium could not print; the message is one line in Indonesian."""


def chromium_path() -> str:
    """The Chromium program: SOP_CHROMIUM when set, else Debian's `chromium` on PATH."""
    given = os.environ.get("SOP_CHROMIUM")
    if given:
        if not (os.path.isfile(given) and os.access(given, os.X_OK)):
            raise PrintFailed(f"SOP_CHROMIUM={given}: bukan program yang dapat dijalankan")
        return given
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise PrintFailed(MISSING_CHROMIUM)
    return found


def browser_identity() -> str:
    """What changes when the browser changes (its program's size and time), without starting it:
    part of the cache key, so a new Chromium prints every PDF again. Debian's `chromium` is a
    shell script in front of the real program, so that one is looked at too."""
    stats = []
    for candidate in (os.path.realpath(chromium_path()), "/usr/lib/chromium/chromium"):
        try:
            info = os.stat(candidate)
        except OSError:
            continue
        stats.append(f"{candidate}:{info.st_size}:{int(info.st_mtime)}")
    return "|".join(stats)


@dataclass(frozen=True)
class Job:
    """One print: the site path of a page ('sop/x/'), or a document given in memory at `path`."""

    path: str
    html: str | None = None


def _served_file(root: Path, url: str) -> Path | None:
    """The file of the site folder a URL asks for, or None if it is outside the folder or missing."""
    parts = PurePosixPath(unquote(urlsplit(url).path)).parts[1:]
    if any(part in ("..", "") or "\\" in part for part in parts):
        return None
    target = root.joinpath(*parts)
    if url.split("?")[0].split("#")[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


class _Handler(http.server.BaseHTTPRequestHandler):
    """Answers the browser's requests, as its proxy: the site's host only, GET and HEAD only."""

    server: "_SiteServer"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_CONNECT(self) -> None:  # https: nothing of the site is there
        self._send(404, "text/plain", b"", body=False)

    do_POST = do_CONNECT

    def _answer(self, body: bool) -> None:
        url = urlsplit(self.path)
        if url.netloc != HOST_NAME:
            self._send(404, "text/plain", b"", body)
            return
        served = self.server.answer(url)
        if served is None:
            self._send(404, "text/plain", b"", body)
            return
        kind, data, cached = served
        self._send(200, kind, data, body, cached)

    def _send(self, status: int, kind: str, data: bytes, body: bool, cached: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=86400" if cached else "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the name is BaseHTTPRequestHandler's
        pass


class _SiteServer(http.server.ThreadingHTTPServer):
    """The built site and the documents in memory, on an ephemeral loopback port."""

    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root
        self.in_memory: dict[str, str] = {}
        self._thread = threading.Thread(target=self.serve_forever, name="sop-pdf-situs", daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def answer(self, url) -> tuple[str, bytes, bool] | None:
        """(content type, bytes, whether the browser may keep it) of a URL of the site, or None."""
        if url.query:
            return None  # the site asks for no query; it would bypass the browser's cache
        path = unquote(url.path)
        document = self.in_memory.get(path)
        if document is not None:
            return "text/html; charset=utf-8", document.encode("utf-8"), False
        target = _served_file(self.root, url.geturl())
        if target is None:
            return None
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind == "image/svg+xml":
            kind += "; charset=utf-8"
        return kind, target.read_bytes(), kind.split(";")[0] != "text/html"

    def close(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=10)


class Printer:
    """Prints jobs with `tabs` tabs of one headless Chromium; `root` is the built site's folder.

    The browser starts at the first print or at `warm_up()` (a build that finds every PDF in the
    cache starts none) and lives until `close()`, in an event loop of its own thread; so do its
    tabs, across calls of `print_all`."""

    def __init__(self, root: Path, tabs: int = 2) -> None:
        self.root = root
        self.tabs = max(1, tabs)
        self.printed = 0
        self.tabs_opened = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: _SiteServer | None = None
        self._playwright = None
        self._browser = None
        self._context = None
        self._pages: list = []  # idle tabs, each with the number of prints it has made
        self._warming = None

    def __enter__(self) -> "Printer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _run(self, coroutine):
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, name="sop-pdf", daemon=True)
            self._thread.start()
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def warm_up(self, document: Callable[[], str] | None = None) -> None:
        """Start the browser now, in the background (a build renders its pages meanwhile), and open
        its tabs; each tab then loads `document()` (called once the browser runs, when the site's
        stylesheets and fonts are in place), so that the first print finds them in the browser's
        cache. A failure to start is reported by the first print."""
        if self._warming is None and self._context is None:
            self._warming = self._run(self._warm(document))

    def print_all(self, jobs: Sequence[Job]) -> list[bytes]:
        """The PDF bytes of each job, in order. Raises PrintFailed with one line."""
        if not jobs:
            return []
        try:
            if self._warming is not None:
                warming, self._warming = self._warming, None
                warming.result()
            result = self._run(self._print_all(list(jobs))).result()
        except PrintFailed:
            raise
        except Exception as exc:  # whatever the browser's thread raised (Playwright's errors, a timeout, a cancelled
            # future, a closed pipe): one line naming it, the printer's promise to the build
            raise PrintFailed(f"Chromium gagal mencetak: {exc.__class__.__name__}: {_first_line(exc)}") from exc
        self.printed += len(jobs)
        return result

    def close(self) -> None:
        if self._loop is not None:
            try:
                if self._warming is not None:
                    self._warming.result(timeout=60)
            except Exception:  # a warm-up that failed was reported by the print that waited for it, or is moot
                pass
            self._warming = None
            try:
                asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(timeout=60)
            except Exception:  # the browser is going away either way
                pass
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=60)
            self._loop.close()
            self._loop = self._thread = None
        if self._server is not None:
            self._server.close()
            self._server = None

    async def _start(self) -> None:
        if self._context is not None:
            return
        try:
            from playwright.async_api import Error as PlaywrightError, async_playwright
        except ImportError:
            raise PrintFailed(MISSING_PLAYWRIGHT) from None
        executable = chromium_path()
        if self._server is None:
            self._server = _SiteServer(self.root)
        self._playwright = await async_playwright().start()
        try:
            self._browser = await self._playwright.chromium.launch(
                executable_path=executable, args=BROWSER_ARGS, proxy={"server": self._server.address},
            )
        except (PlaywrightError, OSError) as exc:
            raise PrintFailed(f"Chromium ({executable}) tidak dapat dijalankan: {_first_line(exc)}") from None
        self._context = await self._browser.new_context(java_script_enabled=False)

    async def _warm(self, document: Callable[[], str] | None) -> None:
        await self._start()
        tabs = await asyncio.gather(*(self._tab() for _ in range(self.tabs)))
        if document is not None:
            from playwright.async_api import Error as PlaywrightError  # importable: _start ran

            self._server.in_memory = {WARM_PATH: document()}
            try:
                for tab in tabs:
                    await tab[0].goto(HOST + WARM_PATH, wait_until="load")
                    await tab[0].evaluate("document.fonts.ready.then(() => true)")
            except PlaywrightError:  # only time is lost: the prints load what they need themselves
                pass
        self._pages.extend(tabs)

    async def _shutdown(self) -> None:
        try:
            if self._browser is not None:
                await self._browser.close()
        finally:
            if self._playwright is not None:
                await self._playwright.stop()
            self._playwright = self._browser = self._context = None
            self._pages = []

    async def _print_all(self, jobs: list[Job]) -> list[bytes]:
        await self._start()
        self._server.in_memory = {"/" + job.path.lstrip("/"): job.html for job in jobs if job.html is not None}
        queue: asyncio.Queue[tuple[int, Job]] = asyncio.Queue()
        for item in enumerate(jobs):
            queue.put_nowait(item)
        out: list[bytes] = [b""] * len(jobs)
        await asyncio.gather(*(self._worker(queue, out) for _ in range(min(self.tabs, len(jobs)))))
        return out

    async def _tab(self) -> list:
        if self._pages:
            return self._pages.pop()
        page = await self._context.new_page()
        page.set_default_timeout(PRINT_TIMEOUT_MS)
        self.tabs_opened += 1
        return [page, 0]

    async def _worker(self, queue: asyncio.Queue, out: list) -> None:
        tab = await self._tab()
        try:
            while not queue.empty():
                if tab[1] >= PRINTS_PER_TAB:
                    await tab[0].close()
                    tab = await self._tab()
                index, job = queue.get_nowait()
                page = tab[0]
                response = await page.goto(f"{HOST}/{job.path.lstrip('/')}", wait_until="load")
                if response is None or not response.ok:
                    raise PrintFailed(f"halaman {job.path} tidak ada di situs yang dibangun")
                await page.evaluate("document.fonts.ready.then(() => true)")
                out[index] = await page.pdf(prefer_css_page_size=True, print_background=True)
                tab[1] += 1
        except BaseException:
            await tab[0].close()
            raise
        self._pages.append(tab)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__
