"""DOT to SVG through Graphviz, cached by the hash of the DOT text.

A rebuild with unchanged sources finds every diagram in the cache and runs `dot` zero times;
an edited SOP changes only its own DOT text, so only its diagram is drawn again.

A cache entry is `<sha256 of the DOT text>.svg`: the SVG, behind a first line (an XML
comment) that names the key and the sha256 of the rest. An entry is used only if that line
matches, the rest is UTF-8 and a well-formed SVG holding nothing but what Graphviz draws
(no script, no event attribute, no link); anything else (truncated, foreign, edited, not a
regular file, too large) is drawn again and overwritten. So a cache is never trusted more
than `dot` itself.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import signal
import stat
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from ..failures import Failure

log = logging.getLogger("mkdocs.plugins.sop")

MISSING_DOT = (
    "program 'dot' dari Graphviz tidak ditemukan; pasang dengan 'apt-get install graphviz' "
    "(atau jalankan 'bash .ci/install'), lalu bangun ulang"
)
DOT_TIMEOUT = 60.0  # seconds for one diagram
MAX_ENTRY_BYTES = 32 * 1024 * 1024  # a cache entry larger than this is not read
HEADER = "<!-- sop-swimlane 1 {key} {digest} -->\n"
_HEADER = re.compile(rb"<!-- sop-swimlane 1 ([0-9a-f]{64}) ([0-9a-f]{64}) -->\n")

# What Graphviz's SVG output is made of; anything else in an SVG is refused.
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ALLOWED_ELEMENTS = frozenset({"svg", "g", "title", "polygon", "polyline", "path", "ellipse", "text", "a"})
ALLOWED_ATTRIBUTES = frozenset({
    "width", "height", "viewBox", "id", "class", "transform", "fill", "stroke", "points", "d", "cx", "cy",
    "rx", "ry", "x", "y", "text-anchor", "font-family", "font-size", "font-weight", "font-style",
    "stroke-width", "stroke-dasharray", "fill-opacity", "stroke-opacity", "preserveAspectRatio",
    f"{{{XLINK_NS}}}title",
})


class DotMissing(Failure):
    pass


class DotFailed(Failure):
    """`dot` could not draw one diagram; the message is one line in Indonesian."""


def inline_svg(svg: str) -> str:
    """Graphviz's SVG without the XML prolog, doctype and comments, ready to sit inside HTML."""
    start = svg.find("<svg")
    body = svg[start:] if start >= 0 else svg
    return re.sub(r"<!--.*?-->\n?", "", body, flags=re.S).strip() + "\n"


def svg_problem(svg: str) -> str | None:
    """Why `svg` (inline, as `inline_svg` gives it) may not be published, or None if it may."""
    if not svg.startswith("<svg"):
        return "tidak diawali <svg>"
    if "<!" in svg or "<?" in svg:  # comments, CDATA, declarations: an HTML parser may read them otherwise
        return "memuat komentar, CDATA atau deklarasi"
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        return f"XML tidak utuh ({exc})"
    if root.tag != f"{{{SVG_NS}}}svg":
        return "unsur akarnya bukan <svg>"
    for element in root.iter():
        namespace, _, name = element.tag.rpartition("}")
        if namespace != "{" + SVG_NS or name not in ALLOWED_ELEMENTS:
            return f"memuat unsur <{name}> yang tidak diizinkan"
        for attribute in element.attrib:
            if attribute not in ALLOWED_ATTRIBUTES:
                return f"memuat atribut '{attribute.rpartition('}')[2]}' yang tidak diizinkan"
    return None


