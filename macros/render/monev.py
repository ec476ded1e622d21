"""Monitoring and evaluation (Permenpan-RB 35/2012): the two printable forms of an SOP, pre-filled
from it, with every recorded result below the blank form; and the summary on the SOP's page.

The blank form is for pen and paper (A4 portrait, empty boxes); each recorded result is the same
form filled in from the records (model/monev.py), and starts a printed page of its own."""

from __future__ import annotations

from markupsafe import Markup

from ..model.monev import (
    CRITERIA, Answer, Assessor, EvaluationResult, MonitoringResult, OpenAction, Rating, RecordKind, SopMonev,
)
from ..model.sop import Sop
from .context import Registries
from .paper import Orientation, page_rule
from .links import Links
from .text import grouped_nip, indonesian_date, nomor

MONITORING_TITLE = "Monitoring Pelaksanaan SOP AP"
EVALUATION_TITLE = "Evaluasi Penerapan SOP AP"
BLANK = Markup('<span class="sop-monev-garis" aria-label="diisi tangan"></span>')
BOX = Markup('<span class="sop-monev-kotak" aria-hidden="true"></span>')
TICK = Markup('<span class="sop-monev-centang" aria-label="ya">✓</span>')


def assessor_text(assessor: Assessor, registries: Registries) -> str:
    """Dra. SITI AMINAH, NIP 19750312 200003 2 004, Sekretaris …; or the role alone."""
    parts = []
    if assessor.name:
        parts.append(assessor.name)
    if assessor.nip:
        parts.append(f"NIP {grouped_nip(assessor.nip)}")
    if assessor.role:
        role = registries.roles.get(assessor.role)
        parts.append(role.name if role is not None else assessor.role)
    return ", ".join(parts)


def monitoring_summary(result: MonitoringResult) -> str:
    """9 dari 10 langkah berjalan dengan baik; 1 tidak berjalan dengan baik."""
    text = f"{result.good} dari {result.step_count} langkah berjalan dengan baik"
    if result.not_good:
        text += f"; {result.not_good} tidak berjalan dengan baik"
    if result.not_judged:
        text += f"; {result.not_judged} tidak dinilai"
    return text


def evaluation_summary(result: EvaluationResult) -> str:
    """5 dari 7 kriteria dijawab Ya."""
    return f"{result.yes} dari {len(CRITERIA)} kriteria dijawab Ya"


def _identity(sop: Sop, registries: Registries, filled: tuple[str, str, str] | None) -> Markup:
    """The SOP's identity and the period, assessor and date: blank lines to fill in, or the recorded ones."""
    agency = registries.agencies[sop.agency]
    rows = [("Instansi", Markup("{}").format(agency.name))]
    if sop.unit:
        rows.append(("Unit kerja", Markup("{}").format(sop.unit)))
    rows += [("Nomor SOP", Markup("{}").format(nomor(sop.number, sop.is_draft))), ("Judul SOP", Markup("{}").format(sop.title))]
    period, assessor, date = (Markup("{}").format(v) for v in filled) if filled else (BLANK, BLANK, BLANK)
    rows += [("Periode", period), ("Penilai", assessor), ("Tanggal", date)]
    body = Markup("").join(Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(k, v) for k, v in rows)
    return Markup('<table class="sop-tabel sop-monev-identitas"><tbody>{}</tbody></table>').format(body)


def _signature() -> Markup:
    return Markup(
        '<p class="sop-tanda-tangan"><span class="sop-tanda-tangan-isian">Penilai: ______________________</span> '
        '<span class="sop-tanda-tangan-isian">NIP: ______________________</span> '
        '<span class="sop-tanda-tangan-isian">Tanda tangan: ______________</span></p>'
    )


def _action(action) -> Markup:
    if action is None:
        return Markup("")
    if action.done is None:
        return Markup("{}").format(action.text)
    return Markup('{} <span class="sop-monev-selesai">(selesai {})</span>').format(action.text, indonesian_date(action.done))


def _cell(css: str, label: str, content: Markup | str) -> Markup:
    return Markup('<td class="{}" data-label="{}">{}</td>').format(css, label, content)


