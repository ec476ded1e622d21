"""Registries shared by all SOPs: agencies (kop), roles (jabatan), legal bases."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import Field, RootModel

from .base import Id, StrictModel, Text


class Agency(StrictModel):
    """An agency (instansi) as its kop prints it."""

    government: Text = Field(alias="pemerintah", description="mis. Pemerintah Kabupaten Banggai")
    name: Text = Field(alias="nama", description="nama lengkap instansi")
    short_name: Text | None = Field(None, alias="singkatan")
    address: Text | None = Field(None, alias="alamat")
    logo: Text | None = Field(None, alias="logo", description="berkas gambar, relatif terhadap docs/")


class Role(StrictModel):
    """A position (jabatan): one id for the same role in every SOP."""

    name: Text = Field(alias="nama", description="nomenklatur jabatan resmi")
    short_name: Text = Field(alias="singkatan", description="nama singkat untuk kepala kolom")
    agency: Id | None = Field(None, alias="instansi")


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
