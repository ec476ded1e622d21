"""Indonesian formatting of dates, times and numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..model.base import indonesian_date  # noqa: F401 (the one date formatter, shared with the checks' messages)
from ..model.duration import Amount, Bound, Duration, StepTime, TimeUnit, WrittenKind, WrittenTime, to_minutes



NOT_SET = "belum ditetapkan"  # a draft's nomor, date or signer
NO_VALUE = "—"  # an empty cell, on every page (a draft step's waktu or output, a list or a date the source lacks)


def natural_key(text: str) -> list:
    """Sort key comparing the numbers in a text as numbers: '205/050/2' before '205/050/10'."""
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", text)]


def absent(draft: bool) -> str:
    """What a value the source does not state is printed as: a draft has not decided it yet; an SOP in
    force or retired whose signed source lacks it shows the empty cell, never a value made up."""
    return NOT_SET if draft else NO_VALUE


def nomor(number: str | None, draft: bool) -> str:
    """An SOP's nomor, or what stands for it when the source has none."""
    return number if number is not None else absent(draft)


def number(value: Decimal) -> str:
    """120 -> '120', 1.5 -> '1,5' (Indonesian decimal comma)."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def amount_text(amount: Amount, unit: TimeUnit) -> str:
    """One amount as the SOP prints it: '30 menit', '1–3 hari', 'paling lama 3 hari kerja', '± 10 menit'.
    Every form reads back to the same amount (tests/model/test_waktu.py)."""
    value = f"{number(amount.high)} {unit.value}"
    if amount.hours_and_minutes:
        hours, minutes = divmod(int(amount.high), 60)
        value = f"{hours} jam {minutes} menit"
    if amount.times is not None:  # '1 x 24 jam', as written
        value = f"{amount.times} x {number(amount.high / amount.times)} {unit.value}"
    if amount.bound is Bound.RANGE:
        assert amount.low is not None
        return f"{number(amount.low)}–{value}"
    if amount.bound is Bound.AT_MOST:
        return f"{'paling lambat' if amount.latest else 'paling lama'} {value}"
    if amount.bound is Bound.ABOUT:
        return f"± {value}"
    return value


def duration(value: StepTime | None) -> str:
    """The one formatter of a step's waktu, for every page that shows it; conditions in brackets."""
    if value is None:  # a draft step whose waktu is not known yet
        return NO_VALUE
    if isinstance(value, WrittenTime):  # no amount of time: the source's words, as written
        return value.text
    parts = [
        f"{amount_text(option.quantity, option.unit)} ({option.condition})" if option.condition
        else amount_text(option.quantity, option.unit)
        for option in value.options
    ]
    return "; ".join(parts)


@dataclass(frozen=True)
class Span:
    """An amount of time kept in the buckets that convert exactly: hari kerja are never hari, and
    hari are never hours (an SOP's day is not 24 working hours)."""

    minutes: Decimal = Decimal(0)
    days: Decimal = Decimal(0)
    working_days: Decimal = Decimal(0)

    @classmethod
    def of(cls, value: Decimal, unit: TimeUnit) -> "Span":
        if unit is TimeUnit.DAY:
            return cls(days=value)
        if unit is TimeUnit.WORKING_DAY:
            return cls(working_days=value)
        return cls(minutes=to_minutes(value, unit) or Decimal(0))

    def __add__(self, other: "Span") -> "Span":
        return Span(self.minutes + other.minutes, self.days + other.days, self.working_days + other.working_days)

    def parts(self) -> list[tuple[Decimal, str]]:
        parts = []
        if self.working_days:
            parts.append((self.working_days, "hari kerja"))
        if self.days:
            parts.append((self.days, "hari"))
        hours, minutes = divmod(self.minutes, 60)
        if hours:
            parts.append((hours, "jam"))
        if minutes or not parts:
            parts.append((minutes, "menit"))
        return parts

    def __str__(self) -> str:
        return " ".join(f"{number(n)} {unit}" for n, unit in self.parts())


def _bucket(unit: TimeUnit) -> TimeUnit:
    return TimeUnit.MINUTE if unit is TimeUnit.HOUR else unit


