"""Where the sources are: the root with its registries, sub-folders, stray files."""

from __future__ import annotations

from pathlib import Path

from macros.load.discover import find_root, source_sets


def make(tree: dict[str, str], base: Path) -> None:
    for name, text in tree.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_root_is_the_nearest_folder_with_a_registry(tmp_path):
    make({"sop/_jabatan.yml": "", "sop/umum/a.yml": "", "sop/umum/dalam/b.yml": ""}, tmp_path)
    assert find_root(tmp_path / "sop/umum/dalam") == tmp_path / "sop"
    assert find_root(tmp_path / "sop/umum/a.yml") == tmp_path / "sop"


def test_sub_folders_are_walked_and_hidden_ones_skipped(tmp_path):
    make(
        {
            "sop/_jabatan.yml": "",
            "sop/b.yml": "",
            "sop/umum/a.yaml": "",
            "sop/.git/x.yml": "",
            "sop/_draf/y.yml": "",
            "sop/catatan.txt": "",
            "sop/umum/_lain.yml": "",
        },
        tmp_path,
    )
    (entry,) = source_sets([tmp_path / "sop"])
    assert entry.whole_root
    assert [p.relative_to(tmp_path).as_posix() for p in entry.sop_files] == ["sop/b.yml", "sop/umum/a.yaml"]
    assert [p.name for p in entry.other_underscore_files] == ["_lain.yml"]


def test_a_sub_folder_is_not_the_whole_root(tmp_path):
    make({"sop/_jabatan.yml": "", "sop/umum/a.yml": "", "sop/b.yml": ""}, tmp_path)
    (entry,) = source_sets([tmp_path / "sop/umum"])
    assert entry.root == tmp_path / "sop"
    assert not entry.whole_root
    assert [p.name for p in entry.sop_files] == ["a.yml"]


def test_naming_a_registry_checks_it_without_treating_it_as_an_sop(tmp_path):
    make({"sop/_jabatan.yml": ""}, tmp_path)
    (entry,) = source_sets([tmp_path / "sop/_jabatan.yml"])
    assert entry.sop_files == [] and entry.other_underscore_files == []


def test_upper_case_suffixes_are_named_not_ignored(tmp_path):
    make({"sop/_jabatan.yml": "", "sop/a.yml": "", "sop/B.YML": "", "sop/umum/c.Yaml": "", "sop/catatan.txt": ""}, tmp_path)
    (entry,) = source_sets([tmp_path / "sop"])
    assert [p.name for p in entry.sop_files] == ["a.yml"]
    assert [p.name for p in entry.misnamed_files] == ["B.YML", "c.Yaml"]


def test_record_folders_hold_records_never_sops(tmp_path):
    make(
        {
            "sop/_jabatan.yml": "",
            "sop/a.yml": "",
            "sop/_monitoring/2026-1.yml": "",
            "sop/_monitoring/umum/2025-2.yaml": "",
            "sop/_monitoring/2026-2.YML": "",
            "sop/_monitoring/catatan.txt": "",
            "sop/_evaluasi/2026.yml": "",
            "sop/_lain/2026.yml": "",
        },
        tmp_path,
    )
    (entry,) = source_sets([tmp_path / "sop"])
    rel = lambda paths: [p.relative_to(tmp_path / "sop").as_posix() for p in paths]  # noqa: E731
    assert rel(entry.sop_files) == ["a.yml"]
    assert {k: rel(v) for k, v in entry.record_files.items()} == {
        "_evaluasi": ["_evaluasi/2026.yml"],
        "_monitoring": ["_monitoring/2026-1.yml", "_monitoring/umum/2025-2.yaml"],
    }
    assert rel(entry.misnamed_files) == ["_monitoring/2026-2.YML"]
    (alone,) = source_sets([tmp_path / "sop/_monitoring/2026-1.yml"])
    assert alone.root == tmp_path / "sop" and not alone.sop_files and not alone.whole_root
    assert rel(alone.record_files["_monitoring"]) == ["_monitoring/2026-1.yml"]
    (folder,) = source_sets([tmp_path / "sop/_monitoring/umum"])
    assert rel(folder.record_files["_monitoring"]) == ["_monitoring/umum/2025-2.yaml"] and not folder.sop_files
    (one_sop,) = source_sets([tmp_path / "sop/a.yml"])
    assert one_sop.record_files == {}
