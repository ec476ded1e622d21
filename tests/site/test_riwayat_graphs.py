"""Riwayat from real git histories, not only a straight line of commits: two branches merged with a
conflict resolved by new text, a repeal merged after a review, a commit written long before it
entered the history, a byte 0x01 in a subject and a name, an SOP deleted and added again, a huge
old version. Each is one repository built here; each test failed on the history as first written
(split on 0x01, sorted by author date, chained by path, every old version read whole)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.load.files import MAX_SOURCE_BYTES
from macros.load.history import read_history
from macros.model.diff import ChangeKind
from macros.model.history import build_history
from tests.conftest import SEED_SOURCES, build_into, run_cli
from tests.plugin.test_site_build import page_text
from tests.site.test_riwayat import IDENTITY, SEED, SLUG, STEP_3, _versions

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")

REGISTRY = "sop/_dasar-hukum.yml"
PP_60 = "  tentang: Sistem Pengendalian Intern Pemerintah\n"
MAINLINE = STEP_3.replace("untuk berkoordinasi ke", "untuk berkoordinasi dengan")


def git(cwd: Path, *args: str, date: str = "2026-01-05T09:00:00+08:00", authored: str | None = None,
        identity: dict[str, str] | None = None) -> str:
    """Git with the author date `authored` (default: `date`) and the committer date `date`."""
    env = os.environ | IDENTITY | (identity or {}) | {"GIT_AUTHOR_DATE": authored or date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False).stdout.strip()


def head(root: Path) -> str:
    return git(root, "rev-parse", "HEAD")


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def seeded(root: Path) -> Path:
    shutil.copytree(SEED_SOURCES, root / "sop")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sumber awal", date="2026-01-05T09:00:00+08:00")
    return root


def commits_of(root: Path, slug: str = SLUG) -> list[str]:
    own = build_history(read_history(root / "sop")).of(slug)
    return [v.commit.id for v in own.versions]


@pytest.mark.slow
def test_a_merge_with_a_conflict_resolved_by_new_text_is_one_version_with_the_merge(tmp_path):
    root = seeded(tmp_path / "repo")
    first = head(root)
    git(root, "checkout", "-q", "-b", "usulan")
    edit(root, SEED, STEP_3, STEP_3.replace("untuk berkoordinasi ke", "agar berkoordinasi ke"))
    git(root, "commit", "-q", "-am", "Langkah 3 di cabang", date="2026-02-10T09:00:00+08:00")
    branch = head(root)
    git(root, "checkout", "-q", "main")
    edit(root, SEED, STEP_3, MAINLINE)
    git(root, "commit", "-q", "-am", "Langkah 3 di main", date="2026-03-10T09:00:00+08:00")
    mainline = head(root)
    git(root, "merge", "-q", "usulan", "-m", "Gabung usulan", date="2026-04-10T09:00:00+08:00")  # a conflict
    resolved = STEP_3.replace("untuk berkoordinasi ke", "supaya segera berkoordinasi dengan")
    (root / SEED).write_text((SEED_SOURCES / f"{SLUG}.yml").read_text(encoding="utf-8").replace(STEP_3, resolved), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-edit", date="2026-04-10T09:00:00+08:00")
    merge = head(root)
    assert len(git(root, "rev-list", "--parents", "-1", "HEAD").split()) == 3

    own = build_history(read_history(root / "sop")).of(SLUG)
    assert [v.commit.id for v in own.versions] == [merge, mainline, first]  # the branch's commit comes in with the merge
    assert branch not in [v.commit.id for v in own.versions]
    (reworded,) = own.versions[0].changes
    assert (reworded.kind, reworded.old, reworded.new) == (ChangeKind.STEP_REWORDED, MAINLINE, resolved)
    assert own.last_change.commit.id == merge

    result, site = build_into(tmp_path, tmp_path / "site", root / "sop")
    assert result.code == 0, result.err
    page = site / "sop" / SLUG / "riwayat" / "index.html"
    assert "Belum dikomit" not in page_text(page)  # the work tree is the merge's committed text
    assert [c for c, _ in _versions(page) if c != "catatan"] == [c[:12] for c in (merge, mainline, first)]


def test_a_repeal_merged_after_a_review_makes_the_sop_suspect(tmp_path):
    root = seeded(tmp_path / "repo")
    git(root, "checkout", "-q", "-b", "pencabutan")
    edit(root, REGISTRY, PP_60, PP_60 + "  status: dicabut\n")
    git(root, "commit", "-q", "-am", "PP 60/2008 dicabut", date="2026-02-10T09:00:00+08:00")
    git(root, "checkout", "-q", "main")
    path = root / SEED
    path.write_text(path.read_text(encoding="utf-8")
                    + "tinjauan:\n  - tanggal: 2026-03-01\n    peninjau: kepala-bappeda\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Tinjauan dicatat", date="2026-03-01T09:00:00+08:00")
    git(root, "merge", "-q", "--no-ff", "pencabutan", "-m", "Gabung pencabutan", date="2026-06-01T09:00:00+08:00")
    merge = git(root, "rev-parse", "--short=12", "HEAD")

    result = run_cli("check", "--format", "json", "--tanggal", "2026-12-10", cwd=root)
    suspects = [f["message"] for f in json.loads(result.out)["findings"] if f["code"] == "SOP-V002"]
    assert len(suspects) == 1 and f"'pp-60-2008' dicabut pada 01 Juni 2026 (commit {merge})" in suspects[0]


@pytest.mark.slow
def test_versions_are_in_the_order_they_entered_not_the_order_they_were_written(tmp_path):
    """A commit written (author date) in 2019, applied in May 2026 -- a rebase, a cherry-pick, a
    patch applied late, a wrong clock: it is the newest version, listed on top."""
    root = seeded(tmp_path / "repo")
    first = head(root)
    edit(root, SEED, STEP_3, STEP_3.replace("kesalahan", "kekeliruan"))
    git(root, "commit", "-q", "-am", "Tambalan lama", date="2026-05-01T09:00:00+08:00", authored="2019-03-01T09:00:00+08:00")
    late = head(root)
    own = build_history(read_history(root / "sop")).of(SLUG)
    assert [v.commit.id for v in own.versions] == [late, first]
    assert own.last_change.commit.id == late and own.last_change.date.date().isoformat() == "2026-05-01"
    result, site = build_into(tmp_path, tmp_path / "site", root / "sop")
    assert result.code == 0, result.err
    page = site / "sop" / SLUG / "riwayat" / "index.html"
    assert [c for c, _ in _versions(page) if c != "catatan"] == [late[:12], first[:12]]


def test_a_byte_0x01_in_a_subject_or_a_name_hides_no_commit(tmp_path):
    root = seeded(tmp_path / "repo")
    first = head(root)
    edit(root, SEED, STEP_3, STEP_3.replace("kesalahan", "kekeliruan"))
    odd = {"GIT_AUTHOR_NAME": "Andi\x01Penyusun", "GIT_COMMITTER_NAME": "Andi\x01Penyusun"}
    git(root, "commit", "-q", "-am", "Langkah\x013 :100644 diperjelas", date="2026-02-01T09:00:00+08:00", identity=odd)
    strange = head(root)
    history = read_history(root / "sop")
    assert [c.commit.id for c in history.commits] == [strange, first]
    own = build_history(history).of(SLUG)
    assert own.last_change.commit.id == strange
    assert (own.versions[0].commit.subject, own.versions[0].author) == ("Langkah\x013 :100644 diperjelas", "Andi\x01Penyusun")
    assert [c.kind for c in own.versions[0].changes] == [ChangeKind.STEP_REWORDED]


def test_an_sop_deleted_and_added_again_keeps_its_history(tmp_path):
    root = seeded(tmp_path / "repo")
    first = head(root)
    edit(root, SEED, STEP_3, STEP_3.replace("kesalahan", "kekeliruan"))
    git(root, "commit", "-q", "-am", "Langkah 3", date="2026-02-01T09:00:00+08:00")
    edited = head(root)
    kept = (root / SEED).read_bytes()
    git(root, "rm", "-q", SEED)
    git(root, "commit", "-q", "-m", "Terhapus tidak sengaja", date="2026-03-01T09:00:00+08:00")
    removed = head(root)
    (root / SEED).write_bytes(kept)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Dikembalikan", date="2026-03-08T09:00:00+08:00")
    back = head(root)
    own = build_history(read_history(root / "sop")).of(SLUG)
    assert [v.commit.id for v in own.versions] == [back, removed, edited, first]
    assert own.versions[1].deleted and [c.kind for c in own.versions[1].changes] == [ChangeKind.SOP_REMOVED]


def test_a_huge_old_version_is_skipped_and_said_so(tmp_path):
    root = seeded(tmp_path / "repo")
    original = (root / SEED).read_bytes()
    huge = original + b"# " + b"x" * (MAX_SOURCE_BYTES + 1) + b"\n"
    (root / SEED).write_bytes(huge)
    git(root, "commit", "-q", "-am", "Terlampir berkas besar", date="2026-02-01T09:00:00+08:00")
    big = git(root, "rev-parse", f"HEAD:{SEED}")
    (root / SEED).write_bytes(original)
    git(root, "commit", "-q", "-am", "Dikembalikan", date="2026-02-02T09:00:00+08:00")
    history = read_history(root / "sop")
    assert big not in history.blobs and history.oversized == {big: len(huge)}
    own = build_history(history).of(SLUG)
    assert "terlalu besar" in own.versions[1].problem
