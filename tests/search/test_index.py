"""The Pagefind index the build writes: where, what it holds, the same bytes every time, and a
failing Pagefind reported in one line."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from macros.search import canonical, index
from macros.search.index import UNUSED, SearchIndexFailed, write_index
from macros.search.record import SearchRecord

ROLES = ["Kepala Dinas", "Sekretaris", "Kasubbag Keuangan", "Staf Umum", "Bendahara"]
AGENCIES = ["Dinas Kesehatan", "Dinas Pendidikan", "Bappeda"]


def _record(n: int) -> SearchRecord:
    roles = "".join(f'<span data-pagefind-filter="pelaksana[data-nilai]" data-nilai="{r}"></span>'
                    for r in ROLES[n % 3: n % 3 + 3])
    html = (f'<html lang="id"><body><main data-pagefind-body><h1 data-pagefind-meta="title">Surat Nomor {n}</h1>'
            f'<span data-pagefind-filter="instansi[data-nilai]" data-nilai="{AGENCIES[n % 3]}"></span>{roles}'
            f'<p>{n:03d}/0{n}/DINAS memperbaiki surat masuk</p></main></body></html>')
    return SearchRecord(f"sop/surat-{n}/", html)


RECORDS = [_record(n) for n in range(30)]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_index_is_written_under_pagefind_without_pagefinds_own_interfaces(tmp_path):
    report = write_index(RECORDS, tmp_path)
    bundle = tmp_path / "pagefind"
    assert report.pages == 30 and report.files == len(_files(bundle))
    assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.id.pagefind").is_file()
    assert not [name for name in UNUSED if (bundle / name).exists()]
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["id"]["page_count"] == 30 and entry["languages"]["id"]["wasm"] == "id"


def test_the_same_records_give_the_same_bytes_in_any_order(tmp_path):
    first = _files(write_index(RECORDS, tmp_path / "a") and tmp_path / "a" / "pagefind")
    for n in range(3):  # Pagefind's own filter files come out in a different order run to run
        shuffled = RECORDS[:]
        random.Random(n).shuffle(shuffled)
        write_index(shuffled, tmp_path / f"b{n}")
        assert _files(tmp_path / f"b{n}" / "pagefind") == first


def test_each_filter_lists_its_values_in_order_and_the_metadata_names_the_files(tmp_path):
    write_index(RECORDS, tmp_path)
    bundle = tmp_path / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = canonical._read(bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")
    names = [name for name, _ in meta[3]]
    assert names == sorted(names) == ["instansi", "pelaksana"]
    for name, file_hash in meta[3]:
        key, values = canonical._read(bundle / "filter" / f"{file_hash}.pf_filter")
        assert key == name and [v for v, _ in values] == sorted(v for v, _ in values)
    assert {v for v, _ in canonical._read(bundle / "filter" / f"{meta[3][0][1]}.pf_filter")[1]} == set(AGENCIES)
    assert len(list((bundle / "filter").iterdir())) == 2  # the files Pagefind named are gone


def test_a_rebuild_replaces_the_old_index(tmp_path):
    write_index(RECORDS, tmp_path)
    write_index(RECORDS[:3], tmp_path)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["id"]["page_count"] == 3
    assert len(list((tmp_path / "pagefind").glob("*.pf_meta"))) == 1


def test_no_record_leaves_no_index(tmp_path):
    write_index(RECORDS[:2], tmp_path)
    assert write_index([], tmp_path) == index.IndexReport(0, 0)
    assert not (tmp_path / "pagefind").exists()


@pytest.mark.parametrize("value", [0, 23, 24, 255, 256, 65536, 2**32, "", "Kasubbag Keuangan", "é€", b"\x00\xff",
                                   [], [1, ["a", [2, 3]]], ["x" * 300, list(range(30))]])
def test_cbor_round_trip(value):
    data = canonical.encode(value)
    assert canonical.decode(data) == (value, len(data))


def test_an_unknown_layout_is_refused(tmp_path):
    write_index(RECORDS[:2], tmp_path)
    bundle = tmp_path / "pagefind"
    meta = next(bundle.glob("*.pf_meta"))
    meta.write_bytes(gzip.compress(b"bukan pagefind"))
    with pytest.raises(canonical.UnexpectedFormat):
        canonical.canonicalize(bundle)


def test_a_failing_pagefind_is_one_line_and_names_no_source(tmp_path, monkeypatch):
    program = tmp_path / "pagefind"
    program.write_text("#!/bin/sh\necho 'Error: something broke' >&2\nexit 3\n")
    program.chmod(0o755)
    monkeypatch.setattr(index, "pagefind_program", lambda: program)
    with pytest.raises(SearchIndexFailed) as failed:
        write_index(RECORDS[:2], tmp_path / "site")
    assert str(failed.value) == "Error: something broke"
    monkeypatch.setattr(index, "pagefind_program", lambda: tmp_path / "tidak-ada")
    with pytest.raises(SearchIndexFailed):
        write_index(RECORDS[:2], tmp_path / "site")
