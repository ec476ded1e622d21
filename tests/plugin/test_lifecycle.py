"""The plugin across builds: its sources option, SOURCE_DATE_EPOCH, and the deferred blocks."""

from __future__ import annotations

import contextlib
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from tests.harness import REPO, SEED_SOURCES, build, process_env, write_config
from tests.plugin.test_site_build import SEED_PAGE, main_content

SITE_URL = "https://sop.contoh.go.id/"
REVISION = "  - tanggal: 2026-11-23\n"  # the seed's newest date (its last revision)


def _sources(tmp_path: Path, newest: str | None = None) -> Path:
    """A copy of the seed whose newest date is `newest` (TTTT-BB-HH)."""
    target = tmp_path / "sop"
    target.mkdir(exist_ok=True)
    for path in SEED_SOURCES.iterdir():
        if path.is_file():
            (target / path.name).write_bytes(path.read_bytes())
    if newest is not None:
        _set_newest(target, newest)
    return target


def _set_newest(sources: Path, newest: str) -> None:
    path = sources / "perbaikan-data-kinerja.yml"
    text = path.read_text(encoding="utf-8")
    current = re.search(r"^  - tanggal: (\d{4}-\d\d-\d\d)\n", text, re.M)
    assert current, "riwayat_revisi seed berubah"
    path.write_text(text.replace(current.group(0), f"  - tanggal: {newest}\n"), encoding="utf-8")


def _lastmods(site: Path) -> set[str]:
    return set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))


def _gzip_mtime(site: Path) -> int:
    return struct.unpack("<I", (site / "sitemap.xml.gz").read_bytes()[4:8])[0]


def _epoch(day: str) -> int:
    import calendar
    import datetime as dt

    return calendar.timegm(dt.date.fromisoformat(day).timetuple())


# --- sources: a checked path ----------------------------------------------------------------------------

def test_sources_is_resolved_against_mkdocs_yml_not_the_working_folder(tmp_path):
    project = tmp_path / "proyek"
    (project / "sop").mkdir(parents=True)
    config_path = write_config(project, sources="sop", site_dir=project / "site")
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    with contextlib.chdir(elsewhere):
        config = load_config(config_file=str(config_path))
    assert config.plugins["sop"].config.sources == str(project / "sop")


@pytest.mark.slow
def test_a_missing_sources_folder_is_one_indonesian_line_and_exit_1(tmp_path):
    """A process: the exit status and what reaches the terminal are the point."""
    project = tmp_path / "proyek"
    config_path = write_config(project, sources="sumber-tidak-ada", site_dir=project / "site")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config_path)], cwd=tmp_path,
                          capture_output=True, text=True, env=process_env(), timeout=120)
    assert proc.returncode == 1
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output
    ours = [line for line in output.splitlines() if "sumber" in line]
    assert ours == [
        "ERROR   -  Config value 'plugins': Plugin 'sop' option 'sources': folder sumber SOP tidak ditemukan: "
        f"sumber-tidak-ada (dicari di {project / 'sumber-tidak-ada'})"
    ]


def test_sources_must_be_a_path(tmp_path):
    config_path = write_config(tmp_path, sources=None, site_dir=tmp_path / "site")
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    next(p for p in config["plugins"] if isinstance(p, dict) and "sop" in p)["sop"]["sources"] = ["sop"]
    config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
    run = build(config_path)
    assert run.code == 1
    assert "folder sumber SOP harus ditulis sebagai path, bukan list" in run.err


def test_the_project_config_needs_no_watch_for_the_sources():
    """`mkdocs serve` reloads on a change in the sources because the plugin watches them
    (tests/plugin/test_serve.py saves into sop/ with this config); no `watch:` to keep in step."""
    assert "watch" not in yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_while_serving_a_vanished_sources_folder_is_reported_and_the_next_build_recovers(tmp_path):
    """`mkdocs serve` loads the config again for every rebuild, with the same plugin: a sources
    folder gone meanwhile is an error on the site and in the log, not a config error that would
    stall the rebuild loop with a traceback."""
    sources = _sources(tmp_path)
    config_path = write_config(tmp_path, sources=sources, site_dir=tmp_path / "site")
    aside = tmp_path / "disimpan"
    with contextlib.chdir(tmp_path):
        config = load_config(config_file=str(config_path))
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            sources.rename(aside)
            config = load_config(config_file=str(config_path))  # no ConfigurationError
            with _log_of("mkdocs.plugins.sop") as lines:
                mkdocs_build(config)
            assert any(line.startswith("folder sumber SOP tidak ditemukan: ") for line in lines), lines
            assert not (tmp_path / "site" / SEED_PAGE).exists()

            aside.rename(sources)
            config = load_config(config_file=str(config_path))
            mkdocs_build(config)
            assert (tmp_path / "site" / SEED_PAGE).is_file()
        finally:
            config.plugins.on_shutdown()
    assert not config.plugins["sop"].serving  # the next command of this process starts afresh


