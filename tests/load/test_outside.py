"""Nothing is read from outside the sources: a folder linked out of `sop/` is refused like a file
link (SOP-Y003), and the sources' revision hashes only what loading reads, with its caps (issue 23)."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from macros.load.revisions import sources_revision
from tests.conftest import CHECK_FIXTURES, REPO, run_cli

SLUG = "valid-monev"
SECRET = "aws_secret_access_key"


def _sources(tmp_path: Path) -> Path:
    root = tmp_path / "proyek" / "sop"
    shutil.copytree(CHECK_FIXTURES / SLUG, root, ignore=shutil.ignore_patterns("_monitoring", "_evaluasi", "expected.txt"))
    return root


def _foreign(tmp_path: Path, kind: str) -> Path:
    """A folder outside the sources: a record that would be valid, and someone's secrets in YAML."""
    outside = tmp_path / "rumah" / kind
    outside.mkdir(parents=True)
    source = CHECK_FIXTURES / SLUG / f"_{kind}"
    for path in source.iterdir():
        shutil.copy(path, outside / path.name)
    (outside / "kredensial.yml").write_text(f"{SECRET}: AKIA-rahasia\nregion: ap-southeast-3\n", encoding="utf-8")
    return outside


def _check(root: Path):
    return run_cli("check", "sop", cwd=root.parent)


@pytest.mark.parametrize("folder, kind", [("_monitoring", "monitoring"), ("_evaluasi", "evaluasi")])
def test_a_record_folder_linked_out_of_the_sources_is_refused_unread(tmp_path, folder, kind):
    root = _sources(tmp_path)
    outside = _foreign(tmp_path, kind)
    (root / folder).symlink_to(outside, target_is_directory=True)
    result = _check(root)
    assert result.code == 1
    assert SECRET not in result.out and "region" not in result.out
    assert result.lines == [
        f"sop/{folder}:1:1: SOP-Y003 galat: folder ini tautan simbolik ke luar folder sumber (ke {outside}); "
        "isinya tidak dibaca: salin foldernya ke dalam folder sumber",
        "GAGAL: 1 SOP diperiksa, 1 galat, 0 peringatan.",  # no record file read
    ]


def test_a_folder_linked_out_below_the_sources_is_refused(tmp_path):
    """A unit's folder of SOPs, or a subfolder of records, linked from elsewhere: named, never read
    (before, it was passed over without a word)."""
    root = _sources(tmp_path)
    outside = _foreign(tmp_path, "monitoring")
    (root / "unit").symlink_to(outside, target_is_directory=True)
    (root / "_monitoring").mkdir()
    (root / "_monitoring" / "bidang").symlink_to(outside, target_is_directory=True)
    result = _check(root)
    assert SECRET not in result.out
    assert [line.split(": ")[0:2] for line in result.lines[:-1]] == [
        ["sop/_monitoring/bidang:1:1", "SOP-Y003 galat"], ["sop/unit:1:1", "SOP-Y003 galat"],
    ]


def test_a_folder_linked_inside_the_sources_is_read_where_it_is(tmp_path):
    root = _sources(tmp_path)
    (root / "arsip").mkdir()
    shutil.copy(root / f"{SLUG}.yml", root / "arsip" / "kedua.yml")
    (root / "arsip" / "kedua.yml").write_text(
        (root / f"{SLUG}.yml").read_text(encoding="utf-8").replace("800/001/UMUM", "800/002/UMUM"), encoding="utf-8")
    (root / "tautan").symlink_to(root / "arsip", target_is_directory=True)
    result = _check(root)
    assert result.lines == ["LULUS: 2 SOP diperiksa, 0 galat, 0 peringatan."], result.out


