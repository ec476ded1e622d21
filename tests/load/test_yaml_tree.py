"""Parsing keeps positions and never turns numbers-looking text into numbers."""

from __future__ import annotations

from macros.load.yaml_tree import parse_bytes, parse_text


def test_scalars_stay_text():
    parsed = parse_text("nomor: 1.10\nnip: 196908151998031008\ntahun: 2008\nflag: yes\nkosong:\nnol: ~\n", "x.yml")
    assert parsed.data == {
        "nomor": "1.10",
        "nip": "196908151998031008",
        "tahun": "2008",
        "flag": "yes",
        "kosong": None,
        "nol": None,
    }


def test_quoted_empty_string_is_not_null():
    assert parse_text('a: ""\n', "x.yml").data == {"a": ""}


def test_positions_of_values_and_keys():
    parsed = parse_text("a:\n  - x\n  - b: 1\n", "x.yml")
    assert str(parsed.locator.value("a", 1, "b")) == "x.yml:3:8"
    assert str(parsed.locator.key("a", 1, "b")) == "x.yml:3:5"
    # an unknown path falls back to its nearest known parent
    assert str(parsed.locator.value("a", 1, "zzz", 4)) == "x.yml:3:5"


def test_duplicate_key_is_a_finding_with_both_lines():
    parsed = parse_text("a: 1\nb: 2\na: 3\n", "x.yml")
    assert parsed.data == {"a": "1", "b": "2"}
    assert [f.as_line() for f in parsed.findings] == [
        "x.yml:3:1: SOP-Y002 galat: kunci 'a' sudah ditulis di baris 1; hapus salah satunya"
    ]


def test_syntax_error_points_at_the_problem():
    parsed = parse_text("a: 1\nb:\n  c: 1\n d: 2\n", "x.yml")
    assert parsed.data is None
    (finding,) = parsed.findings
    assert (finding.code, finding.location.line) == ("SOP-Y001", 4)


def test_not_utf8_is_located():
    parsed = parse_bytes(b"a: 1\nb: \xe9t\xe9\n", "x.yml")
    (finding,) = parsed.findings
    assert finding.as_line().startswith("x.yml:2:4: SOP-Y001 galat: berkas bukan teks UTF-8")


def test_byte_order_mark_is_accepted():
    assert parse_bytes("\ufeffa: b\n".encode("utf-8"), "x.yml").data == {"a": "b"}


def test_alias_bomb_is_stopped():
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(7)
    )
    parsed = parse_text(text, "x.yml")
    assert parsed.data is None
    assert "alias berlebihan" in parsed.findings[0].message


def test_recursive_alias_is_stopped():
    parsed = parse_text("a: &a [*a]\n", "x.yml")
    assert parsed.findings and parsed.findings[0].code == "SOP-Y001"


def test_empty_document_has_no_data_and_no_finding():
    parsed = parse_text("# hanya komentar\n", "x.yml")
    assert parsed.data is None and parsed.findings == []