@contextlib.contextmanager
def _log_of(name: str):
    import logging

    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    try:
        yield lines
    finally:
        logger.removeHandler(handler)


# --- SOURCE_DATE_EPOCH ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_two_builds_in_one_process_each_take_the_date_of_their_sources(tmp_path):
    sources = _sources(tmp_path, "2026-11-23")
    config_path = write_config(tmp_path, sources=sources, site_dir=tmp_path / "site", settings={"site_url": SITE_URL})
    assert "SOURCE_DATE_EPOCH" not in os.environ
    first = build(config_path)
    assert first.code == 0, first.err
    assert _lastmods(tmp_path / "site") == {"2026-11-23"}
    assert _gzip_mtime(tmp_path / "site") == _epoch("2026-11-23")
    assert "SOURCE_DATE_EPOCH" not in os.environ  # the value the plugin set is taken back

    _set_newest(sources, "2026-12-01")
    second = build(config_path)
    assert second.code == 0, second.err
    assert _lastmods(tmp_path / "site") == {"2026-12-01"}
    assert _gzip_mtime(tmp_path / "site") == _epoch("2026-12-01")
    assert "SOURCE_DATE_EPOCH" not in os.environ


HOOK = """
import os
from pathlib import Path

SEEN = Path(__file__).with_name("epoch-seen.txt")


def on_env(env, config, files):
    with SEEN.open("a") as out:
        out.write(f"env {os.environ.get('SOURCE_DATE_EPOCH')}\\n")


def on_post_build(config):
    with SEEN.open("a") as out:
        out.write(f"post_build {os.environ.get('SOURCE_DATE_EPOCH')}\\n")
"""


@pytest.mark.slow
def test_a_value_the_user_set_is_used_and_left_in_place(tmp_path):
    """A hook (run after the plugin's own events) records the variable during and after the build."""
    (tmp_path / "hook.py").write_text(HOOK, encoding="utf-8")
    config_path = write_config(tmp_path, sources=_sources(tmp_path), site_dir=tmp_path / "site",
                               settings={"site_url": SITE_URL, "hooks": [str(tmp_path / "hook.py")]})
    run = build(config_path, env={"SOURCE_DATE_EPOCH": "86400"})
    assert run.code == 0, run.err
    assert _lastmods(tmp_path / "site") == {"1970-01-02"}
    assert (tmp_path / "epoch-seen.txt").read_text().split("\n")[:2] == ["env 86400", "post_build 86400"]

    (tmp_path / "epoch-seen.txt").unlink()
    run = build(config_path)
    assert run.code == 0, run.err
    newest = str(_epoch("2026-11-23"))
    assert (tmp_path / "epoch-seen.txt").read_text().split("\n")[:2] == [f"env {newest}", "post_build None"]


EXITING_HOOK = """
def on_env(env, config, files):
    raise SystemExit(1)  # as mkdocs-macros does on a template error
"""


