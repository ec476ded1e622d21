"""Monitoring and evaluation of SOPs (Permenpan-RB 35/2012), as recorded in the sources.

Two kinds of record, one file per period beside the SOPs (see load/discover.py):

- monitoring, every six months (`_monitoring/2026-1.yml`: semester I of 2026): each step of an SOP
  judged *berjalan dengan baik* or *tidak berjalan dengan baik*, with a note and the action to take;
- evaluation, at least yearly (`_evaluasi/2026.yml`): the seven criteria of the regulation, each
  answered ya or tidak, with a note and the action to take.

This module holds what a record file says (strict pydantic models, validated piece by piece so that one
bad entry does not hide the others) and what the rest of the site reads of it: per SOP, its results
by period, the last one, and the actions not yet done (`SopMonev`). Which records are accepted is
decided by the checks (checks/monev.py).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainValidator, model_validator
from pydantic_core import PydanticCustomError

from ..load.yaml_tree import Locator
from .base import Date, Id, PartialDate, StrictModel, Text, TypeName, is_id, shown, when_absent

MAX_ENTRIES = 5000  # SOPs in one period's file: a kabupaten holds 1,000–3,000
MAX_STEP_RESULTS = 200  # as many as an SOP may have steps


class RecordKind(str, enum.Enum):
    """The two kinds of record; the value is the folder beside the SOPs that holds them."""

    MONITORING = "_monitoring"
    EVALUATION = "_evaluasi"

    @property
    def label(self) -> str:
        return "monitoring" if self is RecordKind.MONITORING else "evaluasi"


# -- periods ------------------------------------------------------------------------------------

ROMAN = {1: "I", 2: "II"}
_KEY_FORMS = {
    RecordKind.MONITORING: re.compile(r"(\d{4})-(\d+)"),
    RecordKind.EVALUATION: re.compile(r"(\d{4})"),
}
_SEMESTER_WORDS = re.compile(r"semester\s+([ivx]+|\d+)\s+(?:tahun\s+)?(\d{4})", re.IGNORECASE)
_YEAR_WORDS = re.compile(r"(?:tahun\s+)?(\d{4})", re.IGNORECASE)
_ROMAN_VALUES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
PERIOD_FORMS = {
    RecordKind.MONITORING: "TTTT-1 (semester I, Januari–Juni) atau TTTT-2 (semester II, Juli–Desember), "
    "mis. 2026-1 atau 'Semester I 2026'",
    RecordKind.EVALUATION: "TTTT (satu tahun), mis. 2026 atau 'Tahun 2026'",
}
ERR_PERIOD = "period_unknown"  # the error kind model/errors.py reports as SOP-M003


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """A half year (monitoring: `half` 1 or 2) or a whole year (evaluation: `half` None)."""

    year: int
    half: int | None = None

    @property
    def key(self) -> str:
        """As file names write it: 2026-1, 2026."""
        return f"{self.year}" if self.half is None else f"{self.year}-{self.half}"

    @property
    def label(self) -> str:
        """As forms print it: Semester I 2026, Tahun 2026."""
        return f"Tahun {self.year}" if self.half is None else f"Semester {ROMAN[self.half]} {self.year}"

    @property
    def first(self) -> PartialDate:
        return PartialDate(self.year, 1 if self.half in (None, 1) else 7, 1)

    @property
    def last(self) -> PartialDate:
        return PartialDate(self.year, 6 if self.half == 1 else 12, 30 if self.half == 1 else 31)

    @property
    def following(self) -> "Period":
        if self.half is None:
            return Period(self.year + 1)
        return Period(self.year, 2) if self.half == 1 else Period(self.year + 1, 1)

    @property
    def months(self) -> str:
        """Januari–Juni 2026."""
        if self.half is None:
            return f"Januari–Desember {self.year}"
        return f"Januari–Juni {self.year}" if self.half == 1 else f"Juli–Desember {self.year}"


def _period_error(kind: RecordKind, value: str, reason: str) -> PydanticCustomError:
    return PydanticCustomError(
        ERR_PERIOD, "periode '{value}' {reason}; tulis {forms}",
        {"value": shown(value), "reason": reason, "forms": PERIOD_FORMS[kind]},
    )


def parse_period(value: Any, kind: RecordKind, *, key_only: bool = False) -> Period:
    """A period as written in a record ('2026-1', 'Semester I 2026', '2026', 'Tahun 2026'), or as a
    file name writes it (`key_only`: only '2026-1' / '2026'). Raises PydanticCustomError (SOP-M003)."""
    if not isinstance(value, str):
        raise _period_error(kind, str(value), "bukan teks periode")
    text = " ".join(value.split())
    half: int | None = None
    written = ""
    key = _KEY_FORMS[kind].fullmatch(text)
    if key:
        year = int(key.group(1))
        if kind is RecordKind.MONITORING:
            written = key.group(2)
            half = int(written)
    elif not key_only and kind is RecordKind.MONITORING and (words := _SEMESTER_WORDS.fullmatch(text)):
        written = words.group(1).upper()
        year = int(words.group(2))
        half = int(written) if written.isdigit() else _ROMAN_VALUES.get(written.lower(), 0)
    elif not key_only and kind is RecordKind.EVALUATION and (words := _YEAR_WORDS.fullmatch(text)):
        year = int(words.group(1))
    elif kind is RecordKind.EVALUATION and re.fullmatch(r"\d{4}-\d+", text):
        raise _period_error(kind, value, "bukan periode evaluasi: evaluasi dicatat per tahun, tanpa semester")
    else:
        raise _period_error(kind, value, "tidak dikenali bentuknya")
    if kind is RecordKind.MONITORING and half not in (1, 2):
        raise _period_error(kind, value, f"tidak ada: satu tahun hanya punya semester 1 dan 2, bukan semester {written}")
    if not 1945 <= year <= 2100:
        raise _period_error(kind, value, "di luar rentang tahun 1945–2100")
    return Period(year, half)


def _monitoring_period(value: Any) -> Period:
    return value if isinstance(value, Period) else parse_period(value, RecordKind.MONITORING)


def _evaluation_period(value: Any) -> Period:
    return value if isinstance(value, Period) else parse_period(value, RecordKind.EVALUATION)


MonitoringPeriod = Annotated[Period, PlainValidator(_monitoring_period), TypeName("semester: 2026-1, 2026-2 atau Semester I 2026")]
EvaluationPeriod = Annotated[Period, PlainValidator(_evaluation_period), TypeName("tahun: 2026 atau Tahun 2026")]


# -- what a record file says --------------------------------------------------------------------

def _assessor_form(value: Any) -> Any:
    """`penilai: kasubbag-organisasi` names a role of the registry; a name is written as a mapping."""
    if isinstance(value, str):
        if not is_id(value):
            raise PydanticCustomError(
                "assessor_form",
                "penilai '{value}' bukan id jabatan; tulis id jabatan di registri (mis. 'kasubbag-organisasi'), "
                "atau pemetaan dengan 'nama' dan 'nip' di baris-baris di bawahnya",
                {"value": shown(value)},
            )
        return {"jabatan": value}
    return value


class Assessor(StrictModel):
    """Who judged: a role of the registry, a named official (with NIP), or both."""

    name: Text | None = Field(
        None, alias="nama", description="nama penilai", json_schema_extra=when_absent("penilai disebut dengan jabatannya saja")
    )
    nip: Text | None = Field(
        None, alias="nip", description="18 angka, spasi boleh; diperiksa seperti NIP pengesah (SOP-N001–N004)",
        json_schema_extra=when_absent("tidak dicetak"),
    )
    role: Id | None = Field(
        None, alias="jabatan", description="id jabatan di registri (SOP-A003)", json_schema_extra=when_absent("boleh, bila nama ditulis")
    )

    @model_validator(mode="after")
    def _someone(self) -> "Assessor":
        if self.name is None and self.role is None:
            raise PydanticCustomError("assessor_empty", "penilai harus menyebut 'nama' atau 'jabatan' (id jabatan)")
        return self


AssessorField = Annotated[Assessor, BeforeValidator(_assessor_form), TypeName("id jabatan, atau {nama, nip, jabatan}")]


def _action_form(value: Any) -> Any:
    """`tindakan: Melatih ulang operator` is an action not yet done; the long form says when it was."""
    return {"uraian": value} if isinstance(value, str) else value


class Action(StrictModel):
    """Tindakan yang harus diambil; `selesai` records the day it was done (until then it is open)."""

    text: Text = Field(alias="uraian", description="tindakan yang harus diambil")
    done: Date | None = Field(
        None, alias="selesai", description="tanggal tindakan selesai dilaksanakan",
        json_schema_extra=when_absent("tindakan masih terbuka"),
    )


ActionField = Annotated[Action, BeforeValidator(_action_form), TypeName("teks (tindakan yang masih terbuka), atau {uraian, selesai}")]


class Rating(str, enum.Enum):
    """Penilaian terhadap penerapan."""

    GOOD = "baik"
    NOT_GOOD = "tidak"

    @property
    def label(self) -> str:
        return "Berjalan dengan baik" if self is Rating.GOOD else "Tidak berjalan dengan baik"


def _short_rating(value: Any) -> Any:
    return {"penilaian": value} if isinstance(value, str) else value


class StepResult(StrictModel):
    """One row of the monitoring form: a step judged, with a note and the action to take."""

    rating: Rating = Field(alias="penilaian", description="baik (berjalan dengan baik) atau tidak (tidak berjalan dengan baik)")
    note: Text | None = Field(None, alias="catatan", description="catatan hasil penilaian")
    action: ActionField | None = Field(None, alias="tindakan", description="tindakan yang harus diambil")


StepResultField = Annotated[StepResult, BeforeValidator(_short_rating), TypeName("baik atau tidak, atau {penilaian, catatan, tindakan}")]


class MonitoringEntry(StrictModel):
    """One SOP in a monitoring period: its steps by number (as the form prints them)."""

    assessor: AssessorField | None = Field(
        None, alias="penilai", description="bila berbeda dari penilai berkas", json_schema_extra=when_absent("penilai berkas")
    )
    date: Date | None = Field(None, alias="tanggal", description="bila berbeda dari tanggal berkas", json_schema_extra=when_absent("tanggal berkas"))
    steps: Annotated[
        dict[str, StepResultField], Field(min_length=1, max_length=MAX_STEP_RESULTS),
        TypeName("pemetaan nomor langkah (seperti dicetak formulir) → baik atau tidak, atau {penilaian, catatan, tindakan}"),
    ] = Field(alias="langkah", description="penilaian setiap langkah yang dinilai (SOP-M002: nomor yang tidak ada)")
    note: Text | None = Field(None, alias="catatan", description="catatan umum hasil monitoring SOP ini")


class Answer(str, enum.Enum):
    YES = "ya"
    NO = "tidak"

    @property
    def label(self) -> str:
        return "Ya" if self is Answer.YES else "Tidak"


def _short_answer(value: Any) -> Any:
    return {"jawaban": value} if isinstance(value, str) else value


class CriterionAnswer(StrictModel):
    answer: Answer = Field(alias="jawaban", description="jawaban atas kriteria")
    note: Text | None = Field(None, alias="catatan", description="catatan hasil evaluasi kriteria ini")
    action: ActionField | None = Field(None, alias="tindakan", description="tindakan yang harus diambil")


AnswerField = Annotated[CriterionAnswer, BeforeValidator(_short_answer), TypeName("ya atau tidak, atau {jawaban, catatan, tindakan}")]

# The seven criteria of the evaluation, in the regulation's order: (key in the sources, question).
CRITERIA: tuple[tuple[str, str], ...] = (
    ("mendorong_kinerja", "Mampu mendorong peningkatan kinerja"),
    ("mudah_dipahami", "Mudah dipahami"),
    ("mudah_dilaksanakan", "Mudah dilaksanakan"),
    ("menjalankan_peran", "Semua orang dapat menjalankan perannya masing-masing"),
    ("mengatasi_permasalahan", "Mampu mengatasi permasalahan yang berkaitan dengan proses"),
    ("menjawab_kebutuhan", "Mampu menjawab kebutuhan peningkatan kinerja organisasi"),
    ("sinergi", "Sinergi satu dengan lainnya"),
)
CRITERION_LABELS = dict(CRITERIA)


class Criteria(StrictModel):
    """Every criterion answered: an evaluation leaves none out."""

    mendorong_kinerja: AnswerField = Field(alias="mendorong_kinerja", description=CRITERION_LABELS["mendorong_kinerja"])
    mudah_dipahami: AnswerField = Field(alias="mudah_dipahami", description=CRITERION_LABELS["mudah_dipahami"])
    mudah_dilaksanakan: AnswerField = Field(alias="mudah_dilaksanakan", description=CRITERION_LABELS["mudah_dilaksanakan"])
    menjalankan_peran: AnswerField = Field(alias="menjalankan_peran", description=CRITERION_LABELS["menjalankan_peran"])
    mengatasi_permasalahan: AnswerField = Field(alias="mengatasi_permasalahan", description=CRITERION_LABELS["mengatasi_permasalahan"])
    menjawab_kebutuhan: AnswerField = Field(alias="menjawab_kebutuhan", description=CRITERION_LABELS["menjawab_kebutuhan"])
    sinergi: AnswerField = Field(alias="sinergi", description=CRITERION_LABELS["sinergi"])

    def answers(self) -> tuple[tuple[str, CriterionAnswer], ...]:
        """(key, answer) in the regulation's order."""
        return tuple((key, getattr(self, key)) for key, _ in CRITERIA)


