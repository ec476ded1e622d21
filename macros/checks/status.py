"""Status of an SOP: what a draft may still leave open, what an SOP in force must state,
and how a retired SOP points to the SOP that replaces it."""

from __future__ import annotations

from typing import Iterator

from .. import codes
from ..findings import Finding
from ..model.errors import suggest
from ..model.project import Project, SopDocument
from ..model.sop import Status
from .base import Check, SopCheck, register


def _open_fields(document: SopDocument) -> Iterator[tuple[tuple, codes.Code, str]]:
    """(path in the source, draft code, what is open) for every value an SOP in force must state
    and this one leaves out."""
    sop = document.sop
    if sop.number is None:
        yield ("nomor",), codes.DRAFT_NO_NOMOR, "nomor SOP"
    if sop.dates.created_written is None:
        yield ("tanggal", "pembuatan"), codes.DRAFT_NO_DATE, "tanggal pembuatan"
    if sop.approval is None:
        yield ("disahkan_oleh",), codes.DRAFT_NO_SIGNER, "pengesah (disahkan_oleh)"
    else:
        for key, value in (("jabatan", sop.approval.role), ("nama", sop.approval.name)):
            if value is None:
                yield ("disahkan_oleh", key), codes.DRAFT_NO_SIGNER, f"{key} pengesah"
    for i, step in enumerate(sop.steps):
        if step.duration is None:
            yield ("langkah", i, "waktu"), codes.DRAFT_STEP_NO_TIME, f"waktu langkah {sop.step_number(i)}"
        if step.output is None:
            yield ("langkah", i, "output"), codes.DRAFT_STEP_NO_OUTPUT, f"output langkah {sop.step_number(i)}"


@register
class OpenFields(SopCheck):
    """A draft may leave nomor, dates, signer and a step's waktu/output open: they are not decided
    yet. An SOP in force or retired may lack them too, because its signed source does: it is
    printed as the source is (an empty cell), never with a value made up, and reported."""

    emits = (codes.DRAFT_NO_NOMOR, codes.DRAFT_NO_DATE, codes.DRAFT_NO_SIGNER,
             codes.DRAFT_STEP_NO_TIME, codes.DRAFT_STEP_NO_OUTPUT, codes.NOT_STATED)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        draft = document.sop.is_draft
        locator = document.locator
        for path, code, what in _open_fields(document):
            # at the key when it is written empty, else at the mapping that lacks it (the SOP, the step)
            at = locator.key(*path)
            if draft:
                yield code.at(at, f"{what} belum ditetapkan (SOP draf); isi sebelum status diubah menjadi berlaku")
            else:
                yield codes.NOT_STATED.at(
                    at,
                    f"{what} tidak ada di sumber; dicetak kosong (—). Salin dari dokumen yang disahkan bila ada di sana, "
                    "atau tulis status: draf bila SOP belum disahkan",
                )


@register
class WorksheetData(SopCheck):
    """The Lembar Kerja's part A (jenis kegiatan, penanggung jawab, ruang lingkup) is rarely in a
    signed SOP: absent, the worksheet says 'belum diisi' there, and each absent value is reported."""

    emits = (codes.WORKSHEET_NOT_STATED,)

    def check(self, document: SopDocument, project: Project) -> Iterator[Finding]:
        sop = document.sop
        missing = []
        if sop.activity_kind is None:
            missing.append((("jenis_kegiatan",), "jenis kegiatan"))
        if sop.responsible is None:
            missing.append((("penanggung_jawab",), "penanggung jawab"))
        else:
            named = {key for key, _ in sop.responsible_roles}
            missing += [(("penanggung_jawab", key), f"penanggung jawab {key}") for key in ("produk", "kegiatan")
                        if key not in named]
        if sop.scope is None:
            missing.append((("ruang_lingkup",), "ruang lingkup"))
        for path, what in missing:
            yield codes.WORKSHEET_NOT_STATED.at(
                document.locator.key(*path), f"{what} (Lembar Kerja bagian A) tidak ada di sumber; lembar kerja menulis 'belum diisi'"
            )


@register
class Retirement(Check):
    emits = (codes.UNKNOWN_SUCCESSOR, codes.SUCCESSOR_NOT_IN_FORCE, codes.RETIREMENT_WITHOUT_STATUS,
             codes.RELATED_RETIRED)

    def run(self, project: Project) -> Iterator[Finding]:
        status = {d.slug: d.sop.status for d in project.valid_documents}
        for document in project.valid_documents:
            sop = document.sop
            if sop.retirement is not None and not sop.is_retired:
                yield codes.RETIREMENT_WITHOUT_STATUS.at(
                    document.locator.key("dicabut"),
                    f"SOP berstatus {sop.status.value} tetapi memuat keterangan 'dicabut'; tulis 'status: dicabut' "
                    "atau hapus keterangan itu",
                )
            successor = sop.retirement.replaced_by if sop.retirement is not None else None
            if successor is not None:
                where = document.locator.value("dicabut", "diganti_oleh")
                if successor == document.slug:
                    yield codes.UNKNOWN_SUCCESSOR.at(where, f"SOP '{successor}' tidak dapat menggantikan dirinya sendiri")
                elif successor not in project.known_slugs:
                    yield codes.UNKNOWN_SUCCESSOR.at(
                        where, f"tidak ada SOP '{successor}' di sumber{suggest(successor, list(project.known_slugs))}"
                    )
                elif status.get(successor, Status.IN_FORCE) is not Status.IN_FORCE:
                    yield codes.SUCCESSOR_NOT_IN_FORCE.at(
                        where, f"SOP pengganti '{successor}' berstatus {status[successor].value}, bukan berlaku"
                    )
            if sop.is_retired:
                continue  # a retired SOP may name the retired SOPs it worked with
            for i, related in enumerate(sop.related):
                if related.slug is not None and status.get(related.slug) is Status.RETIRED:
                    yield codes.RELATED_RETIRED.at(
                        document.locator.value("keterkaitan", i, "sop"),
                        f"SOP terkait '{related.slug}' sudah dicabut; rujuk penggantinya bila ada",
                    )