@pytest.mark.slow
def test_a_build_that_never_finished_does_not_fix_the_date_of_the_next(tmp_path, monkeypatch):
    """`mkdocs serve` rebuilds with the same plugin and no shutdown in between: a build that
    ended by SystemExit (no post_build, no build_error) left our value behind. The next build
    must not take it for the user's."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    sources = _sources(tmp_path, "2026-11-23")
    (tmp_path / "exit_hook.py").write_text(EXITING_HOOK, encoding="utf-8")
    exiting = write_config(tmp_path, "exits.yml", sources=sources, site_dir=tmp_path / "site-a",
                           settings={"site_url": SITE_URL, "hooks": [str(tmp_path / "exit_hook.py")]})
    normal = write_config(tmp_path, "normal.yml", sources=sources, site_dir=tmp_path / "site-b",
                          settings={"site_url": SITE_URL})
    with contextlib.chdir(tmp_path):
        config = load_config(config_file=str(exiting))
        config.plugins.on_startup(command="serve", dirty=False)
        with pytest.raises(SystemExit):
            mkdocs_build(config)
        assert os.environ.get("SOURCE_DATE_EPOCH") == str(_epoch("2026-11-23"))  # left behind

        _set_newest(sources, "2026-12-01")
        config = load_config(config_file=str(normal))
        mkdocs_build(config)
        config.plugins.on_shutdown()
    assert _lastmods(tmp_path / "site-b") == {"2026-12-01"}
    assert "SOURCE_DATE_EPOCH" not in os.environ


# --- deferred blocks ----------------------------------------------------------------------------------------

@pytest.mark.slow
def test_text_that_looks_like_a_placeholder_is_never_replaced(tmp_path):
    """Placeholders carry a random nonce per build; a page or an SOP holding something that
    looks like one keeps it as written, and every real placeholder is filled."""
    sources = _sources(tmp_path)
    fake = '<div class="sop-isi" data-sop-isi="0123456789abcdef0123456789abcdef-0"></div>'
    path = sources / "perbaikan-data-kinerja.yml"
    old = "judul: Mekanisme Perbaikan Data Kinerja"
    assert old in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace(old, f"judul: 'Mekanisme {fake}'"), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    for item in (REPO / "docs").iterdir():
        (docs / item.name).symlink_to(item)
    (docs / "uji.md").write_text(
        "# Uji\n\n" + fake + "\n\n{{ halaman_sop('perbaikan-data-kinerja') }}\n\n" + fake.replace("-0", "-1") + "\n",
        encoding="utf-8",
    )
    config_path = write_config(tmp_path, sources=sources, site_dir=tmp_path / "site", docs_dir=docs)
    run = build(config_path, strict=True)
    assert run.code == 0, run.err
    page = (tmp_path / "site" / "uji" / "index.html").read_text(encoding="utf-8")
    assert page.count(fake) == 1 and page.count(fake.replace("-0", "-1")) == 1  # the hand-written ones, as written
    assert 'data-sop-isi="' not in page.replace(fake, "").replace(fake.replace("-0", "-1"), "")  # no real one left
    assert "sop-identitas" in page  # the macro's block was put back
    sop_page = main_content(tmp_path / "site" / SEED_PAGE)
    assert "Mekanisme &lt;div class=&#34;sop-isi&#34;" in sop_page or "Mekanisme &lt;div class=&quot;sop-isi&quot;" in sop_page
    assert 'data-sop-isi="' not in sop_page


@pytest.mark.slow
def test_a_block_lost_on_one_page_never_takes_the_key_of_another(tmp_path):
    """A macro inside a fenced code block leaves its placeholder escaped, so its block is never
    put back. Keys counted from the pending blocks would then be handed out twice on a later
    page, and one block would replace another."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for item in (REPO / "docs").iterdir():
        (docs / item.name).symlink_to(item)
    (docs / "a.md").write_text(
        "# A\n\n{{ halaman_sop('perbaikan-data-kinerja') }}\n\n```\n{{ lembar_kerja('perbaikan-data-kinerja') }}\n```\n",
        encoding="utf-8",
    )
    (docs / "b.md").write_text(
        "# B\n\n{{ halaman_sop('perbaikan-data-kinerja') }}\n\n{{ lembar_kerja('perbaikan-data-kinerja') }}\n",
        encoding="utf-8",
    )
    config_path = write_config(tmp_path, sources=_sources(tmp_path), site_dir=tmp_path / "site", docs_dir=docs)
    run = build(config_path, strict=True)
    assert run.code == 0, run.err
    page = (tmp_path / "site" / "b" / "index.html").read_text(encoding="utf-8")
    assert page.count('<section class="sop-identitas-blok"') == 1
    assert page.count('data-kelompok="langkah-awal"') == 1
    assert page.index('<section class="sop-identitas-blok"') < page.index('data-kelompok="langkah-awal"')
    assert 'data-sop-isi="' not in page
