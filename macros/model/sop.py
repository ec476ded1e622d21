"""One SOP as its source states it."""

from __future__ import annotations

import enum
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Discriminator, Field, PlainValidator, Tag, model_validator
from pydantic_core import PydanticCustomError

from .base import EITHER_SEPARATOR, MAX_ITEMS, ColumnKey, Date, Id, Slug, SourceDate, StrictModel, Text, TextList, TypeName
from .base import when_absent
from .base import YearlessDate, dated, shown
from .base import _one_or_many
from .duration import StepTime, TimeUnit, UnitField, declared_unit, parse_unit

MAX_STEPS = 200  # a procedure longer than this is several SOPs
MAX_COLUMNS = 25
MAX_EXITS = 20
END = "selesai"  # `ke: selesai`: the exit ends the procedure; reserved, no step may take it as id
# `ke: bersambung`: the exit goes on into the missing part of a truncated source; reserved like END
CONTINUED = "bersambung"


def _blank_is_missing(value: object) -> object:
    """`ke:` left empty (null or blank text) is reported as an exit without a target, not a bad id."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


class ActivityKind(str, enum.Enum):
    SERVICE = "Pelayanan"
    ROUTINE = "Rutin"
    ASSIGNMENT = "Penugasan"


class Status(str, enum.Enum):
    """Where an SOP stands: drafted, in force (the default), or retired."""

    DRAFT = "draf"
    IN_FORCE = "berlaku"
    RETIRED = "dicabut"


class Dates(StrictModel):
    """Any date may be known only to the month or the year ('Januari 2016', '2016'), or be written
    without its year ('04 Januari'): each is kept as written (`*_written`) and printed so; the
    properties give the dates to compute with, None where the source gives no year.
    The effective date is written `efektif` or, as many sources call it, `pengesahan`
    (one of the two; a check reports both written)."""

    created_written: SourceDate | None = Field(
        None, alias="pembuatan", description="tanggal pembuatan SOP",
        json_schema_extra=when_absent(
            'dicetak "—"; peringatan SOP-R011 (draf: "belum ditetapkan", SOP-R002); jadwal tinjauan dihitung dari tanggal lain bila ada'
        ),
    )
    revised_written: SourceDate | None = Field(
        None, alias="revisi",
        description="tanggal revisi; tidak boleh sebelum tanggal pembuatan (SOP-T003); tanggal sesudah hari ini adalah revisi yang direncanakan",
        json_schema_extra=when_absent('dicetak "—"'),
    )
    effective_written: SourceDate | None = Field(
        None, alias="efektif", description="tanggal efektif; tidak boleh sebelum tanggal pembuatan (SOP-T002)",
        json_schema_extra=when_absent('dicetak "—"'),
    )
    ratified_written: SourceDate | None = Field(
        None, alias="pengesahan",
        description="tanggal efektif, bila sumber menyebutnya tanggal pengesahan (dicetak \"Tanggal Pengesahan\"); "
        "tulis salah satu dari efektif dan pengesahan (SOP-T005)",
        json_schema_extra=when_absent('dicetak "—"'),
    )

    @property
    def created(self) -> Date | None:
        return dated(self.created_written)

    @property
    def revised(self) -> Date | None:
        return dated(self.revised_written)

    @property
    def effective(self) -> Date | None:
        return dated(self.effective_written)

    @property
    def ratified(self) -> Date | None:
        return dated(self.ratified_written)

    @property
    def effective_label(self) -> str:
        return "Tanggal Pengesahan" if self.ratified_written is not None else "Tanggal Efektif"

    @property
    def effective_date(self) -> Date | None:
        return self.ratified if self.ratified_written is not None else self.effective

    @property
    def effective_date_written(self) -> SourceDate | None:
        return self.ratified_written if self.ratified_written is not None else self.effective_written

    def yearless(self) -> list[tuple[str, YearlessDate]]:
        """(source key, date) for each date written without its year."""
        pairs = (("pembuatan", self.created_written), ("revisi", self.revised_written),
                 ("efektif", self.effective_written), ("pengesahan", self.ratified_written))
        return [(key, value) for key, value in pairs if isinstance(value, YearlessDate)]


class Approval(StrictModel):
    """Disahkan oleh: the official who signs."""

    role: Id | None = Field(
        None, alias="jabatan", description="id jabatan pengesah di registri jabatan",
        json_schema_extra=when_absent('dicetak "—"; peringatan SOP-R011 (draf: "belum ditetapkan", SOP-R003)'),
    )
    name: Text | None = Field(
        None, alias="nama", description="nama pengesah seperti dicetak, mis. BUDI SANTOSO, S.H.",
        json_schema_extra=when_absent('dicetak "—"; peringatan SOP-R011 (draf: "belum ditetapkan", SOP-R003)'),
    )
    rank: Text | None = Field(
        None, alias="pangkat", description="pangkat pengesah; diperiksa kecocokannya dengan golongan (SOP-N005)",
        json_schema_extra=when_absent("tidak dicetak"),
    )
    grade: Text | None = Field(
        None, alias="golongan", description="golongan ruang, mis. IV/c", json_schema_extra=when_absent("tidak dicetak")
    )
    nip: Text | None = Field(
        None, alias="nip", description="NIP pengesah: 18 angka, spasi boleh (SOP-N001–N004)",
        json_schema_extra=when_absent("tidak dicetak"),
    )


class Responsible(StrictModel):
    """Penanggung jawab of the Lembar Kerja; either may be absent from the source."""

    product: Id | None = Field(
        None, alias="produk", description="id jabatan penanggung jawab produk",
        json_schema_extra=when_absent('lembar kerja menulis "belum diisi"; peringatan SOP-R010'),
    )
    activity: Id | None = Field(
        None, alias="kegiatan", description="id jabatan penanggung jawab kegiatan",
        json_schema_extra=when_absent('lembar kerja menulis "belum diisi"; peringatan SOP-R010'),
    )


MAX_ITEM_NUMBER = 999


def _item_number(value: Any) -> int:
    """An item's number as its source prints it: a positive whole number (read from text)."""
    text = str(value).strip().rstrip(".") if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not text.isdigit() or not 1 <= int(text) <= MAX_ITEM_NUMBER:
        raise PydanticCustomError(
            "item_number",
            "nomor butir '{value}' bukan bilangan bulat 1–{limit}; tulis nomor seperti dicetak sumber, mis. 9",
            {"value": shown(str(value)), "limit": MAX_ITEM_NUMBER},
        )
    return int(text)


