"""One SOP as its source states it."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .base import MAX_ITEMS, Date, Id, IdList, Slug, StrictModel, Text, TextList
from .duration import Duration

MAX_STEPS = 200  # a procedure longer than this is several SOPs
MAX_COLUMNS = 25
MAX_EXITS = 20
END = "selesai"  # `ke: selesai`: the exit ends the procedure; reserved, no step may take it as id


def _blank_is_missing(value: object) -> object:
    """`ke:` left empty (null or blank text) is reported as an exit without a target, not a bad id."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


class ActivityKind(str, enum.Enum):
    SERVICE = "Pelayanan"
    ROUTINE = "Rutin"
    ASSIGNMENT = "Penugasan"


class Dates(StrictModel):
    created: Date = Field(alias="pembuatan")
    revised: Date | None = Field(None, alias="revisi")
    effective: Date | None = Field(None, alias="efektif")


class Approval(StrictModel):
    """Disahkan oleh: the official who signs."""

    role: Id = Field(alias="jabatan", description="id jabatan di registri")
    name: Text = Field(alias="nama")
    rank: Text | None = Field(None, alias="pangkat")
    grade: Text | None = Field(None, alias="golongan", description="golongan ruang, mis. IV/c")
    nip: Text | None = Field(None, alias="nip")


class Responsible(StrictModel):
    product: Id = Field(alias="produk")
    activity: Id = Field(alias="kegiatan")


class RelatedSop(StrictModel):
    """Keterkaitan: an SOP in the sources (by slug) or elsewhere (by title)."""

    slug: Slug | None = Field(None, alias="sop")
    title: Text | None = Field(None, alias="judul")

    @model_validator(mode="after")
    def _one_of(self) -> "RelatedSop":
        if (self.slug is None) == (self.title is None):
            raise PydanticCustomError(
                "related_one_of",
                "tulis tepat satu: 'sop' (slug SOP di sumber) atau 'judul' (SOP di luar sumber)",
            )
        return self


class Exit(StrictModel):
    """One labelled exit of a decision."""

    label: Text = Field(alias="label", description="mis. Ya, Tidak, Lengkap")
    target: Annotated[Id | None, BeforeValidator(_blank_is_missing)] = Field(
        None, alias="ke", description="id langkah tujuan, atau 'selesai' (akhir prosedur); wajib"
    )

    @property
    def ends(self) -> bool:
        return self.target == END


class Step(StrictModel):
    id: Id | None = Field(None, alias="id", description="wajib bila langkah ini dituju sebuah cabang")
    activity: Text = Field(alias="kegiatan")
    actors: Annotated[IdList, Field(min_length=1)] = Field(alias="pelaksana")
    requirements: TextList = Field((), alias="kelengkapan")
    duration: Duration = Field(alias="waktu")
    output: Text = Field(alias="output")
    note: Text | None = Field(None, alias="keterangan")
    exits: Annotated[tuple[Exit, ...], Field(max_length=MAX_EXITS)] | None = Field(None, alias="keputusan")
    ends: bool = Field(False, alias="selesai", description="langkah ini mengakhiri prosedur (akhir lebih awal)")

    @property
    def is_decision(self) -> bool:
        return self.exits is not None


class Revision(StrictModel):
    date: Date = Field(alias="tanggal")
    change: Text = Field(alias="perubahan")
    by: Text = Field(alias="oleh")


class Sop(StrictModel):
    number: Text = Field(alias="nomor")
    title: Text = Field(alias="judul")
    agency: Id = Field(alias="instansi")
    unit: Text | None = Field(None, alias="unit", description="unit kerja/bidang dalam instansi")
    dates: Dates = Field(alias="tanggal")
    approval: Approval = Field(alias="disahkan_oleh")
    legal_bases: IdList = Field((), alias="dasar_hukum")
    qualifications: TextList = Field((), alias="kualifikasi_pelaksana")
    related: Annotated[tuple[RelatedSop, ...], Field(max_length=MAX_ITEMS)] = Field((), alias="keterkaitan")
    equipment: TextList = Field((), alias="peralatan_perlengkapan")
    warnings: TextList = Field((), alias="peringatan")
    records: TextList = Field((), alias="pencatatan_pendataan")
    activity_kind: ActivityKind = Field(alias="jenis_kegiatan")
    responsible: Responsible = Field(alias="penanggung_jawab")
    scope: Text = Field(alias="ruang_lingkup")
    columns: Annotated[IdList, Field(min_length=1, max_length=MAX_COLUMNS)] = Field(alias="pelaksana")
    steps: Annotated[tuple[Step, ...], Field(min_length=2, max_length=MAX_STEPS)] = Field(alias="langkah")
    revisions: Annotated[tuple[Revision, ...], Field(max_length=MAX_ITEMS)] = Field((), alias="riwayat_revisi")
    truncated: bool = Field(
        False, alias="terpotong", description="sumber disalin dari dokumen yang tidak lengkap: alur berlanjut setelah langkah terakhir"
    )
