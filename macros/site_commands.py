"""`sop build` and `sop serve`: mkdocs, run in-process with what this project needs set.

Material's MkDocs 2 notice is silenced, mkdocs-macros' start-up chatter is quieted, and the
`sop` plugin's findings are printed as plain `path:line:col: KODE pesan` lines, the same lines
`sop check` prints, ahead of mkdocs' own log.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from mkdocs.utils import CountHandler

from .terminal import printable

_QUIET_LOGGERS = ("mkdocs.plugins.mkdocs_macros.util",)
_FINDINGS_LOGGER = "mkdocs.plugins.sop"


class _PlainLines(logging.Handler):
    """Our plugin's messages as they are: one finding per line, errors and warnings alike.

    The records do not propagate to mkdocs' own handler (which would print them a second time,
    prefixed), so errors are handed to mkdocs' counter here: `--strict` still counts them."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(printable(record.getMessage()), file=sys.stderr, flush=True)
            if record.levelno >= logging.WARNING:
                for handler in logging.getLogger("mkdocs").handlers:
                    if isinstance(handler, CountHandler):
                        handler.handle(record)
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)


def _prepare_environment() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    findings = logging.getLogger(_FINDINGS_LOGGER)
    if not any(isinstance(h, _PlainLines) for h in findings.handlers):
        findings.addHandler(_PlainLines())
    findings.propagate = False
    findings.setLevel(logging.INFO)


def run_mkdocs(arguments: Sequence[str], force_pdf: bool = False) -> int:
    """Run `mkdocs <arguments>` in this process and return its exit status. `force_pdf`: the
    `sop` plugin makes the PDFs whatever mkdocs.yml says (`sop pdf`)."""
    _prepare_environment()
    from mkdocs.__main__ import cli  # imported after the environment is set: Material reads it on import

    from .pdf import FORCE_PDF

    before = os.environ.get(FORCE_PDF)
    if force_pdf:
        os.environ[FORCE_PDF] = "1"
    try:
        cli.main(args=list(arguments), prog_name="sop", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        return code if isinstance(code, int) else 1
    finally:
        if before is None:
            os.environ.pop(FORCE_PDF, None)
        else:
            os.environ[FORCE_PDF] = before
    return 0


def build_arguments(config_file: str | None, site_dir: str | None, strict: bool) -> list[str]:
    arguments = ["build"]
    if config_file:
        arguments += ["--config-file", config_file]
    if site_dir:
        arguments += ["--site-dir", site_dir]
    if strict:
        arguments.append("--strict")
    return arguments


def serve_arguments(config_file: str | None, dev_addr: str | None) -> list[str]:
    arguments = ["serve"]
    if config_file:
        arguments += ["--config-file", config_file]
    if dev_addr:
        arguments += ["--dev-addr", dev_addr]
    return arguments
