"""Riwayat: every version of an SOP (from git, merged with the source's riwayat_revisi), and what
each changed in SOP terms. The words for a change are made here once, for the page and for
`sop diff` alike."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from ..model.base import PartialDate, YearlessDate
from ..model.diff import Change, ChangeKind, Exits, diff_sops
from ..model.duration import Alternatives, Duration, WrittenTime
from ..model.history import ProjectHistory, SopHistory, Version
from ..model.registry import Agency, LegalBasis, LegalStatus, Role
from ..model.sop import CONTINUED, END, Revision, Sop
from .context import Registries
from .links import Links
from .paper import Orientation, page_rule
from .text import NO_VALUE, duration, indonesian_date

NO_HISTORY = "Riwayat git tidak tersedia"
NO_CHANGE = "Tidak ada perubahan isi SOP"

# Source keys of the SOP, as the identity block names them.
FIELD_LABELS = {
    "status": "Status", "dicabut": "Keterangan pencabutan", "nomor": "Nomor SOP", "judul": "Judul SOP",
    "instansi": "Instansi", "dasar_hukum": "Dasar hukum (kutipan, nomor butir atau urutan)", "unit": "Unit kerja", "lampiran": "Ditetapkan dalam", "tanggal": "Tanggal", "disahkan_oleh": "Disahkan oleh",
    "kualifikasi_pelaksana": "Kualifikasi pelaksana", "keterkaitan": "Keterkaitan",
    "peralatan_perlengkapan": "Peralatan/perlengkapan", "peringatan": "Peringatan",
    "pencatatan_pendataan": "Pencatatan dan pendataan", "jenis_kegiatan": "Jenis kegiatan",
    "penanggung_jawab": "Penanggung jawab", "ruang_lingkup": "Ruang lingkup", "satuan_waktu": "Satuan waktu",
    "pelaksana": "Kolom pelaksana", "riwayat_revisi": "Riwayat revisi", "terpotong": "Tanda sumber terpotong",
    "kelengkapan": "Kelengkapan", "output": "Output", "keterangan": "Keterangan", "selesai": "Tanda akhir prosedur",
    "tinjauan": "Tinjauan",
}


@dataclass(frozen=True)
class Described:
    """A change in words: the sentence, and the old and new value as text (None: not shown)."""

    text: str
    old: str | None = None
    new: str | None = None


def _citation(entry: str, registries: Registries, basis: LegalBasis | None = None) -> str:
    basis = basis if basis is not None else registries.legal_bases.get(entry)
    return basis.citation() if basis is not None else entry


def _actors(keys: tuple[str, ...], registries: Registries) -> str:
    def name(key: str) -> str:
        return " atau ".join(registries.roles[r].name if r in registries.roles else r for r in Sop.column_roles(key))

    return ", ".join(name(key) for key in keys)


def value_text(value: Any, registries: Registries) -> str:
    """Any value a change holds, as the SOP would print it."""
    if value is None or value == ():
        return NO_VALUE
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, (PartialDate, YearlessDate, dt.date)):
        return indonesian_date(value)
    if isinstance(value, (Duration, Alternatives, WrittenTime)):
        return duration(value)
    if isinstance(value, Exits):
        def way(path: str, target: str, *symbol: tuple[str, str | None]) -> str:
            place = target if target in (END, CONTINUED) else "langkah " + target
            for activity, column in symbol:  # the symbol the branch draws on the way
                place = f"{activity} ({_actors((column,), registries) if column else '—'}) → {place}"
            return f"{path} → {place}"

        return ", ".join(way(*exit_) for exit_ in value.exits)
    if isinstance(value, LegalBasis):
        return value.citation() + (" (dicabut)" if value.status is LegalStatus.REPEALED else "")
    if isinstance(value, Role):
        return f"{value.name} ({value.short_name})"
    if isinstance(value, Agency):
        return value.name
    if isinstance(value, Revision):
        return f"{indonesian_date(value.date)}: {value.change} ({value.by})"
    if isinstance(value, BaseModel):
        parts = []
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            if item is None or item == () or item is False:
                continue
            parts.append(f"{info.alias or name}: {value_text(item, registries)}")
        return ", ".join(parts) or NO_VALUE
    if isinstance(value, tuple):
        return "; ".join(value_text(item, registries) for item in value) or NO_VALUE
    return str(value)


def describe(change: Change, registries: Registries) -> Described:
    """One change in SOP terms, in Indonesian."""
    kind, n, old_n = change.kind, change.step, change.old_step

    def both(text: str, render=None) -> Described:
        render = render or (lambda v: value_text(v, registries))
        return Described(text, render(change.old), render(change.new))

    if kind is ChangeKind.SOP_ADDED:
        return Described("SOP dibuat", None, value_text(change.new, registries))
    if kind is ChangeKind.SOP_REMOVED:
        return Described("SOP dihapus", value_text(change.old, registries), None)
    if kind is ChangeKind.UNREADABLE:
        if change.new is None:
            return Described(f"Versi lama sumber tidak dapat dibaca ({change.old}); kini dapat dibaca")
        return Described(f"Versi sumber tidak dapat dibaca: {change.new}")
    if kind is ChangeKind.IDENTITY:
        return both(f"{FIELD_LABELS.get(change.field, change.field)} diubah")
    if kind is ChangeKind.LEGAL_ADDED:
        return Described("Dasar hukum ditambahkan", None, _citation(change.field, registries))
    if kind is ChangeKind.LEGAL_REMOVED:
        return Described("Dasar hukum dihapus", _citation(change.field, registries), None)
    if kind is ChangeKind.STEP_ADDED:
        return Described(f"Langkah {n} ditambahkan", None, change.new)
    if kind is ChangeKind.STEP_REMOVED:
        return Described(f"Langkah {old_n} dihapus", change.old, None)
    if kind is ChangeKind.STEP_MOVED:
        return Described(f"Langkah {old_n} dipindah menjadi langkah {n}")
    if kind is ChangeKind.STEP_REWORDED:
        return both(f"Kegiatan langkah {n} diubah")
    if kind is ChangeKind.STEP_ACTORS:
        return both(f"Pelaksana langkah {n} diubah", lambda v: _actors(v, registries))
    if kind is ChangeKind.STEP_TIME:
        return both(f"Waktu langkah {n} diubah", lambda v: duration(v))
    if kind is ChangeKind.STEP_DECISION:
        return both(f"Keputusan langkah {n} diubah", lambda v: value_text(v, registries) if v is not None else "bukan keputusan")
    if kind is ChangeKind.STEP_DETAIL:
        return both(f"{FIELD_LABELS.get(change.field, change.field)} langkah {n} diubah")
    if kind is ChangeKind.LEGAL_REPEALED:
        replaced = change.new.replaced_by if isinstance(change.new, LegalBasis) else None
        instead = f"; diganti {_citation(replaced, registries)}" if replaced else ""
        return Described("Dasar hukum yang dirujuk dicabut (registri dasar hukum)", None,
                         _citation(change.field, registries, change.new) + instead)
    if kind is ChangeKind.LEGAL_EDITED:
        return both(f"Dasar hukum yang dirujuk diubah di registri ({change.field})",
                    lambda v: value_text(v, registries) if v is not None else "tidak ada di registri")
    if kind is ChangeKind.ROLE_EDITED:
        return both(f"Jabatan yang dirujuk diubah di registri ({change.field})",
                    lambda v: value_text(v, registries) if v is not None else "tidak ada di registri")
    if kind is ChangeKind.AGENCY_EDITED:
        return both(f"Instansi diubah di registri ({change.field})",
                    lambda v: value_text(v, registries) if v is not None else "tidak ada di registri")
    return Described(kind.value)  # pragma: no cover (every kind is named above)


def change_line(slug: str, change: Change, registries: Registries) -> str:
    """One line of `sop diff`: 'slug: Kegiatan langkah 2 diubah: "lama" → "baru"'."""
    words = describe(change, registries)
    line = f"{slug}: {words.text}"
    if words.old is not None and words.new is not None:
        return f'{line}: "{words.old}" → "{words.new}"'
    if words.new is not None:
        return f'{line}: "{words.new}"'
    if words.old is not None:
        return f'{line}: "{words.old}"'
    return line


def _number(step: str | None) -> int | str | None:
    """A step's number as JSON says a number (source numbers are whole numbers, SOP-S014)."""
    return int(step) if step is not None and step.isdecimal() else step


