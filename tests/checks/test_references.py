"""Keterkaitan naming the SOP itself: the title as real sources write it (SOP-K002)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from macros.checks.references import same_title

TITLE = "Pelayanan Surat Masuk"
NOMOR = "800/001/UMUM"


@pytest.mark.parametrize("written", [
    "SOP Pelayanan Surat Masuk",
    "sop  pelayanan surat   MASUK",
    "Pelayanan Surat Masuk.",
    "“Pelayanan Surat Masuk”",
    "'Pelayanan Surat Masuk'",
    "SOP-Pelayanan Surat Masuk",
    "S.O.P. Pelayanan Surat Masuk",
    "Standar Operasional Prosedur Pelayanan Surat Masuk",
    "Standar Operasional Prosedur (SOP) Pelayanan Surat Masuk",
    "STANDAR OPERASIONAL PROSEDUR TENTANG PELAYANAN SURAT MASUK",
    "SOP AP Pelayanan Surat Masuk",
    "SOP Nomor 800/001/UMUM tentang Pelayanan Surat Masuk",
    "SOP Pelayanan Surat Masuk (No. 800/001/UMUM)",
    "SOP Pelayanan\nSurat\u00a0Masuk",
    "ＳＯＰ Pelayanan Surat Masuk",  # full-width letters (NFKC)
])
def test_the_own_title_written_otherwise_is_the_same_title(written):
    assert same_title(written, TITLE, NOMOR)


@pytest.mark.parametrize("written", [
    "SOP Pelayanan Surat Keluar",
    "Pelayanan Surat Masuk Elektronik",
    "SOP Surat Masuk",
    "SOP",
    "",
    "SOP Nomor 800/002/UMUM tentang Pelayanan Surat Masuk",  # another SOP's nomor: not this one
])
def test_another_title_is_not(written):
    assert not same_title(written, TITLE, NOMOR)


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäé0123456789", min_size=1, max_size=8).filter(
    lambda w: w not in ("sop", "s", "o", "p", "ap", "tentang", "standar", "standard", "nomor", "no"))


@given(
    words=st.lists(WORD, min_size=1, max_size=6),
    prefix=st.sampled_from(["", "SOP ", "sop: ", "S.O.P ", "Standar Operasional Prosedur ", "SOP tentang "]),
    quote=st.sampled_from([("", ""), ("“", "”"), ('"', '"'), ("'", "'")]),
    end=st.sampled_from(["", ".", " .", ";"]),
    space=st.sampled_from([" ", "  ", "\n", "\u00a0", " - "]),
    upper=st.booleans(),
)
def test_decorations_of_any_title_do_not_count_but_its_words_do(words, prefix, quote, end, space, upper):
    title = " ".join(words)
    written = f"{prefix}{quote[0]}{space.join(words)}{quote[1]}{end}"
    written = written.upper() if upper else written
    assert same_title(written, title)
    assert not same_title(written + " lain", title)
    if len(words) > 1:
        assert not same_title(" ".join(words[:-1]), title)


NUMBERS = ["800/001/UMUM", "800/002/UMUM", "001", "UMUM", "", "12 TAHUN 2020"]
TITLES = ["Pelayanan Surat Masuk", "Pelayanan Surat Keluar", "Surat Masuk", "SOP Pelayanan Surat Masuk",
          "Nomor 001 Pelayanan", "Pelayanan Surat Masuk UMUM", "Tahun 2020"]


@given(
    sops=st.lists(st.tuples(st.sampled_from(TITLES), st.sampled_from(NUMBERS)), min_size=1, max_size=8),
    prefix=st.sampled_from(["", "SOP ", "SOP Nomor 800/001/UMUM tentang ", "SOP No. 001 "]),
    title=st.sampled_from(TITLES),
    suffix=st.sampled_from(["", " (No. 800/002/UMUM)", " UMUM", " 12 Tahun 2020"]),
)
def test_the_title_index_finds_what_comparing_with_every_sop_finds(sops, prefix, title, suffix):
    """Looked up (checks/references.py TitleIndex) instead of compared with each of thousands of SOPs:
    the same SOPs, whatever nomor a reference writes with the title."""
    from types import SimpleNamespace

    from macros.checks.references import TitleIndex

    documents = [SimpleNamespace(sop=SimpleNamespace(title=t, number=n or None)) for t, n in sops]
    written = prefix + title + suffix
    found = {id(d) for d in TitleIndex(documents).titled(written)}
    assert found == {id(d) for d in documents if same_title(written, d.sop.title, d.sop.number)}
