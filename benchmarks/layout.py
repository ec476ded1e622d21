"""Benchmark: how long the flowchart layout takes, by steps × exits × label length (issue 23).

For each size it builds a legal SOP (`sop check --strict` passes it; `dense_source`): two actors
taking turns, every second step a decision with that many exits (one to the next step, the others
back and forward over the whole procedure, one to the end), every exit's label that many characters
long, and now and then a joint step. It times the print layout as a build makes it (the A4 page
plan, `pagination.plan`, which lays out and re-splits pages) and the screen layout (one page), and
counts the work: lines checked against what is already laid (`_Board.free`) and pages laid out.
Each size runs in a child process with a time limit, so the whole run always finishes.

The bound it checks (printed under the table): lines checked ≤ WORK_PER_ARROW per arrow of the
flowchart (an exit, or a step's arrow to the next), for print and screen together — the layout's
work grows with the arrows, not with their square, nor with the labels' length.

    .venv/bin/python -m benchmarks.layout
    .venv/bin/python -m benchmarks.layout --steps 10 40 --exits 2 20 --labels 5 90 --limit 120 --json out.json
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

STEPS = [10, 20, 30, 40]
EXITS = [2, 5, 10, 20]
LABELS = [5, 30, 90]
WORK_PER_ARROW = 4000  # the stated bound: lines checked per arrow, print and screen together
ACTORS = ["petugas-loket", "verifikator", "kasi-verifikasi", "kabid-pelayanan", "sekretaris", "kepala"]
FILLER = "berkas dikembalikan kepada pemohon untuk dilengkapi sesuai ketentuan yang berlaku "


def _label(k: int, length: int) -> str:
    """The k-th exit's label, `length` characters long (at least its number), unique in its decision."""
    head = f"C{k} "
    text = head + FILLER * (length // len(FILLER) + 1)
    return text[:max(length, len(head) - 1)].rstrip()


def dense_source(steps: int, exits: int, label_length: int, actors: int = 2, seed: int = 2024) -> dict[str, Any]:
    """A legal SOP: `actors` actors taking turns, every second step a decision with `exits` exits
    (at most one per other step and the end) whose labels are `label_length` characters long, one
    step in seven joint (two actors side by side)."""
    rng = random.Random(f"{seed}-{steps}-{exits}-{label_length}-{actors}")
    columns = ACTORS[:actors]
    ids = [f"l{i + 1}" for i in range(steps)]
    langkah = []
    for i in range(steps):
        actor = columns[i % actors]
        step: dict[str, Any] = {
            "id": ids[i],
            "kegiatan": f"Memeriksa berkas permohonan tahap {i + 1}",
            "pelaksana": actor,
            "kelengkapan": "Berkas permohonan",
            "waktu": "10 menit",
            "output": f"Berkas tahap {i + 1}",
        }
        if actors > 1 and i % 7 == 3:
            step["pelaksana"] = [actor, columns[(i + 1) % actors]]
        if i % 2 == 1 and i < steps - 1:
            others = [t for t in range(steps) if t not in (i, i + 1)]
            places = [ids[i + 1]] + ["selesai"] + [ids[t] for t in rng.sample(others, min(len(others), exits - 2))]
            step["keputusan"] = [{"label": _label(k + 1, label_length), "ke": place}
                                 for k, place in enumerate(places[:exits])]
        langkah.append(step)
    return {
        "nomor": "800/001/UJI",
        "judul": "Pelayanan Perizinan Berkeputusan Banyak",
        "instansi": "dinas-uji",
        "tanggal": {"pembuatan": "2025-03-03", "efektif": "2025-03-10"},
        "disahkan_oleh": {"jabatan": "kepala", "nama": "SITI RAHMAWATI, S.E., M.M."},
        "dasar_hukum": ["uu-25-2009"],
        "kualifikasi_pelaksana": ["Memahami ketentuan perizinan"],
        "peralatan_perlengkapan": ["Komputer"],
        "peringatan": ["Berkas yang tidak lengkap tidak diproses"],
        "pencatatan_pendataan": ["Buku register permohonan"],
        "jenis_kegiatan": "Pelayanan",
        "penanggung_jawab": {"produk": "kepala", "kegiatan": columns[-1]},
        "ruang_lingkup": "Bidang Pelayanan Perizinan",
        "pelaksana": columns,
        "langkah": langkah,
    }


def arrows(sop) -> int:
    """The flowchart's arrows: its edges between steps and its exits that end the procedure."""
    from macros.model.flow import edges, leaving_exits

    return len(edges(sop)) + len(leaving_exits(sop))


def measure(steps: int, exits: int, label_length: int, actors: int) -> dict[str, Any]:
    """Lay the SOP out (print plan on A4, then the screen) in this process, counting the work."""
    from macros.model.sop import Sop
    from macros.render.flowchart import layout
    from macros.render.flowchart.geometry import Metrics
    from macros.render.flowchart.pagination import PrintGeometry, plan
    from macros.render.screen_fit import SCREEN_COLUMN

    counts = {"checks": 0, "pages": 0}
    free, build = layout._Board.free, layout._PageBuilder.build

    def counted_free(self, *args, **kwargs):
        counts["checks"] += 1
        return free(self, *args, **kwargs)

    def counted_build(self):
        counts["pages"] += 1
        return build(self)

    layout._Board.free, layout._PageBuilder.build = counted_free, counted_build
    sop = Sop.model_validate(dense_source(steps, exits, label_length, actors))
    start = time.process_time()
    planned = plan(sop, PrintGeometry("A4"), header=70.0, footer=30.0)
    printed = time.process_time() - start
    print_counts = dict(counts)
    start = time.process_time()
    layout.layout_pages(sop, [range(len(sop.steps))], Metrics(SCREEN_COLUMN))
    screen = time.process_time() - start
    return {
        "steps": steps, "exits": exits, "label": label_length, "actors": actors, "arrows": arrows(sop),
        "print_s": round(printed, 3), "screen_s": round(screen, 3), "printed_pages": len(planned),
        "pages_laid_out": print_counts["pages"], "checks_print": print_counts["checks"],
        "checks": counts["checks"],
    }


def run_one(steps: int, exits: int, label_length: int, actors: int, limit: float) -> dict[str, Any]:
    """`measure` in a child process, given up after `limit` seconds."""
    code = ("import json, sys; from benchmarks.layout import measure; "
            f"print(json.dumps(measure({steps}, {exits}, {label_length}, {actors})))")
    try:
        out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=limit,
                             check=True, env={"PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    except subprocess.TimeoutExpired:
        return {"steps": steps, "exits": exits, "label": label_length, "actors": actors, "timeout_s": limit}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _row(r: dict[str, Any]) -> str:
    size = f"{r['steps']:>6} {r['exits']:>6} {r['label']:>6}"
    if "timeout_s" in r:
        return f"{size}   > {r['timeout_s']:.0f} s (dihentikan)"
    per_arrow = r["checks"] / max(1, r["arrows"])
    within = "ya" if per_arrow <= WORK_PER_ARROW else "TIDAK"
    return (f"{size} {r['arrows']:>6} {r['print_s']:>10.2f} {r['screen_s']:>9.2f} {r['printed_pages']:>8} "
            f"{r['pages_laid_out']:>9} {r['checks']:>10} {per_arrow:>10.0f} {within:>7}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Ukur waktu tata letak bagan alir: langkah × cabang × panjang label.")
    parser.add_argument("--steps", type=int, nargs="+", default=STEPS, help="jumlah langkah")
    parser.add_argument("--exits", type=int, nargs="+", default=EXITS, help="cabang tiap keputusan (tiap langkah kedua)")
    parser.add_argument("--labels", type=int, nargs="+", default=LABELS, help="panjang label cabang (karakter)")
    parser.add_argument("--actors", type=int, default=2, help="jumlah pelaksana (kolom)")
    parser.add_argument("--limit", type=float, default=300.0, help="batas waktu per ukuran (detik)")
    parser.add_argument("--json", type=Path, default=None, help="tulis angka sebagai JSON (mis. benchmarks/results-layout.json)")
    args = parser.parse_args(argv)
    print(f"{'langkah':>6} {'cabang':>6} {'label':>6} {'panah':>6} {'cetak (s)':>10} {'layar (s)':>9} {'halaman':>8} "
          f"{'tata letak':>9} {'cek garis':>10} {'cek/panah':>10} {'batas?':>7}")
    results = []
    for steps in args.steps:
        for exits in args.exits:
            for label_length in args.labels:
                results.append(run_one(steps, exits, label_length, args.actors, args.limit))
                print(_row(results[-1]), flush=True)
    print(f"batas: cek garis ≤ {WORK_PER_ARROW} per panah (cetak A4 + layar); waktu CPU, mesin {platform.machine()}")
    if args.json:
        machine = {"python": platform.python_version(), "platform": platform.platform(), "processor": platform.machine()}
        payload = {"machine": machine, "bound_checks_per_arrow": WORK_PER_ARROW, "results": results}
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