ItemNumber = Annotated[int, PlainValidator(_item_number), TypeName("nomor butir: bilangan bulat 1–999")]
ITEM_NUMBER_DESCRIPTION = "nomor butir seperti dicetak sumber (daftar yang mulai di tengah atau melompat); butir berikutnya melanjutkannya"
ITEM_NUMBER_ABSENT = when_absent("nomor butir sebelumnya + 1 (butir pertama: 1)")


class NumberedText(StrictModel):
    """An item of a list written with the number its source prints ('9. …' of a list cut off above)."""

    number: ItemNumber | None = Field(None, alias="nomor", description=ITEM_NUMBER_DESCRIPTION, json_schema_extra=ITEM_NUMBER_ABSENT)
    text: Text = Field(alias="teks", description="teks butir")


class LegalCitation(StrictModel):
    """A legal basis as this SOP cites it: the registry entry, the item's printed number, and the
    SOP's own wording when it cites the act in other words than the registry's."""

    basis: Id = Field(alias="id", description="id di registri dasar hukum")
    number: ItemNumber | None = Field(None, alias="nomor", description=ITEM_NUMBER_DESCRIPTION, json_schema_extra=ITEM_NUMBER_ABSENT)
    wording: Text | None = Field(
        None, alias="kutipan", description="kutipan seperti ditulis SOP ini, bila berbeda dari kutipan registri",
        json_schema_extra=when_absent("kutipan registri yang dicetak"),
    )