class EvaluationEntry(StrictModel):
    """One SOP in an evaluation period."""

    assessor: AssessorField | None = Field(
        None, alias="penilai", description="bila berbeda dari penilai berkas", json_schema_extra=when_absent("penilai berkas")
    )
    date: Date | None = Field(None, alias="tanggal", description="bila berbeda dari tanggal berkas", json_schema_extra=when_absent("tanggal berkas"))
    criteria: Criteria = Field(alias="kriteria", description="ketujuh kriteria Permenpan-RB 35/2012, semuanya dijawab")
    note: Text | None = Field(None, alias="catatan", description="catatan umum hasil evaluasi SOP ini")


def _mapping_or_empty(value: Any) -> Any:
    return {} if value is None else value


Entries = Annotated[dict[str, Any], Field(max_length=MAX_ENTRIES), BeforeValidator(_mapping_or_empty)]


class MonitoringHeader(StrictModel):
    """A monitoring file: its period, who judged and when (each entry may say otherwise), and the
    results by SOP slug (validated one entry at a time, as MonitoringEntry)."""

    period: MonitoringPeriod = Field(alias="periode", description="periode berkas; sama dengan nama berkasnya (SOP-M003)")
    assessor: AssessorField | None = Field(
        None, alias="penilai", description="penilai semua hasil berkas ini", json_schema_extra=when_absent("setiap hasil menulis penilainya sendiri; tanpa itu galat SOP-M004")
    )
    date: Date | None = Field(None, alias="tanggal", description="tanggal penilaian", json_schema_extra=when_absent("setiap hasil menulis tanggalnya sendiri; tanpa itu galat SOP-M004"))
    results: Annotated[Entries, TypeName("pemetaan slug SOP → hasil monitoring SOP itu", MonitoringEntry)] = Field(
        alias="hasil", description="hasil monitoring per SOP"
    )


