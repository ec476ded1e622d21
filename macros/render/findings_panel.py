"""What an author sees on the page while serving: the findings that keep an SOP off the site."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..findings import Finding

MAX_SHOWN = 30


def findings_list(findings: list[Finding]) -> Markup:
    shown = findings[:MAX_SHOWN]
    items = Markup("").join(Markup("<li><code>{}</code></li>").format(f.as_line()) for f in shown)
    rest = len(findings) - len(shown)
    more = Markup("<p>… dan {} temuan lain; jalankan <code>sop check</code>.</p>").format(rest) if rest > 0 else Markup("")
    return Markup('<ul class="sop-temuan">{}</ul>{}').format(items, more)


def findings_banner(findings: list[Finding]) -> Markup:
    """On every page while serving, as long as the sources have errors."""
    return Markup(
        '<div class="admonition failure sop-galat-sumber" role="alert"><p class="admonition-title">'
        "Sumber SOP memuat {} galat; SOP yang terkena tidak diterbitkan</p>{}</div>"
    ).format(len(findings), findings_list(findings))


def broken_sop_page(slug: str, findings: list[Finding]) -> Markup:
    """Served at the SOP's own address in place of the document while it has errors."""
    return Markup(
        '<h1>SOP {} belum dapat diterbitkan</h1><div class="admonition failure" role="alert">'
        '<p class="admonition-title">Perbaiki galat berikut di sumbernya; halaman ini dimuat ulang saat berkas disimpan.</p>'
        "{}</div>"
    ).format(slug, findings_list(findings))


def failed_render(what: str, message: str) -> Markup:
    return Markup(
        '<div class="admonition failure" role="alert"><p class="admonition-title">{} tidak dapat dibuat</p><p>{}</p></div>'
    ).format(what, message)


@dataclass(frozen=True)
class Unpublished:
    """An SOP file left off the site, and the first error that kept it off (None: no located one)."""

    slug: str
    path: str
    first: Finding | None


def unpublished_notice(unpublished: list[Unpublished], total: int, pages: dict[str, str] | None = None) -> Markup:
    """On Daftar SOP, whenever a build left SOPs out: a build without --strict writes the site
    all the same, and the list alone would not show what is missing. `pages`: slug -> URL of the
    page that shows all of an SOP's findings (under `mkdocs serve`)."""
    if not unpublished:
        return Markup("")
    pages = pages or {}
    shown = unpublished[:MAX_SHOWN]

    def name(u: Unpublished) -> Markup:
        if u.slug in pages:
            return Markup('<a href="{}"><strong>{}</strong></a>').format(pages[u.slug], u.slug)
        return Markup("<strong>{}</strong>").format(u.slug)

    def why(u: Unpublished) -> Markup:
        if u.first is None:
            return Markup("<code>{}</code>: lihat log pembangunan").format(u.path)
        return Markup("<code>{}</code>: <code>{}</code> {}").format(u.first.location, u.first.code, u.first.message)

    items = Markup("").join(
        Markup('<li data-sop-tidak-terbit="{}">{}: {}</li>').format(u.slug, name(u), why(u)) for u in shown
    )
    rest = len(unpublished) - len(shown)
    more = Markup("<p>… dan {} SOP lain.</p>").format(rest) if rest > 0 else Markup("")
    return Markup(
        '<div class="admonition warning sop-tidak-terbit" role="status" data-jumlah="{}">'
        '<p class="admonition-title">{} dari {} SOP tidak diterbitkan karena bergalat</p>'
        "<p>SOP berikut tidak tampil di daftar ini dan tidak punya halaman. Perbaiki galat pertamanya "
        "(semua temuan: <code>sop check</code>); <code>mkdocs build --strict</code> menolak membangun selama ada galat.</p>"
        '<ul class="sop-temuan">{}</ul>{}</div>'
    ).format(len(unpublished), len(unpublished), total, items, more)