def _mapping_kind(value: Any) -> str:
    return "tag:mapping" if isinstance(value, dict) else "tag:plain"


TextItem = Annotated[Annotated[Text, Tag("tag:plain")] | Annotated[NumberedText, Tag("tag:mapping")], Discriminator(_mapping_kind)]
LegalItem = Annotated[Annotated[Id, Tag("tag:plain")] | Annotated[LegalCitation, Tag("tag:mapping")], Discriminator(_mapping_kind)]


def _plain_when_alike(items: tuple) -> tuple:
    """An item in its long form that adds nothing (`- teks: x`, `- id: x`) is the plain item: both
    print alike, so they compare alike (history, diff)."""
    def plain(item):
        if isinstance(item, NumberedText) and item.number is None:
            return item.text
        if isinstance(item, LegalCitation) and item.number is None and item.wording is None:
            return item.basis
        return item

    return tuple(plain(item) for item in items)


TextItems = Annotated[
    tuple[TextItem, ...], Field(max_length=MAX_ITEMS), BeforeValidator(_one_or_many), AfterValidator(_plain_when_alike),
    TypeName("daftar; setiap butir teks, atau {teks, nomor}"),
]
LegalItems = Annotated[
    tuple[LegalItem, ...], Field(max_length=MAX_ITEMS), BeforeValidator(_one_or_many), AfterValidator(_plain_when_alike),
    TypeName("daftar; setiap butir id dasar hukum, atau {id, nomor, kutipan}"),
]


def item_numbers(items: tuple) -> tuple[int, ...]:
    """The number each item is printed with: its own `nomor` where written, else one more than the
    item before (the first: 1). Checks report numbers that do not increase."""
    numbers, previous = [], 0
    for item in items:
        written = getattr(item, "number", None)
        previous = written if written is not None else previous + 1
        numbers.append(previous)
    return tuple(numbers)


def item_texts(items: tuple) -> tuple[str, ...]:
    return tuple(item if isinstance(item, str) else item.text for item in items)


class RelatedSop(StrictModel):
    """Keterkaitan: an SOP in the sources (by slug) or elsewhere (by title)."""

    slug: Slug | None = Field(
        None, alias="sop", description="SOP terkait yang ada di sumber (menjadi tautan; harus ada, SOP-K001)",
        json_schema_extra=when_absent("tulis judul: tepat satu dari sop dan judul"),
    )
    title: Text | None = Field(
        None, alias="judul", description="judul SOP terkait di luar sumber",
        json_schema_extra=when_absent("tulis sop: tepat satu dari sop dan judul"),
    )
    number: ItemNumber | None = Field(None, alias="nomor", description=ITEM_NUMBER_DESCRIPTION, json_schema_extra=ITEM_NUMBER_ABSENT)

    @model_validator(mode="after")
    def _one_of(self) -> "RelatedSop":
        if (self.slug is None) == (self.title is None):
            raise PydanticCustomError(
                "related_one_of",
                "tulis tepat satu: 'sop' (slug SOP di sumber) atau 'judul' (SOP di luar sumber)",
            )
        return self


class Via(StrictModel):
    """A symbol a source draws on a decision's branch without a step number of its own ('Melengkapi
    berkas' on the 'tidak lengkap' branch): drawn on the way to where the exit leads, never a step
    (no number, not counted, not timed)."""

    activity: Text = Field(alias="kegiatan", description="teks di dalam simbol, seperti ditulis sumber")
    actor: ColumnKey | None = Field(
        None, alias="pelaksana",
        description="kolom pelaksana tempat simbol digambar; harus kolom pelaksana SOP (SOP-F018)",
        json_schema_extra=when_absent("simbol di kolom keputusannya; keputusan bersama (beberapa pelaksana): SOP-F018"),
    )