def _monitoring_table(sop: Sop, result: MonitoringResult | None) -> Markup:
    head = Markup(
        "<thead><tr>"
        '<th rowspan="2" class="sop-no">No</th><th rowspan="2">Prosedur</th>'
        '<th colspan="2">Penilaian terhadap penerapan</th>'
        '<th rowspan="2">Catatan hasil penilaian</th><th rowspan="2">Tindakan yang harus diambil</th>'
        '<th rowspan="2" class="sop-monev-paraf">Paraf penilai</th></tr>'
        '<tr><th class="sop-monev-pilihan">Berjalan dengan baik</th><th class="sop-monev-pilihan">Tidak berjalan dengan baik</th></tr>'
        "</thead>"
    )
    rows = []
    for i, step in enumerate(sop.steps):
        judged = result.rating_of(i) if result is not None else None
        if result is None:
            good, bad, note, action = BOX, BOX, Markup(""), Markup("")
        elif judged is None:
            good, bad, note, action = Markup(""), Markup(""), Markup('<span class="sop-belum">tidak dinilai</span>'), Markup("")
        else:
            good = TICK if judged.rating is Rating.GOOD else Markup("")
            bad = TICK if judged.rating is Rating.NOT_GOOD else Markup("")
            note, action = Markup("{}").format(judged.note or ""), _action(judged.action)
        state = "" if judged is None else judged.rating.value
        rows.append(
            Markup('<tr data-langkah="{}" data-penilaian="{}"><td class="sop-no">{}</td><td class="sop-monev-prosedur">{}</td>'
                   "{}{}{}{}{}</tr>").format(
                sop.step_number(i), state, sop.step_number(i), step.activity,
                _cell("sop-monev-pilihan", "Berjalan dengan baik", good),
                _cell("sop-monev-pilihan", "Tidak berjalan dengan baik", bad),
                _cell("sop-isian sop-monev-catatan", "Catatan", note),
                _cell("sop-isian sop-monev-tindakan", "Tindakan", action),
                _cell("sop-isian sop-monev-paraf", "Paraf", ""),
            )
        )
    css = "sop-monev-tabel sop-monev-tabel--" + ("kosong" if result is None else "terisi")
    return Markup('<div class="sop-gulir"><table class="sop-tabel {}">{}<tbody>{}</tbody></table></div>').format(
        css, head, Markup("").join(rows)
    )


def _evaluation_table(result: EvaluationResult | None) -> Markup:
    head = Markup(
        '<thead><tr><th class="sop-no">No</th><th>Kriteria penilaian</th>'
        '<th class="sop-monev-pilihan">Ya</th><th class="sop-monev-pilihan">Tidak</th>'
        "<th>Catatan</th><th>Tindakan yang harus diambil</th></tr></thead>"
    )
    answers = dict(result.criteria.answers()) if result is not None else {}
    rows = []
    for n, (key, question) in enumerate(CRITERIA, start=1):
        answer = answers.get(key)
        if answer is None:
            yes, no, note, action = BOX, BOX, Markup(""), Markup("")
        else:
            yes = TICK if answer.answer is Answer.YES else Markup("")
            no = TICK if answer.answer is Answer.NO else Markup("")
            note, action = Markup("{}").format(answer.note or ""), _action(answer.action)
        rows.append(
            Markup('<tr data-kriteria="{}" data-jawaban="{}"><td class="sop-no">{}</td><td class="sop-monev-prosedur">{}</td>'
                   "{}{}{}{}</tr>").format(
                key, answer.answer.value if answer else "", n, question,
                _cell("sop-monev-pilihan", "Ya", yes), _cell("sop-monev-pilihan", "Tidak", no),
                _cell("sop-isian sop-monev-catatan", "Catatan", note),
                _cell("sop-isian sop-monev-tindakan", "Tindakan", action),
            )
        )
    css = "sop-monev-tabel sop-evaluasi-tabel sop-monev-tabel--" + ("kosong" if result is None else "terisi")
    return Markup('<div class="sop-gulir"><table class="sop-tabel {}">{}<tbody>{}</tbody></table></div>').format(
        css, head, Markup("").join(rows)
    )


def _recorded_heading(kind: str, result: MonitoringResult | EvaluationResult, summary: str) -> Markup:
    anchor = f"hasil-{result.period.key}"
    return Markup(
        '<h2 id="{}">Hasil {} {}</h2><p class="sop-monev-ringkasan"><strong>{}.</strong> '
        '<span class="sop-monev-sumber">Dicatat di <code>{}</code>.</span></p>'
    ).format(anchor, kind, result.period.label, summary, result.source)


def _recorded_list(results, kind: str) -> Markup:
    """On screen: which periods have a recorded result, each a link to it below the blank form."""
    if not results:
        return Markup('<p class="sop-monev-catatan-layar">Belum ada hasil {} yang tercatat untuk SOP ini.</p>').format(kind)
    links = Markup(", ").join(
        Markup('<a href="#hasil-{}">{}</a>').format(r.period.key, r.period.label) for r in reversed(results)
    )
    return Markup('<p class="sop-monev-catatan-layar">Hasil {} yang tercatat: {}.</p>').format(kind, links)


