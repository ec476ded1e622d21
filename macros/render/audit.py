"""The audit page (/audit/): for the inspector (Inspektorat/APIP, Bagian Organisasi), every SOP of
every agency with its status, dates and open findings; the legal bases repealed or cited
incompletely and the SOPs citing each; and for every legal basis the SOPs that would need review
if it changed. The same rows are in audit.xlsx and audit.csv (site/audit_export.py).

Without JavaScript the whole page is there; with it, the controls filter every table and the
column headers sort (macros/plugin/static/assets/daftar.js, shared with Daftar SOP)."""

from __future__ import annotations

from markupsafe import Markup

from ..model.audit import Audit, AuditLegalBasis, AuditSop
from ..model.monev import CRITERIA
from ..model.registry import LegalStatus
from ..model.sop import Status
from ..urls import AUDIT_CSV, AUDIT_XLSX
from .index_table import filter_select
from .links import Links
from .monev import evaluation_summary, monitoring_summary
from .status import LABELS
from .text import absent, indonesian_date

STATUS_TEXT = {Status.IN_FORCE: "Berlaku", Status.DRAFT: "Draf", Status.RETIRED: "Dicabut"}
REVIEW_FILTER = (("lewat", "Lewat jadwal tinjauan"), ("curiga", "Perlu ditinjau"), ("aman", "Tanpa catatan tinjauan"))


def review_text(row: AuditSop) -> str:
    """The planned review, and whether it is past: '05 Februari 2024 (lewat)'."""
    if row.planned_review is None:
        return ""
    return indonesian_date(row.planned_review) + (" (lewat)" if row.overdue else "")


def change_text(row: AuditSop) -> str:
    return f"{indonesian_date(row.changed)} ({row.changed_commit})" if row.changed else ""


def findings_text(row: AuditSop) -> str:
    """'SOP-L003 ×2, SOP-A011' — the page's and the spreadsheet's way of saying it."""
    return ", ".join(code if n == 1 else f"{code} ×{n}" for code, n in row.findings)


def monitoring_text(row: AuditSop) -> str:
    """'Semester I 2026 (22 Juni 2026): 9 dari 10 langkah berjalan dengan baik', or empty."""
    last = row.last_monitoring
    if last is None:
        return ""
    return f"{last.period.label} ({indonesian_date(last.date)}): {monitoring_summary(last)}"


def evaluation_text(row: AuditSop) -> str:
    last = row.last_evaluation
    if last is None:
        return ""
    return f"{last.period.label} ({indonesian_date(last.date)}): {evaluation_summary(last)}"


def _monev_tokens(row: AuditSop) -> str:
    """What the Monitoring dan evaluasi filter matches."""
    tokens = ["monitoring" if row.last_monitoring else "belum-monitoring",
              "evaluasi" if row.last_evaluation else "belum-evaluasi"]
    return " ".join(tokens + (["tindakan"] if row.open_actions else []))


def basis_state(basis: AuditLegalBasis) -> str:
    parts = []
    if basis.status is LegalStatus.REPEALED:
        parts.append(f"Dicabut; diganti {basis.replaced_by}" if basis.replaced_by else "Dicabut")
    else:
        parts.append("Berlaku")
    if basis.incomplete:
        parts.append("kutipan tidak lengkap")
    return ", ".join(parts)


def _controls(audit: Audit) -> Markup:
    agencies = [(name, name) for _, name, _ in audit.agencies()]
    statuses = [(s.value, STATUS_TEXT[s]) for s in Status if any(r.status is s for r in audit.sops)]
    codes = sorted({code for r in audit.sops for code, _ in r.findings})
    marks = {mark for r in audit.sops for mark in r.review_marks}
    review = [(m, label) for m, label in REVIEW_FILTER if m in marks]
    monev = [("belum-monitoring", "Belum dimonitor"), ("belum-evaluasi", "Belum dievaluasi"),
             ("tindakan", "Ada tindakan terbuka")]
    return Markup(
        '<form class="sop-saring" hidden aria-label="Saring audit">{}{}{}{}{}'
        '<label class="sop-saring-isian">Cari<input type="search" data-saring="teks" placeholder="nomor atau judul"></label>'
        '<output class="sop-saring-hasil" aria-live="polite"></output></form>'
    ).format(
        filter_select("Instansi", "instansi", agencies),
        filter_select("Status", "status", statuses),
        filter_select("Tinjauan", "tinjauan", review, words=True),
        filter_select("Temuan", "temuan", [("ada", "Ada temuan"), ("tidak", "Tanpa temuan")] + [(c, c) for c in codes], words=True),
        filter_select("Monitoring dan evaluasi", "monev", monev, words=True),
    )


