"""Bagian Identitas: the kop beside the identity table, then the two-column grid."""

from __future__ import annotations

from markupsafe import Markup

from ..model.registry import Agency
from ..model.sop import Sop, item_numbers
from .citation import citation
from .context import Registries
from .flowchart.pagination import IdentityPair, PairPart, identity_pages
from .html import keep_codes, ordered_list
from .links import Links
from .text import absent, grouped_nip, indonesian_date
from .trace import Trace, trace_block


def _kop(sop: Sop, registries: Registries, links: Links, trace: Trace | None = None) -> Markup:
    agency = registries.agencies[sop.agency]
    parts = []
    if agency.logo:
        parts.append(Markup('<img class="sop-logo" src="{}" alt="Logo {}">').format(links.asset(agency.logo), agency.government))
    # one line per level of government above the agency, as the real kop prints them
    parts += [Markup('<div class="sop-kop-pemerintah">{}</div>').format(level.upper()) for level in agency.levels]
    parts.append(Markup('<div class="sop-kop-instansi">{}</div>').format(agency.name.upper()))
    if agency.address:
        parts.append(Markup('<div class="sop-kop-alamat">{}</div>').format(agency.address))
    if trace is not None:  # printed only, below the agency: where this paper's living version is
        parts.append(trace_block(trace))
    return Markup("").join(parts)


def header_agency(agency: Agency) -> Markup:
    """The agency in the site header of its pages: the full name, and on phones the short one
    when there is one (the header has room for about 25 characters at 360 px)."""
    if not agency.short_name:
        return Markup('<span class="sop-kepala-instansi">{}</span>').format(agency.name)
    return Markup(
        '<span class="sop-kepala-instansi sop-kepala-instansi--panjang">{}</span>'
        '<span class="sop-kepala-instansi sop-kepala-instansi--singkat" title="{}">{}</span>'
    ).format(agency.name, agency.name, agency.short_name)


def _not_set(sop: Sop) -> Markup:
    return Markup('<span class="sop-belum">{}</span>').format(absent(sop.is_draft))


def _signer(sop: Sop, registries: Registries) -> Markup:
    """A draft may not know its signer, or only the signing post; a signed source may not print them."""
    approval = sop.approval
    if approval is None:
        return _not_set(sop)
    rank = ", ".join(x for x in (approval.rank, approval.grade) if x)
    role = registries.roles[approval.role].name if approval.role is not None else _not_set(sop)
    name = approval.name if approval.name is not None else _not_set(sop)
    parts = [
        Markup('<div class="sop-pengesah-jabatan">{}</div>').format(role),
        Markup('<div class="sop-ttd" role="img" aria-label="Tempat tanda tangan dan cap"></div>'),
        Markup('<div class="sop-pengesah-nama">{}</div>').format(name),
    ]
    if rank:
        parts.append(Markup("<div>{}</div>").format(rank))
    if approval.nip:
        parts.append(Markup("<div>NIP. {}</div>").format(grouped_nip(approval.nip)))
    return Markup("").join(parts)


def _related(sop: Sop, titles: dict[str, str], links: Links) -> list[Markup]:
    items = []
    for related in sop.related:
        if related.slug in titles:
            items.append(Markup('<a href="{}">{}</a>').format(links.sop(related.slug), titles[related.slug]))
        elif related.slug is not None:  # not published (it has errors): never a link to a missing page
            items.append(Markup("{}").format(related.slug))
        else:
            items.append(Markup("{}").format(related.title))
    return items