def _via_form(value: Any) -> Any:
    """`melalui: "Melengkapi berkas"` is `melalui: {kegiatan: "Melengkapi berkas"}`: the decision's own column."""
    return {"kegiatan": value} if isinstance(value, str) else value


class Exit(StrictModel):
    """One exit of a decision, with its label when the source writes one."""

    label: Text | None = Field(
        None, alias="label", description="label cabang, mis. Ya, Tidak, Lengkap",
        json_schema_extra=when_absent('panah tanpa label, seperti sumbernya; ditulis "→ 3"'),
    )
    target: Annotated[Id | None, BeforeValidator(_blank_is_missing)] = Field(
        None, alias="ke",
        description="id langkah tujuan, 'selesai' (akhir prosedur) atau 'bersambung' (sumber terpotong); wajib kecuali ada keputusan",
        json_schema_extra=when_absent("galat SOP-F009, kecuali cabang ini membuka keputusan kedua (keputusan)"),
    )
    # The second decision of the same step, in the same row, reached by this exit (instead of `ke`).
    # The model takes any depth so that the checks can say where a deeper one is written (SOP-F012).
    exits: Annotated[tuple["Exit", ...], Field(max_length=MAX_EXITS)] | None = Field(
        None, alias="keputusan", description="keputusan kedua langkah yang sama (pengganti 'ke'); satu tingkat",
        json_schema_extra=when_absent("cabang menuju 'ke'"),
    )
    question: Text | None = Field(
        None, alias="pertanyaan", description="pertanyaan di dalam belah ketupat keputusan kedua, mis. 'Sah?'",
        json_schema_extra=when_absent("belah ketupat tanpa pertanyaan"),
    )
    via: Annotated[Via | None, BeforeValidator(_via_form)] = Field(
        None, alias="melalui",
        description="simbol proses tanpa nomor yang digambar sumber pada cabang ini, sebelum tujuannya ('ke'): "
        "{kegiatan, pelaksana}, atau teksnya saja (kolom keputusannya)",
        json_schema_extra=when_absent("cabang digambar langsung ke tujuannya; tidak ada simbol di jalannya"),
    )

    @property
    def ends(self) -> bool:
        return self.target == END and self.exits is None

    @property
    def continues(self) -> bool:
        """Does this exit go on into the missing part of a truncated source (`ke: bersambung`)?"""
        return self.target == CONTINUED and self.exits is None

    @property
    def leaves(self) -> bool:
        """Does this exit lead out of the visible steps: to the end, or on past a truncated source?"""
        return self.ends or self.continues

    @property
    def decides(self) -> bool:
        """Does this exit lead to a second decision of its step (`keputusan:` instead of `ke:`)?"""
        return self.exits is not None


HEADING_DESCRIPTION = "kepala kolom seperti dicetak SOP ini, bila berbeda dari singkatan jabatan di registri"


class EitherColumn(StrictModel):
    """One actor column any of several roles may fill ("Kadin/Bupati"): `salah_satu: [kadin, bupati]`.
    Steps name it by its key, the role ids joined by '/': `pelaksana: kadin/bupati`."""

    roles: Annotated[tuple[Id, ...], Field(min_length=1, max_length=MAX_COLUMNS)] = Field(
        alias="salah_satu", description="id jabatan-jabatan yang dapat mengisi kolom ini; minimal dua berbeda (SOP-A006)"
    )
    heading: Text | None = Field(
        None, alias="kepala_kolom", description=HEADING_DESCRIPTION,
        json_schema_extra=when_absent('singkatan setiap jabatan dipisah " / " (mis. Kadin / Bupati)'),
    )

    @property
    def key(self) -> str:
        return EITHER_SEPARATOR.join(self.roles)


class RoleColumn(StrictModel):
    """One role's column headed as this SOP heads it: the same post is headed differently in different
    SOPs ("Kasubag Umum", "Kepala Sub Bagian Umum"), and each prints its own."""

    role: Id = Field(alias="jabatan", description="id jabatan di registri")
    heading: Text | None = Field(
        None, alias="kepala_kolom", description=HEADING_DESCRIPTION, json_schema_extra=when_absent("singkatan jabatan di registri")
    )

    @property
    def key(self) -> str:
        return self.role


