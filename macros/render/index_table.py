"""Daftar SOP: one row per SOP, with the data the page script filters and sorts on.

Without JavaScript the full table is there; with it, the controls above the table filter
by agency, role and jenis kegiatan and the column headers sort.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup

from ..model.review import ReviewState

from ..model.sop import Sop, Status
from .context import Registries
from .links import Links
from .review import CLEAR, OVERDUE, SUSPECT, review_badges, review_tokens
from .status import status_badge
from .text import absent, indonesian_date, natural_key, nomor, sop_total


def agency_name(sop: Sop, registries: Registries) -> str:
    return registries.agencies[sop.agency].name


def filter_select(label: str, key: str, values: list[tuple[str, str]], words: bool = False) -> Markup:
    """A filter: `words` matches one of the row's space-separated values (macros/plugin/static/assets/daftar.js)."""
    options = Markup("").join(Markup('<option value="{}">{}</option>').format(v, t) for v, t in values)
    return Markup(
        '<label class="sop-saring-isian">{label}<select data-saring="{key}"{words}><option value="">Semua</option>{options}</select></label>'
    ).format(label=label, key=key, options=options, words=Markup(' data-saring-cara="kata"') if words else "")


def _controls(sops: list[tuple[str, Sop]], registries: Registries, reviews: Mapping[str, ReviewState]) -> Markup:
    statuses = [(s.value, s.value.capitalize()) for s in Status if any(sop.status is s for _, sop in sops)]
    agencies = sorted({agency_name(sop, registries) for _, sop in sops}, key=lambda a: (a.lower(), a))
    roles = sorted({r for _, sop in sops for r in sop.roles}, key=lambda r: (registries.roles[r].name.lower(), r))
    kinds = sorted({sop.activity_kind.value for _, sop in sops if sop.activity_kind is not None})
    marks = {token for slug, _ in sops for token in review_tokens(reviews.get(slug)).split()}
    review = [(t, label) for t, label in ((OVERDUE, "Lewat jadwal tinjauan"), (SUSPECT, "Perlu ditinjau"),
                                          (CLEAR, "Tanpa catatan tinjauan")) if t in marks]
    return Markup(
        '<form class="sop-saring" hidden aria-label="Saring Daftar SOP">{}{}{}{}{}'
        '<label class="sop-saring-isian">Cari<input type="search" data-saring="teks" placeholder="nomor atau judul"></label>'
        '<output class="sop-saring-hasil" aria-live="polite"></output></form>'
    ).format(
        filter_select("Instansi", "instansi", [(a, a) for a in agencies]),
        filter_select("Pelaksana", "pelaksana", [(r, registries.roles[r].name) for r in roles], words=True),
        filter_select("Jenis kegiatan", "jenis", [(k, k) for k in kinds]),
        filter_select("Status", "status", statuses),
        filter_select("Tinjauan", "tinjauan", review, words=True) if marks - {CLEAR} else Markup(""),
    )


