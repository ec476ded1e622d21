"""How a draft or a retired SOP is marked: a banner on screen, a watermark on every printed page,
and a badge where the SOP is listed. An SOP in force carries no mark."""

from __future__ import annotations

from markupsafe import Markup

from ..model.sop import Sop, Status
from .links import Links
from .text import indonesian_date

LABELS = {Status.DRAFT: "DRAF", Status.IN_FORCE: "Berlaku", Status.RETIRED: "DICABUT"}


def status_badge(sop: Sop) -> Markup:
    """A small label after an SOP's title in a list; nothing for an SOP in force."""
    if sop.status is Status.IN_FORCE:
        return Markup("")
    return Markup(' <span class="sop-lencana sop-lencana--{}">{}</span>').format(sop.status.value, LABELS[sop.status])


def _open_items(sop: Sop) -> list[str]:
    items = []
    if sop.number is None:
        items.append("nomor")
    if sop.dates.created_written is None:
        items.append("tanggal pembuatan")
    if sop.approval is None or sop.approval.role is None or sop.approval.name is None:
        items.append("pengesah")
    if any(step.duration is None for step in sop.steps):
        items.append("waktu sebagian langkah")
    if any(step.output is None for step in sop.steps):
        items.append("output sebagian langkah")
    return items


def _draft_text(sop: Sop) -> Markup:
    text = Markup("Rancangan SOP: belum disahkan dan belum berlaku.")
    items = _open_items(sop)
    if items:
        text += Markup(" Belum ditetapkan: {}.").format(", ".join(items))
    return text


def _retired_text(sop: Sop, titles: dict[str, str], links: Links) -> Markup:
    retirement = sop.retirement
    since = (
        Markup(" sejak {}").format(indonesian_date(retirement.date))
        if retirement is not None and retirement.date is not None else Markup("")
    )
    text = Markup("SOP ini sudah dicabut{} dan tidak berlaku lagi.").format(since)
    successor = retirement.replaced_by if retirement is not None else None
    if successor is not None and successor in titles:
        text += Markup(' Penggantinya: <a class="sop-pengganti" href="{}">{}</a>.').format(links.sop(successor), titles[successor])
    elif successor is not None:  # not published (it has errors): named, never a link to a missing page
        text += Markup(" Penggantinya: {}.").format(successor)
    if retirement is not None and retirement.note:
        text += Markup(" {}").format(retirement.note)
    return text


def status_banner(sop: Sop, titles: dict[str, str], links: Links) -> Markup:
    """The banner above every page of a draft or retired SOP, and the watermark that print CSS
    repeats on every printed page (a fixed element takes no room, so pagination is unchanged)."""
    if sop.status is Status.IN_FORCE:
        return Markup("")
    text = _draft_text(sop) if sop.is_draft else _retired_text(sop, titles, links)
    label = LABELS[sop.status]
    return Markup(
        '<div class="sop-status sop-status--{key}" role="note" data-status="{key}">'
        '<strong class="sop-status-tanda">{label}</strong> {text}</div>'
        '<div class="sop-tanda-air sop-tanda-air--{key}" aria-hidden="true">{label}</div>'
    ).format(key=sop.status.value, label=label, text=text)
