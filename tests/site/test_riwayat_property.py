"""Property: over generated git histories -- branches, merges with conflicts resolved by new text,
renames, deletes and re-adds, odd bytes in subjects and names, author dates in any order -- the
history (what the riwayat page lists) and `sop diff` agree with git itself about which commits
changed which SOP.

The oracle is git's own tree at each commit of HEAD's first-parent chain (`git ls-tree`), not the
history's parser: an SOP's version at commit C says its file differs at C from its first parent;
every other commit of the chain leaves its file as it was; `sop diff C^1 C` names the SOP for every
version that changed what it says."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.load.history import read_history
from macros.model.history import build_history
from tests.conftest import SEED_SOURCES, run_cli
from tests.site.test_riwayat import IDENTITY, SLUG, STEP_3

pytestmark = [pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang"), pytest.mark.slow]

TEMPLATE = (SEED_SOURCES / f"{SLUG}.yml").read_text(encoding="utf-8")
ODD = st.text(st.sampled_from(list("ab :\x01\t\x7fé漢%-")), min_size=1, max_size=8).filter(lambda s: s.strip() and s[0] != "-")
NAMES = st.sampled_from(["alpha", "beta", "gamma", "delta"])

# One step of the history: (kind, file, text choice, subject, author name, author day)
STEP = st.tuples(
    st.sampled_from(["edit", "edit", "comment", "add", "rename", "delete", "readd", "merge", "conflict"]),
    NAMES, st.integers(0, 99), ODD, ODD, st.integers(1, 28),
)


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.day = 0
        self.serial = 0
        self.deleted: dict[str, str] = {}

    def git(self, *args: str, subject_author: str | None = None, authored: int = 1, check: bool = True) -> str:
        date = f"2026-{1 + self.day // 28:02d}-{1 + self.day % 28:02d}T09:00:00+07:00"
        env = os.environ | IDENTITY | {"GIT_AUTHOR_DATE": f"2025-06-{authored:02d}T09:00:00+07:00", "GIT_COMMITTER_DATE": date}
        if subject_author is not None:
            env["GIT_AUTHOR_NAME"] = f"Nama{subject_author}x"  # git refuses a name of punctuation alone
        done = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, check=False)
        assert done.returncode == 0 or not check, done.stderr
        return done.stdout.decode("utf-8", "replace").strip()

    def files(self) -> list[str]:
        return sorted(p.stem for p in (self.root / "sop").glob("*.yml") if not p.name.startswith("_"))

    def text(self, choice: int) -> str:
        self.serial += 1  # every version of every file different, so that git's rename detection is exact
        step = STEP_3.replace("kesalahan", f"kesalahan jenis {choice}")
        return f"# salinan {self.serial}\n" + TEMPLATE.replace(STEP_3, step)

    def write(self, name: str, text: str) -> None:
        (self.root / "sop" / f"{name}.yml").write_text(text, encoding="utf-8")

    def commit(self, subject: str, author: str, authored: int) -> None:
        self.day += 1
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", subject, subject_author=author, authored=authored)

    def apply(self, kind: str, name: str, choice: int, subject: str, author: str, authored: int) -> None:
        present = self.files()
        target = present[choice % len(present)] if present else None
        if kind in ("edit", "conflict", "merge", "comment", "rename", "delete") and target is None:
            kind = "add"
        if kind == "edit":
            self.write(target, self.text(choice))
        elif kind == "comment":
            path = self.root / "sop" / f"{target}.yml"
            path.write_text(path.read_text(encoding="utf-8") + f"# catatan {choice}\n", encoding="utf-8")
        elif kind == "add":
            if name in present:
                name = f"{name}-{self.serial}"
            self.write(name, self.text(choice))
        elif kind == "rename":
            if name in present:
                name = f"{name}-{self.serial + 1}"
                self.serial += 1
            self.git("mv", f"sop/{target}.yml", f"sop/{name}.yml")
        elif kind == "delete":
            self.deleted[target] = (self.root / "sop" / f"{target}.yml").read_text(encoding="utf-8")
            self.git("rm", "-q", f"sop/{target}.yml")
        elif kind == "readd":
            if not self.deleted or set(self.deleted) <= set(present):
                return self.apply("add", name, choice, subject, author, authored)
            back = sorted(set(self.deleted) - set(present))[choice % len(set(self.deleted) - set(present))]
            self.write(back, self.deleted.pop(back))
        elif kind in ("merge", "conflict"):
            self.git("checkout", "-q", "-b", f"cabang-{self.day}")
            self.write(target, self.text(choice))
            self.commit(f"cabang {subject}", author, authored)
            self.git("checkout", "-q", "main")
            if kind == "conflict":
                self.write(target, self.text(choice + 1))
                self.commit(f"utama {subject}", author, authored)
            self.day += 1
            self.git("merge", "-q", "--no-ff", "--no-commit", f"cabang-{self.day - 1}", authored=authored, check=False)
            if kind == "conflict":  # resolved with new text, as neither side wrote it
                self.write(target, self.text(choice + 2))
        self.commit(subject, author, authored)


def _blobs(repo: Repo, commit: str | None) -> dict[str, str]:
    if commit is None:
        return {}
    out = repo.git("ls-tree", "-r", commit, "--", "sop")
    return {line.split("\t")[1][4:]: line.split()[2] for line in out.splitlines()}


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(STEP, min_size=3, max_size=8))
def test_history_and_sop_diff_agree_with_git(tmp_path_factory, steps):
    root = tmp_path_factory.mktemp("graf")
    (root / "sop").mkdir()
    for path in SEED_SOURCES.iterdir():
        if path.is_file() and path.name.startswith("_"):
            (root / "sop" / path.name).write_bytes(path.read_bytes())
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    repo.write("awal", repo.text(0))
    repo.commit("Sumber awal", "Andi", 1)
    for step in steps:
        repo.apply(*step)

    chain = repo.git("rev-list", "--first-parent", "HEAD").split()
    parent = {c: (repo.git("rev-parse", f"{c}^1") if i + 1 < len(chain) else None) for i, c in enumerate(chain)}
    trees = {c: _blobs(repo, c) for c in chain}
    trees[None] = {}
    history = build_history(read_history(root / "sop"))
    assert history.available
    assert sorted(history.sops) == sorted(p.stem for p in (root / "sop").glob("[!_]*.yml"))
    for slug, own in history.sops.items():
        order = [chain.index(v.commit.id) for v in own.versions]
        assert order == sorted(order)  # the graph's order, newest first, whatever the author dates
        # walk the chain oldest first: the SOP's file changes exactly at its versions
        mine = {v.commit.id: v for v in own.versions if v.source_changed}
        path = None
        for commit in reversed(chain):
            before, after = trees[parent[commit]], trees[commit]
            version = mine.get(commit)
            if version is None:
                assert path is None or before.get(path) == after.get(path), (slug, commit, path)
                continue
            old_path = version.renamed_from or path
            if version.deleted:
                assert old_path in before and version.path not in after
                path = None
            else:
                assert before.get(old_path) != after.get(version.path) or old_path != version.path, (slug, commit)
                path = version.path
        assert path == own.path and path in trees[chain[0]]
        # `sop diff` between the version's commit and its first parent names the SOP where it changed
        for version in own.versions:
            if not (version.changes and version.source_changed) or parent[version.commit.id] is None:
                continue
            result = run_cli("diff", "--format", "json", "--dari", parent[version.commit.id], "--ke", version.commit.id, cwd=root)
            assert result.code == 0, result.err
            named = {record["sop"] for record in json.loads(result.out)}
            assert PathStem(version.path) in named, (slug, version.commit.subject, named)


def PathStem(path: str) -> str:  # noqa: N802 -- a slug is the file name's stem
    return Path(path).stem
