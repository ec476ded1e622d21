"""Short codes such as "AK-2" are never broken at their hyphen: in HTML a span keeps them on one line
(the text unchanged and escaped), in the swimlane the label wraps at spaces only."""

from __future__ import annotations

import html
import re

from hypothesis import given, strategies as st

from macros.render.html import CODE_LENGTH, keep_codes
from macros.render.swimlane import WRAP, _wrapped

SPAN = '<span class="sop-kode">{}</span>'


def test_codes_are_wrapped_and_words_are_not():
    assert keep_codes("Formulir AK-2 dan SK-01/2020") == \
        f"Formulir {SPAN.format('AK-2')} dan {SPAN.format('SK-01')}/2020"
    assert keep_codes("(AK-1), e-KTP.") == f"({SPAN.format('AK-1')}), {SPAN.format('e-KTP')}."
    assert keep_codes("Pasal 5-6") == f"Pasal {SPAN.format('5-6')}"
    # a word of the language, however hyphenated, may break as any word may
    assert keep_codes("masing-masing berkas sehari-hari") == "masing-masing berkas sehari-hari"
    # too long to be held on one line in a narrow column; not a whole word
    assert keep_codes("KODE-1234-ABCD") == "KODE-1234-ABCD" and len("KODE-1234-ABCD") > CODE_LENGTH
    assert keep_codes("AK-2- a_AK-2 -AK-2") == "AK-2- a_AK-2 -AK-2"


def test_the_text_around_and_inside_a_code_is_escaped():
    assert keep_codes("<b>AK-2</b> & {{ 7*7 }}") == f"&lt;b&gt;{SPAN.format('AK-2')}&lt;/b&gt; &amp; {{{{ 7*7 }}}}"
    assert keep_codes('"A-1"') == f"&#34;{SPAN.format('A-1')}&#34;"


@given(st.text(alphabet=st.sampled_from("AK-2 ak<&>\"'éÉ9_/\n"), max_size=60))
def test_the_text_read_is_the_source_text(text):
    shown = str(keep_codes(text))
    assert html.unescape(re.sub(r'<span class="sop-kode">|</span>', "", shown)) == text
    assert "<" not in re.sub(r'<span class="sop-kode">|</span>', "", shown)


def test_swimlane_labels_wrap_at_spaces_not_after_a_hyphen():
    text = "x" * (WRAP - 5) + " KTP-EL " + "y" * 5  # the line is full after "KTP-"
    lines = _wrapped(text).split("\n")
    assert "KTP-EL" in lines[1] and all(len(line) <= WRAP for line in lines)
