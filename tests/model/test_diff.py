"""The semantic diff of two versions of an SOP: changes in SOP terms, never a text diff."""

from __future__ import annotations

import copy

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.load.yaml_tree import parse_bytes
from macros.model.diff import ChangeKind, Exits, diff_sops, match_steps
from macros.model.project import sop_from_bytes
from macros.model.sop import Sop
from tests.conftest import SEED_SOURCES
from tests.strategies import sop_sources, to_sop

SEED = SEED_SOURCES / "perbaikan-data-kinerja.yml"


def seed_data() -> dict:
    """The seed as the loader reads it (every scalar a text)."""
    return parse_bytes(SEED.read_bytes(), "x.yml").data


def model(data: dict) -> Sop:
    return Sop.model_validate(data)


def kinds(changes) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind.value, c.step, c.field) for c in changes]


def test_the_same_model_has_no_change():
    assert diff_sops(model(seed_data()), model(seed_data())) == []


def test_a_yaml_reformat_or_comment_is_no_change():
    """The text differs line by line; the model does not."""
    text = SEED.read_text(encoding="utf-8")
    reformatted = yaml.safe_dump(yaml.safe_load(text), allow_unicode=True, sort_keys=True, width=60)
    reformatted = "# komentar baru\n" + reformatted.replace("waktu: 120", "waktu: '120'")
    assert reformatted != text
    old, _ = sop_from_bytes(text.encode(), "x", "x.yml")
    new, _ = sop_from_bytes(reformatted.encode(), "x", "x.yml")
    assert old.sop is not None and new.sop is not None
    assert diff_sops(old.sop, new.sop) == []


def test_a_reworded_step_is_one_change_with_its_old_and_new_text():
    old = seed_data()
    new = copy.deepcopy(old)
    new["langkah"][2]["kegiatan"] = "Sekretaris memerintahkan Kasubbid Data berkoordinasi dengan Kabid Renum mengenai kesalahan data kinerja"
    changes = diff_sops(model(old), model(new))
    assert kinds(changes) == [("langkah_diubah", "3", "kegiatan")]
    assert changes[0].old == old["langkah"][2]["kegiatan"] and changes[0].new == new["langkah"][2]["kegiatan"]


def test_actor_waktu_and_details_of_a_step():
    old = seed_data()
    new = copy.deepcopy(old)
    new["langkah"][7]["pelaksana"] = "pelaksana-bappeda"
    new["langkah"][4]["waktu"] = "240"
    new["langkah"][4]["output"] = "Data kinerja yang diperbaiki"
    changes = diff_sops(model(old), model(new))
    assert kinds(changes) == [
        ("waktu_diubah", "5", "waktu"), ("rincian_langkah_diubah", "5", "output"), ("pelaksana_diubah", "8", "pelaksana"),
    ]
    assert changes[2].old == ("kasubbid-data",) and changes[2].new == ("pelaksana-bappeda",)


def test_an_inserted_step_renumbers_the_others_without_moving_them():
    old = seed_data()
    new = copy.deepcopy(old)
    new["langkah"].insert(1, {**old["langkah"][1], "kegiatan": "Mencatat temuan kesalahan pada buku register"})
    changes = diff_sops(model(old), model(new))
    assert kinds(changes) == [("langkah_ditambah", "2", "kegiatan")]


def test_a_removed_step_and_a_moved_step():
    old = seed_data()
    new = copy.deepcopy(old)
    removed = new["langkah"].pop(5)  # "Kabid Renum melakukan koreksi ..."
    new["langkah"].insert(0, new["langkah"].pop(3))  # the Kabid's meeting now comes first
    changes = diff_sops(model(old), model(new))
    assert kinds(changes) == [("langkah_dipindah", "1", None), ("langkah_dihapus", None, "kegiatan")]
    assert changes[0].old_step == "4"
    assert changes[1].old_step == "6" and changes[1].old == removed["kegiatan"]


def test_legal_bases_and_identity_fields():
    old = seed_data()
    new = copy.deepcopy(old)
    new["dasar_hukum"].remove("pp-79-2005")
    new["dasar_hukum"].append("pp-12-2017")
    new["judul"] = "Mekanisme Perbaikan Data Kinerja Pegawai"
    new["tanggal"]["efektif"] = "2026-12-01"
    changes = diff_sops(model(old), model(new))
    assert kinds(changes) == [
        ("identitas_diubah", None, "judul"), ("identitas_diubah", None, "tanggal"),
        ("dasar_hukum_ditambah", None, "pp-12-2017"), ("dasar_hukum_dihapus", None, "pp-79-2005"),
    ]


def _decision_sop(targets: tuple[str, str]) -> dict:
    data = seed_data()
    data["langkah"][0]["id"] = "teliti"
    data["langkah"][5]["id"] = "koreksi"
    data["langkah"][6]["keputusan"] = [{"label": "Sesuai", "ke": targets[0]}, {"label": "Tidak sesuai", "ke": targets[1]}]
    return data