def _row(position: int, row: AuditSop, links: Links) -> Markup:
    codes = " ".join(code for code, _ in row.findings)
    suspect = Markup("").join(Markup("<li>{}</li>").format(reason) for reason in row.suspect)
    return Markup(
        '<tr data-urutan="{pos}" data-instansi="{agency}" data-status="{status}" data-temuan="{tokens}" '
        'data-tinjauan="{marks}" data-monev="{monev}" data-efektif="{eff}">'
        '<td class="sop-daftar-nomor" data-label="Nomor">{number}</td>'
        '<td class="sop-daftar-judul" data-label="Judul"><a href="{href}">{title}</a>{unit}</td>'
        '<td class="sop-daftar-status" data-label="Status">{status_text}</td>'
        '<td class="sop-daftar-efektif" data-label="Tanggal Efektif">{effective}</td>'
        '<td class="sop-daftar-revisi" data-label="Tanggal Revisi">{revised}</td>'
        '<td class="sop-daftar-ubah" data-label="Perubahan terakhir">{changed}</td>'
        '<td class="sop-daftar-jadwal{late}" data-label="Jadwal tinjauan">{planned}</td>'
        '<td class="sop-daftar-curiga" data-label="Perlu ditinjau">{suspect}</td>'
        '<td class="sop-daftar-temuan" data-label="Temuan terbuka">{findings}</td>'
        '<td class="sop-audit-monitoring" data-label="Monitoring terakhir">{monitoring}</td>'
        '<td class="sop-audit-evaluasi" data-label="Evaluasi terakhir">{evaluation}</td>'
        '<td class="sop-audit-tindakan sop-angka" data-label="Tindakan terbuka">{actions}</td></tr>'
    ).format(
        marks=" ".join(row.review_marks), changed=change_text(row) or "—",
        late=" sop-lewat" if row.overdue else "", planned=review_text(row) or "—",
        suspect=Markup('<ul class="sop-audit-sebab">{}</ul>').format(suspect) if row.suspect else "—",
        pos=position, agency=row.agency, status=row.status.value,
        tokens=("ada " + codes) if codes else "tidak",
        eff=row.effective.isoformat() if row.effective else "",
        number=row.number if row.number is not None else Markup('<span class="sop-belum">{}</span>').format(absent(row.status is Status.DRAFT)),
        href=links.sop(row.slug), title=row.title,
        unit=Markup('<br><span class="sop-bidang">{}</span>').format(row.unit) if row.unit else "",
        status_text=LABELS[row.status] if row.status is not Status.IN_FORCE else "Berlaku",
        effective=row.effective_shown or "—",
        revised=row.revised_shown or "—",
        findings=findings_text(row) or "—",
        monev=_monev_tokens(row),
        monitoring=_linked(links.monitoring(row.slug), row.last_monitoring, monitoring_text(row),
                           f"{row.last_monitoring.good} dari {row.last_monitoring.step_count} langkah baik"
                           if row.last_monitoring else ""),
        evaluation=_linked(links.evaluation(row.slug), row.last_evaluation, evaluation_text(row),
                           f"{row.last_evaluation.yes} dari {len(CRITERIA)} kriteria Ya" if row.last_evaluation else ""),
        actions=row.open_actions,
    )


def _linked(page: str, result, full: str, short: str) -> Markup:
    """The last result in short (its period and how it went; the date and the whole summary in the
    title, and in the downloads), linked to where its form shows it; or that there is none."""
    if result is None:
        return Markup('<span class="sop-belum">belum tercatat</span>')
    return Markup('<a href="{}#hasil-{}" title="{}">{}</a><br>{}').format(page, result.period.key, full, result.period.label, short)


HEAD = Markup(
    "<thead><tr>"
    '<th scope="col" class="sop-daftar-nomor" data-urut="nomor" aria-sort="ascending">Nomor</th>'
    '<th scope="col" class="sop-daftar-judul" data-urut="judul">Judul</th>'
    '<th scope="col" class="sop-daftar-status" data-urut="status">Status</th>'
    '<th scope="col" class="sop-daftar-efektif" data-urut="efektif">Tanggal Efektif</th>'
    '<th scope="col" class="sop-daftar-revisi">Tanggal Revisi</th>'
    '<th scope="col" class="sop-daftar-ubah">Perubahan terakhir</th>'
    '<th scope="col" class="sop-daftar-jadwal">Jadwal tinjauan</th>'
    '<th scope="col" class="sop-daftar-curiga">Perlu ditinjau</th>'
    '<th scope="col" class="sop-daftar-temuan" data-urut="temuan">Temuan terbuka</th>'
    '<th scope="col" class="sop-audit-monitoring">Monitoring terakhir</th>'
    '<th scope="col" class="sop-audit-evaluasi">Evaluasi terakhir</th>'
    '<th scope="col" class="sop-audit-tindakan">Tindakan terbuka</th>'
    "</tr></thead>"
)


