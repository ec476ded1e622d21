"""Benchmark: how long Graphviz `dot` takes to draw one swimlane, by SOP size.

For each size (steps x actors) it builds a validated SOP model the way a source file would
give it (decisions that loop back and skip ahead, joint steps, hand-overs between lanes),
renders its swimlane DOT text with `macros.render.swimlane.swimlane_dot`, and runs
`dot -Tsvg` on it with a time limit per size, so the whole run always finishes. It prints the
DOT size (bytes, nodes, edges) and the wall and CPU time of `dot` (the best of --runs), and
optionally writes the SVGs and the figures as JSON.

    .venv/bin/python -m benchmarks.swimlane
    .venv/bin/python -m benchmarks.swimlane --sizes 60x12 100x20 --limit 30 --runs 3 --svg-dir /tmp/svg
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from pydantic import ValidationError  # noqa: E402

from macros.model import sop as sop_module  # noqa: E402
from macros.model.registry import Role  # noqa: E402
from macros.model.sop import Sop  # noqa: E402
from macros.render.context import Registries  # noqa: E402
from macros.render.swimlane import swimlane_dot  # noqa: E402

SIZES = ["20x4", "60x12", "100x20", "50x60", "200x20", "200x25"]
VERBS = ["Menerima", "Memeriksa", "Mencatat", "Menelaah", "Menyusun", "Memaraf", "Menyampaikan", "Mengarsipkan",
         "Meneruskan", "Menilai", "Mengoreksi", "Menandatangani", "Mengirim", "Merekap", "Memverifikasi"]
OBJECTS = ["surat masuk", "permohonan izin", "laporan keuangan", "usulan kegiatan", "data kinerja", "berita acara",
           "dokumen anggaran", "berkas pengaduan", "nota dinas", "rencana kerja"]
OUTPUTS = ["Nota dinas", "Berkas terverifikasi", "Surat jawaban", "Laporan", "Lembar disposisi"]


def registries(n_actors: int) -> Registries:
    roles = {}
    for k in range(n_actors):
        data = {"nama": f"Kepala Seksi Pelayanan Bidang {k + 1}", "singkatan": f"Kasi Bidang {k + 1}"}
        roles[f"jabatan-{k + 1}"] = Role.model_validate(data)
    return Registries.of({}, roles, {})


def sop_of(n_steps: int, n_actors: int, seed: int = 2024) -> tuple[Sop, bool]:
    """An SOP of that size and whether the model validated it whole: every actor has a step;
    about one step in twelve is joint, one in ten is a decision that loops back or skips
    ahead. More lanes than the model accepts: validated with the first lanes only, then
    given all of them unvalidated, to measure what `dot` would do with them."""
    rng = random.Random(f"{seed}-{n_steps}-{n_actors}")
    columns = [f"jabatan-{k + 1}" for k in range(n_actors)]
    order = [columns[i % n_actors] for i in range(max(n_steps, n_actors))][:n_steps]
    if n_steps < n_actors:  # more lanes than steps: joint steps give every lane a step
        order = columns[:n_steps]
    rng.shuffle(order)
    lanes_left = columns[n_steps:] if n_steps < n_actors else []
    steps = []
    for i in range(n_steps):
        actors = [order[i]]
        if lanes_left:
            actors += lanes_left[i::n_steps]
        elif rng.random() < 1 / 12:
            actors.append(rng.choice([c for c in columns if c != order[i]] or columns))
        obj = rng.choice(OBJECTS)
        steps.append({
            "id": f"l{i + 1}",
            "kegiatan": f"{rng.choice(VERBS)} {obj} tahap {i + 1}" + (" dan meneruskan hasilnya" if rng.random() < 0.3 else ""),
            "pelaksana": sorted(set(actors), key=columns.index),
            "kelengkapan": "Dokumen pendukung",
            "waktu": f"{rng.choice([5, 10, 15, 30, 60])} menit",
            "output": rng.choice(OUTPUTS),
        })
    for at in range(3, n_steps - 3, 10):  # decisions: back every other time, else forward
        back = (at // 10) % 2 == 0
        other = rng.randint(max(0, at - 8), at - 1) if back else rng.randint(at + 2, min(n_steps - 1, at + 8))
        labels = ("Ya", "Tidak") if back else ("Tidak", "Ya")
        steps[at]["keputusan"] = [{"label": labels[0], "ke": f"l{at + 2}"}, {"label": labels[1], "ke": f"l{other + 1}"}]
    data = {
        "nomor": f"800/{n_steps:03d}/{n_actors:02d}/BENCH",
        "judul": f"Swimlane {n_steps} langkah {n_actors} pelaksana",
        "instansi": "instansi-contoh",
        "tanggal": {"pembuatan": "2024-01-02"},
        "disahkan_oleh": {"jabatan": columns[0], "nama": "PEJABAT CONTOH"},
        "jenis_kegiatan": "Rutin",
        "penanggung_jawab": {"produk": columns[0], "kegiatan": columns[-1]},
        "ruang_lingkup": "Instansi contoh",
        "pelaksana": columns,
        "langkah": steps,
    }
    try:
        return Sop.model_validate(data), True
    except ValidationError:
        limit = getattr(sop_module, "MAX_COLUMNS", None)
        if limit is None or n_actors <= limit:
            raise
    sop = Sop.model_validate(data | {"pelaksana": columns[:limit]})
    return sop.model_copy(update={"columns": tuple(columns)}), False


def count(dot_text: str) -> tuple[int, int]:
    """Nodes and edges of a DOT text: identifiers outside quotes and attribute lists."""
    bare = re.sub(r"\[[^\]]*\]", "", re.sub(r'"(?:[^"\\]|\\.)*"', "", dot_text))
    names = set(re.findall(r"\b[A-Za-z_]\w*\b", bare)) - {"digraph", "graph", "node", "edge", "subgraph", "rank", "same", "swimlane"}
    return len(names), bare.count("->")


def measure(dot_text: str, limit: float, runs: int, svg_path: Path | None = None) -> dict:
    """`dot -Tsvg` on `dot_text`, `runs` times unless one passes the limit: the best wall time
    and the best CPU time (the least disturbed by other work on the machine)."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        start = time.perf_counter()
        try:
            proc = subprocess.run(["dot", "-Tsvg"], input=dot_text.encode("utf-8"), capture_output=True, timeout=limit)
        except subprocess.TimeoutExpired:
            return {"seconds": None, "cpu_seconds": None, "timeout": True}
        walls.append(time.perf_counter() - start)
        cpus.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - cpu_before)
        if proc.returncode != 0:
            break
    if svg_path is not None and proc.returncode == 0:
        svg_path.write_bytes(proc.stdout)
    return {"seconds": round(min(walls), 3), "cpu_seconds": round(min(cpus), 3), "timeout": False,
            "runs": [round(w, 3) for w in walls], "code": proc.returncode,
            "warnings": proc.stderr.decode("utf-8", "replace").strip()[:200]}


