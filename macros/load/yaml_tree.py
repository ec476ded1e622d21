"""Parse YAML into plain data (dict / list / str / None) plus the position of every value.

Every scalar stays a string: `1.10`, a NIP or a nomor are never read as numbers,
and the typed model decides what each field means. Only an implicit null
(an empty value, `~`, `null`) becomes None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import codes
from ..failures import Failure
from ..findings import Finding, Location

try:  # libyaml is several times faster; the pure-Python loader gives the same nodes.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_NULL_TAG = "tag:yaml.org,2002:null"
MAX_NODES = 500_000  # guards against alias bombs ("billion laughs")
MAX_DEPTH = 200

KeyPath = tuple[Any, ...]  # where a value stands in the tree: its keys and list indexes from the top


@dataclass(slots=True)
class Locator:
    """Where each value (and each mapping key) of one file stood."""

    path: str
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    texts: list[tuple[KeyPath, str]] = field(default_factory=list)  # every non-null scalar, in file order

    def _nearest(self, table: dict[KeyPath, tuple[int, int]], where: KeyPath) -> Location:
        where = tuple(where)
        while where:
            if where in table:
                return Location(self.path, *table[where])
            if where in self.values:
                return Location(self.path, *self.values[where])
            where = where[:-1]
        return Location(self.path, *self.values.get((), (1, 1)))

    def value(self, *where: Any) -> Location:
        """The position of the value at `where`, or of its nearest enclosing value."""
        return self._nearest(self.values, where)

    def key(self, *where: Any) -> Location:
        """The position of the key that names `where` (falls back to the value)."""
        return self._nearest(self.keys, where)


@dataclass(slots=True)
class ParsedYaml:
    data: Any
    locator: Locator
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not any(f.code.startswith("SOP-Y") for f in self.findings)


_PROBLEMS_ID = {
    "mapping values are not allowed": "tanda ':' tidak boleh di sini (periksa indentasi, atau beri tanda kutip pada teks yang memuat ': ')",
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
    "did not find expected key": "kunci yang diharapkan tidak ditemukan (periksa indentasi)",
    "did not find expected '-' indicator": "tanda '-' yang diharapkan tidak ditemukan (periksa indentasi daftar)",
    "did not find expected node content": "isi nilai yang diharapkan tidak ditemukan",
    "found unexpected end of stream": "berkas berakhir sebelum waktunya (tanda kutip atau kurung belum ditutup?)",
    "found character that cannot start any token": "karakter yang tidak boleh mengawali nilai (tab untuk indentasi, atau '@'/'`' di awal teks?)",
    "found a tab character": "karakter tab tidak boleh dipakai untuk indentasi; pakai spasi",
    "found undefined alias": "alias (*nama) yang tidak didefinisikan",
    "but found another document": "berkas berisi lebih dari satu dokumen YAML",
    "control characters are not allowed": "berkas memuat karakter kendali (bukan teks biasa)",
    "found unknown escape character": "urutan escape yang tidak dikenal dalam teks bertanda kutip",
    "found duplicate anchor": "jangkar (&nama) yang sama didefinisikan dua kali",
    "found unexpected ':'": "tanda ':' yang tidak diharapkan",
    "did not find expected ',' or ']'": "diharapkan ',' atau ']' (kurung siku belum ditutup?)",
    "did not find expected ',' or '}'": "diharapkan ',' atau '}' (kurung kurawal belum ditutup?)",
    "expected ',' or ']'": "diharapkan ',' atau ']' (kurung siku belum ditutup?)",
    "expected ',' or '}'": "diharapkan ',' atau '}' (kurung kurawal belum ditutup?)",
    "expected <block end>": "indentasi tidak konsisten: baris ini tidak sejajar dengan kunci atau butir di atasnya",
    "expected <document start>": "berkas berisi lebih dari satu dokumen YAML",
    "expected a single document": "berkas berisi lebih dari satu dokumen YAML",
    "did not find expected <document start>": "berkas berisi lebih dari satu dokumen YAML",
    "expected alphabetic or numeric character": "nama jangkar/alias (& atau *) tidak sah; beri tanda kutip pada teks yang diawali '&' atau '*'",
    "expected a comment or a line break": "setelah penanda blok ('|' atau '>') harus baris baru",
    "did not find expected comment or line break": "setelah penanda blok ('|' atau '>') harus baris baru",
    "special characters are not allowed": "berkas memuat karakter kendali (bukan teks biasa)",
    "found undefined tag handle": "tag YAML ('!...') tidak dikenal; beri tanda kutip pada teks yang diawali '!'",
    "could not determine a constructor": "tag YAML ('!...') tidak dikenal; beri tanda kutip pada teks yang diawali '!'",
    "expected the node content": "isi nilai yang diharapkan tidak ditemukan",
    "expected escape sequence": "urutan escape (\\x, \\u) tidak lengkap dalam teks bertanda kutip",
    "found unexpected end of stream": "berkas berakhir sebelum waktunya (tanda kutip atau kurung belum ditutup?)",
    "found unexpected document end": "penanda akhir dokumen ('...') di tempat yang salah",
    "found incompatible YAML document": "versi YAML (%YAML) tidak didukung",
    "found duplicate": "direktif YAML ditulis dua kali",
}


def _problem_id(problem: str | None) -> str:
    problem = (problem or "").strip()
    for english, indonesian in _PROBLEMS_ID.items():
        if problem.startswith(english) or english in problem:
            return indonesian
    if problem.startswith("found character") and "cannot start any token" in problem:
        return _PROBLEMS_ID["found character that cannot start any token"]
    return "sintaks YAML tidak sah di sini (periksa indentasi, tanda kutip dan kurung)"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def decode(raw: bytes, display: str) -> tuple[str | None, list[Finding]]:
    """Bytes to text; a file that is not UTF-8 is one finding, never an exception."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            codes.YAML_SYNTAX.at(
                Location(display, line, col),
                f"berkas bukan teks UTF-8 (bait 0x{raw[exc.start]:02x} tidak sah); simpan sebagai UTF-8",
            )
        ]


