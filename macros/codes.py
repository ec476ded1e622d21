"""The catalogue of check codes. A code never changes meaning once released.

Each code has one severity and a one-line Indonesian summary, which the site's Kode Pemeriksaan
page shows (render/codes.py, made from this catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding, Location, Severity

E = Severity.ERROR
W = Severity.WARNING


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    summary: str

    def at(self, location: Location, message: str) -> Finding:
        return Finding(location, self.code, self.severity, message)


CATALOGUE: dict[str, Code] = {}


def _code(code: str, severity: Severity, summary: str) -> Code:
    entry = Code(code, severity, summary)
    CATALOGUE[code] = entry
    return entry


# Reading the files
YAML_SYNTAX = _code("SOP-Y001", E, "Berkas bukan YAML yang sah (sintaks, bukan UTF-8, lebih dari satu dokumen)")
YAML_DUPLICATE_KEY = _code("SOP-Y002", E, "Kunci yang sama ditulis dua kali dalam satu pemetaan")
UNREADABLE_SOURCE = _code(
    "SOP-Y003", E, "Berkas tidak dibaca: bukan berkas biasa, terlalu besar, atau tautan ke luar folder sumber"
)
# Shape of a source
UNKNOWN_KEY = _code("SOP-S001", E, "Kunci tidak dikenal (disertai saran ejaan)")
MISSING_FIELD = _code("SOP-S002", E, "Isian wajib tidak ada")
WRONG_TYPE = _code("SOP-S003", E, "Jenis atau bentuk nilai salah")
BAD_SLUG = _code("SOP-S004", E, "Nama berkas SOP bukan slug yang sah (huruf kecil, angka, tanda hubung)")
DUPLICATE_SLUG = _code("SOP-S005", E, "Dua berkas SOP dengan slug yang sama")
UNKNOWN_REGISTRY = _code("SOP-S006", E, "Berkas berawalan _ yang bukan registri yang dikenal")
MISSING_REGISTRY = _code("SOP-S007", E, "Registri yang dirujuk SOP tidak ada")
UPPERCASE_SUFFIX = _code("SOP-S008", E, "Berkas sumber berakhiran .YML/.YAML berhuruf besar, yang tidak dibaca")
BROKEN_REGISTRY = _code("SOP-S009", E, "SOP merujuk registri atau entri registri yang rusak; SOP itu tidak diterbitkan")
RESERVED_NAME = _code("SOP-S010", E, "Id atau slug yang dicadangkan untuk halaman situs (mis. index)")
STEP_NUMBERS_PARTIAL = _code("SOP-S011", E, "Nomor langkah sumber (nomor) hanya ditulis pada sebagian langkah")
STEP_NUMBER_TWICE = _code("SOP-S012", E, "Dua langkah dengan nomor yang sama")
STEP_NUMBERS_NOT_INCREASING = _code("SOP-S013", E, "Nomor langkah tidak naik mengikuti urutan langkah")
STEP_NUMBER_FORM = _code("SOP-S014", E, "Nomor langkah bukan bilangan bulat positif (mis. 6)")
ITEM_NUMBERS_NOT_INCREASING = _code(
    "SOP-S015", E, "Nomor butir daftar bagian identitas (nomor:) tidak naik mengikuti urutan butir"
)
# Actors and roles
ACTOR_NOT_COLUMN = _code("SOP-A001", E, "Pelaksana langkah tidak termasuk kolom pelaksana SOP")
UNUSED_COLUMN = _code("SOP-A002", E, "Kolom pelaksana yang tidak dipakai satu langkah pun")
UNKNOWN_ROLE = _code("SOP-A003", E, "Id jabatan tidak ada di registri jabatan")
UNKNOWN_RESPONSIBLE = _code("SOP-A004", E, "Penanggung jawab bukan jabatan yang dikenal")
DUPLICATE_COLUMN = _code("SOP-A005", E, "Kolom pelaksana yang sama ditulis dua kali")
EITHER_TOO_FEW = _code("SOP-A006", E, "Kolom 'salah satu' dengan kurang dari dua jabatan berbeda")
EXTERNAL_OFFICIAL = _code(
    "SOP-A010", E, "Pengesah atau penanggung jawab SOP adalah pihak di luar instansi (eksternal), bukan pejabat"
)
UNMARKED_EXTERNAL = _code(
    "SOP-A011", W, "Jabatan bernama pihak luar (Pemohon, Masyarakat, …) yang tidak ditandai eksternal: true"
)
UNKNOWN_AGENCY = _code("SOP-I001", E, "Id instansi tidak ada di registri instansi")
AGENCY_NO_ADDRESS = _code("SOP-I002", W, "Alamat instansi untuk kop belum diisi")
BAD_LOGO = _code("SOP-I003", E, "Logo instansi bukan berkas gambar yang ada di docs/")
# Legal bases
UNKNOWN_LEGAL_BASIS = _code("SOP-L001", E, "Id dasar hukum tidak ada di registri dasar hukum")
INCOMPLETE_CITATION = _code("SOP-L002", W, "Dasar hukum yang dikutip ditandai tidak lengkap")
REPEALED_CITED = _code("SOP-L003", W, "Dasar hukum yang sudah dicabut masih dikutip (disebut penggantinya)")
DUPLICATE_REGULATION = _code("SOP-L004", E, "Peraturan yang sama terdaftar dua kali di registri")
UNCITED_LEGAL_BASIS = _code("SOP-L005", W, "Dasar hukum di registri yang tidak dikutip SOP mana pun")
UNKNOWN_REPLACEMENT = _code("SOP-L006", E, "Pengganti (diganti_oleh) tidak ada di registri dasar hukum")
CITED_TWICE = _code("SOP-L007", W, "Dasar hukum yang sama dikutip dua kali dalam satu SOP")
REPLACEMENT_CYCLE = _code("SOP-L008", E, "Penggantian dasar hukum yang berputar (A diganti B, B diganti A) atau mengganti dirinya")
FORM_KIND_MISMATCH = _code("SOP-L009", E, "Jenis dasar hukum tidak sesuai bentuknya (mis. 'Keputusan …' dengan bentuk peraturan)")
FIELD_NOT_IN_FORM = _code("SOP-L010", E, "Isian yang tidak dipakai bentuk kutipan itu (mis. nomor atau tahun pada standar)")
DATE_YEAR_MISMATCH = _code("SOP-L011", E, "Tanggal penetapan dasar hukum tidak jatuh pada tahunnya")
STANDARD_WITHOUT_EDITION = _code("SOP-L012", W, "Kode standar tanpa tahun edisi (mis. 'ISO 9001' tanpa ':2015')")
CITATION_WITHOUT_YEAR = _code(
    "SOP-L013", W, "Dasar hukum tanpa tahun (tidak di 'tahun', 'tanggal', maupun nomornya): dicetak tanpa tahun"
)
# Flow
TOO_FEW_EXITS = _code("SOP-F001", E, "Keputusan tanpa cabang (keputusan: kosong); satu cabang saja: SOP-F015")
EXIT_TARGET_MISSING = _code("SOP-F002", E, "Cabang keputusan menuju langkah yang tidak ada")
DUPLICATE_EXIT_LABEL = _code("SOP-F003", E, "Dua cabang keputusan dengan label yang sama")
UNREACHABLE_STEP = _code("SOP-F004", E, "Langkah yang tidak dapat dicapai dari langkah pertama")
NO_WAY_TO_END = _code("SOP-F005", E, "Alur yang tidak pernah sampai ke akhir prosedur")
DUPLICATE_STEP_ID = _code("SOP-F006", E, "Dua langkah dengan id yang sama")
EXIT_TO_ITSELF = _code("SOP-F007", E, "Cabang keputusan menuju langkahnya sendiri")
DECISION_MARKED_END = _code("SOP-F008", E, "Keputusan ditandai selesai: true (akhir prosedur ditulis pada cabangnya: ke: selesai)")
EXIT_WITHOUT_TARGET = _code("SOP-F009", E, "Cabang keputusan tanpa tujuan (ke: kosong); tulis id langkah atau selesai")
EXITS_TO_SAME_PLACE = _code("SOP-F010", E, "Dua cabang satu keputusan menuju tempat yang sama")
RESERVED_STEP_ID = _code(
    "SOP-F011", E, "Id langkah 'selesai' atau 'bersambung' dicadangkan (akhir prosedur, lanjutan sumber terpotong)"
)
NESTED_DECISION_FORM = _code(
    "SOP-F012", E, "Cabang yang menulis ke: dan keputusan: sekaligus, atau keputusan kedua yang bercabang lagi (hanya satu tingkat)"
)
SECOND_DECISION_JOINT = _code(
    "SOP-F013", E, "Keputusan kedua pada langkah bersama atau langkah dengan lebih dari satu keputusan kedua; pecah menjadi langkah sendiri"
)
CONTINUES_NOT_TRUNCATED = _code(
    "SOP-F014", E, "Cabang ke: bersambung pada SOP yang sumbernya tidak terpotong (tanpa terpotong: true)"
)
ONE_EXIT = _code("SOP-F015", W, "Keputusan dengan satu cabang saja: digambar seperti sumber, dengan satu panah keluar")
QUESTION_NOT_DECISION = _code(
    "SOP-F016", E, "Pertanyaan (pertanyaan:) pada langkah atau cabang yang tidak membuka keputusan"
)
HANDOVER_FORM = _code(
    "SOP-F017", E, "Serah terima (serah_terima: true) pada langkah dengan kurang dari dua pelaksana, atau urutan pelaksananya bolak-balik antarkolom"
)
BRANCH_SYMBOL_COLUMN = _code(
    "SOP-F018", E, "Simbol pada cabang (melalui:) yang pelaksananya bukan kolom pelaksana SOP, atau tanpa pelaksana pada keputusan bersama"
)
BRANCH_SYMBOL_PLACE = _code(
    "SOP-F019", E, "Simbol pada cabang (melalui:) pada cabang yang membuka keputusan kedua; tulis pada cabang keputusan kedua itu"
)
# Dates
IMPOSSIBLE_DATE = _code(
    "SOP-T001", E, "Tanggal yang tidak ada di kalender atau bentuknya tidak dikenali (TTTT-BB-HH, TTTT-BB, TTTT, Januari 2016)"
)
EFFECTIVE_BEFORE_CREATED = _code("SOP-T002", E, "Tanggal efektif (atau pengesahan) pasti sebelum tanggal pembuatan")
REVISED_BEFORE_CREATED = _code("SOP-T003", E, "Tanggal revisi pasti sebelum tanggal pembuatan")
AMBIGUOUS_DATE = _code("SOP-T004", E, "Tanggal taksa: urutan hari dan bulan dapat terbaca dua cara (mis. 05/02/2020)")
EFFECTIVE_TWICE = _code("SOP-T005", E, "Tanggal efektif dan tanggal pengesahan ditulis keduanya; tulis salah satu")
RETIRED_BEFORE_CREATED = _code("SOP-T006", E, "Tanggal pencabutan pasti sebelum tanggal pembuatan atau tanggal efektif")
YEARLESS_DATE = _code(
    "SOP-T007", W, "Tanggal SOP tanpa tahun (04 Januari, Desember): dicetak seperti ditulis, tidak dipakai menghitung tinjauan"
)
# NIP and rank
NIP_LENGTH = _code("SOP-N001", E, "NIP bukan 18 angka")
NIP_BIRTH_DATE = _code("SOP-N002", E, "Tanggal lahir dalam NIP tidak sah")
NIP_APPOINTMENT = _code("SOP-N003", E, "Bulan/tahun pengangkatan (TMT CPNS) dalam NIP tidak sah")
NIP_GENDER = _code("SOP-N004", E, "Digit jenis kelamin dalam NIP bukan 1 atau 2")
RANK_MISMATCH = _code("SOP-N005", W, "Pangkat tidak sesuai dengan golongan ruang")
# Related SOPs
UNKNOWN_RELATED_SOP = _code("SOP-K001", E, "Keterkaitan menunjuk slug yang bukan SOP di sumber")
RELATED_TO_ITSELF = _code("SOP-K002", W, "SOP menyebut dirinya sendiri sebagai keterkaitan (dengan slug atau judulnya)")
RELATED_BY_TITLE = _code("SOP-K003", W, "Keterkaitan ditulis dengan judul SOP yang ada di sumber; tulis slug-nya agar menjadi tautan")
# Duplicates
DUPLICATE_NOMOR = _code("SOP-D001", E, "Dua SOP dengan nomor yang sama")
DUPLICATE_STEP_TEXT = _code("SOP-D002", E, "Dua langkah dengan kegiatan yang sama persis")
# Text hygiene
DOUBLED_WORD = _code("SOP-H001", W, "Kata yang ditulis dua kali berturut-turut (\"dan dan\")")
PLACEHOLDER = _code("SOP-H002", W, "Sisa penanda templat (${…}, {{, {%) dalam teks")
EMPTY_TEXT = _code("SOP-H003", W, "Teks kosong")
INVISIBLE_CHARACTER = _code(
    "SOP-H004", W, "Karakter format tak terlihat (Unicode Cf: spasi lebar-nol U+200B, tanda hubung lunak U+00AD, …) dalam teks: dibuang saat dibaca"
)
BIDI_CONTROL = _code(
    "SOP-H005", E, "Karakter pengatur arah tulisan (bidi, mis. U+202E) dalam teks: ditolak, karena membalik urutan yang tercetak"
)
# Status: draf, berlaku, dicabut
DRAFT_NO_NOMOR = _code("SOP-R001", W, "SOP draf: nomor belum ditetapkan")
DRAFT_NO_DATE = _code("SOP-R002", W, "SOP draf: tanggal pembuatan belum ditetapkan")
DRAFT_NO_SIGNER = _code("SOP-R003", W, "SOP draf: pengesah (jabatan dan nama) belum ditetapkan")
DRAFT_STEP_NO_TIME = _code("SOP-R004", W, "Langkah SOP draf tanpa waktu")
DRAFT_STEP_NO_OUTPUT = _code("SOP-R005", W, "Langkah SOP draf tanpa output")
UNKNOWN_SUCCESSOR = _code("SOP-R006", E, "Pengganti SOP yang dicabut (diganti_oleh) bukan SOP lain di sumber")
RELATED_RETIRED = _code("SOP-R007", W, "Keterkaitan menunjuk SOP yang sudah dicabut")
SUCCESSOR_NOT_IN_FORCE = _code("SOP-R008", W, "Pengganti SOP yang dicabut juga sudah dicabut atau masih draf")
RETIREMENT_WITHOUT_STATUS = _code("SOP-R009", E, "Keterangan pencabutan (dicabut:) pada SOP yang statusnya bukan dicabut")
WORKSHEET_NOT_STATED = _code(
    "SOP-R010", W, "Data Lembar Kerja (jenis kegiatan, penanggung jawab, ruang lingkup) tidak ada di sumber: tertulis 'belum diisi'"
)
NOT_STATED = _code(
    "SOP-R011", W, "SOP berlaku atau dicabut tanpa nomor, tanggal pembuatan, pengesah, atau waktu/output langkah: dicetak kosong (—)"
)
# Review (tinjauan): planned review dates, suspect SOPs, recorded reviews
REVIEW_OVERDUE = _code("SOP-V001", W, "SOP melewati tanggal tinjauan yang direncanakan (tanggal revisi atau masa tinjauan instansi)")
REVIEW_SUSPECT = _code(
    "SOP-V002", W, "SOP perlu ditinjau: dasar hukum, SOP terkait atau jabatan yang dirujuknya berubah setelah tinjauan terakhir"
)
REVIEW_BEFORE_CREATED = _code("SOP-V003", E, "Tanggal tinjauan pasti sebelum tanggal pembuatan SOP")
REVIEW_IN_FUTURE = _code("SOP-V004", E, "Tanggal tinjauan sesudah hari ini (tanggal pemeriksaan): tinjauan yang belum terjadi")
# Waktu (the time of a step)
WAKTU_FORMAT = _code("SOP-W001", E, "Waktu tidak dikenali (pesan menyebut bentuk yang diterima)")
WAKTU_WORDS = _code("SOP-W002", E, "Angka waktu dan kata dalam kurungnya tidak sama (\"5 (enam) menit\")")
WAKTU_RANGE_ORDER = _code("SOP-W003", E, "Rentang waktu yang batas bawahnya tidak lebih kecil dari batas atasnya")
WAKTU_NO_UNIT = _code(
    "SOP-W004", W, "Waktu berupa angka saja, padahal SOP tidak menyatakan satuan_waktu: dicetak apa adanya, tidak dijumlahkan"
)
WAKTU_UNIT = _code("SOP-W005", E, "Satuan waktu tidak dikenal (bukan menit, jam, hari, hari kerja)")
WAKTU_CONDITION_TEXT = _code("SOP-W006", E, "Waktu bersyarat ditulis sebagai satu teks, bukan daftar jumlah/satuan/syarat")
WAKTU_ALTERNATIVES = _code(
    "SOP-W007", E, "Daftar waktu bersyarat kurang dari dua butir, butir tanpa syarat, atau syarat yang sama dua kali"
)
WAKTU_TEXT = _code(
    "SOP-W008", W, "Waktu berupa teks, bukan lamanya langkah (mis. 'Setiap saat'): dicetak apa adanya, tidak dijumlahkan"
)
WAKTU_SINCE_EVENT = _code(
    "SOP-W009", W, "Waktu berupa batas yang dihitung dari peristiwa lain ('… setelah berkas lengkap'): dicetak apa adanya, tidak dijumlahkan"
)
# Monitoring and evaluation records (_monitoring/, _evaluasi/)
RECORD_UNKNOWN_SOP = _code("SOP-M001", E, "Hasil monitoring/evaluasi untuk SOP yang tidak ada di sumber")
RECORD_UNKNOWN_STEP = _code("SOP-M002", E, "Hasil monitoring untuk nomor langkah yang tidak ada di SOP itu")
RECORD_PERIOD = _code(
    "SOP-M003", E, "Periode yang tidak ada (mis. semester 3), atau periode isi berkas berbeda dengan nama berkasnya"
)
RECORD_NO_ASSESSOR = _code("SOP-M004", E, "Hasil monitoring/evaluasi tanpa penilai atau tanpa tanggal")
RECORD_DATE_OUTSIDE = _code(
    "SOP-M005", E, "Tanggal penilaian sebelum periodenya mulai, atau setelah periode berikutnya berakhir"
)
RECORD_DUPLICATE = _code("SOP-M006", E, "Hasil SOP yang sama dicatat dua kali untuk satu periode")
RECORD_IN_FUTURE = _code(
    "SOP-M007", E, "Tanggal penilaian sesudah hari ini (tanggal pemeriksaan): hasil monitoring/evaluasi yang belum terjadi"
)
ACTION_DONE_IMPOSSIBLE = _code(
    "SOP-M008", E, "Tanggal selesai tindakan sesudah hari ini, atau sebelum tanggal penilaian yang memintanya"
)
# Building the site (reported by `mkdocs build` / `sop build`, never by `sop check`)
SWIMLANE_FAILED = _code("SOP-B001", E, "Swimlane tidak dapat digambar Graphviz (dot gagal atau melewati batas waktu)")
PAGE_FAILED = _code("SOP-B002", E, "Halaman SOP tidak dapat dibuat (galat internal; laporkan kepada pengelola)")
BAD_MACRO_CALL = _code("SOP-B003", E, "Makro di halaman docs/ menyebut SOP atau jabatan yang tidak diterbitkan")
STALE_ASSET_COPY = _code(
    "SOP-B004", W, "Salinan lama aset situs (sop.css, skrip, huruf) di docs/, yang kini dibawa paket; salinan itu diabaikan"
)
UNSAFE_OUTPUT = _code(
    "SOP-B005", E, "Folder hasil situs atau folder cache adalah, berisi, atau berada di dalam folder sumber SOP, docs/ "
    "atau berkas mkdocs.yml: pembangunan dihentikan sebelum apa pun dihapus"
)