def _sop_tables(audit: Audit, links: Links) -> Markup:
    parts = []
    position = 0
    for agency_id, name, rows in audit.agencies():
        body = []
        for row in rows:
            body.append(_row(position, row, links))
            position += 1
        parts.append(Markup(
            '<section class="sop-audit-instansi"><h2 id="instansi-{}">{}</h2><p class="sop-jumlah">{} SOP</p>'
            '<div class="sop-gulir"><table class="sop-tabel sop-daftar sop-audit">{}<tbody>{}</tbody></table></div></section>'
        ).format(agency_id, name, len(rows), HEAD, Markup("").join(body)))
    return Markup("").join(parts)


def _sop_list(slugs: tuple[str, ...], audit: Audit, links: Links) -> Markup:
    if not slugs:
        return Markup("—")
    rows = {r.slug: r for r in audit.sops}
    return Markup("; ").join(
        Markup('<a href="{}">{}</a>').format(links.sop(slug), rows[slug].number or rows[slug].title) for slug in slugs
    )


def _legal_table(bases: list[AuditLegalBasis], audit: Audit, links: Links, caption: str) -> Markup:
    body = Markup("").join(
        Markup('<tr><td data-label="Dasar hukum">{}</td><td data-label="Keadaan">{}</td>'
               '<td class="sop-angka" data-label="Jumlah SOP">{}</td><td data-label="SOP yang mengutip">{}</td></tr>').format(
            b.citation, basis_state(b), len(b.citing), _sop_list(b.citing, audit, links))
        for b in bases
    )
    return Markup(
        '<div class="sop-gulir"><table class="sop-tabel sop-audit-dasar"><caption>{}</caption><thead><tr>'
        '<th scope="col">Dasar hukum</th><th scope="col">Keadaan</th><th scope="col">Jumlah SOP</th>'
        '<th scope="col">SOP yang mengutip</th></tr></thead><tbody>{}</tbody></table></div>'
    ).format(caption, body)


def render_audit(audit: Audit, links: Links) -> Markup:
    total = len(audit.sops)
    with_findings = sum(1 for r in audit.sops if r.findings)
    problems = [b for b in audit.legal_bases if b.has_problem and b.citing]
    overdue = sum(1 for r in audit.sops if r.overdue)
    suspect = sum(1 for r in audit.sops if r.suspect)
    history = Markup(" Riwayat git tidak tersedia ({}): kolom Perubahan terakhir kosong.").format(audit.history) if audit.history else ""
    intro = Markup(
        '<p class="sop-audit-revisi">{revision}.{history}</p>'
        '<p>{total} SOP dari {agencies} instansi; {overdue} lewat jadwal tinjauan; {suspect} perlu ditinjau; '
        '{with_findings} dengan temuan terbuka; {problems} dasar hukum dicabut atau tidak lengkap masih dikutip.</p>'
        '<p class="sop-audit-unduh"><strong>Unduh untuk kertas kerja:</strong> '
        '<a href="{xlsx}" download>audit.xlsx</a> · <a href="{csv}" download>audit.csv</a></p>'
    ).format(revision=audit.revision, history=history, overdue=overdue, suspect=suspect, total=total, agencies=len(audit.agencies()), with_findings=with_findings,
             problems=len(problems), xlsx=links.audit_download(AUDIT_XLSX), csv=links.audit_download(AUDIT_CSV))
    parts = [intro, Markup('<div class="sop-daftar-wadah">'), _controls(audit), _sop_tables(audit, links), Markup("</div>")]
    parts.append(Markup("<h2 id=\"dasar-hukum-bermasalah\">Dasar hukum dicabut atau tidak lengkap</h2>"))
    if problems:
        parts.append(_legal_table(problems, audit, links, "Dasar hukum yang perlu ditindaklanjuti dan SOP yang mengutipnya"))
    else:
        parts.append(Markup("<p>Tidak ada SOP yang mengutip dasar hukum yang dicabut atau tidak lengkap.</p>"))
    parts.append(Markup(
        '<h2 id="dampak-dasar-hukum">Dampak perubahan dasar hukum</h2>'
        "<p>Untuk setiap dasar hukum di registri: SOP yang perlu ditinjau bila dasar hukum itu diubah atau dicabut.</p>"))
    parts.append(_legal_table(list(audit.legal_bases), audit, links, "Setiap dasar hukum dan SOP yang mengutipnya"))
    if audit.unpublished:
        items = Markup("").join(
            Markup("<li><code>{}</code>{}</li>").format(
                u.path, Markup(": <code>{}</code> {}").format(u.code, u.message) if u.code else "")
            for u in audit.unpublished)
        parts.append(Markup('<h2 id="tidak-diterbitkan">SOP yang tidak diterbitkan karena bergalat</h2><ul>{}</ul>').format(items))
    return Markup('<div class="sop-audit-halaman">{}</div>').format(Markup("").join(parts))