def _page(sop: Sop, slug: str, title: str, links: Links, blank: list[Markup], recorded: list[Markup], listing: Markup,
          paper: str) -> Markup:
    parts = [
        page_rule(paper, Orientation.PORTRAIT, 12),
        Markup('<div class="sop-monev">'),
        Markup('<section class="sop-monev-formulir" aria-label="Formulir kosong"><h1>{}</h1>').format(title),
        Markup('<p class="sop-subjudul sop-tautan">SOP <a href="{}">{}</a> · formulir kosong untuk diisi tangan</p>').format(
            links.sop(slug), sop.title
        ),
        listing,
        *blank,
        Markup("</section>"),
        *recorded,
        Markup("</div>"),
    ]
    return Markup("\n").join(parts)


def _recorded(kind: str, result, sop: Sop, registries: Registries, summary: str, table: Markup) -> Markup:
    """One recorded result: the form again, filled in with the period, the assessor and the day."""
    filled = (result.period.label, assessor_text(result.assessor, registries), indonesian_date(result.date))
    note = Markup('<p class="sop-monev-umum"><strong>Catatan:</strong> {}</p>').format(result.note) if result.note else ""
    return Markup('<section class="sop-monev-hasil" data-periode="{}">{}{}{}{}</section>').format(
        result.period.key, _recorded_heading(kind, result, summary), _identity(sop, registries, filled), table, note,
    )


def render_monitoring_form(slug: str, sop: Sop, registries: Registries, links: Links, monev: SopMonev,
                           paper: str = "A4") -> Markup:
    blank = [_identity(sop, registries, None), _monitoring_table(sop, None), _signature()]
    recorded = [_recorded("monitoring", r, sop, registries, monitoring_summary(r), _monitoring_table(sop, r))
                for r in reversed(monev.monitoring)]
    return _page(sop, slug, MONITORING_TITLE, links, blank, recorded, _recorded_list(monev.monitoring, "monitoring"), paper)


def render_evaluation_form(slug: str, sop: Sop, registries: Registries, links: Links, monev: SopMonev,
                           paper: str = "A4") -> Markup:
    blank = [_identity(sop, registries, None), _evaluation_table(None), _signature()]
    recorded = [_recorded("evaluasi", r, sop, registries, evaluation_summary(r), _evaluation_table(r))
                for r in reversed(monev.evaluations)]
    return _page(sop, slug, EVALUATION_TITLE, links, blank, recorded, _recorded_list(monev.evaluations, "evaluasi"), paper)


def _open_action(action: OpenAction) -> Markup:
    source = "monitoring" if action.kind is RecordKind.MONITORING else "evaluasi"
    note = Markup(' <span class="sop-monev-catatan-aksi">— catatan: {}</span>').format(action.note) if action.note else ""
    return Markup('<li data-jenis="{}" data-periode="{}"><strong>{}</strong> ({} {}): {}{}</li>').format(
        source, action.period.key, action.subject, source, action.period.label, action.text, note
    )


def monev_section(slug: str, monev: SopMonev, registries: Registries, links: Links) -> Markup:
    """On the SOP's page (screen only): the last monitoring and evaluation, and the actions not yet done."""
    def last_line(part: str, label: str, href: str, result, summary: str) -> Markup:
        if result is None:
            return Markup('<li data-bagian="{}"><strong>{}:</strong> belum tercatat.</li>').format(part, label)
        return Markup('<li data-bagian="{}"><strong>{}:</strong> <a href="{}#hasil-{}">{}</a>, {}, oleh {}: {}.</li>').format(
            part, label, href, result.period.key, result.period.label, indonesian_date(result.date),
            assessor_text(result.assessor, registries), summary)

    last, evaluation = monev.last_monitoring, monev.last_evaluation
    rows = [
        last_line("monitoring-terakhir", "Monitoring terakhir", links.monitoring(slug), last,
                  monitoring_summary(last) if last is not None else ""),
        last_line("evaluasi-terakhir", "Evaluasi terakhir", links.evaluation(slug), evaluation,
                  evaluation_summary(evaluation) if evaluation is not None else ""),
    ]
    actions = monev.open_actions
    if actions:
        open_list = Markup('<h3>Tindakan yang belum selesai ({})</h3><ul class="sop-monev-tindakan-terbuka">{}</ul>').format(
            len(actions), Markup("").join(_open_action(a) for a in actions)
        )
    elif monev.monitoring or monev.evaluations:
        open_list = Markup('<p class="sop-monev-tindakan-terbuka">Tidak ada tindakan yang belum selesai.</p>')
    else:
        open_list = Markup("")
    forms = Markup(
        '<p class="sop-monev-formulir-tautan">Formulir: <a href="{}">Monitoring Pelaksanaan SOP</a> · '
        '<a href="{}">Evaluasi Penerapan SOP</a></p>'
    ).format(links.monitoring(slug), links.evaluation(slug))
    return Markup(
        '<section class="sop-monev-blok" aria-label="Monitoring dan evaluasi"><h2>Monitoring dan Evaluasi</h2>'
        "<ul>{}</ul>{}{}</section>"
    ).format(Markup("").join(rows), open_list, forms)