def _column_kind(value) -> str:
    if isinstance(value, dict):
        return "tag:jabatan" if "jabatan" in value and "salah_satu" not in value else "tag:salah_satu"
    return "tag:id"


# A column is a role id, a mapping {jabatan: id, kepala_kolom: ...}, or {salah_satu: [...]}; the tag
# picks the one a finding explains.
ColumnSpec = Annotated[
    Annotated[Id, Tag("tag:id")] | Annotated[RoleColumn, Tag("tag:jabatan")] | Annotated[EitherColumn, Tag("tag:salah_satu")],
    Discriminator(_column_kind),
    TypeName("id jabatan, {jabatan, kepala_kolom}, atau {salah_satu, kepala_kolom}"),
]
ActorList = Annotated[
    tuple[ColumnKey, ...], Field(min_length=1, max_length=MAX_ITEMS), BeforeValidator(_one_or_many),
    TypeName("kunci kolom, atau daftar kunci kolom untuk langkah bersama"),
]


class Step(StrictModel):
    id: Id | None = Field(
        None, alias="id", description="wajib bila langkah ini dituju sebuah cabang",
        json_schema_extra=when_absent("langkah tidak dapat dituju cabang (tidak diperlukan bila tidak dituju)"),
    )
    number: Text | None = Field(
        None, alias="nomor", description="nomor langkah seperti dicetak sumber (mis. 1–4, 6); semua atau tidak sama sekali",
        json_schema_extra=when_absent("langkah dinomori 1..n menurut urutannya"),
    )
    activity: Text = Field(alias="kegiatan", description="kegiatan langkah ini, seperti ditulis sumber")
    actors: ActorList = Field(alias="pelaksana", description="kolom pelaksana langkah ini (lebih dari satu: langkah bersama)")
    requirements: TextList = Field(
        (), alias="kelengkapan", description="kelengkapan (mutu baku)", json_schema_extra=when_absent('dicetak "—"')
    )
    duration: StepTime | None = Field(
        None, alias="waktu", description="waktu (mutu baku)",
        json_schema_extra=when_absent(
            'dicetak "—"; total waktu menyebut langkah yang belum termasuk; peringatan SOP-R011 (draf: SOP-R004)'
        ),
    )
    output: Text | None = Field(
        None, alias="output", description="output (mutu baku)",
        json_schema_extra=when_absent('dicetak "—"; peringatan SOP-R011 (draf: SOP-R005)'),
    )
    note: Text | None = Field(None, alias="keterangan", description="keterangan", json_schema_extra=when_absent("sel kosong"))
    exits: Annotated[tuple[Exit, ...], Field(max_length=MAX_EXITS)] | None = Field(
        None, alias="keputusan", description="cabang-cabang keputusan: menjadikan langkah ini keputusan (belah ketupat)",
        json_schema_extra=when_absent("langkah biasa (proses)"),
    )
    question: Text | None = Field(
        None, alias="pertanyaan", description="pertanyaan di dalam belah ketupat keputusan, mis. 'Lengkap?'",
        json_schema_extra=when_absent("belah ketupat tanpa pertanyaan"),
    )
    ends: bool = Field(
        False, alias="selesai", description="langkah ini mengakhiri prosedur (akhir lebih awal)",
        json_schema_extra=when_absent("false: alur berlanjut ke langkah berikutnya"),
    )
    handover: bool = Field(
        False, alias="serah_terima",
        description="langkah dua pelaksana atau lebih yang digambar sebagai panah dari pelaksana pertama ke berikutnya "
        "(serah terima), bukan garis gabung langkah bersama",
        json_schema_extra=when_absent("false: garis gabung langkah bersama"),
    )

    @property
    def is_decision(self) -> bool:
        return self.exits is not None

    @property
    def link(self) -> "Exit | None":
        """The exit leading to the step's second decision, if it has one (the first such exit)."""
        return next((e for e in self.exits or () if e.decides), None)