def render_index(
    sops: list[tuple[str, Sop]], registries: Registries, links: Links, reviews: Mapping[str, ReviewState] | None = None,
) -> Markup:
    """`reviews`: slug -> review state (model/review.py); an SOP past its review date or suspect is
    marked after its title, and the table can be filtered by those marks."""
    reviews = reviews or {}
    if not sops:
        return Markup('<p class="sop-kosong">Belum ada SOP. Tambahkan satu berkas YAML di folder <code>sop/</code>.</p>')
    ordered = sorted(
        sops, key=lambda item: (agency_name(item[1], registries).lower(), agency_name(item[1], registries), natural_key(item[1].number or ""), item[0])
    )
    # The rows come in agency order, then by number: that is the order the header states (Instansi ▲).
    head = Markup(
        "<thead><tr>"
        '<th scope="col" class="sop-daftar-nomor" data-urut="nomor">Nomor</th>'
        '<th scope="col" class="sop-daftar-judul" data-urut="judul">Judul</th>'
        '<th scope="col" class="sop-daftar-instansi" data-urut="instansi" aria-sort="ascending">Instansi</th>'
        '<th scope="col" class="sop-daftar-efektif" data-urut="efektif">Tanggal Efektif</th>'
        '<th scope="col" class="sop-daftar-langkah">Jumlah Langkah</th>'
        '<th scope="col" class="sop-daftar-waktu">Total Waktu</th>'
        "</tr></thead>"
    )
    rows = []
    for position, (slug, sop) in enumerate(ordered):
        effective = sop.dates.effective_date.isoformat() if sop.dates.effective_date else ""
        # data-label: the column's name, shown before the value where a narrow screen lays a row out as a card.
        rows.append(
            Markup(
                '<tr data-urutan="{pos}" data-instansi="{agency}" data-pelaksana="{roles}" data-jenis="{kind}" data-efektif="{eff}" '
                'data-status="{status}" data-tinjauan="{review}">'
                '<td class="sop-daftar-nomor" data-label="Nomor">{nomor}</td>'
                '<td class="sop-daftar-judul" data-label="Judul"><a href="{href}">{judul}</a>{badge}{marks}</td>'
                '<td class="sop-daftar-instansi" data-label="Instansi">{agency}{unit}</td>'
                '<td class="sop-daftar-efektif" data-label="Tanggal Efektif">{tanggal}</td>'
                '<td class="sop-daftar-langkah" data-label="Jumlah Langkah">{langkah}</td>'
                '<td class="sop-daftar-waktu" data-label="Total Waktu">{waktu}</td></tr>'
            ).format(
                pos=position,
                agency=agency_name(sop, registries),
                unit=Markup('<br><span class="sop-bidang">{}</span>').format(sop.unit) if sop.unit else "",
                roles=" ".join(sop.roles),
                kind=sop.activity_kind.value if sop.activity_kind is not None else "",
                eff=effective,
                status=sop.status.value,
                badge=status_badge(sop),
                review=review_tokens(reviews.get(slug)),
                marks=review_badges(reviews.get(slug)),
                nomor=sop.number if sop.number is not None else Markup('<span class="sop-belum">{}</span>').format(absent(sop.is_draft)),
                href=links.sop(slug),
                judul=sop.title,
                tanggal=indonesian_date(sop.dates.effective_date_written),
                langkah=len(sop.steps),
                waktu=str(sop_total(sop)),
            )
        )
    table = Markup('<div class="sop-gulir"><table class="sop-tabel sop-daftar">{}<tbody>{}</tbody></table></div>').format(
        head, Markup("").join(rows)
    )
    retired = sum(1 for _, sop in sops if sop.is_retired)
    count = Markup('<p class="sop-jumlah">{} SOP{}</p>').format(
        len(sops) - retired, Markup(", ditambah {} SOP dicabut").format(retired) if retired else ""
    )
    return Markup('<div class="sop-daftar-wadah">{}{}{}{}</div>').format(
        _books(sops, registries, links), _controls(sops, registries, reviews), count, table
    )


def _books(sops: list[tuple[str, Sop]], registries: Registries, links: Links) -> Markup:
    """Each agency's bound book of SOPs (PDF), when the build makes them."""
    agencies = sorted({sop.agency for _, sop in sops}, key=lambda a: (registries.agencies[a].name.lower(), a))
    found = [(registries.agencies[a].name, links.book(a)) for a in agencies]
    if not any(href for _, href in found):
        return Markup("")
    items = Markup(" · ").join(Markup('<a href="{}" download>{}</a>').format(href, name) for name, href in found if href)
    return Markup('<p class="sop-unduh-buku"><strong>Buku SOP (PDF):</strong> {}</p>').format(items)


def render_agency_index(sops: list[tuple[str, Sop]], registries: Registries, links: Links) -> Markup:
    """Dokumen SOP per Instansi: every agency with its SOPs, the way into any agency's documents."""
    agencies: dict[str, list[tuple[str, Sop]]] = {}
    ids: dict[str, str] = {}
    for slug, sop in sops:
        agencies.setdefault(agency_name(sop, registries), []).append((slug, sop))
        ids[agency_name(sop, registries)] = sop.agency
    parts = [Markup('<div class="sop-per-instansi"><p>{} SOP dari {} instansi.</p>').format(len(sops), len(agencies))]
    for agency in sorted(agencies, key=lambda a: (a.lower(), a)):
        items = Markup("").join(
            Markup('<li><a href="{}">{}</a>{} <span class="sop-bidang">{}</span></li>').format(
                links.sop(slug), sop.title, status_badge(sop), nomor(sop.number, sop.is_draft)
            )
            for slug, sop in sorted(agencies[agency], key=lambda item: (natural_key(item[1].number or ""), item[0]))
        )
        book = links.book(ids[agency])
        download = Markup('<p class="sop-unduh-buku"><a href="{}" download>Unduh buku SOP instansi ini (PDF)</a></p>').format(book) if book else ""
        parts.append(Markup('<section class="sop-instansi"><h2>{}</h2>{}<ul>{}</ul></section>').format(agency, download, items))
    parts.append(Markup("</div>"))
    return Markup("").join(parts)
