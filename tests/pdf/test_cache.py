"""The PDF cache: keys that cannot collide, entries checked before use, unused entries removed."""

from __future__ import annotations

import os

from macros.pdf.cache import PdfCache, key_of

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def test_keys_are_length_prefixed():
    assert key_of("ab", "c") != key_of("a", "bc")
    assert key_of("a", b"b") == key_of(b"a", "b")


def test_round_trip_and_counts(tmp_path):
    cache = PdfCache(tmp_path / "pdf")
    assert cache.get("k") is None
    cache.put("k", PDF)
    assert cache.get("k") == PDF
    assert (cache.hits, cache.misses) == (1, 1)


def test_a_truncated_or_foreign_entry_is_not_used(tmp_path):
    cache = PdfCache(tmp_path)
    (tmp_path / "cut.pdf").write_bytes(PDF[:20])
    (tmp_path / "html.pdf").write_bytes(b"<html></html>")
    os.symlink(tmp_path / "elsewhere", tmp_path / "link.pdf")
    (tmp_path / "elsewhere").write_bytes(PDF)
    assert [cache.get(key) for key in ("cut", "html", "link")] == [None, None, None]


def test_prune_keeps_what_the_build_used(tmp_path):
    old = PdfCache(tmp_path)
    old.put("old", PDF)
    old.put("kept", PDF)
    (tmp_path / "x.tmp").write_bytes(b"")
    new = PdfCache(tmp_path)
    assert new.get("kept") == PDF
    new.put("new", PDF)
    new.prune()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.pdf", "new.pdf"]
