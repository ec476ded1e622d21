"""Registries shared by all SOPs: agencies (kop), roles (jabatan), legal bases."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated

from pydantic import BeforeValidator, Field, RootModel, model_validator
from pydantic_core import PydanticCustomError

from .base import MONTHS, Date, Id, StrictModel, Text, TypeName, _one_or_many, when_absent
from .base import identity as text_identity
from .review_period import ReviewPeriod

MAX_KOP_LEVELS = 4  # Provinsi / Kabupaten-Kota / Kecamatan / Kelurahan-Desa above the agency itself

KopLevels = Annotated[
    tuple[Text, ...], Field(max_length=MAX_KOP_LEVELS), BeforeValidator(_one_or_many),
    TypeName("teks, atau daftar teks dari atas (paling banyak 4 tingkat)"),
]


class Agency(StrictModel):
    """An agency (instansi) as its kop prints it: the levels of government above it, top first
    (one line each), then its own name. A kelurahan's kop has three lines: Pemerintah Kota …,
    Kecamatan …, Kelurahan …."""

    levels: KopLevels = Field(
        (),
        alias="pemerintah", description="mis. Pemerintah Kabupaten Banggai, atau daftar: [Pemerintah Kota Contoh, Kecamatan Contoh]",
        json_schema_extra=when_absent("kop hanya memuat nama instansi"),
    )
    name: Text = Field(alias="nama", description="nama lengkap instansi: baris terakhir kop")
    short_name: Text | None = Field(
        None, alias="singkatan", description="nama singkat, di kepala situs pada layar ponsel",
        json_schema_extra=when_absent("kepala situs di ponsel memakai nama lengkap"),
    )
    address: Text | None = Field(
        None, alias="alamat", description="alamat instansi di kop", json_schema_extra=when_absent("kop tanpa alamat; peringatan SOP-I002")
    )
    logo: Text | None = Field(
        None, alias="logo", description="berkas gambar, relatif terhadap docs/ (SOP-I003)", json_schema_extra=when_absent("kop tanpa logo")
    )
    review_period: ReviewPeriod | None = Field(
        None, alias="masa_tinjauan", description="SOP instansi ini ditinjau setiap ..., mis. '2 tahun' atau '18 bulan'",
        json_schema_extra=when_absent("tidak ada jadwal tinjauan berkala"),
    )

    @property
    def government(self) -> str:
        """The top line of the kop: the government the agency belongs to, or the agency itself
        when its kop names no level above it."""
        return self.levels[0] if self.levels else self.name

    @property
    def kop_lines(self) -> tuple[str, ...]:
        """Every line of the kop, top first: the levels above the agency, then the agency."""
        return (*self.levels, self.name)


class Role(StrictModel):
    """A position (jabatan): one id for the same role in every SOP."""

    name: Text = Field(alias="nama", description="nomenklatur jabatan resmi")
    short_name: Text = Field(alias="singkatan", description="nama singkat untuk kepala kolom")
    agency: Id | None = Field(None, alias="instansi", description="id instansi jabatan ini: kepala halaman jabatan menyebutnya")
    external: bool = Field(
        False, alias="eksternal", description="pihak di luar instansi (mis. Pemohon): tanpa NIP dan tanda tangan pejabat",
        json_schema_extra=when_absent("false: jabatan di instansi"),
    )


class LegalStatus(str, enum.Enum):
    IN_FORCE = "berlaku"
    REPEALED = "dicabut"


class LegalForm(str, enum.Enum):
    """How a legal basis is cited: each form has its own printed shape and required fields."""

    REGULATION = "peraturan"  # Undang-Undang, Peraturan …: jenis Nomor … Tahun … [tanggal …] tentang …
    DECREE = "keputusan"  # Keputusan …: same shape, jenis begins with "Keputusan"
    CIRCULAR = "surat_edaran"  # Surat Edaran …: jenis Nomor … [Tahun …] [tanggal …] tentang …
    STANDARD = "standar"  # SNI, ISO …: kode judul, no Nomor/Tahun


# The word a `jenis` of each form begins with (checked, with the accepted forms in the message).
FORM_PREFIXES = {
    LegalForm.DECREE: ("Keputusan",),
    LegalForm.CIRCULAR: ("Surat Edaran",),
}

# Fields each form uses; the others are refused with a finding naming the printed form.
FORM_FIELDS = {
    LegalForm.REGULATION: ("jenis", "nomor", "tahun", "tanggal", "tentang"),
    LegalForm.DECREE: ("jenis", "nomor", "tahun", "tanggal", "tentang"),
    LegalForm.CIRCULAR: ("jenis", "nomor", "tahun", "tanggal", "tentang"),
    LegalForm.STANDARD: ("kode", "judul"),
}

# Fields a complete citation of each form cannot do without (tuples: one of them is enough).
# The year is not among them: a source may cite an act by its nomor alone, and the citation is then
# printed without a year (reported when the nomor does not carry one either), never with a year made up.
FORM_REQUIRED = {
    LegalForm.REGULATION: ("jenis", "nomor", "tentang"),
    LegalForm.DECREE: ("jenis", "nomor", "tentang"),
    LegalForm.CIRCULAR: ("jenis", "nomor", "tentang"),
    LegalForm.STANDARD: ("kode", "judul"),
}

# The printed shape of each form, quoted in findings.
FORM_EXAMPLES = {
    LegalForm.REGULATION: "Peraturan Bupati Banggai Nomor 31 Tahun 2017 tentang …",
    LegalForm.DECREE: "Keputusan Bupati Banggai Nomor 050/123/Bappeda Tahun 2019 tentang …",
    LegalForm.CIRCULAR: "Surat Edaran Menteri Dalam Negeri Nomor 100/123/SJ Tahun 2020 tentang …",
    LegalForm.STANDARD: "SNI ISO 9001:2015 Sistem Manajemen Mutu — Persyaratan",
}


def day_text(value) -> str:
    """13 Oktober 2006: the day of a legal act as citations write it (no leading zero)."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


