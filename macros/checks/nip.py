"""The NIP and rank of the official who signs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from .. import codes
from ..findings import Finding, Location
from ..model.project import Project, SopDocument
from .base import SopCheck, register

# Golongan ruang and the pangkat that goes with it (PP 99/2000).
RANKS = {
    "I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur", "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I", "III/c": "Penata", "III/d": "Penata Tingkat I",
    "IV/a": "Pembina", "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya", "IV/e": "Pembina Utama",
}
_GRADE = re.compile(r"^\s*(IV|III|II|I)\s*/\s*([a-eA-E])\s*$")


def normalise_grade(grade: str) -> str | None:
    match = _GRADE.match(grade)
    return f"{match.group(1)}/{match.group(2).lower()}" if match else None


def nip_digits(nip: str) -> str:
    return "".join(nip.split())


def nip_problems(nip: str, where: Location) -> Iterator[Finding]:
    """What is wrong with a NIP written at `where` (the signer's, or a monitoring's assessor's)."""
    digits = nip_digits(nip)
    if not (digits.isascii() and digits.isdigit() and len(digits) == 18):
        yield codes.NIP_LENGTH.at(
            where, f"NIP '{nip}' harus 18 angka (mis. 19690815 199803 1 008), ditemukan {len(digits)} karakter"
        )
        return
    try:
        birth = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        birth = None
        yield codes.NIP_BIRTH_DATE.at(where, f"NIP '{nip}': tanggal lahir {digits[0:8]} tidak ada di kalender")
    else:
        if birth.year < 1900:
            yield codes.NIP_BIRTH_DATE.at(where, f"NIP '{nip}': tahun lahir {birth.year} tidak masuk akal")
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        yield codes.NIP_APPOINTMENT.at(where, f"NIP '{nip}': bulan pengangkatan (TMT CPNS) '{digits[12:14]}' bukan 01–12")
    elif birth is not None and year < birth.year + 18:
        yield codes.NIP_APPOINTMENT.at(
            where, f"NIP '{nip}': pengangkatan tahun {year} sebelum pegawai berusia 18 tahun (lahir {birth.year})"
        )
    if digits[14] not in "12":
        yield codes.NIP_GENDER.at(where, f"NIP '{nip}': digit jenis kelamin '{digits[14]}' harus 1 (pria) atau 2 (wanita)")


@register
class Nip(SopCheck):
    """NIP = YYYYMMDD (birth) YYYYMM (TMT CPNS) G (1 male, 2 female) NNN."""

    emits = (codes.NIP_LENGTH, codes.NIP_BIRTH_DATE, codes.NIP_APPOINTMENT, codes.NIP_GENDER)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        nip = document.sop.approval.nip if document.sop.approval else None
        if nip is None:
            return
        yield from nip_problems(nip, document.locator.value("disahkan_oleh", "nip"))


@register
class Rank(SopCheck):
    emits = (codes.WRONG_TYPE, codes.RANK_MISMATCH)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        approval = document.sop.approval
        if approval is None or approval.grade is None:
            return
        grade = normalise_grade(approval.grade)
        if grade is None:
            yield codes.WRONG_TYPE.at(
                document.locator.value("disahkan_oleh", "golongan"),
                f"golongan '{approval.grade}' tidak sah; tulis seperti IV/c",
            )
            return
        expected = RANKS[grade]
        if approval.rank is not None and " ".join(approval.rank.lower().split()) != expected.lower():
            yield codes.RANK_MISMATCH.at(
                document.locator.value("disahkan_oleh", "pangkat"),
                f"pangkat '{approval.rank}' tidak sesuai golongan {grade} (seharusnya '{expected}')",
            )
