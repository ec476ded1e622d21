"""The revision of each source: the commit that last touched it, else a hash of its bytes."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.load import git as git_module
from macros.load.revisions import Revision, content_revision, source_revisions, sources_revision

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@example.invalid",
    "GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=os.environ | GIT_ENV, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def last_commit(repo: Path, name: str) -> str:
    """What `git log -1 -- <file>` says, file by file: what the one pass must agree with."""
    return git(repo, "log", "-1", "--format=%H", "--", name)[:12]


def sha(path: Path) -> Revision:
    return Revision("sha256", "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()[:12])


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    sources = root / "sop"
    (sources / "unit").mkdir(parents=True)
    (root / "README").write_text("bukan sumber\n")
    (sources / "surat-masuk.yml").write_text("judul: Surat Masuk\n")
    (sources / "unit" / "arsip.yml").write_text("judul: Arsip\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-qm", "satu")
    (sources / "cuti.yml").write_text("judul: Cuti\n")
    git(root, "add", ".")
    git(root, "commit", "-qm", "dua")
    (root / "README").write_text("berubah di luar sumber\n")
    git(root, "commit", "-qam", "tiga")
    return root


def files(sources: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted(sources.rglob("*.yml"))}


def test_a_committed_file_has_the_last_commit_that_touched_it(repo):
    found = source_revisions(repo / "sop", files(repo / "sop"))
    assert found == {
        "surat-masuk": Revision("git", last_commit(repo, "sop/surat-masuk.yml")),
        "arsip": Revision("git", last_commit(repo, "sop/unit/arsip.yml")),
        "cuti": Revision("git", last_commit(repo, "sop/cuti.yml")),
    }
    assert found["surat-masuk"] != found["cuti"]  # the newer commit did not touch surat-masuk
    assert all(len(r.value) == 12 and int(r.value, 16) >= 0 for r in found.values())
    assert found["cuti"].label == f"revisi {found['cuti'].value}"


def test_a_modified_or_staged_file_has_the_hash_of_its_bytes(repo):
    sources = repo / "sop"
    (sources / "surat-masuk.yml").write_text("judul: Surat Masuk (diubah)\n")
    (sources / "cuti.yml").write_text("judul: Cuti (diubah, ditambahkan ke indeks)\n")
    git(repo, "add", "sop/cuti.yml")
    found = source_revisions(sources, files(sources))
    assert found["surat-masuk"] == sha(sources / "surat-masuk.yml")
    assert found["cuti"] == sha(sources / "cuti.yml")
    assert found["arsip"].kind == "git"
    assert found["cuti"].label == f"revisi sumber {found['cuti'].value}"


def test_an_untracked_file_has_the_hash_of_its_bytes(repo):
    sources = repo / "sop"
    (sources / "baru.yml").write_text("judul: Baru\n")
    found = source_revisions(sources, files(sources))
    assert found["baru"] == sha(sources / "baru.yml")
    assert found["baru"].value == "sha256:" + hashlib.sha256(b"judul: Baru\n").hexdigest()[:12]


def test_a_renamed_file_keeps_a_git_revision(repo):
    git(repo, "mv", "sop/cuti.yml", "sop/unit/cuti-pegawai.yml")
    assert source_revisions(repo / "sop", files(repo / "sop"))["cuti-pegawai"].kind == "sha256"  # staged, not committed
    git(repo, "commit", "-qm", "pindah")
    found = source_revisions(repo / "sop", files(repo / "sop"))
    assert found["cuti-pegawai"] == Revision("git", last_commit(repo, "sop/unit/cuti-pegawai.yml"))


def test_outside_a_repository_every_file_has_the_hash(tmp_path):
    sources = tmp_path / "sop"
    sources.mkdir()
    (sources / "a.yml").write_text("judul: A\n")
    (sources / "b.yml").write_text("judul: B\n")
    assert source_revisions(sources, files(sources)) == {"a": sha(sources / "a.yml"), "b": sha(sources / "b.yml")}


def test_without_git_every_file_has_the_hash(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "tidak-ada"))
    found = source_revisions(repo / "sop", files(repo / "sop"))
    assert {r.kind for r in found.values()} == {"sha256"}


def test_a_shallow_clone_without_the_commit_has_the_hash(repo, tmp_path):
    clone = tmp_path / "dangkal"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    found = source_revisions(clone / "sop", files(clone / "sop"))
    # the only commit of the clone is "tiga", which touched none of the sources
    assert found == {k: sha(p) for k, p in files(clone / "sop").items()}
    (clone / "sop" / "cuti.yml").write_text("judul: Cuti baru\n")
    git(clone, "commit", "-qam", "empat")
    assert source_revisions(clone / "sop", files(clone / "sop"))["cuti"] == Revision("git", last_commit(clone, "sop/cuti.yml"))


def test_git_is_asked_once_for_all_files(repo, monkeypatch):
    calls = []
    real = subprocess.run

    def counting(args, *a, **kw):
        calls.append(args)
        return real(args, *a, **kw)

    monkeypatch.setattr(git_module.subprocess, "run", counting)  # every git command runs there
    sources = repo / "sop"
    for n in range(20):
        (sources / f"tambahan-{n}.yml").write_text(f"judul: {n}\n")
    source_revisions(sources, files(sources))
    assert len(calls) == 3  # rev-parse, log, status; not one per file


def test_git_prints_nothing_and_a_broken_repository_falls_back(repo, capfd):
    (repo / ".git" / "HEAD").write_text("bukan HEAD\n")  # git no longer recognises the repository
    found = source_revisions(repo / "sop", files(repo / "sop"))
    assert {r.kind for r in found.values()} == {"sha256"}
    out, err = capfd.readouterr()
    assert out == err == ""


def test_names_with_spaces_and_non_ascii_letters(repo):
    sources = repo / "sop"
    odd = sources / "unit" / "surat keluar é.yml"
    odd.write_text("judul: Surat Keluar\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "nama aneh")
    found = source_revisions(sources, {"odd": odd})
    assert found == {"odd": Revision("git", last_commit(repo, "sop/unit/surat keluar é.yml"))}


def test_an_unreadable_file_has_no_revision(tmp_path):
    assert source_revisions(tmp_path, {"hilang": tmp_path / "hilang.yml"}) == {}


def test_content_revision_is_the_sha256_of_the_bytes():
    assert content_revision(b"") == Revision("sha256", "sha256:e3b0c44298fc")


def test_the_sources_folder_has_the_commit_checked_out_while_git_has_every_file_unchanged(repo):
    head = git(repo, "rev-parse", "HEAD").strip()
    assert sources_revision(repo / "sop") == Revision("git", head[:12])
    (repo / "README").write_text("di luar sumber: tidak mengubah revisi sumber\n")
    assert sources_revision(repo / "sop") == Revision("git", head[:12])


@pytest.mark.parametrize("change", ["edit", "untracked"])
def test_a_changed_sources_folder_has_the_hash_of_its_files(repo, change):
    sources = repo / "sop"
    if change == "edit":
        (sources / "cuti.yml").write_text("judul: Cuti Tahunan\n")
    else:
        (sources / "baru.yml").write_text("judul: Baru\n")
    found = sources_revision(sources)
    assert found.kind == "sha256" and found.label.startswith("revisi sumber sha256:")
    copy = repo.parent / "salinan"
    shutil.copytree(sources, copy)  # the same files outside git: the same revision
    assert sources_revision(copy) == found
    (copy / "cuti.yml").write_text("judul: Lain\n")
    assert sources_revision(copy) != found
