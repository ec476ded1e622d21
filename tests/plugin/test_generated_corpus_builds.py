"""Every input that `sop check` accepts builds: generated legal corpora build with `--strict`."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import build_into, run_cli
from tests.render.test_flowchart_property import ELEVEN_EXITS, FIVE_LOOPS_ONE_ACTOR, MOST_EXITS_ONE_ACTOR, TWO_ACTORS_CROSSING_PAGES
from tests.strategies import as_signed, corpora, sop_sources, write_corpus

pytestmark = pytest.mark.slow  # builds a whole site

_counter = itertools.count()


def _build_corpus(work: Path, sources: list[dict], strict: bool = True) -> Path:
    folder = write_corpus(work / "sop", sources)
    check = run_cli("check", *(["--strict"] if strict else []), str(folder))
    assert check.code == 0, check.out
    run, site = build_into(work, work / "site", folder, "--strict", cache_dir=str(work / "cache"))
    output = run.out + run.err
    assert run.code == 0 and "Traceback" not in output, output
    for i in range(1, len(sources) + 1):
        page = site / "sop" / f"sop-uji-{i}" / "index.html"
        assert page.is_file()
        html = page.read_text(encoding="utf-8")
        assert html.count('class="sop-halaman-cetak"') >= 1
        assert not re.search(r"<script>alert|galat internal", html)
    return site


@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(corpora(max_sops=4))
def test_generated_legal_corpora_build_strictly(tmp_path_factory, sources):
    _build_corpus(tmp_path_factory.mktemp(f"korpus{next(_counter)}"), sources)


@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(sop_sources(max_steps=12).flatmap(as_signed), min_size=1, max_size=2))
def test_sources_as_signed_build(tmp_path_factory, sources):
    """What a signed source leaves out or writes its own way is accepted with warnings, and builds."""
    _build_corpus(tmp_path_factory.mktemp(f"apa-adanya{next(_counter)}"), sources, strict=False)


def test_the_hardest_known_flows_build_and_print(tmp_path):
    sources = [TWO_ACTORS_CROSSING_PAGES, FIVE_LOOPS_ONE_ACTOR, ELEVEN_EXITS, MOST_EXITS_ONE_ACTOR]
    site = _build_corpus(tmp_path, sources)
    wide = (site / "sop" / "sop-uji-4" / "index.html").read_text(encoding="utf-8")
    assert 'class="sop-kolom-jalur"' in wide  # the lane margin has its own column, not clipped