def change_record(slug: str, change: Change, registries: Registries) -> dict[str, Any]:
    """One object of `sop diff --format json`."""
    words = describe(change, registries)
    record: dict[str, Any] = {"sop": slug, "jenis": change.kind.value}
    if change.kind.about_step:
        record["langkah"] = _number(change.step)
        record["langkah_lama"] = _number(change.old_step)
    if change.field is not None:
        record["bidang"] = change.field
    record["keterangan"] = words.text
    if words.old is not None:
        record["lama"] = words.old
    if words.new is not None:
        record["baru"] = words.new
    return record


# -- the page ----------------------------------------------------------------------------------

def _when(moment: dt.datetime) -> Markup:
    return Markup('<time datetime="{}">{}, {}</time>').format(
        moment.isoformat(), indonesian_date(moment.date()), moment.strftime("%H.%M")
    )


def marked_words(old: str, new: str) -> tuple[Markup, Markup]:
    """The two texts with the words that differ marked: removed ones in the old (<del>), added ones
    in the new (<ins>), so that a reworded sentence shows what was reworded."""
    a, b = old.split(), new.split()
    left: list[Markup] = []
    right: list[Markup] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append(Markup("{}").format(" ".join(a[i1:i2])))
            right.append(Markup("{}").format(" ".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(Markup("<del>{}</del>").format(" ".join(a[i1:i2])))
        if j2 > j1:
            right.append(Markup("<ins>{}</ins>").format(" ".join(b[j1:j2])))
    return Markup(" ").join(left), Markup(" ").join(right)


def _change_item(change: Change, registries: Registries) -> Markup:
    words = describe(change, registries)
    parts = [Markup('<span class="sop-perubahan-apa">{}</span>').format(words.text)]
    both = words.old is not None and words.new is not None
    old, new = words.old, words.new
    if both and isinstance(change.old, str) and isinstance(change.new, str):
        old, new = marked_words(words.old, words.new)
    if old is not None:
        label = Markup('<span class="sop-perubahan-label">Semula:</span> ') if both else Markup("")
        parts.append(Markup('<span class="sop-perubahan-lama">{}{}</span>').format(label, old))
    if new is not None:
        label = Markup('<span class="sop-perubahan-label">Menjadi:</span> ') if both else Markup("")
        parts.append(Markup('<span class="sop-perubahan-baru">{}{}</span>').format(label, new))
    return Markup('<li class="sop-perubahan" data-jenis="{}">{}</li>').format(change.kind.value, Markup("").join(parts))


def _version_item(version: Version, registries: Registries) -> Markup:
    head = [_when(version.date), Markup('<span class="sop-versi-penulis">{}</span>').format(version.author),
            Markup('<code class="sop-versi-commit">{}</code>').format(version.commit.short)]
    parts = [
        Markup('<p class="sop-versi-kepala">{}</p>').format(Markup(" · ").join(head)),
        Markup('<p class="sop-versi-pesan">{}</p>').format(version.message or "(tanpa pesan commit)"),
    ]
    if version.renamed_from is not None:
        parts.append(Markup('<p class="sop-versi-catatan">Berkas sumber dipindah dari <code>{}</code> ke <code>{}</code>.</p>')
                     .format(version.renamed_from, version.path))
    if not version.source_changed:
        parts.append(Markup('<p class="sop-versi-catatan">Berkas SOP ini tidak berubah; registri yang dirujuknya berubah.</p>'))
    if version.problem is not None:
        parts.append(Markup('<p class="sop-versi-galat">Versi ini tidak dapat dibaca: {}</p>').format(version.problem))
    elif version.changes:
        parts.append(Markup('<ul class="sop-perubahan-daftar">{}</ul>').format(
            Markup("").join(_change_item(c, registries) for c in version.changes)))
    else:
        parts.append(Markup('<p class="sop-tanpa-perubahan">{}.</p>').format(NO_CHANGE))
    return Markup('<li class="sop-versi" data-commit="{}">{}</li>').format(version.commit.short, Markup("").join(parts))


def _note_item(revision: Revision) -> Markup:
    head = Markup(" · ").join([
        Markup('<time datetime="{}">{}</time>').format(revision.date.isoformat(), indonesian_date(revision.date)),
        Markup('<span class="sop-versi-penulis">{}</span>').format(revision.by),
        Markup('<span class="sop-versi-jenis">dicatat di riwayat revisi sumber</span>'),
    ])
    return Markup('<li class="sop-versi sop-versi--catatan"><p class="sop-versi-kepala">{}</p><p class="sop-versi-pesan">{}</p></li>').format(
        head, revision.change)


def _uncommitted_item(sop: Sop, own: SopHistory | None, registries: Registries) -> Markup | None:
    """What the source says now and its last commit does not (while editing, before the commit)."""
    last = own.versions[0].sop if own is not None and own.versions else None
    if last is None or last == sop:
        return None
    changes = diff_sops(last, sop)
    if not changes:
        return None
    return Markup(
        '<li class="sop-versi sop-versi--belum"><p class="sop-versi-kepala">Belum dikomit</p>'
        '<p class="sop-versi-pesan">Perubahan pada berkas sumber sesudah commit terakhir</p>'
        '<ul class="sop-perubahan-daftar">{}</ul></li>'
    ).format(Markup("").join(_change_item(c, registries) for c in changes))


def _interleaved(versions: tuple[Version, ...], revisions: tuple[Revision, ...], registries: Registries) -> list[Markup]:
    """The git versions in the history's own order (the graph's, newest first: a date can be wrong,
    the order in which changes entered cannot), with each revision noted in the source placed
    before the first version that entered on or before its day."""
    notes = sorted(enumerate(revisions), key=lambda pair: (-pair[1].date.first.toordinal(), -pair[0]))
    items: list[Markup] = []
    for version in versions:
        while notes and notes[0][1].date.first > version.date.date():
            items.append(_note_item(notes.pop(0)[1]))
        items.append(_version_item(version, registries))
    items += [_note_item(revision) for _, revision in notes]
    return items


def render_history(slug: str, sop: Sop, history: ProjectHistory, registries: Registries, links: Links,
                   paper: str) -> Markup:
    """Every version, newest first: git's (with what changed) and the source's riwayat_revisi; on
    top, while the source is being edited, what it says that its last commit does not. Printed from
    the browser on the site's paper, portrait."""
    own: SopHistory | None = history.of(slug) if history.available else None
    items: list[Markup] = []
    pending = _uncommitted_item(sop, own, registries)
    if pending is not None:
        items.append(pending)
    items += _interleaved(own.versions if own is not None else (), sop.revisions, registries)
    parts = [
        page_rule(paper, Orientation.PORTRAIT, 12),
        Markup('<div class="sop-riwayat-git">'),
        Markup('<nav class="sop-tautan" aria-label="Bagian SOP ini"><a href="{}">Dokumen SOP</a></nav>').format(links.sop(slug)),
        Markup('<p class="sop-riwayat-pengantar">Setiap versi sumber SOP ini menurut riwayat git, digabung dengan riwayat '
               'revisi yang dicatat di sumbernya; yang terbaru di atas. Perubahan disebut dalam istilah SOP: langkah, '
               'pelaksana, waktu, keputusan, dasar hukum dan identitas.</p>'),
    ]
    if not history.available:
        parts.append(Markup('<p class="sop-riwayat-tidak-tersedia"><strong>{}</strong>: {}.</p>').format(NO_HISTORY, history.reason))
    elif own is None:
        parts.append(Markup('<p class="sop-riwayat-tidak-tersedia"><strong>{}</strong>: sumber SOP ini belum pernah dikomit.</p>')
                     .format(NO_HISTORY))
    if items:
        parts.append(Markup('<ol class="sop-versi-daftar">{}</ol>').format(
            Markup("").join(items)))
    parts.append(Markup("</div>"))
    return Markup("\n").join(parts)