def test_a_record_file_reached_through_a_linked_folder_is_refused_when_named(tmp_path):
    """`sop check sop/unit/x.yml` where `unit` links out: the file's real place decides, not its name."""
    root = _sources(tmp_path)
    outside = tmp_path / "luar"
    outside.mkdir()
    shutil.copy(root / f"{SLUG}.yml", outside / "lain.yml")
    (root / "unit").symlink_to(outside, target_is_directory=True)
    from macros.load.files import read_source

    raw, findings = read_source(root / "unit" / "lain.yml", "sop/unit/lain.yml", root)
    assert raw is None and [f.code for f in findings] == ["SOP-Y003"]


# -- the sources' revision ----------------------------------------------------------------------

def test_the_revision_hashes_the_sources_only(tmp_path):
    root = _sources(tmp_path)
    (root / "_monitoring").mkdir()
    shutil.copy(CHECK_FIXTURES / SLUG / "_monitoring" / "2026-1.yml", root / "_monitoring" / "2026-1.yml")
    first = sources_revision(root)
    assert first.kind == "sha256"
    (root / "pindaian.pdf").write_bytes(b"%PDF-1.7 scan")  # a scan beside its YAML is not a source
    (root / "catatan.txt").write_text("draf\n")
    (root / ".arsip").mkdir()
    (root / ".arsip" / "lama.yml").write_text("judul: lama\n")
    assert sources_revision(root) == first
    (root / "_monitoring" / "2026-1.yml").write_text("periode: 2026-1\n")  # a record is a source
    second = sources_revision(root)
    assert second != first
    (root / f"{SLUG}.yml").write_text((root / f"{SLUG}.yml").read_text(encoding="utf-8") + "\n")
    assert sources_revision(root) != second


def test_the_revision_reads_no_big_or_foreign_file_whole(tmp_path):
    """Sparse 3 GB files as a source, a scan and a link's target, under a 1 GB memory limit: no
    MemoryError, and the revision says which files could not be read (their reason, not their bytes)."""
    root = _sources(tmp_path)
    outside = tmp_path / "luar.bin"
    for big in (root / "besar.yml", root / "pindaian.pdf", outside):
        subprocess.run(["truncate", "-s", "3G", str(big)], check=True)
    (root / "tautan.yml").symlink_to(outside)
    (root / "data").symlink_to(tmp_path, target_is_directory=True)  # a folder link out: never followed
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        sys.path.insert(0, {str(REPO)!r})
        from macros.load.revisions import sources_revision
        print(sources_revision(__import__("pathlib").Path({str(root)!r})).value)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env=os.environ | {"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert done.returncode == 0 and "MemoryError" not in done.stderr, done.stderr[-2000:]
    assert done.stdout.strip().startswith("sha256:")
    # the same folder without the scan: the same revision (it is not a source)
    (root / "pindaian.pdf").unlink()
    assert sources_revision(root).value == done.stdout.strip()


assert resource.RLIMIT_AS  # the memory limit the test above relies on (Linux)


def test_a_linked_folder_named_on_its_own_is_refused_unread(tmp_path):
    """`sop check sop/_monitoring` (or `sop check sop/unit`) where that folder links out: the same one
    line, and nothing of the foreign folder read, as when the whole sources folder is checked."""
    root = _sources(tmp_path)
    outside = _foreign(tmp_path, "monitoring")
    (root / "_monitoring").symlink_to(outside, target_is_directory=True)
    (root / "unit").symlink_to(outside, target_is_directory=True)
    for named in ("sop/_monitoring", "sop/unit"):
        result = run_cli("check", named, cwd=root.parent)
        assert SECRET not in result.out and "region" not in result.out, result.out
        assert [line.split(": ")[:2] for line in result.lines[:-1]] == [[f"{named}:1:1", "SOP-Y003 galat"]], result.out
    # a file named through its link: refused as a link out, not read where it points
    (root / "luar.yml").symlink_to(outside / "kredensial.yml")
    result = run_cli("check", "sop/luar.yml", cwd=root.parent)
    assert SECRET not in result.out and result.lines[0].startswith("sop/luar.yml:1:1: SOP-Y003 galat: tautan simbolik"), result.out
