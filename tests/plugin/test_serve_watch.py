"""`mkdocs serve` keeps watching the sources (and docs/) after they are removed and put back: copied
back, swapped by a rename, unzipped anew; removing the folder itself rebuilds and says so in one
line (issue 23). A real server, polled over HTTP, as a user sees it."""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

import pytest

from tests.plugin.test_serve import Server, server  # noqa: F401  (the fixture: a real `mkdocs serve` of a small project)

pytestmark = pytest.mark.slow  # runs a server and rebuilds a site a dozen times

PAGE = "/sop/surat-masuk/"
TITLE = "Pelayanan Surat Masuk"
POLL_GAP = 1.5  # longer than MkDocs' polling interval (0.5 s): the watch sees the folder missing


def _retitled(folder: Path, title: str) -> None:
    source = folder / "surat-masuk.yml"
    text = source.read_text(encoding="utf-8")
    start = text.index("judul: ") + len("judul: ")
    end = text.index("\n", start)
    source.write_text(text[:start] + title + text[end:], encoding="utf-8")


def _shows_title(server: Server, title: str) -> None:
    server.wait_for(PAGE, lambda status, body: status == 200 and title in body and "sop-galat-sumber" not in body)


def test_the_server_follows_the_sources_folder_removed_and_put_back(server, tmp_path):
    sources = server.work / "sop"
    backup = tmp_path / "cadangan"
    server.wait_for(PAGE, lambda status, body: status == 200 and TITLE in body)
    shutil.copytree(sources, backup)

    # 1. the folder removed: a rebuild says so in one line, and the server stays up
    shutil.rmtree(sources)
    server.wait_for(PAGE, lambda status, body: status == 404)
    missing = [line for line in server.output().splitlines() if "folder sumber SOP tidak ditemukan" in line]
    assert missing and all(line.startswith("ERROR") for line in missing), server.output()
    time.sleep(POLL_GAP)

    # 2. put back by a copy (rm -rf + cp -r), edited: the site follows, and so it does on later saves
    _retitled(backup, "Pelayanan Surat Masuk Salinan")
    shutil.copytree(backup, sources)
    _shows_title(server, "Pelayanan Surat Masuk Salinan")
    _retitled(sources, "Pelayanan Surat Masuk Disunting")
    _shows_title(server, "Pelayanan Surat Masuk Disunting")

    # 3. a folder swap by rename (mv sop sop-lama && mv sop-baru sop), then a save in the new folder
    fresh = server.work / "sop-baru"
    shutil.copytree(sources, fresh)
    _retitled(fresh, "Pelayanan Surat Masuk Ditukar")
    sources.rename(server.work / "sop-lama")
    fresh.rename(sources)
    _shows_title(server, "Pelayanan Surat Masuk Ditukar")
    time.sleep(POLL_GAP)
    _retitled(sources, "Pelayanan Surat Masuk Setelah Tukar")
    _shows_title(server, "Pelayanan Surat Masuk Setelah Tukar")

    # 4. a colleague's copy unzipped after the folder was removed, then a save
    archive = tmp_path / "kiriman.zip"
    _retitled(backup, "Pelayanan Surat Masuk Kiriman")
    with zipfile.ZipFile(archive, "w") as packed:
        for path in sorted(backup.rglob("*")):
            packed.write(path, Path("sop") / path.relative_to(backup))
    shutil.rmtree(sources)
    time.sleep(POLL_GAP)
    with zipfile.ZipFile(archive) as packed:
        packed.extractall(server.work)
    _shows_title(server, "Pelayanan Surat Masuk Kiriman")
    time.sleep(POLL_GAP)
    _retitled(sources, "Pelayanan Surat Masuk Terakhir")
    _shows_title(server, "Pelayanan Surat Masuk Terakhir")

    assert "Traceback" not in server.output()
    assert server.proc.poll() is None


def test_the_server_follows_docs_removed_and_put_back(server, tmp_path):
    docs = server.work / "docs"
    backup = tmp_path / "docs-cadangan"
    server.wait_for("/", lambda status, body: status == 200)
    shutil.copytree(docs, backup)
    shutil.rmtree(docs)
    time.sleep(POLL_GAP * 2)  # the rebuild fails (MkDocs: no docs_dir); the server stays up
    index = backup / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nKalimat penanda pertama.\n", encoding="utf-8")
    shutil.copytree(backup, docs)
    server.wait_for("/", lambda status, body: status == 200 and "Kalimat penanda pertama." in body)
    time.sleep(POLL_GAP)
    (docs / "index.md").write_text(index.read_text(encoding="utf-8") + "\nKalimat penanda kedua.\n", encoding="utf-8")
    server.wait_for("/", lambda status, body: status == 200 and "Kalimat penanda kedua." in body)
    assert server.proc.poll() is None
