"""How review dates and suspect SOPs are marked: a note above the SOP's page (on screen only, as the
inspector's note it is, never part of the printed SOP) and a badge in Daftar SOP."""

from __future__ import annotations

from markupsafe import Markup

from ..model.review import BASELINE_WORDS, Known, ReasonKind, ReviewState, SuspectReason, day_text

OVERDUE_LABEL = "Lewat jadwal tinjauan"
SUSPECT_LABEL = "Perlu ditinjau"
# Daftar SOP: the filter's values, one token per mark (a row may carry both)
OVERDUE, SUSPECT, CLEAR = "terlambat", "perlu-ditinjau", "tanpa-catatan"


def last_review_text(state: ReviewState) -> str:
    if state.last_review is None:
        return "belum ada tanggal"
    text = f"{BASELINE_WORDS[state.last_basis]} {day_text(state.last_review)}"
    if state.reviewer:
        text += f" oleh {state.reviewer}"
    return text


def _reason_item(reason: SuspectReason) -> Markup:
    what = {
        ReasonKind.LEGAL_REPEALED: "Dasar hukum dicabut",
        ReasonKind.LEGAL_EDITED: "Dasar hukum diubah di registri",
        ReasonKind.RELATED_RETIRED: "SOP terkait dicabut",
        ReasonKind.ROLE_CHANGED: "Jabatan diubah di registri",
    }[reason.kind]
    detail = Markup(" ({})").format(reason.detail) if reason.detail else Markup("")
    if reason.when is None:
        when = Markup("tanggal tidak diketahui")
    elif reason.known is Known.GIT:
        when = Markup('{} <span class="sop-tinjauan-commit">(commit {})</span>').format(day_text(reason.when), reason.commit)
    else:
        when = Markup("{} (menurut sumber)").format(day_text(reason.when))
    return Markup('<li data-alasan="{kind}" data-rujukan="{ref}">{what}: {label}{detail} — {when}</li>').format(
        kind=reason.kind.value, ref=reason.ref, what=what, label=reason.label, detail=detail, when=when
    )


def review_note(state: ReviewState | None) -> Markup:
    """The marks above an SOP's page: past its planned review date, and suspect with each reason."""
    if state is None or not (state.overdue or state.suspect):
        return Markup("")
    parts = []
    if state.overdue:  # only a planned date from the review period can pass (tanggal.revisi is a plan while ahead)
        parts.append(Markup(
            '<p class="sop-tinjauan-baris" data-tinjauan="{key}"><strong class="sop-tinjauan-tanda">{label}:</strong> '
            "jadwal tinjauan {planned} ({last} + masa tinjauan instansi {period}) sudah lewat.</p>"
        ).format(key=OVERDUE, label=OVERDUE_LABEL, planned=day_text(state.planned), last=last_review_text(state),
                 period=state.period.text()))
    if state.suspect:
        parts.append(Markup(
            '<p class="sop-tinjauan-baris" data-tinjauan="{key}"><strong class="sop-tinjauan-tanda">{label}:</strong> '
            "yang dirujuk SOP ini berubah setelah {last}.</p><ul>{items}</ul>"
        ).format(key=SUSPECT, label=SUSPECT_LABEL, last=last_review_text(state),
                 items=Markup("").join(_reason_item(r) for r in state.reasons)))
    parts.append(Markup(
        '<p class="sop-tinjauan-kaki">Catat tinjauan di sumber SOP (<code>tinjauan:</code> tanggal dan peninjau) '
        "setelah SOP ditinjau.</p>"
    ))
    return Markup('<aside class="sop-tinjauan" role="note" aria-label="Tinjauan SOP">{}</aside>').format(Markup("").join(parts))


def review_tokens(state: ReviewState | None) -> str:
    """The marks of a row of Daftar SOP, as the filter reads them."""
    tokens = []
    if state is not None and state.overdue:
        tokens.append(OVERDUE)
    if state is not None and state.suspect:
        tokens.append(SUSPECT)
    return " ".join(tokens) or CLEAR


def review_badges(state: ReviewState | None) -> Markup:
    """Small labels after an SOP's title in Daftar SOP."""
    if state is None:
        return Markup("")
    out = Markup("")
    if state.overdue:
        out += Markup(' <span class="sop-lencana sop-lencana--terlambat" title="Jadwal tinjauan {}">{}</span>').format(
            day_text(state.planned), OVERDUE_LABEL
        )
    if state.suspect:
        out += Markup(' <span class="sop-lencana sop-lencana--tinjau" title="{}">{}</span>').format(
            "; ".join(r.text() for r in state.reasons), SUSPECT_LABEL
        )
    return out
