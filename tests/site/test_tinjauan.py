"""Review dates and suspect SOPs, in a repository built here: the seed is committed, then one of
its cited legal bases is repealed in the registry (the seed becomes suspect: a finding at the
citation and a mark on its page), then a review is recorded in its source (it no longer is).
Without git the sources alone date what they can; a fixed day gives the same site on any day."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from macros.checks.review import project_states
from macros.load.history import read_history
from macros.model.history import build_history
from macros.validate import validate_paths
from tests.conftest import SEED_SOURCES, build_into, run_cli
from tests.plugin.test_determinism import _digest
from tests.plugin.test_site_build import page_text
from tests.site.test_riwayat import SEED, SLUG, git, make_repository

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")

REGISTRY = "sop/_dasar-hukum.yml"
PP_60 = "  tentang: Sistem Pengendalian Intern Pemerintah\n"
REPEALED = PP_60 + "  status: dicabut\n"
TODAY = "2026-12-10"
REVIEW = "tinjauan:\n  - tanggal: 2026-12-09\n    peninjau: kepala-bappeda\n    catatan: Dasar hukum PP 60/2008 dinilai ulang\n"


def _edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def seed_repository(root: Path) -> Path:
    """The seed committed as it is (1 December 2026)."""
    shutil.copytree(SEED_SOURCES, root / "sop")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sumber awal", date="2026-12-01T09:00:00+08:00")
    return root


def repeal(root: Path) -> str:
    """PP 60/2008, cited by the seed, repealed in the registry on 2 December 2026; the commit's short id."""
    _edit(root, REGISTRY, PP_60, REPEALED)
    git(root, "commit", "-q", "-am", "PP 60/2008 dicabut", date="2026-12-02T10:00:00+08:00")
    return git(root, "log", "-1", "--format=%h", "--abbrev=12")


def record_review(root: Path) -> None:
    path = root / SEED
    path.write_text(path.read_text(encoding="utf-8") + REVIEW, encoding="utf-8")
    git(root, "commit", "-q", "-am", "Tinjauan dicatat", date="2026-12-09T15:00:00+08:00")


def findings(root: Path, *args: str) -> list[dict]:
    result = run_cli("check", "--format", "json", "--tanggal", TODAY, *args, cwd=root)
    assert "Traceback" not in result.err
    return json.loads(result.out)["findings"]


def review_lines(root: Path) -> list[str]:
    result = run_cli("check", "--tanggal", TODAY, cwd=root)
    return [line for line in result.lines if " SOP-V0" in line]


def test_the_seed_becomes_suspect_after_the_repeal_and_clears_with_a_review(tmp_path):
    root = seed_repository(tmp_path / "repo")
    assert review_lines(root) == []  # as committed, nothing it relies on changed since
    commit = repeal(root)
    assert review_lines(root) == [
        f"sop/{SLUG}.yml:22:5: SOP-V002 peringatan: perlu ditinjau: dasar hukum 'pp-60-2008' dicabut pada "
        f"02 Desember 2026 (commit {commit}), setelah tanggal pembuatan 05 Februari 2020; tinjau SOP ini lalu catat "
        "di 'tinjauan' (tanggal, peninjau)"
    ]
    # the typed result other pages read (SiteData.reviews), as plain data
    project = validate_paths([root / "sop"], today=dt.date(2026, 12, 10)).projects[0]
    record = project_states(project)[SLUG].record()
    assert record | {"sebab": None} == {
        "sop": SLUG, "dinilai": True, "tinjauan_terakhir": "2020-02-05", "dasar_tinjauan_terakhir": "pembuatan",
        "peninjau": None, "jadwal_tinjauan": None, "dasar_jadwal": None, "masa_tinjauan": None, "lewat_jadwal": False,
        "perlu_ditinjau": True, "sebab": None,
    }
    assert record["sebab"] == [{
        "jenis": "dasar_hukum_dicabut", "rujukan": "pp-60-2008",
        "nama": "Peraturan Pemerintah Nomor 60 Tahun 2008 tentang Sistem Pengendalian Intern Pemerintah",
        "tanggal": "2026-12-02", "tanggal_dari": "git", "commit": commit, "rincian": None,
        "teks": f"dasar hukum 'pp-60-2008' dicabut pada 02 Desember 2026 (commit {commit})",
    }]
    record_review(root)
    assert review_lines(root) == []
    # a review recorded before the repeal does not clear it
    _edit(root, SEED, "tanggal: 2026-12-09", "tanggal: 2026-12-01")
    assert [f["code"] for f in findings(root) if f["code"].startswith("SOP-V")] == ["SOP-V002"]