class EvaluationHeader(StrictModel):
    period: EvaluationPeriod = Field(alias="periode", description="periode berkas; sama dengan nama berkasnya (SOP-M003)")
    assessor: AssessorField | None = Field(
        None, alias="penilai", description="penilai semua hasil berkas ini", json_schema_extra=when_absent("setiap hasil menulis penilainya sendiri; tanpa itu galat SOP-M004")
    )
    date: Date | None = Field(None, alias="tanggal", description="tanggal penilaian", json_schema_extra=when_absent("setiap hasil menulis tanggalnya sendiri; tanpa itu galat SOP-M004"))
    results: Annotated[Entries, TypeName("pemetaan slug SOP → hasil evaluasi SOP itu", EvaluationEntry)] = Field(
        alias="hasil", description="hasil evaluasi per SOP"
    )


class MonitoringResults(StrictModel):
    """The shape one entry is validated in, so that its findings are located under `hasil`."""

    results: dict[str, MonitoringEntry] = Field(alias="hasil", description="hasil monitoring per SOP")


class EvaluationResults(StrictModel):
    results: dict[str, EvaluationEntry] = Field(alias="hasil", description="hasil evaluasi per SOP")


HEADERS = {RecordKind.MONITORING: MonitoringHeader, RecordKind.EVALUATION: EvaluationHeader}
RESULTS = {RecordKind.MONITORING: MonitoringResults, RecordKind.EVALUATION: EvaluationResults}