def _kill(proc: subprocess.Popen) -> None:
    """Kill `dot` and anything it started, then reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, AttributeError):  # AttributeError: no process groups (Windows)
        proc.kill()
    try:
        proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:  # something left the group and holds the pipes
        pass


def _one_line(text: str, limit: int = 200) -> str:
    """`dot`'s message for the build log: one line, printable characters only, not too long."""
    line = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class SvgCache:
    def __init__(self, directory: Path, timeout: float = DOT_TIMEOUT):
        self.directory = Path(directory)
        self.timeout = timeout
        self.drawn = 0  # diagrams drawn by `dot` in this build
        self.reused = 0

    def svg(self, dot: str) -> str:
        """The inline SVG of `dot`: from the cache if a sound entry is there, else drawn.

        Raises DotMissing without a `dot` program, DotFailed when `dot` fails, runs past
        the time limit, or gives something that is not a well-formed, plain SVG."""
        source = dot.encode("utf-8", "replace")
        key = hashlib.sha256(source).hexdigest()
        path = self.directory / f"{key}.svg"
        cached = self._load(path, key)
        if cached is not None:
            self.reused += 1
            return cached
        text = self._draw(source)
        self.drawn += 1
        self._store(path, key, text)
        return text

    def _draw(self, source: bytes) -> str:
        returncode, stdout, stderr = self._run_dot(source)
        if returncode != 0:
            reason = _one_line(stderr.decode("utf-8", "replace")) or "tanpa pesan"
            code = f"sinyal {-returncode}" if returncode < 0 else f"kode keluar {returncode}"
            raise DotFailed(f"dot gagal menggambar swimlane ({code}): {reason}")
        try:
            text = inline_svg(stdout.decode("utf-8"))
        except UnicodeDecodeError:
            raise DotFailed("dot gagal menggambar swimlane: keluarannya bukan teks UTF-8") from None
        problem = svg_problem(text)
        if problem:
            raise DotFailed(f"dot gagal menggambar swimlane: keluarannya bukan SVG yang layak, {problem}")
        return text

    def _run_dot(self, source: bytes) -> tuple[int, bytes, bytes]:
        """Run `dot -Tsvg` in a process group of its own, killed whole past the time limit."""
        try:
            proc = subprocess.Popen(
                ["dot", "-Tsvg"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except FileNotFoundError as exc:
            raise DotMissing(MISSING_DOT) from exc
        except OSError as exc:
            raise DotFailed(f"dot tidak dapat dijalankan ({exc.strerror or exc.__class__.__name__})") from None
        try:
            stdout, stderr = proc.communicate(source, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise DotFailed(
                f"dot melewati batas waktu {self.timeout:g} detik; sederhanakan SOP "
                "(lebih sedikit langkah atau pelaksana) atau naikkan batas waktunya"
            ) from None
        except BaseException:  # interrupted: leave no `dot` running
            _kill(proc)
            raise
        return proc.returncode, stdout, stderr

    def _load(self, path: Path, key: str) -> str | None:
        """A sound entry's SVG; None when there is none or it is not sound (then it is redrawn)."""
        try:  # not through a symlink, never blocking on a FIFO
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as file:
                info = os.fstat(file.fileno())
                if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
                    return None
                data = file.read(MAX_ENTRY_BYTES + 1)
        except OSError:
            return None
        match = _HEADER.match(data)
        if not match or len(data) > MAX_ENTRY_BYTES:
            return None
        body = data[match.end():]
        if match.group(1).decode() != key or match.group(2).decode() != hashlib.sha256(body).hexdigest():
            return None
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return None if svg_problem(text) else text

    def _store(self, path: Path, key: str, text: str) -> None:
        """Write atomically; a cache that cannot be written only costs time. No temporary file stays."""
        body = text.encode("utf-8")
        data = HEADER.format(key=key, digest=hashlib.sha256(body).hexdigest()).encode("ascii") + body
        tmp = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=f".{key[:16]}-", suffix=".tmp")
            with os.fdopen(fd, "wb") as file:
                file.write(data)
            os.replace(tmp, path)
            tmp = None
        except OSError as exc:
            log.info(f"cache swimlane tidak dapat ditulis di {self.directory}: {exc}")
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
