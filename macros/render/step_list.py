"""The procedure as a phone reads it: one step after another, with who does it, what it needs, how long it
takes, what it yields, and where each branch goes. The same model as the procedure table, in a list; the
table stays the official document (print shows only the table)."""

from __future__ import annotations

from typing import Mapping

from markupsafe import Markup

from ..model.flow import continues, has_second_decision, is_terminal, step_exits, step_index
from ..model.sop import CONTINUED, END, Sop
from .actors import column_headings, column_name, symbol_text
from .context import Registries
from .text import NO_VALUE, duration


def step_anchor(index: int) -> str:
    """The list item of step `index` (0-based), the target of a branch's link."""
    return f"langkah-{index + 1}"


def _who(sop: Sop, index: int, registries: Registries) -> str:
    """The actors spelled out: 'Kepala Seksi Verifikasi dan Petugas Loket Pelayanan'; a hand-over from
    the giver to the taker: 'Petugas Loket Pelayanan → Kepala Seksi Verifikasi'."""
    joiner = " → " if sop.steps[index].handover else " dan "
    return joiner.join(column_name(key, registries) for key in sop.steps[index].actors)


def _branches(sop: Sop, index: int, headings: Mapping[str, str]) -> list[Markup]:
    """Where the flow goes after the step when that is not simply the next step: each exit of a decision
    ('Lengkap → 4', the number a link to that step; through the symbol a branch draws on the way:
    'Tidak → Melengkapi berkas (Pemohon) → 1'), an early end, or the missing rest of a truncated source."""
    step = sop.steps[index]
    if step.is_decision:
        targets = step_index(sop)
        items = []
        for via, exit_ in step_exits(step):
            path = ", ".join(x for x in (*via, exit_.label) if x)
            lead = Markup("{} → ").format(path) if path else Markup("→ ")  # an exit drawn without a label
            if exit_.via is not None:
                lead += Markup("{} → ").format(symbol_text(step, exit_.via, headings))
            if exit_.ends:
                items.append(lead + END)
            elif exit_.continues:
                items.append(lead + CONTINUED)
            else:
                target = targets[exit_.target]
                items.append(lead + Markup('<a href="#{}">{}</a>').format(step_anchor(target), sop.step_number(target)))
        if step.question and items:  # the question in the diamond, as the Kegiatan column reads it
            items[0] = Markup("{} ").format(step.question) + items[0]
        return items
    if is_terminal(sop, index) and index < len(sop.steps) - 1:
        return [Markup("→ {}").format(END)]
    if continues(sop, index):
        return [Markup("→ {} (sumber terpotong)").format(CONTINUED)]
    return []


def _detail(label: str, value: Markup | str, key: str, css: str = "") -> Markup:
    return Markup('<div class="sop-langkah-rinci{}" data-rinci="{}"><dt>{}</dt><dd>{}</dd></div>').format(
        css, key, label, value)


def _step(sop: Sop, index: int, registries: Registries) -> Markup:
    step = sop.steps[index]
    details = [
        _detail("Pelaksana", _who(sop, index, registries), "pelaksana"),
        _detail("Kelengkapan", Markup("<br>").join(step.requirements) if step.requirements else NO_VALUE, "kelengkapan",
                " sop-langkah-rinci--daftar" if len(step.requirements) > 1 else ""),  # several: one a line
        _detail("Waktu", duration(step.duration), "waktu"),
        _detail("Output", step.output or NO_VALUE, "output"),
    ]
    if step.note:
        details.append(_detail("Keterangan", step.note, "keterangan"))
    branches = _branches(sop, index, column_headings(sop, registries))
    if branches:  # separated as the table's Kegiatan column separates them (model.flow.exits_summary)
        separator = Markup("; " if has_second_decision(step) else ", ")
        label = "Keputusan" if step.is_decision else "Lalu"
        details.append(_detail(label, separator.join(branches), "cabang"))
    return Markup(
        '<li class="sop-langkah" id="{anchor}" data-langkah="{n}"><span class="sop-langkah-no">{shown}</span>'
        '<div class="sop-langkah-isi"><p class="sop-langkah-kegiatan">{activity}</p><dl>{details}</dl></div></li>'
    ).format(anchor=step_anchor(index), n=index + 1, shown=sop.step_number(index), activity=step.activity,
             details=Markup("").join(details))


def step_list(sop: Sop, registries: Registries) -> Markup:
    return Markup('<ol class="sop-langkah-daftar" aria-label="Prosedur langkah demi langkah">{}</ol>').format(
        Markup("").join(_step(sop, i, registries) for i in range(len(sop.steps)))
    )
