"""`mkdocs serve` survives a broken save, shows the error where the author looks, and recovers."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.harness import process_env, write_config
from tests.plugin.test_build_fixtures import make_project

pytestmark = pytest.mark.slow  # builds a whole site

MARKER = "GAGAL-DIGAMBAR"  # a step text our fake `dot` refuses to draw


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _failing_dot(bin_dir: Path) -> None:
    """A `dot` that fails on any diagram holding MARKER, like a renderer meeting a value it cannot draw."""
    real = shutil.which("dot")
    assert real, "graphviz 'dot' tidak ada; jalankan bash .ci/install"
    bin_dir.mkdir()
    script = bin_dir / "dot"
    script.write_text(
        "#!/bin/sh\n"
        'input=$(cat)\n'
        f'case "$input" in *{MARKER}*) echo "Error: gagal buatan" >&2; exit 1;; esac\n'
        f'printf "%s\\n" "$input" | exec "{real}" "$@"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)


class Server:
    def __init__(self, work: Path):
        self.work = work
        self.port = _free_port()
        self.log = work / "serve.log"
        config = write_config(work, sources="sop", site_dir="site", docs_dir="docs",
                              settings={"dev_addr": f"127.0.0.1:{self.port}"})
        # no `watch:`: the sources (outside docs/) reload the site because the plugin watches them
        assert "watch" not in yaml.safe_load(config.read_text(encoding="utf-8"))
        _failing_dot(work / "bin")
        env = process_env({"PATH": f"{work / 'bin'}{os.pathsep}{os.environ['PATH']}"})
        self.handle = open(self.log, "w", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.yml"],
            cwd=work, stdout=self.handle, stderr=subprocess.STDOUT, env=env,
        )

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def wait_for(self, path: str, predicate, timeout: float = 60.0) -> tuple[int, str]:
        deadline = time.monotonic() + timeout
        status, body = 0, ""
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"mkdocs serve berhenti:\n{self.output()}"
            status, body = self.get(path)
            if predicate(status, body):
                return status, body
            time.sleep(0.3)
        raise AssertionError(f"tidak terjadi dalam {timeout} s: {path} -> {status}\n{body[:2000]}\n{self.output()}")

    def output(self) -> str:
        self.handle.flush()
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.handle.close()


@pytest.fixture
def server(tmp_path):
    make_project(tmp_path)
    running = Server(tmp_path)
    yield running
    running.stop()


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_serve_survives_broken_saves_and_recovers(server):
    page = "/sop/surat-masuk/"
    source = server.work / "sop" / "surat-masuk.yml"
    registry = server.work / "sop" / "_jabatan.yml"
    good_source, good_registry = source.read_text(encoding="utf-8"), registry.read_text(encoding="utf-8")
    published = lambda status, body: status == 200 and "Pelayanan Surat Masuk" in body and "sop-galat-sumber" not in body  # noqa: E731

    server.wait_for(page, published)

    # 1. a half-edited file: a YAML syntax error
    _save(source, good_source.replace("judul: Pelayanan Surat Masuk", "judul: [Pelayanan Surat Masuk"))
    status, body = server.wait_for(page, lambda s, b: s == 200 and "SOP-Y001" in b)
    assert "belum dapat diterbitkan" in body
    _, home = server.get("/")
    assert "sop-galat-sumber" in home and "SOP-Y001" in home  # every page says so while it lasts
    # Daftar SOP says which SOP is off the site, linked to the page that shows why
    assert "1 dari 1 SOP tidak diterbitkan karena bergalat" in home
    assert '<li data-sop-tidak-terbit="surat-masuk"><a href="sop/surat-masuk/"><strong>surat-masuk</strong></a>: <code>sop/surat-masuk.yml:3:9</code>' in home
    assert any(l.startswith("ERROR") and "sop/surat-masuk.yml:3:9: SOP-Y001" in l and "SOP-Y001" in l for l in server.output().splitlines())

    _save(source, good_source)
    server.wait_for(page, published)

    # 2. a broken registry
    _save(registry, "kepala: [unclosed\n")
    status, body = server.wait_for(page, lambda s, b: s == 200 and "SOP-S009" in b)
    assert "SOP-Y001" in body or "SOP-Y001" in server.get("/")[1]
    _save(registry, good_registry)
    server.wait_for(page, published)

    # 3. a value the renderer cannot draw (here: `dot` fails on it)
    _save(source, good_source.replace("Memberikan disposisi", f"Memberikan disposisi {MARKER}"))
    status, body = server.wait_for(page, lambda s, b: s == 200 and "SOP-B001" in b)
    assert "swimlane SOP ini: dot gagal menggambar swimlane" in body

    # 4. the next good save brings the page back
    _save(source, good_source)
    server.wait_for(page, published)
    assert "Traceback" not in server.output()
    assert server.proc.poll() is None
