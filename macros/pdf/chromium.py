"""Headless Chromium, driven by Playwright, printing pages of a built site to PDF.

The site is served to the browser from its folder through Playwright's request routing, under a
host name that resolves nowhere: no port is opened, nothing leaves the machine, and a page can
fetch only the site's own files and the documents handed over in memory (the book's front matter,
the footer sheets). Scripts are not loaded: the printed layout is the site's CSS alone, which is
also what `tests/browser/test_print*.py` pin, and a print is about twice as fast without them.

Prints run in a few tabs of one browser at once (asyncio, in a thread of its own so that the
caller may itself run inside an event loop or beside Playwright's sync API).
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

HOST = "http://sop-cetak.invalid"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-extensions", "--mute-audio", "--font-render-hinting=none"]
PRINT_TIMEOUT_MS = 120_000  # one page: a 100-step SOP prints in a few seconds
MISSING_CHROMIUM = (
    "PDF memerlukan peramban Chromium; pasang paket Debian 'chromium' (atau jalankan 'bash .ci/install'), "
    "atau tunjukkan programnya dengan SOP_CHROMIUM=/path/ke/chromium, atau matikan opsi 'pdf' plugin sop"
)
MISSING_PLAYWRIGHT = "PDF memerlukan paket Python 'playwright' (dipasang oleh 'bash .ci/install')"


class PrintFailed(Exception):
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


class Printer:
    """Prints jobs with `tabs` tabs of one headless Chromium; `root` is the built site's folder.

    The browser starts at the first print (a build that finds every PDF in the cache starts none)
    and lives until `close()`, in an event loop of its own thread."""

    def __init__(self, root: Path, tabs: int = 2) -> None:
        self.root = root
        self.tabs = max(1, tabs)
        self.printed = 0
        self._in_memory: dict[str, str] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._playwright = None
        self._browser = None
        self._context = None
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

    def warm_up(self) -> None:
        """Start the browser now, in the background (a build renders its pages meanwhile); a
        failure to start is reported by the first print."""
        if self._warming is None and self._context is None:
            self._warming = self._run(self._start())

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
        except Exception as exc:
            raise PrintFailed(f"Chromium gagal mencetak: {exc.__class__.__name__}: {_first_line(exc)}") from exc
        self.printed += len(jobs)
        return result

    def close(self) -> None:
        if self._loop is None:
            return
        try:
            if self._warming is not None:
                self._warming.result(timeout=60)
        except Exception:
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

    async def _start(self) -> None:
        if self._context is not None:
            return
        try:
            from playwright.async_api import async_playwright
        except ImportError:
            raise PrintFailed(MISSING_PLAYWRIGHT) from None
        executable = chromium_path()
        self._playwright = await async_playwright().start()
        try:
            self._browser = await self._playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        except Exception as exc:
            raise PrintFailed(f"Chromium ({executable}) tidak dapat dijalankan: {_first_line(exc)}") from None
        self._context = await self._browser.new_context()
        await self._context.route(lambda url: True, self._serve)

    async def _shutdown(self) -> None:
        try:
            if self._browser is not None:
                await self._browser.close()
        finally:
            if self._playwright is not None:
                await self._playwright.stop()
            self._playwright = self._browser = self._context = None

    async def _print_all(self, jobs: list[Job]) -> list[bytes]:
        await self._start()
        self._in_memory = {"/" + job.path.lstrip("/"): job.html for job in jobs if job.html is not None}
        queue: asyncio.Queue[tuple[int, Job]] = asyncio.Queue()
        for item in enumerate(jobs):
            queue.put_nowait(item)
        out: list[bytes] = [b""] * len(jobs)
        await asyncio.gather(*(self._worker(queue, out) for _ in range(min(self.tabs, len(jobs)))))
        return out

    async def _worker(self, queue: asyncio.Queue, out: list) -> None:
        page = await self._context.new_page()
        page.set_default_timeout(PRINT_TIMEOUT_MS)
        try:
            while not queue.empty():
                index, job = queue.get_nowait()
                response = await page.goto(f"{HOST}/{job.path.lstrip('/')}", wait_until="load")
                if response is None or not response.ok:
                    raise PrintFailed(f"halaman {job.path} tidak ada di situs yang dibangun")
                await page.evaluate("document.fonts.ready.then(() => true)")
                out[index] = await page.pdf(prefer_css_page_size=True, print_background=True)
        finally:
            await page.close()

    async def _serve(self, route) -> None:
        request = route.request
        if not request.url.startswith(HOST + "/") or request.resource_type == "script":
            await route.abort()  # nothing from outside the site; no script (see the module's note)
            return
        path = unquote(urlsplit(request.url).path)
        if path in self._in_memory:
            await route.fulfill(status=200, content_type="text/html; charset=utf-8", body=self._in_memory[path])
            return
        target = _served_file(self.root, request.url)
        if target is None:
            await route.fulfill(status=404, body=b"")
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind == "image/svg+xml":
            kind += "; charset=utf-8"
        await route.fulfill(status=200, content_type=kind, body=target.read_bytes())


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__
