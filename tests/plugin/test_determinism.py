"""Same sources, same bytes: ties in every sort are broken, whatever the process's hash seed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import build_into
from tests.plugin.test_build_fixtures import make_project

pytestmark = pytest.mark.slow  # builds a whole site

TWINS = """
staf-arsip:
  nama: Pelaksana
  singkatan: Pelaksana
staf-agenda:
  nama: Pelaksana
  singkatan: Pelaksana
"""


def _digest(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.name != "sitemap.xml.gz"
    } | {"sitemap.xml.gz": hashlib.sha256((site / "sitemap.xml.gz").read_bytes()).hexdigest()}


def test_roles_with_one_name_and_agencies_differing_by_case_build_identically(tmp_path):
    sources, docs = make_project(tmp_path / "proyek")
    (sources / "_jabatan.yml").write_text((sources / "_jabatan.yml").read_text() + TWINS, encoding="utf-8")
    agencies = (sources / "_instansi.yml").read_text(encoding="utf-8")
    (sources / "_instansi.yml").write_text(
        agencies + agencies.replace("dinas-contoh:", "dinas-contoh-dua:").replace("Dinas Contoh Kabupaten", "DINAS CONTOH Kabupaten"),
        encoding="utf-8",
    )
    base = (sources / "surat-masuk.yml").read_text(encoding="utf-8")
    for i, (agency, role) in enumerate([("dinas-contoh", "staf-arsip"), ("dinas-contoh-dua", "staf-agenda")]):
        text = base.replace("nomor: 800/001/UMUM", f"nomor: 800/00{i + 2}/UMUM").replace("instansi: dinas-contoh", f"instansi: {agency}")
        (sources / f"surat-{i}.yml").write_text(text.replace("staf-umum", role), encoding="utf-8")
    digests = []
    for seed in ("1", "2", "3"):
        run, site = build_into(tmp_path / "proyek", tmp_path / f"site-{seed}", Path("sop"), "--strict", docs_dir=docs,
                               env={"PYTHONHASHSEED": seed})
        assert run.code == 0, run.err
        digests.append(_digest(site))
    assert digests[0] == digests[1] == digests[2]
