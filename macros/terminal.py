"""Text printed to a terminal: source text shown, never obeyed.

A finding quotes YAML keys, file names and step texts; `sop diff` quotes steps. Written raw, an
escape sequence in a key retitles the terminal or erases the previous line, a newline in a file
name splits one finding over two lines, a `\\r` in a step overwrites its own line, and a
right-to-left override reverses what follows. Every command prints through `printable` (one line)
or `printable_json` (a JSON document), so such characters are shown as escapes instead: `\\n`,
`\\r`, `\\t`, `\\x1b`, `\\u202e`.

Escaped: controls (Unicode category Cc: C0, DEL, C1), format characters (Cf: bidi controls,
zero-width space, soft hyphen…), line and paragraph separators (Zl, Zp), and lone surrogates (Cs:
a file name that is not UTF-8, which `print` could not even encode)."""

from __future__ import annotations

import logging
import re
import unicodedata

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CANDIDATE = re.compile(r"[^\x20-\x7e]")  # printable ASCII is always safe: look only at the rest


def _unsafe(char: str) -> bool:
    return unicodedata.category(char) in _UNSAFE_CATEGORIES


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: str) -> str:
    """`text` as one terminal line that shows every character and obeys none."""
    return _CANDIDATE.sub(lambda m: _escape(m.group()) if _unsafe(m.group()) else m.group(), text)


def printable_json(document: str) -> str:
    """A JSON document (from json.dumps) whose strings hold no character a terminal would obey:
    each is written as its \\uXXXX escape, which any JSON reader reads back as the character.
    json.dumps already escapes C0 controls inside strings, so a raw line break is the layout's."""
    return _CANDIDATE.sub(
        lambda m: _json_escape(m.group()) if m.group() >= "\x7f" and _unsafe(m.group()) else m.group(), document
    )


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # JSON spells a code point past U+FFFF as a surrogate pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


class PrintableRecords(logging.Filter):
    """A logger's messages made printable (`printable`) before any handler writes them: the
    `sop` plugin's log under `mkdocs build`, `mkdocs serve` and `sop build` alike."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        safe = printable(message)
        if safe != message or record.args:
            record.msg, record.args = safe, None
        return True
