"""Benchmark of the inspector's view (issue 12 §5): what git history, review rules and the audit
page add to a full build.

Run as `python -m benchmarks.run --history` (figures printed as a table and written as JSON). The
generated corpus of N SOPs is committed to git with a history of about five versions per SOP:
the first commit adds everything, then four rounds edit every SOP (a step reworded), each round in
ten commits, and one round also repeals a legal basis in the registry. The same build is timed
  - on the repository (history read in one pass, every old version loaded, diffed, suspects dated);
  - on a copy of the same files outside git (no history: the riwayat pages say so);
the difference is what history costs. The audit page and its downloads are built in both; their own
time (rows, xlsx, csv, page) is measured apart, in this process.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from benchmarks.corpus import generate
from tests.harness import write_config

ROUNDS = 4  # edits per SOP after the first commit: five versions each
COMMITS_PER_ROUND = 10
TODAY = "2026-12-01"  # the review rules' day: the same figures on any day
IDENTITY = {"GIT_AUTHOR_NAME": "Tolok Ukur", "GIT_AUTHOR_EMAIL": "tolok@example.invalid",
            "GIT_COMMITTER_NAME": "Tolok Ukur", "GIT_COMMITTER_EMAIL": "tolok@example.invalid",
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}


def _git(root: Path, *args: str, when: int = 0) -> None:
    date = "2026-01-01T00:00:00+08:00" if not when else f"@{1767196800 + when * 3600} +0800"
    env = os.environ | IDENTITY | {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def make_history(root: Path, sources: Path) -> int:
    """Commit `sources` (inside `root`) with ROUNDS more versions of every SOP; the number of commits."""
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Sumber awal")
    files = sorted(p for p in sources.rglob("*.yml") if not p.name.startswith("_"))
    commits, tick = 1, 1
    for round_ in range(1, ROUNDS + 1):
        for part in range(COMMITS_PER_ROUND):
            for path in files[part::COMMITS_PER_ROUND]:
                text = path.read_text(encoding="utf-8")
                edited = text.replace("tahap 1", f"tahap 1 revisi {round_}", 1) if round_ == 1 else \
                    text.replace(f"revisi {round_ - 1}", f"revisi {round_}", 1)
                path.write_text(edited, encoding="utf-8")
            if round_ == 2 and part == 0:
                registry = sources / "_dasar-hukum.yml"
                text = registry.read_text(encoding="utf-8")
                registry.write_text(text.replace("tentang: Sistem Pengendalian Intern Pemerintah\n",
                                                 "tentang: Sistem Pengendalian Intern Pemerintah\n  status: dicabut\n", 1),
                                    encoding="utf-8")
            _git(root, "commit", "-q", "-am", f"Revisi {round_} bagian {part + 1}", when=tick)
            commits, tick = commits + 1, tick + 1
    return commits


def _timed_build(config: Path) -> float:
    from benchmarks.run import build

    return build(config)["seconds"]


def _audit_parts(config: Path) -> dict:
    """The audit's own work, on a site loaded in this process: rows, page, xlsx, csv (seconds)."""
    from mkdocs.config import load_config

    from macros.render.audit import render_audit
    from macros.render.links import Links
    from macros.site.audit import build_audit
    from macros.site.audit_export import audit_csv, audit_xlsx

    mk = load_config(str(config))
    plugin = mk.plugins["sop"]
    plugin.on_config(mk)
    site = plugin.site
    times = {}
    start = time.perf_counter()
    audit = build_audit(site, [(u.path, u.first) for u in plugin.unpublished], "Dibangun dari tolok ukur")
    times["baris"] = time.perf_counter() - start
    start = time.perf_counter()
    render_audit(audit, Links(lambda path: path))
    times["halaman"] = time.perf_counter() - start
    start = time.perf_counter()
    audit_xlsx(audit, None, site.newest_date())
    times["xlsx"] = time.perf_counter() - start
    start = time.perf_counter()
    audit_csv(audit, None)
    times["csv"] = time.perf_counter() - start
    plugin.on_post_build(config=mk)
    return times


def bench_history(work: Path, n: int, runs: int, seed: int) -> dict:
    print(f"Riwayat: korpus {n} SOP dengan riwayat git ...", flush=True)
    base = work / f"riwayat-n{n}"
    shutil.rmtree(base, ignore_errors=True)
    repo = base / "repo"
    sources = generate(repo / "sop", n, seed)
    commits = make_history(repo, sources)
    plain = base / "tanpa-git"
    shutil.copytree(sources, plain / "sop")
    with_git = write_config(base / "dengan", sources=sources, site_dir=base / "dengan" / "site",
                            cache_dir=base / "dengan" / "cache", tanggal=TODAY)
    without = write_config(base / "tanpa", sources=plain / "sop", site_dir=base / "tanpa" / "site",
                           cache_dir=base / "tanpa" / "cache", tanggal=TODAY)
    _timed_build(with_git), _timed_build(without)  # the swimlane caches warm, as in any rebuild
    timed = {"dengan": [], "tanpa": []}
    for _ in range(runs):
        timed["tanpa"].append(_timed_build(without))
        timed["dengan"].append(_timed_build(with_git))
    plain_s, git_s = statistics.median(timed["tanpa"]), statistics.median(timed["dengan"])
    return {"n": n, "commits": commits, "versions_per_sop": ROUNDS + 1, "runs": runs,
            "build_without_history_s": plain_s, "build_with_history_s": git_s,
            "added_percent": 100 * (git_s - plain_s) / plain_s,
            "all_runs": {k: [round(x, 2) for x in v] for k, v in timed.items()},
            "audit_parts_s": _audit_parts(with_git)}


def history_table(r: dict) -> str:
    parts = r["audit_parts_s"]
    return "\n".join([
        "| SOP | commit | versi per SOP | build tanpa riwayat | build dengan riwayat | tambahan | audit (baris / halaman / xlsx / csv) |",
        "|---|---|---|---|---|---|---|",
        f"| {r['n']} | {r['commits']} | {r['versions_per_sop']} | {r['build_without_history_s']:.1f} s | "
        f"{r['build_with_history_s']:.1f} s | {r['added_percent']:+.0f} % | "
        f"{parts['baris']:.2f} / {parts['halaman']:.2f} / {parts['xlsx']:.2f} / {parts['csv']:.2f} s |",
    ])
