"""Format Sumber is generated from the model: every key of every source file is on the page, every
field says what it holds, and the types have plain names."""

from __future__ import annotations

import html
import importlib
import pkgutil
import re
from typing import Annotated

import pytest
from pydantic import Field

import macros.model
from macros.model.drawn import DrawnSop
from macros.model.base import StrictModel, Text, TypeName, when_absent
from macros.model.monev import EvaluationResults, MonitoringResults
from macros.render.format_reference import (
    SourceFile,
    describe,
    field_docs,
    render_source_files,
    sections,
)
from macros.site.package_pages import SOURCE_FILES, format_page

ALL_FILES = [source for group in SOURCE_FILES.values() for source in group]
# The shapes a record's entries are validated in, one at a time (their keys are the headers' `hasil`).
VALIDATION_SHAPES = {MonitoringResults, EvaluationResults}
# Shapes the package derives from a source, never written: the SOP as drawn (its branch symbols as rows).
DERIVED_SHAPES = {DrawnSop}


def _strict_models() -> set[type]:
    for module in pkgutil.iter_modules(macros.model.__path__):
        importlib.import_module(f"macros.model.{module.name}")
    found, todo = set(), [StrictModel]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub.__module__.startswith("macros.model") and sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def undescribed(models) -> list[str]:
    return [f"{model.__name__}.{name}" for model in models for name, info in model.model_fields.items() if not info.description]


def test_every_field_of_the_model_says_what_it_holds():
    assert undescribed(_strict_models()) == []


def test_a_field_without_a_description_is_found():
    class Sample(StrictModel):
        said: Text = Field(alias="dikatakan", description="ada")
        unsaid: Text = Field(alias="tidak")

    assert undescribed([Sample]) == ["Sample.unsaid"]


def test_every_mapping_of_the_model_has_its_table():
    documented = {section.model for section in sections(ALL_FILES)}
    assert _strict_models() - VALIDATION_SHAPES - DERIVED_SHAPES == documented


def _tables(page: str) -> dict[str, list[str]]:
    """anchor -> the keys of the table under that heading."""
    found = {}
    for anchor, body in re.findall(r'<h4 id="([^"]+)">.*?</h4>.*?<tbody>(.*?)</tbody>', page, re.DOTALL):
        found[anchor] = [html.unescape(k) for k in re.findall(r'<td data-label="Kunci"><code>([^<]*)</code></td>', body)]
    return found


def test_the_page_lists_every_key_of_every_mapping_once():
    page = str(format_page())
    tables = _tables(page)
    expected = {s.anchor: [info.alias for info in s.model.model_fields.values()] for s in sections(ALL_FILES)}
    assert tables == expected
    assert sum(len(keys) for keys in tables.values()) == sum(len(s.model.model_fields) for s in sections(ALL_FILES))


def test_every_heading_id_on_the_page_is_unique_and_every_link_lands():
    page = str(format_page())
    ids = re.findall(r'<h[1-6] id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert set(re.findall(r'href="#([^"]+)"', page)) <= set(ids)


def test_rows_say_type_requirement_meaning_and_absence():
    sop = {doc.key: doc for doc in field_docs(SOURCE_FILES["sop"][0].model)}
    assert (sop["judul"].required, sop["judul"].absent) == (True, "galat SOP-S002")
    assert not sop["nomor"].required and "SOP-R011" in sop["nomor"].absent
    assert sop["status"].kind == "draf, berlaku atau dicabut" and sop["status"].absent == "berlaku"
    assert sop["terpotong"].kind == "true atau false"
    assert sop["pelaksana"].kind.startswith("daftar id jabatan")
    assert [m.__name__ for m in sop["pelaksana"].links] == ["RoleColumn", "EitherColumn"]
    assert [m.__name__ for m in sop["langkah"].links] == ["Step"]


def test_an_absent_optional_field_without_a_word_falls_back_to_its_default():
    class Sample(StrictModel):
        flag: bool = Field(False, alias="tanda", description="x")
        items: tuple[Text, ...] = Field((), alias="butir", description="x")
        text: Text | None = Field(None, alias="teks", description="x")
        said: Text | None = Field(None, alias="kata", description="x", json_schema_extra=when_absent("dicetak kosong"))

    assert [d.absent for d in field_docs(Sample)] == ["false", "daftar kosong", "tidak ada", "dicetak kosong"]
    assert [d.kind for d in field_docs(Sample)] == ["true atau false", "daftar teks", "teks", "teks"]


def test_a_type_without_a_plain_name_is_refused():
    with pytest.raises(TypeError, match="TypeName"):
        describe(float)
    assert describe(Annotated[float, TypeName("angka")]) == ("angka", ())


def test_a_mapping_shared_by_two_groups_has_one_table():
    placed: dict = {}
    first = render_source_files(SOURCE_FILES["monev"][:1], placed)
    second = render_source_files(SOURCE_FILES["monev"][1:], placed)
    assert first.count('id="kunci-penilai"') == 1
    assert 'href="#kunci-penilai"' in second and 'id="kunci-penilai"' not in second


def test_two_shapes_at_one_path_are_told_apart():
    headings = re.findall(r"<h4 id=\"(kunci-pelaksana[^\"]*)\">(.*?)</h4>", str(render_source_files([SourceFile("x", SOURCE_FILES["sop"][0].model)])))
    assert [anchor for anchor, _ in headings] == ["kunci-pelaksana", "kunci-pelaksana-2"]
    assert "{jabatan, kepala_kolom}" in headings[0][1] and "{salah_satu, kepala_kolom}" in headings[1][1]
