"""MkDocs' live-reload server, watching a folder through its removal and return (macros/plugin/watch.py).
The real server object and its real (polling) observer, without HTTP: whether it asks for a rebuild.
The served site is tested in test_serve_watch.py."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from macros.plugin.watch import keep_watching

POLL_GAP = 1.5  # longer than the server's polling interval (0.5 s)


def _asked(server: LiveReloadServer, timeout: float = 10.0) -> bool:
    """Did the server ask for a rebuild within `timeout` (the request is taken, as its build loop would)?"""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with server._rebuild_cond:
            if server._want_rebuild:
                server._want_rebuild = False
                return True
        time.sleep(0.1)
    return False


@pytest.fixture
def watched(tmp_path):
    folder = tmp_path / "sop"
    folder.mkdir()
    (folder / "a.yml").write_text("judul: A\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(folder))  # the plugin's watch
    server.watch(str(folder))  # and the same folder listed under `watch:` in mkdocs.yml
    keep_watching(server, [folder])
    server.observer.start()
    time.sleep(POLL_GAP)
    yield server, folder
    server.observer.stop()
    server.observer.join()


def test_a_folder_removed_and_put_back_is_watched_again(watched, tmp_path):
    server, folder = watched
    (folder / "a.yml").write_text("judul: B\n")
    assert _asked(server)
    backup = tmp_path / "cadangan"
    shutil.copytree(folder, backup)
    shutil.rmtree(folder)
    assert _asked(server), "removing the folder asks for no rebuild"
    time.sleep(POLL_GAP)  # the watch has seen the folder missing
    assert not _asked(server, 0.1)
    shutil.copytree(backup, folder)
    assert _asked(server), "the folder put back asks for no rebuild"
    time.sleep(POLL_GAP)
    assert not _asked(server, 0.1)
    (folder / "a.yml").write_text("judul: C\n")
    assert _asked(server), "a save in the folder put back asks for no rebuild"


def test_a_folder_swapped_by_rename_is_watched_as_it_is_now(watched, tmp_path):
    server, folder = watched
    fresh = tmp_path / "sop-baru"
    shutil.copytree(folder, fresh)
    folder.rename(tmp_path / "sop-lama")
    time.sleep(POLL_GAP)
    fresh.rename(folder)
    assert _asked(server)
    time.sleep(POLL_GAP)
    _asked(server, 0.1)
    (folder / "a.yml").write_text("judul: D\n")
    assert _asked(server)
    time.sleep(POLL_GAP)
    _asked(server, 0.1)
    (tmp_path / "sop-lama" / "a.yml").write_text("judul: bukan sumber lagi\n")
    assert not _asked(server, POLL_GAP * 2), "the old folder, no longer the sources, still rebuilds the site"


def test_another_entry_beside_the_folder_changes_nothing(watched, tmp_path):
    server, folder = watched
    (tmp_path / "README.md").write_text("catatan\n")
    (tmp_path / "lain").mkdir()
    assert not _asked(server, POLL_GAP * 2)
