"""Registries shared by all SOPs: agencies (kop), roles (jabatan), legal bases."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import BeforeValidator, Field, RootModel

from .base import Id, StrictModel, Text, _one_or_many

MAX_KOP_LEVELS = 4  # Provinsi / Kabupaten-Kota / Kecamatan / Kelurahan-Desa above the agency itself

KopLevels = Annotated[
    tuple[Text, ...], Field(min_length=1, max_length=MAX_KOP_LEVELS), BeforeValidator(_one_or_many)
]


class Agency(StrictModel):
    """An agency (instansi) as its kop prints it: the levels of government above it, top first
    (one line each), then its own name. A kelurahan's kop has three lines: Pemerintah Kota …,
    Kecamatan …, Kelurahan …."""

    levels: KopLevels = Field(
        alias="pemerintah", description="mis. Pemerintah Kabupaten Banggai, atau daftar: [Pemerintah Kota Contoh, Kecamatan Contoh]"
    )
    name: Text = Field(alias="nama", description="nama lengkap instansi")
    short_name: Text | None = Field(None, alias="singkatan")
    address: Text | None = Field(None, alias="alamat")
    logo: Text | None = Field(None, alias="logo", description="berkas gambar, relatif terhadap docs/")

    @property
    def government(self) -> str:
        """The top level of the kop: the government the agency belongs to."""
        return self.levels[0]

    @property
    def kop_lines(self) -> tuple[str, ...]:
        """Every line of the kop, top first: the levels above the agency, then the agency."""
        return (*self.levels, self.name)


class Role(StrictModel):
    """A position (jabatan): one id for the same role in every SOP."""

    name: Text = Field(alias="nama", description="nomenklatur jabatan resmi")
    short_name: Text = Field(alias="singkatan", description="nama singkat untuk kepala kolom")
    agency: Id | None = Field(None, alias="instansi")
    external: bool = Field(
        False, alias="eksternal", description="pihak di luar instansi (mis. Pemohon): tanpa NIP dan tanda tangan pejabat"
    )


class LegalStatus(str, enum.Enum):
    IN_FORCE = "berlaku"
    REPEALED = "dicabut"


class LegalBasis(StrictModel):
    """One regulation, cited by id. Structured so a citation is never half a sentence."""

    kind: Text = Field(alias="jenis", description="mis. Peraturan Pemerintah")
    number: Text | None = Field(None, alias="nomor")
    year: Annotated[int, Field(ge=1945, le=2100)] | None = Field(None, alias="tahun")
    subject: Text | None = Field(None, alias="tentang")
    status: LegalStatus = Field(LegalStatus.IN_FORCE, alias="status")
    replaced_by: Id | None = Field(None, alias="diganti_oleh")
    incomplete: bool = Field(False, alias="tidak_lengkap", description="kutipan diketahui tidak lengkap")
    note: Text | None = Field(None, alias="catatan")

    def citation(self) -> str:
        """The citation as printed: kind, number, year, subject."""
        parts = [self.kind]
        if self.number:
            parts.append(f"Nomor {self.number}")
        if self.year:
            parts.append(f"Tahun {self.year}")
        if self.subject:
            parts.append(f"tentang {self.subject}")
        return " ".join(parts)

    def identity(self) -> tuple[str, str, int] | None:
        """What makes two entries the same regulation."""
        if not self.number or not self.year:
            return None
        return (" ".join(self.kind.lower().split()), self.number.strip().lower(), self.year)


class AgencyRegistry(RootModel[dict[Id, Agency]]):
    pass


class RoleRegistry(RootModel[dict[Id, Role]]):
    pass


class LegalRegistry(RootModel[dict[Id, LegalBasis]]):
    pass