class Revision(StrictModel):
    date: Date = Field(alias="tanggal", description="tanggal revisi")
    change: Text = Field(alias="perubahan", description="apa yang diubah")
    by: Text = Field(alias="oleh", description="yang mengubah, mis. Sub Bagian Organisasi")


class Review(StrictModel):
    """One recorded review (tinjauan) of the SOP: when, by whom, and what was concluded."""

    date: Date = Field(
        alias="tanggal", description="tanggal tinjauan; tidak sebelum tanggal pembuatan (SOP-V003), tidak sesudah hari ini (SOP-V004)"
    )
    reviewer: Text = Field(alias="peninjau", description="id jabatan di registri, atau nama peninjau")
    note: Text | None = Field(None, alias="catatan", description="kesimpulan tinjauan, mis. masih sesuai")


def _empty_mapping(value: Any) -> Any:
    """`tanggal:` left empty in a draft is a mapping with nothing in it yet."""
    return {} if value is None else value


class Retirement(StrictModel):
    """dicabut: when the SOP was retired and which SOP replaces it."""

    date: Date | None = Field(
        None, alias="tanggal", description="tanggal pencabutan; tidak boleh sebelum tanggal pembuatan atau efektif (SOP-T006)"
    )
    replaced_by: Slug | None = Field(
        None, alias="diganti_oleh", description="slug SOP pengganti di sumber (SOP-R006, SOP-R008)",
        json_schema_extra=when_absent("tanpa tautan ke pengganti"),
    )
    note: Text | None = Field(None, alias="keterangan", description="keterangan pencabutan, mis. keputusan yang mencabutnya")


