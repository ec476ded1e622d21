"""The site's own stylesheet, scripts and fonts, shipped in the package as Material's plugins ship
theirs: `static/` holds them as they appear in the built site (`assets/sop.css`, ...), the plugin
publishes them and links them from every page. An agency's repository holds no copy, so upgrading
the package upgrades the site; the PDFs print the built pages, which load the same files.

A copy left in the agency's docs/ by an older version (or an older mkdocs.yml naming them) keeps
building: the package's files are published in its place, and one line says what to delete.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .. import codes
from ..findings import Finding, Location
from ..load.discover import display_path

log = logging.getLogger("mkdocs.plugins.sop")

STATIC = Path(__file__).parent / "static"  # laid over the site: static/assets/sop.css is assets/sop.css
STYLESHEETS = ("assets/sop.css",)  # before the site's own extra_css, which may restyle what it sets
SCRIPTS = ("assets/daftar.js",)  # assets/cari.js is loaded by the search box (templates/partials/sop-cari.html)


def shipped() -> list[str]:
    """The site paths of every shipped file, sorted."""
    return sorted(path.relative_to(STATIC).as_posix() for path in STATIC.rglob("*") if path.is_file())


def link(config: MkDocsConfig) -> None:
    """Our stylesheets and scripts first on every page, each once: a mkdocs.yml that still names them
    (as the project's once did) gives the same pages as one that does not."""
    config.extra_css = [*STYLESHEETS, *(css for css in config.extra_css if str(css) not in STYLESHEETS)]
    config.extra_javascript = [*SCRIPTS, *(js for js in config.extra_javascript if str(js) not in SCRIPTS)]


def publish(files: Files, config: MkDocsConfig) -> Files:
    """Add the shipped files to the site. A file of docs/ at the same path is an old copy of ours:
    the package's is published instead (the site follows the installed package), and one warning
    names the copies to delete (a warning: the site is right, the copies are only dead weight)."""
    replaced: dict[str, Path] = {}  # site path -> the copy in docs/
    for uri in shipped():
        copy = files.get_file_from_path(uri)
        if copy is not None:
            files.remove(copy)
            if copy.abs_src_path is not None:
                replaced[uri] = Path(copy.abs_src_path)
        files.append(File(uri, str(STATIC), config.site_dir, config.use_directory_urls))
    if replaced:
        # warnings are logged at INFO, as the plugin logs the sources' (they never fail --strict)
        log.info(_stale_copies(replaced, Path(config.docs_dir)).as_line())
    return files


def _stale_copies(copies: dict[str, Path], docs_dir: Path) -> Finding:
    """One line for all the copies, located at the first; a folder whose shipped files were all
    copied is named once (docs/assets/fonts/) instead of file by file."""
    copied = set(copies)
    ours = shipped()
    named: list[str] = []
    for uri in sorted(copied):
        entry = uri
        for folder in _folders_of(uri):  # outermost first
            if all(u in copied for u in ours if u.startswith(folder)):
                entry = folder
                break
        shown = display_path(docs_dir / entry) + ("/" if entry.endswith("/") else "")
        if shown not in named:
            named.append(shown)
    message = (f"salinan aset situs yang kini dibawa paket sop-as-code diabaikan: {', '.join(named)} "
               f"({len(copies)} berkas); situs memakai milik paket yang terpasang: hapus salinan itu "
               f"(gaya sendiri ditulis di berkas lain yang disebut extra_css di mkdocs.yml)")
    return codes.STALE_ASSET_COPY.at(Location(display_path(copies[min(copies)])), message)


def _folders_of(uri: str) -> list[str]:
    """The folders below assets/ holding `uri`, outermost first: assets/fonts/a.woff2 -> [assets/fonts/]."""
    parts = uri.split("/")
    return ["/".join(parts[:n]) + "/" for n in range(2, len(parts))]
