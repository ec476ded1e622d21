"""Riwayat: a repository built here, with a few commits editing the seed (a step reworded, an actor
changed, a legal basis repealed in the registry, a YAML-only reformat). The riwayat page and
`sop diff` list exactly those changes, and "no change" for the reformat; without git, or in a
shallow clone, the build goes on and says history is not available; a moved source keeps its
history; the history is read with a fixed number of git processes, whatever the commits."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.load import git as git_module
from macros.load.history import read_history
from macros.model.history import build_history
from tests.conftest import SEED_SOURCES, build_into, run_cli
from tests.plugin.test_site_build import page_text

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")

SLUG = "perbaikan-data-kinerja"
SEED = f"sop/{SLUG}.yml"
IDENTITY = {
    "GIT_AUTHOR_NAME": "Andi Penyusun", "GIT_AUTHOR_EMAIL": "andi@example.invalid",
    "GIT_COMMITTER_NAME": "Andi Penyusun", "GIT_COMMITTER_EMAIL": "andi@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}
SECRETARY = "Sekretaris Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kabupaten Banggai"
STEP_3 = "Sekretaris memerintahkan Kasubbid Data untuk berkoordinasi ke Kabid Renum mengenai kesalahan data kinerja"
STEP_3_NEW = "Sekretaris memerintahkan Kasubbid Data berkoordinasi dengan Kabid Renum mengenai kesalahan data kinerja"

# (message, author date, what the commit does to the text of a source, what it changes in SOP terms)
COMMITS = [
    ("Sumber awal dialihkan dari dokumen cetak", "2026-01-05T09:00:00+08:00", None, ["sop_ditambah"]),
    ("Langkah 3 diperjelas", "2026-02-10T10:30:00+08:00", (SEED, STEP_3, STEP_3_NEW), ["langkah_diubah"]),
    ("Perbaikan disampaikan oleh Sekretaris", "2026-03-16T14:15:00+08:00",
     (SEED, "pelaksana: kabid-renum   # disimpulkan", "pelaksana: sekretaris-bappeda   # disimpulkan"), ["pelaksana_diubah"]),
    ("PP 60/2008 dicabut", "2026-04-20T08:00:00+08:00",
     ("sop/_dasar-hukum.yml", "  tentang: Sistem Pengendalian Intern Pemerintah\n",
      "  tentang: Sistem Pengendalian Intern Pemerintah\n  status: dicabut\n"), ["dasar_hukum_dicabut"]),
    ("Format YAML dirapikan", "2026-05-25T16:45:00+08:00", "reformat", []),
]


def git(cwd: Path, *args: str, date: str = "2026-01-01T00:00:00+08:00") -> str:
    env = os.environ | IDENTITY | {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout.strip()


def reformat(text: str) -> str:
    """The same SOP in other YAML: comments, quotes, a one-item list written as a list."""
    text = text.replace("    waktu: 120\n", "    waktu: '120'   # menit\n")
    text = text.replace("    kelengkapan: Dokumen data kinerja\n", "    kelengkapan:\n      - Dokumen data kinerja\n")
    text = text.replace("judul: Mekanisme Perbaikan Data Kinerja\n", '# Judul sesuai dokumen sumber\njudul: "Mekanisme Perbaikan Data Kinerja"\n')
    return text


def make_repository(root: Path) -> Path:
    (root / "sop").mkdir(parents=True)
    for path in SEED_SOURCES.iterdir():
        if path.is_file():
            (root / "sop" / path.name).write_bytes(path.read_bytes())
    git(root, "init", "-q", "-b", "main")
    for message, date, edit, _ in COMMITS:
        if edit == "reformat":
            target = root / SEED
            changed = reformat(target.read_text(encoding="utf-8"))
            assert changed != target.read_text(encoding="utf-8")
            target.write_text(changed, encoding="utf-8")
        elif edit is not None:
            name, old, new = edit
            target = root / name
            text = target.read_text(encoding="utf-8")
            assert text.count(old) == 1, old
            target.write_text(text.replace(old, new), encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", message, date=date)
    return root


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    return make_repository(tmp_path_factory.mktemp("riwayat") / "repo")


def diff_json(root: Path, *args: str) -> list[dict]:
    result = run_cli("diff", "--format", "json", *args, cwd=root)
    assert result.code == 0, result.err
    return json.loads(result.out)


# -- the history model ---------------------------------------------------------------------------

def test_each_commit_is_a_version_with_exactly_its_changes(repository):
    history = build_history(read_history(repository / "sop"))
    assert history.available
    versions = history.of(SLUG).versions
    assert [v.message for v in versions] == [c[0] for c in reversed(COMMITS)]
    assert [[c.kind.value for c in v.changes] for v in versions] == [c[3] for c in reversed(COMMITS)]
    assert [v.author for v in versions] == ["Andi Penyusun"] * len(COMMITS)
    assert versions[0].date.isoformat() == "2026-05-25T16:45:00+08:00"
    assert not versions[1].source_changed and versions[1].changes[0].field == "pp-60-2008"
    # the registry entry's last change is known, for later rules (an SOP reviewed before it)
    assert history.entry("_dasar-hukum.yml", "pp-60-2008").commit.subject == "PP 60/2008 dicabut"
    assert history.entry("_dasar-hukum.yml", "pp-12-2017").commit.subject == COMMITS[0][0]


def test_history_takes_a_fixed_number_of_git_processes(repository, monkeypatch):
    """One log and two cat-files (sizes, then content) for every file and commit (plus two questions about the
    repository)."""
    calls = []
    real = subprocess.run

    def counting(args, *rest, **options):
        calls.append(args[args.index("--no-pager") + 1] if "--no-pager" in args else args[0])
        return real(args, *rest, **options)

    monkeypatch.setattr(git_module.subprocess, "run", counting)
    history = read_history(repository / "sop")
    assert len(history.commits) == len(COMMITS)
    assert calls == ["--version", "rev-parse", "log", "cat-file", "cat-file"]


# -- sop diff ------------------------------------------------------------------------------------

@pytest.mark.parametrize("n", range(1, len(COMMITS)))
def test_sop_diff_between_two_commits_lists_exactly_the_changes(repository, n):
    back = len(COMMITS) - 1 - n
    found = diff_json(repository, "--dari", f"HEAD~{back + 1}", "--ke", f"HEAD~{back}")
    assert [(c["sop"], c["jenis"]) for c in found] == [(SLUG, kind) for kind in COMMITS[n][3]]


def test_sop_diff_says_the_old_and_new_text_and_the_step(repository):
    (reworded,) = diff_json(repository, "--dari", "HEAD~4", "--ke", "HEAD~3")
    assert reworded == {
        "sop": SLUG, "jenis": "langkah_diubah", "langkah": 3, "langkah_lama": 3, "bidang": "kegiatan",
        "keterangan": "Kegiatan langkah 3 diubah", "lama": STEP_3, "baru": STEP_3_NEW,
    }
    (actor,) = diff_json(repository, "--dari", "HEAD~3", "--ke", "HEAD~2")
    assert (actor["langkah"], actor["lama"], actor["baru"]) == (7, "Kepala Bidang Renum", SECRETARY)
    text = run_cli("diff", "--dari", "HEAD~3", "--ke", "HEAD~2", cwd=repository)
    assert text.out == f'{SLUG}: Pelaksana langkah 7 diubah: "Kepala Bidang Renum" → "{SECRETARY}"\n'



def test_sop_diff_of_a_reformat_or_a_clean_tree_is_empty(repository):
    assert diff_json(repository, "--dari", "HEAD~1", "--ke", "HEAD") == []
    assert diff_json(repository) == []  # HEAD against the working tree
    assert run_cli("diff", cwd=repository).out == "Tidak ada perubahan isi SOP.\n"


def test_sop_diff_sees_the_working_tree(tmp_path):
    root = make_repository(tmp_path / "repo")
    seed = root / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("    waktu: 480\n", "    waktu: 240\n"), encoding="utf-8")
    (change,) = diff_json(root)
    assert (change["jenis"], change["langkah"], change["lama"], change["baru"]) == ("waktu_diubah", 5, "480 menit", "240 menit")
    # a path outside the changed SOP shows nothing
    assert diff_json(root, "sop/_jabatan.yml") == []
    assert diff_json(root, "sop/" + f"{SLUG}.yml")[0]["jenis"] == "waktu_diubah"


def test_sop_diff_errors_are_one_line(repository, tmp_path):
    bad = run_cli("diff", "--dari", "tidak-ada", cwd=repository)
    assert (bad.code, bad.out, bad.err) == (1, "", "sop: galat: revisi 'tidak-ada' tidak dikenal git\n")
    plain = tmp_path / "tanpa-git"
    shutil.copytree(SEED_SOURCES, plain / "sop")
    outside = run_cli("diff", cwd=plain)
    assert (outside.code, outside.err) == (1, "sop: galat: folder sumber tidak berada di dalam repositori git\n")


# -- the page ------------------------------------------------------------------------------------

def _versions(page: Path) -> list[tuple[str, list[str]]]:
    """(commit or 'catatan', kinds of change) of each version on the page, top to bottom."""
    raw = page.read_text(encoding="utf-8")
    items = re.findall(r'<li class="sop-versi( sop-versi--catatan)?"(?: data-commit="(\w+)")?>(.*?)</li>\s*(?=<li class="sop-versi|</ol>)', raw, re.S)
    return [("catatan" if note else commit, re.findall(r'data-jenis="(\w+)"', body)) for note, commit, body in items]


@pytest.mark.slow
def test_the_riwayat_page_lists_every_version_newest_first(repository, tmp_path):
    result, site = build_into(tmp_path, tmp_path / "site", repository / "sop")
    assert result.code == 0, result.err
    page = site / "sop" / SLUG / "riwayat" / "index.html"
    commits = git(repository, "log", "--format=%h", "--abbrev=12").split()
    # the seed's own riwayat_revisi (23 November 2026) is the newest entry
    assert _versions(page) == [("catatan", [])] + [(c, kinds) for c, (*_, kinds) in zip(commits, reversed(COMMITS))]
    text = page_text(page)
    assert "25 Mei 2026, 16.45 · Andi Penyusun · " in text
    assert "Format YAML dirapikan Tidak ada perubahan isi SOP." in text
    assert f"Kegiatan langkah 3 diubah Semula: {STEP_3} Menjadi: {STEP_3_NEW}" in text
    assert f"Pelaksana langkah 7 diubah Semula: Kepala Bidang Renum Menjadi: {SECRETARY}" in text
    assert "Dasar hukum yang dirujuk dicabut (registri dasar hukum) Peraturan Pemerintah Nomor 60 Tahun 2008" in text
    assert "Riwayat git tidak tersedia" not in text and "Belum dikomit" not in text  # a clean work tree
    # linked from the SOP's page
    document = (site / "sop" / SLUG / "index.html").read_text(encoding="utf-8")
    assert '<a href="riwayat/">Riwayat Perubahan</a>' in document


@pytest.mark.slow
def test_a_moved_source_keeps_its_history(tmp_path):
    root = make_repository(tmp_path / "repo")
    (root / "sop" / "bappeda").mkdir()
    git(root, "mv", SEED, f"sop/bappeda/{SLUG}.yml")
    git(root, "commit", "-q", "-m", "Dipindah ke folder bidang", date="2026-06-01T09:00:00+08:00")
    history = build_history(read_history(root / "sop"))
    versions = history.of(SLUG).versions
    assert [v.message for v in versions] == ["Dipindah ke folder bidang"] + [c[0] for c in reversed(COMMITS)]
    assert (versions[0].renamed_from, versions[0].path, versions[0].changes) == (f"{SLUG}.yml", f"bappeda/{SLUG}.yml", ())
    result, site = build_into(tmp_path, tmp_path / "site", root / "sop")
    assert result.code == 0, result.err
    text = page_text(site / "sop" / SLUG / "riwayat" / "index.html")
    assert f"Berkas sumber dipindah dari {SLUG}.yml ke bappeda/{SLUG}.yml" in text
    assert "Langkah 3 diperjelas" in text and "Sumber awal dialihkan dari dokumen cetak" in text


@pytest.mark.slow
def test_without_git_or_in_a_shallow_clone_the_build_goes_on(repository, tmp_path):
    plain = tmp_path / "tanpa-git"
    shutil.copytree(SEED_SOURCES, plain / "sop")
    shallow = tmp_path / "dangkal"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(shallow)], check=True,
                   env=os.environ | IDENTITY, capture_output=True)
    for sources, reason in ((plain / "sop", "tidak berada di dalam repositori git"), (shallow / "sop", "klon dangkal")):
        site = tmp_path / f"site-{sources.parent.name}"
        result, site = build_into(tmp_path, site, sources)
        assert result.code == 0, result.err
        text = page_text(site / "sop" / SLUG / "riwayat" / "index.html")
        assert "Riwayat git tidak tersedia" in text and reason in text
        # the source's own riwayat_revisi is still shown
        assert "dicatat di riwayat revisi sumber" in text


def test_a_reworded_text_marks_the_words_that_changed():
    from macros.render.history import marked_words

    old, new = marked_words(STEP_3, STEP_3_NEW)
    assert str(old) == ("Sekretaris memerintahkan Kasubbid Data <del>untuk</del> berkoordinasi <del>ke</del> Kabid Renum "
                        "mengenai kesalahan data kinerja")
    assert str(new) == ("Sekretaris memerintahkan Kasubbid Data berkoordinasi <ins>dengan</ins> Kabid Renum "
                        "mengenai kesalahan data kinerja")
    assert str(marked_words("<b> & x", "<b> & y")[1]) == "&lt;b&gt; &amp; <ins>y</ins>"


def test_a_version_that_does_not_load_is_reported_not_fatal(tmp_path):
    root = make_repository(tmp_path / "repo")
    seed = root / SEED
    good = seed.read_text(encoding="utf-8")
    seed.write_text(good.replace("judul: \"Mekanisme", "judul: [\"Mekanisme"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Salah ketik", date="2026-06-01T09:00:00+08:00")
    seed.write_text(good.replace("jenis_kegiatan: Rutin", "jenis_kegiatan: Harian"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Jenis kegiatan tidak sah", date="2026-06-02T09:00:00+08:00")
    seed.write_text(good, encoding="utf-8")
    git(root, "commit", "-q", "-am", "Diperbaiki", date="2026-06-03T09:00:00+08:00")
    versions = build_history(read_history(root / "sop")).of(SLUG).versions
    fixed, invalid, broken = versions[:3]
    assert broken.sop is None and broken.problem and invalid.sop is None and "jenis_kegiatan" in invalid.problem
    assert [c.kind.value for c in fixed.changes] == ["tidak_dapat_dibaca"] and fixed.changes[0].old == invalid.problem
    assert run_cli("diff", "--dari", "HEAD~1", "--ke", "HEAD", cwd=root).out.startswith(
        f"{SLUG}: Versi lama sumber tidak dapat dibaca (")
    assert json.loads(run_cli("diff", "--format", "json", "--dari", "HEAD~3", "--ke", "HEAD~2", cwd=root).out)[0]["jenis"] \
        == "tidak_dapat_dibaca"


@pytest.mark.slow
def test_an_edit_not_yet_committed_is_on_top(tmp_path):
    root = make_repository(tmp_path / "repo")
    seed = root / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("    waktu: 480\n", "    waktu: 240\n"), encoding="utf-8")
    result, site = build_into(tmp_path, tmp_path / "site", root / "sop")
    assert result.code == 0, result.err
    page = site / "sop" / SLUG / "riwayat" / "index.html"
    assert 'class="sop-versi sop-versi--belum"' in page.read_text(encoding="utf-8")
    assert page_text(page).count("Belum dikomit Perubahan pada berkas sumber sesudah commit terakhir "
                                 "Waktu langkah 5 diubah Semula: 480 menit Menjadi: 240 menit 23 November 2026") == 1


def test_sop_diff_pairs_a_moved_source_and_its_history_follows_it(tmp_path):
    root = make_repository(tmp_path / "repo")
    (root / "sop" / "bappeda").mkdir()
    git(root, "mv", SEED, f"sop/bappeda/{SLUG}.yml")
    git(root, "commit", "-q", "-m", "Dipindah ke folder bidang", date="2026-06-01T09:00:00+08:00")
    assert diff_json(root, "--dari", "HEAD~1", "--ke", "HEAD") == []
    # renamed and edited in the working tree: still one SOP, with its one change
    moved = root / "sop" / "bappeda" / f"{SLUG}.yml"
    renamed = root / "sop" / "bappeda" / "perbaikan-kinerja.yml"
    renamed.write_text(moved.read_text(encoding="utf-8").replace("    waktu: 480\n", "    waktu: 240\n"), encoding="utf-8")
    moved.unlink()
    assert [(c["sop"], c["jenis"]) for c in diff_json(root)] == [("perbaikan-kinerja", "waktu_diubah")]
    assert [(c["sop"], c["jenis"]) for c in diff_json(root, "sop/bappeda")] == [("perbaikan-kinerja", "waktu_diubah")]
    history = build_history(read_history(root / "sop")).of(SLUG)
    assert history.path == f"bappeda/{SLUG}.yml" and len(history.versions) == len(COMMITS) + 1