class LegalBasis(StrictModel):
    """One legal basis, cited by id. Structured so a citation is never half a sentence."""

    form: LegalForm = Field(
        LegalForm.REGULATION, alias="bentuk", description="bentuk kutipan: menentukan isian yang dipakai dan cara cetaknya",
        json_schema_extra=when_absent("peraturan"),
    )
    kind: Text | None = Field(
        None, alias="jenis", description="mis. Peraturan Pemerintah, Keputusan Bupati Banggai (bentuk selain standar)",
        json_schema_extra=when_absent("galat SOP-S003, kecuali bentuk standar"),
    )
    number: Text | None = Field(
        None, alias="nomor", description="nomor seperti tertulis, mis. PER/21/M.PAN/11/2008 (bentuk selain standar)",
        json_schema_extra=when_absent("galat SOP-S002, kecuali tidak_lengkap: true (dicetak sebagian, SOP-L002)"),
    )
    year: Annotated[int, Field(ge=1945, le=2100), TypeName("tahun: 1945–2100")] | None = Field(
        None, alias="tahun", description="tahun penetapan (bentuk selain standar)",
        json_schema_extra=when_absent("dicetak tanpa tahun; peringatan SOP-L013 bila nomor dan tanggalnya pun tidak memuat tahun"),
    )
    date: Date | None = Field(
        None, alias="tanggal", description="tanggal penetapan, bila sumber menyebutnya", json_schema_extra=when_absent("tidak dicetak")
    )
    subject: Text | None = Field(
        None, alias="tentang", description="judul peraturan, sesudah kata 'tentang' (bentuk selain standar)",
        json_schema_extra=when_absent("galat SOP-S002, kecuali tidak_lengkap: true (dicetak sebagian, SOP-L002)"),
    )
    code: Text | None = Field(None, alias="kode", description="kode standar dengan tahun edisinya, mis. SNI ISO 9001:2015 (SOP-L012)")
    title: Text | None = Field(None, alias="judul", description="judul standar")
    status: LegalStatus = Field(
        LegalStatus.IN_FORCE, alias="status", description="berlaku, atau dicabut (SOP yang masih mengutipnya: SOP-L003)",
        json_schema_extra=when_absent("berlaku"),
    )
    replaced_by: Id | None = Field(None, alias="diganti_oleh", description="id dasar hukum pengganti di registri (SOP-L006)")
    incomplete: bool = Field(
        False, alias="tidak_lengkap", description="kutipan diketahui tidak lengkap: dicetak sebagian, dengan catatan di layar",
        json_schema_extra=when_absent("false"),
    )
    note: Text | None = Field(None, alias="catatan", description="catatan bebas tentang dasar hukum ini")

    @model_validator(mode="after")
    def _printable(self) -> "LegalBasis":
        """Even a citation known to be incomplete prints as the start of a sentence, never as nothing."""
        if self.form is LegalForm.STANDARD and not (self.code or self.title):
            raise PydanticCustomError(
                "standard_unnamed", "standar harus punya 'kode' (mis. SNI ISO 9001:2015) dan 'judul'"
            )
        if self.form is not LegalForm.STANDARD and not self.kind:
            raise PydanticCustomError(
                "kind_missing",
                "dasar hukum berbentuk {form} harus punya 'jenis' (mis. {example})",
                {"form": self.form.value, "example": FORM_EXAMPLES[self.form].split(" Nomor")[0]},
            )
        return self

    def value_of(self, key: str):
        """A field by its Indonesian key (what the form tables name)."""
        return {
            "jenis": self.kind, "nomor": self.number, "tahun": self.year, "tanggal": self.date,
            "tentang": self.subject, "kode": self.code, "judul": self.title,
        }[key]

    def citation(self) -> str:
        """The citation as printed, in the shape of its form; only the fields it uses."""
        if self.form is LegalForm.STANDARD:
            return " ".join(p for p in (self.code, self.title) if p)
        parts = [self.kind]
        if self.number:
            parts.append(f"Nomor {self.number}")
        if self.year:
            parts.append(f"Tahun {self.year}")
        if self.date:
            parts.append(f"tanggal {day_text(self.date)}")
        if self.subject:
            parts.append(f"tentang {self.subject}")
        return " ".join(parts)

    @property
    def year_in_number(self) -> int | None:
        """The year a nomor carries itself ('PER/21/M.PAN/11/2008', '050/123/2019'), if any."""
        found = re.findall(r"(?<!\d)(19[4-9]\d|20\d\d|2100)(?!\d)", self.number or "")
        return int(found[-1]) if found else None

    def identity(self) -> tuple | None:
        """What makes two entries the same act (or standard)."""
        if self.form is LegalForm.STANDARD:
            return ("standar", text_identity(self.code)) if self.code else None
        year = self.year or (self.date.year if self.date else None) or self.year_in_number
        if not self.kind or not self.number or not year:
            return None
        return (text_identity(self.kind), text_identity(self.number), year)


class AgencyRegistry(RootModel[dict[Id, Agency]]):
    pass


class RoleRegistry(RootModel[dict[Id, Role]]):
    pass


class LegalRegistry(RootModel[dict[Id, LegalBasis]]):
    pass


@dataclass(frozen=True)
class Registries:
    """The three registries of a state of the sources, by name, read-only: what the renderers need
    besides one SOP, and what a registry change is measured against (model/diff.py)."""

    agencies: Mapping[str, Agency]
    roles: Mapping[str, Role]
    legal_bases: Mapping[str, LegalBasis]

    @classmethod
    def of(cls, agencies: Mapping[str, Agency], roles: Mapping[str, Role], legal_bases: Mapping[str, LegalBasis]) -> "Registries":
        """Read-only copies of the three."""
        return cls(MappingProxyType(dict(agencies)), MappingProxyType(dict(roles)), MappingProxyType(dict(legal_bases)))
