"""What an author sees on the page while serving: the findings that keep an SOP off the site."""

from __future__ import annotations

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