# -- what the site reads: per SOP, its results by period ----------------------------------------

@dataclass(frozen=True, slots=True)
class StepRating:
    """One judged step of an SOP, named as the form names it."""

    number: str  # the step's number as the SOP shows it
    index: int  # its position among the SOP's steps
    result: StepResult


@dataclass(frozen=True, slots=True)
class MonitoringResult:
    period: Period
    date: PartialDate
    assessor: Assessor
    steps: tuple[StepRating, ...]  # in the SOP's order
    step_count: int  # steps the SOP has (some may not have been judged)
    note: str | None
    source: str  # the record file, from the source root

    @property
    def good(self) -> int:
        return sum(1 for s in self.steps if s.result.rating is Rating.GOOD)

    @property
    def not_good(self) -> int:
        return sum(1 for s in self.steps if s.result.rating is Rating.NOT_GOOD)

    @property
    def not_judged(self) -> int:
        return self.step_count - len(self.steps)

    def rating_of(self, index: int) -> StepResult | None:
        return next((s.result for s in self.steps if s.index == index), None)


@dataclass(frozen=True, slots=True)
class EvaluationResult:
    period: Period
    date: PartialDate
    assessor: Assessor
    criteria: Criteria
    note: str | None
    source: str

    @property
    def yes(self) -> int:
        return sum(1 for _, a in self.criteria.answers() if a.answer is Answer.YES)