class Sop(StrictModel):
    status: Status = Field(
        Status.IN_FORCE, alias="status", description="draf (rancangan), berlaku (sudah disahkan) atau dicabut",
        json_schema_extra=when_absent("berlaku"),
    )
    retirement: Retirement | None = Field(
        None, alias="dicabut", description="keterangan pencabutan, hanya pada SOP berstatus dicabut (SOP-R009)"
    )
    number: Text | None = Field(
        None, alias="nomor", description="nomor SOP; unik di antara semua SOP (SOP-D001)",
        json_schema_extra=when_absent('dicetak "—"; peringatan SOP-R011 (draf: "belum ditetapkan", SOP-R001)'),
    )
    title: Text = Field(alias="judul", description="nama SOP")
    agency: Id = Field(alias="instansi", description="id instansi di registri instansi: kop SOP")
    unit: Text | None = Field(
        None, alias="unit", description="unit kerja/bidang dalam instansi, ditampilkan di Daftar SOP",
        json_schema_extra=when_absent("tidak ditampilkan"),
    )
    annex: Text | None = Field(
        None, alias="lampiran",
        description="peraturan yang melampirkan SOP ini, seperti tertulis, mis. 'Lampiran II Peraturan Bupati Banggai Nomor 12 Tahun 2020'; "
        "dicetak di bagian identitas sebagai baris 'Ditetapkan dalam'",
        json_schema_extra=when_absent("baris 'Ditetapkan dalam' tidak dicetak"),
    )
    dates: Annotated[Dates, BeforeValidator(_empty_mapping)] = Field(
        default_factory=Dates, alias="tanggal", description="tanggal pembuatan, revisi dan efektif (atau pengesahan)",
        json_schema_extra=when_absent("setiap tanggal seperti tidak ditulis (lihat di bawah)"),
    )
    approval: Approval | None = Field(
        None, alias="disahkan_oleh", description="pejabat yang mengesahkan SOP",
        json_schema_extra=when_absent('dicetak "—"; peringatan SOP-R011 (draf: "belum ditetapkan", SOP-R003)'),
    )
    legal_items: LegalItems = Field(
        (), alias="dasar_hukum", description="dasar hukum dalam urutan cetak: id di registri dasar hukum, atau {id, nomor, kutipan}",
        json_schema_extra=when_absent('daftar kosong, dicetak "—"'),
    )
    qualification_items: TextItems = Field((), alias="kualifikasi_pelaksana", description="kualifikasi pelaksana", json_schema_extra=when_absent('daftar kosong, dicetak "—"'))
    related: Annotated[tuple[RelatedSop, ...], Field(max_length=MAX_ITEMS)] = Field(
        (), alias="keterkaitan", description="SOP terkait: {sop: slug} untuk SOP di sumber, {judul: ...} untuk SOP di luar sumber",
        json_schema_extra=when_absent('daftar kosong, dicetak "—"'),
    )
    equipment_items: TextItems = Field((), alias="peralatan_perlengkapan", description="peralatan/perlengkapan", json_schema_extra=when_absent('daftar kosong, dicetak "—"'))
    warning_items: TextItems = Field((), alias="peringatan", description="peringatan", json_schema_extra=when_absent('daftar kosong, dicetak "—"'))
    record_items: TextItems = Field((), alias="pencatatan_pendataan", description="pencatatan dan pendataan", json_schema_extra=when_absent('daftar kosong, dicetak "—"'))
    activity_kind: ActivityKind | None = Field(
        None, alias="jenis_kegiatan", description="jenis kegiatan (Lembar Kerja bagian A)", json_schema_extra=when_absent('lembar kerja menulis "belum diisi"; peringatan SOP-R010')
    )
    responsible: Responsible | None = Field(
        None, alias="penanggung_jawab", description="penanggung jawab produk dan kegiatan (Lembar Kerja bagian A)", json_schema_extra=when_absent('lembar kerja menulis "belum diisi"; peringatan SOP-R010')
    )
    scope: Text | None = Field(
        None, alias="ruang_lingkup", description="ruang lingkup (Lembar Kerja bagian A)", json_schema_extra=when_absent('lembar kerja menulis "belum diisi"; peringatan SOP-R010')
    )
    time_unit: UnitField | None = Field(
        None, alias="satuan_waktu",
        description="satuan kolom waktu, mis. menit bila kepala kolomnya 'Waktu (menit)': langkah boleh menulis angka saja",
        json_schema_extra=when_absent("angka waktu tanpa satuan dicetak apa adanya dan tidak dijumlahkan (peringatan SOP-W004)"),
    )
    column_specs: Annotated[tuple[ColumnSpec, ...], Field(min_length=1, max_length=MAX_COLUMNS)] = Field(
        alias="pelaksana", description="kolom pelaksana tabel prosedur, berurutan"
    )
    steps: Annotated[tuple[Step, ...], Field(min_length=2, max_length=MAX_STEPS)] = Field(
        alias="langkah", description="langkah prosedur, berurutan; minimal dua"
    )
    revisions: Annotated[tuple[Revision, ...], Field(max_length=MAX_ITEMS)] = Field(
        (), alias="riwayat_revisi", description="riwayat revisi seperti dicatat sumber", json_schema_extra=when_absent("tidak ada")
    )
    reviews: Annotated[tuple[Review, ...], Field(max_length=MAX_ITEMS)] = Field(
        (), alias="tinjauan", description="tinjauan yang sudah dilakukan: tanggal, peninjau, catatan",
        json_schema_extra=when_absent("tinjauan terakhir dihitung dari tanggal revisi, efektif atau pembuatan"),
    )
    truncated: bool = Field(
        False, alias="terpotong", description="sumber disalin dari dokumen yang tidak lengkap: alur berlanjut setelah langkah terakhir",
        json_schema_extra=when_absent("false: langkah terakhir adalah akhir prosedur"),
    )

    @model_validator(mode="wrap")
    @classmethod
    def _with_declared_unit(cls, data: Any, handler: Any) -> "Sop":
        """A bare number in a step's waktu takes the unit the SOP declares (`satuan_waktu`)."""
        unit = None
        written = data.get("satuan_waktu") if isinstance(data, dict) else None
        if isinstance(written, str):
            try:
                unit = parse_unit(" ".join(written.split()).lower(), written)
            except PydanticCustomError:
                unit = TimeUnit.MINUTE  # the field reports its own error; bare numbers stay quiet
        with declared_unit(unit):
            return handler(data)

    @property
    def legal_bases(self) -> tuple[str, ...]:
        """The cited legal bases' registry ids, in printed order."""
        return tuple(item if isinstance(item, str) else item.basis for item in self.legal_items)

    def legal_wording(self, index: int) -> str | None:
        """This SOP's own wording of its `index`th legal basis, if it writes one."""
        item = self.legal_items[index]
        return None if isinstance(item, str) else item.wording

    @property
    def qualifications(self) -> tuple[str, ...]:
        return item_texts(self.qualification_items)

    @property
    def equipment(self) -> tuple[str, ...]:
        return item_texts(self.equipment_items)

    @property
    def warnings(self) -> tuple[str, ...]:
        return item_texts(self.warning_items)

    @property
    def records(self) -> tuple[str, ...]:
        return item_texts(self.record_items)

    @property
    def numbered_lists(self) -> dict[str, tuple]:
        """Each list of the identity block by its source key, with the items as written."""
        return {
            "dasar_hukum": self.legal_items, "kualifikasi_pelaksana": self.qualification_items,
            "keterkaitan": self.related, "peralatan_perlengkapan": self.equipment_items,
            "peringatan": self.warning_items, "pencatatan_pendataan": self.record_items,
        }

    @property
    def is_draft(self) -> bool:
        return self.status is Status.DRAFT

    @property
    def is_retired(self) -> bool:
        return self.status is Status.RETIRED

    @property
    def columns(self) -> tuple[str, ...]:
        """Each actor column by its key: a role id, or 'a/b' for an either/or column."""
        return tuple(spec if isinstance(spec, str) else spec.key for spec in self.column_specs)

    @property
    def column_headings(self) -> dict[str, str]:
        """Column key -> the heading this SOP prints for it, where it writes its own (`kepala_kolom`)."""
        return {spec.key: spec.heading for spec in self.column_specs if not isinstance(spec, str) and spec.heading}

    @staticmethod
    def column_roles(key: str) -> tuple[str, ...]:
        """The roles that may fill a column (one, or the alternatives of an either/or column)."""
        return tuple(key.split(EITHER_SEPARATOR))

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role acting in this SOP, in column order, each once."""
        return tuple(dict.fromkeys(r for key in self.columns for r in self.column_roles(key)))

    def acts_in(self, role: str, index: int) -> tuple[str, ...] | None:
        """None when `role` has no part in step `index`; otherwise the roles it may share that step's
        column with ('(atau Bupati)'): empty when it acts on its own."""
        found = None
        for key in self.steps[index].actors:
            roles = self.column_roles(key)
            if role in roles:
                others = tuple(r for r in roles if r != role)
                if not others:
                    return ()
                found = others if found is None else found
        return found

    @property
    def responsible_roles(self) -> tuple[tuple[str, str], ...]:
        """(key under penanggung_jawab, role id) for each responsible role the source names."""
        if self.responsible is None:
            return ()
        pairs = (("produk", self.responsible.product), ("kegiatan", self.responsible.activity))
        return tuple((key, role) for key, role in pairs if role is not None)

    @property
    def numbered_by_source(self) -> bool:
        """Every step carries the number its source printed (checks refuse some-but-not-all)."""
        return all(step.number is not None for step in self.steps)

    def step_number(self, index: int) -> str:
        """The number a step is shown and named by: the source's own when every step has one,
        otherwise its position (1..n). The one accessor for tables, diagrams and messages."""
        if self.numbered_by_source:
            return self.steps[index].number.strip()
        return str(index + 1)