@dataclass(frozen=True)
class TotalTime:
    """The time of several steps, summed honestly: fixed + fixed is fixed, a range keeps the total a
    range (low..high), a maximum makes it 'paling lama', an approximation makes it '±'."""

    low: Span
    high: Span
    at_most: bool = False
    approximate: bool = False
    conditional: int = 0  # lists of conditional amounts, counted from the shortest to the longest
    excluded: int = 0  # times with one condition (or incomparable units), listed but not added
    missing: int = 0  # steps without a waktu (drafts)
    as_written: tuple[int, int, int] = (0, 0, 0)  # waktu kept as written, per WrittenKind: listed, not added
    added: int = 0  # how many waktu the total is the sum of
    cut_off: int = 0  # how many of the summed SOPs are truncated sources: the total is a part
    sources: int = 1  # how many SOPs are summed

    @property
    def minutes(self) -> Decimal:
        return self.high.minutes

    @property
    def days(self) -> Decimal:
        return self.high.days

    @property
    def working_days(self) -> Decimal:
        return self.high.working_days

    def _value(self) -> str:
        about = "± " if self.approximate else ""
        if self.at_most:
            return f"paling lama {about}{self.high}"
        if self.low == self.high:
            return f"{about}{self.high}"
        low, high = self.low.parts(), self.high.parts()
        if len(low) == len(high) == 1 and low[0][1] == high[0][1]:
            return f"{about}{number(low[0][0])}–{number(high[0][0])} {high[0][1]}"
        return f"{about}{self.low} – {self.high}"

    def notes(self) -> list[str]:
        notes = []
        if self.cut_off:
            notes.append(
                "sebagian: sumber terpotong" if self.sources == 1
                else f"sebagian: {self.cut_off} dari {self.sources} SOP bersumber terpotong"
            )
        if self.conditional:
            notes.append(f"termasuk {self.conditional} waktu bersyarat, dari yang tersingkat sampai yang terlama")
        bare, window, since = self.as_written
        left_out = [
            f"{count} {what}" for count, what in (
                (self.excluded, "waktu bersyarat"), (bare, "waktu tanpa satuan"), (window, "waktu berupa teks"),
                (since, "batas waktu yang dihitung dari peristiwa lain"), (self.missing, "langkah tanpa waktu"),
            ) if count
        ]
        if left_out:
            notes.append("belum termasuk " + ", ".join(left_out))
        return notes

    def __str__(self) -> str:
        notes = self.notes()
        # nothing added: '0 menit' would read as a time; say that nothing could be added
        text = self._value() if self.added or not notes else "tidak ada yang dapat dijumlahkan"
        return f"{text} ({'; '.join(notes)})" if notes else text


def _bounds(option: Duration) -> tuple[Decimal, Decimal]:
    amount = option.quantity
    if amount.bound is Bound.RANGE:
        assert amount.low is not None
        return amount.low, amount.high
    if amount.bound is Bound.AT_MOST:
        return Decimal(0), amount.high
    return amount.high, amount.high


_WRITTEN_ORDER = (WrittenKind.BARE, WrittenKind.WINDOW, WrittenKind.DEADLINE)


def total_time(durations: Iterable[StepTime | None], cut_off: int = 0, sources: int = 1) -> TotalTime:
    """`cut_off` of the `sources` SOPs whose steps these are are truncated sources."""
    low = high = Span()
    at_most = approximate = False
    conditional = excluded = missing = added = 0
    written = [0, 0, 0]
    for item in durations:
        if item is None:
            missing += 1
            continue
        if isinstance(item, WrittenTime):
            written[_WRITTEN_ORDER.index(item.kind)] += 1
            continue
        options = item.options
        if (len(options) == 1 and options[0].condition) or len({_bucket(o.unit) for o in options}) > 1:
            excluded += 1  # a time that holds only under its condition, or amounts that cannot be compared
            continue
        spans = [tuple(Span.of(v, o.unit) for v in _bounds(o)) for o in options]
        low += min((lo for lo, _ in spans), key=lambda span: (span.minutes, span.days, span.working_days))
        high += max((hi for _, hi in spans), key=lambda span: (span.minutes, span.days, span.working_days))
        at_most = at_most or any(o.bound is Bound.AT_MOST for o in options)
        approximate = approximate or any(o.bound is Bound.ABOUT for o in options)
        conditional += len(options) > 1
        added += 1
    return TotalTime(low, high, at_most, approximate, conditional, excluded, missing, tuple(written), added, cut_off, sources)


def sop_total(sop) -> TotalTime:
    """The total time of one SOP's steps, marked partial when its source is truncated."""
    return total_time((step.duration for step in sop.steps), cut_off=int(sop.truncated))


CUT_OFF = "sumber terpotong"


def cut_off_mark(sop) -> str:
    """' · sumber terpotong' after an SOP's name wherever a part of it is listed without its page's note."""
    return f" · {CUT_OFF}" if sop.truncated else ""


def missing_steps(who: str) -> str:
    """What stands for a role's steps when none is visible: a truncated source shows none of them."""
    return f"Langkah {who} dalam SOP ini tidak terlihat: ada di bagian sumber yang hilang ({CUT_OFF})."


def grouped_nip(nip: str) -> str:
    """'196908151998031008' -> '19690815 199803 1 008' (as printed under a signature)."""
    digits = "".join(nip.split())
    if len(digits) == 18 and digits.isdigit():
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return nip
