"""The one way tests and benchmarks make a project and build it.

`write_config` writes a mkdocs.yml made from the repository's own (same theme, plugins,
extensions), pointed at other sources, docs and site folders. `build` builds it in this
process (load_config + mkdocs.commands.build, as `mkdocs build` does, with the log captured
in mkdocs' own format), or in a subprocess where the caller needs a separate process: an
environment variable Python reads at start (PYTHONHASHSEED), or timing a build from outside.

Importable without pytest: `benchmarks/run.py` uses it too.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.plugin import assets

REPO = Path(__file__).resolve().parent.parent
SEED_SOURCES = REPO / "sop"
CHECK_FIXTURES = REPO / "tests" / "checks" / "fixtures"
PROJECT_CONFIG = REPO / "mkdocs.yml"

# Read by Material when it is imported: set before any build of this process imports it.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# Variables a build must not inherit from the test process: the plugin derives the date itself.
_CLEARED = ("SOURCE_DATE_EPOCH",)
# Variables only a new process can honour.
_NEEDS_PROCESS = ("PYTHONHASHSEED", "PYTHONPATH", "PYTHONSAFEPATH")


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


def link_macros(project_dir: Path) -> None:
    """A `macros` folder beside mkdocs.yml, so a subprocess started there imports this tree's
    package (the installed one may be another checkout's)."""
    project_dir.mkdir(parents=True, exist_ok=True)
    link = project_dir / "macros"
    if not link.exists():
        link.symlink_to(REPO / "macros", target_is_directory=True)


def project_config(
    *, sources: Path | str | None = None, site_dir: Path | str | None = None, docs_dir: Path | str | None = None,
    plugins: bool = True, settings: Mapping | None = None, **plugin_options,
) -> dict:
    """The repository's mkdocs.yml as a dict, with the given folders, top-level `settings`
    (site_url, dev_addr, ...) and `sop` plugin options. `plugins=False` keeps only search:
    plain mkdocs-material (the benchmark's baseline)."""
    config = yaml.safe_load(PROJECT_CONFIG.read_text(encoding="utf-8")) | dict(settings or {})
    config["docs_dir"] = str(docs_dir if docs_dir is not None else REPO / "docs")
    if site_dir is not None:
        config["site_dir"] = str(site_dir)
    if not plugins:
        config["plugins"] = ["search"]
        # what the `sop` plugin would have linked (benchmarks/run.py copies the files into docs/)
        config["extra_css"], config["extra_javascript"] = list(assets.STYLESHEETS), list(assets.SCRIPTS)
        return config
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "sop" in plugin:
            options = plugin["sop"] if isinstance(plugin["sop"], dict) else {}
            if sources is not None:
                options["sources"] = str(sources)
            # Printing PDFs takes Chromium and seconds: a test asks for them (pdf=True) when it reads them.
            options["pdf"] = False
            options.update({k: str(v) if isinstance(v, Path) else v for k, v in plugin_options.items()})
            plugin["sop"] = options
    return config


def write_config(project: Path, name: str = "mkdocs.yml", **options) -> Path:
    """Write `project_config(**options)` as `project/name`; returns its path."""
    link_macros(project)
    path = project / name
    path.write_text(yaml.safe_dump(project_config(**options), allow_unicode=True), encoding="utf-8")
    return path


def process_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a build subprocess: this one's, without what the build sets itself."""
    full = {k: v for k, v in os.environ.items() if k not in _CLEARED} | dict(env or {})
    full["NO_MKDOCS_2_WARNING"] = "1"
    return full


def build(
    config_path: Path, *, strict: bool = False, env: Mapping[str, str] | None = None, in_process: bool | None = None,
    timeout: float = 600,
) -> Run:
    """Build the site of `config_path` as `mkdocs build [--strict]` would, from its folder.

    In this process unless `in_process=False` or `env` holds a variable only a new process
    honours. The log (mkdocs' `LEVEL   -  message` lines) and anything printed go to `err`."""
    env = dict(env or {})
    if in_process is None:
        in_process = not any(name in env for name in _NEEDS_PROCESS)
    if not in_process:
        return _build_in_subprocess(config_path, strict, env, timeout)
    return _build_here(config_path, strict, env)


def _build_in_subprocess(config_path: Path, strict: bool, env: dict, timeout: float) -> Run:
    link_macros(config_path.parent)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config_path), *(["--strict"] if strict else [])],
        cwd=config_path.parent, capture_output=True, text=True, timeout=timeout, env=process_env(env),
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


class _Formatter(logging.Formatter):
    """mkdocs' console format without colours: `WARNING -  message`."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {super().format(record)}"


@contextlib.contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    """`env` set and the cleared variables unset during the build, as they were after it. A
    cleared variable that was unset before and is set after the build is left as it is: the
    build leaked it, and the caller may check that."""
    names = set(env) | set(_CLEARED)
    saved = {name: os.environ.get(name) for name in names}
    for name in _CLEARED:
        os.environ.pop(name, None)
    os.environ.update(env)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is not None:
                os.environ[name] = value
            elif name in env:
                os.environ.pop(name, None)


@contextlib.contextmanager
def _captured_log(stream: io.StringIO) -> Iterator[None]:
    """mkdocs' loggers into `stream`, at INFO, as the `mkdocs` command sets them; restored after."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(stream)
    handler.setFormatter(_Formatter())
    # `sop build` in this process stops the plugin's records from propagating (it prints them
    # itself); a build through this harness reads them from mkdocs' log like `mkdocs build`.
    ours = logging.getLogger("mkdocs.plugins.sop")
    saved = (logger.level, logger.propagate, ours.propagate, ours.handlers[:])
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    ours.propagate, ours.handlers[:] = True, []
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        ours.propagate, ours.handlers[:] = saved[2], saved[3]


def _build_here(config_path: Path, strict: bool, env: Mapping[str, str]) -> Run:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with (_environment(env), contextlib.chdir(config_path.parent), _captured_log(err),
          contextlib.redirect_stdout(out), contextlib.redirect_stderr(err)):
        try:
            config = load_config(config_file=str(config_path), strict=strict or None)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as exc:  # Abort, ConfigurationError, PluginError: `mkdocs` exits 1
            print(exc.format_message() if hasattr(exc, "format_message") else str(exc), file=sys.stderr)
            code = 1
        except SystemExit as exc:  # mkdocs-macros exits on a template error
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return Run(code, out.getvalue(), err.getvalue())


def build_into(
    work: Path, site: Path, sources: Path, *extra: str, docs_dir: Path | None = None, env: dict | None = None,
    **plugin_options,
) -> tuple[Run, Path]:
    """Build the project's site from other sources into `site`, with a config written in `work`.
    `extra`: mkdocs build flags; only `--strict` is known."""
    unknown = [flag for flag in extra if flag != "--strict"]
    if unknown:
        raise ValueError(f"unknown build flags: {unknown}")
    config_path = write_config(
        work, f"mkdocs-{site.name}.yml", sources=sources, site_dir=site, docs_dir=docs_dir, **plugin_options
    )
    return build(config_path, strict="--strict" in extra, env=env), site


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path):
    """Serve a built site on a free loopback port for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
