"""A synthetic but realistic kabupaten corpus in the project's own source format.

Deterministic from a seed: the same (n, seed) writes byte-identical files. SOPs are spread
over one sub-folder of `sop/` per agency (OPD), draw 3-8 actors from a shared registry of
about 60 roles, have 5-25 steps, a share of decisions that loop back or skip forward, cite
2-8 legal bases from a shared registry, and relate to each other.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

AGENCIES = [
    "Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan", "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Sosial", "Dinas Perhubungan", "Dinas Lingkungan Hidup", "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Dinas Pertanian", "Dinas Perikanan",
    "Dinas Koperasi dan Usaha Kecil Menengah", "Dinas Perindustrian dan Perdagangan", "Dinas Pariwisata",
    "Dinas Pemuda dan Olahraga", "Dinas Komunikasi dan Informatika", "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Tenaga Kerja dan Transmigrasi", "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Perpustakaan dan Kearsipan",
    "Dinas Ketahanan Pangan", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Badan Keuangan Daerah",
    "Badan Pendapatan Daerah", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Badan Penanggulangan Bencana Daerah", "Badan Kesatuan Bangsa dan Politik", "Inspektorat Daerah",
    "Satuan Polisi Pamong Praja", "Sekretariat Daerah", "Sekretariat DPRD", "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Dinas Pemadam Kebakaran", "Dinas Peternakan",
    "Dinas Perkebunan", "Rumah Sakit Umum Daerah", "Kecamatan Kota", "Kecamatan Pesisir", "Kecamatan Pegunungan",
    "Dinas Kelautan",
]
ROLE_KINDS = [
    ("kepala", "Kepala", "Kepala"), ("sekretaris", "Sekretaris", "Sekretaris"),
    ("kasubbag-umum", "Kepala Sub Bagian Umum dan Kepegawaian", "Kasubbag Umum"),
    ("kasubbag-keuangan", "Kepala Sub Bagian Keuangan", "Kasubbag Keuangan"),
    ("kasubbag-program", "Kepala Sub Bagian Perencanaan dan Program", "Kasubbag Program"),
    ("bendahara", "Bendahara Pengeluaran", "Bendahara"), ("pengadministrasi", "Pengadministrasi Umum", "Pengadministrasi"),
    ("arsiparis", "Arsiparis", "Arsiparis"), ("analis-kebijakan", "Analis Kebijakan", "Analis Kebijakan"),
    ("pranata-komputer", "Pranata Komputer", "Pranata Komputer"), ("petugas-loket", "Petugas Loket Pelayanan", "Petugas Loket"),
    ("pemohon", "Pemohon Layanan", "Pemohon"), ("verifikator", "Verifikator Berkas", "Verifikator"),
    ("ppk", "Pejabat Pembuat Komitmen", "PPK"), ("pptk", "Pejabat Pelaksana Teknis Kegiatan", "PPTK"),
]
BIDANG = ["Pelayanan", "Pengawasan", "Perencanaan", "Pembinaan", "Data dan Informasi", "Sarana dan Prasarana",
          "Pengembangan", "Evaluasi", "Penegakan", "Perizinan", "Kemitraan", "Pemberdayaan", "Rehabilitasi"]
OBJECTS = ["surat masuk", "surat keluar", "permohonan izin", "laporan keuangan", "usulan kegiatan", "data kinerja",
           "dokumen anggaran", "berkas pengaduan", "rekomendasi teknis", "berita acara", "surat tugas", "nota dinas",
           "laporan kegiatan", "dokumen pengadaan", "usulan mutasi", "data kepegawaian", "rencana kerja", "hasil evaluasi"]
VERBS = ["Menerima", "Memeriksa", "Mencatat", "Menelaah", "Menyusun", "Memaraf", "Menyampaikan", "Mengarsipkan",
         "Meneruskan", "Menilai", "Mengoreksi", "Menandatangani", "Mengirim", "Menyerahkan", "Merekap", "Mengolah",
         "Memverifikasi", "Mengunggah", "Mencetak", "Mendisposisikan", "Menyetujui", "Menjadwalkan", "Membahas"]
TITLES = ["Pelayanan", "Pengelolaan", "Penyusunan", "Penerbitan", "Verifikasi", "Penanganan", "Pengajuan", "Evaluasi"]
LAWS = [
    ("Undang-Undang", "23", 2014, "Pemerintahan Daerah"), ("Undang-Undang", "25", 2009, "Pelayanan Publik"),
    ("Undang-Undang", "30", 2014, "Administrasi Pemerintahan"), ("Undang-Undang", "14", 2008, "Keterbukaan Informasi Publik"),
    ("Undang-Undang", "20", 2023, "Aparatur Sipil Negara"), ("Undang-Undang", "43", 2009, "Kearsipan"),
    ("Peraturan Pemerintah", "60", 2008, "Sistem Pengendalian Intern Pemerintah"),
    ("Peraturan Pemerintah", "12", 2017, "Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Daerah"),
    ("Peraturan Pemerintah", "18", 2016, "Perangkat Daerah"), ("Peraturan Pemerintah", "12", 2019, "Pengelolaan Keuangan Daerah"),
    ("Peraturan Pemerintah", "94", 2021, "Disiplin Pegawai Negeri Sipil"), ("Peraturan Pemerintah", "5", 2021, "Penyelenggaraan Perizinan Berusaha Berbasis Risiko"),
    ("Peraturan Presiden", "81", 2010, "Grand Design Reformasi Birokrasi 2010-2025"), ("Peraturan Presiden", "95", 2018, "Sistem Pemerintahan Berbasis Elektronik"),
    ("Peraturan Presiden", "16", 2018, "Pengadaan Barang/Jasa Pemerintah"),
    ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "35", 2012, "Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan"),
    ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "53", 2014, "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah"),
    ("Peraturan Menteri Dalam Negeri", "77", 2020, "Pedoman Teknis Pengelolaan Keuangan Daerah"),
    ("Peraturan Menteri Dalam Negeri", "86", 2017, "Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah"),
    ("Peraturan Menteri Dalam Negeri", "1", 2023, "Pedoman Tata Naskah Dinas di Lingkungan Pemerintah Daerah"),
]


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _nip(rng: random.Random) -> str:
    year = rng.randint(1965, 1990)
    return f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d} {year + rng.randint(20, 30)}{rng.randint(1, 12):02d} {rng.randint(1, 2)} {rng.randint(1, 999):03d}"


def _registries(n_units: int) -> tuple[dict, dict, dict, list[str]]:
    agencies, roles = {}, {}
    unit_ids = []
    for u in range(n_units):
        name = AGENCIES[u % len(AGENCIES)] + ("" if u < len(AGENCIES) else f" {u // len(AGENCIES) + 1}")
        uid = _slug(name)[:40].rstrip("-") + (f"-{u}" if u >= len(AGENCIES) else "")
        unit_ids.append(uid)
        agencies[uid] = {"pemerintah": "Pemerintah Kabupaten Contoh", "nama": name, "singkatan": name,
                         "alamat": f"Jl. Pemuda No. {u + 1}, Kota Contoh"}
    for kind, name, short in ROLE_KINDS:
        roles[kind] = {"nama": name, "singkatan": short}
        if kind in EXTERNAL:
            roles[kind]["eksternal"] = True  # a citizen: acts in steps, answers for nothing
    for b in BIDANG:  # heads of bidang and their sections: together about 60 roles
        roles[f"kabid-{_slug(b)}"] = {"nama": f"Kepala Bidang {b}", "singkatan": f"Kabid {b}"}
        roles[f"kasi-{_slug(b)}"] = {"nama": f"Kepala Seksi {b}", "singkatan": f"Kasi {b}"}
        roles[f"staf-{_slug(b)}"] = {"nama": f"Pelaksana Bidang {b}", "singkatan": f"Staf {b}"}
    laws = {}
    for kind, number, year, subject in LAWS:
        short = {"Undang-Undang": "uu", "Peraturan Pemerintah": "pp", "Peraturan Presiden": "perpres"}.get(kind, "permen")
        laws[f"{short}-{number}-{year}"] = {"jenis": kind, "nomor": number, "tahun": year, "tentang": subject}
    return agencies, roles, laws, unit_ids


def _steps(rng: random.Random, columns: list[str], n_steps: int) -> list[dict]:
    obj = rng.choice(OBJECTS)
    actors = [columns[i % len(columns)] if i < len(columns) else rng.choice(columns) for i in range(n_steps)]
    rng.shuffle(actors)
    steps = []
    for i in range(n_steps):
        verb = VERBS[(i + rng.randint(0, 3)) % len(VERBS)]
        extra = " dan " + rng.choice(VERBS).lower() + " hasilnya" if rng.random() < 0.3 else ""
        steps.append({
            "id": f"l{i + 1}",
            "kegiatan": f"{verb} {obj} tahap {i + 1}{extra}",
            "pelaksana": actors[i],
            "kelengkapan": rng.choice(["Salinan " + obj, "Formulir isian", "Lembar disposisi", "Dokumen pendukung"]),
            "waktu": f"{rng.choice([5, 10, 15, 30, 45, 60, 90, 120])} menit" if rng.random() < 0.9 else f"{rng.randint(1, 3)} hari kerja",
            "output": rng.choice([obj.capitalize(), "Berkas terverifikasi", "Nota dinas", "Surat jawaban", "Laporan"]),
        })
    if n_steps >= 6 and rng.random() < 0.35:  # a decision that loops back or skips ahead
        at = rng.randint(2, n_steps - 3)
        if rng.random() < 0.6:
            other = rng.randint(0, at - 1)
            labels = ("Ya", "Tidak")
        else:
            other = rng.randint(at + 2, n_steps - 1)
            labels = ("Tidak", "Ya")
        steps[at]["keputusan"] = [{"label": labels[0], "ke": f"l{at + 2}"}, {"label": labels[1], "ke": f"l{other + 1}"}]
    return steps


EXTERNAL = {"pemohon"}


def _official(role: str) -> str:
    """Who answers for an activity is an official of the agency, never the citizen in it."""
    return "kepala" if role in EXTERNAL else role


def generate(target: Path, n: int, seed: int = 2024) -> Path:
    """Write `n` SOPs with their registries into `target` (replaced). Returns the sources folder."""
    rng = random.Random(seed)
    n_units = min(len(AGENCIES), max(3, round(n / 40)))  # a kabupaten has 30-40 agencies
    agencies, roles, laws, unit_ids = _registries(n_units)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)  # noqa: E731
    (target / "_instansi.yml").write_text(dump(agencies), encoding="utf-8")
    (target / "_jabatan.yml").write_text(dump(roles), encoding="utf-8")
    (target / "_dasar-hukum.yml").write_text(dump(laws), encoding="utf-8")
    role_ids, law_ids = list(roles), list(laws)
    per_unit: dict[str, list[str]] = {u: [] for u in unit_ids}
    plans = []
    for i in range(n):
        unit = unit_ids[i % n_units]
        title = f"{rng.choice(TITLES)} {rng.choice(OBJECTS).title()} {i + 1}"
        slug = f"{_slug(title)}-{unit.split('-')[0][:6]}"
        per_unit[unit].append(slug)
        plans.append((i, unit, title, slug))
    for i, unit, title, slug in plans:
        n_steps = rng.randint(5, 25)
        columns = rng.sample(role_ids, min(n_steps, rng.randint(3, 8)))
        siblings = [s for s in per_unit[unit] if s != slug]
        related = [{"sop": s} for s in rng.sample(siblings, min(len(siblings), rng.randint(0, 2)))]
        related += [{"judul": f"SOP {rng.choice(TITLES)} {rng.choice(OBJECTS).title()}"}]
        created = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sop = {
            "nomor": f"{800 + i % 100}/{i + 1:04d}/{unit.split('-')[0].upper()[:8]}",
            "judul": title,
            "instansi": unit,
            "unit": f"Bidang {rng.choice(BIDANG)}",
            "tanggal": {"pembuatan": created, "efektif": created},
            "disahkan_oleh": {"jabatan": "kepala", "nama": "PEJABAT CONTOH, S.H.", "pangkat": "Pembina", "golongan": "IV/a",
                              "nip": _nip(rng)},
            "dasar_hukum": rng.sample(law_ids, rng.randint(2, 8)),
            "kualifikasi_pelaksana": ["Memahami tugas pokok dan fungsi", "Mampu mengoperasikan komputer"],
            "keterkaitan": related,
            "peralatan_perlengkapan": ["Komputer", "Printer", "Alat tulis kantor"],
            "peringatan": ["Keterlambatan menghambat pelayanan"],
            "pencatatan_pendataan": ["Register " + title.lower()],
            "jenis_kegiatan": rng.choice(["Pelayanan", "Rutin", "Penugasan"]),
            "penanggung_jawab": {"produk": "kepala", "kegiatan": _official(rng.choice(columns))},
            "ruang_lingkup": agencies[unit]["nama"],
            "pelaksana": columns,
            "langkah": _steps(rng, columns, n_steps),
        }
        folder = target / unit
        folder.mkdir(exist_ok=True)
        (folder / f"{slug}.yml").write_text(dump(sop), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Buat korpus SOP sintetis.")
    parser.add_argument("target", type=Path)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    generate(args.target, args.n, args.seed)


if __name__ == "__main__":
    main()
