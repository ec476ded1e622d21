"""What history made of each version, kept between builds: the same history, faster; never a
wrong one (entries are keyed by their blob ids and by the code that made them)."""

from __future__ import annotations

import shutil

import pytest

from macros.load.blob_cache import BlobCache, code_version
from macros.load.history import read_history
from macros.model.history import build_history
from tests.site.test_riwayat import make_repository


def test_values_come_back_and_unused_ones_are_pruned(tmp_path):
    first = BlobCache(tmp_path, "v1")
    first.put("a", b"satu")
    first.put("b", b"dua")
    second = BlobCache(tmp_path, "v1")
    assert second.get("a") == b"satu" and second.hits == 1
    second.prune()  # 'b' was not used by this run
    third = BlobCache(tmp_path, "v1")
    assert third.get("a") == b"satu" and third.get("b") is None


def test_a_new_code_version_starts_a_new_cache(tmp_path):
    BlobCache(tmp_path, "lama").put("a", b"satu")
    new = BlobCache(tmp_path, "baru")
    assert new.get("a") is None
    new.prune()
    assert [p.name for p in tmp_path.iterdir()] == []
    assert len(code_version()) == 16


def _versions(history):
    return {slug: [(v.commit.id, v.path, v.sop, v.problem, v.changes) for v in line.versions]
            for slug, line in history.sops.items()}


@pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")
def test_the_history_is_the_same_with_a_cold_a_warm_and_a_broken_cache(tmp_path):
    root = make_repository(tmp_path / "repo")
    git = read_history(root / "sop")
    plain = build_history(git)
    folder = tmp_path / "cache"
    cold = BlobCache(folder)
    assert _versions(build_history(git, cold)) == _versions(plain) and cold.hits == 0
    warm = BlobCache(folder)
    assert _versions(build_history(git, warm)) == _versions(plain) and warm.hits > 0
    assert build_history(git, warm).entries == plain.entries
    for entry in warm.folder.iterdir():
        entry.write_bytes(entry.read_bytes()[:7])  # cut short: made again, never believed
    broken = BlobCache(folder)
    assert _versions(build_history(git, broken)) == _versions(plain)
