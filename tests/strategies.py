"""Hypothesis strategies for legal SOPs, written as their YAML sources would be.

`sop_sources()` draws one SOP as a plain dict with the source format's Indonesian keys: 1 to 8
actors from the fixed registries below, 2 to 40 steps, joint steps, decisions with 2 or more
exits that loop back, skip forward or end the procedure (`ke: selesai`, the last step too),
with `second_decisions=True` steps with a second decision (an exit that opens a `keputusan:` of
its own, in the same row), steps that end it early (`selesai: true`), truncated sources (`terpotong: true`, now and then
with a column none of the visible steps uses), and long texts with long words. Every drawn SOP
passes `sop check` without errors: every exit names its own place (a step id other than its
step's, or `selesai`), every step is reachable from the first, and every step can reach an end.

`to_sop()` turns a drawn dict into the validated model; `write_corpus()` writes registries
and SOP files into a folder that `sop check` passes without errors or warnings, and a site
build can read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from macros.model.sop import END, MAX_EXITS, Sop

AGENCY = "dinas-uji"
AGENCIES = {
    AGENCY: {
        "pemerintah": "Pemerintah Kabupaten Uji",
        "nama": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "singkatan": "DPMPTSP",
        "alamat": "Jl. Pahlawan No. 10, Kota Uji",
    }
}
ROLES = {
    "kepala": {"nama": "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "singkatan": "Kepala Dinas"},
    "sekretaris": {"nama": "Sekretaris Dinas", "singkatan": "Sekretaris"},
    "kabid-pelayanan": {"nama": "Kepala Bidang Pelayanan Perizinan", "singkatan": "Kabid Pelayanan"},
    "kabid-pengaduan": {"nama": "Kepala Bidang Pengaduan dan Informasi", "singkatan": "Kabid Pengaduan"},
    "kasi-verifikasi": {"nama": "Kepala Seksi Verifikasi", "singkatan": "Kasi Verifikasi"},
    "kasi-teknis": {"nama": "Kepala Seksi Teknis", "singkatan": "Kasi Teknis"},
    "kasubbag-umum": {"nama": "Kepala Sub Bagian Umum dan Kepegawaian", "singkatan": "Kasubbag Umum"},
    "bendahara": {"nama": "Bendahara Pengeluaran", "singkatan": "Bendahara"},
    "petugas-loket": {"nama": "Petugas Loket Pelayanan", "singkatan": "Petugas Loket"},
    "verifikator": {"nama": "Verifikator Berkas Permohonan", "singkatan": "Verifikator"},
    "pemohon": {"nama": "Pemohon Izin", "singkatan": "Pemohon", "eksternal": "true"},
    "pranata-komputer": {
        "nama": "Pranata Komputer Ahli Pertama pada Sub Bagian Perencanaan, Evaluasi dan Pelaporan",
        "singkatan": "Pranata Komputer Ahli Pertama Subbag Perencanaan",
    },
}
LAWS = {
    "uu-25-2009": {"jenis": "Undang-Undang", "nomor": "25", "tahun": "2009", "tentang": "Pelayanan Publik"},
    "uu-30-2014": {"jenis": "Undang-Undang", "nomor": "30", "tahun": "2014", "tentang": "Administrasi Pemerintahan"},
    "permenpan-rb-35-2012": {
        "jenis": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "nomor": "35",
        "tahun": "2012",
        "tentang": "Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
    },
}
REGISTRIES = {"_instansi.yml": AGENCIES, "_jabatan.yml": ROLES, "_dasar-hukum.yml": LAWS}

VERBS = ["Menerima", "Memeriksa", "Mencatat", "Menelaah", "Menyusun", "Memaraf", "Menyampaikan", "Mengarsipkan",
         "Meneruskan", "Menilai", "Mengoreksi", "Menandatangani", "Memverifikasi", "Mengunggah", "Mendisposisikan"]
WORDS = ["berkas", "permohonan", "surat", "dokumen", "laporan", "kelengkapan", "persyaratan", "data", "hasil",
         "verifikasi", "lapangan", "pemohon", "izin", "rekomendasi", "teknis", "nota", "dinas", "anggaran", "dan",
         "yang", "telah", "sesuai", "ketentuan", "paling", "lambat", "hari", "kerja", "melalui", "aplikasi", "&",
         "<catatan>", "\"asli\"", "(rangkap 3)", "1.10", "ke-2", "Rp5.000.000,00"]
ROOTS = ["pertanggung", "jawab", "an", "penyelenggara", "administrasi", "ketidak", "berkesinambungan", "pelayanan",
         "perizinan", "terpadu", "kependudukan", "pencatatan", "sipil"]
LABELS = ["Ya", "Tidak", "Lengkap", "Tidak lengkap", "Ditolak", "Revisi", "Disetujui", "Perlu survei",
          "Dikembalikan", "Ditunda", "Berkas dikembalikan kepada pemohon untuk dilengkapi"]
SECOND_DECISIONS = 3  # steps with a second decision in one SOP, at most (more overruns hypothesis's buffer)
EXIT_LABELS = LABELS + [f"Cabang {k}" for k in range(1, MAX_EXITS + 1)]


def _text_pool() -> list[str]:
    """Texts a step may hold: short ones, ones with a very long word, paragraphs, markup characters.
    Drawn from a pool (one draw per text) so that SOPs of forty steps stay quick to generate."""
    pool = []
    for i in range(60):
        words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(1 + i % 9)]
        if i % 5 == 0:  # one word of 20 to 80 letters
            words.insert(i % 3, "".join(ROOTS[(i + k) % len(ROOTS)] for k in range(2 + i % 6)).capitalize())
        text = " ".join(words)
        if i % 12 == 0:  # a paragraph
            text = " ".join(f"{text} tahap {k}." for k in range(1, 9))
        pool.append(text)
    return pool


TEXTS = _text_pool()
DURATIONS = [f"{amount} {unit}" for amount in (1, 5, 15, 90, 9999) for unit in ("menit", "jam", "hari", "hari kerja")] + [
    "1–3 hari", "1 s.d. 9999 hari kerja", "paling lama 3 hari kerja", "± 10 menit", "5 (lima) Menit", "30menit",
]
# Waktu as real SOPs also write it (`as_written=True`): amounts in other words, and text kept as written,
# each a warning (SOP-W004, W008, W009) and never an error.
AMOUNTS_AS_WRITTEN = ["Paling lambat 17 hari kerja", "1 x 24 jam", "selambat-lambatnya 3 hari"]
TIMES_AS_WRITTEN = [
    "10", "1-3", "Setiap saat", "Pada hari dan jam kerja", "Sesuai jadwal", "Pukul 08.00 – 16.00 WIB <catatan> & \"asli\"",
    "Selambat-lambatnya 3 hari kerja setelah berkas diterima lengkap", "14 hari sejak permohonan diterima",
    "Sesuai jadwal yang ditetapkan oleh " + " ".join(ROOTS),
]
CONTINUED = "bersambung"


def texts() -> st.SearchStrategy[str]:
    return st.sampled_from(TEXTS)


@st.composite
def _actors(draw, columns: list[str], n_steps: int) -> list[list[str]]:
    """Each step's actors (several for a joint step); every column is somebody's."""
    joint_share = draw(st.sampled_from([0, 0, 15, 40]))
    result = []
    for _ in range(n_steps):
        size = 1
        if len(columns) > 1 and draw(st.integers(0, 99)) < joint_share:
            size = draw(st.integers(2, min(len(columns), 4)))
        result.append(draw(st.lists(st.sampled_from(columns), min_size=size, max_size=size, unique=True)))
    for column in columns:
        if not any(column in actors for actors in result):
            result[draw(st.integers(0, n_steps - 1))].append(column)
    return result


def exit_counts() -> st.SearchStrategy[int]:
    """Mostly two or three exits; now and then very many."""
    return st.one_of(st.integers(2, 3), st.integers(2, 3), st.integers(2, 6), st.integers(2, MAX_EXITS - 1))


@st.composite
def _exits(draw, i: int, ids: list[str]) -> list[dict[str, str]]:
    """The exits of a decision at step i, each to its own place: a step other than i, or the end
    (`selesai`). One always leads forward (a later step, or the end), so every path ends."""
    n = len(ids)
    count = min(draw(exit_counts()), n)  # n - 1 other steps and the end
    labels = draw(st.lists(st.sampled_from(EXIT_LABELS), min_size=count, max_size=count, unique=True))
    places = st.one_of(st.just(END), st.integers(0, n - 1).filter(lambda t: t != i))
    forward = draw(st.one_of(st.just(END), st.integers(i + 1, n - 1))) if i < n - 1 else END
    others = draw(st.lists(places, min_size=count - 1, max_size=count - 1, unique=True).filter(lambda o: forward not in o))
    targets = draw(st.permutations([forward] + others))
    return [{"label": label, "ke": END if t == END else ids[t]} for label, t in zip(labels, targets)]


def _successors(steps: list[dict], ids: list[str]) -> dict[int, list[int]]:
    index = {step_id: i for i, step_id in enumerate(ids)}
    last = len(steps) - 1
    result: dict[int, list[int]] = {}
    for i, step in enumerate(steps):
        if "keputusan" not in step:
            result[i] = [i + 1] if i < last and "selesai" not in step else []
        else:
            result[i] = [index[e["ke"]] for e in step["keputusan"] if e["ke"] not in (END, "bersambung")]
    return result


def _first_unreachable(steps: list[dict], ids: list[str]) -> int | None:
    successors = _successors(steps, ids)
    seen, todo = {0}, [0]
    while todo:
        for nxt in successors[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    missing = [i for i in range(len(steps)) if i not in seen]
    return missing[0] if missing else None


def _connect(steps: list[dict], ids: list[str]) -> None:
    """Make every step reachable. The step just before the first unreachable one ends the
    procedure early or is a decision (else that step would follow it): the early end is
    dropped, or the decision gets an exit to its next step."""
    while (k := _first_unreachable(steps, ids)) is not None:
        before = steps[k - 1]
        if "keputusan" not in before:
            del before["selesai"]
            continue
        exits = before["keputusan"]
        if len(exits) < MAX_EXITS:
            used = {e["label"].lower() for e in exits}
            exits.append({"label": next(f"Lanjut {j}" for j in range(1, 99) if f"lanjut {j}" not in used), "ke": ids[k]})
        else:
            exits[-1]["ke"] = ids[k]  # k > k - 1: still a way forward


@st.composite
def _second_decision(draw, i: int, step: dict, ids: list[str]) -> None:
    """Turn one exit of the decision at step i into a second decision of the same step: the exit's
    own place stays one of its two exits (so what was reachable stays reachable), the other goes
    to another place (every step can reach an end, so every path still does)."""
    exits = step["keputusan"]
    e = draw(st.integers(0, len(exits) - 1))
    kept = exits[e]["ke"]
    places = [place for place in [END, *ids] if place not in (kept, ids[i])]  # never empty: two steps at least
    other = draw(st.sampled_from(places))
    first = draw(st.sampled_from(LABELS))
    second = draw(st.sampled_from([label for label in LABELS if label.lower() != first.lower()]))
    nested = [{"label": first, "ke": kept}, {"label": second, "ke": other}]
    exits[e] = {"label": exits[e]["label"], "keputusan": nested if draw(st.booleans()) else nested[::-1]}


@st.composite
def sop_sources(
    draw, max_actors: int = 8, max_steps: int = 40, nomor: str = "800/001/UJI", second_decisions: bool = False,
    as_written: bool = False,
) -> dict[str, Any]:
    """One legal SOP as its YAML source would hold it. `second_decisions`: many decisions, and the
    first few decision steps of one actor get a second decision (an option, so that the examples drawn
    without it, which the other properties are tuned on, stay the same). `as_written`: waktu also as
    text kept as written (warnings), and in a truncated source some exits go on into the missing part
    (`ke: bersambung`); such SOPs pass `sop check` without errors, not without warnings."""
    columns = draw(st.lists(st.sampled_from(sorted(ROLES)), min_size=1, max_size=max_actors, unique=True))
    n = draw(st.integers(2, max_steps))
    ids = [f"l{i + 1}" for i in range(n)]
    actors = draw(_actors(columns, n))
    decision_share = draw(st.sampled_from([25, 40, 70] if second_decisions else [0, 10, 25, 40, 70]))
    early_end_share = draw(st.sampled_from([0, 0, 10, 30]))
    steps = []
    for i in range(n):
        step: dict[str, Any] = {
            "id": ids[i],
            "kegiatan": f"{draw(st.sampled_from(VERBS))} {draw(texts())} (tahap {i + 1})",
            "pelaksana": actors[i][0] if len(actors[i]) == 1 else actors[i],
            "kelengkapan": draw(st.one_of(texts(), st.lists(texts(), min_size=1, max_size=4))),
            "waktu": draw(st.sampled_from(DURATIONS + (AMOUNTS_AS_WRITTEN + TIMES_AS_WRITTEN) * 3 if as_written else DURATIONS)),
            "output": draw(texts()),
        }
        if draw(st.booleans()):
            step["keterangan"] = draw(texts())
        if i < n - 1:
            decide = draw(st.integers(0, 99)) < decision_share
        else:  # a last step may decide too, when one exit ends the procedure
            decide = decision_share > 0 and draw(st.booleans())
        if decide:
            step["keputusan"] = draw(_exits(i, ids))
        elif 0 < i < n - 1 and draw(st.integers(0, 99)) < early_end_share:
            step["selesai"] = "true"  # an early end: a rejection that stops the procedure
        steps.append(step)
    _connect(steps, ids)
    truncated = draw(st.integers(0, 99)) < 15
    if truncated and len(columns) < max_actors and draw(st.booleans()):  # a column whose steps are all in the missing part
        columns = columns + [r for r in sorted(ROLES) if r not in columns][:1]
    source = {
        "nomor": nomor,
        "judul": f"Pelayanan {draw(texts())}",
        "instansi": AGENCY,
        "tanggal": {"pembuatan": "2025-03-03", "efektif": "2025-03-10"},
        "disahkan_oleh": {"jabatan": "kepala", "nama": "SITI RAHMAWATI, S.E., M.M."},
        "dasar_hukum": draw(st.lists(st.sampled_from(sorted(LAWS)), min_size=1, max_size=3, unique=True)),
        "kualifikasi_pelaksana": ["Memahami ketentuan perizinan"],
        "peralatan_perlengkapan": ["Komputer"],
        "peringatan": ["Berkas yang tidak lengkap tidak diproses"],
        "pencatatan_pendataan": ["Buku register permohonan"],
        "jenis_kegiatan": draw(st.sampled_from(["Pelayanan", "Rutin", "Penugasan"])),
        # an official answers for the activity, never the citizen (SOP-A010)
        "penanggung_jawab": {"produk": "kepala", "kegiatan": next((c for c in columns if c != "pemohon"), "kepala")},
        "ruang_lingkup": "Bidang Pelayanan Perizinan",
        "pelaksana": columns,
        "langkah": steps,
    }
    if truncated:
        source["terpotong"] = "true"
        if as_written:
            draw(_into_the_missing_part(steps, ids))
    if second_decisions:  # the first few decision steps of one actor (SOP-F013) get a second decision
        deciding = [i for i, step in enumerate(steps) if "keputusan" in step and len(actors[i]) == 1]
        for i in deciding[:SECOND_DECISIONS]:
            draw(_second_decision(i, steps[i], ids))
    return source


YEARLESS_DATES = ["04 Januari", "Desember", "17 Agt.", "29 Februari", "Nopember"]


@st.composite
def as_signed(draw, source: dict[str, Any]) -> dict[str, Any]:
    """A drawn SOP as a real signed source may leave it (issue 21): without Lembar Kerja data, nomor,
    some waktu/output or a year in its dates; with lists numbered by the source (starting mid-way,
    with gaps), a regulation cited in its own words, a column headed its own way, and the regulation
    it is an annex of; symbols drawn on branches (`melalui`). `sop check` reports these as warnings only,
    and the SOP must build."""
    source = dict(source)
    for key in ("jenis_kegiatan", "penanggung_jawab", "ruang_lingkup", "nomor"):
        if draw(st.booleans()):
            source.pop(key, None)
    if draw(st.booleans()):
        source["tanggal"] = {"pembuatan": draw(st.sampled_from(YEARLESS_DATES)),
                             "efektif": draw(st.sampled_from(YEARLESS_DATES))}
    steps = [dict(step) for step in source["langkah"]]
    columns_order = list(source["pelaksana"])
    for step in steps:
        for key in ("waktu", "output"):
            if draw(st.integers(0, 9)) == 0:
                step.pop(key)
        if "keputusan" in step:  # as drawn: a question in the diamond, exits without a label
            if draw(st.booleans()):
                step["pertanyaan"] = draw(texts())
            step["keputusan"] = [
                {k: v for k, v in exit_.items() if k != "label"} if draw(st.integers(0, 3)) == 0 else exit_
                for exit_ in step["keputusan"]
            ]
        actors = step["pelaksana"] if isinstance(step["pelaksana"], list) else [step["pelaksana"]]
        places = [columns_order.index(a) for a in actors if a in columns_order]
        if len(places) == 2 and draw(st.booleans()):  # two actors: one way along the row, either way
            step["serah_terima"] = "true"
    source["langkah"] = steps
    source = draw(branch_symbols(source))
    first = draw(st.integers(1, 30))
    bases = list(source["dasar_hukum"])
    source["dasar_hukum"] = [{"nomor": str(first), "id": bases[0], "kutipan": draw(texts())}] + bases[1:]
    items = draw(st.lists(texts(), min_size=1, max_size=4))
    numbers = sorted(draw(st.sets(st.integers(1, 40), min_size=len(items), max_size=len(items))))
    source["kualifikasi_pelaksana"] = [{"nomor": str(n), "teks": t} for n, t in zip(numbers, items)]
    columns = list(source["pelaksana"])
    columns[0] = {"jabatan": columns[0], "kepala_kolom": draw(texts())}
    source["pelaksana"] = columns
    if draw(st.booleans()):
        source["lampiran"] = f"Lampiran {draw(texts())}"
    return source


SYMBOL_TEXTS = ["Melengkapi berkas", "Memperbaiki konsep surat", "Membuat surat penolakan", "Membayar retribusi"]


@st.composite
def branch_symbols(draw, source: dict[str, Any]) -> dict[str, Any]:
    """Some exits draw a process symbol on their branch (`melalui`), on the way to their `ke`: its text
    alone (in the decision's column) when the decision has one actor, else with any column of the SOP.
    Exits of second decisions too; never an exit that opens one (SOP-F019)."""
    columns = [c if isinstance(c, str) else c.get("jabatan") or "/".join(c["salah_satu"]) for c in source["pelaksana"]]

    def with_symbols(exits: list[dict], actors: list[str]) -> list[dict]:
        result = []
        for exit_ in exits:
            exit_ = dict(exit_)
            if "keputusan" in exit_:
                exit_["keputusan"] = with_symbols(exit_["keputusan"], actors)
            elif draw(st.integers(0, 3)) == 0:
                text = draw(st.one_of(st.sampled_from(SYMBOL_TEXTS), texts()))
                if len(actors) == 1 and draw(st.booleans()):
                    exit_["melalui"] = text
                else:
                    exit_["melalui"] = {"kegiatan": text, "pelaksana": draw(st.sampled_from(columns))}
            result.append(exit_)
        return result

    steps = []
    for step in source["langkah"]:
        step = dict(step)
        if "keputusan" in step:
            actors = step["pelaksana"] if isinstance(step["pelaksana"], list) else [step["pelaksana"]]
            step["keputusan"] = with_symbols(step["keputusan"], actors)
        steps.append(step)
    return {**source, "langkah": steps}


@st.composite
def _into_the_missing_part(draw, steps: list[dict], ids: list[str]) -> None:
    """Some exits of a truncated source go on into its missing part (`ke: bersambung`): an exit to
    the end, or one that leads back, may instead, when every step stays reachable (the way on counts
    as an end, so every path still ends). A deciding last step goes on that way now and then."""
    index = {step_id: i for i, step_id in enumerate(ids)}
    for i, step in enumerate(steps):
        for exit_ in step.get("keputusan", ()):
            if "ke" not in exit_:
                continue
            back = exit_["ke"] != END and index[exit_["ke"]] < i
            taken = {e.get("ke") for e in step["keputusan"]}
            if (exit_["ke"] == END or back) and CONTINUED not in taken and draw(st.integers(0, 99)) < 40:
                exit_["ke"], was = CONTINUED, exit_["ke"]
                if _first_unreachable(steps, ids) is not None:
                    exit_["ke"] = was


def to_sop(source: dict[str, Any]) -> Sop:
    """The validated model of a drawn source (as the loader would build it)."""
    return Sop.model_validate(source)


def corpora(max_sops: int = 3) -> st.SearchStrategy[list[dict[str, Any]]]:
    return st.lists(sop_sources(), min_size=1, max_size=max_sops)


def write_corpus(folder: Path, sources: list[dict[str, Any]]) -> Path:
    """Write the registries and each SOP (numbered apart: nomor must be unique) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    cited = {law if isinstance(law, str) else law["id"] for source in sources for law in source.get("dasar_hukum", ())}
    laws = {k: v for k, v in LAWS.items() if k in cited}  # an uncited entry would be a warning
    for name, registry in {**REGISTRIES, "_dasar-hukum.yml": laws}.items():
        (folder / name).write_text(_dump(registry), encoding="utf-8")
    for i, source in enumerate(sources, start=1):
        numbered = {**source, "nomor": f"800/{i:03d}/UJI"} if "nomor" in source else source  # a source may have none
        (folder / f"sop-uji-{i}.yml").write_text(_dump(numbered), encoding="utf-8")
    return folder


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
