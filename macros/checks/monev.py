"""Monitoring and evaluation records: which SOP, which step, which period, who judged and when.

`judge_records` is the one place that decides: it gives the findings (reported by the check below)
and the results accepted (kept for the site by checks/run.py). A record with an error is left out
with its finding, never the build: a file whose own period, assessor or date is wrong loses all its
entries; an entry with an error of its own is left out alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator

from .. import codes
from ..findings import Finding, Location, Severity
from ..load.yaml_tree import Locator
from ..model.base import PartialDate
from ..model.errors import suggest
from ..model.monev import (
    Action, Assessor, EvaluationEntry, EvaluationResult, MonitoringEntry, MonitoringResult, Period, RecordFile, RecordKind,
    SopMonev, StepRating,
)
from ..model.project import Project
from ..model.sop import Sop
from .base import JudgingCheck, register, unknown_reference
from .nip import nip_problems
from .review import project_today


@dataclass(slots=True)
class Verdict:
    findings: list[Finding] = field(default_factory=list)
    accepted: dict[str, SopMonev] = field(default_factory=dict)  # slug -> its results, oldest period first


def _errors(found: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in found)


def _assessor_problems(assessor: Assessor, project: Project, locator: Locator, *where) -> list[Finding]:
    found: list[Finding] = []
    if assessor.role is not None:
        found += unknown_reference(project.roles, assessor.role, locator.value(*where, "penilai"), codes.UNKNOWN_ROLE,
                                   "jabatan penilai")
    if assessor.nip is not None:
        found += nip_problems(assessor.nip, locator.value(*where, "penilai", "nip"))
    return found


def _date_problems(date: PartialDate, period: Period, at: Location, today: dt.date) -> list[Finding]:
    """A judgement is made in its period or, written up late, in the next one: never before the period
    starts, nor after the next one ends (that is another period's record); and never after today
    (a record of a judgement not yet made, like a tinjauan after today: SOP-V004)."""
    found: list[Finding] = []
    if date.certainly_before(period.first):
        found.append(codes.RECORD_DATE_OUTSIDE.at(
            at, f"tanggal penilaian {date.isoformat()} sebelum periode {period.label} ({period.months}) mulai"
        ))
    later = period.following
    if later.last.certainly_before(date):
        found.append(codes.RECORD_DATE_OUTSIDE.at(
            at,
            f"tanggal penilaian {date.isoformat()} setelah periode berikutnya ({later.label}) berakhir; "
            f"hasil itu bukan untuk periode {period.label}?",
        ))
    if date.first > today:
        found.append(codes.RECORD_IN_FUTURE.at(
            at, f"tanggal penilaian {date.isoformat()} sesudah hari ini: catat hanya penilaian yang sudah dilakukan"
        ))
    return found


def _actions(entry: MonitoringEntry | EvaluationEntry) -> Iterator[tuple[tuple[str, ...], Action]]:
    """Each action an entry records, with the keys that lead to it from the entry."""
    if isinstance(entry, MonitoringEntry):
        for written, step in entry.steps.items():
            if step.action is not None:
                yield ("langkah", written, "tindakan"), step.action
    else:
        for key, answer in entry.criteria.answers():
            if answer.action is not None:
                yield ("kriteria", key, "tindakan"), answer.action


def _action_problems(record: RecordFile, slug: str, entry: MonitoringEntry | EvaluationEntry,
                     today: dt.date) -> list[Finding]:
    """An action is done after the judgement that asked for it, and not after today: a `selesai` that
    cannot be true would count an open action as done."""
    judged = entry.date or (record.header.date if record.header is not None else None)
    found: list[Finding] = []
    for keys, action in _actions(entry):
        done = action.done
        if done is None:
            continue
        at = record.locator.value("hasil", slug, *keys, "selesai")
        if done.first > today:
            found.append(codes.ACTION_DONE_IMPOSSIBLE.at(
                at, f"tindakan selesai {done.isoformat()} sesudah hari ini: tulis 'selesai' setelah tindakan "
                "dilaksanakan; sampai itu tindakan masih terbuka",
            ))
        elif judged is not None and done.certainly_before(judged):
            found.append(codes.ACTION_DONE_IMPOSSIBLE.at(
                at, f"tindakan selesai {done.isoformat()} sebelum tanggal penilaian {judged.isoformat()} yang memintanya",
            ))
    return found


def _file_problems(record: RecordFile, project: Project, today: dt.date) -> list[Finding]:
    """What makes the whole file unusable: its name, its period, its own assessor and date."""
    found: list[Finding] = []
    name = record.path.rsplit("/", 1)[-1]
    if record.name_problem is not None:
        found.append(codes.RECORD_PERIOD.at(
            Location(record.path), f"nama berkas '{name}' harus periodenya: {record.name_problem}"
        ))
    header = record.header
    if header is None:
        return found
    if record.name_period is not None and header.period != record.name_period:
        found.append(codes.RECORD_PERIOD.at(
            record.locator.value("periode"),
            f"periode {header.period.label} berbeda dengan nama berkasnya '{name}' ({record.name_period.label}); "
            "samakan keduanya",
        ))
    if header.assessor is not None:
        found += _assessor_problems(header.assessor, project, record.locator)
    if header.date is not None:
        found += _date_problems(header.date, header.period, record.locator.value("tanggal"), today)
    return found


def _missing(record: RecordFile, what: str, key: str, usable: dict[str, MonitoringEntry | EvaluationEntry]) -> list[Finding]:
    """An entry with no assessor (or date) of its own, in a file that names none: once for the file
    when no entry names one, otherwise at each entry that lacks it."""
    header = record.header
    if getattr(header, key) is not None:
        return []
    lacking = [slug for slug, entry in usable.items() if getattr(entry, key) is None]
    written = [entry for entry in record.entries.values() if entry is not None]
    field_name = "penilai" if key == "assessor" else "tanggal"
    if all(getattr(entry, key) is None for entry in written):
        return [codes.RECORD_NO_ASSESSOR.at(
            record.locator.value(),
            f"{what} belum diisi: tulis '{field_name}:' di berkas ini (atau di setiap hasil SOP)",
        )]
    return [
        codes.RECORD_NO_ASSESSOR.at(
            record.locator.key("hasil", slug), f"hasil SOP '{slug}' tanpa {what}: tulis '{field_name}:' di hasil ini atau di berkas"
        )
        for slug in lacking
    ]


def _step_index(sop: Sop) -> dict[str, int]:
    return {sop.step_number(i): i for i in range(len(sop.steps))}


def _step_problems(record: RecordFile, slug: str, entry: MonitoringEntry, sop: Sop) -> list[Finding]:
    numbers = _step_index(sop)
    found = []
    for written in entry.steps:
        if written.strip() not in numbers:
            shown = ", ".join(numbers) if len(numbers) <= 12 else f"{next(iter(numbers))}–{list(numbers)[-1]}"
            found.append(codes.RECORD_UNKNOWN_STEP.at(
                record.locator.key("hasil", slug, "langkah", written),
                f"langkah '{written}' tidak ada di SOP '{slug}' (nomor langkahnya: {shown})",
            ))
    return found


def _result(record: RecordFile, entry: MonitoringEntry | EvaluationEntry, sop: Sop) -> MonitoringResult | EvaluationResult:
    header = record.header
    assessor = entry.assessor or header.assessor
    date = entry.date or header.date
    if isinstance(entry, MonitoringEntry):
        numbers = _step_index(sop)
        steps = sorted(
            (StepRating(sop.step_number(numbers[n.strip()]), numbers[n.strip()], result) for n, result in entry.steps.items()),
            key=lambda s: s.index,
        )
        return MonitoringResult(header.period, date, assessor, tuple(steps), len(sop.steps), entry.note, record.relative)
    return EvaluationResult(header.period, date, assessor, entry.criteria, entry.note, record.relative)


def judge_records(project: Project) -> Verdict:
    verdict = Verdict()
    sops = {d.slug: d.sop for d in project.valid_documents}
    seen: dict[tuple[RecordKind, Period, str], str] = {}
    today = project_today(project)
    results: dict[str, list] = {}
    for record in sorted(project.records, key=lambda r: (r.kind.value, r.path)):
        file_problems = _file_problems(record, project, today)
        verdict.findings += file_problems
        file_ok = record.header is not None and not _errors(file_problems)
        # the file name is the period (a content that disagrees is reported above)
        period = record.name_period or (record.header.period if record.header is not None else None)
        usable: dict[str, MonitoringEntry | EvaluationEntry] = {}
        for slug, entry in record.entries.items():
            found: list[Finding] = []
            at = record.locator.key("hasil", slug)
            if slug not in project.known_slugs:
                found.append(codes.RECORD_UNKNOWN_SOP.at(
                    at, f"tidak ada SOP '{slug}' di sumber{suggest(slug, sorted(project.known_slugs))}"
                ))
            if period is not None:
                key = (record.kind, period, slug)
                if key in seen:
                    found.append(codes.RECORD_DUPLICATE.at(
                        at, f"hasil {record.kind.label} SOP '{slug}' untuk {period.label} sudah dicatat di {seen[key]}"
                    ))
                else:
                    seen[key] = record.path
            if entry is not None:
                if entry.assessor is not None:
                    found += _assessor_problems(entry.assessor, project, record.locator, "hasil", slug)
                if entry.date is not None and record.header is not None:
                    found += _date_problems(entry.date, record.header.period, record.locator.value("hasil", slug, "tanggal"),
                                            today)
                found += _action_problems(record, slug, entry, today)
                if isinstance(entry, MonitoringEntry) and sops.get(slug) is not None:
                    found += _step_problems(record, slug, entry, sops[slug])
            verdict.findings += found
            if entry is not None and not _errors(found):
                usable[slug] = entry
        if record.header is None:
            continue
        missing = _missing(record, "penilai", "assessor", usable) + _missing(record, "tanggal penilaian", "date", usable)
        verdict.findings += missing
        lacking = {slug for slug, e in usable.items() if (e.assessor or record.header.assessor) is None
                   or (e.date or record.header.date) is None}
        if not file_ok:
            continue
        for slug, entry in usable.items():
            if slug not in lacking and sops.get(slug) is not None:
                results.setdefault(slug, []).append(_result(record, entry, sops[slug]))
    for slug in sorted(results):
        ordered = sorted(results[slug], key=lambda r: (r.period.year, r.period.half or 0, r.source))
        verdict.accepted[slug] = SopMonev(
            tuple(r for r in ordered if isinstance(r, MonitoringResult)),
            tuple(r for r in ordered if isinstance(r, EvaluationResult)),
        )
    return verdict


@register
class Records(JudgingCheck[Verdict]):
    emits = (
        codes.RECORD_UNKNOWN_SOP, codes.RECORD_UNKNOWN_STEP, codes.RECORD_PERIOD, codes.RECORD_NO_ASSESSOR,
        codes.RECORD_DATE_OUTSIDE, codes.RECORD_DUPLICATE, codes.RECORD_IN_FUTURE, codes.ACTION_DONE_IMPOSSIBLE,
        codes.UNKNOWN_ROLE,
    )

    def judge(self, project: Project) -> Verdict:
        return judge_records(project)

    def report(self, project: Project, judgement: Verdict) -> Iterator[Finding]:
        yield from judgement.findings