def main() -> None:
    parser = argparse.ArgumentParser(description="Ukur waktu dot untuk swimlane berbagai ukuran.")
    parser.add_argument("--sizes", nargs="*", default=SIZES, help="ukuran LANGKAHxPELAKSANA, mis. 60x12")
    parser.add_argument("--limit", type=float, default=60.0, help="batas waktu dot per ukuran per jalan (detik)")
    parser.add_argument("--runs", type=int, default=1, help="jalankan dot sekian kali per ukuran; dilaporkan yang tercepat")
    parser.add_argument("--svg-dir", type=Path, help="simpan SVG di folder ini")
    parser.add_argument("--json", type=Path, help="tulis angka sebagai JSON ke berkas ini")
    args = parser.parse_args()
    if not shutil.which("dot"):
        sys.exit("program 'dot' dari Graphviz tidak ditemukan; pasang dengan 'apt-get install graphviz'")
    if args.svg_dir:
        args.svg_dir.mkdir(parents=True, exist_ok=True)
    results = []
    print(f"{'ukuran':>8} {'DOT (byte)':>11} {'simpul':>7} {'sisi':>6} {'dot (detik)':>14} {'CPU (detik)':>12}")
    for size in args.sizes:
        n_steps, n_actors = (int(x) for x in size.lower().split("x"))
        sop, validated = sop_of(n_steps, n_actors)
        dot_text = swimlane_dot(sop, registries(n_actors))
        n_nodes, n_edges = count(dot_text)
        svg_path = args.svg_dir / f"swimlane-{size}.svg" if args.svg_dir else None
        result = {"size": size, "validated": validated, "dot_bytes": len(dot_text.encode("utf-8")), "nodes": n_nodes,
                  "edges": n_edges, **measure(dot_text, args.limit, max(1, args.runs), svg_path)}
        results.append(result)
        if result["timeout"]:
            wall, cpu = f"> {args.limit:g} (batas)", "-"
        else:
            wall, cpu = f"{result['seconds']:.2f}", f"{result['cpu_seconds']:.2f}"
            if result["code"] != 0:
                wall += f" (gagal, kode {result['code']})"
        shown_size = size + ("" if validated else "*")
        print(f"{shown_size:>8} {result['dot_bytes']:>11} {n_nodes:>7} {n_edges:>6} {wall:>14} {cpu:>12}", flush=True)
    if not all(r["validated"] for r in results):
        print("* lebih banyak pelaksana daripada yang diterima model; diukur tanpa validasi")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