def test_the_riwayat_repository_makes_the_seed_suspect_after_its_repeal(tmp_path):
    """The repository of the riwayat tests (a step reworded, an actor changed, PP 60/2008 repealed
    on 20 April 2026, a reformat): the seed is suspect for the repeal, and for nothing else."""
    root = make_repository(tmp_path / "repo")
    (suspect,) = [f for f in findings(root) if f["code"] == "SOP-V002"]
    assert "'pp-60-2008' dicabut pada 20 April 2026 (commit " in suspect["message"]
    assert (suspect["path"], suspect["line"]) == (f"sop/{SLUG}.yml", 23)  # the reformat added a comment line above


def test_an_edited_legal_basis_and_a_renamed_role_make_it_suspect_a_note_does_not(tmp_path):
    root = seed_repository(tmp_path / "repo")
    _edit(root, REGISTRY, "  catatan: Dokumen sumber menyingkatnya SPIP.\n", "  catatan: Disingkat SPIP.\n")
    git(root, "commit", "-q", "-am", "Catatan registri", date="2026-12-02T09:00:00+08:00")
    assert review_lines(root) == []  # the registry's own note is not what the SOP relies on
    _edit(root, REGISTRY, "  tahun: 2008\n", "  tahun: 2008\n  tanggal: 2008-08-28\n")
    _edit(root, "sop/_jabatan.yml", "  singkatan: Kabid Renum", "  singkatan: Kabid Renev")
    git(root, "commit", "-q", "-am", "Tanggal PP dan singkatan jabatan", date="2026-12-03T09:00:00+08:00")
    lines = review_lines(root)
    assert [line.split(": perlu ditinjau: ")[1].split(" pada ")[0] for line in lines] == [  # in source order
        "dasar hukum 'pp-60-2008' diubah di registri",
        "jabatan 'kabid-renum' diubah di registri (singkatan 'Kabid Renum' menjadi 'Kabid Renev')",
    ]