@dataclass(frozen=True, slots=True)
class OpenAction:
    """A tindakan recorded and not yet marked done (`selesai`)."""

    kind: RecordKind
    period: Period
    date: PartialDate
    subject: str  # "Langkah 4", or a criterion of the evaluation
    text: str
    note: str | None


@dataclass(frozen=True, slots=True)
class SopMonev:
    """What the records say of one SOP: every accepted result, oldest period first."""

    monitoring: tuple[MonitoringResult, ...] = ()
    evaluations: tuple[EvaluationResult, ...] = ()

    @property
    def last_monitoring(self) -> MonitoringResult | None:
        return self.monitoring[-1] if self.monitoring else None

    @property
    def last_evaluation(self) -> EvaluationResult | None:
        return self.evaluations[-1] if self.evaluations else None

    @property
    def open_actions(self) -> tuple[OpenAction, ...]:
        """Every action not yet done, newest period first (monitoring before evaluation within a year)."""
        found: list[tuple[tuple, OpenAction]] = []
        for m in self.monitoring:
            for s in m.steps:
                action = s.result.action
                if action is not None and action.done is None:
                    item = OpenAction(RecordKind.MONITORING, m.period, m.date, f"Langkah {s.number}", action.text, s.result.note)
                    found.append(((m.period.year, m.period.half or 3, 0, s.index), item))
        for e in self.evaluations:
            for n, (key, answer) in enumerate(e.criteria.answers()):
                action = answer.action
                if action is not None and action.done is None:
                    item = OpenAction(RecordKind.EVALUATION, e.period, e.date, CRITERION_LABELS[key], action.text, answer.note)
                    found.append(((e.period.year, 3, 1, n), item))
        found.sort(key=lambda pair: (-pair[0][0], -pair[0][1], pair[0][2], pair[0][3]))
        return tuple(item for _, item in found)


EMPTY = SopMonev()


@dataclass(slots=True)
class RecordFile:
    """One record file as read: where it stands, the period its name states, its validated header
    (None when the file itself is unusable), and each entry validated on its own (None: invalid)."""

    kind: RecordKind
    path: str  # as findings name it
    relative: str  # from the source root, as pages name it (the same on every machine): _monitoring/2026-1.yml
    locator: Locator
    name_period: Period | None
    name_problem: str | None  # why the file name is not a period
    header: MonitoringHeader | EvaluationHeader | None = None
    entries: dict[str, MonitoringEntry | EvaluationEntry | None] = field(default_factory=dict)
