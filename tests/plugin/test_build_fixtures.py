"""One fixture per way a build used to crash: `mkdocs build` gives located lines, never a traceback.

Each folder under fixtures/build/ changes a small valid project (the `valid` check fixture and
its registries): files under `sop/` and `docs/` are laid over it, `hapus` lists source files to
remove. `expected.txt` pins every ERROR line of the build. Set SOP_UPDATE_GOLDEN=1 to rewrite
the expected files after an intended change of wording, then review the diff. A folder without
`expected.txt` is a project that must build with --strict (its own tests say what it shows).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import CHECK_FIXTURES, REPO, Run, build_into

pytestmark = pytest.mark.slow  # builds a whole site

BUILD_FIXTURES = Path(__file__).parent / "fixtures" / "build"
CASES = sorted(p.name for p in BUILD_FIXTURES.iterdir() if p.is_dir() and (p / "expected.txt").exists())
VALID_CASES = sorted(p.name for p in BUILD_FIXTURES.iterdir() if p.is_dir() and not (p / "expected.txt").exists())
LOCATED = re.compile(r"^[^\s:][^:]*:\d+:\d+: SOP-[A-Z]\d{3} (galat|peringatan): ")


def make_project(work: Path, fixture: Path | None = None) -> tuple[Path, Path]:
    """The valid project in `work`, changed by `fixture`: (sources, docs)."""
    sources, docs = work / "sop", work / "docs"
    sources.mkdir(parents=True)
    for name in ("_instansi.yml", "_jabatan.yml", "_dasar-hukum.yml"):
        shutil.copy(CHECK_FIXTURES / name, sources / name)
    shutil.copy(CHECK_FIXTURES / "valid" / "surat-masuk.yml", sources / "surat-masuk.yml")
    shutil.copytree(REPO / "docs", docs)
    if fixture is not None:
        for sub, target in (("sop", sources), ("docs", docs)):
            if (fixture / sub).is_dir():
                shutil.copytree(fixture / sub, target, dirs_exist_ok=True)
        removed = fixture / "hapus"
        for name in removed.read_text(encoding="utf-8").split() if removed.exists() else []:
            (sources / name).unlink()
    return sources, docs


def build(work: Path, *extra: str, fixture: Path | None = None) -> tuple[Run, Path]:
    _, docs = make_project(work, fixture)
    return build_into(work, work / "site", Path("sop"), *extra, docs_dir=docs)


def error_lines(run: Run) -> list[str]:
    """The text of every ERROR line mkdocs printed (`ERROR    -  text`)."""
    lines = []
    for line in (run.out + run.err).splitlines():
        match = re.match(r"^ERROR\s+-\s+(.*)$", line)
        if match:
            lines.append(match.group(1))
    return lines


def assert_no_traceback(run: Run) -> None:
    output = run.out + run.err
    assert "Traceback" not in output and "Error:" not in output.replace("Error: Aborted", ""), output


@pytest.mark.parametrize("name", CASES)
def test_build_fixture_gives_located_lines(tmp_path, name):
    fixture = BUILD_FIXTURES / name
    run, site = build(tmp_path, "--strict", fixture=fixture)
    assert_no_traceback(run)
    assert run.code == 1, run.err
    located = [line for line in error_lines(run) if LOCATED.match(line)]
    assert located, run.err
    expected_file = fixture / "expected.txt"
    if os.environ.get("SOP_UPDATE_GOLDEN"):
        expected_file.write_text("\n".join(located) + "\n", encoding="utf-8")
    assert located == expected_file.read_text(encoding="utf-8").splitlines()
    # the build says what stops it in one line, and nothing else is an error
    others = [line for line in error_lines(run) if not LOCATED.match(line)]
    assert all(line.startswith("Aborted with") or "bagian situs tidak dapat dibuat" in line for line in others), others


def test_a_valid_project_builds(tmp_path):
    run, site = build(tmp_path, "--strict")
    assert run.code == 0, run.err
    assert (site / "sop" / "surat-masuk" / "index.html").is_file()


@pytest.mark.parametrize(
    "name", ["registri-sintaks", "registri-hilang", "registri-daftar", "registri-entri-salah-jenis", "registri-id-huruf-besar"]
)
def test_an_sop_relying_on_a_broken_registry_is_not_published(tmp_path, name):
    run, site = build(tmp_path, fixture=BUILD_FIXTURES / name)  # without --strict: the site is written
    assert_no_traceback(run)
    assert run.code == 0, run.err
    assert (site / "index.html").is_file()
    assert not (site / "sop" / "surat-masuk" / "index.html").exists()


def test_a_fifo_and_a_link_to_dev_zero_are_refused(tmp_path):
    sources, _ = make_project(tmp_path)
    os.mkfifo(sources / "antrean.yml")
    (sources / "nol.yml").symlink_to("/dev/zero")
    run, site = build_into(tmp_path, tmp_path / "site", Path("sop"), "--strict", docs_dir=tmp_path / "docs")
    assert_no_traceback(run)
    assert run.code == 1
    assert error_lines(run)[:2] == [
        "sop/antrean.yml:1:1: SOP-Y003 galat: bukan berkas biasa (mis. pipa, perangkat atau folder); "
        "hanya berkas teks yang dibaca",
        "sop/nol.yml:1:1: SOP-Y003 galat: tautan simbolik ke luar folder sumber (/dev/zero); "
        "salin berkasnya ke dalam folder sumber",
    ]
    assert (site / "sop" / "surat-masuk" / "index.html").is_file()  # the good SOP is still there


def test_a_megabyte_word_is_refused_at_the_model(tmp_path):
    sources, _ = make_project(tmp_path)
    path = sources / "surat-masuk.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("output: Lembar disposisi", "output: " + "x" * 1_000_000))
    run, site = build_into(tmp_path, tmp_path / "site", Path("sop"), "--strict", docs_dir=tmp_path / "docs")
    assert_no_traceback(run)
    assert run.code == 1
    assert any(": SOP-S003 galat: 'output' (langkah 3): teks terlalu panjang (1000000 karakter" in line for line in error_lines(run))


@pytest.mark.parametrize("name", VALID_CASES)
def test_valid_build_fixture_builds_strict(tmp_path, name):
    run, site = build(tmp_path, "--strict", fixture=BUILD_FIXTURES / name)
    assert_no_traceback(run)
    assert run.code == 0, run.err
    assert error_lines(run) == []
    assert "tidak diterbitkan" not in (site / "index.html").read_text(encoding="utf-8")