def identity_block(
    sop: Sop, registries: Registries, titles: dict[str, str], links: Links, paper: str = "A4", trace: Trace | None = None,
) -> Markup:
    """`paper`: where the print breaks a long block; A4, the smaller, is safe for F4 too. `trace`: the
    QR code and revision printed in the kop (when the site's address is known)."""
    rows = [
        ("Nomor SOP", sop.number if sop.number is not None else _not_set(sop)),
        ("Tanggal Pembuatan", indonesian_date(sop.dates.created_written) if sop.dates.created_written is not None else _not_set(sop)),
        ("Tanggal Revisi", indonesian_date(sop.dates.revised_written)),
        (sop.dates.effective_label, indonesian_date(sop.dates.effective_date_written)),
        *((("Ditetapkan dalam", sop.annex),) if sop.annex else ()),
        ("Disahkan oleh", _signer(sop, registries)),
        ("Nama SOP", Markup('<strong class="sop-nama-sop">{}</strong>').format(sop.title)),
    ]
    kop = _kop(sop, registries, links, trace)
    body = [
        Markup('<tr><td class="sop-kop" rowspan="{}">{}</td><th scope="row">{}</th><td>{}</td></tr>').format(
            len(rows), kop, rows[0][0], rows[0][1]
        )
    ]
    body += [Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(k, v) for k, v in rows[1:]]
    identity = Markup(
        '<table class="sop-tabel sop-identitas"><colgroup><col class="sop-kolom-kop"><col class="sop-kolom-label">'
        "<col></colgroup><tbody>{}</tbody></table>"
    ).format(Markup("").join(body))
    numbers = {key: item_numbers(items) for key, items in sop.numbered_lists.items()}
    pairs = [
        IdentityPair("Dasar Hukum", [citation(sop, i, registries) for i in range(len(sop.legal_bases))],
                     "Kualifikasi Pelaksana", sop.qualifications,
                     numbers["dasar_hukum"], numbers["kualifikasi_pelaksana"]),
        IdentityPair("Keterkaitan", _related(sop, titles, links), "Peralatan/Perlengkapan", sop.equipment,
                     numbers["keterkaitan"], numbers["peralatan_perlengkapan"]),
        IdentityPair("Peringatan", sop.warnings, "Pencatatan dan Pendataan", sop.records,
                     numbers["peringatan"], numbers["pencatatan_pendataan"]),
    ]
    # Printed, a grid too long for the first page goes on in tables of its own on the next pages, under
    # a header that says so (a list broken between pages goes on numbered on); on screen they read as one grid.
    tables = []
    for page, parts in enumerate(identity_pages(kop, rows, pairs, paper)):
        grid = Markup("").join(_pair_part(pairs[part.pair], part) for part in parts)
        if page == 0 and parts:
            tables.append(Markup('<table class="sop-tabel sop-rincian">{}</table>').format(grid))
        elif parts:
            tables.append(Markup(
                '<table class="sop-tabel sop-rincian sop-rincian--lanjutan"><thead class="sop-lanjutan"><tr>'
                '<th colspan="2" scope="colgroup">Bagian Identitas (lanjutan)</th></tr></thead>{}</table>'
            ).format(grid))
    return Markup('<section class="sop-identitas-blok" aria-label="Bagian identitas">{}{}</section>').format(
        identity, Markup("").join(tables)
    )


def _list_part(items, part: range, numbers) -> Markup:
    """The items of a list that one printed page holds, numbered on from the page before; a list that
    prints the source's own numbers (starting mid-way, with gaps) says each item's number."""
    if not items:
        return ordered_list(items)
    if not part:
        return Markup("")
    def item(i: int) -> Markup:
        return items[i] if isinstance(items[i], Markup) else keep_codes(items[i])

    if numbers is not None and tuple(numbers) != tuple(range(1, len(items) + 1)):
        lis = Markup("").join(Markup('<li value="{}">{}</li>').format(numbers[i], item(i)) for i in part)
        return Markup("<ol>{}</ol>").format(lis)
    lis = Markup("").join(Markup("<li>{}</li>").format(item(i)) for i in part)
    return Markup("<ol>{}</ol>").format(lis) if part.start == 0 else Markup('<ol start="{}">{}</ol>').format(part.start + 1, lis)


def _pair_part(pair: IdentityPair, part: PairPart) -> Markup:
    def label(text: str, items, run: range) -> Markup:
        if not part.continued:
            return Markup("{}:").format(text)
        return Markup("{} (lanjutan):").format(text) if run else Markup("")  # a list that ended on the page before

    return Markup(
        '<tbody class="{}"><tr><th scope="col">{}</th><th scope="col">{}</th></tr><tr><td>{}</td><td>{}</td></tr></tbody>'
    ).format(
        "sop-pasangan sop-pasangan--lanjutan" if part.continued else "sop-pasangan",
        label(pair.left_label, pair.left, part.left),
        label(pair.right_label, pair.right, part.right),
        _list_part(pair.left, part.left, pair.left_numbers),
        _list_part(pair.right, part.right, pair.right_numbers),
    )
