"""Write the Pagefind index of the search records into the built site (`pagefind/`).

The records are written as files to a scratch folder (`sop/<slug>/index.html`, the SOP pages' own
addresses) and Pagefind's program (the `pagefind_bin` package, installed with the project: no
download) indexes that folder in one run. Its Python service answers one message per 0,1 s, too
slow for thousands of records."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..failures import Failure

from .canonical import UnexpectedFormat, canonicalize
from .record import SearchRecord

FOLDER = "pagefind"  # under the site's root; cari.js imports pagefind/pagefind.js from there
LANGUAGE = "id"  # Pagefind's Indonesian: its word stemming (Snowball), no language detection
TIMEOUT = 600.0  # seconds; 3,000 SOPs take a few
# what Pagefind writes for its own ready-made interfaces; the site has its own (macros/plugin/static/assets/cari.js)
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexFailed(Failure):
    """Pagefind is missing or failed (an installation fault, never the sources')."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    files: int


def pagefind_program() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexFailed("paket pagefind_bin tidak terpasang (pip install 'pagefind[bin]')") from None
    return Path(get_executable())


def _write_records(records: Sequence[SearchRecord], folder: Path) -> None:
    for record in records:
        page = folder / record.url.strip("/") / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(record.html, encoding="utf-8")


def write_index(records: Sequence[SearchRecord], site_dir: Path) -> IndexReport:
    """Replace `site_dir/pagefind/` with the index of `records`; with no record, remove it (Pagefind
    refuses an empty site, and the search box then says search is not available)."""
    output = (site_dir / FOLDER).resolve()
    shutil.rmtree(output, ignore_errors=True)
    if not records:
        return IndexReport(0, 0)
    program = pagefind_program()
    with tempfile.TemporaryDirectory(prefix="sop-cari-") as scratch:
        _write_records(records, Path(scratch))
        command = [str(program), "--site", scratch, "--output-path", str(output), "--force-language", LANGUAGE,
                   "--silent"]
        try:
            done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=TIMEOUT,
                                  env=os.environ | {"PAGEFIND_SITE": scratch}, check=False)
        except (OSError, subprocess.SubprocessError) as exc:
            raise SearchIndexFailed(str(exc)) from None
    if done.returncode != 0:
        last = (done.stderr.strip() or done.stdout.strip() or f"kode keluar {done.returncode}").splitlines()[-1]
        raise SearchIndexFailed(last)
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)
    try:
        canonicalize(output)
    except (UnexpectedFormat, OSError, ValueError, KeyError) as exc:
        raise SearchIndexFailed(f"keluaran Pagefind tidak dikenal: {exc}") from None
    return IndexReport(len(records), sum(1 for p in output.rglob("*") if p.is_file()))