def parse_text(text: str, display: str) -> ParsedYaml:
    locator = Locator(display)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        return ParsedYaml(None, locator, [codes.YAML_SYNTAX.at(Location(display, line, col), _problem_id(problem))])
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        return ParsedYaml(None, locator, [codes.YAML_SYNTAX.at(Location(display, line, col), _problem_id(exc.reason))])
    except (yaml.YAMLError, RecursionError, MemoryError) as exc:
        reason = "struktur bersarang terlalu dalam" if isinstance(exc, RecursionError) else _problem_id(str(exc))
        return ParsedYaml(None, locator, [codes.YAML_SYNTAX.at(Location(display, 1, 1), reason)])
    if root is None:
        return ParsedYaml(None, locator, [])
    converter = _Converter(locator)
    try:
        data = converter.convert(root, ())
    except _TooLarge as exc:
        return ParsedYaml(None, locator, [codes.YAML_SYNTAX.at(exc.location, exc.message)])
    return ParsedYaml(data, locator, converter.findings)


class _TooLarge(Failure):
    def __init__(self, location: Location, message: str):
        super().__init__(message)
        self.location = location
        self.message = message


class _Converter:
    """Node tree to plain data. The hot path (scalars) is kept short: it runs once per value."""

    def __init__(self, locator: Locator):
        self.locator = locator
        self.findings: list[Finding] = []
        self.count = 0
        self.active: set[int] = set()

    def convert(self, node: yaml.Node, path: KeyPath) -> Any:
        mark = node.start_mark
        here = (mark.line + 1, mark.column + 1)
        self.locator.values[path] = here
        self.count += 1
        if type(node) is yaml.ScalarNode:
            if node.tag == _NULL_TAG and not node.style:
                return None
            self.locator.texts.append((path, node.value))
            return node.value
        if self.count > MAX_NODES:
            raise _TooLarge(Location(self.locator.path, *here), "berkas terlalu besar atau memakai alias berlebihan")
        if len(path) > MAX_DEPTH:
            raise _TooLarge(Location(self.locator.path, *here), "struktur bersarang terlalu dalam")
        if id(node) in self.active:
            raise _TooLarge(Location(self.locator.path, *here), "alias merujuk dirinya sendiri")
        self.active.add(id(node))
        try:
            if type(node) is yaml.SequenceNode:
                convert = self.convert
                return [convert(item, path + (i,)) for i, item in enumerate(node.value)]
            return self._mapping(node, path)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict:
        result: dict[str, Any] = {}
        keys = self.locator.keys
        convert = self.convert
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            key_at = (mark.line + 1, mark.column + 1)
            if type(key_node) is not yaml.ScalarNode or (key_node.tag == _NULL_TAG and not key_node.style):
                self.findings.append(codes.WRONG_TYPE.at(Location(self.locator.path, *key_at), "kunci harus berupa teks biasa"))
                continue
            key = key_node.value
            where = path + (key,)
            if key in result:
                self.findings.append(
                    codes.YAML_DUPLICATE_KEY.at(
                        Location(self.locator.path, *key_at),
                        f"kunci '{key}' sudah ditulis di baris {keys[where][0]}; hapus salah satunya",
                    )
                )
                continue
            keys[where] = key_at
            result[key] = convert(value_node, where)
        return result


def parse_bytes(raw: bytes, display: str) -> ParsedYaml:
    text, findings = decode(raw, display)
    if text is None:
        return ParsedYaml(None, Locator(display), findings)
    return parse_text(text, display)
