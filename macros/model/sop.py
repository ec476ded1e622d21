"""One SOP as its source states it."""

from __future__ import annotations

import enum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .base import MAX_ITEMS, Date, Id, IdList, Slug, StrictModel, Text, TextList
from .duration import Duration

MAX_STEPS = 200  # a procedure longer than this is several SOPs
MAX_COLUMNS = 25
MAX_EXITS = 20


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
    """Any date may be known only to the month or the year ('Januari 2016', '2016').
    The effective date is written `efektif` or, as many sources call it, `pengesahan`
    (one of the two; a check reports both written)."""

    created: Date | None = Field(None, alias="pembuatan", description="wajib kecuali status: draf")
    revised: Date | None = Field(None, alias="revisi")
    effective: Date | None = Field(None, alias="efektif")
    ratified: Date | None = Field(None, alias="pengesahan", description="tanggal efektif, sebagaimana sumber menyebutnya")

    @property
    def effective_label(self) -> str:
        return "Tanggal Pengesahan" if self.ratified is not None else "Tanggal Efektif"

    @property
    def effective_date(self) -> Date | None:
        return self.ratified if self.ratified is not None else self.effective


class Approval(StrictModel):
    """Disahkan oleh: the official who signs."""

    role: Id | None = Field(None, alias="jabatan", description="id jabatan di registri; wajib kecuali status: draf")
    name: Text | None = Field(None, alias="nama", description="wajib kecuali status: draf")
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
    target: Id | None = Field(None, alias="ke", description="id langkah tujuan; kosong = langkah berikutnya")


class Step(StrictModel):
    id: Id | None = Field(None, alias="id", description="wajib bila langkah ini dituju sebuah cabang")
    activity: Text = Field(alias="kegiatan")
    actors: Annotated[IdList, Field(min_length=1)] = Field(alias="pelaksana")
    requirements: TextList = Field((), alias="kelengkapan")
    duration: Duration | None = Field(None, alias="waktu", description="wajib kecuali status: draf")
    output: Text | None = Field(None, alias="output", description="wajib kecuali status: draf")
    note: Text | None = Field(None, alias="keterangan")
    exits: Annotated[tuple[Exit, ...], Field(max_length=MAX_EXITS)] | None = Field(None, alias="keputusan")

    @property
    def is_decision(self) -> bool:
        return self.exits is not None


class Revision(StrictModel):
    date: Date = Field(alias="tanggal")
    change: Text = Field(alias="perubahan")
    by: Text = Field(alias="oleh")


def _empty_mapping(value: Any) -> Any:
    """`tanggal:` left empty in a draft is a mapping with nothing in it yet."""
    return {} if value is None else value


class Retirement(StrictModel):
    """dicabut: when the SOP was retired and which SOP replaces it."""

    date: Date | None = Field(None, alias="tanggal")
    replaced_by: Slug | None = Field(None, alias="diganti_oleh", description="slug SOP pengganti di sumber")
    note: Text | None = Field(None, alias="keterangan")


class Sop(StrictModel):
    status: Status = Field(Status.IN_FORCE, alias="status")
    retirement: Retirement | None = Field(None, alias="dicabut")
    number: Text | None = Field(None, alias="nomor", description="wajib kecuali status: draf")
    title: Text = Field(alias="judul")
    agency: Id = Field(alias="instansi")
    unit: Text | None = Field(None, alias="unit", description="unit kerja/bidang dalam instansi")
    dates: Annotated[Dates, BeforeValidator(_empty_mapping)] = Field(
        default_factory=Dates, alias="tanggal", description="wajib kecuali status: draf"
    )
    approval: Approval | None = Field(None, alias="disahkan_oleh", description="wajib kecuali status: draf")
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

    @property
    def is_draft(self) -> bool:
        return self.status is Status.DRAFT

    @property
    def is_retired(self) -> bool:
        return self.status is Status.RETIRED
