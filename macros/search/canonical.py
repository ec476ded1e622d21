"""Make Pagefind's output the same bytes for the same records.

Pagefind 1.5 writes each filter's values in the order of a Rust hash map, which changes from run to
run, and its metadata names the filter files by the hash of their bytes. This puts every filter's
values in order (and the filters in the metadata by name), names the files anew from their bytes,
and points the metadata and pagefind-entry.json at the new names. Only the filter files and the
metadata are touched; the word index and the fragments are already stable.

The files are gzip'd CBOR after the signature `pagefind_dcd` (pagefind/src/output/mod.rs): a filter
file is `[name, [[value, [page, ...]], ...]]`, the metadata `[version, pages, chunks, filters,
sorts, meta keys]` with `filters` a list of `[name, hash]`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from ..failures import Failure

SIGNATURE = b"pagefind_dcd"
FILTER_HASH = 7  # hex digits of a filter file's name, as Pagefind names them
META_HASH = 10  # hex digits of the metadata's name


class UnexpectedFormat(Failure):
    """The files are not laid out as this Pagefind version writes them."""


# --- a CBOR reader and writer for what these files hold: unsigned ints, text, bytes, arrays ----------

def _head(data: bytes, at: int) -> tuple[int, int, int]:
    first = data[at]
    major, info = first >> 5, first & 31
    at += 1
    if info < 24:
        return major, info, at
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise UnexpectedFormat(f"CBOR: panjang tak tentu ({info}) tidak didukung")
    return major, int.from_bytes(data[at:at + size], "big"), at + size


def decode(data: bytes, at: int = 0):
    major, arg, at = _head(data, at)
    if major == 0:
        return arg, at
    if major == 2:
        return bytes(data[at:at + arg]), at + arg
    if major == 3:
        return data[at:at + arg].decode("utf-8"), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    raise UnexpectedFormat(f"CBOR: jenis {major} tidak diharapkan")


def _encode_head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise UnexpectedFormat("CBOR: bilangan terlalu besar")


def encode(value) -> bytes:
    if isinstance(value, bool) or not isinstance(value, (int, str, bytes, list)):
        raise UnexpectedFormat(f"CBOR: {type(value).__name__} tidak didukung")
    if isinstance(value, int):
        return _encode_head(0, value)
    if isinstance(value, bytes):
        return _encode_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    return _encode_head(4, len(value)) + b"".join(encode(v) for v in value)


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnexpectedFormat(f"{path.name}: tanda tangan Pagefind tidak ada")
    value, end = decode(data, len(SIGNATURE))
    if end != len(data):
        raise UnexpectedFormat(f"{path.name}: ada sisa data")
    return value


def _gzipped(value) -> bytes:
    return gzip.compress(SIGNATURE + encode(value), compresslevel=9, mtime=0)


def _name(content: bytes, language: str, digits: int) -> str:
    return f"{language}_{hashlib.sha256(content).hexdigest()[:digits]}"


def canonicalize(bundle: Path) -> None:
    """Rewrite `bundle` (a Pagefind output folder of one language) in place."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    languages = entry.get("languages") or {}
    if len(languages) != 1:
        raise UnexpectedFormat("pagefind-entry.json: diharapkan satu bahasa")
    (language, about), = languages.items()
    meta_path = bundle / f"pagefind.{about['hash']}.pf_meta"
    meta = _read(meta_path)
    if not (isinstance(meta, list) and len(meta) >= 4 and isinstance(meta[3], list)):
        raise UnexpectedFormat(f"{meta_path.name}: susunan tidak dikenal")
    filters = []
    for name, old in meta[3]:
        old_path = bundle / "filter" / f"{old}.pf_filter"
        key, values = _read(old_path)
        content = _gzipped([key, sorted(values, key=lambda pair: pair[0])])
        new = _name(content, language, FILTER_HASH)
        old_path.unlink()
        (bundle / "filter" / f"{new}.pf_filter").write_bytes(content)
        filters.append([name, new])
    meta[3] = sorted(filters)
    content = _gzipped(meta)
    new_meta = _name(content, language, META_HASH)
    meta_path.unlink()
    (bundle / f"pagefind.{new_meta}.pf_meta").write_bytes(content)
    about["hash"] = new_meta
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