def test_decision_exits_compare_by_the_step_they_lead_to():
    old = _decision_sop(("l8", "koreksi"))
    old["langkah"][7]["id"] = "l8"
    new = copy.deepcopy(old)
    new["langkah"][6]["keputusan"][1]["ke"] = "teliti"
    changes = diff_sops(model(old), model(new))
    assert kinds(changes) == [("keputusan_diubah", "7", "keputusan")]
    assert changes[0].old == Exits((("Sesuai", "8"), ("Tidak sesuai", "6")))
    assert changes[0].new == Exits((("Sesuai", "8"), ("Tidak sesuai", "1")))
    # renumbering alone (a step inserted before the targets) changes no exit
    shifted = copy.deepcopy(old)
    shifted["langkah"].insert(1, {**old["langkah"][1], "kegiatan": "Mencatat temuan kesalahan pada buku register"})
    assert kinds(diff_sops(model(old), model(shifted))) == [("langkah_ditambah", "2", "kegiatan")]


def test_a_symbol_drawn_on_a_branch_is_part_of_its_exit():
    """A `melalui` added, reworded or moved to another column changes the decision; its two forms (text
    alone, or {kegiatan} in the decision's column) are the same symbol."""
    from macros.render.history import describe
    from macros.render.context import Registries

    old = _decision_sop(("l8", "koreksi"))
    old["langkah"][7]["id"] = "l8"
    new = copy.deepcopy(old)
    new["langkah"][6]["keputusan"][1]["melalui"] = "Memperbaiki data"
    changes = diff_sops(model(old), model(new))
    assert kinds(changes) == [("keputusan_diubah", "7", "keputusan")]
    column = model(new).steps[6].actors[0]
    assert changes[0].new == Exits((("Sesuai", "8"), ("Tidak sesuai", "6", ("Memperbaiki data", column))))
    said = describe(changes[0], Registries.of({}, {}, {}))
    assert said.old == "Sesuai → langkah 8, Tidak sesuai → langkah 6"
    assert said.new == f"Sesuai → langkah 8, Tidak sesuai → Memperbaiki data ({column}) → langkah 6"
    same = copy.deepcopy(new)
    same["langkah"][6]["keputusan"][1]["melalui"] = {"kegiatan": "Memperbaiki data"}
    assert diff_sops(model(new), model(same)) == []
    moved = copy.deepcopy(new)
    other = next(key for key in model(new).columns if key != column)
    moved["langkah"][6]["keputusan"][1]["melalui"] = {"kegiatan": "Memperbaiki data", "pelaksana": other}
    assert kinds(diff_sops(model(new), model(moved))) == [("keputusan_diubah", "7", "keputusan")]


def test_steps_are_matched_by_id_before_text():
    old = seed_data()
    new = copy.deepcopy(old)
    for i, step in enumerate(old["langkah"]):
        step["id"] = f"s{i}"
        new["langkah"][i]["id"] = f"s{i}"
    assert match_steps(model(old), model(new)) == {i: i for i in range(len(old["langkah"]))}


def test_a_completely_rewritten_step_is_a_removal_and_an_addition():
    old = seed_data()
    new = copy.deepcopy(old)
    new["langkah"][9]["kegiatan"] = "Arsip dikirim ke gudang"
    assert [c.kind for c in diff_sops(model(old), model(new))] == [ChangeKind.STEP_REMOVED, ChangeKind.STEP_ADDED]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sop_sources(max_steps=15))
def test_a_generated_sop_has_no_change_against_itself(source):
    sop = to_sop(source)
    assert diff_sops(sop, sop) == []
    assert diff_sops(sop, to_sop(copy.deepcopy(source))) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sop_sources(max_steps=15), st.data())
def test_a_generated_step_reworded_is_exactly_one_change_at_its_number(source, data):
    i = data.draw(st.integers(0, len(source["langkah"]) - 1))
    edited = copy.deepcopy(source)
    edited["langkah"][i]["kegiatan"] += " dan dicatat"
    changes = diff_sops(to_sop(source), to_sop(edited))
    assert kinds(changes) == [("langkah_diubah", str(i + 1), "kegiatan")]
    assert changes[0].new.endswith(" dan dicatat")


def test_a_legal_basis_cited_in_other_words_or_renumbered_is_a_change_of_the_printed_list():
    old = seed_data()
    reworded = copy.deepcopy(old)
    reworded["dasar_hukum"][0] = {"id": old["dasar_hukum"][0], "kutipan": "PP No. 79/2005"}
    changes = diff_sops(model(old), model(reworded))
    assert kinds(changes) == [("identitas_diubah", None, "dasar_hukum")]
    renumbered = copy.deepcopy(old)
    renumbered["dasar_hukum"][0] = {"id": old["dasar_hukum"][0], "nomor": "9"}
    assert kinds(diff_sops(model(old), model(renumbered))) == [("identitas_diubah", None, "dasar_hukum")]
    # the long form of the same citation, with nothing added, prints the same list: no change
    same = copy.deepcopy(old)
    same["dasar_hukum"][0] = {"id": old["dasar_hukum"][0]}
    assert diff_sops(model(old), model(same)) == []
    added = copy.deepcopy(old)
    added["dasar_hukum"].append("uu-30-2014")
    assert kinds(diff_sops(model(old), model(added))) == [("dasar_hukum_ditambah", None, "uu-30-2014")]
