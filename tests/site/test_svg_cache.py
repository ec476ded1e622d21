"""The swimlane SVG cache and `dot` runner: every failure is one DotFailed line, and a cache
entry is used only when it is exactly what `dot` drew for that DOT text."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest

from macros.site import swimlanes
from macros.site.swimlanes import DotFailed, DotMissing, SvgCache, svg_problem

DOT = 'digraph g { a [label="Mulai"]; b [label="Selesai", tooltip="akhir"]; a -> b [class="sop-alur"]; }\n'
OTHER = "digraph g { x -> y; }\n"


def _key(dot: str) -> str:
    return hashlib.sha256(dot.encode("utf-8")).hexdigest()


def _fake_dot(tmp_path: Path, monkeypatch, script: str) -> Path:
    """A `dot` first on PATH that runs `script` (sh) instead of Graphviz."""
    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir(exist_ok=True)
    dot = bin_dir / "dot"
    dot.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    dot.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return dot


@pytest.fixture
def calls(tmp_path, monkeypatch) -> Path:
    """A `dot` first on PATH that logs each call, then runs the real one. Returns the log."""
    real = shutil.which("dot")
    if not real:
        pytest.fail("program 'dot' (graphviz) tidak ada; jalankan bash .ci/install")
    log = tmp_path / "dot-calls.log"
    _fake_dot(tmp_path, monkeypatch, f'echo call >> "{log}"\nexec "{real}" "$@"')
    return log


def _count(log: Path) -> int:
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp")) if directory.exists() else []


def test_a_diagram_is_drawn_once_then_reused_without_dot(tmp_path, calls):
    cache_dir = tmp_path / "cache"
    first = SvgCache(cache_dir)
    svg = first.svg(DOT)
    assert svg.startswith("<svg") and "Mulai" in svg and (first.drawn, first.reused) == (1, 0)
    again = SvgCache(cache_dir)
    assert again.svg(DOT) == svg
    assert (again.drawn, again.reused) == (0, 1)
    assert _count(calls) == 1  # the rebuild ran dot zero times
    assert [p.name for p in cache_dir.iterdir()] == [f"{_key(DOT)}.svg"]


def test_the_entry_is_an_svg_file_behind_a_line_naming_key_and_digest(tmp_path, calls):
    cache_dir = tmp_path / "cache"
    svg = SvgCache(cache_dir).svg(DOT)
    data = (cache_dir / f"{_key(DOT)}.svg").read_bytes()
    header, body = data.split(b"\n", 1)
    assert header == f"<!-- sop-swimlane 1 {_key(DOT)} {hashlib.sha256(body).hexdigest()} -->".encode()
    assert body.decode("utf-8") == svg


def _tamper_script(data: bytes, key: str) -> bytes:
    """An attacker who knows the format: a script in the body, and a digest to match."""
    body = data.split(b"\n", 1)[1].replace(b"</svg>", b"<script>alert(1)</script></svg>")
    return f"<!-- sop-swimlane 1 {key} {hashlib.sha256(body).hexdigest()} -->\n".encode() + body


def _tamper_attribute(data: bytes, key: str) -> bytes:
    body = data.split(b"\n", 1)[1].replace(b"<svg ", b'<svg onload="alert(1)" ', 1)
    return f"<!-- sop-swimlane 1 {key} {hashlib.sha256(body).hexdigest()} -->\n".encode() + body


def _with_digest(body: bytes):
    """An entry whose header is right for `body`, whatever `body` is."""
    return lambda data, key: f"<!-- sop-swimlane 1 {key} {hashlib.sha256(body).hexdigest()} -->\n".encode() + body


BAD_ENTRIES = {
    "truncated": lambda data, key: data[: len(data) // 2],
    "empty": lambda data, key: b"",
    "old format (no header)": lambda data, key: data.split(b"\n", 1)[1],
    "body edited, digest stale": lambda data, key: data.replace(b"Mulai", b"Mulaj"),
    "script, digest recomputed": _tamper_script,
    "event attribute, digest recomputed": _tamper_attribute,
    "invalid UTF-8, digest recomputed": _with_digest(b"<svg>\xff\xfe</svg>"),
    "not XML, digest recomputed": _with_digest(b"<svg><g>"),
}


@pytest.mark.parametrize("how", sorted(BAD_ENTRIES))
def test_an_unsound_entry_is_redrawn_and_overwritten(tmp_path, calls, how):
    cache_dir = tmp_path / "cache"
    svg = SvgCache(cache_dir).svg(DOT)
    entry = cache_dir / f"{_key(DOT)}.svg"
    good = entry.read_bytes()
    entry.write_bytes(BAD_ENTRIES[how](good, _key(DOT)))
    cache = SvgCache(cache_dir)
    assert cache.svg(DOT) == svg
    assert (cache.drawn, cache.reused) == (1, 0)
    assert "<script" not in svg and "onload" not in svg
    assert entry.read_bytes() == good  # overwritten with what dot drew
    assert _count(calls) == 2
    assert _leftovers(cache_dir) == []


def test_a_foreign_entry_under_this_key_is_redrawn(tmp_path, calls):
    cache_dir = tmp_path / "cache"
    cache = SvgCache(cache_dir)
    svg = cache.svg(DOT)
    other = cache.svg(OTHER)
    shutil.copyfile(cache_dir / f"{_key(OTHER)}.svg", cache_dir / f"{_key(DOT)}.svg")  # sound, but another key
    again = SvgCache(cache_dir)
    assert again.svg(DOT) == svg != other
    assert (again.drawn, again.reused) == (1, 0)


def test_an_entry_that_is_not_a_regular_file_is_not_read(tmp_path, calls):
    cache_dir = tmp_path / "cache"
    svg = SvgCache(cache_dir).svg(DOT)
    entry = cache_dir / f"{_key(DOT)}.svg"
    elsewhere = tmp_path / "elsewhere.svg"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)  # a sound entry, but reached through a link
    cache = SvgCache(cache_dir)
    assert cache.svg(DOT) == svg and cache.drawn == 1
    assert entry.is_file() and not entry.is_symlink()
    entry.unlink()
    os.mkfifo(entry)  # would block a plain open()
    cache = SvgCache(cache_dir)
    assert cache.svg(DOT) == svg and cache.drawn == 1
    assert entry.is_file()


def test_a_huge_entry_is_not_read(tmp_path, calls, monkeypatch):
    cache_dir = tmp_path / "cache"
    svg = SvgCache(cache_dir).svg(DOT)
    monkeypatch.setattr(swimlanes, "MAX_ENTRY_BYTES", 100)
    cache = SvgCache(cache_dir)
    assert cache.svg(DOT) == svg and (cache.drawn, cache.reused) == (1, 0)


def test_a_cache_that_cannot_be_written_costs_time_only_and_leaves_no_temporary_file(tmp_path, calls, monkeypatch):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / f"{_key(DOT)}.svg").mkdir()  # os.replace onto a directory fails
    cache = SvgCache(cache_dir)
    svg = cache.svg(DOT)
    assert svg.startswith("<svg") and cache.drawn == 1
    assert _leftovers(cache_dir) == []

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(swimlanes.os, "replace", broken_replace)
    cache = SvgCache(cache_dir)
    assert cache.svg(OTHER).startswith("<svg")
    assert _leftovers(cache_dir) == []
    assert not (cache_dir / f"{_key(OTHER)}.svg").exists()


def test_a_file_where_the_cache_folder_should_be_only_costs_time(tmp_path, calls):
    blocked = tmp_path / "cache"
    blocked.write_text("bukan folder", encoding="utf-8")
    cache = SvgCache(blocked)
    assert cache.svg(DOT).startswith("<svg")
    assert SvgCache(blocked).svg(DOT).startswith("<svg")
    assert _count(calls) == 2


def _alive(pid: int) -> bool:
    """Still running a moment later. A zombie (killed, not yet reaped by its new parent) is dead."""
    for _ in range(40):  # a killed process may take a moment to finish exiting
        try:
            stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
        except OSError:
            return False
        if stat.rpartition(")")[2].split()[0] in ("Z", "X"):
            return False
        time.sleep(0.05)
    return True


def test_dot_past_the_time_limit_is_killed_and_reported_in_one_line(tmp_path, monkeypatch):
    pid_file = tmp_path / "dot.pid"
    _fake_dot(tmp_path, monkeypatch, f'echo $$ > "{pid_file}"\nexec sleep 30')
    cache = SvgCache(tmp_path / "cache", timeout=0.5)
    start = time.monotonic()
    with pytest.raises(DotFailed) as failure:
        cache.svg(DOT)
    assert time.monotonic() - start < 10
    assert str(failure.value) == (
        "dot melewati batas waktu 0.5 detik; sederhanakan SOP (lebih sedikit langkah atau pelaksana) "
        "atau naikkan batas waktunya"
    )
    assert not _alive(int(pid_file.read_text(encoding="utf-8")))
    assert not (tmp_path / "cache").exists()


def test_the_time_limit_kills_what_dot_started_too(tmp_path, monkeypatch):
    pid_file = tmp_path / "child.pid"
    _fake_dot(tmp_path, monkeypatch, f'sleep 30 &\necho $! > "{pid_file}"\nwait')
    with pytest.raises(DotFailed, match="batas waktu"):
        SvgCache(tmp_path / "cache", timeout=0.5).svg(DOT)
    assert not _alive(int(pid_file.read_text(encoding="utf-8")))


def test_the_real_dot_on_a_slow_graph_hits_the_limit(tmp_path):
    if not shutil.which("dot"):
        pytest.fail("program 'dot' (graphviz) tidak ada; jalankan bash .ci/install")
    n = 120  # a dense graph: dot needs far longer than the limit
    slow = "digraph g {\n" + "".join(f"  n{i} -> n{(i * 7 + j) % n};\n" for i in range(n) for j in range(1, 12)) + "}\n"
    start = time.monotonic()
    with pytest.raises(DotFailed, match="melewati batas waktu 0.2 detik"):
        SvgCache(tmp_path / "cache", timeout=0.2).svg(slow)
    assert time.monotonic() - start < 5


def test_a_dot_error_is_one_line_with_the_exit_code(tmp_path):
    with pytest.raises(DotFailed) as failure:
        SvgCache(tmp_path / "cache").svg("digraph g { a -> }\n")
    message = str(failure.value)
    assert message.startswith("dot gagal menggambar swimlane (kode keluar 1): ")
    assert "syntax error" in message and "\n" not in message
    assert _leftovers(tmp_path / "cache") == [] and not (tmp_path / "cache").exists()


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("cat > /dev/null\necho 'Error: boom' >&2\nexit 3", "dot gagal menggambar swimlane (kode keluar 3): Error: boom"),
        ("cat > /dev/null\nexit 0", "dot gagal menggambar swimlane: keluarannya bukan SVG yang layak, tidak diawali <svg>"),
        ("cat > /dev/null\nprintf '<svg>\\377</svg>'", "dot gagal menggambar swimlane: keluarannya bukan teks UTF-8"),
        ("cat > /dev/null\nprintf '<svg xmlns=\"http://www.w3.org/2000/svg\"><g>'", "dot gagal menggambar swimlane: keluarannya bukan SVG yang layak, XML tidak utuh"),
        (
            "cat > /dev/null\nprintf '<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>'",
            "dot gagal menggambar swimlane: keluarannya bukan SVG yang layak, memuat unsur <script> yang tidak diizinkan",
        ),
        ("kill -9 $$", "dot gagal menggambar swimlane (sinyal 9): tanpa pesan"),
    ],
)
def test_every_dot_failure_is_one_dot_failed_line(tmp_path, monkeypatch, script, expected):
    _fake_dot(tmp_path, monkeypatch, script)
    with pytest.raises(DotFailed) as failure:
        SvgCache(tmp_path / "cache").svg(DOT)
    assert str(failure.value).startswith(expected)
    assert "\n" not in str(failure.value)
    assert not (tmp_path / "cache").exists()  # nothing cached


def test_a_dot_that_cannot_be_run_is_dot_failed(tmp_path, monkeypatch):
    dot = _fake_dot(tmp_path, monkeypatch, "exit 0")
    dot.chmod(0o644)  # on PATH, not executable: the search goes on to the real one, so hide that
    monkeypatch.setenv("PATH", str(dot.parent))
    with pytest.raises(DotFailed, match=r"^dot tidak dapat dijalankan \(Permission denied\)$"):
        SvgCache(tmp_path / "cache").svg(DOT)


def test_without_dot_it_is_dot_missing(tmp_path, monkeypatch):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(DotMissing, match="apt-get install graphviz"):
        SvgCache(tmp_path / "cache").svg(DOT)


def test_svg_problem_accepts_what_graphviz_draws_and_nothing_else():
    ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    assert svg_problem(f'<svg {ns} width="8pt"><g id="a" class="node"><title>a</title><a xlink:title="t"><text x="1">&lt;script&gt;</text></a></g></svg>') is None
    for bad in [
        f"<svg {ns}><script>x</script></svg>",
        f'<svg {ns}><g onclick="x"/></svg>',
        f'<svg {ns}><a xlink:href="javascript:x"/></svg>',
        f"<svg {ns}><foreignObject/></svg>",
        f'<svg {ns}><style>*{{}}</style></svg>',
        f'<svg {ns}><g style="background:url(x)"/></svg>',
        '<html xmlns="http://www.w3.org/1999/xhtml"/>',
        f"<svg {ns}><g></svg>",
        f"<svg {ns}><title><![CDATA[<img src=x onerror=alert(1)>]]></title></svg>",
        f"<svg {ns}><!-- x --></svg>",
        f"<svg {ns}><?xml-stylesheet href='x'?></svg>",
    ]:
        assert svg_problem(bad), bad