def test_a_related_sop_retired_in_git_makes_it_suspect(tmp_path):
    root = seed_repository(tmp_path / "repo")
    text = (root / SEED).read_text(encoding="utf-8")
    other = text.replace("nomor: 205/050/01/", "nomor: 205/050/02/").replace(
        "judul: Mekanisme Perbaikan Data Kinerja", "judul: Mekanisme Penyusunan Data Kinerja")
    (root / "sop" / "penyusunan-data-kinerja.yml").write_text(other, encoding="utf-8")
    _edit(root, SEED, "  - judul: SOP Mekanisme Penyusunan Data Kinerja\n", "  - sop: penyusunan-data-kinerja\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "SOP kedua", date="2026-12-02T09:00:00+08:00")
    assert review_lines(root) == []
    (root / "sop" / "penyusunan-data-kinerja.yml").write_text("status: dicabut\n" + other, encoding="utf-8")
    git(root, "commit", "-q", "-am", "SOP kedua dicabut", date="2026-12-04T09:00:00+08:00")
    commit = git(root, "log", "-1", "--format=%h", "--abbrev=12")
    (line,) = review_lines(root)
    assert line.startswith(f"sop/{SLUG}.yml:39:")
    assert (f"SOP-V002 peringatan: perlu ditinjau: SOP terkait 'penyusunan-data-kinerja' dicabut pada 04 Desember 2026 "
            f"(commit {commit}), setelah tanggal pembuatan 05 Februari 2020") in line


def test_without_git_the_sources_date_what_they_can(tmp_path):
    plain = tmp_path / "tanpa-git"
    shutil.copytree(SEED_SOURCES, plain / "sop")
    assert review_lines(plain) == []  # the seed's repealed bases were replaced in 2017 and 2014, before 2020
    _edit(plain, REGISTRY, PP_60, REPEALED)
    (line,) = review_lines(plain)
    assert "dasar hukum 'pp-60-2008' dicabut (tanggal pencabutan tidak diketahui), belum ada tinjauan yang dicatat" in line
    path = plain / SEED
    path.write_text(path.read_text(encoding="utf-8") + REVIEW, encoding="utf-8")
    assert review_lines(plain) == []
    # a replacement dated after the review: the repeal is dated by it
    _edit(plain, REGISTRY, REPEALED, REPEALED + "  diganti_oleh: pp-spip-2027\n")
    registry = plain / REGISTRY
    registry.write_text(registry.read_text(encoding="utf-8") + "pp-spip-2027:\n  jenis: Peraturan Pemerintah\n"
                        "  nomor: \"5\"\n  tahun: 2027\n  tentang: Sistem Pengendalian Intern Pemerintah\n", encoding="utf-8")
    (line,) = review_lines(plain)
    assert "dicabut pada 2027 (menurut sumber), setelah tinjauan terakhir 09 Desember 2026" in line


def test_the_history_is_read_by_sop_check_only_for_a_whole_sources_folder(tmp_path):
    root = seed_repository(tmp_path / "repo")
    repeal(root)
    assert build_history(read_history(root / "sop")).available
    # one file checked: the sources alone (PP 60/2008 undated, no review recorded)
    (line,) = [f for f in findings(root, SEED) if f["code"] == "SOP-V002"]
    assert "tanggal pencabutan tidak diketahui" in line["message"]


@pytest.mark.slow
def test_the_page_and_daftar_sop_mark_a_suspect_seed_until_it_is_reviewed(tmp_path):
    root = seed_repository(tmp_path / "repo")
    commit = repeal(root)
    result, site = build_into(tmp_path, tmp_path / "site", root / "sop", tanggal=TODAY)
    assert result.code == 0, result.err
    assert f"SOP-V002 peringatan: perlu ditinjau: dasar hukum 'pp-60-2008' dicabut pada 02 Desember 2026 (commit {commit})" in result.err
    page = page_text(site / "sop" / SLUG / "index.html")
    assert ("Perlu ditinjau: yang dirujuk SOP ini berubah setelah tanggal pembuatan 05 Februari 2020. "
            "Dasar hukum dicabut: Peraturan Pemerintah Nomor 60 Tahun 2008 tentang Sistem Pengendalian Intern Pemerintah "
            f"— 02 Desember 2026 (commit {commit}") in page
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-tinjauan="perlu-ditinjau"' in index and "sop-lencana--tinjau" in index
    assert '<select data-saring="tinjauan" data-saring-cara="kata">' in index
    record_review(root)
    result, site = build_into(tmp_path, tmp_path / "site-2", root / "sop", tanggal=TODAY)
    assert result.code == 0, result.err
    assert "SOP-V0" not in result.err
    assert "Perlu ditinjau" not in page_text(site / "sop" / SLUG / "index.html")
    assert 'data-tinjauan="tanpa-catatan"' in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_fixed_day_gives_the_same_site_and_decides_what_is_overdue(tmp_path):
    """The agency reviews every 2 years: on 10 December 2026 the seed (made 5 February 2020) is
    overdue, on 1 January 2021 it is not; two builds fixed to one day are byte-identical, whether
    the day comes from the option or from the user's SOURCE_DATE_EPOCH."""
    sources = tmp_path / "sop"
    shutil.copytree(SEED_SOURCES, sources)
    _edit(tmp_path, "sop/_instansi.yml", "  alamat: null\n", "  alamat: null\n  masa_tinjauan: 2 tahun\n")
    first, site_a = build_into(tmp_path, tmp_path / "a", sources, tanggal=TODAY)
    epoch = "1796860800"  # 2026-12-10T00:00:00Z
    second, site_b = build_into(tmp_path, tmp_path / "b", sources, env={"SOURCE_DATE_EPOCH": epoch})
    assert first.code == 0 and second.code == 0, first.err + second.err
    page = page_text(site_a / "sop" / SLUG / "index.html")
    assert ("Lewat jadwal tinjauan: jadwal tinjauan 05 Februari 2022 (tanggal pembuatan 05 Februari 2020 + masa "
            "tinjauan instansi 2 tahun) sudah lewat.") in page
    assert 'sop-lencana--terlambat' in (site_a / "index.html").read_text(encoding="utf-8")
    digest_a, digest_b = _digest(site_a), _digest(site_b)
    digest_a.pop("sitemap.xml.gz"), digest_b.pop("sitemap.xml.gz")  # its date is SOURCE_DATE_EPOCH itself
    digest_a.pop("sitemap.xml"), digest_b.pop("sitemap.xml")
    assert digest_a == digest_b
    early, site_c = build_into(tmp_path, tmp_path / "c", sources, tanggal="2021-01-01")
    assert early.code == 0, early.err
    assert "Lewat jadwal tinjauan" not in page_text(site_c / "sop" / SLUG / "index.html")


# -- "today": the flag, the user's SOURCE_DATE_EPOCH, the plugin option ----------------------------

def overdue_project(tmp_path: Path) -> Path:
    """The seed without git, its agency reviewing every 2 years: due on 5 February 2022."""
    shutil.copytree(SEED_SOURCES, tmp_path / "sop")
    _edit(tmp_path, "sop/_instansi.yml", "  alamat: null\n", "  alamat: null\n  masa_tinjauan: 2 tahun\n")
    return tmp_path


def test_sop_check_judges_by_the_flag_else_the_users_source_date_epoch(tmp_path, monkeypatch):
    root = overdue_project(tmp_path)
    codes = lambda *args: [line.split(": ")[1].split()[0] for line in run_cli("check", *args, cwd=root).lines[:-1]]  # noqa: E731
    assert "SOP-V001" in codes("--tanggal", "2022-02-06")
    assert "SOP-V001" not in codes("--tanggal", "2022-02-05")  # due that day: not yet past it
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1644105600")  # 2022-02-06
    assert "SOP-V001" in codes()
    assert "SOP-V001" not in codes("--tanggal", "2021-01-01")  # the flag wins


@pytest.mark.parametrize("args, env, message", [
    (("--tanggal", "2026-02-30"), {}, "sop: galat: --tanggal '2026-02-30' tidak ada di kalender\n"),
    (("--tanggal", "besok"), {}, "sop: galat: --tanggal 'besok' tidak dikenali; tulis TTTT-BB-HH, mis. 2026-12-01\n"),
    ((), {"SOURCE_DATE_EPOCH": "kemarin"},
     "sop: galat: SOURCE_DATE_EPOCH 'kemarin' bukan jumlah detik sejak 1970 (bilangan bulat tidak negatif)\n"),
])
def test_a_bad_day_is_one_line_and_exit_2(tmp_path, monkeypatch, args, env, message):
    root = overdue_project(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run_cli("check", *args, cwd=root)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_our_own_source_date_epoch_is_not_the_users(monkeypatch):
    from macros.plugin.build_date import _BuildDate

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # recorded, so that the value is restored after the test
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    pinned = _BuildDate()
    assert pinned.user_value() is None
    pinned.pin("1580860800")  # left by a build that did not reach its end
    assert pinned.user_value() is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1644105600")
    assert pinned.user_value() == "1644105600"
    pinned.release()
    assert os.environ["SOURCE_DATE_EPOCH"] == "1644105600"  # not ours: left as the user set it


@pytest.mark.slow
def test_a_bad_tanggal_option_fails_the_build_in_one_line(tmp_path):
    root = overdue_project(tmp_path)
    result, _ = build_into(tmp_path, tmp_path / "site", root / "sop", tanggal="10 Desember 2026")
    assert result.code != 0
    assert "opsi tanggal '10 Desember 2026' tidak dikenali; tulis TTTT-BB-HH, mis. 2026-12-01" in result.err
    assert "Traceback" not in result.err
